"""The appraisal document of a unit as domain objects: :class:`AppraisalDocument` (private
module; re-exported by :mod:`asn_performance.boundary.appraisal_document`, its public home).

It lives apart from the wire models so that a valid document is read, and its class built,
without importing pydantic (issue 12).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

# The reward policy's names through the package, whose lazy attributes load its module on first
# use (about 20 ms, not needed to read or appraise): typing.get_type_hints(AppraisalDocument)
# still resolves `consequences.RewardInputs` (review of issue 12).
from asn_performance import consequences
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import check_text, check_type, to_tuple, tuple_of
from asn_performance.boundary._document_roster import (
    check_document_roles,
    check_roster_records,
)
from asn_performance.boundary._json_errors import listed_twice, not_listed
from asn_performance.boundary.fixes import in_json_terms
from asn_performance.domain.assessment import Assessment
from asn_performance.domain.employee import Employee
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import (
    PerformancePlan,
)
from asn_performance.domain.rating import OrganisationPredikat
from asn_performance.exceptions import (
    AsnPerformanceError,
    InputError,
)
from asn_performance.process.cascade import check_unit_links
from asn_performance.process.roster import Roster
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal
from asn_performance.services.unit import (
    UnitOutcome,
    appraise_unit,
    appraise_unit_each,
    evaluate_unit_rewards,
    evaluate_unit_rewards_each,
)
from asn_performance.weighting import (
    Guards,
    SupervisorDecides,
    WeightingPolicy,
)

__all__ = ["AppraisalDocument", "at_document", "at_rewards"]


def _reward_inputs(value: object) -> FrozenMap[Nip, consequences.RewardInputs]:
    if not isinstance(value, Mapping):
        raise InputError(
            "must be a mapping of NIP to RewardInputs",
            path="reward_inputs",
            value=type(value).__name__,
            rule="TYPE",
            fix="pass e.g. {Nip.parse('198609262015051001'): RewardInputs(kelas=9)}",
        )
    table: dict[Nip, consequences.RewardInputs] = {}
    if not value:
        return FrozenMap(table)
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
        if not isinstance(inputs, consequences.RewardInputs):
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
    reward_inputs: FrozenMap[Nip, consequences.RewardInputs] = attrs.field(
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
            raise at_document(error) from None

    def evaluate_rewards(
        self, policy: consequences.RewardPolicy, appraisals: Sequence[Appraisal] | None = None
    ) -> tuple[consequences.RewardOutcome, ...]:
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
        elif isinstance(policy, consequences.RewardPolicy):
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
            FrozenMap({key: at_document(e) for key, e in outcome.problems.items()}),
        )

    def evaluate_rewards_each(
        self, policy: consequences.RewardPolicy, appraisals: Sequence[Appraisal]
    ) -> UnitOutcome[consequences.RewardOutcome]:
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
            raise at_rewards(error) from None
        return UnitOutcome(
            outcome.results,
            FrozenMap({key: at_rewards(e) for key, e in outcome.problems.items()}),
        )


def at_rewards(error: AsnPerformanceError) -> AsnPerformanceError:
    """An error of the reward service at the document's JSON path (plans, reward inputs)."""
    if (error.path or "").startswith(("plans[", "reward_inputs[")):
        return in_json_terms(error.with_paths(_unit_to_json))
    return in_json_terms(error)


_ASSESSOR = re.compile(r"(assessments\[[0-9]+\])\.assessor((?:\..*)?)", re.DOTALL)


def at_document(error: AsnPerformanceError) -> AsnPerformanceError:
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
