"""The report of the distribution check (one row per unit and limit) and its roll-up, from
the per-unit counts of :mod:`~asn_performance.tables._distribution`.

The limits, their thresholds and the D4 rounding are the object path's: this module reads
:data:`~asn_performance.consequences.distribution.DISTRIBUTION_LIMITS` compiled by the same
function :func:`~asn_performance.consequences.distribution.oversee` uses, and computes each
threshold with the same integer formula (floor or ceil of ``num/den × total``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import polars as pl

from asn_performance._kit.exact import CONTEXT
from asn_performance.consequences.distribution import (
    DISTRIBUTION_LIMITS,
    PREDIKAT_ORDER,
    Bound,
    Rounding,
)
from asn_performance.consequences.distribution._units import compile_limits, limits_table
from asn_performance.domain.rating import OrganisationPredikat

__all__ = [
    "BOUND_ENUM",
    "COUNT_COLUMNS",
    "GROUP_ENUM",
    "ORGANISATION_ENUM",
    "ROUNDING_ENUM",
    "WORDING_ENUM",
    "limit_rows",
    "limits_frame",
    "rollup_polars",
]

#: The predikat codes, best first: the order of the count columns.
_CODES: Final = tuple(p.code for p in PREDIKAT_ORDER)
#: The report's count columns, one per predikat, best first.
COUNT_COLUMNS: Final = tuple(f"count_{code}" for code in _CODES)


def _limit_texts() -> tuple[list[str], list[str]]:
    """The ``limit_predikat`` and ``wording`` texts of every limit, in the table's order."""
    groups: dict[str, None] = {}
    wordings: dict[str, None] = {}
    for org_limits in limits_table(DISTRIBUTION_LIMITS).values():
        for limit in org_limits:
            groups["+".join(p.code for p in limit.group)] = None
            wordings[limit.wording] = None
    return list(groups), list(wordings)


_GROUPS, _WORDINGS = _limit_texts()
# The report's text columns are polars Enums (one small integer per row; text for every other
# kind of frame), their categories in the rules' order: the same types whatever the rounding
# or the table, so that reports concatenate.
#: ``organisation_predikat``: the codes, best first (``istimewa`` ... ``sangat_kurang``).
ORGANISATION_ENUM: Final = pl.Enum(
    [m.code for m in sorted(OrganisationPredikat, key=lambda m: m.position)]
)
#: ``rounding``: ``strict``, ``lenient`` (decision D4).
ROUNDING_ENUM: Final = pl.Enum([r.code for r in Rounding])
#: ``limit_bound``: ``max``, ``min``.
BOUND_ENUM: Final = pl.Enum([b.code for b in Bound])
#: ``limit_predikat``: the groups of the limits table, in its order.
GROUP_ENUM: Final = pl.Enum(_GROUPS)
#: ``wording``: the SE's sentences, in the limits table's order.
WORDING_ENUM: Final = pl.Enum(_WORDINGS)


def limits_frame(rounding: Rounding) -> pl.DataFrame:
    """One row per organisation predikat and limit, with what the threshold formula needs."""
    compiled = compile_limits(limits_table(DISTRIBUTION_LIMITS), rounding)
    rows: list[dict[str, object]] = []
    for org, entries in compiled.items():
        for number, (indices, _is_max, num, den, ceil, fixed, limit) in enumerate(entries):
            rows.append(
                {
                    "organisation_predikat": org.code,
                    "limit_no": number,
                    "limit_bound": limit.bound.code,
                    "limit_predikat": "+".join(p.code for p in limit.group),
                    "limit_percent": None
                    if limit.percent is None
                    else limit.percent.quantize(Decimal("0.01"), context=CONTEXT),
                    "limit_count": limit.count,
                    "_num": num,
                    "_den": den,
                    "_ceil": ceil,
                    "_fixed": fixed,
                    "wording": limit.wording,
                    **{f"_in_{i}": i in indices for i in range(len(_CODES))},
                }
            )
    return pl.DataFrame(
        rows,
        schema={
            "organisation_predikat": pl.String,
            "limit_no": pl.Int64,
            "limit_bound": BOUND_ENUM,
            "limit_predikat": GROUP_ENUM,
            "limit_percent": pl.Decimal(10, 2),
            "limit_count": pl.Int32,
            "_num": pl.Int64,
            "_den": pl.Int64,
            "_ceil": pl.Boolean,
            "_fixed": pl.Int64,
            "wording": WORDING_ENUM,
            **{f"_in_{i}": pl.Boolean for i in range(len(_CODES))},
        },
    )


