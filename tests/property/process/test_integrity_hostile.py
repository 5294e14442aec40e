"""Hostile input to the integrity check of sealed records: only the library's own errors escape (the
property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hostile import FuzzTarget, check_target, refusal
from hostile_bases import APPRAISAL, SEALED_BASES
from hostile_values import json_sources

from asn_performance.boundary.appraisal_document import dump_result
from asn_performance.process.integrity import verify, verify_all

TARGETS: tuple[FuzzTarget, ...] = (
    FuzzTarget("integrity.verify", json_sources(SEALED_BASES), verify, True),
    FuzzTarget("integrity.verify_all", json_sources(SEALED_BASES), verify_all, True),
)  # fmt: skip


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)


@pytest.mark.parametrize("function", [verify, verify_all])
def test_known_verify_refuses_a_huge_integer(function: Callable[[Any], object]) -> None:
    record = {**dump_result(APPRAISAL), "unit": 10**5000}
    refusal(lambda: function(record))
