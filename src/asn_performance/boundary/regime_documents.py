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
PermenPANRB 6/2022 input document of :mod:`asn_performance.boundary.appraisal_document` -- parsing the text once.

The machinery of :mod:`asn_performance.boundary.appraisal_document` is reused as it is: exact decimals (JSON
strings, or JSON numbers parsed as :class:`~decimal.Decimal`; floats, NaN and Infinity
refused), duplicate keys and over-deep nesting refused, and every problem raised as an
:class:`~asn_performance.exceptions.AsnPerformanceError` whose ``path`` is a JSON path such as
``$.employees[2].skps[0].activities[1].waktu.target``. A period that does not belong to the
document's regime is an :class:`~asn_performance.exceptions.AppraisalError` with the rule
``REGIME-PERIOD`` at ``$.period``. See ``docs/reference/regime-documents.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Final, Literal

import attrs
from pydantic import BaseModel, ConfigDict, Field, Strict

from asn_performance._kit.exact import quantize, to_decimal
from asn_performance._kit.validate import check_text, check_type
from asn_performance.boundary.appraisal_document import (
    _CODE,
    _DRAFT,
    MAX_ITEMS,
    AppraisalDocument,
    DecimalValue,
    DirectionValue,
    Id,
    LongText,
    Name,
    NipValue,
    PeriodValue,
    TargetModel,
    Title,
    _build,
    _decimal_out,
    _distinct_keys,
    _document,
    _each,
    _guarded,
    _labelled,
    _labelled_schema,
    _Model,
    _require,
    _source,
    _step_dict,
    _str,
    _to_tuple,
    _validate,
    input_json_schema,
)
from asn_performance.domain.explanation import Explanation, Step
from asn_performance.domain.explanation import rules_by_id
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import Direction, Target
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import (
    MISSING,
    AppraisalError,
    DuplicateError,
    InputError,
    LabelError,
    SchemaError,
)
from asn_performance.regimes import permenpanrb_8_2021 as pp30
from asn_performance.regimes import pp_46_2011 as pp46
from asn_performance.regimes.registry import (
    PERMENPANRB_6_2022,
    PERMENPANRB_8_2021,
    PP46_2011,
    Integration2021,
    integrate_2021,
    regime_for,
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

_RULE = rules_by_id(pp46.RULES, pp30.RULES)

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


# --- wire models -------------------------------------------------------------------------------

_Flag = Annotated[bool, Strict()]
_Count = Annotated[int, Strict(), Field(ge=0, le=10_000)]
_Source = Annotated[str, Strict(), _str(4000)]
CreativityValue = Annotated[
    pp46.CreativityLevel,
    _labelled(pp46.CreativityLevel),
    _CODE,
    _labelled_schema(pp46.CreativityLevel, "Tingkat kreativitas (each recognised with its SK)"),
]


class AspectModel(_Model):
    """Target and realisation of one aspect of an activity."""

    model_config = ConfigDict(title="Target dan realisasi (aspek kegiatan)")

    target: DecimalValue = Field(description="The target (TO, TK, TW or TB), above 0.")
    realisation: DecimalValue = Field(
        description="The realisation (RO, RK, RW or RB), at least 0; 0 means not done."
    )


class ActivityModel(_Model):
    """A *kegiatan tugas jabatan* of a PP 46/2011 SKP (Perka BKN 1/2013)."""

    model_config = ConfigDict(title="Kegiatan tugas jabatan (PP 46/2011)")

    name: LongText
    kuantitas: AspectModel = Field(description="Kuantitas output: TO and RO.")
    kualitas: AspectModel = Field(description="Kualitas / mutu: TK and RK (usually TK = 100).")
    waktu: AspectModel = Field(description="Waktu: TW and RW (usually months).")
    biaya: AspectModel | None = Field(
        default=None, description="Biaya: TB and RB in rupiah; leave out when not assessed."
    )


class Pp46SkpModel(_Model):
    """One PP 46/2011 SKP: its activities, tugas tambahan and kreativitas."""

    model_config = ConfigDict(title="SKP (PP 46/2011)")

    jabatan: Name | None = Field(default=None, description="The position the SKP was for.")
    activities: list[ActivityModel] = Field(min_length=1, max_length=MAX_ITEMS)
    tugas_tambahan: _Count = Field(
        default=0, description="Number of tugas tambahan with a surat perintah (decision D7)."
    )
    kreativitas: list[CreativityValue] = Field(
        default=[], max_length=MAX_ITEMS, description="One level per kreativitas (decision D7)."
    )


class Pp46BehaviourModel(_Model):
    """*Perilaku kerja* values, 0-100; kepemimpinan only for a structural position (D8)."""

    model_config = ConfigDict(title="Perilaku kerja (PP 46/2011)")

    orientasi_pelayanan: DecimalValue
    integritas: DecimalValue
    komitmen: DecimalValue
    disiplin: DecimalValue
    kerja_sama: DecimalValue
    kepemimpinan: DecimalValue | None = Field(
        default=None, description="Required for a structural position, refused otherwise."
    )


_STRUCTURAL_HELP: Final = "The employee held a structural position: 6 behaviour aspects (D8)."
_SKPS_HELP: Final = "One SKP, or two when the employee held two positions (simple mean, [S23])."


class Pp46EmployeeModel(_Model):
    """An employee appraised under PP 46/2011 + Perka BKN 1/2013."""

    model_config = ConfigDict(title="Pegawai (PP 46/2011)")

    nip: NipValue
    name: Name
    structural: _Flag = Field(default=False, description=_STRUCTURAL_HELP)
    skps: list[Pp46SkpModel] = Field(min_length=1, max_length=2, description=_SKPS_HELP)
    behaviour: Pp46BehaviourModel


class TierModel(_Model):
    """Points for a number of tugas tambahan from ``min_count`` on."""

    model_config = ConfigDict(title="Tingkat tugas tambahan")

    min_count: Annotated[int, Strict(), Field(ge=1, le=10_000)]
    points: DecimalValue


class Pp46ConfigModel(_Model):
    """The library's PP 46/2011 defaults where the Perka text was not seen (D7), changed."""

    model_config = ConfigDict(title="Konfigurasi PP 46/2011 (decision D7)")

    tugas_tambahan_tiers: list[TierModel] | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description="Highest count first; default 7 → 3, 4 → 2, 1 → 1.",
    )
    creativity_points: (
        Annotated[
            dict[CreativityValue, DecimalValue],
            Field(max_length=10),
            _distinct_keys(pp46.CreativityLevel),
        ]
        | None
    ) = Field(default=None, description="Default unit_kerja 3, instansi 6, nasional 12.")
    skp_cap: DecimalValue | None = Field(
        default=None, description="A cap on the nilai capaian SKP; default none."
    )
    floor_at_zero: _Flag = Field(
        default=False, description="Floor waktu and biaya at 0 (default: the formula as written)."
    )


