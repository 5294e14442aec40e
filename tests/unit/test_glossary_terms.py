"""The glossary is the source of truth for both languages (issue 14).

``docs/glossary.md`` holds the Indonesian terms with their English meaning. These tests check
that the key terms of the regulation, and the words the message catalogues use, are in it, and
that neither catalogue (``src/asn_performance/locale/id.po``, ``en.po``) nor the tutorial in
Bahasa Indonesia spells a term in a known wrong form. The wrong forms and their sources:

* *penilai kinerja* without *pejabat*: the official is the *Pejabat Penilai Kinerja*
  (PermenPANRB 6/2022; the SKP and evaluation forms, our digest §1.7). *Penilai kinerja* alone
  reads as any assessor. The short *pejabat penilai* is fine where the context is clear.
* *atasan penilai*: the official who decides a keberatan is the *atasan dari Pejabat Penilai
  Kinerja* (PP 30/2019 Pasal 59).
* *Perlu Perbaikan*: the 2022 predikat is *Butuh Perbaikan* (SE MenPANRB 3/2023; the BKN
  e-Kinerja form; digest §1.5: "some instansi write Perlu Perbaikan"). The library reads it as
  a synonym (decision D12) but never writes it; a message may name it beside *Butuh Perbaikan*
  (a list of accepted spellings).
* *Diatas / Dibawah Ekspektasi*: the rating is *Di Atas / Di Bawah Ekspektasi*, in two words
  (PermenPANRB 6/2022; SE MenPANRB 3/2023). Likewise the typo *ekspetasi*.
* *Indikator Kinerja Individual*: the regulation writes *Indikator Kinerja Individu*.
* *umpan balik berkesinambungan*: PermenPANRB 6/2022 Pasal 5 writes *umpan balik berkelanjutan*.
* *perilaku kinerja*: the dimension is *perilaku kerja* (PermenPANRB 6/2022).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from asn_performance import AssessorRole, Cadence, CoreValue, OrganisationPredikat, Predikat, Rating
from asn_performance._kit._po import parse_po

ROOT = Path(__file__).parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
LOCALE = ROOT / "src" / "asn_performance" / "locale"
TUTORIAL_ID = ROOT / "docs" / "tutorials" / "penilaian-pertama.md"

#: Terms every reader meets: the regulation's words, and the words the catalogues use for the
#: fixed parts of explanations and errors. Each must be an Indonesian term of the glossary.
KEY_TERMS = (
    "pejabat penilai kinerja",
    "atasan pejabat penilai kinerja",
    "ekspektasi",
    "ekspektasi khusus pimpinan",
    "predikat kinerja pegawai",
    "rating hasil kerja",
    "rating perilaku kerja",
    "Rencana Hasil Kerja",
    "Indikator Kinerja Individu",
    "Sasaran Kinerja Pegawai",
    "capaian kinerja organisasi",
    "umpan balik berkelanjutan",
    "bukti dukung",
    "realisasi",
    "penilaian diri",
    "evaluasi kinerja",
    "keberatan",
    "pola distribusi",
    "BerAKHLAK",
    # the fixed words of explanations and error lines (id.po)
    "alasan",
    "dasar",
    "masukan",
    "keputusan pustaka",
    "kebijakan",
    "ketentuan",
    "tertimbang",
    "matriks",
    "kesalahan",
    "aturan",
)

#: (wrong form, the glossary's form): a regular expression, matched without regard to case.
WRONG_FORMS = (
    (r"(?<!pejabat )\bpenilai kinerja\b", "pejabat penilai kinerja"),
    (r"\batasan penilai\b", "atasan pejabat penilai kinerja"),
    (r"\bperlu perbaikan\b", "Butuh Perbaikan"),
    (r"\bdiatas ekspektasi\b", "Di Atas Ekspektasi"),
    (r"\bdibawah ekspektasi\b", "Di Bawah Ekspektasi"),
    (r"\bekspetasi\b", "ekspektasi"),
    (r"\bindikator kinerja individual\b", "Indikator Kinerja Individu"),
    (r"\bumpan balik berkesinambungan\b", "umpan balik berkelanjutan"),
    (r"\bperilaku kinerja\b", "perilaku kerja"),
)


def glossary_terms() -> list[str]:
    """The first column of the glossary's table: each cell's text (casefolded)."""
    cells = []
    for line in GLOSSARY.read_text("utf-8").splitlines():
        if line.startswith("| ") and not line.startswith(("| Indonesian |", "|---")):
            cells.append(line[2:].split(" | ", 1)[0].casefold())
    return cells


def in_glossary(term: str, cells: list[str]) -> bool:
    """Whether ``term`` is (a whole-word part of) an Indonesian term of the glossary."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(term.casefold())}(?![\w-])")
    return any(pattern.search(cell) for cell in cells)


