"""The table functions on Dask (a local cluster of two worker processes) and on Spark.

A few thousand random rows (some of them bad: unknown ratings, a missing kelas, a unit head
without the unit's predikat) in 16 partitions; every result must equal the eager polars run
value for value (rows compared after sorting by NIP, the report by unit and limit). The Spark
test runs only where pyspark is installed (it is not in this project's CI): it runs the
``mapInArrow`` recipe of ``docs/how-to/dask-and-spark.md`` and narwhals' PySpark path.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import polars as pl
import pytest

from asn_performance import tables
from asn_performance.tables import Columns

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

ROWS = 4000
PARTITIONS = 16
POLICY = "kemnaker_2025"  # kelas 1-17: kelas 18 is a problem row
RATINGS = ("DIBAWAH EKSPEKTASI", "Sesuai Ekspektasi", "di_atas_ekspektasi", "above", "sesuai")
ORGS = ("istimewa", "Baik", "Butuh Perbaikan", "kurang", "Sangat Kurang")
JENJANG = ("ahli_pertama", "ahli_muda", "Ahli Madya", "terampil", "mahir", "penyelia")


def random_rows(seed: int = 11, rows: int = ROWS) -> pl.DataFrame:
    """Random rows in random order, about 2 % of them bad."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    units = [f"Unit {i:03d}" for i in range(rows // 25)]
    org_of = {unit: rng.choice(ORGS) for unit in units}
    heads: dict[str, int | None] = dict.fromkeys(units)
    data: dict[str, list[Any]] = {
        name: []
        for name in (
            "nip", "agency", "unit", "rating_hasil_kerja", "rating_perilaku_kerja", "unit_head",
            "organisation_predikat", "jenjang", "months", "kelas", "days_absent",
            "missing_checks", "minutes_late_or_early", "missed_ceremonies",
        )
    }  # fmt: skip
    for i in range(rows):
        unit = rng.choice(units)
        head = heads[unit] is None
        if head:
            heads[unit] = i
        jf = rng.random() < 0.4
        bad = rng.random()
        # distinct, valid NIPs: birth year, 1 January, TMT 2000-01, sex, sequence
        data["nip"].append(f"{1970 + i // 999:04d}0101200001{1 + i % 2}{i % 999 + 1:03d}")
        data["agency"].append(f"Instansi {int(unit[-3:]) % 4}")
        data["unit"].append(unit)
        data["rating_hasil_kerja"].append("luar biasa" if bad < 0.01 else rng.choice(RATINGS))
        data["rating_perilaku_kerja"].append(None if 0.01 <= bad < 0.015 else rng.choice(RATINGS))
        data["unit_head"].append(head)
        data["organisation_predikat"].append(None if head and bad > 0.98 else org_of[unit])
        data["jenjang"].append(rng.choice(JENJANG) if jf else None)
        data["months"].append(rng.choice((12, 12, 12, 6, 2)) if jf else None)
        data["kelas"].append(rng.choice((1, 7, 10, 17, 7, 10, 18)))
        data["days_absent"].append(rng.choice((0, 0, 0, 0, 1, 3, 40)))
        data["missing_checks"].append(rng.choice((0, 0, 0, 1, 2)))
        data["minutes_late_or_early"].append(rng.choice((0, 0, 0, 15, 61, 250)))
        data["missed_ceremonies"].append(rng.choice((0, 0, 0, 0, 1)))
    return pl.DataFrame(data)


def missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def records(frame: Any, names: list[str], key: list[str]) -> list[tuple[object, ...]]:
    """The rows of a polars or pandas frame as tuples, missing values as None, sorted."""
    if isinstance(frame, pl.DataFrame):
        rows = frame.select(names).rows()
    else:
        rows = list(frame[names].itertuples(index=False, name=None))
    clean = [tuple(None if missing(v) else _plain(v) for v in row) for row in rows]
    at = [names.index(k) for k in key]
    return sorted(clean, key=lambda row: tuple(str(row[i]) for i in at))


