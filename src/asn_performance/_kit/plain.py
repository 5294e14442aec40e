"""The leaves of a plain record: the one way a value becomes JSON-ready text.

Every ``to_dict()`` of the library (a domain object, an appraisal, a regime's result, a
consequence) writes a dict of ``str``, ``int``, ``bool``, ``None``, lists and dicts only, and
takes its leaves from here, so that the JSON boundary and the integrity digest
(:mod:`asn_performance.process.integrity`) see one form: decimals in plain notation
(``Decimal("0.10")`` stays ``"0.10"``, ``Decimal("1E+2")`` is ``"100"``; library decision D5:
no float ever), a labelled member or a period by its stable code, a NIP by its 18 digits, a date
in ISO form. ``None`` stays ``None`` in every function.

The functions take their argument by shape (a :class:`typing.Protocol`), not by class, so this
module imports nothing of the domain.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Protocol, overload

from asn_performance._kit.exact import EXACT, quantize

__all__ = [
    "HasCode",
    "HasDigits",
    "HasLabel",
    "code_of",
    "decimal_text",
    "digits_of",
    "exact_text",
    "iso_of",
    "label_of",
    "shown_text",
    "value_and_shown",
]


class HasCode(Protocol):
    """Anything with a stable code: a labelled member, a period."""

    @property
    def code(self) -> str:
        """The stable machine code."""
        ...


class HasLabel(Protocol):
    """Anything with an Indonesian label: a labelled member, a period."""

    @property
    def label_id(self) -> str:
        """The Indonesian label."""
        ...


class HasDigits(Protocol):
    """Anything written as its digits: a NIP."""

    @property
    def digits(self) -> str:
        """The digits."""
        ...


@overload
def decimal_text(value: Decimal) -> str: ...
@overload
def decimal_text(value: None) -> None: ...
@overload
def decimal_text(value: Decimal | None) -> str | None: ...
def decimal_text(value: Decimal | None) -> str | None:
    """A decimal in plain notation, never an exponent: ``Decimal("0.10")`` -> ``"0.10"``,
    ``Decimal("1E+2")`` -> ``"100"``; ``None`` stays ``None``."""
    return None if value is None else format(value, "f")


def exact_text(value: Decimal) -> str:
    """An exact value without trailing zeros or exponent, for an explanation:
    ``Decimal("97.50")`` -> ``"97.5"``, ``Decimal("1E+2")`` -> ``"100"``."""
    return format(value.normalize(EXACT), "f")  # EXACT never rounds an input's digits


def shown_text(value: Decimal) -> str:
    """A derived value as shown: 2 places, half-up (library decision D5): ``"85.46"``."""
    return str(quantize(value))


def value_and_shown(name: str, value: Decimal | None) -> dict[str, str | None]:
    """A value unrounded and as shown, half-up to 2 places (library decision D5):
    ``{"x": "85.458333...", "x_shown": "85.46"}``; ``None`` gives both ``None``."""
    return {
        name: decimal_text(value),
        f"{name}_shown": None if value is None else decimal_text(quantize(value)),
    }


def code_of(member: HasCode | None) -> str | None:
    """A labelled member's or a period's code; ``None`` stays ``None``."""
    return None if member is None else str(member.code)


def label_of(member: HasLabel | None) -> str | None:
    """A labelled member's or a period's Indonesian label; ``None`` stays ``None``."""
    return None if member is None else str(member.label_id)


def digits_of(nip: HasDigits | None) -> str | None:
    """A NIP's 18 digits; ``None`` stays ``None``."""
    return None if nip is None else nip.digits


def iso_of(day: date | None) -> str | None:
    """A date (or date-time) in ISO 8601 form, ``"2025-03-31"``; ``None`` stays ``None``."""
    return None if day is None else day.isoformat()
