"""The distribution report's text columns are polars Enums for a polars frame (text for every
other kind), with the same categories whatever the table or the rounding; its counts are
32-bit integers."""

from __future__ import annotations

import pytest

pl = pytest.importorskip("polars")

from asn_performance import tables  # noqa: E402
from asn_performance.tables._report import (  # noqa: E402
    BOUND_ENUM,
    GROUP_ENUM,
    ORGANISATION_ENUM,
    ROUNDING_ENUM,
    WORDING_ENUM,
)

_ENUMS = {
    "organisation_predikat": ORGANISATION_ENUM,
    "rounding": ROUNDING_ENUM,
    "limit_bound": BOUND_ENUM,
    "limit_predikat": GROUP_ENUM,
    "wording": WORDING_ENUM,
}


def _staff() -> pl.DataFrame:
    # unit A (Baik): 8 Baik, 2 Sangat Baik; unit B (Istimewa): 1 Sangat Baik
    return pl.DataFrame(
        {
            "unit": ["A"] * 10 + ["B"],
            "predikat": ["baik"] * 8 + ["sangat_baik"] * 2 + ["sangat_baik"],
            "organisation_predikat": ["baik"] * 10 + ["istimewa"],
        }
    )


def test_the_categories_are_in_the_rules_order() -> None:
    assert ORGANISATION_ENUM.categories.to_list() == [
        "istimewa",
        "baik",
        "butuh_perbaikan",
        "kurang",
        "sangat_kurang",
    ]
    assert ROUNDING_ENUM.categories.to_list() == ["strict", "lenient"]
    assert BOUND_ENUM.categories.to_list() == ["max", "min"]
    # every limit's group and wording is a category (the SE's table: a few each)
    assert "butuh_perbaikan+kurang" in GROUP_ENUM.categories.to_list()
    assert "sebagian besar (maksimal 70 %) Baik" in WORDING_ENUM.categories.to_list()


@pytest.mark.parametrize("rounding", ["strict", "lenient"])
def test_a_polars_report_has_enum_text_columns(rounding: str) -> None:
    report = tables.distribution(_staff(), rounding=rounding).report  # type: ignore[arg-type]
    for name, dtype in _ENUMS.items():
        assert report.schema[name] == dtype, name
    # the values are the texts they were: A (Baik) has two limits, B (Istimewa) its own
    assert report.filter(pl.col("unit") == "A").get_column("limit_bound").to_list() == [
        "max",
        "min",
    ]
    assert report.get_column("organisation_predikat").to_list()[:2] == ["baik", "baik"]
    assert report.get_column("rounding").unique().to_list() == [rounding]
    # compared with text as text is
    assert report.filter(pl.col("limit_bound") == "max").height >= 2


def test_reports_of_both_roundings_concatenate() -> None:
    strict = tables.distribution(_staff(), rounding="strict").report
    lenient = tables.distribution(_staff(), rounding="lenient").report
    both = pl.concat([strict, lenient])
    assert both.height == strict.height + lenient.height
    assert both.schema["wording"] == WORDING_ENUM


def test_a_lazy_report_has_them_too() -> None:
    report = tables.distribution(_staff().lazy()).report
    assert report.collect_schema()["limit_predikat"] == GROUP_ENUM


def test_the_organisation_predikat_given_as_a_mapping() -> None:
    staff = _staff().drop("organisation_predikat")
    report = tables.distribution(staff, organisation_predikat={"A": "Baik", "B": "istimewa"})
    assert report.report.schema["organisation_predikat"] == ORGANISATION_ENUM
    assert report.report.get_column("organisation_predikat").to_list()[-1] == "istimewa"


def test_other_kinds_get_text() -> None:
    pd = pytest.importorskip("pandas")
    frame = _staff().to_pandas()
    report = tables.distribution(frame).report
    assert isinstance(report, pd.DataFrame)
    assert report["wording"].iloc[0] == "sebagian besar (maksimal 70 %) Baik"
    assert not isinstance(report["wording"].dtype, pd.CategoricalDtype)


_COUNTS = (
    "total",
    "limit_count",
    "count",
    "threshold",
    "count_sangat_baik",
    "count_baik",
    "count_butuh_perbaikan",
    "count_kurang",
    "count_sangat_kurang",
    "not_counted",
    "duplicates",
)


def test_the_report_counts_are_32_bit_and_the_rollup_64_bit() -> None:
    checked = tables.distribution(_staff())
    for name in _COUNTS:
        assert checked.report.schema[name] == pl.Int32, name
    assert set(checked.rollup.schema.values()) == {pl.Int64}


def test_the_share_of_a_large_unit_does_not_overflow() -> None:
    # 150,000 employees, 120,000 of them Baik, in a Baik organisation: the share is
    # 120,000 / 150,000 = 80.00 % (its formula multiplies the count by 20,000: 2.4e9, beyond
    # 32 bits, so it is computed in 64); at most floor(0.7 x 150,000) = 105,000 Baik allowed:
    # 120,000 > 105,000, the limit is broken.
    staff = pl.DataFrame(
        {
            "unit": ["A"] * 150_000,
            "predikat": ["baik"] * 120_000 + ["butuh_perbaikan"] * 30_000,
            "organisation_predikat": ["baik"] * 150_000,
        }
    )
    first = tables.distribution(staff).report.row(0, named=True)
    assert (first["count"], first["threshold"], first["ok"]) == (120_000, 105_000, False)
    assert str(first["percent"]) == "80.00"
