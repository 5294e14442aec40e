"""Hostile sizes, small: the shapes that ``benchmarks/fuzz.py --sizes`` times at full size.

Many invalid items spread over many lists, each list under ``MAX_ITEMS`` and the text under
``MAX_BYTES``, made pydantic collect every problem before the loader saw the first: three lists
of 150 000 invalid items took seconds and most of a gigabyte, twenty plans of 190 000 empty
work results ran out of memory (a panic in pydantic's Rust code). Validation now stops looking
once it has found ``MAX_PROBLEMS`` problems, and a document of more than ``MAX_VALUES`` values
is refused before it is parsed. Here the limits are lowered (monkeypatched) so that each case
runs in milliseconds; the expected counts are worked out by hand in each test.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from boundary_story import document

from asn_performance.boundary import _json_text
from asn_performance.boundary.appraisal_document import load_document
from asn_performance.exceptions import MAX_LISTED, AsnPerformanceError, SchemaError


def _refused(source: object) -> AsnPerformanceError:
    with pytest.raises(AsnPerformanceError) as info:
        load_document(source)  # type: ignore[arg-type]
    return info.value


def _three_lists(items: int) -> dict[str, Any]:
    # Each item is the number 7 where an object is required: exactly one problem
    # (SCHEMA-model_type) per item, and nothing else wrong in the document.
    return {
        "schema_version": "1",
        "employees": [7] * items,
        "plans": [7] * items,
        "assessments": [7] * items,
    }


def test_many_invalid_items_across_lists_list_max_listed_and_count_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reproduces: past MAX_PROBLEMS problems only the first was listed (and every problem of
    the document was collected first). With MAX_PROBLEMS at 150 and 3 x 300 items of one
    problem each, validation finds the problems of the first 150 employees and stops: 150
    problems found plus the one saying checking stopped = 151; MAX_LISTED (100) are listed
    (the first 99 found, then the stop), so 151 - 100 = 51 more; 900 - 150 = 750 items were
    not checked."""
    monkeypatch.setattr(_json_text, "MAX_PROBLEMS", 150)
    error = _refused(json.dumps(_three_lists(300)))
    assert isinstance(error, SchemaError)
    problems = error.problems
    assert len(problems) == MAX_LISTED
    assert error.more == 51
    assert [p.path for p in problems[:99]] == [f"$.employees[{i}]" for i in range(99)]
    assert {p.rule for p in problems[:99]} == {"SCHEMA-model_type"}
    stop = problems[-1]
    assert (stop.path, stop.rule) == ("$", "SCHEMA-too_many_problems")
    assert (
        "checking stopped after 150 of them and 750 further items were not checked" in stop.message
    )
    assert error.message.endswith("(and 150 more problems)")


def test_mixed_invalid_items_stop_after_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reproduces: every item of every list was validated and every problem collected.
    Employees with an unknown key, a bad NIP or the wrong type each have exactly one problem;
    with MAX_PROBLEMS at 30 and 3 x 200 such items the first 30 employees are checked, the
    other 570 items not."""
    monkeypatch.setattr(_json_text, "MAX_PROBLEMS", 30)
    sample = document()
    employee = sample["employees"][0]
    kinds = [{**employee, "colour": "blue"}, {**employee, "nip": "123"}, "an employee"]
    data = {
        "schema_version": "1",
        "employees": [kinds[i % 3] for i in range(200)],
        "plans": [[] for _ in range(200)],
        "assessments": [None] * 200,
    }
    error = _refused(data)
    assert isinstance(error, SchemaError)
    assert error.path == "$.employees[0].colour"
    assert error.count == 31  # 30 problems found, and the stop
    assert [p.path for p in error.problems[:4]] == [
        "$.employees[0].colour",
        "$.employees[1].nip",
        "$.employees[2]",
        "$.employees[3].colour",
    ]
    assert [p.rule for p in error.problems[1:3]] == ["NIP-FORMAT", "SCHEMA-model_type"]
    stop = error.problems[-1]
    assert stop.rule == "SCHEMA-too_many_problems"
    assert "570 further items were not checked" in stop.message


def test_nested_lists_of_invalid_items_stop_after_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reproduces (small): twenty plans of 190 000 empty work results ran pydantic out of
    memory. Bounded behaviour: with MAX_PROBLEMS at 40 and 5 plans of 200 work results that
    are not objects (1 000 problems in the work results alone), the problems found stay
    within the budget plus what one plan adds besides its items (its own missing fields; far
    under 40), and the stop is reported."""
    monkeypatch.setattr(_json_text, "MAX_PROBLEMS", 40)
    plan = {"id": "p", "work_results": [7] * 200}
    data = {"schema_version": "1", "employees": [], "plans": [plan] * 5}
    error = _refused(data)
    assert isinstance(error, SchemaError)
    assert 41 <= error.count <= 81
    assert error.problems[-1].rule == "SCHEMA-too_many_problems"