class IkiModel(_Model):
    """An *Indikator Kinerja Individu* with its realisation (PermenPANRB 8/2021)."""

    model_config = ConfigDict(title="IKI (PermenPANRB 8/2021)")

    id: Id
    target: TargetModel
    realisation: DecimalValue
    direction: DirectionValue = Direction.HIGHER_IS_BETTER
    max_attainable: _Flag = Field(
        default=False, description="The target is the maximum attainable (Lampiran (i))."
    )


class UtamaModel(_Model):
    """A *rencana kinerja utama* with its weight (bobot, %; the weights sum to 100)."""

    model_config = ConfigDict(title="Rencana kinerja utama (PermenPANRB 8/2021)")

    id: Id
    weight: DecimalValue
    indicators: list[IkiModel] = Field(min_length=1, max_length=MAX_ITEMS)


class TambahanModel(_Model):
    """A *rencana kinerja tambahan* with its *bobot lingkup penugasan* (%)."""

    model_config = ConfigDict(title="Rencana kinerja tambahan (PermenPANRB 8/2021)")

    id: Id
    scope_weight: DecimalValue
    indicator: IkiModel


class Pp30SkpModel(_Model):
    """The SKP of PermenPANRB 8/2021: RHK utama and kinerja tambahan."""

    model_config = ConfigDict(title="SKP (PermenPANRB 8/2021)")

    utama: list[UtamaModel] = Field(min_length=1, max_length=MAX_ITEMS)
    tambahan: list[TambahanModel] = Field(default=[], max_length=MAX_ITEMS)


