"""The steps of the consequences and of the distribution check in Bahasa Indonesia (issue 14,
slice T2): the tunjangan kinerja (attendance cuts, leave, discipline), angka kredit, the career
checks, recognition and development, PP 30/2019 and pembinaan, and ``DistributionReport.steps``.
``Explanation.render(lang="id")`` shows each step's inputs, output and note through the
catalogue messages ``step.<RULE ID>.<name>``, numbers written per language; the step's data
(its JSON, the English text) is unchanged.

Every expected Indonesian line below is written by hand from the English text the rule records,
the phrase table of the module and the arithmetic noted beside it, never copied from the code's
output. The citations (``dasar:``) and a citation quoted in a note stay as they are: they name
the regulations.
"""

from __future__ import annotations

import datetime as dt
import importlib
from decimal import Decimal
from typing import Any

import attrs
import pytest

from asn_performance import Period, appraise
from asn_performance._kit.i18n import catalogue
from asn_performance.consequences import NATIONAL, RewardOutcome
from asn_performance.consequences.allowance import (
    KEMNAKER_2025,
    Attendance,
    DisciplinaryPenalty,
    DisciplineCuts,
    Leave,
    compute_allowance,
)
from asn_performance.consequences.angka_kredit import accumulate, angka_kredit, reaches_minimum
from asn_performance.consequences.career import (
    jenjang_promotion_eligible,
    pangkat_reguler_eligible,
    succession_pool,
)
from asn_performance.consequences.distribution.check import check_distribution
from asn_performance.consequences.recognition import Incentive, recognise
from asn_performance.consequences.sanctions import improvement_timeline
from asn_performance.domain.employee import Employee, Jenjang, Position, PositionKind
from asn_performance.domain.explanation import Explanation, Step, step_in
from asn_performance.domain.nip import Nip
from asn_performance.domain.rank import Golongan
from asn_performance.services.sample import sample_unit

#: The modules (``consequences.angka_kredit`` the module, not the function of that name).
_discipline, _leave, allowance, angka_kredit_module, career, recognition, sanctions, check = (
    importlib.import_module(f"asn_performance.consequences.{name}")
    for name in (
        "_discipline",
        "_leave",
        "allowance",
        "angka_kredit",
        "career",
        "recognition",
        "sanctions",
        "distribution.check",
    )
)
MODULES = (
    _discipline,
    _leave,
    allowance,
    angka_kredit_module,
    career,
    recognition,
    sanctions,
    check,
)

#: The rules of this slice: every step the consequences and the distribution check record.
SLICE = frozenset(
    {
        "TUKIN-DISCIPLINE",
        "CAREER-DISCIPLINE",
        "TUKIN-NOT-PAID",
        "TUKIN-LEAVE",
        "TUKIN-STUDY",
        "TUKIN-PERFORMANCE",
        "TUKIN-ATTENDANCE",
        "TUKIN-TOTAL",
        "AK-CONVERSION",
        "AK-ACCUMULATION",
        "AK-MINIMUM",
        "CAREER-JENJANG",
        "CAREER-JENJANG-NEXT",
        "CAREER-JENJANG-PANGKAT",
        "CAREER-DATA-MISSING",
        "D11-PANGKAT-REGULER",
        "CAREER-PANGKAT-MASA",
        "CAREER-PANGKAT-NEXT",
        "CAREER-SUCCESSION",
        "RECOGNITION",
        "RECOGNITION-INCENTIVE",
        "DEVELOPMENT",
        "PP30-TARGETS-NOT-MET",
        "PEMBINAAN",
        "SE3/2023-DISTRIBUTION",
    }
)

