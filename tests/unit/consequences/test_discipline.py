"""Disciplinary penalties of PP 94/2021: typed inputs, the tunjangan cut, the career effect.

Every expected number is worked by hand in a comment next to it; none is produced by calling
the code under test. Source: our digest (regulations.md §3.4) citing [S24]: hukuman disiplin
sedang = pemotongan tunjangan kinerja 25 % for 6, 9 or 12 months.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest

from asn_performance import Appraisal, Period, Rating
from asn_performance.boundary.policy_files import dump_reward_policy, load_reward_policy
from asn_performance.consequences.allowance import (
    KEMNAKER_2025,
    PP94_SEDANG_CUTS,
    Attendance,
    DisciplinaryPenalty,
    DisciplineCut,
    DisciplineCuts,
    DisciplineLevel,
    PenaltyKind,
    compute_allowance,
)
from asn_performance.consequences.policy import (
    NATIONAL,
    REWARD_RULES,
    RewardInputs,
    RewardPolicy,
)
from asn_performance.exceptions import AsnPerformanceError, InputError, PolicyError

D = Decimal
A_, S_ = Rating.DI_ATAS, Rating.SESUAI
#: Kemnaker with the PP 94/2021 default discipline cuts (Pasal 15 is not in our sources: the
#: agency configures it; here the PP's sedang cut).
KEMNAKER_PP94 = attrs.evolve(KEMNAKER_2025, discipline=DisciplineCuts())
SEDANG_6 = DisciplinaryPenalty("pemotongan_tukin_6_bulan", dt.date(2025, 3, 1))


def test_the_kinds_carry_their_level_and_months() -> None:
    assert PenaltyKind.TEGURAN_LISAN.level is DisciplineLevel.RINGAN
    assert PenaltyKind.TUKIN_CUT_9.level is DisciplineLevel.SEDANG
    assert PenaltyKind.PEMBERHENTIAN.level is DisciplineLevel.BERAT
    # PP 94/2021 sedang: 6, 9 or 12 months [S24]
    assert [k.months for k in (PenaltyKind.TUKIN_CUT_6, PenaltyKind.TUKIN_CUT_9)] == [6, 9]
    assert PenaltyKind.TUKIN_CUT_12.months == 12
    assert PenaltyKind.TEGURAN_TERTULIS.months is None
    # only the sedang kinds are confirmed by our sources
    assert {k for k in PenaltyKind if k.confirmed} == {
        PenaltyKind.TUKIN_CUT_6,
        PenaltyKind.TUKIN_CUT_9,
        PenaltyKind.TUKIN_CUT_12,
    }


def test_a_penalty_runs_its_months_from_the_tmt() -> None:
    # TMT 1 March 2025 + 6 months = 1 September; the last day is 31 August 2025
    assert SEDANG_6.ends_on == dt.date(2025, 8, 31)
    assert SEDANG_6.months == 6
    assert SEDANG_6.in_force_on(dt.date(2025, 8, 31))
    assert not SEDANG_6.in_force_on(dt.date(2025, 9, 1))
    assert not SEDANG_6.in_force_on(dt.date(2025, 2, 28))
    assert SEDANG_6.to_dict() == {
        "kind": "pemotongan_tukin_6_bulan",
        "level": "sedang",
        "effective_from": "2025-03-01",
        "months": 6,
        "ends_on": "2025-08-31",
    }
    ringan = DisciplinaryPenalty(PenaltyKind.TEGURAN_LISAN, dt.date(2025, 3, 1))
    assert ringan.ends_on is None
    assert not ringan.in_force_on(dt.date(2025, 3, 1))  # no months: never "in force"
    dismissed = DisciplinaryPenalty("pemberhentian_dengan_hormat", dt.date(2025, 3, 1))
    assert dismissed.in_force_on(dt.date(2030, 1, 1))  # does not end


def test_kelas_10_baik_with_a_sedang_penalty_is_paid_75_percent() -> None:
    result = compute_allowance(
        KEMNAKER_PP94, 10, "baik", period=Period.month(2025, 5), penalties=(SEDANG_6,)
    )
    # performance 5,979,200 × 70 % × 100 % = 4,185,440; × 75 % = 3,139,080
    # attendance  5,979,200 × 30 % = 1,793,760;            × 75 % = 1,345,320
    # total 3,139,080 + 1,345,320 = 4,484,400 (= 5,979,200 × 75 %)
    assert result.performance == D("3139080")
    assert result.attendance == D("1345320")
    assert result.total == D("4484400")
    assert result.paid_percent == D(75)
    assert result.discipline == "pemotongan_tukin_6_bulan"
    data = result.to_dict()
    assert (data["discipline"], data["paid_percent"], data["total"]) == (
        "pemotongan_tukin_6_bulan",
        "75",
        "4484400",
    )
    assert result.steps[-2].rule.id == "TUKIN-DISCIPLINE"
    assert not result.steps[-2].rule.normative


def test_the_cut_applies_after_the_predikat_and_the_attendance_cuts_and_rounds_once() -> None:
    penalty = DisciplinaryPenalty("pemotongan_tukin_9_bulan", dt.date(2025, 1, 1))
    record = Attendance(
        days_absent=1, missing_checks=2, minutes_late_or_early=60, missed_ceremonies=1
    )
    result = compute_allowance(
        KEMNAKER_PP94,
        10,
        "butuh_perbaikan",
        record,
        period=Period.month(2025, 9),  # 1 September is the last month of 9 from 1 January
        penalties=(penalty,),
    )
    # performance 5,979,200 × 70 % × 85 % = 3,557,624; × 75 % = 2,668,218
    # cuts 3 + 2 + 0.6 + 3 = 8.6 %; attendance 1,793,760 × 91.4 % = 1,639,496.64;
    #   × 75 % = 1,229,622.48
    # net 2,668,218 + 1,229,622.48 = 3,897,840.48 → rounded once: Rp 3,897,840
    assert result.performance == D("2668218")
    assert result.attendance == D("1229622.48")
    assert result.total == D("3897840")


def test_the_cut_multiplies_a_tugas_belajar_share() -> None:
    result = compute_allowance(
        KEMNAKER_PP94,
        7,
        "baik",
        period=Period.month(2025, 4),
        status="tugas_belajar",
        penalties=(SEDANG_6,),
    )
    # 3,915,950 × 80 % (tugas belajar) × 75 % (discipline) = 3,915,950 × 60 % = 2,349,570
    assert result.paid_percent == D(60)
    assert result.total == D("2349570")


@pytest.mark.parametrize(
    ("month", "cut"),
    [(3, False), (4, True), (9, True), (10, False)],
)
def test_a_month_is_cut_when_its_first_day_is_inside_the_penalty(month: int, cut: bool) -> None:
    # TMT 15 March 2025, 6 months: the last day is 14 September 2025. First days inside:
    # 1 April ... 1 September: April to September, exactly 6 months; March and October not.
    penalty = DisciplinaryPenalty("pemotongan_tukin_6_bulan", dt.date(2025, 3, 15))
    result = compute_allowance(
        KEMNAKER_PP94, 10, "baik", period=Period.month(2025, month), penalties=(penalty,)
    )
    # cut: 5,979,200 × 75 % = 4,484,400; not cut: 5,979,200
    assert result.total == (D("4484400") if cut else D("5979200"))
    assert (result.discipline is not None) is cut


def test_two_penalties_in_a_month_take_the_larger_cut() -> None:
    setting = DisciplineCuts(
        {**PP94_SEDANG_CUTS, "penurunan_jabatan": DisciplineCut(D(50), 12)},
        citation="Contoh instansi (invented example)",
    )
    policy = attrs.evolve(KEMNAKER_2025, discipline=setting)
    berat = DisciplinaryPenalty("penurunan_jabatan", dt.date(2025, 4, 1))
    result = policy.compute(10, "baik", period=Period.month(2025, 5), penalties=(SEDANG_6, berat))
    # the larger cut, 50 %: 5,979,200 × 50 % = 2,989,600 (not 25 % + 50 %)
    assert result.total == D("2989600")
    assert result.discipline == "penurunan_jabatan"


def test_a_ringan_penalty_does_not_cut_and_a_kind_without_a_cut_is_paid_in_full() -> None:
    ringan = DisciplinaryPenalty("teguran_tertulis", dt.date(2025, 3, 1))
    plain = KEMNAKER_2025.compute(10, "baik", period=Period.month(2025, 4), penalties=(ringan,))
    assert plain.total == D("5979200")  # no discipline setting needed, nothing cut
    berat = DisciplinaryPenalty("pembebasan_jabatan", dt.date(2025, 3, 1))
    result = KEMNAKER_PP94.compute(10, "baik", period=Period.month(2025, 4), penalties=(berat,))
    assert result.total == D("5979200")  # the PP 94/2021 default cuts only the sedang kinds
    assert result.discipline is None


def test_a_policy_without_discipline_cuts_refuses_a_month_under_a_sedang_penalty() -> None:
    with pytest.raises(InputError) as caught:
        KEMNAKER_2025.compute(10, "baik", period=Period.month(2025, 4), penalties=(SEDANG_6,))
    error = caught.value
    assert (error.path, error.rule, error.value) == (
        "penalties[0]",
        "TUKIN-DISCIPLINE",
        "pemotongan_tukin_6_bulan",
    )
    assert "DisciplineCuts()" in (error.fix or "")
    # outside the penalty's months the same policy pays in full
    october = KEMNAKER_2025.compute(
        10, "baik", period=Period.month(2025, 10), penalties=(SEDANG_6,)
    )
    assert october.total == D("5979200")


def test_penalties_need_the_month() -> None:
    with pytest.raises(InputError) as caught:
        KEMNAKER_PP94.compute(10, "baik", penalties=(SEDANG_6,))
    assert (caught.value.path, caught.value.rule) == ("period", "TUKIN-DISCIPLINE")
    with pytest.raises(InputError) as caught:
        KEMNAKER_PP94.compute(10, "baik", period=Period.annual(2025), penalties=(SEDANG_6,))
    assert (caught.value.path, caught.value.value) == ("period", "2025")


@pytest.mark.parametrize(
    ("build", "path", "rule"),
    [
        (
            lambda: DisciplinaryPenalty("skorsing", dt.date(2025, 1, 1)),
            "kind",
            "DISCIPLINE-PENALTY",
        ),
        (
            lambda: DisciplinaryPenalty("pemotongan_tukin_6_bulan", dt.date(2025, 1, 1), months=7),
            "months",
            "DISCIPLINE-PENALTY",
        ),
        (
            lambda: DisciplinaryPenalty("penurunan_jabatan", dt.date(2025, 1, 1), months=0),
            "months",
            "RANGE",
        ),
        (lambda: DisciplinaryPenalty("teguran_lisan", "2025-01-01"), "effective_from", "TYPE"),
        (lambda: DisciplineCut(D(120), 6), "percent", "TUKIN-DISCIPLINE"),
        (lambda: DisciplineCut(D(25), 0), "months", "RANGE"),
        (
            lambda: DisciplineCuts({"skorsing": DisciplineCut(D(25), 6)}),
            "cuts['skorsing']",
            "DISCIPLINE-PENALTY",
        ),
        (lambda: DisciplineCuts({"teguran_lisan": 25}), "cuts['teguran_lisan']", "POLICY-TABLE"),
        (
            lambda: KEMNAKER_PP94.compute(
                10, "baik", period=Period.month(2025, 4), penalties=["x"]
            ),
            "penalties[0]",
            "TYPE",
        ),
    ],
)
def test_bad_input_names_the_field_the_value_the_rule_and_the_fix(
    build: Callable[[], object], path: str, rule: str
) -> None:
    with pytest.raises(AsnPerformanceError) as caught:
        build()
    error = caught.value
    assert (error.path, error.rule) == (path, rule)
    assert error.fix
    assert isinstance(error, (InputError, PolicyError))


def test_the_reward_policy_cuts_the_months_and_blocks_the_career(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    policy = RewardPolicy("kemnaker-pp94", "2025", allowance=KEMNAKER_PP94)
    months = [appraisal_for(S_, S_, period=Period.month(2025, m)) for m in (2, 3)]
    outcome = policy.evaluate(months, kelas=10, penalties=[SEDANG_6])
    # February: before the TMT, 5,979,200; March: first month of the penalty, 4,484,400
    assert [a.total for a in outcome.allowances] == [D("5979200"), D("4484400")]
    assert RewardInputs(kelas=10, penalties=[SEDANG_6]).evaluate(policy, months) == outcome
    assert {rule.id for rule in REWARD_RULES} >= {
        "DISCIPLINE-PENALTY",
        "TUKIN-DISCIPLINE",
        "CAREER-DISCIPLINE",
    }


def test_a_penalty_in_force_at_the_end_of_the_year_blocks_the_career_checks(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    years = [appraisal_for(A_, A_, period=Period.annual(y)) for y in (2024, 2025)]  # Sangat Baik
    free = NATIONAL.evaluate(years)
    assert all(check.eligible for check in free.career)
    # TMT 1 July 2025, 6 months: last day 31 December 2025, the end of the latest year
    sedang = DisciplinaryPenalty("pemotongan_tukin_6_bulan", dt.date(2025, 7, 1))
    blocked = NATIONAL.evaluate(years, penalties=[sedang])
    assert blocked.career
    assert not any(check.eligible for check in blocked.career)
    assert all(check.steps[-1].rule.id == "CAREER-DISCIPLINE" for check in blocked.career)
    assert any("CAREER-DISCIPLINE" in note for note in blocked.notes)
    # ended on 30 June 2025 (TMT 1 January, 6 months): nothing blocks on 31 December
    ended = DisciplinaryPenalty("pemotongan_tukin_6_bulan", dt.date(2025, 1, 1))
    assert NATIONAL.evaluate(years, penalties=[ended]).career == free.career
    # a ringan penalty is recorded, does not block (library decision)
    ringan = DisciplinaryPenalty("teguran_lisan", dt.date(2025, 12, 1))
    assert NATIONAL.evaluate(years, penalties=[ringan]).career == free.career


def test_reward_inputs_refuse_what_is_not_a_penalty() -> None:
    with pytest.raises(InputError) as caught:
        RewardInputs(penalties="pemotongan_tukin_6_bulan")
    assert (caught.value.path, caught.value.rule) == ("penalties", "TYPE")
    with pytest.raises(InputError) as caught:
        RewardInputs(innovation="yes")  # type: ignore[arg-type]
    assert caught.value.path == "innovation"


def test_the_discipline_setting_round_trips_through_a_policy_file() -> None:
    policy = RewardPolicy("kemnaker-pp94", "2025", allowance=KEMNAKER_PP94)
    dumped = dump_reward_policy(policy)
    assert dumped["allowance"]["discipline"]["cuts"]["pemotongan_tukin_9_bulan"] == {
        "percent": "25",
        "months": 9,
    }
    assert load_reward_policy(dumped) == policy
    # a policy without the setting writes none
    assert (
        "discipline"
        not in dump_reward_policy(RewardPolicy("k", "1", allowance=KEMNAKER_2025))["allowance"]
    )


def test_a_policy_file_error_in_the_discipline_table_names_its_path() -> None:
    data = dump_reward_policy(RewardPolicy("kemnaker-pp94", "2025", allowance=KEMNAKER_PP94))
    data["allowance"]["discipline"]["cuts"]["skorsing"] = {"percent": "25", "months": 6}
    with pytest.raises(AsnPerformanceError) as caught:
        load_reward_policy(data)
    assert (caught.value.path, caught.value.rule) == (
        "$.allowance.discipline.cuts.skorsing",
        "DISCIPLINE-PENALTY",
    )
    data["allowance"]["discipline"]["cuts"] = {
        "pemotongan_tukin_6_bulan": {"percent": "125", "months": 6}
    }
    with pytest.raises(AsnPerformanceError) as caught:
        load_reward_policy(data)
    assert (caught.value.path, caught.value.rule) == (
        "$.allowance.discipline.cuts.pemotongan_tukin_6_bulan.percent",
        "TUKIN-DISCIPLINE",
    )
    # a table with only the citation keeps the PP 94/2021 default cuts
    data["allowance"]["discipline"] = {"citation": "PP 94/2021 via the agency's circular"}
    assert load_reward_policy(data).allowance.discipline.cuts == PP94_SEDANG_CUTS  # type: ignore[union-attr]


def test_a_sedang_penalty_without_months_is_refused() -> None:
    # Found in review: months=None skipped the check, and the tukin cut (25 % for the kind's
    # 6 months) then never applied.
    from asn_performance.consequences._discipline import DisciplinaryPenalty, PenaltyKind
    from asn_performance.exceptions import InputError

    sedang = next(k for k in PenaltyKind if k.months == 6)
    with pytest.raises(InputError) as caught:
        DisciplinaryPenalty(sedang, dt.date(2026, 3, 1), months=None)
    assert (caught.value.path, caught.value.rule) == ("months", "DISCIPLINE-PENALTY")
    assert DisciplinaryPenalty(sedang, dt.date(2026, 3, 1)).months == 6
