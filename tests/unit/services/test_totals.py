"""The unit's reward totals (rule UNIT-REWARD-TOTALS, a library decision): the amounts as
paid, added, never rounded again. Numbers worked by hand from the Kemnaker 2025 table
(kelas 7: tukin 3,915,950; performance 70 %, attendance 30 %; Baik 100 %, Butuh Perbaikan
85 %)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance import Period, Predikat
from asn_performance.consequences import RewardOutcome
from asn_performance.consequences.allowance import KEMNAKER_2025, Attendance, compute_allowance
from asn_performance.exceptions import InputError
from asn_performance.services.rulebook import RULEBOOK
from asn_performance.services.totals import reward_totals

D = Decimal
MARCH, APRIL = Period.month(2025, 3), Period.month(2025, 4)
NIP_A, NIP_B = "199010102015031001", "199508302022212001"


def _outcome(nip: str, *allowances: object) -> RewardOutcome:
    return RewardOutcome(
        policy="kemnaker",
        version="2025",
        nip=nip,
        periods=tuple(a.period for a in allowances),  # type: ignore[attr-defined]
        allowances=allowances,  # type: ignore[arg-type]
    )


def _unit() -> tuple[RewardOutcome, ...]:
    late = Attendance(days_absent=1, minutes_late_or_early=30)
    return (
        # A, March, Baik, no cuts: 2,741,165 + 1,174,785 = 3,915,950.
        # A, April, Butuh Perbaikan: 2,741,165 × 85 % = 2,329,990.25 → 2,329,990; + 1,174,785.
        _outcome(
            NIP_A,
            compute_allowance(KEMNAKER_2025, 7, Predikat.BAIK, period=MARCH),
            compute_allowance(KEMNAKER_2025, 7, Predikat.BUTUH_PERBAIKAN, period=APRIL),
        ),
        # B, March, Baik, cuts 3 % + 30 × 0.01 % = 3.3 %: 1,174,785 × 96.7 % = 1,136,017.095
        # → 1,136,017; total 2,741,165 + 1,136,017 = 3,877,182.
        _outcome(NIP_B, compute_allowance(KEMNAKER_2025, 7, Predikat.BAIK, late, period=MARCH)),
        _outcome("199203152022211002"),  # evaluated, paid nothing (no kelas)
    )


def test_totals_add_what_is_paid_period_by_period() -> None:
    totals = reward_totals(_unit())
    march, april = totals.periods
    # March: 2 paid; 2,741,165 × 2 = 5,482,330; 1,174,785 + 1,136,017 = 2,310,802;
    # 3,915,950 + 3,877,182 = 7,793,132.
    assert (march.period, march.employees) == ("2025-03", 2)
    assert (march.performance_paid, march.attendance_paid, march.total) == (
        D(5482330),
        D(2310802),
        D(7793132),
    )
    assert (april.period, april.employees) == ("2025-04", 1)
    assert (april.performance_paid, april.attendance_paid, april.total) == (
        D(2329990),
        D(1174785),
        D(3504775),
    )
    # All: 7,812,320 + 3,485,587 = 11,297,907 = 7,793,132 + 3,504,775.
    assert (totals.performance_paid, totals.attendance_paid, totals.total) == (
        D(7812320),
        D(3485587),
        D(11297907),
    )
    assert (totals.employees, totals.paid) == (3, 2)
    assert (totals.minimum_reached, totals.minimum_short, totals.pembinaan) == (0, 0, 0)


def test_totals_are_json_ready_and_explained() -> None:
    totals = reward_totals(_unit())
    record = totals.to_dict()
    assert record["rule"] == "UNIT-REWARD-TOTALS"
    assert record["total"] == "11297907"
    assert record["periods"][1] == {
        "period": "2025-04",
        "employees": 1,
        "performance_paid": "2329990",
        "attendance_paid": "1174785",
        "total": "3504775",
    }
    (step,) = totals.steps
    assert step.rule == "UNIT-REWARD-TOTALS"
    assert step.output == "11297907"
    assert RULEBOOK["UNIT-REWARD-TOTALS"].normative is False


def test_no_outcome_gives_zero_totals() -> None:
    totals = reward_totals(())
    assert (totals.employees, totals.paid, totals.periods, totals.total) == (0, 0, (), D(0))


@pytest.mark.parametrize("bad", [None, "outcomes", [object()]])
def test_totals_refuse_what_is_not_a_list_of_outcomes(bad: object) -> None:
    with pytest.raises(InputError) as caught:
        reward_totals(bad)  # type: ignore[arg-type]
    assert caught.value.rule == "TYPE"
    assert (caught.value.path or "").startswith("outcomes")
