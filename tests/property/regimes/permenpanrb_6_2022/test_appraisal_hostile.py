"""Hostile input to :func:`~asn_performance.appraise` (PermenPANRB 6/2022): only the library's own
errors escape (the property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found
stay fixed.
"""

from __future__ import annotations

import pytest
from hostile import OMIT, FuzzTarget, SpecTable, check_target, constructors, values
from hostile_bases import PERIODS_NEAR, PLAN, PLAN_ASSESSMENTS, SAMPLE, after_appraisal

from asn_performance import (
    Guards,
    OrganisationPredikat,
    Predikat,
    Rating,
    SupervisorDecides,
    WeightedSources,
    appraise,
)

_SPECS: SpecTable = {
    "appraise": (
        appraise,
        {
            "plan": (values(PLAN), values(SAMPLE.plans[1], PLAN.id, None)),
            "assessments": (
                values(PLAN_ASSESSMENTS, list(PLAN_ASSESSMENTS)),
                values(
                    (),
                    SAMPLE.assessments,
                    PLAN_ASSESSMENTS * 2,
                    PLAN_ASSESSMENTS[0],
                    [None],
                    "assessment",
                    PLAN_ASSESSMENTS[1:],
                ),
            ),
            "policy": (
                values(
                    SupervisorDecides(),
                    SAMPLE.policy,
                    OMIT,
                    WeightedSources({"pejabat_penilai": 60, "self": 20, "peer": 20}),
                ),
                values("supervisor_decides", Guards()),
            ),
            "guards": (values(Guards(), SAMPLE.guards, OMIT), values({"min": 1}, 3)),
            "period": (values(OMIT, PLAN.period), PERIODS_NEAR),
            "organisation_predikat": (
                values(OMIT, None, "baik", OrganisationPredikat.ISTIMEWA),
                values("Baik Sekali", Predikat.BAIK, Rating.SESUAI),
            ),
        },
        after_appraisal,
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)
