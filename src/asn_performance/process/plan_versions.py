"""The versions of one SKP and the version in force for each period (a view of a cycle).

A revised plan (:meth:`~asn_performance.process.lifecycle.PerformanceCycle.revise`, rule
``LIFECYCLE-REVISION``) has several agreed versions, each in force from its ``effective`` day;
each part of the year is appraised against the version in force for it (rule
``LIFECYCLE-PLAN-IN-FORCE``: a periodic evaluation against the version in force for all of its
period, the annual evaluation against the final version; library decisions read from
PermenPANRB 6/2022 Pasal 5, see :mod:`asn_performance.process.lifecycle.revision`).
:func:`plan_versions` reads that off a cycle: the versions with the days each is in force and
what each changed, the revision awaiting agreement, and for each period asked about (by
default the periods already evaluated and the plan's own period) the version in force for it,
or why there is none. Nothing is changed: the view only reads the cycle
(``asn-performance plan-versions CYCLE.json``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from asn_performance.domain.explanation import Explanation, Step, rules_by_id
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.exceptions import InputError, LifecycleError
from asn_performance.process.lifecycle import (
    LIFECYCLE_RULES,
    PerformanceCycle,
    PlanVersion,
    Stage,
)
from asn_performance.process.lifecycle.revision import changes

__all__ = ["PeriodInForce", "PlanVersionsReport", "VersionLine", "plan_versions"]

_RULE = rules_by_id(LIFECYCLE_RULES)


@attrs.frozen
class VersionLine:
    """One agreed version: the version, the last day it is in force (``until``; before its
    ``effective`` day when the revision only ends the period early, an employee who moves),
    and what it changed from the version before it (empty for version 1)."""

    version: PlanVersion
    until: dt.date
    changes: tuple[str, ...]

    def describe(self) -> str:
        """One line: the number, the days in force, when it was agreed."""
        v = self.version
        days = (
            f"in force {v.effective.isoformat()} to {self.until.isoformat()}"
            if v.effective <= self.until
            else f"from {v.effective.isoformat()}: ends the period on {self.until.isoformat()}"
        )
        agreed = "" if v.agreed_at is None else v.agreed_at.isoformat("T", "minutes")
        return f"version {v.number}: {days}; agreed {agreed}"

    def to_dict(self) -> dict[str, Any]:
        """The version's record (``PlanVersion.to_dict``) with ``until`` and ``changes``."""
        return {
            **self.version.to_dict(),
            "until": self.until.isoformat(),
            "changes": list(self.changes),
        }


@attrs.frozen
class PeriodInForce:
    """One period and the version of the plan in force for all of it (``None`` when there is
    none: the plan is not yet agreed, the period lies outside the plan's period, or a revision
    takes effect within it). ``source`` says why it is listed: ``"evaluated"`` (a recorded
    periodic evaluation), ``"annual"`` (the plan's own period) or ``"asked"``."""

    period: Period
    source: str
    version: int | None
    reason: str

    @property
    def step(self) -> Step:
        """The period as an explanation step citing ``LIFECYCLE-PLAN-IN-FORCE``."""
        shown = "none" if self.version is None else f"version {self.version}"
        return Step(
            _RULE["LIFECYCLE-PLAN-IN-FORCE"],
            "",
            (("period", self.period.code), ("listed as", self.source)),
            shown,
            self.reason,
        )

    def describe(self) -> str:
        """One line: the period, why it is listed, the version in force (or why none)."""
        shown = "no version" if self.version is None else f"version {self.version}"
        return f"{self.period.label_id} ({self.period.code}, {self.source}): {shown}; {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the period's code, source, version (or null) and reason."""
        return {
            "period": self.period.code,
            "source": self.source,
            "version": self.version,
            "reason": self.reason,
        }


