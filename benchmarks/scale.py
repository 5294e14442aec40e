"""Benchmark: big documents load and appraise in time linear in their size.

Run from the repository root::

    .venv/bin/python benchmarks/scale.py                 # sizes 1,250-10,000 (~3 min)
    .venv/bin/python benchmarks/scale.py --quick         # sizes 125-1,000 (~20 s)
    .venv/bin/python benchmarks/scale.py --gc-paused 3   # also time with the GC paused
    .venv/bin/python benchmarks/scale.py --counts        # also count calls and GC work
    .venv/bin/python benchmarks/scale.py --repeat 7 --axis employees

Two axes, each at four sizes that double (n, 2n, 4n, 8n):

* **employees**: a document with n employees, each with a plan (SKP) of 2 work results x 2
  indicators and five assessments -- pejabat penilai and self (both with a realisation, with
  evidence, for each of the four indicators, and a rating per work result), and three peers
  (the two overall ratings). Plus the head of the instansi, who has no plan. The employees
  form a tree (eight direct reports each), so every plan names its pejabat penilai and the
  atasan pejabat penilai from the document. Policy: ``weighted_sources`` 20/60/20 with the
  default guards (three peers, so they count). One item = one employee with their plan.
* **indicators**: a document with ONE plan of n indicators (10 work results of n/10
  indicators each), a pejabat penilai and a self assessment each realising every indicator,
  and three peers. One item = one indicator (with its two realisations).

The documents are JSON text with valid, distinct 18-digit NIPs, generated before any timing.
A round times, for every size of every axis in turn, ``load_document(text)`` (parse,
validate, build the domain objects, resolve references), then ``appraise_all()`` on the
loaded document; the total is their sum within the same run. The first round also checks
each result (untimed): one appraisal per plan, the counts the generator meant. The figures
are medians over the rounds: 5 by default, 3 for the largest size (to keep the run short), 3
times as many on the indicators axis (its documents are small and cheap to time). Each round
runs the documents due in it in a shuffled order, so that drift in machine speed, and what a
large document leaves behind in the allocator, hit every size alike.

The clock is the process's CPU time (``time.process_time_ns``), because the benchmark runs on
a shared 2-core machine where wall time also counts the time spent waiting for a core; the
wall time of the total is shown for comparison. The garbage collector runs during the timing
(what a caller gets); the previous run's leftovers are collected before each timed run.
``--gc-paused N`` also times each document with the cyclic GC paused (as ``timeit`` does),
which separates the library's own work from the collector's. ``--counts`` adds an untimed
pass, free of timing noise: Python function calls per item (cProfile; exactly reproducible)
and the objects the collector examines per item, per generation.

Reading the output: time per item that stays flat as the size grows means linear time. The
script prints the per-item time at the largest size divided by that at the smallest (1.0 =
perfectly linear; within ``--tolerance``, default 1.5x, counts as linear on a noisy machine)
and the doubling ratios t(2n)/t(n) (2.0 = linear; above 2.3 is flagged). The exit status is
1 when an axis is not within the tolerance.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import json
import os
import platform
import pstats
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from asn_performance import Appraisal, Nip
from asn_performance.boundary.appraisal_document import AppraisalDocument, load_document

YEAR = 2025
PERIOD = str(YEAR)
GIVEN_ON = "2026-01-12"
SELF_ON = "2026-01-05"
WEIGHTS = {"self": "20", "pejabat_penilai": "60", "peer": "20"}
RATINGS = ("di_bawah_ekspektasi", "sesuai_ekspektasi", "di_atas_ekspektasi")
ASPECTS = ("kuantitas", "kualitas", "waktu", "biaya")
JENJANG = ("ahli_pertama", "ahli_muda", "ahli_madya", "terampil", "mahir")
REPORTS_PER_SUPERIOR = 8
SUPER_LINEAR_DOUBLING = 2.3

Document = dict[str, Any]


# --------------------------------------------------------------------------------------------
# Synthetic documents
# --------------------------------------------------------------------------------------------


def nip_for(index: int) -> str:
    """A valid, distinct 18-digit NIP (PNS) for every ``index`` from 0 to about 9 million.

    Digits 16-18 (the sequence, 001-999) take ``index % 999``; the birth date moves one day per
    999 employees from 1 January 1965; the TMT (year and month of appointment) follows the
    birth year; the sex digit alternates. So (birth date, sequence) differs for every index.
    """
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=index // 999)
    sequence = index % 999 + 1
    tmt_year = birth.year + 22 + index % 11
    tmt_month = index % 12 + 1
    sex = 1 + index % 2
    return f"{birth:%Y%m%d}{tmt_year:04d}{tmt_month:02d}{sex}{sequence:03d}"


def _rating(k: int) -> str:
    return RATINGS[k % 3]


def _employee(index: int, superior: int | None) -> Document:
    if superior is None:
        position = {"kind": "jpt", "title": "Kepala Badan", "jenjang": None}
    elif index <= REPORTS_PER_SUPERIOR * 9:
        position = {"kind": "administrator", "title": f"Kepala Bagian {index}", "jenjang": None}
    else:
        jenjang = JENJANG[index % len(JENJANG)]
        position = {"kind": "fungsional", "title": "Analis Kebijakan", "jenjang": jenjang}
    return {
        "nip": nip_for(index),
        "name": f"Pegawai Contoh {index:05d}",
        "position": position,
        "unit": f"Bidang {index // 64 + 1} (contoh)",
        "superior_nip": None if superior is None else nip_for(superior),
    }


def _indicator(ident: str, k: int) -> Document:
    ranged = k % 7 == 0
    lower = 80 + k % 20
    return {
        "id": ident,
        "text": f"Persentase keluaran {ident} yang memenuhi standar",
        "aspect": ASPECTS[k % len(ASPECTS)],
        "direction": "lower_is_better" if k % 5 == 4 else "higher_is_better",
        "target": {"lower": str(lower), "upper": str(lower + 10) if ranged else None, "unit": "%"},
    }


def _realisation(plan_id: str, ident: str, k: int) -> Document:
    return {
        "indicator_id": ident,
        "value": f"{70 + k % 45}.{k % 10}",
        "evidence": [f"https://e-kinerja.example.go.id/{plan_id}/{ident}.pdf"],
        "feedback": "Pertahankan kualitas laporan." if k % 3 == 0 else None,
    }


def _assessment(
    plan_id: str,
    role: str,
    assessor: int,
    k: int,
    *,
    indicator_ids: Sequence[str] = (),
    work_result_ids: Sequence[str] = (),
) -> Document:
    return {
        "plan_id": plan_id,
        "role": role,
        "assessor_nip": nip_for(assessor),
        "given_on": SELF_ON if role == "self" else GIVEN_ON,
        "period": PERIOD,
        "hasil_kerja": _rating(k),
        "perilaku_kerja": _rating(k // 3 + 1),
        "work_result_ratings": {w: _rating(k + j) for j, w in enumerate(work_result_ids)},
        "realisations": [_realisation(plan_id, i, k + j) for j, i in enumerate(indicator_ids)],
    }


def _head(title: str) -> Document:
    return {
        "schema_version": "1",
        "title": title,
        "policy": {"kind": "weighted_sources", "weights": WEIGHTS},
        "organisation_predikat": "baik",
    }


def _superior(index: int) -> int | None:
    """Employees form a tree: 0 is the head; 1-8 report to 0, 9-16 to 1, and so on."""
    return None if index == 0 else (index - 1) // REPORTS_PER_SUPERIOR


def _peers(index: int, n: int, superior: int) -> list[int]:
    """Three other employees with a plan, neither ``index`` nor its pejabat penilai."""
    peers: list[int] = []
    candidate = index
    while len(peers) < 3:
        candidate = candidate % n + 1  # cycles through 1..n
        if candidate not in (index, superior):
            peers.append(candidate)
    return peers


def employees_document(n: int) -> Document:
    """n employees (1..n) with a plan each, plus the head of the instansi (0), without one."""
    employees = [_employee(i, _superior(i)) for i in range(n + 1)]
    plans = []
    assessments = []
    for i in range(1, n + 1):
        superior = _superior(i)
        assert superior is not None
        atasan = _superior(superior)
        plan_id = f"skp-{YEAR}-{i:05d}"
        wr_ids = ["rhk-1", "rhk-2"]
        ind_ids = ["iki-1.1", "iki-1.2", "iki-2.1", "iki-2.2"]
        plans.append(
            {
                "id": plan_id,
                "employee_nip": nip_for(i),
                "pejabat_penilai_nip": nip_for(superior),
                "atasan_pejabat_penilai_nip": None if atasan is None else nip_for(atasan),
                "period": PERIOD,
                "approach": "kuantitatif" if i % 2 else "kualitatif",
                "work_results": [
                    {
                        "id": w,
                        "text": f"Tersusunnya rekomendasi kebijakan {w} pegawai {i}",
                        "kind": "utama" if j == 0 else "tambahan",
                        "indicators": [
                            _indicator(ind, i + 2 * j + m)
                            for m, ind in enumerate(ind_ids[2 * j : 2 * j + 2])
                        ],
                    }
                    for j, w in enumerate(wr_ids)
                ],
            }
        )
        detailed = {"indicator_ids": ind_ids, "work_result_ids": wr_ids}
        assessments.append(_assessment(plan_id, "pejabat_penilai", superior, i, **detailed))
        assessments.append(_assessment(plan_id, "self", i, i + 1, **detailed))
        for p, peer in enumerate(_peers(i, n, superior)):
            assessments.append(_assessment(plan_id, "peer", peer, i + p))
    return {
        **_head(f"Skala: {n} pegawai"),
        "employees": employees,
        "plans": plans,
        "assessments": assessments,
    }


INDICATOR_WORK_RESULTS = 10


def indicators_document(n: int) -> Document:
    """ONE plan of n indicators (10 work results), realised in full by two assessments."""
    wr_ids = [f"rhk-{j + 1}" for j in range(INDICATOR_WORK_RESULTS)]
    per_result = [
        [
            f"iki-{j + 1}.{m + 1}"
            for m in range(n // INDICATOR_WORK_RESULTS + (j < n % INDICATOR_WORK_RESULTS))
        ]
        for j in range(INDICATOR_WORK_RESULTS)
    ]
    ind_ids = [ident for ids in per_result for ident in ids]
    plan_id = f"skp-{YEAR}-besar"
    # 0 head, 1 pejabat penilai, 2 the employee, 3-5 peers (all report to 1 except 1 itself).
    employees = [_employee(0, None), _employee(1, 0)] + [_employee(i, 1) for i in range(2, 6)]
    plan = {
        "id": plan_id,
        "employee_nip": nip_for(2),
        "pejabat_penilai_nip": nip_for(1),
        "atasan_pejabat_penilai_nip": nip_for(0),
        "period": PERIOD,
        "approach": "kuantitatif",
        "work_results": [
            {
                "id": w,
                "text": f"Terlaksananya program prioritas {w}",
                "kind": "utama" if j < INDICATOR_WORK_RESULTS // 2 else "tambahan",
                "indicators": [_indicator(ind, j + 10 * m) for m, ind in enumerate(ids)],
            }
            for j, (w, ids) in enumerate(zip(wr_ids, per_result, strict=True))
        ],
    }
    detailed = {"indicator_ids": ind_ids, "work_result_ids": wr_ids}
    assessments = [
        _assessment(plan_id, "pejabat_penilai", 1, 1, **detailed),
        _assessment(plan_id, "self", 2, 2, **detailed),
        *(_assessment(plan_id, "peer", peer, peer) for peer in (3, 4, 5)),
    ]
    return {
        **_head(f"Skala: satu SKP dengan {len(ind_ids)} indikator"),
        "employees": employees,
        "plans": [plan],
        "assessments": assessments,
    }


def _text(document: Document) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------------------------
# Measurement
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    """One axis of growth: how to build a document of size n, and what one item is."""

    name: str
    item: str
    build: Callable[[int], Document]
    plans: Callable[[int], int]
    description: str
    round_factor: int
    """Rounds relative to ``--repeat``: the indicator documents are small and cheap to time, so
    they get more rounds, which steadies their medians."""


AXES = (
    Axis(
        "employees",
        "employee",
        employees_document,
        lambda n: n,
        "n employees, each with a plan of 2 RHK x 2 IKI and 5 assessments (pejabat penilai and"
        " self with 4 realisations each, 3 peers); weighted_sources 20/60/20",
        1,
    ),
    Axis(
        "indicators",
        "indicator",
        indicators_document,
        lambda _n: 1,
        "ONE plan of n IKI in 10 RHK; pejabat penilai and self realise every IKI; 3 peers",
        3,
    ),
)

GC_ON, GC_PAUSED = "GC on", "GC paused"
PARTS = ("load", "appraise", "total")


@dataclass
class Samples:
    """CPU nanoseconds of each timed run of one document in one mode (and the wall time)."""

    load: list[int] = field(default_factory=list)
    appraise: list[int] = field(default_factory=list)
    wall: list[int] = field(default_factory=list)

    def part(self, name: str) -> list[int]:
        """The runs of ``load``, ``appraise`` or ``total`` (load + appraise of the same run)."""
        if name == "total":
            return [a + b for a, b in zip(self.load, self.appraise, strict=True)]
        return self.load if name == "load" else self.appraise


@dataclass
class Case:
    """One document to time, with its measurements per mode."""

    axis: Axis
    size: int
    text: str
    samples: dict[str, Samples] = field(
        default_factory=lambda: {GC_ON: Samples(), GC_PAUSED: Samples()}
    )


def check(case: Case, doc: AppraisalDocument, results: Sequence[Appraisal]) -> None:
    """The document is what the generator meant, and gives one appraisal per plan."""
    expected = case.axis.plans(case.size)
    assert len(doc.plans) == expected, (case.axis.name, case.size, len(doc.plans))
    assert len(results) == expected, (case.axis.name, case.size, len(results))
    if case.axis.name == "indicators":
        size = len(doc.plans[0].indicator_ids)
        assert size == case.size, (size, case.size)
        assert all(len(a.realisations) == size for a in doc.assessments[:2])
    else:
        assert len({e.nip for e in doc.employees}) == len(doc.employees) == case.size + 1
        assert len(doc.assessments) == 5 * case.size
        assert not any(s.rule == "G-ANONYMITY" for r in results for s in r.explanation.steps)


def run_once(case: Case, mode: str, *, verify: bool = False) -> None:
    """Time load_document and appraise_all on one document; record the nanoseconds.

    With ``GC_PAUSED`` the cyclic garbage collector is disabled during the two calls (as
    ``timeit`` does), which isolates the library's own work from the collector's passes.
    """
    gc.collect()  # the previous run's garbage is not charged to this one
    if mode == GC_PAUSED:
        gc.disable()
    try:
        wall = time.perf_counter_ns()
        start = time.process_time_ns()
        doc = load_document(case.text)
        loaded = time.process_time_ns()
        results = doc.appraise_all()
        done = time.process_time_ns()
        wall = time.perf_counter_ns() - wall
    finally:
        gc.enable()
    samples = case.samples[mode]
    samples.load.append(loaded - start)
    samples.appraise.append(done - loaded)
    samples.wall.append(wall)
    if verify:
        check(case, doc, results)


def report(axis: Axis, cases: Sequence[Case], mode: str, tolerance: float) -> bool:
    """Print one axis's table and ratios in one mode; return whether it counts as linear."""
    rounds = len(cases[0].samples[mode].load)
    print(f"{axis.name}, {mode} ({rounds} rounds); CPU seconds, medians")
    header = (
        f"{'n':>8}{'JSON MB':>9}{'load s':>9}{'appraise s':>12}{'total s':>9}{'(wall s)':>10}"
        f"{'µs/' + axis.item + ': load':>21}{'appraise':>10}{'total':>8}{'spread':>8}"
    )
    print(header)
    print("-" * len(header))
    medians: dict[str, list[float]] = {part: [] for part in PARTS}
    per_item: dict[str, list[float]] = {part: [] for part in PARTS}
    for case in cases:
        samples = case.samples[mode]
        for part in PARTS:
            median = float(statistics.median(samples.part(part)))
            medians[part].append(median)
            per_item[part].append(median / case.size / 1000)
        totals = samples.part("total")
        spread = (max(totals) - min(totals)) / medians["total"][-1]
        print(
            f"{case.size:>8,}{len(case.text) / 1e6:>9.1f}"
            f"{medians['load'][-1] / 1e9:>9.3f}{medians['appraise'][-1] / 1e9:>12.3f}"
            f"{medians['total'][-1] / 1e9:>9.3f}{statistics.median(samples.wall) / 1e9:>10.3f}"
            f"{per_item['load'][-1]:>21.1f}{per_item['appraise'][-1]:>10.1f}"
            f"{per_item['total'][-1]:>8.1f}{spread:>8.0%}"
        )
    ratios = {part: values[-1] / values[0] for part, values in per_item.items()}
    print(
        f"per-item time, n={cases[-1].size:,} ÷ n={cases[0].size:,}:  "
        + "   ".join(f"{part} {ratio:.2f}×" for part, ratio in ratios.items())
        + f"   (1.00 = linear; ≤ {tolerance:.1f}× counted as linear)"
    )
    doublings = {
        part: [values[k + 1] / values[k] for k in range(len(values) - 1)]
        for part, values in medians.items()
    }
    print(
        "doubling ratios t(2n)/t(n):  "
        + "   ".join(
            f"{part} " + " ".join(f"{r:.2f}" for r in values) for part, values in doublings.items()
        )
        + f"   (2.00 = linear; > {SUPER_LINEAR_DOUBLING} flagged)"
    )
    # The verdict rests on the total over the whole range (the largest size against the
    # smallest); a single doubling is noisier. The parts are there to locate a problem.
    steps = len(cases) - 1
    mean_doubling = 2 * ratios["total"] ** (1 / steps)
    flagged = [
        f"{part} {cases[k].size:,}→{cases[k + 1].size:,} {r:.2f}"
        for part, values in doublings.items()
        for k, r in enumerate(values)
        if r > SUPER_LINEAR_DOUBLING
    ]
    linear = ratios["total"] <= tolerance
    print(
        f"=> {'LINEAR' if linear else 'NOT LINEAR'}: total per-item ratio {ratios['total']:.2f}×,"
        f" mean doubling ratio {mean_doubling:.2f}"
        + (f"; flagged doublings: {', '.join(flagged)}" if flagged else "")
    )
    print()
    return linear


