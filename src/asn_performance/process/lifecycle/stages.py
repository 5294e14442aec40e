"""The stages of an SKP's life, the actions that move it between them, and who may act.

PermenPANRB 6/2022 Pasal 5 names the stages of performance management: perencanaan (the SKP
is drafted, set by the pejabat penilai kinerja and agreed), pelaksanaan, pemantauan dan
pembinaan, penilaian (*evaluasi kinerja* periodik and tahunan) and tindak lanjut. PP 30/2019
Pasal 59 adds the objection (*keberatan*), decided with finality by the atasan pejabat penilai
kinerja within the deadline of library decision D10 (:data:`OBJECTION_DAYS`).

This module holds those tables to hold against the regulation: :data:`TRANSITIONS` (the
state machine), :data:`ACTORS` (who may take each step), :data:`ACTION_RULES` and the rule
group :data:`LIFECYCLE_RULES`; ``docs/explanation/lifecycle.md`` draws them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled, Labels
from asn_performance.domain.explanation import Rule
from asn_performance.domain.nip import Nip
from asn_performance.domain.plan import PerformancePlan

#: The rules of an SKP's life (:mod:`asn_performance.process.lifecycle`): cited in its history, and
#: ``PP30-59-DECISION`` as a step of a result changed on objection.
LIFECYCLE_RULES: tuple[Rule, ...] = (
    Rule(
        "LIFECYCLE-PLAN",
        "The SKP is drafted (perencanaan kinerja)",
        "PermenPANRB 6/2022 Pasal 5 stage 1, perencanaan kinerja: penyusunan SKP [S2][S5];"
        " that a revision keeps the plan's people and period is a library rule",
    ),
    Rule(
        "LIFECYCLE-REVISION",
        "The agreed SKP is revised from a date, and both signatories agree to it again",
        "PermenPANRB 6/2022 Pasal 5 stage 1, perencanaan kinerja: penetapan dan klarifikasi"
        " ekspektasi [S2][S5]; the Permen's text on changing an agreed SKP is not in our"
        " sources (UNCONFIRMED): the revision's rules (same people, a period only shortened,"
        " a date after every evaluated period, set and accepted again) are library decisions",
        normative=False,
    ),
    Rule(
        "LIFECYCLE-PLAN-IN-FORCE",
        "Each part of the year is appraised against the version of the SKP in force for it",
        "PermenPANRB 6/2022 Pasal 5 stage 3: evaluasi kinerja periodik dan tahunan [S2][S5];"
        " a periodic evaluation against the version in force then, the annual one against the"
        " final version with the earlier versions' periodic results kept: library decision"
        " (the regulation is silent)",
        normative=False,
    ),
    Rule(
        "LIFECYCLE-AGREEMENT",
        "The pejabat penilai sets the SKP and the employee agrees to it",
        "PermenPANRB 6/2022 Pasal 5 stage 1: penetapan dan klarifikasi ekspektasi [S2][S5];"
        " setting before acceptance is the order of the e-Kinerja form (library reading)",
        normative=False,
    ),
    Rule(
        "LIFECYCLE-MONITORING",
        "Documentation and continuous feedback (umpan balik berkelanjutan)",
        "PermenPANRB 6/2022 Pasal 5 stage 2: pelaksanaan, pemantauan dan pembinaan kinerja"
        " [S2][S5]",
    ),
    Rule(
        "LIFECYCLE-EVALUATION",
        "Periodic and annual evaluation by the pejabat penilai kinerja",
        "PermenPANRB 6/2022 Pasal 5 stage 3: evaluasi kinerja periodik dan tahunan [S2][S5];"
        " recording an evaluation only once its period has ended is a library rule",
    ),
    Rule(
        "LIFECYCLE-DERIVATION",
        "A recorded appraisal agrees with its own derivation",
        "Library rule: the ratings and predikat are those of the explanation's deciding and"
        " matrix steps and, under decision D2, of the pejabat penilai kinerja's assessment;"
        " peers and subordinates are kept anonymised (G-ANONYMITY)",
        normative=False,
    ),
    Rule(
        "LIFECYCLE-FINAL",
        "The result is set and sealed with its SHA-256 digest",
        "PermenPANRB 6/2022 (penetapan hasil evaluasi kinerja) [S2]; the digest is a library"
        " rule (INTEGRITY-*)",
        normative=False,
    ),
    Rule(
        "D10-OBJECTION-DEADLINE",
        "The objection deadline: 14 calendar days from receipt of the result",
        "PP 30/2019 Pasal 59 ('paling lama 14 hari') [S11][S12b]; calendar days: library"
        " decision D10 (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "PP30-59-OBJECTION",
        "The employee objects, with reasons, to the atasan pejabat penilai kinerja",
        "PP 30/2019 Pasal 59(1)-(2) [S11][S12b]",
    ),
    Rule(
        "PP30-59-DECISION",
        "The atasan pejabat penilai kinerja decides the objection; the decision is final",
        "PP 30/2019 Pasal 59(3)-(4): 'dapat mengubah dan menetapkan hasil penilaian kinerja"
        " serta bersifat final' [S11][S12b]",
    ),
)


#: Western, central and eastern Indonesian time, for the ``at`` of events and the agency's zone.
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
WITA = dt.timezone(dt.timedelta(hours=8), "WITA")
WIT = dt.timezone(dt.timedelta(hours=9), "WIT")

#: Library decision D10: an objection is filed within 14 calendar days of receiving the result
#: (PP 30/2019 Pasal 59 says "14 hari"; whether calendar or working days is UNCONFIRMED). It is
#: the default window; an agency sets its own, with its zone (WIB by default), when a cycle is
#: opened (:class:`~asn_performance.process.lifecycle.settings.CycleSettings`).
OBJECTION_DAYS = 14


class Stage(Labelled):
    """The stage of an SKP's life (PermenPANRB 6/2022 Pasal 5; PP 30/2019 Pasal 59)."""

    DRAFT = "draft"
    AGREED = "agreed"
    IN_PROGRESS = "in_progress"
    PERIODIC_EVALUATION = "periodic_evaluation"
    ANNUAL_EVALUATION = "annual_evaluation"
    FINAL = "final"
    OBJECTED = "objected"
    DECIDED = "decided"

    @classmethod
    def _table(cls) -> dict[Stage, Labels]:
        return {
            cls.DRAFT: Labels("Penyusunan SKP", "Draft plan"),
            cls.AGREED: Labels("SKP disepakati", "Plan agreed"),
            cls.IN_PROGRESS: Labels("Pelaksanaan dan pemantauan kinerja", "In progress"),
            cls.PERIODIC_EVALUATION: Labels("Evaluasi kinerja periodik", "Periodic evaluation"),
            cls.ANNUAL_EVALUATION: Labels("Evaluasi kinerja tahunan", "Annual evaluation"),
            cls.FINAL: Labels("Hasil evaluasi ditetapkan", "Final"),
            cls.OBJECTED: Labels("Keberatan diajukan", "Objection filed"),
            cls.DECIDED: Labels("Keberatan diputuskan (final)", "Objection decided (final)"),
        }

    @property
    def is_final(self) -> bool:
        """Whether a result is set in this stage (final, objected or decided)."""
        return self in (Stage.FINAL, Stage.OBJECTED, Stage.DECIDED)


