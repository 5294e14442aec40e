"""The version policy (docs/explanation/versioning.md): the working tree keeps everything the
last release promised, the comparison finds each kind of break, and a deprecation warns."""

from __future__ import annotations

import copy
import importlib.metadata
import importlib.util
import inspect
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
    # A final version (no .devN) must have its surface file; a development version comes
    # after the last recorded release.
    version = asn_performance.__version__
    releases = sorted(p.stem for p in TOOL.RELEASES.glob("*.json"))
    assert "0.1.0" in releases
    if re.fullmatch(r"\d+\.\d+\.\d+", version):
        assert version in releases
    else:
        assert re.fullmatch(r"\d+\.\d+\.\d+\.dev\d+", version)


def test_the_version_is_written_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert "version" not in project
    assert project["dynamic"] == ["version"]
    # The installed metadata says the same (an editable install made before a version change
    # is stale: reinstall).
    assert importlib.metadata.version("asn-performance") == asn_performance.__version__


# -- the comparison finds each kind of break ---------------------------------------------------

OLD: dict[str, Any] = {
    "version": "0.1.0",
    "api": {"asn_performance": ["Appraisal", "appraise"], "asn_performance.nip": ["Nip"]},
    "rules": ["6/2022-MATRIX", "NIP-SEX"],
    "schemas": {
        "document": {
            "direction": "input",
            "fields": ["employees", "employees[].nip", "employees[].sex"],
            "required": ["employees", "employees[].nip"],
            "enums": {"employees[].sex": ["F", "M"]},
        },
        "results": {
            "direction": "output",
            "fields": ["predikat", "value"],
            "required": ["predikat"],
            "enums": {},
        },
    },
    "cli": {"": ["--lang"], "appraise": ["--json", "FILE"]},
    "formats": {"seal-canonical-form": "asn-performance-json/1"},
    "deprecated": {},
}


def _changed(**edits: Any) -> dict[str, Any]:
    new = copy.deepcopy(OLD)
    for dotted, value in edits.items():
        *parents, last = dotted.split("__")
        node = new
        for part in parents:
            node = node[part]
        node[last] = value
    return new


def test_nothing_taken_away_is_no_break_and_additions_are_free() -> None:
    new = _changed(
        api={"asn_performance": ["Appraisal", "appraise", "new"], "asn_performance.nip": ["Nip"]},
        rules=["6/2022-MATRIX", "NIP-SEX", "NEW-RULE"],
    )
    new["schemas"]["results"]["fields"].append("extra")
    new["schemas"]["document"]["fields"].append("employees[].optional")
    new["cli"]["appraise"].append("--new")
    assert TOOL.breaks(OLD, new) == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            {"api__asn_performance": ["Appraisal"]},
            "api: asn_performance.appraise is gone",
        ),
        (
            {"api": {"asn_performance": ["Appraisal", "appraise"]}},
            "api: module asn_performance.nip is gone (or lost its __all__)",
        ),
        (
            {"rules": ["6/2022-MATRIX"]},
            "rules: NIP-SEX is gone from docs/reference/rules.md",
        ),
        (
            {"schemas__document__fields": ["employees", "employees[].nip"]},
            "schemas: document lost the field employees[].sex",
        ),
        (
            {"schemas__document__required": ["employees", "employees[].nip", "employees[].sex"]},
            "schemas: document (input) now requires employees[].sex",
        ),
        (
            {"schemas__document__enums": {"employees[].sex": ["F"]}},
            "schemas: document (input) no longer accepts employees[].sex = ['M']",
        ),
        (
            {"schemas__results__required": []},
            "schemas: results (output) no longer always writes predikat",
        ),
        ({"cli__appraise": ["FILE"]}, "cli: appraise lost --json"),
        ({"cli": {"": ["--lang"]}}, "cli: the command appraise is gone"),
        ({"cli__": []}, "cli: asn-performance lost --lang"),
        (
            {"formats__seal-canonical-form": "asn-performance-json/2"},
            "formats: seal-canonical-form changed from asn-performance-json/1 to"
            " asn-performance-json/2",
        ),
    ],
)
def test_each_kind_of_break_is_one_line(edit: dict[str, Any], expected: str) -> None:
    assert TOOL.breaks(OLD, _changed(**edit)) == [expected]


def test_an_output_may_stop_requiring_nothing_it_never_required() -> None:
    # "value" was written only sometimes: making it required, or its enum wider, is no break.
    new = _changed(schemas__results__required=["predikat", "value"])
    assert TOOL.breaks(OLD, new) == []


def test_a_name_deprecated_at_the_last_release_may_go() -> None:
    old = _changed(
        deprecated={
            "asn_performance.appraise": "0.2.0",
            "NIP-SEX": "0.2.0",
            "document:employees[].sex": "0.2.0",
            "cli:appraise --json": "0.2.0",
        }
    )
    new = _changed(
        api__asn_performance=["Appraisal"],
        rules=["6/2022-MATRIX"],
        schemas__document__fields=["employees", "employees[].nip"],
        cli__appraise=["FILE"],
    )
    new["schemas"]["document"]["enums"] = {}
    assert TOOL.breaks(old, new) == []
    # Without the deprecation the same removals are four breaks (the enum of a removed
    # field is not counted twice: its values were never listed as lost).
    assert len(TOOL.breaks(OLD, new)) == 4


def test_the_schema_walker_reads_refs_arrays_maps_and_enums() -> None:
    schema = {
        "type": "object",
        "required": ["units"],
        "properties": {
            "units": {"type": "array", "items": {"$ref": "#/$defs/Unit"}},
            "counts": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Count"}},
        },
        "$defs": {
            "Unit": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "kind": {"enum": ["a", "b"]},
                    "parent": {"anyOf": [{"$ref": "#/$defs/Unit"}, {"type": "null"}]},
                },
            },
            "Count": {"type": "object", "properties": {"n": {"const": 3}}},
        },
    }
    found = sorted(TOOL._fields(schema, schema["$defs"], "", ()))
    assert found == [
        ("counts", False, None),
        ("counts{}.n", False, ("3",)),
        ("units", True, None),
        ("units[].kind", False, ("a", "b")),
        ("units[].name", True, None),
        # The recursive Unit is not walked again inside itself: its fields are listed once.
        ("units[].parent", False, None),
    ]


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
