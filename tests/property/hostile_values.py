"""Hostile values for the hostile-input tests: the values an attacker or a broken export would
feed the library (huge integers, NaN, 10 000 levels of nesting...), JSON and TOML text of a tree
holding them, and the strategies that corrupt a valid tree or mangle its text.

Used by :mod:`hostile` and the ``test_*_hostile.py`` modules.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from test_roundtrip import _JSON_LEAVES

#: Examples per target; ``ASN_FUZZ_EXAMPLES=2000`` runs the file much harder.
EXAMPLES = int(os.environ.get("ASN_FUZZ_EXAMPLES", "25"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


# --- hostile values ------------------------------------------------------------------------------


class Raw:
    """A hostile value: the Python object a caller (or ``json.loads``) would pass, made afresh
    on each use, and its JSON text where JSON can hold it.

    Huge integers and 10 000-deep nesting cannot be written by ``json.dumps`` nor shown by
    ``repr``; a ``Raw`` carries them with a short label, so Hypothesis prints a readable
    reproducer.
    """

    __slots__ = ("label", "make", "text")

    def __init__(self, label: str, make: Callable[[], object], text: str | None = None) -> None:
        self.label = label
        self.make = make
        self.text = text

    def __repr__(self) -> str:
        return f"<{self.label}>"


def deep_list(depth: int) -> list[Any]:
    root: list[Any] = []
    node = root
    for _ in range(depth - 1):
        child: list[Any] = []
        node.append(child)
        node = child
    return root


def _deep_dict(depth: int) -> dict[str, Any]:
    root: dict[str, Any] = {}
    node = root
    for _ in range(depth - 1):
        child: dict[str, Any] = {}
        node["a"] = child
        node = child
    node["a"] = 1
    return root


DEEP = 10_000
LONG = 100_000


def _raw(label: str, value: object, text: str | None = None) -> Raw:
    return Raw(label, lambda: copy.copy(value), text)


#: Values a JSON document can hold (``text``) or a caller can pass (``make``).
HOSTILE: tuple[Raw, ...] = (
    Raw("10**400", lambda: 10**400, "1" + "0" * 400),
    Raw("10**5000", lambda: 10**5000, "1" + "0" * 5000),
    Raw("-(10**5000)", lambda: -(10**5000), "-1" + "0" * 5000),
    _raw("NaN", math.nan, "NaN"),
    _raw("Infinity", math.inf, "Infinity"),
    _raw("-Infinity", -math.inf, "-Infinity"),
    _raw("-0.0", -0.0, "-0.0"),
    _raw("0.1", 0.1, "0.1"),
    _raw("1e308", 1e308, "1e308"),
    _raw("1e999999999", Decimal("1e999999999"), "1e999999999"),
    _raw("1E-999999999", Decimal("1E-999999999"), "1E-999999999"),
    _raw("Decimal NaN", Decimal("NaN")),
    _raw("Decimal sNaN", Decimal("sNaN")),
    _raw("Decimal -Infinity", Decimal("-Infinity")),
    _raw("Decimal -0", Decimal("-0")),
    _raw("Decimal 1e15", Decimal("1e15")),
    _raw("'-1'", "-1"),
    _raw("-1", -1, "-1"),
    _raw("0", 0, "0"),
    _raw("'0'", "0"),
    _raw("'-0'", "-0"),
    _raw("'9'*1000", "9" * 1000),
    _raw("'9'*40", "9" * 40),
    _raw("'1e999999'", "1e999999"),
    _raw("'NaN'", "NaN"),
    _raw("'Infinity'", "Infinity"),
    _raw("'1_000'", "1_000"),
    _raw("' 12 '", " 12 "),
    _raw("'12,5'", "12,5"),
    _raw("arabic digits", "\u0661\u0662"),
    _raw("fullwidth NIP", "\uff11\uff19\uff18\uff16" + "0926201505100" + "1"),
    _raw("True", True, "true"),
    _raw("False", False, "false"),
    _raw("None", None, "null"),
    _raw("''", ""),
    _raw("' '", " "),
    _raw("long string", "x" * LONG),
    _raw("long digits", "1" * LONG),
    _raw("lone surrogate", "a\ud800b", '"a\\ud800b"'),
    _raw("low surrogate", "\udfff", '"\\udfff"'),
    _raw("NUL", "a\x00b", '"a\\u0000b"'),
    _raw("ANSI escape", "\x1b[31mred\x1b[0m", '"\\u001b[31mred\\u001b[0m"'),
    _raw("newline", "line\nbreak", '"line\\nbreak"'),
    _raw("RTL override", "\u202eabc"),
    _raw("emoji", "\U0001f600" * 10),
    _raw("'0000-01-01'", "0000-01-01"),
    _raw("'0001-01-01'", "0001-01-01"),
    _raw("'9999-12-31'", "9999-12-31"),
    _raw("'2025-02-30'", "2025-02-30"),
    _raw("'2025-02-29'", "2025-02-29"),
    _raw("'2025-13-01'", "2025-13-01"),
    _raw("'2025-1-1'", "2025-1-1"),
    _raw("'2025-01-01T00:00:00'", "2025-01-01T00:00:00"),
    _raw("'1969-12-31'", "1969-12-31"),
    _raw("'2101-01-01'", "2101-01-01"),
    _raw("'0000'", "0000"),
    _raw("'9999'", "9999"),
    _raw("'2025-Q5'", "2025-Q5"),
    _raw("'2025-00'", "2025-00"),
    _raw("'2025-06-30/2025-01-01'", "2025-06-30/2025-01-01"),
    _raw("'1970-01-01/2100-12-31'", "1970-01-01/2100-12-31"),
    _raw("'000000000000000000'", "000000000000000000"),
    _raw("NIP 30 Feb", "199902302015051001"),
    _raw("NIP month 13", "198609262015131001"),
    _raw("NIP 19 digits", "1986092620150510011"),
    _raw("'sangat_sangat_baik'", "sangat_sangat_baik"),
    _raw("'Baik'", "Baik"),
    _raw("'SANGAT BAIK'", "SANGAT BAIK"),
    _raw("'di-atas-ekspektasi'", "di-atas-ekspektasi"),
    _raw("'pejabat_penilai'", "pejabat_penilai"),
    _raw("'fungsional'", "fungsional"),
    _raw("'weighted_sources'", "weighted_sources"),
    _raw("'pp46_2011'", "pp46_2011"),
    _raw("'permenpanrb_6_2022'", "permenpanrb_6_2022"),
    _raw("[]", [], "[]"),
    _raw("{}", {}, "{}"),
    _raw("[null]", [None], "[null]"),
    _raw("{'': null}", {"": None}, '{"": null}'),
    _raw("5000 zeros", [0] * 5000, "[" + ",".join(["0"] * 5000) + "]"),
    Raw("[[[...]]] x10000", lambda: deep_list(DEEP), "[" * DEEP + "]" * DEEP),
    Raw(
        '{"a":{"a":...}} x10000',
        lambda: _deep_dict(DEEP),
        '{"a":' * DEEP + "1" + "}" * DEEP,
    ),
    # Python values only a caller can pass (written as a string in JSON text).
    _raw("bytes", b"198609262015051001"),
    _raw("bytearray", bytearray(b"95")),
    _raw("date.min", dt.date.min),
    _raw("date.max", dt.date.max),
    _raw("datetime", dt.datetime(2025, 1, 1, 12, 0)),  # noqa: DTZ001 - naive on purpose
    _raw("set", {"peer"}),
    _raw("frozenset", frozenset({"baik"})),
    _raw("tuple", ("a", "b")),
    _raw("complex", 1 + 2j),
    _raw("object()", object()),
    _raw("range", range(3)),
    Raw("{10**5000: 1}", lambda: {10**5000: 1}),
    Raw("{None: 1}", lambda: {None: 1}),
    Raw("{(1, 2): 1}", lambda: {(1, 2): 1}),
    Raw("{1.5: 'x'}", lambda: {1.5: "x"}),
    Raw("{'x'*100000: 1}", lambda: {"x" * LONG: 1}),
)

#: Keys of an object a hostile document may use.
HOSTILE_KEYS: tuple[Raw, ...] = (
    _raw("key ''", ""),
    _raw("key long", "k" * LONG),
    _raw("key surrogate", "\ud800", '"\\ud800"'),
    _raw("key NUL", "\x00", '"\\u0000"'),
    _raw("key $", "$"),
    _raw("key [0]", "[0]"),
    _raw("key unknown", "unknown_field"),
    Raw("key 10**5000", lambda: 10**5000, '"1' + "0" * 5000 + '"'),
    _raw("key None", None, '"null"'),
    _raw("key tuple", (1, 2), '"(1, 2)"'),
)

_HOSTILE = st.sampled_from(HOSTILE)
#: Any hostile value: one of :data:`HOSTILE` or a random JSON value (floats included).
HOSTILE_VALUES: st.SearchStrategy[Any] = st.one_of(_HOSTILE, _HOSTILE, _JSON_LEAVES)


def materialise(value: object) -> object:
    """The Python object a recipe stands for: ``Raw`` made afresh, containers copied."""
    if isinstance(value, Raw):
        return value.make()
    if isinstance(value, AsMapping):
        return materialise(value.tree)
    if isinstance(value, dict):
        return {materialise(key): materialise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [materialise(item) for item in value]
    return value


# --- JSON and TOML text of a tree ----------------------------------------------------------------


def _int_text(value: int) -> str:
    try:
        return str(value)
    except ValueError:  # beyond the 4300-digit limit: a number that size, written out
        return ("-" if value < 0 else "") + "1" + "0" * 5000


def to_text(value: object) -> str:  # noqa: PLR0911 - one return per JSON type
    """JSON text of a tree that may hold :class:`Raw` leaves, floats, Decimals and keys that
    are not strings (written as strings); NaN and Infinity come out as their bare tokens."""
    if isinstance(value, Raw):
        return value.text if value.text is not None else json.dumps(value.label)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return _int_text(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key_text(k)}: {to_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(to_text(item) for item in value) + "]"
    return json.dumps(type(value).__name__)


def _key_text(key: object) -> str:
    if isinstance(key, str):
        return json.dumps(key)
    if isinstance(key, Raw):
        return key.text if key.text is not None else json.dumps(key.label)
    return json.dumps(type(key).__name__ if not isinstance(key, (int, float)) else "number")


def _toml_scalar(value: object) -> str | None:  # noqa: PLR0911
    if isinstance(value, Raw):
        return value.text if value.text is not None else json.dumps(value.label)
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, Decimal):
        return json.dumps(str(value))
    if isinstance(value, dict):
        items = [(k, _toml_scalar(v)) for k, v in value.items()]
        return "{" + ", ".join(f"{_key_text(k)} = {v}" for k, v in items if v is not None) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_scalar(item) or '""' for item in value) + "]"
    return to_text(value)


def to_toml(tree: Mapping[Any, Any], prefix: str = "") -> str:
    """TOML text of a policy tree: scalars as ``"key" = value``, objects as tables."""
    lines: list[str] = []
    tables: list[tuple[str, Mapping[Any, Any]]] = []
    for key, value in tree.items():
        name = _key_text(key)
        if isinstance(value, dict):
            tables.append((f"{prefix}.{name}" if prefix else name, value))
            continue
        text = _toml_scalar(value)
        if text is not None:
            lines.append(f"{name} = {text}")
    for name, table in tables:
        lines.append(f"\n[{name}]")
        lines.append(to_toml(table, name))
    return "\n".join(lines)


# --- corrupted trees -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AsMapping:
    """A source given as an already-parsed mapping (materialised on each call)."""

    tree: object

    def __repr__(self) -> str:
        return f"AsMapping({self.tree!r})"


def _paths(tree: object, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every node below the root (containers and leaves), depth first."""
    if isinstance(tree, dict):
        for key, item in tree.items():
            yield (*here, key)
            yield from _paths(item, (*here, key))
    elif isinstance(tree, list):
        for index, item in enumerate(tree):
            yield (*here, index)
            yield from _paths(item, (*here, index))


