"""The table path refuses a row with a leave or a duty status (issue 13 item 9): the leave
rules (Permenaker 15/2024 Pasal 14), tugas belajar, CLTN and MPP are computed by
compute_allowance only, so such a row gets a TUKIN-LEAVE problem and null amounts instead of
the full tukin."""

from __future__ import annotations

from decimal import Decimal

import pytest

pl = pytest.importorskip("polars")

from asn_performance import tables  # noqa: E402


def test_a_row_with_a_leave_or_a_status_is_refused_the_others_are_paid() -> None:
    frame = pl.DataFrame(
        {
            "predikat": ["baik"] * 4,
            "kelas": [7] * 4,
            "leave": [None, "cuti_besar", " ", None],
            "duty_status": [None, None, None, "tugas_belajar"],
        }
    )
    out = tables.rewards(frame, "kemnaker_2025")
    problems = out["problem"].to_list()
    assert problems[0] is None
    assert problems[1] == (
        "TUKIN-LEAVE: leave 'cuti_besar' is not computed on a table: pay this employee's month"
        " with compute_allowance(..., leave=..., status=...)"
    )
    assert problems[2] is None  # a blank cell is no leave
    assert problems[3].startswith("TUKIN-LEAVE: duty_status 'tugas_belajar' is not computed")
    # Kelas 7, Baik, no cuts: 3,915,950 × 70 % + 3,915,950 × 30 % = 3,915,950.
    assert out["tunjangan"].to_list() == [Decimal(3_915_950), None, Decimal(3_915_950), None]


def test_errors_raise_names_the_leave_column() -> None:
    frame = pl.DataFrame({"predikat": ["baik"], "kelas": [7], "leave": ["cltn"]})
    with pytest.raises(tables.TableError) as raised:
        tables.rewards(frame, "kemnaker_2025", errors="raise")
    assert "TUKIN-LEAVE" in str(raised.value)
    assert "compute_allowance" in str(raised.value)


def test_a_policy_without_an_allowance_reads_no_leave() -> None:
    frame = pl.DataFrame({"predikat": ["baik"], "leave": ["cuti_besar"]})
    out = tables.rewards(frame, "national")
    assert out["problem"][0] is None
