"""When the output cannot be written (issue 10, section 2), and the exit statuses.

A full disk or a closed pipe is an output error: one line on standard error (none for a closed
pipe, whose reader wanted no more), exit status 74, never a traceback, never the status 1 that
means "a sealed record was changed", never a message blaming the input file.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_hostile_cli import EXE, SAMPLE, SAMPLE_TEXT, run

from asn_performance import cli
from asn_performance.boundary.appraisal_document import to_json

FULL = Path("/dev/full")
needs_dev_full = pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")

#: The exit statuses, as documented (worked out from the issue, not read from the code).
STATUSES = {0, 1, 2, 3, 4, 70, 74}


def _command(*args: str) -> list[str]:
    return [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]


@needs_dev_full
@pytest.mark.parametrize("args", [("schema",), ("demo",), ("demo", "--json"), ("sample",)])
def test_a_full_disk_is_an_output_error_in_one_line(args: tuple[str, ...]) -> None:
    """Reproduces the issue: ``asn-performance schema > /dev/full`` crashed in the error
    handler (``'Namespace' object has no attribute 'file'``) with a traceback and exit 1."""
    with FULL.open("wb") as full:
        result = subprocess.run(  # our own entry point, fixed arguments
            _command(*args), stdout=full, stderr=subprocess.PIPE, timeout=120, check=False
        )
    assert result.returncode == 74
    assert result.stderr.decode() == (
        "asn-performance: error: cannot write the output: No space left on device\n"
    )


@needs_dev_full
def test_a_full_disk_does_not_blame_the_input_file(tmp_path: Path) -> None:
    """Reproduces the issue: ``appraise doc.json > /dev/full`` said "cannot read 'doc.json'"
    and exited 2, as if the input were bad."""
    doc = tmp_path / "doc.json"
    doc.write_text(SAMPLE_TEXT, encoding="utf-8")
    with FULL.open("wb") as full:
        result = subprocess.run(  # our own entry point, fixed arguments
            _command("appraise", str(doc)),
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert result.returncode == 74
    assert result.stderr.decode() == (
        "asn-performance: error: cannot write the output: No space left on device\n"
    )


@pytest.mark.parametrize("args", [("demo",), ("demo", "--json"), ("schema",)])
def test_a_closed_pipe_ends_quietly_with_the_output_status(args: tuple[str, ...]) -> None:
    """Reproduces the issue: ``asn-performance demo | true`` printed two tracebacks and exited
    1; now nothing is printed (not even Python's "Exception ignored" at exit) and it exits 74."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written: like `| true`
    try:
        result = subprocess.run(  # our own entry point, fixed arguments
            _command(*args), stdout=write, stderr=subprocess.PIPE, timeout=120, check=False
        )
    finally:
        os.close(write)
    assert result.stderr == b""
    assert result.returncode == 74


class _FullDisk(io.StringIO):
    """A standard output whose every write fails as on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("args", [["demo"], ["demo", "--json"], ["sample"], ["calibrate", "x"]])
def test_an_output_error_in_process_is_one_line_and_status_74(
    args: list[str], tmp_path: Path
) -> None:
    if args[0] == "calibrate":
        args = ["calibrate", str(tmp_path / "doc.json")]
        (tmp_path / "doc.json").write_text(SAMPLE_TEXT, encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(_FullDisk()), contextlib.redirect_stderr(err):
        status = cli.main(args)
    assert status == 74
    assert err.getvalue() == (
        f"asn-performance: error: cannot write the output: {os.strerror(errno.ENOSPC)}\n"
    )


def test_the_help_lists_every_exit_status() -> None:
    result = run("--help")
    assert result.returncode == 0
    text = result.stdout.decode()
    epilog = text[text.index("exit status:") :]
    listed = {int(n) for n in re.findall(r"^  (\d+) ", epilog, re.M)}
    assert listed == STATUSES


def test_the_reference_page_lists_every_exit_status() -> None:
    page = (Path(__file__).parents[2] / "docs" / "reference" / "cli.md").read_text("utf-8")
    table = page[page.index("## Exit status") :]
    listed = {int(n) for n in re.findall(r"^\| (\d+) \|", table, re.M)}
    assert listed == STATUSES


# --- calibrate --fail-on-violation ---------------------------------------------------------------

VIOLATED = to_json(
    {
        "units": [
            # Organisation Baik: Baik 5 of 6 is over 70 % (at most 4), and there is no Butuh
            # Perbaikan or Kurang/Misconduct (at least 1 is required): two violations.
            {"unit": "A", "organisation_predikat": "baik", "counts": {"baik": 5, "sangat_baik": 1}}
        ]
    }
)


def test_calibrate_exits_0_on_a_violation_unless_asked_to_fail(tmp_path: Path) -> None:
    units = tmp_path / "units.json"
    units.write_text(VIOLATED, encoding="utf-8")
    plain = run("calibrate", str(units))
    assert plain.returncode == 0, plain.stderr
    assert b"VIOLATED" in plain.stdout


def test_calibrate_fail_on_violation_exits_3_and_still_prints_the_report(tmp_path: Path) -> None:
    """Reproduces the issue: ``calibrate`` exited 0 when a limit was violated, so a script
    could not tell; with ``--fail-on-violation`` a violation exits 3."""
    units = tmp_path / "units.json"
    units.write_text(VIOLATED, encoding="utf-8")
    for extra in ((), ("--json",)):
        result = run("calibrate", str(units), "--fail-on-violation", *extra)
        assert result.returncode == 3, result.stderr
        assert result.stderr == b""
        assert b"VIOLATED" in result.stdout or b'"ok": false' in result.stdout


def test_calibrate_fail_on_violation_exits_0_within_the_distribution(tmp_path: Path) -> None:
    # The sample unit (organisation Baik) is within its pattern: 7 of 11 Baik (at most 7),
    # 3 Butuh Perbaikan or Kurang/Misconduct (at least 1); see docs/explanation.
    doc = tmp_path / "doc.json"
    doc.write_text(to_json(SAMPLE), encoding="utf-8")
    result = run("calibrate", str(doc), "--fail-on-violation")
    assert result.returncode == 0, result.stderr
    assert b"within the distribution" in result.stdout
