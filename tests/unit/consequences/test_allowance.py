"""Tunjangan kinerja / TPP (asn_performance.consequences.allowance).

Every expected number is worked by hand in a comment next to it; none is produced by calling
the code under test. Golden files (tests/golden/rewards/) hold the digest's worked examples
with their sources.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from asn_performance import (
    Period,
    Predikat,
    Rating,
)
from asn_performance.consequences.allowance import (
    KEMNAKER_2025,
    AllowancePolicy,
    Attendance,
    AttendanceCuts,
    compute_allowance,
)
from asn_performance.consequences.career import (
    jenjang_promotion_eligible,
)
from asn_performance.consequences.policy import (
    render_steps,
)
from asn_performance.exceptions import (
    AsnPerformanceError,
    DecimalInputError,
    InputError,
    PolicyError,
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


def test_a_kelas_missing_from_the_table_is_a_clear_error() -> None:
    # Kemnaker has kelas 1-17 (Lampiran Permenaker 15/2024); kelas 18 is not in its table.
    with pytest.raises(InputError) as info:
        compute_allowance(KEMNAKER_2025, 18, B)
    error = info.value
    assert error.path == "kelas"
    assert error.value == 18
    assert error.rule == "TUKIN-KELAS"
    assert error.fix is not None
    assert "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17" in error.fix


def test_a_policy_may_pay_the_sum_of_the_rounded_components() -> None:
    # Kelas 7, Perlu Perbaikan, 12 minutes late:
    # performance 3,915,950 × 70 % × 85 % = 2,329,990.25 → 2,329,990;
    # attendance 3,915,950 × 30 % = 1,174,785; cut 12 × 0.01 % = 0.12 %;
    # 1,174,785 × 99.88 % = 1,174,785 − 1,409.742 = 1,173,375.258 → 1,173,375;
    # paid 2,329,990 + 1,173,375 = 3,503,365; the rounded sum 3,503,365.508 → 3,503,366.
    policy = attrs.evolve(KEMNAKER_2025, pay_rounded_components=True)
    result = compute_allowance(policy, 7, "Perlu Perbaikan", Attendance(minutes_late_or_early=12))
    assert result.cut_percent == D("0.12")
    assert result.attendance == D("1173375.258")
    assert result.attendance_paid == D(1_173_375)
    assert result.performance_paid == D(2_329_990)
    assert result.unrounded_total == D("3503365.508")
    assert result.total == D(3_503_365)
    assert "3,503,366" in result.steps[-1].note


def test_the_kemnaker_policy_pays_the_rounded_sum() -> None:
    # Same month as above: round(3,503,365.508) = 3,503,366 (the ministry rounds once).
    result = compute_allowance(KEMNAKER_2025, 7, BP, Attendance(minutes_late_or_early=12))
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


def test_errors_of_this_module_belong_to_the_library_tree() -> None:
    with pytest.raises(AsnPerformanceError):
        compute_allowance(KEMNAKER_2025, 18, B)
    with pytest.raises(AsnPerformanceError):
        compute_allowance("kemnaker", 7, B)  # type: ignore[arg-type]


def test_the_allowance_explanation_cites_the_agency_regulation() -> None:
    result = compute_allowance(KEMNAKER_2025, 7, "Baik")
    assert result.steps[0].note == f"regulation: {KEMNAKER_2025.citation}"
