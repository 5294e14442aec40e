"""The command line owns its process for one command: it pauses the cyclic garbage collector
while the command runs and gives the caller's setting back afterwards (issue 12; the library
itself never touches the collector)."""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator
from contextlib import redirect_stdout

import pytest

from asn_performance import cli


@pytest.fixture
def collector_on() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    seen: list[bool] = []
    real_run = cli._run

    def spy(args: object, out: object) -> int:
        seen.append(gc.isenabled())
        return real_run(args, out)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "_run", spy)
    return seen


@pytest.mark.usefixtures("collector_on")
def test_a_command_runs_with_the_collector_off_and_it_comes_back_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = _spy(monkeypatch)
    with redirect_stdout(io.StringIO()):
        assert cli.main(["demo"]) == 0
    assert seen == [False]  # off while the command ran
    assert gc.isenabled()  # on again afterwards, as the caller had it


@pytest.mark.usefixtures("collector_on")
def test_the_collector_comes_back_when_the_command_fails() -> None:
    with redirect_stdout(io.StringIO()):
        status = cli.main(["appraise", "/nonexistent/input.json"])
    assert status == 2  # an unreadable file: one line, exit status 2
    assert gc.isenabled()


def test_a_caller_who_had_it_off_keeps_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        seen = _spy(monkeypatch)
        with redirect_stdout(io.StringIO()):
            cli.main(["demo"])
        assert seen == [False]
        assert not gc.isenabled()  # never switched on behind the caller's back
    finally:
        if was_enabled:
            gc.enable()
