"""The domain objects of a validated document, built without checking again what the wire
models have checked (issue 12).

A wire model of :mod:`asn_performance.boundary.part_documents` has read every value of its
part: labels into their enumeration members, NIPs into :class:`~asn_performance.domain.nip.Nip`,
numbers into exact :class:`~decimal.Decimal`, dates, periods, and text of bounded length.
Handing those values to the domain constructors ran each converter and validator a second
time (about 110 µs per employee of a unit document). The builders here set the fields
directly and check only what the wire model does not; every cross-field invariant is the
domain's own code, run as it is (:func:`checked_new` runs the class's
``__attrs_post_init__``).

**What the wire model covers, field by field** (wire type in :mod:`~asn_performance.boundary._wire`
-> domain validator or converter it makes redundant):

* a label (``PositionKindValue``, ``JenjangValue``, ``AspectValue``, ``DirectionValue``,
  ``WorkResultKindValue``, ``CoreValueValue``, ``ApproachValue``, ``RoleValue``,
  ``RatingValue``): ``Labelled.parse`` gives a member of the enumeration -> ``check_type`` of
  that enumeration (optional ones: ``None`` or a member); a ``Rating.parse`` or
  ``CoreValue.parse`` of a member in the assessment's rating converters returns the member.
* ``NipValue`` gives a :class:`Nip` -> ``check_type(Nip)``; ``PeriodValue`` a ``Period`` ->
  ``check_type(Period)``; ``DateValue`` a ``datetime.date`` from ``date.fromisoformat``, never a
  ``datetime`` -> ``check_date``; ``bool`` fields are ``strict`` -> ``check_type(bool)``.
* ``DecimalValue`` gives ``to_decimal(value, field="")``: a finite Decimal of at most 34
  digits within 1e-15..1e15, zero as ``Decimal(0)``. The domain converters
  (``Target`` ``lower``/``upper``, ``Realisation.value``) call ``to_decimal(...,
  allow_negative=False)``, which returns that same Decimal unless it is negative: **not
  covered**, checked here (``value < 0`` -> the validated build).
* text: every ``str`` field is ``Strict`` (pydantic refuses text that is not a ``str``, and an
  unpaired surrogate, ``string_unicode``) with the same maximum length as the domain
  (``Name``/200 = ``check_text(200)``, ``UnitName``/300, ``LongText``/1000,
  ``Feedback``/4000, ``Evidence``/2000, ``MeasureUnit``/50 with no minimum =
  ``check_text(50, required=False)``, ``Id``/100 = ``check_id``'s and the rating keys' 100), and
  a minimum of one character. **Not covered**: ``check_text`` refuses text of spaces only
  (``value.strip()``), ``check_id`` text with surrounding spaces or unprintable characters, and
  ``Realisation`` evidence of spaces only: checked here (:func:`_filled`, :func:`_id_ok`).
* lists: ``indicators`` and ``work_results`` have ``min_length=1`` -> ``_tuple_of(...,
  minimum=1)``; their items are the objects built here -> the member checks; the converters'
  ``tuple(...)`` is done here. ``work_result_ratings`` / ``behaviour_ratings`` are dicts whose
  keys are distinct (``behaviour_ratings`` also by ``distinct_keys``) -> ``_unique_map``; the
  converter's ``FrozenMap`` of them is built here from the same pairs in the same order.
* every ``__attrs_post_init__`` (POSITION-JENJANG, EMPLOYEE-SUPERIOR, TARGET-RANGE, the plan's
  PLAN-UTAMA, PLAN-UNIQUE-ID, PLAN-BERAKHLAK, PLAN-ROLES, PLAN-PEJABAT-PENILAI, the assessment's
  ASSESSMENT-UNIQUE, -ANONYMISED, -ASSESSOR, -EMPTY, -DATE) and the derived ``init=False``
  fields: **not covered**, run as the domain wrote them.

A value the checks here do not pass is handed to the validated constructor, which raises the
domain's own error; the callers in :mod:`~asn_performance.boundary.part_documents` then build
again under JSON paths, as they always did. So a bad document gives the same error as before,
and a good one equal objects (``==`` and ``to_dict()``;
``tests/unit/boundary/test_trusted_build.py``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeVar

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.trusted import trusted_init as checked_new
from asn_performance._kit.trusted import trusted_maker
from asn_performance.domain.assessment import Assessment, Realisation
from asn_performance.domain.employee import Employee, Position
from asn_performance.domain.plan import (
    BehaviourExpectation,
    Indicator,
    PerformancePlan,
    Target,
    WorkResult,
)

#: The wire models of :mod:`asn_performance.boundary.part_documents`, which imports this module
#: (so it is not imported here, even for type checking: no import circles). Each builder reads
#: the fields of the model its docstring names.
EmployeeModel = Any
WorkResultModel = Any
PlanModel = Any
AssessmentModel = Any

__all__ = [
    "checked_new",
    "new_assessment",
    "new_behaviour",
    "new_employee",
    "new_indicator",
    "new_plan",
    "new_position",
    "new_realisation",
    "new_target",
    "new_work_result",
    "trusted_assessment",
    "trusted_behaviour",
    "trusted_employee",
    "trusted_plan",
    "trusted_work_result",
]

T = TypeVar("T")


def _filled(text: str | None) -> bool:
    """What ``check_text`` adds to a ``Strict`` text field of the same length: not spaces only
    (``None`` for an optional field that is not given)."""
    return text is None or bool(text.strip())


def _id_ok(text: str) -> bool:
    """What ``check_id`` adds to an ``Id`` (strict text of 1 to 100 characters): no
    surrounding spaces, every character printable."""
    return text == text.strip() and text.isprintable()


def _not_negative(value: Decimal | None) -> bool:
    """What ``to_decimal(..., allow_negative=False)`` adds to a ``DecimalValue``."""
    return value is None or value >= 0


#: An employee and a position of checked values, as ``trusted_init(Employee, ...)`` and
#: ``trusted_init(Position, ...)`` build them, without a keyword dictionary per object (the
#: same fields in the same order: checked once, when this module is imported).
new_position = trusted_maker(Position, ("kind", "title", "jenjang"))
new_employee = trusted_maker(
    Employee,
    (
        "nip",
        "name",
        "position",
        "unit",
        "superior_nip",
        "golongan",
        "golongan_pppk",
        "tmt_pangkat",
        "tmt_jabatan",
        "tmt_cpns",
    ),
)


def trusted_employee(model: EmployeeModel) -> Employee:
    """The employee of a validated :class:`EmployeeModel` (see the module docstring: the
    name's and the title's spaces-only check here, POSITION-JENJANG, EMPLOYEE-SUPERIOR and the
    career checks EMPLOYEE-GOLONGAN-KIND, -TMT-CPNS and -TMT-ORDER run by the domain). A value
    the checks do not pass: the validated constructors, which raise."""
    given = model.position
    if not (_filled(given.title) and _filled(model.name) and _filled(model.unit)):
        position = Position(given.kind, given.title, given.jenjang)
        return Employee(
            model.nip,
            model.name,
            position,
            model.unit,
            model.superior_nip,
            golongan=model.golongan,
            golongan_pppk=model.golongan_pppk,
            tmt_pangkat=model.tmt_pangkat,
            tmt_jabatan=model.tmt_jabatan,
            tmt_cpns=model.tmt_cpns,
        )
    return new_employee(
        model.nip,
        model.name,
        new_position(given.kind, given.title, given.jenjang),
        model.unit,
        model.superior_nip,
        model.golongan,
        model.golongan_pppk,
        model.tmt_pangkat,
        model.tmt_jabatan,
        model.tmt_cpns,
    )


#: A target and an indicator of checked values, as ``trusted_init(Target, ...)`` and
#: ``trusted_init(Indicator, ...)`` build them (the same fields in the same order: checked
#: once, when this module is imported); Target's TARGET-RANGE post-init runs.
new_target = trusted_maker(Target, ("lower", "upper", "unit"))
new_indicator = trusted_maker(Indicator, ("id", "text", "target", "aspect", "direction"))
new_work_result = trusted_maker(
    WorkResult,
    ("id", "text", "indicators", "kind", "leader_work_result", "leader_work_result_id"),
)


def trusted_work_result(model: WorkResultModel) -> WorkResult:
    """The work result (RHK) of a validated :class:`WorkResultModel`, its indicators and
    targets included (ids, texts and non-negative bounds checked here; TARGET-RANGE by the
    domain). A value the checks do not pass: the validated constructors, which raise."""
    indicators = []
    for item in model.indicators:
        target = item.target
        if not (
            _id_ok(item.id)
            and _filled(item.text)
            and _not_negative(target.lower)
            and _not_negative(target.upper)
        ):
            built = Target(target.lower, target.upper, target.unit)
            indicators.append(Indicator(item.id, item.text, built, item.aspect, item.direction))
            continue
        indicators.append(
            new_indicator(
                item.id,
                item.text,
                new_target(target.lower, target.upper, target.unit),
                item.aspect,
                item.direction,
            )
        )
    link = model.leader_work_result_id
    if not (
        _id_ok(model.id)
        and _filled(model.text)
        and _filled(model.leader_work_result)
        and (link is None or _id_ok(link))
    ):
        return WorkResult(
            model.id, model.text, tuple(indicators), model.kind, model.leader_work_result, link
        )
    return new_work_result(
        model.id, model.text, tuple(indicators), model.kind, model.leader_work_result, link
    )


def trusted_behaviour(value: Any, special_expectation: str | None) -> BehaviourExpectation:
    """A BerAKHLAK expectation of a validated ``BehaviourModel`` (``value`` a
    :class:`~asn_performance.domain.plan.CoreValue`); the expectation's spaces-only check here.
    A value the check does not pass: the validated constructor, which raises."""
    if not _filled(special_expectation):
        return BehaviourExpectation(value, special_expectation)
    return new_behaviour(value, special_expectation)


new_behaviour = trusted_maker(BehaviourExpectation, ("value", "special_expectation"))


def trusted_plan(
    model: PlanModel,
    people: tuple[Employee, Employee, Employee | None],
    work_results: tuple[WorkResult, ...],
    behaviours: tuple[BehaviourExpectation, ...],
) -> PerformancePlan:
    """The plan of a validated plan model, with its people, work results and behaviours
    already built (by the builders here or the validated constructors); the id checked here,
    every invariant of the plan (PLAN-UTAMA, PLAN-UNIQUE-ID, PLAN-BERAKHLAK, PLAN-ROLES,
    PLAN-PEJABAT-PENILAI) and its id sets by the domain's ``__attrs_post_init__``. An id the
    check does not pass: the validated constructor, which raises."""
    employee, pejabat, atasan = people
    values = (
        model.id,
        employee,
        pejabat,
        model.period,
        work_results,
        behaviours,
        atasan,
        model.approach,
        model.leads_unit,
    )
    if not _id_ok(model.id):
        return PerformancePlan(*values)
    return new_plan(*values)


new_plan = trusted_maker(
    PerformancePlan,
    (
        "id",
        "employee",
        "pejabat_penilai",
        "period",
        "work_results",
        "behaviours",
        "atasan_pejabat_penilai",
        "approach",
        "leads_unit",
    ),
)


#: A realisation of checked values, as ``trusted_init(Realisation, ...)`` builds it (the same
#: fields in the same order: checked once, when this module is imported).
new_realisation = trusted_maker(Realisation, ("indicator_id", "value", "evidence", "feedback"))


def trusted_assessment(model: AssessmentModel) -> Assessment:
    """The assessment of a validated :class:`AssessmentModel` with its realisations (ids,
    texts, evidence and non-negative values checked here; ASSESSMENT-UNIQUE, -ANONYMISED,
    -ASSESSOR, -EMPTY, -DATE, the indicator ids and the sort key by the domain's
    ``__attrs_post_init__``). A value the checks do not pass: the validated constructors,
    which raise.

    The checks of :func:`_id_ok`, :func:`_not_negative` and :func:`_filled` are written out
    in the loop over the realisations (twenty per employee of the benchmark's unit), the same
    tests on the same values; the realisations are made by :data:`new_realisation`."""
    realisations: list[Realisation] = []
    ok = _id_ok(model.plan_id) and _filled(model.feedback)
    if ok:
        append = realisations.append
        for item in model.realisations:
            ident, value, feedback = item.indicator_id, item.value, item.feedback
            evidence = tuple(item.evidence)
            if not (
                ident == ident.strip()
                and ident.isprintable()
                and (value is None or value >= 0)
                and (feedback is None or feedback.strip())
                and all(map(str.strip, evidence))  # evidence is strict text: str.strip applies
            ):
                ok = False
                break
            append(new_realisation(ident, value, evidence, feedback))
    head = (
        model.plan_id,
        model.role,
        model.assessor_nip,
        model.given_on,
        model.period,
        model.hasil_kerja,
        model.perilaku_kerja,
        FrozenMap(model.work_result_ratings),
        FrozenMap(model.behaviour_ratings),
    )
    if not ok:
        return Assessment(
            *head,
            tuple(
                Realisation(r.indicator_id, r.value, tuple(r.evidence), r.feedback)
                for r in model.realisations
            ),
            model.feedback,
            model.anonymised,
        )
    return new_assessment(*head, tuple(realisations), model.feedback, model.anonymised)


#: An assessment of checked values, as ``trusted_init(Assessment, ...)`` builds it.
new_assessment = trusted_maker(
    Assessment,
    (
        "plan_id",
        "role",
        "assessor",
        "given_on",
        "period",
        "hasil_kerja",
        "perilaku_kerja",
        "work_result_ratings",
        "behaviour_ratings",
        "realisations",
        "feedback",
        "anonymised",
    ),
)