def catalogue_texts() -> list[tuple[str, str, str]]:
    """(file, msgid, msgstr) of every message of every catalogue, the header left out."""
    texts = []
    for path in sorted(LOCALE.glob("*.po")):
        for entry in parse_po(path.read_text("utf-8"), path.name):
            if entry.msgid:
                texts.append((path.name, entry.msgid, entry.msgstr))
    return texts


def wrong_uses(text: str) -> list[str]:
    """The wrong forms in ``text``, each with the glossary's form."""
    found = []
    for wrong, right in WRONG_FORMS:
        if right == "Butuh Perbaikan" and "butuh perbaikan" in text.casefold():
            continue  # "Butuh Perbaikan (also Perlu Perbaikan)": naming the synonym is fine
        found += [f"{m.group(0)!r} (write {right!r})" for m in re.finditer(wrong, text, re.I)]
    return found


def test_the_glossary_table_reads() -> None:
    cells = glossary_terms()
    assert len(cells) > 100
    assert "pejabat penilai kinerja" in cells


@pytest.mark.parametrize("term", KEY_TERMS)
def test_every_key_term_is_in_the_glossary(term: str) -> None:
    assert in_glossary(term, glossary_terms()), f"add {term!r} to docs/glossary.md"


@pytest.mark.parametrize(
    "label",
    sorted(
        {
            member.label_id
            for enum in (Rating, Predikat, OrganisationPredikat, AssessorRole, CoreValue, Cadence)
            for member in enum
        }
    ),
)
def test_every_label_of_the_rating_scale_roles_and_values_is_in_the_glossary(label: str) -> None:
    assert in_glossary(label, glossary_terms()), f"add {label!r} to docs/glossary.md"


def test_the_right_form_of_every_wrong_form_is_in_the_glossary() -> None:
    cells = glossary_terms()
    assert [right for _, right in WRONG_FORMS if not in_glossary(right, cells)] == []


def test_the_matching_finds_the_wrong_forms_and_spares_the_right_ones() -> None:
    # Each wrong form is found; each right form, and the words that contain it, are not.
    assert wrong_uses("Penilai kinerja memberi rating") == [
        "'Penilai kinerja' (write 'pejabat penilai kinerja')"
    ]
    assert wrong_uses("keberatan kepada atasan penilai") != []
    assert wrong_uses("predikat Perlu Perbaikan") != []
    assert wrong_uses("Diatas Ekspektasi; dibawah ekspektasi; ekspetasi") != []
    assert wrong_uses("Indikator Kinerja Individual, umpan balik berkesinambungan") != []
    assert wrong_uses("rating perilaku kinerja") != []
    for right in (
        "Pejabat Penilai Kinerja menetapkan SKP",
        "atasan pejabat penilai kinerja memutus keberatan",
        "penilaian kinerja tahunan",
        "Butuh Perbaikan (juga ditulis Perlu Perbaikan)",
        "Di Atas Ekspektasi, Di Bawah Ekspektasi",
        "Indikator Kinerja Individu",
        "umpan balik berkelanjutan",
        "rating perilaku kerja",
    ):
        assert wrong_uses(right) == [], right


def test_no_catalogue_message_uses_a_wrong_form() -> None:
    problems = [
        f"{name} {msgid}: {use}"
        for name, msgid, text in catalogue_texts()
        for use in wrong_uses(text)
    ]
    assert problems == []


def test_the_indonesian_tutorial_uses_no_wrong_form() -> None:
    assert wrong_uses(TUTORIAL_ID.read_text("utf-8")) == []
