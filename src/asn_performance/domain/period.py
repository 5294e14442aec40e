"""Appraisal periods (*periode penilaian*): a year, a half-year, a quarter, a month or a span.

PermenPANRB 6/2022 has an annual evaluation (*evaluasi kinerja tahunan*) and periodic ones
(*evaluasi kinerja periodik*); the periodic frequency is left to each instansi (the BKN
e-Kinerja forms use *Triwulan I..IV* and e-Kinerja exports *Periode Bulanan*). The semester
(*Semester I* = January-June, *Semester II* = July-December) is an agency practice the
regulation does not name: supporting it is a library decision (digest §1.2: "PermenPANRB 6/2022
leaves the periodic frequency (bulanan/triwulanan/semesteran) to each instansi", UNCONFIRMED).
A :class:`Period` is a closed date range with a kind; a whole period ends the day before the
first of the month after it (standard-library dates).

Text form (the code, used in JSON): ``"2025"`` (annual), ``"2025-S1"`` (semester),
``"2025-Q1"`` (quarter), ``"2025-03"`` (month), ``"2025-01-15/2025-06-30"`` (a part-year span,
for employees who join, move or leave mid-year). :meth:`Period.parse` reads the code and every
label the library prints (:attr:`Period.label_id`, :attr:`Period.label_en`), and the period
headers of the e-Kinerja portal (``Periode Bulanan V Tahun 2026``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Final, Self, cast

import attrs

from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.reprs import attrs_repr
from asn_performance.exceptions import PeriodError

__all__ = ["Period", "PeriodKind"]


class PeriodKind(Labelled):
    """The kind of a period."""

    ANNUAL = "annual"
    SEMIANNUAL = "semiannual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    CUSTOM = "custom"

    @classmethod
    def _table(cls) -> dict[PeriodKind, Labels]:
        return {
            cls.ANNUAL: Labels("Tahunan", "Annual"),
            cls.SEMIANNUAL: Labels("Semesteran", "Half-yearly"),
            cls.QUARTERLY: Labels("Triwulanan", "Quarterly"),
            cls.MONTHLY: Labels("Bulanan", "Monthly"),
            cls.CUSTOM: Labels("Sebagian tahun", "Part-year"),
        }


_MIN_YEAR = 1970
_MAX_YEAR = 2100
# The patterns of the codes and labels below are text, compiled by :func:`_regex` when a
# period is first read from text (issue 12: compiling the eleven at import was about 2 ms of
# the first ``from asn_performance import appraise``; building a period in code reads none).
_YEAR: Final = r"^([0-9]{4})$"
_SEMESTER: Final = r"^([0-9]{4})-[Ss]([12])$"
_QUARTER: Final = r"^([0-9]{4})-[Qq]([1-4])$"
_MONTH: Final = r"^([0-9]{4})-([0-9]{2})$"
_SPAN: Final = r"^([0-9]{4}-[0-9]{2}-[0-9]{2})/([0-9]{4}-[0-9]{2}-[0-9]{2})$"

#: The length of a whole period of each kind, in months (a custom span has none).
_MONTHS_LONG: Final = {
    PeriodKind.ANNUAL: 12,
    PeriodKind.SEMIANNUAL: 6,
    PeriodKind.QUARTERLY: 3,
    PeriodKind.MONTHLY: 1,
}
_ROMAN_OF: Final = ("", "I", "II", "III", "IV")
_ROMAN_LAST: Final = {2: "II", 4: "IV", 12: "XII"}
_MONTHS_EN: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

# The labels, read on text folded to lower case with single spaces (see Period.parse).
#: Roman numerals I-XII, as the e-Kinerja headers number months and the forms quarters.
_ROMAN: Final = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6,
    "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12,
}  # fmt: skip
#: English month names: the English label of a month is the name alone (``March 2025``).
_MONTHS_EN_NAMES: Final = {name.casefold(): number for number, name in enumerate(_MONTHS_EN, 1)}
#: Month names after ``Bulanan``: Indonesian (with the older spellings Pebruari, Nopember) and
#: English. An Indonesian name alone (``Mei 2026``) is no label the library prints: refused.
_MONTH_NAMES: Final = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12, **_MONTHS_EN_NAMES,
}  # fmt: skip
#: The word before a numbered period, and its kind.
_NUMBERED_WORDS: Final = {
    "semester": PeriodKind.SEMIANNUAL,
    "semesteran": PeriodKind.SEMIANNUAL,
    "triwulan": PeriodKind.QUARTERLY,
    "triwulanan": PeriodKind.QUARTERLY,
    "quarter": PeriodKind.QUARTERLY,
    "bulanan": PeriodKind.MONTHLY,
}
_ANNUAL_LABEL: Final = r"(?:periode )?(?:tahunan|annual)(?: tahun)? ([0-9]{4})"
_NUMBERED_LABEL: Final = r"(?:periode )?([a-z]+) (\S+)(?: tahun)? ([0-9]{4})"
_SHORT_LABEL: Final = r"([hq])([0-9]+) ([0-9]{4})"
_MONTH_LABEL: Final = r"([a-z]+) ([0-9]{4})"
_SPAN_LABEL: Final = (
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}) (?:s\.d\.?|s/d|sampai dengan|to) ([0-9]{4}-[0-9]{2}-[0-9]{2})"
)
#: The annual recap of the e-Kinerja portal: ``Periode Tahunan`` and the whole of one year,
#: written as its months or its first and last days (``Periode Tahunan Januari s.d. Desember
#: 2025``, ``Periode Tahunan 01/01/2025 - 31/12/2025``); the bare year is ``_ANNUAL_LABEL``.
#: Anything else after ``Periode Tahunan`` (a quarter, a semester, part of a year) is refused,
#: not read as the year it names.
_UNTIL = r"\s*(?:-|s\.\s?d\.?|s/d|sd|sampai(?: dengan)?|to)\s*"
_PORTAL_ANNUAL: Final = (
    r"periode tahunan (?:"
    rf"(?:bulan )?januari(?: ([0-9]{{4}}))?{_UNTIL}desember(?: tahun)? ([0-9]{{4}})"
    rf"|0?1[/.-]0?1[/.-]([0-9]{{4}}){_UNTIL}31[/.-]12[/.-]([0-9]{{4}})"
    ")"
)
#: How many a label may number: semesters I-II, quarters I-IV, months 1-12.
_NUMBERS: Final = {PeriodKind.SEMIANNUAL: 2, PeriodKind.QUARTERLY: 4, PeriodKind.MONTHLY: 12}


@functools.cache
def _regex(pattern: str) -> re.Pattern[str]:
    """The compiled pattern of one of the texts above, compiled when first asked for."""
    return re.compile(pattern)


_ONE_DAY: Final = dt.timedelta(days=1)


def _end_of(start: dt.date, months: int) -> dt.date:
    """The last day of the ``months`` months from ``start``, the first day of a month: the day
    before the first of the month ``months`` later (what ``start + relativedelta(months=months,
    days=-1)`` gives from a first of the month, with standard-library dates only)."""
    index = start.year * 12 + start.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1) - _ONE_DAY


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

    Build one with :meth:`annual`, :meth:`semester`, :meth:`quarter`, :meth:`month`,
    :meth:`span` or :meth:`parse`; the constructor checks that ``start <= end`` and that the
    kind fits the dates, so a quarter is always a whole calendar quarter and a semester a whole
    calendar half-year.
    """

    kind: PeriodKind
    start: dt.date
    end: dt.date

    def __repr__(self) -> str:
        return attrs_repr(self)

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
                # each kind's message written whole, for the catalogues (issue 14)
                f"a annual period starting {self.start} ends on {expected}"
                if self.kind is PeriodKind.ANNUAL
                else f"a half-yearly period starting {self.start} ends on {expected}"
                if self.kind is PeriodKind.SEMIANNUAL
                else f"a quarterly period starting {self.start} ends on {expected}"
                if self.kind is PeriodKind.QUARTERLY
                else f"a monthly period starting {self.start} ends on {expected}",
                path="end",
                value=self.end,
                rule="PERIOD-KIND",
                fix="use Period.annual/semester/quarter/month, or Period.span for other ranges",
            )

    @classmethod
    def annual(cls, year: int) -> Self:
        """The calendar year ``year`` (1 January to 31 December)."""
        _check_year(year, "year")
        start = dt.date(year, 1, 1)
        return cls(PeriodKind.ANNUAL, start, _end_of(start, 12))

    @classmethod
    def semester(cls, year: int, semester: int) -> Self:
        """Semester ``semester`` of ``year``: 1 is January-June, 2 is July-December.

        The semester is an agency practice, not a period PermenPANRB 6/2022 names: the
        regulation leaves the frequency of the periodic evaluation to the instansi (digest
        §1.2, UNCONFIRMED reading); supporting it is a library decision
        (docs/how-to/periodic-appraisal.md).
        """
        _check_year(year, "year")
        if isinstance(semester, bool) or not isinstance(semester, int) or semester not in (1, 2):
            raise PeriodError(
                "a semester is 1 (January-June) or 2 (July-December)",
                path="semester",
                value=semester,
                rule="PERIOD-KIND",
                fix="give a semester of 1 or 2",
            )
        start = dt.date(year, 6 * semester - 5, 1)
        return cls(PeriodKind.SEMIANNUAL, start, _end_of(start, 6))

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
        return cls(PeriodKind.QUARTERLY, start, _end_of(start, 3))

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
        return cls(PeriodKind.MONTHLY, start, _end_of(start, 1))

    @classmethod
    def span(cls, start: dt.date, end: dt.date) -> Self:
        """A part-year span from ``start`` to ``end`` inclusive (joiners, movers, leavers)."""
        return cls(PeriodKind.CUSTOM, start, end)

    @classmethod
    def parse(cls, text: object, *, field: str = "period") -> Self:
        """Read a period from its code or from any label the library prints.

        Accepted, in any case and spacing:

        * the code (:attr:`code`): ``"2025"``, ``"2025-S1"``, ``"2025-Q1"``, ``"2025-03"``,
          ``"2025-01-15/2025-06-30"``;
        * the Indonesian label (:attr:`label_id`): ``"Tahunan 2025"``, ``"Semester I 2025"``,
          ``"Triwulan I 2025"``, ``"Periode Bulanan 3 Tahun 2025"``,
          ``"2025-01-15 s.d. 2025-06-30"``;
        * the English label (:attr:`label_en`): ``"Annual 2025"``, ``"H1 2025"``,
          ``"Q1 2025"``, ``"March 2025"``, ``"2025-01-15 to 2025-06-30"``;
        * the e-Kinerja portal headers: ``"Periode Bulanan 6 Tahun 2026"``, ``"Periode Bulanan
          V Tahun 2026"``, ``"Periode Triwulan II Tahun 2026"``, ``"Periode Tahunan Tahun
          2025"`` (and ``"Periode Tahunan ..."`` naming one year once or more).

        In a label the number of a semester, quarter or month is written in digits or Roman
        numerals (``II``, ``2``); after ``Bulanan`` a month may be named (``Bulanan Maret
        2025``; the English label is the English name alone, ``March 2025``, while an
        Indonesian name alone, ``Mei 2026``, is refused); the words ``Periode`` before and
        ``Tahun`` before the year may be left out (``Semester II Tahun 2025``). These rules are
        the library's one period parser:
        :func:`asn_performance.tables.ekinerja.ekinerja_period` calls this method.

        Raises:
            PeriodError: not text, or none of these forms (rule ``PERIOD-FORMAT``, the fix
                lists the forms); a number out of range in a label (``Triwulan V 2025``,
                ``PERIOD-KIND``); a year out of range (``PERIOD-YEAR``); a date that does not
                exist (``PERIOD-DATES``). The error's path is ``field``.
        """
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
                fix="write a period code ('2025', '2025-S1', '2025-Q1', '2025-03' or"
                " '2025-01-15/2025-06-30') or its label ('Semester I 2025', 'Triwulan I 2025',"
                " 'Q1 2025', ...)",
            )
        text = text.strip()
        found = _from_code(text)
        if found is None:  # not a code: the span's code, then the labels
            folded = " ".join(text.split()).casefold()
            if m := _regex(_SPAN).match(text) or _regex(_SPAN_LABEL).fullmatch(folded):
                return cls._span_of(m.group(1), m.group(2), text)
            found = _from_label(folded, text)
        if found is None:
            raise PeriodError(
                "unknown period format",
                value=text,
                rule="PERIOD-FORMAT",
                fix="write a period code: '2025', '2025-S1' (semester I), '2025-Q1', '2025-03' or"
                " '2025-01-15/2025-06-30'; or a label: 'Tahunan 2025', 'Semester I 2025',"
                " 'Triwulan I 2025', 'Periode Bulanan 3 Tahun 2025' (or 'Bulanan Maret 2025',"
                " 'Periode Bulanan III Tahun 2025'), '2025-01-15 s.d. 2025-06-30'; in English"
                " 'Annual 2025', 'H1 2025', 'Q1 2025', 'March 2025', '2025-01-15 to 2025-06-30'",
            )
        kind, year, number = found
        if kind is PeriodKind.ANNUAL:
            return cls.annual(year)
        build = {PeriodKind.SEMIANNUAL: cls.semester, PeriodKind.QUARTERLY: cls.quarter}
        return build.get(kind, cls.month)(year, number)

    @classmethod
    def _span_of(cls, start_text: str, end_text: str, text: str) -> Self:
        try:
            start = dt.date.fromisoformat(start_text)
            end = dt.date.fromisoformat(end_text)
        except ValueError:
            raise PeriodError(
                "not a real date",
                value=text,
                rule="PERIOD-DATES",
                fix="check the day and month of both dates",
            ) from None
        return cls.span(start, end)

    @property
    def code(self) -> str:
        """The text form, the inverse of :meth:`parse`."""
        if self.kind is PeriodKind.ANNUAL:
            return f"{self.start.year:04d}"
        if self.kind is PeriodKind.SEMIANNUAL:
            return f"{self.start.year:04d}-S{(self.start.month + 5) // 6}"
        if self.kind is PeriodKind.QUARTERLY:
            return f"{self.start.year:04d}-Q{(self.start.month + 2) // 3}"
        if self.kind is PeriodKind.MONTHLY:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def label_id(self) -> str:
        """Indonesian label: ``"Tahunan 2025"``, ``"Semester I 2025"``, ``"Triwulan I 2025"``,
        ``"Periode Bulanan 3 Tahun 2025"`` or ``"2025-01-15 s.d. 2025-06-30"``; :meth:`parse`
        reads it back."""
        year = self.start.year
        if self.kind is PeriodKind.ANNUAL:
            return f"Tahunan {year}"
        if self.kind is PeriodKind.SEMIANNUAL:
            return f"Semester {_ROMAN_OF[(self.start.month + 5) // 6]} {year}"
        if self.kind is PeriodKind.QUARTERLY:
            return f"Triwulan {_ROMAN_OF[(self.start.month + 2) // 3]} {year}"
        if self.kind is PeriodKind.MONTHLY:
            return f"Periode Bulanan {self.start.month} Tahun {year}"
        return f"{self.start.isoformat()} s.d. {self.end.isoformat()}"

    @property
    def label_en(self) -> str:
        """English label: ``"Annual 2025"``, ``"H1 2025"``, ``"Q1 2025"``, ``"March 2025"`` or
        ``"2025-01-15 to 2025-06-30"``; :meth:`parse` reads it back."""
        year = self.start.year
        if self.kind is PeriodKind.ANNUAL:
            return f"Annual {year}"
        if self.kind is PeriodKind.SEMIANNUAL:
            return f"H{(self.start.month + 5) // 6} {year}"
        if self.kind is PeriodKind.QUARTERLY:
            return f"Q{(self.start.month + 2) // 3} {year}"
        if self.kind is PeriodKind.MONTHLY:
            return f"{_MONTHS_EN[self.start.month - 1]} {year}"
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

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
    length = _MONTHS_LONG[kind]
    if start.day != 1 or (start.month - 1) % length:
        raise PeriodError(
            # each kind's message written whole, for the catalogues (issue 14)
            f"a annual period cannot start on {start}"
            if kind is PeriodKind.ANNUAL
            else f"a half-yearly period cannot start on {start}"
            if kind is PeriodKind.SEMIANNUAL
            else f"a quarterly period cannot start on {start}"
            if kind is PeriodKind.QUARTERLY
            else f"a monthly period cannot start on {start}",
            path="start",
            value=start,
            rule="PERIOD-KIND",
            fix="use Period.annual/semester/quarter/month, or Period.span for other ranges",
        )
    return _end_of(start, length)


