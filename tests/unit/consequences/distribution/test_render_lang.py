"""The distribution check's, the oversight's and a reward outcome's text views in Bahasa
Indonesia and in English (issue 14): ``render(lang=)``, ``message(lang)``, ``describe(lang)``,
``explain(lang)``.

English is the code's own words (:data:`asn_performance.consequences._words.ENGLISH`): it reads
no catalogue and stays what it always was; ``en.po`` holds the same texts (checked here), so
the English catalogue gives the same lines. Every expected line is written by hand.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from asn_performance._kit.i18n import catalogue
from asn_performance.consequences._words import ENGLISH, figure, say, share
from asn_performance.consequences.distribution import check_distribution
from asn_performance.consequences.distribution.limits import Bound, Limit
from asn_performance.consequences.distribution.oversight import UnitInput, oversee
from asn_performance.consequences.policy import RewardOutcome, render_steps
from asn_performance.exceptions import InputError

# Digest §11 example 2: organisation Baik, 8 Baik and 2 Sangat Baik (10). At most 70 % Baik
# allows floor(7.0) = 7: 8 (80 %) is a violation; at least 1 Butuh Perbaikan and/or Kurang:
# there are 0 (0 %), a violation too.
EXAMPLE_EN = [
    "Dinas Contoh: organisation predikat Baik, 10 employees, strict rounding (D4)",
    "  Sangat Baik 2, Baik 8, Butuh Perbaikan 0, Kurang/Misconduct 0, Sangat Kurang 0",
    "  - Baik: 8 of 10 (80.00 %); at most 70 % allows 7 of 10 (strict rounding: floor): VIOLATED",
    "  - Butuh Perbaikan dan/atau Kurang/Misconduct: 0 of 10 (0.00 %); at least 1: VIOLATED",
    "  => 2 violation(s)",
]
EXAMPLE_ID = [
    "Dinas Contoh: predikat organisasi Baik, 10 pegawai, pembulatan ketat (D4)",
    "  Sangat Baik 2, Baik 8, Butuh Perbaikan 0, Kurang/Misconduct 0, Sangat Kurang 0",
    "  - Baik: 8 dari 10 (80,00 %); maksimal 70 % membolehkan 7 dari 10 (pembulatan ketat: ke"
    " bawah): DILANGGAR",
    "  - Butuh Perbaikan dan/atau Kurang/Misconduct: 0 dari 10 (0,00 %); minimal 1: DILANGGAR",
    "  => 2 pelanggaran",
]


def test_a_unit_in_each_language() -> None:
    report = check_distribution("baik", {"baik": 8, "sangat_baik": 2}, unit="Dinas Contoh")
    assert report.render().splitlines() == EXAMPLE_EN
    assert report.render("en") == report.render() == str(report)
    assert report.render("id").splitlines() == EXAMPLE_ID


def test_an_empty_unit_and_lenient_rounding_in_bahasa_indonesia() -> None:
    empty = check_distribution("kurang", {}, rounding="lenient")
    assert empty.render("id").splitlines() == [
        "predikat organisasi Kurang, 0 pegawai, pembulatan longgar (D4)",
        "  Sangat Baik 0, Baik 0, Butuh Perbaikan 0, Kurang/Misconduct 0, Sangat Kurang 0",
        "  (tidak ada pegawai: tidak ada yang diperiksa)",
        "  => sesuai pola distribusi",
    ]
    # Organisation Istimewa, 3 Sangat Baik of 3: at most 70 % = 2.1, leniently ceil = 3: ok.
    lenient = check_distribution("istimewa", {"sangat_baik": 3}, rounding="lenient")
    assert lenient.checks[0].message("id") == (
        "Sangat Baik: 3 dari 3 (100,00 %); maksimal 70 % membolehkan 3 dari 3 (pembulatan"
        " longgar: ke atas): terpenuhi"
    )


def test_a_limit_described_in_each_language() -> None:
    at_least = Limit(Bound.MIN, {"butuh_perbaikan"}, percent="12.5")
    assert (at_least.describe(), at_least.describe("id")) == ("at least 12.5 %", "minimal 12,5 %")
    at_most = Limit(Bound.MAX, {"baik"}, count=1500)
    # a count: English as always (no separator), Indonesian with "." between thousands
    assert (at_most.describe(), at_most.describe("id")) == ("at most 1500", "maksimal 1.500")
    none = Limit(Bound.MAX, {"sangat_baik"}, count=0)
    assert (none.describe(), none.describe("id")) == ("none", "tidak ada")


def test_many_units_in_bahasa_indonesia_with_the_violations_not_listed() -> None:
    # Two units of organisation Baik, 1500 employees each. A: 1200 Baik of 1500 = 80 % > 70 %
    # (floor(1050) allowed) and no Butuh Perbaikan: 2 violations. B: 1000 Baik, 500 Butuh
    # Perbaikan: 66.67 % of Baik (≤ 1050), 500 ≥ 1: ok. Listing 1 violation leaves 1.
    report = oversee(
        [
            UnitInput("A", "baik", {"sangat_baik": 300, "baik": 1200}),
            UnitInput("B", "baik", {"baik": 1000, "butuh_perbaikan": 500}),
        ]
    )
    assert report.render(max_violations=1, lang="id").splitlines() == [
        "2 unit kerja, 3.000 pegawai, 1 unit kerja dengan pelanggaran (pembulatan ketat, D4)",
        "  Baik: 2 unit kerja, 1 dengan pelanggaran",
        "  - A: Baik: 1.200 dari 1.500 (80,00 %); maksimal 70 % membolehkan 1.050 dari 1.500"
        " (pembulatan ketat: ke bawah): DILANGGAR",
        "  ... 1 lainnya",
    ]
    assert report.render(max_violations=1).splitlines() == [
        "2 units, 3000 employees, 1 unit(s) with violations (strict rounding, D4)",
        "  Baik: 2 unit(s), 1 with violations",
        "  - A: Baik: 1200 of 1500 (80.00 %); at most 70 % allows 1050 of 1500 (strict rounding:"
        " floor): VIOLATED",
        "  ... 1 more",
    ]


def test_a_reward_outcome_explained_in_each_language() -> None:
    outcome = RewardOutcome(
        "national", "2025.1", "198609262015051001", ("2025",), notes=("no allowance policy",)
    )
    assert outcome.explain() == (
        "rewards for 198609262015051001 under national 2025.1: 2025\n\nnotes:\n"
        "- no allowance policy"
    )
    assert outcome.explain("id") == (
        "penghargaan dan sanksi untuk 198609262015051001 menurut kebijakan national 2025.1:"
        " 2025\n\ncatatan:\n- no allowance policy"
    )
    assert render_steps((), "id") == render_steps(()) == ""


def test_english_reads_no_catalogue() -> None:
    catalogue.cache_clear()
    report = check_distribution("baik", {"baik": 8, "sangat_baik": 2}, unit="Dinas Contoh")
    report.render()
    oversee([UnitInput("A", "baik", {"baik": 8})]).render()
    RewardOutcome("national", "1", "1", ("2025",), notes=("x",)).explain()
    assert catalogue.cache_info().currsize == 0
    report.render("id")
    assert catalogue.cache_info().currsize == 1


def test_the_english_words_are_the_english_catalogue() -> None:
    english, indonesian = catalogue("en"), catalogue("id")
    for msg_id, words in ENGLISH.items():
        assert english[msg_id].text == words, msg_id
        assert indonesian[msg_id].names == english[msg_id].names, msg_id


def test_numbers_and_shares_per_language() -> None:
    # 2/3 of a unit: 66.666… % → 66.67 % half-up; a count of 3030: English as always, "3.030".
    third = Decimal(200) / Decimal(3)
    assert (share(third, "en"), share(third, "id")) == ("66.67 %", "66,67 %")
    assert share(None, "id") == "–"
    assert (figure(3030, "en"), figure(3030, "id")) == ("3030", "3.030")
    assert (figure(Decimal("62.5"), "en", 2), figure(Decimal("62.5"), "id", 2)) == (
        "62.50",
        "62,50",
    )
    assert say("distribution.report.violations", "id", count="2") == "2 pelanggaran"


def test_a_language_the_library_does_not_write_is_refused() -> None:
    report = check_distribution("baik", {"baik": 8, "sangat_baik": 2})
    with pytest.raises(InputError) as caught:
        report.render("fr")  # type: ignore[arg-type]
    assert caught.value.rule == "I18N-LANG"
