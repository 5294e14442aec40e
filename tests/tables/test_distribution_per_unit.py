"""The per-unit counting of ``tables.distribution`` (one group-by of (unit, period, predikat,
organisation predikat) in ``_PerUnit``): the carried agency is the unit's first row's, the
repeats are dropped per unit and period, and text, dictionary-encoded and lazy inputs give
the same report."""

from __future__ import annotations

import pytest

pl = pytest.importorskip("polars")

from asn_performance import tables  # noqa: E402

ROWS = {
    "unit": ["A", "A", "A", "A", "B", "B"],
    "period": ["2024", "2024", "2024", "2025", "2024", "2024"],
    "nip": ["1", "2", "1", "1", "3", "4"],
    "predikat": ["baik", "sangat_baik", "kurang", "kurang", "baik", "hebat"],
    "organisation_predikat": ["baik", "baik", "baik", "baik", "luar biasa", "luar biasa"],
    "agency": ["X", "Y", "Y", "Y", "Z", "Z"],
}


def _by_unit(report: pl.DataFrame) -> dict[tuple[str, str], dict[str, object]]:
    return {(r["unit"], r["period"]): r for r in report.to_dicts()}


def test_counts_agency_repeats_and_problems_worked_by_hand() -> None:
    report = tables.distribution(pl.DataFrame(ROWS), agency="agency").report
    units = _by_unit(report)
    a24, a25, b24 = units[("A", "2024")], units[("A", "2025")], units[("B", "2024")]
    # A/2024: NIP 1 baik (first row: agency X), NIP 2 sangat baik, NIP 1 again (kurang): the
    # repeat is dropped -> 1 baik + 1 sangat baik = total 2, duplicates 1
    assert (a24["total"], a24["count_baik"], a24["count_sangat_baik"]) == (2, 1, 1)
    assert (a24["count_kurang"], a24["duplicates"], a24["agency"]) == (0, 1, "X")
    # A/2025: NIP 1 once in this period -> counted (kurang), agency of its only row Y
    assert (a25["total"], a25["count_kurang"], a25["duplicates"], a25["agency"]) == (1, 1, 0, "Y")
    # B/2024: 'hebat' is not a predikat -> 1 not counted; 'luar biasa' is not an
    # organisation predikat -> the unit is not checked
    assert (b24["total"], b24["not_counted"], b24["limit_bound"]) == (1, 1, None)
    assert b24["problem"].startswith("D12-LABELS: unknown organisation predikat luar biasa;")
    assert "1 row(s) whose predikat is not a predikat are not counted" in b24["problem"]


@pytest.mark.parametrize("encoded", ["text", "categorical", "enum"])
def test_dictionary_encoded_and_lazy_inputs_give_the_same_report(encoded: str) -> None:
    frame = pl.DataFrame(ROWS)
    expected = tables.distribution(frame, agency="agency")
    if encoded == "categorical":
        frame = frame.with_columns(pl.col("unit", "period", "agency").cast(pl.Categorical))
    elif encoded == "enum":
        frame = frame.with_columns(pl.col("unit").cast(pl.Enum(["B", "A"])))
    for given in (frame, frame.lazy()):
        result = tables.distribution(given, agency="agency")
        report, rollup = result.report, result.rollup
        if isinstance(report, pl.LazyFrame):
            report = report.collect(engine="streaming")
            rollup = rollup.collect(engine="streaming")
        cast = [pl.col(c).cast(pl.String) for c in ("unit", "period", "agency")]
        assert report.with_columns(cast).equals(expected.report)
        assert rollup.with_columns(pl.col("agency").cast(pl.String)).equals(expected.rollup)
