"""The steps of the regimes before 2022 in Bahasa Indonesia (issue 14, slice T1): PP 46/2011 +
Perka BKN 1/2013, PermenPANRB 8/2021 (PP 30/2019), the 2021 integration and the unit totals.
``Explanation.render(lang="id")`` shows each step's inputs, output and note through the
catalogue messages ``step.<RULE ID>.<name>``, numbers written per language; the step's data is
unchanged.

Every expected Indonesian line below is written by hand from the English text the rule records
and the arithmetic noted beside it, never copied from the code's output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from importlib.resources import files
from types import ModuleType

import pytest

from asn_performance._kit import i18n
from asn_performance._kit.i18n import Message, catalogue
from asn_performance.boundary.regime_documents import RegimeDocument, load_any
from asn_performance.domain.explanation import Explanation, Step, step_in
from asn_performance.domain.plan import Direction, Target
from asn_performance.regimes import registry, transition_2021
from asn_performance.regimes.permenpanrb_8_2021 import (
    TambahanWork,
    UtamaWork,
    assess_iki,
    performance_value,
)
from asn_performance.regimes.permenpanrb_8_2021 import capaian_iki as iki_module
from asn_performance.regimes.permenpanrb_8_2021 import nilai as nilai_module
from asn_performance.regimes.permenpanrb_8_2021 import predikat as pp30_predikat
from asn_performance.regimes.permenpanrb_8_2021 import skp as pp30_skp
from asn_performance.regimes.pp_46_2011 import (
    Activity,
    BehaviourScores,
    Pp46Config,
    assess_activity,
    assess_behaviour,
    assess_skp,
    work_achievement,
)
from asn_performance.regimes.pp_46_2011 import capaian as pp46_capaian
from asn_performance.regimes.pp_46_2011 import perilaku as pp46_perilaku
from asn_performance.regimes.pp_46_2011 import predikat as pp46_predikat
from asn_performance.regimes.pp_46_2011 import prestasi as pp46_prestasi
from asn_performance.regimes.pp_46_2011 import skp as pp46_skp
from asn_performance.services import totals

MODULES: tuple[ModuleType, ...] = (
    pp46_capaian,
    pp46_skp,
    pp46_perilaku,
    pp46_predikat,
    pp46_prestasi,
    iki_module,
    nilai_module,
    pp30_skp,
    pp30_predikat,
    transition_2021,
    registry,
    totals,
)

#: The rules of this slice: every step the regimes before 2022 and the unit totals record.
SLICE = frozenset(
    {
        "PP46-KUANTITAS",
        "PP46-KUALITAS",
        "PP46-WAKTU",
        "PP46-BIAYA",
        "PP46-KEGIATAN",
        "PP46-TUGAS-TAMBAHAN",
        "PP46-KREATIVITAS",
        "PP46-SKP",
        "PP46-SKP-AVERAGE",
        "PP46-PERILAKU",
        "PP46-PRESTASI",
        "PP46-PREDIKAT",
        "PP46-TO-2022",
        "8/2021-TARGET-MET",
        "8/2021-TARGET-RANGE",
        "8/2021-CAPAIAN",
        "8/2021-CAPAIAN-KHUSUS",
        "8/2021-CAPAIAN-FLOOR",
        "D13-CAPAIAN-ROUNDING",
        "8/2021-NILAI-IKI",
        "8/2021-MAX-ATTAINABLE",
        "8/2021-UTAMA",
        "8/2021-TAMBAHAN",
        "8/2021-NILAI-SKP",
        "PP30-NILAI-KINERJA",
        "PP30-PREDIKAT",
        "PP30-TO-2022",
        "REGIME-2021-INTEGRATION",
        "UNIT-REWARD-TOTALS",
    }
)


def _phrases() -> dict[str, str]:
    exposed: dict[str, str] = {}
    for module in MODULES:
        for msg_id, phrase in module.STEP_PHRASES.items():
            assert exposed.get(msg_id, phrase) == phrase, msg_id
            exposed[msg_id] = phrase
    return exposed


def _example(name: str) -> list[Step]:
    """The steps of the first result of the package's example regime document ``name``."""
    document = load_any((files("asn_performance") / "examples" / f"{name}.json").read_bytes())
    assert isinstance(document, RegimeDocument)
    return list(document.compute()[0].steps)


def _lines(step: Step) -> list[str]:
    """The inputs, result and note lines of one step rendered in Indonesian."""
    return Explanation([step]).render("id").splitlines()[2:]


