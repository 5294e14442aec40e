"""Fixtures shared by the tests of asn_performance.consequences.distribution."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest

from asn_performance import (
    Appraisal,
    Assessment,
    AssessorRole,
    Nip,
    PerformancePlan,
    Rating,
    appraise,
)

# --------------------------------------------------------------------------------------------
# Inputs and the report
# --------------------------------------------------------------------------------------------

MakePlan = Callable[..., PerformancePlan]
MakeAssessment = Callable[..., Assessment]


@pytest.fixture(scope="module")
def appraisals(make_plan: MakePlan, make_assessment: MakeAssessment) -> list[Appraisal]:
    """Ten appraisals of ten employees: 8 Baik, 2 Sangat Baik (the ratings decide).

    Each is a different employee (the unit's employee with another NIP): one employee
    appraised twice for one period is refused, not counted twice (SE3/2023-ONE-EACH).
    """
    base = make_plan()
    pairs = [(Rating.SESUAI, Rating.SESUAI)] * 8 + [(Rating.DI_ATAS, Rating.DI_ATAS)] * 2
    result = []
    for number, (hasil, perilaku) in enumerate(pairs, start=1):
        employee = attrs.evolve(base.employee, nip=Nip(f"198609262015051{number:03d}"))
        plan = make_plan(id=f"skp-2025-{number}", employee=employee)
        given = make_assessment(AssessorRole.PEJABAT_PENILAI, hasil, perilaku, plan=plan)
        result.append(appraise(plan, [given]))
    return result
