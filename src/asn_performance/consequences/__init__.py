"""What follows a predikat (*tindak lanjut hasil evaluasi kinerja*): rewards and consequences.

PermenPANRB 6/2022 Pasal 5 ends performance management with *tindak lanjut* -- *penghargaan dan
sanksi*. This package turns predikat into what follows them, each as a pure, cited rule that
returns a typed outcome with its explanation steps:

* :mod:`~asn_performance.consequences.angka_kredit` (PermenPANRB 1/2023 Pasal 36; PerBKN
  3/2023): :func:`angka_kredit` prorated by months, :func:`accumulate` with full precision
  carried (decision D5), :func:`reaches_minimum`.
* :mod:`~asn_performance.consequences.allowance`: tunjangan kinerja / TPP, an
  :class:`AllowancePolicy` and :func:`compute_allowance`, paid in whole rupiah;
  :data:`KEMNAKER_2025` (Permenaker 15/2024) as an example; during leave (:class:`Leave`,
  :class:`LeaveKind`), tugas belajar or MPP (:class:`DutyStatus`) as the agency's
  :class:`LeavePolicy` says (:data:`KEMNAKER_LEAVE`: Permenaker 15/2024 Pasal 14); under a
  disciplinary penalty of PP 94/2021 (:class:`DisciplinaryPenalty`, :class:`PenaltyKind`,
  :class:`DisciplineLevel`) as the agency's :class:`DisciplineCuts` say
  (:data:`PP94_SEDANG_CUTS`: sedang, 25 % for 6, 9 or 12 months).
* :mod:`~asn_performance.consequences.career`: :func:`jenjang_promotion_eligible` (PerBKN
  3/2023), :func:`pangkat_reguler_eligible` (decision D11, UNCONFIRMED), :func:`succession_pool`
  (PP 30/2019).
* :mod:`~asn_performance.consequences.recognition`: :func:`recognise` (agency practice, not
  national law), incentives in rupiah (:class:`Incentive`, :class:`PaidIncentive`) and
  :func:`recommend_development`.
* :mod:`~asn_performance.consequences.sanctions` (PP 30/2019 Pasal 56-58):
  :func:`improvement_timeline` and :func:`consequences`.
* :mod:`~asn_performance.consequences.policy`: :class:`RewardPolicy`, a named, versioned set of
  these rules; :meth:`RewardPolicy.evaluate` returns a :class:`RewardOutcome`; :data:`NATIONAL`;
  :data:`REWARD_RULES` lists the rules recorded, with their citations.
* :mod:`~asn_performance.consequences.distribution`: the distribution curve of SE MenPANRB
  3/2023 (:func:`check_distribution` for one unit, :func:`oversee` for many).
"""

from typing import TYPE_CHECKING

from asn_performance._kit.lazy import lazy_exports

# ``angka_kredit`` names both a module of this package and its function: importing the module
# (as the policy does) sets the package's attribute to the module, so the function is bound
# here, eagerly, as it always was. Every other name loads on first use.
from asn_performance.consequences.angka_kredit import angka_kredit

if TYPE_CHECKING:
    from asn_performance.consequences.allowance import (
        DISCIPLINE_RULES,
        KEMNAKER_2025,
        KEMNAKER_LEAVE,
        LEAVE_RULES,
        PP94_SEDANG_CUTS,
        TUKIN_RULES,
        AllowancePolicy,
        AllowanceResult,
        Attendance,
        AttendanceCuts,
        DisciplinaryPenalty,
        DisciplineCut,
        DisciplineCuts,
        DisciplineLevel,
        DutyStatus,
        Leave,
        LeaveKind,
        LeavePolicy,
        PenaltyKind,
        compute_allowance,
    )
    from asn_performance.consequences.angka_kredit import (
        AK_MINIMUM,
        AK_PERCENTAGE,
        AK_RULES,
        KOEFISIEN,
        AkMinimum,
        AkPurpose,
        AngkaKreditResult,
        AngkaKreditTotal,
        MinimumCheck,
        accumulate,
        months_of,
        reaches_minimum,
    )
    from asn_performance.consequences.career import (
        CAREER_RULES,
        CareerCheck,
        jenjang_promotion_eligible,
        pangkat_date,
        pangkat_reguler_eligible,
        succession_pool,
    )
    from asn_performance.consequences.distribution import (
        CALIBRATION_RULES,
        DISTRIBUTION_LIMITS,
        NO_AGENCY,
        PREDIKAT_ORDER,
        AgencySummary,
        Bound,
        DistributionReport,
        Limit,
        LimitCheck,
        OversightReport,
        Rounding,
        UnitInput,
        UnitSummary,
        check_distribution,
        oversee,
    )
    from asn_performance.consequences.policy import (
        NATIONAL,
        REWARD_RULES,
        AngkaKreditRule,
        CareerRule,
        ConsequenceRule,
        DevelopmentRule,
        RecognitionRule,
        RewardInputs,
        RewardOutcome,
        RewardPolicy,
        render_steps,
    )
    from asn_performance.consequences.recognition import (
        DEFAULT_RECOGNITION,
        RECOGNITION_RULES,
        DevelopmentRecommendation,
        Incentive,
        PaidIncentive,
        Recognition,
        RecognitionKind,
        recognise,
        recommend_development,
    )
    from asn_performance.consequences.sanctions import (
        SANCTION_RULES,
        Consequences,
        ImprovementTimeline,
        TimelineStage,
        consequences,
        improvement_timeline,
    )

