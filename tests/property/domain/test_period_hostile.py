"""Hostile input to periods (:class:`~asn_performance.Period`): only the library's own errors escape
(the property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hostile import FuzzTarget, SpecTable, check_target, constructors, values
from hostile_bases import DATES_NEAR, YEARS_NEAR

from asn_performance import Period
from asn_performance.domain.period import PeriodKind

_SPECS: SpecTable = {
    "Period.parse": (
        Period.parse,
        {
            "text": (
                values("2025", "2025-Q1", "2025-03", "2025-01-15/2025-06-30", " 2025-q4 "),
                values(
                    "2025-Q0",
                    "2025-Q5",
                    "2025-00",
                    "2025-13",
                    "1969",
                    "2101",
                    "0000",
                    "9999",
                    "2025-02-30/2025-03-01",
                    "2025-06-30/2025-01-15",
                    "0000-01-01/2025-01-01",
                    "2025-01-01/9999-12-31",
                    "2025/2026",
                    "2025-1",
                    "2025-W01",
                    "2025-Q1-01",
                ),
            )
        },
        None,
    ),
    "Period.annual": (Period.annual, {"year": (values(2025, 1970, 2100), YEARS_NEAR)}, None),
    "Period.quarter": (
        Period.quarter,
        {
            "year": (values(2025, 2100), YEARS_NEAR),
            "quarter": (values(1, 4), values(0, 5, -1, True, "1", 1.0)),
        },
        None,
    ),
    "Period.month": (
        Period.month,
        {
            "year": (values(2025, 1970), YEARS_NEAR),
            "month": (values(1, 12), values(0, 13, -1, True, "3", 3.0)),
        },
        None,
    ),
    "Period.span": (
        Period.span,
        {
            "start": (values(dt.date(2025, 1, 15), dt.date(1970, 1, 1)), DATES_NEAR),
            "end": (values(dt.date(2025, 6, 30), dt.date(2100, 12, 31)), DATES_NEAR),
        },
        None,
    ),
    "Period": (
        Period,
        {
            "kind": (values(*PeriodKind), values("annual", "custom", 1)),
            "start": (values(dt.date(2025, 1, 1), dt.date(2025, 4, 1)), DATES_NEAR),
            "end": (values(dt.date(2025, 12, 31), dt.date(2025, 6, 30)), DATES_NEAR),
        },
        None,
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)
