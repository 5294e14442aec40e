"""Issue 12: the quantitative suggestion without ``Fraction`` gives the same steps and rating.

The suggestion used to cap, average and compare the capaian as :class:`fractions.Fraction`;
it now does so with integer pairs (exact, cross-multiplied). These tests recompute the old way,
with ``Fraction`` and ``regimes._common.dec``, on generated plans and realisations (ranged and
single targets, both directions, RHK tambahan, missing and text-only realisations, with and
without a cap) and require the same rating and the same step texts; and they require that
``appraise()``'s path for checked realisations (:func:`suggest_from_checked`) equals the public
:func:`suggest_rating`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance import (
    Approach,
    Assessment,
    AssessorRole,
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
    appraise,
)
from asn_performance._kit.exact import quantize
from asn_performance.domain.plan import Direction
from asn_performance.exceptions import AppraisalError, InputError
from asn_performance.regimes._common import dec
from asn_performance.regimes.permenpanrb_6_2022.quantitative import (
    DEFAULT_THRESHOLDS,
    SuggestionThresholds,
    suggest_from_checked,
    suggest_rating,
)
from asn_performance.regimes.permenpanrb_8_2021.capaian_iki import exact_capaian

EMPLOYEE, SUPERVISOR = "198609262015051001", "197503122000031002"
PERIOD = Period.annual(2025)

amounts = st.decimals(min_value=0, max_value=500, places=2, allow_nan=False)
positive = st.decimals(min_value="0.5", max_value=300, places=2, allow_nan=False)


@st.composite
def targets(draw: st.DrawFn) -> Target:
    lower = draw(positive)
    if draw(st.booleans()):
        return Target.value(lower, "%")
    return Target.range(lower, lower + draw(positive), "%")


@st.composite
def cases(draw: st.DrawFn) -> tuple[PerformancePlan, list[Realisation], SuggestionThresholds]:
    count = draw(st.integers(1, 4))
    work = []
    realisations = []
    for w in range(count):
        indicators = []
        for i in range(draw(st.integers(1, 3))):
            ident = f"iki-{w}.{i}"
            indicators.append(
                Indicator(
                    ident,
                    f"Indikator {ident}",
                    draw(targets()),
                    direction=draw(st.sampled_from(list(Direction))),
                )
            )
            shape = draw(st.sampled_from(("value", "value", "value", "text", "missing")))
            if shape != "missing":
                value = draw(amounts) if shape == "value" else None
                realisations.append(Realisation(ident, value))
        kind = WorkResultKind.UTAMA if w == 0 else draw(st.sampled_from(list(WorkResultKind)))
        work.append(WorkResult(f"rhk-{w}", f"Hasil {w}", tuple(indicators), kind=kind))
    cap = draw(st.sampled_from((Decimal(120), None, Decimal("112.5"), Decimal(150))))
    thresholds = SuggestionThresholds(
        above_from=Decimal(110),
        meets_from=draw(st.sampled_from((Decimal(100), Decimal("99.99"), Decimal("87.5")))),
        capaian_cap=cap,
        include_tambahan=draw(st.booleans()),
    )
    plan = PerformancePlan(
        "skp-2025-1",
        _employee(EMPLOYEE, SUPERVISOR),
        _employee(SUPERVISOR, None),
        PERIOD,
        tuple(work),
        approach=Approach.KUANTITATIF,
    )
    return plan, draw(st.permutations(realisations)), thresholds


def _employee(nip: str, superior: str | None) -> Employee:
    return Employee(
        Nip(nip),
        "Siti" if superior else "Budi",
        Position(PositionKind.FUNGSIONAL, "Analis Kebijakan", Jenjang.AHLI_MUDA),
        "Biro Perencanaan",
        Nip(superior) if superior else None,
    )


def _with_fractions(
    plan: PerformancePlan, realisations: list[Realisation], thresholds: SuggestionThresholds
) -> tuple[Rating | None, list[str], str | None]:
    """Rating, capaian outputs and shown mean, computed the way the module did before."""
    given_by_id = {r.indicator_id: r for r in realisations}
    outputs: list[str] = []
    counted: list[Fraction] = []
    for work, indicator in plan.indicators():
        item = given_by_id.get(indicator.id)
        if item is None or item.value is None:
            outputs.append("not counted")
            continue
        value = Fraction(exact_capaian(indicator.target, item.value, indicator.direction))
        outputs.append(f"{quantize(dec(value))} %")
        cap = thresholds.capaian_cap
        use: Fraction | None = value
        if cap is not None and value > Fraction(cap):
            use = Fraction(cap)
        if work.kind is WorkResultKind.TAMBAHAN and not thresholds.include_tambahan:
            use = None
        if use is not None:
            counted.append(use)
    if not counted:
        return None, outputs, None
    mean = sum(counted, Fraction(0)) / len(counted)
    if mean >= Fraction(thresholds.above_from):
        rating = Rating.DI_ATAS
    elif mean >= Fraction(thresholds.meets_from):
        rating = Rating.SESUAI
    else:
        rating = Rating.DI_BAWAH
    return rating, outputs, f"{quantize(dec(mean))} %"


@settings(max_examples=300, deadline=None)
@given(cases())
def test_the_suggestion_in_integers_equals_the_one_in_fractions(
    case: tuple[PerformancePlan, list[Realisation], SuggestionThresholds],
) -> None:
    plan, realisations, thresholds = case
    rating, outputs, mean = _with_fractions(plan, realisations, thresholds)
    if rating is None:
        with pytest.raises(AppraisalError) as public:
            suggest_rating(plan, realisations, thresholds)
        with pytest.raises(AppraisalError) as checked:
            suggest_from_checked(plan, tuple(realisations), thresholds)
        assert public.value.to_dict() == checked.value.to_dict()
        return
    got, steps = suggest_rating(plan, realisations, thresholds)
    assert got is rating
    assert [step.output for step in steps[:-1]] == outputs
    assert dict(steps[-1].inputs)["mean capaian"] == mean
    assert suggest_from_checked(plan, tuple(realisations), thresholds) == (got, steps)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.decimals(min_value=0, max_value=300, allow_nan=False),
        st.fractions(min_value=0, max_value=300),
        st.integers(0, 300),
    ),
    st.sampled_from(
        (
            DEFAULT_THRESHOLDS,
            SuggestionThresholds(above_from="100.01", meets_from="99.99"),
            SuggestionThresholds(above_from=Decimal(1) / 3 * 300, meets_from=3, capaian_cap=None),
        )
    ),
)
def test_rating_for_compares_exactly_as_fractions_did(
    mean: Decimal | Fraction | int, thresholds: SuggestionThresholds
) -> None:
    exact = Fraction(mean)
    if exact >= Fraction(thresholds.above_from):
        expected = Rating.DI_ATAS
    elif exact >= Fraction(thresholds.meets_from):
        expected = Rating.SESUAI
    else:
        expected = Rating.DI_BAWAH
    assert thresholds.rating_for(mean) is expected


def test_rating_for_takes_text_and_refuses_what_fraction_refused() -> None:
    assert DEFAULT_THRESHOLDS.rating_for("110") is Rating.DI_ATAS  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="NaN"):
        DEFAULT_THRESHOLDS.rating_for(Decimal("NaN"))
    with pytest.raises(TypeError):
        DEFAULT_THRESHOLDS.rating_for(None)  # type: ignore[arg-type]


def test_the_checked_path_checks_the_thresholds_as_the_public_one() -> None:
    plan = PerformancePlan(
        "skp-2025-1",
        _employee(EMPLOYEE, SUPERVISOR),
        _employee(SUPERVISOR, None),
        PERIOD,
        (WorkResult("rhk-1", "Hasil", (Indicator("iki-1", "I", Target.value(4)),)),),
        approach=Approach.KUANTITATIF,
    )
    with pytest.raises(InputError) as public:
        suggest_rating(plan, [], "110")  # type: ignore[arg-type]
    with pytest.raises(InputError) as checked:
        suggest_from_checked(plan, (), "110")  # type: ignore[arg-type]
    assert public.value.to_dict() == checked.value.to_dict()
    # appraise() passes its suggestion argument through: the same error as before.
    assessment = Assessment(
        "skp-2025-1",
        AssessorRole.PEJABAT_PENILAI,
        Nip(SUPERVISOR),
        dt.date(2025, 12, 20),
        PERIOD,
        hasil_kerja=Rating.SESUAI,
        perilaku_kerja=Rating.SESUAI,
        realisations=[Realisation("iki-1", Decimal(4))],
    )
    with pytest.raises(InputError) as through:
        appraise(plan, [assessment], suggestion="110")  # type: ignore[arg-type]
    assert through.value.to_dict() == public.value.to_dict()
