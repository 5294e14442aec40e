"""Changing an agreed plan (issue 13 item 1): a revision during the work stage, agreed again by
both signatories, kept in the history, and each part of the year appraised against the plan in
force for it (rules ``LIFECYCLE-REVISION`` and ``LIFECYCLE-PLAN-IN-FORCE``).

The worked example is the Tangerang Selatan case (regional report on Tangerang Selatan: the
leader gives feedback and adjusts targets, "melakukan penyesuaian jika diperlukan"; the service
is civil registration, KTP and akta kelahiran): an officer of the Dinas Kependudukan dan
Pencatatan Sipil plans 12 SOP documents of layanan akta kelahiran for 2025; on 1 July the
leader lowers the target to 10 (budget refocusing), both agree on 3 July, and Q3 is appraised
against the revised plan.

Hand-worked capaian (the kuantitatif approach, the library's suggestion thresholds: at or
above 100 % Sesuai, below Di Bawah; capaian = realisation / target x 100):

* Q3 against version 2: 10 / 10 x 100 = 100 %  -> suggested Sesuai Ekspektasi;
* the same 10 documents against version 1 would be 10 / 12 x 100 = 83.33... % -> Di Bawah,
  which is why the Q3 appraisal must be of version 2 (the one in force from 1 July).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from asn_performance import (
    Assessment,
    AssessorRole,
    Employee,
    Indicator,
    Nip,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Rating,
    Target,
    WorkResult,
    WorkResultKind,
)
from asn_performance.boundary.cycle_document import dump_cycle, load_cycle
from asn_performance.domain.assessment import Realisation
from asn_performance.domain.plan import Approach
from asn_performance.exceptions import AsnPerformanceError, InputError, LifecycleError
from asn_performance.process.lifecycle import WIB, Action, PerformanceCycle, Stage
from asn_performance.regimes.permenpanrb_6_2022.quantitative import SuggestionThresholds

S = Rating.SESUAI
UNIT = "Dinas Kependudukan dan Pencatatan Sipil Kota Tangerang Selatan"
# 19700505 199503 1 002: born 5 May 1970, TMT Mar 1995, male, 002
ATASAN = Employee(
    Nip("197005051995031002"), "Kepala Dinas", Position(PositionKind.JPT, "Kepala Dinas"), UNIT
)
# 19780210 200312 2 004: born 10 Feb 1978, TMT Dec 2003, female, 004
PENILAI = Employee(
    Nip("197802102003122004"),
    "Kepala Bidang",
    Position(PositionKind.ADMINISTRATOR, "Kepala Bidang Pelayanan Pencatatan Sipil"),
    UNIT,
    ATASAN.nip,
)
# 19910715 201903 1 003: born 15 Jul 1991, TMT Mar 2019, male, 003
OFFICER = Employee(
    Nip("199107152019031003"),
    "Petugas Pencatatan Sipil",
    Position(PositionKind.PELAKSANA, "Pengadministrasi Kependudukan"),
    UNIT,
    PENILAI.nip,
)
E, P = OFFICER.nip, PENILAI.nip
YEAR = Period.annual(2025)
Q2, Q3 = Period.quarter(2025, 2), Period.quarter(2025, 3)
JULY_1 = dt.date(2025, 7, 1)
THRESHOLDS = SuggestionThresholds(capaian_cap=None)


def wib(year: int, month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=WIB)


def sop_rhk(target: int) -> WorkResult:
    return WorkResult(
        "rhk-1",
        "Tersusunnya SOP layanan akta kelahiran",
        (Indicator("iki-1", "Jumlah SOP layanan tersusun", Target.value(target, "dokumen")),),
    )


def plan(target: int = 12, **overrides: object) -> PerformancePlan:
    fields: dict[str, object] = {
        "id": "skp-2025-tangsel",
        "employee": OFFICER,
        "pejabat_penilai": PENILAI,
        "period": YEAR,
        "work_results": (sop_rhk(target),),
        "atasan_pejabat_penilai": ATASAN,
        "approach": Approach.KUANTITATIF,
    }
    fields.update(overrides)
    return PerformancePlan(**fields)  # type: ignore[arg-type]


V1, V2 = plan(12), plan(10)


def assessment(period: Period, realised: int | None = None) -> Assessment:
    realisations = () if realised is None else (Realisation("iki-1", Decimal(realised)),)
    return Assessment(
        plan_id=V1.id,
        role=AssessorRole.PEJABAT_PENILAI,
        assessor=P,
        given_on=period.end,
        period=period,
        hasil_kerja=S,
        perilaku_kerja=S,
        realisations=realisations,
    )


def working() -> PerformanceCycle:
    """Version 1 agreed, work begun, Q2 evaluated against it on 2 July."""
    cycle = PerformanceCycle.draft(V1, by=E, at=wib(2025, 1, 2)).cycle
    cycle = cycle.set_plan(by=P, at=wib(2025, 1, 3)).cycle
    cycle = cycle.accept(by=E, at=wib(2025, 1, 6)).cycle
    cycle = cycle.begin(by=E, at=wib(2025, 1, 6, 10)).cycle
    q2 = cycle.appraise([assessment(Q2)], period=Q2)
    return cycle.evaluate_period(q2, by=P, at=wib(2025, 7, 2)).cycle


BEFORE = working()
PROPOSED = BEFORE.revise(V2, by=P, at=wib(2025, 7, 3), effective=JULY_1).cycle
REVISED_SET = PROPOSED.set_plan(by=P, at=wib(2025, 7, 3, 10)).cycle
REVISED = REVISED_SET.accept(by=E, at=wib(2025, 7, 3, 11)).cycle


def raises(kind: type[AsnPerformanceError], call: Callable[[], object]) -> AsnPerformanceError:
    with pytest.raises(kind) as caught:
        call()
    assert caught.value.fix  # every refusal says how to fix it
    return caught.value


# --- the Tangerang Selatan case end to end --------------------------------------------------------


def test_tangerang_selatan_mid_year_target_change_end_to_end() -> None:
    assert REVISED.stage is Stage.PERIODIC_EVALUATION
    assert [v.number for v in REVISED.versions] == [1, 2]
    assert REVISED.plan == V2
    assert REVISED.pending_revision is None
    assert REVISED.plan_in_force(dt.date(2025, 6, 30)) == V1
    assert REVISED.plan_in_force(JULY_1) == V2
    assert REVISED.plan_for(Q3) == V2
    assert REVISED.plan_for(Q2) == V1
    # Q3 against the revised plan: 10 / 10 x 100 = 100 % -> suggested Sesuai
    q3 = REVISED.appraise([assessment(Q3, 10)], period=Q3, suggestion=THRESHOLDS)
    assert q3.plan == V2
    capaian = [s for s in q3.explanation.steps if s.rule == "6/2022-QUANT-CAPAIAN"]
    assert capaian
    assert capaian[0].output.startswith("100")
    done = REVISED.evaluate_period(q3, by=P, at=wib(2025, 10, 6)).cycle
    assert [a.plan for a in done.periodic] == [V1, V2]
    # the annual evaluation is of the final version (library decision, LIFECYCLE-PLAN-IN-FORCE)
    annual = done.appraise([assessment(YEAR)])
    assert annual.plan == V2
    done = done.evaluate_year(annual, by=P, at=wib(2026, 1, 12)).cycle
    assert done.stage is Stage.ANNUAL_EVALUATION
    history = done.history()
    assert "revision of the agreed plan, in force from 2025-07-01" in history
    assert "[LIFECYCLE-REVISION]" in history
    assert "version 1: in force 2025-01-01 to 2025-06-30; agreed 2025-01-06T09:00+07:00" in history
    assert "version 2: in force 2025-07-01 to 2025-12-31; agreed 2025-07-03T11:00+07:00" in history
    assert "changes: indicator iki-1 target 12 dokumen -> 10 dokumen" in history
    assert done.verify() == done.digest


def test_the_same_realisation_against_the_earlier_version_would_read_otherwise() -> None:
    # 10 / 12 x 100 = 83.33... % < 100 % -> Di Bawah: why Q3 must be of version 2
    from asn_performance import appraise

    wrong = appraise(V1, [assessment(Q3, 10)], period=Q3, suggestion=THRESHOLDS)
    capaian = [s for s in wrong.explanation.steps if s.rule == "6/2022-QUANT-CAPAIAN"]
    assert capaian[0].output.startswith("83.33")
    error = raises(
        LifecycleError, lambda: REVISED.evaluate_period(wrong, by=P, at=wib(2025, 10, 6))
    )
    assert error.rule == "LIFECYCLE-PLAN-IN-FORCE"
    assert error.path == "appraisal.plan"
    assert error.value == "skp-2025-tangsel v1"
    assert "version 2" in error.message
    assert "2025-07-01" in error.message
    assert "plan_for" in str(error.fix)


def test_a_period_across_the_revision_date_is_refused_with_the_split_to_make() -> None:
    half = Period.semester(2025, 2)  # 1 July - 31 December 2025: all of it under version 2
    straddling = Period.span(dt.date(2025, 6, 1), dt.date(2025, 7, 31))
    error = raises(LifecycleError, lambda: REVISED.plan_for(straddling))
    assert error.rule == "LIFECYCLE-PLAN-IN-FORCE"
    assert "2025-06-01 to 2025-06-30" in str(error.fix)
    assert "2025-07-01 to 2025-07-31" in str(error.fix)
    assert REVISED.plan_for(half) == V2


# --- agreement again ------------------------------------------------------------------------------


def test_the_revision_is_set_then_accepted_and_the_earlier_version_stays_in_force_meanwhile() -> (
    None
):
    assert PROPOSED.plan == V1  # still in force
    assert PROPOSED.pending_revision is not None
    assert PROPOSED.pending_revision.number == 2
    assert PROPOSED.allowed() == (Action.LOG, Action.REVISE, Action.SET)
    assert REVISED_SET.allowed() == (Action.LOG, Action.REVISE, Action.ACCEPT)
    assert REVISED.allowed() == (
        Action.LOG,
        Action.EVALUATE_PERIOD,
        Action.EVALUATE_YEAR,
        Action.REVISE,
    )
    error = raises(LifecycleError, lambda: PROPOSED.accept(by=E, at=wib(2025, 7, 4)))
    assert (error.rule, error.path) == ("LIFECYCLE-REVISION", "stage")
    error = raises(LifecycleError, lambda: REVISED_SET.set_plan(by=P, at=wib(2025, 7, 4)))
    assert error.rule == "LIFECYCLE-REVISION"
    q = PROPOSED.appraise([assessment(Q2)], period=Q2)
    error = raises(LifecycleError, lambda: PROPOSED.evaluate_period(q, by=P, at=wib(2025, 7, 4)))
    assert error.rule == "LIFECYCLE-REVISION"
    assert "awaits agreement" in error.message
    # only the employee accepts, only the pejabat penilai sets
    error = raises(AsnPerformanceError, lambda: PROPOSED.set_plan(by=E, at=wib(2025, 7, 4)))
    assert error.rule == "AUTH-LIFECYCLE"


def test_set_and_accept_without_a_pending_revision_are_refused() -> None:
    for call in (
        lambda: BEFORE.set_plan(by=P, at=wib(2025, 7, 4)),
        lambda: BEFORE.accept(by=E, at=wib(2025, 7, 4)),
    ):
        error = raises(LifecycleError, call)
        assert (error.rule, error.path, error.value) == (
            "LIFECYCLE-TRANSITION",
            "stage",
            "periodic_evaluation",
        )
        assert "revise" in str(error.fix)


def test_a_second_revision_replaces_the_proposal_and_undoes_the_setting() -> None:
    again = REVISED_SET.revise(plan(11), by=E, at=wib(2025, 7, 4), effective=JULY_1).cycle
    assert again.plan_set is False
    assert again.pending_revision is not None
    assert again.pending_revision.plan == plan(11)


# --- what a revision may change -------------------------------------------------------------------


def test_added_and_dropped_rhk_are_listed_in_the_history() -> None:
    extra = WorkResult(
        "rhk-2",
        "Terlayaninya jemput bola perekaman KTP-el",
        (Indicator("iki-2", "Lokasi jemput bola", Target.value(4, "lokasi")),),
        kind=WorkResultKind.TAMBAHAN,
    )
    cycle = BEFORE.revise(
        plan(work_results=(sop_rhk(12), extra)), by=P, at=wib(2025, 7, 3), effective=JULY_1
    ).cycle
    cycle = cycle.set_plan(by=P, at=wib(2025, 7, 3, 10)).cycle
    cycle = cycle.accept(by=E, at=wib(2025, 7, 3, 11)).cycle
    assert "changes: RHK rhk-2 added" in cycle.history()
    utama = WorkResult(
        "rhk-3", "Tersusunnya laporan", (Indicator("iki-3", "Laporan", Target.value(1)),)
    )
    dropped = cycle.revise(
        plan(work_results=(utama,)), by=P, at=wib(2025, 10, 1), effective=dt.date(2025, 10, 1)
    ).cycle
    assert "RHK rhk-1 dropped; RHK rhk-2 dropped; RHK rhk-3 added" in dropped.history()


def test_a_mover_shortens_the_period_and_the_annual_evaluation_covers_the_shortened_one() -> None:
    # transferred on 1 August 2025: the SKP here covers 1 January - 31 July 2025
    short = Period.span(dt.date(2025, 1, 1), dt.date(2025, 7, 31))
    cycle = BEFORE.revise(
        plan(period=short), by=P, at=wib(2025, 7, 20), effective=dt.date(2025, 8, 1)
    ).cycle
    cycle = cycle.set_plan(by=P, at=wib(2025, 7, 20, 10)).cycle
    cycle = cycle.accept(by=E, at=wib(2025, 7, 20, 11)).cycle
    assert cycle.plan.period == short
    assert cycle.plan_in_force(dt.date(2025, 8, 1)) is None  # outside the shortened period
    history = cycle.history()
    assert "from 2025-08-01: ends the period on 2025-07-31" in history
    assert "period 2025 -> " in history
    error = raises(LifecycleError, lambda: cycle.plan_for(Q3))
    assert error.rule == "LIFECYCLE-PLAN-IN-FORCE"
    annual = cycle.appraise([assessment(short)])
    assert annual.period == short
    assert annual.plan == cycle.plan
    done = cycle.evaluate_year(annual, by=P, at=wib(2025, 8, 1)).cycle
    assert done.stage is Stage.ANNUAL_EVALUATION


@pytest.mark.parametrize(
    ("new_plan", "effective", "path", "needle"),
    [
        pytest.param(V2, None, "effective", "takes effect from a date", id="no-date"),
        pytest.param(V1, JULY_1, "plan", "unchanged", id="unchanged"),
        pytest.param(
            plan(period=Period.span(dt.date(2025, 2, 1), dt.date(2025, 12, 31))),
            JULY_1,
            "plan.period",
            "first day",
            id="moved-start",
        ),
        pytest.param(V2, dt.date(2025, 6, 30), "effective", "already evaluated", id="in-q2"),
        pytest.param(V2, dt.date(2025, 1, 1), "effective", "from 2025-01-02", id="first-day"),
        pytest.param(V2, dt.date(2026, 1, 2), "effective", "not 2026-01-02", id="after-year"),
        pytest.param(plan(id="skp-lain"), JULY_1, "plan", "people", id="other-id"),
    ],
)
def test_a_revision_that_breaks_a_rule_is_refused_naming_field_value_rule_and_fix(
    new_plan: PerformancePlan, effective: dt.date | None, path: str, needle: str
) -> None:
    error = raises(
        LifecycleError,
        lambda: BEFORE.revise(new_plan, by=P, at=wib(2025, 7, 3), effective=effective),
    )
    assert error.rule == "LIFECYCLE-REVISION"
    assert error.path == path
    assert needle in error.message or needle in str(error.fix)
    assert error.fix


def test_a_draft_revision_takes_no_date_and_no_other_step_carries_one() -> None:
    draft = PerformanceCycle.draft(V1, by=E, at=wib(2025, 1, 2)).cycle
    error = raises(
        LifecycleError, lambda: draft.revise(V2, by=E, at=wib(2025, 1, 3), effective=JULY_1)
    )
    assert (error.rule, error.path) == ("LIFECYCLE-REVISION", "effective")
    error = raises(
        InputError,
        lambda: BEFORE.revise(V2, by=P, at=wib(2025, 7, 3), effective=wib(2025, 7, 1)),
    )
    assert (error.rule, error.path) == ("TYPE", "effective")


# --- the record -----------------------------------------------------------------------------------


def test_a_revised_cycle_round_trips_through_json_losslessly() -> None:
    q3 = REVISED.appraise([assessment(Q3, 10)], period=Q3, suggestion=THRESHOLDS)
    done = REVISED.evaluate_period(q3, by=P, at=wib(2025, 10, 6)).cycle
    record = dump_cycle(done)
    revise = next(e for e in record["events"] if e["action"] == "revise")
    assert revise["effective"] == "2025-07-01"
    assert all("effective" not in e for e in record["events"] if e["action"] != "revise")
    again = load_cycle(record)
    assert again == done
    assert again.versions == done.versions
    assert again.history() == done.history()
    assert dump_cycle(again) == record


def test_an_effective_date_edited_in_storage_breaks_the_chain() -> None:
    record = dump_cycle(REVISED)
    revise = next(e for e in record["events"] if e["action"] == "revise")
    revise["effective"] = "2025-07-02"
    error = raises(AsnPerformanceError, lambda: load_cycle(record))
    assert error.rule == "INTEGRITY-DIGEST"  # the record's seal
    record.pop("integrity", None)
    error = raises(AsnPerformanceError, lambda: load_cycle(record))
    assert error.rule == "INTEGRITY-CHAIN"  # the event's own digest


def test_a_cycle_without_revisions_records_and_reads_as_before() -> None:
    record = dump_cycle(BEFORE)
    assert all("effective" not in e for e in record["events"])
    assert "plan versions" not in BEFORE.history()
    assert [v.number for v in BEFORE.versions] == [1]
    assert BEFORE.versions[0].to_dict() == {
        "number": 1,
        "plan_id": "skp-2025-tangsel",
        "effective": "2025-01-01",
        "agreed_at": "2025-01-06T09:00:00+07:00",
    }


def test_found_in_review_the_annual_period_given_explicitly_is_the_final_version() -> None:
    # REVISED: version 2 (target 10) from 1 July; the annual evaluation is of the final
    # version whether the period is left out or given as the plan's own period.
    assert REVISED.plan_for(YEAR) == V2
    assert REVISED.appraise([assessment(YEAR, 10)], period=YEAR).plan == V2


def test_found_in_review_a_mover_whose_targets_change_takes_effect_within_the_period() -> None:
    # Shortened to 31 July AND target 12 -> 9 from 1 August: the new target would never be in
    # force, so the day after the new last day is refused; from 1 July it is accepted.
    short = Period.span(dt.date(2025, 1, 1), dt.date(2025, 7, 31))
    error = raises(
        LifecycleError,
        lambda: BEFORE.revise(
            plan(9, period=short), by=P, at=wib(2025, 7, 20), effective=dt.date(2025, 8, 1)
        ),
    )
    assert (error.rule, error.path) == ("LIFECYCLE-REVISION", "effective")
    assert "2025-07-31" in str(error.fix)
    cycle = BEFORE.revise(plan(9, period=short), by=P, at=wib(2025, 7, 20), effective=JULY_1)
    assert cycle.cycle.pending_revision is not None


def test_found_in_review_the_refusal_names_the_version_in_force_after_a_revert() -> None:
    # 1 -> 2 (from 1 July) -> back to 1's targets (version 3, from 1 October)
    q3 = REVISED.appraise([assessment(Q3, 10)], period=Q3)
    cycle = REVISED.evaluate_period(q3, by=P, at=wib(2025, 10, 1)).cycle
    cycle = cycle.revise(V1, by=P, at=wib(2025, 10, 2), effective=dt.date(2025, 10, 1)).cycle
    cycle = cycle.set_plan(by=P, at=wib(2025, 10, 2, 10)).cycle
    cycle = cycle.accept(by=E, at=wib(2025, 10, 2, 11)).cycle
    q4 = Period.quarter(2025, 4)
    from asn_performance import appraise

    wrong = appraise(V2, [assessment(q4, 10)], period=q4)
    error = raises(LifecycleError, lambda: cycle.evaluate_period(wrong, by=P, at=wib(2026, 1, 2)))
    assert error.rule == "LIFECYCLE-PLAN-IN-FORCE"
    assert "version 3" in error.message
    assert "2025-10-01" in error.message
