"""The distribution check of SE MenPANRB 3/2023 for every unit of a table, in one lazy query.

SE MenPANRB No. 3 Tahun 2023 (Pasal 24-25 PermenPANRB 6/2022; Pasal 41(7) PP 30/2019) lets the
organisation's *capaian kinerja* limit how the predikat of its employees may be distributed.
The limits, their thresholds and the D4 rounding are those of the object path: this module
reads :data:`~asn_performance.consequences.distribution.DISTRIBUTION_LIMITS` compiled by the
same function :func:`~asn_performance.consequences.distribution.oversee` uses, and computes
each threshold with the same integer formula (floor or ceil of ``num/den × total``), so the
report equals :func:`~asn_performance.check_distribution` unit for unit.

How the query counts (measured on 4.5 million rows in 150,000 units, ``benchmarks``): the rows are
read once, into one small code per row (the predikat, the organisation predikat) and a 32-bit hash
of (unit, [period], nip), and counted by one ``map_batches`` node (:class:`_PerUnit`): a single
group-by of (unit, [period], predikat code, organisation predikat code) that only counts the rows of
each combination -- the few combinations of a unit are then summed per unit -- in place of a
per-unit group-by aggregating every row (for text units 0.15 s against 0.25 s and 113 MiB against
232 MiB). A dictionary-encoded unit is grouped and hashed by its integer codes -- with no period,
counted with no hash table at all, by ``bincount`` over its dense codes (:meth:`_PerUnit._dense`;
0.05 s against 0.09 s for a group-by of one packed key per row) -- and the per-unit rows are turned
into text afterwards; their order (by the unit's text) is worked out in the count (for a
dictionary-encoded unit on another thread while the rows are counted: :meth:`_PerUnit._order`),
before each is repeated once per limit of its organisation predikat
(:func:`~asn_performance.tables._report.limit_rows`), so that the report (one row per unit and
limit) is in order without sorting it. Duplicated NIPs within a unit and period (the e-Kinerja
exports repeat employees) are dropped before counting, keeping the first (SE3/2023-ONE-EACH), and
counted per unit in ``duplicates``: the hashes are sorted to find those that occur twice (0.06 s,
against 0.45 s for ``is_first_distinct`` over the hashes; on a second thread while the rows are
counted), and only the rows with such a hash -- the true repeats and any collision -- are
compared by their values (:func:`_repeats`), so a collision can never drop an employee: the
counts are exact. The text of an organisation predikat that is not one is read only from the
rows that hold one.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any, Final, cast

import narwhals as nw
import numpy as np
import polars as pl

from asn_performance.consequences.distribution import (
    PREDIKAT_ORDER,
    Rounding,
)
from asn_performance.domain.rating import OrganisationPredikat
from asn_performance.exceptions import InputError
from asn_performance.tables._appraise import coded
from asn_performance.tables._codes import ORGANISATION_SPELLINGS, PREDIKAT_SPELLINGS
from asn_performance.tables._columns import Columns
from asn_performance.tables._report import (
    COUNT_COLUMNS,
    ORGANISATION_ENUM,
    ROUNDING_ENUM,
    limit_rows,
    rollup_polars,
)

__all__ = ["PERIOD", "REPORT_COLUMNS", "ROLLUP_COLUMNS", "distribution_polars", "rollup_polars"]

#: The column that splits a unit by period when the table has it (``read_ekinerja`` writes it).
PERIOD: Final = "period"

#: The predikat codes, best first: the order of the count columns.
_CODES: Final = tuple(p.code for p in PREDIKAT_ORDER)
_COUNT_COLUMNS: Final = COUNT_COLUMNS
_UNKNOWN: Final = 6
#: The organisation predikat: codes 0-4 are bits 0-4 of a unit's set, an unknown value bit 5.
_ORGS: Final = len(OrganisationPredikat)
_BITS: Final = pl.Series([1 << bit for bit in range(_ORGS + 1)], dtype=pl.Int16)
_DUPLICATE: Final = 7
#: Up to this many slots (8 per unit code, 8 bytes each) a dictionary-encoded unit is counted
#: by its dense codes whatever the number of rows (:meth:`_PerUnit._dense`); beyond, while
#: they stay under 4 per row.
_DENSE_SLOTS: Final = 1 << 20
#: The rows whose unit × 8 + code keys :func:`_slots` counts at a time (8 MiB of keys).
_BLOCK: Final = 1 << 20

#: The columns of the report after the unit keys (``unit``, then ``period`` and ``agency``
#: when present), in order.
REPORT_COLUMNS: Final = (
    "organisation_predikat",
    "rounding",
    "total",
    "limit_bound",
    "limit_predikat",
    "limit_percent",
    "limit_count",
    "count",
    "percent",
    "threshold",
    "ok",
    "wording",
    *_COUNT_COLUMNS,
    "not_counted",
    "duplicates",
    "problem",
)

#: The columns of the roll-up after ``agency`` (when given).
ROLLUP_COLUMNS: Final = (
    "units",
    "units_within",
    "units_violating",
    "units_with_problem",
    "employees",
    "not_counted",
    "duplicates",
)

_ORG_BY_POSITION: Final = {member.position: member.code for member in OrganisationPredikat}
#: Every spelling ``OrganisationPredikat.parse`` accepts, folded, to the member's code.
_ORG_SPELLINGS: Final[Mapping[str, str]] = {
    text: _ORG_BY_POSITION[position] for text, position in ORGANISATION_SPELLINGS.items()
}


def _fold(expr: pl.Expr) -> pl.Expr:
    """:func:`~asn_performance._kit.labels.fold_label` as a polars expression."""
    return (
        expr.str.strip_chars()
        .str.to_lowercase()
        .str.replace_all(r"[\s_\-]+", " ")
        .str.replace_all(" / ", "/", literal=True)
    )


def _organisation_frame(value: Any, unit: str) -> pl.LazyFrame:
    """The organisation predikat given per unit as a lazy frame of (unit, organisation_predikat)."""
    if isinstance(value, Mapping):
        parsed: dict[object, str] = {}  # each distinct spelling parsed once
        codes: dict[str, str] = {}
        for key, org in value.items():
            code = parsed.get(org) if isinstance(org, str) else None
            if code is None:
                code = OrganisationPredikat.parse(org, field=f"organisation_predikat[{key!r}]").code
                if isinstance(org, str):
                    parsed[org] = code
            codes[str(key)] = code
        return pl.LazyFrame(
            {unit: list(codes), "organisation_predikat": list(codes.values())},
            schema={unit: pl.String, "organisation_predikat": pl.String},
        )
    if isinstance(value, (pl.DataFrame, pl.LazyFrame)):
        lazy = value.lazy()
        names = lazy.collect_schema().names()
        missing = [name for name in (unit, "organisation_predikat") if name not in names]
        if missing:
            raise InputError(
                f"the organisation predikat frame has no column {missing[0]!r}",
                path="organisation_predikat",
                value=names,
                rule="TABLE-COLUMN",
                fix=f"give a frame with the columns {unit!r} and 'organisation_predikat'",
            )
        return lazy.select(
            pl.col(unit).cast(pl.String), pl.col("organisation_predikat").cast(pl.String)
        )
    try:
        native = nw.from_native(value)
    except TypeError:
        native = None
    if isinstance(native, nw.DataFrame):
        return _organisation_frame(native.to_polars(), unit)
    if isinstance(native, nw.LazyFrame):
        return _organisation_frame(native.collect().to_polars(), unit)
    raise InputError(
        "organisation_predikat must be None (read the column), a mapping of unit to"
        " predikat, or a frame of (unit, organisation_predikat)",
        path="organisation_predikat",
        value=type(value).__name__,
        rule="TYPE",
        fix="pass e.g. {'Dinas Pendidikan': 'baik'}",
    )


def _problem(org: pl.Expr, known: pl.Expr, spellings: pl.Expr, unknown: pl.Expr) -> pl.Expr:
    """The unit's problem: no organisation predikat, an unknown spelling, or two of them."""
    return (
        pl.when(unknown.is_not_null())
        .then(
            pl.lit("D12-LABELS: unknown organisation predikat ")
            + unknown
            + pl.lit("; use istimewa, baik, butuh_perbaikan, kurang or sangat_kurang")
        )
        .when(known > 1)
        .then(
            pl.lit("SE3/2023-ORGANISATION-PREDIKAT: the unit has ")
            + known.cast(pl.String)
            + pl.lit(" different organisation predikat (")
            + spellings
            + pl.lit("); give it one")
        )
        .when(org.is_null())
        .then(
            pl.lit(
                "SE3/2023-ORGANISATION-PREDIKAT: the unit has no organisation predikat;"
                " give the unit's capaian kinerja organisasi"
            )
        )
    )


