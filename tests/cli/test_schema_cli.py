"""``schema NAME`` prints every document's schema, and what each command writes validates
against the schema it names (issue 10, section 7).

Reproduces: ``rewards --json`` gave 496 errors against the only output schema the command line
published. Here each command's real output is checked with a JSON Schema validator against the
schema the command line itself prints.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from test_problems_cli import run, sample, without_bidan_lead, write

from asn_performance.boundary.schemas import SCHEMAS, json_schema
from asn_performance.cli import SCHEMA_NAMES

__all__ = ["sample"]  # the fixture, imported for pytest


def printed_schema(*args: str) -> dict[str, Any]:
    result = run("schema", *args)
    assert result.returncode == 0, result.stderr
    schema: dict[str, Any] = json.loads(result.stdout)
    return schema


def errors(schema: dict[str, Any], instance: object) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def test_the_command_line_knows_every_schema_of_the_catalogue() -> None:
    assert tuple(SCHEMAS) == SCHEMA_NAMES


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_name_prints_the_catalogue_schema(name: str) -> None:
    assert printed_schema(name) == json_schema(name)


def test_the_old_options_name_the_same_schemas() -> None:
    assert printed_schema() == json_schema("document")
    assert printed_schema("--output") == json_schema("results")
    assert printed_schema("--regime", "pp46_2011") == json_schema("pp46_2011")
    assert printed_schema("results", "--output") == json_schema("results")


def test_two_different_schemas_are_refused() -> None:
    result = run("schema", "rewards", "--output")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "NAME: two different schemas were asked for; got 'rewards and results'" in line


def test_an_unknown_name_lists_the_names() -> None:
    result = run("schema", "reward")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "got 'reward'; rule SCHEMA-name" in line
    assert "rewards" in line.partition("Fix:")[2]


def test_each_json_output_validates_against_its_printed_schema(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    path = write(tmp_path / "doc.json", sample)
    cases = [
        ("document", ("sample",)),
        ("results", ("appraise", path, "--json")),
        ("results", ("demo", "--json")),
        ("rewards", ("rewards", path, "--json")),
        ("rewards", ("rewards", path, "--json", "--policy", "kemnaker_2025")),
        ("calibration", ("calibrate", path, "--json")),
        ("sealed", ("appraise", path, "--json")),
    ]
    for name, command in cases:
        result = run(*command)
        assert result.returncode == 0, (command, result.stderr)
        assert errors(printed_schema(name), json.loads(result.stdout)) == [], command


def test_the_rewards_output_does_not_fit_the_appraise_schema(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    result = run("rewards", write(tmp_path / "doc.json", sample), "--json")
    assert errors(printed_schema("results"), json.loads(result.stdout)) != []


def test_the_json_error_object_validates(sample: dict[str, Any], tmp_path: Path) -> None:
    bad = copy.deepcopy(sample)
    bad["title"] = 7
    bad["plans"][0]["period"] = 5
    result = run("appraise", write(tmp_path / "bad.json", bad), "--json")
    assert result.returncode == 2
    record = json.loads(result.stderr)
    assert len(record["error"]["problems"]) == 2
    assert errors(printed_schema("error"), record) == []
    partial = run("appraise", write(tmp_path / "part.json", without_bidan_lead(sample)))
    assert partial.returncode == 2
    kept = run(
        "calibrate",
        write(tmp_path / "p.json", without_bidan_lead(sample)),
        "--keep-going",
        "--json",
    )
    assert kept.returncode == 4
    assert errors(printed_schema("calibration"), json.loads(kept.stdout)) == []
    assert errors(printed_schema("error"), json.loads(kept.stderr)) == []
