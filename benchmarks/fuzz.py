"""Hostile-input fuzzing at scale: every loader, every public constructor and the command line.

Run from the repository root::

    .venv/bin/python benchmarks/fuzz.py                  # 200 inputs per target (~2-3 min)
    .venv/bin/python benchmarks/fuzz.py --examples 2000  # much harder
    .venv/bin/python benchmarks/fuzz.py --target load_ --target cli --examples 500
    .venv/bin/python benchmarks/fuzz.py --skip-known     # leave out the known bugs' inputs
    .venv/bin/python benchmarks/fuzz.py --sizes          # only the hostile sizes (~15 s)

The targets and their input strategies are those of the hostile-input tests,
``tests/property/**/test_*_hostile.py``, gathered by ``hostile.all_targets()`` (so the tests and
this script fuzz the same things): valid documents and objects corrupted with wrong JSON types,
huge numbers, NaN and infinity, negative and zero quantities, unknown codes, duplicate ids,
dates out of range, 100 000-character strings, lone surrogates, 10 000 levels of nesting, and
mangled JSON and TOML text.

Each input is run twice (the outcome must repeat and the input must not change). For each
target the script prints how many inputs were tried, how many were accepted and refused, the
refusals by error class and rule, and every *escape* -- an exception other than the library's
own ``AsnPerformanceError``, or a command-line exit status other than 0 and 2 -- and every
*violation* of the property (an error without a rule or JSON path, a refusal by the loaders'
``SCHEMA-unreadable`` safety net, a changed input, an outcome that does not repeat), each with
a reproducer. Problems that match a known bug of a file this work may not change
(``hostile.KNOWN_ISSUES``, each pinned by a strict xfail test) are marked ``known``;
``--skip-known`` leaves their inputs out.

``--sizes`` runs the hostile *sizes* instead, each in a fresh interpreter under a 2 GB
address-space limit: an object of a million unknown keys (12 MB), one of 3 million (38 MB)
through the command line, 100 000 unknown keys (under the item limit), an array over the item
limit, text one byte over ``MAX_BYTES``, and ``/dev/zero`` through ``read_input``. Each must
end with a library error within 10 s; the script prints the time, the maximum resident set
size and the error's rule.

Exit status: 0 when nothing escaped and nothing was violated, 1 otherwise (known bugs
included).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import os
import platform
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "property"))

import hostile as fuzz  # noqa: E402 - the targets live with the tests

#: Inputs per target by default: the whole run takes about 2-3 minutes on a 2-core machine.
DEFAULT_EXAMPLES = 200
#: Characters of a reproducer shown on screen (the full one is saved to a file).
SHOWN = 400


@dataclass
class Problem:
    """One kind of escape or violation: where it comes from, how often, one reproducer."""

    kind: str
    summary: str
    where: str
    count: int = 0
    reproducer: str = ""
    saved: Path | None = None


@dataclass
class Tally:
    """What happened to the inputs of one target."""

    name: str
    tried: int = 0
    skipped: int = 0
    accepted: int = 0
    refused: collections.Counter[tuple[str, str]] = field(default_factory=collections.Counter)
    problems: dict[tuple[str, str, str], Problem] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def refused_total(self) -> int:
        return sum(self.refused.values())

    def count(self, kind: str) -> int:
        """Inputs whose problem is of ``kind`` (``escape``, ``violation``, ``known``)."""
        return sum(p.count for p in self.problems.values() if kind in p.kind.split())


def _library_frame(error: BaseException) -> str:
    """The innermost frame in the library (else the innermost frame) of ``error``."""
    frames = traceback.extract_tb(error.__traceback__)
    inside = [f for f in frames if "asn_performance" in f.filename.replace(os.sep, "/")]
    if not (inside or frames):
        return "?"
    frame = (inside or frames)[-1]
    path = Path(frame.filename)
    with contextlib.suppress(ValueError):
        path = path.relative_to(ROOT)
    return f"{path}:{frame.lineno} in {frame.name}"


def _shown(value: object) -> str:
    try:
        return repr(value)
    except Exception as error:  # a reproducer must never stop the run
        return f"<unrepresentable {type(value).__name__}: {type(error).__name__}>"


def _save(folder: Path, target: str, value: object, error: BaseException) -> Path:
    """Write the full reproducer (and the traceback) to a file; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    text = _shown(value)
    digest = hashlib.sha256(f"{target}{text}".encode("utf-8", "replace")).hexdigest()[:12]
    safe = "".join(c if c.isalnum() else "_" for c in target)
    path = folder / f"{safe}-{digest}.txt"
    trace = "".join(traceback.format_exception(error))
    path.write_text(
        f"target: {target}\ninput (repr):\n{text}\n\n{trace}", encoding="utf-8", errors="replace"
    )
    if isinstance(value, (str, bytes)):
        raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
        path.with_suffix(".input").write_bytes(raw)
    return path


