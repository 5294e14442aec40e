"""The predikat of every row, as one lazy polars query (PermenPANRB 6/2022; SE MenPANRB 3/2023).

Each rating column is folded and coded once per distinct value, with the same folding and the
same spellings as :meth:`Rating.parse <asn_performance._kit.labels.Labelled.parse>` (library
decision D12; :mod:`asn_performance.tables._codes`); the predikat is then gathered from the
6/2022 matrix by the integer index ``hasil * 3 + perilaku``. A unit head's hasil kerja is the
D3 mapping of the organisation predikat (SE MenPANRB 3/2023), as in
:func:`asn_performance.appraise` with ``leads_unit``.

A row with a missing or unknown value gets a problem and null results; the other rows are
computed. The problems, in order: ``unit_head`` not true or false (``TYPE``); a rating that is
not a rating, or an organisation predikat that is not one (``D12-LABELS``); a missing rating
(``6/2022-PEJABAT-PENILAI``, as the object path: the pejabat penilai's assessment must give
it; a unit head's hasil kerja may be missing, since the organisation's replaces it); a unit
head without organisation predikat (``D3-UNIT-HEAD``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, cast

import polars as pl

from asn_performance.exceptions import InputError
from asn_performance.tables._codes import (
    MATRIX,
    MATRIX_RULE,
    ORGANISATION_SPELLINGS,
    PREDIKAT_CODES,
    PREDIKAT_LABELS,
    RATING_SPELLINGS,
    UNIT_HEAD,
    UNIT_HEAD_RULE,
    code_of,
)
from asn_performance.tables._columns import Columns
from asn_performance.tables._numbers import unsigned
from asn_performance.tables._problems import Check, any_problem, problem, problem_texts, shown

__all__ = ["appraise_fixes", "appraise_polars", "coded", "coded_filled", "require"]

_TEXT: Final = (pl.String, pl.Categorical, pl.Enum)
#: A category not coded yet (:class:`_DictionaryCodes`): never a code (codes are -1 and up).
_UNSEEN: Final = -2
#: Up to this many distinct spellings in a batch, a column is coded by comparisons.
_COMPARED: Final = 8
#: A Categorical column of a table in memory whose physical values span at most this many
#: is coded once through its categories (:func:`_category_table`).
_SPAN: Final = 4096
#: An Enum of at most this many categories has physical values of one byte, below 128 (an
#: Int8 bit for bit).
_BYTE: Final = 127

#: Spellings of a unit-head flag given as text (folded), to true or false.
_FLAGS: Final = {
    "true": 1,
    "false": 0,
    "ya": 1,
    "tidak": 0,
    "yes": 1,
    "no": 0,
    "y": 1,
    "n": 0,
    "t": 1,
    "f": 0,
    "1": 1,
    "0": 0,
}

#: The ``rules`` of a computed row: the matrix, or for a unit head D3 then the matrix.
RULES: Final = (MATRIX_RULE, f"{UNIT_HEAD_RULE};{MATRIX_RULE}")

#: The predikat code at every index a computed row can have: ``hasil * 3 + perilaku`` (0-8,
#: the 6/2022 matrix) for a row that does not lead a unit; ``9 + organisation * 3 +
#: perilaku`` (9-23) for a unit head, whose hasil kerja is the D3 mapping of the organisation
#: predikat (:data:`UNIT_HEAD`), then the matrix. One table, one gather per row.
_PREDIKAT_AT: Final = MATRIX + tuple(
    MATRIX[hasil * 3 + perilaku] for hasil in UNIT_HEAD for perilaku in range(3)
)
#: Where a unit head's indices start in :data:`_PREDIKAT_AT`.
_HEADS: Final = len(MATRIX)
#: The position in :data:`RULES` at every index of :data:`_PREDIKAT_AT`: the matrix alone
#: below :data:`_HEADS`, D3 then the matrix from there (the ``rules`` by the same index as
#: the predikat: one gather, no cast of the unit-head flag per row).
_RULES_AT: Final = (0,) * _HEADS + (1,) * (len(_PREDIKAT_AT) - _HEADS)

_RATING_CHOICES: Final = "di_atas_ekspektasi, sesuai_ekspektasi, di_bawah_ekspektasi (or a label)"
_ORGANISATION_CHOICES: Final = "istimewa, baik, butuh_perbaikan, kurang, sangat_kurang"


def appraise_fixes(columns: Columns) -> dict[tuple[str, str], str]:
    """The fixes ``errors="raise"`` suggests, by (rule id, column name)."""
    rating = f"give a rating: {_RATING_CHOICES}"
    organisation = f"give the unit's organisation predikat: {_ORGANISATION_CHOICES}"
    return {
        ("D12-LABELS", columns.rating_hasil_kerja): rating,
        ("D12-LABELS", columns.rating_perilaku_kerja): rating,
        ("6/2022-PEJABAT-PENILAI", columns.rating_hasil_kerja): rating,
        ("6/2022-PEJABAT-PENILAI", columns.rating_perilaku_kerja): rating,
        ("D12-LABELS", columns.organisation_predikat): organisation,
        (UNIT_HEAD_RULE, columns.organisation_predikat): organisation,
        ("TYPE", columns.unit_head): "write true or false (ya/tidak, 1/0)",
    }


def require(schema: pl.Schema, *names: str) -> None:
    """Refuse a table without one of the columns ``names`` (rule ``TABLE-COLUMN``)."""
    for name in names:
        if name not in schema:
            shown = ", ".join(list(schema)[:20])
            raise InputError(
                f"the table has no column {name!r}",
                path=f"columns.{name}",
                value=shown,
                rule="TABLE-COLUMN",
                fix=f"add the column, or name yours with columns={{...: 'your name'}} ({shown})",
            )


def _lookup(series: pl.Series, table: Mapping[str, int]) -> pl.Series:
    """The code of each cell, looked up once per distinct value (null missing, -1 unknown)."""
    distinct = series.unique().drop_nulls().to_list()
    pairs = [(value, code_of(table, value)) for value in distinct]
    known = [(value, code) for value, code in pairs if code is not None]
    if not known:
        return pl.Series(series.name, [None] * len(series), dtype=pl.Int8)
    listed = [(value, code) for value, code in pairs if code != -1]
    if len(listed) <= _COMPARED:
        # A few spellings (the usual case): one comparison each is cheaper than a hash
        # lookup of every cell; any other text is unknown (-1).
        cell = pl.col("v")
        other = pl.when(cell.is_not_null()).then(pl.lit(-1, pl.Int8))
        chain: Any = None
        for value, code in listed:
            chain = (pl.when(cell == value) if chain is None else chain.when(cell == value)).then(
                pl.lit(code, pl.Int8)
            )
        expr = other if chain is None else chain.otherwise(other)
        return series.alias("v").to_frame().select(expr).to_series().alias(series.name)
    return series.replace_strict(
        [value for value, _ in known],
        [code for _, code in known],
        default=None,
        return_dtype=pl.Int8,
    )


class _DictionaryCodes:
    """The codes of a Categorical column, batch by batch, by the categories' integer codes.

    A table of codes indexed by the physical (integer) value of a category is kept for the
    query (:data:`_UNSEEN` where a category has not been met yet); each batch is one gather
    from it, and only a batch holding a category not met before reads those categories' texts
    and codes them (folded as ``Labelled.parse`` folds them). No cell is read as text.
    """

    def __init__(self, table: Mapping[str, int]) -> None:
        self._table = table
        self._codes = pl.Series([], dtype=pl.Int8)

    def __call__(self, series: pl.Series) -> pl.Series:
        physical = series.to_physical()
        top = physical.max()
        if top is None:  # every cell missing
            return pl.repeat(None, len(series), dtype=pl.Int8, eager=True)
        codes = self._codes
        if int(cast(int, top)) >= len(codes):
            grown = int(cast(int, top)) + 1 - len(codes)
            codes = codes.extend_constant(_UNSEEN, grown)
        found = codes.gather(physical)
        unseen = found == _UNSEEN
        if unseen.any():
            new = series.filter(unseen).unique()
            texts = new.cast(pl.String).to_list()
            values = pl.Series([code_of(self._table, text) for text in texts], dtype=pl.Int8)
            codes = codes.scatter(new.to_physical(), values)
            found = codes.gather(physical)
        self._codes = codes
        return found.alias(series.name)


def _category_table(values: pl.Series, table: Mapping[str, int]) -> tuple[int, pl.Series] | None:
    """The codes of the categories a Categorical column's cells can hold: ``(low, codes)``,
    the code of the category of physical value ``low + i`` at ``codes[i]``, where ``low`` is
    the smallest physical value of ``values`` and the table reaches its largest; None when
    the column is all nulls or its physical values span more than :data:`_SPAN` (the
    categories in the span are coded one by one, as :func:`code_of` codes a cell)."""
    physical = values.to_physical()
    low, high = physical.min(), physical.max()
    if low is None or high is None:
        return None
    low, high = int(cast(int, low)), int(cast(int, high))
    if high - low >= _SPAN:
        return None
    categories = cast(pl.Categorical, values.dtype).categories
    codes: list[int | None] = []
    for value in range(low, high + 1):
        try:
            text: str | None = str(categories[value])
        except IndexError:  # a physical value no category holds yet: in no cell
            text = None
        codes.append(code_of(table, text))
    return low, pl.Series(codes, dtype=pl.Int8)


def coded(
    name: str,
    dtype: pl.DataType,
    table: Mapping[str, int],
    data: pl.DataFrame | None = None,
) -> pl.Expr:
    """Column ``name`` as Int8 codes of ``table`` (null when missing, -1 when not a spelling):
    text is folded as ``Labelled.parse`` folds it; a value that is not text is unknown.

    A dictionary-encoded column (polars ``Enum`` or ``Categorical``, what Parquet and Arrow
    dictionary columns become) is coded per category and looked up by its integer codes: the
    cells are never read as text, which is most of the cost of a text column. ``data``: the
    table the query reads, when it is in memory (its column ``name`` as the query reads it):
    a Categorical column is then coded once, through the categories its physical values
    span (:func:`_category_table`), and each row gathers its code by one unsigned index;
    else (a lazy table) batch by batch (:class:`_DictionaryCodes`).
    """
    column = pl.col(name)
    if isinstance(dtype, (pl.Enum, pl.Categorical)):
        return _dictionary_coded(name, dtype, table, data)
    if isinstance(dtype, _TEXT):
        return column.cast(pl.String).map_batches(
            lambda series: _lookup(series, table), return_dtype=pl.Int8, is_elementwise=True
        )
    if dtype == pl.Null:
        return pl.lit(None, pl.Int8)
    missing = column.is_null()
    if dtype.is_float():
        missing = missing | column.is_nan()
    return pl.when(missing).then(pl.lit(None, pl.Int8)).otherwise(pl.lit(-1, pl.Int8))


def coded_filled(
    name: str,
    dtype: pl.DataType,
    table: Mapping[str, int],
    data: pl.DataFrame | None = None,
    *,
    missing: int,
) -> pl.Expr:
    """:func:`coded` with ``missing`` (a value that is not a code: below -1) where
    :func:`coded` gives null: a column without nulls.

    Measured on 4.5 million rows of which 60 % have no ``jenjang`` (``benchmarks/national.py``):
    polars gathers, casts and computes much slower into a column with nulls (it builds the
    validity bit by bit): a Categorical column's codes took 25 ms of CPU with nulls, 8 ms
    with ``missing`` in their place. A Categorical column of a table in memory is coded by
    one gather from the table of its span with ``missing`` as its last entry, at which a
    null cell's index is filled (:func:`_category_table`).
    """
    if isinstance(dtype, pl.Categorical) and data is not None:
        given = data.get_column(name, default=None)
        found = None if given is None or given.dtype != dtype else _category_table(given, table)
        if found is not None:
            low, codes = found
            filled = codes.fill_null(missing).append(pl.Series([missing], dtype=pl.Int8))
            span = pl.col(name).to_physical() - pl.lit(low, dtype=pl.UInt32)
            return pl.lit(filled).gather(span.fill_null(pl.lit(len(codes), dtype=pl.UInt32)))
    return coded(name, dtype, table, data).fill_null(missing)


def _dictionary_coded(
    name: str,
    dtype: pl.Enum | pl.Categorical,
    table: Mapping[str, int],
    data: pl.DataFrame | None,
) -> pl.Expr:
    """:func:`coded` for an ``Enum`` or ``Categorical`` column."""
    column = pl.col(name)
    if isinstance(dtype, pl.Enum):
        categories = dtype.categories.to_list()
        lut = [code_of(table, text) for text in categories]
        if lut == list(range(len(lut))) and len(lut) <= _BYTE:
            # each category's code is its position (an Enum of the codes in order, as
            # appraise writes ``predikat``): the physical value itself, one byte per row,
            # read as Int8 (bit for bit: every value is below 128)
            return column.to_physical().cast(pl.UInt8).reinterpret(signed=True)
        return pl.lit(pl.Series(lut, dtype=pl.Int8)).gather(column.to_physical())
    given = None if data is None else data.get_column(name, default=None)
    found = None if given is None or given.dtype != dtype else _category_table(given, table)
    if found is not None:
        low, codes = found
        # the physical values are unsigned and at least ``low``: an unsigned index into the
        # table of the span. Measured on 4.5 million rows (``benchmarks/national.py``): a
        # gather from the table of the span by ``physical - low`` costs half a gather from a
        # table indexed by the physical value itself (whose entries below ``low`` are never
        # read, but make a table of as many entries as the process has categories)
        return pl.lit(codes).gather(column.to_physical() - pl.lit(low, dtype=pl.UInt32))
    return column.map_batches(_DictionaryCodes(table), return_dtype=pl.Int8, is_elementwise=True)


def _flag(name: str, dtype: pl.DataType, data: pl.DataFrame | None = None) -> pl.Expr:
    """The unit-head flag as Int8: 1 true, 0 false or missing, -1 neither."""
    column = pl.col(name)
    if dtype == pl.Boolean:
        return column.cast(pl.Int8).fill_null(0)
    if isinstance(dtype, _TEXT):
        return coded(name, dtype, _FLAGS, data).fill_null(0)
    if dtype.is_numeric():
        value = pl.when(column == 1).then(1).when(column == 0).then(0).otherwise(-1)
        missing = column.is_null() | (column.is_nan() if dtype.is_float() else pl.lit(False))
        return pl.when(missing).then(0).otherwise(value).cast(pl.Int8)
    if dtype == pl.Null:
        return pl.lit(0, pl.Int8)
    return pl.when(column.is_null()).then(0).otherwise(-1).cast(pl.Int8)


def _enum(values: tuple[str, ...], index: pl.Expr, at: tuple[int, ...] | None = None) -> pl.Expr:
    """``values[at[index]]`` (``values[index]`` without ``at``) for each row as a polars
    ``Enum`` of ``values`` (in their order): one small integer per row instead of a text, and
    a column that sorts in the rule's order. ``index``: unsigned (:func:`unsigned`)."""
    chosen = values if at is None else [values[i] for i in at]
    return pl.lit(pl.Series(chosen, dtype=pl.Enum(values))).gather(index)


