"""``appraise FILE`` of a regime document (before 2022) in Bahasa Indonesia and in English
(issue 14, slice T1): the headers, the line of the legal basis, the values with a decimal comma
and the count in Indonesian; English exactly as the command has always printed it.

Every expected line is written by hand. The values are the worked examples of
tests/cli/test_regime_cli.py (digest §11 example 6: 83.30; bonus 12: 88.10; example 4: 97,
96, 112, 112 with an innovation; the integrated 2021 values 93.28 and 92.55), written with `,`
before the decimals. The column widths: the widest of the header and the values (NIP 18
digits; "Ketentuan" and "pp46_2011" both 9 characters; "Nilai" and "83,30" both 5).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from asn_performance._kit import i18n
from asn_performance._kit.i18n import text
from asn_performance.boundary.regime_documents import RegimeDocument, load_any
from asn_performance.cli._appraise import regime_results
from asn_performance.cli._output import Output

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))
EXAMPLES = files("asn_performance") / "examples"


def run(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **environ},
    )


def example(name: str) -> str:
    return str(EXAMPLES / f"{name}.json")


PP46_ID = [
    "Penilaian prestasi kerja 2019 (PP 46/2011 + Perka BKN 1/2013): the worked examples",
    "",
    "PP 46/2011 + Perka BKN 1/2013, periode 2019",
    "",
    "NIP                 Nama           Ketentuan  Nilai  Predikat  Setara 2022",
    "------------------  -------------  ---------  -----  --------  -----------",
    "198203112006041002  Agus Prasetyo  pp46_2011  83,30  Baik      Baik",
    "197911232005012003  Sri Wahyuni    pp46_2011  88,10  Baik      Baik",
    "",
    "2 hasil penilaian",
]
PP46_EN = [
    "Penilaian prestasi kerja 2019 (PP 46/2011 + Perka BKN 1/2013): the worked examples",
    "",
    "PP 46/2011 + Perka BKN 1/2013, period 2019",
    "",
    "NIP                 Name           Regime     Score  Predikat  2022 equivalent",
    "------------------  -------------  ---------  -----  --------  ---------------",
    "198203112006041002  Agus Prasetyo  pp46_2011  83.30  Baik      Baik",
    "197911232005012003  Sri Wahyuni    pp46_2011  88.10  Baik      Baik",
    "",
    "2 results",
]


@pytest.mark.parametrize(
    ("args", "environ"),
    [
        (("--lang", "id"), {}),
        ((), {"LANG": "id_ID.UTF-8"}),
    ],
)
def test_a_pp46_document_in_bahasa_indonesia(
    args: tuple[str, ...], environ: dict[str, str]
) -> None:
    result = run("appraise", example("pp46_2019"), *args, **environ)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == PP46_ID


@pytest.mark.parametrize("args", [(), ("--lang", "en")])
def test_a_pp46_document_in_english_is_unchanged(args: tuple[str, ...]) -> None:
    result = run("appraise", example("pp46_2019"), *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == PP46_EN


def test_a_permenpanrb_8_2021_document_in_bahasa_indonesia() -> None:
    result = run("appraise", example("permenpanrb_8_2021"), "--lang", "id")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # "permenpanrb_8_2021" (18) is wider than "Ketentuan"; "112,00" (6) than "Nilai";
    # "Sangat Baik" (11) than "Predikat".
    assert lines[2:] == [
        "PP 30/2019 + PermenPANRB 8/2021, periode 2021-07-01/2021-12-31",
        "",
        "NIP                 Nama            Ketentuan           Nilai   Predikat     Setara 2022",
        "------------------  --------------  ------------------  ------  -----------  -----------",
        "198609262015051001  Budi Santoso    permenpanrb_8_2021  97,00   Baik         Baik",
        "198807172014122002  Rina Marlina    permenpanrb_8_2021  96,00   Baik         Baik",
        "198511112010101004  Hendra Gunawan  permenpanrb_8_2021  112,00  Baik         Baik",
        "197208151998031005  Yusuf Hidayat   permenpanrb_8_2021  112,00  Sangat Baik  Sangat Baik",
        "198904042012022001  Dewi Anggraini  permenpanrb_8_2021  90,87   Baik         Baik",
        "",
        "5 hasil penilaian",
    ]


def test_an_integration_document_in_both_languages() -> None:
    indonesian = run("appraise", example("integration_2021"), "--lang", "id").stdout.splitlines()
    english = run("appraise", example("integration_2021"), "--lang", "en").stdout.splitlines()
    # The legal basis joins the two halves' with "dan" in Indonesian, "and" in English.
    assert indonesian[2] == (
        "PP 46/2011 + Perka BKN 1/2013 (Januari-Juni) dan PP 30/2019 + PermenPANRB 8/2021"
        " (Juli-Desember), 50 % / 50 %, periode 2021"
    )
    assert english[2] == (
        "PP 46/2011 + Perka BKN 1/2013 (Januari-Juni) and PP 30/2019 + PermenPANRB 8/2021"
        " (Juli-Desember), 50 % / 50 %, period 2021"
    )
    assert indonesian[6:] == [
        "199001012019032001  Maya Kartika    integration_2021  93,28  Baik      Baik",
        "199205202015031001  Rizky Ramadhan  integration_2021  92,55  Baik      Baik",
        "",
        "2 hasil penilaian",
    ]
    assert english[-1] == "2 results"
    assert english[6] == (
        "199001012019032001  Maya Kartika    integration_2021  93.28  Baik      Baik"
    )


def test_the_json_of_a_regime_document_does_not_change_with_the_language() -> None:
    indonesian = run("appraise", example("integration_2021"), "--json", "--lang", "id")
    english = run("appraise", example("integration_2021"), "--json")
    assert indonesian.returncode == 0, indonesian.stderr
    assert indonesian.stdout == english.stdout
    assert [r["value_shown"] for r in json.loads(indonesian.stdout)] == ["93.28", "92.55"]


def _document(name: str) -> RegimeDocument:
    document = load_any((EXAMPLES / f"{name}.json").read_bytes())
    assert isinstance(document, RegimeDocument)
    return document


def test_the_english_table_reads_no_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(lang: str) -> object:
        raise AssertionError(f"catalogue {lang} read")

    monkeypatch.setattr(i18n, "catalogue", refuse)
    stream = io.StringIO()
    regime_results(_document("pp46_2019"), False, Output(stream, "en"))
    assert stream.getvalue().splitlines() == PP46_EN


def test_the_english_catalogue_holds_the_english_table() -> None:
    # en.po and the English code cannot drift apart: each English text the table writes is the
    # English message of the same id.
    headers = ("nip", "name", "regime", "value", "predikat", "predikat_2022")
    english = tuple(text(f"cli.regime.header.{column}", "en") for column in headers)
    assert english == ("NIP", "Name", "Regime", "Score", "Predikat", "2022 equivalent")
    assert text("cli.regime.summary", "en", count="2") == "2 results"
    basis = text(
        "cli.regime.basis", "en", legal_basis="PP 46/2011 + Perka BKN 1/2013", period="2019"
    )
    assert basis == "PP 46/2011 + Perka BKN 1/2013, period 2019"
    integration = _document("integration_2021").compute()[0]
    assert integration.legal_basis == text(
        "cli.regime.basis.integration_2021",
        "en",
        first="PP 46/2011 + Perka BKN 1/2013",
        second="PP 30/2019 + PermenPANRB 8/2021",
    )