class Action(Labelled):
    """What an event did: the steps of the life, each taken by one role on the plan."""

    DRAFT = "draft"
    REVISE = "revise"
    SET = "set"
    ACCEPT = "accept"
    BEGIN = "begin"
    LOG = "log"
    EVALUATE_PERIOD = "evaluate_period"
    EVALUATE_YEAR = "evaluate_year"
    FINALISE = "finalise"
    RECEIVE = "receive"
    OBJECT = "object"
    DECIDE = "decide"

    @classmethod
    def _table(cls) -> dict[Action, Labels]:
        return {
            cls.DRAFT: Labels("Penyusunan draf SKP", "Plan drafted"),
            cls.REVISE: Labels("Perubahan draf SKP", "Draft revised"),
            cls.SET: Labels(
                "Penetapan SKP oleh pejabat penilai", "Plan set by the pejabat penilai"
            ),
            cls.ACCEPT: Labels("Persetujuan SKP oleh pegawai", "Plan accepted by the employee"),
            cls.BEGIN: Labels("Pelaksanaan kinerja dimulai", "Work begins"),
            cls.LOG: Labels("Dokumentasi kinerja dan umpan balik", "Feedback or evidence logged"),
            cls.EVALUATE_PERIOD: Labels(
                "Evaluasi kinerja periodik", "Periodic evaluation recorded"
            ),
            cls.EVALUATE_YEAR: Labels("Evaluasi kinerja tahunan", "Annual evaluation recorded"),
            cls.FINALISE: Labels("Penetapan hasil evaluasi", "Result finalised"),
            cls.RECEIVE: Labels("Hasil diterima pegawai", "Result received by the employee"),
            cls.OBJECT: Labels("Pengajuan keberatan", "Objection filed"),
            cls.DECIDE: Labels("Keputusan atas keberatan", "Objection decided"),
        }

    @property
    def method(self) -> str:
        """The :class:`PerformanceCycle` method that takes this step."""
        return _METHODS[self]

    @property
    def verb(self) -> str:
        """The step as a verb phrase, for messages ("decide the objection")."""
        return _VERBS[self]


