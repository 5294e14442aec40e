"""Deprecations: how a stable name leaves the library (docs/explanation/versioning.md).

A name of the stable surface (a public module's ``__all__``, a rule id, a field of a published
JSON Schema, a command-line option) is never removed without warning. It is first listed in
:data:`DEPRECATIONS` with the release that deprecates it, the release that may remove it (the
next minor release at the earliest) and what to use instead; using it then warns with a
:class:`DeprecationWarning` (:func:`warn_deprecated`) and the CHANGELOG lists it under
*Deprecated*. ``tools/release_surface.py`` records the list at each release, and the test of
the release surface lets a name go only when the last release already listed it.

Nothing is deprecated in 0.1.0, the first release.
"""

from __future__ import annotations

import warnings
from typing import Final

import attrs

__all__ = ["DEPRECATIONS", "Deprecation", "find", "warn_deprecated"]


@attrs.frozen
class Deprecation:
    """One deprecated name: ``name`` (``module.name``; a rule id; ``schema:NAME`` for a whole
    schema, ``NAME:field.path`` for one of its fields; ``cli:COMMAND`` or ``cli:COMMAND
    --option``), deprecated in ``since``, removable in ``removed_in`` (at least the next minor
    release), replaced by ``use`` (a sentence a caller can act on)."""

    name: str
    since: str
    removed_in: str
    use: str

    def message(self) -> str:
        """The warning's text: what, since when, until when, and what to do."""
        return (
            f"{self.name} is deprecated since asn-performance {self.since} and may be removed"
            f" in {self.removed_in}: {self.use}"
        )


#: Every name deprecated in this release (none in 0.1.0).
DEPRECATIONS: Final[tuple[Deprecation, ...]] = ()


def find(name: str, table: tuple[Deprecation, ...] = DEPRECATIONS) -> Deprecation | None:
    """The deprecation of ``name`` in ``table``, or ``None``."""
    return next((item for item in table if item.name == name), None)


def warn_deprecated(
    name: str, *, table: tuple[Deprecation, ...] = DEPRECATIONS, stacklevel: int = 3
) -> None:
    """Warn (:class:`DeprecationWarning`) that ``name`` is deprecated, from the caller of the
    function that calls this one (``stacklevel`` 3). A name not in ``table`` is a mistake of
    the library itself and raises :class:`LookupError`."""
    item = find(name, table)
    if item is None:
        raise LookupError(f"{name} is not in the table of deprecations")
    warnings.warn(item.message(), DeprecationWarning, stacklevel=stacklevel)
