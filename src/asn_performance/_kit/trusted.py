"""Trusted copies of frozen attrs objects: values the library has validated, not checked again.

A frozen attrs class runs its converters, validators and ``__attrs_post_init__`` on every
construction, including :func:`attrs.evolve`. Where the library copies one of its own objects
and changes a few fields to values that are valid by construction (``None`` for an optional
field, an empty tuple, a field of the same object), running them again repeats work whose
result is known. :func:`trusted_replace` builds the copy directly, and :func:`trusted_new` an
object whose every value the library has just made or checked.

It is a sharp tool, used only by the module that owns the class, which must say in the calling
function's docstring why every invariant of the class still holds for the changed fields and
must pass every field derived from them (the class's ``init=False`` fields). A test compares
the trusted copy with the validated one (``==`` and ``to_dict()``) for the same values.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from types import MemberDescriptorType
from typing import Any, TypeVar

__all__ = [
    "slot_writer",
    "slot_writers",
    "trusted_init",
    "trusted_maker",
    "trusted_new",
    "trusted_replace",
]

T = TypeVar("T")

#: The slot in which attrs caches the hash of a class made with ``cache_hash=True``.
_HASH_CACHE = "_attrs_cached_hash"


def trusted_replace(instance: T, /, **changes: Any) -> T:
    """A copy of the frozen attrs ``instance`` with ``changes``, built without ``__init__``.

    No converter, validator or ``__attrs_post_init__`` runs: every value in ``changes`` must
    already be what the converter would return and must keep every invariant of the class
    (see the module docstring). Fields not in ``changes`` are shared with ``instance`` (they
    are immutable). A cached hash is reset, so the copy computes its own. A name that is not a
    field is a programming error (:class:`TypeError`).
    """
    cls = type(instance)
    copy = object.__new__(cls)
    put = object.__setattr__
    pending = len(changes)
    for field in cls.__attrs_attrs__:  # type: ignore[attr-defined]
        name = field.name
        if name in changes:
            put(copy, name, changes[name])
            pending -= 1
        else:
            put(copy, name, getattr(instance, name))
    if pending:
        names = {field.name for field in cls.__attrs_attrs__}  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} has no field(s) {sorted(set(changes) - names)}")
    if hasattr(instance, _HASH_CACHE):
        put(copy, _HASH_CACHE, None)
    return copy


def trusted_new(cls: type[T], /, **values: Any) -> T:
    """A new instance of the frozen attrs class ``cls`` with ``values``, built without
    ``__init__``: no converter, validator or ``__attrs_post_init__`` runs, so every value must
    already be what the converter would return and every invariant must hold (see the module
    docstring). Every field must be given, including the ``init=False`` ones; a missing or an
    unknown name is a programming error (:class:`TypeError`)."""
    made = object.__new__(cls)
    put = object.__setattr__
    fields = cls.__attrs_attrs__  # type: ignore[attr-defined]
    if len(values) != len(fields):
        names = {field.name for field in fields}
        raise TypeError(
            f"{cls.__name__}: missing {sorted(names - set(values))},"
            f" not fields {sorted(set(values) - names)}"
        )
    try:
        for field in fields:
            put(made, field.name, values[field.name])
    except KeyError as missing:
        raise TypeError(f"{cls.__name__}: {missing} is missing or not a field") from None
    if _HASH_CACHE in getattr(cls, "__slots__", ()):
        put(made, _HASH_CACHE, None)
    return made


#: The marker of a value a maker was not given (:func:`trusted_maker`).
_MISSING: Any = object()

SlotWriter = Callable[[Any, Any], None]
"""Writes one slot of an instance: ``write(instance, value)``."""


def slot_writer(cls: type, name: str) -> SlotWriter:
    """The writer of the slot ``name`` of the slotted class ``cls``: the write
    ``object.__setattr__(instance, name, value)`` makes, without looking the name up on each
    call. For the hottest trusted copies (thirty realisations per appraisal), written by the
    module that owns the class under the same rules as :func:`trusted_new`. A name that is
    not a slot of ``cls`` is a programming error (:class:`TypeError`)."""
    descriptor = next((vars(c)[name] for c in cls.__mro__ if name in vars(c)), None)
    if not isinstance(descriptor, MemberDescriptorType):
        raise TypeError(f"{cls.__name__} has no slot {name!r}")
    return descriptor.__set__


def slot_writers(cls: type) -> tuple[tuple[str, SlotWriter], ...]:
    """Each field of the frozen attrs class ``cls`` with the writer of its slot, in the order
    of its fields (the order :func:`trusted_new` writes them, ``init=False`` ones included)."""
    fields = cls.__attrs_attrs__  # type: ignore[attr-defined]
    return tuple((field.name, slot_writer(cls, field.name)) for field in fields)


_Shape = tuple[
    tuple[str, ...], tuple[tuple[str, SlotWriter], ...], bool, Callable[[Any], None] | None
]


def _writer(cls: type, name: str) -> SlotWriter:
    """The writer of the field ``name``: its slot's writer (:func:`slot_writer`), or for a
    class without slots ``object.__setattr__`` of that name."""
    try:
        return slot_writer(cls, name)
    except TypeError:  # not a slot: an attrs class made with slots=False

        def write(instance: Any, value: Any) -> None:
            object.__setattr__(instance, name, value)

        return write


@functools.cache
def _shape(cls: type) -> _Shape:
    """The names of the ``init`` fields of an attrs class, each with the writer of its slot
    (:func:`slot_writer`: the write ``object.__setattr__`` makes, without looking the name up
    in the class on every call), whether it caches its hash, and its ``__attrs_post_init__``
    (None if it has none); read once per class (a class's fields do not change)."""
    names = tuple(field.name for field in cls.__attrs_attrs__ if field.init)  # type: ignore[attr-defined]
    return (
        names,
        tuple((name, _writer(cls, name)) for name in names),
        _HASH_CACHE in getattr(cls, "__slots__", ()),
        getattr(cls, "__attrs_post_init__", None),
    )


def trusted_init(cls: type[T], /, **values: Any) -> T:
    """A new instance of the frozen attrs class ``cls`` as its ``__init__`` makes it, less the
    converters and validators: every ``init`` field is set to its value in ``values`` (each one
    must be given, already what the converter would return and valid for its validator), the
    hash cache is reset, then the class's own ``__attrs_post_init__`` runs, if it has one -- its
    cross-field invariants and its derived (``init=False``) fields, with its own errors.

    Unlike :func:`trusted_new`, the post-init runs: for values checked field by field by
    someone else (the JSON boundary's wire models, ``boundary._trusted_build``), not for
    objects the library derived itself. A field left out or a name that is not an ``init``
    field is a programming error (:class:`TypeError`)."""
    klass: type = cls
    names, writers, hashed, post_init = _shape(klass)
    if len(values) != len(names):
        raise TypeError(f"{cls.__name__}: give exactly the fields {names}, not {sorted(values)}")
    made = object.__new__(cls)
    try:
        for name, write in writers:
            write(made, values[name])
    except KeyError as missing:
        raise TypeError(f"{cls.__name__}: {missing} is not given") from None
    if hashed:
        object.__setattr__(made, _HASH_CACHE, None)
    if post_init is not None:
        post_init(made)
    return made


def trusted_maker(cls: type[T], names: tuple[str, ...]) -> Callable[..., T]:
    """:func:`trusted_init` for the hottest builds, as a function of the values in the order
    ``names``: ``make(*values)`` gives what ``trusted_init(cls, **dict(zip(names, values)))``
    gives -- every ``init`` field written, the hash cache reset, the class's own
    ``__attrs_post_init__`` run -- without a keyword dictionary per object.

    ``names`` must be exactly the class's ``init`` fields in their order (checked here, once:
    a class whose fields change fails where the maker is made, never with values in the wrong
    slots); a call with another number of values is a programming error (:class:`TypeError`).
    The maker is written out per class (:func:`_made_maker`): about a third of the time of a
    loop over the writers, for the thirty objects built per employee a document reads.
    """
    klass: type = cls
    fields, writers, hashed, post_init = _shape(klass)
    if names != fields:
        raise TypeError(f"{cls.__name__}: the init fields are {fields}, not {names}")
    return _made_maker(cls, writers, hashed, post_init)


def _made_maker(
    cls: type[T],
    writers: tuple[tuple[str, SlotWriter], ...],
    hashed: bool,
    post_init: Callable[[Any], None] | None,
) -> Callable[..., T]:
    """The function of :func:`trusted_maker`, written out for ``cls`` as attrs writes its
    ``__init__``: one positional parameter per ``init`` field, each written by its slot's
    writer in a line of its own (no loop over the values), the hash cache reset, the post-init
    run. Another number of values is refused as before: a value left out leaves the last
    parameter at its marker, one too many goes to ``extra``. The source is made here from the
    field count alone, never from data."""
    count = len(writers)
    params = "".join(f"v{i}=MISSING, " for i in range(count))
    refused = f"extra or v{count - 1} is MISSING" if count else "extra"
    lines = [
        f"def make({params}/, *extra):" if count else "def make(*extra):",
        f"    if {refused}:",
        "        raise TypeError(MESSAGE)",
        "    made = new(cls)",
    ]
    lines += [f"    w{i}(made, v{i})" for i in range(count)]
    if hashed:
        lines.append("    put(made, HASH_CACHE, None)")
    if post_init is not None:
        lines.append("    post_init(made)")
    lines.append("    return made")
    namespace: dict[str, Any] = {
        "new": object.__new__,
        "cls": cls,
        "put": object.__setattr__,
        "HASH_CACHE": _HASH_CACHE,
        "post_init": post_init,
        "MISSING": _MISSING,
        "MESSAGE": f"{cls.__name__}: give exactly the fields {tuple(n for n, _ in writers)}",
        **{f"w{i}": write for i, (_name, write) in enumerate(writers)},
    }
    source = "\n".join(lines)
    exec(compile(source, f"<trusted maker of {cls.__qualname__}>", "exec"), namespace)  # noqa: S102
    make: Callable[..., T] = namespace["make"]
    make.__qualname__ = f"trusted_maker.<{cls.__qualname__}>"
    return make
