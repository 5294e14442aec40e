"""Hostile input to the performance cycle's first steps: only the library's own errors escape (the
property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hostile import OMIT, FuzzTarget, SpecTable, check_target, constructors, refusal, values
from hostile_bases import (
    ATASAN,
    CYCLES,
    NIP,
    NIPS_NEAR,
    PEJABAT,
    PLAN,
    ROSTER,
    SAMPLE,
    after_cycle,
    wib,
)

from asn_performance import PerformanceCycle, Roster
from asn_performance.boundary.appraisal_document import dump_plan
from asn_performance.process.lifecycle import WIB


def _step(cycle: PerformanceCycle, step: str, **kwargs: Any) -> object:
    """A step of the cycle's life by name (``set_plan``, ``accept``, ``begin``...)."""
    return getattr(cycle, step)(**kwargs)


_SPECS: SpecTable = {
    "PerformanceCycle.draft": (
        PerformanceCycle.draft,
        {
            "plan": (values(PLAN), values(PLAN.id, None, dump_plan(PLAN))),
            "by": (
                values(NIP, PEJABAT.nip, NIP.digits),
                NIPS_NEAR + values(ATASAN.nip),
            ),
            "at": (
                values(wib(2025, 1, 2, 9)),
                values(
                    dt.datetime(2025, 1, 2, 9),  # noqa: DTZ001 - naive on purpose
                    dt.date(2025, 1, 2),
                    "2025-01-02T09:00+07:00",
                    dt.datetime(1, 1, 1, tzinfo=WIB),
                    dt.datetime.max.replace(tzinfo=WIB),
                ),
            ),
            "roster": (values(None, ROSTER, OMIT), values(SAMPLE.employees, Roster(()))),
        },
        lambda transition: after_cycle(transition.cycle),
    ),
    "PerformanceCycle step": (
        _step,
        {
            "cycle": (values(*CYCLES), None),
            "step": (values("set_plan", "accept", "begin", "finalise"), None),
            "by": (values(NIP, PEJABAT.nip, ATASAN.nip), NIPS_NEAR),
            "at": (
                values(wib(2025, 1, 3, 9), wib(2026, 2, 1, 8)),
                values(
                    dt.datetime(2025, 1, 3, 9),  # noqa: DTZ001 - naive on purpose
                    wib(2024, 1, 1, 0),
                    dt.date(2025, 1, 3),
                    dt.datetime.max.replace(tzinfo=WIB),
                    dt.datetime.min.replace(tzinfo=WIB),
                ),
            ),
        },
        lambda transition: after_cycle(transition.cycle),
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)


def test_known_draft_refuses_a_roster_that_is_not_one() -> None:
    refusal(
        lambda: PerformanceCycle.draft(
            PLAN,
            by=NIP,
            at=wib(2025, 1, 2, 9),
            roster=SAMPLE.employees,  # type: ignore[arg-type]
        )
    )
