"""What the library gives for a vector's input: the expected output of a generated vector,
and the library's own results for :func:`~asn_performance.conformance.library_results`.

A vector's input is a public JSON document; its ``kind`` says which: ``"appraisal"`` (the
PermenPANRB 6/2022 input document, one plan), ``"regime"`` (a regime document of PP 46/2011,
PermenPANRB 8/2021 or the 2021 integration, one employee) or ``"units"`` (a units document,
one unit, checked with the vector's ``options.rounding``). The outcome is a flat mapping of
field names to text: the codes, labels and shown values of the result record the command
line writes (``appraise --json``, ``calibrate --json``), the fields a vector names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from asn_performance.exceptions import InputError

__all__ = ["KINDS", "outcome"]

#: The kinds of input a vector holds.
KINDS: Final = ("appraisal", "regime", "units")


def _leaf(value: object, field: str) -> str:
    """A result's leaf as text: text as it is, a boolean ``true``/``false``, a whole number
    in digits, ``null``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (str, int)):
        return str(value)
    raise InputError(
        f"the result field {field!r} is not a single value",
        path=field,
        value=type(value).__name__,
        rule="CONFORMANCE-VECTORS",
        fix="name a field whose value is text, a number, true, false or null",
    )


def _at(record: Mapping[str, Any], field: str) -> object:
    """The value at ``field`` of ``record``: names joined by ``.``, ``[i]`` for an item."""
    here: Any = record
    for part in field.replace("[", ".[").split("."):
        here = here[int(part[1:-1])] if part.startswith("[") else here[part]
    return here


def _rules(explanation: Sequence[Mapping[str, Any]]) -> str:
    """The rule ids of an explanation's steps, each once, in the order they first apply."""
    seen: dict[str, None] = {}
    for step in explanation:
        seen.setdefault(str(step["rule"]), None)
    return " ".join(seen)


def _violations(unit: Mapping[str, Any]) -> str:
    """A unit's violated limits, each ``bound:predikat+predikat``, sorted, joined by ``,``."""
    found = sorted(
        f"{v['bound']}:{'+'.join(v['predikat'])}" for v in unit["violations"] if not v["ok"]
    )
    return ",".join(found)


def _record(kind: str, document: Mapping[str, Any], options: Mapping[str, str]) -> dict[str, Any]:
    """The one result record the command line writes for ``document``."""
    # The boundary (pydantic) loads when a vector is computed, not with the package.
    from asn_performance.boundary.appraisal_document import load_document  # noqa: PLC0415
    from asn_performance.boundary.calibration_files import load_units_document  # noqa: PLC0415
    from asn_performance.boundary.regime_documents import (  # noqa: PLC0415
        dump_regime_result,
        load_regime_document,
    )

    if kind == "appraisal":
        (appraisal,) = load_document(document).appraise_all()
        record = appraisal.result_dict()
        record["rules"] = _rules(record["explanation"])
        return record
    if kind == "regime":
        (result,) = load_regime_document(document).compute()
        record = dump_regime_result(result)
        record["rules"] = _rules(record["explanation"])
        return record
    report = load_units_document(document).oversee(options.get("rounding", "strict"))
    (unit,) = report.to_dict()["units"]
    unit["violated"] = _violations(unit)
    return dict(unit)


def outcome(
    kind: str,
    document: Mapping[str, Any],
    fields: Sequence[str],
    options: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The library's output for ``document`` (a vector's input of ``kind``), the ``fields``
    named, each as text. Raises the library's error when the document is not valid."""
    if kind not in KINDS:
        raise InputError(
            f"a vector's kind is one of {', '.join(KINDS)}",
            path="kind",
            value=kind,
            rule="CONFORMANCE-VECTORS",
            fix="write appraisal, regime or units",
        )
    record = _record(kind, document, options or {})
    return {field: _leaf(_at(record, field), field) for field in fields}
