"""Tests for :mod:`asn_performance.domain.plan` (*Sasaran Kinerja Pegawai*, SKP).

Structure per PermenPANRB 6/2022 and the e-Kinerja SKP form (digest §1.2-§1.3): at least one
RHK utama; indicators (IKI) with a target; the seven BerAKHLAK values, each once.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest

from asn_performance import (
    Approach,
    Aspect,
    AssessorRole,
    BehaviourExpectation,
    CoreValue,
    Direction,
    Indicator,
    PerformancePlan,
    Period,
    Target,
    WorkResult,
    WorkResultKind,
)
from asn_performance.exceptions import (
    DecimalInputError,
    DuplicateError,
    InputError,
    PlanError,
)
from asn_performance.services.sample import sample_unit

MakePlan = Callable[..., PerformancePlan]


def _indicator(id: str = "iki-1") -> Indicator:
    return Indicator(id, "Jumlah dokumen", Target.value(4, "dokumen"))


def _work_result(
    id: str = "rhk-1",
    kind: WorkResultKind = WorkResultKind.UTAMA,
    indicators: tuple[Indicator, ...] | None = None,
) -> WorkResult:
    return WorkResult(id, "Tersusunnya dokumen", indicators or (_indicator(f"{id}-iki"),), kind)


# --- the default plan ------------------------------------------------------------------------


def test_the_default_plan_has_the_seven_berakhlak_values_in_order(plan: PerformancePlan) -> None:
    assert [b.value for b in plan.behaviours] == list(CoreValue)
    assert len(plan.behaviours) == 7


def test_a_plan_knows_its_indicator_and_work_result_ids(plan: PerformancePlan) -> None:
    assert plan.work_result_ids == frozenset({"rhk-1", "rhk-2"})
    assert plan.indicator_ids == frozenset({"iki-1", "iki-2", "iki-3"})
    assert [(wr.id, ind.id) for wr, ind in plan.indicators()] == [
        ("rhk-1", "iki-1"),
        ("rhk-1", "iki-2"),
        ("rhk-2", "iki-3"),
    ]


def test_plan_defaults_are_qualitative_and_not_a_unit_head(plan: PerformancePlan) -> None:
    assert plan.approach is Approach.KUALITATIF
    assert plan.leads_unit is False


def test_a_plan_accepts_lists_and_stores_tuples(make_plan: MakePlan) -> None:
    built = make_plan(work_results=[_work_result()])
    assert isinstance(built.work_results, tuple)


def test_plans_are_immutable_and_hashable(plan: PerformancePlan, make_plan: MakePlan) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        plan.id = "other"  # type: ignore[misc]
    assert hash(plan) == hash(make_plan())
    assert plan == make_plan()


def test_a_plan_may_carry_a_special_expectation_of_the_leader(make_plan: MakePlan) -> None:
    behaviours = [
        BehaviourExpectation(
            v, "Menyelesaikan laporan tepat waktu" if v is CoreValue.AKUNTABEL else None
        )
        for v in CoreValue
    ]
    built = make_plan(behaviours=behaviours)
    assert built.behaviours[1].special_expectation == "Menyelesaikan laporan tepat waktu"


def test_the_seven_values_may_be_listed_in_any_order(make_plan: MakePlan) -> None:
    behaviours = [BehaviourExpectation(v) for v in reversed(list(CoreValue))]
    assert len(make_plan(behaviours=behaviours).behaviours) == 7


def test_each_core_value_has_three_behaviour_guides() -> None:
    for value in CoreValue:
        assert len(value.guides) == 3
    assert CoreValue.LOYAL.guides[2] == "Menjaga rahasia jabatan dan negara"


# --- structure errors ------------------------------------------------------------------------


def test_a_plan_without_an_utama_work_result_is_refused(make_plan: MakePlan) -> None:
    with pytest.raises(PlanError) as info:
        make_plan(work_results=[_work_result("rhk-t", WorkResultKind.TAMBAHAN)])
    error = info.value
    assert error.rule == "PLAN-UTAMA"
    assert error.path == "work_results"
    assert error.value == ["rhk-t"]
    assert "utama" in str(error)


def test_a_plan_without_work_results_is_refused(make_plan: MakePlan) -> None:
    with pytest.raises(InputError) as info:
        make_plan(work_results=[])
    assert info.value.rule == "PLAN-STRUCTURE"
    assert info.value.path == "work_results"


def test_a_work_result_without_indicators_is_refused() -> None:
    with pytest.raises(InputError) as info:
        WorkResult("rhk-1", "Tersusunnya dokumen", ())
    assert info.value.rule == "PLAN-STRUCTURE"
    assert info.value.path == "indicators"


def test_a_work_result_holding_something_else_than_indicators_is_refused() -> None:
    with pytest.raises(InputError) as info:
        WorkResult("rhk-1", "Tersusunnya dokumen", [_indicator(), "iki-2"])  # type: ignore[list-item]
    assert info.value.rule == "TYPE"
    assert info.value.path == "indicators[1]"
    assert info.value.value == "iki-2"


def test_two_work_results_with_one_id_are_refused_naming_the_id(make_plan: MakePlan) -> None:
    results = [
        _work_result("rhk-1", indicators=(_indicator("iki-1"),)),
        _work_result("rhk-1", WorkResultKind.TAMBAHAN, (_indicator("iki-2"),)),
    ]
    with pytest.raises(DuplicateError) as info:
        make_plan(work_results=results)
    error = info.value
    assert error.rule == "PLAN-UNIQUE-ID"
    assert error.path == "work_results"
    assert error.value == "rhk-1"
    assert "'rhk-1'" in str(error)


def test_two_indicators_with_one_id_in_different_work_results_are_refused(
    make_plan: MakePlan,
) -> None:
    results = [
        _work_result("rhk-1", indicators=(_indicator("iki-1"),)),
        _work_result("rhk-2", indicators=(_indicator("iki-2"), _indicator("iki-1"))),
    ]
    with pytest.raises(DuplicateError) as info:
        make_plan(work_results=results)
    error = info.value
    assert error.rule == "PLAN-UNIQUE-ID"
    assert error.path == "work_results[].indicators"
    assert error.value == "iki-1"
    assert "'iki-1'" in str(error)


def test_a_missing_berakhlak_value_is_refused_and_named(make_plan: MakePlan) -> None:
    behaviours = [BehaviourExpectation(v) for v in CoreValue if v is not CoreValue.LOYAL]
    with pytest.raises(PlanError) as info:
        make_plan(behaviours=behaviours)
    error = info.value
    assert error.rule == "PLAN-BERAKHLAK"
    assert error.path == "behaviours"
    assert "missing loyal" in str(error)
    assert "repeated" not in error.message


def test_a_repeated_berakhlak_value_is_refused_and_named(make_plan: MakePlan) -> None:
    behaviours = [BehaviourExpectation(v) for v in CoreValue]
    behaviours.append(BehaviourExpectation(CoreValue.ADAPTIF, "lagi"))
    with pytest.raises(PlanError) as info:
        make_plan(behaviours=behaviours)
    error = info.value
    assert error.rule == "PLAN-BERAKHLAK"
    assert error.path == "behaviours"
    assert "repeated adaptif" in str(error)
    assert "missing" not in error.message


def test_a_value_repeated_in_place_of_another_is_named_both_ways(make_plan: MakePlan) -> None:
    behaviours = [
        BehaviourExpectation(CoreValue.KOMPETEN if v is CoreValue.HARMONIS else v)
        for v in CoreValue
    ]
    with pytest.raises(PlanError) as info:
        make_plan(behaviours=behaviours)
    assert "missing harmonis" in info.value.message
    assert "repeated kompeten" in info.value.message


def test_an_employee_cannot_be_their_own_pejabat_penilai(make_plan: MakePlan, unit: Any) -> None:
    with pytest.raises(PlanError) as info:
        make_plan(pejabat_penilai=unit.employee)
    error = info.value
    assert error.rule == "PLAN-ROLES"
    assert error.path == "pejabat_penilai"
    assert error.value == unit.employee.nip.digits
    assert unit.employee.nip.digits in str(error)


@pytest.mark.parametrize("who", ["employee", "supervisor"])
def test_the_atasan_pejabat_penilai_is_neither_the_employee_nor_the_pejabat_penilai(
    make_plan: MakePlan, unit: Any, who: str
) -> None:
    with pytest.raises(PlanError) as info:
        make_plan(atasan_pejabat_penilai=getattr(unit, who))
    assert info.value.rule == "PLAN-ROLES"
    assert info.value.path == "atasan_pejabat_penilai"


def test_a_peer_drafted_as_pejabat_penilai_contradicting_the_superior_is_refused(
    make_plan: MakePlan, unit: Any
) -> None:
    """Reproduces issue 10 s.4: an employee whose direct superior is known could name a peer
    as pejabat penilai (and another peer as atasan) and the plan was accepted."""
    peer, other_peer = unit.peers[0], unit.peers[1]
    assert unit.employee.superior_nip == unit.supervisor.nip
    with pytest.raises(PlanError) as info:
        make_plan(pejabat_penilai=peer, atasan_pejabat_penilai=other_peer)
    error = info.value
    assert error.rule == "PLAN-PEJABAT-PENILAI"
    assert error.path == "pejabat_penilai"
    assert error.value == peer.nip.digits
    assert unit.supervisor.nip.digits in error.message
    assert "superior" in error.fix


def test_without_a_named_superior_any_other_pejabat_penilai_is_accepted(
    make_plan: MakePlan, unit: Any
) -> None:
    employee = attrs.evolve(unit.employee, superior_nip=None)
    plan = make_plan(employee=employee, pejabat_penilai=unit.peers[0])
    assert plan.pejabat_penilai == unit.peers[0]


def test_a_plan_period_given_as_text_is_refused(make_plan: MakePlan) -> None:
    with pytest.raises(InputError) as info:
        make_plan(period="2025")
    assert info.value.rule == "TYPE"
    assert info.value.path == "period"


def test_a_plan_for_a_part_year_span_is_accepted(make_plan: MakePlan) -> None:
    import datetime as dt

    span = Period.span(dt.date(2025, 7, 1), dt.date(2025, 12, 31))
    assert make_plan(period=span).period == span


@pytest.mark.parametrize("bad", ["", " rhk-1", "rhk-1 ", "x" * 101, 7])
def test_an_identifier_must_be_short_trimmed_text(bad: object) -> None:
    with pytest.raises(InputError) as info:
        WorkResult(bad, "Tersusunnya dokumen", (_indicator(),))  # type: ignore[arg-type]
    assert info.value.rule == "ID"
    assert info.value.path == "id"


# --- targets ---------------------------------------------------------------------------------


def test_a_single_value_target_is_exact_and_not_a_range() -> None:
    target = Target.value("12.5", "%")
    assert target.lower == Decimal("12.5")
    assert target.upper is None
    assert not target.is_range
    assert str(target) == "12.5 %"


def test_a_range_target_has_its_lower_bound_below_its_upper_bound() -> None:
    target = Target.range(80, 90, "%")
    assert (target.lower, target.upper) == (Decimal(80), Decimal(90))
    assert target.is_range
    assert str(target) == "80-90 %"


@pytest.mark.parametrize(("lower", "upper"), [(90, 80), (80, 80)])
def test_a_range_with_its_bounds_reversed_or_equal_is_refused(lower: int, upper: int) -> None:
    with pytest.raises(InputError) as info:
        Target.range(lower, upper, "%")
    error = info.value
    assert error.rule == "TARGET-RANGE"
    assert error.path == "target.upper"
    assert error.value == str(upper)


def test_a_negative_target_is_refused() -> None:
    with pytest.raises(DecimalInputError) as info:
        Target.value(-1)
    error = info.value
    assert error.rule == "D5-NONNEGATIVE"
    assert error.path == "target.lower"
    assert error.value == -1


def test_a_negative_upper_bound_is_refused_at_the_upper_bound() -> None:
    with pytest.raises(DecimalInputError) as info:
        Target.range(0, "-5")
    assert info.value.rule == "D5-NONNEGATIVE"
    assert info.value.path == "target.upper"


def test_a_float_target_is_refused() -> None:
    with pytest.raises(DecimalInputError) as info:
        Target.value(0.1)  # type: ignore[arg-type]
    error = info.value
    assert error.rule == "D5-EXACT"
    assert error.path == "target.lower"
    assert error.value == 0.1
    assert "0.1" in str(error)


def test_a_target_of_zero_is_allowed() -> None:
    assert Target.value(0).lower == 0


def test_an_indicator_defaults_to_quantity_and_higher_is_better() -> None:
    indicator = _indicator()
    assert indicator.aspect is Aspect.KUANTITAS
    assert indicator.direction is Direction.HIGHER_IS_BETTER


def test_an_indicator_target_given_as_a_number_is_refused() -> None:
    with pytest.raises(InputError) as info:
        Indicator("iki-1", "Jumlah dokumen", 4)  # type: ignore[arg-type]
    assert info.value.rule == "TYPE"
    assert info.value.path == "target"


def test_directions_parse_from_short_words() -> None:
    assert Direction.parse("lower") is Direction.LOWER_IS_BETTER
    assert Direction.parse("Semakin tinggi semakin baik") is Direction.HIGHER_IS_BETTER


# --- bad input: a library error, never a crash nor a silent pass ---


_REVIEW_SAMPLE = sample_unit()
_REVIEW_PLAN = next(p for p in _REVIEW_SAMPLE.plans if p.id == "skp-2025-guru")
_REVIEW_GIVEN = [a for a in _REVIEW_SAMPLE.assessments if a.plan_id == _REVIEW_PLAN.id]
_REVIEW_LEAD = next(a for a in _REVIEW_GIVEN if a.role is AssessorRole.PEJABAT_PENILAI)


def test_an_identifier_with_a_newline_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        WorkResult("r\n1", "text", _REVIEW_PLAN.work_results[0].indicators)
    assert caught.value.rule == "ID"
