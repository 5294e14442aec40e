"""``asn-performance verify`` with the agency's key, and what it refuses (issue 10, section 5).

A plain SHA-256 seal can be recomputed by whoever rewrites a record; the keyed seal
(HMAC-SHA256 with the agency's key) cannot. These tests play the forger by hand.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import EXE, run

from asn_performance.process.integrity import seal

KEY = b"kunci-rahasia-bkd-serang-2026"  # 29 bytes, above the 16-byte minimum


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("key") / "seal.key"
    path.write_bytes(KEY + b"\n")  # one trailing line break, as an editor writes it
    return path


@pytest.fixture(scope="module")
def keyed_results(key_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = run("demo", "--json", "--key-file", str(key_file))
    assert made.returncode == 0, made.stderr
    path = tmp_path_factory.mktemp("keyed") / "results.json"
    path.write_text(made.stdout, encoding="utf-8")
    return path


def _forged(keyed_results: Path, tmp_path: Path) -> Path:
    """The forger's work: change a predikat, recompute the plain digest, keep the old MAC."""
    records = json.loads(keyed_results.read_text(encoding="utf-8"))
    record = records[4]
    old_mac = record["integrity"]["hmac_sha256"]
    content = {k: v for k, v in record.items() if k != "integrity"}
    content["predikat"] = "sangat_baik" if content["predikat"] != "sangat_baik" else "baik"
    resealed = seal(content)
    resealed["integrity"]["hmac_sha256"] = old_mac
    records[4] = resealed
    path = tmp_path / "forged.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def test_the_demo_seals_with_the_key_and_verify_checks_every_mac(
    keyed_results: Path, key_file: Path
) -> None:
    records = json.loads(keyed_results.read_text(encoding="utf-8"))
    assert all(len(r["integrity"]["hmac_sha256"]) == 64 for r in records)
    checked = run("verify", str(keyed_results), "--key-file", str(key_file))
    assert checked.returncode == 0, checked.stderr
    lines = checked.stdout.splitlines()
    assert lines[-1] == "11 record(s) intact"
    assert all("hmac-sha256 ok" in line for line in lines[:-1])


def test_a_resealed_forgery_passes_the_plain_seal_but_not_the_key(
    keyed_results: Path, key_file: Path, tmp_path: Path
) -> None:
    forged = _forged(keyed_results, tmp_path)
    # Without the key the forgery is indistinguishable: the plain digest was recomputed.
    assert run("verify", str(forged)).returncode == 0
    # With the key the stale MAC gives it away: exit 1, "changed", naming the record.
    checked = run("verify", str(forged), "--key-file", str(key_file))
    assert checked.returncode == 1
    assert checked.stdout == ""
    assert "$[4]" in checked.stderr


def test_the_key_is_read_from_the_environment(keyed_results: Path, tmp_path: Path) -> None:
    forged = _forged(keyed_results, tmp_path)
    command = [EXE] if EXE else [sys.executable, "-m", "asn_performance.cli"]
    environment = {**os.environ, "ASN_PERFORMANCE_SEAL_KEY": KEY.decode("ascii")}
    checked = subprocess.run(  # our own entry point, fixed arguments
        [*command, "verify", str(forged)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert checked.returncode == 1


def test_a_key_shorter_than_16_bytes_is_bad_input(keyed_results: Path, tmp_path: Path) -> None:
    short = tmp_path / "short.key"
    short.write_bytes(b"pendek")
    checked = run("verify", str(keyed_results), "--key-file", str(short))
    assert checked.returncode == 2
    assert "INTEGRITY-KEY" in checked.stderr
    assert "pendek" not in checked.stderr  # a key is never shown


def test_an_empty_list_is_not_verified() -> None:
    checked = run("verify", "-", stdin="[]")
    assert checked.returncode == 2
    assert "INTEGRITY-MISSING" in checked.stderr
    assert checked.stdout == ""