#: One hundredth, the unit of ``percent``.
_HUNDREDTH: Final = pl.lit(Decimal("0.01"), dtype=pl.Decimal(38, 2))


def limit_rows(units: pl.LazyFrame, mode: Rounding) -> pl.LazyFrame:
    """Each unit with its limits, with count, threshold (D4), share and ok; a unit without a
    check (no counted employee, or a problem) keeps one row with the limit columns null.

    The limits of an organisation predikat are consecutive rows of :func:`limits_frame`: a
    checked unit's row is repeated once per limit of its organisation predikat (``explode``
    of a range) with the index of the limit, and every limit column is gathered from the
    small limits table by that index. No join: the report holds only its own columns
    (measured on 150,000 units: the left join on the organisation predikat materialised
    its 16 helper columns beside the report).
    """
    limits = limits_frame(mode)
    codes = limits.get_column("organisation_predikat").to_list()
    first = {code: codes.index(code) for code in dict.fromkeys(codes)}
    many = {code: codes.count(code) for code in first}

    def by_org(values: dict[str, int]) -> pl.Expr:
        """``values`` of the unit's organisation predikat (an Enum: by its integer code)."""
        table = [values.get(code) for code in ORGANISATION_ENUM.categories]
        return pl.lit(pl.Series(table, dtype=pl.UInt32)).gather(
            pl.col("organisation_predikat").to_physical()
        )

    checked = pl.col("organisation_predikat").is_not_null() & (pl.col("total") > 0)
    # the limit's row in ``limits``: never negative, so unsigned (UInt32, polars' own index
    # type: each of the report's dozen gathers by it reads it as it is, unconverted)
    index = pl.col("_limit")
    counts = pl.when(checked).then(by_org(many)).otherwise(1).fill_null(1)
    repeated = units.with_columns(_limit=pl.int_ranges(0, counts, dtype=pl.UInt32)).explode(
        "_limit"
    )
    repeated = repeated.with_columns(_limit=pl.when(checked).then(by_org(first) + index))

    def column(name: str) -> pl.Expr:
        return pl.lit(limits.get_column(name)).gather(index)

    # D4: the threshold is floor(num × total / den), or its ceiling, which for num × total >= 0
    # and den >= 1 is floor((num × total + den - 1) / den): one division per row, the addend
    # (den - 1 or 0) looked up per limit like the rest
    addend = [
        den - 1 if ceil else 0
        for den, ceil in zip(limits.get_column("_den"), limits.get_column("_ceil"), strict=True)
    ]
    has_limit = index.is_not_null()
    group = pl.sum_horizontal(
        pl.when(column(f"_in_{i}")).then(pl.col(name)).otherwise(0)
        for i, name in enumerate(COUNT_COLUMNS)
    ).cast(pl.Int32)
    product = column("_num") * pl.col("total")
    rounded = (product + pl.lit(pl.Series(addend, dtype=pl.Int64)).gather(index)) // column("_den")
    threshold = pl.coalesce(column("_fixed"), rounded)
    count, total = pl.col("count").cast(pl.Int64), pl.col("total").cast(pl.Int64)
    hundredths = (count * 20_000 + total) // (total * 2)
    return (
        repeated.with_columns(
            *(
                column(name)
                for name in ("limit_bound", "limit_predikat", "limit_percent", "limit_count")
            ),
            column("wording"),
            count=pl.when(has_limit).then(group),
            threshold=pl.when(has_limit).then(threshold.cast(pl.Int32)),
        )
        .with_columns(
            ok=pl.when(~has_limit)
            .then(None)
            .when(pl.col("limit_bound") == "max")
            .then(pl.col("count") <= pl.col("threshold"))
            .otherwise(pl.col("count") >= pl.col("threshold")),
            # hundredths times 0.01, exact at scale 2: a decimal product, not a quotient
            # (measured on 400,000 rows: 0.003 s against 0.007 s for ``/ 100``)
            percent=pl.when(has_limit).then(
                (hundredths.cast(pl.Decimal(38, 0)) * _HUNDREDTH).cast(pl.Decimal(38, 2))
            ),
        )
        .drop("_limit")
    )


