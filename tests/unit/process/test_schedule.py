"""Tests for :mod:`asn_performance.process.schedule` (periodic evaluation schedules, part-year
periods).

PermenPANRB 6/2022 Pasal 5 has evaluasi kinerja periodik and tahunan; the instansi chooses
how often (monthly or quarterly). Part-year handling is a library decision: a period served in
part is clipped to the days of service, a period not served is left out, and a move on day d
ends the old assignment on d - 1 and starts the new one on d.

Expectations worked out from the calendar:

* a joiner on 15 May 2025, quarterly: Triwulan II is served from 15 May to 30 June
  (17 days of May + 30 of June = 47 of 91 days), then Q3 and Q4 whole; Q1 is left out;
* a leaver whose last day is 10 February 2025, monthly: January whole, then 1-10 February
  (10 of 28 days);
* February 2024 has 29 days (leap year), February 2025 has 28: a last day on 29 Feb 2024 or
  28 Feb 2025 is a whole February;
* a move on 1 July 2025: January-June and July-December, each two whole quarters;
* a move on 15 May 2025: Triwulan II is split, 1 April-14 May (30 + 14 = 44 days) in the old
  post and 15 May-30 June (47 days) in the new one; 44 + 47 = 91 days, the whole quarter.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from asn_performance import (
    Assessment,
    AssessorRole,
    PerformancePlan,
    Period,
    Predikat,
    Rating,
    appraise,
)
from asn_performance.domain.explanation import Rule, Step
from asn_performance.domain.period import PeriodKind
from asn_performance.exceptions import InputError, LabelError, PeriodError
from asn_performance.process.schedule import (
    SCHEDULE_RULES,
    Cadence,
    Schedule,
    assignment_periods,
    assignment_schedules,
    periodic_schedule,
)
from asn_performance.services.rulebook import RULEBOOK

D = dt.date
Q = Cadence.QUARTERLY
M = Cadence.MONTHLY


def _codes(schedule: Schedule) -> list[str]:
    return [period.code for period in schedule]


def _rules(schedule: Schedule) -> list[str]:
    return [step.rule for step in schedule.steps]


# --- the cadence -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cadence"),
    [
        ("monthly", M),
        ("Bulanan", M),
        ("bulan", M),
        ("per bulan", M),
        ("Periode Bulanan", M),
        ("quarterly", Q),
        ("Triwulanan", Q),
        ("triwulan", Q),
        ("TRIWULAN", Q),
        ("per-triwulan", Q),
        ("Quarter", Q),
        (Q, Q),
    ],
)
def test_a_cadence_is_read_from_its_code_labels_and_synonyms(
    text: object, cadence: Cadence
) -> None:
    assert Cadence.parse(text) is cadence


def test_a_cadence_has_a_code_indonesian_and_english_labels_months_and_a_period_kind() -> None:
    assert (M.code, M.label_id, M.label_en, M.months, M.kind) == (
        "monthly",
        "Bulanan",
        "Monthly",
        1,
        PeriodKind.MONTHLY,
    )
    assert (Q.code, Q.label_id, Q.label_en, Q.months, Q.kind) == (
        "quarterly",
        "Triwulanan",
        "Quarterly",
        3,
        PeriodKind.QUARTERLY,
    )


def test_the_period_of_a_day_is_its_calendar_month_or_quarter() -> None:
    assert Q.period_of(D(2025, 5, 15)) == Period.quarter(2025, 2)
    assert Q.period_of(D(2025, 12, 31)) == Period.quarter(2025, 4)
    assert M.period_of(D(2024, 2, 29)) == Period.month(2024, 2)


def test_the_period_of_a_datetime_is_refused() -> None:
    with pytest.raises(PeriodError) as info:
        Q.period_of(dt.datetime(2025, 5, 15, 8, 0))  # noqa: DTZ001 - the wrong type on purpose
    assert (info.value.rule, info.value.path) == ("SCHEDULE-DATES", "day")


# --- a whole year ----------------------------------------------------------------------------


def test_a_whole_year_quarterly_is_the_four_triwulan() -> None:
    schedule = periodic_schedule(2025, Cadence.QUARTERLY)
    assert schedule.periods == tuple(Period.quarter(2025, n) for n in (1, 2, 3, 4))
    assert schedule.annual == Period.annual(2025)
    assert schedule.codes == ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")
    assert not schedule.is_part_year
    assert schedule.clipped == ()
    assert len(schedule) == 4


def test_a_whole_year_monthly_is_twelve_months_of_365_days_in_2025() -> None:
    schedule = periodic_schedule(2025, "bulanan")
    assert schedule.periods == tuple(Period.month(2025, m) for m in range(1, 13))
    assert sum(period.days for period in schedule) == 365


def test_a_whole_year_records_only_the_cadence_chosen_by_the_instansi() -> None:
    (step,) = periodic_schedule(2025, "triwulanan").steps
    assert step == Step(
        "SCHEDULE-CADENCE",
        "",
        (("year", "2025"), ("cadence", "Triwulanan")),
        "2025-Q1, 2025-Q2, 2025-Q3, 2025-Q4",
        "4 periods",
    )


def test_a_schedule_of_the_whole_year_equals_one_with_explicit_first_and_last_days() -> None:
    assert periodic_schedule(2025, Q) == periodic_schedule(
        2025, Q, start=D(2025, 1, 1), end=D(2025, 12, 31)
    )


# --- joiners and leavers ---------------------------------------------------------------------


def test_a_joiner_on_15_may_has_part_of_triwulan_ii_then_q3_and_q4() -> None:
    schedule = periodic_schedule(2025, Q, start=D(2025, 5, 15))
    assert schedule.periods == (
        Period.span(D(2025, 5, 15), D(2025, 6, 30)),
        Period.quarter(2025, 3),
        Period.quarter(2025, 4),
    )
    assert schedule.annual == Period.span(D(2025, 5, 15), D(2025, 12, 31))
    assert schedule.is_part_year
    assert [p.days for p in schedule] == [47, 92, 92]


def test_a_joiner_s_explanation_names_the_service_the_period_left_out_and_the_clipping() -> None:
    schedule = periodic_schedule(2025, Q, start=D(2025, 5, 15))
    service, cadence, clip = schedule.steps
    assert service == Step(
        "SCHEDULE-SERVICE",
        "",
        (("year", "2025"), ("first day", "2025-05-15"), ("last day", "2025-12-31")),
        "2025-05-15/2025-12-31",
        "outside the service: 2025-Q1",
    )
    assert cadence.output == "2025-05-15/2025-06-30, 2025-Q3, 2025-Q4"
    assert clip == Step(
        "SCHEDULE-CLIP",
        "",
        (("period", "2025-Q2"), ("service", "2025-05-15/2025-12-31")),
        "2025-05-15/2025-06-30 (47 of 91 days)",
        "service starts 2025-05-15",
    )


def test_a_leaver_on_10_february_monthly_has_january_and_1_to_10_february() -> None:
    schedule = periodic_schedule(2025, M, end=D(2025, 2, 10))
    assert _codes(schedule) == ["2025-01", "2025-02-01/2025-02-10"]
    assert schedule.clipped == (Period.span(D(2025, 2, 1), D(2025, 2, 10)),)
    clip = schedule.steps[-1]
    assert (clip.output, clip.note) == (
        "2025-02-01/2025-02-10 (10 of 28 days)",
        "service ends 2025-02-10",
    )


def test_a_retirement_with_tmt_1_march_ends_service_on_28_february_with_whole_months() -> None:
    schedule = periodic_schedule(2025, M, end=D(2025, 2, 28))
    assert schedule.periods == (Period.month(2025, 1), Period.month(2025, 2))
    assert _rules(schedule) == ["SCHEDULE-SERVICE", "SCHEDULE-CADENCE"]


def test_in_a_leap_year_february_ends_on_the_29th() -> None:
    whole = periodic_schedule(2024, M, end=D(2024, 2, 29))
    assert whole.periods == (Period.month(2024, 1), Period.month(2024, 2))
    part = periodic_schedule(2024, M, end=D(2024, 2, 28))
    assert part.periods[-1] == Period.span(D(2024, 2, 1), D(2024, 2, 28))
    assert part.steps[-1].output == "2024-02-01/2024-02-28 (28 of 29 days)"


def test_a_joiner_on_the_first_day_of_a_quarter_has_whole_quarters_only() -> None:
    schedule = periodic_schedule(2025, Q, start=D(2025, 4, 1))
    assert schedule.periods == tuple(Period.quarter(2025, n) for n in (2, 3, 4))
    assert schedule.clipped == ()
    assert schedule.annual == Period.span(D(2025, 4, 1), D(2025, 12, 31))


def test_joining_and_leaving_in_one_quarter_gives_one_span_clipped_at_both_ends() -> None:
    schedule = periodic_schedule(2025, Q, start=D(2025, 8, 4), end=D(2025, 9, 12))
    assert schedule.periods == (Period.span(D(2025, 8, 4), D(2025, 9, 12)),)
    assert schedule.steps[-1].note == "service starts 2025-08-04; service ends 2025-09-12"
    assert schedule.steps[1].note == "1 period"


def test_one_day_of_service_is_a_schedule_of_one_day() -> None:
    schedule = periodic_schedule(2025, M, start=D(2025, 6, 30), end=D(2025, 6, 30))
    assert schedule.periods == (Period.span(D(2025, 6, 30), D(2025, 6, 30)),)
    assert schedule.periods[0].days == 1


# --- movers ----------------------------------------------------------------------------------


def test_without_moves_there_is_one_assignment_for_the_whole_year() -> None:
    assert assignment_periods(2025) == (Period.annual(2025),)
    assert assignment_periods(2025, joined=D(2025, 5, 15)) == (
        Period.span(D(2025, 5, 15), D(2025, 12, 31)),
    )


def test_a_move_on_1_july_gives_two_assignments_of_two_whole_quarters_each() -> None:
    assert assignment_periods(2025, moves=[D(2025, 7, 1)]) == (
        Period.span(D(2025, 1, 1), D(2025, 6, 30)),
        Period.span(D(2025, 7, 1), D(2025, 12, 31)),
    )
    first, second = assignment_schedules(2025, Q, moves=[D(2025, 7, 1)])
    assert first.periods == (Period.quarter(2025, 1), Period.quarter(2025, 2))
    assert second.periods == (Period.quarter(2025, 3), Period.quarter(2025, 4))
    assert (first.clipped, second.clipped) == ((), ())


def test_each_assignment_s_explanation_starts_with_its_place_among_the_assignments() -> None:
    first, second = assignment_schedules(2025, Q, moves=[D(2025, 7, 1)])
    assert first.steps[0] == Step(
        "SCHEDULE-ASSIGNMENT",
        "",
        (("assignment", "1 of 2"), ("moves", "2025-07-01")),
        "2025-01-01/2025-06-30",
        "own SKP for this assignment",
    )
    assert _rules(second) == ["SCHEDULE-ASSIGNMENT", "SCHEDULE-SERVICE", "SCHEDULE-CADENCE"]
    assert second.steps[1].note == "outside the service: 2025-Q1, 2025-Q2"


def test_a_move_on_15_may_splits_triwulan_ii_between_the_two_assignments() -> None:
    first, second = assignment_schedules(2025, "triwulan", moves=[D(2025, 5, 15)])
    assert _codes(first) == ["2025-Q1", "2025-04-01/2025-05-14"]
    assert _codes(second) == ["2025-05-15/2025-06-30", "2025-Q3", "2025-Q4"]
    assert first.periods[-1].days + second.periods[0].days == 91
    assert first.steps[-1].note == "moved on 2025-05-15 (last day here 2025-05-14)"
    assert second.steps[-1].note == "moved on 2025-05-15"


def test_a_joiner_who_moves_twice_and_leaves_has_three_assignments_end_to_end() -> None:
    spans = assignment_periods(
        2025,
        joined=D(2025, 3, 3),
        left=D(2025, 11, 30),
        moves=(D(2025, 6, 1), D(2025, 9, 1)),
    )
    assert [p.code for p in spans] == [
        "2025-03-03/2025-05-31",
        "2025-06-01/2025-08-31",
        "2025-09-01/2025-11-30",
    ]
    schedules = assignment_schedules(
        2025, M, joined=D(2025, 3, 3), left=D(2025, 11, 30), moves=(D(2025, 6, 1), D(2025, 9, 1))
    )
    assert [s.annual for s in schedules] == list(spans)
    assert _codes(schedules[0]) == ["2025-03-03/2025-03-31", "2025-04", "2025-05"]
    assert _codes(schedules[2]) == ["2025-09", "2025-10", "2025-11"]


def test_a_move_on_the_last_day_of_service_leaves_a_one_day_assignment() -> None:
    spans = assignment_periods(2025, left=D(2025, 3, 31), moves=[D(2025, 3, 31)])
    assert spans[-1] == Period.span(D(2025, 3, 31), D(2025, 3, 31))


def test_without_moves_the_assignment_schedules_are_the_periodic_schedule() -> None:
    assert assignment_schedules(2025, M, joined=D(2025, 5, 15)) == (
        periodic_schedule(2025, M, start=D(2025, 5, 15)),
    )


def test_moves_may_be_any_iterable_of_dates_in_order() -> None:
    moves = (D(2025, m, 1) for m in (4, 10))
    assert len(assignment_periods(2025, moves=moves)) == 3


# --- using a schedule ------------------------------------------------------------------------


def test_the_period_for_a_day_is_the_schedule_period_that_contains_it() -> None:
    schedule = periodic_schedule(2025, Q, start=D(2025, 5, 15))
    assert schedule.period_for(D(2025, 6, 30)) == Period.span(D(2025, 5, 15), D(2025, 6, 30))
    assert schedule.period_for(D(2025, 7, 1)) == Period.quarter(2025, 3)
    assert (schedule.start, schedule.end) == (D(2025, 5, 15), D(2025, 12, 31))


def test_a_day_outside_the_service_has_no_period() -> None:
    schedule = periodic_schedule(2025, Q, start=D(2025, 5, 15))
    error = _error(schedule.period_for, D(2025, 5, 14), rule="SCHEDULE-DATES", path="day")
    assert "2025-05-15" in str(error)


def test_rows_give_each_period_with_its_calendar_period_days_and_whether_it_is_whole() -> None:
    rows = periodic_schedule(2025, Q, start=D(2025, 5, 15)).to_rows()
    assert rows[0] == {
        "year": 2025,
        "cadence": "quarterly",
        "period": "2025-05-15/2025-06-30",
        "label_id": "Triwulan II 2025 (2025-05-15 s.d. 2025-06-30)",
        "calendar_period": "2025-Q2",
        "start": D(2025, 5, 15),
        "end": D(2025, 6, 30),
        "days": 47,
        "whole": False,
    }
    assert (rows[1]["label_id"], rows[1]["whole"], rows[1]["days"]) == (
        "Triwulan III 2025",
        True,
        92,
    )


def test_the_markdown_and_html_tables_list_every_period() -> None:
    schedule = periodic_schedule(2025, M, end=D(2025, 2, 10))
    markdown = schedule.to_markdown()
    assert markdown == schedule._repr_markdown_()
    assert "| 1 | 2025-01 | Periode Bulanan 1 Tahun 2025 | 31 | yes |" in markdown
    assert "| 2 | 2025-02-01/2025-02-10 |" in markdown
    page = schedule._repr_html_()
    assert page.count("<tr>") == 3  # the header and two periods
    assert "<td>2025-02-01/2025-02-10</td>" in page


def test_explain_renders_every_step_with_its_rule() -> None:
    text = periodic_schedule(2025, Q, start=D(2025, 5, 15)).explain()
    assert text.startswith("1. [SCHEDULE-SERVICE]")
    assert "2. [SCHEDULE-CADENCE]" in text
    assert "3. [SCHEDULE-CLIP]" in text
    assert "result: 2025-05-15/2025-06-30 (47 of 91 days)" in text


def test_a_schedule_is_immutable() -> None:
    schedule = periodic_schedule(2025, Q)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        schedule.year = 2026  # type: ignore[misc]
    assert isinstance(schedule.periods, tuple)
    assert isinstance(schedule.steps, tuple)


def test_each_period_of_a_part_year_schedule_can_be_appraised_against_its_plan(
    plan: PerformancePlan,
) -> None:
    schedule = periodic_schedule(2025, Q, start=D(2025, 5, 15))
    part_year = attrs.evolve(plan, period=schedule.annual)
    predikat = []
    for period in schedule:
        assessment = Assessment(
            part_year.id,
            AssessorRole.PEJABAT_PENILAI,
            part_year.pejabat_penilai.nip,
            period.end,
            period,
            hasil_kerja=Rating.SESUAI,
            perilaku_kerja=Rating.DI_ATAS,
        )
        result = appraise(part_year, [assessment], period=period)
        assert result.period == period
        predikat.append(result.predikat)
    # Sesuai hasil kerja with Di Atas perilaku kerja is Baik in the 3x3 matrix.
    assert predikat == [Predikat.BAIK] * 3


# --- the rules -------------------------------------------------------------------------------


def test_every_step_a_schedule_records_uses_a_schedule_rule() -> None:
    ids = {rule.id for rule in SCHEDULE_RULES}
    schedules = (
        periodic_schedule(2025, Q, start=D(2025, 5, 15), end=D(2025, 11, 20)),
        *assignment_schedules(2025, M, moves=[D(2025, 5, 15)]),
    )
    used = {step.rule for schedule in schedules for step in schedule.steps}
    assert used == ids


def test_the_schedule_rules_are_library_decisions_with_a_title_and_a_citation() -> None:
    for rule in SCHEDULE_RULES:
        assert isinstance(rule, Rule)
        assert rule.id.startswith("SCHEDULE-")
        assert rule.title
        assert rule.citation
        assert rule.normative is False
    assert "Pasal 5" in SCHEDULE_RULES[0].citation
    assert len({rule.id for rule in SCHEDULE_RULES}) == len(SCHEDULE_RULES)


def test_the_schedule_rules_do_not_clash_with_another_rule_of_the_rulebook() -> None:
    # The rulebook gathers the schedule's own rules: the very objects, not another rule that
    # happens to share an id (a Rule compares equal to any rule of the same id).
    for rule in SCHEDULE_RULES:
        assert RULEBOOK.get(rule.id, rule) is rule


# --- errors ----------------------------------------------------------------------------------


def _error(call: Any, *args: Any, rule: str, path: str, **kwargs: Any) -> InputError:
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)
    error = info.value
    assert error.rule == rule
    assert error.path == path
    assert error.fix
    assert f"Fix: {error.fix}" in str(error)
    return error


@pytest.mark.parametrize("year", [True, "2025", 2025.0, None, 1969, 2101])
def test_a_bad_year_is_refused(year: object) -> None:
    error = _error(periodic_schedule, year, Q, rule="SCHEDULE-YEAR", path="year")
    assert isinstance(error, PeriodError)
    _error(assignment_periods, year, rule="SCHEDULE-YEAR", path="year")


@pytest.mark.parametrize("cadence", ["tahunan", "caturwulan", "", 3, None, PeriodKind.MONTHLY])
def test_an_unknown_cadence_is_refused_with_the_choices(cadence: object) -> None:
    error = _error(periodic_schedule, 2025, cadence, rule="SCHEDULE-CADENCE", path="cadence")
    assert isinstance(error, LabelError)
    assert "triwulanan" in str(error.fix)
    _error(assignment_schedules, 2025, cadence, rule="SCHEDULE-CADENCE", path="cadence")


@pytest.mark.parametrize(
    "value",
    [
        "2025-05-15",
        dt.datetime(2025, 5, 15, 7, 30),  # noqa: DTZ001 - the wrong type on purpose
        20250515,
    ],
)
def test_a_first_day_that_is_not_a_date_is_refused(value: object) -> None:
    _error(periodic_schedule, 2025, Q, rule="SCHEDULE-DATES", path="start", start=value)
    _error(assignment_periods, 2025, rule="SCHEDULE-DATES", path="joined", joined=value)


def test_a_last_day_that_is_not_a_date_is_refused() -> None:
    _error(periodic_schedule, 2025, Q, rule="SCHEDULE-DATES", path="end", end="2025-02-10")
    _error(assignment_periods, 2025, rule="SCHEDULE-DATES", path="left", left=2.5)


def test_a_first_day_in_another_year_is_refused_and_the_fix_says_to_pass_none() -> None:
    error = _error(
        periodic_schedule, 2025, Q, rule="SCHEDULE-DATES", path="start", start=D(2019, 3, 1)
    )
    assert "None" in str(error.fix)


def test_a_last_day_in_another_year_is_refused() -> None:
    _error(periodic_schedule, 2025, M, rule="SCHEDULE-DATES", path="end", end=D(2026, 1, 31))


def test_leaving_before_joining_is_refused() -> None:
    error = _error(
        periodic_schedule,
        2025,
        Q,
        rule="SCHEDULE-DATES",
        path="end",
        start=D(2025, 8, 1),
        end=D(2025, 7, 31),
    )
    assert "2025-07-31" in error.message
    _error(
        assignment_periods,
        2025,
        rule="SCHEDULE-DATES",
        path="left",
        joined=D(2025, 8, 1),
        left=D(2025, 7, 31),
    )


@pytest.mark.parametrize(
    ("moves", "path", "words"),
    [
        ([D(2025, 9, 1), D(2025, 4, 1)], "moves[1]", "comes before 2025-09-01"),
        ([D(2025, 4, 1), D(2025, 4, 1)], "moves[1]", "is repeated"),
        ([D(2024, 12, 1)], "moves[0]", "inside the service"),
        ([D(2026, 1, 1)], "moves[0]", "inside the service"),
        ([D(2025, 1, 1)], "moves[0]", "first day of service"),
        (["2025-07-01"], "moves[0]", "must be a date"),
        ([dt.datetime(2025, 7, 1)], "moves[0]", "must be a date"),  # noqa: DTZ001
        ("2025-07-01", "moves", "list of dates"),
        (D(2025, 7, 1), "moves", "list of dates"),
        ({D(2025, 7, 1)}, "moves", "list of dates"),
        (None, "moves", "list of dates"),
    ],
)
def test_a_bad_move_is_refused_at_its_index(moves: object, path: str, words: str) -> None:
    error = _error(assignment_periods, 2025, rule="SCHEDULE-MOVES", path=path, moves=moves)
    assert words in error.message
    _error(assignment_schedules, 2025, Q, rule="SCHEDULE-MOVES", path=path, moves=moves)


def test_moves_outside_a_part_year_service_are_refused() -> None:
    joined, left = D(2025, 3, 3), D(2025, 10, 31)
    for move in (D(2025, 3, 1), D(2025, 11, 1)):
        _error(
            assignment_periods,
            2025,
            rule="SCHEDULE-MOVES",
            path="moves[0]",
            joined=joined,
            left=left,
            moves=[move],
        )
    error = _error(
        assignment_periods,
        2025,
        rule="SCHEDULE-MOVES",
        path="moves[0]",
        joined=joined,
        moves=[joined],
    )
    assert "leave this move out" in str(error.fix)


# --- a schedule built by hand ----------------------------------------------------------------


def test_a_schedule_built_by_hand_with_lists_keeps_tuples() -> None:
    schedule = Schedule(
        2025, Q, Period.annual(2025), [Period.quarter(2025, n) for n in (1, 2, 3, 4)]
    )
    assert schedule.periods == periodic_schedule(2025, Q).periods
    assert schedule.steps == ()


def test_a_schedule_with_a_gap_is_refused_at_the_period_after_it() -> None:
    periods = (Period.quarter(2025, 1), Period.quarter(2025, 3), Period.quarter(2025, 4))
    error = _error(
        Schedule, 2025, Q, Period.annual(2025), periods, rule="SCHEDULE-PERIODS", path="periods[1]"
    )
    assert "2025-04-01" in error.message


def test_a_schedule_that_stops_short_of_its_annual_period_is_refused() -> None:
    periods = (Period.quarter(2025, 1), Period.quarter(2025, 2))
    _error(Schedule, 2025, Q, Period.annual(2025), periods, rule="SCHEDULE-PERIODS", path="periods")


def test_a_schedule_that_runs_past_its_annual_period_is_refused() -> None:
    annual = Period.span(D(2025, 1, 1), D(2025, 6, 30))
    periods = tuple(Period.quarter(2025, n) for n in (1, 2, 3))
    _error(Schedule, 2025, Q, annual, periods, rule="SCHEDULE-PERIODS", path="periods[2]")


def test_a_schedule_whose_periods_are_not_of_its_cadence_is_refused() -> None:
    periods = tuple(Period.month(2025, m) for m in range(1, 13))
    _error(
        Schedule, 2025, Q, Period.annual(2025), periods, rule="SCHEDULE-PERIODS", path="periods[0]"
    )


def test_a_whole_period_written_as_a_span_is_refused() -> None:
    periods = (
        Period.span(D(2025, 1, 1), D(2025, 3, 31)),
        *(Period.quarter(2025, n) for n in (2, 3, 4)),
    )
    error = _error(
        Schedule, 2025, Q, Period.annual(2025), periods, rule="SCHEDULE-PERIODS", path="periods[0]"
    )
    assert "2025-Q1" in error.message


@pytest.mark.parametrize(
    "annual",
    [
        Period.annual(2024),
        Period.span(D(2025, 1, 1), D(2025, 12, 31)),
        Period.quarter(2025, 1),
        "2025",
    ],
)
def test_an_annual_period_that_is_not_the_year_or_a_span_inside_it_is_refused(
    annual: object,
) -> None:
    _error(
        Schedule,
        2025,
        Q,
        annual,
        (Period.quarter(2025, 1),),
        rule="SCHEDULE-PERIODS",
        path="annual",
    )


@pytest.mark.parametrize(
    ("field", "value", "rule"),
    [
        ("year", True, "SCHEDULE-YEAR"),
        ("cadence", "quarterly", "SCHEDULE-CADENCE"),
        ("periods", (), "SCHEDULE-PERIODS"),
        ("periods", "2025-Q1", "SCHEDULE-PERIODS"),
        ("steps", ("a step",), "SCHEDULE-STEPS"),
        ("steps", None, "SCHEDULE-STEPS"),
    ],
)
def test_a_schedule_field_of_the_wrong_type_is_refused(
    field: str, value: object, rule: str
) -> None:
    fields: dict[str, Any] = {
        "year": 2025,
        "cadence": Q,
        "annual": Period.annual(2025),
        "periods": periodic_schedule(2025, Q).periods,
    }
    fields[field] = value
    _error(Schedule, rule=rule, path=field, **fields)


def test_a_non_period_among_the_periods_is_refused_at_its_index() -> None:
    periods = (Period.quarter(2025, 1), "2025-Q2")
    _error(
        Schedule, 2025, Q, Period.annual(2025), periods, rule="SCHEDULE-PERIODS", path="periods[1]"
    )
