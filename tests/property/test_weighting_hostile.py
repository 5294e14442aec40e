"""Hostile input to the weighting policies and guards: only the library's own errors escape (the
property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hostile import (
    OMIT,
    FuzzTarget,
    SpecTable,
    check_target,
    constructors,
    huge_key,
    refusal,
    values,
)
from hostile_bases import NUMBERS_NEAR, SAMPLE

from asn_performance import AssessorRole, Guards, PerDimension, SupervisorDecides, WeightedSources

_SPECS: SpecTable = {
    "WeightedSources": (
        WeightedSources,
        {
            "weights": (
                values(
                    {"pejabat_penilai": 60, "self": 20, "peer": 20},
                    {AssessorRole.PEJABAT_PENILAI: Decimal(1)},
                ),
                values(
                    {},
                    {"self": 100},
                    {"pejabat_penilai": 0},
                    {"pejabat_penilai": -1},
                    {"Pejabat Penilai": 1, "pejabat_penilai": 2},
                    {"boss": 1},
                    [("pejabat_penilai", 1)],
                    {"pejabat_penilai": "1e15"},
                ),
            ),
            "scale": (
                values(
                    {"di_bawah_ekspektasi": 1, "sesuai_ekspektasi": 2, "di_atas_ekspektasi": 3},
                    OMIT,
                ),
                values(
                    {},
                    {"sesuai_ekspektasi": 2},
                    {"di_bawah_ekspektasi": 3, "sesuai_ekspektasi": 2, "di_atas_ekspektasi": 1},
                ),
            ),
            "sesuai_from": (values("1.5", OMIT), NUMBERS_NEAR),
            "di_atas_from": (values("2.5", OMIT), NUMBERS_NEAR),
        },
        None,
    ),
    "PerDimension": (
        PerDimension,
        {
            "hasil_kerja": (values(SupervisorDecides(), SAMPLE.policy), values("supervisor")),
            "perilaku_kerja": (values(SupervisorDecides()), values(None, Guards())),
        },
        None,
    ),
    "Guards": (
        Guards,
        {
            "min_anonymous_responses": (values(3, 1, 1000, OMIT), values(0, 1001, -1, True, "3")),
            "anonymous_roles": (
                values(["peer", "subordinate"], (), frozenset({AssessorRole.SERVICE_USER}), OMIT),
                values(["self"], ["pejabat_penilai"], "peer", ["boss"], [None]),
            ),
        },
        None,
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)


@pytest.mark.parametrize(
    "call",
    [
        lambda: WeightedSources(huge_key()),
        lambda: WeightedSources({"pejabat_penilai": 1}, huge_key()),
    ],
)
def test_a_key_too_large_to_print_gives_a_library_error(call: Callable[[], object]) -> None:
    # Was: ValueError (int of more than 4300 digits) while formatting the error's path.
    refusal(call)
