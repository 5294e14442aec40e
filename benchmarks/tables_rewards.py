"""Time ``tables._rewards.rewards_polars`` against a bare numpy function with the same outputs.

    .venv/bin/python benchmarks/tables_rewards.py            # 1,000,000 rows, median of 3
    .venv/bin/python benchmarks/tables_rewards.py -n 200000 --rounds 5

The workload: N random rows (seed 1) under the Kemnaker 2025 policy (the built-in
``kemnaker_2025``): a predikat code, a jenjang code for 40 % of the rows (the others hold no
jabatan fungsional), months 1-12, a kelas from the policy's table, and the four attendance
counts (mostly 0). Every row is valid, so both sides compute every row.

**Library:** ``rewards_polars(df.lazy(), policy, Columns()).collect()`` (polars, eager
collect): labels read through the enums' tables, every check, the problem column, the
results as polars Decimals.

**Baseline:** ``bare_numpy`` below: the codes turned into dense integers with ``np.unique``
and a dict of the canonical codes, fancy-index lookups of the same scaled-integer tables, the
same half-up integer rounding; no validation, no problem column, int64 arrays out. The
conversion of the table to numpy arrays is done before timing. Both outputs are compared
value for value before anything is printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from decimal import Decimal
from typing import Any

import numpy as np
import polars as pl

from asn_performance.boundary.policy_files import load_builtin_policy
from asn_performance.consequences import RewardPolicy
from asn_performance.domain.employee import Jenjang
from asn_performance.domain.rating import Predikat
from asn_performance.tables._columns import ATTENDANCE, Columns
from asn_performance.tables._rewards import rewards_polars


def make_rows(n: int, policy: RewardPolicy) -> pl.DataFrame:
    assert policy.allowance is not None
    rng = np.random.default_rng(1)
    predikat = np.array([p.code for p in Predikat], dtype=object)
    jenjang = np.array([j.code for j in Jenjang], dtype=object)
    kelas = np.array(list(policy.allowance.base), dtype=np.int64)
    is_jf = rng.random(n) < 0.4
    jenjang_col = np.where(is_jf, jenjang[rng.integers(0, len(jenjang), n)], None)
    data: dict[str, Any] = {
        "predikat": predikat[rng.choice(5, n, p=[0.1, 0.7, 0.12, 0.05, 0.03])].tolist(),
        "jenjang": jenjang_col.tolist(),
        "months": rng.integers(1, 13, n),
        "kelas": kelas[rng.integers(0, len(kelas), n)],
        "days_absent": rng.poisson(0.3, n),
        "missing_checks": rng.poisson(0.5, n),
        "minutes_late_or_early": rng.poisson(20, n),
        "missed_ceremonies": rng.poisson(0.1, n),
    }
    return pl.DataFrame(data, schema_overrides={"predikat": pl.String, "jenjang": pl.String})


def _ints(values: list[Decimal]) -> tuple[int, np.ndarray]:
    scale = max(max(0, -int(v.as_tuple().exponent)) for v in values)  # type: ignore[arg-type]
    return scale, np.array([int(v.scaleb(scale)) for v in values], dtype=np.int64)


def bare_numpy(cols: dict[str, np.ndarray], policy: RewardPolicy) -> dict[str, np.ndarray]:
    """The same outputs with dense codes, lookups and integer rounding; no validation."""
    return arithmetic(dense_codes(cols), policy)


def dense_codes(cols: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The text codes as dense integers (``np.unique``), the other columns as they are."""
    p_codes = {p.code: i for i, p in enumerate(Predikat)}
    j_codes = {j.code: i for i, j in enumerate(Jenjang)}
    uniq, inv = np.unique(cols["predikat"], return_inverse=True)
    out = dict(cols)
    out["p"] = np.array([p_codes[u] for u in uniq])[inv]
    out["is_jf"] = cols["jenjang"] != ""
    uniq, inv = np.unique(cols["jenjang"], return_inverse=True)
    out["j"] = np.array([j_codes.get(u, 0) for u in uniq])[inv]
    return out


