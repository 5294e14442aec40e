"""Tests for :mod:`asn_performance.process.lifecycle.stages`: the tables of stages, actions and who
may act, the transitions a stage refuses, and the authority of each role on the plan.

The story they share (people, plan, one event per line) is in ``lifecycle_story.py``.
"""

from __future__ import annotations

import pytest
from lifecycle_story import (
    AGREED,
    ANNUAL,
    AT,
    BEGUN,
    CALLS,
    CYCLES_BY_STAGE,
    DRAFTED,
    ENTITLED,
    FINAL,
    LATER,
    OBJECTED,
    OUTSIDER,
    PEER,
    PLAN,
    RECEIVED,
    SET,
    YEAR,
    E,
    P,
    make_plan,
    pp_assessment,
    raises,
    wib,
)

from asn_performance import (
    Nip,
)
from asn_performance.exceptions import (
    AuthorityError,
    LifecycleError,
    ObjectionDeadlineError,
)
from asn_performance.process.lifecycle import (
    ACTORS,
    TRANSITIONS,
    Action,
    PerformanceCycle,
    PlanRole,
    Stage,
)

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
            # issue 13 item 1: a revision of the agreed plan, set and accepted again
            Action.REVISE: Stage.IN_PROGRESS,
            Action.SET: Stage.IN_PROGRESS,
            Action.ACCEPT: Stage.IN_PROGRESS,
        },
        per: {
            Action.LOG: per,
            Action.EVALUATE_PERIOD: per,
            Action.EVALUATE_YEAR: year,
            Action.REVISE: per,
            Action.SET: per,
            Action.ACCEPT: per,
        },
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


# --- refused transitions --------------------------------------------------------------------------


def _refused_cases() -> list[object]:
    cases = []
    for name, cycle in CYCLES_BY_STAGE:
        for action in CALLS:
            if action not in TRANSITIONS[cycle.stage]:
                cases.append(pytest.param(cycle, action, id=f"{name}-{action.code}"))
    return cases


@pytest.mark.parametrize(("cycle", "action"), _refused_cases())
def test_a_step_the_stage_does_not_allow_is_refused_naming_the_stage_and_what_it_allows(
    cycle: PerformanceCycle, action: Action
) -> None:
    error = raises(LifecycleError, lambda: CALLS[action](cycle, ENTITLED[action]))
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
    error = raises(LifecycleError, lambda: CALLS[action](cycle, ENTITLED[action]))
    assert f"{not_allowed.code} ({not_allowed.method})" not in error.message


def test_an_unset_draft_cannot_be_accepted() -> None:
    error = raises(LifecycleError, lambda: DRAFTED.accept(by=E, at=LATER))
    assert error.rule == "LIFECYCLE-TRANSITION"
    assert error.path == "stage"
    assert error.value == "draft"
    assert "not set" in error.message
    assert "set_plan()" in (error.fix or "")


def test_a_set_draft_cannot_be_set_again() -> None:
    error = raises(LifecycleError, lambda: SET.set_plan(by=P, at=LATER))
    assert error.rule == "LIFECYCLE-TRANSITION"
    assert "already set" in error.message
    assert "accept()" in (error.fix or "")


def test_the_result_is_received_once() -> None:
    error = raises(LifecycleError, lambda: RECEIVED.receive(by=E, at=LATER))
    assert error.rule == "LIFECYCLE-TRANSITION"
    assert error.path == "stage"
    assert "already received on 2026-01-13T08:00:00+07:00" in error.message


def test_an_objection_before_the_result_is_received_is_refused() -> None:
    error = raises(LifecycleError, lambda: FINAL.file_objection("alasan", by=E, at=LATER))
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
    error = raises(AuthorityError, lambda: CALLS[action](cycle, who))
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
    error = raises(AuthorityError, lambda: PerformanceCycle.draft(PLAN, by=who, at=wib(2025, 1, 2)))
    assert error.rule == "AUTH-LIFECYCLE"
    assert error.path == "by"
    assert "no role on this plan" in error.message


def test_a_draft_by_the_atasan_is_refused() -> None:
    error = raises(AuthorityError, lambda: PerformanceCycle.draft(PLAN, by=AT, at=wib(2025, 1, 2)))
    assert error.rule == "AUTH-LIFECYCLE"
    assert "Atasan Pejabat Penilai Kinerja" in error.message
    assert "Pegawai yang dinilai or Pejabat Penilai Kinerja" in (error.fix or "")


def test_a_refused_draft_names_the_argument_by() -> None:
    error = raises(AuthorityError, lambda: PerformanceCycle.draft(PLAN, by=AT, at=wib(2025, 1, 2)))
    assert error.path == "by"


def test_an_objection_on_a_plan_without_an_atasan_is_refused() -> None:
    plan = make_plan(atasan_pejabat_penilai=None)
    cycle, _ = PerformanceCycle.draft(plan, by=E, at=wib(2025, 1, 2))
    cycle, _ = cycle.set_plan(by=P, at=wib(2025, 1, 3))
    cycle, _ = cycle.accept(by=E, at=wib(2025, 1, 6))
    cycle, _ = cycle.begin(by=E, at=wib(2025, 1, 6))
    cycle, _ = cycle.evaluate_year(cycle.appraise([pp_assessment(YEAR)]), by=P, at=wib(2026, 1, 12))
    cycle, _ = cycle.finalise(by=P, at=wib(2026, 1, 12))
    cycle, _ = cycle.receive(by=E, at=wib(2026, 1, 13))
    error = raises(
        AuthorityError, lambda: cycle.file_objection("alasan", by=E, at=wib(2026, 1, 14))
    )
    assert error.rule == "AUTH-ATASAN"
    assert error.path == "plan.atasan_pejabat_penilai"
    assert "atasan pejabat penilai" in error.message
    assert cycle.role_of(AT) is None
