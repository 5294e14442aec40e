"""Hostile files given to the command line, run as a user would: the installed entry point in a
subprocess.

Every command that reads a file (``appraise``, ``rewards`` and its ``--policy``, ``calibrate``,
``verify``) is given malformed JSON, huge numbers, NaN, 10 000 levels of nesting, a 1 MB
string, binary garbage, a directory, a missing file, an unreadable policy. Each time the
command prints exactly one line on stderr, nothing on stdout, never a traceback, and exits
with status 2 (``verify``: 1 when a sealed record was changed). ``tests/property/
test_hostile_input.py`` runs the same commands in-process with thousands of fuzzed inputs; this
file checks the real entry point, with a few subprocesses.
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

from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    dump_document,
    to_json,
)
from asn_performance.boundary.part_documents import dump_result
from asn_performance.services.sample import sample_unit

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))

NURSE = "199302142017012003"  # hasil kerja Di Bawah in the sample: the timeline is computed


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command, input=stdin, capture_output=True, timeout=120, check=False
    )


def refused(result: subprocess.CompletedProcess[bytes], status: int = 2) -> str:
    """The one error line of a refused command (exit ``status``, nothing else printed)."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert result.returncode == status, (result.returncode, stderr)
    assert result.stdout == b""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert stderr.endswith("\n")
    assert lines[0].startswith("asn-performance: error: "), lines[0]
    assert len(lines[0]) < 2000, lines[0][:300]
    return lines[0]


def _sample() -> dict[str, Any]:
    sample = sample_unit()
    document = AppraisalDocument(
        employees=sample.employees,
        plans=sample.plans,
        assessments=sample.assessments,
        policy=sample.policy,
        guards=sample.guards,
        organisation_predikat=sample.organisation_predikat,
        title=sample.title,
    )
    return dump_document(document)


SAMPLE = _sample()
SAMPLE_TEXT = to_json(SAMPLE)
DEEP = 10_000


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _with_target(value: str) -> str:
    """The sample's JSON text with the first indicator's target lower bound replaced by the
    raw JSON token ``value``."""
    data = copy.deepcopy(SAMPLE)
    data["plans"][0]["work_results"][0]["indicators"][0]["target"]["lower"] = "@@"
    return to_json(data).replace('"@@"', value)


def _national_policy() -> dict[str, Any]:
    from asn_performance.boundary.policy_files import dump_reward_policy, load_builtin_policy

    return dump_reward_policy(load_builtin_policy("national"))


# --- appraise ------------------------------------------------------------------------------------

HOSTILE_DOCUMENTS: dict[str, str | bytes] = {
    "truncated JSON": SAMPLE_TEXT[: len(SAMPLE_TEXT) // 2],
    "integer of 5001 digits": _with_target("1" + "0" * 5000),
    "NaN": _with_target("NaN"),
    "10 000 levels of nesting": "[" * DEEP + "]" * DEEP,
    "a 1 MB name": SAMPLE_TEXT.replace(SAMPLE["employees"][0]["name"], "x" * 1_000_000, 1),
    "binary garbage": bytes(range(256)) * 4,
    "UTF-16": SAMPLE_TEXT.encode("utf-16"),
}


@pytest.mark.parametrize("content", HOSTILE_DOCUMENTS.values(), ids=HOSTILE_DOCUMENTS.keys())
def test_appraise_refuses_a_hostile_document_in_one_line(
    content: str | bytes, tmp_path: Path
) -> None:
    line = refused(run("appraise", str(_write(tmp_path, "doc.json", content))))
    assert " $" in line or ": $" in line  # the JSON path of the problem


def test_appraise_refuses_a_directory_and_a_missing_file(tmp_path: Path) -> None:
    assert "cannot read" in refused(run("appraise", str(tmp_path)))
    assert "cannot read" in refused(run("appraise", str(tmp_path / "missing.json")))


def test_appraise_reads_hostile_standard_input_and_accepts_a_bom() -> None:
    refused(run("appraise", "-", stdin=b""))
    result = run("appraise", "-", "--json", stdin=b"\xef\xbb\xbf" + SAMPLE_TEXT.encode())
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == len(SAMPLE["plans"])


# --- rewards -------------------------------------------------------------------------------------


def test_rewards_refuses_a_hostile_document(tmp_path: Path) -> None:
    refused(run("rewards", str(_write(tmp_path, "doc.json", bytes(range(256))))))
    data = copy.deepcopy(SAMPLE)
    data["reward_inputs"] = {NURSE: {"result_received_on": "9999-12-31"}}
    # Was: OverflowError ("date value out of range") in the PP 30/2019 timeline, exit 70.
    line = refused(run("rewards", str(_write(tmp_path, "late.json", to_json(data)))))
    assert "result_received_on" in line


def _policy_file(folder: Path, change: dict[str, Any]) -> Path:
    data = _national_policy()
    for table, values in change.items():
        data[table].update(values)
    return _write(folder, "policy.json", to_json(data))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("policy.json", "{"),
        ("policy.json", bytes(range(256))),
        ("policy.toml", 'schema_version = "1"\nname = "x"\nversion = ' + "1" * 5000),
        ("policy.toml", "a = " + "[" * DEEP + "]" * DEEP),
    ],
    ids=["truncated JSON", "binary", "TOML integer of 5000 digits", "deep TOML"],
)
def test_rewards_refuses_a_hostile_policy_in_one_line(
    name: str, content: str | bytes, tmp_path: Path
) -> None:
    document = _write(tmp_path, "doc.json", SAMPLE_TEXT)
    line = refused(run("rewards", str(document), "--policy", str(_write(tmp_path, name, content))))
    assert "policy" in line


