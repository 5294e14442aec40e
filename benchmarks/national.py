"""A whole country in one call: the table path against a bare numpy function (issue 11).

Generates N employees (default 4,500,000) in U units (default 150,000) with a realistic mix,
rows in random order, as a polars DataFrame (numpy, seeded), and times in one interleaved run:

* ``numpy``: a bare numpy function written here that computes the same outputs from dense
  integer codes (the predikat by fancy index into the 6/2022 matrix, unit heads through the
  D3 map, angka kredit in integer hundredths, tunjangan components in whole rupiah with
  half-up in integers, worked out once per combination of codes into small tables that each
  row indexes; per-unit counts by ``bincount`` and the distribution limits' thresholds), with
  no validation and no explanation. Its inputs are the integer codes the
  table was generated from: the cost of reading text is not in it.
* ``numpy+decode``: the same function, starting from the table's text columns (each decoded
  to codes with pyarrow's ``dictionary_encode``): for information, what reading text costs.
* ``library``: :func:`asn_performance.tables.rewards` (which appraises first) and
  :func:`asn_performance.tables.distribution` on the polars DataFrame, eager.
* ``library-lazy``: the same on a polars LazyFrame, collected with the streaming engine.
* ``library-dict``: the library on the same table with its text columns dictionary-encoded
  (polars ``Categorical``: integer codes and their texts, as Parquet dictionary columns and
  pandas categoricals arrive); the like-for-like comparison with ``numpy``, which starts from
  integer codes too.
* ``numpy+dict``: the numpy function starting from those dictionary-encoded columns (their
  integer codes mapped through each dictionary's texts): the comparison for ``library-dict``
  with the dictionaries' decoding in it.
* ``dask`` (on request, ``--variants``): the table in 16 Parquet files, a local cluster of two
  worker processes; the rewards written back as Parquet and the distribution check, in one
  ``dask.compute`` (memory and CPU summed over the client and the workers).

The rule tables of the baseline are read from the library's own tables (the matrix, D3, the
angka kredit percentages and koefisien, the allowance policy, the distribution limits), so
that the comparison is of the arithmetic, not of two copies of the rules. Before timing, the
script checks that every output of the library equals the baseline's, value for value.

Each variant runs in its own subprocess per round (the data is written once to a temporary
Parquet file and ``.npz``); the subprocess loads its input, resets its peak RSS
(``/proc/self/clear_refs``), runs, and reports wall time, CPU time (all threads) and the peak
resident set (``VmHWM``: Rust's allocations included, which ``tracemalloc`` cannot see), both
in total and above what the loaded input held. A library variant's process imports the modules
the library's first call would import (:data:`FIRST_CALL_MODULES`, once per process) before it
is timed, as numpy is imported before the numpy function is timed; the time those imports take
is printed apart (since 2026-12-05; before, those imports, 10-14 ms, were in the library's
figures).

Usage::

    .venv/bin/python benchmarks/national.py                # 4.5 M rows, 150 000 units, 3 rounds
    .venv/bin/python benchmarks/national.py --quick        # 200 000 rows, 6 666 units
    .venv/bin/python benchmarks/national.py --rows 1000000 --units 33000 --rounds 5
    .venv/bin/python benchmarks/national.py --variants numpy,library,dask
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from asn_performance import tables
from asn_performance.consequences import (
    AllowancePolicy,
    AngkaKreditRule,
    AttendanceCuts,
    RewardPolicy,
)
from asn_performance.consequences.distribution import DISTRIBUTION_LIMITS, Bound
from asn_performance.domain.employee import Jenjang
from asn_performance.domain.rating import OrganisationPredikat, Predikat, Rating
from asn_performance.regimes.permenpanrb_6_2022.matrix import PREDIKAT_MATRIX, UNIT_HEAD_RATING

SEED = 20261204
AGENCIES = 620  # about the number of central and regional agencies (instansi)
VARIANTS = ("numpy", "numpy+decode", "library", "library-lazy", "library-dict", "numpy+dict")
#: The text columns a dictionary-encoded table holds as Categorical (what Parquet dictionary
#: columns and pandas categoricals become in polars): the library-dict variant.
DICTIONARY = (
    "agency",
    "unit",
    "rating_hasil_kerja",
    "rating_perilaku_kerja",
    "organisation_predikat",
    "jenjang",
)
#: Further variants, on request (--variants): the Dask path on a local cluster of 2 workers.
OPTIONAL_VARIANTS = ("dask",)
DASK_PARTITIONS = 16
ATTENDANCE = ("days_absent", "missing_checks", "minutes_late_or_early", "missed_ceremonies")

# The enums' own order gives the codes: code i is the i-th member.
RATINGS = tuple(Rating)
PREDIKATS = tuple(Predikat)
ORGS = tuple(OrganisationPredikat)
JENJANGS = tuple(Jenjang)
#: The e-Kinerja spellings of the ratings (upper case, "DIATAS"/"DIBAWAH" in one word).
RATING_TEXT = ("DIBAWAH EKSPEKTASI", "SESUAI EKSPEKTASI", "DIATAS EKSPEKTASI")

# ---------------------------------------------------------------------------------------------
# The policy of the benchmark: a tunjangan for every kelas 1-17
# ---------------------------------------------------------------------------------------------

#: Base amounts for kelas 1-17, partly invented: kelas 1 and 7-17 are the built-in Kemnaker
#: policy's (all 17 kelas of Lampiran Permenaker 15/2024 p.12), kelas 2-6 are not any agency's;
#: odd amounts so that half-up rounding is exercised.
BENCH_BASE = {
    kelas: Decimal(amount)
    for kelas, amount in enumerate(
        (
            2_531_250, 2_702_013, 2_898_727, 3_021_441, 3_367_175, 3_520_553, 3_915_950,
            4_595_150, 5_079_200, 5_979_200, 8_757_600, 9_896_000, 10_936_000, 17_064_000,
            19_280_000, 27_577_500, 33_240_000,
        ),
        start=1,
    )
}  # fmt: skip

BENCH_POLICY = RewardPolicy(
    name="benchmark",
    version="1",
    angka_kredit=AngkaKreditRule(),
    allowance=AllowancePolicy(
        name="benchmark",
        version="1",
        base=BENCH_BASE,
        performance_share=Decimal(70),
        performance_percentage={
            Predikat.SANGAT_BAIK: Decimal(100),
            Predikat.BAIK: Decimal(100),
            Predikat.BUTUH_PERBAIKAN: Decimal(85),
            Predikat.KURANG: Decimal(60),
            Predikat.SANGAT_KURANG: Decimal(60),
        },
        attendance_share=Decimal(30),
        cuts=AttendanceCuts(
            per_day_absent=Decimal(3),
            per_missing_check=Decimal(1),
            per_minute=Decimal("0.01"),
            per_missed_ceremony=Decimal(3),
        ),
        citation="benchmark only: the Kemnaker shares and cuts with invented amounts",
    ),
)


# ---------------------------------------------------------------------------------------------
# Synthetic data
# ---------------------------------------------------------------------------------------------


@dataclass
class Codes:
    """The integer codes a table is generated from (one entry per row unless said)."""

    unit: np.ndarray  # int32, 0..U-1
    head: np.ndarray  # bool
    org_of_unit: np.ndarray  # int8 per unit, index into ORGS
    hasil: np.ndarray  # int8, index into RATINGS
    perilaku: np.ndarray  # int8
    jenjang: np.ndarray  # int8, index into JENJANGS, -1 when not a JF
    months: np.ndarray  # int8, 0 when not a JF
    kelas: np.ndarray  # int8, 1..17
    attendance: np.ndarray  # int32, shape (4, N)

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "unit": self.unit,
            "head": self.head,
            "org_of_unit": self.org_of_unit,
            "hasil": self.hasil,
            "perilaku": self.perilaku,
            "jenjang": self.jenjang,
            "months": self.months,
            "kelas": self.kelas,
            "attendance": self.attendance,
        }


def _draw(rng: np.random.Generator, n: int, probabilities: list[float]) -> np.ndarray:
    p = np.asarray(probabilities, dtype=np.float64)
    return rng.choice(len(p), size=n, p=p / p.sum()).astype(np.int8)


def _counts(rng: np.random.Generator, n: int, zero: float, mean: float, top: int) -> np.ndarray:
    """Mostly zero; otherwise 1 + geometric with the given mean, at most ``top``."""
    values = 1 + rng.geometric(1 / mean, size=n) - 1
    values[rng.random(n) < zero] = 0
    return np.minimum(values, top).astype(np.int32)


def _nips(rng: np.random.Generator, n: int) -> np.ndarray:
    """n distinct valid NIP PNS as int64 (birth date, TMT, sex, sequence)."""
    year = rng.integers(1965, 2003, n)
    nip = (
        year * 10**14
        + rng.integers(1, 13, n) * 10**12
        + rng.integers(1, 29, n) * 10**10
        + np.minimum(year + rng.integers(20, 36, n), 2025) * 10**6
        + rng.integers(1, 13, n) * 10**4
        + rng.integers(1, 3, n) * 10**3
    )
    sequence = rng.integers(1, 1000, n)
    while True:
        full = nip + sequence
        _, first = np.unique(full, return_index=True)
        duplicate = np.ones(n, dtype=bool)
        duplicate[first] = False
        if not duplicate.any():
            return full
        sequence[duplicate] = rng.integers(1, 1000, int(duplicate.sum()))


def generate(rows: int, units: int, seed: int = SEED) -> tuple[pl.DataFrame, Codes]:
    """A country of ``rows`` employees in ``units`` units, rows in random order."""
    if units > rows:
        raise SystemExit("--units must not exceed --rows: every unit has a head")
    rng = np.random.default_rng(seed)
    # Unit sizes: one head each, the rest spread log-normally (a few large units).
    weights = rng.lognormal(0.0, 1.0, units)
    sizes = 1 + rng.multinomial(rows - units, weights / weights.sum())
    unit_sorted = np.repeat(np.arange(units, dtype=np.int32), sizes)
    head_sorted = np.zeros(rows, dtype=bool)
    head_sorted[np.concatenate(([0], np.cumsum(sizes)[:-1]))] = True
    order = rng.permutation(rows)
    unit = unit_sorted[order]
    head = head_sorted[order]
    # istimewa, baik, butuh perbaikan, kurang, sangat kurang
    org_of_unit = _draw(rng, units, [0.15, 0.70, 0.10, 0.04, 0.01])
    hasil = _draw(rng, rows, [0.04, 0.78, 0.18])  # di bawah, sesuai, di atas
    perilaku = _draw(rng, rows, [0.03, 0.82, 0.15])
    # 40 % jabatan fungsional; jenjang in Jenjang's order (pemula .. ahli utama)
    jf = rng.random(rows) < 0.40
    jenjang = np.where(jf, _draw(rng, rows, [2, 25, 15, 5, 25, 18, 8, 2]), -1).astype(np.int8)
    months = np.where(rng.random(rows) < 0.85, 12, rng.integers(1, 12, rows))
    months = np.where(jf, months, 0).astype(np.int8)
    kelas_p = [1, 2, 3, 4, 6, 9, 12, 13, 12, 10, 9, 7, 5, 3, 2, 1, 1]
    kelas = (1 + _draw(rng, rows, kelas_p)).astype(np.int8)
    attendance = np.stack(
        (
            _counts(rng, rows, 0.92, 2, 40),  # days absent (a few beyond the cap)
            _counts(rng, rows, 0.85, 2, 60),  # missing check-ins/outs
            _counts(rng, rows, 0.65, 45, 3000),  # minutes late or early
            _counts(rng, rows, 0.93, 1.2, 5),  # missed ceremonies
        )
    )
    codes = Codes(unit, head, org_of_unit, hasil, perilaku, jenjang, months, kelas, attendance)
    return frame_of(codes, rng, units), codes


def _text(vocabulary: list[str], index: np.ndarray) -> pl.Series:
    """The texts ``vocabulary[index]`` (null where ``index`` is -1), as a Utf8 column."""
    idx = pl.Series(index.astype(np.int64))
    idx = pl.select(pl.when(idx >= 0).then(idx)).to_series()
    return pl.Series(vocabulary, dtype=pl.Utf8).gather(idx)


def frame_of(codes: Codes, rng: np.random.Generator, units: int) -> pl.DataFrame:
    rows = len(codes.unit)
    agency_of_unit = np.sort(rng.integers(0, AGENCIES, units))
    unit_names = [f"U{u:06d}" for u in range(units)]
    agency_names = [f"Instansi {a:03d}" for a in range(AGENCIES)]
    org_row = codes.org_of_unit[codes.unit]
    columns: dict[str, Any] = {
        "nip": pl.Series(_nips(rng, rows)).cast(pl.Utf8),
        "agency": _text(agency_names, agency_of_unit[codes.unit]),
        "unit": _text(unit_names, codes.unit),
        "rating_hasil_kerja": _text(list(RATING_TEXT), codes.hasil),
        "rating_perilaku_kerja": _text(list(RATING_TEXT), codes.perilaku),
        "unit_head": pl.Series(codes.head),
        # the unit's capaian kinerja on every row of the unit (read for heads and the curve)
        "organisation_predikat": _text([o.label_id for o in ORGS], org_row),
        "jenjang": _text([j.code for j in JENJANGS], codes.jenjang),
        "months": pl.Series(np.where(codes.jenjang >= 0, codes.months, -1)).cast(pl.Int32),
        "kelas": pl.Series(codes.kelas).cast(pl.Int32),
    }
    columns["months"] = pl.select(
        pl.when(columns["months"] > 0).then(columns["months"])
    ).to_series()
    for i, name in enumerate(ATTENDANCE):
        columns[name] = pl.Series(codes.attendance[i])
    return pl.DataFrame(columns)


# ---------------------------------------------------------------------------------------------
# The bare numpy function
# ---------------------------------------------------------------------------------------------


def _ratio(value: Decimal) -> tuple[int, int]:
    num, den = value.as_integer_ratio()
    return int(num), int(den)


def _scaled(values: list[Decimal]) -> tuple[np.ndarray, int]:
    """Integers ``n_i`` and one denominator ``d`` with ``values[i] == n_i / d``."""
    den = reduce(math.lcm, (_ratio(v)[1] for v in values), 1)
    return np.array([int(v * den) for v in values], dtype=np.int64), den


@dataclass
class Tables:
    """The library's rule tables as integer arrays indexed by code."""

    matrix: np.ndarray  # [hasil, perilaku] -> predikat code
    d3: np.ndarray  # org code -> rating code
    ak_pct: np.ndarray
    ak_pct_den: int
    koef: np.ndarray
    koef_den: int
    base: np.ndarray  # kelas -> base numerator (-1 when absent)
    base_den: int
    perf_share: tuple[int, int]
    perf_pct: np.ndarray
    perf_pct_den: int
    att_share: tuple[int, int]
    cut_rates: np.ndarray
    cut_den: int
    cap: int  # in cut_den units
    rounded_components: bool
    # the limits: per org code, (group mask over predikat codes, is_max, num, den, count)
    limits: list[list[tuple[np.ndarray, bool, int, int, int | None]]]


