"""Angka kredit from the predikat (PermenPANRB 1/2023 Pasal 36; PerBKN 3/2023).

Part of what follows a predikat (PermenPANRB 6/2022 Pasal 5, *tindak lanjut*; see
:mod:`asn_performance.consequences`): :data:`AK_PERCENTAGE`, :data:`KOEFISIEN`,
:data:`AK_MINIMUM`; :func:`angka_kredit` (prorated by months, :func:`months_of`),
:func:`accumulate` (full precision carried, shown to 2 places, decision D5) and
:func:`reaches_minimum`.

Every value is a :class:`~decimal.Decimal` computed in :data:`~asn_performance._kit.exact.CONTEXT`
at full precision; rounding happens once, where a value is shown (decision D5): angka kredit to
2 places, ``ROUND_HALF_UP``. The rules recorded in the steps are :data:`AK_RULES`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from asn_performance._kit.exact import CONTEXT, quantize, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.validate import expect_each
from asn_performance.consequences._common import (
    Cited,
    carried,
    non_negative,
    parse_jenjang,
    parse_predikat,
    pct,
    period_code,
    period_inputs,
    plain,
    whole,
)
from asn_performance.domain.employee import Jenjang
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.period import Period
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError

__all__ = [
    "AK_MINIMUM",
    "AK_PERCENTAGE",
    "AK_RULES",
    "KOEFISIEN",
    "AkMinimum",
    "AkPurpose",
    "AngkaKreditResult",
    "AngkaKreditTotal",
    "MinimumCheck",
    "accumulate",
    "angka_kredit",
    "months_of",
    "reaches_minimum",
]

#: The rules this module records. Source tags ``[Sx]`` refer to the list in
#: ``docs/explanation/rewards.md``.
AK_RULES: tuple[Rule, ...] = (
    Rule(
        "AK-CONVERSION",
        "Angka kredit from the predikat (months/12 × percentage × koefisien)",
        "PermenPANRB 1/2023 Pasal 36 (150/100/75/50/25 %) [S16]; PerBKN 3/2023 (annual"
        " koefisien per jenjang; AK = jumlah bulan/12 × % predikat × koefisien) [S17][S18b]",
    ),
    Rule(
        "AK-ACCUMULATION",
        "Angka kredit accumulated over periods with full precision",
        "PerBKN 3/2023 (BKN technical slides: accumulation table, 18.75 + 2.08 = 20.83) [S17];"
        " full precision carried and shown to 2 places half-up: library decision D5 (the"
        " official rounding rule is UNCONFIRMED)",
    ),
    Rule(
        "AK-MINIMUM",
        "AK kumulatif minimal for kenaikan pangkat or jenjang",
        "PerBKN 3/2023, model konversi: AK kumulatif minimal per jenjang [S18b]",
    ),
)
_RULE = rules_by_id(AK_RULES)

#: The note of a value carried with full precision (the two parts of it in STEP_PHRASES).
_CARRIED_NOTE: Final = "full precision carried; shown to 2 places, half-up (D5)"


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.AK-CONVERSION.period": "period",
        "step.AK-CONVERSION.months": "months",
        "step.AK-CONVERSION.percentage": "percentage",
        "step.AK-CONVERSION.percent": "{percent} %",
        "step.AK-CONVERSION.value": "{months}/12 × {percent} % × {koefisien} = {value}",
        "step.AK-CONVERSION.shown": (
            "{months}/12 × {percent} % × {koefisien} = {value} (shown {shown})"
        ),
        "step.AK-CONVERSION.cut_shown": (
            "{months}/12 × {percent} % × {koefisien} = {value}… (shown {shown})"
        ),
        "step.AK-CONVERSION.carried": "full precision carried",
        "step.AK-CONVERSION.half_up": "shown to 2 places, half-up (D5)",
        "step.AK-ACCUMULATION.start": "start",
        "step.AK-ACCUMULATION.cut": "{value}…",
        "step.AK-ACCUMULATION.shown": "{value} (shown {shown})",
        "step.AK-ACCUMULATION.cut_shown": "{value}… (shown {shown})",
        "step.AK-ACCUMULATION.carried": "full precision carried",
        "step.AK-ACCUMULATION.half_up": "shown to 2 places, half-up (D5)",
        "step.AK-ACCUMULATION.per_period": (
            "adding the per-period values as shown would give {total}, which is not carried"
            " precision"
        ),
        "step.AK-MINIMUM.purpose": "purpose",
        "step.AK-MINIMUM.minimum": "minimum",
        "step.AK-MINIMUM.cut": "{value}…",
        "step.AK-MINIMUM.reached": "reached",
        "step.AK-MINIMUM.short": "not reached (short by {short})",
    }
)
_HUNDRED: Final = Decimal(100)
_TWELVE: Final = Decimal(12)


#: Percentage of the annual koefisien per predikat (PermenPANRB 1/2023 Pasal 36) [S16][S17].
AK_PERCENTAGE: Mapping[Predikat, Decimal] = FrozenMap(
    {
        Predikat.SANGAT_BAIK: Decimal(150),
        Predikat.BAIK: Decimal(100),
        Predikat.BUTUH_PERBAIKAN: Decimal(75),  # "cukup/butuh perbaikan"
        Predikat.KURANG: Decimal(50),
        Predikat.SANGAT_KURANG: Decimal(25),
    }
)

#: Annual koefisien angka kredit per jenjang (PerBKN 3/2023, model konversi) [S18b].
KOEFISIEN: Mapping[Jenjang, Decimal] = FrozenMap(
    {
        # keahlian
        Jenjang.AHLI_UTAMA: Decimal(50),
        Jenjang.AHLI_MADYA: Decimal("37.5"),
        Jenjang.AHLI_MUDA: Decimal(25),
        Jenjang.AHLI_PERTAMA: Decimal("12.5"),
        # keterampilan
        Jenjang.PENYELIA: Decimal(25),
        Jenjang.MAHIR: Decimal("12.5"),
        Jenjang.TERAMPIL: Decimal(5),
        Jenjang.PEMULA: Decimal("3.75"),
    }
)


class AkPurpose(Labelled):
    """What an AK kumulatif minimal is for: *kenaikan pangkat* or *kenaikan jenjang*."""

    PANGKAT = "pangkat"
    JENJANG = "jenjang"

    @classmethod
    def _table(cls) -> dict[AkPurpose, Labels]:
        return {
            cls.PANGKAT: Labels("Kenaikan pangkat", "Promotion in rank"),
            cls.JENJANG: Labels("Kenaikan jenjang", "Promotion to the next jenjang"),
        }


def _ak_minimum_pangkat(value: object) -> Decimal:
    return non_negative(value, "pangkat")


def _ak_minimum_jenjang(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value, field="jenjang", allow_negative=False)


@attrs.frozen
class AkMinimum:
    """The AK kumulatif minimal of one jenjang: for kenaikan pangkat and for kenaikan jenjang.

    ``jenjang`` is ``None`` where PerBKN 3/2023 prints "–": the highest jenjang of its category
    (Ahli Utama, Penyelia) has no next jenjang.
    """

    pangkat: Decimal = attrs.field(converter=_ak_minimum_pangkat)
    jenjang: Decimal | None = attrs.field(converter=_ak_minimum_jenjang)

    def for_purpose(self, purpose: AkPurpose) -> Decimal | None:
        """The minimum for ``purpose``."""
        return self.pangkat if purpose is AkPurpose.PANGKAT else self.jenjang


#: AK kumulatif minimal per jenjang (PerBKN 3/2023, model konversi) [S18b]. The minimum for
#: kenaikan jenjang "dapat bersifat proporsional berdasarkan pangkat awal jenjang".
AK_MINIMUM: Mapping[Jenjang, AkMinimum] = FrozenMap(
    {
        Jenjang.AHLI_UTAMA: AkMinimum(Decimal(200), None),
        Jenjang.AHLI_MADYA: AkMinimum(Decimal(150), Decimal(450)),
        Jenjang.AHLI_MUDA: AkMinimum(Decimal(100), Decimal(200)),
        Jenjang.AHLI_PERTAMA: AkMinimum(Decimal(50), Decimal(100)),
        Jenjang.PENYELIA: AkMinimum(Decimal(100), None),
        Jenjang.MAHIR: AkMinimum(Decimal(50), Decimal(100)),
        Jenjang.TERAMPIL: AkMinimum(Decimal(20), Decimal(60)),
        Jenjang.PEMULA: AkMinimum(Decimal(15), Decimal(15)),
    }
)


@attrs.frozen
class AngkaKreditResult(Cited):
    """The angka kredit of one predikat for one period (rule ``AK-CONVERSION``).

    ``value`` is carried at full precision (``2/12 × 100 % × 12.5 = 2.0833…``); :attr:`shown`
    is the value rounded once, to 2 places half-up, for display (decision D5). ``twelfths``
    is the exact value times 12 (``months × percentage × koefisien``, a finite decimal):
    :func:`accumulate` adds twelfths and divides once, so a total is never pushed across a
    rounding boundary by the last digit of a repeating decimal.
    """

    predikat: Predikat
    jenjang: Jenjang
    months: int
    percentage: Decimal
    koefisien: Decimal
    twelfths: Decimal
    value: Decimal
    steps: tuple[Step, ...]
    period: str | None = None
    rule: str = "AK-CONVERSION"
    RULES = _RULE

    @property
    def shown(self) -> Decimal:
        """The value shown: 2 places, half-up (PerBKN 3/2023 tables; decision D5)."""
        return quantize(self.value)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (decimals as text)."""
        return self.cited(
            period=self.period,
            predikat=self.predikat.code,
            jenjang=self.jenjang.code,
            months=self.months,
            percentage=plain(self.percentage),
            koefisien=plain(self.koefisien),
            value=plain(self.value),
            shown=str(self.shown),
        )


