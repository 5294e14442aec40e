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

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from functools import partial
from math import gcd
from typing import Final, TypeAlias, cast

from asn_performance._kit.exact import CONTEXT, TWO_PLACES, quantize
from asn_performance._kit.plain import exact_text as plain
from asn_performance._kit.validate import expect, expect_each, itself
from asn_performance.domain.explanation import Step

__all__ = [
    "HasValue",
    "Ratio",
    "dec",
    "dec_ratio",
    "fraction_of",
    "new_step",
    "plain",
    "ratio_field",
    "reduced",
    "require",
    "require_each",
    "show",
]

#: An exact rational as ``(numerator, denominator)``, the denominator positive.
Ratio: TypeAlias = tuple[int, int]

#: :func:`dec` of the rational ``numerator / denominator`` (``denominator`` > 0): the same
#: Decimal whether or not the pair is in lowest terms. It *is* ``CONTEXT.divide``: the context
#: converts each ``int`` operand to a Decimal exactly (whatever its number of digits) and
#: divides once, correctly rounded, so ``dec_ratio(n, d)`` is ``CONTEXT.divide(Decimal(n),
#: Decimal(d))`` digit for digit and exponent for exponent, without a Python call around it
#: (the hot paths call it dozens of times per employee; ``test_chain_speed_paths_common``).
dec_ratio: Final = CONTEXT.divide


def dec(value: Fraction) -> Decimal:
    """An exact value stored once as a Decimal: exact if it terminates within 28 significant
    digits, otherwise rounded half-up (decision D5; :data:`~asn_performance._kit.exact.CONTEXT`)."""
    return dec_ratio(value.numerator, value.denominator)


#: ``CONTEXT.quantize(value, quantum)`` is ``value.quantize(quantum, ROUND_HALF_UP, CONTEXT)``:
#: the context's own rounding is half-up; the context method parses its two operands more
#: cheaply than the Decimal method its three arguments.
_quantize = CONTEXT.quantize


def show(value: Decimal) -> str:
    """A derived value as shown: 2 places, half-up (library decision D5): ``"85.46"``.

    :func:`asn_performance._kit.plain.shown_text` in one call (the chains show each value of
    every step; ``test_chain_speed_paths_common`` checks the two agree)."""
    return str(_quantize(value, TWO_PLACES))


#: A :class:`~asn_performance.domain.explanation.Step` from its five fields in one tuple:
#: ``new_step((rule, dimension, inputs, output, note))``. ``Step`` is a ``NamedTuple`` with no
#: check of its fields, so this is the very tuple ``Step(rule, dimension, inputs, output,
#: note)`` makes (equal, same type, same ``to_dict()``), built without the Python-level
#: ``__new__`` that a ``NamedTuple`` class call runs. All five fields must be given.
new_step: Final = cast(
    "Callable[[tuple[str, str, tuple[tuple[str, str], ...], str, str]], Step]",
    partial(tuple.__new__, Step),
)


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
        # reduced(numerator, denominator), written out: every result runs this converter
        g = gcd(numerator, denominator)
        return (numerator // g, denominator // g) if g > 1 else (numerator, denominator)
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
