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
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.domain.explanation import Explanation, Step, rules_by_id
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.exceptions import InputError, LifecycleError
from asn_performance.process._words import Words, changes_text, count, day, say, written
from asn_performance.process.lifecycle import (
    LIFECYCLE_RULES,
    PerformanceCycle,
    PlanVersion,
    Stage,
)
from asn_performance.process.lifecycle.revision import changes

if TYPE_CHECKING:
    from asn_performance._kit.i18n import Lang

__all__ = ["PeriodInForce", "PlanVersionsReport", "VersionLine", "plan_versions"]

_RULE = rules_by_id(LIFECYCLE_RULES)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.LIFECYCLE-PLAN-IN-FORCE.period": "period",
        "step.LIFECYCLE-PLAN-IN-FORCE.listed_as": "listed as",
        "step.LIFECYCLE-PLAN-IN-FORCE.evaluated": "evaluated",
        "step.LIFECYCLE-PLAN-IN-FORCE.annual": "annual",
        "step.LIFECYCLE-PLAN-IN-FORCE.asked": "asked",
        "step.LIFECYCLE-PLAN-IN-FORCE.none": "none",
        "step.LIFECYCLE-PLAN-IN-FORCE.version": "version {number}",
        "step.LIFECYCLE-PLAN-IN-FORCE.not_agreed": "the plan is not yet agreed",
        "step.LIFECYCLE-PLAN-IN-FORCE.outside": "outside the plan's period ({period})",
        "step.LIFECYCLE-PLAN-IN-FORCE.final": (
            "the annual evaluation is of the final agreed version"
        ),
        "step.LIFECYCLE-PLAN-IN-FORCE.whole": "in force for all of the period",
        "step.LIFECYCLE-PLAN-IN-FORCE.pending": (
            "revision {number} (from {effective}) awaits agreement: until both agree, no evaluation"
            " is recorded"
        ),
    }
)

#: The English messages of the report's text (issue 14), word for word as in ``locale/en.po``:
#: English reads no catalogue; another language reads its own (``plan_versions.*``).
ENGLISH: Final = {
    "plan_versions.heading": "SKP {plan}: {name} ({nip}), {period}; stage: {stage}",
    "plan_versions.versions": "versions [LIFECYCLE-REVISION]:",
    "plan_versions.none": "versions: none agreed yet",
    "plan_versions.version": "version {number}: {days}; agreed {agreed}",
    "plan_versions.in_force": "in force {effective} to {until}",
    "plan_versions.ends_early": "from {effective}: ends the period on {until}",
    "plan_versions.moment": "{day}T{time}",
    "plan_versions.changes": "      changes: {changes}",
    "plan_versions.pending": "  version {number} (from {effective}) awaits agreement: {changes}",
    "plan_versions.periods": "in force for each period [LIFECYCLE-PLAN-IN-FORCE]:",
    "plan_versions.period": "{label} ({code}, {source}): {version}; {reason}",
    "plan_versions.no_version": "no version",
    "plan_versions.version_number": "version {number}",
    "plan_versions.source.evaluated": "evaluated",
    "plan_versions.source.annual": "annual",
    "plan_versions.source.asked": "asked",
    "plan_versions.reason.not_agreed": "the plan is not yet agreed",
    "plan_versions.reason.outside": "outside the plan's period ({period})",
    "plan_versions.reason.final": "the annual evaluation is of the final agreed version",
    "plan_versions.reason.whole": "in force for all of the period",
    "plan_versions.reason.pending": "{reason}; revision {number} (from {effective}) awaits"
    " agreement: until both agree, no evaluation is recorded",
}


def _moment(at: dt.datetime, lang: Lang) -> str:
    """When a version was agreed, to the minute: English ``2026-01-05T09:00`` (as always),
    Indonesian ``5 Januari 2026 pukul 09.00``."""
    if lang == "en":
        return at.isoformat("T", "minutes")
    return say(
        ENGLISH, "plan_versions.moment", lang, day=day(at.date(), lang), time=at.strftime("%H.%M")
    )


