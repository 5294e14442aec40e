"""Tests for :mod:`asn_performance.boundary.regime_documents`, the JSON boundary of the older
regimes.

The shipped examples hold the worked examples of the regulations digest (§11 examples 4-6 and
bonus 12) and of ``docs/how-to/recompute-2021.md``; every expected value below is worked by
hand in a comment (PP 46/2011 + Perka BKN 1/2013, PP 30/2019 Pasal 41, PermenPANRB 8/2021
Lampiran, the 50/50 integration of 2021 [S14]). Every error case names the exact JSON path,
the rule and the error class.
"""

from __future__ import annotations

import copy
import json
import re
from decimal import Decimal
from fractions import Fraction
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import pytest

from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    dump_document,
    input_json_schema,
    to_json,
)
from asn_performance.boundary.regime_documents import (
    RegimeDocument,
    dump_regime_document,
    dump_regime_result,
    is_regime_document,
    load_any,
    load_regime_document,
    regime_input_json_schema,
)
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import (
    AppraisalError,
    AsnPerformanceError,
    DecimalInputError,
    DuplicateError,
    InputError,
    LabelError,
    PlanError,
    PolicyError,
    SchemaError,
)
from asn_performance.regimes.permenpanrb_8_2021 import KinerjaResult, Pp30Predikat
from asn_performance.regimes.pp_46_2011 import Pp46Predikat, Pp46Result
from asn_performance.regimes.transition_2021 import (
    REGIME_DOCUMENT_IDS,
    IntegrationInputs,
    IntegrationResult,
    Pp30Inputs,
    RegimeEmployee,
    RegimeResult,
)

EXAMPLES = files("asn_performance") / "examples"
DOCS_PAGE = Path(__file__).parents[3] / "docs" / "reference" / "regime-documents.md"


def example(name: str) -> dict[str, Any]:
    """A shipped example document as a fresh dict."""
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    return data


def results(name: str) -> dict[str, RegimeResult]:
    """The results of a shipped example, by NIP."""
    document = load_regime_document((EXAMPLES / f"{name}.json").read_bytes())
    return {r.nip.digits: r for r in document.compute()}


def error_of(source: object) -> AsnPerformanceError:
    with pytest.raises(AsnPerformanceError) as caught:
        load_regime_document(source)  # type: ignore[arg-type]
    return caught.value


def changed(data: dict[str, Any], path: tuple[Any, ...], value: object) -> dict[str, Any]:
    """A deep copy of ``data`` with the leaf at ``path`` replaced (or removed: ``...``)."""
    result = copy.deepcopy(data)
    node: Any = result
    for key in path[:-1]:
        node = node[key]
    if value is ...:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return result


# --- the shipped examples compute to the hand-worked values ------------------------------------


def test_pp46_example_6_the_rakor_activity_is_85_50_baik() -> None:
    result = results("pp46_2019")["198203112006041002"]
    assert isinstance(result.detail, Pp46Result)
    (skp,) = result.detail.skps
    (activity,) = skp.activities
    # TO = RO = 1 → 100; RK 90 / TK 100 → 90; TW = RW = 12 → E 0 % → (21.12 − 12)/12 × 100 = 76;
    # biaya the same → 76; (100 + 90 + 76 + 76) / 4 = 85.50 (digest §11 example 6).
    assert (activity.quantity, activity.quality, activity.time, activity.cost) == (100, 90, 76, 76)
    assert activity.value_shown == Decimal("85.50")
    assert skp.value_shown == Decimal("85.50")
    assert skp.predikat is Pp46Predikat.BAIK
    # With the perilaku of example 12 (80 × 5): 60 % × 85.5 + 40 % × 80 = 51.3 + 32 = 83.30.
    assert result.value == Decimal("83.3")
    assert result.value_shown == Decimal("83.30")
    assert result.predikat is Pp46Predikat.BAIK
    assert result.predikat_2022 is Predikat.BAIK


