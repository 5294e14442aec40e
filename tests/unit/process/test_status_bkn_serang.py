"""The BKN Serang case end to end: oversight of several agencies with a late evaluation and a
pending objection (issue 13 item 6).

The regional report on BKN in Serang ("Peran Badan Kepegawaian Negara Dalam Pengelolaan
Kinerja ASN Di Serang") describes BKN's *pengawasan dan evaluasi terhadap kinerja ASN di
berbagai instansi pemerintahan*. Here a regional office looks, on Monday 11 May 2026, at seven
SKP cycles in three agencies, and at the distribution of their units' predikat.

The cycles (all times WIB; settings: plan due on its period's first day, evaluations 14 days
after their period, objection decisions 14 days after filing -- the library's defaults):

====  ==============================  =====================  ==========================  =========
 #    agency / unit                   employee               state on 11 May 2026         expected
====  ==============================  =====================  ==========================  =========
 L    Kota Serang / Dinas Pendidikan  Budi, SKP 2026, Q      in progress, Q1 not recorded  late 27
 D    Kota Serang / Dinas Pendidikan  Rina, SKP 2026         set, not accepted             late 130
 M    Kota Serang / Dinas Kesehatan   Sari, SKP 2026, M      Jan, Feb, Mar recorded        nothing
 O1   Kab. Serang / Bappeda           Andi, SKP 2025         objection filed 20 Apr        late 7
 O2   Kab. Serang / Kecamatan Cikande Dewi, SKP 2025         objection filed 4 May         pending
 F    Prov. Banten / Biro Organisasi  Eko, SKP 2025          final, received, no objection nothing
 G    Prov. Banten / Biro Organisasi  Fitri, SKP 2026, Q     agreed, Q1 recorded           nothing
====  ==============================  =====================  ==========================  =========

Worked by hand (calendar days; "late n" is 11 May 2026 minus the deadline):

* L: Q1 2026 ends Tue 31 Mar 2026; due 31 Mar + 14 = Tue 14 Apr 2026. 14 Apr -> 30 Apr is 16
  days, -> 11 May 11 more: **27 days late**. Q2 (ends 30 Jun) and the year are not yet due.
* D: the plan's period starts Thu 1 Jan 2026; due that day (plan_days 0). 1 Jan -> 1 Feb 31,
  -> 1 Mar 28, -> 1 Apr 31, -> 1 May 30, -> 11 May 10: 31 + 28 + 31 + 30 + 10 = **130**.
* M: monthly; January, February and March recorded. April ends 30 Apr, due 14 May: not yet.
* O1: received Wed 15 Apr 2026 (objection deadline 15 + 14 = 29 Apr); objection filed Mon
  20 Apr; the atasan's decision due 20 Apr + 14 = Mon 4 May. 4 May -> 11 May: **7 days late**.
* O2: received Tue 28 Apr (deadline 12 May); filed Mon 4 May; decision due 4 + 14 = Mon
  18 May: **pending, not late** (7 days left).
* F: final and received on 15 Apr; its objection window closed on 29 Apr: nothing is pending.
* G: quarterly, Q1 recorded on 6 Apr; Q2 not yet due: nothing.
"""

from __future__ import annotations

import datetime as dt
import json

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
)
from asn_performance.consequences.distribution.oversight import UnitInput, oversee
from asn_performance.process.lifecycle import WIB, PerformanceCycle, Stage
from asn_performance.process.status import (
    CycleRecord,
    StatusKind,
    cycle_status,
)

AS_OF = dt.date(2026, 5, 11)  # Monday 11 May 2026
KOTA, KAB, PROV = (
    "Pemerintah Kota Serang",
    "Pemerintah Kabupaten Serang",
    "Pemerintah Provinsi Banten",
)

ATASAN = Employee(
    Nip("196812251993021001"),
    "Ahmad Hidayat",
    Position(PositionKind.ADMINISTRATOR, "Kepala Bidang"),
    "Bidang Pembinaan",
)
PENILAI = Employee(
    Nip("197503142000031002"),
    "Siti Rahayu",
    Position(PositionKind.PENGAWAS, "Kepala Seksi"),
    "Seksi Pembinaan",
    ATASAN.nip,
)
STAFF = Position(PositionKind.PELAKSANA, "Pengadministrasi Umum")


def wib(year: int, month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=WIB)


