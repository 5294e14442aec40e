"""Plain records of the domain objects: the library's canonical JSON form.

Each function turns a domain object into a dict of ``str``, ``int``, ``bool``, ``None``,
lists and dicts only: decimals as plain-notation strings (``"12.50"``), dates in ISO form,
periods and enums by their codes, NIPs as their 18 digits. The JSON boundary
(:mod:`asn_performance.boundary.appraisal_document`) writes these records, and the integrity digest
(:mod:`asn_performance.process.integrity`) hashes them, so both see exactly the same form; this
module imports no pydantic. The records of the lifecycle's events and cycles live with the
lifecycle (``event_record`` and ``cycle_record`` in :mod:`asn_performance.process.lifecycle`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from asn_performance._kit.labels import Labelled
from asn_performance.domain.assessment import Assessment
from asn_performance.domain.employee import Employee
from asn_performance.domain.explanation import Step
from asn_performance.domain.feedback import FeedbackEntry
from asn_performance.domain.nip import Nip
from asn_performance.domain.plan import PerformancePlan
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "appraisal_record",
    "assessment_record",
    "employee_record",
    "feedback_record",
    "plan_body_record",
    "plan_record",
    "plan_ref_record",
    "result_record",
    "step_record",
]


def _dec(value: Decimal) -> str:
    """A decimal in plain notation; ``Decimal("0.10")`` stays ``"0.10"``."""
    return format(value, "f")


def _code(member: Labelled | None) -> str | None:
    return None if member is None else member.code


def _nip(nip: Nip | None) -> str | None:
    return None if nip is None else nip.digits


def employee_record(employee: Employee) -> dict[str, Any]:
    """An employee: NIP, name, position (kind, title, jenjang), unit, superior's NIP."""
    position = employee.position
    return {
        "nip": employee.nip.digits,
        "name": employee.name,
        "position": {
            "kind": position.kind.code,
            "title": position.title,
            "jenjang": _code(position.jenjang),
        },
        "unit": employee.unit,
        "superior_nip": _nip(employee.superior_nip),
    }


def plan_body_record(plan: PerformancePlan) -> dict[str, Any]:
    """What a plan holds besides its people: period, approach, work results, behaviours."""
    return {
        "period": plan.period.code,
        "approach": plan.approach.code,
        "leads_unit": plan.leads_unit,
        "work_results": [
            {
                "id": wr.id,
                "text": wr.text,
                "kind": wr.kind.code,
                "leader_work_result": wr.leader_work_result,
                "indicators": [
                    {
                        "id": ind.id,
                        "text": ind.text,
                        "aspect": ind.aspect.code,
                        "direction": ind.direction.code,
                        "target": {
                            "lower": _dec(ind.target.lower),
                            "upper": None if ind.target.upper is None else _dec(ind.target.upper),
                            "unit": ind.target.unit,
                        },
                    }
                    for ind in wr.indicators
                ],
            }
            for wr in plan.work_results
        ],
        "behaviours": [
            {"value": b.value.code, "special_expectation": b.special_expectation}
            for b in plan.behaviours
        ],
    }


def plan_record(plan: PerformancePlan) -> dict[str, Any]:
    """A plan that stands alone: its people embedded as employee records."""
    atasan = plan.atasan_pejabat_penilai
    return {
        "id": plan.id,
        "employee": employee_record(plan.employee),
        "pejabat_penilai": employee_record(plan.pejabat_penilai),
        "atasan_pejabat_penilai": None if atasan is None else employee_record(atasan),
        **plan_body_record(plan),
    }


def plan_ref_record(plan: PerformancePlan) -> dict[str, Any]:
    """A plan inside a document: its people named by NIP."""
    atasan = plan.atasan_pejabat_penilai
    return {
        "id": plan.id,
        "employee_nip": plan.employee.nip.digits,
        "pejabat_penilai_nip": plan.pejabat_penilai.nip.digits,
        "atasan_pejabat_penilai_nip": None if atasan is None else atasan.nip.digits,
        **plan_body_record(plan),
    }


