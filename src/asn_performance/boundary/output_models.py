"""The JSON Schemas of the records the command line writes that no wire model describes.

The input documents and the appraisal records have pydantic wire models (their schemas come
from :mod:`asn_performance.boundary.appraisal_document` and its siblings); the outputs below
are written by the objects' own ``to_dict()`` and are never read back, so their schemas are
written here by hand, field by field, from those ``to_dict()`` methods:

* :func:`rewards_schema` -- ``asn-performance rewards --json``: a list of
  :meth:`~asn_performance.consequences.RewardOutcome.to_dict`;
* :func:`calibration_schema` -- ``asn-performance calibrate --json`` on an appraisal document:
  a list of :meth:`~asn_performance.consequences.distribution.DistributionReport.to_dict`;
* :func:`oversight_schema` -- ``calibrate --json`` on a units document:
  :meth:`~asn_performance.consequences.distribution.OversightReport.to_dict`;
* :func:`regime_results_schema` -- ``appraise --json`` on a regime document: a list of
  :func:`~asn_performance.boundary.regime_documents.dump_regime_result`;
* :func:`error_schema` -- the ``--json`` error object on standard error,
  ``{"error": AsnPerformanceError.to_dict()}``.

Every object is closed (``additionalProperties: false``) and lists every key it always
writes as required (a key written only sometimes, such as a unit's ``agency``, is allowed but
not required); a decimal is a JSON string in plain notation (a value shown to 2 places
has exactly 2 decimals); a code is one of its enumeration's codes. The schemas are drafts
2020-12 without ``$schema`` (:func:`asn_performance.boundary.schemas.json_schema` adds it).
"""

from __future__ import annotations

from typing import Any, Final

from asn_performance._kit.labels import Labelled
from asn_performance.consequences.allowance import DutyStatus, LeaveKind, PenaltyKind
from asn_performance.consequences.angka_kredit import AkPurpose
from asn_performance.consequences.distribution.limits import Bound, Rounding
from asn_performance.consequences.recognition import RecognitionKind
from asn_performance.domain.employee import Jenjang
from asn_performance.domain.plan import CoreValue, Direction
from asn_performance.domain.rank import Golongan
from asn_performance.domain.rating import OrganisationPredikat, Predikat
from asn_performance.exceptions import MAX_LISTED
from asn_performance.regimes.permenpanrb_8_2021 import Pp30Predikat
from asn_performance.regimes.pp_46_2011 import CreativityLevel, Pp46Predikat
from asn_performance.regimes.registry import PERMENPANRB_8_2021, PP46_2011
from asn_performance.regimes.transition_2021 import INTEGRATION_2021, PREDIKAT_TABLES

__all__ = [
    "calibration_schema",
    "error_schema",
    "oversight_schema",
    "regime_results_schema",
    "rewards_schema",
]

# --- leaves ------------------------------------------------------------------------------------

#: A decimal in plain notation, as ``decimal_text`` and ``exact_text`` write it.
DECIMAL: Final = {
    "type": "string",
    "pattern": r"^-?[0-9]+(\.[0-9]+)?$",
    "description": "An exact decimal in plain notation, as a JSON string.",
}
#: A value shown: rounded half-up to exactly 2 places (decision D5).
SHOWN: Final = {
    "type": "string",
    "pattern": r"^-?[0-9]+\.[0-9]{2}$",
    "description": "A value as shown: rounded half-up to 2 places, as a JSON string.",
}
NIP: Final = {"type": "string", "pattern": "^[0-9]{18}$", "description": "NIP: 18 digits."}
PERIOD: Final = {
    "type": "string",
    "pattern": r"^[0-9]{4}(-S[12]|-Q[1-4]|-[0-9]{2}"
    r"|-[0-9]{2}-[0-9]{2}/[0-9]{4}-[0-9]{2}-[0-9]{2})?$",
    "description": "A period's code: '2025', '2025-S1', '2025-Q1', '2025-03' or"
    " '2025-01-15/2025-06-30'.",
}
DATE: Final = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
TEXT: Final = {"type": "string"}
BOOLEAN: Final = {"type": "boolean"}
COUNT: Final = {"type": "integer", "minimum": 0}


