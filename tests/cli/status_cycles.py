"""SKP cycles for the ``status`` and ``plan-versions`` command tests: a BKN Serang-like office
looking, on Monday 11 May 2026, at five cycles in three agencies (all times WIB).

====  ==============================  =================  ===================================
 #    agency / unit                   employee           state on 11 May 2026
====  ==============================  =================  ===================================
 L    Kota Serang / Dinas Pendidikan  Budi, 2026, Q      in progress, Q1 not recorded
 D    Kota Serang / Dinas Pendidikan  Rina, 2026         set 5 Jan, not accepted
 O1   Kab. Serang / Bappeda           Andi, 2025         objection filed 20 Apr
 O2   Kab. Serang / Kec. Cikande      Dewi, 2025         objection filed 4 May
 R    Prov. Banten / Biro Organisasi  Fitri, 2026, Q     Q1 recorded 6 Apr; revision 2 (target
                                                         12 -> 10 layanan from 1 May) proposed
                                                         4 May, set 5 May, not accepted
====  ==============================  =================  ===================================
"""

from __future__ import annotations

import datetime as dt

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
from asn_performance.process.lifecycle import WIB, PerformanceCycle
from asn_performance.process.status import CycleRecord

AS_OF = dt.date(2026, 5, 11)  # Monday
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


def plan_for(ident: str, employee: Employee, year: int, target: int = 12) -> PerformancePlan:
    return PerformancePlan(
        id=ident,
        employee=employee,
        pejabat_penilai=PENILAI,
        period=Period.annual(year),
        work_results=(
            WorkResult(
                "rhk-1",
                "Terlaksananya layanan administrasi kepegawaian",
                (Indicator("iki-1", "Jumlah layanan", Target.value(target, "layanan")),),
            ),
        ),
        atasan_pejabat_penilai=ATASAN,
    )


def agreed(plan: PerformancePlan) -> PerformanceCycle:
    """Drafted on 2 January, set on 5, accepted and begun on 6, in the plan's year."""
    year = plan.period.start.year
    e = plan.employee.nip
    cycle = PerformanceCycle.draft(plan, by=e, at=wib(year, 1, 2)).cycle
    cycle = cycle.set_plan(by=PENILAI.nip, at=wib(year, 1, 5)).cycle
    cycle = cycle.accept(by=e, at=wib(year, 1, 6)).cycle
    return cycle.begin(by=e, at=wib(year, 1, 6, 10)).cycle


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


def objected(plan: PerformancePlan, received: dt.datetime, filed: dt.datetime) -> PerformanceCycle:
    """A 2025 cycle evaluated Baik and final on 12 January 2026, received, objected to."""
    cycle = evaluated(agreed(plan), plan.period, wib(2026, 1, 12))
    cycle = cycle.finalise(by=PENILAI.nip, at=wib(2026, 1, 12, 10)).cycle
    cycle = cycle.receive(by=plan.employee.nip, at=received).cycle
    return cycle.file_objection("Realisasi belum dinilai", by=plan.employee.nip, at=filed).cycle


BUDI = person("198609262015051001", "Budi Santoso")
RINA = person("199001012019032001", "Rina Wulandari")
ANDI = person("199203172018011002", "Andi Pratama")
DEWI = person("198711052012122001", "Dewi Lestari")
FITRI = person("198404042009031005", "Fitri Handayani")

L = agreed(plan_for("skp-2026-budi", BUDI, 2026))
D = PerformanceCycle.draft(plan_for("skp-2026-rina", RINA, 2026), by=RINA.nip, at=wib(2026, 1, 2))
D = D.cycle.set_plan(by=PENILAI.nip, at=wib(2026, 1, 5)).cycle
O1 = objected(plan_for("skp-2025-andi", ANDI, 2025), wib(2026, 4, 15), wib(2026, 4, 20))
O2 = objected(plan_for("skp-2025-dewi", DEWI, 2025), wib(2026, 4, 28), wib(2026, 5, 4))
R = evaluated(
    agreed(plan_for("skp-2026-fitri", FITRI, 2026)), Period.quarter(2026, 1), wib(2026, 4, 6)
)
R = R.revise(
    plan_for("skp-2026-fitri", FITRI, 2026, target=10),
    by=PENILAI.nip,
    at=wib(2026, 5, 4),
    effective=dt.date(2026, 5, 1),
).cycle
R = R.set_plan(by=PENILAI.nip, at=wib(2026, 5, 5)).cycle

KOTA_RECORDS = (
    CycleRecord(KOTA, "Dinas Pendidikan", L, cadence="triwulanan"),
    CycleRecord(KOTA, "Dinas Pendidikan", D, cadence="triwulanan"),
)
KAB_RECORDS = (
    CycleRecord(KAB, "Bappeda", O1),
    CycleRecord(KAB, "Kecamatan Cikande", O2),
)
PROV_RECORDS = (CycleRecord(PROV, "Biro Organisasi", R, cadence="triwulanan"),)
