"""Properties of :meth:`Period.parse` over every period kind and many years (issue 13 item 5).

For every period the library can build (a year, a semester, a quarter, a month, a span) in any
year it allows (1970-2100): ``parse`` reads back its code, its Indonesian label and its English
label, in any case and spacing, to the same period. And any text at all either parses to a
period or is refused with the library's :class:`PeriodError` naming the field, never another
exception.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance import Period
from asn_performance.exceptions import PeriodError
from asn_performance.tables.ekinerja import ekinerja_period

#: No deadline: the suite runs beside other jobs, and a slow machine is not a failure.
SETTINGS = settings(max_examples=300, deadline=None)


@st.composite
def any_period(draw: st.DrawFn) -> Period:
    """A period of any kind in any year a :class:`Period` allows."""
    year = draw(st.integers(1970, 2100))
    kind = draw(st.sampled_from(["annual", "semester", "quarter", "month", "span"]))
    if kind == "annual":
        return Period.annual(year)
    if kind == "semester":
        return Period.semester(year, draw(st.integers(1, 2)))
    if kind == "quarter":
        return Period.quarter(year, draw(st.integers(1, 4)))
    if kind == "month":
        return Period.month(year, draw(st.integers(1, 12)))
    start = draw(st.dates(dt.date(1970, 1, 1), dt.date(2100, 12, 31)))
    end = draw(st.dates(start, dt.date(2100, 12, 31)))
    return Period.span(start, end)


@st.composite
def respelled(draw: st.DrawFn, text: str) -> str:
    """``text`` in another case, with runs of spaces or tabs between its words and around it."""
    gap = st.text(" \t", min_size=1, max_size=3)
    words = text.split(" ")
    case = draw(st.sampled_from([str.upper, str.lower, str.title, str.swapcase, str]))
    inner = [case(word) for word in words]
    joined = inner[0]
    for word in inner[1:]:
        joined += draw(gap) + word
    return draw(st.text(" ", max_size=2)) + joined + draw(st.text(" ", max_size=2))


@SETTINGS
@given(period=any_period())
def test_every_code_and_label_the_library_prints_parses_back(period: Period) -> None:
    for text in (period.code, period.label_id, period.label_en, str(period)):
        assert Period.parse(text) == period


@SETTINGS
@given(data=st.data(), period=any_period())
def test_labels_parse_back_in_any_case_and_spacing(data: st.DataObject, period: Period) -> None:
    for text in (period.label_id, period.label_en):
        spelled = data.draw(respelled(text))
        assert Period.parse(spelled) == period
        assert ekinerja_period(spelled) == period  # one parser: the tables reader agrees


@SETTINGS
@given(
    text=st.one_of(
        st.text(max_size=40),
        st.from_regex(
            r"(periode )?(tahunan|semester|triwulan|bulanan|q|h|annual)? ?[0-9IVXivx]{0,5}"
            r"( tahun)? [0-9]{1,5}",
            fullmatch=True,
        ),
    )
)
def test_any_text_parses_or_is_refused_with_the_library_s_error(text: str) -> None:
    outcome: Period | PeriodError
    try:
        outcome = Period.parse(text, field="$.period")
    except PeriodError as error:
        outcome = error
    if isinstance(outcome, Period):
        assert Period.parse(outcome.code) == outcome
        return
    assert outcome.rule in ("PERIOD-FORMAT", "PERIOD-KIND", "PERIOD-YEAR", "PERIOD-DATES")
    assert outcome.path is not None
    assert outcome.path.startswith("$.period")
    assert outcome.fix
