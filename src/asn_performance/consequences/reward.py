"""What follows from a predikat (*tindak lanjut hasil evaluasi kinerja*): rewards and consequences.

PermenPANRB 6/2022 Pasal 5 ends performance management with *tindak lanjut* -- *penghargaan dan
sanksi*. This module turns predikat into what follows them, each as a pure, cited rule that
returns a typed outcome with its explanation steps:

* **Angka kredit** (PermenPANRB 1/2023 Pasal 36; PerBKN 3/2023): :data:`AK_PERCENTAGE`,
  :data:`KOEFISIEN`, :data:`AK_MINIMUM`; :func:`angka_kredit` (prorated by months),
  :func:`accumulate` (full precision carried, shown to 2 places, decision D5) and
  :func:`reaches_minimum`.
* **Tunjangan kinerja / TPP**: an :class:`AllowancePolicy` (base per kelas jabatan, a
  performance share with a predikat table, an attendance share with cuts) and
  :func:`compute_allowance`, paid in whole rupiah; :data:`KEMNAKER_2025` is the Kemnaker
  policy of Permenaker 15/2024 as an example.
* **Career**: :func:`jenjang_promotion_eligible` (PerBKN 3/2023), :func:`pangkat_reguler_eligible`
  (decision D11, UNCONFIRMED) and :func:`succession_pool` (PP 30/2019).
* **Recognition and development**: :func:`recognise` (agency practice from the regional
  reports, not national law) and :func:`recommend_development` (names the BerAKHLAK values
  and work results the pejabat penilai rated Di Bawah Ekspektasi).
* **Consequences** (PP 30/2019 Pasal 56-58): :func:`improvement_timeline` and
  :func:`consequences`.
* :class:`RewardPolicy` -- a named, versioned set of these rules with their parameters;
  :meth:`RewardPolicy.evaluate` applies them to one employee's appraisals over one or more
  periods and returns a :class:`RewardOutcome`.

Every amount is a :class:`~decimal.Decimal` computed in :data:`~asn_performance._kit.exact.CONTEXT`
at full precision; rounding happens once, where a value is shown or paid (decision D5):
angka kredit to 2 places, rupiah to whole rupiah, ``ROUND_HALF_UP``.

The rule identifiers recorded in the steps are listed, with their citations, in
:data:`REWARD_RULES`, which is defined in :mod:`asn_performance.domain.explanation` (so that its
:data:`~asn_performance.domain.explanation.RULEBOOK` holds them) and re-exported here.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from asn_performance._kit.exact import CONTEXT, WHOLE, quantize, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled
from asn_performance._kit.validate import check_text, check_type, shown
from asn_performance.domain.assessment import Assessment, AssessorRole
from asn_performance.domain.employee import Jenjang, PositionKind
from asn_performance.domain.explanation import Explanation, Rule, Step, rules_by_id
from asn_performance.domain.nip import NipKind
from asn_performance.domain.period import Period, PeriodKind
from asn_performance.domain.plan import CoreValue
from asn_performance.domain.rating import Predikat, Rating
from asn_performance.exceptions import InputError, PolicyError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "AK_MINIMUM",
    "AK_PERCENTAGE",
    "DEFAULT_RECOGNITION",
    "KEMNAKER_2025",
    "KOEFISIEN",
    "NATIONAL",
    "REWARD_RULES",
    "AkMinimum",
    "AkPurpose",
    "AllowancePolicy",
    "AllowanceResult",
    "AngkaKreditResult",
    "AngkaKreditRule",
    "AngkaKreditTotal",
    "Attendance",
    "AttendanceCuts",
    "CareerCheck",
    "CareerRule",
    "ConsequenceRule",
    "Consequences",
    "DevelopmentRecommendation",
    "DevelopmentRule",
    "ImprovementTimeline",
    "MinimumCheck",
    "Recognition",
    "RecognitionKind",
    "RecognitionRule",
    "RewardInputs",
    "RewardOutcome",
    "RewardPolicy",
    "TimelineStage",
    "accumulate",
    "angka_kredit",
    "compute_allowance",
    "consequences",
    "improvement_timeline",
    "jenjang_promotion_eligible",
    "months_of",
    "pangkat_reguler_eligible",
    "reaches_minimum",
    "recognise",
    "recommend_development",
    "render_steps",
    "succession_pool",
]


#: The rules :mod:`asn_performance.consequences.reward` records (angka kredit, tunjangan kinerja, career,
#: recognition, development, consequences). Source tags ``[Sx]`` refer to the list in
#: ``docs/explanation/rewards.md``. ``normative=False`` marks the library's own decisions,
#: readings flagged UNCONFIRMED and an agency's configuration.
REWARD_RULES: tuple[Rule, ...] = (
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
    Rule(
        "TUKIN-PERFORMANCE",
        "Tunjangan kinerja: the performance share (predikat → percentage)",
        "The agency's allowance regulation (for Kemnaker: Permenaker 15/2024 Pasal 5;"
        " Kepsekjen Kemnaker 82/2025 Lampiran p.7); not a national rule",
        normative=False,
    ),
    Rule(
        "TUKIN-ATTENDANCE",
        "Tunjangan kinerja: the attendance share after cuts",
        "The agency's allowance regulation (for Kemnaker: Permenaker 15/2024 Pasal 5 and 13);"
        " the cap of the cuts at 100 % of the attendance share is a library decision",
        normative=False,
    ),
    Rule(
        "TUKIN-TOTAL",
        "Tunjangan kinerja paid in whole rupiah",
        "Library decision D5 (rupiah to whole rupiah, half-up); the total paid is the sum of"
        " the rounded components unless the policy says otherwise",
        normative=False,
    ),
    Rule(
        "CAREER-JENJANG",
        "Kenaikan jenjang JF needs predikat at least Baik in the last year",
        "PerBKN 3/2023 (summary) [S18]",
    ),
    Rule(
        "D11-PANGKAT-REGULER",
        "Kenaikan pangkat reguler needs predikat at least Baik in each of the last 2 years",
        "UNCONFIRMED: PP 11/2017 as amended by PP 17/2020 (text not seen); library decision D11",
        normative=False,
    ),
    Rule(
        "CAREER-SUCCESSION",
        "Sangat Baik two years in a row: priority for the succession pool",
        "PP 30/2019 (kelompok rencana suksesi and competence development) [S15]",
    ),
    Rule(
        "RECOGNITION",
        "Recognition of a top predikat (agency practice)",
        "PermenPANRB 6/2022 Pasal 5 (tindak lanjut: penghargaan dan sanksi) [S2][S5]; the forms"
        " (certificate, public recognition, training opportunity, incentive) are agency practice"
        " described in the regional reports (Batanghari, Sabang, Serang), not national law",
        normative=False,
    ),
    Rule(
        "DEVELOPMENT",
        "Development recommendation: what was rated Di Bawah Ekspektasi",
        "PermenPANRB 6/2022 Pasal 5 (pengembangan kinerja; tindak lanjut) [S2][S5]; BerAKHLAK"
        " values: SE MenPANRB 20/2021; the recommendation's content is the library's",
        normative=False,
    ),
    Rule(
        "PP30-TARGETS-NOT-MET",
        "Targets not met: 6 months to improve, reassignment, placement of at most 1 year,"
        " then a recommendation for honourable dismissal",
        "PP 30/2019 Pasal 56-58 [S11][S15d][S15e]; 'targets not met' read as rating hasil kerja"
        " Di Bawah Ekspektasi and the day counting are library decisions",
    ),
    Rule(
        "PEMBINAAN",
        "Kurang/Misconduct: pembinaan and, per the agency's policy, an administrative sanction",
        "PP 30/2019 Pasal 56 ('dapat dikenakan sanksi administrasi') [S15e]; regional report"
        " (Batanghari: pembinaan atau sanksi administratif); the sanction is the agency's policy",
        normative=False,
    ),
)
_RULE = rules_by_id(REWARD_RULES)


_SB, _B, _BP, _K, _SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)
_HUNDRED: Final = Decimal(100)
_TWELVE: Final = Decimal(12)

# --------------------------------------------------------------------------------------------
# The rules this module records (REWARD_RULES): titles and citations from the rulebook
# --------------------------------------------------------------------------------------------


def _rule(rule_id: str) -> Rule:
    found = _RULE.get(rule_id)
    return found if found is not None else Rule(rule_id, rule_id, "")


def render_steps(steps: Iterable[Step]) -> str:
    """Plain text for steps: rule, citation, inputs, result (as :meth:`Explanation.render`)."""
    return Explanation(tuple(steps)).render()


class _Cited:
    """Mixin: an outcome's rule id gives its title, citation and whether it is normative."""

    __slots__ = ()
    rule: str

    @property
    def citation(self) -> str:
        """The citation of the rule that produced this outcome."""
        return _rule(self.rule).citation

    @property
    def normative(self) -> bool:
        """False for library decisions, UNCONFIRMED readings and agency configuration."""
        return _rule(self.rule).normative


# --------------------------------------------------------------------------------------------
# Small helpers: parsing and showing numbers
# --------------------------------------------------------------------------------------------


