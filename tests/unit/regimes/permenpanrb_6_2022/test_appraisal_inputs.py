"""Bad input to :func:`~asn_performance.appraise` and :class:`Appraisal` (PermenPANRB 6/2022):
each must raise a library error, never crash or pass silently (found in review)."""

from __future__ import annotations

import attrs
import pytest

from asn_performance import AssessorRole, Rating, appraise
from asn_performance.exceptions import AppraisalError
from asn_performance.services.sample import sample_unit

SAMPLE = sample_unit()
PLAN = next(p for p in SAMPLE.plans if p.id == "skp-2025-guru")
GIVEN = [a for a in SAMPLE.assessments if a.plan_id == PLAN.id]
LEAD = next(a for a in GIVEN if a.role is AssessorRole.PEJABAT_PENILAI)


def test_guards_must_be_guards() -> None:
    with pytest.raises(AppraisalError) as caught:
        appraise(PLAN, GIVEN, guards=None)  # type: ignore[arg-type]
    assert caught.value.path == "guards"


@attrs.frozen
class _Bare:
    name = "bare"

    def combine(self, dimension: str, sources: object) -> object:
        return Rating.SESUAI


@attrs.frozen
class _Chatty:
    name = "chatty"

    def combine(self, dimension: str, sources: object) -> object:
        return Rating.SESUAI, ("hello",)


@pytest.mark.parametrize("policy", [_Bare(), _Chatty()])
def test_a_custom_policy_with_the_wrong_return_shape_is_refused_with_w_policy(
    policy: object,
) -> None:
    with pytest.raises(AppraisalError) as caught:
        appraise(PLAN, GIVEN, policy=policy)  # type: ignore[arg-type]
    assert caught.value.rule == "W-POLICY"


def test_an_appraisal_cannot_be_built_without_the_pejabat_penilai_assessment() -> None:
    good = appraise(PLAN, GIVEN)
    with pytest.raises(AppraisalError) as caught:
        attrs.evolve(good, assessments=())
    assert caught.value.rule == "6/2022-PEJABAT-PENILAI"
    with pytest.raises(AppraisalError):
        attrs.evolve(good, explanation=attrs.evolve(good.explanation, steps=()))