class _GcCounter:
    """A gc callback: collections per generation, and the objects each one examines."""

    def __init__(self) -> None:
        self.collections = [0, 0, 0]
        self.examined = [0, 0, 0]

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            generation = info["generation"]
            self.collections[generation] += 1
            self.examined[generation] += sum(len(gc.get_objects(g)) for g in range(generation + 1))


def count_gc(text: str) -> tuple[_GcCounter, _GcCounter]:
    """What the cyclic GC does during load_document and during appraise_all (untimed)."""
    gc.collect()
    load, appraise = _GcCounter(), _GcCounter()
    gc.callbacks.append(load)
    try:
        doc = load_document(text)
    finally:
        gc.callbacks.remove(load)
    gc.callbacks.append(appraise)
    try:
        doc.appraise_all()
    finally:
        gc.callbacks.remove(appraise)
    return load, appraise


def count_calls(text: str) -> int:
    """Python function calls (including calls of C functions) to load and appraise, GC paused."""
    gc.collect()
    gc.disable()
    profile = cProfile.Profile()
    try:
        profile.enable()
        load_document(text).appraise_all()
        profile.disable()
    finally:
        gc.enable()
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def print_counts(axis: Axis, cases: Sequence[Case]) -> None:
    """Evidence free of timing noise: work per item at each size.

    The calls are exactly reproducible. The objects the GC examines include the interpreter's
    own long-lived objects (modules, schemas: about 10^5), so they depend a little on what the
    process did before; their growth per item with the size is what matters."""
    print(f"{axis.name}: counts per {axis.item} (untimed, so free of timing noise)")
    header = (
        f"{'n':>8}{'Python calls':>14}{'GC passes 0/1/2':>20}"
        f"{'objects examined by GC: gen0':>30}{'gen1':>8}{'gen2 (load + appraise)':>24}"
    )
    print(header)
    print("-" * len(header))
    for case in cases:
        load, appraise = count_gc(case.text)
        calls = count_calls(case.text)
        pairs = list(zip(load.collections, appraise.collections, strict=True))
        passes = "/".join(str(a + b) for a, b in pairs)
        pairs = list(zip(load.examined, appraise.examined, strict=True))
        examined = [(a + b) / case.size for a, b in pairs]
        full = f"{load.examined[2] / case.size:.0f} + {appraise.examined[2] / case.size:.0f}"
        print(
            f"{case.size:>8,}{calls / case.size:>14.1f}{passes:>20}"
            f"{examined[0]:>30.1f}{examined[1]:>8.1f}{full:>24}"
        )
    print()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes 125-1,000, 3 rounds")
    parser.add_argument(
        "--repeat", type=int, default=None, help="timed rounds with the GC on (default 5)"
    )
    parser.add_argument(
        "--repeat-largest",
        type=int,
        default=None,
        help="rounds for the largest size of each axis (default 3, to keep the run short)",
    )
    parser.add_argument(
        "--gc-paused",
        type=int,
        default=None,
        metavar="N",
        help="in the first N rounds, also time each document with the GC paused"
        " (default 0; --quick: 3)",
    )
    parser.add_argument(
        "--counts",
        action="store_true",
        help="also count, untimed, the Python calls and the objects the GC examines per item",
    )
    parser.add_argument(
        "--base", type=int, default=None, help="smallest size; the others double (default 1250)"
    )
    parser.add_argument("--steps", type=int, default=4, help="number of sizes (default 4)")
    parser.add_argument("--seed", type=int, default=2025, help="for the order within a round")
    parser.add_argument(
        "--axis", choices=("both", "employees", "indicators"), default="both", help="what grows"
    )
    parser.add_argument(
        "--tolerance",
        type=float,
        default=1.5,
        help="largest/smallest per-item time counted as linear (default 1.5)",
    )
    return parser


