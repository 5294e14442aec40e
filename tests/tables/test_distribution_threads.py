"""The pool of two threads in ``_PerUnit.__call__`` (the repeated-NIP search, the units'
order): an exception in a submitted task (the order,
the repeat search) reaches the caller and leaves no thread behind; the callback run from
several threads at once (another pool) gives the same report as one run alone."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

pl = pytest.importorskip("polars")

from polars.testing import assert_frame_equal  # noqa: E402

from asn_performance import tables  # noqa: E402
from asn_performance.tables import _distribution  # noqa: E402


def _frame(encoded: bool) -> pl.DataFrame:
    units = [f"U{(i * 7) % 23}" for i in range(200)]
    frame = pl.DataFrame(
        {
            "unit": units,
            "nip": [str(i % 150) for i in range(200)],  # NIPs 0-49 repeat: duplicates
            "predikat": [
                ("baik", "sangat_baik", "kurang", "butuh_perbaikan")[i % 4] for i in range(200)
            ],
            "organisation_predikat": ["baik"] * 200,
        }
    )
    return frame.with_columns(pl.col("unit").cast(pl.Categorical)) if encoded else frame


class BoomError(RuntimeError):
    pass


@pytest.mark.parametrize("encoded", [True, False])
@pytest.mark.parametrize("target", ["_order", "_repeats"])
def test_an_exception_in_a_pool_task_reaches_the_caller(
    monkeypatch: pytest.MonkeyPatch, encoded: bool, target: str
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise BoomError("from the pool")

    if target == "_order":
        monkeypatch.setattr(_distribution._PerUnit, "_order", boom)
    else:
        monkeypatch.setattr(_distribution, "_repeats", boom)
    before = threading.active_count()
    with pytest.raises(Exception, match="from the pool"):
        tables.distribution(_frame(encoded))
    assert threading.active_count() == before  # the pool was shut down


@pytest.mark.parametrize("encoded", [True, False])
def test_the_callback_from_several_threads_at_once(encoded: bool) -> None:
    frame = _frame(encoded)
    alone = tables.distribution(frame)
    with ThreadPoolExecutor(max_workers=4) as outer:
        results = list(outer.map(lambda _: tables.distribution(frame), range(8)))
    for result in results:
        assert_frame_equal(result.report, alone.report)
        assert_frame_equal(result.rollup, alone.rollup)


def test_a_lazy_report_and_rollup_collected_together() -> None:
    # two map_batches calls (or one, shared) over the same lazy rows: the same as eager
    frame = _frame(True)
    eager = tables.distribution(frame)
    lazy = tables.distribution(frame.lazy())
    report, rollup = pl.collect_all([lazy.report, lazy.rollup])
    assert_frame_equal(report, eager.report)
    assert_frame_equal(rollup, eager.rollup)
