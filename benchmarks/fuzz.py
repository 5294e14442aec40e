"""Hostile-input fuzzing at scale: every loader, every public constructor and the command line.

Run from the repository root::

    .venv/bin/python benchmarks/fuzz.py                  # 200 inputs per target (~2-3 min)
    .venv/bin/python benchmarks/fuzz.py --examples 2000  # much harder
    .venv/bin/python benchmarks/fuzz.py --target load_ --target cli --examples 500
    .venv/bin/python benchmarks/fuzz.py --skip-known     # leave out the known bugs' inputs
    .venv/bin/python benchmarks/fuzz.py --sizes          # only the hostile sizes (~1 min)
    .venv/bin/python benchmarks/fuzz.py --mutate 300     # mutations of the sample, then sizes

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
limit, text one byte over ``MAX_BYTES``, ``/dev/zero`` through ``read_input``, and many
invalid items spread over many lists, each list under the item limit (three lists of 150 000
invalid items, 20 plans of 149 000 and of 190 000 empty work results, 190 000 employees of
14 unknown keys, 16 million numbers, 1.2 million texts full of commas). Each must end with
the expected library error within 10 s and 1 GB; the script prints the time, the maximum
resident set size and the error's rule.

``--mutate N`` runs structure-aware mutations instead: N mutated copies of the built-in
sample document per kind (a field deleted, a type swapped, a plan, assessment or employee
duplicated, a reference to an unknown id, NIP look-alikes, labels in odd case or Unicode,
huge, negative and NaN-ish numbers as text and as JSON numbers, deep nesting, very long
strings), each loaded as text and as a mapping; it prints the counts per kind and every
escape (an exception other than ``AsnPerformanceError``, an error without a rule or path, or
a load over 10 s), then runs the hostile sizes (``--no-sizes`` leaves them out; ``--seed``
picks another reproducible run). See ``benchmarks/README.md``.

Exit status: 0 when nothing escaped and nothing was violated, 1 otherwise (known bugs
included).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import json
import os
import platform
import random
import re
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
        "SCHEMA-too_many_values",
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
    (
        "3 lists x 150 000 invalid items (5 MB)",
        'bad = [\'{"nip":"123","x":1}\', \'7\', \'"s"\', \'{"id":5,"y":null}\']\n'
        "items = ','.join(bad[i % 4] for i in range(150_000))\n"
        'load_document(\'{"schema_version":"1","employees":[%s],"plans":[%s],'
        '"assessments":[%s]}\' % (items, items, items))',
        "NIP-FORMAT",
    ),
    (
        "20 plans x 149 000 empty work results",
        "plan = '{\"id\":\"p\",\"work_results\":[' + ','.join(['{}'] * 149_000) + ']}'\n"
        'load_document(\'{"schema_version":"1","employees":[],"plans":[%s]}\''
        " % ','.join([plan] * 20))",
        "SCHEMA-missing",
    ),
    (
        "20 plans x 190 000 empty work results",
        "plan = '{\"id\":\"p\",\"work_results\":[' + ','.join(['{}'] * 190_000) + ']}'\n"
        'load_document(\'{"schema_version":"1","employees":[],"plans":[%s]}\''
        " % ','.join([plan] * 20))",
        "SCHEMA-too_many_values",
    ),
    (
        "190 000 employees x 14 unknown keys (20 MB)",
        "item = '{' + ','.join(f'\"u{k}\":0' for k in range(14)) + '}'\n"
        'load_document(\'{"schema_version":"1","employees":[%s],"plans":[]}\''
        " % ','.join([item] * 190_000))",
        "SCHEMA-missing",
    ),
    (
        "3 assessments x 2 x 199 999 bad ratings (12 MB)",
        "entries = ','.join(f'\"{i}\":0' for i in range(199_999))\n"
        'item = \'{"work_result_ratings":{%s},"behaviour_ratings":{%s}}\' % (entries, entries)\n'
        'load_document(\'{"schema_version":"1","employees":[],"plans":[],'
        "\"assessments\":[%s]}' % ','.join([item] * 3))",
        "SCHEMA-missing",
    ),
    (
        "128 x 128 indicators x 170 unknown keys (28 MB)",
        "import json\n"
        "from asn_performance.boundary.appraisal_document import dump_document, sample_document\n"
        "d = dump_document(sample_document())\n"
        "extra = {f'k{x}': 1 for x in range(170)}\n"
        "d['plans'][0]['work_results'] = [{'id': f'w{j}', 'text': 't', 'indicators': [dict(extra,"
        " id=f'i{j}_{i}', text='t', target={'lower': '1'}) for i in range(128)]}"
        " for j in range(128)]\n"
        "load_document(json.dumps(d))",
        "SCHEMA-extra_forbidden",
    ),
    (
        "16 million numbers 1e1 (64 MB)",
        "row = '[' + ','.join(['1e1'] * 199_999) + ']'\n"
        'load_document(\'{"schema_version":"1","title":[%s]}\' % \',\'.join([row] * 80))',
        "SCHEMA-too_many_values",
    ),
    (
        "1.2 million texts of 50 commas (64 MB)",
        "row = '[' + ','.join(['\"' + ',' * 50 + '\"'] * 199_999) + ']'\n"
        'load_document(\'{"schema_version":"1","title":[%s]}\' % \',\'.join([row] * 6))',
        "SCHEMA-string_type",
    ),
)

#: The most resident memory a hostile size may use, in MB.
SIZE_MEMORY_MB = 1024

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


def run_sizes(limit: float = 10.0, *, gc_off: bool = False) -> int:
    """Run each hostile size in a fresh interpreter; 1 if one is slow (over ``limit`` s),
    large (over :data:`SIZE_MEMORY_MB`), escapes or misses its rule. With ``gc_off`` the
    cyclic garbage collector is off in each interpreter, as the command line runs a command:
    whatever cycles a hostile input makes stay in memory until the end, and must still fit."""
    import subprocess  # noqa: PLC0415 - only this mode runs subprocesses

    runner = ("import gc\ngc.disable()\n" if gc_off else "") + _SIZE_RUNNER
    failed = 0
    if gc_off:
        print("(the garbage collector off in each interpreter, as asn-performance runs)")
    print(f"{'input':<46} {'rule':<24} {'seconds':>8} {'max RSS MB':>10}")
    for name, code, rule in SIZES:
        try:
            done = subprocess.run(  # noqa: S603 - our own interpreter and code
                [sys.executable, "-c", runner, code],
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
        bad = outcome != rule or seconds > limit or rss > SIZE_MEMORY_MB
        failed += bad
        print(f"{name:<46} {outcome:<24} {seconds:>8.2f} {rss:>10}" + ("  FAIL" if bad else ""))
    return 1 if failed else 0


# --- structure-aware mutations ------------------------------------------------------------------

#: Seconds one mutated document may take to load; a slower one counts as an escape.
MUTATION_LIMIT = 10.0
_RAW = "\u0000raw:"  # a string marker replaced by raw JSON text (a number JSON allows)

Path_ = tuple[int | str, ...]


def _sample() -> dict[str, Any]:
    """The built-in sample unit as a plain input document (what ``asn-performance sample``
    prints)."""
    from asn_performance.boundary import appraisal_document as ad  # noqa: PLC0415

    if hasattr(ad, "sample_document"):
        doc = ad.sample_document()
    else:  # before sample_document existed
        from asn_performance.services.sample import sample_unit  # noqa: PLC0415

        unit = sample_unit()
        doc = ad.AppraisalDocument(
            employees=unit.employees, plans=unit.plans, assessments=unit.assessments,
            policy=unit.policy, guards=unit.guards,
            organisation_predikat=unit.organisation_predikat, title=unit.title,
        )  # fmt: skip
    return ad.dump_document(doc)


def _paths(node: object, here: Path_ = ()) -> list[tuple[Path_, object]]:
    """Every JSON path of ``node`` with its value, the root first."""
    found: list[tuple[Path_, object]] = [(here, node)]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*here, index))
    return found


def _set(doc: Any, path: Path_, value: object) -> None:
    node = doc
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


def _raw(text: str) -> str:
    return f"{_RAW}{text}"


def _text(doc: object) -> tuple[str, bool]:
    """JSON text of ``doc``, with the raw markers written as bare JSON text (numbers, deep
    arrays); and whether there was one."""
    text = json.dumps(doc, ensure_ascii=False)
    bare, count = re.subn(r'"\\u0000raw:([^"]*)"', lambda m: m.group(1), text)
    return bare, count > 0


_NIPS = (
    "19860926201505100", "1986092620150510011", "19860926 201505 1 001", "19860926-201505-1-001",
    "198609262015051OO1", "１９８６０９２６２０１５０５１００１", "١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١",
    "198609262015051001\n", " 198609262015051001", "198613262015051001", "198609262015131001",
    "198609262015053001", "000000000000000000", "19860926201505100\u0661", "",
)  # fmt: skip
_LABEL_TWISTS = (
    str.upper, str.title, lambda s: s.swapcase(), lambda s: f" {s} ", lambda s: s + "\u200b",
    lambda s: s.replace("e", "\u0435"), lambda s: s.replace("i", "\u0131"),
    lambda s: s.replace("_", " "), lambda s: s.replace("_", "\u00a0"),
    lambda s: s + "\u0301", lambda s: "\ufeff" + s, lambda s: s.replace("a", "\uff41"),
)  # fmt: skip
_NUMBER_TEXTS = (
    "NaN", "nan", "Infinity", "-Infinity", "1e999999", "-1", "-0", "1e-999999", "9" * 5000,
    "0x10", "1_000", "١٢", "12,5", " 95 ", "", "+95", "95.", ".5", "1e2", "Decimal('1')",
)  # fmt: skip
_NUMBER_RAWS = (
    "1e400", "-1", "-0.0", "1e-400", "1" + "0" * 30, "9" * 4400, "1E99999999", "0.1", "7.0",
    "-7.5", "123456789012345678901234567890.5",
)  # fmt: skip
_TYPES: tuple[object, ...] = ("text", 7, 7.5, _raw("1e3"), [], [1, "a"], {}, {"a": 1}, None, True)


def _pick(rng: random.Random, doc: Any, accept: Any) -> tuple[Path_, object] | None:
    candidates = [(p, v) for p, v in _paths(doc) if p and accept(p, v)]
    return rng.choice(candidates) if candidates else None


def _is_nip(path: Path_, value: object) -> bool:
    return isinstance(path[-1], str) and path[-1].endswith("nip") and isinstance(value, str)


def _mutate_delete(rng: random.Random, doc: Any) -> str:
    found = _pick(rng, doc, lambda p, v: isinstance(v, dict) and bool(v))
    if found is None:
        return "-"
    path, node = found
    key = rng.choice(list(node))  # type: ignore[call-overload]
    del node[key]  # type: ignore[index]
    return _where((*path, key))


def _mutate_type(rng: random.Random, doc: Any) -> str:
    path, value = _pick(rng, doc, lambda p, v: True) or ((), None)
    choices = [t for t in _TYPES if type(t) is not type(value)]
    _set(doc, path, json.loads(json.dumps(rng.choice(choices))))
    return _where(path)


def _mutate_duplicate(rng: random.Random, doc: Any) -> str:
    lists = [name for name in ("plans", "assessments", "employees") if doc.get(name)]
    name = rng.choice(lists)
    items = doc[name]
    index = rng.randrange(len(items))
    items.insert(rng.randrange(len(items) + 1), json.loads(json.dumps(items[index])))
    return f"$.{name}[{index}]"


def _mutate_reference(rng: random.Random, doc: Any) -> str:
    found = _pick(rng, doc, lambda p, v: _is_nip(p, v) or p[-1] in ("plan_id", "id"))
    if found is None:
        return "-"
    path, _ = found
    unknown = rng.choice(["199912312020121999", "200101012021011001", "rencana-x", "P-404"])
    _set(doc, path, unknown)
    return _where(path)


def _mutate_nip(rng: random.Random, doc: Any) -> str:
    found = _pick(rng, doc, lambda p, v: _is_nip(p, v) or (len(p) > 1 and p[-2] == "reward_inputs"))
    if found is None:
        return "-"
    path, _ = found
    _set(doc, path, rng.choice(_NIPS))
    return _where(path)


def _is_label(path: Path_, value: object) -> bool:
    return (
        isinstance(value, str)
        and bool(value)
        and value.replace("_", "").isalpha()
        and value.islower()
        and not _is_nip(path, value)
    )


def _mutate_label(rng: random.Random, doc: Any) -> str:
    found = _pick(rng, doc, _is_label)
    if found is None:
        return "-"
    path, value = found
    _set(doc, path, rng.choice(_LABEL_TWISTS)(str(value)))
    return _where(path)


def _is_number(path: Path_, value: object) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (
        isinstance(value, str)
        and bool(re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value))
        and not _is_nip(path, value)
    )


def _mutate_number(rng: random.Random, doc: Any) -> str:
    found = _pick(rng, doc, _is_number)
    if found is None:
        return "-"
    path, _ = found
    use_raw = rng.random() < 0.5
    _set(doc, path, _raw(rng.choice(_NUMBER_RAWS)) if use_raw else rng.choice(_NUMBER_TEXTS))
    return _where(path)


def _mutate_nesting(rng: random.Random, doc: Any) -> str:
    path, value = _pick(rng, doc, lambda p, v: True) or ((), None)
    depth = rng.choice([31, 33, 100, 5000, 100_000])
    if depth > 100:  # too deep for json.dumps: written as raw text
        _set(doc, path, _raw("[" * depth + "0" + "]" * depth))
    else:
        for _ in range(depth):
            value = [value] if rng.random() < 0.5 else {"a": value}
        _set(doc, path, value)
    return _where(path) + f" x{depth}"


def _mutate_long_string(rng: random.Random, doc: Any) -> str:
    found = _pick(rng, doc, lambda p, v: isinstance(v, str))
    if found is None:
        return "-"
    path, _ = found
    size = rng.choice([1_001, 4_001, 100_000, 5_000_000])
    _set(doc, path, rng.choice(["x", "é", "\U0001f600", "\u0301"]) * size)
    return _where(path) + f" x{size}"


def _where(path: Path_) -> str:
    return "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in path)


#: Each mutation kind: its name and the function that mutates a copy of the sample in place
#: (returning the JSON path it touched, for the reproducer).
MUTATIONS: tuple[tuple[str, Any], ...] = (
    ("delete a field", _mutate_delete),
    ("swap a type", _mutate_type),
    ("duplicate an item", _mutate_duplicate),
    ("unknown reference", _mutate_reference),
    ("NIP look-alike", _mutate_nip),
    ("label case/Unicode", _mutate_label),
    ("number as text/JSON", _mutate_number),
    ("deep nesting", _mutate_nesting),
    ("very long string", _mutate_long_string),
)


@dataclass
class MutationTally:
    """What happened to the mutated documents of one kind."""

    name: str
    tried: int = 0
    accepted: int = 0
    refused: collections.Counter[str] = field(default_factory=collections.Counter)
    escapes: list[str] = field(default_factory=list)
    slowest: float = 0.0


def run_mutations(count: int, seed: int, folder: Path) -> list[MutationTally]:
    """Load ``count`` mutated copies of the sample per kind (each also as a mapping when it
    has no raw JSON number); record every refusal's rule and every escape."""
    from asn_performance.boundary.appraisal_document import load_document  # noqa: PLC0415
    from asn_performance.exceptions import AsnPerformanceError  # noqa: PLC0415

    sample = _sample()
    load_document(_text(sample)[0])  # the starting point is valid
    tallies = []
    for name, mutate in MUTATIONS:
        tally = MutationTally(name)
        rng = random.Random(f"{seed}-{name}")  # noqa: S311 - reproducible inputs, not secrets
        for _ in range(count):
            doc = json.loads(json.dumps(sample))
            where = mutate(rng, doc)
            if rng.random() < 0.2:  # a second mutation now and then
                where += " + " + mutate(rng, doc)
            text, raw = _text(doc)
            sources: list[object] = [text] if raw else [text, doc]
            for source in sources:
                tally.tried += 1
                start = time.perf_counter()
                problem = ""
                try:
                    load_document(source)  # type: ignore[arg-type]
                    tally.accepted += 1
                except AsnPerformanceError as error:
                    tally.refused[error.rule or "-"] += 1
                    if not error.rule or not error.path:
                        problem = f"no rule or path: {error!r}"[:300]
                except Exception as error:
                    problem = f"{type(error).__name__}: {error}"[:300]
                seconds = time.perf_counter() - start
                tally.slowest = max(tally.slowest, seconds)
                if seconds > MUTATION_LIMIT:
                    problem = problem or f"took {seconds:.1f} s (limit {MUTATION_LIMIT:.0f} s)"
                if problem:
                    folder.mkdir(parents=True, exist_ok=True)
                    saved = folder / f"mutation-{len(list(folder.iterdir()))}.json"
                    saved.write_text(text, encoding="utf-8", errors="surrogatepass")
                    kind = "text" if source is text else "mapping"
                    tally.escapes.append(f"{where} ({kind}): {problem}; saved {saved}")
        tallies.append(tally)
    return tallies