def _number(token: str, kind: PeriodKind, text: str) -> int:
    """The number of a semester, quarter or month in a label: digits, a Roman numeral or, for
    a month, its name; out of range is a :class:`PeriodError` (``PERIOD-KIND``)."""
    if token.isascii() and token.isdigit() and len(token) <= 2:
        number: int | None = int(token)
    else:
        number = _ROMAN.get(token)
        if number is None and kind is PeriodKind.MONTHLY:
            number = _MONTH_NAMES.get(token)
    most = _NUMBERS[kind]
    if number is None or not 1 <= number <= most:
        shown = token.upper() if token in _ROMAN or token.isdigit() else token
        last = _ROMAN_LAST[most]
        # one literal message per kind, so that the catalogues hold each whole (issue 14)
        if kind is PeriodKind.SEMIANNUAL:
            raise PeriodError(
                f"there is no semester {shown}: a semester is numbered 1 to {most}",
                value=text,
                rule="PERIOD-KIND",
                fix=f"number the semester 1 to {most}, in digits or Roman numerals (I to {last})",
            )
        if kind is PeriodKind.QUARTERLY:
            raise PeriodError(
                f"there is no quarter (triwulan) {shown}: a quarter (triwulan) is numbered"
                f" 1 to {most}",
                value=text,
                rule="PERIOD-KIND",
                fix=f"number the quarter 1 to {most}, in digits or Roman numerals (I to {last})",
            )
        raise PeriodError(
            f"there is no month {shown}: a month is numbered 1 to {most}",
            value=text,
            rule="PERIOD-KIND",
            fix=f"number the month 1 to {most}, in digits or Roman numerals (I to {last}),"
            " or named",
        )
    return number


