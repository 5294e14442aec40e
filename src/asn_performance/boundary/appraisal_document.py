"""The appraisal document of a unit as JSON: documents in, documents out, with errors that
name the JSON path.

This module is the only one (with the command line) that imports pydantic; ``import
asn_performance`` never loads it. It has three parts:

* **wire models** (pydantic v2, ``extra="forbid"``) that describe the JSON documents and give
  the JSON Schema (:func:`input_json_schema`, :func:`output_json_schema`);
* **loaders** (``load_*``) that validate a document and build the frozen domain objects;
* **dumpers** (``dump_*``) that write domain objects as plain JSON-ready dicts.

Lossless numbers (library decision D5): every :class:`~decimal.Decimal` is written as a JSON
string in plain notation (``"95"``, ``"12.50"``), never as a binary float. On input a decimal
may be a JSON string or a JSON number; JSON text is parsed with ``parse_float=Decimal`` so a
number is never a float, and ``NaN``/``Infinity`` are refused. Dates are ISO ``YYYY-MM-DD``,
periods their :attr:`~asn_performance.domain.period.Period.code` (``"2025"``, ``"2025-Q1"``,
``"2025-03"``, ``"2025-01-15/2025-06-30"``), enumerations their code (labels and synonyms
are also accepted on input), NIPs their 18 digits.

Errors: every problem comes out as an :class:`~asn_performance.exceptions.AsnPerformanceError`
whose ``path`` is a JSON path such as ``$.plans[0].work_results[2].indicators[0].target.lower``.
Shape problems (missing or unknown field, wrong JSON type, malformed JSON text) are a
:class:`~asn_performance.exceptions.SchemaError` with the rule ``SCHEMA-<type>``; content
problems keep the domain's own error and rule (``NipError``/``NIP-BIRTH-DATE``,
``LabelError``/``D12-LABELS``, ``DecimalInputError``/``D5-EXACT``, ...). Only the first problem
is raised; the message says how many more were found. See ``docs/reference/json.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import attrs
from pydantic import (
    ConfigDict,
    TypeAdapter,
)

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.plain import code_of, decimal_text
from asn_performance._kit.validate import check_text, check_type
from asn_performance.boundary._document_models import (
    DocumentModel,
    guards_from,
    policy_from,
)
from asn_performance.boundary._document_roster import (
    check_document_roles,
    check_roster_records,
    roster_from,
)
from asn_performance.boundary._fast_parts import (
    FastReads,
    fast_assessment,
    fast_employee,
    fast_nip,
    fast_plan,
    fast_reader,
)
from asn_performance.boundary._json_text import within_limits
from asn_performance.boundary._wire import (
    DRAFT,
    MAX_DEPTH,
    MAX_ITEMS,
    build,
    guarded_unwalked,
    listed_twice,
    member,
    not_listed,
    require,
    to_json,
    to_tuple,
    tuple_of,
    validate_model,
)
from asn_performance.boundary.cycle_document import (
    CycleModel,
    EventModel,
    FeedbackModel,
    RosterModel,
    dump_cycle,
    dump_feedback,
    dump_roster,
    load_cycle,
    load_feedback,
    load_roster,
)
from asn_performance.boundary.fixes import in_json_terms
from asn_performance.boundary.part_documents import (
    PLAN_REF_RENAMES,
    AppraisalModel,
    AssessmentModel,
    AttendanceModel,
    EmployeeModel,
    IntegrityModel,
    PlanModel,
    PlanRefModel,
    ResultModel,
    RewardInputsModel,
    StepModel,
    assessment_from,
    dump_appraisal,
    dump_assessment,
    dump_employee,
    dump_plan,
    dump_result,
    employee_from,
    load_appraisal,
    load_assessment,
    load_employee,
    load_plan,
    plan_from,
    reward_inputs_from,
    reward_inputs_record,
)
from asn_performance.consequences import (
    RewardInputs,
    RewardOutcome,
    RewardPolicy,
)
from asn_performance.domain.assessment import Assessment
from asn_performance.domain.employee import Employee
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import (
    PerformancePlan,
    default_behaviours,
)
from asn_performance.domain.rating import OrganisationPredikat
from asn_performance.exceptions import (
    AsnPerformanceError,
    InputError,
    SchemaError,
)
from asn_performance.process.cascade import check_unit_links
from asn_performance.process.roster import Roster
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal
from asn_performance.services.sample import sample_unit
from asn_performance.services.totals import reward_totals
from asn_performance.services.unit import (
    UnitOutcome,
    appraise_unit,
    appraise_unit_each,
    evaluate_unit_rewards,
    evaluate_unit_rewards_each,
)
from asn_performance.weighting import (
    Guards,
    PerDimension,
    SupervisorDecides,
    WeightedSources,
    WeightingPolicy,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_ITEMS",
    "SCHEMA_VERSION",
    "AppraisalDocument",
    "AppraisalModel",
    "AssessmentModel",
    "AttendanceModel",
    "CycleModel",
    "DocumentModel",
    "EmployeeModel",
    "EventModel",
    "FeedbackModel",
    "IntegrityModel",
    "PlanModel",
    "PlanRefModel",
    "ResultModel",
    "RewardInputsModel",
    "RosterModel",
    "StepModel",
    "document_from",
    "dump_appraisal",
    "dump_assessment",
    "dump_cycle",
    "dump_document",
    "dump_employee",
    "dump_feedback",
    "dump_plan",
    "dump_result",
    "dump_rewards",
    "dump_roster",
    "input_json_schema",
    "load_appraisal",
    "load_assessment",
    "load_cycle",
    "load_document",
    "load_employee",
    "load_feedback",
    "load_plan",
    "load_roster",
    "output_json_schema",
    "sample_document",
    "to_json",
]

#: The version of the input document format this module reads and writes.
SCHEMA_VERSION: Final = "1"

# --- wire models -----------------------------------------------------------------------------


_RESULTS: Final = TypeAdapter(list[ResultModel], config=ConfigDict(defer_build=True))


def _reward_inputs(value: object) -> FrozenMap[Nip, RewardInputs]:
    if not isinstance(value, Mapping):
        raise InputError(
            "must be a mapping of NIP to RewardInputs",
            path="reward_inputs",
            value=type(value).__name__,
            rule="TYPE",
            fix="pass e.g. {Nip.parse('198609262015051001'): RewardInputs(kelas=9)}",
        )
    table: dict[Nip, RewardInputs] = {}
    for key, inputs in value.items():
        nip = key if isinstance(key, Nip) else Nip.parse(key)
        field = f"reward_inputs[{nip.digits!r}]"
        if nip in table:
            raise listed_twice(
                f"two entries name the NIP {nip.digits}",
                field,
                nip.digits,
                "give one entry per employee",
            )
        if not isinstance(inputs, RewardInputs):
            raise InputError(
                "must be a RewardInputs",
                path=field,
                value=type(inputs).__name__,
                rule="TYPE",
                fix="pass RewardInputs(kelas=..., ...)",
            )
        table[nip] = inputs
    return FrozenMap(table)


def _check_policy(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, WeightingPolicy):
        raise InputError(
            "must be a weighting policy",
            path=attribute.name,
            value=type(value).__name__,
            rule="TYPE",
            fix="pass SupervisorDecides(), WeightedSources(...) or PerDimension(...)",
        )


@attrs.frozen
class AppraisalDocument:
    """An input document as domain objects: employees, their SKP, the assessments and the
    settings to appraise them with.

    Invariants checked on construction: employee NIPs and plan ids are unique; an employee has
    at most one plan per period (a second plan would be appraised and counted twice); every person a
    plan names (employee, pejabat penilai, atasan) is listed in ``employees`` as the same
    object value; every assessment is for a listed plan; with a ``roster``, every assessment's
    giver may give its role (``AUTH-ROSTER-ROLE``, all problems at once); every cascade link
    whose leader's plan is in the document names an RHK of it (``PLAN-CASCADE-LINK``). So
    :func:`dump_document` always writes a document that :func:`load_document` reads back equal.
    """

    employees: tuple[Employee, ...] = attrs.field(converter=to_tuple, validator=tuple_of(Employee))
    plans: tuple[PerformancePlan, ...] = attrs.field(
        converter=to_tuple, validator=tuple_of(PerformancePlan)
    )
    assessments: tuple[Assessment, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Assessment)
    )
    policy: WeightingPolicy = attrs.field(factory=SupervisorDecides, validator=_check_policy)
    guards: Guards = attrs.field(factory=Guards, validator=check_type(Guards))
    organisation_predikat: OrganisationPredikat | None = attrs.field(
        default=None, validator=check_type(OrganisationPredikat, optional=True)
    )
    title: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(500))
    )
    reward_inputs: FrozenMap[Nip, RewardInputs] = attrs.field(
        factory=FrozenMap, converter=_reward_inputs
    )
    roster: Roster | None = attrs.field(default=None, validator=check_type(Roster, optional=True))

    def __attrs_post_init__(self) -> None:
        people: dict[Nip, Employee] = {}
        for index, employee in enumerate(self.employees):
            if employee.nip in people:
                raise listed_twice(
                    f"employee {employee.nip} is listed twice",
                    f"employees[{index}].nip",
                    employee.nip.digits,
                    "list each employee once",
                )
            people[employee.nip] = employee
        plan_ids: set[str] = set()
        planned: dict[tuple[Nip, Period], str] = {}
        for index, plan in enumerate(self.plans):
            if plan.id in plan_ids:
                raise listed_twice(
                    f"two plans share the id {plan.id!r}",
                    f"plans[{index}].id",
                    plan.id,
                    "give each plan its own id",
                )
            plan_ids.add(plan.id)
            first = planned.setdefault((plan.employee.nip, plan.period), plan.id)
            if first != plan.id:
                raise listed_twice(
                    f"employee {plan.employee.nip} has two plans for period"
                    f" {plan.period.code}: {first!r} and {plan.id!r}",
                    f"plans[{index}].period",
                    plan.period.code,
                    "keep one plan per employee and period (remove or merge the other)",
                )
            for field in ("employee", "pejabat_penilai", "atasan_pejabat_penilai"):
                person: Employee | None = getattr(plan, field)
                if person is None:
                    continue
                listed = people.get(person.nip)
                # the same object is the same record (an Employee's fields equal themselves):
                # the field-by-field comparison only for a different object
                if listed is not person and listed != person:
                    raise not_listed(
                        f"the {field.replace('_', ' ')} of plan {plan.id!r} is not listed in"
                        " the document's employees",
                        f"plans[{index}].{field}",
                        person.nip.digits,
                        "add the employee (the same record) to employees",
                    )
        for index, assessment in enumerate(self.assessments):
            if assessment.plan_id not in plan_ids:
                raise not_listed(
                    f"assessment for unknown plan {assessment.plan_id!r}",
                    f"assessments[{index}].plan_id",
                    assessment.plan_id,
                    "use the id of a plan in the document",
                )
        for nip in self.reward_inputs:
            if nip not in people:
                raise not_listed(
                    f"reward inputs for {nip.digits}, who is not in the document's employees",
                    f"reward_inputs[{nip.digits!r}]",
                    nip.digits,
                    "add the employee to employees or remove the entry",
                )
        # issue 13: who may give which input, when the document has a roster
        check_roster_records(self.roster, self.employees)
        check_document_roles(self.roster, self.plans, self.assessments)
        # issue 13: the cascade's links, so that a document built here dumps to one that loads
        check_unit_links(self.plans, path="$.plans")

    def appraise_all(self) -> tuple[Appraisal, ...]:
        """Appraise every plan, in plan order, each with its own assessments.

        Uses the document's policy, guards and organisation predikat
        (:func:`~asn_performance.services.unit.appraise_unit`). A domain error comes out with
        the JSON path of the document (``$.assessments[3].assessor_nip``), the index being the
        assessment's place in the document.
        """
        try:
            return appraise_unit(
                self.plans,
                self.assessments,
                policy=self.policy,
                guards=self.guards,
                organisation_predikat=self.organisation_predikat,
                roster=self.roster,
            )
        except AsnPerformanceError as error:
            raise _at_document(error) from None

    def evaluate_rewards(
        self, policy: RewardPolicy, appraisals: Sequence[Appraisal] | None = None
    ) -> tuple[RewardOutcome, ...]:
        """Apply ``policy`` to each employee's appraisals, with the document's reward inputs.

        ``appraisals`` defaults to :meth:`appraise_all`. They are grouped by employee (in the
        order the employees' first plans appear); each group is evaluated with the employee's
        :class:`~asn_performance.consequences.RewardInputs` from ``reward_inputs`` (none: the
        defaults; :func:`~asn_performance.services.unit.evaluate_unit_rewards`). A domain error
        comes out at the JSON path of the document: an input at
        ``$.reward_inputs['<nip>'].kelas``, a period at ``$.plans[i].period``.
        """
        if appraisals is not None:
            items = tuple(appraisals)
        elif isinstance(policy, RewardPolicy):
            items = self.appraise_all()
        else:  # the service refuses the policy before it looks at any appraisal
            items = ()
        try:
            return evaluate_unit_rewards(policy, self.plans, items, self.reward_inputs)
        except AsnPerformanceError as error:
            if (error.path or "").startswith(("plans[", "reward_inputs[")):
                raise error.with_paths(_unit_to_json) from None
            raise

    def appraise_each(self) -> UnitOutcome[Appraisal]:
        """Appraise each plan on its own (``--keep-going``): as :meth:`appraise_all`, but a
        plan that cannot be appraised does not stop the others
        (:func:`~asn_performance.services.unit.appraise_unit_each`). ``results`` are the
        appraisals of the plans that could be appraised, in plan order; ``problems`` maps the
        id of each other plan to its error, at the document's JSON path."""
        outcome = appraise_unit_each(
            self.plans,
            self.assessments,
            policy=self.policy,
            guards=self.guards,
            organisation_predikat=self.organisation_predikat,
            roster=self.roster,
        )
        return UnitOutcome(
            outcome.results,
            FrozenMap({key: _at_document(e) for key, e in outcome.problems.items()}),
        )

    def evaluate_rewards_each(
        self, policy: RewardPolicy, appraisals: Sequence[Appraisal]
    ) -> UnitOutcome[RewardOutcome]:
        """Evaluate each employee's rewards on their own (``--keep-going``): as
        :meth:`evaluate_rewards`, but an employee whose rewards cannot be evaluated does not
        stop the others (:func:`~asn_performance.services.unit.evaluate_unit_rewards_each`);
        ``problems`` maps the NIP's digits to the error, at the document's JSON path. Pass the
        ``results`` of :meth:`appraise_each` (an employee one of whose plans failed is better
        left out: its rewards would count only part of its periods)."""
        try:
            outcome = evaluate_unit_rewards_each(
                policy, self.plans, tuple(appraisals), self.reward_inputs
            )
        except AsnPerformanceError as error:
            raise _at_rewards(error) from None
        return UnitOutcome(
            outcome.results,
            FrozenMap({key: _at_rewards(e) for key, e in outcome.problems.items()}),
        )


def _at_rewards(error: AsnPerformanceError) -> AsnPerformanceError:
    """An error of the reward service at the document's JSON path (plans, reward inputs)."""
    if (error.path or "").startswith(("plans[", "reward_inputs[")):
        return in_json_terms(error.with_paths(_unit_to_json))
    return in_json_terms(error)


_ASSESSOR = re.compile(r"(assessments\[[0-9]+\])\.assessor((?:\..*)?)", re.DOTALL)


def _at_document(error: AsnPerformanceError) -> AsnPerformanceError:
    """An error of :func:`~asn_performance.services.unit.appraise_unit` at the document's JSON
    path: ``$.`` before the unit's path, the assessor under its JSON name ``assessor_nip``."""
    if (error.path or "").startswith("$"):
        return in_json_terms(error)
    return in_json_terms(error.with_paths(_unit_to_json))


def _unit_to_json(path: str | None) -> str:
    """A path of the unit service as the document's JSON path (every problem's): ``$.``
    before it, the assessor under its JSON name ``assessor_nip``; a JSON path is kept."""
    text = path or ""
    if text.startswith("$"):
        return text
    found = _ASSESSOR.fullmatch(text)
    if found:
        text = f"{found.group(1)}.assessor_nip{found.group(2)}"
    return f"$.{text}" if text else "$"


# --- building domain objects -------------------------------------------------------------------


def _reference_error(what: str, value: str, path: str, fix: str) -> SchemaError:
    return SchemaError(
        f"{what} {value!r} is not in the document",
        path=path,
        value=value,
        rule="SCHEMA-unknown_reference",
        fix=fix,
    )


def document_from(data: dict[str, Any]) -> AppraisalDocument:
    """Build an :class:`AppraisalDocument` from an already-read plain dict (as
    :func:`load_document` does after reading the text); errors at JSON paths.

    A document is read part by part first (:func:`_document_by_parts`); one with a problem is
    then read whole (:func:`_document_whole`), which finds every problem and reports them as
    it always has. The document checks the cascade's links itself (PLAN-CASCADE-LINK,
    process.cascade) as it is built."""
    return document_from_unwalked(data, lambda: data)


def document_from_unwalked(
    data: dict[str, Any], walked: Callable[[], dict[str, Any]]
) -> AppraisalDocument:
    """:func:`document_from` of a source as ``read_source_unwalked`` reads it: ``data`` may
    not have been walked for depth and items yet (the reading by parts bounds them itself);
    ``walked()`` gives it as ``read_source`` does, for the reading whole."""
    try:
        return _document_by_parts(data)
    except Exception:  # noqa: S110 - any problem: read whole (outside this block), to report it
        pass
    return _document_whole(walked())


_PARTS: Final = ("employees", "plans", "assessments")


class _ReadWholeError(Exception):
    """The document is not read part by part (:func:`_document_by_parts`)."""


def _document_by_parts(data: dict[str, Any]) -> AppraisalDocument:
    """The document built as :func:`_document_whole` builds it, but each employee, plan and
    assessment validated and built in turn: its validated form is freed as soon as its domain
    object is built, so that the cyclic garbage collector never has to look at the wire models
    of a whole document (at 1,000 employees its full collections took longer than the rest of
    the reading). The parts are validated by the wire models' twins and built by the fast
    builders of :mod:`~asn_performance.boundary._fast_parts` (no problem budget per object,
    labels read as codes in pydantic-core, each NIP, period, decimal and date text read once;
    lists bounded by ``FAST_ITEMS``, which keeps the budget's guarantee); the head of the
    document (policy, guards, reward inputs, roster) by :class:`DocumentModel`. The same
    checks on the same values give equal objects.

    Raises at the first problem of any kind, without the work of reporting it:
    :func:`document_from` then reads the document whole, to report every problem.
    """
    parts = [data.get(key, []) for key in _PARTS]
    if "employees" not in data or "plans" not in data:
        raise _ReadWholeError
    if any(type(part) is not list or len(part) > MAX_ITEMS for part in parts):
        raise _ReadWholeError
    head_data: dict[str, Any] = {**data, **{key: [] for key in _PARTS if key in data}}
    if not within_limits(head_data):  # the parts are bounded by their twins (FAST_ITEMS)
        raise _ReadWholeError
    head = validate_model(DocumentModel, head_data)
    reads = FastReads()
    read_employee = fast_reader(EmployeeModel)
    read_plan = fast_reader(PlanRefModel)
    read_assessment = fast_reader(AssessmentModel)
    people: dict[Nip, Employee] = {}
    for item in parts[0]:
        person = fast_employee(read_employee(item), reads)
        if person.nip in people:
            raise _ReadWholeError
        people[person.nip] = person
    plans: dict[str, PerformancePlan] = {}
    behaviours = default_behaviours()  # frozen: shared by the plans that give none
    nips = reads.nips
    for item in parts[1]:
        plan = read_plan(item)
        ident, atasan = plan["id"], plan.get("atasan_pejabat_penilai_nip")
        named = (
            people[fast_nip(plan["employee_nip"], nips)],
            people[fast_nip(plan["pejabat_penilai_nip"], nips)],
            None if atasan is None else people[fast_nip(atasan, nips)],
        )
        if ident in plans:
            raise _ReadWholeError
        plans[ident] = fast_plan(plan, named, reads, behaviours)
    assessments = []
    for item in parts[2]:
        given = fast_assessment(read_assessment(item), reads)
        if given.plan_id not in plans:
            raise _ReadWholeError
        assessments.append(given)
    rewards = {nip: reward_inputs_from(entry, "$") for nip, entry in head.reward_inputs.items()}
    if not rewards.keys() <= people.keys():
        raise _ReadWholeError
    return AppraisalDocument(
        employees=tuple(people.values()),
        plans=tuple(plans.values()),
        assessments=tuple(assessments),
        policy=policy_from(head.policy, "$.policy"),
        guards=guards_from(head.guards, "$.guards"),
        organisation_predikat=head.organisation_predikat,
        title=head.title,
        reward_inputs=rewards,
        roster=roster_from(head.roster, "$.roster"),
    )


def _document_whole(data: dict[str, Any]) -> AppraisalDocument:
    """Validate the whole document (every problem found, the first reported at its JSON path
    with the others listed and counted), then build its domain objects."""
    model = validate_model(DocumentModel, data)
    people: dict[Nip, Employee] = {}
    for j, person in enumerate(model.employees):
        if person.nip in people:
            raise SchemaError(
                f"employee {person.nip} is listed twice",
                path=f"$.employees[{j}].nip",
                value=person.nip.digits,
                rule="SCHEMA-duplicate_id",
                fix="list each employee once",
            )
        people[person.nip] = employee_from(person, f"$.employees[{j}]")
    plans: dict[str, PerformancePlan] = {}
    behaviours = default_behaviours()  # frozen: shared by the plans that give none
    for i, item in enumerate(model.plans):
        if item.id in plans:
            raise SchemaError(
                f"two plans share the id {item.id!r}",
                path=f"$.plans[{i}].id",
                value=item.id,
                rule="SCHEMA-duplicate_id",
                fix="give each plan its own id",
            )
        found: list[Employee | None] = []
        for field in ("employee_nip", "pejabat_penilai_nip", "atasan_pejabat_penilai_nip"):
            nip: Nip | None = getattr(item, field)
            if nip is not None and nip not in people:
                raise _reference_error(
                    "employee", nip.digits, f"$.plans[{i}].{field}", "add the employee to"
                    " $.employees or correct the NIP",
                )  # fmt: skip
            found.append(None if nip is None else people[nip])
        employee, pejabat, atasan = found
        if employee is None or pejabat is None:  # pragma: no cover - both fields are required
            raise TypeError
        path = f"$.plans[{i}]"
        plans[item.id] = plan_from(
            item, (employee, pejabat, atasan), path, PLAN_REF_RENAMES, behaviours
        )
    assessments = []
    for k, given in enumerate(model.assessments):
        if given.plan_id not in plans:
            raise _reference_error(
                "plan", given.plan_id, f"$.assessments[{k}].plan_id", "use the id of a plan in"
                " $.plans",
            )  # fmt: skip
        assessments.append(assessment_from(given, f"$.assessments[{k}]"))
    rewards: dict[Nip, RewardInputs] = {}
    for nip, entry in model.reward_inputs.items():
        path = f"$.reward_inputs{member(nip.digits)}"
        if nip not in people:
            raise _reference_error(
                "employee", nip.digits, path, "add the employee to $.employees or remove the"
                " entry",
            )  # fmt: skip
        rewards[nip] = reward_inputs_from(entry, path)
    return build(
        "$",
        AppraisalDocument,
        employees=tuple(people.values()),
        plans=tuple(plans.values()),
        assessments=tuple(assessments),
        policy=policy_from(model.policy, "$.policy"),
        guards=guards_from(model.guards, "$.guards"),
        organisation_predikat=model.organisation_predikat,
        title=model.title,
        reward_inputs=rewards,
        roster=roster_from(model.roster, "$.roster"),
    )


# --- public loaders ----------------------------------------------------------------------------


def load_document(source: str | bytes | Mapping[str, Any]) -> AppraisalDocument:
    """Read an input document (JSON text, UTF-8 bytes or an already-parsed mapping).

    Checks the shape, builds every domain object and resolves the references: plans name
    people by NIP (each must be in ``employees``), assessments name their plan by id.

    JSON text is parsed once and not copied, each value written the same way is read once,
    and each part is validated (by a twin of its wire model, without the per-object problem
    budget: see :mod:`~asn_performance.boundary._fast_parts`) and built in turn; a document
    with a problem is then read whole to report it; the cyclic garbage collector runs as the
    caller has it (the library never switches it off). A caller that loads large documents in
    a batch may pause it around the call: at 1,000 employees per document (issue 12, CPU time,
    ``benchmarks/scale.py`` documents) ``gc.disable()`` saved about 19 % of the load and
    ``gc.freeze()`` before it about 4 %; at 100 employees 7 % and 4 %.

    Raises:
        SchemaError: the text is not JSON, a field is missing, unknown or of the wrong JSON
            type, a reference is unknown or an id is repeated (``path`` is the JSON path).
        AsnPerformanceError: a value breaks a domain rule (a bad NIP, an unknown rating, a
            reversed target range...), with the domain's rule id and the JSON path.
    """
    return guarded_unwalked(document_from_unwalked, source)


# --- writing -----------------------------------------------------------------------------------


def _policy_dict(policy: object, path: str) -> dict[str, Any]:
    # Exact types: a subclass may behave differently and would not survive a round trip.
    if type(policy) is SupervisorDecides:
        return {"kind": "supervisor_decides"}
    if type(policy) is WeightedSources:
        return {
            "kind": "weighted_sources",
            "weights": {role.code: decimal_text(w) for role, w in policy.weights.items()},
            "scale": {rating.code: decimal_text(v) for rating, v in policy.scale.items()},
            "sesuai_from": decimal_text(policy.sesuai_from),
            "di_atas_from": decimal_text(policy.di_atas_from),
        }
    if type(policy) is PerDimension:
        return {
            "kind": "per_dimension",
            "hasil_kerja": _policy_dict(policy.hasil_kerja, f"{path}.hasil_kerja"),
            "perilaku_kerja": _policy_dict(policy.perilaku_kerja, f"{path}.perilaku_kerja"),
        }
    raise SchemaError(
        f"the policy {getattr(policy, 'name', type(policy).__name__)!r} cannot be written to JSON",
        path=path,
        value=type(policy).__name__,
        rule="SCHEMA-policy_kind",
        fix="only SupervisorDecides, WeightedSources and PerDimension are part of the format",
    )


def dump_document(doc: AppraisalDocument) -> dict[str, Any]:
    """Write an :class:`AppraisalDocument` as an input document (``schema_version`` "1").

    Plans name their people by NIP; the policy, guards, organisation predikat and reward
    inputs are written out in full, defaults included; the roster only when there is one.

    Raises:
        SchemaError: the policy is not one of the built-in policies (``$.policy``).
    """
    require(doc, AppraisalDocument, "dump_document")
    guards = doc.guards
    return {
        "schema_version": SCHEMA_VERSION,
        "title": doc.title,
        "policy": _policy_dict(doc.policy, "$.policy"),
        "guards": {
            "min_anonymous_responses": guards.min_anonymous_responses,
            "anonymous_roles": [
                role.code for role in sorted(guards.anonymous_roles, key=lambda r: r.order)
            ],
        },
        "organisation_predikat": code_of(doc.organisation_predikat),
        "employees": [e.to_dict() for e in doc.employees],
        "plans": [p.to_dict(part="ref") for p in doc.plans],
        "assessments": [a.to_dict() for a in doc.assessments],
        "reward_inputs": {
            nip.digits: reward_inputs_record(inputs) for nip, inputs in doc.reward_inputs.items()
        },
        **({} if doc.roster is None else {"roster": dump_roster(doc.roster)}),
    }


def dump_rewards(policy: RewardPolicy, outcomes: Sequence[RewardOutcome]) -> dict[str, Any]:
    """What ``rewards --json`` writes: ``{"policy": {"name", "version"}, "outcomes": [one
    RewardOutcome.to_dict() per employee], "totals": RewardTotals.to_dict()}`` (the unit's
    totals, :func:`~asn_performance.services.totals.reward_totals`); schema ``rewards``."""
    return {
        "policy": {"name": policy.name, "version": policy.version},
        "outcomes": [outcome.to_dict() for outcome in outcomes],
        "totals": reward_totals(outcomes).to_dict(),
    }


def sample_document() -> AppraisalDocument:
    """The built-in sample unit (:func:`asn_performance.services.sample.sample_unit`) as an
    input document: what ``asn-performance sample`` prints, a starting point for your own."""
    sample = sample_unit()
    return AppraisalDocument(
        employees=sample.employees,
        plans=sample.plans,
        assessments=sample.assessments,
        policy=sample.policy,
        guards=sample.guards,
        organisation_predikat=sample.organisation_predikat,
        title=sample.title,
    )


# --- JSON Schema -------------------------------------------------------------------------------


def input_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the input document read by :func:`load_document`.

    The schema describes the canonical form that the ``dump_*`` functions write; the loader is
    slightly more lenient (labels for codes, NIPs with separators, decimals as JSON numbers).
    """
    return {"$schema": DRAFT, **DocumentModel.model_json_schema()}


def output_json_schema() -> dict[str, Any]:
    """The JSON Schema of the output: a JSON array of :func:`dump_result` records."""
    schema = _RESULTS.json_schema()
    return {
        "$schema": DRAFT,
        "title": "Hasil evaluasi kinerja ASN (asn_performance output)",
        "description": "One record per appraised plan, as written by dump_result().",
        **schema,
    }
