"""Exact numbers and the one place where rounding happens.

Decision D5 of this library (``docs/explanation/decisions.md``): quantities are
:class:`decimal.Decimal` throughout, never ``float``. Full precision is carried through every
computation; a value is quantized once, where it is shown or paid, with ``ROUND_HALF_UP``
(scores and angka kredit to 2 places, rupiah to whole rupiah).

The caller's decimal context is never used, here or anywhere in the package: an operator on
``Decimal`` values (``a - b``, ``sum()``, ``value.quantize(q)`` without a context) would run in
whatever context the calling program installed (a precision of 2, ``ROUND_FLOOR``, traps on
``Inexact``). Every operation names :data:`CONTEXT` (``CONTEXT.subtract(a, b)``) or, for an
exact decision, :data:`EXACT`; text is read with ``Decimal(text, CONTEXT)``. Neither context is
ever installed (``tests/unit/test_caller_context.py``).
"""

from __future__ import annotations

from decimal import (
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
)
from typing import Final

from asn_performance.exceptions import DecimalInputError

__all__ = [
    "CONTEXT",
    "EXACT",
    "TWO_PLACES",
    "WHOLE",
    "quantize",
    "quotient_shown",
    "to_decimal",
]

#: The decimal context used for every computation: 28 significant digits (Python's default,
#: far beyond any regulation's need) and half-up rounding. Passed explicitly, never installed.
CONTEXT: Final = Context(prec=28, rounding=ROUND_HALF_UP)

#: A context for decisions that must be exact (sums and products of inputs compared with a
#: threshold): ample precision, and any rounding raises instead of passing silently.
EXACT: Final = Context(
    prec=1000,
    rounding=ROUND_HALF_UP,
    traps=[Inexact, InvalidOperation, Overflow, DivisionByZero],
)

#: The most significant digits a quantity may have (as many as an IEEE decimal128).
MAX_DIGITS: Final = 34

#: Quantum for scores and angka kredit (2 decimal places).
TWO_PLACES: Final = Decimal("0.01")
#: Quantum for rupiah amounts.
WHOLE: Final = Decimal("1")


#: A context that only counts digits: :meth:`~decimal.Context.plus` in it raises ``Rounded``
#: exactly when a finite value has more than :data:`MAX_DIGITS` digits in its coefficient
#: (``Rounded`` is signalled even when only zeros are dropped, as ``len(as_tuple().digits)``
#: counts them). Every setting is given, so that a changed ``decimal.DefaultContext`` cannot
#: reach it; it is never installed and its result is never used.
_DIGITS: Final = Context(
    prec=MAX_DIGITS,
    rounding=ROUND_HALF_UP,
    Emax=999_999,
    Emin=-999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[Rounded],
)
#: The bound on an int's magnitude (``abs(adjusted()) <= 15``: fewer than 10**16).
_INT_LIMIT: Final = 10**16


def to_decimal(value: object, *, field: str, allow_negative: bool = True) -> Decimal:
    """Convert ``value`` to a finite :class:`~decimal.Decimal` or raise a clear error.

    Accepted: ``Decimal``, ``int`` and strings such as ``"95"`` or ``"12.5"``. Refused:
    ``float`` (binary floats cannot hold most decimal fractions: ``0.1`` is not one tenth),
    ``bool``, NaN and infinity, and, when ``allow_negative`` is false, negative values.

    Rule D5 (library decision): exact arithmetic everywhere.

    The common inputs, a plain ``Decimal``, ``int`` or ``str`` that passes every check, take
    a short path with the same checks in cheaper form (issue 12). Text is parsed as the full
    path parses it (:func:`_from_text`, the same errors), then checked as a ``Decimal``: a
    finite zero is always accepted (its coefficient has one digit, the range does not apply,
    and ``-0`` is not below zero);
    a non-zero finite ``Decimal`` when ``abs(adjusted()) <= 15``, its sign allows it
    (``is_signed()`` is ``value < 0`` for a non-zero value) and :data:`_DIGITS` counts at most
    :data:`MAX_DIGITS` digits; an ``int`` (not ``bool``: ``type`` is exactly ``int``) when
    ``abs(value) < 10**16``, which is its range and implies at most 16 digits. Everything
    else, every refusal included, goes through :func:`_checked_decimal`, the full checks in
    their original order, so each error is the same. ``tests/unit/test_speed2_exact.py``
    compares both on random and edge-case inputs.
    """
    if type(value) is Decimal:
        number = value
    elif type(value) is str:
        number = _from_text(value, field)  # the full path's own parse, with its errors
    elif type(value) is int and -_INT_LIMIT < value < _INT_LIMIT and (allow_negative or value >= 0):
        return Decimal(value)
    else:
        return _checked_decimal(value, field, allow_negative)
    if number.is_finite():
        if not number:
            return Decimal(0)
        if -15 <= number.adjusted() <= 15 and (allow_negative or not number.is_signed()):
            try:
                _DIGITS.plus(number)
            except Rounded:
                pass  # more than MAX_DIGITS digits: the full checks give the error
            else:
                return number
    return _checked_decimal(value, field, allow_negative)


