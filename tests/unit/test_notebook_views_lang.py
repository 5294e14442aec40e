"""The notebook views in the reader's language (issue 14, slice T3).

A notebook calls ``_repr_html_`` / ``_repr_markdown_`` with no argument: they stay English.
``in_lang(x, "id")`` (asn_performance.domain.views) is the view a notebook shows in Bahasa
Indonesia; ``x.to_html(lang="id")`` the same HTML without a notebook. Every expected Indonesian
fragment below is written by hand from the catalogue's Indonesian.
"""

from __future__ import annotations

import datetime as dt
from html import escape as html_escape
from typing import Any

import pytest
import status_cycles as story

from asn_performance import Rating, appraise
from asn_performance._kit import i18n
from asn_performance.consequences.distribution.check import check_distribution
from asn_performance.consequences.distribution.oversight import UnitInput, oversee
from asn_performance.consequences.policy import RewardOutcome
from asn_performance.domain.explanation import Explanation, Step
from asn_performance.domain.views import InLang, in_lang
from asn_performance.exceptions import InputError
from asn_performance.process.cascade import cascade_tree
from asn_performance.process.plan_versions import plan_versions
from asn_performance.process.roster import Roster
from asn_performance.process.schedule import periodic_schedule
from asn_performance.process.status import cycle_status
from asn_performance.services.rulebook import RULEBOOK
from asn_performance.services.sample import sample_unit


def _withheld() -> Explanation:
    return Explanation(
        [
            Step(
                RULEBOOK["G-ANONYMITY"],
                "perilaku_kerja",
                (("Bawahan", "2 response(s)"),),
                "withheld",
                "fewer than 3 responses",
            )
        ]
    )


def test_an_explanation_in_a_notebook_in_indonesian() -> None:
    explanation = _withheld()
    view = in_lang(explanation, "id")
    html = view._repr_html_()
    assert html is not None
    # The headers and the step's pieces in Indonesian (the guard's phrases, slice 2022).
    assert (
        "<th>#</th><th>aturan</th><th>dimensi</th><th>masukan</th><th>hasil</th><th>catatan</th>"
        "<th>dasar</th>" in html
    )
    assert "<td>Bawahan = 2 tanggapan</td><td>ditahan</td><td>kurang dari 3 tanggapan</td>" in html
    markdown = view._repr_markdown_()
    assert markdown is not None
    assert "| Bawahan = 2 tanggapan | ditahan | kurang dari 3 tanggapan |" in markdown
    # The text: the body lines of Explanation.render("id").
    assert "   hasil: ditahan" in str(view).splitlines()
    # The object's own notebook view stays English.
    own = explanation._repr_html_()
    assert "<td>withheld</td>" in own
    assert "ditahan" not in own


def test_english_is_the_object_s_own_view_and_reads_no_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    explanation = _withheld()
    schedule = periodic_schedule(2026, "triwulanan")

    def refuse(lang: str) -> Any:
        raise AssertionError(f"catalogue {lang} read")

    monkeypatch.setattr(i18n, "catalogue", refuse)
    assert in_lang(explanation, "en")._repr_html_() == explanation._repr_html_()
    assert in_lang(explanation, "en")._repr_markdown_() is None  # it has no Markdown view
    assert in_lang(schedule, "en")._repr_html_() == schedule._repr_html_()
    assert in_lang(schedule, "en")._repr_markdown_() == schedule._repr_markdown_()
    assert str(in_lang(explanation, "en")) == explanation.render()


def test_an_unknown_language_is_refused_when_the_view_is_made() -> None:
    with pytest.raises(InputError) as caught:
        in_lang(_withheld(), "fr")  # type: ignore[arg-type]
    assert caught.value.rule == "I18N-LANG"


def test_an_appraisal_in_a_notebook(plan: Any, make_assessment: Any) -> None:
    result = appraise(plan, [make_assessment("pejabat_penilai", Rating.SESUAI, Rating.DI_ATAS)])
    html = in_lang(result, "id")._repr_html_()
    assert html == result.to_html(lang="id")
    # The head line is the regulation's words in both languages; the steps' table follows.
    head = result._repr_html_().split("</p>", 1)[0]
    assert html.startswith(head + "</p><table>")
    # Decision D2: the pejabat penilai's rating is the result; the steps' table in Indonesian.
    assert "<th>masukan</th>" in html
    assert "<td>pejabat penilai kinerja = Sesuai Ekspektasi</td>" in html
    markdown = in_lang(result, "id")._repr_markdown_()
    assert markdown == result.to_markdown(lang="id")
    assert markdown.startswith(result._repr_markdown_().split("\n\n", 1)[0])
    assert result.to_html() == result._repr_html_()
    assert result.to_markdown() == result._repr_markdown_()


