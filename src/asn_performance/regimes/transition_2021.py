"""The appraisal year 2021 and the older regimes' inputs as domain objects (no JSON).

What a regime document holds for one employee, and how it is computed:

* :class:`Pp46Inputs` -- PP 46/2011 + Perka BKN 1/2013: one or two SKPs (:class:`Pp46Skp`)
  and the perilaku kerja;
* :class:`Pp30Inputs` -- PP 30/2019 + PermenPANRB 8/2021: the SKP (:class:`Pp30Skp`) or its
  nilai, the nilai perilaku, ``with_peer_input`` (Pasal 41(3)-(4)) and the innovation
  condition of Sangat Baik;
* :class:`IntegrationInputs` -- the split year 2021: the January-June half (PP 46/2011) and the
  July-December half (8/2021), each as its value or in full, integrated 50 % / 50 % [S14].

:func:`compute_employee` computes one employee (:class:`RegimeResult`); for 2021 the
integrated value takes the predikat of the table the document chooses
(:func:`integrated_predikat`: PP 30/2019 Pasal 41(5), the PP 46/2011 bands, or none -- the
source of the 50/50 rule names none, UNCONFIRMED). :func:`check_period` checks that a period
belongs to a regime (rule ``REGIME-PERIOD``). Errors name the place inside the document
(``employees[1].skp.utama``); the JSON boundary
(:mod:`asn_performance.boundary.regime_documents`) puts them at the JSON path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from asn_performance._kit.exact import quantize, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.plain import code_of, label_of, value_and_shown
from asn_performance._kit.validate import build, check_text, check_type, to_tuple, tuple_of
from asn_performance.domain.explanation import Explanation, Step, rules_by_id
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import (
    MISSING,
    AppraisalError,
    DuplicateError,
    InputError,
)
from asn_performance.regimes import permenpanrb_8_2021 as pp30
from asn_performance.regimes import pp_46_2011 as pp46
from asn_performance.regimes.pp_46_2011.skp import creativity_levels
from asn_performance.regimes.registry import (
    PERMENPANRB_8_2021,
    PP46_2011,
    Integration2021,
    integrate_2021,
    regime_for,
)

__all__ = [
    "INPUTS_OF",
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
    "check_period",
    "compute_employee",
    "integrated_predikat",
    "optional_flag",
    "peer_input",
]


_RULE = rules_by_id(pp46.RULES, pp30.RULES)

#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.PP46-PREDIKAT.table_chosen": "table chosen by the document (predikat_table)",
        "step.PP46-PREDIKAT.table_source": "the source of the 50/50 rule names none (UNCONFIRMED)",
        "step.PP30-PREDIKAT.table_chosen": "table chosen by the document (predikat_table)",
        "step.PP30-PREDIKAT.table_source": "the source of the 50/50 rule names none (UNCONFIRMED)",
    }
)

#: The ``"regime"`` of a document for the 2021 split year (not a rule set of its own: the two
#: halves each follow theirs and are integrated 50 % / 50 % [S14]).
INTEGRATION_2021: Final = "integration_2021"

#: The ``"regime"`` values this module reads, oldest first. A PermenPANRB 6/2022 document is
#: read by :func:`asn_performance.boundary.appraisal_document.load_document` (or :func:`load_any`).
REGIME_DOCUMENT_IDS: Final = (PP46_2011.id, PERMENPANRB_8_2021.id, INTEGRATION_2021)

#: The predikat tables an ``integration_2021`` document may apply to the integrated value:
#: PP 30/2019 Pasal 41(5) (the rule in force at the end of 2021), the PP 46/2011 bands, or
#: none. The source of the 50/50 rule names none, so the document must choose (UNCONFIRMED;
#: ``docs/how-to/recompute-2021.md``).
PREDIKAT_TABLES: Final = (PERMENPANRB_8_2021.id, PP46_2011.id, "none")

_YEAR_2021: Final = (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


def _creativity(value: object) -> tuple[pp46.CreativityLevel, ...]:
    return creativity_levels(value)  # type: ignore[arg-type]  # refuses what is not a level


@attrs.frozen
class Pp46Skp:
    """One PP 46/2011 SKP: the activities, the tugas tambahan count and the kreativitas."""

    activities: tuple[pp46.Activity, ...] = attrs.field(
        converter=to_tuple, validator=tuple_of(pp46.Activity)
    )
    tugas_tambahan: int = 0
    kreativitas: tuple[pp46.CreativityLevel, ...] = attrs.field(default=(), converter=_creativity)
    jabatan: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(200))
    )


@attrs.frozen
class Pp46Inputs:
    """What a PP 46/2011 appraisal needs: one SKP (two for two positions) and the behaviour.

    The structural flag (6 behaviour aspects) is ``behaviour.structural``.
    """

    skps: tuple[Pp46Skp, ...] = attrs.field(converter=to_tuple, validator=tuple_of(Pp46Skp))
    behaviour: pp46.BehaviourScores = attrs.field(validator=check_type(pp46.BehaviourScores))

    def __attrs_post_init__(self) -> None:
        if not 1 <= len(self.skps) <= 2:
            raise InputError(
                "a PP 46/2011 appraisal has one SKP, or two when the employee held two"
                " positions in the year",
                path="skps",
                value=len(self.skps),
                rule="PP46-SKP-AVERAGE",
                fix="give one SKP, or the two SKPs of the year",
            )


def _check_unique(ids: list[tuple[str, str]], noun: str) -> None:
    seen: set[str] = set()
    for ident, path in ids:
        if ident in seen:
            raise DuplicateError(
                f"two {noun}s share the id {ident!r}",
                path=path,
                value=ident,
                rule="PLAN-UNIQUE-ID",
                fix=f"give each {noun} its own id",
            )
        seen.add(ident)


@attrs.frozen
class Pp30Skp:
    """The SKP of PermenPANRB 8/2021: RHK utama (weights summing to 100) and tambahan."""

    utama: tuple[pp30.UtamaWork, ...] = attrs.field(
        converter=to_tuple, validator=tuple_of(pp30.UtamaWork)
    )
    tambahan: tuple[pp30.TambahanWork, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(pp30.TambahanWork)
    )

    def __attrs_post_init__(self) -> None:
        works = [(w.id, f"utama[{j}].id") for j, w in enumerate(self.utama)]
        works += [(t.id, f"tambahan[{j}].id") for j, t in enumerate(self.tambahan)]
        _check_unique(works, "work result")
        indicators = [
            (iki.id, f"utama[{j}].indicators[{k}].id")
            for j, w in enumerate(self.utama)
            for k, iki in enumerate(w.indicators)
        ]
        indicators += [
            (t.indicator.id, f"tambahan[{j}].indicator.id") for j, t in enumerate(self.tambahan)
        ]
        _check_unique(indicators, "indicator")


def optional_flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: the value is True, False or None."""
    if value is not None and not isinstance(value, bool):
        raise InputError(
            f"{attribute.name} is True, False or None",
            path=attribute.name,
            value=value,
            rule="TYPE",
            fix="pass a bool, or None",
        )


