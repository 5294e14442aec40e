"""``rewards`` and ``calibrate`` in Bahasa Indonesia and in English (issue 14, the slice of the
rewards and the distribution check).

Every expected line is written by hand: the English line as the commands have always printed
it, the Indonesian one with the catalogue's words (``Penghargaan dan sanksi``, ``karier``,
``tunjangan``, ``maksimal 70 %``, ``membolehkan``, ``pembulatan ketat: ke bawah``,
``DILANGGAR``) and Indonesian numbers: ``.`` between thousands, ``,`` before the decimals
(``Rp 2.741.165``, ``50,32``, ``63,64 %``), dates in words (``7 Mei 2025``). The words of the
regulation (the predikat, ``kelas``, ``pembinaan``, the career questions) are the same in both;
the policy's notes are shown in the reader's language (issue 14, slice T2: ``catatan
tunjangan 2025-04: tidak ada data kehadiran; tidak ada potongan``). JSON is the same in every
language.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))
TEACHER = "198609262015051001"  # Ahli Muda, Sangat Baik in the sample
NURSE = "199302142017012003"  # Terampil, Butuh Perbaikan (hasil kerja Di Bawah)
ANALYST = "199010102015031001"  # Analis Perizinan, Ahli Pertama


def run(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run(  # our own entry point, fixed arguments
        command,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**clean, "LANG": "C.UTF-8", **environ},
    )


def ok(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.splitlines()


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(run("sample").stdout)
    return data


@pytest.fixture
def sample_file(sample: dict[str, Any], tmp_path: Path) -> Path:
    return write(tmp_path / "sample.json", sample)


@pytest.fixture
def monthly_file(sample: dict[str, Any], tmp_path: Path) -> Path:
    """The analyst (Ahli Pertama, kelas 7) appraised for March and April 2025 (as in
    ``test_rewards_cli.monthly_document``): March hasil Di Atas, perilaku Sesuai → Baik; April
    hasil Di Bawah, perilaku Sesuai → Butuh Perbaikan; 48.5 angka kredit held; March 1 day
    absent and 30 minutes late; April's result received on 2025-05-06."""
    data = copy.deepcopy(sample)
    plan = next(p for p in data["plans"] if p["employee_nip"] == ANALYST)
    lead = next(
        a
        for a in data["assessments"]
        if a["plan_id"] == plan["id"] and a["role"] == "pejabat_penilai"
    )
    plans, assessments = [], []
    for month, hasil, given_on in (
        ("2025-03", "di_atas_ekspektasi", "2025-04-03"),
        ("2025-04", "di_bawah_ekspektasi", "2025-05-05"),
    ):
        plans.append({**plan, "id": f"skp-{month}", "period": month})
        assessments.append(
            {
                **lead,
                "plan_id": f"skp-{month}",
                "period": month,
                "given_on": given_on,
                "hasil_kerja": hasil,
                "perilaku_kerja": "sesuai_ekspektasi",
            }
        )
    data["plans"], data["assessments"] = plans, assessments
    data["reward_inputs"] = {
        ANALYST: {
            "kelas": 7,
            "attendance": {"2025-03": {"days_absent": 1, "minutes_late_or_early": 30}},
            "prior_angka_kredit": "48.5",
            "result_received_on": "2025-05-06",
        }
    }
    return write(tmp_path / "monthly.json", data)


# --- rewards -----------------------------------------------------------------------------------

