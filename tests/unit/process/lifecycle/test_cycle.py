"""Tests for :mod:`asn_performance.process.lifecycle.cycle`: the cycle as a whole: the story's
happy path, immutability, replay and the digest chain, the history.

The story they share (people, plan, one event per line) is in ``lifecycle_story.py``.
"""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from lifecycle_story import (
    AGREED,
    ANNUAL,
    AT,
    BEGUN,
    DECIDED,
    DECISION_REASONS,
    DRAFTED,
    FB1,
    FB2,
    FB3,
    FINAL,
    LATER,
    LIFE,
    LOGGED,
    OBJECTED,
    OBJECTION_REASONS,
    OUTSIDER,
    PERIODIC,
    PLAN,
    Q1,
    RECEIVED,
    SET,
    STORY,
    YEAR,
    A,
    E,
    P,
    S,
    make_plan,
    pp_assessment,
    raises,
    utc,
    wib,
)

from asn_performance import (
    Indicator,
    Predikat,
    Target,
    WorkResult,
)
from asn_performance.exceptions import (
    AuthorityError,
    InputError,
    IntegrityError,
    LifecycleError,
)
from asn_performance.process.lifecycle import (
    Action,
    Event,
    PerformanceCycle,
    PlanRole,
    Stage,
    Transition,
)

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
    revised_plan = make_plan(
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
    error = raises(
        LifecycleError, lambda: DRAFTED.revise(make_plan(id="skp-lain"), by=E, at=wib(2025, 1, 4))
    )
    assert error.rule == "LIFECYCLE-PLAN"
    assert error.path == "plan"
    assert error.value == "skp-lain"


def test_the_annual_evaluation_can_be_recorded_again_before_it_is_final() -> None:
    better = ANNUAL.appraise([pp_assessment(YEAR, A, S)])
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


def test_verify_returns_the_digest_of_the_last_event() -> None:
    assert DECIDED.verify() == DECIDED.digest == DECIDED.events[-1].digest
    assert DRAFTED.verify() == LIFE[0].event.digest
    assert len(DECIDED.verify()) == 64


def test_verify_refuses_an_event_whose_digest_was_overwritten() -> None:
    last = attrs.evolve(DECIDED.events[-1])
    object.__setattr__(last, "digest", "0" * 64)
    cycle = PerformanceCycle((*DECIDED.events[:-1], last))  # the chain before it still holds
    error = raises(IntegrityError, cycle.verify)
    assert error.rule == "INTEGRITY-CHAIN"
    assert error.path == "events[12].digest"


def test_an_edited_objection_breaks_the_chain_at_the_next_event() -> None:
    events = list(DECIDED.events)
    events[11] = attrs.evolve(events[11], note="Alasan yang diubah kemudian")
    assert events[11].digest != DECIDED.events[11].digest  # the edited event has a new digest
    error = raises(IntegrityError, lambda: PerformanceCycle(tuple(events)))
    assert error.rule == "INTEGRITY-CHAIN"
    assert error.path == "events[12].previous_digest"


def test_an_edited_deadline_is_refused_at_its_event() -> None:
    # the deadline is D10's 14 days after receipt on 13 January: 27 January, not 27 February
    events = list(DECIDED.events)
    events[10] = attrs.evolve(events[10], deadline=dt.date(2026, 2, 27))
    error = raises(InputError, lambda: PerformanceCycle(tuple(events)))
    assert error.rule == "D10-OBJECTION-DEADLINE"
    assert error.path == "events[10].deadline"


def test_reordered_events_are_refused() -> None:
    events = list(DECIDED.events)
    events[4], events[5] = events[5], events[4]
    error = raises(IntegrityError, lambda: PerformanceCycle(tuple(events)))
    assert error.rule == "INTEGRITY-CHAIN"
    assert error.path == "events[4].previous_digest"


def test_a_dropped_event_is_refused() -> None:
    events = DECIDED.events[:7] + DECIDED.events[8:]  # fb-3 removed
    error = raises(IntegrityError, lambda: PerformanceCycle(events))
    assert error.rule == "INTEGRITY-CHAIN"
    assert error.path == "events[7].previous_digest"


def test_a_renumbered_event_is_refused() -> None:
    events = list(DECIDED.events)
    events[3] = attrs.evolve(events[3], sequence=7)
    error = raises(LifecycleError, lambda: PerformanceCycle(tuple(events)))
    assert error.rule == "LIFECYCLE-SEQUENCE"
    assert error.path == "events[3].sequence"
    assert error.value == 7


def test_a_log_that_does_not_start_with_the_draft_is_refused() -> None:
    error = raises(IntegrityError, lambda: PerformanceCycle(DECIDED.events[1:]))
    assert error.rule == "INTEGRITY-CHAIN"
    assert error.path == "events[0].previous_digest"
    error = raises(LifecycleError, lambda: PerformanceCycle(()))
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
    error = raises(LifecycleError, lambda: PerformanceCycle((first, again)))
    assert error.rule == "LIFECYCLE-TRANSITION"
    assert error.path == "events[1].stage"


def test_an_event_claiming_the_wrong_role_is_refused_on_replay() -> None:
    forged = attrs.evolve(LIFE[1].event, role=PlanRole.ATASAN_PEJABAT_PENILAI)
    error = raises(AuthorityError, lambda: PerformanceCycle((LIFE[0].event, forged)))
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
    error = raises(InputError, lambda: PerformanceCycle((*FINAL.events, forged)))
    assert error.rule == "D10-OBJECTION-DEADLINE"


def test_a_replayed_decision_that_rewrites_more_than_the_ratings_is_refused() -> None:
    cycle, event = OBJECTED.decide_objection("ubah", by=AT, at=LATER, hasil_kerja=A)
    assert isinstance(event.subject, type(cycle.result))
    rewritten = attrs.evolve(event.subject, assessments=(pp_assessment(YEAR, A, A),))
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
    from asn_performance.process.integrity import verify
    from asn_performance.services.rulebook import RULEBOOK

    key = b"kunci-rahasia-bkd-2025-0123456789"
    stored, keyed = to_json(dump_cycle(DECIDED)), to_json(dump_cycle(DECIDED, key=key))
    old = RULEBOOK["6/2022-MATRIX"]
    # A Rule is immutable; the test rewords it behind its back, as a later release would.
    monkeypatch.setitem(old.__dict__, "citation", old.citation + " (reworded)")
    assert RULEBOOK["6/2022-MATRIX"].citation.endswith(" (reworded)")
    # A later release renders another citation; the digests stay valid, and a history
    # sealed with the agency's key still replays unchanged, its wording vouched for by the key.
    assert verify(stored) == json.loads(stored)["integrity"]["digest"]
    assert load_cycle(keyed, key=key) == DECIDED
    # Without the key the labels must be this release's (issue 10: an edited label is refused).
    with pytest.raises(IntegrityError) as caught:
        load_cycle(stored)
    assert caught.value.rule == "INTEGRITY-DIGEST"
    assert (caught.value.path or "").endswith(".citation")


def test_the_cycle_cites_its_own_log_and_refuses_another() -> None:
    error = raises(InputError, lambda: LOGGED.appraise([pp_assessment(YEAR)], feedback=[]))
    assert (error.rule, error.path) == ("LIFECYCLE-SUBJECT", "feedback")
