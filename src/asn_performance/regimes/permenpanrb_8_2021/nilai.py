"""PermenPANRB 8/2021: the *kategori* and *nilai capaian IKI* of an indicator.

The capaian of :mod:`.capaian`, rounded to a whole percent (D13), gives both the kategori
(:class:`Pp30Predikat`) and the nilai capaian IKI from :data:`NILAI_CAPAIAN_TABLE`
(PermenPANRB 8/2021 Lampiran BAB VI A.1.b.2)(d)-(i) [S13 p.101]; the 101-110 % interpolation is
library decision D9). :func:`assess_iki` records the whole chain of one indicator.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, NamedTuple

import attrs

from asn_performance._kit.exact import CONTEXT, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.plain import decimal_text, value_and_shown
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.plan import Direction, Target
from asn_performance.exceptions import InputError
from asn_performance.regimes._common import (
    HasValue,
    Ratio,
    dec_ratio,
    fraction_of,
    new_step,
    ratio_field,
    require,
    show,
)
from asn_performance.regimes.permenpanrb_8_2021._common import LAMPIRAN
from asn_performance.regimes.permenpanrb_8_2021.capaian_iki import (
    as_direction,
    as_target,
    formula_ratio,
    iki_capaian_steps,
    target_used,
    whole_of,
)

__all__ = [
    "NILAI_CAPAIAN_TABLE",
    "RULES",
    "Band",
    "IkiResult",
    "Pp30Predikat",
    "assess_iki",
    "nilai_capaian",
]


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
    def _table(cls) -> Mapping[Pp30Predikat, Labels]:
        return _PP30_LABELS

    @classmethod
    def _noun(cls) -> str:
        return "PP 30/2019 predikat"

    @property
    def rank(self) -> int:
        """4 for Sangat Baik down to 0 for Sangat Kurang (an order, not a score)."""
        return len(Pp30Predikat) - 1 - self.position  # defined from Sangat Baik down


_PP30_LABELS: Mapping[Pp30Predikat, Labels] = {
    Pp30Predikat.SANGAT_BAIK: Labels("Sangat Baik", "Very good"),
    Pp30Predikat.BAIK: Labels("Baik", "Good"),
    Pp30Predikat.CUKUP: Labels(
        "Cukup", "Fair", ("butuh perbaikan", "perlu perbaikan", "cukup/butuh perbaikan")
    ),
    Pp30Predikat.KURANG: Labels("Kurang", "Poor"),
    Pp30Predikat.SANGAT_KURANG: Labels("Sangat Kurang", "Very poor"),
}


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

#: The rules of this module: the table and letter (i).
RULES: tuple[Rule, ...] = (
    Rule(
        "8/2021-NILAI-IKI",
        "Kategori and nilai capaian IKI from the capaian",
        f"{LAMPIRAN}.1.b.2)(d)-(h) [S13 p.101]; 101-110 % interpolation: library decision D9"
        " (near-confirmed, six implementations)",
    ),
    Rule(
        "8/2021-MAX-ATTAINABLE",
        "Capaian 100 % of the maximum attainable target: Sangat Baik, 120",
        f"{LAMPIRAN}.1.b.2)(i) [S13 p.101]",
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
        "step.8/2021-NILAI-IKI.percent": "{value} %",
        "step.8/2021-NILAI-IKI.result": "{category}, {value}",
        "step.8/2021-NILAI-IKI.d9": "{band} (decision D9)",
        "step.8/2021-MAX-ATTAINABLE.percent": "{value} %",
        "step.8/2021-MAX-ATTAINABLE.result": "{category}, {value}",
        "step.8/2021-MAX-ATTAINABLE.note": "100 % of the maximum attainable target",
    }
)


def _line(band: Band) -> tuple[int, int, int]:
    """(a, b, d): the band's value at a whole percent w is (a + b × w) / d, exactly: the value
    at its lowest percent plus the slope × (w − lowest), or the value at its lowest percent
    for a band without a slope."""
    low = Fraction(band.value_at_lowest)
    if band.highest is None or band.highest == band.lowest:
        return low.numerator, 0, low.denominator
    slope = (Fraction(band.value_at_highest) - low) / (
        Fraction(band.highest) - Fraction(band.lowest)
    )
    start = low - slope * Fraction(band.lowest)
    return (
        start.numerator * slope.denominator,
        slope.numerator * start.denominator,
        start.denominator * slope.denominator,
    )


class _Row(NamedTuple):
    """A band of :data:`NILAI_CAPAIAN_TABLE` with what the computation needs of it, computed
    once (the table is constant): its lowest percent as an integer pair, its line
    (:func:`_line`), the note of its step (:func:`_band_note`) and its kategori's label. Built
    at the end of the module (:data:`_ROWS`)."""

    lowest_n: int
    lowest_d: int
    line: tuple[int, int, int]
    band: Band
    note: str
    label: str
    """The Indonesian label of the band's kategori, as the step writes it."""


