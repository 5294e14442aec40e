"""PermenPANRB 8/2021: the *capaian IKI*, ranged targets and the D13 rounding.

Capaian = realisasi / target × 100 % (normal), or (1 + (1 − realisasi / target)) × 100 % where
a lower realisation is better; a ranged target uses its upper bound when the realisation is
above it and its lower bound when below (PermenPANRB 8/2021 Lampiran, BAB VI A.1.b.1)(e) and
(g) [S13 p.99, p.110]). The capaian is then rounded to a whole percent, half-up (library
decision D13), before :mod:`.nilai` reads the table. Exact rationals throughout (decision D5).
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from asn_performance._kit.exact import to_decimal
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.plan import Direction, Target
from asn_performance.exceptions import InputError
from asn_performance.regimes._common import dec, plain, show
from asn_performance.regimes.permenpanrb_8_2021._common import LAMPIRAN

__all__ = [
    "RULES",
    "as_direction",
    "as_target",
    "capaian",
    "capaian_steps",
    "exact_capaian",
    "round_capaian",
    "round_whole",
    "target_used",
]

_F0 = Fraction(0)
_F100 = Fraction(100)

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


def as_target(target: object) -> Target:
    """A :class:`~asn_performance.domain.plan.Target` as given, or made from a number."""
    if isinstance(target, Target):
        return target
    return Target(target)


def as_direction(direction: object) -> Direction:
    """The direction of an indicator, parsed from a code or label."""
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


def exact_capaian(
    target: Target | Decimal | int | str,
    realisation: Decimal | int | str,
    direction: Direction | str = Direction.HIGHER_IS_BETTER,
) -> Fraction:
    """The *capaian IKI* in percent as an exact rational, never below 0 (see :func:`capaian`)."""
    goal = as_target(target)
    real = to_decimal(realisation, field="realisation", allow_negative=False)
    way = as_direction(direction)
    used = target_used(goal, real)
    if used is None:
        return _F100
    if used.is_zero():
        raise InputError(
            "a target of 0 gives no capaian (the formula divides by the target)",
            path="target",
            value=str(goal),
            rule="8/2021-CAPAIAN",
            fix="set a positive target, or a range with a positive upper bound",
        )
    ratio = Fraction(real) / Fraction(used)
    lower = way is Direction.LOWER_IS_BETTER
    value = (2 - ratio) * _F100 if lower else ratio * _F100
    return max(value, _F0)


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
    return dec(exact_capaian(target, realisation, direction))


def round_whole(value: Fraction) -> Fraction:
    """Half-up (away from zero on a tie) to a whole number, exactly."""
    if value < 0:
        return -round_whole(-value)
    return Fraction(math.floor(value + Fraction(1, 2)))


def round_capaian(value: Decimal | Fraction) -> Decimal:
    """Decision D13: the capaian rounded to a whole percent, half-up (99.5 → 100, 100.4 → 100)."""
    return dec(round_whole(Fraction(value)))


def capaian_steps(
    id: str, goal: Target, realisation: Decimal, direction: Direction, exact: Fraction
) -> tuple[Step, ...]:
    """The steps of one IKI's capaian: the target used, the formula, the floor, the D13 rounding.

    ``exact`` is :func:`exact_capaian` of the same inputs.
    """
    used = target_used(goal, realisation)
    stored = dec(exact)
    steps: list[Step] = []
    inputs = (("IKI", id), ("target", str(goal)), ("realisasi", str(realisation)))
    if goal.is_range:
        if used is None:
            steps.append(
                Step(_RULE["8/2021-TARGET-MET"], "hasil_kerja", inputs, "100 %", "within the range")
            )
        else:
            side = "upper" if used == goal.upper else "lower"
            steps.append(
                Step(
                    _RULE["8/2021-TARGET-RANGE"],
                    "hasil_kerja",
                    inputs,
                    str(used),
                    f"realisation {'above' if side == 'upper' else 'below'} the range: the"
                    f" {side} bound",
                )
            )
    if used is not None:
        lower = direction is Direction.LOWER_IS_BETTER
        formula = (
            "(1 + (1 − realisasi / target)) × 100 %" if lower else "realisasi / target × 100 %"
        )
        steps.append(
            Step(
                _RULE["8/2021-CAPAIAN-KHUSUS" if lower else "8/2021-CAPAIAN"],
                "hasil_kerja",
                (("IKI", id), ("target", str(used)), ("realisasi", str(realisation))),
                f"{show(stored)} %",
                formula,
            )
        )
        if lower and Fraction(realisation) > 2 * Fraction(used):
            steps.append(
                Step(
                    _RULE["8/2021-CAPAIAN-FLOOR"],
                    "hasil_kerja",
                    (("IKI", id),),
                    "0 %",
                    "the formula gives less than 0 %",
                )
            )
    steps.append(
        Step(
            _RULE["D13-CAPAIAN-ROUNDING"],
            "hasil_kerja",
            (("IKI", id), ("capaian", f"{plain(stored)} %")),
            f"{dec(round_whole(exact))} %",
            "whole percent, half-up",
        )
    )
    return tuple(steps)
