"""Recognition and development (asn_performance.consequences.recognition).

Every expected number is worked by hand in a comment next to it; none is produced by calling
the code under test. Golden files (tests/golden/rewards/) hold the digest's worked examples
with their sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from asn_performance import (
    Appraisal,
    CoreValue,
    Period,
    Predikat,
    Rating,
)
from asn_performance.consequences.recognition import (
    DEFAULT_RECOGNITION,
    RecognitionKind,
    recognise,
    recommend_development,
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


# --------------------------------------------------------------------------------------------
# Recognition and development
# --------------------------------------------------------------------------------------------


def test_sangat_baik_earns_the_recognition_the_regional_reports_describe() -> None:
    recognition = recognise(SB, period=Period.annual(2025))
    assert recognition is not None
    assert recognition.items == DEFAULT_RECOGNITION
    assert recognition.items == (
        RecognitionKind.CERTIFICATE,
        RecognitionKind.PUBLIC_RECOGNITION,
        RecognitionKind.TRAINING_OPPORTUNITY,
    )
    assert not recognition.normative
    assert "not national law" in recognition.citation
    assert "agency practice" in recognition.steps[0].note


def test_baik_earns_no_recognition_by_default_but_an_agency_may_choose_otherwise() -> None:
    assert recognise(B) is None
    custom = recognise(B, for_predikat={"sangat_baik", "baik"}, items=["incentive"])
    assert custom is not None
    assert custom.items == (RecognitionKind.INCENTIVE,)


def test_development_names_the_values_and_work_results_rated_below(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    appraisal = appraisal_for(
        B_,
        S_,
        work_result_ratings={"rhk-1": B_, "rhk-2": S_},
        behaviour_ratings={CoreValue.AKUNTABEL: B_, CoreValue.KOMPETEN: S_, "adaptif": B_},
    )
    assert appraisal.predikat is BP
    advice = recommend_development(appraisal)
    assert advice is not None
    assert advice.values == (CoreValue.AKUNTABEL, CoreValue.ADAPTIF)  # plan (BerAKHLAK) order
    assert [wr_id for wr_id, _ in advice.work_results] == ["rhk-1"]
    assert advice.hasil_kerja_below
    assert not advice.perilaku_kerja_below
    text = advice.text()
    assert "Akuntabel: Melaksanakan tugas dengan jujur" in text
    assert "rhk-1: Tersusunnya rekomendasi kebijakan" in text
    assert not advice.normative


def test_development_without_item_ratings_names_the_dimension(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    appraisal = appraisal_for(S_, B_)
    assert appraisal.predikat is K
    advice = recommend_development(appraisal)
    assert advice is not None
    assert advice.values == ()
    assert advice.work_results == ()
    assert advice.perilaku_kerja_below
    assert "discuss all seven BerAKHLAK values" in advice.text()


def test_baik_needs_no_development_recommendation(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    assert recommend_development(appraisal_for(S_, S_)) is None


def test_the_rules_refuse_what_is_not_an_appraisal() -> None:
    with pytest.raises(InputError):
        recommend_development("baik")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        consequences(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Consequences (PP 30/2019 Pasal 56-58)
# --------------------------------------------------------------------------------------------


def test_the_improvement_timeline_counts_whole_months_and_years() -> None:
    # Received 15 Jan 2026: 6 months from 16 Jan → 15 Jul 2026; reassignment from 16 Jul;
    # placement 16 Jul 2026 for 1 year → 15 Jul 2027; dismissal recommendation from 16 Jul 2027.
    timeline = improvement_timeline(dt.date(2026, 1, 15))
    assert timeline.improvement_from == dt.date(2026, 1, 16)
    assert timeline.improvement_until == dt.date(2026, 7, 15)
    assert timeline.reassignment_from == dt.date(2026, 7, 16)
    assert timeline.placement_from == dt.date(2026, 7, 16)
    assert timeline.placement_until == dt.date(2027, 7, 15)
    assert timeline.dismissal_recommendation_from == dt.date(2027, 7, 16)
    assert [s.code for s in timeline.stages] == [
        "improvement",
        "reassignment",
        "temporary_placement",
        "dismissal_recommendation",
    ]
    assert "Pasal 56-58" in timeline.citation
