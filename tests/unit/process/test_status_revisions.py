"""A revision of an agreed plan not yet agreed again, in the status view (issue 13 items 1 and 6),
and the view of a plan's versions (asn_performance.process.plan_versions).

The cycles are those of ``tests/cli/status_cycles.py`` (on the test path). Fitri's 2026 plan
(R): agreed 6 January, Q1 evaluated 6 April, revised on Monday 4 May (target 12 -> 10 layanan
from Friday 1 May), set by the pejabat penilai on 5 May, not accepted by 11 May.

Worked by hand:

* the revision was proposed on 4 May: on 11 May it has waited 11 - 4 = 7 days;
* it has no deadline (library decision, rule LIFECYCLE-STATUS-REVISION): 0 days late, never
  late, whatever the day;
* Q1 was recorded; Q2 ends 30 June (due 14 July) and the year 31 December: no evaluation is
  late, so R has exactly one item, the revision.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import status_cycles as story

from asn_performance import Period
from asn_performance.exceptions import InputError
from asn_performance.process.plan_versions import plan_versions
from asn_performance.process.status import (
    STATUS_REVISION_RULES,
    CycleRecord,
    StatusKind,
    cycle_status,
)

K = StatusKind
ALL = story.KOTA_RECORDS + story.KAB_RECORDS + story.PROV_RECORDS


def test_the_rule_is_a_library_decision_citing_pasal_5() -> None:
    (rule,) = STATUS_REVISION_RULES
    assert rule.id == "LIFECYCLE-STATUS-REVISION"
    assert not rule.normative
    assert "Pasal 5" in rule.citation
    assert "library decision" in rule.citation
    assert K.REVISION_PENDING.label_id == "Perubahan SKP belum disepakati"
    assert K.REVISION_PENDING.label_en == "Revision not yet agreed"


def test_a_pending_revision_is_listed_with_no_deadline_and_never_late() -> None:
    (item,) = cycle_status(story.PROV_RECORDS, as_of=story.AS_OF).items
    assert item.kind is K.REVISION_PENDING
    assert item.rule == "LIFECYCLE-STATUS-REVISION"
    assert (item.deadline, item.days_late, item.late) == (None, 0, False)
    assert item.period == Period.annual(2026)
    assert item.reason == (
        "revision 2 (from 2026-05-01) proposed 2026-05-04, waiting 7 day(s): set by the"
        " pejabat penilai (Siti Rahayu), not yet accepted by the employee; indicator iki-1"
        " target 12 layanan -> 10 layanan; version 1 stays in force until both agree"
    )
    # A year later it is still not late: 4 May 2026 -> 4 May 2027 is 365 days of waiting.
    (later,) = cycle_status(
        [CycleRecord(story.PROV, "Biro Organisasi", story.R)], as_of=dt.date(2027, 5, 4)
    ).of_kind("revision_pending")
    assert later.days_late == 0
    assert "waiting 365 day(s)" in later.reason


def test_a_revision_not_yet_set_says_so() -> None:
    proposed = story.R.events[:-1]  # before the pejabat penilai set it on 5 May
    cycle = type(story.R)(proposed)
    (item,) = cycle_status([CycleRecord(story.PROV, "Biro", cycle)], as_of=story.AS_OF).items
    assert "not yet set by the pejabat penilai (Siti Rahayu)" in item.reason


def test_once_accepted_nothing_is_pending() -> None:
    accepted = story.R.accept(by=story.FITRI.nip, at=story.wib(2026, 5, 6)).cycle
    assert cycle_status([CycleRecord(story.PROV, "B", accepted)], as_of=story.AS_OF).items == ()


def test_the_pending_revision_counts_per_unit_and_per_agency() -> None:
    report = cycle_status(ALL, as_of=story.AS_OF)
    kota, kab, prov = report.agencies
    # Counted only where there is one: the report and Banten; Kota and Kab keep their shape.
    assert dict(prov.counts) == {
        K.PLAN_NOT_AGREED: 0,
        K.EVALUATION_LATE: 0,
        K.OBJECTION_PENDING: 0,
        K.OBJECTION_OVERDUE: 0,
        K.REVISION_PENDING: 1,
    }
    assert dict(prov.units[0].counts)[K.REVISION_PENDING] == 1
    assert K.REVISION_PENDING not in kota.counts
    assert K.REVISION_PENDING not in kab.units[0].counts
    # One of each kind over the whole report (see tests/cli/status_cycles.py).
    assert dict(report.counts) == dict.fromkeys(K, 1)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["counts"]["revision_pending"] == 1
    assert "revision_pending" not in data["agencies"][0]["counts"]
    row = report.to_rows()[-1]
    assert (row["kind"], row["deadline"], row["days_late"]) == ("revision_pending", None, 0)


def test_the_text_html_and_explanation_of_a_pending_revision() -> None:
    report = cycle_status(story.PROV_RECORDS, as_of=story.AS_OF)
    lines = report.render().splitlines()
    assert lines[0] == (
        "Status as of 2026-05-11: 1 agency(ies), 1 unit(s), 1 cycle(s); plan not yet agreed 0,"
        " evaluation late 0, objection pending 0, objection past its deadline 0, revision not"
        " yet agreed 1"
    )
    assert lines[-1].startswith(
        "    - Perubahan SKP belum disepakati: 198404042009031005 Fitri Handayani [Evaluasi"
        " kinerja periodik] Tahunan 2026; deadline none (library decision), not late;"
    )
    assert "<td>none (library decision)</td>" in report._repr_html_()
    text = report.explanation.render()
    assert "[LIFECYCLE-STATUS-REVISION]" in text
    assert "deadline = none (library decision)" in text


def test_plan_versions_of_an_accepted_revision() -> None:
    accepted = story.R.accept(by=story.FITRI.nip, at=story.wib(2026, 5, 6)).cycle
    view = plan_versions(accepted)
    # Version 1 from 1 Jan until the day before version 2 (1 May): 30 April.
    assert [(v.version.number, v.version.effective, v.until) for v in view.versions] == [
        (1, dt.date(2026, 1, 1), dt.date(2026, 4, 30)),
        (2, dt.date(2026, 5, 1), dt.date(2026, 12, 31)),
    ]
    assert view.versions[1].changes == ("indicator iki-1 target 12 layanan -> 10 layanan",)
    # Q1 (Jan-Mar) lies within version 1; the year is of the final version, 2.
    assert [(p.period.code, p.source, p.version) for p in view.periods] == [
        ("2026-Q1", "evaluated", 1),
        ("2026", "annual", 2),
    ]
    asked = plan_versions(
        accepted,
        [Period.quarter(2026, 2), Period.quarter(2026, 3), Period.annual(2027)],
    )
    # Q2 (Apr-Jun) holds 1 May: no single version; Q3 is version 2; 2027 is outside.
    assert [p.version for p in asked.periods] == [None, 2, None]
    assert "within period 2026-Q2" in asked.periods[0].reason
    assert asked.periods[2].reason == "outside the plan's period (2026)"
    assert asked.explanation.steps[1].rule == "LIFECYCLE-PLAN-IN-FORCE"
    data = json.loads(json.dumps(view.to_dict()))
    assert data["versions"][0]["until"] == "2026-04-30"
    assert data["pending"] is None


def test_plan_versions_of_a_pending_revision_and_of_a_draft() -> None:
    view = plan_versions(story.R)
    assert view.pending is not None
    assert view.pending.number == 2
    assert [p.version for p in view.periods] == [1, 1]  # version 1 stays in force
    assert "revision 2 (from 2026-05-01) awaits agreement" in view.periods[1].reason
    assert "version 2 (from 2026-05-01) awaits agreement:" in view.render()
    draft = plan_versions(story.D)
    assert draft.versions == ()
    assert [(p.version, p.reason) for p in draft.periods] == [(None, "the plan is not yet agreed")]


def test_plan_versions_refuses_what_is_not_a_cycle_or_a_period() -> None:
    with pytest.raises(InputError) as caught:
        plan_versions("cycle.json")  # type: ignore[arg-type]
    assert (caught.value.path, caught.value.rule) == ("cycle", "TYPE")
    with pytest.raises(InputError) as caught:
        plan_versions(story.R, ["2026-Q1"])  # type: ignore[list-item]
    assert (caught.value.path, caught.value.rule) == ("periods[0]", "TYPE")
