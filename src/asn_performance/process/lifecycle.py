"""The appraisal's life: from the draft SKP to the final result and an objection's decision.

PermenPANRB 6/2022 Pasal 5 names four stages of performance management: perencanaan
(the SKP is drafted, set by the pejabat penilai kinerja and agreed), pelaksanaan, pemantauan
dan pembinaan (documentation and *umpan balik berkelanjutan*), penilaian (*evaluasi kinerja*
periodik and tahunan) and tindak lanjut. PP 30/2019 Pasal 59 adds the objection
(*keberatan*): within 14 days of receiving the result the employee may object to the atasan
pejabat penilai kinerja, who may change the result; that decision is final.

:class:`PerformanceCycle` is that life as a state machine on an immutable object. It holds
nothing but its :class:`Event` log; the stage, the plan, the feedback log, the evaluations
and the result are derived by replaying the log through the same checks that guarded each
step, so a cycle that exists is a cycle that could have happened. Each step returns a new
cycle and the event it added (:class:`Transition`). Each event records who (NIP and role on
the plan), when (a timezone-aware time), what (the action and its subject), the stage before
and after, and a SHA-256 digest chained to the previous event's, so an event edited in a
stored log no longer matches (a log rewritten and re-chained as a whole is caught only
against a digest kept elsewhere).

The stages and the actions each allows are tables (:data:`TRANSITIONS`, :data:`ACTORS`) to
hold against the regulation; ``docs/explanation/lifecycle.md`` draws them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import attrs
from dateutil.relativedelta import relativedelta

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled
from asn_performance._kit.validate import check_text, check_type, shown
from asn_performance.domain.assessment import Assessment
from asn_performance.domain.explanation import Explanation, Rule, Step, rules_by_id
from asn_performance.domain.feedback import FeedbackEntry
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import PerformancePlan
from asn_performance.domain.rating import Rating
from asn_performance.exceptions import (
    AsnPerformanceError,
    AuthorityError,
    DuplicateError,
    InputError,
    IntegrityError,
    LifecycleError,
    ObjectionDeadlineError,
)
from asn_performance.process.integrity import canonical_json
from asn_performance.process.integrity import digest as record_digest
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal, appraise
from asn_performance.regimes.permenpanrb_6_2022.matrix import PREDIKAT_MATRIX
from asn_performance.regimes.permenpanrb_6_2022.matrix import RULES as MATRIX_RULES

if TYPE_CHECKING:
    from asn_performance.process.roster import Roster

__all__ = [
    "ACTORS",
    "OBJECTION_DAYS",
    "TRANSITIONS",
    "WIB",
    "WIT",
    "WITA",
    "Action",
    "Event",
    "PerformanceCycle",
    "PlanRole",
    "Stage",
    "Transition",
]


#: The rules of an SKP's life (:mod:`asn_performance.process.lifecycle`): cited in its history, and
#: ``PP30-59-DECISION`` as a step of a result changed on objection.
LIFECYCLE_RULES: tuple[Rule, ...] = (
    Rule(
        "LIFECYCLE-PLAN",
        "The SKP is drafted (perencanaan kinerja)",
        "PermenPANRB 6/2022 Pasal 5 stage 1, perencanaan kinerja: penyusunan SKP [S2][S5];"
        " that a revision keeps the plan's people and period is a library rule",
    ),
    Rule(
        "LIFECYCLE-AGREEMENT",
        "The pejabat penilai sets the SKP and the employee agrees to it",
        "PermenPANRB 6/2022 Pasal 5 stage 1: penetapan dan klarifikasi ekspektasi [S2][S5];"
        " setting before acceptance is the order of the e-Kinerja form (library reading)",
        normative=False,
    ),
    Rule(
        "LIFECYCLE-MONITORING",
        "Documentation and continuous feedback (umpan balik berkelanjutan)",
        "PermenPANRB 6/2022 Pasal 5 stage 2: pelaksanaan, pemantauan dan pembinaan kinerja"
        " [S2][S5]",
    ),
    Rule(
        "LIFECYCLE-EVALUATION",
        "Periodic and annual evaluation by the pejabat penilai kinerja",
        "PermenPANRB 6/2022 Pasal 5 stage 3: evaluasi kinerja periodik dan tahunan [S2][S5];"
        " recording an evaluation only once its period has ended is a library rule",
    ),
    Rule(
        "LIFECYCLE-FINAL",
        "The result is set and sealed with its SHA-256 digest",
        "PermenPANRB 6/2022 (penetapan hasil evaluasi kinerja) [S2]; the digest is a library"
        " rule (INTEGRITY-*)",
        normative=False,
    ),
    Rule(
        "D10-OBJECTION-DEADLINE",
        "The objection deadline: 14 calendar days from receipt of the result",
        "PP 30/2019 Pasal 59 ('paling lama 14 hari') [S11][S12b]; calendar days: library"
        " decision D10 (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "PP30-59-OBJECTION",
        "The employee objects, with reasons, to the atasan pejabat penilai kinerja",
        "PP 30/2019 Pasal 59(1)-(2) [S11][S12b]",
    ),
    Rule(
        "PP30-59-DECISION",
        "The atasan pejabat penilai kinerja decides the objection; the decision is final",
        "PP 30/2019 Pasal 59(3)-(4): 'dapat mengubah dan menetapkan hasil penilaian kinerja"
        " serta bersifat final' [S11][S12b]",
    ),
)
_RULE = rules_by_id(LIFECYCLE_RULES, MATRIX_RULES)


#: Western, central and eastern Indonesian time, for the ``at`` of events.
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
WITA = dt.timezone(dt.timedelta(hours=8), "WITA")
WIT = dt.timezone(dt.timedelta(hours=9), "WIT")

#: Library decision D10: an objection is filed within 14 calendar days of receiving the result
#: (PP 30/2019 Pasal 59 says "14 hari"; whether calendar or working days is UNCONFIRMED).
OBJECTION_DAYS = 14


class Stage(Labelled):
    """The stage of an SKP's life (PermenPANRB 6/2022 Pasal 5; PP 30/2019 Pasal 59)."""

    DRAFT = "draft"
    AGREED = "agreed"
    IN_PROGRESS = "in_progress"
    PERIODIC_EVALUATION = "periodic_evaluation"
    ANNUAL_EVALUATION = "annual_evaluation"
    FINAL = "final"
    OBJECTED = "objected"
    DECIDED = "decided"

    @classmethod
    def _labels(cls) -> dict[Stage, tuple[str, str]]:
        return {
            cls.DRAFT: ("Penyusunan SKP", "Draft plan"),
            cls.AGREED: ("SKP disepakati", "Plan agreed"),
            cls.IN_PROGRESS: ("Pelaksanaan dan pemantauan kinerja", "In progress"),
            cls.PERIODIC_EVALUATION: ("Evaluasi kinerja periodik", "Periodic evaluation"),
            cls.ANNUAL_EVALUATION: ("Evaluasi kinerja tahunan", "Annual evaluation"),
            cls.FINAL: ("Hasil evaluasi ditetapkan", "Final"),
            cls.OBJECTED: ("Keberatan diajukan", "Objection filed"),
            cls.DECIDED: ("Keberatan diputuskan (final)", "Objection decided (final)"),
        }

    @property
    def is_final(self) -> bool:
        """Whether a result is set in this stage (final, objected or decided)."""
        return self in (Stage.FINAL, Stage.OBJECTED, Stage.DECIDED)


