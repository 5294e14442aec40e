"""Errors: every error names its rule and shows the value it refused in one readable line."""

from __future__ import annotations

import pytest

from asn_performance import Target
from asn_performance.exceptions import DecimalInputError


def test_an_int_too_large_to_print_still_gives_a_readable_error_line() -> None:
    with pytest.raises(DecimalInputError) as caught:
        Target(10**10000)
    line = str(caught.value)
    assert "too large to show" in line
    assert "D5-RANGE" in line


def test_every_error_has_at_least_its_own_problem() -> None:
    from asn_performance.exceptions import InputError, Problem

    error = InputError("bad", path="$.x", value=3, rule="R-1", fix="give 2")
    assert error.problems == (Problem("bad", "$.x", 3, "R-1", "give 2"),)
    assert (error.count, error.more) == (1, 0)
    assert error.to_dict() == {
        "problems": [{"path": "$.x", "value": 3, "rule": "R-1", "message": "bad", "fix": "give 2"}],
        "more": 0,
    }


def test_problems_past_the_listed_limit_are_counted() -> None:
    """100 problems are listed (the error's own and 99 others); of 250, 150 are counted."""
    from asn_performance.exceptions import MAX_LISTED, AsnPerformanceError, Problem

    others = [Problem(f"p{i}", f"$.a[{i}]") for i in range(1, 200)]
    error = AsnPerformanceError("p0 (and 249 more problems)", path="$.a[0]", also=others, more=50)
    assert MAX_LISTED == 100
    assert len(error.problems) == 100
    assert error.problems[0] == Problem("p0", "$.a[0]")  # the count is not in the problem
    assert error.problems[-1] == Problem("p99", "$.a[99]")
    assert error.more == 150  # 100 of the 199 others not listed, and 50 never read
    assert error.count == 250
    assert str(error) == "$.a[0]: p0 (and 249 more problems)"


def test_a_moved_error_keeps_its_other_problems() -> None:
    from asn_performance.exceptions import AsnPerformanceError, Problem

    error = AsnPerformanceError("bad", path="x", also=[Problem("worse", "$.y")])
    moved = error.at("$.plans[2]")
    assert [p.path for p in moved.problems] == ["$.plans[2].x", "$.y"]


def test_a_problem_value_is_json_ready() -> None:
    from decimal import Decimal

    from asn_performance.exceptions import Problem

    assert Problem("m", value=Decimal("1.50")).to_dict()["value"] == "1.50"
    assert Problem("m", value="x" * 300).to_dict()["value"] == "x" * 197 + "..."
    assert Problem("m", value=10**20).to_dict()["value"] == str(10**20)
    assert Problem("m").to_dict()["value"] is None
    assert Problem("m", value=(1, 2)).to_dict()["value"] == "(1, 2)"
