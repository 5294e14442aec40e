"""PermenPANRB 8/2021: the *nilai SKP* = nilai kinerja utama + nilai kinerja tambahan.

Utama: each RHK's nilai is the mean of its IKI (:mod:`.nilai`), weighted by its bobot;
tambahan: k (by kategori, :data:`TAMBAHAN_K`) × bobot lingkup penugasan × nilai, the total
capped at 10 (:data:`TAMBAHAN_CAP`) (PermenPANRB 8/2021 Lampiran BAB VI A.1.b.3)-4)
[S13b p.95-96]; :func:`assess_skp`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from asn_performance._kit.exact import to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.plain import decimal_text, value_and_shown
from asn_performance._kit.validate import check_type
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.plan import check_id
from asn_performance.exceptions import InputError, PlanError
from asn_performance.regimes._common import HasValue, dec, mean_of, plain, require_each, show
from asn_performance.regimes.permenpanrb_8_2021._common import LAMPIRAN
from asn_performance.regimes.permenpanrb_8_2021.nilai import IkiResult, Pp30Predikat

__all__ = [
    "RULES",
    "TAMBAHAN_CAP",
    "TAMBAHAN_K",
    "SkpResult",
    "TambahanScore",
    "TambahanWork",
    "UtamaScore",
    "UtamaWork",
    "assess_skp",
    "skp_value",
]

_F0 = Fraction(0)
_F100 = Fraction(100)

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

#: The rules of this module: the utama and tambahan parts and their sum.
RULES: tuple[Rule, ...] = (
    Rule(
        "8/2021-UTAMA",
        "Nilai tertimbang kinerja utama = bobot × nilai / 100; an RHK's nilai is the mean of"
        " its IKI",
        f"{LAMPIRAN}.1.b.3)(a) [S13 p.101]; weights per RHK summing to 100 and the mean of"
        " the IKI: library reading (the stored copies lack the text, UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "8/2021-TAMBAHAN",
        "Nilai tertimbang kinerja tambahan = k × bobot lingkup penugasan / 100 × nilai / 100,"
        " total capped at 10",
        f"{LAMPIRAN}.1.b.3)(b)(3)-(8) [S13b p.95]",
    ),
    Rule(
        "8/2021-NILAI-SKP",
        "Nilai SKP = nilai kinerja utama + nilai kinerja tambahan",
        f"{LAMPIRAN}.1.b.4) [S13b p.95-96]; example p.243 [S13 p.363]",
    ),
)
_RULE = rules_by_id(RULES)


#: (field, whether 0 is allowed, message, rule, fix) of the two percentages of this module.
_WEIGHT_CHECK: Final = (
    "weight",
    False,
    "a weight (bobot) is a percentage above 0 and at most 100",
    "8/2021-UTAMA",
    "give the RHK's bobot in percent; the utama weights sum to 100",
)
_SCOPE_WEIGHT_CHECK: Final = (
    "scope_weight",
    True,
    "a bobot lingkup penugasan is a percentage from 0 to 100",
    "8/2021-TAMBAHAN",
    "give the weight of the assignment's scope in percent",
)


def _percentage(value: object, check: tuple[str, bool, str, str, str]) -> Decimal:
    """A percentage of at most 100, above 0 (or from 0 where allowed), else an InputError."""
    field, zero, message, rule, fix = check
    number = to_decimal(value, field=field)
    if not (number >= 0 if zero else number > 0) or number > 100:
        raise InputError(message, path=field, value=value, rule=rule, fix=fix)
    return number


def _weight(value: object) -> Decimal:
    return _percentage(value, _WEIGHT_CHECK)


def _scope_weight(value: object) -> Decimal:
    return _percentage(value, _SCOPE_WEIGHT_CHECK)


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

    def to_dict(self) -> dict[str, Any]:
        """The plain record: the RHK's id and weight, its indicators, value and weighted
        value (unrounded and as shown)."""
        return {
            "id": self.work.id,
            "weight": decimal_text(self.work.weight),
            "indicators": [iki.to_dict() for iki in self.work.indicators],
            **value_and_shown("value", self.value),
            **value_and_shown("weighted", self.weighted),
        }


@attrs.frozen
class TambahanScore:
    """A kinerja tambahan's factor k and nilai tertimbang, unrounded."""

    work: TambahanWork
    k: Decimal
    weighted: Decimal

    def to_dict(self) -> dict[str, Any]:
        """The plain record: the kinerja tambahan's id, scope weight, indicator, ``k`` and
        weighted value (unrounded and as shown)."""
        return {
            "id": self.work.id,
            "scope_weight": decimal_text(self.work.scope_weight),
            "indicator": self.work.indicator.to_dict(),
            "k": decimal_text(self.k),
            **value_and_shown("weighted", self.weighted),
        }


