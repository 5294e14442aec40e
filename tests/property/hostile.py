"""Hostile input: every loader and every public constructor, fed what an attacker or a broken
export would feed them.

The shared machinery of the hostile-input tests. Each module
``test_<module>_hostile.py`` (mirroring the library's modules, in ``tests/property/<package>/``)
holds the targets of its module (its ``TARGETS``) and its regression tests; :func:`all_targets`
gathers them all. Targets: every loader (``schemas.load_*`` -- documents, employees, plans,
assessments, appraisals, cycles, rosters, feedback --, the reward policy loaders from JSON,
TOML and files, the units and calibration documents, the regime documents and ``load_any``,
``integrity.verify`` and ``verify_all``), the command line (``appraise``, ``rewards``,
``calibrate``, ``verify``) and every public constructor or parser that takes user values
(``Nip``, ``Period``, ``Target``, ``Employee``, ``PerformancePlan``, ``Assessment``, the
weighting and reward policies and their parts, ``appraise``, the distribution check, the
schedules, the lifecycle's first steps, ``Labelled.parse`` of every enumeration...).

Property: a call returns a usable object or raises the library's own
:class:`~asn_performance.exceptions.AsnPerformanceError`, with its ``rule`` set and, at the JSON
boundary, a ``path`` that starts with ``$``. Nothing else escapes: no ``TypeError``,
``KeyError``, ``RecursionError``, ``OverflowError``, pydantic ``ValidationError``..., and the
loaders' safety net (``SCHEMA-unreadable``, an unexpected exception caught) never fires.
Besides:

* no partial object and no hidden state: the same input gives the same outcome twice (the
  same error class, rule, path and message), and the input is never mutated;
* an accepted object is usable: ``repr`` and ``hash`` work, it is frozen, and what the command
  line does next with it (appraise, dump, render, compute) raises nothing but library errors;
* the command line (run in-process here, as a subprocess in ``tests/cli/test_hostile_cli.py``)
  exits 0, or 2 with exactly one line on stderr -- never 70.

Inputs: valid documents and objects of the hostile family of :mod:`asn_performance.testing`
(and the built-in sample, policies and regime examples), then corrupted -- a wrong JSON type
at any node, huge integers (10**400, 10**5000), huge decimal strings, NaN / Infinity / -0,
negative and zero numbers, unknown codes, duplicated list items (so duplicate ids), references
to other items, dates out of range ("0000-01-01", "9999-12-31", "2025-02-30"), strings of
100 000 characters, lone surrogates, control characters, 10 000 levels of ``[[[...]]]`` -- or
their JSON text mangled (truncated, spliced, random bytes, invalid UTF-8, BOM, UTF-16, NUL).

Bugs found in files this work may not change are listed in :data:`KNOWN_ISSUES`, each pinned
by a strict xfail test of a hostile-input module; the fuzz test sets their inputs aside.

How hard: ``ASN_FUZZ_EXAMPLES`` (default 25 per target, the whole file in about half a
minute) sets the examples per target; ``benchmarks/fuzz.py`` reuses :func:`all_targets` with many
more and prints the tallies.
"""

from __future__ import annotations

import copy
import importlib.util
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hostile_values import FUZZ, HOSTILE_VALUES, AsMapping, Raw, copy_tree, materialise
from hypothesis import given, reject
from hypothesis import strategies as st

from asn_performance.exceptions import AsnPerformanceError

# --- outcomes ------------------------------------------------------------------------------------


class PropertyViolationError(AssertionError):
    """A call broke the property without an escape: a bad error, state, or a mutation."""


def require(condition: bool, message: str) -> None:
    if not condition:
        raise PropertyViolationError(message)


class CliRefusalError(Exception):
    """The command line refused the input as it should: exit status 2 and one line."""

    def __init__(self, line: str, status: int = 2) -> None:
        super().__init__(line)
        self.line = line
        self.status = status
        found = re.search(r"; rule ([^\s;]+?)(?:\.? Fix:|;|$)", line)
        self.rule = found.group(1) if found else None


@dataclass(frozen=True)
class Refused:
    """The input was refused: the error's class, rule, path and message."""

    kind: str
    rule: str | None
    path: str | None
    message: str


@dataclass(frozen=True)
class Accepted:
    """The input was accepted: the object built (or the command's output)."""

    value: object


Outcome = Accepted | Refused


@dataclass(frozen=True)
class FuzzTarget:
    """A function under fuzzing: how to draw its input and how to call it.

    ``prepare`` turns the drawn value (a recipe, printed as the reproducer) into what ``call``
    receives; ``boundary`` says that errors must carry a JSON path from ``$``; ``after``
    exercises an accepted result the way the library's own consumers (the command line) would.
    """

    name: str
    strategy: st.SearchStrategy[Any]
    call: Callable[[Any], object]
    boundary: bool = False
    after: Callable[[Any], object] | None = None
    prepare: Callable[[Any], object] = materialise


