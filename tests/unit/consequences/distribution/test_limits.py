"""The limits of the distribution curve of SE MenPANRB 3/2023 (consequences.distribution.limits).

Thresholds are worked by hand in the comments: strict rounding (decision D4) lets a maximum
of p % allow floor(p·n) employees and makes a minimum of p % need ceil(p·n); lenient rounding
does the reverse. Golden files (tests/golden/distribution/) hold the digest's examples 2 and 3.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from asn_performance import (
    OrganisationPredikat,
    Predikat,
)
from asn_performance.consequences.distribution.limits import (
    DISTRIBUTION_LIMITS,
    PREDIKAT_ORDER,
    Bound,
    Limit,
    Rounding,
)
from asn_performance.exceptions import DecimalInputError, PolicyError

GOLDEN = Path(__file__).parent.parent.parent.parent / "golden" / "distribution"

SB, B, BP, K, SK = PREDIKAT_ORDER
ORG = OrganisationPredikat
STRICT, LENIENT = Rounding.STRICT, Rounding.LENIENT


def _limits(org: OrganisationPredikat) -> list[tuple[str, frozenset[Predikat], Any, Any]]:
    return [(x.bound.code, x.predikat, x.percent, x.count) for x in DISTRIBUTION_LIMITS[org]]


def test_the_limits_table_is_that_of_se_menpanrb_3_2023() -> None:
    assert _limits(ORG.ISTIMEWA) == [("max", {SB}, 70, None)]
    assert _limits(ORG.BAIK) == [("max", {B}, 70, None), ("min", {BP, K}, None, 1)]
    assert _limits(ORG.BUTUH_PERBAIKAN) == [("min", {BP}, 60, None), ("max", {SB}, 10, None)]
    assert _limits(ORG.KURANG) == [
        ("min", {K}, 60, None),
        ("min", {BP}, 10, None),
        ("max", {SB}, 10, None),
    ]
    assert _limits(ORG.SANGAT_KURANG) == [
        ("min", {SK}, 60, None),
        ("min", {K, BP}, 10, None),
        ("max", {SB}, None, 0),
    ]
    assert all(limit.wording for limits in DISTRIBUTION_LIMITS.values() for limit in limits)


def test_a_limit_has_a_percentage_or_a_count() -> None:
    with pytest.raises(PolicyError):
        Limit(Bound.MAX, {SB})
    with pytest.raises(PolicyError):
        Limit(Bound.MAX, {SB}, percent=10, count=1)
    with pytest.raises(PolicyError):
        Limit(Bound.MAX, {SB}, percent=101)
    with pytest.raises(PolicyError):
        Limit(Bound.MIN, {SB}, count=-1)
    with pytest.raises(PolicyError):
        Limit(Bound.MIN, [], count=1)
    with pytest.raises(DecimalInputError):
        Limit(Bound.MIN, {SB}, percent=10.0)
    limit = Limit("min", "kurang", percent="12.5")
    # 12.5 % of 9 = 1.125: at least ceil = 2 strictly, floor = 1 leniently.
    assert limit.threshold(9) == 2
    assert limit.threshold(9, LENIENT) == 1
    assert limit.describe() == "at least 12.5 %"
    assert limit.label == "Kurang/Misconduct"
