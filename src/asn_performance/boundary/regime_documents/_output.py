"""Writing a regime document and its results (private module of the package):
:func:`dump_regime_document` and :func:`dump_regime_result`.

The inputs a document gave are written here (wire translation); a result writes itself
(``to_dict()`` of :class:`~asn_performance.regimes.transition_2021.RegimeResult` and of each
regime's results). The leaves come from :mod:`asn_performance._kit.plain`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from asn_performance._kit.plain import decimal_text
from asn_performance.boundary._json_text import require
from asn_performance.boundary.regime_documents._regime import RegimeDocument
from asn_performance.regimes import permenpanrb_8_2021 as pp30
from asn_performance.regimes import pp_46_2011 as pp46
from asn_performance.regimes.registry import (
    PERMENPANRB_8_2021,
    PP46_2011,
)
from asn_performance.regimes.transition_2021 import (
    INTEGRATION_2021,
    IntegrationInputs,
    Pp30Inputs,
    Pp46Inputs,
    RegimeResult,
)

# --- writing -----------------------------------------------------------------------------------


def _aspect_dict(target: Decimal, realisation: Decimal) -> dict[str, Any]:
    return {"target": decimal_text(target), "realisation": decimal_text(realisation)}


def _pp46_dict(inputs: Pp46Inputs) -> dict[str, Any]:
    scores = inputs.behaviour
    return {
        "structural": scores.structural,
        "skps": [
            {
                "jabatan": skp.jabatan,
                "activities": [
                    {
                        "name": a.name,
                        "kuantitas": _aspect_dict(a.quantity_target, a.quantity_realisation),
                        "kualitas": _aspect_dict(a.quality_target, a.quality_realisation),
                        "waktu": _aspect_dict(a.time_target, a.time_realisation),
                        "biaya": None
                        if a.cost_target is None or a.cost_realisation is None
                        else _aspect_dict(a.cost_target, a.cost_realisation),
                    }
                    for a in skp.activities
                ],
                "tugas_tambahan": skp.tugas_tambahan,
                "kreativitas": [level.code for level in skp.kreativitas],
            }
            for skp in inputs.skps
        ],
        "behaviour": {
            "orientasi_pelayanan": decimal_text(scores.orientasi_pelayanan),
            "integritas": decimal_text(scores.integritas),
            "komitmen": decimal_text(scores.komitmen),
            "disiplin": decimal_text(scores.disiplin),
            "kerja_sama": decimal_text(scores.kerja_sama),
            "kepemimpinan": decimal_text(scores.kepemimpinan),
        },
    }


def _iki_dict(iki: pp30.IkiResult) -> dict[str, Any]:
    return {
        "id": iki.id,
        "target": iki.target.to_dict(),
        "realisation": decimal_text(iki.realisation),
        "direction": iki.direction.code,
        "max_attainable": iki.max_attainable,
    }


def _pp30_dict(inputs: Pp30Inputs) -> dict[str, Any]:
    skp = inputs.skp
    return {
        "skp": None
        if skp is None
        else {
            "utama": [
                {
                    "id": work.id,
                    "weight": decimal_text(work.weight),
                    "indicators": [_iki_dict(iki) for iki in work.indicators],
                }
                for work in skp.utama
            ],
            "tambahan": [
                {
                    "id": item.id,
                    "scope_weight": decimal_text(item.scope_weight),
                    "indicator": _iki_dict(item.indicator),
                }
                for item in skp.tambahan
            ],
        },
        "nilai_skp": decimal_text(inputs.nilai_skp),
        "behaviour": decimal_text(inputs.behaviour),
        "with_peer_input": inputs.with_peer_input,
        "innovation": inputs.innovation,
    }


def _half_dict(half: Pp46Inputs | Pp30Inputs | Decimal) -> dict[str, Any]:
    if isinstance(half, Decimal):
        return {"value": decimal_text(half)}
    return _pp46_dict(half) if isinstance(half, Pp46Inputs) else _pp30_dict(half)


def _config_dict(config: pp46.Pp46Config) -> dict[str, Any]:
    return {
        "tugas_tambahan_tiers": [
            {"min_count": count, "points": decimal_text(points)}
            for count, points in config.tugas_tambahan_tiers
        ],
        "creativity_points": {
            level.code: decimal_text(points) for level, points in config.creativity_points.items()
        },
        "skp_cap": decimal_text(config.skp_cap),
        "floor_at_zero": config.floor_at_zero,
    }


def dump_regime_document(doc: RegimeDocument) -> dict[str, Any]:
    """Write a :class:`RegimeDocument` as a regime document; :func:`load_regime_document`
    reads it back equal. Defaults are written out; a half given by its value stays a value."""
    require(doc, RegimeDocument, "dump_regime_document")
    data: dict[str, Any] = {
        "schema_version": "1",
        "regime": doc.regime,
        "title": doc.title,
        "source": doc.source,
        "period": doc.period.code,
    }
    if doc.regime == INTEGRATION_2021:
        data["predikat_table"] = doc.predikat_table
    if doc.regime != PP46_2011.id:
        data["with_peer_input"] = doc.with_peer_input
    if doc.regime != PERMENPANRB_8_2021.id:
        data["pp46_config"] = _config_dict(doc.pp46_config)
    employees = []
    for employee in doc.employees:
        entry: dict[str, Any] = {"nip": employee.nip.digits, "name": employee.name}
        inputs = employee.inputs
        if isinstance(inputs, IntegrationInputs):
            entry["first_half"] = _half_dict(inputs.first_half)
            entry["second_half"] = _half_dict(inputs.second_half)
            entry["innovation"] = inputs.innovation
        else:
            entry.update(_half_dict(inputs))
        employees.append(entry)
    data["employees"] = employees
    return data


def dump_regime_result(result: RegimeResult) -> dict[str, Any]:
    """Write a :class:`RegimeResult` as a JSON-ready dict.

    Decimals are strings, unrounded (``"value"``) and as shown, half-up to 2 places
    (``"value_shown"``); the predikat as code and Indonesian label, with its 2022
    equivalent; ``"detail"`` holds every intermediate value of the rule set and
    ``"explanation"`` the steps (as :func:`asn_performance.boundary.part_documents.dump_result`
    writes them).
    """
    require(result, RegimeResult, "dump_regime_result")
    return result.to_dict()
