"""Career questions answered from the predikat and the career data: jenjang, pangkat, succession.

Part of what follows a predikat (PermenPANRB 6/2022 Pasal 5, *tindak lanjut*; see
:mod:`asn_performance.consequences`): :func:`jenjang_promotion_eligible` (PerBKN 3/2023),
:func:`pangkat_reguler_eligible` (decision D11, UNCONFIRMED) and :func:`succession_pool`
(PP 30/2019). The rules recorded in the steps are :data:`CAREER_RULES`.

Given the employee (``employee=``, with the career data of
:class:`~asn_performance.domain.employee.Employee`), the pangkat check also counts the time in
the pangkat up to the day asked about (``on=``; at least 4 years, PP 99/2000 Pasal 7 as amended
by PP 12/2002, UNCONFIRMED) and names the next pangkat (:attr:`CareerCheck.next_golongan`; IV/e
has none: not eligible), and the jenjang check looks at the next jenjang, the pangkat range of
the jenjang and, given ``ak_kumulatif=``, the AK kumulatif minimal (PerBKN 3/2023, model
konversi [S18b]). Missing career data is named in :attr:`CareerCheck.missing` and the answer
falls back to the predikat alone, with a ``CAREER-DATA-MISSING`` step. The penalty that blocks
the career checks (``CAREER-DISCIPLINE``) is combined by
:class:`~asn_performance.consequences.policy.RewardPolicy`, as before. See
``docs/explanation/career.md``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import expect, itself, shown
from asn_performance.consequences._common import (
    MAX_SUCCESSION_YEARS,
    Cited,
    parse_predikat,
    whole,
)
from asn_performance.consequences.angka_kredit import reaches_minimum
from asn_performance.domain.employee import Employee, Jenjang
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.nip import NipKind
from asn_performance.domain.rank import Golongan
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError

__all__ = [
    "CAREER_RULES",
    "JENJANG_GOLONGAN",
    "MIN_YEARS_IN_PANGKAT",
    "NEXT_JENJANG",
    "CareerCheck",
    "jenjang_promotion_eligible",
    "pangkat_date",
    "pangkat_reguler_eligible",
    "succession_pool",
]

#: The rules this module records. Source tags ``[Sx]`` refer to the list in
#: ``docs/explanation/rewards.md``.
CAREER_RULES: tuple[Rule, ...] = (
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
        "CAREER-PANGKAT-MASA",
        "Kenaikan pangkat reguler needs at least 4 years in the last pangkat, from the TMT"
        " pangkat to the day asked about",
        "UNCONFIRMED: PP 99/2000 Pasal 7 as amended by PP 12/2002 (text not seen; the same words"
        " in Permenhan 41/2014 Pasal 52 huruf c on pasal.id); counting whole calendar years is"
        " a library decision",
        normative=False,
    ),
    Rule(
        "CAREER-PANGKAT-NEXT",
        "Kenaikan pangkat is to the next golongan ruang; IV/e (Pembina Utama) has none",
        "PP 99/2000 Pasal 7 ('setingkat lebih tinggi') and Lampiran (golongan ruang I/a-IV/e),"
        " as amended by PP 12/2002; the Lampiran as printed by the sources in"
        " docs/explanation/career.md",
    ),
    Rule(
        "CAREER-PANGKAT-PPPK",
        "A PPPK holds no pangkat: no kenaikan pangkat reguler",
        "PP 99/2000 concerns PNS; a PPPK has a golongan of its own (Perpres 98/2020,"
        " UNCONFIRMED); library decision",
        normative=False,
    ),
    Rule(
        "CAREER-JENJANG-NEXT",
        "Kenaikan jenjang is to the next jenjang of the category; Ahli Utama and Penyelia have"
        " none",
        "PermenPANRB 1/2023; PerBKN 3/2023, model konversi (no AK minimum for kenaikan jenjang"
        " of Ahli Utama and Penyelia, '-') [S18b]",
    ),
    Rule(
        "CAREER-JENJANG-PANGKAT",
        "The golongan ruang of a jenjang (Ahli Pertama III/a-III/b ...): a golongan outside the"
        " range is shown, not refused",
        "PerBKN 3/2023, model konversi: pangkat per jenjang [S18b]; that a golongan outside the"
        " range is only shown is a library decision",
        normative=False,
    ),
    Rule(
        "CAREER-DATA-MISSING",
        "Career data missing: the check answers from the predikat alone and names what it lacks",
        "Library decision: never a silent predikat-only answer",
        normative=False,
    ),
)
_RULE = rules_by_id(CAREER_RULES)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.CAREER-JENJANG.last_year": "last year",
        "step.CAREER-JENJANG.at_least": "at least",
        "step.CAREER-JENJANG.eligible": "eligible",
        "step.CAREER-JENJANG.not_eligible": "not eligible",
        "step.CAREER-JENJANG.note": (
            "kenaikan jenjang also needs the AK kumulatif minimal for jenjang"
        ),
        "step.CAREER-JENJANG-NEXT.none": "no higher jenjang",
        "step.CAREER-JENJANG-NEXT.next": "next: {jenjang}",
        "step.CAREER-JENJANG-NEXT.note": (
            "PerBKN 3/2023 sets no AK minimum for kenaikan jenjang of the highest jenjang"
        ),
        "step.CAREER-JENJANG-PANGKAT.employee": "employee",
        "step.CAREER-JENJANG-PANGKAT.pppk": "not checked: a PPPK holds no golongan ruang",
        "step.CAREER-JENJANG-PANGKAT.pppk_note": "the jenjang's range is of golongan ruang PNS",
        "step.CAREER-JENJANG-PANGKAT.range": "range",
        "step.CAREER-JENJANG-PANGKAT.within": "within the jenjang's range",
        "step.CAREER-JENJANG-PANGKAT.outside": "outside the jenjang's range",
        "step.CAREER-JENJANG-PANGKAT.note": (
            "shown, not refused (library decision): check the golongan or the jenjang"
        ),
        "step.CAREER-DATA-MISSING.missing": "missing",
        "step.CAREER-DATA-MISSING.jenjang_alone": (
            "answered from the predikat and the jenjang alone"
        ),
        "step.CAREER-DATA-MISSING.predikat_alone": "answered from the predikat alone",
        "step.CAREER-DATA-MISSING.note": "give the missing career data for the full check",
        "step.D11-PANGKAT-REGULER.year_before_last": "year before last",
        "step.D11-PANGKAT-REGULER.last_year": "last year",
        "step.D11-PANGKAT-REGULER.at_least": "at least",
        "step.D11-PANGKAT-REGULER.eligible": "eligible",
        "step.D11-PANGKAT-REGULER.not_eligible": "not eligible",
        "step.D11-PANGKAT-REGULER.note": "UNCONFIRMED reading (decision D11)",
        "step.CAREER-PANGKAT-MASA.on": "on",
        "step.CAREER-PANGKAT-MASA.held": "in the pangkat",
        "step.CAREER-PANGKAT-MASA.years_on": "{years} years on",
        "step.CAREER-PANGKAT-MASA.after": "after {day}",
        "step.CAREER-PANGKAT-MASA.time": "{years} years {months} months {days} days",
        "step.CAREER-PANGKAT-MASA.before": "none: {day} is before the TMT pangkat",
        "step.CAREER-PANGKAT-MASA.long_enough": "long enough",
        "step.CAREER-PANGKAT-MASA.not_long_enough": "not long enough",
        "step.CAREER-PANGKAT-MASA.note": (
            "UNCONFIRMED: PP 99/2000 Pasal 7 as amended by PP 12/2002 (text not seen)"
        ),
        "step.CAREER-PANGKAT-NEXT.none": "no higher pangkat",
        "step.CAREER-PANGKAT-NEXT.next": "next: {golongan}",
        "step.CAREER-PANGKAT-NEXT.highest": "IV/e (Pembina Utama) is the highest pangkat",
        "step.CAREER-PANGKAT-NEXT.one_step": "kenaikan pangkat is setingkat lebih tinggi",
        "step.CAREER-SUCCESSION.priority": "priority for the succession pool",
        "step.CAREER-SUCCESSION.not_in": "not in the succession pool",
        "step.CAREER-SUCCESSION.note": "needs Sangat Baik in the latest {years} consecutive years",
    }
)

#: The least whole years in the last pangkat for kenaikan pangkat reguler (PP 99/2000 Pasal 7
#: huruf a as amended by PP 12/2002; UNCONFIRMED, see ``CAREER-PANGKAT-MASA``).
MIN_YEARS_IN_PANGKAT: Final = 4

#: The golongan ruang of each jenjang jabatan fungsional, lowest and highest (PerBKN 3/2023,
#: model konversi [S18b]; our digest §5.2).
JENJANG_GOLONGAN: Final[Mapping[Jenjang, tuple[Golongan, Golongan]]] = {
    Jenjang.PEMULA: (Golongan.II_A, Golongan.II_A),
    Jenjang.TERAMPIL: (Golongan.II_B, Golongan.II_D),
    Jenjang.MAHIR: (Golongan.III_A, Golongan.III_B),
    Jenjang.PENYELIA: (Golongan.III_C, Golongan.III_D),
    Jenjang.AHLI_PERTAMA: (Golongan.III_A, Golongan.III_B),
    Jenjang.AHLI_MUDA: (Golongan.III_C, Golongan.III_D),
    Jenjang.AHLI_MADYA: (Golongan.IV_A, Golongan.IV_C),
    Jenjang.AHLI_UTAMA: (Golongan.IV_D, Golongan.IV_E),
}

#: The next jenjang of each jenjang in its category; ``None`` for the highest (PermenPANRB
#: 1/2023; PerBKN 3/2023 prints no AK minimum for kenaikan jenjang of those, "-" [S18b]).
NEXT_JENJANG: Final[Mapping[Jenjang, Jenjang | None]] = {
    Jenjang.PEMULA: Jenjang.TERAMPIL,
    Jenjang.TERAMPIL: Jenjang.MAHIR,
    Jenjang.MAHIR: Jenjang.PENYELIA,
    Jenjang.PENYELIA: None,
    Jenjang.AHLI_PERTAMA: Jenjang.AHLI_MUDA,
    Jenjang.AHLI_MUDA: Jenjang.AHLI_MADYA,
    Jenjang.AHLI_MADYA: Jenjang.AHLI_UTAMA,
    Jenjang.AHLI_UTAMA: None,
}


@attrs.frozen
class CareerCheck(Cited):
    """The answer to one career question (jenjang, pangkat reguler, succession pool).

    ``unconfirmed`` is true where the rule is not seen in a primary text (decision D11).
    With the career data (``employee=``): ``missing`` names the career data the check lacked
    (then the answer is the predikat's alone, rule ``CAREER-DATA-MISSING``), ``on`` is the day
    asked about, ``next_golongan`` the pangkat a kenaikan pangkat leads to and ``next_jenjang``
    the jenjang a kenaikan jenjang leads to (``None`` at the top).
    """

    question: str
    eligible: bool
    predikat: tuple[tuple[str, Predikat], ...]
    steps: tuple[Step, ...]
    rule: str
    unconfirmed: bool = False
    missing: tuple[str, ...] = ()
    on: dt.date | None = None
    next_golongan: Golongan | None = None
    next_jenjang: Jenjang | None = None
    RULES = _RULE

    def __bool__(self) -> bool:
        return self.eligible

    @property
    def complete(self) -> bool:
        """Whether the check had all the data it looks at (``missing`` is empty)."""
        return not self.missing

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; ``missing``, ``on``, ``next_golongan`` and ``next_jenjang`` only
        when set (a check without career data is what it always was)."""
        extra: dict[str, Any] = {}
        if self.missing:
            extra["missing"] = list(self.missing)
        if self.on is not None:
            extra["on"] = self.on.isoformat()
        if self.next_golongan is not None:
            extra["next_golongan"] = self.next_golongan.code
        if self.next_jenjang is not None:
            extra["next_jenjang"] = self.next_jenjang.code
        return self.cited(
            question=self.question,
            eligible=self.eligible,
            predikat={when: p.code for when, p in self.predikat},
            unconfirmed=self.unconfirmed,
            **extra,
        )


def jenjang_promotion_eligible(
    predikat_last_year: Predikat | str,
    *,
    minimum: Predikat | str = Predikat.BAIK,
    employee: Employee | None = None,
    ak_kumulatif: Decimal | int | str | None = None,
) -> CareerCheck:
    """Whether the last year's predikat allows *kenaikan jenjang* of a jabatan fungsional.

    PerBKN 3/2023 (summary) [S18]: predikat at least Baik in the last 1 year. Kenaikan jenjang
    also needs the AK kumulatif minimal (:func:`reaches_minimum` with ``purpose="jenjang"``).

    Given ``employee`` (a jabatan fungsional) the check also looks at (see
    ``docs/explanation/career.md``): the next jenjang (``CAREER-JENJANG-NEXT``: Ahli Utama and
    Penyelia have none, so not eligible); the employee's golongan against the jenjang's range
    (``CAREER-JENJANG-PANGKAT``, PerBKN 3/2023 [S18b]: shown, not refused -- library
    decision); and, given ``ak_kumulatif``, the AK kumulatif minimal for kenaikan jenjang
    (``AK-MINIMUM``). ``golongan`` or ``ak_kumulatif`` not given: named in
    :attr:`CareerCheck.missing`, with a ``CAREER-DATA-MISSING`` step.

    Raises:
        InputError: ``employee`` is not an Employee or holds no jabatan fungsional;
            ``ak_kumulatif`` without ``employee``.
    """
    predikat = parse_predikat(predikat_last_year, "predikat_last_year")
    floor = parse_predikat(minimum, "minimum")
    eligible = predikat.rank >= floor.rank
    step = Step(
        _RULE["CAREER-JENJANG"],
        "career",
        (("last year", predikat.label_id), ("at least", floor.label_id)),
        "eligible" if eligible else "not eligible",
        "kenaikan jenjang also needs the AK kumulatif minimal for jenjang",
    )
    if employee is None:
        if ak_kumulatif is not None:
            raise InputError(
                "the AK kumulatif is checked against the employee's jenjang",
                path="ak_kumulatif",
                value=ak_kumulatif,
                rule="CAREER-JENJANG-NEXT",
                fix="pass employee= (a jabatan fungsional) with ak_kumulatif=",
            )
        return CareerCheck(
            question="kenaikan jenjang JF",
            eligible=eligible,
            predikat=(("last year", predikat),),
            steps=(step,),
            rule="CAREER-JENJANG",
        )
    jenjang = _jenjang_of(employee)
    steps = [step]
    following = NEXT_JENJANG[jenjang]
    steps.append(
        Step(
            _RULE["CAREER-JENJANG-NEXT"],
            "career",
            (("jenjang", jenjang.label_id),),
            "no higher jenjang" if following is None else f"next: {following.label_id}",
            "PerBKN 3/2023 sets no AK minimum for kenaikan jenjang of the highest jenjang",
        )
    )
    if following is None:
        eligible = False
    missing: list[str] = []
    if employee.nip.kind is NipKind.PPPK:
        # The ranges are golongan ruang PNS (PerBKN 3/2023 [S18b]); a PPPK holds none, so its
        # golongan is not missing: the range is not looked at.
        steps.append(
            Step(
                _RULE["CAREER-JENJANG-PANGKAT"],
                "career",
                (("employee", "PPPK"),),
                "not checked: a PPPK holds no golongan ruang",
                "the jenjang's range is of golongan ruang PNS",
            )
        )
    elif employee.golongan is None:
        missing.append("golongan")
    else:
        lowest, highest = JENJANG_GOLONGAN[jenjang]
        inside = lowest <= employee.golongan <= highest
        steps.append(
            Step(
                _RULE["CAREER-JENJANG-PANGKAT"],
                "career",
                (
                    ("golongan", employee.golongan.label_id),
                    ("range", f"{lowest.code}-{highest.code}"),
                ),
                "within the jenjang's range" if inside else "outside the jenjang's range",
                "shown, not refused (library decision): check the golongan or the jenjang",
            )
        )
    if ak_kumulatif is None:
        missing.append("ak_kumulatif")
    elif following is not None:
        reached = reaches_minimum(ak_kumulatif, jenjang, purpose="jenjang")
        steps.extend(reached.steps)
        eligible = eligible and reached.reached
    if missing:
        steps.append(_missing_step(missing, "the predikat and the jenjang alone"))
    return CareerCheck(
        question="kenaikan jenjang JF",
        eligible=eligible,
        predikat=(("last year", predikat),),
        steps=tuple(steps),
        rule="CAREER-JENJANG",
        missing=tuple(missing),
        next_jenjang=following,
    )


def _employee(value: object) -> Employee:
    """``value`` when it is an Employee; else the ``TYPE`` error at ``employee``."""
    if not isinstance(value, Employee):
        raise InputError(
            "must be an Employee",
            path="employee",
            value=type(value).__name__,
            rule="TYPE",
            fix="pass the Employee, or leave employee out",
        )
    return value


def _jenjang_of(employee: object) -> Jenjang:
    employee = _employee(employee)
    jenjang = employee.position.jenjang
    if jenjang is None:
        raise InputError(
            "kenaikan jenjang is for a jabatan fungsional; this employee holds a"
            f" {employee.position.kind.label_id}",
            path="employee.position",
            value=employee.position.kind.code,
            rule="CAREER-JENJANG-NEXT",
            fix="ask about a jabatan fungsional, or leave employee out",
        )
    return jenjang


def _missing_step(missing: Sequence[str], alone: str) -> Step:
    return Step(
        _RULE["CAREER-DATA-MISSING"],
        "career",
        (("missing", ", ".join(missing)),),
        f"answered from {alone}",
        "give the missing career data for the full check",
    )


def pangkat_date(tmt_pangkat: dt.date, years: int = MIN_YEARS_IN_PANGKAT) -> dt.date:
    """The first day on which ``years`` whole years in the pangkat are complete: the same day
    and month ``years`` later (29 February -> 28 February in a common year; library decision,
    ``CAREER-PANGKAT-MASA``). TMT 2021-04-01: 2025-04-01.

    Raises:
        InputError: ``tmt_pangkat`` is not a date (``TYPE``); ``years`` is not a whole number
            from 1 to 40 (``TYPE``, ``RANGE``); the day falls after 31 December 9999, the last
            day a date can hold (``CAREER-PANGKAT-MASA``).
    """
    if not isinstance(tmt_pangkat, dt.date) or isinstance(tmt_pangkat, dt.datetime):
        raise InputError(
            "must be a date",
            path="tmt_pangkat",
            value=tmt_pangkat,
            rule="TYPE",
            fix="pass a datetime.date, e.g. date(2021, 4, 1)",
        )
    years = whole(years, "years", minimum=1, maximum=_MAX_YEARS)
    ready = _years_after(tmt_pangkat, years)
    if ready is None:
        raise InputError(
            f"{years} years after {tmt_pangkat.isoformat()} is after 9999-12-31, the last day a"
            " date can hold",
            path="tmt_pangkat",
            value=tmt_pangkat,
            rule="CAREER-PANGKAT-MASA",
            fix="check the TMT pangkat",
        )
    return ready


#: The most years :func:`pangkat_date` counts (a working life; a library bound).
_MAX_YEARS: Final = 40


def _years_after(day: dt.date, years: int) -> dt.date | None:
    """``day`` plus ``years`` calendar years; None past 9999-12-31."""
    if day.year + years > dt.MAXYEAR:
        return None
    return day + relativedelta(years=years)


def _held(tmt: dt.date, day: dt.date) -> str:
    """The time in the pangkat from ``tmt`` to ``day``, in years, months and days."""
    if day < tmt:
        return f"none: {day.isoformat()} is before the TMT pangkat"
    held = relativedelta(day, tmt)
    return f"{held.years} years {held.months} months {held.days} days"


def pangkat_reguler_eligible(
    predikat_last_two_years: Sequence[Predikat | str],
    *,
    minimum: Predikat | str = Predikat.BAIK,
    employee: Employee | None = None,
    on: dt.date | None = None,
) -> CareerCheck:
    """UNCONFIRMED (decision D11): whether the predikat allow *kenaikan pangkat reguler*.

    The reading: predikat at least Baik in each of the last 2 years (PP 11/2017 as amended by
    PP 17/2020; the text was not seen). Pass the two annual predikat, oldest first.

    Given ``employee`` and ``on`` (the day asked about, e.g. a period of kenaikan pangkat,
    1 April), the check also needs (see ``docs/explanation/career.md``):

    * at least :data:`MIN_YEARS_IN_PANGKAT` (4) whole years from ``employee.tmt_pangkat`` to
      ``on`` (``CAREER-PANGKAT-MASA``; PP 99/2000 Pasal 7 as amended by PP 12/2002,
      UNCONFIRMED): TMT 2021-04-01 is eligible on 2025-04-01, not on 2025-03-31;
    * a next pangkat (``CAREER-PANGKAT-NEXT``): :attr:`CareerCheck.next_golongan` names it;
      IV/e (Pembina Utama) has none, so the answer is not eligible.

    ``golongan`` or ``tmt_pangkat`` not given: named in :attr:`CareerCheck.missing` and the
    answer is the predikat's alone (``CAREER-DATA-MISSING``).

    Raises:
        InputError: not exactly two predikat; ``employee`` without ``on`` or the reverse;
            ``employee`` a PPPK (``CAREER-PANGKAT-PPPK``: a PPPK holds no pangkat).
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
        parse_predikat(p, f"predikat_last_two_years[{i}]")
        for i, p in enumerate(predikat_last_two_years)
    )
    floor = parse_predikat(minimum, "minimum")
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
    predikat = tuple(zip(labels, items, strict=True))
    if employee is None and on is None:
        return CareerCheck(
            question="kenaikan pangkat reguler",
            eligible=eligible,
            predikat=predikat,
            steps=(step,),
            rule="D11-PANGKAT-REGULER",
            unconfirmed=True,
        )
    day = _pangkat_inputs(employee, on)
    assert isinstance(employee, Employee)  # noqa: S101 - _pangkat_inputs checked it
    steps = [step]
    missing = [name for name in ("golongan", "tmt_pangkat") if getattr(employee, name) is None]
    following = None
    if employee.tmt_pangkat is not None:
        ready = _years_after(employee.tmt_pangkat, MIN_YEARS_IN_PANGKAT)
        long_enough = ready is not None and day >= ready
        steps.append(
            Step(
                _RULE["CAREER-PANGKAT-MASA"],
                "career",
                (
                    ("TMT pangkat", employee.tmt_pangkat.isoformat()),
                    ("on", day.isoformat()),
                    ("in the pangkat", _held(employee.tmt_pangkat, day)),
                    (
                        f"{MIN_YEARS_IN_PANGKAT} years on",
                        "after 9999-12-31" if ready is None else ready.isoformat(),
                    ),
                ),
                "long enough" if long_enough else "not long enough",
                "UNCONFIRMED: PP 99/2000 Pasal 7 as amended by PP 12/2002 (text not seen)",
            )
        )
        eligible = eligible and long_enough
    if employee.golongan is not None:
        following = employee.golongan.next
        steps.append(
            Step(
                _RULE["CAREER-PANGKAT-NEXT"],
                "career",
                (("golongan", employee.golongan.label_id),),
                "no higher pangkat" if following is None else f"next: {following.label_id}",
                "IV/e (Pembina Utama) is the highest pangkat"
                if following is None
                else "kenaikan pangkat is setingkat lebih tinggi",
            )
        )
        eligible = eligible and following is not None
    if missing:
        steps.append(_missing_step(missing, "the predikat alone"))
    return CareerCheck(
        question="kenaikan pangkat reguler",
        eligible=eligible,
        predikat=predikat,
        steps=tuple(steps),
        rule="D11-PANGKAT-REGULER",
        unconfirmed=True,
        missing=tuple(missing),
        on=day,
        next_golongan=following,
    )


def _pangkat_inputs(employee: object, on: object) -> dt.date:
    """``on``, after checking that ``employee`` is a PNS Employee and ``on`` a date."""
    if employee is None or on is None:
        raise InputError(
            "the time in the pangkat needs both the employee and the day asked about",
            path="on" if on is None else "employee",
            value=None,
            rule="CAREER-PANGKAT-MASA",
            fix="pass employee= and on= (e.g. date(2025, 4, 1)) together, or neither",
        )
    employee = _employee(employee)
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise InputError(
            "must be a date", path="on", value=on, rule="TYPE", fix="pass a datetime.date"
        )
    if employee.nip.kind is NipKind.PPPK:
        raise InputError(
            "a PPPK holds no pangkat, so there is no kenaikan pangkat reguler",
            path="employee.nip",
            value=employee.nip.digits,
            rule="CAREER-PANGKAT-PPPK",
            fix="ask about a PNS",
        )
    return on


def succession_pool(
    predikat_by_year: Mapping[int, Predikat | str], *, years: int = 2
) -> CareerCheck:
    """Whether the employee has priority for the succession pool (*kelompok rencana suksesi*).

    PP 30/2019 [S15]: predikat Sangat Baik 2 years in a row gives priority for the succession
    pool and competence development. The library reads "in a row" as the latest ``years``
    calendar years present, consecutive, all Sangat Baik (an earlier run followed by a
    weaker year does not count).
    """
    expect(
        predikat_by_year,
        Mapping,  # type: ignore[type-abstract]  # isinstance takes the ABC
        "predikat_by_year",
        message="must be a mapping of year to predikat",
        fix="pass e.g. {2024: 'sangat_baik', 2025: 'sangat_baik'}",
        show=itself,
    )
    years = whole(years, "years", minimum=1, maximum=MAX_SUCCESSION_YEARS)
    table = {
        whole(year, f"predikat_by_year[{shown(year)}]", minimum=1970, maximum=2100): parse_predikat(
            p, f"predikat_by_year[{shown(year)}]"
        )
        for year, p in predikat_by_year.items()
    }
    ordered = sorted(table.items())
    latest = ordered[-years:]
    consecutive = len(latest) == years and all(
        later[0] - earlier[0] == 1 for earlier, later in itertools.pairwise(latest)
    )
    eligible = consecutive and all(p is Predikat.SANGAT_BAIK for _, p in latest)
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
