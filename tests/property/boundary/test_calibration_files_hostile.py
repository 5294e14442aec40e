"""Hostile input to the units and calibration documents: only the library's own errors escape (the
property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

import pytest
from hostile import FuzzTarget, check_target
from hostile_bases import DOCUMENT_BASES, UNITS_BASES, after_document
from hostile_values import json_sources

from asn_performance.boundary.calibration_files import (
    load_calibration_document,
    load_units_document,
)

TARGETS: tuple[FuzzTarget, ...] = (
    FuzzTarget(
        "load_units_document", json_sources(UNITS_BASES), load_units_document, True,
        after_document,
    ),
    FuzzTarget(
        "load_calibration_document", json_sources(UNITS_BASES | DOCUMENT_BASES),
        load_calibration_document, True, after_document,
    ),
)  # fmt: skip


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)
