"""The problem column and ``errors="raise"``.

A row with a missing or unknown value is not computed: its results are null and its
``problem`` column holds ``"RULE-ID: <column> ..."`` for each problem, joined with ``"; "``
(every other row is computed). Each problem's text starts with its rule id and then the name
of the column it concerns, so that :func:`raise_problems` can name ``rows[i].<column>``.

With ``errors="raise"`` the public functions raise :class:`TableError` instead: one
:class:`~asn_performance.exceptions.Problem` per bad row (its first problem's column, value and
rule; the row's whole problem text as the message), at most
:data:`~asn_performance.exceptions.MAX_LISTED`, the rest counted in ``more``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import polars as pl

from asn_performance.exceptions import MAX_LISTED, AsnPerformanceError, InputError, Problem

__all__ = [
    "ERRORS",
    "TableError",
    "check_errors",
    "join_problems",
    "problem",
    "quoted",
    "raise_problems",
    "shown",
]

#: The accepted values of ``errors=``.
ERRORS: Final = ("mark", "raise")

#: How long a value may be in a problem's text before it is cut.
_SHOWN: Final = 60

_GENERIC_FIX: Final = (
    "correct the value in this row (or pass errors='mark' to compute the other rows and mark"
    " this one)"
)


class TableError(AsnPerformanceError, ValueError):
    """Rows of a table have problems (``errors="raise"``): :attr:`problems` lists one per bad
    row, its path ``rows[i].<column>`` (``i`` the 0-based row position), the value, the rule,
    the row's problems and the fix; :attr:`more` counts the bad rows beyond those listed."""


def check_errors(errors: object) -> str:
    """``errors`` when it is ``"mark"`` or ``"raise"``; else an :class:`InputError`."""
    if not isinstance(errors, str) or errors not in ERRORS:
        raise InputError(
            "errors must be 'mark' or 'raise'",
            path="errors",
            value=errors,
            rule="TYPE",
            fix="pass errors='mark' (bad rows get a problem) or errors='raise'",
        )
    return errors


def quoted(expr: pl.Expr) -> pl.Expr:
    """A cell's value as text in single quotes, cut to 60 characters, a ``;`` shown as ``,``
    (problems are separated by ``"; "``)."""
    text = expr.cast(pl.String).str.replace_all(";", ",", literal=True)
    shown = (
        pl.when(text.str.len_chars() > _SHOWN)
        .then(text.str.slice(0, _SHOWN - 3) + pl.lit("..."))
        .otherwise(text)
    )
    return pl.lit("'") + shown + pl.lit("'")


def shown(name: str, where: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    """The cell of column ``name`` :func:`quoted` where ``where`` holds, else null.

    A problem's text is built only for the rows that have the problem: a batch (a morsel of
    the streaming engine) without such a row returns nulls without reading the column as
    text. polars evaluates both branches of ``when/then`` on every row, so quoting under a
    ``when`` would turn every cell into text; on 4.5 million rows that was a third of the
    time of ``appraise`` (``benchmarks/national.py``). A value of a nested type is shown by
    its type's name.
    """
    flag = where.fill_null(False)
    if dtype.is_nested() or dtype == pl.Object:
        return pl.when(flag).then(pl.lit(f"<{dtype}>"))

    def batch(pair: pl.Series) -> pl.Series:
        flags = pair.struct.field("w")
        if not flags.any():
            return pl.repeat(None, len(pair), dtype=pl.String, eager=True)
        cells = pair.struct.unnest()
        return cells.select(quoted(pl.when(pl.col("w")).then(pl.col("v")))).to_series()

    return pl.struct(flag.alias("w"), pl.col(name).alias("v")).map_batches(
        batch, return_dtype=pl.String, is_elementwise=True
    )


def problem(condition: pl.Expr, rule: str, column: str, text: pl.Expr | str) -> pl.Expr:
    """``"RULE: column text"`` where ``condition`` holds, else null."""
    rest = pl.lit(text) if isinstance(text, str) else text
    return pl.when(condition).then(pl.lit(f"{rule}: {column} ") + rest).otherwise(None)


def join_problems(parts: Sequence[pl.Expr], existing: pl.Expr | None = None) -> pl.Expr:
    """The problems of a row joined with ``"; "`` (after ``existing`` ones); null when none.

    Joined per batch, and only in a batch where some row has a problem: joining null texts
    still builds an empty text per row, a tenth of a second on 4.5 million rows.
    """
    items = [*([] if existing is None else [existing]), *parts]
    fields = [f"p{index}" for index in range(len(items))]

    def batch(problems: pl.Series) -> pl.Series:
        cells = problems.struct.unnest()
        size = len(problems)
        if all(cells[name].null_count() == size for name in fields):
            return pl.repeat(None, size, dtype=pl.String, eager=True)
        joined = pl.concat_str(fields, separator="; ", ignore_nulls=True)
        return cells.select(pl.when(joined != "").then(joined)).to_series()

    return pl.struct(
        *(item.cast(pl.String).alias(name) for item, name in zip(items, fields, strict=True))
    ).map_batches(batch, return_dtype=pl.String, is_elementwise=True)


def _first(text: str, names: Iterable[str]) -> tuple[str | None, str | None]:
    """The rule id and the column of the first problem in a row's problem text."""
    rule, _, rest = text.partition(": ")
    column = max((n for n in names if rest.startswith(n + " ")), key=len, default=None)
    return (rule or None), column


def raise_problems(
    lf: pl.LazyFrame,
    problem_column: str,
    names: Iterable[str],
    fixes: Mapping[tuple[str, str], str] | None = None,
) -> None:
    """Raise :class:`TableError` when any row of ``lf`` has a problem (runs the query).

    ``names`` are the columns a problem may concern; ``fixes`` maps (rule id, column) to the
    fix to suggest (a generic fix otherwise).
    """
    known = sorted(set(names))
    index = "__asn_row__"
    while index in lf.collect_schema():
        index += "_"
    bad = lf.with_row_index(index).filter(pl.col(problem_column).is_not_null())
    wanted = [c for c in known if c in lf.collect_schema() and c != problem_column]
    listed_q = bad.select(index, problem_column, *wanted).head(MAX_LISTED)
    count_q = bad.select(pl.len())
    listed, counted = pl.collect_all([listed_q, count_q])
    total = int(counted.item())
    if total == 0:
        return
    problems: list[Problem] = []
    for row in listed.iter_rows(named=True):
        text = str(row[problem_column])
        rule, column = _first(text, known)
        path = f"rows[{row[index]}]" + (f".{column}" if column else "")
        value = row.get(column) if column is not None else None
        fix = (fixes or {}).get((rule or "", column or ""), _GENERIC_FIX)
        message = text.removeprefix(f"{rule}: ") if rule else text
        problems.append(Problem(message, path, value, rule, fix))
    first, *also = problems
    raise TableError(
        first.message,
        path=first.path,
        value=first.value,
        rule=first.rule,
        fix=first.fix,
        also=also,
        more=total - len(problems),
    )
