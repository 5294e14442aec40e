"""Bad input found in review: each must raise a library error, never crash or pass silently."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from asn_performance import (
    Assessment,
    AssessorRole,
    PositionKind,
    Predikat,
    Rating,
    Realisation,
    Step,
    SupervisorDecides,
    Target,
    WeightedSources,
    WorkResult,
    appraise,
)
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.domain.period import Period
from asn_performance.exceptions import (
    AppraisalError,
    AsnPerformanceError,
    DecimalInputError,
    InputError,
    LabelError,
    PeriodError,
)
from asn_performance.regimes.permenpanrb_6_2022.matrix import summarise_periodic
from asn_performance.services.sample import sample_unit

SAMPLE = sample_unit()
PLAN = next(p for p in SAMPLE.plans if p.id == "skp-2025-guru")
GIVEN = [a for a in SAMPLE.assessments if a.plan_id == PLAN.id]
LEAD = next(a for a in GIVEN if a.role is AssessorRole.PEJABAT_PENILAI)


def test_a_weight_with_1200_digits_is_refused_as_a_policy_input_not_a_decimal_trap() -> None:
    with pytest.raises(DecimalInputError) as caught:
        WeightedSources({"pejabat_penilai": Decimal("1." + "1" * 1200), "self": 1})
    assert caught.value.rule == "D5-RANGE"
    assert caught.value.path == "weights['pejabat_penilai']"


def test_an_int_too_large_to_print_still_gives_a_readable_error_line() -> None:
    with pytest.raises(DecimalInputError) as caught:
        Target(10**10000)
    line = str(caught.value)
    assert "too large to show" in line
    assert "D5-RANGE" in line


def test_a_datetime_or_none_is_not_a_day_of_a_period() -> None:
    year = Period.annual(2025)
    with pytest.raises(PeriodError):
        year.contains(dt.datetime(2025, 3, 1))  # noqa: DTZ001 - the point is a naive datetime
    with pytest.raises(PeriodError):
        year.contains(None)  # type: ignore[arg-type]
    with pytest.raises(PeriodError):
        year.within("2025")  # type: ignore[arg-type]
    assert dt.datetime(2025, 3, 1) not in year  # noqa: DTZ001


def test_realisations_from_a_generator_are_read_once_and_checked() -> None:
    made = attrs.evolve(LEAD, realisations=(r for r in [Realisation("iki-NOPE", 3)]))
    assert made.realisations == (Realisation("iki-NOPE", 3),)
    with pytest.raises(AsnPerformanceError) as caught:
        appraise(PLAN, [made if a is LEAD else a for a in GIVEN])
    assert caught.value.rule == "ASSESSMENT-PLAN"


@pytest.mark.parametrize("bad", [Realisation("iki-1", 3), None, "iki-1"])
def test_realisations_that_are_not_a_list_are_refused(bad: object) -> None:
    with pytest.raises(InputError) as caught:
        attrs.evolve(LEAD, realisations=bad)
    assert caught.value.path == "realisations"


def test_a_frozen_map_of_the_wrong_values_is_checked_like_a_dict() -> None:
    with pytest.raises(LabelError):
        attrs.evolve(LEAD, work_result_ratings=FrozenMap({"rhk-1": Predikat.BAIK}))
    fixed = attrs.evolve(LEAD, work_result_ratings=FrozenMap({"rhk-1": "sesuai"}))
    assert fixed.work_result_ratings["rhk-1"] is Rating.SESUAI


def test_guards_must_be_guards() -> None:
    with pytest.raises(AppraisalError) as caught:
        appraise(PLAN, GIVEN, guards=None)  # type: ignore[arg-type]
    assert caught.value.path == "guards"


@attrs.frozen
class _Bare:
    name = "bare"

    def combine(self, dimension: str, sources: object) -> object:
        return Rating.SESUAI


@attrs.frozen
class _Chatty:
    name = "chatty"

    def combine(self, dimension: str, sources: object) -> object:
        return Rating.SESUAI, ("hello",)


@pytest.mark.parametrize("policy", [_Bare(), _Chatty()])
def test_a_custom_policy_with_the_wrong_return_shape_is_refused_with_w_policy(
    policy: object,
) -> None:
    with pytest.raises(AppraisalError) as caught:
        appraise(PLAN, GIVEN, policy=policy)  # type: ignore[arg-type]
    assert caught.value.rule == "W-POLICY"


def test_summarise_periodic_parses_labels_and_refuses_other_things() -> None:
    # Baik twice, Sangat Baik once: the most frequent is Baik.
    best, _ = summarise_periodic(["baik", "Baik", Predikat.SANGAT_BAIK])
    assert best is Predikat.BAIK
    with pytest.raises(LabelError):
        summarise_periodic([Rating.SESUAI])  # type: ignore[list-item]
    with pytest.raises(InputError):
        summarise_periodic(None)  # type: ignore[arg-type]


def test_an_enum_key_in_weights_gives_a_json_like_path() -> None:
    with pytest.raises(DecimalInputError) as caught:
        WeightedSources({AssessorRole.SELF: -1, "pejabat_penilai": 1})
    assert caught.value.path == "weights['self']"


def test_an_appraisal_cannot_be_built_without_the_pejabat_penilai_assessment() -> None:
    good = appraise(PLAN, GIVEN)
    with pytest.raises(AppraisalError) as caught:
        attrs.evolve(good, assessments=())
    assert caught.value.rule == "6/2022-PEJABAT-PENILAI"
    with pytest.raises(AppraisalError):
        attrs.evolve(good, explanation=attrs.evolve(good.explanation, steps=()))


def test_an_identifier_with_a_newline_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        WorkResult("r\n1", "text", PLAN.work_results[0].indicators)
    assert caught.value.rule == "ID"


@pytest.mark.parametrize("text", ["٢٠٢٥", "２０２５"])
def test_non_ascii_digits_are_refused_in_periods(text: str) -> None:
    with pytest.raises(PeriodError):
        Period.parse(text)


def test_non_ascii_digits_are_refused_in_numbers() -> None:
    with pytest.raises(DecimalInputError):
        Target("١٢")


def test_ja_is_not_a_synonym_of_pelaksana() -> None:
    # Jabatan administrasi covers administrator, pengawas and pelaksana alike.
    with pytest.raises(LabelError):
        PositionKind.parse("JA")


def test_error_messages_name_the_kind_of_label_in_words() -> None:
    with pytest.raises(LabelError) as caught:
        AssessorRole.parse(3)
    assert "assessor role must be given as text" in str(caught.value)


def test_a_bool_quantity_says_true_or_false_is_not_a_number() -> None:
    with pytest.raises(DecimalInputError) as caught:
        Target(True)  # type: ignore[arg-type]
    assert "not True or False" in str(caught.value)


def test_the_default_policy_still_decides_after_the_fixes() -> None:
    result = appraise(PLAN, GIVEN, policy=SupervisorDecides())
    assert result.predikat is Predikat.SANGAT_BAIK
    assert isinstance(result.explanation.steps[-1], Step)
    assert isinstance(Assessment, type)
