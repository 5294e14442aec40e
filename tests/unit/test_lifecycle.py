"""Tests for :mod:`asn_performance.process.lifecycle`: the life of an SKP as a state machine.

The story (all times WIB, UTC+7, unless a test says otherwise), one event per line::

    #0  2025-01-02 09:00  employee          draft                       -> draft
    #1  2025-01-03 09:00  pejabat penilai   set the plan                draft -> draft
    #2  2025-01-06 09:00  employee          accept                      draft -> agreed
    #3  2025-01-06 10:00  employee          begin                       agreed -> in_progress
    #4  2025-02-10 16:00  employee          log fb-1 (report, iki-1)    in_progress
    #5  2025-02-12 09:00  pejabat penilai   log fb-2 (response to fb-1) in_progress
    #6  2025-04-07 09:00  pejabat penilai   evaluate 2025-Q1            -> periodic_evaluation
    #7  2025-05-02 09:00  employee          log fb-3 (evidence)         periodic_evaluation
    #8  2026-01-12 09:00  pejabat penilai   evaluate the year 2025      -> annual_evaluation
    #9  2026-01-12 10:00  pejabat penilai   finalise                    -> final
    #10 2026-01-13 08:00  employee          receive (deadline 27 Jan)   final
    #11 2026-01-27 23:30  employee          object (last day)           -> objected
    #12 2026-02-02 09:00  atasan            decide: upheld              -> decided

The objection deadline is worked on a calendar (decision D10: 14 calendar days): received on
Tuesday 13 January 2026, day 1 is 14 January, day 14 is 27 January 2026. The pejabat penilai
rates hasil Sesuai and perilaku Sesuai, so the annual predikat is Baik (matrix cell
(Sesuai, Sesuai)); the changed decisions are worked from the 3×3 matrix of PermenPANRB
6/2022 (rows hasil, columns perilaku Di Atas / Sesuai / Di Bawah):

    hasil Di Atas:  Sangat Baik      Baik             Kurang/Misconduct
    hasil Sesuai:   Baik             Baik             Kurang/Misconduct
    hasil Di Bawah: Butuh Perbaikan  Butuh Perbaikan  Sangat Kurang
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Callable
from typing import TypeVar

import attrs
import pytest

from asn_performance import (
    Assessment,
    AssessorRole,
    Employee,
    Indicator,
    Jenjang,
    Nip,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Predikat,
    Rating,
    Target,
    WorkResult,
)
from asn_performance.boundary.appraisal_document import dump_appraisal
from asn_performance.domain.feedback import FeedbackEntry, FeedbackKind
from asn_performance.exceptions import (
    AuthorityError,
    DuplicateError,
    InputError,
    IntegrityError,
    LifecycleError,
    ObjectionDeadlineError,
)
from asn_performance.process.integrity import digest
from asn_performance.process.lifecycle import (
    ACTORS,
    TRANSITIONS,
    WIB,
    WIT,
    Action,
    Event,
    PerformanceCycle,
    PlanRole,
    Stage,
    Transition,
)
from asn_performance.process.records import appraisal_record

UTC = dt.UTC
_E = TypeVar("_E", bound=BaseException)
A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH

# --- the people and the plan ----------------------------------------------------------------------

UNIT_NAME = "Subbagian Perencanaan, Biro Perencanaan (contoh)"
ANALYST = Position(PositionKind.FUNGSIONAL, "Analis Kebijakan", Jenjang.AHLI_MUDA)
# 19681225 199302 1 001: born 25 Dec 1968, TMT Feb 1993, male, 001
ATASAN = Employee(
    Nip("196812251993021001"),
    "Ahmad Hidayat",
    Position(PositionKind.ADMINISTRATOR, "Kepala Biro Perencanaan"),
    UNIT_NAME,
)
# 19750314 200003 1 002: born 14 Mar 1975, TMT Mar 2000, male, 002
PENILAI = Employee(
    Nip("197503142000031002"),
    "Siti Rahayu",
    Position(PositionKind.PENGAWAS, "Kepala Subbagian Perencanaan"),
    UNIT_NAME,
    ATASAN.nip,
)
# 19860926 201505 1 001: born 26 Sep 1986, TMT May 2015, male, 001
EMPLOYEE = Employee(Nip("198609262015051001"), "Budi Santoso", ANALYST, UNIT_NAME, PENILAI.nip)
# 19900101 201903 2 001: born 1 Jan 1990, TMT Mar 2019, female, 001
PEER = Employee(Nip("199001012019032001"), "Rekan Satu", ANALYST, UNIT_NAME, PENILAI.nip)
# 19800808 200507 1 009: born 8 Aug 1980, TMT Jul 2005, male, 009
OUTSIDER = Employee(
    Nip("198008082005071009"), "Dewi Lestari", Position(PositionKind.PELAKSANA, "Arsiparis"), "X"
)
E, P, AT = EMPLOYEE.nip, PENILAI.nip, ATASAN.nip

YEAR = Period.annual(2025)
Q1 = Period.quarter(2025, 1)  # 1 January - 31 March 2025
Q2 = Period.quarter(2025, 2)  # 1 April - 30 June 2025
MARCH = Period.month(2025, 3)  # inside Q1


def _plan(**overrides: object) -> PerformancePlan:
    fields: dict[str, object] = {
        "id": "skp-2025-budi",
        "employee": EMPLOYEE,
        "pejabat_penilai": PENILAI,
        "period": YEAR,
        "work_results": (
            WorkResult(
                "rhk-1",
                "Tersusunnya rekomendasi kebijakan perencanaan daerah",
                (
                    Indicator("iki-1", "Jumlah rekomendasi", Target.value(4, "dokumen")),
                    Indicator("iki-2", "Rekomendasi diterima", Target.range(80, 90, "%")),
                ),
            ),
        ),
        "atasan_pejabat_penilai": ATASAN,
    }
    fields.update(overrides)
    return PerformancePlan(**fields)  # type: ignore[arg-type]


PLAN = _plan()


def wib(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=WIB)


def utc(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def _pp(period: Period, hasil: Rating = S, perilaku: Rating = S) -> Assessment:
    """The pejabat penilai's assessment for ``period``, given on its last day."""
    return Assessment(
        plan_id=PLAN.id,
        role=AssessorRole.PEJABAT_PENILAI,
        assessor=P,
        given_on=period.end,
        period=period,
        hasil_kerja=hasil,
        perilaku_kerja=perilaku,
    )


def _entry(
    ident: str,
    author: Nip,
    on: dt.date,
    kind: FeedbackKind = FeedbackKind.REPORT,
    **extra: object,
) -> FeedbackEntry:
    return FeedbackEntry(ident, PLAN.id, author, on, kind, f"catatan {ident}", **extra)  # type: ignore[arg-type]


FB1 = _entry("fb-1", E, dt.date(2025, 2, 10), indicator_id="iki-1")
FB2 = _entry("fb-2", P, dt.date(2025, 2, 12), FeedbackKind.RESPONSE, replies_to="fb-1")
FB3 = _entry(
    "fb-3", E, dt.date(2025, 5, 2), FeedbackKind.EVIDENCE, link="https://e-kinerja.example/fb-3"
)
OBJECTION_REASONS = "Realisasi iki-1 sudah 4 dokumen; bukti dukung terlampir"
DECISION_REASONS = "Bukti dukung sudah dinilai pejabat penilai; hasil tetap"


def _life() -> tuple[Transition, ...]:
    life = [PerformanceCycle.draft(PLAN, by=E, at=wib(2025, 1, 2))]

    def step(make: Callable[[PerformanceCycle], Transition]) -> None:
        life.append(make(life[-1].cycle))

    step(lambda c: c.set_plan(by=P, at=wib(2025, 1, 3)))
    step(lambda c: c.accept(by=E, at=wib(2025, 1, 6)))
    step(lambda c: c.begin(by=E, at=wib(2025, 1, 6, 10)))
    step(lambda c: c.log(FB1, at=wib(2025, 2, 10, 16)))
    step(lambda c: c.log(FB2, at=wib(2025, 2, 12)))
    step(lambda c: c.evaluate_period(c.appraise([_pp(Q1)], period=Q1), by=P, at=wib(2025, 4, 7)))
    step(lambda c: c.log(FB3, at=wib(2025, 5, 2)))
    step(lambda c: c.evaluate_year(c.appraise([_pp(YEAR)]), by=P, at=wib(2026, 1, 12)))
    step(lambda c: c.finalise(by=P, at=wib(2026, 1, 12, 10)))
    step(lambda c: c.receive(by=E, at=wib(2026, 1, 13, 8)))
    step(lambda c: c.file_objection(OBJECTION_REASONS, by=E, at=wib(2026, 1, 27, 23, 30)))
    step(lambda c: c.decide_objection(DECISION_REASONS, by=AT, at=wib(2026, 2, 2)))
    return tuple(life)


