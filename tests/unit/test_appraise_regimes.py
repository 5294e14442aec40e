"""appraise() and the other regimes: the period guard and the quantitative suggestion."""

from __future__ import annotations

import attrs
import pytest

from asn_performance import Approach, Period, Rating, appraise
from asn_performance.exceptions import AppraisalError
from asn_performance.regimes.permenpanrb_6_2022.quantitative import SuggestionThresholds
from asn_performance.services.sample import sample_unit

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
