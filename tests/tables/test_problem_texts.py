"""``tables._problems.problem_texts``: the problem column built only for the rows that have
one, with a literal condition or text spread over the rows as an expression would spread it
(found in review)."""

from __future__ import annotations

import pytest

pl = pytest.importorskip("polars")

from asn_performance.tables._problems import Check, problem_texts  # noqa: E402


def test_a_literal_condition_holds_on_every_row() -> None:
    frame = pl.DataFrame({"b": ["x", "y", "z"]})
    check = Check(pl.lit(True), pl.lit("RULE-A: b is ") + pl.col("b"))
    out = frame.select(problem_texts([check]).alias("problem"))["problem"].to_list()
    assert out == ["RULE-A: b is x", "RULE-A: b is y", "RULE-A: b is z"]


def test_a_literal_flag_given_and_a_column_condition() -> None:
    frame = pl.DataFrame({"b": ["x", "y", "z"], "n": [1, -1, 2]})
    checks = [
        Check(pl.col("n") < 0, pl.lit("RULE-N: n below 0")),
        Check(pl.lit(False), pl.lit("RULE-NEVER: never")),
    ]
    # any_holds as a literal true: every row is looked at; only the second has a problem
    out = (
        frame.lazy()
        .select(problem_texts(checks, any_holds=pl.lit(True)).alias("problem"))
        .collect(engine="streaming")["problem"]
        .to_list()
    )
    assert out == [None, "RULE-N: n below 0", None]


def test_only_the_rows_with_a_problem_get_a_text() -> None:
    frame = pl.DataFrame({"n": [5, -2, 0, -7], "m": ["a", "b", "c", "d"]})
    checks = [
        Check(pl.col("n") < 0, pl.lit("RULE-N: n is ") + pl.col("n").cast(pl.String)),
        Check(pl.col("m") == "d", pl.lit("RULE-M: m is d")),
    ]
    out = frame.select(problem_texts(checks, pl.col("m").replace({"a": ""})).alias("p"))
    # row 1: m "" is no problem; row 2: n -2; row 3: the existing "c"; row 4: "d", n -7, m d
    assert out["p"].to_list() == [
        None,
        "b; RULE-N: n is -2",
        "c",
        "d; RULE-N: n is -7; RULE-M: m is d",
    ]
