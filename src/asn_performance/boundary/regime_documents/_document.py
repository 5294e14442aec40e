"""Reading a regime document (private module of the package): the loaders
:func:`load_regime_document` and :func:`load_any`; :class:`RegimeDocument`, the document as
domain objects, lives in :mod:`._regime`.

Reading an input document of PermenPANRB 6/2022 that is valid imports neither pydantic, nor
the wire models, nor the older regimes (issue 12): a regime document is read by
:mod:`._reading`, imported when one comes, with :mod:`._regime` and the regimes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

# RegimeDocument through regime_documents._types, whose lazy attribute loads it on first use
# (its regimes take about 20 ms to import, not needed for a 2022 document):
# typing.get_type_hints(load_any) still resolves `regime_types.RegimeDocument` (issue 12).
import asn_performance.boundary.regime_documents._types as regime_types
from asn_performance.boundary._json_text import guarded, guarded_unwalked
from asn_performance.boundary._unit_document import AppraisalDocument
from asn_performance.boundary._unit_reading import document_from_unwalked

__all__ = ["is_regime_document", "load_any", "load_regime_document"]


# --- reading -----------------------------------------------------------------------------------


def is_regime_document(data: Mapping[str, Any]) -> bool:
    """Whether ``data`` (a parsed document) is a regime document: it has a ``"regime"``
    field that is not ``"permenpanrb_6_2022"``. The command line dispatches on it."""
    # the registry is imported when a document names a regime (about 1 ms of the start)
    if not isinstance(data, Mapping) or "regime" not in data:
        return False
    from asn_performance.regimes.registry import PERMENPANRB_6_2022  # noqa: PLC0415

    return bool(data["regime"] != PERMENPANRB_6_2022.id)


def load_regime_document(
    source: str | bytes | Mapping[str, Any],
) -> regime_types.RegimeDocument:
    """Read a regime document (JSON text, UTF-8 bytes or an already-parsed mapping).

    Checks the shape, builds the domain objects, checks that the period belongs to the
    regime and computes once, so that every problem comes out here.

    Raises:
        SchemaError: the text is not JSON, or a field is missing, unknown or of the wrong JSON
            type (``path`` is the JSON path).
        LabelError: an unknown ``regime`` (rule ``REGIME-ID``, at ``$.regime``).
        AppraisalError: the period does not belong to the regime (rule ``REGIME-PERIOD``, at
            ``$.period``).
        AsnPerformanceError: a value breaks a rule of the regime (a target of 0, RHK weights
            that do not sum to 100, a repeated NIP...), with the rule and the JSON path.
    """
    return guarded(_regime_document, source)  # JSON text is parsed once, by guarded


def load_any(
    source: str | bytes | Mapping[str, Any],
) -> AppraisalDocument | regime_types.RegimeDocument:
    """Read either kind of document, parsing the JSON text once.

    A regime document (:func:`is_regime_document`) gives a :class:`RegimeDocument`; any other
    object is read as the PermenPANRB 6/2022 input document of
    :func:`asn_performance.boundary.appraisal_document.load_document` (a
    ``"regime": "permenpanrb_6_2022"`` field is accepted and set aside).

    Raises:
        AsnPerformanceError: as :func:`load_regime_document` or
            :func:`~asn_performance.boundary.appraisal_document.load_document`, with JSON paths.
    """

    def load(
        data: dict[str, Any], walked: Callable[[], dict[str, Any]]
    ) -> AppraisalDocument | regime_types.RegimeDocument:
        if is_regime_document(data):
            return _regime_document(walked())

        def walked_unit() -> dict[str, Any]:
            return {key: value for key, value in walked().items() if key != "regime"}

        unit = {key: value for key, value in data.items() if key != "regime"}
        return document_from_unwalked(unit, walked_unit)

    # JSON text is parsed once (and not copied) by guarded_unwalked; the walk of its depth and
    # items only when the document is not read by parts (see document_from_unwalked)
    return guarded_unwalked(load, source)


def _regime_document(data: dict[str, Any]) -> regime_types.RegimeDocument:
    """:func:`~asn_performance.boundary.regime_documents._reading.regime_document`, imported
    when a regime document comes (it imports pydantic and the regime documents' models)."""
    from asn_performance.boundary.regime_documents._reading import (  # noqa: PLC0415
        regime_document,
    )

    return regime_document(data)
