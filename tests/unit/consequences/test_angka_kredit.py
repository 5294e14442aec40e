"""Angka kredit (asn_performance.consequences.angka_kredit): PermenPANRB 1/2023, PerBKN 3/2023.

Every expected number is worked by hand in a comment next to it; none is produced by calling
the code under test. Golden files (tests/golden/rewards/) hold the digest's worked examples
with their sources.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from asn_performance import (
    Jenjang,
    Period,
    Predikat,
    Rating,
)
from asn_performance.consequences.allowance import (
    KEMNAKER_2025,
    Attendance,
    compute_allowance,
)
from asn_performance.consequences.angka_kredit import (
    AK_MINIMUM,
    AK_PERCENTAGE,
    KOEFISIEN,
    AkMinimum,
    accumulate,
    angka_kredit,
    months_of,
    reaches_minimum,
)
from asn_performance.exceptions import (
    DecimalInputError,
    InputError,
    LabelError,
)

GOLDEN = Path(__file__).parent.parent.parent / "golden" / "rewards"

SB, B, BP, K, SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)
A_, S_, B_ = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
D = Decimal

# --------------------------------------------------------------------------------------------
# Tables held against the regulation
# --------------------------------------------------------------------------------------------


def test_the_percentage_table_is_that_of_permenpanrb_1_2023_pasal_36() -> None:
    assert dict(AK_PERCENTAGE) == {SB: 150, B: 100, BP: 75, K: 50, SK: 25}


def test_the_koefisien_table_is_that_of_perbkn_3_2023() -> None:
    assert dict(KOEFISIEN) == {
        Jenjang.AHLI_UTAMA: D(50),
        Jenjang.AHLI_MADYA: D("37.5"),
        Jenjang.AHLI_MUDA: D(25),
        Jenjang.AHLI_PERTAMA: D("12.5"),
        Jenjang.PENYELIA: D(25),
        Jenjang.MAHIR: D("12.5"),
        Jenjang.TERAMPIL: D(5),
        Jenjang.PEMULA: D("3.75"),
    }


def test_the_ak_minimum_table_is_that_of_perbkn_3_2023_with_none_for_the_dash() -> None:
    assert dict(AK_MINIMUM) == {
        Jenjang.AHLI_UTAMA: AkMinimum(D(200), None),
        Jenjang.AHLI_MADYA: AkMinimum(D(150), D(450)),
        Jenjang.AHLI_MUDA: AkMinimum(D(100), D(200)),
        Jenjang.AHLI_PERTAMA: AkMinimum(D(50), D(100)),
        Jenjang.PENYELIA: AkMinimum(D(100), None),
        Jenjang.MAHIR: AkMinimum(D(50), D(100)),
        Jenjang.TERAMPIL: AkMinimum(D(20), D(60)),
        Jenjang.PEMULA: AkMinimum(D(15), D(15)),
    }


# The "resulting table" of digest §5.2 (2 places, half-up), per jenjang: SB, B, BP, K, SK.
# Each is 150/100/75/50/25 % of the koefisien, e.g. Pemula 3.75 × 0.75 = 2.8125 → 2.81,
# 3.75 × 0.5 = 1.875 → 1.88, 3.75 × 0.25 = 0.9375 → 0.94; Ahli Madya 37.5 × 0.25 = 9.375 → 9.38.
ANNUAL_TABLE = {
    Jenjang.PEMULA: ("5.63", "3.75", "2.81", "1.88", "0.94"),
    Jenjang.TERAMPIL: ("7.50", "5.00", "3.75", "2.50", "1.25"),
    Jenjang.MAHIR: ("18.75", "12.50", "9.38", "6.25", "3.13"),
    Jenjang.AHLI_PERTAMA: ("18.75", "12.50", "9.38", "6.25", "3.13"),
    Jenjang.PENYELIA: ("37.50", "25.00", "18.75", "12.50", "6.25"),
    Jenjang.AHLI_MUDA: ("37.50", "25.00", "18.75", "12.50", "6.25"),
    Jenjang.AHLI_MADYA: ("56.25", "37.50", "28.13", "18.75", "9.38"),
    Jenjang.AHLI_UTAMA: ("75.00", "50.00", "37.50", "25.00", "12.50"),
}


@pytest.mark.parametrize("jenjang", list(ANNUAL_TABLE), ids=lambda j: j.code)
def test_annual_angka_kredit_matches_the_half_up_table_of_the_digest(jenjang: Jenjang) -> None:
    shown = tuple(str(angka_kredit(p, jenjang).shown) for p in (SB, B, BP, K, SK))
    assert shown == ANNUAL_TABLE[jenjang]


# --------------------------------------------------------------------------------------------
# Golden files (digest §11 examples 8, 9, bonus 11)
# --------------------------------------------------------------------------------------------


def _golden_files() -> list[Path]:
    return sorted(GOLDEN.glob("*.json"))


def test_the_golden_folder_holds_the_digest_examples() -> None:
    names = {path.stem for path in _golden_files()}
    assert len([n for n in names if n.startswith("ak_annual_")]) == 4  # example 8
    assert "ak_periodic_ahli_pertama_baik_jan_feb_accumulated" in names  # example 9
    assert len([n for n in names if n.startswith("tukin_kemnaker_")]) == 2  # bonus 11


@pytest.mark.parametrize("path", _golden_files(), ids=lambda path: path.stem)
def test_every_golden_reward_example_gives_its_expected_result(path: Path) -> None:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert case["source"]
    assert case["arithmetic"]
    given, expected = case["input"], case["expected"]
    if case["rule"] == "angka_kredit":
        result = angka_kredit(given["predikat"], given["jenjang"], given["months"])
        assert result.value == D(expected["value"])
        assert str(result.shown) == expected["shown"]
    elif case["rule"] == "angka_kredit_accumulated":
        results = [angka_kredit(p["predikat"], p["jenjang"], p["months"]) for p in given["periods"]]
        for result, want in zip(results, expected["periods"], strict=True):
            assert abs(Fraction(result.value) - Fraction(want["fraction"])) < Fraction(1, 10**20)
            assert str(result.shown) == want["shown"]
        total = accumulate(results, start=given["prior"])
        assert abs(Fraction(total.value) - Fraction(expected["total_fraction"])) < Fraction(
            1, 10**20
        )
        assert str(total.shown) == expected["total_shown"]
    elif case["rule"] == "allowance":
        assert case["policy"] == "KEMNAKER_2025"
        allowance = compute_allowance(
            KEMNAKER_2025, given["kelas"], given["predikat"], Attendance(**given["attendance"])
        )
        for name, value in expected.items():
            got = allowance.cut_percent if name == "cut_percent" else getattr(allowance, name)
            assert got == D(value), name
    else:  # pragma: no cover - a new kind of golden file needs a branch here
        pytest.fail(f"unknown rule {case['rule']!r}")


# --------------------------------------------------------------------------------------------
# Angka kredit
# --------------------------------------------------------------------------------------------


def test_a_part_year_is_prorated_by_months_and_carried_unrounded() -> None:
    # BKN example: Ahli Pertama, Jan-Feb Baik: 2/12 × 100 % × 12.5 = 25/12 = 2.0833… → 2.08.
    result = angka_kredit("Baik", "Ahli Pertama", 2)
    assert result.value != D("2.08")
    assert str(result.value).startswith("2.083333333")
    assert result.shown == D("2.08")
    assert result.months == 2
    assert result.percentage == D(100)
    assert result.koefisien == D("12.5")


def test_the_value_is_exact_where_the_decimal_expansion_ends() -> None:
    # 1/12 × 75 % × 37.5 = 28.125 / 12 = 2.34375 exactly.
    assert angka_kredit(BP, Jenjang.AHLI_MADYA, 1).value == D("2.34375")


def test_carried_precision_and_per_period_rounding_differ_over_twelve_months() -> None:
    # Twelve monthly Ahli Madya Butuh Perbaikan periods, each 1/12 × 0.75 × 37.5 = 2.34375,
    # shown 2.34. Rounding each period first: 12 × 2.34 = 28.08. Carried: 12 × 2.34375 =
    # 28.125 → 28.13, the value of the annual table (example 8).
    months = [angka_kredit(BP, Jenjang.AHLI_MADYA, 1) for _ in range(12)]
    assert all(m.shown == D("2.34") for m in months)
    total = accumulate(months)
    assert total.value == D("28.125")
    assert total.shown == D("28.13")
    assert total.sum_of_shown == D("28.08")
    assert total.rounding_differs
    assert "28.08" in total.steps[0].note


def test_the_carried_total_is_exact_even_when_each_period_is_a_repeating_decimal() -> None:
    # Mahir, Sangat Kurang, six two-month periods: each 2/12 × 25 % × 12.5 = 6.25/12 =
    # 0.52083333… (shown 0.52). Exactly, 6 × 6.25/12 = 37.5/12 = 3.125 → 3.13 (the annual
    # table); per period shown 6 × 0.52 = 3.12. Adding six 28-digit quotients would give
    # 3.1249…98, which shows 3.12: the total must be exact, not merely long.
    periods = [angka_kredit(SK, Jenjang.MAHIR, 2) for _ in range(6)]
    assert all(p.shown == D("0.52") for p in periods)
    assert all(p.twelfths == D("6.25") for p in periods)
    total = accumulate(periods)
    assert total.value == D("3.125")
    assert total.shown == D("3.13")
    assert total.sum_of_shown == D("3.12")


def test_carried_precision_and_per_period_rounding_agree_on_the_bkn_example() -> None:
    # 18.75 + 2.0833… = 20.8333… → 20.83; 18.75 + 2.08 = 20.83 as well.
    annual = angka_kredit(SB, Jenjang.AHLI_PERTAMA, 12)
    part = angka_kredit(B, Jenjang.AHLI_PERTAMA, 2)
    total = accumulate([annual, part])
    assert total.shown == D("20.83")
    assert total.sum_of_shown == D("20.83")
    assert not total.rounding_differs


def test_accumulate_starts_from_an_angka_kredit_already_held() -> None:
    # 100 (held) + 12/12 × 100 % × 25 = 125.
    total = accumulate([angka_kredit(B, Jenjang.AHLI_MUDA)], start="100")
    assert total.start == D(100)
    assert total.value == D(125)


def test_accumulate_of_nothing_is_the_start() -> None:
    assert accumulate([]).value == D(0)
    assert accumulate([], start=D("7.5")).shown == D("7.50")


def test_accumulate_refuses_floats_and_other_objects() -> None:
    with pytest.raises(DecimalInputError):
        accumulate([], start=18.75)  # type: ignore[arg-type]
    with pytest.raises(InputError) as info:
        accumulate([D("1")])  # type: ignore[list-item]
    assert info.value.path == "results[0]"


@pytest.mark.parametrize("months", [0, 13, -1, True, "3", D(3)])
def test_months_must_be_a_whole_number_from_1_to_12(months: object) -> None:
    with pytest.raises(InputError) as info:
        angka_kredit(B, Jenjang.AHLI_MUDA, months)  # type: ignore[arg-type]
    assert info.value.path == "months"


def test_an_unknown_predikat_or_jenjang_is_a_label_error() -> None:
    with pytest.raises(LabelError):
        angka_kredit("Istimewa", Jenjang.AHLI_MUDA)
    with pytest.raises(LabelError):
        angka_kredit(B, "Ahli")


def test_the_perlu_perbaikan_and_cukup_synonyms_give_75_percent() -> None:
    # Ahli Muda: 75 % × 25 = 18.75.
    assert angka_kredit("Perlu Perbaikan", "ahli_muda").value == D("18.75")
    assert angka_kredit("Cukup", "ahli_muda").value == D("18.75")


def test_the_step_cites_pasal_36_and_shows_the_arithmetic() -> None:
    result = angka_kredit(
        B, Jenjang.AHLI_PERTAMA, 2, period=Period.span(dt.date(2024, 1, 1), dt.date(2024, 2, 29))
    )
    (step,) = result.steps
    assert step.rule == "AK-CONVERSION"
    assert result.citation.startswith("PermenPANRB 1/2023 Pasal 36")
    assert result.normative
    assert "2/12 × 100 % × 12.5 = 2.08333333…" in step.output
    assert ("period", "2024-01-01/2024-02-29") in step.inputs
    assert result.to_dict()["shown"] == "2.08"


def test_reaching_the_minimum_exactly_counts() -> None:
    # Ahli Pertama needs 50 for kenaikan pangkat: 50 reaches it, 49.99 is 0.01 short.
    assert reaches_minimum(50, Jenjang.AHLI_PERTAMA).reached
    short = reaches_minimum("49.99", Jenjang.AHLI_PERTAMA, "pangkat")
    assert not short
    assert short.shortfall == D("0.01")
    assert short.minimum == D(50)


def test_the_minimum_compares_the_carried_total() -> None:
    # Ahli Muda, four Baik years of 100 % × 25 = 25 each: 100 carried; jenjang minimum 200.
    total = accumulate([angka_kredit(B, Jenjang.AHLI_MUDA)] * 4)
    check = reaches_minimum(total, Jenjang.AHLI_MUDA, "jenjang")
    assert check.total == D(100)
    assert not check.reached
    assert check.shortfall == D(100)
    assert reaches_minimum(total, Jenjang.AHLI_MUDA, "pangkat").reached


@pytest.mark.parametrize("jenjang", [Jenjang.AHLI_UTAMA, Jenjang.PENYELIA])
def test_the_highest_jenjang_has_no_minimum_for_kenaikan_jenjang(jenjang: Jenjang) -> None:
    with pytest.raises(InputError) as info:
        reaches_minimum(500, jenjang, "jenjang")
    assert info.value.rule == "AK-MINIMUM"
    assert info.value.fix
    assert reaches_minimum(500, jenjang, "pangkat").reached


@pytest.mark.parametrize(
    ("period", "months"),
    [
        (Period.annual(2025), 12),
        (Period.quarter(2025, 2), 3),
        (Period.month(2025, 2), 1),
        (Period.span(dt.date(2024, 1, 1), dt.date(2024, 2, 29)), 2),
        (Period.span(dt.date(2024, 7, 1), dt.date(2025, 6, 30)), 12),
    ],
)
def test_months_of_counts_whole_months(period: Period, months: int) -> None:
    assert months_of(period) == months


@pytest.mark.parametrize(
    "period",
    [
        Period.span(dt.date(2025, 1, 15), dt.date(2025, 6, 30)),
        Period.span(dt.date(2025, 1, 1), dt.date(2025, 6, 29)),
        Period.span(dt.date(2024, 1, 1), dt.date(2025, 1, 31)),
    ],
)
def test_months_of_refuses_spans_that_are_not_1_to_12_whole_months(period: Period) -> None:
    with pytest.raises(InputError) as info:
        months_of(period)
    assert info.value.rule == "AK-MONTHS"


# --------------------------------------------------------------------------------------------
# Tunjangan kinerja
# --------------------------------------------------------------------------------------------


def test_the_kemnaker_policy_holds_the_figures_of_the_digest() -> None:
    # The full table of Lampiran Permenaker 15/2024 p.12 (regulations digest §8 item 1).
    assert dict(KEMNAKER_2025.base) == {
        1: D(2_531_250),
        2: D(2_708_250),
        3: D(2_898_000),
        4: D(2_985_000),
        5: D(3_134_250),
        6: D(3_510_400),
        7: D(3_915_950),
        8: D(4_595_150),
        9: D(5_079_200),
        10: D(5_979_200),
        11: D(8_757_600),
        12: D(9_896_000),
        13: D(10_936_000),
        14: D(17_064_000),
        15: D(19_280_000),
        16: D(27_577_500),
        17: D(33_240_000),
    }
    assert KEMNAKER_2025.performance_share == 70
    assert KEMNAKER_2025.attendance_share == 30
    assert dict(KEMNAKER_2025.performance_percentage) == {SB: 100, B: 100, BP: 85, K: 60, SK: 60}
    cuts = KEMNAKER_2025.cuts
    assert (cuts.per_day_absent, cuts.per_missing_check, cuts.per_minute) == (3, 1, D("0.01"))
    assert cuts.per_missed_ceremony == 3
    assert cuts.cap == 100
    assert "Permenaker 15/2024" in KEMNAKER_2025.citation