def person(nip: str, name: str) -> Employee:
    return Employee(Nip(nip), name, STAFF, "Seksi Pembinaan", PENILAI.nip)


def plan_for(ident: str, employee: Employee, year: int) -> PerformancePlan:
    return PerformancePlan(
        id=ident,
        employee=employee,
        pejabat_penilai=PENILAI,
        period=Period.annual(year),
        work_results=(
            WorkResult(
                "rhk-1",
                "Terlaksananya layanan administrasi kepegawaian",
                (Indicator("iki-1", "Jumlah layanan", Target.value(12, "layanan")),),
            ),
        ),
        atasan_pejabat_penilai=ATASAN,
    )


def agreed(plan: PerformancePlan, begin: bool = True) -> PerformanceCycle:
    """Drafted on 2 January, set on 5, accepted on 6 (and work begun) in the plan's year."""
    year = plan.period.start.year
    e = plan.employee.nip
    cycle = PerformanceCycle.draft(plan, by=e, at=wib(year, 1, 2)).cycle
    cycle = cycle.set_plan(by=PENILAI.nip, at=wib(year, 1, 5)).cycle
    cycle = cycle.accept(by=e, at=wib(year, 1, 6)).cycle
    return cycle.begin(by=e, at=wib(year, 1, 6, 10)).cycle if begin else cycle


def evaluated(cycle: PerformanceCycle, period: Period, at: dt.datetime) -> PerformanceCycle:
    assessment = Assessment(
        plan_id=cycle.plan.id,
        role=AssessorRole.PEJABAT_PENILAI,
        assessor=PENILAI.nip,
        given_on=period.end,
        period=period,
        hasil_kerja=Rating.SESUAI,
        perilaku_kerja=Rating.SESUAI,
    )
    appraisal = cycle.appraise([assessment], period=period)
    if period == cycle.plan.period:
        return cycle.evaluate_year(appraisal, by=PENILAI.nip, at=at).cycle
    return cycle.evaluate_period(appraisal, by=PENILAI.nip, at=at).cycle


def received(plan: PerformancePlan, on: dt.datetime) -> PerformanceCycle:
    """A 2025 cycle evaluated (Baik) and finalised on 12 January 2026, received ``on``."""
    cycle = evaluated(agreed(plan), plan.period, wib(2026, 1, 12))
    cycle = cycle.finalise(by=PENILAI.nip, at=wib(2026, 1, 12, 10)).cycle
    return cycle.receive(by=plan.employee.nip, at=on).cycle


BUDI = person("198609262015051001", "Budi Santoso")
RINA = person("199001012019032001", "Rina Wulandari")
SARI = person("198502142010012003", "Sari Melati")
ANDI = person("199203172018011002", "Andi Pratama")
DEWI = person("198711052012122001", "Dewi Lestari")
EKO = person("199306302020011004", "Eko Saputra")
FITRI = person("198404042009031005", "Fitri Handayani")

L = agreed(plan_for("skp-2026-budi", BUDI, 2026))
D = PerformanceCycle.draft(plan_for("skp-2026-rina", RINA, 2026), by=RINA.nip, at=wib(2026, 1, 2))
D = D.cycle.set_plan(by=PENILAI.nip, at=wib(2026, 1, 5)).cycle
M = agreed(plan_for("skp-2026-sari", SARI, 2026))
for _month in (1, 2, 3):  # recorded on 3 Feb, 3 Mar, 3 Apr
    M = evaluated(M, Period.month(2026, _month), wib(2026, _month + 1, 3))
O1 = received(plan_for("skp-2025-andi", ANDI, 2025), wib(2026, 4, 15))
O1 = O1.file_objection("Realisasi sudah 12 layanan", by=ANDI.nip, at=wib(2026, 4, 20)).cycle
O2 = received(plan_for("skp-2025-dewi", DEWI, 2025), wib(2026, 4, 28))
O2 = O2.file_objection("Bukti dukung belum dinilai", by=DEWI.nip, at=wib(2026, 5, 4)).cycle
F = received(plan_for("skp-2025-eko", EKO, 2025), wib(2026, 4, 15))
G = evaluated(
    agreed(plan_for("skp-2026-fitri", FITRI, 2026)), Period.quarter(2026, 1), wib(2026, 4, 6)
)

