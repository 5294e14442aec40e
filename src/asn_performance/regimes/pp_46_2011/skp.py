"""PP 46/2011: the *nilai capaian SKP*, tugas tambahan, kreativitas, and two SKPs in a year.

The SKP value is the mean of its activities (:mod:`.capaian`) plus the points for *tugas
tambahan* and *kreativitas* (:func:`assess_skp`; library decision D7, configurable with
:class:`~asn_performance.regimes.pp_46_2011.config.Pp46Config`, UNCONFIRMED against the Perka
text). Two SKPs in one year are averaged by a simple mean (:func:`average_skp_values`; BKN
Kantor Regional XII [S23]).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.plain import value_and_shown
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.exceptions import AppraisalError, InputError
from asn_performance.regimes._common import (
    HasValue,
    Ratio,
    dec_ratio,
    fraction_of,
    new_step,
    ratio_field,
    reduced,
    require_each,
    show,
)
from asn_performance.regimes.pp_46_2011._common import PERKA
from asn_performance.regimes.pp_46_2011.capaian import Activity, ActivityResult, assess_activity
from asn_performance.regimes.pp_46_2011.config import DEFAULT_CONFIG, CreativityLevel, Pp46Config
from asn_performance.regimes.pp_46_2011.predikat import Pp46Predikat, predikat_step

__all__ = [
    "RULES",
    "SkpResult",
    "assess_skp",
    "average_exact",
    "average_ratio",
    "average_skp_values",
    "creativity_levels",
    "creativity_points",
    "tugas_tambahan_points",
]

#: The rules of this module: the points, the nilai capaian SKP and two SKPs in a year.
RULES: tuple[Rule, ...] = (
    Rule(
        "PP46-TUGAS-TAMBAHAN",
        "Tugas tambahan points: 0 tasks 0, 1-3 tasks 1, 4-6 tasks 2, 7 or more 3",
        f"{PERKA} (Penilaian Tugas Tambahan [S31]); values: library decision D7, agreed by"
        " several implementations, Perka text not seen (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "PP46-KREATIVITAS",
        "Kreativitas points: unit kerja 3, instansi 6, nasional 12, summed",
        f"{PERKA} (Penilaian Kreativitas [S31]); values: library decision D7, agreed by"
        " several implementations, Perka text not seen (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "PP46-SKP",
        "Nilai capaian SKP = mean of the kegiatan + tugas tambahan + kreativitas (uncapped)",
        f"{PERKA} [S26]; adding the points uncapped: library decision D7 (UNCONFIRMED)",
    ),
    Rule(
        "PP46-SKP-AVERAGE",
        "Two SKPs in one year: nilai SKP = simple mean of the SKP values",
        "BKN Kantor Regional XII, penyusunan SKP bagi PNS yang menduduki 2 jabatan dalam"
        " setahun [S23]",
    ),
)
_RULE = rules_by_id(RULES)

#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.PP46-TUGAS-TAMBAHAN.d7": "library decision D7 (UNCONFIRMED)",
        "step.PP46-KREATIVITAS.d7": "library decision D7 (UNCONFIRMED)",
        "step.PP46-SKP.total": "mean of {count} kegiatan {mean} + {tugas_tambahan} + {kreativitas}",
        "step.PP46-SKP.capped": "capped at {cap} (agency configuration)",
        "step.PP46-SKP-AVERAGE.mean": "simple mean of {count} SKPs (not weighted by months)",
    }
)
_TUGAS_TAMBAHAN: Final = _RULE["PP46-TUGAS-TAMBAHAN"]
_KREATIVITAS: Final = _RULE["PP46-KREATIVITAS"]
_SKP: Final = _RULE["PP46-SKP"]
_D7_NOTE: Final = "library decision D7 (UNCONFIRMED)"


def tugas_tambahan_points(count: int, *, config: Pp46Config = DEFAULT_CONFIG) -> Decimal:
    """Points for ``count`` *tugas tambahan* (decision D7: 0→0, 1-3→1, 4-6→2, ≥7→3).

    Some spreadsheets give 1 point for 0 tasks (a ``<= 3`` test); that is a bug.
    """
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise InputError(
            "the number of tugas tambahan is a whole number of at least 0",
            path="tugas_tambahan",
            value=count,
            rule="PP46-TUGAS-TAMBAHAN",
            fix="count the additional tasks with a surat perintah in the year",
        )
    for minimum, points in config.tugas_tambahan_tiers:
        if count >= minimum:
            return points
    return Decimal(0)


#: The kreativitas levels by their codes: the common input, found without folding the text.
_LEVELS: Final = {member.code: member for member in CreativityLevel}


def _level(item: object, index: int) -> CreativityLevel:
    """One level: a member as given, a code looked up directly, any other text parsed."""
    if isinstance(item, CreativityLevel):
        return item
    if isinstance(item, str):
        member = _LEVELS.get(item)
        if member is not None:
            return member
    return CreativityLevel.parse(item, field=f"kreativitas[{index}]")


def creativity_levels(items: Iterable[CreativityLevel | str]) -> tuple[CreativityLevel, ...]:
    """The kreativitas levels parsed from codes or labels (one text counts as one item)."""
    if isinstance(items, str):
        items = (items,)
    return tuple(_level(item, index) for index, item in enumerate(items))


def creativity_points(
    items: Iterable[CreativityLevel | str], *, config: Pp46Config = DEFAULT_CONFIG
) -> Decimal:
    """Points for the *kreativitas* items, summed (decision D7: unit 3, instansi 6, nasional 12)."""
    return dec_ratio(*_sum_points(creativity_levels(items), config))


def _sum_points(levels: Sequence[CreativityLevel], config: Pp46Config) -> Ratio:
    """The exact sum of the points of ``levels``."""
    table = config.creativity_points
    numerator, denominator = 0, 1
    for level in levels:
        n, d = table[level].as_integer_ratio()
        numerator, denominator = numerator * d + n * denominator, denominator * d
    return numerator, denominator


@attrs.frozen
class SkpResult(HasValue):
    """A PP 46/2011 SKP: its activities, the points and the *nilai capaian SKP*, unrounded."""

    activities: tuple[ActivityResult, ...]
    mean: Decimal
    """The mean of the activity values."""
    tugas_tambahan: int
    tugas_tambahan_points: Decimal
    kreativitas: tuple[CreativityLevel, ...]
    kreativitas_points: Decimal
    value: Decimal
    """*Nilai capaian SKP*: the mean plus the points (capped only if configured)."""
    predikat: Pp46Predikat
    steps: tuple[Step, ...]
    _exact: Ratio = attrs.field(alias="exact", converter=ratio_field, repr=False)
    """The exact value as (numerator, denominator) in lowest terms, carried to the prestasi
    kerja (a ``Fraction`` is accepted too)."""

    @property
    def exact(self) -> Fraction:
        """The exact value, before it is stored as a Decimal and shown."""
        return fraction_of(self._exact)

    @property
    def exact_ratio(self) -> Ratio:
        """The exact value as (numerator, denominator) in lowest terms."""
        return self._exact

    def to_dict(self) -> dict[str, Any]:
        """The plain record: the activities, the mean, tugas tambahan and kreativitas with
        their points, the value (unrounded and as shown) and the predikat by code."""
        return {
            "activities": [activity.to_dict() for activity in self.activities],
            **value_and_shown("mean", self.mean),
            "tugas_tambahan": self.tugas_tambahan,
            **value_and_shown("tugas_tambahan_points", self.tugas_tambahan_points),
            "kreativitas": [level.code for level in self.kreativitas],
            **value_and_shown("kreativitas_points", self.kreativitas_points),
            **value_and_shown("value", self.value),
            "predikat": self.predikat.code,
        }


def assess_skp(
    activities: Iterable[Activity],
    *,
    tugas_tambahan: int = 0,
    kreativitas: Iterable[CreativityLevel | str] = (),
    config: Pp46Config = DEFAULT_CONFIG,
) -> SkpResult:
    """The *nilai capaian SKP*: the mean of the activities plus the D7 points.

    Args:
        activities: the *kegiatan tugas jabatan* (at least one).
        tugas_tambahan: the number of additional tasks with a surat perintah.
        kreativitas: one level per recognised kreativitas (with its SK).
        config: the D7 tables (defaults: 1/2/3 points, 3/6/12 points, no cap).
    """
    items = tuple(activities)
    if not items:
        raise AppraisalError(
            "an SKP needs at least one activity (kegiatan tugas jabatan)",
            path="activities",
            value=[],
            rule="PP46-SKP",
            fix="list the activities of the SKP",
        )
    require_each(
        items,
        Activity,
        path="activities",
        message="must hold Activity objects",
        fix="pass Activity objects",
    )
    results = tuple(assess_activity(item, config=config) for item in items)
    steps: list[Step] = [step for result in results for step in result.steps]
    # the mean of the activities: their exact sum over their count
    mean_n, mean_d = 0, 1
    for result in results:
        n, d = result.exact_ratio
        mean_n, mean_d = mean_n * d + n * mean_d, mean_d * d
    mean_d *= len(results)
    task_points = tugas_tambahan_points(tugas_tambahan, config=config)
    levels = creativity_levels(kreativitas)
    points_n, points_d = _sum_points(levels, config)
    creative_points = dec_ratio(points_n, points_d)
    task_text, creative_text = str(task_points), str(creative_points)
    steps.append(
        new_step(
            (
                _TUGAS_TAMBAHAN,
                "hasil_kerja",
                (("tugas tambahan", str(tugas_tambahan)),),
                task_text,
                _D7_NOTE,
            )
        )
    )
    steps.append(
        new_step(
            (
                _KREATIVITAS,
                "hasil_kerja",
                tuple((f"kreativitas {i + 1}", level.label_id) for i, level in enumerate(levels)),
                creative_text,
                _D7_NOTE,
            )
        )
    )
    # mean + tugas tambahan + kreativitas, exactly
    task_n, task_d = task_points.as_integer_ratio()
    value_d = mean_d * task_d * points_d
    value: Ratio = (
        (mean_n * task_d + task_n * mean_d) * points_d + points_n * mean_d * task_d,
        value_d,
    )
    mean = dec_ratio(mean_n, mean_d)
    mean_shown = show(mean)
    note = f"mean of {len(results)} kegiatan {mean_shown} + {task_text} + {creative_text}"
    cap = config.skp_cap
    if cap is not None:
        cap_n, cap_d = cap.as_integer_ratio()
        if value[0] * cap_d > cap_n * value_d:
            value = (cap_n, cap_d)
            note += f"; capped at {cap} (agency configuration)"
    # the stored Decimal is the same for the pair reduced or not (regimes._common); the
    # result's converter (ratio_field) keeps it in lowest terms
    stored = dec_ratio(*value)
    steps.append(
        new_step(
            (
                _SKP,
                "hasil_kerja",
                (
                    ("rata-rata kegiatan", mean_shown),
                    ("tugas tambahan", task_text),
                    ("kreativitas", creative_text),
                ),
                show(stored),
                note,
            )
        )
    )
    predikat, step = predikat_step(value, "hasil_kerja", "nilai capaian SKP", stored)
    steps.append(step)
    return SkpResult(
        activities=results,
        mean=mean,
        tugas_tambahan=tugas_tambahan,
        tugas_tambahan_points=task_points,
        kreativitas=levels,
        kreativitas_points=creative_points,
        value=stored,
        predikat=predikat,
        steps=tuple(steps),
        exact=value,
    )


def average_skp_values(values: Sequence[Decimal]) -> tuple[Decimal, Step]:
    """Two SKPs in one year (promotion, rotation): their simple mean, not month-weighted.

    BKN Kantor Regional XII [S23]: nilai SKP = (nilai SKP lama + nilai SKP baru) / 2, then
    × 60 %. The Q&A describes two SKPs; the library applies the same simple mean to more.
    """
    mean, step = average_ratio([value.as_integer_ratio() for value in values])
    return dec_ratio(*mean), step


def average_exact(items: Sequence[Fraction]) -> tuple[Fraction, Step]:
    """The exact simple mean of SKP values and the step that records it ([S23])."""
    mean, step = average_ratio([item.as_integer_ratio() for item in items])
    return fraction_of(mean), step


def average_ratio(items: Sequence[Ratio]) -> tuple[Ratio, Step]:
    """:func:`average_exact` on integer pairs (numerator, denominator > 0): the mean in
    lowest terms and the step that records it ([S23])."""
    if not items:
        raise AppraisalError(
            "there is no SKP value to average",
            path="skp",
            value=[],
            rule="PP46-SKP-AVERAGE",
            fix="pass at least one SKP",
        )
    numerator, denominator = 0, 1
    for n, d in items:
        numerator, denominator = numerator * d + n * denominator, denominator * d
    mean = reduced(numerator, denominator * len(items))
    step = Step(
        _RULE["PP46-SKP-AVERAGE"],
        "hasil_kerja",
        tuple((f"nilai SKP {i + 1}", show(dec_ratio(*v))) for i, v in enumerate(items)),
        show(dec_ratio(*mean)),
        f"simple mean of {len(items)} SKPs (not weighted by months)",
    )
    return mean, step
