"""Reading a regime document with its wire models (private module of the package): what
:func:`~asn_performance.boundary.regime_documents.load_regime_document` and
:func:`~asn_performance.boundary.regime_documents.load_any` call for a regime document. Kept
apart from :mod:`._document` so that reading an input document of PermenPANRB 6/2022 imports
neither pydantic nor the regime documents' models (issue 12).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

from asn_performance.boundary._wire import (
    build,
    decimal_out,
    validate_model,
)
from asn_performance.boundary.regime_documents._models import (
    MODELS,
    ActivityModel,
    IkiModel,
    IntegrationDocumentModel,
    IntegrationEmployeeModel,
    Pp30DocumentModel,
    Pp30EmployeeModel,
    Pp30HalfModel,
    Pp30SkpModel,
    Pp46BehaviourModel,
    Pp46ConfigModel,
    Pp46DocumentModel,
    Pp46EmployeeModel,
    Pp46HalfModel,
    Pp46SkpModel,
    unknown_regime,
)
from asn_performance.boundary.regime_documents._regime import RegimeDocument
from asn_performance.domain.plan import Target
from asn_performance.exceptions import (
    MISSING,
    SchemaError,
)
from asn_performance.regimes import permenpanrb_8_2021 as pp30
from asn_performance.regimes import pp_46_2011 as pp46
from asn_performance.regimes.transition_2021 import (
    REGIME_DOCUMENT_IDS,
    IntegrationInputs,
    Pp30Inputs,
    Pp30Skp,
    Pp46Inputs,
    Pp46Skp,
    RegimeEmployee,
)

__all__ = ["regime_document"]


def regime_document(data: dict[str, Any]) -> RegimeDocument:
    """The regime document ``data`` (a parsed document), validated by its wire model and
    built; errors at JSON paths."""
    if "regime" not in data:
        raise SchemaError(
            "the field 'regime' is required",
            path="$.regime",
            value=MISSING,
            rule="SCHEMA-missing",
            fix=f"add the field: one of {', '.join(repr(r) for r in REGIME_DOCUMENT_IDS)}",
        )
    regime = data["regime"]
    model_type = MODELS.get(regime) if isinstance(regime, str) else None
    if model_type is None:
        raise unknown_regime(regime, "$.regime")
    model = validate_model(model_type, data)
    options: dict[str, Any] = {}
    if isinstance(model, Pp46DocumentModel):
        employees = [
            _employee(e, _pp46_inputs(e.skps, e.behaviour, e.structural, f"$.employees[{j}]"))
            for j, e in enumerate(model.employees)
        ]
        options["pp46_config"] = _config(model.pp46_config)
    elif isinstance(model, Pp30DocumentModel):
        employees = [
            _employee(e, _pp30_inputs(e, f"$.employees[{j}]"))
            for j, e in enumerate(model.employees)
        ]
        options["with_peer_input"] = model.with_peer_input
    elif isinstance(model, IntegrationDocumentModel):
        employees = [
            _integration_employee(e, f"$.employees[{j}]") for j, e in enumerate(model.employees)
        ]
        options["with_peer_input"] = model.with_peer_input
        options["pp46_config"] = _config(model.pp46_config)
        options["predikat_table"] = model.predikat_table
    else:  # pragma: no cover - MODELS holds the three
        raise TypeError
    document = build(
        "$",
        RegimeDocument,
        regime=regime,
        period=model.period,
        employees=tuple(employees),
        title=model.title,
        source=model.source,
        **options,
    )
    document.compute()
    return document


def _employee(
    model: Pp46EmployeeModel | Pp30EmployeeModel | IntegrationEmployeeModel,
    inputs: Pp46Inputs | Pp30Inputs | IntegrationInputs,
) -> RegimeEmployee:
    return RegimeEmployee(model.nip, model.name, inputs)


#: The JSON names of the fields of :class:`~asn_performance.regimes.pp_46_2011.Activity`.
_ACTIVITY_RENAMES: Final = {
    "quantity_target": "kuantitas.target",
    "quantity_realisation": "kuantitas.realisation",
    "quality_target": "kualitas.target",
    "quality_realisation": "kualitas.realisation",
    "time_target": "waktu.target",
    "time_realisation": "waktu.realisation",
    "cost_target": "biaya.target",
    "cost_realisation": "biaya.realisation",
}


def _activity(model: ActivityModel, path: str) -> pp46.Activity:
    cost = model.biaya
    return build(
        path,
        pp46.Activity,
        model.name,
        model.kuantitas.target,
        model.kuantitas.realisation,
        model.kualitas.target,
        model.kualitas.realisation,
        model.waktu.target,
        model.waktu.realisation,
        None if cost is None else cost.target,
        None if cost is None else cost.realisation,
        renames=_ACTIVITY_RENAMES,
    )


def _pp46_inputs(
    skps: list[Pp46SkpModel], behaviour: Pp46BehaviourModel, structural: bool, path: str
) -> Pp46Inputs:
    built = []
    for k, skp in enumerate(skps):
        here = f"{path}.skps[{k}]"
        activities = tuple(
            _activity(item, f"{here}.activities[{m}]") for m, item in enumerate(skp.activities)
        )
        built.append(
            build(
                here, Pp46Skp, activities, skp.tugas_tambahan, tuple(skp.kreativitas), skp.jabatan
            )
        )
    scores = build(
        f"{path}.behaviour",
        pp46.BehaviourScores,
        behaviour.orientasi_pelayanan,
        behaviour.integritas,
        behaviour.komitmen,
        behaviour.disiplin,
        behaviour.kerja_sama,
        behaviour.kepemimpinan,
        structural=structural,
    )
    return build(path, Pp46Inputs, tuple(built), scores)


def _iki(model: IkiModel, path: str) -> pp30.IkiResult:
    target = build(path, Target, model.target.lower, model.target.upper, model.target.unit)
    return build(
        path,
        pp30.assess_iki,
        target,
        model.realisation,
        direction=model.direction,
        max_attainable=model.max_attainable,
        id=model.id,
    )


def _pp30_skp(model: Pp30SkpModel, path: str) -> Pp30Skp:
    utama = []
    for j, work in enumerate(model.utama):
        here = f"{path}.utama[{j}]"
        indicators = tuple(
            _iki(item, f"{here}.indicators[{k}]") for k, item in enumerate(work.indicators)
        )
        utama.append(build(here, pp30.UtamaWork, work.id, work.weight, indicators))
    tambahan = [
        build(
            f"{path}.tambahan[{j}]",
            pp30.TambahanWork,
            item.id,
            item.scope_weight,
            _iki(item.indicator, f"{path}.tambahan[{j}].indicator"),
        )
        for j, item in enumerate(model.tambahan)
    ]
    return build(path, Pp30Skp, tuple(utama), tuple(tambahan))


def _pp30_inputs(model: Pp30EmployeeModel | Pp30HalfModel, path: str) -> Pp30Inputs:
    if model.behaviour is None:
        raise _missing(f"{path}.behaviour")
    return build(
        path,
        Pp30Inputs,
        behaviour=model.behaviour,
        skp=None if model.skp is None else _pp30_skp(model.skp, f"{path}.skp"),
        nilai_skp=model.nilai_skp,
        with_peer_input=model.with_peer_input,
        innovation=model.innovation,
    )


def _missing(path: str) -> SchemaError:
    name = path.rsplit(".", 1)[-1]
    return SchemaError(
        f"the field {name!r} is required",
        path=path,
        value=MISSING,
        rule="SCHEMA-missing",
        fix="give the half's value, or its inputs in full",
    )


def _exclusive(model: Pp46HalfModel | Pp30HalfModel, path: str) -> None:
    """A half is its value or its inputs: an input given next to the value is refused."""
    if model.value is None:
        return
    for name in type(model).model_fields:
        if name != "value" and getattr(model, name) not in (None, False):
            raise SchemaError(
                f"the half is given by its value; {name!r} cannot be given with it",
                path=f"{path}.{name}",
                value=decimal_out(model.value),
                rule="SCHEMA-exclusive",
                fix="give either the value or the inputs of the half",
            )


def _integration_employee(model: IntegrationEmployeeModel, path: str) -> RegimeEmployee:
    first, second = model.first_half, model.second_half
    here = f"{path}.first_half"
    _exclusive(first, here)
    first_half: Pp46Inputs | Decimal
    if first.value is not None:
        first_half = first.value
    elif first.skps is None:
        raise _missing(f"{here}.skps" if first.behaviour is not None else f"{here}.value")
    elif first.behaviour is None:
        raise _missing(f"{here}.behaviour")
    else:
        first_half = _pp46_inputs(first.skps, first.behaviour, first.structural, here)
    here = f"{path}.second_half"
    _exclusive(second, here)
    second_half: Pp30Inputs | Decimal
    if second.value is not None:
        second_half = second.value
    elif second.skp is None and second.nilai_skp is None and second.behaviour is None:
        raise _missing(f"{here}.value")
    else:
        second_half = _pp30_inputs(second, here)
    inputs = build(
        path,
        IntegrationInputs,
        first_half=first_half,
        second_half=second_half,
        innovation=model.innovation,
    )
    return _employee(model, inputs)


def _config(model: Pp46ConfigModel | None) -> pp46.Pp46Config:
    if model is None:
        return pp46.DEFAULT_CONFIG
    options: dict[str, Any] = {"floor_at_zero": model.floor_at_zero, "skp_cap": model.skp_cap}
    if model.tugas_tambahan_tiers is not None:
        options["tugas_tambahan_tiers"] = tuple(
            (tier.min_count, tier.points) for tier in model.tugas_tambahan_tiers
        )
    if model.creativity_points is not None:
        options["creativity_points"] = dict(model.creativity_points)
    return build("$.pp46_config", pp46.Pp46Config, **options)
