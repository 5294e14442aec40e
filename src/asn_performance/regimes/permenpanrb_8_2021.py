"""PP 30/2019 + PermenPANRB 8/2021 -- the numeric regime of July to December 2021.

The chain, each part recorded as a :class:`~asn_performance.domain.explanation.Step`:

1. *capaian IKI* (:func:`capaian`, :func:`assess_iki`): realisasi / target × 100 % (normal),
   or (1 + (1 − realisasi / target)) × 100 % where a lower realisation is better; a ranged
   target uses its upper bound when the realisation is above it and its lower bound when
   below (PermenPANRB 8/2021 Lampiran, BAB VI A.1.b.1)(e) and (g) [S13 p.99, p.110]);
2. the capaian rounded to a whole percent, half-up (library decision D13), which gives both
   the *kategori* and the *nilai capaian IKI* from :data:`NILAI_CAPAIAN_TABLE` (Lampiran
   (d)-(i) [S13 p.101]; the 101-110 % interpolation is decision D9);
3. *nilai SKP* = nilai kinerja utama (weighted RHK utama) + nilai kinerja tambahan (k × bobot
   × nilai, capped at 10) (:func:`assess_skp`; Lampiran BAB VI A.1.b.3)-4) [S13b p.95-96]);
4. *nilai kinerja* = 70 % SKP + 30 % perilaku, or 60 % + 40 % where the instansi assesses
   behaviour with the opinion of peers and direct subordinates (PP 30/2019 Pasal 41(2)-(4)
   [S10]) (:func:`performance_value`);
5. the predikat of Pasal 41(5), Sangat Baik only with an innovation, and its conversion to
   the 2022 scale (Cukup → Butuh Perbaikan).

Exactness (decision D5): capaian such as 93/95 and the interpolations (10/9, 49/59) do not
terminate in decimal. The chain is computed with exact rationals (:class:`fractions.Fraction`,
never ``float``), every comparison with a threshold is exact, and each value is stored once as
a :class:`~decimal.Decimal` of 28 significant digits, half-up
(:data:`~asn_performance._kit.exact.CONTEXT`). See
``docs/explanation/regime-permenpanrb-8-2021.md``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, NamedTuple

import attrs

from asn_performance._kit.exact import CONTEXT, quantize, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled
from asn_performance._kit.validate import check_type
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.plan import Direction, Target, check_id
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError, PlanError

__all__ = [
    "KINERJA_WEIGHTS",
    "NILAI_CAPAIAN_TABLE",
    "PREDIKAT_THRESHOLDS",
    "RULES",
    "TAMBAHAN_CAP",
    "TAMBAHAN_K",
    "TO_2022",
    "Band",
    "IkiResult",
    "KinerjaResult",
    "Pp30Predikat",
    "SkpResult",
    "TambahanScore",
    "TambahanWork",
    "UtamaScore",
    "UtamaWork",
    "assess_iki",
    "assess_skp",
    "capaian",
    "conversion_step",
    "exact_capaian",
    "nilai_capaian",
    "performance_value",
    "predikat_for",
    "round_capaian",
    "skp_value",
    "target_used",
    "to_2022",
]

_C = CONTEXT
_F0 = Fraction(0)
_F100 = Fraction(100)


class Pp30Predikat(Labelled):
    """Predikat of PP 30/2019 Pasal 41(5), also the *kategori capaian IKI* of PermenPANRB 8/2021.

    The PP says "Cukup"; later texts say "Butuh Perbaikan" or "Cukup/Butuh Perbaikan", which
    :meth:`parse` accepts for :attr:`CUKUP` (decision D12). Ordered by :attr:`rank`.
    """

    SANGAT_BAIK = "sangat_baik"
    BAIK = "baik"
    CUKUP = "cukup"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"

    @classmethod
    def _labels(cls) -> Mapping[Pp30Predikat, tuple[str, str]]:
        return _PP30_LABELS

    @classmethod
    def _synonyms(cls) -> Mapping[str, Pp30Predikat]:
        return {
            "butuh perbaikan": cls.CUKUP,
            "perlu perbaikan": cls.CUKUP,
            "cukup/butuh perbaikan": cls.CUKUP,
        }

    @classmethod
    def _noun(cls) -> str:
        return "PP 30/2019 predikat"

    @property
    def rank(self) -> int:
        """4 for Sangat Baik down to 0 for Sangat Kurang (an order, not a score)."""
        return len(Pp30Predikat) - 1 - self.position  # defined from Sangat Baik down


_PP30_LABELS: Mapping[Pp30Predikat, tuple[str, str]] = {
    Pp30Predikat.SANGAT_BAIK: ("Sangat Baik", "Very good"),
    Pp30Predikat.BAIK: ("Baik", "Good"),
    Pp30Predikat.CUKUP: ("Cukup", "Fair"),
    Pp30Predikat.KURANG: ("Kurang", "Poor"),
    Pp30Predikat.SANGAT_KURANG: ("Sangat Kurang", "Very poor"),
}


# --- tables -----------------------------------------------------------------------------------


class Band(NamedTuple):
    """One row of the nilai capaian IKI table: whole-percent capaian ``lowest``..``highest``
    (``None``: no upper end) gives ``category`` and a value interpolated linearly from
    ``value_at_lowest`` to ``value_at_highest``."""

    lowest: Decimal
    highest: Decimal | None
    category: Pp30Predikat
    value_at_lowest: Decimal
    value_at_highest: Decimal


#: Kategori and nilai capaian IKI by whole-percent capaian (PermenPANRB 8/2021 Lampiran,
#: BAB VI A.1.b.2)(d)-(h) [S13 p.101]), highest first:
#:
#: * > 110 %: Sangat Baik, 120 (h);
#: * 101-110 %: Sangat Baik, 110 + (120 − 110) / (110 % − 101 %) × (capaian − 101 %) -- the
#:   Lampiran page with this letter is in no stored copy; the formula is implemented
#:   identically by at least six independent e-kinerja codebases (decision D9);
#: * 100 %: Baik, 109 (worked example Lampiran p.243 [S13 p.363]);
#: * 80-99 %: Cukup, 70 + (89 − 70) / (99 % − 80 %) × (capaian − 80 %) (e);
#: * 60-79 %: Kurang, 50 + (69 − 50) / (79 % − 60 %) × (capaian − 60 %) (f);
#: * 0-59 %: Sangat Kurang, capaian / 59 % × 49 (g).
#:
#: The bands leave gaps between whole percents (99.5 %, 100.4 %); decision D13 rounds the
#: capaian to a whole percent first, so every capaian falls in exactly one row.
NILAI_CAPAIAN_TABLE: tuple[Band, ...] = (
    Band(Decimal(111), None, Pp30Predikat.SANGAT_BAIK, Decimal(120), Decimal(120)),
    Band(Decimal(101), Decimal(110), Pp30Predikat.SANGAT_BAIK, Decimal(110), Decimal(120)),
    Band(Decimal(100), Decimal(100), Pp30Predikat.BAIK, Decimal(109), Decimal(109)),
    Band(Decimal(80), Decimal(99), Pp30Predikat.CUKUP, Decimal(70), Decimal(89)),
    Band(Decimal(60), Decimal(79), Pp30Predikat.KURANG, Decimal(50), Decimal(69)),
    Band(Decimal(0), Decimal(59), Pp30Predikat.SANGAT_KURANG, Decimal(0), Decimal(49)),
)

#: Factor k of the nilai tertimbang of a kinerja tambahan, by kategori capaian IKI
#: (PermenPANRB 8/2021 Lampiran BAB VI A.1.b.3)(b)(3)-(7) [S13b p.95]).
TAMBAHAN_K: Mapping[Pp30Predikat, Decimal] = FrozenMap(
    {
        Pp30Predikat.SANGAT_BAIK: Decimal(100),
        Pp30Predikat.BAIK: Decimal(80),
        Pp30Predikat.CUKUP: Decimal(60),
        Pp30Predikat.KURANG: Decimal(40),
        Pp30Predikat.SANGAT_KURANG: Decimal(20),
    }
)

#: "Apabila total nilai tertimbang rencana kinerja tambahan melebihi 10, maka dikonversi
#: menjadi 10" (Lampiran BAB VI A.1.b.3)(b)(8) [S13b p.95]).
TAMBAHAN_CAP: Final = Decimal(10)

#: (SKP %, perilaku %) by whether the instansi assesses behaviour with the opinion of peers
#: (*rekan kerja setingkat*) and direct subordinates (*bawahan langsung*): PP 30/2019 Pasal
#: 41(3): 70/30 WITHOUT that input; Pasal 41(4): 60/40 WITH it [S10][S15b].
KINERJA_WEIGHTS: Mapping[bool, tuple[Decimal, Decimal]] = FrozenMap(
    {
        False: (Decimal(70), Decimal(30)),
        True: (Decimal(60), Decimal(40)),
    }
)

#: PP 30/2019 Pasal 41(5) [S10], lowest value of each predikat, highest first; Sangat Baik
#: additionally needs the innovation condition, without it a value of 110 or more is Baik.
#: Letters (d)-(e) (Kurang 50-69, Sangat Kurang < 50) were not seen verbatim [S15c].
PREDIKAT_THRESHOLDS: tuple[tuple[Decimal, Pp30Predikat], ...] = (
    (Decimal(110), Pp30Predikat.SANGAT_BAIK),
    (Decimal(90), Pp30Predikat.BAIK),
    (Decimal(70), Pp30Predikat.CUKUP),
    (Decimal(50), Pp30Predikat.KURANG),
)

#: Conversion of a PP 30/2019 predikat to the 2022 scale (digest §5.4 and §3.2: "Cukup" was
#: renamed "Butuh Perbaikan").
TO_2022: Mapping[Pp30Predikat, Predikat] = FrozenMap(
    {
        Pp30Predikat.SANGAT_BAIK: Predikat.SANGAT_BAIK,
        Pp30Predikat.BAIK: Predikat.BAIK,
        Pp30Predikat.CUKUP: Predikat.BUTUH_PERBAIKAN,
        Pp30Predikat.KURANG: Predikat.KURANG,
        Pp30Predikat.SANGAT_KURANG: Predikat.SANGAT_KURANG,
    }
)

#: The range of a nilai SKP: 120 for the utama part plus the tambahan cap.
_SKP_MAX: Final = Decimal(130)
#: The range of a nilai perilaku kerja (the scale of Pasal 41(5)).
_PERILAKU_MAX: Final = Decimal(120)


# --- explanation rules ------------------------------------------------------------------------


#: The rules this module records (kept in the one rulebook, :mod:`asn_performance.domain.explanation`).
_LAMPIRAN = "PermenPANRB 8/2021 Lampiran, BAB VI A (Penilaian SKP)"

#: Rules of :mod:`asn_performance.regimes.permenpanrb_8_2021` (defined here so that one rulebook
#: holds every rule without an import cycle).
RULES: tuple[Rule, ...] = (
    Rule(
        "8/2021-CAPAIAN",
        "Capaian IKI (normal) = realisasi / target × 100 %",
        f"{_LAMPIRAN}.1.b.1)(e) [S13 p.99]",
    ),
    Rule(
        "8/2021-CAPAIAN-KHUSUS",
        "Capaian IKI (lower is better) = (1 + (1 − realisasi / target)) × 100 %",
        f"{_LAMPIRAN}.1.b.1)(g) [S13 p.110]",
    ),
    Rule(
        "8/2021-TARGET-RANGE",
        "Ranged target: the upper bound when the realisation is above, the lower when below",
        f"{_LAMPIRAN}.1.b.1)(e) and (g), keterangan * [S13 p.99, p.110]",
    ),
    Rule(
        "8/2021-TARGET-MET",
        "A realisation within a ranged target meets it: capaian 100 %",
        "Library reading of the Lampiran's keterangan *, which covers only realisations above"
        " or below the range; 100 % continues both bounds (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "8/2021-CAPAIAN-FLOOR",
        "A capaian below 0 % counts as 0 %",
        "Library decision: the lower-is-better formula goes below 0 % when the realisation"
        " exceeds twice the target; the Lampiran's lowest band starts at 0 % (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "D13-CAPAIAN-ROUNDING",
        "Capaian rounded to a whole percent, half-up, before banding",
        "Library decision D13 (the Lampiran's bands skip 99.5 % or 100.4 %; its example"
        " shows 97.9 % as 98 % → 88 [S13 p.363])",
        normative=False,
    ),
    Rule(
        "8/2021-NILAI-IKI",
        "Kategori and nilai capaian IKI from the capaian",
        f"{_LAMPIRAN}.1.b.2)(d)-(h) [S13 p.101]; 101-110 % interpolation: library decision D9"
        " (near-confirmed, six implementations)",
    ),
    Rule(
        "8/2021-MAX-ATTAINABLE",
        "Capaian 100 % of the maximum attainable target: Sangat Baik, 120",
        f"{_LAMPIRAN}.1.b.2)(i) [S13 p.101]",
    ),
    Rule(
        "8/2021-UTAMA",
        "Nilai tertimbang kinerja utama = bobot × nilai / 100; an RHK's nilai is the mean of"
        " its IKI",
        f"{_LAMPIRAN}.1.b.3)(a) [S13 p.101]; weights per RHK summing to 100 and the mean of"
        " the IKI: library reading (the stored copies lack the text, UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "8/2021-TAMBAHAN",
        "Nilai tertimbang kinerja tambahan = k × bobot lingkup penugasan / 100 × nilai / 100,"
        " total capped at 10",
        f"{_LAMPIRAN}.1.b.3)(b)(3)-(8) [S13b p.95]",
    ),
    Rule(
        "8/2021-NILAI-SKP",
        "Nilai SKP = nilai kinerja utama + nilai kinerja tambahan",
        f"{_LAMPIRAN}.1.b.4) [S13b p.95-96]; example p.243 [S13 p.363]",
    ),
    Rule(
        "PP30-NILAI-KINERJA",
        "Nilai kinerja = 70 % SKP + 30 % perilaku, or 60/40 with peer and subordinate input",
        "PP 30/2019 Pasal 41(1)-(4) [S10][S15b]",
    ),
    Rule(
        "PP30-PREDIKAT",
        "Predikat: Sangat Baik 110-120 with an innovation, Baik 90-120, Cukup 70-<90,"
        " Kurang 50-<70, Sangat Kurang < 50",
        "PP 30/2019 Pasal 41(5) [S10]; letters (d)-(e) not seen verbatim [S15c]",
    ),
    Rule(
        "PP30-TO-2022",
        "Conversion to the 2022 scale: Cukup -> Butuh Perbaikan",
        "Digest §5.4 and §3.2 (Cukup renamed Butuh Perbaikan); PermenPANRB 1/2023"
        ' "cukup/butuh perbaikan"',
        normative=False,
    ),
)
_RULE = rules_by_id(RULES)
PERMENPANRB_8_2021_RULES = RULES


# --- helpers ----------------------------------------------------------------------------------


def _show(value: Decimal) -> str:
    """A derived value as shown: 2 places, half-up (decision D5)."""
    return str(quantize(value))


def _plain(value: Decimal) -> str:
    """An exact value without trailing zeros or exponent (97.894736…, 99.5, 100)."""
    return format(value.normalize(_C), "f")


def _dec(value: Fraction) -> Decimal:
    """An exact value stored once as a Decimal: exact if it terminates within 28 significant
    digits, otherwise rounded half-up (decision D5; :data:`~asn_performance._kit.exact.CONTEXT`)."""
    return _C.divide(Decimal(value.numerator), Decimal(value.denominator))


def _mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, _F0) / len(values)


def _as_target(target: object) -> Target:
    if isinstance(target, Target):
        return target
    return Target(target)


def _direction(direction: object) -> Direction:
    return Direction.parse(direction, field="direction")


# --- capaian ----------------------------------------------------------------------------------


def target_used(target: Target, realisation: Decimal) -> Decimal | None:
    """The target value the capaian formula uses, or ``None`` when a ranged target is met.

    A single target is used as it is. A range uses its upper bound when the realisation is
    above the range and its lower bound when below (Lampiran, keterangan * [S13 p.99,
    p.110]); a realisation within the range (bounds included) meets the target (library
    reading, capaian 100 %).
    """
    upper = target.upper
    if upper is None:
        return target.lower
    if realisation > upper:
        return upper
    if realisation < target.lower:
        return target.lower
    return None


def exact_capaian(
    target: Target | Decimal | int | str,
    realisation: Decimal | int | str,
    direction: Direction | str = Direction.HIGHER_IS_BETTER,
) -> Fraction:
    """The *capaian IKI* in percent as an exact rational, never below 0 (see :func:`capaian`)."""
    goal = _as_target(target)
    real = to_decimal(realisation, field="realisation", allow_negative=False)
    way = _direction(direction)
    used = target_used(goal, real)
    if used is None:
        return _F100
    if used.is_zero():
        raise InputError(
            "a target of 0 gives no capaian (the formula divides by the target)",
            path="target",
            value=str(goal),
            rule="8/2021-CAPAIAN",
            fix="set a positive target, or a range with a positive upper bound",
        )
    ratio = Fraction(real) / Fraction(used)
    lower = way is Direction.LOWER_IS_BETTER
    value = (2 - ratio) * _F100 if lower else ratio * _F100
    return max(value, _F0)


def capaian(
    target: Target | Decimal | int | str,
    realisation: Decimal | int | str,
    direction: Direction | str = Direction.HIGHER_IS_BETTER,
) -> Decimal:
    """The *capaian IKI* in percent, unrounded (before the D13 rounding), never below 0.

    * normal: realisasi / target × 100 %;
    * lower is better: (1 + (1 − realisasi / target)) × 100 %;
    * a ranged target: see :func:`target_used` (within the range: 100 %).

    PermenPANRB 8/2021 Lampiran BAB VI A.1.b.1)(e), (g) [S13 p.99, p.110]. The value is exact
    when it terminates within 28 significant digits (93/95 does not: 97.89473684...).

    Raises:
        InputError: when the target used is 0 (no capaian can be computed).
    """
    return _dec(exact_capaian(target, realisation, direction))


def _round_whole(value: Fraction) -> Fraction:
    """Half-up (away from zero on a tie) to a whole number, exactly."""
    if value < 0:
        return -_round_whole(-value)
    return Fraction(math.floor(value + Fraction(1, 2)))


def round_capaian(value: Decimal | Fraction) -> Decimal:
    """Decision D13: the capaian rounded to a whole percent, half-up (99.5 → 100, 100.4 → 100)."""
    return _dec(_round_whole(Fraction(value)))


def _band(whole_percent: Fraction) -> Band:
    for band in NILAI_CAPAIAN_TABLE:
        if whole_percent >= band.lowest:
            return band
    raise InputError(  # pragma: no cover - capaian is never negative
        "a capaian cannot be negative",
        path="capaian",
        value=str(whole_percent),
        rule="8/2021-NILAI-IKI",
        fix="check the realisation and the target",
    )


def _nilai(whole: Fraction, max_attainable: bool) -> tuple[Pp30Predikat, Fraction]:
    if max_attainable and whole == _F100:
        return Pp30Predikat.SANGAT_BAIK, Fraction(120)
    band = _band(whole)
    low = Fraction(band.value_at_lowest)
    if band.highest is None or band.highest == band.lowest:
        return band.category, low
    slope = (Fraction(band.value_at_highest) - low) / (
        Fraction(band.highest) - Fraction(band.lowest)
    )
    return band.category, low + slope * (whole - Fraction(band.lowest))


def nilai_capaian(
    whole_percent: Decimal, *, max_attainable: bool = False
) -> tuple[Pp30Predikat, Decimal]:
    """Kategori and *nilai capaian IKI* for a capaian already rounded to a whole percent.

    Reads :data:`NILAI_CAPAIAN_TABLE` (Lampiran (d)-(h)); ``max_attainable`` applies letter
    (i): a capaian of 100 % of a target that is the maximum attainable is Sangat Baik, 120.
    """
    whole = Fraction(whole_percent)
    if whole.denominator != 1:
        raise InputError(
            "nilai capaian reads a whole-percent capaian (round it first, decision D13)",
            path="capaian",
            value=str(whole_percent),
            rule="D13-CAPAIAN-ROUNDING",
            fix="pass round_capaian(capaian)",
        )
    category, value = _nilai(whole, max_attainable)
    return category, _dec(value)


@attrs.frozen
class IkiResult:
    """The capaian, kategori and nilai of one *Indikator Kinerja Individu*, unrounded."""

    id: str
    target: Target
    realisation: Decimal
    direction: Direction
    target_used: Decimal | None
    """The target value in the formula; ``None`` when a ranged target was met."""
    capaian: Decimal
    """The capaian in percent, exact (never below 0)."""
    capaian_percent: Decimal
    """The capaian rounded to a whole percent (D13): the basis of kategori and nilai."""
    category: Pp30Predikat
    value: Decimal
    """The *nilai capaian IKI* (0-120)."""
    max_attainable: bool
    steps: tuple[Step, ...]
    _exact_capaian: Fraction = attrs.field(alias="exact_capaian", repr=False)
    _exact_value: Fraction = attrs.field(alias="exact_value", repr=False)

    @property
    def value_shown(self) -> Decimal:
        """The nilai capaian IKI as shown: 2 places, half-up."""
        return quantize(self.value)


def assess_iki(
    target: Target | Decimal | int | str,
    realisation: Decimal | int | str,
    *,
    direction: Direction | str = Direction.HIGHER_IS_BETTER,
    max_attainable: bool = False,
    id: str = "iki",
) -> IkiResult:
    """Capaian, kategori and nilai capaian IKI of one indicator, with the steps.

    Args:
        target: a :class:`~asn_performance.domain.plan.Target` (value or range) or a number.
        realisation: the realisation (*realisasi*), at least 0.
        direction: higher is better (normal formula) or lower is better (special formula).
        max_attainable: the target is the maximum attainable (Lampiran (i)).
        id: the indicator's id, for the explanation.
    """
    _check_iki_id(id)
    if not isinstance(max_attainable, bool):
        raise InputError(
            "max_attainable is True or False",
            path="max_attainable",
            value=max_attainable,
            rule="TYPE",
            fix="pass a bool",
        )
    goal = _as_target(target)
    real = to_decimal(realisation, field="realisation", allow_negative=False)
    way = _direction(direction)
    used = target_used(goal, real)
    exact = exact_capaian(goal, real, way)
    whole = _round_whole(exact)
    category, value = _nilai(whole, max_attainable)
    stored = _dec(exact)
    steps: list[Step] = []
    inputs = (("IKI", id), ("target", str(goal)), ("realisasi", str(real)))
    if goal.is_range:
        if used is None:
            steps.append(
                Step(_RULE["8/2021-TARGET-MET"], "hasil_kerja", inputs, "100 %", "within the range")
            )
        else:
            side = "upper" if used == goal.upper else "lower"
            steps.append(
                Step(
                    _RULE["8/2021-TARGET-RANGE"],
                    "hasil_kerja",
                    inputs,
                    str(used),
                    f"realisation {'above' if side == 'upper' else 'below'} the range: the"
                    f" {side} bound",
                )
            )
    if used is not None:
        lower = way is Direction.LOWER_IS_BETTER
        formula = (
            "(1 + (1 − realisasi / target)) × 100 %" if lower else "realisasi / target × 100 %"
        )
        steps.append(
            Step(
                _RULE["8/2021-CAPAIAN-KHUSUS" if lower else "8/2021-CAPAIAN"],
                "hasil_kerja",
                (("IKI", id), ("target", str(used)), ("realisasi", str(real))),
                f"{_show(stored)} %",
                formula,
            )
        )
        if lower and Fraction(real) > 2 * Fraction(used):
            steps.append(
                Step(
                    _RULE["8/2021-CAPAIAN-FLOOR"],
                    "hasil_kerja",
                    (("IKI", id),),
                    "0 %",
                    "the formula gives less than 0 %",
                )
            )
    steps.append(
        Step(
            _RULE["D13-CAPAIAN-ROUNDING"],
            "hasil_kerja",
            (("IKI", id), ("capaian", f"{_plain(stored)} %")),
            f"{_dec(whole)} %",
            "whole percent, half-up",
        )
    )
    if max_attainable and whole == _F100:
        steps.append(
            Step(
                _RULE["8/2021-MAX-ATTAINABLE"],
                "hasil_kerja",
                (("IKI", id), ("capaian", f"{_dec(whole)} %")),
                f"{category.label_id}, 120",
                "100 % of the maximum attainable target",
            )
        )
    else:
        band = _band(whole)
        steps.append(
            Step(
                _RULE["8/2021-NILAI-IKI"],
                "hasil_kerja",
                (("IKI", id), ("capaian", f"{_dec(whole)} %")),
                f"{category.label_id}, {_show(_dec(value))}",
                _band_note(band),
            )
        )
    return IkiResult(
        id=id,
        target=goal,
        realisation=real,
        direction=way,
        target_used=used,
        capaian=stored,
        capaian_percent=_dec(whole),
        category=category,
        value=_dec(value),
        max_attainable=max_attainable,
        steps=tuple(steps),
        exact_capaian=exact,
        exact_value=value,
    )


def _band_note(band: Band) -> str:
    if band.highest is None:
        return f"> {band.lowest - 1} %: {band.value_at_lowest}"
    if band.highest == band.lowest:
        return f"{band.lowest} %: {band.value_at_lowest}"
    formula = (
        f"{band.value_at_lowest} + ({band.value_at_highest} − {band.value_at_lowest}) /"
        f" ({band.highest} % − {band.lowest} %) × (capaian − {band.lowest} %)"
    )
    if band.lowest == Decimal(101):
        formula += " (decision D9)"
    return f"{band.lowest}-{band.highest} %: {formula}"


def _check_iki_id(value: object) -> None:
    if not isinstance(value, str) or not value or value != value.strip() or len(value) > 100:
        raise InputError(
            "an identifier is non-empty text of at most 100 characters, without surrounding spaces",
            path="id",
            value=value,
            rule="ID",
            fix="give a short identifier such as 'iki-1'",
        )


# --- nilai SKP --------------------------------------------------------------------------------


def _weight(value: object) -> Decimal:
    number = to_decimal(value, field="weight")
    if not 0 < number <= 100:
        raise InputError(
            "a weight (bobot) is a percentage above 0 and at most 100",
            path="weight",
            value=value,
            rule="8/2021-UTAMA",
            fix="give the RHK's bobot in percent; the utama weights sum to 100",
        )
    return number


def _scope_weight(value: object) -> Decimal:
    number = to_decimal(value, field="scope_weight")
    if not 0 <= number <= 100:
        raise InputError(
            "a bobot lingkup penugasan is a percentage from 0 to 100",
            path="scope_weight",
            value=value,
            rule="8/2021-TAMBAHAN",
            fix="give the weight of the assignment's scope in percent",
        )
    return number


def _iki_tuple(value: object) -> object:
    if isinstance(value, IkiResult):
        return (value,)
    if isinstance(value, list):
        return tuple(value)
    return value


def _check_ikis(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or not all(isinstance(item, IkiResult) for item in value)
    ):
        raise InputError(
            "a work result needs at least one assessed IKI (IkiResult from assess_iki)",
            path=attribute.name,
            value=value,
            rule="TYPE",
            fix="pass the results of assess_iki",
        )


@attrs.frozen
class UtamaWork:
    """A *rencana kinerja utama* (RHK utama) with its weight (bobot, %) and assessed IKI."""

    id: str = attrs.field(validator=check_id)
    weight: Decimal = attrs.field(converter=_weight)
    indicators: tuple[IkiResult, ...] = attrs.field(converter=_iki_tuple, validator=_check_ikis)


@attrs.frozen
class TambahanWork:
    """A *rencana kinerja tambahan* IKI with its *bobot lingkup penugasan* (%)."""

    id: str = attrs.field(validator=check_id)
    scope_weight: Decimal = attrs.field(converter=_scope_weight)
    indicator: IkiResult = attrs.field(validator=check_type(IkiResult))


@attrs.frozen
class UtamaScore:
    """An RHK utama's nilai (the mean of its IKI) and nilai tertimbang, unrounded."""

    work: UtamaWork
    value: Decimal
    weighted: Decimal