@attrs.frozen
class PlanVersionsReport:
    """The versions of one SKP and the version in force for each period; built by
    :func:`plan_versions`."""

    plan_id: str
    nip: Nip
    name: str
    stage: Stage
    period: Period
    versions: tuple[VersionLine, ...]
    pending: PlanVersion | None
    pending_changes: tuple[str, ...]
    periods: tuple[PeriodInForce, ...]

    @property
    def explanation(self) -> Explanation:
        """Each period as a step citing ``LIFECYCLE-PLAN-IN-FORCE``."""
        return Explanation(tuple(p.step for p in self.periods))

    def render(self) -> str:
        """Readable text: the plan, its versions, the revision pending, then the periods."""
        lines = [
            f"SKP {self.plan_id}: {self.name} ({self.nip.digits}), {self.period.label_id};"
            f" stage: {self.stage.label_id}",
            "versions [LIFECYCLE-REVISION]:" if self.versions else "versions: none agreed yet",
        ]
        for line in self.versions:
            lines.append(f"  {line.describe()}")
            if line.changes:
                lines.append(f"      changes: {'; '.join(line.changes)}")
        if self.pending is not None:
            lines.append(
                f"  version {self.pending.number} (from {self.pending.effective.isoformat()})"
                f" awaits agreement: {'; '.join(self.pending_changes)}"
            )
        lines.append("in force for each period [LIFECYCLE-PLAN-IN-FORCE]:")
        lines.extend(f"  {p.describe()}" for p in self.periods)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the plan, its versions, the pending revision, the periods."""
        pending = self.pending
        return {
            "plan_id": self.plan_id,
            "employee_nip": self.nip.digits,
            "name": self.name,
            "stage": self.stage.code,
            "period": self.period.code,
            "versions": [line.to_dict() for line in self.versions],
            "pending": None
            if pending is None
            else {**pending.to_dict(), "changes": list(self.pending_changes)},
            "periods": [p.to_dict() for p in self.periods],
        }


def _in_force(cycle: PerformanceCycle, period: Period, source: str) -> PeriodInForce:
    versions = cycle.versions
    if not versions:
        return PeriodInForce(period, source, None, "the plan is not yet agreed")
    final = versions[-1].plan.period
    if period.start < final.start or period.end > final.end:
        return PeriodInForce(period, source, None, f"outside the plan's period ({final.code})")
    try:
        plan = cycle.plan_for(period)
    except LifecycleError as error:
        return PeriodInForce(period, source, None, error.message)
    if period == final:
        number = versions[-1].number
        why = "the annual evaluation is of the final agreed version"
    else:
        number = next(v.number for v in reversed(versions) if v.plan == plan)
        why = "in force for all of the period"
    pending = cycle.pending_revision
    if pending is not None and period.end >= pending.effective:
        why += (
            f"; revision {pending.number} (from {pending.effective.isoformat()}) awaits"
            " agreement: until both agree, no evaluation is recorded"
        )
    return PeriodInForce(period, source, number, why)


def plan_versions(
    cycle: PerformanceCycle, periods: Iterable[Period] | None = None
) -> PlanVersionsReport:
    """The versions of ``cycle``'s plan and the version in force for each period.

    ``periods`` (optional) are the periods to ask about, in order (``source`` ``"asked"``);
    by default, the periods of the recorded periodic evaluations (``"evaluated"``) and then
    the plan's own period (``"annual"``, the final version).

    Raises:
        InputError: ``cycle`` is not a :class:`PerformanceCycle`, or a period is not a
            :class:`Period` (rule ``TYPE``).
    """
    if not isinstance(cycle, PerformanceCycle):
        raise InputError(
            "cycle must be a PerformanceCycle",
            path="cycle",
            value=type(cycle).__name__,
            rule="TYPE",
            fix="pass the cycle of one SKP (load_cycle(...) reads one from JSON)",
        )
    if periods is None:
        asked = [(a.period, "evaluated") for a in cycle.periodic]
        asked.append((cycle.plan.period, "annual"))
    else:
        asked = []
        for index, period in enumerate(periods):
            if not isinstance(period, Period):
                raise InputError(
                    "must be a Period",
                    path=f"periods[{index}]",
                    value=type(period).__name__,
                    rule="TYPE",
                    fix="pass Period.quarter(2025, 3), Period.parse('Triwulan III 2025'), ...",
                )
            asked.append((period, "asked"))
    versions = cycle.versions
    end = cycle.plan.period.end
    lines = tuple(
        VersionLine(
            v,
            v.until(versions[i + 1] if i + 1 < len(versions) else None, end),
            changes(versions[i - 1].plan, v.plan) if i else (),
        )
        for i, v in enumerate(versions)
    )
    pending = cycle.pending_revision
    plan = cycle.plan
    return PlanVersionsReport(
        plan.id,
        plan.employee.nip,
        plan.employee.name,
        cycle.stage,
        plan.period,
        lines,
        pending,
        () if pending is None else changes(plan, pending.plan),
        tuple(_in_force(cycle, period, source) for period, source in asked),
    )