def tables_of(policy: RewardPolicy) -> Tables:
    assert policy.angka_kredit is not None
    assert policy.allowance is not None
    ak, al = policy.angka_kredit, policy.allowance
    matrix = np.zeros((3, 3), dtype=np.int8)
    for (h, p), predikat in PREDIKAT_MATRIX.items():
        matrix[RATINGS.index(h), RATINGS.index(p)] = PREDIKATS.index(predikat)
    d3 = np.array([RATINGS.index(UNIT_HEAD_RATING[o]) for o in ORGS], dtype=np.int8)
    ak_pct, ak_pct_den = _scaled([ak.percentages[p] for p in PREDIKATS])
    koef, koef_den = _scaled([ak.koefisien[j] for j in JENJANGS])
    base_values, base_den = _scaled(list(al.base.values()))
    base = np.full(18, -1, dtype=np.int64)
    for kelas, value in zip(al.base, base_values, strict=True):
        base[kelas] = value
    perf_pct, perf_pct_den = _scaled([al.performance_percentage[p] for p in PREDIKATS])
    cuts = al.cuts
    rates = [cuts.per_day_absent, cuts.per_missing_check, cuts.per_minute]
    rates.append(cuts.per_missed_ceremony)
    cut_rates, cut_den = _scaled([*rates, cuts.cap])
    limits = []
    for org in ORGS:
        rows = []
        for limit in DISTRIBUTION_LIMITS[org]:
            mask = np.array([p in limit.predikat for p in PREDIKATS])
            num, den = (0, 1) if limit.percent is None else _ratio(limit.percent)
            rows.append((mask, limit.bound is Bound.MAX, num, den * 100, limit.count))
        limits.append(rows)
    return Tables(
        matrix=matrix,
        d3=d3,
        ak_pct=ak_pct,
        ak_pct_den=ak_pct_den,
        koef=koef,
        koef_den=koef_den,
        base=base,
        base_den=base_den,
        perf_share=_ratio(al.performance_share),
        perf_pct=perf_pct,
        perf_pct_den=perf_pct_den,
        att_share=_ratio(al.attendance_share),
        cut_rates=cut_rates[:4],
        cut_den=cut_den,
        cap=int(cut_rates[4]),
        rounded_components=al.pay_rounded_components,
        limits=limits,
    )


