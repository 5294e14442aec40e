"""The command line owns its process for one command: it runs the cyclic garbage collector's
youngest generation less often while the command runs, and gives the caller's thresholds back
afterwards (issue 12; the library itself never touches the collector)."""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator
from contextlib import redirect_stdout

import pytest

from asn_performance import cli


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # CPython's defaults, whatever the test runner set
    yield (700, 10, 10)
    gc.set_threshold(*before)


def test_a_command_runs_with_10000_and_the_thresholds_come_back(
    monkeypatch: pytest.MonkeyPatch, thresholds: tuple[int, int, int]
) -> None:
    seen: list[tuple[int, int, int]] = []
    real_run = cli._run

    def spy(args: object, out: object) -> int:
        seen.append(gc.get_threshold())
        return real_run(args, out)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "_run", spy)
    with redirect_stdout(io.StringIO()):
        assert cli.main(["demo"]) == 0
    # during the command: the youngest generation at 10,000, the older two as they were
    assert seen == [(10_000, 10, 10)]
    assert gc.get_threshold() == thresholds


def test_the_thresholds_come_back_when_the_command_fails(
    thresholds: tuple[int, int, int],
) -> None:
    with redirect_stdout(io.StringIO()):
        status = cli.main(["appraise", "/nonexistent/input.json"])
    assert status == 2  # an unreadable file: one line, exit status 2
    assert gc.get_threshold() == thresholds


def test_a_caller_threshold_above_10000_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    before = gc.get_threshold()
    gc.set_threshold(50_000, 5, 5)
    seen: list[tuple[int, int, int]] = []
    real_run = cli._run

    def spy(args: object, out: object) -> int:
        seen.append(gc.get_threshold())
        return real_run(args, out)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "_run", spy)
    try:
        with redirect_stdout(io.StringIO()):
            cli.main(["demo"])
        assert seen == [(50_000, 5, 5)]  # never lowered below what the caller chose
        assert gc.get_threshold() == (50_000, 5, 5)
    finally:
        gc.set_threshold(*before)
