"""Who may give which assessment, checked against an organisation roster (issue 13, item 3).

:func:`~asn_performance.appraise` called with ``roster=`` checks every assessment's giver
against the roster before anything is counted: a Kepala Dinas or a colleague entered as a
"subordinate" of a teacher is refused, although the assessment names a valid NIP.

The roster is the organisation's (:class:`asn_performance.process.roster.Roster`), which
sits above this layer; what the check needs of it is the structural :class:`RosterView`,
which ``Roster`` satisfies (mypy proves it in ``process/roster.py``). Who may give what is
the roster's reading (:class:`~asn_performance.process.roster.PlanRoles`, UNCONFIRMED, a
library reading of PermenPANRB 6/2022 [S2][S19] and PP 30/2019 Pasal 59 [S11][S12b]):

* the employee gives the self assessment; the plan's pejabat penilai kinerja the pejabat
  penilai's; the atasan pejabat penilai and superiors further up give none;
* a direct subordinate (*bawahan langsung*) gives subordinate input; an indirect one none;
* a colleague outside the employee's line gives peer or service-user input.

Library decision D23: a named service user (*pengguna layanan*) who is not in the roster is
accepted, since service users come from outside the organisation (the public, another
instansi); anyone else not in the roster is refused (``AUTH-ROSTER-NOT-LISTED``). An unnamed
service user cannot be checked and is accepted as before.

Every problem is collected: one :class:`~asn_performance.exceptions.AuthorityError` lists
them all (``assessments[i].role`` with rule ``AUTH-ROSTER-ROLE``, ``assessments[i].assessor``
with ``AUTH-ROSTER-NOT-LISTED``, or the plan's own disagreement with the roster under
``plan.``). The check runs before anonymisation, on the assessments as given: its messages
name the givers, for whoever enters the data; the appraisal made afterwards does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final, Protocol, runtime_checkable

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled
from asn_performance.domain.assessment import Assessment, AssessorRole
from asn_performance.domain.employee import Employee
from asn_performance.domain.explanation import Rule, Step
from asn_performance.domain.nip import Nip
from asn_performance.domain.plan import PerformancePlan
from asn_performance.exceptions import (
    AppraisalError,
    AsnPerformanceError,
    AuthorityError,
    Problem,
)

__all__ = ["ROSTER_RULES", "PlanRolesView", "RosterView", "check_roles", "role_problems"]

#: The rule recorded in an appraisal checked against a roster (and broken by a wrong role).
ROSTER_RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "AUTH-ROSTER-ROLE",
        "Who may give which assessment, by the roster",
        "PermenPANRB 6/2022 (pejabat penilai kinerja, atasan pejabat penilai on the SKP);"
        " PP 30/2019 Pasal 59 (the atasan decides an objection); who may give peer,"
        " subordinate and service-user input is a library reading (UNCONFIRMED)",
        normative=False,
    ),
)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.AUTH-ROSTER-ROLE.roster": "roster",
        "step.AUTH-ROSTER-ROLE.employees.one": "{count} employee",
        "step.AUTH-ROSTER-ROLE.employees": "{count} employees",
        "step.AUTH-ROSTER-ROLE.checked.one": "{count} assessment checked",
        "step.AUTH-ROSTER-ROLE.checked": "{count} assessments checked",
        "step.AUTH-ROSTER-ROLE.against.one": "roles checked against a roster of {count} employee",
        "step.AUTH-ROSTER-ROLE.against": "roles checked against a roster of {count} employees",
    }
)
_ROLE_RULE: Final = ROSTER_RULES[0]
_NOT_LISTED: Final = "AUTH-ROSTER-NOT-LISTED"
_SERVICE_USER: Final = AssessorRole.SERVICE_USER

#: What the roster says a person is, by :class:`~asn_performance.process.roster.PlanRelation`
#: code (a relation the library does not know is shown by its English label).
_SAYS: Final = {
    "employee": "the appraised employee (pegawai yang dinilai)",
    "pejabat_penilai": "the plan's pejabat penilai kinerja",
    "atasan_pejabat_penilai": "the atasan pejabat penilai kinerja, who decides an objection"
    " and gives no assessment",
    "higher_superior": "a superior above the employee's atasan pejabat penilai (atasan yang"
    " lebih tinggi)",
    "direct_subordinate": "a direct subordinate (bawahan langsung) of the employee",
    "indirect_subordinate": "an indirect subordinate (bawahan tidak langsung) of the employee",
    "colleague": "a colleague outside the employee's line (rekan kerja)",
}


@runtime_checkable
class PlanRolesView(Protocol):
    """What one person may do on one plan, as a roster says
    (:class:`~asn_performance.process.roster.PlanRoles` is one)."""

    @property
    def relation(self) -> Labelled:
        """How the person stands to the plan's employee (a labelled member with a code)."""
        ...  # pragma: no cover - a protocol

    def may(self, role: AssessorRole) -> bool:
        """Whether the person may give an assessment in ``role``."""
        ...  # pragma: no cover - a protocol


@runtime_checkable
class RosterView(Protocol):
    """What :func:`~asn_performance.appraise` needs from a roster
    (:class:`~asn_performance.process.roster.Roster` is one)."""

    def __len__(self) -> int:
        """The number of employees in the roster."""
        ...  # pragma: no cover - a protocol

    def __contains__(self, item: object) -> bool:
        """Whether a NIP is in the roster."""
        ...  # pragma: no cover - a protocol

    def employee(self, nip: Nip) -> Employee:
        """The employee with this NIP."""
        ...  # pragma: no cover - a protocol

    def check_plan(self, plan: PerformancePlan) -> None:
        """Raise an error when the plan's officials are not the ones the roster derives."""
        ...  # pragma: no cover - a protocol

    def roles_of(self, nip: Nip, plan: PerformancePlan) -> PlanRolesView:
        """What the person with ``nip`` may do on ``plan``."""
        ...  # pragma: no cover - a protocol


