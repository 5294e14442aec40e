"""Many SKP cycles, each tagged with its agency (*instansi*) and unit, as JSON: the input of the
status view across agencies (:func:`asn_performance.process.status.cycle_status`, ``asn-performance
status``).

A *cycle records* document lists the cycles an office oversees, each with its agency, its unit
and, optionally, the agency's periodic evaluation cadence::

    {"schema_version": "1", "kind": "cycle_records",
     "records": [{"agency": "Pemerintah Kota Serang", "unit": "Dinas Pendidikan",
                  "cadence": "triwulanan", "cycle": { ...a cycle document... }}]}

Each ``cycle`` is a cycle document exactly as :func:`~asn_performance.boundary.cycle_document.
dump_cycle` writes it, read by :func:`~asn_performance.boundary.cycle_document.load_cycle`
(every event replayed and its digest checked). :func:`load_cycle_records` also reads a single
cycle document, as one record: its agency is ``(tanpa instansi)`` (as in the distribution's
oversight) and its unit the employee's unit in the plan. Every record is read, and every
problem found is reported, at its JSON path (``$.records[2].cycle.events[4].actor_nip``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any, Literal

from pydantic import ConfigDict, Field

from asn_performance.boundary._wire import (
    MAX_ITEMS,
    UnitName,
    WireModel,
    Word,
    build,
    guarded,
    require,
    validate_model,
)
from asn_performance.boundary.cycle_document import CycleModel, dump_cycle, load_cycle
from asn_performance.consequences.distribution.oversight import NO_AGENCY
from asn_performance.exceptions import AsnPerformanceError, Problem
from asn_performance.process.status import CycleRecord

__all__ = [
    "CycleRecordModel",
    "CycleRecordsModel",
    "dump_cycle_records",
    "load_cycle_records",
    "problems_under",
    "raise_problems",
    "read_cycle_records",
]


class CycleRecordModel(WireModel):
    """One cycle with its agency, its unit and (optionally) the agency's cadence."""

    model_config = ConfigDict(title="Siklus SKP per instansi dan unit (cycle record)")

    agency: UnitName = Field(description="The agency (instansi), e.g. Pemerintah Kota Serang.")
    unit: UnitName = Field(description="The unit within the agency, e.g. Dinas Pendidikan.")
    cadence: Word | None = Field(
        default=None,
        description="The agency's periodic evaluation cadence (bulanan, triwulanan, semester);"
        " without it only the annual evaluation is checked for lateness.",
    )
    cycle: CycleModel = Field(description="The cycle document, as dump_cycle writes it.")


class CycleRecordsModel(WireModel):
    """The cycles an office oversees, each tagged with its agency and unit."""

    model_config = ConfigDict(title="Daftar siklus SKP (cycle records)")

    schema_version: Literal["1"]
    kind: Literal["cycle_records"]
    records: list[CycleRecordModel] = Field(max_length=MAX_ITEMS)


def _joined(prefix: str, path: str | None) -> str:
    if not path:
        return prefix
    if path.startswith("$"):
        return prefix + path[1:]
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


def problems_under(error: AsnPerformanceError, prefix: str) -> tuple[list[Problem], int]:
    """The problems of ``error`` with each path placed under ``prefix`` (a JSON path
    ``$...`` loses its ``$``), and the number of further problems it only counted."""
    return [replace(p, path=_joined(prefix, p.path)) for p in error.problems], error.more


def raise_problems(
    errors: Iterable[AsnPerformanceError],
    prefixes: Iterable[str],
    kind: type[AsnPerformanceError] | None = None,
) -> None:
    """Raise one error listing the problems of every error, each under its prefix; nothing
    when there are none. The error is a ``kind``; by default of the errors' class when they
    share one."""
    problems: list[Problem] = []
    more = 0
    kinds: set[type[AsnPerformanceError]] = set()
    for error, prefix in zip(errors, prefixes, strict=True):
        found, counted = problems_under(error, prefix)
        problems.extend(found)
        more += counted
        kinds.add(type(error))
    if not problems:
        return
    if kind is None:
        kind = kinds.pop() if len(kinds) == 1 else AsnPerformanceError
    raise kind.from_problems(problems, more=more)


def _record(
    raw: Mapping[str, Any], model: CycleRecordModel, path: str, key: bytes | None
) -> CycleRecord:
    try:
        cycle = load_cycle(raw["cycle"], key=key)
    except AsnPerformanceError as error:
        raise error.with_path(_joined(f"{path}.cycle", error.path)) from None
    return build(path, CycleRecord, model.agency, model.unit, cycle, cadence=model.cadence)


def _records(data: dict[str, Any], key: bytes | None) -> tuple[tuple[CycleRecord, str], ...]:
    if data.get("kind") == "performance_cycle":
        cycle = load_cycle(data, key=key)
        return ((CycleRecord(NO_AGENCY, cycle.plan.employee.unit, cycle), "$"),)
    model = validate_model(CycleRecordsModel, data)
    records: list[tuple[CycleRecord, str]] = []
    errors: list[AsnPerformanceError] = []
    for index, item in enumerate(model.records):
        path = f"$.records[{index}]"
        try:
            records.append((_record(data["records"][index], item, path, key), path))
        except AsnPerformanceError as error:
            errors.append(error)
    raise_problems(errors, ["$"] * len(errors))
    return tuple(records)


def load_cycle_records(
    source: str | bytes | Mapping[str, Any], *, key: bytes | None = None
) -> tuple[CycleRecord, ...]:
    """Read a cycle records document (``"kind": "cycle_records"``), or a single cycle document
    as one record (agency ``(tanpa instansi)``, the employee's unit).

    Each cycle is read as :func:`~asn_performance.boundary.cycle_document.load_cycle` reads it
    (with ``key``, each needs a keyed seal made with it). Every record is read; the problems
    of all of them are raised together, each at its JSON path.

    Raises:
        AsnPerformanceError: the document does not match its schema, or a cycle was changed
            or breaks a lifecycle rule, or a cadence is unknown (``SCHEDULE-CADENCE``); one
            problem per bad field, at ``$.records[i]...``.
    """
    return tuple(record for record, _path in read_cycle_records(source, key=key))


def read_cycle_records(
    source: str | bytes | Mapping[str, Any], *, key: bytes | None = None
) -> tuple[tuple[CycleRecord, str], ...]:
    """As :func:`load_cycle_records`, each record with its JSON path in the document
    (``$.records[i]``, or ``$`` for a single cycle document)."""
    return guarded(lambda data: _records(data, key), source)


def dump_cycle_records(
    records: Iterable[CycleRecord], *, key: bytes | None = None
) -> dict[str, Any]:
    """Write cycle records: each record's agency, unit, cadence (when given) and its cycle
    as :func:`~asn_performance.boundary.cycle_document.dump_cycle` writes it (with ``key``,
    each cycle also keyed-sealed). :func:`load_cycle_records` reads it back unchanged."""
    listed = []
    for record in records:
        require(record, CycleRecord, "dump_cycle_records")
        item: dict[str, Any] = {"agency": record.agency, "unit": record.unit}
        if record.cadence is not None:
            item["cadence"] = record.cadence.code
        item["cycle"] = dump_cycle(record.cycle, key=key)
        listed.append(item)
    return {"schema_version": "1", "kind": "cycle_records", "records": listed}
