"""The policy's tables as scaled integers, and the tables of results the reward query gathers
from (:mod:`~asn_performance.tables._rewards`; its module docstring gives the arithmetic and
the proof of exactness).

* :func:`ak_plan`, :func:`tukin_plan`: a policy's angka kredit and allowance tables scaled once
  to integers (:func:`~asn_performance.tables._numbers.scaled`), with the bound of every
  numerator they can produce;
* :func:`angka_kredit_table`, :func:`looked_up`: every result computed once per combination of
  codes, into a small decimal column a row gathers from; :func:`amounts`: the arithmetic of
  the tunjangan, for a table or for a row.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Final, NamedTuple, TypeAlias

import polars as pl

from asn_performance.consequences import AllowancePolicy, AngkaKreditRule
from asn_performance.consequences._common import MAX_KELAS
from asn_performance.consequences.allowance import MAX_ATTENDANCE_COUNT
from asn_performance.domain.employee import Jenjang
from asn_performance.domain.rating import Predikat
from asn_performance.tables._numbers import gather, round_half_up, scaled, unsigned

__all__ = [
    "AK_TYPE",
    "INDEX",
    "MAX_COUNT",
    "MONTHS",
    "RUPIAH_TYPE",
    "TABLE_LIMIT",
    "AkPlan",
    "TukinPlan",
    "ak_plan",
    "amounts",
    "angka_kredit_table",
    "dense_kelas",
    "known_kelas",
    "looked_up",
    "masked_gather",
    "table_of",
    "tables_fit",
    "tukin_plan",
]

#: The largest attendance count the object path accepts (``Attendance``'s own limit).
MAX_COUNT: Final = MAX_ATTENDANCE_COUNT
#: The type of the codes and of the indices into the result tables (at most
#: :data:`TABLE_LIMIT` entries): half the working memory of Int64.
INDEX: Final = pl.Int32()
#: Decimal types of the results: angka kredit shown to 2 places, rupiah whole.
AK_TYPE: Final = pl.Decimal(38, 2)
RUPIAH_TYPE: Final = pl.Decimal(38, 0)

# --------------------------------------------------------------------------------------------
# The policy's tables as scaled integers
# --------------------------------------------------------------------------------------------


class AkPlan(NamedTuple):
    percent: tuple[int, ...]  # by Predikat position, scaled
    koefisien: tuple[int, ...]  # by Jenjang position, scaled
    denominator: int  # 12 × 10**(scales): shown cents = round(months × % × koef / denominator)
    bound: int


class TukinPlan(NamedTuple):
    base: tuple[int | None, ...]  # index kelas 0..MAX_KELAS, scaled
    performance_share: int
    percent: tuple[int, ...]  # by Predikat position
    attendance_share: int
    rates: tuple[int, ...]  # in the order of ATTENDANCE
    cap: int
    hundred: int  # 100 at the cuts' scale
    performance_den: int
    attendance_den: int
    performance_lift: int  # to the common denominator of the unrounded total
    attendance_lift: int
    pay_rounded_components: bool
    known: str  # the kelas of the table, for messages
    bound: int


def ak_plan(rule: AngkaKreditRule) -> AkPlan:
    ps, percent = scaled(rule.percentages[p] for p in Predikat)
    ks, koef = scaled(rule.koefisien[j] for j in Jenjang)
    denominator = 12 * 10 ** (ps + ks)
    bound = 12 * max(percent) * max(koef) + denominator // 2
    return AkPlan(percent, koef, denominator, bound)


def tukin_plan(policy: AllowancePolicy) -> TukinPlan:
    sb, amounts = scaled(policy.base.values())
    base: list[int | None] = [None] * (MAX_KELAS + 1)
    for kelas, amount in zip(policy.base, amounts, strict=True):
        base[kelas] = amount
    sp, (performance_share,) = scaled([policy.performance_share])
    sq, percent = scaled(policy.performance_percentage[p] for p in Predikat)
    sa, (attendance_share,) = scaled([policy.attendance_share])
    cuts = policy.cuts
    sc, (*rates, cap, hundred) = scaled(
        [
            cuts.per_day_absent,
            cuts.per_missing_check,
            cuts.per_minute,
            cuts.per_missed_ceremony,
            cuts.cap,
            Decimal(100),
        ]
    )
    # performance = B·P·Q / 10**(sb+sp+sq+4); attendance = B·A·(100 − cut) / 10**(sb+sa+sc+4)
    pe, ae = sb + sp + sq + 4, sb + sa + sc + 4
    top = max(pe, ae)
    biggest = max(amounts)
    performance_max = biggest * performance_share * max(percent)
    attendance_max = biggest * attendance_share * hundred
    bound = max(
        performance_max + 10**pe,
        attendance_max + 10**ae,
        MAX_COUNT * sum(rates),
        performance_max * 10 ** (top - pe) + attendance_max * 10 ** (top - ae) + 10**top,
    )
    return TukinPlan(
        base=tuple(base),
        performance_share=performance_share,
        percent=percent,
        attendance_share=attendance_share,
        rates=tuple(rates),
        cap=cap,
        hundred=hundred,
        performance_den=10**pe,
        attendance_den=10**ae,
        performance_lift=10 ** (top - pe),
        attendance_lift=10 ** (top - ae),
        pay_rounded_components=policy.pay_rounded_components,
        known=", ".join(str(k) for k in policy.base),
        bound=bound,
    )


#: The months of a period an angka kredit table is indexed by (0-12; 0 is never looked up).
MONTHS: Final = 13
#: A result table (one entry per combination of codes) has at most this many entries (16 MiB
#: of decimals); a policy whose attendance table would be larger is computed row by row.
TABLE_LIMIT: Final = 1 << 20
#: The code of one input, from the index of a combination in a result table.
Code: TypeAlias = Callable[[pl.Expr], pl.Expr]


def table_of(size: int, value: Callable[[pl.Expr], pl.Expr], dtype: pl.DataType) -> pl.Series:
    """``value(i)`` for every ``i`` in ``0 .. size-1`` as a column of ``dtype``: the result of
    every combination of codes, computed once by the expressions a row would be computed by.

    A row then gathers its result by the index of its combination. Measured on 4.5 million
    rows (``benchmarks/national.py``): a gather from a decimal column costs a quarter of an
    integer column's cast to a decimal (0.011 s against 0.041 s of CPU per column), and the
    arithmetic is done once per combination instead of once per row.
    """
    return pl.select(value(pl.int_range(size, dtype=pl.Int64)).cast(dtype)).to_series()


def angka_kredit_table(plan: AkPlan, dtype: pl.DataType) -> pl.Series:
    """The shown angka kredit of every (jenjang, predikat, months), at index
    ``(jenjang × predikats + predikat) × 13 + months``: ``months × percentage × koefisien /
    denominator`` rounded half-up to hundredths (decision D5), as a ``Decimal(38, 2)``."""
    predikats = len(plan.percent)

    def value(i: pl.Expr) -> pl.Expr:
        months, rest = i % MONTHS, i // MONTHS
        numerator = (
            months.cast(dtype)
            * gather(plan.percent, rest % predikats, dtype)
            * gather(plan.koefisien, rest // predikats, dtype)
        )
        cents = round_half_up(numerator, plan.denominator, dtype)
        return cents.cast(pl.Decimal(38, 0)) * pl.lit(Decimal("0.01"), dtype=AK_TYPE)

    return table_of(len(plan.koefisien) * predikats * MONTHS, value, AK_TYPE)


def amounts(
    plan: TukinPlan,
    dtype: pl.DataType,
    base: pl.Expr,
    percent: pl.Expr,
    cut: pl.Expr,
    share: pl.Expr | None = None,
    lift: int = 1,
) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """The tunjangan kinerja, tunjangan kehadiran and tunjangan in whole rupiah (integers),
    from the base amount, the performance percentage and the cut (scaled integers), times the
    share paid ``share / lift`` when given."""

    def lit(value: int) -> pl.Expr:
        return pl.lit(value, dtype=dtype)

    performance = base * lit(plan.performance_share) * percent
    attendance = base * lit(plan.attendance_share) * (lit(plan.hundred) - cut)
    if share is not None:
        performance, attendance = performance * share, attendance * share
    performance_paid = round_half_up(performance, plan.performance_den * lift, dtype)
    attendance_paid = round_half_up(attendance, plan.attendance_den * lift, dtype)
    if plan.pay_rounded_components:
        return performance_paid, attendance_paid, performance_paid + attendance_paid
    lifted = performance * lit(plan.performance_lift) + attendance * lit(plan.attendance_lift)
    total = round_half_up(lifted, plan.performance_den * plan.performance_lift * lift, dtype)
    return performance_paid, attendance_paid, total


def masked_gather(table: pl.Series, index: pl.Expr, ok: pl.Expr) -> pl.Expr:
    """``table[index]`` where ``ok`` holds (``index`` is then in the table and not negative:
    read unsigned), null elsewhere.

    The table is gathered by an index without nulls (0, an entry of every table, where
    ``ok`` does not hold), then masked: measured on 4.5 million rows, a gather by an index
    with nulls costs two to three times the gather by one without and the mask (polars
    builds the validity of the gathered column bit by bit).
    """
    safe = pl.when(ok).then(index).otherwise(pl.lit(0, dtype=INDEX))
    return pl.when(ok).then(pl.lit(table).gather(unsigned(safe)))


def known_kelas(plan: TukinPlan) -> list[int]:
    """The kelas of the policy's table, in order (a dense index for the result tables)."""
    return [kelas for kelas, amount in enumerate(plan.base) if amount is not None]


