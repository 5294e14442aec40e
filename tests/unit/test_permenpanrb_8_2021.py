"""Tests for :mod:`asn_performance.regimes.permenpanrb_8_2021` (PP 30/2019 + PermenPANRB 8/2021).

Every expected value was worked out by hand from PermenPANRB 8/2021 Lampiran and PP 30/2019
Pasal 41 as quoted in the regulations digest §3 (the arithmetic is in a comment next to it, or
in the golden file's "working"); none was produced by running the code.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from asn_performance._kit.exact import quantize
from asn_performance.domain.plan import Direction, Target
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import DecimalInputError, InputError, LabelError, PlanError
from asn_performance.regimes.permenpanrb_8_2021 import (
    NILAI_CAPAIAN_TABLE,
    RULES,
    TAMBAHAN_CAP,
    IkiResult,
    Pp30Predikat,
    TambahanWork,
    UtamaWork,
    assess_iki,
    assess_skp,
    capaian,
    nilai_capaian,
    performance_value,
    predikat_for,
    round_capaian,
    skp_value,
    target_used,
    to_2022,
)

GOLDEN = Path(__file__).parent.parent / "golden" / "permenpanrb_8_2021"
RULE_IDS = {rule.id for rule in RULES}
D = Decimal

HIGHER = Direction.HIGHER_IS_BETTER
LOWER = Direction.LOWER_IS_BETTER


def _target(data: object) -> Target:
    if isinstance(data, dict):
        return Target.range(data["lower"], data["upper"])
    assert isinstance(data, str)
    return Target.value(data)


def _iki(data: dict[str, Any], id: str = "iki") -> IkiResult:
    return assess_iki(
        _target(data["target"]),
        data["realisation"],
        direction=data.get("direction", "higher_is_better"),
        max_attainable=data.get("max_attainable", False),
        id=id,
    )


def _check_expected(result: object, expected: dict[str, Any]) -> None:
    for key, want in expected.items():
        if key.endswith("_shown"):
            got = quantize(getattr(result, key.removesuffix("_shown")))
            assert str(got) == want, key
        elif key in ("category", "predikat"):
            assert getattr(result, key) is Pp30Predikat(want), key
        elif key == "predikat_2022":
            assert getattr(result, key) is Predikat(want), key
        else:
            assert getattr(result, key) == D(want), key


def _check_golden(case: dict[str, Any]) -> None:
    kind, given, expected = case["kind"], case["input"], case["expected"]
    if kind == "iki":
        _check_expected(_iki(given), expected)
    elif kind == "skp_value":
        ku, kt, total = skp_value(given["utama_weighted"], given["tambahan_weighted"])
        assert (ku, kt, total) == (
            D(expected["nilai_ku"]),
            D(expected["nilai_kt"]),
            D(expected["value"]),
        )
    elif kind == "skp":
        utama = [
            UtamaWork(
                work["id"],
                work["weight"],
                tuple(_iki(i, f"{work['id']}-{n}") for n, i in enumerate(work["indicators"])),
            )
            for work in given["utama"]
        ]
        tambahan = [
            TambahanWork(item["id"], item["scope_weight"], _iki(item["indicator"], item["id"]))
            for item in given["tambahan"]
        ]
        _check_expected(assess_skp(utama, tambahan), expected)
    elif kind == "kinerja":
        result = performance_value(
            given["skp"],
            given["behaviour"],
            with_peer_input=given["with_peer_input"],
            innovation=given["innovation"],
        )
        _check_expected(result, expected)
    elif kind == "conversion":
        for old, new in expected.items():
            assert to_2022(Pp30Predikat(old)) is Predikat(new)
    else:  # pragma: no cover - a new kind needs a branch here
        pytest.fail(f"unknown golden kind {kind!r}")


#: The 2021 integration golden lives here too (July-December is this regime's half); it is
#: checked by tests/unit/test_registry.py.
GOLDEN_FILES = sorted(
    path
    for path in GOLDEN.glob("*.json")
    if json.loads(path.read_text(encoding="utf-8"))["kind"] != "integrate_2021"
)


def test_the_golden_folder_holds_every_worked_example() -> None:
    assert len(GOLDEN_FILES) >= 15


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def test_golden_file_matches_the_worked_example(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    assert case["source"].strip(), "every golden file names its source"
    assert case["working"].strip(), "every golden file shows its arithmetic"
    _check_golden(case)


# --- capaian ----------------------------------------------------------------------------------


def test_the_lampiran_example_95_93_gives_98_percent_cukup_88() -> None:
    # 93/95 = 97.89… % → 98 % → 70 + (98 − 80) = 88
    result = assess_iki(95, 93)
    assert result.capaian_percent == 98
    assert result.category is Pp30Predikat.CUKUP
    assert result.value == 88


def test_the_lampiran_113_percent_is_not_reproduced_because_92_over_90_is_102_2() -> None:
    # Lampiran p.100 prints 113 %; 92/90 × 100 = 102.22… %: the formula is followed.
    assert quantize(capaian(Target.range(80, 90), 92)) == D("102.22")


def test_capaian_of_the_lower_is_better_formula() -> None:
    # (1 + (1 − 45/50)) × 100 = 110 %
    assert capaian(50, 45, LOWER) == 110
    # (1 + (1 − 60/50)) × 100 = 80 %
    assert capaian(50, 60, "lower_is_better") == 80


@pytest.mark.parametrize("realisation", ["80", "85", "90"])
def test_a_realisation_within_a_ranged_target_meets_it(realisation: str) -> None:
    target = Target.range(80, 90)
    assert capaian(target, realisation) == 100
    assert capaian(target, realisation, LOWER) == 100
    result = assess_iki(target, realisation)
    assert result.target_used is None or result.capaian == 100
    if realisation == "85":
        assert result.target_used is None
        assert result.steps[0].rule == "8/2021-TARGET-MET"


def test_the_range_bound_is_the_upper_above_and_the_lower_below() -> None:
    target = Target.range(7, 8)
    assert target_used(target, D("6.5")) == 7
    assert target_used(target, D(9)) == 8
    assert target_used(target, D("7.5")) is None
    assert target_used(Target.value(5), D(9)) == 5


def test_a_lower_is_better_capaian_never_goes_below_0() -> None:
    # (1 + (1 − 25/10)) × 100 = −50 % → 0 % → Sangat Kurang, 0
    result = assess_iki(10, 25, direction=LOWER)
    assert result.capaian == 0
    assert result.value == 0
    assert "8/2021-CAPAIAN-FLOOR" in [s.rule for s in result.steps]


def test_a_target_of_0_gives_no_capaian() -> None:
    with pytest.raises(InputError) as info:
        capaian(0, 5)
    assert info.value.rule == "8/2021-CAPAIAN"
    # a range from 0: a realisation inside meets it, above uses the upper bound
    assert capaian(Target.range(0, 5), 3) == 100
    assert capaian(Target.range(0, 5), 6) == 120


def test_a_float_realisation_is_refused() -> None:
    with pytest.raises(DecimalInputError):
        capaian(100, 99.5)  # type: ignore[arg-type]


# --- D13 and the table, at every threshold ------------------------------------------------------


@pytest.mark.parametrize(
    ("realisation", "whole", "category", "value"),
    [
        # > 110 %: 120
        ("111", 111, Pp30Predikat.SANGAT_BAIK, "120"),
        ("110.5", 111, Pp30Predikat.SANGAT_BAIK, "120"),
        # 110 %: 110 + 10/9 × 9 = 120
        ("110", 110, Pp30Predikat.SANGAT_BAIK, "120"),
        ("110.4", 110, Pp30Predikat.SANGAT_BAIK, "120"),
        # 101 %: 110 + 10/9 × 0 = 110
        ("101", 101, Pp30Predikat.SANGAT_BAIK, "110"),
        ("100.5", 101, Pp30Predikat.SANGAT_BAIK, "110"),
        # 100 %: 109 (D13: 100.4 and 99.5 round to 100)
        ("100.4", 100, Pp30Predikat.BAIK, "109"),
        ("100", 100, Pp30Predikat.BAIK, "109"),
        ("99.5", 100, Pp30Predikat.BAIK, "109"),
        # 99 %: 70 + 19 = 89
        ("99.4", 99, Pp30Predikat.CUKUP, "89"),
        # 80 %: 70
        ("80", 80, Pp30Predikat.CUKUP, "70"),
        # 79 %: 50 + 19 = 69
        ("79.49", 79, Pp30Predikat.KURANG, "69"),
        # 60 %: 50
        ("60", 60, Pp30Predikat.KURANG, "50"),
        # 59 %: 59/59 × 49 = 49
        ("59", 59, Pp30Predikat.SANGAT_KURANG, "49"),
        # 0 %: 0
        ("0", 0, Pp30Predikat.SANGAT_KURANG, "0"),
    ],
)
def test_capaian_is_rounded_to_a_whole_percent_then_banded(
    realisation: str, whole: int, category: Pp30Predikat, value: str
) -> None:
    result = assess_iki(100, realisation)
    assert result.capaian == D(realisation)
    assert result.capaian_percent == whole
    assert result.category is category
    assert result.value == D(value)


def test_the_d13_rounding_is_recorded_as_a_step() -> None:
    result = assess_iki(100, "99.5")
    step = next(s for s in result.steps if s.rule == "D13-CAPAIAN-ROUNDING")
    assert step.output == "100 %"
    assert ("capaian", "99.5 %") in step.inputs


def test_round_capaian_is_half_up() -> None:
    assert round_capaian(D("99.5")) == 100
    assert round_capaian(D("98.5")) == 99  # half-even would give 98
    assert round_capaian(D("100.4")) == 100
    assert round_capaian(D("100.49999")) == 100


def test_100_percent_of_a_maximum_attainable_target_is_sangat_baik_120() -> None:
    result = assess_iki(100, 100, max_attainable=True)
    assert (result.category, result.value) == (Pp30Predikat.SANGAT_BAIK, 120)
    assert "8/2021-MAX-ATTAINABLE" in [s.rule for s in result.steps]
    # the flag changes nothing below 100 %: 90 % → 70 + 10 = 80
    assert assess_iki(100, 90, max_attainable=True).value == 80


def test_nilai_capaian_reads_a_whole_percent_only() -> None:
    with pytest.raises(InputError) as info:
        nilai_capaian(D("99.5"))
    assert info.value.rule == "D13-CAPAIAN-ROUNDING"
    assert nilai_capaian(D(105)) == (Pp30Predikat.SANGAT_BAIK, nilai_capaian(D(105))[1])
    # 110 + 10/9 × 4 = 114.444…
    assert quantize(nilai_capaian(D(105))[1]) == D("114.44")


def test_the_table_has_no_gap_between_whole_percents() -> None:
    lows = [band.lowest for band in NILAI_CAPAIAN_TABLE]
    highs = [band.highest for band in NILAI_CAPAIAN_TABLE]
    assert highs[0] is None
    for higher_low, lower_high in zip(lows, highs[1:], strict=False):
        assert lower_high is not None
        assert higher_low == lower_high + 1
    assert lows[-1] == 0


def test_iki_inputs_are_checked() -> None:
    with pytest.raises(InputError):
        assess_iki(100, 90, id=" spaced ")
    with pytest.raises(InputError):
        assess_iki(100, 90, max_attainable="yes")  # type: ignore[arg-type]
    with pytest.raises(LabelError):
        assess_iki(100, 90, direction="sideways")
    with pytest.raises(InputError):
        assess_iki(100, -1)


# --- nilai SKP --------------------------------------------------------------------------------


def test_nilai_skp_weighs_each_rhk_utama_by_its_bobot() -> None:
    # rhk-1 (40 %): 85/85 → 109 → 40 % × 109 = 43.6
    # rhk-2 (60 %): mean of 88 (95/93) and 70 (80 %) = 79 → 60 % × 79 = 47.4
    # nilai SKP = 43.6 + 47.4 = 91
    rhk1 = UtamaWork("rhk-1", 40, (assess_iki(85, 85, id="a"),))
    rhk2 = UtamaWork("rhk-2", 60, (assess_iki(95, 93, id="b"), assess_iki(100, 80, id="c")))
    result = assess_skp([rhk1, rhk2])
    assert [s.weighted for s in result.utama] == [D("43.6"), D("47.4")]
    assert result.utama[1].value == 79
    assert result.nilai_kt == 0
    assert result.value == 91


def test_tambahan_uses_the_factor_k_of_its_category() -> None:
    # Cukup (98 % → 88): k 60; 60 × 10/100 × 88/100 = 5.28
    utama = UtamaWork("rhk-1", 100, assess_iki(100, 100, id="u"))
    extra = TambahanWork("t-1", 10, assess_iki(95, 93, id="t"))
    result = assess_skp([utama], [extra])
    assert result.tambahan[0].k == 60
    assert result.nilai_kt == D("5.28")
    # 109 + 5.28 = 114.28
    assert result.value == D("114.28")


def test_the_tambahan_total_is_capped_at_10() -> None:
    assert TAMBAHAN_CAP == 10
    # 7 + 7 = 14 → 10
    assert skp_value(["100"], ["7", "7"]) == (D(100), D(10), D(110))


def test_the_utama_weights_must_sum_to_100() -> None:
    iki = assess_iki(100, 100)
    with pytest.raises(PlanError) as info:
        assess_skp([UtamaWork("a", 60, iki), UtamaWork("b", 30, iki)])
    assert info.value.rule == "8/2021-UTAMA"
    with pytest.raises(PlanError):
        assess_skp([])
    with pytest.raises(InputError):
        UtamaWork("a", 0, iki)
    with pytest.raises(InputError):
        UtamaWork("a", 100, ())
    with pytest.raises(InputError):
        TambahanWork("t", "100.5", iki)
    with pytest.raises(InputError):
        assess_skp(["rhk"])  # type: ignore[list-item]


# --- nilai kinerja and predikat -----------------------------------------------------------------


def test_without_peer_input_the_weights_are_70_30_and_with_it_60_40() -> None:
    # Pasal 41(3): 0.7 × 100 + 0.3 × 90 = 97; Pasal 41(4): 0.6 × 100 + 0.4 × 90 = 96
    without = performance_value(100, 90, with_peer_input=False)
    with_peers = performance_value(100, 90, with_peer_input=True)
    assert (without.skp_weight, without.behaviour_weight, without.value) == (70, 30, 97)
    assert (with_peers.skp_weight, with_peers.behaviour_weight, with_peers.value) == (60, 40, 96)
    assert "41(4)" in with_peers.steps[0].note
    assert "41(3)" in without.steps[0].note


def test_the_weighting_choice_is_required_and_must_be_a_bool() -> None:
    with pytest.raises(TypeError):
        performance_value(100, 90)  # type: ignore[call-arg]
    with pytest.raises(InputError):
        performance_value(100, 90, with_peer_input="no")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "innovation", "predikat"),
    [
        ("120", True, Pp30Predikat.SANGAT_BAIK),
        ("110", True, Pp30Predikat.SANGAT_BAIK),
        ("110", False, Pp30Predikat.BAIK),
        ("109.99", True, Pp30Predikat.BAIK),
        ("90", False, Pp30Predikat.BAIK),
        ("89.99", False, Pp30Predikat.CUKUP),
        ("70", False, Pp30Predikat.CUKUP),
        ("69.99", False, Pp30Predikat.KURANG),
        ("50", False, Pp30Predikat.KURANG),
        ("49.99", False, Pp30Predikat.SANGAT_KURANG),
        ("0", True, Pp30Predikat.SANGAT_KURANG),
    ],
)
def test_the_predikat_of_pasal_41_5_at_every_threshold(
    value: str, innovation: bool, predikat: Pp30Predikat
) -> None:
    assert predikat_for(D(value), innovation=innovation) is predikat


def test_performance_value_keeps_the_skp_steps_and_converts_the_predikat() -> None:
    # SKP: 95/93 → 88 (weight 100); 0.7 × 88 + 0.3 × 80 = 61.6 + 24 = 85.6 → Cukup
    skp = assess_skp([UtamaWork("rhk-1", 100, assess_iki(95, 93))])
    result = performance_value(skp, 80, with_peer_input=False)
    assert result.value == D("85.6")
    assert result.predikat is Pp30Predikat.CUKUP
    assert result.predikat_2022 is Predikat.BUTUH_PERBAIKAN
    assert result.skp is skp
    rules = [s.rule for s in result.steps]
    assert rules[: len(skp.steps)] == [s.rule for s in skp.steps]
    assert rules[-3:] == ["PP30-NILAI-KINERJA", "PP30-PREDIKAT", "PP30-TO-2022"]


def test_a_value_that_shows_as_90_but_is_below_is_cukup_and_the_step_says_so() -> None:
    # 0.7 × 89.99 + 0.3 × 90 = 62.993 + 27 = 89.993 → shown 89.99 (still Cukup); and
    # 0.7 × 90 + 0.3 × 89.985 = 63 + 26.9955 = 89.9955 → shown 90.00 but Cukup
    result = performance_value(90, "89.985", with_peer_input=False)
    assert result.value == D("89.9955")
    assert result.value_shown == D("90.00")
    assert result.predikat is Pp30Predikat.CUKUP
    assert "exact value" in result.steps[-2].note


def test_values_outside_their_scale_are_refused() -> None:
    with pytest.raises(InputError) as info:
        performance_value("130.01", 90, with_peer_input=False)
    assert info.value.path == "nilai_skp"
    with pytest.raises(InputError) as info:
        performance_value(100, "120.01", with_peer_input=False)
    assert info.value.path == "nilai_perilaku"
    with pytest.raises(InputError):
        performance_value(-1, 90, with_peer_input=False)


def test_a_value_above_120_is_banded_at_the_top_and_noted() -> None:
    # nilai SKP 130 (120 + tambahan 10), perilaku 120: 0.7 × 130 + 0.3 × 120 = 91 + 36 = 127
    result = performance_value(130, 120, with_peer_input=False, innovation=True)
    assert result.value == 127
    assert result.predikat is Pp30Predikat.SANGAT_BAIK
    assert "exceeds the 120" in result.steps[-2].note


def test_pp30_predikat_accept_the_later_names_of_cukup() -> None:
    assert Pp30Predikat.parse("Butuh Perbaikan") is Pp30Predikat.CUKUP
    assert Pp30Predikat.parse("Perlu Perbaikan") is Pp30Predikat.CUKUP
    assert Pp30Predikat.parse("Cukup") is Pp30Predikat.CUKUP
    assert Pp30Predikat.parse("Baik") is Pp30Predikat.BAIK
    assert to_2022(Pp30Predikat.CUKUP) is Predikat.BUTUH_PERBAIKAN
    assert Pp30Predikat.SANGAT_BAIK.rank == 4


# --- explanation ------------------------------------------------------------------------------


def test_every_step_names_a_rule_of_this_module_and_all_rules_are_used() -> None:
    used: set[str] = set()
    ikis = [
        assess_iki(Target.range(80, 90), 92, id="a"),
        assess_iki(Target.range(80, 90), 85, id="b"),
        assess_iki(Target.range(7, 8), "6.5", direction=LOWER, id="c"),
        assess_iki(10, 25, direction=LOWER, id="d"),
        assess_iki(100, 100, max_attainable=True, id="e"),
    ]
    utama = UtamaWork("rhk-1", 100, tuple(ikis))
    extra = TambahanWork("t-1", 10, assess_iki(100, 100, id="f"))
    result = performance_value(assess_skp([utama], [extra]), 90, with_peer_input=True)
    used = {step.rule for step in result.steps}
    assert used <= RULE_IDS
    assert used == RULE_IDS


def test_every_rule_has_a_title_and_a_citation() -> None:
    for rule in RULES:
        assert rule.title
        assert rule.citation
    assert not {r.id for r in RULES if not r.normative} & {"8/2021-CAPAIAN", "PP30-PREDIKAT"}
