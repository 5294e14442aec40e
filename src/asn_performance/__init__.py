"""asn_performance: the reference implementation of Indonesian ASN performance appraisal.

The current regime is PermenPANRB 6/2022 (with SE MenPANRB 3/2023): the pejabat penilai
kinerja rates hasil kerja and perilaku kerja as Di Atas / Sesuai / Di Bawah Ekspektasi, and a
3×3 matrix gives the predikat kinerja pegawai. Start with :func:`appraise`; see the tutorial
in ``docs/tutorials/first-appraisal.md``.

This module imports only the domain (standard library, attrs, dateutil). The JSON boundary,
:mod:`asn_performance.schemas`, loads pydantic when it is used.
"""

from .appraisal import Appraisal, appraise
from .assessment import Assessment, AssessorRole, Realisation
from .employee import Employee, Jenjang, Position, PositionKind
from .exceptions import AsnPerformanceError
from .explanation import Explanation, Step
from .nip import Nip
from .period import Period
from .plan import (
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
from .rating import OrganisationPredikat, Predikat, Rating
from .weighting import Guards, PerDimension, SupervisorDecides, WeightedSources, WeightingPolicy

__version__ = "0.1.0.dev0"

__all__ = [
    "Appraisal",
    "Approach",
    "AsnPerformanceError",
    "Aspect",
    "Assessment",
    "AssessorRole",
    "BehaviourExpectation",
    "CoreValue",
    "Direction",
    "Employee",
    "Explanation",
    "Guards",
    "Indicator",
    "Jenjang",
    "Nip",
    "OrganisationPredikat",
    "PerDimension",
    "PerformancePlan",
    "Period",
    "Position",
    "PositionKind",
    "Predikat",
    "Rating",
    "Realisation",
    "Step",
    "SupervisorDecides",
    "Target",
    "WeightedSources",
    "WeightingPolicy",
    "WorkResult",
    "WorkResultKind",
    "__version__",
    "appraise",
]