def _half_up(num: np.ndarray, den: int) -> np.ndarray:
    """round(num / den) half-up, for num >= 0, in integers."""
    return (2 * num + den) // (2 * den)


def lookup_tables(t: Tables) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The results of every combination of codes, by the integer arithmetic (small tables).

    * angka kredit in hundredths by [jenjang, predikat, months] (a last jenjang row of -1,
      which the code -1 of a row without jenjang indexes): months/12 × % × koefisien;
    * the performance component in whole rupiah by [kelas, predikat]: base × share × %;
    * the attendance component by [kelas, cut] for every cut from 0 to the cap: base × share
      × (100 % − cut). A kelas without a base amount gives -1.
    """
    months = np.arange(13, dtype=np.int64)
    ak_num = t.koef[:, None, None] * t.ak_pct[None, :, None] * months[None, None, :] * 100
    ak = _half_up(ak_num, 1200 * t.ak_pct_den * t.koef_den)
    ak = np.concatenate((ak, np.full((1, 5, 13), -1, dtype=np.int64))).astype(np.int32)
    base = t.base[:, None]
    ps_num, ps_den = t.perf_share
    perf = _half_up(
        base * ps_num * t.perf_pct[None, :], t.base_den * ps_den * t.perf_pct_den * 10000
    )
    remaining = 100 * t.cut_den - np.arange(t.cap + 1, dtype=np.int64)
    as_num, as_den = t.att_share
    att = _half_up(base * as_num * remaining[None, :], t.base_den * as_den * t.cut_den * 10000)
    missing = t.base < 0
    perf[missing] = -1
    att[missing] = -1
    return ak, perf.astype(np.int32), att.astype(np.int32)


def numpy_kernel(c: Codes, t: Tables, strict: bool = True) -> dict[str, np.ndarray]:
    """Every output of the table path from integer codes: no validation, no explanation.

    Dense integer codes throughout: fancy-index lookups into small tables of results worked
    out by the integer arithmetic of the rules, and ``bincount`` for the per-unit counts.
    """
    if not t.rounded_components:
        raise NotImplementedError("the baseline pays the sum of the rounded components")
    units = len(c.org_of_unit)
    ak_table, perf_table, att_table = lookup_tables(t)
    # predikat: unit heads take their rating hasil kerja from the unit's predikat (D3)
    hasil = c.hasil.copy()
    heads = np.flatnonzero(c.head)
    hasil[heads] = t.d3[c.org_of_unit[c.unit[heads]]]
    predikat = t.matrix[hasil, c.perilaku]
    # angka kredit in hundredths (-1 without jenjang: the table's last row)
    ak = ak_table[c.jenjang, predikat, c.months]
    # tunjangan: the components looked up by kelas and predikat, and by kelas and the cut
    a = c.attendance
    r = t.cut_rates
    cut = a[0] * np.int64(r[0]) + a[1] * np.int64(r[1]) + a[2] * np.int64(r[2])
    cut += a[3] * np.int64(r[3])
    np.minimum(cut, t.cap, out=cut)
    perf = perf_table[c.kelas, predikat]
    att = att_table[c.kelas, cut]
    total = np.where(perf >= 0, perf + att, -1)
    # the curve: per-unit counts by bincount, then each limit of the unit's predikat
    counts = np.bincount(c.unit * 5 + predikat, minlength=units * 5).reshape(units, 5)
    size = counts.sum(axis=1)
    parts: list[tuple[np.ndarray, ...]] = []
    for org, limits in enumerate(t.limits):
        chosen = np.flatnonzero(c.org_of_unit == org)
        n = size[chosen]
        for index, (mask, is_max, num, den, count) in enumerate(limits):
            actual = counts[chosen][:, mask].sum(axis=1)
            if count is not None:
                threshold = np.full(len(chosen), count, dtype=np.int64)
            elif is_max == strict:  # floor
                threshold = (num * n) // den
            else:
                threshold = -((-num * n) // den)
            ok = actual <= threshold if is_max else actual >= threshold
            parts.append((chosen, np.full(len(chosen), index), n, actual, threshold, ok))
    report = [np.concatenate(column) for column in zip(*parts, strict=True)]
    return {
        "predikat": predikat,
        "angka_kredit_hundredths": ak,
        "tunjangan_kinerja": perf,
        "tunjangan_kehadiran": att,
        "tunjangan": total,
        "report_unit": report[0],
        "report_limit": report[1],
        "report_total": report[2],
        "report_actual": report[3],
        "report_threshold": report[4],
        "report_ok": report[5],
    }


def _decode(column: pl.Series, vocabulary: list[str]) -> np.ndarray:
    """Codes of a text column by pyarrow's dictionary encoding (-1 for null)."""
    encoded = column.to_arrow().dictionary_encode()
    lookup = [vocabulary.index(word) for word in encoded.dictionary.to_pylist()]
    indices = encoded.indices.fill_null(-1).to_numpy()
    return np.array([*lookup, -1], dtype=np.int8)[indices]  # -1 picks the last entry


