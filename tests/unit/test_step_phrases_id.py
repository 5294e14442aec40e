"""The steps of a 2022 appraisal in Bahasa Indonesia (issue 14, slice "steps of the 2022
appraisal"): ``Explanation.render(lang="id")`` shows each step's inputs, output and note through
the catalogue messages ``step.<RULE ID>.<name>``, numbers written per language; the step's data
(its JSON, the seals of stored records, the English text) is unchanged.

Every expected Indonesian line below is written by hand from the English text the rule records
and the arithmetic noted beside it, never copied from the code's output.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
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
    weighting,
)
from asn_performance._kit import i18n
from asn_performance._kit.i18n import catalogue
from asn_performance.domain.explanation import Explanation, Step, step_in
from asn_performance.regimes.permenpanrb_6_2022 import appraisal as appraisal_module
from asn_performance.regimes.permenpanrb_6_2022 import matrix, quantitative, roster_check
from asn_performance.services.rulebook import RULEBOOK
from asn_performance.services.sample import sample_unit

GOLDEN = Path(__file__).parent.parent / "golden"
MODULES = (weighting, matrix, appraisal_module, quantitative, roster_check)

#: The rules of this slice: every step an appraisal under PermenPANRB 6/2022 records.
SLICE = frozenset(
    {
        "6/2022-MATRIX",
        "D3-UNIT-HEAD",
        "D1-PERIODIC-SUMMARY",
        "D2-SUPERVISOR-DECIDES",
        "D2-ADVISORY",
        "W-WEIGHTED",
        "W-MISSING-SOURCE",
        "G-ANONYMITY",
        "6/2022-PERIOD",
        "6/2022-FEEDBACK",
        "6/2022-QUANT-CAPAIAN",
        "6/2022-QUANT-THRESHOLDS",
        "6/2022-QUANT-SUGGESTION",
        "AUTH-ROSTER-ROLE",
    }
)


def _step(rule: str, dimension: str, inputs: Any, output: str, note: str = "") -> Step:
    return Step(RULEBOOK[rule], dimension, tuple(inputs), output, note)


def _lines(step: Step) -> list[str]:
    """The inputs, result and note lines of one step rendered in Indonesian."""
    return Explanation([step]).render("id").splitlines()[2:]


# --- the phrase tables of the rule modules are the English catalogue ---------------------------


def test_every_phrase_a_rule_module_exposes_is_its_english_message() -> None:
    english = catalogue("en")
    exposed: dict[str, str] = {}
    for module in MODULES:
        exposed.update(module.STEP_PHRASES)
    for msg_id, phrase in exposed.items():
        assert english[msg_id].text == phrase, msg_id
        rule = msg_id.removeprefix("step.").partition(".")[0]
        assert rule in SLICE, msg_id
    in_catalogue = {msg_id for msg_id in english if msg_id.startswith("step.")}
    assert in_catalogue >= set(exposed)


def test_the_fixed_phrases_the_modules_write_are_the_ones_they_expose() -> None:
    # The module constants the steps are built from, compared with the exposed phrases.
    phrases = quantitative.STEP_PHRASES
    assert phrases["step.6/2022-QUANT-SUGGESTION.stands"] == quantitative._STANDS
    assert phrases["step.6/2022-QUANT-SUGGESTION.above"] == quantitative._ABOVE
    assert phrases["step.6/2022-QUANT-SUGGESTION.below"] == quantitative._BELOW
    assert phrases["step.6/2022-QUANT-THRESHOLDS.note"] == quantitative._THRESHOLDS_NOTE
    assert phrases["step.6/2022-QUANT-CAPAIAN.not_measured"] == quantitative._NOT_MEASURED_NOTE
    assert phrases["step.6/2022-QUANT-CAPAIAN.within"] == quantitative._WITHIN_NOTE
    assert "; " + phrases["step.6/2022-QUANT-CAPAIAN.tambahan"] == quantitative._TAMBAHAN_NOTE
    assert weighting.STEP_PHRASES["step.W-MISSING-SOURCE.left_out"] == weighting._MISSING_NOTE


# --- hand-written Indonesian for the steps ------------------------------------------------------


def test_the_matrix_step_keeps_the_regulation_s_words() -> None:
    # Every piece of the matrix step is already Indonesian: the input names are the
    # regulation's ("rating hasil kerja"), the values and the result are labels.
    step = _step(
        "6/2022-MATRIX",
        "predikat",
        [
            ("rating hasil kerja", "Di Bawah Ekspektasi"),
            ("rating perilaku kerja", "Sesuai Ekspektasi"),
        ],
        "Butuh Perbaikan",
    )
    assert _lines(step) == [
        "   masukan: rating hasil kerja = Di Bawah Ekspektasi, rating perilaku kerja = Sesuai"
        " Ekspektasi",
        "   hasil: Butuh Perbaikan",
    ]


def test_the_unit_head_step_d3_in_indonesian() -> None:
    step = _step(
        "D3-UNIT-HEAD",
        "hasil_kerja",
        [
            ("capaian kinerja organisasi", "Sangat Baik"),
            ("pejabat penilai kinerja (superseded)", "Sesuai Ekspektasi"),
        ],
        "Di Atas Ekspektasi",
    )
    assert _lines(step) == [
        "   masukan: capaian kinerja organisasi = Sangat Baik, pejabat penilai kinerja"
        " (digantikan) = Sesuai Ekspektasi",
        "   hasil: Di Atas Ekspektasi",
    ]


def test_the_weighted_step_in_indonesian() -> None:
    # Weights 20/60/20 on 1/2/3, the self 3, the supervisor 2, two peers 2 and 3: the peers'
    # mean is 5/2 = 2.50; the score 0.2·3 + 0.6·2 + 0.2·2.5 = 0.6 + 1.2 + 0.5 = 2.30, Sesuai
    # (from 1.5, below 2.5). Each number is written with a decimal comma.
    step = _step(
        "W-WEIGHTED",
        "hasil_kerja",
        [
            ("Penilaian diri", "3.00 × 20.00 %"),
            ("Pejabat Penilai Kinerja", "2.00 × 60.00 %"),
            ("Rekan kerja setingkat (mean of 2)", "2.50 × 20.00 %"),
        ],
        "Sesuai Ekspektasi",
        "score 2.30; Sesuai from 1.5, Di Atas from 2.5",
    )
    assert _lines(step) == [
        "   masukan: Penilaian diri = 3,00 × 20,00 %, Pejabat Penilai Kinerja = 2,00 × 60,00 %,"
        " Rekan kerja setingkat (rata-rata dari 2) = 2,50 × 20,00 %",
        "   hasil: Sesuai Ekspektasi",
        "   catatan: nilai 2,30; Sesuai mulai 1,5, Di Atas mulai 2,5",
    ]


def test_a_weighted_appraisal_with_a_missing_source_in_indonesian(
    plan: PerformancePlan, make_assessment: Callable[..., Assessment]
) -> None:
    # Weights 20/60/20, no peer rated: 20 + 60 = 80 left, shares 25 % and 75 %; hasil kerja
    # self Di Atas (3), supervisor Sesuai (2): 0.25·3 + 0.75·2 = 2.25, Sesuai.
    policy = WeightedSources({"self": 20, "pejabat_penilai": 60, "peer": 20})
    items = [
        make_assessment(AssessorRole.SELF, Rating.DI_ATAS, Rating.SESUAI),
        make_assessment(AssessorRole.PEJABAT_PENILAI, Rating.SESUAI, Rating.SESUAI),
    ]
    result = appraise(plan, items, policy=policy)
    text = Explanation(result.explanation.for_dimension("hasil_kerja")).render("id")
    assert text.splitlines()[2:5] == [
        "   masukan: Rekan kerja setingkat = 20",
        "   hasil: bobot dibagi ulang atas 80",
        "   catatan: sumber yang tidak memberikan rating, atau masukannya ditahan, tidak"
        " diikutkan dan tidak dihitung nol",
    ]
    assert text.splitlines()[7:10] == [
        "   masukan: Penilaian diri = 3,00 × 25,00 %, Pejabat Penilai Kinerja = 2,00 × 75,00 %",
        "   hasil: Sesuai Ekspektasi",
        "   catatan: nilai 2,25; Sesuai mulai 1,5, Di Atas mulai 2,5",
    ]


def test_the_anonymity_step_in_indonesian() -> None:
    # Two peers answered; the guard's minimum is 3: withheld.
    step = _step(
        "G-ANONYMITY",
        "perilaku_kerja",
        [("Rekan kerja setingkat", "2 response(s)")],
        "withheld",
        "fewer than 3 responses",
    )
    assert _lines(step) == [
        "   masukan: Rekan kerja setingkat = 2 tanggapan",
        "   hasil: ditahan",
        "   catatan: kurang dari 3 tanggapan",
    ]


def test_the_supervisor_decides_and_advisory_steps_in_indonesian() -> None:
    decided = _step(
        "D2-SUPERVISOR-DECIDES",
        "hasil_kerja",
        [("pejabat penilai kinerja", "Sesuai Ekspektasi")],
        "Sesuai Ekspektasi",
    )
    advisory = _step(
        "D2-ADVISORY",
        "hasil_kerja",
        [("Rekan kerja setingkat", "1× Sesuai Ekspektasi, 2× Di Atas Ekspektasi")],
        "recorded for feedback, not counted",
    )
    assert _lines(decided) == [
        "   masukan: pejabat penilai kinerja = Sesuai Ekspektasi",
        "   hasil: Sesuai Ekspektasi",
    ]
    assert _lines(advisory) == [
        "   masukan: Rekan kerja setingkat = 1× Sesuai Ekspektasi, 2× Di Atas Ekspektasi",
        "   hasil: dicatat sebagai umpan balik, tidak dihitung",
    ]


def test_the_quantitative_steps_in_indonesian() -> None:
    # Target 12 layanan, realisasi 13.5: 13.5 / 12 × 100 = 112.5 %, capped at 110 % by the
    # agency. Mean of 110 and 95.5 = 205.5 / 2 = 102.75 %: Sesuai (from 100, Di Atas from 110).
    capaian = _step(
        "6/2022-QUANT-CAPAIAN",
        "hasil_kerja",
        [("RHK", "1.2"), ("IKI", "1.2.1"), ("target", "12 layanan"), ("realisasi", "13.5")],
        "112.50 %",
        "realisasi / 12 × 100 %; capped at 110 % (agency threshold); RHK tambahan: shown, not"
        " counted",
    )
    thresholds = _step(
        "6/2022-QUANT-THRESHOLDS",
        "hasil_kerja",
        [
            ("mean capaian", "102.75 %"),
            ("indicators counted", "2"),
            ("Di Atas from", "110 %"),
            ("Sesuai from", "100 %"),
        ],
        "Sesuai Ekspektasi",
        quantitative._THRESHOLDS_NOTE,
    )
    compared = _step(
        "6/2022-QUANT-SUGGESTION",
        "hasil_kerja",
        [
            ("suggested", "Sesuai Ekspektasi"),
            ("decided by the pejabat penilai", "Di Atas Ekspektasi"),
        ],
        "differs",
        "the pejabat penilai rated above the suggestion; the decision stands",
    )
    assert _lines(capaian) == [
        "   masukan: RHK = 1.2, IKI = 1.2.1, target = 12 layanan, realisasi = 13,5",
        "   hasil: 112,50 %",
        "   catatan: realisasi / 12 × 100 %; dibatasi 110 % (ambang instansi); RHK tambahan:"
        " ditampilkan, tidak dihitung",
    ]
    assert _lines(thresholds) == [
        "   masukan: rata-rata capaian = 102,75 %, jumlah indikator dihitung = 2,"
        " Di Atas mulai = 110 %, Sesuai mulai = 100 %",
        "   hasil: Sesuai Ekspektasi",
        "   catatan: saran dari ambang instansi (bukan ketentuan nasional); rating dari pejabat"
        " penilai kinerja adalah keputusannya",
    ]
    assert _lines(compared) == [
        "   masukan: saran = Sesuai Ekspektasi, keputusan pejabat penilai kinerja = Di Atas"
        " Ekspektasi",
        "   hasil: berbeda dari saran",
        "   catatan: pejabat penilai kinerja memberi rating di atas saran; keputusan tetap berlaku",
    ]


def test_the_period_feedback_and_roster_steps_in_indonesian() -> None:
    period = _step("6/2022-PERIOD", "", [("plan period", "2025")], "Triwulan I 2025", "periodic")
    feedback = _step(
        "6/2022-FEEDBACK",
        "",
        [("Umpan balik", "2: fb-1, fb-2")],
        "2 entries cited",
        "1 outside the period",
    )
    roster = _step(
        "AUTH-ROSTER-ROLE",
        "",
        [("roster", "1250 employees")],
        "3 assessments checked",
        "roles checked against a roster of 1250 employees",
    )
    # A period code is an identifier: "2025" stays, never "2.025".
    assert _lines(period) == [
        "   masukan: periode SKP = 2025",
        "   hasil: Triwulan I 2025",
        "   catatan: periodik",
    ]
    # The ids listed after the count are left as they are (a composite the rule builds).
    assert _lines(feedback) == [
        "   masukan: Umpan balik = 2: fb-1, fb-2",
        "   hasil: 2 catatan dirujuk",
        "   catatan: 1 di luar periode",
    ]
    # A count of 1250 is written 1.250 in Indonesian.
    assert _lines(roster) == [
        "   masukan: daftar pegawai = 1.250 pegawai",
        "   hasil: 3 penilaian diperiksa",
        "   catatan: peran diperiksa terhadap daftar 1.250 pegawai",
    ]


def test_a_piece_without_a_translation_stays_as_it_is() -> None:
    # The reason a suggestion could not be made is an error message: not a phrase of the rule.
    step = _step(
        "6/2022-QUANT-SUGGESTION", "hasil_kerja", [], "no suggestion", "the plan has no target"
    )
    assert _lines(step) == ["   hasil: tidak ada saran", "   catatan: the plan has no target"]
    # A rule the library does not know: its pieces stay (a number is still written per language).
    own = Step("AGENCY-OWN", "", (("weights", "2.5"),), "withheld", "")
    assert step_in(own, "id") == Step("AGENCY-OWN", "", (("weights", "2,5"),), "withheld", "")


# --- the step data does not change --------------------------------------------------------------


def _golden_appraisals(
    plan: PerformancePlan,
    unit: Any,
    make_plan: Callable[..., PerformancePlan],
    make_assessment: Callable[..., Assessment],
) -> Iterator[Appraisal]:
    given = json.loads((GOLDEN / "unit_head" / "organisation_baik.json").read_text("utf-8"))
    given = given["input"]
    head_plan = make_plan(leads_unit=True)
    supervisor = make_assessment(
        "pejabat_penilai",
        Rating.parse(given["pejabat_penilai_rating_hasil_kerja"]),
        Rating.parse(given["rating_perilaku_kerja"]),
        plan=head_plan,
    )
    organisation = OrganisationPredikat.parse(given["organisation_predikat"])
    yield appraise(head_plan, [supervisor], organisation_predikat=organisation)
    weighted = json.loads((GOLDEN / "weighted" / "three_peers_counted.json").read_text("utf-8"))
    config = weighted["input"]["policy"]
    policy = WeightedSources(
        config["weights"],
        scale=config["scale"],
        sesuai_from=config["sesuai_from"],
        di_atas_from=config["di_atas_from"],
    )
    peers = iter(unit.peers)
    items = []
    for entry in weighted["input"]["assessments"]:
        role = AssessorRole.parse(entry["role"])
        extra = {"by": next(peers)} if role is AssessorRole.PEER else {}
        hasil, perilaku = Rating.parse(entry["hasil_kerja"]), Rating.parse(entry["perilaku_kerja"])
        items.append(make_assessment(role, hasil, perilaku, **extra))
    yield appraise(plan, items, policy=policy)
    sample = sample_unit()
    for sample_plan in sample.plans:
        yield appraise(
            sample_plan,
            [a for a in sample.assessments if a.plan_id == sample_plan.id],
            policy=sample.policy,
            guards=sample.guards,
            organisation_predikat=sample.organisation_predikat,
        )


@pytest.fixture
def worked(
    plan: PerformancePlan,
    unit: Any,
    make_plan: Callable[..., PerformancePlan],
    make_assessment: Callable[..., Assessment],
) -> list[Appraisal]:
    return list(_golden_appraisals(plan, unit, make_plan, make_assessment))


def _english_left(step: Step) -> list[str]:
    """The pieces (or "; "-parts) of ``step`` shown in Indonesian that still hold an English
    phrase of its rule whose Indonesian text differs: the phrase itself, or every literal bit
    of a template (``score `` of ``score {score}``)."""
    english, indonesian = catalogue("en"), catalogue("id")
    prefix = f"step.{step.rule}."
    bits = [
        [piece.strip() for piece, _ in english[m].pieces if piece.strip()]
        for m in english
        if m.startswith(prefix) and english[m].text != indonesian[m].text
    ]
    shown = step_in(step, "id")
    pieces = [p for pair in shown.inputs for p in pair] + [shown.output, shown.note]
    return [
        part
        for piece in pieces
        for part in {piece, *piece.split("; ")}
        for literal in bits
        if literal and all(bit in part for bit in literal)
    ]


def test_no_phrase_with_a_translation_is_left_in_english_in_the_worked_examples(
    worked: list[Appraisal],
) -> None:
    seen = set()
    for result in worked:
        for step in result.explanation:
            if step.rule in SLICE:
                seen.add(str(step.rule))
                assert not _english_left(step), (step, _english_left(step))
    # The examples reach the matrix, D3, both policies, the advisory step and the guard.
    assert seen >= {
        "6/2022-MATRIX",
        "D3-UNIT-HEAD",
        "D2-SUPERVISOR-DECIDES",
        "D2-ADVISORY",
        "W-WEIGHTED",
        "G-ANONYMITY",
    }


def test_rendering_in_indonesian_changes_no_step_data(worked: list[Appraisal]) -> None:
    for result in worked:
        before = [step.to_dict() for step in result.explanation]
        english = result.explanation.render()
        result.explanation.render("id")
        result.explanation.to_markdown("id")
        result.explanation.to_html("id")
        assert [step.to_dict() for step in result.explanation] == before
        assert result.explanation.render() == english


def test_the_english_rendering_reads_no_catalogue(
    worked: list[Appraisal], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(lang: str) -> Any:
        raise AssertionError(f"catalogue {lang} read")

    monkeypatch.setattr(i18n, "catalogue", refuse)
    for result in worked:
        result.explanation.render()
        result.explanation.to_markdown()
        result.explanation.to_html()
        for step in result.explanation:
            assert step_in(step, "en") is step


def test_the_tables_show_the_steps_in_indonesian() -> None:
    step = _step(
        "G-ANONYMITY",
        "hasil_kerja",
        [("Bawahan", "1 response(s)")],
        "withheld",
        "fewer than 3 responses",
    )
    markdown = Explanation([step]).to_markdown("id").splitlines()[2]
    assert "| Bawahan = 1 tanggapan | ditahan | kurang dari 3 tanggapan |" in markdown
    html = Explanation([step]).to_html("id")
    assert "<td>Bawahan = 1 tanggapan</td><td>ditahan</td><td>kurang dari 3 tanggapan</td>" in html
