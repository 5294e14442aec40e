"""The organisation roster: who appraises whom (*pejabat penilai* and *atasan*).

Every SKP and every evaluation form of PermenPANRB 6/2022 names two officials besides the
employee (*pegawai*): the *Pejabat Penilai Kinerja*, who assesses, and the *Atasan Pejabat
Penilai Kinerja*, the assessor's own superior [S2][S19]. Under PP 30/2019 Pasal 59 (still in
force) the employee's objection (*keberatan*) goes to the *atasan dari Pejabat Penilai
Kinerja*, who asks both parties for an explanation and may change and set the result, which
is final [S11][S12b].

Which official is the pejabat penilai is not spelled out in any primary text seen. The
reading used here is UNCONFIRMED (a library decision, not the law): the pejabat penilai
kinerja is the employee's direct superior (*atasan langsung*), and the atasan pejabat
penilai kinerja is the pejabat penilai's own direct superior. For a JPT the appraiser is
the PPK or the Sekretaris Daerah; record that official as the JPT's ``superior_nip``. The
head of an instansi has no superior in the roster: the PPK, often a political official
without a NIP, appraises them, and their plan is built directly with
:class:`~asn_performance.domain.plan.PerformancePlan`.

A :class:`Roster` holds the employees of an organisation, each with the NIP of their
direct superior
(:attr:`Employee.superior_nip <asn_performance.domain.employee.Employee.superior_nip>`),
and refuses, each with its own rule id:

* an item that is not an :class:`~asn_performance.domain.employee.Employee` (``TYPE``);
* a NIP that appears twice (``ROSTER-DUPLICATE``);
* a superior who is not in the roster (``ROSTER-MISSING-SUPERIOR``);
* superiors that form a cycle, so that nobody in it reaches a head (``ROSTER-CYCLE``).

Its queries refuse an unknown NIP (``ROSTER-UNKNOWN``) and, for the head of the roster, a
pejabat penilai the roster cannot name (``ROSTER-NO-SUPERIOR``). :meth:`Roster.check_plan`
raises :class:`~asn_performance.exceptions.AuthorityError` when a plan's pejabat penilai
(``AUTH-ROSTER-PEJABAT-PENILAI``) or atasan (``AUTH-ROSTER-ATASAN``) is not the one the
roster derives. :func:`~asn_performance.appraise` with ``roster=`` checks every assessment's
giver against :meth:`Roster.roles_of` (rule ``AUTH-ROSTER-ROLE``; a ``Roster`` is the
:class:`~asn_performance.regimes.permenpanrb_6_2022.roster_check.RosterView` it needs).
Building is linear in the number of employees (one pass for the index, one
for the superiors, one walk up the tree that visits every employee once).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from asn_performance._kit.i18n import Lang, figure, say
from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.validate import expect, itself
from asn_performance.domain.assessment import AssessorRole
from asn_performance.domain.employee import Employee
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import Approach, BehaviourExpectation, PerformancePlan, WorkResult
from asn_performance.exceptions import AuthorityError, InputError, RosterError

__all__ = ["PlanRelation", "PlanRoles", "Roster"]

#: The words of :meth:`Roster.to_html` in English (word for word as in ``locale/en.po``;
#: English reads no catalogue).
_VIEW: Final = {
    "roster.view.title": "Roster",
    "roster.view.count": "{count} employees",
    "roster.view.more": "… and {count} more",
}
#: Rows shown by :meth:`Roster._repr_html_` before the table is cut short.
_HTML_ROWS: Final = 50
_NONE: Final = -1
#: NIPs of a cycle named in the message (``value`` always holds them all).
_CYCLE_SHOWN: Final = 12


class PlanRelation(Labelled):
    """How a person stands to the employee of a plan, as the plan and the roster say.

    The first three come from the plan (the SKP form names them); the others from the
    roster's line of superiors. ``COLLEAGUE`` is anyone outside the employee's line: neither
    above the employee nor below them.
    """

    EMPLOYEE = "employee"
    PEJABAT_PENILAI = "pejabat_penilai"
    ATASAN_PEJABAT_PENILAI = "atasan_pejabat_penilai"
    HIGHER_SUPERIOR = "higher_superior"
    DIRECT_SUBORDINATE = "direct_subordinate"
    INDIRECT_SUBORDINATE = "indirect_subordinate"
    COLLEAGUE = "colleague"

    @classmethod
    def _table(cls) -> dict[PlanRelation, Labels]:
        return {
            cls.EMPLOYEE: Labels("Pegawai yang dinilai", "Appraised employee"),
            cls.PEJABAT_PENILAI: Labels("Pejabat Penilai Kinerja", "Appraising supervisor"),
            cls.ATASAN_PEJABAT_PENILAI: Labels(
                "Atasan Pejabat Penilai Kinerja",
                "Supervisor of the appraising supervisor",
            ),
            cls.HIGHER_SUPERIOR: Labels("Atasan yang lebih tinggi", "Higher superior"),
            cls.DIRECT_SUBORDINATE: Labels("Bawahan langsung", "Direct subordinate"),
            cls.INDIRECT_SUBORDINATE: Labels("Bawahan tidak langsung", "Indirect subordinate"),
            cls.COLLEAGUE: Labels("Rekan kerja", "Colleague"),
        }


#: The assessments each relation may give (library reading; see :class:`PlanRoles`).
_MAY_GIVE: Final[Mapping[PlanRelation, frozenset[AssessorRole]]] = {
    PlanRelation.EMPLOYEE: frozenset({AssessorRole.SELF}),
    PlanRelation.PEJABAT_PENILAI: frozenset({AssessorRole.PEJABAT_PENILAI}),
    PlanRelation.ATASAN_PEJABAT_PENILAI: frozenset(),
    PlanRelation.HIGHER_SUPERIOR: frozenset(),
    PlanRelation.DIRECT_SUBORDINATE: frozenset({AssessorRole.SUBORDINATE}),
    PlanRelation.INDIRECT_SUBORDINATE: frozenset(),
    PlanRelation.COLLEAGUE: frozenset({AssessorRole.PEER, AssessorRole.SERVICE_USER}),
}


@attrs.frozen
class PlanRoles:
    """What one person may do on one plan: :meth:`Roster.roles_of` builds it.

    * The employee gives the self assessment, and nothing else (nobody assesses their own
      plan in another role).
    * The plan's pejabat penilai kinerja gives the pejabat penilai's assessment, and nothing
      else: a peer is neither the employee nor the assessor (library rule).
    * The atasan pejabat penilai kinerja decides an objection (PP 30/2019 Pasal 59
      [S11][S12b]). Library decision: they give no assessment of the plan, since they may
      have to review it; nor do the superiors above them.
    * A direct subordinate (*bawahan langsung*, by the roster) may give subordinate input;
      an indirect subordinate gives none (library reading of "bawahan langsung").
    * A colleague outside the employee's line (neither above nor below the employee in the
      roster) may give peer (*rekan kerja*) or service-user input (library reading).

    Attributes:
        nip: the person.
        plan_id: the plan.
        relation: how the person stands to the plan's employee.
    """

    nip: Nip
    plan_id: str
    relation: PlanRelation

    @property
    def may_give(self) -> frozenset[AssessorRole]:
        """The assessment roles this person may give on the plan (possibly none)."""
        return _MAY_GIVE[self.relation]

    @property
    def may_decide_objection(self) -> bool:
        """Whether this person decides an objection to the plan's result (PP 30/2019 Pasal 59)."""
        return self.relation is PlanRelation.ATASAN_PEJABAT_PENILAI

    def may(self, role: AssessorRole | str) -> bool:
        """Whether this person may give an assessment in ``role`` (a member, code or label)."""
        return AssessorRole.parse(role, field="role") in self.may_give