LIFE = _life()
DRAFTED, SET, AGREED, BEGUN = (LIFE[i].cycle for i in range(4))
LOGGED, PERIODIC, ANNUAL, FINAL = LIFE[5].cycle, LIFE[6].cycle, LIFE[8].cycle, LIFE[9].cycle
RECEIVED, OBJECTED, DECIDED = LIFE[10].cycle, LIFE[11].cycle, LIFE[12].cycle
LATER = wib(2026, 3, 2)  # after every event of the story

_WORK = (Action.LOG, Action.EVALUATE_PERIOD, Action.EVALUATE_YEAR)
#: Per event of the story: the action, the stage after it, and what the stage then allows,
#: read from the issue (a draft is set before it is accepted; the result is received before
#: an objection; a decided objection is final).
STORY: tuple[tuple[Action, Stage, tuple[Action, ...]], ...] = (
    (Action.DRAFT, Stage.DRAFT, (Action.REVISE, Action.SET)),
    (Action.SET, Stage.DRAFT, (Action.REVISE, Action.ACCEPT)),
    (Action.ACCEPT, Stage.AGREED, (Action.BEGIN,)),
    (Action.BEGIN, Stage.IN_PROGRESS, _WORK),
    (Action.LOG, Stage.IN_PROGRESS, _WORK),
    (Action.LOG, Stage.IN_PROGRESS, _WORK),
    (Action.EVALUATE_PERIOD, Stage.PERIODIC_EVALUATION, _WORK),
    (Action.LOG, Stage.PERIODIC_EVALUATION, _WORK),
    (Action.EVALUATE_YEAR, Stage.ANNUAL_EVALUATION, (Action.EVALUATE_YEAR, Action.FINALISE)),
    (Action.FINALISE, Stage.FINAL, (Action.RECEIVE,)),
    (Action.RECEIVE, Stage.FINAL, (Action.OBJECT,)),
    (Action.OBJECT, Stage.OBJECTED, (Action.DECIDE,)),
    (Action.DECIDE, Stage.DECIDED, ()),
)


def _raises(kind: type[_E], call: Callable[[], object]) -> _E:
    with pytest.raises(kind) as caught:
        call()
    return caught.value


# --- the tables -----------------------------------------------------------------------------------


def test_the_transition_table_is_the_one_read_from_the_issue() -> None:
    per, year = Stage.PERIODIC_EVALUATION, Stage.ANNUAL_EVALUATION
    expected = {
        Stage.DRAFT: {
            Action.REVISE: Stage.DRAFT,
            Action.SET: Stage.DRAFT,
            Action.ACCEPT: Stage.AGREED,
        },
        Stage.AGREED: {Action.BEGIN: Stage.IN_PROGRESS},
        Stage.IN_PROGRESS: {
            Action.LOG: Stage.IN_PROGRESS,
            Action.EVALUATE_PERIOD: per,
            Action.EVALUATE_YEAR: year,
        },
        per: {Action.LOG: per, Action.EVALUATE_PERIOD: per, Action.EVALUATE_YEAR: year},
        year: {Action.EVALUATE_YEAR: year, Action.FINALISE: Stage.FINAL},
        Stage.FINAL: {Action.RECEIVE: Stage.FINAL, Action.OBJECT: Stage.OBJECTED},
        Stage.OBJECTED: {Action.DECIDE: Stage.DECIDED},
        Stage.DECIDED: {},
    }
    assert {stage: dict(row) for stage, row in TRANSITIONS.items()} == expected


def test_the_actor_table_gives_each_step_to_its_role_on_the_plan() -> None:
    e, p, a = PlanRole.EMPLOYEE, PlanRole.PEJABAT_PENILAI, PlanRole.ATASAN_PEJABAT_PENILAI
    expected = {
        Action.DRAFT: {e, p},
        Action.REVISE: {e, p},
        Action.SET: {p},
        Action.ACCEPT: {e},
        Action.BEGIN: {e, p},
        Action.LOG: {e, p},
        Action.EVALUATE_PERIOD: {p},
        Action.EVALUATE_YEAR: {p},
        Action.FINALISE: {p},
        Action.RECEIVE: {e},
        Action.OBJECT: {e},
        Action.DECIDE: {a},  # PP 30/2019 Pasal 59(3)-(4): only the atasan decides
    }
    assert dict(ACTORS) == expected


# --- the happy path -------------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(len(STORY)), ids=[f"#{i}" for i in range(len(STORY))])
def test_each_step_of_the_story_reaches_its_stage_and_allows_what_the_issue_says(
    index: int,
) -> None:
    action, stage, allowed = STORY[index]
    cycle, event = LIFE[index]
    assert event.action is action
    assert event.sequence == index
    assert event.stage_after is stage
    assert event.stage_before is (None if index == 0 else STORY[index - 1][1])
    assert cycle.stage is stage
    assert cycle.allowed() == allowed


def test_the_story_records_who_acted_in_which_role() -> None:
    roles = [(event.actor, event.role) for _, event in LIFE]
    e, p, a = PlanRole.EMPLOYEE, PlanRole.PEJABAT_PENILAI, PlanRole.ATASAN_PEJABAT_PENILAI
    assert roles == [
        (E, e),
        (P, p),
        (E, e),
        (E, e),
        (E, e),
        (P, p),
        (P, p),
        (E, e),
        (P, p),
        (P, p),
        (E, e),
        (E, e),
        (AT, a),
    ]


def test_the_story_derives_its_feedback_evaluations_and_result() -> None:
    assert DECIDED.plan == PLAN
    assert DECIDED.plan_set is True
    assert DECIDED.feedback == (FB1, FB2, FB3)
    assert [a.period for a in DECIDED.periodic] == [Q1]
    assert DECIDED.annual is not None
    assert DECIDED.annual.period == YEAR
    # (Sesuai, Sesuai) -> Baik
    assert DECIDED.annual.predikat is Predikat.BAIK
    assert DECIDED.result == DECIDED.annual
    assert DECIDED.received_at == wib(2026, 1, 13, 8)
    assert DECIDED.objection_deadline == dt.date(2026, 1, 27)
    assert DECIDED.objection is LIFE[11].event
    assert DECIDED.objection.note == OBJECTION_REASONS
    assert DECIDED.decision is LIFE[12].event


def test_nothing_is_final_before_the_pejabat_penilai_finalises() -> None:
    for cycle in (DRAFTED, AGREED, BEGUN, PERIODIC, ANNUAL):
        assert cycle.result is None
        assert cycle.result_digest is None
        assert not cycle.stage.is_final
    assert ANNUAL.annual is not None
    for cycle in (FINAL, RECEIVED, OBJECTED, DECIDED):
        assert cycle.stage.is_final
        assert cycle.result == ANNUAL.annual


def test_a_revision_undoes_the_setting_and_needs_a_new_one() -> None:
    revised_plan = _plan(
        work_results=(
            WorkResult(
                "rhk-1",
                "Tersusunnya rekomendasi kebijakan perencanaan daerah (revisi)",
                (Indicator("iki-1", "Jumlah rekomendasi", Target.value(5, "dokumen")),),
            ),
        )
    )
    revised, event = SET.revise(revised_plan, by=P, at=wib(2025, 1, 4))
    assert event.action is Action.REVISE
    assert revised.stage is Stage.DRAFT
    assert revised.plan == revised_plan
    assert revised.plan_set is False
    assert revised.allowed() == (Action.REVISE, Action.SET)
    set_again, _ = revised.set_plan(by=P, at=wib(2025, 1, 5))
    agreed, _ = set_again.accept(by=E, at=wib(2025, 1, 5, 10))
    assert agreed.stage is Stage.AGREED
    assert agreed.plan == revised_plan


def test_a_revision_keeps_the_plan_id_employee_and_pejabat_penilai() -> None:
    error = _raises(
        LifecycleError, lambda: DRAFTED.revise(_plan(id="skp-lain"), by=E, at=wib(2025, 1, 4))
    )
    assert error.rule == "LIFECYCLE-PLAN"
    assert error.path == "plan"
    assert error.value == "skp-lain"


