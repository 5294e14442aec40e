"""The distribution check of a dictionary-encoded unit column, counted by the unit's integer
code (a ``bincount`` of the unit's code × 8 + the predikat code, and of the unit's code × 8 +
the organisation predikat code), gives the report of the same table with the unit as text
(counted by a group-by of the three columns); so does a dictionary whose codes are too large
for that, counted by the group-by."""

from __future__ import annotations

from typing import Any

import pytest

pl = pytest.importorskip("polars")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from asn_performance.tables import distribution  # noqa: E402

_ROW = st.fixed_dictionaries(
    {
        "unit": st.sampled_from(["A", "B", "C", "D", None]),
        "agency": st.sampled_from(["X", "Y", None]),
        "nip": st.sampled_from(["1", "2", "3", "4", None]),
        "predikat": st.sampled_from(
            ["sangat_baik", "baik", "Butuh Perbaikan", "kurang", "sangat_kurang", "hebat", None]
        ),
        "organisation_predikat": st.sampled_from(["baik", "Istimewa", "kurang", "hebat", None]),
    }
)


def _reports(rows: list[dict[str, Any]], dtype: Any) -> tuple[Any, Any]:
    text = pl.DataFrame(rows, schema=dict.fromkeys(rows[0], pl.String))
    encoded = text.with_columns(pl.col("unit").cast(dtype))
    plain = distribution(text, agency="agency")
    packed = distribution(encoded, agency="agency")
    return plain, packed


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(_ROW, min_size=1, max_size=60), enum=st.booleans())
def test_packed_counts_equal_the_text_units(rows: list[dict[str, Any]], enum: bool) -> None:
    dtype = pl.Enum(["D", "C", "B", "A"]) if enum else pl.Categorical()
    plain, packed = _reports(rows, dtype)
    assert packed.report.equals(plain.report)
    assert packed.rollup.equals(plain.rollup)


def test_packed_counts_worked_by_hand() -> None:
    rows = [
        {"unit": "A", "agency": "X", "nip": "1", "predikat": "baik", "org": "baik"},
        {"unit": "A", "agency": "Y", "nip": "2", "predikat": "kurang", "org": "baik"},
        {"unit": "A", "agency": "X", "nip": "1", "predikat": "sangat_baik", "org": "baik"},
        {"unit": "A", "agency": "X", "nip": "3", "predikat": "hebat", "org": None},
        {"unit": None, "agency": "X", "nip": "4", "predikat": "baik", "org": "baik"},
    ]
    frame = pl.DataFrame(rows).rename({"org": "organisation_predikat"})
    report = distribution(frame.with_columns(pl.col("unit").cast(pl.Categorical)), agency="agency")
    a = report.report.filter(pl.col("unit") == "A").row(0, named=True)
    # unit A: NIP 1 baik, NIP 2 kurang, NIP 1 again (a repeat, not counted), NIP 3 with a
    # predikat that is not one (not counted): total 2 (baik 1, kurang 1), 1 duplicate, 1 not
    # counted; its agency is its first row's, X; its organisation predikat baik (the row
    # without one names none)
    assert (a["total"], a["count_baik"], a["count_kurang"]) == (2, 1, 1)
    assert (a["duplicates"], a["not_counted"], a["agency"]) == (1, 1, "X")
    assert a["organisation_predikat"] == "baik"
    # the row without a unit: its own report row, not checked
    none = report.report.filter(pl.col("unit").is_null()).row(0, named=True)
    assert none["total"] == 1
    assert none["problem"].startswith("SE3/2023-DISTRIBUTION: rows without a unit")


_WORKED = [
    {"unit": "A", "agency": "X", "nip": "1", "predikat": "baik", "org": "baik"},
    {"unit": "B", "agency": "Y", "nip": "2", "predikat": "kurang", "org": "kurang"},
    {"unit": "A", "agency": "Y", "nip": "1", "predikat": "sangat_baik", "org": "baik"},
    {"unit": "B", "agency": "X", "nip": "3", "predikat": "hebat", "org": "hebat"},
    {"unit": None, "agency": "X", "nip": "4", "predikat": "baik", "org": None},
    {"unit": "A", "agency": "X", "nip": "5", "predikat": None, "org": "Istimewa"},
    {"unit": "B", "agency": "X", "nip": "6", "predikat": "Butuh Perbaikan", "org": None},
]


def _worked(dtype: Any) -> tuple[Any, Any]:
    rows = [{**row, "organisation_predikat": row["org"]} for row in _WORKED]
    for row in rows:
        del row["org"]
    return _reports(rows, dtype)


def test_rows_counted_in_blocks_give_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    # the keys counted 2 rows at a time (4 blocks for 7 rows, the last of 1): the same
    # counts as the text units, block sums being sums
    from asn_performance.tables import _distribution

    monkeypatch.setattr(_distribution, "_BLOCK", 2)
    plain, packed = _worked(pl.Categorical())
    assert packed.report.equals(plain.report)
    assert packed.rollup.equals(plain.rollup)


def test_codes_too_large_for_slots_are_grouped() -> None:
    # an Enum of 300,000 categories whose units are the last ones: 8 slots per code would be
    # 2.4 million slots for 7 rows, more than 4 per row and more than 2**20, so the rows
    # are counted by the group-by instead; the report is the same as for text units
    categories = [f"u{index}" for index in range(300_000)] + ["A", "B"]
    plain, packed = _worked(pl.Enum(categories))
    assert packed.report.equals(plain.report)
    assert packed.rollup.equals(plain.rollup)
    # worked by hand: unit A has NIP 1 (baik; its repeat not counted) and NIP 5 (no predikat:
    # not counted), and names two organisation predikat (baik, istimewa): a problem
    a = packed.report.filter(pl.col("unit") == "A").row(0, named=True)
    assert (a["total"], a["count_baik"], a["duplicates"], a["not_counted"]) == (1, 1, 1, 1)
    assert a["problem"].startswith("SE3/2023-ORGANISATION-PREDIKAT: the unit has 2 different")
