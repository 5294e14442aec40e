"""PP 46/2011: the *nilai perilaku kerja* (Perka BKN 1/2013 [S27][S29]; decision D8).

The mean of 5 aspects, or 6 with *kepemimpinan* for holders of a structural position
(:func:`assess_behaviour`); each aspect lies between 0 and 100.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from asn_performance._kit.exact import to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled, Labels
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.exceptions import InputError
from asn_performance.regimes._common import (
    HasValue,
    Ratio,
    dec_ratio,
    fraction_of,
    new_step,
    ratio_field,
    reduced,
    show,
)
from asn_performance.regimes.pp_46_2011._common import PERKA
from asn_performance.regimes.pp_46_2011.predikat import Pp46Predikat, predikat_step

__all__ = ["RULES", "BehaviourAspect", "BehaviourResult", "BehaviourScores", "assess_behaviour"]


class BehaviourAspect(Labelled):
    """An aspect of *perilaku kerja* under PP 46/2011 (Perka BKN 1/2013; [S27][S29])."""

    ORIENTASI_PELAYANAN = "orientasi_pelayanan"
    INTEGRITAS = "integritas"
    KOMITMEN = "komitmen"
    DISIPLIN = "disiplin"
    KERJA_SAMA = "kerja_sama"
    KEPEMIMPINAN = "kepemimpinan"

    @classmethod
    def _table(cls) -> Mapping[BehaviourAspect, Labels]:
        return {
            cls.ORIENTASI_PELAYANAN: Labels("Orientasi pelayanan", "Service orientation"),
            cls.INTEGRITAS: Labels("Integritas", "Integrity"),
            cls.KOMITMEN: Labels("Komitmen", "Commitment"),
            cls.DISIPLIN: Labels("Disiplin", "Discipline"),
            cls.KERJA_SAMA: Labels("Kerja sama", "Cooperation"),
            cls.KEPEMIMPINAN: Labels("Kepemimpinan", "Leadership"),
        }


#: The rule of this module: the mean of the aspects.
RULES: tuple[Rule, ...] = (
    Rule(
        "PP46-PERILAKU",
        "Nilai perilaku kerja = mean of 5 aspects, or 6 with kepemimpinan (structural only)",
        f"{PERKA} [S27][S29]; kepemimpinan only for jabatan struktural: library decision D8"
        " (as PP 10/1979 Pasal 4(3) [S30])",
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
        "step.PP46-PERILAKU.mean": "mean of {count} aspects",
        "step.PP46-PERILAKU.mean_structural": (
            "mean of {count} aspects (structural position: with kepemimpinan)"
        ),
    }
)
_PERILAKU: Final = _RULE["PP46-PERILAKU"]
_STRUCTURAL: Final = " (structural position: with kepemimpinan)"


def _score(value: object, field: str) -> Decimal:
    number = to_decimal(value, field=field)
    if not 0 <= number <= 100:
        raise InputError(
            "a perilaku kerja value lies between 0 and 100",
            path=field,
            value=value,
            rule="PP46-PERILAKU",
            fix="give the aspect's value on the 0-100 scale",
        )
    return number


def _orientasi_pelayanan(value: object) -> Decimal:
    return _score(value, "orientasi_pelayanan")


def _integritas(value: object) -> Decimal:
    return _score(value, "integritas")


def _komitmen(value: object) -> Decimal:
    return _score(value, "komitmen")


def _disiplin(value: object) -> Decimal:
    return _score(value, "disiplin")


def _kerja_sama(value: object) -> Decimal:
    return _score(value, "kerja_sama")


def _kepemimpinan(value: object) -> Decimal | None:
    return None if value is None else _score(value, "kepemimpinan")


@attrs.frozen
class BehaviourScores:
    """The *perilaku kerja* values (0-100) of one year (Perka BKN 1/2013; decision D8).

    Five aspects for everybody; *kepemimpinan* only for holders of a structural position
    (``structural=True``, then it is required; otherwise it must be left out).
    """

    orientasi_pelayanan: Decimal = attrs.field(converter=_orientasi_pelayanan)
    integritas: Decimal = attrs.field(converter=_integritas)
    komitmen: Decimal = attrs.field(converter=_komitmen)
    disiplin: Decimal = attrs.field(converter=_disiplin)
    kerja_sama: Decimal = attrs.field(converter=_kerja_sama)
    kepemimpinan: Decimal | None = attrs.field(default=None, converter=_kepemimpinan)
    structural: bool = attrs.field(
        default=False, kw_only=True, validator=attrs.validators.instance_of(bool)
    )

    def __attrs_post_init__(self) -> None:
        if self.structural and self.kepemimpinan is None:
            raise InputError(
                "a holder of a structural position is assessed on kepemimpinan too",
                path="kepemimpinan",
                value=None,
                rule="PP46-PERILAKU",
                fix="give the kepemimpinan value, or structural=False",
            )
        if not self.structural and self.kepemimpinan is not None:
            raise InputError(
                "kepemimpinan is assessed only for holders of a structural position (D8)",
                path="kepemimpinan",
                value=str(self.kepemimpinan),
                rule="PP46-PERILAKU",
                fix="leave kepemimpinan out, or pass structural=True",
            )

    def items(self) -> tuple[tuple[BehaviourAspect, Decimal], ...]:
        """The assessed aspects with their values (5, or 6 for a structural position)."""
        pairs = [
            (BehaviourAspect.ORIENTASI_PELAYANAN, self.orientasi_pelayanan),
            (BehaviourAspect.INTEGRITAS, self.integritas),
            (BehaviourAspect.KOMITMEN, self.komitmen),
            (BehaviourAspect.DISIPLIN, self.disiplin),
            (BehaviourAspect.KERJA_SAMA, self.kerja_sama),
        ]
        if self.kepemimpinan is not None:
            pairs.append((BehaviourAspect.KEPEMIMPINAN, self.kepemimpinan))
        return tuple(pairs)


@attrs.frozen
class BehaviourResult(HasValue):
    """The *nilai perilaku kerja*: the mean of the assessed aspects, unrounded."""

    scores: BehaviourScores
    aspects: int
    value: Decimal
    predikat: Pp46Predikat
    steps: tuple[Step, ...]
    _exact: Ratio = attrs.field(alias="exact", converter=ratio_field, repr=False)
    """The exact value as (numerator, denominator) in lowest terms, carried to the prestasi
    kerja (a ``Fraction`` is accepted too)."""

    @property
    def exact(self) -> Fraction:
        """The exact value, before it is stored as a Decimal and shown."""
        return fraction_of(self._exact)

    @property
    def exact_ratio(self) -> Ratio:
        """The exact value as (numerator, denominator) in lowest terms."""
        return self._exact


def assess_behaviour(scores: BehaviourScores) -> BehaviourResult:
    """The *nilai perilaku kerja*: the mean of 5 aspects, or 6 with kepemimpinan (D8)."""
    items = scores.items()
    numerator, denominator = 0, 1
    for _, score in items:
        n, d = score.as_integer_ratio()
        numerator, denominator = numerator * d + n * denominator, denominator * d
    value = reduced(numerator, denominator * len(items))
    stored = dec_ratio(*value)
    step = new_step(
        (
            _PERILAKU,
            "perilaku_kerja",
            tuple([(aspect.label_id, str(v)) for aspect, v in items]),
            show(stored),
            f"mean of {len(items)} aspects{_STRUCTURAL if scores.structural else ''}",
        )
    )
    predikat, banded = predikat_step(value, "perilaku_kerja", "nilai perilaku kerja", stored)
    return BehaviourResult(
        scores=scores,
        aspects=len(items),
        value=stored,
        predikat=predikat,
        steps=(step, banded),
        exact=value,
    )
