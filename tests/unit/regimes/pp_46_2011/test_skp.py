"""Tests for :mod:`asn_performance.regimes.pp_46_2011.skp`:
nilai capaian SKP, tugas tambahan, kreativitas.

Every expected value was worked out by hand from the formulas of the regulations digest §4
(the arithmetic is in a comment next to it, or in the golden file's "working"); none was
produced by running the code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance._kit.exact import quantize
from asn_performance.exceptions import (
    AppraisalError,
    InputError,
    LabelError,
)
from asn_performance.regimes.pp_46_2011 import (
    Activity,
    CreativityLevel,
    Pp46Predikat,
    assess_skp,
    average_skp_values,
    creativity_points,
    tugas_tambahan_points,
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


@pytest.mark.parametrize(
    ("count", "points"),
    [(0, 0), (1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (20, 3)],
)
def test_tugas_tambahan_points_follow_decision_d7_and_0_tasks_give_0(
    count: int, points: int
) -> None:
    assert tugas_tambahan_points(count) == points


@pytest.mark.parametrize("count", [-1, True, "3", 1.0])
def test_a_tugas_tambahan_count_must_be_a_whole_number_of_at_least_0(count: object) -> None:
    with pytest.raises(InputError) as info:
        tugas_tambahan_points(count)  # type: ignore[arg-type]
    assert info.value.path == "tugas_tambahan"


def test_kreativitas_points_are_3_6_12_and_summed() -> None:
    # 3 + 6 + 12 = 21; 3 + 3 = 6
    assert creativity_points(["unit_kerja", "instansi", CreativityLevel.NASIONAL]) == 21
    assert creativity_points(["Tingkat unit kerja", "unit kerja"]) == 6
    assert creativity_points([]) == 0
    with pytest.raises(LabelError):
        creativity_points(["provinsi"])


def test_the_skp_value_is_the_mean_of_activities_plus_uncapped_points() -> None:
    # mean (85.5 + 95.333…)/2 = 90.41666…; + 3 (7 tasks) + 24 (two national) = 117.41666…
    laporan = Activity("Laporan", 2, 2, 100, 90, 5, 4)
    result = assess_skp([rakor(), laporan], tugas_tambahan=7, kreativitas=["nasional"] * 2)
    assert quantize(result.mean) == D("90.42")
    assert result.tugas_tambahan_points == 3
    assert result.kreativitas_points == 24
    assert quantize(result.value) == D("117.42")
    assert result.predikat is Pp46Predikat.SANGAT_BAIK


def test_an_skp_needs_an_activity() -> None:
    with pytest.raises(AppraisalError):
        assess_skp([])
    with pytest.raises(InputError):
        assess_skp(["rakor"])  # type: ignore[list-item]


def test_two_skps_are_averaged_by_a_simple_mean_not_by_months() -> None:
    # (85.5 + 93.5) / 2 = 89.5, whatever the months in each position
    mean, step = average_skp_values([D("85.5"), D("93.5")])
    assert mean == D("89.5")
    assert step.rule == "PP46-SKP-AVERAGE"
    with pytest.raises(AppraisalError):
        average_skp_values([])
