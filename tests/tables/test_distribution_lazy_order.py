"""The report is not sorted after the per-unit rows: its order rests on every step after
``_PerUnit`` keeping the rows' order (the joins with ``maintain_order="left"``,
``with_columns``, ``explode``). A lazy table collected by either engine gives the eager
report, row for row, in (unit as text, period) order."""

from __future__ import annotations

import random

import pytest

pl = pytest.importorskip("polars")

from polars.testing import assert_frame_equal  # noqa: E402

from asn_performance import tables  # noqa: E402


def _frame() -> pl.DataFrame:
    rnd = random.Random(11)  # noqa: S311 (test data, not secrets)
    orgs = ["istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang", "zz", None]
    n = 5000
    units = [f"U{rnd.randrange(400)}" for _ in range(n)]
    own = {u: rnd.choice(orgs) for u in sorted(set(units))}
    return pl.DataFrame(
        {
            "unit": units,
            "nip": [str(rnd.randrange(4000)) for _ in range(n)],
            "predikat": [
                rnd.choice(
                    ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang", None, "x"]
                )
                for _ in range(n)
            ],
            "organisation_predikat": [
                own[u] if rnd.random() > 0.03 else rnd.choice(orgs) for u in units
            ],
            "agency": [f"G{int(u[1:]) % 9}" for u in units],
            "period": [rnd.choice(["2024-S1", "2024-S2"]) for _ in range(n)],
        }
    )


@pytest.mark.parametrize("engine", ["in-memory", "streaming"])
@pytest.mark.parametrize("encoded", [False, True])
@pytest.mark.parametrize("period", ["period", None])
@pytest.mark.parametrize("given", [False, True])
def test_lazy_report_equals_the_eager_one(
    engine: str, encoded: bool, period: str | None, given: bool
) -> None:
    frame = _frame()
    if encoded:
        frame = frame.with_columns(
            pl.col("unit", "predikat", "organisation_predikat").cast(pl.Categorical)
        )
    kwargs: dict[str, object] = {"agency": "agency", "period": period}
    if given:
        units = frame.get_column("unit").cast(pl.String).unique().sort(nulls_last=True).to_list()
        kwargs["organisation_predikat"] = {
            u: ("baik", "kurang", "istimewa")[i % 3] for i, u in enumerate(units) if i % 5
        }
        frame = frame.drop("organisation_predikat")
    eager = tables.distribution(frame, **kwargs)  # type: ignore[arg-type]
    lazy = tables.distribution(frame.lazy(), **kwargs)  # type: ignore[arg-type]
    report = lazy.report.collect(engine=engine)
    assert_frame_equal(report, eager.report)
    assert_frame_equal(lazy.rollup.collect(engine=engine), eager.rollup)
    # and the report is in (unit as text, period) order, each unit's limits consecutive
    keys = ["unit"] + (["period"] if period else [])
    heads = report.select(keys).unique(maintain_order=True)
    assert heads.equals(heads.sort(keys, nulls_last=True, maintain_order=True))
    runs = report.select(pl.struct(keys).rle_id()).to_series().max()
    assert report.select(keys).n_unique() == runs + 1  # type: ignore[operator]
