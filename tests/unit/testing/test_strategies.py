"""The public strategies of :mod:`asn_performance.testing` draw realistic, consistent data.

* every drawn NIP parses back, and its dates fit a working life: 18-58 at the appointment
  (a PNS's TMT CPNS, digits 9-14; a PPPK's 1 January of digits 9-12), appointed by the date
  asked for (in a plan, the period's start);
* names hold only letters, spaces, apostrophes, dots and commas;
* rosters have one head; documents round-trip through the JSON boundary and appraise;
* each strategy's docstring example is true (the example is run as a test).
"""

from __future__ import annotations

import datetime as dt
import re
import string
import textwrap
from typing import Any

import hypothesis
import pytest
from hypothesis import HealthCheck, given, settings

import asn_performance
from asn_performance import (
    AssessorRole,
    Employee,
    Jenjang,
    Nip,
    PerDimension,
    Position,
    PositionKind,
    Predikat,
    SupervisorDecides,
    WeightedSources,
    testing,
)
from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    dump_document,
    load_document,
    to_json,
)
from asn_performance.domain.nip import NipKind
from asn_performance.testing import documents, employees, nips, plans, rosters

FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_NAME = re.compile(r"[A-Za-z '.,]+")


def _age(birth: dt.date, on: dt.date) -> int:
    """Whole years from ``birth`` to ``on``."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _appointed(nip: Nip) -> dt.date:
    """A PNS's TMT CPNS (the 1st of the month of digits 9-14); a PPPK's 1 January of the
    year of digits 9-12."""
    return dt.date(nip.appointment_year, nip.appointment_month or 1, 1)


def assert_working_life(nip: Nip, appointed_by: dt.date) -> None:
    assert Nip.parse(nip.digits) == nip
    assert Nip.parse(nip.formatted()) == nip
    appointed = _appointed(nip)
    assert appointed <= appointed_by
    assert 18 <= _age(nip.birth_date, appointed) <= 58
    assert _age(nip.birth_date, appointed_by) <= 58


@FAST
@given(nips())
def test_a_nip_parses_and_its_dates_fit_a_working_life(nip: Nip) -> None:
    assert_working_life(nip, dt.date(2025, 12, 31))


@FAST
@given(nips(kind=NipKind.PPPK, appointed_by=dt.date(2022, 1, 1)))
def test_a_pppk_is_appointed_from_2019_and_by_the_date_asked(nip: Nip) -> None:
    assert nip.kind is NipKind.PPPK
    assert 2019 <= nip.appointment_year <= 2022
    assert_working_life(nip, dt.date(2022, 1, 1))


def test_the_boundary_ages_by_hand() -> None:
    # Born 29 Feb 2000: 18 on 1 Mar 2018 (2018 has no 29 Feb), so a TMT of 1 Mar 2018 is 18.
    assert _age(dt.date(2000, 2, 29), dt.date(2018, 3, 1)) == 18
    assert _age(dt.date(2000, 2, 29), dt.date(2018, 2, 28)) == 17
    # 19860926 201505 1 001: appointed 1 May 2015 at 28.
    nip = Nip.parse("198609262015051001")
    assert _age(nip.birth_date, _appointed(nip)) == 28


@FAST
@given(employees())
def test_an_employee_has_a_plain_name_and_a_fitting_position(employee: Employee) -> None:
    assert _NAME.fullmatch(employee.name), employee.name
    assert employee.name == employee.name.strip()
    assert "  " not in employee.name
    position = employee.position
    if position.kind is PositionKind.FUNGSIONAL:
        assert position.jenjang is not None
        assert position.title.endswith(" " + position.jenjang.label_id)
        if position.title.startswith(("Perawat", "Bidan", "Pranata Komputer", "Arsiparis")):
            # the keterampilan track with a diploma, the keahlian track with a degree
            diploma = "A.Md." in employee.name
            assert diploma == (not position.jenjang.is_keahlian) or "Ahli" in position.title
    else:
        assert position.jenjang is None
    if position.kind in (PositionKind.JPT, PositionKind.ADMINISTRATOR, PositionKind.PENGAWAS):
        assert employee.nip.kind is NipKind.PNS
    assert_working_life(employee.nip, dt.date(2025, 12, 31))


@FAST
@given(rosters(1, 10))
def test_a_roster_has_one_head_and_superiors_who_lead(roster: Any) -> None:
    heads = [e for e in roster if e.superior_nip is None]
    assert len(heads) == 1
    assert heads[0].position.kind is PositionKind.JPT
    leaders = {e.nip for e in roster if e.position.kind is not PositionKind.PELAKSANA}
    assert all(e.superior_nip in leaders for e in roster if e.superior_nip is not None)
    assert len({e.unit for e in roster}) == 1


@FAST
@given(plans())
def test_a_plan_is_made_by_people_appointed_by_its_start(plan: Any) -> None:
    assert plan.employee.superior_nip == plan.pejabat_penilai.nip
    for person in (plan.employee, plan.pejabat_penilai, plan.atasan_pejabat_penilai):
        if person is not None:
            assert_working_life(person.nip, plan.period.start)
            assert _NAME.fullmatch(person.name)


@FAST
@given(documents())
def test_a_document_round_trips_and_appraises(doc: AppraisalDocument) -> None:
    assert load_document(to_json(dump_document(doc))) == doc
    assert len(doc.appraise_all()) == len(doc.plans)
    for person in doc.employees:
        assert _NAME.fullmatch(person.name)
        assert_working_life(person.nip, doc.plans[0].period.start)


# --- every strategy's docstring example is true ----------------------------------------------


def _example(strategy: Any) -> str:
    doc = strategy.__doc__ or ""
    assert "Example::" in doc, f"{strategy.__name__} has no example"
    block = doc.split("Example::", 1)[1]
    lines = []
    for line in block.splitlines()[1:]:
        if line.strip() and not line.startswith(" " * 8):
            break
        lines.append(line)
    return textwrap.dedent("\n".join(lines))


def _small_given(*args: Any, **kwargs: Any) -> Any:
    def wrap(test: Any) -> Any:
        return settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))(
            hypothesis.given(*args, **kwargs)(test)
        )

    return wrap


@pytest.mark.parametrize("name", testing.__all__)
def test_the_docstring_example_of_each_strategy_is_true(name: str) -> None:
    namespace: dict[str, Any] = {
        **{n: getattr(testing, n) for n in testing.__all__},
        **{n: getattr(asn_performance, n) for n in asn_performance.__all__},
        "given": _small_given,
        "NipKind": NipKind,
        "date": dt.date,
        "ascii_letters": string.ascii_letters,
        "load_document": load_document,
        "dump_document": dump_document,
        "to_json": to_json,
    }
    code = _example(getattr(testing, name))
    exec(compile(code, f"<example of {name}>", "exec"), namespace)  # noqa: S102 - our own docs
    tests = [value for key, value in namespace.items() if key.startswith("test_")]
    assert tests, f"the example of {name} defines no test"
    for test in tests:
        test()


def test_the_names_the_examples_use_are_imported() -> None:
    # Guards the namespace above: the names the examples rely on exist where they come from.
    assert (AssessorRole, Jenjang, Position, Predikat) is not None
    assert (SupervisorDecides, WeightedSources, PerDimension) is not None