def test_a_schedule_in_a_notebook() -> None:
    # Joined 2 March 2026, by semester: S1 served 2 March - 30 June, 30 + 30 + 31 + 30 = 121
    # days, in part; S2 (1 July - 31 December, 31 + 31 + 30 + 31 + 30 + 31 = 184) in full.
    schedule = periodic_schedule(2026, "semesteran", start=dt.date(2026, 3, 2))
    html = in_lang(schedule, "id")._repr_html_()
    assert html == schedule.to_html(lang="id")
    assert "<th>periode</th><th>nama periode</th><th>hari</th><th>penuh</th>" in html
    assert "<td>2026-S2</td><td>Semester II 2026</td><td>184</td><td>ya</td>" in html
    assert "<td>121</td><td>tidak</td>" in html
    markdown = in_lang(schedule, "id")._repr_markdown_()
    assert markdown is not None
    assert "| # | periode | nama periode | hari | penuh |" in markdown
    assert "| 2 | 2026-S2 | Semester II 2026 | 184 | ya |" in markdown
    # English as it always was.
    assert "<th>period</th><th>label</th><th>days</th><th>whole</th>" in schedule._repr_html_()
    assert "<td>121</td><td>no</td>" in schedule._repr_html_()


def test_a_roster_in_a_notebook() -> None:
    unit = sample_unit()
    roster = Roster(unit.employees)
    count = len(unit.employees)
    html = in_lang(roster, "id")._repr_html_()
    assert html is not None
    assert html.startswith(f"<p><b>Daftar pegawai</b>: {count} pegawai</p>")
    assert roster._repr_html_().startswith(f"<p><b>Roster</b>: {count} employees</p>")


def test_the_status_report_and_the_cascade_in_a_notebook() -> None:
    report = cycle_status(story.KOTA_RECORDS, as_of=story.AS_OF)
    html = in_lang(report, "id")._repr_html_()
    assert html == report.to_html(lang="id")
    assert html.startswith("<p>Status per 11 Mei 2026: ")
    assert report._repr_html_().startswith("<p>Status as of 2026-05-11: ")
    tree = cascade_tree(sample_unit().plans)
    assert in_lang(tree, "id")._repr_html_() == tree.to_html(lang="id")


def test_views_with_text_only_show_it_in_a_pre_block() -> None:
    # The plan's versions, a distribution check, an oversight report and a reward outcome
    # have a text view in each language: in_lang shows it, escaped, in a <pre> block.
    versions = plan_versions(story.R)
    html = in_lang(versions, "id")._repr_html_()
    assert html is not None
    assert html.startswith("<pre>SKP skp-2026-fitri: Fitri Handayani (198404042009031005)")
    assert "versi [LIFECYCLE-REVISION]:" in html
    # The revision pending: what it changes, in Indonesian (the JSON keeps the English).
    assert (
        "menunggu persetujuan: target indikator iki-1 diubah dari 12 layanan menjadi 10 layanan"
        in html
    )
    assert in_lang(versions, "id")._repr_markdown_() is None

    report = check_distribution("baik", {"baik": 8, "sangat_baik": 2})
    # 8 of 10 Baik = 80.00 %, above the 70 % that allows 7 of 10: violated.
    shown = in_lang(report, "id")._repr_html_()
    assert shown is not None
    assert shown.startswith("<pre>predikat organisasi Baik, 10 pegawai, pembulatan ketat (D4)")
    assert "membolehkan 7 dari 10 (pembulatan ketat: ke bawah): DILANGGAR" in shown
    assert "strict rounding (D4) &rarr; 2 violation(s)" in report._repr_html_()

    oversight = oversee([UnitInput("A", "baik", {"baik": 8})])
    shown = in_lang(oversight, "id")._repr_html_()
    assert shown == f"<pre>{html_escape(oversight.render(lang='id'))}</pre>"

    outcome = RewardOutcome(
        "national", "2025.1", "198609262015051001", ("2025",), notes=("no allowance policy",)
    )
    assert in_lang(outcome, "id")._repr_html_() == (
        "<pre>penghargaan dan sanksi untuk 198609262015051001 menurut kebijakan national"
        " 2025.1: 2025\n\ncatatan:\n- no allowance policy</pre>"
    )
    assert str(in_lang(outcome, "id")).startswith("penghargaan dan sanksi untuk")


def test_the_view_is_a_frozen_value() -> None:
    view = in_lang(_withheld(), "id")
    assert isinstance(view, InLang)
    assert view == in_lang(_withheld(), "id")
    with pytest.raises(AttributeError):
        view.lang = "en"  # type: ignore[misc]