def _get(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        tree = tree[step]
    return tree


def copy_tree(tree: object) -> Any:
    if isinstance(tree, dict):
        return {key: copy_tree(item) for key, item in tree.items()}
    if isinstance(tree, list):
        return [copy_tree(item) for item in tree]
    return tree


@st.composite
def corrupted(draw: st.DrawFn, bases: st.SearchStrategy[Any]) -> Any:
    """A valid tree from ``bases`` with 1-3 corruptions: a node replaced by a hostile value
    or by another node's value, a key removed or added, a list item repeated."""
    tree = copy_tree(draw(bases))
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(tree))
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _get(tree, path[:-1])
        key = path[-1]
        operation = draw(
            st.sampled_from(
                ["replace", "replace", "replace", "transplant", "remove", "add", "repeat"]
            )
        )
        if operation == "replace":
            parent[key] = draw(HOSTILE_VALUES)
        elif operation == "transplant":
            parent[key] = copy_tree(_get(tree, draw(st.sampled_from(paths))))
        elif operation == "remove":
            if isinstance(parent, dict):
                del parent[key]
            else:
                parent.pop(key)
        elif operation == "add" and isinstance(parent, dict):
            name: Any = draw(st.sampled_from(HOSTILE_KEYS) | st.sampled_from(list(parent)))
            parent[name] = draw(HOSTILE_VALUES)
        elif isinstance(parent, list):  # repeat: the same item twice, so the same id twice
            parent.insert(draw(st.integers(0, len(parent))), copy_tree(parent[key]))
        elif isinstance(parent[key], list) and parent[key]:
            items = parent[key]
            items.insert(draw(st.integers(0, len(items))), copy_tree(items[0]))
    return tree


