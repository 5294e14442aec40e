"""Golden explanations in both languages (issue 14): two worked examples, explained.

Each example is appraised from the input of an existing golden file (``tests/golden/unit_head/
organisation_baik.json``: the head of a unit whose organisation got Baik; ``tests/golden/
weighted/three_peers_counted.json``: an agency's weighted policy with three peers), and its
``Appraisal.explain(lang)`` is compared with ``tests/golden/explanation/<example>.<lang>.txt``.
The English files hold the text the library has always written; the Indonesian ones the same
steps with the catalogue's rule titles and words (``dasar``, ``masukan``, ``hasil``,
``catatan``, ``[keputusan pustaka]``, ``SKP``, ``kebijakan``, ``ketentuan``) and the steps'
inputs, outputs and notes through the ``step.<RULE ID>.*`` messages, numbers with a decimal
comma (written by hand: ``nilai 2,67`` is 0.2·2 + 0.6·3 + 0.2·7/3); the citations are the
rules' own words, English in both (docs/explanation/languages.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from asn_performance import (
    Appraisal,
    Assessment,
    AssessorRole,
    OrganisationPredikat,
    PerformancePlan,
    Rating,
    WeightedSources,
    appraise,
)

GOLDEN = Path(__file__).parent.parent / "golden"
EXPLANATIONS = GOLDEN / "explanation"


def _input(kind: str, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLDEN / kind / f"{name}.json").read_text("utf-8"))
    given: dict[str, Any] = data["input"]
    return given


def _unit_head(
    make_plan: Callable[..., PerformancePlan], make_assessment: Callable[..., Assessment]
) -> Appraisal:
    given = _input("unit_head", "organisation_baik")
    head_plan = make_plan(leads_unit=True)
    supervisor = make_assessment(
        "pejabat_penilai",
        Rating.parse(given["pejabat_penilai_rating_hasil_kerja"]),
        Rating.parse(given["rating_perilaku_kerja"]),
        plan=head_plan,
    )
    organisation = OrganisationPredikat.parse(given["organisation_predikat"])
    return appraise(head_plan, [supervisor], organisation_predikat=organisation)


def _weighted(
    plan: PerformancePlan, unit: Any, make_assessment: Callable[..., Assessment]
) -> Appraisal:
    given = _input("weighted", "three_peers_counted")
    config = given["policy"]
    policy = WeightedSources(
        config["weights"],
        scale=config["scale"],
        sesuai_from=config["sesuai_from"],
        di_atas_from=config["di_atas_from"],
    )
    peers = iter(unit.peers)
    items = []
    for entry in given["assessments"]:
        role = AssessorRole.parse(entry["role"])
        extra = {"by": next(peers)} if role is AssessorRole.PEER else {}
        hasil, perilaku = Rating.parse(entry["hasil_kerja"]), Rating.parse(entry["perilaku_kerja"])
        items.append(make_assessment(role, hasil, perilaku, **extra))
    return appraise(plan, items, policy=policy)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("example", ["unit_head_organisation_baik", "weighted_three_peers_counted"])
def test_the_explanation_of_a_worked_example_is_its_golden_file(
    example: str,
    lang: str,
    plan: PerformancePlan,
    unit: Any,
    make_plan: Callable[..., PerformancePlan],
    make_assessment: Callable[..., Assessment],
) -> None:
    if example.startswith("unit_head"):
        appraisal = _unit_head(make_plan, make_assessment)
    else:
        appraisal = _weighted(plan, unit, make_assessment)
    golden = (EXPLANATIONS / f"{example}.{lang}.txt").read_text("utf-8")
    assert appraisal.explain(lang) + "\n" == golden  # type: ignore[arg-type]


def test_there_is_a_golden_explanation_in_each_language_for_each_example() -> None:
    # The other examples' files, and the check that no file is left over, are in
    # test_golden_explanations_more.py.
    names = {p.name for p in EXPLANATIONS.glob("*.txt")}
    assert names >= {
        f"{example}.{lang}.txt"
        for example in ("unit_head_organisation_baik", "weighted_three_peers_counted")
        for lang in ("en", "id")
    }
