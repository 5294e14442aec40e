"""Benchmark: ``oversee()`` over many units (the distribution curve of SE MenPANRB 3/2023).

Run from the repository root::

    .venv/bin/python benchmarks/calibration.py            # 50,000 units, 7 rounds
    .venv/bin/python benchmarks/calibration.py --quick    # 10,000 units, 3 rounds

Workload: ``-n`` units, each with a random organisation predikat (the five equally likely) and
1 to 60 employees spread over the five predikat at random, so that roughly half the units
break a limit. The units (:class:`~asn_performance.consequences.distribution.UnitInput`) are
built before any timing. A round runs ``oversee()`` over all of them once; the figures are the
median, minimum and maximum units per second over the rounds, after one warm-up round, first with
the garbage collector running (what a caller gets), then with it paused during the call (as
``timeit`` measures; the difference is the cyclic GC walking the live objects). For
comparison, the informative lines time ``check_distribution()`` per unit, which builds the
full report of every limit, and the construction (with checks) of the ``UnitInput`` objects.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import statistics
import time
from collections.abc import Sequence

from asn_performance.consequences.distribution import (
    PREDIKAT_ORDER,
    Rounding,
    UnitInput,
    check_distribution,
    oversee,
)
from asn_performance.domain.rating import OrganisationPredikat


def make_specs(n: int, seed: int) -> list[tuple[str, OrganisationPredikat, tuple[int, ...]]]:
    """``n`` units as plain data: name, random organisation predikat, random counts."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    orgs = tuple(OrganisationPredikat)
    specs = []
    for index in range(n):
        size = rng.randint(1, 60)
        counts = [0] * len(PREDIKAT_ORDER)
        for _ in range(size):
            counts[rng.randrange(len(PREDIKAT_ORDER))] += 1
        specs.append((f"unit-{index:06d}", rng.choice(orgs), tuple(counts)))
    return specs


def make_units(n: int, seed: int) -> list[UnitInput]:
    """``n`` units with random organisation predikat and random counts."""
    return [UnitInput(*spec) for spec in make_specs(n, seed)]


def time_oversee(units: Sequence[UnitInput], rounding: Rounding, *, gc_paused: bool = False) -> int:
    """Nanoseconds for one ``oversee()`` over all units (optionally with the GC paused)."""
    if gc_paused:
        gc.disable()
    try:
        start = time.perf_counter_ns()
        oversee(units, rounding=rounding)
        return time.perf_counter_ns() - start
    finally:
        gc.enable()


def time_check_each(units: Sequence[UnitInput], rounding: Rounding) -> int:
    """Nanoseconds for ``check_distribution()`` on each unit (informative)."""
    start = time.perf_counter_ns()
    for unit in units:
        check_distribution(
            unit.organisation_predikat,
            dict(zip(PREDIKAT_ORDER, unit.counts, strict=True)),
            rounding,
            unit=unit.unit,
        )
    return time.perf_counter_ns() - start


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments, build the units, measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 units, 3 rounds")
    parser.add_argument("-n", type=int, default=None, help="units (default 50,000)")
    parser.add_argument("--rounds", type=int, default=None, help="timed rounds (default 7)")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    n = args.n or (10_000 if args.quick else 50_000)
    rounds = args.rounds or (3 if args.quick else 7)

    specs = make_specs(n, args.seed)
    build_start = time.perf_counter_ns()
    units = [UnitInput(*spec) for spec in specs]
    build_ns = time.perf_counter_ns() - build_start
    report = oversee(units)
    lenient = oversee(units, rounding=Rounding.LENIENT)
    assert len(report.units) == n
    assert lenient.units_with_violations <= report.units_with_violations

    time_oversee(units, Rounding.STRICT)  # warm-up
    elapsed = [time_oversee(units, Rounding.STRICT) for _ in range(rounds)]
    paused = [time_oversee(units, Rounding.STRICT, gc_paused=True) for _ in range(rounds)]
    sample = units[: min(n, 10_000)]
    time_check_each(sample, Rounding.STRICT)  # warm-up
    each = [time_check_each(sample, Rounding.STRICT) for _ in range(max(1, rounds // 2))]

    rates = sorted(n / (ns / 1e9) for ns in elapsed)
    each_rate = statistics.median(len(sample) / (ns / 1e9) for ns in each)
    print("asn_performance benchmark: oversee() -- the SE MenPANRB 3/2023 distribution check")
    print(f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"machine: {platform.platform()}; {platform.machine()}; CPUs: {os.cpu_count()}")
    print(
        f"workload: {n:,} units of 1-60 employees ({report.employees:,} employees),"
        f" {rounds} timed rounds after 1 warm-up round, strict rounding (D4)"
    )
    print(
        f"violations: {report.units_with_violations:,} units strict,"
        f" {lenient.units_with_violations:,} lenient; {len(report.violations):,} violated limits"
    )
    print()
    paused_rates = sorted(n / (ns / 1e9) for ns in paused)
    print(
        f"oversee():        median {statistics.median(rates):>10,.0f} units/s"
        f"  (min {rates[0]:,.0f}, max {rates[-1]:,.0f});"
        f" {statistics.median(elapsed) / 1e6:,.1f} ms for {n:,} units"
    )
    print(
        f"  GC paused:      median {statistics.median(paused_rates):>10,.0f} units/s"
        f"  (min {paused_rates[0]:,.0f}, max {paused_rates[-1]:,.0f}; as timeit measures)"
    )
    print(
        f"(info) check_distribution() per unit: {each_rate:,.0f} units/s"
        f" (full report of every limit, {len(sample):,} units)"
    )
    print(f"(info) building {n:,} UnitInput objects (checked): {build_ns / 1e6:,.1f} ms")


if __name__ == "__main__":
    main()