def _from_code(text: str) -> tuple[PeriodKind, int, int] | None:
    """The kind, year and number (1 for a year) a code names (``2025-S1``); None otherwise."""
    if m := _regex(_YEAR).match(text):
        return PeriodKind.ANNUAL, int(m.group(1)), 1
    if m := _regex(_SEMESTER).match(text):
        return PeriodKind.SEMIANNUAL, int(m.group(1)), int(m.group(2))
    if m := _regex(_QUARTER).match(text):
        return PeriodKind.QUARTERLY, int(m.group(1)), int(m.group(2))
    if m := _regex(_MONTH).match(text):
        return PeriodKind.MONTHLY, int(m.group(1)), int(m.group(2))
    return None


def _from_label(folded: str, text: str) -> tuple[PeriodKind, int, int] | None:
    """The kind, year and number (1 for a year) a label names; None when it is no label.

    ``folded`` is ``text`` in lower case with single spaces. Raises :class:`PeriodError` for a
    label whose number is out of range (``Triwulan V 2025``).
    """
    if m := _regex(_ANNUAL_LABEL).fullmatch(folded):
        return PeriodKind.ANNUAL, int(m.group(1)), 1
    if (m := _regex(_NUMBERED_LABEL).fullmatch(folded)) and m.group(1) in _NUMBERED_WORDS:
        kind = _NUMBERED_WORDS[m.group(1)]
        return kind, int(m.group(3)), _number(m.group(2), kind, text)
    if m := _regex(_SHORT_LABEL).fullmatch(folded):
        kind = PeriodKind.SEMIANNUAL if m.group(1) == "h" else PeriodKind.QUARTERLY
        return kind, int(m.group(3)), _number(m.group(2), kind, text)
    if (m := _regex(_MONTH_LABEL).fullmatch(folded)) and m.group(1) in _MONTHS_EN_NAMES:
        return PeriodKind.MONTHLY, int(m.group(2)), _MONTHS_EN_NAMES[m.group(1)]
    if m := _regex(_PORTAL_ANNUAL).fullmatch(folded):
        years = {year for year in m.groups() if year is not None}
        if len(years) == 1:
            return PeriodKind.ANNUAL, int(years.pop()), 1
    return None


@functools.lru_cache(maxsize=1024)
def _parse_text(text: str) -> Period:
    """:meth:`Period.parse` of text, memoised.

    A document names the same few periods once per plan and once per assessment, and building
    one (its checks and its end date) costs about 20 µs. A period is immutable,
    so one object can be shared; a failure is not cached (``lru_cache`` keeps only results).
    """
    return Period._parse(text)
