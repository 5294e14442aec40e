"""The rules of each step of an SKP's life, applied to the state the earlier steps left.

:func:`apply_event` checks one event against the state it follows (the chain of digests,
the order, the stage's transitions of PermenPANRB 6/2022 Pasal 5, who may act, what the step
carries) and returns the state after it; the handlers below hold each step's own rules: a
revision keeps the plan's people and period, feedback replies to earlier entries, evaluations
are recorded once their period ends, and an objection is filed by the deadline and decided by
the atasan pejabat penilai kinerja (PP 30/2019 Pasal 59, decision D10).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final, cast

import attrs

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.domain.assessment import Assessment, AssessorRole
from asn_performance.domain.explanation import Explanation, Step, rules_by_id
from asn_performance.domain.feedback import FeedbackEntry
from asn_performance.domain.nip import Nip
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
from asn_performance.process.integrity import digest as record_digest
from asn_performance.process.lifecycle.events import Event, local_date
from asn_performance.process.lifecycle.revision import (
    PlanVersion,
    check_plan_in_force,
    check_revision,
    check_revision_step,
)
from asn_performance.process.lifecycle.settings import DEFAULT_SETTINGS, CycleSettings
from asn_performance.process.lifecycle.stages import (
    ACTORS,
    LIFECYCLE_RULES,
    OBJECTION_DAYS,
    TRANSITIONS,
    Action,
    Stage,
    role_of,
    who_may,
)
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal
from asn_performance.regimes.permenpanrb_6_2022.matrix import PREDIKAT_MATRIX
from asn_performance.regimes.permenpanrb_6_2022.matrix import RULES as MATRIX_RULES
from asn_performance.weighting import DIMENSIONS, Guards, SupervisorDecides

__all__ = [
    "CycleState",
    "allowed_now",
    "apply_event",
    "changed_result",
    "check_allowed",
    "check_derivation",
    "objection_deadline",
    "result_digest",
]

_RULE = rules_by_id(LIFECYCLE_RULES, MATRIX_RULES)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.PP30-59-DECISION.before": "before the objection",
        "step.PP30-59-DECISION.decided_by": "decided by",
        "step.PP30-59-DECISION.final": "atasan pejabat penilai kinerja; final",
        "step.6/2022-MATRIX.before_objection": "before the objection",
    }
)


@attrs.frozen
class CycleState:
    """What replaying a cycle's events has established so far: the derived state."""

    plan: PerformancePlan
    stage: Stage
    settings: CycleSettings = DEFAULT_SETTINGS
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
    versions: tuple[PlanVersion, ...] = ()
    """The agreed versions of the plan, the last in force (LIFECYCLE-REVISION)."""
    pending: PlanVersion | None = None
    """A revision of the agreed plan awaiting agreement (set, then accepted)."""


#: The stages of work, in which a revision of the agreed plan is made and agreed again.
_WORK = (Stage.IN_PROGRESS, Stage.PERIODIC_EVALUATION)
_EVALUATIONS = (Action.EVALUATE_PERIOD, Action.EVALUATE_YEAR)  # refused while a revision waits


def allowed_now(state: CycleState) -> tuple[Action, ...]:
    """The steps possible in ``state`` (see :meth:`PerformanceCycle.allowed`)."""
    actions = tuple(TRANSITIONS[state.stage])
    hidden: set[Action] = set()
    if state.stage is Stage.DRAFT:
        hidden.add(Action.SET if state.plan_set else Action.ACCEPT)
    if state.stage in _WORK:
        if state.pending is None:
            hidden.update((Action.SET, Action.ACCEPT))
        else:
            hidden.add(Action.SET if state.plan_set else Action.ACCEPT)
            hidden.update(_EVALUATIONS)
    if state.stage is Stage.FINAL:
        if state.received is not None:
            hidden.add(Action.RECEIVE)
        if state.received is None or state.plan.atasan_pejabat_penilai is None:
            hidden.add(Action.OBJECT)
    return tuple(a for a in actions if a not in hidden)


def check_allowed(state: CycleState | None, action: Action) -> None:
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
        allowed = allowed_now(state)
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
    if state.stage in _WORK:
        check_revision_step(state.stage, state.pending, state.plan_set, action)
    if state.stage is Stage.FINAL and action is Action.RECEIVE and state.received is not None:
        raise LifecycleError(
            f"the result was already received on {state.received.isoformat()}",
            path="stage",
            value=state.stage.code,
            rule="LIFECYCLE-TRANSITION",
            fix="the deadline runs from the first receipt; file_objection() is what remains",
        )


