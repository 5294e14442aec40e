"""Reading JSON documents for the boundary (private module, shared on purpose).

JSON text is read within its limits (:data:`MAX_BYTES` of text, :data:`MAX_VALUES` values in
all, counted before parsing, :data:`MAX_ITEMS` items per array or object, :data:`MAX_DEPTH`
levels; :func:`read_input` reads a file or a stream) and parsed with exact numbers
(``parse_float=Decimal``), ``NaN``/``Infinity`` and repeated keys refused, the text checked
(:func:`read_source`); pydantic's and the domain's errors become library errors at a JSON path
such as ``$.plans[0].id`` (:func:`validate_model`, which stops looking once it has found
:data:`MAX_PROBLEMS` problems, see :class:`ProblemBudget`; :func:`guarded`; building a domain
object under a path is :func:`asn_performance._kit.validate.build`); :func:`to_json` writes
the text.
The names are public inside this private module; :mod:`asn_performance.boundary._wire`
re-exports them for the document modules.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, BinaryIO, Final, TypeVar

from pydantic_core import ValidationError

from asn_performance._kit.exact import CONTEXT
from asn_performance._kit.validate import shown
from asn_performance.boundary._json_errors import (
    POLICY_KINDS,
    from_validation,
    json_path,
    member,
    repath,
    shown_value,
)
from asn_performance.exceptions import (
    MISSING,
    AsnPerformanceError,
    SchemaError,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "BUDGET",
    "DRAFT",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_ITEMS",
    "MAX_PROBLEMS",
    "MAX_VALUES",
    "POLICY_KINDS",
    "ProblemBudget",
    "budget_context",
    "guarded",
    "guarded_unwalked",
    "json_path",
    "loads",
    "member",
    "read_input",
    "read_source",
    "read_source_unwalked",
    "repath",
    "require",
    "to_json",
    "validate_model",
    "within_limits",
]

#: The most items any list or object in a document may hold.
MAX_ITEMS: Final = 200_000
#: The deepest nesting of arrays and objects a document may have.
MAX_DEPTH: Final = 32
#: The largest JSON text a document may be: 64 MiB (UTF-8 bytes; for a ``str``, characters).
MAX_BYTES: Final = 64 * 1024 * 1024
#: The most values (texts, numbers, true/false/null, arrays and objects; keys not counted) in
#: one document. A unit of 10 000 employees (each with an SKP of 2 RHK x 2 IKI and five
#: assessments, ``benchmarks/scale.py``) holds 1.65 million in 37.5 MB: documents of that kind
#: reach :data:`MAX_BYTES` first (about 2.9 million); past it are only dense, hostile shapes
#: (20 million empty objects fit in 64 MiB and took gigabytes to parse).
MAX_VALUES: Final = 3_000_000
#: The most problems looked for in one document: once validation has found this many, the
#: objects not yet reached are not checked (rule ``SCHEMA-too_many_problems`` says how many),
#: so that a document of many invalid items costs as little as one of a thousand problems.
MAX_PROBLEMS: Final = 1_000

_T = TypeVar("_T")


# --- reading -----------------------------------------------------------------------------------


class _NonFiniteError(ValueError):
    """Raised by the JSON parser for NaN, Infinity and -Infinity."""


#: A JSON number read exactly, in the library's context, never the caller's (a caller that
#: traps nothing would otherwise turn an out-of-range exponent into NaN): ``Decimal(text,
#: context=CONTEXT)``, called by the parser without a Python frame per number (issue 12: about
#: 4 µs of an employee's 160 µs in a unit document).
_exact_number: Final[Callable[[str], Decimal]] = functools.partial(Decimal, context=CONTEXT)


def _refuse_constant(name: str) -> Any:
    raise _NonFiniteError(name)


_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)', re.DOTALL)


def _line_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return line, column


def _json_failure(
    message: str, value: object, fix: str, rule: str = "SCHEMA-json_invalid"
) -> SchemaError:
    return SchemaError(message, path="$", value=value, rule=rule, fix=fix)


class _RepeatedKeyError(ValueError):
    pass


class _TooMany:
    """Stands in for an object of more than :data:`MAX_ITEMS` keys, so that it is never built
    and :func:`_plain` refuses it at its JSON path."""

    __slots__ = ("count",)

    def __init__(self, count: int) -> None:
        self.count = count


def _too_many(count: int, loc: tuple[int | str, ...], noun: str) -> SchemaError:
    return SchemaError(
        f"the {noun} holds {count:,} items; a document allows at most {MAX_ITEMS:,} per array"
        " or object",
        path="$" + "".join(member(item) for item in loc),
        value=f"<{noun} of {count} items>",
        rule="SCHEMA-too_long",
        fix=f"give at most {MAX_ITEMS} items (split the document)",
    )


def _too_large(limit: int, noun: str) -> SchemaError:
    return SchemaError(
        f"the document is larger than {limit:,} {noun}, the most a document may be",
        path="$",
        value=f"<more than {limit} {noun}>",
        rule="SCHEMA-too_large",
        fix="split the document (e.g. one unit per file)",
    )


def read_input(source: str | os.PathLike[str] | BinaryIO, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of the file at ``source`` (a path) or of a binary stream, read to its end but
    never more than ``max_bytes`` + 1 bytes.

    Raises:
        SchemaError: there is more than ``max_bytes`` (rule ``SCHEMA-too_large``, path ``$``).
        OSError: the file cannot be read.
    """
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as handle:
            return _read_at_most(handle, max_bytes)
    return _read_at_most(source, max_bytes)