_PEER_HELP: Final = (
    "Whether the instansi assesses behaviour with peer and subordinate input: 60/40"
    " (Pasal 41(4)); otherwise 70/30 (Pasal 41(3)). Null: the document's value."
)
_NILAI_SKP_HELP: Final = "The nilai SKP itself (0-130), instead of the skp object."


class Pp30EmployeeModel(_Model):
    """An employee appraised under PP 30/2019 + PermenPANRB 8/2021."""

    model_config = ConfigDict(title="Pegawai (PermenPANRB 8/2021)")

    nip: NipValue
    name: Name
    skp: Pp30SkpModel | None = None
    nilai_skp: DecimalValue | None = Field(default=None, description=_NILAI_SKP_HELP)
    behaviour: DecimalValue = Field(description="Nilai perilaku kerja, 0-120.")
    with_peer_input: _Flag | None = Field(default=None, description=_PEER_HELP)
    innovation: _Flag = Field(default=False, description="Innovation shown (Pasal 41(5)(a)).")


class Pp46HalfModel(_Model):
    """January-June 2021: the nilai prestasi kerja, or the PP 46/2011 inputs."""

    model_config = ConfigDict(title="Januari-Juni 2021 (PP 46/2011)")

    value: DecimalValue | None = Field(default=None, description="The nilai prestasi kerja.")
    structural: _Flag = Field(default=False, description=_STRUCTURAL_HELP)
    skps: list[Pp46SkpModel] | None = Field(
        default=None, min_length=1, max_length=2, description=_SKPS_HELP
    )
    behaviour: Pp46BehaviourModel | None = None


class Pp30HalfModel(_Model):
    """July-December 2021: the nilai kinerja, or the PermenPANRB 8/2021 inputs."""

    model_config = ConfigDict(title="Juli-Desember 2021 (PermenPANRB 8/2021)")

    value: DecimalValue | None = Field(default=None, description="The nilai kinerja.")
    skp: Pp30SkpModel | None = None
    nilai_skp: DecimalValue | None = Field(default=None, description=_NILAI_SKP_HELP)
    behaviour: DecimalValue | None = Field(default=None, description="Nilai perilaku, 0-120.")
    with_peer_input: _Flag | None = Field(default=None, description=_PEER_HELP)
    innovation: _Flag = False


class IntegrationEmployeeModel(_Model):
    """An employee of 2021: the two halves, each as its value or in full."""

    model_config = ConfigDict(title="Pegawai (integrasi 2021)")

    nip: NipValue
    name: Name
    first_half: Pp46HalfModel
    second_half: Pp30HalfModel
    innovation: _Flag | None = Field(
        default=None,
        description="Innovation for the integrated predikat under Pasal 41(5); null: the"
        " second half's, when given in full, else false.",
    )


_PERIOD_HELP: Final = "Periode penilaian; it must lie within the dates of the regime."


class Pp46DocumentModel(_Model):
    """A regime document: employees appraised under PP 46/2011 + Perka BKN 1/2013."""

    model_config = ConfigDict(title="Dokumen penilaian prestasi kerja (PP 46/2011)")

    schema_version: Literal["1"] = "1"
    regime: Literal["pp46_2011"]
    title: Title | None = None
    source: _Source | None = Field(default=None, description="Where the data come from.")
    period: PeriodValue = Field(description=_PERIOD_HELP)
    pp46_config: Pp46ConfigModel | None = None
    employees: list[Pp46EmployeeModel] = Field(min_length=1, max_length=MAX_ITEMS)