def test_the_annual_evaluation_can_be_recorded_again_before_it_is_final() -> None:
    better = ANNUAL.appraise([_pp(YEAR, A, S)])
    corrected, _ = ANNUAL.evaluate_year(better, by=P, at=wib(2026, 1, 12, 9, 30))
    assert corrected.stage is Stage.ANNUAL_EVALUATION
    assert corrected.annual == better
    # (Di Atas, Sesuai) -> Baik; the finalised result is the corrected one
    final, _ = corrected.finalise(by=P, at=wib(2026, 1, 12, 10))
    assert final.result == better


def test_steps_at_the_same_moment_are_in_order() -> None:
    begun, _ = SET.accept(by=E, at=wib(2025, 1, 6))
    # begin at the very same instant, written in UTC: 9:00 WIB is 2:00 UTC
    same, _ = begun.begin(by=E, at=utc(2025, 1, 6, 2))
    assert same.stage is Stage.IN_PROGRESS


def test_a_nip_may_be_given_as_its_digits() -> None:
    cycle, event = DRAFTED.set_plan(by="197503142000031002", at=wib(2025, 1, 3))
    assert event.actor == P
    assert cycle.role_of("197503142000031002") is PlanRole.PEJABAT_PENILAI
    assert cycle.role_of(AT) is PlanRole.ATASAN_PEJABAT_PENILAI
    assert cycle.role_of(E) is PlanRole.EMPLOYEE
    assert cycle.role_of(OUTSIDER.nip) is None


# --- refused transitions --------------------------------------------------------------------------

_CYCLES_BY_STAGE: tuple[tuple[str, PerformanceCycle], ...] = (
    ("draft", DRAFTED),
    ("draft set", SET),
    ("agreed", AGREED),
    ("in progress", BEGUN),
    ("periodic", PERIODIC),
    ("annual", ANNUAL),
    ("final", FINAL),
    ("received", RECEIVED),
    ("objected", OBJECTED),
    ("decided", DECIDED),
)

#: How to ask each step of a cycle, by a given person (at a time valid for the step's stage).
CALLS: dict[Action, Callable[[PerformanceCycle, Nip], Transition]] = {
    Action.REVISE: lambda c, by: c.revise(PLAN, by=by, at=LATER),
    Action.SET: lambda c, by: c.set_plan(by=by, at=LATER),
    Action.ACCEPT: lambda c, by: c.accept(by=by, at=LATER),
    Action.BEGIN: lambda c, by: c.begin(by=by, at=LATER),
    Action.LOG: lambda c, by: c.log(
        _entry(
            "fb-9",
            by,
            dt.date(2025, 6, 2),
            FeedbackKind.RESPONSE if by == P else FeedbackKind.REPORT,
        ),
        at=LATER,
    ),
    Action.EVALUATE_PERIOD: lambda c, by: c.evaluate_period(
        c.appraise([_pp(Q2)], period=Q2), by=by, at=LATER
    ),
    Action.EVALUATE_YEAR: lambda c, by: c.evaluate_year(c.appraise([_pp(YEAR)]), by=by, at=LATER),
    Action.FINALISE: lambda c, by: c.finalise(by=by, at=LATER),
    Action.RECEIVE: lambda c, by: c.receive(by=by, at=LATER),
    Action.OBJECT: lambda c, by: c.file_objection("keberatan", by=by, at=wib(2026, 1, 20)),
    Action.DECIDE: lambda c, by: c.decide_objection("keputusan", by=by, at=LATER),
}
#: The person entitled to each step, so that only the stage can be wrong.
ENTITLED: dict[Action, Nip] = {
    Action.REVISE: E,
    Action.SET: P,
    Action.ACCEPT: E,
    Action.BEGIN: E,
    Action.LOG: E,
    Action.EVALUATE_PERIOD: P,
    Action.EVALUATE_YEAR: P,
    Action.FINALISE: P,
    Action.RECEIVE: E,
    Action.OBJECT: E,
    Action.DECIDE: AT,
}


def _refused_cases() -> list[object]:
    cases = []
    for name, cycle in _CYCLES_BY_STAGE:
        for action in CALLS:
            if action not in TRANSITIONS[cycle.stage]:
                cases.append(pytest.param(cycle, action, id=f"{name}-{action.code}"))
    return cases


@pytest.mark.parametrize(("cycle", "action"), _refused_cases())
def test_a_step_the_stage_does_not_allow_is_refused_naming_the_stage_and_what_it_allows(
    cycle: PerformanceCycle, action: Action
) -> None:
    error = _raises(LifecycleError, lambda: CALLS[action](cycle, ENTITLED[action]))
    assert error.rule == "LIFECYCLE-TRANSITION"
    assert error.path == "stage"
    assert error.value == cycle.stage.code
    assert f"stage {cycle.stage.code}" in error.message
    assert cycle.stage.label_id in error.message
    for allowed in cycle.allowed():
        assert f"{allowed.code} ({allowed.method})" in error.message
    if not cycle.allowed():
        assert "allows nothing: it is final" in error.message


@pytest.mark.parametrize(
    ("cycle", "not_allowed"),
    [
        pytest.param(DRAFTED, Action.ACCEPT, id="unset-draft"),
        pytest.param(SET, Action.SET, id="set-draft"),
        pytest.param(FINAL, Action.OBJECT, id="not-received"),
        pytest.param(RECEIVED, Action.RECEIVE, id="received"),
    ],
)
def test_a_refusal_names_only_the_steps_the_stage_allows_now(
    cycle: PerformanceCycle, not_allowed: Action
) -> None:
    # begin is refused in a draft and finalise in a final stage, whatever else holds
    action = Action.BEGIN if cycle.stage is Stage.DRAFT else Action.FINALISE
    error = _raises(LifecycleError, lambda: CALLS[action](cycle, ENTITLED[action]))
    assert f"{not_allowed.code} ({not_allowed.method})" not in error.message


def test_an_unset_draft_cannot_be_accepted() -> None:
    error = _raises(LifecycleError, lambda: DRAFTED.accept(by=E, at=LATER))
    assert error.rule == "LIFECYCLE-TRANSITION"
    assert error.path == "stage"
    assert error.value == "draft"
    assert "not set" in error.message
    assert "set_plan()" in (error.fix or "")


def test_a_set_draft_cannot_be_set_again() -> None:
    error = _raises(LifecycleError, lambda: SET.set_plan(by=P, at=LATER))
    assert error.rule == "LIFECYCLE-TRANSITION"
    assert "already set" in error.message
    assert "accept()" in (error.fix or "")


def test_the_result_is_received_once() -> None:
    error = _raises(LifecycleError, lambda: RECEIVED.receive(by=E, at=LATER))
    assert error.rule == "LIFECYCLE-TRANSITION"
    assert error.path == "stage"
    assert "already received on 2026-01-13T08:00:00+07:00" in error.message


def test_an_objection_before_the_result_is_received_is_refused() -> None:
    error = _raises(LifecycleError, lambda: FINAL.file_objection("alasan", by=E, at=LATER))
    assert not isinstance(error, ObjectionDeadlineError)
    assert error.rule == "D10-OBJECTION-DEADLINE"
    assert error.path == "stage"
    assert "receives the result" in error.message
    assert "receive()" in (error.fix or "")


def test_a_refused_step_leaves_the_cycle_as_it_was() -> None:
    before = BEGUN.events
    with pytest.raises(LifecycleError):
        BEGUN.finalise(by=P, at=LATER)
    assert BEGUN.events == before
    assert BEGUN.stage is Stage.IN_PROGRESS


# --- authority ------------------------------------------------------------------------------------

_ROLE_OF = {E: PlanRole.EMPLOYEE, P: PlanRole.PEJABAT_PENILAI, AT: PlanRole.ATASAN_PEJABAT_PENILAI}
#: A cycle in which each step is allowed.
_WHERE_ALLOWED: dict[Action, PerformanceCycle] = {
    Action.REVISE: DRAFTED,
    Action.SET: DRAFTED,
    Action.ACCEPT: SET,
    Action.BEGIN: AGREED,
    Action.LOG: BEGUN,
    Action.EVALUATE_PERIOD: BEGUN,
    Action.EVALUATE_YEAR: BEGUN,
    Action.FINALISE: ANNUAL,
    Action.RECEIVE: FINAL,
    Action.OBJECT: RECEIVED,
    Action.DECIDE: OBJECTED,
}
#: Who may do what, read from the issue (the employee drafts, accepts, documents, receives
#: and objects; the pejabat penilai sets, evaluates and finalises; the atasan decides).
_MAY: dict[Action, set[Nip]] = {
    Action.REVISE: {E, P},
    Action.SET: {P},
    Action.ACCEPT: {E},
    Action.BEGIN: {E, P},
    Action.LOG: {E, P},
    Action.EVALUATE_PERIOD: {P},
    Action.EVALUATE_YEAR: {P},
    Action.FINALISE: {P},
    Action.RECEIVE: {E},
    Action.OBJECT: {E},
    Action.DECIDE: {AT},
}
_NAMES = {E: "employee", P: "penilai", AT: "atasan", PEER.nip: "peer", OUTSIDER.nip: "outsider"}


