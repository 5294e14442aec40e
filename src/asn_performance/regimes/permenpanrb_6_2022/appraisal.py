"""The appraisal (*evaluasi kinerja*) under PermenPANRB 6/2022, and the engine that makes it.

:func:`appraise` is a pure function: a plan, the assessments for one period, and keyword-only
configuration in; an :class:`Appraisal` out, carrying the rating hasil kerja, the rating
perilaku kerja, the predikat kinerja pegawai, the assessments it used and the explanation of
every value.

The order of work, each part recorded as a step:

1. the period (the plan's own, or a periodic period inside it);
2. each assessment checked against the plan (ids, period, who may give it) and a roster;
3. the pejabat penilai kinerja's assessment is required, with both ratings;
4. anonymous sources below the minimum number of responses are withheld;
5. for a unit head, rating hasil kerja from the organisation's capaian kinerja (D3);
6. the weighting policy combines the sources per dimension (default: the pejabat penilai
   decides, D2);
7. the 3×3 matrix gives the predikat (PermenPANRB 6/2022 Lampiran; SE MenPANRB 3/2023).
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Iterable, Mapping
from itertools import repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final

import attrs

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.plain import code_of
from asn_performance._kit.trusted import slot_writer, slot_writers
from asn_performance._kit.validate import check_item, check_text, check_type
from asn_performance.domain.assessment import Assessment, AssessorRole
from asn_performance.domain.explanation import Explanation, Rule, Step, rules_by_id
from asn_performance.domain.period import Period
from asn_performance.domain.plan import Approach, PerformancePlan
from asn_performance.domain.rating import OrganisationPredikat, Predikat, Rating
from asn_performance.exceptions import (
    AppraisalError,
    AsnPerformanceError,
    AssessmentError,
    DuplicateError,
    InputError,
    MissingAssessmentError,
)
from asn_performance.regimes.permenpanrb_6_2022 import roster_check
from asn_performance.regimes.permenpanrb_6_2022._anonymity import kept_assessments
from asn_performance.regimes.permenpanrb_6_2022._grouping import group_by_role
from asn_performance.regimes.permenpanrb_6_2022._reason import heading, reason_line
from asn_performance.regimes.permenpanrb_6_2022._views import appraisal_html, appraisal_markdown
from asn_performance.regimes.permenpanrb_6_2022.matrix import PREDIKAT_MATRIX, UNIT_HEAD_RATING
from asn_performance.regimes.permenpanrb_6_2022.matrix import RULES as MATRIX_RULES

if TYPE_CHECKING:
    from asn_performance._kit.i18n import Lang
    from asn_performance.domain.feedback import FeedbackEntry
    from asn_performance.regimes.permenpanrb_6_2022.quantitative import SuggestionThresholds

from asn_performance.weighting import (
    DIMENSIONS,
    WEIGHTING_RULES,
    Guards,
    PerDimension,
    SupervisorDecides,
    WeightedSources,
    WeightingPolicy,
)

#: The rules :func:`appraise` records itself: the period, the required assessment, feedback.
ENGINE_RULES: tuple[Rule, ...] = (
    Rule(
        "6/2022-PERIOD",
        "Appraisal period",
        "PermenPANRB 6/2022 (evaluasi kinerja periodik dan tahunan); the periodic frequency is"
        " the instansi's choice",
    ),
    Rule(
        "6/2022-PEJABAT-PENILAI",
        "The pejabat penilai kinerja's assessment is required",
        "PermenPANRB 6/2022 (evaluasi kinerja by the pejabat penilai kinerja);"
        " SE MenPANRB 3/2023, step 3; requiring the assessment before appraising is a library"
        " guard",
        normative=False,
    ),
    Rule(
        "6/2022-FEEDBACK",
        "Continuous feedback and evidence cited",
        "PermenPANRB 6/2022 Pasal 5 (stage 2: pendokumentasian kinerja, umpan balik"
        " berkelanjutan); the entries dated inside the period are listed",
    ),
    *roster_check.ROSTER_RULES,
)
_RULE = rules_by_id(ENGINE_RULES, MATRIX_RULES, WEIGHTING_RULES)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.6/2022-PERIOD.plan_period": "plan period",
        "step.6/2022-PERIOD.periodic": "periodic",
        "step.D3-UNIT-HEAD.superseded": "pejabat penilai kinerja (superseded)",
        "step.G-ANONYMITY.responses": "{count} response(s)",
        "step.G-ANONYMITY.withheld": "withheld",
        "step.G-ANONYMITY.fewer": "fewer than {minimum} responses",
        "step.6/2022-QUANT-SUGGESTION.none": "no suggestion",
        "step.6/2022-FEEDBACK.cited.one": "{count} entry cited",
        "step.6/2022-FEEDBACK.cited": "{count} entries cited",
        "step.6/2022-FEEDBACK.outside": "{count} outside the period",
    }
)


__all__ = ["Appraisal", "appraise"]

REGIME = "permenpanrb_6_2022"
#: PermenPANRB 6/2022 applies from 1 January 2022 (see ``regimes.registry``).
_IN_FORCE_FROM = dt.date(2022, 1, 1)

_DEFAULT_POLICY = SupervisorDecides()
_DEFAULT_GUARDS = Guards()
_BUILT_IN_POLICIES = frozenset({SupervisorDecides, WeightedSources, PerDimension})
#: The policies whose ``combine`` the library wrote (not ``PerDimension``: it returns what a
#: caller's policy may return).
_SELF_MADE = frozenset({SupervisorDecides, WeightedSources})
# Members read on every appraisal, read once (a member read from its enum class costs more).
_PEJABAT_PENILAI, _KUANTITATIF = AssessorRole.PEJABAT_PENILAI, Approach.KUANTITATIF


def _check_assessments(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(a, Assessment) for a in value):
        raise InputError(
            "must be a tuple of Assessment objects",
            path=attribute.name,
            value=value,
            rule="TYPE",
            fix="pass Assessment objects",
        )


@attrs.frozen
class Appraisal:
    """The result of appraising one plan for one period (*hasil evaluasi kinerja*).

    Attributes:
        plan: the SKP appraised.
        period: the period (annual or periodic).
        rating_hasil_kerja: *rating hasil kerja*.
        rating_perilaku_kerja: *rating perilaku kerja*.
        predikat: *predikat kinerja pegawai*.
        assessments: the assessments used, in canonical order (role, assessor, date).
        explanation: the ordered steps that produced each value.
        policy: the name of the weighting policy used.
        regime: the rule set (``"permenpanrb_6_2022"``).
        organisation_predikat: the organisation's capaian kinerja, where it was used.
    """

    plan: PerformancePlan = attrs.field(validator=check_type(PerformancePlan))
    period: Period = attrs.field(validator=check_type(Period))
    rating_hasil_kerja: Rating = attrs.field(validator=check_type(Rating))
    rating_perilaku_kerja: Rating = attrs.field(validator=check_type(Rating))
    predikat: Predikat = attrs.field(validator=check_type(Predikat))
    assessments: tuple[Assessment, ...] = attrs.field(validator=_check_assessments)
    explanation: Explanation = attrs.field(validator=check_type(Explanation))
    policy: str = attrs.field(default=SupervisorDecides.name, validator=check_text(1000))
    regime: str = attrs.field(default=REGIME, validator=check_text(100))
    organisation_predikat: OrganisationPredikat | None = attrs.field(
        default=None, validator=check_type(OrganisationPredikat, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if not any(a.role is AssessorRole.PEJABAT_PENILAI for a in self.assessments):
            raise AppraisalError(
                "an appraisal rests on the pejabat penilai kinerja's assessment, which is missing",
                path="assessments",
                value=[a.role.code for a in self.assessments],
                rule="6/2022-PEJABAT-PENILAI",
                fix="let appraise() build the appraisal from the assessments",
            )
        steps = self.explanation.steps
        if not steps or steps[-1].rule != "6/2022-MATRIX":
            raise AppraisalError(
                "an appraisal's explanation ends with the matrix step that gave the predikat",
                path="explanation",
                value=[step.rule for step in steps],
                rule="6/2022-MATRIX",
                fix="let appraise() build the appraisal and its explanation",
            )
        expected = PREDIKAT_MATRIX[(self.rating_hasil_kerja, self.rating_perilaku_kerja)]
        if self.predikat is not expected:
            raise AppraisalError(
                f"the predikat for ({self.rating_hasil_kerja.label_id},"
                f" {self.rating_perilaku_kerja.label_id}) is {expected.label_id}",
                path="predikat",
                value=self.predikat.code,
                rule="6/2022-MATRIX",
                fix="let appraise() compute the predikat",
            )

    @property
    def employee_nip(self) -> str:
        """The appraised employee's NIP as text."""
        return self.plan.employee.nip.digits

    def explain(self, lang: Lang = "en") -> str:
        """The derivation as readable text: a header, then every step with its citation; in
        ``lang`` (``"id"``: Bahasa Indonesia from the catalogue; the default reads none)."""
        return heading(self, lang) + self.explanation.render(lang)

    def reason(self, lang: Lang = "en") -> str:
        """One line saying why the predikat is what it is (the deciding step per rating)."""
        return reason_line(self, lang)

    def to_dict(self, *, labels: bool = True) -> dict[str, Any]:
        """The full plain record: plan, kept assessments, ratings and explanation.

        ``labels=False`` leaves out the text rendered for readers (``predikat_label``, the
        steps' titles and citations): the form :attr:`PerformanceCycle.result_digest` and the
        event digests cover.
        """
        record = {
            "regime": self.regime,
            "policy": self.policy,
            "plan": self.plan.to_dict(),
            "period": self.period.code,
            "organisation_predikat": code_of(self.organisation_predikat),
            "rating_hasil_kerja": self.rating_hasil_kerja.code,
            "rating_perilaku_kerja": self.rating_perilaku_kerja.code,
            "predikat": self.predikat.code,
            "predikat_label": self.predikat.label_id,
            "assessments": [assessment.to_dict() for assessment in self.assessments],
            "explanation": [step.to_dict(labels=labels) for step in self.explanation],
        }
        if not labels:
            del record["predikat_label"]
        return record

    def _who(self) -> dict[str, str]:
        """Who was appraised, on which plan, for which period: the head of a result."""
        employee = self.plan.employee
        return {
            "nip": employee.nip.digits,
            "name": employee.name,
            "unit": employee.unit,
            "plan_id": self.plan.id,
            "period": self.period.code,
        }

    def result_dict(self) -> dict[str, Any]:
        """The compact plain record of the result: who, which plan and period, ratings,
        predikat, reason and explanation; no individual assessment."""
        return {
            **self._who(),
            "period_label": self.period.label_id,
            "rating_hasil_kerja": self.rating_hasil_kerja.code,
            "rating_hasil_kerja_label": self.rating_hasil_kerja.label_id,
            "rating_perilaku_kerja": self.rating_perilaku_kerja.code,
            "rating_perilaku_kerja_label": self.rating_perilaku_kerja.label_id,
            "predikat": self.predikat.code,
            "predikat_label": self.predikat.label_id,
            "organisation_predikat": code_of(self.organisation_predikat),
            "policy": self.policy,
            "regime": self.regime,
            "reason": self.reason(),
            "explanation": [step.to_dict() for step in self.explanation],
        }

    def to_row(self) -> dict[str, str]:
        """A flat row for a dataframe or a CSV writer (all values as text)."""
        return {
            **self._who(),
            "rating_hasil_kerja": self.rating_hasil_kerja.code,
            "rating_perilaku_kerja": self.rating_perilaku_kerja.code,
            "predikat": self.predikat.code,
            "predikat_label": self.predikat.label_id,
            "policy": self.policy,
            "regime": self.regime,
        }

    def to_markdown(self, lang: Lang = "en") -> str:
        """The head line and the steps' table in Markdown, in ``lang`` (``_views``)."""
        return appraisal_markdown(self, lang)

    def to_html(self, lang: Lang = "en") -> str:
        """The head line and the steps' table in HTML, in ``lang`` (``_views``)."""
        return appraisal_html(self, lang)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        return self.to_html()


