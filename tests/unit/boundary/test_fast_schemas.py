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
