"""Fixtures shared by the tests of asn_performance.consequences.distribution."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from asn_performance import (
    Appraisal,
    Assessment,
    AssessorRole,
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
    """Ten appraisals: 8 Baik, 2 Sangat Baik (the ratings decide; the people repeat)."""
    plan = make_plan()
    pairs = [(Rating.SESUAI, Rating.SESUAI)] * 8 + [(Rating.DI_ATAS, Rating.DI_ATAS)] * 2
    return [
        appraise(plan, [make_assessment(AssessorRole.PEJABAT_PENILAI, hasil, perilaku)])
        for hasil, perilaku in pairs
    ]
