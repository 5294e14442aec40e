"""RewardPolicy, RewardOutcome and RewardInputs (asn_performance.consequences.policy).

Every expected number is worked by hand in a comment next to it; none is produced by calling
the code under test. Golden files (tests/golden/rewards/) hold the digest's worked examples
with their sources.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from asn_performance import (
    Appraisal,
    Employee,
    Jenjang,
    Nip,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Predikat,
    Rating,
)
from asn_performance.consequences.allowance import (
    KEMNAKER_2025,
    Attendance,
)
from asn_performance.consequences.angka_kredit import (
    angka_kredit,
)
from asn_performance.consequences.policy import (
    NATIONAL,
    REWARD_RULES,
    AngkaKreditRule,
    CareerRule,
    ConsequenceRule,
    RecognitionRule,
    RewardPolicy,
    render_steps,
)
from asn_performance.exceptions import (
    AsnPerformanceError,
    InputError,
    PolicyError,
)

GOLDEN = Path(__file__).parent.parent.parent / "golden" / "rewards"

MakePlan = Callable[..., PerformancePlan]

SB, B, BP, K, SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)
A_, S_, B_ = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
D = Decimal


def test_monthly_appraisals_give_monthly_allowances_and_prorated_angka_kredit(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    months = [
        appraisal_for(S_, S_, period=Period.month(2025, 1)),  # Baik
        appraisal_for(B_, S_, period=Period.month(2025, 2)),  # Butuh Perbaikan
        appraisal_for(S_, A_, period=Period.month(2025, 3)),  # Baik
    ]
    policy = RewardPolicy("kemnaker-contoh", "2025", allowance=KEMNAKER_2025)
    outcome = policy.evaluate(
        list(reversed(months)),  # any order
        kelas=7,
        attendance={"2025-02": Attendance(minutes_late_or_early=12), "2025-01": Attendance()},
    )
    assert outcome.periods == ("2025-01", "2025-02", "2025-03")
    # Kelas 7: a Baik month with no cuts pays 3,915,950 × 70 % + 3,915,950 × 30 % = 3,915,950;
    # February (Butuh Perbaikan, 12 minutes): 2,329,990.25 + 1,173,375.258 = 3,503,365.508,
    # rounded once (the Kemnaker policy pays the net amount rounded) → 3,503,366.
    assert [a.total for a in outcome.allowances] == [D(3_915_950), D(3_503_366), D(3_915_950)]
    assert "allowance 2025-03: no attendance record; no cuts applied" in outcome.notes
    # Ahli Muda: Baik 1/12 × 100 % × 25 = 25/12 = 2.0833… (shown 2.08); Butuh Perbaikan
    # 1/12 × 75 % × 25 = 1.5625 (shown 1.56). Carried 25/12 + 1.5625 + 25/12 = 5.7291… → 5.73;
    # per-period shown 2.08 + 1.56 + 2.08 = 5.72.
    total = outcome.angka_kredit_total
    assert total is not None
    assert total.shown == D("5.73")
    assert total.sum_of_shown == D("5.72")
    assert outcome.career == ()
    assert any("no annual appraisal" in note for note in outcome.notes)
    # The latest month is Baik: nothing else follows.
    assert outcome.recognition is None
    assert outcome.development is None
    assert outcome.consequences is None


def test_a_weak_year_gives_development_and_consequences(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    appraisal = appraisal_for(B_, S_, work_result_ratings={"rhk-2": B_})
    policy = attrs.evolve(NATIONAL, consequences=ConsequenceRule(administrative_sanction=True))
    outcome = policy.evaluate(appraisal, result_received_on=dt.date(2026, 1, 15))
    assert outcome.development is not None
    assert outcome.development.work_results[0][0] == "rhk-2"
    assert outcome.consequences is not None
    assert outcome.consequences.timeline is not None
    assert outcome.consequences.timeline.improvement_until == dt.date(2026, 7, 15)
    assert not outcome.consequences.pembinaan  # Butuh Perbaikan is not in the pembinaan set
    career = {c.rule: c.eligible for c in outcome.career}
    assert career == {"CAREER-JENJANG": False, "CAREER-SUCCESSION": False}
    assert any("pangkat reguler" in note for note in outcome.notes)
    text = outcome.explain()
    assert "PP 30/2019 Pasal 56-58" in text
    assert "PermenPANRB 1/2023 Pasal 36" in text
    data = outcome.to_dict()
    json.dumps(data)
    assert data["consequences"]["timeline"]["stages"][0]["ends_on"] == "2026-07-15"


def test_every_step_of_an_outcome_names_a_rule_with_a_citation(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    known = {rule.id for rule in REWARD_RULES}
    years = [appraisal_for(B_, B_, period=Period.annual(y)) for y in (2024, 2025)]
    outcome = NATIONAL.evaluate(years)
    assert outcome.steps
    assert {step.rule for step in outcome.steps} <= known
    assert len(outcome.explanation) == len(outcome.steps)


def test_overlapping_periods_are_refused(appraisal_for: Callable[..., Appraisal]) -> None:
    year = appraisal_for(S_, S_)
    march = appraisal_for(S_, S_, period=Period.month(2025, 3))
    with pytest.raises(InputError) as info:
        NATIONAL.evaluate([year, march])
    assert info.value.rule == "REWARD-APPRAISALS"
    assert "counted twice" in info.value.message


def test_a_policy_evaluates_one_employee_at_a_time(
    appraisal_for: Callable[..., Appraisal], make_plan: MakePlan, unit: Any
) -> None:
    other_plan = make_plan(id="skp-2025-rekan", employee=unit.peers[0])
    other = appraisal_for(S_, S_, plan=other_plan)
    with pytest.raises(InputError) as info:
        NATIONAL.evaluate([appraisal_for(S_, S_), other])
    assert "one employee" in info.value.message
    with pytest.raises(InputError):
        NATIONAL.evaluate([])
    with pytest.raises(InputError):
        NATIONAL.evaluate(["baik"])  # type: ignore[list-item]


def test_an_employee_without_a_jabatan_fungsional_earns_no_angka_kredit(
    appraisal_for: Callable[..., Appraisal], make_plan: MakePlan, unit: Any
) -> None:
    plan = make_plan(
        id="skp-2025-siti",
        employee=unit.supervisor,
        pejabat_penilai=unit.atasan,
        atasan_pejabat_penilai=None,
    )
    outcome = NATIONAL.evaluate(appraisal_for(S_, S_, plan=plan))
    assert outcome.angka_kredit == ()
    assert outcome.angka_kredit_total is None
    assert any("not a jabatan fungsional" in note for note in outcome.notes)
    assert "CAREER-JENJANG" not in {c.rule for c in outcome.career}
    # An explicit jenjang overrides the position (Ahli Pertama, Baik: 12.5).
    forced = NATIONAL.evaluate(appraisal_for(S_, S_, plan=plan), jenjang="ahli_pertama")
    assert forced.angka_kredit[0].value == D("12.5")


def test_a_pppk_holds_no_pangkat(
    appraisal_for: Callable[..., Appraisal], make_plan: MakePlan, unit: Any
) -> None:
    # 20001231 2024 2 1 1 001: a NI PPPK (digest §11 example 10).
    pppk = Employee(
        nip=Nip("200012312024211001"),
        name="Rina Kartika",
        position=Position(PositionKind.FUNGSIONAL, "Pranata Komputer", Jenjang.AHLI_PERTAMA),
        unit="Subbagian Perencanaan",
        superior_nip=unit.supervisor.nip,
    )
    years = [
        appraisal_for(
            A_, A_, plan=make_plan(id=f"skp-{y}-rina", employee=pppk, period=Period.annual(y))
        )
        for y in (2024, 2025)
    ]
    outcome = NATIONAL.evaluate(years)
    assert "D11-PANGKAT-REGULER" not in {c.rule for c in outcome.career}
    assert "pangkat reguler: a PPPK holds no pangkat" in outcome.notes


def test_a_rule_set_to_none_is_not_applied(appraisal_for: Callable[..., Appraisal]) -> None:
    bare = RewardPolicy(
        "bare",
        "1",
        angka_kredit=None,
        career=None,
        recognition=None,
        development=None,
        consequences=None,
    )
    outcome = bare.evaluate(appraisal_for(B_, B_))
    assert outcome.steps == ()
    assert outcome.notes == ()


def test_an_allowance_without_a_kelas_is_noted_not_guessed(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    policy = RewardPolicy("kemnaker-contoh", "2025", allowance=KEMNAKER_2025)
    outcome = policy.evaluate(appraisal_for(S_, S_, period=Period.month(2025, 1)))
    assert outcome.allowances == ()
    assert any("no kelas jabatan given" in note for note in outcome.notes)
    annual = policy.evaluate(appraisal_for(S_, S_), kelas=7)
    assert annual.allowances == ()
    assert any("paid on monthly predikat" in note for note in annual.notes)


def test_one_attendance_record_for_several_months_is_refused(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    policy = RewardPolicy("kemnaker-contoh", "2025", allowance=KEMNAKER_2025)
    months = [appraisal_for(S_, S_, period=Period.month(2025, m)) for m in (1, 2)]
    with pytest.raises(InputError) as info:
        policy.evaluate(months, kelas=7, attendance=Attendance())
    assert info.value.path == "attendance"


def test_a_reward_policy_is_frozen_data_with_checked_rules() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        NATIONAL.name = "other"  # type: ignore[misc]
    with pytest.raises(InputError):
        RewardPolicy("x", "1", allowance="kemnaker")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        RewardPolicy("", "1")
    with pytest.raises(PolicyError):
        AngkaKreditRule(percentages={SB: 150})
    with pytest.raises(InputError):
        CareerRule(succession_years=0)
    with pytest.raises(InputError):
        ConsequenceRule(improvement_months=True)  # type: ignore[arg-type]
    rule = RecognitionRule(for_predikat=["Sangat Baik", "baik"])
    assert rule.for_predikat == frozenset({SB, B})
    assert isinstance(NATIONAL.angka_kredit, AngkaKreditRule)
    assert NATIONAL.allowance is None


def test_the_rulebook_flags_what_is_not_national_law() -> None:
    rules = {rule.id: rule for rule in REWARD_RULES}
    assert not rules["D11-PANGKAT-REGULER"].normative
    assert not rules["RECOGNITION"].normative
    assert not rules["TUKIN-PERFORMANCE"].normative
    assert rules["AK-CONVERSION"].normative
    assert rules["PP30-TARGETS-NOT-MET"].normative
    assert all(rule.citation for rule in REWARD_RULES)


# --------------------------------------------------------------------------------------------
# The rulebook and RewardInputs
# --------------------------------------------------------------------------------------------


def test_every_reward_rule_is_in_the_rulebook_so_explanations_show_its_citation() -> None:
    from asn_performance import Explanation
    from asn_performance.services.rulebook import RULEBOOK

    for rule in REWARD_RULES:
        assert RULEBOOK[rule.id] is rule
    result = angka_kredit("Baik", "Ahli Pertama", months=2)
    text = Explanation(result.steps).render()
    assert "[AK-CONVERSION] Angka kredit from the predikat" in text
    assert "source: PermenPANRB 1/2023 Pasal 36" in text
    assert render_steps(result.steps) == text


def test_reward_inputs_are_checked_and_keyed_by_month() -> None:
    from asn_performance.consequences.policy import RewardInputs

    inputs = RewardInputs(
        kelas=7,
        attendance={Period.month(2025, 3): Attendance(days_absent=1), "2025-01": Attendance()},
        prior_angka_kredit="12.5",
    )
    assert list(inputs.attendance) == ["2025-01", "2025-03"]
    assert inputs.prior_angka_kredit == Decimal("12.5")
    assert RewardInputs() == RewardInputs(attendance={}, prior_angka_kredit=0)
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"kelas": 0}, "kelas", "RANGE"),
        ({"kelas": True}, "kelas", "TYPE"),
        ({"attendance": {"2025": Attendance()}}, "attendance['2025']", "TUKIN-ATTENDANCE"),
        ({"attendance": {"2025-13": Attendance()}}, "attendance['2025-13'].month", "PERIOD-KIND"),
        ({"attendance": {"2025-03": {"days_absent": 1}}}, "attendance['2025-03']", "TYPE"),
        (
            {"attendance": {"2025-03": Attendance(), Period.month(2025, 3): Attendance()}},
            "attendance['2025-03']",
            "TUKIN-ATTENDANCE",
        ),
        ({"attendance": [Attendance()]}, "attendance", "TYPE"),
        ({"prior_angka_kredit": -1}, "prior_angka_kredit", "D5-NONNEGATIVE"),
        ({"prior_angka_kredit": 1.5}, "prior_angka_kredit", "D5-EXACT"),
        ({"result_received_on": "2026-01-20"}, "result_received_on", "TYPE"),
    ]
    for kwargs, path, rule in cases:
        with pytest.raises(AsnPerformanceError) as info:
            RewardInputs(**kwargs)
        assert (info.value.path, info.value.rule) == (path, rule), kwargs


def test_reward_inputs_evaluate_is_the_policy_with_those_inputs(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    from asn_performance.consequences.policy import RewardInputs

    march = appraisal_for(S_, S_, period=Period.month(2025, 3))
    inputs = RewardInputs(
        kelas=7, attendance={"2025-03": Attendance(days_absent=1)}, prior_angka_kredit="10"
    )
    policy = attrs.evolve(NATIONAL, allowance=KEMNAKER_2025)
    assert inputs.evaluate(policy, march) == policy.evaluate(
        march, kelas=7, attendance={"2025-03": Attendance(days_absent=1)}, prior_angka_kredit=10
    )
    with pytest.raises(PolicyError):
        inputs.evaluate(KEMNAKER_2025, march)  # type: ignore[arg-type]