_METHODS: Mapping[Action, str] = {
    Action.DRAFT: "PerformanceCycle.draft",
    Action.REVISE: "revise",
    Action.SET: "set_plan",
    Action.ACCEPT: "accept",
    Action.BEGIN: "begin",
    Action.LOG: "log",
    Action.EVALUATE_PERIOD: "evaluate_period",
    Action.EVALUATE_YEAR: "evaluate_year",
    Action.FINALISE: "finalise",
    Action.RECEIVE: "receive",
    Action.OBJECT: "file_objection",
    Action.DECIDE: "decide_objection",
}


_VERBS: Mapping[Action, str] = {
    Action.DRAFT: "draft the plan",
    Action.REVISE: "revise the draft",
    Action.SET: "set the plan",
    Action.ACCEPT: "accept the plan",
    Action.BEGIN: "begin the work",
    Action.LOG: "log feedback or evidence",
    Action.EVALUATE_PERIOD: "record a periodic evaluation",
    Action.EVALUATE_YEAR: "record the annual evaluation",
    Action.FINALISE: "finalise the result",
    Action.RECEIVE: "receive the result",
    Action.OBJECT: "file an objection",
    Action.DECIDE: "decide the objection",
}


class PlanRole(Labelled):
    """The role of a person on an SKP, as printed on the form."""

    EMPLOYEE = "employee"
    PEJABAT_PENILAI = "pejabat_penilai"
    ATASAN_PEJABAT_PENILAI = "atasan_pejabat_penilai"

    @classmethod
    def _table(cls) -> dict[PlanRole, Labels]:
        return {
            cls.EMPLOYEE: Labels("Pegawai yang dinilai", "Employee"),
            cls.PEJABAT_PENILAI: Labels("Pejabat Penilai Kinerja", "Appraising supervisor"),
            cls.ATASAN_PEJABAT_PENILAI: Labels(
                "Atasan Pejabat Penilai Kinerja",
                "Appraising supervisor's superior",
            ),
        }


#: The stage each action leads to, per stage: the state machine. An action missing from a
#: stage's row is refused in that stage (rule ``LIFECYCLE-TRANSITION``). In the work stages
#: (in progress, periodic evaluation) ``revise``, ``set`` and ``accept`` revise the agreed
#: plan (rule ``LIFECYCLE-REVISION``): set and accept only while a revision awaits agreement.
TRANSITIONS: Mapping[Stage, Mapping[Action, Stage]] = FrozenMap(
    {
        Stage.DRAFT: FrozenMap(
            {Action.REVISE: Stage.DRAFT, Action.SET: Stage.DRAFT, Action.ACCEPT: Stage.AGREED}
        ),
        Stage.AGREED: FrozenMap({Action.BEGIN: Stage.IN_PROGRESS}),
        Stage.IN_PROGRESS: FrozenMap(
            {
                Action.LOG: Stage.IN_PROGRESS,
                Action.EVALUATE_PERIOD: Stage.PERIODIC_EVALUATION,
                Action.EVALUATE_YEAR: Stage.ANNUAL_EVALUATION,
                # A revision of the agreed plan (LIFECYCLE-REVISION): set and accepted again.
                Action.REVISE: Stage.IN_PROGRESS,
                Action.SET: Stage.IN_PROGRESS,
                Action.ACCEPT: Stage.IN_PROGRESS,
            }
        ),
        Stage.PERIODIC_EVALUATION: FrozenMap(
            {
                Action.LOG: Stage.PERIODIC_EVALUATION,
                Action.EVALUATE_PERIOD: Stage.PERIODIC_EVALUATION,
                Action.EVALUATE_YEAR: Stage.ANNUAL_EVALUATION,
                Action.REVISE: Stage.PERIODIC_EVALUATION,
                Action.SET: Stage.PERIODIC_EVALUATION,
                Action.ACCEPT: Stage.PERIODIC_EVALUATION,
            }
        ),
        Stage.ANNUAL_EVALUATION: FrozenMap(
            {Action.EVALUATE_YEAR: Stage.ANNUAL_EVALUATION, Action.FINALISE: Stage.FINAL}
        ),
        Stage.FINAL: FrozenMap({Action.RECEIVE: Stage.FINAL, Action.OBJECT: Stage.OBJECTED}),
        Stage.OBJECTED: FrozenMap({Action.DECIDE: Stage.DECIDED}),
        Stage.DECIDED: FrozenMap({}),
    }
)