def _wrong_people() -> list[object]:
    return [
        pytest.param(action, who, id=f"{action.code}-by-{_NAMES[who]}")
        for action in CALLS
        for who in _NAMES
        if who not in _MAY[action]
    ]


@pytest.mark.parametrize(("action", "who"), _wrong_people())
def test_a_step_by_someone_whose_role_does_not_take_it_is_refused(action: Action, who: Nip) -> None:
    cycle = _WHERE_ALLOWED[action]
    error = _raises(AuthorityError, lambda: CALLS[action](cycle, who))
    assert error.rule == "AUTH-LIFECYCLE"
    assert error.path == "by"
    assert error.value == who.digits
    role = _ROLE_OF.get(who)
    if role is None:
        assert "no role on this plan" in error.message
    else:
        assert role.label_id in error.message
    for entitled in _MAY[action]:
        assert _ROLE_OF[entitled].label_id in (error.fix or "")


@pytest.mark.parametrize(("action", "who"), [(a, next(iter(_MAY[a]))) for a in CALLS])
def test_each_step_by_its_entitled_role_is_taken(action: Action, who: Nip) -> None:
    cycle, event = CALLS[action](_WHERE_ALLOWED[action], who)
    assert event.action is action
    assert event.role is _ROLE_OF[who]
    assert cycle.stage is TRANSITIONS[_WHERE_ALLOWED[action].stage][action]


@pytest.mark.parametrize("who", [PEER.nip, OUTSIDER.nip], ids=["peer", "outsider"])
def test_a_draft_by_someone_without_a_role_on_the_plan_is_refused(who: Nip) -> None:
    error = _raises(
        AuthorityError, lambda: PerformanceCycle.draft(PLAN, by=who, at=wib(2025, 1, 2))
    )
    assert error.rule == "AUTH-LIFECYCLE"
    assert error.path == "by"
    assert "no role on this plan" in error.message


def test_a_draft_by_the_atasan_is_refused() -> None:
    error = _raises(AuthorityError, lambda: PerformanceCycle.draft(PLAN, by=AT, at=wib(2025, 1, 2)))
    assert error.rule == "AUTH-LIFECYCLE"
    assert "Atasan Pejabat Penilai Kinerja" in error.message
    assert "Pegawai yang dinilai or Pejabat Penilai Kinerja" in (error.fix or "")


def test_a_refused_draft_names_the_argument_by() -> None:
    error = _raises(AuthorityError, lambda: PerformanceCycle.draft(PLAN, by=AT, at=wib(2025, 1, 2)))
    assert error.path == "by"


def test_an_objection_on_a_plan_without_an_atasan_is_refused() -> None:
    plan = _plan(atasan_pejabat_penilai=None)
    cycle, _ = PerformanceCycle.draft(plan, by=E, at=wib(2025, 1, 2))
    cycle, _ = cycle.set_plan(by=P, at=wib(2025, 1, 3))
    cycle, _ = cycle.accept(by=E, at=wib(2025, 1, 6))
    cycle, _ = cycle.begin(by=E, at=wib(2025, 1, 6))
    cycle, _ = cycle.evaluate_year(cycle.appraise([_pp(YEAR)]), by=P, at=wib(2026, 1, 12))
    cycle, _ = cycle.finalise(by=P, at=wib(2026, 1, 12))
    cycle, _ = cycle.receive(by=E, at=wib(2026, 1, 13))
    error = _raises(
        AuthorityError, lambda: cycle.file_objection("alasan", by=E, at=wib(2026, 1, 14))
    )
    assert error.rule == "AUTH-ATASAN"
    assert error.path == "plan.atasan_pejabat_penilai"
    assert "atasan pejabat penilai" in error.message
    assert cycle.role_of(AT) is None


# --- the feedback log -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("author", "kind"),
    [
        pytest.param(E, FeedbackKind.RESPONSE, id="employee-response"),
        pytest.param(P, FeedbackKind.REPORT, id="penilai-report"),
        pytest.param(P, FeedbackKind.EVIDENCE, id="penilai-evidence"),
    ],
)
def test_feedback_of_a_kind_its_author_may_not_write_is_refused(
    author: Nip, kind: FeedbackKind
) -> None:
    entry = _entry("fb-9", author, dt.date(2025, 6, 2), kind)
    error = _raises(AuthorityError, lambda: LOGGED.log(entry, at=LATER))
    assert error.rule == "AUTH-FEEDBACK"
    assert error.path == "entry.author"
    assert error.value == author.digits


def test_a_second_entry_with_a_logged_id_is_refused() -> None:
    again = _entry("fb-1", E, dt.date(2025, 6, 2))
    error = _raises(DuplicateError, lambda: LOGGED.log(again, at=LATER))
    assert error.rule == "FEEDBACK-UNIQUE"
    assert error.path == "entry.id"
    assert error.value == "fb-1"


def test_a_reply_to_an_entry_not_in_the_log_is_refused() -> None:
    reply = _entry("fb-9", P, dt.date(2025, 6, 2), FeedbackKind.RESPONSE, replies_to="fb-404")
    error = _raises(InputError, lambda: LOGGED.log(reply, at=LATER))
    assert error.rule == "FEEDBACK-REPLY"
    assert error.path == "entry.replies_to"
    assert error.value == "fb-404"


def test_a_reply_dated_before_the_entry_it_answers_is_refused_when_logged() -> None:
    report = _entry("fb-9", E, dt.date(2025, 6, 10))
    cycle, _ = LOGGED.log(report, at=wib(2025, 6, 10))
    early = _entry("fb-10", P, dt.date(2025, 6, 5), FeedbackKind.RESPONSE, replies_to="fb-9")
    error = _raises(InputError, lambda: cycle.log(early, at=wib(2025, 6, 11)))
    assert error.rule == "FEEDBACK-REPLY"


def test_an_entry_dated_after_it_is_logged_is_refused() -> None:
    entry = _entry("fb-9", E, dt.date(2025, 6, 3))
    error = _raises(LifecycleError, lambda: LOGGED.log(entry, at=wib(2025, 6, 2, 23, 59)))
    assert error.rule == "LIFECYCLE-TIME"
    assert error.path == "entry.on"
    assert error.value == "2025-06-03"
    assert "2025-06-02" in error.message


def test_an_entry_logged_on_its_own_date_is_accepted() -> None:
    entry = _entry("fb-9", E, dt.date(2025, 6, 3))
    cycle, event = LOGGED.log(entry, at=wib(2025, 6, 3, 0, 0))
    assert event.subject == entry
    assert cycle.feedback == (FB1, FB2, entry)


def test_an_entry_of_another_plan_or_outside_the_period_is_refused() -> None:
    other = FeedbackEntry("fb-9", "skp-lain", E, dt.date(2025, 6, 2), FeedbackKind.REPORT, "x")
    error = _raises(InputError, lambda: LOGGED.log(other, at=LATER))
    assert (error.rule, error.path) == ("FEEDBACK-PLAN", "entry.plan_id")
    old = _entry("fb-9", E, dt.date(2024, 12, 31))
    error = _raises(InputError, lambda: LOGGED.log(old, at=LATER))
    assert (error.rule, error.path) == ("FEEDBACK-DATE", "entry.on")
    unknown = _entry("fb-9", E, dt.date(2025, 6, 2), indicator_id="iki-99")
    error = _raises(InputError, lambda: LOGGED.log(unknown, at=LATER))
    assert (error.rule, error.path) == ("FEEDBACK-PLAN", "entry.indicator_id")


def test_log_needs_a_feedback_entry() -> None:
    error = _raises(InputError, lambda: LOGGED.log("laporan", at=LATER))  # type: ignore[arg-type]
    assert (error.rule, error.path) == ("TYPE", "entry")


def test_the_cycle_appraisal_cites_the_entries_dated_in_its_period() -> None:
    # fb-1 (10 Feb) and fb-2 (12 Feb) lie in Q1; fb-3 (2 May) lies in Q2
    cycle = LIFE[7].cycle
    appraisal = cycle.appraise([_pp(Q1)], period=Q1)
    step = next(s for s in appraisal.explanation if s.rule == "6/2022-FEEDBACK")
    assert step.inputs == (
        ("Laporan kinerja pegawai", "1: fb-1"),
        ("Umpan balik pejabat penilai", "1: fb-2"),
    )
    assert step.output == "2 entries cited"
    assert step.note == "1 outside the period"
    assert [s.rule for s in appraisal.explanation][-2:] == ["6/2022-FEEDBACK", "6/2022-MATRIX"]


