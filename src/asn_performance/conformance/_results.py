"""Another system's results, read from JSON or CSV (format version 1).

JSON: an object keyed by vector id, each value an object of field -> text
(``{"matrix/hasil_sesuai__perilaku_sesuai": {"predikat": "baik"}}``). CSV: a header row
``id,<field>,<field>...`` and a row per vector; an empty cell gives no value. Every value is
text, as the vectors write it (codes, labels, shown values). Each problem is one error
(:class:`~asn_performance.exceptions.InputError`) at its JSON path; a CSV's rows are read as
the items of a list (``$[0]`` is the first row after the header).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from asn_performance.exceptions import InputError, Problem

__all__ = ["Results", "check_known", "read_results"]

#: Vector id -> field -> the value another system gives.
Results = Mapping[str, Mapping[str, str]]


def _member(name: str) -> str:
    """The JSON path segment of a key: ``.name`` or ``['a/key']`` (the boundary's)."""
    # The boundary (pydantic) loads when results are read, not with the package.
    from asn_performance.boundary._wire import member  # noqa: PLC0415

    return member(name)


def _loads(content: str) -> object:
    """JSON text parsed by the boundary: exact numbers, within its limits."""
    from asn_performance.boundary._wire import loads  # noqa: PLC0415

    return loads(content)


def _fields(value: object, path: str, problems: list[Problem]) -> dict[str, str]:
    if not isinstance(value, Mapping):
        problems.append(
            Problem(
                "a vector's result is an object of field -> value",
                path=path,
                value=value
                if isinstance(value, (str, int, bool)) or value is None
                else type(value).__name__,
                rule="CONFORMANCE-RESULTS",
                fix='write the fields as an object: {"predikat": "baik", ...}',
            )
        )
        return {}
    fields = {}
    for field, given in value.items():
        if isinstance(given, str):
            fields[str(field)] = given
        else:
            problems.append(
                Problem(
                    "a result's value is text, as the vectors write it",
                    path=path + _member(str(field)),
                    value=given
                    if isinstance(given, (int, bool)) or given is None
                    else type(given).__name__,
                    rule="CONFORMANCE-RESULTS",
                    fix='write it as a JSON string ("baik", "88.10", "true")',
                )
            )
    return fields


def _from_json(data: object, problems: list[Problem]) -> dict[str, dict[str, str]]:
    if not isinstance(data, Mapping):
        problems.append(
            Problem(
                "the results are a JSON object keyed by vector id",
                path="$",
                value=type(data).__name__,
                rule="CONFORMANCE-RESULTS",
                fix='write {"<vector id>": {"<field>": "<value>", ...}, ...}, or a CSV file'
                " whose header is id,<field>,...",
            )
        )
        return {}
    return {
        str(key): _fields(value, "$" + _member(str(key)), problems) for key, value in data.items()
    }


def _from_csv(content: str, problems: list[Problem]) -> dict[str, dict[str, str]]:
    rows = list(csv.reader(io.StringIO(content)))
    if not rows or not rows[0] or rows[0][0].strip() != "id":
        problems.append(
            Problem(
                "a CSV of results begins with a header row whose first column is id",
                path="$",
                value=",".join(rows[0]) if rows else "",
                rule="CONFORMANCE-RESULTS",
                fix="write the header id,predikat,... (the fields you give) as the first row",
            )
        )
        return {}
    header = [name.strip() for name in rows[0]]
    results: dict[str, dict[str, str]] = {}
    for index, row in enumerate(rows[1:]):
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        path = f"$[{index}]"
        if len(row) != len(header):
            problems.append(
                Problem(
                    f"a row has {len(row)} cells, the header {len(header)}",
                    path=path,
                    value=",".join(row),
                    rule="CONFORMANCE-RESULTS",
                    fix="give every row as many cells as the header (an empty cell gives no value)",
                )
            )
            continue
        vector = row[0].strip()
        if vector in results:
            problems.append(
                Problem(
                    "a vector's results are given twice",
                    path=path + ".id",
                    value=vector,
                    rule="CONFORMANCE-RESULTS",
                    fix="give each vector once",
                )
            )
            continue
        results[vector] = {h: cell for h, cell in zip(header[1:], row[1:], strict=True) if cell}
    return results


def read_results(source: str | bytes | Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """Another system's results: a mapping, JSON text or CSV text (bytes are UTF-8). Text
    whose first character (after spaces) is ``{`` is JSON, any other is CSV.

    Raises:
        InputError: every problem found, one each, at its JSON path (rule
            ``CONFORMANCE-RESULTS``); a JSON text that cannot be parsed gives its
            :class:`~asn_performance.exceptions.SchemaError`.
    """
    problems: list[Problem] = []
    if isinstance(source, Mapping):
        results = _from_json(source, problems)
    else:
        if isinstance(source, (bytes, bytearray)):
            try:
                content = bytes(source).decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise InputError(
                    f"the results are not UTF-8 text ({error.reason} at byte {error.start})",
                    path="$",
                    value=error.start,
                    rule="CONFORMANCE-RESULTS",
                    fix="save the file as UTF-8 (JSON or CSV)",
                ) from None
        else:
            content = source
        if content.lstrip().startswith("{"):
            results = _from_json(_loads(content), problems)
        else:
            results = _from_csv(content, problems)
    if problems:
        raise InputError.from_problems(problems)
    return results


def check_known(results: Results, known: Mapping[str, object]) -> None:
    """Refuse results for vector ids the vectors do not have (a typo would count as missing)."""
    problems = [
        Problem(
            f"no vector has the id {vector!r}",
            path="$" + _member(vector),
            value=vector,
            rule="CONFORMANCE-ID",
            fix="use the ids of the manifest (asn-performance conformance export DIR lists them"
            " in DIR/manifest.json)",
        )
        for vector in results
        if vector not in known
    ]
    if problems:
        raise InputError.from_problems(problems)
