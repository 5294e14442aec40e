"""Helpers shared on purpose by the regimes' rule modules (exact and shown values, type checks).

Decision D5: a chain of formulas is computed with exact rationals, never ``float``, and each
value is stored once as a :class:`~decimal.Decimal` of 28 significant digits, half-up
(:data:`~asn_performance._kit.exact.CONTEXT`); a derived value is shown with 2 places, half-up.

The rationals of the hot paths are pairs of Python integers ``(numerator, denominator)``
(:data:`Ratio`, the denominator always positive), not :class:`fractions.Fraction`: the same
exact values at a fraction of the cost (a ``Fraction`` operation runs several Python calls, an
``isinstance`` chain and a ``gcd``). A pair need not be in lowest terms: :func:`dec_ratio` of
``(n·k, d·k)`` is the same Decimal, digit for digit, as of ``(n, d)`` (a decimal division is
correctly rounded from the exact quotient, and an exact quotient of two integers takes the
ideal exponent 0 whatever the operands). A pair is reduced (:func:`reduced`) where a result
keeps it, so that results compare equal exactly when their values are equal, as with
``Fraction``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from math import gcd
from typing import TypeAlias

from asn_performance._kit.exact import CONTEXT, quantize
from asn_performance._kit.plain import exact_text as plain
from asn_performance._kit.plain import shown_text as show
from asn_performance._kit.validate import expect, expect_each, itself

__all__ = [
    "HasValue",
    "Ratio",
    "dec",
    "dec_ratio",
    "fraction_of",
    "plain",
    "ratio_field",
    "reduced",
    "require",
    "require_each",
    "show",
]

#: An exact rational as ``(numerator, denominator)``, the denominator positive.
Ratio: TypeAlias = tuple[int, int]

_divide = CONTEXT.divide


def dec(value: Fraction) -> Decimal:
    """An exact value stored once as a Decimal: exact if it terminates within 28 significant
    digits, otherwise rounded half-up (decision D5; :data:`~asn_performance._kit.exact.CONTEXT`)."""
    return _divide(Decimal(value.numerator), Decimal(value.denominator))


def dec_ratio(numerator: int, denominator: int) -> Decimal:
    """:func:`dec` of the rational ``numerator / denominator`` (``denominator`` > 0): the same
    Decimal whether or not the pair is in lowest terms."""
    return _divide(Decimal(numerator), Decimal(denominator))


def reduced(numerator: int, denominator: int) -> Ratio:
    """The pair in lowest terms (the denominator positive, as given)."""
    g = gcd(numerator, denominator)
    return (numerator // g, denominator // g) if g > 1 else (numerator, denominator)


def ratio_field(value: Fraction | Ratio) -> Ratio:
    """The converter of a result's exact value: a ``Fraction`` (as the results took it before)
    or a ``(numerator, denominator)`` pair, kept in lowest terms."""
    if isinstance(value, tuple):
        numerator, denominator = value
        if denominator < 0:
            numerator, denominator = -numerator, -denominator
        return reduced(numerator, denominator)
    return (value.numerator, value.denominator)


def fraction_of(value: Ratio) -> Fraction:
    """The pair as a :class:`~fractions.Fraction` (for the public ``exact`` properties)."""
    return Fraction(*value)


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
