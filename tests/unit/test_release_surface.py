"""The version policy (docs/explanation/versioning.md): the working tree keeps everything the
last release promised, the comparison finds each kind of break, and a deprecation warns."""

from __future__ import annotations

import copy
import importlib.metadata
import importlib.util
import inspect
import json
import re
import sys
import tomllib
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import asn_performance
from asn_performance._kit.deprecation import DEPRECATIONS, Deprecation, find, warn_deprecated

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "release_surface", ROOT / "tools" / "release_surface.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["release_surface"] = module
    spec.loader.exec_module(module)
    return module


TOOL = _tool()


def test_the_working_tree_keeps_the_surface_of_the_last_release() -> None:
    old = TOOL.last_release()
    assert TOOL.breaks(old, TOOL.surface("working tree")) == []


def test_the_surface_of_each_release_is_recorded_at_that_release() -> None:
    # A final version (no .devN) is a release: its recorded surface is exactly the working
    # tree's (written with --write at the release commit). A development version is on its
    # way to a release after the last recorded one.
    version = asn_performance.__version__
    recorded = {p.stem: p for p in TOOL.RELEASES.glob("*.json")}
    assert "0.1.0" in recorded
    if re.fullmatch(r"\d+\.\d+\.\d+", version):
        assert version in recorded
        assert json.loads(recorded[version].read_text("utf-8")) == json.loads(
            json.dumps(TOOL.surface(version))
        ), f"run: python tools/release_surface.py --write {version}"
    else:
        assert re.fullmatch(r"\d+\.\d+\.\d+\.dev\d+", version)
        assert TOOL.release_key(version) > max(map(TOOL.release_key, recorded))


def test_the_version_is_written_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert "version" not in project
    assert project["dynamic"] == ["version"]
    # The installed metadata says the same (an editable install made before a version change
    # is stale: reinstall).
    assert importlib.metadata.version("asn-performance") == asn_performance.__version__


def test_the_recorded_surface_holds_what_the_policy_names() -> None:
    # Spot checks of the recorded 0.1.0 surface, each looked up by hand in the code.
    old = json.loads((TOOL.RELEASES / "0.1.0.json").read_text("utf-8"))
    document = old["schemas"]["document"]["fields"]
    # Maps keyed by a pattern (reward_inputs by NIP, attendance by month) are walked.
    assert "reward_inputs{}.attendance{}.days_absent" in document
    assert "reward_inputs{}.kelas" in document
    # Nested commands and the top level's --version.
    assert old["cli"]["commands"]["conformance check"]["options"] == [
        "--json",
        "--lang",
        "--vectors",
        "RESULTS",
    ]
    assert "--version" in old["cli"]["commands"][""]["options"]
    assert old["cli"]["exit"] == [0, 1, 2, 3, 4, 70, 74]
    # A function's parameters, an enumeration's members.
    appraise = old["api"]["asn_performance"]["appraise"]
    assert appraise["parameters"][:2] == [
        ["plan", "POSITIONAL_OR_KEYWORD", False],
        ["assessments", "POSITIONAL_OR_KEYWORD", False],
    ]
    assert old["api"]["asn_performance"]["Predikat"]["members"] == [
        "BAIK",
        "BUTUH_PERBAIKAN",
        "KURANG",
        "SANGAT_BAIK",
        "SANGAT_KURANG",
    ]
    assert old["formats"] == {
        "conformance-vectors": "1",
        "seal-canonical-form": "asn-performance-json/1",
    }


# -- the comparison finds each kind of break ---------------------------------------------------


def _field(types: list[str], required: bool = False, **facts: Any) -> dict[str, Any]:
    return {"required": required, "types": types, **facts}


