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

* **Twins** (:func:`fast_reader`): for each wire model of a part, a typed dict of the same
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
  refused before it is read (``known_keys``), so one part makes a twin look at a few ten
  thousand values at most, whatever the document. A part over a bound fails its twin at once
  and the document is read whole, within the budget: pydantic-core stops reading a list at
  the first item past its ``max_length``, but reads every entry of an object before it
  compares the object's size or refuses its unknown keys, so a map (of ratings) is measured
  first, by ``small_map``, and an object's keys are checked first, before pydantic-core
  reads any of it.
* **Builders** (:func:`fast_employee`, :func:`fast_plan`, :func:`fast_assessment`): the same
  checks as :mod:`asn_performance.boundary._trusted_build` (the spaces-only texts, the ids,
  the non-negative decimals) on the same values, the domain objects made by
  :func:`~asn_performance._kit.trusted.trusted_maker` (each class's ``__attrs_post_init__``
  runs: every cross-field invariant is the domain's own code). A value those checks do not
  pass raises :class:`FastReadError` (the document is read whole, which reports it).

The twins' core schemas are written out in :mod:`~asn_performance.boundary._fast_schemas`
with ``pydantic_core`` alone, so that a valid document is read without importing pydantic or
the wire models (they are imported when a twin refuses something and the document is read
whole); ``tests/unit/boundary/test_fast_schemas.py`` checks that they are what pydantic builds
from the wire models (:mod:`~asn_performance.boundary._fast_twins`), and
``tests/unit/boundary/test_fast_parts.py`` that the twins have the wire models' fields and
defaults, and that documents read both ways give equal objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.boundary._fast_schemas import FAST_ITEMS, part_reader
from asn_performance.boundary._readers import date_in as _date_in
from asn_performance.boundary._readers import decimal_in as _decimal_in
from asn_performance.boundary._readers import nip_in as _nip_in
from asn_performance.boundary._readers import period_in as _period_in
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
from asn_performance.domain.assessment import Assessment, Realisation
from asn_performance.domain.employee import Employee
from asn_performance.domain.plan import (
    Approach,
    Aspect,
    BehaviourExpectation,
    Direction,
    PerformancePlan,
    WorkResult,
    WorkResultKind,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [  # noqa: F822 - BUILT_FIELDS is given by __getattr__
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


class FastReadError(Exception):
    """A value the fast reading does not take: the document is read whole."""


# --- twins -------------------------------------------------------------------------------------


def fast_reader(model: type[BaseModel]) -> Callable[[object], dict[str, Any]]:
    """The validation of one part by the twin of the wire model ``model`` (its core schema
    written out in :mod:`~asn_performance.boundary._fast_schemas`, validated by pydantic-core
    alone): a plain dict, or a ``ValidationError``."""
    return part_reader(model.__name__)


def fast_twin(model: type[BaseModel]) -> type:
    """The ``TypedDict`` twin of the wire model ``model``, as pydantic builds it
    (:func:`asn_performance.boundary._fast_twins.fast_twin`: the reference of the schemas
    the first reading uses; it imports pydantic)."""
    from asn_performance.boundary._fast_twins import fast_twin as twin  # noqa: PLC0415

    return twin(model)


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


#: The wire models' defaults of the optional fields whose default is not ``None`` (checked
#: against the wire models by ``tests/unit/boundary/test_fast_schemas.py``).
_JENJANG: Final = None
_KIND: Final = WorkResultKind.UTAMA
_ASPECT: Final = Aspect.KUANTITAS
_DIRECTION: Final = Direction.HIGHER_IS_BETTER
_UNIT: Final = ""
_APPROACH: Final = Approach.KUALITATIF
_LEADS_UNIT: Final = False
_ANONYMISED: Final = False
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
    """As ``trusted_work_result``: the checks of :func:`_id_ok` and :func:`_filled` and the
    reads of :func:`_read` written out for the indicators (two to four per RHK), the same
    tests on the same values."""
    decimals = reads.decimals
    known = decimals.get
    make_target, make_indicator = new_target, new_indicator
    indicators = []
    for item in data["indicators"]:
        target = item["target"]
        part, get = item.get, target.get
        lower, upper = target["lower"], get("upper")
        found = known(lower) if type(lower) is str else None
        lower = found if found is not None else _read(lower, decimals, _decimal_in)
        if upper is not None:
            found = known(upper) if type(upper) is str else None
            upper = found if found is not None else _read(upper, decimals, _decimal_in)
        ident, text = item["id"], item["text"]
        if not (
            ident == ident.strip()
            and ident.isprintable()
            and text.strip()
            and lower >= 0
            and (upper is None or upper >= 0)
        ):
            raise FastReadError
        indicators.append(
            make_indicator(
                ident,
                text,
                make_target(lower, upper, get("unit", _UNIT)),
                part("aspect", _ASPECT),
                part("direction", _DIRECTION),
            )
        )
    get = data.get
    ident, text = data["id"], data["text"]
    leader, link = get("leader_work_result"), get("leader_work_result_id")
    if not (_id_ok(ident) and text.strip() and _filled(leader) and (link is None or _id_ok(link))):
        raise FastReadError
    return new_work_result(ident, text, tuple(indicators), get("kind", _KIND), leader, link)


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
    ``trusted_assessment``.

    Five per employee of a unit: the reads of :func:`_read` and :func:`_optional` are written
    out (a text read before is looked up, anything else read by :func:`_read` as before), the
    names the loop uses are bound once, the same checks on the same values."""
    get = data.get
    plan_id, feedback = data["plan_id"], get("feedback")
    if not (_id_ok(plan_id) and (feedback is None or feedback.strip())):
        raise FastReadError
    given = get("realisations")
    if given:
        decimals = reads.decimals
        known_decimal = decimals.get
        make = new_realisation
        realisations: list[Realisation] = []
        append = realisations.append
        for item in given:
            part = item.get
            ident, value, note, evidence = (
                item["indicator_id"],
                part("value"),
                part("feedback"),
                part("evidence"),
            )
            if value is not None:  # _read, written out: twenty values per employee
                known = known_decimal(value) if type(value) is str else None
                value = known if known is not None else _read(value, decimals, _decimal_in)
            evidence = _NO_EVIDENCE if evidence is None else tuple(evidence)
            if not (
                ident == ident.strip()
                and ident.isprintable()
                and (value is None or value >= 0)
                and (note is None or note.strip())
                and all(map(str.strip, evidence))  # evidence is strict text: str.strip applies
            ):
                raise FastReadError
            append(make(ident, value, evidence, note))
        made: tuple[Realisation, ...] = tuple(realisations)
    else:
        made = ()
    nip, on, period = get("assessor_nip"), data["given_on"], data["period"]
    if nip is not None:
        found = reads.nips.get(nip) if type(nip) is str else None
        nip = found if found is not None else _read(nip, reads.nips, _nip_in)
    found = reads.dates.get(on) if type(on) is str else None
    on = found if found is not None else _read(on, reads.dates, _date_in)
    found = reads.periods.get(period) if type(period) is str else None
    period = found if found is not None else _read(period, reads.periods, _period_in)
    ratings = get("work_result_ratings")
    behaviour = get("behaviour_ratings")
    return new_assessment(
        plan_id,
        data["role"],
        nip,
        on,
        period,
        get("hasil_kerja"),
        get("perilaku_kerja"),
        FrozenMap(ratings) if ratings else _EMPTY,
        FrozenMap(behaviour) if behaviour else _EMPTY,
        made,
        feedback,
        get("anonymised", _ANONYMISED),
    )


#: The fields each builder reads, by the name of the wire model (a wire model with another field
#: set is a defect: ``tests/unit/boundary/test_fast_parts.py``).
_BUILT_FIELDS: Final = {
    "EmployeeModel": (
        "nip", "name", "position", "unit", "superior_nip", "golongan", "golongan_pppk",
        "tmt_pangkat", "tmt_jabatan", "tmt_cpns",
    ),
    "PositionModel": ("kind", "title", "jenjang"),
    "PlanRefModel": (
        "id", "employee_nip", "pejabat_penilai_nip", "atasan_pejabat_penilai_nip", "period",
        "approach", "leads_unit", "work_results", "behaviours",
    ),
    "WorkResultModel": (
        "id", "text", "kind", "leader_work_result", "leader_work_result_id", "indicators",
    ),
    "IndicatorModel": ("id", "text", "aspect", "direction", "target"),
    "TargetModel": ("lower", "upper", "unit"),
    "BehaviourModel": ("value", "special_expectation"),
    "AssessmentModel": (
        "plan_id", "role", "assessor_nip", "given_on", "period", "hasil_kerja",
        "perilaku_kerja", "work_result_ratings", "behaviour_ratings", "realisations",
        "feedback", "anonymised",
    ),
    "RealisationModel": ("indicator_id", "value", "evidence", "feedback"),
}  # fmt: skip


def __getattr__(name: str) -> Any:
    """``BUILT_FIELDS``: :data:`_BUILT_FIELDS` by wire model (it imports the wire models, and
    pydantic: only the tests ask for it)."""
    if name == "BUILT_FIELDS":
        from asn_performance.boundary import part_documents  # noqa: PLC0415

        return {getattr(part_documents, key): value for key, value in _BUILT_FIELDS.items()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
