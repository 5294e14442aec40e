"""Hostile input to feedback entries (*umpan balik berkelanjutan*): only the library's own errors
escape (the property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay
fixed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hostile import OMIT, FuzzTarget, SpecTable, check_target, constructors, values
from hostile_bases import DATES_NEAR, NIP, NIPS_OK, PEJABAT, PLAN, TEXT_NEAR, after_dump

from asn_performance import FeedbackEntry, FeedbackKind
from asn_performance.boundary.appraisal_document import dump_feedback

_SPECS: SpecTable = {
    "FeedbackEntry": (
        FeedbackEntry,
        {
            "id": (values("fb-1"), values("", " fb", "x" * 101, 1)),
            "plan_id": (values(PLAN.id), values("", None)),
            "author": (values(NIP, PEJABAT.nip), NIPS_OK),
            "on": (values(dt.date(2025, 2, 10)), DATES_NEAR),
            "kind": (values(*FeedbackKind), values("report", "laporan")),
            "text": (values("Laporan"), TEXT_NEAR),
            "indicator_id": (values(None, "iki-1", OMIT), values("", " iki")),
            "replies_to": (values(None, "fb-0", OMIT), values("fb-1", "")),
            "link": (values(None, "https://x.example/1", OMIT), TEXT_NEAR),
        },
        after_dump(dump_feedback),
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)
