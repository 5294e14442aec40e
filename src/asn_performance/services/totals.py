"""The totals of a unit's rewards: what the unit pays, period by period, and how many employees
each consequence reaches.

A library decision (``UNIT-REWARD-TOTALS``): the regulation sets no unit total; a BKD operator
and a treasurer add up what is paid. So a total adds the amounts *as paid*: each employee's
allowance components already rounded to whole rupiah (half-up, once, where each is paid:
:class:`~asn_performance.consequences.allowance.AllowanceResult`), never rounded again, so a
unit total always equals the sum of the lines above it. Employees are counted once each,
whatever the number of their periods.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from asn_performance._kit.exact import CONTEXT
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.plain import decimal_text
from asn_performance._kit.validate import expect, expect_each
from asn_performance.consequences import RewardOutcome
from asn_performance.domain.explanation import Rule, Step, rules_by_id

__all__ = ["TOTALS_RULES", "PeriodTotal", "RewardTotals", "reward_totals"]

#: The rule this module applies (a library decision: the regulation sets no unit total).
TOTALS_RULES: Final = (
    Rule(
        "UNIT-REWARD-TOTALS",
        "Unit totals: the amounts as paid, added without rounding again",
        "library decision (no regulation sets a unit total); each amount is rounded once,"
        " where it is paid (PermenPANRB 6/2022 Bab IV; the agency's tunjangan policy)",
        normative=False,
    ),
)
_RULE: Final = rules_by_id(TOTALS_RULES)

#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.UNIT-REWARD-TOTALS.employees": "employees",
        "step.UNIT-REWARD-TOTALS.periods": "periods",
        "step.UNIT-REWARD-TOTALS.none": "none",
    }
)
_ZERO: Final = Decimal(0)


def _add(amounts: Iterable[Decimal]) -> Decimal:
    total = _ZERO
    for amount in amounts:
        total = CONTEXT.add(total, amount)
    return total


@attrs.frozen
class PeriodTotal:
    """What a unit pays for one period (a month, or the period an allowance names).

    Attributes:
        period: the period's code (``"2025-03"``), or None for an allowance that names none.
        employees: how many employees are paid for the period.
        performance_paid: the performance components, as paid (whole rupiah).
        attendance_paid: the attendance components, as paid (whole rupiah).
        total: what is paid for the period: the sum of the employees' totals.
    """

    period: str | None
    employees: int
    performance_paid: Decimal
    attendance_paid: Decimal
    total: Decimal

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (amounts as decimal text)."""
        return {
            "period": self.period,
            "employees": self.employees,
            "performance_paid": decimal_text(self.performance_paid),
            "attendance_paid": decimal_text(self.attendance_paid),
            "total": decimal_text(self.total),
        }


@attrs.frozen
class RewardTotals:
    """The totals of a unit's :class:`~asn_performance.consequences.RewardOutcome` (one per
    employee): see the module docstring for the rule.

    Attributes:
        employees: how many employees were evaluated.
        paid: how many of them are paid an allowance (for at least one period).
        periods: the total of each period, in the order the periods first appear.
        performance_paid: every performance component paid.
        attendance_paid: every attendance component paid.
        total: everything paid; equals the sum of ``periods``' totals and of the employees'.
        minimum_reached: employees whose angka kredit reaches every minimum checked.
        minimum_short: employees short of at least one angka kredit minimum.
        pembinaan: employees for whom pembinaan (coaching, PP 30/2019 and PermenPANRB 6/2022)
            follows.
        steps: how the totals were made (one step, rule ``UNIT-REWARD-TOTALS``).
    """

    employees: int
    paid: int
    periods: tuple[PeriodTotal, ...]
    performance_paid: Decimal
    attendance_paid: Decimal
    total: Decimal
    minimum_reached: int
    minimum_short: int
    pembinaan: int
    steps: tuple[Step, ...]
    rule: str = "UNIT-REWARD-TOTALS"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (amounts as decimal text)."""
        return {
            "rule": self.rule,
            "employees": self.employees,
            "paid": self.paid,
            "periods": [p.to_dict() for p in self.periods],
            "performance_paid": decimal_text(self.performance_paid),
            "attendance_paid": decimal_text(self.attendance_paid),
            "total": decimal_text(self.total),
            "minimum_reached": self.minimum_reached,
            "minimum_short": self.minimum_short,
            "pembinaan": self.pembinaan,
        }


def reward_totals(outcomes: Sequence[RewardOutcome]) -> RewardTotals:
    """Add up a unit's rewards: what is paid per period and in all, and how many employees
    each consequence reaches (rule ``UNIT-REWARD-TOTALS``, a library decision).

    Example: two employees paid for March 2025, Rp 2,741,165 + Rp 1,200,000 (performance) and
    Rp 1,174,785 + Rp 514,286 (attendance): the March total is Rp 3,941,165 + Rp 1,689,071 =
    Rp 5,630,236, the sum of what each is paid.
    """
    items = tuple(
        expect(
            outcomes,
            Sequence,  # type: ignore[type-abstract]  # isinstance takes the ABC
            "outcomes",
            message="must be a list of RewardOutcome",
            fix="give the results of evaluate_rewards()",
        )
    )
    expect_each(
        items,
        RewardOutcome,
        path="outcomes",
        message="must be a RewardOutcome",
        fix="give the results of evaluate_rewards()",
    )
    by_period: dict[str | None, list[tuple[str, Decimal, Decimal, Decimal]]] = {}
    for outcome in items:
        for allowance in outcome.allowances:
            row = (
                outcome.nip,
                allowance.performance_paid,
                allowance.attendance_paid,
                allowance.total,
            )
            by_period.setdefault(allowance.period, []).append(row)
    periods = tuple(
        PeriodTotal(
            period=period,
            employees=len({row[0] for row in rows}),
            performance_paid=_add(row[1] for row in rows),
            attendance_paid=_add(row[2] for row in rows),
            total=_add(row[3] for row in rows),
        )
        for period, rows in by_period.items()
    )
    total = _add(p.total for p in periods)
    checked = [o for o in items if o.minimums]
    reached = sum(1 for o in checked if all(m.reached for m in o.minimums))
    pembinaan = sum(1 for o in items if o.consequences is not None and o.consequences.pembinaan)
    step = Step(
        _RULE["UNIT-REWARD-TOTALS"],
        "rewards",
        (
            ("employees", str(len(items))),
            ("periods", ", ".join(str(p.period) for p in periods) or "none"),
        ),
        decimal_text(total),
    )
    return RewardTotals(
        employees=len(items),
        paid=sum(1 for o in items if o.allowances),
        periods=periods,
        performance_paid=_add(p.performance_paid for p in periods),
        attendance_paid=_add(p.attendance_paid for p in periods),
        total=total,
        minimum_reached=reached,
        minimum_short=len(checked) - reached,
        pembinaan=pembinaan,
        steps=(step,),
    )
