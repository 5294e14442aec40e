"""The hostile family: valid objects with the most awkward content, for robustness tests.

The realistic strategies of :mod:`asn_performance.testing` draw what an operator would
enter. These draw the same structures (the same rosters, plans, assessments and documents,
each valid as built) but fill them with what another system might send: text of any script
and any code point the library accepts (unassigned ones included, control characters and
surrogates not), identifiers of any ASCII id characters, any valid NIP whatever its dates
(born 1950-2006, appointed 1970-2025, in either order), targets of any exact non-negative
quantity with 0-4 places and any unit, and periods that cross a year. Use them to check that
whatever is valid survives (round trips, explanations, seals), never as sample data.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from asn_performance.domain.assessment import Assessment, AssessorRole
from asn_performance.domain.employee import Employee, Jenjang, Position, PositionKind
from asn_performance.domain.nip import Nip, NipKind
from asn_performance.domain.period import Period
from asn_performance.domain.plan import Aspect, Direction, PerformancePlan, Target
from asn_performance.process.roster import Roster
from asn_performance.regimes.permenpanrb_6_2022 import Appraisal
from asn_performance.testing._core import (
    LATEST_APPOINTMENT,
    Vocabulary,
    appraisals_with,
    assessments_with,
    documents_with,
    employees_with,
    plans_of,
    rosters_with,
)

if TYPE_CHECKING:
    from asn_performance.boundary.appraisal_document import AppraisalDocument

__all__ = [
    "HOSTILE",
    "hostile_appraisals",
    "hostile_assessments",
    "hostile_documents",
    "hostile_employees",
    "hostile_identifiers",
    "hostile_nips",
    "hostile_periods",
    "hostile_plans",
    "hostile_quantities",
    "hostile_rosters",
    "hostile_texts",
]

#: Any character UTF-8 can carry except control characters and lone surrogates.
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
_ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-"


@functools.cache
def hostile_texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Text that is not blank, of any script and any accepted code point, up to
    ``max_size`` characters.

    Example::

        @given(hostile_texts(10))
        def test_text(text):
            assert text.strip() and len(text) <= 10
    """
    return st.text(_CHARS, min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


@functools.cache
def hostile_identifiers() -> st.SearchStrategy[str]:
    """Identifiers of any of the id characters (``a-z A-Z 0-9 . _ -``), 1-24 long.

    Example::

        @given(hostile_identifiers())
        def test_id(ident):
            assert 1 <= len(ident) <= 24
    """
    return st.text(_ID_CHARS, min_size=1, max_size=24)


@functools.cache
def hostile_quantities(max_value: int = 1_000_000) -> st.SearchStrategy[Decimal]:
    """Exact non-negative decimals with 0-4 places (``Decimal("12.50")`` keeps its zero).

    Example::

        @given(hostile_quantities(100))
        def test_quantity(value):
            assert 0 <= value <= 100
    """
    return st.integers(0, 4).flatmap(
        lambda places: st.decimals(
            min_value=0, max_value=max_value, places=places, allow_nan=False, allow_infinity=False
        )
    )


@st.composite
def _any_nip(draw: st.DrawFn) -> Nip:
    birth = draw(st.dates(dt.date(1950, 1, 1), dt.date(2006, 12, 31)))
    year = draw(st.integers(1970, 2025))
    if draw(st.booleans()):
        middle = f"{year:04d}{draw(st.integers(1, 12)):02d}"
    else:
        middle = f"{year:04d}2{draw(st.integers(1, 9))}"
    return Nip(
        f"{birth:%Y%m%d}{middle}{draw(st.sampled_from('12'))}{draw(st.integers(1, 999)):03d}"
    )


def hostile_nips() -> st.SearchStrategy[Nip]:
    """Any valid NIP PNS or NI PPPK, its dates unrelated (an appointment before the birth
    is valid to the library, which checks the format only).

    Example::

        @given(hostile_nips())
        def test_any_nip(nip):
            assert Nip.parse(nip.formatted()) == nip
    """
    return _ANY_NIP


_ANY_NIP = _any_nip()


@st.composite
def _hostile_position(draw: st.DrawFn, kind: PositionKind) -> Position:
    jenjang = draw(st.sampled_from(Jenjang)) if kind is PositionKind.FUNGSIONAL else None
    return Position(kind, draw(hostile_texts()), jenjang)


@st.composite
def _hostile_indicator(draw: st.DrawFn) -> tuple[str, Target, Aspect, Direction]:
    unit = draw(
        st.sampled_from(["", "%", "dokumen", "hari", "orang"]) | st.text(_CHARS, max_size=8)
    )
    if draw(st.booleans()):
        target = Target(draw(hostile_quantities()), None, unit)
    else:
        pair = draw(st.lists(hostile_quantities(), min_size=2, max_size=2, unique=True))
        low, high = sorted(pair)
        target = Target(low, high, unit)
    aspect, direction = draw(st.sampled_from(Aspect)), draw(st.sampled_from(Direction))
    return draw(hostile_texts()), target, aspect, direction


class HostileVocabulary(Vocabulary):
    """The hostile words: any-script text, any valid NIP, any exact quantity."""

    def nips(self, appointed_by: dt.date, kind: NipKind | None = None) -> st.SearchStrategy[Nip]:
        """Any valid NIP (``appointed_by`` and ``kind`` are ignored)."""
        return _ANY_NIP

    def names(self, nip: Nip, position: Position) -> st.SearchStrategy[str]:
        """Any text."""
        return hostile_texts()

    def units(self) -> st.SearchStrategy[str]:
        """Any text."""
        return hostile_texts()

    def positions(self, kind: PositionKind, unit: str) -> st.SearchStrategy[Position]:
        """A position of ``kind`` with any title and, for a JF, any jenjang."""
        return _hostile_position(kind)

    def identifiers(self, prefix: str) -> st.SearchStrategy[str]:
        """Any id (``prefix`` ignored)."""
        return hostile_identifiers()

    def work_results(self) -> st.SearchStrategy[str]:
        """Any text."""
        return hostile_texts()

    def indicators(self) -> st.SearchStrategy[tuple[str, Target, Aspect, Direction]]:
        """Any text, any target and unit, any aspect and direction."""
        return _hostile_indicator()

    def realised(self, target: Target) -> st.SearchStrategy[Decimal]:
        """Any quantity."""
        return hostile_quantities()

    def notes(self) -> st.SearchStrategy[str]:
        """Any text."""
        return hostile_texts()

    def evidence(self) -> st.SearchStrategy[str]:
        """Any text up to 60 characters."""
        return hostile_texts(60)

    def titles(self) -> st.SearchStrategy[str]:
        """Any text up to 80 characters."""
        return hostile_texts(80)


#: The hostile vocabulary, for the shared machinery.
HOSTILE = HostileVocabulary()


@functools.cache
def hostile_periods(first_year: int = 2022) -> st.SearchStrategy[Period]:
    """An annual, semester, quarterly, monthly or part-year period from ``first_year`` to
    2030; a part-year period may cross into the next year (up to 400 days).

    Example::

        @given(hostile_periods())
        def test_period(period):
            assert (period.end - period.start).days <= 400
    """

    @st.composite
    def draw_period(draw: st.DrawFn) -> Period:
        year = draw(st.integers(first_year, 2030))
        kind = draw(st.sampled_from(["annual", "semester", "quarter", "month", "span"]))
        if kind == "annual":
            return Period.annual(year)
        if kind == "semester":
            return Period.semester(year, draw(st.integers(1, 2)))
        if kind == "quarter":
            return Period.quarter(year, draw(st.integers(1, 4)))
        if kind == "month":
            return Period.month(year, draw(st.integers(1, 12)))
        start = draw(st.dates(dt.date(first_year, 1, 1), dt.date(2030, 12, 31)))
        return Period.span(start, start + dt.timedelta(days=draw(st.integers(0, 400))))

    return draw_period()


def hostile_employees(nip: Nip | None = None) -> st.SearchStrategy[Employee]:
    """An employee with ``nip`` or any valid NIP, any-script name, title and unit.

    Example::

        @given(hostile_employees())
        def test_employee(employee):
            assert employee.name.strip()
    """
    return employees_with(HOSTILE, nip=nip, appointed_by=LATEST_APPOINTMENT)


def hostile_rosters(min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[Roster]:
    """A roster shaped like :func:`~asn_performance.testing.people.rosters` (one head),
    filled with hostile content.

    Example::

        @given(hostile_rosters(1, 4))
        def test_roster(roster):
            assert sum(e.superior_nip is None for e in roster) == 1
    """
    return rosters_with(HOSTILE, min_size, max_size)


def hostile_plans() -> st.SearchStrategy[PerformancePlan]:
    """A plan shaped like :func:`~asn_performance.testing.plans.plans`, hostile content.

    Example::

        @given(hostile_plans())
        def test_plan(plan):
            assert plan.pejabat_penilai.nip != plan.employee.nip
    """
    return plans_of(HOSTILE, hostile_periods())


def hostile_assessments(role: AssessorRole | None = None) -> st.SearchStrategy[Assessment]:
    """An assessment of a hostile plan by ``role`` (any when None).

    Example::

        @given(hostile_assessments())
        def test_assessment(assessment):
            assert assessment.plan_id
    """
    return assessments_with(HOSTILE, hostile_periods(), role)


def hostile_appraisals() -> st.SearchStrategy[Appraisal]:
    """An appraisal of a hostile plan, made by :func:`~asn_performance.appraise`.

    Example::

        @given(hostile_appraisals())
        def test_appraisal(appraisal):
            assert appraisal.reason()
    """
    return appraisals_with(HOSTILE, hostile_periods())


def hostile_documents() -> st.SearchStrategy[AppraisalDocument]:
    """A unit's document shaped like :func:`~asn_performance.testing.documents.documents`,
    hostile content, every plan appraisable.

    Example::

        @given(hostile_documents())
        def test_document(doc):
            assert load_document(to_json(dump_document(doc))) == doc
    """
    return documents_with(HOSTILE, hostile_periods())
