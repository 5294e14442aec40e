"""``asn-performance appraise FILE --roster ROSTER.json`` (issue 13 item 3): every assessment's
giver checked against the organisation roster, one line per problem, exit status 2.

The sample document's teacher, Budi Santoso (skp-2025-guru: pejabat penilai Agus, atasan
Ratna), gets three "subordinate" assessments: from Drs. Hendra Wijaya (the head, above Ratna:
gives nothing) and from Rizky and Yusuf (under Maria, outside Budi's line: colleagues).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command, capture_output=True, text=True, timeout=120, check=False
    )


def sample(tmp_path: Path) -> tuple[dict[str, Any], Path]:
    result = run("sample")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    roster = {"schema_version": "1", "kind": "roster", "employees": data["employees"]}
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(roster), encoding="utf-8")
    return data, path


def subordinate(nip: str) -> dict[str, Any]:
    return {
        "plan_id": "skp-2025-guru",
        "role": "subordinate",
        "assessor_nip": nip,
        "given_on": "2026-01-10",
        "period": "2025",
        "hasil_kerja": "di_atas",
        "perilaku_kerja": "di_atas",
    }


def test_the_sample_passes_its_own_roster(tmp_path: Path) -> None:
    data, roster = sample(tmp_path)
    document = tmp_path / "unit.json"
    document.write_text(json.dumps(data), encoding="utf-8")
    plain = run("appraise", str(document))
    checked = run("appraise", str(document), "--roster", str(roster))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout == plain.stdout


def test_three_wrong_subordinates_three_lines_and_exit_2(tmp_path: Path) -> None:
    data, roster = sample(tmp_path)
    first = len(data["assessments"])
    data["assessments"] += [
        subordinate(n) for n in ("197003121995031002", "199010102015031001", "198705052010011004")
    ]
    document = tmp_path / "unit.json"
    document.write_text(json.dumps(data), encoding="utf-8")
    assert run("appraise", str(document)).returncode == 0  # counted without a roster
    result = run("appraise", str(document), "--roster", str(roster))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, lines
    for offset, (line, name) in enumerate(
        zip(lines, ("Hendra Wijaya", "Rizky Pratama", "Yusuf Hamdani"), strict=True)
    ):
        assert f"$.assessments[{first + offset}].role" in line
        assert name in line
        assert "AUTH-ROSTER-ROLE" in line


def test_a_roster_file_that_is_not_a_roster_is_refused(tmp_path: Path) -> None:
    data, _ = sample(tmp_path)
    document = tmp_path / "unit.json"
    document.write_text(json.dumps(data), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"employees": "none"}), encoding="utf-8")
    result = run("appraise", str(document), "--roster", str(bad))
    assert result.returncode == 2
    assert "$.employees" in result.stderr
