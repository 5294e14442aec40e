"""The readers of the values the wire models read in Python, without pydantic (private
module; issue 12).

A NIP, a period, a decimal, a date and a label are read by the same functions whether a wire
model of :mod:`asn_performance.boundary._wire` reads them (within the problem budget) or the
first reading of a document's parts does (:mod:`asn_performance.boundary._fast_parts`, which
must not import pydantic: a valid document is read with ``pydantic_core`` alone). They live
here, and ``_wire`` builds its field types from these very functions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

from pydantic_core import PydanticCustomError

from asn_performance._kit.exact import to_decimal
from asn_performance._kit.labels import Labelled
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.exceptions import AsnPerformanceError, SchemaError

__all__ = [
    "EVIDENCE_LENGTH",
    "FEEDBACK_LENGTH",
    "ID_LENGTH",
    "LONG_TEXT_LENGTH",
    "MEASURE_UNIT_LENGTH",
    "NAME_LENGTH",
    "UNIT_NAME_LENGTH",
    "date_in",
    "decimal_in",
    "distinct",
    "distinct_check",
    "label_reader",
    "nip_in",
    "period_in",
]

#: The most characters of the wire's text fields, written once for the models (``_wire``) and
#: the first reading's core schemas (``_fast_schemas``).
ID_LENGTH: Final = 100
NAME_LENGTH: Final = 200
UNIT_NAME_LENGTH: Final = 300
LONG_TEXT_LENGTH: Final = 1000
EVIDENCE_LENGTH: Final = 2000
FEEDBACK_LENGTH: Final = 4000
MEASURE_UNIT_LENGTH: Final = 50


def decimal_in(value: object) -> Decimal:
    """A decimal as ``DecimalValue`` reads it."""
    # DecimalInputError is a ValueError: pydantic keeps it in the error's context, and the
    # loader re-raises it at the JSON path of the field (rule D5-EXACT or D5-RANGE).
    return to_decimal(value, field="")


def nip_in(value: object) -> Nip:
    """A NIP as ``NipValue`` reads it."""
    if isinstance(value, Nip):
        return value
    return Nip.parse(value)  # type: ignore[arg-type]  # Nip.parse refuses non-text itself


def period_in(value: object) -> Period:
    """A period as ``PeriodValue`` reads it."""
    if isinstance(value, Period):
        return value
    return Period.parse(value)


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def date_in(value: object) -> dt.date:
    """A date as ``DateValue`` reads it."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or _DATE.fullmatch(value) is None:
        raise PydanticCustomError("date_format", "a date is written YYYY-MM-DD, e.g. 2025-12-20")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "date_format", "{value} is not a real date", {"value": value}
        ) from None


def label_reader(cls: type[Labelled]) -> Callable[[object], Labelled]:
    """A member of ``cls`` read from its code, label or synonym (``cls.parse``)."""

    def parse(value: object) -> Labelled:
        return cls.parse(value)

    return parse


def distinct(value: object, read: Callable[[Any], Any], named: Callable[[Any], str]) -> object:
    """``value`` unchanged, unless it is a mapping two of whose keys ``read`` as the same thing
    (``named`` in the message): then a :class:`SchemaError`. A key ``read`` refuses is left to
    the key's own validation."""
    if isinstance(value, Mapping):
        seen: dict[object, object] = {}
        for key in value:
            try:
                found = read(key)
            except AsnPerformanceError:
                continue  # reported by the key's own validation
            if found in seen:
                # A ValueError: pydantic keeps it, the loader raises it at the JSON path.
                raise SchemaError(
                    f"{seen[found]!r} and {key!r} both name {named(found)}",
                    value=key,
                    rule="SCHEMA-duplicate_key",
                    fix="keep one of the two entries",
                )
            seen[found] = key
    return value


def distinct_check(cls: type[Labelled]) -> Callable[[object], object]:
    """The check of ``_wire.distinct_keys``: an object whose keys name the same member of
    ``cls`` twice ("kompeten" and "Kompeten") is refused."""

    def check(value: object) -> object:
        return distinct(value, cls.parse, lambda member: repr(member.code))

    return check
