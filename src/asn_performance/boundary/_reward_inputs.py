"""An employee's reward inputs in the input document (``$.reward_inputs['<nip>']``).

Kept apart from :mod:`asn_performance.boundary.part_documents` (which re-exports every name
here) so that no module passes 800 lines: the wire models of the inputs the reward rules need
besides the appraisals -- the kelas, the attendance per month, the angka kredit held, the day
the result was received, the disciplinary penalties of PP 94/2021 (issue 13, item 7) and
whether the period has an innovation (item 8) -- how they are built into
:class:`~asn_performance.consequences.RewardInputs` with the document's paths in errors, and
how they are written out.

``penalties`` and ``innovation`` are written only when given (a penalty or ``true``), so a
document without them is written as it always was.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import ConfigDict, Field, Strict

from asn_performance._kit.plain import decimal_text, iso_of
from asn_performance.boundary._wire import (
    MAX_ITEMS,
    Count,
    DateValue,
    DecimalValue,
    PeriodValue,
    PositiveWhole,
    WireModel,
    build,
)
from asn_performance.consequences import Attendance, DisciplinaryPenalty, RewardInputs

__all__ = [
    "AttendanceModel",
    "PenaltyModel",
    "RewardInputsModel",
    "penalties_from",
    "penalty_record",
    "reward_inputs_from",
    "reward_inputs_record",
]

_Bool = Annotated[bool, Strict()]
_PenaltyCode = Annotated[
    str,
    Strict(),
    Field(
        min_length=1,
        max_length=100,
        description="The kind of disciplinary penalty of PP 94/2021, by its code: ringan"
        " teguran_lisan, teguran_tertulis, pernyataan_tidak_puas_tertulis; sedang"
        " pemotongan_tukin_6_bulan, pemotongan_tukin_9_bulan, pemotongan_tukin_12_bulan;"
        " berat penurunan_jabatan, pembebasan_jabatan, pemberhentian_dengan_hormat.",
    ),
]


def _empty_array(schema: dict[str, Any]) -> None:
    """The JSON Schema's ``"default": []`` of an array field made by ``default_factory=list``
    (as :mod:`asn_performance.boundary.part_documents` writes it)."""
    schema["default"] = []


class AttendanceModel(WireModel):
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


def _kinds_months(schema: dict[str, Any]) -> None:
    """No ``"default"`` in the schema of ``months``: left out, a penalty runs its kind's
    months (``null`` given means none)."""
    schema.pop("default", None)


class PenaltyModel(WireModel):
    """A disciplinary penalty of PP 94/2021 (rule DISCIPLINE-PENALTY)."""

    model_config = ConfigDict(title="Hukuman disiplin (disciplinary penalty, PP 94/2021)")

    kind: _PenaltyCode
    effective_from: DateValue = Field(description="The TMT: the day the penalty takes effect.")
    months: PositiveWhole | None = Field(
        default=None,
        description="Months the penalty runs; left out: the kind's (sedang 6, 9 or 12, which"
        " must match; berat 12, UNCONFIRMED); null: only for a kind without months (ringan,"
        " pemberhentian).",
        json_schema_extra=_kinds_months,
    )


class RewardInputsModel(WireModel):
    """What the reward rules need for one employee besides the appraisals (all optional)."""

    model_config = ConfigDict(title="Masukan tindak lanjut (reward inputs of one employee)")

    kelas: PositiveWhole | None = Field(
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
    penalties: list[PenaltyModel] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
        json_schema_extra=_empty_array,
        description="Disciplinary penalties (PP 94/2021): a month inside a penalty's cut is cut"
        " as the allowance policy's discipline setting says; a penalty sedang or berat in"
        " force blocks the career checks (CAREER-DISCIPLINE).",
    )
    innovation: _Bool = Field(
        default=False,
        description="An innovation in the latest period (the recognition's incentives).",
    )


def penalties_from(models: list[PenaltyModel], path: str) -> tuple[DisciplinaryPenalty, ...]:
    """Build the penalties; an error at ``path.penalties[i]`` (and its field)."""
    built = []
    for i, model in enumerate(models):
        given: dict[str, Any] = {}
        if "months" in model.model_fields_set:  # left out: the kind's months
            given["months"] = model.months
        built.append(
            build(
                f"{path}.penalties[{i}]",
                DisciplinaryPenalty,
                kind=model.kind,
                effective_from=model.effective_from,
                **given,
            )
        )
    return tuple(built)


def reward_inputs_from(model: RewardInputsModel, path: str) -> RewardInputs:
    """Build an employee's reward inputs from their wire model; errors under ``path``."""
    attendance = {
        period: Attendance(
            days_absent=record.days_absent,
            missing_checks=record.missing_checks,
            minutes_late_or_early=record.minutes_late_or_early,
            missed_ceremonies=record.missed_ceremonies,
        )
        for period, record in model.attendance.items()
    }
    return build(
        path,
        RewardInputs,
        kelas=model.kelas,
        attendance=attendance,
        prior_angka_kredit=model.prior_angka_kredit,
        result_received_on=model.result_received_on,
        penalties=penalties_from(model.penalties, path),
        innovation=model.innovation,
    )


def penalty_record(penalty: DisciplinaryPenalty) -> dict[str, Any]:
    """A penalty as the input document gives it: kind, TMT and months (``null``: none)."""
    return {
        "kind": penalty.kind.code,
        "effective_from": penalty.effective_from.isoformat(),
        "months": penalty.months,
    }


def reward_inputs_record(inputs: RewardInputs) -> dict[str, Any]:
    """An employee's reward inputs as a JSON-ready dict, every field written out;
    ``penalties`` and ``innovation`` only when given (so a document without them is written
    as it always was)."""
    record: dict[str, Any] = {
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
        "prior_angka_kredit": decimal_text(inputs.prior_angka_kredit),
        "result_received_on": iso_of(inputs.result_received_on),
    }
    if inputs.penalties:
        record["penalties"] = [penalty_record(penalty) for penalty in inputs.penalties]
    if inputs.innovation:
        record["innovation"] = True
    return record
