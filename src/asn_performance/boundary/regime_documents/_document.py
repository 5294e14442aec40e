"""Reading a regime document (private module of the package): :class:`RegimeDocument`, the
document as domain objects, and the loaders :func:`load_regime_document` and :func:`load_any`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from asn_performance._kit.validate import check_text, check_type
from asn_performance.boundary._wire import (
    build,
    decimal_out,
    guarded,
    guarded_unwalked,
    listed_twice,
    repath,
    to_tuple,
    tuple_of,
    validate_model,
)
from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    document_from_unwalked,
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
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import Target
from asn_performance.exceptions import (
    MISSING,
    AsnPerformanceError,
    InputError,
    SchemaError,
)
from asn_performance.regimes import permenpanrb_8_2021 as pp30
from asn_performance.regimes import pp_46_2011 as pp46
from asn_performance.regimes.registry import (
    PERMENPANRB_6_2022,
)
from asn_performance.regimes.transition_2021 import (
    INPUTS_OF,
    INTEGRATION_2021,
    PREDIKAT_TABLES,
    REGIME_DOCUMENT_IDS,
    IntegrationInputs,
    Pp30Inputs,
    Pp30Skp,
    Pp46Inputs,
    Pp46Skp,
    RegimeEmployee,
    RegimeResult,
    check_period,
    compute_employee,
    optional_flag,
    peer_input,
)


def _check_regime(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in REGIME_DOCUMENT_IDS:
        raise unknown_regime(value, "regime")


@attrs.frozen(kw_only=True)
class RegimeDocument:
    """A regime document as domain objects: the regime, the period and the employees.

    Checked on construction: the regime is one of :data:`REGIME_DOCUMENT_IDS`; the period
    belongs to it (rule ``REGIME-PERIOD``: :func:`~asn_performance.regimes.registry.regime_for`
    for one regime, the calendar year 2021 for ``integration_2021``); every employee's inputs
    fit the regime; NIPs are unique; every PermenPANRB 8/2021 appraisal knows its
    ``with_peer_input``; an integration names its predikat table (:data:`PREDIKAT_TABLES`).
    """

    regime: str = attrs.field(validator=_check_regime)
    period: Period = attrs.field(validator=check_type(Period))
    employees: tuple[RegimeEmployee, ...] = attrs.field(
        converter=to_tuple, validator=tuple_of(RegimeEmployee)
    )
    title: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(500))
    )
    source: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(4000))
    )
    pp46_config: pp46.Pp46Config = attrs.field(
        default=pp46.DEFAULT_CONFIG, validator=check_type(pp46.Pp46Config)
    )
    with_peer_input: bool | None = attrs.field(default=None, validator=optional_flag)
    predikat_table: str | None = None

    def __attrs_post_init__(self) -> None:
        check_period(self.regime, self.period)
        integration = self.regime == INTEGRATION_2021
        if integration and self.predikat_table not in PREDIKAT_TABLES:
            raise InputError(
                "an integration_2021 document names the predikat table of the integrated value",
                path="predikat_table",
                value=self.predikat_table,
                rule="REGIME-2021-INTEGRATION",
                fix=f"use one of: {', '.join(repr(t) for t in PREDIKAT_TABLES)}",
            )
        if not integration and self.predikat_table is not None:
            raise InputError(
                "only an integration_2021 document has a predikat table",
                path="predikat_table",
                value=self.predikat_table,
                rule="REGIME-2021-INTEGRATION",
                fix="leave predikat_table out",
            )
        kind = INPUTS_OF[self.regime]
        seen: set[Nip] = set()
        for index, employee in enumerate(self.employees):
            here = f"employees[{index}]"
            if employee.nip in seen:
                raise listed_twice(
                    f"employee {employee.nip} is listed twice",
                    f"{here}.nip",
                    employee.nip.digits,
                    "list each employee once (two SKPs of one year go in one employee)",
                )
            seen.add(employee.nip)
            inputs = employee.inputs
            if not isinstance(inputs, kind):
                raise InputError(
                    f"the inputs of a {self.regime} document are {kind.__name__}",
                    path=f"{here}.inputs",
                    value=type(inputs).__name__,
                    rule="TYPE",
                    fix=f"pass {kind.__name__}",
                )
            second = inputs.second_half if isinstance(inputs, IntegrationInputs) else inputs
            if isinstance(second, Pp30Inputs) and peer_input(second, self.with_peer_input) is None:
                where = f"{here}.second_half" if integration else here
                raise InputError(
                    "the weights of the nilai kinerja depend on whether the instansi assesses"
                    " behaviour with peer and subordinate input (PP 30/2019 Pasal 41(3)-(4))",
                    path=f"{where}.with_peer_input",
                    value=None,
                    rule="PP30-NILAI-KINERJA",
                    fix="set with_peer_input for the document or the employee: true for 60/40,"
                    " false for 70/30",
                )

    def compute(self) -> tuple[RegimeResult, ...]:
        """One :class:`RegimeResult` per employee, in document order
        (:func:`~asn_performance.regimes.transition_2021.compute_employee`).

        Raises:
            AsnPerformanceError: an input the rule set refuses (RHK weights that do not sum
                to 100, a nilai perilaku above 120...), with the JSON path of the document
                (``$.employees[1].skp.utama``). :func:`load_regime_document` has already
                computed once, so a loaded document never raises here.
        """
        results: list[RegimeResult] = []
        for index, employee in enumerate(self.employees):
            try:
                result = compute_employee(
                    employee,
                    f"employees[{index}]",
                    regime=self.regime,
                    period=self.period,
                    pp46_config=self.pp46_config,
                    with_peer_input=self.with_peer_input,
                    predikat_table=self.predikat_table,
                )
            except AsnPerformanceError as error:
                if (error.path or "").startswith("$"):
                    raise
                raise repath(error, f"$.{error.path}") from None
            results.append(result)
        return tuple(results)


# --- reading -----------------------------------------------------------------------------------


def is_regime_document(data: Mapping[str, Any]) -> bool:
    """Whether ``data`` (a parsed document) is a regime document: it has a ``"regime"``
    field that is not ``"permenpanrb_6_2022"``. The command line dispatches on it."""
    return (
        isinstance(data, Mapping) and "regime" in data and data["regime"] != PERMENPANRB_6_2022.id
    )


def load_regime_document(source: str | bytes | Mapping[str, Any]) -> RegimeDocument:
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


def load_any(source: str | bytes | Mapping[str, Any]) -> AppraisalDocument | RegimeDocument:
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
    ) -> AppraisalDocument | RegimeDocument:
        if is_regime_document(data):
            return _regime_document(walked())

        def walked_unit() -> dict[str, Any]:
            return {key: value for key, value in walked().items() if key != "regime"}

        unit = {key: value for key, value in data.items() if key != "regime"}
        return document_from_unwalked(unit, walked_unit)

    # JSON text is parsed once (and not copied) by guarded_unwalked; the walk of its depth and
    # items only when the document is not read by parts (see document_from_unwalked)
    return guarded_unwalked(load, source)


def _regime_document(data: dict[str, Any]) -> RegimeDocument:
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
