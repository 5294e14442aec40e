"""Hostile input to exact numbers (:func:`~asn_performance._kit.exact.to_decimal`): only the
library's own errors escape (the property and its machinery are in :mod:`hostile`), and the bugs the
fuzzing found stay fixed.
"""

from __future__ import annotations

import pytest
from hostile import FuzzTarget, SpecTable, check_target, constructors, values
from hostile_bases import NUMBERS_NEAR, NUMBERS_OK

from asn_performance._kit.exact import to_decimal

_SPECS: SpecTable = {
    "to_decimal": (
        to_decimal,
        {
            "value": (NUMBERS_OK, NUMBERS_NEAR),
            "field": (values("x"), None),
            "allow_negative": (values(True, False), None),
        },
        None,
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)
