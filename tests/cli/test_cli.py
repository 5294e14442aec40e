"""The command line, run as a user would: the installed entry point in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command, input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def sample_document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = run("sample")
    assert result.returncode == 0, result.stderr
    path = tmp_path_factory.mktemp("cli") / "sample.json"
    path.write_text(result.stdout, encoding="utf-8")
    return path


def test_demo_prints_a_table_with_one_reason_per_employee() -> None:
    result = run("demo")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Contoh unit kerja")
    header = next(line for line in lines if line.startswith("NIP"))
    for column in ("Name", "Position", "Hasil kerja", "Perilaku kerja", "Predikat"):
        assert column in header
    # 11 plans in the sample: head, two supervisors, eight staff.
    assert sum(1 for line in lines if line.startswith("    why: ")) == 11
    assert "11 appraisals" in lines[-1]


def test_demo_rates_the_sample_as_worked_out_by_hand() -> None:
    rows = {}
    for line in run("demo").stdout.splitlines():
        if line[:18].isdigit():
            rows[line[:18]] = line
    # The teacher: pejabat penilai Di Atas / Di Atas -> Sangat Baik (matrix).
    assert rows["198609262015051001"].rstrip().endswith("Sangat Baik")
    # The registry clerk (PPPK): Sesuai / Di Bawah -> Kurang/Misconduct.
    assert rows["199203152022211002"].rstrip().endswith("Kurang/Misconduct")
    # The nurse: Di Bawah / Sesuai -> Butuh Perbaikan.
    assert rows["199302142017012003"].rstrip().endswith("Butuh Perbaikan")
    # The head leads the unit: organisation Baik -> hasil Sesuai (D3); perilaku Di Atas -> Baik.
    head = rows["197805172003122001"]
    assert "Sesuai Ekspektasi" in head
    assert head.rstrip().endswith("Baik")


def test_demo_says_when_peer_input_is_withheld_for_anonymity() -> None:
    out = run("demo").stdout
    assert "input withheld (2 response(s), fewer than 3 responses)" in out


def test_demo_json_is_a_list_of_results_with_codes_and_labels() -> None:
    result = run("demo", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data) == 11
    teacher = next(r for r in data if r["nip"] == "198609262015051001")
    assert teacher["predikat"] == "sangat_baik"
    # No individual assessments in the output record: anonymous input is never shown.
    assert "assessments" not in teacher


def test_appraise_of_the_sample_document_matches_the_demo(sample_document: Path) -> None:
    demo = json.loads(run("demo", "--json").stdout)
    result = run("appraise", str(sample_document), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == demo


def test_appraise_reads_standard_input(sample_document: Path) -> None:
    result = run("appraise", "-", stdin=sample_document.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert "Sangat Baik" in result.stdout


def test_bad_nip_in_a_document_gives_one_line_with_the_json_path_and_exit_2(
    sample_document: Path, tmp_path: Path
) -> None:
    data = json.loads(sample_document.read_text(encoding="utf-8"))
    data["employees"][4]["nip"] = "198613262015051001"  # month 13: not a real birth date
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = run("appraise", str(bad))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "$.employees[4].nip" in lines[0]
    assert "198613262015051001" in lines[0]
    assert "NIP-BIRTH-DATE" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_float_shaped_nan_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "nan.json"
    bad.write_text('{"schema_version": "1", "employees": NaN}', encoding="utf-8")
    result = run("appraise", str(bad))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stdout == ""


def test_malformed_json_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"schema_version": "1",\n  "employees": [', encoding="utf-8")
    result = run("appraise", str(bad))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("asn-performance: error: $")


def test_missing_file_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("appraise", str(tmp_path / "nope.json"))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "nope.json" in result.stderr


def test_an_assessment_by_the_wrong_person_is_refused_with_its_path(
    sample_document: Path, tmp_path: Path
) -> None:
    data = json.loads(sample_document.read_text(encoding="utf-8"))
    index = next(
        i
        for i, a in enumerate(data["assessments"])
        if a["role"] == "pejabat_penilai" and a["plan_id"] == "skp-2025-guru"
    )
    data["assessments"][index]["assessor_nip"] = "199010102015031001"  # a colleague, not the boss
    bad = tmp_path / "authority.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = run("appraise", str(bad))
    assert result.returncode == 2
    line = result.stderr.strip()
    assert f"$.assessments[{index}]" in line
    assert "AUTH-PEJABAT-PENILAI" in line


def test_schema_prints_the_input_json_schema() -> None:
    result = run("schema")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    for key in ("employees", "plans", "assessments"):
        assert key in schema["properties"]


def test_schema_output_prints_the_output_schema() -> None:
    result = run("schema", "--output")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["type"] in ("object", "array")


def test_unknown_command_exits_2() -> None:
    result = run("frobnicate")
    assert result.returncode == 2


def test_control_characters_in_a_document_never_reach_the_terminal(
    sample_document: Path, tmp_path: Path
) -> None:
    data = json.loads(sample_document.read_text(encoding="utf-8"))
    data["employees"][4]["name"] = "\x1b[2JEvil\nName"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(data), encoding="utf-8")
    result = run("appraise", str(hostile))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    row = next(line for line in result.stdout.splitlines() if "Evil" in line)
    assert row.startswith("198609262015051001")
