"""Properties of the appraisal's life: any path through the stages round-trips through JSON,
replays to the same cycle, verifies, and any edit of the stored record is refused.

Cycles are made from the sample unit's plans that name an atasan pejabat penilai, along a
path of random length with random feedback entries and a random objection decision.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roundtrip import _leaves, _replace, assert_plain_json

from asn_performance.boundary.appraisal_document import (
    dump_cycle,
    dump_feedback,
    load_cycle,
    load_feedback,
    to_json,
)
from asn_performance.domain.feedback import FeedbackEntry, FeedbackKind
from asn_performance.domain.rating import Rating
from asn_performance.exceptions import AsnPerformanceError
from asn_performance.process.integrity import seal, verify
from asn_performance.process.lifecycle import WIB, PerformanceCycle, Stage
from asn_performance.services.sample import sample_unit

FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
UNIT = sample_unit()
PLANS = [p for p in UNIT.plans if p.atasan_pejabat_penilai is not None and not p.leads_unit]


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=WIB)


@st.composite
def cycles(draw: st.DrawFn) -> PerformanceCycle:
    plan = draw(st.sampled_from(PLANS))
    given = [a for a in UNIT.assessments if a.plan_id == plan.id]
    employee, pejabat = plan.employee.nip, plan.pejabat_penilai.nip
    assert plan.atasan_pejabat_penilai is not None
    atasan = plan.atasan_pejabat_penilai.nip
    steps = draw(st.integers(0, 9))
    cycle = PerformanceCycle.draft(
        plan, by=draw(st.sampled_from([employee, pejabat])), at=at(dt.date(2025, 1, 2))
    ).cycle
    if steps >= 1:
        cycle = cycle.set_plan(by=pejabat, at=at(dt.date(2025, 1, 6))).cycle
    if steps >= 2:
        cycle = cycle.accept(by=employee, at=at(dt.date(2025, 1, 7))).cycle
    if steps >= 3:
        cycle = cycle.begin(by=employee, at=at(dt.date(2025, 1, 7), 10)).cycle
        days = sorted(draw(st.lists(st.integers(10, 360), max_size=4, unique=True)))
        for number, offset in enumerate(days):
            day = dt.date(2025, 1, 1) + dt.timedelta(days=offset)
            kind = draw(st.sampled_from(FeedbackKind))
            author = pejabat if kind is FeedbackKind.RESPONSE else employee
            replies = f"fb-{number - 1}" if number and kind is FeedbackKind.RESPONSE else None
            entry = FeedbackEntry(
                f"fb-{number}",
                plan.id,
                author,
                day,
                kind,
                draw(st.text(min_size=1, max_size=30).filter(str.strip)),
                replies_to=replies,
            )
            cycle = cycle.log(entry, at=at(day, 12)).cycle
    if steps >= 4:
        cycle = cycle.evaluate_year(cycle.appraise(given), by=pejabat, at=at(dt.date(2026, 1, 12)))[
            0
        ]
    if steps >= 5:
        cycle = cycle.finalise(by=pejabat, at=at(dt.date(2026, 1, 12), 10)).cycle
    if steps >= 6:
        cycle = cycle.receive(by=employee, at=at(dt.date(2026, 1, 13))).cycle
    if steps >= 7:
        filed = dt.date(2026, 1, 13) + dt.timedelta(days=draw(st.integers(0, 14)))
        cycle = cycle.file_objection(
            "Bukti dukung belum dipertimbangkan", by=employee, at=at(filed)
        ).cycle
    if steps >= 8:
        hasil = draw(st.none() | st.sampled_from(Rating))
        cycle = cycle.decide_objection(
            "Diputuskan setelah klarifikasi",
            by=atasan,
            at=at(dt.date(2026, 2, 2)),
            hasil_kerja=hasil,
        ).cycle
    return cycle


@FAST
@given(cycles())
def test_a_cycle_round_trips_through_json_and_replays_to_itself(cycle: PerformanceCycle) -> None:
    data = dump_cycle(cycle)
    assert_plain_json(data)
    text = to_json(data)
    loaded = load_cycle(text)
    assert loaded == cycle
    assert loaded.stage is cycle.stage
    assert loaded.result_digest == cycle.result_digest
    assert loaded.feedback == cycle.feedback
    assert PerformanceCycle(cycle.events) == cycle
    assert verify(text) == data["integrity"]["digest"]
    assert cycle.verify() == cycle.events[-1].digest


@FAST
@given(cycles())
def test_a_final_stage_has_a_result_and_its_digest(cycle: PerformanceCycle) -> None:
    if cycle.stage.is_final:
        assert cycle.result is not None
        assert cycle.result_digest is not None
        assert len(cycle.result_digest) == 64
    else:
        assert cycle.result is None
        assert cycle.result_digest is None
    if cycle.stage is Stage.DECIDED:
        assert cycle.decision is not None
        assert cycle.allowed() == ()


@FAST
@given(cycles(), st.data())
def test_any_edit_of_a_stored_cycle_is_refused(
    cycle: PerformanceCycle, data: st.DataObject
) -> None:
    dumped = dump_cycle(cycle)
    leaves = [p for p in _leaves(dumped) if p[0] != "integrity"]
    path = data.draw(st.sampled_from(leaves))
    old = _get(dumped, path)
    new = data.draw(
        st.one_of(st.text(max_size=8), st.integers(-3, 3), st.booleans(), st.none()).filter(
            lambda value: value != old or type(value) is not type(old)
        )
    )
    edited = _replace(dumped, path, new)
    # The sealed record refuses every edit.
    with pytest.raises(AsnPerformanceError) as caught:
        load_cycle(edited)
    assert caught.value.rule
    assert (caught.value.path or "").startswith("$")
    # Without its seal, the event chain refuses every edit of what the events say, and the
    # labels written for readers (titles, citations, labels) must be the library's own.
    with pytest.raises(AsnPerformanceError) as caught:
        load_cycle(_without_seal(edited))
    assert caught.value.rule
    assert (caught.value.path or "").startswith("$")
    # Re-sealed without a key, the edit is refused just the same.
    with pytest.raises(AsnPerformanceError):
        load_cycle(seal(_without_seal(edited)))


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


def _without_seal(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key != "integrity"}


@FAST
@given(cycles())
def test_every_feedback_entry_round_trips(cycle: PerformanceCycle) -> None:
    for entry in cycle.feedback:
        data = dump_feedback(entry)
        assert_plain_json(data)
        assert load_feedback(data) == entry
        assert load_feedback(json.dumps(data)) == entry
