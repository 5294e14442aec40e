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

from asn_performance._kit.exact import EXACT, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.domain.assessment import Realisation
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.plan import (
    Approach,
    Direction,
    PerformancePlan,
    Target,
    WorkResultKind,
)
from asn_performance.domain.rating import Rating
from asn_performance.exceptions import (
    AppraisalError,
    AssessmentError,
    DuplicateError,
    PolicyError,
)
from asn_performance.regimes._common import require
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


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.6/2022-QUANT-CAPAIAN.not_counted": "not counted",
        "step.6/2022-QUANT-CAPAIAN.not_measured": "no measured realisation (not counted as zero)",
        "step.6/2022-QUANT-CAPAIAN.percent": "{capaian} %",
        "step.6/2022-QUANT-CAPAIAN.formula": "realisasi / {target} × 100 %",
        "step.6/2022-QUANT-CAPAIAN.formula_lower": "(1 + (1 − realisasi / {target})) × 100 %",
        "step.6/2022-QUANT-CAPAIAN.within": "within the ranged target: 100 %",
        "step.6/2022-QUANT-CAPAIAN.capped": "capped at {cap} % (agency threshold)",
        "step.6/2022-QUANT-CAPAIAN.tambahan": "RHK tambahan: shown, not counted",
        "step.6/2022-QUANT-THRESHOLDS.mean": "mean capaian",
        "step.6/2022-QUANT-THRESHOLDS.counted": "indicators counted",
        "step.6/2022-QUANT-THRESHOLDS.above": "Di Atas from",
        "step.6/2022-QUANT-THRESHOLDS.meets": "Sesuai from",
        "step.6/2022-QUANT-THRESHOLDS.percent": "{value} %",
        "step.6/2022-QUANT-THRESHOLDS.note": (
            "a suggestion from the agency's thresholds (not a national rule); the pejabat"
            " penilai kinerja's rating is the decision"
        ),
        "step.6/2022-QUANT-SUGGESTION.suggested": "suggested",
        "step.6/2022-QUANT-SUGGESTION.decided": "decided by the pejabat penilai",
        "step.6/2022-QUANT-SUGGESTION.agrees": "agrees",
        "step.6/2022-QUANT-SUGGESTION.differs": "differs",
        "step.6/2022-QUANT-SUGGESTION.stands": "the decision stands",
        "step.6/2022-QUANT-SUGGESTION.above": (
            "the pejabat penilai rated above the suggestion; the decision stands"
        ),
        "step.6/2022-QUANT-SUGGESTION.below": (
            "the pejabat penilai rated below the suggestion; the decision stands"
        ),
    }
)
_CAPAIAN_RULE = _RULE["6/2022-QUANT-CAPAIAN"]
_SUGGESTION_RULE = _RULE["6/2022-QUANT-SUGGESTION"]
QUANTITATIVE_RULES = RULES

# The members read on every suggestion, read once: an enum member read from its class costs a
# lookup through the enum's machinery each time.
_DI_ATAS, _SESUAI, _DI_BAWAH = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
_LOWER_IS_BETTER = Direction.LOWER_IS_BETTER
_TAMBAHAN = WorkResultKind.TAMBAHAN
_KUANTITATIF = Approach.KUANTITATIF


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
            return _DI_ATAS
        meets, meets_of = self.meets_from.as_integer_ratio()
        if numerator * meets_of >= meets * denominator:
            return _SESUAI
        return _DI_BAWAH


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


#: A capaian as an exact rational ``(numerator, denominator)`` of integers, the denominator
#: positive (percent; not reduced).
_Ratio = tuple[int, int]


