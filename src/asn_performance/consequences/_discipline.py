"""Disciplinary penalties (PP 94/2021) as typed inputs, their tunjangan cut and career effect.

Part of :mod:`asn_performance.consequences.allowance` and
:mod:`asn_performance.consequences.policy` (which re-export the public names; kept apart so
that no module passes 800 lines): the typed inputs (:class:`DisciplineLevel`,
:class:`PenaltyKind`, :class:`DisciplinaryPenalty`), the agency's setting of the tunjangan cut
(:class:`DisciplineCut`, :class:`DisciplineCuts`), :func:`discipline_share` (the percentage of
a month's tunjangan left after the cut) and :func:`career_block` (a penalty in force blocks the
career checks).

What our sources confirm (``docs/explanation/rewards.md``, section "Discipline"; our digest,
regulations.md §3.4, citing [S24]): PP 94/2021 *hukuman disiplin sedang* includes
**pemotongan tunjangan kinerja 25 % for 6, 9 or 12 months**. The three levels and the other
kinds (ringan: teguran lisan, teguran tertulis, pernyataan tidak puas secara tertulis; berat:
penurunan jabatan setingkat lebih rendah for 12 months, pembebasan dari jabatan menjadi
jabatan pelaksana for 12 months, pemberhentian dengan hormat tidak atas permintaan sendiri)
are named as the PP is commonly cited, but their text is **not in our sources**: UNCONFIRMED.
Kemnaker's own discipline cut (Permenaker 15/2024 Pasal 15) is not in our sources either: an
agency configures its cuts (:class:`DisciplineCuts`).

Library decisions (the sources are silent), each shown in the steps:

* a month is inside the penalty when its first day falls between the TMT and the last day of
  the penalty's months (TMT 15 March, 6 months: April to September, exactly 6 months);
* the cut multiplies the month's amount as computed (after the predikat's percentage, the
  attendance cuts and a leave), like a leave reduction;
* two penalties in force in the same month: the larger cut applies, not their sum;
* a penalty sedang or berat in force on the day the career checks look at (the end of the
  latest annual period) blocks kenaikan pangkat, kenaikan jenjang and the succession pool; a
  ringan penalty is recorded and does not block.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from asn_performance._kit.exact import CONTEXT
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import check_text, shown
from asn_performance.consequences._common import check_date, non_negative, pct, whole
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.period import Period, PeriodKind
from asn_performance.exceptions import InputError, PolicyError

__all__ = [
    "DISCIPLINE_RULES",
    "MAX_PENALTY_MONTHS",
    "PP94_SEDANG_CUTS",
    "DisciplinaryPenalty",
    "DisciplineCut",
    "DisciplineCuts",
    "DisciplineLevel",
    "PenaltyKind",
    "career_block",
    "discipline_share",
    "parse_kind",
    "penalties_of",
    "with_discipline",
]

#: The rules this module records.
DISCIPLINE_RULES: tuple[Rule, ...] = (
    Rule(
        "DISCIPLINE-PENALTY",
        "A disciplinary penalty of PP 94/2021: its level, kind, TMT and months",
        "PP 94/2021 (hukuman disiplin sedang: pemotongan tunjangan kinerja 25 % for 6, 9 or 12"
        " months) [S24]; the other kinds and the durations of the berat kinds: UNCONFIRMED (text"
        " not in our sources); which months a penalty covers is a library decision",
        normative=False,
    ),
    Rule(
        "TUKIN-DISCIPLINE",
        "Tunjangan kinerja cut during a disciplinary penalty (the agency's setting)",
        "PP 94/2021 (sedang: 25 % for 6, 9 or 12 months) [S24] as the default; the agency's"
        " allowance regulation (Kemnaker: Permenaker 15/2024 Pasal 15, text not in our"
        " sources, UNCONFIRMED) for anything else; the cut of the computed month and the larger"
        " of two cuts are library decisions",
        normative=False,
    ),
    Rule(
        "CAREER-DISCIPLINE",
        "A penalty sedang or berat in force blocks kenaikan pangkat, jenjang and the succession"
        " pool",
        "Library decision: the sources in our digest are silent on the effect of a disciplinary"
        " penalty on kenaikan pangkat, jenjang and the succession pool",
        normative=False,
    ),
)
_RULE = rules_by_id(DISCIPLINE_RULES)

#: The note of a penalty that blocks the career checks.
_CAREER_NOTE: Final = "library decision: the sources are silent on a penalty's effect on career"


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.TUKIN-DISCIPLINE.penalty": "penalty",
        "step.TUKIN-DISCIPLINE.cut": "cut",
        "step.TUKIN-DISCIPLINE.cut_for": "{percent} % for {months} months, to {until}",
        "step.TUKIN-DISCIPLINE.paid": "cut {percent} %: paid {left} %",
        "step.TUKIN-DISCIPLINE.regulation": "regulation: {citation}",
        "step.TUKIN-DISCIPLINE.month_cut": (
            "a month is cut when its first day is inside the penalty's months"
        ),
        "step.TUKIN-DISCIPLINE.larger": "the larger of two cuts applies (library decisions)",
        "step.CAREER-DISCIPLINE.penalty": "penalty",
        "step.CAREER-DISCIPLINE.until": "until",
        "step.CAREER-DISCIPLINE.on": "on",
        "step.CAREER-DISCIPLINE.no_end": "no end",
        "step.CAREER-DISCIPLINE.blocked": "not eligible while the penalty is in force",
        "step.CAREER-DISCIPLINE.note": (
            "library decision: the sources are silent on a penalty's effect on career"
        ),
    }
)

#: The most months a penalty or a cut may run (so that every date stays in the calendar).
MAX_PENALTY_MONTHS: Final = 120
_HUNDRED: Final = Decimal(100)


class DisciplineLevel(enum.Enum):
    """The level of a disciplinary penalty (*tingkat hukuman disiplin*, PP 94/2021)."""

    RINGAN = "ringan"
    SEDANG = "sedang"
    BERAT = "berat"

    @property
    def code(self) -> str:
        """The stable code (used in JSON and policy files)."""
        return str(self.value)


class PenaltyKind(enum.Enum):
    """The kind of a disciplinary penalty (*jenis hukuman disiplin*, PP 94/2021).

    Only the sedang kinds (pemotongan tunjangan kinerja 25 % for 6, 9 or 12 months) are
    confirmed by our sources [S24]; the others are UNCONFIRMED (see the module docstring).
    """

    TEGURAN_LISAN = "teguran_lisan"
    TEGURAN_TERTULIS = "teguran_tertulis"
    PERNYATAAN_TIDAK_PUAS = "pernyataan_tidak_puas_tertulis"
    TUKIN_CUT_6 = "pemotongan_tukin_6_bulan"
    TUKIN_CUT_9 = "pemotongan_tukin_9_bulan"
    TUKIN_CUT_12 = "pemotongan_tukin_12_bulan"
    PENURUNAN_JABATAN = "penurunan_jabatan"
    PEMBEBASAN_JABATAN = "pembebasan_jabatan"
    PEMBERHENTIAN = "pemberhentian_dengan_hormat"

    @property
    def code(self) -> str:
        """The stable code (used in JSON and policy files)."""
        return str(self.value)

    @property
    def level(self) -> DisciplineLevel:
        """The level the kind belongs to."""
        return _LEVEL[self]

    @property
    def months(self) -> int | None:
        """The months the kind runs (sedang 6/9/12 [S24]; berat 12, UNCONFIRMED), else None.

        ``None``: a ringan kind has no duration; a pemberhentian does not end.
        """
        return _MONTHS.get(self)

    @property
    def confirmed(self) -> bool:
        """True for the kinds our sources confirm (the sedang tukin cuts [S24])."""
        return self.level is DisciplineLevel.SEDANG


_LEVEL: Final = {
    PenaltyKind.TEGURAN_LISAN: DisciplineLevel.RINGAN,
    PenaltyKind.TEGURAN_TERTULIS: DisciplineLevel.RINGAN,
    PenaltyKind.PERNYATAAN_TIDAK_PUAS: DisciplineLevel.RINGAN,
    PenaltyKind.TUKIN_CUT_6: DisciplineLevel.SEDANG,
    PenaltyKind.TUKIN_CUT_9: DisciplineLevel.SEDANG,
    PenaltyKind.TUKIN_CUT_12: DisciplineLevel.SEDANG,
    PenaltyKind.PENURUNAN_JABATAN: DisciplineLevel.BERAT,
    PenaltyKind.PEMBEBASAN_JABATAN: DisciplineLevel.BERAT,
    PenaltyKind.PEMBERHENTIAN: DisciplineLevel.BERAT,
}
_MONTHS: Final = {
    PenaltyKind.TUKIN_CUT_6: 6,
    PenaltyKind.TUKIN_CUT_9: 9,
    PenaltyKind.TUKIN_CUT_12: 12,
    PenaltyKind.PENURUNAN_JABATAN: 12,
    PenaltyKind.PEMBEBASAN_JABATAN: 12,
}
_KIND_CODES: Final = ", ".join(kind.code for kind in PenaltyKind)


def parse_kind(value: object, field: str = "kind") -> PenaltyKind:
    """A :class:`PenaltyKind` from itself or its code; else an InputError naming ``field``."""
    if isinstance(value, PenaltyKind):
        return value
    if isinstance(value, str):
        text = value.strip().casefold()
        for kind in PenaltyKind:
            if kind.value == text:
                return kind
    raise InputError(
        "is not a kind of disciplinary penalty of PP 94/2021",
        path=field,
        value=value,
        rule="DISCIPLINE-PENALTY",
        fix=f"give one of {_KIND_CODES}",
    )


def _kind(value: object) -> PenaltyKind:
    return parse_kind(value)


def _tmt(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    check_date(value, "effective_from")


def last_day(first: dt.date, months: int) -> dt.date:
    """The last day of ``months`` whole months from ``first`` (1 March, 6 → 31 August)."""
    after = first + relativedelta(months=months)
    if after.day != first.day:  # clipped to the end of a shorter month: that day is the last
        return after
    return after - dt.timedelta(days=1)


@attrs.frozen
class DisciplinaryPenalty:
    """A disciplinary penalty imposed on the employee (PP 94/2021; rule ``DISCIPLINE-PENALTY``).

    Attributes:
        kind: the :class:`PenaltyKind` (or its code); its level follows from it.
        effective_from: the TMT, the day the penalty takes effect.
        months: how long it runs; default the kind's (sedang 6/9/12, berat 12); a sedang kind
            runs exactly its months. ``None`` (ringan; pemberhentian): no span of months.
    """

    kind: PenaltyKind = attrs.field(converter=_kind)
    effective_from: dt.date = attrs.field(validator=_tmt)
    months: int | None = attrs.field(
        default=attrs.Factory(lambda self: self.kind.months, takes_self=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.months is None:
            if self.kind.months is not None:
                raise InputError(
                    f"the penalty {self.kind.code} runs {self.kind.months} months; without its"
                    " months it would never be in force (no cut, no effect on career)",
                    path="months",
                    value=None,
                    rule="DISCIPLINE-PENALTY",
                    fix=f"give {self.kind.months}, or leave months out for the kind's own",
                )
            return
        whole(self.months, "months", minimum=1, maximum=MAX_PENALTY_MONTHS)
        if self.kind.level is DisciplineLevel.SEDANG and self.months != self.kind.months:
            raise InputError(
                f"the penalty {self.kind.code} runs {self.kind.months} months (PP 94/2021 [S24])",
                path="months",
                value=self.months,
                rule="DISCIPLINE-PENALTY",
                fix=f"give {self.kind.months}, or the kind for {self.months} months",
            )

    @property
    def level(self) -> DisciplineLevel:
        """The penalty's level."""
        return self.kind.level

    @property
    def ends_on(self) -> dt.date | None:
        """The last day of the penalty's months; ``None`` when it has none."""
        return None if self.months is None else last_day(self.effective_from, self.months)

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the penalty runs on ``day``: from the TMT to the last day of its months.

        A ringan penalty (no months) is never "in force"; a pemberhentian is from its TMT on.
        """
        if day < self.effective_from:
            return False
        if self.months is None:
            return self.kind is PenaltyKind.PEMBERHENTIAN
        ends = self.ends_on
        return ends is not None and day <= ends

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        ends = self.ends_on
        return {
            "kind": self.kind.code,
            "level": self.level.code,
            "effective_from": self.effective_from.isoformat(),
            "months": self.months,
            "ends_on": None if ends is None else ends.isoformat(),
        }


def penalties_of(value: object, field: str = "penalties") -> tuple[DisciplinaryPenalty, ...]:
    """``value`` as a tuple of penalties; an InputError naming ``field[i]`` otherwise."""
    if isinstance(value, DisciplinaryPenalty):
        return (value,)
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InputError(
            "must be a list of DisciplinaryPenalty",
            path=field,
            value=type(value).__name__,
            rule="TYPE",
            fix="pass [DisciplinaryPenalty('pemotongan_tukin_6_bulan', date(2025, 3, 1))]",
        )
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, DisciplinaryPenalty):
            raise InputError(
                "must be a DisciplinaryPenalty",
                path=f"{field}[{i}]",
                value=type(item).__name__,
                rule="TYPE",
                fix="pass DisciplinaryPenalty(kind, effective_from)",
            )
    return items


def _percent(value: object) -> Decimal:
    return non_negative(value, "percent")


def _cut_months(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    whole(value, "months", minimum=1, maximum=MAX_PENALTY_MONTHS)


@attrs.frozen
class DisciplineCut:
    """One cut of the tunjangan: ``percent`` of the month's amount for ``months`` months."""

    percent: Decimal = attrs.field(converter=_percent)
    months: int = attrs.field(validator=_cut_months)

    def __attrs_post_init__(self) -> None:
        if self.percent > _HUNDRED:
            raise PolicyError(
                "a discipline cut is a percentage of the month's tunjangan, at most 100",
                path="percent",
                value=str(self.percent),
                rule="TUKIN-DISCIPLINE",
                fix="give a percent from 0 to 100",
            )


