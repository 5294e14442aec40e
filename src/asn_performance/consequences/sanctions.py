"""Consequences of a weak appraisal (PP 30/2019 Pasal 56-58): the timeline and pembinaan.

Part of what follows a predikat (PermenPANRB 6/2022 Pasal 5, *tindak lanjut*: *penghargaan dan
sanksi*; see :mod:`asn_performance.consequences`): :func:`improvement_timeline` (the dates that
follow targets not met, counted with dateutil) and :func:`consequences` (the timeline and/or
pembinaan, with an administrative sanction where the agency's policy imposes one). The rules
recorded in the steps are :data:`SANCTION_RULES`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import expect, itself
from asn_performance.consequences._common import (
    MAX_IMPROVEMENT_MONTHS,
    MAX_PLACEMENT_YEARS,
    Cited,
    check_appraisal,
    check_date,
    pejabat_penilai,
    predikat_set,
    whole,
)
from asn_performance.domain.employee import PositionKind
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.rating import Predikat, Rating
from asn_performance.exceptions import InputError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "SANCTION_RULES",
    "Consequences",
    "ImprovementTimeline",
    "TimelineStage",
    "consequences",
    "improvement_timeline",
]

#: The rules this module records. Source tags ``[Sx]`` refer to the list in
#: ``docs/explanation/rewards.md``.
SANCTION_RULES: tuple[Rule, ...] = (
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
_RULE = rules_by_id(SANCTION_RULES)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.PP30-TARGETS-NOT-MET.received": "result received on",
        "step.PP30-TARGETS-NOT-MET.window": "improvement window",
        "step.PP30-TARGETS-NOT-MET.months": "{months} months",
        "step.PP30-TARGETS-NOT-MET.placement": "temporary placement",
        "step.PP30-TARGETS-NOT-MET.years": "at most {years} year(s)",
        "step.PP30-TARGETS-NOT-MET.improve": "improve {start} – {until}",
        "step.PP30-TARGETS-NOT-MET.reassignment": "reassignment from {day}",
        "step.PP30-TARGETS-NOT-MET.placed": "placement {start} – {until}",
        "step.PP30-TARGETS-NOT-MET.dismissal": "dismissal recommendation from {day}",
        "step.PP30-TARGETS-NOT-MET.note": (
            "each later stage applies only if the earlier one did not resolve it"
        ),
        "step.PEMBINAAN.period": "period",
        "step.PEMBINAAN.sanction": "administrative sanction under the agency's rules",
        "step.PEMBINAAN.note": (
            "the administrative sanction is the agency's policy (PP 30/2019 Pasal 56: 'dapat')"
        ),
    }
)


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
class ImprovementTimeline(Cited):
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
    RULES = _RULE

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
        return self.cited(
            result_received_on=self.result_received_on.isoformat(),
            stages=[
                {
                    "code": s.code,
                    "starts_on": s.starts_on.isoformat(),
                    "ends_on": None if s.ends_on is None else s.ends_on.isoformat(),
                    "description": s.description,
                }
                for s in self.stages
            ],
        )


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
    received = check_date(result_received_on, "result_received_on")
    months = whole(
        improvement_months, "improvement_months", minimum=1, maximum=MAX_IMPROVEMENT_MONTHS
    )
    years = whole(placement_years, "placement_years", minimum=1, maximum=MAX_PLACEMENT_YEARS)
    start = received + dt.timedelta(days=1)
    until = _last_day(start, months=months)
    reassignment = until + dt.timedelta(days=1)
    placement = reassignment if placed_on is None else check_date(placed_on, "placed_on")
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
class Consequences(Cited):
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
    RULES = _RULE

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return self.cited(
            period=self.period,
            predikat=self.predikat.code,
            timeline=None if self.timeline is None else self.timeline.to_dict(),
            pembinaan=self.pembinaan,
            administrative_sanction=self.administrative_sanction,
        )


def consequences(
    appraisal: Appraisal,
    *,
    result_received_on: dt.date | None = None,
    pembinaan_for: Iterable[Predikat | str] = (Predikat.KURANG, Predikat.SANGAT_KURANG),
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
    appraisal = check_appraisal(appraisal)
    pembinaan_set = predikat_set(pembinaan_for, "pembinaan_for")
    expect(
        administrative_sanction,
        bool,
        "administrative_sanction",
        message="must be True or False",
        fix="pass a bool",
        show=itself,
    )
    targets_not_met = appraisal.rating_hasil_kerja is Rating.DI_BAWAH
    pembinaan = appraisal.predikat in pembinaan_set
    if not targets_not_met and not pembinaan:
        return None
    steps: list[Step] = []
    timeline = None
    if targets_not_met:
        received = (
            pejabat_penilai(appraisal).given_on
            if result_received_on is None
            else check_date(result_received_on, "result_received_on")
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
