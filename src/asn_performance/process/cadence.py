"""The cadence of periodic evaluation (*evaluasi kinerja periodik*): monthly, quarterly or
by semester.

PermenPANRB 6/2022 Pasal 5 requires periodic evaluation and leaves its frequency to the
instansi; the BKN e-Kinerja forms use *Triwulan I..IV* and monthly periods (*Predikat Kinerja
Periodik*); some agencies evaluate by semester (*Semester I* January-June, *Semester II*
July-December), an agency practice the regulation does not name (library decision, digest
§1.2: "bulanan/triwulanan/semesteran" left to each instansi, UNCONFIRMED). A :class:`Cadence`
names that choice, with the checks of a schedule's inputs (dates, years, cadences) that
:mod:`asn_performance.process.schedule` shares with it.
"""

from __future__ import annotations

import datetime as dt

from asn_performance._kit.labels import Labelled, Labels
from asn_performance.domain.period import Period, PeriodKind
from asn_performance.exceptions import LabelError, PeriodError

__all__ = ["Cadence", "check_cadence", "check_date", "check_year"]


class Cadence(Labelled):
    """How often an instansi holds the periodic evaluation (*evaluasi kinerja periodik*).

    PermenPANRB 6/2022 Pasal 5 requires periodic evaluation and leaves its frequency to the
    instansi; the e-Kinerja forms use quarters (*triwulan*) and monthly periods (*periode
    bulanan*); :attr:`SEMIANNUAL` is the agency practice of evaluating by semester (a library
    decision: the regulation does not name it). :meth:`parse` accepts the code, the labels and
    synonyms such as ``"bulan"``, ``"triwulan"``, ``"per triwulan"``, ``"quarter"`` or
    ``"semester"``.
    """

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"

    @classmethod
    def _table(cls) -> dict[Cadence, Labels]:
        return {
            cls.MONTHLY: Labels(
                "Bulanan", "Monthly", ("bulan", "per bulan", "periode bulanan", "month")
            ),
            cls.QUARTERLY: Labels(
                "Triwulanan", "Quarterly", ("triwulan", "per triwulan", "kuartal", "quarter")
            ),
            cls.SEMIANNUAL: Labels(
                "Semesteran", "Half-yearly", ("semester", "per semester", "half year")
            ),
        }

    @property
    def months(self) -> int:
        """The length of one period in months: 1, 3 or 6."""
        return {Cadence.MONTHLY: 1, Cadence.QUARTERLY: 3}.get(self, 6)

    @property
    def kind(self) -> PeriodKind:
        """The :class:`PeriodKind` of a whole period: ``MONTHLY``, ``QUARTERLY`` or
        ``SEMIANNUAL``."""
        return {Cadence.MONTHLY: PeriodKind.MONTHLY, Cadence.QUARTERLY: PeriodKind.QUARTERLY}.get(
            self, PeriodKind.SEMIANNUAL
        )

    def period_of(self, day: dt.date) -> Period:
        """The whole calendar month, quarter or semester that contains ``day``.

        Raises:
            PeriodError: ``day`` is not a date (rule ``SCHEDULE-DATES``).
        """
        check_date(day, "day", "pass a datetime.date (use .date() on a datetime)")
        if self is Cadence.MONTHLY:
            return Period.month(day.year, day.month)
        if self is Cadence.QUARTERLY:
            return Period.quarter(day.year, (day.month - 1) // 3 + 1)
        return Period.semester(day.year, (day.month - 1) // 6 + 1)


def check_date(value: object, path: str, fix: str, rule: str = "SCHEDULE-DATES") -> dt.date:
    """``value`` if it is a date (not a datetime), else a :class:`PeriodError` at ``path``."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise PeriodError("must be a date", path=path, value=value, rule=rule, fix=fix)
    return value


def check_year(year: object) -> int:
    """``year`` if it is a whole number a :class:`Period` may have (rule ``SCHEDULE-YEAR``)."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise PeriodError(
            "the year must be a whole number",
            path="year",
            value=year,
            rule="SCHEDULE-YEAR",
            fix="give the year as four digits, e.g. 2025",
        )
    try:
        Period.annual(year)
    except PeriodError as error:
        raise PeriodError(
            error.message, path="year", value=year, rule="SCHEDULE-YEAR", fix="check the year"
        ) from None
    return year


def check_cadence(cadence: object) -> Cadence:
    """``cadence`` as a :class:`Cadence` (a member, its code or a label; ``SCHEDULE-CADENCE``)."""
    try:
        return Cadence.parse(cadence, field="cadence")
    except LabelError as error:
        raise LabelError(
            error.message,
            path="cadence",
            value=cadence,
            rule="SCHEDULE-CADENCE",
            fix="pass Cadence.MONTHLY, Cadence.QUARTERLY or Cadence.SEMIANNUAL, or text such as"
            " 'bulanan', 'triwulanan' or 'semester'",
        ) from None
