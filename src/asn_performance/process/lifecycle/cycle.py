"""The life of one SKP as an immutable object: :class:`PerformanceCycle`, its event log.

PermenPANRB 6/2022 Pasal 5 names the stages of performance management (perencanaan;
pelaksanaan, pemantauan dan pembinaan; penilaian; tindak lanjut) and PP 30/2019 Pasal 59
adds the objection (*keberatan*): within 14 days of receiving the result the employee may
object to the atasan pejabat penilai kinerja, who may change the result; that decision is
final.

:class:`PerformanceCycle` holds nothing but its :class:`Event` log; the stage, the plan, the
feedback log, the evaluations and the result are derived by replaying the log through the
same checks that guarded each step (:mod:`asn_performance.process.lifecycle.steps`), so a
cycle that exists is a cycle that could have happened. Each step returns a new cycle and the
event it added (:class:`Transition`). :meth:`PerformanceCycle.to_dict` is its canonical JSON
form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import attrs

from asn_performance._kit.plain import iso_of
from asn_performance._kit.validate import expect, shown
from asn_performance.domain.assessment import Assessment
from asn_performance.domain.explanation import rules_by_id
from asn_performance.domain.feedback import FeedbackEntry
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import PerformancePlan
from asn_performance.domain.rating import Rating
from asn_performance.exceptions import (
    AsnPerformanceError,
    AuthorityError,
    InputError,
    IntegrityError,
    LifecycleError,
)
from asn_performance.process.lifecycle.events import (
    Event,
    Subject,
    chain_digest,
    checked_at,
)
from asn_performance.process.lifecycle.revision import (
    PlanVersion,
    changes,
    plan_for_period,
    version_on,
)
from asn_performance.process.lifecycle.settings import DEFAULT_SETTINGS, CycleSettings
from asn_performance.process.lifecycle.stages import (
    ACTION_RULES,
    LIFECYCLE_RULES,
    TRANSITIONS,
    Action,
    PlanRole,
    Stage,
    role_of,
    who_may,
)
from asn_performance.process.lifecycle.steps import (
    CycleState,
    allowed_now,
    apply_event,
    changed_result,
    check_allowed,
    objection_deadline,
    result_digest,
)
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal, appraise

if TYPE_CHECKING:
    from asn_performance.process.roster import Roster

__all__ = ["PerformanceCycle", "Transition"]

_RULE = rules_by_id(LIFECYCLE_RULES)


class Transition(NamedTuple):
    """What a step of the life returns: the new cycle and the event that was added."""

    cycle: PerformanceCycle
    event: Event


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
        expect(
            event,
            Event,
            f"{attribute.name}[{index}]",
            "must be an Event",
            "let the PerformanceCycle methods make events",
            LifecycleError,
        )


@attrs.frozen
class PerformanceCycle:
    """The life of one SKP, as its event log (*riwayat*); everything else is derived.

    Start with :meth:`draft`; each further step is a method returning a
    :class:`Transition`. Building a cycle from events (``PerformanceCycle(events)``, or
    :func:`asn_performance.boundary.appraisal_document.load_cycle` from JSON) replays them
    through the same checks, so a stored log that breaks a rule, or whose chain of digests
    was broken, is refused with the index of the event.
    """

    events: tuple[Event, ...] = attrs.field(converter=_to_tuple, validator=_check_events)
    _state: CycleState = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        state: CycleState | None = None
        previous: Event | None = None
        for index, event in enumerate(self.events):
            try:
                state = apply_event(state, previous, event)
            except AsnPerformanceError as error:
                raise error.at(f"events[{index}]") from None
            previous = event
        object.__setattr__(self, "_state", cast(CycleState, state))  # events is not empty

    # --- reading -------------------------------------------------------------------------------

    @property
    def plan(self) -> PerformancePlan:
        """The SKP as it stands: the draft before agreement, then the last agreed version (a
        revision awaiting agreement is :attr:`pending_revision`)."""
        return self._state.plan

    @property
    def versions(self) -> tuple[PlanVersion, ...]:
        """The agreed versions of the plan, in order (empty before agreement): version 1 in
        force from the period's first day, each revision from its ``effective`` day (rule
        ``LIFECYCLE-REVISION``)."""
        return self._state.versions

    @property
    def pending_revision(self) -> PlanVersion | None:
        """A revision of the agreed plan set or proposed but not yet accepted, if any."""
        return self._state.pending

    def plan_in_force(self, day: dt.date) -> PerformancePlan | None:
        """The version of the plan in force on ``day``; ``None`` before agreement or outside
        the plan's period (as revised)."""
        version = version_on(self._state.versions, day)
        return None if version is None else version.plan

    def plan_for(self, period: Period) -> PerformancePlan:
        """The plan a periodic evaluation of ``period`` is appraised against: the version in
        force for all of it (rule ``LIFECYCLE-PLAN-IN-FORCE``); :attr:`plan` when the plan was
        never revised.

        Raises:
            LifecycleError: a revision takes effect within ``period``, or ``period`` ends
                after the plan's period as revised.
        """
        return plan_for_period(self._state.versions, self._state.plan, period)

    @property
    def stage(self) -> Stage:
        """The current stage."""
        return self._state.stage

    @property
    def settings(self) -> CycleSettings:
        """The agency's settings, fixed when the cycle was opened: the zone its days are
        counted in and the objection window (WIB and 14 days for a cycle stored before
        settings existed)."""
        return self._state.settings

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
        (``integrity.digest(result.to_dict(labels=False))``), stable
        across library versions that reword a rule's title or citation."""
        return self._state.result_digest

    @property
    def received_at(self) -> dt.datetime | None:
        """When the employee received the result."""
        return self._state.received

    @property
    def objection_deadline(self) -> dt.date | None:
        """The last day on which the employee may object, once the result is received: the
        day of receipt in the agency's zone plus the cycle's window (decision D10: 14)."""
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
        return allowed_now(self._state)

    def role_of(self, who: Nip | str) -> PlanRole | None:
        """The role of ``who`` on the plan, or ``None`` if they have none."""
        return role_of(self.plan, _as_nip(who, "who"))

    def verify(self) -> str:
        """Recompute the chain of digests and the result's digest; return the last digest.

        A cycle built in memory always verifies; this is for one rebuilt from storage by
        other means than :func:`~asn_performance.boundary.appraisal_document.load_cycle`
        (which verifies).

        Raises:
            IntegrityError: an event's digest or the result digest does not match.
        """
        previous = ""
        for index, event in enumerate(self.events):
            if event.previous_digest != previous or chain_digest(event) != event.digest:
                raise IntegrityError(
                    "the event does not match its digest or its predecessor's",
                    path=f"events[{index}].digest",
                    value=event.digest,
                    rule="INTEGRITY-CHAIN",
                    fix="restore the history from the original",
                )
            previous = event.digest
        result = self.result
        if result is not None and result_digest(result) != self.result_digest:
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
        versions = self.versions
        revised = len(versions) > 1 or self.pending_revision is not None
        for event in self.events:
            rule_id = ACTION_RULES[event.action]
            if event.effective is not None:
                rule_id = "LIFECYCLE-REVISION"
            rule = _RULE[rule_id]
            lines.append(f"  {event.describe()}")
            lines.append(f"      [{rule.id}] {rule.citation}")
            if event.note:
                lines.append(f"      reasons: {event.note}")
        if revised:
            lines.extend(self._version_lines())
        if self.result is not None:
            lines.append(f"result: {self.result.predikat.label_id}; sha256 {self.result_digest}")
        return "\n".join(lines)

    def _version_lines(self) -> list[str]:
        """The versions of a revised plan, each with its days in force and its changes."""
        versions = self.versions
        rule = _RULE["LIFECYCLE-PLAN-IN-FORCE"]
        lines = [f"plan versions: [{rule.id}] {rule.citation}"]
        end = self.plan.period.end
        for index, version in enumerate(versions):
            following = versions[index + 1] if index + 1 < len(versions) else None
            until = version.until(following, end)
            days = (
                f"in force {version.effective} to {until}"
                if version.effective <= until
                else f"from {version.effective}: ends the period on {end}"
            )
            agreed = (
                "" if version.agreed_at is None else version.agreed_at.isoformat("T", "minutes")
            )
            lines.append(f"  version {version.number}: {days}; agreed {agreed}")
            if index:
                lines.append(
                    f"      changes: {'; '.join(changes(versions[index - 1].plan, version.plan))}"
                )
        pending = self.pending_revision
        if pending is not None:
            lines.append(
                f"  version {pending.number} (from {pending.effective}) awaits agreement:"
                f" {'; '.join(changes(self.plan, pending.plan))}"
            )
        return lines

    def to_dict(self) -> dict[str, Any]:
        """The plain record of the whole lifecycle: its events in order, and a summary for
        readers (stage, result)."""
        result = self.result
        return {
            "schema_version": "1",
            "kind": "performance_cycle",
            "plan_id": self.plan.id,
            "employee_nip": self.plan.employee.nip.digits,
            "stage": self.stage.code,
            "stage_label": self.stage.label_id,
            "predikat": None if result is None else result.predikat.code,
            "result_digest": self.result_digest,
            "objection_deadline": iso_of(self.objection_deadline),
            "events": [event.to_dict() for event in self.events],
        }

    def _repr_html_(self) -> str:
        from html import escape as esc  # noqa: PLC0415 - only a notebook's HTML view needs it

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
        settings: CycleSettings = DEFAULT_SETTINGS,
    ) -> Transition:
        """Start the life of ``plan`` as a draft (*penyusunan SKP*), by the employee or the
        pejabat penilai. With ``roster``, the plan's officials are checked against it first.

        ``settings`` are the agency's (``CycleSettings(zone="WITA", objection_days=14)``;
        default WIB and 14 days, decision D10): the zone every day of the cycle is counted in
        and the objection window. The draft event records them, the digest chain covers them,
        the pejabat penilai sets the plan with them, and no later step can change them (rule
        ``LIFECYCLE-SETTINGS``). They are the agency's configuration: an application passes
        its agency's settings whoever drafts, never a value the employee chooses.

        Raises:
            AuthorityError: ``by`` is neither the employee nor the pejabat penilai, or the
                plan's officials disagree with the roster.
            InputError: ``settings`` is not a :class:`CycleSettings`.
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
        if not isinstance(settings, CycleSettings):
            raise InputError(
                "settings must be CycleSettings",
                path="settings",
                value=type(settings).__name__,
                rule="LIFECYCLE-SETTINGS",
                fix='pass CycleSettings(zone="WIB", objection_days=14), or leave settings out',
            )
        actor = _as_nip(by, "by")
        role = role_of(plan, actor)
        event = _event(
            0,
            Action.DRAFT,
            actor,
            role,
            at,
            None,
            Stage.DRAFT,
            subject=plan,
            settings=settings,
            previous="",
        )
        return _advance(None, (), event)

    def revise(
        self,
        plan: PerformancePlan,
        *,
        by: Nip | str,
        at: dt.datetime,
        effective: dt.date | None = None,
    ) -> Transition:
        """Replace the draft (same id, employee and pejabat penilai); a setting is undone.

        In the work stages (in progress, periodic evaluation) this revises the agreed plan
        (rule ``LIFECYCLE-REVISION``): new targets, RHK added or dropped, or the period
        shortened for an employee who moves, in force from ``effective`` (required there,
        refused in a draft). The pejabat penilai sets it and the employee accepts it again
        (:meth:`set_plan`, :meth:`accept`); until then the version agreed before stays in
        force, no evaluation is recorded, and another ``revise`` replaces the proposal.
        The earlier versions stay in the history (:attr:`versions`).
        """
        return self._step(Action.REVISE, by, at, subject=plan, effective=effective)

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
        :meth:`evaluate_year`. ``options`` are appraise()'s keyword options: ``roster=`` (the
        cycle keeps none) checks every giver's role against the organisation's roster. A
        period is appraised against the version of the plan in force for it (:meth:`plan_for`)."""
        if "feedback" in options:
            raise InputError(
                "the cycle cites its own feedback log",
                path="feedback",
                value=shown(options["feedback"]),
                rule="LIFECYCLE-SUBJECT",
                fix="log entries with cycle.log(...), or call appraise() directly",
            )
        plan = self.plan if period is None else self.plan_for(period)
        return appraise(plan, assessments, period=period, feedback=self.feedback, **options)

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

    def receive(self, *, by: Nip | str, at: dt.datetime) -> Transition:
        """The employee receives the result; the objection deadline is the cycle's window
        (:attr:`settings`, decision D10: 14) of calendar days later, both days counted in the
        agency's zone (:attr:`settings`, WIB by default), and is recorded in the event. The
        window was fixed by the agency when the cycle was opened, not the employee's to
        choose; a receipt later than the time it is recorded is refused."""
        deadline = objection_deadline(checked_at(at), self._state.settings)
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
                subject = changed_result(annual, hasil, perilaku, actor)
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
        effective: dt.date | None = None,
    ) -> Transition:
        actor = _as_nip(by, "by")
        check_allowed(self._state, action)
        role = role_of(self.plan, actor)
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
            effective=effective,
            previous=last.digest,
        )
        return _advance(self._state, self.events, event)


def _advance(state: CycleState | None, events: tuple[Event, ...], event: Event) -> Transition:
    """The cycle after ``event``: checked against ``state`` only, not replayed from the start."""
    try:
        after = apply_event(state, events[-1] if events else None, event)
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
    settings: CycleSettings | None = None,
    effective: dt.date | None = None,
    previous: str,
) -> Event:
    checked_at(at)
    if role is None:
        raise AuthorityError(
            f"{actor.digits} has no role on this plan, so cannot {action.verb}",
            path="by",
            value=actor.digits,
            rule="AUTH-LIFECYCLE",
            fix=who_may(action),
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
        settings=settings,
        effective=effective,
        previous_digest=previous,
    )