def dictionary_encoded(frame: pl.DataFrame) -> pl.DataFrame:
    """The table with its text columns as Categorical (written to Parquet as dictionary
    columns, which the variants read back as Categorical: the input, before timing)."""
    return frame.with_columns(pl.col(name).cast(pl.Categorical) for name in DICTIONARY)


def _dictionary_decode(column: pl.Series, vocabulary: list[str]) -> np.ndarray:
    """Codes of a Categorical column through its dictionary: the distinct categories are
    looked up in ``vocabulary`` once, then every row by its integer code (-1 for null)."""
    physical = column.to_physical()
    distinct = column.unique().drop_nulls()
    lookup = np.full(int(physical.max() or 0) + 2, -1, dtype=np.int8)  # the last entry: null
    physicals, texts = distinct.to_physical().to_list(), distinct.cast(pl.Utf8).to_list()
    for code, text in zip(physicals, texts, strict=True):
        lookup[code] = vocabulary.index(text)
    return lookup[physical.fill_null(len(lookup) - 1).to_numpy()]


def codes_of_dictionary(frame: pl.DataFrame) -> Codes:
    """The codes from the dictionary-encoded columns (the numpy+dict variant)."""
    physical = frame["unit"].to_physical()
    present = physical.unique().to_numpy()  # the categories may be sparse: made dense
    dense = np.full(int(present.max()) + 1, -1, dtype=np.int32)
    dense[present] = np.arange(len(present), dtype=np.int32)
    unit = dense[physical.to_numpy()]
    org_row = _dictionary_decode(frame["organisation_predikat"], [o.label_id for o in ORGS])
    org_of_unit = np.zeros(int(unit.max()) + 1, dtype=np.int8)
    org_of_unit[unit] = org_row
    return Codes(
        unit=unit,
        head=frame["unit_head"].to_numpy(),
        org_of_unit=org_of_unit,
        hasil=_dictionary_decode(frame["rating_hasil_kerja"], list(RATING_TEXT)),
        perilaku=_dictionary_decode(frame["rating_perilaku_kerja"], list(RATING_TEXT)),
        jenjang=_dictionary_decode(frame["jenjang"], [j.code for j in JENJANGS]),
        months=frame["months"].fill_null(0).to_numpy().astype(np.int8),
        kelas=frame["kelas"].to_numpy().astype(np.int8),
        attendance=np.stack([frame[name].to_numpy() for name in ATTENDANCE]),
    )


