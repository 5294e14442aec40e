"""Review fixes in the ``table`` command: a failing ``--organisation`` or ``--out`` names that
option and its file (a write failure exits 74, as other output errors do); "7.0" in a CSV is
a whole number; the summary says what the policy and the table really are."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("polars")
pytest.importorskip("python_calamine")
pytest.importorskip("xlsxwriter")

from asn_performance.cli import main

HEADER = "rating_hasil_kerja,rating_perilaku_kerja,kelas,unit\n"
# di atas + sesuai -> Baik; sesuai + sesuai -> Baik (6/2022 matrix)
ROWS = "di_atas_ekspektasi,sesuai_ekspektasi,7.0,A\nsesuai_ekspektasi,sesuai_ekspektasi,7,A\n"


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "in.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return path


@pytest.fixture
def organisation(tmp_path: Path) -> Path:
    path = tmp_path / "org.csv"
    path.write_text("unit,organisation_predikat\nA,baik\n", encoding="utf-8")
    return path


def test_an_unreadable_organisation_file_is_named_with_its_option(
    table: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.csv"
    status = main(["table", str(table), "--organisation", str(missing)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith(
        f"asn-performance: error: --organisation {missing}: cannot read the organisation"
        " predikat table (No such file or directory"
    )
    assert f"cannot read '{table}'" not in err


@pytest.mark.parametrize("kind", [".csv", ".parquet", ".xlsx"])
def test_an_out_that_cannot_be_written_exits_74_naming_it(
    table: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-folder" / f"x{kind}"
    status = main(["table", str(table), "--out", str(out)])
    captured = capsys.readouterr()
    assert status == 74
    assert captured.err.startswith(f"asn-performance: error: --out {out}: cannot write (")
    assert "No such file or directory" in captured.err
    assert "cannot read" not in captured.err
    assert captured.out == ""  # no summary for a run whose output was lost


def test_a_report_beside_out_that_cannot_be_written_is_named(
    table: Path, organisation: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.csv"
    beside = tmp_path / "r.distribution.csv"
    beside.mkdir()  # a folder where the report goes: it cannot be written
    status = main(["table", str(table), "--out", str(out), "--organisation", str(organisation)])
    err = capsys.readouterr().err
    assert status == 74
    assert err.startswith(f"asn-performance: error: --out {out}: cannot write {beside} (")


def test_an_input_that_cannot_be_read_still_names_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "in.csv"
    assert main(["table", str(missing)]) == 2
    assert f"cannot read '{missing}'" in capsys.readouterr().err


def test_a_kelas_written_7_0_is_kelas_7(table: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Both rows are Baik at kelas 7 ("7.0" and "7"): both are paid, the same amount.
    status = main(["table", str(table), "--policy", "kemnaker_2025"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "with problems: 0" in captured.out
    assert "(2 rows with a tunjangan;" in captured.out
    assert "must be a whole number" not in captured.err


def test_a_kelas_written_7_5_is_still_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.csv"
    path.write_text(HEADER + "sesuai_ekspektasi,sesuai_ekspektasi,7.5,A\n", encoding="utf-8")
    assert main(["table", str(path), "--policy", "kemnaker_2025"]) == 4
    err = capsys.readouterr().err
    assert "row 1: TYPE: kelas must be a whole number, not '7.5'" in err


def test_the_summary_says_a_policy_without_allowance_pays_none(
    table: Path, organisation: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # national has no allowance; the table has no period column: one unit, by unit.
    status = main(["table", str(table), "--organisation", str(organisation)])
    out = capsys.readouterr().out
    assert status == 0
    assert "tunjangan: none (policy national pays no allowance)" in out
    assert "needs kelas" not in out
    assert "Rp" not in out
    assert "distribution: 1 units (by unit), " in out
    assert "by unit and period" not in out


def test_the_summary_says_by_unit_and_period_with_a_period_column(
    tmp_path: Path, organisation: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        "rating_hasil_kerja,rating_perilaku_kerja,unit,period\n"
        "sesuai_ekspektasi,sesuai_ekspektasi,A,2026-05\n"
        "sesuai_ekspektasi,sesuai_ekspektasi,A,2026-06\n",
        encoding="utf-8",
    )
    assert main(["table", str(path), "--organisation", str(organisation)]) == 0
    out = capsys.readouterr().out
    assert "distribution: 2 units (by unit and period), " in out
    assert "tunjangan" not in out  # no reward column, no --policy: no rewards


def test_the_report_beside_an_xlsx_out_is_an_xlsx_workbook(
    table: Path, organisation: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Review of issue 11: --out x.xlsx wrote the distribution report as CSV.
    from python_calamine import CalamineWorkbook  # the tables extra's XLSX reader

    out = tmp_path / "hasil.xlsx"
    status = main(["table", str(table), "--out", str(out), "--organisation", str(organisation)])
    printed = capsys.readouterr().out
    beside = tmp_path / "hasil.distribution.xlsx"
    assert status in (0, 4)
    assert f"written: {beside}" in printed
    assert not (tmp_path / "hasil.distribution.csv").exists()
    workbook = CalamineWorkbook.from_path(str(beside))
    assert workbook.sheet_names == ["distribution"]
    header = workbook.get_sheet_by_name("distribution").to_python()[0]
    assert {"unit", "limit_predikat", "count", "threshold", "ok"} <= set(header)