# The teacher: Ahli Muda, Sangat Baik: 150 % × 25 = 37.50 angka kredit; the pangkat minimum 100
# is short by 62.50, the jenjang minimum 200 by 162.50; kenaikan jenjang JF: yes; not in the
# succession pool; the three recognitions of the national policy. Labels padded to the widest
# (English "angka kredit" and "recognition" are 12 and 11 wide; Indonesian "angka kredit" 12).
TEACHER_EN = [
    f"{TEACHER}  Budi Santoso, S.Pd.  (Guru (SMP Negeri, Kota Serang), Ahli Muda)",
    "  predikat      2025 Sangat Baik",
    "  angka kredit  37.50 (2025: 37.50); minimum for pangkat 100: short by 62.50; minimum for"
    " jenjang 200: short by 162.50",
    "  career        kenaikan jenjang JF: yes; kelompok rencana suksesi: no",
    # the kinds of recognition in English (RecognitionKind.label_en: agency practice, not terms)
    "  recognition   Certificate of recognition, Public recognition at an official event,"
    " Opportunity to attend seminars and training (agency practice)",
    "  note          pangkat reguler: needs the annual predikat of the last 2 consecutive years",
]
TEACHER_ID = [
    f"{TEACHER}  Budi Santoso, S.Pd.  (Guru (SMP Negeri, Kota Serang), Ahli Muda)",
    "  predikat      2025 Sangat Baik",
    "  angka kredit  37,50 (2025: 37,50); minimal untuk pangkat 100: kurang 62,50; minimal untuk"
    " jenjang 200: kurang 162,50",
    "  karier        kenaikan jenjang JF: ya; kelompok rencana suksesi: tidak",
    "  penghargaan   Sertifikat penghargaan, Pengakuan publik dalam acara resmi, Kesempatan"
    " mengikuti seminar dan pelatihan (praktik instansi)",
    "  catatan       kenaikan pangkat reguler: memerlukan predikat tahunan 2 tahun terakhir"
    " berturut-turut",
]
# The nurse: Terampil, Butuh Perbaikan: 75 % × 5 = 3.75 (minimums 20 and 60: short by 16.25
# and 56.25). Hasil kerja Di Bawah: the result given on 2026-01-12, so 6 months to improve from
# 13 January to 12 July 2026, reassignment from 13 July 2026, a placement of at most a year to
# 12 July 2027, the dismissal recommendation from 13 July 2027. "pengembangan" and
# "konsekuensi" are 12 wide, as "angka kredit".
NURSE_ID = [
    f"{NURSE}  Cut Nyak Rahmah, A.Md.Kep.  (Perawat Puskesmas (Sabang), Terampil)",
    "  predikat      2025 Butuh Perbaikan",
    "  angka kredit  3,75 (2025: 3,75); minimal untuk pangkat 20: kurang 16,25; minimal untuk"
    " jenjang 60: kurang 56,25",
    "  karier        kenaikan jenjang JF: tidak; kelompok rencana suksesi: tidak",
    "  pengembangan  tingkatkan hasil kerja secara keseluruhan",
    "  konsekuensi   target kinerja tidak tercapai: perbaikan kinerja 13 Januari 2026 s.d. 12 Juli"
    " 2026; lalu pemindahan jabatan mulai 13 Juli 2026; penempatan sementara s.d. 12 Juli 2027;"
    " usul pemberhentian dengan hormat mulai 13 Juli 2027",
    "  catatan       kenaikan pangkat reguler: memerlukan predikat tahunan 2 tahun terakhir"
    " berturut-turut",
]
# The unit: 11 employees on annual plans (no allowance); 5 JF holders all short of a minimum;
# pembinaan for the one Kurang. "tunjangan, semua periode" (24 wide) pads the labels.
TOTALS_EN = [
    "Unit totals: 11 employees, 0 paid an allowance",
    "  allowance, all periods  Rp 0 + Rp 0 = Rp 0",
    "  angka kredit minimum    reached by 0, short for 5",
    "  pembinaan               1",
]
TOTALS_ID = [
    "Total unit kerja: 11 pegawai, 0 menerima tunjangan",
    "  tunjangan, semua periode  Rp 0 + Rp 0 = Rp 0",
    "  angka kredit minimal      tercapai oleh 0, kurang untuk 5",
    "  pembinaan                 1",
]
TITLE = "Contoh unit kerja: Bagian Pelayanan Publik, evaluasi kinerja tahunan 2025"


def block(lines: list[str], first: str) -> list[str]:
    """The lines from ``first`` to the next empty line."""
    start = lines.index(first)
    end = lines.index("", start)
    return lines[start:end]