class Action(Labelled):
    """What an event did: the steps of the life, each taken by one role on the plan."""

    DRAFT = "draft"
    REVISE = "revise"
    SET = "set"
    ACCEPT = "accept"
    BEGIN = "begin"
    LOG = "log"
    EVALUATE_PERIOD = "evaluate_period"
    EVALUATE_YEAR = "evaluate_year"
    FINALISE = "finalise"
    RECEIVE = "receive"
    OBJECT = "object"
    DECIDE = "decide"

    @classmethod
    def _labels(cls) -> dict[Action, tuple[str, str]]:
        return {
            cls.DRAFT: ("Penyusunan draf SKP", "Plan drafted"),
            cls.REVISE: ("Perubahan draf SKP", "Draft revised"),
            cls.SET: ("Penetapan SKP oleh pejabat penilai", "Plan set by the pejabat penilai"),
            cls.ACCEPT: ("Persetujuan SKP oleh pegawai", "Plan accepted by the employee"),
            cls.BEGIN: ("Pelaksanaan kinerja dimulai", "Work begins"),
            cls.LOG: ("Dokumentasi kinerja dan umpan balik", "Feedback or evidence logged"),
            cls.EVALUATE_PERIOD: ("Evaluasi kinerja periodik", "Periodic evaluation recorded"),
            cls.EVALUATE_YEAR: ("Evaluasi kinerja tahunan", "Annual evaluation recorded"),
            cls.FINALISE: ("Penetapan hasil evaluasi", "Result finalised"),
            cls.RECEIVE: ("Hasil diterima pegawai", "Result received by the employee"),
            cls.OBJECT: ("Pengajuan keberatan", "Objection filed"),
            cls.DECIDE: ("Keputusan atas keberatan", "Objection decided"),
        }

    @property
    def method(self) -> str:
        """The :class:`PerformanceCycle` method that takes this step."""
        return _METHODS[self]

    @property
    def verb(self) -> str:
        """The step as a verb phrase, for messages ("decide the objection")."""
        return _VERBS[self]


_METHODS: Mapping[Action, str] = {
    Action.DRAFT: "PerformanceCycle.draft",
    Action.REVISE: "revise",
    Action.SET: "set_plan",
    Action.ACCEPT: "accept",
    Action.BEGIN: "begin",
    Action.LOG: "log",
    Action.EVALUATE_PERIOD: "evaluate_period",
    Action.EVALUATE_YEAR: "evaluate_year",
    Action.FINALISE: "finalise",
    Action.RECEIVE: "receive",
    Action.OBJECT: "file_objection",
    Action.DECIDE: "decide_objection",
}


_VERBS: Mapping[Action, str] = {
    Action.DRAFT: "draft the plan",
    Action.REVISE: "revise the draft",
    Action.SET: "set the plan",
    Action.ACCEPT: "accept the plan",
    Action.BEGIN: "begin the work",
    Action.LOG: "log feedback or evidence",
    Action.EVALUATE_PERIOD: "record a periodic evaluation",
    Action.EVALUATE_YEAR: "record the annual evaluation",
    Action.FINALISE: "finalise the result",
    Action.RECEIVE: "receive the result",
    Action.OBJECT: "file an objection",
    Action.DECIDE: "decide the objection",
}


class PlanRole(Labelled):
    """The role of a person on an SKP, as printed on the form."""

    EMPLOYEE = "employee"
    PEJABAT_PENILAI = "pejabat_penilai"
    ATASAN_PEJABAT_PENILAI = "atasan_pejabat_penilai"

    @classmethod
    def _labels(cls) -> dict[PlanRole, tuple[str, str]]:
        return {
            cls.EMPLOYEE: ("Pegawai yang dinilai", "Employee"),
            cls.PEJABAT_PENILAI: ("Pejabat Penilai Kinerja", "Appraising supervisor"),
            cls.ATASAN_PEJABAT_PENILAI: (
                "Atasan Pejabat Penilai Kinerja",
                "Appraising supervisor's superior",
            ),
        }


#: The stage each action leads to, per stage: the state machine. An action missing from a
#: stage's row is refused in that stage (rule ``LIFECYCLE-TRANSITION``).
TRANSITIONS: Mapping[Stage, Mapping[Action, Stage]] = FrozenMap(
    {
        Stage.DRAFT: FrozenMap(
            {Action.REVISE: Stage.DRAFT, Action.SET: Stage.DRAFT, Action.ACCEPT: Stage.AGREED}
        ),
        Stage.AGREED: FrozenMap({Action.BEGIN: Stage.IN_PROGRESS}),
        Stage.IN_PROGRESS: FrozenMap(
            {
                Action.LOG: Stage.IN_PROGRESS,
                Action.EVALUATE_PERIOD: Stage.PERIODIC_EVALUATION,
                Action.EVALUATE_YEAR: Stage.ANNUAL_EVALUATION,
            }
        ),
        Stage.PERIODIC_EVALUATION: FrozenMap(
            {
                Action.LOG: Stage.PERIODIC_EVALUATION,
                Action.EVALUATE_PERIOD: Stage.PERIODIC_EVALUATION,
                Action.EVALUATE_YEAR: Stage.ANNUAL_EVALUATION,
            }
        ),
        Stage.ANNUAL_EVALUATION: FrozenMap(
            {Action.EVALUATE_YEAR: Stage.ANNUAL_EVALUATION, Action.FINALISE: Stage.FINAL}
        ),
        Stage.FINAL: FrozenMap({Action.RECEIVE: Stage.FINAL, Action.OBJECT: Stage.OBJECTED}),
        Stage.OBJECTED: FrozenMap({Action.DECIDE: Stage.DECIDED}),
        Stage.DECIDED: FrozenMap({}),
    }
)

_E, _P, _A = PlanRole.EMPLOYEE, PlanRole.PEJABAT_PENILAI, PlanRole.ATASAN_PEJABAT_PENILAI

