"""The wire toolkit shared on purpose by the boundary's document modules (private module).

Everything the JSON documents have in common lives here once: the field types of the wire
models (:data:`DecimalValue`, :data:`NipValue`, :data:`PeriodValue`, :data:`Id`, :data:`Name`...)
and their base model :class:`WireModel` (pydantic v2, ``extra="forbid"``); reading JSON text
with exact numbers, repeated-key and depth checks (:func:`read_source`); the translation of
pydantic and domain errors into library errors at a JSON path such as ``$.plans[0].id``
(:func:`validate_model`, :func:`build`, :func:`guarded`); and :func:`to_json`.

Lossless numbers (library decision D5): every :class:`~decimal.Decimal` is written as a JSON
string in plain notation, never as a binary float; JSON text is parsed with
``parse_float=Decimal`` and ``NaN``/``Infinity`` are refused. The names are public inside this
private module: the sibling modules of :mod:`asn_performance.boundary` import them from here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Final

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PlainSerializer,
    PlainValidator,
    Strict,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from asn_performance._kit.labels import Labelled
from asn_performance._kit.plain import decimal_text as decimal_out
from asn_performance._kit.validate import build, to_tuple, tuple_of
from asn_performance.boundary._json_errors import (
    POLICY_KINDS,
    json_path,
    listed_twice,
    member,
    not_listed,
    repath,
)
from asn_performance.boundary._json_text import (
    BUDGET,
    DRAFT,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_ITEMS,
    MAX_PROBLEMS,
    ProblemBudget,
    budget_context,
    guarded,
    guarded_unwalked,
    loads,
    read_input,
    read_source,
    require,
    to_json,
    validate_model,
)
from asn_performance.boundary._readers import (
    EVIDENCE_LENGTH,
    FEEDBACK_LENGTH,
    ID_LENGTH,
    LONG_TEXT_LENGTH,
    MEASURE_UNIT_LENGTH,
    NAME_LENGTH,
    UNIT_NAME_LENGTH,
    distinct,
    distinct_check,
    label_reader,
)
from asn_performance.boundary._readers import date_in as _date_in
from asn_performance.boundary._readers import decimal_in as _decimal_in
from asn_performance.boundary._readers import nip_in as _nip_in
from asn_performance.boundary._readers import period_in as _period_in
from asn_performance.domain.assessment import AssessorRole
from asn_performance.domain.employee import Jenjang, PositionKind
from asn_performance.domain.feedback import FeedbackKind
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import (
    Approach,
    Aspect,
    CoreValue,
    Direction,
    WorkResultKind,
)
from asn_performance.domain.rating import OrganisationPredikat, Predikat, Rating
from asn_performance.exceptions import (
    SchemaError,
)
from asn_performance.process.lifecycle import Action, PlanRole, Stage

# --- field types -----------------------------------------------------------------------------


__all__ = [
    "CODE",
    "DRAFT",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_ITEMS",
    "MAX_PROBLEMS",
    "POLICY_KINDS",
    "ActionValue",
    "ApproachValue",
    "AspectValue",
    "CoreValueValue",
    "Count",
    "DateTimeValue",
    "DateValue",
    "DecimalValue",
    "DirectionValue",
    "Evidence",
    "Feedback",
    "FeedbackKindValue",
    "Id",
    "JenjangValue",
    "LongText",
    "MeasureUnit",
    "Name",
    "NipValue",
    "OrganisationPredikatValue",
    "Pair",
    "PeriodValue",
    "PlanRoleValue",
    "PolicyName",
    "PositionKindValue",
    "PositiveWhole",
    "PredikatValue",
    "RatingValue",
    "ReadOnce",
    "RoleValue",
    "StageValue",
    "StepText",
    "Title",
    "UnitName",
    "WholeNumber",
    "WireModel",
    "Word",
    "WorkResultKindValue",
    "budget_context",
    "build",
    "code_out",
    "date_out",
    "datetime_out",
    "decimal_out",
    "distinct_keys",
    "distinct_nips",
    "guarded",
    "guarded_unwalked",
    "json_path",
    "labelled",
    "labelled_schema",
    "listed_twice",
    "loads",
    "member",
    "nip_out",
    "not_listed",
    "period_out",
    "read_input",
    "read_label",
    "read_once",
    "read_source",
    "repath",
    "require",
    "text_field",
    "to_json",
    "to_tuple",
    "tuple_of",
    "validate_model",
]


def text_field(max_length: int, *, min_length: int = 1) -> Any:
    """A pydantic ``Field`` for text of ``min_length`` to ``max_length`` characters."""
    return Field(min_length=min_length, max_length=max_length)


Id = Annotated[str, Strict(), text_field(ID_LENGTH)]
Name = Annotated[str, Strict(), text_field(NAME_LENGTH)]
UnitName = Annotated[str, Strict(), text_field(UNIT_NAME_LENGTH)]
LongText = Annotated[str, Strict(), text_field(LONG_TEXT_LENGTH)]
Feedback = Annotated[str, Strict(), text_field(FEEDBACK_LENGTH)]
Evidence = Annotated[str, Strict(), text_field(EVIDENCE_LENGTH)]
MeasureUnit = Annotated[str, Strict(), text_field(MEASURE_UNIT_LENGTH, min_length=0)]
Title = Annotated[str, Strict(), text_field(500)]
Word = Annotated[str, Strict(), text_field(100, min_length=0)]
PolicyName = Annotated[str, Strict(), text_field(1000)]
StepText = Annotated[str, Strict(), text_field(4000, min_length=0)]
Pair = Annotated[list[StepText], Field(min_length=2, max_length=2)]


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


def datetime_out(moment: dt.datetime) -> str:
    """A moment as ISO 8601 text with its UTC offset."""
    return moment.isoformat()


def distinct_keys(cls: type[Labelled]) -> BeforeValidator:
    """Refuse an object whose keys name the same member twice ("kompeten" and "Kompeten"),
    which would otherwise collapse silently into one entry."""
    return BeforeValidator(distinct_check(cls))


def distinct_nips(value: object) -> object:
    """Refuse an object whose keys name the same NIP twice ("1986..." and "19860926 ...")."""
    return distinct(value, _nip_in, lambda nip: f"the NIP {nip.digits}")


def labelled(cls: type[Labelled]) -> PlainValidator:
    """A pydantic validator that reads a member of ``cls`` from its code, label or synonym."""

    def parse(value: object) -> Labelled:
        return cls.parse(value)

    return PlainValidator(parse)


def labelled_schema(cls: type[Labelled], description: str) -> WithJsonSchema:
    """The JSON Schema of a member of ``cls``: its codes, described by ``description``."""
    return WithJsonSchema(
        {
            "type": "string",
            "enum": [member.code for member in cls],
            "description": description
            + ". Written as the code; on input the Indonesian or English label or a synonym"
            " listed in docs/reference/labels.md is also accepted.",
        }
    )


def code_out(member: Labelled) -> str:
    """A member of a labelled enumeration as its code."""
    return member.code


def nip_out(nip: Nip) -> str:
    """A NIP as its 18 digits."""
    return nip.digits


def period_out(period: Period) -> str:
    """A period as its code (``"2025"``, ``"2025-S1"``, ``"2025-Q1"``, ``"2025-03"``,
    ``"2025-01-15/2025-06-30"``)."""
    return period.code


def date_out(day: dt.date) -> str:
    """A date as ISO ``YYYY-MM-DD``."""
    return day.isoformat()


def _counted(value: object, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
    """Validate one value within the document's problem budget, when :func:`validate_model`
    gives one: the values validated in Python (labels, NIPs, decimals, periods) may fill an
    array or object of one object by the hundred thousand, and each problem costs an
    exception (see :meth:`ProblemBudget.check_value`)."""
    budget = info.context.get(BUDGET) if isinstance(info.context, dict) else None
    if isinstance(budget, ProblemBudget):
        return budget.check_value(value, handler)
    return handler(value)


#: Counts the problems of a value validated in Python against the document's problem budget.
COUNTED = WrapValidator(_counted)


@dataclasses.dataclass(frozen=True, slots=True)
class ReadOnce(PlainValidator):
    """The validator :func:`read_once` gives: a ``PlainValidator`` that also names its reader
    (and, for a label, the enumeration), so that the fast twins of the part models
    (:mod:`asn_performance.boundary._fast_parts`) can read the same values without the
    problem budget."""

    reader: Callable[[Any], Any] | None = None
    label: type[Labelled] | None = None


def read_once(read: Callable[[Any], Any], label: type[Labelled] | None = None) -> PlainValidator:
    """A pydantic validator that reads a value with ``read`` (a NIP, a label, a decimal, a
    period), within the document's problem budget when :func:`validate_model` gives one.

    The same as ``PlainValidator(read)`` followed by :data:`COUNTED`, in one Python call
    instead of two (:meth:`ProblemBudget.read_value`); and within one validation, text is
    read once: a NIP or a label written the same way again is the value read the first time
    (the readers give immutable values, the same for the same text; errors are not kept).
    """

    def validate(value: object, info: ValidationInfo) -> Any:
        context = info.context
        budget = context.get(BUDGET) if isinstance(context, dict) else None
        if isinstance(budget, ProblemBudget):
            known = budget.read.get(read)
            if known is not None and type(value) is str and budget.found < budget.limit:
                found = known.get(value, known)  # the dict itself: not read yet
                if found is not known:
                    return found  # read before, from the same text (as read_value would)
            return budget.read_value(value, read)
        return read(value)

    return ReadOnce(validate, reader=read, label=label)


def read_label(cls: type[Labelled]) -> PlainValidator:
    """:func:`labelled` and :data:`COUNTED` in one: see :func:`read_once`."""
    return read_once(label_reader(cls), cls)


#: Serialisers, so that ``Model.model_dump(mode="json")`` gives the canonical form too.
CODE = PlainSerializer(code_out, return_type=str)

DecimalValue = Annotated[
    Decimal,
    read_once(_decimal_in),
    PlainSerializer(decimal_out, return_type=str),
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
    r"^[0-9]{4}(-S[12]|-Q[1-4]|-[0-9]{2}|-[0-9]{2}-[0-9]{2}/[0-9]{4}-[0-9]{2}-[0-9]{2})?$"
)
NipValue = Annotated[
    Nip,
    read_once(_nip_in),
    PlainSerializer(nip_out, return_type=str),
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
    read_once(_period_in),
    PlainSerializer(period_out, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _PERIOD_PATTERN,
            "description": "Periode penilaian: a year ('2025'), a semester ('2025-S1' = Semester"
            " I, January-June; '2025-S2' = Semester II), a triwulan ('2025-Q1'), a month"
            " ('2025-03') or a part-year span ('2025-01-15/2025-06-30'). On input the loader"
            " also reads a period's label ('Semester I 2025', 'Triwulan I 2025'); it writes the"
            " code.",
            "examples": ["2025", "2025-S1", "2025-Q1", "2025-03", "2025-01-15/2025-06-30"],
        }
    ),
]
DateValue = Annotated[
    dt.date,
    PlainValidator(_date_in),
    PlainSerializer(date_out, return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "description": "ISO date YYYY-MM-DD."}),
]
DateTimeValue = Annotated[
    dt.datetime,
    PlainValidator(_datetime_in),
    PlainSerializer(datetime_out, return_type=str),
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
    read_label(Rating),
    CODE,
    labelled_schema(Rating, "Rating (Di Bawah / Sesuai / Di Atas Ekspektasi)"),
]
PredikatValue = Annotated[
    Predikat,
    read_label(Predikat),
    CODE,
    labelled_schema(Predikat, "Predikat kinerja pegawai"),
]
OrganisationPredikatValue = Annotated[
    OrganisationPredikat,
    read_label(OrganisationPredikat),
    CODE,
    labelled_schema(OrganisationPredikat, "Capaian kinerja organisasi"),
]
FeedbackKindValue = Annotated[
    FeedbackKind,
    read_label(FeedbackKind),
    CODE,
    labelled_schema(FeedbackKind, "Kind of log entry (laporan, umpan balik, bukti dukung)"),
]
ActionValue = Annotated[
    Action, read_label(Action), CODE, labelled_schema(Action, "Lifecycle step (tindakan)")
]
PlanRoleValue = Annotated[
    PlanRole,
    read_label(PlanRole),
    CODE,
    labelled_schema(PlanRole, "Role on the SKP (peran)"),
]
StageValue = Annotated[
    Stage, read_label(Stage), CODE, labelled_schema(Stage, "Stage of the SKP's life (tahap)")
]
RoleValue = Annotated[
    AssessorRole,
    read_label(AssessorRole),
    CODE,
    labelled_schema(AssessorRole, "Who gave the assessment (peran penilai)"),
]
CoreValueValue = Annotated[
    CoreValue,
    read_label(CoreValue),
    CODE,
    labelled_schema(CoreValue, "A BerAKHLAK core value (nilai dasar)"),
]
AspectValue = Annotated[
    Aspect, read_label(Aspect), CODE, labelled_schema(Aspect, "Aspek of the indicator")
]
DirectionValue = Annotated[
    Direction,
    read_label(Direction),
    CODE,
    labelled_schema(Direction, "Whether a higher or a lower realisation is better"),
]
WorkResultKindValue = Annotated[
    WorkResultKind,
    read_label(WorkResultKind),
    CODE,
    labelled_schema(WorkResultKind, "RHK utama or tambahan"),
]
ApproachValue = Annotated[
    Approach,
    read_label(Approach),
    CODE,
    labelled_schema(Approach, "Pendekatan of the SKP (kuantitatif / kualitatif)"),
]
PositionKindValue = Annotated[
    PositionKind,
    read_label(PositionKind),
    CODE,
    labelled_schema(PositionKind, "Jenis jabatan"),
]
JenjangValue = Annotated[
    Jenjang,
    read_label(Jenjang),
    CODE,
    labelled_schema(Jenjang, "Jenjang jabatan fungsional"),
]


# --- wire models -----------------------------------------------------------------------------


class WireModel(BaseModel):
    """The base of every wire model: unknown fields refused, instances frozen.

    A model's validator and serialiser are built when it is first used (``defer_build``), not
    when its module is imported: a command that reads one kind of document does not pay for
    the models of all the others (``asn-performance appraise`` imports them all)."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True
    )

    @model_validator(mode="wrap")
    @classmethod
    def _within_budget(
        cls, data: object, handler: ModelWrapValidatorHandler[Any], info: ValidationInfo
    ) -> Any:
        """Validate within the document's problem budget, when :func:`validate_model` gives one
        (an object past the budget is not checked; see :class:`ProblemBudget`)."""
        budget = info.context.get(BUDGET) if isinstance(info.context, dict) else None
        if isinstance(budget, ProblemBudget):
            return budget.check(data, handler)
        return handler(data)


