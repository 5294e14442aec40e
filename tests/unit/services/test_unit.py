"""The use cases of a unit (:mod:`asn_performance.services.unit`), worked by hand.

A unit of two employees, each with an annual SKP appraised by the pejabat penilai (decision D2:
the pejabat penilai decides). The predikat follows the 3x3 matrix of PermenPANRB 6/2022
Lampiran: Di Atas + Sesuai = Baik, Sesuai + Sesuai = Baik, Di Atas + Di Atas = Sangat Baik,
Di Bawah + Sesuai = Butuh Perbaikan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from asn_performance.consequences import KEMNAKER_2025, NATIONAL, RewardInputs, RewardPolicy
from asn_performance.consequences.distribution import PREDIKAT_ORDER, Rounding
from asn_performance.domain.assessment import Assessment, AssessorRole
from asn_performance.domain.period import Period
from asn_performance.domain.plan import PerformancePlan
from asn_performance.domain.rating import OrganisationPredikat, Predikat, Rating
from asn_performance.exceptions import AsnPerformanceError, InputError, PolicyError
from asn_performance.services.unit import (
    appraise_unit,
    appraise_unit_each,
    check_unit_distribution,
    evaluate_unit_rewards,
    evaluate_unit_rewards_each,
)
from asn_performance.weighting import Guards, SupervisorDecides

MakePlan = Callable[..., PerformancePlan]
MakeAssessment = Callable[..., Assessment]


def two_plans(unit: Any, make_plan: MakePlan) -> tuple[PerformancePlan, PerformancePlan]:
    first = make_plan(id="skp-a")
    second = make_plan(id="skp-b", employee=unit.peers[0])
    return first, second


def appraised(
    plans: tuple[PerformancePlan, ...], assessments: list[Assessment]
) -> tuple[Predikat, ...]:
    results = appraise_unit(plans, assessments, policy=SupervisorDecides(), guards=Guards())
    return tuple(result.predikat for result in results)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ((Rating.DI_ATAS, Rating.SESUAI), (Rating.SESUAI, Rating.SESUAI), ("baik", "baik")),
        (
            (Rating.DI_ATAS, Rating.DI_ATAS),
            (Rating.DI_BAWAH, Rating.SESUAI),
            ("sangat_baik", "butuh_perbaikan"),
        ),
    ],
)
def test_a_two_employee_unit_gets_its_predikat_from_the_matrix(
    unit: Any,
    make_plan: MakePlan,
    make_assessment: MakeAssessment,
    first: tuple[Rating, Rating],
    second: tuple[Rating, Rating],
    expected: tuple[str, str],
) -> None:
    plan_a, plan_b = two_plans(unit, make_plan)
    assessments = [
        make_assessment(AssessorRole.PEJABAT_PENILAI, *first, plan=plan_a),
        make_assessment(AssessorRole.PEJABAT_PENILAI, *second, plan=plan_b),
    ]
    assert appraised((plan_a, plan_b), assessments) == tuple(Predikat.parse(p) for p in expected)


def test_each_plan_gets_its_own_assessments_in_plan_order(
    unit: Any, make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    plan_a, plan_b = two_plans(unit, make_plan)
    # The assessments come in the other order: b's first.
    assessments = [
        make_assessment(AssessorRole.PEJABAT_PENILAI, Rating.DI_BAWAH, Rating.SESUAI, plan=plan_b),
        make_assessment(AssessorRole.SELF, Rating.DI_ATAS, Rating.DI_ATAS, plan=plan_a),
        make_assessment(AssessorRole.PEJABAT_PENILAI, Rating.DI_ATAS, Rating.SESUAI, plan=plan_a),
    ]
    results = appraise_unit(
        (plan_a, plan_b), assessments, policy=SupervisorDecides(), guards=Guards()
    )
    assert [r.plan.id for r in results] == ["skp-a", "skp-b"]
    assert [r.predikat for r in results] == [Predikat.BAIK, Predikat.BUTUH_PERBAIKAN]
    assert [a.role for a in results[0].assessments] == [
        AssessorRole.SELF,
        AssessorRole.PEJABAT_PENILAI,
    ]


def test_an_engine_error_names_the_assessment_by_its_place_in_the_unit(
    unit: Any, make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    plan_a, plan_b = two_plans(unit, make_plan)
    # The pejabat penilai's assessment of plan b given by someone else: the third of the unit.
    wrong = make_assessment(AssessorRole.PEJABAT_PENILAI, plan=plan_b, by=unit.peers[1])
    assessments = [
        make_assessment(AssessorRole.PEJABAT_PENILAI, plan=plan_a),
        make_assessment(AssessorRole.SELF, plan=plan_b),
        wrong,
    ]
    with pytest.raises(AsnPerformanceError) as caught:
        appraise_unit((plan_a, plan_b), assessments, policy=SupervisorDecides(), guards=Guards())
    assert (caught.value.path or "").startswith("assessments[2]")
    assert not (caught.value.path or "").startswith("$")


def test_a_plan_without_its_pejabat_penilai_fails_under_the_plan(
    unit: Any, make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    plan_a, plan_b = two_plans(unit, make_plan)
    assessments = [make_assessment(AssessorRole.PEJABAT_PENILAI, plan=plan_a)]
    with pytest.raises(AsnPerformanceError) as caught:
        appraise_unit((plan_a, plan_b), assessments, policy=SupervisorDecides(), guards=Guards())
    path = caught.value.path or ""
    assert path == "assessments" or path.startswith("plans[1]")


def test_rewards_are_evaluated_per_employee_in_order(
    unit: Any, make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    plan_a, plan_b = two_plans(unit, make_plan)
    assessments = [
        make_assessment(AssessorRole.PEJABAT_PENILAI, Rating.DI_ATAS, Rating.DI_ATAS, plan=plan_a),
        make_assessment(AssessorRole.PEJABAT_PENILAI, plan=plan_b),
    ]
    results = appraise_unit(
        (plan_a, plan_b), assessments, policy=SupervisorDecides(), guards=Guards()
    )
    outcomes = evaluate_unit_rewards(NATIONAL, (plan_a, plan_b), results, {})
    assert len(outcomes) == 2
    assert outcomes[0] == RewardInputs().evaluate(NATIONAL, [results[0]])
    assert outcomes[1] == RewardInputs().evaluate(NATIONAL, [results[1]])


def test_reward_arguments_are_checked(unit: Any, make_plan: MakePlan) -> None:
    plans = two_plans(unit, make_plan)
    with pytest.raises(PolicyError) as policy:
        evaluate_unit_rewards("national", plans, [], {})  # type: ignore[arg-type]
    assert policy.value.path == "policy"
    with pytest.raises(InputError) as item:
        evaluate_unit_rewards(NATIONAL, plans, ["x"], {})  # type: ignore[list-item]
    assert item.value.path == "appraisals[0]"


def test_a_reward_input_error_is_placed_at_the_employee_entry(
    unit: Any, make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    month = Period.parse("2025-03")
    plan_a = make_plan(id="skp-a", period=month)
    plan_b = make_plan(id="skp-b", employee=unit.peers[0], period=month)
    assessments = [
        make_assessment(AssessorRole.PEJABAT_PENILAI, plan=plan_a),
        make_assessment(AssessorRole.PEJABAT_PENILAI, plan=plan_b),
    ]
    results = appraise_unit(
        (plan_a, plan_b), assessments, policy=SupervisorDecides(), guards=Guards()
    )
    policy = RewardPolicy("kemnaker", "2025", allowance=KEMNAKER_2025)
    # Kelas 18 is not in the Kemnaker table (kelas 1-17).
    inputs = {unit.peers[0].nip: RewardInputs(kelas=18)}
    with pytest.raises(InputError) as info:
        evaluate_unit_rewards(policy, (plan_a, plan_b), results, inputs)
    assert (info.value.path, info.value.rule) == (
        f"reward_inputs[{unit.peers[0].nip.digits!r}].kelas",
        "TUKIN-KELAS",
    )


def test_the_distribution_is_checked_per_period_as_worked_by_hand(
    unit: Any, make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    plan_a, plan_b = two_plans(unit, make_plan)
    assessments = [
        make_assessment(AssessorRole.PEJABAT_PENILAI, Rating.DI_ATAS, Rating.SESUAI, plan=plan_a),
        make_assessment(AssessorRole.PEJABAT_PENILAI, Rating.SESUAI, Rating.SESUAI, plan=plan_b),
    ]
    results = appraise_unit(
        (plan_a, plan_b), assessments, policy=SupervisorDecides(), guards=Guards()
    )
    (report,) = check_unit_distribution(
        OrganisationPredikat.BAIK, results, Rounding.STRICT, name="Bidang"
    )
    # Two of two are Baik: one report, for the one period, named as given.
    assert report.unit == "Bidang"
    assert report.total == 2
    assert dict(zip(PREDIKAT_ORDER, report.counts, strict=True))[Predikat.BAIK] == 2


def test_two_periods_give_two_reports_named_with_the_period(
    unit: Any, make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    plan_a = make_plan(id="skp-a")
    plan_b = make_plan(id="skp-b", employee=unit.peers[0], period=Period.annual(2024))
    assessments = [
        make_assessment(AssessorRole.PEJABAT_PENILAI, plan=plan_a),
        make_assessment(AssessorRole.PEJABAT_PENILAI, plan=plan_b),
    ]
    results = appraise_unit(
        (plan_a, plan_b), assessments, policy=SupervisorDecides(), guards=Guards()
    )
    reports = check_unit_distribution(OrganisationPredikat.BAIK, results, name="Bidang")
    assert [r.unit for r in reports] == [
        f"Bidang ({plan_a.period.label_id})",
        f"Bidang ({plan_b.period.label_id})",
    ]
    assert [r.total for r in reports] == [1, 1]


def test_keep_going_appraises_the_plans_that_can_be_and_keeps_one_problem_per_other(
    unit: Any, make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    """Reproduces: a plan without its pejabat penilai's assessment voided the whole unit."""
    plan_a, plan_b = two_plans(unit, make_plan)
    plan_c = make_plan(id="skp-c", employee=unit.peers[1])
    assessments = [
        make_assessment(AssessorRole.PEJABAT_PENILAI, Rating.DI_ATAS, Rating.DI_ATAS, plan=plan_a),
        make_assessment(AssessorRole.PEJABAT_PENILAI, plan=plan_c),
    ]
    outcome = appraise_unit_each(
        (plan_a, plan_b, plan_c), assessments, policy=SupervisorDecides(), guards=Guards()
    )
    assert [a.plan.id for a in outcome.results] == ["skp-a", "skp-c"]
    assert [a.predikat for a in outcome.results] == [Predikat.SANGAT_BAIK, Predikat.BAIK]
    assert list(outcome.problems) == ["skp-b"]
    assert outcome.problems["skp-b"].rule == "6/2022-PEJABAT-PENILAI"
    assert not outcome.complete
    with pytest.raises(AsnPerformanceError) as caught:
        appraise_unit(
            (plan_a, plan_b, plan_c), assessments, policy=SupervisorDecides(), guards=Guards()
        )
    assert caught.value.one_line() == outcome.problems["skp-b"].one_line()


