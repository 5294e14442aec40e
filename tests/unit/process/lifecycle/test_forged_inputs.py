"""Issue 10, section 4 (lifecycle): the cycle accepts only what its own steps could produce.

Each test reproduces a defect found in the cycle as it was: an appraisal changed with
``attrs.evolve`` (named peers, ratings the assessment does not give) was recorded and sealed;
the employee chose the objection window; a receipt dated in 2099 was accepted; days were
counted in the offset each event carried, and offsets up to +-23:59 were accepted. Expected
values are worked by hand in the comments (the story's times are in lifecycle_story.py).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from lifecycle_story import (
    FINAL,
    LIFE,
    OUTSIDER,
    PEER,
    RECEIVED,
    YEAR,
    A,
    B,
    E,
    P,
    S,
    pp_assessment,
    raises,
    wib,
)

from asn_performance import Assessment, AssessorRole, Predikat
from asn_performance.exceptions import InputError, LifecycleError, ObjectionDeadlineError
from asn_performance.process.lifecycle import Event, PerformanceCycle, PlanRole, Stage
from asn_performance.process.lifecycle.stages import Action

#: After fb-3 was logged (#7): the next step of the story is the annual evaluation.
BEFORE_ANNUAL = LIFE[7].cycle
ANNUAL_AT = wib(2026, 1, 12)


def annual(hasil: object = S, perilaku: object = S):  # type: ignore[no-untyped-def]
    return BEFORE_ANNUAL.appraise([pp_assessment(YEAR, hasil, perilaku)])  # type: ignore[arg-type]


def replayed(subject: object) -> PerformanceCycle:
    """A stored log whose annual evaluation (#8) carries ``subject``, with a sound chain."""
    last = BEFORE_ANNUAL.events[-1]
    event = Event(
        sequence=8,
        action=Action.EVALUATE_YEAR,
        actor=P,
        role=PlanRole.PEJABAT_PENILAI,
        at=ANNUAL_AT,
        stage_before=Stage.PERIODIC_EVALUATION,
        stage_after=Stage.ANNUAL_EVALUATION,
        subject=subject,  # type: ignore[arg-type]
        previous_digest=last.digest,
    )
    return PerformanceCycle((*BEFORE_ANNUAL.events, event))


def named_peer(nip: object) -> Assessment:
    return Assessment(
        plan_id=BEFORE_ANNUAL.plan.id,
        role=AssessorRole.PEER,
        assessor=nip,  # type: ignore[arg-type]
        given_on=YEAR.end,
        period=YEAR,
        perilaku_kerja=B,
    )


# --- appraisals appraise() could not have produced -------------------------------------------


def test_an_appraisal_with_named_peers_is_refused() -> None:
    """Reproduces: two named peers added with attrs.evolve were recorded with their NIPs."""
    genuine = annual()
    forged = attrs.evolve(
        genuine, assessments=(*genuine.assessments, named_peer(PEER.nip), named_peer(OUTSIDER.nip))
    )
    error = raises(LifecycleError, lambda: BEFORE_ANNUAL.evaluate_year(forged, by=P, at=ANNUAL_AT))
    assert error.rule == "G-ANONYMITY"
    assert error.path == "appraisal.assessments[1].assessor"
    assert error.value == PEER.nip.digits
    stored = raises(LifecycleError, lambda: replayed(forged))
    assert stored.rule == "G-ANONYMITY"
    assert stored.path == "events[8].appraisal.assessments[1].assessor"


def test_ratings_changed_against_the_explanation_are_refused() -> None:
    """Reproduces: Di Bawah / Di Bawah / Sangat Kurang evolved onto an appraisal whose
    explanation ends (Di Atas, Sesuai) -> Baik was sealed."""
    genuine = annual(A, S)  # matrix (Di Atas, Sesuai): Baik
    assert genuine.predikat is Predikat.BAIK
    forged = attrs.evolve(
        genuine,
        rating_hasil_kerja=B,
        rating_perilaku_kerja=B,
        predikat=Predikat.SANGAT_KURANG,  # matrix (Di Bawah, Di Bawah): Sangat Kurang
    )
    error = raises(LifecycleError, lambda: BEFORE_ANNUAL.evaluate_year(forged, by=P, at=ANNUAL_AT))
    assert error.rule == "LIFECYCLE-DERIVATION"
    assert error.path == "appraisal.predikat"
    assert "Baik" in error.message
    assert raises(LifecycleError, lambda: replayed(forged)).path == "events[8].appraisal.predikat"


def test_a_rewritten_matrix_step_does_not_hide_the_deciding_step() -> None:
    """Reproduces: ratings and the matrix step rewritten together were accepted although the
    D2 step still decides hasil kerja as Di Atas."""
    genuine = annual(A, S)
    steps = genuine.explanation.steps
    matrix = steps[-1]._replace(
        inputs=(("rating hasil kerja", B.label_id), ("rating perilaku kerja", S.label_id)),
        output=Predikat.BUTUH_PERBAIKAN.label_id,  # matrix (Di Bawah, Sesuai)
    )
    forged = attrs.evolve(
        genuine,
        rating_hasil_kerja=B,
        predikat=Predikat.BUTUH_PERBAIKAN,
        explanation=attrs.evolve(genuine.explanation, steps=(*steps[:-1], matrix)),
    )
    error = raises(LifecycleError, lambda: BEFORE_ANNUAL.evaluate_year(forged, by=P, at=ANNUAL_AT))
    assert error.rule == "LIFECYCLE-DERIVATION"
    assert error.path == "appraisal.rating_hasil_kerja"


def test_a_rewritten_explanation_does_not_hide_the_pejabat_penilais_assessment() -> None:
    """Reproduces: an appraisal whose whole explanation says Di Bawah while the pejabat
    penilai's assessment under the default policy says Di Atas was accepted."""
    genuine = annual(A, S)
    rewritten = annual(B, S).explanation  # (Di Bawah, Sesuai): Butuh Perbaikan
    forged = attrs.evolve(
        genuine,
        rating_hasil_kerja=B,
        predikat=Predikat.BUTUH_PERBAIKAN,
        explanation=rewritten,
    )
    error = raises(LifecycleError, lambda: BEFORE_ANNUAL.evaluate_year(forged, by=P, at=ANNUAL_AT))
    assert error.rule == "LIFECYCLE-DERIVATION"
    assert error.path == "appraisal.rating_hasil_kerja"
    assert "Di Atas" in error.message


def test_the_genuine_appraisal_is_recorded() -> None:
    cycle, _ = BEFORE_ANNUAL.evaluate_year(annual(A, S), by=P, at=ANNUAL_AT)
    assert cycle.annual is not None
    assert cycle.annual.predikat is Predikat.BAIK
    assert replayed(annual(A, S)).stage is Stage.ANNUAL_EVALUATION


# --- the objection window is the library's -------------------------------------------------------


def test_the_employee_cannot_choose_the_objection_window() -> None:
    """Reproduces: receive(objection_days=366) was accepted."""
    with pytest.raises(TypeError):
        FINAL.receive(by=E, at=wib(2026, 1, 13, 8), objection_days=366)  # type: ignore[call-arg]


def test_a_stored_receipt_with_a_longer_window_is_refused() -> None:
    """Reproduces: a stored receipt whose deadline lay 366 days on was replayed."""
    good = RECEIVED.events[10]
    forged = attrs.evolve(good, deadline=dt.date(2027, 1, 14))  # 13 Jan 2026 + 366 days
    error = raises(InputError, lambda: PerformanceCycle((*FINAL.events, forged)))
    assert error.rule == "D10-OBJECTION-DEADLINE"
    assert error.path == "events[10].deadline"
    assert "2026-01-27" in error.message  # 13 January + 14 days


def test_a_receipt_in_the_future_is_refused() -> None:
    """Reproduces: a receipt dated 2099 was accepted."""
    error = raises(LifecycleError, lambda: FINAL.receive(by=E, at=wib(2099, 1, 1)))
    assert error.rule == "D10-OBJECTION-DEADLINE"
    assert error.path == "at"


# --- days are counted in WIB, offsets are real ---------------------------------------------------

CET = dt.timezone(dt.timedelta(hours=1))  # a winter offset (Central Europe)
CEST = dt.timezone(dt.timedelta(hours=2))  # its summer offset


def test_the_deadline_ignores_a_change_of_offset() -> None:
    """Reproduces: a receipt in winter time and an objection at 00:30 local (summer time) on
    day 15 was accepted, because the day was read in the receipt's offset."""
    # 20 March 2026 10:00 +01:00 is 16:00 WIB on 20 March: deadline 3 April
    received, event = FINAL.receive(by=E, at=dt.datetime(2026, 3, 20, 10, tzinfo=CET))
    assert event.deadline == dt.date(2026, 4, 3)
    # 4 April 00:30 +02:00 is 05:30 WIB on 4 April: late
    late = raises(
        ObjectionDeadlineError,
        lambda: received.file_objection(
            "alasan", by=E, at=dt.datetime(2026, 4, 4, 0, 30, tzinfo=CEST)
        ),
    )
    assert "filed on 2026-04-04" in late.message
    # 3 April 18:00 +02:00 is 23:00 WIB on 3 April: in time
    in_time, _ = received.file_objection(
        "alasan", by=E, at=dt.datetime(2026, 4, 3, 18, tzinfo=CEST)
    )
    assert in_time.stage is Stage.OBJECTED


@pytest.mark.parametrize(
    "offset",
    [
        dt.timedelta(hours=23, minutes=59),
        dt.timedelta(hours=14, minutes=1),
        -dt.timedelta(hours=12, minutes=1),
        -dt.timedelta(hours=23, minutes=59),
    ],
    ids=["+23:59", "+14:01", "-12:01", "-23:59"],
)
def test_offsets_outside_civil_time_are_refused(offset: dt.timedelta) -> None:
    """Reproduces: offsets up to +-23:59 were accepted."""
    at = dt.datetime(2025, 12, 31, 0, 59, tzinfo=dt.timezone(offset))
    error = raises(InputError, lambda: BEFORE_ANNUAL.evaluate_year(annual(), by=P, at=at))
    assert error.rule == "LIFECYCLE-TIME"
    assert error.path == "at"


def test_an_evaluation_is_after_the_period_in_wib() -> None:
    """Reproduces: 31 Dec 2025 00:59 +14:00 passed "after the period ends" (its own date is
    31 December), though in WIB it is 30 December 17:59."""
    at = dt.datetime(2025, 12, 31, 0, 59, tzinfo=dt.timezone(dt.timedelta(hours=14)))
    error = raises(LifecycleError, lambda: BEFORE_ANNUAL.evaluate_year(annual(), by=P, at=at))
    assert error.rule == "LIFECYCLE-EVALUATION"
    # -12:00 is a real offset: 31 Dec 2025 05:00 -12:00 is 1 January 2026 00:00 WIB
    west = dt.datetime(2025, 12, 31, 5, tzinfo=dt.timezone(-dt.timedelta(hours=12)))
    cycle, _ = BEFORE_ANNUAL.evaluate_year(annual(), by=P, at=west)
    assert cycle.stage is Stage.ANNUAL_EVALUATION
