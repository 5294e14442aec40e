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
from asn_performance.regimes._common import (
    HasValue,
    Ratio,
    dec_ratio,
    fraction_of,
    new_step,
    plain,
    ratio_field,
    require_each,
    show,
)
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

#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.8/2021-UTAMA.percent": "{weight} %",
        "step.8/2021-UTAMA.note": "{weight} % × mean {mean}",
        "step.8/2021-TAMBAHAN.percent": "{weight} %",
        "step.8/2021-TAMBAHAN.note": "{k} × {scope} / 100 × {nilai} / 100",
        "step.8/2021-NILAI-SKP.capped": "tambahan {value} capped at 10",
    }
)
_UTAMA: Final = _RULE["8/2021-UTAMA"]
_TAMBAHAN: Final = _RULE["8/2021-TAMBAHAN"]
_NILAI_SKP: Final = _RULE["8/2021-NILAI-SKP"]


_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)


def _percentage(
    value: object, field: str, *, zero: bool, message: str, rule: str, fix: str
) -> Decimal:
    """A percentage of at most 100, above 0 (or from 0 where ``zero``), else an InputError
    with ``message`` and ``fix`` (written at the call, so that the catalogues hold them)."""
    number = to_decimal(value, field=field)
    if not (number >= _ZERO if zero else number > _ZERO) or number > _HUNDRED:
        raise InputError(message, path=field, value=value, rule=rule, fix=fix)
    return number


def _weight(value: object) -> Decimal:
    return _percentage(
        value,
        "weight",
        zero=False,
        message="a weight (bobot) is a percentage above 0 and at most 100",
        rule="8/2021-UTAMA",
        fix="give the RHK's bobot in percent; the utama weights sum to 100",
    )


def _scope_weight(value: object) -> Decimal:
    return _percentage(
        value,
        "scope_weight",
        zero=True,
        message="a bobot lingkup penugasan is a percentage from 0 to 100",
        rule="8/2021-TAMBAHAN",
        fix="give the weight of the assignment's scope in percent",
    )


def _iki_tuple(value: object) -> object:
    if isinstance(value, IkiResult):
        return (value,)
    if isinstance(value, list):
        return tuple(value)
    return value


def _check_ikis(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, tuple) and value:
        for item in value:
            if not isinstance(item, IkiResult):
                break
        else:
            return
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
    _exact: Ratio = attrs.field(alias="exact", converter=ratio_field, repr=False)
    """The exact nilai SKP as (numerator, denominator) in lowest terms, carried to the nilai
    kinerja (a ``Fraction`` is accepted too)."""

    @property
    def exact(self) -> Fraction:
        """The exact value, before it is stored as a Decimal and shown."""
        return fraction_of(self._exact)

    @property
    def exact_ratio(self) -> Ratio:
        """The exact value as (numerator, denominator) in lowest terms."""
        return self._exact

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
            to_decimal(v, field=f"utama_weighted[{i}]", allow_negative=False).as_integer_ratio()
            for i, v in enumerate(utama_weighted)
        ],
        [
            to_decimal(v, field=f"tambahan_weighted[{i}]", allow_negative=False).as_integer_ratio()
            for i, v in enumerate(tambahan_weighted)
        ],
    )
    return dec_ratio(*ku), dec_ratio(*kt), dec_ratio(*total)


_CAP: Final = TAMBAHAN_CAP.as_integer_ratio()


def _sum(values: Iterable[Ratio]) -> Ratio:
    """The exact sum of integer pairs (numerator, denominator > 0)."""
    numerator, denominator = 0, 1
    for n, d in values:
        numerator, denominator = numerator * d + n * denominator, denominator * d
    return numerator, denominator


def _mean(indicators: Sequence[IkiResult]) -> Ratio:
    """The exact mean of the IKI values (numerator, denominator > 0), in one loop."""
    numerator, denominator = 0, 1
    for iki in indicators:
        n, d = iki.value_ratio
        numerator, denominator = numerator * d + n * denominator, denominator * d
    return numerator, denominator * len(indicators)