_E, _P, _A = PlanRole.EMPLOYEE, PlanRole.PEJABAT_PENILAI, PlanRole.ATASAN_PEJABAT_PENILAI

#: Who may take each action (rule ``AUTH-LIFECYCLE``). The employee drafts, accepts,
#: documents, receives and objects; the pejabat penilai kinerja sets the plan, answers,
#: evaluates and finalises; only the atasan pejabat penilai decides an objection (PP 30/2019
#: Pasal 59(3)-(4)). Who writes which kind of feedback is checked per entry (AUTH-FEEDBACK).
ACTORS: Mapping[Action, frozenset[PlanRole]] = FrozenMap(
    {
        Action.DRAFT: frozenset({_E, _P}),
        Action.REVISE: frozenset({_E, _P}),
        Action.SET: frozenset({_P}),
        Action.ACCEPT: frozenset({_E}),
        Action.BEGIN: frozenset({_E, _P}),
        Action.LOG: frozenset({_E, _P}),
        Action.EVALUATE_PERIOD: frozenset({_P}),
        Action.EVALUATE_YEAR: frozenset({_P}),
        Action.FINALISE: frozenset({_P}),
        Action.RECEIVE: frozenset({_E}),
        Action.OBJECT: frozenset({_E}),
        Action.DECIDE: frozenset({_A}),
    }
)

#: The rule each action applies, for the history's citations (see :data:`LIFECYCLE_RULES`).
ACTION_RULES: Mapping[Action, str] = FrozenMap(
    {
        Action.DRAFT: "LIFECYCLE-PLAN",
        Action.REVISE: "LIFECYCLE-PLAN",
        Action.SET: "LIFECYCLE-AGREEMENT",
        Action.ACCEPT: "LIFECYCLE-AGREEMENT",
        Action.BEGIN: "LIFECYCLE-MONITORING",
        Action.LOG: "LIFECYCLE-MONITORING",
        Action.EVALUATE_PERIOD: "LIFECYCLE-EVALUATION",
        Action.EVALUATE_YEAR: "LIFECYCLE-EVALUATION",
        Action.FINALISE: "LIFECYCLE-FINAL",
        Action.RECEIVE: "D10-OBJECTION-DEADLINE",
        Action.OBJECT: "PP30-59-OBJECTION",
        Action.DECIDE: "PP30-59-DECISION",
    }
)


def role_of(plan: PerformancePlan, actor: Nip) -> PlanRole | None:
    """The role of ``actor`` on ``plan``, or ``None`` if they have none."""
    if actor == plan.employee.nip:
        return PlanRole.EMPLOYEE
    if actor == plan.pejabat_penilai.nip:
        return PlanRole.PEJABAT_PENILAI
    atasan = plan.atasan_pejabat_penilai
    if atasan is not None and actor == atasan.nip:
        return PlanRole.ATASAN_PEJABAT_PENILAI
    return None


def who_may(action: Action) -> str:
    """The fix for a refused step: which roles of the plan may take ``action`` (ACTORS)."""
    roles = " or ".join(role.label_id for role in PlanRole if role in ACTORS[action])
    return f"only the {roles} of the plan may {action.verb}"