def _cut_table(value: object) -> FrozenMap[PenaltyKind, DisciplineCut]:
    if not isinstance(value, Mapping):
        raise PolicyError(
            "must be a mapping of penalty kind to DisciplineCut",
            path="cuts",
            value=type(value).__name__,
            rule="POLICY-TABLE",
            fix="pass e.g. {'pemotongan_tukin_6_bulan': DisciplineCut(25, 6)}",
        )
    table: dict[PenaltyKind, DisciplineCut] = {}
    for key, cut in value.items():
        field = f"cuts[{shown(key.code if isinstance(key, PenaltyKind) else key)}]"
        kind = parse_kind(key, field)
        if not isinstance(cut, DisciplineCut):
            raise PolicyError(
                "must be a DisciplineCut",
                path=field,
                value=type(cut).__name__,
                rule="POLICY-TABLE",
                fix="pass DisciplineCut(percent=25, months=6)",
            )
        table[kind] = cut
    return FrozenMap({kind: table[kind] for kind in PenaltyKind if kind in table})


#: PP 94/2021, hukuman disiplin sedang: pemotongan tunjangan kinerja 25 % for 6, 9 or 12
#: months [S24] (our digest, regulations.md §3.4).
PP94_SEDANG_CUTS: Final[FrozenMap[PenaltyKind, DisciplineCut]] = _cut_table(
    {
        PenaltyKind.TUKIN_CUT_6: DisciplineCut(Decimal(25), 6),
        PenaltyKind.TUKIN_CUT_9: DisciplineCut(Decimal(25), 9),
        PenaltyKind.TUKIN_CUT_12: DisciplineCut(Decimal(25), 12),
    }
)
_PP94_CITATION: Final = (
    "PP 94/2021: hukuman disiplin sedang, pemotongan tunjangan kinerja 25 % for 6, 9 or 12"
    " months [S24]"
)


