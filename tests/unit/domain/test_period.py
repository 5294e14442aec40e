"""Tests for :mod:`asn_performance.domain.period` (*periode penilaian*).

Bounds worked out from the calendar: Q1 2025 is 1 January to 31 March (31 + 28 + 31 = 90
days); February 2024 ends on the 29th (2024 is a leap year), February 2025 on the 28th; the
year 2024 has 366 days.
"""

from __future__ import annotations

import datetime as dt

import pytest

from asn_performance import Period
from asn_performance.domain.period import PeriodKind
from asn_performance.exceptions import InputError, PeriodError

D = dt.date


def _period_error(call: object, *args: object, path: str, rule: str) -> PeriodError:
    with pytest.raises(PeriodError) as info:
        call(*args)  # type: ignore[operator]
    error = info.value
    assert error.path == path
    assert error.rule == rule
    assert error.fix
    return error


# --- bounds ----------------------------------------------------------------------------------


def test_a_year_runs_from_1_january_to_31_december() -> None:
    period = Period.annual(2025)
    assert (period.kind, period.start, period.end) == (
        PeriodKind.ANNUAL,
        D(2025, 1, 1),
        D(2025, 12, 31),
    )
    assert period.days == 365


def test_a_leap_year_has_366_days() -> None:
    assert Period.annual(2024).days == 366


@pytest.mark.parametrize(
    ("quarter", "start", "end", "days"),
    [
        (1, D(2025, 1, 1), D(2025, 3, 31), 90),
        (2, D(2025, 4, 1), D(2025, 6, 30), 91),
        (3, D(2025, 7, 1), D(2025, 9, 30), 92),
        (4, D(2025, 10, 1), D(2025, 12, 31), 92),
    ],
)
def test_a_quarter_is_a_whole_calendar_quarter(
    quarter: int, start: dt.date, end: dt.date, days: int
) -> None:
    period = Period.quarter(2025, quarter)
    assert (period.kind, period.start, period.end, period.days) == (
        PeriodKind.QUARTERLY,
        start,
        end,
        days,
    )


def test_february_2024_ends_on_the_29th_and_february_2025_on_the_28th() -> None:
    assert Period.month(2024, 2).end == D(2024, 2, 29)
    assert Period.month(2025, 2).end == D(2025, 2, 28)
    assert Period.month(2024, 2).days == 29


def test_a_month_of_31_days_ends_on_the_31st() -> None:
    december = Period.month(2025, 12)
    assert (december.start, december.end) == (D(2025, 12, 1), D(2025, 12, 31))


def test_a_span_keeps_its_dates() -> None:
    period = Period.span(D(2025, 1, 15), D(2025, 6, 30))
    assert (period.kind, period.start, period.end) == (
        PeriodKind.CUSTOM,
        D(2025, 1, 15),
        D(2025, 6, 30),
    )
    # 17 days of January + 28 + 31 + 30 + 31 + 30
    assert period.days == 17 + 28 + 31 + 30 + 31 + 30


def test_a_one_day_span_is_allowed() -> None:
    assert Period.span(D(2025, 5, 2), D(2025, 5, 2)).days == 1


# --- text form -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2025", PeriodKind.ANNUAL),
        ("2025-Q1", PeriodKind.QUARTERLY),
        ("2025-Q4", PeriodKind.QUARTERLY),
        ("2024-02", PeriodKind.MONTHLY),
        ("2025-12", PeriodKind.MONTHLY),
        ("2025-01-15/2025-06-30", PeriodKind.CUSTOM),
    ],
)
def test_the_text_form_round_trips_for_each_kind(text: str, kind: PeriodKind) -> None:
    period = Period.parse(text)
    assert period.kind is kind
    assert period.code == text
    assert str(period) == text
    assert Period.parse(period.code) == period


def test_a_lower_case_quarter_and_surrounding_spaces_parse() -> None:
    assert Period.parse(" 2025-q2 ") == Period.quarter(2025, 2)