def _plain(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros (``Decimal('1E+2')`` → ``'100'``)."""
    return f"{value.normalize(CONTEXT):f}"


def _carried(value: Decimal) -> str:
    """A carried value for the explanation: exact when short, else cut at 8 places with '…'."""
    text = _plain(value)
    point = text.find(".")
    if point >= 0 and len(text) - point - 1 > 8:
        return text[: point + 9] + "…"
    return text


def _pct(value: Decimal) -> str:
    return f"{_plain(value)} %"


def _rp(value: Decimal) -> str:
    return f"Rp {value.normalize(CONTEXT):,f}"


def _predikat(value: object, field: str) -> Predikat:
    return Predikat.parse(value, field=field)


def _jenjang(value: object, field: str = "jenjang") -> Jenjang:
    return Jenjang.parse(value, field=field)


#: The largest kelas jabatan (the policy file format keys the base table by '1' to '999').
_MAX_KELAS: Final = 999
#: The largest count in one month's attendance record: a month has at most 44 640 minutes, so
#: no count of days, checks, minutes or ceremonies comes near it.
_MAX_ATTENDANCE_COUNT: Final = 1_000_000
#: The longest improvement window and temporary placement (PP 30/2019: 6 months, 1 year); an
#: agency may choose longer ones, up to these, so that every date stays in the calendar.
_MAX_IMPROVEMENT_MONTHS: Final = 120
_MAX_PLACEMENT_YEARS: Final = 10
#: The most years a succession-pool rule may look back (the years of a period: 1970-2100).
_MAX_SUCCESSION_YEARS: Final = 131
#: The dates a result may be received on, or a placement start: the years of a period.
_FIRST_DAY: Final = dt.date(1970, 1, 1)
_LAST_DAY: Final = dt.date(2100, 12, 31)


def _whole(value: object, field: str, *, minimum: int = 0, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(
            "must be a whole number",
            path=field,
            value=value,
            rule="TYPE",
            fix="pass an int",
        )
    if value < minimum or (maximum is not None and value > maximum):
        span = f"from {minimum}" + ("" if maximum is None else f" to {maximum}")
        raise InputError(
            f"must be a whole number {span}",
            path=field,
            value=value,
            rule="RANGE",
            fix=f"give a number {span}",
        )
    return value


def _percent_table(
    value: object, field: str, *, keys: Iterable[Any], parse: Any
) -> FrozenMap[Any, Decimal]:
    if not isinstance(value, Mapping):
        raise PolicyError(
            "must be a mapping",
            path=field,
            value=value,
            rule="TYPE",
            fix="pass a dict",
        )
    table = {
        parse(key, field=f"{field}[{shown(key)}]"): to_decimal(
            item, field=f"{field}[{shown(key)}]", allow_negative=False
        )
        for key, item in value.items()
    }
    missing = [key for key in keys if key not in table]
    if missing:
        raise PolicyError(
            f"the table has no entry for {', '.join(str(m) for m in missing)}",
            path=field,
            value=sorted(getattr(k, "code", str(k)) for k in table),
            rule="POLICY-TABLE",
            fix="give a value for every " + ("predikat" if parse == Predikat.parse else "jenjang"),
        )
    return FrozenMap(table)


# --------------------------------------------------------------------------------------------
# Angka kredit (PermenPANRB 1/2023 Pasal 36; PerBKN 3/2023)
# --------------------------------------------------------------------------------------------

#: Percentage of the annual koefisien per predikat (PermenPANRB 1/2023 Pasal 36) [S16][S17].
AK_PERCENTAGE: Mapping[Predikat, Decimal] = FrozenMap(
    {
        _SB: Decimal(150),
        _B: Decimal(100),
        _BP: Decimal(75),  # "cukup/butuh perbaikan"
        _K: Decimal(50),
        _SK: Decimal(25),
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
    def _labels(cls) -> dict[AkPurpose, tuple[str, str]]:
        return {
            cls.PANGKAT: ("Kenaikan pangkat", "Promotion in rank"),
            cls.JENJANG: ("Kenaikan jenjang", "Promotion to the next jenjang"),
        }


def _ak_minimum_pangkat(value: object) -> Decimal:
    return to_decimal(value, field="pangkat", allow_negative=False)


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
class AngkaKreditResult(_Cited):
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

    @property
    def shown(self) -> Decimal:
        """The value shown: 2 places, half-up (PerBKN 3/2023 tables; decision D5)."""
        return quantize(self.value)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (decimals as text)."""
        return {
            "rule": self.rule,
            "period": self.period,
            "predikat": self.predikat.code,
            "jenjang": self.jenjang.code,
            "months": self.months,
            "percentage": _plain(self.percentage),
            "koefisien": _plain(self.koefisien),
            "value": _plain(self.value),
            "shown": str(self.shown),
            "citation": self.citation,
        }


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
        percentages, koefisien: the tables; the defaults are the national ones.

    Raises:
        LabelError: an unknown predikat or jenjang.
        InputError: ``months`` is not a whole number from 1 to 12.
    """
    predikat = _predikat(predikat, "predikat")
    jenjang = _jenjang(jenjang)
    months = _whole(months, "months", minimum=1, maximum=12)
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
            *(() if period is None else (("period", period.code),)),
            ("predikat", predikat.label_id),
            ("jenjang", jenjang.label_id),
            ("months", str(months)),
            ("percentage", _pct(percentage)),
            ("koefisien", _plain(koef)),
        ),
        f"{months}/12 × {_pct(percentage)} × {_plain(koef)} = {_carried(value)}"
        + ("" if shown == value else f" (shown {shown})"),
        "" if shown == value else "full precision carried; shown to 2 places, half-up (D5)",
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
        period=None if period is None else period.code,
    )


@attrs.frozen
class AngkaKreditTotal(_Cited):
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
        return {
            "rule": self.rule,
            "start": _plain(self.start),
            "value": _plain(self.value),
            "shown": str(self.shown),
            "sum_of_shown": str(quantize(self.sum_of_shown)),
            "periods": [r.to_dict() for r in self.results],
            "citation": self.citation,
        }


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
    for index, item in enumerate(items):
        if not isinstance(item, AngkaKreditResult):
            raise InputError(
                "must be an AngkaKreditResult",
                path=f"results[{index}]",
                value=type(item).__name__,
                rule="TYPE",
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
        inputs.append(("start", _plain(begin)))
    inputs.extend(
        (item.period or f"#{i + 1}", _carried(item.value)) for i, item in enumerate(items)
    )
    per_period = begin
    for item in items:
        per_period = CONTEXT.add(per_period, item.shown)
    note = "full precision carried; shown to 2 places, half-up (D5)"
    if quantize(per_period) != shown:
        note += (
            f"; adding the per-period values as shown would give {quantize(per_period)},"
            " which is not carried precision"
        )
    step = Step(
        _RULE["AK-ACCUMULATION"],
        "angka_kredit",
        tuple(inputs),
        f"{_carried(total)} (shown {shown})",
        note,
    )
    return AngkaKreditTotal(results=items, start=begin, value=total, steps=(step,))


@attrs.frozen
class MinimumCheck(_Cited):
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
        return {
            "rule": self.rule,
            "jenjang": self.jenjang.code,
            "purpose": self.purpose.code,
            "total": _plain(self.total),
            "minimum": _plain(self.minimum),
            "reached": self.reached,
            "shortfall": str(quantize(self.shortfall)),
            "citation": self.citation,
        }


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
    jenjang = _jenjang(jenjang)
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
    step = Step(
        _RULE["AK-MINIMUM"],
        "angka_kredit",
        (
            ("jenjang", jenjang.label_id),
            ("purpose", purpose.label_id),
            ("angka kredit", _carried(value)),
            ("minimum", _plain(minimum)),
        ),
        "reached" if reached else f"not reached (short by {quantize(minimum - value)})",
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


# --------------------------------------------------------------------------------------------
# Tunjangan kinerja / TPP
# --------------------------------------------------------------------------------------------


def _per_day_absent(value: object) -> Decimal:
    return to_decimal(value, field="cuts.per_day_absent", allow_negative=False)


def _per_missing_check(value: object) -> Decimal:
    return to_decimal(value, field="cuts.per_missing_check", allow_negative=False)


def _per_minute(value: object) -> Decimal:
    return to_decimal(value, field="cuts.per_minute", allow_negative=False)


def _per_missed_ceremony(value: object) -> Decimal:
    return to_decimal(value, field="cuts.per_missed_ceremony", allow_negative=False)


def _cap(value: object) -> Decimal:
    return to_decimal(value, field="cuts.cap", allow_negative=False)


def _performance_share(value: object) -> Decimal:
    return to_decimal(value, field="performance_share", allow_negative=False)


def _attendance_share(value: object) -> Decimal:
    return to_decimal(value, field="attendance_share", allow_negative=False)


@attrs.frozen
class AttendanceCuts:
    """Cuts of the attendance share, each in percent *of the attendance share*.

    Kemnaker (Permenaker 15/2024 Pasal 13): 3 % per day absent without a valid reason
    (*alpha*), 1 % per missing check-in or check-out (*tidak presensi*), 0.01 % per minute of
    late arrival, early departure or leaving the office, 3 % per missed flag ceremony.

    ``cap`` limits the total cut, in percent of the attendance share (default 100: the cuts
    can take the whole attendance share but never reach the performance share). The Permenaker
    text states no cap; the cap is a library decision, configurable.
    """

    per_day_absent: Decimal = attrs.field(converter=_per_day_absent)
    per_missing_check: Decimal = attrs.field(converter=_per_missing_check)
    per_minute: Decimal = attrs.field(converter=_per_minute)
    per_missed_ceremony: Decimal = attrs.field(converter=_per_missed_ceremony)
    cap: Decimal = attrs.field(default=_HUNDRED, converter=_cap)

    def __attrs_post_init__(self) -> None:
        if self.cap > _HUNDRED:
            raise PolicyError(
                "the cap of the attendance cuts is a percentage of the attendance share, at"
                " most 100",
                path="cuts.cap",
                value=str(self.cap),
                rule="TUKIN-ATTENDANCE",
                fix="give a cap from 0 to 100",
            )


def _count(field: str) -> Any:
    def check(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
        _whole(value, field, maximum=_MAX_ATTENDANCE_COUNT)

    return check


@attrs.frozen
class Attendance:
    """One month's attendance record (*rekap kehadiran*) as counts; all default to zero.

    Attributes:
        days_absent: days absent without a valid reason (*tidak hadir tanpa keterangan sah*).
        missing_checks: missing check-ins or check-outs (*tidak melakukan presensi*), counted
            per occurrence: a day without both is two.
        minutes_late_or_early: minutes of late arrival, early departure and leaving the office
            without permission, summed.
        missed_ceremonies: flag ceremonies missed without a valid reason (*upacara bendera*).
    """

    days_absent: int = attrs.field(default=0, validator=_count("attendance.days_absent"))
    missing_checks: int = attrs.field(default=0, validator=_count("attendance.missing_checks"))
    minutes_late_or_early: int = attrs.field(
        default=0, validator=_count("attendance.minutes_late_or_early")
    )
    missed_ceremonies: int = attrs.field(
        default=0, validator=_count("attendance.missed_ceremonies")
    )


def _kelas_table(value: object) -> FrozenMap[int, Decimal]:
    if not isinstance(value, Mapping) or not value:
        raise PolicyError(
            "the base amounts must be a non-empty mapping of kelas jabatan to rupiah",
            path="base",
            value=value,
            rule="POLICY-TABLE",
            fix="pass e.g. {7: '3915950', 10: '5979200'}",
        )
    table: dict[int, Decimal] = {}
    for kelas, amount in value.items():
        field = f"base[{shown(kelas)}]"
        _whole(kelas, field, minimum=1, maximum=_MAX_KELAS)
        table[kelas] = to_decimal(amount, field=field, allow_negative=False)
    return FrozenMap(dict(sorted(table.items())))


def _predikat_percentages(value: object) -> FrozenMap[Predikat, Decimal]:
    return _percent_table(value, "performance_percentage", keys=Predikat, parse=Predikat.parse)


@attrs.frozen
class AllowancePolicy:
    """A tunjangan kinerja (central agencies) or TPP (regional governments) policy.

    The monthly amount for a kelas jabatan is split into a performance share, paid at a
    percentage that depends on the month's predikat, and an attendance share, reduced by
    cuts. Both shares are percentages of the base and must add up to 100.

    Attributes:
        name, version: identify the policy in results (e.g. ``"kemnaker"``, ``"2025"``).
        base: the base amount (*tukin pokok* / *besaran TPP*) per kelas jabatan, in rupiah.
        performance_share: the performance share in percent of the base (Kemnaker: 70).
        performance_percentage: predikat → percent of the performance share paid.
        attendance_share: the attendance share in percent of the base (Kemnaker: 30).
        cuts: the attendance cuts (:class:`AttendanceCuts`).
        citation: the regulation the policy implements.
        note: anything a reader must know (e.g. which kelas are missing and why).
        pay_rounded_components: when true (default), the total paid is the sum of the two
            components, each rounded to whole rupiah, so that a payslip adds up; when false,
            the unrounded sum is rounded once.
    """

    name: str = attrs.field(validator=check_text(100))
    version: str = attrs.field(validator=check_text(100))
    base: FrozenMap[int, Decimal] = attrs.field(converter=_kelas_table)
    performance_share: Decimal = attrs.field(converter=_performance_share)
    performance_percentage: FrozenMap[Predikat, Decimal] = attrs.field(
        converter=_predikat_percentages
    )
    attendance_share: Decimal = attrs.field(converter=_attendance_share)
    cuts: AttendanceCuts = attrs.field(validator=check_type(AttendanceCuts))
    citation: str = attrs.field(validator=check_text(1000))
    note: str = attrs.field(default="", validator=check_text(2000, required=False))
    pay_rounded_components: bool = attrs.field(default=True, validator=check_type(bool))

    def __attrs_post_init__(self) -> None:
        total = CONTEXT.add(self.performance_share, self.attendance_share)
        if total != _HUNDRED:
            raise PolicyError(
                f"the performance and attendance shares add up to {_plain(total)} %, not 100 %",
                path="attendance_share",
                value=str(self.attendance_share),
                rule="POLICY-SHARES",
                fix="give shares that add up to 100, e.g. 70 and 30",
            )

    def compute(
        self,
        kelas: int,
        predikat: Predikat | str,
        attendance: Attendance | None = None,
        *,
        period: Period | None = None,
    ) -> AllowanceResult:
        """Shorthand for :func:`compute_allowance` with this policy."""
        return compute_allowance(self, kelas, predikat, attendance, period=period)


@attrs.frozen
class AllowanceResult:
    """One month's tunjangan kinerja / TPP: two components and the total paid.

    ``performance`` and ``attendance`` are carried unrounded; ``performance_paid`` and
    ``attendance_paid`` are each rounded half-up to whole rupiah; :attr:`total` is what is
    paid (by default the sum of the rounded components, see
    :attr:`AllowancePolicy.pay_rounded_components`).
    """

    policy: str
    version: str
    kelas: int
    predikat: Predikat
    base: Decimal
    performance_percentage: Decimal
    performance: Decimal
    cut_percent: Decimal
    cut_uncapped: Decimal
    attendance: Decimal
    citation: str
    steps: tuple[Step, ...]
    period: str | None = None
    pay_rounded_components: bool = True
    rule: str = "TUKIN-TOTAL"

    @property
    def normative(self) -> bool:
        """Always False: an allowance is an agency's policy, not a national rule."""
        return False

    @property
    def performance_paid(self) -> Decimal:
        """The performance component in whole rupiah (half-up)."""
        return quantize(self.performance, WHOLE)

    @property
    def attendance_paid(self) -> Decimal:
        """The attendance component in whole rupiah (half-up)."""
        return quantize(self.attendance, WHOLE)

    @property
    def unrounded_total(self) -> Decimal:
        """The two components added at full precision."""
        return CONTEXT.add(self.performance, self.attendance)

    @property
    def total(self) -> Decimal:
        """The amount paid, in whole rupiah."""
        if self.pay_rounded_components:
            return CONTEXT.add(self.performance_paid, self.attendance_paid)
        return quantize(self.unrounded_total, WHOLE)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (decimals as text)."""
        return {
            "rule": self.rule,
            "policy": self.policy,
            "version": self.version,
            "period": self.period,
            "kelas": self.kelas,
            "predikat": self.predikat.code,
            "base": _plain(self.base),
            "performance_percentage": _plain(self.performance_percentage),
            "performance": _plain(self.performance),
            "performance_paid": _plain(self.performance_paid),
            "cut_percent": _plain(self.cut_percent),
            "attendance": _plain(self.attendance),
            "attendance_paid": _plain(self.attendance_paid),
            "total": _plain(self.total),
            "citation": self.citation,
        }


def compute_allowance(
    policy: AllowancePolicy,
    kelas: int,
    predikat: Predikat | str,
    attendance: Attendance | None = None,
    *,
    period: Period | None = None,
) -> AllowanceResult:
    """One month's allowance under ``policy`` for ``kelas`` and the month's ``predikat``.

    * performance = base × performance share × percentage of the predikat;
    * attendance = base × attendance share × (100 % − cuts), the cuts capped at
      ``policy.cuts.cap`` (default 100 % of the attendance share);
    * each component is carried unrounded and paid rounded half-up to whole rupiah; the total
      is the sum of the paid components (or the rounded sum, per the policy).

    Kemnaker, kelas 10, one day absent, two missing check-ins, 60 minutes late, one missed
    ceremony: cuts 3 + 2 + 0.6 + 3 = 8.6 %; attendance 5,979,200 × 30 % × 91.4 % =
    1,639,496.64 → **Rp 1,639,497**.

    Raises:
        InputError: ``kelas`` is not in the policy's table, or ``attendance`` is malformed.
        LabelError: an unknown predikat.
    """
    if not isinstance(policy, AllowancePolicy):
        raise PolicyError(
            "policy must be an AllowancePolicy",
            path="policy",
            value=type(policy).__name__,
            rule="TYPE",
            fix="pass KEMNAKER_2025 or your own AllowancePolicy",
        )
    predikat = _predikat(predikat, "predikat")
    kelas = _whole(kelas, "kelas", minimum=1, maximum=_MAX_KELAS)
    if attendance is None:
        attendance = Attendance()
    elif not isinstance(attendance, Attendance):
        raise InputError(
            "must be an Attendance",
            path="attendance",
            value=type(attendance).__name__,
            rule="TYPE",
            fix="pass Attendance(days_absent=..., ...)",
        )
    base = policy.base.get(kelas)
    if base is None:
        known = ", ".join(str(k) for k in policy.base)
        raise InputError(
            f"kelas jabatan {kelas} is not in the table of policy {policy.name!r} {policy.version}",
            path="kelas",
            value=kelas,
            rule="TUKIN-KELAS",
            fix=f"use one of the kelas {known}, or add the kelas to the policy's base table"
            + (f" ({policy.note})" if policy.note else ""),
        )
    m = CONTEXT.multiply
    pct = policy.performance_percentage[predikat]
    performance = CONTEXT.divide(m(m(base, policy.performance_share), pct), Decimal(10000))
    cuts = policy.cuts
    parts = (
        ("days absent", attendance.days_absent, cuts.per_day_absent),
        ("missing check-ins/outs", attendance.missing_checks, cuts.per_missing_check),
        ("minutes late or early", attendance.minutes_late_or_early, cuts.per_minute),
        ("missed ceremonies", attendance.missed_ceremonies, cuts.per_missed_ceremony),
    )
    uncapped = Decimal(0)
    for _name, count, rate in parts:
        uncapped = CONTEXT.add(uncapped, m(Decimal(count), rate))
    cut = min(uncapped, cuts.cap)
    remaining = CONTEXT.subtract(_HUNDRED, cut)
    attendance_amount = CONTEXT.divide(
        m(m(base, policy.attendance_share), remaining), Decimal(10000)
    )
    performance_paid = quantize(performance, WHOLE)
    attendance_paid = quantize(attendance_amount, WHOLE)
    steps = [
        Step(
            _RULE["TUKIN-PERFORMANCE"],
            "tunjangan_kinerja",
            (
                ("policy", f"{policy.name} {policy.version}"),
                *(() if period is None else (("period", period.code),)),
                ("kelas", str(kelas)),
                ("base", _rp(base)),
                ("performance share", _pct(policy.performance_share)),
                ("predikat", f"{predikat.label_id} → {_pct(pct)}"),
            ),
            f"{_rp(base)} × {_pct(policy.performance_share)} × {_pct(pct)} ="
            f" {_rp(performance)} → paid {_rp(performance_paid)}",
            f"regulation: {policy.citation}",
        ),
        Step(
            _RULE["TUKIN-ATTENDANCE"],
            "tunjangan_kinerja",
            (
                ("attendance share", _pct(policy.attendance_share)),
                *((name, f"{count} × {_pct(rate)}") for name, count, rate in parts if count),
                (
                    "cuts",
                    _pct(cut) + ("" if cut == uncapped else f" (capped from {_pct(uncapped)})"),
                ),
            ),
            f"{_rp(base)} × {_pct(policy.attendance_share)} × (100 % − {_pct(cut)}) ="
            f" {_rp(attendance_amount)} → paid {_rp(attendance_paid)}",
            "no attendance cuts" if not uncapped else "",
        ),
    ]
    result = AllowanceResult(
        policy=policy.name,
        version=policy.version,
        kelas=kelas,
        predikat=predikat,
        base=base,
        performance_percentage=pct,
        performance=performance,
        cut_percent=cut,
        cut_uncapped=uncapped,
        attendance=attendance_amount,
        citation=policy.citation,
        steps=(),
        period=None if period is None else period.code,
        pay_rounded_components=policy.pay_rounded_components,
    )
    rounded_sum = quantize(result.unrounded_total, WHOLE)
    components_sum = CONTEXT.add(performance_paid, attendance_paid)
    if policy.pay_rounded_components:
        how = f"{_rp(performance_paid)} + {_rp(attendance_paid)} = {_rp(components_sum)}"
        note = (
            ""
            if rounded_sum == components_sum
            else f"rounding the unrounded sum {_rp(result.unrounded_total)} would give"
            f" {_rp(rounded_sum)}; the policy pays the sum of the rounded components"
        )
    else:
        how = f"{_rp(result.unrounded_total)} → {_rp(rounded_sum)}"
        note = (
            ""
            if rounded_sum == components_sum
            else f"the rounded components add up to {_rp(components_sum)}; the policy pays"
            " the rounded sum"
        )
    steps.append(Step(_RULE["TUKIN-TOTAL"], "tunjangan_kinerja", (), how, note))
    return attrs.evolve(result, steps=tuple(steps))


#: The Kemnaker tunjangan kinerja (example policy). Permenaker 15/2024 Pasal 5: 70 % capaian
#: kinerja + 30 % kehadiran; Kepsekjen Kemnaker 82/2025 Lampiran p.7: the monthly predikat
#: Sangat Baik/Baik → 100 %, Perlu (Butuh) Perbaikan → 85 %, Kurang/Sangat Kurang → 60 % of the
#: performance share; Pasal 13: cuts of the attendance share. Only kelas 1, 7, 10 and 17 of the
#: tukin pokok table (kelas 1-17) are in this library's sources; the others raise an error
#: until added from the Permenaker's Lampiran.
KEMNAKER_2025: Final = AllowancePolicy(
    name="kemnaker",
    version="2025",
    base={
        1: Decimal(2_531_250),
        7: Decimal(3_915_950),
        10: Decimal(5_979_200),
        17: Decimal(33_240_000),
    },
    performance_share=Decimal(70),
    performance_percentage={
        _SB: Decimal(100),
        _B: Decimal(100),
        _BP: Decimal(85),
        _K: Decimal(60),
        _SK: Decimal(60),
    },
    attendance_share=Decimal(30),
    cuts=AttendanceCuts(
        per_day_absent=Decimal(3),
        per_missing_check=Decimal(1),
        per_minute=Decimal("0.01"),
        per_missed_ceremony=Decimal(3),
    ),
    citation=(
        "Permenaker 15/2024 Pasal 5 (70 % capaian kinerja, 30 % kehadiran) and Pasal 13"
        " (attendance cuts); Kepsekjen Kemnaker 82/2025 Lampiran p.7 (predikat → percentage);"
        " tukin pokok per kelas: sandro4132017/gajihub src/business-logic/tarifTukinPokok.ts"
    ),
    note=(
        "only kelas 1, 7, 10 and 17 of the Kemnaker tukin pokok table are in this library's"
        " sources; add the others from the Lampiran of Permenaker 15/2024 to the base table"
    ),
)


# --------------------------------------------------------------------------------------------
# Career
# --------------------------------------------------------------------------------------------


@attrs.frozen
class CareerCheck(_Cited):
    """The answer to one career question (jenjang, pangkat reguler, succession pool).

    ``unconfirmed`` is true where the rule is not seen in a primary text (decision D11).
    """

    question: str
    eligible: bool
    predikat: tuple[tuple[str, Predikat], ...]
    steps: tuple[Step, ...]
    rule: str
    unconfirmed: bool = False

    def __bool__(self) -> bool:
        return self.eligible

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "rule": self.rule,
            "question": self.question,
            "eligible": self.eligible,
            "predikat": {when: p.code for when, p in self.predikat},
            "unconfirmed": self.unconfirmed,
            "citation": self.citation,
        }


def jenjang_promotion_eligible(
    predikat_last_year: Predikat | str, *, minimum: Predikat | str = Predikat.BAIK
) -> CareerCheck:
    """Whether the last year's predikat allows *kenaikan jenjang* of a jabatan fungsional.

    PerBKN 3/2023 (summary) [S18]: predikat at least Baik in the last 1 year. Kenaikan jenjang
    also needs the AK kumulatif minimal (:func:`reaches_minimum` with ``purpose="jenjang"``).
    """
    predikat = _predikat(predikat_last_year, "predikat_last_year")
    floor = _predikat(minimum, "minimum")
    eligible = predikat.rank >= floor.rank
    step = Step(
        _RULE["CAREER-JENJANG"],
        "career",
        (("last year", predikat.label_id), ("at least", floor.label_id)),
        "eligible" if eligible else "not eligible",
        "kenaikan jenjang also needs the AK kumulatif minimal for jenjang",
    )
    return CareerCheck(
        question="kenaikan jenjang JF",
        eligible=eligible,
        predikat=(("last year", predikat),),
        steps=(step,),
        rule="CAREER-JENJANG",
    )


def pangkat_reguler_eligible(
    predikat_last_two_years: Sequence[Predikat | str],
    *,
    minimum: Predikat | str = Predikat.BAIK,
) -> CareerCheck:
    """UNCONFIRMED (decision D11): whether the predikat allow *kenaikan pangkat reguler*.

    The reading: predikat at least Baik in each of the last 2 years (PP 11/2017 as amended by
    PP 17/2020; the text was not seen). Pass the two annual predikat, oldest first.

    Raises:
        InputError: not exactly two predikat.
    """
    if isinstance(predikat_last_two_years, (str, bytes)) or not isinstance(
        predikat_last_two_years, Sequence
    ):
        raise InputError(
            "must be a sequence of two predikat",
            path="predikat_last_two_years",
            value=predikat_last_two_years,
            rule="TYPE",
            fix="pass [predikat of the year before last, predikat of last year]",
        )
    if len(predikat_last_two_years) != 2:
        raise InputError(
            "kenaikan pangkat reguler looks at exactly the last 2 years",
            path="predikat_last_two_years",
            value=list(predikat_last_two_years),
            rule="D11-PANGKAT-REGULER",
            fix="pass the annual predikat of the last two years, oldest first",
        )
    items = tuple(
        _predikat(p, f"predikat_last_two_years[{i}]") for i, p in enumerate(predikat_last_two_years)
    )
    floor = _predikat(minimum, "minimum")
    eligible = all(p.rank >= floor.rank for p in items)
    labels = ("year before last", "last year")
    step = Step(
        _RULE["D11-PANGKAT-REGULER"],
        "career",
        (
            *((label, p.label_id) for label, p in zip(labels, items, strict=True)),
            ("at least", floor.label_id),
        ),
        "eligible" if eligible else "not eligible",
        "UNCONFIRMED reading (decision D11)",
    )
    return CareerCheck(
        question="kenaikan pangkat reguler",
        eligible=eligible,
        predikat=tuple(zip(labels, items, strict=True)),
        steps=(step,),
        rule="D11-PANGKAT-REGULER",
        unconfirmed=True,
    )


def succession_pool(
    predikat_by_year: Mapping[int, Predikat | str], *, years: int = 2
) -> CareerCheck:
    """Whether the employee has priority for the succession pool (*kelompok rencana suksesi*).

    PP 30/2019 [S15]: predikat Sangat Baik 2 years in a row gives priority for the succession
    pool and competence development. The library reads "in a row" as the latest ``years``
    calendar years present, consecutive, all Sangat Baik (an earlier run followed by a
    weaker year does not count).
    """
    if not isinstance(predikat_by_year, Mapping):
        raise InputError(
            "must be a mapping of year to predikat",
            path="predikat_by_year",
            value=predikat_by_year,
            rule="TYPE",
            fix="pass e.g. {2024: 'sangat_baik', 2025: 'sangat_baik'}",
        )
    years = _whole(years, "years", minimum=1, maximum=_MAX_SUCCESSION_YEARS)
    table = {
        _whole(year, f"predikat_by_year[{shown(year)}]", minimum=1970, maximum=2100): _predikat(
            p, f"predikat_by_year[{shown(year)}]"
        )
        for year, p in predikat_by_year.items()
    }
    ordered = sorted(table.items())
    latest = ordered[-years:]
    consecutive = len(latest) == years and all(
        later[0] - earlier[0] == 1 for earlier, later in itertools.pairwise(latest)
    )
    eligible = consecutive and all(p is _SB for _, p in latest)
    step = Step(
        _RULE["CAREER-SUCCESSION"],
        "career",
        tuple((str(year), p.label_id) for year, p in ordered),
        "priority for the succession pool" if eligible else "not in the succession pool",
        f"needs Sangat Baik in the latest {years} consecutive years",
    )
    return CareerCheck(
        question="kelompok rencana suksesi",
        eligible=eligible,
        predikat=tuple((str(year), p) for year, p in ordered),
        steps=(step,),
        rule="CAREER-SUCCESSION",
    )


# --------------------------------------------------------------------------------------------
# Recognition and development
# --------------------------------------------------------------------------------------------


class RecognitionKind(Labelled):
    """A form of recognition for good performance, as the regional reports describe it.

    Agency practice, not national law: Batanghari gives "penghargaan berupa sertifikat atau
    insentif"; Sabang gives "pengakuan publik atau kesempatan untuk mengikuti seminar dan
    pelatihan lebih lanjut", often "dalam acara resmi yang melibatkan masyarakat".
    """

    CERTIFICATE = "certificate"
    PUBLIC_RECOGNITION = "public_recognition"
    TRAINING_OPPORTUNITY = "training_opportunity"
    INCENTIVE = "incentive"

    @classmethod
    def _labels(cls) -> dict[RecognitionKind, tuple[str, str]]:
        return {
            cls.CERTIFICATE: ("Sertifikat penghargaan", "Certificate of recognition"),
            cls.PUBLIC_RECOGNITION: (
                "Pengakuan publik dalam acara resmi",
                "Public recognition at an official event",
            ),
            cls.TRAINING_OPPORTUNITY: (
                "Kesempatan mengikuti seminar dan pelatihan",
                "Opportunity to attend seminars and training",
            ),
            cls.INCENTIVE: ("Insentif", "Incentive"),
        }


#: The default recognition for Sangat Baik: certificate, public recognition, training.
DEFAULT_RECOGNITION: tuple[RecognitionKind, ...] = (
    RecognitionKind.CERTIFICATE,
    RecognitionKind.PUBLIC_RECOGNITION,
    RecognitionKind.TRAINING_OPPORTUNITY,
)


@attrs.frozen
class Recognition(_Cited):
    """The recognition a predikat earns under an agency's practice (rule ``RECOGNITION``)."""

    predikat: Predikat
    items: tuple[RecognitionKind, ...]
    steps: tuple[Step, ...]
    period: str | None = None
    rule: str = "RECOGNITION"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "rule": self.rule,
            "period": self.period,
            "predikat": self.predikat.code,
            "items": [item.code for item in self.items],
            "agency_practice": True,
            "citation": self.citation,
        }


