"""The twins' core schemas written out with pydantic-core alone (boundary._fast_schemas,
issue 12) are what pydantic builds from the wire models (boundary._fast_twins), and a valid
document is read without importing pydantic."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from asn_performance.boundary import _fast_parts, part_documents
from asn_performance.boundary._fast_schemas import PART_SCHEMAS
from asn_performance.boundary._fast_twins import twin_schema

#: What does not validate: JSON Schema metadata, serialisers, references, the typed dicts'
#: classes (pydantic-core does not need them to validate a dict).
_LEFT_OUT = frozenset({"metadata", "serialization", "ref", "computed_fields"})


def _validating(schema: Any) -> Any:
    """``schema`` less what does not validate, each function as its name and the values it
    closes over (two closures of one factory over the same values do the same)."""
    if isinstance(schema, dict):
        kept: dict[str, Any] = {}
        for key, value in schema.items():
            if key in _LEFT_OUT or (key == "cls" and schema.get("type") == "typed-dict"):
                continue
            if key == "config":
                kept[key] = {name: item for name, item in value.items() if name != "title"}
                continue
            kept[key] = _validating(value)
        return kept
    if isinstance(schema, list):
        return [_validating(item) for item in schema]
    if isinstance(schema, types.FunctionType):
        cells = tuple(cell.cell_contents for cell in schema.__closure__ or ())
        return ("function", schema.__module__, schema.__qualname__, cells)
    return schema


@pytest.mark.parametrize("name", list(PART_SCHEMAS))
def test_each_written_out_schema_is_what_pydantic_builds(name: str) -> None:
    model = getattr(part_documents, name)
    assert _validating(PART_SCHEMAS[name]) == _validating(twin_schema(model))


def test_the_normal_form_tells_a_changed_bound_apart() -> None:
    # The comparison is not vacuous: a bound or a reader changed is a difference.
    schema = PART_SCHEMAS["RealisationModel"]
    changed = json.loads(json.dumps(_validating(schema), default=repr))
    changed["schema"]["fields"]["indicator_id"]["schema"]["max_length"] = 101
    assert changed != json.loads(json.dumps(_validating(schema), default=repr))
    assert _validating(PART_SCHEMAS["PlanRefModel"]) != _validating(
        twin_schema(part_documents.AssessmentModel)
    )


@pytest.mark.parametrize(
    ("model", "field", "default"),
    [
        ("PositionModel", "jenjang", "_JENJANG"),
        ("WorkResultModel", "kind", "_KIND"),
        ("IndicatorModel", "aspect", "_ASPECT"),
        ("IndicatorModel", "direction", "_DIRECTION"),
        ("TargetModel", "unit", "_UNIT"),
        ("PlanRefModel", "approach", "_APPROACH"),
        ("PlanRefModel", "leads_unit", "_LEADS_UNIT"),
        ("AssessmentModel", "anonymised", "_ANONYMISED"),
    ],
)
def test_the_builders_defaults_are_the_wire_models(model: str, field: str, default: str) -> None:
    info = getattr(part_documents, model).model_fields[field]
    assert info.default_factory is None
    assert getattr(_fast_parts, default) == info.default
    assert type(getattr(_fast_parts, default)) is type(info.default)


_VALID_WITHOUT_PYDANTIC = """
import sys
from asn_performance.boundary.regime_documents._document import load_any
assert "pydantic" not in sys.modules, "pydantic imported with load_any"
document = load_any(sys.stdin.buffer.read())
assert len(document.plans) == {plans}, len(document.plans)
assert "pydantic" not in sys.modules, "pydantic imported to read a valid document"
from asn_performance.boundary.appraisal_document import load_document
"""


def test_a_valid_document_is_read_without_importing_pydantic() -> None:
    from boundary_story import BASE

    code = _VALID_WITHOUT_PYDANTIC.format(plans=len(BASE["plans"]))
    src = Path(__file__).parents[3] / "src"
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(BASE).encode(),
        capture_output=True,
        check=False,
        env={"PYTHONPATH": str(src)},
    )
    assert done.returncode == 0, done.stderr.decode()


# --- the plain head, read without the document model -------------------------------------------


def _head(**fields: Any) -> dict[str, Any]:
    return {"schema_version": "1", "employees": [], "plans": [], **fields}


_WEIGHTED = {
    "kind": "weighted_sources",
    "weights": {"self": "20", "pejabat_penilai": 60, "peer": "20.0"},
    "scale": {"di_bawah_ekspektasi": "1", "sesuai_ekspektasi": "2", "di_atas_ekspektasi": 3},
    "sesuai_from": "1.5",
    "di_atas_from": None,
}


@pytest.mark.parametrize(
    "head",
    [
        _head(),
        _head(title="Unit Kerja A", organisation_predikat="baik"),
        _head(title=None, policy={"kind": "supervisor_decides"}, guards=None),
        _head(policy=_WEIGHTED),
        _head(policy={"kind": "weighted_sources", "weights": {"pejabat_penilai": "1"}}),
        _head(
            policy={
                "kind": "per_dimension",
                "hasil_kerja": {"kind": "supervisor_decides"},
                "perilaku_kerja": _WEIGHTED,
            }
        ),
        _head(guards={}),
        _head(guards={"min_anonymous_responses": 5}),
        _head(guards={"anonymous_roles": ["peer"], "min_anonymous_responses": 1}),
        _head(guards={"anonymous_roles": []}),
        _head(reward_inputs={}, roster=None),
    ],
)
def test_a_plain_head_reads_as_the_document_model_reads_it(head: dict[str, Any]) -> None:
    from asn_performance.boundary import _unit_reading
    from asn_performance.boundary._document_models import wire_head

    plain = _unit_reading._plain_head(head)
    assert plain is not None
    assert plain == wire_head(head)


@pytest.mark.parametrize(
    "head",
    [
        _head(schema_version=1),  # not text: the document model refuses it
        _head(title=""),  # too short: refused
        _head(title="x" * 501),  # too long: refused
        _head(policy=None),  # not a policy: refused
        _head(policy={"kind": "weighted_sources"}),  # no weights: refused
        _head(policy={"kind": "supervisor_decides", "extra": 1}),  # unknown key: refused
        _head(policy={"kind": "weighted_sources", "weights": {"Diri Sendiri": "1"}}),  # a label
        _head(organisation_predikat="Baik"),  # a label, not the code: read by the model
        _head(guards={"min_anonymous_responses": True}),  # not a whole number: refused
        _head(guards={"min_anonymous_responses": 3.0}),  # a Python float: refused
        _head(guards={"anonymous_roles": None}),  # not a list: refused
        _head(guards={"anonymous_roles": ["Rekan Kerja"]}),  # a label: read by the model
        _head(reward_inputs={"198609262015051001": {}}),  # reward inputs: read by the model
        _head(roster={"employees": []}),  # a roster: read by the model
        _head(unknown=1),  # an unknown key: refused
    ],
)
def test_any_other_head_is_left_to_the_document_model(head: dict[str, Any]) -> None:
    from asn_performance.boundary import _unit_reading

    assert _unit_reading._plain_head(head) is None


def test_the_plain_guards_defaults_are_the_document_models() -> None:
    from asn_performance.boundary import _unit_reading
    from asn_performance.boundary._document_models import GuardsModel

    fields = GuardsModel.model_fields
    assert fields["min_anonymous_responses"].default == 3
    assert _unit_reading.DEFAULT_MIN_ANONYMOUS_RESPONSES == 3
    assert tuple(fields["anonymous_roles"].default) == _unit_reading.DEFAULT_ANONYMOUS_ROLES


def test_a_document_with_a_weighted_policy_is_read_without_importing_pydantic() -> None:
    from boundary_story import BASE

    data = {**BASE, "policy": _WEIGHTED, "guards": {"min_anonymous_responses": 3}}
    code = _VALID_WITHOUT_PYDANTIC.format(plans=len(BASE["plans"]))
    src = Path(__file__).parents[3] / "src"
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(data).encode(),
        capture_output=True,
        check=False,
        env={"PYTHONPATH": str(src)},
    )
    assert done.returncode == 0, done.stderr.decode()
