"""The regime chains' cases of ``benchmarks/appraise.py`` (issue 12).

Per employee, the whole chain of each older regime, as the 2021 transition runs it
(``regimes.transition_2021``), against a hand-written Decimal version written here (a private
28-digit half-up context, no explanation, no checks) that gives the same shown value and
predikat on every employee of the workload (checked before timing):

* **PP 46/2011**: 5 activities (kuantitas, kualitas, waktu; biaya for 2 of them), the SKP
  value with 0-8 tugas tambahan and 0-2 kreativitas, perilaku of 5 aspects (6 with
  kepemimpinan for 30 %), nilai prestasi kerja = 60 % SKP + 40 % perilaku, the D6 band. The
  library's inputs (``Activity``, ``BehaviourScores``) are built before timing.
* **PermenPANRB 8/2021**: 5 RHK utama x 2 IKI from raw numbers (single, ranged and
  lower-is-better targets, some maximum-attainable), a tambahan for half of them, nilai SKP,
  nilai kinerja (70/30, or 60/40 with the peers' input), the Pasal 41(5) predikat.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

from asn_performance.domain.plan import Target
from asn_performance.regimes import permenpanrb_8_2021 as pp30
from asn_performance.regimes import pp_46_2011 as pp46

CONTEXT = Context(prec=28, rounding=ROUND_HALF_UP)
CENT, ONE, HUNDRED, NT = Decimal("0.01"), Decimal(1), Decimal(100), Decimal(176)

Spec = dict[str, Any]


# --- PP 46/2011 ------------------------------------------------------------------------------


def pp46_specs(n: int, seed: int = 1) -> list[Spec]:
    """``n`` employees' activities and behaviour scores, as plain data."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    specs = []
    for _ in range(n):
        activities = []
        for k in range(5):
            quantity = rng.randint(1, 24)
            months = rng.choice([3, 5, 6, 12])
            activity: Spec = {
                "name": f"Kegiatan {k + 1}",
                "qt": Decimal(quantity),
                "qr": Decimal(rng.randint(0, quantity + 2)),
                "kt": HUNDRED,
                "kr": Decimal(rng.randint(6000, 10000)) / 100,
                "tt": Decimal(months),
                "tr": Decimal(rng.randint(1, months * 100)) / 100,
            }
            if k < 2:
                budget = Decimal(rng.randint(1000, 900000)) * 1000
                activity["bt"] = budget
                activity["br"] = (budget * Decimal(rng.randint(50, 110)) / 100).quantize(ONE)
            activities.append(activity)
        structural = rng.random() < 0.3
        specs.append(
            {
                "activities": activities,
                "tugas_tambahan": rng.randint(0, 8),
                "kreativitas": rng.choice([[], ["unit_kerja"], ["instansi", "unit_kerja"]]),
                "behaviour": [Decimal(rng.randint(6000, 10000)) / 100 for _ in range(5)],
                "leadership": Decimal(rng.randint(6000, 10000)) / 100 if structural else None,
                "structural": structural,
            }
        )
    return specs


def pp46_inputs(specs: Sequence[Spec]) -> list[tuple[Any, ...]]:
    """The library's inputs for each employee (built before timing)."""
    inputs = []
    for s in specs:
        activities = [
            pp46.Activity(
                a["name"],
                a["qt"],
                a["qr"],
                a["kt"],
                a["kr"],
                a["tt"],
                a["tr"],
                a.get("bt"),
                a.get("br"),
            )
            for a in s["activities"]
        ]
        behaviour = pp46.BehaviourScores(
            *s["behaviour"], s["leadership"], structural=s["structural"]
        )
        inputs.append((activities, s["tugas_tambahan"], s["kreativitas"], behaviour))
    return inputs


def pp46_library(inputs: tuple[Any, ...]) -> Any:
    activities, tugas_tambahan, kreativitas, behaviour = inputs
    skp = pp46.assess_skp(activities, tugas_tambahan=tugas_tambahan, kreativitas=kreativitas)
    return pp46.work_achievement(skp, pp46.assess_behaviour(behaviour))


def _time_cost(target: Decimal, real: Decimal) -> Decimal:
    """Waktu or biaya (Perka BKN 1/2013): 1.76 formula, the 24 % efficiency boundary."""
    if not real:
        return Decimal(0)
    share = CONTEXT.divide(CONTEXT.multiply(real, HUNDRED), target)
    if CONTEXT.multiply(real, HUNDRED) >= CONTEXT.multiply(target, Decimal(76)):
        return CONTEXT.subtract(NT, share)
    return share