def _read_at_most(handle: BinaryIO, max_bytes: int) -> bytes:
    data = bytearray()
    while len(data) <= max_bytes:
        chunk = handle.read(min(max_bytes + 1 - len(data), 1 << 20))
        if not chunk:
            return bytes(data)
        data += chunk
    raise _too_large(max_bytes, "bytes")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any] | _TooMany:
    if len(pairs) > MAX_ITEMS:
        return _TooMany(len(pairs))
    result: dict[str, Any] = dict(pairs)  # in C; a repeated key leaves fewer entries
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _RepeatedKeyError(key)
            seen.add(key)
    return result


def loads(source: str | bytes | bytearray) -> object:
    """Parse JSON text with exact numbers, within the limits; every failure is a SchemaError.

    Text over :data:`MAX_BYTES` (bytes, or characters of a ``str``) is refused unread (rule
    ``SCHEMA-too_large``); an array or object of more than :data:`MAX_ITEMS` items (rule
    ``SCHEMA-too_long``) or deeper than :data:`MAX_DEPTH` at its JSON path.
    """
    return _parsed_plain(source)


def _parsed_plain(source: str | bytes | bytearray) -> object:
    """JSON text parsed once, as plain dicts and lists within the limits: the parser's own
    dicts and lists when :func:`_as_parsed` finds them within the limits, else the copy of
    :func:`_plain` (which raises the error of the first value past a limit, at its path)."""
    data, text = _parse_text(source)
    return data if _as_parsed(data, text) else _plain(data)


def _as_parsed(data: object, text: str) -> bool:
    """Whether ``data``, parsed from ``text``, may be used as it is, without :func:`_plain`.

    The parser builds new dicts and lists, so they need no copy: what :func:`_plain` checks
    besides is checked in place -- depth, items per array and object
    (:func:`_certainly_plain`) and text that may hold a surrogate (none unless the text holds
    one or escapes one) -- and its count of values is not needed: :func:`_count_values`
    bounded them from above before parsing. False means "not certainly": the caller copies
    with :func:`_plain`, as before, which gives the same errors at the same paths.
    """
    if type(data) is not dict and type(data) is not list:
        return False
    return _text_plain(text) and _certainly_plain(data)