_BOM = "\ufeff"


@st.composite
def mangled(  # noqa: PLR0911, PLR0912 - one branch per mangling
    draw: st.DrawFn, texts: st.SearchStrategy[str]
) -> str | bytes:
    """The text of a valid document, mangled: truncated, spliced, re-encoded, wrapped..."""
    text = draw(texts)
    cut = draw(st.integers(0, len(text)))
    end = draw(st.integers(cut, min(len(text), cut + 40)))
    operation = draw(
        st.sampled_from(
            [
                "truncate",
                "splice",
                "delete",
                "token",
                "number",
                "duplicate key",
                "deep",
                "bom",
                "nul",
                "bad utf-8",
                "utf-16",
                "latin-1",
                "bytes",
            ]
        )
    )
    if operation == "truncate":
        return text[:cut]
    if operation == "splice":
        return text[:cut] + draw(st.text(max_size=8)) + text[end:]
    if operation == "delete":
        return text[:cut] + text[end:]
    if operation == "token":
        token = draw(
            st.sampled_from(
                ["NaN", "Infinity", "-Infinity", "1e999999999", "-0", "null", "{", "]", ",", '"']
            )
        )
        return text[:cut] + token + text[end:]
    if operation == "number":  # a quoted number (or any string) replaced by a bare token
        strings = list(re.finditer(r'"(?:[^"\\]|\\.)*"', text))
        if not strings:
            return text
        found = draw(st.sampled_from(strings))
        token = draw(
            st.sampled_from(
                ["NaN", "-Infinity", "1" + "0" * 5000, "1" + "0" * 400, "-1", "0", "-0.0", "1e-400"]
            )
        )
        return text[: found.start()] + token + text[found.end() :]
    if operation == "duplicate key":
        keys = list(re.finditer(r'"([A-Za-z_]+)"\s*:', text))
        if not keys:
            return text
        found = draw(st.sampled_from(keys))
        value = to_text(draw(HOSTILE_VALUES))
        return text[: found.start()] + f'"{found.group(1)}": {value}, ' + text[found.start() :]
    if operation == "deep":
        return "[" * DEEP + text + "]" * DEEP
    if operation == "bom":
        return _BOM + text
    if operation == "nul":
        return text[:cut] + "\x00" + text[cut:]
    data = text.encode("utf-8")
    if operation == "bad utf-8":
        at = min(cut, len(data))
        return (
            data[:at]
            + draw(st.sampled_from([b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe2"]))
            + data[at:]
        )
    if operation == "utf-16":
        return text.encode("utf-16")
    if operation == "latin-1":
        return text.encode("latin-1", "replace")
    return draw(st.binary(max_size=64))


@st.composite
def _as_source(draw: st.DrawFn, tree: Any) -> object:
    form = draw(st.sampled_from(["mapping", "mapping", "text", "bytes", "bom"]))
    if form == "mapping":
        return AsMapping(tree)
    text = to_text(tree)
    if form == "text":
        return text
    if form == "bytes":
        return text.encode("utf-8")
    return _BOM + text


def json_sources(bases: st.SearchStrategy[Any]) -> st.SearchStrategy[object]:
    """Sources for a JSON loader: corrupted trees (as a mapping, text or bytes) and mangled
    text, from valid trees drawn from ``bases``."""
    return st.one_of(
        corrupted(bases).flatmap(_as_source),
        corrupted(bases).flatmap(_as_source),
        mangled(bases.map(to_text)),
    )
