"""``tables.plot.plot_distribution`` draws each unit's shares and its limits (Agg backend)."""

from __future__ import annotations

from pathlib import Path

import pytest

pl = pytest.importorskip("polars")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from matplotlib.colors import to_rgba  # noqa: E402

from asn_performance.tables._columns import Columns  # noqa: E402
from asn_performance.tables._distribution import distribution_polars  # noqa: E402
from asn_performance.tables.plot import VIOLATION_COLOR, plot_distribution  # noqa: E402


def _report() -> pl.DataFrame:
    # "Bad": organisation Baik, 8 Baik + 2 Sangat Baik (80 % > 70 %, no Butuh Perbaikan);
    # "Good": organisation Baik, 2 Baik, 1 Sangat Baik, 1 Butuh Perbaikan (within).
    lf = pl.LazyFrame(
        {
            "unit": ["Good"] * 4 + ["Bad"] * 10,
            "predikat": ["baik", "baik", "sangat_baik", "butuh_perbaikan"]
            + ["baik"] * 8
            + ["sangat_baik"] * 2,
            "organisation_predikat": ["baik"] * 14,
        }
    )
    return distribution_polars(lf, Columns())[0].collect()


def test_draws_one_stacked_bar_per_unit_and_highlights_violations(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    ax = plot_distribution(_report())
    # 5 predikat segments per unit, 2 units.
    assert len(ax.patches) == 10
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert labels == ["Bad", "Good"]  # violating units first
    bad = ax.get_yticklabels()[0]
    assert to_rgba(bad.get_color()) == to_rgba(VIOLATION_COLOR)
    edges = {to_rgba(patch.get_edgecolor()) for patch in ax.patches}
    assert to_rgba(VIOLATION_COLOR) in edges
    # The max-70 % tick of both units and the at-least-1 markers are drawn.
    assert len(ax.lines) == 4
    out = tmp_path / "distribution.png"
    ax.figure.savefig(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    plt.close(ax.figure)


def test_units_choose_and_order_the_bars() -> None:
    import matplotlib.pyplot as plt

    figure, ax = plt.subplots()
    assert plot_distribution(_report().lazy(), ax=ax, units=["Good"]) is ax
    assert [label.get_text() for label in ax.get_yticklabels()] == ["Good"]
    assert len(ax.patches) == 5
    plt.close(figure)


def test_a_table_that_is_not_a_report_is_refused() -> None:
    from asn_performance.exceptions import InputError

    with pytest.raises(InputError):
        plot_distribution(pl.DataFrame({"unit": ["A"]}))
