"""The published JSON Schemas (``asn_performance.boundary.schemas``) against what the library
really reads and writes, checked with a JSON Schema validator (``jsonschema``, draft 2020-12).

Issue 10 §7: ``asn-performance schema`` described only the appraise output, and ``rewards
--json`` gave hundreds of errors against it. Each output below is produced by the library on the
built-in sample and on the regime examples, and validated against the schema of its name; each
output schema also refuses a record with a wrong type or an extra key, so the checks can fail.
The input schemas are held against the loaders: what the schema refuses the loader refuses too,
and the looser inputs the loader alone accepts are listed (``docs/reference/schemas.md``).
"""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator
from lifecycle_story import DECIDED

from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    dump_document,
    dump_rewards,
    input_json_schema,
    load_document,
    output_json_schema,
    sample_document,
)
from asn_performance.boundary.calibration_files import (
    check_document,
    dump_units_document,
    load_units_document,
    units_json_schema,
)
from asn_performance.boundary.cycle_document import dump_cycle, dump_feedback, dump_roster
from asn_performance.boundary.part_documents import dump_appraisal, dump_result
from asn_performance.boundary.policy_files import (
    dump_reward_policy,
    list_builtin_policies,
    load_builtin_policy,
)
from asn_performance.boundary.regime_documents import (
    dump_regime_document,
    dump_regime_result,
    load_regime_document,
)
from asn_performance.boundary.schemas import SCHEMAS, json_schema
from asn_performance.consequences import Attendance, RewardInputs
from asn_performance.domain.period import Period
from asn_performance.exceptions import AsnPerformanceError, InputError
from asn_performance.process.roster import Roster

KEY = b"0123456789abcdef0123456789abcdef"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
EXAMPLES = ("pp46_2019.json", "permenpanrb_8_2021.json", "integration_2021.json")

# The catalogue, written out by hand: name -> input or output.
CATALOGUE = {
    "document": "input",
    "results": "output",
    "pp46_2011": "input",
    "permenpanrb_8_2021": "input",
    "integration_2021": "input",
    "regime-results": "output",
    "rewards": "output",
    "policy": "input",
    "units": "input",
    "calibration": "output",
    "oversight": "output",
    "sealed": "input",
    "error": "output",
    "appraisal": "input",
    "cycle": "input",
    "roster": "input",
    "cycle-records": "input",
    "feedback": "input",
}


def validator(name: str) -> Draft202012Validator:
    """A validator of the schema ``name`` that also checks ``format`` (``date``): the input
    schemas state a date's form only as its format."""
    return Draft202012Validator(
        json_schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def problems(name: str, instance: object) -> list[str]:
    """Every way ``instance`` breaks the schema ``name`` (JSON round trip first, as written)."""
    data = json.loads(json.dumps(instance))
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(name).iter_errors(data)
    ]


def assert_valid(name: str, instance: object) -> None:
    found = problems(name, instance)
    assert not found, f"{len(found)} errors against {name!r}: {found[:5]}"


def assert_invalid(name: str, instance: object) -> None:
    assert problems(name, instance), f"the schema {name!r} accepted a bad record"


# --- the documents the tests use ------------------------------------------------------------------

SAMPLE = sample_document()
APPRAISALS = SAMPLE.appraise_all()


def monthly_document(policy_name: str) -> AppraisalDocument:
    """The sample unit appraised for December 2025, with reward inputs for every employee: a
    kelas in the policy's table (when it pays an allowance), one month's attendance and an
    angka kredit already held, so that allowances, angka kredit and consequences are written."""
    month = Period.month(2025, 12)
    allowance = load_builtin_policy(policy_name).allowance
    kelas = None if allowance is None else next(iter(allowance.base))
    inputs = RewardInputs(
        kelas=kelas,
        attendance={"2025-12": Attendance(days_absent=1, missing_checks=2, missed_ceremonies=1)},
        prior_angka_kredit="12.5",
    )
    return attrs.evolve(
        SAMPLE,
        plans=tuple(attrs.evolve(plan, period=month) for plan in SAMPLE.plans),
        assessments=tuple(attrs.evolve(a, period=month) for a in SAMPLE.assessments),
        reward_inputs={employee.nip: inputs for employee in SAMPLE.employees},
    )


def regime_example(name: str) -> str:
    return files("asn_performance.examples").joinpath(name).read_text("utf-8")


UNITS = {
    "schema_version": "1",
    "title": "Kanreg contoh",
    "units": [
        {
            "unit": "Dinas A",
            "organisation_predikat": "baik",
            "counts": {"sangat_baik": 5, "baik": 5},
        },
        {"unit": "Dinas B", "organisation_predikat": "istimewa", "counts": {"baik": 4}},
        {"unit": "Dinas C", "organisation_predikat": "kurang", "counts": {}},
    ],
}