def codes_of(frame: pl.DataFrame) -> tuple[Codes, list[str]]:
    """The codes back from the table's text columns, and the units' names by code (the
    numpy+decode variant)."""
    units = frame["unit"].to_arrow().dictionary_encode()
    unit = units.indices.to_numpy().astype(np.int32)
    org_text = [o.label_id for o in ORGS]
    org_row = _decode(frame["organisation_predikat"], org_text)
    org_of_unit = np.zeros(len(units.dictionary), dtype=np.int8)
    org_of_unit[unit] = org_row
    jenjang = _decode(frame["jenjang"], [j.code for j in JENJANGS])
    codes = Codes(
        unit=unit,
        head=frame["unit_head"].to_numpy(),
        org_of_unit=org_of_unit,
        hasil=_decode(frame["rating_hasil_kerja"], list(RATING_TEXT)),
        perilaku=_decode(frame["rating_perilaku_kerja"], list(RATING_TEXT)),
        jenjang=jenjang,
        months=frame["months"].fill_null(0).to_numpy().astype(np.int8),
        kelas=frame["kelas"].to_numpy().astype(np.int8),
        attendance=np.stack([frame[name].to_numpy() for name in ATTENDANCE]),
    )
    return codes, units.dictionary.to_pylist()


# ---------------------------------------------------------------------------------------------
# The library
# ---------------------------------------------------------------------------------------------


def run_library(frame: pl.DataFrame | pl.LazyFrame) -> tuple[Any, Any, Any]:
    """The table path: rewards (appraising first) and the distribution check, by agency."""
    out = tables.rewards(frame, policy=BENCH_POLICY)
    if isinstance(out, pl.LazyFrame):
        out = out.collect(engine="streaming")
    checked = tables.distribution(out, agency="agency")
    report, rollup = checked.report, checked.rollup
    if isinstance(report, pl.LazyFrame):
        report = report.collect(engine="streaming")
    if isinstance(rollup, pl.LazyFrame):
        rollup = rollup.collect(engine="streaming")
    return out, report, rollup


def _integers(column: pl.Series, scale: int) -> np.ndarray:
    """A Decimal column as integers of 1/scale (-1 for null)."""
    values = column.cast(pl.Decimal(38, 2)) * scale
    return values.cast(pl.Int64).fill_null(-1).to_numpy()


def compare(frame: pl.DataFrame, lib: tuple[Any, Any, Any], base: dict[str, np.ndarray]) -> None:
    """Assert the library's outputs equal the baseline's, value for value."""
    out, report, _rollup = lib
    problems = out["problem"].drop_nulls()
    if len(problems):
        raise AssertionError(f"{len(problems)} rows have a problem, e.g. {problems[0]}")
    # rows come back in the input's order
    if not out["nip"].equals(frame["nip"]):
        raise AssertionError("the library changed the order of the rows")
    predikat = out["predikat"].replace_strict([p.code for p in PREDIKATS], range(5))
    checks = {
        "predikat": predikat.to_numpy(),
        "angka_kredit_hundredths": _integers(out["angka_kredit"], 100),
        "tunjangan_kinerja": _integers(out["tunjangan_kinerja"], 1),
        "tunjangan_kehadiran": _integers(out["tunjangan_kehadiran"], 1),
        "tunjangan": _integers(out["tunjangan"], 1),
    }
    for name, values in checks.items():
        differ = np.flatnonzero(values != base[name])
        if len(differ):
            i = int(differ[0])
            raise AssertionError(
                f"{name}: {len(differ)} rows differ, e.g. row {i}: {values[i]} != {base[name][i]}"
            )
    labels = out["predikat_label"].to_numpy()
    expected = np.array([p.label_id for p in PREDIKATS], dtype=object)[base["predikat"]]
    if not (labels == expected).all():
        raise AssertionError("predikat_label differs")
    head = frame["unit_head"].to_numpy()
    rules = out["rules"].to_numpy()
    if not (rules[head] == "D3-UNIT-HEAD;6/2022-MATRIX").all():
        raise AssertionError("rules differ for unit heads")
    if not (rules[~head] == "6/2022-MATRIX").all():
        raise AssertionError("rules differ for the other rows")
    compare_report(report, base)