def test_pp46_bonus_12_the_full_chain_is_88_10_baik() -> None:
    result = results("pp46_2019")["197911232005012003"]
    assert isinstance(result.detail, Pp46Result)
    # 85.50 + 5 tugas tambahan (+2) + 1 kreativitas instansi (+6) = 93.50; 60 % → 56.10;
    # perilaku 80 on 5 aspects → 40 % → 32.00; 88.10, Baik (digest §11 bonus 12).
    assert result.detail.skp_value == Decimal("93.5")
    assert result.detail.skp_part == Decimal("56.1")
    assert result.detail.behaviour_part == Decimal("32")
    assert result.value_shown == Decimal("88.10")
    assert result.predikat is Pp46Predikat.BAIK
    assert result.predikat_2022 is Predikat.BAIK
    assert result.regime == "pp46_2011"
    assert result.period == Period.annual(2019)
    assert result.name == "Sri Wahyuni"


def test_permenpanrb_8_2021_example_4_the_weights_and_the_innovation() -> None:
    by_nip = results("permenpanrb_8_2021")
    # SKP 100, perilaku 90: 70/30 (no peer input, Pasal 41(3)) → 97; 60/40 (Pasal 41(4)) → 96.
    assert by_nip["198609262015051001"].value == 97
    assert by_nip["198807172014122002"].value == 96
    for nip in ("198609262015051001", "198807172014122002"):
        assert by_nip[nip].predikat is Pp30Predikat.BAIK
        assert by_nip[nip].predikat_2022 is Predikat.BAIK
    # 112 without the innovation is Baik; with it Sangat Baik (Pasal 41(5)).
    assert by_nip["198511112010101004"].value == 112
    assert by_nip["198511112010101004"].predikat is Pp30Predikat.BAIK
    assert by_nip["197208151998031005"].predikat is Pp30Predikat.SANGAT_BAIK
    assert by_nip["197208151998031005"].predikat_2022 is Predikat.SANGAT_BAIK


def test_permenpanrb_8_2021_example_5_the_nilai_capaian_iki() -> None:
    result = results("permenpanrb_8_2021")["198904042012022001"]
    assert isinstance(result.detail, KinerjaResult)
    skp = result.detail.skp
    assert skp is not None
    ikis = {iki.id: iki for score in skp.utama for iki in score.work.indicators}
    # 93/95 = 97.9 % → 98 % → Cukup, 88; 100 % → Baik, 109; 115 % → 120;
    # 105 % → 110 + 10/9 × 4 = 114.44; 70 % → 50 + 19/19 × 10 = 60; 50 % → 50/59 × 49 = 41.53.
    expected = {
        "iki-1": ("98", Pp30Predikat.CUKUP, "88.00"),
        "iki-2": ("100", Pp30Predikat.BAIK, "109.00"),
        "iki-3": ("115", Pp30Predikat.SANGAT_BAIK, "120.00"),
        "iki-4": ("105", Pp30Predikat.SANGAT_BAIK, "114.44"),
        "iki-5": ("70", Pp30Predikat.KURANG, "60.00"),
        "iki-6": ("50", Pp30Predikat.SANGAT_KURANG, "41.53"),
    }
    for ident, (percent, category, shown) in expected.items():
        iki = ikis[ident]
        assert (iki.capaian_percent, iki.category, iki.value_shown) == (
            Decimal(percent),
            category,
            Decimal(shown),
        ), ident
    # Nilai SKP = 50 % × (88 + 109)/2 + 50 % × (120 + 1030/9 + 60 + 2450/59)/4; nilai kinerja
    # = 70 % × SKP + 30 % × 90 = 90.87, Baik.
    skp_exact = (
        Fraction(1, 2) * Fraction(197, 2)
        + Fraction(1, 2) * (120 + Fraction(1030, 9) + 60 + Fraction(2450, 59)) / 4
    )
    assert skp.value_shown == Decimal("91.25")
    value = Fraction(7, 10) * skp_exact + 27
    assert abs(Fraction(result.value) - value) < Fraction(1, 10**25)
    assert result.value_shown == Decimal("90.87")
    assert result.predikat is Pp30Predikat.BAIK