def measure(
    cases: Mapping[str, Sequence[Case]], repeat: int, largest: int, paused: int, seed: int
) -> None:
    """The timed rounds. Each round times every document due in it, in a shuffled order, so
    that drift in machine speed, and whatever a large document leaves behind in the allocator,
    hit every size alike. A document gets ``repeat`` rounds (``largest`` for the largest size)
    times its axis's round factor; the first ``paused`` of them (times the factor) also time it
    with the GC paused."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible order, not security
    started = time.perf_counter()
    biggest = max(case.size for axis_cases in cases.values() for case in axis_cases)
    plan: list[tuple[Case, int, int]] = []
    for axis_cases in cases.values():
        for case in axis_cases:
            factor = case.axis.round_factor
            rounds = (largest if case.size == biggest else repeat) * factor
            plan.append((case, rounds, min(paused * factor, rounds)))
    total = max(rounds for _, rounds, _ in plan)
    for round_ in range(total):
        due = [item for item in plan if round_ < item[1]]
        rng.shuffle(due)
        for case, _, paused_rounds in due:
            run_once(case, GC_ON, verify=round_ == 0)
            if round_ < paused_rounds:
                run_once(case, GC_PAUSED)
        print(
            f"round {round_ + 1}/{total} done ({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, generate the documents, time them and print the tables."""
    parser = _parser()
    args = parser.parse_args(argv)
    repeat = args.repeat or (3 if args.quick else 5)
    largest = min(repeat, args.repeat_largest or 3)
    paused = min(repeat, args.gc_paused if args.gc_paused is not None else 3 * args.quick)
    base = args.base or (125 if args.quick else 1250)
    if min(repeat, largest) < 1 or paused < 0 or base < 10 or args.steps < 2:
        parser.error("rounds must be >= 1, --gc-paused >= 0, --base >= 10, --steps >= 2")
    sizes = [base * 2**k for k in range(args.steps)]
    axes = [a for a in AXES if args.axis in ("both", a.name)]

    started = time.perf_counter()
    # The generator's NIPs are valid and distinct (checked once, for the largest set).
    nips = {Nip.parse(nip_for(i)) for i in range(sizes[-1] + 1)}
    assert len(nips) == sizes[-1] + 1
    cases = {
        axis.name: [Case(axis, size, _text(axis.build(size))) for size in sizes] for axis in axes
    }
    generated = time.perf_counter() - started
    for axis_cases in cases.values():  # warm-up, untimed: the smallest document of each axis
        doc = load_document(axis_cases[0].text)
        check(axis_cases[0], doc, doc.appraise_all())
    del doc
    measure(cases, repeat, largest, paused, args.seed)

    print("asn_performance benchmark: load_document() and appraise_all() against document size")
    print(f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"machine: {platform.platform()}; {platform.machine()}; CPUs: {os.cpu_count()}")
    print(
        f"sizes {', '.join(f'{s:,}' for s in sizes)}; {repeat} timed rounds ({largest} for"
        " the largest size; 3 times as many on the indicators axis, whose documents are small)"
        + (f", {paused} of them also with the GC paused" if paused else "")
        + "; shuffled order within each round; figures are medians;"
        " spread = (max - min) / median of the total"
    )
    print(
        "load = JSON text → load_document() (parse + validate + build); appraise = appraise_all()"
    )
    for axis in axes:
        print(f"{axis.name}: {axis.description}")
    print()
    verdicts = []
    for axis in axes:
        for mode in (GC_ON, GC_PAUSED) if paused else (GC_ON,):
            linear = report(axis, cases[axis.name], mode, args.tolerance)
            verdicts.append(linear)
    if args.counts:
        for axis in axes:
            print_counts(axis, cases[axis.name])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if sys.platform == "darwin":  # pragma: no cover - bytes there, KiB on Linux
        peak /= 1024
    print(
        f"generation {generated:.1f} s; wall time {time.perf_counter() - started:.0f} s;"
        f" peak RSS {peak:,.0f} MiB"
    )
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