def _behaviour_value(value: object) -> Decimal:
    return to_decimal(value, field="behaviour", allow_negative=False)


def _nilai_skp(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value, field="nilai_skp", allow_negative=False)


@attrs.frozen(kw_only=True)
class Pp30Inputs:
    """What a PermenPANRB 8/2021 appraisal needs: the SKP (or its value) and the behaviour.

    ``with_peer_input`` ``None`` takes the document's value.
    """

    behaviour: Decimal = attrs.field(converter=_behaviour_value)
    skp: Pp30Skp | None = attrs.field(default=None, validator=check_type(Pp30Skp, optional=True))
    nilai_skp: Decimal | None = attrs.field(default=None, converter=_nilai_skp)
    with_peer_input: bool | None = attrs.field(default=None, validator=optional_flag)
    innovation: bool = attrs.field(default=False, validator=check_type(bool))

    def __attrs_post_init__(self) -> None:
        if (self.skp is None) == (self.nilai_skp is None):
            raise InputError(
                "give the SKP or the nilai SKP, not both"
                if self.skp is not None
                else "the SKP or the nilai SKP is required",
                path="nilai_skp" if self.skp is not None else "skp",
                value=MISSING if self.nilai_skp is None else str(self.nilai_skp),
                rule="8/2021-NILAI-SKP",
                fix="give either skp (the RHK and IKI) or nilai_skp",
            )


def _first_half(value: object) -> object:
    if isinstance(value, Pp46Inputs):
        return value
    return to_decimal(value, field="first_half.value", allow_negative=False)


def _second_half(value: object) -> object:
    if isinstance(value, Pp30Inputs):
        return value
    return to_decimal(value, field="second_half.value", allow_negative=False)


def _half_type(kind: type) -> Any:
    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, (kind, Decimal)):
            raise InputError(
                f"must be a {kind.__name__} or the half's value",
                path=attribute.name,
                value=type(value).__name__,
                rule="TYPE",
                fix=f"pass a {kind.__name__} or a Decimal",
            )

    return validate