def test_integration_2021_the_how_to_employee_is_93_28() -> None:
    result = results("integration_2021")["199001012019032001"]
    detail = result.detail
    assert isinstance(detail, IntegrationResult)
    assert detail.first_half is not None
    assert detail.second_half is not None
    # January-June: 60 % × 2111/24 + 40 % × 84 = 52.775 + 33.6 = 86.375 (how-to §2).
    assert detail.first_half.value == Decimal("86.375")
    assert detail.first_half.predikat is Pp46Predikat.BAIK
    # July-December: 70 % × 102.39… + 30 % × 95 = 100.18 (how-to §3).
    assert detail.second_half.value_shown == Decimal("100.18")
    # 50 % × 86.375 + 50 % × 100.1753… = 93.28, Baik under Pasal 41(5) (predikat_table).
    assert result.value_shown == Decimal("93.28")
    assert result.predikat is Pp30Predikat.BAIK
    assert result.predikat_2022 is Predikat.BAIK
    rules = [step.rule for step in result.steps]
    assert rules[-4:] == [
        "PP30-TO-2022",
        "REGIME-2021-INTEGRATION",
        "PP30-PREDIKAT",
        "PP30-TO-2022",
    ]
    assert "UNCONFIRMED" in result.steps[-2].note


def test_integration_2021_halves_given_by_value() -> None:
    result = results("integration_2021")["199205202015031001"]
    # (88.10 + 97) / 2 = 92.55 → Pasal 41(5): 90 ≤ x < 110 → Baik.
    assert result.value == Decimal("92.55")
    assert result.predikat is Pp30Predikat.BAIK
    assert [step.rule for step in result.steps] == [
        "REGIME-2021-INTEGRATION",
        "PP30-PREDIKAT",
        "PP30-TO-2022",
    ]


def test_the_predikat_table_of_the_integration_is_the_documents_choice() -> None:
    data = example("integration_2021")
    data["employees"][1]["first_half"]["value"] = "83.30"
    document = load_regime_document(data)
    # (83.30 + 97) / 2 = 90.15: Baik under Pasal 41(5), Sangat Baik under the PP 46 bands (> 90).
    expected = {
        "permenpanrb_8_2021": (Pp30Predikat.BAIK, Predikat.BAIK),
        "pp46_2011": (Pp46Predikat.SANGAT_BAIK, Predikat.SANGAT_BAIK),
        "none": (None, None),
    }
    for table, (predikat, predikat_2022) in expected.items():
        result = attrs.evolve(document, predikat_table=table).compute()[1]
        assert result.value == Decimal("90.15")
        assert (result.predikat, result.predikat_2022) == (predikat, predikat_2022), table


def test_two_skps_are_averaged_and_a_structural_position_has_six_aspects() -> None:
    # The pp46_2011 block of the reference page: SKP 85.50 and (100 + 100 + 96)/3 = 98.67,
    # mean 92.083…; perilaku (5 × 80 + 86)/6 = 81; 55.25 + 32.40 = 87.65, Baik.
    (result,) = load_regime_document(docs_json_blocks()[0]).compute()
    assert isinstance(result.detail, Pp46Result)
    assert [skp.value_shown for skp in result.detail.skps] == [Decimal("85.50"), Decimal("98.67")]
    assert result.detail.behaviour.aspects == 6
    assert result.detail.behaviour_value == 81
    assert result.value == Decimal("87.65")
    assert result.predikat is Pp46Predikat.BAIK
    assert "PP46-SKP-AVERAGE" in [step.rule for step in result.steps]


# --- the documentation ------------------------------------------------------------------------


def docs_json_blocks() -> list[str]:
    return re.findall(r"```json\n(.*?)```", DOCS_PAGE.read_text("utf-8"), re.DOTALL)


def test_every_json_block_of_the_reference_page_loads_to_its_hand_worked_value() -> None:
    blocks = docs_json_blocks()
    assert len(blocks) == 3
    values = []
    for block in blocks:
        document = load_regime_document(block)
        (result,) = document.compute()
        values.append((document.regime, str(result.value_shown), result.predikat))
    assert values == [
        ("pp46_2011", "87.65", Pp46Predikat.BAIK),
        ("permenpanrb_8_2021", "103.63", Pp30Predikat.BAIK),
        ("integration_2021", "90.15", Pp30Predikat.BAIK),
    ]


# --- writing and round trips -------------------------------------------------------------------


def json_types(value: object) -> set[type]:
    """The types of the keys and leaves of ``value``, containers included."""
    if isinstance(value, dict):
        return {dict}.union(*(json_types(k) | json_types(v) for k, v in value.items()))
    if isinstance(value, list):
        return {list}.union(*map(json_types, value))
    return {type(value)}


