"""``_repr_html_`` of the reports a notebook shows: small, escaped, with the key numbers."""

from __future__ import annotations

from asn_performance import check_distribution
from asn_performance.consequences.distribution import UnitInput, oversee
from asn_performance.consequences.policy import RewardOutcome
from asn_performance.domain.explanation import Explanation, Step

EVIL = "<script>alert(1)</script>"


def test_distribution_report() -> None:
    # Organisation Baik, 8 Baik + 2 Sangat Baik: 8 of 10 (80.00 %) against 7 allowed.
    text = check_distribution("baik", {"baik": 8, "sangat_baik": 2}, unit=EVIL)._repr_html_()
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "<td>8</td><td>80.00 %</td><td>7</td>" in text
    assert "10 employees" in text
    assert "2 violation(s)" in text
    assert len(text) < 2000


def test_oversight_report() -> None:
    report = oversee(
        [UnitInput(EVIL, "baik", {"baik": 8, "sangat_baik": 2}), UnitInput("ok", "istimewa", {})]
    )
    text = report._repr_html_()
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "2 units, 10 employees, 1 unit(s) with violations" in text
    assert "<td>8</td><td>10</td><td>80.00 %</td><td>7</td>" in text


def test_reward_outcome() -> None:
    outcome = RewardOutcome(
        policy=EVIL,
        version="1",
        nip="199001012020011001",
        periods=("2025",),
        notes=("no kelas <b>given</b>",),
    )
    text = outcome._repr_html_()
    assert "<script>" not in text
    assert "<b>" not in text
    assert "&lt;script&gt;" in text
    assert "199001012020011001" in text
    assert "2025" in text


def test_explanation() -> None:
    explanation = Explanation((Step(EVIL, "hasil_kerja", (("x", "1"),), "Baik"),))
    text = explanation._repr_html_()
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "1 step(s)" in text
    assert "<td>Baik</td>" in text
