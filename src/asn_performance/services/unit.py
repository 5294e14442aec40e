"""Use cases of a unit: appraise every plan, evaluate the rewards, check the distribution.

A unit is what one appraisal document holds: plans (SKP), the assessments of those plans, the
weighting policy, guards and organisation predikat (PermenPANRB 6/2022 Pasal 8-10), and each
employee's reward inputs (PermenPANRB 6/2022 Bab IV). These are plain functions over domain
objects: no pydantic and no JSON. A domain error comes out at a path inside the unit
(``assessments[3].assessor``, ``plans[1].period``, ``reward_inputs['<nip>'].kelas``), which the
JSON boundary (:mod:`asn_performance.boundary.appraisal_document`) turns into a JSON path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final, Generic, TypeVar

import attrs

# The reward policy's names through the package, whose lazy attributes load its module on first
# use: the functions' annotations still resolve (typing.get_type_hints; review of issue 12).
from asn_performance import consequences
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import expect
from asn_performance.consequences.distribution.limits import Rounding
from asn_performance.domain.assessment import Assessment, AssessorRole
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import PeriodKind
from asn_performance.domain.plan import PerformancePlan
from asn_performance.domain.rating import OrganisationPredikat
from asn_performance.exceptions import AsnPerformanceError, DuplicateError, PolicyError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal, appraise
from asn_performance.regimes.permenpanrb_6_2022.roster_check import RosterView
from asn_performance.weighting import DIMENSIONS, Guards, WeightingPolicy

__all__ = [
    "UnitOutcome",
    "appraise_unit",
    "appraise_unit_each",
    "check_unit_distribution",
    "evaluate_unit_rewards",
    "evaluate_unit_rewards_each",
]

_R = TypeVar("_R")


@attrs.frozen
class UnitOutcome(Generic[_R]):
    """What a unit gave when each plan (or employee) is taken on its own (``--keep-going``).

    Attributes:
        results: the results of those that succeeded, in order.
        problems: for each that failed, its error, keyed by the plan id (appraisals) or the
            employee's NIP digits (rewards), in order.
    """

    results: tuple[_R, ...]
    problems: FrozenMap[str, AsnPerformanceError]

    @property
    def complete(self) -> bool:
        """Whether nothing failed."""
        return not self.problems


def appraise_unit(
    plans: Sequence[PerformancePlan],
    assessments: Sequence[Assessment],
    *,
    policy: WeightingPolicy,
    guards: Guards,
    organisation_predikat: OrganisationPredikat | None = None,
    roster: RosterView | None = None,
) -> tuple[Appraisal, ...]:
    """Appraise every plan, in plan order, each with its own assessments.

    Every assessment must be for one of ``plans``. A domain error comes out at its place in the
    unit: ``assessments[k]...`` (``k`` the assessment's index in ``assessments``), a dimension
    of the pejabat penilai's assessment (``assessments[k].hasil_kerja``), ``policy``,
    ``organisation_predikat``, or under ``plans[i]``. With ``roster``, every giver's role is
    checked against it and each appraisal records the check (``appraise(..., roster=)``).
    """
    outcome = _appraise(plans, assessments, policy, guards, organisation_predikat, False, roster)
    return outcome.results


def appraise_unit_each(
    plans: Sequence[PerformancePlan],
    assessments: Sequence[Assessment],
    *,
    policy: WeightingPolicy,
    guards: Guards,
    organisation_predikat: OrganisationPredikat | None = None,
    roster: RosterView | None = None,
) -> UnitOutcome[Appraisal]:
    """Appraise each plan on its own, as :func:`appraise_unit` does, but a plan that cannot be
    appraised does not stop the others: its error (at the same unit path
    :func:`appraise_unit` gives) is kept under the plan's id in ``problems``; the appraisals of
    the others are the ``results``, in plan order."""
    return _appraise(plans, assessments, policy, guards, organisation_predikat, True, roster)


def _appraise(
    plans: Sequence[PerformancePlan],
    assessments: Sequence[Assessment],
    policy: WeightingPolicy,
    guards: Guards,
    organisation_predikat: OrganisationPredikat | None,
    keep_going: bool,
    roster: RosterView | None = None,
) -> UnitOutcome[Appraisal]:
    _one_plan_each(plans)
    by_plan: dict[str, list[int]] = {plan.id: [] for plan in plans}
    for index, assessment in enumerate(assessments):
        by_plan[assessment.plan_id].append(index)
    results: list[Appraisal] = []
    problems: dict[str, AsnPerformanceError] = {}
    for plan_index, plan in enumerate(plans):
        indices = by_plan[plan.id]
        try:
            results.append(
                appraise(
                    plan,
                    [assessments[i] for i in indices],
                    policy=policy,
                    guards=guards,
                    organisation_predikat=organisation_predikat,
                    roster=roster,
                )
            )
        except AsnPerformanceError as error:
            placed = _engine_error(error, assessments, plan_index, indices)
            if not keep_going:
                raise placed from None
            problems[plan.id] = placed
    return UnitOutcome(tuple(results), FrozenMap(problems))


def _one_plan_each(plans: Sequence[PerformancePlan]) -> None:
    """One plan per employee and period (rule ``DOCUMENT-UNIQUE``): a second one, whatever its
    id, would count the employee twice in the unit's results and its distribution. A part of
    the year (a span) may not overlap another plan of the same employee either: the days it
    shares would be appraised, and their angka kredit earned, twice."""
    seen: dict[tuple[Nip, str], str] = {}
    by_employee: dict[Nip, list[int]] = {}
    for index, plan in enumerate(plans):
        first = seen.setdefault((plan.employee.nip, plan.period.code), plan.id)
        if first != plan.id:
            raise DuplicateError(
                f"employee {plan.employee.nip.digits} has two plans for period"
                f" {plan.period.code}: {first!r} and {plan.id!r}",
                path=f"plans[{index}].period",
                value=plan.period.code,
                rule="DOCUMENT-UNIQUE",
                fix="keep one plan per employee and period",
            )
        by_employee.setdefault(plan.employee.nip, []).append(index)
    for indices in by_employee.values():
        if len(indices) > 1:
            _no_span_overlaps(plans, indices)


def _no_span_overlaps(plans: Sequence[PerformancePlan], indices: list[int]) -> None:
    """Refuse a span (``PeriodKind.CUSTOM``) that overlaps another plan of the same employee:
    one sweep in order of start, keeping the latest end of all plans and of the spans seen."""
    latest: int | None = None  # the plan seen so far that ends last
    latest_span: int | None = None  # the span seen so far that ends last
    for index in sorted(indices, key=lambda i: (plans[i].period.start, i)):
        period = plans[index].period
        is_span = period.kind is PeriodKind.CUSTOM
        for other in (latest if is_span else None, latest_span):
            if other is not None and period.start <= plans[other].period.end:
                _overlap(plans, other, index)
        if latest is None or period.end > plans[latest].period.end:
            latest = index
        if is_span and (latest_span is None or period.end > plans[latest_span].period.end):
            latest_span = index


def _overlap(plans: Sequence[PerformancePlan], first: int, second: int) -> None:
    one, two = sorted((first, second))
    raise DuplicateError(
        f"employee {plans[two].employee.nip.digits} has plans for overlapping periods:"
        f" {plans[one].id!r} ({plans[one].period.code}) and {plans[two].id!r}"
        f" ({plans[two].period.code})",
        path=f"plans[{two}].period",
        value=plans[two].period.code,
        rule="DOCUMENT-UNIQUE",
        fix="give the parts of the year as periods that do not overlap (a move mid-year ends"
        " one plan the day before the next begins)",
    )


def _engine_error(
    error: AsnPerformanceError,
    assessments: Sequence[Assessment],
    plan_index: int,
    indices: list[int],
) -> AsnPerformanceError:
    """Translate the paths relative to one appraise() call into the unit's paths: the error's
    own and every other problem's (a roster check lists several)."""
    lead = next(
        (i for i in indices if assessments[i].role is AssessorRole.PEJABAT_PENILAI),
        None,
    )

    def place(path: str | None) -> str:
        text = path or ""
        match = re.fullmatch(r"assessments\[([0-9]+)\](.*)", text, re.DOTALL)
        if match and int(match.group(1)) < len(indices):
            return f"assessments[{indices[int(match.group(1))]}]{match.group(2)}"
        if text in DIMENSIONS and lead is not None:
            return f"assessments[{lead}].{text}"
        if text in ("assessments", "organisation_predikat", "policy") or text.startswith("$"):
            return text
        prefix = f"plans[{plan_index}]"
        if not text:
            return prefix
        return prefix + text if text.startswith("[") else f"{prefix}.{text}"

    return error.with_paths(place)


def evaluate_unit_rewards(
    policy: consequences.RewardPolicy,
    plans: Sequence[PerformancePlan],
    appraisals: Sequence[Appraisal],
    reward_inputs: Mapping[Nip, consequences.RewardInputs],
) -> tuple[consequences.RewardOutcome, ...]:
    """Apply ``policy`` to each employee's appraisals, with the employee's reward inputs.

    The appraisals are grouped by employee (in the order of each employee's first appraisal);
    each group is evaluated with the employee's
    :class:`~asn_performance.consequences.RewardInputs` (none: the defaults). An error of
    the reward rules comes out at ``reward_inputs['<nip>'].<input>`` for an input, at
    ``plans[i].period`` for a period and under ``plans[i]`` otherwise (``i`` the plan's index in
    ``plans``); a wrong argument at ``policy`` or ``appraisals[k]``.
    """
    return _rewards(policy, plans, appraisals, reward_inputs, False).results


def evaluate_unit_rewards_each(
    policy: consequences.RewardPolicy,
    plans: Sequence[PerformancePlan],
    appraisals: Sequence[Appraisal],
    reward_inputs: Mapping[Nip, consequences.RewardInputs],
) -> UnitOutcome[consequences.RewardOutcome]:
    """Evaluate each employee's rewards on their own, as :func:`evaluate_unit_rewards` does,
    but an employee whose rewards cannot be evaluated does not stop the others: the error (at
    the same unit path) is kept under the NIP's digits in ``problems``. A wrong ``policy`` or
    a wrong item of ``appraisals`` still raises: it concerns everyone."""
    return _rewards(policy, plans, appraisals, reward_inputs, True)


def _rewards(
    policy: consequences.RewardPolicy,
    plans: Sequence[PerformancePlan],
    appraisals: Sequence[Appraisal],
    reward_inputs: Mapping[Nip, consequences.RewardInputs],
    keep_going: bool,
) -> UnitOutcome[consequences.RewardOutcome]:
    expect(
        policy,
        consequences.RewardPolicy,
        "policy",
        message="policy must be a RewardPolicy",
        fix="pass asn_performance.consequences.NATIONAL or a loaded policy",
        error=PolicyError,
    )
    plan_index = {plan.id: i for i, plan in enumerate(plans)}
    groups: dict[Nip, list[Appraisal]] = {}
    for position, appraisal in enumerate(appraisals):
        path = f"appraisals[{position}]"
        expect(
            appraisal,
            Appraisal,
            path,
            message="must be an Appraisal",
            fix="pass the results of appraise_all()",
        )
        groups.setdefault(appraisal.plan.employee.nip, []).append(appraisal)
    outcomes: list[consequences.RewardOutcome] = []
    problems: dict[str, AsnPerformanceError] = {}
    for nip, group in groups.items():
        inputs: consequences.RewardInputs = reward_inputs.get(nip, consequences.RewardInputs())
        try:
            outcomes.append(inputs.evaluate(policy, group))
        except AsnPerformanceError as error:
            indices = [plan_index.get(a.plan.id, -1) for a in group]
            placed = _reward_error(error, nip, group, indices)
            if not keep_going:
                raise placed from None
            problems[nip.digits] = placed
    return UnitOutcome(tuple(outcomes), FrozenMap(problems))


_INPUT_FIELDS: Final = frozenset(
    {
        "kelas",
        "attendance",
        "prior_angka_kredit",
        "result_received_on",
        "penalties",
        "innovation",
    }
)


def _reward_error(
    error: AsnPerformanceError, nip: Nip, group: list[Appraisal], plans: list[int]
) -> AsnPerformanceError:
    """Place an error of the reward rules at the unit's path (every problem of it)."""
    first = next((index for index in plans if index >= 0), None)

    def place(path: str | None) -> str | None:
        text = path or ""
        head = re.split(r"[.\[]", text, maxsplit=1)[0]
        if head == "start":  # accumulate() names the prior angka kredit "start"
            text, head = "prior_angka_kredit" + text.removeprefix("start"), "prior_angka_kredit"
        if head in _INPUT_FIELDS:
            return f"reward_inputs[{nip.digits!r}].{text}"
        if first is None or text.startswith("$"):
            return path
        prefix = f"plans[{first}]"
        if not text:
            return prefix
        return prefix + text if text.startswith("[") else f"{prefix}.{text}"

    placed = error.with_paths(place)
    head = re.split(r"[.\[]", error.path or "", maxsplit=1)[0]
    if head in _INPUT_FIELDS or head == "start":
        return placed
    codes = error.value if isinstance(error.value, list) else [error.value]
    for appraisal, index in reversed(list(zip(group, plans, strict=True))):
        if appraisal.period.code in codes and index >= 0:
            return placed.with_path(f"plans[{index}].period")
    return placed


def check_unit_distribution(
    organisation_predikat: OrganisationPredikat,
    appraisals: Sequence[Appraisal],
    rounding: Rounding | str = Rounding.STRICT,
    *,
    name: str = "document",
) -> tuple[consequences.DistributionReport, ...]:
    """Check a unit's predikat against the curve of its organisation predikat (SE MenPANRB
    3/2023), one :class:`~asn_performance.consequences.distribution.DistributionReport` per
    period appraised.

    Predikat of different periods are never counted together; the reports come in the order
    the periods first appear. The unit is called ``name``, followed by the period's label when
    the appraisals cover more than one period.
    """
    # the check's module loads here: appraising a unit does not need it (issue 12: start-up)
    from asn_performance.consequences.distribution.check import check_distribution  # noqa: PLC0415

    by_period: dict[str, list[Appraisal]] = {}
    for appraisal in appraisals:
        by_period.setdefault(appraisal.period.code, []).append(appraisal)
    several = len(by_period) > 1
    return tuple(
        check_distribution(
            organisation_predikat,
            group,
            rounding,
            unit=f"{name} ({group[0].period.label_id})" if several else name,
        )
        for group in by_period.values()
    )