# --- the catalogue ------------------------------------------------------------------------------


def test_the_catalogue_names_every_document_in_order() -> None:
    assert list(SCHEMAS) == list(CATALOGUE)
    assert {name: entry.direction for name, entry in SCHEMAS.items()} == CATALOGUE
    for entry in SCHEMAS.values():
        assert entry.description
        assert entry.command


def test_the_catalogue_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        SCHEMAS["extra"] = SCHEMAS["document"]  # type: ignore[index]


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_each_schema_is_a_draft_2020_12_schema_with_a_title(name: str) -> None:
    schema = json_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT
    assert "$id" not in schema
    assert isinstance(schema["title"], str)
    assert isinstance(schema["description"], str)
    assert schema["title"]
    assert schema["description"]


def test_an_unknown_name_is_refused_with_the_names_to_use() -> None:
    with pytest.raises(InputError) as info:
        json_schema("reward")
    error = info.value
    assert (error.path, error.value, error.rule) == ("NAME", "reward", "SCHEMA-name")
    assert error.fix is not None
    for name in CATALOGUE:
        assert name in error.fix


def test_the_regime_id_of_2022_names_the_input_document() -> None:
    assert json_schema("permenpanrb_6_2022") == json_schema("document") == json_schema()


def test_the_schemas_printed_before_are_printed_unchanged() -> None:
    """`schema` and `schema --output` print the same text as before the catalogue."""
    assert json.dumps(json_schema("document")) == json.dumps(input_json_schema())
    assert json.dumps(json_schema("results")) == json.dumps(output_json_schema())
    assert json.dumps(json_schema("units")) == json.dumps(units_json_schema())


# --- what the library writes validates ----------------------------------------------------------


def test_the_sample_document_validates() -> None:
    assert_valid("document", dump_document(SAMPLE))
    assert_valid("document", dump_document(monthly_document("kemnaker_2025")))


@pytest.mark.parametrize("key", [None, KEY])
def test_the_appraise_output_validates(key: bytes | None) -> None:
    assert_valid("results", [dump_result(a, key=key) for a in APPRAISALS])


@pytest.mark.parametrize("policy", list_builtin_policies())
def test_the_rewards_output_validates(policy: str) -> None:
    """Reproduces issue 10 §7: `rewards --json` gave 496 errors against the only schema."""
    rules = load_builtin_policy(policy)
    annual_record = dump_rewards(rules, SAMPLE.evaluate_rewards(rules, APPRAISALS))
    monthly_record = dump_rewards(rules, monthly_document(policy).evaluate_rewards(rules))
    assert_valid("rewards", annual_record)
    assert_valid("rewards", monthly_record)
    annual, monthly = annual_record["outcomes"], monthly_record["outcomes"]
    written = {key for record in annual + monthly for key, v in record.items() if v}
    # every part of an outcome is written somewhere in these records, so each is checked
    expected = {"angka_kredit", "minimums", "career", "recognition", "development"}
    assert expected | {"consequences", "notes"} <= written
    if rules.allowance is not None:
        assert "allowances" in written


def test_the_rewards_output_is_not_the_appraise_output() -> None:
    rules = load_builtin_policy("national")
    record = dump_rewards(rules, SAMPLE.evaluate_rewards(rules, APPRAISALS))
    assert_invalid("results", record)
    assert_invalid("results", record["outcomes"])


@pytest.mark.parametrize("rounding", ["strict", "lenient"])
def test_the_calibration_output_validates(rounding: str) -> None:
    reports = check_document(SAMPLE, rounding, appraisals=APPRAISALS)
    assert_valid("calibration", [report.to_dict() for report in reports])


def test_the_oversight_output_validates() -> None:
    report = load_units_document(UNITS).oversee()
    data = report.to_dict()
    # Dinas A (organisation Baik) has no Butuh Perbaikan or Kurang: at least 1 is required
    assert data["units_with_violations"] == 1
    assert data["units"][0]["violations"]
    assert_valid("oversight", data)


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_regime_results_validate(example: str) -> None:
    document = load_regime_document(regime_example(example))
    assert_valid("regime-results", [dump_regime_result(r) for r in document.compute()])


@pytest.mark.parametrize("key", [None, KEY])
def test_sealed_records_validate_alone_and_in_a_list(key: bytes | None) -> None:
    result = dump_result(APPRAISALS[0], key=key)
    appraisal = dump_appraisal(APPRAISALS[1], key=key)
    cycle = dump_cycle(DECIDED, key=key)
    for record in (result, appraisal, cycle):
        assert_valid("sealed", record)
    assert_valid("sealed", [result, appraisal, cycle])
    assert_valid("appraisal", appraisal)
    assert_valid("cycle", cycle)


