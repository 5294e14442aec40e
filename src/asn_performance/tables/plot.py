"""A plot of each unit's predikat against the limits of SE MenPANRB 3/2023 (matplotlib).

:func:`plot_distribution` draws the report of :func:`~asn_performance.tables.distribution`
(or of ``distribution_polars``): for each unit a horizontal bar stacked by predikat share, the
limits as markers on that bar (a maximum as a vertical tick at its share, an "at least N" as
a triangle), and the units that break a limit drawn with a red edge and a red name.
matplotlib is optional: ``pip install 'asn-performance[plot]'``.
"""

from __future__ import annotations

from typing import Any, Final

import polars as pl

from asn_performance.consequences.distribution import PREDIKAT_ORDER
from asn_performance.exceptions import InputError

__all__ = ["PREDIKAT_COLORS", "VIOLATION_COLOR", "plot_distribution"]

#: A colour per predikat, best first (green to dark red).
PREDIKAT_COLORS: Final = ("#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027")
#: The edge and label colour of a unit that breaks a limit.
VIOLATION_COLOR: Final = "#b2182b"
_COUNTS: Final = tuple(f"count_{p.code}" for p in PREDIKAT_ORDER)


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415 - optional, loaded on use
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "plot_distribution needs matplotlib: pip install 'asn-performance[plot]'"
        ) from error
    return plt


def _as_frame(report: Any) -> pl.DataFrame:
    if isinstance(report, pl.LazyFrame):
        return report.collect()
    if isinstance(report, pl.DataFrame):
        return report
    try:
        import narwhals as nw  # noqa: PLC0415 - any frame the caller holds

        frame: pl.DataFrame = nw.from_native(report, eager_only=True).to_polars()
        return frame
    except TypeError as error:
        raise InputError(
            "the report must be a table from tables.distribution",
            path="report",
            value=type(report).__name__,
            rule="TYPE",
            fix="pass the first table tables.distribution returns",
        ) from error


def plot_distribution(
    report: object, *, ax: Any = None, units: Any = None, max_units: int = 30
) -> Any:
    """Draw each unit's predikat shares against its limits; return the matplotlib Axes.

    Args:
        report: the report of the distribution check (any frame kind).
        ax: an Axes to draw on; default a new figure.
        units: the units to draw, in order; default the violating units first, then the
            rest, up to ``max_units``.
        max_units: the most units drawn when ``units`` is not given.
    """
    plt = _pyplot()
    frame = _as_frame(report)
    needed = ("unit", "total", "ok", "limit_bound", "limit_percent", "limit_count", *_COUNTS)
    missing = [name for name in needed if name not in frame.columns]
    if missing:
        raise InputError(
            f"the report has no column {missing[0]!r}",
            path="report",
            value=frame.columns,
            rule="TYPE",
            fix="pass the report of tables.distribution",
        )
    per_unit = (
        frame.group_by("unit", maintain_order=True)
        .agg(
            *(pl.col(c).first() for c in ("total", *_COUNTS)),
            violating=(pl.col("ok") == False).any(),  # noqa: E712 - a polars comparison
            limits=pl.struct("limit_bound", "limit_percent", "limit_count", "limit_predikat"),
        )
        .filter(pl.col("unit").is_not_null())
    )
    if units is not None:
        chosen = [str(u) for u in units]
        per_unit = per_unit.filter(pl.col("unit").is_in(chosen)).sort(
            pl.col("unit").replace_strict(chosen, list(range(len(chosen))), default=0)
        )
    else:
        per_unit = per_unit.sort("violating", descending=True, maintain_order=True).head(max_units)
    if ax is None:
        _figure, ax = plt.subplots(figsize=(8, 0.45 * max(per_unit.height, 2) + 1.2))
    rows = per_unit.to_dicts()
    names = [str(row["unit"]) for row in rows]
    positions = list(range(len(rows)))
    left = [0.0] * len(rows)
    for index, (column, color) in enumerate(zip(_COUNTS, PREDIKAT_COLORS, strict=True)):
        shares = [100.0 * row[column] / row["total"] if row["total"] else 0.0 for row in rows]
        ax.barh(
            positions,
            shares,
            left=left,
            color=color,
            edgecolor=[VIOLATION_COLOR if row["violating"] else "white" for row in rows],
            linewidth=[2.0 if row["violating"] else 0.5 for row in rows],
            label=PREDIKAT_ORDER[index].label_id,
        )
        left = [a + b for a, b in zip(left, shares, strict=True)]
    for position, row in zip(positions, rows, strict=True):
        for limit in row["limits"]:
            if limit["limit_bound"] is None:
                continue
            if limit["limit_percent"] is not None:
                share = float(limit["limit_percent"])
                marker = "|" if limit["limit_bound"] == "max" else "^"
                ax.plot(share, position, marker=marker, color="black", markersize=14)
            elif limit["limit_bound"] == "min" and row["total"]:
                ax.plot(
                    100.0 * limit["limit_count"] / row["total"],
                    position,
                    marker="^",
                    color="black",
                    markersize=8,
                )
    ax.set_yticks(positions, names)
    for label, row in zip(ax.get_yticklabels(), rows, strict=True):
        if row["violating"]:
            label.set_color(VIOLATION_COLOR)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of the unit's employees (%)")
    ax.set_title("Predikat per unit against SE MenPANRB 3/2023 (| at most, ^ at least)")
    ax.legend(loc="lower right", fontsize="small")
    return ax
