"""The status view across cycles (asn_performance.process.status): each rule on its own,
the settings, and every refusal naming the field, the value, the rule and the fix.

The cycles come from ``test_status_bkn_serang.py`` (its docstring works their dates); the
numbers here are worked in the comments.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from asn_performance import PerformancePlan, Period
from asn_performance.exceptions import DuplicateError, InputError, LabelError, PeriodError
from asn_performance.process.lifecycle import PerformanceCycle
from asn_performance.process.status import (
    DEFAULT_STATUS_SETTINGS,
    STATUS_RULES,
    CycleRecord,
    StatusKind,
    StatusSettings,
    cycle_status,
)

# The tests run with --import-mode=importlib: load the sibling story by its path.
_SPEC = importlib.util.spec_from_file_location(
    "status_bkn_story", Path(__file__).with_name("test_status_bkn_serang.py")
)
assert _SPEC is not None
assert _SPEC.loader is not None
_STORY = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_STORY)
AS_OF, BUDI, D, F, KOTA = _STORY.AS_OF, _STORY.BUDI, _STORY.D, _STORY.F, _STORY.KOTA
L, M, O1, O2, PENILAI = _STORY.L, _STORY.M, _STORY.O1, _STORY.O2, _STORY.PENILAI
agreed, evaluated, plan_for, wib = _STORY.agreed, _STORY.evaluated, _STORY.plan_for, _STORY.wib


def one(cycle, as_of=AS_OF, cadence=None, **settings):  # type: ignore[no-untyped-def]
    record = CycleRecord(KOTA, "Unit", cycle, cadence=cadence)
    return cycle_status([record], as_of=as_of, settings=StatusSettings(**settings)).items


def test_the_rules_are_library_decisions_with_citations() -> None:
    assert [rule.id for rule in STATUS_RULES] == [
        "LIFECYCLE-STATUS-PLAN",
        "LIFECYCLE-STATUS-EVALUATION",
        "LIFECYCLE-STATUS-OBJECTION",
    ]
    assert all(not rule.normative for rule in STATUS_RULES)
    assert "Pasal 5" in STATUS_RULES[0].citation
    assert "Pasal 59(3)-(4)" in STATUS_RULES[2].citation


def test_the_default_settings() -> None:
    assert StatusSettings(0, 14, 14) == DEFAULT_STATUS_SETTINGS


def test_a_plan_not_yet_due_is_listed_but_not_late() -> None:
    # Due 1 Jan 2026 + 10 plan_days = 11 Jan 2026; as of 11 Jan: 0 days late; 12 Jan: 1.
    (item,) = one(D, as_of=dt.date(2026, 1, 11), plan_days=10)
    assert (item.deadline, item.days_late, item.late) == (dt.date(2026, 1, 11), 0, False)
    (item,) = one(D, as_of=dt.date(2026, 1, 12), plan_days=10)
    assert item.days_late == 1


def test_a_draft_not_yet_set_says_so() -> None:
    drafted = plan_for("skp-2026-x", BUDI, 2026)
    cycle = PerformanceCycle.draft(drafted, by=BUDI.nip, at=wib(2026, 1, 2)).cycle
    (item,) = one(cycle)
    assert item.kind is StatusKind.PLAN_NOT_AGREED
    assert item.reason == "drafted, not yet set by the pejabat penilai (Siti Rahayu)"


def test_the_evaluation_grace_moves_the_deadline() -> None:
    # Q1 2026 ends 31 Mar. With 0 days of grace it is due 31 Mar: 11 May is 30 + 11 = 41 days
    # late. With 41 days it is due 11 May: not late, so not listed.
    (item,) = one(L, cadence="triwulanan", evaluation_days=0)
    assert (item.deadline, item.days_late) == (dt.date(2026, 3, 31), 41)
    assert one(L, cadence="triwulanan", evaluation_days=41) == ()


def test_without_a_cadence_only_the_annual_evaluation_is_checked() -> None:
    assert one(L) == ()
    # The 2026 plan ends 31 Dec 2026; + 14 = 14 Jan 2027; as of 20 Jan 2027: 6 days late.
    # With the quarterly cadence Q1..Q4 are late too: Q4 ends 31 Dec, due 14 Jan as well.
    (annual,) = one(L, as_of=dt.date(2027, 1, 20))
    assert (annual.period, annual.deadline, annual.days_late) == (
        Period.annual(2026),
        dt.date(2027, 1, 14),
        6,
    )
    assert annual.reason == "annual evaluation of 2026 not recorded"
    items = one(L, as_of=dt.date(2027, 1, 20), cadence="triwulanan")
    assert [i.period.code for i in items] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"]
    # Q1 due 14 Apr 2026 -> 20 Jan 2027: 16+31+30+31+31+30+31+30+31+20 = 281
    assert items[0].days_late == 281


def test_a_longer_recorded_period_covers_the_months_inside_it() -> None:
    # A quarterly record of Q1 covers the monthly January, February and March; April (ends
    # 30 Apr) is due 14 May: as of 20 May, 6 days late.
    cycle = evaluated(
        agreed(plan_for("skp-2026-q", BUDI, 2026)), Period.quarter(2026, 1), wib(2026, 4, 6)
    )
    items = one(cycle, as_of=dt.date(2026, 5, 20), cadence="bulanan")
    assert [(i.period.code, i.days_late) for i in items] == [("2026-04", 6)]
    assert M.stage.code == "periodic_evaluation"
    assert one(M, as_of=dt.date(2026, 5, 14), cadence="bulanan") == ()


def test_an_objection_turns_overdue_the_day_after_its_decision_is_due() -> None:
    # O2 was filed 4 May; due 4 May + 14 = 18 May.
    (item,) = one(O2, as_of=dt.date(2026, 5, 18))
    assert (item.kind, item.days_late) == (StatusKind.OBJECTION_PENDING, 0)
    (item,) = one(O2, as_of=dt.date(2026, 5, 19))
    assert (item.kind, item.days_late) == (StatusKind.OBJECTION_OVERDUE, 1)
    # decision_days 30: due 3 Jun
    (item,) = one(O2, as_of=dt.date(2026, 5, 19), decision_days=30)
    assert (item.kind, item.deadline) == (StatusKind.OBJECTION_PENDING, dt.date(2026, 6, 3))


def test_final_and_decided_cycles_have_nothing_outstanding() -> None:
    assert one(F) == ()
    decided = O1.decide_objection("Tetap", by="196812251993021001", at=wib(2026, 5, 11)).cycle
    assert one(decided) == ()


def test_an_empty_list_gives_an_empty_report() -> None:
    report = cycle_status([], as_of=AS_OF)
    assert report.items == ()
    assert report.agencies == ()
    assert report.render().startswith("Status as of 2026-05-11: 0 agency(ies)")


# --- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"), [("plan_days", -1), ("evaluation_days", 367), ("decision_days", "14")]
)
def test_settings_out_of_range_are_refused(field: str, value: object) -> None:
    with pytest.raises(InputError) as caught:
        StatusSettings(**{field: value})  # type: ignore[arg-type]
    assert (caught.value.path, caught.value.rule) == (field, "LIFECYCLE-STATUS-SETTINGS")
    assert "whole number" in caught.value.fix


def test_a_record_checks_its_fields() -> None:
    with pytest.raises(InputError) as caught:
        CycleRecord(KOTA, "Unit", "not a cycle")  # type: ignore[arg-type]
    assert (caught.value.path, caught.value.rule) == ("cycle", "TYPE")
    with pytest.raises(InputError) as caught:
        CycleRecord("", "Unit", L)
    assert caught.value.path == "agency"
    with pytest.raises(LabelError) as caught:
        CycleRecord(KOTA, "Unit", L, cadence="mingguan")
    assert caught.value.rule == "SCHEDULE-CADENCE"


def test_bad_arguments_are_refused_with_their_path() -> None:
    record = CycleRecord(KOTA, "Unit", L)
    with pytest.raises(InputError) as caught:
        cycle_status([record], as_of=dt.datetime(2026, 5, 11, tzinfo=dt.UTC))  # type: ignore[arg-type]
    assert (caught.value.path, caught.value.rule) == ("as_of", "TYPE")
    with pytest.raises(InputError) as caught:
        cycle_status(record, as_of=AS_OF)  # type: ignore[arg-type]
    assert caught.value.path == "records"
    with pytest.raises(InputError) as caught:
        cycle_status([record, L], as_of=AS_OF)  # type: ignore[list-item]
    assert caught.value.path == "records[1]"
    with pytest.raises(InputError) as caught:
        cycle_status([record], as_of=AS_OF, settings={"plan_days": 1})  # type: ignore[arg-type]
    assert caught.value.path == "settings"


def test_a_cycle_listed_twice_is_refused() -> None:
    records = [CycleRecord(KOTA, "A", L), CycleRecord(KOTA, "B", L)]
    with pytest.raises(DuplicateError) as caught:
        cycle_status(records, as_of=AS_OF)
    assert (caught.value.path, caught.value.rule) == (
        "records[1].cycle",
        "LIFECYCLE-STATUS-ONE-EACH",
    )
    assert "records[0]" in caught.value.message


def test_an_as_of_before_the_cycles_last_event_is_refused() -> None:
    # O2's objection was filed on 4 May 2026: its state on 3 May was another.
    with pytest.raises(InputError) as caught:
        cycle_status([CycleRecord(KOTA, "A", O2)], as_of=dt.date(2026, 5, 3))
    assert (caught.value.path, caught.value.rule) == ("records[0].cycle", "LIFECYCLE-STATUS-AS-OF")
    assert "2026-05-04" in caught.value.fix


def test_a_cadence_for_a_plan_across_two_years_is_refused() -> None:
    base = plan_for("skp-cross", BUDI, 2025)
    fields = {f: getattr(base, f) for f in ("id", "employee", "pejabat_penilai", "work_results")}
    plan = PerformancePlan(
        **fields,
        period=Period.span(dt.date(2025, 7, 1), dt.date(2026, 6, 30)),
        atasan_pejabat_penilai=base.atasan_pejabat_penilai,
    )
    cycle = agreed(plan)
    with pytest.raises(PeriodError) as caught:
        cycle_status([CycleRecord(KOTA, "A", cycle, cadence="bulanan")], as_of=AS_OF)
    assert (caught.value.path, caught.value.rule) == (
        "records[0].cadence",
        "LIFECYCLE-STATUS-EVALUATION",
    )
    assert PENILAI.nip == plan.pejabat_penilai.nip


def test_the_html_view_escapes_agency_and_unit_names() -> None:
    evil = "<script>alert(1)</script>"
    text = cycle_status([CycleRecord(evil, evil, D)], as_of=AS_OF)._repr_html_()
    assert "<script>" not in text
    assert text.count("&lt;script&gt;") == 2
    # D: due 1 Jan 2026, 130 days late on 11 May 2026
    assert "<td>2026-01-01</td><td>130</td>" in text
