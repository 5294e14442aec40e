"""Leave, tugas belajar, CLTN and MPP in a tunjangan kinerja (Permenaker 15/2024 Pasal 4 and 14).

Part of :mod:`asn_performance.consequences.allowance` (which re-exports every public name; kept
apart so that no module passes 800 lines): the typed inputs (:class:`Leave`,
:class:`LeaveKind`, :class:`DutyStatus`), the policy data (:class:`LeavePolicy`; Kemnaker's is
:data:`KEMNAKER_LEAVE`) and :func:`paid_share`, the percentage of the month's tukin that is
paid. An allowance policy without leave rules refuses a leave or a status instead of paying
the full amount.

Kemnaker (Permenaker 15/2024, as our digest records it, regulations.md §8 item 1):

* **Pasal 14** applies to the *whole* tukin (both components) and is written as "dibayarkan
  setelah dikurangi X %": X is the reduction, so "dikurangi 75 %" is *paid 25 %*. Cuti besar:
  month 1 reduced 50 %, month 2 75 %, month 3 90 %; cuti sakit: month 1 0 %, month 2 50 %,
  month 3 75 %, beyond 3 months 100 %; cuti sakit for a miscarriage (gugur kandungan): 0 % up
  to one month, then 1 % per day from one month up to one and a half months (the only daily
  rate). Paid in full (Pasal 14 huruf a-b): cuti tahunan, cuti melahirkan (children 1-3),
  cuti karena alasan penting, cuti besar under one month.
* **Pasal 4 huruf d**: no tukin during cuti di luar tanggungan negara (CLTN) or bebas tugas for
  masa persiapan pensiun (MPP).
* **Tugas belajar**: 80 % of the tukin of the kelas; the Pasal 13 cuts still apply.

Library decisions (the text is silent): the reduction multiplies the amount computed for the
month (after the predikat's percentage and the Pasal 13 cuts), not the base; tugas belajar
multiplies on top of a leave reduction; for the miscarriage rate one month is 30 days and one
and a half months 45 days, and a leave longer than 45 days is refused (the Pasal does not say).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from asn_performance._kit.exact import CONTEXT
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import check_text
from asn_performance.consequences._common import non_negative, pct, plain, whole
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.exceptions import InputError, PolicyError

__all__ = [
    "KEMNAKER_LEAVE",
    "LEAVE_RULES",
    "MAX_LEAVE_DAYS",
    "MAX_LEAVE_MONTHS",
    "DutyStatus",
    "Leave",
    "LeaveKind",
    "LeavePolicy",
    "paid_share",
    "parse_status",
]

#: The rules this module records (an agency's configuration: ``normative=False``).
LEAVE_RULES: tuple[Rule, ...] = (
    Rule(
        "TUKIN-LEAVE",
        "Tunjangan kinerja during leave: paid after the reduction for the kind and month",
        "The agency's allowance regulation (for Kemnaker: Permenaker 15/2024 Pasal 14,"
        " 'dibayarkan setelah dikurangi X %'); the reduction of the month's computed amount"
        " and the miscarriage month of 30 days are library decisions",
        normative=False,
    ),
    Rule(
        "TUKIN-STUDY",
        "Tunjangan kinerja during tugas belajar: a percentage of the amount",
        "The agency's allowance regulation (for Kemnaker: Permenaker 15/2024, tugas belajar"
        " 80 % of the tukin of the kelas; the Pasal 13 cuts still apply)",
        normative=False,
    ),
    Rule(
        "TUKIN-NOT-PAID",
        "No tunjangan kinerja during CLTN or bebas tugas for MPP",
        "The agency's allowance regulation (for Kemnaker: Permenaker 15/2024 Pasal 4 huruf d)",
        normative=False,
    ),
)
_RULE = rules_by_id(LEAVE_RULES)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.TUKIN-NOT-PAID.mpp": "bebas tugas for MPP",
        "step.TUKIN-NOT-PAID.paid_none": "paid 0 %",
        "step.TUKIN-NOT-PAID.regulation": "regulation: {citation}",
        "step.TUKIN-LEAVE.leave": "leave",
        "step.TUKIN-LEAVE.reading": "reading",
        "step.TUKIN-LEAVE.in_full": "paid in full",
        "step.TUKIN-LEAVE.long": "cuti besar, month {month}",
        "step.TUKIN-LEAVE.sick": "cuti sakit, month {month}",
        "step.TUKIN-LEAVE.sick_after": "cuti sakit, month {month} (after {months} months)",
        "step.TUKIN-LEAVE.miscarriage": (
            "cuti sakit (gugur kandungan), {days} days: {counted} days after day {free} × {rate} %"
        ),
        "step.TUKIN-LEAVE.reduced": "reduced {reduction} %: paid {share} %",
        "step.TUKIN-LEAVE.regulation": "regulation: {citation}",
        "step.TUKIN-STUDY.paid": "paid",
        "step.TUKIN-STUDY.percent": "{percent} %",
        "step.TUKIN-STUDY.share": "{before} % × {study} % = paid {share} %",
        "step.TUKIN-STUDY.on_top": "on top of the leave reduction (library decision)",
    }
)
_HUNDRED: Final = Decimal(100)
#: The longest leave counted in months (cuti sakit can last long; CLTN up to years).
MAX_LEAVE_MONTHS: Final = 120
#: The longest miscarriage leave in days this module takes (a library bound, see above).
#: The most days of leave one entry may count (a year, leap day included).
MAX_LEAVE_DAYS: Final = 366


class LeaveKind(enum.Enum):
    """The kinds of leave (*cuti*, PP 11/2017 as amended) an allowance policy may treat."""

    ANNUAL = "cuti_tahunan"
    MATERNITY = "cuti_melahirkan"
    IMPORTANT_REASON = "cuti_karena_alasan_penting"
    LONG_UNDER_A_MONTH = "cuti_besar_kurang_dari_1_bulan"
    LONG = "cuti_besar"
    SICK = "cuti_sakit"
    SICK_MISCARRIAGE = "cuti_sakit_gugur_kandungan"
    CLTN = "cltn"

    @property
    def code(self) -> str:
        """The stable code (used in JSON and policy files)."""
        return str(self.value)


class DutyStatus(enum.Enum):
    """A status for the whole month that changes what is paid."""

    TUGAS_BELAJAR = "tugas_belajar"
    MPP = "bebas_tugas_mpp"

    @property
    def code(self) -> str:
        """The stable code (used in JSON and policy files)."""
        return str(self.value)


def _member(enum_type: Any, value: object, field: str) -> Any:
    if isinstance(value, enum_type):
        return value
    codes = ", ".join(member.value for member in enum_type)
    if isinstance(value, str):
        for member in enum_type:
            if member.value == value.strip().casefold():
                return member
    raise InputError(
        f"is not a {enum_type.__name__}",
        path=field,
        value=value,
        rule="TYPE",
        fix=f"give one of {codes}",
    )


def parse_status(value: object) -> DutyStatus:
    """A :class:`DutyStatus` from itself or its code (``"tugas_belajar"``); else InputError."""
    status: DutyStatus = _member(DutyStatus, value, "status")
    return status


def _code(status: DutyStatus | str | None) -> str | None:
    return status.code if isinstance(status, DutyStatus) else status


def _kind(value: object) -> LeaveKind:
    kind: LeaveKind = _member(LeaveKind, value, "leave.kind")
    return kind


def _month(value: object) -> int:
    return whole(value, "leave.month", minimum=1, maximum=MAX_LEAVE_MONTHS)


def _days(value: object) -> int | None:
    return None if value is None else whole(value, "leave.days", minimum=1, maximum=MAX_LEAVE_DAYS)


@attrs.frozen
class Leave:
    """The leave an employee is on in the month paid.

    Attributes:
        kind: the :class:`LeaveKind` (or its code, e.g. ``"cuti_besar"``).
        month: which month of the leave the month paid is (1 for the first month), for the
            kinds reduced by month (cuti besar, cuti sakit); default 1.
        days: the length in days of a cuti sakit for a miscarriage (needed for that kind
            only, and refused for the others).
    """

    kind: LeaveKind = attrs.field(converter=_kind)
    month: int = attrs.field(default=1, converter=_month)
    days: int | None = attrs.field(default=None, converter=_days)

    def __attrs_post_init__(self) -> None:
        miscarriage = self.kind is LeaveKind.SICK_MISCARRIAGE
        if miscarriage and self.days is None:
            raise InputError(
                "a cuti sakit for a miscarriage is reduced by the day: its length is needed",
                path="leave.days",
                value=None,
                rule="TUKIN-LEAVE",
                fix="give Leave('cuti_sakit_gugur_kandungan', days=...) with the leave's days",
            )
        if not miscarriage and self.days is not None:
            raise InputError(
                f"days are read only for a cuti sakit for a miscarriage, not {self.kind.code}",
                path="leave.days",
                value=self.days,
                rule="TUKIN-LEAVE",
                fix="leave days out; give the month of the leave (month=1, 2, ...)",
            )


def _percent(value: object, field: str) -> Decimal:
    amount = non_negative(value, field)
    if amount > _HUNDRED:
        raise PolicyError(
            "a percentage of the tukin is at most 100",
            path=field,
            value=str(amount),
            rule="POLICY-TABLE",
            fix="give a percentage from 0 to 100",
        )
    return amount


def _percents(value: object, field: str) -> tuple[Decimal, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise PolicyError(
            "must be a list of percentages, one per month of the leave",
            path=field,
            value=value,
            rule="POLICY-TABLE",
            fix="give e.g. [50, 75, 90]",
        )
    items = tuple(value)
    if not items or len(items) > MAX_LEAVE_MONTHS:
        raise PolicyError(
            f"must list 1 to {MAX_LEAVE_MONTHS} months",
            path=field,
            value=len(items),
            rule="POLICY-TABLE",
            fix="give e.g. [50, 75, 90]",
        )
    return tuple(_percent(item, f"{field}[{i}]") for i, item in enumerate(items))


def _long_leave(value: object) -> tuple[Decimal, ...]:
    return _percents(value, "leave.long_leave")


def _sick_leave(value: object) -> tuple[Decimal, ...]:
    return _percents(value, "leave.sick_leave")


def _sick_leave_after(value: object) -> Decimal:
    return _percent(value, "leave.sick_leave_after")


def _miscarriage_per_day(value: object) -> Decimal:
    return _percent(value, "leave.miscarriage_per_day")


def _study_percent(value: object) -> Decimal:
    return _percent(value, "leave.study_percent")


def _kinds(value: object) -> frozenset[LeaveKind]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise PolicyError(
            "must be a list of leave kinds",
            path="leave.paid_in_full",
            value=value,
            rule="POLICY-TABLE",
            fix="give e.g. ['cuti_tahunan', 'cuti_melahirkan']",
        )
    return frozenset(
        _member(LeaveKind, item, f"leave.paid_in_full[{i}]") for i, item in enumerate(value)
    )


def _free_days(value: object) -> int:
    return whole(value, "leave.miscarriage_free_days", minimum=0, maximum=MAX_LEAVE_DAYS)


def _last_day(value: object) -> int:
    return whole(value, "leave.miscarriage_last_day", minimum=1, maximum=MAX_LEAVE_DAYS)


@attrs.frozen
class LeavePolicy:
    """What an allowance pays during leave, tugas belajar, CLTN and MPP (percentages of the
    month's amount).

    Attributes:
        paid_in_full: the kinds of leave paid in full.
        long_leave: the reduction of cuti besar per month of the leave (month 1 first); a
            later month is refused.
        sick_leave: the reduction of cuti sakit per month of the leave; a later month is
            reduced by ``sick_leave_after``.
        sick_leave_after: the reduction of cuti sakit after the months listed.
        miscarriage_free_days: the days of a miscarriage leave not reduced (one month).
        miscarriage_last_day: the last day the daily rate covers (one and a half months); a
            longer leave is refused.
        miscarriage_per_day: the reduction per day after the free days.
        study_percent: the percentage paid during tugas belajar.
        citation: the regulation.

    CLTN and MPP are never paid (Permenaker 15/2024 Pasal 4 huruf d); the policy cannot turn
    that off, so a CLTN is not a kind of :attr:`paid_in_full`.
    """

    paid_in_full: frozenset[LeaveKind] = attrs.field(converter=_kinds)
    long_leave: tuple[Decimal, ...] = attrs.field(converter=_long_leave)
    sick_leave: tuple[Decimal, ...] = attrs.field(converter=_sick_leave)
    sick_leave_after: Decimal = attrs.field(converter=_sick_leave_after)
    miscarriage_free_days: int = attrs.field(converter=_free_days)
    miscarriage_last_day: int = attrs.field(converter=_last_day)
    miscarriage_per_day: Decimal = attrs.field(converter=_miscarriage_per_day)
    study_percent: Decimal = attrs.field(converter=_study_percent)
    citation: str = attrs.field(validator=check_text(1000))

    def __attrs_post_init__(self) -> None:
        reduced = {LeaveKind.LONG, LeaveKind.SICK, LeaveKind.SICK_MISCARRIAGE, LeaveKind.CLTN}
        both = sorted(kind.code for kind in self.paid_in_full & reduced)
        if both:
            raise PolicyError(
                f"{', '.join(both)} cannot be paid in full: the policy reduces it",
                path="leave.paid_in_full",
                value=both,
                rule="POLICY-TABLE",
                fix="list only cuti_tahunan, cuti_melahirkan, cuti_karena_alasan_penting,"
                " cuti_besar_kurang_dari_1_bulan",
            )
        if self.miscarriage_last_day < self.miscarriage_free_days:
            raise PolicyError(
                "the last day of the daily rate comes before the free days end",
                path="leave.miscarriage_last_day",
                value=self.miscarriage_last_day,
                rule="POLICY-TABLE",
                fix="give a last day at least miscarriage_free_days (Kemnaker: 30 and 45)",
            )
        worst = CONTEXT.multiply(
            Decimal(self.miscarriage_last_day - self.miscarriage_free_days),
            self.miscarriage_per_day,
        )
        if worst > _HUNDRED:
            raise PolicyError(
                f"the daily rate reduces a miscarriage leave by {plain(worst)} %, over 100 %",
                path="leave.miscarriage_per_day",
                value=str(self.miscarriage_per_day),
                rule="POLICY-TABLE",
                fix="give a daily rate and a last day that reduce by at most 100 %",
            )


#: Kemnaker (Permenaker 15/2024 Pasal 4 huruf d and 14; tugas belajar 80 %).
KEMNAKER_LEAVE: Final = LeavePolicy(
    paid_in_full=(
        LeaveKind.ANNUAL,
        LeaveKind.MATERNITY,
        LeaveKind.IMPORTANT_REASON,
        LeaveKind.LONG_UNDER_A_MONTH,
    ),
    long_leave=(Decimal(50), Decimal(75), Decimal(90)),
    sick_leave=(Decimal(0), Decimal(50), Decimal(75)),
    sick_leave_after=Decimal(100),
    miscarriage_free_days=30,
    miscarriage_last_day=45,
    miscarriage_per_day=Decimal(1),
    study_percent=Decimal(80),
    citation=(
        "Permenaker 15/2024 Pasal 14 (leave: 'dibayarkan setelah dikurangi X %'; huruf a-b"
        " paid in full, huruf c cuti besar 50/75/90 %, huruf d cuti sakit 0/50/75/100 %,"
        " huruf e gugur kandungan 1 % per day from one month to one and a half months),"
        " Pasal 4 huruf d (no tukin during CLTN or MPP), tugas belajar 80 % of the tukin of"
        " the kelas"
    ),
)


def _reduction(policy: LeavePolicy, leave: Leave) -> tuple[Decimal, str]:
    """The reduction of the month in percent, and how it was read."""
    kind = leave.kind
    if kind in policy.paid_in_full:
        return Decimal(0), "paid in full"
    if kind is LeaveKind.LONG:
        if leave.month > len(policy.long_leave):
            raise InputError(
                f"cuti besar month {leave.month}: the policy reduces months 1 to"
                f" {len(policy.long_leave)} only",
                path="leave.month",
                value=leave.month,
                rule="TUKIN-LEAVE",
                fix=f"give a month from 1 to {len(policy.long_leave)} (a cuti besar is at most"
                " 3 months)",
            )
        return policy.long_leave[leave.month - 1], f"cuti besar, month {leave.month}"
    if kind is LeaveKind.SICK:
        if leave.month <= len(policy.sick_leave):
            return policy.sick_leave[leave.month - 1], f"cuti sakit, month {leave.month}"
        return policy.sick_leave_after, (
            f"cuti sakit, month {leave.month} (after {len(policy.sick_leave)} months)"
        )
    if kind is LeaveKind.SICK_MISCARRIAGE:
        days = leave.days or 0
        if days > policy.miscarriage_last_day:
            raise InputError(
                f"a cuti sakit for a miscarriage of {days} days: the policy's daily rate covers"
                f" up to day {policy.miscarriage_last_day}",
                path="leave.days",
                value=days,
                rule="TUKIN-LEAVE",
                fix="check the days; the regulation does not say what follows, pay it by hand",
            )
        counted = max(0, days - policy.miscarriage_free_days)
        reduction = CONTEXT.multiply(Decimal(counted), policy.miscarriage_per_day)
        return reduction, (
            f"cuti sakit (gugur kandungan), {days} days: {counted} days after day"
            f" {policy.miscarriage_free_days} × {pct(policy.miscarriage_per_day)}"
        )
    raise InputError(  # a kind the policy does not list as paid in full (not CLTN: earlier)
        f"the policy does not say what is paid during {kind.code}",
        path="leave.kind",
        value=kind.code,
        rule="TUKIN-LEAVE",
        fix="add the kind to the policy's leave.paid_in_full, or pay the month by hand",
    )


def paid_share(
    policy: LeavePolicy | None,
    leave: Leave | None,
    status: DutyStatus | str | None,
    *,
    where: str,
) -> tuple[Decimal, tuple[Step, ...]]:
    """The percentage of the month's amount that is paid, and the steps that explain it.

    100 with no steps when there is no leave and no status. ``where`` names the allowance
    policy in messages.

    Raises:
        InputError: a leave or status for a policy without leave rules, or a leave the
            policy does not cover (a cuti besar beyond its months, a miscarriage leave past
            the daily rate, a kind it does not list).
    """
    if leave is None and status is None:
        return _HUNDRED, ()
    if leave is not None and not isinstance(leave, Leave):
        raise InputError(
            "must be a Leave",
            path="leave",
            value=type(leave).__name__,
            rule="TYPE",
            fix="pass Leave('cuti_besar', month=2) or None",
        )
    if status is not None:
        status = parse_status(status)
    if policy is None:
        given = "leave" if leave is not None else "status"
        raise InputError(
            (
                f"the allowance policy {where} has no leave rules: it cannot pay a month with a"
                " leave"
                if leave is not None
                else f"the allowance policy {where} has no leave rules: it cannot pay a month"
                " with a status"
            ),
            path=given,
            value=leave.kind.code if leave is not None else _code(status),
            rule="TUKIN-LEAVE",
            fix="use a policy with leave rules (KEMNAKER_2025), or pay the month by hand",
        )
    if status is DutyStatus.MPP or (leave is not None and leave.kind is LeaveKind.CLTN):
        what = "bebas tugas for MPP" if status is DutyStatus.MPP else "CLTN"
        step = Step(
            _RULE["TUKIN-NOT-PAID"],
            "tunjangan_kinerja",
            (("status", what),),
            "paid 0 %",
            f"regulation: {policy.citation}",
        )
        return Decimal(0), (step,)
    steps: list[Step] = []
    share = _HUNDRED
    if leave is not None:
        reduction, reading = _reduction(policy, leave)
        share = CONTEXT.subtract(_HUNDRED, reduction)
        steps.append(
            Step(
                _RULE["TUKIN-LEAVE"],
                "tunjangan_kinerja",
                (("leave", leave.kind.code), ("reading", reading)),
                f"reduced {pct(reduction)}: paid {pct(share)}",
                f"regulation: {policy.citation}",
            )
        )
    if status is DutyStatus.TUGAS_BELAJAR:
        before = share
        share = CONTEXT.divide(CONTEXT.multiply(share, policy.study_percent), _HUNDRED)
        steps.append(
            Step(
                _RULE["TUKIN-STUDY"],
                "tunjangan_kinerja",
                (("status", "tugas belajar"), ("paid", pct(policy.study_percent))),
                f"{pct(before)} × {pct(policy.study_percent)} = paid {pct(share)}",
                "on top of the leave reduction (library decision)" if leave is not None else "",
            )
        )
    return share, tuple(steps)
