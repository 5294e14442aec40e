"""Leave (Permenaker 15/2024 Pasal 14), tugas belajar, CLTN and MPP (Pasal 4 huruf d) in the
Kemnaker tunjangan kinerja (issue 13 item 9).

Sources (copied into docs/explanation/rewards.md): regulations digest §8 item 1 -- Pasal 14 on
the *whole* tukin, written "dibayarkan setelah dikurangi X %" (X is the reduction: "dikurangi
75 %" is paid 25 %); cuti besar 50/75/90 %; cuti sakit 0/50/75 %, beyond 3 months 100 %; cuti
sakit for a miscarriage 0 % up to one month, then 1 % per day up to one and a half months;
paid in full: cuti tahunan, melahirkan, alasan penting, cuti besar under one month; no tukin
during CLTN or MPP; tugas belajar 80 % with the Pasal 13 cuts.

Every expected number is worked by hand in a comment.
"""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest

from asn_performance.boundary.policy_files import (
    dump_reward_policy,
    load_builtin_policy,
    load_reward_policy,
)
from asn_performance.consequences.allowance import (
    KEMNAKER_2025,
    KEMNAKER_LEAVE,
    Attendance,
    DutyStatus,
    Leave,
    LeaveKind,
    LeavePolicy,
    compute_allowance,
)
from asn_performance.consequences.policy import render_steps
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError, PolicyError

D = Decimal
B = Predikat.BAIK
# Kelas 7, Baik, no cuts: 3,915,950 × 70 % = 2,741,165 and 3,915,950 × 30 % = 1,174,785.
KELAS_7 = 3_915_950


def pay(leave: Leave | None = None, status: str | None = None, **kw: int) -> Decimal:
    kelas = kw.pop("kelas", 7)
    return compute_allowance(
        KEMNAKER_2025, kelas, B, Attendance(**kw), leave=leave, status=status
    ).total


@pytest.mark.parametrize(
    ("month", "paid"),
    [
        (1, D(1_957_975)),  # dikurangi 50 %: 3,915,950 × 50 % = 1,957,975
        (2, D(978_988)),  # dikurangi 75 %: paid 25 %: 3,915,950 × 25 % = 978,987.5 → 978,988
        (3, D(391_595)),  # dikurangi 90 %: paid 10 %: 3,915,950 × 10 % = 391,595
    ],
)
def test_cuti_besar_is_paid_after_the_reduction(month: int, paid: Decimal) -> None:
    assert pay(Leave(LeaveKind.LONG, month=month)) == paid


def test_dikurangi_75_is_paid_25_not_75() -> None:
    # A public implementation paid 75 % in month 2 (more than month 1's 50 %); here month 2
    # pays less than month 1: 978,988 < 1,957,975, and the steps say so.
    result = compute_allowance(KEMNAKER_2025, 7, B, leave=Leave("cuti_besar", month=2))
    assert result.paid_percent == D(25)
    # components: 2,741,165 × 25 % = 685,291.25; 1,174,785 × 25 % = 293,696.25;
    # net 978,987.5 → 978,988 (the components rounded would give 685,291 + 293,696 = 978,987)
    assert result.performance == D("685291.25")
    assert result.attendance == D("293696.25")
    assert result.total == D(978_988)
    text = render_steps(result.steps)
    assert "reduced 75 %: paid 25 %" in text
    assert [step.rule.id for step in result.steps] == [
        "TUKIN-PERFORMANCE",
        "TUKIN-ATTENDANCE",
        "TUKIN-LEAVE",
        "TUKIN-TOTAL",
    ]


def test_a_cuti_besar_has_three_months() -> None:
    with pytest.raises(InputError) as info:
        pay(Leave(LeaveKind.LONG, month=4))
    assert (info.value.path, info.value.rule, info.value.value) == ("leave.month", "TUKIN-LEAVE", 4)
    assert info.value.fix