@attrs.frozen
class VersionLine:
    """One agreed version: the version, the last day it is in force (``until``; before its
    ``effective`` day when the revision only ends the period early, an employee who moves),
    and what it changed from the version before it (empty for version 1)."""

    version: PlanVersion
    until: dt.date
    changes: tuple[str, ...]

    def describe(self, lang: Lang = "en") -> str:
        """One line: the number, the days in force, when it was agreed; in ``lang`` (``"id"``:
        the days in words; ``"en"``, the default: as always)."""
        v = self.version
        effective, until = day(v.effective, lang), day(self.until, lang)
        days = (
            say(ENGLISH, "plan_versions.in_force", lang, effective=effective, until=until)
            if v.effective <= self.until
            else say(ENGLISH, "plan_versions.ends_early", lang, effective=effective, until=until)
        )
        agreed = "" if v.agreed_at is None else _moment(v.agreed_at, lang)
        number = count(v.number, lang)
        return say(ENGLISH, "plan_versions.version", lang, number=number, days=days, agreed=agreed)

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
    #: The reason as words (a message id and its parameters) for :meth:`describe` in another
    #: language; not compared, not in JSON (``reason`` is its English text).
    reason_parts: Words | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

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

    def describe(self, lang: Lang = "en") -> str:
        """One line: the period, why it is listed, the version in force (or why none); in
        ``lang`` (a reason from the lifecycle's own error stays English in both)."""
        shown = (
            say(ENGLISH, "plan_versions.no_version", lang)
            if self.version is None
            else say(
                ENGLISH, "plan_versions.version_number", lang, number=count(self.version, lang)
            )
        )
        source = (
            self.source
            if lang == "en"
            else say(ENGLISH, f"plan_versions.source.{self.source}", lang)
        )
        return say(
            ENGLISH,
            "plan_versions.period",
            lang,
            label=self.period.label_id,
            code=self.period.code,
            source=source,
            version=shown,
            reason=self.reason
            if lang == "en" or self.reason_parts is None
            else written(ENGLISH, self.reason_parts, lang),
        )

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

    def render(self, lang: Lang = "en") -> str:
        """Readable text: the plan, its versions, the revision pending, then the periods; in
        ``lang`` (``"id"``: Bahasa Indonesia, the days in words; ``"en"``, the default: as
        always). What a revision changed is shown in ``lang`` too (the JSON keeps the English)."""
        lines = [
            say(
                ENGLISH,
                "plan_versions.heading",
                lang,
                plan=self.plan_id,
                name=self.name,
                nip=self.nip.digits,
                period=self.period.label_id,
                stage=self.stage.label_id,
            ),
            say(ENGLISH, "plan_versions.versions" if self.versions else "plan_versions.none", lang),
        ]
        for line in self.versions:
            lines.append(f"  {line.describe(lang)}")
            if line.changes:
                changes = changes_text(line.changes, lang)
                lines.append(say(ENGLISH, "plan_versions.changes", lang, changes=changes))
        if self.pending is not None:
            lines.append(
                say(
                    ENGLISH,
                    "plan_versions.pending",
                    lang,
                    number=count(self.pending.number, lang),
                    effective=day(self.pending.effective, lang),
                    changes=changes_text(self.pending_changes, lang),
                )
            )
        lines.append(say(ENGLISH, "plan_versions.periods", lang))
        lines.extend(f"  {p.describe(lang)}" for p in self.periods)
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


def _line(period: Period, source: str, number: int | None, why: Words) -> PeriodInForce:
    return PeriodInForce(period, source, number, written(ENGLISH, why, "en"), reason_parts=why)


def _in_force(cycle: PerformanceCycle, period: Period, source: str) -> PeriodInForce:
    versions = cycle.versions
    if not versions:
        return _line(period, source, None, ("plan_versions.reason.not_agreed", ()))
    final = versions[-1].plan.period
    if period.start < final.start or period.end > final.end:
        return _line(period, source, None, ("plan_versions.reason.outside", (("period", final),)))
    try:
        plan = cycle.plan_for(period)
    except LifecycleError as error:  # the lifecycle's own message: English in every language
        return PeriodInForce(period, source, None, error.message)
    if period == final:
        number = versions[-1].number
        why: Words = ("plan_versions.reason.final", ())
    else:
        number = next(v.number for v in reversed(versions) if v.plan == plan)
        why = ("plan_versions.reason.whole", ())
    pending = cycle.pending_revision
    if pending is not None and period.end >= pending.effective:
        why = (
            "plan_versions.reason.pending",
            (("reason", why), ("number", pending.number), ("effective", pending.effective)),
        )
    return _line(period, source, number, why)


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