RECORDS = (
    CycleRecord(KOTA, "Dinas Pendidikan", L, cadence="triwulanan"),
    CycleRecord(KOTA, "Dinas Pendidikan", D, cadence="triwulanan"),
    CycleRecord(KOTA, "Dinas Kesehatan", M, cadence="bulanan"),
    CycleRecord(KAB, "Bappeda", O1),
    CycleRecord(KAB, "Kecamatan Cikande", O2),
    CycleRecord(PROV, "Biro Organisasi", F),
    CycleRecord(PROV, "Biro Organisasi", G, cadence="triwulanan"),
)


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return cycle_status(RECORDS, as_of=AS_OF)


def test_the_cycles_are_in_the_stages_the_story_says() -> None:
    assert [c.stage for c in (L, D, M, O1, O2, F, G)] == [
        Stage.IN_PROGRESS,
        Stage.DRAFT,
        Stage.PERIODIC_EVALUATION,
        Stage.OBJECTED,
        Stage.OBJECTED,
        Stage.FINAL,
        Stage.PERIODIC_EVALUATION,
    ]
    assert D.plan_set is True
    # received 15 Apr + 14 = 29 Apr; received 28 Apr + 14 = 12 May
    assert O1.objection_deadline == dt.date(2026, 4, 29)
    assert O2.objection_deadline == dt.date(2026, 5, 12)


def test_every_line_of_the_status_is_worked_by_hand(report) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (i.agency, i.unit, i.kind, i.nip.digits, i.stage, i.period.code, i.deadline, i.days_late)
        for i in report.items
    ]
    assert lines == [
        # L: Q1 2026 ends 31 Mar; + 14 = 14 Apr; 14 Apr -> 11 May = 16 + 11 = 27
        (
            KOTA,
            "Dinas Pendidikan",
            StatusKind.EVALUATION_LATE,
            BUDI.nip.digits,
            Stage.IN_PROGRESS,
            "2026-Q1",
            dt.date(2026, 4, 14),
            27,
        ),
        # D: due 1 Jan 2026; 31 + 28 + 31 + 30 + 10 = 130
        (
            KOTA,
            "Dinas Pendidikan",
            StatusKind.PLAN_NOT_AGREED,
            RINA.nip.digits,
            Stage.DRAFT,
            "2026",
            dt.date(2026, 1, 1),
            130,
        ),
        # O1: filed 20 Apr; + 14 = 4 May; 4 May -> 11 May = 7
        (
            KAB,
            "Bappeda",
            StatusKind.OBJECTION_OVERDUE,
            ANDI.nip.digits,
            Stage.OBJECTED,
            "2025",
            dt.date(2026, 5, 4),
            7,
        ),
        # O2: filed 4 May; + 14 = 18 May, after 11 May: pending, 0 days late
        (
            KAB,
            "Kecamatan Cikande",
            StatusKind.OBJECTION_PENDING,
            DEWI.nip.digits,
            Stage.OBJECTED,
            "2025",
            dt.date(2026, 5, 18),
            0,
        ),
    ]


def test_the_roll_up_per_unit_and_per_agency(report) -> None:  # type: ignore[no-untyped-def]
    assert [a.agency for a in report.agencies] == [KOTA, KAB, PROV]
    assert [[u.unit for u in a.units] for a in report.agencies] == [
        ["Dinas Pendidikan", "Dinas Kesehatan"],
        ["Bappeda", "Kecamatan Cikande"],
        ["Biro Organisasi"],
    ]
    assert [[u.cycles for u in a.units] for a in report.agencies] == [[2, 1], [1, 1], [2]]
    assert [a.cycles for a in report.agencies] == [3, 2, 2]
    assert report.cycles == 7
    kota, kab, prov = report.agencies
    k = StatusKind
    assert dict(kota.counts) == {
        k.PLAN_NOT_AGREED: 1,
        k.EVALUATION_LATE: 1,
        k.OBJECTION_PENDING: 0,
        k.OBJECTION_OVERDUE: 0,
    }
    assert dict(kab.counts) == {
        k.PLAN_NOT_AGREED: 0,
        k.EVALUATION_LATE: 0,
        k.OBJECTION_PENDING: 1,
        k.OBJECTION_OVERDUE: 1,
    }
    assert sum(prov.counts.values()) == 0
    assert kota.units[1].items == ()  # M: April is due only on 14 May
    assert [i.nip for i in report.of_kind("objection_overdue")] == [ANDI.nip]
    assert dict(report.counts) == {
        k.PLAN_NOT_AGREED: 1,
        k.EVALUATION_LATE: 1,
        k.OBJECTION_PENDING: 1,
        k.OBJECTION_OVERDUE: 1,
    }