def check_roles(
    roster: RosterView, plan: PerformancePlan, assessments: Iterable[Assessment]
) -> tuple[Iterable[Assessment], Step]:
    """Check every assessment's giver against ``roster`` (rule ``AUTH-ROSTER-ROLE``).

    Returns the assessments (read once, as a tuple) and the step that records the check.
    What is not an assessment of this plan is left for :func:`~asn_performance.appraise` to
    refuse as it always has.

    Raises:
        AppraisalError: ``roster`` is not a roster (rule ``TYPE``).
        AuthorityError: one for all problems: the plan disagrees with the roster, an
            assessment's giver is not in it, or may not give the role claimed.
    """
    if not isinstance(roster, RosterView):
        raise AppraisalError(
            "roster must be a Roster",
            path="roster",
            value=type(roster).__name__,
            rule="TYPE",
            fix="pass Roster(employees) (asn_performance.process.roster), or leave roster out",
        )
    if isinstance(assessments, (str, bytes)) or not isinstance(assessments, Iterable):
        return assessments, _step(roster, 0)  # refused by appraise() as it always was
    items = tuple(assessments)
    problems = role_problems(roster, plan, items)
    if problems:
        raise authority_error(problems)
    return items, _step(roster, len(items))


def _step(roster: RosterView, count: int) -> Step:
    size = len(roster)
    return Step(
        _ROLE_RULE,
        "",
        (("roster", f"{size} employee{'' if size == 1 else 's'}"),),
        f"{count} assessment{'' if count == 1 else 's'} checked",
        f"roles checked against a roster of {size} employee{'' if size == 1 else 's'}",
    )


def authority_error(problems: Sequence[Problem]) -> AuthorityError:
    """One :class:`AuthorityError` standing for all ``problems`` (the first is its own; the
    message ends with ``(and N more problems)`` as a document's errors do)."""
    more = len(problems) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return AuthorityError.from_problems(problems, suffix=suffix)


def role_problems(
    roster: RosterView,
    plan: PerformancePlan,
    assessments: Sequence[object],
    at: Sequence[str] | None = None,
    plan_at: str = "plan",
) -> tuple[Problem, ...]:
    """Every problem of ``assessments`` on ``plan`` by ``roster``, in order.

    ``at`` gives the path of each assessment (default ``assessments[i]``), ``plan_at`` the
    plan's. When the plan itself disagrees with the roster, that is the one problem (its
    path under ``plan_at``): who may give what cannot be said of a plan the roster does not
    recognise.
    """
    try:
        roster.check_plan(plan)
    except AsnPerformanceError as error:
        return tuple(_under(plan_at, p) for p in error.problems)
    officials = {plan.employee.nip: plan.employee, plan.pejabat_penilai.nip: plan.pejabat_penilai}
    atasan = plan.atasan_pejabat_penilai
    if atasan is not None:
        officials[atasan.nip] = atasan
    problems: list[Problem] = []
    for index, assessment in enumerate(assessments):
        if not isinstance(assessment, Assessment) or assessment.plan_id != plan.id:
            continue
        nip = assessment.assessor
        if nip is None:  # an unnamed service user (or an anonymised copy, refused later)
            continue
        where = f"assessments[{index}]" if at is None else at[index]
        role = assessment.role
        person = officials.get(nip)
        if person is None and nip not in roster:
            if role is not _SERVICE_USER:  # decision D23: service users come from outside
                problems.append(_not_listed(where, nip, role, plan))
            continue
        if person is None:
            person = roster.employee(nip)
        roles = roster.roles_of(nip, plan)
        if not roles.may(role):
            problems.append(_wrong_role(where, person, role, roles, plan))
    return tuple(problems)


def _under(prefix: str, problem: Problem) -> Problem:
    path = prefix if not problem.path else f"{prefix}.{problem.path}"
    return Problem(problem.message, path, problem.value, problem.rule, problem.fix)


def _role_text(role: AssessorRole) -> str:
    return f"{role.label_en.lower()} ({role.label_id})"


def _not_listed(where: str, nip: Nip, role: AssessorRole, plan: PerformancePlan) -> Problem:
    return Problem(
        f"NIP {nip} gave a {_role_text(role)} assessment of plan {plan.id!r}, but"
        " is not in the roster",
        f"{where}.assessor",
        nip.digits,
        _NOT_LISTED,
        "check the NIP, add the person to the roster, or remove the assessment (only a"
        " service user may come from outside the roster)",
    )


def _wrong_role(
    where: str,
    person: Employee,
    role: AssessorRole,
    roles: PlanRolesView,
    plan: PerformancePlan,
) -> Problem:
    relation = roles.relation
    says = _SAYS.get(relation.code, relation.label_en)
    allowed = [r for r in AssessorRole if roles.may(r)]
    who = f"{person.nip} ({person.name})"
    as_roles = " or ".join(_role_text(r) for r in allowed)
    return Problem(
        f"{who} gave a {_role_text(role)} assessment of plan {plan.id!r}"
        f" (employee {plan.employee.name}), but by the roster they are {says}",
        f"{where}.role",
        role.code,
        str(_ROLE_RULE),
        f"record {person.name}'s assessment as {as_roles}, or remove it; if the roster is"
        " wrong, correct superior_nip there"
        if allowed
        else f"remove the assessment: by the roster {person.name} gives no assessment of this"
        " plan; if the roster is wrong, correct superior_nip there",
    )
