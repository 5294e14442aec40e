"""PP 30/2019: the *nilai kinerja* (70/30 or 60/40), the Pasal 41(5) predikat and its conversion.

Nilai kinerja = 70 % SKP + 30 % perilaku, or 60 % + 40 % where the instansi assesses behaviour
with the opinion of peers and direct subordinates (PP 30/2019 Pasal 41(2)-(4) [S10];
:func:`performance_value`); the predikat of Pasal 41(5), Sangat Baik only with an innovation
(:func:`predikat_for`), and its conversion to the 2022 scale (Cukup → Butuh Perbaikan;
:func:`to_2022`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from asn_performance._kit.exact import quantize, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.plain import decimal_text, value_and_shown
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError
from asn_performance.regimes._common import HasValue, Ratio, dec_ratio, new_step, require, show
from asn_performance.regimes.permenpanrb_8_2021.nilai import Pp30Predikat
from asn_performance.regimes.permenpanrb_8_2021.skp import TAMBAHAN_CAP, SkpResult

__all__ = [
    "KINERJA_WEIGHTS",
    "PREDIKAT_THRESHOLDS",
    "RULES",
    "TO_2022",
    "KinerjaResult",
    "conversion_step",
    "performance_value",
    "predikat_for",
    "to_2022",
]

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
_SKP_MAX: Final = Decimal(120) + TAMBAHAN_CAP
#: The range of a nilai perilaku kerja (the scale of Pasal 41(5)).
_PERILAKU_MAX: Final = Decimal(120)

#: The rules of this module: the weighted sum, the predikat and the conversion.
RULES: tuple[Rule, ...] = (
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

#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.PP30-NILAI-KINERJA.with_peers": (
            "Pasal 41(4): the instansi assesses behaviour with peer and subordinate input"
        ),
        "step.PP30-NILAI-KINERJA.without_peers": (
            "Pasal 41(3): the instansi does not assess behaviour with peer and subordinate input"
        ),
        "step.PP30-PREDIKAT.innovation": "innovation shown: Sangat Baik",
        "step.PP30-PREDIKAT.no_innovation": "innovation not shown: Baik",
        "step.PP30-PREDIKAT.above_120": (
            "the value exceeds the 120 of Pasal 41(5) and is banded as the top band"
        ),
        "step.PP30-PREDIKAT.exact": "the exact value {exact} is compared, not the {shown} shown",
    }
)
_TO_2022: Final = _RULE["PP30-TO-2022"]
_NILAI_KINERJA: Final = _RULE["PP30-NILAI-KINERJA"]
_PREDIKAT: Final = _RULE["PP30-PREDIKAT"]


#: The thresholds as integer pairs (numerator, denominator, predikat), for exact comparison.
_THRESHOLDS: tuple[tuple[int, int, Pp30Predikat], ...] = tuple(
    (*threshold.as_integer_ratio(), predikat) for threshold, predikat in PREDIKAT_THRESHOLDS
)


def _predikat_of(value: Ratio, innovation: bool) -> Pp30Predikat:
    """:func:`predikat_for` of an integer pair (numerator, denominator > 0)."""
    numerator, denominator = value
    for threshold_n, threshold_d, predikat in _THRESHOLDS:
        if numerator * threshold_d >= threshold_n * denominator:
            if predikat is Pp30Predikat.SANGAT_BAIK and not innovation:
                return Pp30Predikat.BAIK
            return predikat
    return Pp30Predikat.SANGAT_KURANG


def predikat_for(value: Decimal | Fraction, *, innovation: bool = False) -> Pp30Predikat:
    """The predikat of a nilai kinerja (PP 30/2019 Pasal 41(5)).

    Sangat Baik needs 110 or more **and** an innovation ("menciptakan ide baru dan/atau cara
    baru dalam peningkatan kinerja yang memberi manfaat bagi organisasi atau negara");
    without it, 110 or more is Baik. The exact value is compared.
    """
    exact = value if isinstance(value, Decimal) else Fraction(value)
    return _predikat_of(exact.as_integer_ratio(), innovation)


def to_2022(predikat: Pp30Predikat) -> Predikat:
    """The 2022 predikat of a PP 30/2019 one (Cukup → Butuh Perbaikan; digest §5.4)."""
    return TO_2022[predikat]


def conversion_step(predikat: Pp30Predikat) -> Step:
    """Record the conversion of a PP 30/2019 predikat to the 2022 scale."""
    return new_step(
        (
            _TO_2022,
            "predikat",
            (("predikat PP 30/2019", predikat.label_id),),
            TO_2022[predikat].label_id,
            "",
        )
    )


@attrs.frozen
class KinerjaResult(HasValue):
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

    def to_dict(self) -> dict[str, Any]:
        """The plain record: the SKP (``None`` when given by its value), the values and
        weights, the innovation condition, the value (unrounded and as shown), the predikat."""
        skp = self.skp
        return {
            "skp": None if skp is None else skp.to_dict(),
            **value_and_shown("skp_value", self.skp_value),
            **value_and_shown("behaviour_value", self.behaviour_value),
            "with_peer_input": self.with_peer_input,
            "skp_weight": decimal_text(self.skp_weight),
            "behaviour_weight": decimal_text(self.behaviour_weight),
            "innovation": self.innovation,
            **value_and_shown("value", self.value),
            "predikat": self.predikat.code,
        }


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
    # a flag that is not True or False is not a bool (bool has no subclasses)
    if with_peer_input is not True and with_peer_input is not False:
        require(
            with_peer_input,
            bool,
            path="with_peer_input",
            message="with_peer_input is True or False",
            fix="pass a bool",
        )
    if innovation is not True and innovation is not False:
        require(
            innovation,
            bool,
            path="innovation",
            message="innovation is True or False",
            fix="pass a bool",
        )
    result = skp if isinstance(skp, SkpResult) else None
    skp_number = _bounded(result.value if result else skp, "nilai_skp", _SKP_MAX)
    skp_n, skp_d = result.exact_ratio if result else skp_number.as_integer_ratio()
    behaviour_number = _bounded(behaviour, "nilai_perilaku", _PERILAKU_MAX)
    skp_weight, behaviour_weight = KINERJA_WEIGHTS[with_peer_input]
    # (SKP × bobot SKP + perilaku × bobot perilaku) / 100, exactly
    sw_n, sw_d = skp_weight.as_integer_ratio()
    bw_n, bw_d = behaviour_weight.as_integer_ratio()
    b_n, b_d = behaviour_number.as_integer_ratio()
    first_d = skp_d * sw_d
    second_d = b_d * bw_d
    exact = (
        skp_n * sw_n * second_d + b_n * bw_n * first_d,
        first_d * second_d * 100,
    )
    value = dec_ratio(*exact)
    value_text = show(value)
    steps: list[Step] = list(result.steps) if result else []
    basis = (
        "Pasal 41(4): the instansi assesses behaviour with peer and subordinate input"
        if with_peer_input
        else "Pasal 41(3): the instansi does not assess behaviour with peer and subordinate input"
    )
    steps.append(
        new_step(
            (
                _NILAI_KINERJA,
                "",
                (
                    ("nilai SKP", show(skp_number)),
                    ("nilai perilaku", show(behaviour_number)),
                    ("bobot", f"{skp_weight}/{behaviour_weight}"),
                ),
                value_text,
                basis,
            )
        )
    )
    predikat = _predikat_of(exact, innovation)
    note = "Pasal 41(5)"
    if exact[0] >= 110 * exact[1]:
        note += "; innovation " + ("shown: Sangat Baik" if innovation else "not shown: Baik")
    if exact[0] > 120 * exact[1]:
        note += "; the value exceeds the 120 of Pasal 41(5) and is banded as the top band"
    shown = quantize(value)
    if _predikat_of(shown.as_integer_ratio(), innovation) is not predikat:
        note += f"; the exact value {value} is compared, not the {shown} shown"
    steps.append(
        new_step(
            (
                _PREDIKAT,
                "predikat",
                (("nilai kinerja", value_text), ("inovasi", "ya" if innovation else "tidak")),
                predikat.label_id,
                note,
            )
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
