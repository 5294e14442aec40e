"""A built-in sample unit for the demo, the tutorial and tests.

The people are invented; their work comes from five regional reports on performance
management of ASN in practice (BKN regional offices, 2025):

* graduation rates at Dinas Pendidikan Kota Serang (a teacher is recognised for raising them);
* immunisation coverage at a Puskesmas in Sabang (health workers have coverage targets);
* permit and civil-registration processing time in Tangerang Selatan (lower is better;
  reported in real time through an e-Performance app);
* the "Serang Bersih" programme (ASN measured on participation and public education);
* a scholarship programme at Dinas Pendidikan Batanghari (participation of students).

The unit: a head (leading the unit, so their rating hasil kerja follows the organisation's
capaian kinerja, decision D3), two supervisors and eight staff, appraised for 2025 under
PermenPANRB 6/2022 with the default policy (the pejabat penilai decides; self and peer input
is advisory). One employee has only two peer responses, which the anonymity guard withholds.
"""

from __future__ import annotations

import datetime as dt

import attrs

from asn_performance.domain.assessment import Assessment, AssessorRole, Realisation
from asn_performance.domain.employee import Employee, Jenjang, Position, PositionKind
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import (
    Approach,
    Aspect,
    Direction,
    Indicator,
    PerformancePlan,
    Target,
    WorkResult,
)
from asn_performance.domain.rating import OrganisationPredikat, Rating
from asn_performance.weighting import Guards, SupervisorDecides, WeightingPolicy

__all__ = ["Sample", "sample_unit"]

UNIT = "Bagian Pelayanan Publik (contoh)"
YEAR = Period.annual(2025)
GIVEN_ON = dt.date(2026, 1, 12)
SELF_ON = dt.date(2026, 1, 5)

_A, _S, _B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH


@attrs.frozen
class Sample:
    """The sample: employees, plans, assessments and the settings to appraise them with."""

    title: str
    employees: tuple[Employee, ...]
    plans: tuple[PerformancePlan, ...]
    assessments: tuple[Assessment, ...]
    policy: WeightingPolicy
    guards: Guards
    organisation_predikat: OrganisationPredikat


def _employee(
    nip: str,
    name: str,
    kind: PositionKind,
    title: str,
    unit: str,
    superior: Employee | None,
    jenjang: Jenjang | None = None,
) -> Employee:
    return Employee(
        Nip.parse(nip),
        name,
        Position(kind, title, jenjang),
        unit,
        None if superior is None else superior.nip,
    )


def _indicator(
    ident: str,
    text: str,
    target: Target,
    aspect: Aspect = Aspect.KUANTITAS,
    direction: Direction = Direction.HIGHER_IS_BETTER,
) -> Indicator:
    return Indicator(ident, text, target, aspect, direction)


