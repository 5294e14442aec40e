"""Tests for :mod:`asn_performance._kit.exact`: exact input and the one half-up rounding (D5).

Expected values are worked out by hand: 28.125 half-up to 2 places is 28.13 (the PerBKN 3/2023
angka kredit example, 37.5 × 75 %), where Python's ``round()`` (half-even on the binary float)
gives 28.12.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest

from asn_performance import Target
from asn_performance._kit.exact import CONTEXT, TWO_PLACES, WHOLE, quantize, to_decimal
from asn_performance.exceptions import AsnPerformanceError, DecimalInputError, InputError


def _refused(value: object, rule: str = "D5-EXACT", **kwargs: bool) -> DecimalInputError:
    with pytest.raises(DecimalInputError) as info:
        to_decimal(value, field="target.lower", **kwargs)
    error = info.value
    assert error.rule == rule
    assert error.path == "target.lower"
    assert error.value is value
    assert error.fix
    return error


# --- refused input ---------------------------------------------------------------------------


def test_a_binary_float_is_refused_because_point_one_is_not_one_tenth() -> None:
    error = _refused(0.1)
    assert "0.1" in str(error)
    assert "float" in error.message


def test_a_whole_valued_float_is_refused_too() -> None:
    _refused(3.0)


def test_a_bool_is_refused_although_it_is_an_int() -> None:
    _refused(True)
    _refused(False)


@pytest.mark.parametrize("text", ["NaN", "nan", "sNaN", "inf", "-Infinity"])
def test_nan_and_infinity_are_refused_as_text(text: str) -> None:
    error = _refused(text)
    assert "finite" in error.message


def test_a_nan_decimal_is_refused() -> None:
    _refused(Decimal("NaN"))


def test_an_infinite_decimal_is_refused() -> None:
    _refused(Decimal("Infinity"))


@pytest.mark.parametrize("text", ["abc", "", "12,5", "1.2.3", "12 %"])
def test_text_that_is_not_a_number_is_refused(text: str) -> None:
    error = _refused(text)
    assert repr(text) in str(error)


def test_a_number_of_more_than_64_characters_is_refused() -> None:
    error = _refused("1" + "0" * 64)
    assert "64" in error.message


def test_a_number_of_exactly_64_characters_is_not_refused_for_its_length() -> None:
    # 64 characters, value 1e-62 in magnitude: refused, but for its range, not its length.
    _refused("0." + "0" * 61 + "1", rule="D5-RANGE")


@pytest.mark.parametrize("value", ["1e16", 10**16, Decimal("1E+16"), "1e-16", "-1e16"])
def test_a_quantity_beyond_1e15_in_magnitude_is_refused(value: object) -> None:
    _refused(value, rule="D5-RANGE")


def test_an_object_of_another_type_is_refused_with_its_type_named() -> None:
    error = _refused([1])
    assert "list" in error.message


def test_a_negative_value_is_refused_when_negatives_are_not_allowed() -> None:
    error = _refused("-1", rule="D5-NONNEGATIVE", allow_negative=False)
    assert "negative" in error.message


def test_a_negative_int_is_refused_when_negatives_are_not_allowed() -> None:
    _refused(-5, rule="D5-NONNEGATIVE", allow_negative=False)


def test_the_error_family_lets_generic_handlers_catch_it() -> None:
    with pytest.raises(ValueError, match="float"):
        to_decimal(0.5, field="x")
    with pytest.raises(TypeError):
        to_decimal(0.5, field="x")
    assert issubclass(DecimalInputError, InputError)
    assert issubclass(DecimalInputError, AsnPerformanceError)


# --- accepted input --------------------------------------------------------------------------


def test_a_numeric_string_is_accepted_exactly() -> None:
    assert to_decimal("12.5", field="x") == Decimal("12.5")
    assert str(to_decimal("12.5", field="x")) == "12.5"


def test_surrounding_spaces_and_digit_underscores_are_accepted() -> None:
    assert to_decimal("  95 ", field="x") == Decimal(95)
    assert to_decimal("1_000", field="x") == Decimal(1000)


def test_an_int_is_accepted() -> None:
    result = to_decimal(3, field="x")
    assert isinstance(result, Decimal)
    assert result == Decimal(3)


def test_a_decimal_is_returned_unchanged() -> None:
    value = Decimal("0.10")
    assert to_decimal(value, field="x") is value


def test_a_negative_value_is_accepted_when_negatives_are_allowed() -> None:
    assert to_decimal("-2.5", field="x") == Decimal("-2.5")


def test_negative_zero_counts_as_zero_and_is_not_refused_as_negative() -> None:
    result = to_decimal("-0", field="x", allow_negative=False)
    assert result == 0
    assert not result.is_signed()


def test_zero_with_a_huge_exponent_is_zero_and_not_out_of_range() -> None:
    assert to_decimal("0E-100", field="x") == 0


def test_the_bounds_of_the_range_are_accepted() -> None:
    assert to_decimal("1e15", field="x") == Decimal(10**15)
    assert to_decimal("1e-15", field="x") == Decimal("0.000000000000001")


# --- rounding --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected", "python_round"),
    [
        ("28.125", "28.13", 28.12),  # 37.5 × 75 % (Ahli Madya, Butuh Perbaikan): digest §11 ex. 8
        ("5.625", "5.63", 5.62),  # 3.75 × 150 % (Pemula, Sangat Baik): digest §5.2
        ("3.125", "3.13", 3.12),  # 12.5 × 25 % (Mahir, Sangat Kurang)
    ],
)
def test_quantize_rounds_half_up_where_python_round_would_not(
    value: str, expected: str, python_round: float
) -> None:
    result = quantize(Decimal(value))
    assert str(result) == expected
    assert round(float(value), 2) == python_round  # what the library must not do


def test_quantize_rounds_half_up_away_from_zero_for_negatives() -> None:
    assert quantize(Decimal("-2.345")) == Decimal("-2.35")


def test_quantize_to_whole_rupiah_rounds_half_up() -> None:
    assert quantize(Decimal("2329990.5"), WHOLE) == Decimal(2329991)
    assert quantize(Decimal("2329990.25"), WHOLE) == Decimal(2329990)


def test_quantize_pads_to_two_places() -> None:
    assert str(quantize(Decimal(2))) == "2.00"
    assert quantize(Decimal("0.005")) == TWO_PLACES


def test_quantize_does_not_depend_on_the_global_context() -> None:
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_DOWN
        ctx.prec = 3
        assert quantize(Decimal("28.125")) == Decimal("28.13")


@pytest.mark.parametrize("text", ["abc", "12,5", "", "1.2.3"])
def test_text_that_is_not_a_number_is_named_so_when_the_caller_traps_nothing(text: str) -> None:
    """Reproduces (issue 10 §6): with the caller's ``InvalidOperation`` trap off,
    ``Decimal("abc")`` is a NaN rather than an error, and ``to_decimal`` refused it as "not
    finite" instead of "not a number": the text was parsed in the caller's context."""
    with decimal.localcontext(decimal.Context(traps=[])), pytest.raises(DecimalInputError) as info:
        to_decimal(text, field="target")
    assert info.value.message == "not a number"
    assert info.value.rule == "D5-EXACT"
    assert info.value.path == "target"