@attrs.frozen
class DisciplineCuts:
    """The agency's tunjangan cuts per penalty kind (rule ``TUKIN-DISCIPLINE``).

    The default is PP 94/2021 for the sedang kinds: 25 % for 6, 9 or 12 months [S24]. A kind
    without an entry is not cut (a ringan penalty; a berat one unless the agency says so:
    Kemnaker's Permenaker 15/2024 Pasal 15 is not in our sources, UNCONFIRMED).
    """

    cuts: FrozenMap[PenaltyKind, DisciplineCut] = attrs.field(
        default=PP94_SEDANG_CUTS, converter=_cut_table
    )
    citation: str = attrs.field(default=_PP94_CITATION, validator=check_text(1000))


def _month_start(period: Period | None, where: str) -> dt.date:
    if period is None or period.kind is not PeriodKind.MONTHLY:
        raise InputError(
            "a disciplinary penalty cuts the tunjangan by month: the month is needed",
            path="period",
            value=None if period is None else period.code,
            rule="TUKIN-DISCIPLINE",
            fix=f"pass the monthly period to the allowance of {where}",
        )
    return period.start


def discipline_share(
    setting: DisciplineCuts | None,
    penalties: tuple[DisciplinaryPenalty, ...],
    period: Period | None,
    *,
    where: str,
) -> tuple[Decimal, tuple[Step, ...], str | None]:
    """The percentage of the month's tunjangan left after the discipline cut, its step, and
    the code of the penalty that cuts.

    100 with no step and no code when no penalty is given or none runs in the month. A
    penalty runs in the month when the month's first day falls between its TMT and the last
    day of the cut's months (library decision). With two in the month, the larger cut applies
    (library decision).

    Raises:
        InputError: penalties without a monthly ``period``; a penalty that cuts in the month
            under a policy without discipline cuts (``TUKIN-DISCIPLINE``).
    """
    if not penalties:
        return _HUNDRED, (), None
    first = _month_start(period, where)
    best: tuple[Decimal, DisciplinaryPenalty, DisciplineCut] | None = None
    for i, penalty in enumerate(penalties):
        if first < penalty.effective_from:
            continue
        if setting is None:
            if penalty.in_force_on(first) and penalty.level is not DisciplineLevel.RINGAN:
                raise InputError(
                    f"the allowance policy {where} has no discipline cuts: it cannot pay a"
                    f" month under the penalty {penalty.kind.code}",
                    path=f"penalties[{i}]",
                    value=penalty.kind.code,
                    rule="TUKIN-DISCIPLINE",
                    fix="give the policy DisciplineCuts() (PP 94/2021 sedang: 25 %), or pay"
                    " the month by hand",
                )
            continue
        cut = setting.cuts.get(penalty.kind)
        if cut is None or first > last_day(penalty.effective_from, cut.months):
            continue
        if best is None or cut.percent > best[0]:
            best = (cut.percent, penalty, cut)
    if best is None:
        return _HUNDRED, (), None
    percent, penalty, cut = best
    left = CONTEXT.subtract(_HUNDRED, percent)
    ends = last_day(penalty.effective_from, cut.months)
    step = Step(
        _RULE["TUKIN-DISCIPLINE"],
        "tunjangan_kinerja",
        (
            ("penalty", f"{penalty.kind.code} ({penalty.level.code})"),
            ("TMT", penalty.effective_from.isoformat()),
            ("cut", f"{pct(percent)} for {cut.months} months, to {ends.isoformat()}"),
        ),
        f"cut {pct(percent)}: paid {pct(left)}",
        f"regulation: {setting.citation if setting is not None else ''}; a month is cut when"
        " its first day is inside the penalty's months; the larger of two cuts applies"
        " (library decisions)",
    )
    return left, (step,), penalty.kind.code


