"""Tests for :mod:`asn_performance.regimes.pp_46_2011.config` (the D7 configuration).

Every expected value was worked out by hand from the formulas of the regulations digest §4
(the arithmetic is in a comment next to it, or in the golden file's "working"); none was
produced by running the code.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from asn_performance.exceptions import (
    PolicyError,
)
from asn_performance.regimes.pp_46_2011 import (
    Activity,
    Pp46Config,
    assess_skp,
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


def test_an_agency_may_configure_the_points_and_a_cap() -> None:
    config = Pp46Config(
        tugas_tambahan_tiers=((5, D(2)), (1, D("0.5"))),
        creativity_points={"unit_kerja": 1, "instansi": 2, "nasional": 4},
        skp_cap=100,
    )
    # 85.5 + 0.5 (2 tasks) + 4 = 90; 85.5 + 2 (5 tasks) + 4 × 4 = 103.5 → capped 100
    assert (
        assess_skp([rakor()], tugas_tambahan=2, kreativitas=["nasional"], config=config).value == 90
    )
    capped = assess_skp([rakor()], tugas_tambahan=5, kreativitas=["nasional"] * 4, config=config)
    assert capped.value == 100
    assert "capped" in capped.steps[-2].note


@pytest.mark.parametrize(
    "bad",
    [
        {"tugas_tambahan_tiers": ()},
        {"tugas_tambahan_tiers": ((1, D(1)), (4, D(2)))},
        {"tugas_tambahan_tiers": ((0, D(1)),)},
        {"tugas_tambahan_tiers": ((4, 2),)},
        {"creativity_points": {"unit_kerja": 3}},
        {"creativity_points": [("unit_kerja", 3)]},
        {"skp_cap": 0},
    ],
)
def test_an_inconsistent_configuration_is_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(PolicyError):
        Pp46Config(**bad)