def _checked_decimal(value: object, field: str, allow_negative: bool) -> Decimal:
    """The full conversion and checks of :func:`to_decimal`, in their original order."""
    if isinstance(value, bool):
        raise DecimalInputError(
            "a quantity must be a number, not True or False",
            path=field,
            value=value,
            rule="D5-EXACT",
            fix="pass a number such as Decimal('1') or the string '1'",
        )
    if isinstance(value, float):
        raise DecimalInputError(
            "a quantity must be exact, not a binary float",
            path=field,
            value=value,
            rule="D5-EXACT",
            fix=f"pass Decimal({str(value)!r}) or the string {str(value)!r}",
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        result = _from_text(value, field)
    else:
        raise DecimalInputError(
            f"a quantity must be a Decimal, int or numeric string, not {type(value).__name__}",
            path=field,
            value=value,
            rule="D5-EXACT",
            fix="pass a Decimal or a numeric string",
        )
    if not result.is_finite():
        raise DecimalInputError(
            "a quantity must be finite (not NaN or infinity)",
            path=field,
            value=value,
            rule="D5-EXACT",
            fix="give a finite number",
        )
    if len(result.as_tuple().digits) > MAX_DIGITS:
        raise DecimalInputError(
            f"a quantity may have at most {MAX_DIGITS} significant digits",
            path=field,
            value=value,
            rule="D5-RANGE",
            fix="round the value to fewer digits; no appraisal quantity needs more",
        )
    if not result.is_zero() and abs(result.adjusted()) > 15:
        raise DecimalInputError(
            "a quantity must lie between 1e-15 and 1e15 in magnitude (or be zero)",
            path=field,
            value=value,
            rule="D5-RANGE",
            fix="check the unit of the value; no appraisal quantity is this large or small",
        )
    if not allow_negative and result < 0:
        raise DecimalInputError(
            "a quantity here may not be negative",
            path=field,
            value=value,
            rule="D5-NONNEGATIVE",
            fix="give zero or a positive number",
        )
    if result.is_zero():
        return Decimal(0)
    return result


def _from_text(value: str, field: str) -> Decimal:
    """Parse numeric text (ASCII digits only, at most 64 characters)."""
    text = value.strip().replace("_", "")
    if not text.isascii():
        raise DecimalInputError(
            "a number is written with the digits 0-9",
            path=field,
            value=value,
            rule="D5-EXACT",
            fix="write the number with ASCII digits and a decimal point, e.g. '12.5'",
        )
    if len(text) > 64:
        raise DecimalInputError(
            "a number may have at most 64 characters",
            path=field,
            value=value,
            rule="D5-EXACT",
            fix="shorten the number",
        )
    try:
        # The library's context, not the caller's: a caller that does not trap
        # InvalidOperation would get a NaN here instead of the error below.
        return Decimal(text, CONTEXT)
    except InvalidOperation:
        raise DecimalInputError(
            "not a number",
            path=field,
            value=value,
            rule="D5-EXACT",
            fix="write the number with digits and a decimal point, e.g. '12.5'",
        ) from None


def quantize(value: Decimal, quantum: Decimal = TWO_PLACES) -> Decimal:
    """Round ``value`` once, for display or payment: ``ROUND_HALF_UP`` to ``quantum``.

    Library decision D5; the angka kredit tables of PerBKN 3/2023 (e.g. 37.5 × 75 % = 28.125 →
    28.13) are printed half-up, which Python's ``round()`` (half-even) would get wrong.
    """
    return value.quantize(quantum, ROUND_HALF_UP, CONTEXT)


#: Half of :data:`TWO_PLACES`: how far a value rounded up to 2 places lies above a midpoint.
_HALF_CENT: Final = Decimal("0.005")


def quotient_shown(numerator: Decimal | int, denominator: Decimal | int) -> Decimal:
    """``numerator / denominator`` rounded ONCE to 2 places, half-up (decision D5), for a
    non-negative numerator and a positive denominator.

    The quick way divides in :data:`CONTEXT` (28 digits) and quantizes; that rounds twice, and
    the second rounding can be wrong when the first lands exactly on a midpoint (a true
    0.004999...9 % rounded to 0.005 at 28 digits, then to 0.01). That case is recognised (the
    2-place value lies exactly half a cent above the 28-digit one, and that one is not the
    exact quotient) and recomputed exactly, as is a quotient too large for 28 digits at 2
    places (which would otherwise raise ``InvalidOperation``). Found in review, 2026-12-05.
    """
    try:
        first = CONTEXT.divide(numerator, denominator)
        shown = first.quantize(TWO_PLACES, ROUND_HALF_UP, CONTEXT)
    except InvalidOperation:
        return _exact_quotient_shown(numerator, denominator)
    if (
        CONTEXT.subtract(shown, first) == _HALF_CENT
        and EXACT.multiply(first, denominator) != numerator
    ):
        return _exact_quotient_shown(numerator, denominator)
    return shown


def _exact_quotient_shown(numerator: Decimal | int, denominator: Decimal | int) -> Decimal:
    """:func:`quotient_shown` in whole numbers: exact at any size, never a context."""
    nn, nd = numerator.as_integer_ratio()
    dn, dd = denominator.as_integer_ratio()
    top, bottom = nn * dd * 100, nd * dn
    if bottom < 0:
        top, bottom = -top, -bottom
    cents = (2 * abs(top) + bottom) // (2 * bottom)
    return Decimal((int(top < 0 and cents != 0), tuple(int(c) for c in str(cents)), -2))