def test_the_annual_evaluation_cites_the_whole_log() -> None:
    annual = DECIDED.annual
    assert annual is not None
    step = next(s for s in annual.explanation if s.rule == "6/2022-FEEDBACK")
    assert step.inputs == (
        ("Laporan kinerja pegawai", "1: fb-1"),
        ("Umpan balik pejabat penilai", "1: fb-2"),
        ("Bukti dukung", "1: fb-3"),
    )
    assert step.output == "3 entries cited"
    assert step.note == ""


def test_the_q1_evaluation_cited_what_was_logged_by_then() -> None:
    (q1,) = PERIODIC.periodic
    step = next(s for s in q1.explanation if s.rule == "6/2022-FEEDBACK")
    assert step.output == "2 entries cited"
    assert step.note == ""


def test_a_cycle_without_feedback_says_that_no_entry_was_cited() -> None:
    appraisal = BEGUN.appraise([_pp(YEAR)])
    cited = [s for s in appraisal.explanation if s.rule == "6/2022-FEEDBACK"]
    assert [(s.inputs, s.output) for s in cited] == [((), "0 entries cited")]


# --- periodic and annual evaluations --------------------------------------------------------------


def test_a_period_overlapping_one_already_evaluated_is_refused() -> None:
    march = PERIODIC.appraise([_pp(MARCH)], period=MARCH)
    error = _raises(
        LifecycleError, lambda: PERIODIC.evaluate_period(march, by=P, at=wib(2025, 4, 8))
    )
    assert error.rule == "LIFECYCLE-EVALUATION"
    assert error.path == "appraisal.period"
    assert error.value == "2025-03"
    assert "2025-Q1" in error.message


def test_the_next_quarter_is_evaluated_after_the_first() -> None:
    q2 = PERIODIC.appraise([_pp(Q2)], period=Q2)
    # Q2 ends on 30 June 2025; recorded on 1 July
    cycle, _ = PERIODIC.evaluate_period(q2, by=P, at=wib(2025, 7, 1))
    assert cycle.stage is Stage.PERIODIC_EVALUATION
    assert [a.period for a in cycle.periodic] == [Q1, Q2]


def test_the_whole_year_is_not_a_periodic_evaluation() -> None:
    year = BEGUN.appraise([_pp(YEAR)])
    error = _raises(LifecycleError, lambda: BEGUN.evaluate_period(year, by=P, at=LATER))
    assert error.rule == "LIFECYCLE-EVALUATION"
    assert error.path == "appraisal.period"
    assert error.value == "2025"
    assert "evaluate_year()" in (error.fix or "")


def test_a_quarter_is_not_the_annual_evaluation() -> None:
    q1 = BEGUN.appraise([_pp(Q1)], period=Q1)
    error = _raises(LifecycleError, lambda: BEGUN.evaluate_year(q1, by=P, at=LATER))
    assert error.rule == "LIFECYCLE-EVALUATION"
    assert error.path == "appraisal.period"
    assert error.value == "2025-Q1"


def test_an_evaluation_recorded_before_its_period_ends_is_refused() -> None:
    q1 = BEGUN.appraise([_pp(Q1)], period=Q1)
    # Q1 ends on 31 March 2025: 30 March at 23:59 is a day early
    error = _raises(
        LifecycleError, lambda: BEGUN.evaluate_period(q1, by=P, at=wib(2025, 3, 30, 23, 59))
    )
    assert error.rule == "LIFECYCLE-EVALUATION"
    assert error.path == "at"
    assert "2025-03-31" in error.message
    on_the_last_day, _ = BEGUN.evaluate_period(q1, by=P, at=wib(2025, 3, 31, 8))
    assert on_the_last_day.stage is Stage.PERIODIC_EVALUATION


def test_the_annual_evaluation_recorded_before_the_year_ends_is_refused() -> None:
    year = BEGUN.appraise([_pp(YEAR)])
    error = _raises(
        LifecycleError, lambda: BEGUN.evaluate_year(year, by=P, at=wib(2025, 12, 30, 16))
    )
    assert error.rule == "LIFECYCLE-EVALUATION"
    assert error.path == "at"
    assert "2025-12-31" in error.message


def test_an_appraisal_of_another_plan_is_refused() -> None:
    other = _plan(id="skp-lain")
    appraisal = BEGUN.appraise([_pp(YEAR)])
    foreign = attrs.evolve(appraisal, plan=other)
    error = _raises(LifecycleError, lambda: BEGUN.evaluate_year(foreign, by=P, at=LATER))
    assert error.rule == "LIFECYCLE-PLAN"
    assert error.path == "appraisal.plan"
    assert error.value == "skp-lain"


# --- the objection deadline and time --------------------------------------------------------------


def test_receipt_sets_the_deadline_fourteen_calendar_days_later() -> None:
    # received Tuesday 13 January 2026: day 14 is Tuesday 27 January 2026
    assert RECEIVED.objection_deadline == dt.date(2026, 1, 27)
    assert LIFE[10].event.deadline == dt.date(2026, 1, 27)
    assert RECEIVED.received_at == wib(2026, 1, 13, 8)
    assert FINAL.objection_deadline is None


def test_an_objection_on_the_fourteenth_day_is_accepted() -> None:
    assert OBJECTED.stage is Stage.OBJECTED
    assert OBJECTED.objection is not None
    assert OBJECTED.objection.at == wib(2026, 1, 27, 23, 30)


def test_an_objection_on_the_fifteenth_day_is_refused_naming_the_deadline() -> None:
    error = _raises(
        ObjectionDeadlineError,
        lambda: RECEIVED.file_objection("alasan", by=E, at=wib(2026, 1, 28, 0, 0)),
    )
    assert isinstance(error, LifecycleError)
    assert error.rule == "D10-OBJECTION-DEADLINE"
    assert error.path == "at"
    assert error.value == "2026-01-28T00:00:00+07:00"
    assert "2026-01-27" in error.message
    assert "filed on 2026-01-28" in error.message
    assert "14 calendar days from receipt on 2026-01-13" in error.message
    assert "2026-01-27" in (error.fix or "")


def test_the_deadline_is_counted_in_the_time_zone_of_the_receipt() -> None:
    # 23:30 UTC on 27 January is 06:30 WIB on 28 January: too late
    late = _raises(
        ObjectionDeadlineError,
        lambda: RECEIVED.file_objection("alasan", by=E, at=utc(2026, 1, 27, 23, 30)),
    )
    assert "filed on 2026-01-28" in late.message
    # 16:30 UTC on 27 January is 23:30 WIB on 27 January: in time
    in_time, _ = RECEIVED.file_objection("alasan", by=E, at=utc(2026, 1, 27, 16, 30))
    assert in_time.stage is Stage.OBJECTED
    # 00:30 WIT (UTC+9) on 28 January is 22:30 WIB on 27 January: in time
    eastern, _ = RECEIVED.file_objection(
        "alasan", by=E, at=dt.datetime(2026, 1, 28, 0, 30, tzinfo=WIT)
    )
    assert eastern.stage is Stage.OBJECTED


def test_a_receipt_recorded_in_utc_counts_from_the_utc_date() -> None:
    # 20:00 UTC on 13 January (03:00 WIB on the 14th): the deadline is 27 January, and an
    # objection at 23:00 UTC on the 27th (06:00 WIB on the 28th) is still in time
    received, event = FINAL.receive(by=E, at=utc(2026, 1, 13, 20))
    assert event.deadline == dt.date(2026, 1, 27)
    objected, _ = received.file_objection("alasan", by=E, at=utc(2026, 1, 27, 23))
    assert objected.stage is Stage.OBJECTED


@pytest.mark.parametrize(
    ("received_on", "days", "deadline"),
    [
        (dt.date(2026, 1, 13), 1, dt.date(2026, 1, 14)),
        (dt.date(2026, 1, 13), 14, dt.date(2026, 1, 27)),
        (dt.date(2026, 12, 25), 14, dt.date(2027, 1, 8)),  # 6 days to 31 Dec, 8 in January
        (dt.date(2028, 2, 20), 14, dt.date(2028, 3, 5)),  # 2028 is a leap year: 9 to 29 Feb
        (dt.date(2026, 1, 13), 366, dt.date(2027, 1, 14)),  # 2026 has 365 days, then one more
    ],
)
def test_receive_counts_the_objection_days_on_the_calendar(
    received_on: dt.date, days: int, deadline: dt.date
) -> None:
    at = dt.datetime.combine(received_on, dt.time(8), tzinfo=WIB)
    cycle, event = FINAL.receive(by=E, at=at, objection_days=days)
    assert event.deadline == deadline
    assert cycle.objection_deadline == deadline