#: The note of the Kemnaker tunjangan, Indonesian: the first part of the citation after
#: "peraturan:", the rest of the citation as it is.
KEMNAKER_NOTE = (
    "   catatan: peraturan: Permenaker 15/2024 Pasal 5 (70 % capaian kinerja, 30 % kehadiran) and"
    " Pasal 13 (attendance cuts); Kepsekjen Kemnaker 82/2025 Lampiran p.7 (predikat →"
    " percentage); tukin pokok per kelas 1-17: Lampiran Permenaker 15/2024 p.12 (= Lampiran"
    " Kepsekjen 82/2025 p.7), via sandro4132017/gajihub src/business-logic/tarifTukinPokok.ts;"
    " net rounded once as in the ministry's ADK sheet (gajihub __tests__/adk.test.ts)"
)
CARRIED = (
    "dihitung dengan presisi penuh; ditampilkan 2 angka di belakang koma, dibulatkan setengah"
    " ke atas (D5)"
)
AHLI_PERTAMA = Position(PositionKind.FUNGSIONAL, "Analis Kebijakan", Jenjang.AHLI_PERTAMA)


def _lines(steps: Any) -> list[str]:
    """The inputs, result and note lines of the steps rendered in Indonesian (no titles, no
    citations)."""
    text = Explanation(tuple(steps)).render("id")
    return [
        line for line in text.splitlines() if line.startswith(("   masukan", "   hasil", "   cat"))
    ]


# --- the phrase tables of the modules are the English catalogue ---------------------------------


def test_every_phrase_a_module_exposes_is_its_english_message() -> None:
    english = catalogue("en")
    exposed: dict[str, str] = {}
    for module in MODULES:
        for msg_id, phrase in module.STEP_PHRASES.items():
            assert msg_id not in exposed, msg_id
            exposed[msg_id] = phrase
    for msg_id, phrase in exposed.items():
        assert english[msg_id].text == phrase, msg_id
        assert msg_id.removeprefix("step.").partition(".")[0] in SLICE, msg_id
    # and every step.<rule of the slice> message is one of a module's phrases
    ours = {m for m in english if m.startswith("step.") and m.split(".")[1] in SLICE}
    assert ours == set(exposed)


def test_the_fixed_phrases_the_modules_write_are_the_ones_they_expose() -> None:
    ak = angka_kredit_module.STEP_PHRASES
    assert (
        "; ".join((ak["step.AK-CONVERSION.carried"], ak["step.AK-CONVERSION.half_up"]))
        == angka_kredit_module._CARRIED_NOTE
    )
    assert (
        "; ".join((ak["step.AK-ACCUMULATION.carried"], ak["step.AK-ACCUMULATION.half_up"]))
        == angka_kredit_module._CARRIED_NOTE
    )
    assert (
        allowance.STEP_PHRASES["step.TUKIN-ATTENDANCE.stops_at_zero"]
        == allowance._STOPS_AT_ZERO_NOTE
    )
    assert _discipline.STEP_PHRASES["step.CAREER-DISCIPLINE.note"] == _discipline._CAREER_NOTE


# --- hand-written Indonesian for the worked examples --------------------------------------------


def test_an_allowance_with_attendance_cuts_in_indonesian() -> None:
    # Kemnaker kelas 10 (Rp 5,979,200), Baik (100 %), March 2025; one day absent (3 %), two
    # missing check-ins (2 × 1 %), 60 minutes late (60 × 0.01 % = 0.6 %), one missed ceremony
    # (3 %): cuts 3 + 2 + 0.6 + 3 = 8.6 %. Performance 5,979,200 × 70 % = 4,185,440;
    # attendance 5,979,200 × 30 % × 91.4 % = 1,793,760 × 0.914 = 1,639,496.64 → 1,639,497;
    # the net 4,185,440 + 1,639,496.64 = 5,824,936.64 rounded once → 5,824,937. Indonesian
    # writes "." between thousands and "," before the decimals.
    result = compute_allowance(
        KEMNAKER_2025,
        10,
        "baik",
        Attendance(days_absent=1, missing_checks=2, minutes_late_or_early=60, missed_ceremonies=1),
        period=Period.month(2025, 3),
    )
    assert _lines(result.steps) == [
        "   masukan: kebijakan = kemnaker 2025, periode = 2025-03, kelas = 10, tunjangan kinerja"
        " kelas jabatan = Rp 5.979.200, bagian kinerja = 70 %, predikat = Baik → 100 %",
        "   hasil: Rp 5.979.200 × 70 % × 100 % = Rp 4.185.440 → dibayar Rp 4.185.440",
        KEMNAKER_NOTE,
        "   masukan: bagian kehadiran = 30 %, hari tidak masuk kerja = 1 × 3 %, tidak presensi"
        " masuk/pulang = 2 × 1 %, menit terlambat masuk atau pulang sebelum waktunya = 60 ×"
        " 0,01 %, tidak mengikuti upacara = 1 × 3 %, potongan = 8,6 %",
        "   hasil: Rp 5.979.200 × 30 % × (100 % − 8,6 %) = Rp 1.639.496,64 → dibayar Rp 1.639.497",
        "   hasil: Rp 5.824.936,64 → Rp 5.824.937",
    ]


