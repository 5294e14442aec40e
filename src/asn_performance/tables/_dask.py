"""The same functions on a Dask DataFrame: the polars engine run partition by partition.

Optional extra ``dask`` (``pip install 'asn-performance[dask]'``); Dask is imported here only.

* :func:`appraise_dask` and :func:`rewards_dask` work row by row: each partition is converted to
  polars, run through the same engine as an eager table (:func:`appraise_polars`,
  :func:`rewards_polars`) and handed back as pandas, with no shuffle, so the rows keep their
  partitions, index and order.
* :func:`distribution_dask` needs every row of a unit together. It partitions by unit once
  (``shuffle(on=unit)``: a hash of the unit, so each partition holds whole units, the number of
  partitions kept), then runs :func:`distribution_polars` on each partition. The report is the
  concatenation of the partitions' reports; the roll-up adds up the partitions' roll-ups by
  agency (a tree reduction of a few rows per partition, not a shuffle of the rows). Nothing in
  the check itself shuffles: the hash group-by of a portable Dask version was the most expensive
  stage of the prototype of issue 11 (about 50 times a numpy function, 1.8 GB).

Results are identical to the eager run: the same engine computes every partition, and a unit
never spans two partitions in the distribution check. One exception: the check takes a unit's
*first* row where rows disagree (a NIP repeated in a unit with different predikat counts as
its first row; a unit whose rows name several agencies is rolled up under its first row's),
and the shuffle does not keep the rows' order, so there "first" may be another row than in an
eager run. With unique NIPs per unit and period and one agency per unit, the results are the
same. Compute the report and the roll-up together (``dask.compute(report, rollup)``) so that
the shuffle runs once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeAlias

import polars as pl

from asn_performance.consequences.distribution import Rounding
from asn_performance.consequences.policy import RewardPolicy
from asn_performance.exceptions import InputError
from asn_performance.tables._appraise import appraise_polars
from asn_performance.tables._columns import Columns
from asn_performance.tables._distribution import PERIOD, distribution_polars
from asn_performance.tables._frames import to_polars
from asn_performance.tables._leave import LeaveColumns
from asn_performance.tables._rewards import rewards_polars

__all__ = ["appraise_dask", "distribution_dask", "partition_by_unit", "rewards_dask"]

_Engine = Callable[[pl.LazyFrame], pl.LazyFrame]
#: A ``dask.dataframe.DataFrame`` (Dask is untyped for mypy: ``Any``).
DaskFrame: TypeAlias = Any
#: A ``pandas.DataFrame``: one partition (pandas is untyped here: ``Any``).
Partition: TypeAlias = Any


def _appraise_outputs(c: Columns) -> tuple[str, ...]:
    return (c.predikat, c.predikat_label, c.rules, c.problem)


def _reward_outputs(c: Columns) -> tuple[str, ...]:
    return (
        *_appraise_outputs(c),
        c.angka_kredit,
        c.tunjangan_kinerja,
        c.tunjangan_kehadiran,
        c.tunjangan,
    )


def _require_dask(frame: object) -> None:
    try:
        import dask.dataframe  # noqa: F401, PLC0415 - the extra's own import
    except ImportError as error:  # pragma: no cover - the extra is installed in the tests
        raise ImportError(
            f"a Dask frame needs the dask extra: pip install 'asn-performance[dask]' ({error})"
        ) from error
    if not hasattr(frame, "map_partitions") or not hasattr(frame, "shuffle"):
        raise InputError(
            f"frame must be a Dask DataFrame, not {type(frame).__name__}",
            path="frame",
            value=type(frame).__name__,
            rule="TYPE",
            fix="pass dask.dataframe.from_pandas(...) or dask.dataframe.read_parquet(...)",
        )


def _sample(ddf: DaskFrame) -> Partition:
    """A small made-up partition with the frame's dtypes (Dask's own), to find the schema."""
    from dask.dataframe.utils import (  # type: ignore[attr-defined]  # noqa: PLC0415
        meta_nonempty,  # documented, not re-exported by name
    )

    return meta_nonempty(ddf._meta)


def _rows_part(part: Partition, engine: _Engine, written: tuple[str, ...]) -> Partition:
    """One partition through the polars engine, back as pandas (row for row)."""
    lf, restore = to_polars(part)
    return restore(engine(lf), written)


def _rows_meta(ddf: DaskFrame, engine: _Engine, written: tuple[str, ...]) -> Partition:
    """The empty result frame: the engine's schema (which does not depend on the data)."""
    lf, _ = to_polars(_sample(ddf))
    schema = engine(lf).collect_schema()
    _, restore = to_polars(ddf._meta)
    return restore(pl.LazyFrame(schema=schema), written)