def rollup_polars(report: pl.LazyFrame, agency: str | None = None) -> pl.LazyFrame:
    """The roll-up of a report of
    :func:`~asn_performance.tables._distribution.distribution_polars` (its ``ROLLUP_COLUMNS``),
    per ``agency`` or one row for everything.

    ``distribution_polars`` returns it built on its lazy report; a caller that collects the
    report anyway can collect it once and roll it up here, so the table is not read twice.
    The report must be in the order ``distribution_polars`` writes it (each unit's rows
    consecutive), as it always is.
    """
    names = report.collect_schema().names()
    heads = names[: names.index("organisation_predikat")]
    # A unit's rows are consecutive in the report (sorted by unit and period): its first row
    # is where a key differs from the row before, its last where the next row's first is.
    # Counted along the rows, not by a group-by hashing the keys (its tables were the
    # report's largest working memory: 30 MiB for 150,000 units).
    first = pl.any_horizontal(
        pl.int_range(pl.len()) == 0, *(pl.col(h).ne_missing(pl.col(h).shift(1)) for h in heads)
    )
    bad = (pl.col("ok") == False).fill_null(False).cast(pl.UInt32)  # noqa: E712
    # the marks as columns, each computed once: written inside each filter, the streaming
    # engine computed them once per column read (measured on a report of 150,000 units:
    # 0.015 s against 0.0075 s)
    marked = report.select(
        *([] if agency is None else [agency]),
        "problem",
        "total",
        "not_counted",
        "duplicates",
        _first=first,
        _bad=bad,
    ).with_columns(
        _last=pl.col("_first").shift(-1, fill_value=True),
        _seen=pl.col("_bad").cum_sum(),  # the violated limits so far, the row's own included
    )
    at_first, seen = pl.col("_first"), pl.col("_seen")
    per_unit = marked.select(
        *([] if agency is None else [pl.col(agency).filter(at_first)]),
        violating=seen.filter(pl.col("_last")) > (seen - pl.col("_bad")).filter(at_first),
        problem=pl.col("problem").is_not_null().filter(at_first),
        total=pl.col("total").filter(at_first),
        not_counted=pl.col("not_counted").filter(at_first),
        duplicates=pl.col("duplicates").filter(at_first),
    )
    rollup_aggs = [
        pl.len().cast(pl.Int64).alias("units"),
        (~pl.col("violating") & ~pl.col("problem")).sum().cast(pl.Int64).alias("units_within"),
        pl.col("violating").sum().cast(pl.Int64).alias("units_violating"),
        pl.col("problem").sum().cast(pl.Int64).alias("units_with_problem"),
        pl.col("total").cast(pl.Int64).sum().alias("employees"),
        pl.col("not_counted").cast(pl.Int64).sum().alias("not_counted"),
        pl.col("duplicates").cast(pl.Int64).sum().alias("duplicates"),
    ]
    if agency is None:
        return per_unit.select(rollup_aggs)
    return per_unit.group_by(agency).agg(rollup_aggs).sort(agency, nulls_last=True)
