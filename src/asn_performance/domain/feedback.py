"""Continuous feedback and evidence (*umpan balik berkelanjutan*, *bukti dukung*).

PermenPANRB 6/2022 Pasal 5 makes the second stage of performance management *pelaksanaan,
pemantauan kinerja dan pembinaan kinerja*: the work is documented (*pendokumentasian
kinerja*) and the pejabat penilai gives continuous feedback. The real-time reporting apps
described in the regional reports keep this as a dated log on the SKP: the employee reports
progress and uploads evidence, the supervisor answers.

A :class:`FeedbackEntry` is one line of that log. :func:`~asn_performance.appraise` accepts the
log (``feedback=``) and cites the entries dated inside the appraisal period in a step of its
explanation (rule ``6/2022-FEEDBACK``), so a reader sees what the evaluation could rest on.
Who may write which kind of entry is checked by :meth:`FeedbackEntry.check_against`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.plain import iso_of
from asn_performance._kit.reprs import attrs_repr
from asn_performance._kit.validate import (
    check_collection,
    check_date,
    check_item,
    check_text,
    check_type,
)
from asn_performance.domain.nip import Nip
from asn_performance.domain.plan import PerformancePlan, check_id
from asn_performance.exceptions import AuthorityError, DuplicateError, InputError

__all__ = ["FeedbackEntry", "FeedbackKind", "check_log"]


class FeedbackKind(Labelled):
    """What a log entry is: the employee's report, the supervisor's answer, or evidence."""

    REPORT = "report"
    RESPONSE = "response"
    EVIDENCE = "evidence"

    @classmethod
    def _table(cls) -> dict[FeedbackKind, Labels]:
        return {
            cls.REPORT: Labels(
                "Laporan kinerja pegawai", "Employee's progress report", ("laporan",)
            ),
            cls.RESPONSE: Labels(
                "Umpan balik pejabat penilai", "Supervisor's feedback", ("umpan balik", "tanggapan")
            ),
            cls.EVIDENCE: Labels("Bukti dukung", "Evidence", ("bukti",)),
        }


@attrs.frozen(cache_hash=True)
class FeedbackEntry:
    """One dated entry in the continuous-feedback log of an SKP.

    Attributes:
        id: the entry's id, unique in the plan's log.
        plan_id: the SKP the entry belongs to.
        author: who wrote it (the employee for reports and evidence, the pejabat penilai
            kinerja for responses).
        on: the date it was written.
        kind: :class:`FeedbackKind`.
        text: what was reported or answered.
        indicator_id: the indicator (IKI) it is about, if any.
        replies_to: the id of the entry a response answers, if any.
        link: where the evidence is kept (a document number or URL), if any.
    """

    id: str = attrs.field(validator=check_id)
    plan_id: str = attrs.field(validator=check_id)
    author: Nip = attrs.field(validator=check_type(Nip))
    on: dt.date = attrs.field(validator=check_date)
    kind: FeedbackKind = attrs.field(validator=check_type(FeedbackKind))
    text: str = attrs.field(validator=check_text(4000))
    indicator_id: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_id)
    )
    replies_to: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_id)
    )
    link: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(1000))
    )

    def __repr__(self) -> str:
        return attrs_repr(self)

    def __attrs_post_init__(self) -> None:
        if self.replies_to == self.id:
            raise InputError(
                "a feedback entry cannot reply to itself",
                path="replies_to",
                value=self.replies_to,
                rule="FEEDBACK-REPLY",
                fix="name the earlier entry it answers",
            )

    def to_dict(self) -> dict[str, Any]:
        """The plain record: id, plan, author's NIP, date, kind by code, text and links."""
        return {
            "id": self.id,
            "plan_id": self.plan_id,
            "author_nip": self.author.digits,
            "on": iso_of(self.on),
            "kind": self.kind.code,
            "text": self.text,
            "indicator_id": self.indicator_id,
            "replies_to": self.replies_to,
            "link": self.link,
        }

    def check_against(self, plan: PerformancePlan) -> None:
        """Check that the entry belongs to ``plan`` and that its author may write it.

        Pasal 5 of PermenPANRB 6/2022 (stage 2) names documentation and continuous feedback;
        who writes which kind of entry is the library's reading (``AUTH-FEEDBACK``): the
        employee documents their work (reports and evidence), the pejabat penilai kinerja
        answers. The entry's date lies in the plan's period and its indicator, if any, is in
        the plan (library rules).
        """
        if self.plan_id != plan.id:
            raise InputError(
                f"this entry is for plan {self.plan_id!r}, not {plan.id!r}",
                path="plan_id",
                value=self.plan_id,
                rule="FEEDBACK-PLAN",
                fix="log each entry on its own plan",
            )
        if not plan.period.contains(self.on):
            raise InputError(
                f"the entry's date {self.on} is outside the plan's period {plan.period.code}",
                path="on",
                value=self.on.isoformat(),
                rule="FEEDBACK-DATE",
                fix="date the entry inside the plan's period",
            )
        if self.indicator_id is not None and self.indicator_id not in plan.indicator_ids:
            raise InputError(
                f"indicator {self.indicator_id!r} is not in plan {plan.id!r}",
                path="indicator_id",
                value=self.indicator_id,
                rule="FEEDBACK-PLAN",
                fix="use one of the plan's indicator ids: " + ", ".join(sorted(plan.indicator_ids)),
            )
        if self.kind is FeedbackKind.RESPONSE:
            if self.author != plan.pejabat_penilai.nip:
                raise AuthorityError(
                    "only the plan's pejabat penilai kinerja gives feedback on it",
                    path="author",
                    value=self.author.digits,
                    rule="AUTH-FEEDBACK",
                    fix=f"the pejabat penilai of plan {plan.id!r} is {plan.pejabat_penilai.nip}",
                )
        elif self.author != plan.employee.nip:
            raise AuthorityError(
                # each kind's message written whole, for the catalogues (issue 14)
                "only the employee documents their own work (employee's progress report)"
                if self.kind is FeedbackKind.REPORT
                else "only the employee documents their own work (evidence)",
                path="author",
                value=self.author.digits,
                rule="AUTH-FEEDBACK",
                fix=f"the employee of plan {plan.id!r} is {plan.employee.nip}",
            )