@pytest.mark.parametrize(
    ("month", "paid"),
    [
        (1, D(KELAS_7)),  # dikurangi 0 %
        (2, D(1_957_975)),  # dikurangi 50 %
        (3, D(978_988)),  # dikurangi 75 %: 978,987.5 → 978,988
        (4, D(0)),  # beyond 3 months: dikurangi 100 %
        (12, D(0)),
    ],
)
def test_cuti_sakit_by_month(month: int, paid: Decimal) -> None:
    assert pay(Leave(LeaveKind.SICK, month=month)) == paid


@pytest.mark.parametrize(
    ("days", "paid"),
    [
        (20, D(KELAS_7)),  # up to one month: 0 %
        (30, D(KELAS_7)),
        (31, D(3_876_791)),  # 1 day × 1 % = 1 %: 3,915,950 × 99 % = 3,876,790.5 → 3,876,791
        (40, D(3_524_355)),  # 10 days × 1 % = 10 %: 3,915,950 × 90 % = 3,524,355
        (45, D(3_328_558)),  # 15 days × 1 % = 15 %: 3,915,950 × 85 % = 3,328,557.5 → 3,328,558
    ],
)
def test_a_miscarriage_leave_is_reduced_1_percent_a_day_after_one_month(
    days: int, paid: Decimal
) -> None:
    assert pay(Leave(LeaveKind.SICK_MISCARRIAGE, days=days)) == paid


def test_a_miscarriage_leave_past_one_and_a_half_months_is_refused() -> None:
    with pytest.raises(InputError) as info:
        pay(Leave(LeaveKind.SICK_MISCARRIAGE, days=46))
    assert (info.value.path, info.value.rule, info.value.value) == ("leave.days", "TUKIN-LEAVE", 46)


@pytest.mark.parametrize(
    "kind",
    [
        LeaveKind.ANNUAL,
        LeaveKind.MATERNITY,
        LeaveKind.IMPORTANT_REASON,
        LeaveKind.LONG_UNDER_A_MONTH,
    ],
)
def test_the_kinds_paid_in_full_keep_the_pasal_13_cuts(kind: LeaveKind) -> None:
    # Kelas 7, Baik, 12 minutes late: 2,741,165 + 1,174,785 × 99.88 % (= 1,173,375.258)
    # = 3,914,540.258 → 3,914,540: the leave takes away neither the pay nor the cuts.
    assert pay(Leave(kind), minutes_late_or_early=12) == D(3_914_540)


def test_tugas_belajar_is_80_percent_with_the_cuts() -> None:
    # Kelas 10, Baik, cuts 8.6 %: 4,185,440 + 1,639,496.64 = 5,824,936.64; × 80 % =
    # 4,659,949.312 → 4,659,949 (performance 3,348,352, attendance 1,311,597.312).
    result = compute_allowance(
        KEMNAKER_2025,
        10,
        B,
        Attendance(days_absent=1, missing_checks=2, minutes_late_or_early=60, missed_ceremonies=1),
        status=DutyStatus.TUGAS_BELAJAR,
    )
    assert result.performance == D(3_348_352)
    assert result.attendance == D("1311597.312")
    assert result.total == D(4_659_949)
    assert result.steps[2].rule.id == "TUKIN-STUDY"


def test_tugas_belajar_on_top_of_a_leave() -> None:
    # Kelas 1, Baik: cuti besar month 1 (paid 50 %) × tugas belajar 80 % = 40 %;
    # 2,531,250 × 40 % = 1,012,500 (library decision: the two multiply).
    result = compute_allowance(
        KEMNAKER_2025, 1, B, leave=Leave("cuti_besar"), status="tugas_belajar"
    )
    assert result.paid_percent == D(40)
    assert result.total == D(1_012_500)


@pytest.mark.parametrize(
    ("leave", "status"),
    [(Leave(LeaveKind.CLTN), None), (None, DutyStatus.MPP), (None, "bebas_tugas_mpp")],
)
def test_no_tukin_during_cltn_or_mpp(leave: Leave | None, status: object) -> None:
    result = compute_allowance(KEMNAKER_2025, 17, B, leave=leave, status=status)  # type: ignore[arg-type]
    assert (result.total, result.performance_paid, result.attendance_paid) == (0, 0, 0)
    assert result.paid_percent == 0
    assert result.steps[2].rule.id == "TUKIN-NOT-PAID"