def appraise(
    plan: PerformancePlan,
    assessments: Iterable[Assessment],
    *,
    policy: WeightingPolicy = _DEFAULT_POLICY,
    guards: Guards = _DEFAULT_GUARDS,
    period: Period | None = None,
    organisation_predikat: OrganisationPredikat | str | None = None,
    unit_head_mapping: Mapping[OrganisationPredikat, Rating] = UNIT_HEAD_RATING,
    suggestion: SuggestionThresholds | None = None,
    feedback: Iterable[FeedbackEntry] | None = None,
    roster: roster_check.RosterView | None = None,
) -> Appraisal:
    """Appraise ``plan`` for ``period`` from ``assessments`` under PermenPANRB 6/2022.

    Args:
        plan: the SKP.
        assessments: the assessments for this plan and period, in any order.
        policy: how sources are weighed (default :class:`SupervisorDecides`, decision D2).
        guards: anonymity minimum and anonymous roles (default: 3 responses, peers and
            subordinates).
        period: the appraisal period; default the plan's period. A periodic appraisal passes
            a quarter or a month inside it.
        organisation_predikat: the organisation's capaian kinerja (a member or its code or
            label); required when the plan's employee leads the unit (SE MenPANRB 3/2023,
            decision D3), ignored otherwise.
        unit_head_mapping: the D3 mapping from organisation predikat to rating hasil kerja;
            it must cover all five organisation predikat.
        suggestion: for a plan with the kuantitatif approach, thresholds with which to
            suggest a rating hasil kerja from the pejabat penilai's realisations (an agency's
            choice, not a national rule). The decided rating stands; the suggestion and any
            disagreement are recorded in the explanation. ``None`` (default): no suggestion.
        feedback: the plan's continuous-feedback log (:class:`~asn_performance.FeedbackEntry`).
            When given (even empty), a ``6/2022-FEEDBACK`` step cites the entries dated inside
            the period; the log is checked against the plan (who wrote what, ids, replies).
            ``None`` (default): no step.
        roster: a :class:`~asn_performance.process.roster.Roster`: every giver's role is checked
            against it first, all problems in one ``AuthorityError`` (:mod:`.roster_check`).

    Anonymity: the returned appraisal keeps the assessments of anonymous roles
    (``guards.anonymous_roles``) without their givers' NIPs, dated on the period's first day
    and in content order, and without what was withheld below the minimum number of
    responses, so neither the appraisal, its JSON nor its explanation tells who said what.

    Raises:
        AssessmentError: an assessment does not fit the plan or period, or repeats another.
        AuthorityError: an assessment was given by someone who may not give it.
        MissingAssessmentError: there is no assessment by the pejabat penilai kinerja.
        AppraisalError: the period lies outside the plan or before 2022 (rule
            ``REGIME-PERIOD``: earlier years are computed with the rule sets in
            :mod:`asn_performance.regimes`), or a unit head's organisation predikat is missing.
    """
    if not isinstance(plan, PerformancePlan):
        raise AppraisalError(
            "appraise() needs a PerformancePlan",
            path="plan",
            value=type(plan).__name__,
            rule="TYPE",
            fix="build the plan with PerformancePlan(...)",
        )
    if type(policy) not in _BUILT_IN_POLICIES and not isinstance(policy, WeightingPolicy):
        raise AppraisalError(
            "policy must be a weighting policy",
            path="policy",
            value=type(policy).__name__,
            rule="W-POLICY",
            fix="pass SupervisorDecides(), WeightedSources(...) or your own policy",
        )
    if not isinstance(guards, Guards):
        raise AppraisalError(
            "guards must be a Guards object",
            path="guards",
            value=type(guards).__name__,
            rule="G-ANONYMITY",
            fix="pass Guards() or Guards(min_anonymous_responses=5)",
        )
    organisation = (
        None
        if organisation_predikat is None
        else OrganisationPredikat.parse(organisation_predikat, field="organisation_predikat")
    )
    if unit_head_mapping is not UNIT_HEAD_RATING:
        _check_unit_head_mapping(unit_head_mapping)
    period, steps = _resolve_period(plan, period)
    if roster is not None:  # issue 13: who may give which input, before anything is counted
        assessments, roster_step = roster_check.check_roles(roster, plan, assessments)
        steps.append(roster_step)
    given, ordered = _checked(plan, period, assessments)

    # The assessments by role and the overall ratings each role gave, per dimension, gathered
    # in one pass: read by the policy's sources and by the anonymity guard of the kept ones.
    by_role, given_ratings = group_by_role(ordered)
    supervisor = by_role.get(_PEJABAT_PENILAI)
    if not supervisor:
        raise MissingAssessmentError(
            f"plan {plan.id!r} cannot be appraised without the pejabat penilai kinerja's"
            " assessment",
            path="assessments",
            value=[a.role.code for a in ordered],
            rule="6/2022-PEJABAT-PENILAI",
            fix=f"add the assessment of {plan.pejabat_penilai.name} ({plan.pejabat_penilai.nip})",
        )
    lead = supervisor[0]

    ratings: dict[str, Rating] = {}
    for dimension in DIMENSIONS:
        if dimension == "hasil_kerja" and plan.leads_unit:
            ratings[dimension] = _unit_head(plan, organisation, unit_head_mapping, lead, steps)
            continue
        try:
            rating, policy_steps = _combine(
                policy, guards, dimension, lead, given_ratings[dimension]
            )
        except AssessmentError as error:
            index = next(i for i, a in enumerate(given) if a is lead)
            raise error.at(f"assessments[{index}]") from None
        ratings[dimension] = rating
        steps.extend(policy_steps)

    hasil, perilaku = ratings["hasil_kerja"], ratings["perilaku_kerja"]
    if suggestion is not None and plan.approach is _KUANTITATIF:
        steps.extend(_suggest(plan, lead, suggestion, hasil))
    if feedback is not None:
        steps.append(_cite_feedback(plan, period, feedback))
    predikat = PREDIKAT_MATRIX[(hasil, perilaku)]
    steps.append(
        _make_step(
            Step,
            (
                _MATRIX_RULE,
                "predikat",
                (
                    ("rating hasil kerja", hasil.label_id),
                    ("rating perilaku kerja", perilaku.label_id),
                ),
                predikat.label_id,
                "",
            ),
        )
    )
    return _built(
        plan=plan,
        period=period,
        rating_hasil_kerja=hasil,
        rating_perilaku_kerja=perilaku,
        predikat=predikat,
        assessments=kept_assessments(ordered, by_role, guards, given_ratings),
        explanation=_explanation(tuple(steps)),
        policy=policy.name,
        regime=REGIME,
        organisation_predikat=organisation if plan.leads_unit else None,
    )


