"""Tests for :mod:`asn_performance.regimes.permenpanrb_6_2022.appraisal`: :func:`appraise`
and :class:`~asn_performance.Appraisal`, with the period guard for the other regimes and the
quantitative suggestion.

Rules (digest §0, §1.4-§1.7): the pejabat penilai kinerja sets both ratings; the 3×3 matrix of
PermenPANRB 6/2022 gives the predikat; no national weights exist for other sources (D2), so by
default they are advisory; a unit head's rating hasil kerja is the organisation's capaian
kinerja (SE MenPANRB 3/2023; mapping D3, UNCONFIRMED); anonymous input needs at least three
responses (library guard). Every expected value below is worked out by hand in a comment.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any, ClassVar

import attrs
import pytest

from asn_performance import (
    Appraisal,
    Approach,
    Assessment,
    AssessorRole,
    Employee,
    Guards,
    OrganisationPredikat,
    PerDimension,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Predikat,
    Rating,
    Step,
    SupervisorDecides,
    WeightedSources,
    appraise,
)
from asn_performance.exceptions import (
    AppraisalError,
    AssessmentError,
    AuthorityError,
    DuplicateError,
    InputError,
    LabelError,
    MissingAssessmentError,
)
from asn_performance.regimes.permenpanrb_6_2022.quantitative import SuggestionThresholds
from asn_performance.services.sample import sample_unit
from asn_performance.weighting import SourceRatings

A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
MakeAssessment = Callable[..., Assessment]
MakePlan = Callable[..., PerformancePlan]
MakePeers = Callable[..., list[Assessment]]
AGENCY = WeightedSources({"self": 20, "pejabat_penilai": 60, "peer": 20})


def _rules(appraisal: Appraisal, dimension: str | None = None) -> list[str]:
    steps = appraisal.explanation.steps
    return [s.rule for s in steps if dimension is None or s.dimension == dimension]


def _step(appraisal: Appraisal, rule: str, dimension: str | None = None) -> Step:
    found = [
        s
        for s in appraisal.explanation.steps
        if s.rule == rule and (dimension is None or s.dimension == dimension)
    ]
    assert len(found) == 1, (rule, dimension, appraisal.explanation.steps)
    return found[0]


def _all_text(appraisal: Appraisal) -> str:
    """Everything an appraisal shows: explain(), reason(), the notebook forms, every step field."""
    parts = [
        appraisal.explain(),
        appraisal.reason(),
        appraisal._repr_markdown_(),
        appraisal._repr_html_(),
        str(appraisal.to_row()),
    ]
    for step in appraisal.explanation.steps:
        parts.extend([step.rule, step.dimension, step.output, step.note])
        for name, value in step.inputs:
            parts.extend([name, value])
    return "\n".join(parts)


# --- the default policy: the pejabat penilai decides ----------------------------------------


def test_the_pejabat_penilai_decides_by_default(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    # pejabat penilai: hasil Di Atas, perilaku Sesuai → matrix (Di Atas, Sesuai) = Baik
    appraisal = appraise(plan, [make_assessment("pejabat_penilai", A, S)])
    assert appraisal.rating_hasil_kerja is A
    assert appraisal.rating_perilaku_kerja is S
    assert appraisal.predikat is Predikat.BAIK
    assert appraisal.policy == "supervisor_decides"
    assert appraisal.regime == "permenpanrb_6_2022"
    assert appraisal.period == plan.period
    assert appraisal.organisation_predikat is None
    assert _rules(appraisal) == [
        "D2-SUPERVISOR-DECIDES",
        "D2-SUPERVISOR-DECIDES",
        "6/2022-MATRIX",
    ]


def test_a_differing_self_rating_is_listed_as_advisory_and_does_not_count(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    items = [make_assessment("self", A, A), make_assessment("pejabat_penilai", S, S)]
    appraisal = appraise(plan, items)
    assert appraisal.predikat is Predikat.BAIK  # (Sesuai, Sesuai), not Sangat Baik
    advisory = _step(appraisal, "D2-ADVISORY", "hasil_kerja")
    assert advisory.inputs == (("Penilaian diri", "Di Atas Ekspektasi"),)
    assert _step(appraisal, "D2-SUPERVISOR-DECIDES", "hasil_kerja").output == "Sesuai Ekspektasi"


def test_the_matrix_step_comes_last_and_names_both_ratings(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    appraisal = appraise(plan, [make_assessment("pejabat_penilai", B, A)])
    last = appraisal.explanation.steps[-1]
    assert last == Step(
        "6/2022-MATRIX",
        "predikat",
        (
            ("rating hasil kerja", "Di Bawah Ekspektasi"),
            ("rating perilaku kerja", "Di Atas Ekspektasi"),
        ),
        "Butuh Perbaikan",
    )


def test_assessments_are_kept_in_canonical_order(
    plan: PerformancePlan, make_assessment: MakeAssessment, make_peers: MakePeers
) -> None:
    peers = make_peers([(S, S), (A, S), (S, A)])
    supervisor = make_assessment("pejabat_penilai")
    own = make_assessment("self")
    appraisal = appraise(plan, [*peers, supervisor, own])
    assert [a.role for a in appraisal.assessments][:2] == [
        AssessorRole.SELF,
        AssessorRole.PEJABAT_PENILAI,
    ]
    # Three peers meet the anonymity minimum: their ratings stay, their names and dates go.
    anonymous = {
        attrs.evolve(p, assessor=None, anonymised=True, given_on=plan.period.start) for p in peers
    }
    assert set(appraisal.assessments) == {*anonymous, supervisor, own}
    assert [a.assessor for a in appraisal.assessments[2:]] == [None, None, None]
    assert isinstance(appraisal.assessments, tuple)


def test_a_generator_of_assessments_is_accepted(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    appraisal = appraise(plan, (make_assessment(role) for role in ("pejabat_penilai", "self")))
    assert len(appraisal.assessments) == 2


# --- required pejabat penilai assessment -----------------------------------------------------


def test_a_missing_pejabat_penilai_assessment_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment, make_peers: MakePeers
) -> None:
    items = [make_assessment("self", A, A), *make_peers([(A, A)] * 3)]
    with pytest.raises(MissingAssessmentError) as info:
        appraise(plan, items)
    error = info.value
    assert error.rule == "6/2022-PEJABAT-PENILAI"
    assert error.path == "assessments"
    assert error.value == ["self", "peer", "peer", "peer"]
    assert isinstance(error, AppraisalError)
    assert plan.pejabat_penilai.nip.digits in str(error)


def test_no_assessments_at_all_is_a_missing_assessment(plan: PerformancePlan) -> None:
    with pytest.raises(MissingAssessmentError) as info:
        appraise(plan, [])
    assert info.value.rule == "6/2022-PEJABAT-PENILAI"
    assert info.value.path == "assessments"
    assert info.value.value == []


def test_a_pejabat_penilai_assessment_without_the_perilaku_rating_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    with pytest.raises(AssessmentError) as info:
        appraise(plan, [make_assessment("pejabat_penilai", A, None)])
    error = info.value
    assert error.rule == "6/2022-PEJABAT-PENILAI"
    assert error.path is not None
    assert error.path.endswith("perilaku_kerja")
    assert "perilaku kerja" in str(error)


def test_a_pejabat_penilai_assessment_without_the_hasil_rating_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    with pytest.raises(AssessmentError) as info:
        appraise(plan, [make_assessment("pejabat_penilai", None, S)])
    assert info.value.rule == "6/2022-PEJABAT-PENILAI"
    assert info.value.path is not None
    assert info.value.path.endswith("hasil_kerja")


def test_per_value_ratings_do_not_replace_the_overall_perilaku_rating(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    supervisor = make_assessment(
        "pejabat_penilai", A, None, behaviour_ratings={"loyal": "di_atas_ekspektasi"}
    )
    with pytest.raises(AssessmentError) as info:
        appraise(plan, [supervisor])
    assert info.value.rule == "6/2022-PEJABAT-PENILAI"


# --- duplicates ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["pejabat_penilai", "self"])
def test_a_second_assessment_by_the_same_role_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment, role: str
) -> None:
    items = [
        make_assessment("pejabat_penilai"),
        make_assessment("self"),
        make_assessment(role, A, A, given_on=dt.date(2026, 1, 5)),
    ]
    with pytest.raises(DuplicateError) as info:
        appraise(plan, items)
    error = info.value
    assert error.rule == "ASSESSMENT-UNIQUE"
    assert error.path == "assessments[2]"
    assert error.value == role


def test_the_same_peer_twice_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment, unit: Any
) -> None:
    items = [
        make_assessment("pejabat_penilai"),
        make_assessment("peer", S, S, by=unit.peers[0]),
        make_assessment("peer", S, S, by=unit.peers[1]),
        make_assessment("peer", A, A, by=unit.peers[0]),
    ]
    with pytest.raises(DuplicateError) as info:
        appraise(plan, items)
    error = info.value
    assert error.rule == "ASSESSMENT-UNIQUE"
    assert error.path == "assessments[3]"
    assert error.value == "peer"


def test_several_unnamed_service_users_are_not_duplicates(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    items = [
        make_assessment("pejabat_penilai"),
        make_assessment("service_user", A, None),
        make_assessment("service_user", B, None),
    ]
    assert len(appraise(plan, items).assessments) == 3


# --- authority through appraise --------------------------------------------------------------


def test_an_employee_rating_their_own_plan_as_a_peer_is_refused_at_its_index(
    plan: PerformancePlan, make_assessment: MakeAssessment, unit: Any
) -> None:
    items = [make_assessment("pejabat_penilai"), make_assessment("peer", by=unit.employee)]
    with pytest.raises(AuthorityError) as info:
        appraise(plan, items)
    assert info.value.rule == "AUTH-OWN-PLAN"
    assert info.value.path == "assessments[1].role"


def test_a_pejabat_penilai_assessment_by_the_atasan_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment, unit: Any
) -> None:
    with pytest.raises(AuthorityError) as info:
        appraise(plan, [make_assessment("pejabat_penilai", by=unit.atasan)])
    assert info.value.rule == "AUTH-PEJABAT-PENILAI"
    assert info.value.path == "assessments[0].assessor"


def test_an_assessment_of_another_plan_is_refused_at_its_index(
    plan: PerformancePlan, make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    other = make_plan(id="skp-2025-lain")
    items = [make_assessment("pejabat_penilai"), make_assessment("self", plan=other)]
    with pytest.raises(AssessmentError) as info:
        appraise(plan, items)
    assert info.value.rule == "ASSESSMENT-PLAN"
    assert info.value.path == "assessments[1].plan_id"
    assert info.value.value == "skp-2025-lain"


# --- anonymity guard -------------------------------------------------------------------------


def test_two_peers_are_withheld(
    plan: PerformancePlan, make_assessment: MakeAssessment, make_peers: MakePeers
) -> None:
    items = [make_assessment("pejabat_penilai"), *make_peers([(A, A), (B, B)])]
    appraisal = appraise(plan, items)
    for dimension in ("hasil_kerja", "perilaku_kerja"):
        assert _step(appraisal, "G-ANONYMITY", dimension) == Step(
            "G-ANONYMITY",
            dimension,
            (("Rekan kerja setingkat", "2 response(s)"),),
            "withheld",
            "fewer than 3 responses",
        )
    assert "D2-ADVISORY" not in _rules(appraisal)
    assert "withheld" in appraisal.reason()


def test_anonymity_counts_the_responses_that_rated_each_dimension(
    plan: PerformancePlan, make_assessment: MakeAssessment, make_peers: MakePeers
) -> None:
    # Three peers responded, but only two rated hasil kerja: hasil kerja input is withheld
    # (2 < 3), perilaku kerja input (3 ratings) is counted.
    items = [make_assessment("pejabat_penilai"), *make_peers([(A, A), (B, B), (None, S)])]
    appraisal = appraise(plan, items)
    assert _step(appraisal, "G-ANONYMITY", "hasil_kerja").inputs == (
        ("Rekan kerja setingkat", "2 response(s)"),
    )
    assert "G-ANONYMITY" not in _rules(appraisal, "perilaku_kerja")
    assert _step(appraisal, "D2-ADVISORY", "perilaku_kerja").inputs == (
        (
            "Rekan kerja setingkat",
            "1× Di Bawah Ekspektasi, 1× Sesuai Ekspektasi, 1× Di Atas Ekspektasi",
        ),
    )


def test_exactly_three_peers_are_counted(
    plan: PerformancePlan, make_assessment: MakeAssessment, make_peers: MakePeers
) -> None:
    items = [make_assessment("pejabat_penilai"), *make_peers([(A, A), (B, B), (A, S)])]
    appraisal = appraise(plan, items)
    assert "G-ANONYMITY" not in _rules(appraisal)
    advisory = _step(appraisal, "D2-ADVISORY", "hasil_kerja")
    assert advisory.inputs == (
        ("Rekan kerja setingkat", "1× Di Bawah Ekspektasi, 2× Di Atas Ekspektasi"),
    )


def test_withheld_peers_do_not_change_a_weighted_result(
    plan: PerformancePlan, make_assessment: MakeAssessment, make_peers: MakePeers
) -> None:
    # Two peers (Di Bawah) are withheld: self Sesuai 2 × 20/80 + pejabat penilai Di Atas
    # 3 × 60/80 = 0.5 + 2.25 = 2.75 → Di Atas. Had they counted: 0.4 + 1.8 + 0.2 = 2.4 → Sesuai.
    base = [make_assessment("self", S, S), make_assessment("pejabat_penilai", A, S)]
    two = appraise(plan, [*base, *make_peers([(B, S)] * 2)], policy=AGENCY)
    alone = appraise(plan, base, policy=AGENCY)
    assert two.rating_hasil_kerja is A
    assert two.rating_hasil_kerja is alone.rating_hasil_kerja
    assert _step(two, "W-WEIGHTED", "hasil_kerja").note.startswith("score 2.75;")
    assert "G-ANONYMITY" in _rules(two)


def test_three_peers_do_change_a_weighted_result(
    plan: PerformancePlan, make_assessment: MakeAssessment, make_peers: MakePeers
) -> None:
    # self Sesuai 2 × 0.2 + pejabat penilai Di Atas 3 × 0.6 + peers Di Bawah 1 × 0.2
    # = 0.4 + 1.8 + 0.2 = 2.4 → Sesuai
    items = [
        make_assessment("self", S, S),
        make_assessment("pejabat_penilai", A, S),
        *make_peers([(B, S)] * 3),
    ]
    appraisal = appraise(plan, items, policy=AGENCY)
    assert appraisal.rating_hasil_kerja is S
    assert _step(appraisal, "W-WEIGHTED", "hasil_kerja").note.startswith("score 2.40;")


def test_two_subordinates_are_withheld_too(
    plan: PerformancePlan, make_assessment: MakeAssessment, unit: Any
) -> None:
    items = [
        make_assessment("pejabat_penilai"),
        *(make_assessment("subordinate", B, B, by=s) for s in unit.subordinates[:2]),
    ]
    appraisal = appraise(plan, items)
    assert _step(appraisal, "G-ANONYMITY", "hasil_kerja").inputs == (
        ("Bawahan langsung", "2 response(s)"),
    )


def test_a_lower_minimum_lets_a_single_peer_count(
    plan: PerformancePlan, make_assessment: MakeAssessment, make_peers: MakePeers
) -> None:
    items = [make_assessment("pejabat_penilai"), *make_peers([(A, A)])]
    appraisal = appraise(plan, items, guards=Guards(min_anonymous_responses=1))
    assert "G-ANONYMITY" not in _rules(appraisal)
    assert _step(appraisal, "D2-ADVISORY", "hasil_kerja").inputs == (
        ("Rekan kerja setingkat", "Di Atas Ekspektasi"),
    )


@pytest.mark.parametrize("policy", [SupervisorDecides(), AGENCY], ids=["default", "weighted"])
@pytest.mark.parametrize("peers", [2, 3, 5])
def test_the_explanation_never_contains_a_peer_nip(
    plan: PerformancePlan,
    make_assessment: MakeAssessment,
    make_peers: MakePeers,
    unit: Any,
    policy: Any,
    peers: int,
) -> None:
    ratings = [(A, S), (B, A), (S, B), (A, A), (B, B)][:peers]
    items = [make_assessment("self"), make_assessment("pejabat_penilai"), *make_peers(ratings)]
    appraisal = appraise(plan, items, policy=policy)
    text = _all_text(appraisal)
    for peer in unit.peers:
        assert peer.nip.digits not in text
        assert peer.nip.formatted() not in text
        assert peer.name not in text


# --- weighted policy through appraise --------------------------------------------------------


def test_a_missing_peer_source_is_renormalised_not_counted_as_zero(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    # self Di Atas 3 × 20/80 + pejabat penilai Di Atas 3 × 60/80 = 3 → Di Atas on both ratings
    # → Sangat Baik. Counting the missing peers as zero: 0.6 + 1.8 + 0 = 2.4 → Sesuai → Baik.
    items = [make_assessment("self", A, A), make_assessment("pejabat_penilai", A, A)]
    appraisal = appraise(plan, items, policy=AGENCY)
    assert appraisal.rating_hasil_kerja is A
    assert appraisal.rating_perilaku_kerja is A
    assert appraisal.predikat is Predikat.SANGAT_BAIK
    assert appraisal.policy == "weighted_sources"
    missing = _step(appraisal, "W-MISSING-SOURCE", "hasil_kerja")
    assert missing.output == "weights renormalised over 80"
    assert _step(appraisal, "W-WEIGHTED", "perilaku_kerja").note.startswith("score 3.00;")
    assert "weighted" in appraisal.reason()


def test_per_dimension_uses_one_policy_per_rating(
    plan: PerformancePlan, make_assessment: MakeAssessment, make_peers: MakePeers
) -> None:
    # hasil: the pejabat penilai decides → Di Bawah.
    # perilaku weighted: self Di Atas 3 × 0.2 + pejabat penilai Di Bawah 1 × 0.6
    #   + peers mean(3, 3, 3) × 0.2 = 0.6 + 0.6 + 0.6 = 1.8 → Sesuai.
    # matrix (Di Bawah, Sesuai) → Butuh Perbaikan
    items = [
        make_assessment("self", A, A),
        make_assessment("pejabat_penilai", B, B),
        *make_peers([(A, A)] * 3),
    ]
    policy = PerDimension(hasil_kerja=SupervisorDecides(), perilaku_kerja=AGENCY)
    appraisal = appraise(plan, items, policy=policy)
    assert appraisal.rating_hasil_kerja is B
    assert appraisal.rating_perilaku_kerja is S
    assert appraisal.predikat is Predikat.BUTUH_PERBAIKAN
    assert appraisal.policy == (
        "per_dimension(hasil_kerja=supervisor_decides, perilaku_kerja=weighted_sources)"
    )
    assert _rules(appraisal, "hasil_kerja") == ["D2-SUPERVISOR-DECIDES", "D2-ADVISORY"]
    assert _rules(appraisal, "perilaku_kerja") == ["W-WEIGHTED"]


@attrs.frozen
class LowestOfSupervisorAndSelf:
    """An agency's own policy: the lower of the pejabat penilai's and the self rating."""

    name: ClassVar[str] = "lowest_of_supervisor_and_self"

    def combine(self, dimension: str, sources: SourceRatings) -> tuple[Rating, tuple[Step, ...]]:
        candidates = sources[AssessorRole.PEJABAT_PENILAI] + sources.get(AssessorRole.SELF, ())
        rating = min(candidates)
        inputs = tuple(("candidate", r.label_id) for r in candidates)
        return rating, (Step("AGENCY-LOWEST", dimension, inputs, rating.label_id),)


def test_a_custom_policy_class_works_through_appraise(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    # hasil: min(Di Atas, Sesuai) = Sesuai; perilaku: min(Di Atas, Di Atas) = Di Atas
    # matrix (Sesuai, Di Atas) → Baik
    items = [make_assessment("self", S, A), make_assessment("pejabat_penilai", A, A)]
    appraisal = appraise(plan, items, policy=LowestOfSupervisorAndSelf())
    assert appraisal.rating_hasil_kerja is S
    assert appraisal.rating_perilaku_kerja is A
    assert appraisal.predikat is Predikat.BAIK
    assert appraisal.policy == "lowest_of_supervisor_and_self"
    assert _rules(appraisal) == ["AGENCY-LOWEST", "AGENCY-LOWEST", "6/2022-MATRIX"]
    assert "[AGENCY-LOWEST]" in appraisal.explain()


def test_a_custom_policy_without_a_self_assessment_gets_the_supervisor_rating(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    appraisal = appraise(
        plan, [make_assessment("pejabat_penilai", B, S)], policy=LowestOfSupervisorAndSelf()
    )
    assert appraisal.predikat is Predikat.BUTUH_PERBAIKAN


@attrs.frozen
class ReturnsText:
    name: ClassVar[str] = "returns_text"

    def combine(self, dimension: str, sources: SourceRatings) -> tuple[Any, tuple[Step, ...]]:
        return "sesuai_ekspektasi", ()


def test_a_policy_returning_something_other_than_a_rating_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    with pytest.raises(AppraisalError) as info:
        appraise(plan, [make_assessment("pejabat_penilai")], policy=ReturnsText())
    assert info.value.rule == "W-POLICY"
    assert info.value.path == "policy"
    assert "returns_text" in str(info.value)


def test_something_that_is_not_a_policy_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    with pytest.raises(AppraisalError) as info:
        appraise(plan, [make_assessment("pejabat_penilai")], policy="weighted")  # type: ignore[arg-type]
    assert info.value.rule == "W-POLICY"
    assert info.value.path == "policy"
    assert info.value.value == "str"


# --- unit head (D3) --------------------------------------------------------------------------


def test_a_unit_head_rating_hasil_kerja_is_the_organisation_predikat(
    make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    # Istimewa → Di Atas (D3) whatever the pejabat penilai said (Di Bawah);
    # matrix (Di Atas, Sesuai) → Baik
    head_plan = make_plan(leads_unit=True)
    supervisor = make_assessment("pejabat_penilai", B, S, plan=head_plan)
    appraisal = appraise(
        head_plan, [supervisor], organisation_predikat=OrganisationPredikat.ISTIMEWA
    )
    assert appraisal.rating_hasil_kerja is A
    assert appraisal.predikat is Predikat.BAIK
    assert appraisal.organisation_predikat is OrganisationPredikat.ISTIMEWA
    step = _step(appraisal, "D3-UNIT-HEAD", "hasil_kerja")
    assert step.inputs == (
        ("capaian kinerja organisasi", "Istimewa"),
        ("pejabat penilai kinerja (superseded)", "Di Bawah Ekspektasi"),
    )
    assert step.output == "Di Atas Ekspektasi"
    assert "D2-SUPERVISOR-DECIDES" not in _rules(appraisal, "hasil_kerja")
    assert "Istimewa" in appraisal.reason()


def test_a_unit_head_without_the_organisation_predikat_is_refused(
    make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    head_plan = make_plan(leads_unit=True)
    with pytest.raises(AppraisalError) as info:
        appraise(head_plan, [make_assessment("pejabat_penilai", A, A, plan=head_plan)])
    error = info.value
    assert error.rule == "D3-UNIT-HEAD"
    assert error.path == "organisation_predikat"
    assert "'skp-2025-budi'" in str(error)


def test_a_unit_head_needs_no_hasil_rating_from_the_pejabat_penilai(
    make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    head_plan = make_plan(leads_unit=True)
    supervisor = make_assessment("pejabat_penilai", None, A, plan=head_plan)
    appraisal = appraise(head_plan, [supervisor], organisation_predikat=OrganisationPredikat.BAIK)
    # Baik → Sesuai (D3); matrix (Sesuai, Di Atas) → Baik
    assert appraisal.rating_hasil_kerja is S
    assert appraisal.predikat is Predikat.BAIK
    assert _step(appraisal, "D3-UNIT-HEAD").inputs == (("capaian kinerja organisasi", "Baik"),)


def test_a_unit_head_mapping_can_be_configured(
    make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    head_plan = make_plan(leads_unit=True)
    generous = dict.fromkeys(OrganisationPredikat, A)
    appraisal = appraise(
        head_plan,
        [make_assessment("pejabat_penilai", B, A, plan=head_plan)],
        organisation_predikat=OrganisationPredikat.KURANG,
        unit_head_mapping=generous,
    )
    assert appraisal.rating_hasil_kerja is A
    assert appraisal.predikat is Predikat.SANGAT_BAIK


def test_an_organisation_predikat_may_be_given_by_its_label(
    make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    head_plan = make_plan(leads_unit=True)
    appraisal = appraise(
        head_plan,
        [make_assessment("pejabat_penilai", A, S, plan=head_plan)],
        organisation_predikat="Perlu Perbaikan",
    )
    # Perlu Perbaikan = Butuh Perbaikan → Di Bawah (D3); matrix (Di Bawah, Sesuai) → Butuh Perbaikan
    assert appraisal.organisation_predikat is OrganisationPredikat.BUTUH_PERBAIKAN
    assert appraisal.rating_hasil_kerja is B
    assert appraisal.predikat is Predikat.BUTUH_PERBAIKAN


def test_an_unknown_organisation_predikat_is_refused_naming_it(
    make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    head_plan = make_plan(leads_unit=True)
    with pytest.raises(LabelError) as info:
        appraise(
            head_plan,
            [make_assessment("pejabat_penilai", plan=head_plan)],
            organisation_predikat="Luar Biasa",
        )
    assert info.value.rule == "D12-LABELS"
    assert info.value.path == "organisation_predikat"
    assert "'Luar Biasa'" in str(info.value)


def test_a_unit_head_mapping_missing_an_organisation_predikat_is_refused(
    make_plan: MakePlan, make_assessment: MakeAssessment
) -> None:
    head_plan = make_plan(leads_unit=True)
    partial = {o: A for o in OrganisationPredikat if o is not OrganisationPredikat.KURANG}
    with pytest.raises(AppraisalError) as info:
        appraise(
            head_plan,
            [make_assessment("pejabat_penilai", plan=head_plan)],
            organisation_predikat=OrganisationPredikat.ISTIMEWA,
            unit_head_mapping=partial,
        )
    assert info.value.rule == "D3-UNIT-HEAD"
    assert info.value.path == "unit_head_mapping['kurang']"


def test_an_organisation_predikat_is_ignored_for_a_plan_that_does_not_lead_a_unit(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    appraisal = appraise(
        plan,
        [make_assessment("pejabat_penilai", B, S)],
        organisation_predikat=OrganisationPredikat.ISTIMEWA,
    )
    assert appraisal.rating_hasil_kerja is B
    assert appraisal.organisation_predikat is None
    assert "D3-UNIT-HEAD" not in _rules(appraisal)


# --- periods ---------------------------------------------------------------------------------


def test_a_quarter_inside_the_annual_plan_is_appraised_from_that_quarter(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    q2 = Period.quarter(2025, 2)
    items = [
        make_assessment("pejabat_penilai", S, A, period=q2),
        make_assessment("self", A, A, period=q2),
    ]
    appraisal = appraise(plan, items, period=q2)
    assert appraisal.period == q2
    assert appraisal.predikat is Predikat.BAIK  # (Sesuai, Di Atas)
    first = appraisal.explanation.steps[0]
    assert first == Step(
        "6/2022-PERIOD", "", (("plan period", "2025"),), "Triwulan II 2025", "periodic"
    )
    assert appraisal.to_row()["period"] == "2025-Q2"
    assert "Triwulan II 2025" in appraisal.explain()


def test_a_month_inside_the_plan_can_be_appraised(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    march = Period.month(2025, 3)
    appraisal = appraise(
        plan, [make_assessment("pejabat_penilai", B, B, period=march)], period=march
    )
    assert appraisal.predikat is Predikat.SANGAT_KURANG


def test_annual_assessments_do_not_count_in_a_quarterly_appraisal(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    q1 = Period.quarter(2025, 1)
    items = [make_assessment("pejabat_penilai", period=q1), make_assessment("self")]
    with pytest.raises(AssessmentError) as info:
        appraise(plan, items, period=q1)
    assert info.value.rule == "ASSESSMENT-PERIOD"
    assert info.value.path == "assessments[1].period"
    assert info.value.value == "2025"


@pytest.mark.parametrize(
    "period",
    [
        Period.quarter(2026, 1),
        Period.annual(2024),
        Period.span(dt.date(2025, 12, 1), dt.date(2026, 1, 31)),
    ],
    ids=["next-year-quarter", "previous-year", "straddling-span"],
)
def test_a_period_outside_the_plan_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment, period: Period
) -> None:
    with pytest.raises(AppraisalError) as info:
        appraise(plan, [make_assessment("pejabat_penilai", period=period)], period=period)
    error = info.value
    assert error.rule == "6/2022-PERIOD"
    assert error.path == "period"
    assert error.value == period.code
    assert "2025" in str(error)


def test_a_period_given_as_text_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    with pytest.raises(AppraisalError) as info:
        appraise(plan, [make_assessment("pejabat_penilai")], period="2025-Q1")  # type: ignore[arg-type]
    assert info.value.rule == "6/2022-PERIOD"
    assert info.value.path == "period"


def test_passing_the_plans_own_period_explicitly_is_not_a_periodic_appraisal(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    # Period.annual(2025) equals plan.period but is another object: the appraisal must be the
    # same as without the argument, with no "periodic" step.
    items = [make_assessment("pejabat_penilai")]
    explicit = appraise(plan, items, period=Period.annual(2025))
    assert "6/2022-PERIOD" not in _rules(explicit)
    assert explicit == appraise(plan, items)


# --- bad arguments ---------------------------------------------------------------------------


def test_something_that_is_not_a_plan_is_refused(make_assessment: MakeAssessment) -> None:
    with pytest.raises(AppraisalError) as info:
        appraise("skp-2025-budi", [make_assessment("pejabat_penilai")])  # type: ignore[arg-type]
    assert info.value.rule == "TYPE"
    assert info.value.path == "plan"


def test_assessments_given_as_a_string_are_refused(plan: PerformancePlan) -> None:
    with pytest.raises(AppraisalError) as info:
        appraise(plan, "pejabat_penilai")  # type: ignore[arg-type]
    assert info.value.rule == "TYPE"
    assert info.value.path == "assessments"


def test_something_that_is_not_an_assessment_is_refused_at_its_index(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    with pytest.raises(AssessmentError) as info:
        appraise(plan, [make_assessment("pejabat_penilai"), {"role": "self"}])  # type: ignore[list-item]
    assert info.value.rule == "TYPE"
    assert info.value.path == "assessments[1]"
    assert info.value.value == "dict"


# --- the Appraisal object --------------------------------------------------------------------


def test_an_appraisal_with_a_predikat_that_contradicts_the_matrix_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    good = appraise(plan, [make_assessment("pejabat_penilai", S, S)])
    with pytest.raises(AppraisalError) as info:
        Appraisal(
            plan=plan,
            period=plan.period,
            rating_hasil_kerja=S,
            rating_perilaku_kerja=S,
            predikat=Predikat.SANGAT_BAIK,
            assessments=good.assessments,
            explanation=good.explanation,
        )
    error = info.value
    assert error.rule == "6/2022-MATRIX"
    assert error.path == "predikat"
    assert error.value == "sangat_baik"
    assert "Baik" in str(error)


def test_evolving_an_appraisal_to_another_predikat_is_refused(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    good = appraise(plan, [make_assessment("pejabat_penilai", B, B)])
    with pytest.raises(AppraisalError) as info:
        attrs.evolve(good, predikat=Predikat.BAIK)
    assert info.value.rule == "6/2022-MATRIX"
    assert info.value.path == "predikat"


@pytest.mark.parametrize("field", ["policy", "regime"])
@pytest.mark.parametrize("bad", [1.5, ["supervisor_decides"], {"kind": "x"}, "", "   "])
def test_an_appraisal_names_its_policy_and_regime_in_non_empty_text(
    plan: PerformancePlan, make_assessment: MakeAssessment, field: str, bad: object
) -> None:
    """Reproduces issue 10 s.4: policy and regime took floats, lists and dicts, so a record
    was sealed that load_appraisal refuses."""
    good = appraise(plan, [make_assessment("pejabat_penilai")])
    with pytest.raises(InputError) as info:
        attrs.evolve(good, **{field: bad})
    assert (info.value.path, info.value.rule) == (field, "TEXT")


def test_an_appraisal_is_immutable(plan: PerformancePlan, make_assessment: MakeAssessment) -> None:
    appraisal = appraise(plan, [make_assessment("pejabat_penilai")])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        appraisal.predikat = Predikat.SANGAT_BAIK  # type: ignore[misc]


def test_reason_is_one_line_naming_both_ratings_the_source_and_the_predikat(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    appraisal = appraise(plan, [make_assessment("pejabat_penilai", A, S)])
    reason = appraisal.reason()
    assert "\n" not in reason
    assert "hasil Di Atas" in reason
    assert "perilaku Sesuai" in reason
    assert "pejabat penilai" in reason
    assert reason.index("hasil") < reason.index("perilaku") < reason.index("Baik")


def test_to_row_is_a_flat_row_of_text(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    appraisal = appraise(plan, [make_assessment("pejabat_penilai", S, B)])
    assert appraisal.to_row() == {
        "nip": "198609262015051001",
        "name": "Budi Santoso",
        "unit": "Subbagian Perencanaan, Biro Perencanaan",
        "plan_id": "skp-2025-budi",
        "period": "2025",
        "rating_hasil_kerja": "sesuai_ekspektasi",
        "rating_perilaku_kerja": "di_bawah_ekspektasi",
        "predikat": "kurang",
        "predikat_label": "Kurang/Misconduct",
        "policy": "supervisor_decides",
        "regime": "permenpanrb_6_2022",
    }
    assert appraisal.employee_nip == "198609262015051001"


def test_explain_starts_with_who_what_and_when(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    appraisal = appraise(plan, [make_assessment("pejabat_penilai", A, A)])
    head = appraisal.explain().splitlines()[:2]
    assert head[0] == "Budi Santoso (198609262015051001), plan skp-2025-budi, Tahunan 2025"
    assert "predikat: Sangat Baik" in head[1]
    assert "policy supervisor_decides" in head[1]
    assert "SE MenPANRB 3/2023 step 3" in appraisal.explain()


def test_the_html_form_escapes_a_script_in_a_name(
    make_plan: MakePlan, make_assessment: MakeAssessment, unit: Any
) -> None:
    hostile = Employee(
        nip=unit.employee.nip,
        name="<script>alert('x')</script>",
        position=Position(PositionKind.PELAKSANA, "Staf <b>"),
        unit="Unit & Co",
        superior_nip=unit.supervisor.nip,
    )
    hostile_plan = make_plan(employee=hostile)
    appraisal = appraise(hostile_plan, [make_assessment("pejabat_penilai", plan=hostile_plan)])
    html = appraisal._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert html.startswith("<p><b>")
    assert "<table>" in html


def test_the_markdown_form_names_the_employee_and_the_predikat(
    plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    markdown = appraise(plan, [make_assessment("pejabat_penilai", B, S)])._repr_markdown_()
    assert markdown.startswith("**Budi Santoso** (198609262015051001)")
    assert "**Butuh Perbaikan**" in markdown
    assert "| # | rule |" in markdown


# --- purity ----------------------------------------------------------------------------------


def test_appraise_does_not_change_the_list_it_is_given(
    plan: PerformancePlan,
    make_plan: MakePlan,
    make_assessment: MakeAssessment,
    make_peers: MakePeers,
) -> None:
    items = [*make_peers([(A, S)] * 2), make_assessment("pejabat_penilai"), make_assessment("self")]
    before = list(items)
    rebuilt = [attrs.evolve(a) for a in items]
    appraise(plan, items, policy=AGENCY)
    assert len(items) == len(before)
    assert all(a is b for a, b in zip(items, before, strict=True))
    assert items == rebuilt
    assert plan == make_plan()


def test_the_same_input_gives_the_same_appraisal(
    plan: PerformancePlan, make_assessment: MakeAssessment, make_peers: MakePeers
) -> None:
    items = [make_assessment("pejabat_penilai", A, S), *make_peers([(S, S)] * 3)]
    assert appraise(plan, items) == appraise(plan, list(reversed(items)))


_SEEDED_SCRIPT = """
import datetime as dt
from asn_performance import (
    Assessment, AssessorRole, Employee, Indicator, Nip, PerformancePlan, Period, Position,
    PositionKind, Rating, Target, WorkResult, appraise,
)