def test_an_allowance_during_cuti_besar_and_under_a_penalty_in_indonesian() -> None:
    # Cuti besar month 2: "dikurangi 75 %", paid 25 %. Performance 4,185,440 × 25 % =
    # 1,046,360; attendance without cuts 5,979,200 × 30 % = 1,793,760 × 25 % = 448,440; total
    # 1,494,800.
    leave = compute_allowance(KEMNAKER_2025, 10, "baik", leave=Leave("cuti_besar", month=2))
    lines = _lines(leave.steps)
    assert lines[3:] == [
        "   masukan: bagian kehadiran = 30 %, potongan = 0 %",
        "   hasil: Rp 5.979.200 × 30 % × (100 % − 0 %) = Rp 1.793.760",
        "   catatan: tidak ada potongan kehadiran",
        "   masukan: cuti = cuti_besar, ketentuan = cuti besar, bulan ke-2",
        "   hasil: dikurangi 75 %: dibayar 25 %",
        "   catatan: peraturan: Permenaker 15/2024 Pasal 14 (leave: 'dibayarkan setelah dikurangi"
        " X %'; huruf a-b paid in full, huruf c cuti besar 50/75/90 %, huruf d cuti sakit"
        " 0/50/75/100 %, huruf e gugur kandungan 1 % per day from one month to one and a half"
        " months), Pasal 4 huruf d (no tukin during CLTN or MPP), tugas belajar 80 % of the"
        " tukin of the kelas",
        "   masukan: dibayar = 25 %, komponen capaian kinerja = Rp 1.046.360, komponen kehadiran"
        " = Rp 448.440",
        "   hasil: Rp 1.494.800 → Rp 1.494.800",
    ]
    # While paid at a share, the performance step shows no "dibayar": the total step does.
    assert lines[1] == "   hasil: Rp 5.979.200 × 70 % × 100 % = Rp 4.185.440"
    # PP 94/2021 sedang, 6 months from 1 March 2025: April is cut 25 %, paid 75 %:
    # 4,185,440 × 75 % = 3,139,080; 1,793,760 × 75 % = 1,345,320; total 4,484,400.
    penalty = DisciplinaryPenalty("pemotongan_tukin_6_bulan", dt.date(2025, 3, 1))
    cut = compute_allowance(
        attrs.evolve(KEMNAKER_2025, discipline=DisciplineCuts()),
        10,
        "baik",
        period=Period.month(2025, 4),
        penalties=(penalty,),
    )
    assert _lines(cut.steps)[6:] == [
        "   masukan: hukuman disiplin = pemotongan_tukin_6_bulan (sedang), TMT = 2025-03-01,"
        " potongan = 25 % selama 6 bulan, s.d. 2025-08-31",
        "   hasil: dipotong 25 %: dibayar 75 %",
        "   catatan: peraturan: PP 94/2021: hukuman disiplin sedang, pemotongan tunjangan kinerja"
        " 25 % for 6, 9 or 12 months [S24]; suatu bulan dipotong bila tanggal 1 bulan itu jatuh"
        " dalam masa hukuman disiplin; dari dua potongan, yang lebih besar yang berlaku"
        " (keputusan pustaka)",
        "   masukan: dibayar = 75 %, komponen capaian kinerja = Rp 3.139.080, komponen kehadiran"
        " = Rp 1.345.320",
        "   hasil: Rp 4.484.400 → Rp 4.484.400",
    ]


