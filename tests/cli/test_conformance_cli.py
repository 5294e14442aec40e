"""``asn-performance conformance export DIR`` and ``conformance check RESULTS`` (issue 15):
the three commands of docs/how-to/conformance.md, a deliberately wrong result file, malformed
results, CSV and JSON, and the Indonesian text. Every expected line is written by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asn_performance.cli import main
from asn_performance.conformance import library_results


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def right() -> dict[str, dict[str, str]]:
    return library_results()


def test_export_then_check_the_library_s_own_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], right: dict[str, dict[str, str]]
) -> None:
    status, out, err = _run(capsys, "conformance", "export", str(tmp_path / "vectors"))
    assert (status, out, err) == (
        0,
        f"wrote 126 vectors and manifest.json to {tmp_path / 'vectors'}\n",
        "",
    )
    results = tmp_path / "results.json"
    results.write_text(json.dumps(right), "utf-8")
    status, out, err = _run(
        capsys, "conformance", "check", str(results), "--vectors", str(tmp_path / "vectors")
    )
    assert (status, out, err) == (0, "126 vectors, 126 match, 0 differ, 0 missing\n", "")


def test_a_wrong_predikat_exits_1_naming_the_vector(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], right: dict[str, dict[str, str]]
) -> None:
    wrong = {k: dict(v) for k, v in right.items()}
    # hasil Sesuai, perilaku Sesuai is Baik by the matrix; the other system says Sangat Baik
    wrong["matrix/hasil_sesuai__perilaku_sesuai"]["predikat"] = "sangat_baik"
    results = tmp_path / "results.json"
    results.write_text(json.dumps(wrong), "utf-8")
    status, out, err = _run(capsys, "conformance", "check", str(results))
    assert status == 1
    assert err == ""
    assert out == (
        "matrix/hasil_sesuai__perilaku_sesuai: predikat: expected baik, got sangat_baik\n"
        "126 vectors, 125 match, 1 differ, 0 missing\n"
    )
    status, out, _ = _run(capsys, "conformance", "check", str(results), "--lang", "id")
    assert status == 1
    assert out == (
        "matrix/hasil_sesuai__perilaku_sesuai: predikat: seharusnya baik, diberikan sangat_baik\n"
        "126 vektor, 125 sesuai, 1 berbeda, 0 tidak ada hasilnya\n"
    )
    status, out, _ = _run(capsys, "conformance", "check", str(results), "--json")
    assert status == 1
    data = json.loads(out)
    assert (data["ok"], data["matched"], data["differ"], data["missing"]) == (False, 125, 1, 0)
    assert data["differences"] == [
        {
            "id": "matrix/hasil_sesuai__perilaku_sesuai",
            "field": "predikat",
            "expected": "baik",
            "got": "sangat_baik",
        }
    ]


def test_a_csv_of_two_vectors_reports_the_others_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results.csv"
    results.write_text(
        "id,predikat,value_shown\n"
        "matrix/hasil_sesuai__perilaku_sesuai,baik,\n"
        "integration_2021/integrate_2021_halves,baik,92.55\n",
        "utf-8",
    )
    status, out, _ = _run(capsys, "conformance", "check", str(results))
    assert status == 1
    lines = out.splitlines()
    # 126 vectors, 2 given and right, 124 missing: one line each, then the summary
    assert len(lines) == 125
    assert lines[0] == "matrix/hasil_di_atas__perilaku_di_atas: no result given"
    assert lines[-1] == "126 vectors, 2 match, 0 differ, 124 missing"


def test_malformed_results_exit_2_with_json_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results.json"
    results.write_text(
        json.dumps({"matrix/hasil_sesuai__perilaku_sesuai": {"predikat": 3}, "x": []}), "utf-8"
    )
    status, out, err = _run(capsys, "conformance", "check", str(results))
    assert (status, out) == (2, "")
    assert err.splitlines() == [
        "asn-performance: error: $['matrix/hasil_sesuai__perilaku_sesuai'].predikat: a result's"
        " value is text, as the vectors write it; got 3; rule CONFORMANCE-RESULTS. Fix: write it"
        ' as a JSON string ("baik", "88.10", "true")',
        "asn-performance: error: $.x: a vector's result is an object of field -> value; got"
        " 'list'; rule CONFORMANCE-RESULTS. Fix: write the fields as an object: {\"predikat\":"
        ' "baik", ...}',
    ]
    status, out, err = _run(capsys, "conformance", "check", str(results), "--lang", "id")
    assert status == 2
    assert err.splitlines()[0] == (
        "asn-performance: kesalahan: $['matrix/hasil_sesuai__perilaku_sesuai'].predikat: nilai"
        " sebuah hasil berupa teks, seperti yang ditulis vektor; nilai 3; aturan"
        ' CONFORMANCE-RESULTS. Perbaikan: tulis sebagai string JSON ("baik", "88.10", "true")'
    )


def test_an_unknown_id_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = tmp_path / "results.csv"
    results.write_text("id,predikat\nmatrix/nope,baik\n", "utf-8")
    status, out, err = _run(capsys, "conformance", "check", str(results), "--json")
    assert (status, out) == (2, "")
    problem = json.loads(err)["error"]["problems"][0]
    assert (problem["path"], problem["value"], problem["rule"]) == (
        "$['matrix/nope']",
        "matrix/nope",
        "CONFORMANCE-ID",
    )


def test_the_help_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "id", "conformance", "check", "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "penggunaan: asn-performance conformance check [-h] [--vectors DIR] [--json]"
    )
    assert "bawaan: vektor rilis ini" in out.replace("\n", " ").replace("  ", " ")