@attrs.frozen
class TambahanScore:
    """A kinerja tambahan's factor k and nilai tertimbang, unrounded."""

    work: TambahanWork
    k: Decimal
    weighted: Decimal


@attrs.frozen
class SkpResult:
    """The *nilai SKP* of PermenPANRB 8/2021, with every part unrounded and the steps."""

    utama: tuple[UtamaScore, ...]
    tambahan: tuple[TambahanScore, ...]
    nilai_ku: Decimal
    """Nilai kinerja utama: the sum of the weighted utama values."""
    tambahan_total: Decimal
    """The sum of the weighted tambahan values, before the cap."""
    nilai_kt: Decimal
    """Nilai kinerja tambahan: the total capped at 10."""
    value: Decimal
    """Nilai SKP = nilai KU + nilai KT."""
    steps: tuple[Step, ...]
    _exact: Fraction = attrs.field(alias="exact", repr=False)
    """The exact nilai SKP, carried to the nilai kinerja."""

    @property
    def value_shown(self) -> Decimal:
        """The nilai SKP as shown: 2 places, half-up."""
        return quantize(self.value)


def skp_value(
    utama_weighted: Iterable[Decimal | int | str],
    tambahan_weighted: Iterable[Decimal | int | str] = (),
) -> tuple[Decimal, Decimal, Decimal]:
    """(nilai KU, nilai KT, nilai SKP) from the nilai tertimbang of each part.

    Nilai SKP = nilai KU + nilai KT, with nilai KT capped at 10 (Lampiran BAB VI
    A.1.b.3)(b)(8) and 4) [S13b p.95-96]). The Lampiran's example: (59.2 + 43.6) + 0 = 102.8
    [S13 p.363].
    """
    ku, kt, total = _skp_value(
        [
            Fraction(to_decimal(v, field=f"utama_weighted[{i}]", allow_negative=False))
            for i, v in enumerate(utama_weighted)
        ],
        [
            Fraction(to_decimal(v, field=f"tambahan_weighted[{i}]", allow_negative=False))
            for i, v in enumerate(tambahan_weighted)
        ],
    )
    return _dec(ku), _dec(kt), _dec(total)