@attrs.frozen(kw_only=True)
class IntegrationInputs:
    """The two halves of 2021: each its value (a :class:`~decimal.Decimal`) or its inputs.

    ``innovation`` ``None``: the second half's flag when it is given in full, else False.
    """

    first_half: Pp46Inputs | Decimal = attrs.field(
        converter=_first_half, validator=_half_type(Pp46Inputs)
    )
    second_half: Pp30Inputs | Decimal = attrs.field(
        converter=_second_half, validator=_half_type(Pp30Inputs)
    )
    innovation: bool | None = attrs.field(default=None, validator=optional_flag)


#: The inputs class of each regime document.
INPUTS_OF: Final[Mapping[str, type]] = {
    PP46_2011.id: Pp46Inputs,
    PERMENPANRB_8_2021.id: Pp30Inputs,
    INTEGRATION_2021: IntegrationInputs,
}


@attrs.frozen
class RegimeEmployee:
    """An employee of a regime document: NIP, name and the inputs of the document's regime."""

    nip: Nip = attrs.field(validator=check_type(Nip))
    name: str = attrs.field(validator=check_text(200))
    inputs: Pp46Inputs | Pp30Inputs | IntegrationInputs = attrs.field(
        validator=check_type((Pp46Inputs, Pp30Inputs, IntegrationInputs))
    )


# --- computing ---------------------------------------------------------------------------------


def compute_employee(
    employee: RegimeEmployee,
    where: str,
    *,
    regime: str,
    period: Period,
    pp46_config: pp46.Pp46Config = pp46.DEFAULT_CONFIG,
    with_peer_input: bool | None = None,
    predikat_table: str | None = None,
) -> RegimeResult:
    """The result of one employee of a regime document (``regime``, ``period``).

    ``with_peer_input`` is the document's value (an employee's own value wins); a
    :class:`Pp30Inputs` needs one of the two. ``predikat_table`` is the table of an
    integration's value (:data:`PREDIKAT_TABLES`). An error comes out under ``where``, the
    employee's place in the document (``employees[1]``).
    """
    inputs = employee.inputs
    settings = _Settings(pp46_config, with_peer_input, predikat_table)
    detail: pp46.Pp46Result | pp30.KinerjaResult | IntegrationResult
    if isinstance(inputs, Pp46Inputs):
        detail = settings.assess_pp46(inputs, where)
    elif isinstance(inputs, Pp30Inputs):
        detail = settings.assess_pp30(inputs, where)
    else:
        detail = settings.integrate(inputs, where)
    return RegimeResult(
        nip=employee.nip,
        name=employee.name,
        regime=regime,
        period=period,
        value=detail.value,
        predikat=detail.predikat,
        predikat_2022=detail.predikat_2022,
        steps=detail.steps,
        detail=detail,
    )


def peer_input(inputs: Pp30Inputs, with_peer_input: bool | None) -> bool | None:
    """Whether behaviour is assessed with peer and subordinate input: the employee's own
    ``with_peer_input``, else the document's (``None``: neither says)."""
    return with_peer_input if inputs.with_peer_input is None else inputs.with_peer_input


