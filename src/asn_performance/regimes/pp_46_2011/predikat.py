"""PP 46/2011 predikat: the bands of decision D6 and the conversion to the 2022 scale.

The *sebutan* of the nilai SKP, the nilai perilaku kerja and the nilai prestasi kerja
(Perka BKN 1/2013 [S25]) with the bands of library decision D6 (:func:`predikat_for`), and the
integration table that converts it to the PermenPANRB 6/2022 predikat (digest §5.4;
:func:`to_2022`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Final

from asn_performance._kit.exact import quantize
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled, Labels
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.rating import Predikat
from asn_performance.regimes._common import Ratio, dec_ratio, new_step
from asn_performance.regimes.pp_46_2011._common import PERKA

__all__ = [
    "PREDIKAT_BANDS",
    "RULES",
    "TO_2022",
    "Pp46Predikat",
    "conversion_step",
    "predikat_for",
    "predikat_step",
    "to_2022",
]


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
    def _table(cls) -> Mapping[Pp46Predikat, Labels]:
        return _PP46_LABELS

    @classmethod
    def _noun(cls) -> str:
        return "PP 46/2011 predikat"

    @property
    def rank(self) -> int:
        """4 for Sangat Baik down to 0 for Buruk (an order, not a score)."""
        return len(Pp46Predikat) - 1 - self.position  # defined from Sangat Baik down


_PP46_LABELS: Mapping[Pp46Predikat, Labels] = {
    Pp46Predikat.SANGAT_BAIK: Labels("Sangat Baik", "Very good"),
    Pp46Predikat.BAIK: Labels("Baik", "Good"),
    Pp46Predikat.CUKUP: Labels("Cukup", "Fair"),
    Pp46Predikat.KURANG: Labels("Kurang", "Poor"),
    Pp46Predikat.BURUK: Labels("Buruk", "Bad"),
}

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

#: The rules of this module: the D6 bands and the conversion to 2022.
RULES: tuple[Rule, ...] = (
    Rule(
        "PP46-PREDIKAT",
        "Predikat: > 90 Sangat Baik, > 75 Baik, > 60 Cukup, > 50 Kurang, else Buruk",
        f"{PERKA} (91 ke atas ... 50 ke bawah [S25]); fractions: library decision D6",
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

#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.PP46-PREDIKAT.bands": (
            "> 90 Sangat Baik, > 75 Baik, > 60 Cukup, > 50 Kurang, else Buruk (D6)"
        ),
        "step.PP46-PREDIKAT.exact": "the exact value {exact} is compared, not the {shown} shown",
    }
)
_PREDIKAT: Final = _RULE["PP46-PREDIKAT"]
_TO_2022: Final = _RULE["PP46-TO-2022"]


#: The bands as integer pairs (threshold numerator, denominator, predikat), for exact comparison.
_BANDS: tuple[tuple[int, int, Pp46Predikat], ...] = tuple(
    (*threshold.as_integer_ratio(), predikat) for threshold, predikat in PREDIKAT_BANDS
)
_BAND_NOTE = "> 90 Sangat Baik, > 75 Baik, > 60 Cukup, > 50 Kurang, else Buruk (D6)"


def _predikat_of(numerator: int, denominator: int) -> Pp46Predikat:
    """:func:`predikat_for` of the rational ``numerator / denominator`` (denominator > 0)."""
    for threshold_n, threshold_d, predikat in _BANDS:
        if numerator * threshold_d > threshold_n * denominator:
            return predikat
    return Pp46Predikat.BURUK


def predikat_for(value: Decimal | Fraction) -> Pp46Predikat:
    """The PP 46/2011 predikat of a value (decision D6: > 90, > 75, > 60, > 50, else Buruk).

    The exact value is compared, not the 2-place value shown.
    """
    if isinstance(value, Decimal):
        return _predikat_of(*value.as_integer_ratio())
    return _predikat_of(*Fraction(value).as_integer_ratio())


def predikat_step(
    value: Fraction | Ratio, dimension: str, name: str, stored: Decimal | None = None
) -> tuple[Pp46Predikat, Step]:
    """The predikat of an exact value and the step that records it (``name``: what is banded).

    ``value`` is a :class:`~fractions.Fraction` or a (numerator, denominator > 0) pair;
    ``stored``, when given, is its stored Decimal (``dec`` of it), so that it is not computed
    twice.
    """
    numerator, denominator = value if isinstance(value, tuple) else value.as_integer_ratio()
    predikat = _predikat_of(numerator, denominator)
    note = _BAND_NOTE
    if stored is None:
        stored = dec_ratio(numerator, denominator)
    shown = quantize(stored)
    if _predikat_of(*shown.as_integer_ratio()) is not predikat:
        note += f"; the exact value {stored} is compared, not the {shown} shown"
    return predikat, new_step(
        (_PREDIKAT, dimension, ((name, str(shown)),), predikat.label_id, note)
    )


def to_2022(predikat: Pp46Predikat) -> Predikat:
    """The 2022 predikat of a PP 46/2011 one (integration table, digest §5.4)."""
    return TO_2022[predikat]


def conversion_step(predikat: Pp46Predikat) -> Step:
    """Record the conversion of a PP 46/2011 predikat to the 2022 scale."""
    return new_step(
        (
            _TO_2022,
            "predikat",
            (("predikat PP 46/2011", predikat.label_id),),
            TO_2022[predikat].label_id,
            "",
        )
    )
