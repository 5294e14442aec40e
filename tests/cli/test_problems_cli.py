"""Every problem, and results for everyone who can be appraised (issue 10, section 2).

The entry point is run in a subprocess, as a user would. The documents are the built-in sample
(11 plans, 22 assessments) with problems put in by hand.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))

BIDAN_PLAN = "skp-2025-bidan"
BIDAN_LEAD = 13  # the index of the bidan plan's pejabat penilai assessment in the sample
BIDAN_NIP = "199508302022212001"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    result = run("sample")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def write(path: Path, data: object) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def three_problems(sample: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(sample)
    data["title"] = 7
    data["plans"][0]["period"] = 5
    data["plans"][1]["bogus"] = 1
    return data


def without_bidan_lead(sample: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(sample)
    removed = data["assessments"].pop(BIDAN_LEAD)
    assert (removed["plan_id"], removed["role"]) == (BIDAN_PLAN, "pejabat_penilai")
    return data


def test_every_problem_of_a_document_gets_its_own_line(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    """Reproduces: only the first problem was printed, "(and 2 more problems)"."""
    result = run("appraise", write(tmp_path / "doc.json", three_problems(sample)))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert [line.split(": ")[2] for line in lines] == [
        "$.title",
        "$.plans[0].period",
        "$.plans[1].bogus",
    ]
    assert all(line.startswith("asn-performance: error: ") for line in lines)
    assert "rule SCHEMA-extra_forbidden" in lines[2]
    assert "more problem" not in result.stderr


def test_with_json_the_problems_are_one_json_object_on_stderr(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    """Reproduces: with --json an error was still an English sentence on standard error."""
    result = run("appraise", write(tmp_path / "doc.json", three_problems(sample)), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    error = json.loads(result.stderr)["error"]
    assert error["more"] == 0
    assert [(p["path"], p["value"], p["rule"]) for p in error["problems"]] == [
        ("$.title", 7, "SCHEMA-string_type"),
        ("$.plans[0].period", 5, "PERIOD-FORMAT"),
        ("$.plans[1].bogus", 1, "SCHEMA-extra_forbidden"),
    ]
    assert error["problems"][2]["message"] == "unknown field 'bogus'"
    assert error["problems"][2]["fix"] == "remove the field or check its spelling"


def test_a_missing_assessment_still_voids_the_run_without_keep_going(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    result = run("appraise", write(tmp_path / "doc.json", without_bidan_lead(sample)))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1


def test_keep_going_appraises_the_other_plans_and_exits_4(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    """Reproduces: one missing assessment among 11 plans gave no result at all (exit 2)."""
    path = write(tmp_path / "doc.json", without_bidan_lead(sample))
    result = run("appraise", path, "--keep-going", "--json")
    assert result.returncode == 4
    plans = [record["plan_id"] for record in json.loads(result.stdout)]
    expected = [plan["id"] for plan in sample["plans"] if plan["id"] != BIDAN_PLAN]
    assert plans == expected
    assert len(plans) == 10
    problems = json.loads(result.stderr)["error"]["problems"]
    assert len(problems) == 1
    assert problems[0]["rule"] == "6/2022-PEJABAT-PENILAI"
    assert BIDAN_PLAN in problems[0]["message"]


def test_keep_going_as_a_table_prints_one_line_per_failed_plan(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    path = write(tmp_path / "doc.json", without_bidan_lead(sample))
    result = run("appraise", path, "--keep-going")
    assert result.returncode == 4
    assert "\n10 appraisals:" in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert BIDAN_PLAN in lines[0]


def test_keep_going_with_nothing_wrong_exits_0(sample: dict[str, Any], tmp_path: Path) -> None:
    result = run("appraise", write(tmp_path / "doc.json", sample), "--keep-going")
    assert result.returncode == 0
    assert result.stderr == ""
    assert "\n11 appraisals:" in result.stdout


def test_keep_going_when_every_plan_fails_is_bad_input(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    data = copy.deepcopy(sample)
    data["assessments"] = []
    result = run("appraise", write(tmp_path / "doc.json", data), "--keep-going")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 11  # one line per plan


def test_rewards_keep_going_leaves_out_only_the_employee_who_failed(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    """Reproduces: ``rewards`` gave nothing when one plan lacked its assessment."""
    path = write(tmp_path / "doc.json", without_bidan_lead(sample))
    result = run("rewards", path, "--keep-going", "--json")
    assert result.returncode == 4
    nips = [outcome["nip"] for outcome in json.loads(result.stdout)["outcomes"]]
    employees = [plan["employee_nip"] for plan in sample["plans"]]
    expected = [nip for nip in dict.fromkeys(employees) if nip != BIDAN_NIP]
    assert nips == expected
    assert len(nips) == 10
    problems = json.loads(result.stderr)["error"]["problems"]
    assert [p["rule"] for p in problems] == ["6/2022-PEJABAT-PENILAI"]


def test_calibrate_keep_going_counts_the_plans_that_could_be_appraised(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    """Reproduces: ``calibrate`` gave nothing when one plan lacked its assessment.

    The sample's 11 predikat are Sangat Baik 1, Baik 7, Butuh Perbaikan 2, Kurang 1; the bidan
    (Baik) cannot be appraised, so 10 are counted: Baik 6 of 10 = 60.00 %, within "at most
    70 %" (floor(70 % × 10) = 7); Butuh Perbaikan and Kurang 3, at least 1. Within, with one
    problem: status 4.
    """
    path = write(tmp_path / "doc.json", without_bidan_lead(sample))
    assert run("calibrate", path).returncode == 2  # without the option: nothing
    result = run("calibrate", path, "--keep-going")
    assert result.returncode == 4
    assert "organisation predikat Baik, 10 employees" in result.stdout
    assert "Sangat Baik 1, Baik 6, Butuh Perbaikan 2, Kurang/Misconduct 1" in result.stdout
    assert "- Baik: 6 of 10 (60.00 %); at most 70 % allows 7 of 10" in result.stdout
    assert "=> within the distribution" in result.stdout
    assert "note: 1 plan could not be appraised and is not counted" in result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith("asn-performance: error: $.assessments: plan 'skp-2025-bidan'")
    as_json = run("calibrate", path, "--keep-going", "--json")
    assert as_json.returncode == 4
    (report,) = json.loads(as_json.stdout)
    assert (report["total"], report["counts"]["baik"], report["ok"]) == (10, 6, True)
    (problem,) = json.loads(as_json.stderr)["error"]["problems"]
    assert problem["rule"] == "6/2022-PEJABAT-PENILAI"
