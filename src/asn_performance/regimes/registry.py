"""The regimes side by side, and the one that applies to a period.

Three rule sets, each a module of this package, with the dates they apply to (regulations
digest, table of historical regimes):

============================  =========================  ==========================
regime id                     legal basis                applies
============================  =========================  ==========================
``pp46_2011``                 PP 46/2011 + Perka BKN     1 Jan 2014 -- 30 Jun 2021
                              1/2013
``permenpanrb_8_2021``        PP 30/2019 + PermenPANRB   1 Jul 2021 -- 31 Dec 2021
                              8/2021
``permenpanrb_6_2022``        PP 30/2019 + PermenPANRB   1 Jan 2022 --
                              6/2022 (+ SE MenPANRB
                              3/2023)
============================  =========================  ==========================

:func:`regime_for` finds the regime of a period and refuses, with a clear error, a period that
no regime covers (before 2014 the DP3 of PP 10/1979 applied, which this library does not
implement) or one that straddles two regimes. The calendar year 2021 is the known split:
January-June under Perka BKN 1/2013 and July-December under PermenPANRB 8/2021, each
appraised on its own (:data:`HALVES_2021`) and integrated 50 % / 50 % by
:func:`integrate_2021` [S14]. :func:`regime_by_id` lets a caller name a regime explicitly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs

from asn_performance._kit.exact import CONTEXT, quantize, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.period import Period
from asn_performance.exceptions import AppraisalError, LabelError

__all__ = [
    "HALF_WEIGHT",
    "HALVES_2021",
    "PERMENPANRB_6_2022",
    "PERMENPANRB_8_2021",
    "PP46_2011",
    "REGIMES",
    "RULES",
    "Integration2021",
    "Regime",
    "integrate_2021",
    "regime_by_id",
    "regime_for",
]


@attrs.frozen
class Regime:
    """A named, versioned rule set with the dates it applies to.

    ``valid_to`` is ``None`` for the regime in force. ``module`` names the module of this
    package that holds the rules. ``version`` is the version of the library's rule set,
    raised whenever a rule of the regime changes.
    """

    id: str
    title: str
    legal_basis: str
    valid_from: dt.date
    valid_to: dt.date | None
    version: str
    module: str

    def covers(self, period: Period) -> bool:
        """Whether the whole period lies inside the regime's dates."""
        return self.valid_from <= period.start and (
            self.valid_to is None or period.end <= self.valid_to
        )

    def overlaps(self, period: Period) -> bool:
        """Whether any day of the period lies inside the regime's dates."""
        return period.end >= self.valid_from and (
            self.valid_to is None or period.start <= self.valid_to
        )

    def __str__(self) -> str:
        end = "" if self.valid_to is None else self.valid_to.isoformat()
        return f"{self.legal_basis} ({self.valid_from.isoformat()}..{end})"


#: PP 46/2011 + Perka BKN 1/2013: penilaian prestasi kerja (60 % SKP + 40 % perilaku).
PP46_2011: Final = Regime(
    id="pp46_2011",
    title="Penilaian prestasi kerja PNS",
    legal_basis="PP 46/2011 + Perka BKN 1/2013",
    valid_from=dt.date(2014, 1, 1),
    valid_to=dt.date(2021, 6, 30),
    version="1",
    module="asn_performance.regimes.pp_46_2011",
)

#: PP 30/2019 + PermenPANRB 8/2021: nilai kinerja 0-120 (70/30 or 60/40).
PERMENPANRB_8_2021: Final = Regime(
    id="permenpanrb_8_2021",
    title="Sistem manajemen kinerja PNS",
    legal_basis="PP 30/2019 + PermenPANRB 8/2021",
    valid_from=dt.date(2021, 7, 1),
    valid_to=dt.date(2021, 12, 31),
    version="1",
    module="asn_performance.regimes.permenpanrb_8_2021",
)

#: PP 30/2019 + PermenPANRB 6/2022 (+ SE MenPANRB 3/2023): ratings and the 3×3 matrix.
PERMENPANRB_6_2022: Final = Regime(
    id="permenpanrb_6_2022",
    title="Pengelolaan kinerja pegawai ASN",
    legal_basis="PP 30/2019 + PermenPANRB 6/2022 (+ SE MenPANRB 3/2023)",
    valid_from=dt.date(2022, 1, 1),
    valid_to=None,
    version="1",
    module="asn_performance.regimes.permenpanrb_6_2022",
)

#: Every regime, oldest first.
REGIMES: tuple[Regime, ...] = (PP46_2011, PERMENPANRB_8_2021, PERMENPANRB_6_2022)

_BY_ID: Mapping[str, Regime] = FrozenMap({regime.id: regime for regime in REGIMES})

#: The two halves of 2021, each appraised under its own regime [S14].
HALVES_2021: tuple[Period, Period] = (
    Period.span(dt.date(2021, 1, 1), dt.date(2021, 6, 30)),
    Period.span(dt.date(2021, 7, 1), dt.date(2021, 12, 31)),
)

#: Weight of each half of 2021 in the integrated value, percent [S14].
HALF_WEIGHT: Final = Decimal(50)

#: The rules this module records (gathered with the others by
#: :mod:`asn_performance.services.rulebook`).
RULES: tuple[Rule, ...] = (
    Rule(
        "REGIME-PERIOD",
        "The regime is chosen by the period",
        "PP 46/2011 + Perka BKN 1/2013 from 1 January 2014; PermenPANRB 8/2021 for July-December"
        " 2021; PermenPANRB 6/2022 from 2022 (digest, table of historical regimes"
        " [S10][S12][S14][S20][S21])",
    ),
    Rule(
        "REGIME-2021-INTEGRATION",
        "2021: January-June and July-December integrated 50 % / 50 %",
        "Transition of 2021: January-June under Perka BKN 1/2013, July-December under"
        " PermenPANRB 8/2021, integrated with 50 % weight each [S14]",
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
        "step.REGIME-2021-INTEGRATION.halves": "50 % × January-June + 50 % × July-December",
    }
)
REGIME_RULES = RULES