def assert_plain_json(value: object) -> None:
    """Only dict, list, str, int, bool and None: no float, Decimal or tuple."""
    assert json_types(value) <= {dict, list, str, int, bool, type(None)}


@pytest.mark.parametrize("name", ["pp46_2019", "permenpanrb_8_2021", "integration_2021"])
def test_a_document_round_trips_through_its_dump(name: str) -> None:
    document = load_regime_document(example(name))
    dumped = dump_regime_document(document)
    assert_plain_json(dumped)
    assert load_regime_document(dumped) == document
    assert load_regime_document(to_json(dumped)) == document
    assert dump_regime_document(load_regime_document(to_json(dumped))) == dumped


@pytest.mark.parametrize("name", ["pp46_2019", "permenpanrb_8_2021", "integration_2021"])
def test_a_result_record_is_plain_json_with_decimal_strings(name: str) -> None:
    for result in load_regime_document(example(name)).compute():
        record = dump_regime_result(result)
        assert_plain_json(record)
        assert json.loads(to_json(record)) == record
        assert Decimal(record["value"]) == result.value
        assert record["value_shown"] == str(result.value_shown)
        assert record["predikat"] == result.predikat.code  # type: ignore[union-attr]
        assert record["predikat_2022"] == result.predikat_2022.code  # type: ignore[union-attr]
        assert record["nip"] == result.nip.digits
        assert len(record["explanation"]) == len(result.steps)


def test_the_record_shows_every_value_unrounded_and_rounded() -> None:
    result = results("integration_2021")["199001012019032001"]
    record = dump_regime_result(result)
    assert record["value_name"] == "nilai_integrasi_2021"
    assert record["value_shown"] == "93.28"
    first = record["detail"]["first_half"]
    assert (first["value"], first["value_shown"]) == ("86.375", "86.38")
    # rakor: 75 + 90 + 92.666… + 86 = 343.666… / 4 = 85.916…
    rakor = first["computed"]["skps"][0]["activities"][1]
    assert rakor["waktu"].startswith("92.66666")
    assert rakor["waktu_shown"] == "92.67"
    assert rakor["value_shown"] == "85.92"
    second = record["detail"]["second_half"]["computed"]
    ranged = second["skp"]["utama"][0]["indicators"][1]
    # 92 % is above the range 80-90 %: 92/90 = 102.2 % → 102 % → 110 + 10/9 = 111.11.
    assert ranged["target"] == "80-90 %"
    assert ranged["target_used"] == "90"
    assert ranged["capaian_percent"] == "102"
    assert ranged["value_shown"] == "111.11"
    assert second["skp"]["tambahan"][0]["weighted"] == "4.36"
    assert (second["skp_weight"], second["behaviour_weight"]) == ("70", "30")
    assert record["detail"]["predikat_table"] == "permenpanrb_8_2021"
    pp46_record = dump_regime_result(results("pp46_2019")["197911232005012003"])
    skp = pp46_record["detail"]["skps"][0]
    assert (skp["tugas_tambahan_points"], skp["kreativitas_points"]) == ("2", "6")
    assert pp46_record["legal_basis"] == "PP 46/2011 + Perka BKN 1/2013"


def test_decimals_given_as_json_numbers_are_read_exactly() -> None:
    text = (EXAMPLES / "pp46_2019.json").read_text("utf-8")
    text = text.replace('"realisation": "90"', '"realisation": 90.1')
    document = load_regime_document(text)
    first = document.employees[0].inputs.skps[0].activities[0]  # type: ignore[union-attr]
    assert first.quality_realisation == Decimal("90.1")
    assert isinstance(first.quality_realisation, Decimal)


# --- errors with JSON paths --------------------------------------------------------------------

WAKTU = ("employees", 1, "skps", 0, "activities", 0, "waktu")


def test_missing_field() -> None:
    error = error_of(changed(example("pp46_2019"), (*WAKTU, "target"), ...))
    assert isinstance(error, SchemaError)
    assert error.path == "$.employees[1].skps[0].activities[0].waktu.target"
    assert error.rule == "SCHEMA-missing"
    assert error.fix


