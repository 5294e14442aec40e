"""The ``table`` command, run as a user would (the entry point in a subprocess), on e-Kinerja
exports written here with xlsxwriter, a plain CSV and a plain XLSX sheet. Every expected
figure is worked out by hand in the comments."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pl = pytest.importorskip("polars")
xlsxwriter = pytest.importorskip("xlsxwriter")
pytest.importorskip("python_calamine")

from test_cli import run  # noqa: E402

from asn_performance.cli import main  # noqa: E402

AGENCY = "3013 - Kementerian Ketenagakerjaan"
HEADER = ["No", "NIP", "Nama", "Jabatan", "Rating Hasil Kinerja", "Rating Perilaku Kerja",
          "Predikat Kinerja Periodik"]  # fmt: skip
BUDI = "198609262015051001"
SITI = "199001012015012002"
ANDI = "198203152008011004"


def export(path: Path, unit: str, period: str, rows: list[list[object]]) -> Path:
    """One e-Kinerja export: rows 1-3 in column A, the header in row 5, a signature after a
    blank row."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Rekap")
    for index, text in enumerate((AGENCY, unit, period)):
        sheet.merge_range(index, 0, index, 6, text)
    sheet.write_row(4, 0, HEADER)
    for offset, row in enumerate(rows):
        for column, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(5 + offset, column, value)
            elif value is not None:
                sheet.write_number(5 + offset, column, value)  # type: ignore[arg-type]
    sheet.write_row(5 + len(rows) + 1, 2, ["Mengetahui,", "Kepala Bagian"])
    book.close()
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    exports = tmp_path / "exports"
    exports.mkdir()
    export(exports / "umum.xlsx", "Bagian Umum", "Periode Bulanan VI Tahun 2026", [
        # di atas + sesuai -> Baik (the portal agrees)
        [1, BUDI, "Budi", "Analis", "Diatas Ekspektasi", "SESUAI EKSPEKTASI", "BAIK"],
        # di bawah + sesuai -> Butuh Perbaikan; the portal's "PERLU PERBAIKAN" agrees
        [2, SITI, "Siti", "Arsiparis", "DIBAWAH EKSPEKTASI", "SESUAI EKSPEKTASI",
         "PERLU PERBAIKAN"],
        # di atas + di bawah -> Kurang/Misconduct; the portal wrote SANGAT KURANG: disagrees
        [3, ANDI, "Andi", "Pranata", "DI ATAS EKSPEKTASI", "DIBAWAH EKSPEKTASI",
         "SANGAT KURANG"],
        # Budi again: a duplicate, not counted twice
        [4, BUDI, "Budi", "Analis", "Diatas Ekspektasi", "SESUAI EKSPEKTASI", "BAIK"],
    ])  # fmt: skip
    export(exports / "keuangan.xlsx", "Bagian Keuangan", "Periode Bulanan 6 Tahun 2026", [
        # di atas + di atas -> Sangat Baik; the portal wrote Baik: disagrees
        [1, "197001011990031001", "Wati", "Bendahara", "Diatas Ekspektasi",
         "Diatas Ekspektasi", "Baik"],
        # sesuai + sesuai -> Baik
        [2, "197502022000032002", "Rina", "Analis", "Sesuai Ekspektasi", "Sesuai Ekspektasi",
         "Baik"],
    ])  # fmt: skip
    return exports


