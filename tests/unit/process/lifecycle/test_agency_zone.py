"""Issue 10, section 4: the agency's zone and objection window, fixed when a cycle is opened.

Each test reproduces what was missing in the cycle as it was: days were always counted in WIB
(a fixed ``AGENCY_ZONE``), so an agency in WITA or WIT had its receipts, deadlines and
objections read on the wrong day around midnight; and the window was always the library's 14
days, so an agency could not set its own (the issue: "Count days in the agency's zone (a
setting per unit or per cycle, default WIB, with WITA and WIT)"; "The window comes from the
policy, not from the person who benefits"). Before the change ``PerformanceCycle.draft`` took
no ``settings`` and ``CycleSettings`` did not exist, so every test below that opens a cycle
with settings failed. The last tests guard what must not change: a cycle stored before the
change loads as WIB and 14 days, with its digests and seal intact.

Every expected day is worked by hand in the comments. WIB is UTC+7, WITA UTC+8, WIT UTC+9;
"day 1" of a window is the day after the day of receipt.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from lifecycle_story import (
    AT,
    DECIDED,
    DECISION_REASONS,
    FB1,
    FB2,
    FB3,
    FINAL,
    OBJECTION_REASONS,
    PLAN,
    Q1,
    YEAR,
    E,
    P,
    pp_assessment,
    raises,
    wib,
)

import asn_performance
from asn_performance.boundary.cycle_document import dump_cycle, load_cycle
from asn_performance.exceptions import (
    AsnPerformanceError,
    InputError,
    IntegrityError,
    LifecycleError,
    ObjectionDeadlineError,
    SchemaError,
)
from asn_performance.process.lifecycle import (
    DEFAULT_SETTINGS,
    WIB,
    WIT,
    WITA,
    Action,
    CycleSettings,
    Event,
    PerformanceCycle,
    PlanRole,
    Stage,
)

UTC = dt.UTC
DATA = Path(__file__).parent / "data"
#: The story's cycle (lifecycle_story.DECIDED) as dump_cycle wrote it at commit 951baf3, before
#: settings existed: once plain, once with a keyed seal made with KEY.
OLD_PLAIN = DATA / "cycle_before_settings.json"
OLD_KEYED = DATA / "cycle_before_settings_keyed.json"
KEY = b"agency seal key for the test of old cycles"


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def final(settings: CycleSettings) -> PerformanceCycle:
    """The story's cycle up to its finalised result (events #0-#9), opened with ``settings``."""
    cycle = PerformanceCycle.draft(PLAN, by=E, at=wib(2025, 1, 2), settings=settings).cycle
    steps: list[Callable[[PerformanceCycle], PerformanceCycle]] = [
        lambda c: c.set_plan(by=P, at=wib(2025, 1, 3)).cycle,
        lambda c: c.accept(by=E, at=wib(2025, 1, 6)).cycle,
        lambda c: c.begin(by=E, at=wib(2025, 1, 6, 10)).cycle,
        lambda c: c.log(FB1, at=wib(2025, 2, 10, 16)).cycle,
        lambda c: c.log(FB2, at=wib(2025, 2, 12)).cycle,
        lambda c: (
            c.evaluate_period(
                c.appraise([pp_assessment(Q1)], period=Q1), by=P, at=wib(2025, 4, 7)
            ).cycle
        ),
        lambda c: c.log(FB3, at=wib(2025, 5, 2)).cycle,
        lambda c: (
            c.evaluate_year(c.appraise([pp_assessment(YEAR)]), by=P, at=wib(2026, 1, 12)).cycle
        ),
        lambda c: c.finalise(by=P, at=wib(2026, 1, 12, 10)).cycle,
    ]
    for step in steps:
        cycle = step(cycle)
    return cycle


IN_WIB, IN_WITA, IN_WIT = (final(CycleSettings(zone=z)) for z in ("WIB", "WITA", "WIT"))
SEVEN_DAYS = final(CycleSettings(objection_days=7))


# --- the day of receipt and the deadline in the agency's zone -----------------------------------


def test_a_receipt_just_before_midnight_wib_counts_as_the_next_day_in_wit() -> None:
    """Reproduces: a receipt at 23:30 WIB on 10 February was the 10th in every agency, though
    in WIT it is 01:30 on 11 February."""
    at = dt.datetime(2026, 2, 10, 23, 30, tzinfo=WIB)  # = 2026-02-11 01:30 WIT
    received, event = IN_WIT.receive(by=E, at=at)
    # received on 11 February (WIT); day 1 is 12 February, day 14 is 25 February
    assert event.deadline == dt.date(2026, 2, 25)
    assert received.objection_deadline == dt.date(2026, 2, 25)
    # the same receipt in a WIB agency is the 10th: day 14 is 24 February
    assert IN_WIB.receive(by=E, at=at).event.deadline == dt.date(2026, 2, 24)


