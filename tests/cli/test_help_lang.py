"""``--help`` and argparse's usage errors in Bahasa Indonesia and English (issue 14).

Every expected line is written by hand. English is what the command line always printed
(argparse's own words); Indonesian takes the catalogue's (``penggunaan:``, ``argumen posisi``,
``opsi``, ``kesalahan``).
"""

from __future__ import annotations

import pytest

from asn_performance._kit.i18n import catalogue
from asn_performance.cli import main
from asn_performance.cli._help import HELP, argparse_message


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        main(list(args))
    captured = capsys.readouterr()
    return int(stopped.value.code or 0), captured.out, captured.err


def test_the_english_help_texts_are_the_english_catalogue() -> None:
    english = catalogue("en")
    for msg_id, help_text in HELP.items():
        assert english[msg_id].text == help_text, msg_id
    assert {m for m in english if m.startswith("cli.help.")} == set(HELP)


def test_the_help_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--lang", "id", "--help")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "penggunaan: asn-performance [-h] [--lang {id,en}] [--version] COMMAND ..."
    assert "Menilai kinerja ASN menurut PermenPANRB 6/2022, dengan alasan setiap hasil." in lines
    assert "argumen posisi:" in lines
    assert "opsi:" in lines
    assert "  -h, --help      tampilkan bantuan ini lalu keluar" in lines
    assert "    demo          lakukan penilaian atas unit kerja contoh bawaan" in lines
    assert "status keluar:" in lines
    assert "  0   berhasil" in lines
    assert "  3   calibrate --fail-on-violation: batas distribusi dilanggar" in lines


def test_the_help_of_a_command_in_indonesian_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    status, out, _ = _run(capsys, "demo", "--help")
    assert status == 0
    lines = out.splitlines()
    assert (
        lines[0]
        == "penggunaan: asn-performance demo [-h] [--json] [--key-file PATH] [--lang {id,en}]"
    )
    assert "  --json           cetak JSON, bukan tabel" in lines


def test_the_help_in_english_is_as_it_always_was(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--lang", "en", "--help")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "usage: asn-performance [-h] [--lang {id,en}] [--version] COMMAND ..."
    assert "positional arguments:" in lines
    assert "options:" in lines
    assert "  -h, --help      show this help message and exit" in lines
    assert "    demo          appraise the built-in sample unit" in lines
    assert "exit status:" in lines
    assert "  0   success" in lines


@pytest.mark.parametrize(
    ("args", "indonesian", "english"),
    [
        (
            ("appraise",),
            "asn-performance appraise: kesalahan: argumen berikut wajib diisi: file",
            "asn-performance appraise: error: the following arguments are required: file",
        ),
        (
            ("demo", "--bogus"),
            "asn-performance: kesalahan: argumen tidak dikenal: --bogus",
            "asn-performance: error: unrecognized arguments: --bogus",
        ),
        (
            ("cascade", "x.json", "--html", "--json"),
            "asn-performance cascade: kesalahan: argumen --json: tidak boleh bersama argumen"
            " --html",
            "asn-performance cascade: error: argument --json: not allowed with argument --html",
        ),
        (
            ("status", "x.json", "--plan-days", "x"),
            "asn-performance status: kesalahan: argumen --plan-days: nilai int tidak sah: 'x'",
            "asn-performance status: error: argument --plan-days: invalid int value: 'x'",
        ),
    ],
)
def test_a_usage_error_in_each_language(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], indonesian: str, english: str
) -> None:
    status, _, err = _run(capsys, *args, "--lang", "id")
    assert status == 2
    assert err.splitlines()[0].startswith("penggunaan: asn-performance")
    assert err.splitlines()[-1] == indonesian
    status, _, err = _run(capsys, *args, "--lang", "en")
    assert status == 2
    assert err.splitlines()[0].startswith("usage: asn-performance")
    assert err.splitlines()[-1] == english


def test_argparse_messages() -> None:
    assert argparse_message(
        "argument --rounding: invalid choice: 'x' (choose from 'a', 'b')", "id"
    ) == ("argumen --rounding: pilihan tidak dikenal: 'x' (pilih dari 'a', 'b')")
    assert argparse_message("argument --policy: expected one argument", "id") == (
        "argumen --policy: perlu satu nilai"
    )
    assert argparse_message("argument FILE: expected at least one argument", "id") == (
        "argumen FILE: perlu paling sedikit satu nilai"
    )
    # English, and a message argparse words otherwise, stay as they are
    assert argparse_message("unrecognized arguments: -x", "en") == "unrecognized arguments: -x"
    assert argparse_message("something new", "id") == "something new"


@pytest.mark.parametrize("option", [("--la", "id"), ("--lan=id",), ("--lang=id",)])
def test_an_abbreviated_lang_gives_the_help_in_its_language(
    capsys: pytest.CaptureFixture[str], option: tuple[str, ...]
) -> None:
    # argparse accepts a unique abbreviation of --lang: the help follows it
    status, out, _ = _run(capsys, *option, "--help")
    assert status == 0
    assert (
        out.splitlines()[0]
        == "penggunaan: asn-performance [-h] [--lang {id,en}] [--version] COMMAND ..."
    )
    status, _, err = _run(capsys, *option, "calibrate", "x.json", "--rounding", "foo")
    assert status == 2
    assert err.splitlines()[-1].startswith(
        "asn-performance calibrate: kesalahan: argumen --rounding"
    )
