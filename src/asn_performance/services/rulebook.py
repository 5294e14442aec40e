"""The rulebook: every rule the library can record in a step, gathered from the modules that
define them.

Each rule is defined once, beside the table and the function that apply it; this module only
collects them, in the order of the house (the engine, the 2022 regime, what follows a predikat
and the allowance during leave, the earlier regimes and the registry, the appraisal's life, the
status view across cycles and the cascade of a unit's plans). ``docs/reference/rules.md``
lists every id (a test checks both ways).
"""

from __future__ import annotations

from collections.abc import Mapping

from asn_performance.consequences.allowance import LEAVE_RULES
from asn_performance.consequences.distribution.check import CALIBRATION_RULES
from asn_performance.consequences.policy import REWARD_RULES
from asn_performance.domain.explanation import Rule, rules_by_id
from asn_performance.process.cascade import CASCADE_RULES
from asn_performance.process.lifecycle import LIFECYCLE_RULES
from asn_performance.process.schedule import SCHEDULE_RULES
from asn_performance.process.status import STATUS_REVISION_RULES, STATUS_RULES
from asn_performance.regimes.permenpanrb_6_2022.appraisal import ENGINE_RULES
from asn_performance.regimes.permenpanrb_6_2022.matrix import RULES as MATRIX_RULES
from asn_performance.regimes.permenpanrb_6_2022.quantitative import RULES as QUANTITATIVE_RULES
from asn_performance.regimes.permenpanrb_8_2021 import RULES as PERMENPANRB_8_2021_RULES
from asn_performance.regimes.pp_46_2011 import RULES as PP46_RULES
from asn_performance.regimes.registry import RULES as REGIME_RULES
from asn_performance.services.totals import TOTALS_RULES
from asn_performance.weighting import WEIGHTING_RULES

__all__ = ["RULEBOOK", "resolve"]

#: Every rule, by id.
RULEBOOK: Mapping[str, Rule] = rules_by_id(
    ENGINE_RULES,
    WEIGHTING_RULES,
    MATRIX_RULES,
    REWARD_RULES,  # the discipline rules and RECOGNITION-INCENTIVE included
    LEAVE_RULES,
    CALIBRATION_RULES,
    PP46_RULES,
    PERMENPANRB_8_2021_RULES,
    REGIME_RULES,
    QUANTITATIVE_RULES,
    SCHEDULE_RULES,
    LIFECYCLE_RULES,
    STATUS_RULES,
    STATUS_REVISION_RULES,
    CASCADE_RULES,
    TOTALS_RULES,
)


def resolve(rule_id: str) -> str:
    """The :class:`Rule` of ``rule_id``, or the id itself for a rule the library does not know
    (used where steps are read back from JSON)."""
    return RULEBOOK.get(rule_id, rule_id)
