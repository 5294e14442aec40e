"""The JSON boundary: documents in, documents out, with errors that name the JSON path.

This module is the only one (with the command line) that imports pydantic; ``import
asn_performance`` never loads it. It has three parts:

* **wire models** (pydantic v2, ``extra="forbid"``) that describe the JSON documents and give
  the JSON Schema (:func:`input_json_schema`, :func:`output_json_schema`);
* **loaders** (``load_*``) that validate a document and build the frozen domain objects;
* **dumpers** (``dump_*``) that write domain objects as plain JSON-ready dicts.

Lossless numbers (library decision D5): every :class:`~decimal.Decimal` is written as a JSON
string in plain notation (``"95"``, ``"12.50"``), never as a binary float. On input a decimal
may be a JSON string or a JSON number; JSON text is parsed with ``parse_float=Decimal`` so a
number is never a float, and ``NaN``/``Infinity`` are refused. Dates are ISO ``YYYY-MM-DD``,
periods their :attr:`~asn_performance.domain.period.Period.code` (``"2025"``, ``"2025-Q1"``,
``"2025-03"``, ``"2025-01-15/2025-06-30"``), enumerations their code (labels and synonyms
are also accepted on input), NIPs their 18 digits.

Errors: every problem comes out as an :class:`~asn_performance.exceptions.AsnPerformanceError`
whose ``path`` is a JSON path such as ``$.plans[0].work_results[2].indicators[0].target.lower``.
Shape problems (missing or unknown field, wrong JSON type, malformed JSON text) are a
:class:`~asn_performance.exceptions.SchemaError` with the rule ``SCHEMA-<type>``; content
problems keep the domain's own error and rule (``NipError``/``NIP-BIRTH-DATE``,
``LabelError``/``D12-LABELS``, ``DecimalInputError``/``D5-EXACT``, ...). Only the first problem
is raised; the message says how many more were found. See ``docs/reference/json.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Annotated, Any, Final, Literal, TypeVar

import attrs
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    Strict,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from asn_performance._kit.exact import to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled
from asn_performance._kit.validate import check_text, check_type, shown
from asn_performance.consequences.reward import (
    Attendance,
    RewardInputs,
    RewardOutcome,
    RewardPolicy,
)
from asn_performance.domain.assessment import Assessment, AssessorRole, Realisation
from asn_performance.domain.employee import Employee, Jenjang, Position, PositionKind
from asn_performance.domain.explanation import Explanation, Step
from asn_performance.domain.feedback import FeedbackEntry, FeedbackKind
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
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
from asn_performance.domain.rating import OrganisationPredikat, Predikat, Rating
from asn_performance.exceptions import (
    MISSING,
    AsnPerformanceError,
    DuplicateError,
    InputError,
    IntegrityError,
    PolicyError,
    SchemaError,
)
from asn_performance.process.integrity import seal, verify
from asn_performance.process.lifecycle import Action, Event, PerformanceCycle, PlanRole, Stage
from asn_performance.process.records import (
    appraisal_record,
    assessment_record,
    cycle_record,
    employee_record,
    feedback_record,
    plan_body_record,
    plan_record,
    plan_ref_record,
    result_record,
    step_record,
)
from asn_performance.process.roster import Roster
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal, appraise
from asn_performance.services.rulebook import resolve
from asn_performance.weighting import (
    DIMENSIONS,
    Guards,
    PerDimension,
    SupervisorDecides,
    WeightedSources,
    WeightingPolicy,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_ITEMS",
    "SCHEMA_VERSION",
    "AppraisalDocument",
    "AppraisalModel",
    "AssessmentModel",
    "AttendanceModel",
    "CycleModel",
    "DocumentModel",
    "EmployeeModel",
    "EventModel",
    "FeedbackModel",
    "IntegrityModel",
    "PlanModel",
    "PlanRefModel",
    "ResultModel",
    "RewardInputsModel",
    "RosterModel",
    "StepModel",
    "dump_appraisal",
    "dump_assessment",
    "dump_cycle",
    "dump_document",
    "dump_employee",
    "dump_feedback",
    "dump_plan",
    "dump_result",
    "dump_roster",
    "input_json_schema",
    "load_appraisal",
    "load_assessment",
    "load_cycle",
    "load_document",
    "load_employee",
    "load_feedback",
    "load_plan",
    "load_roster",
    "output_json_schema",
    "to_json",
]

#: The version of the input document format this module reads and writes.
SCHEMA_VERSION: Final = "1"
#: The most items any list or object in a document may hold.
MAX_ITEMS: Final = 200_000
#: The deepest nesting of arrays and objects a document may have.
MAX_DEPTH: Final = 32

_T = TypeVar("_T")

# --- field types -----------------------------------------------------------------------------


def _str(max_length: int, *, min_length: int = 1) -> Any:
    return Field(min_length=min_length, max_length=max_length)


Id = Annotated[str, Strict(), _str(100)]
Name = Annotated[str, Strict(), _str(200)]
UnitName = Annotated[str, Strict(), _str(300)]
LongText = Annotated[str, Strict(), _str(1000)]
Feedback = Annotated[str, Strict(), _str(4000)]
Evidence = Annotated[str, Strict(), _str(2000)]
MeasureUnit = Annotated[str, Strict(), _str(50, min_length=0)]
Title = Annotated[str, Strict(), _str(500)]
Word = Annotated[str, Strict(), _str(100, min_length=0)]
PolicyName = Annotated[str, Strict(), _str(1000)]
StepText = Annotated[str, Strict(), _str(4000, min_length=0)]
Pair = Annotated[list[StepText], Field(min_length=2, max_length=2)]


def _decimal_in(value: object) -> Decimal:
    # DecimalInputError is a ValueError: pydantic keeps it in the error's context, and the
    # loader re-raises it at the JSON path of the field (rule D5-EXACT or D5-RANGE).
    return to_decimal(value, field="")


def _nip_in(value: object) -> Nip:
    if isinstance(value, Nip):
        return value
    return Nip.parse(value)  # type: ignore[arg-type]  # Nip.parse refuses non-text itself


def _period_in(value: object) -> Period:
    if isinstance(value, Period):
        return value
    return Period.parse(value)


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date_in(value: object) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or _DATE.fullmatch(value) is None:
        raise PydanticCustomError("date_format", "a date is written YYYY-MM-DD, e.g. 2025-12-20")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "date_format", "{value} is not a real date", {"value": value}
        ) from None


_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})"
)


def _datetime_in(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime) and value.utcoffset() is not None:
        return value
    if not isinstance(value, str) or _DATETIME.fullmatch(value) is None:
        raise PydanticCustomError(
            "datetime_format",
            "a time is written YYYY-MM-DDTHH:MM[:SS]+HH:MM with its UTC offset,"
            " e.g. 2026-01-12T09:30:00+07:00",
        )
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "datetime_format", "{value} is not a real time", {"value": value}
        ) from None


def _datetime_out(moment: dt.datetime) -> str:
    return moment.isoformat()


def _distinct_keys(cls: type[Labelled]) -> BeforeValidator:
    """Refuse an object whose keys name the same member twice ("kompeten" and "Kompeten"),
    which would otherwise collapse silently into one entry."""

    def check(value: object) -> object:
        if isinstance(value, Mapping):
            seen: dict[Labelled, object] = {}
            for key in value:
                try:
                    member = cls.parse(key)
                except AsnPerformanceError:
                    continue  # reported by the key's own validation
                if member in seen:
                    # A ValueError: pydantic keeps it, the loader raises it at the JSON path.
                    raise SchemaError(
                        f"{seen[member]!r} and {key!r} both name {member.code!r}",
                        value=key,
                        rule="SCHEMA-duplicate_key",
                        fix="keep one of the two entries",
                    )
                seen[member] = key
        return value

    return BeforeValidator(check)


def _distinct_nips(value: object) -> object:
    """Refuse an object whose keys name the same NIP twice ("1986..." and "19860926 ...")."""
    if isinstance(value, Mapping):
        seen: dict[Nip, object] = {}
        for key in value:
            try:
                nip = _nip_in(key)
            except AsnPerformanceError:
                continue  # reported by the key's own validation
            if nip in seen:
                raise SchemaError(
                    f"{seen[nip]!r} and {key!r} both name the NIP {nip.digits}",
                    value=key,
                    rule="SCHEMA-duplicate_key",
                    fix="keep one of the two entries",
                )
            seen[nip] = key
    return value


def _labelled(cls: type[Labelled]) -> PlainValidator:
    def parse(value: object) -> Labelled:
        return cls.parse(value)

    return PlainValidator(parse)


def _labelled_schema(cls: type[Labelled], description: str) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "type": "string",
            "enum": [member.code for member in cls],
            "description": description
            + ". Written as the code; on input the Indonesian or English label is also accepted.",
        }
    )


def _code_out(member: Labelled) -> str:
    return member.code


def _decimal_out(value: Decimal) -> str:
    return format(value, "f")


def _nip_out(nip: Nip) -> str:
    return nip.digits


def _period_out(period: Period) -> str:
    return period.code


def _date_out(day: dt.date) -> str:
    return day.isoformat()


#: Serialisers, so that ``Model.model_dump(mode="json")`` gives the canonical form too.
_CODE = PlainSerializer(_code_out, return_type=str)

DecimalValue = Annotated[
    Decimal,
    PlainValidator(_decimal_in),
    PlainSerializer(_decimal_out, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"},
                {"type": "number"},
            ],
            "description": 'An exact decimal, written as a JSON string ("95", "12.5"); a JSON'
            " number is accepted on input and read without binary rounding.",
        }
    ),
]
_PERIOD_PATTERN: Final = (
    r"^[0-9]{4}(-Q[1-4]|-[0-9]{2}|-[0-9]{2}-[0-9]{2}/[0-9]{4}-[0-9]{2}-[0-9]{2})?$"
)
NipValue = Annotated[
    Nip,
    PlainValidator(_nip_in),
    PlainSerializer(_nip_out, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[0-9]{18}$",
            "description": "NIP (PNS) or NI PPPK: 18 digits. On input spaces or hyphens between"
            " the official groups are accepted.",
            "examples": ["198609262015051001"],
        }
    ),
]
PeriodValue = Annotated[
    Period,
    PlainValidator(_period_in),
    PlainSerializer(_period_out, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _PERIOD_PATTERN,
            "description": "Periode penilaian: a year ('2025'), a triwulan ('2025-Q1'), a month"
            " ('2025-03') or a part-year span ('2025-01-15/2025-06-30').",
            "examples": ["2025", "2025-Q1", "2025-03", "2025-01-15/2025-06-30"],
        }
    ),
]
DateValue = Annotated[
    dt.date,
    PlainValidator(_date_in),
    PlainSerializer(_date_out, return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "description": "ISO date YYYY-MM-DD."}),
]
DateTimeValue = Annotated[
    dt.datetime,
    PlainValidator(_datetime_in),
    PlainSerializer(_datetime_out, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date-time",
            "description": "ISO time with its UTC offset, e.g. 2026-01-12T09:30:00+07:00 (WIB).",
        }
    ),
]
RatingValue = Annotated[
    Rating,
    _labelled(Rating),
    _CODE,
    _labelled_schema(Rating, "Rating (Di Bawah / Sesuai / Di Atas Ekspektasi)"),
]
PredikatValue = Annotated[
    Predikat,
    _labelled(Predikat),
    _CODE,
    _labelled_schema(Predikat, "Predikat kinerja pegawai"),
]
OrganisationPredikatValue = Annotated[
    OrganisationPredikat,
    _labelled(OrganisationPredikat),
    _CODE,
    _labelled_schema(OrganisationPredikat, "Capaian kinerja organisasi"),
]
FeedbackKindValue = Annotated[
    FeedbackKind,
    _labelled(FeedbackKind),
    _CODE,
    _labelled_schema(FeedbackKind, "Kind of log entry (laporan, umpan balik, bukti dukung)"),
]
ActionValue = Annotated[
    Action, _labelled(Action), _CODE, _labelled_schema(Action, "Lifecycle step (tindakan)")
]
PlanRoleValue = Annotated[
    PlanRole, _labelled(PlanRole), _CODE, _labelled_schema(PlanRole, "Role on the SKP (peran)")
]
StageValue = Annotated[
    Stage, _labelled(Stage), _CODE, _labelled_schema(Stage, "Stage of the SKP's life (tahap)")
]
RoleValue = Annotated[
    AssessorRole,
    _labelled(AssessorRole),
    _CODE,
    _labelled_schema(AssessorRole, "Who gave the assessment (peran penilai)"),
]
CoreValueValue = Annotated[
    CoreValue,
    _labelled(CoreValue),
    _CODE,
    _labelled_schema(CoreValue, "A BerAKHLAK core value (nilai dasar)"),
]
AspectValue = Annotated[
    Aspect, _labelled(Aspect), _CODE, _labelled_schema(Aspect, "Aspek of the indicator")
]
DirectionValue = Annotated[
    Direction,
    _labelled(Direction),
    _CODE,
    _labelled_schema(Direction, "Whether a higher or a lower realisation is better"),
]
WorkResultKindValue = Annotated[
    WorkResultKind,
    _labelled(WorkResultKind),
    _CODE,
    _labelled_schema(WorkResultKind, "RHK utama or tambahan"),
]
ApproachValue = Annotated[
    Approach,
    _labelled(Approach),
    _CODE,
    _labelled_schema(Approach, "Pendekatan of the SKP (kuantitatif / kualitatif)"),
]
PositionKindValue = Annotated[
    PositionKind,
    _labelled(PositionKind),
    _CODE,
    _labelled_schema(PositionKind, "Jenis jabatan"),
]
JenjangValue = Annotated[
    Jenjang,
    _labelled(Jenjang),
    _CODE,
    _labelled_schema(Jenjang, "Jenjang jabatan fungsional"),
]


# --- wire models -----------------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class PositionModel(_Model):
    """Jabatan: the kind of position, its title and, for a jabatan fungsional, the jenjang."""

    model_config = ConfigDict(title="Jabatan (position)")

    kind: PositionKindValue
    title: Name
    jenjang: JenjangValue | None = None


class EmployeeModel(_Model):
    """Pegawai ASN (PNS or PPPK), identified by the NIP or NI PPPK."""

    model_config = ConfigDict(title="Pegawai (employee)")

    nip: NipValue
    name: Name = Field(description="Nama pegawai.")
    position: PositionModel
    unit: UnitName = Field(description="Unit kerja.")
    superior_nip: NipValue | None = Field(
        default=None, description="NIP of the atasan langsung; null for the head of the instansi."
    )


class TargetModel(_Model):
    """Target of an indicator: a single value (upper null) or a range lower-upper, with a unit."""

    model_config = ConfigDict(title="Target")

    lower: DecimalValue
    upper: DecimalValue | None = None
    unit: MeasureUnit = Field(default="", description="Satuan, e.g. '%' or 'dokumen'.")


class IndicatorModel(_Model):
    """Indikator Kinerja Individu (IKI)."""

    model_config = ConfigDict(title="Indikator Kinerja Individu (IKI)")

    id: Id
    text: LongText
    aspect: AspectValue = Aspect.KUANTITAS
    direction: DirectionValue = Direction.HIGHER_IS_BETTER
    target: TargetModel


class WorkResultModel(_Model):
    """Rencana Hasil Kerja (RHK) with its indicators."""

    model_config = ConfigDict(title="Rencana Hasil Kerja (RHK)")

    id: Id
    text: LongText
    kind: WorkResultKindValue = WorkResultKind.UTAMA
    leader_work_result: LongText | None = Field(
        default=None, description="RHK pimpinan yang diintervensi."
    )
    indicators: list[IndicatorModel] = Field(min_length=1, max_length=MAX_ITEMS)


class BehaviourModel(_Model):
    """A BerAKHLAK value in the SKP, with the ekspektasi khusus pimpinan if any."""

    model_config = ConfigDict(title="Perilaku kerja (BerAKHLAK)")

    value: CoreValueValue
    special_expectation: LongText | None = Field(
        default=None, description="Ekspektasi khusus pimpinan."
    )


_PLAN_FIELDS_HELP: Final = (
    "behaviours may be left out: the seven BerAKHLAK values without special expectations."
)


class PlanRefModel(_Model):
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


class PlanModel(_Model):
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


class RealisationModel(_Model):
    """Realisasi of one indicator, with bukti dukung and umpan balik."""

    model_config = ConfigDict(title="Realisasi")

    indicator_id: Id
    value: DecimalValue | None = None
    evidence: list[Evidence] = Field(default=[], max_length=MAX_ITEMS, description="Bukti dukung.")
    feedback: Feedback | None = Field(default=None, description="Umpan balik berkelanjutan.")


class AssessmentModel(_Model):
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
        default={}, max_length=MAX_ITEMS, description="Rating per RHK id."
    )
    behaviour_ratings: Annotated[dict[CoreValueValue, RatingValue], _distinct_keys(CoreValue)] = (
        Field(default={}, max_length=MAX_ITEMS, description="Rating per BerAKHLAK value.")
    )
    realisations: list[RealisationModel] = Field(default=[], max_length=MAX_ITEMS)
    feedback: Feedback | None = Field(default=None, description="Umpan balik.")
    anonymised: bool = Field(
        default=False,
        strict=True,
        description="True for an anonymous source's assessment as kept in an appraisal: no"
        " assessor NIP, dated on the period's first day.",
    )


class SupervisorDecidesModel(_Model):
    """The pejabat penilai kinerja's rating is the result (default; decision D2)."""

    model_config = ConfigDict(title="Kebijakan: pejabat penilai memutuskan")

    kind: Literal["supervisor_decides"]


