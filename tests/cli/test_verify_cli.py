"""``asn-performance verify``: stored records checked against their seal, as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import run


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = run("demo", "--json")
    assert made.returncode == 0, made.stderr
    path = tmp_path_factory.mktemp("verify") / "results.json"
    path.write_text(made.stdout, encoding="utf-8")
    return path


def test_results_written_by_the_demo_verify_one_line_per_record(results: Path) -> None:
    checked = run("verify", str(results))
    assert checked.returncode == 0, checked.stderr
    lines = checked.stdout.splitlines()
    # The sample unit has 11 plans: 11 records, then the count.
    assert len(lines) == 12
    assert lines[-1] == "11 record(s) intact"
    assert all(line.startswith("intact  $[") for line in lines[:-1])


def test_a_changed_predikat_exits_1_with_one_line_naming_the_record(
    results: Path, tmp_path: Path
) -> None:
    records = json.loads(results.read_text(encoding="utf-8"))
    records[4]["predikat"] = "sangat_baik" if records[4]["predikat"] != "sangat_baik" else "baik"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(records), encoding="utf-8")
    checked = run("verify", str(changed))
    assert checked.returncode == 1
    assert checked.stdout == ""
    assert len(checked.stderr.splitlines()) == 1
    assert "$[4].integrity.digest" in checked.stderr
    assert "INTEGRITY-DIGEST" in checked.stderr
    assert "Traceback" not in checked.stderr


def test_an_unsealed_or_unreadable_record_exits_2() -> None:
    for text, rule in (
        ('{"predikat": "baik"}', "INTEGRITY-MISSING"),
        ('{"a": 1.5}', "INTEGRITY-FORM"),
        ('{"a": 1, "a": 2}', "INTEGRITY-FORM"),
        ("[1, 2", "INTEGRITY-FORM"),
    ):
        checked = run("verify", "-", stdin=text)
        assert checked.returncode == 2, text
        assert len(checked.stderr.splitlines()) == 1, checked.stderr
        assert rule in checked.stderr, (text, checked.stderr)


def test_a_sealed_record_of_another_shape_verifies_without_a_crash() -> None:
    from asn_performance.process.integrity import seal

    checked = run("verify", "-", stdin=json.dumps(seal({"plan": "abc", "predikat": 7})))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[0].endswith("(record)")
