"""Helpers shared by the modules of :mod:`asn_performance.consequences` (private on purpose).

What follows a predikat (PermenPANRB 6/2022 Pasal 5, *tindak lanjut*) is split by rule into
:mod:`~asn_performance.consequences.angka_kredit`, :mod:`~asn_performance.consequences.allowance`,
:mod:`~asn_performance.consequences.career`, :mod:`~asn_performance.consequences.recognition`,
:mod:`~asn_performance.consequences.sanctions` and :mod:`~asn_performance.consequences.policy`;
this module holds what several of them use: the :class:`Cited` mixin of their outcomes, the way
they show numbers (decision D5: carried at full precision, rounded only where shown), the
parsing and range checks of their arguments and the upper bounds those checks use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, ClassVar, Final, TypeVar

from asn_performance._kit.exact import to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.plain import exact_text as plain
from asn_performance._kit.validate import expect, shown
from asn_performance.domain.assessment import Assessment, AssessorRole
from asn_performance.domain.employee import Jenjang
from asn_performance.domain.explanation import Rule
from asn_performance.domain.period import Period
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError, PolicyError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "MAX_IMPROVEMENT_MONTHS",
    "MAX_KELAS",
    "MAX_PLACEMENT_YEARS",
    "MAX_SUCCESSION_YEARS",
    "Cited",
    "carried",
    "check_appraisal",
    "check_date",
    "collection",
    "expect",
    "non_negative",
    "parse_jenjang",
    "parse_predikat",
    "pct",
    "pejabat_penilai",
    "percent_table",
    "period_code",
    "period_inputs",
    "plain",
    "predikat_set",
    "whole",
]

T = TypeVar("T")

#: The largest kelas jabatan (the policy file format keys the base table by '1' to '999').
MAX_KELAS: Final = 999
#: The longest improvement window and temporary placement (PP 30/2019: 6 months, 1 year); an
#: agency may choose longer ones, up to these, so that every date stays in the calendar.
MAX_IMPROVEMENT_MONTHS: Final = 120
MAX_PLACEMENT_YEARS: Final = 10
#: The most years a succession-pool rule may look back (the years of a period: 1970-2100).
MAX_SUCCESSION_YEARS: Final = 131
#: The dates a result may be received on, or a placement start: the years of a period.
_FIRST_DAY: Final = dt.date(1970, 1, 1)
_LAST_DAY: Final = dt.date(2100, 12, 31)


class Cited:
    """Mixin: an outcome's rule id gives its title, citation and whether it is normative.

    A subclass sets ``RULES`` to the rules of its module (``rules_by_id(GROUP)``).
    """

    __slots__ = ()
    rule: str
    RULES: ClassVar[Mapping[str, Rule]] = FrozenMap()

    def _found(self) -> Rule:
        found = self.RULES.get(self.rule)
        return found if found is not None else Rule(self.rule, self.rule, "")

    def cited(self, **fields: Any) -> dict[str, Any]:
        """JSON-ready data: the rule, then ``fields`` in order, then the citation."""
        return {"rule": self.rule, **fields, "citation": self.citation}

    @property
    def citation(self) -> str:
        """The citation of the rule that produced this outcome."""
        return self._found().citation

    @property
    def normative(self) -> bool:
        """False for library decisions, UNCONFIRMED readings and agency configuration."""
        return self._found().normative


# --------------------------------------------------------------------------------------------
# Showing numbers
# --------------------------------------------------------------------------------------------


def carried(value: Decimal) -> str:
    """A carried value for the explanation: exact when short, else cut at 8 places with '…'."""
    text = plain(value)
    point = text.find(".")
    if point >= 0 and len(text) - point - 1 > 8:
        return text[: point + 9] + "…"
    return text


def period_code(period: Period | None) -> str | None:
    """The code of ``period`` for a result, or ``None``."""
    return None if period is None else period.code


def period_inputs(period: Period | None) -> tuple[tuple[str, str], ...]:
    """The step input naming ``period``, or none."""
    return () if period is None else (("period", period.code),)


def pct(value: Decimal) -> str:
    """A percentage for the explanation, e.g. ``'70 %'``."""
    return f"{plain(value)} %"


# --------------------------------------------------------------------------------------------
# Parsing and checking arguments
# --------------------------------------------------------------------------------------------


def parse_predikat(value: object, field: str) -> Predikat:
    """A predikat from its code or label (:meth:`Predikat.parse`)."""
    return Predikat.parse(value, field=field)


def parse_jenjang(value: object, field: str = "jenjang") -> Jenjang:
    """A jenjang from its code or label (:meth:`Jenjang.parse`)."""
    return Jenjang.parse(value, field=field)


def non_negative(value: object, field: str) -> Decimal:
    """``value`` as a decimal that is not negative; errors name ``field`` (for converters)."""
    return to_decimal(value, field=field, allow_negative=False)


def whole(value: object, field: str, *, minimum: int = 0, maximum: int | None = None) -> int:
    """``value`` when it is a whole number from ``minimum`` to ``maximum``; else InputError."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(
            "must be a whole number",
            path=field,
            value=value,
            rule="TYPE",
            fix="pass an int",
        )
    if value < minimum or (maximum is not None and value > maximum):
        raise InputError(
            (
                f"must be a whole number from {minimum}"
                if maximum is None
                else f"must be a whole number from {minimum} to {maximum}"
            ),
            path=field,
            value=value,
            rule="RANGE",
            fix=(
                f"give a number from {minimum}"
                if maximum is None
                else f"give a number from {minimum} to {maximum}"
            ),
        )
    return value


