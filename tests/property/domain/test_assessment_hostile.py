"""Hostile input to assessments and realisations: only the library's own errors escape (the property
and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hostile import OMIT, FuzzTarget, SpecTable, check_target, constructors, refusal, values
from hostile_bases import (
    DATES_NEAR,
    DATES_OK,
    NIP,
    NIPS_OK,
    NUMBERS_NEAR,
    PEJABAT,
    PERIODS_NEAR,
    PERIODS_OK,
    PLAN,
    RATINGS_OK,
    ROLES,
    TEXT_NEAR,
)

from asn_performance import Assessment, AssessorRole, CoreValue, Rating, Realisation

_SPECS: SpecTable = {
    "Realisation": (
        Realisation,
        {
            "indicator_id": (values("iki-1"), values("", " iki-1", 1)),
            "value": (values(None, "97", Decimal("12.50"), OMIT), NUMBERS_NEAR),
            "evidence": (
                values((), ("https://example.org/laporan.pdf",), ["bukti"], "satu bukti", OMIT),
                values(("",), (" ",), ("x" * 2001,), [None], [1], b"pdf", {"a": "b"}),
            ),
            "feedback": (values(None, "Bagus", OMIT), TEXT_NEAR),
        },
        None,
    ),
    "Assessment": (
        Assessment,
        {
            "plan_id": (values(PLAN.id), values("", " x")),
            "role": (values(*ROLES), values("self", "atasan")),
            "assessor": (values(NIP, PEJABAT.nip, None), NIPS_OK),
            "given_on": (DATES_OK, DATES_NEAR),
            "period": (PERIODS_OK, PERIODS_NEAR),
            "hasil_kerja": (RATINGS_OK, values("sesuai", "Di Atas Ekspektasi")),
            "perilaku_kerja": (RATINGS_OK, values("sesuai")),
            "work_result_ratings": (
                values({}, {"rhk-1": Rating.SESUAI}, OMIT),
                values(
                    {"rhk-1": "sesuai"},
                    {"": Rating.SESUAI},
                    {"x" * 101: Rating.SESUAI},
                    {1: Rating.SESUAI},
                    [("rhk-1", Rating.SESUAI)],
                    {"rhk-1": None},
                ),
            ),
            "behaviour_ratings": (
                values({}, {CoreValue.LOYAL: Rating.DI_ATAS}, OMIT),
                values(
                    {"loyal": "di_atas", "Loyal": "sesuai"},
                    {"kejujuran": "sesuai"},
                    {CoreValue.LOYAL: "baik"},
                ),
            ),
            "realisations": (
                values((), (Realisation("iki-1", "1"),), OMIT),
                values(
                    (Realisation("iki-1", "1"),) * 2,
                    [None],
                    Realisation("iki-1"),
                    "iki-1",
                    {"iki-1": 1},
                ),
            ),
            "feedback": (values(None, "Pertahankan", OMIT), TEXT_NEAR),
        },
        None,
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)


@pytest.mark.parametrize("field", ["work_result_ratings", "behaviour_ratings"])
def test_known_assessment_refuses_a_huge_rating_key(field: str) -> None:
    hostile: dict[str, Any] = {field: {10**5000: "sesuai"}}
    refusal(
        lambda: Assessment(
            plan_id=PLAN.id,
            role=AssessorRole.SELF,
            assessor=NIP,
            given_on=dt.date(2025, 12, 1),
            period=PLAN.period,
            hasil_kerja=Rating.SESUAI,
            **hostile,
        )
    )
