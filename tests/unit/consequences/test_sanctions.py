"""Consequences of PP 30/2019 Pasal 56-58 (asn_performance.consequences.sanctions).

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

import pytest

from asn_performance import (
    Appraisal,
    Period,
    Predikat,
    Rating,
)
from asn_performance.consequences.policy import (
    NATIONAL,
)
from asn_performance.consequences.sanctions import (
    consequences,
    improvement_timeline,
)
from asn_performance.exceptions import (
    InputError,
)

GOLDEN = Path(__file__).parent.parent.parent / "golden" / "rewards"

SB, B, BP, K, SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)
A_, S_, B_ = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
D = Decimal


def test_the_improvement_timeline_handles_month_ends_and_leap_years() -> None:
    # Received 31 Aug 2026: 1 Sep 2026 + 6 months = 1 Mar 2027 → last day 28 Feb 2027;
    # placement from 1 Mar 2027 + 1 year = 1 Mar 2028 → last day 29 Feb 2028 (leap year).
    timeline = improvement_timeline(dt.date(2026, 8, 31))
    assert timeline.improvement_until == dt.date(2027, 2, 28)
    assert timeline.placement_from == dt.date(2027, 3, 1)
    assert timeline.placement_until == dt.date(2028, 2, 29)
    assert timeline.dismissal_recommendation_from == dt.date(2028, 3, 1)


def test_a_later_placement_moves_the_dismissal_recommendation() -> None:
    # Placed 1 Oct 2026 → 30 Sep 2027; dismissal recommendation from 1 Oct 2027.
    timeline = improvement_timeline(dt.date(2026, 1, 15), placed_on=dt.date(2026, 10, 1))
    assert timeline.placement_until == dt.date(2027, 9, 30)
    assert timeline.dismissal_recommendation_from == dt.date(2027, 10, 1)
    with pytest.raises(InputError):
        improvement_timeline(dt.date(2026, 1, 15), placed_on=dt.date(2026, 7, 15))
    with pytest.raises(InputError):
        improvement_timeline(dt.datetime(2026, 1, 15, 9, 0))  # noqa: DTZ001 - refused anyway


def test_a_jpt_is_told_to_retake_the_competence_test() -> None:
    stages = improvement_timeline(dt.date(2026, 1, 15), jpt=True).stages
    assert "uji kompetensi" in stages[1].description


def test_targets_not_met_open_the_timeline_from_the_day_the_result_was_given(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    # The conftest assessment is given on the period's last day, 31 Dec 2025: the window runs
    # 1 Jan 2026 + 6 months → 30 Jun 2026.
    appraisal = appraisal_for(B_, S_)
    outcome = consequences(appraisal)
    assert outcome is not None
    assert outcome.timeline is not None
    assert outcome.timeline.improvement_from == dt.date(2026, 1, 1)
    assert outcome.timeline.improvement_until == dt.date(2026, 6, 30)
    assert not outcome.pembinaan
    given = consequences(appraisal, result_received_on=dt.date(2026, 1, 15))
    assert given is not None
    assert given.timeline is not None
    assert given.timeline.improvement_until == dt.date(2026, 7, 15)


def test_kurang_leads_to_pembinaan_and_the_sanction_only_when_the_agency_says_so(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    appraisal = appraisal_for(A_, B_)
    assert appraisal.predikat is K
    outcome = consequences(appraisal)
    assert outcome is not None
    assert outcome.pembinaan
    assert not outcome.administrative_sanction
    assert outcome.timeline is None  # hasil kerja was above expectation: targets were met
    assert outcome.rule == "PEMBINAAN"
    strict = consequences(appraisal, administrative_sanction=True)
    assert strict is not None
    assert strict.administrative_sanction
    assert "administrative sanction" in strict.steps[-1].output


def test_sangat_kurang_gets_both_the_timeline_and_pembinaan(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    outcome = consequences(appraisal_for(B_, B_))
    assert outcome is not None
    assert outcome.timeline is not None
    assert outcome.pembinaan
    json.dumps(outcome.to_dict())


def test_baik_has_no_consequences(appraisal_for: Callable[..., Appraisal]) -> None:
    assert consequences(appraisal_for(A_, S_)) is None


# --------------------------------------------------------------------------------------------
# RewardPolicy
# --------------------------------------------------------------------------------------------


def test_two_sangat_baik_years_give_angka_kredit_career_and_recognition(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    # The employee is an Ahli Muda (koefisien 25): each Sangat Baik year 150 % × 25 = 37.5;
    # two years 75; with 30 already held 105 ≥ 100 (pangkat minimum), < 200 (jenjang).
    years = [appraisal_for(A_, A_, period=Period.annual(y)) for y in (2024, 2025)]
    outcome = NATIONAL.evaluate(years, prior_angka_kredit=30)
    assert outcome.periods == ("2024", "2025")
    assert [r.value for r in outcome.angka_kredit] == [D("37.5"), D("37.5")]
    assert outcome.angka_kredit_total is not None
    assert outcome.angka_kredit_total.value == D(105)
    pangkat, jenjang = outcome.minimums
    assert pangkat.reached
    assert not jenjang.reached
    assert jenjang.shortfall == D(95)
    rules = {c.rule: c.eligible for c in outcome.career}
    assert rules == {
        "CAREER-JENJANG": True,
        "D11-PANGKAT-REGULER": True,
        "CAREER-SUCCESSION": True,
    }
    assert outcome.recognition is not None
    assert outcome.recognition.period == "2025"
    assert outcome.development is None
    assert outcome.consequences is None
    assert outcome.allowances == ()
