"""Hostile input to the command line (``appraise``, ``rewards``, ``calibrate``, ``verify``), run
in-process: only the library's own errors escape (the property and its machinery are in
:mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys

import pytest
from hostile import CliRefusalError, FuzzTarget, check_target, require
from hostile_bases import (
    DOCUMENT_BASES,
    POLICY_DIR,
    POLICY_FILES,
    REGIME_BASES,
    SAMPLE_DICT,
    SEALED_BASES,
    UNITS_BASES,
    bytes_of,
)
from hostile_values import json_sources
from hypothesis import strategies as st

from asn_performance import cli as cli_module
from asn_performance.boundary.fixes import speaks_python


class CliInternalError(Exception):
    """The command line exited with a status other than 0 or 2 (70: an internal error)."""


def run_cli(argv: list[str], stdin: bytes) -> str:
    """Run ``asn-performance`` in-process; return its output, or raise :class:`CliRefusalError`
    when it refuses the input the way it should: exit 2 (``verify``: 1 for a changed record),
    one line on stderr."""
    out, err = io.StringIO(), io.StringIO()
    real_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli_module.main(argv)
    finally:
        sys.stdin = real_stdin
    stderr = err.getvalue()
    if status not in ((0, 1, 2) if argv[0] == "verify" else (0, 2)):
        raise CliInternalError(f"exit status {status}: {stderr.strip()[:500]}")
    require("Traceback" not in stderr, f"a traceback on stderr: {stderr[:500]}")
    if status == 0:
        require(stderr == "", f"exit 0 with something on stderr: {stderr[:300]!r}")
        return out.getvalue()
    lines = stderr.splitlines()
    require(stderr.endswith("\n"), "the error line is not ended")
    require(out.getvalue() == "", "output before the error")
    if "--json" in argv:  # one JSON object: {"error": {"problems": [...], "more": N}}
        require(len(lines) == 1, f"{len(lines)} lines on stderr: {stderr[:500]!r}")
        problems = json.loads(lines[0])["error"]["problems"]
        require(bool(problems), f"no problem in the JSON error: {lines[0][:500]!r}")
        for problem in problems:  # a fix names the JSON field, never a Python call
            require(not speaks_python(problem["fix"]), f"a Python fix: {problem!r}")
        first = problems[0]
        require(bool(first["message"]), f"a problem without message: {first!r}")
        line = f"{first['path']}: {first['message']}"
        line += f"; rule {first['rule']}" if first["rule"] else ""
        raise CliRefusalError(line, status)
    # one line per problem (at most 100, and one counting the others)
    require(1 <= len(lines) <= 101, f"{len(lines)} lines on stderr: {stderr[:500]!r}")
    for line in lines:
        require(line.startswith("asn-performance: error: "), f"not an error line: {line!r}")
        fix = line.partition(". Fix: ")[2] or None
        require(not speaks_python(fix), f"a Python fix: {line!r}")
    raise CliRefusalError(lines[0], status)


def _cli_appraise(value: tuple[object, bool]) -> str:
    source, as_json = value
    return run_cli(["appraise", "-", *(["--json"] if as_json else [])], bytes_of(source))


def _cli_verify(source: object) -> str:
    return run_cli(["verify", "-"], bytes_of(source))


def _cli_calibrate(value: tuple[object, str, bool]) -> str:
    source, rounding, as_json = value
    argv = ["calibrate", "-", "--rounding", rounding, *(["--json"] if as_json else [])]
    return run_cli(argv, bytes_of(source))


def _cli_rewards(value: tuple[object, object, bool]) -> str:
    source, policy, as_json = value
    if isinstance(policy, tuple):
        name, content = policy
        path = POLICY_DIR / f"cli-{name}"
        path.write_bytes(bytes_of(content))
        spec = str(path)
    else:
        spec = str(policy)
    argv = ["rewards", "-", "--policy", spec, *(["--json"] if as_json else [])]
    return run_cli(argv, bytes_of(source))


_GOOD_DOCUMENT = json.dumps(SAMPLE_DICT)
_CLI_POLICIES = st.one_of(
    st.sampled_from(["national", "kemnaker_2025", "pemda_contoh_tpp", "nasional", "", "x.yaml"]),
    POLICY_FILES,
)


TARGETS: tuple[FuzzTarget, ...] = (
    FuzzTarget(
        "cli appraise",
        st.tuples(json_sources(DOCUMENT_BASES | REGIME_BASES), st.booleans()),
        _cli_appraise,
    ),
    FuzzTarget(
        "cli rewards",
        st.one_of(
            st.tuples(json_sources(DOCUMENT_BASES), st.sampled_from(["national", "kemnaker_2025"]),
                      st.booleans()),
            st.tuples(st.just(_GOOD_DOCUMENT), _CLI_POLICIES, st.booleans()),
        ),
        _cli_rewards,
    ),
    FuzzTarget("cli verify", json_sources(SEALED_BASES), _cli_verify),
    FuzzTarget(
        "cli calibrate",
        st.tuples(
            json_sources(UNITS_BASES | DOCUMENT_BASES),
            st.sampled_from(["strict", "lenient"]),
            st.booleans(),
        ),
        _cli_calibrate,
    ),
)  # fmt: skip


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)