OLD: dict[str, Any] = {
    "version": "0.1.0",
    "api": {
        "asn_performance": {
            "appraise": {
                "kind": "function",
                "parameters": [
                    ["plan", "POSITIONAL_OR_KEYWORD", False],
                    ["assessments", "POSITIONAL_OR_KEYWORD", False],
                    ["policy", "KEYWORD_ONLY", True],
                ],
            },
            "Predikat": {"kind": "enum", "members": ["BAIK", "KURANG"]},
            "Model": {"kind": "model", "fields": ["a", "b"]},
            "Nip": {
                "kind": "class",
                "parameters": [["text", "POSITIONAL_OR_KEYWORD", False]],
                "attributes": ["birth_date", "parse"],
            },
        },
        "asn_performance.nip": {"NIP_LENGTH": {"kind": "value"}},
    },
    "rules": ["6/2022-MATRIX", "NIP-SEX"],
    "schemas": {
        "document": {
            "direction": "input",
            "fields": {
                "employees": _field(["array"], required=True),
                "employees[].nip": _field(["string"], required=True, pattern=["^[0-9]{18}$"]),
                "employees[].sex": _field(["string"], enum=["F", "M"]),
                "employees[].score": _field(["number", "string"], maximum=[120], minimum=[0]),
            },
        },
        "results": {
            "direction": "output",
            "fields": {
                "predikat": _field(["string"], required=True, enum=["baik", "kurang"]),
                "value": _field(["string"]),
            },
        },
    },
    "cli": {
        "commands": {
            "": {"options": ["--lang"], "choices": {}},
            "calibrate": {"options": ["--rounding", "FILE"], "choices": {"--rounding": ["a", "b"]}},
            "conformance check": {"options": ["--json", "RESULTS"], "choices": {}},
        },
        "exit": [0, 1, 2],
    },
    "formats": {"seal-canonical-form": "asn-performance-json/1"},
    "deprecated": {},
}


def _changed(**edits: Any) -> dict[str, Any]:
    """A copy of OLD with each ``a__b__c=value`` set (``__`` between the keys of a path)."""
    new = copy.deepcopy(OLD)
    new["version"] = "0.2.0"
    for dotted, value in edits.items():
        *parents, last = dotted.split("__")
        node = new
        for part in parents:
            node = node[part]
        if value is _DELETE:
            del node[last]
        else:
            node[last] = value
    return new


_DELETE = object()
_API = "api__asn_performance"
_DOC = "schemas__document__fields"
_RES = "schemas__results__fields"


