"""``status``, ``plan-versions``, ``cascade``, ``verify`` and ``table`` in Bahasa Indonesia and in
English (issue 14, the third slice of the command line).

Every expected line is written by hand: the English lines are the ones these commands have
always printed (``test_status_cli.py``, ``test_cascade_cli.py``, ``test_verify_cli.py``,
``test_table_cli.py`` work them out), the Indonesian ones put the catalogue's words
(``locale/id.po``, messages ``status.*``, ``plan_versions.*``, ``cascade.*``, ``cli.verify.*``,
``cli.table.*``) around the same facts: a day in words (``11 Mei 2026``), a count with ``.``
between thousands, an amount as ``Rp 9.213.521``. JSON is the same in every language.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import status_cycles as story
from test_lang_cli import run
from test_status_cli import EXPECTED as STATUS_EN

from asn_performance.boundary.appraisal_document import to_json
from asn_performance.boundary.cycle_document import dump_cycle
from asn_performance.boundary.cycle_records import dump_cycle_records
from asn_performance.cli import main

BUDI, SITI = "198609262015051001", "199001012015012002"

# The office of status_cycles.py on Monday 11 May 2026 (test_status_cli.py works out the days:
# Budi 27 days late, Rina 130, Andi 7, Dewi not late, Fitri's revision waiting 7 days). The same
# facts, in the catalogue's Indonesian: the due days in words (14 April 2026 = 31 March + 14),
# the kinds' labels small inside a sentence except SKP, "terlambat N hari", the reasons.
STATUS_ID = """\
Status per 11 Mei 2026: 3 instansi, 4 unit kerja, 5 siklus SKP; SKP belum disepakati 1, evaluasi kinerja terlambat 1, keberatan belum diputuskan 1, keberatan melewati batas waktu keputusan 1, perubahan SKP belum disepakati 1
  (keputusan pustaka: SKP jatuh tempo 0 hari setelah periodenya dimulai, evaluasi 14 hari setelah periodenya berakhir, keputusan atas keberatan 14 hari setelah keberatan diajukan; hari kalender)
Pemerintah Kota Serang: 1 unit kerja, 2 siklus SKP; SKP belum disepakati 1, evaluasi kinerja terlambat 1, keberatan belum diputuskan 0, keberatan melewati batas waktu keputusan 0
  Dinas Pendidikan: 2 siklus SKP, 2 butir
    - Evaluasi kinerja terlambat: 198609262015051001 Budi Santoso [Pelaksanaan dan pemantauan kinerja] Triwulan I 2026; batas waktu 14 April 2026, terlambat 27 hari; evaluasi kinerja periodik (Triwulanan) Triwulan I 2026 belum dicatat; 0 evaluasi kinerja periodik tercatat
    - SKP belum disepakati: 199001012019032001 Rina Wulandari [Penyusunan SKP] Tahunan 2026; batas waktu 1 Januari 2026, terlambat 130 hari; ditetapkan oleh pejabat penilai kinerja (Siti Rahayu), belum diterima oleh pegawai
Pemerintah Kabupaten Serang: 2 unit kerja, 2 siklus SKP; SKP belum disepakati 0, evaluasi kinerja terlambat 0, keberatan belum diputuskan 1, keberatan melewati batas waktu keputusan 1
  Bappeda: 1 siklus SKP, 1 butir
    - Keberatan melewati batas waktu keputusan: 199203172018011002 Andi Pratama [Keberatan diajukan] Tahunan 2025; batas waktu 4 Mei 2026, terlambat 7 hari; diajukan 20 April 2026 atas hasil Baik kepada Ahmad Hidayat (196812251993021001); belum diputuskan
  Kecamatan Cikande: 1 siklus SKP, 1 butir
    - Keberatan belum diputuskan: 198711052012122001 Dewi Lestari [Keberatan diajukan] Tahunan 2025; batas waktu 18 Mei 2026, tidak terlambat; diajukan 4 Mei 2026 atas hasil Baik kepada Ahmad Hidayat (196812251993021001); belum diputuskan
Pemerintah Provinsi Banten: 1 unit kerja, 1 siklus SKP; SKP belum disepakati 0, evaluasi kinerja terlambat 0, keberatan belum diputuskan 0, keberatan melewati batas waktu keputusan 0, perubahan SKP belum disepakati 1
  Biro Organisasi: 1 siklus SKP, 1 butir
    - Perubahan SKP belum disepakati: 198404042009031005 Fitri Handayani [Evaluasi kinerja periodik] Tahunan 2026; batas waktu tidak ada (keputusan pustaka), tidak terlambat; perubahan 2 (mulai 1 Mei 2026) diajukan 4 Mei 2026, menunggu 7 hari: ditetapkan oleh pejabat penilai kinerja (Siti Rahayu), belum diterima oleh pegawai; target indikator iki-1 diubah dari 12 layanan menjadi 10 layanan; versi 1 tetap berlaku sampai keduanya sepakat
