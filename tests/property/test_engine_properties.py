"""Properties of the appraisal engine (:func:`asn_performance.appraise`) and its policies.

* the order of assessments does not change the appraisal;
* a :class:`WeightedSources` result lies between the lowest and the highest counted input
  rating, for any valid weights, scale and thresholds (D2);
* the predikat is Sangat Baik only when both ratings are Di Atas Ekspektasi, and behaviour
  Di Bawah Ekspektasi gives at most Kurang/Misconduct (PermenPANRB 6/2022 matrix, digest §1.5);
* the pejabat penilai decides by default, and a unit head's hasil kerja follows the
  organisation predikat (D3);
* appraise never mutates what it is given.

The strategies are small and local to this file; they use the session fixtures of
``tests/conftest.py`` (a unit of employees with valid NIPs and the plan builders).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance import (
    Assessment,
    AssessorRole,
    Guards,
    OrganisationPredikat,
    PerDimension,
    PerformancePlan,
    Predikat,
    Rating,
    SupervisorDecides,
    WeightedSources,
    appraise,
)
from asn_performance.regimes.permenpanrb_6_2022.matrix import UNIT_HEAD_RATING

MakeAssessment = Callable[..., Assessment]

SETTINGS = settings(max_examples=100, deadline=None)

ratings = st.sampled_from(list(Rating))
optional_ratings = st.none() | ratings
#: (hasil, perilaku) for an assessment other than the pejabat penilai's: at least one rating.
rating_pairs = st.tuples(optional_ratings, optional_ratings).filter(lambda p: p != (None, None))
OTHER_ROLES = (
    AssessorRole.SELF,
    AssessorRole.PEER,
    AssessorRole.SUBORDINATE,
    AssessorRole.SERVICE_USER,
)


# --- strategies ------------------------------------------------------------------------------


@st.composite
def weighted_policies(draw: st.DrawFn) -> WeightedSources:
    """A valid WeightedSources: an increasing scale, thresholds between its values (often on
    them, the boundary the configuration rules allow), weights from 0 (advisory) up."""
    low = draw(st.integers(-5, 5))
    gap_low = draw(st.integers(1, 5))
    gap_high = draw(st.integers(1, 5))
    mid, high = low + gap_low, low + gap_low + gap_high
    # thresholds in quarter steps: sesuai_from in (low, mid], di_atas_from in (mid, high]
    quarter_low = draw(st.sampled_from([4 * gap_low]) | st.integers(1, 4 * gap_low))
    quarter_high = draw(st.sampled_from([4 * gap_high]) | st.integers(1, 4 * gap_high))
    sesuai_from = Decimal(low) + Decimal(quarter_low) / 4
    di_atas_from = Decimal(mid) + Decimal(quarter_high) / 4
    weight = st.integers(1, 7) | st.integers(0, 100)
    weights: dict[str, object] = {"pejabat_penilai": draw(st.integers(1, 7) | st.integers(1, 100))}
    for role in draw(st.sets(st.sampled_from(OTHER_ROLES))):
        weights[role.code] = draw(weight)
    return WeightedSources(
        weights,
        scale={
            Rating.DI_BAWAH.code: low,
            Rating.SESUAI.code: mid,
            Rating.DI_ATAS.code: high,
        },
        sesuai_from=sesuai_from,
        di_atas_from=di_atas_from,
    )


policies = st.one_of(
    st.just(SupervisorDecides()),
    weighted_policies(),
    st.builds(
        PerDimension,
        hasil_kerja=st.just(SupervisorDecides()) | weighted_policies(),
        perilaku_kerja=st.just(SupervisorDecides()) | weighted_policies(),
    ),
)
guards = st.builds(Guards, min_anonymous_responses=st.integers(1, 4))
dates = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 3, 31))


@st.composite
def assessment_sets(
    draw: st.DrawFn, unit: Any, plan: PerformancePlan, make: MakeAssessment
) -> list[Assessment]:
    """The pejabat penilai's assessment (both ratings) and any mix of other sources."""
    items = [make("pejabat_penilai", draw(ratings), draw(ratings), plan=plan, given_on=draw(dates))]
    if draw(st.booleans()):
        hasil, perilaku = draw(rating_pairs)
        items.append(make("self", hasil, perilaku, plan=plan, given_on=draw(dates)))
    for role, pool in (
        (AssessorRole.PEER, unit.peers),
        (AssessorRole.SUBORDINATE, unit.subordinates),
    ):
        for person in draw(st.lists(st.sampled_from(pool), unique=True, max_size=len(pool))):
            hasil, perilaku = draw(rating_pairs)
            items.append(make(role, hasil, perilaku, by=person, plan=plan, given_on=draw(dates)))
    for _ in range(draw(st.integers(0, 3))):
        hasil, perilaku = draw(rating_pairs)
        items.append(
            make("service_user", hasil, perilaku, by=None, plan=plan, given_on=draw(dates))
        )
    return items


@st.composite
def source_ratings(draw: st.DrawFn) -> dict[AssessorRole, tuple[Rating, ...]]:
    """Ratings per role for one dimension; the pejabat penilai always rated."""
    sources = {AssessorRole.PEJABAT_PENILAI: (draw(ratings),)}
    for role in draw(st.sets(st.sampled_from(OTHER_ROLES))):
        sources[role] = tuple(draw(st.lists(ratings, min_size=1, max_size=5)))
    return sources


# --- properties ------------------------------------------------------------------------------


