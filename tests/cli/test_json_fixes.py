"""Fix hints at the command line name the JSON field, not a Python call (issue 10, section 7).

Reproduces: ``appraise`` of a unit head's plan without an organisation predikat printed
``Fix: pass organisation_predikat=OrganisationPredikat.<...> (set by the leader above)``, which
the author of a JSON document cannot follow. Each document below is the built-in sample with
one problem put in by hand; the expected fix is the JSON wording of
:data:`asn_performance.boundary.fixes.JSON_FIXES`, written out here.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from test_problems_cli import run, sample, write

from asn_performance.boundary.appraisal_document import load_document
from asn_performance.boundary.fixes import FALLBACK, JSON_FIXES, in_json_terms, speaks_python
from asn_performance.exceptions import AppraisalError, InputError, Problem

__all__ = ["sample"]  # the fixture, imported for pytest

KABAG = 0  # the unit head's plan (leads_unit) in the sample
ORGANISATION_FIX = (
    'add "organisation_predikat": one of "istimewa", "baik", "butuh_perbaikan", "kurang" or'
    ' "sangat_kurang" (the capaian kinerja organisasi set by the leader above; a unit head\'s'
    " hasil kerja follows it)"
)


def _without_organisation(sample: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(sample)
    assert data["plans"][KABAG]["leads_unit"] is True
    data["organisation_predikat"] = None
    return data


def test_a_missing_organisation_predikat_names_the_json_field(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    result = run("appraise", write(tmp_path / "doc.json", _without_organisation(sample)))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("asn-performance: error: $.organisation_predikat: ")
    assert line.endswith(f"rule D3-UNIT-HEAD. Fix: {ORGANISATION_FIX}")
    assert "OrganisationPredikat" not in line


def test_the_json_error_object_carries_the_json_fix(sample: dict[str, Any], tmp_path: Path) -> None:
    path = write(tmp_path / "doc.json", _without_organisation(sample))
    result = run("appraise", path, "--json")
    assert result.returncode == 2
    (problem,) = json.loads(result.stderr)["error"]["problems"]
    assert (problem["path"], problem["rule"]) == ("$.organisation_predikat", "D3-UNIT-HEAD")
    assert problem["fix"] == ORGANISATION_FIX


def test_load_document_words_the_fix_for_json_too(sample: dict[str, Any]) -> None:
    """The Python entry point of a JSON document gives the same fix as the command line."""
    document = load_document(_without_organisation(sample))
    with pytest.raises(AppraisalError) as caught:
        document.appraise_all()
    assert (caught.value.path, caught.value.fix) == ("$.organisation_predikat", ORGANISATION_FIX)


def test_a_jabatan_fungsional_without_jenjang_names_the_json_field(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    data = copy.deepcopy(sample)
    index, teacher = next(
        (i, e) for i, e in enumerate(data["employees"]) if e["position"]["kind"] == "fungsional"
    )
    teacher["position"]["jenjang"] = None
    result = run("appraise", write(tmp_path / "doc.json", data))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"asn-performance: error: $.employees[{index}].position")
    assert "rule POSITION-JENJANG" in line
    assert line.endswith(
        'Fix: give "jenjang" for a jabatan fungsional, e.g. "ahli_muda" (ahli_pertama,'
        " ahli_muda, ahli_madya, ahli_utama, pemula, terampil, mahir, penyelia)"
    )


def test_a_plan_without_a_main_work_result_names_the_json_field(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    data = copy.deepcopy(sample)
    for work_result in data["plans"][1]["work_results"]:
        work_result["kind"] = "tambahan"
    result = run("appraise", write(tmp_path / "doc.json", data))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "rule PLAN-UTAMA" in line
    assert line.endswith('Fix: give at least one work result "kind": "utama"')


# --- the wording and its check, by hand --------------------------------------------------------


@pytest.mark.parametrize(
    ("fix", "python"),
    [
        ("pass organisation_predikat=OrganisationPredikat.<...>", True),
        ("give the jenjang, e.g. Jenjang.AHLI_MUDA", True),
        ("give the NIP of the direct superior, or None for the head of the instansi", True),
        ("build the plan with PerformancePlan(...)", True),
        ('add "organisation_predikat": "baik"', False),
        ("give the NIP of the direct superior, or null for the head of the instansi", False),
        ("use 3 (the default) or more", False),
        (None, False),
    ],
)
def test_what_reads_as_python(fix: str | None, python: bool) -> None:
    assert speaks_python(fix) is python


def test_no_json_fix_speaks_python() -> None:
    assert [rule for rule, fix in JSON_FIXES.items() if speaks_python(fix)] == []
    assert not speaks_python(FALLBACK)


def test_a_policy_file_error_names_the_number_as_text(tmp_path: Path) -> None:
    """Reproduces (found by the hostile fuzzing of the command line): a policy file with
    ``sangat_baik = false`` printed ``Fix: pass a number such as Decimal('1')``."""
    from asn_performance.boundary.policy_files import dump_reward_policy, load_builtin_policy

    data = dump_reward_policy(load_builtin_policy("national"))
    data["angka_kredit"]["percentages"]["sangat_baik"] = False
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps(data), encoding="utf-8")
    sample_path = tmp_path / "doc.json"
    sample_path.write_text(run("sample").stdout, encoding="utf-8")
    result = run("rewards", str(sample_path), "--policy", str(policy))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "$.angka_kredit.percentages.sangat_baik" in line
    assert "rule D5-EXACT" in line
    assert line.endswith(
        'Fix: write the number as a string of ASCII digits, e.g. "12.5" (a JSON or TOML string'
        " keeps every digit)"
    )


def test_only_problems_at_a_json_path_with_a_python_fix_are_reworded() -> None:
    error = InputError(
        "no organisation predikat",
        path="$.organisation_predikat",
        value=None,
        rule="D3-UNIT-HEAD",
        fix="pass organisation_predikat=OrganisationPredikat.<...>",
        also=[
            Problem("python caller", "organisation_predikat", None, "D3-UNIT-HEAD", "pass x=1"),
            Problem("already JSON", "$.x", None, "D3-UNIT-HEAD", 'add "x"'),
            Problem("no table entry", "$.y", None, "OTHER", "pass y=Y.Z"),
        ],
    )
    reworded = in_json_terms(error)
    assert [p.fix for p in reworded.problems] == [
        ORGANISATION_FIX,
        "pass x=1",  # not at a JSON path: a Python caller's error
        'add "x"',
        FALLBACK,  # no JSON wording for the rule: no Python either
    ]
    assert [p.path for p in reworded.problems] == [p.path for p in error.problems]
    assert (reworded.message, reworded.rule) == (error.message, error.rule)
    assert error.fix == "pass organisation_predikat=OrganisationPredikat.<...>"  # unchanged