def test_the_last_day_of_a_14_day_window_counted_in_wita() -> None:
    """Reproduces: a receipt at 00:15 WITA on 1 April (23:15 WIB on 31 March) was counted
    from 31 March."""
    at = utc(2026, 3, 31, 16, 15)  # = 2026-04-01 00:15 WITA = 2026-03-31 23:15 WIB
    _, event = IN_WITA.receive(by=E, at=at)
    # received 1 April (WITA): day 1 is 2 April, day 14 is 15 April
    assert event.deadline == dt.date(2026, 4, 15)
    assert IN_WIB.receive(by=E, at=at).event.deadline == dt.date(2026, 4, 14)


#: Per zone: the cycle; the receipt at 08:00 local on 13 January 2026, in UTC; the last
#: minute of the deadline day, 27 January 23:59 local, in UTC; the first minute of 28 January
#: local, in UTC (local minus the zone's offset: 7, 8 or 9 hours).
ZONE_CASES = [
    pytest.param(IN_WIB, utc(2026, 1, 13, 1), utc(2026, 1, 27, 16, 59), utc(2026, 1, 27, 17),
                 id="WIB"),
    pytest.param(IN_WITA, utc(2026, 1, 13, 0), utc(2026, 1, 27, 15, 59), utc(2026, 1, 27, 16),
                 id="WITA"),
    pytest.param(IN_WIT, utc(2026, 1, 12, 23), utc(2026, 1, 27, 14, 59), utc(2026, 1, 27, 15),
                 id="WIT"),
]  # fmt: skip


@pytest.mark.parametrize(("cycle", "received_at", "last_minute", "next_day"), ZONE_CASES)
def test_an_objection_at_23_59_local_on_the_deadline_is_in_time_and_at_00_00_late(
    cycle: PerformanceCycle,
    received_at: dt.datetime,
    last_minute: dt.datetime,
    next_day: dt.datetime,
) -> None:
    """Reproduces: in WITA and WIT, an objection at 00:00 local the day after the deadline
    was accepted (it is still the deadline day in WIB), and in a WIB agency one written at
    00:59 WIT was refused though it is 23:59 WIB."""
    received, event = cycle.receive(by=E, at=received_at)
    # received 13 January local: day 1 is 14 January, day 14 is 27 January
    assert event.deadline == dt.date(2026, 1, 27)
    objected, _ = received.file_objection(OBJECTION_REASONS, by=E, at=last_minute)
    assert objected.stage is Stage.OBJECTED
    late = raises(
        ObjectionDeadlineError,
        lambda: received.file_objection(OBJECTION_REASONS, by=E, at=next_day),
    )
    zone = cycle.settings.zone_name
    assert late.rule == "D10-OBJECTION-DEADLINE"
    assert f"filed on 2026-01-28 ({zone}), after the deadline of 2026-01-27" in late.message


def test_an_evaluation_is_after_its_period_in_the_agencys_zone() -> None:
    """Reproduces: 00:30 WITA on 31 March (the quarter's last day) was refused as "before the
    period ends", because it is 23:30 WIB on 30 March."""
    begun = IN_WITA
    at = utc(2025, 3, 30, 16, 30)  # = 2025-03-31 00:30 WITA = 2025-03-30 23:30 WIB
    in_wita = PerformanceCycle(begun.events[:6])  # after fb-2, before the Q1 evaluation
    in_wib = PerformanceCycle(IN_WIB.events[:6])
    evaluated, _ = in_wita.evaluate_period(
        in_wita.appraise([pp_assessment(Q1)], period=Q1), by=P, at=at
    )
    assert evaluated.stage is Stage.PERIODIC_EVALUATION
    early = raises(
        LifecycleError,
        lambda: in_wib.evaluate_period(
            in_wib.appraise([pp_assessment(Q1)], period=Q1), by=P, at=at
        ),
    )
    assert early.rule == "LIFECYCLE-EVALUATION"
    assert "days are counted in WIB" in early.message


# --- the window is the agency's ------------------------------------------------------------------


def test_a_seven_day_window_set_by_the_agency() -> None:
    """Reproduces: the window was 14 days whatever the agency decided."""
    received, event = SEVEN_DAYS.receive(by=E, at=wib(2026, 1, 13, 8))
    # received 13 January (WIB): day 1 is 14 January, day 7 is 20 January
    assert event.deadline == dt.date(2026, 1, 20)
    in_time, _ = received.file_objection(OBJECTION_REASONS, by=E, at=wib(2026, 1, 20, 23, 59))
    assert in_time.stage is Stage.OBJECTED
    late = raises(
        ObjectionDeadlineError,
        lambda: received.file_objection(OBJECTION_REASONS, by=E, at=wib(2026, 1, 21, 0, 0)),
    )
    assert "7 calendar days from receipt on 2026-01-13, the agency's window" in late.message