def test_nan_as_a_json_constant_and_as_text() -> None:
    text = (EXAMPLES / "pp46_2019.json").read_text("utf-8").replace('"12"', "NaN", 1)
    error = error_of(text)
    assert isinstance(error, SchemaError)
    assert (error.path, error.rule, error.value) == ("$", "SCHEMA-json_invalid", "NaN")
    error = error_of(changed(example("pp46_2019"), (*WAKTU, "target"), "NaN"))
    assert isinstance(error, DecimalInputError)
    assert error.path == "$.employees[1].skps[0].activities[0].waktu.target"
    assert error.rule == "D5-EXACT"


def test_a_float_is_refused() -> None:
    error = error_of(changed(example("pp46_2019"), (*WAKTU, "target"), 12.0))
    assert isinstance(error, DecimalInputError)
    assert (error.path, error.rule) == (
        "$.employees[1].skps[0].activities[0].waktu.target",
        "D5-EXACT",
    )


@pytest.mark.parametrize("regime", ["pp10_1979", "permenpanrb_6_2022", 46, None])
def test_bad_regime_id(regime: object) -> None:
    error = error_of({**example("pp46_2019"), "regime": regime})
    assert isinstance(error, LabelError)
    assert (error.path, error.rule, error.value) == ("$.regime", "REGIME-ID", regime)


def test_missing_regime() -> None:
    data = example("pp46_2019")
    del data["regime"]
    error = error_of(data)
    assert isinstance(error, SchemaError)
    assert (error.path, error.rule) == ("$.regime", "SCHEMA-missing")


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("pp46_2019", "2022"),
        ("pp46_2019", "2021"),
        ("pp46_2019", "2021-07"),
        ("pp46_2019", "2013"),
        ("pp46_2019", "2013-12-01/2014-01-31"),
        ("permenpanrb_8_2021", "2021-06"),
        ("permenpanrb_8_2021", "2021-07-01/2022-01-31"),
        ("permenpanrb_8_2021", "2025"),
        ("integration_2021", "2021-07-01/2021-12-31"),
        ("integration_2021", "2020"),
    ],
)
def test_period_of_the_wrong_regime(name: str, period: str) -> None:
    error = error_of({**example(name), "period": period})
    assert isinstance(error, AppraisalError)
    assert (error.path, error.rule, error.value) == ("$.period", "REGIME-PERIOD", period)
    assert error.fix


def test_the_whole_of_2021_in_a_single_regime_document_points_to_the_integration() -> None:
    error = error_of({**example("pp46_2019"), "period": "2021"})
    assert "integration_2021" in str(error.fix)


def test_half_years_of_2021_belong_to_their_regimes() -> None:
    first = load_regime_document({**example("pp46_2019"), "period": "2021-01-01/2021-06-30"})
    assert first.period.code == "2021-01-01/2021-06-30"
    second = load_regime_document({**example("permenpanrb_8_2021"), "period": "2021-Q4"})
    assert second.period == Period.quarter(2021, 4)


def test_negative_target() -> None:
    error = error_of(changed(example("pp46_2019"), (*WAKTU, "target"), "-12"))
    assert isinstance(error, InputError)
    assert error.path == "$.employees[1].skps[0].activities[0].waktu.target"
    assert (error.rule, error.value) == ("PP46-INPUT", Decimal("-12"))


def test_negative_realisation_and_zero_target_of_an_iki() -> None:
    path = ("employees", 0, "second_half", "skp", "utama", 0, "indicators", 1)
    data = changed(example("integration_2021"), (*path, "realisation"), "-1")
    error = error_of(data)
    assert isinstance(error, DecimalInputError)
    assert error.path == "$.employees[0].second_half.skp.utama[0].indicators[1].realisation"
    iki = ("employees", 4, "skp", "utama", 0, "indicators", 0)
    data = changed(example("permenpanrb_8_2021"), (*iki, "target", "lower"), "0")
    error = error_of(data)
    assert (error.path, error.rule) == (
        "$.employees[4].skp.utama[0].indicators[0].target",
        "8/2021-CAPAIAN",
    )


def test_unknown_aspect() -> None:
    data = changed(example("pp46_2019"), ("employees", 0, "behaviour", "kepatuhan"), "80")
    error = error_of(data)
    assert isinstance(error, SchemaError)
    assert (error.path, error.rule) == (
        "$.employees[0].behaviour.kepatuhan",
        "SCHEMA-extra_forbidden",
    )
    data = changed(example("pp46_2019"), ("employees", 0, "skps", 0, "activities", 0, "mutu"), {})
    error = error_of(data)
    assert error.path == "$.employees[0].skps[0].activities[0].mutu"


