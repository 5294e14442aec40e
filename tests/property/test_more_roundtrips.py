"""Round trips for the objects with a JSON form not covered in ``test_roundtrip``: rosters,
reward policies and units documents. For each, whatever the loader accepts comes back equal
from its own dump, and the dump is plain JSON."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roundtrip import _leaves, _replace, assert_plain_json

from asn_performance import OrganisationPredikat, Roster
from asn_performance.boundary.appraisal_document import to_json
from asn_performance.boundary.calibration_files import (
    UnitsDocument,
    dump_units_document,
    load_units_document,
)
from asn_performance.boundary.cycle_document import dump_roster, load_roster
from asn_performance.boundary.policy_files import (
    dump_reward_policy,
    load_builtin_policy,
    load_reward_policy,
)
from asn_performance.consequences.distribution import UnitInput
from asn_performance.exceptions import AsnPerformanceError
from asn_performance.testing import employees, nips

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def rosters(draw: st.DrawFn) -> Roster:
    """A valid roster: distinct NIPs, each superior an earlier employee (a forest), shuffled."""
    own = draw(st.lists(nips(), min_size=1, max_size=25, unique=True))
    people = []
    for index, nip in enumerate(own):
        superior = draw(st.none() | st.sampled_from(own[:index])) if index else None
        people.append(attrs.evolve(draw(employees(nip=nip)), superior_nip=superior))
    return Roster(draw(st.permutations(people)))


@FAST
@given(rosters())
def test_a_roster_round_trips(roster: Roster) -> None:
    data = dump_roster(roster)
    assert_plain_json(data)
    assert load_roster(data) == roster
    assert load_roster(to_json(data)) == roster


@FAST
@given(rosters(), st.data())
def test_a_superior_changed_to_a_subordinate_makes_a_cycle_or_is_accepted(
    roster: Roster, data: st.DataObject
) -> None:
    dumped = dump_roster(roster)
    rows = dumped["employees"]
    index = data.draw(st.integers(0, len(rows) - 1))
    other = data.draw(st.integers(0, len(rows) - 1))
    rows[index]["superior_nip"] = rows[other]["nip"]
    loaded, error = _attempt(load_roster, dumped)
    if error is not None:
        # An employee now names themself (EMPLOYEE-SUPERIOR), or a cycle appeared.
        assert error.rule in ("ROSTER-CYCLE", "EMPLOYEE-SUPERIOR")
        assert (error.path or "").startswith("$.employees[")
    else:
        # No cycle: every chain of superiors ends at a head.
        assert isinstance(loaded, Roster)
        for employee in loaded:
            assert len(loaded.chain(employee.nip)) < len(loaded)


def _attempt(load: Any, source: object) -> tuple[Any, AsnPerformanceError | None]:
    """Call ``load``: its result and no error, or no result and the library's error."""
    try:
        return load(source), None
    except AsnPerformanceError as error:
        return None, error


_POLICIES = ("national", "kemnaker_2025", "pemda_contoh_tpp")


def _decimal_leaves(data: Any) -> list[tuple[Any, ...]]:
    found = []
    for path in _leaves(data):
        value = data
        for key in path:
            value = value[key]
        if isinstance(value, str):
            try:
                Decimal(value)
            except ArithmeticError:
                continue
            found.append(path)
    return found


@FAST
@given(st.sampled_from(_POLICIES), st.data())
def test_any_policy_the_loader_accepts_round_trips(name: str, data: st.DataObject) -> None:
    dumped = dump_reward_policy(load_builtin_policy(name))
    paths = _decimal_leaves(dumped)
    for path in data.draw(st.lists(st.sampled_from(paths), max_size=4, unique=True)):
        value = data.draw(st.decimals(0, 1000, places=2, allow_nan=False, allow_infinity=False))
        dumped = _replace(dumped, path, str(value))
    policy, error = _attempt(load_reward_policy, dumped)
    if error is not None:
        assert error.rule
        return
    again = dump_reward_policy(policy)
    assert_plain_json(again)
    assert load_reward_policy(again) == policy
    assert load_reward_policy(json.dumps(again)) == policy


@st.composite
def units_documents(draw: st.DrawFn) -> UnitsDocument:
    units = draw(
        st.lists(
            st.builds(
                UnitInput,
                st.text(min_size=1, max_size=20).filter(str.strip),
                st.sampled_from(OrganisationPredikat),
                st.tuples(*[st.integers(0, 50)] * 5),
            ),
            max_size=8,
        )
    )
    title = draw(st.none() | st.text(min_size=1, max_size=30).filter(str.strip))
    return UnitsDocument(tuple(units), title)


@FAST
@given(units_documents())
def test_a_units_document_round_trips(document: UnitsDocument) -> None:
    data = dump_units_document(document)
    assert_plain_json(data)
    assert load_units_document(data) == document
    assert load_units_document(json.dumps(data)) == document