def compare_report(report: pl.DataFrame, base: dict[str, np.ndarray]) -> None:
    """The report's (unit, limit) rows against the baseline's."""
    theirs = report_columns(report).sort("unit", "limit")
    mine = baseline_report(base, unit_names(int(base["report_unit"].max()) + 1))
    if mine.height != theirs.height:
        raise AssertionError(f"report: {theirs.height} rows, the baseline has {mine.height}")
    for name in ("unit", "limit", "total", "actual", "threshold", "ok"):
        a, b = mine[name], theirs[name].cast(mine[name].dtype)
        if not a.equals(b):
            raise AssertionError(f"report column {name} differs")


def unit_names(units: int) -> list[str]:
    return [f"U{u:06d}" for u in range(units)]


def baseline_report(base: dict[str, np.ndarray], names: list[str]) -> pl.DataFrame:
    """The baseline's report with the units' names, sorted by unit and limit."""
    return pl.DataFrame(
        {
            "unit": pl.Series(names, dtype=pl.Utf8).gather(base["report_unit"]),
            "limit": base["report_limit"],
            "total": base["report_total"],
            "actual": base["report_actual"],
            "threshold": base["report_threshold"],
            "ok": base["report_ok"],
        }
    ).sort("unit", "limit")


def report_columns(report: pl.DataFrame) -> pl.DataFrame:
    """The library report's columns under the names the comparison uses; each limit is
    numbered by its place in ``DISTRIBUTION_LIMITS`` (found by the unit's predikat and the
    limit's wording)."""
    place = pl.DataFrame(
        [
            (org.code, limit.wording, index)
            for org in ORGS
            for index, limit in enumerate(DISTRIBUTION_LIMITS[org])
        ],
        schema=["organisation_predikat", "wording", "limit"],
        orient="row",
    )
    # the two text columns as text (polars Enums in the library's report)
    texts = [pl.col(name).cast(pl.String) for name in ("organisation_predikat", "wording")]
    joined = report.with_columns(texts).join(
        place, on=["organisation_predikat", "wording"], how="left"
    )
    if joined["limit"].null_count():
        raise AssertionError("the report has a row without a known limit")
    return joined.select(
        "unit",
        pl.col("limit").cast(pl.Int64),
        "total",
        actual="count",
        threshold="threshold",
        ok="ok",
    )


# ---------------------------------------------------------------------------------------------
# Running one variant in a subprocess
# ---------------------------------------------------------------------------------------------


