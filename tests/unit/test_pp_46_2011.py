"""Tests for :mod:`asn_performance.regimes.pp_46_2011` (PP 46/2011 + Perka BKN 1/2013).

Every expected value was worked out by hand from the formulas of the regulations digest §4
(the arithmetic is in a comment next to it, or in the golden file's "working"); none was
produced by running the code.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from asn_performance._kit.exact import quantize
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import (
    AppraisalError,
    AsnPerformanceError,
    DecimalInputError,
    InputError,
    LabelError,
    PolicyError,
)
from asn_performance.regimes.pp_46_2011 import (
    RULES,
    TO_2022,
    Activity,
    BehaviourScores,
    CreativityLevel,
    Pp46Config,
    Pp46Predikat,
    assess_activity,
    assess_behaviour,
    assess_skp,
    average_skp_values,
    creativity_points,
    efficiency,
    predikat_for,
    time_cost_value,
    to_2022,
    tugas_tambahan_points,
    within_efficiency_limit,
    work_achievement,
)

GOLDEN = Path(__file__).parent.parent / "golden" / "pp46"
RULE_IDS = {rule.id for rule in RULES}

D = Decimal


def rakor() -> Activity:
    """The activity of digest §4.6: 100, 90, 76, 76 → 85.50."""
    return Activity(
        name="Menyelenggarakan rakor",
        quantity_target=1,
        quantity_realisation=1,
        quality_target=100,
        quality_realisation=90,
        time_target=12,
        time_realisation=12,
        cost_target=170_395_000,
        cost_realisation=170_395_000,
    )


def five(value: object = "80") -> BehaviourScores:
    return BehaviourScores(value, value, value, value, value)


# --- golden files ---------------------------------------------------------------------------


def _activity(data: dict[str, Any]) -> Activity:
    return Activity(**data)


def _skp(data: dict[str, Any]) -> Any:
    return assess_skp(
        [_activity(a) for a in data["activities"]],
        tugas_tambahan=data["tugas_tambahan"],
        kreativitas=data["kreativitas"],
    )


def _check_golden(case: dict[str, Any]) -> None:
    kind, given, expected = case["kind"], case["input"], case["expected"]
    if kind == "activity":
        result = assess_activity(_activity(given))
        for name in ("quantity", "quality", "time_efficiency", "time", "total", "value"):
            assert getattr(result, name) == D(expected[name]), name
        assert result.cost == D(expected["cost"])
        assert result.cost_efficiency == D(expected["cost_efficiency"])
        assert str(result.value_shown) == expected["value_shown"]
        assert predikat_for(result.value) is Pp46Predikat(expected["predikat"])
    elif kind == "time_cost":
        target, real = D(given["target"]), D(given["realisation"])
        assert efficiency(target, real) == D(expected["efficiency"])
        assert time_cost_value(target, real) == D(expected["value"])
        assert within_efficiency_limit(target, real) is expected["within_limit"]
    elif kind == "work_achievement":
        skps = [_skp(s) for s in given["skps"]]
        behaviour = assess_behaviour(BehaviourScores(**given["behaviour"]))
        result = work_achievement(skps, behaviour)
        for key, want in expected.items():
            if key.startswith("predikat"):
                continue
            if key.endswith("_shown"):
                # a non-terminating value (thirds) is compared as shown
                assert str(quantize(getattr(result, key.removesuffix("_shown")))) == want, key
            else:
                assert getattr(result, key) == D(want), key
        assert result.predikat is Pp46Predikat(expected["predikat"])
        assert result.predikat_2022 is Predikat(expected["predikat_2022"])
    elif kind == "behaviour":
        result = assess_behaviour(BehaviourScores(**given))
        assert result.aspects == expected["aspects"]
        assert result.value == D(expected["value"])
        assert result.predikat is Pp46Predikat(expected["predikat"])
    elif kind == "conversion":
        for old, new in expected.items():
            assert to_2022(Pp46Predikat(old)) is Predikat(new)
    else:  # pragma: no cover - a new kind needs a branch here
        pytest.fail(f"unknown golden kind {kind!r}")


GOLDEN_FILES = sorted(GOLDEN.glob("*.json"))


def test_the_golden_folder_holds_every_worked_example() -> None:
    assert len(GOLDEN_FILES) >= 10


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def test_golden_file_matches_the_worked_example(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    assert case["source"].strip(), "every golden file names its source"
    assert case["working"].strip(), "every golden file shows its arithmetic"
    _check_golden(case)


# --- the aspects ----------------------------------------------------------------------------


def test_the_rakor_example_scores_100_90_76_76_and_85_50() -> None:
    result = assess_activity(rakor())
    # 1/1×100; 90/100×100; (1.76×12 − 12)/12×100 = 76; same for biaya; 342 / 4 = 85.5
    assert (result.quantity, result.quality, result.time, result.cost) == (100, 90, 76, 76)
    assert result.total == 342
    assert result.value == D("85.5")
    assert result.value_shown == D("85.50")


def test_exactly_24_percent_efficiency_is_inside_the_limit_and_scores_100() -> None:
    # 9.12 / 12 = 0.76 exactly: E = 24 % → (21.12 − 9.12)/12 × 100 = 100
    assert efficiency(D(12), D("9.12")) == 24
    assert within_efficiency_limit(D(12), D("9.12"))
    assert time_cost_value(D(12), D("9.12")) == 100


def test_binary_floats_put_9_12_of_12_months_outside_the_limit_but_decimal_does_not() -> None:
    # The spreadsheet bug of digest §4.6, shown with floats; the library never uses them.
    float_efficiency = 100 - 9.12 / 12 * 100
    assert float_efficiency > 24  # 24.000000000000014
    assert time_cost_value(D(12), D("9.12")) == 100


def test_just_below_24_percent_efficiency_is_still_the_1_76_formula() -> None:
    # RW 9.13: E = 100 − 76.0833… = 23.9166… % → 176 − 76.0833… = 99.9166… → 99.92
    value = time_cost_value(D(12), D("9.13"))
    assert quantize(value) == D("99.92")


def test_just_above_24_percent_efficiency_drops_to_the_cukup_formula() -> None:
    # RW 9.11: E = 100 − 75.9166… = 24.0833… % > 24 → 76 − ((176 − 75.9166…) − 100)
    # = 76 − 0.0833… = 75.9166… → 75.92 (the formula's own discontinuity after 100)
    value = time_cost_value(D(12), D("9.11"))
    assert not within_efficiency_limit(D(12), D("9.11"))
    assert quantize(value) == D("75.92")


def test_a_late_activity_uses_the_1_76_formula_with_a_negative_efficiency() -> None:
    # TW 12, RW 15: E = 100 − 125 = −25 % ≤ 24 → (21.12 − 15)/12 × 100 = 6.12/12 × 100 = 51
    assert efficiency(D(12), D(15)) == -25
    assert time_cost_value(D(12), D(15)) == 51


def test_the_formula_as_written_goes_negative_past_1_76_times_the_target() -> None:
    # TW 12, RW 24: (21.12 − 24)/12 × 100 = −2.88/12 × 100 = −24
    activity = Activity("Terlambat", 1, 1, 100, 100, 12, 24)
    assert assess_activity(activity).time == -24
    floored = assess_activity(activity, config=Pp46Config(floor_at_zero=True))
    assert floored.time == 0


def test_without_biaya_the_activity_value_is_the_mean_of_three_aspects() -> None:
    # 100 + 90 + 96 (TW 5, RW 4) = 286; 286 / 3 = 95.333… → 95.33
    activity = Activity("Laporan", 2, 2, 100, 90, 5, 4)
    result = assess_activity(activity)
    assert result.cost is None
    assert result.cost_efficiency is None
    assert result.total == 286
    assert result.value_shown == D("95.33")
    assert [s.rule for s in result.steps] == [
        "PP46-KUANTITAS",
        "PP46-KUALITAS",
        "PP46-WAKTU",
        "PP46-KEGIATAN",
    ]


def test_an_activity_not_done_scores_0_and_the_step_says_so() -> None:
    activity = Activity("Tidak dikerjakan", 4, 0, 100, 0, 12, 0, 1_000_000, 0)
    result = assess_activity(activity)
    assert not activity.done
    assert result.value == 0
    assert "not done" in result.steps[-1].note
    assert "not done" in result.steps[2].note


def test_kuantitas_above_the_target_is_not_capped() -> None:
    # 5/4 × 100 = 125
    assert assess_activity(Activity("Lebih", 4, 5, 100, 100, 12, 12)).quantity == 125


# --- inputs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("quantity_target", 0),
        ("quality_target", -1),
        ("time_target", "0"),
        ("cost_target", 0),
    ],
)
def test_a_target_that_is_not_positive_is_refused_with_the_field_named(
    field: str, value: object
) -> None:
    fields: dict[str, object] = {
        "name": "x",
        "quantity_target": 1,
        "quantity_realisation": 1,
        "quality_target": 100,
        "quality_realisation": 100,
        "time_target": 12,
        "time_realisation": 12,
        "cost_target": 10,
        "cost_realisation": 10,
    }
    fields[field] = value
    with pytest.raises(InputError) as info:
        Activity(**fields)  # type: ignore[arg-type]
    assert info.value.path == field
    assert info.value.rule == "PP46-INPUT"
    assert info.value.fix


@pytest.mark.parametrize(
    "field", ["quantity_realisation", "quality_realisation", "time_realisation"]
)
def test_a_negative_realisation_is_refused_with_the_field_named(field: str) -> None:
    fields: dict[str, object] = {
        "name": "x",
        "quantity_target": 1,
        "quantity_realisation": 1,
        "quality_target": 100,
        "quality_realisation": 100,
        "time_target": 12,
        "time_realisation": 12,
    }
    fields[field] = -1
    with pytest.raises(InputError) as info:
        Activity(**fields)  # type: ignore[arg-type]
    assert info.value.path == field


def test_a_float_realisation_is_refused() -> None:
    with pytest.raises(DecimalInputError) as info:
        Activity("x", 1, 1, 100, 100, 12, 9.12)  # type: ignore[arg-type]
    assert info.value.path == "time_realisation"


def test_biaya_needs_both_its_target_and_its_realisation() -> None:
    with pytest.raises(InputError) as info:
        Activity("x", 1, 1, 100, 100, 12, 12, cost_target=10)
    assert info.value.path == "cost_realisation"
    with pytest.raises(InputError) as info:
        Activity("x", 1, 1, 100, 100, 12, 12, cost_realisation=10)
    assert info.value.path == "cost_target"


# --- the SKP ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "points"),
    [(0, 0), (1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (20, 3)],
)
def test_tugas_tambahan_points_follow_decision_d7_and_0_tasks_give_0(
    count: int, points: int
) -> None:
    assert tugas_tambahan_points(count) == points


@pytest.mark.parametrize("count", [-1, True, "3", 1.0])
def test_a_tugas_tambahan_count_must_be_a_whole_number_of_at_least_0(count: object) -> None:
    with pytest.raises(InputError) as info:
        tugas_tambahan_points(count)  # type: ignore[arg-type]
    assert info.value.path == "tugas_tambahan"


def test_kreativitas_points_are_3_6_12_and_summed() -> None:
    # 3 + 6 + 12 = 21; 3 + 3 = 6
    assert creativity_points(["unit_kerja", "instansi", CreativityLevel.NASIONAL]) == 21
    assert creativity_points(["Tingkat unit kerja", "unit kerja"]) == 6
    assert creativity_points([]) == 0
    with pytest.raises(LabelError):
        creativity_points(["provinsi"])


def test_the_skp_value_is_the_mean_of_activities_plus_uncapped_points() -> None:
    # mean (85.5 + 95.333…)/2 = 90.41666…; + 3 (7 tasks) + 24 (two national) = 117.41666…
    laporan = Activity("Laporan", 2, 2, 100, 90, 5, 4)
    result = assess_skp([rakor(), laporan], tugas_tambahan=7, kreativitas=["nasional"] * 2)
    assert quantize(result.mean) == D("90.42")
    assert result.tugas_tambahan_points == 3
    assert result.kreativitas_points == 24
    assert quantize(result.value) == D("117.42")
    assert result.predikat is Pp46Predikat.SANGAT_BAIK


def test_an_agency_may_configure_the_points_and_a_cap() -> None:
    config = Pp46Config(
        tugas_tambahan_tiers=((5, D(2)), (1, D("0.5"))),
        creativity_points={"unit_kerja": 1, "instansi": 2, "nasional": 4},
        skp_cap=100,
    )
    # 85.5 + 0.5 (2 tasks) + 4 = 90; 85.5 + 2 (5 tasks) + 4 × 4 = 103.5 → capped 100
    assert (
        assess_skp([rakor()], tugas_tambahan=2, kreativitas=["nasional"], config=config).value == 90
    )
    capped = assess_skp([rakor()], tugas_tambahan=5, kreativitas=["nasional"] * 4, config=config)
    assert capped.value == 100
    assert "capped" in capped.steps[-2].note


@pytest.mark.parametrize(
    "bad",
    [
        {"tugas_tambahan_tiers": ()},
        {"tugas_tambahan_tiers": ((1, D(1)), (4, D(2)))},
        {"tugas_tambahan_tiers": ((0, D(1)),)},
        {"tugas_tambahan_tiers": ((4, 2),)},
        {"creativity_points": {"unit_kerja": 3}},
        {"creativity_points": [("unit_kerja", 3)]},
        {"skp_cap": 0},
    ],
)
def test_an_inconsistent_configuration_is_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(PolicyError):
        Pp46Config(**bad)


def test_an_skp_needs_an_activity() -> None:
    with pytest.raises(AppraisalError):
        assess_skp([])
    with pytest.raises(InputError):
        assess_skp(["rakor"])  # type: ignore[list-item]


def test_two_skps_are_averaged_by_a_simple_mean_not_by_months() -> None:
    # (85.5 + 93.5) / 2 = 89.5, whatever the months in each position
    mean, step = average_skp_values([D("85.5"), D("93.5")])
    assert mean == D("89.5")
    assert step.rule == "PP46-SKP-AVERAGE"
    with pytest.raises(AppraisalError):
        average_skp_values([])


# --- perilaku kerja ---------------------------------------------------------------------------


def test_perilaku_of_a_non_structural_employee_is_the_mean_of_five_aspects() -> None:
    # (90 + 80 + 70 + 85 + 75) / 5 = 400 / 5 = 80
    result = assess_behaviour(BehaviourScores(90, 80, 70, 85, 75))
    assert result.aspects == 5
    assert result.value == 80


def test_perilaku_of_a_structural_position_includes_kepemimpinan() -> None:
    # (80 × 5 + 50) / 6 = 450 / 6 = 75 → Cukup (75 is not > 75)
    result = assess_behaviour(BehaviourScores(80, 80, 80, 80, 80, 50, structural=True))
    assert result.aspects == 6
    assert result.value == 75
    assert result.predikat is Pp46Predikat.CUKUP


def test_kepemimpinan_is_refused_outside_a_structural_position_and_required_inside() -> None:
    with pytest.raises(InputError) as info:
        BehaviourScores(80, 80, 80, 80, 80, 80)
    assert info.value.path == "kepemimpinan"
    with pytest.raises(InputError) as info:
        BehaviourScores(80, 80, 80, 80, 80, structural=True)
    assert info.value.path == "kepemimpinan"


@pytest.mark.parametrize("value", ["100.01", -1, "-0.5"])
def test_a_behaviour_value_lies_between_0_and_100(value: object) -> None:
    with pytest.raises(InputError) as info:
        BehaviourScores(80, 80, value, 80, 80)
    assert info.value.path == "komitmen"
    assert info.value.rule == "PP46-PERILAKU"


def test_behaviour_values_of_0_and_100_are_accepted() -> None:
    # (0 + 100 + 100 + 100 + 100) / 5 = 80
    assert assess_behaviour(BehaviourScores(0, 100, 100, 100, 100)).value == 80


# --- prestasi kerja and predikat --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "predikat"),
    [
        ("100", Pp46Predikat.SANGAT_BAIK),
        ("90.01", Pp46Predikat.SANGAT_BAIK),
        ("90", Pp46Predikat.BAIK),
        ("75.01", Pp46Predikat.BAIK),
        ("75", Pp46Predikat.CUKUP),
        ("60.01", Pp46Predikat.CUKUP),
        ("60", Pp46Predikat.KURANG),
        ("50.01", Pp46Predikat.KURANG),
        ("50", Pp46Predikat.BURUK),
        ("49.99", Pp46Predikat.BURUK),
        ("0", Pp46Predikat.BURUK),
    ],
)
def test_the_bands_of_decision_d6_at_every_threshold(value: str, predikat: Pp46Predikat) -> None:
    assert predikat_for(D(value)) is predikat


def test_the_exact_value_is_banded_and_the_step_says_so_when_the_shown_value_differs() -> None:
    # 60 % × 100 + 40 % × 75.01 = 60 + 30.004 = 90.004 > 90 → Sangat Baik, shown 90.00
    skp = assess_skp([Activity("Sempurna", 1, 1, 100, 100, "12", "9.12")])
    # kuantitas 100, kualitas 100, waktu 100 → 100
    assert skp.value == 100
    behaviour = assess_behaviour(BehaviourScores("75.01", "75.01", "75.01", "75.01", "75.01"))
    result = work_achievement(skp, behaviour)
    assert result.value == D("90.004")
    assert result.value_shown == D("90.00")
    assert result.predikat is Pp46Predikat.SANGAT_BAIK
    predikat_step = next(
        s for s in result.steps if s.rule == "PP46-PREDIKAT" and s.dimension == "predikat"
    )
    assert "exact value" in predikat_step.note


def test_work_achievement_is_60_percent_skp_and_40_percent_perilaku() -> None:
    # 0.6 × 85.5 + 0.4 × 70 = 51.3 + 28 = 79.3 → Baik
    result = work_achievement(assess_skp([rakor()]), assess_behaviour(five(70)))
    assert result.skp_part == D("51.3")
    assert result.behaviour_part == 28
    assert result.value == D("79.3")
    assert result.predikat is Pp46Predikat.BAIK
    assert result.predikat_2022 is Predikat.BAIK


def test_the_result_keeps_every_intermediate_value_unrounded() -> None:
    # SKP baru (100 + 100 + 96)/3 = 98.666…; mean with 85.5 = 92.08333…
    laporan = Activity("Laporan", 4, 4, 100, 100, 5, 4)
    result = work_achievement(
        [assess_skp([rakor()]), assess_skp([laporan])], assess_behaviour(five())
    )
    assert result.skp_value != quantize(result.skp_value)
    assert quantize(result.skp_value) == D("92.08")
    assert all(isinstance(v, Decimal) for v in (result.skp_value, result.value))
    assert [s.rule for s in result.steps].count("PP46-SKP-AVERAGE") == 1


def test_a_value_that_is_exactly_76_195_shows_as_76_20() -> None:
    # Kegiatan 1: kuantitas 11/10 × 100 = 110; kualitas 61.93; waktu TW 3, RW 0.67:
    #   E = 100 − 22.333… = 77.67 % > 24 → 76 − ((((1.76 × 3 − 0.67)/3) × 100) − 100)
    #   = 76 − (153.666… − 100) = 22.333… = 67/3; value (110 + 61.93 + 67/3)/3 = 58279/900.
    # Kegiatan 2: kuantitas 14/12 × 100 = 350/3; kualitas 81.42; waktu TW 5, RW 3: E = 40 %
    #   → 76 − (116 − 100) = 60; value (350/3 + 81.42 + 60)/3 = 77426/900.
    # SKP = (58279 + 77426)/1800 = 27141/360 = 75.391666…; × 60 % = 45.235
    # perilaku (63 + 82 + 67 + 75 + 100)/5 = 77.4; × 40 % = 30.96
    # nilai prestasi kerja = 45.235 + 30.96 = 76.195 → half-up 76.20 (Baik).
    # Carrying 28-digit decimals from step to step gives 76.19499… and would show 76.19.
    first = Activity("Kegiatan 1", 10, 11, 100, "61.93", 3, "0.67")
    second = Activity("Kegiatan 2", 12, 14, 100, "81.42", 5, 3)
    result = work_achievement(
        assess_skp([first, second]), assess_behaviour(BehaviourScores(63, 82, 67, 75, 100))
    )
    assert result.skp_part == D("45.235")
    assert result.value == D("76.195")
    assert result.value_shown == D("76.20")
    assert result.predikat is Pp46Predikat.BAIK


def test_work_achievement_refuses_what_is_not_a_result() -> None:
    behaviour = assess_behaviour(five())
    with pytest.raises(AppraisalError):
        work_achievement([], behaviour)
    with pytest.raises(InputError):
        work_achievement(["93.5"], behaviour)  # type: ignore[list-item]
    with pytest.raises(InputError):
        work_achievement(assess_skp([rakor()]), five())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (Pp46Predikat.SANGAT_BAIK, Predikat.SANGAT_BAIK),
        (Pp46Predikat.BAIK, Predikat.BAIK),
        (Pp46Predikat.CUKUP, Predikat.BUTUH_PERBAIKAN),
        (Pp46Predikat.KURANG, Predikat.KURANG),
        (Pp46Predikat.BURUK, Predikat.SANGAT_KURANG),
    ],
)
def test_old_predikat_convert_to_the_2022_scale(old: Pp46Predikat, new: Predikat) -> None:
    assert to_2022(old) is new
    assert TO_2022[old] is new


def test_a_buruk_result_converts_to_sangat_kurang_in_the_explanation() -> None:
    # activity not done → SKP 0; perilaku 50 → 0.4 × 50 = 20 → Buruk → Sangat Kurang
    skp = assess_skp([Activity("Tidak", 1, 0, 100, 0, 12, 0)])
    result = work_achievement(skp, assess_behaviour(five(50)))
    assert result.value == 20
    assert result.predikat is Pp46Predikat.BURUK
    last = result.steps[-1]
    assert last.rule == "PP46-TO-2022"
    assert last.output == "Sangat Kurang"


def test_pp46_predikat_labels_parse_whole_words_only() -> None:
    assert Pp46Predikat.parse("Cukup") is Pp46Predikat.CUKUP
    assert Pp46Predikat.parse("baik") is Pp46Predikat.BAIK
    assert Pp46Predikat.parse("Sangat Baik") is Pp46Predikat.SANGAT_BAIK
    assert Pp46Predikat.BURUK.label_en == "Bad"
    assert Pp46Predikat.SANGAT_BAIK.rank > Pp46Predikat.BURUK.rank
    with pytest.raises(LabelError):
        Pp46Predikat.parse("Butuh Perbaikan")


# --- explanation ------------------------------------------------------------------------------


def test_every_step_names_a_rule_of_this_module() -> None:
    laporan = Activity("Laporan", 4, 4, 100, 100, 5, 4)
    result = work_achievement(
        [
            assess_skp([rakor()], tugas_tambahan=2, kreativitas=["unit_kerja"]),
            assess_skp([laporan]),
        ],
        assess_behaviour(BehaviourScores(80, 80, 80, 80, 80, 80, structural=True)),
    )
    used = {step.rule for step in result.steps}
    assert used <= RULE_IDS
    assert used == RULE_IDS


def test_every_rule_has_a_title_and_a_citation_and_unconfirmed_ones_say_so() -> None:
    for rule in RULES:
        assert rule.title
        assert rule.citation
    unconfirmed = {r.id for r in RULES if "UNCONFIRMED" in r.citation}
    assert {"PP46-TUGAS-TAMBAHAN", "PP46-KREATIVITAS"} <= unconfirmed


def test_errors_are_library_errors() -> None:
    with pytest.raises(AsnPerformanceError):
        Activity("x", 0, 1, 1, 1, 1, 1)