class WeightedSourcesModel(_Model):
    """A weighted combination of sources: an agency's configuration, not national law (D2)."""

    model_config = ConfigDict(title="Kebijakan: bobot sumber penilaian")

    kind: Literal["weighted_sources"]
    weights: Annotated[
        dict[RoleValue, DecimalValue], Field(max_length=100), _distinct_keys(AssessorRole)
    ]
    scale: (
        Annotated[dict[RatingValue, DecimalValue], Field(max_length=100), _distinct_keys(Rating)]
        | None
    ) = Field(default=None, description="Default 1 / 2 / 3.")
    sesuai_from: DecimalValue | None = Field(default=None, description="Default 1.5.")
    di_atas_from: DecimalValue | None = Field(default=None, description="Default 2.5.")


class PerDimensionModel(_Model):
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
_POLICY_KINDS: Final = frozenset({"supervisor_decides", "weighted_sources", "per_dimension"})


class GuardsModel(_Model):
    """Guards applied before any policy: anonymous input needs a minimum of responses."""

    model_config = ConfigDict(title="Pengaman anonimitas (guards)")

    min_anonymous_responses: int = Field(
        default=3, strict=True, json_schema_extra={"minimum": 1, "maximum": 1000}
    )
    anonymous_roles: list[RoleValue] = Field(
        default=[AssessorRole.PEER, AssessorRole.SUBORDINATE], max_length=10
    )