# --- (a) the phrase tables of the modules are the English catalogue ----------------------------


def test_every_phrase_a_module_exposes_is_its_english_message() -> None:
    english = catalogue("en")
    exposed = _phrases()
    for msg_id, phrase in exposed.items():
        assert english[msg_id].text == phrase, msg_id
        assert msg_id.removeprefix("step.").partition(".")[0] in SLICE, msg_id
    assert {m for m in english if m.startswith("step.")} >= set(exposed)


def test_the_fixed_phrases_the_modules_write_are_the_ones_they_expose() -> None:
    # The module constants the steps are built from, compared with the exposed phrases.
    capaian = pp46_capaian.STEP_PHRASES
    for rule, letter in (("PP46-WAKTU", "W"), ("PP46-BIAYA", "B")):
        assert pp46_capaian._TIME_NOTES[letter] == (
            capaian[f"step.{rule}.not_done"],
            capaian[f"step.{rule}.within"],
            capaian[f"step.{rule}.beyond"],
        )
        assert "; " + capaian[f"step.{rule}.below_zero"] == pp46_capaian._BELOW_ZERO
    skp = pp46_skp.STEP_PHRASES
    assert skp["step.PP46-TUGAS-TAMBAHAN.d7"] == pp46_skp._D7_NOTE
    assert skp["step.PP46-KREATIVITAS.d7"] == pp46_skp._D7_NOTE
    perilaku = pp46_perilaku.STEP_PHRASES
    assert (
        perilaku["step.PP46-PERILAKU.mean"] + pp46_perilaku._STRUCTURAL
        == perilaku["step.PP46-PERILAKU.mean_structural"]
    )
    assert pp46_predikat.STEP_PHRASES["step.PP46-PREDIKAT.bands"] == pp46_predikat._BAND_NOTE
    iki = iki_module.STEP_PHRASES
    assert iki["step.8/2021-TARGET-RANGE.above"] == iki_module._ABOVE
    assert iki["step.8/2021-TARGET-RANGE.below"] == iki_module._BELOW
    table = transition_2021.STEP_PHRASES
    for rule in ("PP46-PREDIKAT", "PP30-PREDIKAT"):
        assert (
            f"{table[f'step.{rule}.table_chosen']}; {table[f'step.{rule}.table_source']}"
        ) == transition_2021._TABLE_NOTE


def _pattern(message: Message) -> re.Pattern[str]:
    """A template's English text as a pattern, a placeholder matching text without "; "."""
    return re.compile(
        "".join(
            re.escape(literal) + ("" if name is None else r"(?:(?!; ).)+?")
            for literal, name in message.pieces
        )
    )


def _pieces(step: Step) -> Iterator[str]:
    for pair in step.inputs:
        yield from pair
    yield step.output
    yield step.note


def _coverage_steps() -> Iterator[Step]:
    """Steps that reach every phrase of the slice: the worked examples and cases made for it."""
    yield from _example("pp46_2019")
    yield from _example("permenpanrb_8_2021")
    yield from _example("integration_2021")
    # PP 46/2011: an activity not done (every realisation 0, with a biaya); one whose waktu is
    # beyond 24 % efficiency (RW 8 of TW 12: E = 33.33 %) and whose biaya exceeds 1.76 × TB
    # (RB 200 of TB 100: below 0 as written).
    yield from assess_activity(Activity("tidak dikerjakan", 1, 0, 100, 0, 12, 0, 100, 0)).steps
    yield from assess_activity(Activity("lewat batas", 1, 1, 100, 100, 12, 8, 100, 200)).steps
    # RW 24 of TW 12 (twice the time): 176 − 200 = −24, below 0 as written; RB 50 of TB 100:
    # E = 50 % > 24 %.
    yield from assess_activity(Activity("terlambat", 1, 1, 100, 100, 12, 24, 100, 50)).steps
    # Two SKPs averaged, the second capped at 90 by the agency (100 + 3 points of tugas
    # tambahan for 7 tasks is 103 > 90); kepemimpinan for a structural position.
    config = Pp46Config(skp_cap=Decimal(90))
    first = assess_skp([Activity("a", 1, 1, 100, 100, 12, 12)])
    second = assess_skp([Activity("b", 1, 1, 100, 100, 12, 12)], tugas_tambahan=7, config=config)
    behaviour = assess_behaviour(BehaviourScores(80, 80, 80, 80, 80, 80, structural=True))
    yield from work_achievement([first, second], behaviour).steps
    # The exact value 90.004 is above 90 (Sangat Baik); the 90.00 shown is not.
    yield pp46_predikat.predikat_step((90004, 1000), "predikat", "nilai prestasi kerja")[1]
    # PermenPANRB 8/2021: a ranged target 80-90 met (85), missed (70); lower is better beyond
    # twice the target (25 of 10: the floor); the maximum attainable; a tambahan capped
    # (100 × 10 / 100 × 120 / 100 = 12 > 10).
    yield from assess_iki(Target.range(80, 90), 85, id="i-1").steps
    yield from assess_iki(Target.range(80, 90), 70, id="i-2").steps
    yield from assess_iki(10, 25, direction=Direction.LOWER_IS_BETTER, id="i-3").steps
    top = assess_iki(10, 10, max_attainable=True, id="i-4")
    yield from top.steps
    extra = assess_iki(10, 12, id="i-5")  # 120 %: Sangat Baik, 120
    skp = pp30_skp.assess_skp([UtamaWork("u", 100, [top])], [TambahanWork("t", 10, extra)])
    yield from skp.steps
    # 60/40; 110 with an innovation; 125 above 120 without; 109.996 shown as 110.00.
    yield from performance_value(110, 110, with_peer_input=True, innovation=True).steps
    yield from performance_value(125, 120, with_peer_input=True).steps
    yield from performance_value("109.996", "109.996", with_peer_input=False, innovation=True).steps
    # The integrated value banded by the PP 46/2011 table.
    yield from transition_2021.integrated_predikat(Decimal("93.28"), "pp46_2011", False)[2]
    # The unit totals of no outcome: 0 employees, no period.
    yield from totals.reward_totals([]).steps