def test_angka_kredit_of_a_jenjang_with_proration_in_indonesian() -> None:
    # BKN's example: Ahli Pertama (koefisien 12.5), Baik (100 %), January-February 2024:
    # 2/12 × 100 % × 12.5 = 25/12 = 2.0833… (cut at 8 places: 2.08333333…, shown 2.08); with
    # 18.75 held: 20.8333… → 20.83; the minimum for kenaikan pangkat of Ahli Pertama is 50:
    # short by 50 − 20.8333… = 29.1666… → 29.17.
    span = Period.span(dt.date(2024, 1, 1), dt.date(2024, 2, 29))
    result = angka_kredit("baik", "ahli_pertama", 2, period=span)
    total = accumulate([result], start=Decimal("18.75"))
    minimum = reaches_minimum(total, "ahli_pertama")
    assert _lines(result.steps + total.steps + minimum.steps) == [
        "   masukan: periode = 2024-01-01/2024-02-29, predikat = Baik, jenjang = Ahli Pertama,"
        " jumlah bulan = 2, persentase = 100 %, koefisien = 12,5",
        "   hasil: 2/12 × 100 % × 12,5 = 2,08333333… (ditampilkan 2,08)",
        "   catatan: " + CARRIED,
        "   masukan: angka kredit awal = 18,75, 2024-01-01/2024-02-29 = 2,08333333…",
        "   hasil: 20,83333333… (ditampilkan 20,83)",
        "   catatan: " + CARRIED,
        "   masukan: jenjang = Ahli Pertama, untuk = Kenaikan pangkat, angka kredit ="
        " 20,83333333…, minimal = 50",
        "   hasil: belum tercapai (kurang 29,17)",
    ]


def test_twelve_monthly_values_whose_shown_sum_differs_in_indonesian() -> None:
    # Ahli Madya (37.5), Butuh Perbaikan (75 %), one month: 1/12 × 75 % × 37.5 = 28.125/12 =
    # 2.34375 (shown 2.34); twelve of them: 28.125 → 28.13, but 12 × 2.34 = 28.08.
    month = angka_kredit("butuh_perbaikan", "ahli_madya", 1)
    total = accumulate([month] * 12)
    lines = _lines(month.steps + total.steps)
    assert lines[:2] == [
        "   masukan: predikat = Butuh Perbaikan, jenjang = Ahli Madya, jumlah bulan = 1,"
        " persentase = 75 %, koefisien = 37,5",
        "   hasil: 1/12 × 75 % × 37,5 = 2,34375 (ditampilkan 2,34)",
    ]
    # The names #1 ... #12 are the periods' places; a name is never a number to rewrite.
    assert lines[3] == "   masukan: " + ", ".join(f"#{i} = 2,34375" for i in range(1, 13))
    assert lines[4:] == [
        "   hasil: 28,125 (ditampilkan 28,13)",
        "   catatan: " + CARRIED + "; menjumlahkan nilai tiap periode yang ditampilkan akan"
        " menghasilkan 28,08, yang bukan presisi penuh",
    ]