def codes(cls: type[Labelled], description: str) -> dict[str, Any]:
    """A member of ``cls`` written as its code."""
    return {"type": "string", "enum": [member.code for member in cls], "description": description}


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or ``null``."""
    return {"anyOf": [schema, {"type": "null"}]}


def array(items: dict[str, Any], **limits: int) -> dict[str, Any]:
    """A JSON array of ``items`` (``minItems``/``maxItems`` as given)."""
    return {"type": "array", "items": items, **limits}


def closed(title: str, properties: dict[str, Any], description: str = "") -> dict[str, Any]:
    """A closed object: every property required, no other key."""
    schema: dict[str, Any] = {"type": "object", "title": title}
    if description:
        schema["description"] = description
    return {
        **schema,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def with_optional(schema: dict[str, Any], optional: dict[str, Any]) -> dict[str, Any]:
    """The closed object ``schema`` with further keys that are written only sometimes: allowed,
    not required."""
    return {**schema, "properties": {**schema["properties"], **optional}}


def shown_pair(name: str, *, optional: bool = False) -> dict[str, Any]:
    """``name`` (unrounded) and ``name_shown`` (2 places), as ``value_and_shown`` writes them."""
    if optional:
        return {name: nullable(DECIMAL), f"{name}_shown": nullable(SHOWN)}
    return {name: DECIMAL, f"{name}_shown": SHOWN}


PREDIKAT: Final = codes(Predikat, "Predikat kinerja pegawai (PermenPANRB 6/2022)")
ORGANISATION: Final = codes(OrganisationPredikat, "Capaian kinerja organisasi")
JENJANG: Final = codes(Jenjang, "Jenjang jabatan fungsional")
ROUNDING: Final = codes(Rounding, "The D4 rounding of percent limits")


def cited(title: str, properties: dict[str, Any]) -> dict[str, Any]:
    """An outcome of a consequence rule: its rule id, ``properties`` and its citation."""
    return closed(title, {"rule": TEXT, **properties, "citation": TEXT})


# --- rewards --------------------------------------------------------------------------------

_AK_PERIOD: Final = cited(
    "Angka kredit of one period",
    {
        "period": nullable(PERIOD),
        "predikat": PREDIKAT,
        "jenjang": JENJANG,
        "months": {"type": "integer", "minimum": 1, "maximum": 12},
        "percentage": DECIMAL,
        "koefisien": DECIMAL,
        "value": DECIMAL,
        "shown": SHOWN,
    },
)
_AK_TOTAL: Final = cited(
    "Angka kredit accumulated",
    {
        "start": DECIMAL,
        "value": DECIMAL,
        "shown": SHOWN,
        "sum_of_shown": SHOWN,
        "periods": array(_AK_PERIOD),
    },
)
_MINIMUM: Final = cited(
    "AK kumulatif minimal check",
    {
        "jenjang": JENJANG,
        "purpose": codes(AkPurpose, "What the minimum is for"),
        "total": DECIMAL,
        "minimum": DECIMAL,
        "reached": BOOLEAN,
        "shortfall": SHOWN,
    },
)
_ALLOWANCE: Final = with_optional(
    closed(
        "Allowance of one month (tukin / TPP)",
        {
            "rule": TEXT,
            "policy": TEXT,
            "version": TEXT,
            "period": nullable(PERIOD),
            "kelas": {"type": "integer", "minimum": 1},
            "predikat": PREDIKAT,
            "base": DECIMAL,
            "performance_percentage": DECIMAL,
            "performance": DECIMAL,
            "performance_paid": DECIMAL,
            "cut_percent": DECIMAL,
            "attendance": DECIMAL,
            "attendance_paid": DECIMAL,
            "total": DECIMAL,
            "citation": TEXT,
        },
    ),
    # Written only when the month has a leave, a duty status or a disciplinary penalty's cut
    # (AllowanceResult.to_dict).
    {
        "leave": nullable(
            {
                "type": "string",
                "enum": [kind.code for kind in LeaveKind],
                "description": "The month's leave (cuti), if any",
            }
        ),
        "status": nullable(
            {
                "type": "string",
                "enum": [status.code for status in DutyStatus],
                "description": "The month's duty status (tugas belajar, MPP), if any",
            }
        ),
        "discipline": {
            "type": "string",
            "enum": [kind.code for kind in PenaltyKind],
            "description": "The disciplinary penalty (PP 94/2021) whose cut the month bears",
        },
        "paid_percent": DECIMAL,
    },
)
_CAREER: Final = with_optional(
    cited(
        "Career check",
        {
            "question": TEXT,
            "eligible": BOOLEAN,
            "predikat": {
                "type": "object",
                "additionalProperties": PREDIKAT,
                "description": "The predikat the check used, keyed by when (a period or a phrase).",
            },
            "unconfirmed": BOOLEAN,
        },
    ),
    {
        "missing": array(TEXT),
        "on": DATE,
        "next_golongan": codes(Golongan, "The next golongan ruang (pangkat)"),
        "next_jenjang": JENJANG,
    },
)
_PAID_INCENTIVE: Final = closed(
    "An incentive paid (PaidIncentive.to_dict, rule RECOGNITION-INCENTIVE)",
    {"name": TEXT, "amount": DECIMAL, "paid": DECIMAL, "for_innovation": BOOLEAN},
)
_RECOGNITION: Final = with_optional(
    cited(
        "Recognition (agency practice)",
        {
            "period": nullable(PERIOD),
            "predikat": PREDIKAT,
            "items": array(codes(RecognitionKind, "A form of recognition")),
            "agency_practice": {"const": True},
        },
    ),
    # Written only when the period has an innovation or an incentive is paid.
    {
        "innovation": BOOLEAN,
        "incentives": array(_PAID_INCENTIVE),
        "incentive_total": DECIMAL,
    },
)
_DEVELOPMENT: Final = cited(
    "Development recommendation",
    {
        "period": PERIOD,
        "predikat": PREDIKAT,
        "values": array(codes(CoreValue, "A BerAKHLAK value rated Di Bawah Ekspektasi")),
        "work_results": array(closed("RHK rated Di Bawah Ekspektasi", {"id": TEXT, "text": TEXT})),
        "hasil_kerja_below": BOOLEAN,
        "perilaku_kerja_below": BOOLEAN,
    },
)
_STAGE: Final = closed(
    "Stage of the PP 30/2019 timeline",
    {
        "code": {
            "type": "string",
            "enum": [
                "improvement",
                "reassignment",
                "temporary_placement",
                "dismissal_recommendation",
            ],
        },
        "starts_on": DATE,
        "ends_on": nullable(DATE),
        "description": TEXT,
    },
)
_TIMELINE: Final = cited(
    "Timeline after targets not met (PP 30/2019 Pasal 56-58)",
    {"result_received_on": DATE, "stages": array(_STAGE)},
)
_CONSEQUENCES: Final = cited(
    "Consequences (PP 30/2019)",
    {
        "period": PERIOD,
        "predikat": PREDIKAT,
        "timeline": nullable(_TIMELINE),
        "pembinaan": BOOLEAN,
        "administrative_sanction": BOOLEAN,
    },
)
_OUTCOME: Final = closed(
    "Reward outcome of one employee",
    {
        "policy": TEXT,
        "version": TEXT,
        "nip": NIP,
        "periods": array(PERIOD),
        "angka_kredit": nullable(_AK_TOTAL),
        "minimums": array(_MINIMUM),
        "allowances": array(_ALLOWANCE),
        "career": array(_CAREER),
        "recognition": nullable(_RECOGNITION),
        "development": nullable(_DEVELOPMENT),
        "consequences": nullable(_CONSEQUENCES),
        "notes": array(TEXT),
    },
    "RewardOutcome.to_dict(): what follows one employee's appraisals under one reward policy.",
)


_PERIOD_TOTAL: Final = closed(
    "What the unit pays for one period (PeriodTotal)",
    {
        "period": nullable(PERIOD),
        "employees": COUNT,
        "performance_paid": DECIMAL,
        "attendance_paid": DECIMAL,
        "total": DECIMAL,
    },
)
_TOTALS: Final = closed(
    "The unit's totals (RewardTotals, rule UNIT-REWARD-TOTALS): the amounts as paid, added",
    {
        "rule": {"const": "UNIT-REWARD-TOTALS"},
        "employees": COUNT,
        "paid": COUNT,
        "periods": array(_PERIOD_TOTAL),
        "performance_paid": DECIMAL,
        "attendance_paid": DECIMAL,
        "total": DECIMAL,
        "minimum_reached": COUNT,
        "minimum_short": COUNT,
        "pembinaan": COUNT,
    },
)


def rewards_schema() -> dict[str, Any]:
    """The schema of ``rewards --json``: the policy, one ``RewardOutcome.to_dict()`` per
    employee, and the unit's totals (``RewardTotals.to_dict()``)."""
    return closed(
        "Tindak lanjut hasil evaluasi kinerja (asn-performance rewards --json)",
        {
            "policy": closed("The reward policy applied", {"name": TEXT, "version": TEXT}),
            "outcomes": array(_OUTCOME),
            "totals": _TOTALS,
        },
        "The policy, one record per employee as RewardOutcome.to_dict() writes it, and the"
        " unit's totals as RewardTotals.to_dict() writes them.",
    )