def _predikat_set(value: object, field: str) -> frozenset[Predikat]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(
            "must be a collection of predikat",
            path=field,
            value=value,
            rule="TYPE",
            fix="pass e.g. {'sangat_baik'}",
        )
    return frozenset(_predikat(item, field) for item in value)


def _recognition_items(value: object) -> tuple[RecognitionKind, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(
            "must be a collection of recognition kinds",
            path="items",
            value=value,
            rule="TYPE",
            fix="pass e.g. ('certificate', 'public_recognition')",
        )
    return tuple(RecognitionKind.parse(item, field="items") for item in value)


def recognise(
    predikat: Predikat | str,
    *,
    for_predikat: Iterable[Predikat | str] = (Predikat.SANGAT_BAIK,),
    items: Iterable[RecognitionKind | str] = DEFAULT_RECOGNITION,
    period: Period | None = None,
) -> Recognition | None:
    """The recognition ``predikat`` earns, or ``None`` (agency practice, not national law).

    PermenPANRB 6/2022 Pasal 5 ends with *penghargaan dan sanksi* but prescribes no form; the
    defaults (certificate, public recognition, training opportunity for Sangat Baik) follow
    the regional reports. An agency chooses ``for_predikat`` and ``items``.
    """
    predikat = _predikat(predikat, "predikat")
    eligible = _predikat_set(for_predikat, "for_predikat")
    kinds = _recognition_items(items)
    if predikat not in eligible or not kinds:
        return None
    step = Step(
        _RULE["RECOGNITION"],
        "recognition",
        (*(() if period is None else (("period", period.code),)), ("predikat", predikat.label_id)),
        "; ".join(kind.label_id for kind in kinds),
        "agency practice described in the regional reports, not national law",
    )
    return Recognition(
        predikat=predikat,
        items=kinds,
        steps=(step,),
        period=None if period is None else period.code,
    )


@attrs.frozen
class DevelopmentRecommendation(_Cited):
    """What to develop after a weak predikat (rule ``DEVELOPMENT``).

    Names the BerAKHLAK values and the work results (RHK) that the pejabat penilai kinerja
    rated Di Bawah Ekspektasi, and whether each dimension as a whole was below expectation
    (useful when the pejabat penilai gave only the overall ratings).
    """

    predikat: Predikat
    period: str
    values: tuple[CoreValue, ...]
    work_results: tuple[tuple[str, str], ...]
    hasil_kerja_below: bool
    perilaku_kerja_below: bool
    steps: tuple[Step, ...]
    rule: str = "DEVELOPMENT"

    def text(self) -> str:
        """The recommendation as readable text (English, with the Indonesian names)."""
        lines = [f"Predikat {self.predikat.label_id} ({self.period}): development recommended."]
        if self.values:
            lines.append("BerAKHLAK values rated Di Bawah Ekspektasi:")
            for value in self.values:
                lines.append(f"- {value.label_id}: " + "; ".join(value.guides))
        elif self.perilaku_kerja_below:
            lines.append(
                "Perilaku kerja was rated Di Bawah Ekspektasi as a whole, without a rating per"
                " value: discuss all seven BerAKHLAK values."
            )
        if self.work_results:
            lines.append("Work results (RHK) rated Di Bawah Ekspektasi:")
            lines.extend(f"- {wr_id}: {text}" for wr_id, text in self.work_results)
        elif self.hasil_kerja_below:
            lines.append(
                "Hasil kerja was rated Di Bawah Ekspektasi as a whole, without a rating per"
                " work result: review every RHK and its indicators."
            )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "rule": self.rule,
            "period": self.period,
            "predikat": self.predikat.code,
            "values": [v.code for v in self.values],
            "work_results": [{"id": i, "text": t} for i, t in self.work_results],
            "hasil_kerja_below": self.hasil_kerja_below,
            "perilaku_kerja_below": self.perilaku_kerja_below,
            "citation": self.citation,
        }