@SETTINGS
@given(data=st.data())
def test_the_order_of_assessments_does_not_change_the_appraisal(
    data: st.DataObject, unit: Any, plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    items = data.draw(assessment_sets(unit, plan, make_assessment))
    policy = data.draw(policies)
    guard = data.draw(guards)
    shuffled = data.draw(st.permutations(items))
    original = appraise(plan, items, policy=policy, guards=guard)
    assert appraise(plan, shuffled, policy=policy, guards=guard) == original
    assert original.explain() == appraise(plan, shuffled, policy=policy, guards=guard).explain()


@SETTINGS
@given(
    policy=weighted_policies(),
    sources=source_ratings(),
    dimension=st.sampled_from(["hasil_kerja", "perilaku_kerja"]),
)
def test_a_weighted_result_lies_between_the_lowest_and_highest_counted_rating(
    policy: WeightedSources, sources: dict[AssessorRole, tuple[Rating, ...]], dimension: str
) -> None:
    counted = [
        rating
        for role, given in sources.items()
        if policy.weights.get(role, Decimal(0)) > 0
        for rating in given
    ]
    result, steps = policy.combine(dimension, sources)
    assert min(counted) <= result <= max(counted), (policy, sources, steps)
    assert steps[-1].rule in {"W-WEIGHTED", "D2-ADVISORY"}


@SETTINGS
@given(
    policy=weighted_policies(),
    rating=ratings,
    roles=st.sets(st.sampled_from(OTHER_ROLES)),
    counts=st.lists(st.integers(1, 4), min_size=4, max_size=4),
)
def test_unanimous_sources_give_their_common_rating(
    policy: WeightedSources,
    rating: Rating,
    roles: set[AssessorRole],
    counts: list[int],
) -> None:
    # The special case of the property above where the lowest and highest counted rating are
    # one: every weighted mean of equal values is that value, so the result is that rating.
    sources = {AssessorRole.PEJABAT_PENILAI: (rating,)}
    for role, count in zip(sorted(roles, key=lambda r: r.order), counts, strict=False):
        sources[role] = (rating,) * count
    result, steps = policy.combine("hasil_kerja", sources)
    assert result is rating, (policy, sources, steps)


@SETTINGS
@given(data=st.data())
def test_sangat_baik_needs_both_ratings_di_atas_and_bad_behaviour_caps_at_kurang(
    data: st.DataObject, unit: Any, plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    items = data.draw(assessment_sets(unit, plan, make_assessment))
    appraisal = appraise(plan, items, policy=data.draw(policies), guards=data.draw(guards))
    if appraisal.predikat is Predikat.SANGAT_BAIK:
        assert appraisal.rating_hasil_kerja is Rating.DI_ATAS
        assert appraisal.rating_perilaku_kerja is Rating.DI_ATAS
    if appraisal.rating_perilaku_kerja is Rating.DI_BAWAH:
        assert appraisal.predikat.rank <= Predikat.KURANG.rank
    if appraisal.rating_hasil_kerja is Rating.DI_BAWAH:
        assert appraisal.predikat.rank <= Predikat.BUTUH_PERBAIKAN.rank


@SETTINGS
@given(data=st.data())
def test_by_default_the_appraisal_carries_the_pejabat_penilai_ratings(
    data: st.DataObject, unit: Any, plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    items = data.draw(assessment_sets(unit, plan, make_assessment))
    lead = items[0]
    appraisal = appraise(plan, items)
    assert appraisal.rating_hasil_kerja is lead.hasil_kerja
    assert appraisal.rating_perilaku_kerja is lead.perilaku_kerja


@SETTINGS
@given(data=st.data(), organisation=st.sampled_from(list(OrganisationPredikat)))
def test_a_unit_head_hasil_follows_the_organisation_whatever_the_sources_say(
    data: st.DataObject,
    organisation: OrganisationPredikat,
    unit: Any,
    make_plan: Callable[..., PerformancePlan],
    make_assessment: MakeAssessment,
) -> None:
    head_plan = make_plan(leads_unit=True)
    items = data.draw(assessment_sets(unit, head_plan, make_assessment))
    appraisal = appraise(
        head_plan, items, policy=data.draw(policies), organisation_predikat=organisation
    )
    assert appraisal.rating_hasil_kerja is UNIT_HEAD_RATING[organisation]


@SETTINGS
@given(data=st.data())
def test_appraise_never_mutates_its_inputs(
    data: st.DataObject, unit: Any, plan: PerformancePlan, make_assessment: MakeAssessment
) -> None:
    items = data.draw(assessment_sets(unit, plan, make_assessment))
    policy = data.draw(policies)
    guard = data.draw(guards)
    given_items = list(items)
    rebuilt = [attrs.evolve(a) for a in items]
    policy_copy = attrs.evolve(policy)
    guard_copy = attrs.evolve(guard)
    plan_hash = hash(plan)

    appraisal = appraise(plan, items, policy=policy, guards=guard)

    assert len(items) == len(given_items)
    assert all(a is b for a, b in zip(items, given_items, strict=True))
    assert items == rebuilt
    assert [hash(a) for a in items] == [hash(a) for a in rebuilt]
    assert policy == policy_copy
    assert guard == guard_copy
    assert hash(plan) == plan_hash
    # Named sources are kept as given; anonymous ones lose the giver's NIP (G-ANONYMITY).
    named = {a for a in items if a.role not in guard.anonymous_roles}
    assert {a for a in appraisal.assessments if not a.anonymised} == named
    for kept in appraisal.assessments:
        if kept.anonymised:
            assert kept.assessor is None
            assert kept.given_on == appraisal.period.start