def test_kepemimpinan_follows_the_structural_flag() -> None:
    error = error_of(changed(example("pp46_2019"), ("employees", 0, "structural"), True))
    assert isinstance(error, InputError)
    assert (error.path, error.rule) == ("$.employees[0].behaviour.kepemimpinan", "PP46-PERILAKU")
    data = changed(example("pp46_2019"), ("employees", 0, "behaviour", "kepemimpinan"), "80")
    error = error_of(data)
    assert (error.path, error.rule) == ("$.employees[0].behaviour.kepemimpinan", "PP46-PERILAKU")


def test_duplicate_nip() -> None:
    data = example("permenpanrb_8_2021")
    data["employees"][3]["nip"] = data["employees"][1]["nip"]
    error = error_of(data)
    assert isinstance(error, DuplicateError)
    assert (error.path, error.rule) == ("$.employees[3].nip", "DOCUMENT-UNIQUE")
    assert error.value == "198807172014122002"


def test_a_third_skp_is_refused() -> None:
    data = example("pp46_2019")
    skp = data["employees"][0]["skps"][0]
    data["employees"][0]["skps"] = [skp, skp, skp]
    error = error_of(data)
    assert isinstance(error, SchemaError)
    assert (error.path, error.rule) == ("$.employees[0].skps", "SCHEMA-too_long")


def test_unknown_kreativitas_level_and_negative_tugas_tambahan() -> None:
    skp = ("employees", 1, "skps", 0)
    error = error_of(changed(example("pp46_2019"), (*skp, "kreativitas"), ["instansi", "dunia"]))
    assert isinstance(error, LabelError)
    assert (error.path, error.rule) == ("$.employees[1].skps[0].kreativitas[1]", "D12-LABELS")
    error = error_of(changed(example("pp46_2019"), (*skp, "tugas_tambahan"), -1))
    assert (error.path, error.rule) == (
        "$.employees[1].skps[0].tugas_tambahan",
        "SCHEMA-greater_than_equal",
    )


def test_the_d7_configuration_is_read_and_checked() -> None:
    data = example("pp46_2019")
    data["pp46_config"] = {
        "tugas_tambahan_tiers": [
            {"min_count": 4, "points": "1"},
            {"min_count": 1, "points": "0.5"},
        ],
        "creativity_points": {"unit_kerja": "2", "instansi": "4", "nasional": "8"},
        "skp_cap": "90",
    }
    result = load_regime_document(data).compute()[1]
    # 85.5 + 1 + 4 = 90.5, capped at 90; 60 % × 90 + 32 = 86.
    assert result.value == 86
    data["pp46_config"] = {"creativity_points": {"instansi": "6"}}
    error = error_of(data)
    assert isinstance(error, PolicyError)
    assert (error.path, error.rule) == ("$.pp46_config.creativity_points", "D7-CONFIG")


def test_rhk_weights_must_sum_to_100() -> None:
    path = ("employees", 4, "skp", "utama", 0, "weight")
    error = error_of(changed(example("permenpanrb_8_2021"), path, "40"))
    assert isinstance(error, PlanError)
    assert (error.path, error.rule) == ("$.employees[4].skp.utama", "8/2021-UTAMA")


def test_repeated_iki_id() -> None:
    path = ("employees", 4, "skp", "utama", 1, "indicators", 2, "id")
    error = error_of(changed(example("permenpanrb_8_2021"), path, "iki-2"))
    assert isinstance(error, DuplicateError)
    assert (error.path, error.rule) == (
        "$.employees[4].skp.utama[1].indicators[2].id",
        "PLAN-UNIQUE-ID",
    )


def test_skp_or_nilai_skp() -> None:
    error = error_of(changed(example("permenpanrb_8_2021"), ("employees", 4, "nilai_skp"), "90"))
    assert (error.path, error.rule) == ("$.employees[4].nilai_skp", "8/2021-NILAI-SKP")
    error = error_of(changed(example("permenpanrb_8_2021"), ("employees", 0, "nilai_skp"), ...))
    assert (error.path, error.rule) == ("$.employees[0].skp", "8/2021-NILAI-SKP")