def test_every_phrase_is_what_a_step_of_its_rule_writes() -> None:
    # Each phrase (or template) matches a piece, or a "; "-part of one, of a step of its rule:
    # the inline f-strings of the modules are the exposed phrases, letter for letter.
    english = catalogue("en")
    pieces: dict[str, set[str]] = {}
    for step in _coverage_steps():
        bucket = pieces.setdefault(str(step.rule), set())
        for piece in _pieces(step):
            bucket.update({piece, *piece.split("; ")})
    for msg_id in _phrases():
        rule = msg_id.removeprefix("step.").partition(".")[0]
        message = english[msg_id]
        found = pieces.get(rule, set())
        if message.names:
            pattern = _pattern(message)
            assert any(pattern.fullmatch(piece) for piece in found), msg_id
        else:
            assert message.text in found, msg_id


# --- (b) hand-written Indonesian for the worked examples -------------------------------------


def test_a_pp46_2011_appraisal_in_indonesian() -> None:
    # Digest §11 example 6: one activity. TO 1 RO 1: 100; TK 100 RK 90: 90; TW 12 RW 12:
    # E = 100 − 12/12 × 100 = 0 % ≤ 24 %, ((1.76 × 12 − 12) / 12) × 100 = 9.12 / 12 × 100 = 76;
    # TB = RB = 170,395,000: 76 as well. (100 + 90 + 76 + 76) / 4 = 342 / 4 = 85.50; no
    # points: SKP 85.50, Baik (> 75). Perilaku 5 × 80 / 5 = 80. 60 % × 85.50 = 51.30,
    # 40 % × 80 = 32.00: 83.30, Baik.
    steps = _example("pp46_2019")
    assert [str(s.rule) for s in steps] == [
        "PP46-KUANTITAS",
        "PP46-KUALITAS",
        "PP46-WAKTU",
        "PP46-BIAYA",
        "PP46-KEGIATAN",
        "PP46-TUGAS-TAMBAHAN",
        "PP46-KREATIVITAS",
        "PP46-SKP",
        "PP46-PREDIKAT",
        "PP46-PERILAKU",
        "PP46-PREDIKAT",
        "PP46-PRESTASI",
        "PP46-PREDIKAT",
        "PP46-TO-2022",
    ]
    assert _lines(steps[0]) == [
        "   masukan: kegiatan = Menyelenggarakan rakor, TO = 1, RO = 1",
        "   hasil: 100,00",
        "   catatan: RO / TO × 100",
    ]
    assert _lines(steps[2]) == [
        "   masukan: kegiatan = Menyelenggarakan rakor, TW = 12, RW = 12, efisiensi = 0,00 %",
        "   hasil: 76,00",
        "   catatan: efisiensi ≤ 24 %: ((1,76 × TW − RW) / TW) × 100",
    ]
    # Rupiah amounts of the biaya are numbers: 170.395.000.
    assert _lines(steps[3]) == [
        "   masukan: kegiatan = Menyelenggarakan rakor, TB = 170.395.000, RB = 170.395.000,"
        " efisiensi = 0,00 %",
        "   hasil: 76,00",
        "   catatan: efisiensi ≤ 24 %: ((1,76 × TB − RB) / TB) × 100",
    ]
    assert _lines(steps[4]) == [
        "   masukan: kegiatan = Menyelenggarakan rakor, aspek 1 = 100,00, aspek 2 = 90,00,"
        " aspek 3 = 76,00, aspek 4 = 76,00",
        "   hasil: 85,50",
        "   catatan: perhitungan 342,00 / 4",
    ]
    assert _lines(steps[5]) == [
        "   masukan: tugas tambahan = 0",
        "   hasil: 0",
        "   catatan: keputusan pustaka D7 (BELUM DIKONFIRMASI)",
    ]
    assert _lines(steps[7]) == [
        "   masukan: rata-rata kegiatan = 85,50, tugas tambahan = 0, kreativitas = 0",
        "   hasil: 85,50",
        "   catatan: rata-rata 1 kegiatan 85,50 + 0 + 0",
    ]
    assert _lines(steps[8]) == [
        "   masukan: nilai capaian SKP = 85,50",
        "   hasil: Baik",
        "   catatan: > 90 Sangat Baik, > 75 Baik, > 60 Cukup, > 50 Kurang, selain itu Buruk (D6)",
    ]
    assert _lines(steps[9]) == [
        "   masukan: Orientasi pelayanan = 80, Integritas = 80, Komitmen = 80, Disiplin = 80,"
        " Kerja sama = 80",
        "   hasil: 80,00",
        "   catatan: rata-rata 5 aspek",
    ]
    assert _lines(steps[11]) == [
        "   masukan: nilai SKP = 85,50, nilai perilaku kerja = 80,00",
        "   hasil: 83,30",
        "   catatan: 60 % × 85,50 = 51,30; 40 % × 80,00 = 32,00",
    ]
    assert _lines(steps[13]) == ["   masukan: predikat PP 46/2011 = Baik", "   hasil: Baik"]