class Pp30DocumentModel(_Model):
    """A regime document: employees appraised under PP 30/2019 + PermenPANRB 8/2021."""

    model_config = ConfigDict(title="Dokumen penilaian kinerja (PermenPANRB 8/2021)")

    schema_version: Literal["1"] = "1"
    regime: Literal["permenpanrb_8_2021"]
    title: Title | None = None
    source: _Source | None = Field(default=None, description="Where the data come from.")
    period: PeriodValue = Field(description=_PERIOD_HELP)
    with_peer_input: _Flag | None = Field(default=None, description=_PEER_HELP)
    employees: list[Pp30EmployeeModel] = Field(min_length=1, max_length=MAX_ITEMS)


class IntegrationDocumentModel(_Model):
    """A regime document for 2021: January-June and July-December integrated 50/50 [S14]."""

    model_config = ConfigDict(title="Dokumen integrasi nilai 2021")

    schema_version: Literal["1"] = "1"
    regime: Literal["integration_2021"]
    title: Title | None = None
    source: _Source | None = Field(default=None, description="Where the data come from.")
    period: PeriodValue = Field(description='The calendar year 2021: "2021".')
    predikat_table: Literal["permenpanrb_8_2021", "pp46_2011", "none"] = Field(
        description="The predikat table for the integrated value (the source names none)."
    )
    with_peer_input: _Flag | None = Field(default=None, description=_PEER_HELP)
    pp46_config: Pp46ConfigModel | None = None
    employees: list[IntegrationEmployeeModel] = Field(min_length=1, max_length=MAX_ITEMS)


_MODELS: Final[Mapping[str, type[BaseModel]]] = {
    PP46_2011.id: Pp46DocumentModel,
    PERMENPANRB_8_2021.id: Pp30DocumentModel,
    INTEGRATION_2021: IntegrationDocumentModel,
}


# --- domain objects ----------------------------------------------------------------------------


def _creativity(value: object) -> tuple[pp46.CreativityLevel, ...]:
    return pp46._levels(value)  # type: ignore[arg-type]  # _levels refuses what is not a level