def test_values_beyond_the_pp30_scale() -> None:
    error = error_of(changed(example("permenpanrb_8_2021"), ("employees", 0, "behaviour"), "121"))
    assert (error.path, error.rule) == ("$.employees[0].behaviour", "PP30-NILAI-KINERJA")
    error = error_of(changed(example("permenpanrb_8_2021"), ("employees", 0, "nilai_skp"), "131"))
    assert (error.path, error.rule) == ("$.employees[0].nilai_skp", "PP30-NILAI-KINERJA")


def test_with_peer_input_is_required_somewhere() -> None:
    data = example("permenpanrb_8_2021")
    del data["with_peer_input"]
    error = error_of(data)
    assert isinstance(error, InputError)
    # Employee 1 sets it itself; employee 0 takes the document's, which is missing.
    assert (error.path, error.rule) == ("$.employees[0].with_peer_input", "PP30-NILAI-KINERJA")
    data = example("integration_2021")
    del data["with_peer_input"]
    error = error_of(data)
    assert error.path == "$.employees[0].second_half.with_peer_input"
    data["employees"][0]["second_half"]["with_peer_input"] = True
    assert load_regime_document(data).compute()[0].value_shown != Decimal("93.28")


def test_a_half_is_its_value_or_its_inputs() -> None:
    data = example("integration_2021")
    both = changed(data, ("employees", 1, "first_half", "skps"),
                   data["employees"][0]["first_half"]["skps"])  # fmt: skip
    error = error_of(both)
    assert isinstance(error, SchemaError)
    assert (error.path, error.rule) == ("$.employees[1].first_half.skps", "SCHEMA-exclusive")
    error = error_of(changed(data, ("employees", 1, "first_half"), {}))
    assert (error.path, error.rule) == ("$.employees[1].first_half.value", "SCHEMA-missing")
    error = error_of(changed(data, ("employees", 0, "first_half", "behaviour"), ...))
    assert (error.path, error.rule) == ("$.employees[0].first_half.behaviour", "SCHEMA-missing")
    error = error_of(changed(data, ("employees", 1, "second_half"), {"behaviour": "90"}))
    assert (error.path, error.rule) == ("$.employees[1].second_half.skp", "8/2021-NILAI-SKP")
    error = error_of(changed(data, ("employees", 1, "second_half", "value"), "-1"))
    assert (error.path, error.rule) == ("$.employees[1].second_half.value", "D5-NONNEGATIVE")


def test_the_integration_names_its_predikat_table() -> None:
    error = error_of(changed(example("integration_2021"), ("predikat_table",), ...))
    assert (error.path, error.rule) == ("$.predikat_table", "SCHEMA-missing")
    error = error_of(changed(example("integration_2021"), ("predikat_table",), "dp3"))
    assert (error.path, error.rule) == ("$.predikat_table", "SCHEMA-literal_error")


@pytest.mark.parametrize(
    "source",
    [
        b"\xff\xfe",
        "",
        "[]",
        '{"regime": "pp46_2011"',
        '{"regime": "pp46_2011"\n',  # cut short after a newline
        b"{\n",
        42,
        None,
        {"regime": "pp46_2011"},
    ],
)
def test_anything_else_is_a_library_error_at_a_json_path(source: object) -> None:
    error = error_of(source)
    assert str(error.path).startswith("$")
    assert error.rule


# --- dispatch ----------------------------------------------------------------------------------


def sample_appraisal_document() -> dict[str, Any]:
    from asn_performance.services.sample import sample_unit

    unit = sample_unit()
    return dump_document(
        AppraisalDocument(
            employees=unit.employees,
            plans=unit.plans,
            assessments=unit.assessments,
            policy=unit.policy,
            guards=unit.guards,
            organisation_predikat=unit.organisation_predikat,
            title=unit.title,
        )
    )


def test_is_regime_document() -> None:
    assert is_regime_document(example("pp46_2019"))
    assert is_regime_document({"regime": "anything"})
    assert not is_regime_document({"regime": "permenpanrb_6_2022"})
    assert not is_regime_document(sample_appraisal_document())
    assert not is_regime_document([])  # type: ignore[arg-type]


