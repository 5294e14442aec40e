"""Tests for :mod:`asn_performance.regimes.pp_46_2011.capaian`:
the aspects of an activity, the 1.76 formula.

Every expected value was worked out by hand from the formulas of the regulations digest §4
(the arithmetic is in a comment next to it, or in the golden file's "working"); none was
produced by running the code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance._kit.exact import quantize
from asn_performance.exceptions import (
    DecimalInputError,
    InputError,
)
from asn_performance.regimes.pp_46_2011 import (
    Activity,
    Pp46Config,
    assess_activity,
    efficiency,
    time_cost_value,
    within_efficiency_limit,
)

D = Decimal


def rakor() -> Activity:
    """The activity of digest §4.6: 100, 90, 76, 76 → 85.50."""
    return Activity(
        name="Menyelenggarakan rakor",
        quantity_target=1,
        quantity_realisation=1,
        quality_target=100,
        quality_realisation=90,
        time_target=12,
        time_realisation=12,
        cost_target=170_395_000,
        cost_realisation=170_395_000,
    )


def test_the_rakor_example_scores_100_90_76_76_and_85_50() -> None:
    result = assess_activity(rakor())
    # 1/1×100; 90/100×100; (1.76×12 − 12)/12×100 = 76; same for biaya; 342 / 4 = 85.5
    assert (result.quantity, result.quality, result.time, result.cost) == (100, 90, 76, 76)
    assert result.total == 342
    assert result.value == D("85.5")
    assert result.value_shown == D("85.50")


def test_exactly_24_percent_efficiency_is_inside_the_limit_and_scores_100() -> None:
    # 9.12 / 12 = 0.76 exactly: E = 24 % → (21.12 − 9.12)/12 × 100 = 100
    assert efficiency(D(12), D("9.12")) == 24
    assert within_efficiency_limit(D(12), D("9.12"))
    assert time_cost_value(D(12), D("9.12")) == 100


def test_binary_floats_put_9_12_of_12_months_outside_the_limit_but_decimal_does_not() -> None:
    # The spreadsheet bug of digest §4.6, shown with floats; the library never uses them.
    float_efficiency = 100 - 9.12 / 12 * 100
    assert float_efficiency > 24  # 24.000000000000014
    assert time_cost_value(D(12), D("9.12")) == 100


def test_just_below_24_percent_efficiency_is_still_the_1_76_formula() -> None:
    # RW 9.13: E = 100 − 76.0833… = 23.9166… % → 176 − 76.0833… = 99.9166… → 99.92
    value = time_cost_value(D(12), D("9.13"))
    assert quantize(value) == D("99.92")


def test_just_above_24_percent_efficiency_drops_to_the_cukup_formula() -> None:
    # RW 9.11: E = 100 − 75.9166… = 24.0833… % > 24 → 76 − ((176 − 75.9166…) − 100)
    # = 76 − 0.0833… = 75.9166… → 75.92 (the formula's own discontinuity after 100)
    value = time_cost_value(D(12), D("9.11"))
    assert not within_efficiency_limit(D(12), D("9.11"))
    assert quantize(value) == D("75.92")


def test_a_late_activity_uses_the_1_76_formula_with_a_negative_efficiency() -> None:
    # TW 12, RW 15: E = 100 − 125 = −25 % ≤ 24 → (21.12 − 15)/12 × 100 = 6.12/12 × 100 = 51
    assert efficiency(D(12), D(15)) == -25
    assert time_cost_value(D(12), D(15)) == 51


def test_the_formula_as_written_goes_negative_past_1_76_times_the_target() -> None:
    # TW 12, RW 24: (21.12 − 24)/12 × 100 = −2.88/12 × 100 = −24
    activity = Activity("Terlambat", 1, 1, 100, 100, 12, 24)
    assert assess_activity(activity).time == -24
    floored = assess_activity(activity, config=Pp46Config(floor_at_zero=True))
    assert floored.time == 0


def test_without_biaya_the_activity_value_is_the_mean_of_three_aspects() -> None:
    # 100 + 90 + 96 (TW 5, RW 4) = 286; 286 / 3 = 95.333… → 95.33
    activity = Activity("Laporan", 2, 2, 100, 90, 5, 4)
    result = assess_activity(activity)
    assert result.cost is None
    assert result.cost_efficiency is None
    assert result.total == 286
    assert result.value_shown == D("95.33")
    assert [s.rule for s in result.steps] == [
        "PP46-KUANTITAS",
        "PP46-KUALITAS",
        "PP46-WAKTU",
        "PP46-KEGIATAN",
    ]


def test_an_activity_not_done_scores_0_and_the_step_says_so() -> None:
    activity = Activity("Tidak dikerjakan", 4, 0, 100, 0, 12, 0, 1_000_000, 0)
    result = assess_activity(activity)
    assert not activity.done
    assert result.value == 0
    assert "not done" in result.steps[-1].note
    assert "not done" in result.steps[2].note


def test_kuantitas_above_the_target_is_not_capped() -> None:
    # 5/4 × 100 = 125
    assert assess_activity(Activity("Lebih", 4, 5, 100, 100, 12, 12)).quantity == 125


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("quantity_target", 0),
        ("quality_target", -1),
        ("time_target", "0"),
        ("cost_target", 0),
    ],
)
def test_a_target_that_is_not_positive_is_refused_with_the_field_named(
    field: str, value: object
) -> None:
    fields: dict[str, object] = {
        "name": "x",
        "quantity_target": 1,
        "quantity_realisation": 1,
        "quality_target": 100,
        "quality_realisation": 100,
        "time_target": 12,
        "time_realisation": 12,
        "cost_target": 10,
        "cost_realisation": 10,
    }
    fields[field] = value
    with pytest.raises(InputError) as info:
        Activity(**fields)  # type: ignore[arg-type]
    assert info.value.path == field
    assert info.value.rule == "PP46-INPUT"
    assert info.value.fix


@pytest.mark.parametrize(
    "field", ["quantity_realisation", "quality_realisation", "time_realisation"]
)
def test_a_negative_realisation_is_refused_with_the_field_named(field: str) -> None:
    fields: dict[str, object] = {
        "name": "x",
        "quantity_target": 1,
        "quantity_realisation": 1,
        "quality_target": 100,
        "quality_realisation": 100,
        "time_target": 12,
        "time_realisation": 12,
    }
    fields[field] = -1
    with pytest.raises(InputError) as info:
        Activity(**fields)  # type: ignore[arg-type]
    assert info.value.path == field


def test_a_float_realisation_is_refused() -> None:
    with pytest.raises(DecimalInputError) as info:
        Activity("x", 1, 1, 100, 100, 12, 9.12)  # type: ignore[arg-type]
    assert info.value.path == "time_realisation"


def test_biaya_needs_both_its_target_and_its_realisation() -> None:
    with pytest.raises(InputError) as info:
        Activity("x", 1, 1, 100, 100, 12, 12, cost_target=10)
    assert info.value.path == "cost_realisation"
    with pytest.raises(InputError) as info:
        Activity("x", 1, 1, 100, 100, 12, 12, cost_realisation=10)
    assert info.value.path == "cost_target"