def test_career_in_indonesian() -> None:
    # Ahli Pertama (III/a-III/b), III/b, TMT pangkat 1 April 2021. Kenaikan jenjang: Baik is
    # at least Baik; next Ahli Muda; III/b is in the range; AK 99.99 < 100: short by 0.01.
    employee = Employee(
        Nip("198609262015051001"),
        "Rina",
        AHLI_PERTAMA,
        "Bagian Umum",
        golongan=Golongan.III_B,
        tmt_pangkat=dt.date(2021, 4, 1),
    )
    jenjang = jenjang_promotion_eligible("baik", employee=employee, ak_kumulatif="99.99")
    assert _lines(jenjang.steps) == [
        "   masukan: tahun lalu = Baik, paling rendah = Baik",
        "   hasil: memenuhi syarat",
        "   catatan: kenaikan jenjang juga memerlukan AK kumulatif minimal untuk kenaikan jenjang",
        "   masukan: jenjang = Ahli Pertama",
        "   hasil: berikutnya: Ahli Muda",
        "   catatan: PerBKN 3/2023 tidak menetapkan AK minimal kenaikan jenjang bagi jenjang"
        " tertinggi",
        "   masukan: golongan = Penata Muda Tingkat I, III/b, rentang golongan = III/a-III/b",
        "   hasil: dalam rentang golongan jenjang",
        "   catatan: ditampilkan, tidak ditolak (keputusan pustaka): periksa golongan atau"
        " jenjangnya",
        "   masukan: jenjang = Ahli Pertama, untuk = Kenaikan jenjang, angka kredit = 99,99,"
        " minimal = 100",
        "   hasil: belum tercapai (kurang 0,01)",
    ]
    # Kenaikan pangkat reguler on 31 March 2025: from 1 April 2021 that is 3 years, 11 months
    # (to 1 March 2025) and 30 days; the 4 years are complete on 1 April 2025: not long enough.
    pangkat = pangkat_reguler_eligible(
        ["baik", "sangat_baik"], employee=employee, on=dt.date(2025, 3, 31)
    )
    assert _lines(pangkat.steps) == [
        "   masukan: dua tahun lalu = Baik, tahun lalu = Sangat Baik, paling rendah = Baik",
        "   hasil: memenuhi syarat",
        "   catatan: pembacaan BELUM DIKONFIRMASI (keputusan D11)",
        "   masukan: TMT pangkat = 2021-04-01, per tanggal = 2025-03-31, masa dalam pangkat ="
        " 3 tahun 11 bulan 30 hari, genap 4 tahun = 2025-04-01",
        "   hasil: masa dalam pangkat belum cukup",
        "   catatan: BELUM DIKONFIRMASI: PP 99/2000 Pasal 7 sebagaimana diubah dengan PP 12/2002"
        " (naskahnya belum dilihat)",
        "   masukan: golongan = Penata Muda Tingkat I, III/b",
        "   hasil: berikutnya: Penata, III/c",
        "   catatan: kenaikan pangkat adalah setingkat lebih tinggi",
    ]
    # The years are the names of the inputs: 2024 stays 2024 (never 2.024).
    pool = succession_pool({2024: "sangat_baik", 2025: "sangat_baik"})
    assert _lines(pool.steps) == [
        "   masukan: 2024 = Sangat Baik, 2025 = Sangat Baik",
        "   hasil: diprioritaskan masuk kelompok rencana suksesi",
        "   catatan: memerlukan predikat Sangat Baik dalam 2 tahun terakhir berturut-turut",
    ]
    # A PNS without career data: the missing fields are named as they are (field names).
    bare = jenjang_promotion_eligible(
        "baik", employee=Employee(Nip("198609262015051001"), "Rina", AHLI_PERTAMA, "Bagian Umum")
    )
    assert _lines(bare.steps)[-3:] == [
        "   masukan: data yang belum ada = golongan, ak_kumulatif",
        "   hasil: dijawab dari predikat dan jenjang saja",
        "   catatan: lengkapi data karier yang belum ada untuk pemeriksaan lengkap",
    ]


def test_sanctions_recognition_and_incentives_in_indonesian() -> None:
    # Result received 6 May 2025: improve 7 May - 6 November 2025 (6 months); reassignment
    # from 7 November 2025; placement 7 November 2025 - 6 November 2026 (1 year); dismissal
    # recommendation from 7 November 2026. The days stay ISO in the steps.
    timeline = improvement_timeline(dt.date(2025, 5, 6))
    assert _lines(timeline.steps) == [
        "   masukan: hasil penilaian diterima = 2025-05-06, masa perbaikan kinerja = 6 bulan,"
        " penempatan sementara = paling lama 1 tahun",
        "   hasil: perbaikan kinerja 2025-05-07 – 2025-11-06; pemindahan jabatan mulai"
        " 2025-11-07; penempatan sementara 2025-11-07 – 2026-11-06; usul pemberhentian dengan"
        " hormat mulai 2026-11-07",
        "   catatan: setiap tahap berikutnya berlaku hanya jika tahap sebelumnya tidak"
        " menyelesaikannya",
    ]
    # An incentive of Rp 1,000,000.50 for an innovation: paid 1,000,001 (half-up); the
    # amounts written per language, the agency's name of the incentive as it is.
    incentive = Incentive("insentif inovasi", "1000000.5", for_innovation=True)
    result = recognise("sangat_baik", innovation=True, incentives=(incentive,))
    assert result is not None
    assert _lines(result.steps)[-3:] == [
        "   masukan: predikat = Sangat Baik, inovasi = ya",
        "   hasil: insentif inovasi: Rp 1.000.000,5 → Rp 1.000.001; jumlah Rp 1.000.001",
        "   catatan: data kebijakan instansi; setiap jumlah dibayar dalam rupiah penuh,"
        " dibulatkan setengah ke atas, sekali",
    ]


