"""Tests for :mod:`asn_performance.regimes.pp_46_2011`:
the golden worked examples and the rules of the package.

Every expected value was worked out by hand from the formulas of the regulations digest §4
(the arithmetic is in a comment next to it, or in the golden file's "working"); none was
produced by running the code.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from asn_performance._kit.exact import quantize
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import (
    AsnPerformanceError,
)
from asn_performance.regimes.pp_46_2011 import (
    RULES,
    Activity,
    BehaviourScores,
    Pp46Predikat,
    assess_activity,
    assess_behaviour,
    assess_skp,
    efficiency,
    predikat_for,
    time_cost_value,
    to_2022,
    within_efficiency_limit,
    work_achievement,
)

GOLDEN = Path(__file__).parents[3] / "golden" / "pp46"


RULE_IDS = {rule.id for rule in RULES}


D = Decimal


def rakor() -> Activity:
    """The activity of digest §4.6: 100, 90, 76, 76 → 85.50."""
    return Activity(
        name="Menyelenggarakan rakor",
        quantity_target=1,
        quantity_realisation=1,
        quality_target=100,
        quality_realisation=90,
        time_target=12,
        time_realisation=12,
        cost_target=170_395_000,
        cost_realisation=170_395_000,
    )


def _activity(data: dict[str, Any]) -> Activity:
    return Activity(**data)


def _skp(data: dict[str, Any]) -> Any:
    return assess_skp(
        [_activity(a) for a in data["activities"]],
        tugas_tambahan=data["tugas_tambahan"],
        kreativitas=data["kreativitas"],
    )


def _check_golden(case: dict[str, Any]) -> None:
    kind, given, expected = case["kind"], case["input"], case["expected"]
    if kind == "activity":
        result = assess_activity(_activity(given))
        for name in ("quantity", "quality", "time_efficiency", "time", "total", "value"):
            assert getattr(result, name) == D(expected[name]), name
        assert result.cost == D(expected["cost"])
        assert result.cost_efficiency == D(expected["cost_efficiency"])
        assert str(result.value_shown) == expected["value_shown"]
        assert predikat_for(result.value) is Pp46Predikat(expected["predikat"])
    elif kind == "time_cost":
        target, real = D(given["target"]), D(given["realisation"])
        assert efficiency(target, real) == D(expected["efficiency"])
        assert time_cost_value(target, real) == D(expected["value"])
        assert within_efficiency_limit(target, real) is expected["within_limit"]
    elif kind == "work_achievement":
        skps = [_skp(s) for s in given["skps"]]
        behaviour = assess_behaviour(BehaviourScores(**given["behaviour"]))
        result = work_achievement(skps, behaviour)
        for key, want in expected.items():
            if key.startswith("predikat"):
                continue
            if key.endswith("_shown"):
                # a non-terminating value (thirds) is compared as shown
                assert str(quantize(getattr(result, key.removesuffix("_shown")))) == want, key
            else:
                assert getattr(result, key) == D(want), key
        assert result.predikat is Pp46Predikat(expected["predikat"])
        assert result.predikat_2022 is Predikat(expected["predikat_2022"])
    elif kind == "behaviour":
        result = assess_behaviour(BehaviourScores(**given))
        assert result.aspects == expected["aspects"]
        assert result.value == D(expected["value"])
        assert result.predikat is Pp46Predikat(expected["predikat"])
    elif kind == "conversion":
        for old, new in expected.items():
            assert to_2022(Pp46Predikat(old)) is Predikat(new)
    else:  # pragma: no cover - a new kind needs a branch here
        pytest.fail(f"unknown golden kind {kind!r}")


GOLDEN_FILES = sorted(GOLDEN.glob("*.json"))


def test_the_golden_folder_holds_every_worked_example() -> None:
    assert len(GOLDEN_FILES) >= 10


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def test_golden_file_matches_the_worked_example(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    assert case["source"].strip(), "every golden file names its source"
    assert case["working"].strip(), "every golden file shows its arithmetic"
    _check_golden(case)


def test_every_step_names_a_rule_of_this_module() -> None:
    laporan = Activity("Laporan", 4, 4, 100, 100, 5, 4)
    result = work_achievement(
        [
            assess_skp([rakor()], tugas_tambahan=2, kreativitas=["unit_kerja"]),
            assess_skp([laporan]),
        ],
        assess_behaviour(BehaviourScores(80, 80, 80, 80, 80, 80, structural=True)),
    )
    used = {step.rule for step in result.steps}
    assert used <= RULE_IDS
    assert used == RULE_IDS


def test_every_rule_has_a_title_and_a_citation_and_unconfirmed_ones_say_so() -> None:
    for rule in RULES:
        assert rule.title
        assert rule.citation
    unconfirmed = {r.id for r in RULES if "UNCONFIRMED" in r.citation}
    assert {"PP46-TUGAS-TAMBAHAN", "PP46-KREATIVITAS"} <= unconfirmed


def test_errors_are_library_errors() -> None:
    with pytest.raises(AsnPerformanceError):
        Activity("x", 0, 1, 1, 1, 1, 1)