def _text_plain(text: str) -> bool:
    """Whether JSON text certainly holds no surrogate, written or escaped (see
    :func:`_as_parsed`)."""
    if not text.isascii() and _SURROGATE.search(text) is not None:
        return False
    # An escape needs a backslash: looked for first (about 0.05 ms for 4 MB of text, where
    # looking for the two characters "\\u" took 3.5 ms and the search below 1.2 ms).
    return not ("\\" in text and _ESCAPED_SURROGATE.search(text) is not None)


def within_limits(data: object) -> bool:
    """Whether parsed JSON ``data`` is certainly within the limits of depth and items per
    array or object (:func:`_certainly_plain`); false means "not certainly"."""
    return _certainly_plain(data)


#: A JSON escape of a surrogate (``\ud800``-``\udfff``), which the parser turns into text that
#: :func:`_plain` must refuse when it is unpaired.
_ESCAPED_SURROGATE: Final = re.compile(r"\\u[dD][89a-fA-F]")


def _certainly_plain(data: object) -> bool:
    """Whether parsed JSON ``data`` is within the limits :func:`_plain` checks (depth, items
    per array, no :class:`_TooMany`), walking the arrays and objects level by level without
    copying anything. False means "not certainly": the caller copies with :func:`_plain`,
    which finds the problem (if any) and raises it at its path. Text is not looked at here."""
    level: list[Any] = [data]
    depth = 0
    while level:
        if depth >= MAX_DEPTH:
            return False
        below: list[Any] = []
        for node in level:
            if type(node) is dict:
                items: Iterable[object] = node.values()
            else:
                items = node  # a list
                if len(node) > MAX_ITEMS:
                    return False
            for item in items:
                kind = type(item)
                if kind is dict or kind is list:
                    below.append(item)
                elif kind is _TooMany:
                    return False
        level = below
        depth += 1
    return True


def _parse(source: str | bytes | bytearray) -> object:
    """JSON text parsed; an object of more than MAX_ITEMS keys stays a :class:`_TooMany`."""
    return _parse_text(source)[0]


def _parse_text(source: str | bytes | bytearray) -> tuple[object, str]:
    """JSON text parsed (as :func:`_parse`), with the text it was parsed from."""
    if len(source) > MAX_BYTES:
        raise _too_large(MAX_BYTES, "characters" if isinstance(source, str) else "bytes")
    if isinstance(source, (bytes, bytearray)):
        try:
            text = bytes(source).decode("utf-8")
        except UnicodeDecodeError as error:
            raise _json_failure(
                f"the document is not UTF-8 text (byte {error.start})",
                bytes(source[error.start : error.start + 8]),
                "save the file as UTF-8",
            ) from None
    else:
        text = source
    text = text.removeprefix("\ufeff")
    _count_values(text)
    try:
        data = json.loads(
            text,
            parse_float=_exact_number,
            parse_constant=_refuse_constant,
            object_pairs_hook=_unique_keys,
        )
    except _RepeatedKeyError as error:
        raise _json_failure(
            f"the key {shown(error.args[0])} appears twice in one object; readers disagree on"
            " which value counts",
            error.args[0],
            "keep one of the two",
            "SCHEMA-duplicate_key",
        ) from None
    except json.JSONDecodeError as error:
        lines = error.doc.splitlines()
        line_text = lines[error.lineno - 1] if 0 < error.lineno <= len(lines) else ""
        start = max(error.colno - 20, 0)
        raise _json_failure(
            f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}",
            line_text[start : start + 40].strip(),
            "check the JSON syntax there (commas, quotes, brackets)",
        ) from None
    except _NonFiniteError as error:
        found = next((m for m in _CONSTANT.finditer(text) if m.group(1)), None)
        where = ""
        if found is not None:
            line, column = _line_column(text, found.start(1))
            where = f" (line {line} column {column})"
        raise _json_failure(
            f"{error.args[0]} is not a number JSON allows{where}",
            error.args[0],
            'write an exact number as a string, e.g. "95"',
        ) from None
    except ArithmeticError:  # decimal.InvalidOperation: an exponent beyond any context
        raise _json_failure(
            "a number in the document is out of range",
            MISSING,
            'write the number as a string of digits, e.g. "95"',
            "SCHEMA-json_invalid",
        ) from None
    except RecursionError:
        raise _json_failure(
            f"the document is nested too deeply (at most {MAX_DEPTH} levels)",
            MISSING,
            "flatten the document",
            "SCHEMA-too_deep",
        ) from None
    except ValueError as error:  # e.g. an integer of more than 4300 digits
        raise _json_failure(f"unreadable JSON: {error}", MISSING, "check the numbers") from None
    return data, text