def regime_by_id(regime_id: str) -> Regime:
    """The regime named ``regime_id`` (``"pp46_2011"``, ``"permenpanrb_8_2021"``, ...)."""
    found = _BY_ID.get(regime_id) if isinstance(regime_id, str) else None
    if found is None:
        raise LabelError(
            "unknown regime",
            path="regime",
            value=regime_id,
            rule="REGIME-ID",
            fix=f"use one of: {', '.join(repr(r.id) for r in REGIMES)}",
        )
    return found


def regime_for(period: Period) -> Regime:
    """The regime whose dates contain the whole ``period``.

    Raises:
        AppraisalError: (rule ``REGIME-PERIOD``) when no regime covers the period, or when it
            straddles two regimes -- for 2021, appraise :data:`HALVES_2021` separately and
            combine them with :func:`integrate_2021`.
    """
    if not isinstance(period, Period):
        raise AppraisalError(
            "a regime is found for a Period",
            path="period",
            value=period,
            rule="REGIME-PERIOD",
            fix="pass a Period, e.g. Period.annual(2020)",
        )
    for regime in REGIMES:
        if regime.covers(period):
            return regime
    touched = [regime for regime in REGIMES if regime.overlaps(period)]
    if not touched:
        raise AppraisalError(
            f"no regime of this library covers {period.code}: the earliest, PP 46/2011, applies"
            f" from {PP46_2011.valid_from.isoformat()} (before it, the DP3 of PP 10/1979, which"
            " is not implemented)",
            path="period",
            value=period.code,
            rule="REGIME-PERIOD",
            fix="appraise a period from 2014 on",
        )
    if len(touched) == 1:
        raise AppraisalError(
            f"the period {period.code} starts before the earliest regime,"
            f" {touched[0].legal_basis}, applies ({touched[0].valid_from.isoformat()})",
            path="period",
            value=period.code,
            rule="REGIME-PERIOD",
            fix=f"start the period on {touched[0].valid_from.isoformat()} or later",
        )
    names = " and ".join(regime.legal_basis for regime in touched)
    first, second = touched[0].legal_basis, touched[-1].legal_basis
    raise AppraisalError(
        (
            f"the period {period.code} straddles two regimes: {first} and {second}"
            if len(touched) == 2
            else f"the period {period.code} straddles two regimes: {names}"
        ),
        path="period",
        value=period.code,
        rule="REGIME-PERIOD",
        fix=(
            "2021 is split: appraise 2021-01-01/2021-06-30 under PP 46/2011 and"
            " 2021-07-01/2021-12-31 under PermenPANRB 8/2021 (HALVES_2021), then combine the"
            " two values with integrate_2021"
            if PP46_2011 in touched and PERMENPANRB_8_2021 in touched
            else "split the period at the change of regime and appraise each part on its own"
        ),
    )


@attrs.frozen
class Integration2021:
    """The integrated value of 2021: 50 % January-June + 50 % July-December, unrounded."""

    first_half: Decimal
    """The January-June value (nilai prestasi kerja, PP 46/2011)."""
    second_half: Decimal
    """The July-December value (nilai kinerja, PermenPANRB 8/2021)."""
    value: Decimal
    steps: tuple[Step, ...]

    @property
    def value_shown(self) -> Decimal:
        """The integrated value as shown: 2 places, half-up."""
        return quantize(self.value)


def integrate_2021(
    first_half_value: Decimal | int | str, second_half_value: Decimal | int | str
) -> Integration2021:
    """Integrate the two halves of 2021 with 50 % weight each [S14].

    ``first_half_value`` is the January-June *nilai prestasi kerja* under PP 46/2011 +
    Perka BKN 1/2013 (:func:`~asn_performance.regimes.pp_46_2011.work_achievement`);
    ``second_half_value`` the July-December *nilai kinerja* under PermenPANRB 8/2021
    (:func:`~asn_performance.regimes.permenpanrb_8_2021.performance_value`). Which predikat
    table applies to the integrated value is not stated in the source; the library applies
    none (see ``docs/how-to/recompute-2021.md``).
    """
    first = to_decimal(first_half_value, field="first_half_value", allow_negative=False)
    second = to_decimal(second_half_value, field="second_half_value", allow_negative=False)
    # (first + second) × 50 / 100, exactly on integer pairs, stored once (28 digits, half-up;
    # the same Decimal whether or not the pair is in lowest terms)
    first_n, first_d = first.as_integer_ratio()
    second_n, second_d = second.as_integer_ratio()
    weight_n, weight_d = HALF_WEIGHT.as_integer_ratio()
    value = CONTEXT.divide(
        Decimal((first_n * second_d + second_n * first_d) * weight_n),
        Decimal(first_d * second_d * weight_d * 100),
    )
    step = Step(
        _RULE["REGIME-2021-INTEGRATION"],
        "",
        (
            ("Januari-Juni (PP 46/2011)", str(quantize(first))),
            ("Juli-Desember (PermenPANRB 8/2021)", str(quantize(second))),
        ),
        str(quantize(value)),
        "50 % × January-June + 50 % × July-December",
    )
    return Integration2021(first_half=first, second_half=second, value=value, steps=(step,))
