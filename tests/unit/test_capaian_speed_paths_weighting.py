"""Issue 12 (capaian): ``WeightedSources.combine`` with the policy's own part prepared once.

The counted weights, the scale as a plain table, the shares and the points shown when every
counted role is present are now computed once, when the policy is made; per call only what
depends on the ratings is computed. These tests recompute the steps the way ``combine`` did
before (the code of the previous release, below) on generated policies and sources, and
require the same rating and the same steps, field by field; the example is worked by hand.
"""

from __future__ import annotations

from decimal import Decimal
from math import lcm

from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance import AssessorRole, Rating, WeightedSources
from asn_performance._kit.exact import CONTEXT, EXACT, quantize
from asn_performance.domain.explanation import Step
from asn_performance.weighting import WEIGHTING_RULES

RULE = {rule.id: rule for rule in WEIGHTING_RULES}
HUNDRED = Decimal(100)


def _tally(ratings: tuple[Rating, ...]) -> str:
    if len(ratings) == 1:
        return ratings[0].label_id
    counts = {r: ratings.count(r) for r in Rating if r in ratings}
    return ", ".join(f"{n}× {r.label_id}" for r, n in counts.items())


def _before(
    policy: WeightedSources, dimension: str, sources: dict[AssessorRole, tuple[Rating, ...]]
) -> tuple[Rating, tuple[Step, ...]]:
    """``WeightedSources.combine`` as the previous release wrote it."""
    counted = frozenset(role for role, weight in policy.weights.items() if weight > 0)
    scale = policy.scale
    mul, add = EXACT.multiply, EXACT.add
    present = []
    total_weight = Decimal(0)
    multiple = 1
    for role, ratings in sources.items():
        if role in counted and ratings:
            weight = policy.weights[role]
            points = Decimal(0)
            for r in ratings:
                points = add(points, scale[r])
            count = len(ratings)
            present.append((role, weight, points, count))
            total_weight = add(total_weight, weight)
            multiple = lcm(multiple, count)
    steps: list[Step] = []
    missing = [role for role in policy.weights if role in counted and not sources.get(role)]
    if missing:
        steps.append(
            Step(
                RULE["W-MISSING-SOURCE"],
                dimension,
                tuple((role.label_id, str(policy.weights[role])) for role in missing),
                f"weights renormalised over {total_weight}",
                "a source that gave no rating, or whose input was withheld, is left out,"
                " not counted as zero",
            )
        )
    scaled = Decimal(0)
    inputs = []
    divide = CONTEXT.divide
    for role, weight, points, count in present:
        scaled = add(scaled, mul(mul(weight, points), multiple // count))
        label = role.label_id if count == 1 else f"{role.label_id} (mean of {count})"
        share = divide(mul(weight, HUNDRED), total_weight)
        inputs.append((label, f"{quantize(divide(points, count))!s} × {quantize(share)!s} %"))
    denominator = mul(total_weight, multiple)
    if scaled >= mul(policy.di_atas_from, denominator):
        rating = Rating.DI_ATAS
    elif scaled >= mul(policy.sesuai_from, denominator):
        rating = Rating.SESUAI
    else:
        rating = Rating.DI_BAWAH
    score = quantize(divide(scaled, denominator))
    steps.append(
        Step(
            RULE["W-WEIGHTED"],
            dimension,
            tuple(inputs),
            rating.label_id,
            f"score {score!s}; Sesuai from {policy.sesuai_from!s},"
            f" Di Atas from {policy.di_atas_from!s}",
        )
    )
    shown = tuple(
        (role.label_id, _tally(ratings))
        for role, ratings in sources.items()
        if role not in counted and ratings
    )
    if shown:
        steps.append(
            Step(RULE["D2-ADVISORY"], dimension, shown, "recorded for feedback, not counted")
        )
    return rating, tuple(steps)


weights = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)
ROLES = list(AssessorRole)


@st.composite
def policies(draw: st.DrawFn) -> WeightedSources:
    chosen = draw(st.lists(st.sampled_from(ROLES), unique=True))
    table = {
        role.code: draw(weights) for role in chosen if role is not AssessorRole.PEJABAT_PENILAI
    }
    table["pejabat_penilai"] = draw(st.decimals(min_value="0.01", max_value=100, places=2))
    if draw(st.booleans()):
        return WeightedSources(table)
    # another scale: -0, fractions, exponents; thresholds between its values
    low = draw(st.sampled_from((Decimal("-0"), Decimal("-1.5"), Decimal("1E+1"), Decimal(1))))
    mid = low + draw(st.sampled_from((Decimal("0.75"), Decimal(2), Decimal("1E+1"))))
    high = mid + draw(st.sampled_from((Decimal("0.5"), Decimal(3))))
    scale = {"di_bawah_ekspektasi": low, "sesuai_ekspektasi": mid, "di_atas_ekspektasi": high}
    return WeightedSources(
        table, scale=scale, sesuai_from=(low + mid) / 2, di_atas_from=(mid + high) / 2
    )


sources = st.dictionaries(
    st.sampled_from(ROLES), st.lists(st.sampled_from(list(Rating)), max_size=5).map(tuple)
).filter(lambda s: bool(s.get(AssessorRole.PEJABAT_PENILAI)))


@settings(max_examples=500, deadline=None)
@given(policies(), sources, st.sampled_from(("hasil_kerja", "perilaku_kerja")))
def test_combine_equals_the_previous_release(
    policy: WeightedSources, given_sources: dict[AssessorRole, tuple[Rating, ...]], dimension: str
) -> None:
    rating, steps = policy.combine(dimension, given_sources)
    expected_rating, expected_steps = _before(policy, dimension, given_sources)
    assert rating is expected_rating
    assert [tuple(step) for step in steps] == [tuple(step) for step in expected_steps]
    assert [step.to_dict() for step in steps] == [step.to_dict() for step in expected_steps]
    assert all(type(step) is Step for step in steps)


def test_combine_worked_by_hand() -> None:
    """Rule W-WEIGHTED (agency configuration under library decision D2)."""
    policy = WeightedSources({"self": 20, "pejabat_penilai": 60, "peer": 20})
    rating, steps = policy.combine(
        "hasil_kerja",
        {
            AssessorRole.SELF: (Rating.SESUAI,),
            AssessorRole.PEJABAT_PENILAI: (Rating.DI_ATAS,),
            AssessorRole.PEER: (Rating.DI_ATAS, Rating.SESUAI, Rating.SESUAI),
        },
    )
    # self 2 × 20 % = 0.4; pejabat penilai 3 × 60 % = 1.8; peers mean (3 + 2 + 2) / 3 = 7/3
    # = 2.333... × 20 % = 0.4666...; score 0.4 + 1.8 + 0.4666... = 2.6666... -> 2.67 >= 2.5:
    # Di Atas Ekspektasi.
    (step,) = steps
    assert step.inputs == (
        ("Penilaian diri", "2.00 × 20.00 %"),
        ("Pejabat Penilai Kinerja", "3.00 × 60.00 %"),
        ("Rekan kerja setingkat (mean of 3)", "2.33 × 20.00 %"),
    )
    assert step.note == "score 2.67; Sesuai from 1.5, Di Atas from 2.5"
    assert rating is Rating.DI_ATAS
    # Without the peers, 80 is renormalised: 2 × 25 % + 3 × 75 % = 0.5 + 2.25 = 2.75.
    rating, steps = policy.combine(
        "hasil_kerja",
        {AssessorRole.SELF: (Rating.SESUAI,), AssessorRole.PEJABAT_PENILAI: (Rating.DI_ATAS,)},
    )
    assert steps[0].output == "weights renormalised over 80"
    assert steps[1].inputs == (
        ("Penilaian diri", "2.00 × 25.00 %"),
        ("Pejabat Penilai Kinerja", "3.00 × 75.00 %"),
    )
    assert steps[1].note == "score 2.75; Sesuai from 1.5, Di Atas from 2.5"
    assert rating is Rating.DI_ATAS
