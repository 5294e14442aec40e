"""Tests for :mod:`asn_performance.process.lifecycle.steps`: the rules of each step: the feedback
log, periodic and annual evaluations, the objection deadline, the decision, revisions and
anonymity.

The story they share (people, plan, one event per line) is in ``lifecycle_story.py``.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from lifecycle_story import (
    ANALYST,
    AT,
    BEGUN,
    DECIDED,
    DECISION_REASONS,
    DRAFTED,
    FB1,
    FB2,
    FINAL,
    LATER,
    LIFE,
    LOGGED,
    MARCH,
    OBJECTED,
    OUTSIDER,
    PENILAI,
    PERIODIC,
    PLAN,
    Q1,
    Q2,
    RECEIVED,
    UNIT_NAME,
    YEAR,
    A,
    B,
    E,
    P,
    S,
    make_entry,
    make_plan,
    pp_assessment,
    raises,
    utc,
    wib,
)

from asn_performance import (
    Assessment,
    AssessorRole,
    Employee,
    Nip,
    Period,
    Predikat,
    Rating,
)
from asn_performance.boundary.appraisal_document import dump_appraisal
from asn_performance.domain.feedback import FeedbackEntry, FeedbackKind
from asn_performance.exceptions import (
    AuthorityError,
    DuplicateError,
    InputError,
    LifecycleError,
    ObjectionDeadlineError,
)
from asn_performance.process.integrity import digest
from asn_performance.process.lifecycle import (
    WIB,
    WIT,
    Stage,
)
from asn_performance.process.lifecycle.settings import DEFAULT_SETTINGS
from asn_performance.process.lifecycle.steps import objection_deadline

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
    entry = make_entry("fb-9", author, dt.date(2025, 6, 2), kind)
    error = raises(AuthorityError, lambda: LOGGED.log(entry, at=LATER))
    assert error.rule == "AUTH-FEEDBACK"
    assert error.path == "entry.author"
    assert error.value == author.digits


def test_a_second_entry_with_a_logged_id_is_refused() -> None:
    again = make_entry("fb-1", E, dt.date(2025, 6, 2))
    error = raises(DuplicateError, lambda: LOGGED.log(again, at=LATER))
    assert error.rule == "FEEDBACK-UNIQUE"
    assert error.path == "entry.id"
    assert error.value == "fb-1"


def test_a_reply_to_an_entry_not_in_the_log_is_refused() -> None:
    reply = make_entry("fb-9", P, dt.date(2025, 6, 2), FeedbackKind.RESPONSE, replies_to="fb-404")
    error = raises(InputError, lambda: LOGGED.log(reply, at=LATER))
    assert error.rule == "FEEDBACK-REPLY"
    assert error.path == "entry.replies_to"
    assert error.value == "fb-404"


def test_a_reply_dated_before_the_entry_it_answers_is_refused_when_logged() -> None:
    report = make_entry("fb-9", E, dt.date(2025, 6, 10))
    cycle, _ = LOGGED.log(report, at=wib(2025, 6, 10))
    early = make_entry("fb-10", P, dt.date(2025, 6, 5), FeedbackKind.RESPONSE, replies_to="fb-9")
    error = raises(InputError, lambda: cycle.log(early, at=wib(2025, 6, 11)))
    assert error.rule == "FEEDBACK-REPLY"


def test_an_entry_dated_after_it_is_logged_is_refused() -> None:
    entry = make_entry("fb-9", E, dt.date(2025, 6, 3))
    error = raises(LifecycleError, lambda: LOGGED.log(entry, at=wib(2025, 6, 2, 23, 59)))
    assert error.rule == "LIFECYCLE-TIME"
    assert error.path == "entry.on"
    assert error.value == "2025-06-03"
    assert "2025-06-02" in error.message


def test_an_entry_logged_on_its_own_date_is_accepted() -> None:
    entry = make_entry("fb-9", E, dt.date(2025, 6, 3))
    cycle, event = LOGGED.log(entry, at=wib(2025, 6, 3, 0, 0))
    assert event.subject == entry
    assert cycle.feedback == (FB1, FB2, entry)


def test_an_entry_of_another_plan_or_outside_the_period_is_refused() -> None:
    other = FeedbackEntry("fb-9", "skp-lain", E, dt.date(2025, 6, 2), FeedbackKind.REPORT, "x")
    error = raises(InputError, lambda: LOGGED.log(other, at=LATER))
    assert (error.rule, error.path) == ("FEEDBACK-PLAN", "entry.plan_id")
    old = make_entry("fb-9", E, dt.date(2024, 12, 31))
    error = raises(InputError, lambda: LOGGED.log(old, at=LATER))
    assert (error.rule, error.path) == ("FEEDBACK-DATE", "entry.on")
    unknown = make_entry("fb-9", E, dt.date(2025, 6, 2), indicator_id="iki-99")
    error = raises(InputError, lambda: LOGGED.log(unknown, at=LATER))
    assert (error.rule, error.path) == ("FEEDBACK-PLAN", "entry.indicator_id")


def test_log_needs_a_feedback_entry() -> None:
    error = raises(InputError, lambda: LOGGED.log("laporan", at=LATER))  # type: ignore[arg-type]
    assert (error.rule, error.path) == ("TYPE", "entry")


def test_the_cycle_appraisal_cites_the_entries_dated_in_its_period() -> None:
    # fb-1 (10 Feb) and fb-2 (12 Feb) lie in Q1; fb-3 (2 May) lies in Q2
    cycle = LIFE[7].cycle
    appraisal = cycle.appraise([pp_assessment(Q1)], period=Q1)
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
    appraisal = BEGUN.appraise([pp_assessment(YEAR)])
    cited = [s for s in appraisal.explanation if s.rule == "6/2022-FEEDBACK"]
    assert [(s.inputs, s.output) for s in cited] == [((), "0 entries cited")]


# --- periodic and annual evaluations --------------------------------------------------------------


def test_a_period_overlapping_one_already_evaluated_is_refused() -> None:
    march = PERIODIC.appraise([pp_assessment(MARCH)], period=MARCH)
    error = raises(
        LifecycleError, lambda: PERIODIC.evaluate_period(march, by=P, at=wib(2025, 4, 8))
    )
    assert error.rule == "LIFECYCLE-EVALUATION"
    assert error.path == "appraisal.period"
    assert error.value == "2025-03"
    assert "2025-Q1" in error.message


def test_the_next_quarter_is_evaluated_after_the_first() -> None:
    q2 = PERIODIC.appraise([pp_assessment(Q2)], period=Q2)
    # Q2 ends on 30 June 2025; recorded on 1 July
    cycle, _ = PERIODIC.evaluate_period(q2, by=P, at=wib(2025, 7, 1))
    assert cycle.stage is Stage.PERIODIC_EVALUATION
    assert [a.period for a in cycle.periodic] == [Q1, Q2]


def test_the_whole_year_is_not_a_periodic_evaluation() -> None:
    year = BEGUN.appraise([pp_assessment(YEAR)])
    error = raises(LifecycleError, lambda: BEGUN.evaluate_period(year, by=P, at=LATER))
    assert error.rule == "LIFECYCLE-EVALUATION"
    assert error.path == "appraisal.period"
    assert error.value == "2025"
    assert "evaluate_year()" in (error.fix or "")


def test_a_quarter_is_not_the_annual_evaluation() -> None:
    q1 = BEGUN.appraise([pp_assessment(Q1)], period=Q1)
    error = raises(LifecycleError, lambda: BEGUN.evaluate_year(q1, by=P, at=LATER))
    assert error.rule == "LIFECYCLE-EVALUATION"
    assert error.path == "appraisal.period"
    assert error.value == "2025-Q1"


def test_an_evaluation_recorded_before_its_period_ends_is_refused() -> None:
    q1 = BEGUN.appraise([pp_assessment(Q1)], period=Q1)
    # Q1 ends on 31 March 2025: 30 March at 23:59 is a day early
    error = raises(
        LifecycleError, lambda: BEGUN.evaluate_period(q1, by=P, at=wib(2025, 3, 30, 23, 59))
    )
    assert error.rule == "LIFECYCLE-EVALUATION"
    assert error.path == "at"
    assert "2025-03-31" in error.message
    on_the_last_day, _ = BEGUN.evaluate_period(q1, by=P, at=wib(2025, 3, 31, 8))
    assert on_the_last_day.stage is Stage.PERIODIC_EVALUATION


def test_the_annual_evaluation_recorded_before_the_year_ends_is_refused() -> None:
    year = BEGUN.appraise([pp_assessment(YEAR)])
    error = raises(
        LifecycleError, lambda: BEGUN.evaluate_year(year, by=P, at=wib(2025, 12, 30, 16))
    )
    assert error.rule == "LIFECYCLE-EVALUATION"
    assert error.path == "at"
    assert "2025-12-31" in error.message


def test_an_appraisal_of_another_plan_is_refused() -> None:
    other = make_plan(id="skp-lain")
    appraisal = BEGUN.appraise([pp_assessment(YEAR)])
    foreign = attrs.evolve(appraisal, plan=other)
    error = raises(LifecycleError, lambda: BEGUN.evaluate_year(foreign, by=P, at=LATER))
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
    error = raises(
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
    late = raises(
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


def test_a_receipt_recorded_in_utc_counts_from_the_day_in_wib() -> None:
    # 20:00 UTC on 13 January is 03:00 WIB on the 14th: the deadline is 14 days after the
    # 14th, 28 January, and an objection at 23:00 UTC on the 27th (06:00 WIB on the 28th) is
    # in time; one at 17:00 UTC on the 28th (00:00 WIB on the 29th) is late
    received, event = FINAL.receive(by=E, at=utc(2026, 1, 13, 20))
    assert event.deadline == dt.date(2026, 1, 28)
    objected, _ = received.file_objection("alasan", by=E, at=utc(2026, 1, 27, 23))
    assert objected.stage is Stage.OBJECTED
    late = raises(
        ObjectionDeadlineError,
        lambda: received.file_objection("alasan", by=E, at=utc(2026, 1, 28, 17)),
    )
    assert "filed on 2026-01-29" in late.message


@pytest.mark.parametrize(
    ("received_on", "deadline"),
    [
        (dt.date(2026, 1, 13), dt.date(2026, 1, 27)),
        (dt.date(2026, 12, 25), dt.date(2027, 1, 8)),  # 6 days to 31 Dec, 8 in January
        (dt.date(2028, 2, 20), dt.date(2028, 3, 5)),  # 2028 is a leap year: 9 to 29 Feb
    ],
)
def test_receive_counts_the_objection_days_on_the_calendar(
    received_on: dt.date, deadline: dt.date
) -> None:
    # receive() records this deadline (the story's receipt on 13 January: RECEIVED)
    received = dt.datetime.combine(received_on, dt.time(8), tzinfo=WIB)
    assert objection_deadline(received, DEFAULT_SETTINGS) == deadline
    assert RECEIVED.objection_deadline == dt.date(2026, 1, 27)


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
    assert cycle.result_digest == digest(result.to_dict(labels=False))
    assert cycle.result_digest != dump_appraisal(result)["integrity"]["digest"]


def test_the_reason_of_a_changed_result_says_who_decided_each_rating() -> None:
    cycle, _ = OBJECTED.decide_objection("diubah", by=AT, at=LATER, hasil_kerja=A)
    assert cycle.result is not None
    assert cycle.result.reason() == (
        "hasil Di Atas (objection decided by the atasan), perilaku Sesuai (pejabat penilai)"
        " → Baik (matrix 6/2022)"
    )


def test_an_objection_and_its_decision_need_reasons() -> None:
    error = raises(InputError, lambda: RECEIVED.file_objection("  ", by=E, at=LATER))
    assert (error.rule, error.path) == ("PP30-59-OBJECTION", "reasons")
    error = raises(InputError, lambda: OBJECTED.decide_objection("", by=AT, at=LATER))
    assert (error.rule, error.path) == ("PP30-59-OBJECTION", "reasons")


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
    error = raises(LifecycleError, lambda: DRAFTED.revise(revised, by=E, at=wib(2025, 1, 3)))
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
    first = BEGUN.appraise([pp_assessment(YEAR), *three])
    annual = BEGUN.evaluate_year(first, by=P, at=wib(2026, 1, 12)).cycle
    # The same anonymous input with a corrected named source: accepted.
    same = annual.appraise([pp_assessment(YEAR, hasil=Rating.DI_ATAS), *three])
    assert annual.evaluate_year(same, by=P, at=wib(2026, 1, 13)).cycle.annual == same
    # A fourth, late peer: comparing the two versions would show what that peer said.
    late = annual.appraise([pp_assessment(YEAR), *three, peer(peers[3], Rating.DI_BAWAH)])
    error = raises(LifecycleError, lambda: annual.evaluate_year(late, by=P, at=wib(2026, 1, 13)))
    assert error.rule == "G-ANONYMITY"
