"""Round trips through the JSON boundary: ``load(dump(x)) == x`` for every kind of object.

The objects come from :mod:`asn_performance.testing`, realistic and hostile (valid domain
objects, appraisals made by ``appraise()``). Each round trip is checked on the dict and on the
JSON text, so the parser path (``parse_float=Decimal``) is exercised too. Two robustness
properties close the file: no input, however malformed, makes a loader raise anything but the
library's own error.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asn_performance import Appraisal, Assessment, Employee, PerformancePlan
from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    DocumentModel,
    dump_document,
    load_document,
    to_json,
)
from asn_performance.boundary.part_documents import (
    AppraisalModel,
    AssessmentModel,
    EmployeeModel,
    PlanModel,
    ResultModel,
    dump_appraisal,
    dump_assessment,
    dump_employee,
    dump_plan,
    dump_result,
    load_appraisal,
    load_assessment,
    load_employee,
    load_plan,
)
from asn_performance.exceptions import AsnPerformanceError
from asn_performance.testing import (
    appraisals,
    assessments,
    documents,
    employees,
    hostile_appraisals,
    hostile_assessments,
    hostile_documents,
    hostile_employees,
    hostile_plans,
    plans,
)

FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_plain_json(value: object) -> None:
    """Only str, int, bool, None, list and dict: no float, no Decimal, no tuple."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str)
            assert_plain_json(item)
    elif isinstance(value, list):
        for item in value:
            assert_plain_json(item)
    else:
        assert value is None or type(value) in (str, int, bool), type(value)


def _numbers_unquoted(text: str) -> str:
    """Write the decimal fields as JSON numbers instead of strings ("12.50" -> 12.50)."""
    return re.sub(r'"(lower|upper|value)": "([0-9]+(?:\.[0-9]+)?)"', r'"\1": \2', text)


@FAST
@given(employees() | hostile_employees())
def test_employee_round_trips(employee: Employee) -> None:
    data = dump_employee(employee)
    assert_plain_json(data)
    assert EmployeeModel.model_validate(data).model_dump(mode="json") == data
    assert load_employee(data) == employee
    assert load_employee(to_json(data)) == employee


@FAST
@given(plans() | hostile_plans())
def test_plan_round_trips_on_its_own(plan: PerformancePlan) -> None:
    data = dump_plan(plan)
    assert_plain_json(data)
    assert PlanModel.model_validate(data).model_dump(mode="json") == data
    assert load_plan(data) == plan
    text = to_json(data)
    assert load_plan(text) == plan
    assert load_plan(text.encode("utf-8")) == plan


@FAST
@given(plans() | hostile_plans())
def test_decimals_given_as_json_numbers_are_read_exactly(plan: PerformancePlan) -> None:
    text = _numbers_unquoted(to_json(dump_plan(plan)))
    loaded = load_plan(text)
    assert loaded == plan
    # Not only equal: the same digits ("12.50" stays 12.50, never 12.5 or 12.4999...).
    for (_, original), (_, again) in zip(plan.indicators(), loaded.indicators(), strict=True):
        assert str(again.target.lower) == str(original.target.lower)


@FAST
@given(assessments() | hostile_assessments())
def test_assessment_of_any_role_round_trips(assessment: Assessment) -> None:
    data = dump_assessment(assessment)
    assert_plain_json(data)
    assert AssessmentModel.model_validate(data).model_dump(mode="json") == data
    assert load_assessment(data) == assessment
    assert load_assessment(_numbers_unquoted(to_json(data))) == assessment


@FAST
@given(appraisals() | hostile_appraisals())
def test_appraisal_round_trips_with_its_explanation(appraisal: Appraisal) -> None:
    data = dump_appraisal(appraisal)
    assert_plain_json(data)
    assert AppraisalModel.model_validate(data).model_dump(mode="json") == data
    loaded = load_appraisal(to_json(data))
    assert loaded == appraisal
    assert loaded.explanation.steps == appraisal.explanation.steps
    assert loaded.explain() == appraisal.explain()


@FAST
@given(appraisals() | hostile_appraisals())
def test_result_record_is_plain_json_without_assessments(appraisal: Appraisal) -> None:
    data = dump_result(appraisal)
    assert_plain_json(data)
    assert ResultModel.model_validate(data).model_dump(mode="json") == data
    assert "assessments" not in data
    assert data["predikat"] == appraisal.predikat.code
    assert data["reason"] == appraisal.reason()
    assert json.loads(to_json(data)) == data


@FAST
@given(documents() | hostile_documents())
def test_document_round_trips(doc: AppraisalDocument) -> None:
    data = dump_document(doc)
    assert_plain_json(data)
    assert DocumentModel.model_validate(data).model_dump(mode="json") == data
    assert load_document(data) == doc
    assert load_document(to_json(data)) == doc
    assert load_document(_numbers_unquoted(to_json(data))) == doc


@FAST
@given(documents() | hostile_documents())
def test_loaded_document_appraises_as_the_original(doc: AppraisalDocument) -> None:
    original = doc.appraise_all()
    assert len(original) == len(doc.plans)
    assert [a.plan.id for a in original] == [p.id for p in doc.plans]
    assert load_document(to_json(dump_document(doc))).appraise_all() == original


# --- robustness: only the library's own errors, whatever comes in ------------------------------

_JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.decimals(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
)
_JUNK = st.recursive(
    _JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


@FAST
@given(_JUNK)
@pytest.mark.parametrize(
    "load", [load_document, load_employee, load_plan, load_assessment, load_appraisal]
)
def test_any_value_gives_a_result_or_a_library_error(load: Any, junk: object) -> None:
    for source in (junk if isinstance(junk, dict) else {"x": junk}, json.dumps(junk, default=str)):
        assert_result_or_library_error(load, source)


def assert_result_or_library_error(load: Any, source: object) -> object:
    """Call ``load``: it returns, or raises the library's own error with a JSON path."""
    caught: AsnPerformanceError | None = None
    try:
        return load(source)
    except AsnPerformanceError as error:
        caught = error
    assert caught.path is not None
    assert caught.path.startswith("$")
    assert caught.rule
    return None


def _leaves(value: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _leaves(item, (*path, index))]
    return [path]


def _replace(value: Any, path: tuple[Any, ...], new: object) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replace(value[path[0]], path[1:], new)
    return copy


@FAST
@given(documents() | hostile_documents(), st.data())
def test_a_corrupted_leaf_gives_a_library_error_at_a_json_path(
    doc: AppraisalDocument, data: st.DataObject
) -> None:
    dumped = dump_document(doc)
    path = data.draw(st.sampled_from(_leaves(dumped)))
    new = data.draw(_JSON_LEAVES)
    corrupted = _replace(dumped, path, new)
    loaded = assert_result_or_library_error(load_document, corrupted)
    if loaded is not None:
        # Accepted: the new value was equivalent or valid in that place, and never a float.
        assert isinstance(loaded, AppraisalDocument)
        assert not isinstance(new, float), f"a float was accepted at {path}"
