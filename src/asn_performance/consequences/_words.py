"""The words of the consequences' text views in the reader's language (issue 14).

The distribution check's and the oversight's :meth:`render`, a limit's
:meth:`~asn_performance.consequences.distribution.limits.Limit.describe` and a reward outcome's
:meth:`~asn_performance.consequences.policy.RewardOutcome.explain` take ``lang`` (``"en"`` by
default). Each of their fixed texts is a message id of the catalogues (``distribution.*``,
``rewards.*``): :func:`say` writes it in English from :data:`ENGLISH` -- the code's own words,
so that the English text reads no catalogue and stays what it always was -- and in any other
language through the catalogue ``locale/<lang>.po``. A test keeps :data:`ENGLISH` equal to
``en.po``, so that the two cannot drift apart.

:func:`figure` writes a number: English as the library has always written it (``3030``,
``62.50``: no thousands separator), Indonesian through :func:`~asn_performance._kit.i18n.number`
(``3.030``, ``62,50``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang, figure, per_cent
from asn_performance._kit.i18n import say as say_in

__all__ = ["ENGLISH", "figure", "per_cent", "say", "share"]

#: The English text of every message of the consequences' text views (``en.po`` holds the same).
ENGLISH: Final = FrozenMap(
    {
        # a limit (Limit.describe) and its check (LimitCheck.message)
        "distribution.bound.max": "at most {amount}",
        "distribution.bound.min": "at least {amount}",
        "distribution.bound.none": "none",
        "distribution.check.have": "{group}: {actual} of {total} ({share})",
        "distribution.check.none_allowed": "none allowed",
        "distribution.check.allows": "{limit} allows {threshold} of {total}"
        " ({rounding} rounding: {how})",
        "distribution.check.needs": "{limit} needs {threshold} of {total}"
        " ({rounding} rounding: {how})",
        "distribution.check.floor": "floor",
        "distribution.check.ceil": "ceil",
        "distribution.check.line": "{have}; {need}: {state}",
        "distribution.state.ok": "ok",
        "distribution.state.violated": "VIOLATED",
        # one unit (DistributionReport.render)
        "distribution.report.head": "organisation predikat {organisation}, {total} employees,"
        " {rounding} rounding (D4)",
        "distribution.report.empty": "(no employees: nothing to check)",
        "distribution.report.within": "within the distribution",
        "distribution.report.violations": "{count} violation(s)",
        # many units (OversightReport.render)
        "distribution.oversight.head": "{units} units, {employees} employees, {bad} unit(s) with"
        " violations ({rounding} rounding, D4)",
        "distribution.oversight.organisation": "{organisation}: {units} unit(s), {bad} with"
        " violations",
        "distribution.oversight.more": "... {count} more",
        "distribution.agency.heading": "per agency (instansi):",
        "distribution.agency.line": "{agency}: {units} unit(s), {employees} employees, {bad}"
        " unit(s) with violations; {check}",
        "distribution.agency.not_checked": "agency total not checked (no organisation predikat"
        " given, SE3/2023-AGENCY)",
        "distribution.agency.checked": "agency total checked as {organisation}: {state}",
        "distribution.agency.within": "within the pattern",
        "distribution.agency.counts": "counts: {counts}",
        "distribution.agency.unit": "{unit} ({organisation}, {total} employees): {state}",
        "distribution.agency.unit_ok": "ok",
        # a reward outcome (RewardOutcome.explain)
        "rewards.explain.head": "rewards for {nip} under {policy} {version}: {periods}",
        "rewards.explain.notes": "notes:",
        # a reward outcome's notes (RewardOutcome.notes: data, English; shown by note_in)
        "rewards.note.not_jf": "{period}: not a jabatan fungsional; no angka kredit",
        "rewards.note.highest_jenjang": "{jenjang} is the highest jenjang of its category: no"
        " next jenjang",
        "rewards.note.no_kelas": "allowance {policy}: no kelas jabatan given; not computed",
        "rewards.note.not_monthly": "allowance {policy}: paid on monthly predikat; not"
        " computed for {periods}",
        "rewards.note.no_attendance": "allowance {period}: no attendance record; no cuts applied",
        "rewards.note.no_annual": "career: no annual appraisal; career rules look at annual"
        " predikat (D1)",
        "rewards.note.pppk": "pangkat reguler: a PPPK holds no pangkat",
        "rewards.note.two_years": "pangkat reguler: needs the annual predikat of the last 2"
        " consecutive years",
        "rewards.note.blocked": "career: blocked by the penalty {penalty} (CAREER-DISCIPLINE)",
    }
)


def say(msg_id: str, lang: Lang, /, **params: str) -> str:
    """The message ``msg_id`` in ``lang``: English from :data:`ENGLISH` (no catalogue read),
    another language through its catalogue (:func:`~asn_performance._kit.i18n.say`)."""
    return say_in(ENGLISH, msg_id, lang, **params)


def share(percent: Decimal | None, lang: Lang) -> str:
    """A share of a unit in percent, to 2 places (``63.64 %``, Indonesian ``63,64 %``); ``–``
    for an empty unit."""
    if percent is None:
        return "–"
    return per_cent(figure(percent, lang, places=2), lang)
