"""Tests for :mod:`asn_performance.regimes.permenpanrb_8_2021.skp` (nilai SKP, the tambahan cap).

Every expected value was worked out by hand from PermenPANRB 8/2021 Lampiran and PP 30/2019
Pasal 41 as quoted in the regulations digest §3 (the arithmetic is in a comment next to it, or
in the golden file's "working"); none was produced by running the code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance.exceptions import InputError, PlanError
from asn_performance.regimes.permenpanrb_8_2021 import (
    TAMBAHAN_CAP,
    TambahanWork,
    UtamaWork,
    assess_iki,
    assess_skp,
    skp_value,
)

D = Decimal


def test_nilai_skp_weighs_each_rhk_utama_by_its_bobot() -> None:
    # rhk-1 (40 %): 85/85 → 109 → 40 % × 109 = 43.6
    # rhk-2 (60 %): mean of 88 (95/93) and 70 (80 %) = 79 → 60 % × 79 = 47.4
    # nilai SKP = 43.6 + 47.4 = 91
    rhk1 = UtamaWork("rhk-1", 40, (assess_iki(85, 85, id="a"),))
    rhk2 = UtamaWork("rhk-2", 60, (assess_iki(95, 93, id="b"), assess_iki(100, 80, id="c")))
    result = assess_skp([rhk1, rhk2])
    assert [s.weighted for s in result.utama] == [D("43.6"), D("47.4")]
    assert result.utama[1].value == 79
    assert result.nilai_kt == 0
    assert result.value == 91


def test_tambahan_uses_the_factor_k_of_its_category() -> None:
    # Cukup (98 % → 88): k 60; 60 × 10/100 × 88/100 = 5.28
    utama = UtamaWork("rhk-1", 100, assess_iki(100, 100, id="u"))
    extra = TambahanWork("t-1", 10, assess_iki(95, 93, id="t"))
    result = assess_skp([utama], [extra])
    assert result.tambahan[0].k == 60
    assert result.nilai_kt == D("5.28")
    # 109 + 5.28 = 114.28
    assert result.value == D("114.28")


def test_the_tambahan_total_is_capped_at_10() -> None:
    assert TAMBAHAN_CAP == 10
    # 7 + 7 = 14 → 10
    assert skp_value(["100"], ["7", "7"]) == (D(100), D(10), D(110))


def test_the_utama_weights_must_sum_to_100() -> None:
    iki = assess_iki(100, 100)
    with pytest.raises(PlanError) as info:
        assess_skp([UtamaWork("a", 60, iki), UtamaWork("b", 30, iki)])
    assert info.value.rule == "8/2021-UTAMA"
    with pytest.raises(PlanError):
        assess_skp([])
    with pytest.raises(InputError):
        UtamaWork("a", 0, iki)
    with pytest.raises(InputError):
        UtamaWork("a", 100, ())
    with pytest.raises(InputError):
        TambahanWork("t", "100.5", iki)
    with pytest.raises(InputError):
        assess_skp(["rhk"])  # type: ignore[list-item]
