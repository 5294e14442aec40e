"""PermenPANRB 6/2022, *pendekatan hasil kerja kuantitatif*: a suggested rating hasil kerja.

PermenPANRB 6/2022 lets an SKP use a quantitative or a qualitative approach; either way the
*pejabat penilai kinerja* decides the rating hasil kerja (Di Atas / Sesuai / Di Bawah
Ekspektasi). No national rule turns capaian into a rating. For a plan with the kuantitatif
approach this module:

1. computes each indicator's *capaian* from its realisation with the PermenPANRB 8/2021
   formulas (normal, lower is better, ranged targets: reused from
   :mod:`.permenpanrb_8_2021`);
2. offers a **suggested** rating from thresholds that are the agency's choice
   (:class:`SuggestionThresholds`; the defaults are documented, NOT a national rule);
3. records whether the pejabat penilai's decision agrees (:func:`compare_with_decision`).

The suggestion never replaces the decision; :func:`~asn_performance.appraise` does not call
this module by itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from math import lcm
from typing import Final

import attrs

from asn_performance._kit.exact import quantize, to_decimal
from asn_performance.domain.assessment import Realisation
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.plan import (
    Approach,
    Direction,
    Indicator,
    PerformancePlan,
    WorkResult,
    WorkResultKind,
)
from asn_performance.domain.rating import Rating
from asn_performance.exceptions import (
    AppraisalError,
    AssessmentError,
    DuplicateError,
    PolicyError,
)
from asn_performance.regimes._common import dec_ratio, require
from asn_performance.regimes.permenpanrb_8_2021.capaian_iki import formula_ratio, target_used

__all__ = [
    "DEFAULT_THRESHOLDS",
    "RULES",
    "SuggestionThresholds",
    "compare_with_decision",
    "suggest_rating",
]


#: The rules this module records (gathered with the others by
#: :mod:`asn_performance.services.rulebook`).
RULES: tuple[Rule, ...] = (
    Rule(
        "6/2022-QUANT-CAPAIAN",
        "Capaian of an indicator of a kuantitatif SKP",
        "PermenPANRB 6/2022 (pendekatan hasil kerja kuantitatif) states no formula; the"
        " library uses the PermenPANRB 8/2021 Lampiran formulas (BAB VI A.1.b.1)(e), (g)"
        " [S13 p.99, p.110])",
        normative=False,
    ),
    Rule(
        "6/2022-QUANT-THRESHOLDS",
        "Suggested rating hasil kerja from the mean capaian (agency thresholds)",
        "Agency configuration, NOT a national rule: PermenPANRB 6/2022 leaves the rating to"
        " the pejabat penilai kinerja; defaults: mean capaian >= 110 % Di Atas, >= 100 %"
        " Sesuai, else Di Bawah Ekspektasi",
        normative=False,
    ),
    Rule(
        "6/2022-QUANT-SUGGESTION",
        "The pejabat penilai's rating is the decision; the suggestion is compared with it",
        "PermenPANRB 6/2022 (evaluasi kinerja by the pejabat penilai kinerja); the"
        " suggestion is advisory (library decision, as D2)",
        normative=False,
    ),
)
_RULE = rules_by_id(RULES)
_CAPAIAN_RULE = _RULE["6/2022-QUANT-CAPAIAN"]
QUANTITATIVE_RULES = RULES


def _above_from(value: object) -> Decimal:
    return _positive_percent(value, "above_from")


def _meets_from(value: object) -> Decimal:
    return _positive_percent(value, "meets_from")


def _cap(value: object) -> Decimal | None:
    return None if value is None else _positive_percent(value, "capaian_cap")


def _positive_percent(value: object, field: str) -> Decimal:
    number = to_decimal(value, field=field)
    if number <= 0:
        raise PolicyError(
            "a threshold is a positive percentage",
            path=field,
            value=value,
            rule="6/2022-QUANT-THRESHOLDS",
            fix="give a percentage such as 100",
        )
    return number


@attrs.frozen
class SuggestionThresholds:
    """An agency's thresholds for the suggested rating hasil kerja (NOT a national rule).

    The mean capaian of the counted indicators is compared, exactly, with:

    * ``above_from`` (default 110 %): at or above, Di Atas Ekspektasi;
    * ``meets_from`` (default 100 %): at or above, Sesuai Ekspektasi; below, Di Bawah.

    ``capaian_cap`` (default 120 %) caps each indicator's capaian before the mean, so that
    one runaway indicator cannot hide a missed one; ``None`` for no cap.
    ``include_tambahan`` (default False) counts the indicators of RHK tambahan too; by default
    only RHK utama count, since the expectation is set on them.

    The defaults mirror PermenPANRB 8/2021, where 100 % is "Baik" and more than 110 % earns
    the maximum; they are the library's suggestion for an agency that has none.
    """

    above_from: Decimal = attrs.field(default=Decimal(110), converter=_above_from)
    meets_from: Decimal = attrs.field(default=Decimal(100), converter=_meets_from)
    capaian_cap: Decimal | None = attrs.field(default=Decimal(120), converter=_cap)
    include_tambahan: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool)
    )

    def __attrs_post_init__(self) -> None:
        if self.meets_from >= self.above_from:
            raise PolicyError(
                "the threshold for Di Atas must lie above the one for Sesuai",
                path="above_from",
                value=str(self.above_from),
                rule="6/2022-QUANT-THRESHOLDS",
                fix="e.g. above_from=110, meets_from=100",
            )
        if self.capaian_cap is not None and self.capaian_cap < self.above_from:
            raise PolicyError(
                "a cap below the Di Atas threshold makes Di Atas unreachable",
                path="capaian_cap",
                value=str(self.capaian_cap),
                rule="6/2022-QUANT-THRESHOLDS",
                fix="raise the cap to at least above_from, or pass None",
            )

    def rating_for(self, mean_capaian: Decimal | Fraction) -> Rating:
        """The suggested rating for a mean capaian (percent), compared exactly."""
        if not isinstance(mean_capaian, (Decimal, Fraction, int)):
            mean_capaian = Fraction(mean_capaian)  # the error Fraction() gives, as before
        numerator, denominator = mean_capaian.as_integer_ratio()
        return self._rating_for_ratio(numerator, denominator)

    def _rating_for_ratio(self, numerator: int, denominator: int) -> Rating:
        """:meth:`rating_for` of the rational ``numerator / denominator`` (``denominator`` >
        0), compared exactly in integers: ``n / d >= p / q`` when ``n·q >= p·d``."""
        above, above_of = self.above_from.as_integer_ratio()
        if numerator * above_of >= above * denominator:
            return Rating.DI_ATAS
        meets, meets_of = self.meets_from.as_integer_ratio()
        if numerator * meets_of >= meets * denominator:
            return Rating.SESUAI
        return Rating.DI_BAWAH


#: The library's default thresholds (an agency's choice; not a national rule).
DEFAULT_THRESHOLDS: Final = SuggestionThresholds()


def _by_indicator(
    plan: PerformancePlan, realisations: Iterable[Realisation]
) -> dict[str, Realisation]:
    found: dict[str, Realisation] = {}
    for index, item in enumerate(realisations):
        require(
            item,
            Realisation,
            path=f"realisations[{index}]",
            message="must hold Realisation objects",
            fix="pass Realisation objects (e.g. an assessment's realisations)",
        )
        if item.indicator_id not in plan.indicator_ids:
            raise AssessmentError(
                f"indicator {item.indicator_id!r} is not in plan {plan.id!r}",
                path=f"realisations[{index}]",
                value=item.indicator_id,
                rule="ASSESSMENT-PLAN",
                fix=f"use one of the plan's indicator ids: {', '.join(sorted(plan.indicator_ids))}",
            )
        if item.indicator_id in found:
            raise DuplicateError(
                f"indicator {item.indicator_id!r} is realised twice",
                path=f"realisations[{index}]",
                value=item.indicator_id,
                rule="ASSESSMENT-UNIQUE",
                fix="give one realisation per indicator",
            )
        found[item.indicator_id] = item
    return found


#: A capaian as an exact rational ``(numerator, denominator)``, the denominator positive.
_Ratio = tuple[int, int]


def _shown(numerator: int, denominator: int) -> Decimal:
    """The value shown for an exact rational: stored once with 28 significant digits, half-up
    (:func:`~asn_performance.regimes._common.dec_ratio`: the same Decimal for any pair of the
    same value), then 2 places, half-up."""
    return quantize(dec_ratio(numerator, denominator))


def _indicator_step(
    work: WorkResult,
    indicator: Indicator,
    item: Realisation | None,
    thresholds: SuggestionThresholds,
    cap: _Ratio | None,
) -> tuple[Step, _Ratio | None]:
    """The capaian step of one indicator and the value it counts with (``None``: not counted).

    ``cap`` is ``thresholds.capaian_cap`` as an integer pair (read once per suggestion)."""
    target = indicator.target
    inputs = (("RHK", work.id), ("IKI", indicator.id), ("target", str(target)))
    realisation = None if item is None else item.value
    if realisation is None:
        return (
            Step(
                _CAPAIAN_RULE,
                "hasil_kerja",
                inputs,
                "not counted",
                "no measured realisation (not counted as zero)",
            ),
            None,
        )
    direction = indicator.direction
    used = target_used(target, realisation)
    # The 8/2021 capaian as an integer pair: the inputs are checked already (a Target, the
    # direction of a checked Indicator, a Realisation's value: a Decimal, never negative),
    # so the formula runs without exact_capaian's second check of them.
    value: _Ratio = (
        (100, 1)
        if used is None
        else formula_ratio(target, used, realisation, direction is Direction.LOWER_IS_BETTER)
    )
    if used is None:
        note = "within the ranged target: 100 %"
    elif direction is Direction.LOWER_IS_BETTER:
        note = f"(1 + (1 − realisasi / {used})) × 100 %"
    else:
        note = f"realisasi / {used} × 100 %"
    counted: _Ratio | None = value
    # value > cap, exactly: n / d > p / q when n·q > p·d (both denominators positive).
    if cap is not None and value[0] * cap[1] > cap[0] * value[1]:
        counted = cap
        note += f"; capped at {thresholds.capaian_cap} % (agency threshold)"
    if work.kind is WorkResultKind.TAMBAHAN and not thresholds.include_tambahan:
        counted = None
        note += "; RHK tambahan: shown, not counted"
    step = Step(
        _CAPAIAN_RULE,
        "hasil_kerja",
        (*inputs, ("realisasi", str(realisation))),
        f"{_shown(*value)} %",
        note,
    )
    return step, counted


def suggest_rating(
    plan: PerformancePlan,
    realisations: Iterable[Realisation],
    thresholds: SuggestionThresholds = DEFAULT_THRESHOLDS,
) -> tuple[Rating, tuple[Step, ...]]:
    """A suggested rating hasil kerja for a kuantitatif plan, with the steps.

    Each indicator's capaian comes from its realisation with the PermenPANRB 8/2021
    formulas (exact, not rounded; see :func:`.permenpanrb_8_2021.capaian_iki`), capped at
    ``thresholds.capaian_cap``; their mean is compared with the thresholds. Indicators without
    a realisation, or with a text-only one, are not counted (never as zero); neither are
    those of RHK tambahan unless ``thresholds.include_tambahan``.

    Raises:
        AppraisalError: when the plan is not kuantitatif, or no indicator can be counted.
    """
    require(
        plan, PerformancePlan, path="plan", message="must be a PerformancePlan", fix="pass the SKP"
    )
    _require_thresholds(thresholds)
    _require_kuantitatif(plan)
    return _suggestion(plan, _by_indicator(plan, realisations), thresholds)


def suggest_from_checked(
    plan: PerformancePlan,
    realisations: tuple[Realisation, ...],
    thresholds: SuggestionThresholds,
) -> tuple[Rating, tuple[Step, ...]]:
    """:func:`suggest_rating` for the realisations of an assessment already checked against
    ``plan`` (:meth:`~asn_performance.Assessment.check_against`), as
    :func:`~asn_performance.appraise` has them: each is a :class:`Realisation` (the
    assessment's invariant), names an indicator of the plan (``check_against``) and no
    indicator twice (the assessment's invariant), so the per-item checks of
    :func:`suggest_rating`, which could not fail, are not repeated. ``plan`` is a
    :class:`PerformancePlan` (checked by ``appraise``); the thresholds and the approach are
    checked as :func:`suggest_rating` checks them, with the same errors."""
    _require_thresholds(thresholds)
    _require_kuantitatif(plan)
    return _suggestion(plan, {r.indicator_id: r for r in realisations}, thresholds)


def _require_thresholds(thresholds: object) -> None:
    require(
        thresholds,
        SuggestionThresholds,
        path="thresholds",
        message="must be SuggestionThresholds",
        fix="pass SuggestionThresholds(...)",
    )


def _require_kuantitatif(plan: PerformancePlan) -> None:
    if plan.approach is not Approach.KUANTITATIF:
        raise AppraisalError(
            "a suggested rating needs an SKP with the kuantitatif approach",
            path="approach",
            value=plan.approach.code,
            rule="6/2022-QUANT-SUGGESTION",
            fix="set approach=Approach.KUANTITATIF, or let the pejabat penilai rate the"
            " qualitative SKP",
        )


def _suggestion(
    plan: PerformancePlan, given: Mapping[str, Realisation], thresholds: SuggestionThresholds
) -> tuple[Rating, tuple[Step, ...]]:
    """The steps of :func:`suggest_rating` once its inputs are checked.

    The capaian are exact rationals as integer pairs; their mean ``sum(n_i / d_i) / k`` is
    ``sum(n_i · (L / d_i)) / (L · k)`` with ``L`` the least common multiple of the ``d_i``,
    exact, and compared with the thresholds in integers."""
    cap_value = thresholds.capaian_cap
    cap = None if cap_value is None else cap_value.as_integer_ratio()
    steps: list[Step] = []
    counted: list[_Ratio] = []
    for work, indicator in plan.indicators():
        step, value = _indicator_step(work, indicator, given.get(indicator.id), thresholds, cap)
        steps.append(step)
        if value is not None:
            counted.append(value)
    if not counted:
        raise AppraisalError(
            "no indicator of the plan has a measured realisation to suggest a rating from",
            path="realisations",
            value=[],
            rule="6/2022-QUANT-SUGGESTION",
            fix="give the realisation value of the RHK utama indicators",
        )
    common = lcm(*(denominator for _, denominator in counted))
    total = sum(numerator * (common // denominator) for numerator, denominator in counted)
    mean = (total, common * len(counted))
    rating = thresholds._rating_for_ratio(*mean)
    steps.append(
        Step(
            _RULE["6/2022-QUANT-THRESHOLDS"],
            "hasil_kerja",
            (
                ("mean capaian", f"{_shown(*mean)} %"),
                ("indicators counted", str(len(counted))),
                ("Di Atas from", f"{thresholds.above_from} %"),
                ("Sesuai from", f"{thresholds.meets_from} %"),
            ),
            rating.label_id,
            "a suggestion from the agency's thresholds (not a national rule); the pejabat"
            " penilai kinerja's rating is the decision",
        )
    )
    return rating, tuple(steps)


def compare_with_decision(suggested: Rating, decided: Rating) -> Step:
    """Record whether the pejabat penilai's rating agrees with the suggestion.

    The decided rating stands either way (PermenPANRB 6/2022: the pejabat penilai kinerja
    evaluates); a disagreement is recorded so that it appears in the explanation.
    """
    for name, value in (("suggested", suggested), ("decided", decided)):
        require(
            value,
            Rating,
            path=name,
            message="must be a Rating",
            fix="pass Rating.DI_ATAS, Rating.SESUAI or Rating.DI_BAWAH",
        )
    inputs = (
        ("suggested", suggested.label_id),
        ("decided by the pejabat penilai", decided.label_id),
    )
    if suggested is decided:
        return Step(
            _RULE["6/2022-QUANT-SUGGESTION"], "hasil_kerja", inputs, "agrees", "the decision stands"
        )
    direction = "above" if decided > suggested else "below"
    return Step(
        _RULE["6/2022-QUANT-SUGGESTION"],
        "hasil_kerja",
        inputs,
        "differs",
        f"the pejabat penilai rated {direction} the suggestion; the decision stands",
    )
