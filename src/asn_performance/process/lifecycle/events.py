"""The events of an SKP's life: who did what, when, to which subject, chained by digests.

An :class:`Event` is one step of the life PermenPANRB 6/2022 Pasal 5 and PP 30/2019 Pasal 59
describe (see :mod:`asn_performance.process.lifecycle.stages`): the actor's NIP and role on
the plan, a timezone-aware time with a fixed UTC offset, the action and its subject, the
stage before and after, and a SHA-256 digest over its canonical record
(:meth:`Event.to_dict`) chained to the previous event's (rule ``INTEGRITY-CHAIN``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any, cast

import attrs

from asn_performance._kit.plain import code_of, iso_of
from asn_performance._kit.validate import check_text, check_type, shown
from asn_performance.domain.feedback import FeedbackEntry
from asn_performance.domain.nip import Nip
from asn_performance.domain.plan import PerformancePlan
from asn_performance.exceptions import InputError
from asn_performance.process.integrity import canonical_json
from asn_performance.process.lifecycle.settings import CycleSettings
from asn_performance.process.lifecycle.stages import Action, PlanRole, Stage
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = ["Event", "Subject", "chain_digest", "checked_at", "local_date"]


#: What an event carries: the plan drafted or revised, a feedback entry, an appraisal, or nothing.
Subject = PerformancePlan | FeedbackEntry | Appraisal | None


_YEARS = (1970, 2100)  # the years a Period may have
#: The UTC offsets civil time uses (UTC-12:00 to UTC+14:00): an offset of +23:59 would move
#: an event's day by almost a whole day.
_OFFSETS = (dt.timedelta(hours=-12), dt.timedelta(hours=14))


def _normalise_at(value: object) -> object:
    """A timezone-aware datetime with a fixed UTC offset of whole minutes (same wall time).

    A zone with daylight saving (``ZoneInfo("America/New_York")``) becomes its offset at
    that moment, so the stored ``+HH:MM`` replays exactly as the event was checked.
    """
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        return value
    try:
        offset = value.utcoffset()
    except Exception:  # a tzinfo whose utcoffset() misbehaves
        offset = None
    if (
        not isinstance(offset, dt.timedelta)
        or offset % dt.timedelta(minutes=1)
        or not _OFFSETS[0] <= offset <= _OFFSETS[1]
    ):
        raise InputError(
            "an event's time zone gives no real UTC offset (whole minutes, from -12:00 to +14:00)",
            path="at",
            value=shown(value),
            rule="LIFECYCLE-TIME",
            fix="pass a fixed offset such as WIB, WITA or WIT",
        )
    if not _YEARS[0] <= value.year <= _YEARS[1]:
        raise InputError(
            f"an event's year must lie between {_YEARS[0]} and {_YEARS[1]}",
            path="at",
            value=value.year,
            rule="LIFECYCLE-TIME",
            fix="check the date",
        )
    return value.replace(tzinfo=dt.timezone(offset))


def _check_at(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, dt.datetime):
        raise InputError(
            "must be a datetime",
            path=attribute.name,
            value=shown(value),
            rule="TYPE",
            fix="pass a timezone-aware datetime, e.g. datetime(2026, 1, 12, 9, 30, tzinfo=WIB)",
        )
    if value.tzinfo is None:
        raise InputError(
            "an event's time needs its UTC offset, or the order of events across time zones"
            " is ambiguous",
            path=attribute.name,
            value=value.isoformat(),
            rule="LIFECYCLE-TIME",
            fix="pass tzinfo, e.g. datetime(2026, 1, 12, 9, 30, tzinfo=WIB)",
        )


def _field_check(
    ok: Callable[[object], bool],
    message: str,
    rule: str,
    fix: str,
    show: Callable[[object], object] = shown,
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """An attrs validator: an :class:`InputError` at the field where ``ok(value)`` fails."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not ok(value):
            raise InputError(message, path=attribute.name, value=show(value), rule=rule, fix=fix)

    return check


def _is_digest_text(value: object) -> bool:
    return isinstance(value, str) and (
        value == "" or (len(value) == 64 and all(c in "0123456789abcdef" for c in value))
    )


_check_subject = _field_check(
    lambda value: value is None or isinstance(value, (PerformancePlan, FeedbackEntry, Appraisal)),
    "an event's subject is a plan, a feedback entry, an appraisal or None",
    rule="TYPE",
    fix="let the PerformanceCycle methods make events",
    show=lambda value: type(value).__name__,
)
_check_sequence = _field_check(
    lambda value: not isinstance(value, bool) and isinstance(value, int) and 0 <= value < 10**9,
    "must be a whole number from 0 (below a billion)",
    rule="TYPE",
    fix="number the events 0, 1, 2, ...",
)
_check_digest_text = _field_check(
    _is_digest_text,
    "must be a SHA-256 digest (64 lowercase hex digits), or empty for the first event",
    rule="INTEGRITY-CHAIN",
    fix="let the PerformanceCycle methods make events",
    show=lambda value: value,
)


