"""The PermenPANRB 8/2021 chain's fast paths (issue 12) keep every value, step, check and error.

``assess_iki`` and ``performance_value`` test their flags without a call when they are bools,
take a ``Target`` and a ``Direction`` as given, and write the whole-percent capaian once (the
D13 step's output, read again by the nilai step); ``UtamaWork`` checks its IKI in one loop;
``assess_skp`` sums the IKI values without a generator. Numbers worked by hand are in the
comments (PermenPANRB 8/2021 Lampiran BAB VI A.1.b; see ``docs/reference/rules.md``:
8/2021-CAPAIAN, D13-CAPAIAN-ROUNDING, 8/2021-NILAI-IKI, 8/2021-UTAMA, PP30-NILAI-KINERJA).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance.domain.plan import Direction, Target
from asn_performance.exceptions import InputError
from asn_performance.regimes import permenpanrb_8_2021 as pp30


def test_one_indicator_worked_by_hand() -> None:
    # capaian = 93 / 95 × 100 = 97.894736...% (8/2021-CAPAIAN), shown 97.89 %; D13: 98 %;
    # nilai (80-99 %, Cukup): 70 + (89 − 70) / (99 − 80) × (98 − 80) = 70 + 18 = 88
    result = pp30.assess_iki(95, 93, id="iki-1")
    assert [step.rule for step in result.steps] == [
        "8/2021-CAPAIAN",
        "D13-CAPAIAN-ROUNDING",
        "8/2021-NILAI-IKI",
    ]
    capaian, rounding, nilai = result.steps
    assert capaian.output == "97.89 %"
    assert rounding.inputs == (("IKI", "iki-1"), ("capaian", "97.89473684210526315789473684 %"))
    assert rounding.output == "98 %"
    assert nilai.inputs == (("IKI", "iki-1"), ("capaian", "98 %"))
    assert nilai.output == "Cukup, 88.00"
    assert (result.capaian_percent, result.value) == (Decimal(98), Decimal(88))
    assert result.category is pp30.Pp30Predikat.CUKUP


@pytest.mark.parametrize(
    "direction",
    [
        Direction.LOWER_IS_BETTER,
        "lower_is_better",
        "Semakin rendah semakin baik",
        "Lower is better",
    ],
)
def test_the_direction_as_member_code_or_label(direction: object) -> None:
    # lower is better: (1 + (1 − 6.5 / 7.8)) × 100 % = (2 − 0.8333...) × 100 = 116.666...%;
    # D13: 117 %; > 110 %: Sangat Baik, 120
    result = pp30.assess_iki(Target(Decimal("7.8")), Decimal("6.5"), direction=direction)  # type: ignore[arg-type]
    assert result.direction is Direction.LOWER_IS_BETTER
    assert result.steps[0].rule == "8/2021-CAPAIAN-KHUSUS"
    assert result.steps[0].output == "116.67 %"
    assert (result.capaian_percent, result.value) == (Decimal(117), Decimal(120))


@pytest.mark.parametrize("flag", [1, 0, None, "yes", Decimal(1)])
def test_max_attainable_must_be_a_bool(flag: object) -> None:
    with pytest.raises(InputError) as caught:
        pp30.assess_iki(100, 100, max_attainable=flag)  # type: ignore[arg-type]
    error = caught.value
    assert (error.path, error.rule, error.value) == ("max_attainable", "TYPE", flag)
    assert error.fix == "pass a bool"


@pytest.mark.parametrize("name", ["with_peer_input", "innovation"])
@pytest.mark.parametrize("flag", [1, None, "ya"])
def test_the_flags_of_the_nilai_kinerja_must_be_bools(name: str, flag: object) -> None:
    flags: dict[str, object] = {"with_peer_input": False, "innovation": False, name: flag}
    with pytest.raises(InputError) as caught:
        pp30.performance_value(Decimal(100), Decimal(100), **flags)  # type: ignore[arg-type]
    error = caught.value
    assert (error.path, error.rule, error.value) == (name, "TYPE", flag)
    assert error.message == f"{name} is True or False"


def test_the_max_attainable_step() -> None:
    # 100 of a maximum attainable 100: Lampiran (i), Sangat Baik, 120
    result = pp30.assess_iki(100, 100, max_attainable=True, id="iki-m")
    last = result.steps[-1]
    assert last.rule == "8/2021-MAX-ATTAINABLE"
    assert last.inputs == (("IKI", "iki-m"), ("capaian", "100 %"))
    assert last.output == "Sangat Baik, 120"


@pytest.mark.parametrize("indicators", [(), [], ["iki"], (None,)])
def test_a_work_result_needs_assessed_indicators(indicators: object) -> None:
    with pytest.raises(InputError) as caught:
        pp30.UtamaWork("rhk-1", 100, indicators)
    error = caught.value
    assert (error.path, error.rule) == ("indicators", "TYPE")
    assert error.fix == "pass the results of assess_iki"


def test_a_mixed_list_is_refused_and_a_list_of_results_kept() -> None:
    iki = pp30.assess_iki(100, 100)
    with pytest.raises(InputError):
        pp30.UtamaWork("rhk-1", 100, [iki, "iki"])
    assert pp30.UtamaWork("rhk-1", 100, [iki, iki]).indicators == (iki, iki)
    assert pp30.UtamaWork("rhk-1", 100, iki).indicators == (iki,)


def test_the_skp_worked_by_hand() -> None:
    # RHK 1 (bobot 60): IKI 88 (95 / 93 above) and 109 (100 %): mean (88 + 109) / 2 = 98.5;
    # 60 % × 98.5 = 59.1. RHK 2 (bobot 40): IKI 120 (117 %): 40 % × 120 = 48.
    # Nilai SKP = 59.1 + 48 = 107.1 (no tambahan).
    first = pp30.UtamaWork(
        "rhk-1", 60, (pp30.assess_iki(95, 93, id="a"), pp30.assess_iki(100, 100, id="b"))
    )
    second = pp30.UtamaWork(
        "rhk-2",
        40,
        (pp30.assess_iki("7.8", "6.5", direction="lower_is_better", id="c"),),
    )
    skp = pp30.assess_skp([first, second])
    assert [score.value for score in skp.utama] == [Decimal("98.5"), Decimal(120)]
    assert [score.weighted for score in skp.utama] == [Decimal("59.1"), Decimal(48)]
    assert skp.value == Decimal("107.1")
    assert skp.exact_ratio == (1071, 10)
    utama = [step for step in skp.steps if step.rule == "8/2021-UTAMA"]
    assert utama[0].inputs == (
        ("RHK", "rhk-1"),
        ("bobot", "60 %"),
        ("nilai a", "88.00"),
        ("nilai b", "109.00"),
    )
    assert (utama[0].output, utama[0].note) == ("59.10", "60 % × mean 98.50")
    # nilai kinerja without peer input: (107.1 × 70 + 100 × 30) / 100 = 74.97 + 30 = 104.97
    kinerja = pp30.performance_value(skp, Decimal(100), with_peer_input=False)
    assert kinerja.value == Decimal("104.97")
    assert kinerja.predikat is pp30.Pp30Predikat.BAIK
