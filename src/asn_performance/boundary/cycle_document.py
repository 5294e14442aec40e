"""The life of an SKP as JSON: the performance cycle (its event log), the roster of an
organisation and the entries of the continuous-feedback log.

:func:`load_cycle` replays a cycle's events through the lifecycle's checks
(:mod:`asn_performance.process.lifecycle`, PermenPANRB 6/2022) and verifies every event's
digest and the record's seal; :func:`load_roster` and :func:`load_feedback` read a roster and a
feedback entry; the ``dump_*`` functions write them through their own ``to_dict()``. Errors
name the JSON path (``$.events[2].actor_nip``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Final, Literal

from pydantic import (
    ConfigDict,
    Field,
)

from asn_performance._kit.labels import Labelled
from asn_performance._kit.validate import shown
from asn_performance.boundary._wire import (
    MAX_ITEMS,
    ActionValue,
    Count,
    DateTimeValue,
    DateValue,
    Feedback,
    FeedbackKindValue,
    Id,
    LongText,
    NipValue,
    PlanRoleValue,
    PositiveWhole,
    PredikatValue,
    StageValue,
    StepText,
    WireModel,
    build,
    guarded,
    repath,
    require,
    validate_model,
)
from asn_performance.boundary.part_documents import (
    AppraisalModel,
    EmployeeModel,
    IntegrityModel,
    PlanModel,
    appraisal_from,
    employee_from,
    standalone_plan_from,
)
from asn_performance.domain.feedback import FeedbackEntry
from asn_performance.domain.nip import Nip
from asn_performance.domain.plan import (
    PerformancePlan,
)
from asn_performance.exceptions import (
    AsnPerformanceError,
    IntegrityError,
    SchemaError,
)
from asn_performance.process.integrity import seal, verify
from asn_performance.process.lifecycle import CycleSettings, Event, PerformanceCycle
from asn_performance.process.roster import Roster
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "CycleModel",
    "EventModel",
    "FeedbackModel",
    "RosterModel",
    "SettingsModel",
    "dump_cycle",
    "dump_feedback",
    "dump_roster",
    "load_cycle",
    "load_feedback",
    "load_roster",
]


class RosterModel(WireModel):
    """An organisation roster: employees with the NIP of their direct superior."""

    model_config = ConfigDict(title="Daftar pegawai dan atasan langsung (roster)")

    schema_version: Literal["1"] = "1"
    kind: Literal["roster"] = "roster"
    employees: list[EmployeeModel] = Field(max_length=MAX_ITEMS)


class FeedbackModel(WireModel):
    """One entry of the continuous-feedback log (umpan balik berkelanjutan, bukti dukung)."""

    model_config = ConfigDict(title="Umpan balik / bukti dukung (feedback entry)")

    id: Id
    plan_id: Id
    author_nip: NipValue
    on: DateValue
    kind: FeedbackKindValue
    text: Feedback
    indicator_id: Id | None = None
    replies_to: Id | None = None
    link: LongText | None = None


class SettingsModel(WireModel):
    """The agency's settings of a cycle, recorded by its draft event: the zone its days are
    counted in (WIB, WITA or WIT) and the objection window in calendar days (decision D10:
    14); checked by :class:`~asn_performance.process.lifecycle.CycleSettings`."""

    model_config = ConfigDict(title="Pengaturan instansi (cycle settings)")

    zone: str = Field(
        max_length=10,
        strict=True,
        description="The zone the cycle's days are counted in: WIB (UTC+7), WITA (UTC+8) or"
        " WIT (UTC+9), in any case.",
        json_schema_extra={"examples": ["WIB", "WITA", "WIT"]},
    )
    objection_days: PositiveWhole = Field(
        description="The objection window in calendar days, 1 to 90 (decision D10: 14)."
    )


class EventModel(WireModel):
    """One event of an SKP's life: who, when, what, the stages, and the chained digests."""

    model_config = ConfigDict(title="Peristiwa (lifecycle event)")

    sequence: Count
    action: ActionValue
    actor_nip: NipValue
    actor_role: PlanRoleValue
    at: DateTimeValue
    stage_before: StageValue | None
    stage_after: StageValue
    plan: PlanModel | None = None
    feedback: FeedbackModel | None = None
    appraisal: AppraisalModel | None = None
    note: StepText = ""
    deadline: DateValue | None = None
    settings: SettingsModel | None = None
    effective: DateValue | None = Field(
        default=None,
        description="The first day a revision of the agreed plan is in force (rule"
        " LIFECYCLE-REVISION); only on such a revision.",
    )
    previous_digest: str = Field(pattern=r"^([0-9a-f]{64})?$")
    digest: str = Field(pattern=r"^[0-9a-f]{64}$")


