"""Rewards and consequences of a predikat (asn_performance.consequences.reward).

Every expected number is worked by hand in a comment next to it; none is produced by calling
the code under test. Golden files (tests/golden/rewards/) hold the digest's worked examples
with their sources.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest

from asn_performance import (
    Appraisal,
    Assessment,
    AssessorRole,
    CoreValue,
    Employee,
    Jenjang,
    Nip,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Predikat,
    Rating,
    appraise,
)
from asn_performance.consequences.reward import (
    AK_MINIMUM,
    AK_PERCENTAGE,
    DEFAULT_RECOGNITION,
    KEMNAKER_2025,
    KOEFISIEN,
    NATIONAL,
    REWARD_RULES,
    AkMinimum,
    AllowancePolicy,
    AngkaKreditRule,
    Attendance,
    AttendanceCuts,
    CareerRule,
    ConsequenceRule,
    RecognitionKind,
    RecognitionRule,
    RewardPolicy,
    accumulate,
    angka_kredit,
    compute_allowance,
    consequences,
    improvement_timeline,
    jenjang_promotion_eligible,
    months_of,
    pangkat_reguler_eligible,
    reaches_minimum,
    recognise,
    recommend_development,
    render_steps,
    succession_pool,
)
from asn_performance.exceptions import (
    AsnPerformanceError,
    DecimalInputError,
    InputError,
    LabelError,
    PolicyError,
)

GOLDEN = Path(__file__).parent.parent / "golden" / "rewards"

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
    assert dict(KEMNAKER_2025.base) == {
        1: D(2_531_250),
        7: D(3_915_950),
        10: D(5_979_200),
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


def test_a_kelas_missing_from_the_sources_is_a_clear_error() -> None:
    with pytest.raises(InputError) as info:
        compute_allowance(KEMNAKER_2025, 5, B)
    error = info.value
    assert error.path == "kelas"
    assert error.value == 5
    assert error.rule == "TUKIN-KELAS"
    assert error.fix is not None
    assert "1, 7, 10, 17" in error.fix
    assert "sources" in error.fix


def test_the_total_is_the_sum_of_the_rounded_components_by_default() -> None:
    # Kelas 7, Perlu Perbaikan, 12 minutes late:
    # performance 3,915,950 × 70 % × 85 % = 2,329,990.25 → 2,329,990;
    # attendance 3,915,950 × 30 % = 1,174,785; cut 12 × 0.01 % = 0.12 %;
    # 1,174,785 × 99.88 % = 1,174,785 − 1,409.742 = 1,173,375.258 → 1,173,375;
    # paid 2,329,990 + 1,173,375 = 3,503,365; the rounded sum 3,503,365.508 → 3,503,366.
    result = compute_allowance(
        KEMNAKER_2025, 7, "Perlu Perbaikan", Attendance(minutes_late_or_early=12)
    )
    assert result.cut_percent == D("0.12")
    assert result.attendance == D("1173375.258")
    assert result.attendance_paid == D(1_173_375)
    assert result.performance_paid == D(2_329_990)
    assert result.unrounded_total == D("3503365.508")
    assert result.total == D(3_503_365)
    assert "3,503,366" in result.steps[-1].note


def test_a_policy_may_pay_the_rounded_sum_instead() -> None:
    # Same month as above: round(3,503,365.508) = 3,503,366.
    policy = attrs.evolve(KEMNAKER_2025, pay_rounded_components=False)
    result = compute_allowance(policy, 7, BP, Attendance(minutes_late_or_early=12))
    assert result.total == D(3_503_366)
    assert "3,503,365" in result.steps[-1].note


def test_cuts_are_capped_at_the_whole_attendance_share() -> None:
    # Kelas 1, 40 days absent: 40 × 3 % = 120 % → capped at 100 %: attendance 0.
    # Performance 2,531,250 × 70 % = 1,771,875; total 1,771,875.
    result = compute_allowance(KEMNAKER_2025, 1, B, Attendance(days_absent=40))
    assert result.cut_uncapped == D(120)
    assert result.cut_percent == D(100)
    assert result.attendance == D(0)
    assert result.total == D(1_771_875)
    assert "capped from 120 %" in render_steps(result.steps)


def test_a_lower_cap_is_configurable_and_rupiah_round_half_up() -> None:
    # Cap 50 %: kelas 1 attendance 2,531,250 × 30 % = 759,375 × 50 % = 379,687.5 → 379,688.
    policy = attrs.evolve(KEMNAKER_2025, cuts=attrs.evolve(KEMNAKER_2025.cuts, cap=D(50)))
    result = policy.compute(1, SB, Attendance(days_absent=20))
    assert result.attendance == D("379687.5")
    assert result.attendance_paid == D(379_688)


def test_kurang_and_sangat_kurang_are_paid_60_percent_of_the_performance_share() -> None:
    # Kelas 17: 33,240,000 × 70 % × 60 % = 13,960,800; attendance 33,240,000 × 30 % =
    # 9,972,000; total 23,932,800.
    for predikat in (K, SK):
        result = compute_allowance(KEMNAKER_2025, 17, predikat)
        assert result.performance == D(13_960_800)
        assert result.attendance == D(9_972_000)
        assert result.total == D(23_932_800)


def test_a_missing_check_in_and_out_on_one_day_counts_twice() -> None:
    # Kelas 10: 2 × 1 % = 2 %; 5,979,200 × 30 % = 1,793,760 × 98 % = 1,757,884.8 → 1,757,885.
    result = compute_allowance(KEMNAKER_2025, 10, B, Attendance(missing_checks=2))
    assert result.attendance_paid == D(1_757_885)


def test_an_allowance_policy_checks_its_shares_and_tables() -> None:
    fields: dict[str, Any] = {
        "name": "tpp-contoh",
        "version": "2025",
        "base": {1: 1_000_000},
        "performance_share": 60,
        "performance_percentage": dict.fromkeys(Predikat, 100),
        "attendance_share": 40,
        "cuts": AttendanceCuts(3, 1, "0.01", 3),
        "citation": "Perbup contoh",
    }
    assert AllowancePolicy(**fields).attendance_share == 40
    with pytest.raises(PolicyError) as info:
        AllowancePolicy(**{**fields, "attendance_share": 30})
    assert info.value.rule == "POLICY-SHARES"
    with pytest.raises(PolicyError) as info:
        AllowancePolicy(**{**fields, "performance_percentage": {SB: 100}})
    assert info.value.rule == "POLICY-TABLE"
    with pytest.raises(DecimalInputError):
        AllowancePolicy(**{**fields, "base": {1: 1_000_000.0}})
    with pytest.raises(InputError):
        AllowancePolicy(**{**fields, "base": {0: 1_000_000}})
    with pytest.raises(PolicyError):
        AttendanceCuts(3, 1, "0.01", 3, cap=101)


@pytest.mark.parametrize("bad", [-1, True, "1", 1.0])
def test_attendance_counts_are_whole_numbers_not_negative(bad: object) -> None:
    with pytest.raises(InputError) as info:
        Attendance(days_absent=bad)  # type: ignore[arg-type]
    assert info.value.path == "attendance.days_absent"


def test_an_allowance_is_agency_policy_and_cites_it() -> None:
    result = compute_allowance(KEMNAKER_2025, 7, SB, period=Period.month(2025, 3))
    assert not result.normative
    assert result.citation == KEMNAKER_2025.citation
    assert result.period == "2025-03"
    data = result.to_dict()
    assert data["total"] == "3915950"  # 3,915,950 × 70 % + 3,915,950 × 30 % = 3,915,950
    json.dumps(data)


# --------------------------------------------------------------------------------------------
# Career
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("predikat", "eligible"), [(SB, True), (B, True), (BP, False), (K, False)])
def test_kenaikan_jenjang_needs_at_least_baik_last_year(predikat: Predikat, eligible: bool) -> None:
    check = jenjang_promotion_eligible(predikat)
    assert check.eligible is eligible
    assert bool(check) is eligible
    assert check.rule == "CAREER-JENJANG"
    assert "PerBKN 3/2023" in check.citation
    assert not check.unconfirmed


@pytest.mark.parametrize(
    ("years", "eligible"),
    [((B, B), True), ((SB, B), True), ((B, BP), False), ((BP, SB), False)],
)
def test_pangkat_reguler_needs_at_least_baik_in_each_of_two_years(
    years: tuple[Predikat, Predikat], eligible: bool
) -> None:
    check = pangkat_reguler_eligible(list(years))
    assert check.eligible is eligible
    assert check.unconfirmed
    assert not check.normative
    assert "UNCONFIRMED" in check.citation
    assert check.rule == "D11-PANGKAT-REGULER"


@pytest.mark.parametrize("given", [[B], [B, B, B], "baik"])
def test_pangkat_reguler_looks_at_exactly_two_years(given: object) -> None:
    with pytest.raises(InputError):
        pangkat_reguler_eligible(given)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("by_year", "in_pool"),
    [
        ({2024: SB, 2025: SB}, True),
        ({2023: B, 2024: SB, 2025: SB}, True),
        ({2023: SB, 2025: SB}, False),  # not in a row: 2024 missing
        ({2023: SB, 2024: SB, 2025: B}, False),  # the latest year is not Sangat Baik
        ({2025: SB}, False),
        ({2024: "Sangat Baik", 2025: "sangat_baik"}, True),
    ],
)
def test_sangat_baik_two_years_in_a_row_puts_the_employee_in_the_succession_pool(
    by_year: dict[int, Any], in_pool: bool
) -> None:
    check = succession_pool(by_year)
    assert check.eligible is in_pool
    assert "PP 30/2019" in check.citation


def test_the_succession_run_length_is_configurable() -> None:
    assert not succession_pool({2024: SB, 2025: SB}, years=3)
    assert succession_pool({2023: SB, 2024: SB, 2025: SB}, years=3)


# --------------------------------------------------------------------------------------------
# Appraisals for the remaining rules
# --------------------------------------------------------------------------------------------

MakePlan = Callable[..., PerformancePlan]
MakeAssessment = Callable[..., Assessment]


@pytest.fixture(scope="module")
def appraisal_for(make_plan: MakePlan, make_assessment: MakeAssessment) -> Callable[..., Appraisal]:
    """``appraisal_for(hasil, perilaku, period=..., **assessment_fields)`` for the test unit."""

    def build(
        hasil: Rating,
        perilaku: Rating,
        *,
        period: Period | None = None,
        plan: PerformancePlan | None = None,
        **extra: Any,
    ) -> Appraisal:
        if plan is None:
            year = 2025 if period is None else period.start.year
            plan = make_plan(id=f"skp-{year}-budi", period=Period.annual(year))
        when = plan.period if period is None else period
        lead = make_assessment(
            AssessorRole.PEJABAT_PENILAI, hasil, perilaku, plan=plan, period=when, **extra
        )
        return appraise(plan, [lead], period=when)

    return build


# --------------------------------------------------------------------------------------------
# Recognition and development
# --------------------------------------------------------------------------------------------


def test_sangat_baik_earns_the_recognition_the_regional_reports_describe() -> None:
    recognition = recognise(SB, period=Period.annual(2025))
    assert recognition is not None
    assert recognition.items == DEFAULT_RECOGNITION
    assert recognition.items == (
        RecognitionKind.CERTIFICATE,
        RecognitionKind.PUBLIC_RECOGNITION,
        RecognitionKind.TRAINING_OPPORTUNITY,
    )
    assert not recognition.normative
    assert "not national law" in recognition.citation
    assert "agency practice" in recognition.steps[0].note


def test_baik_earns_no_recognition_by_default_but_an_agency_may_choose_otherwise() -> None:
    assert recognise(B) is None
    custom = recognise(B, for_predikat={"sangat_baik", "baik"}, items=["incentive"])
    assert custom is not None
    assert custom.items == (RecognitionKind.INCENTIVE,)


def test_development_names_the_values_and_work_results_rated_below(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    appraisal = appraisal_for(
        B_,
        S_,
        work_result_ratings={"rhk-1": B_, "rhk-2": S_},
        behaviour_ratings={CoreValue.AKUNTABEL: B_, CoreValue.KOMPETEN: S_, "adaptif": B_},
    )
    assert appraisal.predikat is BP
    advice = recommend_development(appraisal)
    assert advice is not None
    assert advice.values == (CoreValue.AKUNTABEL, CoreValue.ADAPTIF)  # plan (BerAKHLAK) order
    assert [wr_id for wr_id, _ in advice.work_results] == ["rhk-1"]
    assert advice.hasil_kerja_below
    assert not advice.perilaku_kerja_below
    text = advice.text()
    assert "Akuntabel: Melaksanakan tugas dengan jujur" in text
    assert "rhk-1: Tersusunnya rekomendasi kebijakan" in text
    assert not advice.normative


def test_development_without_item_ratings_names_the_dimension(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    appraisal = appraisal_for(S_, B_)
    assert appraisal.predikat is K
    advice = recommend_development(appraisal)
    assert advice is not None
    assert advice.values == ()
    assert advice.work_results == ()
    assert advice.perilaku_kerja_below
    assert "discuss all seven BerAKHLAK values" in advice.text()


def test_baik_needs_no_development_recommendation(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    assert recommend_development(appraisal_for(S_, S_)) is None


def test_the_rules_refuse_what_is_not_an_appraisal() -> None:
    with pytest.raises(InputError):
        recommend_development("baik")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        consequences(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Consequences (PP 30/2019 Pasal 56-58)
# --------------------------------------------------------------------------------------------


def test_the_improvement_timeline_counts_whole_months_and_years() -> None:
    # Received 15 Jan 2026: 6 months from 16 Jan → 15 Jul 2026; reassignment from 16 Jul;
    # placement 16 Jul 2026 for 1 year → 15 Jul 2027; dismissal recommendation from 16 Jul 2027.
    timeline = improvement_timeline(dt.date(2026, 1, 15))
    assert timeline.improvement_from == dt.date(2026, 1, 16)
    assert timeline.improvement_until == dt.date(2026, 7, 15)
    assert timeline.reassignment_from == dt.date(2026, 7, 16)
    assert timeline.placement_from == dt.date(2026, 7, 16)
    assert timeline.placement_until == dt.date(2027, 7, 15)
    assert timeline.dismissal_recommendation_from == dt.date(2027, 7, 16)
    assert [s.code for s in timeline.stages] == [
        "improvement",
        "reassignment",
        "temporary_placement",
        "dismissal_recommendation",
    ]
    assert "Pasal 56-58" in timeline.citation


def test_the_improvement_timeline_handles_month_ends_and_leap_years() -> None:
    # Received 31 Aug 2026: 1 Sep 2026 + 6 months = 1 Mar 2027 → last day 28 Feb 2027;
    # placement from 1 Mar 2027 + 1 year = 1 Mar 2028 → last day 29 Feb 2028 (leap year).
    timeline = improvement_timeline(dt.date(2026, 8, 31))
    assert timeline.improvement_until == dt.date(2027, 2, 28)
    assert timeline.placement_from == dt.date(2027, 3, 1)
    assert timeline.placement_until == dt.date(2028, 2, 29)
    assert timeline.dismissal_recommendation_from == dt.date(2028, 3, 1)


def test_a_later_placement_moves_the_dismissal_recommendation() -> None:
    # Placed 1 Oct 2026 → 30 Sep 2027; dismissal recommendation from 1 Oct 2027.
    timeline = improvement_timeline(dt.date(2026, 1, 15), placed_on=dt.date(2026, 10, 1))
    assert timeline.placement_until == dt.date(2027, 9, 30)
    assert timeline.dismissal_recommendation_from == dt.date(2027, 10, 1)
    with pytest.raises(InputError):
        improvement_timeline(dt.date(2026, 1, 15), placed_on=dt.date(2026, 7, 15))
    with pytest.raises(InputError):
        improvement_timeline(dt.datetime(2026, 1, 15, 9, 0))  # noqa: DTZ001 - refused anyway


def test_a_jpt_is_told_to_retake_the_competence_test() -> None:
    stages = improvement_timeline(dt.date(2026, 1, 15), jpt=True).stages
    assert "uji kompetensi" in stages[1].description


def test_targets_not_met_open_the_timeline_from_the_day_the_result_was_given(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    # The conftest assessment is given on the period's last day, 31 Dec 2025: the window runs
    # 1 Jan 2026 + 6 months → 30 Jun 2026.
    appraisal = appraisal_for(B_, S_)
    outcome = consequences(appraisal)
    assert outcome is not None
    assert outcome.timeline is not None
    assert outcome.timeline.improvement_from == dt.date(2026, 1, 1)
    assert outcome.timeline.improvement_until == dt.date(2026, 6, 30)
    assert not outcome.pembinaan
    given = consequences(appraisal, result_received_on=dt.date(2026, 1, 15))
    assert given is not None
    assert given.timeline is not None
    assert given.timeline.improvement_until == dt.date(2026, 7, 15)


def test_kurang_leads_to_pembinaan_and_the_sanction_only_when_the_agency_says_so(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    appraisal = appraisal_for(A_, B_)
    assert appraisal.predikat is K
    outcome = consequences(appraisal)
    assert outcome is not None
    assert outcome.pembinaan
    assert not outcome.administrative_sanction
    assert outcome.timeline is None  # hasil kerja was above expectation: targets were met
    assert outcome.rule == "PEMBINAAN"
    strict = consequences(appraisal, administrative_sanction=True)
    assert strict is not None
    assert strict.administrative_sanction
    assert "administrative sanction" in strict.steps[-1].output


def test_sangat_kurang_gets_both_the_timeline_and_pembinaan(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    outcome = consequences(appraisal_for(B_, B_))
    assert outcome is not None
    assert outcome.timeline is not None
    assert outcome.pembinaan
    json.dumps(outcome.to_dict())


def test_baik_has_no_consequences(appraisal_for: Callable[..., Appraisal]) -> None:
    assert consequences(appraisal_for(A_, S_)) is None


# --------------------------------------------------------------------------------------------
# RewardPolicy
# --------------------------------------------------------------------------------------------


def test_two_sangat_baik_years_give_angka_kredit_career_and_recognition(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    # The employee is an Ahli Muda (koefisien 25): each Sangat Baik year 150 % × 25 = 37.5;
    # two years 75; with 30 already held 105 ≥ 100 (pangkat minimum), < 200 (jenjang).
    years = [appraisal_for(A_, A_, period=Period.annual(y)) for y in (2024, 2025)]
    outcome = NATIONAL.evaluate(years, prior_angka_kredit=30)
    assert outcome.periods == ("2024", "2025")
    assert [r.value for r in outcome.angka_kredit] == [D("37.5"), D("37.5")]
    assert outcome.angka_kredit_total is not None
    assert outcome.angka_kredit_total.value == D(105)
    pangkat, jenjang = outcome.minimums
    assert pangkat.reached
    assert not jenjang.reached
    assert jenjang.shortfall == D(95)
    rules = {c.rule: c.eligible for c in outcome.career}
    assert rules == {
        "CAREER-JENJANG": True,
        "D11-PANGKAT-REGULER": True,
        "CAREER-SUCCESSION": True,
    }
    assert outcome.recognition is not None
    assert outcome.recognition.period == "2025"
    assert outcome.development is None
    assert outcome.consequences is None
    assert outcome.allowances == ()


def test_monthly_appraisals_give_monthly_allowances_and_prorated_angka_kredit(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    months = [
        appraisal_for(S_, S_, period=Period.month(2025, 1)),  # Baik
        appraisal_for(B_, S_, period=Period.month(2025, 2)),  # Butuh Perbaikan
        appraisal_for(S_, A_, period=Period.month(2025, 3)),  # Baik
    ]
    policy = RewardPolicy("kemnaker-contoh", "2025", allowance=KEMNAKER_2025)
    outcome = policy.evaluate(
        list(reversed(months)),  # any order
        kelas=7,
        attendance={"2025-02": Attendance(minutes_late_or_early=12), "2025-01": Attendance()},
    )
    assert outcome.periods == ("2025-01", "2025-02", "2025-03")
    # Kelas 7: a Baik month with no cuts pays 3,915,950 × 70 % + 3,915,950 × 30 % = 3,915,950;
    # February (Butuh Perbaikan, 12 minutes) pays 2,329,990 + 1,173,375 = 3,503,365.
    assert [a.total for a in outcome.allowances] == [D(3_915_950), D(3_503_365), D(3_915_950)]
    assert "allowance 2025-03: no attendance record; no cuts applied" in outcome.notes
    # Ahli Muda: Baik 1/12 × 100 % × 25 = 25/12 = 2.0833… (shown 2.08); Butuh Perbaikan
    # 1/12 × 75 % × 25 = 1.5625 (shown 1.56). Carried 25/12 + 1.5625 + 25/12 = 5.7291… → 5.73;
    # per-period shown 2.08 + 1.56 + 2.08 = 5.72.
    total = outcome.angka_kredit_total
    assert total is not None
    assert total.shown == D("5.73")
    assert total.sum_of_shown == D("5.72")
    assert outcome.career == ()
    assert any("no annual appraisal" in note for note in outcome.notes)
    # The latest month is Baik: nothing else follows.
    assert outcome.recognition is None
    assert outcome.development is None
    assert outcome.consequences is None


def test_a_weak_year_gives_development_and_consequences(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    appraisal = appraisal_for(B_, S_, work_result_ratings={"rhk-2": B_})
    policy = attrs.evolve(NATIONAL, consequences=ConsequenceRule(administrative_sanction=True))
    outcome = policy.evaluate(appraisal, result_received_on=dt.date(2026, 1, 15))
    assert outcome.development is not None
    assert outcome.development.work_results[0][0] == "rhk-2"
    assert outcome.consequences is not None
    assert outcome.consequences.timeline is not None
    assert outcome.consequences.timeline.improvement_until == dt.date(2026, 7, 15)
    assert not outcome.consequences.pembinaan  # Butuh Perbaikan is not in the pembinaan set
    career = {c.rule: c.eligible for c in outcome.career}
    assert career == {"CAREER-JENJANG": False, "CAREER-SUCCESSION": False}
    assert any("pangkat reguler" in note for note in outcome.notes)
    text = outcome.explain()
    assert "PP 30/2019 Pasal 56-58" in text
    assert "PermenPANRB 1/2023 Pasal 36" in text
    data = outcome.to_dict()
    json.dumps(data)
    assert data["consequences"]["timeline"]["stages"][0]["ends_on"] == "2026-07-15"


def test_every_step_of_an_outcome_names_a_rule_with_a_citation(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    known = {rule.id for rule in REWARD_RULES}
    years = [appraisal_for(B_, B_, period=Period.annual(y)) for y in (2024, 2025)]
    outcome = NATIONAL.evaluate(years)
    assert outcome.steps
    assert {step.rule for step in outcome.steps} <= known
    assert len(outcome.explanation) == len(outcome.steps)


def test_overlapping_periods_are_refused(appraisal_for: Callable[..., Appraisal]) -> None:
    year = appraisal_for(S_, S_)
    march = appraisal_for(S_, S_, period=Period.month(2025, 3))
    with pytest.raises(InputError) as info:
        NATIONAL.evaluate([year, march])
    assert info.value.rule == "REWARD-APPRAISALS"
    assert "counted twice" in info.value.message


def test_a_policy_evaluates_one_employee_at_a_time(
    appraisal_for: Callable[..., Appraisal], make_plan: MakePlan, unit: Any
) -> None:
    other_plan = make_plan(id="skp-2025-rekan", employee=unit.peers[0])
    other = appraisal_for(S_, S_, plan=other_plan)
    with pytest.raises(InputError) as info:
        NATIONAL.evaluate([appraisal_for(S_, S_), other])
    assert "one employee" in info.value.message
    with pytest.raises(InputError):
        NATIONAL.evaluate([])
    with pytest.raises(InputError):
        NATIONAL.evaluate(["baik"])  # type: ignore[list-item]


def test_an_employee_without_a_jabatan_fungsional_earns_no_angka_kredit(
    appraisal_for: Callable[..., Appraisal], make_plan: MakePlan, unit: Any
) -> None:
    plan = make_plan(
        id="skp-2025-siti",
        employee=unit.supervisor,
        pejabat_penilai=unit.atasan,
        atasan_pejabat_penilai=None,
    )
    outcome = NATIONAL.evaluate(appraisal_for(S_, S_, plan=plan))
    assert outcome.angka_kredit == ()
    assert outcome.angka_kredit_total is None
    assert any("not a jabatan fungsional" in note for note in outcome.notes)
    assert "CAREER-JENJANG" not in {c.rule for c in outcome.career}
    # An explicit jenjang overrides the position (Ahli Pertama, Baik: 12.5).
    forced = NATIONAL.evaluate(appraisal_for(S_, S_, plan=plan), jenjang="ahli_pertama")
    assert forced.angka_kredit[0].value == D("12.5")


def test_a_pppk_holds_no_pangkat(
    appraisal_for: Callable[..., Appraisal], make_plan: MakePlan, unit: Any
) -> None:
    # 20001231 2024 2 1 1 001: a NI PPPK (digest §11 example 10).
    pppk = Employee(
        nip=Nip("200012312024211001"),
        name="Rina Kartika",
        position=Position(PositionKind.FUNGSIONAL, "Pranata Komputer", Jenjang.AHLI_PERTAMA),
        unit="Subbagian Perencanaan",
        superior_nip=unit.supervisor.nip,
    )
    years = [
        appraisal_for(
            A_, A_, plan=make_plan(id=f"skp-{y}-rina", employee=pppk, period=Period.annual(y))
        )
        for y in (2024, 2025)
    ]
    outcome = NATIONAL.evaluate(years)
    assert "D11-PANGKAT-REGULER" not in {c.rule for c in outcome.career}
    assert "pangkat reguler: a PPPK holds no pangkat" in outcome.notes


def test_a_rule_set_to_none_is_not_applied(appraisal_for: Callable[..., Appraisal]) -> None:
    bare = RewardPolicy(
        "bare",
        "1",
        angka_kredit=None,
        career=None,
        recognition=None,
        development=None,
        consequences=None,
    )
    outcome = bare.evaluate(appraisal_for(B_, B_))
    assert outcome.steps == ()
    assert outcome.notes == ()


def test_an_allowance_without_a_kelas_is_noted_not_guessed(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    policy = RewardPolicy("kemnaker-contoh", "2025", allowance=KEMNAKER_2025)
    outcome = policy.evaluate(appraisal_for(S_, S_, period=Period.month(2025, 1)))
    assert outcome.allowances == ()
    assert any("no kelas jabatan given" in note for note in outcome.notes)
    annual = policy.evaluate(appraisal_for(S_, S_), kelas=7)
    assert annual.allowances == ()
    assert any("paid on monthly predikat" in note for note in annual.notes)


def test_one_attendance_record_for_several_months_is_refused(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    policy = RewardPolicy("kemnaker-contoh", "2025", allowance=KEMNAKER_2025)
    months = [appraisal_for(S_, S_, period=Period.month(2025, m)) for m in (1, 2)]
    with pytest.raises(InputError) as info:
        policy.evaluate(months, kelas=7, attendance=Attendance())
    assert info.value.path == "attendance"


def test_a_reward_policy_is_frozen_data_with_checked_rules() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        NATIONAL.name = "other"  # type: ignore[misc]
    with pytest.raises(InputError):
        RewardPolicy("x", "1", allowance="kemnaker")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        RewardPolicy("", "1")
    with pytest.raises(PolicyError):
        AngkaKreditRule(percentages={SB: 150})
    with pytest.raises(InputError):
        CareerRule(succession_years=0)
    with pytest.raises(InputError):
        ConsequenceRule(improvement_months=True)  # type: ignore[arg-type]
    rule = RecognitionRule(for_predikat=["Sangat Baik", "baik"])
    assert rule.for_predikat == frozenset({SB, B})
    assert isinstance(NATIONAL.angka_kredit, AngkaKreditRule)
    assert NATIONAL.allowance is None


def test_errors_of_this_module_belong_to_the_library_tree() -> None:
    with pytest.raises(AsnPerformanceError):
        compute_allowance(KEMNAKER_2025, 2, B)
    with pytest.raises(AsnPerformanceError):
        compute_allowance("kemnaker", 7, B)  # type: ignore[arg-type]


def test_the_rulebook_flags_what_is_not_national_law() -> None:
    rules = {rule.id: rule for rule in REWARD_RULES}
    assert not rules["D11-PANGKAT-REGULER"].normative
    assert not rules["RECOGNITION"].normative
    assert not rules["TUKIN-PERFORMANCE"].normative
    assert rules["AK-CONVERSION"].normative
    assert rules["PP30-TARGETS-NOT-MET"].normative
    assert all(rule.citation for rule in REWARD_RULES)


# --------------------------------------------------------------------------------------------
# The rulebook and RewardInputs
# --------------------------------------------------------------------------------------------


def test_every_reward_rule_is_in_the_rulebook_so_explanations_show_its_citation() -> None:
    from asn_performance import Explanation
    from asn_performance.services.rulebook import RULEBOOK

    for rule in REWARD_RULES:
        assert RULEBOOK[rule.id] is rule
    result = angka_kredit("Baik", "Ahli Pertama", months=2)
    text = Explanation(result.steps).render()
    assert "[AK-CONVERSION] Angka kredit from the predikat" in text
    assert "source: PermenPANRB 1/2023 Pasal 36" in text
    assert render_steps(result.steps) == text


def test_the_allowance_explanation_cites_the_agency_regulation() -> None:
    result = compute_allowance(KEMNAKER_2025, 7, "Baik")
    assert result.steps[0].note == f"regulation: {KEMNAKER_2025.citation}"


def test_reward_inputs_are_checked_and_keyed_by_month() -> None:
    from asn_performance.consequences.reward import RewardInputs

    inputs = RewardInputs(
        kelas=7,
        attendance={Period.month(2025, 3): Attendance(days_absent=1), "2025-01": Attendance()},
        prior_angka_kredit="12.5",
    )
    assert list(inputs.attendance) == ["2025-01", "2025-03"]
    assert inputs.prior_angka_kredit == Decimal("12.5")
    assert RewardInputs() == RewardInputs(attendance={}, prior_angka_kredit=0)
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"kelas": 0}, "kelas", "RANGE"),
        ({"kelas": True}, "kelas", "TYPE"),
        ({"attendance": {"2025": Attendance()}}, "attendance['2025']", "TUKIN-ATTENDANCE"),
        ({"attendance": {"2025-13": Attendance()}}, "attendance['2025-13'].month", "PERIOD-KIND"),
        ({"attendance": {"2025-03": {"days_absent": 1}}}, "attendance['2025-03']", "TYPE"),
        (
            {"attendance": {"2025-03": Attendance(), Period.month(2025, 3): Attendance()}},
            "attendance['2025-03']",
            "TUKIN-ATTENDANCE",
        ),
        ({"attendance": [Attendance()]}, "attendance", "TYPE"),
        ({"prior_angka_kredit": -1}, "prior_angka_kredit", "D5-NONNEGATIVE"),
        ({"prior_angka_kredit": 1.5}, "prior_angka_kredit", "D5-EXACT"),
        ({"result_received_on": "2026-01-20"}, "result_received_on", "TYPE"),
    ]
    for kwargs, path, rule in cases:
        with pytest.raises(AsnPerformanceError) as info:
            RewardInputs(**kwargs)
        assert (info.value.path, info.value.rule) == (path, rule), kwargs


def test_reward_inputs_evaluate_is_the_policy_with_those_inputs(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    from asn_performance.consequences.reward import RewardInputs

    march = appraisal_for(S_, S_, period=Period.month(2025, 3))
    inputs = RewardInputs(
        kelas=7, attendance={"2025-03": Attendance(days_absent=1)}, prior_angka_kredit="10"
    )
    policy = attrs.evolve(NATIONAL, allowance=KEMNAKER_2025)
    assert inputs.evaluate(policy, march) == policy.evaluate(
        march, kelas=7, attendance={"2025-03": Attendance(days_absent=1)}, prior_angka_kredit=10
    )
    with pytest.raises(PolicyError):
        inputs.evaluate(KEMNAKER_2025, march)  # type: ignore[arg-type]