def appraise_polars(
    lf: pl.LazyFrame, columns: Columns, data: pl.DataFrame | None = None
) -> pl.LazyFrame:
    """Add ``predikat``, ``predikat_label``, ``rules`` and ``problem`` to every row of ``lf``.

    Every input column is kept (an existing ``problem`` column keeps its text, this stage's
    problems appended). The ratings columns are required; ``unit_head`` (absent: nobody leads
    a unit) and ``organisation_predikat`` are optional. ``data``: the table ``lf`` reads,
    when it is in memory (see :func:`coded`). The ``problem`` column written is null or a
    text, never empty (``rewards_polars(..., appraised=True)`` reads it so).
    """
    c = columns
    schema = lf.collect_schema()
    require(schema, c.rating_hasil_kerja, c.rating_perilaku_kerja)
    tmp = "__asn_appraise_"
    h, p, o, head, pidx, computed = (tmp + s for s in ("h", "p", "o", "head", "pidx", "ok"))
    organisation = (
        coded(
            c.organisation_predikat,
            schema[c.organisation_predikat],
            ORGANISATION_SPELLINGS,
            data,
        )
        if c.organisation_predikat in schema
        else pl.lit(None, pl.Int8)
    )
    flag = (
        _flag(c.unit_head, schema[c.unit_head], data)
        if c.unit_head in schema
        else pl.lit(0, pl.Int8)
    )
    hasil_code = coded(c.rating_hasil_kerja, schema[c.rating_hasil_kerja], RATING_SPELLINGS, data)
    perilaku_code = coded(
        c.rating_perilaku_kerja, schema[c.rating_perilaku_kerja], RATING_SPELLINGS, data
    )
    lf = lf.with_columns(
        hasil_code.alias(h),
        perilaku_code.alias(p),
        organisation.alias(o),
        flag.alias(head),
    )
    is_head = pl.col(head) == 1
    checks = [
        problem(
            pl.col(head) == -1,
            "TYPE",
            c.unit_head,
            shown(c.unit_head, schema[c.unit_head]) + pl.lit(" is not true or false"),
        )
        if c.unit_head in schema
        else None,
        *_rating_checks(pl.col(h), c.rating_hasil_kerja, schema, ~is_head),
        *_rating_checks(pl.col(p), c.rating_perilaku_kerja, schema, pl.lit(True)),
        problem(
            pl.col(o) == -1,
            "D12-LABELS",
            c.organisation_predikat,
            shown(c.organisation_predikat, schema[c.organisation_predikat])
            + pl.lit(" is not an organisation predikat"),
        )
        if c.organisation_predikat in schema
        else None,
        problem(
            is_head & pl.col(o).is_null(),
            UNIT_HEAD_RULE,
            c.organisation_predikat,
            "is missing: a unit head's rating hasil kerja is the organisation predikat",
        ),
    ]
    present = [check for check in checks if check is not None]
    # A row is computed when none of the problems holds (read from the codes: the texts are
    # built apart, only for the rows that have a problem).
    lf = lf.with_columns((~any_problem(present)).alias(computed))
    ok = pl.col(computed)
    # The index into _PREDIKAT_AT, null when the row is not computed; never negative on a
    # computed row (its codes are a rating's, 0-2, and a unit head's organisation predikat's,
    # 0-4), so unsigned: the gathers read it as it is.
    first = pl.when(is_head).then(pl.col(o) * 3 + _HEADS).otherwise(pl.col(h) * 3)
    lf = lf.with_columns(unsigned(pl.when(ok).then(first + pl.col(p))).alias(pidx))
    existing = pl.col(c.problem).cast(pl.String) if c.problem in schema else None
    return lf.with_columns(
        _enum(PREDIKAT_CODES, pl.col(pidx), _PREDIKAT_AT).alias(c.predikat),
        _enum(PREDIKAT_LABELS, pl.col(pidx), _PREDIKAT_AT).alias(c.predikat_label),
        _enum(RULES, pl.col(pidx), _RULES_AT).alias(c.rules),
        problem_texts(present, existing, any_holds=~ok).alias(c.problem),
    ).drop(h, p, o, head, pidx, computed)


def _rating_checks(
    code: pl.Expr, name: str, schema: pl.Schema, needed: pl.Expr
) -> tuple[Check, Check]:
    """The problems of a rating cell: not a rating (always), or missing (when ``needed``)."""
    unknown = problem(
        code == -1,
        "D12-LABELS",
        name,
        shown(name, schema[name]) + pl.lit(" is not a rating"),
    )
    missing = problem(
        code.is_null() & needed,
        "6/2022-PEJABAT-PENILAI",
        name,
        "is missing: the pejabat penilai kinerja gives both ratings",
    )
    return unknown, missing