def test_the_settings_are_fixed_when_the_cycle_is_opened() -> None:
    """Reproduces: nothing recorded the settings, so nothing kept them."""
    assert IN_WIT.settings == CycleSettings(zone=WIT, objection_days=14)
    assert IN_WIT.events[0].settings == IN_WIT.settings  # the draft event records them
    assert all(event.settings is None for event in IN_WIT.events[1:])
    revised = PerformanceCycle(IN_WIT.events[:1]).revise(PLAN, by=E, at=wib(2025, 1, 2, 10))
    assert revised.cycle.settings.zone is WIT
    assert FINAL.settings == DEFAULT_SETTINGS  # the story opened without settings: WIB, 14


def test_a_later_event_carrying_settings_is_refused_on_replay() -> None:
    """Reproduces: a later event could have set another window (here 90 days, by the
    employee's receipt) had events carried settings without a rule."""
    last = IN_WIB.events[-1]
    forged = Event(
        sequence=10,
        action=Action.RECEIVE,
        actor=E,
        role=PlanRole.EMPLOYEE,
        at=wib(2026, 1, 13, 8),
        stage_before=Stage.FINAL,
        stage_after=Stage.FINAL,
        deadline=dt.date(2026, 4, 13),  # 13 January + 90 days
        settings=CycleSettings(objection_days=90),
        previous_digest=last.digest,
    )
    error = raises(LifecycleError, lambda: PerformanceCycle((*IN_WIB.events, forged)))
    assert error.rule == "LIFECYCLE-SETTINGS"
    assert error.path == "events[10].settings"


# --- what is refused ------------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["wib", "Wita", " WIT ", WIB, WITA, WIT])
def test_the_three_zones_by_name_in_any_case_or_as_objects(zone: object) -> None:
    settings = CycleSettings(zone=zone)
    assert settings.zone in (WIB, WITA, WIT)
    assert settings.zone_name == str(zone).strip().upper() or settings.zone is zone


@pytest.mark.parametrize(
    "zone",
    [
        "WIB+1",
        "UTC+7",
        "",
        7,
        None,
        dt.timezone(dt.timedelta(hours=8)),  # WITA's offset, but not one of the three zones
        ZoneInfo("Asia/Jayapura"),
    ],
    ids=["WIB+1", "UTC+7", "empty", "7", "None", "+08:00", "ZoneInfo"],
)
def test_another_zone_is_refused_naming_the_field(zone: object) -> None:
    """Reproduces: there was no zone to set, so none could be refused."""
    error = raises(InputError, lambda: CycleSettings(zone=zone))
    assert (error.path, error.rule) == ("zone", "LIFECYCLE-SETTINGS")
    assert '"WIB" (UTC+7), "WITA" (UTC+8) or "WIT" (UTC+9)' in str(error.fix)
    assert error.value is not None


@pytest.mark.parametrize("days", [0, -14, 91, 366, "14", 14.0, True, None])
def test_a_window_outside_1_to_90_whole_days_is_refused_naming_the_field(days: object) -> None:
    """Reproduces: there was no window to set, so none could be refused."""
    error = raises(InputError, lambda: CycleSettings(objection_days=days))  # type: ignore[arg-type]
    assert (error.path, error.rule) == ("objection_days", "LIFECYCLE-SETTINGS")
    assert "from 1 to 90" in error.message


def test_draft_refuses_settings_that_are_not_cycle_settings() -> None:
    error = raises(
        InputError,
        lambda: PerformanceCycle.draft(
            PLAN,
            by=E,
            at=wib(2025, 1, 2),
            settings={"zone": "WIT"},  # type: ignore[arg-type]
        ),
    )
    assert (error.path, error.rule) == ("settings", "LIFECYCLE-SETTINGS")


# --- the cycle's JSON ----------------------------------------------------------------------------


def test_a_cycle_with_settings_round_trips_through_json() -> None:
    """Reproduces: the cycle's JSON had no place for the zone or the window."""
    cycle = final(CycleSettings(zone="WITA", objection_days=7))
    data = dump_cycle(cycle)
    assert data["events"][0]["settings"] == {"zone": "WITA", "objection_days": 7}
    assert all("settings" not in event for event in data["events"][1:])
    loaded = load_cycle(json.dumps(data))
    assert loaded.settings == CycleSettings(zone=WITA, objection_days=7)
    assert loaded.events == cycle.events
    assert dump_cycle(loaded) == data


def stored(settings: CycleSettings) -> dict[str, object]:
    return dump_cycle(final(settings))