def run_target(target: fuzz.FuzzTarget, examples: int, folder: Path, skip_known: bool) -> Tally:
    """Fuzz one target with ``examples`` inputs; never stops at the first problem."""
    tally = Tally(target.name)

    def record(kind: str, value: object, error: BaseException) -> None:
        issue = fuzz.known_issue(target, value)
        summary = f"{type(error).__name__}: {error}".replace("\n", " ")
        if len(summary) > 300:
            summary = summary[:297] + "..."
        if issue is not None:
            kind = f"known {kind}"
            summary = f"{issue.name}; pinned by {issue.test}\n    {summary}"
        where = _library_frame(error)
        key = (kind, type(error).__name__, where)
        problem = tally.problems.get(key)
        if problem is None:
            problem = tally.problems[key] = Problem(kind, summary, where)
            shown = _shown(value)
            problem.reproducer = shown if len(shown) <= SHOWN else shown[: SHOWN - 3] + "..."
            problem.saved = _save(folder, target.name, value, error)
        problem.count += 1

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(target.strategy)
    def run(value: Any) -> None:
        if skip_known and fuzz.known_issue(target, value) is not None:
            tally.skipped += 1
            return
        tally.tried += 1
        try:
            outcome = fuzz.attempt(target, value)
        except fuzz.PropertyViolationError as error:
            record("violation", value, error)
            return
        except Exception as error:  # every escape is recorded, not raised
            record("escape", value, error)
            return
        if isinstance(outcome, fuzz.Accepted):
            tally.accepted += 1
        else:
            tally.refused[(outcome.kind, outcome.rule or "-")] += 1

    start = time.perf_counter()
    run()
    tally.seconds = time.perf_counter() - start
    return tally


_COLUMNS = ("tried", "accepted", "refused", "escapes", "violations", "known", "seconds")


def _row(name: str, numbers: tuple[int, int, int, int, int, int], seconds: float) -> str:
    cells = " ".join(f"{n:>{len(c)}}" for n, c in zip(numbers, _COLUMNS, strict=False))
    return f"{name:<28} {cells} {seconds:>7.1f}"


def _print_tallies(tallies: list[Tally], elapsed: float) -> None:
    header = f"{'target':<28} " + " ".join(_COLUMNS)
    print(header)
    print("-" * len(header))
    for t in tallies:
        numbers = (
            t.tried, t.accepted, t.refused_total, t.count("escape"), t.count("violation"),
            t.count("known"),
        )  # fmt: skip
        print(_row(t.name, numbers, t.seconds) + ("" if not t.problems else "  PROBLEMS"))
    print("-" * len(header))
    totals = tuple(
        sum(values)
        for values in zip(
            *(
                (t.tried, t.accepted, t.refused_total, t.count("escape"), t.count("violation"),
                 t.count("known"))
                for t in tallies
            ),
            strict=True,
        )
    )  # fmt: skip
    print(_row("total", totals, elapsed))


def _print_refusals(tallies: list[Tally]) -> None:
    by_rule: collections.Counter[tuple[str, str]] = collections.Counter()
    for tally in tallies:
        by_rule.update(tally.refused)
    print("\nRefusals by error class and rule (all targets):")
    for (kind, rule), count in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {count:>7}  {kind:<22} {rule}")
    print("\nRefusals by target, error class and rule:")
    for tally in tallies:
        if tally.refused:
            print(f"  {tally.name}")
            for (kind, rule), n in sorted(tally.refused.items(), key=lambda i: (-i[1], i[0])):
                print(f"    {n:>6}  {kind:<22} {rule}")


def _print_problems(tallies: list[Tally], folder: Path) -> None:
    problems = [(t.name, p) for t in tallies for p in t.problems.values()]
    print(f"\n{len(problems)} distinct problem(s); full reproducers in {folder}:")
    for name, problem in sorted(problems, key=lambda item: item[1].kind.startswith("known")):
        print(f"\n  [{problem.kind}] {name}: {problem.count} input(s)")
        print(f"    {problem.summary}")
        print(f"    at {problem.where}")
        print(f"    reproducer: {problem.reproducer}")
        print(f"    saved: {problem.saved}")


# --- hostile sizes ------------------------------------------------------------------------------

#: Each size: a name, the Python that builds the input and loads it, the rule expected.
SIZES: tuple[tuple[str, str, str], ...] = (
    (
        "1 000 000 unknown keys (12 MB)",
        "text = '{' + ','.join(f'\"k{i}\":0' for i in range(1_000_000)) + '}'\n"
        "load_document(text.encode())",
        "SCHEMA-too_long",
    ),
    (
        "3 000 000 unknown keys (38 MB), command line",
        "import io, sys\n"
        "from asn_performance.boundary._json_text import read_input\n"
        "text = '{' + ','.join(f'\"k{i}\":0' for i in range(3_000_000)) + '}'\n"
        "load_any(read_input(io.BytesIO(text.encode())))",
        "SCHEMA-too_long",
    ),
    (
        "100 000 unknown keys (1.1 MB)",
        "text = '{' + ','.join(f'\"k{i}\":0' for i in range(100_000)) + '}'\nload_document(text)",
        "SCHEMA-missing",
    ),
    (
        "an array of 200 001 items",
        "load_document('{\"title\": [' + ','.join(['0'] * 200_001) + ']}')",
        "SCHEMA-too_long",
    ),
    (
        "MAX_BYTES + 1 bytes of text",
        "from asn_performance.boundary._json_text import MAX_BYTES\n"
        "load_document(b' ' * (MAX_BYTES + 1))",
        "SCHEMA-too_large",
    ),
    (
        "/dev/zero",
        "from asn_performance.boundary._json_text import read_input\n"
        "load_document(read_input('/dev/zero'))",
        "SCHEMA-too_large",
    ),
)