def test_the_result_records_the_leave() -> None:
    result = compute_allowance(KEMNAKER_2025, 7, B, leave=Leave("cuti_sakit", month=2))
    data = result.to_dict()
    assert (data["leave"], data["status"], data["paid_percent"]) == ("cuti_sakit", None, "50")
    assert data["total"] == "1957975"
    json.dumps(data)
    plain = compute_allowance(KEMNAKER_2025, 7, B).to_dict()
    assert "leave" not in plain
    assert "paid_percent" not in plain


def test_a_policy_without_leave_rules_refuses_a_leave() -> None:
    policy = attrs.evolve(KEMNAKER_2025, leave=None)
    with pytest.raises(InputError) as info:
        compute_allowance(policy, 7, B, leave=Leave("cuti_tahunan"))
    assert (info.value.path, info.value.rule) == ("leave", "TUKIN-LEAVE")
    assert info.value.value == "cuti_tahunan"
    with pytest.raises(InputError) as info:
        compute_allowance(policy, 7, B, status="tugas_belajar")
    assert (info.value.path, info.value.rule) == ("status", "TUKIN-LEAVE")


def test_bad_leave_inputs_name_the_field() -> None:
    with pytest.raises(InputError) as info:
        Leave("cuti_panjang")
    assert (info.value.path, info.value.rule) == ("leave.kind", "TYPE")
    assert "cuti_besar" in (info.value.fix or "")
    with pytest.raises(InputError) as info:
        Leave("cuti_besar", days=3)
    assert (info.value.path, info.value.rule) == ("leave.days", "TUKIN-LEAVE")
    with pytest.raises(InputError) as info:
        Leave("cuti_sakit_gugur_kandungan")
    assert (info.value.path, info.value.rule) == ("leave.days", "TUKIN-LEAVE")
    with pytest.raises(InputError) as info:
        Leave("cuti_sakit", month=0)
    assert (info.value.path, info.value.rule) == ("leave.month", "RANGE")
    with pytest.raises(InputError) as info:
        compute_allowance(KEMNAKER_2025, 7, B, status="cuti")
    assert (info.value.path, info.value.rule) == ("status", "TYPE")
    with pytest.raises(InputError) as info:
        compute_allowance(KEMNAKER_2025, 7, B, leave="cuti_besar")  # type: ignore[arg-type]
    assert (info.value.path, info.value.rule) == ("leave", "TYPE")


def test_a_leave_policy_checks_its_tables() -> None:
    with pytest.raises(PolicyError) as info:
        attrs.evolve(KEMNAKER_LEAVE, paid_in_full=("cltn",))
    assert (info.value.path, info.value.rule) == ("leave.paid_in_full", "POLICY-TABLE")
    with pytest.raises(PolicyError) as info:
        attrs.evolve(KEMNAKER_LEAVE, long_leave=(50, 101))
    assert info.value.path == "leave.long_leave[1]"
    with pytest.raises(PolicyError) as info:
        attrs.evolve(KEMNAKER_LEAVE, miscarriage_last_day=200)  # 170 days × 1 % > 100 %
    assert info.value.path == "leave.miscarriage_per_day"
    assert isinstance(KEMNAKER_LEAVE, LeavePolicy)


def test_the_kemnaker_file_carries_the_leave_rules() -> None:
    policy = load_builtin_policy("kemnaker_2025")
    assert policy.allowance is not None
    assert policy.allowance.leave == KEMNAKER_LEAVE
    data = dump_reward_policy(policy)
    assert data["allowance"]["leave"]["long_leave"] == ["50", "75", "90"]
    assert load_reward_policy(data) == policy
    data["allowance"]["leave"]["sick_leave"] = ["0", "50", "175"]
    with pytest.raises(PolicyError) as info:
        load_reward_policy(data)
    assert info.value.path == "$.allowance.leave.sick_leave[2]"