def percent_table(
    value: object, field: str, *, keys: Iterable[Any], parse: Any
) -> FrozenMap[Any, Decimal]:
    """A table of percentages with an entry for every one of ``keys`` (PolicyError if not)."""
    if not isinstance(value, Mapping):
        raise PolicyError(
            "must be a mapping",
            path=field,
            value=value,
            rule="TYPE",
            fix="pass a dict",
        )
    table = {
        parse(key, field=f"{field}[{shown(key)}]"): to_decimal(
            item, field=f"{field}[{shown(key)}]", allow_negative=False
        )
        for key, item in value.items()
    }
    missing = [key for key in keys if key not in table]
    if missing:
        raise PolicyError(
            f"the table has no entry for {', '.join(str(m) for m in missing)}",
            path=field,
            value=sorted(getattr(k, "code", str(k)) for k in table),
            rule="POLICY-TABLE",
            fix="give a value for every " + ("predikat" if parse == Predikat.parse else "jenjang"),
        )
    return FrozenMap(table)


def collection(value: object, field: str, *, message: str, fix: str) -> Iterable[object]:
    """``value`` when it is a collection (not a single string); else InputError (rule
    ``TYPE``) with ``message`` and ``fix``, each written at the call ("must be a collection
    of predikat"), so that the catalogues hold them."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(message, path=field, value=value, rule="TYPE", fix=fix)
    return value


def predikat_set(value: object, field: str) -> frozenset[Predikat]:
    """A set of predikat from a collection of codes or labels (not a single string)."""
    items = collection(
        value,
        field,
        message="must be a collection of predikat",
        fix="pass e.g. {'sangat_baik'}",
    )
    return frozenset(parse_predikat(item, field) for item in items)


def check_appraisal(appraisal: object, field: str = "appraisal") -> Appraisal:
    """``appraisal`` when it is an :class:`Appraisal`; else InputError."""
    return expect(
        appraisal,
        Appraisal,
        field,
        message="must be an Appraisal",
        fix="pass the result of appraise()",
    )


def pejabat_penilai(appraisal: Appraisal) -> Assessment:
    """The pejabat penilai kinerja's assessment of ``appraisal``."""
    # appraise() refuses an appraisal without it and refuses a second one.
    return next(a for a in appraisal.assessments if a.role is AssessorRole.PEJABAT_PENILAI)


def check_date(value: object, field: str) -> dt.date:
    """``value`` when it is a date (not a datetime) in the years of a period; else InputError."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InputError("must be a date", path=field, value=value, rule="TYPE", fix="pass a date")
    if not _FIRST_DAY <= value <= _LAST_DAY:
        raise InputError(
            f"must be a date from {_FIRST_DAY.isoformat()} to {_LAST_DAY.isoformat()}",
            path=field,
            value=value.isoformat(),
            rule="RANGE",
            fix="check the year",
        )
    return value