def test_keep_going_rewards_keep_one_problem_per_employee(
    unit: Any, make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    month = Period.parse("2025-03")
    plan_a = make_plan(id="skp-a", period=month)
    plan_b = make_plan(id="skp-b", employee=unit.peers[0], period=month)
    assessments = [
        make_assessment(AssessorRole.PEJABAT_PENILAI, plan=plan_a),
        make_assessment(AssessorRole.PEJABAT_PENILAI, plan=plan_b),
    ]
    results = appraise_unit(
        (plan_a, plan_b), assessments, policy=SupervisorDecides(), guards=Guards()
    )
    policy = RewardPolicy("kemnaker", "2025", allowance=KEMNAKER_2025)
    inputs = {
        plan_a.employee.nip: RewardInputs(kelas=7),
        unit.peers[0].nip: RewardInputs(kelas=18),  # not in the Kemnaker table (1-17)
    }
    outcome = evaluate_unit_rewards_each(policy, (plan_a, plan_b), results, inputs)
    assert [o.nip for o in outcome.results] == [plan_a.employee.nip.digits]
    assert list(outcome.problems) == [unit.peers[0].nip.digits]
    assert outcome.problems[unit.peers[0].nip.digits].rule == "TUKIN-KELAS"
    with pytest.raises(PolicyError):  # a wrong policy concerns everyone: it still raises
        evaluate_unit_rewards_each("national", (plan_a,), [], {})  # type: ignore[arg-type]


def test_a_second_plan_for_one_employee_and_period_is_refused_whatever_its_id() -> None:
    """Issue 10: two plans for one employee and period (one with a look-alike id) were both
    appraised and counted twice by the distribution check."""
    import attrs

    from asn_performance.exceptions import DuplicateError
    from asn_performance.services.sample import sample_unit

    sample = sample_unit()
    first = sample.plans[0]
    twin = attrs.evolve(first, id=first.id.upper())  # a look-alike id
    plans = (*sample.plans, twin)
    with pytest.raises(DuplicateError) as caught:
        appraise_unit(plans, sample.assessments, policy=sample.policy, guards=sample.guards)
    error = caught.value
    assert (error.path, error.rule) == (f"plans[{len(plans) - 1}].period", "DOCUMENT-UNIQUE")
    assert first.id in error.message


def _pair(days: object) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    assert isinstance(days, tuple)
    return days[:3], days[3:]


def _span(first: tuple[int, int, int], last: tuple[int, int, int]) -> Period:
    import datetime as dt

    return Period.span(dt.date(*first), dt.date(*last))


@pytest.mark.parametrize(
    ("periods", "clash"),
    [
        # Jan-Jun and Jun-Dec share 1-30 June: the second is refused, naming the first.
        (((2025, 1, 1, 2025, 6, 30), (2025, 6, 1, 2025, 12, 31)), (0, 1)),
        # An annual SKP and a part of the same year share that part.
        (("2025", (2025, 7, 1, 2025, 12, 31)), (0, 1)),
        # A part of the year listed before the month of March it contains.
        (((2025, 1, 1, 2025, 6, 30), "2025-03"), (0, 1)),
        # The span is listed last but starts first: found by the sweep in order of start.
        (("2025-Q4", (2025, 9, 1, 2025, 10, 31)), (0, 1)),
        # A month inside a long span: the first plan that shares days is named.
        (((2025, 1, 1, 2025, 12, 31), "2025-02", (2025, 11, 1, 2025, 11, 30)), (0, 1)),
        # Two months and a span that meets neither until the third: the span and the third.
        (("2025-01", "2025-02", (2025, 3, 1, 2025, 3, 31), "2025-03"), (2, 3)),
    ],
)
def test_a_part_of_the_year_may_not_overlap_another_plan_of_the_employee(
    make_plan: MakePlan, periods: tuple[object, ...], clash: tuple[int, int]
) -> None:
    """Issue 10: plans of one employee for overlapping periods were each appraised, so the
    days they share counted twice (and earned angka kredit twice)."""
    from asn_performance.exceptions import DuplicateError

    plans = []
    for index, period in enumerate(periods):
        made = Period.parse(period) if isinstance(period, str) else _span(*_pair(period))
        plans.append(make_plan(id=f"skp-{index}", period=made))
    with pytest.raises(DuplicateError) as caught:
        appraise_unit(plans, [], policy=SupervisorDecides(), guards=Guards())
    one, two = clash
    error = caught.value
    assert (error.path, error.rule) == (f"plans[{two}].period", "DOCUMENT-UNIQUE")
    assert f"'skp-{one}'" in error.message
    assert f"'skp-{two}'" in error.message
    assert "overlapping periods" in error.message


def test_parts_of_the_year_that_meet_but_do_not_overlap_are_accepted(
    make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    """A move mid-year: January to June, then July to December, and the periodic months of
    the annual plan of another year; none overlap, so each plan is appraised."""
    periods = [_span((2025, 1, 1), (2025, 6, 30)), _span((2025, 7, 1), (2025, 12, 31))]
    periods += [Period.parse("2024"), Period.parse("2026-03")]
    plans = [make_plan(id=f"skp-{i}", period=p) for i, p in enumerate(periods)]
    assessments = [
        make_assessment("pejabat_penilai", Rating.SESUAI, Rating.SESUAI, plan=plan)
        for plan in plans
    ]
    results = appraise_unit(plans, assessments, policy=SupervisorDecides(), guards=Guards())
    assert [r.predikat for r in results] == [Predikat.BAIK] * 4
