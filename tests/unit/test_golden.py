"""Golden files: worked examples from the regulations, checked through :func:`appraise`.

Each file under ``tests/golden/{matrix,unit_head,weighted}`` names its source and holds an
input and the expected output worked out by hand (the weighted ones show the arithmetic in a
``worked`` field). The engine is run end to end: a plan and assessments are built from the
file's input and appraised, so a change in the rules shows up as a failing, citable example.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from asn_performance import (
    Assessment,
    AssessorRole,
    OrganisationPredikat,
    PerformancePlan,
    Predikat,
    Rating,
    WeightedSources,
    appraise,
)
from asn_performance.regimes.permenpanrb_6_2022.matrix import (
    PREDIKAT_MATRIX,
    UNIT_HEAD_RATING,
    predikat_for,
    unit_head_rating,
)

GOLDEN = Path(__file__).parent.parent / "golden"


def _files(kind: str) -> list[Path]:
    return sorted((GOLDEN / kind).glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert data["source"], f"{path.name} must name its source"
    assert data["rule"]
    assert set(data) >= {"source", "rule", "input", "expected"}
    return data


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


MATRIX = _files("matrix")
UNIT_HEAD = _files("unit_head")
WEIGHTED = _files("weighted")


def test_there_is_one_golden_file_per_cell_of_the_matrix() -> None:
    cells = {
        (data["input"]["rating_hasil_kerja"], data["input"]["rating_perilaku_kerja"])
        for data in map(_load, MATRIX)
    }
    assert len(MATRIX) == 9
    assert cells == {(h.code, p.code) for h in Rating for p in Rating}


def test_there_is_one_unit_head_file_per_organisation_predikat() -> None:
    organisations = {_load(p)["input"]["organisation_predikat"] for p in UNIT_HEAD}
    assert organisations == {o.code for o in OrganisationPredikat}


def test_there_are_weighted_examples() -> None:
    assert len(WEIGHTED) >= 3


@pytest.mark.parametrize("path", MATRIX, ids=_ids(MATRIX))
def test_the_engine_gives_the_matrix_predikat_of_each_golden_cell(
    path: Path, plan: PerformancePlan, make_assessment: Callable[..., Assessment]
) -> None:
    data = _load(path)
    assert data["rule"] == "6/2022-MATRIX"
    hasil = Rating.parse(data["input"]["rating_hasil_kerja"])
    perilaku = Rating.parse(data["input"]["rating_perilaku_kerja"])
    expected = Predikat.parse(data["expected"]["predikat"])
    assert expected.label_id == data["expected"]["predikat_label"]
    assert Predikat.parse(data["expected"]["predikat_label"]) is expected

    appraisal = appraise(plan, [make_assessment("pejabat_penilai", hasil, perilaku)])
    assert appraisal.rating_hasil_kerja is hasil
    assert appraisal.rating_perilaku_kerja is perilaku
    assert appraisal.predikat is expected
    assert appraisal.to_row()["predikat_label"] == data["expected"]["predikat_label"]
    last = appraisal.explanation.steps[-1]
    assert last.rule == "6/2022-MATRIX"
    assert last.output == data["expected"]["predikat_label"]
    # the table and the helper agree with the engine
    assert PREDIKAT_MATRIX[(hasil, perilaku)] is expected
    assert predikat_for(hasil, perilaku) is expected


@pytest.mark.parametrize("path", UNIT_HEAD, ids=_ids(UNIT_HEAD))
def test_a_unit_head_golden_example_follows_the_d3_mapping(
    path: Path,
    make_plan: Callable[..., PerformancePlan],
    make_assessment: Callable[..., Assessment],
) -> None:
    data = _load(path)
    assert data["rule"] == "D3-UNIT-HEAD"
    assert data["decision"] == "D3"
    assert "UNCONFIRMED" in data["status"]
    given = data["input"]
    organisation = OrganisationPredikat.parse(given["organisation_predikat"])
    superseded = Rating.parse(given["pejabat_penilai_rating_hasil_kerja"])
    perilaku = Rating.parse(given["rating_perilaku_kerja"])
    expected_hasil = Rating.parse(data["expected"]["rating_hasil_kerja"])
    expected = Predikat.parse(data["expected"]["predikat"])
    assert expected.label_id == data["expected"]["predikat_label"]

    head_plan = make_plan(leads_unit=True)
    supervisor = make_assessment("pejabat_penilai", superseded, perilaku, plan=head_plan)
    appraisal = appraise(head_plan, [supervisor], organisation_predikat=organisation)
    assert appraisal.rating_hasil_kerja is expected_hasil
    assert appraisal.rating_perilaku_kerja is perilaku
    assert appraisal.predikat is expected
    assert appraisal.organisation_predikat is organisation
    step = next(s for s in appraisal.explanation if s.rule == "D3-UNIT-HEAD")
    assert step.inputs[0] == ("capaian kinerja organisasi", organisation.label_id)
    assert step.output == expected_hasil.label_id
    assert UNIT_HEAD_RATING[organisation] is expected_hasil
    assert unit_head_rating(organisation) is expected_hasil


def _weighted_assessments(
    given: list[dict[str, str]], unit: Any, make_assessment: Callable[..., Assessment]
) -> list[Assessment]:
    peers = iter(unit.peers)
    items = []
    for entry in given:
        role = AssessorRole.parse(entry["role"])
        by = next(peers) if role is AssessorRole.PEER else None
        kwargs = {} if by is None else {"by": by}
        items.append(
            make_assessment(
                role,
                Rating.parse(entry["hasil_kerja"]),
                Rating.parse(entry["perilaku_kerja"]),
                **kwargs,
            )
        )
    return items


@pytest.mark.parametrize("path", WEIGHTED, ids=_ids(WEIGHTED))
def test_a_weighted_golden_example_gives_the_hand_worked_result(
    path: Path,
    plan: PerformancePlan,
    unit: Any,
    make_assessment: Callable[..., Assessment],
) -> None:
    data = _load(path)
    assert data["rule"] == "W-WEIGHTED"
    assert data["worked"]
    config = data["input"]["policy"]
    policy = WeightedSources(
        config["weights"],
        scale=config["scale"],
        sesuai_from=config["sesuai_from"],
        di_atas_from=config["di_atas_from"],
    )
    items = _weighted_assessments(data["input"]["assessments"], unit, make_assessment)
    expected = data["expected"]

    appraisal = appraise(plan, items, policy=policy)
    assert appraisal.rating_hasil_kerja is Rating.parse(expected["rating_hasil_kerja"])
    assert appraisal.rating_perilaku_kerja is Rating.parse(expected["rating_perilaku_kerja"])
    assert appraisal.predikat is Predikat.parse(expected["predikat"])
    assert appraisal.predikat.label_id == expected["predikat_label"]
    assert appraisal.policy == "weighted_sources"

    for dimension in ("hasil_kerja", "perilaku_kerja"):
        steps = {s.rule: s for s in appraisal.explanation.for_dimension(dimension)}
        weighted = steps["W-WEIGHTED"]
        assert weighted.note.startswith(f"score {expected[f'score_{dimension}']};"), weighted
        assert weighted.output == Rating.parse(expected[f"rating_{dimension}"]).label_id
        missing = steps.get("W-MISSING-SOURCE")
        missing_labels = [AssessorRole.parse(r).label_id for r in expected["missing_sources"]]
        if missing_labels:
            assert missing is not None
            assert [name for name, _ in missing.inputs] == missing_labels
            assert missing.output == f"weights renormalised over {expected['renormalised_over']}"
        else:
            assert missing is None

        withheld = [
            s.inputs[0][0]
            for s in appraisal.explanation.for_dimension(dimension)
            if s.rule == "G-ANONYMITY"
        ]
        assert withheld == [AssessorRole.parse(r).label_id for r in expected["withheld"]]

    # the order of the file's assessments does not matter
    assert appraise(plan, list(reversed(items)), policy=policy) == appraisal
