"""PermenPANRB 8/2021: the *capaian IKI*, ranged targets and the D13 rounding.

Capaian = realisasi / target × 100 % (normal), or (1 + (1 − realisasi / target)) × 100 % where
a lower realisation is better; a ranged target uses its upper bound when the realisation is
above it and its lower bound when below (PermenPANRB 8/2021 Lampiran, BAB VI A.1.b.1)(e) and
(g) [S13 p.99, p.110]). The capaian is then rounded to a whole percent, half-up (library
decision D13), before :mod:`.nilai` reads the table. Exact rationals throughout (decision D5).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Final

from asn_performance._kit.exact import to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.plan import Direction, Target
from asn_performance.exceptions import InputError
from asn_performance.regimes._common import Ratio, dec_ratio, new_step, plain, show
from asn_performance.regimes.permenpanrb_8_2021._common import LAMPIRAN

__all__ = [
    "RULES",
    "as_direction",
    "as_target",
    "capaian",
    "capaian_ratio",
    "capaian_steps",
    "exact_capaian",
    "formula_ratio",
    "iki_capaian_steps",
    "round_capaian",
    "round_whole",
    "target_used",
    "whole_of",
]

#: The rules of this module: the capaian formulas, ranged targets and the D13 rounding.
RULES: tuple[Rule, ...] = (
    Rule(
        "8/2021-CAPAIAN",
        "Capaian IKI (normal) = realisasi / target × 100 %",
        f"{LAMPIRAN}.1.b.1)(e) [S13 p.99]",
    ),
    Rule(
        "8/2021-CAPAIAN-KHUSUS",
        "Capaian IKI (lower is better) = (1 + (1 − realisasi / target)) × 100 %",
        f"{LAMPIRAN}.1.b.1)(g) [S13 p.110]",
    ),
    Rule(
        "8/2021-TARGET-RANGE",
        "Ranged target: the upper bound when the realisation is above, the lower when below",
        f"{LAMPIRAN}.1.b.1)(e) and (g), keterangan * [S13 p.99, p.110]",
    ),
    Rule(
        "8/2021-TARGET-MET",
        "A realisation within a ranged target meets it: capaian 100 %",
        "Library reading of the Lampiran's keterangan *, which covers only realisations above"
        " or below the range; 100 % continues both bounds (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "8/2021-CAPAIAN-FLOOR",
        "A capaian below 0 % counts as 0 %",
        "Library decision: the lower-is-better formula goes below 0 % when the realisation"
        " exceeds twice the target; the Lampiran's lowest band starts at 0 % (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "D13-CAPAIAN-ROUNDING",
        "Capaian rounded to a whole percent, half-up, before banding",
        "Library decision D13 (the Lampiran's bands skip 99.5 % or 100.4 %; its example"
        " shows 97.9 % as 98 % → 88 [S13 p.363])",
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
        "step.8/2021-TARGET-MET.percent": "{value} %",
        "step.8/2021-TARGET-MET.within": "within the range",
        "step.8/2021-TARGET-RANGE.above": "realisation above the range: the upper bound",
        "step.8/2021-TARGET-RANGE.below": "realisation below the range: the lower bound",
        "step.8/2021-CAPAIAN.percent": "{capaian} %",
        "step.8/2021-CAPAIAN-KHUSUS.percent": "{capaian} %",
        "step.8/2021-CAPAIAN-FLOOR.percent": "{value} %",
        "step.8/2021-CAPAIAN-FLOOR.below_zero": "the formula gives less than 0 %",
        "step.D13-CAPAIAN-ROUNDING.percent": "{value} %",
        "step.D13-CAPAIAN-ROUNDING.note": "whole percent, half-up",
    }
)


def as_target(target: object) -> Target:
    """A :class:`~asn_performance.domain.plan.Target` as given, or made from a number."""
    if isinstance(target, Target):
        return target
    return Target(target)


#: The directions by their codes: the common input, found without folding the text.
_DIRECTIONS: Final = {member.code: member for member in Direction}


def as_direction(direction: object) -> Direction:
    """The direction of an indicator, parsed from a code or label."""
    if isinstance(direction, str):
        member = _DIRECTIONS.get(direction)
        if member is not None:
            return member
    return Direction.parse(direction, field="direction")


def target_used(target: Target, realisation: Decimal) -> Decimal | None:
    """The target value the capaian formula uses, or ``None`` when a ranged target is met.

    A single target is used as it is. A range uses its upper bound when the realisation is
    above the range and its lower bound when below (Lampiran, keterangan * [S13 p.99,
    p.110]); a realisation within the range (bounds included) meets the target (library
    reading, capaian 100 %).
    """
    upper = target.upper
    if upper is None:
        return target.lower
    if realisation > upper:
        return upper
    if realisation < target.lower:
        return target.lower
    return None


def capaian_ratio(goal: Target, realisation: Decimal, direction: Direction) -> Ratio:
    """:func:`exact_capaian` of inputs already checked (a Target, a Decimal of at least 0, a
    Direction) as an integer pair (numerator, denominator > 0), not necessarily in lowest
    terms: the same value, for the hot paths (no ``Fraction``, no second check of the inputs).

    Raises:
        InputError: when the target used is 0 (no capaian can be computed).
    """
    used = target_used(goal, realisation)
    if used is None:
        return (100, 1)
    return formula_ratio(goal, used, realisation, direction is Direction.LOWER_IS_BETTER)


def formula_ratio(goal: Target, used: Decimal, realisation: Decimal, lower: bool) -> Ratio:
    """The capaian formula with the target ``used`` (rule 8/2021-CAPAIAN or -KHUSUS), floored
    at 0: realisasi / target × 100, or (2 − realisasi / target) × 100."""
    un, ud = used.as_integer_ratio()
    if un == 0:
        raise InputError(
            "a target of 0 gives no capaian (the formula divides by the target)",
            path="target",
            value=str(goal),
            rule="8/2021-CAPAIAN",
            fix="set a positive target, or a range with a positive upper bound",
        )
    rn, rd = realisation.as_integer_ratio()
    numerator = 100 * rn * ud
    denominator = rd * un
    if lower:
        numerator = 200 * denominator - numerator
        if numerator < 0:
            return (0, 1)
    return numerator, denominator


def exact_capaian(
    target: Target | Decimal | int | str,
    realisation: Decimal | int | str,
    direction: Direction | str = Direction.HIGHER_IS_BETTER,
) -> Fraction:
    """The *capaian IKI* in percent as an exact rational, never below 0 (see :func:`capaian`)."""
    goal = as_target(target)
    real = to_decimal(realisation, field="realisation", allow_negative=False)
    way = as_direction(direction)
    return Fraction(*capaian_ratio(goal, real, way))


def capaian(
    target: Target | Decimal | int | str,
    realisation: Decimal | int | str,
    direction: Direction | str = Direction.HIGHER_IS_BETTER,
) -> Decimal:
    """The *capaian IKI* in percent, unrounded (before the D13 rounding), never below 0.

    * normal: realisasi / target × 100 %;
    * lower is better: (1 + (1 − realisasi / target)) × 100 %;
    * a ranged target: see :func:`target_used` (within the range: 100 %).

    PermenPANRB 8/2021 Lampiran BAB VI A.1.b.1)(e), (g) [S13 p.99, p.110]. The value is exact
    when it terminates within 28 significant digits (93/95 does not: 97.89473684...).

    Raises:
        InputError: when the target used is 0 (no capaian can be computed).
    """
    goal = as_target(target)
    real = to_decimal(realisation, field="realisation", allow_negative=False)
    way = as_direction(direction)
    return dec_ratio(*capaian_ratio(goal, real, way))


def whole_of(numerator: int, denominator: int) -> int:
    """Half-up (away from zero on a tie) to a whole number, exactly, of the rational
    ``numerator / denominator`` (denominator > 0): :func:`round_whole` on integers."""
    if numerator < 0:
        return -((-2 * numerator + denominator) // (2 * denominator))
    return (2 * numerator + denominator) // (2 * denominator)


def round_whole(value: Fraction) -> Fraction:
    """Half-up (away from zero on a tie) to a whole number, exactly."""
    return Fraction(whole_of(*value.as_integer_ratio()))


def round_capaian(value: Decimal | Fraction) -> Decimal:
    """Decision D13: the capaian rounded to a whole percent, half-up (99.5 → 100, 100.4 → 100)."""
    exact = value if isinstance(value, (Decimal, Fraction)) else Fraction(value)
    return dec_ratio(whole_of(*exact.as_integer_ratio()), 1)


def capaian_steps(
    id: str, goal: Target, realisation: Decimal, direction: Direction, exact: Fraction
) -> tuple[Step, ...]:
    """The steps of one IKI's capaian: the target used, the formula, the floor, the D13 rounding.

    ``exact`` is :func:`exact_capaian` of the same inputs.
    """
    numerator, denominator = exact.as_integer_ratio()
    return iki_capaian_steps(
        id,
        goal,
        realisation,
        direction,
        target_used(goal, realisation),
        dec_ratio(numerator, denominator),
        dec_ratio(whole_of(numerator, denominator), 1),
    )


_TARGET_MET: Final = _RULE["8/2021-TARGET-MET"]
_TARGET_RANGE: Final = _RULE["8/2021-TARGET-RANGE"]
_CAPAIAN_FLOOR: Final = _RULE["8/2021-CAPAIAN-FLOOR"]
_ROUNDING: Final = _RULE["D13-CAPAIAN-ROUNDING"]
_ABOVE: Final = "realisation above the range: the upper bound"
_BELOW: Final = "realisation below the range: the lower bound"
_FORMULAS: Final = {
    False: (_RULE["8/2021-CAPAIAN"], "realisasi / target × 100 %"),
    True: (_RULE["8/2021-CAPAIAN-KHUSUS"], "(1 + (1 − realisasi / target)) × 100 %"),
}


def iki_capaian_steps(
    id: str,
    goal: Target,
    realisation: Decimal,
    direction: Direction,
    used: Decimal | None,
    stored: Decimal,
    whole: Decimal,
) -> tuple[Step, ...]:
    """:func:`capaian_steps` from the values already computed: ``used`` (:func:`target_used`),
    ``stored`` (the capaian stored as a Decimal) and ``whole`` (the D13 rounding of the exact
    capaian, stored as a Decimal)."""
    iki = ("IKI", id)
    real = ("realisasi", str(realisation))
    # the steps in order, built as tuples (no list): the range, the formula, the floor, D13
    steps: tuple[Step, ...] = ()
    upper = goal.upper
    if upper is not None:
        inputs = (iki, ("target", str(goal)), real)
        if used is None:
            steps = (new_step((_TARGET_MET, "hasil_kerja", inputs, "100 %", "within the range")),)
        else:
            note = _ABOVE if used == upper else _BELOW
            steps = (new_step((_TARGET_RANGE, "hasil_kerja", inputs, str(used), note)),)
    if used is not None:
        lower = direction is Direction.LOWER_IS_BETTER
        rule, formula = _FORMULAS[lower]
        step = new_step(
            (
                rule,
                "hasil_kerja",
                (iki, ("target", str(used)), real),
                f"{show(stored)} %",
                formula,
            )
        )
        # realisasi > 2 × target, exactly (on the integer pairs)
        if lower and _above_twice(realisation, used):
            steps = (*steps, step, _floor_step(iki))
        else:
            steps = (*steps, step)
    rounding = new_step(
        (
            _ROUNDING,
            "hasil_kerja",
            (iki, ("capaian", f"{plain(stored)} %")),
            f"{whole} %",
            "whole percent, half-up",
        )
    )
    return (*steps, rounding)


def _floor_step(iki: tuple[str, str]) -> Step:
    """The step of the floor at 0 % (rule 8/2021-CAPAIAN-FLOOR)."""
    return new_step(
        (_CAPAIAN_FLOOR, "hasil_kerja", (iki,), "0 %", "the formula gives less than 0 %")
    )


def _above_twice(realisation: Decimal, used: Decimal) -> bool:
    rn, rd = realisation.as_integer_ratio()
    un, ud = used.as_integer_ratio()
    return rn * ud > 2 * un * rd