def test_a_distribution_report_in_indonesian() -> None:
    # Organisation Baik, 8 Baik and 2 Sangat Baik (digest §11 example 2): Baik 8 of 10 =
    # 80.00 % > 70 %, strict rounding allows floor(7.0) = 7: violated; at least 1 Butuh
    # Perbaikan or Kurang: 0 of 10: violated. The notes quote the SE (Indonesian already).
    report = check_distribution("baik", {"baik": 8, "sangat_baik": 2})
    assert _lines(report.steps) == [
        "   masukan: predikat organisasi = Baik, pembulatan = ketat",
        "   hasil: Baik: 8 dari 10 (80,00 %); maksimal 70 % membolehkan 7 dari 10 (pembulatan"
        " ketat: ke bawah): DILANGGAR",
        "   catatan: sebagian besar (maksimal 70 %) Baik",
        "   masukan: predikat organisasi = Baik, pembulatan = ketat",
        "   hasil: Butuh Perbaikan dan/atau Kurang/Misconduct: 0 dari 10 (0,00 %); minimal 1:"
        " DILANGGAR",
        "   catatan: wajib ada minimal 1 pegawai Butuh Perbaikan dan/atau Kurang/Misconduct",
    ]
    # The step's own text reads as the report's line in each language.
    first = report.checks[0]
    assert step_in(report.steps[0], "id").output == first.message("id")
    assert report.steps[0].output == first.message()
    # Lenient rounding of 1,500: a minimum of 10 % needs floor(150) = 150 ("ke bawah").
    lenient = check_distribution("kurang", {"kurang": 1000, "baik": 500}, "lenient")
    outputs = [step_in(step, "id").output for step in lenient.steps]
    assert outputs[1] == (
        "Butuh Perbaikan: 0 dari 1.500 (0,00 %); minimal 10 % mensyaratkan 150 dari 1.500"
        " (pembulatan longgar: ke bawah): DILANGGAR"
    )


def _reward_outcome() -> RewardOutcome:
    sample = sample_unit()
    plan = next(p for p in sample.plans if p.employee.nip.digits == "198609262015051001")
    appraisal = appraise(
        plan,
        [a for a in sample.assessments if a.plan_id == plan.id],
        policy=sample.policy,
        guards=sample.guards,
        organisation_predikat=sample.organisation_predikat,
    )
    return NATIONAL.evaluate([appraisal])


