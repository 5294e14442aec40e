"""Regression tests for the review of ``asn_performance.tables`` (part a): an unchecked unit in
the roll-up, column-name collisions, an unreadable policy file, list-typed key columns.

Expectations are worked out by hand from the rows below.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from asn_performance import tables
from asn_performance.exceptions import InputError, PolicyError
from asn_performance.tables import Columns


def _staff() -> pl.DataFrame:
    # The reviewer's rows: "Baik" and "x" are not ratings (a rating is di_atas / sesuai /
    # di_bawah ekspektasi), so unit A has no predikat at all; B is sesuai/sesuai -> baik.
    return pl.DataFrame(
        {
            "unit": ["A", "A", "B"],
            "rating_hasil_kerja": ["Baik", "x", "sesuai"],
            "rating_perilaku_kerja": ["sesuai"] * 3,
            "organisation_predikat": ["baik"] * 3,
        }
    )


# --- 1. a unit with no counted employee is a problem, never within -------------------------


def test_unit_without_counted_employee_is_a_problem_not_within() -> None:
    # A: two rows with ratings that are not ratings -> no predikat -> total 0, not_counted 2.
    # B: one employee, sesuai/sesuai -> baik; organisation baik: at most floor(70% of 1) = 0
    #    Baik -> B violates (count 1 > 0).
    df = pl.DataFrame(
        {
            "unit": ["A", "A", "B"],
            "rating_hasil_kerja": ["x", "y", "sesuai"],
            "rating_perilaku_kerja": ["sesuai"] * 3,
            "organisation_predikat": ["baik"] * 3,
        }
    )
    checked = tables.distribution(df)
    (a,) = [r for r in checked.report.to_dicts() if r["unit"] == "A"]
    assert (a["total"], a["not_counted"], a["ok"], a["limit_bound"]) == (0, 2, None, None)
    assert a["problem"].startswith("SE3/2023-DISTRIBUTION: no employee of the unit has a predikat")
    assert checked.rollup.to_dicts() == [
        {
            "units": 2,
            "units_within": 0,
            "units_violating": 1,
            "units_with_problem": 1,
            "employees": 1,
            "not_counted": 2,
            "duplicates": 0,
        }
    ]


def test_the_reviewers_reproduction() -> None:
    # A: total 0, not_counted 2 -> a problem; B: 1 Baik of 1 > floor(70% of 1) = 0 -> violating.
    checked = tables.distribution(_staff())
    (a,) = [r for r in checked.report.to_dicts() if r["unit"] == "A"]
    assert (a["total"], a["not_counted"], a["ok"]) == (0, 2, None)
    assert a["problem"] is not None
    rollup = checked.rollup.to_dicts()[0]
    assert (rollup["units_within"], rollup["units_violating"], rollup["units_with_problem"]) == (
        0,
        1,
        1,
    )


def test_a_unit_with_only_null_predikat_is_a_problem() -> None:
    df = pl.DataFrame(
        {"unit": ["A", "A"], "predikat": [None, None], "organisation_predikat": ["baik"] * 2},
        schema=dict.fromkeys(("unit", "predikat", "organisation_predikat"), pl.String),
    )
    rollup = tables.distribution(df).rollup.to_dicts()[0]
    assert (rollup["units"], rollup["units_within"], rollup["units_with_problem"]) == (1, 0, 1)


def test_a_checked_unit_keeps_no_problem() -> None:
    # Organisation baik: 1 Baik of 2 <= floor(1.4) = 1; 1 Butuh Perbaikan >= 1: both limits
    # hold, no problem.
    df = pl.DataFrame(
        {
            "unit": ["A"] * 2,
            "predikat": ["baik", "butuh_perbaikan"],
            "organisation_predikat": ["baik"] * 2,
        }
    )
    rows = tables.distribution(df).report.to_dicts()
    assert [(r["ok"], r["problem"]) for r in rows] == [(True, None), (True, None)]


# --- 2. column-name collisions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mapping", "role"),
    [
        ({"predikat": "problem"}, "predikat"),
        ({"predikat": "rating_hasil_kerja"}, "predikat"),
        ({"nip": "unit"}, "nip"),
        ({"problem": "nip"}, "problem"),
        ({"rating_hasil_kerja": "X", "rating_perilaku_kerja": "X"}, "rating_perilaku_kerja"),
    ],
)
def test_two_roles_on_one_name_are_refused(mapping: dict[str, str], role: str) -> None:
    with pytest.raises(InputError) as caught:
        tables.appraise(_staff(), columns=mapping)
    assert caught.value.rule == "TABLE-COLUMN"
    assert caught.value.path == f"columns[{role!r}]"
    assert caught.value.fix


def test_a_columns_object_with_two_roles_on_one_name_is_refused() -> None:
    with pytest.raises(InputError, match="both name the column 'x'") as caught:
        tables.appraise(_staff(), columns=Columns(unit="x", nip="x"))
    assert caught.value.rule == "TABLE-COLUMN"


def test_the_input_ratings_are_never_overwritten() -> None:
    df = _staff()
    with pytest.raises(InputError):
        tables.appraise(df, columns={"predikat": "rating_hasil_kerja"})
    assert df["rating_hasil_kerja"].to_list() == ["Baik", "x", "sesuai"]


def test_renaming_to_free_names_still_works() -> None:
    df = _staff().rename({"rating_hasil_kerja": "Hasil"})
    out = tables.appraise(df, columns={"rating_hasil_kerja": "Hasil", "predikat": "P"})
    # Baik and x are not ratings -> no predikat; sesuai/sesuai -> baik.
    assert out["P"].to_list() == [None, None, "baik"]
    assert out["Hasil"].to_list() == ["Baik", "x", "sesuai"]


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"agency": "predikat"}, "agency"),
        ({"agency": "total"}, "agency"),
        ({"agency": "organisation_predikat"}, "agency"),
        ({"agency": "units"}, "agency"),
        ({"columns": {"unit": "count"}}, "columns['unit']"),
        ({"columns": {"nip": "unit"}}, "columns['nip']"),
    ],
)
def test_distribution_refuses_colliding_names(kwargs: dict[str, object], path: str) -> None:
    df = pl.DataFrame(
        {
            "unit": ["A", "A"],
            "count": ["A", "A"],
            "total": ["X", "X"],
            "units": ["X", "X"],
            "nip": ["1", "2"],
            "predikat": ["baik", "butuh_perbaikan"],
            "organisation_predikat": ["baik", "baik"],
        }
    )
    with pytest.raises(InputError) as caught:
        tables.distribution(df, **kwargs)  # type: ignore[arg-type]
    assert caught.value.rule == "TABLE-COLUMN"
    assert caught.value.path == path


def test_distribution_with_a_free_agency_name_still_works() -> None:
    df = pl.DataFrame(
        {
            "unit": ["A", "A"],
            "instansi": ["X", "X"],
            "predikat": ["baik", "butuh_perbaikan"],
            "organisation_predikat": ["baik", "baik"],
        }
    )
    rollup = tables.distribution(df, agency="instansi").rollup.to_dicts()
    assert [(r["instansi"], r["units"]) for r in rollup] == [("X", 1)]


# --- 3. a policy file that cannot be read -------------------------------------------------------


def test_a_missing_policy_file_is_a_policy_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    df = pl.DataFrame({"rating_hasil_kerja": ["sesuai"], "rating_perilaku_kerja": ["sesuai"]})
    for given in (str(missing), missing):
        with pytest.raises(PolicyError) as caught:
            tables.rewards(df, given)
        assert caught.value.rule == "POLICY-FILE"
        assert str(missing) in str(caught.value)


# --- 4. list-typed key columns ----------------------------------------------------------------


@pytest.mark.parametrize("column", ["unit", "nip", "period", "agency"])
def test_a_list_or_struct_key_column_is_refused(column: str) -> None:
    data: dict[str, object] = {
        "unit": ["a"],
        "nip": ["1"],
        "period": ["2024"],
        "agency": ["X"],
        "predikat": ["baik"],
        "organisation_predikat": ["baik"],
    }
    data[column] = [[data[column][0]]]  # type: ignore[index]
    df = pl.DataFrame(data)
    with pytest.raises(InputError) as caught:
        tables.distribution(df, agency="agency")
    assert (caught.value.rule, caught.value.path) == ("TYPE", column)
    assert "as text" in (caught.value.fix or "")
    struct = df.with_columns(pl.struct(pl.col("predikat")).alias(column))
    with pytest.raises(InputError):
        tables.distribution(struct, agency="agency")


def test_distribution_reads_the_predikat_as_rewards_does() -> None:
    """Review remark: `distribution` counted only predikat codes while `rewards` reads any
    spelling; "Baik" from a portal export was not counted. By hand: Baik, SANGAT BAIK and
    "perlu perbaikan" are three predikat (one each), "zz" is none: total 3, not counted 1."""
    import polars as pl

    from asn_performance import tables

    frame = pl.DataFrame(
        {
            "unit": ["A"] * 4,
            "predikat": ["Baik", "SANGAT BAIK", "perlu perbaikan", "zz"],
            "organisation_predikat": ["baik"] * 4,
        }
    )
    report = tables.distribution(frame).report
    first = report.row(0, named=True)
    assert (first["total"], first["not_counted"]) == (3, 1)
    counts = ("count_sangat_baik", "count_baik", "count_butuh_perbaikan", "count_kurang")
    assert tuple(first[name] for name in counts) == (1, 1, 1, 0)
    assert first["problem"] == (
        "D12-LABELS: 1 row(s) whose predikat is not a predikat are not counted"
    )