def _status(field: str) -> int:
    """A field of /proc/self/status in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def child(variant: str, folder: Path) -> dict[str, Any]:
    """Load the input of ``variant``, reset the peak RSS, run it once, report."""
    rule_tables = tables_of(BENCH_POLICY)
    work: Callable[[], object]
    if variant == "numpy":
        loaded = np.load(folder / "codes.npz")
        codes = Codes(**{name: loaded[name] for name in loaded.files})
        work = lambda: numpy_kernel(codes, rule_tables)  # noqa: E731
    elif variant == "numpy+decode":
        frame = pl.read_parquet(folder / "table.parquet")
        work = lambda: numpy_kernel(codes_of(frame)[0], rule_tables)  # noqa: E731
    elif variant == "library":
        frame = pl.read_parquet(folder / "table.parquet")
        work = lambda: run_library(frame)  # noqa: E731
    elif variant == "library-lazy":
        frame = pl.read_parquet(folder / "table.parquet")
        work = lambda: run_library(frame.lazy())  # noqa: E731
    elif variant == "library-dict":
        frame = pl.read_parquet(folder / "table-dict.parquet")  # Categorical columns
        work = lambda: run_library(frame)  # noqa: E731
    elif variant == "numpy+dict":
        frame = pl.read_parquet(folder / "table-dict.parquet")
        work = lambda: numpy_kernel(codes_of_dictionary(frame), rule_tables)  # noqa: E731
    else:
        raise SystemExit(f"unknown variant {variant}")
    if variant == "numpy+decode":
        # pyarrow is loaded and warmed before timing, only where it is used: loaded in every
        # variant's process it added 70 MiB to each one's input and peak (to 2026-12-05)
        import pyarrow as pa  # noqa: PLC0415

        pa.array(["a", None]).dictionary_encode().indices.fill_null(-1).to_numpy()
    imports = _load_first_call_modules() if variant.startswith("library") else 0.0

    loaded_rss = _status("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
    wall0, cpu0 = time.perf_counter(), time.process_time()
    result = work()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    peak = _status("VmHWM")
    del result
    return {"wall": wall, "cpu": cpu, "peak": peak, "input": loaded_rss, "imports": imports}


#: The modules the library's first table call imports (lazily, once per process): loaded
#: before timing, as numpy is loaded before the numpy function is timed. ``numpy.ma`` is
#: imported by polars the first time a Series is made from a numpy array.
FIRST_CALL_MODULES = (
    "asn_performance.tables._rewards",
    "asn_performance.tables._distribution",
    "numpy.ma",
)


def _load_first_call_modules() -> float:
    """Import :data:`FIRST_CALL_MODULES`; the seconds it took (printed apart, not timed)."""
    started = time.perf_counter()
    for name in FIRST_CALL_MODULES:
        importlib.import_module(name)
    return time.perf_counter() - started


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # VmHWM := the current RSS


def _usage() -> tuple[int, int, float]:
    """(RSS, peak RSS, CPU seconds) of this process."""
    return _status("VmRSS"), _status("VmHWM"), time.process_time()


def dask_child(folder: Path, partitions: int) -> dict[str, Any]:
    """The Dask variant: a local cluster of two worker processes (one thread each) reads the
    table in ``partitions`` Parquet files, computes the rewards (written back as Parquet) and
    the distribution report and roll-up, in one ``dask.compute``. The table is read with
    pyarrow dtypes, so that the exact decimals of the results stay Arrow decimals in the
    partitions (with numpy dtypes they would be ``Decimal`` objects, one per cell). Memory
    and CPU are those of this process (client and scheduler) plus both workers."""
    import dask  # noqa: PLC0415 - the dask extra, only for this variant
    import dask.dataframe as dd  # noqa: PLC0415
    from distributed import Client, LocalCluster  # noqa: PLC0415

    from asn_performance.tables import Columns  # noqa: PLC0415
    from asn_performance.tables._dask import distribution_dask  # noqa: PLC0415

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: __import__("asn_performance.tables"))
        ddf = dd.read_parquet(folder / "parts", dtype_backend="pyarrow")
        assert ddf.npartitions == partitions, ddf.npartitions
        rewarded = tables.rewards(ddf, policy=BENCH_POLICY)
        report, rollup = distribution_dask(rewarded, Columns(), agency="agency")
        written = rewarded.to_parquet(folder / "dask-out", compute=False, overwrite=True)
        before = [_usage(), *client.run(_usage).values()]
        client.run(_reset_peak)
        _reset_peak()
        wall0 = time.perf_counter()
        _, report_rows, _ = dask.compute(written, report, rollup)
        wall = time.perf_counter() - wall0
        after = [_usage(), *client.run(_usage).values()]
        assert len(report_rows) > 0
    return {
        "wall": wall,
        "cpu": sum(a[2] - b[2] for a, b in zip(after, before, strict=True)),
        "peak": sum(a[1] for a in after),
        "input": sum(b[0] for b in before),
    }


def stages_child(folder: Path, dictionary: bool) -> dict[str, Any]:
    """The library's two calls one after the other in one process (``--stages``): wall, CPU
    and the peak RSS above the loaded input after each (the peak so far: the rewards' result
    is held while the distribution check runs, as in ``library``)."""
    name = "table-dict.parquet" if dictionary else "table.parquet"
    frame = pl.read_parquet(folder / name)
    _load_first_call_modules()
    loaded = _status("VmRSS")
    _reset_peak()
    out: dict[str, Any] = {}
    wall0, cpu0 = time.perf_counter(), time.process_time()
    rewarded = tables.rewards(frame, policy=BENCH_POLICY)
    wall1, cpu1 = time.perf_counter(), time.process_time()
    out["rewards"] = (wall1 - wall0, cpu1 - cpu0, _status("VmHWM") - loaded)
    checked = tables.distribution(rewarded, agency="agency")
    wall2, cpu2 = time.perf_counter(), time.process_time()
    out["distribution"] = (wall2 - wall1, cpu2 - cpu1, _status("VmHWM") - loaded)
    del checked, rewarded
    return out


def run_stages(folder: Path, rounds: int) -> None:
    """``--stages``: each input kind's stages, ``rounds`` processes each, medians."""
    print(f"\nstages, median of {rounds} processes (peak: RSS above the input, so far)")
    for kind in ("text", "dict"):
        runs = [run_child(f"stages-{kind}", folder) for _ in range(rounds)]
        for stage in ("rewards", "distribution"):
            wall, cpu, peak = (statistics.median(r[stage][i] for r in runs) for i in range(3))
            print(
                f"  library-{kind:<5} {stage:<13} wall {wall:6.3f} s  cpu {cpu:6.3f} s"
                f"  peak above input {_mib(peak):>9}"
            )


