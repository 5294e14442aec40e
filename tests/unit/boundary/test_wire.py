"""The boundary's shared wire toolkit (:mod:`asn_performance.boundary._wire`): its field types
(lossless numbers, decision D5; text limits), domain objects built under a JSON path, and numbers
written back in plain notation. Reading JSON text itself is tested in test_json_text.py.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from boundary_story import BASE, document, fails

from asn_performance.boundary._json_text import to_json
from asn_performance.boundary._wire import decimal_out
from asn_performance.boundary.appraisal_document import dump_document, load_document
from asn_performance.exceptions import DecimalInputError, SchemaError


def test_decimals_are_written_in_plain_notation_and_text_keeps_its_characters() -> None:
    assert decimal_out(Decimal("1E+2")) == "100"
    assert decimal_out(Decimal("0.10")) == "0.10"
    assert to_json({"nama": "Budi Santoso, S.Pd.", "n": "95"}) == (
        '{\n  "nama": "Budi Santoso, S.Pd.",\n  "n": "95"\n}'
    )
    with pytest.raises(SchemaError):
        to_json({"n": Decimal(1)})


# --- lossless numbers ----------------------------------------------------------------------------


def _target(data: dict[str, Any]) -> dict[str, Any]:
    target: dict[str, Any] = data["plans"][0]["work_results"][0]["indicators"][0]["target"]
    return target


def test_a_decimal_keeps_its_digits_through_a_round_trip() -> None:
    data = document()
    _target(data)["lower"] = "0.10"
    doc = load_document(data)
    lower = doc.plans[0].work_results[0].indicators[0].target.lower
    assert lower == Decimal("0.1")
    assert str(lower) == "0.10"  # not only equal: the written digits are kept
    assert _target(dump_document(doc))["lower"] == "0.10"


def test_a_json_number_is_read_exactly_never_as_a_binary_float() -> None:
    text = json.dumps(BASE).replace('"lower": "95"', '"lower": 12.50')
    doc = load_document(text)
    lower = doc.plans[0].work_results[0].indicators[0].target.lower
    assert isinstance(lower, Decimal)
    assert str(lower) == "12.50"
    assert _target(dump_document(doc))["lower"] == "12.50"
    # 0.1 + 0.2 is exact in Decimal; as a float it would be 0.30000000000000004.
    text = json.dumps(BASE).replace('"value": "97.50"', '"value": 0.30000000000000000')
    value = load_document(text).assessments[0].realisations[0].value
    assert value == Decimal("0.1") + Decimal("0.2")


def test_exponent_notation_is_written_back_in_plain_notation_and_zero_as_0() -> None:
    data = document()
    _target(data)["lower"] = "1E+2"
    _target(data)["upper"] = "2.5e2"
    dumped = _target(dump_document(load_document(data)))
    assert (dumped["lower"], dumped["upper"]) == ("100", "250")
    _target(data)["lower"], _target(data)["upper"] = "0.00", None
    # The domain normalises zero to Decimal(0) (numbers.to_decimal), so "0.00" is written "0".
    assert _target(dump_document(load_document(data)))["lower"] == "0"


def test_a_huge_json_number_is_refused_at_its_path() -> None:
    text = json.dumps(BASE).replace('"lower": "95"', '"lower": 1e999')
    error = fails(text, DecimalInputError)
    assert error.path == "$.plans[0].work_results[0].indicators[0].target.lower"
    assert error.rule == "D5-RANGE"
    assert error.value == Decimal("1e999")


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-1", "sembilan puluh"])
def test_non_finite_negative_or_wordy_decimals_are_refused(bad: str) -> None:
    data = document()
    _target(data)["lower"] = bad
    error = fails(data, DecimalInputError)
    assert error.path == "$.plans[0].work_results[0].indicators[0].target.lower"
    assert str(error.value) == bad  # "-1" is refused by the Target, as Decimal("-1")
    assert error.rule is not None
    assert error.rule.startswith("D5-")


def test_a_python_float_handed_in_directly_is_refused() -> None:
    data = document()
    data["assessments"][0]["realisations"][0]["value"] = 97.5
    error = fails(data, DecimalInputError)
    assert error.path == "$.assessments[0].realisations[0].value"
    assert error.rule == "D5-EXACT"
    assert error.value == 97.5


# --- text limits ---------------------------------------------------------------------------------


def test_overlong_text_is_refused_with_the_limit_in_the_fix() -> None:
    data = document()
    data["employees"][0]["name"] = "x" * 201
    error = fails(data, SchemaError)
    assert (error.path, error.rule) == ("$.employees[0].name", "SCHEMA-string_too_long")
    assert "200" in (error.fix or "")


# --- whole numbers -------------------------------------------------------------------------------


def _with_rewards(number: str) -> str:
    """The base document as JSON text with a reward entry whose ``kelas`` and attendance
    counts are written as ``number`` (the text exactly, as another encoder would write it)."""
    data = document()
    data["reward_inputs"] = {
        BASE["employees"][1]["nip"]: {
            "kelas": "KELAS",
            "attendance": {"2025-03": {"days_absent": "DAYS"}},
        }
    }
    text = json.dumps(data)
    return text.replace('"KELAS"', number).replace('"DAYS"', number)


@pytest.mark.parametrize("written", ["7.0", "7.00", "7", "0.7E1", "700E-2"])
def test_a_whole_number_written_with_a_zero_fraction_is_accepted(written: str) -> None:
    """Reproduces issue 10 s.7: PHP's json_encode(7.0) writes 7.0, which the published schema
    accepts as an integer, but the loader refused it (SCHEMA-int_type)."""
    doc = load_document(_with_rewards(written))
    (inputs,) = doc.reward_inputs.values()
    assert inputs.kelas == 7
    assert type(inputs.kelas) is int
    (month,) = inputs.attendance.values()
    assert month.days_absent == 7
    assert type(month.days_absent) is int


def test_min_anonymous_responses_written_as_3_0_is_read_as_3() -> None:
    text = json.dumps(document(guards={"min_anonymous_responses": "N"})).replace('"N"', "3.0")
    assert load_document(text).guards.min_anonymous_responses == 3


@pytest.mark.parametrize(
    ("written", "shown"), [("7.5", "7.5"), ("7.05", "7.05"), ("75E-1", "7.5"), ("1E-1", "0.1")]
)
def test_a_whole_number_field_refuses_a_fraction_naming_it(written: str, shown: str) -> None:
    """Reproduces nothing old (7.5 was refused before, as int_type): the refusal now says
    what is wrong, and the value is shown in plain notation."""
    error = fails(_with_rewards(written), SchemaError)
    assert error.rule == "SCHEMA-int_from_float"
    assert error.path is not None
    assert error.path.endswith(".kelas")
    assert error.value == shown
    assert "whole number" in error.message
    assert "whole number" in error.fix


def test_text_booleans_and_python_floats_stay_refused_in_whole_number_fields() -> None:
    for written in ('"7"', "true"):
        assert fails(_with_rewards(written), SchemaError).rule == "SCHEMA-int_type"
    data = document(guards={"min_anonymous_responses": 3.0})
    assert fails(data, SchemaError).rule == "SCHEMA-int_type"


def test_the_schema_and_the_loader_agree_on_whole_numbers() -> None:
    """jsonschema is not a dependency: the agreement is checked by hand. JSON Schema's
    "integer" accepts any number with a zero fractional part (7.0) and refuses 7.5; the
    loader now does the same, so each whole-number field must be typed "integer" with its
    minimum as a JSON Schema keyword (never pydantic's "ge", which validators ignore)."""
    from asn_performance.boundary.appraisal_document import input_json_schema

    schema = input_json_schema()
    defs = schema["$defs"]
    attendance = defs["AttendanceModel"]["properties"]
    for field in ("days_absent", "missing_checks", "minutes_late_or_early", "missed_ceremonies"):
        assert (attendance[field]["type"], attendance[field]["minimum"]) == ("integer", 0)
    kelas = defs["RewardInputsModel"]["properties"]["kelas"]["anyOf"]
    assert {"type": "integer", "minimum": 1} in kelas
    guards = defs["GuardsModel"]["properties"]["min_anonymous_responses"]
    assert (guards["type"], guards["minimum"]) == ("integer", 1)
    assert '"ge"' not in json.dumps(schema)