@pytest.mark.parametrize(
    ("args", "environ"),
    [(("--lang", "id"), {}), ((), {"LANG": "id_ID.UTF-8"}), ((), {"LANGUAGE": "id:en"})],
)
def test_rewards_of_the_sample_in_bahasa_indonesia(
    sample_file: Path, args: tuple[str, ...], environ: dict[str, str]
) -> None:
    lines = ok(run("rewards", str(sample_file), *args, **environ))
    assert lines[0] == f"Penghargaan dan sanksi menurut kebijakan national 2025.1 — {TITLE}"
    assert block(lines, TEACHER_ID[0]) == TEACHER_ID
    assert block(lines, NURSE_ID[0]) == NURSE_ID
    assert block(lines, TOTALS_ID[0]) == TOTALS_ID
    assert lines[-1] == "11 pegawai; kebijakan national 2025.1"
    # the head of the unit: no JF, so no angka kredit; the succession pool: no
    assert "  karier    kelompok rencana suksesi: tidak" in lines
    assert not any(line.startswith(("  career", "  note", "  allowance")) for line in lines)


@pytest.mark.parametrize(
    ("args", "environ"),
    [(("--lang", "en"), {"LANG": "id_ID.UTF-8"}), ((), {}), ((), {"LANG": "fr_FR.UTF-8"})],
)
def test_rewards_of_the_sample_in_english(
    sample_file: Path, args: tuple[str, ...], environ: dict[str, str]
) -> None:
    lines = ok(run("rewards", str(sample_file), *args, **environ))
    assert lines[0] == f"Rewards under national 2025.1 — {TITLE}"
    assert block(lines, TEACHER_EN[0]) == TEACHER_EN
    assert block(lines, TOTALS_EN[0]) == TOTALS_EN
    assert lines[-1] == "11 employees; policy national 2025.1"
    assert "  career    kelompok rencana suksesi: no" in lines