@pytest.mark.parametrize("days", [0, -1, 367], ids=["zero", "negative", "367"])
def test_receive_refuses_objection_days_outside_one_to_366(days: int) -> None:
    error = _raises(InputError, lambda: FINAL.receive(by=E, at=LATER, objection_days=days))
    assert error.rule == "D10-OBJECTION-DEADLINE"
    assert error.path == "objection_days"
    assert error.value == days
    assert "between 1 and 366" in error.message


@pytest.mark.parametrize("days", [True, 14.0, "14"], ids=["bool", "float", "text"])
def test_receive_refuses_objection_days_that_are_not_whole_numbers(days: object) -> None:
    error = _raises(
        InputError,
        lambda: FINAL.receive(by=E, at=LATER, objection_days=days),  # type: ignore[arg-type]
    )
    assert error.rule == "D10-OBJECTION-DEADLINE"
    assert error.path == "objection_days"


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: SET.accept(by=E, at=dt.datetime(2025, 1, 6, 9)), id="accept"),  # noqa: DTZ001
        pytest.param(lambda: FINAL.receive(by=E, at=dt.datetime(2026, 1, 13, 8)), id="receive"),  # noqa: DTZ001
        pytest.param(
            lambda: PerformanceCycle.draft(PLAN, by=E, at=dt.datetime(2025, 1, 2)),  # noqa: DTZ001
            id="draft",
        ),
    ],
)
def test_a_time_without_its_utc_offset_is_refused(call: Callable[[], object]) -> None:
    error = _raises(InputError, call)
    assert error.rule == "LIFECYCLE-TIME"
    assert error.path == "at"
    assert "UTC offset" in error.message


def test_a_date_is_not_a_time() -> None:
    error = _raises(InputError, lambda: SET.accept(by=E, at=dt.date(2025, 1, 6)))  # type: ignore[arg-type]
    assert (error.rule, error.path) == ("TYPE", "at")


def test_an_event_earlier_than_the_one_before_it_is_refused() -> None:
    error = _raises(LifecycleError, lambda: SET.accept(by=E, at=wib(2025, 1, 3, 8, 59)))
    assert error.rule == "LIFECYCLE-TIME"
    assert error.path == "at"
    assert "2025-01-03T08:59:00+07:00" in error.message
    assert "2025-01-03T09:00:00+07:00" in error.message


def test_events_are_ordered_by_instant_not_by_wall_clock() -> None:
    # set at 23:30 UTC on 3 January = 06:30 WIB on 4 January
    late_set, _ = DRAFTED.set_plan(by=P, at=utc(2025, 1, 3, 23, 30))
    # 00:30 WIB on 4 January is 17:30 UTC on 3 January: earlier, though its date is later
    error = _raises(LifecycleError, lambda: late_set.accept(by=E, at=wib(2025, 1, 4, 0, 30)))
    assert error.rule == "LIFECYCLE-TIME"
    same_instant, _ = late_set.accept(by=E, at=wib(2025, 1, 4, 6, 30))
    assert same_instant.stage is Stage.AGREED


def test_an_event_built_by_hand_needs_an_aware_time() -> None:
    error = _raises(
        InputError,
        lambda: Event(
            sequence=0,
            action=Action.DRAFT,
            actor=E,
            role=PlanRole.EMPLOYEE,
            at=dt.datetime(2025, 1, 2, 9),  # noqa: DTZ001
            stage_before=None,
            stage_after=Stage.DRAFT,
            subject=PLAN,
        ),
    )
    assert (error.rule, error.path) == ("LIFECYCLE-TIME", "at")


# --- the objection's decision ---------------------------------------------------------------------


def test_a_decision_without_new_ratings_upholds_the_result() -> None:
    assert DECIDED.stage is Stage.DECIDED
    assert DECIDED.allowed() == ()
    assert DECIDED.decision is not None
    assert DECIDED.decision.subject is None
    assert DECIDED.decision.note == DECISION_REASONS
    assert DECIDED.result == OBJECTED.result
    assert DECIDED.result_digest == OBJECTED.result_digest == FINAL.result_digest


def test_a_decision_with_the_same_ratings_upholds_the_result() -> None:
    cycle, event = OBJECTED.decide_objection(
        "tetap", by=AT, at=LATER, hasil_kerja=S, perilaku_kerja="sesuai_ekspektasi"
    )
    assert event.subject is None
    assert cycle.result == OBJECTED.result
    assert cycle.result_digest == OBJECTED.result_digest


@pytest.mark.parametrize(
    ("hasil", "perilaku", "predikat", "changed"),
    [
        # hasil Di Atas, perilaku Sesuai -> Baik (only hasil changes)
        (A, None, Predikat.BAIK, ["hasil_kerja"]),
        # hasil Di Atas, perilaku Di Atas -> Sangat Baik
        (A, A, Predikat.SANGAT_BAIK, ["hasil_kerja", "perilaku_kerja"]),
        # hasil Di Bawah, perilaku Di Bawah -> Sangat Kurang
        (B, B, Predikat.SANGAT_KURANG, ["hasil_kerja", "perilaku_kerja"]),
        # hasil Di Bawah, perilaku Sesuai -> Butuh Perbaikan
        (B, None, Predikat.BUTUH_PERBAIKAN, ["hasil_kerja"]),
        # hasil Sesuai, perilaku Di Bawah -> Kurang/Misconduct
        (None, B, Predikat.KURANG, ["perilaku_kerja"]),
    ],
)
def test_a_decision_with_new_ratings_changes_the_result_by_the_matrix(
    hasil: Rating | None, perilaku: Rating | None, predikat: Predikat, changed: list[str]
) -> None:
    cycle, event = OBJECTED.decide_objection(
        "diubah", by=AT, at=LATER, hasil_kerja=hasil, perilaku_kerja=perilaku
    )
    result = cycle.result
    assert result is not None
    assert event.subject == result
    assert result.rating_hasil_kerja is (S if hasil is None else hasil)
    assert result.rating_perilaku_kerja is (S if perilaku is None else perilaku)
    assert result.predikat is predikat
    # the pejabat penilai's evaluation is kept as it was
    assert cycle.annual == OBJECTED.annual
    assert cycle.annual is not None
    assert cycle.annual.predikat is Predikat.BAIK
    # the explanation: the annual steps, then one decision step per changed rating, then
    # the matrix
    old = [s.rule for s in cycle.annual.explanation]
    rules = [s.rule for s in result.explanation]
    assert rules == [*old, *["PP30-59-DECISION"] * len(changed), "6/2022-MATRIX"]
    decisions = [s for s in result.explanation if s.rule == "PP30-59-DECISION"]
    assert [s.dimension for s in decisions] == changed
    for step in decisions:
        assert step.inputs == (
            ("before the objection", "Sesuai Ekspektasi"),
            ("decided by", AT.digits),
        )
    assert result.explanation.steps[-1].output == predikat.label_id
    assert "objection decided by the atasan" in result.reason()
    assert result.reason().endswith(f"→ {predikat.label_id} (matrix 6/2022)")
    # a new result, a new digest: the digest of the decided result's record
    assert cycle.result_digest != OBJECTED.result_digest
    # The result digest leaves out the labels rendered for readers (stable across
    # versions); the seal of dump_appraisal covers them too, so the two differ.
    assert cycle.result_digest == digest(appraisal_record(result, labels=False))
    assert cycle.result_digest != dump_appraisal(result)["integrity"]["digest"]


def test_the_reason_of_a_changed_result_says_who_decided_each_rating() -> None:
    cycle, _ = OBJECTED.decide_objection("diubah", by=AT, at=LATER, hasil_kerja=A)
    assert cycle.result is not None
    assert cycle.result.reason() == (
        "hasil Di Atas (objection decided by the atasan), perilaku Sesuai (pejabat penilai)"
        " → Baik (matrix 6/2022)"
    )


def test_an_objection_and_its_decision_need_reasons() -> None:
    error = _raises(InputError, lambda: RECEIVED.file_objection("  ", by=E, at=LATER))
    assert (error.rule, error.path) == ("PP30-59-OBJECTION", "reasons")
    error = _raises(InputError, lambda: OBJECTED.decide_objection("", by=AT, at=LATER))
    assert (error.rule, error.path) == ("PP30-59-OBJECTION", "reasons")


