"""The cadence of periodic evaluation (*evaluasi kinerja periodik*): monthly or quarterly.

PermenPANRB 6/2022 Pasal 5 requires periodic evaluation and leaves its frequency to the
instansi; the BKN e-Kinerja forms use *Triwulan I..IV* and monthly periods (*Predikat Kinerja
Periodik*). A :class:`Cadence` names that choice, with the checks of a schedule's inputs
(dates, years, cadences) that :mod:`asn_performance.process.schedule` shares with it.
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
    bulanan*). :meth:`parse` accepts the code, the labels and synonyms such as ``"bulan"``,
    ``"triwulan"``, ``"per triwulan"`` or ``"quarter"``.
    """

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"

    @classmethod
    def _table(cls) -> dict[Cadence, Labels]:
        return {
            cls.MONTHLY: Labels(
                "Bulanan", "Monthly", ("bulan", "per bulan", "periode bulanan", "month")
            ),
            cls.QUARTERLY: Labels(
                "Triwulanan", "Quarterly", ("triwulan", "per triwulan", "kuartal", "quarter")
            ),
        }

    @property
    def months(self) -> int:
        """The length of one period in months: 1 or 3."""
        return 1 if self is Cadence.MONTHLY else 3

    @property
    def kind(self) -> PeriodKind:
        """The :class:`PeriodKind` of a whole period: ``MONTHLY`` or ``QUARTERLY``."""
        return PeriodKind.MONTHLY if self is Cadence.MONTHLY else PeriodKind.QUARTERLY

    def period_of(self, day: dt.date) -> Period:
        """The whole calendar month or quarter that contains ``day``.

        Raises:
            PeriodError: ``day`` is not a date (rule ``SCHEDULE-DATES``).
        """
        check_date(day, "day", "pass a datetime.date (use .date() on a datetime)")
        if self is Cadence.MONTHLY:
            return Period.month(day.year, day.month)
        return Period.quarter(day.year, (day.month - 1) // 3 + 1)


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
            fix="pass Cadence.MONTHLY or Cadence.QUARTERLY, or text such as 'bulanan' or"
            " 'triwulanan'",
        ) from None
