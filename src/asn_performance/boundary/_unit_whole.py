"""Reading the input document of a unit whole, with its wire models (private module; issue
12): every problem found, the first reported at its JSON path with the others listed and
counted. :func:`~asn_performance.boundary._unit_reading.document_from_unwalked` reads a
document this way when the reading by parts meets a problem of any kind;
:mod:`asn_performance.boundary.appraisal_document` re-exports it.
"""

from __future__ import annotations

from typing import Any

from asn_performance.boundary._document_models import (
    DocumentModel,
    guards_from,
    policy_from,
)
from asn_performance.boundary._document_roster import (
    roster_from,
)
from asn_performance.boundary._unit_document import AppraisalDocument
from asn_performance.boundary._wire import (
    build,
    member,
    validate_model,
)
from asn_performance.boundary.part_documents import (
    PLAN_REF_RENAMES,
    assessment_from,
    employee_from,
    plan_from,
    reward_inputs_from,
)
from asn_performance.consequences import (
    RewardInputs,
)
from asn_performance.domain.employee import Employee
from asn_performance.domain.nip import Nip
from asn_performance.domain.plan import (
    PerformancePlan,
    default_behaviours,
)
from asn_performance.exceptions import (
    SchemaError,
)

__all__ = ["document_whole"]


def _reference_error(what: str, value: str, path: str, fix: str) -> SchemaError:
    return SchemaError(
        f"{what} {value!r} is not in the document",
        path=path,
        value=value,
        rule="SCHEMA-unknown_reference",
        fix=fix,
    )


def document_whole(data: dict[str, Any]) -> AppraisalDocument:
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
