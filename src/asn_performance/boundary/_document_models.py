"""The wire models of the appraisal document of a unit (private module; pydantic v2): the
document itself, its weighting policy and its guards, and the builders of the policy and the
guards.

:mod:`asn_performance.boundary.appraisal_document` reads and writes the document with them (and
re-exports :class:`DocumentModel`); its employees, plans and assessments are the parts of
:mod:`asn_performance.boundary.part_documents`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field

from asn_performance.boundary._document_roster import roster_from
from asn_performance.boundary._reward_inputs import reward_inputs_from
from asn_performance.boundary._wire import (
    MAX_ITEMS,
    DecimalValue,
    NipValue,
    OrganisationPredikatValue,
    RatingValue,
    RoleValue,
    Title,
    WholeNumber,
    WireModel,
    build,
    distinct_keys,
    distinct_nips,
    validate_model,
)
from asn_performance.boundary.cycle_document import RosterModel
from asn_performance.boundary.part_documents import (
    AssessmentModel,
    EmployeeModel,
    PlanRefModel,
    RewardInputsModel,
)
from asn_performance.domain.assessment import AssessorRole
from asn_performance.domain.rating import Rating
from asn_performance.weighting import (
    Guards,
    PerDimension,
    SupervisorDecides,
    WeightedSources,
    WeightingPolicy,
)

__all__ = [
    "DocumentModel",
    "GuardsModel",
    "PerDimensionModel",
    "PolicyModel",
    "SupervisorDecidesModel",
    "WeightedSourcesModel",
    "guards_from",
    "policy_from",
    "wire_head",
]


class SupervisorDecidesModel(WireModel):
    """The pejabat penilai kinerja's rating is the result (default; decision D2)."""

    model_config = ConfigDict(title="Kebijakan: pejabat penilai memutuskan")

    kind: Literal["supervisor_decides"]


class WeightedSourcesModel(WireModel):
    """A weighted combination of sources: an agency's configuration, not national law (D2)."""

    model_config = ConfigDict(title="Kebijakan: bobot sumber penilaian")

    kind: Literal["weighted_sources"]
    weights: Annotated[
        dict[RoleValue, DecimalValue], Field(max_length=100), distinct_keys(AssessorRole)
    ]
    scale: (
        Annotated[dict[RatingValue, DecimalValue], Field(max_length=100), distinct_keys(Rating)]
        | None
    ) = Field(default=None, description="Default 1 / 2 / 3.")
    sesuai_from: DecimalValue | None = Field(default=None, description="Default 1.5.")
    di_atas_from: DecimalValue | None = Field(default=None, description="Default 2.5.")


class PerDimensionModel(WireModel):
    """One policy for hasil kerja and another for perilaku kerja."""

    model_config = ConfigDict(title="Kebijakan: per dimensi")

    kind: Literal["per_dimension"]
    hasil_kerja: PolicyModel
    perilaku_kerja: PolicyModel


PolicyModel = Annotated[
    SupervisorDecidesModel | WeightedSourcesModel | PerDimensionModel,
    Field(discriminator="kind"),
]
PerDimensionModel.model_rebuild()


class GuardsModel(WireModel):
    """Guards applied before any policy: anonymous input needs a minimum of responses."""

    model_config = ConfigDict(title="Pengaman anonimitas (guards)")

    min_anonymous_responses: WholeNumber = Field(
        default=3, json_schema_extra={"minimum": 1, "maximum": 1000}
    )
    anonymous_roles: list[RoleValue] = Field(
        default=[AssessorRole.PEER, AssessorRole.SUBORDINATE], max_length=10
    )


class DocumentModel(WireModel):
    """An input document: employees, their SKP and the assessments, with the settings to
    appraise them under PermenPANRB 6/2022."""

    model_config = ConfigDict(title="Dokumen evaluasi kinerja ASN (asn_performance input)")

    schema_version: Literal["1"]
    title: Title | None = None
    policy: PolicyModel = Field(
        default=SupervisorDecidesModel(kind="supervisor_decides"),
        description="Weighting policy (kebijakan pembobotan); default supervisor_decides.",
    )
    guards: GuardsModel | None = None
    organisation_predikat: OrganisationPredikatValue | None = Field(
        default=None,
        description="Capaian kinerja organisasi; required when a plan leads_unit.",
    )
    employees: list[EmployeeModel] = Field(max_length=MAX_ITEMS)
    plans: list[PlanRefModel] = Field(max_length=MAX_ITEMS)
    assessments: list[AssessmentModel] = Field(default=[], max_length=MAX_ITEMS)
    reward_inputs: Annotated[dict[NipValue, RewardInputsModel], BeforeValidator(distinct_nips)] = (
        Field(
            default={},
            max_length=MAX_ITEMS,
            description="Inputs of the reward rules per employee NIP (kelas jabatan, monthly"
            " attendance, angka kredit already held, date the result was received); used by"
            " `asn-performance rewards`.",
        )
    )
    roster: RosterModel | None = Field(
        default=None,
        exclude_if=lambda value: value is None,  # written only when given, as dump_document
        description="Roster organisasi (pegawai dan atasan langsung): dengan roster, peran setiap"
        " pemberi penilaian diperiksa (AUTH-ROSTER-ROLE). / The organisation's roster"
        " (employees with their direct superior): with it, every assessment's giver is checked"
        " against the role claimed (AUTH-ROSTER-ROLE).",
    )


# --- building domain objects ---------------------------------------------------------------


def policy_from(
    model: SupervisorDecidesModel | WeightedSourcesModel | PerDimensionModel, path: str
) -> WeightingPolicy:
    if isinstance(model, SupervisorDecidesModel):
        return SupervisorDecides()
    if isinstance(model, PerDimensionModel):
        return build(
            path,
            PerDimension,
            policy_from(model.hasil_kerja, f"{path}.hasil_kerja"),
            policy_from(model.perilaku_kerja, f"{path}.perilaku_kerja"),
        )
    options: dict[str, Any] = {"weights": dict(model.weights)}
    if model.scale is not None:
        options["scale"] = dict(model.scale)
    if model.sesuai_from is not None:
        options["sesuai_from"] = model.sesuai_from
    if model.di_atas_from is not None:
        options["di_atas_from"] = model.di_atas_from
    return build(path, WeightedSources, renames={"thresholds": ""}, **options)


def guards_from(model: GuardsModel | None, path: str) -> Guards:
    if model is None:
        return Guards()
    return build(path, Guards, model.min_anonymous_responses, model.anonymous_roles)


def wire_head(data: dict[str, Any]) -> tuple[Any, ...]:
    """The head of an input document (``data`` with its parts left empty) read by
    :class:`DocumentModel`: its policy, guards, organisation predikat, title, reward inputs
    by NIP and roster, as the reading by parts takes them
    (``boundary._unit_reading.document_by_parts``, for a head that is not plain)."""
    head = validate_model(DocumentModel, data)
    return (
        policy_from(head.policy, "$.policy"),
        guards_from(head.guards, "$.guards"),
        head.organisation_predikat,
        head.title,
        {nip: reward_inputs_from(entry, "$") for nip, entry in head.reward_inputs.items()},
        roster_from(head.roster, "$.roster"),
    )