#: Past this many digits a decimal is not turned into an int (the strict check refuses it).
_WHOLE_DIGITS: Final = 18


def whole_number(value: object) -> object:
    """A JSON number with no fractional part (``7``, ``7.0``, ``7.00``) as an ``int``.

    The JSON text is read exactly (a ``Decimal`` for every number with a point or an
    exponent): PHP's ``json_encode(7.0)`` writes ``7.0``, and JSON Schema's ``"integer"``
    accepts it, so the loader does too. ``7.5`` is refused (``SCHEMA-int_from_float``); any
    other value is left for the strict ``int`` check (text, ``true``, a Python float).
    """
    if not isinstance(value, Decimal) or not value.is_finite() or value.adjusted() > _WHOLE_DIGITS:
        return value  # the strict int check refuses it
    if value != value.to_integral_value():
        raise SchemaError(
            "must be a whole number, not a number with a fractional part",
            path="$",
            value=decimal_out(value),
            rule="SCHEMA-int_from_float",
            fix=f"write a whole number (such as {int(value)})",
        )
    return int(value)


#: A whole number (``7``, or ``7.0`` as some encoders write it); its schema is ``integer``.
WholeNumber = Annotated[int, BeforeValidator(whole_number), Strict()]


#: A whole number of at least 0 (the schema's ``minimum``, written out: pydantic would show a
#: constraint behind a validator as ``ge``, which JSON Schema does not know).
Count = Annotated[WholeNumber, Field(ge=0), WithJsonSchema({"type": "integer", "minimum": 0})]

#: A whole number of at least 1.
PositiveWhole = Annotated[
    WholeNumber, Field(ge=1), WithJsonSchema({"type": "integer", "minimum": 1})
]
