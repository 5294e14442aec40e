"""The twins of the part models as pydantic builds them, the reference of
:mod:`asn_performance.boundary._fast_schemas` (private module; issue 12).

For each wire model of a part, a ``TypedDict`` of the same fields with the same types and
constraints, but for the bounds (``FAST_ITEMS`` for ``MAX_ITEMS``, a map measured before it is
read), each label read as its code first (``_fast_schemas.code_first``) and each NIP, period,
decimal and date left as given (``Any``). The first reading does not use these (it would
import pydantic and build the wire models at every start): it uses the core schemas written
out in ``_fast_schemas``, and ``tests/unit/boundary/test_fast_schemas.py`` checks that they
are what pydantic builds here.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, NotRequired, Union, cast

from annotated_types import MaxLen
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetCoreSchemaHandler,
    PlainValidator,
    TypeAdapter,
)
from pydantic.fields import FieldInfo
from pydantic_core import core_schema
from typing_extensions import TypedDict

from asn_performance._kit.labels import Labelled
from asn_performance.boundary._fast_schemas import FAST_ITEMS, code_first, known_keys, small_map
from asn_performance.boundary._readers import date_in, decimal_in, nip_in, period_in
from asn_performance.boundary._wire import MAX_ITEMS, ReadOnce

__all__ = ["fast_twin", "guarded_twin", "twin_schema"]


class _Schema:
    """Annotated metadata that gives a core schema (``__get_pydantic_core_schema__``)."""

    __slots__ = ("_build",)

    def __init__(self, build: Callable[[], core_schema.CoreSchema]) -> None:
        self._build = build

    def __get_pydantic_core_schema__(
        self, _source: object, _handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return self._build()


def _code_first(cls: type[Labelled], read: Callable[[Any], Any]) -> _Schema:
    return _Schema(lambda: cast("core_schema.CoreSchema", code_first(cls, read)))


#: The readers of the values a twin leaves as given, for the builders to read.
_RAW_READERS = frozenset({nip_in, period_in, decimal_in, date_in})


def _is_raw(item: object) -> bool:
    """Whether Annotated metadata ``item`` reads a NIP, a period, a decimal or a date."""
    if isinstance(item, PlainValidator):
        reader = item.reader if isinstance(item, ReadOnce) else item.func
        return reader in _RAW_READERS
    if typing.get_origin(item) is Annotated:
        return any(_is_raw(inner) for inner in item.__metadata__)  # type: ignore[attr-defined]
    return False


def _bounded(kind: Any, metadata: tuple[object, ...]) -> tuple[object, ...]:
    """``metadata`` of an annotation of ``kind``, bounded for the twin: ``MaxLen(MAX_ITEMS)``
    becomes ``MaxLen(FAST_ITEMS)``, and a map is measured before it is read."""
    swapped = tuple(_swap_meta(item) for item in metadata)
    bounded = any(isinstance(item, MaxLen) and item.max_length == MAX_ITEMS for item in metadata)
    if bounded and typing.get_origin(kind) is dict:
        swapped = (*swapped, BeforeValidator(small_map))
    return swapped


def _swap_meta(item: object) -> object:
    if isinstance(item, ReadOnce) and item.label is not None and item.reader is not None:
        return _code_first(item.label, item.reader)
    if isinstance(item, MaxLen) and item.max_length == MAX_ITEMS:
        return MaxLen(FAST_ITEMS)
    return item


def _swap(kind: Any) -> Any:  # noqa: PLR0911 - one return per kind of annotation
    """``kind`` with each wire model replaced by its twin, each label by :func:`code_first`
    and each NIP, period, decimal and date by ``Any``."""
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return guarded_twin(kind)
    origin = typing.get_origin(kind)
    if origin is None:
        return kind
    args = typing.get_args(kind)
    if origin is Annotated:
        if any(_is_raw(item) for item in kind.__metadata__):
            return Any
        return Annotated[(_swap(args[0]), *_bounded(args[0], kind.__metadata__))]
    if origin is Union or origin is types.UnionType:
        return Union[tuple(_swap(arg) for arg in args)]  # noqa: UP007 - built from a tuple
    if origin is typing.Literal:  # pragma: no cover - no part has a literal
        return kind
    swapped = tuple(_swap(arg) for arg in args)
    return origin[swapped] if len(swapped) > 1 else origin[swapped[0]]


def _field(info: FieldInfo) -> Any:
    kind = _swap(info.annotation)
    if kind is not Any and info.metadata:
        if any(_is_raw(item) for item in info.metadata):
            kind = Any
        else:
            kind = Annotated[(kind, *_bounded(info.annotation, tuple(info.metadata)))]
    return kind if info.is_required() else NotRequired[kind]


def fast_twin(model: type[BaseModel]) -> type:
    """The ``TypedDict`` twin of the wire model ``model`` (made on first use, then the same
    class): the same fields, required or not, of the same types, but for the bounds
    (``FAST_ITEMS``) and the values left to the builders (module docstring)."""
    found = model.__dict__.get("_fast_twin_")
    if found is None:
        # The wire model built first: its fields are then final (every forward reference
        # resolved).
        if not model.__pydantic_complete__:
            model.model_rebuild()
        fields = {name: _field(info) for name, info in model.model_fields.items()}
        make = cast("Callable[..., type]", TypedDict)  # the functional form: fields at run time
        found = make(f"Fast{model.__name__}", fields)
        found.__pydantic_config__ = ConfigDict(  # type: ignore[attr-defined]
            extra="forbid", arbitrary_types_allowed=True
        )
        type.__setattr__(model, "_fast_twin_", found)
    return cast("type", found)


def guarded_twin(model: type[BaseModel]) -> Any:
    """The twin of ``model``, behind the check of its keys (``known_keys``)."""
    return Annotated[fast_twin(model), BeforeValidator(known_keys(frozenset(model.model_fields)))]


def twin_schema(model: type[BaseModel]) -> Any:
    """The core schema pydantic builds for the guarded twin of ``model``."""
    return TypeAdapter(guarded_twin(model)).core_schema