def check_log(plan: PerformancePlan, entries: Iterable[FeedbackEntry]) -> tuple[FeedbackEntry, ...]:
    """Check a whole log against ``plan``: every entry as in :meth:`FeedbackEntry.check_against`,
    ids unique, and a reply names an earlier entry of the log. Returns the entries as a tuple.

    Raises:
        InputError: an entry is malformed or does not fit the plan (path ``[i].field``).
        AuthorityError: an entry was written by someone who may not write it.
        DuplicateError: two entries share an id.
    """
    items = check_collection(
        entries,
        path="feedback",
        message="the feedback log must be a collection of FeedbackEntry objects",
        fix="pass a list or tuple of FeedbackEntry objects",
    )
    seen: dict[str, FeedbackEntry] = {}
    for index, entry in enumerate(items):
        check_item(entry, FeedbackEntry, path=f"feedback[{index}]")
        try:
            entry.check_against(plan)
        except InputError as error:
            raise error.at(f"feedback[{index}]") from None
        except AuthorityError as error:
            raise error.at(f"feedback[{index}]") from None
        if entry.id in seen:
            raise DuplicateError(
                f"two feedback entries share the id {entry.id!r}",
                path=f"feedback[{index}].id",
                value=entry.id,
                rule="FEEDBACK-UNIQUE",
                fix="give each entry its own id",
            )
        if entry.replies_to is not None:
            earlier = seen.get(entry.replies_to)
            if earlier is None or earlier.on > entry.on:
                raise InputError(
                    f"entry {entry.id!r} replies to {entry.replies_to!r}, which is not an"
                    " earlier entry of the log",
                    path=f"feedback[{index}].replies_to",
                    value=entry.replies_to,
                    rule="FEEDBACK-REPLY",
                    fix="reply to an entry logged before this one",
                )
        seen[entry.id] = entry
    return items