def test_a_permenpanrb_8_2021_appraisal_in_indonesian() -> None:
    # Digest §11 example 4, the first employee: nilai SKP 100, perilaku 90, no peer input:
    # 70 % × 100 + 30 % × 90 = 70 + 27 = 97.00, Baik (90-120).
    steps = _example("permenpanrb_8_2021")
    assert [_lines(step) for step in steps] == [
        [
            "   masukan: nilai SKP = 100,00, nilai perilaku = 90,00, bobot = 70/30",
            "   hasil: 97,00",
            "   catatan: Pasal 41(3): instansi tidak menilai perilaku kerja dengan masukan rekan"
            " kerja dan bawahan",
        ],
        [
            "   masukan: nilai kinerja = 97,00, inovasi = tidak",
            "   hasil: Baik",
            "   catatan: Pasal 41(5)",
        ],
        ["   masukan: predikat PP 30/2019 = Baik", "   hasil: Baik"],
    ]


def test_the_2021_integration_in_indonesian() -> None:
    steps = _example("integration_2021")
    by_rule: dict[str, list[Step]] = {}
    for step in steps:
        by_rule.setdefault(str(step.rule), []).append(step)
    # January-June, the second activity: TW 6 RW 5: E = 100 − 5/6 × 100 = 16.666... % (16,67);
    # ((1.76 × 6 − 5) / 6) × 100 = 5.56 / 6 × 100 = 92.666... (92,67). TB 20,000,000 RB
    # 18,000,000: E = 10 %, (1.76 − 0.9) × 100 = 86.
    assert _lines(by_rule["PP46-WAKTU"][1]) == [
        "   masukan: kegiatan = Memfasilitasi rapat koordinasi, TW = 6, RW = 5,"
        " efisiensi = 16,67 %",
        "   hasil: 92,67",
        "   catatan: efisiensi ≤ 24 %: ((1,76 × TW − RW) / TW) × 100",
    ]
    assert _lines(by_rule["PP46-BIAYA"][0]) == [
        "   masukan: kegiatan = Memfasilitasi rapat koordinasi, TB = 20.000.000,"
        " RB = 18.000.000, efisiensi = 10,00 %",
        "   hasil: 86,00",
        "   catatan: efisiensi ≤ 24 %: ((1,76 × TB − RB) / TB) × 100",
    ]
    # July-December: target 80-90 %, realisasi 92 is above the range: the upper bound 90;
    # 92 / 90 × 100 = 102.222...% (28 significant digits kept before D13), rounded to 102 %;
    # 101-110 band: 110 + (120 − 110) / 9 × (102 − 101) = 111.11.
    assert _lines(by_rule["8/2021-TARGET-RANGE"][0]) == [
        "   masukan: IKI = rekomendasi-ditindaklanjuti, target = 80-90 %, realisasi = 92",
        "   hasil: 90",
        "   catatan: realisasi di atas rentang: batas atas yang dipakai",
    ]
    assert _lines(by_rule["8/2021-CAPAIAN"][1]) == [
        "   masukan: IKI = rekomendasi-ditindaklanjuti, target = 90, realisasi = 92",
        "   hasil: 102,22 %",
        "   catatan: realisasi / target × 100 %",
    ]
    assert _lines(by_rule["D13-CAPAIAN-ROUNDING"][1]) == [
        "   masukan: IKI = rekomendasi-ditindaklanjuti, capaian = 102,2222222222222222222222222 %",
        "   hasil: 102 %",
        "   catatan: dibulatkan ke persen bulat, setengah ke atas",
    ]
    assert _lines(by_rule["8/2021-NILAI-IKI"][1]) == [
        "   masukan: IKI = rekomendasi-ditindaklanjuti, capaian = 102 %",
        "   hasil: Sangat Baik, 111,11",
        "   catatan: 101-110 %: 110 + (120 − 110) / (110 % − 101 %) × (capaian − 101 %)"
        " (keputusan pustaka D9)",
    ]
    # rhk-1, bobot 60: the mean of 109 and 111.111... is 110.0555... (110,06); × 60 % = 66.03.
    assert _lines(by_rule["8/2021-UTAMA"][0]) == [
        "   masukan: RHK = rhk-1, bobot = 60 %, nilai jumlah-rekomendasi = 109,00,"
        " nilai rekomendasi-ditindaklanjuti = 111,11",
        "   hasil: 66,03",
        "   catatan: 60 % × rata-rata 110,06",
    ]
    # Lower is better: (1 + (1 − 11 / 10)) × 100 = 90 %; 80-99 band: 70 + 19 / 19 × 10 = 80.
    assert _lines(by_rule["8/2021-NILAI-IKI"][2]) == [
        "   masukan: IKI = waktu-laporan, capaian = 90 %",
        "   hasil: Cukup, 80,00",
        "   catatan: 80-99 %: 70 + (89 − 70) / (99 % − 80 %) × (capaian − 80 %)",
    ]
    # Tambahan Baik (k 80), bobot lingkup 5 %, nilai 109: 80 × 5 / 100 × 109 / 100 = 4.36.
    assert _lines(by_rule["8/2021-TAMBAHAN"][0]) == [
        "   masukan: tambahan = narasumber-bimtek, kategori = Baik, bobot lingkup penugasan = 5 %,"
        " nilai capaian IKI = 109,00",
        "   hasil: 4,36",
        "   catatan: 80 × 5 / 100 × 109,00 / 100",
    ]
    # The halves: 86.375 (86,38) and 100.175... (100,18): (86.375 + 100.175...) / 2 = 93.28.
    assert _lines(by_rule["REGIME-2021-INTEGRATION"][0]) == [
        "   masukan: Januari-Juni (PP 46/2011) = 86,38, Juli-Desember (PermenPANRB 8/2021)"
        " = 100,18",
        "   hasil: 93,28",
        "   catatan: 50 % × Januari-Juni + 50 % × Juli-Desember",
    ]
    assert _lines(by_rule["PP30-PREDIKAT"][-1]) == [
        "   masukan: nilai integrasi 2021 = 93,28, inovasi = tidak",
        "   hasil: Baik",
        "   catatan: Pasal 41(5); tabel dipilih oleh dokumen (predikat_table); sumber aturan"
        " 50/50 tidak menyebut tabelnya (BELUM DIKONFIRMASI)",
    ]


