"""The parts of an appraisal document as JSON: an employee, a plan (SKP), an assessment and
an appraisal (PermenPANRB 6/2022), each readable and writable on its own.

The wire models (:class:`EmployeeModel`, :class:`PlanModel`, :class:`AssessmentModel`,
:class:`AppraisalModel`, :class:`ResultModel`...) describe the JSON; the ``load_*`` functions
validate a part and build the frozen domain object, with errors at a JSON path from ``$``; the
``dump_*`` functions write a domain object through its own ``to_dict()``. The
``*_from`` translators are shared with :mod:`asn_performance.boundary.appraisal_document` and
:mod:`asn_performance.boundary.cycle_document`, which embed these parts. The reward inputs of
an employee (:class:`RewardInputsModel`, :func:`reward_inputs_from`,
:func:`reward_inputs_record`) live in :mod:`asn_performance.boundary._reward_inputs` and are
re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Final, Literal

from pydantic import (
    ConfigDict,
    Field,
)

from asn_performance.boundary._career_fields import (
    GolonganPppkValue,
    GolonganValue,
    TmtValue,
    career_values,
    employee_at,
    golongan_field,
    golongan_pppk_field,
    tmt_field,
)
from asn_performance.boundary._reward_inputs import (
    AttendanceModel,
    PenaltyModel,
    RewardInputsModel,
    reward_inputs_from,
    reward_inputs_record,
)
from asn_performance.boundary._trusted_build import (
    trusted_assessment,
    trusted_behaviour,
    trusted_employee,
    trusted_plan,
    trusted_work_result,
)
from asn_performance.boundary._wire import (
    MAX_ITEMS,
    ApproachValue,
    AspectValue,
    CoreValueValue,
    DateValue,
    DecimalValue,
    DirectionValue,
    Evidence,
    Feedback,
    Id,
    JenjangValue,
    LongText,
    MeasureUnit,
    Name,
    NipValue,
    OrganisationPredikatValue,
    Pair,
    PeriodValue,
    PolicyName,
    PositionKindValue,
    PredikatValue,
    RatingValue,
    RoleValue,
    StepText,
    UnitName,
    WireModel,
    Word,
    WorkResultKindValue,
    build,
    distinct_keys,
    guarded,
    require,
    validate_model,
)
from asn_performance.domain.assessment import Assessment, Realisation
from asn_performance.domain.employee import Employee, Position
from asn_performance.domain.explanation import Explanation, Step
from asn_performance.domain.plan import (
    Approach,
    Aspect,
    BehaviourExpectation,
    CoreValue,
    Direction,
    Indicator,
    PerformancePlan,
    Target,
    WorkResult,
    WorkResultKind,
    default_behaviours,
)
from asn_performance.exceptions import (
    AsnPerformanceError,
    DuplicateError,
)
from asn_performance.process.integrity import seal, verify
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal
from asn_performance.services.rulebook import resolve

__all__ = [
    "PLAN_REF_RENAMES",
    "AppraisalModel",
    "AssessmentModel",
    "AttendanceModel",
    "BehaviourModel",
    "EmployeeModel",
    "IndicatorModel",
    "IntegrityModel",
    "PenaltyModel",
    "PlanModel",
    "PlanRefModel",
    "PositionModel",
    "RealisationModel",
    "ResultModel",
    "RewardInputsModel",
    "SealLibraryModel",
    "StepModel",
    "TargetModel",
    "WorkResultModel",
    "appraisal_from",
    "assessment_from",
    "dump_appraisal",
    "dump_assessment",
    "dump_employee",
    "dump_plan",
    "dump_result",
    "employee_from",
    "load_appraisal",
    "load_assessment",
    "load_employee",
    "load_plan",
    "plan_from",
    "reward_inputs_from",
    "reward_inputs_record",
    "standalone_plan_from",
]


def _empty_object(schema: dict[str, Any]) -> None:
    """The JSON Schema's ``"default": {}`` of an object field made by ``default_factory=dict``:
    each model that leaves the field out gets a new empty dict from one call in C, where
    pydantic copied a ``default={}`` with ``copy.deepcopy`` every time (issue 12: a Python
    call per assessment). The schema is the same text as with ``default={}``."""
    schema["default"] = {}  # a new one for each schema: the caller may change it


def _empty_array(schema: dict[str, Any]) -> None:
    """The JSON Schema's ``"default": []`` of an array field made by ``default_factory=list``
    (see :func:`_empty_object`)."""
    schema["default"] = []


class PositionModel(WireModel):
    """Jabatan: the kind of position, its title and, for a jabatan fungsional, the jenjang."""

    model_config = ConfigDict(title="Jabatan (position)")

    kind: PositionKindValue
    title: Name
    jenjang: JenjangValue | None = None


class EmployeeModel(WireModel):
    """Pegawai ASN (PNS or PPPK), identified by the NIP or NI PPPK."""

    model_config = ConfigDict(title="Pegawai (employee)")

    nip: NipValue
    name: Name = Field(description="Nama pegawai.")
    position: PositionModel
    unit: UnitName = Field(description="Unit kerja.")
    superior_nip: NipValue | None = Field(
        default=None, description="NIP of the atasan langsung; null for the head of the instansi."
    )
    golongan: GolonganValue | None = golongan_field()
    golongan_pppk: GolonganPppkValue | None = golongan_pppk_field()
    tmt_pangkat: TmtValue | None = tmt_field("tmt_pangkat")
    tmt_jabatan: TmtValue | None = tmt_field("tmt_jabatan")
    tmt_cpns: TmtValue | None = tmt_field("tmt_cpns")


class TargetModel(WireModel):
    """Target of an indicator: a single value (upper null) or a range lower-upper, with a unit."""

    model_config = ConfigDict(title="Target")

    lower: DecimalValue
    upper: DecimalValue | None = None
    unit: MeasureUnit = Field(default="", description="Satuan, e.g. '%' or 'dokumen'.")


class IndicatorModel(WireModel):
    """Indikator Kinerja Individu (IKI)."""

    model_config = ConfigDict(title="Indikator Kinerja Individu (IKI)")

    id: Id
    text: LongText
    aspect: AspectValue = Aspect.KUANTITAS
    direction: DirectionValue = Direction.HIGHER_IS_BETTER
    target: TargetModel


class WorkResultModel(WireModel):
    """Rencana Hasil Kerja (RHK) with its indicators."""

    model_config = ConfigDict(title="Rencana Hasil Kerja (RHK)")

    id: Id
    text: LongText
    kind: WorkResultKindValue = WorkResultKind.UTAMA
    leader_work_result: LongText | None = Field(
        default=None, description="RHK pimpinan yang diintervensi."
    )
    leader_work_result_id: Id | None = Field(
        default=None,
        exclude_if=lambda value: value is None,  # written only when given, as WorkResult.to_dict
        description="Id RHK pimpinan yang diintervensi dalam SKP pejabat penilai (cascading)."
        " / The id of the intervened RHK in the pejabat penilai's plan; checked when that"
        " plan is in the same document.",
    )
    indicators: list[IndicatorModel] = Field(min_length=1, max_length=MAX_ITEMS)


class BehaviourModel(WireModel):
    """A BerAKHLAK value in the SKP, with the ekspektasi khusus pimpinan if any."""

    model_config = ConfigDict(title="Perilaku kerja (BerAKHLAK)")

    value: CoreValueValue
    special_expectation: LongText | None = Field(
        default=None, description="Ekspektasi khusus pimpinan."
    )


_PLAN_FIELDS_HELP: Final = (
    "behaviours may be left out: the seven BerAKHLAK values without special expectations."
)


class PlanRefModel(WireModel):
    """Sasaran Kinerja Pegawai (SKP) in a document: people are named by NIP."""

    model_config = ConfigDict(title="Sasaran Kinerja Pegawai (SKP)")

    id: Id
    employee_nip: NipValue
    pejabat_penilai_nip: NipValue = Field(description="NIP of the pejabat penilai kinerja.")
    atasan_pejabat_penilai_nip: NipValue | None = Field(
        default=None, description="NIP of the atasan pejabat penilai kinerja."
    )
    period: PeriodValue
    approach: ApproachValue = Approach.KUALITATIF
    leads_unit: bool = Field(
        default=False,
        strict=True,
        description="The employee heads the unit: the rating hasil kerja follows the"
        " organisation's capaian kinerja (SE MenPANRB 3/2023, decision D3).",
    )
    work_results: list[WorkResultModel] = Field(min_length=1, max_length=MAX_ITEMS)
    behaviours: list[BehaviourModel] | None = Field(
        default=None, max_length=MAX_ITEMS, description=_PLAN_FIELDS_HELP
    )


class PlanModel(WireModel):
    """Sasaran Kinerja Pegawai (SKP) standing alone: people are embedded as employee objects."""

    model_config = ConfigDict(title="Sasaran Kinerja Pegawai (SKP), standalone")

    id: Id
    employee: EmployeeModel
    pejabat_penilai: EmployeeModel
    atasan_pejabat_penilai: EmployeeModel | None = None
    period: PeriodValue
    approach: ApproachValue = Approach.KUALITATIF
    leads_unit: bool = Field(default=False, strict=True)
    work_results: list[WorkResultModel] = Field(min_length=1, max_length=MAX_ITEMS)
    behaviours: list[BehaviourModel] | None = Field(
        default=None, max_length=MAX_ITEMS, description=_PLAN_FIELDS_HELP
    )


class RealisationModel(WireModel):
    """Realisasi of one indicator, with bukti dukung and umpan balik."""

    model_config = ConfigDict(title="Realisasi")

    indicator_id: Id
    value: DecimalValue | None = None
    evidence: list[Evidence] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
        description="Bukti dukung.",
        json_schema_extra=_empty_array,
    )
    feedback: Feedback | None = Field(default=None, description="Umpan balik berkelanjutan.")


class AssessmentModel(WireModel):
    """Penilaian: what one person said about one SKP for one period."""

    model_config = ConfigDict(title="Penilaian (assessment)")

    plan_id: Id
    role: RoleValue
    assessor_nip: NipValue | None = Field(
        default=None, description="NIP of the assessor; may be null only for a service user."
    )
    given_on: DateValue
    period: PeriodValue
    hasil_kerja: RatingValue | None = Field(default=None, description="Rating hasil kerja.")
    perilaku_kerja: RatingValue | None = Field(default=None, description="Rating perilaku kerja.")
    work_result_ratings: dict[Id, RatingValue] = Field(
        default_factory=dict,
        max_length=MAX_ITEMS,
        description="Rating per RHK id.",
        json_schema_extra=_empty_object,
    )
    behaviour_ratings: Annotated[dict[CoreValueValue, RatingValue], distinct_keys(CoreValue)] = (
        Field(
            default_factory=dict,
            max_length=MAX_ITEMS,
            description="Rating per BerAKHLAK value.",
            json_schema_extra=_empty_object,
        )
    )
    realisations: list[RealisationModel] = Field(
        default_factory=list, max_length=MAX_ITEMS, json_schema_extra=_empty_array
    )
    feedback: Feedback | None = Field(default=None, description="Umpan balik.")
    anonymised: bool = Field(
        default=False,
        strict=True,
        description="True for an anonymous source's assessment as kept in an appraisal: no"
        " assessor NIP, dated on the period's first day.",
    )


class StepModel(WireModel):
    """One step of the explanation; title and citation are written for readers, ignored on
    input."""

    model_config = ConfigDict(title="Langkah penjelasan (explanation step)")

    rule: Word
    title: StepText | None = None
    citation: StepText | None = None
    dimension: Word
    inputs: list[Pair] = Field(
        default_factory=list, max_length=MAX_ITEMS, json_schema_extra=_empty_array
    )
    output: StepText
    note: StepText = ""


class SealLibraryModel(WireModel):
    """The release of the library that sealed a record."""

    model_config = ConfigDict(title="Pustaka penyegel (sealing library)")

    name: Literal["asn-performance"]
    version: str = Field(min_length=1, max_length=64)


class IntegrityModel(WireModel):
    """The seal of a record: SHA-256 over its canonical JSON form, optionally a keyed seal
    (HMAC-SHA256), and the library that sealed it (see ``integrity``)."""

    model_config = ConfigDict(title="Segel integritas (integrity seal)")

    algorithm: Literal["sha256"]
    canonical: Literal["asn-performance-json/1"]
    digest: str = Field(pattern=r"^[0-9a-f]{64}$", description="64 lowercase hex digits.")
    hmac_sha256: str | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        pattern=r"^[0-9a-f]{64}$",
        description="The keyed seal: HMAC-SHA256 under the agency's key, 64 lowercase hex"
        " digits; absent in a record sealed without a key.",
    )
    library: SealLibraryModel | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description="The library release that sealed the record; absent in a record sealed"
        " before releases wrote it.",
    )


class AppraisalModel(WireModel):
    """Hasil evaluasi kinerja in full: the plan, the assessments used and the explanation."""

    model_config = ConfigDict(title="Hasil evaluasi kinerja (appraisal)")

    regime: Word
    policy: PolicyName
    plan: PlanModel
    period: PeriodValue
    organisation_predikat: OrganisationPredikatValue | None = None
    rating_hasil_kerja: RatingValue
    rating_perilaku_kerja: RatingValue
    predikat: PredikatValue
    predikat_label: StepText | None = None
    assessments: list[AssessmentModel] = Field(max_length=MAX_ITEMS)
    explanation: list[StepModel] = Field(max_length=MAX_ITEMS)
    integrity: IntegrityModel | None = Field(
        default=None, description="The seal; when present, the record must match it."
    )


class ResultModel(WireModel):
    """The compact result record for apps (output only): no individual assessments, so
    anonymous input is never shown."""

    model_config = ConfigDict(title="Hasil evaluasi kinerja (ringkas)")

    nip: NipValue
    name: Name
    unit: UnitName
    plan_id: Id
    period: PeriodValue
    period_label: StepText
    rating_hasil_kerja: RatingValue
    rating_hasil_kerja_label: StepText
    rating_perilaku_kerja: RatingValue
    rating_perilaku_kerja_label: StepText
    predikat: PredikatValue
    predikat_label: StepText
    organisation_predikat: OrganisationPredikatValue | None
    policy: PolicyName
    regime: Word
    reason: StepText
    explanation: list[StepModel]
    integrity: IntegrityModel | None = None


# --- building domain objects -------------------------------------------------------------------


def employee_from(model: EmployeeModel, path: str) -> Employee:
    """Build an employee from its wire model; errors under the JSON path ``path``."""
    try:  # the paths are written only for an error: built again under them, it raises it
        return trusted_employee(model)
    except AsnPerformanceError:
        pass
    position = build(
        f"{path}.position",
        Position,
        model.position.kind,
        model.position.title,
        model.position.jenjang,
    )
    return employee_at(
        path,
        Employee,
        *(model.nip, model.name, position, model.unit, model.superior_nip),
        **career_values(model),
    )


def _work_result(model: WorkResultModel, path: str) -> WorkResult:
    try:  # the paths are written only for an error: built again under them, it raises it
        return trusted_work_result(model)
    except AsnPerformanceError:
        pass
    indicators = []
    for index, item in enumerate(model.indicators):
        here = f"{path}.indicators[{index}]"
        target = build(here, Target, item.target.lower, item.target.upper, item.target.unit)
        indicators.append(
            build(here, Indicator, item.id, item.text, target, item.aspect, item.direction)
        )
    return build(
        path, WorkResult, model.id, model.text, tuple(indicators), model.kind,
        model.leader_work_result, model.leader_work_result_id,
    )  # fmt: skip


def _check_unique_ids(work_results: list[WorkResultModel], path: str) -> None:
    """Duplicate RHK or IKI ids, reported at the exact place of the second one."""
    seen_wr: set[str] = set()
    seen_ind: set[str] = set()
    for j, wr in enumerate(work_results):
        if wr.id in seen_wr:
            raise _duplicate("work result", wr.id, f"{path}.work_results[{j}].id")
        seen_wr.add(wr.id)
        for k, ind in enumerate(wr.indicators):
            if ind.id in seen_ind:
                raise _duplicate(
                    "indicator", ind.id, f"{path}.work_results[{j}].indicators[{k}].id"
                )
            seen_ind.add(ind.id)


def _duplicate(noun: str, ident: str, path: str) -> DuplicateError:
    return DuplicateError(
        f"two {noun}s share the id {ident!r}",
        path=path,
        value=ident,
        rule="PLAN-UNIQUE-ID",
        fix=f"give each {noun} its own id",
    )


def _behaviour(model: BehaviourModel, path: str) -> BehaviourExpectation:
    try:  # the paths are written only for an error: built again under them, it raises it
        return trusted_behaviour(model.value, model.special_expectation)
    except AsnPerformanceError:
        pass
    return build(path, BehaviourExpectation, model.value, model.special_expectation)


def plan_from(
    model: PlanModel | PlanRefModel,
    people: tuple[Employee, Employee, Employee | None],
    path: str,
    renames: Mapping[str, str] | None = None,
    default: tuple[BehaviourExpectation, ...] | None = None,
) -> PerformancePlan:
    """Build a plan from its wire model and its people (employee, pejabat penilai, atasan);
    errors under the JSON path ``path``, the domain's field names changed by ``renames``.

    ``default`` is the :func:`~asn_performance.domain.plan.default_behaviours` to give a plan
    without behaviours (a document builds them once for all its plans: the objects are frozen,
    so plans may share them); None builds them for this plan."""
    _check_unique_ids(model.work_results, path)
    work_results = tuple(
        _work_result(wr, f"{path}.work_results[{j}]") for j, wr in enumerate(model.work_results)
    )
    if model.behaviours is None:
        behaviours = default_behaviours() if default is None else default
    else:
        behaviours = tuple(
            _behaviour(b, f"{path}.behaviours[{k}]") for k, b in enumerate(model.behaviours)
        )
    try:  # the paths are written only for an error: built again under them, it raises it
        return trusted_plan(model, people, work_results, behaviours)
    except AsnPerformanceError:
        pass
    employee, pejabat, atasan = people
    return build(
        path,
        PerformancePlan,
        id=model.id,
        employee=employee,
        pejabat_penilai=pejabat,
        period=model.period,
        work_results=work_results,
        behaviours=behaviours,
        atasan_pejabat_penilai=atasan,
        approach=model.approach,
        leads_unit=model.leads_unit,
        renames=renames,
    )


_ASSESSMENT_RENAMES: Final = {"assessor": "assessor_nip"}
#: The JSON names of a plan reference's people, for errors of the domain's fields.
PLAN_REF_RENAMES: Final = {
    "employee": "employee_nip",
    "pejabat_penilai": "pejabat_penilai_nip",
    "atasan_pejabat_penilai": "atasan_pejabat_penilai_nip",
}


def assessment_from(model: AssessmentModel, path: str) -> Assessment:
    """Build an assessment from its wire model; errors under the JSON path ``path``."""
    try:  # the paths are written only for an error: built again under them, it raises it
        return trusted_assessment(model)
    except AsnPerformanceError:
        pass
    fields: dict[str, Any] = {
        "plan_id": model.plan_id,
        "role": model.role,
        "assessor": model.assessor_nip,
        "given_on": model.given_on,
        "period": model.period,
        "hasil_kerja": model.hasil_kerja,
        "perilaku_kerja": model.perilaku_kerja,
        "work_result_ratings": dict(model.work_result_ratings),
        "behaviour_ratings": dict(model.behaviour_ratings),
        "feedback": model.feedback,
        "anonymised": model.anonymised,
    }
    realisations = tuple(
        build(
            f"{path}.realisations[{k}]",
            Realisation,
            r.indicator_id,
            r.value,
            tuple(r.evidence),
            r.feedback,
        )
        for k, r in enumerate(model.realisations)
    )
    return build(path, Assessment, **fields, realisations=realisations, renames=_ASSESSMENT_RENAMES)


def standalone_plan_from(model: PlanModel, path: str) -> PerformancePlan:
    """Build a plan whose people are embedded in full; errors under ``path``."""
    employee = employee_from(model.employee, f"{path}.employee")
    pejabat = employee_from(model.pejabat_penilai, f"{path}.pejabat_penilai")
    atasan = (
        None
        if model.atasan_pejabat_penilai is None
        else employee_from(model.atasan_pejabat_penilai, f"{path}.atasan_pejabat_penilai")
    )
    return plan_from(model, (employee, pejabat, atasan), path)


def _appraisal(data: dict[str, Any], key: bytes | None) -> Appraisal:
    model = validate_model(AppraisalModel, data)
    if model.integrity is not None or key is not None:
        verify(data, key=key)
    return appraisal_from(model, "$")


def appraisal_from(model: AppraisalModel, path: str) -> Appraisal:
    """Build an appraisal (plan, kept assessments, explanation) from its wire model; errors
    under the JSON path ``path``."""
    plan = standalone_plan_from(model.plan, f"{path}.plan")
    assessments = tuple(
        assessment_from(item, f"{path}.assessments[{k}]")
        for k, item in enumerate(model.assessments)
    )
    steps = tuple(
        Step(
            resolve(step.rule),
            step.dimension,
            tuple((name, value) for name, value in step.inputs),
            step.output,
            step.note,
        )
        for step in model.explanation
    )
    return build(
        path,
        Appraisal,
        plan=plan,
        period=model.period,
        rating_hasil_kerja=model.rating_hasil_kerja,
        rating_perilaku_kerja=model.rating_perilaku_kerja,
        predikat=model.predikat,
        assessments=assessments,
        explanation=Explanation(steps),
        policy=model.policy,
        regime=model.regime,
        organisation_predikat=model.organisation_predikat,
    )


# --- loaders and writers ----------------------------------------------------------------------


def load_employee(source: str | bytes | Mapping[str, Any]) -> Employee:
    """Read one employee object, as written by :func:`dump_employee`.

    Raises:
        AsnPerformanceError: as :func:`load_document`, with paths from ``$``.
    """
    return guarded(lambda data: employee_from(validate_model(EmployeeModel, data), "$"), source)


def load_plan(source: str | bytes | Mapping[str, Any]) -> PerformancePlan:
    """Read one standalone plan (SKP) with its people embedded, as written by :func:`dump_plan`.

    Raises:
        AsnPerformanceError: as :func:`load_document`, with paths from ``$``.
    """
    return guarded(lambda data: standalone_plan_from(validate_model(PlanModel, data), "$"), source)


def load_assessment(source: str | bytes | Mapping[str, Any]) -> Assessment:
    """Read one assessment, as written by :func:`dump_assessment`.

    Raises:
        AsnPerformanceError: as :func:`load_document`, with paths from ``$``.
    """
    return guarded(lambda data: assessment_from(validate_model(AssessmentModel, data), "$"), source)


def load_appraisal(
    source: str | bytes | Mapping[str, Any], *, key: bytes | None = None
) -> Appraisal:
    """Rebuild an :class:`~asn_performance.regimes.permenpanrb_6_2022.appraisal.Appraisal`
    written by :func:`dump_appraisal`.

    The result equals the original, explanation steps included; the steps' ``title`` and
    ``citation`` and the ``predikat_label`` are written for readers and ignored here. The
    predikat must agree with the two ratings (PermenPANRB 6/2022 matrix).

    A sealed record must match its seal; a record without one is read as it stands. With
    ``key`` (the agency's seal key, bytes) the record must carry a keyed seal made with it
    (:func:`asn_performance.process.integrity.verify`).

    Raises:
        IntegrityError: the record was changed after it was sealed, or, with ``key``, has no
            keyed seal made with that key.
        AsnPerformanceError: as :func:`load_document`, with paths from ``$``.
    """
    return guarded(lambda data: _appraisal(data, key), source)


def dump_employee(employee: Employee) -> dict[str, Any]:
    """Write an employee as a JSON-ready dict (NIP as its 18 digits, codes for enums)."""
    require(employee, Employee, "dump_employee")
    return employee.to_dict()


def dump_plan(plan: PerformancePlan) -> dict[str, Any]:
    """Write a plan (SKP) that stands alone: the employee, the pejabat penilai and the atasan
    are embedded as full employee objects; targets are decimal strings."""
    require(plan, PerformancePlan, "dump_plan")
    return plan.to_dict()


def dump_assessment(assessment: Assessment) -> dict[str, Any]:
    """Write an assessment as a JSON-ready dict (dates ISO, periods by code)."""
    require(assessment, Assessment, "dump_assessment")
    return assessment.to_dict()


def dump_appraisal(appraisal: Appraisal, *, key: bytes | None = None) -> dict[str, Any]:
    """Write an appraisal in full: the plan, the assessments it keeps and the explanation,
    sealed (with ``key``, also with a keyed seal: see
    :func:`asn_performance.process.integrity.seal`).

    Anonymous sources' assessments appear as :func:`~asn_performance.appraise` keeps them:
    without their givers' NIPs and without what was withheld. For display, give apps the
    shorter :func:`dump_result`.
    """
    require(appraisal, Appraisal, "dump_appraisal")
    return seal(appraisal.to_dict(), key=key)


def dump_result(appraisal: Appraisal, *, key: bytes | None = None) -> dict[str, Any]:
    """Write the compact result record for apps: who, which plan and period, the two ratings
    and the predikat (codes and Indonesian labels), the one-line reason and the explanation;
    sealed, with ``key`` also with a keyed seal.

    No individual assessment is included, so anonymous input is never shown (the explanation
    gives counts only).
    """
    require(appraisal, Appraisal, "dump_result")
    return seal(appraisal.result_dict(), key=key)
