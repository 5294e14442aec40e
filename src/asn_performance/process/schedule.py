"""Periodic evaluation schedules (*jadwal evaluasi kinerja periodik*) and part-year periods.

PermenPANRB 6/2022 Pasal 5 puts *penilaian kinerja* -- *evaluasi kinerja periodik dan
tahunan* -- among the four stages of performance management [S2][S5][S7]. How often the
periodic evaluation takes place is the instansi's choice: the BKN e-Kinerja forms use
*Triwulan I..IV*, and the e-Kinerja export for tunjangan kinerja is the monthly *Predikat
Kinerja Periodik* (digest §1.1, §2); some agencies evaluate by semester, a practice the
regulation does not name (digest §1.2, library decision). An agency picks a :class:`Cadence`;
:func:`periodic_schedule` turns it into the periods of one employee's year, generated with
:func:`dateutil.rrule.rrule`, and :func:`assignment_schedules` does the same for an employee who
moves mid-year.

What the regulation leaves open, and what this module decides (library decisions, recorded as
non-normative rules in every schedule's explanation; the stored sources do not spell out
part-year handling under PermenPANRB 6/2022):

* **Calendar periods** (``SCHEDULE-CADENCE``): a month is a calendar month, a quarter a
  calendar quarter (Triwulan I = January-March ...), as on the e-Kinerja forms, and a semester
  a calendar half-year (Semester I = January-June, Semester II = July-December).
* **Service dates** (``SCHEDULE-SERVICE``): the first and the last day of service in the year
  are both included. Someone whose retirement (TMT pensiun) is 1 March served until
  28 February: pass that as the last day.
* **Clipping** (``SCHEDULE-CLIP``): a calendar period served only in part becomes a
  :meth:`Period.span` of the days served; a period not served at all is left out. A period
  served in full stays the whole :meth:`Period.quarter` / :meth:`Period.month`. Nothing is
  prorated here: how a part period counts (for angka kredit, PerBKN 3/2023 counts months,
  digest §5.3) is for the rule that uses it.
* **Moves** (``SCHEDULE-ASSIGNMENT``): a move (mutasi, promotion, rotation) with TMT ``d``
  ends the old assignment on ``d - 1`` and starts the new one on ``d``. Each assignment has
  its own SKP and so its own schedule; a calendar period cut by a move appears in both, once
  clipped to each side. Precedent for one SKP per position held in a year: BKN Kantor Regional
  XII on two positions in one year (PP 46/2011 era) [S23].
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, Final

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang, figure, say
from asn_performance.domain.explanation import Explanation, Rule, Step, rules_by_id
from asn_performance.domain.period import Period, PeriodKind
from asn_performance.exceptions import LabelError, PeriodError
from asn_performance.process.cadence import Cadence, check_cadence, check_date, check_year

__all__ = [
    "SCHEDULE_RULES",
    "Cadence",
    "Schedule",
    "assignment_periods",
    "assignment_schedules",
    "periodic_schedule",
]


_SCHEDULE_PERMEN = (
    "PermenPANRB 6/2022 Pasal 5 (penilaian kinerja: evaluasi kinerja periodik dan tahunan)"
    " [S2][S5][S7]"
)

#: The rules a :class:`Schedule` records in its explanation. All are library decisions or the
#: instansi's configuration (``normative=False``): the stored sources do not spell out
#: part-year periods under PermenPANRB 6/2022.
#: The rules of periodic schedules and part-year periods (:mod:`asn_performance.process.schedule`).
SCHEDULE_RULES: tuple[Rule, ...] = (
    Rule(
        "SCHEDULE-CADENCE",
        "Periodic evaluation by calendar month, quarter or semester (the instansi's choice)",
        f"{_SCHEDULE_PERMEN}; the frequency is the instansi's choice (BKN e-Kinerja forms: Triwulan"
        " I-IV; e-Kinerja export: Periode Bulanan; the semester is an agency practice the"
        " regulation does not name); calendar-aligned periods are a library decision",
        normative=False,
    ),
    Rule(
        "SCHEDULE-SERVICE",
        "Part of the year: only the days of service are evaluated (joiner, mover, leaver)",
        f"{_SCHEDULE_PERMEN}; part-year service is not spelled out in the stored sources:"
        " limiting the year to the first and last day of service, both included, is a library"
        " decision",
        normative=False,
    ),
    Rule(
        "SCHEDULE-CLIP",
        "A period served in part is clipped to the days of service",
        "Library decision (PermenPANRB 6/2022 does not spell out part-year periods in the"
        " stored sources): the calendar period becomes a span of the days served; periods not"
        " served are left out; nothing is prorated",
        normative=False,
    ),
    Rule(
        "SCHEDULE-ASSIGNMENT",
        "A move on day d ends the old assignment on d - 1 and starts the new one on d;"
        " each assignment has its own SKP",
        "Library decision (mid-year moves are not spelled out for PermenPANRB 6/2022 in the"
        " stored sources); precedent for one SKP per position held in a year: BKN Kantor"
        " Regional XII, penyusunan SKP bagi PNS yang menduduki 2 jabatan dalam setahun [S23]",
        normative=False,
    ),
)
_RULE = rules_by_id(SCHEDULE_RULES)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.SCHEDULE-CLIP.period": "period",
        "step.SCHEDULE-CLIP.service": "service",
        "step.SCHEDULE-CLIP.part": "{part} ({days} of {total} days)",
        "step.SCHEDULE-CLIP.starts": "service starts {day}",
        "step.SCHEDULE-CLIP.ends": "service ends {day}",
        "step.SCHEDULE-CLIP.moved": "moved on {day}",
        "step.SCHEDULE-CLIP.moved_last": "moved on {day} (last day here {last})",
        "step.SCHEDULE-SERVICE.year": "year",
        "step.SCHEDULE-SERVICE.first_day": "first day",
        "step.SCHEDULE-SERVICE.last_day": "last day",
        "step.SCHEDULE-SERVICE.outside": "outside the service: {periods}",
        "step.SCHEDULE-CADENCE.year": "year",
        "step.SCHEDULE-CADENCE.cadence": "cadence",
        "step.SCHEDULE-CADENCE.periods": "{count} periods",
        "step.SCHEDULE-CADENCE.one_period": "1 period",
        "step.SCHEDULE-ASSIGNMENT.assignment": "assignment",
        "step.SCHEDULE-ASSIGNMENT.of": "{number} of {total}",
        "step.SCHEDULE-ASSIGNMENT.moves": "moves",
        "step.SCHEDULE-ASSIGNMENT.own_skp": "own SKP for this assignment",
    }
)


_ONE_DAY = dt.timedelta(days=1)


def _service_day(year: int, value: object, path: str, which: str) -> dt.date:
    """The ``which`` (first or last) day of service in ``year``; ``None`` is the year's end."""
    first = which == "first"
    if value is None:
        return dt.date(year, 1, 1) if first else dt.date(year, 12, 31)
    when = "began before" if first else "went on after"
    day = check_date(value, path, f"pass a datetime.date, or None if service {when} {year}")
    if day.year != year:
        raise PeriodError(
            f"the first day of service must fall in {year}"
            if first
            else f"the last day of service must fall in {year}",
            path=path,
            value=value,
            rule="SCHEDULE-DATES",
            fix=f"pass None if the employee served from 1 January {year}"
            if first
            else f"pass None if the employee was still serving on 31 December {year}",
        )
    return day