def person(nip, name):
    return Employee(Nip(nip), name, Position(PositionKind.PELAKSANA, "Staf"), "Unit")

employee = person("198609262015051001", "Budi")
supervisor = person("197503142000031002", "Siti")
indicator = Indicator("iki-1", "Jumlah dokumen", Target.value(1))
plan = PerformancePlan(
    "skp", employee, supervisor, Period.annual(2025), [WorkResult("rhk-1", "RHK", [indicator])]
)

def assessment(role, nip):
    return Assessment(
        "skp", AssessorRole.parse(role), Nip(nip), dt.date(2025, 12, 31), plan.period,
        Rating.SESUAI, Rating.SESUAI,
    )

items = [
    assessment("pejabat_penilai", "197503142000031002"),
    assessment("peer", "199001012019032001"),
    assessment("peer", "198807172014122002"),
    assessment("subordinate", "199509092022032001"),
]
print(appraise(plan, items).explain())
"""


def test_the_explanation_is_the_same_in_every_process_whatever_the_hash_seed() -> None:
    # Peers (2) and a subordinate (1) are both withheld; the two G-ANONYMITY steps must come in
    # one fixed order (the canonical order of roles: peers before subordinates), not in the
    # iteration order of a frozenset, which changes with PYTHONHASHSEED.
    runs = []
    for seed in ("0", "1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs.append(
            subprocess.Popen(
                [sys.executable, "-c", _SEEDED_SCRIPT],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    outputs = []
    for run in runs:
        out, err = run.communicate(timeout=60)
        assert run.returncode == 0, err
        outputs.append(out)
    for out in outputs:
        assert out.index("Rekan kerja setingkat") < out.index("Bawahan langsung")
    assert len(set(outputs)) == 1


# --- appraise() and the other regimes: the period guard and the quantitative suggestion ---

SAMPLE = sample_unit()


def _plan_and_assessments(plan_id: str):  # type: ignore[no-untyped-def]
    plan = next(p for p in SAMPLE.plans if p.id == plan_id)
    return plan, [a for a in SAMPLE.assessments if a.plan_id == plan_id]


@pytest.mark.parametrize(
    ("year", "regime"),
    [(2019, "pp_46_2011"), (2014, "pp_46_2011")],
)
def test_a_year_before_2022_is_refused_and_names_the_regime_to_use(year: int, regime: str) -> None:
    plan, _ = _plan_and_assessments("skp-2025-guru")
    old = attrs.evolve(plan, period=Period.annual(year))
    with pytest.raises(AppraisalError) as caught:
        appraise(old, [])
    assert caught.value.rule == "REGIME-PERIOD"
    assert caught.value.path == "period"
    assert regime in str(caught.value)


def test_the_2021_split_year_is_refused_with_the_integration_hint() -> None:
    plan, _ = _plan_and_assessments("skp-2025-guru")
    old = attrs.evolve(plan, period=Period.annual(2021))
    with pytest.raises(AppraisalError) as caught:
        appraise(old, [])
    assert caught.value.rule == "REGIME-PERIOD"


def test_the_teachers_suggestion_differs_from_the_decision_and_the_decision_stands() -> None:
    plan, assessments = _plan_and_assessments("skp-2025-guru")
    assert plan.approach is Approach.KUANTITATIF
    result = appraise(plan, assessments, suggestion=SuggestionThresholds())
    # Worked by hand: 98.5/95 = 103.684 %; 83.2/80 = 104 %; 3/2 = 150 %, capped at 120 %.
    # Mean (103.684 + 104 + 120) / 3 = 109.228 % < 110 % -> suggested Sesuai Ekspektasi.
    thresholds = next(s for s in result.explanation if s.rule == "6/2022-QUANT-THRESHOLDS")
    assert thresholds.output == Rating.SESUAI.label_id
    assert ("mean capaian", "109.23 %") in thresholds.inputs
    comparison = next(s for s in result.explanation if s.rule == "6/2022-QUANT-SUGGESTION")
    assert comparison.output == "differs"
    # The pejabat penilai's Di Atas stands.
    assert result.rating_hasil_kerja is Rating.DI_ATAS


def test_without_suggestion_thresholds_no_suggestion_is_recorded() -> None:
    plan, assessments = _plan_and_assessments("skp-2025-guru")
    result = appraise(plan, assessments)
    assert not [s for s in result.explanation if s.rule.startswith("6/2022-QUANT")]


def test_a_plan_with_no_realisations_records_that_no_suggestion_was_possible() -> None:
    plan, assessments = _plan_and_assessments("skp-2025-guru")
    bare = [attrs.evolve(a, realisations=()) for a in assessments]
    result = appraise(plan, bare, suggestion=SuggestionThresholds())
    step = next(s for s in result.explanation if s.rule == "6/2022-QUANT-SUGGESTION")
    assert step.output == "no suggestion"
    assert result.rating_hasil_kerja is Rating.DI_ATAS
