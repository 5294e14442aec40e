"""Tests for :mod:`asn_performance.regimes.registry`: which regime applies to a period.

Dates from the regulations digest (table of historical regimes): PP 46/2011 + Perka BKN 1/2013
from 1 January 2014 to June 2021; PermenPANRB 8/2021 July-December 2021; PermenPANRB 6/2022
from 2022. Expected values are worked by hand.
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import json
from decimal import Decimal
from pathlib import Path

import pytest

from asn_performance.domain.period import Period
from asn_performance.exceptions import AppraisalError, DecimalInputError, LabelError
from asn_performance.regimes.registry import (
    HALVES_2021,
    PERMENPANRB_6_2022,
    PERMENPANRB_8_2021,
    PP46_2011,
    REGIMES,
    RULES,
    integrate_2021,
    regime_by_id,
    regime_for,
)

GOLDEN = Path(__file__).parents[2] / "golden" / "permenpanrb_8_2021"


@pytest.mark.parametrize(
    ("period", "regime"),
    [
        (Period.annual(2014), PP46_2011),
        (Period.annual(2020), PP46_2011),
        (Period.month(2021, 6), PP46_2011),
        (Period.quarter(2021, 2), PP46_2011),
        (HALVES_2021[0], PP46_2011),
        (Period.month(2021, 7), PERMENPANRB_8_2021),
        (Period.quarter(2021, 4), PERMENPANRB_8_2021),
        (HALVES_2021[1], PERMENPANRB_8_2021),
        (Period.annual(2022), PERMENPANRB_6_2022),
        (Period.quarter(2025, 1), PERMENPANRB_6_2022),
        (Period.annual(2100), PERMENPANRB_6_2022),
    ],
    ids=lambda value: value.code if isinstance(value, Period) else value.id,
)
def test_the_regime_of_a_period(period: Period, regime: object) -> None:
    assert regime_for(period) is regime


def test_a_period_before_2014_has_no_regime_here() -> None:
    with pytest.raises(AppraisalError) as info:
        regime_for(Period.annual(2013))
    error = info.value
    assert error.rule == "REGIME-PERIOD"
    assert error.path == "period"
    assert error.value == "2013"
    assert "PP 10/1979" in error.message
    assert error.fix


def test_a_period_that_starts_before_2014_is_refused() -> None:
    with pytest.raises(AppraisalError) as info:
        regime_for(Period.span(dt.date(2013, 12, 1), dt.date(2014, 1, 31)))
    assert info.value.rule == "REGIME-PERIOD"
    assert "2014-01-01" in (info.value.fix or "")


def test_the_2021_calendar_year_is_refused_with_the_split_as_the_fix() -> None:
    with pytest.raises(AppraisalError) as info:
        regime_for(Period.annual(2021))
    error = info.value
    assert error.rule == "REGIME-PERIOD"
    assert "straddles" in error.message
    assert "integrate_2021" in (error.fix or "")
    assert "HALVES_2021" in (error.fix or "")


def test_a_period_straddling_2021_and_2022_is_refused() -> None:
    period = Period.span(dt.date(2021, 10, 1), dt.date(2022, 3, 31))
    with pytest.raises(AppraisalError) as info:
        regime_for(period)
    assert info.value.rule == "REGIME-PERIOD"
    assert "PermenPANRB 8/2021" in info.value.message
    assert "PermenPANRB 6/2022" in info.value.message
    assert "split the period" in (info.value.fix or "")


def test_regime_for_needs_a_period() -> None:
    with pytest.raises(AppraisalError):
        regime_for("2021")  # type: ignore[arg-type]


def test_the_regimes_follow_each_other_without_gap_or_overlap() -> None:
    for earlier, later in itertools.pairwise(REGIMES):
        assert earlier.valid_to is not None
        assert earlier.valid_to + dt.timedelta(days=1) == later.valid_from
    assert REGIMES[-1].valid_to is None
    assert PP46_2011.valid_from == dt.date(2014, 1, 1)
    assert PP46_2011.valid_to == dt.date(2021, 6, 30)
    assert PERMENPANRB_8_2021.valid_from == dt.date(2021, 7, 1)
    assert PERMENPANRB_8_2021.valid_to == dt.date(2021, 12, 31)
    assert PERMENPANRB_6_2022.valid_from == dt.date(2022, 1, 1)


def test_the_halves_of_2021_cover_the_year() -> None:
    first, second = HALVES_2021
    assert first.start == dt.date(2021, 1, 1)
    assert first.end + dt.timedelta(days=1) == second.start
    assert second.end == dt.date(2021, 12, 31)


def test_every_regime_names_an_importable_module() -> None:
    for regime in REGIMES:
        assert importlib.import_module(regime.module)
        assert regime.version
        assert regime.title
        assert str(regime).startswith(regime.legal_basis)


def test_a_regime_can_be_named_explicitly() -> None:
    assert regime_by_id("pp46_2011") is PP46_2011
    assert regime_by_id("permenpanrb_8_2021") is PERMENPANRB_8_2021
    assert regime_by_id("permenpanrb_6_2022") is PERMENPANRB_6_2022
    with pytest.raises(LabelError) as info:
        regime_by_id("pp10_1979")
    assert info.value.rule == "REGIME-ID"
    assert "pp46_2011" in (info.value.fix or "")
    with pytest.raises(LabelError):
        regime_by_id(46)  # type: ignore[arg-type]


def test_covers_and_overlaps() -> None:
    assert PP46_2011.covers(HALVES_2021[0])
    assert not PP46_2011.covers(Period.annual(2021))
    assert PP46_2011.overlaps(Period.annual(2021))
    assert not PP46_2011.overlaps(Period.annual(2022))
    assert PERMENPANRB_6_2022.covers(Period.annual(2099))


# --- 2021 integration -------------------------------------------------------------------------


def test_the_two_halves_of_2021_are_integrated_50_50() -> None:
    # 0.5 × 88.1 + 0.5 × 97 = 44.05 + 48.5 = 92.55
    result = integrate_2021("88.1", 97)
    assert result.value == Decimal("92.55")
    assert result.first_half == Decimal("88.1")
    assert result.second_half == 97
    assert result.steps[0].rule == "REGIME-2021-INTEGRATION"


def test_the_integrated_value_is_kept_unrounded() -> None:
    # 0.5 × 85.555 + 0.5 × 90 = 42.7775 + 45 = 87.7775 → shown 87.78
    result = integrate_2021("85.555", "90")
    assert result.value == Decimal("87.7775")
    assert result.value_shown == Decimal("87.78")


def test_integration_refuses_floats_and_negative_values() -> None:
    with pytest.raises(DecimalInputError):
        integrate_2021(88.1, 97)  # type: ignore[arg-type]
    with pytest.raises(DecimalInputError):
        integrate_2021(-1, 97)


GOLDEN_FILES = sorted(
    path
    for path in GOLDEN.glob("*.json")
    if json.loads(path.read_text(encoding="utf-8"))["kind"] == "integrate_2021"
)


def test_there_is_a_golden_file_for_the_2021_integration() -> None:
    assert GOLDEN_FILES


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def test_golden_file_matches_the_worked_example(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    assert case["source"].strip()
    given, expected = case["input"], case["expected"]
    result = integrate_2021(given["first_half_value"], given["second_half_value"])
    assert result.value == Decimal(expected["value"])


def test_every_step_names_a_rule_of_this_module() -> None:
    ids = {rule.id for rule in RULES}
    assert {step.rule for step in integrate_2021(1, 2).steps} <= ids
    assert ids == {"REGIME-PERIOD", "REGIME-2021-INTEGRATION"}
    assert all(rule.citation for rule in RULES)
