"""Tests for :mod:`asn_performance.process.lifecycle.events`: events: their times (UTC offsets,
years, order), their digests and the fields of an event built by hand.

The story they share (people, plan, one event per line) is in ``lifecycle_story.py``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Callable

import pytest
from lifecycle_story import (
    ANNUAL,
    DECIDED,
    DRAFTED,
    FINAL,
    LIFE,
    PLAN,
    RECEIVED,
    SET,
    E,
    P,
    raises,
    utc,
    wib,
)

from asn_performance.exceptions import (
    InputError,
    LifecycleError,
)
from asn_performance.process.lifecycle import (
    WIB,
    Action,
    Event,
    PerformanceCycle,
    PlanRole,
    Stage,
)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: SET.accept(by=E, at=dt.datetime(2025, 1, 6, 9)), id="accept"),  # noqa: DTZ001
        pytest.param(lambda: FINAL.receive(by=E, at=dt.datetime(2026, 1, 13, 8)), id="receive"),  # noqa: DTZ001
        pytest.param(
            lambda: PerformanceCycle.draft(PLAN, by=E, at=dt.datetime(2025, 1, 2)),  # noqa: DTZ001
            id="draft",
        ),
    ],
)
def test_a_time_without_its_utc_offset_is_refused(call: Callable[[], object]) -> None:
    error = raises(InputError, call)
    assert error.rule == "LIFECYCLE-TIME"
    assert error.path == "at"
    assert "UTC offset" in error.message


def test_a_date_is_not_a_time() -> None:
    error = raises(InputError, lambda: SET.accept(by=E, at=dt.date(2025, 1, 6)))  # type: ignore[arg-type]
    assert (error.rule, error.path) == ("TYPE", "at")


def test_an_event_earlier_than_the_one_before_it_is_refused() -> None:
    error = raises(LifecycleError, lambda: SET.accept(by=E, at=wib(2025, 1, 3, 8, 59)))
    assert error.rule == "LIFECYCLE-TIME"
    assert error.path == "at"
    assert "2025-01-03T08:59:00+07:00" in error.message
    assert "2025-01-03T09:00:00+07:00" in error.message


def test_events_are_ordered_by_instant_not_by_wall_clock() -> None:
    # set at 23:30 UTC on 3 January = 06:30 WIB on 4 January
    late_set, _ = DRAFTED.set_plan(by=P, at=utc(2025, 1, 3, 23, 30))
    # 00:30 WIB on 4 January is 17:30 UTC on 3 January: earlier, though its date is later
    error = raises(LifecycleError, lambda: late_set.accept(by=E, at=wib(2025, 1, 4, 0, 30)))
    assert error.rule == "LIFECYCLE-TIME"
    same_instant, _ = late_set.accept(by=E, at=wib(2025, 1, 4, 6, 30))
    assert same_instant.stage is Stage.AGREED


def test_an_event_built_by_hand_needs_an_aware_time() -> None:
    error = raises(
        InputError,
        lambda: Event(
            sequence=0,
            action=Action.DRAFT,
            actor=E,
            role=PlanRole.EMPLOYEE,
            at=dt.datetime(2025, 1, 2, 9),  # noqa: DTZ001
            stage_before=None,
            stage_after=Stage.DRAFT,
            subject=PLAN,
        ),
    )
    assert (error.rule, error.path) == ("LIFECYCLE-TIME", "at")


def test_each_event_names_the_digest_of_the_one_before_it() -> None:
    events = DECIDED.events
    assert events[0].previous_digest == ""
    for previous, event in itertools.pairwise(events):
        assert event.previous_digest == previous.digest


def test_an_events_digest_is_sha256_of_its_canonical_record() -> None:
    event = LIFE[1].event  # the pejabat penilai sets the plan; no subject
    previous = LIFE[0].event.digest.encode()
    body = (
        b'{"action":"set","actor_nip":"197503142000031002","actor_role":"pejabat_penilai",'
        b'"appraisal":null,"at":"2025-01-03T09:00:00+07:00","deadline":null,"feedback":null,'
        b'"note":"","plan":null,"previous_digest":"' + previous + b'","sequence":1,'
        b'"stage_after":"draft","stage_before":"draft"}'
    )
    assert event.digest == hashlib.sha256(body).hexdigest()


def test_the_receipts_digest_covers_its_deadline() -> None:
    event = LIFE[10].event
    previous = LIFE[9].event.digest.encode()
    body = (
        b'{"action":"receive","actor_nip":"198609262015051001","actor_role":"employee",'
        b'"appraisal":null,"at":"2026-01-13T08:00:00+07:00","deadline":"2026-01-27",'
        b'"feedback":null,"note":"","plan":null,"previous_digest":"' + previous + b'",'
        b'"sequence":10,"stage_after":"final","stage_before":"final"}'
    )
    assert event.digest == hashlib.sha256(body).hexdigest()


class _BrokenZone(dt.tzinfo):
    def utcoffset(self, _moment: dt.datetime | None) -> dt.timedelta:
        raise RuntimeError("no offset")

    def dst(self, _moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)


class _SecondsZone(dt.tzinfo):
    def utcoffset(self, _moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=7, minutes=7, seconds=12)  # Batavia mean time, 1900

    def dst(self, _moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2025, 1, 2, 9, tzinfo=_BrokenZone()),
        dt.datetime(2025, 1, 2, 9, tzinfo=_SecondsZone()),
        dt.datetime(9999, 12, 31, 8, tzinfo=WIB),
        dt.datetime(1, 1, 1, 8, tzinfo=WIB),
    ],
    ids=["broken-zone", "offset-with-seconds", "year-9999", "year-1"],
)
def test_a_time_without_a_usable_offset_or_year_is_refused(moment: dt.datetime) -> None:
    error = raises(InputError, lambda: PerformanceCycle.draft(PLAN, by=E, at=moment))
    assert (error.rule, error.path) == ("LIFECYCLE-TIME", "at")


def test_a_zone_with_daylight_saving_is_stored_as_its_offset_and_replays() -> None:
    from zoneinfo import ZoneInfo

    from asn_performance.boundary.appraisal_document import dump_cycle, load_cycle

    new_york = ZoneInfo("America/New_York")
    cycle = PerformanceCycle.draft(PLAN, by=E, at=dt.datetime(2025, 3, 10, 9, tzinfo=new_york))
    # 10 March 2025 is after the switch to daylight time: UTC-4.
    assert cycle.cycle.events[0].at.utcoffset() == dt.timedelta(hours=-4)
    assert load_cycle(dump_cycle(cycle.cycle)) == cycle.cycle


def test_an_event_appraisal_with_a_seal_of_its_own_is_refused() -> None:
    from asn_performance.boundary.appraisal_document import dump_cycle, load_cycle
    from asn_performance.exceptions import SchemaError

    data = dump_cycle(ANNUAL)
    del data["integrity"]
    data["events"][8]["appraisal"]["integrity"] = {
        "algorithm": "sha256",
        "canonical": "asn-performance-json/1",
        "digest": "0" * 64,
    }
    error = raises(SchemaError, lambda: load_cycle(data))
    assert error.path == "$.events[8].appraisal.integrity"


def test_reasons_with_a_lone_surrogate_are_refused_at_the_field() -> None:
    error = raises(
        InputError, lambda: RECEIVED.file_objection("alasan \ud800", by=E, at=wib(2026, 1, 14))
    )
    assert (error.rule, error.path) == ("TEXT", "note")
