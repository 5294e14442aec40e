"""The text views of the status report, the plan versions and the cascade, and the words of
``verify`` and ``table``, in Bahasa Indonesia and in English (issue 14).

English is written by the code from its own messages (no catalogue read); those messages are
the ones of ``locale/en.po``, word for word, so that the catalogue a translator reads and the
English output never drift apart. Every expected Indonesian text is written by hand.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from asn_performance._kit.i18n import catalogue
from asn_performance.cli._records import VERIFY_ENGLISH
from asn_performance.cli._table import TABLE_ENGLISH
from asn_performance.domain.period import Period
from asn_performance.exceptions import InputError
from asn_performance.process import _words
from asn_performance.process._cascade_text import ENGLISH as CASCADE_ENGLISH
from asn_performance.process._status_text import ENGLISH as STATUS_ENGLISH
from asn_performance.process.plan_versions import ENGLISH as VERSIONS_ENGLISH
from asn_performance.process.status import CycleRecord, StatusReport, StatusSettings, cycle_status

ALL_ENGLISH = {
    **STATUS_ENGLISH,
    **CASCADE_ENGLISH,
    **VERSIONS_ENGLISH,
    **VERIFY_ENGLISH,
    **TABLE_ENGLISH,
}


def test_the_english_of_the_code_is_the_english_catalogue_word_for_word() -> None:
    english, indonesian = catalogue("en"), catalogue("id")
    for msg_id, words in ALL_ENGLISH.items():
        assert english[msg_id].text == words, msg_id
        assert indonesian[msg_id].names == english[msg_id].names, msg_id


def test_a_count_and_a_day_as_each_language_writes_them() -> None:
    # English as the views always wrote them; Indonesian: "." between thousands, the month named.
    assert (_words.count(1234, "en"), _words.count(1234, "id")) == ("1234", "1.234")
    day = dt.date(2026, 1, 31)
    assert (_words.day(day, "en"), _words.day(day, "id")) == ("2026-01-31", "31 Januari 2026")
    assert _words.lowered("Evaluasi kinerja terlambat") == "evaluasi kinerja terlambat"
    assert _words.lowered("SKP belum disepakati") == "SKP belum disepakati"
    assert _words.lowered("") == ""


def test_words_written_in_either_language() -> None:
    # status.reason.annual: "annual evaluation of {period} not recorded"; a period is its code
    # in English (2026-Q1, as always), its label in Indonesian.
    words: _words.Words = ("status.reason.annual", (("period", Period.parse("2026-Q1")),))
    assert (
        _words.written(STATUS_ENGLISH, words, "en") == "annual evaluation of 2026-Q1 not recorded"
    )
    assert (
        _words.written(STATUS_ENGLISH, words, "id")
        == "evaluasi kinerja tahunan Triwulan I 2026 belum dicatat"
    )


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        _words.say(STATUS_ENGLISH, "status.not_late", "fr")  # type: ignore[arg-type]
    assert caught.value.rule == "I18N-LANG"


def _report() -> StatusReport:
    import status_cycles as story  # the office of the CLI tests (tests/cli, on the path)

    records = [CycleRecord("Kota", "Dinas", story.D), CycleRecord("Kab", "Bappeda", story.O1)]
    return cycle_status(records, as_of=story.AS_OF, settings=StatusSettings(0, 14, 14))


def test_the_status_views_in_both_languages() -> None:
    report = _report()
    # Rina's plan: due 1 January 2026 (plan_days 0), 130 days late on 11 May (test_status_cli);
    # Andi's objection: filed 20 April, due 4 May, 7 days late.
    rina, andi = report.items
    assert rina.describe("id") == (
        "SKP belum disepakati: 199001012019032001 Rina Wulandari [Penyusunan SKP] Tahunan 2026;"
        " batas waktu 1 Januari 2026, terlambat 130 hari; ditetapkan oleh pejabat penilai"
        " kinerja (Siti Rahayu), belum diterima oleh pegawai"
    )
    assert rina.describe() == (
        "SKP belum disepakati: 199001012019032001 Rina Wulandari [Penyusunan SKP] Tahunan 2026;"
        " deadline 2026-01-01, 130 day(s) late; set by the pejabat penilai (Siti Rahayu), not"
        " yet accepted by the employee"
    )
    assert andi.describe("id").endswith(
        "batas waktu 4 Mei 2026, terlambat 7 hari; diajukan 20 April 2026 atas hasil Baik"
        " kepada Ahmad Hidayat (196812251993021001); belum diputuskan"
    )
    html = report.to_html("id")
    assert html.startswith("<p>Status per 11 Mei 2026: 2 siklus SKP; SKP belum disepakati 1,")
    assert (
        "<th>butir</th><th>NIP</th><th>nama</th><th>tahapan</th><th>periode</th>"
        "<th>batas waktu</th><th>hari terlambat</th>"
    ) in html
    assert "<td>1 Januari 2026</td><td>130</td>" in html
    assert report._repr_html_() == report.to_html("en")
    assert report._repr_html_().startswith("<p>Status as of 2026-05-11: 2 cycle(s);")
    # The words beside the reason are neither compared nor in JSON.
    assert attrs.evolve(rina, reason_parts=None) == rina
    assert "reason_parts" not in rina.to_dict()
    assert rina.to_dict()["reason"] == rina.reason


def test_an_amount_in_the_table_summary() -> None:
    from asn_performance.cli import _table

    # English as always (Python's ",.0f"); Indonesian through rupiah(): half-up, "." groups.
    assert _table._rupiah(Decimal("9213521"), "en") == "Rp 9,213,521"
    assert _table._rupiah(Decimal("9213521.5"), "id") == "Rp 9.213.522"