# The analyst, monthly under kemnaker_2025 (test_rewards_cli works the amounts out): March Baik,
# kelas 7: 3,915,950 × 70 % = 2,741,165 + attendance 3,915,950 × 30 % × (100 - 3.3) % =
# 1,136,017.095 → 1,136,017, total 3,877,182; April Butuh Perbaikan: × 85 % = 2,329,990.25 →
# 2,329,990 + 1,174,785 uncut = 3,504,775. Angka kredit 12.5 / 12 per month: March 100 % →
# 1.0416… → 1.04, April 75 % → 0.78125 → 0.78; with 48.5 held 50.3229… → 50.32: the pangkat
# minimum 50 reached, the jenjang minimum 100 short by 49.677… → 49.68. April's hasil Di Bawah,
# received 6 May 2025: improve 7 May to 6 November 2025, reassignment from 7 November 2025,
# placement to 6 November 2026, dismissal recommendation from 7 November 2026.
ANALYST_EN = [
    f"{ANALYST}  Rizky Pratama, S.T.  (Analis Perizinan (Tangerang Selatan), Ahli Pertama)",
    "  predikat      2025-03 Baik; 2025-04 Butuh Perbaikan",
    "  angka kredit  50.32 (48.5 held + 2025-03: 1.04, 2025-04: 0.78); minimum for pangkat 50:"
    " reached; minimum for jenjang 100: short by 49.68",
    "  allowance     2025-03 Baik, kelas 7: Rp 2,741,165 + Rp 1,136,017 = Rp 3,877,182",
    "  allowance     2025-04 Butuh Perbaikan, kelas 7: Rp 2,329,990 + Rp 1,174,785 = Rp 3,504,775",
    "  development   improve hasil kerja as a whole",
    "  consequences  targets not met: improve 2025-05-07 to 2025-11-06; then reassignment from"
    " 2025-11-07; placement to 2026-11-06; dismissal recommendation from 2026-11-07",
    "  note          allowance 2025-04: no attendance record; no cuts applied",
    "  note          career: no annual appraisal; career rules look at annual predikat (D1)",
]
ANALYST_ID = [
    f"{ANALYST}  Rizky Pratama, S.T.  (Analis Perizinan (Tangerang Selatan), Ahli Pertama)",
    "  predikat      2025-03 Baik; 2025-04 Butuh Perbaikan",
    "  angka kredit  50,32 (48,5 sebelumnya + 2025-03: 1,04, 2025-04: 0,78); minimal untuk"
    " pangkat 50: tercapai; minimal untuk jenjang 100: kurang 49,68",
    "  tunjangan     2025-03 Baik, kelas 7: Rp 2.741.165 + Rp 1.136.017 = Rp 3.877.182",
    "  tunjangan     2025-04 Butuh Perbaikan, kelas 7: Rp 2.329.990 + Rp 1.174.785 = Rp 3.504.775",
    "  pengembangan  tingkatkan hasil kerja secara keseluruhan",
    "  konsekuensi   target kinerja tidak tercapai: perbaikan kinerja 7 Mei 2025 s.d. 6 November"
    " 2025; lalu pemindahan jabatan mulai 7 November 2025; penempatan sementara s.d. 6 November"
    " 2026; usul pemberhentian dengan hormat mulai 7 November 2026",
    "  catatan       tunjangan 2025-04: tidak ada data kehadiran; tidak ada potongan",
    "  catatan       karier: tidak ada penilaian tahunan; aturan karier memakai predikat"
    " tahunan (D1)",
]
# Totals: 2,741,165 + 2,329,990 = 5,071,155; 1,136,017 + 1,174,785 = 2,310,802; together
# 7,381,957. "allowance, all periods" (22) and "tunjangan, semua periode" (24) pad the labels.
MONTHLY_TOTALS_EN = [
    "Unit totals: 1 employees, 1 paid an allowance",
    "  allowance 2025-03       1 paid: Rp 2,741,165 + Rp 1,136,017 = Rp 3,877,182",
    "  allowance 2025-04       1 paid: Rp 2,329,990 + Rp 1,174,785 = Rp 3,504,775",
    "  allowance, all periods  Rp 5,071,155 + Rp 2,310,802 = Rp 7,381,957",
    "  angka kredit minimum    reached by 0, short for 1",
    "  pembinaan               0",
]
MONTHLY_TOTALS_ID = [
    "Total unit kerja: 1 pegawai, 1 menerima tunjangan",
    "  tunjangan 2025-03         1 dibayar: Rp 2.741.165 + Rp 1.136.017 = Rp 3.877.182",
    "  tunjangan 2025-04         1 dibayar: Rp 2.329.990 + Rp 1.174.785 = Rp 3.504.775",
    "  tunjangan, semua periode  Rp 5.071.155 + Rp 2.310.802 = Rp 7.381.957",
    "  angka kredit minimal      tercapai oleh 0, kurang untuk 1",
    "  pembinaan                 0",
]


@pytest.mark.parametrize(
    ("lang", "expected", "totals", "last"),
    [
        ("en", ANALYST_EN, MONTHLY_TOTALS_EN, "1 employees; policy kemnaker 2025"),
        ("id", ANALYST_ID, MONTHLY_TOTALS_ID, "1 pegawai; kebijakan kemnaker 2025"),
    ],
)
def test_the_allowance_in_rupiah_in_each_language(
    monthly_file: Path, lang: str, expected: list[str], totals: list[str], last: str
) -> None:
    lines = ok(run("rewards", str(monthly_file), "--policy", "kemnaker_2025", "--lang", lang))
    assert block(lines, expected[0]) == expected
    assert block(lines, totals[0]) == totals
    assert lines[-1] == last


def test_rewards_json_is_the_same_in_every_language(monthly_file: Path) -> None:
    english = run("rewards", str(monthly_file), "--policy", "kemnaker_2025", "--json")
    indonesian = run(
        "rewards", str(monthly_file), "--policy", "kemnaker_2025", "--json", LANG="id_ID.UTF-8"
    )
    assert english.returncode == indonesian.returncode == 0
    assert indonesian.stdout == english.stdout
    assert json.loads(indonesian.stdout)["totals"]["total"] == "7381957"


# --- calibrate ---------------------------------------------------------------------------------

