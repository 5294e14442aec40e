"""Tests for :mod:`asn_performance.regimes.permenpanrb_8_2021.predikat`:
nilai kinerja and the Pasal 41(5) predikat.

Every expected value was worked out by hand from PermenPANRB 8/2021 Lampiran and PP 30/2019
Pasal 41 as quoted in the regulations digest §3 (the arithmetic is in a comment next to it, or
in the golden file's "working"); none was produced by running the code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError
from asn_performance.regimes.permenpanrb_8_2021 import (
    Pp30Predikat,
    UtamaWork,
    assess_iki,
    assess_skp,
    performance_value,
    predikat_for,
    to_2022,
)

D = Decimal


def test_without_peer_input_the_weights_are_70_30_and_with_it_60_40() -> None:
    # Pasal 41(3): 0.7 × 100 + 0.3 × 90 = 97; Pasal 41(4): 0.6 × 100 + 0.4 × 90 = 96
    without = performance_value(100, 90, with_peer_input=False)
    with_peers = performance_value(100, 90, with_peer_input=True)
    assert (without.skp_weight, without.behaviour_weight, without.value) == (70, 30, 97)
    assert (with_peers.skp_weight, with_peers.behaviour_weight, with_peers.value) == (60, 40, 96)
    assert "41(4)" in with_peers.steps[0].note
    assert "41(3)" in without.steps[0].note


def test_the_weighting_choice_is_required_and_must_be_a_bool() -> None:
    with pytest.raises(TypeError):
        performance_value(100, 90)  # type: ignore[call-arg]
    with pytest.raises(InputError):
        performance_value(100, 90, with_peer_input="no")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "innovation", "predikat"),
    [
        ("120", True, Pp30Predikat.SANGAT_BAIK),
        ("110", True, Pp30Predikat.SANGAT_BAIK),
        ("110", False, Pp30Predikat.BAIK),
        ("109.99", True, Pp30Predikat.BAIK),
        ("90", False, Pp30Predikat.BAIK),
        ("89.99", False, Pp30Predikat.CUKUP),
        ("70", False, Pp30Predikat.CUKUP),
        ("69.99", False, Pp30Predikat.KURANG),
        ("50", False, Pp30Predikat.KURANG),
        ("49.99", False, Pp30Predikat.SANGAT_KURANG),
        ("0", True, Pp30Predikat.SANGAT_KURANG),
    ],
)
def test_the_predikat_of_pasal_41_5_at_every_threshold(
    value: str, innovation: bool, predikat: Pp30Predikat
) -> None:
    assert predikat_for(D(value), innovation=innovation) is predikat


def test_performance_value_keeps_the_skp_steps_and_converts_the_predikat() -> None:
    # SKP: 95/93 → 88 (weight 100); 0.7 × 88 + 0.3 × 80 = 61.6 + 24 = 85.6 → Cukup
    skp = assess_skp([UtamaWork("rhk-1", 100, assess_iki(95, 93))])
    result = performance_value(skp, 80, with_peer_input=False)
    assert result.value == D("85.6")
    assert result.predikat is Pp30Predikat.CUKUP
    assert result.predikat_2022 is Predikat.BUTUH_PERBAIKAN
    assert result.skp is skp
    rules = [s.rule for s in result.steps]
    assert rules[: len(skp.steps)] == [s.rule for s in skp.steps]
    assert rules[-3:] == ["PP30-NILAI-KINERJA", "PP30-PREDIKAT", "PP30-TO-2022"]


def test_a_value_that_shows_as_90_but_is_below_is_cukup_and_the_step_says_so() -> None:
    # 0.7 × 89.99 + 0.3 × 90 = 62.993 + 27 = 89.993 → shown 89.99 (still Cukup); and
    # 0.7 × 90 + 0.3 × 89.985 = 63 + 26.9955 = 89.9955 → shown 90.00 but Cukup
    result = performance_value(90, "89.985", with_peer_input=False)
    assert result.value == D("89.9955")
    assert result.value_shown == D("90.00")
    assert result.predikat is Pp30Predikat.CUKUP
    assert "exact value" in result.steps[-2].note


def test_values_outside_their_scale_are_refused() -> None:
    with pytest.raises(InputError) as info:
        performance_value("130.01", 90, with_peer_input=False)
    assert info.value.path == "nilai_skp"
    with pytest.raises(InputError) as info:
        performance_value(100, "120.01", with_peer_input=False)
    assert info.value.path == "nilai_perilaku"
    with pytest.raises(InputError):
        performance_value(-1, 90, with_peer_input=False)


def test_a_value_above_120_is_banded_at_the_top_and_noted() -> None:
    # nilai SKP 130 (120 + tambahan 10), perilaku 120: 0.7 × 130 + 0.3 × 120 = 91 + 36 = 127
    result = performance_value(130, 120, with_peer_input=False, innovation=True)
    assert result.value == 127
    assert result.predikat is Pp30Predikat.SANGAT_BAIK
    assert "exceeds the 120" in result.steps[-2].note


def test_pp30_predikat_accept_the_later_names_of_cukup() -> None:
    assert Pp30Predikat.parse("Butuh Perbaikan") is Pp30Predikat.CUKUP
    assert Pp30Predikat.parse("Perlu Perbaikan") is Pp30Predikat.CUKUP
    assert Pp30Predikat.parse("Cukup") is Pp30Predikat.CUKUP
    assert Pp30Predikat.parse("Baik") is Pp30Predikat.BAIK
    assert to_2022(Pp30Predikat.CUKUP) is Predikat.BUTUH_PERBAIKAN
    assert Pp30Predikat.SANGAT_BAIK.rank == 4