def angka_kredit(
    predikat: Predikat | str,
    jenjang: Jenjang | str,
    months: int = 12,
    *,
    period: Period | None = None,
    percentages: Mapping[Predikat, Decimal] = AK_PERCENTAGE,
    koefisien: Mapping[Jenjang, Decimal] = KOEFISIEN,
) -> AngkaKreditResult:
    """The angka kredit earned by ``predikat`` in ``jenjang`` over ``months`` months.

    PermenPANRB 1/2023 Pasal 36 and PerBKN 3/2023: ``AK = months/12 × % predikat ×
    koefisien``; the percentages are 150/100/75/50/25 % (:data:`AK_PERCENTAGE`), the annual
    koefisien per jenjang is in :data:`KOEFISIEN`. The value is computed with one division at
    the end, so it is exact wherever the result has a finite decimal expansion, and carried
    unrounded; :attr:`AngkaKreditResult.shown` rounds it to 2 places half-up.

    Args:
        predikat: the predikat kinerja of the period.
        jenjang: the jenjang jabatan fungsional held in the period.
        months: the number of months of the period, 1 to 12 (12 for a whole year).
        period: the period, recorded in the result (optional).
        percentages: the table of percentages; the default is the national one.
        koefisien: the table of koefisien; the default is the national one.

    Raises:
        LabelError: an unknown predikat or jenjang.
        InputError: ``months`` is not a whole number from 1 to 12.
    """
    predikat = parse_predikat(predikat, "predikat")
    jenjang = parse_jenjang(jenjang)
    months = whole(months, "months", minimum=1, maximum=12)
    percentage = percentages[predikat]
    koef = koefisien[jenjang]
    twelfths = CONTEXT.divide(
        CONTEXT.multiply(CONTEXT.multiply(Decimal(months), percentage), koef), _HUNDRED
    )
    value = CONTEXT.divide(twelfths, _TWELVE)
    shown = quantize(value)
    step = Step(
        _RULE["AK-CONVERSION"],
        "angka_kredit",
        (
            *period_inputs(period),
            ("predikat", predikat.label_id),
            ("jenjang", jenjang.label_id),
            ("months", str(months)),
            ("percentage", pct(percentage)),
            ("koefisien", plain(koef)),
        ),
        f"{months}/12 × {pct(percentage)} × {plain(koef)} = {carried(value)}"
        + ("" if shown == value else f" (shown {shown})"),
        "" if shown == value else _CARRIED_NOTE,
    )
    return AngkaKreditResult(
        predikat=predikat,
        jenjang=jenjang,
        months=months,
        percentage=percentage,
        koefisien=koef,
        twelfths=twelfths,
        value=value,
        steps=(step,),
        period=period_code(period),
    )


