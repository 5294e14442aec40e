"""The rulebook knows the discipline rules (PP 94/2021) and the recognition's incentive rule, so a
step that cites TUKIN-DISCIPLINE, CAREER-DISCIPLINE, DISCIPLINE-PENALTY or
RECOGNITION-INCENTIVE keeps its title and citation when it is read back from JSON
(``resolve``), as the loader of an appraisal record rebuilds it."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
import pytest

from asn_performance.consequences import (
    DISCIPLINE_RULES,
    KEMNAKER_2025,
    RECOGNITION_RULES,
    DisciplinaryPenalty,
    DisciplineCuts,
    compute_allowance,
    recognise,
)
from asn_performance.consequences._discipline import career_block
from asn_performance.consequences.recognition import Incentive
from asn_performance.domain.explanation import Rule, Step
from asn_performance.domain.period import Period
from asn_performance.domain.rating import Predikat
from asn_performance.services.rulebook import RULEBOOK, resolve

INCENTIVE_RULE = next(rule for rule in RECOGNITION_RULES if rule.id == "RECOGNITION-INCENTIVE")
#: Kemnaker's table with the PP 94/2021 default cuts (sedang: 25 % for 6, 9 or 12 months).
KEMNAKER_PP94 = attrs.evolve(KEMNAKER_2025, discipline=DisciplineCuts())
SEDANG = DisciplinaryPenalty("pemotongan_tukin_6_bulan", dt.date(2025, 3, 1))


def _read_back(step: Step) -> Step:
    """The step as a loader rebuilds it from its JSON record (boundary.part_documents)."""
    data = json.loads(json.dumps(step.to_dict()))
    return Step(
        resolve(data["rule"]),
        data["dimension"],
        tuple((name, value) for name, value in data["inputs"]),
        data["output"],
        data["note"],
    )


def _round_trips(step: Step, rule: Rule) -> None:
    again = _read_back(step)
    assert again == step
    assert again.rule is rule
    assert (again.title, again.citation) == (rule.title, rule.citation)
    assert again.citation  # a known rule, not a bare id


@pytest.mark.parametrize("rule", [*DISCIPLINE_RULES, INCENTIVE_RULE], ids=str)
def test_the_rule_is_in_the_rulebook_as_the_very_object(rule: Rule) -> None:
    assert RULEBOOK[rule.id] is rule
    assert resolve(rule.id) is rule


def test_the_four_rule_ids_are_known() -> None:
    assert {
        "TUKIN-DISCIPLINE",
        "CAREER-DISCIPLINE",
        "DISCIPLINE-PENALTY",
        "RECOGNITION-INCENTIVE",
    } <= RULEBOOK.keys()


def test_a_discipline_cut_step_round_trips_with_its_citation() -> None:
    # Kelas 10 on the Kemnaker table (5,979,200), Baik, March 2025 inside a sedang penalty
    # from 1 March (6 months, to 31 August): 5,979,200 × 75 % = 4,484,400.
    result = compute_allowance(
        KEMNAKER_PP94, 10, Predikat.BAIK, period=Period.month(2025, 3), penalties=(SEDANG,)
    )
    assert result.total == Decimal(4484400)
    (cut,) = [step for step in result.steps if step.rule == "TUKIN-DISCIPLINE"]
    _round_trips(cut, RULEBOOK["TUKIN-DISCIPLINE"])
    for step in result.steps:  # every step of the month, not only the cut
        assert _read_back(step) == step


def test_a_career_block_step_round_trips_with_its_citation() -> None:
    # The sedang penalty runs 1 March to 31 August 2025: in force on 30 June.
    blocking, step = career_block((SEDANG,), dt.date(2025, 6, 30))
    assert blocking is SEDANG
    assert step is not None
    _round_trips(step, RULEBOOK["CAREER-DISCIPLINE"])


def test_an_incentive_step_round_trips_with_its_citation() -> None:
    # Rp 750,000.50 paid half-up once: 750,001.
    inovasi = Incentive("insentif inovasi", Decimal("750000.50"), for_innovation=True)
    recognition = recognise(Predikat.SANGAT_BAIK, innovation=True, incentives=(inovasi,))
    assert recognition is not None
    assert recognition.incentive_total == Decimal(750001)
    (step,) = [s for s in recognition.steps if s.rule == "RECOGNITION-INCENTIVE"]
    _round_trips(step, INCENTIVE_RULE)