_SURROGATE = re.compile("[\ud800-\udfff]")
#: Values that :func:`_plain` keeps as they are, unchecked (a ``str`` is checked for surrogates,
#: an ``int`` for its size).
_LEAVES: Final = frozenset({bool, float, Decimal, type(None)})
#: The largest whole number a document given as a mapping may hold, in bits (below 2**14283:
#: at most 4,300 digits). Python cannot write an int of more than 4,300 digits as text, so a
#: larger one would fail wherever a message shows it (pydantic's own included) instead of as a
#: library error; JSON text cannot hold one (the parser refuses it).
_MAX_INT_BITS: Final = 14_283


def _small(value: int) -> bool:
    return value.bit_length() <= _MAX_INT_BITS


def _too_large_int(loc: tuple[int | str, ...]) -> SchemaError:
    return SchemaError(
        "a whole number of 4,300 digits or more is not a value of any field",
        path="$" + "".join(member(item) for item in loc),
        value=MISSING,
        rule="SCHEMA-number_too_large",
        fix="give the field's own value (a code, a date, an exact number as a string)",
    )


class _Values:
    """The values of a document counted so far by :func:`_plain` (at most :data:`MAX_VALUES`)."""

    __slots__ = ("count",)

    def __init__(self) -> None:
        self.count = 1  # the top-level value

    def add(self, count: int) -> None:
        self.count += count
        if self.count > MAX_VALUES:
            raise _too_many_values(f"more than {MAX_VALUES:,}")


def _plain(value: object, loc: tuple[int | str, ...] = (), values: _Values | None = None) -> object:
    """Copy ``value`` as plain dicts and lists (tuples become lists), checking the depth, the
    number of items of each array and object, the number of values in all (:data:`MAX_VALUES`)
    and that text is valid Unicode."""
    if values is None:
        values = _Values()
    if isinstance(value, _TooMany):
        raise _too_many(value.count, loc, "object")
    if isinstance(value, str):
        if not value.isascii() and _SURROGATE.search(value):
            raise _surrogate(value, loc)
        return value
    if isinstance(value, int) and not isinstance(value, bool) and not _small(value):
        raise _too_large_int(loc)
    if isinstance(value, Mapping):
        return _plain_object(value, loc, values)
    if isinstance(value, (list, tuple)):
        _check_depth(loc, value)
        if len(value) > MAX_ITEMS:
            raise _too_many(len(value), loc, "array")
        values.add(len(value))
        return [
            item
            if type(item) in _LEAVES
            or (type(item) is str and item.isascii())
            or (type(item) is int and _small(item))
            else _plain(item, (*loc, index), values)
            for index, item in enumerate(value)
        ]
    return value


