"""Tests for :mod:`asn_performance._kit.validate`: the checks shared by every layer.

Each shared check must raise exactly what the hand-written checks it replaced raised: the
error class, the path (with the item's index), the value shown, rule ``TYPE`` and the fix.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from asn_performance._kit.validate import (
    build,
    check_collection,
    check_item,
    check_members,
    expect,
    expect_each,
    itself,
    to_tuple,
    tuple_of,
    type_name,
)
from asn_performance.domain.nip import Nip
from asn_performance.exceptions import AssessmentError, InputError, NipError


def test_expect_returns_the_value_of_the_right_type() -> None:
    assert expect(3, int, "count", "must be a whole number", "give a number") == 3


def test_expect_names_path_type_rule_and_fix_and_takes_the_error_class() -> None:
    with pytest.raises(AssessmentError) as caught:
        expect("3", int, "count", "must be a whole number", "give a number", AssessmentError)
    error = caught.value
    assert (error.path, error.value, error.rule, error.fix) == (
        "count",
        "str",
        "TYPE",
        "give a number",
    )
    assert error.message == "must be a whole number"


def test_expect_each_names_the_first_wrong_item_by_its_index() -> None:
    with pytest.raises(InputError) as caught:
        expect_each([1, 2, "x", None], int, path="items", message="must be a number", fix="f")
    assert caught.value.path == "items[2]"
    assert caught.value.value == "str"


def test_expect_each_can_show_the_item_itself() -> None:
    with pytest.raises(InputError) as caught:
        expect_each((1, "x"), int, path="items", message="m", fix="f", show=itself)
    assert caught.value.value == "x"


def test_check_collection_reads_any_iterable_once_but_refuses_text() -> None:
    assert check_collection([1, 2], path="p", message="m", fix="f") == (1, 2)
    generated = check_collection((n * n for n in range(3)), path="p", message="m", fix="f")
    assert generated == (0, 1, 4)
    kept = (1, 2)
    assert check_collection(kept, path="p", message="m", fix="f") is kept
    for bad in ("ab", b"ab", 7):
        with pytest.raises(InputError) as caught:
            check_collection(bad, path="p", message="must be a list", fix="f")
        assert (caught.value.path, caught.value.rule) == ("p", "TYPE")
    with pytest.raises(InputError):
        check_collection({"a": 1}, path="p", message="m", fix="f", refuse=(dict,))


def test_check_item_writes_the_article_of_the_class_name() -> None:
    with pytest.raises(InputError) as caught:
        check_item("x", InputError, path="errors[0]")
    assert caught.value.message == "must be an InputError"
    assert caught.value.fix == "pass InputError objects"
    with pytest.raises(InputError) as caught:
        check_item("x", Nip, path="nips[1]")
    assert caught.value.message == "must be a Nip"
    assert caught.value.path == "nips[1]"


def test_check_members_shows_the_offending_item() -> None:
    with pytest.raises(InputError) as caught:
        check_members((1, 2.5), int, path="values")
    assert (caught.value.path, caught.value.value) == ("values[1]", 2.5)
    assert caught.value.message == "must hold int objects"


def test_to_tuple_turns_lists_into_tuples_and_leaves_the_rest() -> None:
    assert to_tuple([1, 2]) == (1, 2)
    assert to_tuple("ab") == "ab"
    assert type_name(to_tuple({1})) == "set"


@attrs.frozen
class _Holder:
    items: tuple[int, ...] = attrs.field(converter=to_tuple, validator=tuple_of(int))


def test_tuple_of_accepts_a_list_of_the_kind_and_refuses_others() -> None:
    assert _Holder([1, 2]).items == (1, 2)
    with pytest.raises(InputError) as caught:
        _Holder({1, 2})  # type: ignore[arg-type]
    assert (caught.value.path, caught.value.message) == ("items", "must be a tuple of int")
    with pytest.raises(InputError) as caught:
        _Holder([1, "2"])  # type: ignore[list-item]
    assert caught.value.path == "items[1]"


def test_build_places_a_library_error_under_the_path() -> None:
    with pytest.raises(NipError) as caught:
        build("$.employees[0].nip", Nip.parse, "123")
    assert (caught.value.path or "").startswith("$.employees[0].nip")


def _refuse(**_kwargs: Any) -> None:
    raise InputError("bad", path="assessor.nip", value="x", rule="TYPE", fix="f")


def test_build_renames_the_first_segment_of_the_error_path() -> None:
    with pytest.raises(InputError) as caught:
        build("$.assessments[3]", _refuse, renames={"assessor": "assessor_nip"})
    assert caught.value.path == "$.assessments[3].assessor_nip.nip"


def test_build_returns_what_the_factory_made() -> None:
    assert build("$.n", int, "12") == 12
