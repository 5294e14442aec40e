"""Conformance vectors and their checker: test another appraisal system against this library.

The vectors ship in the package (``asn_performance/conformance/vectors``): each is an input in
a public JSON format (the PermenPANRB 6/2022 input document, with its reward inputs for the
angka kredit and tukin vectors; a regime document; a units document; a performance cycle
document for the objection deadlines) and the output the library gives, with a manifest
(format version, library version, and per vector its id, group, regime, rule, source and
file). A *worked* vector is a hand-worked example of the regulations (its ``source`` cites
it); a *generated* one holds what the library gives (``"source": "generated"``). The formats are in
``docs/how-to/conformance.md``.

* :func:`load_vectors`, :func:`manifest`, :func:`export` -- the vectors;
* :func:`check` -- another system's results (``{id: {field: value}}``, JSON or CSV text)
  against the vectors, a :class:`ConformanceReport`;
* :func:`assert_conforms` -- the same for a test suite: an ``AssertionError`` naming every
  differing and missing vector;
* :func:`library_results` -- what this library gives today for each vector;
* :func:`outcome` -- the library's output for one input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from asn_performance.conformance._outcome import KINDS, outcome
from asn_performance.conformance._report import ConformanceReport, Difference
from asn_performance.conformance._results import Results, check_known, read_results
from asn_performance.conformance._vectors import (
    FORMAT_VERSION,
    MANIFEST,
    VECTOR_FORMAT,
    Vector,
    export,
    load_vectors,
    manifest,
)

__all__ = [
    "FORMAT_VERSION",
    "KINDS",
    "MANIFEST",
    "VECTOR_FORMAT",
    "ConformanceReport",
    "Difference",
    "Results",
    "Vector",
    "assert_conforms",
    "check",
    "export",
    "library_results",
    "load_vectors",
    "manifest",
    "outcome",
    "read_results",
]


#: A plain decimal number as the vectors write one: digits, a point and digits, a sign.
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def _same(expected: str, got: str) -> bool:
    """Whether a value given equals the expected one: two plain decimal numbers by their
    value (``"75"``, ``"75.0"`` and ``"75.00"`` are one number; ``Decimal`` equality is exact,
    whatever the decimal context), any other text exactly."""
    if _DECIMAL.fullmatch(expected) and _DECIMAL.fullmatch(got):
        return Decimal(expected) == Decimal(got)
    return got == expected


def _compare(vector: Vector, given: Mapping[str, str]) -> list[Difference]:
    """The fields of ``vector`` that ``given`` gets wrong: a field given is compared with the
    expected value (numbers by value, other text exactly); a required field not given is a
    difference too."""
    found = []
    for field, expected in vector.expected.items():
        got = given.get(field)
        if got is None:
            if field in vector.required:
                found.append(Difference(vector.id, field, expected, None))
        elif not _same(expected, got):
            found.append(Difference(vector.id, field, expected, got))
    return found


def check(
    results: str | bytes | Mapping[str, Any],
    vectors: Sequence[Vector] | str | Path | None = None,
) -> ConformanceReport:
    """Compare another system's ``results`` (a mapping, or JSON or CSV text: see
    :func:`read_results`) with ``vectors`` (the package's by default; a folder ``export``
    wrote; or the vectors themselves).

    Raises:
        InputError: the results cannot be read, or name a vector that does not exist (every
            problem, one each, at its JSON path).
    """
    chosen = (
        load_vectors(vectors)
        if vectors is None or isinstance(vectors, (str, Path))
        else (tuple(vectors))
    )
    given = read_results(results)
    check_known(given, {v.id: v for v in chosen})
    matched: list[str] = []
    differences: list[Difference] = []
    missing: list[str] = []
    for vector in chosen:
        if vector.id not in given:
            missing.append(vector.id)
            continue
        found = _compare(vector, given[vector.id])
        differences.extend(found)
        if not found:
            matched.append(vector.id)
    return ConformanceReport(len(chosen), tuple(matched), tuple(differences), tuple(missing))


def assert_conforms(
    results: str | bytes | Mapping[str, Any],
    vectors: Sequence[Vector] | str | Path | None = None,
) -> ConformanceReport:
    """:func:`check`, for a test suite: the report when every vector is given and matches,
    else an ``AssertionError`` whose message names every differing field and missing vector
    (the report's English text)."""
    report = check(results, vectors)
    if not report.ok:
        raise AssertionError("results do not conform:\n" + report.render("en"))
    return report


def library_results(
    vectors: Sequence[Vector] | str | Path | None = None,
) -> dict[str, dict[str, str]]:
    """What this library gives today for every vector (id -> field -> text): the results a
    system that conforms would give."""
    chosen = (
        load_vectors(vectors)
        if vectors is None or isinstance(vectors, (str, Path))
        else (tuple(vectors))
    )
    return {v.id: outcome(v.kind, v.input, tuple(v.expected), v.options) for v in chosen}