def test_nothing_taken_away_is_no_break_and_additions_are_free() -> None:
    new = _changed()
    new["api"]["asn_performance"]["appraise"]["parameters"].append(["new", "KEYWORD_ONLY", True])
    new["api"]["asn_performance"]["Predikat"]["members"].append("SANGAT_BAIK")
    new["api"]["asn_performance"]["new_function"] = {"kind": "function", "parameters": []}
    new["rules"].append("NEW-RULE")
    document = new["schemas"]["document"]["fields"]
    document["employees[].optional"] = _field(["string"])
    # A new optional object may require its own fields: old documents do not have it.
    document["employees[].extra"] = _field(["object"])
    document["employees[].extra.code"] = _field(["string"], required=True)
    # Widening an input: a type more, a bound relaxed, a value more.
    document["employees[].score"] = _field(["integer", "number", "string"], maximum=[150])
    document["employees[].sex"] = _field(["string"], enum=["F", "M", "X"])
    new["schemas"]["results"]["fields"]["extra"] = _field(["string"])
    new["schemas"]["results"]["fields"]["value"] = _field(["string"], required=True)
    new["cli"]["commands"]["conformance check"]["options"].append("--new")
    new["cli"]["commands"]["calibrate"]["choices"]["--rounding"].append("c")
    new["cli"]["exit"].append(3)
    assert TOOL.breaks(OLD, new) == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # the Python API
        ({f"{_API}__appraise": _DELETE}, "api: asn_performance.appraise is gone"),
        (
            {"api": {"asn_performance": OLD["api"]["asn_performance"]}},
            "api: module asn_performance.nip is gone (or lost its __all__)",
        ),
        (
            {
                f"{_API}__appraise__parameters": [
                    ["plan", "POSITIONAL_OR_KEYWORD", False],
                    ["policy", "KEYWORD_ONLY", True],
                ]
            },
            "api: asn_performance.appraise lost the parameter assessments",
        ),
        (
            {
                f"{_API}__appraise__parameters": [
                    ["plan", "POSITIONAL_OR_KEYWORD", False],
                    ["assessments", "KEYWORD_ONLY", False],
                    ["policy", "KEYWORD_ONLY", True],
                ]
            },
            "api: asn_performance.appraise(assessments) changed from POSITIONAL_OR_KEYWORD to"
            " KEYWORD_ONLY",
        ),
        (
            {
                f"{_API}__appraise__parameters": [
                    ["plan", "POSITIONAL_OR_KEYWORD", False],
                    ["assessments", "POSITIONAL_OR_KEYWORD", False],
                    ["policy", "KEYWORD_ONLY", False],
                ]
            },
            "api: asn_performance.appraise(policy) lost its default",
        ),
        (
            {
                f"{_API}__appraise__parameters": [
                    *OLD["api"]["asn_performance"]["appraise"]["parameters"],
                    ["must", "KEYWORD_ONLY", False],
                ]
            },
            "api: asn_performance.appraise has a new parameter must without a default",
        ),
        (
            {
                f"{_API}__appraise__parameters": [
                    ["assessments", "POSITIONAL_OR_KEYWORD", False],
                    ["plan", "POSITIONAL_OR_KEYWORD", False],
                    ["policy", "KEYWORD_ONLY", True],
                ]
            },
            "api: asn_performance.appraise changed the order of its positional parameters",
        ),
        (
            {f"{_API}__Predikat__members": ["BAIK"]},
            "api: asn_performance.Predikat lost the member KURANG",
        ),
        (
            {f"{_API}__Nip__attributes": ["parse"]},
            "api: asn_performance.Nip lost the attribute birth_date",
        ),
        (
            {f"{_API}__Model": {"kind": "model", "fields": ["a"]}},
            "api: asn_performance.Model lost the field b",
        ),
        (
            {f"{_API}__Nip": {"kind": "function", "parameters": []}},
            "api: asn_performance.Nip was a class, is now a function",
        ),
        # rule ids
        ({"rules": ["6/2022-MATRIX"]}, "rules: NIP-SEX is gone from docs/reference/rules.md"),
        # an input schema: a document valid before must stay valid
        ({f"{_DOC}__employees[].sex": _DELETE}, "schemas: document lost the field employees[].sex"),
        (
            {f"{_DOC}__employees[].sex": _field(["string"], required=True, enum=["F", "M"])},
            "schemas: document (input) employees[].sex is now required",
        ),
        (
            {f"{_DOC}__employees[].grade": _field(["string"], required=True)},
            "schemas: document (input) now requires the new field employees[].grade",
        ),
        (
            {f"{_DOC}__employees[].sex": _field(["string"], enum=["F"])},
            "schemas: document (input) employees[].sex no longer accepts ['M']",
        ),
        (
            {f"{_DOC}__employees[].score": _field(["string"], maximum=[120], minimum=[0])},
            "schemas: document (input) employees[].score no longer accepts the types ['number']",
        ),
        (
            {
                f"{_DOC}__employees[].score": _field(
                    ["number", "string"], maximum=[100], minimum=[0]
                )
            },
            "schemas: document (input) employees[].score lowered maximum to 100",
        ),
        (
            {
                f"{_DOC}__employees[].score": _field(
                    ["number", "string"], maximum=[120], minimum=[1]
                )
            },
            "schemas: document (input) employees[].score raised minimum to 1",
        ),
        (
            {
                f"{_DOC}__employees[].nip": _field(
                    ["string"], required=True, pattern=["^1[0-9]{17}$"]
                )
            },
            "schemas: document (input) employees[].nip has a new pattern ['^1[0-9]{17}$']",
        ),
        (
            {f"{_DOC}__employees": _field(["array"], required=True, closed=True)},
            "schemas: document (input) employees is now closed to keys it does not name",
        ),
        # an output schema: a reader relies on what was written
        (
            {f"{_RES}__predikat": _field(["string"], enum=["baik", "kurang"])},
            "schemas: results (output) predikat is no longer always written",
        ),
        (
            {f"{_RES}__predikat": _field(["string"], required=True, enum=["baik", "cukup"])},
            "schemas: results (output) predikat no longer writes ['kurang']",
        ),
        (
            {f"{_RES}__value": _field(["null", "string"])},
            "schemas: results (output) value may now be written as ['null']",
        ),
        # the command line
        (
            {"cli__commands__conformance check__options": ["RESULTS"]},
            "cli: conformance check lost --json",
        ),
        (
            {"cli__commands__conformance check": _DELETE},
            "cli: the command conformance check is gone",
        ),
        ({"cli__commands____options": []}, "cli: asn-performance lost --lang"),
        (
            {"cli__commands__calibrate__choices": {"--rounding": ["a"]}},
            "cli: calibrate --rounding no longer accepts ['b']",
        ),
        ({"cli__exit": [0, 1]}, "cli: the exit status 2 is gone"),
        # stored formats
        (
            {"formats__seal-canonical-form": "asn-performance-json/2"},
            "formats: seal-canonical-form changed from asn-performance-json/1 to"
            " asn-performance-json/2",
        ),
    ],
)
def test_each_kind_of_break_is_one_line(edit: dict[str, Any], expected: str) -> None:
    assert TOOL.breaks(OLD, _changed(**edit)) == [expected]


