"""The ``demo`` / ``appraise`` table's English words are kept in the code
(:data:`asn_performance.cli._appraise.TABLE_EN`), so an English table reads no catalogue
(issue 12); they are the English catalogue's words, and the table is the same text either
way."""

from __future__ import annotations

import io

import pytest

from asn_performance._kit import i18n
from asn_performance._kit.i18n import catalogue
from asn_performance.cli._appraise import TABLE_EN, table
from asn_performance.cli._output import Output
from asn_performance.regimes.permenpanrb_6_2022.appraisal import appraise
from asn_performance.services.sample import sample_unit


def _sample_table(lang: str) -> str:
    sample = sample_unit()
    appraisals = [
        appraise(
            plan,
            [a for a in sample.assessments if a.plan_id == plan.id],
            policy=sample.policy,
            guards=sample.guards,
            organisation_predikat=sample.organisation_predikat,
        )
        for plan in sample.plans
    ]
    stream = io.StringIO()
    table(appraisals, sample.title, Output(stream, lang))  # type: ignore[arg-type]
    return stream.getvalue()


def test_the_english_words_are_the_english_catalogue() -> None:
    english = catalogue("en")
    assert {msg_id: english[msg_id].text for msg_id in TABLE_EN} == dict(TABLE_EN)
    table_ids = {msg_id for msg_id in english if msg_id.startswith("cli.appraise.")}
    assert table_ids == set(TABLE_EN)  # no word of the table left out


def test_the_english_table_reads_no_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _sample_table("en")

    def refuse(lang: str) -> object:
        raise AssertionError(f"catalogue {lang} read")

    monkeypatch.setattr(i18n, "catalogue", refuse)
    lines = _sample_table("en")
    assert lines == expected
    # By hand from the sample: 11 plans, and en.po's "{count} appraisals: {counts}"
    assert lines.splitlines()[-1].startswith("11 appraisals: ")
    assert lines.splitlines()[2].split() == [
        "NIP",
        "Name",
        "Position",
        "Hasil",
        "kerja",
        "Perilaku",
        "kerja",
        "Predikat",
    ]


def test_an_indonesian_table_reads_its_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    real = i18n.catalogue

    def spy(lang: i18n.Lang) -> i18n.CompiledCatalogue:
        read.append(lang)
        return real(lang)

    monkeypatch.setattr(i18n, "catalogue", spy)
    assert _sample_table("id").splitlines()[-1].startswith("11 penilaian")
    assert "id" in read  # (the steps' phrases are matched against the English ones too)
