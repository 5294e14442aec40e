"""asn_performance: the reference implementation of Indonesian ASN performance appraisal.

The current regime is PermenPANRB 6/2022 (with SE MenPANRB 3/2023): the pejabat penilai
kinerja rates hasil kerja and perilaku kerja as Di Atas / Sesuai / Di Bawah Ekspektasi, and a
3×3 matrix gives the predikat kinerja pegawai. Start with :func:`appraise`; see the tutorial
in ``docs/tutorials/first-appraisal.md``.

What follows a predikat is here too: :class:`RewardPolicy` (angka kredit, tunjangan kinerja,
career, recognition, development, consequences; ``docs/explanation/rewards.md``) and the
distribution check of SE MenPANRB 3/2023, :func:`check_distribution` and :func:`oversee`
(``docs/explanation/distribution-curve.md``).

``import asn_performance`` loads nothing of the package itself: each public name below loads
its module on first use (``appraise`` the domain, the engine and the 2022 regime: standard
library and attrs; dateutil only for schedules and sanctions). The JSON boundary,
:mod:`asn_performance.boundary` (documents, policy files, units files), loads pydantic when it
is used. The folders are the layers of the house: ``docs/explanation/architecture.md``.
"""

from typing import TYPE_CHECKING

from asn_performance._kit.lazy import lazy_exports

if TYPE_CHECKING:
    from asn_performance.consequences.allowance import AllowancePolicy, Attendance
    from asn_performance.consequences.distribution.check import (
        DistributionReport,
        check_distribution,
    )
    from asn_performance.consequences.distribution.oversight import (
        OversightReport,
        UnitInput,
        oversee,
    )
    from asn_performance.consequences.policy import RewardInputs, RewardOutcome, RewardPolicy
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
    )
    from asn_performance.domain.rank import Golongan, GolonganPppk
    from asn_performance.domain.rating import OrganisationPredikat, Predikat, Rating
    from asn_performance.exceptions import AsnPerformanceError
    from asn_performance.process.lifecycle import (
        Action,
        CycleSettings,
        Event,
        PerformanceCycle,
        PlanRole,
        Stage,
        Transition,
    )
    from asn_performance.process.roster import PlanRelation, PlanRoles, Roster
    from asn_performance.process.schedule import (
        Cadence,
        Schedule,
        assignment_periods,
        assignment_schedules,
        periodic_schedule,
    )
    from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal, appraise
    from asn_performance.weighting import (
        Guards,
        PerDimension,
        SupervisorDecides,
        WeightedSources,
        WeightingPolicy,
    )

# Every public name loads on first use (PEP 562, ``asn_performance._kit.lazy``): ``import
# asn_performance`` imports nothing of the package's modules, so a caller pays only for what it
# touches (``appraise`` loads the domain, the engine and the 2022 regime; rewards, the
# distribution curve, the lifecycle, the roster and schedules load when asked for). The imports
# under ``TYPE_CHECKING`` above are the same names, for mypy and IDEs;
# ``tests/unit/test_lazy_import.py`` checks that both lists and ``__all__`` agree.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "domain.assessment": ("Assessment", "AssessorRole", "Realisation"),
    "domain.employee": ("Employee", "Jenjang", "Position", "PositionKind"),
    "domain.explanation": ("Explanation", "Step"),
    "domain.feedback": ("FeedbackEntry", "FeedbackKind"),
    "domain.nip": ("Nip",),
    "domain.period": ("Period",),
    "domain.rank": ("Golongan", "GolonganPppk"),
    "domain.plan": (
        "Approach",
        "Aspect",
        "BehaviourExpectation",
        "CoreValue",
        "Direction",
        "Indicator",
        "PerformancePlan",
        "Target",
        "WorkResult",
        "WorkResultKind",
    ),
    "domain.rating": ("OrganisationPredikat", "Predikat", "Rating"),
    "exceptions": ("AsnPerformanceError",),
    "regimes.permenpanrb_6_2022.appraisal": ("Appraisal", "appraise"),
    "weighting": (
        "Guards",
        "PerDimension",
        "SupervisorDecides",
        "WeightedSources",
        "WeightingPolicy",
    ),
    "consequences.allowance": ("AllowancePolicy", "Attendance"),
    "consequences.policy": ("RewardInputs", "RewardOutcome", "RewardPolicy"),
    "consequences.distribution.check": ("DistributionReport", "check_distribution"),
    "consequences.distribution.oversight": ("OversightReport", "UnitInput", "oversee"),
    "process.lifecycle": (
        "Action",
        "CycleSettings",
        "Event",
        "PerformanceCycle",
        "PlanRole",
        "Stage",
        "Transition",
    ),
    "process.roster": ("PlanRelation", "PlanRoles", "Roster"),
    "process.schedule": (
        "Cadence",
        "Schedule",
        "assignment_periods",
        "assignment_schedules",
        "periodic_schedule",
    ),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)

__version__ = "0.2.0.dev0"

__all__ = [
    "Action",
    "AllowancePolicy",
    "Appraisal",
    "Approach",
    "AsnPerformanceError",
    "Aspect",
    "Assessment",
    "AssessorRole",
    "Attendance",
    "BehaviourExpectation",
    "Cadence",
    "CoreValue",
    "CycleSettings",
    "Direction",
    "DistributionReport",
    "Employee",
    "Event",
    "Explanation",
    "FeedbackEntry",
    "FeedbackKind",
    "Golongan",
    "GolonganPppk",
    "Guards",
    "Indicator",
    "Jenjang",
    "Nip",
    "OrganisationPredikat",
    "OversightReport",
    "PerDimension",
    "PerformanceCycle",
    "PerformancePlan",
    "Period",
    "PlanRelation",
    "PlanRole",
    "PlanRoles",
    "Position",
    "PositionKind",
    "Predikat",
    "Rating",
    "Realisation",
    "RewardInputs",
    "RewardOutcome",
    "RewardPolicy",
    "Roster",
    "Schedule",
    "Stage",
    "Step",
    "SupervisorDecides",
    "Target",
    "Transition",
    "UnitInput",
    "WeightedSources",
    "WeightingPolicy",
    "WorkResult",
    "WorkResultKind",
    "__version__",
    "appraise",
    "assignment_periods",
    "assignment_schedules",
    "check_distribution",
    "oversee",
    "periodic_schedule",
]
