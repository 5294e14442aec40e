"""Tests for :mod:`asn_performance.weighting` (decision D2: no national weights exist).

Numbers worked by hand on the scale Di Bawah 1 / Sesuai 2 / Di Atas 3 with thresholds 1.5 and
2.5, weights self 20 / pejabat penilai 60 / peer 20 (an agency's configuration, not law):

* self Sesuai 2 × 0.2 + pejabat penilai Di Atas 3 × 0.6 + peers mean(2, 2, 3) = 2.333… × 0.2
  = 0.4 + 1.8 + 0.4667 = 2.6667 ≥ 2.5 → Di Atas;
* no peers: weights renormalised over 80: self 20/80 = 0.25, pejabat penilai 60/80 = 0.75;
  self Di Atas 3 and pejabat penilai Di Atas 3 → 3 → Di Atas (counting the missing peers as
  zero would give 0.6 + 1.8 + 0 = 2.4 → Sesuai, which is wrong).
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

import pytest

from asn_performance import (
    Assessment,
    AssessorRole,
    Guards,
    PerDimension,
    Predikat,
    Rating,
    Step,
    SupervisorDecides,
    WeightedSources,
    WeightingPolicy,
    appraise,
)
from asn_performance.exceptions import DecimalInputError, LabelError, PolicyError
from asn_performance.services.sample import sample_unit
from asn_performance.weighting import SourceRatings

A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
SELF, PP, PEER, SUB, USER = (
    AssessorRole.SELF,
    AssessorRole.PEJABAT_PENILAI,
    AssessorRole.PEER,
    AssessorRole.SUBORDINATE,
    AssessorRole.SERVICE_USER,
)
AGENCY = {"self": 20, "pejabat_penilai": 60, "peer": 20}


def _weighted(**kwargs: Any) -> WeightedSources:
    weights = kwargs.pop("weights", AGENCY)
    return WeightedSources(weights, **kwargs)


def _policy_error(path: str, rule: str, **kwargs: Any) -> PolicyError:
    with pytest.raises(PolicyError) as info:
        _weighted(**kwargs)
    error = info.value
    assert error.path == path
    assert error.rule == rule
    assert error.fix
    return error


def _steps(policy: WeightingPolicy, sources: SourceRatings) -> dict[str, Any]:
    rating, steps = policy.combine("hasil_kerja", sources)
    return {"rating": rating, **{step.rule: step for step in steps}}


# --- SupervisorDecides -----------------------------------------------------------------------


def test_the_pejabat_penilai_decides_by_default() -> None:
    rating, steps = SupervisorDecides().combine("hasil_kerja", {PP: (S,)})
    assert rating is S
    assert [s.rule for s in steps] == ["D2-SUPERVISOR-DECIDES"]
    assert steps[0].inputs == (("pejabat penilai kinerja", "Sesuai Ekspektasi"),)
    assert steps[0].dimension == "hasil_kerja"


def test_other_sources_are_listed_as_advisory_and_not_counted() -> None:
    result = _steps(SupervisorDecides(), {SELF: (A,), PP: (B,), PEER: (A, A, S)})
    assert result["rating"] is B
    advisory = result["D2-ADVISORY"]
    assert advisory.inputs == (
        ("Penilaian diri", "Di Atas Ekspektasi"),
        ("Rekan kerja setingkat", "1× Sesuai Ekspektasi, 2× Di Atas Ekspektasi"),
    )
    assert advisory.output == "recorded for feedback, not counted"


def test_advisory_tallies_list_ratings_from_low_to_high_whatever_the_input_order() -> None:
    result = _steps(SupervisorDecides(), {PP: (S,), PEER: (A, B, A, S)})
    assert result["D2-ADVISORY"].inputs == (
        (
            "Rekan kerja setingkat",
            "1× Di Bawah Ekspektasi, 1× Sesuai Ekspektasi, 2× Di Atas Ekspektasi",
        ),
    )


def test_supervisor_decides_is_a_weighting_policy_with_a_stable_name() -> None:
    assert isinstance(SupervisorDecides(), WeightingPolicy)
    assert SupervisorDecides.name == "supervisor_decides"


# --- WeightedSources: arithmetic -------------------------------------------------------------


def test_the_worked_example_with_three_peers_is_di_atas() -> None:
    result = _steps(_weighted(), {SELF: (S,), PP: (A,), PEER: (S, S, A)})
    assert result["rating"] is A
    step = result["W-WEIGHTED"]
    assert step.inputs == (
        ("Penilaian diri", "2.00 × 20.00 %"),
        ("Pejabat Penilai Kinerja", "3.00 × 60.00 %"),
        ("Rekan kerja setingkat (mean of 3)", "2.33 × 20.00 %"),
    )
    assert step.note.startswith("score 2.67;")
    assert "W-MISSING-SOURCE" not in result


def test_a_missing_peer_source_is_renormalised_not_counted_as_zero() -> None:
    result = _steps(_weighted(), {SELF: (A,), PP: (A,)})
    assert result["rating"] is A  # 3·0.25 + 3·0.75 = 3, not 3·0.2 + 3·0.6 + 0 = 2.4
    missing = result["W-MISSING-SOURCE"]
    assert missing.inputs == (("Rekan kerja setingkat", "20"),)
    assert missing.output == "weights renormalised over 80"
    weighted = result["W-WEIGHTED"]
    assert weighted.inputs == (
        ("Penilaian diri", "3.00 × 25.00 %"),
        ("Pejabat Penilai Kinerja", "3.00 × 75.00 %"),
    )
    assert weighted.note.startswith("score 3.00;")


def test_a_missing_self_assessment_is_not_counted_as_zero() -> None:
    # pejabat penilai Sesuai 2 × 60/80 + peers Di Bawah 1 × 20/80 = 1.5 + 0.25 = 1.75 → Sesuai
    result = _steps(_weighted(), {PP: (S,), PEER: (B, B, B)})
    assert result["rating"] is S
    assert result["W-MISSING-SOURCE"].inputs == (("Penilaian diri", "20"),)
    assert result["W-WEIGHTED"].note.startswith("score 1.75;")


def test_only_the_pejabat_penilai_present_gives_the_pejabat_penilai_rating() -> None:
    result = _steps(_weighted(), {PP: (B,)})
    assert result["rating"] is B
    assert result["W-MISSING-SOURCE"].inputs == (
        ("Penilaian diri", "20"),
        ("Rekan kerja setingkat", "20"),
    )
    assert result["W-MISSING-SOURCE"].output == "weights renormalised over 60"


def test_a_score_equal_to_the_sesuai_threshold_is_sesuai() -> None:
    # self Di Atas 3 × 25 % + pejabat penilai Di Bawah 1 × 75 % = 0.75 + 0.75 = 1.5
    policy = _weighted(weights={"self": 25, "pejabat_penilai": 75})
    assert policy.combine("hasil_kerja", {SELF: (A,), PP: (B,)})[0] is S


def test_a_score_equal_to_the_di_atas_threshold_is_di_atas() -> None:
    # self Di Bawah 1 × 25 % + pejabat penilai Di Atas 3 × 75 % = 0.25 + 2.25 = 2.5
    policy = _weighted(weights={"self": 25, "pejabat_penilai": 75})
    assert policy.combine("hasil_kerja", {SELF: (B,), PP: (A,)})[0] is A


def test_a_score_just_below_the_sesuai_threshold_is_di_bawah() -> None:
    # self Di Atas 3 × 20 % + pejabat penilai Di Bawah 1 × 80 % = 0.6 + 0.8 = 1.4
    policy = _weighted(weights={"self": 20, "pejabat_penilai": 80})
    assert policy.combine("hasil_kerja", {SELF: (A,), PP: (B,)})[0] is B


def test_a_role_without_weight_is_advisory_and_not_missing() -> None:
    policy = _weighted(weights={"pejabat_penilai": 1, "self": 0})
    result = _steps(policy, {SELF: (A,), PP: (S,), SUB: (B, B, B)})
    assert result["rating"] is S
    assert "W-MISSING-SOURCE" not in result
    assert result["D2-ADVISORY"].inputs == (
        ("Penilaian diri", "Di Atas Ekspektasi"),
        ("Bawahan langsung", "3× Di Bawah Ekspektasi"),
    )


def test_a_custom_scale_and_thresholds_are_used() -> None:
    # scale 0 / 50 / 100, Sesuai from 25, Di Atas from 75:
    # pejabat penilai Sesuai 50 × 60 % + self Di Atas 100 × 40 % = 30 + 40 = 70 → Sesuai
    policy = WeightedSources(
        {"pejabat_penilai": 60, "self": 40},
        scale={"di_bawah_ekspektasi": 0, "sesuai_ekspektasi": 50, "di_atas_ekspektasi": 100},
        sesuai_from=25,
        di_atas_from=75,
    )
    result = _steps(policy, {SELF: (A,), PP: (S,)})
    assert result["rating"] is S
    assert result["W-WEIGHTED"].note == "score 70.00; Sesuai from 25, Di Atas from 75"


def test_weights_may_be_decimal_fractions() -> None:
    policy = WeightedSources({"self": "0.2", "pejabat_penilai": "0.6", "peer": Decimal("0.2")})
    assert policy.combine("hasil_kerja", {SELF: (S,), PP: (A,), PEER: (S, S, A)})[0] is A


def test_all_sources_agreeing_give_their_rating_even_when_the_weights_do_not_divide_evenly() -> (
    None
):
    # Thresholds at the scale values are allowed (sesuai_from <= scale[Sesuai], di_atas_from <=
    # scale[Di Atas]). Every source says Sesuai (2), so the weighted mean is exactly 2 ≥ 2 →
    # Sesuai; every source says Di Atas (3) → 3 ≥ 3 → Di Atas. Weights 1 / 4 / 1 give shares of
    # 1/6, 4/6, 1/6, which a 28-digit decimal cannot hold exactly.
    policy = WeightedSources(
        {"self": 1, "pejabat_penilai": 4, "peer": 1}, sesuai_from=2, di_atas_from=3
    )
    for rating in (S, A):
        result = _steps(policy, {SELF: (rating,), PP: (rating,), PEER: (rating,) * 3})
        assert result["rating"] is rating, result["W-WEIGHTED"]


def test_the_weighted_result_does_not_depend_on_the_global_decimal_context() -> None:
    # Weights 1 / 1 / 1, every source Sesuai: the score is exactly 2 → Sesuai, whatever
    # precision the caller's decimal context has (decision D5: no function reads it).
    policy = WeightedSources(
        {"self": 1, "pejabat_penilai": 1, "peer": 1}, sesuai_from=2, di_atas_from=3
    )
    sources = {SELF: (S,), PP: (S,), PEER: (S, S, S)}
    with decimal.localcontext(prec=60):
        assert policy.combine("hasil_kerja", sources)[0] is S


def test_weighted_sources_is_a_weighting_policy_with_a_stable_name() -> None:
    assert isinstance(_weighted(), WeightingPolicy)
    assert WeightedSources.name == "weighted_sources"


def test_equal_configurations_are_equal() -> None:
    assert _weighted() == WeightedSources({"peer": "20", "self": 20, "pejabat_penilai": 60})


# --- WeightedSources: configuration errors ---------------------------------------------------


def test_thresholds_out_of_order_are_refused() -> None:
    error = _policy_error("thresholds", "W-THRESHOLDS", sesuai_from="2.5", di_atas_from="1.5")
    assert "2.5" in str(error)


def test_a_sesuai_threshold_at_the_di_bawah_value_is_refused() -> None:
    _policy_error("thresholds", "W-THRESHOLDS", sesuai_from=1)


def test_a_di_atas_threshold_above_the_di_atas_value_is_refused() -> None:
    _policy_error("thresholds", "W-THRESHOLDS", di_atas_from="3.01")


def test_a_scale_that_does_not_increase_is_refused() -> None:
    _policy_error(
        "thresholds",
        "W-THRESHOLDS",
        scale={"di_bawah_ekspektasi": 3, "sesuai_ekspektasi": 2, "di_atas_ekspektasi": 1},
    )


def test_a_pejabat_penilai_weight_of_zero_is_refused() -> None:
    error = _policy_error("weights", "W-WEIGHTS", weights={"self": 50, "pejabat_penilai": 0})
    assert "pejabat_penilai" in str(error)


def test_weights_without_the_pejabat_penilai_are_refused() -> None:
    _policy_error("weights", "W-WEIGHTS", weights={"self": 50, "peer": 50})


def test_weights_that_are_not_a_mapping_are_refused() -> None:
    _policy_error("weights", "W-WEIGHTS", weights=[("pejabat_penilai", 60)])


def test_a_scale_missing_a_rating_is_refused() -> None:
    error = _policy_error(
        "scale", "W-SCALE", scale={"di_bawah_ekspektasi": 1, "sesuai_ekspektasi": 2}
    )
    assert "di_bawah_ekspektasi" in str(error)


def test_a_scale_that_is_not_a_mapping_is_refused() -> None:
    _policy_error("scale", "W-SCALE", scale=[1, 2, 3])


def test_a_negative_weight_is_refused_at_its_role() -> None:
    with pytest.raises(DecimalInputError) as info:
        WeightedSources({"pejabat_penilai": 60, "peer": -20})
    assert info.value.rule == "D5-NONNEGATIVE"
    assert info.value.path == "weights['peer']"


def test_a_float_weight_is_refused_at_its_role() -> None:
    with pytest.raises(DecimalInputError) as info:
        WeightedSources({"pejabat_penilai": 0.6})
    assert info.value.rule == "D5-EXACT"
    assert info.value.path == "weights['pejabat_penilai']"


def test_an_unknown_role_in_the_weights_is_refused() -> None:
    with pytest.raises(LabelError) as info:
        WeightedSources({"pejabat_penilai": 60, "boss": 40})
    assert info.value.rule == "D12-LABELS"
    assert info.value.path == "weights['boss']"
    assert "'boss'" in str(info.value)


# --- PerDimension ----------------------------------------------------------------------------


def test_per_dimension_delegates_each_dimension_to_its_policy() -> None:
    policy = PerDimension(hasil_kerja=SupervisorDecides(), perilaku_kerja=_weighted())
    sources = {SELF: (A,), PP: (B,), PEER: (A, A, A)}
    hasil, hasil_steps = policy.combine("hasil_kerja", sources)
    perilaku, perilaku_steps = policy.combine("perilaku_kerja", sources)
    assert hasil is B  # the pejabat penilai decides
    assert [s.rule for s in hasil_steps] == ["D2-SUPERVISOR-DECIDES", "D2-ADVISORY"]
    assert perilaku is S  # 3 × 0.2 + 1 × 0.6 + 3 × 0.2 = 1.8 → Sesuai
    assert [s.rule for s in perilaku_steps] == ["W-WEIGHTED"]
    assert all(s.dimension == "perilaku_kerja" for s in perilaku_steps)


def test_per_dimension_refuses_something_that_is_not_a_policy() -> None:
    with pytest.raises(PolicyError) as info:
        PerDimension(hasil_kerja="supervisor_decides", perilaku_kerja=SupervisorDecides())  # type: ignore[arg-type]
    assert info.value.rule == "W-POLICY"
    assert info.value.path == "hasil_kerja"


# --- Guards ----------------------------------------------------------------------------------


def test_guards_default_to_three_responses_from_peers_and_subordinates() -> None:
    guards = Guards()
    assert guards.min_anonymous_responses == 3
    assert guards.anonymous_roles == frozenset({PEER, SUB})


def test_guards_accept_role_names() -> None:
    assert Guards(5, ["peer", "service user"]).anonymous_roles == frozenset({PEER, USER})


@pytest.mark.parametrize("minimum", [0, 1001, True, "3"])
def test_a_minimum_outside_1_to_1000_is_refused(minimum: object) -> None:
    with pytest.raises(PolicyError) as info:
        Guards(min_anonymous_responses=minimum)  # type: ignore[arg-type]
    assert info.value.rule == "G-ANONYMITY"
    assert info.value.path == "min_anonymous_responses"


@pytest.mark.parametrize("role", ["self", "pejabat_penilai"])
def test_the_self_and_pejabat_penilai_are_never_anonymous(role: str) -> None:
    with pytest.raises(PolicyError) as info:
        Guards(anonymous_roles=["peer", role])
    assert info.value.rule == "G-ANONYMITY"
    assert info.value.path == "anonymous_roles"


def test_anonymous_roles_given_as_one_string_are_refused() -> None:
    with pytest.raises(PolicyError) as info:
        Guards(anonymous_roles="peer")  # type: ignore[arg-type]
    assert info.value.rule == "G-ANONYMITY"
    assert info.value.path == "anonymous_roles"


# --- bad input: a library error, never a crash nor a silent pass ---


_REVIEW_SAMPLE = sample_unit()
_REVIEW_PLAN = next(p for p in _REVIEW_SAMPLE.plans if p.id == "skp-2025-guru")
_REVIEW_GIVEN = [a for a in _REVIEW_SAMPLE.assessments if a.plan_id == _REVIEW_PLAN.id]
_REVIEW_LEAD = next(a for a in _REVIEW_GIVEN if a.role is AssessorRole.PEJABAT_PENILAI)


def test_a_weight_with_1200_digits_is_refused_as_a_policy_input_not_a_decimal_trap() -> None:
    with pytest.raises(DecimalInputError) as caught:
        WeightedSources({"pejabat_penilai": Decimal("1." + "1" * 1200), "self": 1})
    assert caught.value.rule == "D5-RANGE"
    assert caught.value.path == "weights['pejabat_penilai']"


def test_an_enum_key_in_weights_gives_a_json_like_path() -> None:
    with pytest.raises(DecimalInputError) as caught:
        WeightedSources({AssessorRole.SELF: -1, "pejabat_penilai": 1})
    assert caught.value.path == "weights['self']"


def test_the_default_policy_still_decides_after_the_fixes() -> None:
    result = appraise(_REVIEW_PLAN, _REVIEW_GIVEN, policy=SupervisorDecides())
    assert result.predikat is Predikat.SANGAT_BAIK
    assert isinstance(result.explanation.steps[-1], Step)
    assert isinstance(Assessment, type)