def test_a_reward_outcome_of_the_sample_in_indonesian() -> None:
    # The teacher: Ahli Muda (koefisien 25), Sangat Baik (150 %), 2025: 12/12 × 150 % × 25 =
    # 37.5; minimums 100 (pangkat) and 200 (jenjang): short by 62.50 and 162.50. One year of
    # Sangat Baik: not (yet) in the succession pool; no two consecutive years: the pangkat
    # reguler note.
    outcome = _reward_outcome()
    text = outcome.explain("id")
    assert text.splitlines()[0] == (
        "penghargaan dan sanksi untuk 198609262015051001 menurut kebijakan national 2025.1: 2025"
    )
    assert _lines(outcome.steps) == [
        "   masukan: periode = 2025, predikat = Sangat Baik, jenjang = Ahli Muda, jumlah bulan"
        " = 12, persentase = 150 %, koefisien = 25",
        "   hasil: 12/12 × 150 % × 25 = 37,5",
        "   masukan: 2025 = 37,5",
        "   hasil: 37,5 (ditampilkan 37,50)",
        "   catatan: " + CARRIED,
        "   masukan: jenjang = Ahli Muda, untuk = Kenaikan pangkat, angka kredit = 37,5, minimal"
        " = 100",
        "   hasil: belum tercapai (kurang 62,50)",
        "   masukan: jenjang = Ahli Muda, untuk = Kenaikan jenjang, angka kredit = 37,5, minimal"
        " = 200",
        "   hasil: belum tercapai (kurang 162,50)",
        "   masukan: tahun lalu = Sangat Baik, paling rendah = Baik",
        "   hasil: memenuhi syarat",
        "   catatan: kenaikan jenjang juga memerlukan AK kumulatif minimal untuk kenaikan jenjang",
        "   masukan: 2025 = Sangat Baik",
        "   hasil: tidak masuk kelompok rencana suksesi",
        "   catatan: memerlukan predikat Sangat Baik dalam 2 tahun terakhir berturut-turut",
        "   masukan: periode = 2025, predikat = Sangat Baik",
        "   hasil: Sertifikat penghargaan; Pengakuan publik dalam acara resmi; Kesempatan"
        " mengikuti seminar dan pelatihan",
        "   catatan: praktik instansi menurut laporan daerah, bukan ketentuan nasional",
    ]
    assert text.splitlines()[-2:] == [
        "catatan:",
        "- kenaikan pangkat reguler: memerlukan predikat tahunan 2 tahun terakhir berturut-turut",
    ]
    # The data and the English text do not change.
    assert outcome.notes == (
        "pangkat reguler: needs the annual predikat of the last 2 consecutive years",
    )
    assert outcome.explain().splitlines()[-1] == (
        "- pangkat reguler: needs the annual predikat of the last 2 consecutive years"
    )


def test_a_development_and_pembinaan_in_indonesian() -> None:
    # The nested phrases of a step: "develop: {values}" with the values "perilaku kerja as a
    # whole", "improve: {results}" with "no work result rated below".
    step = Step(
        recognition._RULE["DEVELOPMENT"],
        "development",
        (("period", "2025"), ("predikat", "Kurang/Misconduct")),
        "develop: perilaku kerja as a whole; improve: no work result rated below",
        "from the pejabat penilai kinerja's assessment",
    )
    assert _lines([step]) == [
        "   masukan: periode = 2025, predikat = Kurang/Misconduct",
        "   hasil: kembangkan: perilaku kerja secara keseluruhan; tingkatkan: tidak ada hasil"
        " kerja yang di bawah ekspektasi",
        "   catatan: dari penilaian pejabat penilai kinerja",
    ]
    pembinaan = Step(
        sanctions._RULE["PEMBINAAN"],
        "consequences",
        (("period", "2025"), ("predikat", "Sangat Kurang")),
        "pembinaan; administrative sanction under the agency's rules",
        "the administrative sanction is the agency's policy (PP 30/2019 Pasal 56: 'dapat')",
    )
    assert _lines([pembinaan]) == [
        "   masukan: periode = 2025, predikat = Sangat Kurang",
        "   hasil: pembinaan; sanksi administratif menurut ketentuan instansi",
        "   catatan: sanksi administratif adalah kebijakan instansi (PP 30/2019 Pasal 56: 'dapat')",
    ]


# --- no phrase with a translation is left in English --------------------------------------------


