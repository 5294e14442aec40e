"""A package's public names loaded on first use (PEP 562), written once for every ``__init__``.

A package that re-exports the names of its modules would import all of them when it is itself
imported, so a caller who needs one name pays for every module beside it (``import
asn_performance`` would build every attrs class of the domain; ``check_distribution`` would
load the allowance tables). :func:`lazy_exports` gives the package a module ``__getattr__`` and
``__dir__`` instead: a name is imported from its module when it is first asked for (``from
asn_performance import appraise``, ``asn_performance.appraise``) and then kept in the package's
namespace, exactly where an eager import would have put it, so later look-ups are ordinary
attribute reads. Nothing else is stored: the table is the package's own constant.

The package keeps its ``__all__`` and writes the same imports under ``if TYPE_CHECKING:`` so
that mypy and IDEs see the names, their types and their documentation as before; the two
functions are assigned under ``if not TYPE_CHECKING:`` so that mypy does not take the module
``__getattr__`` as a licence for any attribute. ``tests/unit/test_lazy_import.py`` checks that
the table, the ``TYPE_CHECKING`` imports and ``__all__`` name the same things and that each
resolves.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping

__all__ = ["lazy_exports"]


def lazy_exports(
    namespace: MutableMapping[str, object], exports: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of the package whose ``globals()`` is ``namespace``.

    ``exports`` maps a module, relative to the package (``"domain.plan"``), to the public
    names it defines. An unknown name raises :class:`AttributeError` with Python's usual
    message, so ``hasattr`` and ``from package import submodule`` behave as they always do.
    """
    package = str(namespace["__name__"])
    where = {name: f"{package}.{module}" for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> object:  # noqa: N807 - the PEP 562 hook
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}", name=name)
        value = getattr(__import__(module, fromlist=(name,)), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807 - the PEP 562 hook
        return sorted({*namespace, *where})

    return __getattr__, __dir__
