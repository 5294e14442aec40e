"""Changing an agreed plan: the versions of an SKP and the plan in force on each day.

An agency changes an agreed SKP during the year: in Tangerang Selatan the leader adjusts
targets mid-year ("pimpinan dapat dengan cepat memberikan umpan balik dan melakukan
penyesuaian jika diperlukan", regional report on Tangerang Selatan, ``docs/explanation/
lifecycle.md``); a transfer shortens the period of the employee who moves; budget refocusing
and a new assignment add or drop RHK. PermenPANRB 6/2022 Pasal 5 makes the SKP the result of
stage 1, *perencanaan kinerja* (penetapan dan klarifikasi ekspektasi): the pejabat penilai
kinerja sets it and the employee agrees to it. Our digest of the regulation
(``../shared/domain/regulations.md`` §1.1, sources [S2][S5]) records no article on changing an
SKP once agreed: the rules below are library decisions (rule ``LIFECYCLE-REVISION``,
UNCONFIRMED against the text of the Permen), read from Pasal 5: a revision is the planning
stage again, so both signatories agree to it again, as to the first version.

* A revision of the agreed plan (:meth:`PerformanceCycle.revise` in the work stages, with the
  date it takes ``effective`` from) keeps the plan's id and people; it may change targets,
  add or drop RHK and indicators, and shorten the period (same first day, an earlier last
  day: an employee who moves); it never lengthens it.
* It takes effect on a day after the first day of the version in force, and after every
  period already evaluated: a periodic evaluation keeps the plan it was made against.
* The pejabat penilai sets it and the employee accepts it (``set_plan``, ``accept``), as the
  first version; until then the earlier version stays in force and no evaluation is recorded.
* Each part of the year is appraised against the version in force for it (rule
  ``LIFECYCLE-PLAN-IN-FORCE``): a periodic evaluation lies within one version, against that
  version; the annual evaluation is of the final version (its period, its RHK), the periodic
  results of the earlier versions kept in the history beside it. PermenPANRB 6/2022 says
  nothing on how an annual evaluation weighs two versions (the PP 46/2011 practice of a mean
  of two SKP values, BKN Kanreg XII [S23] in our digest §2, is not carried over): a library
  decision, flagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from asn_performance._kit.plain import iso_of
from asn_performance._kit.validate import check_type
from asn_performance.domain.period import Period
from asn_performance.domain.plan import PerformancePlan
from asn_performance.exceptions import AsnPerformanceError, LifecycleError
from asn_performance.process.lifecycle.stages import Action, Stage
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "PlanVersion",
    "changes",
    "check_plan_in_force",
    "check_revision",
    "check_revision_step",
    "plan_for_period",
    "version_on",
]

_ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class PlanVersion:
    """One agreed version of an SKP: its number (1 for the plan first agreed), the plan, the
    day it takes effect from and when the employee accepted it (``None`` while the revision
    awaits agreement). A version is in force from ``effective`` until the day before the next
    version's ``effective``, within the plan's period."""

    number: int = attrs.field(validator=check_type(int))
    plan: PerformancePlan = attrs.field(validator=check_type(PerformancePlan))
    effective: dt.date = attrs.field(validator=check_type(dt.date))
    agreed_at: dt.datetime | None = attrs.field(
        default=None, validator=check_type(dt.datetime, optional=True)
    )

    def until(self, following: PlanVersion | None, final_end: dt.date) -> dt.date:
        """The last day this version is in force, given the version after it."""
        return final_end if following is None else following.effective - _ONE_DAY

    def to_dict(self) -> dict[str, object]:
        """The plain record: number, plan id, the day it takes effect, when it was agreed."""
        return {
            "number": self.number,
            "plan_id": self.plan.id,
            "effective": self.effective.isoformat(),
            "agreed_at": iso_of(self.agreed_at),
        }


def _refuse(message: str, path: str, value: object, fix: str) -> LifecycleError:
    return LifecycleError(message, path=path, value=value, rule="LIFECYCLE-REVISION", fix=fix)


def check_revision(
    versions: tuple[PlanVersion, ...],
    periodic: Iterable[Period],
    plan: PerformancePlan,
    effective: dt.date | None,
) -> PlanVersion:
    """The pending version a revision of the agreed plan proposes, or a refusal.

    ``versions`` are the agreed versions (the last in force), ``periodic`` the periods already
    evaluated. Rules (``LIFECYCLE-REVISION``, library decisions read from PermenPANRB 6/2022
    Pasal 5): the same id and people; the same first day and a last day no later (a period
    is shortened, never lengthened); a plan that differs from the version in force; an
    ``effective`` day after the version in force took effect and after every evaluated
    period, within the (new) period or on the day after its last day (a mover's period that
    simply ends).
    """
    current = versions[-1]
    old = current.plan
    if _people(plan) != _people(old):
        raise _refuse(
            "a revision of the agreed plan changes what the plan says, not its id or its"
            " people (employee, pejabat penilai, atasan pejabat penilai)",
            "plan",
            plan.id,
            fix="for other people (a new pejabat penilai after a transfer), shorten this plan"
            " and start a new cycle",
        )
    if effective is None:
        raise _refuse(
            "a revision of the agreed plan takes effect from a date; none was given",
            "effective",
            None,
            fix="pass effective=datetime.date(...), the first day the revised plan is in force",
        )
    if not isinstance(effective, dt.date) or isinstance(effective, dt.datetime):
        raise _refuse(
            "the day a revision takes effect is a date",
            "effective",
            type(effective).__name__,
            fix="pass a datetime.date",
        )
    new_period, old_period = plan.period, old.period
    if new_period.start != old_period.start or new_period.end > old_period.end:
        raise _refuse(
            f"a revision keeps the plan's first day ({old_period.start}) and may only shorten"
            f" its period (to end on or before {old_period.end}); {new_period.code} does not",
            "plan.period",
            new_period.code,
            fix=f"give Period.span({old_period.start.isoformat()}, <last day>) for an employee who"
            " moves; for another year, start a new cycle",
        )
    if plan == old:
        raise _refuse(
            f"the revision is the plan in force (version {current.number}) unchanged",
            "plan",
            plan.id,
            fix="change a target, an RHK or the period, or do not revise",
        )
    first = current.effective + _ONE_DAY
    # The day after the new last day is allowed only for a revision that shortens the period
    # and changes nothing else (a mover): new targets from that day would never be in force.
    last = new_period.end + (_ONE_DAY if _only_shortened(old, plan) else dt.timedelta(0))
    if not first <= effective <= last:
        raise _refuse(
            f"a revision takes effect within the plan's period, after version {current.number}"
            f" took effect ({current.effective}): from {first} to {last}, not {effective}",
            "effective",
            effective.isoformat(),
            fix=f"give a day from {first} to {last}",
        )
    for period in periodic:
        if period.end >= effective:
            raise _refuse(
                f"period {period.code} (to {period.end}) is already evaluated against version"
                f" {current.number}; a revision cannot take effect on {effective}, before it ends",
                "effective",
                effective.isoformat(),
                fix=f"take effect on {period.end + _ONE_DAY} or later: an evaluated period keeps"
                " the plan it was evaluated against",
            )
    return PlanVersion(current.number + 1, plan, effective)


def version_on(versions: tuple[PlanVersion, ...], day: dt.date) -> PlanVersion | None:
    """The version in force on ``day``, or ``None`` outside the final plan's period."""
    if not versions:
        return None
    final_period = versions[-1].plan.period
    if not final_period.start <= day <= final_period.end:
        return None
    found = versions[0]
    for version in versions[1:]:
        if version.effective <= day:
            found = version
    return found