#: Who may take each action (rule ``AUTH-LIFECYCLE``). The employee drafts, accepts,
#: documents, receives and objects; the pejabat penilai kinerja sets the plan, answers,
#: evaluates and finalises; only the atasan pejabat penilai decides an objection (PP 30/2019
#: Pasal 59(3)-(4)). Who writes which kind of feedback is checked per entry (AUTH-FEEDBACK).
ACTORS: Mapping[Action, frozenset[PlanRole]] = FrozenMap(
    {
        Action.DRAFT: frozenset({_E, _P}),
        Action.REVISE: frozenset({_E, _P}),
        Action.SET: frozenset({_P}),
        Action.ACCEPT: frozenset({_E}),
        Action.BEGIN: frozenset({_E, _P}),
        Action.LOG: frozenset({_E, _P}),
        Action.EVALUATE_PERIOD: frozenset({_P}),
        Action.EVALUATE_YEAR: frozenset({_P}),
        Action.FINALISE: frozenset({_P}),
        Action.RECEIVE: frozenset({_E}),
        Action.OBJECT: frozenset({_E}),
        Action.DECIDE: frozenset({_A}),
    }
)

#: The rule each action applies, for the history's citations (see :data:`LIFECYCLE_RULES`).
ACTION_RULES: Mapping[Action, str] = FrozenMap(
    {
        Action.DRAFT: "LIFECYCLE-PLAN",
        Action.REVISE: "LIFECYCLE-PLAN",
        Action.SET: "LIFECYCLE-AGREEMENT",
        Action.ACCEPT: "LIFECYCLE-AGREEMENT",
        Action.BEGIN: "LIFECYCLE-MONITORING",
        Action.LOG: "LIFECYCLE-MONITORING",
        Action.EVALUATE_PERIOD: "LIFECYCLE-EVALUATION",
        Action.EVALUATE_YEAR: "LIFECYCLE-EVALUATION",
        Action.FINALISE: "LIFECYCLE-FINAL",
        Action.RECEIVE: "D10-OBJECTION-DEADLINE",
        Action.OBJECT: "PP30-59-OBJECTION",
        Action.DECIDE: "PP30-59-DECISION",
    }
)

Subject = PerformancePlan | FeedbackEntry | Appraisal | None