def _check_appraisal(appraisal: object, field: str = "appraisal") -> Appraisal:
    if not isinstance(appraisal, Appraisal):
        raise InputError(
            "must be an Appraisal",
            path=field,
            value=type(appraisal).__name__,
            rule="TYPE",
            fix="pass the result of appraise()",
        )
    return appraisal


def _pejabat_penilai(appraisal: Appraisal) -> Assessment:
    # appraise() refuses an appraisal without it and refuses a second one.
    return next(a for a in appraisal.assessments if a.role is AssessorRole.PEJABAT_PENILAI)


def recommend_development(
    appraisal: Appraisal,
    *,
    for_predikat: Iterable[Predikat | str] = (_BP, _K, _SK),
) -> DevelopmentRecommendation | None:
    """A development recommendation for a weak predikat, or ``None``.

    For Butuh Perbaikan and below (by default), names the BerAKHLAK values and the work
    results that the pejabat penilai kinerja rated Di Bawah Ekspektasi in their assessment
    (``behaviour_ratings`` and ``work_result_ratings``), in plan order.
    """
    appraisal = _check_appraisal(appraisal)
    eligible = _predikat_set(for_predikat, "for_predikat")
    if appraisal.predikat not in eligible:
        return None
    lead = _pejabat_penilai(appraisal)
    plan = appraisal.plan
    values = tuple(
        value for value in CoreValue if lead.behaviour_ratings.get(value) is Rating.DI_BAWAH
    )
    work_results = tuple(
        (wr.id, wr.text)
        for wr in plan.work_results
        if lead.work_result_ratings.get(wr.id) is Rating.DI_BAWAH
    )
    hasil_below = appraisal.rating_hasil_kerja is Rating.DI_BAWAH
    perilaku_below = appraisal.rating_perilaku_kerja is Rating.DI_BAWAH
    step = Step(
        _RULE["DEVELOPMENT"],
        "development",
        (
            ("period", appraisal.period.code),
            ("predikat", appraisal.predikat.label_id),
            ("rating hasil kerja", appraisal.rating_hasil_kerja.label_id),
            ("rating perilaku kerja", appraisal.rating_perilaku_kerja.label_id),
        ),
        "develop: "
        + (
            ", ".join(v.label_id for v in values)
            or ("perilaku kerja as a whole" if perilaku_below else "no value rated below")
        )
        + "; improve: "
        + (
            ", ".join(i for i, _ in work_results)
            or ("hasil kerja as a whole" if hasil_below else "no work result rated below")
        ),
        "from the pejabat penilai kinerja's assessment",
    )
    return DevelopmentRecommendation(
        predikat=appraisal.predikat,
        period=appraisal.period.code,
        values=values,
        work_results=work_results,
        hasil_kerja_below=hasil_below,
        perilaku_kerja_below=perilaku_below,
        steps=(step,),
    )