_POLICY_FIELD = attrs.fields(Appraisal).policy
#: The names of the library's own policies: constants of their classes, valid as they are.
_LIBRARY_POLICY_NAMES = (SupervisorDecides.name, WeightedSources.name)
#: A step (a named tuple, which checks nothing) made from its five values, as ``Step(...)``.
_make_step = tuple.__new__
_MATRIX_RULE = _RULE["6/2022-MATRIX"]


def _built(**values: Any) -> Appraisal:
    """The appraisal :func:`appraise` has just made, built without checking again what it
    made itself (trusted, issue 12), as :func:`~asn_performance._kit.trusted.trusted_new`
    builds it: every field written through its slot, in the order of the fields. The policy's
    name, which a caller's own policy supplies, is checked as the constructor checks it.

    Why every check of :class:`Appraisal` holds by construction: the plan and the period
    were checked on entry (``_resolve_period``); each rating is a :class:`Rating` (the
    policy's result is checked in ``_combine``; the unit-head mapping is the library's or
    checked by ``_check_unit_head_mapping``); the predikat is read from
    ``PREDIKAT_MATRIX`` for those ratings; the assessments are :class:`Assessment` objects
    (checked in ``_checked``, or anonymous copies of them) and include the pejabat penilai's,
    which is required before and never anonymised; the explanation holds only
    :class:`Step` objects (the policy's are checked in ``_combine``) and ends with the
    matrix step; the organisation predikat was parsed by ``OrganisationPredikat.parse``.
    ``Explanation`` is built trusted for the same reason: its steps are checked already.
    The name of one of the library's own policies (a constant of its class, the very string
    object) needs no check.
    """
    name = values["policy"]
    if name is not _LIBRARY_POLICY_NAMES[0] and name is not _LIBRARY_POLICY_NAMES[1]:
        _POLICY_FIELD.validator(None, _POLICY_FIELD, name)  # type: ignore[misc]
    made = _new(Appraisal)
    for field, put in _APPRAISAL_SLOTS:
        put(made, values[field])
    return made


