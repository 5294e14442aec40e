"""Fixtures shared by the tests of asn_performance.consequences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from asn_performance import (
    Appraisal,
    Assessment,
    AssessorRole,
    PerformancePlan,
    Period,
    Rating,
    appraise,
)

# --------------------------------------------------------------------------------------------
# Appraisals for the remaining rules
# --------------------------------------------------------------------------------------------

MakePlan = Callable[..., PerformancePlan]
MakeAssessment = Callable[..., Assessment]


@pytest.fixture(scope="module")
def appraisal_for(make_plan: MakePlan, make_assessment: MakeAssessment) -> Callable[..., Appraisal]:
    """``appraisal_for(hasil, perilaku, period=..., **assessment_fields)`` for the test unit."""

    def build(
        hasil: Rating,
        perilaku: Rating,
        *,
        period: Period | None = None,
        plan: PerformancePlan | None = None,
        **extra: Any,
    ) -> Appraisal:
        if plan is None:
            year = 2025 if period is None else period.start.year
            plan = make_plan(id=f"skp-{year}-budi", period=Period.annual(year))
        when = plan.period if period is None else period
        lead = make_assessment(
            AssessorRole.PEJABAT_PENILAI, hasil, perilaku, plan=plan, period=when, **extra
        )
        return appraise(plan, [lead], period=when)

    return build
