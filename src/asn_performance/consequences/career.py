"""Career questions answered from the predikat: kenaikan jenjang, pangkat, succession pool.

Part of what follows a predikat (PermenPANRB 6/2022 Pasal 5, *tindak lanjut*; see
:mod:`asn_performance.consequences`): :func:`jenjang_promotion_eligible` (PerBKN 3/2023),
:func:`pangkat_reguler_eligible` (decision D11, UNCONFIRMED) and :func:`succession_pool`
(PP 30/2019). The rules recorded in the steps are :data:`CAREER_RULES`.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from asn_performance._kit.validate import expect, itself, shown
from asn_performance.consequences._common import (
    MAX_SUCCESSION_YEARS,
    Cited,
    parse_predikat,
    whole,
)
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError

__all__ = [
    "CAREER_RULES",
    "CareerCheck",
    "jenjang_promotion_eligible",
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
)
_RULE = rules_by_id(CAREER_RULES)


@attrs.frozen
class CareerCheck(Cited):
    """The answer to one career question (jenjang, pangkat reguler, succession pool).

    ``unconfirmed`` is true where the rule is not seen in a primary text (decision D11).
    """

    question: str
    eligible: bool
    predikat: tuple[tuple[str, Predikat], ...]
    steps: tuple[Step, ...]
    rule: str
    unconfirmed: bool = False
    RULES = _RULE

    def __bool__(self) -> bool:
        return self.eligible

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return self.cited(
            question=self.question,
            eligible=self.eligible,
            predikat={when: p.code for when, p in self.predikat},
            unconfirmed=self.unconfirmed,
        )


def jenjang_promotion_eligible(
    predikat_last_year: Predikat | str, *, minimum: Predikat | str = Predikat.BAIK
) -> CareerCheck:
    """Whether the last year's predikat allows *kenaikan jenjang* of a jabatan fungsional.

    PerBKN 3/2023 (summary) [S18]: predikat at least Baik in the last 1 year. Kenaikan jenjang
    also needs the AK kumulatif minimal (:func:`reaches_minimum` with ``purpose="jenjang"``).
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
    expect(
        predikat_by_year,
        Mapping,  # type: ignore[type-abstract]  # isinstance takes the ABC
        "predikat_by_year",
        "must be a mapping of year to predikat",
        "pass e.g. {2024: 'sangat_baik', 2025: 'sangat_baik'}",
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
