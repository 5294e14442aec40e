"""The PP 46/2011 and PermenPANRB 8/2021 chains on integer pairs give the exact results of the
formulas (issue 12: no ``Fraction`` in the hot paths, results unchanged).

Each test computes the formula independently here with :class:`fractions.Fraction` (the way
the chains computed before) and checks that the library stores ``dec(exact)`` (28 significant
digits, half-up), shows its 2-place half-up rounding, and keeps the exact value. The edges are
the inexact divisions: means of 3, 6 and 7 values, x / 7, ties at the third decimal place that
only an exact value rounds correctly, and capaian whose whole percent has more than 28 digits.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance._kit.exact import CONTEXT, quantize
from asn_performance.domain.plan import Direction, Target
from asn_performance.regimes import permenpanrb_8_2021 as pp30
from asn_performance.regimes import pp_46_2011 as pp46
from asn_performance.regimes._common import dec_ratio, ratio_field, reduced
from asn_performance.regimes.permenpanrb_8_2021.capaian_iki import capaian_ratio, whole_of

SETTINGS = settings(max_examples=150, deadline=None)


def dec(value: Fraction) -> Decimal:
    """The stored Decimal of an exact value (as the chains stored it with Fraction)."""
    return CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))


def decimals(low: str, high: str, places: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=Decimal(low),
        max_value=Decimal(high),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


places = st.sampled_from([0, 2, 6, 12])


@st.composite
def amounts(draw: st.DrawFn, low: str, high: str) -> Decimal:
    value: Decimal = draw(decimals(low, high, draw(places)))
    return value


# --- the integer pairs ----------------------------------------------------------------------


@SETTINGS
@given(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.integers(min_value=1, max_value=10**30),
    st.integers(min_value=1, max_value=10**20),
)
def test_a_pair_stores_the_same_decimal_in_any_terms(n: int, d: int, k: int) -> None:
    exact = Fraction(n, d)
    assert str(dec_ratio(n * k, d * k)) == str(dec(exact))
    assert reduced(n * k, d * k) == (exact.numerator, exact.denominator)
    assert ratio_field((n * k, d * k)) == ratio_field(exact) == (exact.numerator, exact.denominator)
    assert ratio_field((-n * k, -d * k)) == (exact.numerator, exact.denominator)


@SETTINGS
@given(st.integers(min_value=-(10**30), max_value=10**30), st.integers(1, 10**12))
def test_whole_of_is_half_up_away_from_zero(n: int, d: int) -> None:
    value = Fraction(n, d)
    magnitude = abs(value)
    expected = int(magnitude) + (1 if magnitude - int(magnitude) >= Fraction(1, 2) else 0)
    assert whole_of(n, d) == (expected if value >= 0 else -expected)
    assert pp30.round_capaian(value) == dec(Fraction(whole_of(n, d)))


# --- PP 46/2011 -----------------------------------------------------------------------------


def _time_cost(target: Fraction, realisation: Fraction) -> Fraction:
    if realisation == 0:
        return Fraction(0)
    base = (Fraction(176, 100) * target - realisation) / target * 100
    return base if 100 * realisation >= 76 * target else 76 - (base - 100)


@st.composite
def activities(draw: st.DrawFn) -> pp46.Activity:
    with_cost = draw(st.booleans())
    return pp46.Activity(
        "kegiatan",
        draw(amounts("0.01", "1000")),
        draw(amounts("0", "1200")),
        draw(amounts("0.01", "100")),
        draw(amounts("0", "100")),
        draw(amounts("0.01", "12")),
        draw(amounts("0", "30")),
        draw(amounts("1", "1000000000")) if with_cost else None,
        draw(amounts("0", "2000000000")) if with_cost else None,
    )


def _aspects(activity: pp46.Activity) -> list[Fraction]:
    values = [
        Fraction(activity.quantity_realisation) * 100 / Fraction(activity.quantity_target),
        Fraction(activity.quality_realisation) * 100 / Fraction(activity.quality_target),
        _time_cost(Fraction(activity.time_target), Fraction(activity.time_realisation)),
    ]
    if activity.cost_target is not None and activity.cost_realisation is not None:
        values.append(
            _time_cost(Fraction(activity.cost_target), Fraction(activity.cost_realisation))
        )
    return values


@SETTINGS
@given(
    st.lists(activities(), min_size=1, max_size=7),
    st.lists(amounts("0", "100"), min_size=6, max_size=6),
    st.booleans(),
    st.integers(min_value=0, max_value=9),
)
def test_the_pp46_chain_keeps_every_value_exact_until_it_is_shown(
    items: list[pp46.Activity], scores: list[Decimal], structural: bool, tasks: int
) -> None:
    first, second, third, fourth, fifth, sixth = scores
    behaviour = pp46.BehaviourScores(
        first, second, third, fourth, fifth, sixth if structural else None, structural=structural
    )
    skp = pp46.assess_skp(items, tugas_tambahan=tasks, kreativitas=["instansi"])
    result = pp46.work_achievement(skp, pp46.assess_behaviour(behaviour))
    values = []
    for activity, assessed in zip(items, skp.activities, strict=True):
        aspects = _aspects(activity)
        value = sum(aspects, Fraction(0)) / len(aspects)
        values.append(value)
        assert assessed.exact == value
        assert assessed.quantity == dec(aspects[0])
        assert assessed.time == dec(aspects[2])
        assert assessed.total == dec(sum(aspects, Fraction(0)))
        assert str(assessed.value) == str(dec(value))
        assert assessed.steps[-1].output == str(quantize(dec(value)))
    points = Fraction(pp46.tugas_tambahan_points(tasks)) + 6
    skp_exact = sum(values, Fraction(0)) / len(values) + points
    assert skp.exact == skp_exact
    assert str(skp.value) == str(dec(skp_exact))
    aspects = [Fraction(s) for s in scores[: 6 if structural else 5]]
    behaviour_exact = sum(aspects, Fraction(0)) / len(aspects)
    exact = skp_exact * Fraction(60, 100) + behaviour_exact * Fraction(40, 100)
    assert str(result.value) == str(dec(exact))
    assert result.value_shown == quantize(dec(exact))
    assert result.predikat is pp46.predikat_for(exact)


def test_a_mean_of_six_exactly_on_a_tie_shows_rounded_up() -> None:
    # 6 aspects summing to 457.17: the mean is exactly 76.195 (shown 76.20, not 76.19)
    scores = pp46.BehaviourScores(
        "76.19", "76.2", "76.2", "76.2", "76.19", "76.19", structural=True
    )
    result = pp46.assess_behaviour(scores)
    assert result.exact == Fraction(45717, 600)
    assert result.value == Decimal("76.195")
    assert result.value_shown == Decimal("76.20")


def test_a_mean_of_seven_that_does_not_terminate_is_stored_once_and_shown_from_it() -> None:
    # seven activities: six of value 100 and one of (1/3 × 100 + 100 + 100) / 3 = 233.33.../3
    done = pp46.Activity("a", 1, 1, 100, 100, 12, "9.12")
    third = pp46.Activity("b", 3, 1, 100, 100, 12, "9.12")
    skp = pp46.assess_skp([done] * 6 + [third])
    third_value = (Fraction(100, 3) + 200) / 3
    exact = (600 + third_value) / 7
    assert skp.exact == exact
    assert str(skp.value) == str(dec(exact))
    assert skp.value_shown == quantize(dec(exact))


def test_the_public_formulas_divide_by_a_zero_target_as_before() -> None:
    for formula in (pp46.quantity_value, pp46.quality_value, pp46.efficiency):
        with pytest.raises(ZeroDivisionError):
            formula(Decimal(0), Decimal(1))
    assert pp46.time_cost_value(Decimal(0), Decimal(0)) == 0  # not done: 0, no division
    assert pp46.within_efficiency_limit(Decimal(0), Decimal(1))
    # a negative target (outside an Activity) keeps the rational's sign
    assert pp46.quantity_value(Decimal(-4), Decimal(1)) == Decimal(-25)
    assert pp46.efficiency(Decimal(-4), Decimal(1)) == Decimal(125)


def test_a_result_still_takes_its_exact_value_as_a_fraction() -> None:
    activity = pp46.Activity("a", 3, 1, 100, 100, 12, "9.12")
    result = pp46.assess_activity(activity)
    again = pp46.ActivityResult(
        activity=activity,
        quantity=result.quantity,
        quality=result.quality,
        time_efficiency=result.time_efficiency,
        time=result.time,
        cost_efficiency=None,
        cost=None,
        total=result.total,
        value=result.value,
        steps=result.steps,
        exact=result.exact,
    )
    assert again == result
    assert again.to_dict() == result.to_dict()
    assert isinstance(again.exact, Fraction)
    assert again.exact_ratio == (result.exact.numerator, result.exact.denominator)


def test_average_exact_keeps_its_fraction_contract() -> None:
    mean, step = pp46.skp.average_exact([Fraction(171, 2), Fraction(187, 2)])
    assert mean == Fraction(179, 2)
    assert step.output == "89.50"


# --- PermenPANRB 8/2021 ---------------------------------------------------------------------


@st.composite
def indicators(draw: st.DrawFn) -> tuple[Target, Decimal, Direction, bool]:
    lower = draw(amounts("0.000001", "100000"))
    target = (
        Target.range(lower, lower + draw(amounts("0.01", "1000")))
        if draw(st.booleans())
        else Target.value(lower)
    )
    return (
        target,
        draw(amounts("0", "300000")),
        draw(st.sampled_from(list(Direction))),
        draw(st.booleans()),
    )


def _capaian(target: Target, realisation: Decimal, direction: Direction) -> Fraction:
    used = pp30.target_used(target, realisation)
    if used is None:
        return Fraction(100)
    ratio = Fraction(realisation) / Fraction(used)
    value = (2 - ratio) * 100 if direction is Direction.LOWER_IS_BETTER else ratio * 100
    return max(value, Fraction(0))


def _nilai(whole: int, max_attainable: bool) -> Fraction:
    if max_attainable and whole == 100:
        return Fraction(120)
    for band in pp30.NILAI_CAPAIAN_TABLE:
        if whole >= band.lowest:
            low = Fraction(band.value_at_lowest)
            if band.highest is None or band.highest == band.lowest:
                return low
            slope = (Fraction(band.value_at_highest) - low) / (
                Fraction(band.highest) - Fraction(band.lowest)
            )
            return low + slope * (whole - Fraction(band.lowest))
    raise AssertionError


@SETTINGS
@given(st.lists(indicators(), min_size=1, max_size=4), amounts("0", "120"), st.booleans())
def test_the_8_2021_chain_keeps_every_value_exact_until_it_is_shown(
    items: list[tuple[Target, Decimal, Direction, bool]], behaviour: Decimal, peer: bool
) -> None:
    results = []
    values = []
    for number, (target, realisation, direction, best) in enumerate(items):
        iki = pp30.assess_iki(
            target, realisation, direction=direction, max_attainable=best, id=f"i{number}"
        )
        exact = _capaian(target, realisation, direction)
        assert pp30.exact_capaian(target, realisation, direction) == exact
        assert Fraction(*capaian_ratio(target, realisation, direction)) == exact
        assert str(iki.capaian) == str(dec(exact))
        whole = whole_of(exact.numerator, exact.denominator)
        assert str(iki.capaian_percent) == str(dec(Fraction(whole)))
        value = _nilai(whole, best)
        assert iki.exact_value == value
        assert str(iki.value) == str(dec(value))
        results.append(iki)
        values.append(value)
    skp = pp30.assess_skp([pp30.UtamaWork("rhk", 100, tuple(results))])
    skp_exact = sum(values, Fraction(0)) / len(values)
    assert skp.exact == skp_exact
    assert str(skp.value) == str(dec(skp_exact))
    if skp_exact <= 130:
        kinerja = pp30.performance_value(skp, behaviour, with_peer_input=peer)
        weight = Fraction(60 if peer else 70, 100)
        exact = skp_exact * weight + Fraction(behaviour) * (1 - weight)
        assert str(kinerja.value) == str(dec(exact))
        assert kinerja.value_shown == quantize(dec(exact))
        assert kinerja.predikat is pp30.predikat_for(exact)


def test_a_capaian_of_more_than_28_digits_is_rounded_as_before() -> None:
    # 999999999999999 / 0.000000000000001 × 100 % has 32 digits: its whole percent is stored
    # rounded to 28 significant digits, as dec() did
    exact = pp30.exact_capaian("0.000000000000001", "999999999999999")
    assert exact == Fraction(999999999999999 * 10**17)
    assert str(pp30.round_capaian(exact)) == "9.999999999999990000000000000E+31"
    assert str(pp30.capaian("0.000000000000001", "999999999999999")) == str(dec(exact))


def test_a_large_whole_percent_is_stored_as_the_number_itself() -> None:
    iki = pp30.assess_iki("0.000001", "1000000", id="large")  # 10^14 %
    assert str(iki.capaian_percent) == str(dec(Fraction(10**14))) == "100000000000000"


def test_a_mean_of_three_iki_values_is_exact_until_it_is_shown() -> None:
    # 93/95 → 98 % → 88; 100 % → 109; 50 % → 41.5254237... (49/59 × 50): mean of three
    ikis = (
        pp30.assess_iki(95, 93, id="a"),
        pp30.assess_iki(100, 100, id="b"),
        pp30.assess_iki(100, 50, id="c"),
    )
    skp = pp30.assess_skp([pp30.UtamaWork("rhk", 100, ikis)])
    exact = (Fraction(88) + 109 + Fraction(49 * 50, 59)) / 3
    assert skp.exact == exact
    assert str(skp.value) == str(dec(exact))
    assert skp.value_shown == quantize(dec(exact))


def test_an_iki_result_still_takes_its_exact_values_as_fractions() -> None:
    iki = pp30.assess_iki(95, 93, id="a")
    fields = {
        name: getattr(iki, name)
        for name in (
            "id",
            "target",
            "realisation",
            "direction",
            "target_used",
            "capaian",
            "capaian_percent",
            "category",
            "value",
            "max_attainable",
            "steps",
        )
    }
    again = pp30.IkiResult(**fields, exact_capaian=Fraction(9300, 95), exact_value=iki.exact_value)
    assert again == iki
    assert again.to_dict() == iki.to_dict()
    assert again.value_ratio == (88, 1)
