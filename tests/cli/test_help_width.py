"""The help's width without :mod:`shutil` (``cli._help.terminal_columns``): the same width
argparse's own formatter takes from :func:`shutil.get_terminal_size`, and the help wrapped to
it."""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from contextlib import redirect_stdout

import pytest

from asn_performance.cli import main
from asn_performance.cli._help import HelpFormatter, RawDescriptionHelpFormatter, terminal_columns


@pytest.mark.parametrize("columns", [None, "100", "61", "0", "-5", "wide", ""])
def test_the_width_is_shutils(monkeypatch: pytest.MonkeyPatch, columns: str | None) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.delenv("LINES", raising=False)
    assert terminal_columns() == shutil.get_terminal_size().columns


def test_no_terminal_is_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    # standard output is not a terminal (os.get_terminal_size fails) and COLUMNS is unset:
    # shutil's fallback, 80
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys, "__stdout__", io.StringIO())
    assert terminal_columns() == 80


def test_the_help_is_what_argparses_formatter_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "64")
    ours = argparse.ArgumentParser(prog="p", description="d " * 50, formatter_class=HelpFormatter)
    theirs = argparse.ArgumentParser(prog="p", description="d " * 50)
    for parser in (ours, theirs):
        parser.add_argument("--policy", metavar="P", help="a policy " * 12)
    assert ours.format_help() == theirs.format_help()
    raw = argparse.ArgumentParser(
        prog="p", epilog="a\n  b", formatter_class=RawDescriptionHelpFormatter
    )
    raw_theirs = argparse.ArgumentParser(
        prog="p", epilog="a\n  b", formatter_class=argparse.RawDescriptionHelpFormatter
    )
    assert raw.format_help() == raw_theirs.format_help()


def test_the_commands_help_is_wrapped_to_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    # COLUMNS=50: argparse wraps the help text to 50 - 2 = 48 columns
    monkeypatch.setenv("COLUMNS", "50")
    shown = io.StringIO()
    with redirect_stdout(shown), pytest.raises(SystemExit) as ended:
        main(["rewards", "--help"])
    assert ended.value.code == 0
    lines = shown.getvalue().splitlines()
    assert any("--policy" in line for line in lines)
    assert max(len(line) for line in lines) <= 48


@pytest.mark.parametrize(
    ("size", "columns"),
    [((123, 40), 123), ((0, 0), 80), ((0, 24), 80), (OSError, 80), (ValueError, 80)],
)
def test_the_terminals_own_width(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int] | type[Exception], columns: int
) -> None:
    # COLUMNS unset: the terminal's width, as shutil reads it; 0 or a failure: 80
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)

    def get_terminal_size(fd: int = 1) -> os.terminal_size:
        if isinstance(size, type):
            raise size("no terminal")
        return os.terminal_size(size)

    monkeypatch.setattr(os, "get_terminal_size", get_terminal_size)
    monkeypatch.setattr(sys, "__stdout__", sys.__stderr__)  # any stream with a descriptor
    assert terminal_columns() == columns
    assert shutil.get_terminal_size().columns == columns


def test_no_standard_output_at_all_is_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys, "__stdout__", None)
    assert terminal_columns() == shutil.get_terminal_size().columns == 80
