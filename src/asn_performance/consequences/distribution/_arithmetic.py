"""Integer arithmetic of the percent limits (private to this package).

SE MenPANRB 3/2023 states its limits in percent; decision D4 turns a percentage of a unit of n
employees into a whole number by rounding down or up. Shared by the limits, the check of one
unit and the oversight of many.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

__all__ = ["MAX_COUNT", "fraction", "rounds_up", "scaled"]

#: The most employees a count may hold: more than the whole civil service.
MAX_COUNT: Final = 10_000_000


def fraction(percent: Decimal | None) -> tuple[int, int]:
    """A percentage as a fraction ``num/den`` of one (70 % → 7/10)."""
    assert percent is not None  # noqa: S101 - only called for percent limits
    num, den = percent.as_integer_ratio()
    return num, den * 100


def rounds_up(minimum: bool, strict: bool) -> bool:
    """Whether a limit rounds up (D4): a strict minimum or a lenient maximum."""
    return minimum == strict


def scaled(num: int, den: int, total: int, ceil: bool) -> int:
    """floor or ceil of ``num/den × total``, in integers."""
    return -((-num * total) // den) if ceil else (num * total) // den
