"""The story shared by the lifecycle tests (tests/unit/process/test_stages.py, test_events.py,
test_steps.py, test_cycle.py): its people, plan and the life of one SKP, one event per line.

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
from collections.abc import Callable
from typing import TypeVar

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
    Rating,
    Target,
    WorkResult,
)
from asn_performance.domain.feedback import FeedbackEntry, FeedbackKind
from asn_performance.process.lifecycle import (
    WIB,
    Action,
    PerformanceCycle,
    Stage,
    Transition,
)

UTC = dt.UTC
ErrorT = TypeVar("ErrorT", bound=BaseException)
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


def make_plan(**overrides: object) -> PerformancePlan:
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


PLAN = make_plan()


def wib(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=WIB)


def utc(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def pp_assessment(period: Period, hasil: Rating = S, perilaku: Rating = S) -> Assessment:
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


def make_entry(
    ident: str,
    author: Nip,
    on: dt.date,
    kind: FeedbackKind = FeedbackKind.REPORT,
    **extra: object,
) -> FeedbackEntry:
    return FeedbackEntry(ident, PLAN.id, author, on, kind, f"catatan {ident}", **extra)  # type: ignore[arg-type]


FB1 = make_entry("fb-1", E, dt.date(2025, 2, 10), indicator_id="iki-1")
FB2 = make_entry("fb-2", P, dt.date(2025, 2, 12), FeedbackKind.RESPONSE, replies_to="fb-1")
FB3 = make_entry(
    "fb-3", E, dt.date(2025, 5, 2), FeedbackKind.EVIDENCE, link="https://e-kinerja.example/fb-3"
)
OBJECTION_REASONS = "Realisasi iki-1 sudah 4 dokumen; bukti dukung terlampir"
DECISION_REASONS = "Bukti dukung sudah dinilai pejabat penilai; hasil tetap"


def make_life() -> tuple[Transition, ...]:
    life = [PerformanceCycle.draft(PLAN, by=E, at=wib(2025, 1, 2))]

    def step(make: Callable[[PerformanceCycle], Transition]) -> None:
        life.append(make(life[-1].cycle))

    step(lambda c: c.set_plan(by=P, at=wib(2025, 1, 3)))
    step(lambda c: c.accept(by=E, at=wib(2025, 1, 6)))
    step(lambda c: c.begin(by=E, at=wib(2025, 1, 6, 10)))
    step(lambda c: c.log(FB1, at=wib(2025, 2, 10, 16)))
    step(lambda c: c.log(FB2, at=wib(2025, 2, 12)))
    step(
        lambda c: c.evaluate_period(
            c.appraise([pp_assessment(Q1)], period=Q1), by=P, at=wib(2025, 4, 7)
        )
    )
    step(lambda c: c.log(FB3, at=wib(2025, 5, 2)))
    step(lambda c: c.evaluate_year(c.appraise([pp_assessment(YEAR)]), by=P, at=wib(2026, 1, 12)))
    step(lambda c: c.finalise(by=P, at=wib(2026, 1, 12, 10)))
    step(lambda c: c.receive(by=E, at=wib(2026, 1, 13, 8)))
    step(lambda c: c.file_objection(OBJECTION_REASONS, by=E, at=wib(2026, 1, 27, 23, 30)))
    step(lambda c: c.decide_objection(DECISION_REASONS, by=AT, at=wib(2026, 2, 2)))
    return tuple(life)


LIFE = make_life()
DRAFTED, SET, AGREED, BEGUN = (LIFE[i].cycle for i in range(4))
LOGGED, PERIODIC, ANNUAL, FINAL = LIFE[5].cycle, LIFE[6].cycle, LIFE[8].cycle, LIFE[9].cycle
RECEIVED, OBJECTED, DECIDED = LIFE[10].cycle, LIFE[11].cycle, LIFE[12].cycle
LATER = wib(2026, 3, 2)  # after every event of the story

#: The work stages allow a revision of the agreed plan too (issue 13 item 1); its set and
#: accept only while one is pending (tests/unit/process/test_revision.py).
WORK = (Action.LOG, Action.EVALUATE_PERIOD, Action.EVALUATE_YEAR, Action.REVISE)
#: Per event of the story: the action, the stage after it, and what the stage then allows,
#: read from the issue (a draft is set before it is accepted; the result is received before
#: an objection; a decided objection is final).
STORY: tuple[tuple[Action, Stage, tuple[Action, ...]], ...] = (
    (Action.DRAFT, Stage.DRAFT, (Action.REVISE, Action.SET)),
    (Action.SET, Stage.DRAFT, (Action.REVISE, Action.ACCEPT)),
    (Action.ACCEPT, Stage.AGREED, (Action.BEGIN,)),
    (Action.BEGIN, Stage.IN_PROGRESS, WORK),
    (Action.LOG, Stage.IN_PROGRESS, WORK),
    (Action.LOG, Stage.IN_PROGRESS, WORK),
    (Action.EVALUATE_PERIOD, Stage.PERIODIC_EVALUATION, WORK),
    (Action.LOG, Stage.PERIODIC_EVALUATION, WORK),
    (Action.EVALUATE_YEAR, Stage.ANNUAL_EVALUATION, (Action.EVALUATE_YEAR, Action.FINALISE)),
    (Action.FINALISE, Stage.FINAL, (Action.RECEIVE,)),
    (Action.RECEIVE, Stage.FINAL, (Action.OBJECT,)),
    (Action.OBJECT, Stage.OBJECTED, (Action.DECIDE,)),
    (Action.DECIDE, Stage.DECIDED, ()),
)


def raises(kind: type[ErrorT], call: Callable[[], object]) -> ErrorT:
    with pytest.raises(kind) as caught:
        call()
    return caught.value


CYCLES_BY_STAGE: tuple[tuple[str, PerformanceCycle], ...] = (
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
        make_entry(
            "fb-9",
            by,
            dt.date(2025, 6, 2),
            FeedbackKind.RESPONSE if by == P else FeedbackKind.REPORT,
        ),
        at=LATER,
    ),
    Action.EVALUATE_PERIOD: lambda c, by: c.evaluate_period(
        c.appraise([pp_assessment(Q2)], period=Q2), by=by, at=LATER
    ),
    Action.EVALUATE_YEAR: lambda c, by: c.evaluate_year(
        c.appraise([pp_assessment(YEAR)]), by=by, at=LATER
    ),
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