def _plain(value: object) -> object:
    """Numbers compared as exact decimals, whatever their container's type."""
    if isinstance(value, Decimal):
        return value
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()  # type: ignore[attr-defined]
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return value


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local cluster of two worker processes, one thread each, for this module."""
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=40,
    )
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


@pytest.fixture(scope="module")
def eager() -> pl.DataFrame:
    return random_rows()


@pytest.fixture(scope="module")
def ddf(eager: pl.DataFrame) -> Any:
    return dd.from_pandas(eager.to_pandas(), npartitions=PARTITIONS)


def test_the_rows_include_bad_ones_and_every_kind(eager: pl.DataFrame) -> None:
    out = tables.rewards(eager, policy=POLICY)
    assert out.height == ROWS
    assert 0 < out["problem"].is_not_null().sum() < ROWS // 5
    assert out["unit_head"].sum() == eager["unit"].n_unique()
    assert set(out["predikat"].drop_nulls()) == {
        "sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang",
    }  # fmt: skip


def test_appraise_on_dask_equals_the_eager_run(client: Any, ddf: Any, eager: pl.DataFrame) -> None:
    result = tables.appraise(ddf)
    assert isinstance(result, dd.DataFrame)
    assert result.npartitions == PARTITIONS
    computed = result.compute()
    names = [*eager.columns, "predikat", "predikat_label", "rules", "problem"]
    assert list(computed.columns) == names
    expected = tables.appraise(eager)
    assert records(computed, names, ["nip"]) == records(expected, names, ["nip"])


def test_rewards_on_dask_equals_the_eager_run(client: Any, ddf: Any, eager: pl.DataFrame) -> None:
    result = tables.rewards(ddf, policy=POLICY)
    computed = result.compute()
    expected = tables.rewards(eager, policy=POLICY)
    names = expected.columns
    assert records(computed, names, ["nip"]) == records(expected, names, ["nip"])
    # exact decimals on the workers too, never floats
    paid = computed["tunjangan"].dropna()
    assert len(paid) > ROWS // 2
    assert all(isinstance(v, Decimal) for v in paid)


def test_rewards_on_dask_with_pyarrow_dtypes_keeps_arrow_decimals(
    client: Any, eager: pl.DataFrame
) -> None:
    """With pyarrow dtypes (``read_parquet(..., dtype_backend="pyarrow")``) the results are
    Arrow columns too: decimals stay decimal128, not one Decimal object per cell."""
    arrow = dd.from_pandas(eager.to_pandas(use_pyarrow_extension_array=True), npartitions=8)
    computed = tables.rewards(arrow, policy=POLICY).compute()
    assert str(computed["tunjangan"].dtype) == "decimal128(38, 0)[pyarrow]"
    expected = tables.rewards(eager, policy=POLICY)
    names = expected.columns
    assert records(computed, names, ["nip"]) == records(expected, names, ["nip"])


def test_rewards_on_dask_keeps_the_callers_order(client: Any, ddf: Any) -> None:
    computed = tables.rewards(ddf, policy=POLICY).compute()
    assert list(computed.index) == list(range(ROWS))
    assert list(computed["nip"]) == list(ddf["nip"].compute())


def test_distribution_on_dask_equals_the_eager_run(
    client: Any, ddf: Any, eager: pl.DataFrame
) -> None:
    from asn_performance.tables._dask import distribution_dask

    appraised = tables.appraise(ddf)
    report, rollup = distribution_dask(appraised, Columns(), agency="agency")
    report_c, rollup_c = dask.compute(report, rollup)  # one shuffle for both
    expected = tables.distribution(tables.appraise(eager), agency="agency")
    names = expected.report.columns
    key = ["unit", "limit_bound", "limit_predikat"]
    assert len(report_c) == expected.report.height
    assert records(report_c, names, key) == records(expected.report, names, key)
    names = expected.rollup.columns
    assert records(rollup_c, names, ["agency"]) == records(expected.rollup, names, ["agency"])


def test_distribution_on_dask_without_agency_is_one_row(
    client: Any, ddf: Any, eager: pl.DataFrame
) -> None:
    from asn_performance.tables._dask import distribution_dask

    _, rollup = distribution_dask(ddf, Columns(), rounding="lenient")  # appraises first
    expected = tables.distribution(eager, rounding="lenient").rollup
    computed = rollup.compute()
    assert len(computed) == 1
    names = expected.columns
    assert records(computed, names, names[:1]) == records(expected, names, names[:1])


def test_the_distribution_check_partitions_by_unit_once(client: Any, ddf: Any) -> None:
    """Each partition holds whole units (a unit is in one partition only)."""
    from asn_performance.tables._dask import partition_by_unit

    whole = partition_by_unit(ddf, Columns())
    assert whole.npartitions == PARTITIONS
    parts = dask.compute(*whole.to_delayed())
    units = [set(part["unit"]) for part in parts]
    assert sum(len(u) for u in units) == len(set().union(*units)) == ROWS // 25


def test_the_distribution_check_shuffles_once_and_reduces_by_tree(ddf: Any) -> None:
    """The graph has one shuffle (by unit) and nothing else that moves rows: the roll-up is a
    tree reduction of the partitions' few rows (Dask's expression classes, by name)."""
    from asn_performance.tables._dask import distribution_dask

    report, rollup = distribution_dask(ddf, Columns(), agency="agency")
    for frame in (report, rollup):
        kinds = [type(node).__name__ for node in frame.optimize().expr.walk()]
        assert sum("Shuffle" in kind for kind in kinds) == 1, kinds
    assert "TreeReduce" in [type(node).__name__ for node in rollup.optimize().expr.walk()]


def test_empty_partitions_are_computed_too(client: Any, eager: pl.DataFrame) -> None:
    """A filter leaves most partitions empty (text columns of object dtype: no rows to tell
    the type by)."""
    from asn_performance.tables._dask import distribution_dask

    source = eager.head(200).to_pandas().astype({"unit": object, "rating_hasil_kerja": object})
    ddf = dd.from_pandas(source, npartitions=8)
    one_unit = ddf[ddf["unit"] == source["unit"].iloc[0]]
    rewarded = tables.rewards(one_unit, policy=POLICY)
    report, rollup = distribution_dask(rewarded, Columns())
    rows, report, rollup = dask.compute(rewarded, report, rollup)
    expected = tables.rewards(
        pl.from_pandas(source[source["unit"] == source["unit"].iloc[0]]), policy=POLICY
    )
    assert records(rows, expected.columns, ["nip"]) == records(expected, expected.columns, ["nip"])
    assert rollup["units"].tolist() == [1]
    assert set(report["unit"]) == {source["unit"].iloc[0]}


def test_errors_raise_is_refused_on_dask(ddf: Any) -> None:
    from asn_performance.exceptions import InputError

    with pytest.raises(InputError, match="errors='raise'"):
        tables.appraise(ddf, errors="raise")


# ---------------------------------------------------------------------------------------------
# Spark: only where pyspark is installed
# ---------------------------------------------------------------------------------------------


def appraise_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """The mapInArrow recipe of docs/how-to/dask-and-spark.md: each Arrow batch through the
    polars engine, back as Arrow batches."""
    import pyarrow as pa

    def plain_strings(table: Any) -> Any:  # Spark reads "string": not large, view or dictionary
        text = (pa.types.is_large_string, pa.types.is_string_view, pa.types.is_dictionary)
        fields = [
            pa.field(f.name, pa.string() if any(t(f.type) for t in text) else f.type)
            for f in table.schema
        ]
        return table.cast(pa.schema(fields))

    for batch in batches:
        out = tables.appraise(pl.from_arrow(batch))
        yield from plain_strings(out.to_arrow()).to_batches()


def test_spark_maps_arrow_batches_through_the_polars_engine(
    eager: pl.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pyspark")
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    # the executors' Python must be this one (with polars and the library installed)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("asn-performance")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.pyspark.driver.python", sys.executable)
        .getOrCreate()
    )
    try:
        source = eager.select(
            "nip", "unit", "rating_hasil_kerja", "rating_perilaku_kerja", "unit_head",
            "organisation_predikat",
        )  # fmt: skip
        sdf = spark.createDataFrame(source.to_pandas()).repartition(4)
        schema = (
            "nip string, unit string, rating_hasil_kerja string, rating_perilaku_kerja string,"
            " unit_head boolean, organisation_predikat string, predikat string,"
            " predikat_label string, rules string, problem string"
        )
        mapped = sdf.mapInArrow(appraise_batches, schema).toPandas()
        expected = tables.appraise(source)
        names = expected.columns
        assert records(mapped, names, ["nip"]) == records(expected, names, ["nip"])
        # narwhals' PySpark path: the rows are collected into this process and handed back
        through_narwhals = tables.appraise(sdf).toPandas()
        assert records(through_narwhals, names, ["nip"]) == records(expected, names, ["nip"])
    finally:
        spark.stop()
