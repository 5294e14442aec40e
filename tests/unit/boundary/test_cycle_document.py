"""An SKP's life, a roster and a feedback entry as JSON
(:mod:`asn_performance.boundary.cycle_document`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from asn_performance.boundary.cycle_document import (
    dump_feedback,
    dump_roster,
    load_cycle,
    load_feedback,
    load_roster,
)
from asn_performance.domain.feedback import FeedbackEntry, FeedbackKind
from asn_performance.exceptions import SchemaError
from asn_performance.process.roster import Roster


def test_a_roster_round_trips_in_order(unit: Any) -> None:
    people = (unit.atasan, unit.supervisor, unit.employee)
    roster = Roster(people)
    dumped = dump_roster(roster)
    assert (dumped["schema_version"], dumped["kind"]) == ("1", "roster")
    assert [e["nip"] for e in dumped["employees"]] == [p.nip.digits for p in people]
    assert load_roster(dumped) == roster


def test_a_feedback_entry_round_trips(unit: Any) -> None:
    entry = FeedbackEntry(
        id="fb-1",
        plan_id="skp-2025-budi",
        author=unit.supervisor.nip,
        on=dt.date(2025, 3, 14),
        kind=FeedbackKind.parse("umpan_balik"),
        text="Laporan bulan Maret sudah lengkap.",
    )
    dumped = dump_feedback(entry)
    assert dumped["author_nip"] == unit.supervisor.nip.digits
    assert dumped["on"] == "2025-03-14"
    assert load_feedback(dumped) == entry


def test_a_cycle_without_events_is_refused_at_its_path() -> None:
    with pytest.raises(SchemaError) as caught:
        load_cycle({"schema_version": "1", "kind": "performance_cycle"})
    assert (caught.value.path or "").startswith("$.")