# The sample: 1 Sangat Baik, 7 Baik, 2 Butuh Perbaikan, 1 Kurang (11). Organisation Baik: at most
# 70 % Baik allows floor(7.7) = 7 (7 of 11 = 63.636… → 63.64 %); at least 1 Butuh Perbaikan
# and/or Kurang: 3 (27.27 %).
CALIBRATE_EN = [
    f"{TITLE}: organisation predikat Baik, 11 employees, strict rounding (D4)",
    "  Sangat Baik 1, Baik 7, Butuh Perbaikan 2, Kurang/Misconduct 1, Sangat Kurang 0",
    "  - Baik: 7 of 11 (63.64 %); at most 70 % allows 7 of 11 (strict rounding: floor): ok",
    "  - Butuh Perbaikan dan/atau Kurang/Misconduct: 3 of 11 (27.27 %); at least 1: ok",
    "  => within the distribution",
]
CALIBRATE_ID = [
    f"{TITLE}: predikat organisasi Baik, 11 pegawai, pembulatan ketat (D4)",
    "  Sangat Baik 1, Baik 7, Butuh Perbaikan 2, Kurang/Misconduct 1, Sangat Kurang 0",
    "  - Baik: 7 dari 11 (63,64 %); maksimal 70 % membolehkan 7 dari 11 (pembulatan ketat: ke"
    " bawah): terpenuhi",
    "  - Butuh Perbaikan dan/atau Kurang/Misconduct: 3 dari 11 (27,27 %); minimal 1: terpenuhi",
    "  => sesuai pola distribusi",
]


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        (("--lang", "id"), {}, CALIBRATE_ID),
        ((), {"LANG": "id_ID.UTF-8"}, CALIBRATE_ID),
        (("--lang", "en"), {"LANG": "id_ID.UTF-8"}, CALIBRATE_EN),
        ((), {}, CALIBRATE_EN),
    ],
)
def test_calibrate_the_sample(
    sample_file: Path, args: tuple[str, ...], environ: dict[str, str], expected: list[str]
) -> None:
    assert ok(run("calibrate", str(sample_file), *args, **environ)) == expected