def _plain_object(
    value: Mapping[Any, Any], loc: tuple[int | str, ...], values: _Values
) -> dict[str, object]:
    _check_depth(loc, value)
    if len(value) > MAX_ITEMS:
        raise _too_many(len(value), loc, "object")
    values.add(len(value))
    copy: dict[str, object] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise SchemaError(
                f"an object's keys are text, not {type(key).__name__}",
                path="$" + "".join(member(item) for item in loc),
                value=shown(key),
                rule="SCHEMA-key_type",
                fix="use text keys, as JSON does",
            )
        if not key.isascii() and _SURROGATE.search(key):
            raise _surrogate(key, loc)
        kind = type(item)
        if kind in _LEAVES or (kind is str and item.isascii()) or (kind is int and _small(item)):
            copy[key] = item
        else:
            copy[key] = _plain(item, (*loc, key), values)
    return copy


def _surrogate(text: str, loc: tuple[int | str, ...]) -> SchemaError:
    return SchemaError(
        "text holds an unpaired surrogate, which is not valid Unicode",
        path="$" + "".join(member(item) for item in loc),
        value=text.encode("utf-8", "backslashreplace").decode("ascii", "replace"),
        rule="SCHEMA-string_unicode",
        fix="check the text's encoding",
    )


def _too_many_values(count: str) -> SchemaError:
    return SchemaError(
        f"the document holds {count} values (texts, numbers, true/false/null, arrays and"
        f" objects); a document allows at most {MAX_VALUES:,}",
        path="$",
        value=f"<{count} values>",
        rule="SCHEMA-too_many_values",
        fix="split the document (e.g. one unit per file)",
    )


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _count_values(text: str) -> None:
    """Refuse JSON text of more than :data:`MAX_VALUES` values, before it is parsed.

    Every value but the first of an array or object follows a comma, and the first follows
    its bracket, so commas and opening brackets bound the values from above (in C, about 70 ms
    for 37 MB). Only when that bound is over the limit are the strings (whose commas and
    brackets do not count) removed to count exactly.
    """
    if len(text) < MAX_VALUES:
        return  # the bound below is at most len(text) + 1: a short text is never counted
    bound = text.count(",") + text.count("[") + text.count("{") + 1
    if bound <= MAX_VALUES:
        return
    bare = _STRING.sub("", text)
    exact = bare.count(",") + bare.count("[") + bare.count("{") + 1 - bare.count("[]")
    exact -= bare.count("{}")
    if exact > MAX_VALUES:
        raise _too_many_values(f"about {exact:,}")


def _check_depth(loc: tuple[int | str, ...], value: object) -> None:
    if len(loc) >= MAX_DEPTH:
        raise SchemaError(
            f"the document is nested too deeply (at most {MAX_DEPTH} levels)",
            path="$" + "".join(member(item) for item in loc),
            value="<object>" if isinstance(value, Mapping) else "<array>",
            rule="SCHEMA-too_deep",
            fix="flatten the document",
        )


def read_source(source: object) -> dict[str, Any]:
    """Turn JSON text or a mapping into a plain dict, or raise a SchemaError at ``$``."""
    if isinstance(source, (str, bytes, bytearray)):
        data, text = _parse_text(source)
        if type(data) is dict and _as_parsed(data, text):
            return data  # the parser's new dicts and lists, within the limits: no copy
    elif isinstance(source, Mapping):
        data = source
    else:
        raise _not_a_document(source)
    return _checked_source(data)


def read_source_unwalked(
    source: object,
) -> tuple[dict[str, Any], Callable[[], dict[str, Any]]]:
    """What :func:`read_source` gives, and a function that gives it again; but JSON text of an
    object, its text within the limits (:func:`_count_values` before parsing, no surrogate),
    is given as parsed, before the walk of :func:`_certainly_plain` (depth, items per array
    and object), which the function then runs: it gives the data itself, or the checked copy
    of :func:`read_source`, or raises its error.

    For a reader that bounds depth and items itself on the way and needs what
    :func:`read_source` gives only when it gives up (the fast part reading of
    ``load_document``); anything else is read as :func:`read_source` reads it, now.
    """
    if isinstance(source, (str, bytes, bytearray)):
        data, text = _parse_text(source)
        if type(data) is dict and _text_plain(text):
            parsed: dict[str, Any] = data

            def walked() -> dict[str, Any]:
                return parsed if _certainly_plain(parsed) else _checked_source(parsed)

            return parsed, walked
        checked = _checked_source(data)
    else:
        checked = read_source(source)
    return checked, lambda: checked


