"""The text and HTML views of a status report (:mod:`asn_performance.process.status`) in
Bahasa Indonesia or English (issue 14).

:meth:`StatusReport.render`, :meth:`StatusReport.to_html` and :meth:`StatusItem.describe`
delegate here. English (the default) is written word for word as it always was, reading no
catalogue; Indonesian reads ``locale/id.po`` (messages ``status.*``), writes the days in words
(``11 Mei 2026``) and the counts with its separators. The kinds, stages and periods show their
Indonesian labels in both languages (the regulation's words), as they always did. An item's
reason is kept as words (:data:`Reason`: a message id and its parameters) beside its English
text, so that :func:`reason_text` writes it in either language, what a revision changes
(:func:`~asn_performance.process.lifecycle.revision.changes`) included (the phrases
:data:`~asn_performance.process._words.CHANGE_PHRASES`; the JSON ``reason`` stays English).

The functions take the report and its items as they are (duck-typed, so that this module does
not import :mod:`~asn_performance.process.status`, which imports it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang
from asn_performance.process._words import (
    CHANGE_PHRASES,
    Words,
    count,
    day,
    lowered,
    say,
    written,
)

__all__ = [
    "ENGLISH",
    "STEP_PHRASES",
    "Reason",
    "describe_item",
    "reason_text",
    "render_report",
    "report_html",
]

#: The English messages of the status views, word for word as in ``locale/en.po``.
ENGLISH: Final = {
    "status.heading": "Status as of {day}: {agencies} agency(ies), {units} unit(s),"
    " {cycles} cycle(s); {counts}",
    "status.settings": "  (library decisions: plan due {plan_days} day(s) after its period"
    " starts, evaluation {evaluation_days} day(s) after its period ends, objection decision"
    " {decision_days} day(s) after filing; calendar days)",
    "status.agency": "{agency}: {units} unit(s), {cycles} cycle(s); {counts}",
    "status.unit": "  {unit}: {cycles} cycle(s), {items} item(s)",
    "status.count": "{kind} {count}",
    "status.item": "{kind}: {nip} {name} [{stage}] {period}; deadline {deadline}, {late}; {reason}",
    "status.late": "{days} day(s) late",
    "status.not_late": "not late",
    "status.deadline.none": "none (library decision)",
    "status.html.heading": "Status as of {day}: {cycles} cycle(s); {counts}",
    "status.html.agency": "{agency} ({cycles} cycle(s); {counts})",
    "status.html.unit": "({cycles} cycle(s))",
    "status.html.column.item": "item",
    "status.html.column.name": "name",
    "status.html.column.stage": "stage",
    "status.html.column.period": "period",
    "status.html.column.deadline": "deadline",
    "status.html.column.days_late": "days late",
    "status.reason.plan_set": "set by the pejabat penilai ({penilai}), not yet accepted by the"
    " employee",
    "status.reason.plan_drafted": "drafted, not yet set by the pejabat penilai ({penilai})",
    "status.reason.revision": "revision {number} (from {effective}) proposed {proposed}, waiting"
    " {days} day(s): {state}; {changes}; version {in_force} stays in force until both agree",
    "status.reason.revision_not_set": "not yet set by the pejabat penilai ({penilai})",
    "status.reason.periodic": "periodic evaluation ({cadence}) of {period} not recorded;"
    " {recorded} periodic evaluation(s) recorded",
    "status.reason.annual": "annual evaluation of {period} not recorded",
    "status.reason.objection": "filed {filed} against the result {result}to {who}; not yet decided",
    "status.reason.atasan": "the atasan pejabat penilai",
}

#: The fixed phrases the steps of :mod:`asn_performance.process.status` record, by catalogue
#: message id (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.LIFECYCLE-STATUS-PLAN.stage": "stage",
        "step.LIFECYCLE-STATUS-PLAN.period": "period",
        "step.LIFECYCLE-STATUS-PLAN.deadline": "deadline",
        "step.LIFECYCLE-STATUS-PLAN.as_of": "as of",
        "step.LIFECYCLE-STATUS-REVISION.stage": "stage",
        "step.LIFECYCLE-STATUS-REVISION.period": "period",
        "step.LIFECYCLE-STATUS-REVISION.deadline": "deadline",
        "step.LIFECYCLE-STATUS-REVISION.as_of": "as of",
        "step.LIFECYCLE-STATUS-EVALUATION.stage": "stage",
        "step.LIFECYCLE-STATUS-EVALUATION.period": "period",
        "step.LIFECYCLE-STATUS-EVALUATION.deadline": "deadline",
        "step.LIFECYCLE-STATUS-EVALUATION.as_of": "as of",
        "step.LIFECYCLE-STATUS-OBJECTION.stage": "stage",
        "step.LIFECYCLE-STATUS-OBJECTION.period": "period",
        "step.LIFECYCLE-STATUS-OBJECTION.deadline": "deadline",
        "step.LIFECYCLE-STATUS-OBJECTION.as_of": "as of",
        "step.LIFECYCLE-STATUS-REVISION.no_deadline": "none (library decision)",
        "step.LIFECYCLE-STATUS-PLAN.late": "Plan not yet agreed: {days} day(s) late",
        "step.LIFECYCLE-STATUS-PLAN.not_late": "Plan not yet agreed: not late",
        "step.LIFECYCLE-STATUS-REVISION.not_late": "Revision not yet agreed: not late",
        "step.LIFECYCLE-STATUS-EVALUATION.late": "Evaluation late: {days} day(s) late",
        "step.LIFECYCLE-STATUS-OBJECTION.pending": "Objection pending: not late",
        "step.LIFECYCLE-STATUS-OBJECTION.overdue": (
            "Objection past its deadline: {days} day(s) late"
        ),
        "step.LIFECYCLE-STATUS-PLAN.plan_set": (
            "set by the pejabat penilai ({penilai}), not yet accepted by the employee"
        ),
        "step.LIFECYCLE-STATUS-PLAN.plan_drafted": (
            "drafted, not yet set by the pejabat penilai ({penilai})"
        ),
        "step.LIFECYCLE-STATUS-REVISION.set": (
            "revision {number} (from {effective}) proposed {proposed}, waiting {days} day(s): set"
            " by the pejabat penilai ({penilai}), not yet accepted by the employee"
        ),
        "step.LIFECYCLE-STATUS-REVISION.not_set": (
            "revision {number} (from {effective}) proposed {proposed}, waiting {days} day(s): not"
            " yet set by the pejabat penilai ({penilai})"
        ),
        "step.LIFECYCLE-STATUS-REVISION.stays": "version {number} stays in force until both agree",
        **CHANGE_PHRASES,  # the changes the note lists, between its first and last part
        "step.LIFECYCLE-STATUS-EVALUATION.periodic": (
            "periodic evaluation ({cadence}) of {period} not recorded"
        ),
        "step.LIFECYCLE-STATUS-EVALUATION.recorded": "{count} periodic evaluation(s) recorded",
        "step.LIFECYCLE-STATUS-EVALUATION.annual": "annual evaluation of {period} not recorded",
        "step.LIFECYCLE-STATUS-OBJECTION.filed_atasan": (
            "filed {filed} against the result {result} to the atasan pejabat penilai"
        ),
        "step.LIFECYCLE-STATUS-OBJECTION.filed_atasan_no_result": (
            "filed {filed} against the result to the atasan pejabat penilai"
        ),
        "step.LIFECYCLE-STATUS-OBJECTION.filed": (
            "filed {filed} against the result {result} to {who}"
        ),
        "step.LIFECYCLE-STATUS-OBJECTION.filed_no_result": (
            "filed {filed} against the result to {who}"
        ),
        "step.LIFECYCLE-STATUS-OBJECTION.not_decided": "not yet decided",
    }
)

#: The words of an item's reason: a message id and its parameters (a parameter may be a
#: reason itself), written in a language by :func:`reason_text`.
Reason = Words

_COLUMNS: Final = ("item", "name", "stage", "period", "deadline", "days_late")


def _counts(counts: Any, lang: Lang) -> str:
    """``plan not yet agreed 1, evaluation late 0`` (English: the kinds' English labels, as
    always); Indonesian ``SKP belum disepakati 1, evaluasi kinerja terlambat 0``."""
    return ", ".join(
        say(
            ENGLISH,
            "status.count",
            lang,
            kind=kind.label_en.lower() if lang == "en" else lowered(kind.label_id),
            count=count(n, lang),
        )
        for kind, n in counts.items()
    )


def _deadline(item: Any, lang: Lang) -> str:
    if item.deadline is None:
        return say(ENGLISH, "status.deadline.none", lang)
    return day(item.deadline, lang)


def _late(days: int, lang: Lang) -> str:
    if days > 0:
        return say(ENGLISH, "status.late", lang, days=count(days, lang))
    return say(ENGLISH, "status.not_late", lang)


def reason_text(reason: Reason, lang: Lang = "en") -> str:
    """The reason of an item in ``lang`` (:func:`~asn_performance.process._words.written`)."""
    return written(ENGLISH, reason, lang)


def describe_item(item: Any, lang: Lang = "en") -> str:
    """One line of a :class:`~asn_performance.process.status.StatusItem`: the kind, who, the
    stage, the period, the deadline, days late, why."""
    return say(
        ENGLISH,
        "status.item",
        lang,
        kind=item.kind.label_id,
        nip=item.nip.digits,
        name=item.name,
        stage=item.stage.label_id,
        period=item.period.label_id,
        deadline=_deadline(item, lang),
        late=_late(item.days_late, lang),
        reason=item.reason
        if lang == "en" or item.reason_parts is None
        else reason_text(item.reason_parts, lang),
    )


def render_report(report: Any, lang: Lang = "en") -> str:
    """The text of a :class:`~asn_performance.process.status.StatusReport`: the totals, then
    per agency and per unit its items."""
    units = sum(len(agency.units) for agency in report.agencies)
    s = report.settings
    lines = [
        say(
            ENGLISH,
            "status.heading",
            lang,
            day=day(report.as_of, lang),
            agencies=count(len(report.agencies), lang),
            units=count(units, lang),
            cycles=count(report.cycles, lang),
            counts=_counts(report.counts, lang),
        ),
        say(
            ENGLISH,
            "status.settings",
            lang,
            plan_days=count(s.plan_days, lang),
            evaluation_days=count(s.evaluation_days, lang),
            decision_days=count(s.decision_days, lang),
        ),
    ]
    for agency in report.agencies:
        lines.append(
            say(
                ENGLISH,
                "status.agency",
                lang,
                agency=agency.agency,
                units=count(len(agency.units), lang),
                cycles=count(agency.cycles, lang),
                counts=_counts(agency.counts, lang),
            )
        )
        for unit in agency.units:
            lines.append(
                say(
                    ENGLISH,
                    "status.unit",
                    lang,
                    unit=unit.unit,
                    cycles=count(unit.cycles, lang),
                    items=count(len(unit.items), lang),
                )
            )
            lines.extend(f"    - {describe_item(item, lang)}" for item in unit.items)
    return "\n".join(lines)


def report_html(report: Any, lang: Lang = "en") -> str:
    """An HTML table of a :class:`~asn_performance.process.status.StatusReport`: a row per
    agency, per unit, then its items (every text escaped)."""
    from html import escape as esc  # noqa: PLC0415 - only an HTML view needs it

    rows: list[str] = []
    for agency in report.agencies:
        heading = say(
            ENGLISH,
            "status.html.agency",
            lang,
            agency=agency.agency,
            cycles=count(agency.cycles, lang),
            counts=_counts(agency.counts, lang),
        )
        rows.append(f'<tr><th colspan="7">{esc(heading)}</th></tr>')
        for unit in agency.units:
            cycles = say(ENGLISH, "status.html.unit", lang, cycles=count(unit.cycles, lang))
            rows.append(
                f'<tr><td colspan="7">&nbsp;&nbsp;<b>{esc(unit.unit)}</b> {esc(cycles)}</td></tr>'
            )
            rows.extend(
                f"<tr><td>{esc(i.kind.label_id)}</td><td>{esc(i.nip.digits)}</td>"
                f"<td>{esc(i.name)}</td><td>{esc(i.stage.label_id)}</td>"
                f"<td>{esc(i.period.label_id)}</td><td>{esc(_deadline(i, lang))}</td>"
                f"<td>{count(i.days_late, lang)}</td></tr>"
                for i in unit.items
            )
    heading = say(
        ENGLISH,
        "status.html.heading",
        lang,
        day=day(report.as_of, lang),
        cycles=count(report.cycles, lang),
        counts=_counts(report.counts, lang),
    )
    names = [say(ENGLISH, f"status.html.column.{c}", lang) for c in _COLUMNS]
    header = "".join(f"<th>{esc(name)}</th>" for name in [names[0], "NIP", *names[1:]])
    return (
        f"<p>{esc(heading)}</p><table><thead><tr>{header}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