def test_the_less_common_notes_in_indonesian() -> None:
    # An activity not done: RW = 0 gives 0; (100 + 0 + 0 + 0)... every realisation 0: 0 / 4.
    not_done = assess_activity(Activity("rapat", 1, 0, 100, 0, 12, 0, 100, 0)).steps
    assert _lines(not_done[2])[2] == "   catatan: RW = 0: tidak dikerjakan, 0"
    assert _lines(not_done[4])[2] == (
        "   catatan: perhitungan 0,00 / 4; tidak dikerjakan: semua realisasi 0"
    )
    # RB 200 of TB 100: E = 100 − 200 = −100 % ≤ 24 %, 176 − 200 = −24: below 0 as written.
    beyond = assess_activity(Activity("rapat", 1, 1, 100, 100, 12, 8, 100, 200)).steps
    assert _lines(beyond[3]) == [
        "   masukan: kegiatan = rapat, TB = 100, RB = 200, efisiensi = -100,00 %",
        "   hasil: -24,00",
        "   catatan: efisiensi ≤ 24 %: ((1,76 × TB − RB) / TB) × 100; di bawah 0 menurut"
        " rumusnya (realisasi melebihi 1,76 × target)",
    ]
    # RW 8 of TW 12: E = 33.33 % > 24 %: 76 − ((176 − 66.67) − 100) = 76 − 9.33 = 66.67.
    assert _lines(beyond[2])[1:] == [
        "   hasil: 66,67",
        "   catatan: efisiensi > 24 %: 76 − ((((1,76 × TW − RW) / TW) × 100) − 100)",
    ]
    # 60/40 with an innovation: 60 % × 110 + 40 % × 110 = 110: Sangat Baik.
    kinerja = performance_value(110, 110, with_peer_input=True, innovation=True).steps
    assert _lines(kinerja[0])[2] == (
        "   catatan: Pasal 41(4): instansi menilai perilaku kerja dengan masukan rekan kerja"
        " dan bawahan"
    )
    assert _lines(kinerja[1])[2] == "   catatan: Pasal 41(5); ada inovasi: Sangat Baik"
    # 70/30 of 109.996 twice: 109.996, Baik; shown 110.00, which would be Sangat Baik.
    close = performance_value("109.996", "109.996", with_peer_input=False, innovation=True)
    assert _lines(close.steps[1])[2] == (
        "   catatan: Pasal 41(5); yang dibandingkan nilai tepatnya 109,996, bukan 110,00 yang"
        " ditampilkan"
    )
    # 60 % × 125 + 40 % × 120 = 75 + 48 = 123 > 120, no innovation.
    high = performance_value(125, 120, with_peer_input=True).steps
    assert _lines(high[1])[2] == (
        "   catatan: Pasal 41(5); tanpa inovasi: Baik; nilai melebihi 120 pada Pasal 41(5) dan"
        " masuk rentang tertinggi"
    )
    # The unit totals of no outcome.
    assert _lines(totals.reward_totals([]).steps[0]) == [
        "   masukan: pegawai = 0, periode = tidak ada",
        "   hasil: 0",
    ]


