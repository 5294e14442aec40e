"""Issue 12: ``appraise()`` builds its :class:`Appraisal` and :class:`Explanation` trusted.

The values are the ones ``appraise()`` has just made or checked; the constructor would check
them again. These tests rebuild each result with the validating constructors from the same
values and require equal objects (``==``, ``to_dict()``, the rendered text), and check that
the one value a caller supplies, a custom policy's name, is still refused as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import attrs
import pytest

from asn_performance import (
    Appraisal,
    Approach,
    Assessment,
    OrganisationPredikat,
    PerformancePlan,
    Rating,
    Realisation,
    SupervisorDecides,
    WeightedSources,
    appraise,
)
from asn_performance._kit.trusted import trusted_new
from asn_performance.domain.explanation import Explanation, Step
from asn_performance.exceptions import InputError
from asn_performance.regimes.permenpanrb_6_2022.quantitative import DEFAULT_THRESHOLDS

WEIGHTED = WeightedSources({"self": 20, "pejabat_penilai": 60, "peer": 20})


def _validated(result: Appraisal) -> Appraisal:
    values = {field.name: getattr(result, field.name) for field in attrs.fields(Appraisal)}
    values["explanation"] = Explanation(list(result.explanation.steps))
    return Appraisal(**values)


def _same(mine: Appraisal, theirs: Appraisal) -> None:
    assert mine == theirs
    assert mine.to_dict() == theirs.to_dict()
    assert mine.result_dict() == theirs.result_dict()
    assert mine.explain() == theirs.explain()
    assert mine.explanation == theirs.explanation


@pytest.mark.parametrize("policy", [SupervisorDecides(), WEIGHTED])
@pytest.mark.parametrize("suggest", [False, True])
@pytest.mark.parametrize("peers", [0, 2, 3])
def test_the_trusted_appraisal_equals_the_validated_one(
    make_plan: Callable[..., PerformancePlan],
    make_assessment: Callable[..., Assessment],
    make_peers: Callable[..., list[Assessment]],
    policy: Any,
    suggest: bool,
    peers: int,
) -> None:
    plan = make_plan(approach=Approach.KUANTITATIF)
    lead = make_assessment(
        "pejabat_penilai",
        Rating.DI_ATAS,
        Rating.SESUAI,
        plan=plan,
        realisations=[Realisation("iki-1", "4"), Realisation("iki-2", "92")],
    )
    given = [
        make_assessment("self", Rating.SESUAI, Rating.DI_ATAS, plan=plan),
        lead,
        *make_peers([(Rating.DI_BAWAH, Rating.SESUAI)] * peers, plan=plan),
    ]
    result = appraise(
        plan, given, policy=policy, suggestion=DEFAULT_THRESHOLDS if suggest else None
    )
    _same(result, _validated(result))


def test_a_unit_heads_trusted_appraisal_equals_the_validated_one(
    make_plan: Callable[..., PerformancePlan], make_assessment: Callable[..., Assessment]
) -> None:
    plan = make_plan(leads_unit=True)
    result = appraise(
        plan,
        [make_assessment("pejabat_penilai", plan=plan)],
        organisation_predikat=OrganisationPredikat.ISTIMEWA,
    )
    assert result.organisation_predikat is OrganisationPredikat.ISTIMEWA
    _same(result, _validated(result))


@attrs.frozen
class _Named:
    """A caller's own policy (the pejabat penilai decides) with a given name."""

    label: object
    kind: ClassVar[str] = "test"

    @property
    def name(self) -> object:
        return self.label

    def combine(self, dimension: str, sources: Any) -> tuple[Rating, tuple[Step, ...]]:
        return SupervisorDecides().combine(dimension, sources)


@pytest.mark.parametrize("label", ["", "x" * 1001, 42, None])
def test_a_custom_policys_bad_name_is_refused_as_the_constructor_refuses_it(
    plan: PerformancePlan, make_assessment: Callable[..., Assessment], label: object
) -> None:
    lead = make_assessment("pejabat_penilai")
    with pytest.raises(InputError) as through_appraise:
        appraise(plan, [lead], policy=_Named(label))  # type: ignore[arg-type]
    good = appraise(plan, [lead])
    with pytest.raises(InputError) as constructor:
        attrs.evolve(good, policy=label)
    assert through_appraise.value.to_dict() == constructor.value.to_dict()


def test_trusted_new_needs_every_field_and_only_fields() -> None:
    with pytest.raises(TypeError, match="missing"):
        trusted_new(Explanation)
    with pytest.raises(TypeError, match=r"missing|not a field"):
        trusted_new(Explanation, stages=())
    assert trusted_new(Explanation, steps=()) == Explanation(())
