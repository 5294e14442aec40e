"""The rewards looked up in tables of every combination of codes, and the row-by-row fallback.

``tables.rewards`` computes the angka kredit and the tunjangan of every combination of codes
once -- (jenjang, predikat, months); (kelas, predikat); (kelas, cut); (kelas, predikat, cut)
for a policy that rounds the sum once -- and each row gathers its result. A table of more than
2**20 entries is not built: that result is computed row by row, by the same arithmetic. These
tests put a policy on each side of that limit; the figures are worked by hand below from the
policies' own numbers, and each row is compared with the object path
(``compute_allowance``) too. The property test of ``test_rewards.py`` covers the built-in
policies (Kemnaker: the total by table; pemda: the sum of the components) and a policy with a
rounded sum whose table is too large.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

pl = pytest.importorskip("polars")

from asn_performance.consequences import (  # noqa: E402
    AllowancePolicy,
    Attendance,
    AttendanceCuts,
    RewardPolicy,
    compute_allowance,
)
from asn_performance.domain.rating import Predikat  # noqa: E402
from asn_performance.tables import rewards  # noqa: E402

PERCENT = {
    Predikat.SANGAT_BAIK: Decimal(100),
    Predikat.BAIK: Decimal(100),
    Predikat.BUTUH_PERBAIKAN: Decimal(85),
    Predikat.KURANG: Decimal(60),
    Predikat.SANGAT_KURANG: Decimal(60),
}


def _policy(base: dict[int, str], per_minute: str, *, rounded_components: bool) -> RewardPolicy:
    allowance = AllowancePolicy(
        name="test",
        version="1",
        base=base,
        performance_share="70",
        performance_percentage=PERCENT,
        attendance_share="30",
        cuts=AttendanceCuts(
            per_day_absent="3",
            per_missing_check="1",
            per_minute=per_minute,
            per_missed_ceremony="3",
            cap="100",
        ),
        citation="test",
        pay_rounded_components=rounded_components,
    )
    return RewardPolicy(name="test", version="1", allowance=allowance)


def _paid(policy: RewardPolicy, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    out = rewards(pl.DataFrame(rows), policy=policy)
    assert out["problem"].null_count() == len(rows)
    allowance = policy.allowance
    assert allowance is not None
    for item, got in zip(rows, out.iter_rows(named=True), strict=True):
        minutes = item.get("minutes_late_or_early", 0)
        paid = compute_allowance(
            allowance,
            item["kelas"],
            item["predikat"],
            Attendance(minutes_late_or_early=minutes),
        )
        assert (got["tunjangan_kinerja"], got["tunjangan_kehadiran"], got["tunjangan"]) == (
            paid.performance_paid,
            paid.attendance_paid,
            paid.total,
        )
    return list(out.select("tunjangan_kinerja", "tunjangan_kehadiran", "tunjangan").iter_rows())


def test_attendance_table_too_large_is_computed_row_by_row() -> None:
    # Cuts of 0.0001 % a minute: the cuts' common scale is 4 places, so the cap of 100 % is
    # 1,000,000 steps and the (kelas, cut) table would have 2 × 1,000,001 = 2,000,002 entries,
    # more than 2**20 = 1,048,576: each row is computed by the arithmetic.
    policy = _policy({1: "1000000", 2: "2000001"}, "0.0001", rounded_components=True)
    rows = [
        {"predikat": "baik", "kelas": 1, "minutes_late_or_early": 7},
        {"predikat": "baik", "kelas": 2, "minutes_late_or_early": 5},
    ]
    # kelas 1: kinerja 1,000,000 × 70 % × 100 % = 700,000; the cut 7 × 0.0001 = 0.0007 %,
    # kehadiran 1,000,000 × 30 % × 99.9993 % = 299,997.9 -> 299,998; total 999,998.
    # kelas 2: kinerja 2,000,001 × 70 % = 1,400,000.7 -> 1,400,001; the cut 0.0005 %,
    # kehadiran 600,000.3 × 99.9995 % = 600,000.3 - 3.0000015 = 599,997.2999985 -> 599,997;
    # total 1,400,001 + 599,997 = 1,999,998.
    assert _paid(policy, rows) == [
        (Decimal(700_000), Decimal(299_998), Decimal(999_998)),
        (Decimal(1_400_001), Decimal(599_997), Decimal(1_999_998)),
    ]


def test_sum_rounded_once_with_a_total_table_too_large() -> None:
    # Cuts of 0.001 % a minute: scale 3, the cap is 100,000 steps. The (kelas, cut) table has
    # 3 × 100,001 = 300,003 entries (looked up); the (kelas, predikat, cut) table of the total
    # would have 3 × 5 × 100,001 = 1,500,015 > 1,048,576 (computed row by row).
    policy = _policy({1: "1000000.5", 2: "3", 3: "5"}, "0.001", rounded_components=False)
    rows = [
        {"predikat": "baik", "kelas": 1, "minutes_late_or_early": 0},
        {"predikat": "butuh_perbaikan", "kelas": 1, "minutes_late_or_early": 10},
    ]
    # baik, no cut: kinerja 1,000,000.5 × 70 % = 700,000.35 -> 700,000; kehadiran × 30 % =
    # 300,000.15 -> 300,000; the total is the unrounded sum 1,000,000.5 rounded once, half
    # up: 1,000,001 (not 700,000 + 300,000).
    # butuh perbaikan, 10 minutes (cut 0.01 %): kinerja 1,000,000.5 × 70 % × 85 % =
    # 595,000.2975 -> 595,000; kehadiran 300,000.15 × 99.99 % = 300,000.15 - 30.000015 =
    # 299,970.149985 -> 299,970; total 595,000.2975 + 299,970.149985 = 894,970.447485 ->
    # 894,970.
    assert _paid(policy, rows) == [
        (Decimal(700_000), Decimal(300_000), Decimal(1_000_001)),
        (Decimal(595_000), Decimal(299_970), Decimal(894_970)),
    ]


def test_narrow_integer_columns_and_a_uint64_beyond_int64() -> None:
    # Int8/Int16/UInt32 columns are read as they are (every value fits in Int64); a UInt64
    # count of 2**64 - 1 does not fit and is a RANGE problem of that row only.
    policy = _policy({1: "1000000"}, "0.01", rounded_components=True)
    frame = pl.DataFrame(
        {
            "predikat": ["baik", "baik"],
            "kelas": pl.Series([1, 1], dtype=pl.Int8),
            "minutes_late_or_early": pl.Series([10, 0], dtype=pl.UInt32),
            "days_absent": pl.Series([0, 2**64 - 1], dtype=pl.UInt64),
            "missed_ceremonies": pl.Series([1, 0], dtype=pl.Int16),
        }
    )
    out = rewards(frame, policy=policy)
    # row 0: the cut 10 × 0.01 % + 1 ceremony × 3 % = 3.1 %; kinerja 700,000; kehadiran
    # 300,000 × 96.9 % = 290,700; total 990,700
    assert out.row(0, named=True)["tunjangan"] == Decimal(990_700)
    assert out.row(0, named=True)["tunjangan_kehadiran"] == Decimal(290_700)
    second = out.row(1, named=True)
    assert second["tunjangan"] is None
    assert second["problem"].startswith("RANGE: days_absent must be a whole number from 0 to")