def _skp_value(
    utama: Sequence[Fraction], tambahan: Sequence[Fraction]
) -> tuple[Fraction, Fraction, Fraction]:
    ku = sum(utama, _F0)
    kt = min(sum(tambahan, _F0), Fraction(TAMBAHAN_CAP))
    return ku, kt, ku + kt


def assess_skp(utama: Iterable[UtamaWork], tambahan: Iterable[TambahanWork] = ()) -> SkpResult:
    """The *nilai SKP*: weighted utama RHK plus weighted tambahan, capped at 10.

    Utama: each RHK's nilai is the mean of its IKI values; nilai tertimbang = bobot × nilai /
    100; the bobot of the utama RHK sum to 100 (library reading, UNCONFIRMED). Tambahan:
    k × bobot lingkup penugasan / 100 × nilai capaian IKI / 100, k by kategori
    (:data:`TAMBAHAN_K`) (Lampiran BAB VI A.1.b.3) [S13b p.95]).
    """
    main = tuple(utama)
    extra = tuple(tambahan)
    if not main:
        raise PlanError(
            "an SKP needs at least one rencana kinerja utama",
            path="utama",
            value=[],
            rule="8/2021-UTAMA",
            fix="pass the RHK utama with their weights",
        )
    for name, items, kind in (("utama", main, UtamaWork), ("tambahan", extra, TambahanWork)):
        for index, item in enumerate(items):
            if not isinstance(item, kind):
                raise InputError(
                    f"must hold {kind.__name__} objects",
                    path=f"{name}[{index}]",
                    value=item,
                    rule="TYPE",
                    fix=f"pass {kind.__name__} objects",
                )
    total_weight = sum((Fraction(work.weight) for work in main), _F0)
    if total_weight != _F100:
        raise PlanError(
            f"the weights of the RHK utama sum to {_plain(_dec(total_weight))}, not 100",
            path="utama",
            value=[str(work.weight) for work in main],
            rule="8/2021-UTAMA",
            fix="give weights (bobot, %) that sum to 100",
        )
    steps: list[Step] = []
    scores: list[UtamaScore] = []
    utama_exact: list[Fraction] = []
    for work in main:
        steps.extend(step for iki in work.indicators for step in iki.steps)
        value = _mean([iki._exact_value for iki in work.indicators])
        weighted = value * Fraction(work.weight) / _F100
        utama_exact.append(weighted)
        scores.append(UtamaScore(work, _dec(value), _dec(weighted)))
        steps.append(
            Step(
                _RULE["8/2021-UTAMA"],
                "hasil_kerja",
                (
                    ("RHK", work.id),
                    ("bobot", f"{work.weight} %"),
                    *((f"nilai {iki.id}", _show(iki.value)) for iki in work.indicators),
                ),
                _show(_dec(weighted)),
                f"{work.weight} % × mean {_show(_dec(value))}",
            )
        )
    extras: list[TambahanScore] = []
    tambahan_exact: list[Fraction] = []
    for item in extra:
        iki = item.indicator
        steps.extend(iki.steps)
        k = TAMBAHAN_K[iki.category]
        weighted = Fraction(k) * Fraction(item.scope_weight) * iki._exact_value / 10000
        tambahan_exact.append(weighted)
        extras.append(TambahanScore(item, k, _dec(weighted)))
        steps.append(
            Step(
                _RULE["8/2021-TAMBAHAN"],
                "hasil_kerja",
                (
                    ("tambahan", item.id),
                    ("kategori", iki.category.label_id),
                    ("bobot lingkup penugasan", f"{item.scope_weight} %"),
                    ("nilai capaian IKI", _show(iki.value)),
                ),
                _show(_dec(weighted)),
                f"{k} × {item.scope_weight} / 100 × {_show(iki.value)} / 100",
            )
        )
    tambahan_total = sum(tambahan_exact, _F0)
    ku, kt, total = _skp_value(utama_exact, tambahan_exact)
    note = "nilai KU + nilai KT"
    if tambahan_total > Fraction(TAMBAHAN_CAP):
        note += f"; tambahan {_show(_dec(tambahan_total))} capped at 10"
    steps.append(
        Step(
            _RULE["8/2021-NILAI-SKP"],
            "hasil_kerja",
            (("nilai KU", _show(_dec(ku))), ("nilai KT", _show(_dec(kt)))),
            _show(_dec(total)),
            note,
        )
    )
    return SkpResult(
        utama=tuple(scores),
        tambahan=tuple(extras),
        nilai_ku=_dec(ku),
        tambahan_total=_dec(tambahan_total),
        nilai_kt=_dec(kt),
        value=_dec(total),
        steps=tuple(steps),
        exact=total,
    )