_MAX_ATTAINABLE: Final = (Pp30Predikat.SANGAT_BAIK, (120, 1))
#: Whole numbers below this have at most 28 digits: the stored Decimal is the number itself.
_EXACT_WHOLE: Final = 10**28
_MAX_ATTAINABLE_RULE: Final = _RULE["8/2021-MAX-ATTAINABLE"]
_NILAI_IKI: Final = _RULE["8/2021-NILAI-IKI"]


def _row(whole: int) -> _Row:
    for row in _ROWS:
        if whole * row.lowest_d >= row.lowest_n:
            return row
    raise InputError(  # pragma: no cover - capaian is never negative
        "a capaian cannot be negative",
        path="capaian",
        value=str(whole),
        rule="8/2021-NILAI-IKI",
        fix="check the realisation and the target",
    )


def _nilai(whole: int, max_attainable: bool) -> tuple[Pp30Predikat, Ratio]:
    """The kategori and the exact nilai (an integer pair) of a whole-percent capaian."""
    if max_attainable and whole == 100:
        return _MAX_ATTAINABLE
    row = _row(whole)
    start, slope, denominator = row.line
    return row.band.category, (start + slope * whole, denominator)


def nilai_capaian(
    whole_percent: Decimal, *, max_attainable: bool = False
) -> tuple[Pp30Predikat, Decimal]:
    """Kategori and *nilai capaian IKI* for a capaian already rounded to a whole percent.

    Reads :data:`NILAI_CAPAIAN_TABLE` (Lampiran (d)-(h)); ``max_attainable`` applies letter
    (i): a capaian of 100 % of a target that is the maximum attainable is Sangat Baik, 120.
    """
    exact = whole_percent if isinstance(whole_percent, Decimal) else Fraction(whole_percent)
    numerator, denominator = exact.as_integer_ratio()
    if denominator != 1:
        raise InputError(
            "nilai capaian reads a whole-percent capaian (round it first, decision D13)",
            path="capaian",
            value=str(whole_percent),
            rule="D13-CAPAIAN-ROUNDING",
            fix="pass round_capaian(capaian)",
        )
    category, value = _nilai(numerator, max_attainable)
    return category, dec_ratio(*value)


