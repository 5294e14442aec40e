"""Frames in and out: pandas (numpy and pyarrow dtypes), pyarrow, polars eager and lazy give the
same results, each as its own kind; the package stays out of ``import asn_performance``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from asn_performance.exceptions import AsnPerformanceError, InputError
from asn_performance.tables import appraise, distribution, rewards
from asn_performance.tables._frames import Restore, to_polars

ROWS = pl.DataFrame(
    {
        "nip": ["198609262015051001", "197503142000031002", "196812251993021001", "x"],
        "rating_hasil_kerja": ["DIATAS EKSPEKTASI", "sesuai", None, "nope"],
        "rating_perilaku_kerja": ["Sesuai Ekspektasi", "di bawah", "sesuai", "sesuai"],
        "unit_head": [False, False, True, False],
        "organisation_predikat": [None, None, "Istimewa", None],
    }
)
EXPECTED = {
    "predikat": ["baik", "kurang", "baik", None],
    "predikat_label": ["Baik", "Kurang/Misconduct", "Baik", None],
    "rules": ["6/2022-MATRIX", "6/2022-MATRIX", "D3-UNIT-HEAD;6/2022-MATRIX", None],
    "problem": [None, None, None, "D12-LABELS: rating_hasil_kerja 'nope' is not a rating"],
}


def _type_of(kind: str) -> type:
    return {
        "polars": pl.DataFrame,
        "polars-lazy": pl.LazyFrame,
        "pandas": pd.DataFrame,
        "pandas-arrow": pd.DataFrame,
        "pyarrow": pa.Table,
    }[kind]


Kinds = dict[str, Callable[[pl.DataFrame], Any]]
PolarsOf = Callable[[Any], pl.DataFrame]


def test_every_kind_gives_the_same_results_as_its_own_kind(
    kind: str, kinds: Kinds, polars_of: PolarsOf
) -> None:
    frame = kinds[kind](ROWS)
    out = appraise(frame)
    assert isinstance(out, _type_of(kind))
    back = polars_of(out)
    assert back.columns == [*ROWS.columns, *EXPECTED]
    for name, values in EXPECTED.items():
        assert back[name].to_list() == values, name
    assert back["nip"].to_list() == ROWS["nip"].to_list()


def test_pandas_keeps_its_index_and_its_dtypes() -> None:
    frame = ROWS.to_pandas()
    frame.index = pd.Index([10, 20, 30, 40], name="id")
    out = appraise(frame)
    assert list(out.index) == [10, 20, 30, 40]
    assert out.index.name == "id"
    assert out["unit_head"].dtype == frame["unit_head"].dtype
    assert out.loc[30, "predikat"] == "baik"
    assert frame.columns.tolist() == ROWS.columns  # the caller's frame is not changed
    arrow = appraise(ROWS.to_pandas(types_mapper=pd.ArrowDtype))
    assert isinstance(arrow["predikat"].dtype, pd.ArrowDtype)


def test_a_pandas_column_of_mixed_types_is_marked_not_refused() -> None:
    frame = pd.DataFrame(
        {"rating_hasil_kerja": ["sesuai", 3, None], "rating_perilaku_kerja": ["sesuai"] * 3}
    )
    out = appraise(frame)
    assert out["predikat"].tolist()[0] == "baik"
    assert out["problem"].tolist()[1] == "D12-LABELS: rating_hasil_kerja '3' is not a rating"
    assert out["problem"].tolist()[2].startswith("6/2022-PEJABAT-PENILAI")


def test_a_lazy_frame_stays_lazy(tmp_path: Path) -> None:
    source = tmp_path / "rows.csv"
    ROWS.head(1).write_csv(source)
    out = appraise(pl.scan_csv(source))
    assert isinstance(out, pl.LazyFrame)
    # nothing was computed at the call: the file is read when the caller collects
    ROWS.head(2).write_csv(source)
    assert out.collect()["predikat"].to_list() == ["baik", "kurang"]


def test_categorical_and_null_columns() -> None:
    frame = ROWS.with_columns(
        pl.col("rating_perilaku_kerja").cast(pl.Categorical),
        pl.lit(None).alias("organisation_predikat"),
    )
    out = appraise(frame)
    assert out["predikat"].to_list() == ["baik", "kurang", None, None]
    assert out["problem"][2].startswith("D3-UNIT-HEAD: organisation_predikat is missing")


def test_columns_of_other_types_are_marked() -> None:
    frame = pl.DataFrame(
        {
            "rating_hasil_kerja": [["sesuai"], None],
            "rating_perilaku_kerja": [1.5, None],
            "unit_head": [2.0, float("nan")],
        }
    )
    out = appraise(frame)
    assert out["predikat"].to_list() == [None, None]
    assert out["problem"][0] == (
        "TYPE: unit_head '2.0' is not true or false; D12-LABELS: rating_hasil_kerja"
        " <List(String)> is not a rating; D12-LABELS: rating_perilaku_kerja '1.5' is not a rating"
    )


@pytest.mark.parametrize("bad", [[1, 2], {"a": [1]}, "table.csv", None, 3])
def test_a_value_that_is_not_a_frame_is_refused(bad: object) -> None:
    with pytest.raises(InputError) as caught:
        appraise(bad)
    error = caught.value
    assert error.path == "frame"
    assert error.value == type(bad).__name__
    assert "pandas" in error.message
    assert error.fix


def test_to_polars_and_restore_round_trip(kind: str, kinds: Kinds, polars_of: PolarsOf) -> None:
    lf, restore = to_polars(kinds[kind](ROWS))
    assert isinstance(lf, pl.LazyFrame)
    assert isinstance(restore, Restore)
    assert restore.lazy == (kind == "polars-lazy")
    back = restore(lf.with_columns(pl.lit("x").alias("new")))
    assert isinstance(back, _type_of(kind))
    assert polars_of(back)["new"].to_list() == ["x"] * 4


def test_rewards_and_distribution_reach_their_modules_through_the_same_edge() -> None:
    # The engines belong to other modules; here only what the public functions hand them.
    pytest.importorskip("asn_performance.tables._rewards")
    out = rewards(ROWS.to_pandas())
    assert isinstance(out, pd.DataFrame)
    assert out["predikat"].tolist()[:3] == ["baik", "kurang", "baik"]
    pytest.importorskip("asn_performance.tables._distribution")
    frame = ROWS.with_columns(pl.lit("Unit A").alias("unit")).to_arrow()
    result = distribution(frame, organisation_predikat={"Unit A": "baik"})
    assert isinstance(result.report, pa.Table)
    assert isinstance(result.rollup, pa.Table)


def test_a_policy_is_an_object_a_name_or_a_file(tmp_path: Path, polars_of: PolarsOf) -> None:
    pytest.importorskip("asn_performance.tables._rewards")
    from asn_performance.boundary.policy_files import (
        dump_reward_policy,
        load_builtin_policy,
    )

    national = load_builtin_policy("national")
    file = tmp_path / "policy.json"
    import json

    file.write_text(json.dumps(dump_reward_policy(national)), "utf-8")
    results = [polars_of(rewards(ROWS, p)) for p in (national, "national", file, str(file))]
    assert all(r.equals(results[0]) for r in results)
    with pytest.raises(AsnPerformanceError) as caught:
        rewards(ROWS, "no-such-policy")
    assert caught.value.rule == "POLICY-BUILTIN"
    with pytest.raises(InputError):
        rewards(ROWS, 3)


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )


def test_import_asn_performance_loads_no_frame_library() -> None:
    done = _run(
        "import sys, asn_performance; "
        "loaded = [m for m in ('polars', 'narwhals', 'pandas', 'pyarrow', 'dask') "
        "if m in sys.modules]; print(loaded)"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_without_the_extra_the_import_names_it() -> None:
    done = _run("import sys; sys.modules['polars'] = None; import asn_performance.tables")
    assert done.returncode != 0
    assert "pip install 'asn-performance[tables]'" in done.stderr


def test_read_ekinerja_is_loaded_on_first_use() -> None:
    done = _run(
        "import sys, asn_performance.tables as t; "
        "print('asn_performance.tables.ekinerja' in sys.modules); "
        "f = t.read_ekinerja; print(callable(f))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
