"""``AsnPerformanceError.from_problems``: one error standing for a list of problems."""

from __future__ import annotations

import pytest

from asn_performance.exceptions import AuthorityError, InputError, Problem

PROBLEMS = [
    Problem("first", "$.a", "x", "TYPE", "fix a"),
    Problem("second", "$.b", None, "RANGE", "fix b"),
    Problem("third", None, None, None, None),
]


def test_the_first_problem_is_the_errors_own_and_the_others_follow() -> None:
    error = InputError.from_problems(PROBLEMS, more=4)
    assert type(error) is InputError
    assert (error.message, error.path, error.value, error.rule, error.fix) == (
        "first",
        "$.a",
        "x",
        "TYPE",
        "fix a",
    )
    assert error.problems == tuple(PROBLEMS)
    # 3 listed + 4 counted only = 7 in all.
    assert error.count == 7


def test_a_suffix_follows_the_message_but_not_the_listed_problem() -> None:
    error = AuthorityError.from_problems(PROBLEMS, suffix=" (and 2 more problems)")
    assert error.message == "first (and 2 more problems)"
    assert error.problems[0].message == "first"  # problems strips the count suffix


def test_no_problem_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="not enough values"):
        InputError.from_problems([])
