"""Appraisal periods (*periode penilaian*): a year, a quarter, a month or a part-year span.

PermenPANRB 6/2022 has an annual evaluation (*evaluasi kinerja tahunan*) and periodic ones
(*evaluasi kinerja periodik*); the periodic frequency is left to each instansi (the BKN
e-Kinerja forms use *Triwulan I..IV* and e-Kinerja exports *Periode Bulanan*). A
:class:`Period` is a closed date range with a kind; built with :mod:`dateutil.relativedelta`.

Text form (used in JSON): ``"2025"`` (annual), ``"2025-Q1"`` (quarter), ``"2025-03"``
(month), ``"2025-01-15/2025-06-30"`` (a part-year span, for employees who join, move or
leave mid-year).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Self, cast

import attrs
from dateutil.relativedelta import relativedelta

from asn_performance._kit.labels import Labelled, Labels
from asn_performance.exceptions import PeriodError

__all__ = ["Period", "PeriodKind"]


class PeriodKind(Labelled):
    """The kind of a period."""

    ANNUAL = "annual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    CUSTOM = "custom"

    @classmethod
    def _table(cls) -> dict[PeriodKind, Labels]:
        return {
            cls.ANNUAL: Labels("Tahunan", "Annual"),
            cls.QUARTERLY: Labels("Triwulanan", "Quarterly"),
            cls.MONTHLY: Labels("Bulanan", "Monthly"),
            cls.CUSTOM: Labels("Sebagian tahun", "Part-year"),
        }


_MIN_YEAR = 1970
_MAX_YEAR = 2100
_YEAR = re.compile(r"^([0-9]{4})$")
_QUARTER = re.compile(r"^([0-9]{4})-[Qq]([1-4])$")
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_SPAN = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})/([0-9]{4}-[0-9]{2}-[0-9]{2})$")


def _check_year(year: object, field: str) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise PeriodError(
            "a year must be a whole number",
            path=field,
            value=year,
            rule="PERIOD-YEAR",
            fix="give the year as four digits, e.g. 2025",
        )
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise PeriodError(
            f"a year must lie between {_MIN_YEAR} and {_MAX_YEAR}",
            path=field,
            value=year,
            rule="PERIOD-YEAR",
            fix="check the year",
        )
    return year


@attrs.frozen(order=False)
class Period:
    """A closed range of dates with a kind (*periode penilaian*).

    Build one with :meth:`annual`, :meth:`quarter`, :meth:`month`, :meth:`span` or
    :meth:`parse`; the constructor checks that ``start <= end`` and that the kind fits the
    dates, so a quarter is always a whole calendar quarter.
    """

    kind: PeriodKind
    start: dt.date
    end: dt.date

    def __attrs_post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
                raise PeriodError(
                    "a period bound must be a date",
                    path=name,
                    value=value,
                    rule="PERIOD-DATES",
                    fix="pass a datetime.date",
                )
            _check_year(value.year, name)
        if not isinstance(self.kind, PeriodKind):
            raise PeriodError(
                "unknown period kind",
                path="kind",
                value=self.kind,
                rule="PERIOD-KIND",
                fix="use PeriodKind",
            )
        if self.end < self.start:
            raise PeriodError(
                f"the period ends ({self.end}) before it starts ({self.start})",
                path="end",
                value=self.end,
                rule="PERIOD-DATES",
                fix="swap the dates",
            )
        expected = _expected_end(self.kind, self.start)
        if expected is not None and self.end != expected:
            raise PeriodError(
                f"a {self.kind.label_en.lower()} period starting {self.start} ends on {expected}",
                path="end",
                value=self.end,
                rule="PERIOD-KIND",
                fix="use Period.annual/quarter/month, or Period.span for other ranges",
            )

    @classmethod
    def annual(cls, year: int) -> Self:
        """The calendar year ``year`` (1 January to 31 December)."""
        _check_year(year, "year")
        start = dt.date(year, 1, 1)
        return cls(PeriodKind.ANNUAL, start, start + relativedelta(years=1, days=-1))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Self:
        """Triwulan ``quarter`` (1-4) of ``year``."""
        _check_year(year, "year")
        if isinstance(quarter, bool) or not isinstance(quarter, int) or quarter not in (1, 2, 3, 4):
            raise PeriodError(
                "a quarter (triwulan) is 1, 2, 3 or 4",
                path="quarter",
                value=quarter,
                rule="PERIOD-KIND",
                fix="give a quarter from 1 to 4",
            )
        start = dt.date(year, 3 * quarter - 2, 1)
        return cls(PeriodKind.QUARTERLY, start, start + relativedelta(months=3, days=-1))

    @classmethod
    def month(cls, year: int, month: int) -> Self:
        """Month ``month`` (1-12) of ``year``."""
        _check_year(year, "year")
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            raise PeriodError(
                "a month is a whole number from 1 to 12",
                path="month",
                value=month,
                rule="PERIOD-KIND",
                fix="give a month from 1 to 12",
            )
        start = dt.date(year, month, 1)
        return cls(PeriodKind.MONTHLY, start, start + relativedelta(months=1, days=-1))

    @classmethod
    def span(cls, start: dt.date, end: dt.date) -> Self:
        """A part-year span from ``start`` to ``end`` inclusive (joiners, movers, leavers)."""
        return cls(PeriodKind.CUSTOM, start, end)

    @classmethod
    def parse(cls, text: object, *, field: str = "period") -> Self:
        """Parse the text form: ``"2025"``, ``"2025-Q1"``, ``"2025-03"`` or ``"a/b"``."""
        try:
            if cls is Period and isinstance(text, str):
                return cast(Self, _parse_text(text))
            return cls._parse(text)
        except PeriodError as error:
            raise error.at(field) from None

    @classmethod
    def _parse(cls, text: object) -> Self:
        if not isinstance(text, str):
            raise PeriodError(
                "a period must be text",
                value=text,
                rule="PERIOD-FORMAT",
                fix="write '2025', '2025-Q1', '2025-03' or '2025-01-15/2025-06-30'",
            )
        text = text.strip()
        if m := _YEAR.match(text):
            return cls.annual(int(m.group(1)))
        if m := _QUARTER.match(text):
            return cls.quarter(int(m.group(1)), int(m.group(2)))
        if m := _MONTH.match(text):
            return cls.month(int(m.group(1)), int(m.group(2)))
        if m := _SPAN.match(text):
            try:
                start = dt.date.fromisoformat(m.group(1))
                end = dt.date.fromisoformat(m.group(2))
            except ValueError:
                raise PeriodError(
                    "not a real date",
                    value=text,
                    rule="PERIOD-DATES",
                    fix="check the day and month of both dates",
                ) from None
            return cls.span(start, end)
        raise PeriodError(
            "unknown period format",
            value=text,
            rule="PERIOD-FORMAT",
            fix="write '2025', '2025-Q1', '2025-03' or '2025-01-15/2025-06-30'",
        )

    @property
    def code(self) -> str:
        """The text form, the inverse of :meth:`parse`."""
        if self.kind is PeriodKind.ANNUAL:
            return f"{self.start.year:04d}"
        if self.kind is PeriodKind.QUARTERLY:
            return f"{self.start.year:04d}-Q{(self.start.month + 2) // 3}"
        if self.kind is PeriodKind.MONTHLY:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def label_id(self) -> str:
        """Indonesian label, e.g. ``"Triwulan I 2025"`` or ``"Tahunan 2025"``."""
        if self.kind is PeriodKind.ANNUAL:
            return f"Tahunan {self.start.year}"
        if self.kind is PeriodKind.QUARTERLY:
            roman = ("I", "II", "III", "IV")[(self.start.month - 1) // 3]
            return f"Triwulan {roman} {self.start.year}"
        if self.kind is PeriodKind.MONTHLY:
            return f"Periode Bulanan {self.start.month} Tahun {self.start.year}"
        return f"{self.start.isoformat()} s.d. {self.end.isoformat()}"

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the period (both ends included).

        Raises:
            PeriodError: when ``day`` is not a date (a datetime is refused too: compare its
                ``.date()``).
        """
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise PeriodError(
                "a period contains dates only",
                path="day",
                value=day,
                rule="PERIOD-DATES",
                fix="pass a datetime.date (use .date() on a datetime)",
            )
        return self.start <= day <= self.end

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and not isinstance(day, dt.datetime) and self.contains(day)

    def within(self, other: Period) -> bool:
        """Whether this period lies entirely inside ``other``."""
        if not isinstance(other, Period):
            raise PeriodError(
                "a period can lie only within another Period",
                path="other",
                value=other,
                rule="PERIOD-DATES",
                fix="pass a Period (Period.parse('2025') for text)",
            )
        return other.start <= self.start and self.end <= other.end

    @property
    def days(self) -> int:
        """Number of calendar days, both ends included."""
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return self.code


def _expected_end(kind: PeriodKind, start: dt.date) -> dt.date | None:
    if kind is PeriodKind.CUSTOM:
        return None
    starts = {PeriodKind.ANNUAL: (1,), PeriodKind.QUARTERLY: (1, 4, 7, 10)}
    if start.day != 1 or start.month not in starts.get(kind, range(1, 13)):
        raise PeriodError(
            f"a {kind.label_en.lower()} period cannot start on {start}",
            path="start",
            value=start,
            rule="PERIOD-KIND",
            fix="use Period.annual/quarter/month, or Period.span for other ranges",
        )
    length = {PeriodKind.ANNUAL: 12, PeriodKind.QUARTERLY: 3}.get(kind, 1)
    return start + relativedelta(months=length, days=-1)


@functools.lru_cache(maxsize=1024)
def _parse_text(text: str) -> Period:
    """:meth:`Period.parse` of text, memoised.

    A document names the same few periods once per plan and once per assessment, and building
    one (its checks and two ``relativedelta`` sums) costs about 20 µs. A period is immutable,
    so one object can be shared; a failure is not cached (``lru_cache`` keeps only results).
    """
    return Period._parse(text)
