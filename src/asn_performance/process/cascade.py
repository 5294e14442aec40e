"""Cascading (*intervensi*): each RHK of a staff plan intervenes an RHK of the leader's plan.

PermenPANRB 6/2022 plans start from the leader's: the SKP form of a JA/JF has a column
*Rencana Hasil Kerja Pimpinan yang Diintervensi*, the RHK of the pejabat penilai's plan that
the staff RHK serves; the SKP of a JPT comes from the *Perjanjian Kinerja* / Renstra of the
organisation instead (BKN, "Poin Penyempurnaan PermenPANRB 6/2022" [S8], via our regulation
digest §1.2). A :class:`~asn_performance.domain.plan.WorkResult` names that RHK by its printed
text (``leader_work_result``) and, for the cascade, by its id in the leader's plan
(``leader_work_result_id``).

* :func:`check_cascade` checks one plan against its leader's plan: the leader's plan is the
  plan of the plan's pejabat penilai (rule ``PLAN-CASCADE-LEADER``), their periods overlap
  (``PLAN-CASCADE-PERIOD``), and every link names an RHK of the leader's plan
  (``PLAN-CASCADE-LINK``; every bad link is reported at once). It returns a
  :class:`CascadeCheck`: the links, the RHK without a link, the links whose printed text
  differs from the linked RHK's.
* :func:`check_unit_links` checks the links of a unit's plans against each other (what the
  JSON boundary does on loading a document).
* :func:`cascade_tree` builds the cascade of a unit as a tree (:class:`CascadeTree`), from the
  head's RHK down to every staff RHK at any depth, from the plans in any order; it refuses
  nothing about the links but reports the RHK that nobody intervenes, the RHK without a link
  and the links that lead nowhere.

Where the regulation is silent the library decides (decision D22, rules marked
``normative=False``): an RHK without a link is reported, not refused; a link decides and a
printed text that differs from the linked RHK's is reported; a plan whose leader's plan is not
given, and the unlinked RHK of a unit head (``leads_unit``), start the tree; a leader's plan
is one whose period overlaps the staff plan's (the same period first, then one that contains
it, then the earliest).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.validate import check_collection, check_members
from asn_performance.domain.explanation import Explanation, Rule, Step, rules_by_id
from asn_performance.domain.nip import Nip
from asn_performance.domain.plan import PerformancePlan, WorkResult
from asn_performance.exceptions import DuplicateError, InputError, PeriodError, PlanError, Problem
from asn_performance.process._cascade_text import (
    STEP_PHRASES,
    cascade_html,
    describe_node,
    render_cascade,
)

if TYPE_CHECKING:
    from asn_performance._kit.i18n import Lang

__all__ = [
    "CASCADE_RULES",
    "MAX_DEPTH",
    "STEP_PHRASES",
    "CascadeCheck",
    "CascadeNode",
    "CascadeNote",
    "CascadeTree",
    "cascade_tree",
    "check_cascade",
    "check_unit_links",
    "leader_plan_of",
]

_S8 = "PermenPANRB 6/2022 SKP form, Rencana Hasil Kerja Pimpinan yang Diintervensi [S8]"

#: The rules of the cascade. The form's column is the regulation's; what is refused and what
#: is only reported where the regulation is silent is decision D22.
CASCADE_RULES: tuple[Rule, ...] = (
    Rule(
        "PLAN-CASCADE-LEADER",
        "A plan is checked against the plan of its own pejabat penilai",
        f"{_S8}; that the leader is the pejabat penilai kinerja, the atasan langsung, is an"
        " UNCONFIRMED reading [S19]",
    ),
    Rule(
        "PLAN-CASCADE-PERIOD",
        "A plan and its leader's plan cover overlapping periods",
        "library decision D22 (the regulation names no period rule for the cascade)",
        normative=False,
    ),
    Rule(
        "PLAN-CASCADE-LINK",
        "Every link (leader_work_result_id) names an RHK of the leader's plan",
        f"{_S8}: JA/JF SKP intervene the leader's RHK",
    ),
    Rule(
        "PLAN-CASCADE-UNLINKED",
        "An RHK without a link while the leader's plan is given is reported as not linked,"
        " not refused",
        f"{_S8}; reported, not refused: library decision D22",
        normative=False,
    ),
    Rule(
        "PLAN-CASCADE-TEXT",
        "The link decides; a printed leader's RHK that differs from the linked RHK's text is"
        " reported",
        "library decision D22",
        normative=False,
    ),
    Rule(
        "PLAN-CASCADE-HEAD",
        "The RHK of a plan whose leader's plan is not given, and the unlinked RHK of a unit"
        " head, start the cascade",
        "PermenPANRB 6/2022: the SKP of a JPT comes from the Perjanjian Kinerja / Renstra [S8];"
        " where the tree starts: library decision D22",
        normative=False,
    ),
    Rule(
        "PLAN-CASCADE-NOT-INTERVENED",
        "An RHK of a leader whose staff plans are given, intervened by none of them, is shown"
        " as tidak diintervensi",
        f"{_S8}; reported, not refused: library decision D22",
        normative=False,
    ),
    Rule(
        "PLAN-CASCADE-CYCLE",
        "Links that lead back to an RHK they start from are shown apart",
        "library decision D22",
        normative=False,
    ),
    Rule(
        "PLAN-CASCADE-DEPTH",
        "A unit's cascade is at most MAX_DEPTH (100) levels deep",
        "library limit (the regulation names none; no organisation has that many levels)",
        normative=False,
    ),
    Rule(
        "PLAN-CASCADE-PLANS",
        "Each plan is given once (by id) to the cascade of a unit",
        "library rule",
        normative=False,
    ),
)
_RULE = rules_by_id(CASCADE_RULES)

#: The deepest cascade :func:`cascade_tree` builds (rule ``PLAN-CASCADE-DEPTH``, a library
#: limit): a Kementerian runs Menteri, Sekjen, Dirjen, Direktur, Kasubdit, staff -- a few
#: levels; 100 leaves room for any organisation and keeps the tree within Python's stack.
MAX_DEPTH = 100


class CascadeNote(Labelled):
    """What the cascade says about one RHK."""

    NOT_INTERVENED = "not_intervened"
    NOT_LINKED = "not_linked"
    DANGLING = "dangling"
    TEXT_DIFFERS = "text_differs"
    CIRCULAR = "circular"

    @classmethod
    def _table(cls) -> dict[CascadeNote, Labels]:
        return {
            cls.NOT_INTERVENED: Labels("Tidak diintervensi", "Not intervened"),
            cls.NOT_LINKED: Labels("Tidak terhubung ke RHK pimpinan", "Not linked"),
            cls.DANGLING: Labels("RHK pimpinan tidak ada di SKP atasan", "Dangling link"),
            cls.TEXT_DIFFERS: Labels("Teks RHK pimpinan berbeda", "Leader's RHK text differs"),
            cls.CIRCULAR: Labels("Keterkaitan melingkar", "Circular link"),
        }


def _said(note: CascadeNote) -> str:
    """The note in a line of text: its code in words ("not intervened")."""
    return note.code.replace("_", " ")


# --- pairing a plan with its leader's plan ----------------------------------------------------


def _overlap(plan: PerformancePlan, other: PerformancePlan) -> bool:
    a, b = plan.period, other.period
    return a.start <= b.end and b.start <= a.end


def _order(plan: PerformancePlan) -> tuple[Any, ...]:
    """The order of a unit's plans, whatever order they are given in."""
    return (plan.period.start, plan.period.end, plan.employee.nip.digits, plan.id)


