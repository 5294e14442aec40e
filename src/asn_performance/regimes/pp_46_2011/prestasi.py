"""PP 46/2011: the *nilai prestasi kerja* = 60 % nilai SKP + 40 % nilai perilaku kerja.

:func:`work_achievement` combines the SKP (:mod:`.skp`; two SKPs in one year are averaged
first) and the perilaku kerja (:mod:`.perilaku`), bands the value (decision D6) and converts
the predikat to the 2022 scale (:mod:`.predikat`). PP 46/2011; Perka BKN 1/2013
[S20][S21][S22].
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.plain import value_and_shown
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import AppraisalError
from asn_performance.regimes._common import (
    HasValue,
    dec_ratio,
    new_step,
    reduced,
    require,
    require_each,
    show,
)
from asn_performance.regimes.pp_46_2011._common import PERKA
from asn_performance.regimes.pp_46_2011.perilaku import BehaviourResult
from asn_performance.regimes.pp_46_2011.predikat import (
    TO_2022,
    Pp46Predikat,
    conversion_step,
    predikat_step,
)
from asn_performance.regimes.pp_46_2011.skp import SkpResult, average_ratio

__all__ = ["BEHAVIOUR_WEIGHT", "RULES", "SKP_WEIGHT", "Pp46Result", "work_achievement"]

#: Weights of nilai prestasi kerja (PP 46/2011; Perka BKN 1/2013 [S20][S21][S22]), percent.
SKP_WEIGHT: Final = Decimal(60)
BEHAVIOUR_WEIGHT: Final = Decimal(40)
_SKP_W: Final = SKP_WEIGHT.as_integer_ratio()
_BEHAVIOUR_W: Final = BEHAVIOUR_WEIGHT.as_integer_ratio()

#: The rule of this module: the weighted sum.
RULES: tuple[Rule, ...] = (
    Rule(
        "PP46-PRESTASI",
        "Nilai prestasi kerja = 60 % nilai SKP + 40 % nilai perilaku kerja",
        f"PP 46/2011; {PERKA} [S20][S21][S22]",
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
        "step.PP46-PRESTASI.skp_part": "60 % × {skp} = {part}",
        "step.PP46-PRESTASI.perilaku_part": "40 % × {perilaku} = {part}",
    }
)
_PRESTASI: Final = _RULE["PP46-PRESTASI"]


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
        skp_value = skps[0].exact_ratio
    else:
        skp_value, average = average_ratio([item.exact_ratio for item in skps])
        steps.append(average)
    # 60 % × SKP and 40 % × perilaku, exactly
    skp_n, skp_d = skp_value
    beh_n, beh_d = behaviour.exact_ratio
    skp_part = (skp_n * _SKP_W[0], skp_d * _SKP_W[1] * 100)
    behaviour_part = (beh_n * _BEHAVIOUR_W[0], beh_d * _BEHAVIOUR_W[1] * 100)
    value = reduced(
        skp_part[0] * behaviour_part[1] + behaviour_part[0] * skp_part[1],
        skp_part[1] * behaviour_part[1],
    )
    skp_dec = dec_ratio(skp_n, skp_d)
    skp_part_dec = dec_ratio(*skp_part)
    behaviour_part_dec = dec_ratio(*behaviour_part)
    value_dec = dec_ratio(*value)
    skp_shown = show(skp_dec)
    behaviour_shown = show(dec_ratio(beh_n, beh_d))
    value_shown = show(value_dec)
    steps.append(
        new_step(
            (
                _PRESTASI,
                "",
                (("nilai SKP", skp_shown), ("nilai perilaku kerja", behaviour_shown)),
                value_shown,
                f"60 % × {skp_shown} = {show(skp_part_dec)}; 40 % × {behaviour_shown}"
                f" = {show(behaviour_part_dec)}",
            )
        )
    )
    predikat, step = predikat_step(value, "predikat", "nilai prestasi kerja", value_dec)
    steps.append(step)
    steps.append(conversion_step(predikat))
    return Pp46Result(
        skps=skps,
        behaviour=behaviour,
        skp_value=skp_dec,
        skp_part=skp_part_dec,
        behaviour_value=behaviour.value,
        behaviour_part=behaviour_part_dec,
        value=value_dec,
        predikat=predikat,
        predikat_2022=TO_2022[predikat],
        steps=tuple(steps),
    )
