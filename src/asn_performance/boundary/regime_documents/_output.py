"""Writing a regime document and its results (private module of the package):
:func:`dump_regime_document` and :func:`dump_regime_result`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from asn_performance._kit.exact import quantize
from asn_performance.boundary._wire import (
    decimal_out,
    require,
)
from asn_performance.boundary.regime_documents._document import RegimeDocument
from asn_performance.process.records import step_record
from asn_performance.regimes import permenpanrb_8_2021 as pp30
from asn_performance.regimes import pp_46_2011 as pp46
from asn_performance.regimes.registry import (
    PERMENPANRB_8_2021,
    PP46_2011,
)
from asn_performance.regimes.transition_2021 import (
    INTEGRATION_2021,
    IntegrationInputs,
    IntegrationResult,
    Pp30Inputs,
    Pp46Inputs,
    RegimeResult,
)

# --- writing -----------------------------------------------------------------------------------


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else decimal_out(value)


def _num(name: str, value: Decimal | None) -> dict[str, str | None]:
    """A value unrounded and as shown: ``{"x": "85.458333...", "x_shown": "85.46"}``."""
    return {
        name: _dec(value),
        f"{name}_shown": None if value is None else decimal_out(quantize(value)),
    }


def _aspect_dict(target: Decimal, realisation: Decimal) -> dict[str, Any]:
    return {"target": _dec(target), "realisation": _dec(realisation)}


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
            "orientasi_pelayanan": _dec(scores.orientasi_pelayanan),
            "integritas": _dec(scores.integritas),
            "komitmen": _dec(scores.komitmen),
            "disiplin": _dec(scores.disiplin),
            "kerja_sama": _dec(scores.kerja_sama),
            "kepemimpinan": _dec(scores.kepemimpinan),
        },
    }


def _iki_dict(iki: pp30.IkiResult) -> dict[str, Any]:
    target = iki.target
    return {
        "id": iki.id,
        "target": {"lower": _dec(target.lower), "upper": _dec(target.upper), "unit": target.unit},
        "realisation": _dec(iki.realisation),
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
                    "weight": _dec(work.weight),
                    "indicators": [_iki_dict(iki) for iki in work.indicators],
                }
                for work in skp.utama
            ],
            "tambahan": [
                {
                    "id": item.id,
                    "scope_weight": _dec(item.scope_weight),
                    "indicator": _iki_dict(item.indicator),
                }
                for item in skp.tambahan
            ],
        },
        "nilai_skp": _dec(inputs.nilai_skp),
        "behaviour": _dec(inputs.behaviour),
        "with_peer_input": inputs.with_peer_input,
        "innovation": inputs.innovation,
    }


def _half_dict(half: Pp46Inputs | Pp30Inputs | Decimal) -> dict[str, Any]:
    if isinstance(half, Decimal):
        return {"value": _dec(half)}
    return _pp46_dict(half) if isinstance(half, Pp46Inputs) else _pp30_dict(half)


def _config_dict(config: pp46.Pp46Config) -> dict[str, Any]:
    return {
        "tugas_tambahan_tiers": [
            {"min_count": count, "points": _dec(points)}
            for count, points in config.tugas_tambahan_tiers
        ],
        "creativity_points": {
            level.code: _dec(points) for level, points in config.creativity_points.items()
        },
        "skp_cap": _dec(config.skp_cap),
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


def _code(member: Any) -> str | None:
    return None if member is None else str(member.code)


def _label(member: Any) -> str | None:
    return None if member is None else str(member.label_id)


def _pp46_result_dict(result: pp46.Pp46Result) -> dict[str, Any]:
    return {
        "skps": [
            {
                "activities": [
                    {
                        "name": a.activity.name,
                        **_num("kuantitas", a.quantity),
                        **_num("kualitas", a.quality),
                        **_num("waktu_efficiency", a.time_efficiency),
                        **_num("waktu", a.time),
                        **_num("biaya_efficiency", a.cost_efficiency),
                        **_num("biaya", a.cost),
                        **_num("value", a.value),
                    }
                    for a in skp.activities
                ],
                **_num("mean", skp.mean),
                "tugas_tambahan": skp.tugas_tambahan,
                **_num("tugas_tambahan_points", skp.tugas_tambahan_points),
                "kreativitas": [level.code for level in skp.kreativitas],
                **_num("kreativitas_points", skp.kreativitas_points),
                **_num("value", skp.value),
                "predikat": skp.predikat.code,
            }
            for skp in result.skps
        ],
        **_num("skp_value", result.skp_value),
        **_num("skp_part", result.skp_part),
        "behaviour_aspects": result.behaviour.aspects,
        **_num("behaviour_value", result.behaviour_value),
        **_num("behaviour_part", result.behaviour_part),
        **_num("value", result.value),
        "predikat": result.predikat.code,
    }


def _iki_result_dict(iki: pp30.IkiResult) -> dict[str, Any]:
    return {
        "id": iki.id,
        "target": str(iki.target),
        "realisation": _dec(iki.realisation),
        "direction": iki.direction.code,
        "target_used": _dec(iki.target_used),
        **_num("capaian", iki.capaian),
        "capaian_percent": _dec(iki.capaian_percent),
        "category": iki.category.code,
        **_num("value", iki.value),
    }


def _pp30_result_dict(result: pp30.KinerjaResult) -> dict[str, Any]:
    skp = result.skp
    return {
        "skp": None
        if skp is None
        else {
            "utama": [
                {
                    "id": score.work.id,
                    "weight": _dec(score.work.weight),
                    "indicators": [_iki_result_dict(iki) for iki in score.work.indicators],
                    **_num("value", score.value),
                    **_num("weighted", score.weighted),
                }
                for score in skp.utama
            ],
            "tambahan": [
                {
                    "id": score.work.id,
                    "scope_weight": _dec(score.work.scope_weight),
                    "indicator": _iki_result_dict(score.work.indicator),
                    "k": _dec(score.k),
                    **_num("weighted", score.weighted),
                }
                for score in skp.tambahan
            ],
            **_num("nilai_ku", skp.nilai_ku),
            **_num("tambahan_total", skp.tambahan_total),
            **_num("nilai_kt", skp.nilai_kt),
        },
        **_num("skp_value", result.skp_value),
        **_num("behaviour_value", result.behaviour_value),
        "with_peer_input": result.with_peer_input,
        "skp_weight": _dec(result.skp_weight),
        "behaviour_weight": _dec(result.behaviour_weight),
        "innovation": result.innovation,
        **_num("value", result.value),
        "predikat": result.predikat.code,
    }


def _integration_dict(result: IntegrationResult) -> dict[str, Any]:
    first, second = result.first_half, result.second_half
    return {
        "first_half": {
            "regime": PP46_2011.id,
            **_num("value", result.integration.first_half),
            "computed": None if first is None else _pp46_result_dict(first),
        },
        "second_half": {
            "regime": PERMENPANRB_8_2021.id,
            **_num("value", result.integration.second_half),
            "computed": None if second is None else _pp30_result_dict(second),
        },
        "predikat_table": result.predikat_table,
        "innovation": result.innovation,
    }


def dump_regime_result(result: RegimeResult) -> dict[str, Any]:
    """Write a :class:`RegimeResult` as a JSON-ready dict.

    Decimals are strings, unrounded (``"value"``) and as shown, half-up to 2 places
    (``"value_shown"``); the predikat as code and Indonesian label, with its 2022
    equivalent; ``"detail"`` holds every intermediate value of the rule set and
    ``"explanation"`` the steps (as :func:`asn_performance.boundary.part_documents.dump_result`
    writes them).
    """
    require(result, RegimeResult, "dump_regime_result")
    detail = result.detail
    if isinstance(detail, pp46.Pp46Result):
        written = _pp46_result_dict(detail)
    elif isinstance(detail, pp30.KinerjaResult):
        written = _pp30_result_dict(detail)
    else:
        written = _integration_dict(detail)
    return {
        "nip": result.nip.digits,
        "name": result.name,
        "regime": result.regime,
        "legal_basis": result.legal_basis,
        "period": result.period.code,
        "value_name": result.value_name,
        **_num("value", result.value),
        "predikat": _code(result.predikat),
        "predikat_label": _label(result.predikat),
        "predikat_2022": _code(result.predikat_2022),
        "predikat_2022_label": _label(result.predikat_2022),
        "detail": written,
        "explanation": [step_record(step) for step in result.steps],
    }
