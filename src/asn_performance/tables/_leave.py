"""Leave, tugas belajar, CLTN and MPP in the tunjangan of a table (Permenaker 15/2024 Pasal 4, 14).

The columnar twin of :func:`~asn_performance.consequences.allowance.compute_allowance`'s
``leave=`` and ``status=`` (:func:`~asn_performance.consequences._leave.paid_share`): it reads
the policy's own :class:`~asn_performance.consequences.allowance.LeavePolicy` -- the kinds paid
in full, the reductions of cuti besar and cuti sakit per month, the miscarriage rate per day,
the tugas belajar percentage -- never a copy of them, and gives each row the *share paid* as a
scaled integer, by which :mod:`~asn_performance.tables._rewards` multiplies both components
before it rounds them (so the rounding stays where the object path rounds: each component, or
the net amount once).

**Columns** (:class:`LeaveColumns`, each renamable with ``leave_columns=``):

* ``leave`` -- the kind of leave, a :class:`~asn_performance.consequences.allowance.LeaveKind`
  code (``cuti_tahunan``, ``cuti_melahirkan``, ``cuti_karena_alasan_penting``,
  ``cuti_besar_kurang_dari_1_bulan``, ``cuti_besar``, ``cuti_sakit``,
  ``cuti_sakit_gugur_kandungan``, ``cltn``); empty: no leave.
* ``leave_month`` -- which month of the leave the month paid is (1 for its first), a whole
  number 1-120 (``MAX_LEAVE_MONTHS``). Needed for ``cuti_besar`` and ``cuti_sakit``, reduced by
  the month (the table never assumes month 1, where ``Leave(kind)`` defaults to it: a month 2
  silently read as month 1 would pay 100 % of a cuti sakit instead of 50 %); read, and
  checked, for the other kinds.
* ``leave_days`` -- the length in days of a ``cuti_sakit_gugur_kandungan`` (needed for it,
  refused for the other kinds, as ``Leave`` refuses them), a whole number 1-366.
* ``duty_status`` -- a :class:`~asn_performance.consequences.allowance.DutyStatus` code
  (``tugas_belajar``, ``bebas_tugas_mpp``); empty: none.
* ``paid_percent`` (written) -- the share of the month's amount paid, in percent (100 for a
  row without a leave or a status; null for a row with a problem), as
  ``AllowanceResult.paid_percent``.

The codes are read as :func:`~asn_performance._kit.labels.fold_label` folds a label (library
decision D12): case, runs of spaces, hyphens and underscores do not matter (``Cuti Sakit``,
``CUTI-SAKIT``); a code is never matched in part. The object path takes the code itself
(``strip().casefold()``), so the table reads a superset of its spellings. A column of another
name (``cuti``, ``jenis_cuti``, ``status``) is never read: name it with ``leave_columns=``.

**Problems** (the row is not computed; the rules are the object path's): an unknown kind or
status (``TYPE``, as ``Leave`` and ``parse_status`` refuse it); a month or days that is not a
whole number (``TYPE``) or out of range (``RANGE``); ``TUKIN-LEAVE``: a leave or status under
a policy without leave rules, a miscarriage without days, days for another kind, a cuti besar
or cuti sakit without its month, a month or days without a leave, a cuti besar beyond the
policy's months, a miscarriage beyond the daily rate's last day, a kind the policy does not
list. The checks that read the policy's reductions are skipped in a month of bebas tugas for
MPP, which pays nothing whatever the leave (``paid_share`` returns before them).

**Exactness.** Every reduction and 100 share one scale ``sl``, the tugas belajar percentage
and 100 another ``ss``: the share paid is ``S / 10**(sl+ss+4)`` of the month's amount, ``S =
(100 − reduction) × (study percent or 100)`` in integers, and the reward query multiplies each
numerator by ``S`` and each denominator by ``10**(sl+ss+4)`` (still a power of ten: the
half-up rounding is unchanged). A row without a leave or status has ``S = 10**(sl+ss+4)``, so
its amounts are those of a table without leave columns.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Final, NamedTuple

import attrs
import polars as pl

from asn_performance._kit.labels import fold_label
from asn_performance.consequences.allowance import (
    MAX_LEAVE_DAYS,
    MAX_LEAVE_MONTHS,
    AllowancePolicy,
    DutyStatus,
    LeaveKind,
    LeavePolicy,
)
from asn_performance.exceptions import InputError
from asn_performance.tables._appraise import coded
from asn_performance.tables._columns import Columns
from asn_performance.tables._numbers import (
    Whole,
    check,
    gather,
    scaled,
    whole_column,
    whole_problems,
)
from asn_performance.tables._problems import Check, shown

__all__ = [
    "MAX_LEAVE_DAYS",
    "LeaveColumns",
    "LeaveRead",
    "leave_columns_of",
    "leave_fixes",
    "read_leave",
]

_KINDS: Final = tuple(LeaveKind)
_STATUSES: Final = tuple(DutyStatus)
#: Every spelling of a code the table reads (folded as ``fold_label`` folds) → its position.
_KIND_CODES: Final = {fold_label(kind.code): i for i, kind in enumerate(_KINDS)}
_STATUS_CODES: Final = {fold_label(status.code): i for i, status in enumerate(_STATUSES)}
_MPP: Final = _STATUSES.index(DutyStatus.MPP)
_STUDY: Final = _STATUSES.index(DutyStatus.TUGAS_BELAJAR)
_MISCARRIAGE: Final = _KINDS.index(LeaveKind.SICK_MISCARRIAGE)
_BY_MONTH: Final = (_KINDS.index(LeaveKind.LONG), _KINDS.index(LeaveKind.SICK))


@attrs.frozen
class LeaveColumns:
    """The names of the leave columns :func:`~asn_performance.tables.rewards` reads and writes
    (defaults: the convention of this module's docstring)."""

    leave: str = "leave"
    leave_month: str = "leave_month"
    leave_days: str = "leave_days"
    duty_status: str = "duty_status"
    paid_percent: str = "paid_percent"


def leave_columns_of(value: object, columns: Columns) -> LeaveColumns:
    """``value`` as :class:`LeaveColumns` (None: the defaults; a mapping renames some roles),
    each name its own and none a name of ``columns`` (``TABLE-COLUMN``)."""
    if value is None:
        names = LeaveColumns()
    elif isinstance(value, LeaveColumns):
        names = value
    elif isinstance(value, Mapping):
        known = [field.name for field in attrs.fields(LeaveColumns)]
        for key, name in value.items():
            if key not in known:
                raise InputError(
                    f"unknown leave column role {key!r}",
                    path=f"leave_columns[{key!r}]",
                    value=key,
                    rule="TYPE",
                    fix=f"use one of {', '.join(known)}",
                )
            if not isinstance(name, str) or not name:
                raise InputError(
                    "a column name must be non-empty text",
                    path=f"leave_columns[{key!r}]",
                    value=name,
                    rule="TYPE",
                    fix="give the column's name as text",
                )
        names = LeaveColumns(**dict(value))
    else:
        raise InputError(
            "leave_columns must be a LeaveColumns or a mapping of role to column name",
            path="leave_columns",
            value=type(value).__name__,
            rule="TYPE",
            fix='pass e.g. {"leave": "jenis_cuti"}',
        )
    owner = {str(name): role for role, name in attrs.asdict(columns).items()}
    for field in attrs.fields(LeaveColumns):
        name = getattr(names, field.name)
        first = owner.setdefault(name, field.name)
        if first != field.name:
            raise InputError(
                f"the roles {first!r} and {field.name!r} both name the column {name!r}",
                path=f"leave_columns[{field.name!r}]",
                value=name,
                rule="TABLE-COLUMN",
                fix=f"give {field.name!r} a column name of its own",
            )
    return names


def leave_fixes(names: LeaveColumns) -> dict[tuple[str, str], str]:
    """The fixes ``errors="raise"`` suggests for the leave problems, by (rule id, column)."""
    kinds = ", ".join(kind.code for kind in _KINDS)
    month = (
        f"give {names.leave_month}: which month of the leave (1 for its first), a whole number"
        f" 1-{MAX_LEAVE_MONTHS}, within the policy's months for a cuti besar"
    )
    days = (
        f"give {names.leave_days} (1-{MAX_LEAVE_DAYS}, within the policy's daily rate) for a"
        " cuti_sakit_gugur_kandungan only"
    )
    leave = (
        f"give {names.leave}: one of {kinds}, or leave it empty; under a policy without leave"
        " rules pay the month by hand"
    )
    status = (
        f"give {names.duty_status}: tugas_belajar or bebas_tugas_mpp (a CLTN is a leave:"
        f" {names.leave}), or leave it empty"
    )
    return {
        ("TYPE", names.leave): leave,
        ("TUKIN-LEAVE", names.leave): leave,
        ("TYPE", names.duty_status): status,
        ("TUKIN-LEAVE", names.duty_status): status,
        **{(rule, names.leave_month): month for rule in ("TYPE", "RANGE", "TUKIN-LEAVE")},
        **{(rule, names.leave_days): days for rule in ("TYPE", "RANGE", "TUKIN-LEAVE")},
    }


class _How(enum.IntEnum):
    """How the policy pays a month of each kind of leave."""

    FULL = 0
    LONG = 1
    SICK = 2
    MISCARRIAGE = 3
    NOT_PAID = 4
    NOT_LISTED = 5


_LONG: Final = int(_How.LONG)
_SICK: Final = int(_How.SICK)
_MISC: Final = int(_How.MISCARRIAGE)
_NOT_PAID: Final = int(_How.NOT_PAID)
_NOT_LISTED: Final = int(_How.NOT_LISTED)


def _how(policy: LeavePolicy, kind: LeaveKind) -> _How:
    if kind in policy.paid_in_full:
        return _How.FULL
    by_kind = {
        LeaveKind.LONG: _How.LONG,
        LeaveKind.SICK: _How.SICK,
        LeaveKind.SICK_MISCARRIAGE: _How.MISCARRIAGE,
        LeaveKind.CLTN: _How.NOT_PAID,
    }
    return by_kind.get(kind, _How.NOT_LISTED)


class _Plan(NamedTuple):
    """A :class:`LeavePolicy` as scaled integers (see the module's exactness note)."""

    how: tuple[int, ...]  # _How by LeaveKind position
    long_leave: tuple[int, ...]  # reductions at scale sl, month 1 first
    sick_leave: tuple[int, ...]
    sick_after: int
    per_day: int
    free_days: int
    last_day: int
    hundred: int  # 100 at scale sl
    study: int  # at scale ss
    study_hundred: int  # 100 at scale ss
    exponent: int  # sl + ss + 4: the share is S / 10**exponent
    places: int  # the fewest places that show every share in percent
    citation: str


def _plan(policy: LeavePolicy) -> _Plan:
    reductions = [
        *policy.long_leave,
        *policy.sick_leave,
        policy.sick_leave_after,
        policy.miscarriage_per_day,
        Decimal(100),
    ]
    sl, ints = scaled(reductions)
    n_long, n_sick = len(policy.long_leave), len(policy.sick_leave)
    ss, (study, study_hundred) = scaled([policy.study_percent, Decimal(100)])
    hundred = ints[-1]
    # Every share a row can have, in units of 10**-(sl+ss+2) percent: the places to show them.
    days = range(policy.miscarriage_last_day - policy.miscarriage_free_days + 1)
    remaining = {hundred, 0, *(hundred - r for r in ints[: n_long + n_sick + 1])}
    remaining |= {hundred - d * ints[-2] for d in days}
    shares = {r * t for r in remaining for t in (study, study_hundred)}
    places = sl + ss + 2
    while places > 0 and all(s % 10 ** (sl + ss + 2 - places + 1) == 0 for s in shares):
        places -= 1
    return _Plan(
        how=tuple(int(_how(policy, kind)) for kind in _KINDS),
        long_leave=ints[:n_long],
        sick_leave=ints[n_long : n_long + n_sick],
        sick_after=ints[n_long + n_sick],
        per_day=ints[-2],
        free_days=policy.miscarriage_free_days,
        last_day=policy.miscarriage_last_day,
        hundred=hundred,
        study=study,
        study_hundred=study_hundred,
        exponent=sl + ss + 4,
        places=places,
        citation=policy.citation,
    )


class LeaveRead(NamedTuple):
    """What :func:`read_leave` adds to the reward query."""

    problems: list[Check]
    share: pl.Expr  # S (Int64): the share paid is S / 10**exponent of the month's amount
    exponent: int
    percent: Callable[[pl.Expr], pl.Expr]  # S (where computed) → the paid_percent column


_Stage = Callable[[str, pl.Expr], pl.Expr]


def _text_codes(name: str, dtype: pl.DataType, table: dict[str, int]) -> pl.Expr:
    """The position of each cell's code (-1 unknown, null when missing or blank)."""
    return coded(name, dtype, table).cast(pl.Int64)


def _whole_read(
    schema: pl.Schema, name: str, key: str, stage: _Stage, low: int, high: int
) -> tuple[Whole, list[Check]]:
    if name not in schema:
        return Whole(pl.lit(None, dtype=pl.Int64), pl.lit(False), pl.lit(False)), []
    read = whole_column(name, schema[name])
    problems = whole_problems(name, schema[name], read, low, high)
    return read._replace(value=stage(key, read.value)), problems


def read_leave(
    schema: pl.Schema,
    names: LeaveColumns,
    allowance: AllowancePolicy,
    stage: _Stage,
) -> LeaveRead | None:
    """The leave columns of a table under ``allowance``: their problems and each row's share.

    None when the table has none of the four input columns (the reward query is then the
    query of a table without leave). ``stage(key, expr)`` adds a temporary input column and
    returns a reference to it.
    """
    n = names
    if not any(name in schema for name in (n.leave, n.leave_month, n.leave_days, n.duty_status)):
        return None
    where = f"policy {allowance.name!r} {allowance.version}"
    kind = (
        stage("lk", _text_codes(n.leave, schema[n.leave], _KIND_CODES))
        if n.leave in schema
        else pl.lit(None, dtype=pl.Int64)
    )
    status = (
        stage("ls", _text_codes(n.duty_status, schema[n.duty_status], _STATUS_CODES))
        if n.duty_status in schema
        else pl.lit(None, dtype=pl.Int64)
    )
    month, month_problems = _whole_read(schema, n.leave_month, "lm", stage, 1, MAX_LEAVE_MONTHS)
    days, days_problems = _whole_read(schema, n.leave_days, "ld", stage, 1, MAX_LEAVE_DAYS)
    known = kind >= 0
    kinds = ", ".join(k.code for k in _KINDS)
    problems: list[Check] = []
    if n.leave in schema:
        problems.append(
            check(
                kind == -1,
                "TYPE",
                f"{n.leave} ",
                shown(n.leave, schema[n.leave]),
                f" is not a kind of leave ({kinds})",
            )
        )
    if n.duty_status in schema:
        statuses = ", ".join(s.code for s in _STATUSES)
        problems.append(
            check(
                status == -1,
                "TYPE",
                f"{n.duty_status} ",
                shown(n.duty_status, schema[n.duty_status]),
                f" is not a duty status ({statuses}, a CLTN is a leave: {n.leave})",
            )
        )
    problems += month_problems + days_problems
    month_given = month.value.is_not_null() | month.not_whole | month.too_large
    days_given = days.value.is_not_null() | days.not_whole | days.too_large
    miscarriage = kind == _MISCARRIAGE
    by_month = kind.is_in(list(_BY_MONTH))
    if n.leave_month in schema:
        problems.append(
            check(
                month_given & kind.is_null(),
                "TUKIN-LEAVE",
                f"{n.leave_month} is given without a leave ({n.leave} is empty)",
            )
        )
    problems.append(
        check(
            by_month & month.missing,
            "TUKIN-LEAVE",
            f"{n.leave_month} is missing: a cuti besar or a cuti sakit is reduced by the month"
            " of the leave (1 for its first month, never assumed)",
        )
    )
    problems += [
        check(
            miscarriage & days.missing,
            "TUKIN-LEAVE",
            f"{n.leave_days} is missing: a cuti sakit for a miscarriage is reduced by the day,"
            " its length is needed",
        ),
        check(
            days_given & known & ~miscarriage,
            "TUKIN-LEAVE",
            f"{n.leave_days} is read only for a cuti_sakit_gugur_kandungan",
        ),
        check(
            days_given & kind.is_null(),
            "TUKIN-LEAVE",
            f"{n.leave_days} is given without a leave ({n.leave} is empty)",
        ),
    ]
    policy = allowance.leave
    if policy is None:
        for name, code in ((n.leave, kind), (n.duty_status, status)):
            if name in schema:
                problems.append(
                    check(
                        code.is_not_null(),
                        "TUKIN-LEAVE",
                        f"{name} ",
                        shown(name, schema[name]),
                        f": the allowance {where} has no leave rules, it cannot pay a month"
                        " with a leave or a status",
                    )
                )
        # the share is never used: every row with a leave or status has a problem
        return LeaveRead(
            problems, pl.lit(1, dtype=pl.Int64), 0, lambda share: _percent(share * 100, 0, 0)
        )
    plan = _plan(policy)
    how = gather(plan.how, pl.when(known).then(kind), pl.Int64())
    checked = known & (status.fill_null(-1) != _MPP)  # MPP pays 0 before any reduction
    # a month or days out of range has its RANGE problem only
    month_in = pl.when(month.value.is_between(1, MAX_LEAVE_MONTHS)).then(month.value)
    days_in = pl.when(days.value.is_between(1, MAX_LEAVE_DAYS)).then(days.value)
    n_long = len(plan.long_leave)
    problems += [
        check(
            checked & (how == _LONG) & (month_in > n_long),
            "TUKIN-LEAVE",
            f"{n.leave_month} ",
            month.value.cast(pl.String),
            f": cuti besar is reduced in months 1 to {n_long} only by the {where}",
        ),
        check(
            checked & (how == _MISC) & (days_in > plan.last_day),
            "TUKIN-LEAVE",
            f"{n.leave_days} ",
            days.value.cast(pl.String),
            f": the daily rate of the {where} covers a miscarriage leave up to day"
            f" {plan.last_day} (the regulation does not say what follows: pay it by hand)",
        ),
        check(
            checked & (how == _NOT_LISTED),
            "TUKIN-LEAVE",
            f"{n.leave} ",
            shown(n.leave, schema[n.leave]) if n.leave in schema else pl.lit(""),
            f": the {where} does not say what is paid during it (add it to leave.paid_in_full,"
            " or pay the month by hand)",
        ),
    ]
    return LeaveRead(
        problems,
        _share(plan, kind, how, month.value, days.value, status),
        plan.exponent,
        lambda share: _percent(share, plan.exponent - 2, plan.places),
    )


def _share(
    plan: _Plan, kind: pl.Expr, how: pl.Expr, month: pl.Expr, days: pl.Expr, status: pl.Expr
) -> pl.Expr:
    """S: (100 − reduction) × (the study percentage or 100), 0 for CLTN or MPP; scaled."""
    index = month - 1
    in_long = index.is_between(0, len(plan.long_leave) - 1)
    in_sick = index.is_between(0, len(plan.sick_leave) - 1)
    counted = (days - plan.free_days).clip(lower_bound=0)
    # an index is guarded by when/then: polars evaluates every branch on every row
    reduction = (
        pl.when(how == _LONG)
        .then(gather(plan.long_leave, pl.when(in_long).then(index), pl.Int64()))
        .when((how == _SICK) & in_sick)
        .then(gather(plan.sick_leave, pl.when(in_sick).then(index), pl.Int64()))
        .when(how == _SICK)
        .then(pl.lit(plan.sick_after, dtype=pl.Int64))
        .when(how == _MISC)
        .then(counted * pl.lit(plan.per_day, dtype=pl.Int64))
        .otherwise(pl.lit(0, dtype=pl.Int64))
    )
    remaining = pl.lit(plan.hundred, dtype=pl.Int64) - pl.when(kind.is_not_null()).then(
        reduction
    ).otherwise(0)
    study = pl.when(status == _STUDY).then(plan.study).otherwise(plan.study_hundred)
    not_paid = (how == _NOT_PAID).fill_null(False) | (status == _MPP).fill_null(False)
    return pl.when(not_paid).then(pl.lit(0, dtype=pl.Int64)).otherwise(remaining * study)


def _percent(share: pl.Expr, exponent: int, places: int) -> pl.Expr:
    """``share / 10**exponent`` (exact at ``places``) as a decimal with ``places`` places."""
    dtype = pl.Decimal(38, places)
    whole = share // pl.lit(10 ** (exponent - places), dtype=pl.Int64)
    unit = pl.lit(Decimal(1).scaleb(-places), dtype=dtype)
    return (whole.cast(pl.Decimal(38, 0)) * unit).cast(dtype)
