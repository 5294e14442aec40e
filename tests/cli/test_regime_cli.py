"""The command line with regime documents: appraise dispatches on the "regime" field, and
schema --regime prints the JSON Schema of each shape."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))
EXAMPLES = files("asn_performance") / "examples"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command, input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


def example(name: str) -> str:
    return str(EXAMPLES / f"{name}.json")


def rows(stdout: str) -> dict[str, list[str]]:
    """The table's rows by NIP, as columns (columns are separated by two spaces or more)."""
    return {
        line[:18]: re.split(r"\s{2,}", line.strip())
        for line in stdout.splitlines()
        if line[:18].isdigit()
    }


def test_appraise_a_pp46_document_prints_value_predikat_and_2022_equivalent() -> None:
    result = run("appraise", example("pp46_2019"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Penilaian prestasi kerja 2019")
    assert "PP 46/2011 + Perka BKN 1/2013, period 2019" in lines
    header = next(line for line in lines if line.startswith("NIP"))
    for column in ("Name", "Regime", "Score", "Predikat", "2022 equivalent"):
        assert column in header
    found = rows(result.stdout)
    # Digest §11 example 6 (85.50 SKP, perilaku 80 → 83.30) and bonus 12 (88.10), both Baik.
    assert found["198203112006041002"][2:] == ["pp46_2011", "83.30", "Baik", "Baik"]
    assert found["197911232005012003"] == [
        "197911232005012003",
        "Sri Wahyuni",
        "pp46_2011",
        "88.10",
        "Baik",
        "Baik",
    ]
    assert lines[-1] == "2 results"


def test_appraise_a_permenpanrb_8_2021_document() -> None:
    result = run("appraise", example("permenpanrb_8_2021"))
    assert result.returncode == 0, result.stderr
    found = rows(result.stdout)
    # Digest §11 example 4: 97 and 96 → Baik; 112 Baik without innovation, Sangat Baik with it.
    assert found["198609262015051001"][3:] == ["97.00", "Baik", "Baik"]
    assert found["198807172014122002"][3:] == ["96.00", "Baik", "Baik"]
    assert found["198511112010101004"][3:] == ["112.00", "Baik", "Baik"]
    assert found["197208151998031005"][3:] == ["112.00", "Sangat Baik", "Sangat Baik"]
    assert found["198904042012022001"][3:] == ["90.87", "Baik", "Baik"]


def test_appraise_an_integration_document_from_standard_input_as_json() -> None:
    text = Path(example("integration_2021")).read_text("utf-8")
    result = run("appraise", "-", "--json", stdin=text)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [r["value_shown"] for r in data] == ["93.28", "92.55"]
    assert [r["predikat"] for r in data] == ["baik", "baik"]
    assert data[0]["regime"] == "integration_2021"
    assert data[0]["detail"]["first_half"]["value"] == "86.375"
    assert data[0]["explanation"][-3]["rule"] == "REGIME-2021-INTEGRATION"


def test_appraise_of_a_2022_document_is_unchanged(tmp_path: Path) -> None:
    sample = tmp_path / "sample.json"
    sample.write_text(run("sample").stdout, encoding="utf-8")
    result = run("appraise", str(sample), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(run("demo", "--json").stdout)
    explicit = tmp_path / "explicit.json"
    data = json.loads(sample.read_text("utf-8"))
    explicit.write_text(json.dumps({**data, "regime": "permenpanrb_6_2022"}), encoding="utf-8")
    assert run("appraise", str(explicit), "--json").stdout == result.stdout


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"period": "2022"}, "$.period: "),
        ({"regime": "pp10_1979"}, "$.regime: unknown regime document"),
    ],
)
def test_a_bad_regime_document_is_one_line_with_path_and_rule(
    tmp_path: Path, change: dict[str, str], expected: str
) -> None:
    data = json.loads(Path(example("pp46_2019")).read_text("utf-8"))
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**data, **change}), encoding="utf-8")
    result = run("appraise", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"asn-performance: error: {expected}")
    assert "rule REGIME-" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_wrong_value_deep_in_a_document_names_its_json_path(tmp_path: Path) -> None:
    text = Path(example("pp46_2019")).read_text("utf-8")
    path = tmp_path / "bad.json"
    path.write_text(text.replace('"target": "12"', '"target": "-12"', 1), encoding="utf-8")
    result = run("appraise", str(path))
    assert result.returncode == 2
    assert "$.employees[0].skps[0].activities[0].waktu.target" in result.stderr
    assert "rule PP46-INPUT" in result.stderr


@pytest.mark.parametrize("regime", ["pp46_2011", "permenpanrb_8_2021", "integration_2021"])
def test_schema_of_a_regime(regime: str) -> None:
    result = run("schema", "--regime", regime)
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["properties"]["regime"]["const"] == regime
    assert "employees" in schema["required"]


def test_schema_regime_of_2022_is_the_input_schema_and_unknown_is_refused() -> None:
    assert run("schema", "--regime", "permenpanrb_6_2022").stdout == run("schema").stdout
    result = run("schema", "--regime", "dp3")
    assert result.returncode == 2
    assert "rule REGIME-ID" in result.stderr
    both = run("schema", "--regime", "pp46_2011", "--output")
    assert both.returncode == 2
    assert "not allowed with argument" in both.stderr
