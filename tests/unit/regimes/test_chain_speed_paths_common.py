"""The shared helpers of the regime chains' fast paths (issue 12) give exactly what the slower
forms gave: ``dec_ratio`` is ``CONTEXT.divide`` on the integers, ``show`` is
``_kit.plain.shown_text``, ``new_step`` is the ``Step`` constructor, and ``ratio_field`` keeps a
pair in lowest terms. Numbers worked by hand are in the comments.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Context, Decimal, Inexact, localcontext
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance._kit.exact import CONTEXT
from asn_performance._kit.plain import shown_text
from asn_performance.domain.explanation import Rule, Step
from asn_performance.regimes._common import dec, dec_ratio, new_step, ratio_field, reduced, show

SETTINGS = settings(max_examples=300, deadline=None)


def _slow_dec_ratio(numerator: int, denominator: int) -> Decimal:
    """The form ``dec_ratio`` had before: both integers made Decimals first."""
    return CONTEXT.divide(Decimal(numerator), Decimal(denominator))


def test_dec_ratio_worked_by_hand() -> None:
    # 9300 / 95 = 97.894736842105263157894736842105... ; 28 significant digits, half-up:
    # 97.89473684210526315789473684 (the 29th digit is 2: rounded down)
    assert str(dec_ratio(9300, 95)) == "97.89473684210526315789473684"
    # 2 / 3 = 0.666...: 28 sixes, the 29th 6 rounds the last up to 7
    assert str(dec_ratio(2, 3)) == "0.6666666666666666666666666667"
    # an exact quotient takes the ideal exponent 0: 10 / 4 = 2.5, 100 / 4 = 25, 0 / 7 = 0
    assert str(dec_ratio(10, 4)) == "2.5"
    assert str(dec_ratio(100, 4)) == "25"
    assert str(dec_ratio(0, 7)) == "0"
    # negative: -7 / 3 = -2.333..., 28 digits
    assert str(dec_ratio(-7, 3)) == "-2.333333333333333333333333333"


@SETTINGS
@given(
    st.integers(min_value=-(10**60), max_value=10**60),
    st.integers(min_value=1, max_value=10**45),
    st.integers(min_value=1, max_value=10**6),
)
def test_dec_ratio_is_the_division_of_the_decimals(n: int, d: int, k: int) -> None:
    fast, slow = dec_ratio(n, d), _slow_dec_ratio(n, d)
    assert str(fast) == str(slow)
    assert fast.as_tuple() == slow.as_tuple()  # same digits and exponent, not only equal
    # the pair need not be in lowest terms
    assert dec_ratio(n * k, d * k).as_tuple() == slow.as_tuple()
    assert (
        dec(Fraction(n, d)).as_tuple()
        == _slow_dec_ratio(*Fraction(n, d).as_integer_ratio()).as_tuple()
    )


def test_dec_ratio_and_show_ignore_the_callers_context() -> None:
    hostile = Context(prec=2, rounding=ROUND_FLOOR, traps=[Inexact])
    with localcontext(hostile):
        assert str(dec_ratio(2, 3)) == "0.6666666666666666666666666667"
        # 28.125 shown half-up to 2 places: 28.13 (the caller's ROUND_FLOOR would give 28.12)
        assert show(Decimal("28.125")) == "28.13"


def test_show_worked_by_hand() -> None:
    # half-up at the third place: 2.675 -> 2.68, 2.674 -> 2.67, -2.675 -> -2.68 (away from 0)
    assert show(Decimal("2.675")) == "2.68"
    assert show(Decimal("2.674")) == "2.67"
    assert show(Decimal("-2.675")) == "-2.68"
    # a whole number gains its two places: 100 -> 100.00; 1E+2 -> 100.00
    assert show(Decimal(100)) == "100.00"
    assert show(Decimal("1E+2")) == "100.00"


@SETTINGS
@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15))
def test_show_is_shown_text(value: Decimal) -> None:
    assert show(value) == shown_text(value)


RULE = Rule("TEST-RULE", "A rule for the test", "nowhere")


@given(
    st.text(max_size=20),
    st.lists(st.tuples(st.text(max_size=10), st.text(max_size=10)), max_size=4),
    st.text(max_size=20),
    st.text(max_size=20),
)
def test_new_step_is_the_step_constructor(
    dimension: str, inputs: list[tuple[str, str]], output: str, note: str
) -> None:
    fields = (RULE, dimension, tuple(inputs), output, note)
    fast, slow = new_step(fields), Step(*fields)
    assert type(fast) is Step
    assert fast == slow
    assert fast.to_dict() == slow.to_dict()
    assert fast.to_dict(labels=False) == slow.to_dict(labels=False)
    assert (fast.rule, fast.dimension, fast.inputs, fast.output, fast.note) == fields
    assert fast.title == slow.title
    assert fast.citation == slow.citation


@SETTINGS
@given(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.integers(min_value=1, max_value=10**30),
    st.integers(min_value=1, max_value=10**6),
)
def test_ratio_field_is_the_pair_in_lowest_terms(n: int, d: int, k: int) -> None:
    exact = Fraction(n, d)
    lowest = (exact.numerator, exact.denominator)
    assert ratio_field((n * k, d * k)) == lowest
    assert ratio_field((-n * k, -d * k)) == lowest  # the sign moves to the numerator
    assert ratio_field(exact) == lowest
    assert reduced(n * k, d * k) == lowest


def test_ratio_field_worked_by_hand() -> None:
    # 52500 / 600: gcd 300 -> 175 / 2 (87.5 %); 6 / -4 -> -3 / 2; 0 / 5 -> 0 / 1
    assert ratio_field((52500, 600)) == (175, 2)
    assert ratio_field((6, -4)) == (-3, 2)
    assert ratio_field((0, 5)) == (0, 1)