# --- nilai kinerja and predikat ---------------------------------------------------------------


def predikat_for(value: Decimal | Fraction, *, innovation: bool = False) -> Pp30Predikat:
    """The predikat of a nilai kinerja (PP 30/2019 Pasal 41(5)).

    Sangat Baik needs 110 or more **and** an innovation ("menciptakan ide baru dan/atau cara
    baru dalam peningkatan kinerja yang memberi manfaat bagi organisasi atau negara");
    without it, 110 or more is Baik. The exact value is compared.
    """
    exact = Fraction(value)
    for threshold, predikat in PREDIKAT_THRESHOLDS:
        if exact >= Fraction(threshold):
            if predikat is Pp30Predikat.SANGAT_BAIK and not innovation:
                return Pp30Predikat.BAIK
            return predikat
    return Pp30Predikat.SANGAT_KURANG


def to_2022(predikat: Pp30Predikat) -> Predikat:
    """The 2022 predikat of a PP 30/2019 one (Cukup → Butuh Perbaikan; digest §5.4)."""
    return TO_2022[predikat]


def conversion_step(predikat: Pp30Predikat) -> Step:
    """Record the conversion of a PP 30/2019 predikat to the 2022 scale."""
    return Step(
        _RULE["PP30-TO-2022"],
        "predikat",
        (("predikat PP 30/2019", predikat.label_id),),
        TO_2022[predikat].label_id,
    )