def apply_event(state: CycleState | None, previous: Event | None, event: Event) -> CycleState:
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
    check_allowed(state, action)
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
    role = role_of(plan, event.actor)
    if role is None or role not in ACTORS[action]:
        raise AuthorityError(
            f"{event.actor.digits} ("
            + ("no role on the plan" if role is None else f"{role.label_id}")
            + f") may not {action.verb}",
            path="actor",
            value=event.actor.digits,
            rule="AUTH-LIFECYCLE",
            fix=who_may(action),
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
        # A draft recorded before settings existed reads as the defaults (WIB, 14 days).
        settings = DEFAULT_SETTINGS if event.settings is None else event.settings
        return CycleState(plan=plan, stage=Stage.DRAFT, settings=settings)
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
        raise InputError(
            f"the step {event.action.code} carries nothing, not {type(subject).__name__}"
            if kind is None
            else f"the step {event.action.code} carries a {kind.__name__},"
            f" not {type(subject).__name__}",
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
    if event.settings is not None and event.action is not Action.DRAFT:
        raise LifecycleError(
            "the agency's zone and objection window are fixed when the cycle is opened; a"
            f" later step ({event.action.code}) cannot set or change them",
            path="settings",
            value=event.settings.to_dict(),
            rule="LIFECYCLE-SETTINGS",
            fix="give the settings to PerformanceCycle.draft(..., settings=CycleSettings(...))"
            " when the cycle is opened; for other settings, open a new cycle",
        )
    if event.effective is not None and event.action is not Action.REVISE:
        raise InputError(
            f"only a revision of the agreed plan takes effect from a date, not the step"
            f" {event.action.code}",
            path="effective",
            value=event.effective.isoformat(),
            rule="LIFECYCLE-REVISION",
            fix="leave effective out",
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


def _revise(state: CycleState, event: Event) -> dict[str, Any]:
    plan = cast(PerformancePlan, event.subject)  # checked by _expect_subject
    old = state.plan
    if state.stage is not Stage.DRAFT:
        periods = (appraisal.period for appraisal in state.periodic)
        pending = check_revision(state.versions, periods, plan, event.effective)
        return {"pending": pending, "plan_set": False}
    if event.effective is not None:
        raise LifecycleError(
            "a draft is revised as a whole before it is agreed; only a revision of the agreed"
            " plan takes effect from a date",
            path="effective",
            value=event.effective.isoformat(),
            rule="LIFECYCLE-REVISION",
            fix="leave effective out while the plan is a draft",
        )

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


def _set(_state: CycleState, _event: Event) -> dict[str, Any]:
    return {"plan_set": True}


def _accept(state: CycleState, event: Event) -> dict[str, Any]:
    pending = state.pending
    if pending is None:  # the first agreement: version 1, in force from the period's start
        return {"versions": (PlanVersion(1, state.plan, state.plan.period.start, event.at),)}
    agreed = attrs.evolve(pending, agreed_at=event.at)
    return {"versions": (*state.versions, agreed), "plan": pending.plan, "pending": None}


def _log(state: CycleState, event: Event) -> dict[str, Any]:
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


def _same_plan(state: CycleState, appraisal: Appraisal) -> None:
    if appraisal.plan != state.plan:
        raise LifecycleError(
            f"the appraisal is of plan {appraisal.plan.id!r} as it was then, not of this"
            f" cycle's plan {state.plan.id!r} as agreed",
            path="appraisal.plan",
            value=appraisal.plan.id,
            rule="LIFECYCLE-PLAN",
            fix="appraise the cycle's plan (cycle.appraise(...))",
        )


def _not_early(state: CycleState, appraisal: Appraisal, event: Event) -> None:
    if local_date(event.at, state.settings) < appraisal.period.end:
        raise LifecycleError(
            f"the evaluation of {appraisal.period.code} is recorded before the period ends"
            f" ({appraisal.period.end}; days are counted in {state.settings.zone_name})",
            path="at",
            value=event.at.isoformat(),
            rule="LIFECYCLE-EVALUATION",
            fix="record the evaluation on or after the period's last day",
        )


def _evaluate_period(state: CycleState, event: Event) -> dict[str, Any]:
    appraisal = cast(Appraisal, event.subject)  # checked by _expect_subject
    if len(state.versions) > 1:
        check_plan_in_force(state.versions, state.plan, appraisal)
    else:
        _same_plan(state, appraisal)
    check_derivation(appraisal)
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
    _not_early(state, appraisal, event)
    return {"periodic": (*state.periodic, appraisal)}


def _evaluate_year(state: CycleState, event: Event) -> dict[str, Any]:
    appraisal = cast(Appraisal, event.subject)  # checked by _expect_subject
    _same_plan(state, appraisal)
    check_derivation(appraisal)
    if appraisal.period != state.plan.period:
        raise LifecycleError(
            f"the annual evaluation covers the plan's period {state.plan.period.code}, not"
            f" {appraisal.period.code}",
            path="appraisal.period",
            value=appraisal.period.code,
            rule="LIFECYCLE-EVALUATION",
            fix="record a part of the year with evaluate_period()",
        )
    _not_early(state, appraisal, event)
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


def _finalise(state: CycleState, _event: Event) -> dict[str, Any]:
    annual = cast(Appraisal, state.annual)  # the stage guarantees it
    return {"result": annual, "result_digest": result_digest(annual)}


def _receive(state: CycleState, event: Event) -> dict[str, Any]:
    deadline = cast(dt.date, event.deadline)  # checked by _expect_subject
    now = dt.datetime.now(dt.UTC)
    if event.at > now:
        raise LifecycleError(
            f"the result is received at {event.at.isoformat()}, after the time it is recorded"
            f" ({now.isoformat(timespec='minutes')})",
            path="at",
            value=event.at.isoformat(),
            rule="D10-OBJECTION-DEADLINE",
            fix="record the receipt when it happens, with its real time",
        )
    settings = state.settings
    expected = objection_deadline(event.at, settings)
    if deadline != expected:
        raise InputError(
            f"the objection deadline is {settings.objection_days} calendar days after the day"
            f" the result is received in {settings.zone_name}"
            f" ({local_date(event.at, settings)}): {expected}, not {deadline}"
            f" ({_window_source(settings)})",
            path="deadline",
            value=deadline.isoformat(),
            rule="D10-OBJECTION-DEADLINE",
            fix="let receive() compute the deadline",
        )
    return {"received": event.at, "deadline": event.deadline}


def objection_deadline(received: dt.datetime, settings: CycleSettings) -> dt.date:
    """The last day to object: ``settings.objection_days`` calendar days (decision D10: 14)
    after the day of receipt, both days counted in the agency's zone ``settings.zone``."""
    return local_date(received, settings) + dt.timedelta(days=settings.objection_days)


def _window_source(settings: CycleSettings) -> str:
    if settings.objection_days == OBJECTION_DAYS:
        return "decision D10"
    return f"the agency's window, fixed when the cycle was opened; decision D10 is {OBJECTION_DAYS}"


def _object(state: CycleState, event: Event) -> dict[str, Any]:
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
    settings = state.settings
    filed = local_date(event.at, settings)
    if filed > state.deadline:
        received = local_date(state.received, settings)
        raise ObjectionDeadlineError(
            f"the objection was filed on {filed} ({settings.zone_name}), after the"
            f" deadline of {state.deadline} ({(state.deadline - received).days} calendar days"
            f" from receipt on {received}, {_window_source(settings)})",
            path="at",
            value=event.at.isoformat(),
            rule="D10-OBJECTION-DEADLINE",
            fix=f"an objection had to be filed by {state.deadline}; the result stands",
        )
    return {"objection": event}


def _decide(state: CycleState, event: Event) -> dict[str, Any]:
    if event.subject is None:
        return {"decision": event}
    changed = cast(Appraisal, event.subject)  # checked by _expect_subject
    annual = cast(Appraisal, state.result)  # the stage guarantees a result
    _same_plan(state, changed)
    expected = changed_result(
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
        "result_digest": result_digest(changed),
    }


_HANDLERS: Mapping[Action, Any] = {
    Action.REVISE: _revise,
    Action.SET: _set,
    Action.ACCEPT: _accept,
    Action.LOG: _log,
    Action.EVALUATE_PERIOD: _evaluate_period,
    Action.EVALUATE_YEAR: _evaluate_year,
    Action.FINALISE: _finalise,
    Action.RECEIVE: _receive,
    Action.OBJECT: _object,
    Action.DECIDE: _decide,
}


#: The note the matrix step of a result changed on objection gets, and the name of the rating
#: before it in a decision step; the note of the decision (phrases in :data:`STEP_PHRASES`).
_BEFORE_OBJECTION: Final = "before the objection"
_DECISION_NOTE: Final = "atasan pejabat penilai kinerja; final"


def changed_result(annual: Appraisal, hasil: Rating, perilaku: Rating, actor: Nip) -> Appraisal:
    """The annual appraisal with the atasan's ratings (PP 30/2019 Pasal 59(4))."""
    steps = [
        step._replace(note=_BEFORE_OBJECTION)
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
                    ((_BEFORE_OBJECTION, old.label_id), ("decided by", actor.digits)),
                    new.label_id,
                    _DECISION_NOTE,
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


# --- whether a recorded appraisal is one appraise() could have produced ------------------------
#
# An Appraisal is immutable, but attrs.evolve makes another with any ratings, predikat or
# assessments. The cycle cannot re-run appraise() exactly: the appraisal keeps the policy's
# name, not its weights, nor the guards, the unit-head mapping or the withheld anonymous
# input. So it checks what the appraisal carries (rule LIFECYCLE-DERIVATION), see
# check_derivation.

#: The steps that decide a dimension's rating, as appraise() records them.
_DECIDING = frozenset({"D2-SUPERVISOR-DECIDES", "W-WEIGHTED", "D3-UNIT-HEAD"})

#: Roles a cycle keeps only anonymised: the library's default anonymous roles.
_ANONYMOUS = Guards().anonymous_roles


def _refuse(message: str, path: str, value: object, rule: str = "LIFECYCLE-DERIVATION") -> None:
    raise LifecycleError(
        message,
        path=path,
        value=value,
        rule=rule,
        fix="record the appraisal appraise() (or cycle.appraise(...)) returned, unchanged",
    )


def check_derivation(appraisal: Appraisal) -> None:
    """Refuse ``appraisal`` unless it agrees with its own derivation (``LIFECYCLE-DERIVATION``).

    1. the explanation ends with the matrix step, whose inputs are the two ratings and whose
       output is the predikat (that the predikat follows the matrix, ``Appraisal`` checks);
    2. per dimension, the last deciding step (``D2-SUPERVISOR-DECIDES``, ``W-WEIGHTED``,
       ``D3-UNIT-HEAD``) gives the rating recorded;
    3. under the default policy (decision D2) each rating is the pejabat penilai kinerja's
       own, except a unit head's rating hasil kerja, which a ``D3-UNIT-HEAD`` step gives;
    4. peers and subordinates (the library's anonymous roles) are kept without the giver's
       NIP (guard ``G-ANONYMITY``): a cycle never stores who among them said what.
    """
    for index, assessment in enumerate(appraisal.assessments):
        if assessment.role in _ANONYMOUS and (
            assessment.assessor is not None or not assessment.anonymised
        ):
            _refuse(
                f"the {assessment.role.label_en.lower()} assessment is kept with its giver's"
                " NIP; a cycle keeps peers and subordinates only anonymised",
                f"appraisal.assessments[{index}].assessor",
                None if assessment.assessor is None else assessment.assessor.digits,
                rule="G-ANONYMITY",
            )
    ratings = {
        "hasil_kerja": appraisal.rating_hasil_kerja,
        "perilaku_kerja": appraisal.rating_perilaku_kerja,
    }
    last = appraisal.explanation.steps[-1]  # the matrix step: Appraisal checks it is last
    expected_inputs = (
        ("rating hasil kerja", appraisal.rating_hasil_kerja.label_id),
        ("rating perilaku kerja", appraisal.rating_perilaku_kerja.label_id),
    )
    if tuple(last.inputs) != expected_inputs or last.output != appraisal.predikat.label_id:
        _refuse(
            f"the explanation's matrix step reads {dict(last.inputs)} -> {last.output}; the"
            f" appraisal says {dict(expected_inputs)} -> {appraisal.predikat.label_id}",
            "appraisal.predikat",
            appraisal.predikat.code,
            rule="LIFECYCLE-DERIVATION",
        )
    lead = next(a for a in appraisal.assessments if a.role is AssessorRole.PEJABAT_PENILAI)
    for dimension in DIMENSIONS:
        rating = ratings[dimension]
        path = f"appraisal.rating_{dimension}"
        steps = [s for s in appraisal.explanation.for_dimension(dimension) if s.rule in _DECIDING]
        if steps and steps[-1].output != rating.label_id:
            _refuse(
                f"the explanation decides the rating {dimension.replace('_', ' ')} as"
                f" {steps[-1].output} ({steps[-1].rule}); the appraisal says {rating.label_id}",
                path,
                rating.code,
                rule="LIFECYCLE-DERIVATION",
            )
        if appraisal.policy != SupervisorDecides.name:
            continue
        if dimension == "hasil_kerja" and appraisal.plan.leads_unit:
            if not steps or steps[-1].rule != "D3-UNIT-HEAD":
                _refuse(
                    "a unit head's rating hasil kerja is the organisation's capaian kinerja;"
                    " the explanation has no D3-UNIT-HEAD step",
                    path,
                    rating.code,
                    rule="LIFECYCLE-DERIVATION",
                )
            continue
        given = lead.rating(dimension)
        if given is not rating or not steps or steps[-1].rule != "D2-SUPERVISOR-DECIDES":
            _refuse(
                f"under the default policy (decision D2) the rating {dimension.replace('_', ' ')}"
                f" is the pejabat penilai kinerja's ("
                + ("none" if given is None else f"{given.label_id}")
                + f"), not {rating.label_id}",
                path,
                rating.code,
                rule="LIFECYCLE-DERIVATION",
            )


def result_digest(appraisal: Appraisal) -> str:
    """SHA-256 of a result's canonical record without reader labels (``result_digest``)."""
    return record_digest(appraisal.to_dict(labels=False))
