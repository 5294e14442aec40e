"""attrs validators that raise the library's own errors (internal)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from asn_performance.exceptions import AsnPerformanceError, InputError

__all__ = [
    "check_collection",
    "check_date",
    "check_item",
    "check_members",
    "check_text",
    "check_type",
    "shown",
    "type_name",
]

_SURROGATE = re.compile("[\ud800-\udfff]")


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)`` for a message or an error path: never raises and is at most ``limit``
    characters.

    ``repr`` fails on an int beyond Python's 4300-digit conversion limit (``ValueError``) and
    on a structure nested thousands of levels deep (``RecursionError``); a key such as
    ``10**5000`` must still give an error, not that exception.
    """
    try:
        text = repr(value)
    except Exception:  # any failure to show a hostile value: name its type instead
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _text(value: object, field: str, *, max_length: int = 500, required: bool = True) -> str:
    if not isinstance(value, str):
        raise InputError(
            "must be text",
            path=field,
            value=value,
            rule="TEXT",
            fix="pass a string",
        )
    if _SURROGATE.search(value):
        raise InputError(
            "text holds an unpaired surrogate, which is not valid Unicode",
            path=field,
            value=value.encode("utf-8", "backslashreplace").decode("ascii", "replace")[:80],
            rule="TEXT",
            fix="check the text's encoding",
        )
    if required and not value.strip():
        raise InputError("may not be empty", path=field, value=value, rule="TEXT", fix="fill it")
    if len(value) > max_length:
        raise InputError(
            f"may be at most {max_length} characters",
            path=field,
            value=value,
            rule="TEXT",
            fix="shorten it",
        )
    return value


def check_text(max_length: int = 500, *, required: bool = True) -> Any:
    """An attrs validator for bounded, optionally non-empty text."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _text(value, attribute.name, max_length=max_length, required=required)

    return validate


def check_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: a ``datetime.date`` that is not a ``datetime``."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InputError(
            "must be a date",
            path=attribute.name,
            value=value,
            rule="TYPE",
            fix="pass a datetime.date",
        )


def check_type(kind: type | tuple[type, ...], *, optional: bool = False) -> Any:
    """An attrs validator raising the library's :class:`InputError` for a wrong type."""
    name = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            raise InputError(
                f"must be a {name}",
                path=attribute.name,
                value=value,
                rule="TYPE",
                fix=f"pass a {name}" + (" or None" if optional else ""),
            )

    return validate


def type_name(value: object) -> str:
    """The name of ``value``'s type, as an error shows a value it will not print."""
    return type(value).__name__


def check_collection(
    value: object,
    *,
    path: str,
    message: str,
    fix: str,
    error: type[AsnPerformanceError] = InputError,
    refuse: tuple[type, ...] = (),
    show: Callable[[object], object] = type_name,
) -> tuple[Any, ...]:
    """``value`` read once into a tuple, if it is a collection: any iterable but text, bytes
    and the ``refuse`` types. Otherwise raise ``error`` (rule ``TYPE``) at ``path``, showing
    ``show(value)``."""
    if isinstance(value, (str, bytes, *refuse)) or not isinstance(value, Iterable):
        raise error(message, path=path, value=show(value), rule="TYPE", fix=fix)
    return tuple(value)


def check_item(
    item: object, kind: type, *, path: str, error: type[AsnPerformanceError] = InputError
) -> None:
    """Raise ``error`` (rule ``TYPE``) at ``path`` unless ``item`` is a ``kind``: "must be a
    FeedbackEntry", "must be an Assessment"."""
    if not isinstance(item, kind):
        name = kind.__name__
        article = "an" if name[0] in "AEIOU" else "a"
        raise error(
            f"must be {article} {name}",
            path=path,
            value=type_name(item),
            rule="TYPE",
            fix=f"pass {name} objects",
        )


def check_members(items: tuple[Any, ...], kind: type, *, path: str) -> None:
    """Raise :class:`InputError` (rule ``TYPE``) at ``path[i]`` for the first item of ``items``
    that is not a ``kind``: "must hold Indicator objects"."""
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InputError(
                f"must hold {kind.__name__} objects",
                path=f"{path}[{index}]",
                value=item,
                rule="TYPE",
                fix=f"pass {kind.__name__} objects",
            )