def test_one_object_of_many_problems_is_still_counted_in_full() -> None:
    """One object's own problems are counted before the budget is looked at: an object of
    5 000 unknown keys reports all 5 000 (plus the missing employees and plans: 5 002), its
    first 100 listed (MAX_LISTED), and no stop (nothing was left unchecked)."""
    data: dict[str, Any] = {"schema_version": "1", **{f"k{i}": 0 for i in range(5_000)}}
    error = _refused(data)
    assert error.count == 5_002
    assert len(error.problems) == 1  # past 2 x MAX_PROBLEMS only the first is read in full
    assert all(p.rule != "SCHEMA-too_many_problems" for p in error.problems)


# --- the values of a whole document ------------------------------------------------------------


def _titles(count: int, text: str = "0") -> str:
    # 1 (the document) + 1 ("1") + 1 (the array) + count values.
    return '{"schema_version": "1", "title": [' + ", ".join([text] * count) + "]}"


@pytest.mark.parametrize("item", ["0", '"a, b, [c], {d}"', "{}", "[]"])
def test_a_document_of_more_than_max_values_is_refused_before_parsing(
    item: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reproduces: nothing bounded the values of a document but its bytes; 64 MiB holds
    20 million empty objects, which took gigabytes to parse. With MAX_VALUES at 1 000 a
    document of 3 + 997 values is read (and refused for its title), one of 3 + 998 is refused
    for its size, whatever the values (commas and brackets inside text do not count)."""
    monkeypatch.setattr(_json_text, "MAX_VALUES", 1_000)
    assert _refused(_titles(997, item)).rule != "SCHEMA-too_many_values"
    error = _refused(_titles(998, item))
    assert (error.path, error.rule) == ("$", "SCHEMA-too_many_values")
    assert "1,001 values" in error.message
    assert "at most 1,000" in error.message
    assert error.fix == "split the document (e.g. one unit per file)"


def test_a_mapping_of_more_than_max_values_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A mapping given by a caller is counted as it is copied: 3 + 997 values are read, 3 +
    998 refused."""
    monkeypatch.setattr(_json_text, "MAX_VALUES", 1_000)
    data = {"schema_version": "1", "title": [{}] * 997}
    assert _refused(data).rule != "SCHEMA-too_many_values"
    data["title"] = [{}] * 998
    error = _refused(data)
    assert (error.path, error.rule) == ("$", "SCHEMA-too_many_values")
    assert "more than 1,000 values" in error.message


def test_a_good_document_is_read_as_before() -> None:
    text = json.dumps(document())
    assert load_document(text) == load_document(document())
    assert _json_text.MAX_VALUES == 3_000_000
    assert _json_text.MAX_PROBLEMS == 1_000


def test_many_invalid_values_inside_one_object_stop_after_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reproduces: one assessment's ratings (an object of up to MAX_ITEMS entries) were all
    read, each bad label an exception: three assessments of 2 x 199 999 bad ratings took 40 s
    and 4.2 GB. Bounded behaviour: with MAX_PROBLEMS at 30 and 500 ratings that are not
    labels (500 problems), the problems found stay within the budget plus the assessment's
    own missing fields (fewer than 20), and the stop is reported."""
    monkeypatch.setattr(_json_text, "MAX_PROBLEMS", 30)
    ratings = {f"r{i}": 0 for i in range(500)}
    data = {
        "schema_version": "1",
        "employees": [],
        "plans": [],
        "assessments": [{"work_result_ratings": ratings}],
    }
    error = _refused(data)
    assert 31 <= error.count <= 51
    stop = error.problems[-1]
    assert stop.rule == "SCHEMA-too_many_problems"