@attrs.frozen
class SkpResult(HasValue):
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

    @property
    def exact(self) -> Fraction:
        """The exact value, before it is stored as a Decimal and shown."""
        return self._exact

    """The exact nilai SKP, carried to the nilai kinerja."""

    def to_dict(self) -> dict[str, Any]:
        """The plain record: the RHK utama and kinerja tambahan scores, nilai KU, the
        tambahan total and nilai KT (unrounded and as shown)."""
        return {
            "utama": [score.to_dict() for score in self.utama],
            "tambahan": [score.to_dict() for score in self.tambahan],
            **value_and_shown("nilai_ku", self.nilai_ku),
            **value_and_shown("tambahan_total", self.tambahan_total),
            **value_and_shown("nilai_kt", self.nilai_kt),
        }


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
    return dec(ku), dec(kt), dec(total)


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
        require_each(
            items,
            kind,
            path=name,
            message=f"must hold {kind.__name__} objects",
            fix=f"pass {kind.__name__} objects",
        )
    total_weight = sum((Fraction(work.weight) for work in main), _F0)
    if total_weight != _F100:
        raise PlanError(
            f"the weights of the RHK utama sum to {plain(dec(total_weight))}, not 100",
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
        value = mean_of([iki.exact_value for iki in work.indicators])
        weighted = value * Fraction(work.weight) / _F100
        utama_exact.append(weighted)
        scores.append(UtamaScore(work, dec(value), dec(weighted)))
        steps.append(
            Step(
                _RULE["8/2021-UTAMA"],
                "hasil_kerja",
                (
                    ("RHK", work.id),
                    ("bobot", f"{work.weight} %"),
                    *((f"nilai {iki.id}", show(iki.value)) for iki in work.indicators),
                ),
                show(dec(weighted)),
                f"{work.weight} % × mean {show(dec(value))}",
            )
        )
    extras: list[TambahanScore] = []
    tambahan_exact: list[Fraction] = []
    for item in extra:
        iki = item.indicator
        steps.extend(iki.steps)
        k = TAMBAHAN_K[iki.category]
        weighted = Fraction(k) * Fraction(item.scope_weight) * iki.exact_value / 10000
        tambahan_exact.append(weighted)
        extras.append(TambahanScore(item, k, dec(weighted)))
        steps.append(
            Step(
                _RULE["8/2021-TAMBAHAN"],
                "hasil_kerja",
                (
                    ("tambahan", item.id),
                    ("kategori", iki.category.label_id),
                    ("bobot lingkup penugasan", f"{item.scope_weight} %"),
                    ("nilai capaian IKI", show(iki.value)),
                ),
                show(dec(weighted)),
                f"{k} × {item.scope_weight} / 100 × {show(iki.value)} / 100",
            )
        )
    tambahan_total = sum(tambahan_exact, _F0)
    ku, kt, total = _skp_value(utama_exact, tambahan_exact)
    note = "nilai KU + nilai KT"
    if tambahan_total > Fraction(TAMBAHAN_CAP):
        note += f"; tambahan {show(dec(tambahan_total))} capped at 10"
    steps.append(
        Step(
            _RULE["8/2021-NILAI-SKP"],
            "hasil_kerja",
            (("nilai KU", show(dec(ku))), ("nilai KT", show(dec(kt)))),
            show(dec(total)),
            note,
        )
    )
    return SkpResult(
        utama=tuple(scores),
        tambahan=tuple(extras),
        nilai_ku=dec(ku),
        tambahan_total=dec(tambahan_total),
        nilai_kt=dec(kt),
        value=dec(total),
        steps=tuple(steps),
        exact=total,
    )
