"""Tests for :mod:`asn_performance.regimes.pp_46_2011.perilaku` (nilai perilaku kerja).

Every expected value was worked out by hand from the formulas of the regulations digest §4
(the arithmetic is in a comment next to it, or in the golden file's "working"); none was
produced by running the code.
"""

from __future__ import annotations

import pytest

from asn_performance.exceptions import (
    InputError,
)
from asn_performance.regimes.pp_46_2011 import (
    BehaviourScores,
    Pp46Predikat,
    assess_behaviour,
)


def test_perilaku_of_a_non_structural_employee_is_the_mean_of_five_aspects() -> None:
    # (90 + 80 + 70 + 85 + 75) / 5 = 400 / 5 = 80
    result = assess_behaviour(BehaviourScores(90, 80, 70, 85, 75))
    assert result.aspects == 5
    assert result.value == 80


def test_perilaku_of_a_structural_position_includes_kepemimpinan() -> None:
    # (80 × 5 + 50) / 6 = 450 / 6 = 75 → Cukup (75 is not > 75)
    result = assess_behaviour(BehaviourScores(80, 80, 80, 80, 80, 50, structural=True))
    assert result.aspects == 6
    assert result.value == 75
    assert result.predikat is Pp46Predikat.CUKUP


def test_kepemimpinan_is_refused_outside_a_structural_position_and_required_inside() -> None:
    with pytest.raises(InputError) as info:
        BehaviourScores(80, 80, 80, 80, 80, 80)
    assert info.value.path == "kepemimpinan"
    with pytest.raises(InputError) as info:
        BehaviourScores(80, 80, 80, 80, 80, structural=True)
    assert info.value.path == "kepemimpinan"


@pytest.mark.parametrize("value", ["100.01", -1, "-0.5"])
def test_a_behaviour_value_lies_between_0_and_100(value: object) -> None:
    with pytest.raises(InputError) as info:
        BehaviourScores(80, 80, value, 80, 80)
    assert info.value.path == "komitmen"
    assert info.value.rule == "PP46-PERILAKU"


def test_behaviour_values_of_0_and_100_are_accepted() -> None:
    # (0 + 100 + 100 + 100 + 100) / 5 = 80
    assert assess_behaviour(BehaviourScores(0, 100, 100, 100, 100)).value == 80
