"""Helpers shared on purpose by the regimes' rule modules (exact and shown values, type checks).

Decision D5: a chain of formulas is computed with exact rationals
(:class:`fractions.Fraction`, never ``float``) and each value is stored once as a
:class:`~decimal.Decimal` of 28 significant digits, half-up
(:data:`~asn_performance._kit.exact.CONTEXT`); a derived value is shown with 2 places, half-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from asn_performance._kit.exact import CONTEXT, quantize
from asn_performance._kit.plain import exact_text as plain
from asn_performance._kit.plain import shown_text as show
from asn_performance._kit.validate import expect, expect_each, itself

__all__ = ["HasValue", "dec", "mean_of", "plain", "require", "require_each", "show"]


def dec(value: Fraction) -> Decimal:
    """An exact value stored once as a Decimal: exact if it terminates within 28 significant
    digits, otherwise rounded half-up (decision D5; :data:`~asn_performance._kit.exact.CONTEXT`)."""
    return CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))


def mean_of(values: Sequence[Fraction]) -> Fraction:
    """The exact arithmetic mean of one or more values."""
    return sum(values, Fraction(0)) / len(values)


class HasValue:
    """A result whose unrounded ``value`` is also shown on the form with 2 places, half-up."""

    __slots__ = ()
    value: Decimal

    @property
    def value_shown(self) -> Decimal:
        """The value as shown on the form: 2 places, half-up."""
        return quantize(self.value)


def require(value: object, kind: type, *, path: str, message: str, fix: str) -> None:
    """Refuse ``value`` unless it is a ``kind`` (an :class:`InputError` with rule ``TYPE``)."""
    expect(value, kind, path, message, fix, show=itself)


def require_each(items: Sequence[object], kind: type, *, path: str, message: str, fix: str) -> None:
    """Refuse the first item that is not a ``kind``, naming it ``path[index]``."""
    expect_each(items, kind, path=path, message=message, fix=fix, show=itself)