def _by_rows(ddf: DaskFrame, engine: _Engine, written: tuple[str, ...]) -> DaskFrame:
    meta = _rows_meta(ddf, engine, written)
    return ddf.map_partitions(_rows_part, engine, written, meta=meta, align_dataframes=False)


class _Appraise:
    """The appraisal of a partition (a picklable callable, sent to the workers)."""

    def __init__(self, columns: Columns) -> None:
        self.columns = columns

    def __call__(self, lf: pl.LazyFrame) -> pl.LazyFrame:
        return appraise_polars(lf, self.columns)


class _Rewards:
    """The rewards of a partition, appraising first when it has no predikat column."""

    def __init__(
        self, policy: RewardPolicy, columns: Columns, leave: LeaveColumns | None = None
    ) -> None:
        self.policy = policy
        self.columns = columns
        self.leave = leave

    def __call__(self, lf: pl.LazyFrame) -> pl.LazyFrame:
        appraised = self.columns.predikat not in lf.collect_schema()
        if appraised:
            lf = appraise_polars(lf, self.columns)
        return rewards_polars(lf, self.policy, self.columns, self.leave, appraised=appraised)


def appraise_dask(ddf: DaskFrame, columns: Columns) -> DaskFrame:
    """:func:`asn_performance.tables.appraise` of a Dask DataFrame, partition by partition.

    Lazy: returns a Dask DataFrame with ``predikat``, ``predikat_label``, ``rules`` and
    ``problem`` added; the partitions, index and row order are the caller's (no shuffle).
    """
    _require_dask(ddf)
    return _by_rows(ddf, _Appraise(columns), _appraise_outputs(columns))


def rewards_dask(
    ddf: DaskFrame, policy: RewardPolicy, columns: Columns, leave: LeaveColumns | None = None
) -> DaskFrame:
    """:func:`asn_performance.tables.rewards` of a Dask DataFrame, partition by partition.

    Appraises first when the frame has no ``predikat`` column; adds ``angka_kredit`` and the
    tunjangan columns (exact decimals: ``Decimal`` objects in pandas), and ``paid_percent``
    when the frame has a leave column (``leave``: the leave column names). No shuffle.
    """
    _require_dask(ddf)
    if not isinstance(policy, RewardPolicy):
        raise InputError(
            "policy must be a RewardPolicy",
            path="policy",
            value=type(policy).__name__,
            rule="TYPE",
            fix="pass a RewardPolicy (tables.rewards also takes a built-in name or a file)",
        )
    names = leave or LeaveColumns()
    written = (*_reward_outputs(columns), names.paid_percent)
    return _by_rows(ddf, _Rewards(policy, columns, names), written)


def partition_by_unit(ddf: DaskFrame, columns: Columns) -> DaskFrame:
    """``ddf`` shuffled once so that every partition holds whole units (a hash of the unit;
    the number of partitions kept). The distribution check needs it; do it yourself first when
    you will check several times (and ``persist()`` the result)."""
    _require_dask(ddf)
    if columns.unit not in ddf.columns:
        raise InputError(
            f"the table has no unit column {columns.unit!r}",
            path="columns.unit",
            value=[str(c) for c in ddf.columns][:20],
            rule="SE3/2023-DISTRIBUTION",
            fix="name the unit column with columns={'unit': ...}",
        )
    return ddf.shuffle(on=columns.unit, npartitions=ddf.npartitions)