_GONE = {
    f"{_API}__appraise": _DELETE,
    "rules": ["6/2022-MATRIX"],
    f"{_DOC}__employees[].sex": _DELETE,
    "cli__commands__conformance check": _DELETE,
}
_DEPRECATED = {
    "asn_performance.appraise": "0.2.0",
    "NIP-SEX": "0.2.0",
    "document:employees[].sex": "0.2.0",
    "cli:conformance check": "0.2.0",
}


def test_a_name_deprecated_at_the_last_release_may_go_in_the_next_minor_one() -> None:
    old = dict(OLD, deprecated=_DEPRECATED)
    assert TOOL.breaks(old, _changed(**_GONE)) == []
    # Without the deprecation the same removals are four breaks.
    assert len(TOOL.breaks(OLD, _changed(**_GONE))) == 4


def test_a_patch_release_removes_nothing_and_nothing_goes_before_its_release() -> None:
    old = dict(OLD, deprecated=_DEPRECATED)
    patch = dict(_changed(**_GONE), version="0.1.1")
    assert len(TOOL.breaks(old, patch)) == 4
    # Deprecated until 0.3.0: 0.2.0 must keep it.
    later = dict(old, deprecated={"asn_performance.appraise": "0.3.0"})
    assert TOOL.breaks(later, _changed(**{f"{_API}__appraise": _DELETE})) == [
        "api: asn_performance.appraise is gone"
    ]


def test_release_keys_order_versions() -> None:
    assert TOOL.release_key("0.2.0.dev0") == (0, 2, 0)
    assert TOOL.release_key("1.10.3") > TOOL.release_key("1.9.12")
    with pytest.raises(ValueError, match="not a version"):
        TOOL.release_key("0.2")


def test_the_schema_walker_reads_refs_arrays_maps_and_enums() -> None:
    schema = {
        "type": "object",
        "required": ["units"],
        "properties": {
            "units": {"type": "array", "items": {"$ref": "#/$defs/Unit"}},
            "counts": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Count"}},
            "by_nip": {"type": "object", "patternProperties": {"^[0-9]{18}$": {"type": "integer"}}},
        },
        "$defs": {
            "Unit": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "maxLength": 80},
                    "kind": {"enum": ["a", "b"]},
                    "parent": {"anyOf": [{"$ref": "#/$defs/Unit"}, {"type": "null"}]},
                },
            },
            "Count": {"type": "object", "properties": {"n": {"const": 3}}},
        },
    }
    assert TOOL.schema_fields(schema) == {
        "by_nip": {"required": False, "types": ["object"]},
        "counts": {"required": False, "types": ["object"]},
        "counts{}.n": {"required": False, "types": ["integer"], "enum": ["3"]},
        "units": {"required": True, "types": ["array"]},
        "units[].kind": {"required": False, "types": ["string"], "enum": ["a", "b"]},
        "units[].name": {"required": True, "types": ["string"], "maxLength": [80]},
        # The recursive Unit is not walked again inside itself: its fields are listed once.
        "units[].parent": {"required": False, "types": ["null", "object"], "closed": True},
    }


# -- deprecations --------------------------------------------------------------------------------

TABLE = (
    Deprecation(
        name="asn_performance.old_name",
        since="0.2.0",
        removed_in="0.3.0",
        use="use asn_performance.new_name",
    ),
)


def _old_name() -> None:
    warn_deprecated("asn_performance.old_name", table=TABLE)


def test_a_deprecated_name_warns_what_since_until_and_instead() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        line = inspect.currentframe().f_lineno + 1  # type: ignore[union-attr]
        _old_name()
    assert len(caught) == 1
    warning = caught[0]
    assert warning.category is DeprecationWarning
    assert str(warning.message) == (
        "asn_performance.old_name is deprecated since asn-performance 0.2.0 and may be removed"
        " in 0.3.0: use asn_performance.new_name"
    )
    # The warning points at the caller of the deprecated function, not at the function.
    assert (warning.filename, warning.lineno) == (__file__, line)


def test_an_unknown_deprecation_is_the_library_s_own_mistake() -> None:
    with pytest.raises(LookupError, match=r"asn_performance\.other is not in the table"):
        warn_deprecated("asn_performance.other", table=TABLE)
    assert find("asn_performance.other", TABLE) is None


def test_nothing_is_deprecated_in_the_first_release() -> None:
    assert DEPRECATIONS == ()
