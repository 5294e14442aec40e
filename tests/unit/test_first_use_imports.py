"""What the first use (``from asn_performance import appraise, ...``) loads, issue 12.

The first use builds the domain, the engine and the 2022 regime and nothing a first appraisal
does not need: not :mod:`dateutil` (a whole period ends the day before the first of the next
month, in standard-library dates), not :mod:`calendar` and :mod:`locale` (a NIP's birth date
is checked with the Gregorian leap-year rule written in ``domain.nip``; the month's name is
read from :mod:`calendar` only for the error), not the feedback log (loaded when a log is
given). The dates here are worked by hand from the calendar.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from asn_performance import Nip, Period
from asn_performance.exceptions import NipError


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run(  # our own interpreter and a fixed snippet
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_the_first_use_loads_neither_dateutil_calendar_nor_the_feedback_log() -> None:
    loaded = _modules_after("from asn_performance import appraise, PerformancePlan, Assessment")
    assert "asn_performance.domain.period" in loaded
    assert "asn_performance.domain.nip" in loaded
    assert not {m for m in loaded if m == "dateutil" or m.startswith("dateutil.")}
    assert not {"calendar", "locale", "asn_performance.domain.feedback"} & loaded


def test_the_feedback_log_loads_when_asked_for() -> None:
    loaded = _modules_after("from asn_performance import FeedbackEntry")
    assert "asn_performance.domain.feedback" in loaded


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        # 2024 is a leap year, but a year ends on 31 December whatever February holds.
        (Period.annual(2024), dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        # Semester II: July-December; the day before 1 January 2026.
        (Period.semester(2025, 2), dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
        # Triwulan I of 2024: January-March; the day before 1 April is 31 March.
        (Period.quarter(2024, 1), dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
        # Triwulan IV ends in the next year's first day minus one: 31 December 2100.
        (Period.quarter(2100, 4), dt.date(2100, 10, 1), dt.date(2100, 12, 31)),
        # February 2024: 2024 divides by 4 and not by 100, so 29 days.
        (Period.month(2024, 2), dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        # February 2100: divides by 100 and not by 400, so no leap year: 28 days.
        (Period.month(2100, 2), dt.date(2100, 2, 1), dt.date(2100, 2, 28)),
        # February 2000: divides by 400, a leap year: 29 days.
        (Period.month(2000, 2), dt.date(2000, 2, 1), dt.date(2000, 2, 29)),
        # April has 30 days.
        (Period.month(2025, 4), dt.date(2025, 4, 1), dt.date(2025, 4, 30)),
    ],
    ids=lambda value: str(value) if isinstance(value, dt.date) else None,
)
def test_whole_periods_end_where_the_calendar_says(
    period: Period, start: dt.date, end: dt.date
) -> None:
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("200002292020121001", True),  # 29 February 2000: divisible by 400, a leap year
        ("190002292020121001", False),  # 29 February 1900: by 100, not by 400: no leap year
        ("198402292010011001", True),  # 29 February 1984: divisible by 4, not by 100
        ("198504312010011001", False),  # 31 April: April has 30 days
        ("198512312010011001", True),  # 31 December
    ],
)
def test_the_birth_date_check_counts_the_days_of_each_month(digits: str, valid: bool) -> None:
    if valid:
        assert Nip(digits).digits == digits
        return
    with pytest.raises(NipError) as caught:
        Nip(digits)
    assert caught.value.rule == "NIP-BIRTH-DATE"


def test_the_month_is_named_in_the_birth_date_error() -> None:
    # 1900 is no leap year: February 1900 has 28 days, so 29 February 1900 is refused and the
    # message names the month and its days.
    with pytest.raises(NipError) as caught:
        Nip("190002292020121001")
    assert "February 1900 has 28 days (1900 is not a leap year)" in caught.value.message
