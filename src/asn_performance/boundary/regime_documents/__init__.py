"""The JSON boundary of the older regimes: PP 46/2011, PermenPANRB 8/2021 and the 2021 split.

A *regime document* is a JSON object whose top-level ``"regime"`` field names its shape:

* ``"pp46_2011"`` -- employees appraised under PP 46/2011 + Perka BKN 1/2013: per employee one
  or two SKPs with their activities (kuantitas, kualitas, waktu and optional biaya, each a
  target and a realisation), tugas tambahan and kreativitas, and the perilaku kerja values
  (5 aspects, or 6 for a structural position);
* ``"permenpanrb_8_2021"`` -- employees appraised under PP 30/2019 + PermenPANRB 8/2021: the
  RHK utama with their weights and IKI (targets, ranges, direction, realisations), the kinerja
  tambahan, or the nilai SKP itself; the nilai perilaku; ``with_peer_input`` (Pasal 41(3)-(4))
  and the innovation condition of Sangat Baik;
* ``"integration_2021"`` -- the split year 2021: per employee the January-June half (PP 46)
  and the July-December half (8/2021), each as its value or in full, integrated 50 % / 50 %
  [S14], with the predikat table the document chooses (the source names none).

:func:`load_regime_document` reads a document into a :class:`RegimeDocument` (frozen domain
objects only) and checks everything a computation needs, so that
:meth:`RegimeDocument.compute` gives one :class:`RegimeResult` per employee: the value
(unrounded), the regime's own predikat, its conversion to the 2022 scale and every step.
:func:`dump_regime_result` writes a result (decimals as strings, each value also rounded
half-up to 2 places in a ``*_shown`` field), :func:`dump_regime_document` writes a document
back (``load(dump(doc)) == doc``), :func:`regime_input_json_schema` gives the JSON Schema of
each shape. :func:`load_any` reads either kind of document -- a regime document or the
PermenPANRB 6/2022 input document of :mod:`asn_performance.boundary.appraisal_document` --
parsing the text once. The domain objects and the computation live in
:mod:`asn_performance.regimes.transition_2021`; this package only translates.

The wire toolkit of the boundary (:mod:`asn_performance.boundary._wire`) is reused as it is:
exact decimals (JSON strings, or JSON numbers parsed as :class:`~decimal.Decimal`; floats, NaN
and Infinity refused), duplicate keys and over-deep nesting refused, and every problem raised
as an :class:`~asn_performance.exceptions.AsnPerformanceError` whose ``path`` is a JSON path
such as ``$.employees[2].skps[0].activities[1].waktu.target``. A period that does not belong to
the document's regime is an :class:`~asn_performance.exceptions.AppraisalError` with the rule
``REGIME-PERIOD`` at ``$.period``. See ``docs/reference/regime-documents.md``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from asn_performance.boundary.regime_documents._document import (
    is_regime_document,
    load_any,
    load_regime_document,
)

if TYPE_CHECKING:
    from asn_performance.boundary.regime_documents._models import (
        IntegrationDocumentModel,
        Pp30DocumentModel,
        Pp46DocumentModel,
        regime_input_json_schema,
    )
    from asn_performance.boundary.regime_documents._output import (
        dump_regime_document,
        dump_regime_result,
    )
    from asn_performance.boundary.regime_documents._regime import RegimeDocument
    from asn_performance.regimes.transition_2021 import (
        INTEGRATION_2021,
        PREDIKAT_TABLES,
        REGIME_DOCUMENT_IDS,
        IntegrationInputs,
        IntegrationResult,
        Pp30Inputs,
        Pp30Skp,
        Pp46Inputs,
        Pp46Skp,
        RegimeEmployee,
        RegimeResult,
    )

__all__ = [
    "INTEGRATION_2021",
    "PREDIKAT_TABLES",
    "REGIME_DOCUMENT_IDS",
    "IntegrationDocumentModel",
    "IntegrationInputs",
    "IntegrationResult",
    "Pp30DocumentModel",
    "Pp30Inputs",
    "Pp30Skp",
    "Pp46DocumentModel",
    "Pp46Inputs",
    "Pp46Skp",
    "RegimeDocument",
    "RegimeEmployee",
    "RegimeResult",
    "dump_regime_document",
    "dump_regime_result",
    "is_regime_document",
    "load_any",
    "load_regime_document",
    "regime_input_json_schema",
]

#: The names loaded on first use, by the module that defines them: reading a document of
#: PermenPANRB 6/2022 (``load_any``) needs neither pydantic nor the wire models, nor the older
#: regimes (``transition_2021``, PP 46/2011, PermenPANRB 8/2021: about 20 ms of a command's
#: start), which a regime document loads when it comes (issue 12).
_LAZY: Final = {
    **dict.fromkeys(
        ("IntegrationDocumentModel", "Pp30DocumentModel", "Pp46DocumentModel"),
        "asn_performance.boundary.regime_documents._models",
    ),
    "regime_input_json_schema": "asn_performance.boundary.regime_documents._models",
    "RegimeDocument": "asn_performance.boundary.regime_documents._regime",
    "dump_regime_document": "asn_performance.boundary.regime_documents._output",
    "dump_regime_result": "asn_performance.boundary.regime_documents._output",
    **dict.fromkeys(
        (
            "INTEGRATION_2021",
            "PREDIKAT_TABLES",
            "REGIME_DOCUMENT_IDS",
            "IntegrationInputs",
            "IntegrationResult",
            "Pp30Inputs",
            "Pp30Skp",
            "Pp46Inputs",
            "Pp46Skp",
            "RegimeEmployee",
            "RegimeResult",
        ),
        "asn_performance.regimes.transition_2021",
    ),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}", name=name)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # kept, as an eager import would have put it
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