def test_a_folder_of_exports_gives_the_summary_the_results_and_the_report(
    folder: Path, tmp_path: Path
) -> None:
    organisation = tmp_path / "org.csv"
    organisation.write_text(
        "unit,organisation_predikat\nBagian Umum,Baik\nBagian Keuangan,Istimewa\n"
    )
    out = tmp_path / "results.csv"
    result = run("table", str(folder), "--out", str(out), "--organisation", str(organisation))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress line: standard error is not a terminal
    assert result.stdout.splitlines() == [
        "rows read: 6 from 2 files",
        "computed: 6",
        "with problems: 0",
        "duplicates (same NIP, unit and period; counted once): 1",
        "disagreements with the portal: 2",
        # the files in name order: keuangan.xlsx before umum.xlsx
        "  keuangan.xlsx:Rekap row 6: NIP 197001011990031001: portal 'Baik', re-derived"
        " Sangat Baik",
        f"  umum.xlsx:Rekap row 8: NIP {ANDI}: portal 'SANGAT KURANG', re-derived"
        " Kurang/Misconduct",
        # counted once each: Wati SB; Rina, Budi Baik; Siti BP; Andi K
        "predikat: Sangat Baik 1, Baik 2, Butuh Perbaikan 1, Kurang/Misconduct 1, Sangat Kurang 0",
        "distribution: 2 units (by unit and period), 0 outside the limits, 0 not checked"
        " (a problem)",
        f"written: {out}",
        f"written: {tmp_path / 'results.distribution.csv'}",
    ]
    rows = pl.read_csv(out, infer_schema=False)
    assert rows.select("nip", "predikat", "portal_predikat_code", "portal_differs").rows() == [
        ("197001011990031001", "sangat_baik", "baik", "true"),
        ("197502022000032002", "baik", "baik", "false"),
        (BUDI, "baik", "baik", "false"),
        (SITI, "butuh_perbaikan", "butuh_perbaikan", "false"),
        (ANDI, "kurang", "sangat_kurang", "true"),
        (BUDI, "baik", "baik", "false"),
    ]
    assert rows.get_column("duplicate").to_list() == ["false"] * 5 + ["true"]
    report = pl.read_csv(tmp_path / "results.distribution.csv", infer_schema=False)
    assert set(report.get_column("unit")) == {"Bagian Umum", "Bagian Keuangan"}
    assert set(report.get_column("period")) == {"2026-06"}
    # Bagian Umum counts 3 employees (Budi once), its duplicate is counted apart.
    umum = report.filter(pl.col("unit") == "Bagian Umum")
    assert set(umum.get_column("total")) == {"3"}
    assert set(umum.get_column("duplicates")) == {"1"}


def test_rows_with_problems_are_reported_and_exit_4(tmp_path: Path) -> None:
    path = export(tmp_path / "r.xlsx", "Bagian Umum", "Periode Bulanan 6 Tahun 2026", [
        [1, BUDI, "Budi", "Analis", "Diatas Ekspektasi", "SESUAI EKSPEKTASI", "BAIK"],
        [2, 198501012010011003.0, "Rahmat", "Pengelola", "SESUAI EKSPEKTASI",
         "SESUAI EKSPEKTASI", "BAIK"],
        [3, SITI, "Siti", "Arsiparis", "", "", ""],
    ])  # fmt: skip
    result = run("table", str(path))
    assert result.returncode == 4
    # Rahmat's NIP is a number (its digits lost): a problem, his ratings are still appraised;
    # Siti has no ratings: a problem and no predikat.
    assert result.stdout.splitlines()[:3] == [
        "rows read: 3",
        "computed: 2",
        "with problems: 2",
    ]
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("asn-performance: error: r.xlsx:Rekap row 7: EKINERJA-NIP:")
    assert errors[1].startswith("asn-performance: error: r.xlsx:Rekap row 8: ")
    assert "rating_hasil_kerja is missing" in errors[1]


def test_a_plain_csv_with_kelas_gets_the_tunjangan_total(tmp_path: Path) -> None:
    table = tmp_path / "pegawai.csv"
    table.write_text(
        "nip,unit,rating_hasil_kerja,rating_perilaku_kerja,kelas,days_absent,missing_checks,"
        "minutes_late_or_early,missed_ceremonies\n"
        f"{BUDI},Bagian Umum,di atas ekspektasi,Sesuai Ekspektasi,7,0,0,0,0\n"
        f"{SITI},Bagian Umum,DIBAWAH EKSPEKTASI,sesuai,10,1,0,0,0\n"
    )
    out = tmp_path / "hasil.parquet"
    result = run("table", str(table), "--policy", "kemnaker_2025", "--out", str(out))
    assert result.returncode == 0, result.stderr
    # Kemnaker 2025: 70 % performance, 30 % attendance, each rounded to whole rupiah.
    # Budi, Baik, kelas 7 (3,915,950): 2,741,165 + 1,174,785 = 3,915,950.
    # Siti, Butuh Perbaikan (85 %), kelas 10 (5,979,200), a day absent (3 % of the attendance
    # share): 5,979,200 x 0.7 x 0.85 = 3,557,624; 1,793,760 x 0.97 = 1,739,947.2 -> 1,739,947;
    # 5,297,571. Total 9,213,521.
    assert result.stdout.splitlines() == [
        "rows read: 2",
        "computed: 2",
        "with problems: 0",
        "predikat: Sangat Baik 0, Baik 1, Butuh Perbaikan 1, Kurang/Misconduct 0, Sangat Kurang 0",
        "tunjangan total: Rp 9,213,521 (2 rows with a tunjangan; the policy's allowance needs"
        " kelas)",
        f"written: {out}",
    ]
    written = pl.read_parquet(out)
    assert [str(v) for v in written.get_column("tunjangan")] == ["3915950", "5297571"]
    assert written.get_column("nip").to_list() == [BUDI, SITI]