@attrs.frozen(cache_hash=True)
class Event:
    """One step in the life of an SKP: who, when, what, and the stage before and after.

    ``digest`` is computed on construction: SHA-256 over the event's canonical record
    (:meth:`to_dict` without the digest), which includes
    ``previous_digest``, so the events form a chain: an event edited on its own no longer
    matches, and every later event would have to be rewritten too. The digests use no secret:
    someone who rewrites the whole chain (and re-seals it) is caught only by a keyed seal
    (``dump_cycle(cycle, key=...)``) or against a digest kept elsewhere
    (``docs/explanation/integrity.md``).
    """

    sequence: int = attrs.field(validator=_check_sequence)
    action: Action = attrs.field(validator=check_type(Action))
    actor: Nip = attrs.field(validator=check_type(Nip))
    role: PlanRole = attrs.field(validator=check_type(PlanRole))
    at: dt.datetime = attrs.field(converter=_normalise_at, validator=_check_at)
    stage_before: Stage | None = attrs.field(validator=check_type(Stage, optional=True))
    stage_after: Stage = attrs.field(validator=check_type(Stage))
    subject: Subject = attrs.field(default=None, validator=_check_subject)
    note: str = attrs.field(default="", validator=check_text(4000, required=False))
    """The reasons of an objection or decision; empty otherwise."""
    deadline: dt.date | None = attrs.field(default=None)
    """The objection deadline, set when the employee receives the result (D10)."""
    settings: CycleSettings | None = attrs.field(
        default=None, validator=check_type(CycleSettings, optional=True)
    )
    """The agency's settings (zone, objection window), recorded by the draft event only;
    ``None`` on every other event, and on a draft recorded before settings existed."""
    effective: dt.date | None = attrs.field(default=None)
    """The day a revision of the agreed plan takes effect (rule ``LIFECYCLE-REVISION``);
    ``None`` on every other event, a draft's revision included."""
    previous_digest: str = attrs.field(default="", validator=_check_digest_text)
    digest: str = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        if self.deadline is not None and (
            not isinstance(self.deadline, dt.date) or isinstance(self.deadline, dt.datetime)
        ):
            raise InputError(
                "must be a date",
                path="deadline",
                value=self.deadline,
                rule="TYPE",
                fix="pass a datetime.date",
            )
        if self.effective is not None and (
            not isinstance(self.effective, dt.date) or isinstance(self.effective, dt.datetime)
        ):
            raise InputError(
                "must be a date",
                path="effective",
                value=shown(self.effective),
                rule="TYPE",
                fix="pass a datetime.date, the first day the revised plan is in force",
            )
        object.__setattr__(self, "digest", chain_digest(self))

    def to_dict(self, *, with_digest: bool = True) -> dict[str, Any]:
        """The plain record: who, when, what, the stage before and after, the chain digests.

        The subject is written under one of ``plan``, ``feedback`` or ``appraisal`` (the others
        are null). Without ``with_digest`` the record is what the event's own digest covers: no
        digest, and an appraisal without the labels rendered for readers.
        """
        subject = self.subject
        record: dict[str, Any] = {
            "sequence": self.sequence,
            "action": self.action.code,
            "actor_nip": self.actor.digits,
            "actor_role": self.role.code,
            "at": iso_of(self.at),
            "stage_before": code_of(self.stage_before),
            "stage_after": self.stage_after.code,
            "plan": subject.to_dict() if isinstance(subject, PerformancePlan) else None,
            "feedback": subject.to_dict() if isinstance(subject, FeedbackEntry) else None,
            "appraisal": subject.to_dict(labels=with_digest)
            if isinstance(subject, Appraisal)
            else None,
            "note": self.note,
            "deadline": iso_of(self.deadline),
        }
        if self.settings is not None:
            # Only when recorded: an event written before settings existed keeps its record,
            # and so its digest.
            record["settings"] = self.settings.to_dict()
        if self.effective is not None:
            # Only on a revision of the agreed plan: every other event keeps its record.
            record["effective"] = self.effective.isoformat()
        record["previous_digest"] = self.previous_digest
        if with_digest:
            record["digest"] = self.digest
        return record

    def describe(self) -> str:
        """One line: sequence, time, who, what, stage change."""
        before = "-" if self.stage_before is None else self.stage_before.code
        what = self.action.label_en
        if isinstance(self.subject, FeedbackEntry):
            what += f" ({self.subject.kind.code} {self.subject.id})"
        elif isinstance(self.subject, Appraisal):
            what += f" ({self.subject.period.code}: {self.subject.predikat.label_id})"
        elif isinstance(self.subject, PerformancePlan):
            what += f" (plan {self.subject.id})"
        if self.deadline is not None:
            what += f"; objection deadline {self.deadline.isoformat()}"
        if self.settings is not None:
            what += f"; {self.settings.describe()}"
        if self.effective is not None:
            what += f"; revision of the agreed plan, in force from {self.effective.isoformat()}"
        return (
            f"#{self.sequence} {self.at.isoformat(timespec='minutes')}"
            f" {self.actor.digits} ({self.role.label_id}): {what};"
            f" {before} -> {self.stage_after.code}"
        )


def checked_at(at: object) -> dt.datetime:
    """Check and normalise an ``at`` argument as :class:`Event` does."""
    normal = _normalise_at(at)
    _check_at(None, attrs.fields(Event).at, normal)
    return cast(dt.datetime, normal)


def chain_digest(event: Event) -> str:
    """SHA-256 over the event's canonical record without its digest: what ``digest`` holds."""
    return hashlib.sha256(canonical_json(event.to_dict(with_digest=False))).hexdigest()


def local_date(at: dt.datetime, settings: CycleSettings) -> dt.date:
    """The calendar day of ``at`` in the agency's zone (``settings.zone``, fixed per cycle).

    Days of the life (an evaluation after its period's last day, the day of receipt, the
    objection deadline and the day an objection is filed, decision D10) are counted there,
    not in whatever offset each event happens to carry.
    """
    return settings.local_date(at)