def _refused(error: AsnPerformanceError | CliRefusalError, boundary: bool) -> Refused:
    if isinstance(error, CliRefusalError):
        return Refused(f"cli exit {error.status}", error.rule, None, error.line)
    require(bool(error.rule), f"{type(error).__name__} without a rule: {error.message!r}")
    require(
        error.rule != "SCHEMA-unreadable",
        f"the loaders' safety net caught an unexpected exception: {error.message}",
    )
    require(isinstance(error.message, str) and bool(error.message), "an error without message")
    if boundary:
        require(
            isinstance(error.path, str) and error.path.startswith("$"),
            f"at the JSON boundary the path starts with '$', got {error.path!r}",
        )
    line = error.one_line()
    require("\n" not in line and "\r" not in line, f"one_line() is not one line: {line[:200]!r}")
    require(str(error) == line, "str(error) is not its one line")
    return Refused(type(error).__name__, error.rule, error.path, error.message)


def _usable(value: object) -> None:
    """An accepted object can be shown, hashed, and not changed."""
    repr(value)
    if attrs.has(type(value)):
        hash(value)
        name = attrs.fields(type(value))[0].name  # type: ignore[arg-type]
        try:
            object.__getattribute__(value, "__setattr__")(name, None)
        except attrs.exceptions.FrozenInstanceError:
            pass
        else:
            raise PropertyViolationError(f"{type(value).__name__} is not frozen")


def _once(target: FuzzTarget, live: object) -> Outcome:
    try:
        result = target.call(live)
    except (AsnPerformanceError, CliRefusalError) as error:
        return _refused(error, target.boundary)
    _usable(result)
    if target.after is not None:
        try:
            target.after(result)
        except AsnPerformanceError as error:
            _refused(error, target.boundary)  # a library error later on is fine, if well made
    return Accepted(result)


class _Uncopiable:
    pass