# --------------------------------------------------------------------------------------------
# Consequences (PP 30/2019 Pasal 56-58)
# --------------------------------------------------------------------------------------------


def _last_day(first: dt.date, *, months: int = 0, years: int = 0) -> dt.date:
    """The last day of a span of whole months (or years) that starts on ``first``.

    From 16 January, 6 months end on 15 July; from 1 September, on 28 (or 29) February.
    """
    after = first + relativedelta(months=months, years=years)
    if after.day != first.day:  # clipped to the end of a shorter month: that day is the last
        return after
    return after - dt.timedelta(days=1)


@attrs.frozen
class TimelineStage:
    """One stage of the PP 30/2019 timeline, with its dates (``ends_on`` may be open)."""

    code: str
    starts_on: dt.date
    ends_on: dt.date | None
    description: str


@attrs.frozen
class ImprovementTimeline(_Cited):
    """The dates that follow targets not met (PP 30/2019 Pasal 56-58).

    Attributes:
        result_received_on: the day the employee received the appraisal result.
        improvement_from, improvement_until: the 6-month window to improve (Pasal 57),
            starting the day after the result is received.
        reassignment_from: the earliest day of the reassignment if targets are still not met
            (JA/JF: another position matching competence, or a lower one; JPT: uji kompetensi
            again, then another or lower position).
        placement_from, placement_until: if no position is available, a temporary placement
            of at most 1 year.
        dismissal_recommendation_from: if still no position, the earliest day of the
            recommendation for honourable dismissal (*diberhentikan dengan hormat*).
    """

    result_received_on: dt.date
    improvement_from: dt.date
    improvement_until: dt.date
    reassignment_from: dt.date
    placement_from: dt.date
    placement_until: dt.date
    dismissal_recommendation_from: dt.date
    jpt: bool
    steps: tuple[Step, ...]
    rule: str = "PP30-TARGETS-NOT-MET"

    @property
    def stages(self) -> tuple[TimelineStage, ...]:
        """The four stages in order."""
        reassign = (
            "re-take the uji kompetensi; may be moved to another or a lower position"
            if self.jpt
            else "moved to another position matching competence, or a lower one"
        )
        return (
            TimelineStage(
                "improvement",
                self.improvement_from,
                self.improvement_until,
                "6 months to improve (PP 30/2019 Pasal 57)",
            ),
            TimelineStage(
                "reassignment",
                self.reassignment_from,
                None,
                f"if targets are still not met: {reassign} (PP 30/2019 Pasal 56-58)",
            ),
            TimelineStage(
                "temporary_placement",
                self.placement_from,
                self.placement_until,
                "if no position is available: placed temporarily for at most 1 year"
                " (PP 30/2019 Pasal 56-58)",
            ),
            TimelineStage(
                "dismissal_recommendation",
                self.dismissal_recommendation_from,
                None,
                "if still no position: recommendation for honourable dismissal"
                " (diberhentikan dengan hormat, PP 30/2019 Pasal 56-58)",
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (dates as ISO text)."""
        return {
            "rule": self.rule,
            "result_received_on": self.result_received_on.isoformat(),
            "stages": [
                {
                    "code": s.code,
                    "starts_on": s.starts_on.isoformat(),
                    "ends_on": None if s.ends_on is None else s.ends_on.isoformat(),
                    "description": s.description,
                }
                for s in self.stages
            ],
            "citation": self.citation,
        }


def _date(value: object, field: str) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InputError("must be a date", path=field, value=value, rule="TYPE", fix="pass a date")
    if not _FIRST_DAY <= value <= _LAST_DAY:
        raise InputError(
            f"must be a date from {_FIRST_DAY.isoformat()} to {_LAST_DAY.isoformat()}",
            path=field,
            value=value.isoformat(),
            rule="RANGE",
            fix="check the year",
        )
    return value


def improvement_timeline(
    result_received_on: dt.date,
    *,
    placed_on: dt.date | None = None,
    improvement_months: int = 6,
    placement_years: int = 1,
    jpt: bool = False,
) -> ImprovementTimeline:
    """The PP 30/2019 Pasal 56-58 timeline after targets are not met, with dates (dateutil).

    The 6-month improvement window starts the day after the result is received and lasts
    whole months (received 15 January 2026 → 16 January to 15 July 2026). Reassignment may
    follow from the next day. If no position is available, the temporary placement starts on
    ``placed_on`` (default: the first day of the reassignment stage) and lasts at most 1 year;
    the recommendation for honourable dismissal may follow the day after it ends. ``jpt``
    selects the JPT wording (uji kompetensi again).
    """
    received = _date(result_received_on, "result_received_on")
    months = _whole(
        improvement_months, "improvement_months", minimum=1, maximum=_MAX_IMPROVEMENT_MONTHS
    )
    years = _whole(placement_years, "placement_years", minimum=1, maximum=_MAX_PLACEMENT_YEARS)
    start = received + dt.timedelta(days=1)
    until = _last_day(start, months=months)
    reassignment = until + dt.timedelta(days=1)
    placement = reassignment if placed_on is None else _date(placed_on, "placed_on")
    if placement < reassignment:
        raise InputError(
            "a temporary placement follows the improvement window",
            path="placed_on",
            value=placement.isoformat(),
            rule="PP30-TARGETS-NOT-MET",
            fix=f"give a date on or after {reassignment.isoformat()}",
        )
    placement_until = _last_day(placement, years=years)
    dismissal = placement_until + dt.timedelta(days=1)
    step = Step(
        _RULE["PP30-TARGETS-NOT-MET"],
        "consequences",
        (
            ("result received on", received.isoformat()),
            ("improvement window", f"{months} months"),
            ("temporary placement", f"at most {years} year(s)"),
        ),
        f"improve {start.isoformat()} – {until.isoformat()}; reassignment from"
        f" {reassignment.isoformat()}; placement {placement.isoformat()} –"
        f" {placement_until.isoformat()}; dismissal recommendation from {dismissal.isoformat()}",
        "each later stage applies only if the earlier one did not resolve it",
    )
    return ImprovementTimeline(
        result_received_on=received,
        improvement_from=start,
        improvement_until=until,
        reassignment_from=reassignment,
        placement_from=placement,
        placement_until=placement_until,
        dismissal_recommendation_from=dismissal,
        jpt=bool(jpt),
        steps=(step,),
    )


@attrs.frozen
class Consequences(_Cited):
    """What follows a weak appraisal: the PP 30/2019 timeline and/or pembinaan.

    ``timeline`` is set when targets were not met (rating hasil kerja Di Bawah Ekspektasi);
    ``pembinaan`` when the predikat is in the policy's pembinaan set (Kurang/Misconduct and
    Sangat Kurang by default); ``administrative_sanction`` when, in addition, the agency's
    policy imposes an administrative sanction (PP 30/2019 Pasal 56: "dapat").
    """

    predikat: Predikat
    period: str
    timeline: ImprovementTimeline | None
    pembinaan: bool
    administrative_sanction: bool
    steps: tuple[Step, ...]
    rule: str = "PP30-TARGETS-NOT-MET"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "rule": self.rule,
            "period": self.period,
            "predikat": self.predikat.code,
            "timeline": None if self.timeline is None else self.timeline.to_dict(),
            "pembinaan": self.pembinaan,
            "administrative_sanction": self.administrative_sanction,
            "citation": self.citation,
        }


def consequences(
    appraisal: Appraisal,
    *,
    result_received_on: dt.date | None = None,
    pembinaan_for: Iterable[Predikat | str] = (_K, _SK),
    administrative_sanction: bool = False,
    improvement_months: int = 6,
    placement_years: int = 1,
) -> Consequences | None:
    """What follows ``appraisal`` under PP 30/2019 Pasal 56-58 and the agency's policy.

    * Targets not met -- read as rating hasil kerja Di Bawah Ekspektasi (predikat Butuh
      Perbaikan or Sangat Kurang) -- opens the :func:`improvement_timeline`, counted from
      ``result_received_on`` (default: the day the pejabat penilai gave the assessment).
    * A predikat in ``pembinaan_for`` (Kurang/Misconduct and Sangat Kurang by default) leads
      to pembinaan and, when ``administrative_sanction`` is set by the agency, to an
      administrative sanction under the agency's rules.

    Returns ``None`` when nothing follows.
    """
    appraisal = _check_appraisal(appraisal)
    pembinaan_set = _predikat_set(pembinaan_for, "pembinaan_for")
    if not isinstance(administrative_sanction, bool):
        raise InputError(
            "must be True or False",
            path="administrative_sanction",
            value=administrative_sanction,
            rule="TYPE",
            fix="pass a bool",
        )
    targets_not_met = appraisal.rating_hasil_kerja is Rating.DI_BAWAH
    pembinaan = appraisal.predikat in pembinaan_set
    if not targets_not_met and not pembinaan:
        return None
    steps: list[Step] = []
    timeline = None
    if targets_not_met:
        received = (
            _pejabat_penilai(appraisal).given_on
            if result_received_on is None
            else _date(result_received_on, "result_received_on")
        )
        timeline = improvement_timeline(
            received,
            improvement_months=improvement_months,
            placement_years=placement_years,
            jpt=appraisal.plan.employee.position.kind is PositionKind.JPT,
        )
        steps.extend(timeline.steps)
    if pembinaan:
        steps.append(
            Step(
                _RULE["PEMBINAAN"],
                "consequences",
                (("period", appraisal.period.code), ("predikat", appraisal.predikat.label_id)),
                "pembinaan"
                + (
                    "; administrative sanction under the agency's rules"
                    if administrative_sanction
                    else ""
                ),
                "the administrative sanction is the agency's policy (PP 30/2019 Pasal 56: 'dapat')",
            )
        )
    return Consequences(
        predikat=appraisal.predikat,
        period=appraisal.period.code,
        timeline=timeline,
        pembinaan=pembinaan,
        administrative_sanction=pembinaan and administrative_sanction,
        steps=tuple(steps),
        rule="PP30-TARGETS-NOT-MET" if targets_not_met else "PEMBINAAN",
    )


# --------------------------------------------------------------------------------------------
# RewardPolicy
# --------------------------------------------------------------------------------------------


def _jenjang_table(value: object) -> FrozenMap[Jenjang, Decimal]:
    return _percent_table(value, "koefisien", keys=Jenjang, parse=Jenjang.parse)


def _ak_percentages(value: object) -> FrozenMap[Predikat, Decimal]:
    return _percent_table(value, "percentages", keys=Predikat, parse=Predikat.parse)


def _minimum_table(value: object) -> FrozenMap[Jenjang, AkMinimum]:
    if not isinstance(value, Mapping) or not all(
        isinstance(item, AkMinimum) for item in value.values()
    ):
        raise PolicyError(
            "must be a mapping of jenjang to AkMinimum",
            path="minimum",
            value=value,
            rule="POLICY-TABLE",
            fix="pass a table like AK_MINIMUM",
        )
    table = {Jenjang.parse(k, field=f"minimum[{shown(k)}]"): v for k, v in value.items()}
    if set(table) != set(Jenjang):
        raise PolicyError(
            "the table needs an entry for every jenjang",
            path="minimum",
            value=sorted(j.code for j in table),
            rule="POLICY-TABLE",
            fix="give an AkMinimum for each jenjang",
        )
    return FrozenMap(table)


@attrs.frozen
class AngkaKreditRule:
    """The angka kredit rule's parameters (default: the national tables)."""

    percentages: FrozenMap[Predikat, Decimal] = attrs.field(
        default=AK_PERCENTAGE, converter=_ak_percentages
    )
    koefisien: FrozenMap[Jenjang, Decimal] = attrs.field(
        default=KOEFISIEN, converter=_jenjang_table
    )
    minimum: FrozenMap[Jenjang, AkMinimum] = attrs.field(
        default=AK_MINIMUM, converter=_minimum_table
    )


def _from_one_to(maximum: int) -> Any:
    """An attrs validator: a whole number from 1 to ``maximum``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _whole(value, attribute.name, minimum=1, maximum=maximum)

    return check


def _to_predikat(value: object) -> Predikat:
    return _predikat(value, "minimum")


@attrs.frozen
class CareerRule:
    """The career rules' parameters.

    ``pangkat_reguler`` switches the UNCONFIRMED D11 rule on or off.
    """

    minimum: Predikat = attrs.field(default=Predikat.BAIK, converter=_to_predikat)
    pangkat_reguler: bool = attrs.field(default=True, validator=check_type(bool))
    succession_years: int = attrs.field(default=2, validator=_from_one_to(_MAX_SUCCESSION_YEARS))


def _for_predikat(value: object) -> frozenset[Predikat]:
    return _predikat_set(value, "for_predikat")


def _pembinaan_for(value: object) -> frozenset[Predikat]:
    return _predikat_set(value, "pembinaan_for")


@attrs.frozen
class RecognitionRule:
    """Which predikat earn recognition, and what (agency practice)."""

    for_predikat: frozenset[Predikat] = attrs.field(
        default=frozenset({_SB}), converter=_for_predikat
    )
    items: tuple[RecognitionKind, ...] = attrs.field(
        default=DEFAULT_RECOGNITION, converter=_recognition_items
    )


@attrs.frozen
class DevelopmentRule:
    """Which predikat lead to a development recommendation (default: Butuh Perbaikan and below)."""

    for_predikat: frozenset[Predikat] = attrs.field(
        default=frozenset({_BP, _K, _SK}), converter=_for_predikat
    )


@attrs.frozen
class ConsequenceRule:
    """The consequences' parameters: PP 30/2019 durations, pembinaan set, sanction flag."""

    improvement_months: int = attrs.field(
        default=6, validator=_from_one_to(_MAX_IMPROVEMENT_MONTHS)
    )
    placement_years: int = attrs.field(default=1, validator=_from_one_to(_MAX_PLACEMENT_YEARS))
    pembinaan_for: frozenset[Predikat] = attrs.field(
        default=frozenset({_K, _SK}), converter=_pembinaan_for
    )
    administrative_sanction: bool = attrs.field(default=False, validator=check_type(bool))


@attrs.frozen
class RewardOutcome:
    """Everything that follows one employee's appraisals under one :class:`RewardPolicy`.

    Attributes:
        policy, version: the policy applied.
        nip: the employee's NIP.
        periods: the periods appraised, in order.
        angka_kredit: one result per period (empty when the employee holds no JF).
        angka_kredit_total: the accumulation, with ``start`` the prior angka kredit.
        minimums: whether the total reaches the AK minimum for pangkat and for jenjang.
        allowances: one allowance per monthly period (when the policy has one and a kelas
            was given).
        career: the career checks that could be made from the annual appraisals.
        recognition, development, consequences: from the latest appraisal.
        notes: what was not computed, and why.
    """

    policy: str
    version: str
    nip: str
    periods: tuple[str, ...]
    angka_kredit: tuple[AngkaKreditResult, ...] = ()
    angka_kredit_total: AngkaKreditTotal | None = None
    minimums: tuple[MinimumCheck, ...] = ()
    allowances: tuple[AllowanceResult, ...] = ()
    career: tuple[CareerCheck, ...] = ()
    recognition: Recognition | None = None
    development: DevelopmentRecommendation | None = None
    consequences: Consequences | None = None
    notes: tuple[str, ...] = ()

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every step, in the order the rules were applied."""
        steps: list[Step] = []
        for result in self.angka_kredit:
            steps.extend(result.steps)
        if self.angka_kredit_total is not None:
            steps.extend(self.angka_kredit_total.steps)
        for check in self.minimums:
            steps.extend(check.steps)
        for allowance in self.allowances:
            steps.extend(allowance.steps)
        for career in self.career:
            steps.extend(career.steps)
        for outcome in (self.recognition, self.development, self.consequences):
            if outcome is not None:
                steps.extend(outcome.steps)
        return tuple(steps)

    @property
    def explanation(self) -> Explanation:
        """The steps as an :class:`~asn_performance.domain.explanation.Explanation`."""
        return Explanation(self.steps)

    def explain(self) -> str:
        """The outcome as readable text: a header, every step with its citation, the notes."""
        head = (
            f"rewards for {self.nip} under {self.policy} {self.version}: {', '.join(self.periods)}"
        )
        text = head + "\n" + render_steps(self.steps)
        if self.notes:
            text += "\nnotes:\n" + "\n".join(f"- {note}" for note in self.notes)
        return text

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: amounts as decimal text, dates as ISO text."""
        return {
            "policy": self.policy,
            "version": self.version,
            "nip": self.nip,
            "periods": list(self.periods),
            "angka_kredit": None
            if self.angka_kredit_total is None
            else self.angka_kredit_total.to_dict(),
            "minimums": [m.to_dict() for m in self.minimums],
            "allowances": [a.to_dict() for a in self.allowances],
            "career": [c.to_dict() for c in self.career],
            "recognition": None if self.recognition is None else self.recognition.to_dict(),
            "development": None if self.development is None else self.development.to_dict(),
            "consequences": None if self.consequences is None else self.consequences.to_dict(),
            "notes": list(self.notes),
        }


def _optional_kelas(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _whole(value, "kelas", minimum=1, maximum=_MAX_KELAS)


def _attendance_by_month(value: object) -> FrozenMap[str, Attendance]:
    if not isinstance(value, Mapping):
        raise InputError(
            "must be a mapping of month to Attendance",
            path="attendance",
            value=type(value).__name__,
            rule="TYPE",
            fix="pass e.g. {'2025-03': Attendance(days_absent=1)}",
        )
    table: dict[str, Attendance] = {}
    for key, record in value.items():
        field = f"attendance[{shown(key.code if isinstance(key, Period) else key)}]"
        period = key if isinstance(key, Period) else Period.parse(key, field=field)
        if period.kind is not PeriodKind.MONTHLY:
            raise InputError(
                "attendance is recorded per month (the allowance is paid on the monthly predikat)",
                path=field,
                value=period.code,
                rule="TUKIN-ATTENDANCE",
                fix="key each record by its month, e.g. '2025-03'",
            )
        if period.code in table:
            raise InputError(
                f"two records name the month {period.code}",
                path=field,
                value=period.code,
                rule="TUKIN-ATTENDANCE",
                fix="give one record per month",
            )
        if not isinstance(record, Attendance):
            raise InputError(
                "must be an Attendance",
                path=field,
                value=type(record).__name__,
                rule="TYPE",
                fix="pass Attendance(days_absent=..., ...)",
            )
        table[period.code] = record
    return FrozenMap(dict(sorted(table.items())))


def _prior(value: object) -> Decimal:
    return to_decimal(value, field="prior_angka_kredit", allow_negative=False)


def _optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _date(value, attribute.name)


@attrs.frozen
class RewardInputs:
    """What :meth:`RewardPolicy.evaluate` needs for one employee besides the appraisals.

    The jenjang comes from the employee's position; the rest is kept by the personnel or
    payroll system. Every field is optional.

    Attributes:
        kelas: the kelas jabatan, for the allowance.
        attendance: the monthly attendance records, keyed by the month's period code
            (``"2025-03"``); a month without a record has no cuts.
        prior_angka_kredit: angka kredit already held (default 0).
        result_received_on: when the employee received the latest result (default: the day
            the pejabat penilai gave the latest assessment).
    """

    kelas: int | None = attrs.field(default=None, validator=_optional_kelas)
    attendance: FrozenMap[str, Attendance] = attrs.field(
        factory=FrozenMap, converter=_attendance_by_month
    )
    prior_angka_kredit: Decimal = attrs.field(default=Decimal(0), converter=_prior)
    result_received_on: dt.date | None = attrs.field(default=None, validator=_optional_date)

    def evaluate(
        self, policy: RewardPolicy, appraisals: Sequence[Appraisal] | Appraisal
    ) -> RewardOutcome:
        """``policy.evaluate(appraisals, ...)`` with these inputs."""
        if not isinstance(policy, RewardPolicy):
            raise PolicyError(
                "policy must be a RewardPolicy",
                path="policy",
                value=type(policy).__name__,
                rule="TYPE",
                fix="pass NATIONAL or your own RewardPolicy",
            )
        return policy.evaluate(
            appraisals,
            kelas=self.kelas,
            attendance=self.attendance,
            prior_angka_kredit=self.prior_angka_kredit,
            result_received_on=self.result_received_on,
        )


def _ordered(appraisals: object) -> tuple[Appraisal, ...]:
    if isinstance(appraisals, Appraisal):
        appraisals = (appraisals,)
    if isinstance(appraisals, (str, bytes)) or not isinstance(appraisals, Iterable):
        raise InputError(
            "must be a collection of Appraisal objects",
            path="appraisals",
            value=type(appraisals).__name__,
            rule="TYPE",
            fix="pass a list of the results of appraise()",
        )
    items = tuple(_check_appraisal(a, f"appraisals[{i}]") for i, a in enumerate(appraisals))
    if not items:
        raise InputError(
            "there are no appraisals to evaluate",
            path="appraisals",
            value=[],
            rule="REWARD-APPRAISALS",
            fix="pass at least one appraisal",
        )
    nips = {a.employee_nip for a in items}
    if len(nips) > 1:
        raise InputError(
            "a reward policy evaluates one employee at a time",
            path="appraisals",
            value=sorted(nips),
            rule="REWARD-APPRAISALS",
            fix="group the appraisals by employee and evaluate each group",
        )
    ordered = tuple(sorted(items, key=lambda a: (a.period.start, a.period.end)))
    for earlier, later in itertools.pairwise(ordered):
        if later.period.start <= earlier.period.end:
            raise InputError(
                f"periods {earlier.period.code} and {later.period.code} overlap; their angka"
                " kredit would be counted twice",
                path="appraisals",
                value=[earlier.period.code, later.period.code],
                rule="REWARD-APPRAISALS",
                fix="pass either the annual appraisal or the periodic ones of a year, not both",
            )
    return ordered


@attrs.frozen
class RewardPolicy:
    """A named, versioned set of reward rules with their parameters.

    A rule set to ``None`` is not applied. The defaults are the national rules of this
    module; ``allowance`` has no default because every agency pays its own tunjangan kinerja
    or TPP. See ``docs/how-to/write-a-reward-policy.md``.

    Attributes:
        name, version: identify the policy in outcomes.
        angka_kredit: :class:`AngkaKreditRule` (PermenPANRB 1/2023; PerBKN 3/2023).
        allowance: an :class:`AllowancePolicy` (agency), or ``None``.
        career: :class:`CareerRule` (PerBKN 3/2023; D11; PP 30/2019).
        recognition: :class:`RecognitionRule` (agency practice).
        development: :class:`DevelopmentRule`.
        consequences: :class:`ConsequenceRule` (PP 30/2019 Pasal 56-58; agency sanction flag).
        description: free text.
    """

    name: str = attrs.field(validator=check_text(100))
    version: str = attrs.field(validator=check_text(100))
    angka_kredit: AngkaKreditRule | None = attrs.field(
        factory=AngkaKreditRule, validator=check_type(AngkaKreditRule, optional=True)
    )
    allowance: AllowancePolicy | None = attrs.field(
        default=None, validator=check_type(AllowancePolicy, optional=True)
    )
    career: CareerRule | None = attrs.field(
        factory=CareerRule, validator=check_type(CareerRule, optional=True)
    )
    recognition: RecognitionRule | None = attrs.field(
        factory=RecognitionRule, validator=check_type(RecognitionRule, optional=True)
    )
    development: DevelopmentRule | None = attrs.field(
        factory=DevelopmentRule, validator=check_type(DevelopmentRule, optional=True)
    )
    consequences: ConsequenceRule | None = attrs.field(
        factory=ConsequenceRule, validator=check_type(ConsequenceRule, optional=True)
    )
    description: str = attrs.field(default="", validator=check_text(2000, required=False))

    def evaluate(
        self,
        appraisals: Sequence[Appraisal] | Appraisal,
        *,
        jenjang: Jenjang | str | None = None,
        prior_angka_kredit: Decimal | int | str = 0,
        kelas: int | None = None,
        attendance: Attendance | Mapping[str, Attendance] | None = None,
        result_received_on: dt.date | None = None,
    ) -> RewardOutcome:
        """Apply the policy to one employee's appraisals over one or more periods.

        Args:
            appraisals: the employee's appraisals; periods must not overlap (an annual
                appraisal and the monthly ones of the same year would count twice).
            jenjang: the jenjang for angka kredit; default each appraisal's plan position.
            prior_angka_kredit: angka kredit already held, added before accumulating.
            kelas: the kelas jabatan for the allowance (needed when the policy has one).
            attendance: one :class:`Attendance` (for a single month), or a mapping from the
                monthly period code (``"2025-03"``) to its attendance; a month without a
                record has no cuts (noted).
            result_received_on: when the employee received the latest result; default the
                day the pejabat penilai gave the latest assessment.

        Which appraisal feeds which rule:

        * angka kredit: every appraisal, prorated by its months (:func:`months_of`);
        * allowance: every appraisal of a monthly period;
        * career: the annual appraisals (decision D1: periodic predikat are not combined into
          an annual one);
        * recognition, development and consequences: the latest appraisal (by end date, the
          longer period first among those ending the same day).
        """
        ordered = _ordered(appraisals)
        notes: list[str] = []
        fields: dict[str, Any] = {}
        if self.angka_kredit is not None:
            fields.update(self._angka_kredit(ordered, jenjang, prior_angka_kredit, notes))
        if self.allowance is not None:
            fields["allowances"] = self._allowances(ordered, kelas, attendance, notes)
        if self.career is not None:
            fields["career"] = self._career(ordered, notes)
        latest = max(ordered, key=lambda a: (a.period.end, a.period.days))
        if self.recognition is not None:
            fields["recognition"] = recognise(
                latest.predikat,
                for_predikat=self.recognition.for_predikat,
                items=self.recognition.items,
                period=latest.period,
            )
        if self.development is not None:
            fields["development"] = recommend_development(
                latest, for_predikat=self.development.for_predikat
            )
        if self.consequences is not None:
            rule = self.consequences
            fields["consequences"] = consequences(
                latest,
                result_received_on=result_received_on,
                pembinaan_for=rule.pembinaan_for,
                administrative_sanction=rule.administrative_sanction,
                improvement_months=rule.improvement_months,
                placement_years=rule.placement_years,
            )
        return RewardOutcome(
            policy=self.name,
            version=self.version,
            nip=ordered[0].employee_nip,
            periods=tuple(a.period.code for a in ordered),
            notes=tuple(notes),
            **fields,
        )

    def _angka_kredit(
        self,
        ordered: tuple[Appraisal, ...],
        jenjang: Jenjang | str | None,
        prior: Decimal | int | str,
        notes: list[str],
    ) -> dict[str, Any]:
        rule = self.angka_kredit
        assert rule is not None  # noqa: S101 - the caller checked
        override = None if jenjang is None else _jenjang(jenjang)
        results = []
        held: Jenjang | None = None
        for appraisal in ordered:
            level = override or appraisal.plan.employee.position.jenjang
            if level is None:
                notes.append(f"{appraisal.period.code}: not a jabatan fungsional; no angka kredit")
                continue
            held = level
            results.append(
                angka_kredit(
                    appraisal.predikat,
                    level,
                    months_of(appraisal.period),
                    period=appraisal.period,
                    percentages=rule.percentages,
                    koefisien=rule.koefisien,
                )
            )
        if held is None:
            return {}
        total = accumulate(results, start=prior)
        minimums = [reaches_minimum(total, held, AkPurpose.PANGKAT, table=rule.minimum)]
        if rule.minimum[held].jenjang is not None:
            minimums.append(reaches_minimum(total, held, AkPurpose.JENJANG, table=rule.minimum))
        else:
            notes.append(f"{held.label_id} is the highest jenjang of its category: no next jenjang")
        return {
            "angka_kredit": tuple(results),
            "angka_kredit_total": total,
            "minimums": tuple(minimums),
        }

    def _allowances(
        self,
        ordered: tuple[Appraisal, ...],
        kelas: int | None,
        attendance: Attendance | Mapping[str, Attendance] | None,
        notes: list[str],
    ) -> tuple[AllowanceResult, ...]:
        policy = self.allowance
        assert policy is not None  # noqa: S101 - the caller checked
        if kelas is None:
            notes.append(f"allowance {policy.name}: no kelas jabatan given; not computed")
            return ()
        monthly = [a for a in ordered if a.period.kind is PeriodKind.MONTHLY]
        skipped = [a.period.code for a in ordered if a.period.kind is not PeriodKind.MONTHLY]
        if skipped:
            notes.append(
                f"allowance {policy.name}: paid on monthly predikat; not computed for "
                + ", ".join(skipped)
            )
        if isinstance(attendance, Attendance) and len(monthly) > 1:
            raise InputError(
                "one Attendance was given for several months",
                path="attendance",
                value=[a.period.code for a in monthly],
                rule="TUKIN-ATTENDANCE",
                fix="pass a mapping from the month ('2025-03') to its Attendance",
            )
        results = []
        for appraisal in monthly:
            code = appraisal.period.code
            if isinstance(attendance, Attendance):
                record: Attendance | None = attendance
            elif attendance is None:
                record = None
            elif isinstance(attendance, Mapping):
                record = attendance.get(code)
            else:
                raise InputError(
                    "must be an Attendance or a mapping of month to Attendance",
                    path="attendance",
                    value=type(attendance).__name__,
                    rule="TYPE",
                    fix="pass {'2025-03': Attendance(...)}",
                )
            if record is None:
                notes.append(f"allowance {code}: no attendance record; no cuts applied")
            results.append(
                compute_allowance(
                    policy, kelas, appraisal.predikat, record, period=appraisal.period
                )
            )
        return tuple(results)

    def _career(self, ordered: tuple[Appraisal, ...], notes: list[str]) -> tuple[CareerCheck, ...]:
        rule = self.career
        assert rule is not None  # noqa: S101 - the caller checked
        annual = [a for a in ordered if a.period.kind is PeriodKind.ANNUAL]
        if not annual:
            notes.append("career: no annual appraisal; career rules look at annual predikat (D1)")
            return ()
        by_year = {a.period.start.year: a.predikat for a in annual}
        last = annual[-1]
        checks: list[CareerCheck] = []
        if last.plan.employee.position.jenjang is not None:
            checks.append(jenjang_promotion_eligible(last.predikat, minimum=rule.minimum))
        if rule.pangkat_reguler:
            years = sorted(by_year)[-2:]
            if last.plan.employee.nip.kind is NipKind.PPPK:
                notes.append("pangkat reguler: a PPPK holds no pangkat")
            elif len(years) < 2 or years[1] - years[0] != 1:
                notes.append(
                    "pangkat reguler: needs the annual predikat of the last 2 consecutive years"
                )
            else:
                checks.append(
                    pangkat_reguler_eligible(
                        [by_year[years[0]], by_year[years[1]]], minimum=rule.minimum
                    )
                )
        checks.append(succession_pool(by_year, years=rule.succession_years))
        return tuple(checks)


#: The national rules without an allowance: angka kredit, career (D11 included), recognition
#: (agency practice defaults), development and PP 30/2019 consequences without sanction.
NATIONAL: Final = RewardPolicy(
    name="national",
    version="2025.1",
    description="National rules of PermenPANRB 1/2023, PerBKN 3/2023 and PP 30/2019; no"
    " allowance; recognition defaults from the regional reports",
)
