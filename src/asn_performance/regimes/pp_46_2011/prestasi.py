"""PP 46/2011: the *nilai prestasi kerja* = 60 % nilai SKP + 40 % nilai perilaku kerja.

:func:`work_achievement` combines the SKP (:mod:`.skp`; two SKPs in one year are averaged
first) and the perilaku kerja (:mod:`.perilaku`), bands the value (decision D6) and converts
the predikat to the 2022 scale (:mod:`.predikat`). PP 46/2011; Perka BKN 1/2013
[S20][S21][S22].
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from asn_performance._kit.plain import value_and_shown
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import AppraisalError
from asn_performance.regimes._common import HasValue, dec, require, require_each, show
from asn_performance.regimes.pp_46_2011._common import PERKA
from asn_performance.regimes.pp_46_2011.perilaku import BehaviourResult
from asn_performance.regimes.pp_46_2011.predikat import (
    TO_2022,
    Pp46Predikat,
    conversion_step,
    predikat_step,
)
from asn_performance.regimes.pp_46_2011.skp import SkpResult, average_exact

__all__ = ["BEHAVIOUR_WEIGHT", "RULES", "SKP_WEIGHT", "Pp46Result", "work_achievement"]

_F100 = Fraction(100)

#: Weights of nilai prestasi kerja (PP 46/2011; Perka BKN 1/2013 [S20][S21][S22]), percent.
SKP_WEIGHT: Final = Decimal(60)
BEHAVIOUR_WEIGHT: Final = Decimal(40)

#: The rule of this module: the weighted sum.
RULES: tuple[Rule, ...] = (
    Rule(
        "PP46-PRESTASI",
        "Nilai prestasi kerja = 60 % nilai SKP + 40 % nilai perilaku kerja",
        f"PP 46/2011; {PERKA} [S20][S21][S22]",
    ),
)
_RULE = rules_by_id(RULES)


@attrs.frozen
class Pp46Result(HasValue):
    """A PP 46/2011 *penilaian prestasi kerja*: every intermediate value unrounded, with steps."""

    skps: tuple[SkpResult, ...]
    behaviour: BehaviourResult
    skp_value: Decimal
    """The nilai SKP (the mean when there are two SKPs)."""
    skp_part: Decimal
    """60 % of the nilai SKP."""
    behaviour_value: Decimal
    behaviour_part: Decimal
    """40 % of the nilai perilaku kerja."""
    value: Decimal
    """*Nilai prestasi kerja*."""
    predikat: Pp46Predikat
    predikat_2022: Predikat
    steps: tuple[Step, ...]

    def to_dict(self) -> dict[str, Any]:
        """The plain record: each SKP, the SKP and behaviour values and parts, the value
        (unrounded and as shown) and the predikat by code."""
        return {
            "skps": [skp.to_dict() for skp in self.skps],
            **value_and_shown("skp_value", self.skp_value),
            **value_and_shown("skp_part", self.skp_part),
            "behaviour_aspects": self.behaviour.aspects,
            **value_and_shown("behaviour_value", self.behaviour_value),
            **value_and_shown("behaviour_part", self.behaviour_part),
            **value_and_shown("value", self.value),
            "predikat": self.predikat.code,
        }


def work_achievement(
    skp: SkpResult | Sequence[SkpResult], behaviour: BehaviourResult
) -> Pp46Result:
    """*Nilai prestasi kerja* = 60 % nilai SKP + 40 % nilai perilaku kerja (PP 46/2011).

    ``skp`` is one :class:`SkpResult`, or the SKPs of one year when the employee held two
    positions: their values are averaged first (simple mean, [S23]). The predikat follows
    decision D6 and is converted to the 2022 scale (digest §5.4).
    """
    skps = (skp,) if isinstance(skp, SkpResult) else tuple(skp)
    require_each(
        skps,
        SkpResult,
        path="skp",
        message="must hold SkpResult objects (from assess_skp)",
        fix="pass the result of assess_skp",
    )
    require(
        behaviour,
        BehaviourResult,
        path="behaviour",
        message="must be a BehaviourResult (from assess_behaviour)",
        fix="pass the result of assess_behaviour",
    )
    if not skps:
        raise AppraisalError(
            "a prestasi kerja needs the SKP",
            path="skp",
            value=[],
            rule="PP46-PRESTASI",
            fix="pass the result of assess_skp",
        )
    steps: list[Step] = [step for item in skps for step in item.steps]
    steps.extend(behaviour.steps)
    if len(skps) == 1:
        skp_value = skps[0].exact
    else:
        skp_value, average = average_exact([item.exact for item in skps])
        steps.append(average)
    skp_part = skp_value * Fraction(SKP_WEIGHT) / _F100
    behaviour_part = behaviour.exact * Fraction(BEHAVIOUR_WEIGHT) / _F100
    value = skp_part + behaviour_part
    shown = {
        name: show(dec(v))
        for name, v in (
            ("skp", skp_value),
            ("skp_part", skp_part),
            ("behaviour", behaviour.exact),
            ("behaviour_part", behaviour_part),
            ("value", value),
        )
    }
    steps.append(
        Step(
            _RULE["PP46-PRESTASI"],
            "",
            (("nilai SKP", shown["skp"]), ("nilai perilaku kerja", shown["behaviour"])),
            shown["value"],
            f"60 % × {shown['skp']} = {shown['skp_part']}; 40 % × {shown['behaviour']}"
            f" = {shown['behaviour_part']}",
        )
    )
    predikat, step = predikat_step(value, "predikat", "nilai prestasi kerja")
    steps.append(step)
    steps.append(conversion_step(predikat))
    return Pp46Result(
        skps=skps,
        behaviour=behaviour,
        skp_value=dec(skp_value),
        skp_part=dec(skp_part),
        behaviour_value=behaviour.value,
        behaviour_part=dec(behaviour_part),
        value=dec(value),
        predikat=predikat,
        predikat_2022=TO_2022[predikat],
        steps=tuple(steps),
    )
