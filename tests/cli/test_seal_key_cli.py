"""The seal key of the command line: without ``--key-file`` or the environment variable, the
seals are not imported at all (issue 12: start-up); with either, the key is still read and
checked (``INTEGRITY-KEY``)."""

from __future__ import annotations

import os
import subprocess
import sys

from asn_performance.boundary.sealed_records import KEY_VARIABLE
from asn_performance.cli._records import _KEY_VARIABLE


def test_the_command_line_names_the_same_variable() -> None:
    assert _KEY_VARIABLE == KEY_VARIABLE == "ASN_PERFORMANCE_SEAL_KEY"


def _demo(environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys, io, contextlib\n"
        "from asn_performance.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    status = main(['demo'])\n"
        "print(status, 'asn_performance.boundary.sealed_records' in sys.modules)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )


def test_without_a_key_the_seals_are_not_imported() -> None:
    environ = {k: v for k, v in os.environ.items() if k != KEY_VARIABLE}
    assert _demo(environ).stdout.split() == ["0", "False"]


def test_a_key_in_the_environment_is_still_read_and_checked() -> None:
    # 5 bytes: under the 16 a key needs, so the command refuses it (exit status 2)
    done = _demo({**os.environ, KEY_VARIABLE: "short"})
    assert done.stdout.split() == ["2", "True"]
    assert "INTEGRITY-KEY" in done.stderr
