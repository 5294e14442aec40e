"""A status view across many SKP cycles, per unit and per agency (*pengawasan*, BKN Serang).

A BKN regional office oversees the performance management of many agencies (*instansi*) at
once (regional report "Peran Badan Kepegawaian Negara Dalam Pengelolaan Kinerja ASN Di Serang":
*pengawasan dan evaluasi terhadap kinerja ASN di berbagai instansi pemerintahan*). Given many
:class:`~asn_performance.process.lifecycle.PerformanceCycle` objects, each tagged with its
agency and unit (:class:`CycleRecord`), and a day (``as_of``), :func:`cycle_status` lists per
unit and per agency what is outstanding, each item naming the NIP, the stage, the deadline and
the days late:

* **plans not yet agreed** (stage *Penyusunan SKP*, PermenPANRB 6/2022 Pasal 5 stage 1), due
  on the first day of the plan's period plus the agency's ``plan_days`` (rule
  ``LIFECYCLE-STATUS-PLAN``);
* **evaluations late against the schedule** (PermenPANRB 6/2022 Pasal 5 stage 3, *evaluasi
  kinerja periodik dan tahunan*): each period of the record's cadence
  (:func:`~asn_performance.process.schedule.periodic_schedule`) and the annual evaluation,
  due ``evaluation_days`` after the period's last day (rule ``LIFECYCLE-STATUS-EVALUATION``);
* **objections pending** and **objections past their deadline** (PP 30/2019 Pasal 59(3)-(4):
  the atasan pejabat penilai kinerja decides, with finality), the decision due
  ``decision_days`` after the day the objection was filed (rule
  ``LIFECYCLE-STATUS-OBJECTION``);
* **revisions not yet agreed** (a revision of the agreed plan proposed in the work stages,
  :attr:`PerformanceCycle.pending_revision`, not yet set by the pejabat penilai and accepted by
  the employee: PermenPANRB 6/2022 Pasal 5 stage 1 again, rule ``LIFECYCLE-REVISION``), listed
  with the day it was proposed and what it changes, and **never late**: neither the regulation
  nor the agency's schedule gives a deadline for agreeing a revision, so none is invented
  (library decision D21 in ``docs/explanation/decisions.md``, rule
  ``LIFECYCLE-STATUS-REVISION``; its ``deadline`` is ``None``).

The stored sources give no deadline for the agreement of a plan, for a periodic or annual
evaluation, or for the atasan's decision on an objection: the three due days are library
decisions (``normative=False`` rules), the agency's settings (:class:`StatusSettings`;
defaults 0, 14 and 14 calendar days, the last two the length of the objection window of
decision D10). Days are calendar days, counted in each cycle's zone
(:attr:`PerformanceCycle.settings`). Nothing is changed: the view only reads the cycles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.validate import check_text, shown
from asn_performance.domain.explanation import Explanation, Rule, Step, rules_by_id
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.exceptions import DuplicateError, InputError, PeriodError
from asn_performance.process._status_text import (
    STEP_PHRASES,
    Reason,
    describe_item,
    reason_text,
    render_report,
    report_html,
)
from asn_performance.process._words import Changes
from asn_performance.process.cadence import Cadence, check_cadence
from asn_performance.process.lifecycle import Action, PerformanceCycle, Stage
from asn_performance.process.lifecycle.revision import changes
from asn_performance.process.schedule import Schedule, periodic_schedule

if TYPE_CHECKING:
    from asn_performance._kit.i18n import Lang

__all__ = [
    "DEFAULT_STATUS_SETTINGS",
    "STATUS_DAYS_RANGE",
    "STATUS_REVISION_RULES",
    "STATUS_RULES",
    "STEP_PHRASES",
    "AgencyStatus",
    "CycleRecord",
    "StatusItem",
    "StatusKind",
    "StatusReport",
    "StatusSettings",
    "UnitStatus",
    "cycle_status",
]

#: The rules of the status view. All three due days are library decisions: the stored sources
#: give no deadline for agreeing a plan, recording an evaluation or deciding an objection; a
#: pending revision has no due day at all.
STATUS_RULES: tuple[Rule, ...] = (
    Rule(
        "LIFECYCLE-STATUS-PLAN",
        "An SKP not yet agreed is outstanding; it is due on the first day of its period plus"
        " the agency's plan_days",
        "PermenPANRB 6/2022 Pasal 5 stage 1, perencanaan kinerja (penyusunan, penetapan dan"
        " klarifikasi ekspektasi) [S2][S5]; the due day: library decision (no deadline in the"
        " stored sources)",
        normative=False,
    ),
    Rule(
        "LIFECYCLE-STATUS-EVALUATION",
        "A periodic or annual evaluation not recorded within evaluation_days after its"
        " period's last day is late",
        "PermenPANRB 6/2022 Pasal 5 stage 3, evaluasi kinerja periodik dan tahunan [S2][S5];"
        " the periods: the instansi's cadence (SCHEDULE-CADENCE); the due day: library"
        " decision (no deadline in the stored sources)",
        normative=False,
    ),
    Rule(
        "LIFECYCLE-STATUS-OBJECTION",
        "An objection filed and not decided is pending; its decision is due decision_days"
        " after the day it was filed",
        "PP 30/2019 Pasal 59(3)-(4): the atasan pejabat penilai kinerja decides, with finality"
        " [S11][S12b]; the due day: library decision (the stored sources give the atasan no"
        " deadline; default the length of the objection window, decision D10)",
        normative=False,
    ),
)

#: The rule of a revision not yet agreed (kept apart from :data:`STATUS_RULES`, whose three
#: rules have due days): listed, never late.
STATUS_REVISION_RULES: tuple[Rule, ...] = (
    Rule(
        "LIFECYCLE-STATUS-REVISION",
        "A revision of the agreed SKP not yet agreed by both signatories is listed; it has no"
        " deadline and is never late",
        "PermenPANRB 6/2022 Pasal 5 stage 1, perencanaan kinerja (the revision is agreed"
        " again, LIFECYCLE-REVISION) [S2][S5]; no deadline: library decision (neither the"
        " stored sources nor the agency's schedule give one)",
        normative=False,
    ),
)
_RULE = rules_by_id(STATUS_RULES, STATUS_REVISION_RULES)

#: The range of each of the :class:`StatusSettings` day counts, both ends included.
STATUS_DAYS_RANGE = (0, 366)


def _check_days(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    low, high = STATUS_DAYS_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InputError(
            f"{attribute.name} is a whole number of calendar days from {low} to {high}",
            path=attribute.name,
            value=shown(value),
            rule="LIFECYCLE-STATUS-SETTINGS",
            fix="give a whole number such as 14, not text",
        )


@attrs.frozen
class StatusSettings:
    """The agency's due days for :func:`cycle_status`, in calendar days (library decisions).

    ``plan_days``: a plan is due to be agreed this many days after the first day of its period
    (default 0: by that day). ``evaluation_days``: a periodic or annual evaluation is due this
    many days after its period's last day (default 14). ``decision_days``: the atasan's decision
    on an objection is due this many days after the day it was filed (default 14, the length of
    the objection window of decision D10). Each is a whole number from 0 to 366.

    Raises:
        InputError: a count that is not a whole number in range (rule
            ``LIFECYCLE-STATUS-SETTINGS``), naming the field.
    """

    plan_days: int = attrs.field(default=0, validator=_check_days)
    evaluation_days: int = attrs.field(default=14, validator=_check_days)
    decision_days: int = attrs.field(default=14, validator=_check_days)

    def to_dict(self) -> dict[str, int]:
        """The plain record of the three day counts."""
        return {
            "plan_days": self.plan_days,
            "evaluation_days": self.evaluation_days,
            "decision_days": self.decision_days,
        }


#: The library's defaults: plans by the first day of their period, evaluations 14 days after
#: their period, objection decisions 14 days after filing.
DEFAULT_STATUS_SETTINGS = StatusSettings()


class StatusKind(Labelled):
    """What is outstanding in a cycle."""

    PLAN_NOT_AGREED = "plan_not_agreed"
    EVALUATION_LATE = "evaluation_late"
    OBJECTION_PENDING = "objection_pending"
    OBJECTION_OVERDUE = "objection_overdue"
    REVISION_PENDING = "revision_pending"

    @classmethod
    def _table(cls) -> dict[StatusKind, Labels]:
        return {
            cls.PLAN_NOT_AGREED: Labels("SKP belum disepakati", "Plan not yet agreed"),
            cls.EVALUATION_LATE: Labels("Evaluasi kinerja terlambat", "Evaluation late"),
            cls.OBJECTION_PENDING: Labels("Keberatan belum diputuskan", "Objection pending"),
            cls.OBJECTION_OVERDUE: Labels(
                "Keberatan melewati batas waktu keputusan", "Objection past its deadline"
            ),
            cls.REVISION_PENDING: Labels(
                "Perubahan SKP belum disepakati", "Revision not yet agreed"
            ),
        }


def _to_cadence(value: object) -> Cadence | None:
    return None if value is None else check_cadence(value)


def _check_cycle(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, PerformanceCycle):
        raise InputError(
            "must be a PerformanceCycle",
            path=attribute.name,
            value=type(value).__name__,
            rule="TYPE",
            fix="pass the cycle of one SKP (PerformanceCycle.draft(...) and its steps)",
        )


@attrs.frozen
class CycleRecord:
    """One cycle for :func:`cycle_status`, tagged with its agency (*instansi*) and unit.

    ``cadence`` (optional: :class:`~asn_performance.process.cadence.Cadence` or its text,
    ``"triwulanan"``, ``"bulanan"``) is the agency's periodic evaluation cadence; without it
    only the annual evaluation is checked for lateness.
    """

    agency: str = attrs.field(validator=check_text(300))
    unit: str = attrs.field(validator=check_text(300))
    cycle: PerformanceCycle = attrs.field(validator=_check_cycle)
    cadence: Cadence | None = attrs.field(default=None, converter=_to_cadence)


@attrs.frozen
class StatusItem:
    """One outstanding matter of one cycle: who, which stage, what was due when, days late.

    ``days_late`` is the number of calendar days ``as_of`` lies after ``deadline`` (0 when it
    is not yet late; a plan not yet agreed and a pending objection are listed before their
    deadline too). ``deadline`` is ``None`` for a revision not yet agreed (it has none, rule
    ``LIFECYCLE-STATUS-REVISION``): its ``days_late`` is always 0. ``reason`` says what is
    missing; :attr:`explanation` gives the item as an explanation step citing ``rule``.
    """

    kind: StatusKind
    agency: str
    unit: str
    nip: Nip
    name: str
    plan_id: str
    stage: Stage
    period: Period
    deadline: dt.date | None
    as_of: dt.date
    days_late: int
    rule: Rule
    reason: str
    #: The reason as words (a message id and its parameters) for :meth:`describe` in another
    #: language; not compared, not in JSON (``reason`` is its English text).
    reason_parts: Reason | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @property
    def late(self) -> bool:
        """Whether the deadline has passed."""
        return self.days_late > 0

    @property
    def step(self) -> Step:
        """The item as an explanation step: the inputs it was decided from and the outcome."""
        return Step(
            self.rule,
            "",
            (
                ("NIP", self.nip.digits),
                ("stage", self.stage.label_id),
                ("period", self.period.code),
                ("deadline", _deadline_text(self.deadline)),
                ("as of", self.as_of.isoformat()),
            ),
            f"{self.kind.label_en}: {_late_text(self.days_late)}",
            self.reason,
        )

    @property
    def explanation(self) -> Explanation:
        """The item as an :class:`Explanation` of one step."""
        return Explanation((self.step,))

    def describe(self, lang: Lang = "en") -> str:
        """One line: the kind, who, the stage, the period, the deadline, days late, why; in
        ``lang`` (``"id"`` or ``"en"``, the default: the English line as always)."""
        return describe_item(self, lang)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data, with the rule's id."""
        return {
            "kind": self.kind.code,
            "agency": self.agency,
            "unit": self.unit,
            "nip": self.nip.digits,
            "name": self.name,
            "plan_id": self.plan_id,
            "stage": self.stage.code,
            "period": self.period.code,
            "deadline": None if self.deadline is None else self.deadline.isoformat(),
            "as_of": self.as_of.isoformat(),
            "days_late": self.days_late,
            "rule": str(self.rule),
            "reason": self.reason,
        }