class CycleModel(WireModel):
    """The life of one SKP (its event log), with a summary for readers and its seal."""

    model_config = ConfigDict(title="Riwayat SKP (performance cycle)")

    schema_version: Literal["1"]
    kind: Literal["performance_cycle"]
    plan_id: Id
    employee_nip: NipValue
    stage: StageValue
    stage_label: StepText | None = None
    predikat: PredikatValue | None = None
    result_digest: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    objection_deadline: DateValue | None = None
    events: list[EventModel] = Field(min_length=1, max_length=MAX_ITEMS)
    integrity: IntegrityModel | None = None


# --- the document as domain objects ------------------------------------------------------------


# --- building domain objects -------------------------------------------------------------------


def _feedback_from(model: FeedbackModel, path: str) -> FeedbackEntry:
    return build(
        path,
        FeedbackEntry,
        id=model.id,
        plan_id=model.plan_id,
        author=model.author_nip,
        on=model.on,
        kind=model.kind,
        text=model.text,
        indicator_id=model.indicator_id,
        replies_to=model.replies_to,
        link=model.link,
        renames={"author": "author_nip"},
    )


def _event_from(model: EventModel, path: str) -> Event:
    subject: PerformancePlan | FeedbackEntry | Appraisal | None = None
    given = [name for name in ("plan", "feedback", "appraisal") if getattr(model, name) is not None]
    if len(given) > 1:
        raise SchemaError(
            f"an event carries one subject, not {' and '.join(given)}",
            path=f"{path}.{given[1]}",
            value=given,
            rule="LIFECYCLE-SUBJECT",
            fix="keep the subject of the event's step only",
        )
    if model.plan is not None:
        subject = standalone_plan_from(model.plan, f"{path}.plan")
    elif model.feedback is not None:
        subject = _feedback_from(model.feedback, f"{path}.feedback")
    elif model.appraisal is not None:
        if model.appraisal.integrity is not None:
            raise SchemaError(
                "an event's appraisal carries no seal of its own: the event's digest covers it",
                path=f"{path}.appraisal.integrity",
                value="<object>",
                rule="LIFECYCLE-SUBJECT",
                fix="remove the integrity block from the event's appraisal",
            )
        subject = appraisal_from(model.appraisal, f"{path}.appraisal")
    settings = (
        None
        if model.settings is None
        else build(
            f"{path}.settings",
            CycleSettings,
            zone=model.settings.zone,
            objection_days=model.settings.objection_days,
        )
    )
    event = build(
        path,
        Event,
        sequence=model.sequence,
        action=model.action,
        actor=model.actor_nip,
        role=model.actor_role,
        at=model.at,
        stage_before=model.stage_before,
        stage_after=model.stage_after,
        subject=subject,
        note=model.note,
        deadline=model.deadline,
        settings=settings,
        effective=model.effective,
        previous_digest=model.previous_digest,
        renames={"actor": "actor_nip", "role": "actor_role", "subject": ""},
    )
    if event.digest != model.digest:
        raise IntegrityError(
            "the event was changed after it was recorded: its content no longer matches its digest",
            path=f"{path}.digest",
            value=model.digest,
            rule="INTEGRITY-CHAIN",
            fix="restore the history from the original; a later change is a new event",
        )
    return event


#: Where the lifecycle's names for an event's parts differ from the JSON fields.
_EVENT_FIELDS: Final = {
    "actor": "actor_nip",
    "role": "actor_role",
    "reasons": "note",
    "entry": "feedback",
}
_EVENT_FIELD = re.compile(r"^(?P<event>events\[[0-9]+\])\.(?P<field>[a-z_]+)(?P<rest>.*)$")


