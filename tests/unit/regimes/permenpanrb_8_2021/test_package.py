"""Tests for :mod:`asn_performance.regimes.permenpanrb_8_2021`:
the golden worked examples and the rules of the package.

Every expected value was worked out by hand from PermenPANRB 8/2021 Lampiran and PP 30/2019
Pasal 41 as quoted in the regulations digest §3 (the arithmetic is in a comment next to it, or
in the golden file's "working"); none was produced by running the code.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from asn_performance._kit.exact import quantize
from asn_performance.domain.plan import Direction, Target
from asn_performance.domain.rating import Predikat
from asn_performance.regimes.permenpanrb_8_2021 import (
    RULES,
    IkiResult,
    Pp30Predikat,
    TambahanWork,
    UtamaWork,
    assess_iki,
    assess_skp,
    performance_value,
    skp_value,
    to_2022,
)

GOLDEN = Path(__file__).parents[3] / "golden" / "permenpanrb_8_2021"


RULE_IDS = {rule.id for rule in RULES}


D = Decimal


LOWER = Direction.LOWER_IS_BETTER


def _target(data: object) -> Target:
    if isinstance(data, dict):
        return Target.range(data["lower"], data["upper"])
    assert isinstance(data, str)
    return Target.value(data)


def _iki(data: dict[str, Any], id: str = "iki") -> IkiResult:
    return assess_iki(
        _target(data["target"]),
        data["realisation"],
        direction=data.get("direction", "higher_is_better"),
        max_attainable=data.get("max_attainable", False),
        id=id,
    )


def _check_expected(result: object, expected: dict[str, Any]) -> None:
    for key, want in expected.items():
        if key.endswith("_shown"):
            got = quantize(getattr(result, key.removesuffix("_shown")))
            assert str(got) == want, key
        elif key in ("category", "predikat"):
            assert getattr(result, key) is Pp30Predikat(want), key
        elif key == "predikat_2022":
            assert getattr(result, key) is Predikat(want), key
        else:
            assert getattr(result, key) == D(want), key


def _check_golden(case: dict[str, Any]) -> None:
    kind, given, expected = case["kind"], case["input"], case["expected"]
    if kind == "iki":
        _check_expected(_iki(given), expected)
    elif kind == "skp_value":
        ku, kt, total = skp_value(given["utama_weighted"], given["tambahan_weighted"])
        assert (ku, kt, total) == (
            D(expected["nilai_ku"]),
            D(expected["nilai_kt"]),
            D(expected["value"]),
        )
    elif kind == "skp":
        utama = [
            UtamaWork(
                work["id"],
                work["weight"],
                tuple(_iki(i, f"{work['id']}-{n}") for n, i in enumerate(work["indicators"])),
            )
            for work in given["utama"]
        ]
        tambahan = [
            TambahanWork(item["id"], item["scope_weight"], _iki(item["indicator"], item["id"]))
            for item in given["tambahan"]
        ]
        _check_expected(assess_skp(utama, tambahan), expected)
    elif kind == "kinerja":
        result = performance_value(
            given["skp"],
            given["behaviour"],
            with_peer_input=given["with_peer_input"],
            innovation=given["innovation"],
        )
        _check_expected(result, expected)
    elif kind == "conversion":
        for old, new in expected.items():
            assert to_2022(Pp30Predikat(old)) is Predikat(new)
    else:  # pragma: no cover - a new kind needs a branch here
        pytest.fail(f"unknown golden kind {kind!r}")


#: The 2021 integration golden lives here too (July-December is this regime's half); it is
#: checked by tests/unit/regimes/test_registry.py.
GOLDEN_FILES = sorted(
    path
    for path in GOLDEN.glob("*.json")
    if json.loads(path.read_text(encoding="utf-8"))["kind"] != "integrate_2021"
)


def test_the_golden_folder_holds_every_worked_example() -> None:
    assert len(GOLDEN_FILES) >= 15


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def test_golden_file_matches_the_worked_example(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    assert case["source"].strip(), "every golden file names its source"
    assert case["working"].strip(), "every golden file shows its arithmetic"
    _check_golden(case)


def test_every_step_names_a_rule_of_this_module_and_all_rules_are_used() -> None:
    used: set[str] = set()
    ikis = [
        assess_iki(Target.range(80, 90), 92, id="a"),
        assess_iki(Target.range(80, 90), 85, id="b"),
        assess_iki(Target.range(7, 8), "6.5", direction=LOWER, id="c"),
        assess_iki(10, 25, direction=LOWER, id="d"),
        assess_iki(100, 100, max_attainable=True, id="e"),
    ]
    utama = UtamaWork("rhk-1", 100, tuple(ikis))
    extra = TambahanWork("t-1", 10, assess_iki(100, 100, id="f"))
    result = performance_value(assess_skp([utama], [extra]), 90, with_peer_input=True)
    used = {step.rule for step in result.steps}
    assert used <= RULE_IDS
    assert used == RULE_IDS


def test_every_rule_has_a_title_and_a_citation() -> None:
    for rule in RULES:
        assert rule.title
        assert rule.citation
    assert not {r.id for r in RULES if not r.normative} & {"8/2021-CAPAIAN", "PP30-PREDIKAT"}