def test_load_any_reads_both_kinds() -> None:
    assert isinstance(
        load_any((EXAMPLES / "integration_2021.json").read_text("utf-8")), RegimeDocument
    )
    data = sample_appraisal_document()
    loaded = load_any(to_json(data))
    assert isinstance(loaded, AppraisalDocument)
    assert load_any({**data, "regime": "permenpanrb_6_2022"}) == loaded
    error = None
    try:
        load_any({**data, "regime": "pp46"})
    except AsnPerformanceError as caught:
        error = caught
    assert isinstance(error, LabelError)
    assert error.path == "$.regime"
    with pytest.raises(SchemaError) as caught_schema:
        load_any('{"schema_version": "1", "employees": [], "plans": [], "extra": 1}')
    assert caught_schema.value.path == "$.extra"
    with pytest.raises(SchemaError) as cut_short:
        load_any("{\n")
    assert (cut_short.value.path, cut_short.value.rule) == ("$", "SCHEMA-json_invalid")


# --- the JSON Schema ---------------------------------------------------------------------------


@pytest.mark.parametrize("regime_id", REGIME_DOCUMENT_IDS)
def test_json_schema_of_each_shape(regime_id: str) -> None:
    schema = regime_input_json_schema(regime_id)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["regime"]["const"] == regime_id
    assert schema["additionalProperties"] is False
    assert {"regime", "period", "employees"} <= set(schema["required"])
    json.dumps(schema)


def test_json_schema_of_2022_and_unknown_ids() -> None:
    assert regime_input_json_schema("permenpanrb_6_2022") == input_json_schema()
    with pytest.raises(LabelError) as caught:
        regime_input_json_schema("pp10_1979")
    assert caught.value.rule == "REGIME-ID"


# --- the domain objects on their own -----------------------------------------------------------


def test_a_document_built_in_python_computes_and_reports_json_paths() -> None:
    employee = RegimeEmployee(
        Nip("198609262015051001"),
        "Budi Santoso",
        Pp30Inputs(behaviour=Decimal(90), nilai_skp=Decimal(100), with_peer_input=False),
    )
    document = RegimeDocument(
        regime="permenpanrb_8_2021", period=Period.month(2021, 8), employees=[employee]
    )
    (result,) = document.compute()
    assert result.value == 97
    with pytest.raises(AppraisalError) as caught:
        attrs.evolve(document, period=Period.annual(2020))
    assert (caught.value.path, caught.value.rule) == ("period", "REGIME-PERIOD")
    with pytest.raises(InputError) as wrong_kind:
        attrs.evolve(document, regime="integration_2021", period=Period.annual(2021),
                     predikat_table="none")  # fmt: skip
    assert wrong_kind.value.path == "employees[0].inputs"
    integration = RegimeDocument(
        regime="integration_2021",
        period=Period.annual(2021),
        employees=[
            RegimeEmployee(
                employee.nip,
                employee.name,
                IntegrationInputs(first_half=Decimal("80"), second_half=employee.inputs),
            )
        ],
        predikat_table="pp46_2011",
    )
    (result,) = integration.compute()
    # (80 + 97) / 2 = 88.5 → > 75 Baik.
    assert (result.value, result.predikat) == (Decimal("88.5"), Pp46Predikat.BAIK)
    with pytest.raises(InputError) as no_table:
        attrs.evolve(integration, predikat_table=None)
    assert no_table.value.path == "predikat_table"


def test_a_first_half_below_zero_is_refused_by_the_integration() -> None:
    # RW 100 of TW 6: E = 100 − 1666.7 % ≤ 24 %, so (1.76 × 6 − 100)/6 × 100 = −1490.67: the
    # formula as written goes below 0, and so does the nilai prestasi kerja.
    waktu = ("employees", 0, "first_half", "skps", 0, "activities", 0, "waktu", "realisation")
    data = changed(example("integration_2021"), waktu, "100")
    error = error_of(data)
    assert isinstance(error, AppraisalError)
    assert (error.path, error.rule) == ("$.employees[0].first_half", "REGIME-2021-INTEGRATION")
    data["pp46_config"] = {"floor_at_zero": True}
    # With the floor: kajian (100 + 88 + 0)/3 = 62.67; SKP (62.67 + 85.92)/2 + 1 = 75.29.
    result = load_regime_document(data).compute()[0]
    assert isinstance(result.detail, IntegrationResult)
    assert result.detail.first_half is not None
    assert result.detail.first_half.skp_value.quantize(Decimal("0.01")) == Decimal("75.29")
