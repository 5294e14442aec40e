"""Tests for :mod:`asn_performance.domain.explanation`: steps, the rulebook and the three
renderings.

Every step the engine records must be explainable: a rule id found in the rulebook, with a
title and a citation (PermenPANRB 6/2022, SE MenPANRB 3/2023, or a library decision marked
non-normative).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from asn_performance import (
    Assessment,
    Explanation,
    OrganisationPredikat,
    PerformancePlan,
    Period,
    Rating,
    Step,
    WeightedSources,
    appraise,
)
from asn_performance.domain.explanation import Rule
from asn_performance.exceptions import InputError
from asn_performance.services.rulebook import RULEBOOK

A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH

MATRIX_STEP = Step(
    RULEBOOK["6/2022-MATRIX"],
    "predikat",
    (("rating hasil kerja", "Di Atas Ekspektasi"), ("rating perilaku kerja", "Sesuai Ekspektasi")),
    "Baik",
)
ADVISORY_STEP = Step(
    RULEBOOK["D2-ADVISORY"],
    "hasil_kerja",
    (("Penilaian diri", "Di Atas Ekspektasi"),),
    "not counted",
    "n",
)


def test_a_step_takes_title_and_citation_from_the_rulebook() -> None:
    assert MATRIX_STEP.title == "Predikat kinerja pegawai from the two ratings (3x3 matrix)"
    assert "SE MenPANRB 3/2023 step 3" in MATRIX_STEP.citation
    assert "SE MenPANRB 3/2023" in MATRIX_STEP.citation


def test_a_normative_step_is_not_marked_as_a_library_decision() -> None:
    first = Explanation((MATRIX_STEP,)).render().splitlines()[0]
    assert first.endswith("(predikat)")
    assert "[library decision]" not in first


def test_a_step_with_an_unknown_rule_uses_the_id_as_title_and_has_no_citation() -> None:
    step = Step("AGENCY-X", "hasil_kerja", (), "Sesuai Ekspektasi")
    assert step.title == "AGENCY-X"
    assert step.citation == ""


def test_library_decisions_are_marked_non_normative() -> None:
    # D3's mapping and the requirement of the pejabat penilai's assessment are library
    # choices too (digest §1.2 and §1.3-§1.4 flag them UNCONFIRMED).
    for rule_id in (
        "D2-SUPERVISOR-DECIDES",
        "D2-ADVISORY",
        "W-WEIGHTED",
        "W-MISSING-SOURCE",
        "D3-UNIT-HEAD",
        "6/2022-PEJABAT-PENILAI",
    ):
        assert RULEBOOK[rule_id].normative is False
    for rule_id in ("6/2022-MATRIX", "6/2022-PERIOD"):
        assert RULEBOOK[rule_id].normative is True


def test_every_rule_in_the_rulebook_has_a_title_and_a_citation() -> None:
    for rule_id, rule in RULEBOOK.items():
        assert isinstance(rule, Rule)
        assert rule.id == rule_id
        assert rule.title
        assert rule.citation


def test_the_d3_rule_quotes_se_3_2023_and_names_the_library_decision() -> None:
    citation = RULEBOOK["D3-UNIT-HEAD"].citation
    assert "capaian kinerja satuan organisasi yang dipimpin" in citation
    assert "library decision D3" in citation


def test_render_numbers_the_steps_with_rule_source_inputs_result_and_note() -> None:
    text = Explanation((ADVISORY_STEP, MATRIX_STEP)).render()
    assert text.splitlines() == [
        "1. [D2-ADVISORY] Other sources are advisory and recorded, not counted (hasil_kerja)"
        " [library decision]",
        "   source: Library decision D2",
        "   inputs: Penilaian diri = Di Atas Ekspektasi",
        "   result: not counted",
        "   note: n",
        "2. [6/2022-MATRIX] Predikat kinerja pegawai from the two ratings (3x3 matrix) (predikat)",
        "   source: SE MenPANRB 3/2023 step 3; the 3x3 matrix of the BKN e-Kinerja evaluation form,"
        " identical in at least eight independent implementations",
        "   inputs: rating hasil kerja = Di Atas Ekspektasi, rating perilaku kerja = Sesuai"
        " Ekspektasi",
        "   result: Baik",
    ]


def test_a_step_without_dimension_citation_or_inputs_renders_only_what_it_has() -> None:
    text = Explanation((Step("AGENCY-X", "", (), "done"),)).render()
    assert text.splitlines() == ["1. [AGENCY-X] AGENCY-X", "   result: done"]


def test_str_is_the_rendered_text() -> None:
    explanation = Explanation((MATRIX_STEP,))
    assert str(explanation) == explanation.render()


def test_an_empty_explanation_renders_as_nothing() -> None:
    assert Explanation().render() == ""
    assert len(Explanation()) == 0


def test_an_explanation_iterates_and_filters_by_dimension() -> None:
    explanation = Explanation((ADVISORY_STEP, MATRIX_STEP))
    assert list(explanation) == [ADVISORY_STEP, MATRIX_STEP]
    assert len(explanation) == 2
    assert explanation.for_dimension("predikat") == (MATRIX_STEP,)
    assert explanation.for_dimension("perilaku_kerja") == ()


def test_markdown_is_a_table_with_pipes_escaped() -> None:
    step = Step("AGENCY-X", "", (("a|b", "c"),), "x|y")
    lines = Explanation((step,)).to_markdown().splitlines()
    assert lines[0] == "| # | rule | for | inputs | result | note | source |"
    assert lines[1] == "|---|---|---|---|---|---|---|"
    assert lines[2] == "| 1 | AGENCY-X |  | a\\|b = c | x\\|y |  |  |"


def test_html_is_a_table_with_everything_escaped() -> None:
    step = Step("<b>", "<u>", (("<i>", "&"),), "<script>x</script>", "<em>")
    html = Explanation((step,)).to_html()
    assert html.startswith("<table><thead>")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;i&gt; = &amp;" in html
    assert "<td>&lt;b&gt;</td>" in html
    assert "<td>&lt;u&gt;</td>" in html
    assert "<td>&lt;em&gt;</td>" in html
    assert "<u>" not in html
    assert "<em>" not in html


def test_explanations_compare_by_their_steps() -> None:
    assert Explanation((MATRIX_STEP,)) == Explanation((MATRIX_STEP,))
    assert Explanation((MATRIX_STEP,)) != Explanation((ADVISORY_STEP,))


# --- what the engine records -----------------------------------------------------------------


@pytest.mark.parametrize(
    "scenario", ["default", "weighted", "unit-head", "periodic", "withheld-peers"]
)
def test_every_step_the_engine_records_is_in_the_rulebook(
    scenario: str,
    plan: PerformancePlan,
    make_plan: Callable[..., PerformancePlan],
    make_assessment: Callable[..., Assessment],
    make_peers: Callable[..., list[Assessment]],
) -> None:
    kwargs: dict[str, Any] = {}
    items = [make_assessment("self", A, A), make_assessment("pejabat_penilai", S, B)]
    if scenario == "weighted":
        kwargs["policy"] = WeightedSources({"self": 20, "pejabat_penilai": 60, "peer": 20})
    elif scenario == "unit-head":
        plan = make_plan(leads_unit=True)
        items = [make_assessment("pejabat_penilai", S, B, plan=plan)]
        kwargs["organisation_predikat"] = OrganisationPredikat.BUTUH_PERBAIKAN
    elif scenario == "periodic":
        q3 = Period.quarter(2025, 3)
        items = [make_assessment("pejabat_penilai", S, B, period=q3)]
        kwargs["period"] = q3
    elif scenario == "withheld-peers":
        items += make_peers([(A, A), (A, A)])
    appraisal = appraise(plan, items, **kwargs)
    assert appraisal.explanation.steps
    for step in appraisal.explanation:
        assert step.rule in RULEBOOK, step
        assert step.citation
        assert step.dimension in {"", "hasil_kerja", "perilaku_kerja", "predikat"}
    assert appraisal.explanation.steps[-1].rule == "6/2022-MATRIX"
    rendered = appraisal.explain()
    assert rendered.count("   source: ") == len(appraisal.explanation)


def test_each_rating_is_explained_by_at_least_one_step(
    plan: PerformancePlan, make_assessment: Callable[..., Assessment]
) -> None:
    appraisal = appraise(plan, [make_assessment("pejabat_penilai", A, S)])
    for dimension in ("hasil_kerja", "perilaku_kerja", "predikat"):
        assert appraisal.explanation.for_dimension(dimension)


@pytest.mark.parametrize("bad", [1.5, ("6/2022-MATRIX", "predikat", (), "baik"), None])
def test_an_explanation_holds_only_step_objects(bad: object) -> None:
    """Reproduces issue 10 s.4: Explanation((1.5, ...)) was accepted and failed only when
    rendered or dumped."""
    step = Step("6/2022-MATRIX", "predikat", (), "baik")
    with pytest.raises(InputError) as info:
        Explanation((step, bad))  # type: ignore[arg-type]
    assert (info.value.path, info.value.rule) == ("steps[1]", "TYPE")


def test_an_explanation_takes_a_list_of_steps_as_a_tuple() -> None:
    step = Step("6/2022-MATRIX", "predikat", (), "baik")
    assert Explanation([step]).steps == (step,)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        Explanation("not steps")  # type: ignore[arg-type]
