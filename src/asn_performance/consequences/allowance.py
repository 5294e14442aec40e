"""Tunjangan kinerja (central agencies) and TPP (regional governments) from the predikat.

Part of what follows a predikat (PermenPANRB 6/2022 Pasal 5, *tindak lanjut*; see
:mod:`asn_performance.consequences`): an :class:`AllowancePolicy` (base per kelas jabatan, a
performance share with a predikat table, an attendance share with cuts) and
:func:`compute_allowance`, paid in whole rupiah; :data:`KEMNAKER_2025` is the Kemnaker policy
of Permenaker 15/2024 as an example. An allowance is an agency's policy, not a national rule.

Every amount is a :class:`~decimal.Decimal` computed in :data:`~asn_performance._kit.exact.CONTEXT`
at full precision; rounding happens once, where a value is paid (decision D5): rupiah to whole
rupiah, ``ROUND_HALF_UP``. The rules recorded in the steps are :data:`TUKIN_RULES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from asn_performance._kit.exact import CONTEXT, WHOLE, quantize, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import check_text, check_type, shown
from asn_performance.consequences._common import (
    MAX_KELAS,
    expect,
    non_negative,
    parse_predikat,
    pct,
    percent_table,
    period_code,
    period_inputs,
    plain,
    whole,
)
from asn_performance.consequences._discipline import (
    DISCIPLINE_RULES,
    PP94_SEDANG_CUTS,
    DisciplinaryPenalty,
    DisciplineCut,
    DisciplineCuts,
    DisciplineLevel,
    PenaltyKind,
    with_discipline,
)
from asn_performance.consequences._leave import (
    KEMNAKER_LEAVE,
    LEAVE_RULES,
    MAX_LEAVE_DAYS,
    MAX_LEAVE_MONTHS,
    DutyStatus,
    Leave,
    LeaveKind,
    LeavePolicy,
    paid_share,
    parse_status,
)
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.period import Period
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError, PolicyError

__all__ = [
    "DISCIPLINE_RULES",
    "KEMNAKER_2025",
    "KEMNAKER_LEAVE",
    "LEAVE_RULES",
    "MAX_ATTENDANCE_COUNT",
    "MAX_LEAVE_DAYS",
    "MAX_LEAVE_MONTHS",
    "PP94_SEDANG_CUTS",
    "TUKIN_RULES",
    "AllowancePolicy",
    "AllowanceResult",
    "Attendance",
    "AttendanceCuts",
    "DisciplinaryPenalty",
    "DisciplineCut",
    "DisciplineCuts",
    "DisciplineLevel",
    "DutyStatus",
    "Leave",
    "LeaveKind",
    "LeavePolicy",
    "PenaltyKind",
    "compute_allowance",
]

#: The rules this module records (an agency's configuration: ``normative=False``).
TUKIN_RULES: tuple[Rule, ...] = (
    Rule(
        "TUKIN-PERFORMANCE",
        "Tunjangan kinerja: the performance share (predikat → percentage)",
        "The agency's allowance regulation (for Kemnaker: Permenaker 15/2024 Pasal 5;"
        " Kepsekjen Kemnaker 82/2025 Lampiran p.7); not a national rule",
        normative=False,
    ),
    Rule(
        "TUKIN-ATTENDANCE",
        "Tunjangan kinerja: the attendance share after cuts",
        "The agency's allowance regulation (for Kemnaker: Permenaker 15/2024 Pasal 5 and 13,"
        " which sets no ceiling on the cuts); that the attendance share stops at zero (the"
        " cuts never reach the performance share) is a library decision",
        normative=False,
    ),
    Rule(
        "TUKIN-TOTAL",
        "Tunjangan kinerja paid in whole rupiah",
        "Library decision D5 (rupiah to whole rupiah, half-up), rounded where paid: the net"
        " amount once (Kemnaker: as the ministry's ADK sheet pays it) or, by the agency's"
        " choice, each component",
        normative=False,
    ),
)
_RULE = rules_by_id(TUKIN_RULES)

#: The note of attendance cuts that pass the whole attendance share.
_STOPS_AT_ZERO_NOTE: Final = (
    "the cuts pass the whole attendance share: the attendance component stops at zero and the"
    " performance share is not cut (library decision; the regulation sets no ceiling on the cuts)"
)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.TUKIN-PERFORMANCE.policy": "policy",
        "step.TUKIN-PERFORMANCE.period": "period",
        "step.TUKIN-PERFORMANCE.base": "base",
        "step.TUKIN-PERFORMANCE.rupiah": "Rp {amount}",
        "step.TUKIN-PERFORMANCE.share_name": "performance share",
        "step.TUKIN-PERFORMANCE.percent": "{percent} %",
        "step.TUKIN-PERFORMANCE.predikat": "{predikat} → {percent} %",
        "step.TUKIN-PERFORMANCE.amount": "Rp {base} × {share} % × {percent} % = Rp {amount}",
        "step.TUKIN-PERFORMANCE.paid": (
            "Rp {base} × {share} % × {percent} % = Rp {amount} → paid Rp {paid}"
        ),
        "step.TUKIN-PERFORMANCE.regulation": "regulation: {citation}",
        "step.TUKIN-ATTENDANCE.share_name": "attendance share",
        "step.TUKIN-ATTENDANCE.percent": "{percent} %",
        "step.TUKIN-ATTENDANCE.days_absent": "days absent",
        "step.TUKIN-ATTENDANCE.missing_checks": "missing check-ins/outs",
        "step.TUKIN-ATTENDANCE.minutes": "minutes late or early",
        "step.TUKIN-ATTENDANCE.ceremonies": "missed ceremonies",
        "step.TUKIN-ATTENDANCE.count_rate": "{count} × {rate} %",
        "step.TUKIN-ATTENDANCE.cuts": "cuts",
        "step.TUKIN-ATTENDANCE.capped_from": "{cut} % (capped from {uncapped} %)",
        "step.TUKIN-ATTENDANCE.amount": "Rp {base} × {share} % × (100 % − {cut} %) = Rp {amount}",
        "step.TUKIN-ATTENDANCE.paid": (
            "Rp {base} × {share} % × (100 % − {cut} %) = Rp {amount} → paid Rp {paid}"
        ),
        "step.TUKIN-ATTENDANCE.no_cuts": "no attendance cuts",
        "step.TUKIN-ATTENDANCE.stops_at_zero": (
            "the cuts pass the whole attendance share: the attendance component stops at zero and"
            " the performance share is not cut (library decision; the regulation sets no ceiling on"
            " the cuts)"
        ),
        "step.TUKIN-ATTENDANCE.capped": (
            "the cuts are capped at {cut} % of the attendance share (the policy's cap)"
        ),
        "step.TUKIN-TOTAL.paid_name": "paid",
        "step.TUKIN-TOTAL.percent": "{percent} %",
        "step.TUKIN-TOTAL.performance": "performance",
        "step.TUKIN-TOTAL.attendance": "attendance",
        "step.TUKIN-TOTAL.rupiah": "Rp {amount}",
        "step.TUKIN-TOTAL.sum": "Rp {performance} + Rp {attendance} = Rp {total}",
        "step.TUKIN-TOTAL.rounded": "Rp {amount} → Rp {total}",
        "step.TUKIN-TOTAL.sum_note": (
            "rounding the unrounded sum Rp {amount} would give Rp {rounded}; the policy pays the"
            " sum of the rounded components"
        ),
        "step.TUKIN-TOTAL.rounded_note": (
            "the rounded components add up to Rp {components}; the policy pays the rounded sum"
        ),
    }
)

#: Where the Kemnaker policy's numbers come from (the base table: Lampiran Permenaker 15/2024
#: p.12, the column "Tunjangan Kinerja per Kelas Jabatan" of Lampiran Kepsekjen 82/2025 p.7,
#: as our digest read them in sandro4132017/gajihub src/business-logic/tarifTukinPokok.ts).
KEMNAKER_CITATION: Final = (
    "Permenaker 15/2024 Pasal 5 (70 % capaian kinerja, 30 % kehadiran) and Pasal 13"
    " (attendance cuts); Kepsekjen Kemnaker 82/2025 Lampiran p.7 (predikat → percentage);"
    " tukin pokok per kelas 1-17: Lampiran Permenaker 15/2024 p.12 (= Lampiran Kepsekjen"
    " 82/2025 p.7), via sandro4132017/gajihub src/business-logic/tarifTukinPokok.ts; net"
    " rounded once as in the ministry's ADK sheet (gajihub __tests__/adk.test.ts)"
)
_HUNDRED: Final = Decimal(100)
#: The largest count in one month's attendance record: a month has at most 44 640 minutes, so
#: no count of days, checks, minutes or ceremonies comes near it.
MAX_ATTENDANCE_COUNT: Final = 1_000_000


def _rp(value: Decimal) -> str:
    return f"Rp {value.normalize(CONTEXT):,f}"


def _per_day_absent(value: object) -> Decimal:
    return non_negative(value, "cuts.per_day_absent")


def _per_missing_check(value: object) -> Decimal:
    return non_negative(value, "cuts.per_missing_check")


def _per_minute(value: object) -> Decimal:
    return non_negative(value, "cuts.per_minute")


def _per_missed_ceremony(value: object) -> Decimal:
    return non_negative(value, "cuts.per_missed_ceremony")


def _cap(value: object) -> Decimal:
    return non_negative(value, "cuts.cap")


def _performance_share(value: object) -> Decimal:
    return non_negative(value, "performance_share")


def _attendance_share(value: object) -> Decimal:
    return non_negative(value, "attendance_share")


@attrs.frozen
class AttendanceCuts:
    """Cuts of the attendance share, each in percent *of the attendance share*.

    Kemnaker (Permenaker 15/2024 Pasal 13): 3 % per day absent without a valid reason
    (*alpha*), 1 % per missing check-in or check-out (*tidak presensi*), 0.01 % per minute of
    late arrival, early departure or leaving the office, 3 % per missed flag ceremony.

    The Permenaker sets no ceiling on the cuts: they add up without limit. ``cap`` limits the
    cut applied, in percent of the attendance share; the default 100 is no ceiling but the
    whole attendance share (the attendance component stops at zero and the cuts never reach
    the performance share: a library decision, as the sources do not say). An agency whose
    regulation sets a ceiling gives a lower cap.
    """

    per_day_absent: Decimal = attrs.field(converter=_per_day_absent)
    per_missing_check: Decimal = attrs.field(converter=_per_missing_check)
    per_minute: Decimal = attrs.field(converter=_per_minute)
    per_missed_ceremony: Decimal = attrs.field(converter=_per_missed_ceremony)
    cap: Decimal = attrs.field(default=_HUNDRED, converter=_cap)

    def __attrs_post_init__(self) -> None:
        if self.cap > _HUNDRED:
            raise PolicyError(
                "the cap of the attendance cuts is a percentage of the attendance share, at"
                " most 100",
                path="cuts.cap",
                value=str(self.cap),
                rule="TUKIN-ATTENDANCE",
                fix="give a cap from 0 to 100",
            )


def _attendance_note(uncapped: Decimal, cut: Decimal) -> str:
    if not uncapped:
        return "no attendance cuts"
    if cut == uncapped:
        return ""
    if cut == _HUNDRED:
        return _STOPS_AT_ZERO_NOTE
    return f"the cuts are capped at {pct(cut)} of the attendance share (the policy's cap)"


def _count(field: str) -> Any:
    def check(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
        whole(value, field, maximum=MAX_ATTENDANCE_COUNT)

    return check


@attrs.frozen
class Attendance:
    """One month's attendance record (*rekap kehadiran*) as counts; all default to zero.

    Attributes:
        days_absent: days absent without a valid reason (*tidak hadir tanpa keterangan sah*).
        missing_checks: missing check-ins or check-outs (*tidak melakukan presensi*), counted
            per occurrence: a day without both is two.
        minutes_late_or_early: minutes of late arrival, early departure and leaving the office
            without permission, summed.
        missed_ceremonies: flag ceremonies missed without a valid reason (*upacara bendera*).
    """

    days_absent: int = attrs.field(default=0, validator=_count("attendance.days_absent"))
    missing_checks: int = attrs.field(default=0, validator=_count("attendance.missing_checks"))
    minutes_late_or_early: int = attrs.field(
        default=0, validator=_count("attendance.minutes_late_or_early")
    )
    missed_ceremonies: int = attrs.field(
        default=0, validator=_count("attendance.missed_ceremonies")
    )


def _kelas_table(value: object) -> FrozenMap[int, Decimal]:
    if not isinstance(value, Mapping) or not value:
        raise PolicyError(
            "the base amounts must be a non-empty mapping of kelas jabatan to rupiah",
            path="base",
            value=value,
            rule="POLICY-TABLE",
            fix="pass e.g. {7: '3915950', 10: '5979200'}",
        )
    table: dict[int, Decimal] = {}
    for kelas, amount in value.items():
        field = f"base[{shown(kelas)}]"
        whole(kelas, field, minimum=1, maximum=MAX_KELAS)
        table[kelas] = to_decimal(amount, field=field, allow_negative=False)
    return FrozenMap(dict(sorted(table.items())))


def _predikat_percentages(value: object) -> FrozenMap[Predikat, Decimal]:
    return percent_table(value, "performance_percentage", keys=Predikat, parse=Predikat.parse)


@attrs.frozen
class AllowancePolicy:
    """A tunjangan kinerja (central agencies) or TPP (regional governments) policy.

    The monthly amount for a kelas jabatan is split into a performance share, paid at a
    percentage that depends on the month's predikat, and an attendance share, reduced by
    cuts. Both shares are percentages of the base and must add up to 100.

    Attributes:
        name, version: identify the policy in results (e.g. ``"kemnaker"``, ``"2025"``).
        base: the base amount (*tukin pokok* / *besaran TPP*) per kelas jabatan, in rupiah.
        performance_share: the performance share in percent of the base (Kemnaker: 70).
        performance_percentage: predikat → percent of the performance share paid.
        attendance_share: the attendance share in percent of the base (Kemnaker: 30).
        cuts: the attendance cuts (:class:`AttendanceCuts`).
        citation: the regulation the policy implements.
        note: anything a reader must know (e.g. which kelas are missing and why).
        pay_rounded_components: when true (default), the total paid is the sum of the two
            components, each rounded to whole rupiah, so that a payslip adds up (an agency's
            choice); when false, the unrounded sum is rounded once (Kemnaker: the ministry's
            ADK sheet pays the net amount rounded once).
        leave: what is paid during leave, tugas belajar, CLTN and MPP
            (:class:`~asn_performance.consequences.allowance.LeavePolicy`); ``None``
            (default): the policy refuses a month with a leave or a status.
        discipline: the tunjangan cuts during a disciplinary penalty
            (:class:`~asn_performance.consequences.allowance.DisciplineCuts`; its default is
            PP 94/2021 sedang, 25 % for 6, 9 or 12 months [S24]); ``None`` (default): the
            policy refuses a month under a penalty sedang or berat.
    """

    name: str = attrs.field(validator=check_text(100))
    version: str = attrs.field(validator=check_text(100))
    base: FrozenMap[int, Decimal] = attrs.field(converter=_kelas_table)
    performance_share: Decimal = attrs.field(converter=_performance_share)
    performance_percentage: FrozenMap[Predikat, Decimal] = attrs.field(
        converter=_predikat_percentages
    )
    attendance_share: Decimal = attrs.field(converter=_attendance_share)
    cuts: AttendanceCuts = attrs.field(validator=check_type(AttendanceCuts))
    citation: str = attrs.field(validator=check_text(1000))
    note: str = attrs.field(default="", validator=check_text(2000, required=False))
    pay_rounded_components: bool = attrs.field(default=True, validator=check_type(bool))
    leave: LeavePolicy | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_type(LeavePolicy))
    )
    discipline: DisciplineCuts | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_type(DisciplineCuts))
    )

    def __attrs_post_init__(self) -> None:
        total = CONTEXT.add(self.performance_share, self.attendance_share)
        if total != _HUNDRED:
            raise PolicyError(
                f"the performance and attendance shares add up to {plain(total)} %, not 100 %",
                path="attendance_share",
                value=str(self.attendance_share),
                rule="POLICY-SHARES",
                fix="give shares that add up to 100, e.g. 70 and 30",
            )

    def compute(
        self,
        kelas: int,
        predikat: Predikat | str,
        attendance: Attendance | None = None,
        *,
        period: Period | None = None,
        leave: Leave | None = None,
        status: DutyStatus | str | None = None,
        penalties: tuple[DisciplinaryPenalty, ...] = (),
    ) -> AllowanceResult:
        """Shorthand for :func:`compute_allowance` with this policy."""
        return compute_allowance(
            self,
            kelas,
            predikat,
            attendance,
            period=period,
            leave=leave,
            status=status,
            penalties=penalties,
        )


@attrs.frozen
class AllowanceResult:
    """One month's tunjangan kinerja / TPP: two components and the total paid.

    ``performance`` and ``attendance`` are carried unrounded (after ``paid_percent``, the
    share paid during a leave or tugas belajar, 100 otherwise); ``performance_paid`` and
    ``attendance_paid`` are each rounded half-up to whole rupiah; :attr:`total` is what is
    paid (the sum of the rounded components, or the net rounded once, see
    :attr:`AllowancePolicy.pay_rounded_components`). ``leave`` and ``status`` are the codes
    of the month's leave and status, if any.
    """

    policy: str
    version: str
    kelas: int
    predikat: Predikat
    base: Decimal
    performance_percentage: Decimal
    performance: Decimal
    cut_percent: Decimal
    cut_uncapped: Decimal
    attendance: Decimal
    citation: str
    steps: tuple[Step, ...]
    period: str | None = None
    pay_rounded_components: bool = True
    rule: str = "TUKIN-TOTAL"
    paid_percent: Decimal = _HUNDRED
    leave: str | None = None
    status: str | None = None
    discipline: str | None = None

    @property
    def normative(self) -> bool:
        """Always False: an allowance is an agency's policy, not a national rule."""
        return False

    @property
    def performance_paid(self) -> Decimal:
        """The performance component in whole rupiah (half-up)."""
        return quantize(self.performance, WHOLE)

    @property
    def attendance_paid(self) -> Decimal:
        """The attendance component in whole rupiah (half-up)."""
        return quantize(self.attendance, WHOLE)

    @property
    def unrounded_total(self) -> Decimal:
        """The two components added at full precision."""
        return CONTEXT.add(self.performance, self.attendance)

    @property
    def total(self) -> Decimal:
        """The amount paid, in whole rupiah."""
        if self.pay_rounded_components:
            return CONTEXT.add(self.performance_paid, self.attendance_paid)
        return quantize(self.unrounded_total, WHOLE)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (decimals as text); ``leave``, ``status`` and ``paid_percent`` only
        when the month has a leave or a status; ``discipline`` and ``paid_percent`` when a
        disciplinary penalty cuts it."""
        data = {
            "rule": self.rule,
            "policy": self.policy,
            "version": self.version,
            "period": self.period,
            "kelas": self.kelas,
            "predikat": self.predikat.code,
            "base": plain(self.base),
            "performance_percentage": plain(self.performance_percentage),
            "performance": plain(self.performance),
            "performance_paid": plain(self.performance_paid),
            "cut_percent": plain(self.cut_percent),
            "attendance": plain(self.attendance),
            "attendance_paid": plain(self.attendance_paid),
            "total": plain(self.total),
            "citation": self.citation,
        }
        if self.leave is not None or self.status is not None:
            data["leave"] = self.leave
            data["status"] = self.status
            data["paid_percent"] = plain(self.paid_percent)
        if self.discipline is not None:
            data["discipline"] = self.discipline
            data["paid_percent"] = plain(self.paid_percent)
        return data


def compute_allowance(
    policy: AllowancePolicy,
    kelas: int,
    predikat: Predikat | str,
    attendance: Attendance | None = None,
    *,
    period: Period | None = None,
    leave: Leave | None = None,
    status: DutyStatus | str | None = None,
    penalties: tuple[DisciplinaryPenalty, ...] = (),
) -> AllowanceResult:
    """One month's allowance under ``policy`` for ``kelas`` and the month's ``predikat``.

    * performance = base × performance share × percentage of the predikat;
    * attendance = base × attendance share × (100 % − cuts), the cuts capped at
      ``policy.cuts.cap`` (default 100 % of the attendance share);
    * during a ``leave`` or a ``status`` (tugas belajar, MPP), both are multiplied by the
      share paid (:func:`~asn_performance.consequences._leave.paid_share`: Kemnaker
      cuti besar month 2 is "dikurangi 75 %", paid 25 %; tugas belajar 80 %; CLTN and MPP 0);
    * a disciplinary penalty whose cut runs in the month (``penalties``, needs ``period``)
      multiplies what is left by 100 % − the cut of the policy's ``discipline`` setting
      (PP 94/2021 sedang: 25 %; :func:`~asn_performance.consequences._discipline.discipline_share`);
    * each component is carried unrounded and paid rounded half-up to whole rupiah; the total
      is the net rounded once, or the sum of the paid components, per the policy.

    Kemnaker, kelas 10, one day absent, two missing check-ins, 60 minutes late, one missed
    ceremony: cuts 3 + 2 + 0.6 + 3 = 8.6 %; attendance 5,979,200 × 30 % × 91.4 % =
    1,639,496.64 → **Rp 1,639,497**.

    Raises:
        InputError: ``kelas`` is not in the policy's table, ``attendance`` is malformed, or
            a leave or status the policy does not cover (``TUKIN-LEAVE``).
        LabelError: an unknown predikat.
    """
    expect(
        policy,
        AllowancePolicy,
        "policy",
        message="policy must be an AllowancePolicy",
        fix="pass KEMNAKER_2025 or your own AllowancePolicy",
        error=PolicyError,
    )
    predikat = parse_predikat(predikat, "predikat")
    kelas = whole(kelas, "kelas", minimum=1, maximum=MAX_KELAS)
    if attendance is None:
        attendance = Attendance()
    else:
        expect(
            attendance,
            Attendance,
            "attendance",
            message="must be an Attendance",
            fix="pass Attendance(days_absent=..., ...)",
        )
    base = policy.base.get(kelas)
    if base is None:
        known = ", ".join(str(k) for k in policy.base)
        raise InputError(
            f"kelas jabatan {kelas} is not in the table of policy {policy.name!r} {policy.version}",
            path="kelas",
            value=kelas,
            rule="TUKIN-KELAS",
            fix=f"use one of the kelas {known}, or add the kelas to the policy's base table"
            + (f" ({policy.note})" if policy.note else ""),
        )
    where = f"{policy.name!r} {policy.version}"
    share, share_steps = paid_share(policy.leave, leave, status, where=where)
    share, share_steps, cut_by = with_discipline(
        policy.discipline, penalties, period, share, share_steps, where=where
    )
    m = CONTEXT.multiply
    paid_percent = policy.performance_percentage[predikat]
    performance = CONTEXT.divide(m(m(base, policy.performance_share), paid_percent), Decimal(10000))
    cuts = policy.cuts
    parts = (
        ("days absent", attendance.days_absent, cuts.per_day_absent),
        ("missing check-ins/outs", attendance.missing_checks, cuts.per_missing_check),
        ("minutes late or early", attendance.minutes_late_or_early, cuts.per_minute),
        ("missed ceremonies", attendance.missed_ceremonies, cuts.per_missed_ceremony),
    )
    uncapped = Decimal(0)
    for _name, count, rate in parts:
        uncapped = CONTEXT.add(uncapped, m(Decimal(count), rate))
    cut = min(uncapped, cuts.cap)
    remaining = CONTEXT.subtract(_HUNDRED, cut)
    attendance_amount = CONTEXT.divide(
        m(m(base, policy.attendance_share), remaining), Decimal(10000)
    )
    # the amounts before a leave or tugas belajar, as the first two steps show them
    performance_text = _rp(performance)
    attendance_text = _rp(attendance_amount)
    if share == _HUNDRED:
        performance_text += f" → paid {_rp(quantize(performance, WHOLE))}"
        attendance_text += f" → paid {_rp(quantize(attendance_amount, WHOLE))}"
    else:
        performance = CONTEXT.divide(m(performance, share), _HUNDRED)
        attendance_amount = CONTEXT.divide(m(attendance_amount, share), _HUNDRED)
    performance_paid = quantize(performance, WHOLE)
    attendance_paid = quantize(attendance_amount, WHOLE)
    steps = [
        Step(
            _RULE["TUKIN-PERFORMANCE"],
            "tunjangan_kinerja",
            (
                ("policy", f"{policy.name} {policy.version}"),
                *period_inputs(period),
                ("kelas", str(kelas)),
                ("base", _rp(base)),
                ("performance share", pct(policy.performance_share)),
                ("predikat", f"{predikat.label_id} → {pct(paid_percent)}"),
            ),
            f"{_rp(base)} × {pct(policy.performance_share)} × {pct(paid_percent)} ="
            f" {performance_text}",
            f"regulation: {policy.citation}",
        ),
        Step(
            _RULE["TUKIN-ATTENDANCE"],
            "tunjangan_kinerja",
            (
                ("attendance share", pct(policy.attendance_share)),
                *((name, f"{count} × {pct(rate)}") for name, count, rate in parts if count),
                (
                    "cuts",
                    pct(cut) + ("" if cut == uncapped else f" (capped from {pct(uncapped)})"),
                ),
            ),
            f"{_rp(base)} × {pct(policy.attendance_share)} × (100 % − {pct(cut)}) ="
            f" {attendance_text}",
            _attendance_note(uncapped, cut),
        ),
        *share_steps,
    ]
    result = AllowanceResult(
        policy=policy.name,
        version=policy.version,
        kelas=kelas,
        predikat=predikat,
        base=base,
        performance_percentage=paid_percent,
        performance=performance,
        cut_percent=cut,
        cut_uncapped=uncapped,
        attendance=attendance_amount,
        citation=policy.citation,
        steps=(),
        period=period_code(period),
        pay_rounded_components=policy.pay_rounded_components,
        paid_percent=share,
        leave=None if leave is None else leave.kind.code,
        status=None if status is None else parse_status(status).code,
        discipline=cut_by,
    )
    rounded_sum = quantize(result.unrounded_total, WHOLE)
    components_sum = CONTEXT.add(performance_paid, attendance_paid)
    if policy.pay_rounded_components:
        how = f"{_rp(performance_paid)} + {_rp(attendance_paid)} = {_rp(components_sum)}"
        note = (
            ""
            if rounded_sum == components_sum
            else f"rounding the unrounded sum {_rp(result.unrounded_total)} would give"
            f" {_rp(rounded_sum)}; the policy pays the sum of the rounded components"
        )
    else:
        how = f"{_rp(result.unrounded_total)} → {_rp(rounded_sum)}"
        note = (
            ""
            if rounded_sum == components_sum
            else f"the rounded components add up to {_rp(components_sum)}; the policy pays"
            " the rounded sum"
        )
    total_inputs = (
        ()
        if share == _HUNDRED
        else (
            ("paid", pct(share)),
            ("performance", _rp(performance)),
            ("attendance", _rp(attendance_amount)),
        )
    )
    steps.append(Step(_RULE["TUKIN-TOTAL"], "tunjangan_kinerja", total_inputs, how, note))
    return attrs.evolve(result, steps=tuple(steps))


#: The Kemnaker tunjangan kinerja. Permenaker 15/2024 Pasal 5: 70 % capaian kinerja + 30 %
#: kehadiran; Kepsekjen Kemnaker 82/2025 Lampiran p.7: the monthly predikat Sangat Baik/Baik →
#: 100 %, Perlu (Butuh) Perbaikan → 85 %, Kurang/Sangat Kurang → 60 % of the performance share;
#: Pasal 13: cuts of the attendance share, without a ceiling (the attendance component stops at
#: zero, ``cap`` 100); the tukin pokok of all 17 kelas jabatan (Lampiran Permenaker 15/2024
#: p.12, the same column as Lampiran Kepsekjen 82/2025 p.7). Paid as the ministry's ADK sheet
#: pays it: the net amount rounded once (``pay_rounded_components=False``).
KEMNAKER_2025: Final = AllowancePolicy(
    name="kemnaker",
    version="2025",
    base={
        1: Decimal(2_531_250),
        2: Decimal(2_708_250),
        3: Decimal(2_898_000),
        4: Decimal(2_985_000),
        5: Decimal(3_134_250),
        6: Decimal(3_510_400),
        7: Decimal(3_915_950),
        8: Decimal(4_595_150),
        9: Decimal(5_079_200),
        10: Decimal(5_979_200),
        11: Decimal(8_757_600),
        12: Decimal(9_896_000),
        13: Decimal(10_936_000),
        14: Decimal(17_064_000),
        15: Decimal(19_280_000),
        16: Decimal(27_577_500),
        17: Decimal(33_240_000),
    },
    performance_share=Decimal(70),
    performance_percentage={
        Predikat.SANGAT_BAIK: Decimal(100),
        Predikat.BAIK: Decimal(100),
        Predikat.BUTUH_PERBAIKAN: Decimal(85),
        Predikat.KURANG: Decimal(60),
        Predikat.SANGAT_KURANG: Decimal(60),
    },
    attendance_share=Decimal(30),
    cuts=AttendanceCuts(
        per_day_absent=Decimal(3),
        per_missing_check=Decimal(1),
        per_minute=Decimal("0.01"),
        per_missed_ceremony=Decimal(3),
    ),
    citation=KEMNAKER_CITATION,
    note=(
        "kelas 1-17 from Lampiran Permenaker 15/2024 p.12; the net amount is rounded once, as"
        " the ministry's ADK sheet pays it; the Pasal 13 cuts have no ceiling (the attendance"
        " component stops at zero)"
    ),
    pay_rounded_components=False,
    leave=KEMNAKER_LEAVE,
)