def test_a_record_without_its_seal_or_an_empty_list_is_not_a_sealed_record() -> None:
    record = dump_result(APPRAISALS[0])
    del record["integrity"]
    assert_invalid("sealed", record)
    assert_invalid("sealed", [])
    assert_invalid("sealed", {"integrity": dump_result(APPRAISALS[0])["integrity"]})


def test_the_roster_and_feedback_records_validate() -> None:
    assert_valid("roster", dump_roster(Roster(SAMPLE.employees)))
    assert DECIDED.feedback
    for entry in DECIDED.feedback:
        assert_valid("feedback", dump_feedback(entry))


def test_an_error_object_validates() -> None:
    bad = dump_document(SAMPLE)
    bad["employees"][0]["nip"] = "12345"
    bad["plans"][0]["period"] = 2025
    bad["extra"] = True
    with pytest.raises(AsnPerformanceError) as info:
        load_document(bad)
    assert info.value.count >= 3
    assert_valid("error", {"error": info.value.to_dict()})
    plain = AsnPerformanceError("no value named", rule="TYPE")
    assert_valid("error", {"error": plain.to_dict()})
    many = InputError("first", path="$", value=7, also=(), more=250)
    assert_valid("error", {"error": many.to_dict()})


@pytest.mark.parametrize("policy", list_builtin_policies())
def test_each_builtin_policy_validates(policy: str) -> None:
    assert_valid("policy", dump_reward_policy(load_builtin_policy(policy)))


def test_the_units_document_validates() -> None:
    assert_valid("units", UNITS)
    assert_valid("units", dump_units_document(load_units_document(UNITS)))


@pytest.mark.parametrize(
    ("example", "name"),
    [
        ("pp46_2019.json", "pp46_2011"),
        ("permenpanrb_8_2021.json", "permenpanrb_8_2021"),
        ("integration_2021.json", "integration_2021"),
    ],
)
def test_the_regime_examples_and_their_dumps_validate(example: str, name: str) -> None:
    text = regime_example(example)
    assert_valid(name, json.loads(text))
    assert_valid(name, dump_regime_document(load_regime_document(text)))
    other = next(n for n in ("pp46_2011", "permenpanrb_8_2021") if n != name)
    assert_invalid(other, json.loads(text))


# --- each output schema can fail ----------------------------------------------------------------


def _rewards() -> dict[str, Any]:
    """What ``rewards --json`` writes for the monthly document under the Kemnaker policy."""
    policy = load_builtin_policy("kemnaker_2025")
    return dump_rewards(policy, monthly_document("kemnaker_2025").evaluate_rewards(policy))