# --- the distribution check -----------------------------------------------------------------

_COUNTS: Final = closed("Employees per predikat", {predikat.code: COUNT for predikat in Predikat})
_LIMIT_CHECK: Final = closed(
    "One limit of the pola distribusi applied to a unit",
    {
        "bound": codes(Bound, "A maximum or a minimum"),
        "predikat": array(PREDIKAT, minItems=1),
        "limit_percent": nullable(DECIMAL),
        "limit_count": nullable(COUNT),
        "count": COUNT,
        "total": COUNT,
        "percent": nullable(SHOWN),
        "threshold": COUNT,
        "ok": BOOLEAN,
        "wording": TEXT,
    },
)
_REPORT: Final = closed(
    "Distribution check of one unit and period (SE MenPANRB 3/2023)",
    {
        "unit": TEXT,
        "organisation_predikat": ORGANISATION,
        "rounding": ROUNDING,
        "total": COUNT,
        "counts": _COUNTS,
        "ok": BOOLEAN,
        "checks": array(_LIMIT_CHECK),
    },
)


def calibration_schema() -> dict[str, Any]:
    """The schema of ``calibrate --json`` on an appraisal document: a list of
    ``DistributionReport.to_dict()``, one per period."""
    return {
        "title": "Pemeriksaan pola distribusi (asn-performance calibrate --json)",
        "description": "One report per period appraised, as DistributionReport.to_dict()"
        " writes it.",
        **array(_REPORT),
    }