def test_parsed_periods_equal_the_built_ones() -> None:
    assert Period.parse("2025") == Period.annual(2025)
    assert Period.parse("2025-Q3") == Period.quarter(2025, 3)
    assert Period.parse("2024-02") == Period.month(2024, 2)


@pytest.mark.parametrize(
    ("period", "label"),
    [
        (Period.annual(2025), "Tahunan 2025"),
        (Period.quarter(2025, 1), "Triwulan I 2025"),
        (Period.quarter(2025, 4), "Triwulan IV 2025"),
        (Period.month(2025, 3), "Periode Bulanan 3 Tahun 2025"),
        (Period.span(D(2025, 1, 15), D(2025, 6, 30)), "2025-01-15 s.d. 2025-06-30"),
    ],
)
def test_each_period_has_the_label_of_the_e_kinerja_forms(period: Period, label: str) -> None:
    assert period.label_id == label


# --- relations -------------------------------------------------------------------------------


def test_a_quarter_lies_within_its_year_but_not_the_other_way() -> None:
    year, q1 = Period.annual(2025), Period.quarter(2025, 1)
    assert q1.within(year)
    assert not year.within(q1)
    assert year.within(year)


def test_a_quarter_of_another_year_is_not_within_the_year() -> None:
    assert not Period.quarter(2024, 4).within(Period.annual(2025))


def test_a_span_crossing_the_quarter_end_is_not_within_the_quarter() -> None:
    assert not Period.span(D(2025, 3, 15), D(2025, 4, 15)).within(Period.quarter(2025, 1))


def test_contains_includes_both_ends() -> None:
    q1 = Period.quarter(2025, 1)
    assert q1.contains(D(2025, 1, 1))
    assert q1.contains(D(2025, 3, 31))
    assert not q1.contains(D(2024, 12, 31))
    assert not q1.contains(D(2025, 4, 1))


def test_the_in_operator_checks_dates_and_says_no_to_other_things() -> None:
    q1 = Period.quarter(2025, 1)
    assert D(2025, 2, 14) in q1
    assert D(2025, 4, 1) not in q1
    assert "2025-02-14" not in q1


def test_periods_are_immutable_and_hashable() -> None:
    period = Period.annual(2025)
    with pytest.raises(AttributeError):
        period.start = D(2025, 2, 1)  # type: ignore[misc]
    assert {Period.annual(2025), Period.parse("2025")} == {period}


# --- errors ----------------------------------------------------------------------------------


def test_quarter_5_is_refused() -> None:
    error = _period_error(Period.quarter, 2025, 5, path="quarter", rule="PERIOD-KIND")
    assert error.value == 5


def test_quarter_0_is_refused() -> None:
    _period_error(Period.quarter, 2025, 0, path="quarter", rule="PERIOD-KIND")


def test_a_bool_quarter_is_refused() -> None:
    _period_error(Period.quarter, 2025, True, path="quarter", rule="PERIOD-KIND")


def test_a_float_quarter_is_refused_with_a_period_error_like_a_float_month() -> None:
    # Period.month refuses 1.0 with a PeriodError; Period.quarter should too, not crash in
    # datetime.date with a bare TypeError.
    _period_error(Period.month, 2025, 1.0, path="month", rule="PERIOD-KIND")
    _period_error(Period.quarter, 2025, 1.0, path="quarter", rule="PERIOD-KIND")


def test_month_13_is_refused() -> None:
    error = _period_error(Period.month, 2025, 13, path="month", rule="PERIOD-KIND")
    assert "13" in str(error)


def test_month_0_is_refused() -> None:
    _period_error(Period.month, 2025, 0, path="month", rule="PERIOD-KIND")


@pytest.mark.parametrize("year", [1969, 2101, "2025", 2025.0])
def test_a_year_outside_1970_2100_or_not_an_int_is_refused(year: object) -> None:
    _period_error(Period.annual, year, path="year", rule="PERIOD-YEAR")


def test_a_quarter_text_with_quarter_5_is_an_unknown_format() -> None:
    error = _period_error(Period.parse, "2025-Q5", path="period", rule="PERIOD-FORMAT")
    assert error.value == "2025-Q5"
    assert "'2025-Q5'" in str(error)