def with_discipline(
    setting: DisciplineCuts | None,
    penalties: object,
    period: Period | None,
    share: Decimal,
    steps: tuple[Step, ...],
    *,
    where: str,
) -> tuple[Decimal, tuple[Step, ...], str | None]:
    """``share`` (the percent paid after a leave) multiplied by what the discipline cut leaves.

    Returns the new share, ``steps`` with the cut's step added, and the code of the penalty
    that cuts (``None`` and ``share`` unchanged when nothing cuts).
    """
    if not penalties:
        return share, steps, None
    left, cut_steps, code = discipline_share(setting, penalties_of(penalties), period, where=where)
    if code is None:
        return share, steps, None
    return CONTEXT.divide(CONTEXT.multiply(share, left), _HUNDRED), (*steps, *cut_steps), code


def career_block(
    penalties: tuple[DisciplinaryPenalty, ...], on: dt.date
) -> tuple[DisciplinaryPenalty | None, Step | None]:
    """The penalty sedang or berat in force on ``on`` that blocks the career checks, and why.

    Library decision (rule ``CAREER-DISCIPLINE``; the sources are silent): such a penalty
    blocks kenaikan pangkat, kenaikan jenjang and the succession pool while it runs; a ringan
    penalty does not. Returns ``(None, None)`` when nothing blocks.
    """
    for penalty in penalties:
        if penalty.level is not DisciplineLevel.RINGAN and penalty.in_force_on(on):
            ends = penalty.ends_on
            step = Step(
                _RULE["CAREER-DISCIPLINE"],
                "career",
                (
                    ("penalty", f"{penalty.kind.code} ({penalty.level.code})"),
                    ("TMT", penalty.effective_from.isoformat()),
                    ("until", "no end" if ends is None else ends.isoformat()),
                    ("on", on.isoformat()),
                ),
                "not eligible while the penalty is in force",
                _CAREER_NOTE,
            )
            return penalty, step
    return None, None
