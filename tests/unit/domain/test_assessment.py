"""Tests for :mod:`asn_performance.domain.assessment` (*penilaian*).

Under PermenPANRB 6/2022 the pejabat penilai kinerja sets the two ratings; self, peer,
subordinate and service-user input is optional (digest §1.3, §1.7; decision D2). These tests
cover the assessment on its own and :meth:`Assessment.check_against`, the check the engine
runs against the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest

from asn_performance import (
    Assessment,
    AssessorRole,
    CoreValue,
    PerformancePlan,
    Period,
    Predikat,
    Rating,
    Realisation,
    appraise,
)
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.domain.assessment import latest_given_on
from asn_performance.exceptions import (
    AsnPerformanceError,
    AssessmentError,
    AuthorityError,
    DecimalInputError,
    DuplicateError,
    InputError,
    LabelError,
)
from asn_performance.services.sample import sample_unit

MakeAssessment = Callable[..., Assessment]
YEAR = Period.annual(2025)


def _raw(**fields: Any) -> Assessment:
    """An Assessment built field by field, with defaults for the plan of the fixtures."""
    base: dict[str, Any] = {
        "plan_id": "skp-2025-budi",
        "role": AssessorRole.PEJABAT_PENILAI,
        "assessor": None,
        "given_on": dt.date(2025, 12, 31),
        "period": YEAR,
        "hasil_kerja": Rating.SESUAI,
        "perilaku_kerja": Rating.SESUAI,
    }
    base.update(fields)
    return Assessment(**base)


# --- construction ----------------------------------------------------------------------------


def test_an_assessment_keeps_its_ratings(make_assessment: MakeAssessment, unit: Any) -> None:
    assessment = make_assessment("pejabat_penilai", Rating.DI_ATAS, Rating.SESUAI)
    assert assessment.assessor == unit.supervisor.nip
    assert assessment.rating("hasil_kerja") is Rating.DI_ATAS
    assert assessment.rating("perilaku_kerja") is Rating.SESUAI


def test_an_assessment_without_any_rating_is_refused(unit: Any) -> None:
    with pytest.raises(AssessmentError) as info:
        _raw(assessor=unit.supervisor.nip, hasil_kerja=None, perilaku_kerja=None)
    error = info.value
    assert error.rule == "ASSESSMENT-EMPTY"
    assert error.path == "hasil_kerja"


def test_per_work_result_ratings_alone_make_an_assessment(unit: Any) -> None:
    assessment = _raw(
        assessor=unit.supervisor.nip,
        hasil_kerja=None,
        perilaku_kerja=None,
        work_result_ratings={"rhk-1": "Di Atas Ekspektasi"},
    )
    assert assessment.work_result_ratings == {"rhk-1": Rating.DI_ATAS}
    assert isinstance(assessment.work_result_ratings, FrozenMap)


def test_per_value_ratings_parse_the_value_and_the_rating(unit: Any) -> None:
    assessment = _raw(
        assessor=unit.supervisor.nip,
        behaviour_ratings={"Akuntabel": "sesuai", CoreValue.LOYAL: Rating.DI_ATAS},
    )
    assert assessment.behaviour_ratings == {
        CoreValue.AKUNTABEL: Rating.SESUAI,
        CoreValue.LOYAL: Rating.DI_ATAS,
    }


def test_an_unknown_rating_in_a_per_value_map_names_the_key(unit: Any) -> None:
    with pytest.raises(LabelError) as info:
        _raw(assessor=unit.supervisor.nip, behaviour_ratings={"loyal": "hebat"})
    assert info.value.path == "behaviour_ratings['loyal']"
    assert info.value.value == "hebat"


def test_a_rating_map_that_is_not_a_mapping_is_refused(unit: Any) -> None:
    with pytest.raises(InputError) as info:
        _raw(assessor=unit.supervisor.nip, work_result_ratings=["rhk-1"])
    assert info.value.rule == "TYPE"
    assert info.value.path == "work_result_ratings"


@pytest.mark.parametrize(
    "role",
    [AssessorRole.SELF, AssessorRole.PEJABAT_PENILAI, AssessorRole.PEER, AssessorRole.SUBORDINATE],
)
def test_only_a_service_user_may_stay_unnamed(role: AssessorRole) -> None:
    with pytest.raises(AssessmentError) as info:
        _raw(role=role, assessor=None)
    error = info.value
    assert error.rule == "ASSESSMENT-ASSESSOR"
    assert error.path == "assessor"


def test_a_service_user_may_stay_unnamed() -> None:
    assessment = _raw(role=AssessorRole.SERVICE_USER, assessor=None)
    assert assessment.assessor is None


def test_a_rating_given_as_text_is_refused_on_the_overall_fields(unit: Any) -> None:
    with pytest.raises(InputError) as info:
        _raw(assessor=unit.supervisor.nip, hasil_kerja="sesuai_ekspektasi")
    assert info.value.rule == "TYPE"
    assert info.value.path == "hasil_kerja"


def test_an_indicator_realised_twice_is_refused_naming_it(unit: Any) -> None:
    with pytest.raises(DuplicateError) as info:
        _raw(
            assessor=unit.supervisor.nip,
            realisations=[
                Realisation("iki-1", 4),
                Realisation("iki-2", 85),
                Realisation("iki-1", 3),
            ],
        )
    error = info.value
    assert error.rule == "ASSESSMENT-UNIQUE"
    assert error.path == "realisations"
    assert error.value == "iki-1"
    assert "'iki-1'" in str(error)


def test_realisations_hold_only_realisation_objects(unit: Any) -> None:
    with pytest.raises(InputError) as info:
        _raw(assessor=unit.supervisor.nip, realisations=[Realisation("iki-1", 4), "iki-2"])
    assert info.value.path == "realisations[1]"
    assert info.value.rule == "TYPE"


def test_an_assessment_given_before_its_period_starts_is_refused(unit: Any) -> None:
    with pytest.raises(AssessmentError) as info:
        _raw(assessor=unit.supervisor.nip, given_on=dt.date(2024, 12, 31))
    error = info.value
    assert error.rule == "ASSESSMENT-DATE"
    assert error.path == "given_on"
    assert error.value == "2024-12-31"
    assert "2024-12-31" in str(error)


@pytest.mark.parametrize("given_on", [dt.date(2027, 1, 1), dt.date(2031, 6, 30)])
def test_an_annual_assessment_given_after_the_following_year_is_refused(
    unit: Any, given_on: dt.date
) -> None:
    """Reproduces issue 10 s.7: an annual 2025 assessment dated years later was accepted
    silently. Decision D14: the last accepted day is 31 December of the year after."""
    with pytest.raises(AssessmentError) as info:
        _raw(assessor=unit.supervisor.nip, given_on=given_on)
    error = info.value
    assert (error.rule, error.path, error.value) == (
        "ASSESSMENT-DATE",
        "given_on",
        given_on.isoformat(),
    )
    assert "2026-12-31" in error.message
    assert "D14" in error.message


def test_an_assessment_given_by_the_end_of_the_following_year_is_accepted(unit: Any) -> None:
    late = _raw(assessor=unit.supervisor.nip, given_on=dt.date(2026, 12, 31))
    assert late.given_on == dt.date(2026, 12, 31)


def test_a_periodic_assessment_window_ends_with_the_year_after_the_period() -> None:
    # A March 2025 period ends 2025-03-31: the window runs to 2026-12-31; a span ending in
    # 2026 runs to 2027-12-31.
    assert latest_given_on(Period.month(2025, 3)) == dt.date(2026, 12, 31)
    span = Period.span(dt.date(2025, 7, 1), dt.date(2026, 6, 30))
    assert latest_given_on(span) == dt.date(2027, 12, 31)


def test_an_assessment_given_on_the_first_day_of_its_period_is_accepted(unit: Any) -> None:
    assert _raw(assessor=unit.supervisor.nip, given_on=dt.date(2025, 1, 1)).given_on.day == 1


def test_a_datetime_is_not_a_date_of_assessment(unit: Any) -> None:
    with pytest.raises(InputError) as info:
        _raw(assessor=unit.supervisor.nip, given_on=dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    assert info.value.path == "given_on"
    assert info.value.rule == "TYPE"


def test_assessments_are_immutable_and_hashable(make_assessment: MakeAssessment) -> None:
    one = make_assessment("self", Rating.DI_ATAS)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        one.hasil_kerja = Rating.SESUAI  # type: ignore[misc]
    assert hash(one) == hash(make_assessment("self", Rating.DI_ATAS))


def test_the_canonical_order_is_self_then_pejabat_penilai_then_peers(
    make_assessment: MakeAssessment, unit: Any
) -> None:
    items = [
        make_assessment("peer", by=unit.peers[1]),
        make_assessment("pejabat_penilai"),
        make_assessment("peer", by=unit.peers[0]),
        make_assessment("self"),
    ]
    ordered = sorted(items, key=lambda a: a.sort_key)
    assert [a.role for a in ordered] == [
        AssessorRole.SELF,
        AssessorRole.PEJABAT_PENILAI,
        AssessorRole.PEER,
        AssessorRole.PEER,
    ]
    # peers by NIP: 198807172014122002 (peer2) before 199001012019032001 (peer1)
    assert [a.assessor for a in ordered[2:]] == [unit.peers[1].nip, unit.peers[0].nip]


# --- realisations ----------------------------------------------------------------------------


def test_a_realisation_is_exact_and_may_carry_evidence_and_feedback() -> None:
    item = Realisation("iki-1", "3.5", "https://drive.example/bukti.pdf", "Tepat waktu")
    assert item.value == Decimal("3.5")
    assert item.evidence == ("https://drive.example/bukti.pdf",)
    assert item.feedback == "Tepat waktu"


def test_a_qualitative_realisation_may_have_no_value() -> None:
    assert Realisation("iki-1").value is None


def test_a_negative_realisation_is_refused() -> None:
    with pytest.raises(DecimalInputError) as info:
        Realisation("iki-1", -3)
    assert info.value.rule == "D5-NONNEGATIVE"
    assert info.value.path == "value"


def test_a_float_realisation_is_refused() -> None:
    with pytest.raises(DecimalInputError) as info:
        Realisation("iki-1", 9.12)  # type: ignore[arg-type]
    assert info.value.rule == "D5-EXACT"
    assert info.value.path == "value"


def test_empty_evidence_is_refused() -> None:
    with pytest.raises(InputError) as info:
        Realisation("iki-1", 1, ["  "])
    assert info.value.path == "evidence"


# --- check_against ---------------------------------------------------------------------------


def test_a_fitting_assessment_passes_the_check(
    make_assessment: MakeAssessment, plan: PerformancePlan
) -> None:
    make_assessment(
        "pejabat_penilai",
        work_result_ratings={"rhk-1": Rating.SESUAI},
        realisations=[Realisation("iki-1", 4)],
    ).check_against(plan, plan.period)


def test_an_assessment_for_another_plan_is_refused(
    make_assessment: MakeAssessment,
    make_plan: Callable[..., PerformancePlan],
    plan: PerformancePlan,
) -> None:
    other = make_plan(id="skp-2025-lain")
    assessment = make_assessment("pejabat_penilai", plan=other)
    with pytest.raises(AssessmentError) as info:
        assessment.check_against(plan, plan.period)
    error = info.value
    assert error.rule == "ASSESSMENT-PLAN"
    assert error.path == "plan_id"
    assert error.value == "skp-2025-lain"
    assert "'skp-2025-lain'" in str(error)


def test_an_assessment_for_another_period_is_refused(
    make_assessment: MakeAssessment, plan: PerformancePlan
) -> None:
    assessment = make_assessment("pejabat_penilai", period=Period.quarter(2025, 2))
    with pytest.raises(AssessmentError) as info:
        assessment.check_against(plan, plan.period)
    error = info.value
    assert error.rule == "ASSESSMENT-PERIOD"
    assert error.path == "period"
    assert error.value == "2025-Q2"
    assert "2025-Q2" in str(error)


def test_a_realisation_of_an_unknown_indicator_is_refused(
    make_assessment: MakeAssessment, plan: PerformancePlan
) -> None:
    assessment = make_assessment("pejabat_penilai", realisations=[Realisation("iki-9", 1)])
    with pytest.raises(AssessmentError) as info:
        assessment.check_against(plan, plan.period)
    error = info.value
    assert error.rule == "ASSESSMENT-PLAN"
    assert error.path == "realisations"
    assert error.value == "iki-9"
    assert "'iki-9'" in str(error)
    assert "iki-1, iki-2, iki-3" in str(error)


def test_a_rating_of_an_unknown_work_result_is_refused(
    make_assessment: MakeAssessment, plan: PerformancePlan
) -> None:
    assessment = make_assessment("pejabat_penilai", work_result_ratings={"rhk-7": Rating.SESUAI})
    with pytest.raises(AssessmentError) as info:
        assessment.check_against(plan, plan.period)
    error = info.value
    assert error.rule == "ASSESSMENT-PLAN"
    assert error.path == "work_result_ratings"
    assert error.value == "rhk-7"


def test_a_self_assessment_by_someone_else_is_refused(
    make_assessment: MakeAssessment, plan: PerformancePlan, unit: Any
) -> None:
    assessment = make_assessment("self", by=unit.peers[0])
    with pytest.raises(AuthorityError) as info:
        assessment.check_against(plan, plan.period)
    error = info.value
    assert error.rule == "AUTH-SELF"
    assert error.path == "assessor"
    assert error.value == unit.peers[0].nip.digits
    # deliberately not a PermissionError (an OSError), so `except OSError` does not catch it
    assert not isinstance(error, OSError)


@pytest.mark.parametrize("role", ["peer", "subordinate", "pejabat_penilai", "service_user"])
def test_an_employee_cannot_rate_their_own_plan_in_another_role(
    make_assessment: MakeAssessment, plan: PerformancePlan, unit: Any, role: str
) -> None:
    assessment = make_assessment(role, by=unit.employee)
    with pytest.raises(AuthorityError) as info:
        assessment.check_against(plan, plan.period)
    error = info.value
    assert error.rule == "AUTH-OWN-PLAN"
    assert error.path == "role"
    assert error.value == role


def test_a_pejabat_penilai_assessment_by_someone_else_is_refused(
    make_assessment: MakeAssessment, plan: PerformancePlan, unit: Any
) -> None:
    assessment = make_assessment("pejabat_penilai", by=unit.atasan)
    with pytest.raises(AuthorityError) as info:
        assessment.check_against(plan, plan.period)
    error = info.value
    assert error.rule == "AUTH-PEJABAT-PENILAI"
    assert error.path == "assessor"
    assert error.value == unit.atasan.nip.digits
    assert unit.supervisor.nip.digits in error.fix  # type: ignore[operator]


def test_a_check_failure_inside_appraise_is_placed_under_the_assessment_index(
    make_assessment: MakeAssessment, plan: PerformancePlan, unit: Any
) -> None:
    items = [make_assessment("pejabat_penilai"), make_assessment("self", by=unit.outsider)]
    with pytest.raises(AuthorityError) as info:
        appraise(plan, items)
    assert info.value.rule == "AUTH-SELF"
    assert info.value.path == "assessments[1].assessor"


# --- bad input: a library error, never a crash nor a silent pass ---


_REVIEW_SAMPLE = sample_unit()
_REVIEW_PLAN = next(p for p in _REVIEW_SAMPLE.plans if p.id == "skp-2025-guru")
_REVIEW_GIVEN = [a for a in _REVIEW_SAMPLE.assessments if a.plan_id == _REVIEW_PLAN.id]
_REVIEW_LEAD = next(a for a in _REVIEW_GIVEN if a.role is AssessorRole.PEJABAT_PENILAI)


def test_realisations_from_a_generator_are_read_once_and_checked() -> None:
    made = attrs.evolve(_REVIEW_LEAD, realisations=(r for r in [Realisation("iki-NOPE", 3)]))
    assert made.realisations == (Realisation("iki-NOPE", 3),)
    with pytest.raises(AsnPerformanceError) as caught:
        appraise(_REVIEW_PLAN, [made if a is _REVIEW_LEAD else a for a in _REVIEW_GIVEN])
    assert caught.value.rule == "ASSESSMENT-PLAN"


@pytest.mark.parametrize("bad", [Realisation("iki-1", 3), None, "iki-1"])
def test_realisations_that_are_not_a_list_are_refused(bad: object) -> None:
    with pytest.raises(InputError) as caught:
        attrs.evolve(_REVIEW_LEAD, realisations=bad)
    assert caught.value.path == "realisations"


def test_a_frozen_map_of_the_wrong_values_is_checked_like_a_dict() -> None:
    with pytest.raises(LabelError):
        attrs.evolve(_REVIEW_LEAD, work_result_ratings=FrozenMap({"rhk-1": Predikat.BAIK}))
    fixed = attrs.evolve(_REVIEW_LEAD, work_result_ratings=FrozenMap({"rhk-1": "sesuai"}))
    assert fixed.work_result_ratings["rhk-1"] is Rating.SESUAI
