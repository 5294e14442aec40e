"""Hostile input to the reward policies, their rules and inputs: only the library's own errors
escape (the property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay
fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

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
from hostile_bases import (
    APPRAISAL,
    DATES_NEAR,
    KEMNAKER_POLICY,
    NUMBERS_NEAR,
    PREDIKAT_CODES,
    SAMPLE_APPRAISALS,
    TEXT_NEAR,
    after_inputs,
    after_outcome,
    after_policy_object,
    after_rule,
)

from asn_performance import Jenjang, Period, Predikat
from asn_performance.consequences.allowance import (
    KEMNAKER_2025,
    AllowancePolicy,
    Attendance,
    AttendanceCuts,
)
from asn_performance.consequences.angka_kredit import AkMinimum
from asn_performance.consequences.policy import (
    NATIONAL,
    AngkaKreditRule,
    CareerRule,
    ConsequenceRule,
    DevelopmentRule,
    RecognitionRule,
    RewardInputs,
    RewardPolicy,
)


def _evaluate(policy: RewardPolicy, **kwargs: Any) -> object:
    return policy.evaluate(**kwargs)


_SPECS: SpecTable = {
    "Attendance": (
        Attendance,
        {
            name: (values(0, 1, 30, OMIT), values(-1, True, "1", 1.0, 10**6, 10**9))
            for name in (
                "days_absent",
                "missing_checks",
                "minutes_late_or_early",
                "missed_ceremonies",
            )
        },
        None,
    ),
    "RewardInputs": (
        RewardInputs,
        {
            "kelas": (values(None, 7, 17, OMIT), values(0, -1, True, "7", 7.0, 1000, 10**6)),
            "attendance": (
                values({}, {"2025-03": Attendance(days_absent=1)}, OMIT),
                values(
                    {"2025": Attendance()},
                    {"2025-13": Attendance()},
                    {"2025-03": None},
                    {"2025-03": Attendance(), "2025-3": Attendance()},
                    {Period.month(2025, 3): Attendance(), "2025-03": Attendance()},
                    [Attendance()],
                    Attendance(),
                ),
            ),
            "prior_angka_kredit": (values(0, "12.5", OMIT), NUMBERS_NEAR),
            "result_received_on": (values(None, dt.date(2026, 1, 15), OMIT), DATES_NEAR),
        },
        after_inputs,
    ),
    "AttendanceCuts": (
        AttendanceCuts,
        {
            "per_day_absent": (values(3, "3"), NUMBERS_NEAR),
            "per_missing_check": (values(1), NUMBERS_NEAR),
            "per_minute": (values("0.01"), NUMBERS_NEAR),
            "per_missed_ceremony": (values(3), NUMBERS_NEAR),
            "cap": (values(100, 50, OMIT), values(101, "100.0001", -1)),
        },
        None,
    ),
    "AllowancePolicy": (
        AllowancePolicy,
        {
            "name": (values("tukin"), TEXT_NEAR),
            "version": (values("2025"), TEXT_NEAR),
            "base": (
                values({7: "3915950", 1: 1000000}, dict(KEMNAKER_2025.base)),
                values({}, {0: 1}, {"7": 1}, {7: -1}, {True: 1}, {7.0: 1}, {1000: 1}, [7]),
            ),
            "performance_share": (values(70, "70"), values(71, -70, "170")),
            "performance_percentage": (
                values(dict.fromkeys(PREDIKAT_CODES, 100)),
                values({"baik": 100}, {**dict.fromkeys(PREDIKAT_CODES, 100), "Baik": 90}),
            ),
            "attendance_share": (values(30), values(29, -30, "130")),
            "cuts": (values(KEMNAKER_2025.cuts), values({"per_day_absent": 3})),
            "citation": (values("Permenaker 15/2024"), TEXT_NEAR),
            "note": (values("", "catatan", OMIT), TEXT_NEAR),
            "pay_rounded_components": (values(True, False, OMIT), values(1, "true", None)),
        },
        None,
    ),
    "AkMinimum": (
        AkMinimum,
        {
            "pangkat": (values(Decimal(100), Decimal("12.5")), NUMBERS_NEAR),
            "jenjang": (values(None, Decimal(200)), NUMBERS_NEAR),
        },
        None,
    ),
    "AngkaKreditRule": (
        AngkaKreditRule,
        {
            "percentages": (
                values(OMIT, dict.fromkeys(PREDIKAT_CODES, 100)),
                values({"baik": 100}, dict.fromkeys(PREDIKAT_CODES, -1)),
            ),
            "koefisien": (
                values(OMIT, {j.code: 10 for j in Jenjang}),
                values({"ahli_muda": 25}, {j.code: "x" for j in Jenjang}),
            ),
            "minimum": (
                values(OMIT, {j.code: AkMinimum(Decimal(10), None) for j in Jenjang}),
                values(
                    {"ahli_muda": AkMinimum(Decimal(1), None)}, {j.code: (1, 2) for j in Jenjang}
                ),
            ),
        },
        after_rule("angka_kredit"),
    ),
    "CareerRule": (
        CareerRule,
        {
            "minimum": (values("baik", Predikat.SANGAT_BAIK, OMIT), values("bagus", 1)),
            "pangkat_reguler": (values(True, False, OMIT), values(1, "false")),
            "succession_years": (values(2, 3, OMIT), values(0, -1, True, 10**6, "2")),
        },
        after_rule("career"),
    ),
    "RecognitionRule": (
        RecognitionRule,
        {
            "for_predikat": (values(["sangat_baik"], (), OMIT), values("sangat_baik", [1])),
            "items": (values(["certificate"], (), OMIT), values("certificate", ["medal"])),
        },
        after_rule("recognition"),
    ),
    "DevelopmentRule": (
        DevelopmentRule,
        {"for_predikat": (values(["kurang"], (), OMIT), values("kurang", ["bad"], None))},
        after_rule("development"),
    ),
    "ConsequenceRule": (
        ConsequenceRule,
        {
            "improvement_months": (values(6, 3, OMIT), values(0, -1, True, 10**6, 10**9)),
            "placement_years": (values(1, 2, OMIT), values(0, -1, 10**5, 10**9)),
            "pembinaan_for": (values(["kurang"], (), OMIT), values("kurang", [None])),
            "administrative_sanction": (values(True, False, OMIT), values(1, "no")),
        },
        after_rule("consequences"),
    ),
    "RewardPolicy": (
        RewardPolicy,
        {
            "name": (values("kebijakan"), TEXT_NEAR),
            "version": (values("1"), TEXT_NEAR),
            "angka_kredit": (values(AngkaKreditRule(), None, OMIT), values({})),
            "allowance": (values(KEMNAKER_2025, None, OMIT), values("kemnaker")),
            "career": (values(CareerRule(), None, OMIT), values(True)),
            "recognition": (values(RecognitionRule(), None, OMIT), values(DevelopmentRule())),
            "development": (values(DevelopmentRule(), None, OMIT), values(["kurang"])),
            "consequences": (values(ConsequenceRule(), None, OMIT), values(CareerRule())),
            "description": (values("", "uraian", OMIT), TEXT_NEAR),
        },
        after_policy_object,
    ),
    "RewardPolicy.evaluate": (
        _evaluate,
        {
            "policy": (values(NATIONAL, KEMNAKER_POLICY), None),
            "appraisals": (
                values(APPRAISAL, [APPRAISAL]),
                values([], [APPRAISAL, APPRAISAL], SAMPLE_APPRAISALS[:2], [None], "x"),
            ),
            "jenjang": (values(None, "ahli_muda", OMIT), values("ahli", Jenjang)),
            "prior_angka_kredit": (values(0, "10", OMIT), NUMBERS_NEAR),
            "kelas": (values(7, None, OMIT), values(0, 18, 1000, 10**6, True, "7")),
            "attendance": (
                values(None, Attendance(), {"2025-03": Attendance()}, OMIT),
                values({"2025": Attendance()}, [Attendance()]),
            ),
            "result_received_on": (values(None, dt.date(2026, 1, 15), OMIT), DATES_NEAR),
        },
        after_outcome,
    ),
}

TARGETS: tuple[FuzzTarget, ...] = (*constructors(_SPECS),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)


@pytest.mark.parametrize(
    "call",
    [
        lambda: AngkaKreditRule(percentages=huge_key()),
        lambda: AngkaKreditRule(minimum=huge_key(AkMinimum(1, 1))),
        lambda: RewardInputs(attendance=huge_key(Attendance())),
    ],
)
def test_a_key_too_large_to_print_gives_a_library_error(call: Callable[[], object]) -> None:
    # Was: ValueError (int of more than 4300 digits) while formatting the error's path.
    refusal(call)


def test_an_allowance_table_keyed_by_a_huge_number_is_refused_at_its_key() -> None:
    error = refusal(
        lambda: AllowancePolicy(
            "tukin",
            "1",
            {10**5000: 1},
            70,
            dict.fromkeys(PREDIKAT_CODES, 100),
            30,
            KEMNAKER_2025.cuts,
            "c",
        )
    )
    assert error.path == "base[<int>]"


@pytest.mark.parametrize(
    ("pangkat", "jenjang"),
    [("x", None), (Decimal(-5), None), (Decimal("NaN"), None), (1, "x"), ({(1, 2): 1}, None)],
)
def test_an_ak_minimum_holds_exact_non_negative_numbers(pangkat: object, jenjang: object) -> None:
    # Was: AkMinimum("x", None) built, and failed later (TypeError) when a minimum was checked.
    refusal(lambda: AkMinimum(pangkat, jenjang))
    assert AkMinimum(100, "200") == AkMinimum(Decimal(100), Decimal(200))


@pytest.mark.parametrize(
    "call",
    [
        lambda: ConsequenceRule(improvement_months=10**6),
        lambda: ConsequenceRule(placement_years=10**9),
        lambda: ConsequenceRule(improvement_months=10**5000),
        lambda: CareerRule(succession_years=10**5000),
        lambda: Attendance(days_absent=10**5000),
        lambda: RewardInputs(kelas=10**5000),
        lambda: RewardInputs(kelas=1000),
        lambda: RewardInputs(result_received_on=dt.date(9999, 12, 31)),
        lambda: RewardInputs(result_received_on=dt.date(1, 1, 1)),
    ],
)
def test_a_number_or_date_beyond_any_real_one_is_refused(call: Callable[[], object]) -> None:
    # Was: accepted, then OverflowError / ValueError ("year 1000002026 is out of range", "date
    # value out of range") when the timeline was computed -- exit 70 from `rewards` -- or an
    # object whose repr() raised.
    error = refusal(call)
    assert error.rule in ("RANGE", "POLICY-TABLE")
