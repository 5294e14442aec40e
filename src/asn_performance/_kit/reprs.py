"""The ``repr`` of an attrs class, written once instead of generated for each class (issue 12).

attrs writes the source of a ``__repr__`` for every class it builds and compiles it when the
class is built: about 0.13 ms a class, paid again by every fresh interpreter, because generated
code has no ``.pyc``. The classes that ``from asn_performance import appraise`` builds
define their ``__repr__`` as a one-line call of :func:`attrs_repr` instead (attrs does not
generate a method a class defines itself), and this module's code is compiled once, into its
``.pyc``, like the rest of the package.

:func:`attrs_repr` gives the text attrs' own generated ``__repr__`` gives, character for
character: ``ClassName(field=value!r, ...)`` over the class's attrs fields in order, without
the fields declared ``repr=False``, a field's own ``repr=`` callable where it has one, a field
outside ``__init__`` read with ``getattr(self, name, NOTHING)``, the class named by the last
part of its ``__qualname__``, and ``...`` for an object met again while it is being shown (a
cycle). ``tests/unit/_kit/test_reprs.py`` compares it with attrs' generated one.
"""

from __future__ import annotations

import threading
from typing import Any

import attrs

__all__ = ["attrs_repr"]

#: The objects being shown on this thread, by ``id``: a cycle shows ``...`` where it closes
#: (as attrs' ``repr_context``). Empty whenever no ``repr`` is running.
_SHOWING = threading.local()


def attrs_repr(self: Any) -> str:
    """``repr(self)`` for an instance of an attrs class, as attrs would generate it."""
    try:
        showing: set[int] = _SHOWING.ids
    except AttributeError:
        showing = _SHOWING.ids = set()
    key = id(self)
    if key in showing:
        return "..."
    showing.add(key)
    try:
        parts = []
        for field in type(self).__attrs_attrs__:
            shown = field.repr
            if shown is False:
                continue
            name = field.name
            value = getattr(self, name) if field.init else getattr(self, name, attrs.NOTHING)
            parts.append(f"{name}={value!r}" if shown is True else f"{name}={shown(value)}")
        return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
    finally:
        showing.remove(key)
