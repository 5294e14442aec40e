"""The PP 46/2011 chain's fast paths (issue 12) keep every value, step and note.

``assess_activity`` now computes R / T × 100 once for both the efficiency and the waktu /
biaya value, reads "not done" from the realisations it already holds, and lets the result's
converter reduce the exact value; ``creativity_levels`` finds a code without folding it. Each
test sets the fast path against the public formulas (``time_cost_value``, ``efficiency``,
``within_efficiency_limit``, ``Activity.done``, ``CreativityLevel.parse``) or against numbers
worked by hand (Perka BKN 1/2013, Lampiran; see ``docs/reference/rules.md``: PP46-WAKTU,
PP46-BIAYA, PP46-KEGIATAN, PP46-KREATIVITAS).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance.exceptions import LabelError
from asn_performance.regimes import pp_46_2011 as pp46
from asn_performance.regimes.pp_46_2011.capaian import (
    efficiency,
    time_cost_value,
    within_efficiency_limit,
)
from asn_performance.regimes.pp_46_2011.config import CreativityLevel, Pp46Config
from asn_performance.regimes.pp_46_2011.skp import creativity_levels

SETTINGS = settings(max_examples=200, deadline=None)
FLOOR = Pp46Config(floor_at_zero=True)


def _activity(
    tw: Decimal, rw: Decimal, tb: Decimal | None = None, rb: Decimal | None = None
) -> pp46.Activity:
    return pp46.Activity("Menyusun laporan", 10, 8, 100, 90, tw, rw, tb, rb)


def test_waktu_worked_by_hand_at_and_past_the_24_percent_boundary() -> None:
    # TW = 12, RW = 9.12: R / T × 100 = 76, E = 100 − 76 = 24 % (inside the limit);
    # ((1.76 × 12 − 9.12) / 12) × 100 = (21.12 − 9.12) / 12 × 100 = 100
    inside = pp46.assess_activity(_activity(Decimal(12), Decimal("9.12")))
    assert (inside.time_efficiency, inside.time) == (Decimal(24), Decimal(100))
    waktu = inside.steps[2]
    assert waktu.rule == "PP46-WAKTU"
    assert waktu.inputs[1:] == (("TW", "12"), ("RW", "9.12"), ("efisiensi", "24.00 %"))
    assert waktu.output == "100.00"
    assert waktu.note == "efisiensi ≤ 24 %: ((1.76 × TW − RW) / TW) × 100"
    # RW = 9: R / T × 100 = 75, E = 25 % (outside): base = 176 − 75 = 101;
    # 76 − (101 − 100) = 75
    outside = pp46.assess_activity(_activity(Decimal(12), Decimal(9)))
    assert (outside.time_efficiency, outside.time) == (Decimal(25), Decimal(75))
    assert outside.steps[2].note.startswith("efisiensi > 24 %: 76 − ")
    # RW = 24 = 2 × TW: R / T × 100 = 200, E = −100 % (inside); 176 − 200 = −24, below 0
    late = pp46.assess_activity(_activity(Decimal(12), Decimal(24)))
    assert (late.time_efficiency, late.time) == (Decimal(-100), Decimal(-24))
    assert late.steps[2].output == "-24.00"
    assert late.steps[2].note.endswith(
        "; below 0 as written (the realisation exceeds 1.76 × the target)"
    )
    # with the floor at 0 (agency configuration): 0, and no "below 0" note
    floored = pp46.assess_activity(_activity(Decimal(12), Decimal(24)), config=FLOOR)
    assert (floored.time_efficiency, floored.time) == (Decimal(-100), Decimal(0))
    assert floored.steps[2].note == "efisiensi ≤ 24 %: ((1.76 × TW − RW) / TW) × 100"
    # RW = 0: not done, 0; E = 100 %
    idle = pp46.assess_activity(_activity(Decimal(12), Decimal(0)))
    assert (idle.time_efficiency, idle.time) == (Decimal(100), Decimal(0))
    assert idle.steps[2].note == "RW = 0: not done, 0"


def test_biaya_worked_by_hand() -> None:
    # TB = 1000, RB = 760: 76 %, E = 24 %, value 176 − 76 = 100; activity: kuantitas 8 / 10 ×
    # 100 = 80, kualitas 90, waktu (12, 9.12) 100, biaya 100: (80 + 90 + 100 + 100) / 4 = 92.5
    result = pp46.assess_activity(
        _activity(Decimal(12), Decimal("9.12"), Decimal(1000), Decimal(760))
    )
    assert (result.cost_efficiency, result.cost) == (Decimal(24), Decimal(100))
    assert result.steps[3].rule == "PP46-BIAYA"
    assert result.steps[3].inputs[1:] == (("TB", "1000"), ("RB", "760"), ("efisiensi", "24.00 %"))
    assert (result.total, result.value) == (Decimal(370), Decimal("92.5"))
    assert result.exact_ratio == (185, 2)  # 370 / 4 in lowest terms
    last = result.steps[-1]
    assert last.rule == "PP46-KEGIATAN"
    assert last.inputs[1:] == (
        ("aspek 1", "80.00"),
        ("aspek 2", "90.00"),
        ("aspek 3", "100.00"),
        ("aspek 4", "100.00"),
    )
    assert (last.output, last.note) == ("92.50", "perhitungan 370.00 / 4")


def test_the_not_done_note_follows_activity_done() -> None:
    # every realisation 0: kuantitas 0, kualitas 0, waktu 0 -> 0 / 3, "not done"
    idle = pp46.Activity("Kegiatan", 10, 0, 100, 0, 12, 0)
    result = pp46.assess_activity(idle)
    assert not idle.done
    assert result.steps[-1].note == "perhitungan 0.00 / 3; not done: every realisation is 0"
    # only the biaya realisation above 0: done (no note); biaya (1000, 500): 50 %, E = 50 %,
    # outside: 176 − (176 − 50) = 50; (0 + 0 + 0 + 50) / 4 = 12.5
    spent = pp46.Activity("Kegiatan", 10, 0, 100, 0, 12, 0, 1000, 500)
    result = pp46.assess_activity(spent)
    assert spent.done
    assert result.steps[-1].note == "perhitungan 50.00 / 4"
    assert result.value == Decimal("12.5")


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10**9), places=2)


@SETTINGS
@given(amounts, st.one_of(st.just(Decimal(0)), amounts), st.booleans())
def test_the_aspect_matches_the_public_formulas(
    target: Decimal, realisation: Decimal, floor: bool
) -> None:
    config = FLOOR if floor else pp46.DEFAULT_CONFIG
    result = pp46.assess_activity(
        _activity(target, realisation, target, realisation), config=config
    )
    value = time_cost_value(target, realisation)
    if floor and value < 0:
        value = Decimal(0)
    assert (result.time, result.cost) == (value, value)
    assert result.time_efficiency == result.cost_efficiency == efficiency(target, realisation)
    assert str(result.time) == str(value)
    step = result.steps[2]
    if realisation == 0:
        assert step.note == "RW = 0: not done, 0"
    elif within_efficiency_limit(target, realisation):
        assert step.note.startswith("efisiensi ≤ 24 %")
    else:
        assert step.note.startswith("efisiensi > 24 %")
    assert step.note.endswith("× the target)") == (value < 0)
    # the exact value is the mean of the four aspects (Fraction, as the chain computed before),
    # in lowest terms: 176 − 100 R / T inside the limit, 176 − (176 − 100 R / T) outside
    share = Fraction(realisation) * 100 / Fraction(target)
    exact = Fraction(0) if realisation == 0 else 176 - share
    if realisation and not within_efficiency_limit(target, realisation):
        exact = 176 - exact
    if floor and exact < 0:
        exact = Fraction(0)
    assert result.exact == (80 + 90 + 2 * exact) / 4
    assert result.exact_ratio == result.exact.as_integer_ratio()


@pytest.mark.parametrize(
    "given_as",
    [
        ["unit_kerja", "instansi", "nasional"],
        [CreativityLevel.UNIT_KERJA, CreativityLevel.INSTANSI, CreativityLevel.NASIONAL],
        [level.label_id for level in CreativityLevel],
        [level.label_id.upper() for level in CreativityLevel],
    ],
)
def test_creativity_levels_by_code_member_or_label(given_as: list[object]) -> None:
    expected = (CreativityLevel.UNIT_KERJA, CreativityLevel.INSTANSI, CreativityLevel.NASIONAL)
    assert creativity_levels(given_as) == expected  # type: ignore[arg-type]
    assert tuple(CreativityLevel.parse(item) for item in given_as) == expected
    # D7 points: 3 + 6 + 12 = 21
    skp = pp46.assess_skp([_activity(Decimal(12), Decimal("9.12"))], kreativitas=given_as)  # type: ignore[arg-type]
    assert skp.kreativitas_points == Decimal(21)


def test_an_unknown_creativity_level_is_refused_as_before() -> None:
    with pytest.raises(LabelError) as caught:
        creativity_levels(["unit_kerja", "galaksi"])
    error = caught.value
    assert (error.path, error.rule, error.value) == ("kreativitas[1]", "D12-LABELS", "galaksi")
    with pytest.raises(LabelError) as caught:
        creativity_levels([3])  # type: ignore[list-item]
    assert caught.value.path == "kreativitas[0]"


def test_the_perilaku_note() -> None:
    # 5 aspects of 80 and kepemimpinan 86: (400 + 86) / 6 = 81
    scores = pp46.BehaviourScores(
        Decimal(80),
        Decimal(80),
        Decimal(80),
        Decimal(80),
        Decimal(80),
        Decimal(86),
        structural=True,
    )
    result = pp46.assess_behaviour(scores)
    assert result.value == Decimal(81)
    assert result.steps[0].note == "mean of 6 aspects (structural position: with kepemimpinan)"
    plain = pp46.assess_behaviour(pp46.BehaviourScores(*[Decimal(80)] * 5))
    assert plain.steps[0].note == "mean of 5 aspects"
