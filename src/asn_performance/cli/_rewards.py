"""The ``rewards`` command: a reward policy applied to each employee, and the unit's totals."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from asn_performance._kit.exact import EXACT
from asn_performance._kit.i18n import Lang, date, figure, rupiah, text
from asn_performance.boundary.fixes import in_json_terms
from asn_performance.cli._output import FailuresError, Output, clip, problem_line, shown
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

    def line_in(self, lang: Lang) -> str:
        """The one line in ``lang``: the first problem's message and fix from the catalogue
        (the count of the others as the error's own message says it), after the file."""
        if lang == "en":
            return self.one_line()
        first = self.error.problems[0]
        line = problem_line(replace(first, message=self.error.message), lang)
        if self.error.path == self.source:
            return line
        return text("cli.rewards.policy_file", lang, source=self.source, line=line)


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


def _answer(flag: bool, lang: Lang) -> str:
    return text("cli.rewards.yes" if flag else "cli.rewards.no", lang)


def _angka_kredit(outcome: RewardOutcome, lang: Lang) -> str | None:
    """``50.32 (48.5 held + 2025-03: 1.04, 2025-04: 0.78); minimum for pangkat 50: reached``."""
    total = outcome.angka_kredit_total
    if total is None:
        return None
    periods = ", ".join(f"{r.period}: {figure(r.shown, lang)}" for r in outcome.angka_kredit)
    shown_total = figure(total.shown, lang)
    if total.start:
        start = figure(total.start.normalize(EXACT), lang)
        ak = text("cli.rewards.ak.held", lang, total=shown_total, start=start, periods=periods)
    else:
        ak = text("cli.rewards.ak", lang, total=shown_total, periods=periods)
    for check in outcome.minimums:
        state = (
            text("cli.rewards.ak.reached", lang)
            if check.reached
            else text("cli.rewards.ak.short", lang, shortfall=figure(check.shortfall, lang, 2))
        )
        minimum = figure(check.minimum.normalize(EXACT), lang)
        ak += "; " + text(
            "cli.rewards.ak.minimum", lang, purpose=check.purpose.code, minimum=minimum, state=state
        )
    return ak


def _development(outcome: RewardOutcome, lang: Lang) -> str | None:
    development = outcome.development
    if development is None:
        return None
    values = ", ".join(v.label_id for v in development.values) or (
        text("cli.rewards.development.perilaku_kerja", lang)
        if development.perilaku_kerja_below
        else ""
    )
    results = ", ".join(wr_id for wr_id, _ in development.work_results) or (
        text("cli.rewards.development.hasil_kerja", lang) if development.hasil_kerja_below else ""
    )
    parts = [
        text("cli.rewards.development.develop", lang, values=values) if values else "",
        text("cli.rewards.development.improve", lang, results=results) if results else "",
    ]
    return "; ".join(p for p in parts if p) or text("cli.rewards.development.recommended", lang)


def _day(day: dt.date, lang: Lang) -> str:
    """A date: ISO in English (as the command has always written it), else in words."""
    return day.isoformat() if lang == "en" else date(day, lang)


def _consequences(outcome: RewardOutcome, lang: Lang) -> str | None:
    consequences = outcome.consequences
    if consequences is None:
        return None
    parts = []
    timeline = consequences.timeline
    if timeline is not None:
        parts.append(
            text(
                "cli.rewards.consequences.timeline",
                lang,
                improve_from=_day(timeline.improvement_from, lang),
                improve_until=_day(timeline.improvement_until, lang),
                reassignment_from=_day(timeline.reassignment_from, lang),
                placement_until=_day(timeline.placement_until, lang),
                dismissal_from=_day(timeline.dismissal_recommendation_from, lang),
            )
        )
    if consequences.pembinaan:
        parts.append(
            text(
                "cli.rewards.consequences.pembinaan_sanction"
                if consequences.administrative_sanction
                else "cli.rewards.consequences.pembinaan",
                lang,
            )
        )
    return "; ".join(parts)


def _reward_lines(outcome: RewardOutcome, appraisals: Sequence[Appraisal], lang: Lang) -> list[str]:
    """One employee's rows: a label (``predikat``, ``angka kredit``, ``allowance``, ...) and
    its text, in ``lang``; the predikat, jenjang and recognitions keep their Indonesian labels
    (the regulation's words); each note as ``note_in`` shows it (the note data stays English)."""
    from asn_performance.consequences._outcome_text import note_in

    rows: list[tuple[str, str]] = [
        ("predikat", "; ".join(f"{a.period.code} {a.predikat.label_id}" for a in appraisals))
    ]
    ak = _angka_kredit(outcome, lang)
    if ak is not None:
        rows.append(("angka_kredit", ak))
    for allowance in outcome.allowances:
        rows.append(
            (
                "allowance",
                text(
                    "cli.rewards.allowance",
                    lang,
                    period=allowance.period or "",
                    predikat=allowance.predikat.label_id,
                    kelas=figure(allowance.kelas, lang),
                    performance=rupiah(allowance.performance_paid, lang),
                    attendance=rupiah(allowance.attendance_paid, lang),
                    total=rupiah(allowance.total, lang),
                ),
            )
        )
    if outcome.career:
        answers = (
            text(
                "cli.rewards.career.unconfirmed" if check.unconfirmed else "cli.rewards.career",
                lang,
                question=check.question,
                answer=_answer(check.eligible, lang),
            )
            for check in outcome.career
        )
        rows.append(("career", "; ".join(answers)))
    if outcome.recognition is not None:
        # the kinds of recognition are agency practice, not the regulation's terms: each
        # language's own label
        items = ", ".join(
            item.label_en if lang == "en" else item.label_id for item in outcome.recognition.items
        )
        rows.append(("recognition", text("cli.rewards.recognition", lang, items=items)))
    development = _development(outcome, lang)
    if development is not None:
        rows.append(("development", development))
    consequences = _consequences(outcome, lang)
    if consequences is not None:
        rows.append(("consequences", consequences))
    rows.extend(("note", note_in(note, lang)) for note in outcome.notes)
    return _aligned([(text(f"cli.rewards.label.{key}", lang), value) for key, value in rows])


def _aligned(rows: list[tuple[str, str]]) -> list[str]:
    """Two columns, the labels padded to the widest."""
    width = max(len(label) for label, _ in rows)
    return [f"  {label.ljust(width)}  {shown(value)}" for label, value in rows]


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
    lang = out.lang
    named = shown(f"{policy.name} {policy.version}")
    head = text("cli.rewards.head", lang, policy=named)
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
        out.write("\n".join(_reward_lines(outcome, group, lang)) + "\n")
    out.write("\n" + "\n".join(_total_lines(totals, lang)) + "\n")
    count = figure(len(outcomes), lang)
    out.write("\n" + text("cli.rewards.end", lang, count=count, policy=named) + "\n")
    return failures


def _paid(performance: Decimal, attendance: Decimal, total: Decimal, lang: Lang) -> str:
    """``Rp 2,741,165 + Rp 1,136,017 = Rp 3,877,182`` (Indonesian ``Rp 2.741.165 + ...``)."""
    return text(
        "cli.rewards.paid",
        lang,
        performance=rupiah(performance, lang),
        attendance=rupiah(attendance, lang),
        total=rupiah(total, lang),
    )


def _total_lines(totals: RewardTotals, lang: Lang) -> list[str]:
    """The unit's totals: each period paid, everything paid, the angka kredit minimums and
    pembinaan (rule ``UNIT-REWARD-TOTALS``: the amounts as paid, added), in ``lang``."""
    rows: list[tuple[str, str]] = []
    for period in totals.periods:
        paid = _paid(period.performance_paid, period.attendance_paid, period.total, lang)
        rows.append(
            (
                text(
                    "cli.rewards.totals.period",
                    lang,
                    period=period.period or text("cli.rewards.totals.no_period", lang),
                ),
                text(
                    "cli.rewards.totals.paid",
                    lang,
                    employees=figure(period.employees, lang),
                    paid=paid,
                ),
            )
        )
    rows.append(
        (
            text("cli.rewards.totals.all_periods", lang),
            _paid(totals.performance_paid, totals.attendance_paid, totals.total, lang),
        )
    )
    if totals.minimum_reached or totals.minimum_short:
        rows.append(
            (
                text("cli.rewards.totals.minimum", lang),
                text(
                    "cli.rewards.totals.minimum_counts",
                    lang,
                    reached=figure(totals.minimum_reached, lang),
                    short=figure(totals.minimum_short, lang),
                ),
            )
        )
    rows.append((text("cli.rewards.totals.pembinaan", lang), figure(totals.pembinaan, lang)))
    head = text(
        "cli.rewards.totals.head",
        lang,
        employees=figure(totals.employees, lang),
        paid=figure(totals.paid, lang),
    )
    return [head, *_aligned(rows)]