def _late_text(days: int) -> str:
    return f"{days} day(s) late" if days > 0 else "not late"


def _deadline_text(deadline: dt.date | None) -> str:
    return "none (library decision)" if deadline is None else deadline.isoformat()


#: Counted at every level even when none: the kinds the view had before revisions; a pending
#: revision is counted only where there is one, so a report without one keeps its shape.
_ALWAYS_COUNTED = (
    StatusKind.PLAN_NOT_AGREED,
    StatusKind.EVALUATION_LATE,
    StatusKind.OBJECTION_PENDING,
    StatusKind.OBJECTION_OVERDUE,
)


def _tally(items: Iterable[StatusItem]) -> Mapping[StatusKind, int]:
    counts = dict.fromkeys(_ALWAYS_COUNTED, 0)
    for item in items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    return FrozenMap({kind: counts[kind] for kind in StatusKind if kind in counts})


@attrs.frozen
class UnitStatus:
    """The status of one unit: how many cycles it has and its outstanding items."""

    agency: str
    unit: str
    cycles: int
    items: tuple[StatusItem, ...]

    @property
    def counts(self) -> Mapping[StatusKind, int]:
        """The number of items of each kind (a pending revision only when there is one)."""
        return _tally(self.items)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the unit, its counts per kind and its items."""
        return {
            "unit": self.unit,
            "cycles": self.cycles,
            "counts": {kind.code: n for kind, n in self.counts.items()},
            "items": [item.to_dict() for item in self.items],
        }


@attrs.frozen
class AgencyStatus:
    """The status of one agency (*instansi*): its units, in order of first appearance."""

    agency: str
    units: tuple[UnitStatus, ...]

    @property
    def cycles(self) -> int:
        """The number of cycles over its units."""
        return sum(unit.cycles for unit in self.units)

    @property
    def items(self) -> tuple[StatusItem, ...]:
        """Every item of its units, unit by unit."""
        return tuple(item for unit in self.units for item in unit.items)

    @property
    def counts(self) -> Mapping[StatusKind, int]:
        """The number of items of each kind over its units."""
        return _tally(self.items)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the agency, its counts per kind and its units."""
        return {
            "agency": self.agency,
            "cycles": self.cycles,
            "counts": {kind.code: n for kind, n in self.counts.items()},
            "units": [unit.to_dict() for unit in self.units],
        }