def _structure(value: object) -> object:
    """A copy of the containers of ``value``, sharing its leaves (which are immutable, or
    compared by identity)."""
    if isinstance(value, dict):
        return {key: _structure(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_structure(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_structure(item) for item in value)
    if isinstance(value, (set, bytearray)):
        return copy.copy(value)
    return value


def _same_value(a: object, b: object) -> bool:
    """Equality with identity first (NaN, sNaN, ``object()``), as containers compare items."""
    try:
        return [a] == [b]
    except Exception:
        return True


def attempt(target: FuzzTarget, value: object) -> Outcome:
    """Run ``target`` on ``value`` twice and check the property; return the outcome.

    Raises whatever escapes the library (the bug), or :class:`PropertyViolationError`.
    """
    live = target.prepare(value)
    try:
        before: object = _structure(live)
    except RecursionError:  # 10 000 levels of nesting: not compared
        before = _Uncopiable()
    first = _once(target, live)
    if not isinstance(before, _Uncopiable):
        require(_same_value(live, before), f"{target.name} changed its input")
    second = _once(target, live)
    if isinstance(first, Refused) or isinstance(second, Refused):
        require(first == second, f"{target.name} is not repeatable: {first} then {second}")
    else:
        require(
            type(first.value) is type(second.value) and _same_value(first.value, second.value),
            f"{target.name} accepted the input twice with different results",
        )
    return first


# --- public constructors -------------------------------------------------------------------------

#: An argument left out (the default applies).
OMIT = Raw("<omitted>", lambda: None)


def _labelled(value: object) -> str:
    try:
        shown = repr(value)
    except ValueError:
        shown = f"<{type(value).__name__}>"
    return shown if len(shown) <= 60 else shown[:57] + "..."


def values(*values: object) -> list[Any]:
    """Plain values as recipes (containers are copied on use, big values get a label)."""
    return [v if isinstance(v, Raw) else Raw(_labelled(v), _copier(v)) for v in values]


def _copier(value: object) -> Callable[[], object]:
    return lambda: copy_tree(value)


#: Per parameter: the valid values and the near-valid ones (``None``: never corrupted).
Spec = Mapping[str, tuple[list[Any], list[Any] | None]]

#: A module's constructor targets: per name, the function, its spec and its ``after`` check.
SpecTable = dict[str, tuple[Callable[..., object], Spec, Callable[[Any], object] | None]]

#: The spec of every constructor target made by :func:`constructor`, by name.
SPECS: dict[str, Spec] = {}


@dataclass(frozen=True)
class Call:
    """Keyword arguments of a call, as recipes; printed as the reproducer."""

    arguments: Mapping[str, Any]

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.arguments.items() if v is not OMIT)
        return f"Call({shown})"


@st.composite
def arguments(draw: st.DrawFn, spec: Spec) -> Call:
    """Valid arguments, with none, one (most often) or several replaced by near-valid or
    hostile values."""
    names = [name for name, (_, near) in spec.items() if near is not None]
    mode = draw(st.integers(0, 9))
    if mode == 0:
        bad: set[str] = set()
    elif mode <= 6:
        bad = {draw(st.sampled_from(names))}
    else:
        bad = set(draw(st.lists(st.sampled_from(names), min_size=1, unique=True)))
    chosen: dict[str, Any] = {}
    for name, (valid, near) in spec.items():
        if name in bad:
            pool = st.sampled_from(near) | HOSTILE_VALUES if near else HOSTILE_VALUES
            chosen[name] = draw(pool)
        else:
            chosen[name] = draw(st.sampled_from(valid))
    return Call(chosen)


def keywords(recipe: Call) -> dict[str, Any]:
    """The keyword arguments a :class:`Call` stands for (left-out ones omitted)."""
    return {k: materialise(v) for k, v in recipe.arguments.items() if v is not OMIT}


def calling(function: Callable[..., object]) -> Callable[[dict[str, Any]], object]:
    def call(kwargs: dict[str, Any]) -> object:
        return function(**kwargs)

    return call


def constructor(
    name: str,
    function: Callable[..., object],
    spec: Spec,
    after: Callable[[Any], object] | None = None,
) -> FuzzTarget:
    SPECS[name] = spec
    return FuzzTarget(name, arguments(spec), calling(function), False, after, keywords)


def constructors(specs: SpecTable) -> tuple[FuzzTarget, ...]:
    """A target per entry of ``specs`` (see :func:`constructor`)."""
    return tuple(
        constructor(name, function, spec, after) for name, (function, spec, after) in specs.items()
    )


# --- known bugs in files this work may not change ------------------------------------------------


def labels_in(value: object) -> set[str]:
    """The labels of the hostile values (:class:`Raw`) a recipe holds."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Raw):
            found.add(item.label)
        elif isinstance(item, Call):
            stack.extend(item.arguments.values())
        elif isinstance(item, AsMapping):
            stack.append(item.tree)
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return found


def _corrupted(target: FuzzTarget, value: object, *names: str) -> bool:
    """Whether one of the arguments ``names`` of a constructor call is not a valid one."""
    if not isinstance(value, Call) or target.name not in SPECS:
        return False
    spec = SPECS[target.name]
    return any(
        name in value.arguments and not any(value.arguments[name] is v for v in spec[name][0])
        for name in names
    )


@dataclass(frozen=True)
class KnownIssue:
    """A bug in a file this work may not change (``exceptions.py``, ``_json_text.py``...),
    pinned by a strict xfail test of a hostile-input module and reported to the file's owner.

    The fuzz test sets the inputs that trigger it aside, so that it finds the others;
    ``benchmarks/fuzz.py`` runs them and reports what escapes as known.
    """

    name: str
    test: str
    applies: Callable[[FuzzTarget, object], bool]


DEEP_LABELS = frozenset({"[[[...]]] x10000", '{"a":{"a":...}} x10000'})
HUGE_LABELS = frozenset({"10**5000", "-(10**5000)", "{10**5000: 1}", "key 10**5000"})

#: Bugs found by the fuzzing in files this work could not change, each pinned by a test below;
#: all were fixed, so none are set aside any more.
KNOWN_ISSUES: tuple[KnownIssue, ...] = ()


def known_issue(target: FuzzTarget, value: object) -> KnownIssue | None:
    """The known issue ``value`` would trigger in ``target``, if any."""
    return next((issue for issue in KNOWN_ISSUES if issue.applies(target, value)), None)


# --- the property and the gathering of targets -------------------------------------------------


def check_target(target: FuzzTarget) -> None:
    """The property, fuzzed: ``target`` returns a usable object or raises a well-made library
    error, for every drawn input (those of a known issue are set aside)."""

    @FUZZ
    @given(target.strategy)
    def check(value: object) -> None:
        if known_issue(target, value) is not None:
            reject()  # pinned by its own xfail test
        attempt(target, value)

    check()


#: The folder of the hostile-input test modules (``test_*_hostile.py``, in sub-folders too).
HERE = Path(__file__).resolve().parent


def target_modules() -> list[ModuleType]:
    """Every hostile-input test module, loaded once (under ``hostile_targets.<path>``)."""
    modules = []
    for path in sorted(HERE.rglob("test_*_hostile.py")):
        name = "hostile_targets." + ".".join(path.relative_to(HERE).with_suffix("").parts)
        module = sys.modules.get(name)
        if module is None:
            spec = importlib.util.spec_from_file_location(name, path)
            assert spec is not None
            assert spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
        modules.append(module)
    return modules


def all_targets() -> tuple[FuzzTarget, ...]:
    """Every target of every hostile-input module: loaders first, then the command line, then
    the constructors."""
    found = [target for module in target_modules() for target in module.TARGETS]

    def group(target: FuzzTarget) -> int:
        return 0 if target.boundary else 1 if target.name.startswith("cli ") else 2

    return tuple(sorted(found, key=group))


# --- helpers of the regression tests --------------------------------------------------------------


def huge_key(value: object = 1) -> Any:
    """``{10**5000: value}``: a key whose repr() raises ValueError (more than 4300 digits)."""
    return {10**5000: value}


def refusal(call: Callable[[], object]) -> AsnPerformanceError:
    """The library error ``call`` raises (anything else fails the test)."""
    with pytest.raises(AsnPerformanceError) as info:
        call()
    error = info.value
    assert error.rule
    assert "\n" not in error.one_line()
    return error