def _explanation(steps: tuple[Step, ...]) -> Explanation:
    """The explanation :func:`appraise` has just recorded, built as
    :func:`~asn_performance._kit.trusted.trusted_new` builds it (its one field written
    through its slot): every step is a :class:`Step` (see :func:`_built`), so the converter
    and validator, which would pass the tuple through unchanged, are not run again."""
    made = _new(Explanation)
    _set_steps(made, steps)
    return made


_new = object.__new__
#: Each field of :class:`Appraisal` with the writer of its slot (``trusted_new``'s order).
_APPRAISAL_SLOTS = slot_writers(Appraisal)
_set_steps = slot_writer(Explanation, "steps")


def _checked(
    plan: PerformancePlan, period: Period, assessments: Iterable[Assessment]
) -> tuple[tuple[Assessment, ...], tuple[Assessment, ...]]:
    """Check each assessment against the plan; return them as given and in canonical order."""
    if isinstance(assessments, (str, bytes)) or not isinstance(assessments, Iterable):
        raise AppraisalError(
            "assessments must be a collection of Assessment objects",
            path="assessments",
            value=type(assessments).__name__,
            rule="TYPE",
            fix="pass a list or tuple of Assessment objects",
        )
    items = tuple(assessments)
    seen: dict[str, AssessorRole] = {}
    for index, assessment in enumerate(items):
        if not isinstance(assessment, Assessment):  # checked here first: the loop is hot
            check_item(assessment, Assessment, path=f"assessments[{index}]", error=AssessmentError)
        try:
            assessment.check_against(plan, period)
        except AsnPerformanceError as error:
            raise error.at(f"assessments[{index}]") from None
        if assessment.assessor is None:  # an unnamed service user
            continue
        person = assessment.assessor.digits
        earlier = seen.get(person)
        if earlier is not None:
            raise DuplicateError(
                # each role's message written whole, for the catalogues (issue 14)
                f"{person} already assessed plan {plan.id!r} for {period.code} (as self);"
                " one person gives one assessment per period"
                if earlier is AssessorRole.SELF
                else f"{person} already assessed plan {plan.id!r} for {period.code} (as"
                " appraising supervisor); one person gives one assessment per period"
                if earlier is AssessorRole.PEJABAT_PENILAI
                else f"{person} already assessed plan {plan.id!r} for {period.code} (as peer);"
                " one person gives one assessment per period"
                if earlier is AssessorRole.PEER
                else f"{person} already assessed plan {plan.id!r} for {period.code} (as direct"
                " subordinate); one person gives one assessment per period"
                if earlier is AssessorRole.SUBORDINATE
                else f"{person} already assessed plan {plan.id!r} for {period.code} (as service"
                " user); one person gives one assessment per period",
                path=f"assessments[{index}]",
                value=assessment.role.code,
                rule="ASSESSMENT-UNIQUE",
                fix="keep one assessment per person and period (the latest)",
            )
        seen[person] = assessment.role
    return items, tuple(sorted(items, key=_sort_key))


