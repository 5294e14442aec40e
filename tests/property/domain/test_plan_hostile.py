"""Hostile input to plans (SKP), their work results, indicators and targets: only the library's own
errors escape (the property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found
stay fixed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hostile import OMIT, FuzzTarget, SpecTable, check_target, constructors, values
from hostile_bases import (
    EMPLOYEE,
    NIP,
    NUMBERS_NEAR,
    NUMBERS_OK,
    PEJABAT,
    PERIODS_NEAR,
    PERIODS_OK,
    PLAN,
    TEXT_NEAR,
    TEXT_OK,
)

from asn_performance import (
    Approach,
    Aspect,
    BehaviourExpectation,
    CoreValue,
    Direction,
    Indicator,
    PerformancePlan,
    Target,
    WorkResult,
    WorkResultKind,
)

_SPECS: SpecTable = {
    "Target": (
        Target,
        {
            "lower": (NUMBERS_OK, NUMBERS_NEAR),
            "upper": (values(None, "1000", Decimal("100.5")), NUMBERS_NEAR),
            "unit": (values("", "%", "dokumen", OMIT), TEXT_NEAR),
        },
        None,
    ),
    "Target.value": (
        Target.value,
        {"value": (NUMBERS_OK, NUMBERS_NEAR), "unit": (values("%", OMIT), TEXT_NEAR)},
        None,
    ),
    "Target.range": (
        Target.range,
        {
            "lower": (values("80", 0), NUMBERS_NEAR),
            "upper": (values("90", 100), NUMBERS_NEAR + values("80", 0)),
            "unit": (values("%"), TEXT_NEAR),
        },
        None,
    ),
    "Indicator": (
        Indicator,
        {
            "id": (values("iki-1", "a.b_c-9"), values("", " iki", "iki\n", "x" * 101, "\x00", 1)),
            "text": (TEXT_OK, TEXT_NEAR),
            "target": (values(Target.value(4, "dokumen"), Target.range(80, 90)), values("4")),
            "aspect": (values(*Aspect, OMIT), values("kuantitas", "Quantity")),
            "direction": (values(*Direction, OMIT), values("lower", "higher")),
        },
        None,
    ),
    "WorkResult": (
        WorkResult,
        {
            "id": (values("rhk-1"), values("", "rhk 1 ", "\u200b", 7)),
            "text": (TEXT_OK, TEXT_NEAR),
            "indicators": (
                values(PLAN.work_results[0].indicators, list(PLAN.work_results[0].indicators)),
                values(
                    (),
                    [None],
                    PLAN.work_results[0].indicators[0],
                    "iki-1",
                    PLAN.work_results[0].indicators * 2,
                ),
            ),
            "kind": (values(*WorkResultKind, OMIT), values("utama")),
            "leader_work_result": (values(None, "RHK pimpinan", OMIT), TEXT_NEAR),
        },
        None,
    ),
    "BehaviourExpectation": (
        BehaviourExpectation,
        {
            "value": (values(*CoreValue), values("loyal", "Loyal")),
            "special_expectation": (values(None, "Tepat waktu", OMIT), TEXT_NEAR),
        },
        None,
    ),
    "PerformancePlan": (
        PerformancePlan,
        {
            "id": (values(PLAN.id, "skp-x"), values("", " skp", "x" * 101)),
            "employee": (values(EMPLOYEE), values(PEJABAT, NIP, None)),
            "pejabat_penilai": (values(PEJABAT), values(EMPLOYEE, PEJABAT.nip)),
            "period": (PERIODS_OK, PERIODS_NEAR),
            "work_results": (
                values(PLAN.work_results, list(PLAN.work_results)),
                values(
                    (),
                    PLAN.work_results * 2,
                    PLAN.work_results[0],
                    [None],
                    tuple(w for w in PLAN.work_results if w.kind is WorkResultKind.TAMBAHAN),
                ),
            ),
            "behaviours": (
                values(PLAN.behaviours, OMIT),
                values((), PLAN.behaviours[:-1], PLAN.behaviours * 2, ["loyal"]),
            ),
            "atasan_pejabat_penilai": (
                values(None, PLAN.atasan_pejabat_penilai, OMIT),
                values(EMPLOYEE, PEJABAT),
            ),
            "approach": (values(*Approach, OMIT), values("kuantitatif")),
            "leads_unit": (values(False, True, OMIT), values(0, 1, "true", None)),
        },
        None,
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)