def test_a_month_text_with_month_13_is_refused_at_the_month() -> None:
    error = _period_error(Period.parse, "2025-13", path="period.month", rule="PERIOD-KIND")
    assert error.value == 13


@pytest.mark.parametrize("text", ["", "25", "2025/Q1", "Q1-2025", "2025-1", "tahun 2025"])
def test_unknown_text_forms_are_refused(text: str) -> None:
    _period_error(Period.parse, text, path="period", rule="PERIOD-FORMAT")


def test_a_span_with_an_impossible_date_is_refused() -> None:
    error = _period_error(Period.parse, "2025-02-29/2025-06-30", path="period", rule="PERIOD-DATES")
    assert error.value == "2025-02-29/2025-06-30"


def test_a_period_that_is_not_text_is_refused_with_the_field_named() -> None:
    with pytest.raises(PeriodError) as info:
        Period.parse(2025, field="$.plans[0].period")
    assert info.value.path == "$.plans[0].period"
    assert info.value.rule == "PERIOD-FORMAT"


def test_a_reversed_span_is_refused() -> None:
    error = _period_error(
        Period.span, D(2025, 6, 30), D(2025, 1, 1), path="end", rule="PERIOD-DATES"
    )
    assert "2025-01-01" in str(error)


def test_a_reversed_span_text_is_refused_under_the_field() -> None:
    _period_error(Period.parse, "2025-06-30/2025-01-01", path="period.end", rule="PERIOD-DATES")


def test_a_quarterly_period_starting_in_february_is_refused() -> None:
    error = _period_error(
        Period,
        PeriodKind.QUARTERLY,
        D(2025, 2, 1),
        D(2025, 4, 30),
        path="start",
        rule="PERIOD-KIND",
    )
    assert "2025-02-01" in str(error)


def test_a_quarterly_period_must_end_with_its_quarter() -> None:
    _period_error(
        Period, PeriodKind.QUARTERLY, D(2025, 1, 1), D(2025, 2, 28), path="end", rule="PERIOD-KIND"
    )


def test_an_annual_period_must_start_on_1_january() -> None:
    _period_error(
        Period, PeriodKind.ANNUAL, D(2025, 7, 1), D(2026, 6, 30), path="start", rule="PERIOD-KIND"
    )


def test_a_monthly_period_must_start_on_the_first() -> None:
    _period_error(
        Period, PeriodKind.MONTHLY, D(2025, 3, 2), D(2025, 4, 1), path="start", rule="PERIOD-KIND"
    )


def test_a_datetime_bound_is_refused() -> None:
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    _period_error(Period.span, start, D(2025, 6, 30), path="start", rule="PERIOD-DATES")


def test_an_unknown_kind_is_refused() -> None:
    _period_error(Period, "annual", D(2025, 1, 1), D(2025, 12, 31), path="kind", rule="PERIOD-KIND")


def test_period_errors_are_input_errors() -> None:
    assert issubclass(PeriodError, InputError)
    with pytest.raises(ValueError, match="quarter"):
        Period.quarter(2025, 5)


# --- bad input: a library error, never a crash nor a silent pass ---


def test_a_datetime_or_none_is_not_a_day_of_a_period() -> None:
    year = Period.annual(2025)
    with pytest.raises(PeriodError):
        year.contains(dt.datetime(2025, 3, 1))  # noqa: DTZ001 - the point is a naive datetime
    with pytest.raises(PeriodError):
        year.contains(None)  # type: ignore[arg-type]
    with pytest.raises(PeriodError):
        year.within("2025")  # type: ignore[arg-type]
    assert dt.datetime(2025, 3, 1) not in year  # noqa: DTZ001


@pytest.mark.parametrize("text", ["٢٠٢٥", "２０２５"])
def test_non_ascii_digits_are_refused_in_periods(text: str) -> None:
    with pytest.raises(PeriodError):
        Period.parse(text)
