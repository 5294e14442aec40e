"""Hostile input to NIPs (:class:`~asn_performance.Nip`): only the library's own errors escape (the
property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

import pytest
from hostile import FuzzTarget, SpecTable, check_target, constructors
from hostile_bases import NIPS_NEAR, NIPS_OK
from hostile_values import DEEP, deep_list

from asn_performance import Nip
from asn_performance.exceptions import AsnPerformanceError

_SPECS: SpecTable = {
    "Nip": (Nip, {"digits": (NIPS_OK, NIPS_NEAR)}, None),
    "Nip.parse": (Nip.parse, {"text": (NIPS_OK + NIPS_NEAR[:4], NIPS_NEAR)}, None),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)


def test_known_one_line_survives_a_deeply_nested_value() -> None:
    with pytest.raises(AsnPerformanceError) as info:
        Nip(deep_list(DEEP))  # type: ignore[arg-type]
    assert "got <list" in info.value.one_line() or "got [[" in info.value.one_line()