# --- immutability ---------------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(1, len(LIFE)), ids=[f"#{i}" for i in range(1, len(LIFE))])
def test_a_step_returns_a_new_cycle_one_event_longer_and_leaves_the_old_one(index: int) -> None:
    old, new = LIFE[index - 1].cycle, LIFE[index].cycle
    transition = LIFE[index]
    assert isinstance(transition, Transition)
    assert transition.event is new.events[-1]
    assert transition.cycle is new
    assert len(new.events) == len(old.events) + 1 == index + 1
    assert all(a is b for a, b in zip(new.events, old.events, strict=False))
    assert old.stage is STORY[index - 1][1]
    assert len(old.events) == index


def test_a_cycle_and_its_events_cannot_be_changed_in_place() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DECIDED.events = ()  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DECIDED.events[0].note = "x"  # type: ignore[misc]


def test_two_steps_from_the_same_cycle_branch_without_touching_it() -> None:
    upheld, _ = OBJECTED.decide_objection("tetap", by=AT, at=LATER)
    changed, _ = OBJECTED.decide_objection("ubah", by=AT, at=LATER, hasil_kerja=A)
    assert OBJECTED.stage is Stage.OBJECTED
    assert len(OBJECTED.events) == 12
    assert upheld.events[:12] == changed.events[:12] == OBJECTED.events
    assert upheld.events[12] != changed.events[12]


# --- replay and the digest chain ------------------------------------------------------------------


@pytest.mark.parametrize("index", range(len(LIFE)), ids=[f"#{i}" for i in range(len(LIFE))])
def test_replaying_the_events_gives_the_same_cycle(index: int) -> None:
    cycle = LIFE[index].cycle
    replayed = PerformanceCycle(cycle.events)
    assert replayed == cycle
    for name in (
        "plan",
        "stage",
        "plan_set",
        "feedback",
        "periodic",
        "annual",
        "result",
        "result_digest",
        "received_at",
        "objection_deadline",
        "objection",
        "decision",
        "digest",
    ):
        assert getattr(replayed, name) == getattr(cycle, name), name
    assert replayed.allowed() == cycle.allowed()


def test_replaying_a_changed_decision_gives_the_same_result() -> None:
    cycle, _ = OBJECTED.decide_objection("ubah", by=AT, at=LATER, hasil_kerja=A, perilaku_kerja=A)
    replayed = PerformanceCycle(cycle.events)
    assert replayed.result == cycle.result
    assert replayed.result_digest == cycle.result_digest
    assert replayed.result is not None
    assert replayed.result.predikat is Predikat.SANGAT_BAIK


def test_each_event_names_the_digest_of_the_one_before_it() -> None:
    events = DECIDED.events
    assert events[0].previous_digest == ""
    for previous, event in itertools.pairwise(events):
        assert event.previous_digest == previous.digest


def test_an_events_digest_is_sha256_of_its_canonical_record() -> None:
    event = LIFE[1].event  # the pejabat penilai sets the plan; no subject
    previous = LIFE[0].event.digest.encode()
    body = (
        b'{"action":"set","actor_nip":"197503142000031002","actor_role":"pejabat_penilai",'
        b'"appraisal":null,"at":"2025-01-03T09:00:00+07:00","deadline":null,"feedback":null,'
        b'"note":"","plan":null,"previous_digest":"' + previous + b'","sequence":1,'
        b'"stage_after":"draft","stage_before":"draft"}'
    )
    assert event.digest == hashlib.sha256(body).hexdigest()


def test_the_receipts_digest_covers_its_deadline() -> None:
    event = LIFE[10].event
    previous = LIFE[9].event.digest.encode()
    body = (
        b'{"action":"receive","actor_nip":"198609262015051001","actor_role":"employee",'
        b'"appraisal":null,"at":"2026-01-13T08:00:00+07:00","deadline":"2026-01-27",'
        b'"feedback":null,"note":"","plan":null,"previous_digest":"' + previous + b'",'
        b'"sequence":10,"stage_after":"final","stage_before":"final"}'
    )
    assert event.digest == hashlib.sha256(body).hexdigest()


def test_verify_returns_the_digest_of_the_last_event() -> None:
    assert DECIDED.verify() == DECIDED.digest == DECIDED.events[-1].digest
    assert DRAFTED.verify() == LIFE[0].event.digest
    assert len(DECIDED.verify()) == 64


def test_verify_refuses_an_event_whose_digest_was_overwritten() -> None:
    last = attrs.evolve(DECIDED.events[-1])
    object.__setattr__(last, "digest", "0" * 64)
    cycle = PerformanceCycle((*DECIDED.events[:-1], last))  # the chain before it still holds
    error = _raises(IntegrityError, cycle.verify)
    assert error.rule == "INTEGRITY-CHAIN"
    assert error.path == "events[12].digest"


def test_an_edited_objection_breaks_the_chain_at_the_next_event() -> None:
    events = list(DECIDED.events)
    events[11] = attrs.evolve(events[11], note="Alasan yang diubah kemudian")
    assert events[11].digest != DECIDED.events[11].digest  # the edited event has a new digest
    error = _raises(IntegrityError, lambda: PerformanceCycle(tuple(events)))
    assert error.rule == "INTEGRITY-CHAIN"
    assert error.path == "events[12].previous_digest"


def test_an_edited_deadline_breaks_the_chain_at_the_next_event() -> None:
    events = list(DECIDED.events)
    events[10] = attrs.evolve(events[10], deadline=dt.date(2026, 2, 27))
    error = _raises(IntegrityError, lambda: PerformanceCycle(tuple(events)))
    assert error.rule == "INTEGRITY-CHAIN"
    assert error.path == "events[11].previous_digest"


def test_reordered_events_are_refused() -> None:
    events = list(DECIDED.events)
    events[4], events[5] = events[5], events[4]
    error = _raises(IntegrityError, lambda: PerformanceCycle(tuple(events)))
    assert error.rule == "INTEGRITY-CHAIN"
    assert error.path == "events[4].previous_digest"


def test_a_dropped_event_is_refused() -> None:
    events = DECIDED.events[:7] + DECIDED.events[8:]  # fb-3 removed
    error = _raises(IntegrityError, lambda: PerformanceCycle(events))
    assert error.rule == "INTEGRITY-CHAIN"
    assert error.path == "events[7].previous_digest"


def test_a_renumbered_event_is_refused() -> None:
    events = list(DECIDED.events)
    events[3] = attrs.evolve(events[3], sequence=7)
    error = _raises(LifecycleError, lambda: PerformanceCycle(tuple(events)))
    assert error.rule == "LIFECYCLE-SEQUENCE"
    assert error.path == "events[3].sequence"
    assert error.value == 7


def test_a_log_that_does_not_start_with_the_draft_is_refused() -> None:
    error = _raises(IntegrityError, lambda: PerformanceCycle(DECIDED.events[1:]))
    assert error.rule == "INTEGRITY-CHAIN"
    assert error.path == "events[0].previous_digest"
    error = _raises(LifecycleError, lambda: PerformanceCycle(()))
    assert (error.rule, error.path) == ("LIFECYCLE-TRANSITION", "events")


def test_a_second_draft_in_the_log_is_refused() -> None:
    first = DRAFTED.events[0]
    again = Event(
        sequence=1,
        action=Action.DRAFT,
        actor=E,
        role=PlanRole.EMPLOYEE,
        at=wib(2025, 1, 3),
        stage_before=Stage.DRAFT,
        stage_after=Stage.DRAFT,
        subject=PLAN,
        previous_digest=first.digest,
    )
    error = _raises(LifecycleError, lambda: PerformanceCycle((first, again)))
    assert error.rule == "LIFECYCLE-TRANSITION"
    assert error.path == "events[1].stage"


def test_an_event_claiming_the_wrong_role_is_refused_on_replay() -> None:
    forged = attrs.evolve(LIFE[1].event, role=PlanRole.ATASAN_PEJABAT_PENILAI)
    error = _raises(AuthorityError, lambda: PerformanceCycle((LIFE[0].event, forged)))
    assert error.rule == "AUTH-LIFECYCLE"
    assert error.path == "events[1].role"


def test_a_history_rebuilt_after_an_edit_ends_in_another_digest() -> None:
    # Whoever rewrites the whole chain gets a valid cycle, but not the same last digest:
    # the digest kept outside the log (verify()'s return value) tells them apart.
    edited = attrs.evolve(OBJECTED.events[11], note="Alasan yang diubah kemudian")
    rebuilt = PerformanceCycle((*OBJECTED.events[:11], edited))
    assert rebuilt.verify() != OBJECTED.verify()