@attrs.frozen
class AngkaKreditTotal(Cited):
    """Angka kredit accumulated over periods with full precision (rule ``AK-ACCUMULATION``).

    ``value`` is ``start`` plus the sum of the carried values; :attr:`shown` rounds it once.
    :attr:`sum_of_shown` is what adding the per-period *shown* values would give instead, and
    :attr:`rounding_differs` says whether the two disagree at 2 places -- for twelve monthly
    Ahli Madya Butuh Perbaikan periods they do: 12 × 2.34 = 28.08, but 12 × 2.34375 = 28.125
    → 28.13, the value of the annual table.
    """

    results: tuple[AngkaKreditResult, ...]
    start: Decimal
    value: Decimal
    steps: tuple[Step, ...]
    rule: str = "AK-ACCUMULATION"
    RULES = _RULE

    @property
    def shown(self) -> Decimal:
        """The accumulated value shown: 2 places, half-up (decision D5)."""
        return quantize(self.value)

    @property
    def sum_of_shown(self) -> Decimal:
        """``start`` plus the per-period values as shown (rounded each): for comparison only."""
        total = self.start
        for result in self.results:
            total = CONTEXT.add(total, result.shown)
        return total

    @property
    def rounding_differs(self) -> bool:
        """Whether rounding each period first would show a different total."""
        return quantize(self.sum_of_shown) != self.shown

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (decimals as text)."""
        return self.cited(
            start=plain(self.start),
            value=plain(self.value),
            shown=str(self.shown),
            sum_of_shown=str(quantize(self.sum_of_shown)),
            periods=[r.to_dict() for r in self.results],
        )


def accumulate(
    results: Iterable[AngkaKreditResult], *, start: Decimal | int | str = 0
) -> AngkaKreditTotal:
    """Accumulate angka kredit over periods, carrying full precision (PerBKN 3/2023; D5).

    The sum is exact: it adds each period's twelfths (finite decimals) and divides by 12 once.
    Adding 28-digit quotients instead could fall just short of a half-up boundary: six
    two-month Mahir Sangat Kurang periods are 6 × 0.5208333… = 3.125 → 3.13, but the sum of
    the 28-digit quotients is 3.1249…98 → 3.12.

    ``start`` is an angka kredit already held, e.g. the total of an earlier *penetapan angka
    kredit* (it is taken as given: a shown value stays a shown value). The result's ``value``
    is never rounded; its ``shown`` is. BKN's example: 18.75 (2023, Ahli Pertama, Sangat Baik)
    + 2.0833… (Jan-Feb 2024, Baik) = 20.8333… → **20.83**.
    """
    items = tuple(results)
    expect_each(
        items,
        AngkaKreditResult,
        message="must be an AngkaKreditResult",
        path="results",
        fix="pass the results of angka_kredit()",
    )
    begin = to_decimal(start, field="start", allow_negative=False)
    # Exact: the twelfths are finite decimals; one division at the end.
    twelfths = CONTEXT.multiply(begin, _TWELVE)
    for item in items:
        twelfths = CONTEXT.add(twelfths, item.twelfths)
    total = CONTEXT.divide(twelfths, _TWELVE)
    shown = quantize(total)
    inputs: list[tuple[str, str]] = []
    if begin:
        inputs.append(("start", plain(begin)))
    inputs.extend((item.period or f"#{i + 1}", carried(item.value)) for i, item in enumerate(items))
    per_period = begin
    for item in items:
        per_period = CONTEXT.add(per_period, item.shown)
    note = _CARRIED_NOTE
    if quantize(per_period) != shown:
        note += (
            f"; adding the per-period values as shown would give {quantize(per_period)},"
            " which is not carried precision"
        )
    step = Step(
        _RULE["AK-ACCUMULATION"],
        "angka_kredit",
        tuple(inputs),
        f"{carried(total)} (shown {shown})",
        note,
    )
    return AngkaKreditTotal(results=items, start=begin, value=total, steps=(step,))


@attrs.frozen
class MinimumCheck(Cited):
    """Whether an accumulated angka kredit reaches the AK kumulatif minimal (``AK-MINIMUM``).

    The comparison uses the carried value (decision D5: rounding is for display); pass the
    shown value as ``total`` to compare what a *penetapan angka kredit* prints instead.
    """

    jenjang: Jenjang
    purpose: AkPurpose
    total: Decimal
    minimum: Decimal
    steps: tuple[Step, ...]
    rule: str = "AK-MINIMUM"
    RULES = _RULE

    @property
    def reached(self) -> bool:
        """Whether ``total`` is at least ``minimum``."""
        return self.total >= self.minimum

    @property
    def shortfall(self) -> Decimal:
        """How much is still missing (zero when reached), carried."""
        return max(Decimal(0), CONTEXT.subtract(self.minimum, self.total))

    def __bool__(self) -> bool:
        return self.reached

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (decimals as text)."""
        return self.cited(
            jenjang=self.jenjang.code,
            purpose=self.purpose.code,
            total=plain(self.total),
            minimum=plain(self.minimum),
            reached=self.reached,
            shortfall=str(quantize(self.shortfall)),
        )


