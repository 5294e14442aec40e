"""Hostile input to employees and positions: only the library's own errors escape (the property and
its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

import pytest
from hostile import FuzzTarget, SpecTable, check_target, constructors, values
from hostile_bases import EMPLOYEE, NIP, NIPS_OK, PEJABAT, TEXT_NEAR, TEXT_OK

from asn_performance import Employee, Jenjang, Position, PositionKind

_SPECS: SpecTable = {
    "Position": (
        Position,
        {
            "kind": (values(*PositionKind), values("fungsional", "JF", "jpt")),
            "title": (TEXT_OK, TEXT_NEAR),
            "jenjang": (values(None, *Jenjang), values("ahli_muda", "Ahli Muda")),
        },
        None,
    ),
    "Employee": (
        Employee,
        {
            "nip": (values(NIP, PEJABAT.nip), NIPS_OK),
            "name": (TEXT_OK, TEXT_NEAR),
            "position": (values(EMPLOYEE.position, PEJABAT.position), values("pelaksana")),
            "unit": (TEXT_OK, TEXT_NEAR),
            "superior_nip": (values(None, PEJABAT.nip), values(NIP, *NIPS_OK)),
        },
        None,
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)
