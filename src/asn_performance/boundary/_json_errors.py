"""Pydantic's problems as library errors at a JSON path (private module of the boundary).

:func:`from_validation` turns a pydantic ``ValidationError`` into one library error: the first
problem at its JSON path such as ``$.plans[0].id`` (:func:`json_path`, :func:`member`), the
others listed and counted; :func:`repath` moves an error to a path.
:mod:`asn_performance.boundary._json_text` uses it (and re-exports the names for
:mod:`asn_performance.boundary._wire`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from pydantic_core import ValidationError

if TYPE_CHECKING:
    from pydantic import BaseModel

from asn_performance.exceptions import (
    MAX_LISTED,
    MISSING,
    AsnPerformanceError,
    DuplicateError,
    InputError,
    Problem,
    SchemaError,
)

__all__ = [
    "POLICY_KINDS",
    "from_validation",
    "json_path",
    "listed_twice",
    "member",
    "not_listed",
    "repath",
    "shown_value",
]


#: The names of the weighting policies' ``kind`` tags (left out of JSON paths).
POLICY_KINDS: Final = frozenset({"supervisor_decides", "weighted_sources", "per_dimension"})

# --- errors ------------------------------------------------------------------------------------


def repath(error: AsnPerformanceError, path: str, suffix: str = "") -> AsnPerformanceError:
    """A copy of ``error`` whose path is exactly ``path`` (and whose message ends in suffix)."""
    clone = error.with_path(path)
    if suffix:
        clone.message += suffix
        clone.args = (clone.message,)
    return clone


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_FIXES: Final[Mapping[str, str]] = {
    "missing": "add the field",
    "extra_forbidden": "remove the field or check its spelling",
    "string_type": "give text (a JSON string)",
    "int_type": "give a whole number",
    "bool_type": "give true or false",
    "list_type": "give a list (a JSON array)",
    "dict_type": "give an object (a JSON object)",
    "model_type": "give an object (a JSON object with the documented fields)",
    "model_attributes_type": "give an object (a JSON object with the documented fields)",
    "string_too_short": "fill it in",
    "date_format": "write the date as YYYY-MM-DD",
    "union_tag_not_found": "add the field 'kind'",
}


def member(name: object) -> str:
    """The JSON path segment of a key or an index: ``.name``, ``['a key']`` or ``[3]``."""
    if isinstance(name, int):
        return f"[{name}]"
    text = str(name)
    return f".{text}" if _NAME.fullmatch(text) else f"[{text!r}]"


def json_path(loc: Iterable[int | str], data: object) -> str:
    """The JSON path of a pydantic ``loc``, leaving out discriminator tags and key markers."""
    parts = ["$"]
    node: object = data
    after_tag = False
    for item in loc:
        if item == "[key]":
            continue
        if (
            not after_tag
            and isinstance(item, str)
            and item in POLICY_KINDS
            and isinstance(node, Mapping)
            and node.get("kind") == item
        ):
            after_tag = True
            continue
        after_tag = False
        parts.append(member(item))
        if isinstance(node, Mapping):
            node = node.get(item)
        elif isinstance(node, list) and isinstance(item, int) and 0 <= item < len(node):
            node = node[item]
        else:
            node = None
    return "".join(parts)


def shown_value(value: object) -> object:
    """The offending value, or a short description of a large array or object."""
    if isinstance(value, (list, dict)) and len(value) > 10:
        noun = "array" if isinstance(value, list) else "object"
        return f"<{noun} of {len(value)} items>"
    return value


_FIX_TEMPLATES: Final[Mapping[str, str]] = {
    "string_too_long": "shorten it to at most {max_length} characters",
    "greater_than_equal": "give a number of at least {ge}",
    "string_pattern_mismatch": "write it to match {pattern}",
    "too_short": "give at least {min_length} item(s)",
    "too_long": "give at most {max_length} items (split the document)",
    "literal_error": "use {expected}",
    "union_tag_invalid": "use one of {expected_tags} for 'kind'",
}

#: The fix of a kind of problem neither table words.
_DEFAULT_FIX: Final = "check the value against the JSON Schema (asn-performance schema)"


def _fix(kind: str, ctx: Mapping[str, Any]) -> str:
    if kind in _FIXES:
        return _FIXES[kind]
    template = _FIX_TEMPLATES.get(kind)
    if template is not None:
        try:
            return template.format(**ctx)
        except (KeyError, IndexError):  # pragma: no cover - pydantic always gives the context
            pass
    return _DEFAULT_FIX


def from_validation(
    error: ValidationError,
    data: object,
    model: type[BaseModel] | None,
    skipped: int,
    max_problems: int,
) -> AsnPerformanceError:
    """Pydantic's problems as one library error: the first at its JSON path, with the others
    listed after it (``problems``; at most :data:`~asn_performance.exceptions.MAX_LISTED`,
    and only the first when there are more than twice ``max_problems``) and the rest counted
    (``more``). When validation stopped early (``skipped`` objects not checked), the
    last problem listed says so (rule ``SCHEMA-too_many_problems``)."""
    count = error.error_count()
    in_full = count <= 2 * max_problems
    first = _first_problem(error, data, model, in_full, max_problems)
    stopped = [_stopped(count, skipped)] if skipped else []
    more = count - 1 + len(stopped)
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    result = _one_problem(first, data)
    others: list[Problem] = []
    if in_full:
        for problem in error.errors(include_url=False)[1 : MAX_LISTED - len(stopped)]:
            others.append(_one_problem(problem, data).problems[0])
    if suffix:
        result = repath(result, result.path or "$", suffix)
    others += stopped
    result.add_problems(others, more - len(others))
    return result


def _stopped(found: int, skipped: int) -> Problem:
    """The problem that says validation stopped after ``found`` problems."""
    return Problem(
        f"the document has too many problems: checking stopped after {found:,} of them and"
        f" {skipped:,} further items were not checked (objects and values)"
        if skipped > 1
        else f"the document has too many problems: checking stopped after {found:,} of them"
        f" and {skipped:,} further item was not checked (objects and values)",
        "$",
        MISSING,
        "SCHEMA-too_many_problems",
        "correct the problems listed (they repeat a mistake, often a wrong field name or"
        " format) and load the document again",
    )


def _one_problem(problem: Mapping[str, Any], data: object) -> AsnPerformanceError:
    """One problem pydantic found, as a library error at its JSON path."""
    path = json_path(problem["loc"], data)
    ctx: Mapping[str, Any] = problem.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, AsnPerformanceError):
        return repath(cause, path)
    kind = problem["type"]
    value: object = problem.get("input", MISSING)
    message = problem["msg"]
    last = problem["loc"][-1] if problem["loc"] else "$"
    if kind == "missing":
        message, value = f"the field {last!r} is required", MISSING
    elif kind == "extra_forbidden":
        message = f"unknown field {last!r}"
    elif kind == "union_tag_invalid":
        path, value = f"{path}.kind", ctx.get("tag", value)
        message = f"unknown policy kind; expected one of {ctx.get('expected_tags')}"
    elif kind == "union_tag_not_found":
        path, value = f"{path}.kind", MISSING
        message = "the policy needs its 'kind'"
    return SchemaError(
        message,
        path=path,
        value=shown_value(value),
        rule=f"SCHEMA-{kind}",
        fix=_fix(kind, ctx),
    )


def _first_problem(
    error: ValidationError,
    data: object,
    model: type[BaseModel] | None,
    in_full: bool,
    max_problems: int,
) -> Mapping[str, Any]:
    """The first problem of ``error``, in full, reading every problem only when ``in_full``.

    ``ValidationError.errors()`` builds a dict per problem, about 700 bytes each, and has no
    limit: a million unknown keys took a gigabyte. Past the limit, the first problem's place
    and kind come from the compact JSON form; its details (the value, the context, the
    domain's own error) from validating again a pruned copy of ``data`` that keeps the path to
    that place and few problems besides. Failing that, the compact form alone is used.
    """
    if in_full:
        return error.errors(include_url=False)[0]
    text = error.json(include_url=False, include_context=False, include_input=False)
    compact, _ = json.JSONDecoder().raw_decode(text, 1)
    loc = tuple(compact["loc"])
    if model is not None:
        try:
            model.model_validate(_pruned(data, loc))
        except ValidationError as again:
            if again.error_count() <= 2 * max_problems:
                for problem in again.errors(include_url=False):
                    if problem["type"] == compact["type"] and tuple(problem["loc"]) == loc:
                        return problem
        except Exception:  # noqa: S110 - a pruned copy may fail otherwise; fall back
            pass
    return {**compact, "loc": loc, "input": _at(data, loc)}


#: The items of a container beside the path that a pruned copy keeps (containers emptied).
_BESIDE: Final = 10


def _pruned(value: object, loc: tuple[int | str, ...]) -> object:
    """A copy of ``value`` keeping the path ``loc`` whole and little else.

    On the path, an array keeps its items before the one on the path (they are valid, since
    the problem at ``loc`` is the first) and an object its key on the path, with at most
    :data:`_BESIDE` other keys: their values if plain, emptied if arrays or objects. The node
    the problem is about is kept as it is.
    """
    if not loc:
        return value
    step, rest = loc[0], loc[1:]
    if isinstance(value, Mapping):
        if step not in value and step in POLICY_KINDS and value.get("kind") == step:
            return _pruned(value, rest)  # a discriminator's tag, not a key
        kept: dict[Any, Any] = {}
        beside = 0
        for key, item in value.items():
            if key == step:
                kept[key] = _pruned(item, rest)
            elif beside < _BESIDE:
                beside += 1
                kept[key] = _hollow(item)
        return kept
    if isinstance(value, (list, tuple)) and isinstance(step, int) and 0 <= step < len(value):
        return [*value[:step], _pruned(value[step], rest)]
    return value


def _hollow(value: object) -> object:
    if isinstance(value, Mapping):
        return {}
    if isinstance(value, (list, tuple)):
        return []
    return value


def _at(data: object, loc: tuple[int | str, ...]) -> object:
    """The value at ``loc`` in ``data`` (tags skipped), or MISSING."""
    node = data
    for step in loc:
        if isinstance(node, Mapping) and step in node:
            node = node[step]
        elif isinstance(node, Mapping) and step in POLICY_KINDS and node.get("kind") == step:
            continue
        elif isinstance(node, (list, tuple)) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return MISSING
    return node


def listed_twice(message: str, path: str, value: object, fix: str) -> DuplicateError:
    """A document lists one thing twice (rule ``DOCUMENT-UNIQUE``)."""
    return DuplicateError(message, path=path, value=value, rule="DOCUMENT-UNIQUE", fix=fix)


def not_listed(message: str, path: str, value: object, fix: str) -> InputError:
    """A document refers to something it does not list (rule ``DOCUMENT-REFERENCE``)."""
    return InputError(message, path=path, value=value, rule="DOCUMENT-REFERENCE", fix=fix)
