"""Tests for :mod:`asn_performance.regimes.permenpanrb_6_2022.quantitative`:
the suggested rating of a kuantitatif SKP.

The plan is the test unit's default SKP (``tests/conftest.py``): RHK utama ``rhk-1`` with
``iki-1`` (target 4 dokumen) and ``iki-2`` (target 80-90 %), RHK tambahan ``rhk-2`` with
``iki-3`` (target 2 kali). The thresholds are the library's documented defaults (an agency's
choice, not a national rule): mean capaian ≥ 110 % Di Atas, ≥ 100 % Sesuai, each capaian
capped at 120 %. Expected values are worked by hand.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from asn_performance._kit.exact import quantize
from asn_performance.domain.assessment import Realisation
from asn_performance.domain.plan import (
    Approach,
    Direction,
    Indicator,
    PerformancePlan,
    Target,
    WorkResult,
)
from asn_performance.domain.rating import Rating
from asn_performance.exceptions import (
    AppraisalError,
    AssessmentError,
    DuplicateError,
    InputError,
    PolicyError,
)
from asn_performance.regimes.permenpanrb_6_2022.quantitative import (
    DEFAULT_THRESHOLDS,
    RULES,
    SuggestionThresholds,
    compare_with_decision,
    suggest_rating,
)

GOLDEN_8_2021 = Path(__file__).parents[3] / "golden" / "permenpanrb_8_2021"
RULE_IDS = {rule.id for rule in RULES}
D = Decimal


@pytest.fixture(scope="module")
def plan(make_plan: Callable[..., PerformancePlan]) -> PerformancePlan:
    return make_plan(approach=Approach.KUANTITATIF)


def real(**values: str | None) -> list[Realisation]:
    return [Realisation(key.replace("_", "-"), value) for key, value in values.items()]


def counted_mean(steps: tuple[Any, ...]) -> str:
    last = steps[-1]
    assert last.rule == "6/2022-QUANT-THRESHOLDS"
    return dict(last.inputs)["mean capaian"]


def test_targets_met_suggest_sesuai(plan: PerformancePlan) -> None:
    # iki-1 4/4 = 100 %; iki-2 92 above 80-90 → 92/90 = 102.22 %; mean 101.11 % → Sesuai
    rating, steps = suggest_rating(plan, real(iki_1="4", iki_2="92"))
    assert rating is Rating.SESUAI
    assert counted_mean(steps) == "101.11 %"


def test_exceeding_targets_suggests_di_atas(plan: PerformancePlan) -> None:
    # iki-1 5/4 = 125 % → capped 120; iki-2 102.22 %; mean (120 + 102.22)/2 = 111.11 % → Di Atas
    rating, steps = suggest_rating(plan, real(iki_1="5", iki_2="92"))
    assert rating is Rating.DI_ATAS
    assert counted_mean(steps) == "111.11 %"


def test_missing_targets_suggest_di_bawah(plan: PerformancePlan) -> None:
    # iki-1 3/4 = 75 %; iki-2 85 inside 80-90 → 100 %; mean 87.5 % → Di Bawah
    rating, steps = suggest_rating(plan, real(iki_1="3", iki_2="85"))
    assert rating is Rating.DI_BAWAH
    assert counted_mean(steps) == "87.50 %"
    assert "within the ranged target" in steps[1].note


def test_the_cap_stops_one_runaway_indicator_from_hiding_a_miss(plan: PerformancePlan) -> None:
    # iki-1 6/4 = 150 %, iki-2 70 below the range → 70/80 = 87.5 %
    # capped: (120 + 87.5)/2 = 103.75 % → Sesuai; uncapped: (150 + 87.5)/2 = 118.75 % → Di Atas
    capped, steps = suggest_rating(plan, real(iki_1="6", iki_2="70"))
    assert capped is Rating.SESUAI
    assert "capped at 120 %" in steps[0].note
    assert steps[0].output == "150.00 %"
    uncapped, _ = suggest_rating(
        plan, real(iki_1="6", iki_2="70"), SuggestionThresholds(capaian_cap=None)
    )
    assert uncapped is Rating.DI_ATAS


def test_tambahan_is_shown_but_counted_only_when_the_agency_says_so(
    plan: PerformancePlan,
) -> None:
    # utama: 100 % and 100 %; tambahan iki-3 1/2 = 50 %
    # default: mean 100 % → Sesuai; with tambahan: (100 + 100 + 50)/3 = 83.33 % → Di Bawah
    given = real(iki_1="4", iki_2="85", iki_3="1")
    rating, steps = suggest_rating(plan, given)
    assert rating is Rating.SESUAI
    assert "not counted" in steps[2].note
    assert steps[2].output == "50.00 %"
    rating, steps = suggest_rating(plan, given, SuggestionThresholds(include_tambahan=True))
    assert rating is Rating.DI_BAWAH
    assert counted_mean(steps) == "83.33 %"


def test_an_indicator_without_a_measured_realisation_is_not_counted_as_zero(
    plan: PerformancePlan,
) -> None:
    # only iki-1 4/4 = 100 % counts → Sesuai (a zero would have given 50 % → Di Bawah)
    rating, steps = suggest_rating(plan, real(iki_1="4", iki_2=None))
    assert rating is Rating.SESUAI
    assert steps[1].output == "not counted"
    assert dict(steps[-1].inputs)["indicators counted"] == "1"


def test_nothing_to_count_is_an_error(plan: PerformancePlan) -> None:
    with pytest.raises(AppraisalError) as info:
        suggest_rating(plan, real(iki_3="2"))
    assert info.value.rule == "6/2022-QUANT-SUGGESTION"


def test_lower_is_better_indicators_use_the_special_formula(
    make_plan: Callable[..., PerformancePlan],
) -> None:
    work = WorkResult(
        id="rhk-1",
        text="Terlayaninya permohonan izin",
        indicators=(
            Indicator(
                "iki-1",
                "Rata-rata waktu penyelesaian",
                Target.value(5, "hari"),
                direction=Direction.LOWER_IS_BETTER,
            ),
        ),
    )
    plan = make_plan(approach=Approach.KUANTITATIF, work_results=(work,))
    # (1 + (1 − 4/5)) × 100 = 120 % → Di Atas; (1 + (1 − 6/5)) × 100 = 80 % → Di Bawah
    assert suggest_rating(plan, real(iki_1="4"))[0] is Rating.DI_ATAS
    rating, steps = suggest_rating(plan, real(iki_1="6"))
    assert rating is Rating.DI_BAWAH
    assert steps[0].output == "80.00 %"


def test_a_qualitative_plan_gets_no_suggestion(
    make_plan: Callable[..., PerformancePlan],
) -> None:
    with pytest.raises(AppraisalError) as info:
        suggest_rating(make_plan(), real(iki_1="4"))
    assert info.value.path == "approach"


def test_realisations_must_fit_the_plan(plan: PerformancePlan) -> None:
    with pytest.raises(AssessmentError):
        suggest_rating(plan, real(iki_9="4"))
    with pytest.raises(DuplicateError):
        suggest_rating(plan, [Realisation("iki-1", "4"), Realisation("iki-1", "5")])
    with pytest.raises(InputError):
        suggest_rating(plan, ["iki-1"])  # type: ignore[list-item]
    with pytest.raises(InputError):
        suggest_rating("plan", [])  # type: ignore[arg-type]
    with pytest.raises(InputError):
        suggest_rating(plan, [], thresholds={"above_from": 110})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("mean", "rating"),
    [
        ("120", Rating.DI_ATAS),
        ("110", Rating.DI_ATAS),
        ("109.99", Rating.SESUAI),
        ("100", Rating.SESUAI),
        ("99.99", Rating.DI_BAWAH),
        ("0", Rating.DI_BAWAH),
    ],
)
def test_the_default_thresholds_at_every_boundary(mean: str, rating: Rating) -> None:
    assert DEFAULT_THRESHOLDS.rating_for(D(mean)) is rating


def test_an_agency_may_choose_its_thresholds(plan: PerformancePlan) -> None:
    # mean 87.5 % (75 % and 100 %): Di Bawah by default; Sesuai from 85 %
    thresholds = SuggestionThresholds(above_from=105, meets_from=85)
    assert suggest_rating(plan, real(iki_1="3", iki_2="85"), thresholds)[0] is Rating.SESUAI


@pytest.mark.parametrize(
    "bad",
    [
        {"above_from": 100, "meets_from": 100},
        {"above_from": 90},
        {"meets_from": 0},
        {"capaian_cap": 105},
        {"capaian_cap": -1},
    ],
)
def test_inconsistent_thresholds_are_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(PolicyError):
        SuggestionThresholds(**bad)


def test_the_decision_stands_and_agreement_is_recorded() -> None:
    agree = compare_with_decision(Rating.SESUAI, Rating.SESUAI)
    assert agree.rule == "6/2022-QUANT-SUGGESTION"
    assert agree.output == "agrees"
    differ = compare_with_decision(Rating.SESUAI, Rating.DI_ATAS)
    assert differ.output == "differs"
    assert "above the suggestion" in differ.note
    assert "the decision stands" in differ.note
    below = compare_with_decision(Rating.DI_ATAS, Rating.DI_BAWAH)
    assert "below the suggestion" in below.note
    with pytest.raises(InputError):
        compare_with_decision("sesuai", Rating.SESUAI)  # type: ignore[arg-type]


def test_every_step_names_a_rule_of_this_module(plan: PerformancePlan) -> None:
    _, steps = suggest_rating(plan, real(iki_1="4", iki_2=None))
    used = {step.rule for step in steps}
    used.add(compare_with_decision(Rating.SESUAI, Rating.SESUAI).rule)
    assert used == RULE_IDS
    assert all(not rule.normative for rule in RULES)
    assert "NOT a national rule" in next(
        r.citation for r in RULES if r.id == "6/2022-QUANT-THRESHOLDS"
    )


# --- the 8/2021 worked examples through a 6/2022 plan -------------------------------------------

GOLDEN_FILES = sorted(
    path
    for path in GOLDEN_8_2021.glob("*.json")
    if (case := json.loads(path.read_text(encoding="utf-8")))["kind"] == "iki"
    and not case["input"].get("max_attainable", False)
)


def test_the_capaian_examples_are_found() -> None:
    assert len(GOLDEN_FILES) >= 8


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def test_golden_capaian_is_the_same_in_a_kuantitatif_plan(
    path: Path, make_plan: Callable[..., PerformancePlan]
) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    given, expected = case["input"], case["expected"]
    target = given["target"]
    goal = (
        Target.range(target["lower"], target["upper"])
        if isinstance(target, dict)
        else Target.value(target)
    )
    work = WorkResult(
        id="rhk-1",
        text="RHK",
        indicators=(Indicator("iki-1", "IKI", goal, direction=Direction(given["direction"])),),
    )
    plan = make_plan(approach=Approach.KUANTITATIF, work_results=(work,))
    _, steps = suggest_rating(
        plan, [Realisation("iki-1", given["realisation"])], SuggestionThresholds(capaian_cap=None)
    )
    shown = expected.get("capaian_shown") or str(quantize(D(expected["capaian"])))
    assert steps[0].output == f"{shown} %"
