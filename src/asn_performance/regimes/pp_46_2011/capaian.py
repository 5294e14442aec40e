"""PP 46/2011: the four aspects of a *kegiatan tugas jabatan* and its *nilai capaian kegiatan*.

Per activity (:func:`assess_activity`), Perka BKN 1/2013 [S25][S26][S27]: kuantitas = RO/TO ×
100, kualitas = RK/TK × 100, waktu and biaya with the 1.76 formula and the 24 % efficiency
boundary (:func:`time_cost_value`; biaya is optional); the activity value is the mean of its 3
or 4 aspects. The boundary is decided exactly (:func:`within_efficiency_limit`), never with
binary floats (regulations digest §4.6).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from asn_performance._kit.exact import EXACT, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.plain import value_and_shown
from asn_performance._kit.validate import check_text
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.exceptions import InputError
from asn_performance.regimes._common import (
    HasValue,
    Ratio,
    dec_ratio,
    fraction_of,
    new_step,
    ratio_field,
    show,
)
from asn_performance.regimes.pp_46_2011._common import PERKA
from asn_performance.regimes.pp_46_2011.config import DEFAULT_CONFIG, Pp46Config

__all__ = [
    "EFFICIENCY_LIMIT",
    "NT",
    "RULES",
    "Activity",
    "ActivityResult",
    "assess_activity",
    "efficiency",
    "quality_value",
    "quantity_value",
    "time_cost_value",
    "within_efficiency_limit",
]

#: *Nilai tertimbang* of the waktu and biaya formula. The maximum, 100, is reached when the
#: realisation is 76 % of the target: ((NT × 12 − 9.12) / 12) × 100 = 100 gives NT = 1.76
#: (BKN derivation "Mencari NT 1,76" [S28]).
NT: Final = Decimal("1.76")

#: The efficiency boundary of the waktu and biaya formula, in percent (Perka BKN 1/2013;
#: [S25][S26][S27]): up to and including 24 % the 1.76 formula applies, above it the
#: "cukup sampai buruk" formula.
EFFICIENCY_LIMIT: Final = Decimal(24)

#: The rules of this module: the aspects of an activity and its value.
RULES: tuple[Rule, ...] = (
    Rule(
        "PP46-KUANTITAS",
        "Kuantitas = RO / TO × 100",
        f"{PERKA}, penilaian capaian SKP (kuantitas) [S25][S26]",
    ),
    Rule(
        "PP46-KUALITAS",
        "Kualitas = RK / TK × 100",
        f"{PERKA}, penilaian capaian SKP (kualitas) [S25][S26]",
    ),
    Rule(
        "PP46-WAKTU",
        "Waktu: 1.76 formula up to 24 % efficiency, the cukup-buruk formula above; not done = 0",
        f"{PERKA}, penilaian capaian SKP (waktu) [S25][S26][S27]; NT = 1.76 derivation [S28]",
    ),
    Rule(
        "PP46-BIAYA",
        "Biaya: the waktu formulas with TB and RB (optional aspect)",
        f"{PERKA}, penilaian capaian SKP (biaya) [S25][S26]",
    ),
    Rule(
        "PP46-KEGIATAN",
        "Nilai capaian kegiatan = sum of the aspects / 3 (no biaya) or / 4",
        f"{PERKA}; BKN training spreadsheet [S26]",
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
        "step.PP46-WAKTU.efficiency": "{value} %",
        "step.PP46-WAKTU.not_done": "RW = 0: not done, 0",
        "step.PP46-WAKTU.within": "efisiensi ≤ 24 %: ((1.76 × TW − RW) / TW) × 100",
        "step.PP46-WAKTU.beyond": "efisiensi > 24 %: 76 − ((((1.76 × TW − RW) / TW) × 100) − 100)",
        "step.PP46-WAKTU.below_zero": (
            "below 0 as written (the realisation exceeds 1.76 × the target)"
        ),
        "step.PP46-BIAYA.efficiency": "{value} %",
        "step.PP46-BIAYA.not_done": "RB = 0: not done, 0",
        "step.PP46-BIAYA.within": "efisiensi ≤ 24 %: ((1.76 × TB − RB) / TB) × 100",
        "step.PP46-BIAYA.beyond": "efisiensi > 24 %: 76 − ((((1.76 × TB − RB) / TB) × 100) − 100)",
        "step.PP46-BIAYA.below_zero": (
            "below 0 as written (the realisation exceeds 1.76 × the target)"
        ),
        "step.PP46-KEGIATAN.total": "perhitungan {total} / {count}",
        "step.PP46-KEGIATAN.not_done": "not done: every realisation is 0",
    }
)


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
#
# Exact rationals as integer pairs (numerator, denominator > 0; see regimes._common): a Decimal
# input is its ``as_integer_ratio()``, and each formula is written out on the integers. The
# values are those of the Perka's formulas exactly, as with Fraction before.

#: 1.76 × 100 and 100 − 24, as integer pairs.
_NT_PERCENT: Final = EXACT.multiply(NT, Decimal(100)).as_integer_ratio()
_LIMIT_N, _LIMIT_D = EFFICIENCY_LIMIT.as_integer_ratio()
_KEEP_N: Final = 100 * _LIMIT_D - _LIMIT_N  # (100 − 24) × _LIMIT_D


def _percent_of(target: Ratio, realisation: Ratio) -> Ratio:
    """R / T × 100 as a pair with a positive denominator (ZeroDivisionError when T = 0)."""
    tn, td = target
    rn, rd = realisation
    numerator, denominator = 100 * rn * td, rd * tn
    if denominator <= 0:
        if denominator == 0:
            raise ZeroDivisionError("a target of 0 gives no ratio")
        return -numerator, -denominator
    return numerator, denominator


def _within(target: Ratio, realisation: Ratio) -> bool:
    # E <= 24 %  <=>  100 − 100 R / T <= 24  <=>  100 R >= (100 − 24) T   (T > 0)
    tn, td = target
    rn, rd = realisation
    return 100 * rn * td * _LIMIT_D >= _KEEP_N * tn * rd


def _efficiency(target: Ratio, realisation: Ratio) -> Ratio:
    """E = 100 − R / T × 100."""
    numerator, denominator = _percent_of(target, realisation)
    return 100 * denominator - numerator, denominator


def _time_cost(target: Ratio, realisation: Ratio) -> tuple[Ratio, bool]:
    """(value, within the 24 % limit) of the waktu or biaya formula, exactly."""
    if realisation[0] == 0:
        return (0, 1), False
    numerator, denominator = _percent_of(target, realisation)
    # base = ((1.76 × T − R) / T) × 100 = 176 − 100 R / T
    nt_n, nt_d = _NT_PERCENT
    base = (nt_n * denominator - numerator * nt_d, denominator * nt_d)
    if _within(target, realisation):
        return base, True
    # 76 − (base − 100) = 176 − base
    return (176 * base[1] - base[0], base[1]), False


def quantity_value(target: Decimal, realisation: Decimal) -> Decimal:
    """Kuantitas = RO / TO × 100 (Perka BKN 1/2013; [S25][S26]). Not capped at 100."""
    return dec_ratio(*_percent_of(target.as_integer_ratio(), realisation.as_integer_ratio()))


def quality_value(target: Decimal, realisation: Decimal) -> Decimal:
    """Kualitas = RK / TK × 100 (Perka BKN 1/2013; [S25][S26])."""
    return dec_ratio(*_percent_of(target.as_integer_ratio(), realisation.as_integer_ratio()))


def efficiency(target: Decimal, realisation: Decimal) -> Decimal:
    """Efficiency in percent: E = 100 − R / T × 100 (waktu and biaya; Perka BKN 1/2013).

    Negative when the realisation exceeds the target (late, or over budget).
    """
    return dec_ratio(*_efficiency(target.as_integer_ratio(), realisation.as_integer_ratio()))


def within_efficiency_limit(target: Decimal, realisation: Decimal) -> bool:
    """Whether E ≤ 24 %, decided exactly: 100 × R ≥ 76 × T, with no division and no rounding.

    TW = 12, RW = 9.12 gives E = 24 % exactly, inside the limit (binary floats compute
    24.000000000000014 and fall outside: digest §4.6).
    """
    return _within(target.as_integer_ratio(), realisation.as_integer_ratio())


def time_cost_value(target: Decimal, realisation: Decimal) -> Decimal:
    """The waktu (or biaya) aspect value, exactly as the Perka writes it.

    * R = 0 (activity not done): 0;
    * E ≤ 24 %: ((1.76 × T − R) / T) × 100 ("baik sampai sangat baik");
    * E > 24 %: 76 − ((((1.76 × T − R) / T) × 100) − 100) ("cukup sampai buruk").

    Perka BKN 1/2013 [S25][S26][S27]. The value peaks at 100 where R = 76 % of T and drops to
    about 76 just past that point (the formula's own discontinuity). The formula as written
    goes below 0 when R > 1.76 × T; the library keeps it (see :class:`Pp46Config`).
    """
    value, _ = _time_cost(target.as_integer_ratio(), realisation.as_integer_ratio())
    return dec_ratio(*value)


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
class ActivityResult(HasValue):
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
    _exact: Ratio = attrs.field(alias="exact", converter=ratio_field, repr=False)
    """The exact value as (numerator, denominator) in lowest terms, carried to the SKP so
    that nothing is rounded twice (a ``Fraction`` is accepted too)."""

    @property
    def exact(self) -> Fraction:
        """The exact value, before it is stored as a Decimal and shown."""
        return fraction_of(self._exact)

    @property
    def exact_ratio(self) -> Ratio:
        """The exact value as (numerator, denominator) in lowest terms."""
        return self._exact

    def to_dict(self) -> dict[str, Any]:
        """The plain record: the activity's name and each aspect and the value, unrounded
        and as shown (``"kuantitas"``, ``"kuantitas_shown"``...)."""
        return {
            "name": self.activity.name,
            **value_and_shown("kuantitas", self.quantity),
            **value_and_shown("kualitas", self.quality),
            **value_and_shown("waktu_efficiency", self.time_efficiency),
            **value_and_shown("waktu", self.time),
            **value_and_shown("biaya_efficiency", self.cost_efficiency),
            **value_and_shown("biaya", self.cost),
            **value_and_shown("value", self.value),
        }


_TIME_NOTES: Final = {
    letter: (
        f"R{letter} = 0: not done, 0",
        f"efisiensi ≤ 24 %: ((1.76 × T{letter} − R{letter}) / T{letter}) × 100",
        f"efisiensi > 24 %: 76 − ((((1.76 × T{letter} − R{letter}) / T{letter}) × 100) − 100)",
    )
    for letter in "WB"
}
_BELOW_ZERO: Final = "; below 0 as written (the realisation exceeds 1.76 × the target)"
_KUANTITAS: Final = _RULE["PP46-KUANTITAS"]
_KUALITAS: Final = _RULE["PP46-KUALITAS"]
_WAKTU: Final = _RULE["PP46-WAKTU"]
_BIAYA: Final = _RULE["PP46-BIAYA"]
_KEGIATAN: Final = _RULE["PP46-KEGIATAN"]
_ASPEK: Final = ("aspek 1", "aspek 2", "aspek 3", "aspek 4")


def _time_cost_aspect(
    rule: Rule,
    letter: str,
    name: str,
    target: Decimal,
    realisation: Decimal,
    config: Pp46Config,
) -> tuple[Ratio, Decimal, Decimal, Step]:
    """Waktu (``rule`` PP46-WAKTU, ``letter`` W) or biaya (PP46-BIAYA, B): (exact value,
    stored efficiency, stored value, step), with the optional floor at 0.

    The formulas of :func:`_time_cost` and :func:`_efficiency`, with R / T × 100
    (:func:`_percent_of`) computed once for both."""
    t = target.as_integer_ratio()
    r = realisation.as_integer_ratio()
    numerator, denominator = _percent_of(t, r)
    # E = 100 − R / T × 100
    eff = dec_ratio(100 * denominator - numerator, denominator)
    done, inside, outside = _TIME_NOTES[letter]
    if r[0] == 0:
        value: Ratio = (0, 1)
        note = done
    else:
        # base = ((1.76 × T − R) / T) × 100 = 176 − 100 R / T
        nt_n, nt_d = _NT_PERCENT
        value = (nt_n * denominator - numerator * nt_d, denominator * nt_d)
        if _within(t, r):
            note = inside
        else:
            # 76 − (base − 100) = 176 − base
            value = (176 * value[1] - value[0], value[1])
            note = outside
    if config.floor_at_zero and value[0] < 0:
        value = (0, 1)
    stored = dec_ratio(*value)
    if value[0] < 0:  # stored < 0: the denominator is positive
        note += _BELOW_ZERO
    inputs = (
        ("kegiatan", name),
        (f"T{letter}", str(target)),
        (f"R{letter}", str(realisation)),
        ("efisiensi", f"{show(eff)} %"),
    )
    return value, eff, stored, new_step((rule, "hasil_kerja", inputs, show(stored), note))


#: The note of the kuantitas (O) and kualitas (K) steps.
_RATIO_NOTES: Final = {letter: f"R{letter} / T{letter} × 100" for letter in "OK"}


def _ratio_aspect(
    rule: Rule, letter: str, name: str, target: Decimal, realisation: Decimal
) -> tuple[Ratio, Decimal, Step]:
    """Kuantitas (``letter`` O) or kualitas (K): R / T × 100, exact and stored, with its step."""
    value = _percent_of(target.as_integer_ratio(), realisation.as_integer_ratio())
    stored = dec_ratio(*value)
    inputs = (("kegiatan", name), (f"T{letter}", str(target)), (f"R{letter}", str(realisation)))
    return (
        value,
        stored,
        new_step((rule, "hasil_kerja", inputs, show(stored), _RATIO_NOTES[letter])),
    )


def assess_activity(activity: Activity, *, config: Pp46Config = DEFAULT_CONFIG) -> ActivityResult:
    """The aspects of one activity and its *nilai capaian kegiatan* (Perka BKN 1/2013).

    Kuantitas, kualitas and waktu always; biaya when the activity has a cost target. The
    value is the sum of the aspects divided by their number (3 or 4) [S26].
    """
    name = activity.name
    quantity_realisation = activity.quantity_realisation
    quality_realisation = activity.quality_realisation
    time_realisation = activity.time_realisation
    quantity, quantity_dec, quantity_step = _ratio_aspect(
        _KUANTITAS, "O", name, activity.quantity_target, quantity_realisation
    )
    quality, quality_dec, quality_step = _ratio_aspect(
        _KUALITAS, "K", name, activity.quality_target, quality_realisation
    )
    time, time_eff, time_dec, time_step = _time_cost_aspect(
        _WAKTU, "W", name, activity.time_target, time_realisation, config
    )
    steps = [quantity_step, quality_step, time_step]
    # the sum of the aspects over the product of their denominators
    (qn, qd), (kn, kd), (wn, wd) = quantity, quality, time
    total_n = (qn * kd + kn * qd) * wd + wn * qd * kd
    total_d = qd * kd * wd
    # the aspects as shown: the outputs of their steps
    shown = [quantity_step.output, quality_step.output, time_step.output]
    cost_eff: Decimal | None = None
    cost_dec: Decimal | None = None
    # Activity.done: some realisation is not 0 (a Decimal is true when it is not 0)
    done = bool(quantity_realisation or quality_realisation or time_realisation)
    cost_target, cost_realisation = activity.cost_target, activity.cost_realisation
    if cost_target is not None and cost_realisation is not None:
        (cn, cd), cost_eff, cost_dec, cost_step = _time_cost_aspect(
            _BIAYA, "B", name, cost_target, cost_realisation, config
        )
        steps.append(cost_step)
        shown.append(cost_step.output)
        total_n, total_d = total_n * cd + cn * total_d, total_d * cd
        done = done or bool(cost_realisation)
    count = len(shown)
    # the exact value, reduced by the result's converter (ratio_field); the stored Decimal is
    # the same for the pair reduced or not (regimes._common)
    value = (total_n, total_d * count)
    value_dec = dec_ratio(*value)
    total_dec = dec_ratio(total_n, total_d)
    note = f"perhitungan {show(total_dec)} / {count}"
    if not done:
        note += "; not done: every realisation is 0"
    steps.append(
        new_step(
            (
                _KEGIATAN,
                "hasil_kerja",
                (("kegiatan", name), *zip(_ASPEK, shown, strict=False)),
                show(value_dec),
                note,
            )
        )
    )
    return ActivityResult(
        activity=activity,
        quantity=quantity_dec,
        quality=quality_dec,
        time_efficiency=time_eff,
        time=time_dec,
        cost_efficiency=cost_eff,
        cost=cost_dec,
        total=total_dec,
        value=value_dec,
        steps=tuple(steps),
        exact=value,
    )