def assessment_record(assessment: Assessment) -> dict[str, Any]:
    """An assessment: role, assessor NIP (null when anonymised), date, ratings, realisations."""
    return {
        "plan_id": assessment.plan_id,
        "role": assessment.role.code,
        "assessor_nip": _nip(assessment.assessor),
        "given_on": assessment.given_on.isoformat(),
        "period": assessment.period.code,
        "hasil_kerja": _code(assessment.hasil_kerja),
        "perilaku_kerja": _code(assessment.perilaku_kerja),
        "work_result_ratings": {k: v.code for k, v in assessment.work_result_ratings.items()},
        "behaviour_ratings": {k.code: v.code for k, v in assessment.behaviour_ratings.items()},
        "realisations": [
            {
                "indicator_id": r.indicator_id,
                "value": None if r.value is None else _dec(r.value),
                "evidence": list(r.evidence),
                "feedback": r.feedback,
            }
            for r in assessment.realisations
        ],
        "feedback": assessment.feedback,
        "anonymised": assessment.anonymised,
    }


def step_record(step: Step, *, labels: bool = True) -> dict[str, Any]:
    """An explanation step, with the rule's title and citation for readers (``labels``).

    Without ``labels`` the record holds only what the step says, not the text this version
    of the library renders for its rule: the form the lifecycle's digests cover, so that a
    reworded citation in a later release does not make a stored history look changed.
    """
    if not labels:
        return {
            "rule": str(step.rule),
            "dimension": step.dimension,
            "inputs": [[name, value] for name, value in step.inputs],
            "output": step.output,
            "note": step.note,
        }
    return {
        "rule": str(step.rule),
        "title": step.title,
        "citation": step.citation,
        "dimension": step.dimension,
        "inputs": [[name, value] for name, value in step.inputs],
        "output": step.output,
        "note": step.note,
    }


def appraisal_record(appraisal: Appraisal, *, labels: bool = True) -> dict[str, Any]:
    """The full record of an appraisal: plan, kept assessments, ratings and explanation.

    ``labels=False`` leaves out the text rendered for readers (``predikat_label``, the steps'
    titles and citations): the form :attr:`PerformanceCycle.result_digest` and the event
    digests cover.
    """
    record = {
        "regime": appraisal.regime,
        "policy": appraisal.policy,
        "plan": plan_record(appraisal.plan),
        "period": appraisal.period.code,
        "organisation_predikat": _code(appraisal.organisation_predikat),
        "rating_hasil_kerja": appraisal.rating_hasil_kerja.code,
        "rating_perilaku_kerja": appraisal.rating_perilaku_kerja.code,
        "predikat": appraisal.predikat.code,
        "predikat_label": appraisal.predikat.label_id,
        "assessments": [assessment_record(a) for a in appraisal.assessments],
        "explanation": [step_record(step, labels=labels) for step in appraisal.explanation],
    }
    if not labels:
        del record["predikat_label"]
    return record


def result_record(appraisal: Appraisal) -> dict[str, Any]:
    """The compact result record: who, which plan and period, ratings, predikat, reason and
    explanation; no individual assessment."""
    employee = appraisal.plan.employee
    return {
        "nip": employee.nip.digits,
        "name": employee.name,
        "unit": employee.unit,
        "plan_id": appraisal.plan.id,
        "period": appraisal.period.code,
        "period_label": appraisal.period.label_id,
        "rating_hasil_kerja": appraisal.rating_hasil_kerja.code,
        "rating_hasil_kerja_label": appraisal.rating_hasil_kerja.label_id,
        "rating_perilaku_kerja": appraisal.rating_perilaku_kerja.code,
        "rating_perilaku_kerja_label": appraisal.rating_perilaku_kerja.label_id,
        "predikat": appraisal.predikat.code,
        "predikat_label": appraisal.predikat.label_id,
        "organisation_predikat": _code(appraisal.organisation_predikat),
        "policy": appraisal.policy,
        "regime": appraisal.regime,
        "reason": appraisal.reason(),
        "explanation": [step_record(step) for step in appraisal.explanation],
    }


def feedback_record(entry: FeedbackEntry) -> dict[str, Any]:
    """A continuous-feedback log entry."""
    return {
        "id": entry.id,
        "plan_id": entry.plan_id,
        "author_nip": entry.author.digits,
        "on": entry.on.isoformat(),
        "kind": entry.kind.code,
        "text": entry.text,
        "indicator_id": entry.indicator_id,
        "replies_to": entry.replies_to,
        "link": entry.link,
    }