Count = Annotated[int, Strict(), Field(ge=0)]


class AttendanceModel(_Model):
    """One month's attendance record (rekap kehadiran) as counts; each defaults to 0."""

    model_config = ConfigDict(title="Rekap kehadiran (attendance, one month)")

    days_absent: Count = Field(default=0, description="Days absent without a valid reason.")
    missing_checks: Count = Field(
        default=0, description="Missing check-ins or check-outs (tidak presensi), each counted."
    )
    minutes_late_or_early: Count = Field(
        default=0, description="Minutes late, early or away without permission, summed."
    )
    missed_ceremonies: Count = Field(default=0, description="Flag ceremonies missed.")


class RewardInputsModel(_Model):
    """What the reward rules need for one employee besides the appraisals (all optional)."""

    model_config = ConfigDict(title="Masukan tindak lanjut (reward inputs of one employee)")

    kelas: Annotated[int, Strict(), Field(ge=1)] | None = Field(
        default=None, description="Kelas jabatan, for the allowance (tukin / TPP)."
    )
    attendance: dict[PeriodValue, AttendanceModel] = Field(
        default={},
        max_length=MAX_ITEMS,
        description="Attendance per month, keyed by the month ('2025-03').",
    )
    prior_angka_kredit: DecimalValue = Field(
        default=Decimal(0), description="Angka kredit already held."
    )
    result_received_on: DateValue | None = Field(
        default=None,
        description="When the employee received the latest result; default the day the"
        " pejabat penilai gave the latest assessment.",
    )


class DocumentModel(_Model):
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
    reward_inputs: Annotated[dict[NipValue, RewardInputsModel], BeforeValidator(_distinct_nips)] = (
        Field(
            default={},
            max_length=MAX_ITEMS,
            description="Inputs of the reward rules per employee NIP (kelas jabatan, monthly"
            " attendance, angka kredit already held, date the result was received); used by"
            " `asn-performance rewards`.",
        )
    )


class StepModel(_Model):
    """One step of the explanation; title and citation are written for readers, ignored on
    input."""

    model_config = ConfigDict(title="Langkah penjelasan (explanation step)")

    rule: Word
    title: StepText | None = None
    citation: StepText | None = None
    dimension: Word
    inputs: list[Pair] = Field(default=[], max_length=MAX_ITEMS)
    output: StepText
    note: StepText = ""


class IntegrityModel(_Model):
    """The seal of a record: SHA-256 over its canonical JSON form (see ``integrity``)."""

    model_config = ConfigDict(title="Segel integritas (integrity seal)")

    algorithm: Literal["sha256"]
    canonical: Literal["asn-performance-json/1"]
    digest: str = Field(pattern=r"^[0-9a-f]{64}$", description="64 lowercase hex digits.")


class AppraisalModel(_Model):
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


class ResultModel(_Model):
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


class RosterModel(_Model):
    """An organisation roster: employees with the NIP of their direct superior."""

    model_config = ConfigDict(title="Daftar pegawai dan atasan langsung (roster)")

    schema_version: Literal["1"] = "1"
    kind: Literal["roster"] = "roster"
    employees: list[EmployeeModel] = Field(max_length=MAX_ITEMS)


class FeedbackModel(_Model):
    """One entry of the continuous-feedback log (umpan balik berkelanjutan, bukti dukung)."""

    model_config = ConfigDict(title="Umpan balik / bukti dukung (feedback entry)")

    id: Id
    plan_id: Id
    author_nip: NipValue
    on: DateValue
    kind: FeedbackKindValue
    text: Feedback
    indicator_id: Id | None = None
    replies_to: Id | None = None
    link: LongText | None = None


class EventModel(_Model):
    """One event of an SKP's life: who, when, what, the stages, and the chained digests."""

    model_config = ConfigDict(title="Peristiwa (lifecycle event)")

    sequence: Count
    action: ActionValue
    actor_nip: NipValue
    actor_role: PlanRoleValue
    at: DateTimeValue
    stage_before: StageValue | None
    stage_after: StageValue
    plan: PlanModel | None = None
    feedback: FeedbackModel | None = None
    appraisal: AppraisalModel | None = None
    note: StepText = ""
    deadline: DateValue | None = None
    previous_digest: str = Field(pattern=r"^([0-9a-f]{64})?$")
    digest: str = Field(pattern=r"^[0-9a-f]{64}$")


class CycleModel(_Model):
    """The life of one SKP (its event log), with a summary for readers and its seal."""

    model_config = ConfigDict(title="Riwayat SKP (performance cycle)")

    schema_version: Literal["1"]
    kind: Literal["performance_cycle"]
    plan_id: Id
    employee_nip: NipValue
    stage: StageValue
    stage_label: StepText | None = None
    predikat: PredikatValue | None = None
    result_digest: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    objection_deadline: DateValue | None = None
    events: list[EventModel] = Field(min_length=1, max_length=MAX_ITEMS)
    integrity: IntegrityModel | None = None


_RESULTS: Final = TypeAdapter(list[ResultModel])


# --- the document as domain objects ------------------------------------------------------------


