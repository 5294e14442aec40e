"""The roll-up of a distribution report, counted along the report's rows (a unit's rows are
consecutive): checked on reports written by hand, with the counts worked out by hand."""

from __future__ import annotations

import pytest

pl = pytest.importorskip("polars")

from asn_performance.tables._report import rollup_polars  # noqa: E402


def _report(
    rows: list[tuple[object, ...]], heads: tuple[str, ...], counts: object = pl.Int32
) -> pl.LazyFrame:
    """A report written by hand; its counts 32-bit, as ``tables.distribution`` writes them."""
    names = (*heads, "organisation_predikat", "ok", "problem", "total", "not_counted", "duplicates")
    return pl.LazyFrame(
        [dict(zip(names, row, strict=True)) for row in rows],
        schema={
            **dict.fromkeys(heads, pl.String),
            "organisation_predikat": pl.String,
            "ok": pl.Boolean,
            "problem": pl.String,
            "total": counts,
            "not_counted": counts,
            "duplicates": counts,
        },
        orient="row",
    )


# unit, agency, organisation predikat, ok, problem, total, not counted, duplicates; in the
# report's order (by unit, nulls last), one row per unit and limit.
_ROWS = [
    ("A", "X", "baik", True, None, 10, 0, 1),
    ("A", "X", "baik", False, None, 10, 0, 1),  # A breaks its second limit
    ("B", "X", "istimewa", False, None, 5, 1, 0),  # B breaks its first limit
    ("B", "X", "istimewa", True, None, 5, 1, 0),
    ("C", "Y", None, None, "SE3/2023-ORGANISATION-PREDIKAT: ...", 3, 0, 0),  # not checked
    ("D", "Y", "baik", False, None, 4, 0, 0),  # one limit row, broken
    ("E", "Y", "baik", True, None, 2, 0, 0),
    ("E", "Y", "baik", True, None, 2, 0, 0),  # within both
    ("F", "X", "baik", True, None, 6, 0, 2),
    ("F", "X", "baik", True, None, 6, 0, 2),  # within both
    (None, "Y", None, None, "SE3/2023-DISTRIBUTION: rows without a unit ...", 0, 2, 0),
]


def test_rollup_by_agency_counts_each_unit_once() -> None:
    rollup = rollup_polars(_report(_ROWS, ("unit", "agency")), "agency").collect()
    # X: units A, B, F; A and B break a limit (one row each, second and first), F is within;
    # employees 10 + 5 + 6 = 21, not counted 1 (B), duplicates 1 (A) + 2 (F) = 3.
    # Y: units C, D, E and the rows without a unit; D breaks its limit, C and the unit-less
    # rows have a problem, E is within; employees 3 + 4 + 2 + 0 = 9, not counted 2.
    assert rollup.to_dicts() == [
        {
            "agency": "X",
            "units": 3,
            "units_within": 1,
            "units_violating": 2,
            "units_with_problem": 0,
            "employees": 21,
            "not_counted": 1,
            "duplicates": 3,
        },
        {
            "agency": "Y",
            "units": 4,
            "units_within": 1,
            "units_violating": 1,
            "units_with_problem": 2,
            "employees": 9,
            "not_counted": 2,
            "duplicates": 0,
        },
    ]


def test_rollup_of_everything() -> None:
    rows = [(unit, *rest) for unit, _agency, *rest in _ROWS]
    rollup = rollup_polars(_report(rows, ("unit",))).collect()
    # the seven units above: A, B, D violate; E, F within; C and the unit-less rows a problem
    assert rollup.to_dicts() == [
        {
            "units": 7,
            "units_within": 2,
            "units_violating": 3,
            "units_with_problem": 2,
            "employees": 30,
            "not_counted": 3,
            "duplicates": 3,
        }
    ]


def test_a_unit_in_two_periods_is_two_units() -> None:
    rows = [
        ("A", "2024", "baik", True, None, 3, 0, 0),
        ("A", "2024", "baik", True, None, 3, 0, 0),
        ("A", "2025", "baik", True, None, 4, 0, 0),
        ("A", "2025", "baik", False, None, 4, 0, 0),
        ("B", "2025", "baik", True, None, 1, 0, 0),
    ]
    rollup = rollup_polars(_report(rows, ("unit", "period"))).collect()
    # A in 2024 (within), A in 2025 (its second limit broken), B in 2025 (within): 3 units,
    # 2 within, 1 violating; employees 3 + 4 + 1 = 8
    assert rollup.select("units", "units_within", "units_violating", "employees").row(0) == (
        3,
        2,
        1,
        8,
    )


def test_an_empty_report() -> None:
    rollup = rollup_polars(_report([], ("unit", "agency")), "agency").collect()
    assert rollup.height == 0


def test_the_sums_are_64_bit_beyond_a_32_bit_count() -> None:
    # two units of 2,000,000,000 employees each (32-bit counts hold at most 2,147,483,647):
    # 2,000,000,000 + 2,000,000,000 = 4,000,000,000 employees, and 1,500,000,000 x 2 =
    # 3,000,000,000 not counted; a 32-bit sum would wrap to -294,967,296 and -1,294,967,296
    rows = [
        ("A", "baik", True, None, 2_000_000_000, 1_500_000_000, 0),
        ("B", "baik", True, None, 2_000_000_000, 1_500_000_000, 0),
    ]
    rollup = rollup_polars(_report(rows, ("unit",))).collect()
    assert rollup["employees"].to_list() == [4_000_000_000]
    assert rollup["not_counted"].to_list() == [3_000_000_000]
    assert rollup.schema["employees"] == pl.Int64