@attrs.frozen
class StatusReport:
    """What is outstanding across many cycles on ``as_of``, per agency and per unit.

    Built by :func:`cycle_status`. ``agencies`` are in order of first appearance, each with
    its units in order of first appearance; within a unit the items follow the records'
    order, and per cycle: the plan, a revision not yet agreed, the evaluations by period, the
    objection.
    """

    as_of: dt.date
    settings: StatusSettings
    agencies: tuple[AgencyStatus, ...]

    @property
    def items(self) -> tuple[StatusItem, ...]:
        """Every item, agency by agency, unit by unit."""
        return tuple(item for agency in self.agencies for item in agency.items)

    @property
    def counts(self) -> Mapping[StatusKind, int]:
        """The number of items of each kind."""
        return _tally(self.items)

    @property
    def cycles(self) -> int:
        """The number of cycles looked at."""
        return sum(agency.cycles for agency in self.agencies)

    def of_kind(self, kind: StatusKind | str) -> tuple[StatusItem, ...]:
        """The items of one kind (a :class:`StatusKind` or its code or label)."""
        chosen = StatusKind.parse(kind, field="kind")
        return tuple(item for item in self.items if item.kind is chosen)

    @property
    def explanation(self) -> Explanation:
        """Every item as an explanation step, in order."""
        return Explanation(tuple(item.step for item in self.items))

    def render(self, lang: Lang = "en") -> str:
        """Readable text: the totals, then per agency and per unit its items; in ``lang``
        (``"id"``: Bahasa Indonesia, the days in words; ``"en"``, the default: as always)."""
        return render_report(self, lang)

    def __str__(self) -> str:
        return self.render()

    def to_html(self, lang: Lang = "en") -> str:
        """An HTML table: a row per agency, per unit, then its items; in ``lang``."""
        return report_html(self, lang)

    def _repr_html_(self) -> str:
        """The HTML view for a notebook (:meth:`to_html`, in English)."""
        return self.to_html()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the day, the settings, the counts, then agency by agency."""
        return {
            "as_of": self.as_of.isoformat(),
            "settings": self.settings.to_dict(),
            "cycles": self.cycles,
            "counts": {kind.code: n for kind, n in self.counts.items()},
            "agencies": [agency.to_dict() for agency in self.agencies],
        }

    def to_rows(self) -> list[dict[str, Any]]:
        """One flat row per item (for a dataframe or a CSV writer)."""
        return [item.to_dict() for item in self.items]


# --- the checks ------------------------------------------------------------------------------


class _Context:
    """What every item of one cycle shares (built once per record)."""

    __slots__ = ("as_of", "cycle", "record")

    def __init__(self, record: CycleRecord, as_of: dt.date) -> None:
        self.record = record
        self.cycle = record.cycle
        self.as_of = as_of

    def item(
        self, kind: StatusKind, rule: str, period: Period, deadline: dt.date | None, why: Reason
    ) -> StatusItem:
        plan = self.cycle.plan
        return StatusItem(
            kind,
            self.record.agency,
            self.record.unit,
            plan.employee.nip,
            plan.employee.name,
            plan.id,
            self.cycle.stage,
            period,
            deadline,
            self.as_of,
            0 if deadline is None else max(0, (self.as_of - deadline).days),
            _RULE[rule],
            reason_text(why),
            reason_parts=why,
        )


_ONE_DAY = dt.timedelta(days=1)
_WORKING = (Stage.AGREED, Stage.IN_PROGRESS, Stage.PERIODIC_EVALUATION)


def _plan_item(ctx: _Context, settings: StatusSettings) -> StatusItem:
    cycle = ctx.cycle
    period = cycle.plan.period
    deadline = period.start + dt.timedelta(days=settings.plan_days)
    penilai = cycle.plan.pejabat_penilai
    state = "status.reason.plan_set" if cycle.plan_set else "status.reason.plan_drafted"
    why: Reason = (state, (("penilai", penilai.name),))
    return ctx.item(StatusKind.PLAN_NOT_AGREED, "LIFECYCLE-STATUS-PLAN", period, deadline, why)


def _revision_item(ctx: _Context) -> StatusItem | None:
    """A revision of the agreed plan awaiting agreement, with no deadline (library decision)."""
    cycle = ctx.cycle
    pending = cycle.pending_revision
    if pending is None:
        return None
    proposed = next(e for e in reversed(cycle.events) if e.action is Action.REVISE)
    day = cycle.settings.local_date(proposed.at)
    penilai = cycle.plan.pejabat_penilai
    state = "status.reason.plan_set" if cycle.plan_set else "status.reason.revision_not_set"
    why: Reason = (
        "status.reason.revision",
        (
            ("number", pending.number),
            ("effective", pending.effective),
            ("proposed", day),
            ("days", (ctx.as_of - day).days),
            ("state", (state, (("penilai", penilai.name),))),
            ("changes", Changes(changes(cycle.plan, pending.plan))),
            ("in_force", cycle.versions[-1].number),
        ),
    )
    return ctx.item(
        StatusKind.REVISION_PENDING, "LIFECYCLE-STATUS-REVISION", pending.plan.period, None, why
    )


def _evaluation_items(
    ctx: _Context,
    settings: StatusSettings,
    schedule: Schedule | None,
) -> list[StatusItem]:
    cycle = ctx.cycle
    grace = dt.timedelta(days=settings.evaluation_days)
    plan_period = cycle.plan.period
    recorded = tuple(appraisal.period for appraisal in cycle.periodic)
    items: list[StatusItem] = []
    periods = () if schedule is None else schedule.periods
    cadence = "" if schedule is None else schedule.cadence.label_id
    for period in periods:
        deadline = period.end + grace
        if period == plan_period or ctx.as_of <= deadline:
            continue
        if any(r.start <= period.start and period.end <= r.end for r in recorded):
            continue
        items.append(
            ctx.item(
                StatusKind.EVALUATION_LATE,
                "LIFECYCLE-STATUS-EVALUATION",
                period,
                deadline,
                (
                    "status.reason.periodic",
                    (("cadence", cadence), ("period", period), ("recorded", len(recorded))),
                ),
            )
        )
    deadline = plan_period.end + grace
    if ctx.as_of > deadline:
        items.append(
            ctx.item(
                StatusKind.EVALUATION_LATE,
                "LIFECYCLE-STATUS-EVALUATION",
                plan_period,
                deadline,
                ("status.reason.annual", (("period", plan_period),)),
            )
        )
    return items


def _objection_item(ctx: _Context, settings: StatusSettings) -> StatusItem:
    cycle = ctx.cycle
    objection = cycle.objection
    assert objection is not None  # noqa: S101 - the stage is OBJECTED
    filed = cycle.settings.local_date(objection.at)
    deadline = filed + dt.timedelta(days=settings.decision_days)
    atasan = cycle.plan.atasan_pejabat_penilai
    who: Reason | str = (
        ("status.reason.atasan", ()) if atasan is None else f"{atasan.name} ({atasan.nip})"
    )
    result = "" if cycle.result is None else cycle.result.predikat.label_id + " "
    late = ctx.as_of > deadline
    return ctx.item(
        StatusKind.OBJECTION_OVERDUE if late else StatusKind.OBJECTION_PENDING,
        "LIFECYCLE-STATUS-OBJECTION",
        cycle.plan.period,
        deadline,
        ("status.reason.objection", (("filed", filed), ("result", result), ("who", who))),
    )


def _schedule_of(
    record: CycleRecord, path: str, cache: dict[tuple[Cadence, Period], Schedule]
) -> Schedule | None:
    cadence = record.cadence
    if cadence is None:
        return None
    period = record.cycle.plan.period
    key = (cadence, period)
    schedule = cache.get(key)
    if schedule is None:
        if period.start.year != period.end.year:
            raise PeriodError(
                f"a periodic schedule covers one calendar year; the plan's period"
                f" {period.code} spans two",
                path=f"{path}.cadence",
                value=cadence.code,
                rule="LIFECYCLE-STATUS-EVALUATION",
                fix="leave the cadence out for this cycle (the annual evaluation is checked)",
            )
        schedule = periodic_schedule(period.start.year, cadence, start=period.start, end=period.end)
        cache[key] = schedule
    return schedule


def _items_of(
    record: CycleRecord,
    path: str,
    as_of: dt.date,
    settings: StatusSettings,
    cache: dict[tuple[Cadence, Period], Schedule],
) -> list[StatusItem]:
    cycle = record.cycle
    last = cycle.settings.local_date(cycle.events[-1].at)
    if as_of < last:
        raise InputError(
            f"the cycle has an event on {last.isoformat()}, after as_of: its state is not"
            " the state on that day",
            path=f"{path}.cycle",
            value=as_of.isoformat(),
            rule="LIFECYCLE-STATUS-AS-OF",
            fix=f"give an as_of on or after {last.isoformat()}, or the cycle as it stood then",
        )
    ctx = _Context(record, as_of)
    stage = cycle.stage
    if stage is Stage.DRAFT:
        return [_plan_item(ctx, settings)]
    if stage in _WORKING:
        revision = _revision_item(ctx)
        late = _evaluation_items(ctx, settings, _schedule_of(record, path, cache))
        return late if revision is None else [revision, *late]
    if stage is Stage.OBJECTED:
        return [_objection_item(ctx, settings)]
    return []


def cycle_status(
    records: Iterable[CycleRecord],
    *,
    as_of: dt.date,
    settings: StatusSettings = DEFAULT_STATUS_SETTINGS,
) -> StatusReport:
    """What is outstanding across many cycles on ``as_of``, per unit and per agency.

    Per cycle, by its stage: a plan not yet agreed (*Penyusunan SKP*:
    ``LIFECYCLE-STATUS-PLAN``); in the stages of work (agreed, in progress, periodic
    evaluation) each periodic evaluation of the record's cadence and the annual evaluation not
    recorded by its due day (``LIFECYCLE-STATUS-EVALUATION``); an objection filed and not
    decided, pending or past the due day of its decision (``LIFECYCLE-STATUS-OBJECTION``).
    In the stages of work, a revision of the agreed plan not yet agreed by both signatories
    is listed first, with no deadline and never late (``LIFECYCLE-STATUS-REVISION``, library
    decision). Cycles in the annual evaluation, final (received or not) or decided have
    nothing outstanding here. A periodic evaluation counts as recorded when a recorded periodic
    evaluation's period covers the schedule's period. The due days are the agency's
    ``settings`` (library decisions, :class:`StatusSettings`); days are calendar days in each
    cycle's zone.

    Raises:
        InputError: ``records`` is not a list of :class:`CycleRecord`; ``as_of`` is not a date,
            or comes before the day of a cycle's last event (``LIFECYCLE-STATUS-AS-OF``);
            ``settings`` is not :class:`StatusSettings`.
        DuplicateError: one plan id twice (``LIFECYCLE-STATUS-ONE-EACH``).
        PeriodError: a cadence given for a plan whose period spans two years.
    """
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
        raise InputError(
            "as_of must be a date",
            path="as_of",
            value=shown(as_of),
            rule="TYPE",
            fix="pass a datetime.date (use .date() on a datetime)",
        )
    if not isinstance(settings, StatusSettings):
        raise InputError(
            "settings must be StatusSettings",
            path="settings",
            value=type(settings).__name__,
            rule="TYPE",
            fix="pass StatusSettings(plan_days=0, evaluation_days=14, decision_days=14)",
        )
    if isinstance(records, (str, bytes, Mapping, CycleRecord)) or not isinstance(records, Iterable):
        raise InputError(
            "records must be a list of CycleRecord",
            path="records",
            value=type(records).__name__,
            rule="TYPE",
            fix="pass e.g. [CycleRecord('Pemerintah Kota Serang', 'Dinas Pendidikan', cycle)]",
        )
    grouped: dict[str, dict[str, tuple[list[int], list[StatusItem]]]] = {}
    seen: dict[str, int] = {}
    cache: dict[tuple[Cadence, Period], Schedule] = {}
    for index, record in enumerate(records):
        path = f"records[{index}]"
        if not isinstance(record, CycleRecord):
            raise InputError(
                "must be a CycleRecord",
                path=path,
                value=type(record).__name__,
                rule="TYPE",
                fix="tag each cycle with CycleRecord(agency, unit, cycle)",
            )
        plan_id = record.cycle.plan.id
        first = seen.setdefault(plan_id, index)
        if first != index:
            raise DuplicateError(
                f"the plan {plan_id!r} is listed twice (records[{first}] and {path})",
                path=f"{path}.cycle",
                value=plan_id,
                rule="LIFECYCLE-STATUS-ONE-EACH",
                fix="list each SKP's cycle once",
            )
        cycles, items = grouped.setdefault(record.agency, {}).setdefault(record.unit, ([0], []))
        cycles[0] += 1
        items.extend(_items_of(record, path, as_of, settings, cache))
    agencies = tuple(
        AgencyStatus(
            agency,
            tuple(
                UnitStatus(agency, unit, cycles[0], tuple(items))
                for unit, (cycles, items) in units.items()
            ),
        )
        for agency, units in grouped.items()
    )
    return StatusReport(as_of, settings, agencies)
