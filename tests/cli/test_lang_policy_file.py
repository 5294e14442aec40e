"""A policy file's error line in each language (issue 14): the file first, then the problem's
line; the message, the count of the other problems and the fix from the catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asn_performance.cli import main


def test_a_bad_policy_file_in_each_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sample"]) == 0
    sample = tmp_path / "sample.json"
    sample.write_text(capsys.readouterr().out, encoding="utf-8")
    json.loads(sample.read_text(encoding="utf-8"))
    # a TOML policy with neither schema_version nor the policy's tables: three problems, the
    # first the missing schema_version (the others are counted)
    policy = tmp_path / "p.toml"
    policy.write_text('name = "x"\nversion = 3\n[[nothing]]\n', encoding="utf-8")
    assert main(["rewards", str(sample), "--policy", str(policy), "--lang", "id"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"asn-performance: kesalahan: kebijakan {policy}: $.schema_version: field"
        " 'schema_version' wajib diisi (dan 2 masalah lain); aturan SCHEMA-missing. Perbaikan:"
        " tambahkan field itu"
    ]
    assert main(["rewards", str(sample), "--policy", str(policy), "--lang", "en"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"asn-performance: error: policy {policy}: $.schema_version: the field"
        " 'schema_version' is required (and 2 more problems); rule SCHEMA-missing. Fix: add the"
        " field"
    ]
