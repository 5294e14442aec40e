"""The regime document's class for annotations, loaded on first use (PEP 562).

``load_any`` and ``load_regime_document`` are annotated ``regime_types.RegimeDocument``: reading a
PermenPANRB 6/2022 document never imports the older regimes behind
:class:`~asn_performance.boundary.regime_documents.RegimeDocument` (about 20 ms), and
``typing.get_type_hints`` still resolves the annotation, through :func:`__getattr__`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asn_performance.boundary.regime_documents._regime import RegimeDocument

__all__ = ["RegimeDocument"]


def __getattr__(name: str) -> Any:
    if name != "RegimeDocument":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}", name=name)
    from asn_performance.boundary.regime_documents._regime import (  # noqa: PLC0415 - on use
        RegimeDocument,
    )

    globals()[name] = RegimeDocument  # kept, as an eager import would have put it
    return RegimeDocument