def test_a_plain_xlsx_sheet_is_read_by_its_header(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Pegawai")
    sheet.write_row(0, 0, ["nip", "unit", "rating_hasil_kerja", "rating_perilaku_kerja"])
    sheet.write_row(1, 0, [BUDI, "Bagian Umum", "sangat", "sesuai"])
    sheet.write_row(2, 0, [SITI, "Bagian Umum", "di atas", "di atas"])
    book.close()
    out = tmp_path / "hasil.xlsx"
    result = run("table", str(path), "--out", str(out))
    assert result.returncode == 4  # "sangat" is no rating
    assert result.stdout.splitlines()[:3] == ["rows read: 2", "computed: 1", "with problems: 1"]
    assert result.stderr.startswith("asn-performance: error: row 1: D12-LABELS")
    assert out.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--out", "x.txt"], "--out: the output's kind is named by its extension"),
        (["--policy", "nope"], "--policy: no built-in reward policy is named 'nope'"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    folder: Path, arguments: list[str], message: str
) -> None:
    result = run("table", str(folder), *arguments)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr


def test_an_unknown_layout_exits_2_naming_what_was_found(tmp_path: Path) -> None:
    path = tmp_path / "admin.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Data")
    sheet.write_row(0, 0, ["REKAP HASIL AKHIR"])
    sheet.write_row(1, 0, ["nip", "nama", "hasil_akhir"])
    book.close()
    result = run("table", str(path))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "admin.xlsx:Data: not an e-Kinerja Rekap Penilaian" in lines[0]
    assert "row 2: nip | nama | hasil_akhir" in lines[0]


@pytest.mark.parametrize("name", ["missing.csv", "empty_folder", "table.json"])
def test_an_input_that_cannot_be_read_exits_2(tmp_path: Path, name: str) -> None:
    (tmp_path / "empty_folder").mkdir()
    (tmp_path / "table.json").write_text("{}")
    result = run("table", str(tmp_path / name))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1


def test_without_the_extra_the_command_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)  # import polars now fails
    assert main(["table", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "asn-performance: error: the table command needs the tables extra: pip install"
        " 'asn-performance[tables]'\n"
    )


def test_the_command_line_starts_without_loading_the_frame_libraries() -> None:
    code = (
        "import sys, asn_performance.cli\n"
        "print(sorted(m for m in ('polars', 'narwhals', 'python_calamine', 'pandas')"
        " if m in sys.modules))"
    )
    import subprocess

    done = subprocess.run(  # our own interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


class _Terminal:
    """A stream that says it is a terminal, keeping what is written."""

    def __init__(self, terminal: bool) -> None:
        self.text = ""
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_the_progress_line_is_rewritten_in_place_only_on_a_terminal() -> None:
    from asn_performance.cli._table import _Progress

    terminal = _Terminal(terminal=True)
    progress = _Progress(terminal)  # type: ignore[arg-type]
    progress.files(1, 2)
    progress.show("appraising 400 rows")
    progress.clear()
    first = "asn-performance: reading file 1 of 2"
    second = "asn-performance: appraising 400 rows".ljust(len(first))
    assert terminal.text == f"\r{first}\r{second}\r{' ' * len(second.rstrip())}\r"
    pipe = _Terminal(terminal=False)
    quiet = _Progress(pipe)  # type: ignore[arg-type]
    quiet.files(1, 2)
    quiet.clear()
    assert pipe.text == ""