def print_mutations(tallies: list[MutationTally]) -> int:
    """Print the counts per mutation kind; 1 if anything escaped."""
    print(f"{'mutation':<22} {'tried':>6} {'accepted':>8} {'refused':>7} {'escapes':>7}"
          f" {'slowest s':>9}  most frequent rules")  # fmt: skip
    escapes = 0
    for t in tallies:
        rules = ", ".join(f"{rule} {n}" for rule, n in t.refused.most_common(3))
        print(f"{t.name:<22} {t.tried:>6} {t.accepted:>8} {sum(t.refused.values()):>7}"
              f" {len(t.escapes):>7} {t.slowest:>9.2f}  {rules}")  # fmt: skip
        escapes += len(t.escapes)
    for t in tallies:
        for escape in t.escapes[:10]:
            print(f"  ESCAPE [{t.name}] {escape}")
    print(f"\nescapes: {escapes}")
    return 1 if escapes else 0


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
    parser.add_argument(
        "--gc-off",
        action="store_true",
        help="with --sizes: the garbage collector off in each interpreter, as the command line"
        " runs a command",
    )
    parser.add_argument(
        "--mutate",
        type=int,
        default=0,
        metavar="N",
        help="run only the structure-aware mutations of the sample document, N per kind,"
        " then the hostile sizes (unless --no-sizes)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the mutations (default 0, reproducible)"
    )
    parser.add_argument(
        "--no-sizes", action="store_true", help="with --mutate: leave out the hostile sizes"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Fuzz the chosen targets and print the tallies; 1 if anything escaped."""
    args = _arguments(argv)
    if args.sizes:
        return run_sizes(gc_off=args.gc_off)
    if args.mutate:
        folder = args.save or Path(tempfile.gettempdir()) / f"asn-fuzz-mutations-{os.getpid()}"
        print(
            f"asn_performance structure-aware mutations of the sample document: {args.mutate}"
            f" per kind (seed {args.seed}); each loaded as text and, without raw numbers, as a"
            f" mapping; limit {MUTATION_LIMIT:.0f} s each\n"
        )
        status = print_mutations(run_mutations(args.mutate, args.seed, folder))
        if not args.no_sizes:
            print("\nHostile sizes (each in a fresh interpreter, 2 GB address space):")
            status |= run_sizes()
        return status
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
