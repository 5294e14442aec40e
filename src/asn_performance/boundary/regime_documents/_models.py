"""The wire models of the regime documents (private module of the package): the JSON shapes
of PP 46/2011, PermenPANRB 8/2021 and the 2021 integration documents, and their JSON Schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict

from asn_performance.boundary._wire import (
    CODE,
    COUNTED,
    DRAFT,
    MAX_ITEMS,
    DecimalValue,
    DirectionValue,
    Id,
    LongText,
    Name,
    NipValue,
    PeriodValue,
    Title,
    WireModel,
    distinct_keys,
    labelled,
    labelled_schema,
    text_field,
)
from asn_performance.boundary.appraisal_document import input_json_schema
from asn_performance.boundary.part_documents import TargetModel
from asn_performance.domain.plan import Direction
from asn_performance.exceptions import (
    LabelError,
)
from asn_performance.regimes import pp_46_2011 as pp46
from asn_performance.regimes.registry import (
    PERMENPANRB_6_2022,
    PERMENPANRB_8_2021,
    PP46_2011,
)
from asn_performance.regimes.transition_2021 import (
    INTEGRATION_2021,
    REGIME_DOCUMENT_IDS,
)

# --- wire models -------------------------------------------------------------------------------

_Flag = Annotated[bool, Strict()]
_Count = Annotated[int, Strict(), Field(ge=0, le=10_000)]
_Source = Annotated[str, Strict(), text_field(4000)]
CreativityValue = Annotated[
    pp46.CreativityLevel,
    labelled(pp46.CreativityLevel),
    COUNTED,
    CODE,
    labelled_schema(pp46.CreativityLevel, "Tingkat kreativitas (each recognised with its SK)"),
]


class AspectModel(WireModel):
    """Target and realisation of one aspect of an activity."""

    model_config = ConfigDict(title="Target dan realisasi (aspek kegiatan)")

    target: DecimalValue = Field(description="The target (TO, TK, TW or TB), above 0.")
    realisation: DecimalValue = Field(
        description="The realisation (RO, RK, RW or RB), at least 0; 0 means not done."
    )


class ActivityModel(WireModel):
    """A *kegiatan tugas jabatan* of a PP 46/2011 SKP (Perka BKN 1/2013)."""

    model_config = ConfigDict(title="Kegiatan tugas jabatan (PP 46/2011)")

    name: LongText
    kuantitas: AspectModel = Field(description="Kuantitas output: TO and RO.")
    kualitas: AspectModel = Field(description="Kualitas / mutu: TK and RK (usually TK = 100).")
    waktu: AspectModel = Field(description="Waktu: TW and RW (usually months).")
    biaya: AspectModel | None = Field(
        default=None, description="Biaya: TB and RB in rupiah; leave out when not assessed."
    )


class Pp46SkpModel(WireModel):
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


class Pp46BehaviourModel(WireModel):
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


class Pp46EmployeeModel(WireModel):
    """An employee appraised under PP 46/2011 + Perka BKN 1/2013."""

    model_config = ConfigDict(title="Pegawai (PP 46/2011)")

    nip: NipValue
    name: Name
    structural: _Flag = Field(default=False, description=_STRUCTURAL_HELP)
    skps: list[Pp46SkpModel] = Field(min_length=1, max_length=2, description=_SKPS_HELP)
    behaviour: Pp46BehaviourModel


class TierModel(WireModel):
    """Points for a number of tugas tambahan from ``min_count`` on."""

    model_config = ConfigDict(title="Tingkat tugas tambahan")

    min_count: Annotated[int, Strict(), Field(ge=1, le=10_000)]
    points: DecimalValue


class Pp46ConfigModel(WireModel):
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
            distinct_keys(pp46.CreativityLevel),
        ]
        | None
    ) = Field(default=None, description="Default unit_kerja 3, instansi 6, nasional 12.")
    skp_cap: DecimalValue | None = Field(
        default=None, description="A cap on the nilai capaian SKP; default none."
    )
    floor_at_zero: _Flag = Field(
        default=False, description="Floor waktu and biaya at 0 (default: the formula as written)."
    )


class IkiModel(WireModel):
    """An *Indikator Kinerja Individu* with its realisation (PermenPANRB 8/2021)."""

    model_config = ConfigDict(title="IKI (PermenPANRB 8/2021)")

    id: Id
    target: TargetModel
    realisation: DecimalValue
    direction: DirectionValue = Direction.HIGHER_IS_BETTER
    max_attainable: _Flag = Field(
        default=False, description="The target is the maximum attainable (Lampiran (i))."
    )


class UtamaModel(WireModel):
    """A *rencana kinerja utama* with its weight (bobot, %; the weights sum to 100)."""

    model_config = ConfigDict(title="Rencana kinerja utama (PermenPANRB 8/2021)")

    id: Id
    weight: DecimalValue
    indicators: list[IkiModel] = Field(min_length=1, max_length=MAX_ITEMS)


class TambahanModel(WireModel):
    """A *rencana kinerja tambahan* with its *bobot lingkup penugasan* (%)."""

    model_config = ConfigDict(title="Rencana kinerja tambahan (PermenPANRB 8/2021)")

    id: Id
    scope_weight: DecimalValue
    indicator: IkiModel


class Pp30SkpModel(WireModel):
    """The SKP of PermenPANRB 8/2021: RHK utama and kinerja tambahan."""

    model_config = ConfigDict(title="SKP (PermenPANRB 8/2021)")

    utama: list[UtamaModel] = Field(min_length=1, max_length=MAX_ITEMS)
    tambahan: list[TambahanModel] = Field(default=[], max_length=MAX_ITEMS)


_PEER_HELP: Final = (
    "Whether the instansi assesses behaviour with peer and subordinate input: 60/40"
    " (Pasal 41(4)); otherwise 70/30 (Pasal 41(3)). Null: the document's value."
)
_NILAI_SKP_HELP: Final = "The nilai SKP itself (0-130), instead of the skp object."


class Pp30EmployeeModel(WireModel):
    """An employee appraised under PP 30/2019 + PermenPANRB 8/2021."""

    model_config = ConfigDict(title="Pegawai (PermenPANRB 8/2021)")

    nip: NipValue
    name: Name
    skp: Pp30SkpModel | None = None
    nilai_skp: DecimalValue | None = Field(default=None, description=_NILAI_SKP_HELP)
    behaviour: DecimalValue = Field(description="Nilai perilaku kerja, 0-120.")
    with_peer_input: _Flag | None = Field(default=None, description=_PEER_HELP)
    innovation: _Flag = Field(default=False, description="Innovation shown (Pasal 41(5)(a)).")


class Pp46HalfModel(WireModel):
    """January-June 2021: the nilai prestasi kerja, or the PP 46/2011 inputs."""

    model_config = ConfigDict(title="Januari-Juni 2021 (PP 46/2011)")

    value: DecimalValue | None = Field(default=None, description="The nilai prestasi kerja.")
    structural: _Flag = Field(default=False, description=_STRUCTURAL_HELP)
    skps: list[Pp46SkpModel] | None = Field(
        default=None, min_length=1, max_length=2, description=_SKPS_HELP
    )
    behaviour: Pp46BehaviourModel | None = None


class Pp30HalfModel(WireModel):
    """July-December 2021: the nilai kinerja, or the PermenPANRB 8/2021 inputs."""

    model_config = ConfigDict(title="Juli-Desember 2021 (PermenPANRB 8/2021)")

    value: DecimalValue | None = Field(default=None, description="The nilai kinerja.")
    skp: Pp30SkpModel | None = None
    nilai_skp: DecimalValue | None = Field(default=None, description=_NILAI_SKP_HELP)
    behaviour: DecimalValue | None = Field(default=None, description="Nilai perilaku, 0-120.")
    with_peer_input: _Flag | None = Field(default=None, description=_PEER_HELP)
    innovation: _Flag = False


class IntegrationEmployeeModel(WireModel):
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


class Pp46DocumentModel(WireModel):
    """A regime document: employees appraised under PP 46/2011 + Perka BKN 1/2013."""

    model_config = ConfigDict(title="Dokumen penilaian prestasi kerja (PP 46/2011)")

    schema_version: Literal["1"] = "1"
    regime: Literal["pp46_2011"]
    title: Title | None = None
    source: _Source | None = Field(default=None, description="Where the data come from.")
    period: PeriodValue = Field(description=_PERIOD_HELP)
    pp46_config: Pp46ConfigModel | None = None
    employees: list[Pp46EmployeeModel] = Field(min_length=1, max_length=MAX_ITEMS)


class Pp30DocumentModel(WireModel):
    """A regime document: employees appraised under PP 30/2019 + PermenPANRB 8/2021."""

    model_config = ConfigDict(title="Dokumen penilaian kinerja (PermenPANRB 8/2021)")

    schema_version: Literal["1"] = "1"
    regime: Literal["permenpanrb_8_2021"]
    title: Title | None = None
    source: _Source | None = Field(default=None, description="Where the data come from.")
    period: PeriodValue = Field(description=_PERIOD_HELP)
    with_peer_input: _Flag | None = Field(default=None, description=_PEER_HELP)
    employees: list[Pp30EmployeeModel] = Field(min_length=1, max_length=MAX_ITEMS)


class IntegrationDocumentModel(WireModel):
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


MODELS: Final[Mapping[str, type[BaseModel]]] = {
    PP46_2011.id: Pp46DocumentModel,
    PERMENPANRB_8_2021.id: Pp30DocumentModel,
    INTEGRATION_2021: IntegrationDocumentModel,
}


def unknown_regime(value: object, path: str) -> LabelError:
    """The error for a ``regime`` that is not one of :data:`REGIME_DOCUMENT_IDS`, at ``path``."""
    choices = ", ".join(repr(r) for r in REGIME_DOCUMENT_IDS)
    return LabelError(
        "unknown regime document",
        path=path,
        value=value,
        rule="REGIME-ID",
        fix=(
            "a PermenPANRB 6/2022 document is read by"
            " asn_performance.boundary.appraisal_document.load_document"
            f" (or load_any); use one of: {choices}"
            if value == PERMENPANRB_6_2022.id
            else f"use one of: {choices}"
        ),
    )


# --- JSON Schema -------------------------------------------------------------------------------


def regime_input_json_schema(regime_id: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document for ``regime_id``.

    One of :data:`REGIME_DOCUMENT_IDS`; ``"permenpanrb_6_2022"`` gives the schema of the
    PermenPANRB 6/2022 input document
    (:func:`asn_performance.boundary.appraisal_document.input_json_schema`).

    Raises:
        LabelError: an unknown id (rule ``REGIME-ID``).
    """
    if regime_id == PERMENPANRB_6_2022.id:
        return input_json_schema()
    model = MODELS.get(regime_id) if isinstance(regime_id, str) else None
    if model is None:
        raise unknown_regime(regime_id, "regime")
    return {"$schema": DRAFT, **model.model_json_schema()}