def arithmetic(cols: dict[str, np.ndarray], policy: RewardPolicy) -> dict[str, np.ndarray]:
    """The arithmetic on dense integer codes (the issue's baseline)."""
    ak, tk = policy.angka_kredit, policy.allowance
    assert ak is not None
    assert tk is not None
    p, j, is_jf = cols["p"], cols["j"], cols["is_jf"]
    # angka kredit: cents = round(months × % × koef / (12·10**s))
    sp, pct = _ints([ak.percentages[x] for x in Predikat])
    sk, koef = _ints([ak.koefisien[x] for x in Jenjang])
    den = 12 * 10 ** (sp + sk)
    cents = (cols["months"] * pct[p] * koef[j] + den // 2) // den
    # tunjangan: each component rounded; the total as the policy pays it
    sb, amounts = _ints(list(tk.base.values()))
    base_table = np.zeros(1000, dtype=np.int64)
    base_table[list(tk.base)] = amounts
    base = base_table[cols["kelas"]]
    ss, shares = _ints([tk.performance_share, tk.attendance_share])
    sq, q = _ints([tk.performance_percentage[x] for x in Predikat])
    c = tk.cuts
    sc, rates = _ints(
        [
            c.per_day_absent,
            c.per_missing_check,
            c.per_minute,
            c.per_missed_ceremony,
            c.cap,
            Decimal(100),
        ]
    )
    uncapped = sum(cols[name] * rates[i] for i, name in enumerate(ATTENDANCE))
    cut = np.minimum(uncapped, rates[4])
    pden = 10 ** (sb + ss + sq + 4)
    aden = 10 ** (sb + ss + sc + 4)
    perf_exact = base * shares[0] * q[p]
    att_exact = base * shares[1] * (rates[5] - cut)
    perf = (perf_exact + pden // 2) // pden
    att = (att_exact + aden // 2) // aden
    if tk.pay_rounded_components:
        total = perf + att
    else:  # the net amount rounded once (kemnaker_2025, as its ADK sheet pays it)
        top = max(sq, sc)
        den = 10 ** (sb + ss + top + 4)
        net = perf_exact * 10 ** (top - sq) + att_exact * 10 ** (top - sc)
        total = (net + den // 2) // den
    return {"cents": cents, "is_jf": is_jf, "perf": perf, "att": att, "total": total}


def _check(out: pl.DataFrame, ref: dict[str, np.ndarray]) -> None:
    ak = out["angka_kredit"]
    assert (ak.is_not_null().to_numpy() == ref["is_jf"]).all()
    got = (ak.cast(pl.Decimal(38, 2)) * 100).cast(pl.Int64).to_numpy()
    assert (got[ref["is_jf"]] == ref["cents"][ref["is_jf"]]).all()
    for name, key in (
        ("tunjangan_kinerja", "perf"),
        ("tunjangan_kehadiran", "att"),
        ("tunjangan", "total"),
    ):
        assert (out[name].cast(pl.Int64).to_numpy() == ref[key]).all(), name
    assert out["problem"].null_count() == len(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    policy = load_builtin_policy("kemnaker_2025")
    frame = make_rows(args.n, policy)
    cols = {name: frame[name].to_numpy() for name in frame.columns}
    cols["jenjang"] = frame["jenjang"].fill_null("").to_numpy().astype(str)
    cols["predikat"] = cols["predikat"].astype(str)
    coded = dense_codes(cols)
    lib, bare, codes = [], [], []
    out = ref = ref2 = None
    for _ in range(args.rounds):  # interleaved
        start = time.perf_counter()
        out = rewards_polars(frame.lazy(), policy, Columns()).collect()
        lib.append(time.perf_counter() - start)
        start = time.perf_counter()
        ref = bare_numpy(cols, policy)
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        ref2 = arithmetic(coded, policy)
        codes.append(time.perf_counter() - start)
    assert out is not None
    assert ref is not None
    assert ref2 is not None
    _check(out, ref)
    _check(out, ref2)
    lm, bm, cm = (statistics.median(x) for x in (lib, bare, codes))
    print(f"rows: {args.n:,}; rounds: {args.rounds} (median); outputs identical: yes")
    print(f"rewards_polars (polars {pl.__version__}, eager collect):   {lm:.3f} s")
    print(f"bare numpy {np.__version__}, from the text codes (np.unique): {bm:.3f} s")
    print(f"bare numpy {np.__version__}, given dense integer codes:       {cm:.3f} s")
    print(f"ratio to numpy from text: {lm / bm:.2f}x; to numpy on codes: {lm / cm:.2f}x")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
