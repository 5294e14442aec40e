"""Benchmark: ``appraise()`` against a plain-dict function that applies the same rules.

Run from the repository root::

    .venv/bin/python benchmarks/appraise.py            # N=1000 inputs, 7 rounds
    .venv/bin/python benchmarks/appraise.py --quick    # N=200 inputs, 3 rounds

Workload (one input): a plan (SKP) of 5 work results x 2 indicators with the seven BerAKHLAK
values, and five assessments for the annual period -- self, pejabat penilai and three peers --
each with both overall ratings, a rating per work result, a rating per BerAKHLAK value and a
realisation (with evidence and feedback) for each of the ten indicators. Policy:
``WeightedSources({"self": 20, "pejabat_penilai": 60, "peer": 20})`` with the default guards
(at least three anonymous responses, so the three peers count).

N different inputs (distinct combinations of the ten overall ratings) are built before any
timing. A round runs the whole batch once; the figures are the median, minimum and maximum
over the rounds, after one warm-up round. Timed: ``appraise(plan, assessments,
policy=policy)``, which records the full explanation (the steps); the baselines record none.

The Decimal baseline is the comparison the aim is stated against ("within 5x of the plain-dict
function with the full explanation recorded"); the float baseline is informative only, since
the library does not accept binary floats (decision D5).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import partial
from typing import Any

from asn_performance import (
    Appraisal,
    Assessment,
    AssessorRole,
    CoreValue,
    Employee,
    Indicator,
    Jenjang,
    Nip,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Rating,
    Realisation,
    Target,
    WeightedSources,
    WorkResult,
    appraise,
)

# --------------------------------------------------------------------------------------------
# The workload
# --------------------------------------------------------------------------------------------

YEAR = 2025
WORK_RESULTS = 5
INDICATORS_PER_RESULT = 2
WEIGHTS = {"self": 20, "pejabat_penilai": 60, "peer": 20}
ROLES = ("self", "pejabat_penilai", "peer", "peer", "peer")
EMPLOYEE_NIP = "198609262015051001"
SUPERVISOR_NIP = "197503122000031002"
PEER_NIPS = ("198801012012011001", "198905172013022002", "199002282014031003")
ASSESSOR_NIPS = (EMPLOYEE_NIP, SUPERVISOR_NIP, *PEER_NIPS)
RATINGS = (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS)
GIVEN_ON = dt.date(YEAR, 12, 20)

Spec = dict[str, Any]
"""One input as plain data, from which both the library objects and the plain dicts are built."""


def make_specs(n: int, seed: int) -> list[Spec]:
    """``n`` inputs with distinct combinations of the ten overall ratings (3**10 possible)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    combos = rng.sample(range(3**10), n)
    wr_ids = [f"rhk-{w + 1}" for w in range(WORK_RESULTS)]
    ind_ids = [f"iki-{w + 1}.{i + 1}" for w in range(WORK_RESULTS) for i in range(2)]
    specs = []
    for index, combo in enumerate(combos):
        digits = [(combo // 3**k) % 3 for k in range(10)]
        assessments = []
        for who in range(5):
            assessments.append(
                {
                    "role": ROLES[who],
                    "assessor": ASSESSOR_NIPS[who],
                    "hasil_kerja": RATINGS[digits[2 * who]].value,
                    "perilaku_kerja": RATINGS[digits[2 * who + 1]].value,
                    "work_result_ratings": {w: rng.choice(RATINGS).value for w in wr_ids},
                    "behaviour_ratings": {v.value: rng.choice(RATINGS).value for v in CoreValue},
                    "realisations": [
                        {
                            "indicator_id": i,
                            "value": str(rng.randint(50, 120)),
                            "evidence": [f"https://e-kinerja.example.go.id/bukti/{index}/{i}"],
                            "feedback": "Pertahankan kualitas laporan.",
                        }
                        for i in ind_ids
                    ],
                }
            )
        specs.append({"plan_id": f"skp-{YEAR}-{index:04d}", "assessments": assessments})
    return specs


def _employee(nip: str, name: str, title: str, superior: str | None) -> Employee:
    return Employee(
        Nip(nip),
        name,
        Position(PositionKind.FUNGSIONAL, title, Jenjang.AHLI_MUDA),
        "Biro Perencanaan",
        Nip(superior) if superior else None,
    )


def build_library_inputs(
    specs: Sequence[Spec],
) -> list[tuple[PerformancePlan, tuple[Assessment, ...]]]:
    """The (plan, assessments) pairs as library objects."""
    period = Period.annual(YEAR)
    employee = _employee(EMPLOYEE_NIP, "Siti Rahmawati", "Analis Kebijakan", SUPERVISOR_NIP)
    supervisor = _employee(SUPERVISOR_NIP, "Budi Santoso", "Analis Kebijakan", None)
    work_results = tuple(
        WorkResult(
            f"rhk-{w + 1}",
            f"Tersusunnya rekomendasi kebijakan bidang {w + 1}",
            tuple(
                Indicator(
                    f"iki-{w + 1}.{i + 1}",
                    f"Jumlah rekomendasi kebijakan {w + 1}.{i + 1} yang ditindaklanjuti",
                    Target.value(100, "%"),
                )
                for i in range(INDICATORS_PER_RESULT)
            ),
        )
        for w in range(WORK_RESULTS)
    )
    inputs = []
    for spec in specs:
        plan = PerformancePlan(spec["plan_id"], employee, supervisor, period, work_results)
        assessments = tuple(
            Assessment(
                plan.id,
                AssessorRole(a["role"]),
                Nip(a["assessor"]),
                GIVEN_ON,
                period,
                hasil_kerja=Rating(a["hasil_kerja"]),
                perilaku_kerja=Rating(a["perilaku_kerja"]),
                work_result_ratings={k: Rating(v) for k, v in a["work_result_ratings"].items()},
                behaviour_ratings={
                    CoreValue(k): Rating(v) for k, v in a["behaviour_ratings"].items()
                },
                realisations=[
                    Realisation(
                        r["indicator_id"],
                        Decimal(r["value"]),
                        tuple(r["evidence"]),
                        r["feedback"],
                    )
                    for r in a["realisations"]
                ],
            )
            for a in spec["assessments"]
        )
        inputs.append((plan, assessments))
    return inputs


def build_dict_inputs(specs: Sequence[Spec]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """The same inputs as plain dicts and strings.

    The id sets the library derives once, when a plan or an assessment is constructed
    (``PerformancePlan.indicator_ids``, ``work_result_ids``; an assessment's indicator ids),
    are derived here too, before timing, so that both sides do the same work per call.
    """
    wr_ids = frozenset(f"rhk-{w + 1}" for w in range(WORK_RESULTS))
    ind_ids = frozenset(f"iki-{w + 1}.{i + 1}" for w in range(WORK_RESULTS) for i in range(2))
    inputs = []
    for spec in specs:
        plan = {
            "id": spec["plan_id"],
            "employee": EMPLOYEE_NIP,
            "pejabat_penilai": SUPERVISOR_NIP,
            "period": str(YEAR),
            "work_result_ids": wr_ids,
            "indicator_ids": ind_ids,
        }
        assessments = [
            {
                **a,
                "plan_id": spec["plan_id"],
                "period": str(YEAR),
                "given_on": GIVEN_ON.isoformat(),
                "indicator_ids": frozenset(r["indicator_id"] for r in a["realisations"]),
            }
            for a in spec["assessments"]
        ]
        inputs.append((plan, assessments))
    return inputs


# --------------------------------------------------------------------------------------------
# The plain-dict baseline: the same rules, no objects, no explanation
# --------------------------------------------------------------------------------------------

DIMENSIONS = ("hasil_kerja", "perilaku_kerja")
ANONYMOUS_ROLES = ("peer", "subordinate")
MIN_ANONYMOUS = 3
NAMED_ROLES = ("self", "pejabat_penilai")
_B, _S, _A = "di_bawah_ekspektasi", "sesuai_ekspektasi", "di_atas_ekspektasi"
MATRIX = {
    (_A, _B): "kurang",
    (_A, _S): "baik",
    (_A, _A): "sangat_baik",
    (_S, _B): "kurang",
    (_S, _S): "baik",
    (_S, _A): "baik",
    (_B, _B): "sangat_kurang",
    (_B, _S): "butuh_perbaikan",
    (_B, _A): "butuh_perbaikan",
}
CONTEXT = Context(prec=28, rounding=ROUND_HALF_UP)
SCALE_DECIMAL = {_B: Decimal(1), _S: Decimal(2), _A: Decimal(3)}
WEIGHTS_DECIMAL = {role: Decimal(w) for role, w in WEIGHTS.items()}
SESUAI_FROM_DECIMAL, DI_ATAS_FROM_DECIMAL = Decimal("1.5"), Decimal("2.5")
SCALE_FLOAT = {_B: 1.0, _S: 2.0, _A: 3.0}
WEIGHTS_FLOAT = {role: float(w) for role, w in WEIGHTS.items()}


def _check_one(plan: Mapping[str, Any], a: Mapping[str, Any]) -> None:
    """One assessment against the plan: ids, period, who may give it."""
    if a["plan_id"] != plan["id"]:
        raise ValueError("assessment for another plan")
    if a["period"] != plan["period"]:
        raise ValueError("assessment for another period")
    if not a["indicator_ids"] <= plan["indicator_ids"]:
        raise ValueError("unknown indicator")
    if a["work_result_ratings"] and not a["work_result_ratings"].keys() <= plan["work_result_ids"]:
        raise ValueError("unknown work result")
    role, assessor, employee = a["role"], a["assessor"], plan["employee"]
    if role == "self":
        if assessor != employee:
            raise PermissionError("self assessment by someone else")
    elif assessor == employee:
        raise PermissionError("employee assesses own plan")
    elif role == "pejabat_penilai" and assessor != plan["pejabat_penilai"]:
        raise PermissionError("not the plan's pejabat penilai")


def _checked_by_role(
    plan: Mapping[str, Any], assessments: Sequence[Mapping[str, Any]]
) -> dict[str, list[Mapping[str, Any]]]:
    """Check every assessment, refuse duplicates, group by role and apply the guards."""
    seen: set[tuple[str, str]] = set()
    by_role: dict[str, list[Mapping[str, Any]]] = {}
    for a in assessments:
        _check_one(plan, a)
        role = a["role"]
        if role != "service_user":
            key = (role, "") if role in NAMED_ROLES else ("peer", a["assessor"])
            if key in seen:
                raise ValueError("duplicate assessment")
            seen.add(key)
        by_role.setdefault(role, []).append(a)
    lead = by_role.get("pejabat_penilai")
    if not lead:
        raise LookupError("the pejabat penilai's assessment is required")
    for dimension in DIMENSIONS:
        if lead[0].get(dimension) is None:
            raise ValueError(f"the pejabat penilai must give {dimension}")
    for role in ANONYMOUS_ROLES:
        given = by_role.get(role)
        if given and len(given) < MIN_ANONYMOUS:
            del by_role[role]
    return by_role


def _rating_decimal(dimension: str, by_role: Mapping[str, list[Mapping[str, Any]]]) -> str:
    present = []
    total = Decimal(0)
    for role, given in by_role.items():
        weight = WEIGHTS_DECIMAL.get(role)
        if not weight:
            continue
        values = [r for a in given if (r := a.get(dimension)) is not None]
        if values:
            present.append(
                (weight, CONTEXT.divide(sum(SCALE_DECIMAL[r] for r in values), len(values)))
            )
            total += weight
    score = Decimal(0)
    for weight, mean in present:
        score += CONTEXT.multiply(CONTEXT.divide(weight, total), mean)
    if score >= DI_ATAS_FROM_DECIMAL:
        return _A
    return _S if score >= SESUAI_FROM_DECIMAL else _B


def _rating_float(dimension: str, by_role: Mapping[str, list[Mapping[str, Any]]]) -> str:
    present = []
    total = 0.0
    for role, given in by_role.items():
        weight = WEIGHTS_FLOAT.get(role)
        if not weight:
            continue
        values = [r for a in given if (r := a.get(dimension)) is not None]
        if values:
            present.append((weight, sum(SCALE_FLOAT[r] for r in values) / len(values)))
            total += weight
    score = 0.0
    for weight, mean in present:
        score += weight / total * mean
    if score >= 2.5:
        return _A
    return _S if score >= 1.5 else _B


def baseline_decimal(
    plan: Mapping[str, Any], assessments: Sequence[Mapping[str, Any]]
) -> dict[str, str]:
    """The plain-dict appraisal with exact (Decimal) arithmetic, as the library computes."""
    by_role = _checked_by_role(plan, assessments)
    hasil = _rating_decimal("hasil_kerja", by_role)
    perilaku = _rating_decimal("perilaku_kerja", by_role)
    return {
        "rating_hasil_kerja": hasil,
        "rating_perilaku_kerja": perilaku,
        "predikat": MATRIX[(hasil, perilaku)],
    }


def baseline_float(
    plan: Mapping[str, Any], assessments: Sequence[Mapping[str, Any]]
) -> dict[str, str]:
    """The same with binary floats (informative: the library refuses floats, D5)."""
    by_role = _checked_by_role(plan, assessments)
    hasil = _rating_float("hasil_kerja", by_role)
    perilaku = _rating_float("perilaku_kerja", by_role)
    return {
        "rating_hasil_kerja": hasil,
        "rating_perilaku_kerja": perilaku,
        "predikat": MATRIX[(hasil, perilaku)],
    }


# --------------------------------------------------------------------------------------------
# Measurement
# --------------------------------------------------------------------------------------------


def run_batch(fn: Callable[[Any, Any], object], inputs: Sequence[tuple[Any, Any]]) -> int:
    """Run ``fn`` over the whole batch once; return the elapsed nanoseconds."""
    start = time.perf_counter_ns()
    for plan, assessments in inputs:
        fn(plan, assessments)
    return time.perf_counter_ns() - start


def library_and_render(policy: WeightedSources, plan: Any, assessments: Any) -> str:
    """Informative: appraise and render the explanation as text."""
    return appraise(plan, assessments, policy=policy).explain()


def check_agreement(
    library_inputs: Sequence[tuple[PerformancePlan, tuple[Assessment, ...]]],
    dict_inputs: Sequence[tuple[dict[str, Any], list[dict[str, Any]]]],
    policy: WeightedSources,
) -> int:
    """Assert that library and Decimal baseline agree; return how often the float one does."""
    float_agrees = 0
    for (plan, assessments), (dplan, dassessments) in zip(library_inputs, dict_inputs, strict=True):
        result: Appraisal = appraise(plan, assessments, policy=policy)
        expected = baseline_decimal(dplan, dassessments)
        got = {
            "rating_hasil_kerja": result.rating_hasil_kerja.value,
            "rating_perilaku_kerja": result.rating_perilaku_kerja.value,
            "predikat": result.predikat.value,
        }
        assert got == expected, (plan.id, got, expected)
        assert len(result.explanation) >= 3, plan.id
        assert not any(s.rule == "G-ANONYMITY" for s in result.explanation), plan.id
        float_agrees += baseline_float(dplan, dassessments) == expected
    return float_agrees


def import_times(runs: int) -> tuple[list[float], set[str]]:
    """Seconds to ``import asn_performance`` in ``runs`` fresh interpreters; modules of pydantic."""
    code = (
        "import time; t=time.perf_counter(); import asn_performance;"
        " d=time.perf_counter()-t; import sys; print(d);"
        " print(','.join(m for m in sys.modules if m.split('.')[0] in"
        " ('pydantic', 'pydantic_core')))"
    )
    times, pydantic = [], set()
    for _ in range(runs):
        done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        first, _, second = done.stdout.partition("\n")
        times.append(float(first))
        pydantic.update(m for m in second.strip().split(",") if m)
    return times, pydantic


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments, build the inputs, measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N=200, 3 rounds")
    parser.add_argument("-n", type=int, default=None, help="inputs per batch (default 1000)")
    parser.add_argument("--rounds", type=int, default=None, help="timed rounds (default 7)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--skip-import", action="store_true", help="do not time the import")
    args = parser.parse_args(argv)
    n = args.n or (200 if args.quick else 1000)
    rounds = args.rounds or (3 if args.quick else 7)

    policy = WeightedSources(WEIGHTS)
    specs = make_specs(n, args.seed)
    library_inputs = build_library_inputs(specs)
    dict_inputs = build_dict_inputs(specs)
    float_agrees = check_agreement(library_inputs, dict_inputs, policy)

    cases: list[tuple[str, Callable[[Any, Any], object], Sequence[tuple[Any, Any]]]] = [
        ("library appraise() + explanation", partial(appraise, policy=policy), library_inputs),
        ("plain-dict baseline, Decimal", baseline_decimal, dict_inputs),
        ("plain-dict baseline, float", baseline_float, dict_inputs),
        ("(info) appraise() + explain() text", partial(library_and_render, policy), library_inputs),
    ]
    for _name, fn, inputs in cases:  # warm-up round
        run_batch(fn, inputs)
    elapsed: dict[str, list[int]] = {name: [] for name, _, _ in cases}
    for _ in range(rounds):  # interleaved, so that drift on a noisy machine hits every case
        for name, fn, inputs in cases:
            elapsed[name].append(run_batch(fn, inputs))

    print("asn_performance benchmark: appraise() vs a plain-dict function with the same rules")
    print(f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"machine: {platform.platform()}; {platform.machine()}; CPUs: {os.cpu_count()}")
    print(
        f"workload: N={n} inputs per batch, {rounds} timed rounds after 1 warm-up round;"
        " each input 5 work results x 2 indicators, 7 BerAKHLAK values, 5 assessments"
        " (self, pejabat penilai, 3 peers); WeightedSources 20/60/20, default guards"
    )
    print(
        f"agreement: library == Decimal baseline on all {n} inputs (ratings and predikat);"
        f" float baseline agrees on {float_agrees}/{n}"
    )
    print()
    header = f"{'':38}{'appraisals/s (median)':>22}{'min':>10}{'max':>10}{'µs each':>10}"
    print(header)
    print("-" * len(header))
    medians: dict[str, float] = {}
    for name, _, _ in cases:
        rates = sorted(n / (ns / 1e9) for ns in elapsed[name])
        median_ns = statistics.median(elapsed[name])
        medians[name] = median_ns
        print(
            f"{name:38}{statistics.median(rates):>22,.0f}{rates[0]:>10,.0f}{rates[-1]:>10,.0f}"
            f"{median_ns / n / 1000:>10.1f}"
        )
    print()
    library = medians[cases[0][0]]
    ratio_decimal = library / medians[cases[1][0]]
    ratio_float = library / medians[cases[2][0]]
    per_round = [
        lib / dec for lib, dec in zip(elapsed[cases[0][0]], elapsed[cases[1][0]], strict=True)
    ]
    verdict = "within" if ratio_decimal <= 5 else "NOT within"
    print(
        f"library is {ratio_decimal:.1f}× the plain-dict Decimal function"
        f" (per-round ratios {min(per_round):.1f}-{max(per_round):.1f});"
        f" aim ≤ 5×: {verdict}"
    )
    print(f"library is {ratio_float:.1f}× the plain-dict float function (informative)")

    if not args.skip_import:
        times, pydantic = import_times(7)
        ms = sorted(t * 1000 for t in times)
        print(
            f"import asn_performance (7 fresh interpreters): median {statistics.median(ms):.1f} ms"
            f" (min {ms[0]:.1f}, max {ms[-1]:.1f});"
            f" pydantic imported: {'YES: ' + ', '.join(sorted(pydantic)) if pydantic else 'no'}"
        )


if __name__ == "__main__":
    main()
