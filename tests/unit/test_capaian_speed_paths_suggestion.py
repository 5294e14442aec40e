"""Issue 12 (capaian): the quantitative suggestion computed once, in exact Decimal quotients.

``regimes.permenpanrb_6_2022.quantitative`` now computes each indicator's capaian as an exact
quotient of Decimals, shows it with one division in the 28-digit context, and averages the
quotients with one target's divisor when all share it (integer pairs otherwise); the step
texts are built from parts formatted once. These tests recompute every step the way the
module did before (``Fraction``, ``regimes._common.dec``, ``str(target)`` and f-strings) on
generated plans and require the same steps, field by field, and the same rating; the example
is worked by hand.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance import (
    Approach,
    Employee,
    Indicator,
    Jenjang,
    Nip,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Rating,
    Realisation,
    Target,
    WorkResult,
    WorkResultKind,
)
from asn_performance._kit.exact import quantize
from asn_performance.domain.explanation import Step, rules_by_id
from asn_performance.domain.plan import Direction
from asn_performance.exceptions import AppraisalError, InputError
from asn_performance.regimes._common import dec
from asn_performance.regimes.permenpanrb_6_2022.quantitative import (
    RULES,
    SuggestionThresholds,
    suggest_from_checked,
    suggest_rating,
)
from asn_performance.regimes.permenpanrb_8_2021.capaian_iki import exact_capaian

EMPLOYEE, SUPERVISOR = "198609262015051001", "197503122000031002"
PERIOD = Period.annual(2025)
SAME = "100"  # the one target of the "same target" plans (the fast path of the mean)
RULE = rules_by_id(RULES)


def _employee(nip: str, superior: str | None) -> Employee:
    return Employee(
        Nip(nip),
        "Siti" if superior else "Budi",
        Position(PositionKind.FUNGSIONAL, "Analis Kebijakan", Jenjang.AHLI_MUDA),
        "Biro Perencanaan",
        Nip(superior) if superior else None,
    )


def _plan(work: list[WorkResult]) -> PerformancePlan:
    return PerformancePlan(
        "skp-2025-1",
        _employee(EMPLOYEE, SUPERVISOR),
        _employee(SUPERVISOR, None),
        PERIOD,
        tuple(work),
        approach=Approach.KUANTITATIF,
    )


amounts = st.decimals(min_value=0, max_value=500, places=3, allow_nan=False)
positive = st.decimals(min_value="0.5", max_value=300, places=2, allow_nan=False)
units = st.sampled_from(("%", "", "dokumen", " laporan "))


@st.composite
def targets(draw: st.DrawFn, same: bool) -> Target:
    unit = draw(units)
    if same:
        return Target.value(Decimal(SAME), unit)
    lower = draw(positive)
    if draw(st.booleans()):
        return Target.value(lower, unit)
    return Target.range(lower, lower + draw(positive), unit)


@st.composite
def cases(draw: st.DrawFn) -> tuple[PerformancePlan, list[Realisation], SuggestionThresholds]:
    same = draw(st.booleans())
    work, realisations = [], []
    for w in range(draw(st.integers(1, 4))):
        indicators = []
        for i in range(draw(st.integers(1, 3))):
            ident = f"iki-{w}.{i}"
            direction = draw(st.sampled_from(list(Direction)))
            indicators.append(
                Indicator(ident, f"I {ident}", draw(targets(same)), direction=direction)
            )
            shape = draw(st.sampled_from(("value", "value", "value", "text", "missing")))
            if shape != "missing":
                realisations.append(Realisation(ident, draw(amounts) if shape == "value" else None))
        kind = WorkResultKind.UTAMA if w == 0 else draw(st.sampled_from(list(WorkResultKind)))
        work.append(WorkResult(f"rhk-{w}", f"Hasil {w}", tuple(indicators), kind=kind))
    thresholds = SuggestionThresholds(
        above_from=draw(st.sampled_from((Decimal(110), Decimal("100.005")))),
        meets_from=draw(st.sampled_from((Decimal(100), Decimal("99.99"), Decimal("87.5")))),
        capaian_cap=draw(st.sampled_from((Decimal(120), None, Decimal("112.5"), Decimal(150)))),
        include_tambahan=draw(st.booleans()),
    )
    return _plan(work), draw(st.permutations(realisations)), thresholds


def _formula_note(indicator: Indicator, realisation: Decimal) -> str:
    target = indicator.target
    used = None
    if target.upper is None:
        used = target.lower
    elif realisation > target.upper:
        used = target.upper
    elif realisation < target.lower:
        used = target.lower
    if used is None:
        return "within the ranged target: 100 %"
    if indicator.direction is Direction.LOWER_IS_BETTER:
        return f"(1 + (1 − realisasi / {used})) × 100 %"
    return f"realisasi / {used} × 100 %"


def _before(
    plan: PerformancePlan, realisations: list[Realisation], thresholds: SuggestionThresholds
) -> tuple[Rating, list[Step]] | None:
    """Every step and the rating, computed as the module did before (Fraction, f-strings)."""
    by_id = {r.indicator_id: r for r in realisations}
    steps: list[Step] = []
    counted: list[Fraction] = []
    for work, indicator in plan.indicators():
        target = indicator.target
        inputs: tuple[tuple[str, str], ...] = (
            ("RHK", work.id),
            ("IKI", indicator.id),
            ("target", str(target)),
        )
        item = by_id.get(indicator.id)
        if item is None or item.value is None:
            note = "no measured realisation (not counted as zero)"
            steps.append(
                Step(RULE["6/2022-QUANT-CAPAIAN"], "hasil_kerja", inputs, "not counted", note)
            )
            continue
        value = exact_capaian(target, item.value, indicator.direction)
        note = _formula_note(indicator, item.value)
        use: Fraction | None = value
        cap = thresholds.capaian_cap
        if cap is not None and value > Fraction(cap):
            use = Fraction(cap)
            note += f"; capped at {cap} % (agency threshold)"
        if work.kind is WorkResultKind.TAMBAHAN and not thresholds.include_tambahan:
            use = None
            note += "; RHK tambahan: shown, not counted"
        inputs = (*inputs, ("realisasi", str(item.value)))
        output = f"{quantize(dec(value))} %"
        steps.append(Step(RULE["6/2022-QUANT-CAPAIAN"], "hasil_kerja", inputs, output, note))
        if use is not None:
            counted.append(use)
    if not counted:
        return None
    mean = sum(counted, Fraction(0)) / len(counted)
    if mean >= Fraction(thresholds.above_from):
        rating = Rating.DI_ATAS
    elif mean >= Fraction(thresholds.meets_from):
        rating = Rating.SESUAI
    else:
        rating = Rating.DI_BAWAH
    inputs = (
        ("mean capaian", f"{quantize(dec(mean))} %"),
        ("indicators counted", str(len(counted))),
        ("Di Atas from", f"{thresholds.above_from} %"),
        ("Sesuai from", f"{thresholds.meets_from} %"),
    )
    note = (
        "a suggestion from the agency's thresholds (not a national rule); the pejabat"
        " penilai kinerja's rating is the decision"
    )
    steps.append(
        Step(RULE["6/2022-QUANT-THRESHOLDS"], "hasil_kerja", inputs, rating.label_id, note)
    )
    return rating, steps


@settings(max_examples=400, deadline=None)
@given(cases())
def test_every_step_equals_the_one_computed_before(
    case: tuple[PerformancePlan, list[Realisation], SuggestionThresholds],
) -> None:
    plan, realisations, thresholds = case
    if any(not i.target.lower for _, i in plan.indicators()):
        # a target of 0 (or a range from 0): the formula's own error where it is used, both
        # ways, or none; the other tests of this module compare the steps.
        refused: list[dict[str, object]] = []
        for call in (_before, suggest_rating):
            try:
                call(plan, realisations, thresholds)
            except InputError as error:
                refused.append(error.to_dict())
            except AppraisalError:
                refused.append({})
        assert len(refused) in (0, 2)
        assert len(set(map(repr, refused))) <= 1
        return
    expected = _before(plan, realisations, thresholds)
    if expected is None:
        with pytest.raises(AppraisalError, match="no indicator"):
            suggest_from_checked(plan, tuple(realisations), thresholds)
        return
    rating, steps = suggest_from_checked(plan, tuple(realisations), thresholds)
    assert rating is expected[0]
    assert [tuple(step) for step in steps] == [tuple(step) for step in expected[1]]
    assert all(type(step) is Step for step in steps)
    assert [step.to_dict() for step in steps] == [step.to_dict() for step in expected[1]]


def test_a_target_of_zero_is_refused_with_the_formula_error() -> None:
    plan = _plan([WorkResult("rhk-1", "H", (Indicator("iki-1", "I", Target.value(0)),))])
    with pytest.raises(InputError) as error:
        suggest_rating(plan, [Realisation("iki-1", Decimal(0))])
    assert error.value.rule == "8/2021-CAPAIAN"
    assert error.value.path == "target"


def test_the_suggestion_worked_by_hand() -> None:
    """Rule 6/2022-QUANT-CAPAIAN (PermenPANRB 8/2021 Lampiran BAB VI A.1.b.1)(e), (g)) and
    6/2022-QUANT-THRESHOLDS (agency thresholds, defaults 110 / 100, cap 120)."""
    indicators = (
        Indicator("iki-1", "I", Target.value(100, "%")),
        Indicator("iki-2", "I", Target.value(100, "%")),
        Indicator("iki-3", "I", Target.value(8, "hari"), direction=Direction.LOWER_IS_BETTER),
    )
    plan = _plan([WorkResult("rhk-1", "H", indicators)])
    realisations = (
        Realisation("iki-1", Decimal("87")),
        Realisation("iki-2", Decimal("130")),
        Realisation("iki-3", Decimal("6")),
    )
    rating, steps = suggest_from_checked(plan, realisations, SuggestionThresholds())
    # iki-1: 87 / 100 × 100 = 87 %.
    # iki-2: 130 / 100 × 100 = 130 %, capped at 120 %.
    # iki-3 (lower is better): (1 + (1 − 6 / 8)) × 100 = (2 − 0.75) × 100 = 125 %, capped 120.
    # mean of what counts: (87 + 120 + 120) / 3 = 327 / 3 = 109 % -> below 110, at least 100:
    # Sesuai Ekspektasi.
    assert [s.output for s in steps[:3]] == ["87.00 %", "130.00 %", "125.00 %"]
    assert steps[1].note == "realisasi / 100 × 100 %; capped at 120 % (agency threshold)"
    assert steps[2].note == "(1 + (1 − realisasi / 8)) × 100 %; capped at 120 % (agency threshold)"
    assert dict(steps[3].inputs)["mean capaian"] == "109.00 %"
    assert rating is Rating.SESUAI
    # Mixed targets (the integer path): 87 / 100 and 7 / 8 -> 87 % and 87.5 %; mean 87.25 %.
    plan = _plan(
        [
            WorkResult(
                "rhk-1",
                "H",
                (
                    Indicator("iki-1", "I", Target.value(100, "%")),
                    Indicator("iki-2", "I", Target.value(8, "dokumen")),
                ),
            )
        ]
    )
    both = (Realisation("iki-1", Decimal(87)), Realisation("iki-2", Decimal(7)))
    rating, steps = suggest_from_checked(plan, both, SuggestionThresholds())
    assert [s.output for s in steps[:2]] == ["87.00 %", "87.50 %"]
    assert dict(steps[2].inputs)["mean capaian"] == "87.25 %"
    assert rating is Rating.DI_BAWAH
