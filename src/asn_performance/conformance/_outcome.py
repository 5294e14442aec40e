"""What the library gives for a vector's input: the expected output of a generated vector,
and the library's own results for :func:`~asn_performance.conformance.library_results`.

A vector's input is a public JSON document; its ``kind`` says which: ``"appraisal"`` (the
PermenPANRB 6/2022 input document, one plan), ``"regime"`` (a regime document of PP 46/2011,
PermenPANRB 8/2021 or the 2021 integration, one employee), ``"units"`` (a units document,
one unit, checked with the vector's ``options.rounding``), ``"rewards"`` (the 6/2022 input
document of one employee with its ``reward_inputs``, evaluated by the built-in reward policy
``options.policy``) or ``"cycle"`` (a performance cycle document, the event log
``dump_cycle`` writes). The outcome is a flat mapping of field names to text: the codes,
labels and shown values of the result record the command line writes (``appraise --json``,
``calibrate --json``, ``rewards --json``), the fields a vector names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final, TypeVar

from asn_performance.exceptions import InputError, Problem

__all__ = ["KINDS", "outcome"]

#: The kinds of input a vector holds.
KINDS: Final = ("appraisal", "regime", "units", "rewards", "cycle")

_T = TypeVar("_T")


def _leaf(value: object, field: str) -> str | Problem:
    """A result's leaf as text: text as it is, a boolean ``true``/``false``, a whole number
    in digits, ``null``; a problem when it is not a single value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (str, int)):
        return str(value)
    return Problem(
        f"the result field {field!r} is not a single value",
        path=field,
        value=type(value).__name__,
        rule="CONFORMANCE-VECTORS",
        fix="name a field whose value is text, a number, true, false or null",
    )


def _at(record: Mapping[str, Any], field: str) -> object:
    """The value at ``field`` of ``record``: names joined by ``.``, ``[i]`` for an item; a
    problem naming the first part the record lacks."""
    here: Any = record
    for part in field.replace("[", ".[").split("."):
        index = part[1:-1] if part.startswith("[") and part.endswith("]") else None
        if index is None and isinstance(here, Mapping) and part in here:
            here = here[part]
        elif (
            index is not None
            and index.isascii()
            and index.isdigit()
            and isinstance(here, list | tuple)
        ):
            if int(index) >= len(here):
                return _lacks(field, part)
            here = here[int(index)]
        else:
            return _lacks(field, part)
    return here


def _lacks(field: str, part: str) -> Problem:
    """The problem of a field the record does not have (``part`` is the first part missing)."""
    return Problem(
        f"the result record has no field {field!r} (no {part!r} there)",
        path=field,
        value=part,
        rule="CONFORMANCE-VECTORS",
        fix="name a field of the record the command line writes for this kind of input"
        " (docs/how-to/conformance.md, the format): names joined by '.', [i] for the i-th"
        " item of a list, counted from 0",
    )


def _value(record: Mapping[str, Any], field: str) -> str | Problem:
    """The text at ``field`` of ``record``, or the problem that keeps it from being read."""
    found = _at(record, field)
    return found if isinstance(found, Problem) else _leaf(found, field)


def _one(items: Sequence[_T], path: str) -> _T:
    """The one item of a vector's input (one plan, one employee, one unit), else the error."""
    if len(items) != 1:
        raise InputError(
            f"a vector's input gives one item at {path}; this one gives {len(items)}",
            path=path,
            value=len(items),
            rule="CONFORMANCE-VECTORS",
            fix="give one plan, employee or unit in each vector's input (a vector each)",
        )
    return items[0]


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
        appraisal = _one(load_document(document).appraise_all(), "$.plans")
        record = appraisal.result_dict()
        record["rules"] = _rules(record["explanation"])
        return record
    if kind == "regime":
        result = _one(load_regime_document(document).compute(), "$.employees")
        record = dump_regime_result(result)
        record["rules"] = _rules(record["explanation"])
        return record
    if kind == "rewards":
        return _rewards_record(document, options)
    if kind == "cycle":
        return _cycle_record(document)
    report = load_units_document(document).oversee(options.get("rounding", "strict"))
    unit = _one(report.to_dict()["units"], "$.units")
    unit["violated"] = _violations(unit)
    return dict(unit)


def _rewards_record(document: Mapping[str, Any], options: Mapping[str, str]) -> dict[str, Any]:
    """The record ``rewards --policy NAME --json`` writes for the document's one employee
    (``outcomes[0]``): angka kredit, allowances, career, ..."""
    from asn_performance.boundary.appraisal_document import load_document  # noqa: PLC0415
    from asn_performance.boundary.policy_files import (  # noqa: PLC0415
        list_builtin_policies,
        load_builtin_policy,
    )

    name = options.get("policy")
    if name not in list_builtin_policies():
        raise InputError(
            "a rewards vector names a built-in reward policy in its options",
            path="options.policy",
            value=name,
            rule="CONFORMANCE-VECTORS",
            fix=f"give one of {', '.join(list_builtin_policies())}",
        )
    outcomes = load_document(document).evaluate_rewards(load_builtin_policy(name))
    result = _one(outcomes, "$.employees")
    return result.to_dict()


def _cycle_record(document: Mapping[str, Any]) -> dict[str, Any]:
    """The record of a performance cycle (``PerformanceCycle.to_dict``) with its ``settings``
    and the days of its objection, each in the cycle's zone: ``received_on``,
    ``objection_filed_on`` and ``decision_due`` (the due day of the atasan's decision on an
    objection filed and not decided, rule ``LIFECYCLE-STATUS-OBJECTION``; else ``null``)."""
    from asn_performance.boundary.cycle_document import load_cycle  # noqa: PLC0415
    from asn_performance.process.status import CycleRecord, cycle_status  # noqa: PLC0415

    cycle = load_cycle(document)
    settings = cycle.settings
    received = cycle.received_at
    objection = cycle.objection
    record = cycle.to_dict()
    record["settings"] = settings.to_dict()
    record["received_on"] = None if received is None else settings.local_date(received).isoformat()
    record["objection_filed_on"] = (
        None if objection is None else settings.local_date(objection.at).isoformat()
    )
    due = None
    if objection is not None and cycle.decision is None:
        as_of = settings.local_date(cycle.events[-1].at)
        report = cycle_status([CycleRecord("-", "-", cycle)], as_of=as_of)
        (item,) = report.items
        due = None if item.deadline is None else item.deadline.isoformat()
    record["decision_due"] = due
    return record


def outcome(
    kind: str,
    document: Mapping[str, Any],
    fields: Sequence[str],
    options: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The library's output for ``document`` (a vector's input of ``kind``), the ``fields``
    named, each as text.

    Raises:
        InputError: the document is not valid (the loader's error), or a field is not one
            value of the record (rule ``CONFORMANCE-VECTORS``: every such field, one problem
            each, at its path in the record).
    """
    if kind not in KINDS:
        raise InputError(
            f"a vector's kind is one of {', '.join(KINDS)}",
            path="kind",
            value=kind,
            rule="CONFORMANCE-VECTORS",
            fix="write appraisal, regime, units, rewards or cycle",
        )
    record = _record(kind, document, options or {})
    values = {field: _value(record, field) for field in fields}
    problems = [v for v in values.values() if isinstance(v, Problem)]
    if problems:
        raise InputError.from_problems(problems)
    return {field: v for field, v in values.items() if isinstance(v, str)}