#: An assessment's overall rating of a dimension (``Assessment.rating``, read as an attribute).
_RATING_OF = {dimension: attrgetter(dimension) for dimension in DIMENSIONS}


def _combine(
    policy: WeightingPolicy,
    guards: Guards,
    dimension: str,
    lead: Assessment,
    given_ratings: Mapping[AssessorRole, tuple[Rating, ...]],
) -> tuple[Rating, tuple[Step, ...]]:
    """Let ``policy`` combine the ratings of ``dimension`` each role gave
    (:func:`group_by_role`), the anonymity guard applied first."""
    if _RATING_OF[dimension](lead) is None:
        label = dimension.replace("_", " ")
        raise AssessmentError(
            f"the pejabat penilai kinerja's assessment must give the rating {label}",
            path=dimension,
            value=None,
            rule="6/2022-PEJABAT-PENILAI",
            fix=f"set {dimension} on the pejabat penilai's assessment",
        )
    sources: dict[AssessorRole, tuple[Rating, ...]] = {}
    guard_steps: list[Step] = []
    minimum = guards.min_anonymous_responses
    anonymous = guards.anonymous_roles
    for role, values in given_ratings.items():
        if not values:
            continue
        if role in anonymous and len(values) < minimum:
            guard_steps.append(
                Step(
                    _RULE["G-ANONYMITY"],
                    dimension,
                    ((role.label_id, f"{len(values)} response(s)"),),
                    "withheld",
                    f"fewer than {minimum} responses",
                )
            )
            continue
        sources[role] = values
    result = policy.combine(dimension, sources)
    # The library's own policies return (Rating, tuple of Step) by construction (trusted,
    # issue 12: their results are not checked again); any other policy's result is checked.
    if type(policy) not in _SELF_MADE and (
        not isinstance(result, tuple)
        or len(result) != 2
        or not isinstance(result[0], Rating)
        or not isinstance(result[1], tuple)
        or not all(map(isinstance, result[1], repeat(Step)))
    ):
        raise AppraisalError(
            f"policy {getattr(policy, 'name', type(policy).__name__)!r} returned {result!r},"
            " not (Rating, tuple of Step)",
            path="policy",
            value=repr(result),
            rule="W-POLICY",
            fix="make combine() return (Rating, tuple of Step)",
        )
    rating, steps = result
    if guard_steps:
        steps = (*guard_steps, *steps)
    return rating, steps


