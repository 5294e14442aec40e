"""The older regimes' inputs and the 2021 recomputation
(:mod:`asn_performance.regimes.transition_2021`).

Numbers worked by hand: PP 30/2019 Pasal 41(3)-(4) weighs the nilai SKP and the nilai perilaku
70/30 (60/40 with peer and subordinate input); Pasal 41(5) gives Baik from 90 and Sangat Baik
from 110 with innovation; the PP 46/2011 bands are > 90 Sangat Baik, > 75 Baik (D6).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import AppraisalError, AsnPerformanceError, InputError
from asn_performance.regimes.transition_2021 import (
    INTEGRATION_2021,
    IntegrationInputs,
    IntegrationResult,
    Pp30Inputs,
    RegimeEmployee,
    check_period,
    compute_employee,
    integrated_predikat,
    peer_input,
)

NIP = Nip.parse("199001012019032001")
SECOND_HALF = Period.parse("2021-07-01/2021-12-31")


def employee(inputs: Pp30Inputs | IntegrationInputs) -> RegimeEmployee:
    return RegimeEmployee(NIP, "Maya Kartika", inputs)


@pytest.mark.parametrize(("peer", "expected"), [(False, "97"), (True, "96")])
def test_the_nilai_kinerja_weighs_skp_and_behaviour_as_worked_by_hand(
    peer: bool, expected: str
) -> None:
    # 70/30: 100 x 0.7 + 90 x 0.3 = 97; 60/40: 100 x 0.6 + 90 x 0.4 = 96. Both Baik (>= 90).
    inputs = Pp30Inputs(behaviour=Decimal(90), nilai_skp=Decimal(100))
    result = compute_employee(
        employee(inputs),
        "employees[0]",
        regime="permenpanrb_8_2021",
        period=SECOND_HALF,
        with_peer_input=peer,
    )
    assert result.value == Decimal(expected)
    assert result.predikat_2022 is Predikat.BAIK
    assert result.value_name == "nilai_kinerja"


def test_the_employees_own_peer_flag_wins_over_the_documents() -> None:
    own = Pp30Inputs(behaviour=Decimal(90), nilai_skp=Decimal(100), with_peer_input=True)
    assert peer_input(own, False) is True
    assert peer_input(Pp30Inputs(behaviour=Decimal(90), nilai_skp=Decimal(100)), False) is False
    assert peer_input(Pp30Inputs(behaviour=Decimal(90), nilai_skp=Decimal(100)), None) is None


def test_the_2021_halves_are_integrated_50_50_as_worked_by_hand() -> None:
    # (80 + 97) / 2 = 88.5: Cukup under Pasal 41(5) (70 <= x < 90), Baik under PP 46 (> 75).
    inputs = IntegrationInputs(
        first_half=Decimal(80),
        second_half=Pp30Inputs(behaviour=Decimal(90), nilai_skp=Decimal(100)),
    )
    result = compute_employee(
        employee(inputs),
        "employees[0]",
        regime=INTEGRATION_2021,
        period=Period.parse("2021"),
        with_peer_input=False,
        predikat_table="pp46_2011",
    )
    assert result.value == Decimal("88.5")
    assert isinstance(result.detail, IntegrationResult)
    assert result.detail.predikat_table == "pp46_2011"
    assert result.predikat_2022 is Predikat.BAIK


def test_the_predikat_table_of_the_integrated_value_is_the_documents_choice() -> None:
    pp30, pp30_2022, pp30_steps = integrated_predikat(Decimal("93.28"), "permenpanrb_8_2021", False)
    pp46, pp46_2022, pp46_steps = integrated_predikat(Decimal("93.28"), "pp46_2011", False)
    assert pp30 is not None
    assert pp46 is not None
    # Pasal 41(5): 93.28 without innovation is Baik; PP 46: above 90 is Sangat Baik.
    assert pp30_2022 is Predikat.BAIK
    assert pp46_2022 is Predikat.SANGAT_BAIK
    assert pp30_steps[0].rule == "PP30-PREDIKAT"
    assert pp46_steps[0].rule == "PP46-PREDIKAT"
    assert integrated_predikat(Decimal("93.28"), "none", False) == (None, None, ())
    # With innovation, 110 and more is Sangat Baik under Pasal 41(5).
    assert integrated_predikat(Decimal(110), "permenpanrb_8_2021", True)[1] is Predikat.SANGAT_BAIK


def test_an_error_comes_out_under_the_employees_place_without_a_json_root() -> None:
    # A nilai perilaku above 120 is beyond the PP 30/2019 scale.
    inputs = Pp30Inputs(behaviour=Decimal(130), nilai_skp=Decimal(100))
    with pytest.raises(AsnPerformanceError) as caught:
        compute_employee(
            employee(inputs),
            "employees[3]",
            regime="permenpanrb_8_2021",
            period=SECOND_HALF,
            with_peer_input=False,
        )
    assert (caught.value.path or "").startswith("employees[3]")


def test_a_period_belongs_to_its_regime() -> None:
    check_period("permenpanrb_8_2021", SECOND_HALF)
    check_period(INTEGRATION_2021, Period.parse("2021"))
    with pytest.raises(AppraisalError) as caught:
        check_period(INTEGRATION_2021, SECOND_HALF)
    assert (caught.value.path, caught.value.rule) == ("period", "REGIME-PERIOD")
    with pytest.raises(AppraisalError) as caught:
        check_period("pp46_2011", SECOND_HALF)
    assert caught.value.rule == "REGIME-PERIOD"


def test_pp30_inputs_need_the_skp_or_its_value() -> None:
    with pytest.raises(InputError) as caught:
        Pp30Inputs(behaviour=Decimal(90))
    assert (caught.value.path, caught.value.rule) == ("skp", "8/2021-NILAI-SKP")
