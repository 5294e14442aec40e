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
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.period import Period
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError, PolicyError

__all__ = [
    "KEMNAKER_2025",
    "MAX_ATTENDANCE_COUNT",
    "TUKIN_RULES",
    "AllowancePolicy",
    "AllowanceResult",
    "Attendance",
    "AttendanceCuts",
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
        "The agency's allowance regulation (for Kemnaker: Permenaker 15/2024 Pasal 5 and 13);"
        " the cap of the cuts at 100 % of the attendance share is a library decision",
        normative=False,
    ),
    Rule(
        "TUKIN-TOTAL",
        "Tunjangan kinerja paid in whole rupiah",
        "Library decision D5 (rupiah to whole rupiah, half-up); the total paid is the sum of"
        " the rounded components unless the policy says otherwise",
        normative=False,
    ),
)
_RULE = rules_by_id(TUKIN_RULES)
_HUNDRED: Final = Decimal(100)
#: The largest count in one month's attendance record: a month has at most 44 640 minutes, so
#: no count of days, checks, minutes or ceremonies comes near it.
MAX_ATTENDANCE_COUNT: Final = 1_000_000


_ATTENDANCE_FIX: Final = "pass Attendance(days_absent=..., ...)"


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

    ``cap`` limits the total cut, in percent of the attendance share (default 100: the cuts
    can take the whole attendance share but never reach the performance share). The Permenaker
    text states no cap; the cap is a library decision, configurable.
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
            components, each rounded to whole rupiah, so that a payslip adds up; when false,
            the unrounded sum is rounded once.
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
    ) -> AllowanceResult:
        """Shorthand for :func:`compute_allowance` with this policy."""
        return compute_allowance(self, kelas, predikat, attendance, period=period)


@attrs.frozen
class AllowanceResult:
    """One month's tunjangan kinerja / TPP: two components and the total paid.

    ``performance`` and ``attendance`` are carried unrounded; ``performance_paid`` and
    ``attendance_paid`` are each rounded half-up to whole rupiah; :attr:`total` is what is
    paid (by default the sum of the rounded components, see
    :attr:`AllowancePolicy.pay_rounded_components`).
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
        """JSON-ready data (decimals as text)."""
        return {
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


def compute_allowance(
    policy: AllowancePolicy,
    kelas: int,
    predikat: Predikat | str,
    attendance: Attendance | None = None,
    *,
    period: Period | None = None,
) -> AllowanceResult:
    """One month's allowance under ``policy`` for ``kelas`` and the month's ``predikat``.

    * performance = base × performance share × percentage of the predikat;
    * attendance = base × attendance share × (100 % − cuts), the cuts capped at
      ``policy.cuts.cap`` (default 100 % of the attendance share);
    * each component is carried unrounded and paid rounded half-up to whole rupiah; the total
      is the sum of the paid components (or the rounded sum, per the policy).

    Kemnaker, kelas 10, one day absent, two missing check-ins, 60 minutes late, one missed
    ceremony: cuts 3 + 2 + 0.6 + 3 = 8.6 %; attendance 5,979,200 × 30 % × 91.4 % =
    1,639,496.64 → **Rp 1,639,497**.

    Raises:
        InputError: ``kelas`` is not in the policy's table, or ``attendance`` is malformed.
        LabelError: an unknown predikat.
    """
    fix = "pass KEMNAKER_2025 or your own AllowancePolicy"
    expect(policy, AllowancePolicy, "policy", "policy must be an AllowancePolicy", fix, PolicyError)
    predikat = parse_predikat(predikat, "predikat")
    kelas = whole(kelas, "kelas", minimum=1, maximum=MAX_KELAS)
    if attendance is None:
        attendance = Attendance()
    else:
        expect(attendance, Attendance, "attendance", "must be an Attendance", _ATTENDANCE_FIX)
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
            f" {_rp(performance)} → paid {_rp(performance_paid)}",
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
            f" {_rp(attendance_amount)} → paid {_rp(attendance_paid)}",
            "no attendance cuts" if not uncapped else "",
        ),
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
    steps.append(Step(_RULE["TUKIN-TOTAL"], "tunjangan_kinerja", (), how, note))
    return attrs.evolve(result, steps=tuple(steps))


#: The Kemnaker tunjangan kinerja (example policy). Permenaker 15/2024 Pasal 5: 70 % capaian
#: kinerja + 30 % kehadiran; Kepsekjen Kemnaker 82/2025 Lampiran p.7: the monthly predikat
#: Sangat Baik/Baik → 100 %, Perlu (Butuh) Perbaikan → 85 %, Kurang/Sangat Kurang → 60 % of the
#: performance share; Pasal 13: cuts of the attendance share. Only kelas 1, 7, 10 and 17 of the
#: tukin pokok table (kelas 1-17) are in this library's sources; the others raise an error
#: until added from the Permenaker's Lampiran.
KEMNAKER_2025: Final = AllowancePolicy(
    name="kemnaker",
    version="2025",
    base={
        1: Decimal(2_531_250),
        7: Decimal(3_915_950),
        10: Decimal(5_979_200),
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
    citation=(
        "Permenaker 15/2024 Pasal 5 (70 % capaian kinerja, 30 % kehadiran) and Pasal 13"
        " (attendance cuts); Kepsekjen Kemnaker 82/2025 Lampiran p.7 (predikat → percentage);"
        " tukin pokok per kelas: sandro4132017/gajihub src/business-logic/tarifTukinPokok.ts"
    ),
    note=(
        "only kelas 1, 7, 10 and 17 of the Kemnaker tukin pokok table are in this library's"
        " sources; add the others from the Lampiran of Permenaker 15/2024 to the base table"
    ),
)
