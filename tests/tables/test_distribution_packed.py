"""The distribution check of a dictionary-encoded unit column, counted by one packed integer
key per row (the unit's code × 64 + the predikat code × 8 + the organisation predikat code),
gives the report of the same table with the unit as text (counted by the three columns)."""

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
