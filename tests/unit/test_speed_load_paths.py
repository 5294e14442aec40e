"""The fast paths of the JSON boundary (issue 12) give what the checked paths give.

* JSON text is parsed once and not copied (:func:`_json_text._as_parsed`); a document that
  may break a limit is still copied by ``_plain``, with the same error at the same path.
* NIPs, labels, decimals and periods are read once per document (``read_once``): the same
  text gives the same value, and an invalid value is still reported at every place.
* A document is built part by part (``_document_by_parts``); any problem sends it to the whole
  validation (``_document_whole``), which reports it as before.
* The wire models are built when first used (``defer_build``).
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest

from asn_performance.boundary import _json_text
from asn_performance.boundary import appraisal_document as document_module
from asn_performance.boundary.appraisal_document import (
    dump_document,
    load_document,
    sample_document,
)
from asn_performance.boundary.regime_documents import load_any
from asn_performance.exceptions import AsnPerformanceError


def _sample() -> dict[str, Any]:
    return dump_document(sample_document())


def _error(source: object) -> AsnPerformanceError:
    with pytest.raises(AsnPerformanceError) as caught:
        load_document(source)  # type: ignore[arg-type]
    return caught.value


def _whole_error(data: dict[str, Any]) -> AsnPerformanceError:
    with pytest.raises(AsnPerformanceError) as caught:
        document_module._document_whole(_json_text.read_source(copy.deepcopy(data)))
    return caught.value


def _same(a: AsnPerformanceError, b: AsnPerformanceError) -> None:
    assert type(a) is type(b)
    assert (a.message, a.path, a.rule, a.value, a.fix) == (
        b.message,
        b.path,
        b.rule,
        b.value,
        b.fix,
    )
    assert [(p.message, p.path, p.rule, p.value, p.fix) for p in a.problems] == [
        (p.message, p.path, p.rule, p.value, p.fix) for p in b.problems
    ]


# --- the document built part by part equals the one built whole ------------------------------


def _variants() -> list[dict[str, Any]]:
    base = _sample()
    labelled = copy.deepcopy(base)
    labelled["plans"][0]["approach"] = "Kuantitatif"  # a label: read as the code is
    labelled["assessments"][0]["role"] = "Pejabat Penilai Kinerja"
    behaviours = copy.deepcopy(base)
    behaviours["plans"][0].pop("behaviours", None)
    numbers = copy.deepcopy(base)
    numbers["plans"][0]["work_results"][0]["indicators"][0]["target"]["lower"] = 95
    return [base, labelled, behaviours, numbers]


@pytest.mark.parametrize("data", _variants())
def test_the_document_built_part_by_part_equals_the_one_built_whole(data: dict[str, Any]) -> None:
    parts = document_module._document_by_parts(copy.deepcopy(data))
    whole = document_module._document_whole(copy.deepcopy(data))
    assert parts == whole
    assert dump_document(parts) == dump_document(whole)
    assert load_document(json.dumps(data)) == whole
    assert load_document(data) == whole  # a mapping: copied and checked as before


def test_plans_without_behaviours_share_the_default_ones() -> None:
    data = _sample()
    for plan in data["plans"]:
        plan.pop("behaviours", None)
    doc = load_document(json.dumps(data))
    first, *others = (plan.behaviours for plan in doc.plans)
    assert others
    assert all(b is first for b in others)  # frozen objects, built once per document
    assert doc == document_module._document_whole(data)


# --- errors: the whole validation reports them, as before ------------------------------------


def _broken() -> list[dict[str, Any]]:
    cases = []
    bad_nip = _sample()
    bad_nip["employees"][1]["nip"] = "198609262015131001"
    cases.append(bad_nip)
    twice = _sample()
    twice["employees"][0]["nip"] = twice["employees"][2]["nip"] = "19860926201505100X"
    cases.append(twice)
    bad_label = _sample()
    bad_label["assessments"][0]["hasil_kerja"] = "luar biasa"
    bad_label["assessments"][1]["perilaku_kerja"] = "luar biasa"
    cases.append(bad_label)
    unknown_plan = _sample()
    unknown_plan["assessments"][2]["plan_id"] = "no-such-plan"
    cases.append(unknown_plan)
    duplicate = _sample()
    duplicate["employees"].append(copy.deepcopy(duplicate["employees"][0]))
    cases.append(duplicate)
    domain = _sample()
    domain["plans"][0]["work_results"][0]["indicators"][0]["target"]["lower"] = "-5"
    domain["plans"][0]["work_results"][0]["indicators"][0]["target"]["upper"] = "-9"
    cases.append(domain)
    extra = _sample()
    extra["plans"][0]["surprise"] = 1
    extra["employees"][0]["position"] = []
    cases.append(extra)
    return cases


@pytest.mark.parametrize("data", _broken())
def test_a_document_with_a_problem_is_reported_as_the_whole_validation_reports_it(
    data: dict[str, Any],
) -> None:
    expected = _whole_error(data)
    _same(_error(json.dumps(data)), expected)
    _same(_error(json.dumps(data).encode()), expected)
    _same(_error(copy.deepcopy(data)), expected)
    with pytest.raises(AsnPerformanceError) as caught:
        load_any(json.dumps(data))
    _same(caught.value, expected)


def test_a_repeated_invalid_value_is_reported_at_every_place() -> None:
    data = _sample()
    for employee in data["employees"]:
        employee["superior_nip"] = "123"  # the same text, read once when valid, never cached
    error = _error(json.dumps(data))
    places = [p.path for p in error.problems]
    assert error.path == places[0]
    assert places == [f"$.employees[{i}].superior_nip" for i in range(len(data["employees"]))]


def test_the_same_text_gives_the_same_value_within_one_document() -> None:
    doc = load_document(json.dumps(_sample()))
    nips = [e.nip for e in doc.employees] + [p.employee.nip for p in doc.plans]
    by_digits: dict[str, object] = {}
    for nip in nips:
        assert by_digits.setdefault(nip.digits, nip) == nip
    periods = {id(p.period) for p in doc.plans} | {id(a.period) for a in doc.assessments}
    assert len(periods) == len({p.period for p in doc.plans} | {a.period for a in doc.assessments})


# --- text is parsed once, not copied; the limits still hold ----------------------------------


def test_json_text_is_used_as_parsed_when_within_the_limits() -> None:
    text = json.dumps(_sample())
    data, parsed_from = _json_text._parse_text(text)
    assert _json_text._as_parsed(data, parsed_from)
    assert _json_text.read_source(text) == json.loads(text, parse_float=Decimal)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ('{"schema_version": "1", "title": "\\ud800"}', "SCHEMA-string_unicode"),
        ('{"schema_version": "1", "\\udfff": 1}', "SCHEMA-string_unicode"),
        ('{"schema_version": "1", "title": ' + "[" * 40 + "]" * 40 + "}", "SCHEMA-too_deep"),
        ('{"schema_version": "1", "title": [' + "{}," * 5 + '"\ud834"]}', "SCHEMA-string_unicode"),
    ],
)
def test_a_document_past_a_limit_is_refused_as_when_it_was_copied(text: str, rule: str) -> None:
    data, parsed_from = _json_text._parse_text(text)
    assert not _json_text._as_parsed(data, parsed_from)
    error = _error(text)
    assert error.rule == rule
    with pytest.raises(AsnPerformanceError) as caught:
        _json_text._plain(data)
    _same(error, caught.value)


def test_an_escaped_backslash_before_u_is_not_a_surrogate() -> None:
    data = _sample()
    data["title"] = "C:\\ud800 folder"  # a backslash, then the letters: valid text
    assert load_document(json.dumps(data)).title == "C:\\ud800 folder"


def test_a_long_array_in_an_array_is_refused_at_its_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_json_text, "MAX_ITEMS", 3)
    text = '{"schema_version": "1", "title": [[1, 2, 3, 4]]}'
    error = _error(text)
    assert (error.rule, error.path) == ("SCHEMA-too_long", "$.title[0]")


def test_a_repeated_key_is_still_refused() -> None:
    error = _error('{"schema_version": "1", "title": "a", "title": "b"}')
    assert error.rule == "SCHEMA-duplicate_key"
    assert error.value == "title"


# --- the wire models are built when first used -----------------------------------------------


def test_reading_a_document_does_not_build_the_models_of_the_others() -> None:
    code = (
        "from asn_performance.boundary.regime_documents import load_any\n"
        "from asn_performance.boundary.part_documents import AppraisalModel, EmployeeModel\n"
        "from asn_performance.boundary.cycle_document import CycleModel\n"
        "assert not AppraisalModel.__pydantic_complete__\n"
        "assert not CycleModel.__pydantic_complete__\n"
        "from asn_performance.boundary.appraisal_document import dump_document, sample_document\n"
        "load_any(__import__('json').dumps(dump_document(sample_document())))\n"
        "assert not EmployeeModel.__pydantic_complete__  # a valid document: pydantic-core only\n"
        "assert not AppraisalModel.__pydantic_complete__\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
