"""``_kit.exact.quotient_shown``: a quotient rounded once to 2 places, half-up (decision D5).

Found in review (2026-12-05): the capaian of PermenPANRB 6/2022 was divided in the 28-digit
context and then quantized, two roundings; and a quotient too large for 28 digits at 2 places
raised a bare ``decimal.InvalidOperation``.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from asn_performance._kit.exact import quotient_shown


def _by_hand(n: Fraction) -> Decimal:
    # half-up to hundredths of a non-negative rational: floor(100 n + 1/2) / 100
    cents = int(n * 100 + Fraction(1, 2))
    return Decimal(cents).scaleb(-2, decimal.Context(prec=100))


def test_worked_examples() -> None:
    assert quotient_shown(Decimal("9"), Decimal("12")) == Decimal("0.75")
    # 2/3 = 0.6666... -> 0.67; 1/8 = 0.125 -> 0.13 (half-up, not half-even)
    assert quotient_shown(2, 3) == Decimal("0.67")
    assert quotient_shown(1, 8) == Decimal("0.13")
    assert str(quotient_shown(Decimal("912"), Decimal("12"))) == "76.00"


def test_a_value_just_below_a_midpoint_is_rounded_once() -> None:
    # 0.005 / 1.000000000000000000000000000001 = 0.004999999999999999999999999999995...
    # At 28 digits that is 0.005000000000000000000000000000 (a midpoint), which a second
    # rounding took up to 0.01; rounded once it is 0.00.
    u = Decimal("1.000000000000000000000000000001")
    assert quotient_shown(Decimal("0.005"), u) == Decimal("0.00")
    # Exactly on the midpoint, half-up goes up.
    assert quotient_shown(Decimal("0.005"), Decimal(1)) == Decimal("0.01")


def test_a_quotient_beyond_28_digits_is_exact_not_an_error() -> None:
    # 999999999999999 / 1e-15 x 100 % = 9.99999999999999e31
    value = quotient_shown(Decimal("99999999999999900"), Decimal("1e-15"))
    assert value == Decimal("99999999999999900000000000000000.00")
    assert value.as_tuple().exponent == -2


def test_the_callers_context_is_not_used() -> None:
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        assert quotient_shown(2, 3) == Decimal("0.67")
        assert quotient_shown(Decimal("0.005"), Decimal("1.000000000000000000000000000001")) == 0


@given(
    st.decimals(min_value=0, max_value=Decimal("1e15"), places=20, allow_nan=False),
    st.decimals(min_value=Decimal("1e-15"), max_value=Decimal("1e15"), places=20, allow_nan=False),
)
def test_equals_the_rational_rounded_by_hand(n: Decimal, d: Decimal) -> None:
    expected = _by_hand(Fraction(n) / Fraction(d))
    got = quotient_shown(n, d)
    assert got == expected
    assert got.as_tuple().exponent == -2
