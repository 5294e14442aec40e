"""The ``rewards`` command: a reward policy applied to each employee, and the unit's totals."""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from asn_performance._kit.exact import EXACT, quantize
from asn_performance.boundary.fixes import in_json_terms
from asn_performance.cli._output import FailuresError, Output, clip, shown
from asn_performance.exceptions import AsnPerformanceError, PolicyError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

if TYPE_CHECKING:
    from asn_performance.boundary.appraisal_document import AppraisalDocument
    from asn_performance.consequences import RewardOutcome, RewardPolicy
    from asn_performance.services.totals import RewardTotals

__all__ = ["policy_named", "rewards"]


class _PolicyFileError(AsnPerformanceError):
    """An error in a policy file, carried with the file's name for the one-line message."""

    def __init__(self, source: str, error: AsnPerformanceError) -> None:
        super().__init__(error.message)
        self.source = source
        self.error = error

    def one_line(self) -> str:
        line = self.error.one_line()
        return line if self.error.path == self.source else f"policy {self.source}: {line}"


def policy_named(spec: str) -> RewardPolicy:
    from asn_performance.boundary.policy_files import (
        list_builtin_policies,
        load_builtin_policy,
        load_reward_policy_file,
    )

    if spec in list_builtin_policies():
        return load_builtin_policy(spec)
    if not Path(spec).suffix and "/" not in spec and os.sep not in spec:
        raise PolicyError(
            f"no built-in reward policy is named {spec!r}",
            path="--policy",
            value=spec,
            rule="POLICY-BUILTIN",
            fix=f"use one of {', '.join(list_builtin_policies())}, or give the path of a"
            " .toml or .json policy file",
        )
    try:
        return load_reward_policy_file(spec)
    except AsnPerformanceError as error:
        raise _PolicyFileError(spec, in_json_terms(error)) from None


def _rp(amount: Decimal) -> str:
    return f"Rp {amount:,f}"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _reward_lines(outcome: RewardOutcome, appraisals: Sequence[Appraisal]) -> list[str]:
    rows: list[tuple[str, str]] = [
        ("predikat", "; ".join(f"{a.period.code} {a.predikat.label_id}" for a in appraisals))
    ]
    total = outcome.angka_kredit_total
    if total is not None:
        periods = ", ".join(f"{r.period}: {r.shown}" for r in outcome.angka_kredit)
        start = f"{total.start.normalize(EXACT):f} held + " if total.start else ""
        ak = f"{total.shown} ({start}{periods})"
        for check in outcome.minimums:
            state = "reached" if check.reached else f"short by {quantize(check.shortfall)}"
            ak += f"; minimum for {check.purpose.code} {check.minimum.normalize(EXACT):f}: {state}"
        rows.append(("angka kredit", ak))
    for allowance in outcome.allowances:
        rows.append(
            (
                "allowance",
                f"{allowance.period} {allowance.predikat.label_id}, kelas {allowance.kelas}:"
                f" {_rp(allowance.performance_paid)} + {_rp(allowance.attendance_paid)}"
                f" = {_rp(allowance.total)}",
            )
        )
    if outcome.career:
        rows.append(
            (
                "career",
                "; ".join(
                    f"{check.question}: {_yes(check.eligible)}"
                    + (" (UNCONFIRMED, D11)" if check.unconfirmed else "")
                    for check in outcome.career
                ),
            )
        )
    if outcome.recognition is not None:
        items = ", ".join(item.label_id for item in outcome.recognition.items)
        rows.append(("recognition", f"{items} (agency practice)"))
    development = outcome.development
    if development is not None:
        values = ", ".join(v.label_id for v in development.values) or (
            "perilaku kerja as a whole" if development.perilaku_kerja_below else ""
        )
        results = ", ".join(wr_id for wr_id, _ in development.work_results) or (
            "hasil kerja as a whole" if development.hasil_kerja_below else ""
        )
        parts = [f"develop {values}" if values else "", f"improve {results}" if results else ""]
        rows.append(("development", "; ".join(p for p in parts if p) or "recommended"))
    consequences = outcome.consequences
    if consequences is not None:
        parts = []
        timeline = consequences.timeline
        if timeline is not None:
            parts.append(
                f"targets not met: improve {timeline.improvement_from} to"
                f" {timeline.improvement_until}; then reassignment from"
                f" {timeline.reassignment_from}; placement to {timeline.placement_until};"
                f" dismissal recommendation from {timeline.dismissal_recommendation_from}"
            )
        if consequences.pembinaan:
            parts.append(
                "pembinaan"
                + (" and administrative sanction" if consequences.administrative_sanction else "")
            )
        rows.append(("consequences", "; ".join(parts)))
    rows.extend(("note", note) for note in outcome.notes)
    width = max(len(label) for label, _ in rows)
    return [f"  {label.ljust(width)}  {shown(text)}" for label, text in rows]


