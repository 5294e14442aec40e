"""attrs validators that raise the library's own errors (internal)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from asn_performance.exceptions import AsnPerformanceError, InputError

__all__ = [
    "build",
    "check_collection",
    "check_date",
    "check_item",
    "check_members",
    "check_text",
    "check_type",
    "expect",
    "expect_each",
    "itself",
    "shown",
    "to_tuple",
    "tuple_of",
    "type_name",
]

_T = TypeVar("_T")
_K = TypeVar("_K")

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


def itself(value: object) -> object:
    """``value`` unchanged: for ``show=``, where an error shows the value itself."""
    return value


def expect(
    value: object,
    kind: type[_K],
    path: str,
    message: str,
    fix: str,
    error: type[AsnPerformanceError] = InputError,
    *,
    show: Callable[[object], object] = type_name,
) -> _K:
    """``value`` when it is a ``kind``; else ``error`` (rule ``TYPE``) at ``path``, showing
    ``show(value)`` (by default the name of its type)."""
    if not isinstance(value, kind):
        raise error(message, path=path, value=show(value), rule="TYPE", fix=fix)
    return value


def expect_each(
    items: Iterable[object],
    kind: type,
    *,
    path: str,
    message: str,
    fix: str,
    show: Callable[[object], object] = type_name,
) -> None:
    """Raise :class:`InputError` (rule ``TYPE``) at ``path[i]`` for the first of ``items``
    that is not a ``kind``, showing ``show(item)``."""
    for index, item in enumerate(items):
        if not isinstance(item, kind):  # checked here first: this runs for every item
            expect(item, kind, f"{path}[{index}]", message, fix, show=show)


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
    """``value`` read once into a tuple, if it is a collection: a tuple as it is, any other
    iterable but text, bytes and the ``refuse`` types as a new tuple. Otherwise raise ``error``
    (rule ``TYPE``) at ``path``, showing ``show(value)``."""
    if type(value) is tuple:  # the common case, without the abstract-class check below
        return value
    if isinstance(value, (str, bytes, *refuse)) or not isinstance(value, Iterable):
        raise error(message, path=path, value=show(value), rule="TYPE", fix=fix)
    return tuple(value)


def check_item(
    item: object, kind: type, *, path: str, error: type[AsnPerformanceError] = InputError
) -> None:
    """Raise ``error`` (rule ``TYPE``) at ``path`` unless ``item`` is a ``kind``: "must be a
    FeedbackEntry", "must be an Assessment"."""
    name = kind.__name__
    expect(
        item,
        kind,
        path,
        message=f"must be an {name}" if name[0] in "AEIOU" else f"must be a {name}",
        fix=f"pass {name} objects",
        error=error,
    )


def check_members(items: tuple[Any, ...], kind: type, *, path: str) -> None:
    """Raise :class:`InputError` (rule ``TYPE``) at ``path[i]`` for the first item of ``items``
    that is not a ``kind``: "must hold Indicator objects"."""
    name = kind.__name__
    expect_each(
        items,
        kind,
        path=path,
        message=f"must hold {name} objects",
        fix=f"pass {name} objects",
        show=itself,
    )


def to_tuple(value: object) -> object:
    """An attrs converter: a list or tuple becomes a tuple; anything else is left for the
    validator to refuse."""
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value


def tuple_of(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """An attrs validator: the value is a tuple whose items are all ``kind``."""

    name = kind.__name__

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        items = expect(
            value,
            tuple,
            attribute.name,
            message=f"must be a tuple of {name}",
            fix=f"pass a tuple of {name}",
        )
        expect_each(
            items,
            kind,
            path=attribute.name,
            message=f"must hold {name} objects",
            fix=f"pass {name} objects",
        )

    return validate


def build(
    path: str,
    factory: Callable[..., _T],
    /,
    *args: Any,
    renames: Mapping[str, str] | None = None,
    **kwargs: Any,
) -> _T:
    """Call ``factory``; an error of the library comes out re-pathed under ``path``.

    ``renames`` maps the first segment of the error's path to the caller's name for it where
    they differ (``assessor`` -> ``assessor_nip``); an empty name means the object itself.
    """
    try:
        return factory(*args, **kwargs)
    except AsnPerformanceError as error:
        if not renames:
            raise error.at(path) from None

        def place(old: str | None) -> str:
            if old is not None and old.startswith("$"):
                return old
            if old:
                head, sep, tail = old.partition(".")
                if head in renames:
                    new = renames[head]
                    relative = f"{new}{sep}{tail}" if new else tail
                    return f"{path}.{relative}" if relative else path
                return f"{path}{old}" if old.startswith("[") else f"{path}.{old}"
            return path

        raise error.with_paths(place) from None