def test_a_replayed_receipt_with_an_impossible_deadline_is_refused() -> None:
    forged = Event(
        sequence=10,
        action=Action.RECEIVE,
        actor=E,
        role=PlanRole.EMPLOYEE,
        at=wib(2026, 1, 13, 8),
        stage_before=Stage.FINAL,
        stage_after=Stage.FINAL,
        deadline=dt.date(2036, 1, 13),  # ten years to object
        previous_digest=FINAL.digest,
    )
    error = _raises(InputError, lambda: PerformanceCycle((*FINAL.events, forged)))
    assert error.rule == "D10-OBJECTION-DEADLINE"


def test_a_replayed_decision_that_rewrites_more_than_the_ratings_is_refused() -> None:
    cycle, event = OBJECTED.decide_objection("ubah", by=AT, at=LATER, hasil_kerja=A)
    assert isinstance(event.subject, type(cycle.result))
    rewritten = attrs.evolve(event.subject, assessments=(_pp(YEAR, A, A),))
    forged = attrs.evolve(event, subject=rewritten)
    with pytest.raises(LifecycleError):
        PerformanceCycle((*OBJECTED.events, forged))


# --- history --------------------------------------------------------------------------------------


def test_the_history_cites_each_rule_and_gives_the_reasons() -> None:
    history = DECIDED.history()
    lines = history.splitlines()
    assert lines[0] == (
        "SKP skp-2025-budi: Budi Santoso (198609262015051001), Tahunan 2025; stage:"
        " Keberatan diputuskan (final)"
    )
    for rule in (
        "LIFECYCLE-PLAN",
        "LIFECYCLE-AGREEMENT",
        "LIFECYCLE-MONITORING",
        "LIFECYCLE-EVALUATION",
        "LIFECYCLE-FINAL",
        "D10-OBJECTION-DEADLINE",
        "PP30-59-OBJECTION",
        "PP30-59-DECISION",
    ):
        assert f"[{rule}]" in history, rule
    assert f"      reasons: {OBJECTION_REASONS}" in lines
    assert f"      reasons: {DECISION_REASONS}" in lines
    assert "objection deadline 2026-01-27" in history
    assert "(report fb-1)" in history
    assert "(response fb-2)" in history
    assert "(evidence fb-3)" in history
    assert "(2025-Q1: Baik)" in history
    assert lines[-1] == f"result: Baik; sha256 {DECIDED.result_digest}"
    # one line per event and one rule line per event, plus the reasons of 2 events
    assert len(lines) == 1 + 2 * 13 + 2 + 1


def test_the_history_has_one_numbered_line_per_event() -> None:
    history = RECEIVED.history()
    for event in RECEIVED.events:
        assert f"  #{event.sequence} " in history
    assert "#11" not in history


# --- review findings: stability, hostile times, revisions, anonymity ------------------------------


def test_a_stored_cycle_still_loads_after_a_rule_citation_is_reworded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from asn_performance.boundary.appraisal_document import dump_cycle, load_cycle, to_json
    from asn_performance.services.rulebook import RULEBOOK

    stored = to_json(dump_cycle(DECIDED))
    old = RULEBOOK["6/2022-MATRIX"]
    # A Rule is immutable; the test rewords it behind its back, as a later release would.
    monkeypatch.setitem(old.__dict__, "citation", old.citation + " (reworded)")
    assert RULEBOOK["6/2022-MATRIX"].citation.endswith(" (reworded)")
    # A later release renders another citation; the stored history still replays unchanged.
    assert load_cycle(stored) == DECIDED


class _BrokenZone(dt.tzinfo):
    def utcoffset(self, _moment: dt.datetime | None) -> dt.timedelta:
        raise RuntimeError("no offset")

    def dst(self, _moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)


class _SecondsZone(dt.tzinfo):
    def utcoffset(self, _moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=7, minutes=7, seconds=12)  # Batavia mean time, 1900

    def dst(self, _moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2025, 1, 2, 9, tzinfo=_BrokenZone()),
        dt.datetime(2025, 1, 2, 9, tzinfo=_SecondsZone()),
        dt.datetime(9999, 12, 31, 8, tzinfo=WIB),
        dt.datetime(1, 1, 1, 8, tzinfo=WIB),
    ],
    ids=["broken-zone", "offset-with-seconds", "year-9999", "year-1"],
)
def test_a_time_without_a_usable_offset_or_year_is_refused(moment: dt.datetime) -> None:
    error = _raises(InputError, lambda: PerformanceCycle.draft(PLAN, by=E, at=moment))
    assert (error.rule, error.path) == ("LIFECYCLE-TIME", "at")


def test_a_zone_with_daylight_saving_is_stored_as_its_offset_and_replays() -> None:
    from zoneinfo import ZoneInfo

    from asn_performance.boundary.appraisal_document import dump_cycle, load_cycle

    new_york = ZoneInfo("America/New_York")
    cycle = PerformanceCycle.draft(PLAN, by=E, at=dt.datetime(2025, 3, 10, 9, tzinfo=new_york))
    # 10 March 2025 is after the switch to daylight time: UTC-4.
    assert cycle.cycle.events[0].at.utcoffset() == dt.timedelta(hours=-4)
    assert load_cycle(dump_cycle(cycle.cycle)) == cycle.cycle


@pytest.mark.parametrize(
    "change",
    [
        {"atasan_pejabat_penilai": OUTSIDER},
        {"atasan_pejabat_penilai": None},
        {"period": Period.annual(2026)},
    ],
    ids=["another-atasan", "no-atasan", "another-period"],
)
def test_a_revision_keeps_the_people_and_the_period(change: dict[str, object]) -> None:
    revised = attrs.evolve(PLAN, **change)
    error = _raises(LifecycleError, lambda: DRAFTED.revise(revised, by=E, at=wib(2025, 1, 3)))
    assert (error.rule, error.path) == ("LIFECYCLE-PLAN", "plan")


def test_a_corrected_annual_evaluation_with_other_anonymous_input_is_refused() -> None:
    peers = [
        Employee(Nip(f"1990010120190320{n:02d}"), f"Rekan {n}", ANALYST, UNIT_NAME, PENILAI.nip)
        for n in (11, 12, 13, 14)
    ]

    def peer(person: Employee, rating: Rating) -> Assessment:
        return Assessment(
            PLAN.id, AssessorRole.PEER, person.nip, dt.date(2026, 1, 8), YEAR,
            hasil_kerja=rating, perilaku_kerja=rating,
        )  # fmt: skip

    three = [peer(p, Rating.DI_ATAS) for p in peers[:3]]
    first = BEGUN.appraise([_pp(YEAR), *three])
    annual = BEGUN.evaluate_year(first, by=P, at=wib(2026, 1, 12)).cycle
    # The same anonymous input with a corrected named source: accepted.
    same = annual.appraise([_pp(YEAR, hasil=Rating.DI_ATAS), *three])
    assert annual.evaluate_year(same, by=P, at=wib(2026, 1, 13)).cycle.annual == same
    # A fourth, late peer: comparing the two versions would show what that peer said.
    late = annual.appraise([_pp(YEAR), *three, peer(peers[3], Rating.DI_BAWAH)])
    error = _raises(LifecycleError, lambda: annual.evaluate_year(late, by=P, at=wib(2026, 1, 13)))
    assert error.rule == "G-ANONYMITY"


def test_the_cycle_cites_its_own_log_and_refuses_another() -> None:
    error = _raises(InputError, lambda: LOGGED.appraise([_pp(YEAR)], feedback=[]))
    assert (error.rule, error.path) == ("LIFECYCLE-SUBJECT", "feedback")


def test_an_event_appraisal_with_a_seal_of_its_own_is_refused() -> None:
    from asn_performance.boundary.appraisal_document import dump_cycle, load_cycle
    from asn_performance.exceptions import SchemaError

    data = dump_cycle(ANNUAL)
    del data["integrity"]
    data["events"][8]["appraisal"]["integrity"] = {
        "algorithm": "sha256",
        "canonical": "asn-performance-json/1",
        "digest": "0" * 64,
    }
    error = _raises(SchemaError, lambda: load_cycle(data))
    assert error.path == "$.events[8].appraisal.integrity"


def test_reasons_with_a_lone_surrogate_are_refused_at_the_field() -> None:
    error = _raises(
        InputError, lambda: RECEIVED.file_objection("alasan \ud800", by=E, at=wib(2026, 1, 14))
    )
    assert (error.rule, error.path) == ("TEXT", "note")