def test_each_item_explains_itself_with_its_rule(report) -> None:  # type: ignore[no-untyped-def]
    late, plan, overdue, pending = report.items
    assert late.rule == "LIFECYCLE-STATUS-EVALUATION"
    assert plan.rule == "LIFECYCLE-STATUS-PLAN"
    assert overdue.rule == pending.rule == "LIFECYCLE-STATUS-OBJECTION"
    assert "periodic evaluation (Triwulanan) of 2026-Q1 not recorded" in late.reason
    assert "set by the pejabat penilai (Siti Rahayu), not yet accepted" in plan.reason
    assert "filed 2026-04-20" in overdue.reason
    assert "Ahmad Hidayat" in overdue.reason
    text = late.explanation.render()
    assert "[LIFECYCLE-STATUS-EVALUATION]" in text
    assert "[library decision]" in text
    assert "deadline = 2026-04-14" in text
    assert "27 day(s) late" in text
    assert pending.late is False
    assert overdue.late is True


def test_the_text_html_and_json_views(report) -> None:  # type: ignore[no-untyped-def]
    text = report.render()
    assert text.splitlines()[0] == (
        "Status as of 2026-05-11: 3 agency(ies), 5 unit(s), 7 cycle(s); plan not yet agreed 1,"
        " evaluation late 1, objection pending 1, objection past its deadline 1"
    )
    assert f"{KAB}: 2 unit(s), 2 cycle(s);" in text
    assert "  Bappeda: 1 cycle(s), 1 item(s)" in text
    assert (
        f"    - Keberatan melewati batas waktu keputusan: {ANDI.nip.digits} Andi Pratama"
        " [Keberatan diajukan] Tahunan 2025; deadline 2026-05-04, 7 day(s) late;"
    ) in text
    html = report._repr_html_()
    assert html.count("<tr>") == 1 + 3 + 5 + 4  # header, agencies, units, items
    assert "Pemerintah Kabupaten Serang" in html
    data = json.loads(json.dumps(report.to_dict()))
    assert data["counts"] == {
        "plan_not_agreed": 1,
        "evaluation_late": 1,
        "objection_pending": 1,
        "objection_overdue": 1,
    }
    assert data["agencies"][1]["units"][0]["items"][0]["days_late"] == 7
    assert data["settings"] == {"plan_days": 0, "evaluation_days": 14, "decision_days": 14}
    assert [row["kind"] for row in report.to_rows()] == [
        "evaluation_late",
        "plan_not_agreed",
        "objection_overdue",
        "objection_pending",
    ]


def test_the_same_agencies_distribution_rolled_up() -> None:
    # The units' predikat counts (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang).
    # Kota Serang is rated Baik: its total 2+15+3+0+0 = 20; Baik 15 of 20 > floor(0.7 * 20) = 14
    # -> violated although each unit passes on its own (Pendidikan 7 of 10 Baik, 7 <= 7;
    # Kesehatan 8 of 10, 8 > 7 -> Kesehatan violates).
    units = [
        UnitInput("Dinas Pendidikan", "baik", (2, 7, 1, 0, 0), agency=KOTA),
        UnitInput("Dinas Kesehatan", "baik", (0, 8, 2, 0, 0), agency=KOTA),
        UnitInput("Bappeda", "istimewa", (3, 2, 0, 0, 0), agency=KAB),  # SB 3 <= floor(3.5)=3
        UnitInput("Kecamatan Cikande", "baik", (1, 3, 1, 0, 0), agency=KAB),  # B 3 <= floor(3.5)
        UnitInput("Biro Organisasi", "baik", (1, 6, 1, 0, 0), agency=PROV),  # B 6 > floor(5.6)=5
    ]
    result = oversee(units, agency_predikat={KOTA: "baik"})
    kota, kab, prov = result.agencies
    assert (kota.units, kota.employees, kota.counts) == (2, 20, (2, 15, 3, 0, 0))
    assert kota.violating_units == ("Dinas Kesehatan",)
    assert [(c.actual, c.total, c.threshold) for c in kota.violations] == [(15, 20, 14)]
    assert (kab.employees, kab.violating_units, kab.organisation_predikat) == (10, (), None)
    assert kab.ok is True
    assert prov.violating_units == ("Biro Organisasi",)
    assert result.units_with_violations == 2