def _worked_steps() -> list[Step]:
    employee = Employee(
        Nip("198609262015051001"),
        "Rina",
        AHLI_PERTAMA,
        "Bagian Umum",
        golongan=Golongan.III_B,
        tmt_pangkat=dt.date(2021, 4, 1),
    )
    span = Period.span(dt.date(2024, 1, 1), dt.date(2024, 2, 29))
    conversion = angka_kredit("baik", "ahli_pertama", 2, period=span)
    month = angka_kredit("butuh_perbaikan", "ahli_madya", 1)
    total = accumulate([conversion], start=Decimal("18.75"))
    penalty = DisciplinaryPenalty("pemotongan_tukin_6_bulan", dt.date(2025, 3, 1))
    incentive = Incentive("insentif inovasi", "1000000.5", for_innovation=True)
    recognised = recognise("sangat_baik", innovation=True, incentives=(incentive,))
    assert recognised is not None
    groups: list[tuple[Step, ...]] = [
        compute_allowance(
            KEMNAKER_2025,
            10,
            "baik",
            Attendance(days_absent=40),
            period=Period.month(2025, 3),
        ).steps,
        compute_allowance(KEMNAKER_2025, 10, "baik", leave=Leave("cuti_besar", month=2)).steps,
        compute_allowance(KEMNAKER_2025, 10, "baik", status="tugas_belajar").steps,
        compute_allowance(
            attrs.evolve(KEMNAKER_2025, discipline=DisciplineCuts(), pay_rounded_components=True),
            10,
            "butuh_perbaikan",
            Attendance(minutes_late_or_early=7),
            period=Period.month(2025, 4),
            penalties=(penalty,),
        ).steps,
        conversion.steps,
        accumulate([month] * 12).steps,
        total.steps,
        reaches_minimum(total, "ahli_pertama").steps,
        jenjang_promotion_eligible("baik", employee=employee, ak_kumulatif="99.99").steps,
        pangkat_reguler_eligible(
            ["baik", "baik"], employee=employee, on=dt.date(2025, 3, 31)
        ).steps,
        succession_pool({2024: "sangat_baik", 2025: "sangat_baik"}).steps,
        improvement_timeline(dt.date(2025, 5, 6)).steps,
        recognised.steps,
        check_distribution("baik", {"baik": 8, "sangat_baik": 2}).steps,
        check_distribution("sangat_kurang", {"sangat_baik": 3}).steps,
        _reward_outcome().steps,
    ]
    return [step for steps in groups for step in steps]


def _english_left(step: Step) -> list[str]:
    """The pieces (or "; "-parts) of ``step`` shown in Indonesian that still hold an English
    phrase of its rule whose Indonesian text differs: a fixed phrase as the whole part (``period``
    is inside ``periode``), or every literal bit of a template (``not reached (short by `` and
    ``)``)."""
    english, indonesian = catalogue("en"), catalogue("id")
    prefix = f"step.{step.rule}."
    changed = [m for m in english if m.startswith(prefix) and english[m].text != indonesian[m].text]
    fixed = {english[m].text for m in changed if not english[m].names}
    bits = [
        [piece.strip() for piece, _ in english[m].pieces if piece.strip()]
        for m in changed
        if english[m].names
    ]
    shown = step_in(step, "id")
    pieces = [p for pair in shown.inputs for p in pair] + [shown.output, shown.note]
    parts = {part for piece in pieces for part in {piece, *piece.split("; ")}}
    # a citation quoted in a note stays as it is (the regulation's own words)
    parts = {part for part in parts if not part.startswith("peraturan: ")}
    left = [part for part in parts if part in fixed]
    left += [part for part in parts for bit in bits if bit and all(b in part for b in bit)]
    return left


def test_no_phrase_with_a_translation_is_left_in_english_in_the_worked_examples() -> None:
    seen = set()
    for step in _worked_steps():
        if step.rule in SLICE:
            seen.add(str(step.rule))
            assert not _english_left(step), (step, _english_left(step))
    assert seen >= SLICE - {
        "CAREER-DISCIPLINE",
        "TUKIN-NOT-PAID",
        "CAREER-JENJANG-PANGKAT",
        "CAREER-DATA-MISSING",
        "DEVELOPMENT",
        "PEMBINAAN",
    }


def test_rendering_in_indonesian_changes_no_step_data_and_english_reads_no_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    steps = _worked_steps()
    before = [step.to_dict() for step in steps]
    english = Explanation(steps).render()
    Explanation(steps).render("id")
    Explanation(steps).to_markdown("id")
    assert [step.to_dict() for step in steps] == before
    from asn_performance._kit import i18n

    def refuse(lang: str) -> Any:
        raise AssertionError(f"catalogue {lang} read")

    monkeypatch.setattr(i18n, "catalogue", refuse)
    assert Explanation(steps).render() == english
    assert all(step_in(step, "en") is step for step in steps)