class _Check:
    """The distribution check of one partition that holds whole units: (report, roll-up)."""

    def __init__(
        self,
        columns: Columns,
        organisation_predikat: Any,
        rounding: Rounding | str,
        agency: str | None,
        period: str | None = PERIOD,
    ) -> None:
        self.columns = columns
        self.organisation_predikat = organisation_predikat
        self.rounding = rounding
        self.agency = agency
        self.period = period

    def run(self, lf: pl.LazyFrame) -> tuple[pl.LazyFrame, pl.LazyFrame]:
        return distribution_polars(
            lf,
            self.columns,
            organisation_predikat=self.organisation_predikat,
            rounding=self.rounding,
            agency=self.agency,
            period=self.period,
        )

    def report(self, part: Partition) -> Partition:
        lf, restore = to_polars(part)
        return restore.new(self.run(lf)[0])

    def rollup(self, part: Partition) -> Partition:
        lf, restore = to_polars(part)
        return restore.new(self.run(lf)[1])

    def metas(self, ddf: DaskFrame) -> tuple[Partition, Partition]:
        lf, _ = to_polars(_sample(ddf))
        report, rollup = self.run(lf)
        _, restore = to_polars(ddf._meta)
        return (
            restore.new(pl.LazyFrame(schema=report.collect_schema())),
            restore.new(pl.LazyFrame(schema=rollup.collect_schema())),
        )


def distribution_dask(
    ddf: DaskFrame,
    columns: Columns,
    *,
    organisation_predikat: Mapping[object, object] | pl.DataFrame | None = None,
    rounding: Rounding | str = Rounding.STRICT,
    agency: str | None = None,
    period: str | None = PERIOD,
) -> tuple[DaskFrame, DaskFrame]:
    """:func:`asn_performance.tables.distribution` of a Dask DataFrame: (report, roll-up).

    Appraises first (row by row) when the frame has no ``predikat`` column, keeps only the
    columns the check reads, partitions by unit once (:func:`partition_by_unit`), then checks
    each partition with the polars engine. The report is the partitions' reports one after
    the other (sort it by unit to compare with an eager run), the roll-up the sum of the
    partitions' roll-ups by agency (one row when ``agency`` is None). Both are lazy: compute
    them together.
    """
    _require_dask(ddf)
    Rounding.parse(rounding, field="rounding")  # refused here rather than on a worker
    if agency is not None and agency not in ddf.columns:
        raise InputError(
            f"the table has no agency column {agency!r}",
            path="agency",
            value=[str(c) for c in ddf.columns][:20],
            rule="SE3/2023-DISTRIBUTION",
            fix="name an existing column, or leave agency out",
        )
    if columns.predikat not in ddf.columns:
        ddf = appraise_dask(ddf, columns)  # row by row, before the shuffle
    # Only the columns the check reads cross the network.
    c = columns
    read: tuple[str | None, ...] = (c.unit, period, agency, c.predikat, c.nip)
    read += (c.organisation_predikat,) if organisation_predikat is None else ()
    keep = [name for name in dict.fromkeys(read) if name is not None and name in ddf.columns]
    check = _Check(columns, organisation_predikat, rounding, agency, period)
    whole_units = partition_by_unit(ddf[keep], columns)
    report_meta, rollup_meta = check.metas(whole_units)
    report = whole_units.map_partitions(check.report, meta=report_meta, align_dataframes=False)
    parts = whole_units.map_partitions(check.rollup, meta=rollup_meta, align_dataframes=False)
    if agency is None:
        rollup = parts.reduction(_total, aggregate=_total, meta=rollup_meta, split_every=16)
    else:
        rollup = parts.groupby(agency, dropna=False, sort=True).sum().reset_index()
    return report, rollup


def _total(frame: Partition) -> Partition:
    """The one-row roll-up of several (every roll-up column is a count)."""
    return frame.sum().to_frame().T.astype(frame.dtypes.to_dict())