def pp46_plain(s: Spec) -> tuple[Decimal, str]:
    """The PP 46/2011 chain by hand: (nilai prestasi kerja shown, predikat code)."""
    values = []
    for a in s["activities"]:
        aspects = [
            CONTEXT.divide(CONTEXT.multiply(a["qr"], HUNDRED), a["qt"]),
            CONTEXT.divide(CONTEXT.multiply(a["kr"], HUNDRED), a["kt"]),
            _time_cost(a["tt"], a["tr"]),
        ]
        if "bt" in a:
            aspects.append(_time_cost(a["bt"], a["br"]))
        values.append(CONTEXT.divide(sum(aspects[1:], aspects[0]), len(aspects)))
    mean = CONTEXT.divide(sum(values[1:], values[0]), len(values))
    extra = s["tugas_tambahan"]
    points = 3 if extra >= 7 else 2 if extra >= 4 else 1 if extra >= 1 else 0
    creative = {"unit_kerja": 3, "instansi": 6, "nasional": 12}
    skp = CONTEXT.add(mean, Decimal(points + sum(creative[k] for k in s["kreativitas"])))
    behaviour = s["behaviour"] + ([s["leadership"]] if s["structural"] else [])
    perilaku = CONTEXT.divide(sum(behaviour[1:], behaviour[0]), len(behaviour))
    value = CONTEXT.add(
        CONTEXT.multiply(skp, Decimal("0.6")), CONTEXT.multiply(perilaku, Decimal("0.4"))
    )
    band = (
        "sangat_baik"
        if value > 90
        else "baik"
        if value > 75
        else "cukup"
        if value > 60
        else "kurang"
        if value > 50
        else "buruk"
    )
    return value.quantize(CENT, ROUND_HALF_UP, CONTEXT), band


# --- PermenPANRB 8/2021 ------------------------------------------------------------------------


def pp30_specs(n: int, seed: int = 2) -> list[Spec]:
    """``n`` employees' RHK and IKI as plain data."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    specs = []
    for _ in range(n):
        utama = []
        for k in range(5):
            indicators = []
            for j in range(2):
                kind = rng.random()
                target: Decimal | Target
                if kind < 0.6:
                    single = Decimal(rng.randint(1, 200))
                    target, real = single, Decimal(rng.randint(0, 260)) * single / 200
                elif kind < 0.8:
                    low = Decimal(rng.randint(50, 90))
                    target = Target.range(low, low + rng.randint(1, 20))
                    real = Decimal(rng.randint(30, 130))
                else:
                    single = Decimal(rng.randint(1, 50))
                    target, real = single, Decimal(rng.randint(0, 120)) * single / 100
                lower = rng.random() < 0.2
                indicators.append(
                    {
                        "target": target,
                        "real": real,
                        "direction": "lower_is_better" if lower else "higher_is_better",
                        "max_attainable": rng.random() < 0.05,
                        "id": f"iki-{k}-{j}",
                    }
                )
            utama.append({"id": f"rhk-{k}", "weight": Decimal(20), "ikis": indicators})
        tambahan = []
        if rng.random() < 0.5:
            indicator = {
                "target": HUNDRED,
                "real": Decimal(rng.randint(50, 130)),
                "direction": "higher_is_better",
                "max_attainable": False,
                "id": "t",
            }
            tambahan.append({"id": "t-1", "scope": Decimal(rng.randint(0, 100)), "iki": indicator})
        specs.append(
            {
                "utama": utama,
                "tambahan": tambahan,
                "behaviour": Decimal(rng.randint(6000, 12000)) / 100,
                "peer": rng.random() < 0.5,
                "innovation": rng.random() < 0.3,
            }
        )
    return specs


def _assess(d: Spec) -> Any:
    return pp30.assess_iki(
        d["target"],
        d["real"],
        direction=d["direction"],
        max_attainable=d["max_attainable"],
        id=d["id"],
    )


def pp30_library(s: Spec) -> Any:
    """The library's chain from the raw numbers (the IKI inputs are checked inside)."""
    utama = [
        pp30.UtamaWork(r["id"], r["weight"], tuple(_assess(i) for i in r["ikis"]))
        for r in s["utama"]
    ]
    extra = [pp30.TambahanWork(t["id"], t["scope"], _assess(t["iki"])) for t in s["tambahan"]]
    skp = pp30.assess_skp(utama, extra)
    return pp30.performance_value(
        skp, s["behaviour"], with_peer_input=s["peer"], innovation=s["innovation"]
    )


