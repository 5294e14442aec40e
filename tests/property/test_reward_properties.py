"""Properties of the reward rules and of the distribution check.

* Angka kredit never decreases as the predikat improves (or as the months grow).
* An allowance never grows with more attendance violations, and never shrinks as the
  predikat improves under the Kemnaker table.
* A distribution check never mutates its input, and lenient rounding never reports a
  violation that strict rounding does not.
* ``oversee`` agrees with ``check_distribution`` unit by unit.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance import Jenjang, OrganisationPredikat, Predikat
from asn_performance.consequences.allowance import KEMNAKER_2025, Attendance, compute_allowance
from asn_performance.consequences.angka_kredit import accumulate, angka_kredit
from asn_performance.consequences.distribution.check import check_distribution
from asn_performance.consequences.distribution.limits import PREDIKAT_ORDER, Rounding
from asn_performance.consequences.distribution.oversight import UnitInput, oversee

SETTINGS = settings(max_examples=100, deadline=None)

predikat = st.sampled_from(list(Predikat))
jenjang = st.sampled_from(list(Jenjang))
months = st.integers(min_value=1, max_value=12)
organisation = st.sampled_from(list(OrganisationPredikat))
rounding = st.sampled_from(list(Rounding))
count = st.integers(min_value=0, max_value=400)
counts = st.tuples(count, count, count, count, count)
attendance = st.builds(
    Attendance,
    days_absent=st.integers(0, 40),
    missing_checks=st.integers(0, 60),
    minutes_late_or_early=st.integers(0, 6000),
    missed_ceremonies=st.integers(0, 5),
)
kelas = st.sampled_from(sorted(KEMNAKER_2025.base))


@SETTINGS
@given(worse=predikat, better=predikat, level=jenjang, length=months)
def test_angka_kredit_never_decreases_as_the_predikat_improves(
    worse: Predikat, better: Predikat, level: Jenjang, length: int
) -> None:
    if worse.rank > better.rank:
        worse, better = better, worse
    low = angka_kredit(worse, level, length)
    high = angka_kredit(better, level, length)
    assert low.value <= high.value
    assert low.shown <= high.shown


@SETTINGS
@given(grade=predikat, level=jenjang, shorter=months, longer=months)
def test_angka_kredit_never_decreases_with_more_months(
    grade: Predikat, level: Jenjang, shorter: int, longer: int
) -> None:
    if shorter > longer:
        shorter, longer = longer, shorter
    assert angka_kredit(grade, level, shorter).value <= angka_kredit(grade, level, longer).value


@SETTINGS
@given(grade=predikat, level=jenjang, length=st.sampled_from([1, 2, 3, 4, 6, 12]))
def test_a_year_of_equal_periods_carried_shows_the_annual_value(
    grade: Predikat, level: Jenjang, length: int
) -> None:
    # 12/length periods of length months each make one year; carried exactly, their total
    # must show what the annual table shows (this property found the 28-digit pitfall that
    # accumulate() now avoids by adding twelfths).
    periods = accumulate([angka_kredit(grade, level, length)] * (12 // length))
    assert periods.value == angka_kredit(grade, level, 12).value
    assert periods.shown == angka_kredit(grade, level, 12).shown


@SETTINGS
@given(level=kelas, worse=predikat, better=predikat, record=attendance)
def test_a_better_predikat_never_pays_less(
    level: int, worse: Predikat, better: Predikat, record: Attendance
) -> None:
    if worse.rank > better.rank:
        worse, better = better, worse
    low = compute_allowance(KEMNAKER_2025, level, worse, record)
    high = compute_allowance(KEMNAKER_2025, level, better, record)
    assert low.total <= high.total


@SETTINGS
@given(level=kelas, grade=predikat, record=attendance, extra=st.integers(0, 10))
def test_more_absence_never_pays_more_and_never_touches_the_performance_share(
    level: int, grade: Predikat, record: Attendance, extra: int
) -> None:
    worse = Attendance(
        days_absent=record.days_absent + extra,
        missing_checks=record.missing_checks,
        minutes_late_or_early=record.minutes_late_or_early,
        missed_ceremonies=record.missed_ceremonies,
    )
    base = compute_allowance(KEMNAKER_2025, level, grade, record)
    less = compute_allowance(KEMNAKER_2025, level, grade, worse)
    assert less.total <= base.total
    assert less.performance == base.performance
    assert less.attendance >= 0


@SETTINGS
@given(org=organisation, numbers=counts, mode=rounding, as_labels=st.booleans())
def test_a_check_never_mutates_its_counts(
    org: OrganisationPredikat, numbers: tuple[int, ...], mode: Rounding, as_labels: bool
) -> None:
    given_counts: Mapping[object, int] = {
        (p.label_id if as_labels else p): n for p, n in zip(PREDIKAT_ORDER, numbers, strict=True)
    }
    before = copy.deepcopy(given_counts)
    report = check_distribution(org, given_counts, mode)
    assert given_counts == before
    assert report.total == sum(numbers)


@SETTINGS
@given(org=organisation, people=st.lists(predikat, max_size=60), mode=rounding)
def test_a_check_never_mutates_its_list_of_predikat(
    org: OrganisationPredikat, people: list[Predikat], mode: Rounding
) -> None:
    before = list(people)
    report = check_distribution(org, people, mode)
    assert people == before
    assert report.counts == tuple(people.count(p) for p in PREDIKAT_ORDER)


@SETTINGS
@given(org=organisation, numbers=counts)
def test_lenient_rounding_never_reports_what_strict_rounding_does_not(
    org: OrganisationPredikat, numbers: tuple[int, ...]
) -> None:
    people = dict(zip(PREDIKAT_ORDER, numbers, strict=True))
    strict = check_distribution(org, people, Rounding.STRICT)
    lenient = check_distribution(org, people, Rounding.LENIENT)
    strict_limits = {v.limit for v in strict.violations}
    assert {v.limit for v in lenient.violations} <= strict_limits


@SETTINGS
@given(
    units=st.lists(st.tuples(organisation, counts), max_size=20),
    mode=rounding,
)
def test_oversee_agrees_with_check_distribution_and_mutates_nothing(
    units: list[tuple[OrganisationPredikat, tuple[int, ...]]], mode: Rounding
) -> None:
    inputs = [UnitInput(f"unit-{i}", org, numbers) for i, (org, numbers) in enumerate(units)]
    before = list(inputs)
    report = oversee(inputs, rounding=mode)
    assert inputs == before
    assert report.employees == sum(sum(numbers) for _, numbers in units)
    for unit, summary in zip(inputs, report.units, strict=True):
        single = check_distribution(
            unit.organisation_predikat, dict(zip(PREDIKAT_ORDER, unit.counts, strict=True)), mode
        )
        assert summary.violations == single.violations