@attrs.frozen
class _Settings:
    """The document's settings one computation uses."""

    pp46_config: pp46.Pp46Config
    with_peer_input: bool | None
    predikat_table: str | None

    def assess_pp46(self, inputs: Pp46Inputs, path: str) -> pp46.Pp46Result:
        skps = [
            build(
                f"{path}.skps[{k}]",
                pp46.assess_skp,
                skp.activities,
                tugas_tambahan=skp.tugas_tambahan,
                kreativitas=skp.kreativitas,
                config=self.pp46_config,
            )
            for k, skp in enumerate(inputs.skps)
        ]
        behaviour = build(f"{path}.behaviour", pp46.assess_behaviour, inputs.behaviour)
        return build(path, pp46.work_achievement, skps, behaviour)

    def assess_pp30(self, inputs: Pp30Inputs, path: str) -> pp30.KinerjaResult:
        skp: pp30.SkpResult | Decimal | None = inputs.nilai_skp
        if inputs.skp is not None:
            skp = build(f"{path}.skp", pp30.assess_skp, inputs.skp.utama, inputs.skp.tambahan)
        peer = peer_input(inputs, self.with_peer_input)
        if skp is None or peer is None:  # pragma: no cover - refused on construction
            raise AssertionError
        return build(
            path,
            pp30.performance_value,
            skp,
            inputs.behaviour,
            with_peer_input=peer,
            innovation=inputs.innovation,
            renames={"nilai_perilaku": "behaviour", "nilai_skp": "nilai_skp"},
        )

    def integrate(self, inputs: IntegrationInputs, path: str) -> IntegrationResult:
        first = second = None
        steps: list[Step] = []
        if isinstance(inputs.first_half, Pp46Inputs):
            first = self.assess_pp46(inputs.first_half, f"{path}.first_half")
            steps.extend(first.steps)
            if first.value < 0:
                raise AppraisalError(
                    "the January-June nilai prestasi kerja is below 0, and the 50/50 integration"
                    " takes values of at least 0 (the PP 46/2011 waktu and biaya formula goes"
                    " below 0 when a realisation exceeds 1.76 × its target)",
                    path=f"{path}.first_half",
                    value=str(first.value_shown),
                    rule="REGIME-2021-INTEGRATION",
                    fix="check the waktu and biaya realisations, or set pp46_config.floor_at_zero",
                )
        if isinstance(inputs.second_half, Pp30Inputs):
            second = self.assess_pp30(inputs.second_half, f"{path}.second_half")
            steps.extend(second.steps)
        integration = build(
            path,
            integrate_2021,
            inputs.first_half if first is None else first.value,
            inputs.second_half if second is None else second.value,
            renames={
                "first_half_value": "first_half.value",
                "second_half_value": "second_half.value",
            },
        )
        steps.extend(integration.steps)
        innovation = inputs.innovation
        if innovation is None:
            innovation = second.innovation if second is not None else False
        predikat, predikat_2022, more = integrated_predikat(
            integration.value, self.predikat_table, innovation
        )
        steps.extend(more)
        return IntegrationResult(
            first_half=first,
            second_half=second,
            integration=integration,
            predikat_table=self.predikat_table or "none",
            innovation=innovation,
            predikat=predikat,
            predikat_2022=predikat_2022,
            steps=tuple(steps),
        )


def check_period(regime: str, period: Period) -> None:
    """Raise an AppraisalError (rule ``REGIME-PERIOD``, at ``period``) unless ``period``
    belongs to ``regime``: its regime by date, the calendar year 2021 for ``integration_2021``."""
    if regime == INTEGRATION_2021:
        if (period.start, period.end) != _YEAR_2021:
            raise AppraisalError(
                f"an integration_2021 document covers the calendar year 2021, not {period.code}",
                path="period",
                value=period.code,
                rule="REGIME-PERIOD",
                fix='give the period "2021", or use the regime of the period',
            )
        return
    try:
        found = regime_for(period)
    except AppraisalError as error:
        if (period.start, period.end) == _YEAR_2021:
            error.fix = (
                f'use "regime": "{INTEGRATION_2021}" for the whole of 2021 (two halves'
                " integrated 50/50), or give the half year under its own regime"
            )
        raise
    if found.id != regime:
        expected = PP46_2011 if regime == PP46_2011.id else PERMENPANRB_8_2021
        raise AppraisalError(
            f"the period {period.code} falls under {found.legal_basis}, not under the"
            f" document's {expected.legal_basis}",
            path="period",
            value=period.code,
            rule="REGIME-PERIOD",
            fix=f"give a period from {expected.valid_from.isoformat()} to"
            f" {expected.valid_to.isoformat() if expected.valid_to else 'now'}, or appraise"
            f" {period.code} under its own regime ({found.id})",
        )


#: The note of the predikat step of an integrated 2021 value (after the table's own note).
_TABLE_NOTE: Final = (
    "table chosen by the document (predikat_table); the source of the 50/50 rule names"
    " none (UNCONFIRMED)"
)


def integrated_predikat(
    value: Decimal, table: str | None, innovation: bool
) -> tuple[pp46.Pp46Predikat | pp30.Pp30Predikat | None, Predikat | None, tuple[Step, ...]]:
    """The predikat of the integrated 2021 value by the table the document chose."""
    note = _TABLE_NOTE
    shown = str(quantize(value))
    if table == PERMENPANRB_8_2021.id:
        found = pp30.predikat_for(value, innovation=innovation)
        step = Step(
            _RULE["PP30-PREDIKAT"],
            "predikat",
            (("nilai integrasi 2021", shown), ("inovasi", "ya" if innovation else "tidak")),
            found.label_id,
            f"Pasal 41(5); {note}",
        )
        return found, pp30.TO_2022[found], (step, pp30.conversion_step(found))
    if table == PP46_2011.id:
        old = pp46.predikat_for(value)
        step = Step(
            _RULE["PP46-PREDIKAT"],
            "predikat",
            (("nilai integrasi 2021", shown),),
            old.label_id,
            f"> 90, > 75, > 60, > 50 (D6); {note}",
        )
        return old, pp46.TO_2022[old], (step, pp46.conversion_step(old))
    return None, None, ()


