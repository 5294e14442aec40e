"""Benchmark: the object path and the JSON boundary against plain functions (issue 12).

Run from the repository root::

    .venv/bin/python benchmarks/appraise.py            # N=1000 inputs, 7 rounds
    .venv/bin/python benchmarks/appraise.py --quick    # N=200 inputs, 3 rounds

Prints, in one run (each group interleaved, medians of the rounds):

1. **appraise().** Workload (one input): a kuantitatif plan (SKP) of 5 work results x 2
   indicators (target 100 %) with the seven BerAKHLAK values, and five assessments for the
   annual period -- self, pejabat penilai and three peers -- each with both overall ratings, a
   rating per work result, a rating per BerAKHLAK value and a realisation (with evidence and
   feedback) for each of the ten indicators. Policy ``WeightedSources({"self": 20,
   "pejabat_penilai": 60, "peer": 20})`` with the default guards (three anonymous peers count).
   Timed: ``appraise(plan, assessments, policy=policy, suggestion=DEFAULT_THRESHOLDS)`` (the
   capaian of each indicator from the pejabat penilai's realisation, the suggested rating and
   its comparison with the decision, all in the explanation) and without ``suggestion``;
   against plain hand-written functions over dicts that apply the same rules with Decimal
   (checks, guards, the weighted ratings, the matrix; and with capaian: each indicator's
   capaian capped at 120 %, their mean against 110 % / 100 %) and record no explanation. The
   aim of issue 12 is the library with capaian within 5x the plain function with capaian.
2. **The older regime chains** (``_chain_cases.py``): PP 46/2011 and PermenPANRB 8/2021 per
   employee against hand-written Decimal versions with the same shown results (aim: within 5x).
3. **The JSON boundary** (``_load_cases.py``): ``load_document`` per employee against
   ``json.loads`` + a flat pydantic model of the same fields (aim: within 2x); the command line
   on 1,000 employees against a fresh ``json.load`` (aim: within 5x); ``import
   asn_performance`` and the first use (``from asn_performance import appraise,
   PerformancePlan, Assessment``) against ``import attrs, dateutil`` (aim: within 1.2x).

N different inputs (distinct combinations of the ten overall ratings) are built before any
timing; the library and the plain functions must agree on every input (ratings, predikat,
suggested rating) before anything is timed. A round runs the whole batch once, after one
warm-up round. The float baseline is informative only (the library refuses binary floats, D5).
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
from pathlib import Path
from typing import Any

from asn_performance import (
    Appraisal,
    Approach,
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
from asn_performance.regimes.permenpanrb_6_2022.quantitative import DEFAULT_THRESHOLDS

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
        plan = PerformancePlan(
            spec["plan_id"],
            employee,
            supervisor,
            period,
            work_results,
            approach=Approach.KUANTITATIF,
        )
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
            # indicator -> (target, lower is better); every target 100 %, higher is better
            "targets": {i: (Decimal(100), False) for i in sorted(ind_ids)},
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


HUNDRED = Decimal(100)
CAP, ABOVE_FROM, MEETS_FROM = Decimal(120), Decimal(110), Decimal(100)


def _suggested(plan: Mapping[str, Any], lead: Mapping[str, Any]) -> str:
    """The suggested rating hasil kerja from the pejabat penilai's realisations: each
    indicator's capaian (PermenPANRB 8/2021 formulas: realisasi / target x 100, or (2 -
    realisasi / target) x 100 when lower is better), capped at 120 %, and their mean compared
    exactly with 110 % and 100 % (the sum against the threshold times the count)."""
    targets = plan["targets"]
    total = Decimal(0)
    counted = 0
    for item in lead["realisations"]:
        target, lower_is_better = targets[item["indicator_id"]]
        ratio = CONTEXT.divide(Decimal(item["value"]), target)
        capaian = CONTEXT.multiply(2 - ratio if lower_is_better else ratio, HUNDRED)
        total += min(capaian, CAP)
        counted += 1
    if total >= ABOVE_FROM * counted:
        return _A
    return _S if total >= MEETS_FROM * counted else _B


def baseline_decimal_capaian(
    plan: Mapping[str, Any], assessments: Sequence[Mapping[str, Any]]
) -> dict[str, str]:
    """The plain-dict appraisal with the capaian suggestion and its comparison."""
    by_role = _checked_by_role(plan, assessments)
    hasil = _rating_decimal("hasil_kerja", by_role)
    perilaku = _rating_decimal("perilaku_kerja", by_role)
    suggested = _suggested(plan, by_role["pejabat_penilai"][0])
    return {
        "rating_hasil_kerja": hasil,
        "rating_perilaku_kerja": perilaku,
        "predikat": MATRIX[(hasil, perilaku)],
        "suggested": suggested,
        "agrees": "yes" if suggested == hasil else "no",
    }


SCALE_INT = {_B: 1, _S: 2, _A: 3}


def _weighted(dimension: str, by_role: Mapping[str, list[Mapping[str, Any]]]) -> str:
    """The weighted rating in integers: Σ w·mean ≥ 2.5·Σ w, as 2·Σ w·sum·(L/n) ≥ 5·W·L."""
    parts = []
    for role, given in by_role.items():
        weight = WEIGHTS.get(role)
        if weight:
            values = [SCALE_INT[r] for a in given if (r := a.get(dimension)) is not None]
            if values:
                parts.append((weight, sum(values), len(values)))
    common = 1
    for _, _, count in parts:
        common *= count
    score = sum(w * total * (common // count) for w, total, count in parts)
    whole = sum(w for w, _, _ in parts) * common
    if 2 * score >= 5 * whole:
        return _A
    return _S if 2 * score >= 3 * whole else _B


def plain_lean(plan: Mapping[str, Any], assessments: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """The issue's plain function: the whole appraisal of one employee written lean by hand
    (integers where the rules allow, the plan's id and the roles checked, the anonymity
    minimum, the matrix, and the capaian suggestion); exact, no explanation."""
    by_role: dict[str, list[Mapping[str, Any]]] = {}
    for a in assessments:
        if a["plan_id"] != plan["id"]:
            raise ValueError("assessment for another plan")
        by_role.setdefault(a["role"], []).append(a)
    if len(by_role.get("peer", ())) < MIN_ANONYMOUS:
        by_role.pop("peer", None)
    lead = by_role["pejabat_penilai"][0]
    hasil = _weighted("hasil_kerja", by_role)
    perilaku = _weighted("perilaku_kerja", by_role)
    targets = plan["targets"]
    total, counted = Decimal(0), 0
    for item in lead["realisations"]:
        target, _lower = targets[item["indicator_id"]]
        total += min(Decimal(item["value"]) * HUNDRED / target, CAP)
        counted += 1
    suggested = _A if total >= ABOVE_FROM * counted else _S if total >= MEETS_FROM * counted else _B
    return {
        "rating_hasil_kerja": hasil,
        "rating_perilaku_kerja": perilaku,
        "predikat": MATRIX[(hasil, perilaku)],
        "suggested": suggested,
        "agrees": "yes" if suggested == hasil else "no",
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
    """Assert that the library and the Decimal baselines agree (ratings, predikat, the
    suggested rating and whether it agrees); return how often the float baseline agrees."""
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
        with_capaian = appraise(plan, assessments, policy=policy, suggestion=DEFAULT_THRESHOLDS)
        steps = {s.rule: s for s in with_capaian.explanation}
        capaian_steps = [s for s in with_capaian.explanation if s.rule == "6/2022-QUANT-CAPAIAN"]
        assert len(capaian_steps) == WORK_RESULTS * INDICATORS_PER_RESULT, plan.id
        plain = baseline_decimal_capaian(dplan, dassessments)
        assert plain_lean(dplan, dassessments) == plain, plan.id
        suggested = Rating.parse(steps["6/2022-QUANT-THRESHOLDS"].output)
        assert suggested.value == plain["suggested"], (plan.id, suggested, plain)
        assert with_capaian.predikat.value == plain["predikat"], plan.id
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
    # As an installed copy starts: with the .pyc files written (the first run, not timed,
    # writes them); PYTHONDONTWRITEBYTECODE would compile every edited module on each start.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    times, pydantic = [], set()
    for run in range(runs + 1):
        done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        if run == 0:
            continue
        first, _, second = done.stdout.partition("\n")
        times.append(float(first))
        pydantic.update(m for m in second.strip().split(",") if m)
    return times, pydantic


def _parser() -> argparse.ArgumentParser:
    """The command line of this script."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N=200, 3 rounds")
    parser.add_argument("-n", type=int, default=None, help="inputs per batch (default 1000)")
    parser.add_argument("--rounds", type=int, default=None, help="timed rounds (default 7)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--skip-import", action="store_true", help="do not time the import")
    parser.add_argument(
        "--skip-boundary", action="store_true", help="do not time load_document and the CLI"
    )
    parser.add_argument(
        "--only-boundary",
        action="store_true",
        help="time only load_document and the CLI (no appraise(), chains or import rows)",
    )
    # The full run times the boundary in a child process (see main); it prints no header.
    parser.add_argument("--no-header", action="store_true", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments, build the inputs, measure and print the table."""
    parser = _parser()
    args = parser.parse_args(argv)
    n = args.n or (200 if args.quick else 1000)
    rounds = args.rounds or (3 if args.quick else 7)
    if args.only_boundary:
        if not args.no_header:
            print(f"Python {platform.python_version()}; CPUs: {os.cpu_count()}; {rounds} rounds")
        boundary(rounds, with_import=False)
        return

    policy = WeightedSources(WEIGHTS)
    specs = make_specs(n, args.seed)
    library_inputs = build_library_inputs(specs)
    dict_inputs = build_dict_inputs(specs)
    float_agrees = check_agreement(library_inputs, dict_inputs, policy)

    with_capaian = partial(appraise, policy=policy, suggestion=DEFAULT_THRESHOLDS)
    cases: list[tuple[str, Callable[[Any, Any], object], Sequence[tuple[Any, Any]]]] = [
        ("library, with capaian", with_capaian, library_inputs),
        ("plain function, lean (issue 12)", plain_lean, dict_inputs),
        ("plain function, with capaian", baseline_decimal_capaian, dict_inputs),
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

    def ratio(a: int, b: int) -> tuple[float, float, float]:
        """Median ratio of case a to case b, and the per-round range."""
        pairs = zip(elapsed[cases[a][0]], elapsed[cases[b][0]], strict=True)
        rounds_ratio = [x / y for x, y in pairs]
        return medians[cases[a][0]] / medians[cases[b][0]], min(rounds_ratio), max(rounds_ratio)

    for a, b, aim in ((0, 1, 5.0), (0, 2, None), (3, 4, None), (3, 5, None)):
        value, low, high = ratio(a, b)
        verdict = "" if aim is None else f"; aim ≤ {aim:g}×: {'met' if value <= aim else 'NOT met'}"
        print(
            f"{cases[a][0]} is {value:.1f}× {cases[b][0]} (per-round {low:.1f}-{high:.1f}){verdict}"
        )
    chains(300, rounds)
    if not args.skip_boundary:
        _boundary_apart(rounds)
    if not args.skip_import:
        times, pydantic = import_times(7)
        ms = sorted(t * 1000 for t in times)
        print(
            f"import asn_performance (7 fresh interpreters): median {statistics.median(ms):.1f} ms"
            f" (min {ms[0]:.1f}, max {ms[-1]:.1f});"
            f" pydantic imported: {'YES: ' + ', '.join(sorted(pydantic)) if pydantic else 'no'}"
        )


def _boundary_apart(rounds: int) -> None:
    """The boundary group, its loads in a fresh process: the inputs of the rows above stay
    alive in this one, and every collection of the garbage collector would walk them, a cost
    that falls on whichever case allocates most (the flat baseline more than the library),
    not on the load being measured."""
    sys.stdout.flush()
    command = [sys.executable, __file__, "--only-boundary", "--rounds", str(rounds)]
    subprocess.run([*command, "--no-header"], check=True)  # noqa: S603 - this very script
    boundary(rounds, with_load=False)


def chains(n: int, rounds: int) -> None:
    """The regime chains group (``_chain_cases.py``): each chain per employee against a
    hand-written Decimal version (aim: within 5x)."""
    import _chain_cases as cc  # noqa: PLC0415 - beside this script

    cases = cc.chain_cases(n)
    for fn, inputs in cases.values():  # warm-up
        for item in inputs:
            fn(item)
    seconds: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, (fn, inputs) in cases.items():
            start = time.process_time()
            for item in inputs:
                fn(item)
            seconds[name].append(time.process_time() - start)
    print()
    print(f"the older regime chains ({n} employees; CPU time; the same shown value and predikat)")
    for name in cases:
        print(f"  {name:48}{statistics.median(seconds[name]) / n * 1e6:>10.1f} µs per employee")
    names = list(cases)
    for library_name, plain_name in zip(names[0::2], names[1::2], strict=True):
        value = statistics.median(seconds[library_name]) / statistics.median(seconds[plain_name])
        verdict = "met" if value <= 5 else "NOT met"
        print(f"  {library_name} is {value:.1f}× the hand-written one; aim ≤ 5×: {verdict}")


def boundary(rounds: int, *, with_import: bool = True, with_load: bool = True) -> None:
    """The JSON boundary group (``_load_cases.py``): load per employee and the CLI (unless
    ``with_load`` is false), the import (unless ``with_import`` is false)."""
    import _load_cases as lc  # noqa: PLC0415 - beside this script; imports pydantic

    lc.warm_bytecode()  # the .pyc files the fresh processes below read, as when installed
    if with_load:
        _load_and_cli(lc, rounds)
    if with_import:
        _import_rows(lc, rounds)


def _load_and_cli(lc: Any, rounds: int) -> None:
    """load_document per employee against json.loads + a flat model; the CLI against
    json.load."""
    import tempfile  # noqa: PLC0415 - only for this group

    cases = lc.per_employee_cases((100, 1000))
    for fn, text, _n in cases.values():  # warm-up
        fn(text)
    # Each round loads at least 1,000 employees per case (the N = 100 document ten times), so
    # that one collection of the garbage collector does not decide a round; per employee.
    repeats = {name: max(1, 1000 // n) for name, (_fn, _text, n) in cases.items()}
    seconds: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, (fn, text, n) in cases.items():
            start = time.process_time()
            for _repeat in range(repeats[name]):
                fn(text)
            seconds[name].append((time.process_time() - start) / (n * repeats[name]))
    print()
    print("the JSON boundary (CPU time; median of the rounds; at least 1,000 employees a round)")
    names = list(cases)
    for name in names:
        print(f"  {name:42}{statistics.median(seconds[name]) * 1e6:>10.0f} µs per employee")
    for library_name, flat_name in zip(names[0::2], names[1::2], strict=True):
        value = statistics.median(seconds[library_name]) / statistics.median(seconds[flat_name])
        pairs = zip(seconds[library_name], seconds[flat_name], strict=True)
        per_round = sorted(ours / theirs for ours, theirs in pairs)
        verdict = "met" if value <= 2 else "NOT met"
        print(
            f"  {library_name} is {value:.1f}× {flat_name} (per round {per_round[0]:.1f}-"
            f"{per_round[-1]:.1f}); aim ≤ 2×: {verdict}"
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "unit-1000.json"
        path.write_text(lc.document_text(1000), encoding="utf-8")
        lc.cli_seconds(path)  # warm the page cache
        cli, plain = [], []
        for _ in range(rounds):
            cli.append(lc.cli_seconds(path))
            plain.append(lc.json_load_seconds(path))
    value = statistics.median(cli) / statistics.median(plain)
    print(
        f"  asn-performance appraise, 1,000 employees: {statistics.median(cli):.2f} s wall;"
        f" python -c json.load: {statistics.median(plain):.3f} s; {value:.1f}×;"
        f" aim ≤ 5×: {'met' if value <= 5 else 'NOT met'}"
    )


def _import_rows(lc: Any, rounds: int) -> None:
    """The bare import and the first use against ``import attrs, dateutil``."""
    first_use = "from asn_performance import appraise, PerformancePlan, Assessment"
    statements = ("import asn_performance", first_use, "import attrs, dateutil")
    import_rounds = max(rounds, 15)
    seconds_of: dict[str, list[float]] = {statement: [] for statement in statements}
    for _ in range(import_rounds):  # interleaved, fresh interpreters
        for statement in statements:
            seconds_of[statement].append(lc.import_seconds(statement))
    base = statistics.median(seconds_of["import attrs, dateutil"])
    print(
        f"  import attrs, dateutil {base * 1000:.1f} ms (median of {import_rounds} fresh"
        " interpreters, interleaved)"
    )
    for statement in statements[:2]:
        ours = statistics.median(seconds_of[statement])
        value = ours / base
        # issue 12's aim is the bare import's; the first use is reported beside it, no aim
        verdict = (
            f"aim ≤ 1.2×: {'met' if value <= 1.2 else 'NOT met'}"
            if statement == "import asn_performance"
            else "no aim (reported)"
        )
        print(f"  {statement}: {ours * 1000:.1f} ms; {value:.2f}×; {verdict}")
    print(
        "  (the package loads its modules on first use, PEP 562: the bare import loads none"
        " of them; the second line is what a caller pays before the first appraisal)"
    )


if __name__ == "__main__":
    main()