def _shown_text(numerator: int, denominator: int) -> str:
    """The text of the value shown for the exact rational ``numerator / denominator`` (not
    negative, the denominator positive): 2 places, half-up, rounded once (decision D5), as
    ``str()`` writes the :class:`~decimal.Decimal` that
    :func:`~asn_performance._kit.exact.quotient_shown` returns for it. In whole numbers: the
    cents are ``floor(100·n/d + 1/2)`` = ``(200·n + d) // (2·d)``, exact at any size."""
    whole, cents = divmod((200 * numerator + denominator) // (2 * denominator), 100)
    return str(whole) + _CENTS[cents]


#: The decimal part of a value shown to 2 places, by its cents (``".07"``), and the same with
#: the percent sign of a capaian step (``".07 %"``): read, not formatted, per value.
_CENTS = tuple(f".{cents:02d}" for cents in range(100))
_CENTS_PERCENT = tuple(cents + " %" for cents in _CENTS)


#: A step is a named tuple; it is made from its five values directly, as ``Step(...)`` makes it
#: (the class checks nothing), without the generated ``__new__`` and its defaults.
_make_step = tuple.__new__
_WITHIN_NOTE = "within the ranged target: 100 %"
_TAMBAHAN_NOTE = "; RHK tambahan: shown, not counted"
_NOT_MEASURED_NOTE = "no measured realisation (not counted as zero)"


def _indicator_steps(
    plan: PerformancePlan,
    given: Mapping[str, Realisation],
    thresholds: SuggestionThresholds,
    steps: list[Step],
) -> list[_Ratio]:
    """The capaian step of every indicator of ``plan``, in plan order, appended to ``steps``;
    returns the values counted, each as an exact rational of integers (rule
    ``6/2022-QUANT-CAPAIAN``).

    One pass over the plan, with what every indicator shares read once: the cap (as an
    integer ratio) and its note, whether RHK tambahan count, each work result's id and kind.
    The inputs are checked already (a Target, the direction of a checked Indicator, a
    Realisation's value: a Decimal, never negative), so the 8/2021 formula runs without
    ``exact_capaian``'s second check of them.

    The formula of :func:`~.permenpanrb_8_2021.capaian_iki.formula_ratio`, with the target
    ``u`` used and the realisation ``r``, is ``100·r / u`` (``(200·u − 100·r) / u`` when lower
    is better, floored at 0; ``100`` within a ranged target). For the usual indicator (one
    positive target, higher is better) it is computed in scaled integers: with
    ``r = a / b`` and ``u = c / e`` (:meth:`~decimal.Decimal.as_integer_ratio`, exact), the
    capaian is ``(100·a·e) / (b·c)``; the other cases compute the Decimal quotient exactly
    (:data:`~asn_performance._kit.exact.EXACT`, which refuses any rounding) and take its
    integer ratio. The value shown is that rational rounded once to 2 places, half-up
    (:func:`_shown_text`): the same digits as
    :func:`~asn_performance._kit.exact.quotient_shown`. A value above the cap is replaced by
    the cap, compared exactly: ``n / d > p / q`` when ``n·q > p·d``. Every step holds the
    same text as before: the notes are the same templates.
    """
    cap = thresholds.capaian_cap
    capped, cap_top, cap_bottom = _cap_parts(cap)
    include_tambahan = thresholds.include_tambahan
    lower_is_better = _LOWER_IS_BETTER
    rule = _CAPAIAN_RULE
    get = given.get
    counted: list[_Ratio] = []
    append, count = steps.append, counted.append
    # What a single target gives every indicator that has it (its text, the step's input, the
    # note, its integer ratio), kept from the indicator before: a plan usually repeats one
    # target (e.g. 100 %). Reused only when the target's text and unit are the same strings.
    last_text = last_unit = None
    target_input: tuple[str, str] = ("target", "")
    usual_note = ""
    u_top = u_bottom = 1
    for work in plan.work_results:
        work_input = ("RHK", work.id)
        shown_only = work.kind is _TAMBAHAN and not include_tambahan
        for indicator in work.indicators:
            target = indicator.target
            item = get(indicator.id)
            lower = target.lower
            single = target.upper is None
            if single:
                used_text = str(lower)
                unit = target.unit
                if used_text != last_text or unit != last_unit:
                    last_text, last_unit = used_text, unit
                    target_input, usual_note, u_top, u_bottom = _single_target(
                        lower, used_text, unit
                    )
                inputs_target = target_input
            else:
                inputs_target = ("target", str(target))
            if item is None or (realisation := item.value) is None:
                append(_not_measured(work_input, indicator.id, inputs_target))
                continue
            if single and u_top and indicator.direction is not lower_is_better:
                # The usual indicator: one positive target, higher is better.
                r_top, r_bottom = realisation.as_integer_ratio()
                top, bottom = 100 * r_top * u_bottom, r_bottom * u_top
                note = usual_note
            else:
                top, bottom, note = _quotient(
                    target, realisation, indicator.direction, used_text if single else None
                )
            # The value shown, as _shown_text writes it (inline: ten per appraisal).
            whole, cents = divmod((200 * top + bottom) // (2 * bottom), 100)
            kept: _Ratio | None = (top, bottom)
            if cap is not None and top * cap_bottom > cap_top * bottom:
                kept = (cap_top, cap_bottom)
                note += capped
            if shown_only:
                kept = None
                note += _TAMBAHAN_NOTE
            append(
                _make_step(
                    Step,
                    (
                        rule,
                        "hasil_kerja",
                        (
                            work_input,
                            ("IKI", indicator.id),
                            inputs_target,
                            ("realisasi", str(realisation)),
                        ),
                        str(whole) + _CENTS_PERCENT[cents],
                        note,
                    ),
                )
            )
            if kept is not None:
                count(kept)
    return counted


def _cap_parts(cap: Decimal | None) -> tuple[str, int, int]:
    """The note added to a capped capaian and the cap as an integer ratio (``0 / 1`` for no
    cap, never compared)."""
    if cap is None:
        return "", 0, 1
    top, bottom = cap.as_integer_ratio()
    return f"; capped at {cap} % (agency threshold)", top, bottom


def _single_target(
    lower: Decimal, used_text: str, unit: str
) -> tuple[tuple[str, str], str, int, int]:
    """What a single target gives each indicator that has it: the step's input (its text as
    ``Target.__str__`` makes it, from ``used_text``, the text of the value the formula uses),
    the usual note, and the value as an integer ratio."""
    top, bottom = lower.as_integer_ratio()
    return (
        ("target", (used_text + " " + unit).strip()),
        "realisasi / " + used_text + " × 100 %",
        top,
        bottom,
    )


def _not_measured(work_input: tuple[str, str], indicator_id: str, target: tuple[str, str]) -> Step:
    """The step of an indicator without a measured realisation: shown, not counted."""
    inputs = (work_input, ("IKI", indicator_id), target)
    return _make_step(
        Step, (_CAPAIAN_RULE, "hasil_kerja", inputs, "not counted", _NOT_MEASURED_NOTE)
    )


def _quotient(
    target: Target, realisation: Decimal, direction: Direction, used_text: str | None
) -> tuple[int, int, str]:
    """The capaian as an integer ratio ``(top, bottom)`` and the note of an indicator other
    than the usual one (a ranged target, lower is better, or a target of 0, refused with the
    formula's own error, rule ``8/2021-CAPAIAN``): the exact Decimal quotient, then its
    integer ratio. ``used_text`` is the text of a single target's value, ``None`` for a
    range. See :func:`_indicator_steps`."""
    numerator, divisor, note = _decimal_quotient(target, realisation, direction, used_text)
    n_top, n_bottom = numerator.as_integer_ratio()
    d_top, d_bottom = divisor.as_integer_ratio()
    return n_top * d_bottom, n_bottom * d_top, note


def _decimal_quotient(
    target: Target, realisation: Decimal, direction: Direction, used_text: str | None
) -> tuple[Decimal, Decimal, str]:
    """The capaian quotient ``(numerator, divisor)`` of Decimals and the note (see
    :func:`_quotient`)."""
    used = target.lower if used_text is not None else target_used(target, realisation)
    if used is None:
        return _HUNDRED, _ONE, _WITHIN_NOTE
    if not used:
        formula_ratio(target, used, realisation, lower=False)  # raises: no capaian of 0
        raise AssertionError("unreachable: formula_ratio refuses a target of 0")
    # str() of the Decimal: what an f-string shows, without Decimal.__format__.
    shown = str(used) if used_text is None else used_text
    mul = EXACT.multiply
    if direction is _LOWER_IS_BETTER:
        numerator = EXACT.subtract(mul(used, _TWO_HUNDRED), mul(realisation, _HUNDRED))
        return max(numerator, _ZERO), used, "(1 + (1 − realisasi / " + shown + ")) × 100 %"
    return mul(realisation, _HUNDRED), used, "realisasi / " + shown + " × 100 %"


_ZERO, _ONE, _HUNDRED, _TWO_HUNDRED = Decimal(0), Decimal(1), Decimal(100), Decimal(200)


def _mean(counted: list[_Ratio], thresholds: SuggestionThresholds) -> tuple[Rating, str]:
    """The suggested rating for the mean of the ``counted`` capaian and the text of the mean
    as shown.

    Each capaian is an exact rational ``p_i / q_i`` of integers. When every ``q_i`` is the
    same ``q`` (one target for all and whole realisations, the usual plan), the mean is
    ``sum(p_i) / (q·k)``; otherwise it is ``sum(p_i · (L / q_i)) / (L · k)`` with ``L`` the
    least common multiple of the ``q_i``. Both are exact; the rating compares the mean with
    the thresholds in integers (:meth:`SuggestionThresholds._rating_for_ratio`) and the shown
    value is the mean rounded once to 2 places, half-up (:func:`_shown_text`)."""
    common = counted[0][1]
    total = 0
    for numerator, other in counted:
        if other != common:
            common = lcm(*(denominator for _, denominator in counted))
            total = sum(numerator * (common // denominator) for numerator, denominator in counted)
            break
        total += numerator
    whole = common * len(counted)
    return thresholds._rating_for_ratio(total, whole), _shown_text(total, whole)


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
    if not isinstance(thresholds, SuggestionThresholds):  # the usual case tested first
        _require_thresholds(thresholds)
    if plan.approach is not _KUANTITATIF:
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
    if plan.approach is not _KUANTITATIF:
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

    The capaian are exact quotients (:func:`_indicator_steps`); their mean is compared with
    the thresholds exactly (:func:`_mean`)."""
    steps: list[Step] = []
    counted = _indicator_steps(plan, given, thresholds, steps)
    if not counted:
        raise AppraisalError(
            "no indicator of the plan has a measured realisation to suggest a rating from",
            path="realisations",
            value=[],
            rule="6/2022-QUANT-SUGGESTION",
            fix="give the realisation value of the RHK utama indicators",
        )
    rating, mean = _mean(counted, thresholds)
    steps.append(
        _make_step(
            Step,
            (
                _RULE["6/2022-QUANT-THRESHOLDS"],
                "hasil_kerja",
                (
                    ("mean capaian", mean + " %"),
                    ("indicators counted", str(len(counted))),
                    ("Di Atas from", str(thresholds.above_from) + " %"),
                    ("Sesuai from", str(thresholds.meets_from) + " %"),
                ),
                rating.label_id,
                _THRESHOLDS_NOTE,
            ),
        )
    )
    return rating, tuple(steps)


def compare_with_decision(suggested: Rating, decided: Rating) -> Step:
    """Record whether the pejabat penilai's rating agrees with the suggestion.

    The decided rating stands either way (PermenPANRB 6/2022: the pejabat penilai kinerja
    evaluates); a disagreement is recorded so that it appears in the explanation.
    """
    both = isinstance(suggested, Rating) and isinstance(decided, Rating)  # the usual case
    for name, value in () if both else (("suggested", suggested), ("decided", decided)):
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
        return _make_step(Step, (_SUGGESTION_RULE, "hasil_kerja", inputs, "agrees", _STANDS))
    note = _ABOVE if decided.position > suggested.position else _BELOW
    return _make_step(Step, (_SUGGESTION_RULE, "hasil_kerja", inputs, "differs", note))


_THRESHOLDS_NOTE = (
    "a suggestion from the agency's thresholds (not a national rule); the pejabat penilai"
    " kinerja's rating is the decision"
)
_STANDS = "the decision stands"
_ABOVE = "the pejabat penilai rated above the suggestion; the decision stands"
_BELOW = "the pejabat penilai rated below the suggestion; the decision stands"