@pytest.mark.parametrize(
    "change",
    [
        {"consequences": {"improvement_months": 1_000_000}},
        {"career": {"succession_years": int("9" * 4000)}},
    ],
    ids=["improvement months", "succession years"],
)
def test_rewards_refuses_a_policy_whose_durations_leave_the_calendar(
    change: dict[str, Any], tmp_path: Path
) -> None:
    # Was: exit 70, "year 85359 is out of range" / "int too large to convert to float".
    document = _write(tmp_path, "doc.json", SAMPLE_TEXT)
    policy = _policy_file(tmp_path, change)
    line = refused(run("rewards", str(document), "--policy", str(policy)))
    assert "rule RANGE" in line


def test_rewards_refuses_an_unreadable_policy(tmp_path: Path) -> None:
    document = str(_write(tmp_path, "doc.json", SAMPLE_TEXT))
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert "cannot read" in refused(run("rewards", document, "--policy", str(folder)))
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    assert "cannot read" in refused(run("rewards", document, "--policy", str(loop)))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_rewards_refuses_a_policy_without_read_permission(tmp_path: Path) -> None:
    document = str(_write(tmp_path, "doc.json", SAMPLE_TEXT))
    policy = _policy_file(tmp_path, {})
    policy.chmod(0)
    try:
        assert "cannot read" in refused(run("rewards", document, "--policy", str(policy)))
    finally:
        policy.chmod(0o600)


# --- calibrate -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        '{"units": [{"unit": "A", "organisation_predikat": "baik", "counts": {"baik": -1}}]}',
        '{"units": [{"unit": "A", "organisation_predikat": "baik", "counts": {"baik": '
        + "9" * 4000
        + "}}]}",
        b"\x00\xff" * 1000,
    ],
    ids=["negative count", "count of 4000 digits", "binary"],
)
def test_calibrate_refuses_a_hostile_document_in_one_line(
    content: str | bytes, tmp_path: Path
) -> None:
    refused(run("calibrate", str(_write(tmp_path, "units.json", content))))


# --- verify --------------------------------------------------------------------------------------


def test_verify_reports_a_changed_record_in_one_line_and_refuses_garbage(tmp_path: Path) -> None:
    from asn_performance import appraise

    sample = sample_unit()
    plan = next(p for p in sample.plans if not p.leads_unit)
    record = dump_result(appraise(plan, [a for a in sample.assessments if a.plan_id == plan.id]))
    record["predikat"] = "sangat_baik" if record["predikat"] != "sangat_baik" else "baik"
    line = refused(run("verify", str(_write(tmp_path, "changed.json", to_json(record)))), 1)
    assert "INTEGRITY-DIGEST" in line
    refused(run("verify", str(_write(tmp_path, "deep.json", b"[" * DEEP + b"\xff" * 64))))