def _half_dict(
    regime: str, value: Decimal, computed: pp46.Pp46Result | pp30.KinerjaResult | None
) -> dict[str, Any]:
    """One half of 2021 as written: its regime, its value and what was computed of it."""
    return {
        "regime": regime,
        **value_and_shown("value", value),
        "computed": None if computed is None else computed.to_dict(),
    }


@attrs.frozen
class IntegrationResult:
    """The 2021 integration of one employee: the halves computed here (``None`` when the
    document gave the half's value), the 50/50 value and the predikat of the chosen table."""

    first_half: pp46.Pp46Result | None
    second_half: pp30.KinerjaResult | None
    integration: Integration2021
    predikat_table: str
    innovation: bool
    predikat: pp46.Pp46Predikat | pp30.Pp30Predikat | None
    predikat_2022: Predikat | None
    steps: tuple[Step, ...]

    @property
    def value(self) -> Decimal:
        """The integrated value, unrounded."""
        return self.integration.value

    def to_dict(self) -> dict[str, Any]:
        """The plain record: each half with its regime, its value (unrounded and as shown)
        and what was computed of it (``None`` when the document gave the value), the
        predikat table and the innovation condition."""
        integration = self.integration
        return {
            "first_half": _half_dict(PP46_2011.id, integration.first_half, self.first_half),
            "second_half": _half_dict(
                PERMENPANRB_8_2021.id, integration.second_half, self.second_half
            ),
            "predikat_table": self.predikat_table,
            "innovation": self.innovation,
        }


@attrs.frozen
class RegimeResult:
    """The result of one employee of a regime document.

    ``value`` is the nilai prestasi kerja (PP 46/2011), the nilai kinerja (PermenPANRB
    8/2021) or the integrated value of 2021, unrounded; ``predikat`` the regime's own
    (``None`` for an integration whose document applies no table), ``predikat_2022`` its
    conversion to the 2022 scale; ``detail`` the rule set's own result with every
    intermediate value.
    """

    nip: Nip
    name: str
    regime: str
    period: Period
    value: Decimal
    predikat: pp46.Pp46Predikat | pp30.Pp30Predikat | None
    predikat_2022: Predikat | None
    steps: tuple[Step, ...]
    detail: pp46.Pp46Result | pp30.KinerjaResult | IntegrationResult

    @property
    def value_shown(self) -> Decimal:
        """The value as shown: 2 places, half-up (decision D5)."""
        return quantize(self.value)

    @property
    def explanation(self) -> Explanation:
        """The steps as an :class:`~asn_performance.domain.explanation.Explanation`."""
        return Explanation(self.steps)

    @property
    def legal_basis(self) -> str:
        """The legal basis of the regime, for a reader."""
        return _LEGAL_BASIS[self.regime]

    @property
    def value_name(self) -> str:
        """What the value is called under the regime."""
        return _VALUE_NAMES[self.regime]

    def to_dict(self) -> dict[str, Any]:
        """The plain record: who, the regime and its legal basis, the period, the value
        (unrounded and as shown), the predikat and its 2022 equivalent (code and Indonesian
        label), every intermediate value (``"detail"``) and the steps."""
        return {
            "nip": self.nip.digits,
            "name": self.name,
            "regime": self.regime,
            "legal_basis": self.legal_basis,
            "period": self.period.code,
            "value_name": self.value_name,
            **value_and_shown("value", self.value),
            "predikat": code_of(self.predikat),
            "predikat_label": label_of(self.predikat),
            "predikat_2022": code_of(self.predikat_2022),
            "predikat_2022_label": label_of(self.predikat_2022),
            "detail": self.detail.to_dict(),
            "explanation": [step.to_dict() for step in self.steps],
        }


_LEGAL_BASIS: Final[Mapping[str, str]] = {
    PP46_2011.id: PP46_2011.legal_basis,
    PERMENPANRB_8_2021.id: PERMENPANRB_8_2021.legal_basis,
    INTEGRATION_2021: f"{PP46_2011.legal_basis} (Januari-Juni) and"
    f" {PERMENPANRB_8_2021.legal_basis} (Juli-Desember), 50 % / 50 %",
}
_VALUE_NAMES: Final[Mapping[str, str]] = {
    PP46_2011.id: "nilai_prestasi_kerja",
    PERMENPANRB_8_2021.id: "nilai_kinerja",
    INTEGRATION_2021: "nilai_integrasi_2021",
}