def _not_a_document(source: object) -> SchemaError:
    return SchemaError(
        f"a document is JSON text (str or bytes) or a mapping, not {type(source).__name__}",
        path="$",
        value=type(source).__name__,
        rule="SCHEMA-input_type",
        fix="pass the JSON text or the dict from json.loads",
    )


def _checked_source(data: object) -> dict[str, Any]:
    """Parsed JSON or a mapping as a plain dict within the limits (:func:`_plain`), or the
    SchemaError of its first problem at its path."""
    if isinstance(data, _TooMany):
        raise _too_many(data.count, (), "object")
    if not isinstance(data, Mapping):
        kind = "array" if isinstance(data, (list, tuple)) else type(data).__name__
        raise SchemaError(
            f"the top level of a document must be a JSON object, not {kind}",
            path="$",
            value=shown_value(data),
            rule="SCHEMA-model_type",
            fix='wrap the content in an object, e.g. {"schema_version": "1", ...}',
        )
    plain = _plain(data)
    if not isinstance(plain, dict):  # pragma: no cover - a Mapping always becomes a dict
        raise TypeError
    return plain


_M = TypeVar("_M", bound="BaseModel")


class ProblemBudget:
    """How many problems validation of one document has found so far, and how many objects it
    left unchecked once it had found :data:`MAX_PROBLEMS`.

    Pydantic collects every problem of a document before it reports any, about 700 bytes each;
    three lists of 150 000 invalid items took seconds and gigabytes, and twenty lists of
    190 000 empty objects ran out of memory. :func:`validate_model` passes a budget in
    pydantic's validation context; every :class:`~asn_performance.boundary._wire.WireModel`
    calls :meth:`check` around its own validation, which counts the problems each object adds
    (its nested objects' problems counted once, by themselves) and, once the budget is spent,
    skips the objects after it without looking at them.
    """

    __slots__ = ("_open", "found", "limit", "read", "skipped")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.found = 0
        self.skipped = 0
        self._open: list[int] = []
        #: The values read so far in this validation, per reader, keyed by their text: a NIP,
        #: a label, a decimal or a period written the same way is read once per document.
        self.read: dict[object, dict[str, Any]] = {}

    def check(self, data: object, handler: Callable[[object], _T]) -> _T | None:
        """``handler(data)``, counting the problems it raises; ``None`` once the budget is spent
        (the object is not checked: the document is refused by the problems already found)."""
        if self.found >= self.limit:
            self.skipped += 1
            return None
        self._open.append(0)
        try:
            result = handler(data)
        except ValidationError as error:
            count = error.error_count()
            nested = self._open.pop()
            self.found += count - nested
            if self._open:
                self._open[-1] += count
            raise
        self._open.pop()
        return result

    def check_value(self, value: object, handler: Callable[[object], _T]) -> _T | None:
        """``handler(value)`` for one value inside an object, counting its problems (as the
        object's nested ones); ``None`` once the budget is spent."""
        if self.found >= self.limit:
            self.skipped += 1
            return None
        try:
            return handler(value)
        except ValidationError as error:
            count = error.error_count()
            self.found += count
            if self._open:
                self._open[-1] += count
            raise

    def read_value(self, value: object, read: Callable[[Any], _T]) -> _T | None:
        """``read(value)`` for one value inside an object, counting its problem (as the
        object's nested one; a reader's ``ValueError`` is one problem to pydantic); ``None``
        once the budget is spent. The same as :meth:`check_value` around a pydantic validator
        that calls ``read``, in one call; text is read once per document (:attr:`read`)."""
        if self.found >= self.limit:
            self.skipped += 1
            return None
        if type(value) is str:
            known = self.read.get(read)
            if known is None:
                known = self.read[read] = {}
            elif value in known:
                return known[value]  # type: ignore[no-any-return]
            result = self._read(value, read)
            known[value] = result
            return result
        return self._read(value, read)

    def _read(self, value: object, read: Callable[[Any], _T]) -> _T:
        try:
            return read(value)
        except (ValueError, AssertionError):  # pydantic's own errors are ValueErrors too
            self.found += 1
            if self._open:
                self._open[-1] += 1
            raise


