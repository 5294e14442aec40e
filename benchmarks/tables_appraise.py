"""Time ``asn_performance.tables.appraise`` on a million random rows against a bare numpy function.

    .venv/bin/python benchmarks/tables_appraise.py [--rows 1000000] [--repeat 3]

The rows: ratings spelled as the e-Kinerja export and the library's codes mix them (capitals,
title case, codes), 5 % unit heads with their organisation predikat, 0.5 % bad or missing
ratings, in random order. Timed, each the median of ``--repeat`` runs, interleaved:

* ``tables.appraise`` on a polars DataFrame (eager), and on the same LazyFrame collected with
  the streaming engine;
* ``numpy (from text)``: a bare numpy function computing the same predikat codes: each text
  column factorised with ``np.unique(..., return_inverse=True)``, the few distinct spellings
  looked up in a dict, then the 6/2022 matrix gathered by ``hasil * 3 + perilaku`` (fancy
  index); no problem text, no labels, no rule ids;
* ``numpy (from codes)``: the fancy-index step alone, given the dense codes.

The numpy result is checked equal to the library's ``predikat`` column before timing.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable

import numpy as np
import polars as pl

from asn_performance import tables
from asn_performance.tables._codes import (
    MATRIX,
    ORGANISATION_SPELLINGS,
    PREDIKAT_CODES,
    RATING_SPELLINGS,
    UNIT_HEAD,
    code_of,
)

RATINGS = [
    "DIATAS EKSPEKTASI",
    "SESUAI EKSPEKTASI",
    "DIBAWAH EKSPEKTASI",
    "Sesuai Ekspektasi",
    "di_atas_ekspektasi",
    "sesuai_ekspektasi",
    "di_bawah_ekspektasi",
]
WEIGHTS = [0.15, 0.45, 0.05, 0.15, 0.05, 0.13, 0.02]
ORGANISATIONS = ["Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"]


def make_rows(n: int, seed: int = 2026) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    spell = np.array([*RATINGS, "xyz"], dtype=object)
    p = np.array([w * 0.995 for w in WEIGHTS] + [0.005])
    hasil = spell[rng.choice(len(spell), n, p=p / p.sum())]
    perilaku = spell[rng.choice(len(spell), n, p=p / p.sum())]
    hasil[rng.random(n) < 0.001] = None
    head = rng.random(n) < 0.05
    organisation = np.array(ORGANISATIONS, dtype=object)[rng.integers(0, 5, n)]
    organisation[~head] = None
    return pl.DataFrame(
        {
            "rating_hasil_kerja": hasil.tolist(),
            "rating_perilaku_kerja": perilaku.tolist(),
            "unit_head": head,
            "organisation_predikat": organisation.tolist(),
        },
        schema={
            "rating_hasil_kerja": pl.String,
            "rating_perilaku_kerja": pl.String,
            "unit_head": pl.Boolean,
            "organisation_predikat": pl.String,
        },
    )


_MATRIX = np.array([*MATRIX, -1], dtype=np.int8)  # index 9: a row with a bad value
_UNIT_HEAD = np.array(UNIT_HEAD, dtype=np.int8)


def factorised(column: np.ndarray, table: dict[str, int]) -> np.ndarray:
    """Dense codes of a text column (-1 unknown, -2 missing): np.unique, then a dict look-up."""
    filled = np.where(column == None, "", column).astype(str)  # noqa: E711 - elementwise
    distinct, inverse = np.unique(filled, return_inverse=True)
    codes = np.array([c if (c := code_of(table, s)) is not None else -2 for s in distinct])
    return codes.astype(np.int8)[inverse]


def numpy_from_codes(h: np.ndarray, p: np.ndarray, o: np.ndarray, head: np.ndarray) -> np.ndarray:
    """The predikat code of each row by fancy index (-1 for a row with a bad value)."""
    hasil = np.where(head, _UNIT_HEAD[np.maximum(o, 0)], h)
    bad = (h == -1) | (~head & (h < 0)) | (p < 0) | (o == -1) | (head & (o < 0))
    index = np.where(bad, 9, hasil.astype(np.int16) * 3 + p)
    return _MATRIX[index]


def numpy_from_text(cols: dict[str, np.ndarray]) -> np.ndarray:
    h = factorised(cols["rating_hasil_kerja"], RATING_SPELLINGS)
    p = factorised(cols["rating_perilaku_kerja"], RATING_SPELLINGS)
    o = factorised(cols["organisation_predikat"], ORGANISATION_SPELLINGS)
    return numpy_from_codes(h, p, o, cols["unit_head"])


def median_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    df = make_rows(args.rows)
    cols = {name: df[name].to_numpy() for name in df.columns}
    cols["unit_head"] = df["unit_head"].to_numpy().astype(bool)
    codes = {
        "h": factorised(cols["rating_hasil_kerja"], RATING_SPELLINGS),
        "p": factorised(cols["rating_perilaku_kerja"], RATING_SPELLINGS),
        "o": factorised(cols["organisation_predikat"], ORGANISATION_SPELLINGS),
    }

    library = tables.appraise(df)["predikat"].to_list()
    bare = numpy_from_text(cols)
    names = np.array([*PREDIKAT_CODES, None], dtype=object)
    assert library == names[bare].tolist(), "the numpy baseline and the library disagree"

    runs: dict[str, Callable[[], object]] = {
        "tables.appraise, polars eager": lambda: tables.appraise(df),
        "tables.appraise, polars lazy + streaming": lambda: tables.appraise(df.lazy()).collect(
            engine="streaming"
        ),
        "numpy (from text)": lambda: numpy_from_text(cols),
        "numpy (from codes)": lambda: numpy_from_codes(
            codes["h"], codes["p"], codes["o"], cols["unit_head"]
        ),
    }
    timings = {name: [] for name in runs}  # type: dict[str, list[float]]
    for _ in range(args.repeat):  # interleaved
        for name, run in runs.items():
            timings[name].append(median_of(1, run))
    base = statistics.median(timings["numpy (from text)"])
    print(f"{args.rows:,} rows; median of {args.repeat}; polars {pl.__version__},")
    print(f"numpy {np.__version__}, Python {platform.python_version()}, {platform.machine()},")
    print(f"{os.cpu_count()} CPUs")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:45s} {median * 1000:8.1f} ms  {median / base:5.2f}x numpy (from text)")


if __name__ == "__main__":
    main()