_YEARS = (1970, 2100)  # the years a Period may have


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
        or abs(offset) >= dt.timedelta(hours=24)
    ):
        raise InputError(
            "an event's time zone gives no usable UTC offset (whole minutes, under 24 hours)",
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


def _check_subject(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, (PerformancePlan, FeedbackEntry, Appraisal)):
        raise InputError(
            "an event's subject is a plan, a feedback entry, an appraisal or None",
            path=attribute.name,
            value=type(value).__name__,
            rule="TYPE",
            fix="let the PerformanceCycle methods make events",
        )


def _check_sequence(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10**9:
        raise InputError(
            "must be a whole number from 0 (below a billion)",
            path=attribute.name,
            value=shown(value),
            rule="TYPE",
            fix="number the events 0, 1, 2, ...",
        )


def _check_digest_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not (
        value == "" or (len(value) == 64 and all(c in "0123456789abcdef" for c in value))
    ):
        raise InputError(
            "must be a SHA-256 digest (64 lowercase hex digits), or empty for the first event",
            path=attribute.name,
            value=value,
            rule="INTEGRITY-CHAIN",
            fix="let the PerformanceCycle methods make events",
        )


@attrs.frozen(cache_hash=True)
class Event:
    """One step in the life of an SKP: who, when, what, and the stage before and after.

    ``digest`` is computed on construction: SHA-256 over the event's canonical record
    (:func:`asn_performance.process.records.event_record` without the digest), which includes
    ``previous_digest``, so the events form a chain: an event edited on its own no longer
    matches, and every later event would have to be rewritten too. The digests use no secret:
    someone who rewrites the whole chain (and re-seals it) is caught only against a digest
    kept elsewhere (``docs/explanation/integrity.md``).
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
        from asn_performance.process.records import event_record  # noqa: PLC0415 - records imports this module's types

        body = canonical_json(event_record(self, with_digest=False))
        object.__setattr__(self, "digest", hashlib.sha256(body).hexdigest())

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
        return (
            f"#{self.sequence} {self.at.isoformat(timespec='minutes')}"
            f" {self.actor.digits} ({self.role.label_id}): {what};"
            f" {before} -> {self.stage_after.code}"
        )


class Transition(NamedTuple):
    """What a step of the life returns: the new cycle and the event that was added."""

    cycle: PerformanceCycle
    event: Event


@attrs.frozen
class _State:
    plan: PerformancePlan
    stage: Stage
    plan_set: bool = False
    feedback: tuple[FeedbackEntry, ...] = ()
    periodic: tuple[Appraisal, ...] = ()
    annual: Appraisal | None = None
    result: Appraisal | None = None
    result_digest: str | None = None
    received: dt.datetime | None = None
    deadline: dt.date | None = None
    objection: Event | None = None
    decision: Event | None = None


def _to_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _check_events(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not value:
        raise LifecycleError(
            "a cycle is a non-empty tuple of events, starting with the draft",
            path=attribute.name,
            value=type(value).__name__,
            rule="LIFECYCLE-TRANSITION",
            fix="start with PerformanceCycle.draft(plan, by=..., at=...)",
        )
    for index, event in enumerate(value):
        if not isinstance(event, Event):
            raise LifecycleError(
                "must be an Event",
                path=f"{attribute.name}[{index}]",
                value=type(event).__name__,
                rule="TYPE",
                fix="let the PerformanceCycle methods make events",
            )


@attrs.frozen
class PerformanceCycle:
    """The life of one SKP, as its event log (*riwayat*); everything else is derived.

    Start with :meth:`draft`; each further step is a method returning a
    :class:`Transition`. Building a cycle from events (``PerformanceCycle(events)``, or
    :func:`asn_performance.boundary.appraisal_document.load_cycle` from JSON) replays them through the same
    checks, so a stored log that breaks a rule, or whose chain of digests was broken, is
    refused with the index of the event.
    """

    events: tuple[Event, ...] = attrs.field(converter=_to_tuple, validator=_check_events)
    _state: _State = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        state: _State | None = None
        previous: Event | None = None
        for index, event in enumerate(self.events):
            try:
                state = _apply(state, previous, event)
            except AsnPerformanceError as error:
                raise error.at(f"events[{index}]") from None
            previous = event
        object.__setattr__(self, "_state", cast(_State, state))  # events is not empty

    # --- reading -------------------------------------------------------------------------------

    @property
    def plan(self) -> PerformancePlan:
        """The SKP as it stands (the last drafted or revised version)."""
        return self._state.plan

    @property
    def stage(self) -> Stage:
        """The current stage."""
        return self._state.stage

    @property
    def plan_set(self) -> bool:
        """Whether the pejabat penilai has set the current draft (*penetapan*)."""
        return self._state.plan_set

    @property
    def feedback(self) -> tuple[FeedbackEntry, ...]:
        """The continuous-feedback log, in the order it was logged."""
        return self._state.feedback

    @property
    def periodic(self) -> tuple[Appraisal, ...]:
        """The periodic evaluations, in the order they were recorded."""
        return self._state.periodic

    @property
    def annual(self) -> Appraisal | None:
        """The annual evaluation as recorded by the pejabat penilai (before any objection)."""
        return self._state.annual

    @property
    def result(self) -> Appraisal | None:
        """The result in force once final: the annual evaluation, or the atasan's decision."""
        return self._state.result

    @property
    def result_digest(self) -> str | None:
        """SHA-256 of the result's canonical record without reader labels
        (``integrity.digest(records.appraisal_record(result, labels=False))``), stable
        across library versions that reword a rule's title or citation."""
        return self._state.result_digest

    @property
    def received_at(self) -> dt.datetime | None:
        """When the employee received the result."""
        return self._state.received

    @property
    def objection_deadline(self) -> dt.date | None:
        """The last day on which the employee may object (D10), once the result is received."""
        return self._state.deadline

    @property
    def objection(self) -> Event | None:
        """The objection event, if one was filed (its ``note`` holds the reasons)."""
        return self._state.objection

    @property
    def decision(self) -> Event | None:
        """The atasan's decision event, if any (its ``subject`` is the changed result, or
        ``None`` when the result was upheld)."""
        return self._state.decision

    @property
    def digest(self) -> str:
        """The digest of the last event: it covers the whole history."""
        return self.events[-1].digest

    def allowed(self) -> tuple[Action, ...]:
        """The steps possible now: those of the stage, less a draft's acceptance before it is
        set (or its setting once set), a second receipt, and an objection before receipt
        or on a plan without an atasan pejabat penilai to decide it."""
        return _allowed_now(self._state)

    def role_of(self, who: Nip | str) -> PlanRole | None:
        """The role of ``who`` on the plan, or ``None`` if they have none."""
        return _role_of(self.plan, _as_nip(who, "who"))

    def verify(self) -> str:
        """Recompute the chain of digests and the result's digest; return the last digest.

        A cycle built in memory always verifies; this is for one rebuilt from storage by
        other means than :func:`~asn_performance.boundary.appraisal_document.load_cycle` (which verifies).

        Raises:
            IntegrityError: an event's digest or the result digest does not match.
        """
        from asn_performance.process.records import appraisal_record, event_record  # noqa: PLC0415

        previous = ""
        for index, event in enumerate(self.events):
            body = canonical_json(event_record(event, with_digest=False))
            if event.previous_digest != previous or hashlib.sha256(body).hexdigest() != (
                event.digest
            ):
                raise IntegrityError(
                    "the event does not match its digest or its predecessor's",
                    path=f"events[{index}].digest",
                    value=event.digest,
                    rule="INTEGRITY-CHAIN",
                    fix="restore the history from the original",
                )
            previous = event.digest
        result = self.result
        if (
            result is not None
            and record_digest(appraisal_record(result, labels=False)) != self.result_digest
        ):
            raise IntegrityError(  # pragma: no cover - the digest is derived from the result
                "the result does not match its digest",
                path="result_digest",
                value=self.result_digest,
                rule="INTEGRITY-DIGEST",
                fix="restore the history from the original",
            )
        return previous

    def history(self) -> str:
        """The history as text: one line per event, with the rule each step applied."""
        lines = [
            f"SKP {self.plan.id}: {self.plan.employee.name} ({self.plan.employee.nip.digits}),"
            f" {self.plan.period.label_id}; stage: {self.stage.label_id}"
        ]
        for event in self.events:
            rule = _RULE[ACTION_RULES[event.action]]
            lines.append(f"  {event.describe()}")
            lines.append(f"      [{rule.id}] {rule.citation}")
            if event.note:
                lines.append(f"      reasons: {event.note}")
        if self.result is not None:
            lines.append(f"result: {self.result.predikat.label_id}; sha256 {self.result_digest}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        rows = "".join(
            f"<tr><td>{e.sequence}</td><td>{esc(e.at.isoformat(timespec='minutes'))}</td>"
            f"<td>{esc(e.actor.digits)}</td><td>{esc(e.role.label_id)}</td>"
            f"<td>{esc(e.action.label_id)}</td><td>{esc(e.stage_after.label_id)}</td></tr>"
            for e in self.events
        )
        return (
            f"<p><b>SKP {esc(self.plan.id)}</b>: {esc(self.plan.employee.name)},"
            f" {esc(self.stage.label_id)}</p><table><tr><th>#</th><th>waktu</th><th>NIP</th>"
            f"<th>peran</th><th>tindakan</th><th>tahap</th></tr>{rows}</table>"
        )

    # --- the steps -----------------------------------------------------------------------------

    @classmethod
    def draft(
        cls,
        plan: PerformancePlan,
        *,
        by: Nip | str,
        at: dt.datetime,
        roster: Roster | None = None,
    ) -> Transition:
        """Start the life of ``plan`` as a draft (*penyusunan SKP*), by the employee or the
        pejabat penilai. With ``roster``, the plan's officials are checked against it first.

        Raises:
            AuthorityError: ``by`` is neither the employee nor the pejabat penilai, or the
                plan's officials disagree with the roster.
        """
        if not isinstance(plan, PerformancePlan):
            raise InputError(
                "draft() needs a PerformancePlan",
                path="plan",
                value=type(plan).__name__,
                rule="TYPE",
                fix="build the plan with PerformancePlan(...) or Roster.plan_for(...)",
            )
        if roster is not None:
            from asn_performance.process.roster import Roster  # noqa: PLC0415 - the roster loads only when used

            if not isinstance(roster, Roster):
                raise InputError(
                    "roster must be a Roster",
                    path="roster",
                    value=type(roster).__name__,
                    rule="TYPE",
                    fix="pass Roster(employees), or leave roster out",
                )
            roster.check_plan(plan)
        actor = _as_nip(by, "by")
        role = _role_of(plan, actor)
        event = _event(
            0, Action.DRAFT, actor, role, at, None, Stage.DRAFT, subject=plan, previous=""
        )
        return _advance(None, (), event)

    def revise(self, plan: PerformancePlan, *, by: Nip | str, at: dt.datetime) -> Transition:
        """Replace the draft (same id, employee and pejabat penilai); a setting is undone."""
        return self._step(Action.REVISE, by, at, subject=plan)

    def set_plan(self, *, by: Nip | str, at: dt.datetime) -> Transition:
        """The pejabat penilai sets the draft (*menetapkan SKP*)."""
        return self._step(Action.SET, by, at)

    def accept(self, *, by: Nip | str, at: dt.datetime) -> Transition:
        """The employee accepts the plan as set: the SKP is agreed."""
        return self._step(Action.ACCEPT, by, at)

    def begin(self, *, by: Nip | str, at: dt.datetime) -> Transition:
        """Work on the agreed plan begins (*pelaksanaan, pemantauan dan pembinaan*)."""
        return self._step(Action.BEGIN, by, at)

    def log(self, entry: FeedbackEntry, *, at: dt.datetime) -> Transition:
        """Add a feedback or evidence entry, written by its author (``entry.author``)."""
        if not isinstance(entry, FeedbackEntry):
            raise InputError(
                "log() needs a FeedbackEntry",
                path="entry",
                value=type(entry).__name__,
                rule="TYPE",
                fix="pass FeedbackEntry(...)",
            )
        return self._step(Action.LOG, entry.author, at, subject=entry)

    def appraise(
        self, assessments: Iterable[Assessment], *, period: Period | None = None, **options: Any
    ) -> Appraisal:
        """Appraise the plan with :func:`~asn_performance.appraise`, citing this cycle's
        feedback log; the result is not recorded until :meth:`evaluate_period` or
        :meth:`evaluate_year`. ``options`` are appraise()'s keyword options."""
        if "feedback" in options:
            raise InputError(
                "the cycle cites its own feedback log",
                path="feedback",
                value=shown(options["feedback"]),
                rule="LIFECYCLE-SUBJECT",
                fix="log entries with cycle.log(...), or call appraise() directly",
            )
        return appraise(self.plan, assessments, period=period, feedback=self.feedback, **options)

    def evaluate_period(
        self, appraisal: Appraisal, *, by: Nip | str, at: dt.datetime
    ) -> Transition:
        """Record a periodic evaluation (a quarter, a month or a part of the year)."""
        return self._step(Action.EVALUATE_PERIOD, by, at, subject=appraisal)

    def evaluate_year(self, appraisal: Appraisal, *, by: Nip | str, at: dt.datetime) -> Transition:
        """Record the annual evaluation (again, to correct it before it is finalised)."""
        return self._step(Action.EVALUATE_YEAR, by, at, subject=appraisal)

    def finalise(self, *, by: Nip | str, at: dt.datetime) -> Transition:
        """The pejabat penilai sets the annual result; its digest is fixed from here on."""
        return self._step(Action.FINALISE, by, at)

    def receive(
        self, *, by: Nip | str, at: dt.datetime, objection_days: int = OBJECTION_DAYS
    ) -> Transition:
        """The employee receives the result; the objection deadline is ``objection_days``
        calendar days later (D10: 14), computed with dateutil and recorded in the event."""
        if isinstance(objection_days, bool) or not isinstance(objection_days, int):
            raise InputError(
                "objection_days must be a whole number of days",
                path="objection_days",
                value=objection_days,
                rule="D10-OBJECTION-DEADLINE",
                fix="pass e.g. 14",
            )
        if not 1 <= objection_days <= 366:
            raise InputError(
                "objection_days must lie between 1 and 366",
                path="objection_days",
                value=objection_days,
                rule="D10-OBJECTION-DEADLINE",
                fix="pass e.g. 14 (the default, decision D10)",
            )
        deadline = _check_at_arg(at).date() + relativedelta(days=objection_days)
        return self._step(Action.RECEIVE, by, at, deadline=deadline)

    def file_objection(self, reasons: str, *, by: Nip | str, at: dt.datetime) -> Transition:
        """The employee objects to the result, with reasons, before the deadline
        (*keberatan*, PP 30/2019 Pasal 59(1)-(2))."""
        return self._step(Action.OBJECT, by, at, note=reasons)

    def decide_objection(
        self,
        reasons: str,
        *,
        by: Nip | str,
        at: dt.datetime,
        hasil_kerja: Rating | str | None = None,
        perilaku_kerja: Rating | str | None = None,
    ) -> Transition:
        """The atasan pejabat penilai decides the objection (PP 30/2019 Pasal 59(3)-(4)).

        Without new ratings (or with the same ones) the result is upheld; otherwise the
        result becomes the annual appraisal with the new ratings, its predikat from the
        matrix and a ``PP30-59-DECISION`` step per changed rating. The decision is final.
        """
        annual = self.result
        subject: Appraisal | None = None
        if annual is not None and self.stage is Stage.OBJECTED:
            hasil = (
                annual.rating_hasil_kerja
                if hasil_kerja is None
                else Rating.parse(hasil_kerja, field="hasil_kerja")
            )
            perilaku = (
                annual.rating_perilaku_kerja
                if perilaku_kerja is None
                else Rating.parse(perilaku_kerja, field="perilaku_kerja")
            )
            if (hasil, perilaku) != (annual.rating_hasil_kerja, annual.rating_perilaku_kerja):
                actor = _as_nip(by, "by")
                subject = _changed(annual, hasil, perilaku, actor)
        return self._step(Action.DECIDE, by, at, subject=subject, note=reasons)

    def _step(
        self,
        action: Action,
        by: Nip | str,
        at: dt.datetime,
        *,
        subject: Subject = None,
        note: str = "",
        deadline: dt.date | None = None,
    ) -> Transition:
        actor = _as_nip(by, "by")
        _allowed(self._state, action)
        role = _role_of(self.plan, actor)
        after = TRANSITIONS[self.stage][action]
        last = self.events[-1]
        event = _event(
            len(self.events),
            action,
            actor,
            role,
            at,
            self.stage,
            after,
            subject=subject,
            note=note,
            deadline=deadline,
            previous=last.digest,
        )
        return _advance(self._state, self.events, event)


# --- the rules of each step ------------------------------------------------------------------


def _advance(state: _State | None, events: tuple[Event, ...], event: Event) -> Transition:
    """The cycle after ``event``: checked against ``state`` only, not replayed from the start."""
    try:
        after = _apply(state, events[-1] if events else None, event)
    except AsnPerformanceError as error:
        # The stored event calls its actor "actor"; the caller passed it as "by".
        raise (error.with_path("by") if error.path == "actor" else error) from None
    cycle = object.__new__(PerformanceCycle)
    object.__setattr__(cycle, "events", (*events, event))
    object.__setattr__(cycle, "_state", after)
    return Transition(cycle, event)


def _as_nip(value: object, path: str) -> Nip:
    if isinstance(value, Nip):
        return value
    if isinstance(value, str):
        try:
            return Nip.parse(value)
        except AsnPerformanceError as error:
            raise error.at(path) from None
    raise InputError(
        "must be a NIP (Nip or its 18 digits)",
        path=path,
        value=type(value).__name__,
        rule="TYPE",
        fix="pass the acting person's NIP",
    )


def _check_at_arg(at: object) -> dt.datetime:
    """Check and normalise an ``at`` argument as :class:`Event` does."""
    normal = _normalise_at(at)
    _check_at(None, attrs.fields(Event).at, normal)
    return cast(dt.datetime, normal)


def _role_of(plan: PerformancePlan, actor: Nip) -> PlanRole | None:
    if actor == plan.employee.nip:
        return PlanRole.EMPLOYEE
    if actor == plan.pejabat_penilai.nip:
        return PlanRole.PEJABAT_PENILAI
    atasan = plan.atasan_pejabat_penilai
    if atasan is not None and actor == atasan.nip:
        return PlanRole.ATASAN_PEJABAT_PENILAI
    return None


def _event(
    sequence: int,
    action: Action,
    actor: Nip,
    role: PlanRole | None,
    at: dt.datetime,
    before: Stage | None,
    after: Stage,
    *,
    subject: Subject = None,
    note: str = "",
    deadline: dt.date | None = None,
    previous: str,
) -> Event:
    _check_at_arg(at)
    if role is None:
        raise AuthorityError(
            f"{actor.digits} has no role on this plan, so cannot {action.verb}",
            path="by",
            value=actor.digits,
            rule="AUTH-LIFECYCLE",
            fix=_who_may(action),
        )
    if not isinstance(note, str):
        raise InputError(
            "reasons must be text",
            path="reasons",
            value=type(note).__name__,
            rule="TYPE",
            fix="give the reasons as text",
        )
    return Event(
        sequence=sequence,
        action=action,
        actor=actor,
        role=role,
        at=at,
        stage_before=before,
        stage_after=after,
        subject=subject,
        note=note,
        deadline=deadline,
        previous_digest=previous,
    )


def _who_may(action: Action) -> str:
    roles = " or ".join(role.label_id for role in PlanRole if role in ACTORS[action])
    return f"only the {roles} of the plan may {action.verb}"


def _allowed_now(state: _State) -> tuple[Action, ...]:
    actions = tuple(TRANSITIONS[state.stage])
    hidden: set[Action] = set()
    if state.stage is Stage.DRAFT:
        hidden.add(Action.SET if state.plan_set else Action.ACCEPT)
    if state.stage is Stage.FINAL:
        if state.received is not None:
            hidden.add(Action.RECEIVE)
        if state.received is None or state.plan.atasan_pejabat_penilai is None:
            hidden.add(Action.OBJECT)
    return tuple(a for a in actions if a not in hidden)


def _allowed(state: _State | None, action: Action) -> None:
    """Refuse ``action`` in the current stage, naming the stage and what it allows."""
    if state is None:
        if action is not Action.DRAFT:
            raise LifecycleError(
                f"a cycle starts with a draft; it cannot {action.verb} first",
                path="action",
                value=action.code,
                rule="LIFECYCLE-TRANSITION",
                fix="start with PerformanceCycle.draft(plan, by=..., at=...)",
            )
        return
    if action is Action.DRAFT or action not in TRANSITIONS[state.stage]:
        allowed = _allowed_now(state)
        names = ", ".join(f"{a.code} ({a.method})" for a in allowed) or "nothing: it is final"
        raise LifecycleError(
            f"cannot {action.verb} in stage {state.stage.code}"
            f" ({state.stage.label_id}); that stage allows {names}",
            path="stage",
            value=state.stage.code,
            rule="LIFECYCLE-TRANSITION",
            fix="take the steps in order: draft, set, accept, begin, log, evaluate_period,"
            " evaluate_year, finalise, receive, file_objection, decide_objection",
        )
    if state.stage is Stage.DRAFT and action is Action.ACCEPT and not state.plan_set:
        raise LifecycleError(
            "the employee accepts the plan once the pejabat penilai has set it; this draft"
            " is not set",
            path="stage",
            value=state.stage.code,
            rule="LIFECYCLE-TRANSITION",
            fix="the pejabat penilai calls set_plan() first; the draft allows revise, set",
        )
    if state.stage is Stage.DRAFT and action is Action.SET and state.plan_set:
        raise LifecycleError(
            "this draft is already set; the employee accepts it, or a revision undoes it",
            path="stage",
            value=state.stage.code,
            rule="LIFECYCLE-TRANSITION",
            fix="call accept() (employee) or revise()",
        )
    if state.stage is Stage.FINAL and action is Action.RECEIVE and state.received is not None:
        raise LifecycleError(
            f"the result was already received on {state.received.isoformat()}",
            path="stage",
            value=state.stage.code,
            rule="LIFECYCLE-TRANSITION",
            fix="the deadline runs from the first receipt; file_objection() is what remains",
        )


def _apply(state: _State | None, previous: Event | None, event: Event) -> _State:
    """Check ``event`` against the state it follows and return the state after it."""
    action = event.action
    expected_previous = "" if previous is None else previous.digest
    if event.previous_digest != expected_previous:
        raise IntegrityError(
            "the event does not follow the one before it: its previous digest differs",
            path="previous_digest",
            value=event.previous_digest,
            rule="INTEGRITY-CHAIN",
            fix="keep the events in their order, unchanged",
        )
    sequence = 0 if previous is None else previous.sequence + 1
    if event.sequence != sequence:
        raise LifecycleError(
            f"event number {event.sequence} where {sequence} comes next",
            path="sequence",
            value=event.sequence,
            rule="LIFECYCLE-SEQUENCE",
            fix="keep the events in their order",
        )
    if previous is not None and event.at < previous.at:
        raise LifecycleError(
            f"the event ({event.at.isoformat()}) is earlier than the one before it"
            f" ({previous.at.isoformat()})",
            path="at",
            value=event.at.isoformat(),
            rule="LIFECYCLE-TIME",
            fix="record the steps in the order they happened, with their real times",
        )
    _allowed(state, action)
    plan = event.subject if state is None else state.plan
    if not isinstance(plan, PerformancePlan):
        raise LifecycleError(
            "the draft event carries the plan",
            path="subject",
            value=type(event.subject).__name__,
            rule="LIFECYCLE-PLAN",
            fix="start with PerformanceCycle.draft(plan, by=..., at=...)",
        )
    before = None if state is None else state.stage
    after = Stage.DRAFT if state is None else TRANSITIONS[state.stage][action]
    if event.stage_before is not before or event.stage_after is not after:
        raise LifecycleError(
            f"the event says {_code(event.stage_before)} -> {event.stage_after.code}; the"
            f" step {action.code} goes {_code(before)} -> {after.code}",
            path="stage_after",
            value=event.stage_after.code,
            rule="LIFECYCLE-TRANSITION",
            fix="let the PerformanceCycle methods make events",
        )
    role = _role_of(plan, event.actor)
    if role is None or role not in ACTORS[action]:
        raise AuthorityError(
            f"{event.actor.digits} ("
            + ("no role on the plan" if role is None else role.label_id)
            + f") may not {action.verb}",
            path="actor",
            value=event.actor.digits,
            rule="AUTH-LIFECYCLE",
            fix=_who_may(action),
        )
    if event.role is not role:
        raise AuthorityError(
            f"the event names the role {event.role.code}; {event.actor.digits} is the"
            f" {role.label_id} of the plan",
            path="role",
            value=event.role.code,
            rule="AUTH-LIFECYCLE",
            fix="let the PerformanceCycle methods make events",
        )
    _expect_subject(event)
    if state is None:
        return _State(plan=plan, stage=Stage.DRAFT)
    handler = _HANDLERS.get(action)
    changes = {} if handler is None else handler(state, event)
    return attrs.evolve(state, stage=after, **changes)


_SUBJECT_KIND: Mapping[Action, type | None] = {
    Action.DRAFT: PerformancePlan,
    Action.REVISE: PerformancePlan,
    Action.LOG: FeedbackEntry,
    Action.EVALUATE_PERIOD: Appraisal,
    Action.EVALUATE_YEAR: Appraisal,
}


def _expect_subject(event: Event) -> None:
    kind = _SUBJECT_KIND.get(event.action)
    subject = event.subject
    if event.action is Action.DECIDE:
        ok = subject is None or isinstance(subject, Appraisal)
    elif kind is None:
        ok = subject is None
    else:
        ok = isinstance(subject, kind)
    if not ok:
        wanted = "nothing" if kind is None else f"a {kind.__name__}"
        raise InputError(
            f"the step {event.action.code} carries {wanted}, not {type(subject).__name__}",
            path="subject",
            value=type(subject).__name__,
            rule="LIFECYCLE-SUBJECT",
            fix="let the PerformanceCycle methods make events",
        )
    needs_note = event.action in (Action.OBJECT, Action.DECIDE)
    if needs_note and not event.note.strip():
        raise InputError(
            "an objection and its decision state their reasons (PP 30/2019 Pasal 59(1):"
            " 'disertai alasan')",
            path="reasons",
            value=event.note,
            rule="PP30-59-OBJECTION",
            fix="give the reasons as text",
        )
    if not needs_note and event.note:
        raise InputError(
            f"the step {event.action.code} has no reasons",
            path="reasons",
            value=event.note,
            rule="LIFECYCLE-SUBJECT",
            fix="leave the note empty",
        )
    if (event.deadline is not None) != (event.action is Action.RECEIVE):
        raise InputError(
            "only the receipt of the result sets the objection deadline",
            path="deadline",
            value=None if event.deadline is None else event.deadline.isoformat(),
            rule="D10-OBJECTION-DEADLINE",
            fix="let receive() compute the deadline",
        )


def _code(stage: Stage | None) -> str:
    return "-" if stage is None else stage.code


def _revise(state: _State, event: Event) -> dict[str, Any]:
    plan = cast(PerformancePlan, event.subject)  # checked by _expect_subject
    old = state.plan

    def people(p: PerformancePlan) -> tuple[object, ...]:
        atasan = p.atasan_pejabat_penilai
        return (p.id, p.employee.nip, p.pejabat_penilai.nip, atasan and atasan.nip, p.period)

    if people(plan) != people(old):
        raise LifecycleError(
            "a revision changes what the plan says, not its id, its people (employee,"
            " pejabat penilai, atasan pejabat penilai, who decides an objection) or its period",
            path="plan",
            value=plan.id,
            rule="LIFECYCLE-PLAN",
            fix="for other people or another period, start a new cycle",
        )
    return {"plan": plan, "plan_set": False}


def _set(_state: _State, _event: Event) -> dict[str, Any]:
    return {"plan_set": True}


def _log(state: _State, event: Event) -> dict[str, Any]:
    entry = cast(FeedbackEntry, event.subject)  # checked by _expect_subject
    try:
        entry.check_against(state.plan)
    except AsnPerformanceError as error:
        raise error.at("entry") from None
    if entry.on > event.at.date():
        raise LifecycleError(
            f"the entry is dated {entry.on}, after it was logged ({event.at.date()})",
            path="entry.on",
            value=entry.on.isoformat(),
            rule="LIFECYCLE-TIME",
            fix="date the entry on or before the day it is logged",
        )
    known = {e.id: e for e in state.feedback}
    if entry.id in known:
        raise DuplicateError(
            f"the log already has an entry {entry.id!r}",
            path="entry.id",
            value=entry.id,
            rule="FEEDBACK-UNIQUE",
            fix="give each entry its own id",
        )
    answered = None if entry.replies_to is None else known.get(entry.replies_to)
    if entry.replies_to is not None and (answered is None or answered.on > entry.on):
        raise InputError(
            f"entry {entry.id!r} replies to {entry.replies_to!r}, which is not an earlier"
            " entry of the log",
            path="entry.replies_to",
            value=entry.replies_to,
            rule="FEEDBACK-REPLY",
            fix="reply to an entry logged before this one",
        )
    return {"feedback": (*state.feedback, entry)}


def _same_plan(state: _State, appraisal: Appraisal) -> None:
    if appraisal.plan != state.plan:
        raise LifecycleError(
            f"the appraisal is of plan {appraisal.plan.id!r} as it was then, not of this"
            f" cycle's plan {state.plan.id!r} as agreed",
            path="appraisal.plan",
            value=appraisal.plan.id,
            rule="LIFECYCLE-PLAN",
            fix="appraise the cycle's plan (cycle.appraise(...))",
        )


def _not_early(appraisal: Appraisal, event: Event) -> None:
    if event.at.date() < appraisal.period.end:
        raise LifecycleError(
            f"the evaluation of {appraisal.period.code} is recorded before the period ends"
            f" ({appraisal.period.end})",
            path="at",
            value=event.at.isoformat(),
            rule="LIFECYCLE-EVALUATION",
            fix="record the evaluation on or after the period's last day",
        )


def _evaluate_period(state: _State, event: Event) -> dict[str, Any]:
    appraisal = cast(Appraisal, event.subject)  # checked by _expect_subject
    _same_plan(state, appraisal)
    if appraisal.period == state.plan.period:
        raise LifecycleError(
            "a periodic evaluation covers part of the plan's period; this one covers all of it",
            path="appraisal.period",
            value=appraisal.period.code,
            rule="LIFECYCLE-EVALUATION",
            fix="record the annual evaluation with evaluate_year()",
        )
    for earlier in state.periodic:
        if earlier.period.start <= appraisal.period.end and appraisal.period.start <= (
            earlier.period.end
        ):
            raise LifecycleError(
                f"period {appraisal.period.code} overlaps {earlier.period.code}, already evaluated",
                path="appraisal.period",
                value=appraisal.period.code,
                rule="LIFECYCLE-EVALUATION",
                fix="evaluate each period once (see asn_performance.process.schedule)",
            )
    _not_early(appraisal, event)
    return {"periodic": (*state.periodic, appraisal)}


def _evaluate_year(state: _State, event: Event) -> dict[str, Any]:
    appraisal = cast(Appraisal, event.subject)  # checked by _expect_subject
    _same_plan(state, appraisal)
    if appraisal.period != state.plan.period:
        raise LifecycleError(
            f"the annual evaluation covers the plan's period {state.plan.period.code}, not"
            f" {appraisal.period.code}",
            path="appraisal.period",
            value=appraisal.period.code,
            rule="LIFECYCLE-EVALUATION",
            fix="record a part of the year with evaluate_period()",
        )
    _not_early(appraisal, event)
    earlier = state.annual
    if earlier is not None and _anonymous(earlier) != _anonymous(appraisal):
        raise LifecycleError(
            "a corrected annual evaluation must rest on the same anonymous input as the one it"
            " corrects: two versions that differ in it would show what a respondent said",
            path="appraisal.assessments",
            value=appraisal.period.code,
            rule="G-ANONYMITY",
            fix="correct the named sources only; anonymous input is gathered before the"
            " first evaluation",
        )
    return {"annual": appraisal}


def _anonymous(appraisal: Appraisal) -> tuple[Assessment, ...]:
    return tuple(a for a in appraisal.assessments if a.anonymised)


def _finalise(state: _State, _event: Event) -> dict[str, Any]:
    from asn_performance.process.records import appraisal_record  # noqa: PLC0415

    annual = cast(Appraisal, state.annual)  # the stage guarantees it
    return {
        "result": annual,
        "result_digest": record_digest(appraisal_record(annual, labels=False)),
    }


def _receive(_state: _State, event: Event) -> dict[str, Any]:
    deadline = cast(dt.date, event.deadline)  # checked by _expect_subject
    if not 1 <= (deadline - event.at.date()).days <= 366:
        raise InputError(
            "the objection deadline lies 1 to 366 days after the day the result is received",
            path="deadline",
            value=deadline.isoformat(),
            rule="D10-OBJECTION-DEADLINE",
            fix="let receive() compute the deadline",
        )
    return {"received": event.at, "deadline": event.deadline}


def _object(state: _State, event: Event) -> dict[str, Any]:
    if state.received is None or state.deadline is None:
        raise LifecycleError(
            "the objection period runs from the day the employee receives the result, which"
            " is not recorded",
            path="stage",
            value=state.stage.code,
            rule="D10-OBJECTION-DEADLINE",
            fix="record the receipt first with receive()",
        )
    if state.plan.atasan_pejabat_penilai is None:
        raise AuthorityError(
            "the plan names no atasan pejabat penilai kinerja, who alone decides an objection"
            " (PP 30/2019 Pasal 59)",
            path="plan.atasan_pejabat_penilai",
            value=None,
            rule="AUTH-ATASAN",
            fix="the plan had to name its atasan pejabat penilai when it was drafted (Roster"
            ".plan_for derives it below the head of the roster); the library records no"
            " objection without one",
        )
    filed = event.at.astimezone(state.received.tzinfo).date()
    if filed > state.deadline:
        raise ObjectionDeadlineError(
            f"the objection was filed on {filed}, after the deadline of {state.deadline}"
            f" ({(state.deadline - state.received.date()).days} calendar days from receipt on"
            f" {state.received.date()}, decision D10)",
            path="at",
            value=event.at.isoformat(),
            rule="D10-OBJECTION-DEADLINE",
            fix=f"an objection had to be filed by {state.deadline}; the result stands",
        )
    return {"objection": event}


def _decide(state: _State, event: Event) -> dict[str, Any]:
    from asn_performance.process.records import appraisal_record  # noqa: PLC0415

    if event.subject is None:
        return {"decision": event}
    changed = cast(Appraisal, event.subject)  # checked by _expect_subject
    annual = cast(Appraisal, state.result)  # the stage guarantees a result
    _same_plan(state, changed)
    expected = _changed(
        annual, changed.rating_hasil_kerja, changed.rating_perilaku_kerja, event.actor
    )
    if changed != expected:
        raise LifecycleError(
            "a changed result is the annual appraisal with the atasan's ratings and a"
            " PP30-59-DECISION step",
            path="subject",
            value=changed.period.code,
            rule="PP30-59-DECISION",
            fix="let decide_objection() make the changed result",
        )
    return {
        "decision": event,
        "result": changed,
        "result_digest": record_digest(appraisal_record(changed, labels=False)),
    }


_HANDLERS: Mapping[Action, Any] = {
    Action.REVISE: _revise,
    Action.SET: _set,
    Action.LOG: _log,
    Action.EVALUATE_PERIOD: _evaluate_period,
    Action.EVALUATE_YEAR: _evaluate_year,
    Action.FINALISE: _finalise,
    Action.RECEIVE: _receive,
    Action.OBJECT: _object,
    Action.DECIDE: _decide,
}


def _changed(annual: Appraisal, hasil: Rating, perilaku: Rating, actor: Nip) -> Appraisal:
    """The annual appraisal with the atasan's ratings (PP 30/2019 Pasal 59(4))."""
    steps = [
        step._replace(note="before the objection")
        if step.rule == "6/2022-MATRIX" and not step.note
        else step
        for step in annual.explanation.steps
    ]
    for dimension, old, new in (
        ("hasil_kerja", annual.rating_hasil_kerja, hasil),
        ("perilaku_kerja", annual.rating_perilaku_kerja, perilaku),
    ):
        if old is not new:
            steps.append(
                Step(
                    _RULE["PP30-59-DECISION"],
                    dimension,
                    (("before the objection", old.label_id), ("decided by", actor.digits)),
                    new.label_id,
                    "atasan pejabat penilai kinerja; final",
                )
            )
    predikat = PREDIKAT_MATRIX[(hasil, perilaku)]
    steps.append(
        Step(
            _RULE["6/2022-MATRIX"],
            "predikat",
            (("rating hasil kerja", hasil.label_id), ("rating perilaku kerja", perilaku.label_id)),
            predikat.label_id,
        )
    )
    return attrs.evolve(
        annual,
        rating_hasil_kerja=hasil,
        rating_perilaku_kerja=perilaku,
        predikat=predikat,
        explanation=Explanation(tuple(steps)),
    )
