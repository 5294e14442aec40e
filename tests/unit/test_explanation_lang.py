"""Explanations, rule titles and the reason line in Bahasa Indonesia and English (issue 14,
second slice).

Every expected line is written by hand. English is the text the library has always written
(and reads no catalogue); Indonesian takes the rule titles (``rule.title.<RULE ID>``) and the
fixed words (``dasar``, ``masukan``, ``hasil``, ``catatan``, ``[keputusan pustaka]``,
``kepala unit``, ``tertimbang``, ``matriks``) from ``locale/id.po``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from asn_performance import (
    Assessment,
    OrganisationPredikat,
    PerformancePlan,
    Rating,
    WeightedSources,
    appraise,
)
from asn_performance._kit.i18n import catalogue
from asn_performance.domain.explanation import Explanation, Rule, Step, rule_title
from asn_performance.exceptions import InputError
from asn_performance.regimes.permenpanrb_6_2022._reason import _reason_in
from asn_performance.services.rulebook import RULEBOOK
from asn_performance.services.sample import sample_unit

PREFIX = "rule.title."
S, A, B = Rating.SESUAI, Rating.DI_ATAS, Rating.DI_BAWAH


# --- rule titles: every rule, both catalogues, both ways ----------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_rule_has_a_title_in_each_catalogue_and_no_title_names_an_unknown_rule(
    lang: str,
) -> None:
    titled = {key.removeprefix(PREFIX) for key in catalogue(lang) if key.startswith(PREFIX)}
    assert titled - set(RULEBOOK) == set(), "a title for a rule the library does not know"
    assert set(RULEBOOK) - titled == set(), "a rule without a title"


def test_the_english_titles_are_the_rules_own_and_ids_have_no_dot() -> None:
    english = catalogue("en")
    for rule_id, rule in RULEBOOK.items():
        assert "." not in rule_id  # the message id rule.title.<ID> splits at its last dot
        assert english[PREFIX + rule_id].text == rule.title, rule_id


def test_an_indonesian_title_uses_the_regulations_words() -> None:
    # Written by hand from docs/glossary.md: predikat kinerja pegawai, rating, matriks;
    # atasan pejabat penilai kinerja, keberatan; AK kumulatif minimal.
    assert rule_title(RULEBOOK["6/2022-MATRIX"], "id") == (
        "Predikat kinerja pegawai dari kedua rating (matriks 3x3)"
    )
    assert rule_title(RULEBOOK["PP30-59-DECISION"], "id") == (
        "Atasan pejabat penilai kinerja memutus keberatan; keputusannya bersifat final"
    )
    assert rule_title(RULEBOOK["AK-MINIMUM"], "id") == (
        "AK kumulatif minimal untuk kenaikan pangkat atau jenjang"
    )
    assert rule_title(RULEBOOK["6/2022-MATRIX"]) == (
        "Predikat kinerja pegawai from the two ratings (3x3 matrix)"
    )


def test_a_rule_no_catalogue_knows_keeps_its_title_and_a_plain_id_is_its_own_title() -> None:
    agency = Rule("AGENCY-X", "An agency's own rule", "Perbup 1/2025", normative=False)
    assert rule_title(agency, "id") == "An agency's own rule"
    assert rule_title("6/2022-MATRIX", "id") == "6/2022-MATRIX"
    with pytest.raises(InputError) as raised:
        rule_title(agency, "fr")  # type: ignore[arg-type]
    assert raised.value.rule == "I18N-LANG"


# --- Explanation.render, to_markdown, to_html -------------------------------------------

MATRIX_STEP = Step(
    RULEBOOK["6/2022-MATRIX"],
    "predikat",
    (("rating hasil kerja", "Sesuai Ekspektasi"), ("rating perilaku kerja", "Di Atas Ekspektasi")),
    "Baik",
)
ADVISORY_STEP = Step(
    RULEBOOK["D2-ADVISORY"], "hasil_kerja", (("Penilaian diri", "Di Atas Ekspektasi"),), "x", "n"
)
EXPLANATION = Explanation((ADVISORY_STEP, MATRIX_STEP))
CITATION = (
    "SE MenPANRB 3/2023 step 3; the 3x3 matrix of the BKN e-Kinerja evaluation form, identical"
    " in at least eight independent implementations"
)


def test_render_in_indonesian_and_english_line_by_line() -> None:
    indonesian = [
        "1. [D2-ADVISORY] Sumber lain hanya sebagai pertimbangan: dicatat, tidak dihitung"
        " (hasil_kerja) [keputusan pustaka]",
        "   dasar: Library decision D2",
        "   masukan: Penilaian diri = Di Atas Ekspektasi",
        "   hasil: x",
        "   catatan: n",
        "2. [6/2022-MATRIX] Predikat kinerja pegawai dari kedua rating (matriks 3x3) (predikat)",
        f"   dasar: {CITATION}",
        "   masukan: rating hasil kerja = Sesuai Ekspektasi, rating perilaku kerja = Di Atas"
        " Ekspektasi",
        "   hasil: Baik",
    ]
    english = [
        "1. [D2-ADVISORY] Other sources are advisory and recorded, not counted (hasil_kerja)"
        " [library decision]",
        "   source: Library decision D2",
        "   inputs: Penilaian diri = Di Atas Ekspektasi",
        "   result: x",
        "   note: n",
        "2. [6/2022-MATRIX] Predikat kinerja pegawai from the two ratings (3x3 matrix) (predikat)",
        f"   source: {CITATION}",
        "   inputs: rating hasil kerja = Sesuai Ekspektasi, rating perilaku kerja = Di Atas"
        " Ekspektasi",
        "   result: Baik",
    ]
    assert EXPLANATION.render("id").splitlines() == indonesian
    assert EXPLANATION.render("en").splitlines() == english
    assert EXPLANATION.render() == str(EXPLANATION) == "\n".join(english)


def test_the_tables_headers_follow_the_language() -> None:
    assert EXPLANATION.to_markdown("id").splitlines()[0] == (
        "| # | aturan | dimensi | masukan | hasil | catatan | dasar |"
    )
    assert EXPLANATION.to_markdown().splitlines()[:2] == [
        "| # | rule | for | inputs | result | note | source |",
        "|---|---|---|---|---|---|---|",
    ]
    assert EXPLANATION.to_html("id").startswith(
        "<table><thead><tr><th>#</th><th>aturan</th><th>dimensi</th><th>masukan</th>"
        "<th>hasil</th><th>catatan</th><th>dasar</th></tr></thead><tbody>"
    )
    assert EXPLANATION.to_html().startswith(
        "<table><thead><tr><th>#</th><th>rule</th><th>for</th><th>inputs</th>"
        "<th>result</th><th>note</th><th>source</th></tr></thead><tbody>"
    )
    with pytest.raises(InputError) as raised:
        EXPLANATION.render("de")  # type: ignore[arg-type]
    assert raised.value.rule == "I18N-LANG"


# --- the reason line and explain() ------------------------------------------------------


def _sample() -> list[Any]:
    sample = sample_unit()
    return [
        appraise(
            plan,
            [a for a in sample.assessments if a.plan_id == plan.id],
            policy=sample.policy,
            guards=sample.guards,
            organisation_predikat=sample.organisation_predikat,
        )
        for plan in sample.plans
    ]


def test_the_english_catalogue_gives_the_english_fast_paths_word_for_word() -> None:
    # en.po and the English code (which reads no catalogue) must not drift apart.
    for appraisal in _sample():
        assert _reason_in(appraisal, "en") == appraisal.reason()
        assert appraisal.explanation._render_in("en") == appraisal.explanation.render()
        assert appraisal.explain("en") == appraisal.explain()


def test_the_sample_units_reasons_in_indonesian() -> None:
    reasons = [a.reason("id") for a in _sample()]
    # The head (D3): organisation Baik → rating hasil kerja Sesuai; perilaku Di Atas by the
    # pejabat penilai; matrix (Sesuai, Di Atas) → Baik.
    assert reasons[0] == (
        "hasil Sesuai (pimpinan unit kerja: capaian kinerja organisasi Baik), perilaku Di Atas"
        " (pejabat penilai) → Baik (matriks 6/2022)"
    )
    # The 8th plan: two peers answered, fewer than the minimum 3 (G-ANONYMITY): not used;
    # the count and note are the step's own words (English until the steps are translated).
    assert reasons[7] == (
        "hasil Di Atas (pejabat penilai), perilaku Sesuai (pejabat penilai) → Baik"
        " (matriks 6/2022); masukan rekan kerja setingkat tidak dipakai (2 tanggapan,"
        " kurang dari 3 tanggapan)"
    )
    assert _sample()[0].reason() == (
        "hasil Sesuai (unit head: organisation predikat Baik), perilaku Di Atas"
        " (pejabat penilai) → Baik (matrix 6/2022)"
    )


def test_a_weighted_reason_and_an_objections_decision_in_indonesian(
    plan: PerformancePlan, make_assessment: Callable[..., Assessment]
) -> None:
    # pejabat penilai 100 %: its (Di Bawah, Sesuai) is the weighted result; matrix
    # (Di Bawah, Sesuai) → Butuh Perbaikan.
    policy = WeightedSources({"pejabat_penilai": 100}, sesuai_from="1.5", di_atas_from="2.5")
    weighted = appraise(plan, [make_assessment("pejabat_penilai", B, S)], policy=policy)
    assert weighted.reason("id") == (
        "hasil Di Bawah (tertimbang), perilaku Sesuai (tertimbang) → Butuh Perbaikan"
        " (matriks 6/2022)"
    )
    assert weighted.reason() == (
        "hasil Di Bawah (weighted), perilaku Sesuai (weighted) → Butuh Perbaikan (matrix 6/2022)"
    )
    # An objection's decision recorded after the first deciding step counts (the last one).
    first = appraise(plan, [make_assessment("pejabat_penilai", S, A)])
    decision = Step(RULEBOOK["PP30-59-DECISION"], "hasil_kerja", (), "Sesuai Ekspektasi")
    steps = first.explanation.steps
    decided = attrs.evolve(first, explanation=Explanation((*steps[:-1], decision, steps[-1])))
    assert decided.reason("id") == (
        "hasil Sesuai (keberatan diputus atasan pejabat penilai), perilaku Di Atas"
        " (pejabat penilai) → Baik (matriks 6/2022)"
    )
    assert decided.reason() == (
        "hasil Sesuai (objection decided by the atasan), perilaku Di Atas (pejabat penilai)"
        " → Baik (matrix 6/2022)"
    )


def test_explain_heading_in_indonesian(
    make_plan: Callable[..., PerformancePlan], make_assessment: Callable[..., Assessment]
) -> None:
    head_plan = make_plan(leads_unit=True)
    appraisal = appraise(
        head_plan,
        [make_assessment("pejabat_penilai", A, A, plan=head_plan)],
        organisation_predikat=OrganisationPredikat.BAIK,
    )
    # The tests' employee Budi Santoso, SKP skp-2025-budi; D3: Baik → Sesuai; (Sesuai, Di Atas)
    # → Baik.
    assert appraisal.explain("id").splitlines()[:2] == [
        "Budi Santoso (198609262015051001), SKP skp-2025-budi, Tahunan 2025",
        "rating hasil kerja: Sesuai Ekspektasi; rating perilaku kerja: Di Atas Ekspektasi;"
        " predikat: Baik (kebijakan supervisor_decides, ketentuan permenpanrb_6_2022)",
    ]
    assert appraisal.explain().splitlines()[:2] == [
        "Budi Santoso (198609262015051001), plan skp-2025-budi, Tahunan 2025",
        "rating hasil kerja: Sesuai Ekspektasi; rating perilaku kerja: Di Atas Ekspektasi;"
        " predikat: Baik (policy supervisor_decides, regime permenpanrb_6_2022)",
    ]
