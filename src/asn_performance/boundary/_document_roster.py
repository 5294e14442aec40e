"""The optional roster of the appraisal document (issue 13, item 3): who may give which input.

A document may carry the organisation's roster, in the roster document's own shape
(``"roster": {"employees": [...]}``, as
:func:`~asn_performance.boundary.cycle_document.load_roster` reads it; ``schema_version`` and
``kind`` may be left out). With it, every assessment of every
plan is checked against the roster when the document is built
(:func:`~asn_performance.regimes.permenpanrb_6_2022.roster_check.role_problems`), and all
problems are reported in one :class:`~asn_performance.exceptions.AuthorityError` at JSON paths:
``$.assessments[3].role`` (rule ``AUTH-ROSTER-ROLE``), ``$.assessments[3].assessor_nip``
(``AUTH-ROSTER-NOT-LISTED``), ``$.plans[1].pejabat_penilai_nip`` (the plan disagrees with the
roster: ``AUTH-ROSTER-PEJABAT-PENILAI``, ``AUTH-ROSTER-ATASAN``).

``asn-performance appraise FILE --roster ROSTER.json`` gives the document a roster read from a
roster document (:func:`with_roster`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

import attrs

from asn_performance._kit.validate import build
from asn_performance.domain.assessment import Assessment
from asn_performance.domain.employee import Employee
from asn_performance.domain.plan import PerformancePlan
from asn_performance.exceptions import InputError, Problem
from asn_performance.process.roster import Roster
from asn_performance.regimes.permenpanrb_6_2022.roster_check import authority_error, role_problems

if TYPE_CHECKING:
    from asn_performance.boundary.cycle_document import RosterModel

__all__ = ["check_document_roles", "check_roster_records", "roster_from", "with_roster"]

_T = TypeVar("_T")

#: The domain's field names at the end of a path, with their names in the JSON document.
_JSON_NAMES = (
    (".assessor", ".assessor_nip"),
    (".employee.nip", ".employee_nip"),
    (".pejabat_penilai", ".pejabat_penilai_nip"),
    (".atasan_pejabat_penilai", ".atasan_pejabat_penilai_nip"),
)


def roster_from(model: RosterModel | None, path: str) -> Roster | None:
    """The document's roster (``None`` when it has none), errors under ``path``."""
    if model is None:
        return None
    # the wire models (pydantic) only for a document with a roster: the others are read
    # without them (issue 12)
    from asn_performance.boundary.part_documents import employee_from  # noqa: PLC0415

    employees = tuple(
        employee_from(item, f"{path}.employees[{k}]") for k, item in enumerate(model.employees)
    )
    return build(path, Roster, employees)


def check_roster_records(roster: Roster | None, employees: Sequence[Employee]) -> None:
    """Check that the roster's record of each of the document's employees is the same record
    (rule ``DOCUMENT-ROSTER``): a roster that names someone differently, or gives another
    superior, unit, position or career data, would check roles against a person the document
    does not describe. Employees of the roster who are not in the document are not looked at.

    Raises:
        InputError: one problem for every employee whose records differ, at
            ``$.roster.employees[k]``.
    """
    if roster is None:
        return
    where = {e.nip: k for k, e in enumerate(roster.employees)}
    problems: list[Problem] = []
    for index, employee in enumerate(employees):
        k = where.get(employee.nip)
        if k is None:
            continue
        other = roster.employees[k]
        if other == employee:
            continue
        differ = [
            field.name
            for field in attrs.fields(Employee)
            if field.eq and getattr(other, field.name) != getattr(employee, field.name)
        ]
        problems.append(
            Problem(
                f"the roster's record of NIP {employee.nip} differs from $.employees[{index}]"
                f" in {', '.join(differ)}",
                f"$.roster.employees[{k}]",
                employee.nip.digits,
                "DOCUMENT-ROSTER",
                f"give the roster the same record as $.employees[{index}] (or correct the"
                " employee), or leave the roster out",
            )
        )
    if problems:
        raise InputError.from_problems(problems)


def check_document_roles(
    roster: Roster | None, plans: Sequence[PerformancePlan], assessments: Sequence[Assessment]
) -> None:
    """Check every assessment of every plan against ``roster`` (nothing without one).

    Assessments for a plan not in ``plans`` are left to the document's own check.

    Raises:
        AuthorityError: one for every problem of the document, each at its JSON path.
    """
    if roster is None:
        return
    by_plan: dict[str, list[int]] = {plan.id: [] for plan in plans}
    for index, assessment in enumerate(assessments):
        by_plan.get(assessment.plan_id, []).append(index)
    problems: list[Problem] = []
    for number, plan in enumerate(plans):
        indices = by_plan[plan.id]
        found = role_problems(
            roster,
            plan,
            [assessments[k] for k in indices],
            at=[f"$.assessments[{k}]" for k in indices],
            plan_at=f"$.plans[{number}]",
        )
        problems.extend(_in_json_names(problem) for problem in found)
    if problems:
        raise authority_error(problems)


def _in_json_names(problem: Problem) -> Problem:
    path = problem.path or ""
    for domain, json in _JSON_NAMES:
        if path.endswith(domain):
            path = path.removesuffix(domain) + json
            break
    return Problem(problem.message, path, problem.value, problem.rule, problem.fix)


def with_roster(document: _T, roster: Roster) -> _T:
    """The appraisal document with ``roster`` in place of its own (checked as it is built).

    Raises:
        AuthorityError: as :func:`check_document_roles`.
    """
    return attrs.evolve(document, roster=roster)  # type: ignore[misc]
