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
from typing import Final, NamedTuple

import polars as pl

from asn_performance.exceptions import MAX_LISTED, AsnPerformanceError, InputError, Problem

__all__ = [
    "ERRORS",
    "Check",
    "TableError",
    "any_problem",
    "check_errors",
    "problem",
    "problem_texts",
    "quoted",
    "raise_problems",
    "shown",
]

#: The accepted values of ``errors=``.
ERRORS: Final = ("mark", "raise")

#: One missing text, spread over a batch's rows where no problem holds.
_NO_TEXT: Final = pl.Series("problem", [None], dtype=pl.String)

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


def shown(name: str, dtype: pl.DataType) -> pl.Expr:
    """The cell of column ``name`` :func:`quoted` for a problem's text (a value of a nested
    type by its type's name). Used inside a :class:`Check`'s text, which is evaluated only
    on the rows that have a problem (:func:`problem_texts`)."""
    if dtype.is_nested() or dtype == pl.Object:
        return pl.lit(f"<{dtype}>")
    return quoted(pl.col(name))


class Check(NamedTuple):
    """One problem a row may have: ``condition`` (true where it has it; null counts as false)
    and the ``text`` shown then (``"RULE: column ..."``)."""

    condition: pl.Expr
    text: pl.Expr

    @property
    def holds(self) -> pl.Expr:
        """The condition, null read as false."""
        return self.condition.fill_null(False)


def problem(condition: pl.Expr, rule: str, column: str, text: pl.Expr | str) -> Check:
    """The check ``"RULE: column text"`` where ``condition`` holds."""
    rest = pl.lit(text) if isinstance(text, str) else text
    return Check(condition, pl.lit(f"{rule}: {column} ") + rest)


def any_problem(checks: Sequence[Check]) -> pl.Expr:
    """Whether a row has any of the problems ``checks`` (from the conditions alone)."""
    if not checks:
        return pl.lit(False)
    return pl.any_horizontal(*(check.holds for check in checks))


def problem_texts(
    checks: Sequence[Check],
    existing: pl.Expr | None = None,
    *,
    any_holds: pl.Expr | None = None,
    blank_free: bool = False,
) -> pl.Expr:
    """The problem column: ``existing`` problems (a column, null or empty when none) and
    the texts of the ``checks`` that hold, joined with ``"; "``; null when there are none.

    The texts are built only for the rows that have a problem: per batch (a morsel of the
    streaming engine), the rows whose condition holds are taken out, their texts joined and
    put back in place, and a batch without one is all nulls. polars evaluates both branches
    of ``when/then`` on every row, so writing the texts as one expression would build (and
    quote) a text for every row: on 4.5 million rows that was a third of the time of
    ``appraise`` (``benchmarks/national.py``). ``any_holds``: :func:`any_problem` of the
    checks when the caller has it already (a column), so that it is not computed twice.
    ``blank_free``: ``existing`` is null or a text, never empty (a problem column this
    package wrote), read as it is: no comparison of every row's text with ``""``.
    """
    blank = existing is not None and not blank_free
    given = pl.when(existing != "").then(existing) if blank else existing
    flag = any_problem(checks) if any_holds is None else any_holds
    if given is not None:
        flag = flag | given.is_not_null()
    parts = [] if given is None else [given]
    parts += [pl.when(check.holds).then(check.text) for check in checks]
    if not parts:
        return pl.lit(None, dtype=pl.String)
    joined = pl.concat_str(parts, separator="; ", ignore_nulls=True)
    names = sorted({name for part in [flag, *parts] for name in part.meta.root_names()})
    marker = "__asn_has_problem__"
    while marker in names:
        marker += "_"

    def batch(series: Sequence[pl.Series]) -> pl.Series:
        # a literal (a flag or a column of the texts written as pl.lit) comes as one value:
        # spread over the batch's rows, as the expressions would spread it
        height = max(len(part) for part in series)
        given = [
            part.new_from_index(0, height) if len(part) == 1 < height else part for part in series
        ]
        mask = given[0]
        # a column of nulls spread from one null (measured: a twentieth of the time of
        # ``pl.repeat(None, ...)`` on a batch of 100,000 rows)
        out = _NO_TEXT.new_from_index(0, height)
        if not mask.any():
            return out
        frame = pl.DataFrame(given).filter(mask)
        texts = frame.select(pl.when(joined != "").then(joined)).to_series()
        return out.scatter(mask.arg_true(), texts)

    # The columns are handed over as separate Series, not as one struct of them: building the
    # struct measured about 75 bytes more working memory per row on the rewards of
    # ``benchmarks/national.py`` (30 MB per morsel of 400,000 rows), and 0.03 s more.
    inputs = [flag.alias(marker), *(pl.col(name) for name in names)]
    return pl.map_batches(inputs, batch, return_dtype=pl.String, is_elementwise=True)


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
    raise TableError.from_problems(problems, more=total - len(problems))
