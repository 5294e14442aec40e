"""Properties of the numeric regimes (PP 46/2011 and PermenPANRB 8/2021) and the 2022 suggestion.

* capaian IKI is monotone non-decreasing in the realisation, and non-increasing where lower
  is better; so is the nilai capaian IKI (PermenPANRB 8/2021 Lampiran, decision D13);
* every value lies in its documented range: capaian ≥ 0 %, nilai capaian IKI 0-120, the
  waktu/biaya value at most 100 and at least 0 while R ≤ 1.76 × T, a mean of 0-100 aspects in
  0-100, a nilai prestasi kerja and a nilai kinerja between their two inputs;
* every value shown equals the exact rational value rounded half-up (checked against an
  independent computation with :class:`fractions.Fraction`): no double rounding;
* Decimal in, Decimal out; a float is refused.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from asn_performance.domain.plan import Direction, Target
from asn_performance.exceptions import DecimalInputError
from asn_performance.regimes.permenpanrb_6_2022.quantitative import DEFAULT_THRESHOLDS
from asn_performance.regimes.permenpanrb_8_2021 import (
    Pp30Predikat,
    assess_iki,
    capaian,
    performance_value,
    round_capaian,
)
from asn_performance.regimes.pp_46_2011 import (
    Activity,
    BehaviourScores,
    assess_activity,
    assess_behaviour,
    assess_skp,
    efficiency,
    time_cost_value,
    within_efficiency_limit,
    work_achievement,
)

SETTINGS = settings(max_examples=100, deadline=None)


def decimals(low: str, high: str, places: int = 4) -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=Decimal(low),
        max_value=Decimal(high),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


positive = decimals("0.01", "100000", 2)
non_negative = decimals("0", "100000", 2)
score = decimals("0", "100", 2)


@st.composite
def targets(draw: st.DrawFn) -> Target:
    lower = draw(positive)
    if draw(st.booleans()):
        return Target.value(lower)
    upper = draw(decimals("0.01", "1000", 2))
    return Target.range(lower, lower + upper)


directions = st.sampled_from(list(Direction))


# --- PermenPANRB 8/2021 --------------------------------------------------------------------------


@SETTINGS
@given(targets(), non_negative, non_negative)
def test_capaian_is_monotone_in_the_realisation(target: Target, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert capaian(target, low) <= capaian(target, high)


@SETTINGS
@given(targets(), non_negative, non_negative)
def test_lower_is_better_capaian_is_monotone_the_other_way(
    target: Target, a: Decimal, b: Decimal
) -> None:
    low, high = sorted((a, b))
    lower = Direction.LOWER_IS_BETTER
    assert capaian(target, low, lower) >= capaian(target, high, lower)


@SETTINGS
@given(targets(), non_negative, non_negative, directions)
def test_nilai_capaian_iki_follows_the_realisation(
    target: Target, a: Decimal, b: Decimal, direction: Direction
) -> None:
    low, high = sorted((a, b))
    first = assess_iki(target, low, direction=direction)
    second = assess_iki(target, high, direction=direction)
    if direction is Direction.HIGHER_IS_BETTER:
        assert first.value <= second.value
        assert first.category.rank <= second.category.rank
    else:
        assert first.value >= second.value
        assert first.category.rank >= second.category.rank


@SETTINGS
@given(targets(), non_negative, directions, st.booleans())
def test_every_iki_value_lies_in_its_documented_range(
    target: Target, realisation: Decimal, direction: Direction, max_attainable: bool
) -> None:
    result = assess_iki(target, realisation, direction=direction, max_attainable=max_attainable)
    for value in (result.capaian, result.capaian_percent, result.value):
        assert isinstance(value, Decimal)
    assert result.capaian >= 0
    assert result.capaian_percent == round_capaian(result.capaian)
    assert result.capaian_percent == result.capaian_percent.to_integral_value()
    assert Decimal(0) <= result.value <= Decimal(120)
    if result.capaian_percent > 110:
        assert (result.category, result.value) == (Pp30Predikat.SANGAT_BAIK, Decimal(120))
    if result.capaian_percent < 80:
        assert result.value < 70


@SETTINGS
@given(decimals("0", "130", 2), decimals("0", "120", 2), st.booleans(), st.booleans())
def test_nilai_kinerja_lies_between_its_two_inputs(
    skp: Decimal, behaviour: Decimal, peers: bool, innovation: bool
) -> None:
    result = performance_value(skp, behaviour, with_peer_input=peers, innovation=innovation)
    assert isinstance(result.value, Decimal)
    assert min(skp, behaviour) <= result.value <= max(skp, behaviour)
    if result.predikat is Pp30Predikat.SANGAT_BAIK:
        assert innovation
        assert result.value >= 110


# --- PP 46/2011 ---------------------------------------------------------------------------------


@SETTINGS
@given(positive, non_negative)
def test_the_waktu_value_never_exceeds_100(target: Decimal, realisation: Decimal) -> None:
    value = time_cost_value(target, realisation)
    assert isinstance(value, Decimal)
    assert value <= 100
    if realisation * 100 <= target * 176:
        assert value >= 0
    if realisation.is_zero():
        assert value == 0


@SETTINGS
@given(positive, non_negative)
def test_the_efficiency_limit_is_exactly_24_percent(target: Decimal, realisation: Decimal) -> None:
    # E ≤ 24 ⇔ 100 R ≥ 76 T, checked here with the exact integer arithmetic of fractions
    assert within_efficiency_limit(target, realisation) is (
        realisation * 100 >= target * 76  # the operands have at most 2 places: exact
    )
    assert efficiency(target, target) == 0


@SETTINGS
@given(positive, score)
def test_a_realisation_up_to_the_target_keeps_kuantitas_and_kualitas_within_0_100(
    target: Decimal, share: Decimal
) -> None:
    realisation = (target * share / 100).quantize(Decimal("0.01"))
    assume(realisation <= target)
    activity = Activity("x", target, realisation, target, realisation, target, target)
    result = assess_activity(activity)
    assert Decimal(0) <= result.quantity <= 100
    assert Decimal(0) <= result.quality <= 100
    # RW = TW: E = 0 → 76, and the mean of values in [0, 100] stays in [0, 100]
    assert result.time == 76
    assert Decimal(0) <= result.value <= 100


@SETTINGS
@given(st.lists(score, min_size=5, max_size=5), st.booleans(), score)
def test_perilaku_is_a_mean_within_0_100(
    values: list[Decimal], structural: bool, leadership: Decimal
) -> None:
    scores = BehaviourScores(
        *values, kepemimpinan=leadership if structural else None, structural=structural
    )
    result = assess_behaviour(scores)
    assert isinstance(result.value, Decimal)
    assessed = [v for _, v in scores.items()]
    assert min(assessed) <= result.value <= max(assessed)
    assert result.aspects == (6 if structural else 5)


@SETTINGS
@given(score, score, st.integers(min_value=0, max_value=30))
def test_nilai_prestasi_kerja_lies_between_skp_and_perilaku(
    quality: Decimal, behaviour: Decimal, tasks: int
) -> None:
    activity = Activity("x", 1, 1, 100, quality, 12, 12)
    skp = assess_skp([activity], tugas_tambahan=tasks)
    result = work_achievement(skp, assess_behaviour(BehaviourScores(*[behaviour] * 5)))
    low, high = sorted((skp.value, behaviour))
    assert low <= result.value <= high
    assert isinstance(result.value, Decimal)


def _half_up(value: Fraction) -> Decimal:
    return Decimal(math.floor(value * 100 + Fraction(1, 2))) / 100


def _mirror_time(target: Fraction, realisation: Fraction) -> Fraction:
    if realisation == 0:
        return Fraction(0)
    base = (Fraction(176, 100) * target - realisation) / target * 100
    return base if 100 * realisation >= 76 * target else 76 - (base - 100)


@st.composite
def activities(draw: st.DrawFn) -> Activity:
    target = draw(st.integers(min_value=1, max_value=12))
    months = draw(st.sampled_from([3, 5, 6, 12]))
    return Activity(
        "x",
        target,
        draw(st.integers(min_value=0, max_value=target + 2)),
        100,
        draw(decimals("60", "100", 2)),
        months,
        draw(decimals("0.01", str(months), 2)),
    )


@SETTINGS
@given(st.lists(activities(), min_size=1, max_size=3), st.lists(score, min_size=5, max_size=5))
def test_the_value_shown_is_the_exact_value_rounded_once(
    items: list[Activity], behaviour: list[Decimal]
) -> None:
    result = work_achievement(assess_skp(items), assess_behaviour(BehaviourScores(*behaviour)))
    values = [
        (
            Fraction(a.quantity_realisation) * 100 / Fraction(a.quantity_target)
            + Fraction(a.quality_realisation)
            + _mirror_time(Fraction(a.time_target), Fraction(a.time_realisation))
        )
        / 3
        for a in items
    ]
    exact = sum(values, Fraction(0)) / len(values) * Fraction(3, 5) + sum(
        (Fraction(b) for b in behaviour), Fraction(0)
    ) / 5 * Fraction(2, 5)
    assert result.value_shown == _half_up(exact)


# --- Decimal in, Decimal out --------------------------------------------------------------------


@SETTINGS
@given(st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False))
def test_a_float_is_refused_everywhere(number: float) -> None:
    with pytest.raises(DecimalInputError):
        capaian(100, number)  # type: ignore[arg-type]
    with pytest.raises(DecimalInputError):
        Activity("x", 1, 1, 100, 100, 12, number)  # type: ignore[arg-type]
    with pytest.raises(DecimalInputError):
        performance_value(number, 90, with_peer_input=False)  # type: ignore[arg-type]


@SETTINGS
@given(decimals("0", "200", 4))
def test_the_suggestion_thresholds_are_ordered(mean: Decimal) -> None:
    rating = DEFAULT_THRESHOLDS.rating_for(mean)
    higher = DEFAULT_THRESHOLDS.rating_for(mean + 1)
    assert rating <= higher