def leader_plan_of(
    plan: PerformancePlan, plans: Iterable[PerformancePlan]
) -> PerformancePlan | None:
    """The leader's plan of ``plan`` among ``plans``: a plan of its pejabat penilai (same NIP)
    whose period overlaps ``plan``'s; of several, the one of the same period, else one that
    contains it, else the earliest (decision D22). ``None`` when there is none.

    Raises:
        InputError: ``plan`` is not a plan, or ``plans`` not a collection of plans (rule
            ``TYPE``).
    """
    if not isinstance(plan, PerformancePlan):
        raise InputError(
            "must be a PerformancePlan",
            path="plan",
            value=type(plan).__name__,
            rule="TYPE",
            fix="pass the staff plan whose leader's plan is wanted",
        )
    return _leader_among(plan, _by_nip(_plans(plans)))


def _plans(plans: object) -> tuple[PerformancePlan, ...]:
    """``plans`` read once, each a plan (else an ``InputError``, rule ``TYPE``)."""
    given = check_collection(
        plans, path="plans", message="must be a collection of plans", fix="pass a list of plans"
    )
    check_members(given, PerformancePlan, path="plans")
    return given


def _by_nip(plans: Iterable[PerformancePlan]) -> dict[Nip, list[PerformancePlan]]:
    """The plans of each employee, in the unit's order: a leader's plan is then found among
    its employee's plans alone, so that pairing a unit's plans stays linear in their number."""
    index: dict[Nip, list[PerformancePlan]] = {}
    for p in sorted(plans, key=_order):
        index.setdefault(p.employee.nip, []).append(p)
    return index


