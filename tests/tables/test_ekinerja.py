"""``read_ekinerja``: the e-Kinerja "Rekap Penilaian" export, with workbooks written here.

The workbooks follow the layout of docs/how-to/ekinerja-exports.md (agency, unit and period in
rows 1-3 of column A, headers in row 5, one employee a row until a blank NIP) and carry the
quirks met in real files: a sheet per month plus an annual sheet, a Roman month, ratings
without the space, ``PERLU PERBAIKAN``, a NIP stored as a number, a NIP with spaces, the same
employee twice, a signature after the table, headers in odd case. Every expected row is
written out by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("python_calamine")
xlsxwriter = pytest.importorskip("xlsxwriter")

from asn_performance.domain.period import Period  # noqa: E402
from asn_performance.exceptions import PeriodError  # noqa: E402
from asn_performance.tables.ekinerja import (  # noqa: E402
    EKINERJA_COLUMNS,
    EkinerjaError,
    compare_portal,
    ekinerja_period,
    portal_codes,
    read_ekinerja,
)

AGENCY = "3013 - Kementerian Ketenagakerjaan"
UNIT = "Sekretariat Direktorat Jenderal Binapenta"
HEADER = [
    "No",
    "NIP",
    "Nama",
    "Jabatan",
    "Rating Hasil Kinerja",
    "Rating Perilaku Kerja",
    "Predikat Kinerja Periodik",
]
Cell = str | int | float | None


def write_sheet(
    book: xlsxwriter.Workbook,
    name: str,
    top: Sequence[Cell],
    header: Sequence[Cell],
    rows: Sequence[Sequence[Cell]],
) -> None:
    """A sheet as the portal writes it: rows 1-3 in column A (merged across), row 5 the
    header; a float is written as a number cell, text as text."""
    sheet = book.add_worksheet(name)
    for index, text in enumerate(top):
        if text is not None:
            sheet.merge_range(index, 0, index, 6, text)
    sheet.write_row(4, 0, header)
    for offset, row in enumerate(rows):
        for column, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(5 + offset, column, value)
            elif value is not None:
                sheet.write_number(5 + offset, column, value)


# The header of May in odd case and spacing: found by name all the same.
ODD_HEADER = ["no", "  nip ", "NAMA", "Jabatan", "rating  hasil kinerja", "Rating Perilaku Kerja",
              "PREDIKAT KINERJA PERIODIK"]  # fmt: skip


def sekretariat(path: Path) -> Path:
    """A workbook of May (Roman V), June and the annual recap, plus a blank sheet."""
    book = xlsxwriter.Workbook(str(path))
    write_sheet(
        book,
        "Mei",
        [AGENCY, UNIT, "Periode Bulanan V Tahun 2026"],
        ODD_HEADER,
        [
            [1, "198609262015051001", "Budi Santoso, S.Pd.", "Guru Ahli Muda",
             "Diatas Ekspektasi", "SESUAI EKSPEKTASI", "BAIK"],
            [2, "19900101 201501 2 002", "Siti Aminah", "Analis SDM Aparatur Ahli Pertama",
             "DIBAWAH EKSPEKTASI", "Sesuai Ekspektasi", "PERLU PERBAIKAN"],
            [3, 198501012010011003.0, "Rahmat", "Pengelola Data",
             "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "Baik"],
            [4, "198609262015051001", "Budi Santoso, S.Pd.", "Guru Ahli Muda",
             "Diatas Ekspektasi", "Diatas Ekspektasi", "SANGAT BAIK"],
            [5, "19900101201501200", "Dewi", "Arsiparis", "", "", ""],
            [None, None, None, None, None, None, None],
            [None, None, "Mengetahui,", "Kepala Biro", None, None, None],
            [None, "NIP. 197001011990031001", None, None, None, None, None],
        ],
    )  # fmt: skip
    write_sheet(
        book,
        "Juni",
        [AGENCY, UNIT, "Periode Bulanan 6 Tahun 2026"],
        HEADER,
        [
            [1, "198609262015051001", "Budi Santoso, S.Pd.", "Guru Ahli Muda",
             "DI ATAS EKSPEKTASI", "DIBAWAH EKSPEKTASI", "KURANG/MISCONDUCT"],
            [2, "199001012015012002", "Siti Aminah", "Analis SDM Aparatur Ahli Pertama",
             "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK"],
        ],
    )  # fmt: skip
    write_sheet(
        book,
        "Tahunan",
        [AGENCY, UNIT, "Periode Tahunan Januari s.d. Desember 2026"],
        [*HEADER[:6], "Predikat Kinerja"],
        [
            [1, "198609262015051001", "Budi Santoso, S.Pd.", "Guru Ahli Muda",
             "Diatas Ekspektasi", "Diatas Ekspektasi", "Sangat Baik"],
        ],
    )  # fmt: skip
    book.add_worksheet("Sheet4")  # blank: skipped
    book.close()
    return path


def row(
    nip: str | None,
    name: str,
    jabatan: str,
    ratings: tuple[str | None, str | None, str | None],
    period: str,
    source: str,
    number: int,
    problem: str | None = None,
    duplicate: bool = False,
) -> dict[str, object]:
    hasil, perilaku, portal = ratings
    return {
        "nip": nip,
        "name": name,
        "jabatan": jabatan,
        "rating_hasil_kerja": hasil,
        "rating_perilaku_kerja": perilaku,
        "portal_predikat": portal,
        "agency": AGENCY,
        "unit": UNIT,
        "period": period,
        "source": source,
        "row": number,
        "problem": problem,
        "duplicate": duplicate,
    }


BUDI = ("Budi Santoso, S.Pd.", "Guru Ahli Muda")
SITI = ("Siti Aminah", "Analis SDM Aparatur Ahli Pertama")
NUMERIC_NIP = (
    "EKINERJA-NIP: the NIP is stored as a number (1.98501012010011e+17); a spreadsheet keeps"
    " only its first 15 or 16 digits, so the others are lost: export the NIP column as text"
)
EXPECTED = [
    row("198609262015051001", *BUDI, ("Diatas Ekspektasi", "SESUAI EKSPEKTASI", "BAIK"),
        "2026-05", "rekap.xlsx:Mei", 6),
    row("199001012015012002", *SITI,
        ("DIBAWAH EKSPEKTASI", "Sesuai Ekspektasi", "PERLU PERBAIKAN"),
        "2026-05", "rekap.xlsx:Mei", 7),
    row(None, "Rahmat", "Pengelola Data", ("SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "Baik"),
        "2026-05", "rekap.xlsx:Mei", 8, NUMERIC_NIP),
    row("198609262015051001", *BUDI, ("Diatas Ekspektasi", "Diatas Ekspektasi", "SANGAT BAIK"),
        "2026-05", "rekap.xlsx:Mei", 9, duplicate=True),
    row("19900101201501200", "Dewi", "Arsiparis", (None, None, None), "2026-05",
        "rekap.xlsx:Mei", 10,
        "EKINERJA-NIP: a NIP has 18 digits; found '19900101201501200' (17 characters)"),
    row("198609262015051001", *BUDI,
        ("DI ATAS EKSPEKTASI", "DIBAWAH EKSPEKTASI", "KURANG/MISCONDUCT"),
        "2026-06", "rekap.xlsx:Juni", 6),
    row("199001012015012002", *SITI, ("SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK"),
        "2026-06", "rekap.xlsx:Juni", 7),
    row("198609262015051001", *BUDI, ("Diatas Ekspektasi", "Diatas Ekspektasi", "Sangat Baik"),
        "2026", "rekap.xlsx:Tahunan", 6),
]  # fmt: skip


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return sekretariat(tmp_path / "rekap.xlsx")


def test_every_sheet_is_read_with_its_own_period_and_the_rows_as_written(workbook: Path) -> None:
    frame = read_ekinerja(workbook)
    assert frame.schema == pl.Schema(EKINERJA_COLUMNS)
    assert frame.to_dicts() == EXPECTED


def test_the_periods_keep_only_the_sheets_asked_for(workbook: Path) -> None:
    june = read_ekinerja(workbook, periods=["2026-06"])
    assert june.to_dicts() == EXPECTED[5:7]
    assert read_ekinerja(workbook, periods="2026").to_dicts() == EXPECTED[7:]
    both = read_ekinerja(workbook, periods=[Period.month(2026, 5), "2026"])
    assert both.to_dicts() == [*EXPECTED[:5], EXPECTED[7]]
    assert read_ekinerja(workbook, periods=["2025"]).height == 0
    with pytest.raises(PeriodError):
        read_ekinerja(workbook, periods=["Mei 2026"])


def test_a_folder_reads_every_workbook_in_name_order(tmp_path: Path) -> None:
    sekretariat(tmp_path / "b.xlsx")
    sekretariat(tmp_path / "a.xlsx")
    (tmp_path / "~$a.xlsx").write_bytes(b"lock file of an open workbook")
    (tmp_path / "notes.txt").write_text("not a workbook")
    frame = read_ekinerja(tmp_path)
    files = frame.get_column("source").str.split(":").list.first().to_list()
    assert files == ["a.xlsx"] * 8 + ["b.xlsx"] * 8
    # The same employee in the second file is the same NIP, unit and period: a duplicate.
    assert frame.get_column("duplicate").to_list()[8:] == [True, True, False, True, True,
                                                           True, True, True]  # fmt: skip
    listed = read_ekinerja([tmp_path / "b.xlsx", str(tmp_path / "a.xlsx")])
    assert listed.get_column("source").to_list()[0] == "b.xlsx:Mei"


def test_the_same_employee_in_two_periods_is_no_duplicate(workbook: Path) -> None:
    frame = read_ekinerja(workbook)
    budi = frame.filter(pl.col("nip") == "198609262015051001")
    assert budi.select("period", "duplicate").rows() == [
        ("2026-05", False),
        ("2026-05", True),
        ("2026-06", False),
        ("2026", False),
    ]


def test_the_columns_are_found_by_name_in_any_order(tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "x.xlsx"))
    header = ["Predikat Kinerja Periodik", "Keterangan", "Rating Perilaku Kerja", "NIP",
              "Rating Hasil Kinerja"]  # fmt: skip
    write_sheet(
        book,
        "S",
        ["1234 - Pemerintah Kabupaten Contoh", "Bagian Umum", "Periode Bulanan XII Tahun 2025"],
        header,
        [["Sangat Baik", "catatan", "Di Atas Ekspektasi", "197001011990031001",
          "Di Atas Ekspektasi"]],
    )  # fmt: skip
    book.close()
    frame = read_ekinerja(tmp_path / "x.xlsx")
    assert frame.select(
        "nip", "name", "rating_hasil_kerja", "portal_predikat", "period", "row"
    ).rows() == [("197001011990031001", None, "Di Atas Ekspektasi", "Sangat Baik", "2025-12", 6)]


def test_an_unknown_layout_is_refused_naming_the_file_sheet_and_rows(tmp_path: Path) -> None:
    path = tmp_path / "admin.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Data")
    sheet.write_row(0, 0, ["REKAP HASIL AKHIR KINERJA 2025"])
    sheet.write_row(1, 0, ["nip", "nama", "hasil_akhir", "periode_akhir"])
    sheet.write_row(2, 0, ["198609262015051001", "Budi", "BAIK", "-"])
    book.close()
    with pytest.raises(EkinerjaError) as caught:
        read_ekinerja(path)
    error = caught.value
    assert error.rule == "EKINERJA-LAYOUT"
    assert error.path == "admin.xlsx:Data"
    message = str(error)
    assert message.startswith("admin.xlsx:Data: not an e-Kinerja Rekap Penilaian")
    assert "row 1: REKAP HASIL AKHIR KINERJA 2025" in message
    assert "row 2: nip | nama | hasil_akhir | periode_akhir" in message
    assert "row 4: (blank)" in message


def test_a_sheet_without_a_readable_period_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    book = xlsxwriter.Workbook(str(path))
    write_sheet(book, "S", [AGENCY, UNIT, "Periode Mingguan 3 Tahun 2026"], HEADER, [])
    book.close()
    with pytest.raises(EkinerjaError, match="Periode Mingguan 3 Tahun 2026") as caught:
        read_ekinerja(path)
    assert caught.value.rule == "EKINERJA-LAYOUT"


def test_a_missing_file_and_a_file_that_is_no_workbook_are_refused(tmp_path: Path) -> None:
    with pytest.raises(EkinerjaError, match="no such file") as caught:
        read_ekinerja(tmp_path / "absent.xlsx")
    assert caught.value.rule == "EKINERJA-FILE"
    fake = tmp_path / "fake.xlsx"
    fake.write_text("name,nip\n")
    with pytest.raises(EkinerjaError, match=r"fake\.xlsx: not a readable XLSX") as caught:
        read_ekinerja(fake)
    assert caught.value.rule == "EKINERJA-FILE"
    with pytest.raises(EkinerjaError):
        read_ekinerja([tmp_path / "a.xlsx", 3])  # type: ignore[list-item]


def test_an_empty_folder_gives_an_empty_table_of_the_columns(tmp_path: Path) -> None:
    frame = read_ekinerja(tmp_path)
    assert frame.height == 0
    assert frame.schema == pl.Schema(EKINERJA_COLUMNS)


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Periode Bulanan 6 Tahun 2026", "2026-06"),
        ("Periode Bulanan V Tahun 2026", "2026-05"),
        ("periode  bulanan xii tahun 2025", "2025-12"),
        ("Periode Bulanan 01 Tahun 2026", "2026-01"),
        ("Periode Bulanan Juni Tahun 2026", "2026-06"),
        ("Periode Tahunan 2025", "2025"),
        ("Periode Tahunan 01/01/2025 - 31/12/2025", "2025"),
        ("Periode Triwulan II Tahun 2026", "2026-Q2"),
        ("2026-03", "2026-03"),
    ],
)
def test_the_period_labels_of_row_3(label: str, code: str) -> None:
    assert ekinerja_period(label).code == code


@pytest.mark.parametrize(
    "label",
    [
        "Periode Bulanan 13 Tahun 2026",
        "Periode Bulanan XIII Tahun 2026",
        "Periode Bulanan IIII Tahun 2026",
        "Periode Tahunan 2024 - 2025",
        "Periode Tahunan",
        "Bulan 6 Tahun 2026",
    ],
)
def test_a_period_label_that_names_no_period_is_refused(label: str) -> None:
    with pytest.raises(PeriodError):
        ekinerja_period(label)


# compare_portal: the predikat column stands in for what tables.appraise writes (a code).
PORTAL = pl.DataFrame(
    {
        "portal_predikat": ["PERLU PERBAIKAN", "KURANG/MISCONDUCT", "SANGAT KURANG", "KURANG",
                            " baik ", "BAGUS", "BAIK", None, "Sangat  Baik"],
        "predikat": ["butuh_perbaikan", "kurang", "kurang", "sangat_kurang", "baik", "baik",
                     None, "baik", "baik"],
    }
)  # fmt: skip


def test_the_portal_spellings_map_to_codes_whole_never_by_part() -> None:
    codes = PORTAL.select(portal_codes()).to_series().to_list()
    assert codes == ["butuh_perbaikan", "kurang", "sangat_kurang", "kurang", "baik", None,
                     "baik", None, "sangat_baik"]  # fmt: skip


def test_compare_portal_lists_the_rows_whose_predikat_differs() -> None:
    expected = [
        ("SANGAT KURANG", "kurang", "sangat_kurang"),
        ("KURANG", "sangat_kurang", "kurang"),
        ("BAGUS", "baik", None),
        (None, "baik", None),
        ("Sangat  Baik", "baik", "sangat_baik"),
    ]
    assert compare_portal(PORTAL).rows() == expected
    lazy = compare_portal(PORTAL.lazy())
    assert isinstance(lazy, pl.LazyFrame)
    assert lazy.collect().rows() == expected


def test_compare_portal_needs_the_appraised_table() -> None:
    with pytest.raises(EkinerjaError, match="no column 'predikat'"):
        compare_portal(PORTAL.drop("predikat"))


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            st.from_regex(r"[0-9]{18}", fullmatch=True),
            st.sampled_from(["Diatas Ekspektasi", "DI BAWAH EKSPEKTASI", "Sesuai Ekspektasi"]),
            st.sampled_from(["BAIK", "Sangat Baik", "PERLU PERBAIKAN", "KURANG/MISCONDUCT"]),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_any_rows_written_come_back_as_written(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str]]
) -> None:
    path = tmp_path_factory.mktemp("round") / "r.xlsx"
    book = xlsxwriter.Workbook(str(path))
    cells: list[list[Cell]] = [
        [i + 1, nip, f"P{i}", "J", rating, rating, predikat]
        for i, (nip, rating, predikat) in enumerate(rows)
    ]
    write_sheet(book, "S", [AGENCY, UNIT, "Periode Bulanan 1 Tahun 2026"], HEADER, cells)
    book.close()
    frame = read_ekinerja(path)
    assert frame.select("nip", "rating_hasil_kerja", "portal_predikat").rows() == [
        (nip, rating, predikat) for nip, rating, predikat in rows
    ]
    assert frame.get_column("row").to_list() == list(range(6, 6 + len(rows)))
    seen: set[str] = set()
    duplicates = []
    for nip, _, _ in rows:
        duplicates.append(nip in seen)
        seen.add(nip)
    assert frame.get_column("duplicate").to_list() == duplicates