@attrs.frozen
class KinerjaResult:
    """A PP 30/2019 *nilai kinerja* with its predikat; every value unrounded, with steps."""

    skp: SkpResult | None
    skp_value: Decimal
    behaviour_value: Decimal
    with_peer_input: bool
    skp_weight: Decimal
    behaviour_weight: Decimal
    value: Decimal
    """*Nilai kinerja* (0-120 for inputs on their scales)."""
    innovation: bool
    predikat: Pp30Predikat
    predikat_2022: Predikat
    steps: tuple[Step, ...]

    @property
    def value_shown(self) -> Decimal:
        """The nilai kinerja as shown: 2 places, half-up."""
        return quantize(self.value)


def _bounded(value: object, field: str, maximum: Decimal) -> Decimal:
    number = to_decimal(value, field=field, allow_negative=False)
    if number > maximum:
        raise InputError(
            f"a {field.replace('_', ' ')} lies between 0 and {maximum}",
            path=field,
            value=value,
            rule="PP30-NILAI-KINERJA",
            fix="check the value's scale (PP 30/2019 values run to 120)",
        )
    return number


def performance_value(
    skp: SkpResult | Decimal | int | str,
    behaviour: Decimal | int | str,
    *,
    with_peer_input: bool,
    innovation: bool = False,
) -> KinerjaResult:
    """*Nilai kinerja* and predikat (PP 30/2019 Pasal 41).

    Args:
        skp: the nilai SKP, or the :class:`SkpResult` it comes from (0-130: 120 plus the
            tambahan cap).
        behaviour: the nilai perilaku kerja (0-120).
        with_peer_input: whether the instansi assesses behaviour with the opinion of peers
            and direct subordinates: then 60 % SKP + 40 % perilaku (Pasal 41(4)); otherwise
            70 % + 30 % (Pasal 41(3)). Required: the direction is easy to get wrong.
        innovation: the employee created a new idea or way that improved performance and
            benefits the organisation or the state (needed for Sangat Baik, Pasal 41(5)(a)).
    """
    for name, flag in (("with_peer_input", with_peer_input), ("innovation", innovation)):
        if not isinstance(flag, bool):
            raise InputError(
                f"{name} is True or False",
                path=name,
                value=flag,
                rule="TYPE",
                fix="pass a bool",
            )
    result = skp if isinstance(skp, SkpResult) else None
    skp_number = _bounded(result.value if result else skp, "nilai_skp", _SKP_MAX)
    skp_exact = result._exact if result else Fraction(skp_number)
    behaviour_number = _bounded(behaviour, "nilai_perilaku", _PERILAKU_MAX)
    skp_weight, behaviour_weight = KINERJA_WEIGHTS[with_peer_input]
    exact = (
        skp_exact * Fraction(skp_weight) + Fraction(behaviour_number) * Fraction(behaviour_weight)
    ) / _F100
    value = _dec(exact)
    steps: list[Step] = list(result.steps) if result else []
    basis = (
        "Pasal 41(4): the instansi assesses behaviour with peer and subordinate input"
        if with_peer_input
        else "Pasal 41(3): the instansi does not assess behaviour with peer and subordinate input"
    )
    steps.append(
        Step(
            _RULE["PP30-NILAI-KINERJA"],
            "",
            (
                ("nilai SKP", _show(skp_number)),
                ("nilai perilaku", _show(behaviour_number)),
                ("bobot", f"{skp_weight}/{behaviour_weight}"),
            ),
            _show(value),
            basis,
        )
    )
    predikat = predikat_for(exact, innovation=innovation)
    note = "Pasal 41(5)"
    if exact >= 110:
        note += "; innovation " + ("shown: Sangat Baik" if innovation else "not shown: Baik")
    if exact > 120:
        note += "; the value exceeds the 120 of Pasal 41(5) and is banded as the top band"
    shown = quantize(value)
    if predikat_for(shown, innovation=innovation) is not predikat:
        note += f"; the exact value {value} is compared, not the {shown} shown"
    steps.append(
        Step(
            _RULE["PP30-PREDIKAT"],
            "predikat",
            (("nilai kinerja", _show(value)), ("inovasi", "ya" if innovation else "tidak")),
            predikat.label_id,
            note,
        )
    )
    steps.append(conversion_step(predikat))
    return KinerjaResult(
        skp=result,
        skp_value=skp_number,
        behaviour_value=behaviour_number,
        with_peer_input=with_peer_input,
        skp_weight=skp_weight,
        behaviour_weight=behaviour_weight,
        value=value,
        innovation=innovation,
        predikat=predikat,
        predikat_2022=TO_2022[predikat],
        steps=tuple(steps),
    )