def _employees(value: object) -> tuple[Any, ...]:
    """Any iterable of employees becomes a tuple, read once; the items are checked later."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, (str, bytes, Mapping, Employee)) or not isinstance(value, Iterable):
        raise InputError(
            "a roster is built from a list of Employee objects",
            path="employees",
            value=value,
            rule="TYPE",
            fix="pass a list or other iterable of Employee objects"
            + (", e.g. list(mapping.values())" if isinstance(value, Mapping) else ""),
        )
    return tuple(value)


def _who(employee: Employee) -> str:
    return f"{employee.nip} ({employee.name})"


@attrs.frozen(cache_hash=True)
class Roster:
    """The employees of an organisation and their direct superiors (*susunan organisasi*).

    Built once from an iterable of :class:`~asn_performance.domain.employee.Employee`; immutable.
    Derives, for each employee, the *Pejabat Penilai Kinerja* and the *Atasan Pejabat
    Penilai Kinerja* that PermenPANRB 6/2022 puts on every SKP form [S2][S19]. The
    derivation -- pejabat penilai = direct superior, atasan = the pejabat penilai's direct
    superior -- is an UNCONFIRMED reading taken by the library (see the module docstring).

    A roster may have several heads (employees whose ``superior_nip`` is ``None``), for
    example the Sekretaris Daerah and the heads of agencies appraised by the PPK directly.

    Attributes:
        employees: the employees, in any order; the roster keeps the order given.

    Raises:
        InputError: ``employees`` is not an iterable of Employee objects (rule ``TYPE``).
        RosterError: a NIP appears twice (``ROSTER-DUPLICATE``); a ``superior_nip`` names
            nobody in the roster (``ROSTER-MISSING-SUPERIOR``); superiors form a cycle
            (``ROSTER-CYCLE``, naming the NIPs of the cycle in order).
    """

    employees: tuple[Employee, ...] = attrs.field(converter=_employees)
    _index: dict[Nip, int] = attrs.field(init=False, repr=False, eq=False)
    _parent: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _children: dict[int, tuple[int, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        employees = self.employees
        index: dict[Nip, int] = {}
        for position, item in enumerate(employees):
            if not isinstance(item, Employee):
                raise InputError(
                    "a roster holds Employee objects",
                    path=f"employees[{position}]",
                    value=item,
                    rule="TYPE",
                    fix="pass Employee objects",
                )
            earlier = index.setdefault(item.nip, position)
            if earlier != position:
                raise RosterError(
                    f"NIP {item.nip} appears twice in the roster, at employees[{earlier}]"
                    f" ({employees[earlier].name}) and employees[{position}] ({item.name})",
                    path=f"employees[{position}].nip",
                    value=str(item.nip),
                    rule="ROSTER-DUPLICATE",
                    fix="list each employee once; a NIP belongs to one person and is never reused",
                )
        parent: list[int] = []
        children: dict[int, list[int]] = {}
        for position, employee in enumerate(employees):
            superior = employee.superior_nip
            if superior is None:
                parent.append(_NONE)
                continue
            above = index.get(superior)
            if above is None:
                raise RosterError(
                    f"the superior of {_who(employee)}, NIP {superior}, is not in the roster",
                    path=f"employees[{position}].superior_nip",
                    value=str(superior),
                    rule="ROSTER-MISSING-SUPERIOR",
                    fix="add the superior to the roster, correct the NIP, or give None for"
                    " the head of the instansi",
                )
            parent.append(above)
            children.setdefault(above, []).append(position)
        _refuse_cycles(employees, parent)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_parent", tuple(parent))
        object.__setattr__(
            self, "_children", {above: tuple(below) for above, below in children.items()}
        )

    # -- lookups ---------------------------------------------------------------------------

    def _position(self, nip: object, *, path: str = "nip") -> int:
        key = _as_nip(nip, path)
        position = self._index.get(key)
        if position is None:
            raise RosterError(
                f"NIP {key} is not in the roster",
                path=path,
                value=str(key),
                rule="ROSTER-UNKNOWN",
                fix="check the NIP, or add the employee to the roster",
            )
        return position

    def employee(self, nip: Nip | str) -> Employee:
        """The employee with this NIP (a :class:`Nip` or its 18 digits).

        Raises:
            RosterError: nobody in the roster has this NIP (``ROSTER-UNKNOWN``).
            NipError: the text is not a valid NIP or NI PPPK.
        """
        return self.employees[self._position(nip)]

    def superior(self, nip: Nip | str) -> Employee | None:
        """The direct superior (*atasan langsung*), or ``None`` for a head of the roster."""
        above = self._parent[self._position(nip)]
        return None if above == _NONE else self.employees[above]

    def pejabat_penilai(self, nip: Nip | str) -> Employee:
        """The *Pejabat Penilai Kinerja* of the employee: their direct superior.

        PermenPANRB 6/2022 names a pejabat penilai kinerja on every SKP [S2][S19]; that it
        is the direct superior is an UNCONFIRMED reading taken by the library.

        Raises:
            RosterError: the employee heads the roster (``ROSTER-NO-SUPERIOR``): their
                pejabat penilai -- for the head of an instansi, the PPK -- is not in it.
        """
        position = self._position(nip)
        above = self._parent[position]
        if above == _NONE:
            raise _no_superior(self.employees[position])
        return self.employees[above]

    def atasan_pejabat_penilai(self, nip: Nip | str) -> Employee | None:
        """The *Atasan Pejabat Penilai Kinerja*: the pejabat penilai's own direct superior.

        ``None`` when the pejabat penilai heads the roster (their superior, the PPK, is not
        in it). The atasan decides an objection (PP 30/2019 Pasal 59 [S11][S12b]); that it
        is the pejabat penilai's direct superior is an UNCONFIRMED reading.

        Raises:
            RosterError: the employee heads the roster (``ROSTER-NO-SUPERIOR``).
        """
        position = self._position(nip)
        above = self._parent[position]
        if above == _NONE:
            raise _no_superior(self.employees[position])
        atasan = self._parent[above]
        return None if atasan == _NONE else self.employees[atasan]

    def subordinates(self, nip: Nip | str) -> tuple[Employee, ...]:
        """The direct subordinates (*bawahan langsung*), in roster order."""
        position = self._position(nip)
        return tuple(self.employees[below] for below in self._children.get(position, ()))

    def chain(self, nip: Nip | str) -> tuple[Employee, ...]:
        """The employee's superiors, nearest first, up to the head of the roster.

        Empty for a head. The first is the pejabat penilai, the second the atasan pejabat
        penilai (library reading, UNCONFIRMED).
        """
        return tuple(self.employees[above] for above in self._above(self._position(nip)))

    @property
    def heads(self) -> tuple[Employee, ...]:
        """The employees without a superior in the roster, in roster order."""
        return tuple(e for e in self.employees if e.superior_nip is None)

    def _above(self, position: int) -> Iterator[int]:
        above = self._parent[position]
        while above != _NONE:
            yield above
            above = self._parent[above]

    # -- plans -----------------------------------------------------------------------------

    def plan_for(
        self,
        nip: Nip | str,
        *,
        id: str,
        period: Period,
        work_results: Iterable[WorkResult],
        behaviours: Iterable[BehaviourExpectation] | None = None,
        approach: Approach = Approach.KUALITATIF,
        leads_unit: bool = False,
    ) -> PerformancePlan:
        """A :class:`~asn_performance.domain.plan.PerformancePlan` (SKP) for the employee, with the
        pejabat penilai and atasan pejabat penilai derived from the roster.

        Args:
            nip: the employee.
            id: the plan's identifier.
            period: the period of the plan.
            work_results: the RHK, at least one utama.
            behaviours: the BerAKHLAK expectations; default all seven without special
                expectations.
            approach: *pendekatan kuantitatif / kualitatif* (default kualitatif).
            leads_unit: whether the employee heads a unit (decision D3).

        Raises:
            RosterError: unknown NIP (``ROSTER-UNKNOWN``); the employee heads the roster
                (``ROSTER-NO-SUPERIOR``).
            InputError: the plan itself is malformed (see ``PerformancePlan``).
        """
        position = self._position(nip)
        employee = self.employees[position]
        above = self._parent[position]
        if above == _NONE:
            raise _no_superior(employee)
        atasan = self._parent[above]
        extra: dict[str, Any] = {}
        if behaviours is not None:
            extra["behaviours"] = (
                behaviours if isinstance(behaviours, (list, tuple)) else tuple(behaviours)
            )
        return PerformancePlan(
            id=id,
            employee=employee,
            pejabat_penilai=self.employees[above],
            atasan_pejabat_penilai=None if atasan == _NONE else self.employees[atasan],
            period=period,
            work_results=(
                work_results if isinstance(work_results, (list, tuple)) else tuple(work_results)
            ),
            approach=approach,
            leads_unit=leads_unit,
            **extra,
        )

    def check_plan(self, plan: PerformancePlan) -> None:
        """Check that the plan's pejabat penilai and atasan are the ones the roster derives.

        For an employee below a head: the pejabat penilai is the direct superior, the atasan
        pejabat penilai the pejabat penilai's superior, or -- when the pejabat penilai heads
        the roster -- nobody in the roster (the plan may name one from outside, such as the
        PPK, or none). For a head of the roster: the plan's pejabat penilai and atasan come
        from outside the roster (the PPK); naming someone in the roster is refused, since
        the roster puts nobody above the head. Library reading, UNCONFIRMED (see the module
        docstring).

        Raises:
            InputError: ``plan`` is not a PerformancePlan (rule ``TYPE``).
            RosterError: the plan's employee is not in the roster (``ROSTER-UNKNOWN``).
            AuthorityError: the pejabat penilai (``AUTH-ROSTER-PEJABAT-PENILAI``) or the
                atasan pejabat penilai (``AUTH-ROSTER-ATASAN``) disagrees with the roster.
        """
        expect(
            plan,
            PerformancePlan,
            "plan",
            "must be a PerformancePlan",
            "pass a PerformancePlan",
            show=itself,
        )
        position = self._position(plan.employee.nip, path="employee.nip")
        employee = self.employees[position]
        above = self._parent[position]
        named = plan.pejabat_penilai
        if above == _NONE:
            if named.nip in self._index:
                raise AuthorityError(
                    f"{_who(employee)} heads the roster, so nobody in it is their pejabat"
                    f" penilai kinerja, but plan {plan.id!r} names {_who(named)}",
                    path="pejabat_penilai",
                    value=str(named.nip),
                    rule="AUTH-ROSTER-PEJABAT-PENILAI",
                    fix="name the official who appraises the head of the instansi (the PPK),"
                    " or record that official as the employee's superior in the roster",
                )
            self._check_outside_atasan(plan, employee)
            return
        expected = self.employees[above]
        if named.nip != expected.nip:
            raise AuthorityError(
                f"plan {plan.id!r} names {_who(named)} as pejabat penilai kinerja of"
                f" {_who(employee)}; the roster names the direct superior {_who(expected)}",
                path="pejabat_penilai",
                value=str(named.nip),
                rule="AUTH-ROSTER-PEJABAT-PENILAI",
                fix="build the plan with Roster.plan_for, or correct superior_nip in the roster",
            )
        atasan = self._parent[above]
        if atasan == _NONE:
            self._check_outside_atasan(plan, expected)
            return
        wanted = self.employees[atasan]
        given = plan.atasan_pejabat_penilai
        if given is None or given.nip != wanted.nip:
            shown = "no one" if given is None else _who(given)
            raise AuthorityError(
                f"plan {plan.id!r} names {shown} as atasan pejabat penilai kinerja; the roster"
                f" names {_who(wanted)}, the superior of the pejabat penilai {_who(expected)}",
                path="atasan_pejabat_penilai",
                value=None if given is None else str(given.nip),
                rule="AUTH-ROSTER-ATASAN",
                fix="build the plan with Roster.plan_for, or correct superior_nip in the roster",
            )

    def _check_outside_atasan(self, plan: PerformancePlan, head: Employee) -> None:
        """The atasan above a head of the roster, if the plan names one, is not in it."""
        given = plan.atasan_pejabat_penilai
        if given is not None and given.nip in self._index:
            raise AuthorityError(
                f"{_who(head)} heads the roster, so nobody in it is above them, but plan"
                f" {plan.id!r} names {_who(given)} as atasan pejabat penilai kinerja",
                path="atasan_pejabat_penilai",
                value=str(given.nip),
                rule="AUTH-ROSTER-ATASAN",
                fix="name the head's own superior from outside the roster (the PPK), or none",
            )

    def roles_of(self, nip: Nip | str, plan: PerformancePlan) -> PlanRoles:
        """What the person with ``nip`` may do on ``plan``: see :class:`PlanRoles`.

        The plan is checked against the roster first (:meth:`check_plan`). The employee, the
        pejabat penilai and the atasan are recognised from the plan, so a pejabat penilai
        from outside the roster (the PPK of a head) is recognised too; anyone else must be
        in the roster.

        Raises:
            RosterError: the person or the plan's employee is not in the roster
                (``ROSTER-UNKNOWN``).
            AuthorityError: the plan disagrees with the roster (see :meth:`check_plan`).
        """
        self.check_plan(plan)
        person = _as_nip(nip, "nip")
        atasan = plan.atasan_pejabat_penilai
        if person == plan.employee.nip:
            relation = PlanRelation.EMPLOYEE
        elif person == plan.pejabat_penilai.nip:
            relation = PlanRelation.PEJABAT_PENILAI
        elif atasan is not None and person == atasan.nip:
            relation = PlanRelation.ATASAN_PEJABAT_PENILAI
        else:
            relation = self._relation(self._position(person), self._index[plan.employee.nip])
        return PlanRoles(nip=person, plan_id=plan.id, relation=relation)

    def _relation(self, position: int, employee: int) -> PlanRelation:
        if self._parent[position] == employee:
            return PlanRelation.DIRECT_SUBORDINATE
        if any(above == employee for above in self._above(position)):
            return PlanRelation.INDIRECT_SUBORDINATE
        if any(above == position for above in self._above(employee)):
            return PlanRelation.HIGHER_SUPERIOR
        return PlanRelation.COLLEAGUE

    # -- container and notebook ------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.employees)

    def __iter__(self) -> Iterator[Employee]:
        return iter(self.employees)

    def __contains__(self, item: object) -> bool:
        """Whether a NIP (a :class:`Nip` or text) or an employee is in the roster.

        An :class:`Employee` counts only when the roster holds that very record: the same NIP
        with another name or superior is not in it. Anything else is simply not in it.
        """
        if isinstance(item, Employee):
            position = self._index.get(item.nip)
            return position is not None and self.employees[position] == item
        if isinstance(item, str):
            try:
                item = Nip.parse(item)
            except InputError:
                return False
        return isinstance(item, Nip) and item in self._index

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_html(self, lang: Lang = "en") -> str:
        """The first employees as an HTML table (escaped), with the count; the count's words
        in ``lang`` (``"en"``, the default: as always; the headers are Indonesian in both)."""
        from html import escape as esc  # noqa: PLC0415 - only an HTML view needs it

        rows = [
            "<tr><th>NIP</th><th>Nama</th><th>Jabatan</th><th>Atasan langsung</th></tr>",
        ]
        for employee in self.employees[:_HTML_ROWS]:
            superior = "" if employee.superior_nip is None else str(employee.superior_nip)
            rows.append(
                f"<tr><td>{esc(str(employee.nip))}</td><td>{esc(employee.name)}</td>"
                f"<td>{esc(employee.position.title)}</td><td>{esc(superior)}</td></tr>"
            )
        more = len(self.employees) - _HTML_ROWS
        tail = (
            f"<p>{esc(say(_VIEW, 'roster.view.more', lang, count=figure(more, lang)))}</p>"
            if more > 0
            else ""
        )
        title = say(_VIEW, "roster.view.title", lang)
        size = say(_VIEW, "roster.view.count", lang, count=figure(len(self.employees), lang))
        return f"<p><b>{esc(title)}</b>: {esc(size)}</p><table>{''.join(rows)}</table>{tail}"


def _as_nip(value: object, path: str) -> Nip:
    if isinstance(value, Nip):
        return value
    if isinstance(value, str):
        return Nip.parse(value)
    raise InputError(
        "a NIP is given as a Nip or its 18 digits",
        path=path,
        value=value,
        rule="TYPE",
        fix="pass a Nip or a string such as '198609262015051001'",
    )


def _no_superior(employee: Employee) -> RosterError:
    return RosterError(
        f"{_who(employee)} heads the roster: nobody in it is their superior, so the roster"
        " cannot name their pejabat penilai kinerja (for the head of an instansi, the PPK,"
        " who may not be an ASN with a NIP)",
        path="nip",
        value=str(employee.nip),
        rule="ROSTER-NO-SUPERIOR",
        fix="build this plan directly with PerformancePlan, naming the pejabat penilai (and"
        " atasan, if any); Roster.check_plan accepts officials from outside the roster for"
        " a head",
    )


def _refuse_cycles(employees: tuple[Employee, ...], parent: list[int]) -> None:
    """Refuse superiors that go round in a circle; linear time.

    Every employee has at most one superior, so walking up from each employee not yet seen
    either reaches a head, reaches an employee already cleared, or comes back to an employee
    of the current walk: a cycle. Each employee is walked over once.
    """
    cleared = -1
    state = [0] * len(employees)  # 0 unseen; walk number while on the current walk; -1 cleared
    for start in range(len(employees)):
        if state[start]:
            continue
        walk = start + 1
        path: list[int] = []
        node = start
        while node != _NONE and state[node] == 0:
            state[node] = walk
            path.append(node)
            node = parent[node]
        if node != _NONE and state[node] == walk:
            cycle = path[path.index(node) :]
            first = cycle.index(min(cycle))
            cycle = cycle[first:] + cycle[:first]
            shown = [str(employees[i].nip) for i in cycle[:_CYCLE_SHOWN]]
            if len(cycle) > _CYCLE_SHOWN:
                shown.append(f"… ({len(cycle) - _CYCLE_SHOWN} more)")
            names = " → ".join([*shown, str(employees[cycle[0]].nip)])
            raise RosterError(
                f"the superiors form a cycle, {names}, so nobody in it reaches the head of the"
                " instansi",
                path=f"employees[{cycle[0]}].superior_nip",
                value=tuple(str(employees[i].nip) for i in cycle),
                rule="ROSTER-CYCLE",
                fix="correct the superior_nip of one of them; the head of the instansi has"
                " superior_nip None",
            )
        for node in path:
            state[node] = cleared


if TYPE_CHECKING:  # mypy proves that a Roster is what appraise(roster=...) needs
    from asn_performance.regimes.permenpanrb_6_2022.roster_check import RosterView

    def _is_roster_view(roster: Roster) -> RosterView:
        return roster