def _cycle(data: dict[str, Any], key: bytes | None) -> PerformanceCycle:
    model = validate_model(CycleModel, data)
    if model.integrity is not None or key is not None:
        verify(data, key=key)
    events = tuple(_event_from(item, f"$.events[{k}]") for k, item in enumerate(model.events))
    try:
        cycle = PerformanceCycle(events)
    except AsnPerformanceError as error:
        found = _EVENT_FIELD.match(error.path or "")
        if found is None:
            raise error.at("$") from None
        field = _EVENT_FIELDS.get(found["field"], found["field"])
        raise repath(error, f"$.{found['event']}.{field}{found['rest']}") from None
    result = cycle.result
    summary = {
        "plan_id": (model.plan_id, cycle.plan.id),
        "employee_nip": (model.employee_nip, cycle.plan.employee.nip),
        "stage": (model.stage, cycle.stage),
        "predikat": (model.predikat, None if result is None else result.predikat),
        "result_digest": (model.result_digest, cycle.result_digest),
        "objection_deadline": (model.objection_deadline, cycle.objection_deadline),
    }
    for name, (stated, derived) in summary.items():
        if stated != derived:
            raise IntegrityError(
                f"the summary says {name} {_shown_code(stated)}, the history gives"
                f" {_shown_code(derived)}",
                path=f"$.{name}",
                value=_shown_code(stated),
                rule="INTEGRITY-DIGEST",
                fix="the history is the record: restore the summary written with it",
            )
    if key is None:
        # With a key, the keyed seal vouches for every byte, labels in an earlier release's
        # wording included; without one, the labels must be this library's.
        _check_as_written(data, cycle)
    return cycle


def _check_as_written(data: Mapping[str, Any], cycle: PerformanceCycle) -> None:
    """The record is exactly what :func:`dump_cycle` writes for its history.

    The event digests leave out the text rendered for readers (``stage_label``, an
    appraisal's ``predikat_label``, its steps' ``title`` and ``citation``) so that a later
    wording does not break a stored chain; so that text cannot be edited freely either, it
    must be what this library renders for the history, as must every other field.
    """
    written = cycle.to_dict()
    body = {key: value for key, value in data.items() if key != "integrity"}
    found = _first_difference(body, written, "$")
    if found is not None:
        path, stated, derived = found
        if isinstance(stated, str) and isinstance(derived, str):
            stated, derived = _where_texts_differ(stated, derived)
        raise IntegrityError(
            f"the record says {_shown_leaf(stated)} here, the history gives"
            f" {_shown_leaf(derived)}: text outside the events' digests (a label, a title, a"
            " citation) was changed, or the record was not written by dump_cycle",
            path=path,
            value=_shown_leaf(stated),
            rule="INTEGRITY-DIGEST",
            fix="restore the record as dump_cycle wrote it; the history is the record",
        )


_ABSENT: Final = object()


_Difference = tuple[str, object, object]


def _first_difference(given: object, written: object, path: str) -> _Difference | None:
    """The first place where ``given`` differs from ``written`` (types compared exactly, so
    ``1`` is not ``true``), as (JSON path, given, written); ``None`` when they are equal."""
    if type(given) is not type(written):
        return path, given, written
    if isinstance(given, dict) and isinstance(written, dict):
        return _first_in_object(given, written, path)
    if isinstance(given, list) and isinstance(written, list):
        return _first_in_list(given, written, path)
    return None if given == written else (path, given, written)


def _first_in_object(
    given: dict[str, object], written: dict[str, object], path: str
) -> _Difference | None:
    for name in (*written, *(k for k in given if k not in written)):
        found = _first_difference(
            given.get(name, _ABSENT), written.get(name, _ABSENT), f"{path}.{name}"
        )
        if found is not None:
            return found
    return None


def _first_in_list(given: list[object], written: list[object], path: str) -> _Difference | None:
    if len(given) != len(written):
        return path, f"{len(given)} items", f"{len(written)} items"
    for index, (item, other) in enumerate(zip(given, written, strict=True)):
        found = _first_difference(item, other, f"{path}[{index}]")
        if found is not None:
            return found
    return None


