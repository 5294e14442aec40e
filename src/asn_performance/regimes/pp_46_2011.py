"""PP 46/2011 + Perka BKN 1/2013 -- the legacy *penilaian prestasi kerja* (2014 to June 2021).

The rule set that agencies still use to recompute old years (promotions, angka kredit
integration, audits), and that thousands of spreadsheets still run, often wrongly (binary
floats at the 24 % boundary, swapped variables; regulations digest §9).

Exactness (decision D5): the formulas divide by 3, 6, TW, TB..., so intermediate values often
do not terminate in decimal (85.458333...). The chain is computed with exact rationals
(:class:`fractions.Fraction`, never ``float``), comparisons with the thresholds are exact, and
each value is stored once as a :class:`~decimal.Decimal` of 28 significant digits (half-up,
:data:`~asn_performance._kit.exact.CONTEXT`). So a value that is exactly 76.195 shows as 76.20,
whereas carrying 28-digit decimals from step to step can give 76.19499... and show 76.19.

The chain, each part recorded as a :class:`~asn_performance.domain.explanation.Step`:

1. per activity (*kegiatan tugas jabatan*), four aspects (:func:`assess_activity`):
   kuantitas = RO/TO × 100, kualitas = RK/TK × 100, waktu and biaya with the 1.76 formula and
   the 24 % efficiency boundary (:func:`time_cost_value`); biaya is optional;
2. the activity value (*nilai capaian kegiatan*) = the mean of its 3 or 4 aspects;
3. the SKP value (*nilai capaian SKP*) = the mean of the activities plus the points for
   *tugas tambahan* and *kreativitas* (:func:`assess_skp`; library decision D7, configurable
   with :class:`Pp46Config`, UNCONFIRMED against the Perka text);
4. *perilaku kerja* = the mean of 5 aspects, or 6 with *kepemimpinan* for holders of a
   structural position (:func:`assess_behaviour`; decision D8);
5. *nilai prestasi kerja* = 60 % SKP + 40 % perilaku (:func:`work_achievement`); two SKPs in
   one year are averaged first (simple mean, BKN Kanreg XII);
6. the predikat by the bands of decision D6 (:func:`predikat_for`), and its conversion to the
   2022 scale (:func:`to_2022`).

Sources: PP 46/2011; Perka BKN 1/2013 (Lampiran, as reproduced in BKN training material);
see ``docs/explanation/regime-pp46-2011.md`` for the citations and worked examples.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from asn_performance._kit.exact import CONTEXT, quantize, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled
from asn_performance._kit.validate import check_text, shown
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import AppraisalError, InputError, PolicyError

__all__ = [
    "BEHAVIOUR_WEIGHT",
    "DEFAULT_CONFIG",
    "EFFICIENCY_LIMIT",
    "KREATIVITAS_POINTS",
    "NT",
    "PREDIKAT_BANDS",
    "RULES",
    "SKP_WEIGHT",
    "TO_2022",
    "TUGAS_TAMBAHAN_TIERS",
    "Activity",
    "ActivityResult",
    "BehaviourAspect",
    "BehaviourResult",
    "BehaviourScores",
    "CreativityLevel",
    "Pp46Config",
    "Pp46Predikat",
    "Pp46Result",
    "SkpResult",
    "assess_activity",
    "assess_behaviour",
    "assess_skp",
    "average_skp_values",
    "conversion_step",
    "creativity_points",
    "efficiency",
    "predikat_for",
    "quality_value",
    "quantity_value",
    "time_cost_value",
    "to_2022",
    "tugas_tambahan_points",
    "within_efficiency_limit",
    "work_achievement",
]

_C = CONTEXT
_F0 = Fraction(0)
_F100 = Fraction(100)

#: *Nilai tertimbang* of the waktu and biaya formula. The maximum, 100, is reached when the
#: realisation is 76 % of the target: ((NT × 12 − 9.12) / 12) × 100 = 100 gives NT = 1.76
#: (BKN derivation "Mencari NT 1,76" [S28]).
NT: Final = Decimal("1.76")

#: The efficiency boundary of the waktu and biaya formula, in percent (Perka BKN 1/2013;
#: [S25][S26][S27]): up to and including 24 % the 1.76 formula applies, above it the
#: "cukup sampai buruk" formula.
EFFICIENCY_LIMIT: Final = Decimal(24)

_NT = Fraction(NT)


class Pp46Predikat(Labelled):
    """*Sebutan* of the nilai SKP and the nilai prestasi kerja (PP 46/2011; Perka BKN 1/2013).

    Ordered by :attr:`rank` from Buruk (0) to Sangat Baik (4).
    """

    SANGAT_BAIK = "sangat_baik"
    BAIK = "baik"
    CUKUP = "cukup"
    KURANG = "kurang"
    BURUK = "buruk"

    @classmethod
    def _labels(cls) -> Mapping[Pp46Predikat, tuple[str, str]]:
        return _PP46_LABELS

    @classmethod
    def _noun(cls) -> str:
        return "PP 46/2011 predikat"

    @property
    def rank(self) -> int:
        """4 for Sangat Baik down to 0 for Buruk (an order, not a score)."""
        return len(Pp46Predikat) - 1 - self.position  # defined from Sangat Baik down


_PP46_LABELS: Mapping[Pp46Predikat, tuple[str, str]] = {
    Pp46Predikat.SANGAT_BAIK: ("Sangat Baik", "Very good"),
    Pp46Predikat.BAIK: ("Baik", "Good"),
    Pp46Predikat.CUKUP: ("Cukup", "Fair"),
    Pp46Predikat.KURANG: ("Kurang", "Poor"),
    Pp46Predikat.BURUK: ("Buruk", "Bad"),
}


class CreativityLevel(Labelled):
    """The level at which a *kreativitas* (with its SK) was recognised (Perka BKN 1/2013)."""

    UNIT_KERJA = "unit_kerja"
    INSTANSI = "instansi"
    NASIONAL = "nasional"

    @classmethod
    def _labels(cls) -> Mapping[CreativityLevel, tuple[str, str]]:
        return {
            cls.UNIT_KERJA: ("Tingkat unit kerja", "Work unit"),
            cls.INSTANSI: ("Tingkat instansi", "Agency"),
            cls.NASIONAL: ("Tingkat nasional", "National"),
        }

    @classmethod
    def _synonyms(cls) -> Mapping[str, CreativityLevel]:
        return {"unit kerja": cls.UNIT_KERJA, "unit": cls.UNIT_KERJA}


class BehaviourAspect(Labelled):
    """An aspect of *perilaku kerja* under PP 46/2011 (Perka BKN 1/2013; [S27][S29])."""

    ORIENTASI_PELAYANAN = "orientasi_pelayanan"
    INTEGRITAS = "integritas"
    KOMITMEN = "komitmen"
    DISIPLIN = "disiplin"
    KERJA_SAMA = "kerja_sama"
    KEPEMIMPINAN = "kepemimpinan"

    @classmethod
    def _labels(cls) -> Mapping[BehaviourAspect, tuple[str, str]]:
        return {
            cls.ORIENTASI_PELAYANAN: ("Orientasi pelayanan", "Service orientation"),
            cls.INTEGRITAS: ("Integritas", "Integrity"),
            cls.KOMITMEN: ("Komitmen", "Commitment"),
            cls.DISIPLIN: ("Disiplin", "Discipline"),
            cls.KERJA_SAMA: ("Kerja sama", "Cooperation"),
            cls.KEPEMIMPINAN: ("Kepemimpinan", "Leadership"),
        }


# --- tables -----------------------------------------------------------------------------------

#: Bands of decision D6: a value strictly above the threshold gets the predikat; below the
#: last one, Buruk. The Perka's integer bands (91 ke atas Sangat Baik, 76-90 Baik, 61-75
#: Cukup, 51-60 Kurang, 50 ke bawah Buruk [S25]) say nothing of fractions such as 90.5; the
#: library compares "> 90", "> 75" ... as spreadsheets do. The exact value is compared.
PREDIKAT_BANDS: tuple[tuple[Decimal, Pp46Predikat], ...] = (
    (Decimal(90), Pp46Predikat.SANGAT_BAIK),
    (Decimal(75), Pp46Predikat.BAIK),
    (Decimal(60), Pp46Predikat.CUKUP),
    (Decimal(50), Pp46Predikat.KURANG),
)

#: Conversion of a PP 46/2011 predikat to the 2022 scale (integration table, digest §5.4;
#: consistent with PermenPANRB 1/2023 naming "cukup/butuh perbaikan").
TO_2022: Mapping[Pp46Predikat, Predikat] = FrozenMap(
    {
        Pp46Predikat.SANGAT_BAIK: Predikat.SANGAT_BAIK,
        Pp46Predikat.BAIK: Predikat.BAIK,
        Pp46Predikat.CUKUP: Predikat.BUTUH_PERBAIKAN,
        Pp46Predikat.KURANG: Predikat.KURANG,
        Pp46Predikat.BURUK: Predikat.SANGAT_KURANG,
    }
)

#: Points for *tugas tambahan* (count of tasks with a surat perintah in the year), decision
#: D7: (minimum count, points), highest first; 0 tasks give 0 points. UNCONFIRMED: the values
#: agree across several implementations; the Perka text itself was not seen.
TUGAS_TAMBAHAN_TIERS: tuple[tuple[int, Decimal], ...] = (
    (7, Decimal(3)),
    (4, Decimal(2)),
    (1, Decimal(1)),
)

#: Points per *kreativitas* (each with its SK), summed, decision D7. UNCONFIRMED as above.
KREATIVITAS_POINTS: Mapping[CreativityLevel, Decimal] = FrozenMap(
    {
        CreativityLevel.UNIT_KERJA: Decimal(3),
        CreativityLevel.INSTANSI: Decimal(6),
        CreativityLevel.NASIONAL: Decimal(12),
    }
)

#: Weights of nilai prestasi kerja (PP 46/2011; Perka BKN 1/2013 [S20][S21][S22]), percent.
SKP_WEIGHT: Final = Decimal(60)
BEHAVIOUR_WEIGHT: Final = Decimal(40)


# --- explanation rules ------------------------------------------------------------------------


#: The rules this module records (kept in the one rulebook, :mod:`asn_performance.domain.explanation`).
_PERKA = "Perka BKN 1/2013 (ketentuan pelaksanaan PP 46/2011), Lampiran"

#: Rules of :mod:`asn_performance.regimes.pp_46_2011` (defined here so that one rulebook
#: holds every rule without an import cycle).
RULES: tuple[Rule, ...] = (
    Rule(
        "PP46-KUANTITAS",
        "Kuantitas = RO / TO × 100",
        f"{_PERKA}, penilaian capaian SKP (kuantitas) [S25][S26]",
    ),
    Rule(
        "PP46-KUALITAS",
        "Kualitas = RK / TK × 100",
        f"{_PERKA}, penilaian capaian SKP (kualitas) [S25][S26]",
    ),
    Rule(
        "PP46-WAKTU",
        "Waktu: 1.76 formula up to 24 % efficiency, the cukup-buruk formula above; not done = 0",
        f"{_PERKA}, penilaian capaian SKP (waktu) [S25][S26][S27]; NT = 1.76 derivation [S28]",
    ),
    Rule(
        "PP46-BIAYA",
        "Biaya: the waktu formulas with TB and RB (optional aspect)",
        f"{_PERKA}, penilaian capaian SKP (biaya) [S25][S26]",
    ),
    Rule(
        "PP46-KEGIATAN",
        "Nilai capaian kegiatan = sum of the aspects / 3 (no biaya) or / 4",
        f"{_PERKA}; BKN training spreadsheet [S26]",
    ),
    Rule(
        "PP46-TUGAS-TAMBAHAN",
        "Tugas tambahan points: 0 tasks 0, 1-3 tasks 1, 4-6 tasks 2, 7 or more 3",
        f"{_PERKA} (Penilaian Tugas Tambahan [S31]); values: library decision D7, agreed by"
        " several implementations, Perka text not seen (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "PP46-KREATIVITAS",
        "Kreativitas points: unit kerja 3, instansi 6, nasional 12, summed",
        f"{_PERKA} (Penilaian Kreativitas [S31]); values: library decision D7, agreed by"
        " several implementations, Perka text not seen (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "PP46-SKP",
        "Nilai capaian SKP = mean of the kegiatan + tugas tambahan + kreativitas (uncapped)",
        f"{_PERKA} [S26]; adding the points uncapped: library decision D7 (UNCONFIRMED)",
    ),
    Rule(
        "PP46-SKP-AVERAGE",
        "Two SKPs in one year: nilai SKP = simple mean of the SKP values",
        "BKN Kantor Regional XII, penyusunan SKP bagi PNS yang menduduki 2 jabatan dalam"
        " setahun [S23]",
    ),
    Rule(
        "PP46-PERILAKU",
        "Nilai perilaku kerja = mean of 5 aspects, or 6 with kepemimpinan (structural only)",
        f"{_PERKA} [S27][S29]; kepemimpinan only for jabatan struktural: library decision D8"
        " (as PP 10/1979 Pasal 4(3) [S30])",
    ),
    Rule(
        "PP46-PRESTASI",
        "Nilai prestasi kerja = 60 % nilai SKP + 40 % nilai perilaku kerja",
        f"PP 46/2011; {_PERKA} [S20][S21][S22]",
    ),
    Rule(
        "PP46-PREDIKAT",
        "Predikat: > 90 Sangat Baik, > 75 Baik, > 60 Cukup, > 50 Kurang, else Buruk",
        f"{_PERKA} (91 ke atas ... 50 ke bawah [S25]); fractions: library decision D6",
    ),
    Rule(
        "PP46-TO-2022",
        "Conversion to the 2022 scale: Cukup -> Butuh Perbaikan, Buruk -> Sangat Kurang",
        "Integration table used by instansi (digest §5.4); consistent with PermenPANRB 1/2023"
        ' "cukup/butuh perbaikan"',
        normative=False,
    ),
)
_RULE = rules_by_id(RULES)
PP46_RULES = RULES


# --- helpers ----------------------------------------------------------------------------------


def _show(value: Decimal) -> str:
    """A derived value as shown: 2 places, half-up (decision D5)."""
    return str(quantize(value))


def _dec(value: Fraction) -> Decimal:
    """An exact value stored once as a Decimal: exact if it terminates within 28 significant
    digits, otherwise rounded half-up (decision D5; :data:`~asn_performance._kit.exact.CONTEXT`)."""
    return _C.divide(Decimal(value.numerator), Decimal(value.denominator))


def _mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, _F0) / len(values)


def _positive(value: object, field: str) -> Decimal:
    number = to_decimal(value, field=field)
    if number <= 0:
        raise InputError(
            "a target must be greater than zero",
            path=field,
            value=value,
            rule="PP46-INPUT",
            fix="give the target from the SKP (TO, TK, TW or TB), a positive number",
        )
    return number


def _non_negative(value: object, field: str) -> Decimal:
    number = to_decimal(value, field=field)
    if number < 0:
        raise InputError(
            "a realisation may not be negative",
            path=field,
            value=value,
            rule="PP46-INPUT",
            fix="give the realisation (RO, RK, RW or RB); 0 means the activity was not done",
        )
    return number


# --- the aspects ------------------------------------------------------------------------------


def _ratio_value(target: Fraction, realisation: Fraction) -> Fraction:
    return realisation * _F100 / target


def _efficiency(target: Fraction, realisation: Fraction) -> Fraction:
    return _F100 - realisation * _F100 / target


def _within(target: Fraction, realisation: Fraction) -> bool:
    # E <= 24 %  <=>  100 − 100 R / T <= 24  <=>  100 R >= (100 − 24) T   (T > 0)
    return realisation * _F100 >= target * (_F100 - Fraction(EFFICIENCY_LIMIT))


def _time_cost(target: Fraction, realisation: Fraction) -> Fraction:
    if realisation == 0:
        return _F0
    base = (_NT * target - realisation) / target * _F100
    if _within(target, realisation):
        return base
    return 76 - (base - _F100)


def quantity_value(target: Decimal, realisation: Decimal) -> Decimal:
    """Kuantitas = RO / TO × 100 (Perka BKN 1/2013; [S25][S26]). Not capped at 100."""
    return _dec(_ratio_value(Fraction(target), Fraction(realisation)))


def quality_value(target: Decimal, realisation: Decimal) -> Decimal:
    """Kualitas = RK / TK × 100 (Perka BKN 1/2013; [S25][S26])."""
    return _dec(_ratio_value(Fraction(target), Fraction(realisation)))


def efficiency(target: Decimal, realisation: Decimal) -> Decimal:
    """Efficiency in percent: E = 100 − R / T × 100 (waktu and biaya; Perka BKN 1/2013).

    Negative when the realisation exceeds the target (late, or over budget).
    """
    return _dec(_efficiency(Fraction(target), Fraction(realisation)))


def within_efficiency_limit(target: Decimal, realisation: Decimal) -> bool:
    """Whether E ≤ 24 %, decided exactly: 100 × R ≥ 76 × T, with no division and no rounding.

    TW = 12, RW = 9.12 gives E = 24 % exactly, inside the limit (binary floats compute
    24.000000000000014 and fall outside: digest §4.6).
    """
    return _within(Fraction(target), Fraction(realisation))


def time_cost_value(target: Decimal, realisation: Decimal) -> Decimal:
    """The waktu (or biaya) aspect value, exactly as the Perka writes it.

    * R = 0 (activity not done): 0;
    * E ≤ 24 %: ((1.76 × T − R) / T) × 100 ("baik sampai sangat baik");
    * E > 24 %: 76 − ((((1.76 × T − R) / T) × 100) − 100) ("cukup sampai buruk").

    Perka BKN 1/2013 [S25][S26][S27]. The value peaks at 100 where R = 76 % of T and drops to
    about 76 just past that point (the formula's own discontinuity). The formula as written
    goes below 0 when R > 1.76 × T; the library keeps it (see :class:`Pp46Config`).
    """
    return _dec(_time_cost(Fraction(target), Fraction(realisation)))


# --- configuration ----------------------------------------------------------------------------


def _check_tiers(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    ok = isinstance(value, tuple) and bool(value)
    previous: int | None = None
    if ok and isinstance(value, tuple):
        for item in value:
            if not (
                isinstance(item, tuple)
                and len(item) == 2
                and isinstance(item[0], int)
                and not isinstance(item[0], bool)
                and item[0] >= 1
                and isinstance(item[1], Decimal)
                and item[1] >= 0
                and (previous is None or item[0] < previous)
            ):
                ok = False
                break
            previous = item[0]
    if not ok:
        raise PolicyError(
            "tugas tambahan tiers are (minimum count, points) pairs, highest count first,"
            " counts of at least 1 and points of at least 0",
            path=attribute.name,
            value=value,
            rule="D7-CONFIG",
            fix="e.g. ((7, Decimal(3)), (4, Decimal(2)), (1, Decimal(1)))",
        )


def _creativity_table(value: object) -> FrozenMap[CreativityLevel, Decimal]:
    if not isinstance(value, Mapping):
        raise PolicyError(
            "kreativitas points must be a mapping from level to points",
            path="creativity_points",
            value=value,
            rule="D7-CONFIG",
            fix="give points for unit_kerja, instansi and nasional",
        )
    table = FrozenMap(
        (
            CreativityLevel.parse(level, field=f"creativity_points[{shown(level)}]"),
            to_decimal(points, field=f"creativity_points[{shown(level)}]", allow_negative=False),
        )
        for level, points in value.items()
    )
    missing = [level.code for level in CreativityLevel if level not in table]
    if missing:
        raise PolicyError(
            f"kreativitas points are missing for {', '.join(missing)}",
            path="creativity_points",
            value=sorted(level.code for level in table),
            rule="D7-CONFIG",
            fix="give points for every level",
        )
    return table


def _optional_cap(value: object) -> Decimal | None:
    if value is None:
        return None
    cap = to_decimal(value, field="skp_cap")
    if cap <= 0:
        raise PolicyError(
            "a cap on the nilai SKP must be positive",
            path="skp_cap",
            value=value,
            rule="D7-CONFIG",
            fix="give a positive cap, or None for no cap (the default)",
        )
    return cap


@attrs.frozen
class Pp46Config:
    """The library's choices where the Perka text was not seen (decisions D7 and the floor).

    Args:
        tugas_tambahan_tiers: (minimum count, points), highest first (D7: 7→3, 4→2, 1→1).
        creativity_points: points per kreativitas level (D7: 3 / 6 / 12).
        skp_cap: an optional cap on the nilai capaian SKP after the points (D7: none).
        floor_at_zero: floor the waktu and biaya values at 0 when the realisation exceeds
            1.76 × the target (default: no, the formula as written goes negative).

    All defaults are UNCONFIRMED against the primary text and documented as such in
    ``docs/explanation/regime-pp46-2011.md``.
    """

    tugas_tambahan_tiers: tuple[tuple[int, Decimal], ...] = attrs.field(
        default=TUGAS_TAMBAHAN_TIERS, validator=_check_tiers
    )
    creativity_points: FrozenMap[CreativityLevel, Decimal] = attrs.field(
        default=KREATIVITAS_POINTS, converter=_creativity_table
    )
    skp_cap: Decimal | None = attrs.field(default=None, converter=_optional_cap)
    floor_at_zero: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))


#: The defaults of decision D7 (no cap, no floor).
DEFAULT_CONFIG: Final = Pp46Config()


# --- activities -------------------------------------------------------------------------------


def _quantity_target(value: object) -> Decimal:
    return _positive(value, "quantity_target")


def _quantity_realisation(value: object) -> Decimal:
    return _non_negative(value, "quantity_realisation")


def _quality_target(value: object) -> Decimal:
    return _positive(value, "quality_target")


def _quality_realisation(value: object) -> Decimal:
    return _non_negative(value, "quality_realisation")


def _time_target(value: object) -> Decimal:
    return _positive(value, "time_target")


def _time_realisation(value: object) -> Decimal:
    return _non_negative(value, "time_realisation")


def _cost_target(value: object) -> Decimal | None:
    return None if value is None else _positive(value, "cost_target")


def _cost_realisation(value: object) -> Decimal | None:
    return None if value is None else _non_negative(value, "cost_realisation")


@attrs.frozen
class Activity:
    """A *kegiatan tugas jabatan* of a PP 46/2011 SKP with its targets and realisations.

    ``quantity_*`` are TO / RO (*output*), ``quality_*`` TK / RK (usually TK = 100),
    ``time_*`` TW / RW (usually months), ``cost_*`` TB / RB (rupiah; optional: give both or
    neither). Targets must be greater than 0, realisations at least 0; an activity not done
    has realisation 0 and scores 0.
    """

    name: str = attrs.field(validator=check_text(1000))
    quantity_target: Decimal = attrs.field(converter=_quantity_target)
    quantity_realisation: Decimal = attrs.field(converter=_quantity_realisation)
    quality_target: Decimal = attrs.field(converter=_quality_target)
    quality_realisation: Decimal = attrs.field(converter=_quality_realisation)
    time_target: Decimal = attrs.field(converter=_time_target)
    time_realisation: Decimal = attrs.field(converter=_time_realisation)
    cost_target: Decimal | None = attrs.field(default=None, converter=_cost_target)
    cost_realisation: Decimal | None = attrs.field(default=None, converter=_cost_realisation)

    def __attrs_post_init__(self) -> None:
        if (self.cost_target is None) != (self.cost_realisation is None):
            missing = "cost_realisation" if self.cost_realisation is None else "cost_target"
            raise InputError(
                "biaya needs both its target (TB) and its realisation (RB), or neither",
                path=missing,
                value=None,
                rule="PP46-INPUT",
                fix="give both cost_target and cost_realisation, or leave both out",
            )

    @property
    def has_cost(self) -> bool:
        """Whether the biaya aspect is assessed (4 aspects instead of 3)."""
        return self.cost_target is not None

    @property
    def done(self) -> bool:
        """False when every realisation is 0 (the activity was not done)."""
        realisations = (
            self.quantity_realisation,
            self.quality_realisation,
            self.time_realisation,
            self.cost_realisation if self.cost_realisation is not None else Decimal(0),
        )
        return any(not r.is_zero() for r in realisations)


@attrs.frozen
class ActivityResult:
    """The aspects and value of one activity, unrounded, with the steps that produced them."""

    activity: Activity
    quantity: Decimal
    quality: Decimal
    time_efficiency: Decimal
    time: Decimal
    cost_efficiency: Decimal | None
    cost: Decimal | None
    total: Decimal
    """*Perhitungan*: the sum of the aspects."""
    value: Decimal
    """*Nilai capaian kegiatan*: the total / 3 or / 4."""
    steps: tuple[Step, ...]
    _exact: Fraction = attrs.field(alias="exact", repr=False)
    """The exact value, carried to the SKP so that nothing is rounded twice."""

    @property
    def value_shown(self) -> Decimal:
        """The value as shown on the form: 2 places, half-up."""
        return quantize(self.value)


def _time_cost_step(
    rule: str, name: str, target: Decimal, realisation: Decimal, value: Decimal, eff: Decimal
) -> Step:
    letter = "W" if rule == "PP46-WAKTU" else "B"
    inputs = (
        ("kegiatan", name),
        (f"T{letter}", str(target)),
        (f"R{letter}", str(realisation)),
        ("efisiensi", f"{_show(eff)} %"),
    )
    if realisation.is_zero():
        note = f"R{letter} = 0: not done, 0"
    elif within_efficiency_limit(target, realisation):
        note = f"efisiensi ≤ 24 %: ((1.76 × T{letter} − R{letter}) / T{letter}) × 100"
    else:
        note = (
            f"efisiensi > 24 %: 76 − ((((1.76 × T{letter} − R{letter}) / T{letter}) × 100) − 100)"
        )
    if value < 0:
        note += "; below 0 as written (the realisation exceeds 1.76 × the target)"
    return Step(_RULE[rule], "hasil_kerja", inputs, _show(value), note)


def _time_cost_aspect(
    target: Decimal, realisation: Decimal, config: Pp46Config
) -> tuple[Fraction, Fraction]:
    """(efficiency, value) of waktu or biaya, exact, with the optional floor at 0."""
    t, r = Fraction(target), Fraction(realisation)
    value = _time_cost(t, r)
    if config.floor_at_zero and value < 0:
        value = _F0
    return _efficiency(t, r), value


def assess_activity(activity: Activity, *, config: Pp46Config = DEFAULT_CONFIG) -> ActivityResult:
    """The aspects of one activity and its *nilai capaian kegiatan* (Perka BKN 1/2013).

    Kuantitas, kualitas and waktu always; biaya when the activity has a cost target. The
    value is the sum of the aspects divided by their number (3 or 4) [S26].
    """
    name = activity.name
    quantity = _ratio_value(
        Fraction(activity.quantity_target), Fraction(activity.quantity_realisation)
    )
    quality = _ratio_value(
        Fraction(activity.quality_target), Fraction(activity.quality_realisation)
    )
    time_eff, time = _time_cost_aspect(activity.time_target, activity.time_realisation, config)
    steps = [
        Step(
            _RULE["PP46-KUANTITAS"],
            "hasil_kerja",
            (
                ("kegiatan", name),
                ("TO", str(activity.quantity_target)),
                ("RO", str(activity.quantity_realisation)),
            ),
            _show(_dec(quantity)),
            "RO / TO × 100",
        ),
        Step(
            _RULE["PP46-KUALITAS"],
            "hasil_kerja",
            (
                ("kegiatan", name),
                ("TK", str(activity.quality_target)),
                ("RK", str(activity.quality_realisation)),
            ),
            _show(_dec(quality)),
            "RK / TK × 100",
        ),
        _time_cost_step(
            "PP46-WAKTU",
            name,
            activity.time_target,
            activity.time_realisation,
            _dec(time),
            _dec(time_eff),
        ),
    ]
    aspects = [quantity, quality, time]
    cost_eff: Fraction | None = None
    cost: Fraction | None = None
    if activity.cost_target is not None and activity.cost_realisation is not None:
        cost_eff, cost = _time_cost_aspect(activity.cost_target, activity.cost_realisation, config)
        steps.append(
            _time_cost_step(
                "PP46-BIAYA",
                name,
                activity.cost_target,
                activity.cost_realisation,
                _dec(cost),
                _dec(cost_eff),
            )
        )
        aspects.append(cost)
    total = sum(aspects, _F0)
    value = total / len(aspects)
    note = f"perhitungan {_show(_dec(total))} / {len(aspects)}"
    if not activity.done:
        note += "; not done: every realisation is 0"
    steps.append(
        Step(
            _RULE["PP46-KEGIATAN"],
            "hasil_kerja",
            (
                ("kegiatan", name),
                *((f"aspek {i + 1}", _show(_dec(a))) for i, a in enumerate(aspects)),
            ),
            _show(_dec(value)),
            note,
        )
    )
    return ActivityResult(
        activity=activity,
        quantity=_dec(quantity),
        quality=_dec(quality),
        time_efficiency=_dec(time_eff),
        time=_dec(time),
        cost_efficiency=None if cost_eff is None else _dec(cost_eff),
        cost=None if cost is None else _dec(cost),
        total=_dec(total),
        value=_dec(value),
        steps=tuple(steps),
        exact=value,
    )


# --- the SKP ----------------------------------------------------------------------------------


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


def _levels(items: Iterable[CreativityLevel | str]) -> tuple[CreativityLevel, ...]:
    if isinstance(items, str):
        items = (items,)
    return tuple(
        CreativityLevel.parse(item, field=f"kreativitas[{index}]")
        for index, item in enumerate(items)
    )


def creativity_points(
    items: Iterable[CreativityLevel | str], *, config: Pp46Config = DEFAULT_CONFIG
) -> Decimal:
    """Points for the *kreativitas* items, summed (decision D7: unit 3, instansi 6, nasional 12)."""
    return _dec(sum((Fraction(config.creativity_points[level]) for level in _levels(items)), _F0))


@attrs.frozen
class SkpResult:
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
    _exact: Fraction = attrs.field(alias="exact", repr=False)
    """The exact value, carried to the prestasi kerja."""

    @property
    def value_shown(self) -> Decimal:
        """The value as shown on the form: 2 places, half-up."""
        return quantize(self.value)


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
    for index, item in enumerate(items):
        if not isinstance(item, Activity):
            raise InputError(
                "must hold Activity objects",
                path=f"activities[{index}]",
                value=item,
                rule="TYPE",
                fix="pass Activity objects",
            )
    results = tuple(assess_activity(item, config=config) for item in items)
    steps: list[Step] = [step for result in results for step in result.steps]
    mean = _mean([r._exact for r in results])
    task_points = tugas_tambahan_points(tugas_tambahan, config=config)
    levels = _levels(kreativitas)
    creative_points = creativity_points(levels, config=config)
    steps.append(
        Step(
            _RULE["PP46-TUGAS-TAMBAHAN"],
            "hasil_kerja",
            (("tugas tambahan", str(tugas_tambahan)),),
            str(task_points),
            "library decision D7 (UNCONFIRMED)",
        )
    )
    steps.append(
        Step(
            _RULE["PP46-KREATIVITAS"],
            "hasil_kerja",
            tuple((f"kreativitas {i + 1}", level.label_id) for i, level in enumerate(levels)),
            str(creative_points),
            "library decision D7 (UNCONFIRMED)",
        )
    )
    value = mean + Fraction(task_points) + Fraction(creative_points)
    note = (
        f"mean of {len(results)} kegiatan {_show(_dec(mean))} + {task_points} + {creative_points}"
    )
    if config.skp_cap is not None and value > Fraction(config.skp_cap):
        value = Fraction(config.skp_cap)
        note += f"; capped at {config.skp_cap} (agency configuration)"
    steps.append(
        Step(
            _RULE["PP46-SKP"],
            "hasil_kerja",
            (
                ("rata-rata kegiatan", _show(_dec(mean))),
                ("tugas tambahan", str(task_points)),
                ("kreativitas", str(creative_points)),
            ),
            _show(_dec(value)),
            note,
        )
    )
    predikat, step = _predikat_step(value, "hasil_kerja", "nilai capaian SKP")
    steps.append(step)
    return SkpResult(
        activities=results,
        mean=_dec(mean),
        tugas_tambahan=tugas_tambahan,
        tugas_tambahan_points=task_points,
        kreativitas=levels,
        kreativitas_points=creative_points,
        value=_dec(value),
        predikat=predikat,
        steps=tuple(steps),
        exact=value,
    )


def average_skp_values(values: Sequence[Decimal]) -> tuple[Decimal, Step]:
    """Two SKPs in one year (promotion, rotation): their simple mean, not month-weighted.

    BKN Kantor Regional XII [S23]: nilai SKP = (nilai SKP lama + nilai SKP baru) / 2, then
    × 60 %. The Q&A describes two SKPs; the library applies the same simple mean to more.
    """
    mean, step = _average([Fraction(value) for value in values])
    return _dec(mean), step


def _average(items: Sequence[Fraction]) -> tuple[Fraction, Step]:
    if not items:
        raise AppraisalError(
            "there is no SKP value to average",
            path="skp",
            value=[],
            rule="PP46-SKP-AVERAGE",
            fix="pass at least one SKP",
        )
    mean = _mean(items)
    step = Step(
        _RULE["PP46-SKP-AVERAGE"],
        "hasil_kerja",
        tuple((f"nilai SKP {i + 1}", _show(_dec(v))) for i, v in enumerate(items)),
        _show(_dec(mean)),
        f"simple mean of {len(items)} SKPs (not weighted by months)",
    )
    return mean, step


# --- perilaku kerja ---------------------------------------------------------------------------


def _score(value: object, field: str) -> Decimal:
    number = to_decimal(value, field=field)
    if not 0 <= number <= 100:
        raise InputError(
            "a perilaku kerja value lies between 0 and 100",
            path=field,
            value=value,
            rule="PP46-PERILAKU",
            fix="give the aspect's value on the 0-100 scale",
        )
    return number


def _orientasi_pelayanan(value: object) -> Decimal:
    return _score(value, "orientasi_pelayanan")


def _integritas(value: object) -> Decimal:
    return _score(value, "integritas")


def _komitmen(value: object) -> Decimal:
    return _score(value, "komitmen")


def _disiplin(value: object) -> Decimal:
    return _score(value, "disiplin")


def _kerja_sama(value: object) -> Decimal:
    return _score(value, "kerja_sama")


def _kepemimpinan(value: object) -> Decimal | None:
    return None if value is None else _score(value, "kepemimpinan")


@attrs.frozen
class BehaviourScores:
    """The *perilaku kerja* values (0-100) of one year (Perka BKN 1/2013; decision D8).

    Five aspects for everybody; *kepemimpinan* only for holders of a structural position
    (``structural=True``, then it is required; otherwise it must be left out).
    """

    orientasi_pelayanan: Decimal = attrs.field(converter=_orientasi_pelayanan)
    integritas: Decimal = attrs.field(converter=_integritas)
    komitmen: Decimal = attrs.field(converter=_komitmen)
    disiplin: Decimal = attrs.field(converter=_disiplin)
    kerja_sama: Decimal = attrs.field(converter=_kerja_sama)
    kepemimpinan: Decimal | None = attrs.field(default=None, converter=_kepemimpinan)
    structural: bool = attrs.field(
        default=False, kw_only=True, validator=attrs.validators.instance_of(bool)
    )

    def __attrs_post_init__(self) -> None:
        if self.structural and self.kepemimpinan is None:
            raise InputError(
                "a holder of a structural position is assessed on kepemimpinan too",
                path="kepemimpinan",
                value=None,
                rule="PP46-PERILAKU",
                fix="give the kepemimpinan value, or structural=False",
            )
        if not self.structural and self.kepemimpinan is not None:
            raise InputError(
                "kepemimpinan is assessed only for holders of a structural position (D8)",
                path="kepemimpinan",
                value=str(self.kepemimpinan),
                rule="PP46-PERILAKU",
                fix="leave kepemimpinan out, or pass structural=True",
            )

    def items(self) -> tuple[tuple[BehaviourAspect, Decimal], ...]:
        """The assessed aspects with their values (5, or 6 for a structural position)."""
        pairs = [
            (BehaviourAspect.ORIENTASI_PELAYANAN, self.orientasi_pelayanan),
            (BehaviourAspect.INTEGRITAS, self.integritas),
            (BehaviourAspect.KOMITMEN, self.komitmen),
            (BehaviourAspect.DISIPLIN, self.disiplin),
            (BehaviourAspect.KERJA_SAMA, self.kerja_sama),
        ]
        if self.kepemimpinan is not None:
            pairs.append((BehaviourAspect.KEPEMIMPINAN, self.kepemimpinan))
        return tuple(pairs)


@attrs.frozen
class BehaviourResult:
    """The *nilai perilaku kerja*: the mean of the assessed aspects, unrounded."""

    scores: BehaviourScores
    aspects: int
    value: Decimal
    predikat: Pp46Predikat
    steps: tuple[Step, ...]
    _exact: Fraction = attrs.field(alias="exact", repr=False)
    """The exact value, carried to the prestasi kerja."""

    @property
    def value_shown(self) -> Decimal:
        """The value as shown on the form: 2 places, half-up."""
        return quantize(self.value)


def assess_behaviour(scores: BehaviourScores) -> BehaviourResult:
    """The *nilai perilaku kerja*: the mean of 5 aspects, or 6 with kepemimpinan (D8)."""
    items = scores.items()
    value = _mean([Fraction(v) for _, v in items])
    step = Step(
        _RULE["PP46-PERILAKU"],
        "perilaku_kerja",
        tuple((aspect.label_id, str(v)) for aspect, v in items),
        _show(_dec(value)),
        f"mean of {len(items)} aspects"
        + (" (structural position: with kepemimpinan)" if scores.structural else ""),
    )
    predikat, predikat_step = _predikat_step(value, "perilaku_kerja", "nilai perilaku kerja")
    return BehaviourResult(
        scores=scores,
        aspects=len(items),
        value=_dec(value),
        predikat=predikat,
        steps=(step, predikat_step),
        exact=value,
    )


# --- prestasi kerja ---------------------------------------------------------------------------


def predikat_for(value: Decimal | Fraction) -> Pp46Predikat:
    """The PP 46/2011 predikat of a value (decision D6: > 90, > 75, > 60, > 50, else Buruk).

    The exact value is compared, not the 2-place value shown.
    """
    exact = Fraction(value)
    for threshold, predikat in PREDIKAT_BANDS:
        if exact > Fraction(threshold):
            return predikat
    return Pp46Predikat.BURUK


def _predikat_step(value: Fraction, dimension: str, name: str) -> tuple[Pp46Predikat, Step]:
    predikat = predikat_for(value)
    note = "> 90 Sangat Baik, > 75 Baik, > 60 Cukup, > 50 Kurang, else Buruk (D6)"
    stored = _dec(value)
    shown = quantize(stored)
    if predikat_for(shown) is not predikat:
        note += f"; the exact value {stored} is compared, not the {shown} shown"
    step = Step(_RULE["PP46-PREDIKAT"], dimension, ((name, str(shown)),), predikat.label_id, note)
    return predikat, step


def to_2022(predikat: Pp46Predikat) -> Predikat:
    """The 2022 predikat of a PP 46/2011 one (integration table, digest §5.4)."""
    return TO_2022[predikat]


def conversion_step(predikat: Pp46Predikat) -> Step:
    """Record the conversion of a PP 46/2011 predikat to the 2022 scale."""
    return Step(
        _RULE["PP46-TO-2022"],
        "predikat",
        (("predikat PP 46/2011", predikat.label_id),),
        TO_2022[predikat].label_id,
    )


@attrs.frozen
class Pp46Result:
    """A PP 46/2011 *penilaian prestasi kerja*: every intermediate value unrounded, with steps."""

    skps: tuple[SkpResult, ...]
    behaviour: BehaviourResult
    skp_value: Decimal
    """The nilai SKP (the mean when there are two SKPs)."""
    skp_part: Decimal
    """60 % of the nilai SKP."""
    behaviour_value: Decimal
    behaviour_part: Decimal
    """40 % of the nilai perilaku kerja."""
    value: Decimal
    """*Nilai prestasi kerja*."""
    predikat: Pp46Predikat
    predikat_2022: Predikat
    steps: tuple[Step, ...]

    @property
    def value_shown(self) -> Decimal:
        """The nilai prestasi kerja as shown on the form: 2 places, half-up."""
        return quantize(self.value)


def work_achievement(
    skp: SkpResult | Sequence[SkpResult], behaviour: BehaviourResult
) -> Pp46Result:
    """*Nilai prestasi kerja* = 60 % nilai SKP + 40 % nilai perilaku kerja (PP 46/2011).

    ``skp`` is one :class:`SkpResult`, or the SKPs of one year when the employee held two
    positions: their values are averaged first (simple mean, [S23]). The predikat follows
    decision D6 and is converted to the 2022 scale (digest §5.4).
    """
    skps = (skp,) if isinstance(skp, SkpResult) else tuple(skp)
    for index, item in enumerate(skps):
        if not isinstance(item, SkpResult):
            raise InputError(
                "must hold SkpResult objects (from assess_skp)",
                path=f"skp[{index}]",
                value=item,
                rule="TYPE",
                fix="pass the result of assess_skp",
            )
    if not isinstance(behaviour, BehaviourResult):
        raise InputError(
            "must be a BehaviourResult (from assess_behaviour)",
            path="behaviour",
            value=behaviour,
            rule="TYPE",
            fix="pass the result of assess_behaviour",
        )
    if not skps:
        raise AppraisalError(
            "a prestasi kerja needs the SKP",
            path="skp",
            value=[],
            rule="PP46-PRESTASI",
            fix="pass the result of assess_skp",
        )
    steps: list[Step] = [step for item in skps for step in item.steps]
    steps.extend(behaviour.steps)
    if len(skps) == 1:
        skp_value = skps[0]._exact
    else:
        skp_value, average = _average([item._exact for item in skps])
        steps.append(average)
    skp_part = skp_value * Fraction(SKP_WEIGHT) / _F100
    behaviour_part = behaviour._exact * Fraction(BEHAVIOUR_WEIGHT) / _F100
    value = skp_part + behaviour_part
    shown = {
        name: _show(_dec(v))
        for name, v in (
            ("skp", skp_value),
            ("skp_part", skp_part),
            ("behaviour", behaviour._exact),
            ("behaviour_part", behaviour_part),
            ("value", value),
        )
    }
    steps.append(
        Step(
            _RULE["PP46-PRESTASI"],
            "",
            (("nilai SKP", shown["skp"]), ("nilai perilaku kerja", shown["behaviour"])),
            shown["value"],
            f"60 % × {shown['skp']} = {shown['skp_part']}; 40 % × {shown['behaviour']}"
            f" = {shown['behaviour_part']}",
        )
    )
    predikat, step = _predikat_step(value, "predikat", "nilai prestasi kerja")
    steps.append(step)
    steps.append(conversion_step(predikat))
    return Pp46Result(
        skps=skps,
        behaviour=behaviour,
        skp_value=_dec(skp_value),
        skp_part=_dec(skp_part),
        behaviour_value=behaviour.value,
        behaviour_part=_dec(behaviour_part),
        value=_dec(value),
        predikat=predikat,
        predikat_2022=TO_2022[predikat],
        steps=tuple(steps),
    )
