"""``--lang id|en`` and the environment: the first slice of issue 14 (the appraise / demo table
and the error lines) in Bahasa Indonesia and in English.

Every expected line is written by hand: the English line as the command has always printed it,
the Indonesian one with the catalogue's words (``alasan``, ``penilaian``, ``kesalahan``,
``nilai``, ``aturan``, ``Perbaikan``). The reasons after ``alasan:`` are the appraisals' reason
lines in the same language (``kepala unit``, ``matriks``: the second slice).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from asn_performance.cli._output import problem_line, report
from asn_performance.exceptions import MISSING, AsnPerformanceError, Problem

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))

# The sample unit's 11 plans (tests/cli/test_cli.py works them out): in the order of the table,
# the predikat first met are Baik (the head), Sangat Baik (the teacher, 4th), Butuh Perbaikan
# (the nurse, 6th) and Kurang/Misconduct (the registry clerk); 7 Baik, 1 Sangat Baik, 2 Butuh
# Perbaikan, 1 Kurang/Misconduct: 7 + 1 + 2 + 1 = 11.
SUMMARY_ID = "11 penilaian: Baik 7, Sangat Baik 1, Butuh Perbaikan 2, Kurang/Misconduct 1"
SUMMARY_EN = "11 appraisals: Baik 7, Sangat Baik 1, Butuh Perbaikan 2, Kurang/Misconduct 1"
# The head of the unit (D3): hasil from the organisation predikat Baik, perilaku Di Atas.
HEAD_ID = (
    "    alasan: hasil Sesuai (pimpinan unit kerja: capaian kinerja organisasi Baik),"
    " perilaku Di Atas (pejabat penilai) → Baik (matriks 6/2022)"
)
HEAD_EN = (
    "    why: hasil Sesuai (unit head: organisation predikat Baik), perilaku Di Atas"
    " (pejabat penilai) → Baik (matrix 6/2022)"
)
HEADER = (
    "NIP                 Nama                          Jabatan                       Hasil kerja"
    "          Perilaku kerja       Predikat"
)
# English: "Name" and "Position" (the regulation's terms Hasil kerja, Perilaku kerja and Predikat
# are kept in both languages); the columns as wide as before, set by the rows.
HEADER_EN = (
    "NIP                 Name                          Position                      Hasil kerja"
    "          Perilaku kerja       Predikat"
)
# "{" and a new line: the JSON reader stops at line 2, column 1.
JSON_ERROR_EN = (
    "asn-performance: error: $: malformed JSON at line 2 column 1: Expecting property name"
    " enclosed in double quotes; got ''; rule SCHEMA-json_invalid. Fix: check the JSON syntax"
    " there (commas, quotes, brackets)"
)
# The message and the fix in the catalogue's Indonesian; the reason is Python's JSON reader's
# own (a value the library fills in), so it stays as Python wrote it.
JSON_ERROR_ID = (
    "asn-performance: kesalahan: $: JSON rusak pada baris 2 kolom 1: Expecting property name"
    " enclosed in double quotes; nilai ''; aturan SCHEMA-json_invalid. Perbaikan: periksa"
    " sintaks JSON di situ (koma, tanda kutip, kurung)"
)


def run(*args: str, stdin: str | None = None, **environ: str) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **environ},
    )


@pytest.mark.parametrize(
    ("args", "environ"),
    [
        (("--lang", "id", "demo"), {}),
        (("demo", "--lang", "id"), {}),  # after the command too
        (("demo",), {"LANG": "id_ID.UTF-8"}),
        (("demo",), {"LANGUAGE": "id", "LANG": "C.UTF-8"}),
    ],
)
def test_the_demo_in_bahasa_indonesia(args: tuple[str, ...], environ: dict[str, str]) -> None:
    result = run(*args, **environ)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert HEADER in lines
    assert HEAD_ID in lines
    assert lines[-1] == SUMMARY_ID
    assert sum(1 for line in lines if line.startswith("    alasan: ")) == 11
    assert not any(line.startswith("    why: ") for line in lines)


@pytest.mark.parametrize(
    ("args", "environ"),
    [
        (("--lang", "en", "demo"), {"LANG": "id_ID.UTF-8"}),  # the option wins
        (("demo",), {}),  # the C locale: English, as the command has always printed
        (("demo",), {"LANG": "fr_FR.UTF-8"}),  # a language the library does not write
    ],
)
def test_the_demo_in_english(args: tuple[str, ...], environ: dict[str, str]) -> None:
    result = run(*args, **environ)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert HEADER_EN in lines
    assert HEAD_EN in lines
    assert lines[-1] == SUMMARY_EN


def test_json_is_the_same_in_every_language() -> None:
    assert run("demo", "--json", "--lang", "id").stdout == run("demo", "--json").stdout


def test_an_error_line_in_each_language() -> None:
    english = run("appraise", "-", "--lang", "en", stdin="{\n", LANG="id_ID.UTF-8")
    assert (english.returncode, english.stderr) == (2, JSON_ERROR_EN + "\n")
    indonesian = run("appraise", "-", stdin="{\n", LANG="id_ID.UTF-8")
    assert (indonesian.returncode, indonesian.stderr) == (2, JSON_ERROR_ID + "\n")
    as_json = run("appraise", "-", "--json", "--lang", "id", stdin="{")
    assert json.loads(as_json.stderr)["error"]["problems"][0]["rule"] == "SCHEMA-json_invalid"


@pytest.mark.parametrize(
    "args",
    [
        ("--lang", "fr", "demo"),
        ("--lang", "ID", "demo"),
        ("demo", "--lang", "id_ID"),
        ("--lang=", "demo"),
    ],
)
def test_an_unknown_language_is_one_error_line(args: tuple[str, ...]) -> None:
    # Not argparse's usage and error (two lines): the library's one line, rule I18N-LANG,
    # naming the option and the value given, in the environment's language (English here).
    result = run(*args)
    given = args[args.index("--lang") + 1] if "--lang" in args else ""
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"asn-performance: error: --lang: the language is not one the library writes; got"
        f' {given!r}; rule I18N-LANG. Fix: give "id" (Bahasa Indonesia) or "en" (English)\n'
    )


def test_an_unknown_language_in_json_and_under_an_indonesian_environment() -> None:
    as_json = run("appraise", "missing.json", "--json", "--lang", "fr")
    assert as_json.returncode == 2  # refused before the file is read
    assert json.loads(as_json.stderr)["error"]["problems"] == [
        {
            "path": "--lang",
            "value": "fr",
            "rule": "I18N-LANG",
            "message": "the language is not one the library writes",
            "fix": 'give "id" (Bahasa Indonesia) or "en" (English)',
        }
    ]
    indonesian = run("--lang", "fr", "demo", LANG="id_ID.UTF-8")
    assert indonesian.returncode == 2
    assert indonesian.stderr.startswith("asn-performance: kesalahan: --lang: ")
    assert "; nilai 'fr'; aturan I18N-LANG. Perbaikan: " in indonesian.stderr
    assert indonesian.stderr.count("\n") == 1


def _three_problems(more: int) -> AsnPerformanceError:
    return AsnPerformanceError(
        "first",
        path="$.a",
        value=5,
        rule="RANGE",
        fix="give 1",
        also=[Problem("second", rule="TYPE")],
        more=more,
    )


def test_several_problems_and_the_count_of_the_others(capsys: pytest.CaptureFixture[str]) -> None:
    report(_three_problems(1), as_json=False, lang="id")
    assert capsys.readouterr().err.splitlines() == [
        "asn-performance: kesalahan: $.a: first; nilai 5; aturan RANGE. Perbaikan: give 1",
        "asn-performance: kesalahan: second; aturan TYPE",
        "asn-performance: kesalahan: dan 1 masalah lain tidak ditampilkan",
    ]
    report(_three_problems(1), as_json=False, lang="en")
    assert capsys.readouterr().err.splitlines() == [
        "asn-performance: error: $.a: first; got 5; rule RANGE. Fix: give 1",
        "asn-performance: error: second; rule TYPE",
        "asn-performance: error: and 1 more problem not listed",
    ]
    # 1234 others: Indonesian groups thousands with ".", English with ",".
    report(_three_problems(1234), as_json=False, lang="id")
    assert capsys.readouterr().err.splitlines()[-1] == (
        "asn-performance: kesalahan: dan 1.234 masalah lain tidak ditampilkan"
    )
    report(_three_problems(1234), as_json=False, lang="en")
    assert capsys.readouterr().err.splitlines()[-1] == (
        "asn-performance: error: and 1,234 more problems not listed"
    )


@pytest.mark.parametrize(
    "problem",
    [
        Problem("message only"),
        Problem("with a path", path="$.plans[0]"),
        Problem("a value of None", value=None),
        Problem("a text value", value="it's 'quoted'"),
        Problem("missing value", value=MISSING, rule="TYPE"),
        Problem("all", path="nip", value="x" * 200, rule="NIP-LENGTH", fix="give 18 digits"),
        Problem("a new\nline", path="$.a", fix="one\nline"),
        Problem("a fix only", fix="do it"),
    ],
)
def test_the_english_line_is_exactly_the_problems_own(problem: Problem) -> None:
    assert problem_line(problem, "en") == problem.one_line()
