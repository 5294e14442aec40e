"""Properties of :mod:`asn_performance.process.schedule` for any year, cadence, service and moves.

For every schedule: the periods follow each other without gap or overlap, cover exactly the
days of service, lie inside the year and inside one calendar month or quarter each, and a
period is whole exactly when the whole calendar period was served. The assignments of a
mover cover the service end to end, one more than the moves.
"""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance import Period
from asn_performance.domain.period import PeriodKind
from asn_performance.process.schedule import (
    Cadence,
    Schedule,
    assignment_periods,
    assignment_schedules,
    periodic_schedule,
)

ONE_DAY = dt.timedelta(days=1)
#: No deadline: the suite runs beside other jobs, and a slow machine is not a failure.
SETTINGS = settings(max_examples=100, deadline=None)


@st.composite
def services(draw: st.DrawFn) -> tuple[int, dt.date, dt.date]:
    """A year and the first and last day of service in it."""
    year = draw(st.integers(2022, 2030))
    first, last = sorted(
        draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31))) for _ in range(2)
    )
    return year, first, last


@st.composite
def movers(draw: st.DrawFn) -> tuple[int, dt.date, dt.date, list[dt.date]]:
    """A service with 0-4 moves, each after the first day and not after the last."""
    year, first, last = draw(services())
    if first == last:
        return year, first, last, []
    moves = draw(st.lists(st.dates(first + ONE_DAY, last), max_size=4, unique=True).map(sorted))
    return year, first, last, moves


def _check(schedule: Schedule, first: dt.date, last: dt.date) -> None:
    periods = schedule.periods
    assert periods[0].start == first
    assert periods[-1].end == last
    for before, after in itertools.pairwise(periods):
        assert after.start == before.end + ONE_DAY  # contiguous, hence disjoint
    assert sum(p.days for p in periods) == (last - first).days + 1
    year = Period.annual(schedule.year)
    for period in periods:
        assert period.within(year)
        assert period.within(schedule.annual)
        calendar = schedule.cadence.period_of(period.start)
        assert period.within(calendar)
        served_in_full = calendar.start >= first and calendar.end <= last
        assert (period.kind is not PeriodKind.CUSTOM) == served_in_full
        assert (period == calendar) == served_in_full
    assert schedule.annual.start == first
    assert schedule.annual.end == last


@SETTINGS
@given(service=services(), cadence=st.sampled_from(Cadence))
def test_the_periods_cover_exactly_the_days_of_service(
    service: tuple[int, dt.date, dt.date], cadence: Cadence
) -> None:
    year, first, last = service
    schedule = periodic_schedule(year, cadence, start=first, end=last)
    _check(schedule, first, last)
    assert len(schedule.clipped) <= 2  # only the first and the last period can be clipped


@SETTINGS
@given(mover=movers(), cadence=st.sampled_from(Cadence))
def test_the_assignments_follow_each_other_and_each_schedule_covers_its_assignment(
    mover: tuple[int, dt.date, dt.date, list[dt.date]], cadence: Cadence
) -> None:
    year, first, last, moves = mover
    spans = assignment_periods(year, joined=first, left=last, moves=moves)
    assert len(spans) == len(moves) + 1
    assert spans[0].start == first
    assert spans[-1].end == last
    assert [s.start for s in spans[1:]] == moves
    for before, after in itertools.pairwise(spans):
        assert after.start == before.end + ONE_DAY
    schedules = assignment_schedules(year, cadence, joined=first, left=last, moves=moves)
    assert [s.annual for s in schedules] == list(spans)
    for schedule, span in zip(schedules, spans, strict=True):
        _check(schedule, span.start, span.end)
