"""Innovation and incentives (issue 13, item 8): innovation as an input of the 6/2022 reward
policy and an incentive in rupiah as the agency's policy data.

Every expected number is worked by hand in a comment next to it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from asn_performance import Appraisal, Predikat, Rating
from asn_performance.boundary.policy_files import dump_reward_policy, load_reward_policy
from asn_performance.consequences.policy import RecognitionRule, RewardInputs, RewardPolicy
from asn_performance.consequences.recognition import Incentive, recognise
from asn_performance.exceptions import AsnPerformanceError, InputError

D = Decimal
A_, S_ = Rating.DI_ATAS, Rating.SESUAI
ALL = tuple(Predikat)
KINERJA = Incentive("insentif kinerja", D("500000"))  # Sangat Baik only (default)
INOVASI = Incentive("insentif inovasi", D("1250000.50"), for_innovation=True, for_predikat=ALL)


def test_an_innovation_incentive_is_paid_for_an_innovation_whatever_the_predikat() -> None:
    result = recognise("baik", innovation=True, incentives=(KINERJA, INOVASI))
    assert result is not None
    # Baik earns no recognition (Sangat Baik only) and not the kinerja incentive;
    # the innovation incentive: Rp 1,250,000.50 → half-up, once → Rp 1,250,001
    assert result.items == ()
    assert [(p.name, p.paid) for p in result.incentives] == [("insentif inovasi", D("1250001"))]
    assert result.incentive_total == D("1250001")
    assert result.rule == "RECOGNITION-INCENTIVE"
    assert not result.normative
    data = result.to_dict()
    assert data["innovation"] is True
    assert data["incentives"][0] == {
        "name": "insentif inovasi",
        "amount": "1250000.5",
        "paid": "1250001",
        "for_innovation": True,
    }
    assert data["incentive_total"] == "1250001"


def test_without_an_innovation_only_the_predikat_incentives_are_paid() -> None:
    assert recognise("baik", incentives=(KINERJA, INOVASI)) is None
    top = recognise("sangat_baik", incentives=(KINERJA, INOVASI))
    assert top is not None
    # Sangat Baik: recognition and the kinerja incentive, Rp 500,000
    assert top.items  # certificate, public recognition, training (the defaults)
    assert top.incentive_total == D("500000")
    assert [step.rule.id for step in top.steps] == ["RECOGNITION", "RECOGNITION-INCENTIVE"]


def test_both_incentives_add_up_after_each_is_rounded() -> None:
    top = recognise("sangat_baik", innovation=True, incentives=(KINERJA, INOVASI))
    assert top is not None
    # 500,000 + 1,250,001 = 1,750,001
    assert top.incentive_total == D("1750001")


def test_recognition_without_incentives_is_unchanged() -> None:
    top = recognise("sangat_baik")
    assert top is not None
    assert "incentives" not in top.to_dict()
    assert "innovation" not in top.to_dict()


@pytest.mark.parametrize(
    ("build", "path", "rule"),
    [
        (lambda: Incentive("x", D("-1")), "amount", "D5-NONNEGATIVE"),
        (lambda: Incentive("x", 0.5), "amount", "D5-EXACT"),
        (lambda: Incentive("", D(1)), "name", "TEXT"),
        (lambda: Incentive("x", D(1), for_predikat=["hebat"]), "for_predikat", "D12-LABELS"),
        (
            lambda: recognise("baik", incentives=("insentif",)),
            "incentives[0]",
            "RECOGNITION-INCENTIVE",
        ),
        (lambda: recognise("baik", innovation="ya"), "innovation", "TYPE"),
    ],
)
def test_bad_input_names_the_field_the_rule_and_the_fix(
    build: Callable[[], object], path: str, rule: str
) -> None:
    with pytest.raises(AsnPerformanceError) as caught:
        build()
    error = caught.value
    assert (error.path, error.rule) == (path, rule)
    assert error.fix


def test_the_reward_policy_takes_innovation_as_an_input(
    appraisal_for: Callable[..., Appraisal],
) -> None:
    policy = RewardPolicy(
        "contoh-inovasi", "2025", recognition=RecognitionRule(incentives=(KINERJA, INOVASI))
    )
    baik = appraisal_for(S_, S_)  # Baik
    outcome = policy.evaluate(baik, innovation=True)
    assert outcome.recognition is not None
    assert outcome.recognition.incentive_total == D("1250001")
    assert RewardInputs(innovation=True).evaluate(policy, baik) == outcome
    assert policy.evaluate(baik).recognition is None
    with pytest.raises(InputError):
        RecognitionRule(incentives=["insentif"])


def test_incentives_round_trip_through_a_policy_file() -> None:
    policy = RewardPolicy("contoh", "1", recognition=RecognitionRule(incentives=(INOVASI,)))
    dumped = dump_reward_policy(policy)
    assert dumped["recognition"]["incentives"] == [
        {
            "name": "insentif inovasi",
            "amount": "1250000.50",
            "for_innovation": True,
            "for_predikat": ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"],
        }
    ]
    assert load_reward_policy(dumped) == policy
    dumped["recognition"]["incentives"][0]["amount"] = "-5"
    with pytest.raises(AsnPerformanceError) as caught:
        load_reward_policy(dumped)
    assert caught.value.path == "$.recognition.incentives[0].amount"
