"""Career checks from the predikat (asn_performance.consequences.career).

Every expected number is worked by hand in a comment next to it; none is produced by calling
the code under test. Golden files (tests/golden/rewards/) hold the digest's worked examples
with their sources.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from asn_performance import (
    Predikat,
    Rating,
)
from asn_performance.consequences.career import (
    pangkat_reguler_eligible,
    succession_pool,
)
from asn_performance.exceptions import (
    InputError,
)

GOLDEN = Path(__file__).parent.parent.parent / "golden" / "rewards"

SB, B, BP, K, SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)
A_, S_, B_ = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
D = Decimal


@pytest.mark.parametrize(
    ("years", "eligible"),
    [((B, B), True), ((SB, B), True), ((B, BP), False), ((BP, SB), False)],
)
def test_pangkat_reguler_needs_at_least_baik_in_each_of_two_years(
    years: tuple[Predikat, Predikat], eligible: bool
) -> None:
    check = pangkat_reguler_eligible(list(years))
    assert check.eligible is eligible
    assert check.unconfirmed
    assert not check.normative
    assert "UNCONFIRMED" in check.citation
    assert check.rule == "D11-PANGKAT-REGULER"


@pytest.mark.parametrize("given", [[B], [B, B, B], "baik"])
def test_pangkat_reguler_looks_at_exactly_two_years(given: object) -> None:
    with pytest.raises(InputError):
        pangkat_reguler_eligible(given)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("by_year", "in_pool"),
    [
        ({2024: SB, 2025: SB}, True),
        ({2023: B, 2024: SB, 2025: SB}, True),
        ({2023: SB, 2025: SB}, False),  # not in a row: 2024 missing
        ({2023: SB, 2024: SB, 2025: B}, False),  # the latest year is not Sangat Baik
        ({2025: SB}, False),
        ({2024: "Sangat Baik", 2025: "sangat_baik"}, True),
    ],
)
def test_sangat_baik_two_years_in_a_row_puts_the_employee_in_the_succession_pool(
    by_year: dict[int, Any], in_pool: bool
) -> None:
    check = succession_pool(by_year)
    assert check.eligible is in_pool
    assert "PP 30/2019" in check.citation


def test_the_succession_run_length_is_configurable() -> None:
    assert not succession_pool({2024: SB, 2025: SB}, years=3)
    assert succession_pool({2023: SB, 2024: SB, 2025: SB}, years=3)