_SIZE_RUNNER = """
import resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from asn_performance.boundary.appraisal_document import load_document
from asn_performance.boundary.regime_documents import load_any
from asn_performance.exceptions import AsnPerformanceError
start = time.perf_counter()
try:
    exec(sys.argv[1])
    outcome = "accepted"
except AsnPerformanceError as error:
    outcome = error.rule
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"{outcome} {seconds:.2f} {rss}")
"""


def run_sizes(limit: float = 10.0) -> int:
    """Run each hostile size in a fresh interpreter; 1 if one is slow, escapes or misses."""
    import subprocess  # noqa: PLC0415 - only this mode runs subprocesses

    failed = 0
    print(f"{'input':<46} {'rule':<18} {'seconds':>8} {'max RSS MB':>10}")
    for name, code, rule in SIZES:
        try:
            done = subprocess.run(  # noqa: S603 - our own interpreter and code
                [sys.executable, "-c", _SIZE_RUNNER, code],
                capture_output=True,
                text=True,
                timeout=limit * 6,
                check=False,
            )
        except subprocess.TimeoutExpired:
            print(f"{name:<46} TIMEOUT")
            failed += 1
            continue
        words = done.stdout.split()
        if done.returncode != 0 or len(words) != 3:
            print(f"{name:<46} ESCAPE (exit {done.returncode}): {done.stderr.strip()[-300:]}")
            failed += 1
            continue
        outcome, seconds, rss = words[0], float(words[1]), int(words[2])
        bad = outcome != rule or seconds > limit
        failed += bad
        print(f"{name:<46} {outcome:<18} {seconds:>8.2f} {rss:>10}" + ("  FAIL" if bad else ""))
    return 1 if failed else 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--examples",
        type=int,
        default=DEFAULT_EXAMPLES,
        metavar="N",
        help=f"inputs per target (default {DEFAULT_EXAMPLES})",
    )
    parser.add_argument(
        "--target",
        action="append",
        default=[],
        metavar="TEXT",
        help="fuzz only the targets whose name contains TEXT (repeatable)",
    )
    parser.add_argument(
        "--skip-known",
        action="store_true",
        help="leave out the inputs that trigger a known bug (hostile.KNOWN_ISSUES)",
    )
    parser.add_argument(
        "--save",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write full reproducers (default: a folder in the temporary directory)",
    )
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    parser.add_argument(
        "--sizes",
        action="store_true",
        help="run only the hostile sizes (a million keys, /dev/zero...), each within 10 s",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Fuzz the chosen targets and print the tallies; 1 if anything escaped."""
    args = _arguments(argv)
    if args.sizes:
        return run_sizes()
    targets = [
        t
        for t in fuzz.all_targets()
        if not args.target or any(text in t.name for text in args.target)
    ]
    if args.list or not targets:
        for target in targets:
            print(target.name)
        return 0 if targets else 2
    folder = args.save or Path(tempfile.gettempdir()) / f"asn-fuzz-reproducers-{os.getpid()}"
    print(
        f"asn_performance hostile-input fuzzing: {len(targets)} targets, up to"
        f" {args.examples} inputs each (each run twice); Python {platform.python_version()},"
        f" {os.cpu_count()} CPU(s){'; known bugs skipped' if args.skip_known else ''}\n"
    )
    tallies: list[Tally] = []
    start = time.perf_counter()
    for target in targets:
        tallies.append(run_target(target, args.examples, folder, args.skip_known))
        print(f"  {target.name}: {tallies[-1].tried} inputs", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - start
    _print_tallies(tallies, elapsed)
    _print_refusals(tallies)
    tried = sum(t.tried for t in tallies)
    skipped = sum(t.skipped for t in tallies)
    if skipped:
        print(f"\n{skipped} input(s) left out because they trigger a known bug (--skip-known).")
    if any(t.problems for t in tallies):
        _print_problems(tallies, folder)
        escapes = sum(t.count("escape") for t in tallies)
        violations = sum(t.count("violation") for t in tallies)
        known = sum(t.count("known") for t in tallies)
        print(
            f"\nFAILED: {escapes} escape(s) and {violations} violation(s) in {tried} inputs"
            f" ({known} of them known bugs), {elapsed:.0f} s."
        )
        return 1
    print(f"\nOK: nothing escaped in {tried} inputs ({elapsed:.0f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
