"""Hostile input to the reward policy files (JSON and TOML): only the library's own errors escape
(the property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hostile import (
    OMIT,
    FuzzTarget,
    SpecTable,
    check_target,
    constructors,
    huge_key,
    refusal,
    values,
)
from hostile_bases import (
    POLICY_BASES,
    POLICY_DICTS,
    POLICY_FILES,
    POLICY_TOML,
    TOML_SOURCES,
    after_policy,
    policy_file,
)
from hostile_values import json_sources, to_text

from asn_performance.boundary.appraisal_document import to_json
from asn_performance.boundary.policy_files import (
    load_builtin_policy,
    load_reward_policy,
    load_reward_policy_file,
)

_SPECS: SpecTable = {
    "load_builtin_policy": (
        load_builtin_policy,
        {"name": (values("national", "kemnaker_2025"), values("National", "../x", ""))},
        None,
    ),
    "load_reward_policy(format=)": (
        load_reward_policy,
        {
            "source": (values(POLICY_DICTS[0], to_text(POLICY_DICTS[0]), POLICY_TOML[0]), []),
            "format": (values(None, "json", "toml", OMIT), values("yaml", "JSON", "")),
        },
        None,
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (
    *constructors(_SPECS),
    FuzzTarget(
        "load_reward_policy (JSON)", json_sources(POLICY_BASES), load_reward_policy,
        True, after_policy,
    ),
    FuzzTarget(
        "load_reward_policy (TOML)", TOML_SOURCES, load_reward_policy, True,
        after_policy,
    ),
    FuzzTarget("load_reward_policy_file", POLICY_FILES, policy_file, True, after_policy),
)  # fmt: skip


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)


@pytest.mark.parametrize(
    "call",
    [
        lambda: load_builtin_policy(huge_key()),
    ],
)
def test_a_key_too_large_to_print_gives_a_library_error(call: Callable[[], object]) -> None:
    # Was: ValueError (int of more than 4300 digits) while formatting the error's path.
    refusal(call)


@pytest.mark.parametrize(
    "source",
    [
        'schema_version = "1"\nname = "n"\nversion = "1"\n[career]\nsuccession_years = '
        + "9" * 5000,
        "a = " + "1" * 4301,
    ],
)
def test_a_toml_integer_beyond_4300_digits_is_a_schema_error(source: str) -> None:
    # Was: ValueError out of tomllib, outside the loader's guard (and exit 70 on the CLI).
    error = refusal(lambda: load_reward_policy(source, format="toml"))
    assert error.rule == "SCHEMA-toml_invalid"
    assert error.path == "$"


def test_a_toml_float_deeper_than_a_document_may_be_is_refused_without_a_crash() -> None:
    source = 'schema_version = "1"\nname = "n"\nversion = "1"\nx = ' + "[" * 400 + "1.5" + "]" * 400
    error = refusal(lambda: load_reward_policy(source, format="toml"))
    assert error.rule in ("SCHEMA-too_deep", "SCHEMA-toml_invalid")


@pytest.mark.parametrize("path", [None, 5, b"policy.json", "policy\x00.json"])
def test_a_policy_file_path_that_is_not_a_path_is_a_policy_error(path: object) -> None:
    # Was: TypeError from Path(None), ValueError ("embedded null byte") from the read.
    error = refusal(lambda: load_reward_policy_file(path))  # type: ignore[arg-type]
    assert error.rule == "POLICY-FILE"


def test_a_negative_ak_minimum_in_a_policy_file_is_refused_at_its_path() -> None:
    data = copy.deepcopy(POLICY_DICTS[0])
    data["angka_kredit"]["minimum"]["ahli_muda"]["pangkat"] = "-100"
    error = refusal(lambda: load_reward_policy(data))
    assert error.path == "$.angka_kredit.minimum.ahli_muda.pangkat"
    assert error.rule == "D5-NONNEGATIVE"


@pytest.mark.parametrize(
    ("load", "base"),
    [
        (load_reward_policy, POLICY_DICTS[0]),
    ],
)
def test_known_a_repeated_json_key_is_refused(load: Callable[[Any], object], base: Any) -> None:
    text = to_json(base)
    key = next(iter(base))
    repeated = text.replace("{", "{" + json.dumps(key) + ": " + json.dumps(base[key]) + ", ", 1)
    assert json.loads(repeated) == json.loads(text)  # the same document to json.loads
    error = refusal(lambda: load(repeated))
    assert error.path is not None
    assert error.path.startswith("$")