def _to_tuple(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value


def _each(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InputError(
                f"must be a tuple of {kind.__name__}",
                path=attribute.name,
                value=type(value).__name__,
                rule="TYPE",
                fix=f"pass a tuple of {kind.__name__}",
            )
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise InputError(
                    f"must hold {kind.__name__} objects",
                    path=f"{attribute.name}[{index}]",
                    value=type(item).__name__,
                    rule="TYPE",
                    fix=f"pass {kind.__name__} objects",
                )

    return validate


def _reward_inputs(value: object) -> FrozenMap[Nip, RewardInputs]:
    if not isinstance(value, Mapping):
        raise InputError(
            "must be a mapping of NIP to RewardInputs",
            path="reward_inputs",
            value=type(value).__name__,
            rule="TYPE",
            fix="pass e.g. {Nip.parse('198609262015051001'): RewardInputs(kelas=9)}",
        )
    table: dict[Nip, RewardInputs] = {}
    for key, inputs in value.items():
        nip = key if isinstance(key, Nip) else Nip.parse(key)
        field = f"reward_inputs[{nip.digits!r}]"
        if nip in table:
            raise DuplicateError(
                f"two entries name the NIP {nip.digits}",
                path=field,
                value=nip.digits,
                rule="DOCUMENT-UNIQUE",
                fix="give one entry per employee",
            )
        if not isinstance(inputs, RewardInputs):
            raise InputError(
                "must be a RewardInputs",
                path=field,
                value=type(inputs).__name__,
                rule="TYPE",
                fix="pass RewardInputs(kelas=..., ...)",
            )
        table[nip] = inputs
    return FrozenMap(table)


def _check_policy(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, WeightingPolicy):
        raise InputError(
            "must be a weighting policy",
            path=attribute.name,
            value=type(value).__name__,
            rule="TYPE",
            fix="pass SupervisorDecides(), WeightedSources(...) or PerDimension(...)",
        )


@attrs.frozen
class AppraisalDocument:
    """An input document as domain objects: employees, their SKP, the assessments and the
    settings to appraise them with.

    Invariants checked on construction: employee NIPs and plan ids are unique; every person a
    plan names (employee, pejabat penilai, atasan) is listed in ``employees`` as the same
    object value; every assessment is for a listed plan. So :func:`dump_document` always writes
    a document that :func:`load_document` reads back equal.
    """

    employees: tuple[Employee, ...] = attrs.field(converter=_to_tuple, validator=_each(Employee))
    plans: tuple[PerformancePlan, ...] = attrs.field(
        converter=_to_tuple, validator=_each(PerformancePlan)
    )
    assessments: tuple[Assessment, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_each(Assessment)
    )
    policy: WeightingPolicy = attrs.field(factory=SupervisorDecides, validator=_check_policy)
    guards: Guards = attrs.field(factory=Guards, validator=check_type(Guards))
    organisation_predikat: OrganisationPredikat | None = attrs.field(
        default=None, validator=check_type(OrganisationPredikat, optional=True)
    )
    title: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(500))
    )
    reward_inputs: FrozenMap[Nip, RewardInputs] = attrs.field(
        factory=FrozenMap, converter=_reward_inputs
    )

    def __attrs_post_init__(self) -> None:
        people: dict[Nip, Employee] = {}
        for index, employee in enumerate(self.employees):
            if employee.nip in people:
                raise DuplicateError(
                    f"employee {employee.nip} is listed twice",
                    path=f"employees[{index}].nip",
                    value=employee.nip.digits,
                    rule="DOCUMENT-UNIQUE",
                    fix="list each employee once",
                )
            people[employee.nip] = employee
        plan_ids: set[str] = set()
        for index, plan in enumerate(self.plans):
            if plan.id in plan_ids:
                raise DuplicateError(
                    f"two plans share the id {plan.id!r}",
                    path=f"plans[{index}].id",
                    value=plan.id,
                    rule="DOCUMENT-UNIQUE",
                    fix="give each plan its own id",
                )
            plan_ids.add(plan.id)
            for field in ("employee", "pejabat_penilai", "atasan_pejabat_penilai"):
                person: Employee | None = getattr(plan, field)
                if person is not None and people.get(person.nip) != person:
                    raise InputError(
                        f"the {field.replace('_', ' ')} of plan {plan.id!r} is not listed in"
                        " the document's employees",
                        path=f"plans[{index}].{field}",
                        value=person.nip.digits,
                        rule="DOCUMENT-REFERENCE",
                        fix="add the employee (the same record) to employees",
                    )
        for index, assessment in enumerate(self.assessments):
            if assessment.plan_id not in plan_ids:
                raise InputError(
                    f"assessment for unknown plan {assessment.plan_id!r}",
                    path=f"assessments[{index}].plan_id",
                    value=assessment.plan_id,
                    rule="DOCUMENT-REFERENCE",
                    fix="use the id of a plan in the document",
                )
        for nip in self.reward_inputs:
            if nip not in people:
                raise InputError(
                    f"reward inputs for {nip.digits}, who is not in the document's employees",
                    path=f"reward_inputs[{nip.digits!r}]",
                    value=nip.digits,
                    rule="DOCUMENT-REFERENCE",
                    fix="add the employee to employees or remove the entry",
                )

    def appraise_all(self) -> tuple[Appraisal, ...]:
        """Appraise every plan, in plan order, each with its own assessments.

        Uses the document's policy, guards and organisation predikat. A domain error comes
        out with the JSON path of the document (``$.assessments[3].assessor_nip``), the index
        being the assessment's place in the document.
        """
        by_plan: dict[str, list[int]] = {plan.id: [] for plan in self.plans}
        for index, assessment in enumerate(self.assessments):
            by_plan[assessment.plan_id].append(index)
        results: list[Appraisal] = []
        for plan_index, plan in enumerate(self.plans):
            indices = by_plan[plan.id]
            try:
                results.append(
                    appraise(
                        plan,
                        [self.assessments[i] for i in indices],
                        policy=self.policy,
                        guards=self.guards,
                        organisation_predikat=self.organisation_predikat,
                    )
                )
            except AsnPerformanceError as error:
                raise self._engine_error(error, plan_index, indices) from None
        return tuple(results)

    def evaluate_rewards(
        self, policy: RewardPolicy, appraisals: Sequence[Appraisal] | None = None
    ) -> tuple[RewardOutcome, ...]:
        """Apply ``policy`` to each employee's appraisals, with the document's reward inputs.

        ``appraisals`` defaults to :meth:`appraise_all`. They are grouped by employee (in the
        order the employees' first plans appear); each group is evaluated with the employee's
        :class:`~asn_performance.consequences.reward.RewardInputs` from ``reward_inputs`` (none: the
        defaults). A domain error comes out at the JSON path of the document: an input at
        ``$.reward_inputs['<nip>'].kelas``, a period at ``$.plans[i].period``.
        """
        if not isinstance(policy, RewardPolicy):
            raise PolicyError(
                "policy must be a RewardPolicy",
                path="policy",
                value=type(policy).__name__,
                rule="TYPE",
                fix="pass asn_performance.consequences.reward.NATIONAL or a loaded policy",
            )
        items = self.appraise_all() if appraisals is None else tuple(appraisals)
        plan_index = {plan.id: i for i, plan in enumerate(self.plans)}
        groups: dict[Nip, list[Appraisal]] = {}
        for position, appraisal in enumerate(items):
            if not isinstance(appraisal, Appraisal):
                raise InputError(
                    "must be an Appraisal",
                    path=f"appraisals[{position}]",
                    value=type(appraisal).__name__,
                    rule="TYPE",
                    fix="pass the results of appraise_all()",
                )
            groups.setdefault(appraisal.plan.employee.nip, []).append(appraisal)
        outcomes: list[RewardOutcome] = []
        for nip, group in groups.items():
            inputs: RewardInputs = self.reward_inputs.get(nip, RewardInputs())
            try:
                outcomes.append(inputs.evaluate(policy, group))
            except AsnPerformanceError as error:
                plans = [plan_index.get(a.plan.id, -1) for a in group]
                raise _reward_error(error, nip, group, plans) from None
        return tuple(outcomes)

    def _engine_error(
        self, error: AsnPerformanceError, plan_index: int, indices: list[int]
    ) -> AsnPerformanceError:
        """Translate a path relative to one appraise() call into the document's JSON path."""
        path = error.path or ""
        match = re.fullmatch(r"assessments\[([0-9]+)\](.*)", path, re.DOTALL)
        if match:
            rest = match.group(2)
            if rest == ".assessor" or rest.startswith(".assessor."):
                rest = ".assessor_nip" + rest.removeprefix(".assessor")
            return _with_path(error, f"$.assessments[{indices[int(match.group(1))]}]{rest}")
        if path in DIMENSIONS:
            lead = next(
                (i for i in indices if self.assessments[i].role is AssessorRole.PEJABAT_PENILAI),
                None,
            )
            if lead is not None:
                return _with_path(error, f"$.assessments[{lead}].{path}")
        if path in ("assessments", "organisation_predikat", "policy"):
            return _with_path(error, f"$.{path}")
        return error.at(f"$.plans[{plan_index}]")


_INPUT_FIELDS: Final = frozenset(
    {"kelas", "attendance", "prior_angka_kredit", "result_received_on"}
)


def _reward_error(
    error: AsnPerformanceError, nip: Nip, group: list[Appraisal], plans: list[int]
) -> AsnPerformanceError:
    """Place an error of the reward rules at the document's JSON path."""
    path = error.path or ""
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    if head == "start":  # accumulate() names the prior angka kredit "start"
        path, head = "prior_angka_kredit" + path.removeprefix("start"), "prior_angka_kredit"
    if head in _INPUT_FIELDS:
        return _with_path(error, f"$.reward_inputs{_member(nip.digits)}.{path}")
    codes = error.value if isinstance(error.value, list) else [error.value]
    for appraisal, index in reversed(list(zip(group, plans, strict=True))):
        if appraisal.period.code in codes and index >= 0:
            return _with_path(error, f"$.plans[{index}].period")
    first = next((index for index in plans if index >= 0), None)
    return error if first is None else error.at(f"$.plans[{first}]")


# --- errors ------------------------------------------------------------------------------------


def _with_path(error: AsnPerformanceError, path: str, suffix: str = "") -> AsnPerformanceError:
    """A copy of ``error`` whose path is exactly ``path`` (and whose message ends in suffix)."""
    clone = error.with_path(path)
    if suffix:
        clone.message += suffix
        clone.args = (clone.message,)
    return clone


