"""Benchmark: what the cyclic garbage collector costs the reading of one unit document, under
the three settings ``docs/explanation/performance.md`` discusses.

Run from the repository root::

    .venv/bin/python benchmarks/gc_modes.py              # 1,000 employees, 9 rounds
    .venv/bin/python benchmarks/gc_modes.py -n 10000 --rounds 5

Workload: ``scale.py``'s unit document of ``-n`` employees (each a plan of 2 RHK x 2 IKI, self
+ pejabat penilai + 3 peers), written once as JSON text. Each round starts one fresh
interpreter per setting, interleaved, and each measures the CPU time of ``load_any`` (what
``asn-performance appraise`` reads a file with) followed by ``appraise_all()``, and its peak
resident memory:

* ``default``: CPython's thresholds (700, 10, 10), what a library caller gets;
* ``young 10,000``: the youngest generation's threshold raised to 10,000;
* ``off``: the collector off (``gc.disable()``), what the command line does while it runs a
  command.

The figures are medians over the rounds, with the ratios to ``default``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from scale import employees_document

_CHILD = r"""
import gc, resource, sys, time
from asn_performance.boundary.regime_documents import load_any
data = open(sys.argv[1], "rb").read()
setting = sys.argv[2]
if setting == "off":
    gc.disable()
elif setting == "young":
    gc.set_threshold(10_000, 10, 10)
start = time.process_time()
load_any(data).appraise_all()
seconds = time.process_time() - start
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""

SETTINGS = (("default", "default"), ("young 10,000", "young"), ("off", "off"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="employees (default 1,000)")
    parser.add_argument("--rounds", type=int, default=9, help="rounds (default 9)")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # each start reads the .pyc, as an install does
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "unit.json"
        path.write_text(json.dumps(employees_document(args.n)), "utf-8")
        times: dict[str, list[float]] = {key: [] for _, key in SETTINGS}
        peaks: dict[str, list[int]] = {key: [] for _, key in SETTINGS}
        for _ in range(args.rounds + 1):  # the first round only warms the .pyc files up
            for _, key in SETTINGS:
                done = subprocess.run(  # noqa: S603 - our own interpreter and snippet
                    [sys.executable, "-c", _CHILD, str(path), key],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=env,
                )
                seconds, peak = done.stdout.split()
                times[key].append(float(seconds))
                peaks[key].append(int(peak))
    print(
        f"load_any + appraise_all, {args.n:,} employees, {args.rounds} rounds; CPython"
        f" {platform.python_version()}, {os.cpu_count()} CPU(s); CPU ms, medians"
    )
    base = statistics.median(times["default"][1:])
    for name, key in SETTINGS:
        median = statistics.median(times[key][1:])
        peak = statistics.median(peaks[key][1:])
        print(
            f"  {name:<14} {median * 1000:8.1f} ms  {median / base:5.2f}x default"
            f"  peak {peak:,.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