def oversight_schema() -> dict[str, Any]:
    """The schema of ``calibrate --json`` on a units document: ``OversightReport.to_dict()``."""
    tally = closed("Units of one organisation predikat", {"units": COUNT, "with_violations": COUNT})
    # ``agency`` on each unit and ``agencies`` are written only when a unit names its agency.
    unit = with_optional(
        closed(
            "One unit",
            {
                "unit": TEXT,
                "organisation_predikat": ORGANISATION,
                "total": COUNT,
                "counts": _COUNTS,
                "ok": BOOLEAN,
                "violations": array(_LIMIT_CHECK),
            },
        ),
        {"agency": nullable(TEXT)},
    )
    agency = closed(
        "One agency (instansi): its units rolled up (AgencySummary.to_dict)",
        {
            "agency": nullable(TEXT),
            "units": COUNT,
            "employees": COUNT,
            "counts": _COUNTS,
            "units_with_violations": COUNT,
            "violating_units": array(TEXT),
            "organisation_predikat": nullable(ORGANISATION),
            "ok": BOOLEAN,
            "violations": array(_LIMIT_CHECK),
        },
        "The agency's total is checked (violations) only against its own organisation"
        " predikat, when given (rule SE3/2023-AGENCY); null otherwise.",
    )
    schema = closed(
        "Pengawasan pola distribusi (asn-performance calibrate --json, units document)",
        {
            "rounding": ROUNDING,
            "units_checked": COUNT,
            "employees": COUNT,
            "units_with_violations": COUNT,
            "ok": BOOLEAN,
            "by_organisation_predikat": {
                "type": "object",
                "propertyNames": {"enum": [org.code for org in OrganisationPredikat]},
                "additionalProperties": tally,
            },
            "units": array(unit),
        },
        "OversightReport.to_dict(): the totals, then every unit with its counts and violations;"
        " when units name their agency, each unit's agency and one roll-up per agency.",
    )
    return with_optional(schema, {"agencies": array(agency)})


