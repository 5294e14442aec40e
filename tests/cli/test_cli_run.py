"""``asn_performance.cli.run``, the installed script: the same output and exit status as
:func:`~asn_performance.cli.main`, then the process ends at once (no exit handlers run, the
loaded document is not freed); ``shutil`` is not imported to appraise a document."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from asn_performance.cli._appraise import sample as write_sample
from asn_performance.cli._output import Output

_ENDED = "import atexit, sys; atexit.register(lambda: print('exit handler', file=sys.stderr))\n"


def _script(call: str, *args: str) -> subprocess.CompletedProcess[str]:
    code = (
        _ENDED
        + f"from asn_performance.cli import {call}\n"
        + f"sys.argv[1:] = {list(args)!r}\n"
        + f"sys.exit({call}())\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=os.environ
    )


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import io

    text = io.StringIO()
    write_sample(Output(text))
    path = tmp_path_factory.mktemp("run") / "sample.json"
    path.write_text(text.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize("extra", [(), ("--json",), ("--lang", "id")])
def test_run_writes_what_main_writes_and_ends_at_once(
    document: Path, extra: tuple[str, ...]
) -> None:
    ran = _script("run", "appraise", str(document), *extra)
    returned = _script("main", "appraise", str(document), *extra)
    assert ran.returncode == returned.returncode == 0
    assert ran.stdout == returned.stdout
    assert "Baik" in ran.stdout  # the sample's predikat, in the table and in the JSON
    # main returns and the interpreter ends normally: the exit handler runs;
    # run ends the process itself: it does not
    assert "exit handler" in returned.stderr
    assert "exit handler" not in ran.stderr


def test_run_keeps_the_status_and_the_error_line(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    ran = _script("run", "appraise", str(missing))
    returned = _script("main", "appraise", str(missing))
    assert ran.returncode == returned.returncode == 2
    assert "DOCUMENT-FILE" in ran.stderr
    assert ran.stderr.replace("exit handler\n", "") == returned.stderr.replace("exit handler\n", "")


def test_usage_errors_end_as_argparse_ends_them() -> None:
    ran = _script("run", "no-such-command")
    assert ran.returncode == 2
    assert "no-such-command" in ran.stderr


def test_appraising_does_not_import_shutil(document: Path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from asn_performance.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main(['appraise', {str(document)!r}])\n"
        "print(status, 'shutil' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    assert done.stdout.split() == ["0", "False"]


def test_the_script_keeps_the_document_and_its_results(
    document: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from asn_performance import cli
    from asn_performance.boundary.appraisal_document import AppraisalDocument

    kept: list[object] = []
    assert cli._main(["appraise", str(document)], kept) == 0
    assert "Baik" in capsys.readouterr().out
    # what appraise_file built: the document, then its appraisals (one per employee)
    assert len(kept) == 2
    assert isinstance(kept[0], AppraisalDocument)
    assert isinstance(kept[1], tuple)
    assert len(kept[1]) == len(kept[0].plans)


def _closed(descriptor: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The script started with standard output (1) or error (2) closed (``>&-``, ``2>&-``):
    Python sets that stream to None."""
    code = (
        "import os, sys\n"
        f"os.close({descriptor})\n"
        f"os.execv(sys.executable, [sys.executable, '-c', {_RUN!r}, *{list(args)!r}])\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=False, env=os.environ
    )


_RUN = "import sys; from asn_performance.cli import run; sys.exit(run())"


def test_run_with_standard_error_closed_keeps_the_status(document: Path) -> None:
    done = _closed(2, "appraise", str(document))
    # the table is written, the status is main's (0); nothing to flush on the closed stream
    assert done.returncode == 0
    assert b"Baik" in done.stdout


def test_run_with_standard_output_closed_keeps_the_status(tmp_path: Path) -> None:
    # an unreadable file: the error line goes to standard error, status 2, no traceback
    done = _closed(1, "appraise", str(tmp_path / "missing.json"))
    assert done.returncode == 2
    assert b"DOCUMENT-FILE" in done.stderr
    assert b"Traceback" not in done.stderr
