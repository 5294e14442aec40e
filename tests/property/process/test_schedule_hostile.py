"""Hostile input to the schedules: only the library's own errors escape (the property and its
machinery are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hostile import OMIT, FuzzTarget, SpecTable, check_target, constructors, values
from hostile_bases import DATES_NEAR, YEARS_NEAR

from asn_performance import Cadence, assignment_periods, assignment_schedules, periodic_schedule

_SPECS: SpecTable = {
    "periodic_schedule": (
        periodic_schedule,
        {
            "year": (values(2025, 1970, 2100), YEARS_NEAR),
            "cadence": (values(*Cadence, "triwulan", "bulanan"), values("weekly", "")),
            "start": (values(None, dt.date(2025, 3, 15), OMIT), DATES_NEAR),
            "end": (values(None, dt.date(2025, 10, 31), OMIT), DATES_NEAR),
        },
        lambda schedule: (schedule.explain(), schedule.to_markdown(), schedule.to_rows()),
    ),
    "assignment_periods": (
        assignment_periods,
        {
            "year": (values(2025), YEARS_NEAR),
            "joined": (values(None, dt.date(2025, 3, 1), OMIT), DATES_NEAR),
            "left": (values(None, dt.date(2025, 11, 30), OMIT), DATES_NEAR),
            "moves": (
                values((), [dt.date(2025, 7, 1)], OMIT),
                values(
                    [dt.date(2025, 1, 1)],
                    [dt.date(2026, 7, 1)],
                    [dt.date(2025, 7, 1)] * 2,
                    ["2025-07-01"],
                    dt.date(2025, 7, 1),
                ),
            ),
        },
        None,
    ),
    "assignment_schedules": (
        assignment_schedules,
        {
            "year": (values(2025), YEARS_NEAR),
            "cadence": (values("quarterly", Cadence.MONTHLY), values("daily")),
            "joined": (values(None, dt.date(2025, 3, 1), OMIT), DATES_NEAR),
            "left": (values(None, OMIT), DATES_NEAR),
            "moves": (values((), [dt.date(2025, 7, 1)], OMIT), values([None], "2025-07-01")),
        },
        lambda schedules: [s.explain() for s in schedules],
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)