# --- the results of the earlier regimes ---------------------------------------------------------

_STEP: Final = closed(
    "Explanation step",
    {
        "rule": TEXT,
        "title": TEXT,
        "citation": TEXT,
        "dimension": TEXT,
        "inputs": array(array(TEXT, minItems=2, maxItems=2)),
        "output": TEXT,
        "note": TEXT,
    },
)
_PP46_PREDIKAT: Final = codes(Pp46Predikat, "Predikat of PP 46/2011 (D6)")
_PP30_PREDIKAT: Final = codes(Pp30Predikat, "Predikat of PermenPANRB 8/2021")
_ACTIVITY: Final = closed(
    "Nilai capaian of one activity (PP 46/2011)",
    {
        "name": TEXT,
        **shown_pair("kuantitas"),
        **shown_pair("kualitas"),
        **shown_pair("waktu_efficiency"),
        **shown_pair("waktu"),
        **shown_pair("biaya_efficiency", optional=True),
        **shown_pair("biaya", optional=True),
        **shown_pair("value"),
    },
)
_PP46_SKP: Final = closed(
    "Nilai capaian SKP (PP 46/2011)",
    {
        "activities": array(_ACTIVITY, minItems=1),
        **shown_pair("mean"),
        "tugas_tambahan": COUNT,
        **shown_pair("tugas_tambahan_points"),
        "kreativitas": array(codes(CreativityLevel, "Level of a kreativitas")),
        **shown_pair("kreativitas_points"),
        **shown_pair("value"),
        "predikat": _PP46_PREDIKAT,
    },
)
_PP46: Final = closed(
    "Nilai prestasi kerja (PP 46/2011)",
    {
        "skps": array(_PP46_SKP, minItems=1),
        **shown_pair("skp_value"),
        **shown_pair("skp_part"),
        "behaviour_aspects": {"type": "integer", "enum": [5, 6]},
        **shown_pair("behaviour_value"),
        **shown_pair("behaviour_part"),
        **shown_pair("value"),
        "predikat": _PP46_PREDIKAT,
    },
)
_IKI: Final = closed(
    "Nilai capaian IKI (PermenPANRB 8/2021)",
    {
        "id": TEXT,
        "target": TEXT,
        "realisation": DECIMAL,
        "direction": codes(Direction, "Whether a higher or a lower realisation is better"),
        "target_used": DECIMAL,
        **shown_pair("capaian"),
        "capaian_percent": DECIMAL,
        "category": _PP30_PREDIKAT,
        **shown_pair("value"),
    },
)
_PP30_SKP: Final = closed(
    "Nilai SKP (PermenPANRB 8/2021)",
    {
        "utama": array(
            closed(
                "RHK utama",
                {
                    "id": TEXT,
                    "weight": DECIMAL,
                    "indicators": array(_IKI, minItems=1),
                    **shown_pair("value"),
                    **shown_pair("weighted"),
                },
            )
        ),
        "tambahan": array(
            closed(
                "Kinerja tambahan",
                {
                    "id": TEXT,
                    "scope_weight": DECIMAL,
                    "indicator": _IKI,
                    "k": DECIMAL,
                    **shown_pair("weighted"),
                },
            )
        ),
        **shown_pair("nilai_ku"),
        **shown_pair("tambahan_total"),
        **shown_pair("nilai_kt"),
    },
)
_PP30: Final = closed(
    "Nilai kinerja (PP 30/2019 + PermenPANRB 8/2021)",
    {
        "skp": nullable(_PP30_SKP),
        **shown_pair("skp_value"),
        **shown_pair("behaviour_value"),
        "with_peer_input": BOOLEAN,
        "skp_weight": DECIMAL,
        "behaviour_weight": DECIMAL,
        "innovation": BOOLEAN,
        **shown_pair("value"),
        "predikat": _PP30_PREDIKAT,
    },
)


