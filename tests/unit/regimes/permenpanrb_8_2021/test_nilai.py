"""Tests for :mod:`asn_performance.regimes.permenpanrb_8_2021.nilai`:
kategori and nilai capaian IKI, D9.

Every expected value was worked out by hand from PermenPANRB 8/2021 Lampiran and PP 30/2019
Pasal 41 as quoted in the regulations digest §3 (the arithmetic is in a comment next to it, or
in the golden file's "working"); none was produced by running the code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance._kit.exact import quantize
from asn_performance.domain.plan import Target
from asn_performance.exceptions import InputError, LabelError
from asn_performance.regimes.permenpanrb_8_2021 import (
    NILAI_CAPAIAN_TABLE,
    Pp30Predikat,
    assess_iki,
    capaian,
    nilai_capaian,
)

D = Decimal


def test_the_lampiran_example_95_93_gives_98_percent_cukup_88() -> None:
    # 93/95 = 97.89… % → 98 % → 70 + (98 − 80) = 88
    result = assess_iki(95, 93)
    assert result.capaian_percent == 98
    assert result.category is Pp30Predikat.CUKUP
    assert result.value == 88


def test_the_lampiran_113_percent_is_not_reproduced_because_92_over_90_is_102_2() -> None:
    # Lampiran p.100 prints 113 %; 92/90 × 100 = 102.22… %: the formula is followed.
    assert quantize(capaian(Target.range(80, 90), 92)) == D("102.22")


@pytest.mark.parametrize(
    ("realisation", "whole", "category", "value"),
    [
        # > 110 %: 120
        ("111", 111, Pp30Predikat.SANGAT_BAIK, "120"),
        ("110.5", 111, Pp30Predikat.SANGAT_BAIK, "120"),
        # 110 %: 110 + 10/9 × 9 = 120
        ("110", 110, Pp30Predikat.SANGAT_BAIK, "120"),
        ("110.4", 110, Pp30Predikat.SANGAT_BAIK, "120"),
        # 101 %: 110 + 10/9 × 0 = 110
        ("101", 101, Pp30Predikat.SANGAT_BAIK, "110"),
        ("100.5", 101, Pp30Predikat.SANGAT_BAIK, "110"),
        # 100 %: 109 (D13: 100.4 and 99.5 round to 100)
        ("100.4", 100, Pp30Predikat.BAIK, "109"),
        ("100", 100, Pp30Predikat.BAIK, "109"),
        ("99.5", 100, Pp30Predikat.BAIK, "109"),
        # 99 %: 70 + 19 = 89
        ("99.4", 99, Pp30Predikat.CUKUP, "89"),
        # 80 %: 70
        ("80", 80, Pp30Predikat.CUKUP, "70"),
        # 79 %: 50 + 19 = 69
        ("79.49", 79, Pp30Predikat.KURANG, "69"),
        # 60 %: 50
        ("60", 60, Pp30Predikat.KURANG, "50"),
        # 59 %: 59/59 × 49 = 49
        ("59", 59, Pp30Predikat.SANGAT_KURANG, "49"),
        # 0 %: 0
        ("0", 0, Pp30Predikat.SANGAT_KURANG, "0"),
    ],
)
def test_capaian_is_rounded_to_a_whole_percent_then_banded(
    realisation: str, whole: int, category: Pp30Predikat, value: str
) -> None:
    result = assess_iki(100, realisation)
    assert result.capaian == D(realisation)
    assert result.capaian_percent == whole
    assert result.category is category
    assert result.value == D(value)


def test_100_percent_of_a_maximum_attainable_target_is_sangat_baik_120() -> None:
    result = assess_iki(100, 100, max_attainable=True)
    assert (result.category, result.value) == (Pp30Predikat.SANGAT_BAIK, 120)
    assert "8/2021-MAX-ATTAINABLE" in [s.rule for s in result.steps]
    # the flag changes nothing below 100 %: 90 % → 70 + 10 = 80
    assert assess_iki(100, 90, max_attainable=True).value == 80


def test_nilai_capaian_reads_a_whole_percent_only() -> None:
    with pytest.raises(InputError) as info:
        nilai_capaian(D("99.5"))
    assert info.value.rule == "D13-CAPAIAN-ROUNDING"
    assert nilai_capaian(D(105)) == (Pp30Predikat.SANGAT_BAIK, nilai_capaian(D(105))[1])
    # 110 + 10/9 × 4 = 114.444…
    assert quantize(nilai_capaian(D(105))[1]) == D("114.44")


def test_the_table_has_no_gap_between_whole_percents() -> None:
    lows = [band.lowest for band in NILAI_CAPAIAN_TABLE]
    highs = [band.highest for band in NILAI_CAPAIAN_TABLE]
    assert highs[0] is None
    for higher_low, lower_high in zip(lows, highs[1:], strict=False):
        assert lower_high is not None
        assert higher_low == lower_high + 1
    assert lows[-1] == 0


def test_iki_inputs_are_checked() -> None:
    with pytest.raises(InputError):
        assess_iki(100, 90, id=" spaced ")
    with pytest.raises(InputError):
        assess_iki(100, 90, max_attainable="yes")  # type: ignore[arg-type]
    with pytest.raises(LabelError):
        assess_iki(100, 90, direction="sideways")
    with pytest.raises(InputError):
        assess_iki(100, -1)