#: An assessment's :attr:`~Assessment.sort_key` (the canonical order), read from the field the
#: property returns (the sort reads it once per assessment; no property call).
_sort_key = attrgetter("_sort_key")


def _resolve_period(plan: PerformancePlan, period: Period | None) -> tuple[Period, list[Step]]:
    """The appraisal period: the plan's own or one inside it, and under PermenPANRB 6/2022."""
    steps: list[Step] = []
    if period is None:
        period = plan.period
    elif not isinstance(period, Period) or not period.within(plan.period):
        raise AppraisalError(
            f"the appraisal period must lie inside the plan's period {plan.period.code}",
            path="period",
            value=getattr(period, "code", period),
            rule="6/2022-PERIOD",
            fix="appraise the plan's year or a quarter or month inside it",
        )
    if period is not plan.period and period != plan.period:
        steps.append(
            Step(
                _RULE["6/2022-PERIOD"],
                "",
                (("plan period", plan.period.code),),
                period.label_id,
                "periodic",
            )
        )

    if period.start < _IN_FORCE_FROM:
        # Imported here: only a caller with an old period pays for the registry's import.
        from asn_performance.regimes.registry import regime_for  # noqa: PLC0415

        regime = regime_for(period)
        raise AppraisalError(
            f"period {period.code} falls under {regime.legal_basis}, not PermenPANRB 6/2022",
            path="period",
            value=period.code,
            rule="REGIME-PERIOD",
            fix=f"compute it with {regime.module} (docs/how-to/recompute-2021.md)",
        )
    return period, steps


