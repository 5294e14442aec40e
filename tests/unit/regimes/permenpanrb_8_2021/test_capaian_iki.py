"""Tests for :mod:`asn_performance.regimes.permenpanrb_8_2021.capaian_iki`:
capaian IKI, ranged targets, D13.

Every expected value was worked out by hand from PermenPANRB 8/2021 Lampiran and PP 30/2019
Pasal 41 as quoted in the regulations digest §3 (the arithmetic is in a comment next to it, or
in the golden file's "working"); none was produced by running the code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance.domain.plan import Direction, Target
from asn_performance.exceptions import DecimalInputError, InputError
from asn_performance.regimes.permenpanrb_8_2021 import (
    assess_iki,
    capaian,
    round_capaian,
    target_used,
)

D = Decimal


LOWER = Direction.LOWER_IS_BETTER


def test_capaian_of_the_lower_is_better_formula() -> None:
    # (1 + (1 − 45/50)) × 100 = 110 %
    assert capaian(50, 45, LOWER) == 110
    # (1 + (1 − 60/50)) × 100 = 80 %
    assert capaian(50, 60, "lower_is_better") == 80


@pytest.mark.parametrize("realisation", ["80", "85", "90"])
def test_a_realisation_within_a_ranged_target_meets_it(realisation: str) -> None:
    target = Target.range(80, 90)
    assert capaian(target, realisation) == 100
    assert capaian(target, realisation, LOWER) == 100
    result = assess_iki(target, realisation)
    assert result.target_used is None or result.capaian == 100
    if realisation == "85":
        assert result.target_used is None
        assert result.steps[0].rule == "8/2021-TARGET-MET"


def test_the_range_bound_is_the_upper_above_and_the_lower_below() -> None:
    target = Target.range(7, 8)
    assert target_used(target, D("6.5")) == 7
    assert target_used(target, D(9)) == 8
    assert target_used(target, D("7.5")) is None
    assert target_used(Target.value(5), D(9)) == 5


def test_a_lower_is_better_capaian_never_goes_below_0() -> None:
    # (1 + (1 − 25/10)) × 100 = −50 % → 0 % → Sangat Kurang, 0
    result = assess_iki(10, 25, direction=LOWER)
    assert result.capaian == 0
    assert result.value == 0
    assert "8/2021-CAPAIAN-FLOOR" in [s.rule for s in result.steps]


def test_a_target_of_0_gives_no_capaian() -> None:
    with pytest.raises(InputError) as info:
        capaian(0, 5)
    assert info.value.rule == "8/2021-CAPAIAN"
    # a range from 0: a realisation inside meets it, above uses the upper bound
    assert capaian(Target.range(0, 5), 3) == 100
    assert capaian(Target.range(0, 5), 6) == 120


def test_a_float_realisation_is_refused() -> None:
    with pytest.raises(DecimalInputError):
        capaian(100, 99.5)  # type: ignore[arg-type]


def test_the_d13_rounding_is_recorded_as_a_step() -> None:
    result = assess_iki(100, "99.5")
    step = next(s for s in result.steps if s.rule == "D13-CAPAIAN-ROUNDING")
    assert step.output == "100 %"
    assert ("capaian", "99.5 %") in step.inputs


def test_round_capaian_is_half_up() -> None:
    assert round_capaian(D("99.5")) == 100
    assert round_capaian(D("98.5")) == 99  # half-even would give 98
    assert round_capaian(D("100.4")) == 100
    assert round_capaian(D("100.49999")) == 100