def _where_texts_differ(stated: str, derived: str) -> tuple[str, str]:
    """The two texts from a little before their first difference, so a long citation edited
    near its end shows the edit."""
    same = next(
        (k for k, (a, b) in enumerate(zip(stated, derived, strict=False)) if a != b),
        min(len(stated), len(derived)),
    )
    start = max(0, same - 20)
    prefix = "..." if start else ""
    return prefix + stated[start:], prefix + derived[start:]


def _shown_leaf(value: object) -> object:
    if value is _ABSENT:
        return "nothing"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return shown(value)


def _shown_code(value: object) -> object:
    if isinstance(value, Labelled):
        return value.code
    if isinstance(value, Nip):
        return value.digits
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# --- public loaders ----------------------------------------------------------------------------

# --- loaders and writers ----------------------------------------------------------------------


def load_cycle(
    source: str | bytes | Mapping[str, Any], *, key: bytes | None = None
) -> PerformanceCycle:
    """Rebuild a :class:`~asn_performance.process.lifecycle.PerformanceCycle` written by
    :func:`dump_cycle`, replaying its events through the lifecycle's checks.

    Every event's digest is recomputed and must match (``INTEGRITY-CHAIN``), the whole record
    must match its seal when it has one (with ``key``, the agency's seal key, a keyed seal
    made with it is required), the summary (stage, predikat, digests, deadline) must agree
    with the history, and the text written for readers (``stage_label``, the appraisals'
    ``predikat_label``, the steps' titles and citations), which the event digests leave out,
    must be what this library writes for the history (``INTEGRITY-DIGEST``): the record is
    exactly what :func:`dump_cycle` writes. With ``key`` the keyed seal vouches for that text
    instead, so a history sealed with the key by a release that worded a title differently
    still loads.

    Raises:
        IntegrityError: the record or an event was changed after it was written, or, with
            ``key``, the record has no keyed seal made with that key.
        AsnPerformanceError: as :func:`load_document`, and the lifecycle's own errors (an
            event a stage does not allow, by someone who may not take it), at
            ``$.events[i]``.
    """
    return guarded(lambda data: _cycle(data, key), source)


def _roster(data: dict[str, Any]) -> Roster:
    model = validate_model(RosterModel, data)
    employees = tuple(
        employee_from(item, f"$.employees[{k}]") for k, item in enumerate(model.employees)
    )
    return build("$", Roster, employees)


def load_roster(source: str | bytes | Mapping[str, Any]) -> Roster:
    """Read an organisation roster (``{"kind": "roster", "employees": [...]}``), as written
    by :func:`dump_roster`; duplicates, missing superiors and cycles are refused at
    ``$.employees[i]``.

    Raises:
        RosterError: as :class:`~asn_performance.process.roster.Roster`, with JSON paths.
        AsnPerformanceError: as :func:`load_document`.
    """
    return guarded(_roster, source)


def load_feedback(source: str | bytes | Mapping[str, Any]) -> FeedbackEntry:
    """Read one feedback log entry, as written by :func:`dump_feedback`.

    Raises:
        AsnPerformanceError: as :func:`load_document`, with paths from ``$``.
    """
    return guarded(lambda data: _feedback_from(validate_model(FeedbackModel, data), "$"), source)


# --- writing -----------------------------------------------------------------------------------

# The dict builders are the objects' own ``to_dict()`` (the integrity digest needs them too).


def dump_cycle(cycle: PerformanceCycle, *, key: bytes | None = None) -> dict[str, Any]:
    """Write an SKP's life: every event (who, when, what, stages, chained digests) with its
    subject in full, a summary for readers, and the seal over the whole record (with
    ``key``, also a keyed seal: :func:`asn_performance.process.integrity.seal`)."""
    require(cycle, PerformanceCycle, "dump_cycle")
    return seal(cycle.to_dict(), key=key)


def dump_roster(roster: Roster) -> dict[str, Any]:
    """Write an organisation roster: its employees in order, each with its superior's NIP."""
    require(roster, Roster, "dump_roster")
    return {
        "schema_version": "1",
        "kind": "roster",
        "employees": [e.to_dict() for e in roster.employees],
    }


def dump_feedback(entry: FeedbackEntry) -> dict[str, Any]:
    """Write one feedback log entry as a JSON-ready dict."""
    require(entry, FeedbackEntry, "dump_feedback")
    return entry.to_dict()