def run_child(variant: str, folder: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", variant, "--folder", str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"{variant} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def _mib(value: float) -> str:
    return f"{value / 2**20:,.0f} MiB"


def library_available() -> str | None:
    """Why the library's table path cannot run (None when it can)."""
    absent = [name for name in ("rewards", "distribution") if not hasattr(tables, name)]
    return f"asn_performance.tables has no {', '.join(absent)} yet" if absent else None


def check_outputs(frame: pl.DataFrame, codes: Codes, units: int, library: bool) -> None:
    """Every variant's outputs equal the numpy function's (raises AssertionError otherwise)."""
    rule_tables = tables_of(BENCH_POLICY)
    base = numpy_kernel(codes, rule_tables)
    decoded_codes, decoded_names = codes_of(frame)
    decoded = numpy_kernel(decoded_codes, rule_tables)
    for name, values in base.items():
        if not name.startswith("report_") and not np.array_equal(values, decoded[name]):
            raise AssertionError(f"numpy+decode differs from numpy on {name}")
    if not baseline_report(decoded, decoded_names).equals(baseline_report(base, unit_names(units))):
        raise AssertionError("numpy+decode differs from numpy on the report")
    if not library:
        print("outputs identical (numpy, numpy+decode); the library was not compared")
        return
    t0 = time.perf_counter()
    compare(frame, run_library(frame), base)
    compare(frame, run_library(frame.lazy()), base)
    encoded = dictionary_encoded(frame)
    compare(frame, run_library(encoded), base)
    dictionary = numpy_kernel(codes_of_dictionary(encoded), rule_tables)
    for name, values in base.items():
        if not name.startswith("report_") and not np.array_equal(values, dictionary[name]):
            raise AssertionError(f"numpy+dict differs from numpy on {name}")
    print(
        "outputs identical (library eager, lazy and dictionary-encoded, numpy, numpy+decode,"
        " numpy+dict)"
        f" [checked in {time.perf_counter() - t0:.1f} s]"
    )


def stage_times(frame: pl.DataFrame) -> None:
    """The library's stages one by one (in this process, one run each): where the time goes."""
    t0 = time.perf_counter()
    appraised = tables.appraise(frame)
    t1 = time.perf_counter()
    rewarded = tables.rewards(appraised, policy=BENCH_POLICY)
    t2 = time.perf_counter()
    tables.distribution(rewarded, agency="agency")
    t3 = time.perf_counter()
    print(
        f"library stages (one run each): appraise {t1 - t0:.2f} s, rewards after appraise"
        f" {t2 - t1:.2f} s, distribution {t3 - t2:.2f} s"
    )


def timed(
    frame: pl.DataFrame, codes: Codes, variants: list[str], rounds: int, stages: bool = False
) -> dict[str, Any]:
    """Run every variant ``rounds`` times, interleaved, each run in its own process (and,
    with ``stages``, the library's stages apart: :func:`run_stages`)."""
    results: dict[str, list[dict[str, Any]]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        frame.write_parquet(folder / "table.parquet")
        # the same table with dictionary columns, read back as Categorical
        dictionary_encoded(frame).write_parquet(folder / "table-dict.parquet")
        np.savez(folder / "codes.npz", **codes.arrays())
        if "dask" in variants:
            (folder / "parts").mkdir()
            size = -(-frame.height // DASK_PARTITIONS)
            for index, part in enumerate(frame.iter_slices(size)):
                part.write_parquet(folder / "parts" / f"part-{index:02d}.parquet")
        run_child(variants[0], folder)  # warm the page cache
        for _ in range(rounds):
            for variant in variants:
                results[variant].append(run_child(variant, folder))
        if stages:
            run_stages(folder, rounds)
    return results


def report_times(results: dict[str, list[dict[str, Any]]], rounds: int) -> None:
    def median(variant: str, key: str) -> float:
        return statistics.median(r[key] for r in results[variant])

    reference = "numpy"
    print(f"\nmedian of {rounds} rounds, interleaved; each run in its own process")
    print(
        f"{'variant':<14} {'wall s':>8} {'cpu s':>8} {'wall ×':>7} {'cpu ×':>7}"
        f" {'peak RSS':>10} {'above input':>12}"
    )
    for variant, runs in results.items():
        wall, cpu, peak = median(variant, "wall"), median(variant, "cpu"), median(variant, "peak")
        above = statistics.median(r["peak"] - r["input"] for r in runs)
        print(
            f"{variant:<14} {wall:8.3f} {cpu:8.3f} {wall / median(reference, 'wall'):7.2f}"
            f" {cpu / median(reference, 'cpu'):7.2f} {_mib(peak):>10} {_mib(above):>12}"
        )
    print("(wall ×, cpu ×: ratio to numpy; peak RSS: VmHWM of the run's process, input included;")
    print(" above input: the peak less the RSS once the input was loaded)")
    library = [v for v in results if v.startswith("library")]
    if library:
        loads = [r["imports"] for v in library for r in results[v]]
        print(
            f"(the library's first-call imports, {', '.join(FIRST_CALL_MODULES)}, loaded before"
            f" timing in each library run: {statistics.median(loads) * 1000:.0f} ms, not in the"
            " figures above)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=4_500_000)
    parser.add_argument("--units", type=int, default=None, help="default rows/30")
    parser.add_argument("--quick", action="store_true", help="200 000 rows")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--variants",
        default=",".join(VARIANTS),
        help=f"comma-separated, of {', '.join(VARIANTS + OPTIONAL_VARIANTS)}",
    )
    parser.add_argument(
        "--stages",
        action="store_true",
        help="also time the library's rewards and distribution calls apart, with their peaks",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child in ("stages-text", "stages-dict"):
        print(json.dumps(stages_child(args.folder, dictionary=args.child == "stages-dict")))
        return 0
    if args.child == "dask":
        print(json.dumps(dask_child(args.folder, DASK_PARTITIONS)))
        return 0
    if args.child:
        print(json.dumps(child(args.child, args.folder)))
        return 0
    rows = 200_000 if args.quick else args.rows
    units = args.units or (150_000 if rows == 4_500_000 else max(1, rows // 30))
    variants = [v for v in args.variants.split(",") if v]
    missing = library_available()
    if missing:
        print(f"the library's table path is not available ({missing}): numpy variants only")
        variants = [v for v in variants if not v.startswith("library")]
    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.machine()}"
    )
    streaming = (
        "; library-lazy collects with engine='streaming'" if "library-lazy" in variants else ""
    )
    print(f"backend: polars {pl.__version__}, numpy {np.__version__}{streaming}")
    t0 = time.perf_counter()
    frame, codes = generate(rows, units, args.seed)
    print(f"generated {rows:,} rows in {units:,} units in {time.perf_counter() - t0:.1f} s")
    heads = int(codes.head.sum())
    jf = float((codes.jenjang >= 0).mean())
    print(f"  unit heads {heads:,} ({heads / rows:.1%}), jabatan fungsional {jf:.1%}")
    check_outputs(frame, codes, units, library=not missing)
    if not missing:
        stage_times(frame)
    report_times(timed(frame, codes, variants, args.rounds, args.stages), args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
