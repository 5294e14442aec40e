"""The distribution check of a table (``tables._distribution``) against the object path.

Until the public ``tables.distribution`` exists, the tests call ``distribution_polars`` on a
polars LazyFrame with ``unit`` and ``predikat`` columns (the contract of issue 11).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

pl = pytest.importorskip("polars")

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from asn_performance import check_distribution, tables  # noqa: E402
from asn_performance.consequences.distribution import PREDIKAT_ORDER  # noqa: E402
from asn_performance.domain.rating import OrganisationPredikat  # noqa: E402
from asn_performance.exceptions import InputError, LabelError  # noqa: E402
from asn_performance.tables._columns import Columns  # noqa: E402
from asn_performance.tables._distribution import distribution_polars  # noqa: E402

CODES = [p.code for p in PREDIKAT_ORDER]


def _rows(units: dict[str, list[str | None]], org: dict[str, str]) -> pl.LazyFrame:
    unit, predikat, organisation = [], [], []
    for name, values in units.items():
        unit.extend([name] * len(values))
        predikat.extend(values)
        organisation.extend([org[name]] * len(values))
    return pl.LazyFrame(
        {"unit": unit, "predikat": predikat, "organisation_predikat": organisation},
        schema={"unit": pl.String, "predikat": pl.String, "organisation_predikat": pl.String},
    )


def _report(lf: pl.LazyFrame, **kwargs: object) -> list[dict[str, object]]:
    report, _rollup = distribution_polars(lf, Columns(), **kwargs)  # type: ignore[arg-type]
    return report.collect().to_dicts()


def test_baik_unit_of_ten_hand_worked() -> None:
    # Organisation Baik, 8 Baik and 2 Sangat Baik (digest §11 example 2 of the object path):
    # at most 70 % Baik: floor(0.7 x 10) = 7 allowed, 8 > 7 -> violated; at least 1 Butuh
    # Perbaikan or Kurang: 0 < 1 -> violated. Baik share 8/10 = 80.00 %.
    rows = _report(_rows({"A": ["baik"] * 8 + ["sangat_baik"] * 2}, {"A": "baik"}))
    assert [(r["limit_bound"], r["limit_predikat"]) for r in rows] == [
        ("max", "baik"),
        ("min", "butuh_perbaikan+kurang"),
    ]
    assert [(r["count"], r["threshold"], r["ok"]) for r in rows] == [(8, 7, False), (0, 1, False)]
    assert rows[0]["percent"] == Decimal("80.00")
    assert rows[0]["limit_percent"] == Decimal("70.00")
    assert rows[1]["limit_count"] == 1
    assert rows[0]["wording"] == "sebagian besar (maksimal 70 %) Baik"
    assert rows[0]["total"] == 10
    assert rows[0]["count_baik"] == 8


def test_baik_unit_of_eleven_strict_and_lenient() -> None:
    # 11 employees, organisation Baik: 70 % of 11 = 7.7. Strict floors the maximum: 7 Baik
    # allowed; lenient ceils it: 8. Seven Baik, three Sangat Baik, one Butuh Perbaikan hold
    # both limits strictly; an eighth Baik (in place of a Sangat Baik) breaks only the strict.
    unit = ["baik"] * 8 + ["sangat_baik"] * 2 + ["butuh_perbaikan"]
    strict = _report(_rows({"A": unit}, {"A": "baik"}))
    lenient = _report(_rows({"A": unit}, {"A": "baik"}), rounding="lenient")
    assert (strict[0]["threshold"], strict[0]["ok"]) == (7, False)
    assert (lenient[0]["threshold"], lenient[0]["ok"]) == (8, True)
    assert strict[1]["ok"]
    assert lenient[1]["ok"]
    assert strict[0]["rounding"] == "strict"
    assert lenient[0]["rounding"] == "lenient"


def test_small_butuh_perbaikan_unit_minimum_rounds_up_strictly() -> None:
    # Organisation Butuh Perbaikan, 3 employees: at least 60 % Butuh Perbaikan = 1.8 -> strict
    # needs ceil = 2, lenient floor = 1; Sangat Baik at most 10 % = 0.3 -> strict 0, lenient 1.
    unit = ["butuh_perbaikan", "baik", "sangat_baik"]
    strict = _report(_rows({"U": unit}, {"U": "Butuh Perbaikan"}))
    lenient = _report(_rows({"U": unit}, {"U": "butuh_perbaikan"}), rounding="lenient")
    assert [(r["threshold"], r["ok"]) for r in strict] == [(2, False), (0, False)]
    assert [(r["threshold"], r["ok"]) for r in lenient] == [(1, True), (1, True)]
    assert strict[0]["percent"] == Decimal("33.33")  # 1/3 = 33.333.. -> 33.33


def test_sangat_kurang_allows_no_sangat_baik() -> None:
    # Organisation Sangat Kurang, 10 employees: 6 Sangat Kurang (>= 60 % = 6), 1 Kurang
    # (>= 10 % = 1 of Kurang or Butuh Perbaikan), and "tidak ada Sangat Baik" (at most 0).
    unit = ["sangat_kurang"] * 6 + ["kurang", "baik", "baik", "sangat_baik"]
    rows = _report(_rows({"S": unit}, {"S": "sangat_kurang"}))
    assert [(r["count"], r["threshold"], r["ok"]) for r in rows] == [
        (6, 6, True),
        (1, 1, True),
        (1, 0, False),
    ]


def test_duplicates_null_predikat_and_problems() -> None:
    lf = pl.LazyFrame(
        {
            "unit": ["A", "A", "A", "A", "B", "B", "C"],
            "nip": ["1", "1", "2", None, "3", "4", "5"],
            "predikat": ["baik", "kurang", None, "baik", "baik", "baik", "baik"],
            "organisation_predikat": ["baik", "baik", "baik", None, "baik", "istimewa", None],
        }
    )
    report, rollup = distribution_polars(lf, Columns())
    rows = report.collect().to_dicts()
    a = [r for r in rows if r["unit"] == "A"]
    # NIP 1 twice: the first (baik) counts, the second (kurang) is a duplicate; NIP 2 has no
    # predikat (not counted); the row without a NIP counts.
    assert a[0]["duplicates"] == 1
    assert a[0]["not_counted"] == 1
    assert (a[0]["total"], a[0]["count_baik"], a[0]["count_kurang"]) == (2, 2, 0)
    (b,) = [r for r in rows if r["unit"] == "B"]
    assert b["problem"].startswith("SE3/2023-ORGANISATION-PREDIKAT")
    assert b["ok"] is None
    # the predikat the unit's rows name, by their labels, best first
    assert "2 different organisation predikat (Istimewa, Baik)" in b["problem"]
    (c,) = [r for r in rows if r["unit"] == "C"]
    assert "no organisation predikat" in c["problem"]
    assert rollup.collect().to_dicts() == [
        {
            "units": 3,
            "units_within": 0,
            "units_violating": 1,
            "units_with_problem": 2,
            "employees": 5,
            "not_counted": 1,
            "duplicates": 1,
        }
    ]


def test_mapping_frame_and_agency_rollup() -> None:
    lf = pl.LazyFrame(
        {
            "unit": ["A"] * 4 + ["B"] * 2,
            "agency": ["X"] * 4 + ["Y"] * 2,
            "predikat": ["baik", "baik", "sangat_baik", "butuh_perbaikan", "baik", "baik"],
        }
    )
    by_map = distribution_polars(
        lf, Columns(), organisation_predikat={"A": "Baik", "B": "Istimewa"}, agency="agency"
    )
    frame = pl.DataFrame({"unit": ["A", "B"], "organisation_predikat": ["baik", "istimewa"]})
    by_frame = distribution_polars(lf, Columns(), organisation_predikat=frame, agency="agency")
    assert by_map[0].collect().equals(by_frame[0].collect())
    rollup = by_map[1].collect().to_dicts()
    # A: 2 Baik of 4 <= floor(2.8) = 2, one Butuh Perbaikan >= 1 -> within. B (Istimewa):
    # no Sangat Baik, nothing broken -> within.
    assert [(r["agency"], r["units"], r["units_within"], r["employees"]) for r in rollup] == [
        ("X", 1, 1, 4),
        ("Y", 1, 1, 2),
    ]
    with pytest.raises(LabelError):
        distribution_polars(lf, Columns(), organisation_predikat={"A": "excellent"})


def test_missing_columns_are_library_errors() -> None:
    lf = pl.LazyFrame({"unit": ["A"], "predikat": ["baik"]})
    with pytest.raises(InputError):
        distribution_polars(lf, Columns())  # no organisation_predikat column
    with pytest.raises(InputError):
        distribution_polars(lf.drop("predikat"), Columns(), organisation_predikat={"A": "baik"})
    with pytest.raises(InputError):
        distribution_polars(lf, Columns(), organisation_predikat=42)  # type: ignore[arg-type]


def test_unknown_predikat_is_not_counted_and_reported() -> None:
    rows = _report(_rows({"A": ["baik", "zzz", None]}, {"A": "istimewa"}))
    assert rows[0]["not_counted"] == 2
    assert rows[0]["total"] == 1
    assert rows[0]["problem"].startswith("D12-LABELS: 1 row(s)")


@st.composite
def _units(draw: st.DrawFn) -> list[tuple[str, list[str]]]:
    count = draw(st.integers(1, 6))
    return [
        (
            draw(st.sampled_from([o.code for o in OrganisationPredikat])),
            draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=40)),
        )
        for _ in range(count)
    ]


@settings(max_examples=150, deadline=None)
@given(units=_units(), rounding=st.sampled_from(["strict", "lenient"]))
def test_every_column_equals_the_object_path(
    units: list[tuple[str, list[str]]], rounding: str
) -> None:
    names = [f"unit {i}" for i in range(len(units))]
    lf = _rows(
        {name: values for name, (_org, values) in zip(names, units, strict=True)},
        {name: org for name, (org, _values) in zip(names, units, strict=True)},
    )
    rows = _report(lf, rounding=rounding)
    expected = []
    for name, (org, values) in zip(names, units, strict=True):
        checked = check_distribution(org, values, rounding, unit=name)
        data = checked.to_dict()
        for check in data["checks"]:
            expected.append(
                {
                    "unit": name,
                    "organisation_predikat": data["organisation_predikat"],
                    "rounding": data["rounding"],
                    "total": data["total"],
                    "limit_bound": check["bound"],
                    "limit_predikat": "+".join(check["predikat"]),
                    "limit_percent": None
                    if check["limit_percent"] is None
                    else Decimal(check["limit_percent"]).quantize(Decimal("0.01")),
                    "limit_count": check["limit_count"],
                    "count": check["count"],
                    "percent": Decimal(check["percent"]),
                    "threshold": check["threshold"],
                    "ok": check["ok"],
                    "wording": check["wording"],
                    **{f"count_{code}": data["counts"][code] for code in CODES},
                    "not_counted": 0,
                    "duplicates": 0,
                    "problem": None,
                }
            )
    assert rows == expected


def test_organisation_predikat_as_a_pandas_frame() -> None:
    pd = pytest.importorskip("pandas")
    lf = pl.LazyFrame({"unit": ["A", "A"], "predikat": ["baik", "butuh_perbaikan"]})
    given = pd.DataFrame({"unit": ["A"], "organisation_predikat": ["Baik"]})
    rows = _report(lf, organisation_predikat=given)
    # 1 Baik of 2 <= floor(1.4) = 1; 1 Butuh Perbaikan >= 1.
    assert [(r["count"], r["threshold"], r["ok"]) for r in rows] == [(1, 1, True), (1, 1, True)]


def test_rollup_of_a_collected_report_equals_the_lazy_one() -> None:
    from asn_performance.tables._distribution import rollup_polars

    lf = _rows(
        {"A": ["baik"] * 8 + ["sangat_baik"] * 2, "B": ["sangat_baik"]},
        {"A": "baik", "B": "istimewa"},
    )
    report, rollup = distribution_polars(lf, Columns())
    again = rollup_polars(report.collect().lazy()).collect()
    assert again.equals(rollup.collect())
    # A breaks both limits; B (Istimewa, 1 Sangat Baik: at most floor(0.7) = 0) breaks one.
    assert again.to_dicts()[0]["units_violating"] == 2


@settings(max_examples=100, deadline=None)
@given(
    org=st.sampled_from([o.code for o in OrganisationPredikat]),
    rows=st.lists(
        st.tuples(st.integers(0, 15), st.sampled_from([*CODES, None])), min_size=1, max_size=40
    ),
    rounding=st.sampled_from(["strict", "lenient"]),
)
def test_duplicates_and_missing_predikat_against_the_object_path(
    org: str, rows: list[tuple[int, str | None]], rounding: str
) -> None:
    # The object path refuses a NIP appraised twice; the table keeps its first row and counts
    # the rest as duplicates, then leaves rows without a predikat out: the same unit as
    # check_distribution on the first row of each NIP that has a predikat.
    lf = pl.LazyFrame(
        {
            "unit": ["U"] * len(rows),
            "nip": [f"{nip:018d}" for nip, _ in rows],
            "predikat": [p for _, p in rows],
            "organisation_predikat": [org] * len(rows),
        },
        schema=dict.fromkeys(("unit", "nip", "predikat", "organisation_predikat"), pl.String),
    )
    got = _report(lf, rounding=rounding)
    first: dict[int, str | None] = {}
    for nip, predikat in rows:
        first.setdefault(nip, predikat)
    counted = [p for p in first.values() if p is not None]
    assert {r["duplicates"] for r in got} == {len(rows) - len(first)}
    assert {r["not_counted"] for r in got} == {len(first) - len(counted)}
    if not counted:
        assert [r["limit_bound"] for r in got] == [None]
        return
    expected = check_distribution(org, counted, rounding).checks
    assert [(r["total"], r["count"], r["threshold"], r["ok"]) for r in got] == [
        (c.total, c.actual, c.threshold, c.ok) for c in expected
    ]


def test_the_period_column_splits_units_only_as_asked() -> None:
    # Unit A: three employees in January (baik, baik, kurang) and the same three NIPs in
    # February (all baik). Split by period, each month is a unit of 3 (no repeats); over
    # all rows, the NIPs repeat: 3 counted (January's rows, the first), 3 duplicates.
    frame = pl.DataFrame(
        {
            "unit": ["A"] * 6,
            "month": ["Jan", "Jan", "Jan", "Feb", "Feb", "Feb"],
            "nip": ["1", "2", "3", "1", "2", "3"],
            "predikat": ["baik", "baik", "kurang", "baik", "baik", "baik"],
            "organisation_predikat": ["baik"] * 6,
        }
    )
    by_month = tables.distribution(frame, period="month").report
    assert by_month.select("month", "total", "count_kurang", "duplicates").unique().sort(
        "month"
    ).rows() == [("Feb", 3, 0, 0), ("Jan", 3, 1, 0)]
    whole = tables.distribution(frame, period=None).report
    assert "month" not in whole.columns
    assert whole.select("total", "count_kurang", "duplicates").unique().rows() == [(3, 1, 3)]
    # the default names "period": this table has none, so the same as period=None
    assert tables.distribution(frame).report.equals(whole)
    renamed = frame.rename({"month": "period"})
    assert tables.distribution(renamed).report["period"].unique().sort().to_list() == [
        "Feb",
        "Jan",
    ]
    with pytest.raises(InputError) as raised:
        tables.distribution(frame, period="total")
    assert raised.value.problems[0].path == "period"
