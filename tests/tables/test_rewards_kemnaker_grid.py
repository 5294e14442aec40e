"""The table path pays the Kemnaker tunjangan as the object path does: the full 17-kelas table
and the net rounded once, over the 1,020-cell grid of tests/unit/consequences/
test_kemnaker_rounding.py (issue 13 item 9)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

pl = pytest.importorskip("polars")

from asn_performance.boundary.policy_files import load_builtin_policy  # noqa: E402
from asn_performance.consequences import RewardPolicy  # noqa: E402
from asn_performance.consequences.allowance import (  # noqa: E402
    KEMNAKER_2025,
    Attendance,
    compute_allowance,
)
from asn_performance.domain.rating import Predikat  # noqa: E402
from asn_performance.tables._columns import Columns  # noqa: E402
from asn_performance.tables._rewards import rewards_polars  # noqa: E402

KEMNAKER = load_builtin_policy("kemnaker_2025")
COMPONENTS = attrs.evolve(
    KEMNAKER, allowance=attrs.evolve(KEMNAKER_2025, pay_rounded_components=True)
)
RECORDS = (  # (days absent, missing checks, minutes, ceremonies), as in the object test
    (0, 0, 0, 0),
    (0, 0, 12, 0),
    (1, 0, 0, 0),
    (0, 1, 0, 0),
    (0, 0, 60, 0),
    (0, 0, 0, 1),
    (1, 2, 60, 1),
    (0, 0, 149, 0),
    (0, 2, 30, 0),
    (0, 0, 25, 0),
    (0, 0, 7, 0),
    (3, 0, 45, 0),
)


def _grid() -> pl.DataFrame:
    rows = [
        {
            "predikat": predikat.code,
            "kelas": kelas,
            "days_absent": record[0],
            "missing_checks": record[1],
            "minutes_late_or_early": record[2],
            "missed_ceremonies": record[3],
        }
        for kelas in range(1, 18)
        for predikat in Predikat
        for record in RECORDS
    ]
    return pl.DataFrame(rows)


def _run(policy: RewardPolicy) -> pl.DataFrame:
    return rewards_polars(_grid().lazy(), policy, Columns()).collect()


def test_the_kemnaker_file_is_the_built_in_policy() -> None:
    assert KEMNAKER.allowance == KEMNAKER_2025


@pytest.mark.parametrize("policy", [KEMNAKER, COMPONENTS], ids=["net", "components"])
def test_the_table_path_gives_the_object_paths_amounts_in_every_cell(
    policy: RewardPolicy,
) -> None:
    out = _run(policy)
    assert out.height == 1020
    assert out["problem"].null_count() == 1020
    allowance = policy.allowance
    assert allowance is not None
    for got in out.iter_rows(named=True):
        attendance = Attendance(
            got["days_absent"],
            got["missing_checks"],
            got["minutes_late_or_early"],
            got["missed_ceremonies"],
        )
        want = compute_allowance(allowance, got["kelas"], got["predikat"], attendance)
        assert got["tunjangan_kinerja"] == want.performance_paid
        assert got["tunjangan_kehadiran"] == want.attendance_paid
        assert got["tunjangan"] == want.total


def test_the_two_roundings_differ_in_19_cells_of_the_grid() -> None:
    # The count worked by hand in tests/unit/consequences/test_kemnaker_rounding.py; e.g.
    # kelas 7, Butuh Perbaikan, 12 minutes: net 3,503,366, components 3,503,365.
    net, parts = _run(KEMNAKER), _run(COMPONENTS)
    differ = net["tunjangan"] != parts["tunjangan"]
    assert int(differ.sum()) == 19
    cell = (net["kelas"] == 7) & (net["predikat"] == "butuh_perbaikan")
    cell = cell & (net["minutes_late_or_early"] == 12)
    assert net.filter(cell)["tunjangan"].to_list() == [Decimal(3_503_366)]
    assert parts.filter(cell)["tunjangan"].to_list() == [Decimal(3_503_365)]