def test_calibrate_a_violation_with_lenient_rounding_in_bahasa_indonesia(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    data = copy.deepcopy(sample)
    data["organisation_predikat"] = "butuh_perbaikan"
    path = write(tmp_path / "bp.json", data)
    # Organisation Butuh Perbaikan: the head's hasil follows it (D3: Di Bawah), so 1 Sangat Baik,
    # 6 Baik, 3 Butuh Perbaikan, 1 Kurang. Lenient: at least 60 % of 11 = 6.6 needs floor = 6,
    # there are 3 (27.27 %): violated; at most 10 % = 1.1 allows ceil = 2, there is 1 (9.09 %).
    assert ok(run("calibrate", str(path), "--rounding", "lenient", "--lang", "id")) == [
        f"{TITLE}: predikat organisasi Butuh Perbaikan, 11 pegawai, pembulatan longgar (D4)",
        "  Sangat Baik 1, Baik 6, Butuh Perbaikan 3, Kurang/Misconduct 1, Sangat Kurang 0",
        "  - Butuh Perbaikan: 3 dari 11 (27,27 %); minimal 60 % mensyaratkan 6 dari 11"
        " (pembulatan longgar: ke bawah): DILANGGAR",
        "  - Sangat Baik: 1 dari 11 (9,09 %); maksimal 10 % membolehkan 2 dari 11 (pembulatan"
        " longgar: ke atas): terpenuhi",
        "  => 1 pelanggaran",
    ]


UNITS = {
    "title": "Pengawasan contoh",
    "agency_predikat": {"Kota Serang": "baik"},
    "units": [
        {
            "unit": "Dinas Pendidikan",
            "agency": "Kota Serang",
            "organisation_predikat": "baik",
            "counts": {"sangat_baik": 2, "baik": 8},
        },
        {
            "unit": "Dinas Kesehatan",
            "agency": "Kota Serang",
            "organisation_predikat": "baik",
            "counts": {"sangat_baik": 2, "baik": 7, "butuh_perbaikan": 1},
        },
        {
            "unit": "Kecamatan Serang",
            "organisation_predikat": "sangat_kurang",
            "counts": {"sangat_baik": 1, "baik": 1, "kurang": 2, "sangat_kurang": 6},
        },
        {
            "unit": "Dinas Besar",
            "organisation_predikat": "istimewa",
            "counts": {"sangat_baik": 2100, "baik": 900},
        },
    ],
}
# 10 + 10 + 10 + 3000 = 3030 employees. Dinas Pendidikan (Baik): 8 Baik of 10 = 80 % > 70 %
# (floor 7 allowed), and no Butuh Perbaikan or Kurang (at least 1): 2 violations. Dinas
# Kesehatan: 7 Baik = 7 allowed, 1 Butuh Perbaikan: ok. Kecamatan Serang (Sangat Kurang): 1
# Sangat Baik, none allowed: 1 violation (6 of 10 Sangat Kurang = 60 %: ok; Kurang 2 ≥ 1: ok).
# Dinas Besar (Istimewa): 2100 Sangat Baik of 3000 = 70 % allows floor(2100) = 2100: ok. Units
# with violations: 2. Kota Serang's total, checked as Baik (its own predikat): 4 Sangat Baik,
# 15 Baik, 1 Butuh Perbaikan = 20; 15 of 20 = 75 % > 70 % (14 allowed): violated; at least 1
# Butuh Perbaikan/Kurang: 1, ok. The units without an agency: 3010 employees, counts 2101,
# 901, 0, 2, 6.
OVERSIGHT_EN = [
    "Pengawasan contoh",
    "4 units, 3030 employees, 2 unit(s) with violations (strict rounding, D4)",
    "  Istimewa: 1 unit(s), 0 with violations",
    "  Baik: 2 unit(s), 1 with violations",
    "  Sangat Kurang: 1 unit(s), 1 with violations",
    "per agency (instansi):",
    "  Kota Serang: 2 unit(s), 20 employees, 1 unit(s) with violations; agency total checked as"
    " Baik: VIOLATED",
    "    counts: Sangat Baik 4, Baik 15, Butuh Perbaikan 1, Kurang/Misconduct 0, Sangat Kurang 0",
    "    ! Baik: 15 of 20 (75.00 %); at most 70 % allows 14 of 20 (strict rounding: floor):"
    " VIOLATED",
    "    - Dinas Pendidikan (Baik, 10 employees): 2 violation(s)",
    "    - Dinas Kesehatan (Baik, 10 employees): ok",
    "  (tanpa instansi): 2 unit(s), 3010 employees, 1 unit(s) with violations; agency total not"
    " checked (no organisation predikat given, SE3/2023-AGENCY)",
    "    counts: Sangat Baik 2101, Baik 901, Butuh Perbaikan 0, Kurang/Misconduct 2, Sangat"
    " Kurang 6",
    "    - Kecamatan Serang (Sangat Kurang, 10 employees): 1 violation(s)",
    "    - Dinas Besar (Istimewa, 3000 employees): ok",
    "  - Dinas Pendidikan: Baik: 8 of 10 (80.00 %); at most 70 % allows 7 of 10 (strict"
    " rounding: floor): VIOLATED",
    "  - Dinas Pendidikan: Butuh Perbaikan dan/atau Kurang/Misconduct: 0 of 10 (0.00 %); at"
    " least 1: VIOLATED",
    "  - Kecamatan Serang: Sangat Baik: 1 of 10 (10.00 %); none allowed: VIOLATED",
]
OVERSIGHT_ID = [
    "Pengawasan contoh",
    "4 unit kerja, 3.030 pegawai, 2 unit kerja dengan pelanggaran (pembulatan ketat, D4)",
    "  Istimewa: 1 unit kerja, 0 dengan pelanggaran",
    "  Baik: 2 unit kerja, 1 dengan pelanggaran",
    "  Sangat Kurang: 1 unit kerja, 1 dengan pelanggaran",
    "per instansi:",
    "  Kota Serang: 2 unit kerja, 20 pegawai, 1 unit kerja dengan pelanggaran; total instansi"
    " diperiksa sebagai Baik: DILANGGAR",
    "    jumlah: Sangat Baik 4, Baik 15, Butuh Perbaikan 1, Kurang/Misconduct 0, Sangat Kurang 0",
    "    ! Baik: 15 dari 20 (75,00 %); maksimal 70 % membolehkan 14 dari 20 (pembulatan ketat:"
    " ke bawah): DILANGGAR",
    "    - Dinas Pendidikan (Baik, 10 pegawai): 2 pelanggaran",
    "    - Dinas Kesehatan (Baik, 10 pegawai): sesuai",
    "  (tanpa instansi): 2 unit kerja, 3.010 pegawai, 1 unit kerja dengan pelanggaran; total"
    " instansi tidak diperiksa (predikat organisasi instansi tidak diberikan, SE3/2023-AGENCY)",
    "    jumlah: Sangat Baik 2.101, Baik 901, Butuh Perbaikan 0, Kurang/Misconduct 2, Sangat"
    " Kurang 6",
    "    - Kecamatan Serang (Sangat Kurang, 10 pegawai): 1 pelanggaran",
    "    - Dinas Besar (Istimewa, 3.000 pegawai): sesuai",
    "  - Dinas Pendidikan: Baik: 8 dari 10 (80,00 %); maksimal 70 % membolehkan 7 dari 10"
    " (pembulatan ketat: ke bawah): DILANGGAR",
    "  - Dinas Pendidikan: Butuh Perbaikan dan/atau Kurang/Misconduct: 0 dari 10 (0,00 %);"
    " minimal 1: DILANGGAR",
    "  - Kecamatan Serang: Sangat Baik: 1 dari 10 (10,00 %); tidak boleh ada: DILANGGAR",
]


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        (("--lang", "id"), {}, OVERSIGHT_ID),
        ((), {"LANG": "id_ID.UTF-8"}, OVERSIGHT_ID),
        (("--lang", "en"), {"LANG": "id_ID.UTF-8"}, OVERSIGHT_EN),
        ((), {}, OVERSIGHT_EN),
    ],
)
def test_calibrate_a_units_document(
    tmp_path: Path, args: tuple[str, ...], environ: dict[str, str], expected: list[str]
) -> None:
    path = write(tmp_path / "units.json", UNITS)
    assert ok(run("calibrate", str(path), *args, **environ)) == expected


