"""asn_performance: the reference implementation of Indonesian ASN performance appraisal.

The current regime is PermenPANRB 6/2022 (with SE MenPANRB 3/2023): the pejabat penilai
kinerja rates hasil kerja and perilaku kerja as Di Atas / Sesuai / Di Bawah Ekspektasi, and a
3×3 matrix gives the predikat kinerja pegawai. Start with :func:`appraise`; see the tutorial
in ``docs/tutorials/first-appraisal.md``.

What follows a predikat is here too: :class:`RewardPolicy` (angka kredit, tunjangan kinerja,
career, recognition, development, consequences; ``docs/explanation/rewards.md``) and the
distribution check of SE MenPANRB 3/2023, :func:`check_distribution` and :func:`oversee`
(``docs/explanation/distribution-curve.md``).

This module imports only the domain, the engine and the 2022 regime (standard library, attrs,
dateutil). The JSON boundary, :mod:`asn_performance.boundary` (documents, policy files, units
files), loads pydantic when it is used. The folders are the layers of the house:
``docs/explanation/architecture.md``.
"""

import importlib
from typing import TYPE_CHECKING

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
from asn_performance.domain.rating import OrganisationPredikat, Predikat, Rating
from asn_performance.exceptions import AsnPerformanceError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal, appraise
from asn_performance.weighting import (
    Guards,
    PerDimension,
    SupervisorDecides,
    WeightedSources,
    WeightingPolicy,
)

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
    from asn_performance.process.lifecycle import (
        Action,
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

# What follows an appraisal (rewards, calibration), the lifecycle, the roster and schedules
# load on first use: those modules define
# many attrs classes, and an app that only appraises should not pay for them at import.
_LAZY = {
    "AllowancePolicy": "consequences.allowance",
    "Attendance": "consequences.allowance",
    "RewardInputs": "consequences.policy",
    "RewardOutcome": "consequences.policy",
    "RewardPolicy": "consequences.policy",
    "DistributionReport": "consequences.distribution.check",
    "OversightReport": "consequences.distribution.oversight",
    "UnitInput": "consequences.distribution.oversight",
    "check_distribution": "consequences.distribution.check",
    "oversee": "consequences.distribution.oversight",
    "Action": "process.lifecycle",
    "Event": "process.lifecycle",
    "PerformanceCycle": "process.lifecycle",
    "CycleSettings": "process.lifecycle",
    "PlanRole": "process.lifecycle",
    "Stage": "process.lifecycle",
    "Transition": "process.lifecycle",
    "PlanRelation": "process.roster",
    "PlanRoles": "process.roster",
    "Roster": "process.roster",
    "Cadence": "process.schedule",
    "Schedule": "process.schedule",
    "assignment_periods": "process.schedule",
    "assignment_schedules": "process.schedule",
    "periodic_schedule": "process.schedule",
}


def __getattr__(name: str) -> object:
    """Load the lazily exported names on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'asn_performance' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__version__ = "0.1.0.dev0"

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