#: (lowest whole capaian, highest or None, kategori, nilai at the lowest, nilai at the highest)
BANDS = (
    (111, None, "sangat_baik", 120, 120),
    (101, 110, "sangat_baik", 110, 120),
    (100, 100, "baik", 109, 109),
    (80, 99, "cukup", 70, 89),
    (60, 79, "kurang", 50, 69),
    (0, 59, "sangat_kurang", 0, 49),
)
KATEGORI_K = {"sangat_baik": 100, "baik": 80, "cukup": 60, "kurang": 40, "sangat_kurang": 20}


def _iki_plain(d: Spec) -> tuple[str, Decimal]:
    target, real = d["target"], d["real"]
    if isinstance(target, Target):
        upper = target.upper if target.upper is not None else target.lower
        used = upper if real > upper else target.lower if real < target.lower else None
    else:
        used = target
    if used is None:
        capaian = HUNDRED
    else:
        ratio = CONTEXT.divide(real, used)
        lower = d["direction"] == "lower_is_better"
        capaian = CONTEXT.multiply(CONTEXT.subtract(2, ratio) if lower else ratio, HUNDRED)
        capaian = max(capaian, Decimal(0))
    whole = capaian.quantize(ONE, ROUND_HALF_UP, CONTEXT)
    if d["max_attainable"] and whole == 100:
        return "sangat_baik", Decimal(120)
    for low, high, kategori, at_low, at_high in BANDS:
        if whole >= low:
            if high is None or high == low:
                return kategori, Decimal(at_low)
            step = CONTEXT.divide(at_high - at_low, high - low)
            return kategori, CONTEXT.add(at_low, CONTEXT.multiply(step, whole - low))
    raise AssertionError("a capaian below 0")


def pp30_plain(s: Spec) -> tuple[Decimal, str]:
    """The PermenPANRB 8/2021 chain by hand: (nilai kinerja shown, predikat code)."""
    utama = Decimal(0)
    for r in s["utama"]:
        values = [_iki_plain(i)[1] for i in r["ikis"]]
        mean = CONTEXT.divide(sum(values[1:], values[0]), len(values))
        utama = CONTEXT.add(utama, CONTEXT.divide(CONTEXT.multiply(mean, r["weight"]), HUNDRED))
    extra = Decimal(0)
    for t in s["tambahan"]:
        kategori, value = _iki_plain(t["iki"])
        weighted = CONTEXT.multiply(CONTEXT.multiply(KATEGORI_K[kategori], t["scope"]), value)
        extra = CONTEXT.add(extra, CONTEXT.divide(weighted, Decimal(10000)))
    skp = CONTEXT.add(utama, min(extra, Decimal(10)))
    skp_weight, behaviour_weight = (60, 40) if s["peer"] else (70, 30)
    value = CONTEXT.divide(
        CONTEXT.add(
            CONTEXT.multiply(skp, skp_weight), CONTEXT.multiply(s["behaviour"], behaviour_weight)
        ),
        HUNDRED,
    )
    if value >= 110:
        band = "sangat_baik" if s["innovation"] else "baik"
    else:
        band = (
            "baik"
            if value >= 90
            else "cukup"
            if value >= 70
            else "kurang"
            if value >= 50
            else "sangat_kurang"
        )
    return value.quantize(CENT, ROUND_HALF_UP, CONTEXT), band


def chain_cases(n: int) -> dict[str, tuple[Callable[[Any], object], list[Any]]]:
    """The four cases (library and hand-written, each chain), checked to agree first."""
    specs46, specs30 = pp46_specs(n), pp30_specs(n)
    inputs46 = pp46_inputs(specs46)
    for spec, inputs in zip(specs46, inputs46, strict=True):
        result = pp46_library(inputs)
        if (result.value_shown, result.predikat.code) != pp46_plain(spec):
            raise AssertionError(
                f"PP 46/2011: the library and the hand-written chain differ: {spec}"
            )
    for spec in specs30:
        result = pp30_library(spec)
        if (result.value_shown, result.predikat.code) != pp30_plain(spec):
            raise AssertionError(f"8/2021: the library and the hand-written chain differ: {spec}")
    return {
        "PP 46/2011 chain, library": (pp46_library, inputs46),
        "PP 46/2011 chain, hand-written Decimal": (pp46_plain, specs46),
        "PermenPANRB 8/2021 chain, library": (pp30_library, specs30),
        "PermenPANRB 8/2021 chain, hand-written Decimal": (pp30_plain, specs30),
    }
