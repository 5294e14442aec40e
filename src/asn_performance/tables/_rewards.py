"""Angka kredit and tunjangan kinerja / TPP for every row of a table, in one lazy polars query.

:func:`rewards_polars` applies a :class:`~asn_performance.consequences.RewardPolicy` to a table
that already has the ``predikat`` column (codes; any spelling of the
:class:`~asn_performance.domain.rating.Predikat` table is read). It reads the policy's own
tables -- ``policy.angka_kredit.percentages`` / ``.koefisien`` and ``policy.allowance`` -- and
the label tables of the enums (:class:`~asn_performance.domain.employee.Jenjang`,
:class:`~asn_performance.domain.rating.Predikat`, folded by
:func:`~asn_performance._kit.labels.fold_label`), never copies of them.

**Angka kredit** (rule ``AK-CONVERSION``; PermenPANRB 1/2023 Pasal 36, PerBKN 3/2023), as
:func:`~asn_performance.consequences.angka_kredit`: ``months/12 × percentage(predikat) ×
koefisien(jenjang)``, shown to 2 places half-up (decision D5): ``angka_kredit`` is the *shown*
value, ``AngkaKreditResult.shown``. A row whose ``jenjang`` is null or blank holds no jabatan
fungsional and gets a null ``angka_kredit`` without a problem; a row with a jenjang needs
``months`` (a whole number 1-12; there is no default: an annual 12 silently applied to a
monthly table would be twelve times too much).

**Tunjangan** (rules ``TUKIN-PERFORMANCE``, ``TUKIN-ATTENDANCE``, ``TUKIN-TOTAL``), as
:func:`~asn_performance.consequences.compute_allowance`: ``tunjangan_kinerja`` = base(kelas) ×
performance share × percentage(predikat), ``tunjangan_kehadiran`` = base × attendance share ×
(100 % − cuts, capped), each rounded half-up to whole rupiah; ``tunjangan`` = their sum (or the
unrounded sum rounded once when the policy's ``pay_rounded_components`` is false, as Kemnaker's
is). The attendance
columns ``days_absent``, ``missing_checks``, ``minutes_late_or_early``, ``missed_ceremonies``
count 0 when the column is absent or the cell is null (the object path's "no attendance
record: no cuts"). A policy without an allowance (``national``) gives null tunjangan columns
and reads neither ``kelas`` nor the attendance columns (nor the leave columns).

**Leave** (rules ``TUKIN-LEAVE``, ``TUKIN-STUDY``, ``TUKIN-NOT-PAID``): when the table has a
leave column (``leave``, ``leave_month``, ``leave_days``, ``duty_status``:
:mod:`~asn_performance.tables._leave`), each row's share paid -- the policy's
``LeavePolicy`` read as ``paid_share`` reads it -- multiplies both components before they
are rounded, as ``compute_allowance(..., leave=, status=)`` does, and ``paid_percent`` is
written.

**Problems** (``"RULE: message"``, appended to ``problem`` with ``"; "``): an unknown predikat
or jenjang (``D12-LABELS``); a row without a predikat and without an earlier problem
(``REWARD-APPRAISALS``); a JF row without months (``AK-MONTHS``); a months, kelas or count that
is not a whole number (``TYPE``) or out of its range (``RANGE``: months 1-12, kelas 1-999, counts
0-1,000,000, the object path's limits); no kelas, or a kelas not in the policy's table
(``TUKIN-KELAS``); the leave problems of :mod:`~asn_performance.tables._leave` (``TYPE``,
``RANGE``, ``TUKIN-LEAVE``). **A row with any of these problems gets null in all four result
columns** (and in ``paid_percent``)
(the object path raises for that employee); every other row is computed. A row whose
predikat is null gets null results (it arrives with appraise's problem, or gets
``REWARD-APPRAISALS``).

**Exactness.** Every policy value is a finite decimal. Each table is scaled once, at query
build time, to integers with a common number of places (``12.5`` → ``125`` at scale 1;
``0.01`` → ``1`` at scale 2), so each result is ``numerator / 10**k`` (or ``/ (12·10**k)`` for
angka kredit) with an integer numerator computed in Int64 (Int128 when a bound needs it), and
is rounded half-up once by ``(numerator + denominator/2) // denominator`` (numerators are never
negative; denominators are even). The largest numerator a policy can produce is bounded when
the query is built from the policy's largest values and the largest inputs (months 12, counts
1,000,000, every base, a share paid of 100 %): when that bound reaches ``10**27``,
:class:`PolicyError` (``D5-RANGE``) is raised instead. Below ``10**27`` the object path is
exact too -- its 28-digit products and its divisions by 10,000 are exact, and its one
inexact division (angka kredit by 12) stays closer to the true value than any half-up
boundary of 2 places is -- so both paths give the same value, digit for digit. The built-in
policies need at most ``3.3·10**13`` (Int64); with leave columns, Kemnaker's ``3.3·10**17``
(the share paid ``S`` is at most ``10**4``; the object path's product by the share and its
division by 100 are exact below ``10**27`` too).

**Tables of results.** A result depends on a few small codes only: the angka kredit on
(jenjang, predikat, months), the tunjangan kinerja on (kelas, predikat), the tunjangan
kehadiran on (kelas, cut), the total rounded once on (kelas, predikat, cut). So each is
computed, by the arithmetic above, once for every combination of codes into a small decimal
column, and every row gathers its result by the index of its combination (as the bare numpy
function of ``benchmarks/national.py`` does): no decimal is made row by row, which was most of
the query's time (an integer column's cast to ``Decimal`` costs four times a gather from a
decimal column). The tables are built by :mod:`~asn_performance.tables._reward_tables`. A
table of more than its :data:`~asn_performance.tables._reward_tables.TABLE_LIMIT` entries (fine
cuts: a scale of 4 places makes the cap 1,000,000 steps) is not built, and with leave columns
the share paid enters every product: those results are computed row by row, by the same
expressions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import polars as pl

from asn_performance._kit.labels import Labelled, fold_label
from asn_performance.consequences import AllowancePolicy, AngkaKreditRule, RewardPolicy
from asn_performance.consequences._common import MAX_KELAS
from asn_performance.domain.employee import Jenjang
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError, PolicyError
from asn_performance.tables._appraise import coded, coded_filled
from asn_performance.tables._codes import spellings
from asn_performance.tables._columns import ATTENDANCE, Columns
from asn_performance.tables._leave import LeaveColumns, LeaveRead, leave_fixes, read_leave
from asn_performance.tables._numbers import (
    Whole,
    check,
    gather,
    unsigned,
    whole_column,
    whole_problems,
)
from asn_performance.tables._problems import Check, any_problem, problem_texts, shown
from asn_performance.tables._reward_tables import (
    AK_TYPE,
    INDEX,
    MAX_COUNT,
    MONTHS,
    RUPIAH_TYPE,
    TukinPlan,
    ak_plan,
    amounts,
    angka_kredit_table,
    dense_kelas,
    looked_up,
    masked_gather,
    tables_fit,
    tukin_plan,
)

__all__ = ["MAX_COUNT", "rewards_fixes", "rewards_polars"]

#: Numerators must stay below this for both paths to be exact (see the module docstring).
_LIMIT: Final = 10**27
_INT64_MAX: Final = 2**63 - 1
_TMP: Final = "__asn_rewards_"
#: The code of a missing jenjang (null or blank: no jabatan fungsional), never a code of
#: :func:`_label_column` (-1 and up).
_NO_JENJANG: Final = -2
#: Integer types whose every value is an Int32: read as they are.
_NARROW: Final = (pl.Int8, pl.Int16, pl.Int32, pl.UInt8, pl.UInt16)


def _int_type(bound: int, policy: RewardPolicy) -> pl.DataType:
    if bound >= _LIMIT:
        raise PolicyError(
            "the policy's values have too many digits for exact arithmetic on a table"
            " (a result's numerator could reach 10**27)",
            path="policy",
            value=f"{policy.name} {policy.version}",
            rule="D5-RANGE",
            fix="give the policy's amounts and percentages with fewer decimal places",
        )
    return pl.Int64() if bound <= _INT64_MAX else pl.Int128()


# --------------------------------------------------------------------------------------------
# Reading the input columns
# --------------------------------------------------------------------------------------------


def _codes(enum: type[Labelled]) -> Callable[[pl.Series], pl.Series]:
    """A batch function: text → the member's position; -1 unknown; null for null or blank.

    The distinct values of the batch are folded in Python by the object path's own
    :func:`fold_label` (so every spelling ``Labelled.parse`` accepts is accepted here, and no
    other), then the column is mapped by ``replace_strict``.
    """
    table = spellings(enum)
    # The members' codes in position order: a column of codes (what appraise writes) is read
    # by one cast to an Enum, whose physical value is the position; any other spelling in the
    # batch sends the whole batch through the table.
    members = sorted(enum, key=lambda member: member.position)
    exact = pl.Enum([member.code for member in members])
    fast = [member.position for member in members] == list(range(len(members))) and all(
        table.get(fold_label(member.code)) == member.position for member in members
    )

    def codes(series: pl.Series) -> pl.Series:
        text = series.cast(pl.String)
        if fast:
            cast = text.cast(exact, strict=False)
            if cast.null_count() == text.null_count():
                return cast.to_physical().cast(pl.Int8)
        mapping: dict[str, int | None] = {}
        for value in text.drop_nulls().unique().to_list():
            mapping[value] = None if not value.strip() else table.get(fold_label(value), -1)
        if not mapping:
            return pl.Series(series.name, [None] * len(series), dtype=pl.Int8)
        return text.replace_strict(
            list(mapping), list(mapping.values()), default=None, return_dtype=pl.Int8
        )

    return codes


def _label_column(
    name: str,
    dtype: pl.DataType,
    enum: type[Labelled],
    data: pl.DataFrame | None,
    missing: int | None = None,
) -> pl.Expr:
    """The codes of column ``name`` (Int8: the member's position, -1 unknown), null where the
    cell is null or blank, or ``missing`` when given (:func:`coded_filled`)."""
    column = pl.col(name)
    if dtype == pl.Null:
        return pl.lit(missing, dtype=pl.Int8)
    if isinstance(dtype, (pl.Enum, pl.Categorical)):
        # by category, not cell by cell
        if missing is None:
            return coded(name, dtype, spellings(enum), data)
        return coded_filled(name, dtype, spellings(enum), data, missing=missing)
    codes = column.cast(pl.String).map_batches(
        _codes(enum), return_dtype=pl.Int8, is_elementwise=True
    )
    return codes if missing is None else codes.fill_null(missing)


# --------------------------------------------------------------------------------------------
# Problems
# --------------------------------------------------------------------------------------------


def rewards_fixes(
    columns: Columns, leave_columns: LeaveColumns | None = None
) -> dict[tuple[str, str], str]:
    """The fixes ``errors="raise"`` suggests for the problems of :func:`rewards_polars`, by
    (rule id, column name); the choices come from the enums' own tables."""
    c = columns
    predikat = "give a predikat: " + ", ".join(p.code for p in Predikat) + " (or a label)"
    jenjang = "give a jenjang: " + ", ".join(j.code for j in Jenjang) + ", or leave it empty"
    months = f"give {c.months}: the whole months of the period (1-12)"
    kelas = f"give {c.kelas}: a kelas jabatan in the policy's table (a whole number)"
    fixes = {
        ("D12-LABELS", c.predikat): predikat,
        ("REWARD-APPRAISALS", c.predikat): predikat,
        ("D12-LABELS", c.jenjang): jenjang,
        ("AK-MONTHS", c.months): months,
        ("TYPE", c.months): months,
        ("RANGE", c.months): months,
        ("TUKIN-KELAS", c.kelas): kelas,
        ("TYPE", c.kelas): kelas,
        ("RANGE", c.kelas): f"give {c.kelas}: a whole number from 1 to {MAX_KELAS}",
    }
    for role in ATTENDANCE:
        name = getattr(c, role)
        count = f"give {name}: a whole number from 0 to {MAX_COUNT:,} (empty counts 0)"
        fixes[("TYPE", name)] = fixes[("RANGE", name)] = count
    fixes.update(leave_fixes(leave_columns or LeaveColumns()))
    return fixes


# --------------------------------------------------------------------------------------------
# The query
# --------------------------------------------------------------------------------------------


def _temp(key: str) -> str:
    return f"{_TMP}{key}"


class _Query:
    """The three stages of the query: inputs read (temporary columns), problems, results."""

    def __init__(
        self,
        schema: pl.Schema,
        policy: RewardPolicy,
        columns: Columns,
        leave: LeaveColumns,
        data: pl.DataFrame | None = None,
    ) -> None:
        self.schema = schema
        self.data = data
        self.policy = policy
        self.c = columns
        self.leave_columns = leave
        self.leave: LeaveRead | None = None  # read by allowance() when the table has leave
        self.inputs: list[pl.Expr] = []
        self.problems: list[Check] = []
        self.counts: list[tuple[str, pl.Expr]] = []  # the attendance roles given, values

    def stage(self, key: str, expr: pl.Expr) -> pl.Expr:
        """Add a temporary input column; return a reference to it."""
        self.inputs.append(expr.alias(_temp(key)))
        return pl.col(_temp(key))

    def given(self, name: str) -> bool:
        return name in self.schema

    def read_whole(self, key: str, name: str) -> Whole:
        """A whole-number column (:meth:`whole`), its value staged (the flags read the
        original column)."""
        read = self.whole(name)
        return read._replace(value=self.stage(key, read.value))

    def whole(self, name: str) -> Whole:
        """A whole-number column (:func:`whole_column`), an integer column of 32 bits or
        fewer read as it is (the same values as Int64, in half the working memory or less)."""
        read = whole_column(name, self.schema[name])
        return read._replace(value=pl.col(name)) if self.schema[name] in _NARROW else read

    # -- inputs and their problems -------------------------------------------------------

    def predikat(self, given_problem: pl.Expr) -> None:
        c = self.c
        code = self.stage(
            "p", _label_column(c.predikat, self.schema[c.predikat], Predikat, self.data)
        )
        self.problems += [
            check(
                code == -1,
                "D12-LABELS",
                f"{c.predikat} ",
                shown(c.predikat, self.schema[c.predikat]),
                " is not a predikat",
            ),
            check(
                code.is_null() & given_problem.is_null(),
                "REWARD-APPRAISALS",
                f"{c.predikat} is empty: the row has no predikat, nothing to reward",
            ),
        ]

    def angka_kredit(self) -> bool:
        """Stage jenjang and months; False when no row can have an angka kredit."""
        c = self.c
        if self.policy.angka_kredit is None or not self.given(c.jenjang):
            return False
        # without nulls (_NO_JENJANG where the cell is null or blank): see coded_filled
        jenjang = self.stage(
            "j",
            _label_column(c.jenjang, self.schema[c.jenjang], Jenjang, self.data, _NO_JENJANG),
        )
        is_jf = jenjang != _NO_JENJANG
        self.problems.append(
            check(
                jenjang == -1,
                "D12-LABELS",
                f"{c.jenjang} ",
                shown(c.jenjang, self.schema[c.jenjang]),
                " is not a jenjang",
            )
        )
        if not self.given(c.months):
            self.stage("m", pl.lit(None, dtype=pl.Int64))
            self.problems.append(
                check(
                    is_jf,
                    "AK-MONTHS",
                    f"{c.months} is missing for a jabatan fungsional (no column {c.months}:"
                    " the angka kredit is prorated by the months of the period, 1-12)",
                )
            )
            return True
        months = self.read_whole("m", c.months)
        self.problems.append(
            check(
                is_jf & months.missing,
                "AK-MONTHS",
                f"{c.months} is missing for a jabatan fungsional (the angka kredit is prorated"
                " by the months of the period, 1-12)",
            )
        )
        self.problems += whole_problems(
            c.months, self.schema[c.months], months, 1, 12, needed=is_jf
        )
        return True

    def allowance(self, plan: TukinPlan, allowance: AllowancePolicy) -> None:
        c = self.c
        where = f"policy {allowance.name!r} {allowance.version}"
        if not self.given(c.kelas):
            self.stage("k", pl.lit(None, dtype=pl.Int64))
            self.stage("kd", pl.lit(-1, dtype=INDEX))
            self.problems.append(
                check(
                    pl.lit(True),
                    "TUKIN-KELAS",
                    f"{c.kelas} is missing: no column {c.kelas} ({where} pays by kelas jabatan)",
                )
            )
        else:
            read = self.whole(c.kelas)
            kelas = read._replace(value=self.stage("k", read.value))
            in_range = kelas.value.is_between(1, MAX_KELAS)
            # the kelas's position in the policy's table (-1 when not in it, or not 1-999:
            # read at 0, so the index is never negative: unsigned; no nulls, see
            # masked_gather): staged beside the kelas, read by this check and by the result
            # tables' indices (one gather for both)
            given = read.value.is_between(1, MAX_KELAS)
            at = unsigned(pl.when(given).then(read.value).otherwise(0))
            positions = [-1 if d is None else d for d in dense_kelas(plan)]
            unknown = self.stage("kd", gather(positions, at, INDEX)) == -1
            self.problems += [
                check(
                    kelas.missing,
                    "TUKIN-KELAS",
                    f"{c.kelas} is empty: no kelas jabatan ({where} pays by kelas)",
                ),
                *whole_problems(c.kelas, self.schema[c.kelas], kelas, 1, MAX_KELAS),
                check(
                    in_range & unknown,
                    "TUKIN-KELAS",
                    # the text starts with the column's name ("kelas jabatan 8 ...")
                    "kelas jabatan " if c.kelas == "kelas" else f"{c.kelas} (kelas jabatan) ",
                    kelas.value.cast(pl.String),
                    f" is not in the table of {where} (kelas {plan.known})",
                ),
            ]
        for role in ATTENDANCE:
            name = getattr(c, role)
            if self.given(name):
                # not staged: the cut reads the value where it is computed (a cast of the
                # column), so that no temporary column per count is kept beside the others
                count = self.whole(name)
                self.counts.append((role, count.value))
                self.problems += whole_problems(name, self.schema[name], count, 0, MAX_COUNT)
        self.leave = read_leave(self.schema, self.leave_columns, allowance, self.stage)
        if self.leave is not None:
            self.problems += self.leave.problems

    # -- results -------------------------------------------------------------------------

    def angka_kredit_result(self, rule: AngkaKreditRule, ok: pl.Expr) -> pl.Expr:
        """The shown angka kredit, looked up by (jenjang, predikat, months) in the table of
        every combination (:func:`angka_kredit_table`)."""
        plan = ak_plan(rule)
        table = angka_kredit_table(plan, _int_type(plan.bound, self.policy))
        jenjang, predikat = (pl.col(_temp(key)).cast(INDEX) for key in ("j", "p"))
        # months beyond Int32 are a problem of the row (not computed): null here
        months = pl.col(_temp("m")).cast(INDEX, strict=False)
        index = (jenjang * len(plan.percent) + predikat) * MONTHS + months
        # a computed row with a jenjang (a jabatan fungsional): its codes are in range
        # (jenjang 0-7, predikat 0-4, months 1-12); every other row gets null
        return masked_gather(table, index, ok & (pl.col(_temp("j")) >= 0))

    def bound(self, plan: TukinPlan) -> int:
        """The largest numerator of the tunjangan: the plan's, times the largest share paid
        (``10**exponent``) when the table has leave columns."""
        return plan.bound * (1 if self.leave is None else 10**self.leave.exponent)

    def allowance_results(
        self, plan: TukinPlan, ok: pl.Expr
    ) -> tuple[pl.Expr, pl.Expr, pl.Expr | None]:
        """The tunjangan kinerja, tunjangan kehadiran and tunjangan; the tunjangan is None
        when it is the sum of the first two columns (:func:`looked_up`)."""
        dtype = _int_type(self.bound(plan), self.policy)
        # the cut in Int32 when its largest value (every count at its limit) fits: a count
        # beyond Int32 is a problem of the row (not computed), read here as 0
        narrow = MAX_COUNT * sum(plan.rates) + plan.cap < 2**31
        cut_type = INDEX if narrow else dtype
        # the sum of the counts times their rates (a rate of 1 not multiplied, a rate of 0
        # not read: one pass fewer each over the rows)
        rates = dict(zip(ATTENDANCE, plan.rates, strict=True))
        terms: list[pl.Expr] = []
        for role, value in self.counts:
            if rates[role]:
                count = value.cast(cut_type, strict=False).fill_null(0)
                rate = rates[role]
                terms.append(count if rate == 1 else count * pl.lit(rate, dtype=cut_type))
        uncapped = pl.lit(0, dtype=cut_type) if not terms else terms[0]
        for term in terms[1:]:
            uncapped = uncapped + term
        cut = pl.min_horizontal(uncapped, pl.lit(plan.cap, dtype=cut_type))
        kelas, predikat = pl.col(_temp("k")), pl.col(_temp("p"))
        if self.leave is None and tables_fit(plan):
            return looked_up(plan, dtype, ok, kelas, predikat, cut, pl.col(_temp("kd")))
        # a leave or a status multiplies both components by the share paid, S / 10**e, before
        # they are rounded (_leave): computed row by row
        base = gather(plan.base, unsigned(pl.when(ok).then(kelas)), dtype)
        percent = gather(plan.percent, unsigned(pl.when(ok).then(predikat)), dtype)
        share = None if self.leave is None else self.leave.share.cast(dtype)
        lift = 1 if self.leave is None else 10**self.leave.exponent
        performance, attendance, total = amounts(
            plan, dtype, base, percent, cut.cast(dtype), share, lift
        )
        return (
            performance.cast(RUPIAH_TYPE),
            attendance.cast(RUPIAH_TYPE),
            total.cast(RUPIAH_TYPE),
        )


def _none(dtype: pl.DataType) -> pl.Expr:
    return pl.lit(None, dtype=dtype)


def rewards_polars(
    lf: pl.LazyFrame,
    policy: RewardPolicy,
    columns: Columns,
    leave_columns: LeaveColumns | None = None,
    data: pl.DataFrame | None = None,
    *,
    appraised: bool = False,
) -> pl.LazyFrame:
    """Add ``angka_kredit`` and the tunjangan columns by ``policy``; append problems.

    Needs the ``predikat`` column (see the module docstring for every column read and
    written, the problems and the proof of exactness). Every input column is kept. The leave
    columns (``leave_columns``, default :class:`~asn_performance.tables._leave.LeaveColumns`)
    are read when the policy has an allowance and the table has one of them; ``paid_percent``
    is then written too. ``data``: the table ``lf`` reads, when it is in memory (a
    Categorical column of it is coded once through its categories: ``coded``).
    ``appraised``: ``lf`` is :func:`~asn_performance.tables._appraise.appraise_polars`'s
    query, whose ``problem`` column is null or a text, never empty: read as it is.

    Raises:
        PolicyError: ``policy`` is not a RewardPolicy, or its values have too many digits for
            exact arithmetic (``D5-RANGE``).
        InputError: the table has no ``predikat`` column.
    """
    if not isinstance(policy, RewardPolicy):
        raise PolicyError(
            "policy must be a RewardPolicy",
            path="policy",
            value=type(policy).__name__,
            rule="TYPE",
            fix="pass a built-in policy (load_builtin_policy('national')) or your own",
        )
    schema = lf.collect_schema()
    c = columns
    if c.predikat not in schema:
        raise InputError(
            f"the table has no column {c.predikat!r}: the rewards follow the predikat",
            path=c.predikat,
            value=sorted(schema.names())[:20],
            rule="REWARD-APPRAISALS",
            fix="appraise the table first (tables.rewards does), or name the predikat column",
        )
    query = _Query(schema, policy, c, leave_columns or LeaveColumns(), data)
    given_problem = pl.col(c.problem).cast(pl.String) if c.problem in schema else _none(pl.String())
    if not appraised:
        given_problem = pl.when(given_problem != "").then(given_problem)
    query.predikat(given_problem)
    has_ak = query.angka_kredit()
    allowance = policy.allowance
    plan = None if allowance is None else tukin_plan(allowance)
    if allowance is not None and plan is not None:
        query.allowance(plan, allowance)
    # The bounds are checked before any query runs.
    ak_rule = policy.angka_kredit if has_ak else None
    if ak_rule is not None:
        _int_type(ak_plan(ak_rule).bound, policy)
    if plan is not None:
        _int_type(query.bound(plan), policy)

    # computed when no problem holds (the conditions alone; the texts are built apart, only
    # for the rows that have a problem) and the row has a predikat; a column, read by every
    # result
    second = [any_problem(query.problems).alias(_temp("bad"))]
    if query.leave is not None:
        # the share paid, a column read by every amount (an expression would be computed
        # once per use: five times)
        second.append(query.leave.share.alias(_temp("share")))
        query.leave = query.leave._replace(share=pl.col(_temp("share")))
    staged = lf.with_columns(query.inputs).with_columns(second)
    bad = pl.col(_temp("bad"))
    ok = ~bad & pl.col(_temp("p")).is_not_null()
    results = [
        (_none(AK_TYPE) if ak_rule is None else query.angka_kredit_result(ak_rule, ok)).alias(
            c.angka_kredit
        )
    ]
    none = _none(RUPIAH_TYPE)
    performance, attendance, total = (
        (none, none, none) if plan is None else query.allowance_results(plan, ok)
    )
    results += [
        performance.alias(c.tunjangan_kinerja),
        attendance.alias(c.tunjangan_kehadiran),
    ]
    # the tunjangan as the sum of the two columns once written (None: see looked_up), with
    # the columns after it, in the same order
    later: list[pl.Expr] = []
    if total is None:
        paid = pl.col(c.tunjangan_kinerja) + pl.col(c.tunjangan_kehadiran)
        later.append(paid.cast(RUPIAH_TYPE).alias(c.tunjangan))
    else:
        results.append(total.alias(c.tunjangan))
    rest = results if total is not None else later
    if query.leave is not None:
        percent = query.leave.percent(pl.when(ok).then(query.leave.share))
        rest.append(percent.alias(query.leave_columns.paid_percent))
    texts = problem_texts(query.problems, given_problem, any_holds=bad, blank_free=True)
    rest.append(texts.alias(c.problem))
    temporary = [e.meta.output_name() for e in [*query.inputs, *second]]
    out = staged.with_columns(results)
    if later:
        out = out.with_columns(later)
    return out.drop(temporary)