def _build(
    path: str,
    factory: Callable[..., _T],
    /,
    *args: Any,
    renames: Mapping[str, str] | None = None,
    **kwargs: Any,
) -> _T:
    """Call ``factory``; a domain error comes out re-pathed under the JSON path ``path``.

    ``renames`` maps the first segment of the domain's path to the JSON field's name where they
    differ (``assessor`` -> ``assessor_nip``); an empty name means the object itself.
    """
    try:
        return factory(*args, **kwargs)
    except AsnPerformanceError as error:
        if renames and error.path:
            head, sep, tail = error.path.partition(".")
            if head in renames:
                new = renames[head]
                relative = f"{new}{sep}{tail}" if new else tail
                return_path = f"{path}.{relative}" if relative else path
                raise _with_path(error, return_path) from None
        raise error.at(path) from None


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_FIXES: Final[Mapping[str, str]] = {
    "missing": "add the field",
    "extra_forbidden": "remove the field or check its spelling",
    "string_type": "give text (a JSON string)",
    "int_type": "give a whole number",
    "bool_type": "give true or false",
    "list_type": "give a list (a JSON array)",
    "dict_type": "give an object (a JSON object)",
    "model_type": "give an object (a JSON object with the documented fields)",
    "model_attributes_type": "give an object (a JSON object with the documented fields)",
    "string_too_short": "fill it in",
    "date_format": "write the date as YYYY-MM-DD",
    "union_tag_not_found": "add the field 'kind'",
}


def _member(name: object) -> str:
    if isinstance(name, int):
        return f"[{name}]"
    text = str(name)
    return f".{text}" if _NAME.fullmatch(text) else f"[{text!r}]"


def _json_path(loc: Iterable[int | str], data: object) -> str:
    """The JSON path of a pydantic ``loc``, leaving out discriminator tags and key markers."""
    parts = ["$"]
    node: object = data
    after_tag = False
    for item in loc:
        if item == "[key]":
            continue
        if (
            not after_tag
            and isinstance(item, str)
            and item in _POLICY_KINDS
            and isinstance(node, Mapping)
            and node.get("kind") == item
        ):
            after_tag = True
            continue
        after_tag = False
        parts.append(_member(item))
        if isinstance(node, Mapping):
            node = node.get(item)
        elif isinstance(node, list) and isinstance(item, int) and 0 <= item < len(node):
            node = node[item]
        else:
            node = None
    return "".join(parts)


def _shown(value: object) -> object:
    """The offending value, or a short description of a large array or object."""
    if isinstance(value, (list, dict)) and len(value) > 10:
        noun = "array" if isinstance(value, list) else "object"
        return f"<{noun} of {len(value)} items>"
    return value


_FIX_TEMPLATES: Final[Mapping[str, str]] = {
    "string_too_long": "shorten it to at most {max_length} characters",
    "greater_than_equal": "give a number of at least {ge}",
    "string_pattern_mismatch": "write it to match {pattern}",
    "too_short": "give at least {min_length} item(s)",
    "too_long": "give at most {max_length} items (split the document)",
    "literal_error": "use {expected}",
    "union_tag_invalid": "use one of {expected_tags} for 'kind'",
}


def _fix(kind: str, ctx: Mapping[str, Any]) -> str:
    if kind in _FIXES:
        return _FIXES[kind]
    template = _FIX_TEMPLATES.get(kind)
    if template is not None:
        try:
            return template.format(**ctx)
        except (KeyError, IndexError):  # pragma: no cover - pydantic always gives the context
            pass
    return "check the value against the JSON Schema (asn-performance schema)"


def _from_validation(error: ValidationError, data: object) -> AsnPerformanceError:
    """The first problem pydantic found, as a library error at its JSON path."""
    problems = error.errors(include_url=False)
    first = problems[0]
    more = len(problems) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    path = _json_path(first["loc"], data)
    ctx: Mapping[str, Any] = first.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, AsnPerformanceError):
        return _with_path(cause, path, suffix)
    kind = first["type"]
    value: object = first.get("input", MISSING)
    message = first["msg"]
    last = first["loc"][-1] if first["loc"] else "$"
    if kind == "missing":
        message, value = f"the field {last!r} is required", MISSING
    elif kind == "extra_forbidden":
        message = f"unknown field {last!r}"
    elif kind == "union_tag_invalid":
        path, value = f"{path}.kind", ctx.get("tag", value)
        message = f"unknown policy kind; expected one of {ctx.get('expected_tags')}"
    elif kind == "union_tag_not_found":
        path, value = f"{path}.kind", MISSING
        message = "the policy needs its 'kind'"
    return SchemaError(
        message + suffix,
        path=path,
        value=_shown(value),
        rule=f"SCHEMA-{kind}",
        fix=_fix(kind, ctx),
    )


# --- reading -----------------------------------------------------------------------------------


class _NonFiniteError(ValueError):
    """Raised by the JSON parser for NaN, Infinity and -Infinity."""


def _refuse_constant(name: str) -> Any:
    raise _NonFiniteError(name)


_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)', re.DOTALL)


def _line_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return line, column


def _json_failure(
    message: str, value: object, fix: str, rule: str = "SCHEMA-json_invalid"
) -> SchemaError:
    return SchemaError(message, path="$", value=value, rule=rule, fix=fix)