def _leader_among(
    plan: PerformancePlan, index: Mapping[Nip, list[PerformancePlan]]
) -> PerformancePlan | None:
    found = [p for p in index.get(plan.pejabat_penilai.nip, ()) if _overlap(plan, p)]
    for p in found:
        if p.period == plan.period:
            return p
    for p in found:
        if plan.period.within(p.period):
            return p
    return found[0] if found else None


def _same_text(printed: str, text: str) -> bool:
    """Whether the printed leader's RHK is the linked RHK's text, spaces and case aside."""
    return " ".join(printed.split()).casefold() == " ".join(text.split()).casefold()


def _bad_links(plan: PerformancePlan, leader: PerformancePlan, path: str) -> list[Problem]:
    known = leader.work_result_ids
    shown = ", ".join(sorted(known))
    return [
        Problem(
            f"RHK {wr.id!r} intervenes RHK {wr.leader_work_result_id!r}, which is not in the"
            f" leader's plan {leader.id!r} (of {leader.employee.nip})",
            f"{path}work_results[{j}].leader_work_result_id",
            wr.leader_work_result_id,
            "PLAN-CASCADE-LINK",
            f"use the id of an RHK of plan {leader.id!r} ({shown}), or remove the link",
        )
        for j, wr in enumerate(plan.work_results)
        if wr.leader_work_result_id is not None and wr.leader_work_result_id not in known
    ]


def _raise(problems: Sequence[Problem]) -> None:
    if problems:
        raise PlanError.from_problems(problems)


# --- one plan against its leader's ------------------------------------------------------------


@attrs.frozen
class CascadeCheck:
    """What :func:`check_cascade` found: the plan's links (RHK id -> the leader's RHK id), the
    RHK without a link (empty for a unit head's plan), and the linked RHK whose printed
    leader's RHK differs from the linked RHK's text; :attr:`explanation` cites the rules."""

    plan_id: str
    leader_plan_id: str
    links: tuple[tuple[str, str], ...]
    not_linked: tuple[str, ...]
    text_differs: tuple[str, ...]
    explanation: Explanation

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data, with the explanation's steps."""
        return {
            "plan_id": self.plan_id,
            "leader_plan_id": self.leader_plan_id,
            "links": [[rhk, leader] for rhk, leader in self.links],
            "not_linked": list(self.not_linked),
            "text_differs": list(self.text_differs),
            "explanation": [step.to_dict() for step in self.explanation.steps],
        }


def check_cascade(plan: PerformancePlan, leader_plan: PerformancePlan) -> CascadeCheck:
    """Check ``plan``'s links against ``leader_plan``, the plan of its pejabat penilai.

    Raises:
        PlanError: ``leader_plan`` is not a plan of ``plan``'s pejabat penilai (rule
            ``PLAN-CASCADE-LEADER``); a link names no RHK of ``leader_plan``: one problem per
            bad link, at ``work_results[j].leader_work_result_id`` (rule ``PLAN-CASCADE-LINK``).
        PeriodError: the two periods do not overlap (rule ``PLAN-CASCADE-PERIOD``).
        InputError: an argument is not a plan (rule ``TYPE``).
    """
    check_members((plan, leader_plan), PerformancePlan, path="plans")
    nip = plan.pejabat_penilai.nip
    if leader_plan.employee.nip != nip:
        raise PlanError(
            f"plan {leader_plan.id!r} is the plan of {leader_plan.employee.nip}, not of the"
            f" pejabat penilai of plan {plan.id!r} ({nip})",
            path="leader_plan",
            value=leader_plan.employee.nip.digits,
            rule="PLAN-CASCADE-LEADER",
            fix=f"pass the plan of the pejabat penilai {nip} for the same period",
        )
    if not _overlap(plan, leader_plan):
        raise PeriodError(
            f"the leader's plan {leader_plan.id!r} ({leader_plan.period.code}) does not overlap"
            f" plan {plan.id!r} ({plan.period.code})",
            path="leader_plan.period",
            value=leader_plan.period.code,
            rule="PLAN-CASCADE-PERIOD",
            fix="pass the leader's plan for the same period",
        )
    _raise(_bad_links(plan, leader_plan, ""))
    texts = {wr.id: wr.text for wr in leader_plan.work_results}
    links: list[tuple[str, str]] = []
    not_linked: list[str] = []
    differs: list[str] = []
    steps: list[Step] = []
    for wr in plan.work_results:
        link = wr.leader_work_result_id
        if link is None:
            if not plan.leads_unit:
                not_linked.append(wr.id)
                steps.append(_unlinked_step(plan, wr))
            continue
        links.append((wr.id, link))
        if wr.leader_work_result is not None and not _same_text(wr.leader_work_result, texts[link]):
            differs.append(wr.id)
            steps.append(_text_step(plan, wr, texts[link]))
    steps.insert(0, _links_step(plan, leader_plan, len(links)))
    return CascadeCheck(
        plan.id,
        leader_plan.id,
        tuple(links),
        tuple(not_linked),
        tuple(differs),
        Explanation(tuple(steps)),
    )