@attrs.frozen
class IkiResult(HasValue):
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
    _exact_capaian: Ratio = attrs.field(alias="exact_capaian", converter=ratio_field, repr=False)
    """The exact capaian as (numerator, denominator) in lowest terms (a ``Fraction`` is
    accepted too)."""
    _exact_value: Ratio = attrs.field(alias="exact_value", converter=ratio_field, repr=False)
    """The exact value as (numerator, denominator) in lowest terms (a ``Fraction`` is
    accepted too)."""

    @property
    def exact_value(self) -> Fraction:
        """The exact value, before it is stored as a Decimal and shown."""
        return fraction_of(self._exact_value)

    @property
    def value_ratio(self) -> Ratio:
        """The exact value as (numerator, denominator) in lowest terms."""
        return self._exact_value

    def to_dict(self) -> dict[str, Any]:
        """The plain record: the target as written, the realisation, the direction, the
        target used, the capaian (unrounded and as shown), the category and the value."""
        return {
            "id": self.id,
            "target": str(self.target),
            "realisation": decimal_text(self.realisation),
            "direction": self.direction.code,
            "target_used": decimal_text(self.target_used),
            **value_and_shown("capaian", self.capaian),
            "capaian_percent": decimal_text(self.capaian_percent),
            "category": self.category.code,
            **value_and_shown("value", self.value),
        }


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
    if max_attainable is not True and max_attainable is not False:
        require(
            max_attainable,
            bool,
            path="max_attainable",
            message="max_attainable is True or False",
            fix="pass a bool",
        )
    goal = target if isinstance(target, Target) else as_target(target)
    real = to_decimal(realisation, field="realisation", allow_negative=False)
    way = direction if isinstance(direction, Direction) else as_direction(direction)
    used = target_used(goal, real)
    lower = way is Direction.LOWER_IS_BETTER
    exact = (100, 1) if used is None else formula_ratio(goal, used, real, lower)
    whole = whole_of(*exact)
    # a whole number of at most 28 digits is stored exactly: Decimal(whole) is dec_ratio(whole, 1)
    whole_dec = Decimal(whole) if whole < _EXACT_WHOLE else dec_ratio(whole, 1)
    stored = dec_ratio(*exact)
    capaian_steps = iki_capaian_steps(id, goal, real, way, used, stored, whole_dec)
    # the whole-percent capaian as the D13 rounding step (the last of them) wrote it
    at = ("capaian", capaian_steps[-1].output)
    if max_attainable and whole == 100:
        category, value = _MAX_ATTAINABLE
        value_dec = dec_ratio(*value)
        last = new_step(
            (
                _MAX_ATTAINABLE_RULE,
                "hasil_kerja",
                (("IKI", id), at),
                f"{category.label_id}, 120",
                "100 % of the maximum attainable target",
            )
        )
    else:
        row = _row(whole)
        start, slope, denominator = row.line
        category = row.band.category
        value = (start + slope * whole, denominator)
        value_dec = dec_ratio(*value)
        last = new_step(
            (
                _NILAI_IKI,
                "hasil_kerja",
                (("IKI", id), at),
                f"{row.label}, {show(value_dec)}",
                row.note,
            )
        )
    return IkiResult(
        id=id,
        target=goal,
        realisation=real,
        direction=way,
        target_used=used,
        capaian=stored,
        capaian_percent=whole_dec,
        category=category,
        value=value_dec,
        max_attainable=max_attainable,
        steps=(*capaian_steps, last),
        exact_capaian=exact,
        exact_value=value,
    )


def _band_note(band: Band) -> str:
    if band.highest is None:
        return f"> {CONTEXT.subtract(band.lowest, 1)} %: {band.value_at_lowest}"
    if band.highest == band.lowest:
        return f"{band.lowest} %: {band.value_at_lowest}"
    formula = (
        f"{band.value_at_lowest} + ({band.value_at_highest} − {band.value_at_lowest}) /"
        f" ({band.highest} % − {band.lowest} %) × (capaian − {band.lowest} %)"
    )
    if band.lowest == Decimal(101):
        formula += " (decision D9)"
    return f"{band.lowest}-{band.highest} %: {formula}"


#: The rows of :data:`NILAI_CAPAIAN_TABLE`, highest first (see :class:`_Row`).
_ROWS: Final = tuple(
    _Row(
        *band.lowest.as_integer_ratio(),
        _line(band),
        band,
        _band_note(band),
        band.category.label_id,
    )
    for band in NILAI_CAPAIAN_TABLE
)


def _check_iki_id(value: object) -> None:
    if not isinstance(value, str) or not value or value != value.strip() or len(value) > 100:
        raise InputError(
            "an identifier is non-empty text of at most 100 characters, without surrounding spaces",
            path="id",
            value=value,
            rule="ID",
            fix="give a short identifier such as 'iki-1'",
        )