# --- (c) no English phrase is left -------------------------------------------------------------


def _english_left(step: Step) -> list[str]:
    """The pieces (or "; "-parts) of ``step`` shown in Indonesian that still hold an English
    phrase of its rule whose Indonesian text differs: the phrase itself, or every literal bit
    of a template (``mean of `` and `` aspects`` of ``mean of {count} aspects``)."""
    english, indonesian = catalogue("en"), catalogue("id")
    prefix = f"step.{step.rule}."
    bits = [
        [piece.strip() for piece, _ in english[m].pieces if piece.strip()]
        for m in english
        if m.startswith(prefix) and english[m].text != indonesian[m].text
    ]
    shown = step_in(step, "id")
    return [
        part
        for piece in _pieces(shown)
        for part in {piece, *piece.split("; ")}
        for literal in bits
        if literal and all(bit in part for bit in literal)
    ]


def test_no_phrase_with_a_translation_is_left_in_english() -> None:
    seen = set()
    for step in _coverage_steps():
        assert str(step.rule) in SLICE, step.rule
        seen.add(str(step.rule))
        assert not _english_left(step), (step, _english_left(step))
    assert seen == SLICE


def test_rendering_in_indonesian_changes_no_step_data() -> None:
    steps = list(_coverage_steps())
    before = [step.to_dict() for step in steps]
    english = Explanation(steps).render()
    Explanation(steps).render("id")
    Explanation(steps).to_markdown("id")
    Explanation(steps).to_html("id")
    assert [step.to_dict() for step in steps] == before
    assert Explanation(steps).render() == english


def test_the_english_rendering_reads_no_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    steps = list(_coverage_steps())

    def refuse(lang: str) -> object:
        raise AssertionError(f"catalogue {lang} read")

    monkeypatch.setattr(i18n, "catalogue", refuse)
    Explanation(steps).render()
    for step in steps:
        assert step_in(step, "en") is step
