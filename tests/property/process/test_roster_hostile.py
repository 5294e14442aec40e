"""Hostile input to rosters: only the library's own errors escape (the property and its machinery
are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

import attrs
import pytest
from hostile import FuzzTarget, SpecTable, check_target, constructors, values
from hostile_bases import EMPLOYEE, NIP, PEJABAT, SAMPLE, after_dump

from asn_performance import Roster
from asn_performance.boundary.appraisal_document import dump_roster

_SPECS: SpecTable = {
    "Roster": (
        Roster,
        {
            "employees": (
                values(SAMPLE.employees, list(SAMPLE.employees), ()),
                values(
                    SAMPLE.employees * 2,
                    SAMPLE.employees[1:],
                    [None],
                    EMPLOYEE,
                    {"a": EMPLOYEE},
                    "employees",
                    (attrs.evolve(EMPLOYEE, superior_nip=NIP.__class__("199001012019032001")),),
                    (
                        attrs.evolve(PEJABAT, superior_nip=NIP),
                        attrs.evolve(EMPLOYEE, superior_nip=PEJABAT.nip),
                    ),
                ),
            )
        },
        after_dump(dump_roster),
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)