def test_text_is_read_exactly_whatever_the_callers_precision() -> None:
    # 34 significant digits (MAX_DIGITS), read at a caller's precision of 1: kept, every digit.
    text = "123456789.1234567890123456789012345"
    with decimal.localcontext(decimal.Context(prec=1, rounding=decimal.ROUND_FLOOR, traps=[])):
        result = to_decimal(text, field="x")
    assert str(result) == text


def test_quantize_does_not_depend_on_a_trapping_or_narrow_context() -> None:
    # 37.6544 half-up to 2 places is 37.65; 1639496.64 half-up to whole rupiah is 1639497.
    narrow = decimal.Context(
        prec=1, Emax=3, Emin=-3, traps=[decimal.Inexact, decimal.Rounded, decimal.Overflow]
    )
    with decimal.localcontext(narrow):
        assert str(quantize(Decimal("37.6544"))) == "37.65"
        assert str(quantize(Decimal("1639496.64"), WHOLE)) == "1639497"


def test_the_library_context_is_half_up_with_28_digits() -> None:
    assert CONTEXT.rounding == decimal.ROUND_HALF_UP
    assert CONTEXT.prec == 28


# --- bad input: a library error, never a crash nor a silent pass ---


def test_non_ascii_digits_are_refused_in_numbers() -> None:
    with pytest.raises(DecimalInputError):
        Target("١٢")


def test_a_bool_quantity_says_true_or_false_is_not_a_number() -> None:
    with pytest.raises(DecimalInputError) as caught:
        Target(True)  # type: ignore[arg-type]
    assert "not True or False" in str(caught.value)
