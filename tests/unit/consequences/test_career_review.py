"""Review of issue 13 item 4 (career data): hostile input, the reward policy with career data,
and its JSON against the published ``rewards`` schema.

Every expected value is worked by hand in a comment (the calendar and the tables of
docs/explanation/career.md: PP 99/2000 Lampiran as amended by PP 12/2002; PerBKN 3/2023 model
konversi, our digest §5.2; the NIP layout of Perka BKN 22/2007, digest §7).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator

from asn_performance import (
    Appraisal,
    Employee,
    Golongan,
    GolonganPppk,
    Jenjang,
    Nip,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Rating,
)
from asn_performance.boundary.appraisal_document import dump_rewards
from asn_performance.boundary.schemas import json_schema
from asn_performance.consequences.career import (
    jenjang_promotion_eligible,
    pangkat_date,
    pangkat_reguler_eligible,
)
from asn_performance.consequences.policy import NATIONAL
from asn_performance.exceptions import InputError

PNS = Nip("198609262015051001")  # born 1986-09-26, TMT CPNS 2015-05-01
PPPK = Nip("200012312024211001")  # born 2000-12-31, appointed as PPPK in 2024
PELAKSANA = Position(PositionKind.PELAKSANA, "Pengadministrasi Umum")
PRANATA = Position(PositionKind.FUNGSIONAL, "Pranata Komputer", Jenjang.AHLI_PERTAMA)

MakePlan = Callable[..., PerformancePlan]


def pns(**career: Any) -> Employee:
    return Employee(PNS, "Rina", PELAKSANA, "Bagian Umum", **career)


def masa(check: Any) -> dict[str, str]:
    step = next(s for s in check.steps if s.rule.id == "CAREER-PANGKAT-MASA")
    return dict(step.inputs) | {"output": step.output}


# --- the count of years in the pangkat -------------------------------------------------------


def test_a_day_before_the_tmt_holds_no_time_in_the_pangkat() -> None:
    # TMT 2021-04-01, asked about 2020-01-01: 15 months before the TMT. Before the fix the step
    # read "-1 years -3 months 0 days".
    check = pangkat_reguler_eligible(
        ["baik", "baik"], employee=pns(tmt_pangkat=dt.date(2021, 4, 1)), on=dt.date(2020, 1, 1)
    )
    assert not check.eligible
    shown = masa(check)
    assert shown["in the pangkat"] == "none: 2020-01-01 is before the TMT pangkat"
    assert shown["output"] == "not long enough"


def test_month_ends_are_counted_by_the_calendar() -> None:
    # TMT 2021-08-31, on 2025-08-30: 2021-08-31 -> 2024-08-31 is 3 years, -> 2025-07-31 is 11
    # months, -> 2025-08-30 is 30 days: 3 years 11 months 30 days, one day short of
    # 2025-08-31 (the same day and month four years on).
    e = pns(golongan=Golongan.II_A, tmt_pangkat=dt.date(2021, 8, 31))
    short = pangkat_reguler_eligible(["baik", "baik"], employee=e, on=dt.date(2025, 8, 30))
    assert masa(short)["in the pangkat"] == "3 years 11 months 30 days"
    assert masa(short)["4 years on"] == "2025-08-31"
    assert not short.eligible
    assert pangkat_reguler_eligible(["baik", "baik"], employee=e, on=dt.date(2025, 8, 31))


def test_a_leap_day_tmt_in_a_century_year() -> None:
    # 2096 is a leap year; 2100 is not (divisible by 100, not by 400): 2096-02-29 + 4 years
    # is 2100-02-28 (D20), and on that day the count is 4 years 0 months 0 days.
    assert pangkat_date(dt.date(2096, 2, 29)) == dt.date(2100, 2, 28)
    e = pns(golongan=Golongan.III_A, tmt_pangkat=dt.date(2096, 2, 29))
    on_day = pangkat_reguler_eligible(["baik", "baik"], employee=e, on=dt.date(2100, 2, 28))
    assert on_day.eligible
    assert masa(on_day)["in the pangkat"] == "4 years 0 months 0 days"
    day_before = pangkat_reguler_eligible(["baik", "baik"], employee=e, on=dt.date(2100, 2, 27))
    assert not day_before.eligible


def test_four_years_past_the_last_date_never_end() -> None:
    # TMT 9998-01-01 + 4 years = 10002: past 9999-12-31. Before the fix: a bare ValueError.
    e = pns(golongan=Golongan.IV_E, tmt_pangkat=dt.date(9998, 1, 1))
    check = pangkat_reguler_eligible(["baik", "baik"], employee=e, on=dt.date(9999, 12, 31))
    assert not check.eligible
    assert masa(check)["4 years on"] == "after 9999-12-31"
    with pytest.raises(InputError) as caught:
        pangkat_date(dt.date(9998, 1, 1))
    assert (caught.value.rule, caught.value.path) == ("CAREER-PANGKAT-MASA", "tmt_pangkat")


@pytest.mark.parametrize(
    ("args", "path", "rule"),
    [
        (("2021-04-01",), "tmt_pangkat", "TYPE"),
        ((dt.datetime(2021, 4, 1, 8, 0),), "tmt_pangkat", "TYPE"),  # noqa: DTZ001
        ((dt.date(2021, 4, 1), 0), "years", "RANGE"),
        ((dt.date(2021, 4, 1), "4"), "years", "TYPE"),
    ],
)
def test_pangkat_date_refuses_what_is_not_a_date_or_a_count(
    args: tuple[Any, ...], path: str, rule: str
) -> None:
    with pytest.raises(InputError) as caught:
        pangkat_date(*args)
    assert (caught.value.path, caught.value.rule) == (path, rule)


# --- the employee's dates ----------------------------------------------------------------------


def test_a_pppk_tmt_jabatan_before_its_year_of_appointment_or_birth() -> None:
    # NI 20001231 2024 2 1 1 001: born 2000-12-31, appointed in 2024 -> not before 2024-01-01.
    def pppk(day: dt.date) -> Employee:
        return Employee(PPPK, "Budi", PRANATA, "Bagian Umum", tmt_jabatan=day)

    assert pppk(dt.date(2024, 1, 1)).tmt_jabatan == dt.date(2024, 1, 1)
    with pytest.raises(InputError) as early:
        pppk(dt.date(2023, 12, 31))
    assert (early.value.path, early.value.rule) == ("tmt_jabatan", "EMPLOYEE-TMT-ORDER")
    assert "year of appointment (2024-01-01" in early.value.message
    with pytest.raises(InputError) as unborn:
        pppk(dt.date(1900, 1, 1))  # before the birth on 2000-12-31
    assert "before the birth date (2000-12-31" in unborn.value.message
    assert unborn.value.fix == "give a tmt_jabatan on or after 2024-01-01"


def test_a_tmt_before_the_birth_of_a_nip_whose_tmt_precedes_it() -> None:
    # 20150926 198605 1 001: born 2015-09-26, "TMT CPNS" 1986-05 -- Nip does not refuse it
    # (digest §7.3: an UNCONFIRMED plausibility check). A tmt_jabatan of 2000-01-01 is after
    # the NIP's TMT but before the birth: refused.
    odd = Nip("201509261986051001")
    with pytest.raises(InputError) as caught:
        Employee(odd, "X", PELAKSANA, "U", tmt_jabatan=dt.date(2000, 1, 1))
    assert caught.value.rule == "EMPLOYEE-TMT-ORDER"
    assert "birth date (2015-09-26" in caught.value.message
    assert caught.value.fix == "give a tmt_jabatan on or after 2015-09-26"


def test_every_problem_of_a_pppk_together() -> None:
    # golongan (a PNS ruang), tmt_pangkat (no pangkat), tmt_jabatan (before 2024), tmt_cpns (no
    # CPNS): four problems, in the field order golongan, tmt_pangkat, tmt_jabatan, tmt_cpns.
    with pytest.raises(InputError) as caught:
        Employee(
            PPPK,
            "Budi",
            PRANATA,
            "U",
            golongan=Golongan.III_A,
            tmt_pangkat=dt.date(2024, 4, 1),
            tmt_jabatan=dt.date(2020, 1, 1),
            tmt_cpns=dt.date(2024, 1, 1),
        )
    assert [(p.path, p.rule) for p in caught.value.problems] == [
        ("golongan", "EMPLOYEE-GOLONGAN-KIND"),
        ("tmt_pangkat", "EMPLOYEE-GOLONGAN-KIND"),
        ("tmt_jabatan", "EMPLOYEE-TMT-ORDER"),
        ("tmt_cpns", "EMPLOYEE-TMT-CPNS"),
    ]


# --- jenjang of a PPPK -------------------------------------------------------------------------


def test_a_pppk_golongan_is_not_missing_from_the_jenjang_check() -> None:
    # A PPPK holds no golongan ruang: before the fix the check named "golongan" as missing, a
    # field the Employee refuses for a PPPK.
    budi = Employee(PPPK, "Budi", PRANATA, "U", golongan_pppk=GolonganPppk.IX)
    check = jenjang_promotion_eligible("baik", employee=budi)
    assert check.missing == ("ak_kumulatif",)
    step = next(s for s in check.steps if s.rule.id == "CAREER-JENJANG-PANGKAT")
    assert step.output == "not checked: a PPPK holds no golongan ruang"
    assert check.next_jenjang is Jenjang.AHLI_MUDA


# --- the reward policy -------------------------------------------------------------------------


def rewards_problems(instance: object) -> list[str]:
    validator = Draft202012Validator(
        json_schema("rewards"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


@pytest.fixture
def two_years(
    appraisal_for: Callable[..., Appraisal], make_plan: MakePlan
) -> Callable[[Employee], list[Appraisal]]:
    def build(employee: Employee) -> list[Appraisal]:
        return [
            appraisal_for(
                Rating.SESUAI,
                Rating.SESUAI,  # Sesuai x Sesuai: Baik
                plan=make_plan(id=f"skp-{y}-x", employee=employee, period=Period.annual(y)),
            )
            for y in (2024, 2025)
        ]

    return build


def test_the_policy_with_career_data_shows_each_step_and_validates(
    two_years: Callable[[Employee], list[Appraisal]], unit: Any
) -> None:
    # Budi: Ahli Muda (III/c-III/d), III/c since 2021-10-01, Baik in 2024 and 2025. The policy
    # asks about the last day of 2025: 2021-10-01 -> 2025-10-01 (4 years) -> 2025-12-01 (2
    # months) -> 2025-12-31 (30 days): long enough; next III/d, Penata Tingkat I. Jenjang: next
    # Ahli Madya, III/c within the range, no AK kumulatif given (the policy passes none).
    budi = attrs.evolve(unit.employee, golongan=Golongan.III_C, tmt_pangkat=dt.date(2021, 10, 1))
    outcome = NATIONAL.evaluate(two_years(budi))
    by_rule = {c.rule: c for c in outcome.career}
    pangkat = by_rule["D11-PANGKAT-REGULER"]
    assert pangkat.eligible
    assert pangkat.unconfirmed
    assert pangkat.on == dt.date(2025, 12, 31)
    assert pangkat.next_golongan is Golongan.III_D
    assert [s.rule.id for s in pangkat.steps] == [
        "D11-PANGKAT-REGULER",
        "CAREER-PANGKAT-MASA",
        "CAREER-PANGKAT-NEXT",
    ]
    assert masa(pangkat)["in the pangkat"] == "4 years 2 months 30 days"
    jenjang = by_rule["CAREER-JENJANG"]
    assert jenjang.next_jenjang is Jenjang.AHLI_MADYA
    assert jenjang.missing == ("ak_kumulatif",)
    assert [s.rule.id for s in jenjang.steps] == [
        "CAREER-JENJANG",
        "CAREER-JENJANG-NEXT",
        "CAREER-JENJANG-PANGKAT",
        "CAREER-DATA-MISSING",
    ]
    record = dump_rewards(NATIONAL, [outcome])
    assert rewards_problems(record) == []
    career = {c["rule"]: c for c in record["outcomes"][0]["career"]}
    assert career["D11-PANGKAT-REGULER"]["on"] == "2025-12-31"
    assert career["D11-PANGKAT-REGULER"]["next_golongan"] == "III/d"
    assert career["CAREER-JENJANG"]["missing"] == ["ak_kumulatif"]
    assert career["CAREER-JENJANG"]["next_jenjang"] == "ahli_madya"
    # The schema refuses a golongan that is not a ruang.
    career["D11-PANGKAT-REGULER"]["next_golongan"] = "III/e"
    assert rewards_problems(record)


def test_the_policy_without_career_data_writes_what_it_always_wrote(
    two_years: Callable[[Employee], list[Appraisal]], unit: Any
) -> None:
    outcome = NATIONAL.evaluate(two_years(unit.employee))
    record = dump_rewards(NATIONAL, [outcome])
    assert rewards_problems(record) == []
    for check in record["outcomes"][0]["career"]:
        assert set(check) == {"rule", "question", "eligible", "predikat", "unconfirmed", "citation"}
    for check in outcome.career:
        assert "CAREER-DATA-MISSING" not in [s.rule.id for s in check.steps]


def test_the_policy_at_iv_e_and_for_a_pppk(
    two_years: Callable[[Employee], list[Appraisal]], unit: Any
) -> None:
    # IV/e since 2016: long enough, but no next pangkat: not eligible; no next_golongan key.
    top = attrs.evolve(unit.employee, golongan=Golongan.IV_E, tmt_pangkat=dt.date(2016, 4, 1))
    outcome = NATIONAL.evaluate(two_years(top))
    pangkat = next(c for c in outcome.career if c.rule == "D11-PANGKAT-REGULER")
    assert not pangkat.eligible
    record = dump_rewards(NATIONAL, [outcome])
    assert rewards_problems(record) == []
    written = next(c for c in record["outcomes"][0]["career"] if c["rule"] == pangkat.rule)
    assert "next_golongan" not in written
    # A PPPK JF with its grade: no pangkat check (a note), the jenjang check misses only the AK.
    rina = Employee(
        PPPK,
        "Rina",
        PRANATA,
        unit.employee.unit,
        superior_nip=unit.supervisor.nip,
        golongan_pppk=GolonganPppk.IX,
        tmt_jabatan=dt.date(2024, 1, 2),
    )
    outcome = NATIONAL.evaluate(two_years(rina))
    jenjang = next(c for c in outcome.career if c.rule == "CAREER-JENJANG")
    assert jenjang.missing == ("ak_kumulatif",)
    assert "pangkat reguler: a PPPK holds no pangkat" in outcome.notes
    assert rewards_problems(dump_rewards(NATIONAL, [outcome])) == []
