"""Reading a document's parts the fast way, to be read whole at the first doubt (private
module; issue 12).

:func:`~asn_performance.boundary.appraisal_document.document_from` first reads a document
part by part (each employee, plan and assessment), and at the first problem of any kind reads
it whole with the full wire models, which find and report every problem within the problem
budget (:class:`~asn_performance.boundary._json_text.ProblemBudget`). The first reading never
reports anything: it must accept **only** what the wire models accept and give **equal**
domain objects, and may give up on anything else (any exception: the document is then read
whole, as before). This module is that first reading, with as little Python per value as it
can:

* **Twins** (:func:`fast_twin`): for each wire model of a part, a ``TypedDict`` of the same
  fields with the same types and constraints, validated by pydantic-core into plain dicts
  (no model instance, no problem budget around each object: a Python call per object, about
  a quarter of the load). Labels are read in pydantic-core when written as their code (an
  ``enum`` schema; anything else goes to the same ``Labelled.parse`` as the wire model);
  NIPs, periods, decimals and dates are left as given (``Any``) and read here, with the wire
  model's own readers, once per text and document (:class:`FastReads`).
* **The problem budget's guarantee** -- a hostile document with a million problems stops at
  :data:`~asn_performance.boundary._json_text.MAX_PROBLEMS` -- is kept by bounding what a twin
  reads: every array or object the wire model allows ``MAX_ITEMS`` items in holds at most
  :data:`FAST_ITEMS` in the twin, and an object with a key its wire model does not have is
  refused before it is read (:func:`_known_keys`), so one part makes a twin look at a few ten
  thousand values at most, whatever the document. A part over a bound fails its twin at once
  and the document is read whole, within the budget: pydantic-core stops reading a list at
  the first item past its ``max_length``, but reads every entry of an object before it
  compares the object's size or refuses its unknown keys, so a map (of ratings) is measured
  first, by :func:`_small_map`, and an object's keys are checked first, before pydantic-core
  reads any of it.
* **Builders** (:func:`fast_employee`, :func:`fast_plan`, :func:`fast_assessment`): the same
  checks as :mod:`asn_performance.boundary._trusted_build` (the spaces-only texts, the ids,
  the non-negative decimals) on the same values, the domain objects made by
  :func:`~asn_performance._kit.trusted.trusted_maker` (each class's ``__attrs_post_init__``
  runs: every cross-field invariant is the domain's own code). A value those checks do not
  pass raises :class:`FastReadError` (the document is read whole, which reports it).

``tests/unit/boundary/test_fast_parts.py`` checks that the twins have the wire models' fields
and defaults, and that documents read both ways give equal objects.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, Final, NotRequired, Union, cast

from annotated_types import MaxLen
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetCoreSchemaHandler,
    PlainValidator,
    TypeAdapter,
)
from pydantic.fields import FieldInfo
from pydantic_core import core_schema
from typing_extensions import TypedDict

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled
from asn_performance.boundary._trusted_build import (
    new_assessment,
    new_behaviour,
    new_employee,
    new_indicator,
    new_plan,
    new_position,
    new_realisation,
    new_target,
    new_work_result,
)
from asn_performance.boundary._wire import (
    MAX_ITEMS,
    ReadOnce,
    _date_in,
    _decimal_in,
    _nip_in,
    _period_in,
)
from asn_performance.boundary.part_documents import (
    AssessmentModel,
    BehaviourModel,
    EmployeeModel,
    IndicatorModel,
    PlanRefModel,
    PositionModel,
    RealisationModel,
    TargetModel,
    WorkResultModel,
)
from asn_performance.domain.assessment import Assessment, Realisation
from asn_performance.domain.employee import Employee
from asn_performance.domain.plan import (
    BehaviourExpectation,
    PerformancePlan,
    WorkResult,
)

__all__ = [
    "BUILT_FIELDS",
    "FAST_ITEMS",
    "FastReadError",
    "FastReads",
    "fast_assessment",
    "fast_employee",
    "fast_nip",
    "fast_plan",
    "fast_reader",
    "fast_twin",
]

#: The most items an array or object of a twin may hold (``MAX_ITEMS`` in the wire model): 128
#: work results of 128 indicators is 16,384 objects, the most one part can make a twin look at
#: before it fails; an SKP has a handful of each.
FAST_ITEMS: Final = 128


class FastReadError(Exception):
    """A value the fast reading does not take: the document is read whole."""


# --- twins -------------------------------------------------------------------------------------


class _Schema:
    """Annotated metadata that gives a core schema (``__get_pydantic_core_schema__``)."""

    __slots__ = ("_build",)

    def __init__(self, build: Callable[[], core_schema.CoreSchema]) -> None:
        self._build = build

    def __get_pydantic_core_schema__(
        self, _source: object, _handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return self._build()


def _code_first(cls: type[Labelled], read: Callable[[Any], Any]) -> _Schema:
    """A label read as its code in pydantic-core, else by ``read`` (the wire model's
    ``cls.parse``): a union, left to right, of the ``enum`` schema (which gives the member
    whose value is the text) and the Python reader. A code reads as its own member (checked
    by ``tests/unit/boundary/test_fast_parts.py`` for every enumeration of the parts)."""
    return _Schema(
        lambda: core_schema.union_schema(
            [
                core_schema.enum_schema(cls, list(cls)),
                core_schema.no_info_plain_validator_function(read),
            ],
            mode="left_to_right",
        )
    )


#: The readers of the values a twin leaves as given, for the builders here to read.
_RAW_READERS: Final = frozenset({_nip_in, _period_in, _decimal_in, _date_in})


def _is_raw(item: object) -> bool:
    """Whether Annotated metadata ``item`` reads a NIP, a period, a decimal or a date."""
    if isinstance(item, PlainValidator):
        reader = item.reader if isinstance(item, ReadOnce) else item.func
        return reader in _RAW_READERS
    if typing.get_origin(item) is Annotated:
        return any(_is_raw(inner) for inner in item.__metadata__)  # type: ignore[attr-defined]
    return False


def _small_map(value: object) -> object:
    """An object of more than :data:`FAST_ITEMS` entries fails the twin before pydantic-core
    reads its entries (it would read all of them, and give a problem for each)."""
    if isinstance(value, dict) and len(value) > FAST_ITEMS:
        raise ValueError("more entries than the first reading takes")
    return value


def _bounded(kind: Any, metadata: tuple[object, ...]) -> tuple[object, ...]:
    """``metadata`` of an annotation of ``kind``, bounded for the twin: ``MaxLen(MAX_ITEMS)``
    becomes ``MaxLen(FAST_ITEMS)``, and a map is measured before it is read."""
    swapped = tuple(_swap_meta(item) for item in metadata)
    bounded = any(isinstance(item, MaxLen) and item.max_length == MAX_ITEMS for item in metadata)
    if bounded and typing.get_origin(kind) is dict:
        swapped = (*swapped, BeforeValidator(_small_map))
    return swapped


def _swap_meta(item: object) -> object:
    if isinstance(item, ReadOnce) and item.label is not None and item.reader is not None:
        return _code_first(item.label, item.reader)
    if isinstance(item, MaxLen) and item.max_length == MAX_ITEMS:
        return MaxLen(FAST_ITEMS)
    return item


def _swap(kind: Any) -> Any:  # noqa: PLR0911 - one return per kind of annotation
    """``kind`` with each wire model replaced by its twin, each label by :func:`_code_first`
    and each NIP, period, decimal and date by ``Any``."""
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return _guarded_twin(kind)
    origin = typing.get_origin(kind)
    if origin is None:
        return kind
    args = typing.get_args(kind)
    if origin is Annotated:
        if any(_is_raw(item) for item in kind.__metadata__):
            return Any
        return Annotated[(_swap(args[0]), *_bounded(args[0], kind.__metadata__))]
    if origin is Union or origin is types.UnionType:
        return Union[tuple(_swap(arg) for arg in args)]  # noqa: UP007 - built from a tuple
    if origin is typing.Literal:  # pragma: no cover - no part has a literal
        return kind
    swapped = tuple(_swap(arg) for arg in args)
    return origin[swapped] if len(swapped) > 1 else origin[swapped[0]]


def _field(info: FieldInfo) -> Any:
    kind = _swap(info.annotation)
    if kind is not Any and info.metadata:
        if any(_is_raw(item) for item in info.metadata):
            kind = Any
        else:
            kind = Annotated[(kind, *_bounded(info.annotation, tuple(info.metadata)))]
    return kind if info.is_required() else NotRequired[kind]


def fast_twin(model: type[BaseModel]) -> type:
    """The ``TypedDict`` twin of the wire model ``model`` (made on first use, then the same
    class): the same fields, required or not, of the same types, but for the bounds
    (:data:`FAST_ITEMS`) and the values left to the builders here (module docstring)."""
    found = model.__dict__.get("_fast_twin_")
    if found is None:
        # The wire model built first: its fields are then final (every forward reference
        # resolved), and the reading whole, which the twin's refusals lead to, uses it.
        if not model.__pydantic_complete__:
            model.model_rebuild()
        fields = {name: _field(info) for name, info in model.model_fields.items()}
        make = cast("Callable[..., type]", TypedDict)  # the functional form: fields at run time
        found = make(f"Fast{model.__name__}", fields)
        found.__pydantic_config__ = ConfigDict(  # type: ignore[attr-defined]
            extra="forbid", arbitrary_types_allowed=True
        )
        type.__setattr__(model, "_fast_twin_", found)
    return cast("type", found)


def _known_keys(names: frozenset[str]) -> Callable[[object], object]:
    """A check that refuses an object with a key outside ``names`` before pydantic-core reads
    it (it would give a problem for every unknown key of every object of the part, with no
    budget; the reading whole reports them within the budget)."""

    def check(value: object) -> object:
        if type(value) is dict and not names.issuperset(value):
            raise ValueError("a key the wire model does not have")
        return value

    return check


def _guarded_twin(model: type[BaseModel]) -> Any:
    """The twin of ``model``, behind the check of its keys (:func:`_known_keys`)."""
    return Annotated[fast_twin(model), BeforeValidator(_known_keys(frozenset(model.model_fields)))]


def fast_reader(model: type[BaseModel]) -> Callable[[object], dict[str, Any]]:
    """The validation of one part by its twin (:func:`fast_twin`): a plain dict, or a
    ``ValidationError`` (made on first use, then the same function)."""
    found = model.__dict__.get("_fast_reader_")
    if found is None:
        found = TypeAdapter(_guarded_twin(model)).validate_python
        type.__setattr__(model, "_fast_reader_", found)
    return cast("Callable[[object], dict[str, Any]]", found)


# --- values ------------------------------------------------------------------------------------


class FastReads:
    """The NIPs, periods, decimals and dates read so far in one document, by their text: the
    same value for the same text (the values are immutable), as the wire model's readers give
    within one validation (``ProblemBudget.read``)."""

    __slots__ = ("dates", "decimals", "nips", "periods")

    def __init__(self) -> None:
        self.nips: dict[str, Any] = {}
        self.periods: dict[str, Any] = {}
        self.decimals: dict[str, Any] = {}
        self.dates: dict[str, Any] = {}


def _read(value: object, known: dict[str, Any], read: Callable[[Any], Any]) -> Any:
    """``read(value)``, once per text (``known``); any other value is read each time."""
    if type(value) is str:
        found = known.get(value)
        if found is None:
            found = known[value] = read(value)
        return found
    return read(value)


def fast_nip(value: object, known: dict[str, Any]) -> Any:
    """The NIP ``value`` (as the wire model's ``NipValue`` reads it), once per text."""
    return _read(value, known, _nip_in)


def _optional(value: object, known: dict[str, Any], read: Callable[[Any], Any]) -> Any:
    return None if value is None else _read(value, known, read)


def _filled(text: str | None) -> bool:
    """Not spaces only, as ``check_text`` adds to a strict text field (``None``: not given)."""
    return text is None or bool(text.strip())


def _id_ok(text: str) -> bool:
    """No surrounding spaces, every character printable, as ``check_id`` adds to an ``Id``."""
    return text == text.strip() and text.isprintable()


def _default(model: type[BaseModel], name: str) -> Any:
    """The wire model's default of a field that has a plain default (not a factory)."""
    info = model.model_fields[name]
    if info.default_factory is not None or info.is_required():  # pragma: no cover - a defect
        raise TypeError(f"{model.__name__}.{name} has no plain default")
    return info.default


_JENJANG = _default(PositionModel, "jenjang")
_KIND = _default(WorkResultModel, "kind")
_ASPECT = _default(IndicatorModel, "aspect")
_DIRECTION = _default(IndicatorModel, "direction")
_UNIT = _default(TargetModel, "unit")
_APPROACH = _default(PlanRefModel, "approach")
_LEADS_UNIT = _default(PlanRefModel, "leads_unit")
_ANONYMISED = _default(AssessmentModel, "anonymised")
_NO_EVIDENCE: Final[tuple[str, ...]] = ()
_EMPTY: Final[FrozenMap[Any, Any]] = FrozenMap()

# --- builders ----------------------------------------------------------------------------------


def fast_employee(data: dict[str, Any], reads: FastReads) -> Employee:
    """The employee of a part its twin validated (:class:`EmployeeModel`'s fields): as
    ``trusted_employee``."""
    position = data["position"]
    title, name, unit = position["title"], data["name"], data["unit"]
    if not (title.strip() and name.strip() and unit.strip()):
        raise FastReadError
    get = data.get
    dates = reads.dates
    return new_employee(
        _read(data["nip"], reads.nips, _nip_in),
        name,
        new_position(position["kind"], title, position.get("jenjang", _JENJANG)),
        unit,
        _optional(get("superior_nip"), reads.nips, _nip_in),
        get("golongan"),
        get("golongan_pppk"),
        _optional(get("tmt_pangkat"), dates, _date_in),
        _optional(get("tmt_jabatan"), dates, _date_in),
        _optional(get("tmt_cpns"), dates, _date_in),
    )


def _work_result(data: dict[str, Any], reads: FastReads) -> WorkResult:
    """As ``trusted_work_result``."""
    decimals = reads.decimals
    indicators = []
    for item in data["indicators"]:
        target = item["target"]
        lower = _read(target["lower"], decimals, _decimal_in)
        upper = _optional(target.get("upper"), decimals, _decimal_in)
        ident, text = item["id"], item["text"]
        if not (_id_ok(ident) and text.strip() and lower >= 0 and (upper is None or upper >= 0)):
            raise FastReadError
        indicators.append(
            new_indicator(
                ident,
                text,
                new_target(lower, upper, target.get("unit", _UNIT)),
                item.get("aspect", _ASPECT),
                item.get("direction", _DIRECTION),
            )
        )
    ident, text = data["id"], data["text"]
    leader, link = data.get("leader_work_result"), data.get("leader_work_result_id")
    if not (_id_ok(ident) and text.strip() and _filled(leader) and (link is None or _id_ok(link))):
        raise FastReadError
    return new_work_result(ident, text, tuple(indicators), data.get("kind", _KIND), leader, link)


def fast_plan(
    data: dict[str, Any],
    people: tuple[Employee, Employee, Employee | None],
    reads: FastReads,
    default: tuple[BehaviourExpectation, ...],
) -> PerformancePlan:
    """The plan of a part its twin validated (:class:`PlanRefModel`'s fields), with its
    people: as ``plan_from`` with ``trusted_plan`` (``default``: the behaviours of a plan
    that gives none)."""
    ident = data["id"]
    if not _id_ok(ident):
        raise FastReadError
    work_results = tuple(_work_result(item, reads) for item in data["work_results"])
    given = data.get("behaviours")
    if given is None:
        behaviours = default
    else:
        made = []
        for item in given:
            special = item.get("special_expectation")
            if not _filled(special):
                raise FastReadError
            made.append(new_behaviour(item["value"], special))
        behaviours = tuple(made)
    employee, pejabat, atasan = people
    return new_plan(
        ident,
        employee,
        pejabat,
        _read(data["period"], reads.periods, _period_in),
        work_results,
        behaviours,
        atasan,
        data.get("approach", _APPROACH),
        data.get("leads_unit", _LEADS_UNIT),
    )


def fast_assessment(data: dict[str, Any], reads: FastReads) -> Assessment:
    """The assessment of a part its twin validated (:class:`AssessmentModel`'s fields): as
    ``trusted_assessment``."""
    plan_id, feedback = data["plan_id"], data.get("feedback")
    if not (_id_ok(plan_id) and _filled(feedback)):
        raise FastReadError
    decimals = reads.decimals
    realisations: list[Realisation] = []
    append = realisations.append
    for item in data.get("realisations", ()):
        ident, value, note = item["indicator_id"], item.get("value"), item.get("feedback")
        if value is not None:  # _read, written out: twenty values per employee
            known = decimals.get(value) if type(value) is str else None
            value = known if known is not None else _read(value, decimals, _decimal_in)
        evidence = item.get("evidence")
        evidence = _NO_EVIDENCE if evidence is None else tuple(evidence)
        if not (
            ident == ident.strip()
            and ident.isprintable()
            and (value is None or value >= 0)
            and (note is None or note.strip())
            and all(map(str.strip, evidence))  # evidence is strict text: str.strip applies
        ):
            raise FastReadError
        append(new_realisation(ident, value, evidence, note))
    get = data.get
    ratings = get("work_result_ratings")
    behaviour = get("behaviour_ratings")
    return new_assessment(
        plan_id,
        data["role"],
        _optional(get("assessor_nip"), reads.nips, _nip_in),
        _read(data["given_on"], reads.dates, _date_in),
        _read(data["period"], reads.periods, _period_in),
        get("hasil_kerja"),
        get("perilaku_kerja"),
        _EMPTY if not ratings else FrozenMap(ratings),
        _EMPTY if not behaviour else FrozenMap(behaviour),
        tuple(realisations),
        feedback,
        get("anonymised", _ANONYMISED),
    )


#: The fields each builder reads, by wire model (a wire model with another field set is a
#: defect: ``tests/unit/boundary/test_fast_parts.py``).
BUILT_FIELDS: Final = {
    EmployeeModel: (
        "nip", "name", "position", "unit", "superior_nip", "golongan", "golongan_pppk",
        "tmt_pangkat", "tmt_jabatan", "tmt_cpns",
    ),
    PositionModel: ("kind", "title", "jenjang"),
    PlanRefModel: (
        "id", "employee_nip", "pejabat_penilai_nip", "atasan_pejabat_penilai_nip", "period",
        "approach", "leads_unit", "work_results", "behaviours",
    ),
    WorkResultModel: (
        "id", "text", "kind", "leader_work_result", "leader_work_result_id", "indicators",
    ),
    IndicatorModel: ("id", "text", "aspect", "direction", "target"),
    TargetModel: ("lower", "upper", "unit"),
    BehaviourModel: ("value", "special_expectation"),
    AssessmentModel: (
        "plan_id", "role", "assessor_nip", "given_on", "period", "hasil_kerja",
        "perilaku_kerja", "work_result_ratings", "behaviour_ratings", "realisations",
        "feedback", "anonymised",
    ),
    RealisationModel: ("indicator_id", "value", "evidence", "feedback"),
}  # fmt: skip