def dense_kelas(plan: TukinPlan) -> list[int | None]:
    """By kelas 0..MAX_KELAS: its position in :func:`known_kelas` (None when not in it)."""
    dense: list[int | None] = [None] * len(plan.base)
    for index, number in enumerate(known_kelas(plan)):
        dense[number] = index
    return dense


def tables_fit(plan: TukinPlan) -> bool:
    """Whether the tunjangan kehadiran table (every kelas and every cut) is small enough."""
    return len(known_kelas(plan)) * (plan.cap + 1) <= TABLE_LIMIT


def looked_up(
    plan: TukinPlan,
    dtype: pl.DataType,
    ok: pl.Expr,
    kelas: pl.Expr,
    predikat: pl.Expr,
    cut: pl.Expr,
    position: pl.Expr,
) -> tuple[pl.Expr, pl.Expr, pl.Expr | None]:
    """The three tunjangan columns looked up in tables of every combination of codes: the
    tunjangan kinerja by (kelas, predikat), the tunjangan kehadiran by (kelas, cut) and,
    when the policy rounds the sum once, the tunjangan by (kelas, predikat, cut) (when that
    table fits; else computed row by row). Each table is computed by :func:`amounts`, the
    arithmetic of a row, so the values are the same digit for digit. The tunjangan is None
    when it is the sum of the first two (the policy pays the rounded components): added once
    they are columns. ``position``: the kelas's position in :func:`known_kelas` (staged)."""
    known = known_kelas(plan)
    bases = [plan.base[k] for k in known]
    predikats, cuts = len(plan.percent), plan.cap + 1
    zero = pl.lit(0, dtype=dtype)

    def table(
        which: int, size: int, kelas_of: Code, predikat_of: Code | None, cut_of: Code | None
    ) -> pl.Series:
        """Result ``which`` of :func:`amounts` at every index ``i`` (the codes of ``i`` by
        ``kelas_of``, ``predikat_of``, ``cut_of``; 0 for a code the result does not read)."""

        def value(i: pl.Expr) -> pl.Expr:
            b = gather(bases, kelas_of(i), dtype)
            q = zero if predikat_of is None else gather(plan.percent, predikat_of(i), dtype)
            c = zero if cut_of is None else cut_of(i).cast(dtype)
            return amounts(plan, dtype, b, q, c)[which]

        return table_of(size, value, RUPIAH_TYPE)

    # the dense index of the row's kelas; the indices stay below TABLE_LIMIT: Int32, and on
    # a computed row never negative (kelas 1-999, predikat 0-4, the cut 0 to the cap)
    k = position
    p = predikat.cast(INDEX)
    c = cut.cast(INDEX)
    n = len(known)
    performance = masked_gather(
        table(0, n * predikats, lambda i: i // predikats, lambda i: i % predikats, None),
        k * predikats + p,
        ok,
    )
    attendance = masked_gather(
        table(1, n * cuts, lambda i: i // cuts, None, lambda i: i % cuts), k * cuts + c, ok
    )
    if plan.pay_rounded_components:
        # the sum of the two columns once written (:func:`rewards_polars`): written here as
        # ``performance + attendance``, each gather was done twice (measured on 4.5 million
        # rows: 0.038 s against 0.009 s for the sum of the two decimal columns)
        return performance, attendance, None
    if n * predikats * cuts <= TABLE_LIMIT:
        totals = table(
            2,
            n * predikats * cuts,
            lambda i: i // (predikats * cuts),
            lambda i: (i // cuts) % predikats,
            lambda i: i % cuts,
        )
        total = masked_gather(totals, (k * predikats + p) * cuts + c, ok)
    else:
        base = gather(plan.base, unsigned(pl.when(ok).then(kelas)), dtype)
        percent = gather(plan.percent, unsigned(pl.when(ok).then(predikat)), dtype)
        total = amounts(plan, dtype, base, percent, cut.cast(dtype))[2]
    return performance, attendance, total.cast(RUPIAH_TYPE)
