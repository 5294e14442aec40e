"""Hostile input to the appraisal documents' loaders and ``to_json``: only the library's own errors
escape (the property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay
fixed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hostile import OMIT, FuzzTarget, SpecTable, check_target, constructors, refusal, values
from hostile_bases import (
    APPRAISAL_BASES,
    ASSESSMENT_BASES,
    CYCLE_BASES,
    DOCUMENT_BASES,
    EMPLOYEE,
    EMPLOYEE_BASES,
    FEEDBACK_BASES,
    NIP,
    PLAN,
    PLAN_ASSESSMENTS,
    PLAN_BASES,
    ROSTER_BASES,
    SAMPLE,
    SAMPLE_DICT,
    TEXT_NEAR,
    after_cycle,
    after_document,
    after_dump,
)
from hostile_values import json_sources

from asn_performance import Nip, OrganisationPredikat
from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    dump_assessment,
    dump_employee,
    dump_feedback,
    dump_plan,
    dump_result,
    dump_roster,
    load_appraisal,
    load_assessment,
    load_cycle,
    load_document,
    load_employee,
    load_feedback,
    load_plan,
    load_roster,
    to_json,
)
from asn_performance.consequences.policy import RewardInputs

_SPECS: SpecTable = {
    "AppraisalDocument": (
        AppraisalDocument,
        {
            "employees": (values(SAMPLE.employees), values((), SAMPLE.employees * 2, [None])),
            "plans": (values(SAMPLE.plans, ()), values(SAMPLE.plans * 2, [PLAN.id])),
            "assessments": (values(SAMPLE.assessments, (), OMIT), values([None], "x")),
            "policy": (values(SAMPLE.policy, OMIT), values("supervisor_decides", None)),
            "guards": (values(SAMPLE.guards, OMIT), values(None, {})),
            "organisation_predikat": (values(None, OrganisationPredikat.BAIK), values("baik")),
            "title": (values(None, "Judul", OMIT), TEXT_NEAR),
            "reward_inputs": (
                values({}, {NIP: RewardInputs(kelas=7)}, {NIP.digits: RewardInputs()}, OMIT),
                values(
                    {"000": RewardInputs()},
                    {NIP: None},
                    {NIP: RewardInputs(), NIP.digits: RewardInputs()},
                    {Nip("199001012019032001"): RewardInputs()},
                    [NIP],
                ),
            ),
        },
        after_document,
    ),
    "to_json": (to_json, {"data": (values({"a": "1"}, [1, "x"]), [])}, None),
}

TARGETS: tuple[FuzzTarget, ...] = (
    *constructors(_SPECS),
    FuzzTarget(
        "load_document", json_sources(DOCUMENT_BASES), load_document, True,
        after_document,
    ),
    FuzzTarget(
        "load_employee", json_sources(EMPLOYEE_BASES), load_employee, True,
        after_dump(dump_employee),
    ),
    FuzzTarget(
        "load_plan", json_sources(PLAN_BASES), load_plan, True, after_dump(dump_plan)
    ),
    FuzzTarget(
        "load_assessment", json_sources(ASSESSMENT_BASES), load_assessment, True,
        after_dump(dump_assessment),
    ),
    FuzzTarget(
        "load_appraisal", json_sources(APPRAISAL_BASES), load_appraisal, True,
        after_dump(dump_result),
    ),
    FuzzTarget(
        "load_cycle", json_sources(CYCLE_BASES), load_cycle, True, after_cycle
    ),
    FuzzTarget(
        "load_roster", json_sources(ROSTER_BASES), load_roster, True,
        after_dump(dump_roster),
    ),
    FuzzTarget(
        "load_feedback", json_sources(FEEDBACK_BASES), load_feedback, True,
        after_dump(dump_feedback),
    ),
)  # fmt: skip


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)


def test_known_a_tuple_key_is_refused_at_its_path() -> None:
    data: dict[Any, Any] = {**dump_employee(EMPLOYEE), (1, 2): "x"}
    error = refusal(lambda: load_employee(data))
    assert error.rule != "SCHEMA-unreadable"


@pytest.mark.parametrize("field", ["guards", "organisation_predikat"])
def test_known_appraisal_document_refuses_wrong_types_with_library_errors(field: str) -> None:
    wrong: dict[str, Any] = {field: "baik"}
    refusal(lambda: AppraisalDocument(SAMPLE.employees, SAMPLE.plans, **wrong))


@pytest.mark.parametrize(
    ("load", "base"),
    [
        (load_document, SAMPLE_DICT),
        (load_assessment, dump_assessment(PLAN_ASSESSMENTS[0])),
    ],
)
def test_known_a_repeated_json_key_is_refused(load: Callable[[Any], object], base: Any) -> None:
    text = to_json(base)
    key = next(iter(base))
    repeated = text.replace("{", "{" + json.dumps(key) + ": " + json.dumps(base[key]) + ", ", 1)
    assert json.loads(repeated) == json.loads(text)  # the same document to json.loads
    error = refusal(lambda: load(repeated))
    assert error.path is not None
    assert error.path.startswith("$")
