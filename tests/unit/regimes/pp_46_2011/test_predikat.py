"""Tests for :mod:`asn_performance.regimes.pp_46_2011.predikat`:
the D6 bands and the conversion to 2022.

Every expected value was worked out by hand from the formulas of the regulations digest §4
(the arithmetic is in a comment next to it, or in the golden file's "working"); none was
produced by running the code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import (
    LabelError,
)
from asn_performance.regimes.pp_46_2011 import (
    TO_2022,
    Activity,
    BehaviourScores,
    Pp46Predikat,
    assess_behaviour,
    assess_skp,
    predikat_for,
    to_2022,
    work_achievement,
)

D = Decimal


@pytest.mark.parametrize(
    ("value", "predikat"),
    [
        ("100", Pp46Predikat.SANGAT_BAIK),
        ("90.01", Pp46Predikat.SANGAT_BAIK),
        ("90", Pp46Predikat.BAIK),
        ("75.01", Pp46Predikat.BAIK),
        ("75", Pp46Predikat.CUKUP),
        ("60.01", Pp46Predikat.CUKUP),
        ("60", Pp46Predikat.KURANG),
        ("50.01", Pp46Predikat.KURANG),
        ("50", Pp46Predikat.BURUK),
        ("49.99", Pp46Predikat.BURUK),
        ("0", Pp46Predikat.BURUK),
    ],
)
def test_the_bands_of_decision_d6_at_every_threshold(value: str, predikat: Pp46Predikat) -> None:
    assert predikat_for(D(value)) is predikat


def test_the_exact_value_is_banded_and_the_step_says_so_when_the_shown_value_differs() -> None:
    # 60 % × 100 + 40 % × 75.01 = 60 + 30.004 = 90.004 > 90 → Sangat Baik, shown 90.00
    skp = assess_skp([Activity("Sempurna", 1, 1, 100, 100, "12", "9.12")])
    # kuantitas 100, kualitas 100, waktu 100 → 100
    assert skp.value == 100
    behaviour = assess_behaviour(BehaviourScores("75.01", "75.01", "75.01", "75.01", "75.01"))
    result = work_achievement(skp, behaviour)
    assert result.value == D("90.004")
    assert result.value_shown == D("90.00")
    assert result.predikat is Pp46Predikat.SANGAT_BAIK
    predikat_step = next(
        s for s in result.steps if s.rule == "PP46-PREDIKAT" and s.dimension == "predikat"
    )
    assert "exact value" in predikat_step.note


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (Pp46Predikat.SANGAT_BAIK, Predikat.SANGAT_BAIK),
        (Pp46Predikat.BAIK, Predikat.BAIK),
        (Pp46Predikat.CUKUP, Predikat.BUTUH_PERBAIKAN),
        (Pp46Predikat.KURANG, Predikat.KURANG),
        (Pp46Predikat.BURUK, Predikat.SANGAT_KURANG),
    ],
)
def test_old_predikat_convert_to_the_2022_scale(old: Pp46Predikat, new: Predikat) -> None:
    assert to_2022(old) is new
    assert TO_2022[old] is new


def test_pp46_predikat_labels_parse_whole_words_only() -> None:
    assert Pp46Predikat.parse("Cukup") is Pp46Predikat.CUKUP
    assert Pp46Predikat.parse("baik") is Pp46Predikat.BAIK
    assert Pp46Predikat.parse("Sangat Baik") is Pp46Predikat.SANGAT_BAIK
    assert Pp46Predikat.BURUK.label_en == "Bad"
    assert Pp46Predikat.SANGAT_BAIK.rank > Pp46Predikat.BURUK.rank
    with pytest.raises(LabelError):
        Pp46Predikat.parse("Butuh Perbaikan")