def check_unit_links(plans: Sequence[PerformancePlan], *, path: str = "plans") -> None:
    """Check every link of a unit's ``plans`` whose leader's plan (:func:`leader_plan_of`) is
    among them; plans whose leader's plan is not there are not checked.

    Raises:
        PlanError: every bad link at once, at ``{path}[i].work_results[j].leader_work_result_id``
            (``i`` the plan's position in ``plans``; rule ``PLAN-CASCADE-LINK``).
        InputError: ``plans`` is not a collection of plans (rule ``TYPE``).
    """
    given = _plans(plans)
    index = _by_nip(given)
    problems: list[Problem] = []
    for i, plan in enumerate(given):
        if not any(wr.leader_work_result_id is not None for wr in plan.work_results):
            continue
        leader = _leader_among(plan, index)
        if leader is not None:
            problems.extend(_bad_links(plan, leader, f"{path}[{i}]."))
    _raise(problems)


# --- steps ------------------------------------------------------------------------------------

#: The fixed notes and results of the steps (their phrases are in :data:`STEP_PHRASES`).
_STARTS: Final = "starts the cascade"
_NO_LEADER_NOTE: Final = "the leader's plan is not among the unit's plans"
_UNIT_HEAD_NOTE: Final = "a unit head's RHK without a link: from the Perjanjian Kinerja"
_DANGLING_NOTE: Final = "the link names no RHK of the leader's plan"
_UNLINKED_NOTE: Final = "no leader_work_result_id: reported, not refused (decision D22)"
_TEXT_DECIDES: Final = "the link decides"
_TEXT_NOTE: Final = "the printed leader's RHK differs from the linked RHK's text (decision D22)"
_NOT_INTERVENED_NOTE: Final = "none of the unit's plans intervenes it"
_CYCLE_NOTE: Final = "its links lead back to it: shown apart"


def _who(plan: PerformancePlan) -> tuple[tuple[str, str], ...]:
    return (("plan", plan.id), ("NIP", plan.employee.nip.digits))


def _links_step(plan: PerformancePlan, leader: PerformancePlan, count: int) -> Step:
    return Step(
        _RULE["PLAN-CASCADE-LINK"],
        "",
        (*_who(plan), ("leader's plan", leader.id)),
        f"{count} link(s), each to an RHK of the leader's plan",
    )


def _unlinked_step(plan: PerformancePlan, wr: WorkResult) -> Step:
    return Step(
        _RULE["PLAN-CASCADE-UNLINKED"],
        "",
        (*_who(plan), ("RHK", wr.id)),
        _said(CascadeNote.NOT_LINKED),
        _UNLINKED_NOTE,
    )


def _text_step(plan: PerformancePlan, wr: WorkResult, text: str) -> Step:
    return Step(
        _RULE["PLAN-CASCADE-TEXT"],
        "",
        (*_who(plan), ("RHK", wr.id), ("printed", wr.leader_work_result or ""), ("linked", text)),
        _TEXT_DECIDES,
        _TEXT_NOTE,
    )


# --- the tree of a unit -----------------------------------------------------------------------