def _organisation_per_unit(flat: pl.LazyFrame, keys: list[str]) -> pl.LazyFrame:
    """Per unit, from its distinct spellings (``_orgraw``): how many organisation predikat
    they name (``_known``), the code (``_org``), an unknown spelling and the spellings."""
    code = _fold(pl.col("_orgraw")).replace_strict(
        _ORG_SPELLINGS, default=None, return_dtype=pl.String
    )
    return (
        flat.filter(pl.col("_orgraw").is_not_null())
        .with_columns(_code=code)
        .group_by(keys)
        .agg(
            _known=pl.col("_code").drop_nulls().n_unique().cast(pl.Int64),
            _org=pl.col("_code").min().cast(ORGANISATION_ENUM),
            _unknown_org=pl.col("_orgraw").filter(pl.col("_code").is_null()).min(),
            _spellings=pl.col("_orgraw").unique().sort().str.join(", "),
        )
    )


def _repeats(rows: pl.DataFrame, keys: list[str], nip: str) -> pl.DataFrame | None:
    """Per unit (and period), the rows that repeat an earlier row's NIP, counted by predikat
    code (``_fix0`` .. ``_fix4``, ``_fix_unknown``) and in all (``_fix``): SE3/2023-ONE-EACH,
    the first row of an employee counts. None when no row repeats one.

    A repeat must have the hash ``_h`` of an earlier row (:func:`_row_hash` of (unit,
    [period], nip)). The hashes that occur twice are found by sorting them (integers; the
    rows themselves are not hashed into a table), and only the rows with such a hash -- the
    true repeats and any collision, none or a few -- are read again and compared by their
    values, in table order: a collision can never drop an employee, the counts are exact.
    """
    # sorted on one thread: as fast as on two (4.5 million hashes: 0.07 s) for half the CPU,
    # and faster when the other core is busy (measured 0.07 s against 0.12 s)
    hashes = rows.get_column("_h").sort(multithreaded=False)
    later_hashes = hashes.slice(1)  # compared with the one before (no shifted copy)
    repeated = later_hashes.filter(later_hashes == hashes.slice(0, len(later_hashes))).unique()
    if repeated.is_empty():
        return None
    # lazily, the columns needed only: an eager filter of ``rows`` copies every column
    # (measured: 160 MB and 0.08 s on 4.5 million rows, for an empty result)
    suspects = rows.lazy().filter(pl.col("_h").is_in(repeated.implode())).select(*keys, nip, "_p")
    later = suspects.filter(
        pl.col(nip).is_not_null() & ~pl.struct(*keys, nip).is_first_distinct()
    ).collect()
    if later.is_empty():
        return None
    return later.group_by(keys).agg(
        *((pl.col("_p") == index).sum().alias(f"_fix{index}") for index in range(len(_CODES))),
        (pl.col("_p") == _UNKNOWN).sum().alias("_fix_unknown"),
        pl.len().alias("_fix"),
    )


