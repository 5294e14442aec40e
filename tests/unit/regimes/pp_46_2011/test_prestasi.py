"""Tests for :mod:`asn_performance.regimes.pp_46_2011.prestasi` (nilai prestasi kerja 60/40).

Every expected value was worked out by hand from the formulas of the regulations digest §4
(the arithmetic is in a comment next to it, or in the golden file's "working"); none was
produced by running the code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance._kit.exact import quantize
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import (
    AppraisalError,
    InputError,
)
from asn_performance.regimes.pp_46_2011 import (
    Activity,
    BehaviourScores,
    Pp46Predikat,
    assess_behaviour,
    assess_skp,
    work_achievement,
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


def five(value: object = "80") -> BehaviourScores:
    return BehaviourScores(value, value, value, value, value)


def test_work_achievement_is_60_percent_skp_and_40_percent_perilaku() -> None:
    # 0.6 × 85.5 + 0.4 × 70 = 51.3 + 28 = 79.3 → Baik
    result = work_achievement(assess_skp([rakor()]), assess_behaviour(five(70)))
    assert result.skp_part == D("51.3")
    assert result.behaviour_part == 28
    assert result.value == D("79.3")
    assert result.predikat is Pp46Predikat.BAIK
    assert result.predikat_2022 is Predikat.BAIK


def test_the_result_keeps_every_intermediate_value_unrounded() -> None:
    # SKP baru (100 + 100 + 96)/3 = 98.666…; mean with 85.5 = 92.08333…
    laporan = Activity("Laporan", 4, 4, 100, 100, 5, 4)
    result = work_achievement(
        [assess_skp([rakor()]), assess_skp([laporan])], assess_behaviour(five())
    )
    assert result.skp_value != quantize(result.skp_value)
    assert quantize(result.skp_value) == D("92.08")
    assert all(isinstance(v, Decimal) for v in (result.skp_value, result.value))
    assert [s.rule for s in result.steps].count("PP46-SKP-AVERAGE") == 1


def test_a_value_that_is_exactly_76_195_shows_as_76_20() -> None:
    # Kegiatan 1: kuantitas 11/10 × 100 = 110; kualitas 61.93; waktu TW 3, RW 0.67:
    #   E = 100 − 22.333… = 77.67 % > 24 → 76 − ((((1.76 × 3 − 0.67)/3) × 100) − 100)
    #   = 76 − (153.666… − 100) = 22.333… = 67/3; value (110 + 61.93 + 67/3)/3 = 58279/900.
    # Kegiatan 2: kuantitas 14/12 × 100 = 350/3; kualitas 81.42; waktu TW 5, RW 3: E = 40 %
    #   → 76 − (116 − 100) = 60; value (350/3 + 81.42 + 60)/3 = 77426/900.
    # SKP = (58279 + 77426)/1800 = 27141/360 = 75.391666…; × 60 % = 45.235
    # perilaku (63 + 82 + 67 + 75 + 100)/5 = 77.4; × 40 % = 30.96
    # nilai prestasi kerja = 45.235 + 30.96 = 76.195 → half-up 76.20 (Baik).
    # Carrying 28-digit decimals from step to step gives 76.19499… and would show 76.19.
    first = Activity("Kegiatan 1", 10, 11, 100, "61.93", 3, "0.67")
    second = Activity("Kegiatan 2", 12, 14, 100, "81.42", 5, 3)
    result = work_achievement(
        assess_skp([first, second]), assess_behaviour(BehaviourScores(63, 82, 67, 75, 100))
    )
    assert result.skp_part == D("45.235")
    assert result.value == D("76.195")
    assert result.value_shown == D("76.20")
    assert result.predikat is Pp46Predikat.BAIK


def test_work_achievement_refuses_what_is_not_a_result() -> None:
    behaviour = assess_behaviour(five())
    with pytest.raises(AppraisalError):
        work_achievement([], behaviour)
    with pytest.raises(InputError):
        work_achievement(["93.5"], behaviour)  # type: ignore[list-item]
    with pytest.raises(InputError):
        work_achievement(assess_skp([rakor()]), five())  # type: ignore[arg-type]


def test_a_buruk_result_converts_to_sangat_kurang_in_the_explanation() -> None:
    # activity not done → SKP 0; perilaku 50 → 0.4 × 50 = 20 → Buruk → Sangat Kurang
    skp = assess_skp([Activity("Tidak", 1, 0, 100, 0, 12, 0)])
    result = work_achievement(skp, assess_behaviour(five(50)))
    assert result.value == 20
    assert result.predikat is Pp46Predikat.BURUK
    last = result.steps[-1]
    assert last.rule == "PP46-TO-2022"
    assert last.output == "Sangat Kurang"