def _half(regime: str, computed: dict[str, Any]) -> dict[str, Any]:
    return closed(
        f"A half of 2021 ({regime})",
        {"regime": {"const": regime}, **shown_pair("value"), "computed": nullable(computed)},
    )


_INTEGRATION: Final = closed(
    "Integration of 2021 (50 % / 50 %)",
    {
        "first_half": _half(PP46_2011.id, _PP46),
        "second_half": _half(PERMENPANRB_8_2021.id, _PP30),
        "predikat_table": {"type": "string", "enum": list(PREDIKAT_TABLES)},
        "innovation": BOOLEAN,
    },
)


def _regime_result(regime: str, value_name: str, detail: dict[str, Any]) -> dict[str, Any]:
    return closed(
        f"Result of one employee ({regime})",
        {
            "nip": NIP,
            "name": TEXT,
            "regime": {"const": regime},
            "legal_basis": TEXT,
            "period": PERIOD,
            "value_name": {"const": value_name},
            **shown_pair("value"),
            "predikat": nullable(
                {
                    "type": "string",
                    "enum": _REGIME_PREDIKAT,
                    "description": "The regime's own predikat; null when no table applies.",
                }
            ),
            "predikat_label": nullable(TEXT),
            "predikat_2022": nullable(PREDIKAT),
            "predikat_2022_label": nullable(TEXT),
            "detail": detail,
            "explanation": array(_STEP),
        },
    )


#: The codes of the regimes' own predikat (PP 46/2011 and PermenPANRB 8/2021 share them).
_REGIME_PREDIKAT: Final = list(dict.fromkeys(p.code for p in (*Pp46Predikat, *Pp30Predikat)))


def regime_results_schema() -> dict[str, Any]:
    """The schema of ``appraise --json`` on a regime document: a list of
    ``dump_regime_result`` records, each shaped by its regime."""
    return {
        "title": "Hasil penilaian rezim terdahulu (asn-performance appraise --json, regime"
        " document)",
        "description": "One record per employee, as dump_regime_result() writes it; 'detail'"
        " holds every intermediate value of the regime's rule set.",
        **array(
            {
                "oneOf": [
                    _regime_result(PP46_2011.id, "nilai_prestasi_kerja", _PP46),
                    _regime_result(PERMENPANRB_8_2021.id, "nilai_kinerja", _PP30),
                    _regime_result(INTEGRATION_2021, "nilai_integrasi_2021", _INTEGRATION),
                ]
            }
        ),
    }


# --- the error object ---------------------------------------------------------------------------


def error_schema() -> dict[str, Any]:
    """The schema of the ``--json`` error object: ``{"error": AsnPerformanceError.to_dict()}``."""
    problem = closed(
        "One problem",
        {
            "path": nullable(TEXT),
            "value": {
                "type": ["string", "integer", "boolean", "null"],
                "description": "The offending value: text (cut at 200 characters), a whole"
                " number of at most 18 digits, true, false or null; a decimal as its exact"
                " text; any other value as the short text the one-line form shows; null when"
                " the problem names no value.",
            },
            "rule": nullable(TEXT),
            "message": TEXT,
            "fix": nullable(TEXT),
        },
    )
    return closed(
        "Galat (asn-performance --json error, on standard error)",
        {
            "error": closed(
                "The problems of an input",
                {
                    "problems": array(problem, minItems=1, maxItems=MAX_LISTED),
                    "more": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "How many further problems were found beyond those listed.",
                    },
                },
            )
        },
        "AsnPerformanceError.to_dict() under the key 'error': the first problems (at most"
        f" {MAX_LISTED}), each with its path, value, rule, message and fix.",
    )