def _row_hash(names: list[str]) -> pl.Expr:
    """A 32-bit hash of the values of ``names`` in a row: the columns' own hashes, each with
    its own seed, combined by exclusive or (measured: a third of the time of hashing the
    row as a struct). Equal values give equal hashes; two different rows may collide, which
    :func:`_repeats` resolves by comparing the values.

    A dictionary-encoded column is hashed by its integer codes (``to_physical``; the same
    text has the same code within a column), not its texts: 0.01 s against 0.1 s for a
    unit column of 4.5 million rows. Any other column's physical values are its values.
    """
    hashes = [pl.col(name).to_physical().hash(seed=index) for index, name in enumerate(names)]
    combined = hashes[0]
    for other in hashes[1:]:
        combined = combined ^ other
    # kept to its low 32 bits: half the memory and a faster sort (4.5 million rows: 18 MB
    # against 36 MB, sorted twice as fast); the few thousand collisions more are told apart
    # by their values in _repeats, so the counts stay exact
    return combined.cast(pl.UInt32, wrap_numerical=True)


def _without_repeats(units: pl.DataFrame, repeats: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """The per-unit counts less the repeated rows of :func:`_repeats`."""
    fixes = [f"_fix{index}" for index in range(len(_CODES))]
    return (
        units.join(repeats, on=keys, how="left", nulls_equal=True, maintain_order="left")
        .with_columns(
            *(
                (pl.col(name) - pl.col(fix).fill_null(0)).alias(name)
                for name, fix in zip(_COUNT_COLUMNS, fixes, strict=True)
            ),
            _unknown=pl.col("_unknown") - pl.col("_fix_unknown").fill_null(0),
            _kept=pl.col("_rows") - pl.col("_fix").fill_null(0),
        )
        .drop(*fixes, "_fix_unknown", "_fix")
    )


def _slots(
    unit: np.ndarray[Any, Any], code: np.ndarray[Any, Any], slots: int
) -> np.ndarray[Any, Any]:
    """The rows of each (unit code, small code 0-7) as an array of (unit code, 8): a
    ``bincount`` of ``unit × 8 + code``, computed in place in blocks of :data:`_BLOCK` rows
    (so that the 64-bit keys ``bincount`` reads are never all held at once)."""
    counts = np.zeros(slots, dtype=np.int64)
    for start in range(0, len(unit), _BLOCK):
        keys = unit[start : start + _BLOCK].astype(np.int64)
        keys *= 8
        keys += code[start : start + _BLOCK]
        counts += np.bincount(keys, minlength=slots)
    return counts.reshape(-1, 8)


def _first_rows(unit: np.ndarray[Any, Any], codes: int) -> tuple[np.ndarray[Any, Any], pl.Series]:
    """The unit codes that occur in ``unit`` (dense, below ``codes``), ascending, and the
    index of each one's first row: the least row index per code, by ``np.minimum.at`` in
    blocks of :data:`_BLOCK` rows (measured on 4.5 million rows in 150,000 units: 0.018 s
    against 0.024 s for ``arg_unique``, which hashes every row)."""
    rows = len(unit)
    least = np.full(codes, rows, dtype=np.int64)
    for start in range(0, rows, _BLOCK):
        block = unit[start : start + _BLOCK]
        np.minimum.at(least, block, np.arange(start, start + len(block), dtype=np.int64))
    at = np.flatnonzero(least < rows)
    return at, pl.Series(least[at])


def _organisation_mask(
    unit: np.ndarray[Any, Any], organisation: pl.Series, first: pl.Series, at: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """Which organisation predikat the rows of each unit name (the units of the first rows
    ``first``, whose codes are ``at``), as a set of bits: code i bit i, a value that is not
    one (code -1) the bit after them; a row without one names none.

    Each row's code is compared with the code of its unit's first row, looked up by the
    unit's code in a table of one byte per unit (small enough to stay in the cache), and
    only the rows that name another code -- none when each unit is given one -- are read
    again (measured on 4.5 million rows: 0.01 s against 0.03 s for a ``bincount`` over
    every row, whose 8 slots per unit are read at random)."""
    # 0 not one, 1-5 the codes, 7 none
    codes = (organisation + 1).fill_null(7).cast(pl.Int8).to_numpy()
    own = codes[first.to_numpy()]
    by_unit = np.zeros(int(at.max()) + 1 if len(at) else 0, dtype=np.int8)
    by_unit[at] = own
    named = np.zeros((len(by_unit), 8), dtype=bool)
    named[at, own] = True
    for start in range(0, len(unit), _BLOCK):  # in blocks, as _slots
        units = unit[start : start + _BLOCK]
        given = codes[start : start + _BLOCK]
        other = np.flatnonzero(by_unit[units] != given)
        named[units[other], given[other]] = True
    named = named[at]
    mask: np.ndarray[Any, Any] = named[:, 0].astype(np.int64) << _ORGS
    for index in range(_ORGS):
        mask |= named[:, index + 1].astype(np.int64) << index
    return mask


class _PerUnit:
    """The rows of a table counted per unit (and period): the function of the query's one
    ``map_batches`` node, which receives every row (``keys``, ``carried``, ``_p``, and
    ``_o`` / ``_oraw`` / ``_h`` / the NIP when read) and returns one row per unit.

    A dictionary-encoded unit with no period is counted by its dense codes (:meth:`_dense`: no hash
    table). Otherwise the rows are grouped once, by (unit, [period], predikat code, organisation
    predikat code), counting the rows of each combination (and noting its first row when a column is
    carried): one hash group-by with no aggregate over the rows but the count (measured on 4.5
    million rows: 0.15 s for text units, against 0.19-0.25 s for the per-unit sums over every row);
    the few combinations per unit are then summed per unit (:meth:`_grouped`). The carried column
    (the agency) is the value of the unit's first row, as ``first()`` of a group-by gives it; the
    repeated NIPs (:func:`_repeats`) and the texts of the organisation predikat that are not one are
    read only from the rows that need them.
    """

    def __init__(self, keys: list[str], carried: list[str], *, from_column: bool, nip: str | None):
        self.keys = keys
        self.carried = carried
        self.from_column = from_column
        self.nip = nip

    def schema(self, rows: pl.Schema) -> dict[str, pl.DataType]:
        """The schema of the per-unit frame :meth:`__call__` returns."""
        out: dict[str, pl.DataType] = {name: rows[name] for name in (*self.keys, *self.carried)}
        for name in (*_COUNT_COLUMNS, "_rows", "_unknown", "_kept"):
            out[name] = pl.Int32()
        if self.from_column:
            out["_omask"] = pl.Int16()
            out["_unknown_org"] = pl.String()
        return out

    def _dense(self, rows: pl.DataFrame, pool: Executor) -> pl.DataFrame | None:
        """The per-unit counts by dense integer codes, when the unit is the only key and
        dictionary-encoded (``Categorical`` or ``Enum``): its integer code ``u`` indexes 8
        slots per unit, and one ``bincount`` of ``u × 8 + predikat code`` (null: 7) counts
        every (unit, predikat) at once (:func:`_organisation_mask` tells which organisation
        predikat each unit's rows name). No hash table: measured on 4.5 million rows in
        150,000 units, 0.05 s against 0.09 s for the group-by of one packed key per row and
        the sums of its combinations per unit.

        Each unit's row is its first row (the unit and the carried columns), found by the
        first occurrence of its code, and its counts are gathered from the slots by its
        code. The units' order (:meth:`_order`) is worked out on ``pool`` while the rows are
        counted. None when the unit is text, or the codes so large that the slots (8 bytes
        each) would outweigh the rows: then the group-by counts."""
        if len(self.keys) != 1 or not isinstance(
            rows.schema[self.keys[0]], (pl.Categorical, pl.Enum)
        ):
            return None
        # Series, not selects of the frame: a select of rows whose columns are in chunks of
        # different sizes copies every column into one chunk first (measured: 150 MiB more
        # at the peak on 4.5 million rows, the NIPs' texts)
        physical = rows.get_column(self.keys[0]).to_physical().cast(pl.UInt32)
        top = physical.max()
        none = 0 if top is None else int(cast(int, top)) + 1  # the code of rows without a unit
        slots = (none + 1) * 8
        if slots > max(4 * rows.height, _DENSE_SLOTS):
            return None
        # each column read once into one numpy array (the rows come in chunks: a slice of
        # them per block was a copy per block)
        unit = physical.fill_null(none).to_numpy()
        at, first = _first_rows(unit, none + 1)
        heads = [rows.get_column(name).gather(first) for name in (*self.keys, *self.carried)]
        # the sort of the units' texts (150,000: about 0.025 s) beside the count
        order = pool.submit(self._order, pl.DataFrame(heads[: len(self.keys)]))
        by_predikat = _slots(unit, rows.get_column("_p").fill_null(7).to_numpy(), slots)
        counts = by_predikat[at]
        columns = {name: counts[:, index] for index, name in enumerate(_COUNT_COLUMNS)}
        columns["_unknown"] = counts[:, _UNKNOWN]
        columns["_rows"] = counts.sum(axis=1)
        if self.from_column:
            columns["_omask"] = _organisation_mask(unit, rows.get_column("_o"), first, at)
        units = pl.DataFrame([*heads, *(pl.Series(name, v) for name, v in columns.items())])
        return units[order.result()]

    def _grouped(self, rows: pl.DataFrame) -> pl.DataFrame:
        """The per-unit counts by one group-by of (unit, [period], predikat code,
        organisation predikat code) counting the rows of each combination, then summed per
        unit; the carried columns are the values of the unit's first row."""
        keys = self.keys
        codes = ["_p", "_o"] if self.from_column else ["_p"]
        first = [pl.col("_i").min()] if self.carried else []
        lazy = rows.lazy()
        if self.carried:
            lazy = lazy.with_row_index("_i")
        combos = lazy.group_by([*keys, *codes]).agg(pl.len().cast(pl.Int64).alias("_n"), *first)
        # Each combination's count in the column of its predikat code (0 elsewhere), then
        # plain sums per unit: aggregations of columns, not of expressions per group (a
        # ``filter(...).sum()`` per group measured 0.13-0.18 s for 365,000 combinations
        # against 0.03 s)
        counted = pl.col("_n")
        spread = [
            pl.when(pl.col("_p") == index).then(counted).otherwise(0).alias(name)
            for index, name in enumerate(_COUNT_COLUMNS)
        ]
        spread.append(
            pl.when(pl.col("_p") == _UNKNOWN).then(counted).otherwise(0).alias("_unknown")
        )
        aggs = [pl.col(name).sum() for name in (*_COUNT_COLUMNS, "_unknown")]
        aggs.append(counted.sum().alias("_rows"))
        aggs.extend(first)
        if self.from_column:
            # which organisation predikat the unit's rows name, as a set of bits (code i:
            # bit i; a value that is not one: the bit after them)
            bit = pl.lit(_BITS).gather(
                pl.when(pl.col("_o") >= 0).then(pl.col("_o")).otherwise(pl.col("_o") * -_ORGS)
            )
            spread.append(bit.alias("_omask"))
            aggs.append(pl.col("_omask").bitwise_or())
        # the streaming engine: a collect inside the query's own defaults to the in-memory
        # engine here, which measured twice the CPU for this group-by
        units = combos.with_columns(spread).group_by(keys).agg(aggs).collect(engine="streaming")
        if not first:
            return units
        # the carried columns: the values of the unit's first row
        index = units.get_column("_i")
        return units.with_columns(
            rows.get_column(name).gather(index) for name in self.carried
        ).drop("_i")

    def _counted(self, rows: pl.DataFrame, pool: Executor) -> pl.DataFrame:
        """The per-unit counts, in the report's order (:meth:`_order`): :meth:`_dense`
        when it applies, else :meth:`_grouped`."""
        dense = self._dense(rows, pool)
        if dense is not None:
            return dense
        units = self._grouped(rows)
        return units[self._order(units)]

    def _order(self, units: pl.DataFrame) -> pl.Series:
        """The positions of the per-unit rows in the report's order: by the unit as the
        text the report holds (whatever its type: a dictionary-encoded unit by its texts, a
        number as its digits), then the period in its own type (an Enum in its categories'
        order, a number as a number), nulls last. The keys are distinct, so this is the one
        order. Worked out in the count: for a dictionary-encoded unit (:meth:`_dense`) on
        another thread while the rows are counted, else after the group-by, while the
        repeated NIPs are searched."""
        unit, *rest = self.keys
        by = [pl.col(unit).cast(pl.String), *(pl.col(name) for name in rest)]
        # on one thread: it runs beside the count (measured on 150,000 unit names: 18 ms of
        # CPU against 36 ms on two threads for the same wall time)
        return units.select(pl.arg_sort_by(by, nulls_last=True, multithreaded=False)).to_series()

    def __call__(self, rows: pl.DataFrame) -> pl.DataFrame:
        keys = self.keys
        # the repeated NIPs found on a second thread while the rows are counted, and (for a
        # dictionary-encoded unit) the units' order on another: they release the GIL
        # (polars' sorts and filters, numpy's bincount), so on two cores they cost little
        # wall time (measured on 4.5 million rows: the repeats 0.07 s less)
        with ThreadPoolExecutor(max_workers=2) as pool:
            found = None if self.nip is None else pool.submit(_repeats, rows, keys, self.nip)
            units = self._counted(rows, pool)
            repeats = None if found is None else found.result()
        if repeats is None:
            units = units.with_columns(_kept=pl.col("_rows"))
        else:
            units = _without_repeats(units, repeats, keys)
        if self.from_column:
            # the text of a value that is not an organisation predikat, from its rows only
            unknown = (
                rows.lazy()
                .select(*keys, "_o", "_oraw")
                .filter(pl.col("_o") == -1)
                .group_by(keys)
                .agg(_unknown_org=pl.col("_oraw").cast(pl.String).min())
                .collect()
            )
            units = units.join(
                unknown, on=keys, how="left", nulls_equal=True, maintain_order="left"
            )
        return units.select(
            pl.col(name).cast(dtype) for name, dtype in self.schema(rows.schema).items()
        )


def _predikat_code(name: str, dtype: pl.DataType, data: pl.DataFrame | None = None) -> pl.Expr:
    """The predikat of column ``name`` as Int8: 0-4 best first, :data:`_UNKNOWN` for a value
    that is not a predikat, null when missing; read as ``Predikat.parse`` reads it (a
    dictionary-encoded column by its categories; ``data``: see :func:`coded`)."""
    read = coded(name, dtype, PREDIKAT_SPELLINGS, data)
    return pl.when(read == -1).then(pl.lit(_UNKNOWN, pl.Int8)).otherwise(read)


def distribution_polars(
    lf: pl.LazyFrame,
    columns: Columns,
    *,
    organisation_predikat: object = None,
    rounding: Rounding | str = Rounding.STRICT,
    agency: str | None = None,
    period: str | None = PERIOD,
    data: pl.DataFrame | None = None,
) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    """The SE MenPANRB 3/2023 check of every unit: (report, roll-up), both lazy.

    Args:
        lf: the rows, with ``columns.unit`` and ``columns.predikat`` (codes, as
            :func:`~asn_performance.tables.appraise` writes them); ``columns.nip`` when present
            removes duplicated employees.
        columns: the column names.
        organisation_predikat: None to read ``columns.organisation_predikat`` (one value per
            unit; two different values are a problem), a mapping of unit to predikat (code or
            label), or a frame of (unit, ``organisation_predikat``).
        rounding: decision D4, strict by default.
        agency: the name of a column that groups the units for the roll-up.
        period: the name of the column that splits each unit by period: ``"period"`` (the
            default, which ``read_ekinerja`` writes) when the table has it; another name must
            be a column of the table; None checks each unit over all its rows.
        data: the table ``lf`` reads, when it is in memory: its Categorical predikat and
            organisation predikat columns are then coded once through their categories
            (:func:`~asn_performance.tables._appraise.coded`), not batch by batch.

    The report has one row per unit and limit (:data:`REPORT_COLUMNS`); a unit with no
    counted employee, or with a problem, has one row without a limit. Rows with a null or
    unknown predikat are not counted (``not_counted``); a NIP repeated within a unit and
    period counts once, the first row (``duplicates``). The roll-up has one row per agency, or
    one row for everything (:data:`ROLLUP_COLUMNS`).
    """
    mode = Rounding.parse(rounding, field="rounding")
    names = lf.collect_schema().names()
    unit, predikat, nip = columns.unit, columns.predikat, columns.nip
    _check_columns(names, columns, agency, period)
    split = period if period is not None and period in names and period != unit else None
    _scalar_keys(lf, [unit, nip, *([split] if split else []), *([agency] if agency else [])])
    from_column = organisation_predikat is None
    org_name = columns.organisation_predikat
    if from_column and org_name not in names:
        raise InputError(
            f"the table has no organisation predikat column {org_name!r}",
            path="organisation_predikat",
            value=names[:20],
            rule="SE3/2023-ORGANISATION-PREDIKAT",
            fix="add the column, or pass organisation_predikat={unit: predikat}",
        )
    keys = [unit] + ([split] if split is not None else [])
    carried = [agency] if agency is not None and agency not in keys else []
    schema = lf.collect_schema()
    # The rows are grouped by the unit (and period) as given -- a dictionary-encoded unit by
    # its integer codes -- and the few per-unit rows are turned into text afterwards.
    # One small code per row: 0-4 the predikat (best first), _UNKNOWN a value that is not a
    # predikat (a code, a label in either language or a synonym, as Predikat.parse reads
    # it, like tables.rewards), null no predikat; and, from the column, the organisation
    # predikat's code (-1 a value that is not one, null none).
    rows = lf.select(
        *(pl.col(k) for k in keys),
        *(pl.col(c) for c in carried),
        _p=_predikat_code(predikat, schema[predikat], data),
        **(
            {
                "_o": coded(org_name, schema[org_name], ORGANISATION_SPELLINGS, data),
                "_oraw": pl.col(org_name),
            }
            if from_column
            else {}
        ),
        # A 32-bit hash of (unit, [period], nip) per row finds the repeated employees (see
        # _repeats).
        **({nip: pl.col(nip), "_h": _row_hash([*keys, nip])} if nip in names else {}),
    )
    counter = _PerUnit(keys, carried, from_column=from_column, nip=nip if nip in names else None)
    units = rows.map_batches(counter, schema=counter.schema(rows.collect_schema()))
    if from_column:
        units = _organisation_from_column(units)
    units = units.with_columns(pl.col(unit).cast(pl.String))
    if not from_column:
        given = _organisation_frame(organisation_predikat, unit).select(
            unit, _orgraw=pl.col("organisation_predikat")
        )
        units = units.join(
            _organisation_per_unit(given, [unit]), on=unit, how="left", maintain_order="left"
        )
    total = pl.sum_horizontal(*_COUNT_COLUMNS)
    units = units.with_columns(
        total=total.cast(pl.Int32),
        not_counted=(pl.col("_kept") - total).cast(pl.Int32),
        duplicates=(pl.col("_rows") - pl.col("_kept")).cast(pl.Int32),
        _known=pl.col("_known").fill_null(0),
    ).with_columns(
        organisation_predikat=pl.when(pl.col("_known") == 1).then(pl.col("_org")),
    )
    problem = _problem(
        pl.col("organisation_predikat"),
        pl.col("_known"),
        pl.col("_spellings"),
        pl.col("_unknown_org"),
    )
    unknown_rows = pl.when(pl.col("_unknown") > 0).then(
        pl.lit("D12-LABELS: ")
        + pl.col("_unknown").cast(pl.String)
        + pl.lit(" row(s) whose predikat is not a predikat are not counted")
    )
    no_unit = pl.when(pl.col(unit).is_null()).then(
        pl.lit("SE3/2023-DISTRIBUTION: rows without a unit are not checked")
    )
    units = units.with_columns(
        problem=pl.concat_str(
            [no_unit, problem, _nobody(), unknown_rows], separator="; ", ignore_nulls=True
        )
    ).with_columns(
        problem=pl.when(pl.col("problem") != "").then(pl.col("problem")),
        organisation_predikat=pl.when(pl.col(unit).is_not_null()).then(
            pl.col("organisation_predikat")
        ),
    )
    heads = [*keys, *([agency] if agency is not None and agency not in keys else [])]
    out = [*heads, *REPORT_COLUMNS]
    # the units in order (one row each: sorted by _PerUnit), then repeated once per limit in
    # order: the report in the order of (unit, [period], limit) without sorting its rows
    report = (
        limit_rows(units, mode)
        .with_columns(rounding=pl.lit(mode.code, dtype=ROUNDING_ENUM))
        .select(out)
    )
    return report, rollup_polars(report, agency)


def _organisation_from_column(units: pl.LazyFrame) -> pl.LazyFrame:
    """Each unit's organisation predikat from the column, from the per-unit aggregate
    ``_omask`` (:class:`_PerUnit`): bit i set when a row names code i, bit 5 when a row holds
    a value that is not an organisation predikat (its text in ``_unknown_org``)."""
    labels = [m.label_id for m in sorted(OrganisationPredikat, key=lambda m: m.position)]
    mask = pl.col("_omask").fill_null(0)
    named = [
        pl.when((mask & (1 << index)) != 0).then(pl.lit(label))
        for index, label in enumerate(labels)
    ]
    # the code named when only one is: the member at the position of the single bit
    by_position = {member.position: member.code for member in OrganisationPredikat}
    single = pl.Series(
        [
            by_position[bits.bit_length() - 1] if bits.bit_count() == 1 else None
            for bits in range(1 << _ORGS)
        ],
        dtype=ORGANISATION_ENUM,
    )
    named_mask = mask & ((1 << _ORGS) - 1)
    return units.with_columns(
        _known=named_mask.bitwise_count_ones().cast(pl.Int64),
        _org=pl.lit(single).gather(named_mask),
        _spellings=pl.concat_str(named, separator=", ", ignore_nulls=True),
    ).drop("_omask")


def _check_columns(names: list[str], columns: Columns, agency: str | None, period: object) -> None:
    """Refuse a table without its unit or predikat column, an agency or a named period that
    is not a column, and a period that is not a name."""
    unit, predikat = columns.unit, columns.predikat
    for role, name in (("unit", unit), ("predikat", predikat)):
        if name not in names:
            raise InputError(
                f"the table has no {role} column {name!r}",
                path=f"columns.{role}",
                value=names[:20],
                rule="TABLE-COLUMN",
                fix=f"name the {role} column with columns={{{role!r}: ...}}"
                + (" or run tables.appraise first" if role == "predikat" else ""),
            )
    if agency is not None and agency not in names:
        raise InputError(
            f"the table has no agency column {agency!r}",
            path="agency",
            value=names[:20],
            rule="TABLE-COLUMN",
            fix="name an existing column, or leave agency out",
        )
    if period is not None and not isinstance(period, str):
        raise InputError(
            "period must be the name of a column, or None",
            path="period",
            value=type(period).__name__,
            rule="TYPE",
            fix="pass period='period' (the default) or period=None",
        )
    if period is not None and period != PERIOD and period not in names:
        raise InputError(
            f"the table has no period column {period!r}",
            path="period",
            value=names[:20],
            rule="TABLE-COLUMN",
            fix="name an existing column, or pass period=None to check each unit over all rows",
        )


def _nobody() -> pl.Expr:
    """A unit none of whose employees has a predikat is not checked: a problem, so that the
    roll-up never counts it as within the limits."""
    return pl.when(pl.col("total") == 0).then(
        pl.lit(
            "SE3/2023-DISTRIBUTION: no employee of the unit has a predikat to count"
            " (see not_counted): the unit is not checked"
        )
    )


def _scalar_keys(lf: pl.LazyFrame, names: list[str]) -> None:
    """Refuse a unit, NIP, period or agency column of lists or structs: the units are
    grouped by these values as text."""
    schema = lf.collect_schema()
    for name in names:
        dtype = schema.get(name)
        if dtype is not None and dtype.is_nested():
            raise InputError(
                f"the column {name!r} holds {dtype}, not one value per row",
                path=name,
                value=str(dtype),
                rule="TYPE",
                fix=f"give the {name} as text, one value per row",
            )
