"""The rulebook knows the status view's rules and the allowance's leave rules, so a step that
cites one keeps its title and citation when it is read back from JSON (``resolve``)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from asn_performance.consequences.allowance import (
    KEMNAKER_2025,
    LEAVE_RULES,
    Leave,
    compute_allowance,
)
from asn_performance.domain.explanation import Rule, Step
from asn_performance.domain.rating import Predikat
from asn_performance.process.status import STATUS_RULES, CycleRecord, cycle_status
from asn_performance.services.rulebook import RULEBOOK, resolve

# The tests run with --import-mode=importlib: load the BKN Serang story by its path.
_SPEC = importlib.util.spec_from_file_location(
    "status_bkn_story_rulebook",
    Path(__file__).parents[1] / "process" / "test_status_bkn_serang.py",
)
assert _SPEC is not None
assert _SPEC.loader is not None
_STORY = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_STORY)
AS_OF, D, KOTA = _STORY.AS_OF, _STORY.D, _STORY.KOTA


def _read_back(step: Step) -> Step:
    """The step as a loader rebuilds it from its JSON record (boundary.part_documents)."""
    data = json.loads(json.dumps(step.to_dict()))
    return Step(
        resolve(data["rule"]),
        data["dimension"],
        tuple((name, value) for name, value in data["inputs"]),
        data["output"],
        data["note"],
    )


@pytest.mark.parametrize("rule", [*STATUS_RULES, *LEAVE_RULES], ids=str)
def test_the_rule_is_in_the_rulebook_as_the_very_object(rule: Rule) -> None:
    assert RULEBOOK[rule.id] is rule
    assert resolve(rule.id) is rule


def test_a_status_items_step_round_trips_with_its_citation() -> None:
    (item,) = cycle_status([CycleRecord(KOTA, "Unit", D)], as_of=AS_OF).items
    step = item.step
    again = _read_back(step)
    assert again == step
    assert again.rule is item.rule
    assert (again.title, again.citation) == (item.rule.title, item.rule.citation)
    assert again.citation  # a known rule, not a bare id


def test_a_leave_steps_round_trip_with_their_citations() -> None:
    result = compute_allowance(KEMNAKER_2025, 7, Predikat.BAIK, leave=Leave("cuti_besar", month=2))
    leave_steps = [step for step in result.steps if step.rule in LEAVE_RULES]
    assert leave_steps
    for step in result.steps:
        again = _read_back(step)
        assert again == step
        assert isinstance(again.rule, Rule)
        assert again.citation == step.citation