@attrs.frozen
class CascadeNode:
    """One RHK in the cascade: whose plan it is in, what it says, what the cascade notes
    about it, and the staff RHK that intervene it (``children``, in the unit's order)."""

    plan_id: str
    nip: Nip
    name: str
    work_result: WorkResult
    notes: tuple[CascadeNote, ...]
    children: tuple[CascadeNode, ...]

    def walk(self) -> Iterator[CascadeNode]:
        """This node, then its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def describe(self, lang: Lang = "en") -> str:
        """One line: the RHK's id and text, whose it is, its link, its notes; in ``lang``
        (``"id"`` or ``"en"``, the default: the English line as always)."""
        return describe_node(self, lang)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the RHK, whose it is, its link, its notes by code, its children."""
        wr = self.work_result
        return {
            "plan_id": self.plan_id,
            "nip": self.nip.digits,
            "name": self.name,
            "work_result_id": wr.id,
            "text": wr.text,
            "kind": wr.kind.code,
            "leader_work_result_id": wr.leader_work_result_id,
            "notes": [note.code for note in self.notes],
            "children": [child.to_dict() for child in self.children],
        }


#: The sections of a tree (their titles: :mod:`asn_performance.process._cascade_text`).
_SECTIONS = ("roots", "not_linked", "dangling", "circular")