def _suggest(
    plan: PerformancePlan,
    lead: Assessment,
    thresholds: SuggestionThresholds,
    decided: Rating,
) -> tuple[Step, ...]:
    """The quantitative suggestion and its comparison with the decision (issue: 6/2022 §4)."""
    # The quantitative rules load only for callers who ask for a suggestion: a caller who
    # passes SuggestionThresholds has loaded them, so the module is read from sys.modules
    # (what an import statement does first, without the statement's own cost per call).
    quantitative = sys.modules.get(_QUANTITATIVE) or importlib.import_module(_QUANTITATIVE)
    try:
        suggested, steps = quantitative.suggest_from_checked(plan, lead.realisations, thresholds)
    except AppraisalError as error:
        return (
            Step(
                rules_by_id(quantitative.RULES)["6/2022-QUANT-SUGGESTION"],
                "hasil_kerja",
                (),
                "no suggestion",
                error.message,
            ),
        )
    return (*steps, quantitative.compare_with_decision(suggested, decided))


_QUANTITATIVE = "asn_performance.regimes.permenpanrb_6_2022.quantitative"


def _check_unit_head_mapping(mapping: object) -> None:
    """Rule D3: a unit-head mapping gives a rating for every organisation predikat."""
    if not isinstance(mapping, Mapping):
        raise AppraisalError(
            "the unit-head mapping must map organisation predikat to ratings",
            path="unit_head_mapping",
            value=type(mapping).__name__,
            rule="D3-UNIT-HEAD",
            fix="pass a dict {OrganisationPredikat.ISTIMEWA: Rating.DI_ATAS, ...}",
        )
    for organisation in OrganisationPredikat:
        if not isinstance(mapping.get(organisation), Rating):
            raise AppraisalError(
                f"the unit-head mapping gives no rating for {organisation.label_id}",
                path=f"unit_head_mapping[{organisation.code!r}]",
                value=mapping.get(organisation),
                rule="D3-UNIT-HEAD",
                fix="give a Rating for each of the five organisation predikat",
            )


