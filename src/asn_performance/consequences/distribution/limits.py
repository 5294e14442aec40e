"""The limits of the distribution curve (*pola distribusi*) of SE MenPANRB 3/2023.

SE MenPANRB No. 3 Tahun 2023 (31 January 2023; Pasal 24-25 PermenPANRB 6/2022, Pasal 41(7)
PP 30/2019) makes the organisation's *capaian kinerja* (Istimewa, Baik, Butuh Perbaikan,
Kurang, Sangat Kurang) limit how its employees' predikat may be distributed [S3][S4][S4b].
The limits are the table :data:`DISTRIBUTION_LIMITS`, one :class:`Limit` per sentence of the SE.

Percent limits on small units need a rounding rule the SE does not give (decision D4):
:attr:`Rounding.STRICT` (default) lets a maximum of p % allow floor(p·n) employees and makes a
minimum of p % need ceil(p·n); :attr:`Rounding.LENIENT` rounds the other way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

import attrs

from asn_performance._kit.exact import CONTEXT, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang
from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.validate import check_text, expect, itself
from asn_performance.consequences._words import figure, per_cent, say
from asn_performance.consequences.distribution._arithmetic import (
    MAX_COUNT,
    fraction,
    rounds_up,
    scaled,
)
from asn_performance.domain.rating import OrganisationPredikat, Predikat
from asn_performance.exceptions import PolicyError

__all__ = [
    "DISTRIBUTION_LIMITS",
    "PREDIKAT_ORDER",
    "Bound",
    "Limit",
    "Rounding",
]

#: The order of predikat in every count tuple of this module: best first.
PREDIKAT_ORDER: Final[tuple[Predikat, ...]] = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)
_SB, _B, _BP, _K, _SK = PREDIKAT_ORDER


class Rounding(Labelled):
    """How a percent limit becomes a number of employees on a unit of n (decision D4).

    * ``STRICT`` (default): a maximum of p % allows floor(p·n); a minimum needs ceil(p·n).
    * ``LENIENT``: a maximum of p % allows ceil(p·n); a minimum needs floor(p·n).

    On 3 employees a maximum of 70 % (2.1) allows 2 strictly, 3 leniently; a minimum of 60 %
    (1.8) needs 2 strictly, 1 leniently.
    """

    STRICT = "strict"
    LENIENT = "lenient"

    @classmethod
    def _table(cls) -> dict[Rounding, Labels]:
        return {cls.STRICT: Labels("Ketat", "Strict"), cls.LENIENT: Labels("Longgar", "Lenient")}


class Bound(Labelled):
    """Whether a limit is a maximum (*maksimal*) or a minimum (*minimal*)."""

    MAX = "max"
    MIN = "min"

    @classmethod
    def _table(cls) -> dict[Bound, Labels]:
        return {cls.MAX: Labels("Maksimal", "At most"), cls.MIN: Labels("Minimal", "At least")}


def _predikat_group(value: object) -> frozenset[Predikat]:
    if isinstance(value, (str, Predikat)):
        value = (value,)
    items = expect(
        value,
        Iterable,  # type: ignore[type-abstract]  # isinstance takes the ABC
        "predikat",
        message="must be a collection of predikat",
        fix="pass e.g. {'butuh_perbaikan', 'kurang'}",
        error=PolicyError,
        show=itself,
    )
    group = frozenset(Predikat.parse(item, field="predikat") for item in items)
    if not group:
        raise PolicyError(
            "a limit needs at least one predikat",
            path="predikat",
            value=[],
            rule="POLICY-TABLE",
            fix="name the predikat the limit is about",
        )
    return group


def _bound(value: object) -> Bound:
    return Bound.parse(value, field="bound")


def _optional_percent(value: object) -> Decimal | None:
    if value is None:
        return None
    return to_decimal(value, field="percent", allow_negative=False)


@attrs.frozen
class Limit:
    """One limit of the pola distribusi: at most or at least a percentage, or a count.

    ``predikat`` is the group the limit counts together ("Kurang/Misconduct dan/atau Butuh
    Perbaikan" is one group of two). Exactly one of ``percent`` (0-100) and ``count`` is given;
    ``wording`` quotes the SE.
    """

    bound: Bound = attrs.field(converter=_bound)
    predikat: frozenset[Predikat] = attrs.field(converter=_predikat_group)
    percent: Decimal | None = attrs.field(default=None, converter=_optional_percent)
    count: int | None = attrs.field(default=None)
    wording: str = attrs.field(default="", validator=check_text(500, required=False))

    def __attrs_post_init__(self) -> None:
        if (self.percent is None) == (self.count is None):
            raise PolicyError(
                "a limit has either a percentage or a count",
                path="percent",
                value=(self.percent, self.count),
                rule="POLICY-TABLE",
                fix="give percent=70 or count=1, not both",
            )
        if self.percent is not None and self.percent > 100:
            raise PolicyError(
                "a percentage limit lies between 0 and 100",
                path="percent",
                value=str(self.percent),
                rule="POLICY-TABLE",
                fix="give a percentage from 0 to 100",
            )
        if self.count is not None and (
            isinstance(self.count, bool)
            or not isinstance(self.count, int)
            or not 0 <= self.count <= MAX_COUNT
        ):
            raise PolicyError(
                f"a count limit is a whole number from 0 to {MAX_COUNT:,}",
                path="count",
                value=self.count,
                rule="POLICY-TABLE",
                fix="give a count such as 0 or 1",
            )

    @property
    def group(self) -> tuple[Predikat, ...]:
        """The predikat of the group, best first."""
        return tuple(p for p in PREDIKAT_ORDER if p in self.predikat)

    @property
    def label(self) -> str:
        """The group's Indonesian labels, e.g. ``"Butuh Perbaikan dan/atau Kurang/Misconduct"``."""
        return " dan/atau ".join(p.label_id for p in self.group)

    def describe(self, lang: Lang = "en") -> str:
        """``"at most 70 %"``, ``"at least 1"``, ``"none"``; in Bahasa Indonesia
        (``lang="id"``) ``"maksimal 70 %"``, ``"minimal 1"``, ``"tidak ada"``: the SE's words."""
        if self.bound is Bound.MAX and self.count == 0:
            return say("distribution.bound.none", lang)
        if self.percent is None:
            amount = figure(self.count or 0, lang)
        else:
            amount = per_cent(figure(self.percent.normalize(CONTEXT), lang), lang)
        return say(f"distribution.bound.{self.bound.code}", lang, amount=amount)

    def threshold(self, total: int, rounding: Rounding = Rounding.STRICT) -> int:
        """The most employees allowed (maximum) or the fewest required (minimum) out of ``total``.

        Decision D4: strict rounding floors a maximum and ceils a minimum; lenient the reverse.
        """
        if self.count is not None:
            return self.count
        num, den = fraction(self.percent)
        return scaled(
            num, den, total, rounds_up(self.bound is Bound.MIN, rounding is Rounding.STRICT)
        )


def _limits(*limits: Limit) -> tuple[Limit, ...]:
    return limits


#: The pola distribusi of SE MenPANRB 3/2023 [S3], one tuple of limits per organisation
#: predikat, in the SE's order. "Others may be ..." sentences allow every remaining predikat
#: and add no limit. "Sebagian besar (maksimal 70 %)" is read as the maximum only.
DISTRIBUTION_LIMITS: Mapping[OrganisationPredikat, tuple[Limit, ...]] = FrozenMap(
    {
        OrganisationPredikat.ISTIMEWA: _limits(
            Limit(
                Bound.MAX, {_SB}, percent=70, wording="sebagian besar (maksimal 70 %) Sangat Baik"
            ),
        ),
        OrganisationPredikat.BAIK: _limits(
            Limit(Bound.MAX, {_B}, percent=70, wording="sebagian besar (maksimal 70 %) Baik"),
            Limit(
                Bound.MIN,
                {_BP, _K},
                count=1,
                wording="wajib ada minimal 1 pegawai Butuh Perbaikan dan/atau Kurang/Misconduct",
            ),
        ),
        OrganisationPredikat.BUTUH_PERBAIKAN: _limits(
            Limit(Bound.MIN, {_BP}, percent=60, wording="minimal 60 % Butuh Perbaikan"),
            Limit(Bound.MAX, {_SB}, percent=10, wording="Sangat Baik maksimal 10 %"),
        ),
        OrganisationPredikat.KURANG: _limits(
            Limit(Bound.MIN, {_K}, percent=60, wording="minimal 60 % Kurang/Misconduct"),
            Limit(Bound.MIN, {_BP}, percent=10, wording="minimal 10 % Butuh Perbaikan"),
            Limit(Bound.MAX, {_SB}, percent=10, wording="Sangat Baik maksimal 10 %"),
        ),
        OrganisationPredikat.SANGAT_KURANG: _limits(
            Limit(Bound.MIN, {_SK}, percent=60, wording="minimal 60 % Sangat Kurang"),
            Limit(
                Bound.MIN,
                {_K, _BP},
                percent=10,
                wording="minimal 10 % Kurang/Misconduct dan/atau Butuh Perbaikan",
            ),
            Limit(Bound.MAX, {_SB}, count=0, wording="tidak ada Sangat Baik"),
        ),
    }
)
