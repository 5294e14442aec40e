"""The report's order (``_PerUnit._order``): by the unit as the text the report holds, then
the period in its own type, nulls last (docs/reference/tables.md: "units sorted"; the report's
``unit`` is text; the period column "of the table's type: an integer period sorts as a
number"). Found in review: the order, once moved into the count, sorted a numeric unit as a
number and an Enum period as text."""

from __future__ import annotations

import pytest

pl = pytest.importorskip("polars")

from asn_performance import tables  # noqa: E402


def _order(report: pl.DataFrame, *names: str) -> list[tuple[object, ...]]:
    return report.select(*names).unique(maintain_order=True).rows()


def test_integer_unit_is_sorted_as_the_text_the_report_holds() -> None:
    # units 10, 9, 100, 2 (integers); the report's unit column is text ("10", "9", ...), and
    # the report is sorted by it: as text "10" < "100" < "2" < "9" (not as the integers
    # 2, 9, 10, 100, which would not be the order of the report's own unit column)
    frame = pl.DataFrame(
        {
            "unit": [10, 9, 100, 2],
            "nip": ["1", "2", "3", "4"],
            "predikat": ["baik"] * 4,
            "organisation_predikat": ["baik"] * 4,
        }
    )
    report = tables.distribution(frame).report
    assert report.schema["unit"] == pl.String
    assert [u for (u,) in _order(report, "unit")] == ["10", "100", "2", "9"]


def test_integer_unit_with_period_is_sorted_as_text() -> None:
    # the same on the grouped path (a period column): unit text order, then period
    frame = pl.DataFrame(
        {
            "unit": [10, 9, 100, 2, 10],
            "nip": ["1", "2", "3", "4", "5"],
            "predikat": ["baik"] * 5,
            "organisation_predikat": ["baik"] * 5,
            "period": [2, 1, 1, 1, 1],
        }
    )
    report = tables.distribution(frame).report
    assert _order(report, "unit", "period") == [
        ("10", 1),
        ("10", 2),
        ("100", 1),
        ("2", 1),
        ("9", 1),
    ]


@pytest.mark.parametrize("unit_dtype", [pl.String, pl.Categorical])
def test_enum_period_sorts_in_its_categories_order(unit_dtype: pl.DataType) -> None:
    # the period is an Enum whose categories are in calendar order, not lexical:
    # Januari < Februari < Maret. The report keeps the period's type (Enum) and, as the docs
    # say, sorts by it: per unit Januari, Februari, Maret (as text it would be Februari,
    # Januari, Maret)
    months = pl.Enum(["Januari", "Februari", "Maret"])
    frame = pl.DataFrame(
        {
            "unit": ["U", "U", "U"],
            "nip": ["1", "2", "3"],
            "predikat": ["baik"] * 3,
            "organisation_predikat": ["baik"] * 3,
            "period": ["Maret", "Februari", "Januari"],
        }
    ).with_columns(pl.col("period").cast(months), pl.col("unit").cast(unit_dtype))
    report = tables.distribution(frame).report
    assert report.schema["period"] == months
    assert [p for (_, p) in _order(report, "unit", "period")] == ["Januari", "Februari", "Maret"]