def test_calibrate_json_is_the_same_in_every_language(sample_file: Path, tmp_path: Path) -> None:
    units = write(tmp_path / "units.json", UNITS)
    for path in (sample_file, units):
        english = run("calibrate", str(path), "--json")
        indonesian = run("calibrate", str(path), "--json", "--lang", "id")
        assert english.returncode == indonesian.returncode == 0
        assert indonesian.stdout == english.stdout
    data = json.loads(run("calibrate", str(units), "--json", "--lang", "id").stdout)
    assert data["units"][0]["violations"][0]["percent"] == "80.00"  # 8 of 10, never "80,00"


def test_plans_not_counted_are_noted_in_each_language(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    data = copy.deepcopy(sample)
    broken = data["assessments"][0]["plan_id"]
    data["assessments"] = [a for a in data["assessments"] if a["plan_id"] != broken]
    path = write(tmp_path / "broken.json", data)
    # The head's plan has no assessment left: it cannot be appraised, the other 10 are counted.
    english = run("calibrate", str(path), "--keep-going")
    indonesian = run("calibrate", str(path), "--keep-going", "--lang", "id")
    assert english.returncode == indonesian.returncode == 4, english.stderr  # EXIT_PARTIAL
    assert (
        "note: 1 plan could not be appraised and is not counted (see the problems below)"
        in english.stdout.splitlines()
    )
    assert (
        "catatan: 1 SKP tidak dapat dinilai dan tidak dihitung (lihat masalah di bawah)"
        in indonesian.stdout.splitlines()
    )
    assert ": predikat organisasi Baik, 10 pegawai, pembulatan ketat (D4)" in indonesian.stdout