@attrs.frozen
class CascadeTree:
    """The cascade of a unit's plans, built by :func:`cascade_tree`.

    ``roots``: the RHK that start the cascade (of plans whose leader's plan is not given, and
    a unit head's RHK without a link), each with the staff RHK below it at any depth.
    ``not_linked``: the RHK without a link of plans whose leader's plan is given;
    ``dangling``: the RHK whose link names no RHK of the leader's plan; ``circular``: RHK whose
    links lead back to themselves. Each of these starts its own subtree; every RHK of the plans
    appears exactly once. :attr:`explanation` gives the steps with their rule ids.
    """

    plans: int
    roots: tuple[CascadeNode, ...]
    not_linked: tuple[CascadeNode, ...]
    dangling: tuple[CascadeNode, ...]
    circular: tuple[CascadeNode, ...]
    explanation: Explanation

    def nodes(self) -> Iterator[CascadeNode]:
        """Every RHK of the tree, section by section, depth first."""
        for section in (self.roots, self.not_linked, self.dangling, self.circular):
            for node in section:
                yield from node.walk()

    def with_note(self, note: CascadeNote | str) -> tuple[CascadeNode, ...]:
        """The RHK with one note (a :class:`CascadeNote` or its code or label)."""
        chosen = CascadeNote.parse(note, field="note")
        return tuple(node for node in self.nodes() if chosen in node.notes)

    @property
    def not_intervened(self) -> tuple[CascadeNode, ...]:
        """The leader's RHK that none of the unit's plans intervenes (*tidak diintervensi*)."""
        return self.with_note(CascadeNote.NOT_INTERVENED)

    def render(self, lang: Lang = "en") -> str:
        """The tree as text: a summary line, then each section with its RHK indented by depth;
        in ``lang`` (``"id"`` or ``"en"``, the default: the English text as always)."""
        return render_cascade(self, tuple(CascadeNote), lang)

    def __str__(self) -> str:
        return self.render()

    def to_html(self, lang: Lang = "en") -> str:
        """The tree as HTML: the summary, then each section as nested lists (every text
        escaped); in ``lang``."""
        return cascade_html(self, tuple(CascadeNote), lang)

    def _repr_html_(self) -> str:
        """The HTML view for a notebook (:meth:`to_html`)."""
        return self.to_html()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the counts, each section's nodes, the explanation's steps."""
        return {
            "plans": self.plans,
            "counts": {note.code: len(self.with_note(note)) for note in CascadeNote},
            **{name: [node.to_dict() for node in getattr(self, name)] for name in _SECTIONS},
            "explanation": [step.to_dict() for step in self.explanation.steps],
        }


class _Builder:
    """The state of one :func:`cascade_tree` call."""

    def __init__(self, plans: Sequence[PerformancePlan]) -> None:
        self.plans = sorted(plans, key=_order)
        index = _by_nip(self.plans)
        self.leader = {p.id: _leader_among(p, index) for p in self.plans}
        self.leaders = {lp.id for lp in self.leader.values() if lp is not None}
        self.by_id = {p.id: p for p in self.plans}
        self.children: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.notes: dict[tuple[str, str], list[CascadeNote]] = {}
        self.starts: dict[str, list[tuple[str, str]]] = {name: [] for name in _SECTIONS}
        self.steps: list[Step] = []
        self.seen: set[tuple[str, str]] = set()
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}
        self.given = {p.id: i for i, p in enumerate(plans)}
        self.rank = {
            (p.id, wr.id): n
            for n, (p, wr) in enumerate((p, wr) for p in self.plans for wr in p.work_results)
        }

    def place(self) -> None:
        """Put every RHK under its leader's RHK, or at the start of a section."""
        for plan in self.plans:
            leader = self.leader[plan.id]
            if leader is None:
                self.steps.append(
                    Step(
                        _RULE["PLAN-CASCADE-HEAD"],
                        "",
                        _who(plan),
                        _STARTS,
                        _NO_LEADER_NOTE,
                    )
                )
            for wr in plan.work_results:
                key = (plan.id, wr.id)
                self.notes[key] = []
                self.children.setdefault(key, [])
                if leader is None:
                    self.starts["roots"].append(key)
                else:
                    self._link(plan, leader, wr, key)
            if leader is not None:
                links = sum(1 for wr in plan.work_results if self._linked(leader, wr))
                self.steps.append(_links_step(plan, leader, links))

    @staticmethod
    def _linked(leader: PerformancePlan, wr: WorkResult) -> bool:
        return wr.leader_work_result_id in leader.work_result_ids

    def _link(
        self, plan: PerformancePlan, leader: PerformancePlan, wr: WorkResult, key: tuple[str, str]
    ) -> None:
        link = wr.leader_work_result_id
        if link is None:
            if plan.leads_unit:
                self.starts["roots"].append(key)
                self.steps.append(
                    Step(
                        _RULE["PLAN-CASCADE-HEAD"],
                        "",
                        (*_who(plan), ("RHK", wr.id)),
                        _STARTS,
                        _UNIT_HEAD_NOTE,
                    )
                )
            else:
                self.starts["not_linked"].append(key)
                self.notes[key].append(CascadeNote.NOT_LINKED)
                self.steps.append(_unlinked_step(plan, wr))
            return
        if link not in leader.work_result_ids:
            self.starts["dangling"].append(key)
            self.notes[key].append(CascadeNote.DANGLING)
            self.steps.append(
                Step(
                    _RULE["PLAN-CASCADE-LINK"],
                    "",
                    (*_who(plan), ("RHK", wr.id), ("link", link), ("leader's plan", leader.id)),
                    _said(CascadeNote.DANGLING),
                    _DANGLING_NOTE,
                )
            )
            return
        self.children.setdefault((leader.id, link), []).append(key)
        self.parent[key] = (leader.id, link)
        printed = wr.leader_work_result
        text = next(w.text for w in leader.work_results if w.id == link)
        if printed is not None and not _same_text(printed, text):
            self.notes[key].append(CascadeNote.TEXT_DIFFERS)
            self.steps.append(_text_step(plan, wr, text))

    def mark_not_intervened(self) -> None:
        """Note the RHK of a leader (of a plan among the unit's) that no RHK intervenes."""
        for plan in self.plans:
            if plan.id not in self.leaders:
                continue
            for wr in plan.work_results:
                key = (plan.id, wr.id)
                if not self.children[key]:
                    self.notes[key].append(CascadeNote.NOT_INTERVENED)
                    self.steps.append(
                        Step(
                            _RULE["PLAN-CASCADE-NOT-INTERVENED"],
                            "",
                            (*_who(plan), ("RHK", wr.id)),
                            _said(CascadeNote.NOT_INTERVENED),
                            _NOT_INTERVENED_NOTE,
                        )
                    )

    def node(self, key: tuple[str, str]) -> CascadeNode:
        self.seen.add(key)
        plan = self.by_id[key[0]]
        wr = next(w for w in plan.work_results if w.id == key[1])
        children = []
        for child in self.children[key]:
            if child not in self.seen:
                children.append(self.node(child))
        return CascadeNode(
            plan.id,
            plan.employee.nip,
            plan.employee.name,
            wr,
            tuple(self.notes[key]),
            tuple(children),
        )

    def circular(self) -> list[CascadeNode]:
        """The RHK not reached from a section's start: each such RHK is on a circle of links or
        below one. Every RHK on a circle is noted circular; each circle starts its own subtree
        at its first RHK in the unit's order, with the RHK below the circle under it."""
        found = []
        for plan in self.plans:
            for wr in plan.work_results:
                key = (plan.id, wr.id)
                if key in self.seen:
                    continue
                ring = self._ring(key)
                for member in sorted(ring, key=self.rank.__getitem__):
                    self._note_circular(member)
                start = min(ring, key=self.rank.__getitem__)
                self.check_depth([start])
                found.append(self.node(start))
        return found

    def _ring(self, key: tuple[str, str]) -> list[tuple[str, str]]:
        """The circle of links that ``key`` (not reached from a start) is on or below."""
        path: dict[tuple[str, str], int] = {}
        while key not in path:
            path[key] = len(path)
            key = self.parent[key]  # reached from no start: every such RHK has a linked parent
        return list(itertools.islice(path, path[key], None))

    def _note_circular(self, key: tuple[str, str]) -> None:
        plan = self.by_id[key[0]]
        wr = next(w for w in plan.work_results if w.id == key[1])
        self.notes[key].append(CascadeNote.CIRCULAR)
        self.steps.append(
            Step(
                _RULE["PLAN-CASCADE-CYCLE"],
                "",
                (*_who(plan), ("RHK", wr.id), ("link", wr.leader_work_result_id or "")),
                _said(CascadeNote.CIRCULAR),
                _CYCLE_NOTE,
            )
        )

    def check_depth(self, starts: Iterable[tuple[str, str]]) -> None:
        """Refuse a tree deeper than :data:`MAX_DEPTH` levels below ``starts`` (rule
        ``PLAN-CASCADE-DEPTH``), before a node is built: no organisation has that many levels,
        and a deeper tree could not be built, printed or compared without running out of
        stack. Walked without recursion."""
        level = [k for k in starts if k not in self.seen]
        visited = set(level)
        depth = 1
        while level:
            if depth > MAX_DEPTH:
                key = level[0]
                raise PlanError(
                    f"the cascade is over {MAX_DEPTH} levels deep at RHK {key[1]!r} of plan"
                    f" {key[0]!r}: no organisation has that many levels",
                    path=f"plans[{self.given[key[0]]}].pejabat_penilai",
                    value=key[0],
                    rule="PLAN-CASCADE-DEPTH",
                    fix="check the pejabat penilai of the plans: each plan names its own"
                    " superior, and a unit's cascade is a few levels deep",
                )
            level = [c for k in level for c in self.children[k] if c not in self.seen | visited]
            visited.update(level)
            depth += 1