@pytest.mark.parametrize(
    ("field", "value", "rule", "kind"),
    [
        ("zone", "WIB+1", "LIFECYCLE-SETTINGS", InputError),
        ("objection_days", 366, "LIFECYCLE-SETTINGS", InputError),
        ("objection_days", 0, "SCHEMA-greater_than_equal", SchemaError),
        ("objection_days", "14", "SCHEMA-int_type", SchemaError),
    ],
)
def test_a_bad_setting_in_json_is_refused_at_its_path(
    field: str, value: object, rule: str, kind: type[AsnPerformanceError]
) -> None:
    data = copy.deepcopy(stored(CycleSettings(zone="WIT")))
    data["events"][0]["settings"][field] = value  # type: ignore[index]
    data.pop("integrity")  # the setting is checked before the event's digest
    error = raises(kind, lambda: load_cycle(data))
    assert (error.path, error.rule) == (f"$.events[0].settings.{field}", rule)


@pytest.mark.parametrize(
    "edit",
    [
        lambda s: s.__setitem__("zone", "WIB"),
        lambda s: s.__setitem__("objection_days", 90),
    ],
    ids=["zone WIT -> WIB", "window 14 -> 90"],
)
def test_a_changed_setting_in_a_stored_cycle_is_detected(
    edit: Callable[[dict[str, object]], None],
) -> None:
    """Reproduces: a zone or window kept beside the history could be edited unseen; it is in
    the draft event, under its digest."""
    data = copy.deepcopy(stored(CycleSettings(zone="WIT")))
    edit(data["events"][0]["settings"])  # type: ignore[index]
    data.pop("integrity")  # even without the record's seal, the event digest catches it
    error = raises(IntegrityError, lambda: load_cycle(data))
    assert (error.path, error.rule) == ("$.events[0].digest", "INTEGRITY-CHAIN")


def test_removing_the_settings_of_a_stored_cycle_is_detected() -> None:
    """A WIT cycle whose settings are deleted would read as WIB: its draft digest refuses it."""
    data = copy.deepcopy(stored(CycleSettings(zone="WIT")))
    del data["events"][0]["settings"]  # type: ignore[index]
    data.pop("integrity")
    error = raises(IntegrityError, lambda: load_cycle(data))
    assert (error.path, error.rule) == ("$.events[0].digest", "INTEGRITY-CHAIN")


# --- cycles stored before the change (guards: these passed before it too) ------------------------


def test_an_old_cycle_without_settings_loads_as_wib_and_14_days_byte_for_byte() -> None:
    """A cycle written before settings existed has none in its draft event: it loads as WIB
    and 14 days, every event digest and the record's seal verify, and it writes back byte for
    byte (the event digests cover the settings only where an event records them)."""
    text = OLD_PLAIN.read_text("utf-8")
    cycle = load_cycle(text)
    assert cycle.settings == CycleSettings(zone=WIB, objection_days=14)
    assert cycle.events[0].settings is None
    assert cycle.objection_deadline == dt.date(2026, 1, 27)  # 13 January (WIB) + 14
    assert cycle.digest == json.loads(text)["events"][-1]["digest"]
    # the same story opened today records the default settings, so its chain differs
    assert DECIDED.digest != cycle.digest
    assert [e.digest for e in cycle.events] == [e["digest"] for e in json.loads(text)["events"]]
    # Written back, it is sealed again by this release: only the seal's library version
    # differs from the file (0.1.0.dev0 sealed it); the digest does not cover the version.
    written = json.dumps(dump_cycle(cycle), ensure_ascii=False, indent=1) + "\n"
    assert written == text.replace(
        '"version": "0.1.0.dev0"', f'"version": "{asn_performance.__version__}"'
    )


def test_an_old_keyed_cycle_without_settings_loads_with_its_key() -> None:
    cycle = load_cycle(OLD_KEYED.read_text("utf-8"), key=KEY)
    assert cycle.settings == DEFAULT_SETTINGS
    assert cycle.stage is Stage.DECIDED
    assert cycle.decision is not None
    assert cycle.decision.note == DECISION_REASONS
    assert cycle.plan.atasan_pejabat_penilai is not None
    assert cycle.role_of(AT) is PlanRole.ATASAN_PEJABAT_PENILAI


def test_settings_added_to_an_old_cycle_are_detected() -> None:
    """Someone adds ``"settings": {"zone": "WIT", ...}`` to an old draft event: it no longer
    matches its digest."""
    data = json.loads(OLD_PLAIN.read_text("utf-8"))
    data["events"][0]["settings"] = {"zone": "WIT", "objection_days": 14}
    data.pop("integrity")
    error = raises(IntegrityError, lambda: load_cycle(data))
    assert (error.path, error.rule) == ("$.events[0].digest", "INTEGRITY-CHAIN")