def _unit_head(
    plan: PerformancePlan,
    organisation_predikat: OrganisationPredikat | None,
    mapping: Mapping[OrganisationPredikat, Rating],
    lead: Assessment,
    steps: list[Step],
) -> Rating:
    if organisation_predikat is None:
        raise AppraisalError(
            f"plan {plan.id!r} is a unit head's: its rating hasil kerja is the organisation's"
            " capaian kinerja, which was not given",
            path="organisation_predikat",
            value=None,
            rule="D3-UNIT-HEAD",
            fix="pass organisation_predikat=OrganisationPredikat.<...> (set by the leader above)",
        )
    organisation = organisation_predikat
    rating = mapping[organisation]
    inputs: tuple[tuple[str, str], ...] = (("capaian kinerja organisasi", organisation.label_id),)
    if lead.hasil_kerja is not None:
        inputs += (("pejabat penilai kinerja (superseded)", lead.hasil_kerja.label_id),)
    steps.append(Step(_RULE["D3-UNIT-HEAD"], "hasil_kerja", inputs, rating.label_id))
    return rating


def _cite_feedback(
    plan: PerformancePlan, period: Period, feedback: Iterable[FeedbackEntry]
) -> Step:
    """The step citing the continuous-feedback entries dated inside ``period``."""
    # The log's module loads when a log is given, not with the engine (issue 12).
    from asn_performance.domain.feedback import FeedbackKind, check_log  # noqa: PLC0415

    log = check_log(plan, feedback)
    inside = [entry for entry in log if period.contains(entry.on)]
    inputs = []
    for kind in FeedbackKind:
        ids = [entry.id for entry in inside if entry.kind is kind]
        if ids:
            inputs.append((kind.label_id, f"{len(ids)}: {', '.join(ids)}"))
    outside = len(log) - len(inside)
    return Step(
        _RULE["6/2022-FEEDBACK"],
        "",
        tuple(inputs),
        f"{len(inside)} entr{'y' if len(inside) == 1 else 'ies'} cited",
        f"{outside} outside the period" if outside else "",
    )