def _first_outcome(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """``record`` with its first outcome changed."""
    return {**record, "outcomes": [{**record["outcomes"][0], **changes}]}


def _regime_results() -> list[dict[str, Any]]:
    document = load_regime_document(regime_example("pp46_2019.json"))
    return [dump_regime_result(r) for r in document.compute()]


def _extra_key(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "unexpected": 1}


@pytest.mark.parametrize(
    ("name", "make", "spoil"),
    [
        ("results", lambda: [dump_result(APPRAISALS[0])], lambda d: [_extra_key(d[0])]),
        ("results", lambda: [dump_result(APPRAISALS[0])], lambda d: [{**d[0], "predikat": 3}]),
        ("rewards", _rewards, lambda d: {**d, "outcomes": [_extra_key(d["outcomes"][0])]}),
        ("rewards", _rewards, lambda d: _first_outcome(d, nip="1986")),
        (
            "rewards",
            _rewards,
            lambda d: _first_outcome(
                d, allowances=[{**d["outcomes"][0]["allowances"][0], "total": 5871574}]
            ),
        ),
        (
            "rewards",
            _rewards,
            lambda d: _first_outcome(
                d, allowances=[{**d["outcomes"][0]["allowances"][0], "predikat": "Baik"}]
            ),
        ),
        ("rewards", _rewards, lambda d: {**d, "totals": {**d["totals"], "total": 7381957}}),
        ("rewards", _rewards, lambda d: d["outcomes"]),  # the bare list of before
        (
            "calibration",
            lambda: [r.to_dict() for r in check_document(SAMPLE, appraisals=APPRAISALS)],
            lambda d: [{**d[0], "counts": {**d[0]["counts"], "excellent": 1}}],
        ),
        (
            "calibration",
            lambda: [r.to_dict() for r in check_document(SAMPLE, appraisals=APPRAISALS)],
            lambda d: [{**d[0], "checks": [{**d[0]["checks"][0], "percent": "63.6"}]}],
        ),
        (
            "oversight",
            lambda: load_units_document(UNITS).oversee().to_dict(),
            lambda d: {**d, "ok": "no"},
        ),
        (
            "oversight",
            lambda: load_units_document(UNITS).oversee().to_dict(),
            lambda d: {**d, "by_organisation_predikat": {"luar_biasa": {"units": 1}}},
        ),
        (
            "regime-results",
            _regime_results,
            lambda d: [{**d[0], "value": 83.3}],
        ),
        (
            "regime-results",
            _regime_results,
            lambda d: [{**d[0], "regime": "permenpanrb_8_2021"}],
        ),
        (
            "error",
            lambda: {"error": AsnPerformanceError("x", path="$").to_dict()},
            lambda d: {"error": {**d["error"], "problems": []}},
        ),
        (
            "error",
            lambda: {"error": AsnPerformanceError("x", path="$").to_dict()},
            lambda d: {"error": {**d["error"], "problems": [{"message": "x"}]}},
        ),
    ],
)
def test_each_output_schema_refuses_a_spoiled_record(name: str, make: Any, spoil: Any) -> None:
    made = make()
    assert_valid(name, made)
    assert_invalid(name, spoil(copy.deepcopy(made)))


# --- the loaders and the input schemas agree --------------------------------------------------


def _document_text(anonymous: str) -> str:
    data = dump_document(SAMPLE)
    text = json.dumps(data)
    marker = '"min_anonymous_responses": 3'
    assert marker in text
    return text.replace(marker, f'"min_anonymous_responses": {anonymous}')


def test_a_whole_number_written_with_a_point_is_accepted_by_both() -> None:
    text = _document_text("7.0")
    assert load_document(text).guards.min_anonymous_responses == 7
    assert not problems("document", json.loads(text))


def test_a_number_with_a_fraction_is_refused_by_both() -> None:
    text = _document_text("7.5")
    with pytest.raises(AsnPerformanceError) as info:
        load_document(text)
    assert info.value.rule == "SCHEMA-int_from_float"
    assert problems("document", json.loads(text))


def test_a_count_written_with_a_point_agrees_in_the_units_document() -> None:
    good = json.loads(json.dumps(UNITS).replace('"baik": 4}', '"baik": 4.0}'))
    bad = json.loads(json.dumps(UNITS).replace('"baik": 4}', '"baik": 4.5}'))
    good_text, bad_text = json.dumps(good), json.dumps(bad)
    assert load_units_document(good_text).units[1].counts[1] == 4
    assert not problems("units", good)
    with pytest.raises(AsnPerformanceError):
        load_units_document(bad_text)
    assert problems("units", bad)


def _spoiled(change: Any) -> dict[str, Any]:
    data = dump_document(SAMPLE)
    change(data)
    return data


BAD_DOCUMENTS = {
    "no schema_version": lambda d: d.pop("schema_version"),
    "an unknown field": lambda d: d.update(extra=1),
    "a NIP of 5 digits": lambda d: d["employees"][0].update(nip="12345"),
    "a rating that is no code or label": lambda d: d["assessments"][0].update(
        hasil_kerja="excellent"
    ),
    "leads_unit as text": lambda d: d["plans"][0].update(leads_unit="yes"),
    "employees not a list": lambda d: d.update(employees={}),
    "a plan without work results": lambda d: d["plans"][0].update(work_results=[]),
    "a date in another form": lambda d: d["assessments"][0].update(given_on="05/01/2026"),
    "the anonymity minimum as text": lambda d: d["guards"].update(min_anonymous_responses="3"),
    "schema_version 2": lambda d: d.update(schema_version="2"),
}


@pytest.mark.parametrize("change", list(BAD_DOCUMENTS.values()), ids=list(BAD_DOCUMENTS))
def test_a_document_the_schema_refuses_the_loader_refuses(change: Any) -> None:
    data = _spoiled(change)
    assert problems("document", data)
    with pytest.raises(AsnPerformanceError):
        load_document(data)


def _spaced(nip: str) -> str:
    """A NIP in its official groups: ``19780517 200312 2 001``."""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


LOOSER = {
    "a decimal with an exponent": lambda d: d["plans"][0]["work_results"][0]["indicators"][0][
        "target"
    ].update(lower="1e1"),
    "a rating by its label": lambda d: d["assessments"][0].update(hasil_kerja="Sesuai Ekspektasi"),
    "a NIP with spaces": lambda d: d["employees"][0].update(nip=_spaced(d["employees"][0]["nip"])),
}


@pytest.mark.parametrize("change", list(LOOSER.values()), ids=list(LOOSER))
def test_the_loader_is_looser_than_the_canonical_schema_where_documented(change: Any) -> None:
    """The loader reads these (docs/reference/schemas.md lists them); the schema describes the
    canonical form the dumpers write, so it refuses them."""
    data = _spoiled(change)
    load_document(data)
    assert problems("document", data)