def _service(
    year: int, first: object, last: object, names: tuple[str, str]
) -> tuple[dt.date, dt.date]:
    """Check the first and last day of service in ``year``; ``None`` is 1 January / 31 Dec."""
    first_name, last_name = names
    begins = _service_day(year, first, first_name, "first")
    ends = _service_day(year, last, last_name, "last")
    if ends < begins:
        raise PeriodError(
            f"the last day of service ({ends}) comes before the first ({begins})",
            path=last_name,
            value=last,
            rule="SCHEDULE-DATES",
            fix="check the two dates; one day of service has the same first and last day",
        )
    return begins, ends


def _service_period(year: int, first: dt.date, last: dt.date) -> Period:
    whole = Period.annual(year)
    if (first, last) == (whole.start, whole.end):
        return whole
    return Period.span(first, last)


def _as_tuple(value: object) -> object:
    """Lists become tuples; anything else is left for the validation to judge."""
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen
class Schedule:
    """The periodic evaluation periods of one employee's year (or of one assignment in it).

    Built by :func:`periodic_schedule` or :func:`assignment_schedules`; the constructor checks
    the invariants, so every schedule has them:

    * ``annual`` is the period of the annual evaluation (*evaluasi kinerja tahunan*) of this
      assignment: :meth:`Period.annual` for a whole year, a :meth:`Period.span` of the days of
      service otherwise. It is the period to give the SKP (``PerformancePlan.period``).
    * ``periods`` are the periodic evaluation periods, in order, without gaps or overlaps,
      covering ``annual`` exactly. Each is a whole calendar period of the cadence
      (:meth:`Period.month` / :meth:`Period.quarter` / :meth:`Period.semester`) or, where only
      part of it was served, a :meth:`Period.span` inside one calendar period.
    * ``steps`` explain the schedule (rules in :data:`SCHEDULE_RULES`).

    Iterating a schedule gives its periods; ``len`` counts them.
    """

    year: int
    cadence: Cadence
    annual: Period
    periods: tuple[Period, ...] = attrs.field(converter=_as_tuple)
    steps: tuple[Step, ...] = attrs.field(default=(), converter=_as_tuple)

    def __attrs_post_init__(self) -> None:
        check_year(self.year)
        if not isinstance(self.cadence, Cadence):
            raise LabelError(
                "the cadence must be a Cadence",
                path="cadence",
                value=self.cadence,
                rule="SCHEDULE-CADENCE",
                fix="pass Cadence.MONTHLY, Cadence.QUARTERLY or Cadence.SEMIANNUAL"
                " (Cadence.parse for text)",
            )
        _check_annual(self.year, self.annual)
        _check_periods(self.cadence, self.annual, self.periods)
        if not isinstance(self.steps, tuple) or not all(isinstance(s, Step) for s in self.steps):
            raise PeriodError(
                "the steps must be a tuple of Step",
                path="steps",
                value=self.steps,
                rule="SCHEDULE-STEPS",
                fix="build schedules with periodic_schedule or assignment_schedules",
            )

    def __iter__(self) -> Iterator[Period]:
        return iter(self.periods)

    def __len__(self) -> int:
        return len(self.periods)

    @property
    def start(self) -> dt.date:
        """The first day of service covered (``annual.start``)."""
        return self.annual.start

    @property
    def end(self) -> dt.date:
        """The last day of service covered (``annual.end``)."""
        return self.annual.end

    @property
    def is_part_year(self) -> bool:
        """Whether the schedule covers less than the calendar year."""
        return self.annual.kind is PeriodKind.CUSTOM

    @property
    def codes(self) -> tuple[str, ...]:
        """The periods' text forms, e.g. ``("2025-05-15/2025-06-30", "2025-Q3", "2025-Q4")``."""
        return tuple(period.code for period in self.periods)

    @property
    def clipped(self) -> tuple[Period, ...]:
        """The periods served only in part (the :meth:`Period.span` ones)."""
        return tuple(p for p in self.periods if p.kind is PeriodKind.CUSTOM)

    def period_for(self, day: dt.date) -> Period:
        """The period of this schedule that contains ``day``.

        Raises:
            PeriodError: ``day`` is not a date, or falls outside the days of service
                (rule ``SCHEDULE-DATES``).
        """
        check_date(day, "day", "pass a datetime.date (use .date() on a datetime)")
        for period in self.periods:
            if period.start <= day <= period.end:
                return period
        raise PeriodError(
            f"{day} is outside this schedule ({self.annual.code})",
            path="day",
            value=day,
            rule="SCHEDULE-DATES",
            fix=f"pass a day from {self.start} to {self.end}",
        )

    @property
    def explanation(self) -> Explanation:
        """The steps as an :class:`Explanation`."""
        return Explanation(self.steps)

    def explain(self) -> str:
        """The explanation as plain text, one numbered block per step."""
        return self.explanation.render()

    def to_rows(self) -> tuple[dict[str, Any], ...]:
        """One row per period, for a table or a dataframe.

        Keys: ``year``, ``cadence`` (code), ``period`` (text form), ``label_id``,
        ``calendar_period`` (the whole month, quarter or semester it belongs to), ``start``,
        ``end`` (dates), ``days`` and ``whole`` (served in full).
        """
        rows: list[dict[str, Any]] = []
        for period in self.periods:
            calendar = self.cadence.period_of(period.start)
            whole = period.kind is not PeriodKind.CUSTOM
            rows.append(
                {
                    "year": self.year,
                    "cadence": self.cadence.code,
                    "period": period.code,
                    "label_id": period.label_id
                    if whole
                    else f"{calendar.label_id} ({period.label_id})",
                    "calendar_period": calendar.code,
                    "start": period.start,
                    "end": period.end,
                    "days": period.days,
                    "whole": whole,
                }
            )
        return tuple(rows)

    def to_markdown(self, lang: Lang = "en") -> str:
        """A Markdown table of the periods; its headers and yes/no in ``lang`` (``"en"``, the
        default: as always; the periods' labels are the regulation's words in both)."""
        period, label, days, whole = (say(_VIEW, f"schedule.view.{c}", lang) for c in _COLUMNS)
        lines = [
            f"**{self.cadence.label_id} {self.annual.label_id}**",
            "",
            f"| # | {period} | {label} | {days} | {whole} |",
            "|---|---|---|---|---|",
        ]
        for number, row in enumerate(self.to_rows(), start=1):
            served = _whole(row["whole"], lang)
            shown = figure(row["days"], lang)
            lines.append(f"| {number} | {row['period']} | {row['label_id']} | {shown} | {served} |")
        return "\n".join(lines)

    def to_html(self, lang: Lang = "en") -> str:
        """An HTML table of the periods (escaped), in ``lang`` as :meth:`to_markdown`."""
        from html import escape as esc  # noqa: PLC0415 - only an HTML view needs it

        body = "".join(
            f"<tr><td>{esc(row['period'])}</td><td>{esc(row['label_id'])}</td>"
            f"<td>{figure(row['days'], lang)}</td><td>{_whole(row['whole'], lang)}</td></tr>"
            for row in self.to_rows()
        )
        head = "".join(f"<th>{esc(say(_VIEW, f'schedule.view.{c}', lang))}</th>" for c in _COLUMNS)
        return (
            f"<table><caption>{esc(self.cadence.label_id)} {esc(self.annual.label_id)}"
            f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        return self.to_html()


#: The words of the tables of :meth:`Schedule.to_markdown` and :meth:`Schedule.to_html`, in
#: English (word for word as in ``locale/en.po``; English reads no catalogue).
_VIEW: Final = {
    "schedule.view.period": "period",
    "schedule.view.label": "label",
    "schedule.view.days": "days",
    "schedule.view.whole": "whole",
    "schedule.view.yes": "yes",
    "schedule.view.no": "no",
}
_COLUMNS: Final = ("period", "label", "days", "whole")


def _whole(whole: bool, lang: Lang) -> str:
    return say(_VIEW, "schedule.view.yes" if whole else "schedule.view.no", lang)


def _check_annual(year: int, annual: object) -> None:
    if not isinstance(annual, Period):
        raise PeriodError(
            "the annual period must be a Period",
            path="annual",
            value=annual,
            rule="SCHEDULE-PERIODS",
            fix="pass Period.annual(year), or Period.span(first, last) for part of the year",
        )
    whole = Period.annual(year)
    canonical = annual.kind is PeriodKind.ANNUAL or (
        annual.kind is PeriodKind.CUSTOM and annual != Period.span(whole.start, whole.end)
    )
    if not annual.within(whole) or not canonical:
        raise PeriodError(
            f"the annual period must be the year {year} or a span inside it",
            path="annual",
            value=annual.code,
            rule="SCHEDULE-PERIODS",
            fix="pass Period.annual(year), or Period.span(first, last) for part of the year",
        )


def _check_periods(cadence: Cadence, annual: Period, periods: object) -> None:
    fix = "build schedules with periodic_schedule or assignment_schedules"
    if not isinstance(periods, tuple) or not periods:
        raise PeriodError(
            "a schedule needs at least one period, as a tuple",
            path="periods",
            value=periods,
            rule="SCHEDULE-PERIODS",
            fix=fix,
        )
    expected_start = annual.start
    for index, period in enumerate(periods):
        path = f"periods[{index}]"
        if not isinstance(period, Period):
            raise PeriodError(
                "must be a Period", path=path, value=period, rule="SCHEDULE-PERIODS", fix=fix
            )
        if period.start != expected_start or expected_start > annual.end:
            raise PeriodError(
                f"the periods must follow each other without gap or overlap from"
                f" {annual.start}; this one should start on {expected_start}",
                path=path,
                value=period.code,
                rule="SCHEDULE-PERIODS",
                fix=fix,
            )
        calendar = cadence.period_of(period.start)
        clipped = Period.span(max(calendar.start, annual.start), min(calendar.end, annual.end))
        expected = calendar if clipped.days == calendar.days else clipped
        if period != expected:
            raise PeriodError(
                f"a {cadence.label_en.lower()} period of {annual.code} starting on"
                f" {period.start} is {expected.code}",
                path=path,
                value=period.code,
                rule="SCHEDULE-PERIODS",
                fix=fix,
            )
        expected_start = period.end + _ONE_DAY
    if periods[-1].end != annual.end:
        raise PeriodError(
            f"the periods must cover {annual.code} up to {annual.end}",
            path="periods",
            value=[p.code for p in periods],
            rule="SCHEDULE-PERIODS",
            fix=fix,
        )


def _build(
    year: int,
    cadence: Cadence,
    first: dt.date,
    last: dt.date,
    *,
    head: tuple[Step, ...] = (),
    why_start: str,
    why_end: str,
) -> Schedule:
    """The schedule of the service ``first``..``last`` in ``year`` (already checked)."""
    annual = _service_period(year, first, last)
    year_start = dt.date(year, 1, 1)
    starts = rrule(
        MONTHLY,
        interval=cadence.months,
        dtstart=year_start,
        until=year_start + relativedelta(years=1, days=-1),
    )
    periods: list[Period] = []
    not_served: list[str] = []
    clips: list[Step] = []
    for moment in starts:
        calendar = cadence.period_of(moment.date())
        if calendar.end < first or calendar.start > last:
            not_served.append(calendar.code)
            continue
        lo, hi = max(calendar.start, first), min(calendar.end, last)
        if (lo, hi) == (calendar.start, calendar.end):
            periods.append(calendar)
            continue
        part = Period.span(lo, hi)
        periods.append(part)
        reasons = [why_start] if lo > calendar.start else []
        reasons += [why_end] if hi < calendar.end else []
        clips.append(
            Step(
                _RULE["SCHEDULE-CLIP"],
                "",
                (("period", calendar.code), ("service", annual.code)),
                f"{part.code} ({part.days} of {calendar.days} days)",
                "; ".join(reasons),
            )
        )
    steps = list(head)
    if annual.kind is PeriodKind.CUSTOM:
        steps.append(
            Step(
                _RULE["SCHEDULE-SERVICE"],
                "",
                (
                    ("year", str(year)),
                    ("first day", first.isoformat()),
                    ("last day", last.isoformat()),
                ),
                annual.code,
                f"outside the service: {', '.join(not_served)}" if not_served else "",
            )
        )
    steps.append(
        Step(
            _RULE["SCHEDULE-CADENCE"],
            "",
            (("year", str(year)), ("cadence", cadence.label_id)),
            ", ".join(p.code for p in periods),
            f"{len(periods)} period{'s' if len(periods) != 1 else ''}",
        )
    )
    steps.extend(clips)
    return Schedule(year, cadence, annual, tuple(periods), tuple(steps))


#: The note of a schedule of one assignment (its phrase is in :data:`STEP_PHRASES`).
_OWN_SKP: Final = "own SKP for this assignment"


def periodic_schedule(
    year: int,
    cadence: Cadence | str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Schedule:
    """The periodic evaluation periods of ``year`` for an employee who served ``start``..``end``.

    PermenPANRB 6/2022 Pasal 5: evaluasi kinerja periodik and tahunan; the instansi chooses
    the ``cadence`` (monthly, quarterly or by semester). The calendar periods are generated with
    :func:`dateutil.rrule.rrule`; a period served in part is clipped to the days of service and
    a period not served is left out (library decisions ``SCHEDULE-SERVICE`` and
    ``SCHEDULE-CLIP``: the regulation does not spell out part-year periods).

    Args:
        year: the calendar year (1970-2100; :func:`asn_performance.appraise` appraises
            periods from 2022 under PermenPANRB 6/2022).
        cadence: :class:`Cadence` or its text (``"triwulanan"``, ``"bulanan"``,
            ``"semester"``, ...).
        start: the first day of service in ``year`` (a joiner's TMT); ``None`` for 1 January.
        end: the last day of service in ``year``, included (for a retirement with TMT
            1 March, 28 or 29 February); ``None`` for 31 December.

    Raises:
        PeriodError: a bad year (``SCHEDULE-YEAR``); a date that is not a ``datetime.date``,
            falls outside ``year``, or an ``end`` before ``start`` (``SCHEDULE-DATES``).
        LabelError: an unknown cadence (``SCHEDULE-CADENCE``).
    """
    year = check_year(year)
    chosen = check_cadence(cadence)
    first, last = _service(year, start, end, ("start", "end"))
    return _build(
        year,
        chosen,
        first,
        last,
        why_start=f"service starts {first}",
        why_end=f"service ends {last}",
    )


def _check_moves(moves: object, first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    fix = "list the dates of the moves (TMT of each new post) in date order, each once"
    if isinstance(moves, str | bytes | dt.date | Mapping | AbstractSet) or not isinstance(
        moves, Iterable
    ):
        raise PeriodError(
            "the moves must be a list of dates",
            path="moves",
            value=moves,
            rule="SCHEDULE-MOVES",
            fix=fix,
        )
    checked: list[dt.date] = []
    for index, day in enumerate(moves):
        path = f"moves[{index}]"
        check_date(day, path, fix, rule="SCHEDULE-MOVES")
        if day == first:
            raise PeriodError(
                f"a move on the first day of service ({first}) leaves no days in the old post",
                path=path,
                value=day,
                rule="SCHEDULE-MOVES",
                fix="leave this move out: the employee held the new post from the first day",
            )
        if not first < day <= last:
            raise PeriodError(
                f"a move must fall inside the service, after {first} and up to {last}",
                path=path,
                value=day,
                rule="SCHEDULE-MOVES",
                fix="give only the moves of this year's service",
            )
        if checked and day <= checked[-1]:
            raise PeriodError(
                f"the move on {day} is repeated"
                if day == checked[-1]
                else f"the move on {day} comes before {checked[-1]}",
                path=path,
                value=day,
                rule="SCHEDULE-MOVES",
                fix=fix,
            )
        checked.append(day)
    return tuple(checked)


def _assignments(
    year: int, joined: object, left: object, moves: object
) -> tuple[dt.date, dt.date, tuple[dt.date, ...]]:
    first, last = _service(year, joined, left, ("joined", "left"))
    return first, last, _check_moves(moves, first, last)


def assignment_periods(
    year: int,
    *,
    joined: dt.date | None = None,
    left: dt.date | None = None,
    moves: Iterable[dt.date] = (),
) -> tuple[Period, ...]:
    """The period of each assignment held in ``year``: one SKP each.

    A move with TMT ``d`` ends the old assignment on ``d - 1`` and starts the new one on ``d``
    (library decision ``SCHEDULE-ASSIGNMENT``). Without moves there is one assignment: the
    whole year (:meth:`Period.annual`) or the days of service (:meth:`Period.span`).

    Args:
        year: the calendar year.
        joined: the first day of service in ``year``; ``None`` for 1 January.
        left: the last day of service in ``year``, included; ``None`` for 31 December.
        moves: the first day of each new assignment, in date order, each after ``joined`` and
            not after ``left``.

    Raises:
        PeriodError: a bad year (``SCHEDULE-YEAR``), bad service dates (``SCHEDULE-DATES``) or
            a bad move (``SCHEDULE-MOVES``: not a date, outside the service, on its first day,
            repeated or out of order).
    """
    year = check_year(year)
    first, last, days = _assignments(year, joined, left, moves)
    return _split(year, first, last, days)


def _split(
    year: int, first: dt.date, last: dt.date, days: tuple[dt.date, ...]
) -> tuple[Period, ...]:
    starts = (first, *days)
    ends = (*(day - _ONE_DAY for day in days), last)
    return tuple(_service_period(year, s, e) for s, e in zip(starts, ends, strict=True))


def assignment_schedules(
    year: int,
    cadence: Cadence | str,
    *,
    joined: dt.date | None = None,
    left: dt.date | None = None,
    moves: Iterable[dt.date] = (),
) -> tuple[Schedule, ...]:
    """The periodic schedule of each assignment held in ``year``, in order.

    Each assignment (see :func:`assignment_periods`) has its own SKP and its own schedule; a
    calendar period cut by a move appears in both schedules, clipped to each side. Without
    moves the result is ``(periodic_schedule(year, cadence, start=joined, end=left),)``.

    Raises:
        PeriodError: as :func:`assignment_periods`.
        LabelError: an unknown cadence (``SCHEDULE-CADENCE``).
    """
    year = check_year(year)
    chosen = check_cadence(cadence)
    first, last, days = _assignments(year, joined, left, moves)
    spans = _split(year, first, last, days)
    schedules: list[Schedule] = []
    for index, span in enumerate(spans):
        why_start = f"moved on {days[index - 1]}" if index else f"service starts {first}"
        why_end = (
            f"moved on {days[index]} (last day here {span.end})"
            if index < len(days)
            else f"service ends {last}"
        )
        head: tuple[Step, ...] = ()
        if days:
            head = (
                Step(
                    _RULE["SCHEDULE-ASSIGNMENT"],
                    "",
                    (
                        ("assignment", f"{index + 1} of {len(spans)}"),
                        ("moves", ", ".join(day.isoformat() for day in days)),
                    ),
                    span.code,
                    _OWN_SKP,
                ),
            )
        schedules.append(
            _build(
                year,
                chosen,
                span.start,
                span.end,
                head=head,
                why_start=why_start,
                why_end=why_end,
            )
        )
    return tuple(schedules)