def _skp_value(utama: Sequence[Ratio], tambahan: Sequence[Ratio]) -> tuple[Ratio, Ratio, Ratio]:
    """(nilai KU, nilai KT, nilai SKP), exactly: the sums, the tambahan capped at 10."""
    ku_n, ku_d = _sum(utama)
    kt_n, kt_d = _sum(tambahan)
    if kt_n * _CAP[1] > _CAP[0] * kt_d:
        kt_n, kt_d = _CAP
    return (ku_n, ku_d), (kt_n, kt_d), (ku_n * kt_d + kt_n * ku_d, ku_d * kt_d)


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
    # the messages are written once, not formatted again on every call
    require_each(
        main,
        UtamaWork,
        path="utama",
        message="must hold UtamaWork objects",
        fix="pass UtamaWork objects",
    )
    if extra:
        require_each(
            extra,
            TambahanWork,
            path="tambahan",
            message="must hold TambahanWork objects",
            fix="pass TambahanWork objects",
        )
    weight_n, weight_d = _sum(work.weight.as_integer_ratio() for work in main)
    if weight_n != 100 * weight_d:
        raise PlanError(
            f"the weights of the RHK utama sum to {plain(dec_ratio(weight_n, weight_d))}, not 100",
            path="utama",
            value=[str(work.weight) for work in main],
            rule="8/2021-UTAMA",
            fix="give weights (bobot, %) that sum to 100",
        )
    steps: list[Step] = []
    scores: list[UtamaScore] = []
    utama_exact: list[Ratio] = []
    for work in main:
        indicators = work.indicators
        for iki in indicators:
            steps.extend(iki.steps)
        # the mean of the IKI values, then × bobot / 100
        mean_n, mean_d = _mean(indicators)
        weight = work.weight
        w_n, w_d = weight.as_integer_ratio()
        weighted = (mean_n * w_n, mean_d * w_d * 100)
        utama_exact.append(weighted)
        value_dec = dec_ratio(mean_n, mean_d)
        weighted_dec = dec_ratio(*weighted)
        scores.append(UtamaScore(work, value_dec, weighted_dec))
        steps.append(
            new_step(
                (
                    _UTAMA,
                    "hasil_kerja",
                    (
                        ("RHK", work.id),
                        ("bobot", f"{weight} %"),
                        *[(f"nilai {iki.id}", show(iki.value)) for iki in indicators],
                    ),
                    show(weighted_dec),
                    f"{weight} % × mean {show(value_dec)}",
                )
            )
        )
    extras: list[TambahanScore] = []
    tambahan_exact: list[Ratio] = []
    for item in extra:
        iki = item.indicator
        steps.extend(iki.steps)
        k = TAMBAHAN_K[iki.category]
        k_n, k_d = k.as_integer_ratio()
        s_n, s_d = item.scope_weight.as_integer_ratio()
        v_n, v_d = iki.value_ratio
        weighted = (k_n * s_n * v_n, k_d * s_d * v_d * 10000)
        tambahan_exact.append(weighted)
        weighted_dec = dec_ratio(*weighted)
        extras.append(TambahanScore(item, k, weighted_dec))
        iki_shown = show(iki.value)
        steps.append(
            new_step(
                (
                    _TAMBAHAN,
                    "hasil_kerja",
                    (
                        ("tambahan", item.id),
                        ("kategori", iki.category.label_id),
                        ("bobot lingkup penugasan", f"{item.scope_weight} %"),
                        ("nilai capaian IKI", iki_shown),
                    ),
                    show(weighted_dec),
                    f"{k} × {item.scope_weight} / 100 × {iki_shown} / 100",
                )
            )
        )
    tambahan_n, tambahan_d = _sum(tambahan_exact)
    ku, kt, total = _skp_value(utama_exact, tambahan_exact)
    tambahan_dec = dec_ratio(tambahan_n, tambahan_d)
    total_dec = dec_ratio(*total)
    ku_dec = dec_ratio(*ku)
    kt_dec = dec_ratio(*kt)
    note = "nilai KU + nilai KT"
    if tambahan_n * _CAP[1] > _CAP[0] * tambahan_d:
        note += f"; tambahan {show(tambahan_dec)} capped at 10"
    steps.append(
        new_step(
            (
                _NILAI_SKP,
                "hasil_kerja",
                (("nilai KU", show(ku_dec)), ("nilai KT", show(kt_dec))),
                show(total_dec),
                note,
            )
        )
    )
    return SkpResult(
        utama=tuple(scores),
        tambahan=tuple(extras),
        nilai_ku=ku_dec,
        tambahan_total=tambahan_dec,
        nilai_kt=kt_dec,
        value=total_dec,
        steps=tuple(steps),
        exact=total,
    )