def sample_unit() -> Sample:
    """Build the sample unit (fresh objects each call; nothing is shared or mutated)."""
    sekda = _employee(
        "197003121995031002",
        "Drs. Hendra Wijaya, M.Si.",
        PositionKind.JPT,
        "Asisten Pemerintahan dan Kesejahteraan Rakyat",
        "Sekretariat Daerah (contoh)",
        None,
    )
    head = _employee(
        "197805172003122001",
        "Ratna Dewi Lestari, S.Sos., M.AP.",
        PositionKind.ADMINISTRATOR,
        "Kepala Bagian Pelayanan Publik",
        UNIT,
        sekda,
    )
    sup_edu = _employee(
        "198201092006041003",
        "Agus Salim, S.Pd., M.Pd.",
        PositionKind.PENGAWAS,
        "Kepala Subbagian Pendidikan dan Kesehatan",
        UNIT,
        head,
    )
    sup_svc = _employee(
        "198411232009022004",
        "Maria Ulfa, S.H.",
        PositionKind.PENGAWAS,
        "Kepala Subbagian Perizinan dan Lingkungan",
        UNIT,
        head,
    )
    teacher = _employee(
        "198609262015051001",
        "Budi Santoso, S.Pd.",
        PositionKind.FUNGSIONAL,
        "Guru (SMP Negeri, Kota Serang)",
        UNIT,
        sup_edu,
        Jenjang.AHLI_MUDA,
    )
    scholarship = _employee(
        "199107042019032012",
        "Siti Aminah, S.E.",
        PositionKind.PELAKSANA,
        "Pengelola Beasiswa (Batanghari)",
        UNIT,
        sup_edu,
    )
    nurse = _employee(
        "199302142017012003",
        "Cut Nyak Rahmah, A.Md.Kep.",
        PositionKind.FUNGSIONAL,
        "Perawat Puskesmas (Sabang)",
        UNIT,
        sup_edu,
        Jenjang.TERAMPIL,
    )
    midwife = _employee(
        "199508302022212001",
        "Nurul Hidayah, A.Md.Keb.",
        PositionKind.FUNGSIONAL,
        "Bidan Puskesmas (Sabang), PPPK",
        UNIT,
        sup_edu,
        Jenjang.MAHIR,
    )
    permits = _employee(
        "199010102015031001",
        "Rizky Pratama, S.T.",
        PositionKind.FUNGSIONAL,
        "Analis Perizinan (Tangerang Selatan)",
        UNIT,
        sup_svc,
        Jenjang.AHLI_PERTAMA,
    )
    registry = _employee(
        "199203152022211002",
        "Dedi Kurniawan",
        PositionKind.PELAKSANA,
        "Pengadministrasi Kependudukan (Tangerang Selatan), PPPK",
        UNIT,
        sup_svc,
    )
    outreach = _employee(
        "198812012014022002",
        "Lina Marlina, S.KM.",
        PositionKind.PELAKSANA,
        "Penyuluh Program Serang Bersih",
        UNIT,
        sup_svc,
    )
    environment = _employee(
        "198705052010011004",
        "Yusuf Hamdani, S.Si.",
        PositionKind.FUNGSIONAL,
        "Pengendali Dampak Lingkungan (Serang Bersih)",
        UNIT,
        sup_svc,
        Jenjang.AHLI_MUDA,
    )
    employees = (
        sekda,
        head,
        sup_edu,
        sup_svc,
        teacher,
        scholarship,
        nurse,
        midwife,
        permits,
        registry,
        outreach,
        environment,
    )

    def plan(
        ident: str,
        employee: Employee,
        penilai: Employee,
        atasan: Employee | None,
        results: list[WorkResult],
        *,
        leads_unit: bool = False,
    ) -> PerformancePlan:
        return PerformancePlan(
            id=ident,
            employee=employee,
            pejabat_penilai=penilai,
            period=YEAR,
            work_results=tuple(results),
            atasan_pejabat_penilai=atasan,
            approach=Approach.KUANTITATIF,
            leads_unit=leads_unit,
        )

    pct = "%"
    plans = (
        plan(
            "skp-2025-kabag",
            head,
            sekda,
            None,
            [
                WorkResult(
                    "rhk-1",
                    "Meningkatnya kualitas pelayanan publik di lingkup bagian",
                    (
                        _indicator(
                            "iki-1", "Indeks kepuasan masyarakat", Target.value(85, "indeks")
                        ),
                        _indicator(
                            "iki-2", "Layanan yang memenuhi standar waktu", Target.value(90, pct)
                        ),
                    ),
                    leader_work_result="Meningkatnya kualitas pelayanan publik daerah",
                )
            ],
            leads_unit=True,
        ),
        plan(
            "skp-2025-kasubag-pk",
            sup_edu,
            head,
            sekda,
            [
                WorkResult(
                    "rhk-1",
                    "Terkoordinasinya program pendidikan dan kesehatan",
                    (
                        _indicator(
                            "iki-1",
                            "Program yang terlaksana sesuai jadwal",
                            Target.value(12, "program"),
                        ),
                    ),
                    leader_work_result="Meningkatnya kualitas pelayanan publik di lingkup bagian",
                )
            ],
        ),
        plan(
            "skp-2025-kasubag-pl",
            sup_svc,
            head,
            sekda,
            [
                WorkResult(
                    "rhk-1",
                    "Terkoordinasinya layanan perizinan dan program lingkungan",
                    (
                        _indicator(
                            "iki-1",
                            "Laporan monitoring bulanan tepat waktu",
                            Target.value(12, "laporan"),
                        ),
                    ),
                    leader_work_result="Meningkatnya kualitas pelayanan publik di lingkup bagian",
                )
            ],
        ),
        plan(
            "skp-2025-guru",
            teacher,
            sup_edu,
            head,
            [
                WorkResult(
                    "rhk-1",
                    "Meningkatnya angka kelulusan siswa kelas IX",
                    (
                        _indicator("iki-1", "Angka kelulusan", Target.value(95, pct)),
                        _indicator(
                            "iki-2",
                            "Rata-rata nilai ujian sekolah",
                            Target.value(80, "nilai"),
                            Aspect.KUALITAS,
                        ),
                    ),
                ),
                WorkResult(
                    "rhk-2",
                    "Tersusunnya modul pembelajaran remedial",
                    (_indicator("iki-3", "Modul yang tersusun", Target.value(2, "modul")),),
                ),
            ],
        ),
        plan(
            "skp-2025-beasiswa",
            scholarship,
            sup_edu,
            head,
            [
                WorkResult(
                    "rhk-1",
                    "Meningkatnya partisipasi siswa dalam program beasiswa daerah",
                    (
                        _indicator(
                            "iki-1", "Penerima beasiswa tersalurkan", Target.value(400, "siswa")
                        ),
                        _indicator(
                            "iki-2",
                            "Waktu verifikasi berkas",
                            Target.value(14, "hari"),
                            Aspect.WAKTU,
                            Direction.LOWER_IS_BETTER,
                        ),
                    ),
                )
            ],
        ),
        plan(
            "skp-2025-perawat",
            nurse,
            sup_edu,
            head,
            [
                WorkResult(
                    "rhk-1",
                    "Meningkatnya cakupan imunisasi dasar lengkap",
                    (
                        _indicator(
                            "iki-1", "Cakupan imunisasi dasar lengkap", Target.range(90, 95, pct)
                        ),
                    ),
                )
            ],
        ),
        plan(
            "skp-2025-bidan",
            midwife,
            sup_edu,
            head,
            [
                WorkResult(
                    "rhk-1",
                    "Terlaksananya pelayanan kesehatan ibu dan anak",
                    (_indicator("iki-1", "Kunjungan ibu hamil K4", Target.value(95, pct)),),
                ),
                WorkResult(
                    "rhk-2",
                    "Terlaksananya posyandu keliling",
                    (
                        _indicator(
                            "iki-2", "Posyandu keliling terlaksana", Target.value(24, "kegiatan")
                        ),
                    ),
                ),
            ],
        ),
        plan(
            "skp-2025-perizinan",
            permits,
            sup_svc,
            head,
            [
                WorkResult(
                    "rhk-1",
                    "Percepatan penyelesaian permohonan izin usaha",
                    (
                        _indicator(
                            "iki-1",
                            "Rata-rata waktu penyelesaian izin",
                            Target.value(5, "hari kerja"),
                            Aspect.WAKTU,
                            Direction.LOWER_IS_BETTER,
                        ),
                        _indicator(
                            "iki-2", "Permohonan diselesaikan", Target.value(1200, "berkas")
                        ),
                    ),
                )
            ],
        ),
        plan(
            "skp-2025-dukcapil",
            registry,
            sup_svc,
            head,
            [
                WorkResult(
                    "rhk-1",
                    "Terbitnya akta kelahiran tepat waktu",
                    (
                        _indicator(
                            "iki-1",
                            "Waktu penerbitan akta kelahiran",
                            Target.value(3, "hari"),
                            Aspect.WAKTU,
                            Direction.LOWER_IS_BETTER,
                        ),
                    ),
                )
            ],
        ),
        plan(
            "skp-2025-penyuluh",
            outreach,
            sup_svc,
            head,
            [
                WorkResult(
                    "rhk-1",
                    "Meningkatnya partisipasi warga dalam program Serang Bersih",
                    (
                        _indicator(
                            "iki-1",
                            "Kelurahan yang mengikuti edukasi kebersihan",
                            Target.value(20, "kelurahan"),
                        ),
                        _indicator(
                            "iki-2", "Warga yang hadir dalam edukasi", Target.value(2000, "orang")
                        ),
                    ),
                )
            ],
        ),
        plan(
            "skp-2025-lingkungan",
            environment,
            sup_svc,
            head,
            [
                WorkResult(
                    "rhk-1",
                    "Meningkatnya cakupan pengangkutan sampah rumah tangga",
                    (_indicator("iki-1", "Cakupan pengangkutan sampah", Target.value(80, pct)),),
                )
            ],
        ),
    )

    def rate(
        plan_: PerformancePlan,
        role: AssessorRole,
        by: Employee,
        hasil: Rating,
        perilaku: Rating,
        realised: dict[str, int | str] | None = None,
        feedback: str | None = None,
    ) -> Assessment:
        return Assessment(
            plan_id=plan_.id,
            role=role,
            assessor=by.nip,
            given_on=SELF_ON if role is AssessorRole.SELF else GIVEN_ON,
            period=YEAR,
            hasil_kerja=hasil,
            perilaku_kerja=perilaku,
            realisations=tuple(
                Realisation(ind, value, (f"e-kinerja/{plan_.id}/{ind}.pdf",))
                for ind, value in (realised or {}).items()
            ),
            feedback=feedback,
        )

    p = {pl.employee.nip: pl for pl in plans}
    penilai, own, peer = AssessorRole.PEJABAT_PENILAI, AssessorRole.SELF, AssessorRole.PEER
    assessments = (
        rate(p[head.nip], penilai, sekda, _S, _A, {"iki-1": "86.4", "iki-2": 92}),
        rate(p[head.nip], own, head, _A, _A),
        rate(p[sup_edu.nip], penilai, head, _S, _S, {"iki-1": 12}),
        rate(p[sup_svc.nip], penilai, head, _S, _A, {"iki-1": 12}),
        rate(
            p[teacher.nip],
            penilai,
            sup_edu,
            _A,
            _A,
            {"iki-1": "98.5", "iki-2": "83.2", "iki-3": 3},
            "Angka kelulusan melampaui target; modul remedial dipakai sekolah lain.",
        ),
        rate(p[teacher.nip], own, teacher, _A, _S),
        rate(p[teacher.nip], peer, scholarship, _A, _A),
        rate(p[teacher.nip], peer, nurse, _A, _S),
        rate(p[teacher.nip], peer, midwife, _A, _A),
        rate(p[scholarship.nip], penilai, sup_edu, _S, _S, {"iki-1": 392, "iki-2": 14}),
        rate(p[scholarship.nip], own, scholarship, _S, _S),
        rate(
            p[nurse.nip],
            penilai,
            sup_edu,
            _B,
            _S,
            {"iki-1": "84.7"},
            "Cakupan di bawah target karena dua desa belum terjangkau; perlu jadwal keliling.",
        ),
        rate(p[nurse.nip], own, nurse, _S, _S),
        rate(p[midwife.nip], penilai, sup_edu, _S, _A, {"iki-1": 96, "iki-2": 26}),
        rate(p[permits.nip], penilai, sup_svc, _A, _S, {"iki-1": "3.2", "iki-2": 1315}),
        rate(p[permits.nip], peer, registry, _A, _A),
        rate(p[permits.nip], peer, outreach, _S, _A),
        rate(
            p[registry.nip],
            penilai,
            sup_svc,
            _S,
            _B,
            {"iki-1": 3},
            "Target waktu tercapai, tetapi dua kali menunda layanan tanpa alasan (perilaku).",
        ),
        rate(p[registry.nip], own, registry, _S, _S),
        rate(p[outreach.nip], penilai, sup_svc, _S, _S, {"iki-1": 21, "iki-2": 1850}),
        rate(
            p[environment.nip],
            penilai,
            sup_svc,
            _B,
            _A,
            {"iki-1": "71.5"},
            "Armada kurang; inisiatif bank sampah patut dihargai.",
        ),
        rate(p[environment.nip], own, environment, _S, _A),
    )
    return Sample(
        title="Contoh unit kerja: Bagian Pelayanan Publik, evaluasi kinerja tahunan 2025",
        employees=employees,
        plans=plans,
        assessments=assessments,
        policy=SupervisorDecides(),
        guards=Guards(),
        organisation_predikat=OrganisationPredikat.BAIK,
    )