class _RepeatedKeyError(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _RepeatedKeyError(key)
        result[key] = value
    return result


def _loads(source: str | bytes | bytearray) -> object:
    """Parse JSON text with exact numbers; every failure is a SchemaError at ``$``."""
    if isinstance(source, (bytes, bytearray)):
        try:
            text = bytes(source).decode("utf-8")
        except UnicodeDecodeError as error:
            raise _json_failure(
                f"the document is not UTF-8 text (byte {error.start})",
                bytes(source[error.start : error.start + 8]),
                "save the file as UTF-8",
            ) from None
    else:
        text = source
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(
            text,
            parse_float=Decimal,
            parse_constant=_refuse_constant,
            object_pairs_hook=_unique_keys,
        )
    except _RepeatedKeyError as error:
        raise _json_failure(
            f"the key {shown(error.args[0])} appears twice in one object; readers disagree on"
            " which value counts",
            error.args[0],
            "keep one of the two",
            "SCHEMA-duplicate_key",
        ) from None
    except json.JSONDecodeError as error:
        lines = error.doc.splitlines()
        line_text = lines[error.lineno - 1] if 0 < error.lineno <= len(lines) else ""
        start = max(error.colno - 20, 0)
        raise _json_failure(
            f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}",
            line_text[start : start + 40].strip(),
            "check the JSON syntax there (commas, quotes, brackets)",
        ) from None
    except _NonFiniteError as error:
        found = next((m for m in _CONSTANT.finditer(text) if m.group(1)), None)
        where = ""
        if found is not None:
            line, column = _line_column(text, found.start(1))
            where = f" (line {line} column {column})"
        raise _json_failure(
            f"{error.args[0]} is not a number JSON allows{where}",
            error.args[0],
            'write an exact number as a string, e.g. "95"',
        ) from None
    except ArithmeticError:  # decimal.InvalidOperation: an exponent beyond any context
        raise _json_failure(
            "a number in the document is out of range",
            MISSING,
            'write the number as a string of digits, e.g. "95"',
            "SCHEMA-json_invalid",
        ) from None
    except RecursionError:
        raise _json_failure(
            f"the document is nested too deeply (at most {MAX_DEPTH} levels)",
            MISSING,
            "flatten the document",
            "SCHEMA-too_deep",
        ) from None
    except ValueError as error:  # e.g. an integer of more than 4300 digits
        raise _json_failure(f"unreadable JSON: {error}", MISSING, "check the numbers") from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _plain(value: object, loc: tuple[int | str, ...] = ()) -> object:
    """Copy ``value`` as plain dicts and lists (tuples become lists), checking the depth and
    that text is valid Unicode."""
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise SchemaError(
                "text holds an unpaired surrogate, which is not valid Unicode",
                path="$" + "".join(_member(item) for item in loc),
                value=value.encode("utf-8", "backslashreplace").decode("ascii", "replace"),
                rule="SCHEMA-string_unicode",
                fix="check the text's encoding",
            )
        return value
    if isinstance(value, Mapping):
        _check_depth(loc, value)
        for key in value:
            if not isinstance(key, str):
                raise SchemaError(
                    f"an object's keys are text, not {type(key).__name__}",
                    path="$" + "".join(_member(item) for item in loc),
                    value=shown(key),
                    rule="SCHEMA-key_type",
                    fix="use text keys, as JSON does",
                )
        return {_plain(key, loc): _plain(item, (*loc, key)) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        _check_depth(loc, value)
        return [_plain(item, (*loc, index)) for index, item in enumerate(value)]
    return value


def _check_depth(loc: tuple[int | str, ...], value: object) -> None:
    if len(loc) >= MAX_DEPTH:
        raise SchemaError(
            f"the document is nested too deeply (at most {MAX_DEPTH} levels)",
            path="$" + "".join(_member(item) for item in loc),
            value="<object>" if isinstance(value, Mapping) else "<array>",
            rule="SCHEMA-too_deep",
            fix="flatten the document",
        )


def _source(source: object) -> dict[str, Any]:
    """Turn JSON text or a mapping into a plain dict, or raise a SchemaError at ``$``."""
    if isinstance(source, (str, bytes, bytearray)):
        data = _loads(source)
    elif isinstance(source, Mapping):
        data = source
    else:
        raise SchemaError(
            f"a document is JSON text (str or bytes) or a mapping, not {type(source).__name__}",
            path="$",
            value=type(source).__name__,
            rule="SCHEMA-input_type",
            fix="pass the JSON text or the dict from json.loads",
        )
    if not isinstance(data, Mapping):
        kind = "array" if isinstance(data, (list, tuple)) else type(data).__name__
        raise SchemaError(
            f"the top level of a document must be a JSON object, not {kind}",
            path="$",
            value=_shown(data),
            rule="SCHEMA-model_type",
            fix='wrap the content in an object, e.g. {"schema_version": "1", ...}',
        )
    plain = _plain(data)
    if not isinstance(plain, dict):  # pragma: no cover - a Mapping always becomes a dict
        raise TypeError
    return plain


_M = TypeVar("_M", bound=BaseModel)


def _validate(model: type[_M], data: dict[str, Any]) -> _M:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise _from_validation(error, data) from None


def _guarded(load: Callable[[dict[str, Any]], _T], source: object) -> _T:
    """Run a loader; anything but a library error becomes a SchemaError (never a traceback)."""
    try:
        return load(_source(source))
    except AsnPerformanceError:
        raise
    except (
        KeyError,
        TypeError,
        ValueError,
        AttributeError,
        RecursionError,
        OverflowError,
    ) as error:
        raise SchemaError(
            f"the document could not be read ({type(error).__name__}: {error})",
            path="$",
            value=MISSING,
            rule="SCHEMA-unreadable",
            fix="check the document against the JSON Schema; report this if it is valid",
        ) from None


# --- building domain objects -------------------------------------------------------------------


def _employee(model: EmployeeModel, path: str) -> Employee:
    position = _build(
        f"{path}.position",
        Position,
        model.position.kind,
        model.position.title,
        model.position.jenjang,
    )
    return _build(path, Employee, model.nip, model.name, position, model.unit, model.superior_nip)


def _work_result(model: WorkResultModel, path: str) -> WorkResult:
    indicators = []
    for index, item in enumerate(model.indicators):
        here = f"{path}.indicators[{index}]"
        target = _build(here, Target, item.target.lower, item.target.upper, item.target.unit)
        indicators.append(
            _build(here, Indicator, item.id, item.text, target, item.aspect, item.direction)
        )
    return _build(
        path, WorkResult, model.id, model.text, tuple(indicators), model.kind,
        model.leader_work_result,
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


def _plan(
    model: PlanModel | PlanRefModel,
    people: tuple[Employee, Employee, Employee | None],
    path: str,
    renames: Mapping[str, str] | None = None,
) -> PerformancePlan:
    _check_unique_ids(model.work_results, path)
    work_results = tuple(
        _work_result(wr, f"{path}.work_results[{j}]") for j, wr in enumerate(model.work_results)
    )
    if model.behaviours is None:
        behaviours = default_behaviours()
    else:
        behaviours = tuple(
            _build(f"{path}.behaviours[{k}]", BehaviourExpectation, b.value, b.special_expectation)
            for k, b in enumerate(model.behaviours)
        )
    employee, pejabat, atasan = people
    return _build(
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
_PLAN_REF_RENAMES: Final = {
    "employee": "employee_nip",
    "pejabat_penilai": "pejabat_penilai_nip",
    "atasan_pejabat_penilai": "atasan_pejabat_penilai_nip",
}


def _assessment(model: AssessmentModel, path: str) -> Assessment:
    realisations = tuple(
        _build(
            f"{path}.realisations[{k}]",
            Realisation,
            r.indicator_id,
            r.value,
            tuple(r.evidence),
            r.feedback,
        )
        for k, r in enumerate(model.realisations)
    )
    return _build(
        path,
        Assessment,
        plan_id=model.plan_id,
        role=model.role,
        assessor=model.assessor_nip,
        given_on=model.given_on,
        period=model.period,
        hasil_kerja=model.hasil_kerja,
        perilaku_kerja=model.perilaku_kerja,
        work_result_ratings=dict(model.work_result_ratings),
        behaviour_ratings=dict(model.behaviour_ratings),
        realisations=realisations,
        feedback=model.feedback,
        anonymised=model.anonymised,
        renames=_ASSESSMENT_RENAMES,
    )


def _policy(
    model: SupervisorDecidesModel | WeightedSourcesModel | PerDimensionModel, path: str
) -> WeightingPolicy:
    if isinstance(model, SupervisorDecidesModel):
        return SupervisorDecides()
    if isinstance(model, PerDimensionModel):
        return _build(
            path,
            PerDimension,
            _policy(model.hasil_kerja, f"{path}.hasil_kerja"),
            _policy(model.perilaku_kerja, f"{path}.perilaku_kerja"),
        )
    options: dict[str, Any] = {"weights": dict(model.weights)}
    if model.scale is not None:
        options["scale"] = dict(model.scale)
    if model.sesuai_from is not None:
        options["sesuai_from"] = model.sesuai_from
    if model.di_atas_from is not None:
        options["di_atas_from"] = model.di_atas_from
    return _build(path, WeightedSources, renames={"thresholds": ""}, **options)


def _guards(model: GuardsModel | None, path: str) -> Guards:
    if model is None:
        return Guards()
    return _build(path, Guards, model.min_anonymous_responses, model.anonymous_roles)


def _reference_error(what: str, value: str, path: str, fix: str) -> SchemaError:
    return SchemaError(
        f"{what} {value!r} is not in the document",
        path=path,
        value=value,
        rule="SCHEMA-unknown_reference",
        fix=fix,
    )


def _document(data: dict[str, Any]) -> AppraisalDocument:
    model = _validate(DocumentModel, data)
    people: dict[Nip, Employee] = {}
    for j, person in enumerate(model.employees):
        if person.nip in people:
            raise SchemaError(
                f"employee {person.nip} is listed twice",
                path=f"$.employees[{j}].nip",
                value=person.nip.digits,
                rule="SCHEMA-duplicate_id",
                fix="list each employee once",
            )
        people[person.nip] = _employee(person, f"$.employees[{j}]")
    plans: dict[str, PerformancePlan] = {}
    for i, item in enumerate(model.plans):
        if item.id in plans:
            raise SchemaError(
                f"two plans share the id {item.id!r}",
                path=f"$.plans[{i}].id",
                value=item.id,
                rule="SCHEMA-duplicate_id",
                fix="give each plan its own id",
            )
        found: list[Employee | None] = []
        for field in ("employee_nip", "pejabat_penilai_nip", "atasan_pejabat_penilai_nip"):
            nip: Nip | None = getattr(item, field)
            if nip is not None and nip not in people:
                raise _reference_error(
                    "employee", nip.digits, f"$.plans[{i}].{field}", "add the employee to"
                    " $.employees or correct the NIP",
                )  # fmt: skip
            found.append(None if nip is None else people[nip])
        employee, pejabat, atasan = found
        if employee is None or pejabat is None:  # pragma: no cover - both fields are required
            raise TypeError
        path = f"$.plans[{i}]"
        plans[item.id] = _plan(item, (employee, pejabat, atasan), path, _PLAN_REF_RENAMES)
    assessments = []
    for k, given in enumerate(model.assessments):
        if given.plan_id not in plans:
            raise _reference_error(
                "plan", given.plan_id, f"$.assessments[{k}].plan_id", "use the id of a plan in"
                " $.plans",
            )  # fmt: skip
        assessments.append(_assessment(given, f"$.assessments[{k}]"))
    rewards: dict[Nip, RewardInputs] = {}
    for nip, entry in model.reward_inputs.items():
        path = f"$.reward_inputs{_member(nip.digits)}"
        if nip not in people:
            raise _reference_error(
                "employee", nip.digits, path, "add the employee to $.employees or remove the"
                " entry",
            )  # fmt: skip
        rewards[nip] = _reward_inputs_entry(entry, path)
    return _build(
        "$",
        AppraisalDocument,
        employees=tuple(people.values()),
        plans=tuple(plans.values()),
        assessments=tuple(assessments),
        policy=_policy(model.policy, "$.policy"),
        guards=_guards(model.guards, "$.guards"),
        organisation_predikat=model.organisation_predikat,
        title=model.title,
        reward_inputs=rewards,
    )


def _reward_inputs_entry(model: RewardInputsModel, path: str) -> RewardInputs:
    attendance = {
        period: Attendance(
            days_absent=record.days_absent,
            missing_checks=record.missing_checks,
            minutes_late_or_early=record.minutes_late_or_early,
            missed_ceremonies=record.missed_ceremonies,
        )
        for period, record in model.attendance.items()
    }
    return _build(
        path,
        RewardInputs,
        kelas=model.kelas,
        attendance=attendance,
        prior_angka_kredit=model.prior_angka_kredit,
        result_received_on=model.result_received_on,
    )


def _standalone_plan(model: PlanModel, path: str) -> PerformancePlan:
    employee = _employee(model.employee, f"{path}.employee")
    pejabat = _employee(model.pejabat_penilai, f"{path}.pejabat_penilai")
    atasan = (
        None
        if model.atasan_pejabat_penilai is None
        else _employee(model.atasan_pejabat_penilai, f"{path}.atasan_pejabat_penilai")
    )
    return _plan(model, (employee, pejabat, atasan), path)


def _appraisal(data: dict[str, Any]) -> Appraisal:
    model = _validate(AppraisalModel, data)
    if model.integrity is not None:
        verify(data)
    return _appraisal_from(model, "$")


def _appraisal_from(model: AppraisalModel, path: str) -> Appraisal:
    plan = _standalone_plan(model.plan, f"{path}.plan")
    assessments = tuple(
        _assessment(item, f"{path}.assessments[{k}]") for k, item in enumerate(model.assessments)
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
    return _build(
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


def _feedback_from(model: FeedbackModel, path: str) -> FeedbackEntry:
    return _build(
        path,
        FeedbackEntry,
        id=model.id,
        plan_id=model.plan_id,
        author=model.author_nip,
        on=model.on,
        kind=model.kind,
        text=model.text,
        indicator_id=model.indicator_id,
        replies_to=model.replies_to,
        link=model.link,
        renames={"author": "author_nip"},
    )


def _event_from(model: EventModel, path: str) -> Event:
    subject: PerformancePlan | FeedbackEntry | Appraisal | None = None
    given = [name for name in ("plan", "feedback", "appraisal") if getattr(model, name) is not None]
    if len(given) > 1:
        raise SchemaError(
            f"an event carries one subject, not {' and '.join(given)}",
            path=f"{path}.{given[1]}",
            value=given,
            rule="LIFECYCLE-SUBJECT",
            fix="keep the subject of the event's step only",
        )
    if model.plan is not None:
        subject = _standalone_plan(model.plan, f"{path}.plan")
    elif model.feedback is not None:
        subject = _feedback_from(model.feedback, f"{path}.feedback")
    elif model.appraisal is not None:
        if model.appraisal.integrity is not None:
            raise SchemaError(
                "an event's appraisal carries no seal of its own: the event's digest covers it",
                path=f"{path}.appraisal.integrity",
                value="<object>",
                rule="LIFECYCLE-SUBJECT",
                fix="remove the integrity block from the event's appraisal",
            )
        subject = _appraisal_from(model.appraisal, f"{path}.appraisal")
    event = _build(
        path,
        Event,
        sequence=model.sequence,
        action=model.action,
        actor=model.actor_nip,
        role=model.actor_role,
        at=model.at,
        stage_before=model.stage_before,
        stage_after=model.stage_after,
        subject=subject,
        note=model.note,
        deadline=model.deadline,
        previous_digest=model.previous_digest,
        renames={"actor": "actor_nip", "role": "actor_role", "subject": ""},
    )
    if event.digest != model.digest:
        raise IntegrityError(
            "the event was changed after it was recorded: its content no longer matches its digest",
            path=f"{path}.digest",
            value=model.digest,
            rule="INTEGRITY-CHAIN",
            fix="restore the history from the original; a later change is a new event",
        )
    return event


#: Where the lifecycle's names for an event's parts differ from the JSON fields.
_EVENT_FIELDS: Final = {
    "actor": "actor_nip",
    "role": "actor_role",
    "reasons": "note",
    "entry": "feedback",
}
_EVENT_FIELD = re.compile(r"^(?P<event>events\[[0-9]+\])\.(?P<field>[a-z_]+)(?P<rest>.*)$")


def _cycle(data: dict[str, Any]) -> PerformanceCycle:
    model = _validate(CycleModel, data)
    if model.integrity is not None:
        verify(data)
    events = tuple(_event_from(item, f"$.events[{k}]") for k, item in enumerate(model.events))
    try:
        cycle = PerformanceCycle(events)
    except AsnPerformanceError as error:
        found = _EVENT_FIELD.match(error.path or "")
        if found is None:
            raise error.at("$") from None
        field = _EVENT_FIELDS.get(found["field"], found["field"])
        raise _with_path(error, f"$.{found['event']}.{field}{found['rest']}") from None
    result = cycle.result
    summary = {
        "plan_id": (model.plan_id, cycle.plan.id),
        "employee_nip": (model.employee_nip, cycle.plan.employee.nip),
        "stage": (model.stage, cycle.stage),
        "predikat": (model.predikat, None if result is None else result.predikat),
        "result_digest": (model.result_digest, cycle.result_digest),
        "objection_deadline": (model.objection_deadline, cycle.objection_deadline),
    }
    for name, (stated, derived) in summary.items():
        if stated != derived:
            raise IntegrityError(
                f"the summary says {name} {_shown_code(stated)}, the history gives"
                f" {_shown_code(derived)}",
                path=f"$.{name}",
                value=_shown_code(stated),
                rule="INTEGRITY-DIGEST",
                fix="the history is the record: restore the summary written with it",
            )
    return cycle


def _shown_code(value: object) -> object:
    if isinstance(value, Labelled):
        return value.code
    if isinstance(value, Nip):
        return value.digits
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# --- public loaders ----------------------------------------------------------------------------


def load_document(source: str | bytes | Mapping[str, Any]) -> AppraisalDocument:
    """Read an input document (JSON text, UTF-8 bytes or an already-parsed mapping).

    Checks the shape, builds every domain object and resolves the references: plans name
    people by NIP (each must be in ``employees``), assessments name their plan by id.

    Raises:
        SchemaError: the text is not JSON, a field is missing, unknown or of the wrong JSON
            type, a reference is unknown or an id is repeated (``path`` is the JSON path).
        AsnPerformanceError: a value breaks a domain rule (a bad NIP, an unknown rating, a
            reversed target range...), with the domain's rule id and the JSON path.
    """
    return _guarded(_document, source)


def load_employee(source: str | bytes | Mapping[str, Any]) -> Employee:
    """Read one employee object, as written by :func:`dump_employee`.

    Raises:
        AsnPerformanceError: as :func:`load_document`, with paths from ``$``.
    """
    return _guarded(lambda data: _employee(_validate(EmployeeModel, data), "$"), source)


def load_plan(source: str | bytes | Mapping[str, Any]) -> PerformancePlan:
    """Read one standalone plan (SKP) with its people embedded, as written by :func:`dump_plan`.

    Raises:
        AsnPerformanceError: as :func:`load_document`, with paths from ``$``.
    """
    return _guarded(lambda data: _standalone_plan(_validate(PlanModel, data), "$"), source)


def load_assessment(source: str | bytes | Mapping[str, Any]) -> Assessment:
    """Read one assessment, as written by :func:`dump_assessment`.

    Raises:
        AsnPerformanceError: as :func:`load_document`, with paths from ``$``.
    """
    return _guarded(lambda data: _assessment(_validate(AssessmentModel, data), "$"), source)


def load_appraisal(source: str | bytes | Mapping[str, Any]) -> Appraisal:
    """Rebuild an :class:`~asn_performance.regimes.permenpanrb_6_2022.appraisal.Appraisal` written by :func:`dump_appraisal`.

    The result equals the original, explanation steps included; the steps' ``title`` and
    ``citation`` and the ``predikat_label`` are written for readers and ignored here. The
    predikat must agree with the two ratings (PermenPANRB 6/2022 matrix).

    Raises:
        AsnPerformanceError: as :func:`load_document`, with paths from ``$``.
    """
    return _guarded(_appraisal, source)


def load_cycle(source: str | bytes | Mapping[str, Any]) -> PerformanceCycle:
    """Rebuild a :class:`~asn_performance.process.lifecycle.PerformanceCycle` written by
    :func:`dump_cycle`, replaying its events through the lifecycle's checks.

    Every event's digest is recomputed and must match (``INTEGRITY-CHAIN``), the whole record
    must match its seal when it has one, and the summary (stage, predikat, digests, deadline)
    must agree with the history.

    Raises:
        IntegrityError: the record or an event was changed after it was written.
        AsnPerformanceError: as :func:`load_document`, and the lifecycle's own errors (an
            event a stage does not allow, by someone who may not take it), at
            ``$.events[i]``.
    """
    return _guarded(_cycle, source)


def _roster(data: dict[str, Any]) -> Roster:
    model = _validate(RosterModel, data)
    employees = tuple(
        _employee(item, f"$.employees[{k}]") for k, item in enumerate(model.employees)
    )
    return _build("$", Roster, employees)


def load_roster(source: str | bytes | Mapping[str, Any]) -> Roster:
    """Read an organisation roster (``{"kind": "roster", "employees": [...]}``), as written
    by :func:`dump_roster`; duplicates, missing superiors and cycles are refused at
    ``$.employees[i]``.

    Raises:
        RosterError: as :class:`~asn_performance.process.roster.Roster`, with JSON paths.
        AsnPerformanceError: as :func:`load_document`.
    """
    return _guarded(_roster, source)


def load_feedback(source: str | bytes | Mapping[str, Any]) -> FeedbackEntry:
    """Read one feedback log entry, as written by :func:`dump_feedback`.

    Raises:
        AsnPerformanceError: as :func:`load_document`, with paths from ``$``.
    """
    return _guarded(lambda data: _feedback_from(_validate(FeedbackModel, data), "$"), source)


# --- writing -----------------------------------------------------------------------------------

# The dict builders live in the domain module ``records`` (the integrity digest needs them
# without pydantic); the boundary keeps its historical private names.
_employee_dict = employee_record
_plan_body = plan_body_record
_plan_dict = plan_record
_plan_ref_dict = plan_ref_record
_assessment_dict = assessment_record
_step_dict = step_record


def _dec(value: Decimal) -> str:
    """A decimal as a JSON string in plain notation; ``Decimal("0.10")`` stays ``"0.10"``."""
    return _decimal_out(value)


def _code(member: Labelled | None) -> str | None:
    return None if member is None else member.code


def _nip(nip: Nip | None) -> str | None:
    return None if nip is None else nip.digits


def _require(value: object, kind: type, function: str) -> None:
    if not isinstance(value, kind):
        raise SchemaError(
            f"{function}() needs a {kind.__name__}, not {type(value).__name__}",
            path="$",
            value=type(value).__name__,
            rule="SCHEMA-input_type",
            fix=f"pass a {kind.__name__}",
        )


def _policy_dict(policy: object, path: str) -> dict[str, Any]:
    # Exact types: a subclass may behave differently and would not survive a round trip.
    if type(policy) is SupervisorDecides:
        return {"kind": "supervisor_decides"}
    if type(policy) is WeightedSources:
        return {
            "kind": "weighted_sources",
            "weights": {role.code: _dec(w) for role, w in policy.weights.items()},
            "scale": {rating.code: _dec(v) for rating, v in policy.scale.items()},
            "sesuai_from": _dec(policy.sesuai_from),
            "di_atas_from": _dec(policy.di_atas_from),
        }
    if type(policy) is PerDimension:
        return {
            "kind": "per_dimension",
            "hasil_kerja": _policy_dict(policy.hasil_kerja, f"{path}.hasil_kerja"),
            "perilaku_kerja": _policy_dict(policy.perilaku_kerja, f"{path}.perilaku_kerja"),
        }
    raise SchemaError(
        f"the policy {getattr(policy, 'name', type(policy).__name__)!r} cannot be written to JSON",
        path=path,
        value=type(policy).__name__,
        rule="SCHEMA-policy_kind",
        fix="only SupervisorDecides, WeightedSources and PerDimension are part of the format",
    )


def dump_employee(employee: Employee) -> dict[str, Any]:
    """Write an employee as a JSON-ready dict (NIP as its 18 digits, codes for enums)."""
    _require(employee, Employee, "dump_employee")
    return _employee_dict(employee)


def dump_plan(plan: PerformancePlan) -> dict[str, Any]:
    """Write a plan (SKP) that stands alone: the employee, the pejabat penilai and the atasan
    are embedded as full employee objects; targets are decimal strings."""
    _require(plan, PerformancePlan, "dump_plan")
    return _plan_dict(plan)


def dump_assessment(assessment: Assessment) -> dict[str, Any]:
    """Write an assessment as a JSON-ready dict (dates ISO, periods by code)."""
    _require(assessment, Assessment, "dump_assessment")
    return _assessment_dict(assessment)


def dump_document(doc: AppraisalDocument) -> dict[str, Any]:
    """Write an :class:`AppraisalDocument` as an input document (``schema_version`` "1").

    Plans name their people by NIP; the policy, guards, organisation predikat and reward
    inputs are written out in full, defaults included.

    Raises:
        SchemaError: the policy is not one of the built-in policies (``$.policy``).
    """
    _require(doc, AppraisalDocument, "dump_document")
    guards = doc.guards
    return {
        "schema_version": SCHEMA_VERSION,
        "title": doc.title,
        "policy": _policy_dict(doc.policy, "$.policy"),
        "guards": {
            "min_anonymous_responses": guards.min_anonymous_responses,
            "anonymous_roles": [
                role.code for role in sorted(guards.anonymous_roles, key=lambda r: r.order)
            ],
        },
        "organisation_predikat": _code(doc.organisation_predikat),
        "employees": [_employee_dict(e) for e in doc.employees],
        "plans": [_plan_ref_dict(p) for p in doc.plans],
        "assessments": [_assessment_dict(a) for a in doc.assessments],
        "reward_inputs": {
            nip.digits: _reward_inputs_dict(inputs) for nip, inputs in doc.reward_inputs.items()
        },
    }


def _reward_inputs_dict(inputs: RewardInputs) -> dict[str, Any]:
    return {
        "kelas": inputs.kelas,
        "attendance": {
            month: {
                "days_absent": record.days_absent,
                "missing_checks": record.missing_checks,
                "minutes_late_or_early": record.minutes_late_or_early,
                "missed_ceremonies": record.missed_ceremonies,
            }
            for month, record in inputs.attendance.items()
        },
        "prior_angka_kredit": _dec(inputs.prior_angka_kredit),
        "result_received_on": None
        if inputs.result_received_on is None
        else inputs.result_received_on.isoformat(),
    }


def dump_appraisal(appraisal: Appraisal) -> dict[str, Any]:
    """Write an appraisal in full: the plan, the assessments it keeps and the explanation.

    Anonymous sources' assessments appear as :func:`~asn_performance.appraise` keeps them:
    without their givers' NIPs and without what was withheld. For display, give apps the
    shorter :func:`dump_result`.
    """
    _require(appraisal, Appraisal, "dump_appraisal")
    return seal(appraisal_record(appraisal))


def dump_result(appraisal: Appraisal) -> dict[str, Any]:
    """Write the compact result record for apps: who, which plan and period, the two ratings
    and the predikat (codes and Indonesian labels), the one-line reason and the explanation.

    No individual assessment is included, so anonymous input is never shown (the explanation
    gives counts only).
    """
    _require(appraisal, Appraisal, "dump_result")
    return seal(result_record(appraisal))


def dump_cycle(cycle: PerformanceCycle) -> dict[str, Any]:
    """Write an SKP's life: every event (who, when, what, stages, chained digests) with its
    subject in full, a summary for readers, and the seal over the whole record."""
    _require(cycle, PerformanceCycle, "dump_cycle")
    return seal(cycle_record(cycle))


def dump_roster(roster: Roster) -> dict[str, Any]:
    """Write an organisation roster: its employees in order, each with its superior's NIP."""
    _require(roster, Roster, "dump_roster")
    return {
        "schema_version": "1",
        "kind": "roster",
        "employees": [employee_record(e) for e in roster.employees],
    }


def dump_feedback(entry: FeedbackEntry) -> dict[str, Any]:
    """Write one feedback log entry as a JSON-ready dict."""
    _require(entry, FeedbackEntry, "dump_feedback")
    return feedback_record(entry)


def to_json(data: object) -> str:
    """JSON text of a dumped dict or list: UTF-8 characters kept, indented by 2, keys in order.

    Raises:
        SchemaError: ``data`` holds something JSON cannot represent exactly (a float NaN, a
            Decimal or another object: dump it with a ``dump_*`` function first).
    """
    try:
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as error:
        raise SchemaError(
            f"cannot be written as JSON: {error}",
            path="$",
            value=type(data).__name__,
            rule="SCHEMA-not_json",
            fix="pass the dict returned by a dump_* function",
        ) from None


# --- JSON Schema -------------------------------------------------------------------------------

_DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"


def input_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the input document read by :func:`load_document`.

    The schema describes the canonical form that the ``dump_*`` functions write; the loader is
    slightly more lenient (labels for codes, NIPs with separators, decimals as JSON numbers).
    """
    return {"$schema": _DRAFT, **DocumentModel.model_json_schema()}


def output_json_schema() -> dict[str, Any]:
    """The JSON Schema of the output: a JSON array of :func:`dump_result` records."""
    schema = _RESULTS.json_schema()
    return {
        "$schema": _DRAFT,
        "title": "Hasil evaluasi kinerja ASN (asn_performance output)",
        "description": "One record per appraised plan, as written by dump_result().",
        **schema,
    }
