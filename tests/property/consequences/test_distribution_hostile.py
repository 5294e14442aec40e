"""Hostile input to the distribution check and its oversight (SE MenPANRB 3/2023): only the
library's own errors escape (the property and its machinery are in :mod:`hostile`), and the bugs the
fuzzing found stay fixed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
from hostile import (
    OMIT,
    FuzzTarget,
    SpecTable,
    check_target,
    constructors,
    huge_key,
    refusal,
    values,
)
from hostile_bases import SAMPLE_APPRAISALS, TEXT_NEAR, TEXT_OK, after_oversight, render_report

from asn_performance import OrganisationPredikat, Predikat
from asn_performance.consequences.distribution import (
    DISTRIBUTION_LIMITS,
    Limit,
    Rounding,
    UnitInput,
    check_distribution,
    oversee,
)

_SPECS: SpecTable = {
    "UnitInput": (
        UnitInput,
        {
            "unit": (TEXT_OK, TEXT_NEAR),
            "organisation_predikat": (
                values("baik", OrganisationPredikat.ISTIMEWA),
                values("Baik Sekali", Predikat.BAIK),
            ),
            "counts": (
                values((2, 7, 1, 0, 0), [0, 0, 0, 0, 0], {"baik": 3}),
                values(
                    (1, 2, 3),
                    (-1, 0, 0, 0, 0),
                    (True, 0, 0, 0, 0),
                    {"bagus": 1},
                    {"baik": 1, "Baik": 2},
                    (10**6, 0, 0, 0, 0),
                    (10**9, 0, 0, 0, 0),
                    {"baik": -1},
                    ["baik", "baik"],
                ),
            ),
        },
        after_oversight,
    ),
    "UnitInput.from_appraisals": (
        UnitInput.from_appraisals,
        {
            "unit": (TEXT_OK, TEXT_NEAR),
            "organisation_predikat": (values("baik"), values("bagus")),
            "appraisals": (
                values(SAMPLE_APPRAISALS, ["baik", "kurang"], ()),
                values(["bagus"], [None], "baik", {"baik": 1}),
            ),
        },
        after_oversight,
    ),
    "Limit": (
        Limit,
        {
            "bound": (values("max", "min"), values("maximum", 1)),
            "predikat": (values(["baik"], "kurang", {"baik", "sangat_baik"}), values([], [1])),
            "percent": (values(None, 70, "12.5", OMIT), values(101, -1, "NaN")),
            "count": (values(None, 0, 1, OMIT), values(-1, True, 1.0, "1", 10**6)),
            "wording": (values("", "paling banyak", OMIT), TEXT_NEAR),
        },
        None,
    ),
    "check_distribution": (
        check_distribution,
        {
            "organisation_predikat": (values("baik", "istimewa"), values("bagus", None)),
            "predikat_counts_or_appraisals": (
                values({"baik": 8, "sangat_baik": 2}, SAMPLE_APPRAISALS, ["baik"], ()),
                values(
                    {"baik": -1},
                    {"bagus": 1},
                    {"baik": 10**6},
                    {"baik": 10**9},
                    "baik",
                    {"baik": 1.0},
                    [None],
                ),
            ),
            "rounding": (values("strict", "lenient", Rounding.STRICT, OMIT), values("up")),
            "unit": (values("Dinas", OMIT), TEXT_NEAR),
            "limits": (
                values(DISTRIBUTION_LIMITS, OMIT, {}),
                values({"baik": 5}, {"bagus": ()}, {"baik": [None]}, [1]),
            ),
        },
        render_report,
    ),
    "oversee": (
        oversee,
        {
            "units": (
                values([UnitInput("u", "baik", (2, 7, 1, 0, 0))], ()),
                values(None, 5, [None], "units", UnitInput("u", "baik", (0, 0, 0, 0, 0)), {"u": 1}),
            ),
            "rounding": (values("strict", OMIT), values("round", None)),
            "limits": (values(DISTRIBUTION_LIMITS, OMIT), values({"baik": 5}, None, [])),
        },
        lambda report: report.render(),
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)


@pytest.mark.parametrize(
    "call",
    [
        lambda: check_distribution("baik", huge_key()),
        lambda: check_distribution("baik", {"baik": 1}, limits=huge_key(())),
        lambda: UnitInput("unit", "baik", huge_key()),
    ],
)
def test_a_key_too_large_to_print_gives_a_library_error(call: Callable[[], object]) -> None:
    # Was: ValueError (int of more than 4300 digits) while formatting the error's path.
    refusal(call)


@pytest.mark.parametrize(
    "call",
    [
        lambda: UnitInput("unit", "baik", (10**5000, 0, 0, 0, 0)),
        lambda: Limit("max", ["baik"], count=10**5000),
        lambda: check_distribution("baik", {"baik": 10**9}),
    ],
)
def test_a_number_or_date_beyond_any_real_one_is_refused(call: Callable[[], object]) -> None:
    # Was: accepted, then OverflowError / ValueError ("year 1000002026 is out of range", "date
    # value out of range") when the timeline was computed -- exit 70 from `rewards` -- or an
    # object whose repr() raised.
    error = refusal(call)
    assert error.rule in ("RANGE", "POLICY-TABLE")


def test_limits_and_units_that_are_not_collections_are_refused() -> None:
    # Was: TypeError ("'int' object is not iterable", "'NoneType' object is not iterable").
    limits: Any = {"baik": 5}
    assert refusal(lambda: check_distribution("baik", {"baik": 1}, limits=limits)).rule == "TYPE"
    assert refusal(lambda: oversee(None)).rule == "TYPE"  # type: ignore[arg-type]
    assert refusal(lambda: oversee(5)).rule == "TYPE"  # type: ignore[arg-type]


def test_a_distribution_report_is_named_with_text() -> None:
    # Was: unit=float("nan") accepted, giving a report unequal to itself.
    nan: Any = math.nan
    assert refusal(lambda: check_distribution("baik", {"baik": 1}, unit=nan)).rule == "TEXT"