@attrs.frozen
class Pp46Skp:
    """One PP 46/2011 SKP: the activities, the tugas tambahan count and the kreativitas."""

    activities: tuple[pp46.Activity, ...] = attrs.field(
        converter=_to_tuple, validator=_each(pp46.Activity)
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

    skps: tuple[Pp46Skp, ...] = attrs.field(converter=_to_tuple, validator=_each(Pp46Skp))
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
        converter=_to_tuple, validator=_each(pp30.UtamaWork)
    )
    tambahan: tuple[pp30.TambahanWork, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_each(pp30.TambahanWork)
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


def _optional_flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
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
    with_peer_input: bool | None = attrs.field(default=None, validator=_optional_flag)
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
    innovation: bool | None = attrs.field(default=None, validator=_optional_flag)


_INPUTS_OF: Final[Mapping[str, type]] = {
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


def _check_regime(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in REGIME_DOCUMENT_IDS:
        raise _unknown_regime(value, "regime")


def _unknown_regime(value: object, path: str) -> LabelError:
    fix = f"use one of: {', '.join(repr(r) for r in REGIME_DOCUMENT_IDS)}"
    if value == PERMENPANRB_6_2022.id:
        fix = (
            "a PermenPANRB 6/2022 document is read by asn_performance.boundary.appraisal_document.load_document"
            " (or load_any); " + fix
        )
    return LabelError("unknown regime document", path=path, value=value, rule="REGIME-ID", fix=fix)


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
        converter=_to_tuple, validator=_each(RegimeEmployee)
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
    with_peer_input: bool | None = attrs.field(default=None, validator=_optional_flag)
    predikat_table: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_period(self.regime, self.period)
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
        kind = _INPUTS_OF[self.regime]
        seen: set[Nip] = set()
        for index, employee in enumerate(self.employees):
            here = f"employees[{index}]"
            if employee.nip in seen:
                raise DuplicateError(
                    f"employee {employee.nip} is listed twice",
                    path=f"{here}.nip",
                    value=employee.nip.digits,
                    rule="DOCUMENT-UNIQUE",
                    fix="list each employee once (two SKPs of one year go in one employee)",
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
            if isinstance(second, Pp30Inputs) and self._peer(second) is None:
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

    def _peer(self, inputs: Pp30Inputs) -> bool | None:
        return self.with_peer_input if inputs.with_peer_input is None else inputs.with_peer_input

    def compute(self) -> tuple[RegimeResult, ...]:
        """One :class:`RegimeResult` per employee, in document order.

        Raises:
            AsnPerformanceError: an input the rule set refuses (RHK weights that do not sum
                to 100, a nilai perilaku above 120...), with the JSON path of the document
                (``$.employees[1].skp.utama``). :func:`load_regime_document` has already
                computed once, so a loaded document never raises here.
        """
        return tuple(
            self._compute(employee, f"$.employees[{index}]")
            for index, employee in enumerate(self.employees)
        )

    def _compute(self, employee: RegimeEmployee, path: str) -> RegimeResult:
        inputs = employee.inputs
        detail: pp46.Pp46Result | pp30.KinerjaResult | IntegrationResult
        if isinstance(inputs, Pp46Inputs):
            detail = self._pp46(inputs, path)
        elif isinstance(inputs, Pp30Inputs):
            detail = self._pp30(inputs, path)
        else:
            detail = self._integrate(inputs, path)
        return RegimeResult(
            nip=employee.nip,
            name=employee.name,
            regime=self.regime,
            period=self.period,
            value=detail.value,
            predikat=detail.predikat,
            predikat_2022=detail.predikat_2022,
            steps=detail.steps,
            detail=detail,
        )

    def _pp46(self, inputs: Pp46Inputs, path: str) -> pp46.Pp46Result:
        skps = [
            _build(
                f"{path}.skps[{k}]",
                pp46.assess_skp,
                skp.activities,
                tugas_tambahan=skp.tugas_tambahan,
                kreativitas=skp.kreativitas,
                config=self.pp46_config,
            )
            for k, skp in enumerate(inputs.skps)
        ]
        behaviour = _build(f"{path}.behaviour", pp46.assess_behaviour, inputs.behaviour)
        return _build(path, pp46.work_achievement, skps, behaviour)

    def _pp30(self, inputs: Pp30Inputs, path: str) -> pp30.KinerjaResult:
        skp: pp30.SkpResult | Decimal | None = inputs.nilai_skp
        if inputs.skp is not None:
            skp = _build(f"{path}.skp", pp30.assess_skp, inputs.skp.utama, inputs.skp.tambahan)
        peer = self._peer(inputs)
        if skp is None or peer is None:  # pragma: no cover - refused on construction
            raise AssertionError
        return _build(
            path,
            pp30.performance_value,
            skp,
            inputs.behaviour,
            with_peer_input=peer,
            innovation=inputs.innovation,
            renames={"nilai_perilaku": "behaviour", "nilai_skp": "nilai_skp"},
        )

    def _integrate(self, inputs: IntegrationInputs, path: str) -> IntegrationResult:
        first = second = None
        steps: list[Step] = []
        if isinstance(inputs.first_half, Pp46Inputs):
            first = self._pp46(inputs.first_half, f"{path}.first_half")
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
            second = self._pp30(inputs.second_half, f"{path}.second_half")
            steps.extend(second.steps)
        integration = _build(
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
        predikat, predikat_2022, more = _integrated_predikat(
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


def _check_period(regime: str, period: Period) -> None:
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


def _integrated_predikat(
    value: Decimal, table: str | None, innovation: bool
) -> tuple[pp46.Pp46Predikat | pp30.Pp30Predikat | None, Predikat | None, tuple[Step, ...]]:
    """The predikat of the integrated 2021 value by the table the document chose."""
    note = (
        "table chosen by the document (predikat_table); the source of the 50/50 rule names"
        " none (UNCONFIRMED)"
    )
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
    return _guarded(_regime_document, _parsed(source))


def _parsed(source: object) -> object:
    """The document as a plain dict (JSON text parsed once), or ``source`` itself."""
    if not isinstance(source, (str, bytes, bytearray)):
        return source
    return _source(source)


def load_any(source: str | bytes | Mapping[str, Any]) -> AppraisalDocument | RegimeDocument:
    """Read either kind of document, parsing the JSON text once.

    A regime document (:func:`is_regime_document`) gives a :class:`RegimeDocument`; any other
    object is read as the PermenPANRB 6/2022 input document of
    :func:`asn_performance.boundary.appraisal_document.load_document` (a ``"regime": "permenpanrb_6_2022"`` field
    is accepted and set aside).

    Raises:
        AsnPerformanceError: as :func:`load_regime_document` or
            :func:`~asn_performance.boundary.appraisal_document.load_document`, with JSON paths.
    """

    def load(data: dict[str, Any]) -> AppraisalDocument | RegimeDocument:
        if is_regime_document(data):
            return _regime_document(data)
        return _document({key: value for key, value in data.items() if key != "regime"})

    return _guarded(load, _parsed(source))


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
    model_type = _MODELS.get(regime) if isinstance(regime, str) else None
    if model_type is None:
        raise _unknown_regime(regime, "$.regime")
    model = _validate(model_type, data)
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
    else:  # pragma: no cover - _MODELS holds the three
        raise TypeError
    document = _build(
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
    return _build(
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
            _build(
                here, Pp46Skp, activities, skp.tugas_tambahan, tuple(skp.kreativitas), skp.jabatan
            )
        )
    scores = _build(
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
    return _build(path, Pp46Inputs, tuple(built), scores)


def _iki(model: IkiModel, path: str) -> pp30.IkiResult:
    target = _build(path, Target, model.target.lower, model.target.upper, model.target.unit)
    return _build(
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
        utama.append(_build(here, pp30.UtamaWork, work.id, work.weight, indicators))
    tambahan = [
        _build(
            f"{path}.tambahan[{j}]",
            pp30.TambahanWork,
            item.id,
            item.scope_weight,
            _iki(item.indicator, f"{path}.tambahan[{j}].indicator"),
        )
        for j, item in enumerate(model.tambahan)
    ]
    return _build(path, Pp30Skp, tuple(utama), tuple(tambahan))


def _pp30_inputs(model: Pp30EmployeeModel | Pp30HalfModel, path: str) -> Pp30Inputs:
    if model.behaviour is None:
        raise _missing(f"{path}.behaviour")
    return _build(
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
                value=_decimal_out(model.value),
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
    inputs = _build(
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
    return _build("$.pp46_config", pp46.Pp46Config, **options)


# --- writing -----------------------------------------------------------------------------------


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else _decimal_out(value)


def _num(name: str, value: Decimal | None) -> dict[str, str | None]:
    """A value unrounded and as shown: ``{"x": "85.458333...", "x_shown": "85.46"}``."""
    return {
        name: _dec(value),
        f"{name}_shown": None if value is None else _decimal_out(quantize(value)),
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
    _require(doc, RegimeDocument, "dump_regime_document")
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
    ``"explanation"`` the steps (as :func:`asn_performance.boundary.appraisal_document.dump_result` writes them).
    """
    _require(result, RegimeResult, "dump_regime_result")
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
        "explanation": [_step_dict(step) for step in result.steps],
    }


# --- JSON Schema -------------------------------------------------------------------------------


def regime_input_json_schema(regime_id: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document for ``regime_id``.

    One of :data:`REGIME_DOCUMENT_IDS`; ``"permenpanrb_6_2022"`` gives the schema of the
    PermenPANRB 6/2022 input document (:func:`asn_performance.boundary.appraisal_document.input_json_schema`).

    Raises:
        LabelError: an unknown id (rule ``REGIME-ID``).
    """
    if regime_id == PERMENPANRB_6_2022.id:
        return input_json_schema()
    model = _MODELS.get(regime_id) if isinstance(regime_id, str) else None
    if model is None:
        raise _unknown_regime(regime_id, "regime")
    return {"$schema": _DRAFT, **model.model_json_schema()}
