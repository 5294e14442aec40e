"""The per-unit rows of ``tables.distribution`` come sorted out of the count (``_PerUnit``),
their first rows found by the least row index per unit code, and the report's threshold is
one division per row (D4's ceiling as floor((num × total + den - 1) / den))."""

from __future__ import annotations

import pytest

pl = pytest.importorskip("polars")
np = pytest.importorskip("numpy")

from asn_performance import tables  # noqa: E402
from asn_performance.tables._distribution import _first_rows  # noqa: E402


def test_first_rows_are_the_least_index_per_code() -> None:
    # codes by row: 2 0 2 1 0 -> code 0 first at row 1, code 1 at row 3, code 2 at row 0;
    # code 3 (of 4) never occurs
    at, first = _first_rows(np.array([2, 0, 2, 1, 0], dtype=np.uint32), 4)
    assert at.tolist() == [0, 1, 2]
    assert first.to_list() == [1, 3, 0]


def test_first_rows_in_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    # the same rows read 2 at a time: blocks (2 0) (2 1) (0): the least index per code is
    # still 1, 3, 0
    from asn_performance.tables import _distribution

    monkeypatch.setattr(_distribution, "_BLOCK", 2)
    at, first = _first_rows(np.array([2, 0, 2, 1, 0], dtype=np.uint32), 3)
    assert (at.tolist(), first.to_list()) == ([0, 1, 2], [1, 3, 0])


def test_report_in_text_order_whatever_the_codes() -> None:
    # the categories are met in the order Zeta, Mu, Alpha (codes rising in that order), and
    # the last row has no unit: the report lists Alpha, Mu, Zeta, then the row without a
    # unit; each unit's agency is its first row's (Mu: P, not Q)
    frame = pl.DataFrame(
        {
            "unit": ["Zeta", "Mu", "Alpha", "Mu", None],
            "agency": ["R", "P", "S", "Q", "S"],
            "nip": ["1", "2", "3", "4", "5"],
            "predikat": ["baik", "baik", "kurang", "baik", "baik"],
            "organisation_predikat": ["baik", "baik", "baik", "baik", None],
        }
    ).with_columns(pl.col("unit").cast(pl.Enum(["Zeta", "Mu", "Alpha"])))
    report = tables.distribution(frame, agency="agency").report
    heads = report.select(pl.col("unit").cast(pl.String), "agency").unique(maintain_order=True)
    assert heads.rows() == [("Alpha", "S"), ("Mu", "P"), ("Zeta", "R"), (None, "S")]


@pytest.mark.parametrize(
    ("rounding", "minimum_threshold"),
    [
        # a unit of 7 with organisation predikat butuh perbaikan: at least 60 % butuh
        # perbaikan (SE 3/2023); 60 × 7 / 100 = 4.2: strict rounds this minimum up to 5,
        # lenient down to 4
        ("strict", 5),
        ("lenient", 4),
    ],
)
def test_threshold_ceiling_by_one_division(rounding: str, minimum_threshold: int) -> None:
    frame = pl.DataFrame(
        {
            "unit": ["U"] * 7,
            "nip": [str(i) for i in range(7)],
            "predikat": ["butuh_perbaikan"] * 5 + ["baik"] * 2,
            "organisation_predikat": ["butuh_perbaikan"] * 7,
        }
    )
    report = tables.distribution(frame, rounding=rounding).report  # type: ignore[arg-type]
    minimum = report.filter(pl.col("limit_bound") == "min").row(0, named=True)
    # 5 butuh perbaikan of 7: within the minimum either way
    assert (minimum["total"], minimum["threshold"]) == (7, minimum_threshold)
    assert (minimum["count"], minimum["ok"]) == (5, True)
