"""The boundary's shared wire toolkit (:mod:`asn_performance.boundary._wire`): JSON text read
with exact numbers, errors at JSON paths, and the JSON text written back."""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance.boundary._wire import (
    MAX_DEPTH,
    build,
    decimal_out,
    member,
    read_source,
    repath,
    require,
    to_json,
)
from asn_performance.domain.nip import Nip
from asn_performance.exceptions import InputError, NipError, SchemaError


def test_json_text_is_read_with_exact_numbers() -> None:
    data = read_source('{"a": 0.1, "b": [1, "x"]}')
    assert data == {"a": Decimal("0.1"), "b": [1, "x"]}
    assert isinstance(data["a"], Decimal)


def test_a_repeated_key_is_refused_at_the_root() -> None:
    with pytest.raises(SchemaError) as caught:
        read_source('{"a": 1, "a": 2}')
    assert (caught.value.path, caught.value.rule) == ("$", "SCHEMA-duplicate_key")


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    deep: object = 1
    for _ in range(MAX_DEPTH + 1):
        deep = [deep]
    with pytest.raises(SchemaError) as caught:
        read_source({"x": deep})
    assert caught.value.rule == "SCHEMA-too_deep"


def test_a_path_member_is_a_name_a_quoted_key_or_an_index() -> None:
    assert member("plans") == ".plans"
    assert member("198609262015051001") == "['198609262015051001']"
    assert member(3) == "[3]"


def test_build_places_a_domain_error_under_the_json_path() -> None:
    with pytest.raises(NipError) as caught:
        build("$.employees[0].nip", Nip.parse, "123")
    assert (caught.value.path or "").startswith("$.employees[0].nip")


def test_repath_replaces_the_path_and_keeps_the_error() -> None:
    error = InputError("bad", path="x", value=1, rule="TYPE", fix="fix it")
    moved = repath(error, "$.y", " (and 1 more problem)")
    assert (moved.path, moved.rule, moved.value) == ("$.y", "TYPE", 1)
    assert moved.message == "bad (and 1 more problem)"
    assert error.path == "x"


def test_decimals_are_written_in_plain_notation_and_text_keeps_its_characters() -> None:
    assert decimal_out(Decimal("1E+2")) == "100"
    assert decimal_out(Decimal("0.10")) == "0.10"
    assert to_json({"nama": "Budi Santoso, S.Pd.", "n": "95"}) == (
        '{\n  "nama": "Budi Santoso, S.Pd.",\n  "n": "95"\n}'
    )
    with pytest.raises(SchemaError):
        to_json({"n": Decimal(1)})


def test_require_names_the_dump_function() -> None:
    with pytest.raises(SchemaError) as caught:
        require("x", Nip, "dump_employee")
    assert caught.value.message == "dump_employee() needs a Nip, not str"