#: The key of the :class:`ProblemBudget` in pydantic's validation context.
BUDGET: Final = "asn_performance.problem_budget"


def budget_context() -> dict[str, Any]:
    """A validation context with a new problem budget, as :func:`validate_model` gives: for
    validating the parts of one document one by one, sharing what was read
    (:attr:`ProblemBudget.read`)."""
    return {BUDGET: ProblemBudget(MAX_PROBLEMS)}


def validate_model(model: type[_M], data: dict[str, Any]) -> _M:
    """Validate ``data`` against ``model``; pydantic's problems become one library error, the
    first at its JSON path (at most :data:`MAX_PROBLEMS` are looked for)."""
    budget = ProblemBudget(MAX_PROBLEMS)
    try:
        result = model.model_validate(data, context={BUDGET: budget})
    except ValidationError as error:
        raise from_validation(error, data, model, budget.skipped, MAX_PROBLEMS) from None
    if budget.skipped:  # pragma: no cover - the problems found always reach the top
        return model.model_validate(data)
    return result


def guarded(load: Callable[[dict[str, Any]], _T], source: object) -> _T:
    """Run a loader; anything but a library error becomes a SchemaError (never a traceback)."""
    return guarded_unwalked(lambda data, _walked: load(data), source, walk=True)


def guarded_unwalked(
    load: Callable[[dict[str, Any], Callable[[], dict[str, Any]]], _T],
    source: object,
    *,
    walk: bool = False,
) -> _T:
    """:func:`guarded` for a loader given the source as :func:`read_source_unwalked` reads it
    (``walk``: as :func:`read_source` reads it)."""
    try:
        if walk:
            data = read_source(source)
            return load(data, lambda: data)
        return load(*read_source_unwalked(source))
    except AsnPerformanceError:
        raise
    except (
        KeyError,
        TypeError,
        ValueError,
        AttributeError,
        RecursionError,
        OverflowError,
    ) as error:
        raise SchemaError(
            f"the document could not be read ({type(error).__name__}: {error})",
            path="$",
            value=MISSING,
            rule="SCHEMA-unreadable",
            fix="check the document against the JSON Schema; report this if it is valid",
        ) from None


# --- building domain objects -------------------------------------------------------------------


def require(value: object, kind: type, function: str) -> None:
    """Raise a SchemaError at ``$`` unless ``value`` is a ``kind`` (the argument of the
    dump function ``function``)."""
    if not isinstance(value, kind):
        raise SchemaError(
            f"{function}() needs a {kind.__name__}, not {type(value).__name__}",
            path="$",
            value=type(value).__name__,
            rule="SCHEMA-input_type",
            fix=f"pass a {kind.__name__}",
        )


def to_json(data: object) -> str:
    """JSON text of a dumped dict or list: UTF-8 characters kept, indented by 2, keys in order.

    Raises:
        SchemaError: ``data`` holds something JSON cannot represent exactly (a float NaN, a
            Decimal or another object: dump it with a ``dump_*`` function first).
    """
    try:
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as error:
        raise SchemaError(
            f"cannot be written as JSON: {error}",
            path="$",
            value=type(data).__name__,
            rule="SCHEMA-not_json",
            fix="pass the dict returned by a dump_* function",
        ) from None


# --- JSON Schema -------------------------------------------------------------------------------

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
