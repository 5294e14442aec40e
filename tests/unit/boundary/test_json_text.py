"""Reading JSON text for the boundary (:mod:`asn_performance.boundary._json_text`): text, bytes
and mappings, exact numbers, repeated keys, depth, NaN, malformed text, the errors of pydantic and
the domain at a JSON path such as ``$.plans[0].id``, and :func:`to_json`.

Most cases read the unit document of :mod:`boundary_story` through
:func:`~asn_performance.boundary.appraisal_document.load_document`, so that every error names the
path it has in a real document.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from boundary_story import BASE, document, fails
from pydantic import ValidationError

from asn_performance.boundary._json_text import (
    BUDGET,
    MAX_DEPTH,
    ProblemBudget,
    member,
    read_source,
    repath,
    require,
    to_json,
)
from asn_performance.boundary.appraisal_document import (
    DocumentModel,
    dump_document,
    load_document,
)
from asn_performance.boundary.part_documents import (
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
from asn_performance.domain.nip import Nip
from asn_performance.exceptions import InputError, SchemaError

# --- text, bytes and mappings --------------------------------------------------------------------


def test_text_bytes_and_mappings_give_the_same_document() -> None:
    text = json.dumps(BASE)
    from_dict = load_document(BASE)
    assert load_document(text) == from_dict
    assert load_document(text.encode("utf-8")) == from_dict
    assert load_document("\ufeff" + text) == from_dict  # a UTF-8 byte order mark is skipped
    assert load_document(b"\xef\xbb\xbf" + text.encode("utf-8")) == from_dict


def test_tuples_in_a_mapping_count_as_arrays() -> None:
    data = document()
    data["employees"] = tuple(data["employees"])
    assert load_document(data) == load_document(BASE)


def test_json_text_is_read_with_exact_numbers() -> None:
    data = read_source('{"a": 0.1, "b": [1, "x"]}')
    assert data == {"a": Decimal("0.1"), "b": [1, "x"]}
    assert isinstance(data["a"], Decimal)


def test_a_repeated_key_is_refused_at_the_root() -> None:
    with pytest.raises(SchemaError) as caught:
        read_source('{"a": 1, "a": 2}')
    assert (caught.value.path, caught.value.rule) == ("$", "SCHEMA-duplicate_key")


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    deep: object = 1
    for _ in range(MAX_DEPTH + 1):
        deep = [deep]
    with pytest.raises(SchemaError) as caught:
        read_source({"x": deep})
    assert caught.value.rule == "SCHEMA-too_deep"


def test_nan_in_json_text_is_refused_with_its_line() -> None:
    text = '{\n  "schema_version": "1",\n  "title": NaN,\n  "employees": [], "plans": []}'
    error = fails(text, SchemaError)
    assert error.path == "$"
    assert error.rule == "SCHEMA-json_invalid"
    assert error.value == "NaN"
    assert "line 3 column 12" in error.message
    # NaN inside a string is text, not a number: only the real constant is located.
    text = '{"title": "NaN",\n"x": -Infinity}'
    assert "line 2 column 6" in fails(text, SchemaError).message


# --- shape errors: missing, extra, wrong type ----------------------------------------------------


def test_a_missing_field_names_its_path() -> None:
    data = document()
    del data["employees"][0]["name"]
    error = fails(data, SchemaError)
    assert error.path == "$.employees[0].name"
    assert error.rule == "SCHEMA-missing"
    assert error.fix == "add the field"
    assert "'name'" in error.message
    assert not error.has_value


def test_an_unknown_field_is_refused_so_typos_are_caught() -> None:
    data = document()
    indicator = data["plans"][0]["work_results"][0]["indicators"][0]
    indicator["targte"] = indicator.pop("target")
    error = fails(data, SchemaError)
    # Two problems: the typo and the now missing target; the first is reported, with a count.
    assert error.path in (
        "$.plans[0].work_results[0].indicators[0].targte",
        "$.plans[0].work_results[0].indicators[0].target",
    )
    assert "(and 1 more problem)" in error.message
    data = document()
    data["plans"][0]["work_results"][0]["indicators"][0]["target"]["satuan"] = "%"
    error = fails(data, SchemaError)
    assert error.path == "$.plans[0].work_results[0].indicators[0].target.satuan"
    assert error.rule == "SCHEMA-extra_forbidden"
    assert error.fix == "remove the field or check its spelling"
    assert error.value == "%"


@pytest.mark.parametrize(
    ("where", "value", "path", "rule"),
    [
        (("plans", 0, "leads_unit"), "yes", "$.plans[0].leads_unit", "SCHEMA-bool_type"),
        (("employees", 1, "name"), 42, "$.employees[1].name", "SCHEMA-string_type"),
        (("employees", 1, "position"), "Guru", "$.employees[1].position", "SCHEMA-model_type"),
        (("plans", 1, "work_results"), {}, "$.plans[1].work_results", "SCHEMA-list_type"),
        (
            ("assessments", 0, "given_on"),
            "12/01/2026",
            "$.assessments[0].given_on",
            "SCHEMA-date_format",
        ),
        (
            ("assessments", 0, "given_on"),
            "2026-02-30",
            "$.assessments[0].given_on",
            "SCHEMA-date_format",
        ),
        (("schema_version",), "2", "$.schema_version", "SCHEMA-literal_error"),
        (("schema_version",), 1, "$.schema_version", "SCHEMA-literal_error"),
    ],
)
def test_a_wrong_json_type_names_path_rule_and_value(
    where: tuple[Any, ...], value: object, path: str, rule: str
) -> None:
    data = document()
    node: Any = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    error = fails(data, SchemaError)
    assert (error.path, error.rule) == (path, rule)
    assert error.value == value


def test_the_count_of_further_problems_is_kept() -> None:
    data = document()
    data["employees"][0]["name"] = 1
    data["employees"][1]["name"] = 2
    data["employees"][2]["name"] = 3
    error = fails(data, SchemaError)
    assert error.path == "$.employees[0].name"
    assert "(and 2 more problems)" in error.message
    assert "(and 2 more problems)" in str(error)


def test_deep_nesting_is_refused_before_validation() -> None:
    data = document()
    deep: Any = "x"
    for _ in range(40):
        deep = {"a": deep}
    data["title"] = deep
    error = fails(data, SchemaError)
    assert error.rule == "SCHEMA-too_deep"
    assert (error.path or "").startswith("$.title.a.a")
    error = fails("[" * 100_000, SchemaError)
    assert (error.path, error.rule) == ("$", "SCHEMA-too_deep")


# --- malformed input -----------------------------------------------------------------------------


def test_malformed_json_text_names_the_line_and_column() -> None:
    text = '{\n  "schema_version": "1",\n  "employees": [}\n'
    error = fails(text, SchemaError)
    assert (error.path, error.rule) == ("$", "SCHEMA-json_invalid")
    assert "line 3 column 17" in error.message
    assert error.value == '"employees": [}'


def test_a_top_level_array_is_refused() -> None:
    error = fails("[1, 2]", SchemaError)
    assert (error.path, error.rule, error.value) == ("$", "SCHEMA-model_type", [1, 2])
    error = fails([BASE], SchemaError)  # a Python list is not a document source at all
    assert (error.path, error.rule) == ("$", "SCHEMA-input_type")


@pytest.mark.parametrize("source", [42, None, 1.5, object()])
def test_input_that_is_not_text_or_a_mapping_is_refused(source: object) -> None:
    error = fails(source, SchemaError)
    assert (error.path, error.rule) == ("$", "SCHEMA-input_type")
    assert error.value == type(source).__name__


def test_numbers_beyond_any_decimal_context_and_broken_unicode_are_refused() -> None:
    error = fails('{"schema_version": "1", "title": 1e9999999999999999999}', SchemaError)
    assert (error.path, error.rule) == ("$", "SCHEMA-json_invalid")
    error = fails(document(title="Bidang \ud800"), SchemaError)
    assert (error.path, error.rule) == ("$.title", "SCHEMA-string_unicode")
    error = fails('{"schema_version": "1", "title": "x\\udc00"}', SchemaError)
    assert (error.path, error.rule) == ("$.title", "SCHEMA-string_unicode")


def test_bytes_that_are_not_utf8_are_refused() -> None:
    error = fails(b'{"title": "\xff"}', SchemaError)
    assert (error.path, error.rule) == ("$", "SCHEMA-json_invalid")
    assert "UTF-8" in error.message


@pytest.mark.parametrize(
    "load", [load_document, load_employee, load_plan, load_assessment, load_appraisal]
)
@pytest.mark.parametrize("source", ["", "null", "[]", "{", '{"x": NaN}', b"\x00", {}])
def test_no_loader_lets_a_raw_error_escape(load: Any, source: object) -> None:
    with pytest.raises(SchemaError) as info:
        load(source)
    assert info.value.path is not None
    assert info.value.path.startswith("$")


# --- paths, errors and the text written back -----------------------------------------------------


def test_a_path_member_is_a_name_a_quoted_key_or_an_index() -> None:
    assert member("plans") == ".plans"
    assert member("198609262015051001") == "['198609262015051001']"
    assert member(3) == "[3]"


def test_repath_replaces_the_path_and_keeps_the_error() -> None:
    error = InputError("bad", path="x", value=1, rule="TYPE", fix="fix it")
    moved = repath(error, "$.y", " (and 1 more problem)")
    assert (moved.path, moved.rule, moved.value) == ("$.y", "TYPE", 1)
    assert moved.message == "bad (and 1 more problem)"
    assert error.path == "x"


def test_require_names_the_dump_function() -> None:
    with pytest.raises(SchemaError) as caught:
        require("x", Nip, "dump_employee")
    assert caught.value.message == "dump_employee() needs a Nip, not str"


@pytest.mark.parametrize(
    "dump", [dump_document, dump_employee, dump_plan, dump_assessment, dump_appraisal, dump_result]
)
def test_dumping_the_wrong_object_is_a_schema_error(dump: Any) -> None:
    with pytest.raises(SchemaError) as info:
        dump({"not": "a domain object"})
    assert (info.value.path, info.value.rule) == ("$", "SCHEMA-input_type")


def test_to_json_keeps_indonesian_text_and_refuses_what_json_cannot_hold() -> None:
    text = to_json({"nama": "Siti Aminah — Pengelola Beasiswa", "nilai": "97.50"})
    assert "—" in text
    assert text.startswith('{\n  "nama"')
    with pytest.raises(SchemaError) as info:
        to_json({"x": Decimal("1.5")})
    assert info.value.rule == "SCHEMA-not_json"
    with pytest.raises(SchemaError):
        to_json({"x": float("nan")})


def test_every_problem_is_listed_with_its_path() -> None:
    """Reproduces: a document with three problems reported only the first."""
    data = document()
    data["employees"][0]["name"] = 1
    data["employees"][1]["name"] = 2
    data["employees"][2]["name"] = 3
    error = fails(data, SchemaError)
    assert [(p.path, p.value, p.rule) for p in error.problems] == [
        ("$.employees[0].name", 1, "SCHEMA-string_type"),
        ("$.employees[1].name", 2, "SCHEMA-string_type"),
        ("$.employees[2].name", 3, "SCHEMA-string_type"),
    ]
    assert error.problems[0].message == "Input should be a valid string"
    assert error.more == 0


def test_at_most_100_problems_are_listed_and_the_rest_counted() -> None:
    data = document()
    for index in range(150):
        data[f"unknown_{index}"] = index
    error = fails(data, SchemaError)
    assert len(error.problems) == 100
    assert error.more == 50
    assert [p.path for p in error.problems[:2]] == ["$.unknown_0", "$.unknown_1"]
    assert error.problems[99].path == "$.unknown_99"
    assert "(and 149 more problems)" in str(error)


# --- the problem budget ----------------------------------------------------------------------


def test_the_problem_budget_counts_each_problem_once_however_deep() -> None:
    """Nested objects report their problems to the budget themselves; the object around them
    adds only its own. The document below has 3 problems by hand: an unknown key at the top,
    a plan that is not an object, and an employee without a name (plans and employees nest
    inside the document)."""

    data = document(colour="blue", plans=[7])
    del data["employees"][0]["name"]
    budget = ProblemBudget(1_000)
    with pytest.raises(ValidationError) as info:
        DocumentModel.model_validate(data, context={BUDGET: budget})
    assert info.value.error_count() == 3
    assert (budget.found, budget.skipped) == (3, 0)


def test_a_spent_budget_leaves_the_objects_after_it_unchecked() -> None:
    """With a budget of 1, the first employee's unknown key spends it: the objects after it
    (the other employees, the plans, the assessments) are not checked, and only that problem
    is found."""

    data = document()
    data["employees"][0]["colour"] = "blue"
    budget = ProblemBudget(1)
    with pytest.raises(ValidationError) as info:
        DocumentModel.model_validate(data, context={BUDGET: budget})
    assert info.value.error_count() == 1
    assert budget.found == 1
    assert budget.skipped > 0


def test_without_a_budget_a_wire_model_validates_everything() -> None:
    """An app that validates with the models itself (no context) gets every problem."""
    data = document(plans=[7] * 1_500)
    with pytest.raises(ValidationError) as info:
        DocumentModel.model_validate(data)
    assert info.value.error_count() == 1_500