def cascade_tree(plans: Iterable[PerformancePlan]) -> CascadeTree:
    """The cascade of a unit's ``plans`` (any order; each plan once) as a :class:`CascadeTree`.

    Each plan's leader's plan is found among ``plans`` by :func:`leader_plan_of`; each RHK is
    placed under the leader's RHK it links to (``leader_work_result_id``). Nothing about the
    links is refused here (see :func:`check_unit_links` for that): an RHK without a link, a
    link to no RHK of the leader's plan and a leader's RHK nobody intervenes are reported.

    Raises:
        InputError: ``plans`` is not a collection of plans (rule ``TYPE``).
        DuplicateError: two plans share an id (rule ``PLAN-CASCADE-PLANS``).
        PlanError: the tree would be over :data:`MAX_DEPTH` levels deep (rule
            ``PLAN-CASCADE-DEPTH``, a library limit).
    """
    given = _plans(plans)
    ids: set[str] = set()
    for index, plan in enumerate(given):
        if plan.id in ids:
            raise DuplicateError(
                f"two plans share the id {plan.id!r}",
                path=f"plans[{index}].id",
                value=plan.id,
                rule="PLAN-CASCADE-PLANS",
                fix="give each plan once",
            )
        ids.add(plan.id)
    builder = _Builder(given)
    builder.place()
    builder.mark_not_intervened()
    builder.check_depth(key for keys in builder.starts.values() for key in keys)
    sections = {name: [builder.node(key) for key in keys] for name, keys in builder.starts.items()}
    circular = builder.circular()
    return CascadeTree(
        len(given),
        tuple(sections["roots"]),
        tuple(sections["not_linked"]),
        tuple(sections["dangling"]),
        tuple(circular),
        Explanation(tuple(builder.steps)),
    )
