"""The leaves of a plain record (``asn_performance._kit.plain``), worked by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from asn_performance._kit.plain import (
    code_of,
    decimal_text,
    digits_of,
    iso_of,
    label_of,
    value_and_shown,
)
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.rating import Predikat, Rating


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("0.10"), "0.10"),  # trailing zeros kept: the exponent is the scale
        (Decimal("1E+2"), "100"),  # never an exponent
        (Decimal("1.5E-7"), "0.00000015"),
        (Decimal("-0"), "-0"),
        (Decimal("12.50"), "12.50"),
        (Decimal(7), "7"),
    ],
)
def test_a_decimal_is_written_in_plain_notation(value: Decimal, text: str) -> None:
    assert decimal_text(value) == text


def test_none_stays_none_in_every_leaf() -> None:
    assert decimal_text(None) is None
    assert code_of(None) is None
    assert label_of(None) is None
    assert digits_of(None) is None
    assert iso_of(None) is None


def test_a_value_and_as_shown_is_half_up_to_two_places() -> None:
    # 85.455 -> 85.46 (half up; Python's round() would give 85.45 for a float)
    assert value_and_shown("value", Decimal("85.455")) == {
        "value": "85.455",
        "value_shown": "85.46",
    }
    assert value_and_shown("x", Decimal("1E+2")) == {"x": "100", "x_shown": "100.00"}
    assert value_and_shown("biaya", None) == {"biaya": None, "biaya_shown": None}


def test_a_member_or_period_is_written_by_its_code_and_label() -> None:
    assert code_of(Rating.DI_ATAS) == "di_atas_ekspektasi"
    assert label_of(Predikat.SANGAT_BAIK) == "Sangat Baik"
    assert code_of(Period.quarter(2025, 1)) == "2025-Q1"


def test_a_nip_is_written_as_its_eighteen_digits() -> None:
    assert digits_of(Nip.parse("19800101 200501 1 001")) == "198001012005011001"


def test_a_date_is_written_in_iso_form() -> None:
    assert iso_of(dt.date(2025, 3, 31)) == "2025-03-31"
    at = dt.datetime(2025, 1, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert iso_of(at) == "2025-01-03T09:00:00+07:00"
