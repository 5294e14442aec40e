"""The discipline and incentive parts of a reward policy file (issue 13, items 7 and 8).

Kept apart from :mod:`asn_performance.boundary.policy_files` (which uses every name here) so
that no module passes 800 lines: the wire models of ``$.allowance.discipline`` (the tunjangan
cuts during a disciplinary penalty of PP 94/2021, an agency setting) and of
``$.recognition.incentives`` (incentives in rupiah), how they are built into the domain
objects with the file's paths in errors, and how they are written out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import Field, Strict

from asn_performance.boundary._wire import (
    DecimalValue,
    PredikatValue,
    WireModel,
    build,
    decimal_out,
    member,
)
from asn_performance.consequences._discipline import parse_kind
from asn_performance.consequences.allowance import DisciplineCut, DisciplineCuts
from asn_performance.consequences.recognition import Incentive
from asn_performance.domain.rating import Predikat

__all__ = [
    "DisciplineCutModel",
    "DisciplineModel",
    "IncentiveModel",
    "discipline_cuts",
    "discipline_dict",
    "incentive_rules",
    "incentives_list",
]

_Positive = Annotated[int, Strict(), Field(ge=1)]
_Bool = Annotated[bool, Strict()]
_Text100 = Annotated[str, Strict(), Field(min_length=1, max_length=100)]
_Text1000 = Annotated[str, Strict(), Field(min_length=1, max_length=1000)]
_PredikatList = Annotated[list[PredikatValue], Field(max_length=20)]
#: An error of a penalty kind's code is the key itself.
_ITSELF = {"kind": ""}

_PenaltyCode = Annotated[
    str,
    Strict(),
    Field(
        min_length=1,
        max_length=100,
        description="A kind of disciplinary penalty of PP 94/2021: teguran_lisan,"
        " teguran_tertulis, pernyataan_tidak_puas_tertulis, pemotongan_tukin_6_bulan,"
        " pemotongan_tukin_9_bulan, pemotongan_tukin_12_bulan, penurunan_jabatan,"
        " pembebasan_jabatan, pemberhentian_dengan_hormat.",
    ),
]


class DisciplineCutModel(WireModel):
    """One tunjangan cut: a percentage of the month's amount for some months."""

    percent: DecimalValue = Field(description="Percent of the month's tunjangan cut (25).")
    months: _Positive = Field(description="Months the cut runs from the penalty's TMT.")


class DisciplineModel(WireModel):
    """The tunjangan cuts during a disciplinary penalty (an agency setting; default PP 94/2021
    sedang: 25 % for 6, 9 or 12 months)."""

    cuts: Annotated[dict[_PenaltyCode, DisciplineCutModel], Field(max_length=20)] | None = Field(
        default=None,
        description="Penalty kind → cut; default the PP 94/2021 sedang kinds at 25 %.",
    )
    citation: _Text1000 | None = Field(default=None, description="Default PP 94/2021 [S24].")


class IncentiveModel(WireModel):
    """An incentive in rupiah, paid rounded half-up to whole rupiah once."""

    name: _Text100
    amount: DecimalValue = Field(description="Rupiah.")
    for_innovation: _Bool | None = Field(
        default=None, description="Default false; true: paid only for an innovation."
    )
    for_predikat: _PredikatList | None = Field(default=None, description="Default sangat_baik.")


def discipline_cuts(part: DisciplineModel) -> DisciplineCuts:
    """The ``$.allowance.discipline`` table as :class:`DisciplineCuts` (errors at its paths)."""
    table = (
        None
        if part.cuts is None
        else {
            build(
                f"$.allowance.discipline.cuts{member(code)}", parse_kind, code, renames=_ITSELF
            ): (
                build(
                    f"$.allowance.discipline.cuts{member(code)}",
                    DisciplineCut,
                    percent=cut.percent,
                    months=cut.months,
                )
            )
            for code, cut in part.cuts.items()
        }
    )
    given: dict[str, Any] = {}
    if table is not None:
        given["cuts"] = table
    if part.citation is not None:
        given["citation"] = part.citation
    return build("$.allowance.discipline", DisciplineCuts, **given)


def discipline_dict(discipline: DisciplineCuts) -> dict[str, Any]:
    """The ``discipline`` table of an allowance, every parameter written out."""
    return {
        "cuts": {
            kind.code: {"percent": decimal_out(cut.percent), "months": cut.months}
            for kind, cut in discipline.cuts.items()
        },
        "citation": discipline.citation,
    }


def incentive_rules(items: Sequence[IncentiveModel]) -> tuple[Incentive, ...]:
    """The ``$.recognition.incentives`` list as :class:`Incentive` (errors at their paths)."""
    built = []
    for i, item in enumerate(items):
        given: dict[str, Any] = {}
        if item.for_innovation is not None:
            given["for_innovation"] = item.for_innovation
        if item.for_predikat is not None:
            given["for_predikat"] = item.for_predikat
        built.append(
            build(
                f"$.recognition.incentives[{i}]",
                Incentive,
                name=item.name,
                amount=item.amount,
                **given,
            )
        )
    return tuple(built)


def _predikat_list(items: frozenset[Predikat]) -> list[str]:
    return [p.code for p in sorted(items, key=lambda p: -p.rank)]


def incentives_list(items: Sequence[Incentive]) -> list[dict[str, Any]]:
    """The ``incentives`` list of a recognition table, every parameter written out."""
    return [
        {
            "name": item.name,
            "amount": decimal_out(item.amount),
            "for_innovation": item.for_innovation,
            "for_predikat": _predikat_list(item.for_predikat),
        }
        for item in items
    ]
