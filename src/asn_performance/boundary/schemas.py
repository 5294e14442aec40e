"""Every JSON document the library reads or writes, with its JSON Schema, by name.

:data:`SCHEMAS` is the catalogue: each name with what it describes, whether the command line
reads it (``input``) or writes it (``output``) and the command that does; :func:`json_schema`
gives the JSON Schema (draft 2020-12) of a name. ``asn-performance schema NAME`` prints it.

The input schemas describe the canonical form that the ``dump_*`` functions write; the loaders
are a little more lenient (a label or synonym for a code, a NIP with spaces or hyphens, a
decimal as a JSON number, ``7.0`` for a whole number): see ``docs/reference/schemas.md``. The
output schemas describe exactly what the command line writes with ``--json``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, Literal, NamedTuple

from pydantic import TypeAdapter

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.boundary._wire import DRAFT
from asn_performance.boundary.appraisal_document import (
    AppraisalModel,
    CycleModel,
    FeedbackModel,
    ResultModel,
    RosterModel,
    input_json_schema,
    output_json_schema,
)
from asn_performance.boundary.calibration_files import units_json_schema
from asn_performance.boundary.cycle_records import CycleRecordsModel
from asn_performance.boundary.output_models import (
    calibration_schema,
    error_schema,
    oversight_schema,
    regime_results_schema,
    rewards_schema,
)
from asn_performance.boundary.policy_files import reward_policy_json_schema
from asn_performance.boundary.regime_documents import regime_input_json_schema
from asn_performance.exceptions import InputError
from asn_performance.regimes.registry import PERMENPANRB_6_2022

__all__ = ["SCHEMAS", "SchemaEntry", "json_schema"]


class SchemaEntry(NamedTuple):
    """One document of the catalogue: what it is, which way it goes, who reads or writes it."""

    description: str
    direction: Literal["input", "output"]
    command: str


#: Every schema by name, in the order ``asn-performance schema`` lists them.
SCHEMAS: Final[FrozenMap[str, SchemaEntry]] = FrozenMap(
    {
        "document": SchemaEntry(
            "The input document of a unit under PermenPANRB 6/2022 (employees, SKP,"
            " assessments, settings, reward inputs).",
            "input",
            "appraise, rewards, calibrate (sample writes one)",
        ),
        "results": SchemaEntry(
            "The compact result record of each appraised plan (dump_result), sealed.",
            "output",
            "appraise --json, demo --json",
        ),
        "pp46_2011": SchemaEntry(
            "A regime document under PP 46/2011 + Perka BKN 1/2013.", "input", "appraise"
        ),
        "permenpanrb_8_2021": SchemaEntry(
            "A regime document under PP 30/2019 + PermenPANRB 8/2021.", "input", "appraise"
        ),
        "integration_2021": SchemaEntry(
            "A regime document of the split year 2021 (two halves, integrated 50 % / 50 %).",
            "input",
            "appraise",
        ),
        "regime-results": SchemaEntry(
            "The result of each employee of a regime document (dump_regime_result).",
            "output",
            "appraise --json (on a regime document)",
        ),
        "rewards": SchemaEntry(
            "What follows each employee's appraisals under a reward policy, and the unit's"
            " totals (dump_rewards: policy, outcomes, totals).",
            "output",
            "rewards --json",
        ),
        "policy": SchemaEntry(
            "A reward policy file in its JSON form (a TOML file has the same shape).",
            "input",
            "rewards --policy FILE",
        ),
        "units": SchemaEntry(
            "A units document: many units' predikat counts, for oversight of the distribution.",
            "input",
            "calibrate",
        ),
        "calibration": SchemaEntry(
            "The distribution check of an input document, one report per period"
            " (DistributionReport.to_dict).",
            "output",
            "calibrate --json (on an input document)",
        ),
        "oversight": SchemaEntry(
            "The distribution check of a units document (OversightReport.to_dict).",
            "output",
            "calibrate --json (on a units document)",
        ),
        "sealed": SchemaEntry(
            "One sealed record or a non-empty list of them: results, appraisals and cycles.",
            "input",
            "verify",
        ),
        "error": SchemaEntry(
            "The error object printed on standard error: {'error': {'problems': [...],"
            " 'more': N}}.",
            "output",
            "every command with --json",
        ),
        "appraisal": SchemaEntry(
            "A full appraisal record: the plan, the assessments used and the explanation"
            " (dump_appraisal / load_appraisal).",
            "input",
            "verify (a sealed appraisal)",
        ),
        "cycle": SchemaEntry(
            "The life of one SKP: its event log, sealed (dump_cycle / load_cycle).",
            "input",
            "verify (a sealed cycle)",
        ),
        "roster": SchemaEntry(
            "An organisation roster: employees with their direct superiors"
            " (dump_roster / load_roster).",
            "input",
            "appraise --roster FILE (and a document's roster field)",
        ),
        "cycle-records": SchemaEntry(
            "Many SKP cycles, each with its agency (instansi) and unit, for the status view"
            " across cycles (dump_cycle_records / load_cycle_records).",
            "input",
            "status",
        ),
        "feedback": SchemaEntry(
            "One entry of the continuous-feedback log (dump_feedback / load_feedback).",
            "input",
            "none (library only)",
        ),
    }
)

#: Other names accepted for a schema (``schema --regime permenpanrb_6_2022``).
_ALIASES: Final = FrozenMap({PERMENPANRB_6_2022.id: "document"})


def _model(model: type[Any], title: str) -> Callable[[], dict[str, Any]]:
    def schema() -> dict[str, Any]:
        return {"$schema": DRAFT, **model.model_json_schema()} | {"title": title}

    return schema


def _sealed() -> dict[str, Any]:
    records = TypeAdapter(ResultModel | AppraisalModel | CycleModel).json_schema()
    record = {
        "anyOf": records["anyOf"],
        "required": ["integrity"],
        "properties": {"integrity": {"type": "object"}},
        "description": "A sealed record: a result (dump_result), an appraisal"
        " (dump_appraisal) or a cycle (dump_cycle), with its integrity block.",
    }
    return {
        "$schema": DRAFT,
        "title": "Rekaman tersegel (asn-performance verify)",
        "description": "What `asn-performance verify` reads: one sealed record, or a non-empty"
        " JSON array of them.",
        "$defs": {**records["$defs"], "SealedRecord": record},
        "anyOf": [
            {"$ref": "#/$defs/SealedRecord"},
            {"type": "array", "items": {"$ref": "#/$defs/SealedRecord"}, "minItems": 1},
        ],
    }


def _regime(regime_id: str) -> Callable[[], dict[str, Any]]:
    return lambda: regime_input_json_schema(regime_id)


def _output(build: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    return lambda: {"$schema": DRAFT, **build()}


_BUILDERS: Final[FrozenMap[str, Callable[[], dict[str, Any]]]] = FrozenMap(
    {
        "document": input_json_schema,
        "results": output_json_schema,
        "pp46_2011": _regime("pp46_2011"),
        "permenpanrb_8_2021": _regime("permenpanrb_8_2021"),
        "integration_2021": _regime("integration_2021"),
        "regime-results": _output(regime_results_schema),
        "rewards": _output(rewards_schema),
        "policy": reward_policy_json_schema,
        "units": units_json_schema,
        "calibration": _output(calibration_schema),
        "oversight": _output(oversight_schema),
        "sealed": _sealed,
        "error": _output(error_schema),
        "appraisal": _model(AppraisalModel, "Hasil evaluasi kinerja (appraisal record)"),
        "cycle": _model(CycleModel, "Riwayat SKP (performance cycle)"),
        "roster": _model(RosterModel, "Daftar pegawai dan atasan langsung (roster)"),
        "cycle-records": _model(CycleRecordsModel, "Daftar siklus SKP (cycle records)"),
        "feedback": _model(FeedbackModel, "Umpan balik / bukti dukung (feedback entry)"),
    }
)


def json_schema(name: str = "document") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document called ``name`` in :data:`SCHEMAS`.

    Every schema has ``$schema``, a ``title`` and a ``description``, and no ``$id``.

    Raises:
        InputError: ``name`` is not in :data:`SCHEMAS` (rule ``SCHEMA-name``).
    """
    chosen = _ALIASES.get(name, name) if isinstance(name, str) else None
    build = _BUILDERS.get(chosen) if chosen is not None else None
    if build is None:
        raise InputError(
            "there is no schema of that name",
            path="NAME",
            value=name,
            rule="SCHEMA-name",
            fix="use one of: " + ", ".join(SCHEMAS),
        )
    schema: dict[str, Any] = build()
    schema.setdefault("description", SCHEMAS[chosen].description)
    return schema
