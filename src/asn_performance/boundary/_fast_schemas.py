"""The core schemas of the twins of the part models, written out with ``pydantic_core`` alone
(private module; issue 12).

The first reading of a document (:mod:`asn_performance.boundary._fast_parts`) validates each
employee, plan and assessment with a *twin* of its wire model: a typed dict of the same fields
with the same types and constraints, but for the bounds (:data:`FAST_ITEMS`), the labels read
as their code first, and the NIPs, periods, decimals and dates left as given (``any``) for the
builders to read once per text. A valid document is read with these schemas and
``pydantic_core.SchemaValidator`` only: neither pydantic nor the wire models are imported
(about 100 ms of a command's start); they are imported when a twin refuses something and the
document is read whole.

The schemas here are what pydantic builds from the wire models through
``boundary._fast_twins`` (a ``TypedDict`` per model), less what does not validate (the JSON
Schema metadata, the serialisers, the references and the typed dicts' classes):
``tests/unit/boundary/test_fast_schemas.py`` builds both and checks they are equal, so a
field added to or changed in a wire model and not here fails the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from pydantic_core import SchemaValidator, core_schema

from asn_performance._kit.labels import Labelled
from asn_performance.boundary._readers import (
    EVIDENCE_LENGTH,
    FEEDBACK_LENGTH,
    ID_LENGTH,
    LONG_TEXT_LENGTH,
    MEASURE_UNIT_LENGTH,
    NAME_LENGTH,
    UNIT_NAME_LENGTH,
    distinct_check,
    label_reader,
)
from asn_performance.domain.assessment import AssessorRole
from asn_performance.domain.employee import Jenjang, PositionKind
from asn_performance.domain.plan import Approach, Aspect, CoreValue, Direction, WorkResultKind
from asn_performance.domain.rank import Golongan, GolonganPppk
from asn_performance.domain.rating import Rating

__all__ = [
    "FAST_ITEMS",
    "PART_SCHEMAS",
    "code_first",
    "known_keys",
    "part_reader",
    "small_map",
]

#: The most items an array or object of a twin may hold (``MAX_ITEMS`` in the wire model): 128
#: work results of 128 indicators is 16,384 objects, the most one part can make a twin look at
#: before it fails; an SKP has a handful of each.
FAST_ITEMS: Final = 128

#: A core schema, or a typed dict's field (``pydantic_core.core_schema``'s typed dicts).
Schema = Any


def small_map(value: object) -> object:
    """An object of more than :data:`FAST_ITEMS` entries fails the twin before pydantic-core
    reads its entries (it would read all of them, and give a problem for each)."""
    if isinstance(value, dict) and len(value) > FAST_ITEMS:
        raise ValueError("more entries than the first reading takes")
    return value


def known_keys(names: frozenset[str]) -> Callable[[object], object]:
    """A check that refuses an object with a key outside ``names`` before pydantic-core reads
    it (it would give a problem for every unknown key of every object of the part, with no
    budget; the reading whole reports them within the budget)."""

    def check(value: object) -> object:
        if type(value) is dict and not names.issuperset(value):
            raise ValueError("a key the wire model does not have")
        return value

    return check


def code_first(cls: type[Labelled], read: Callable[[Any], Any]) -> Schema:
    """A label read as its code in pydantic-core, else by ``read`` (the wire model's
    ``cls.parse``): a union, left to right, of the ``enum`` schema (which gives the member
    whose value is the text) and the Python reader. A code reads as its own member (checked
    by ``tests/unit/boundary/test_fast_parts.py`` for every enumeration of the parts)."""
    return core_schema.union_schema(
        [
            core_schema.enum_schema(cls, list(cls)),
            core_schema.no_info_plain_validator_function(read),
        ],
        mode="left_to_right",
    )


# --- the pieces of the schemas -----------------------------------------------------------------


def _label(cls: type[Labelled]) -> Schema:
    return code_first(cls, label_reader(cls))


def _text(max_length: int, min_length: int = 1) -> Schema:
    """A ``Strict`` text field of ``_wire`` (``Id``, ``Name``, ``LongText``...)."""
    return core_schema.str_schema(min_length=min_length, max_length=max_length, strict=True)


def _nullable(schema: Schema) -> Schema:
    return core_schema.nullable_schema(schema)


def _any() -> Schema:
    """A NIP, a period, a decimal or a date: read by the builders of ``_fast_parts``."""
    return core_schema.any_schema()


def _field(schema: Schema, *, required: bool = True) -> Schema:
    return core_schema.typed_dict_field(schema, required=required)


def _optional(schema: Schema) -> Schema:
    return _field(schema, required=False)


def _part(fields: dict[str, Schema]) -> Schema:
    """A twin: a typed dict closed to other keys, behind the check of its keys."""
    return core_schema.no_info_before_validator_function(
        known_keys(frozenset(fields)),
        core_schema.typed_dict_schema(
            fields,
            extra_behavior="forbid",
            config=core_schema.CoreConfig(extra_fields_behavior="forbid"),
        ),
    )


def _list(items: Schema, *, min_length: int | None = None) -> Schema:
    return core_schema.list_schema(items, min_length=min_length, max_length=FAST_ITEMS)


def _map(keys: Schema, values: Schema, check: Callable[[object], object] | None = None) -> Schema:
    """A map of at most :data:`FAST_ITEMS` entries, measured before it is read (then checked
    by ``check``, when given, as the wire model's own validator)."""
    schema: Schema = core_schema.dict_schema(keys, values, max_length=FAST_ITEMS)
    if check is not None:
        schema = core_schema.no_info_before_validator_function(check, schema)
    return core_schema.no_info_before_validator_function(small_map, schema)


# --- the twins ---------------------------------------------------------------------------------


_POSITION: Final = _part(
    {
        "kind": _field(_label(PositionKind)),
        "title": _field(_text(NAME_LENGTH)),
        "jenjang": _optional(_nullable(_label(Jenjang))),
    }
)

_EMPLOYEE: Final = _part(
    {
        "nip": _field(_any()),
        "name": _field(_text(NAME_LENGTH)),
        "position": _field(_POSITION),
        "unit": _field(_text(UNIT_NAME_LENGTH)),
        "superior_nip": _optional(_nullable(_any())),
        "golongan": _optional(_nullable(_label(Golongan))),
        "golongan_pppk": _optional(_nullable(_label(GolonganPppk))),
        "tmt_pangkat": _optional(_nullable(_any())),
        "tmt_jabatan": _optional(_nullable(_any())),
        "tmt_cpns": _optional(_nullable(_any())),
    }
)

_TARGET: Final = _part(
    {
        "lower": _field(_any()),
        "upper": _optional(_nullable(_any())),
        "unit": _optional(_text(MEASURE_UNIT_LENGTH, min_length=0)),
    }
)

_INDICATOR: Final = _part(
    {
        "id": _field(_text(ID_LENGTH)),
        "text": _field(_text(LONG_TEXT_LENGTH)),
        "aspect": _optional(_label(Aspect)),
        "direction": _optional(_label(Direction)),
        "target": _field(_TARGET),
    }
)

_WORK_RESULT: Final = _part(
    {
        "id": _field(_text(ID_LENGTH)),
        "text": _field(_text(LONG_TEXT_LENGTH)),
        "kind": _optional(_label(WorkResultKind)),
        "leader_work_result": _optional(_nullable(_text(LONG_TEXT_LENGTH))),
        "leader_work_result_id": _optional(_nullable(_text(ID_LENGTH))),
        "indicators": _field(_list(_INDICATOR, min_length=1)),
    }
)

_BEHAVIOUR: Final = _part(
    {
        "value": _field(_label(CoreValue)),
        "special_expectation": _optional(_nullable(_text(LONG_TEXT_LENGTH))),
    }
)

_PLAN_REF: Final = _part(
    {
        "id": _field(_text(ID_LENGTH)),
        "employee_nip": _field(_any()),
        "pejabat_penilai_nip": _field(_any()),
        "atasan_pejabat_penilai_nip": _optional(_nullable(_any())),
        "period": _field(_any()),
        "approach": _optional(_label(Approach)),
        "leads_unit": _optional(core_schema.bool_schema(strict=True)),
        "work_results": _field(_list(_WORK_RESULT, min_length=1)),
        "behaviours": _optional(_nullable(_list(_BEHAVIOUR))),
    }
)

_REALISATION: Final = _part(
    {
        "indicator_id": _field(_text(ID_LENGTH)),
        "value": _optional(_nullable(_any())),
        "evidence": _optional(_list(_text(EVIDENCE_LENGTH))),
        "feedback": _optional(_nullable(_text(FEEDBACK_LENGTH))),
    }
)

_ASSESSMENT: Final = _part(
    {
        "plan_id": _field(_text(ID_LENGTH)),
        "role": _field(_label(AssessorRole)),
        "assessor_nip": _optional(_nullable(_any())),
        "given_on": _field(_any()),
        "period": _field(_any()),
        "hasil_kerja": _optional(_nullable(_label(Rating))),
        "perilaku_kerja": _optional(_nullable(_label(Rating))),
        "work_result_ratings": _optional(_map(_text(ID_LENGTH), _label(Rating))),
        "behaviour_ratings": _optional(
            _map(_label(CoreValue), _label(Rating), distinct_check(CoreValue))
        ),
        "realisations": _optional(_list(_REALISATION)),
        "feedback": _optional(_nullable(_text(FEEDBACK_LENGTH))),
        "anonymised": _optional(core_schema.bool_schema(strict=True)),
    }
)

#: The twin of each wire model of a part, by the model's name (the nested ones included, for
#: the test that compares them with what pydantic builds).
PART_SCHEMAS: Final[dict[str, Schema]] = {
    "PositionModel": _POSITION,
    "EmployeeModel": _EMPLOYEE,
    "TargetModel": _TARGET,
    "IndicatorModel": _INDICATOR,
    "WorkResultModel": _WORK_RESULT,
    "BehaviourModel": _BEHAVIOUR,
    "PlanRefModel": _PLAN_REF,
    "RealisationModel": _REALISATION,
    "AssessmentModel": _ASSESSMENT,
}

_READERS: dict[str, Callable[[object], dict[str, Any]]] = {}


def part_reader(name: str) -> Callable[[object], dict[str, Any]]:
    """The validation of one part by the twin of the wire model ``name``: a plain dict, or a
    ``pydantic_core.ValidationError`` (the validator made on first use)."""
    found = _READERS.get(name)
    if found is None:
        found = _READERS[name] = SchemaValidator(PART_SCHEMAS[name]).validate_python
    return found