def plan_for_period(
    versions: tuple[PlanVersion, ...], plan: PerformancePlan, period: Period
) -> PerformancePlan:
    """The plan in force for all of ``period`` (``LIFECYCLE-PLAN-IN-FORCE``).

    With one version (no revision) it is ``plan``, unchecked, as before revisions existed.

    Raises:
        LifecycleError: the period ends after the (shortened) plan's period, or a revision
            takes effect within it.
    """
    if len(versions) <= 1:
        return plan
    final = versions[-1].plan.period
    if period == final:
        # The annual evaluation is of the final version (library decision, see the module).
        return versions[-1].plan
    if period.start < final.start or period.end > final.end:
        raise LifecycleError(
            f"period {period.code} lies outside the plan's period as revised ({final.code})",
            path="appraisal.period",
            value=period.code,
            rule="LIFECYCLE-PLAN-IN-FORCE",
            fix=f"evaluate a period within {final.start} to {final.end}",
        )
    for version in versions[1:]:
        if period.start < version.effective <= period.end:
            raise LifecycleError(
                f"version {version.number} of the plan takes effect on {version.effective},"
                f" within period {period.code}: each part is appraised against the plan in"
                " force for it",
                path="appraisal.period",
                value=period.code,
                rule="LIFECYCLE-PLAN-IN-FORCE",
                fix=f"evaluate {period.start} to {version.effective - _ONE_DAY} and"
                f" {version.effective} to {period.end} separately (Period.span)",
            )
    in_force = version_on(versions, period.start)
    return plan if in_force is None else in_force.plan


def _only_shortened(old: PerformancePlan, new: PerformancePlan) -> bool:
    """Whether ``new`` is ``old`` with its period changed and nothing else."""
    try:
        return attrs.evolve(old, period=new.period) == new
    except AsnPerformanceError:
        return False