def rewards(
    document: AppraisalDocument,
    policy: RewardPolicy,
    as_json: bool,
    out: Output,
    keep_going: bool = False,
) -> list[AsnPerformanceError]:
    """Print the rewards; return the failures (only with ``keep_going``)."""
    failures: list[AsnPerformanceError] = []
    if keep_going:
        appraised = document.appraise_each()
        failures.extend(appraised.problems.values())
        # An employee one of whose plans failed is left out: only part of its periods count.
        failed = {p.employee.nip for p in document.plans if p.id in appraised.problems}
        appraisals = tuple(a for a in appraised.results if a.plan.employee.nip not in failed)
        evaluated = document.evaluate_rewards_each(policy, appraisals)
        failures.extend(evaluated.problems.values())
        outcomes = evaluated.results
        if failures and not outcomes:
            raise FailuresError(failures)
    else:
        appraisals = document.appraise_all()
        outcomes = document.evaluate_rewards(policy, appraisals)
    if as_json:
        from asn_performance.boundary.appraisal_document import dump_rewards, to_json

        out.data(to_json(dump_rewards(policy, outcomes)) + "\n")
        return failures
    from asn_performance.services.totals import reward_totals

    totals = reward_totals(outcomes)
    named = shown(f"{policy.name} {policy.version}")
    head = f"Rewards under {named}"
    out.write(head + (f" — {shown(document.title)}" if document.title else "") + "\n")
    by_nip: dict[str, list[Appraisal]] = {}
    for appraisal in appraisals:
        by_nip.setdefault(appraisal.plan.employee.nip.digits, []).append(appraisal)
    for outcome in outcomes:
        group = by_nip[outcome.nip]
        employee = group[-1].plan.employee
        jenjang = employee.position.jenjang
        title = clip(employee.position.title, 40) + (f", {jenjang.label_id}" if jenjang else "")
        out.write(f"\n{outcome.nip}  {shown(employee.name)}  ({title})\n")
        out.write("\n".join(_reward_lines(outcome, group)) + "\n")
    out.write("\n" + "\n".join(_total_lines(totals)) + "\n")
    out.write(f"\n{len(outcomes)} employees; policy {named}\n")
    return failures


def _total_lines(totals: RewardTotals) -> list[str]:
    """The unit's totals: each period paid, everything paid, the angka kredit minimums and
    pembinaan (rule ``UNIT-REWARD-TOTALS``: the amounts as paid, added)."""
    rows: list[tuple[str, str]] = []
    for period in totals.periods:
        rows.append(
            (
                f"allowance {period.period or '(no period)'}",
                f"{period.employees} paid: {_rp(period.performance_paid)} +"
                f" {_rp(period.attendance_paid)} = {_rp(period.total)}",
            )
        )
    rows.append(
        (
            "allowance, all periods",
            f"{_rp(totals.performance_paid)} + {_rp(totals.attendance_paid)} = {_rp(totals.total)}",
        )
    )
    if totals.minimum_reached or totals.minimum_short:
        rows.append(
            (
                "angka kredit minimum",
                f"reached by {totals.minimum_reached}, short for {totals.minimum_short}",
            )
        )
    rows.append(("pembinaan", str(totals.pembinaan)))
    width = max(len(label) for label, _ in rows)
    head = f"Unit totals: {totals.employees} employees, {totals.paid} paid an allowance"
    return [head, *(f"  {label.ljust(width)}  {text}" for label, text in rows)]
