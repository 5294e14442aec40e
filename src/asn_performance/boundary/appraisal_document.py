"""The appraisal document of a unit as JSON: documents in, documents out, with errors that
name the JSON path.

This module is the only one (with the command line) that imports pydantic; ``import
asn_performance`` never loads it. It has three parts:

* **wire models** (pydantic v2, ``extra="forbid"``) that describe the JSON documents and give
  the JSON Schema (:func:`input_json_schema`, :func:`output_json_schema`);
* **loaders** (``load_*``) that validate a document and build the frozen domain objects;
* **dumpers** (``dump_*``) that write domain objects as plain JSON-ready dicts.

Lossless numbers (library decision D5): every :class:`~decimal.Decimal` is written as a JSON
string in plain notation (``"95"``, ``"12.50"``), never as a binary float. On input a decimal
may be a JSON string or a JSON number; JSON text is parsed with ``parse_float=Decimal`` so a
number is never a float, and ``NaN``/``Infinity`` are refused. Dates are ISO ``YYYY-MM-DD``,
periods their :attr:`~asn_performance.domain.period.Period.code` (``"2025"``, ``"2025-Q1"``,
``"2025-03"``, ``"2025-01-15/2025-06-30"``), enumerations their code (labels and synonyms
are also accepted on input), NIPs their 18 digits.

Errors: every problem comes out as an :class:`~asn_performance.exceptions.AsnPerformanceError`
whose ``path`` is a JSON path such as ``$.plans[0].work_results[2].indicators[0].target.lower``.
Shape problems (missing or unknown field, wrong JSON type, malformed JSON text) are a
:class:`~asn_performance.exceptions.SchemaError` with the rule ``SCHEMA-<type>``; content
problems keep the domain's own error and rule (``NipError``/``NIP-BIRTH-DATE``,
``LabelError``/``D12-LABELS``, ``DecimalInputError``/``D5-EXACT``, ...). Only the first problem
is raised; the message says how many more were found. See ``docs/reference/json.md``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from pydantic import (
    ConfigDict,
    TypeAdapter,
)

from asn_performance._kit.plain import code_of, decimal_text
from asn_performance.boundary._document_models import (
    DocumentModel,
)
from asn_performance.boundary._unit_document import AppraisalDocument, at_document, at_rewards
from asn_performance.boundary._unit_reading import document_by_parts, document_from_unwalked
from asn_performance.boundary._unit_whole import document_whole
from asn_performance.boundary._wire import (
    DRAFT,
    MAX_DEPTH,
    MAX_ITEMS,
    guarded_unwalked,
    require,
    to_json,
)
from asn_performance.boundary.cycle_document import (
    CycleModel,
    EventModel,
    FeedbackModel,
    RosterModel,
    dump_cycle,
    dump_feedback,
    dump_roster,
    load_cycle,
    load_feedback,
    load_roster,
)
from asn_performance.boundary.part_documents import (
    AppraisalModel,
    AssessmentModel,
    AttendanceModel,
    EmployeeModel,
    IntegrityModel,
    PlanModel,
    PlanRefModel,
    ResultModel,
    RewardInputsModel,
    StepModel,
    dump_appraisal,
    dump_assessment,
    dump_employee,
    dump_plan,
    dump_result,
    load_appraisal,
    load_assessment,
    load_employee,
    load_plan,
    reward_inputs_record,
)
from asn_performance.consequences import (
    RewardOutcome,
    RewardPolicy,
)
from asn_performance.exceptions import (
    SchemaError,
)
from asn_performance.services.sample import sample_unit
from asn_performance.services.totals import reward_totals
from asn_performance.weighting import (
    PerDimension,
    SupervisorDecides,
    WeightedSources,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_ITEMS",
    "SCHEMA_VERSION",
    "AppraisalDocument",
    "AppraisalModel",
    "AssessmentModel",
    "AttendanceModel",
    "CycleModel",
    "DocumentModel",
    "EmployeeModel",
    "EventModel",
    "FeedbackModel",
    "IntegrityModel",
    "PlanModel",
    "PlanRefModel",
    "ResultModel",
    "RewardInputsModel",
    "RosterModel",
    "StepModel",
    "document_from",
    "dump_appraisal",
    "dump_assessment",
    "dump_cycle",
    "dump_document",
    "dump_employee",
    "dump_feedback",
    "dump_plan",
    "dump_result",
    "dump_rewards",
    "dump_roster",
    "input_json_schema",
    "load_appraisal",
    "load_assessment",
    "load_cycle",
    "load_document",
    "load_employee",
    "load_feedback",
    "load_plan",
    "load_roster",
    "output_json_schema",
    "sample_document",
    "to_json",
]

#: The version of the input document format this module reads and writes.
SCHEMA_VERSION: Final = "1"

# --- wire models -----------------------------------------------------------------------------


_RESULTS: Final = TypeAdapter(list[ResultModel], config=ConfigDict(defer_build=True))


# --- building domain objects -------------------------------------------------------------------


def document_from(data: dict[str, Any]) -> AppraisalDocument:
    """Build an :class:`AppraisalDocument` from an already-read plain dict (as
    :func:`load_document` does after reading the text); errors at JSON paths.

    A document is read part by part first (``_unit_reading.document_by_parts``); one with a
    problem is then read whole (:func:`document_whole`), which finds every problem and reports
    them as it always has. The document checks the cascade's links itself (PLAN-CASCADE-LINK,
    process.cascade) as it is built."""
    return document_from_unwalked(data, lambda: data)


#: The reading by parts, under the name the tests know (``boundary._unit_reading``).
_document_by_parts = document_by_parts
#: The document's error paths, under the names the tests know (``boundary._unit_document``).
_at_document = at_document
_at_rewards = at_rewards


#: The reading whole, under the name the tests know (``boundary._unit_whole``).
_document_whole = document_whole


# --- public loaders ----------------------------------------------------------------------------


def load_document(source: str | bytes | Mapping[str, Any]) -> AppraisalDocument:
    """Read an input document (JSON text, UTF-8 bytes or an already-parsed mapping).

    Checks the shape, builds every domain object and resolves the references: plans name
    people by NIP (each must be in ``employees``), assessments name their plan by id.

    JSON text is parsed once and not copied, each value written the same way is read once,
    and each part is validated (by a twin of its wire model, without the per-object problem
    budget: see :mod:`~asn_performance.boundary._fast_parts`) and built in turn; a document
    with a problem is then read whole to report it; the cyclic garbage collector runs as the
    caller has it (the library never switches it off). A caller that loads large documents in
    a batch may pause it around the call: at 1,000 employees per document (issue 12, CPU time,
    ``benchmarks/scale.py`` documents) ``gc.disable()`` saved about 19 % of the load and
    ``gc.freeze()`` before it about 4 %; at 100 employees 7 % and 4 %.

    Raises:
        SchemaError: the text is not JSON, a field is missing, unknown or of the wrong JSON
            type, a reference is unknown or an id is repeated (``path`` is the JSON path).
        AsnPerformanceError: a value breaks a domain rule (a bad NIP, an unknown rating, a
            reversed target range...), with the domain's rule id and the JSON path.
    """
    return guarded_unwalked(document_from_unwalked, source)


# --- writing -----------------------------------------------------------------------------------


def _policy_dict(policy: object, path: str) -> dict[str, Any]:
    # Exact types: a subclass may behave differently and would not survive a round trip.
    if type(policy) is SupervisorDecides:
        return {"kind": "supervisor_decides"}
    if type(policy) is WeightedSources:
        return {
            "kind": "weighted_sources",
            "weights": {role.code: decimal_text(w) for role, w in policy.weights.items()},
            "scale": {rating.code: decimal_text(v) for rating, v in policy.scale.items()},
            "sesuai_from": decimal_text(policy.sesuai_from),
            "di_atas_from": decimal_text(policy.di_atas_from),
        }
    if type(policy) is PerDimension:
        return {
            "kind": "per_dimension",
            "hasil_kerja": _policy_dict(policy.hasil_kerja, f"{path}.hasil_kerja"),
            "perilaku_kerja": _policy_dict(policy.perilaku_kerja, f"{path}.perilaku_kerja"),
        }
    raise SchemaError(
        f"the policy {getattr(policy, 'name', type(policy).__name__)!r} cannot be written to JSON",
        path=path,
        value=type(policy).__name__,
        rule="SCHEMA-policy_kind",
        fix="only SupervisorDecides, WeightedSources and PerDimension are part of the format",
    )


def dump_document(doc: AppraisalDocument) -> dict[str, Any]:
    """Write an :class:`AppraisalDocument` as an input document (``schema_version`` "1").

    Plans name their people by NIP; the policy, guards, organisation predikat and reward
    inputs are written out in full, defaults included; the roster only when there is one.

    Raises:
        SchemaError: the policy is not one of the built-in policies (``$.policy``).
    """
    require(doc, AppraisalDocument, "dump_document")
    guards = doc.guards
    return {
        "schema_version": SCHEMA_VERSION,
        "title": doc.title,
        "policy": _policy_dict(doc.policy, "$.policy"),
        "guards": {
            "min_anonymous_responses": guards.min_anonymous_responses,
            "anonymous_roles": [
                role.code for role in sorted(guards.anonymous_roles, key=lambda r: r.order)
            ],
        },
        "organisation_predikat": code_of(doc.organisation_predikat),
        "employees": [e.to_dict() for e in doc.employees],
        "plans": [p.to_dict(part="ref") for p in doc.plans],
        "assessments": [a.to_dict() for a in doc.assessments],
        "reward_inputs": {
            nip.digits: reward_inputs_record(inputs) for nip, inputs in doc.reward_inputs.items()
        },
        **({} if doc.roster is None else {"roster": dump_roster(doc.roster)}),
    }


def dump_rewards(policy: RewardPolicy, outcomes: Sequence[RewardOutcome]) -> dict[str, Any]:
    """What ``rewards --json`` writes: ``{"policy": {"name", "version"}, "outcomes": [one
    RewardOutcome.to_dict() per employee], "totals": RewardTotals.to_dict()}`` (the unit's
    totals, :func:`~asn_performance.services.totals.reward_totals`); schema ``rewards``."""
    return {
        "policy": {"name": policy.name, "version": policy.version},
        "outcomes": [outcome.to_dict() for outcome in outcomes],
        "totals": reward_totals(outcomes).to_dict(),
    }


def sample_document() -> AppraisalDocument:
    """The built-in sample unit (:func:`asn_performance.services.sample.sample_unit`) as an
    input document: what ``asn-performance sample`` prints, a starting point for your own."""
    sample = sample_unit()
    return AppraisalDocument(
        employees=sample.employees,
        plans=sample.plans,
        assessments=sample.assessments,
        policy=sample.policy,
        guards=sample.guards,
        organisation_predikat=sample.organisation_predikat,
        title=sample.title,
    )


# --- JSON Schema -------------------------------------------------------------------------------


def input_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the input document read by :func:`load_document`.

    The schema describes the canonical form that the ``dump_*`` functions write; the loader is
    slightly more lenient (labels for codes, NIPs with separators, decimals as JSON numbers).
    """
    return {"$schema": DRAFT, **DocumentModel.model_json_schema()}


def output_json_schema() -> dict[str, Any]:
    """The JSON Schema of the output: a JSON array of :func:`dump_result` records."""
    schema = _RESULTS.json_schema()
    return {
        "$schema": DRAFT,
        "title": "Hasil evaluasi kinerja ASN (asn_performance output)",
        "description": "One record per appraised plan, as written by dump_result().",
        **schema,
    }