def reaches_minimum(
    total: AngkaKreditTotal | Decimal | int | str,
    jenjang: Jenjang | str,
    purpose: AkPurpose | str = AkPurpose.PANGKAT,
    *,
    table: Mapping[Jenjang, AkMinimum] = AK_MINIMUM,
) -> MinimumCheck:
    """Whether ``total`` reaches the AK kumulatif minimal of ``jenjang`` for ``purpose``.

    PerBKN 3/2023, model konversi (:data:`AK_MINIMUM`): e.g. Ahli Pertama needs 50 for
    kenaikan pangkat and 100 for kenaikan jenjang.

    Raises:
        InputError: ``purpose`` is ``"jenjang"`` for the highest jenjang of its category
            (Ahli Utama, Penyelia), which has no minimum ("–") because there is no next jenjang.
    """
    jenjang = parse_jenjang(jenjang)
    purpose = AkPurpose.parse(purpose, field="purpose")
    value = (
        total.value
        if isinstance(total, AngkaKreditTotal)
        else to_decimal(total, field="total", allow_negative=False)
    )
    minimum = table[jenjang].for_purpose(purpose)
    if minimum is None:
        raise InputError(
            f"{jenjang.label_id} is the highest jenjang of its category: PerBKN 3/2023 sets no"
            " AK minimum for kenaikan jenjang ('–')",
            path="purpose",
            value=purpose.code,
            rule="AK-MINIMUM",
            fix="check purpose='pangkat' for this jenjang",
        )
    reached = value >= minimum
    short = quantize(CONTEXT.subtract(minimum, value))
    step = Step(
        _RULE["AK-MINIMUM"],
        "angka_kredit",
        (
            ("jenjang", jenjang.label_id),
            ("purpose", purpose.label_id),
            ("angka kredit", carried(value)),
            ("minimum", plain(minimum)),
        ),
        "reached" if reached else f"not reached (short by {short})",
    )
    return MinimumCheck(
        jenjang=jenjang, purpose=purpose, total=value, minimum=minimum, steps=(step,)
    )


def months_of(period: Period) -> int:
    """The number of whole months of ``period``, for proration (PerBKN 3/2023: jumlah bulan).

    Annual 12, quarterly 3, monthly 1; a part-year span counts its months when it runs from
    the first day of a month to the last day of a month.

    Raises:
        InputError: a span that does not cover whole months, or more than 12 months.
    """
    start, end = period.start, period.end
    whole = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if not whole or not 1 <= months <= 12:
        raise InputError(
            "angka kredit is prorated by whole months (PerBKN 3/2023: jumlah bulan); this"
            " period is not 1 to 12 whole months",
            path="period",
            value=period.code,
            rule="AK-MONTHS",
            fix="appraise whole months, e.g. Period.span(date(2024, 1, 1), date(2024, 2, 29))",
        )
    return months