# The names load on first use (PEP 562, `asn_performance._kit.lazy`): a caller of one rule does
# not import the others (the distribution check does not load the allowance tables).
_EXPORTS: dict[str, tuple[str, ...]] = {
    "allowance": (
        "DISCIPLINE_RULES",
        "KEMNAKER_2025",
        "KEMNAKER_LEAVE",
        "LEAVE_RULES",
        "PP94_SEDANG_CUTS",
        "TUKIN_RULES",
        "AllowancePolicy",
        "AllowanceResult",
        "Attendance",
        "AttendanceCuts",
        "DisciplinaryPenalty",
        "DisciplineCut",
        "DisciplineCuts",
        "DisciplineLevel",
        "DutyStatus",
        "Leave",
        "LeaveKind",
        "LeavePolicy",
        "PenaltyKind",
        "compute_allowance",
    ),
    "angka_kredit": (
        "AK_MINIMUM",
        "AK_PERCENTAGE",
        "AK_RULES",
        "KOEFISIEN",
        "AkMinimum",
        "AkPurpose",
        "AngkaKreditResult",
        "AngkaKreditTotal",
        "MinimumCheck",
        "accumulate",
        "months_of",
        "reaches_minimum",
    ),
    "career": (
        "CAREER_RULES",
        "CareerCheck",
        "jenjang_promotion_eligible",
        "pangkat_date",
        "pangkat_reguler_eligible",
        "succession_pool",
    ),
    "distribution": (
        "CALIBRATION_RULES",
        "DISTRIBUTION_LIMITS",
        "NO_AGENCY",
        "PREDIKAT_ORDER",
        "AgencySummary",
        "Bound",
        "DistributionReport",
        "Limit",
        "LimitCheck",
        "OversightReport",
        "Rounding",
        "UnitInput",
        "UnitSummary",
        "check_distribution",
        "oversee",
    ),
    "policy": (
        "NATIONAL",
        "REWARD_RULES",
        "AngkaKreditRule",
        "CareerRule",
        "ConsequenceRule",
        "DevelopmentRule",
        "RecognitionRule",
        "RewardInputs",
        "RewardOutcome",
        "RewardPolicy",
        "render_steps",
    ),
    "recognition": (
        "DEFAULT_RECOGNITION",
        "RECOGNITION_RULES",
        "DevelopmentRecommendation",
        "Incentive",
        "PaidIncentive",
        "Recognition",
        "RecognitionKind",
        "recognise",
        "recommend_development",
    ),
    "sanctions": (
        "SANCTION_RULES",
        "Consequences",
        "ImprovementTimeline",
        "TimelineStage",
        "consequences",
        "improvement_timeline",
    ),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)

__all__ = [
    "AK_MINIMUM",
    "AK_PERCENTAGE",
    "AK_RULES",
    "CALIBRATION_RULES",
    "CAREER_RULES",
    "DEFAULT_RECOGNITION",
    "DISCIPLINE_RULES",
    "DISTRIBUTION_LIMITS",
    "KEMNAKER_2025",
    "KEMNAKER_LEAVE",
    "KOEFISIEN",
    "LEAVE_RULES",
    "NATIONAL",
    "NO_AGENCY",
    "PP94_SEDANG_CUTS",
    "PREDIKAT_ORDER",
    "RECOGNITION_RULES",
    "REWARD_RULES",
    "SANCTION_RULES",
    "TUKIN_RULES",
    "AgencySummary",
    "AkMinimum",
    "AkPurpose",
    "AllowancePolicy",
    "AllowanceResult",
    "AngkaKreditResult",
    "AngkaKreditRule",
    "AngkaKreditTotal",
    "Attendance",
    "AttendanceCuts",
    "Bound",
    "CareerCheck",
    "CareerRule",
    "ConsequenceRule",
    "Consequences",
    "DevelopmentRecommendation",
    "DevelopmentRule",
    "DisciplinaryPenalty",
    "DisciplineCut",
    "DisciplineCuts",
    "DisciplineLevel",
    "DistributionReport",
    "DutyStatus",
    "ImprovementTimeline",
    "Incentive",
    "Leave",
    "LeaveKind",
    "LeavePolicy",
    "Limit",
    "LimitCheck",
    "MinimumCheck",
    "OversightReport",
    "PaidIncentive",
    "PenaltyKind",
    "Recognition",
    "RecognitionKind",
    "RecognitionRule",
    "RewardInputs",
    "RewardOutcome",
    "RewardPolicy",
    "Rounding",
    "TimelineStage",
    "UnitInput",
    "UnitSummary",
    "accumulate",
    "angka_kredit",
    "check_distribution",
    "compute_allowance",
    "consequences",
    "improvement_timeline",
    "jenjang_promotion_eligible",
    "months_of",
    "oversee",
    "pangkat_date",
    "pangkat_reguler_eligible",
    "reaches_minimum",
    "recognise",
    "recommend_development",
    "render_steps",
    "succession_pool",
]