def changes(old: PerformancePlan, new: PerformancePlan) -> tuple[str, ...]:
    """What a revision changed, one phrase each: the period, RHK added or dropped, indicators
    added or dropped, targets and other text changed."""
    found: list[str] = []
    if old.period != new.period:
        found.append(f"period {old.period.code} -> {new.period.code}")
    before = {wr.id: wr for wr in old.work_results}
    after = {wr.id: wr for wr in new.work_results}
    found.extend(f"RHK {i} dropped" for i in before if i not in after)
    found.extend(f"RHK {i} added" for i in after if i not in before)
    for wr_id, wr in after.items():
        earlier = before.get(wr_id)
        if earlier is None:
            continue
        if (earlier.text, earlier.kind, earlier.leader_work_result) != (
            wr.text,
            wr.kind,
            wr.leader_work_result,
        ):
            found.append(f"RHK {wr_id} reworded")
        if earlier.leader_work_result_id != wr.leader_work_result_id:
            was_link = earlier.leader_work_result_id or "none"
            found.append(
                f"RHK {wr_id} intervenes {was_link} -> {wr.leader_work_result_id or 'none'}"
            )
        old_ind = {ind.id: ind for ind in earlier.indicators}
        new_ind = {ind.id: ind for ind in wr.indicators}
        found.extend(f"indicator {i} dropped" for i in old_ind if i not in new_ind)
        found.extend(f"indicator {i} added" for i in new_ind if i not in old_ind)
        for ind_id, ind in new_ind.items():
            was = old_ind.get(ind_id)
            if was is None:
                continue
            if was.target != ind.target:
                found.append(f"indicator {ind_id} target {was.target} -> {ind.target}")
            if (was.text, was.aspect, was.direction) != (ind.text, ind.aspect, ind.direction):
                found.append(f"indicator {ind_id} reworded")
    if not found:
        found.append("behaviours, approach or unit-head flag changed")
    return tuple(found)


def _people(p: PerformancePlan) -> tuple[object, ...]:
    atasan = p.atasan_pejabat_penilai
    return (p.id, p.employee.nip, p.pejabat_penilai.nip, atasan and atasan.nip)


_EVALUATIONS = (Action.EVALUATE_PERIOD, Action.EVALUATE_YEAR)


def check_revision_step(
    stage: Stage, pending: PlanVersion | None, plan_set: bool, action: Action
) -> None:
    """In a work stage: set and accept only a pending revision, in that order, and no
    evaluation while one awaits agreement (``LIFECYCLE-REVISION``)."""
    if action in (Action.SET, Action.ACCEPT) and pending is None:
        raise LifecycleError(
            "the plan is agreed and no revision awaits agreement: there is nothing to set"
            if action is Action.SET
            else "the plan is agreed and no revision awaits agreement: there is nothing to accept",
            path="stage",
            value=stage.code,
            rule="LIFECYCLE-TRANSITION",
            fix="revise the agreed plan first: revise(plan, effective=..., by=..., at=...)",
        )
    if pending is None:
        return
    if action is Action.ACCEPT and not plan_set:
        raise _stage_refusal(
            f"the employee accepts revision {pending.number} of the plan once the pejabat"
            " penilai has set it; it is not set",
            stage,
            fix="the pejabat penilai calls set_plan() first",
        )
    if action is Action.SET and plan_set:
        raise _stage_refusal(
            f"revision {pending.number} of the plan is already set; the employee accepts it,"
            " or another revision undoes it",
            stage,
            fix="call accept() (employee) or revise()",
        )
    if action in _EVALUATIONS:
        raise _stage_refusal(
            f"revision {pending.number} of the plan (from {pending.effective}) awaits"
            " agreement; an evaluation waits until both signatories have agreed to it",
            stage,
            fix="the pejabat penilai sets the revision (set_plan) and the employee accepts it"
            " (accept); or revise again",
        )


def _stage_refusal(message: str, stage: Stage, fix: str) -> LifecycleError:
    return _refuse(message, "stage", stage.code, fix)


def check_plan_in_force(
    versions: tuple[PlanVersion, ...], plan: PerformancePlan, appraisal: Appraisal
) -> None:
    """Refuse a periodic appraisal that is not of the version in force for its period
    (``LIFECYCLE-PLAN-IN-FORCE``), naming the version and the day it took effect."""
    expected = plan_for_period(versions, plan, appraisal.period)
    if appraisal.plan != expected:
        version = version_on(versions, appraisal.period.start) or versions[-1]
        if appraisal.period == versions[-1].plan.period:
            version = versions[-1]
        given = next((v.number for v in versions if v.plan == appraisal.plan), None)
        shown = "another plan" if given is None else f"version {given}"
        raise LifecycleError(
            f"period {appraisal.period.code} is appraised against version {version.number}"
            f" of plan {expected.id!r}, in force from {version.effective}; this appraisal is"
            f" of {shown}",
            path="appraisal.plan",
            value=appraisal.plan.id if given is None else f"{appraisal.plan.id} v{given}",
            rule="LIFECYCLE-PLAN-IN-FORCE",
            fix="appraise the plan in force for the period: cycle.appraise(..., period=period)"
            " uses cycle.plan_for(period)",
        )