"""  # noqa: E501 - the report's lines, as printed


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("status_lang")
    files = []
    for name, records in (
        ("kota.json", story.KOTA_RECORDS),
        ("kab.json", story.KAB_RECORDS),
        ("prov.json", story.PROV_RECORDS),
    ):
        (root / name).write_text(to_json(dump_cycle_records(records)), encoding="utf-8")
        files.append(str(root / name))
    return files


def test_status_in_bahasa_indonesia_and_in_english(
    office: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", *office, "--as-of", "2026-05-11", "--lang", "id"]) == 0
    assert capsys.readouterr().out == STATUS_ID
    assert main(["status", *office, "--as-of", "2026-05-11", "--lang", "en"]) == 0
    assert capsys.readouterr().out == STATUS_EN


def test_status_follows_the_environment_and_its_json_does_not(office: list[str]) -> None:
    shown = run("status", *office, "--as-of", "2026-05-11", LANG="id_ID.UTF-8")
    assert (shown.returncode, shown.stdout, shown.stderr) == (0, STATUS_ID, "")
    data = {
        lang: run("status", *office, "--as-of", "2026-05-11", "--json", "--lang", lang).stdout
        for lang in ("id", "en")
    }
    assert data["id"] == data["en"]
    assert json.loads(data["id"])["as_of"] == "2026-05-11"
    # the reasons of the JSON stay English (machine-readable, as the appraisal's reason)
    assert "not yet accepted by the employee" in data["id"]


def test_plan_versions_in_bahasa_indonesia(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The plan of test_status_cli.py: Fitri's revision 2 accepted on 6 May 2026 at 09.00 WIB;
    # version 1 from 1 January to 30 April, version 2 from 1 May to 31 December.
    accepted = story.R.accept(by=story.FITRI.nip, at=story.wib(2026, 5, 6)).cycle
    path = tmp_path / "fitri.json"
    path.write_text(to_json(dump_cycle(accepted)), encoding="utf-8")
    assert main(["plan-versions", str(path), "--lang", "id"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "SKP skp-2026-fitri: Fitri Handayani (198404042009031005), Tahunan 2026; tahap:"
        " Evaluasi kinerja periodik",
        "versi [LIFECYCLE-REVISION]:",
        "  versi 1: berlaku 1 Januari 2026 s.d. 30 April 2026; disepakati 6 Januari 2026"
        " pukul 09.00",
        "  versi 2: berlaku 1 Mei 2026 s.d. 31 Desember 2026; disepakati 6 Mei 2026 pukul 09.00",
        # what a revision changes, in Indonesian at display time (the JSON keeps the English)
        "      perubahan: target indikator iki-1 diubah dari 12 layanan menjadi 10 layanan",
        "berlaku untuk setiap periode [LIFECYCLE-PLAN-IN-FORCE]:",
        "  Triwulan I 2026 (2026-Q1, sudah dievaluasi): versi 1; berlaku untuk seluruh periode",
        "  Tahunan 2026 (2026, tahunan): versi 2; evaluasi kinerja tahunan memakai versi"
        " terakhir yang disepakati",
    ]
    # The revision still pending (story.R, not accepted): its line and the period's reason.
    pending = tmp_path / "pending.json"
    pending.write_text(to_json(dump_cycle(story.R)), encoding="utf-8")
    assert main(["plan-versions", str(pending), "--lang", "id"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[3] == (
        "  versi 2 (mulai 1 Mei 2026) menunggu persetujuan: target indikator iki-1 diubah dari"
        " 12 layanan menjadi 10 layanan"
    )
    assert lines[-1] == (
        "  Tahunan 2026 (2026, tahunan): versi 1; evaluasi kinerja tahunan memakai versi"
        " terakhir yang disepakati; perubahan 2 (mulai 1 Mei 2026) menunggu persetujuan:"
        " selama keduanya belum sepakat, evaluasi tidak dicatat"
    )
    # JSON: the same in both languages
    assert main(["plan-versions", str(path), "--json", "--lang", "id"]) == 0
    indonesian = capsys.readouterr().out
    assert main(["plan-versions", str(path), "--json"]) == 0
    assert capsys.readouterr().out == indonesian


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = run("sample")
    assert made.returncode == 0, made.stderr
    path = tmp_path_factory.mktemp("cascade_lang") / "sample.json"
    path.write_text(made.stdout, encoding="utf-8")
    return path


# The sample unit (11 plans, 13 RHK): only the Kabag's plan leads the unit, and no staff RHK
# names a leader's RHK, so the Kabag's rhk-1 is not intervened, the two Kasubag's RHK are not
# linked and (their plans leading others) not intervened either: 3 not intervened; every RHK
# but the Kabag's is not linked: 12.
CASCADE_HEAD_ID = [
    "Contoh unit kerja: Bagian Pelayanan Publik, evaluasi kinerja tahunan 2025",
    "Intervensi (cascading) 11 SKP, 13 RHK: 3 tidak diintervensi, 12 tidak terhubung, 0 RHK"
    " pimpinan tidak ditemukan, 0 teks RHK pimpinan berbeda, 0 melingkar",
    "Pohon kinerja:",
    "  - rhk-1: Meningkatnya kualitas pelayanan publik di lingkup bagian (Ratna Dewi Lestari,"
    " S.Sos., M.AP., 197805172003122001; skp-2025-kabag) [Tidak diintervensi]",
    "Tidak terhubung ke RHK pimpinan:",
    "  - rhk-1: Terkoordinasinya program pendidikan dan kesehatan (Agus Salim, S.Pd., M.Pd.,"
    " 198201092006041003; skp-2025-kasubag-pk) [Tidak terhubung ke RHK pimpinan]"
    " [Tidak diintervensi]",
]
CASCADE_HEAD_EN = [
    "Contoh unit kerja: Bagian Pelayanan Publik, evaluasi kinerja tahunan 2025",
    "Cascade (intervensi) of 11 plan(s), 13 RHK: 3 not intervened, 12 not linked, 0 dangling,"
    " 0 text differs, 0 circular",
    "Tree (pohon kinerja):",
    "  - rhk-1: Meningkatnya kualitas pelayanan publik di lingkup bagian (Ratna Dewi Lestari,"
    " S.Sos., M.AP., 197805172003122001; skp-2025-kabag) [Tidak diintervensi / not intervened]",
    "Not linked (tidak terhubung ke RHK pimpinan):",
    "  - rhk-1: Terkoordinasinya program pendidikan dan kesehatan (Agus Salim, S.Pd., M.Pd.,"
    " 198201092006041003; skp-2025-kasubag-pk) [Tidak terhubung ke RHK pimpinan / not linked]"
    " [Tidak diintervensi / not intervened]",
]


def test_cascade_of_the_sample_in_both_languages(sample: Path) -> None:
    indonesian = run("cascade", str(sample), LANG="id_ID.UTF-8")
    assert indonesian.returncode == 0, indonesian.stderr
    lines = indonesian.stdout.splitlines()
    assert lines[:6] == CASCADE_HEAD_ID
    assert len(lines) == 17  # the title, the summary, 2 section titles, 13 RHK: 1 + 1 + 2 + 13
    english = run("cascade", str(sample), "--lang", "en", LANG="id_ID.UTF-8")
    assert english.stdout.splitlines()[:6] == CASCADE_HEAD_EN
    html = run("cascade", str(sample), "--html", "--lang", "id").stdout
    assert html.startswith(
        "<p>Intervensi (cascading) 11 SKP, 13 RHK: 3 tidak diintervensi, 12 tidak terhubung,"
    )
    assert "<p><b>Pohon kinerja</b></p>" in html
    assert "Tree" not in html
    as_json = {lang: run("cascade", str(sample), "--json", "--lang", lang).stdout for lang in "ie"}
    assert as_json["i"] == as_json["e"]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = run("demo", "--json")
    assert made.returncode == 0, made.stderr
    path = tmp_path_factory.mktemp("verify_lang") / "results.json"
    path.write_text(made.stdout, encoding="utf-8")
    return path


def test_verify_in_both_languages(results: Path) -> None:
    records = json.loads(results.read_text(encoding="utf-8"))
    digest = records[0]["integrity"]["digest"]
    indonesian = run("verify", str(results), LANG="id_ID.UTF-8")
    assert indonesian.returncode == 0, indonesian.stderr
    lines = indonesian.stdout.splitlines()
    # The sample unit's 11 records, then the count; the head's plan is Baik (test_lang_cli.py).
    assert len(lines) == 12
    assert lines[0] == f"utuh  $[0]  sha256 {digest}  (SKP skp-2025-kabag, predikat Baik)"
    assert lines[-1] == "11 rekaman utuh"
    english = run("verify", str(results), "--lang", "en").stdout.splitlines()
    assert english[0] == f"intact  $[0]  sha256 {digest}  (plan skp-2025-kabag, predikat baik)"
    assert english[-1] == "11 record(s) intact"


def test_verify_of_a_lifecycle_says_its_stage(tmp_path: Path) -> None:
    # Rina's cycle (status_cycles.py): drafted on 2 January and set on 5 January, not accepted:
    # 2 events, stage draft (Penyusunan SKP).
    path = tmp_path / "rina.json"
    path.write_text(to_json(dump_cycle(story.D)), encoding="utf-8")
    indonesian = run("verify", str(path), "--lang", "id").stdout.splitlines()
    assert indonesian[0].endswith("  (siklus skp-2026-rina, 2 peristiwa, tahap Penyusunan SKP)")
    assert indonesian[-1] == "1 rekaman utuh"
    english = run("verify", str(path)).stdout.splitlines()
    assert english[0].endswith("  (cycle skp-2026-rina, 2 events, stage draft)")


def test_the_table_summary_in_bahasa_indonesia(tmp_path: Path) -> None:
    pytest.importorskip("polars")
    pytest.importorskip("python_calamine")
    # The table of test_table_cli.py: Budi Baik (kelas 7) and Siti Butuh Perbaikan (kelas 10, a
    # day absent); Kemnaker 2025 pays 3,915,950 + 5,297,571 = 9,213,521 (worked out there).
    table = tmp_path / "pegawai.csv"
    table.write_text(
        "nip,unit,rating_hasil_kerja,rating_perilaku_kerja,kelas,days_absent,missing_checks,"
        "minutes_late_or_early,missed_ceremonies\n"
        f"{BUDI},Bagian Umum,di atas ekspektasi,Sesuai Ekspektasi,7,0,0,0,0\n"
        f"{SITI},Bagian Umum,DIBAWAH EKSPEKTASI,sesuai,10,1,0,0,0\n"
    )
    out = tmp_path / "hasil.csv"
    result = run("table", str(table), "--policy", "kemnaker_2025", "--out", str(out), LANG="id")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "baris dibaca: 2",
        "dihitung: 2",
        "bermasalah: 0",
        "predikat: Sangat Baik 0, Baik 1, Butuh Perbaikan 1, Kurang/Misconduct 0, Sangat Kurang 0",
        "total tunjangan: Rp 9.213.521 (2 baris dengan tunjangan; tunjangan menurut kebijakan"
        " ini memerlukan kelas jabatan)",
        f"ditulis: {out}",
    ]
    english = run("table", str(table), "--policy", "kemnaker_2025", "--lang", "en")
    assert english.stdout.splitlines()[-1] == (
        "tunjangan total: Rp 9,213,521 (2 rows with a tunjangan; the policy's allowance needs"
        " kelas)"
    )


def test_the_table_summary_with_duplicates_the_portal_and_the_distribution(
    tmp_path: Path,
) -> None:
    pytest.importorskip("xlsxwriter")
    pytest.importorskip("python_calamine")
    from test_table_cli import ANDI, export

    # One e-Kinerja export (test_table_cli.py's Bagian Umum): Budi Baik (the portal agrees),
    # Siti Butuh Perbaikan (agrees), Andi Kurang/Misconduct (the portal wrote SANGAT KURANG:
    # disagrees), Budi again (a duplicate, counted once); one unit, one period, checked.
    path = export(tmp_path / "umum.xlsx", "Bagian Umum", "Periode Bulanan VI Tahun 2026", [
        [1, BUDI, "Budi", "Analis", "Diatas Ekspektasi", "SESUAI EKSPEKTASI", "BAIK"],
        [2, SITI, "Siti", "Arsiparis", "DIBAWAH EKSPEKTASI", "SESUAI EKSPEKTASI",
         "PERLU PERBAIKAN"],
        [3, ANDI, "Andi", "Pranata", "DI ATAS EKSPEKTASI", "DIBAWAH EKSPEKTASI",
         "SANGAT KURANG"],
        [4, BUDI, "Budi", "Analis", "Diatas Ekspektasi", "SESUAI EKSPEKTASI", "BAIK"],
    ])  # fmt: skip
    organisation = tmp_path / "org.csv"
    organisation.write_text("unit,organisation_predikat\nBagian Umum,Baik\n")
    result = run("table", str(path), "--organisation", str(organisation), "--lang", "id")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "baris dibaca: 4",
        "dihitung: 4",
        "bermasalah: 0",
        "duplikat (NIP, unit dan periode sama; dihitung sekali): 1",
        "berbeda dengan portal: 1",
        f"  umum.xlsx:Rekap baris 8: NIP {ANDI}: portal 'SANGAT KURANG', dihitung ulang"
        " Kurang/Misconduct",
        # counted once each: Budi Baik, Siti BP, Andi K
        "predikat: Sangat Baik 0, Baik 1, Butuh Perbaikan 1, Kurang/Misconduct 1, Sangat Kurang 0",
        "distribusi: 1 unit kerja (per unit kerja dan periode), 0 di luar batas, 0 tidak"
        " diperiksa (bermasalah)",
    ]
