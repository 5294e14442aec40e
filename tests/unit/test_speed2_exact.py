"""Issue 12 (wave 2): ``to_decimal``'s short path for a plain ``Decimal``, ``int`` or ``str``.

``to_decimal`` accepts the common inputs without building ``as_tuple()``; anything the short
path does not accept goes through ``_checked_decimal``, the full checks of the previous
release in their original order. These tests require, for generated and edge-case inputs,
the same result (value, exponent, sign, and the same object for an accepted non-zero
``Decimal``) or the same error (message, path, value, rule, fix) from ``to_decimal`` and from
the full checks alone.
"""

from __future__ import annotations

from decimal import Decimal, DefaultContext, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance._kit.exact import MAX_DIGITS, _checked_decimal, to_decimal
from asn_performance.exceptions import DecimalInputError


def _outcome(fn: object, value: object, allow_negative: bool) -> tuple[object, ...]:
    try:
        result = fn(value, field="f", allow_negative=allow_negative)  # type: ignore[operator]
    except DecimalInputError as error:
        return ("error", error.message, error.path, error.value, error.rule, error.fix)
    return ("ok", type(result), str(result), result.as_tuple())


def _same(value: object) -> None:
    for allow_negative in (True, False):
        fast = _outcome(to_decimal, value, allow_negative)
        full = _outcome(
            lambda v, *, field, allow_negative: _checked_decimal(v, field, allow_negative),
            value,
            allow_negative,
        )
        assert fast == full, value


EDGES: list[object] = [
    Decimal(0),
    Decimal("-0"),
    Decimal("0E-50"),
    Decimal("0E+50"),
    Decimal("-0.000"),
    Decimal("1E15"),
    Decimal("9.99E15"),
    Decimal("1E16"),
    Decimal("1E-15"),
    Decimal("9E-16"),
    Decimal("-1E15"),
    Decimal("-1E-15"),
    Decimal("1." + "0" * 33),  # 34 digits: accepted
    Decimal("1." + "0" * 34),  # 35 digits, all but one zero: refused (D5-RANGE)
    Decimal("1." + "0" * 32 + "1"),
    Decimal("1." + "0" * 33 + "1"),
    Decimal("9" * 16),  # adjusted 15
    Decimal("9" * 17),  # adjusted 16
    Decimal("-" + "9" * 35),
    Decimal("0.000000000000001234567890123456789012345"),
    Decimal("NaN"),
    Decimal("-NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("12.5"),
    Decimal("-12.5"),
    Decimal("100"),
    0,
    1,
    -1,
    10**16 - 1,
    10**16,
    -(10**16) + 1,
    -(10**16),
    10**40,
    True,
    False,
    0.5,
    "12.5",
    " 1_000 ",
    "-0",
    "abc",
    "١٢",
    None,
    [1],
]


class _SubDecimal(Decimal):
    pass


class _SubInt(int):
    pass


class _SubStr(str):
    pass


EDGES += [
    _SubDecimal("12.5"),
    _SubDecimal("1E20"),
    _SubInt(5),
    _SubInt(10**20),
    _SubStr("12.5"),
    _SubStr("x"),
    "NaN",
    "-Infinity",
    "1E16",
    "1E-16",
    "-0.00",
    "0E-99",
    "1." + "0" * 34,
    "-7",
    "1" * 65,
]


@pytest.mark.parametrize("value", EDGES, ids=repr)
def test_edge_cases_match_the_full_checks(value: object) -> None:
    _same(value)


@settings(max_examples=600, deadline=None)
@given(
    st.decimals(allow_nan=True, allow_infinity=True)
    | st.builds(
        lambda sign, digits, exponent: Decimal((sign, digits, exponent)),
        st.integers(0, 1),
        st.lists(st.integers(0, 9), min_size=1, max_size=MAX_DIGITS + 4).map(tuple),
        st.integers(-60, 40),
    )
)
def test_random_decimals_match_the_full_checks(value: Decimal) -> None:
    _same(value)


@settings(max_examples=300, deadline=None)
@given(st.integers(-(10**20), 10**20) | st.integers(-(10**17), 10**17) | st.integers(-5, 5))
def test_random_ints_match_the_full_checks(value: int) -> None:
    _same(value)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20) | st.from_regex(r"-?[0-9_]{0,40}(\.[0-9]{0,40})?(E-?[0-9]{1,2})?"))
def test_random_strings_match_the_full_checks(value: str) -> None:
    _same(value)


def test_an_accepted_decimal_is_returned_as_given() -> None:
    value = Decimal("12.50")
    assert to_decimal(value, field="f") is value


def test_the_callers_context_and_default_context_do_not_matter() -> None:
    # A caller's context with 3 digits and every trap would refuse 12.345 if it were used.
    with localcontext() as ctx:
        ctx.prec = 3
        ctx.traps = dict.fromkeys(ctx.traps, True)
        _same(Decimal("12.345"))
        _same(Decimal("1." + "0" * 34))
    assert DefaultContext.prec == 28


def test_hand_worked_limits() -> None:
    # 10**16 - 1 = 9,999,999,999,999,999 has 16 digits, adjusted() 15: inside the range.
    assert to_decimal(10**16 - 1, field="f") == Decimal("9999999999999999")
    # 10**16 has adjusted() 16 > 15: D5-RANGE.
    with pytest.raises(DecimalInputError) as error:
        to_decimal(10**16, field="f")
    assert error.value.rule == "D5-RANGE"
    # 1 followed by 34 zeros after the point: 35 digits > MAX_DIGITS = 34: D5-RANGE.
    with pytest.raises(DecimalInputError) as error:
        to_decimal(Decimal("1." + "0" * 34), field="f")
    assert error.value.rule == "D5-RANGE"
    assert "34 significant digits" in error.value.message
    # -5 where negatives are refused: D5-NONNEGATIVE; -0 is zero, accepted as 0.
    with pytest.raises(DecimalInputError) as error:
        to_decimal(Decimal(-5), field="f", allow_negative=False)
    assert error.value.rule == "D5-NONNEGATIVE"
    assert str(to_decimal(Decimal("-0.00"), field="f", allow_negative=False)) == "0"
