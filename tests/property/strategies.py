"""Hypothesis strategies that build valid domain objects of :mod:`asn_performance`.

Every strategy draws objects that the domain accepts as they are built (no ``assume`` needed):

* :func:`nips` -- NIP PNS and NI PPPK with a real birth date, month and sequence;
* :func:`employees`, :func:`positions`, :func:`periods`, :func:`targets` (single and ranged);
* :func:`plans` -- 1-5 work results × 1-3 indicators, both directions, every aspect, the
  seven BerAKHLAK values in any order (or the default), with or without atasan;
* :func:`assessment_for` / :func:`assessments` -- assessments of every role;
* :func:`policies`, :func:`guards`;
* :func:`appraisals` -- appraisals made by :func:`asn_performance.appraise`;
* :func:`documents` -- :class:`asn_performance.boundary.appraisal_document.AppraisalDocument`
  whose every plan can be appraised (each has its pejabat penilai's assessment with both ratings).

Tests in ``tests/property`` import them as ``from strategies import documents``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from asn_performance import (
    Appraisal,
    Approach,
    Aspect,
    Assessment,
    AssessorRole,
    BehaviourExpectation,
    CoreValue,
    Direction,
    Employee,
    Guards,
    Indicator,
    Jenjang,
    Nip,
    OrganisationPredikat,
    PerDimension,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Rating,
    Realisation,
    SupervisorDecides,
    Target,
    WeightedSources,
    WeightingPolicy,
    WorkResult,
    WorkResultKind,
    appraise,
)
from asn_performance.boundary.appraisal_document import AppraisalDocument
from asn_performance.domain.plan import default_behaviours

__all__ = [
    "appraisals",
    "assessment_for",
    "assessments",
    "documents",
    "employees",
    "guards",
    "identifiers",
    "nips",
    "periods",
    "plans",
    "policies",
    "positions",
    "quantities",
    "targets",
    "texts",
]

#: Non-empty text of any script (no control characters or lone surrogates).
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))


_ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-"


@functools.cache
def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Text that is not blank, in any script."""
    return st.text(_CHARS, min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


@functools.cache
def identifiers() -> st.SearchStrategy[str]:
    """Identifiers such as ``rhk-1`` or ``skp.2025_x``."""
    return st.text(_ID_CHARS, min_size=1, max_size=24)


@st.composite
def nips(draw: st.DrawFn) -> Nip:
    """A valid NIP PNS (``YYYYMMDD YYYYMM G NNN``) or NI PPPK (``YYYYMMDD YYYY 2 F G NNN``)."""
    birth = draw(st.dates(dt.date(1950, 1, 1), dt.date(2006, 12, 31)))
    year = draw(st.integers(1970, 2025))
    if draw(st.booleans()):
        middle = f"{year:04d}{draw(st.integers(1, 12)):02d}"
    else:
        middle = f"{year:04d}2{draw(st.integers(1, 9))}"
    sex = draw(st.sampled_from("12"))
    sequence = draw(st.integers(1, 999))
    return Nip(f"{birth:%Y%m%d}{middle}{sex}{sequence:03d}")


@st.composite
def positions(draw: st.DrawFn) -> Position:
    """A position; a jabatan fungsional always has its jenjang, other kinds never."""
    kind = draw(st.sampled_from(PositionKind))
    jenjang = draw(st.sampled_from(Jenjang)) if kind is PositionKind.FUNGSIONAL else None
    return Position(kind, draw(texts()), jenjang)


@st.composite
def employees(draw: st.DrawFn, nip: Nip | None = None) -> Employee:
    """An employee, with ``nip`` if given; the superior is another NIP or None."""
    own = draw(_NIPS) if nip is None else nip
    superior = draw(st.none() | _NIPS.filter(lambda other: other != own))
    return Employee(own, draw(texts()), draw(positions()), draw(texts()), superior)


@functools.cache
def quantities(max_value: int = 1_000_000) -> st.SearchStrategy[Decimal]:
    """Exact non-negative decimals with 0-4 places (``Decimal("12.50")`` keeps its zero)."""
    return st.integers(0, 4).flatmap(
        lambda places: st.decimals(
            min_value=0, max_value=max_value, places=places, allow_nan=False, allow_infinity=False
        )
    )


# Shared strategies, built once (building a strategy per draw is what makes tests slow).
_NIPS = nips()
_RATINGS = st.sampled_from(Rating)
_OPTIONAL_RATINGS = st.none() | _RATINGS
_OPTIONAL_TEXT = st.none() | texts()
_OPTIONAL_QUANTITY = st.none() | quantities()
_EVIDENCE = st.lists(texts(60), max_size=2)
_BEHAVIOUR_RATINGS = st.dictionaries(st.sampled_from(CoreValue), _RATINGS)


@st.composite
def targets(draw: st.DrawFn) -> Target:
    """A single-value target or a range ``lower < upper``, with a unit."""
    unit = draw(
        st.sampled_from(["", "%", "dokumen", "hari", "orang"]) | st.text(_CHARS, max_size=8)
    )
    if draw(st.booleans()):
        return Target(draw(quantities()), None, unit)
    low, high = sorted(draw(st.lists(quantities(), min_size=2, max_size=2, unique=True)))
    return Target(low, high, unit)


@st.composite
def periods(draw: st.DrawFn, *, first_year: int = 2000) -> Period:
    """An annual, half-yearly (semester), quarterly, monthly or part-year period between
    ``first_year`` and 2031."""
    year = draw(st.integers(first_year, 2030))
    kind = draw(st.sampled_from(["annual", "semester", "quarter", "month", "span"]))
    if kind == "annual":
        return Period.annual(year)
    if kind == "semester":
        return Period.semester(year, draw(st.integers(1, 2)))
    if kind == "quarter":
        return Period.quarter(year, draw(st.integers(1, 4)))
    if kind == "month":
        return Period.month(year, draw(st.integers(1, 12)))
    start = draw(st.dates(dt.date(first_year, 1, 1), dt.date(2030, 12, 31)))
    return Period.span(start, start + dt.timedelta(days=draw(st.integers(0, 400))))


@st.composite
def _work_results(draw: st.DrawFn) -> tuple[WorkResult, ...]:
    sizes = draw(st.lists(st.integers(1, 3), min_size=1, max_size=5))
    wr_ids = draw(st.lists(identifiers(), min_size=len(sizes), max_size=len(sizes), unique=True))
    ind_ids = iter(
        draw(st.lists(identifiers(), min_size=sum(sizes), max_size=sum(sizes), unique=True))
    )
    kinds = draw(
        st.lists(st.sampled_from(WorkResultKind), min_size=len(sizes), max_size=len(sizes))
    )
    if WorkResultKind.UTAMA not in kinds:
        kinds[draw(st.integers(0, len(kinds) - 1))] = WorkResultKind.UTAMA
    results = []
    for wr_id, size, kind in zip(wr_ids, sizes, kinds, strict=True):
        indicators = tuple(
            Indicator(
                next(ind_ids),
                draw(texts()),
                draw(targets()),
                draw(st.sampled_from(Aspect)),
                draw(st.sampled_from(Direction)),
            )
            for _ in range(size)
        )
        results.append(WorkResult(wr_id, draw(texts()), indicators, kind, draw(_OPTIONAL_TEXT)))
    return tuple(results)


@st.composite
def _behaviours(draw: st.DrawFn) -> tuple[BehaviourExpectation, ...]:
    if draw(st.booleans()):
        return default_behaviours()
    order = draw(st.permutations(list(CoreValue)))
    return tuple(BehaviourExpectation(value, draw(_OPTIONAL_TEXT)) for value in order)


@st.composite
def plans(
    draw: st.DrawFn,
    people: Sequence[Employee] | None = None,
    plan_id: str | None = None,
) -> PerformancePlan:
    """A plan (SKP). With ``people`` the employee, pejabat penilai and atasan are taken from it
    (at least two people); otherwise they are drawn with distinct NIPs."""
    if people is None:
        distinct = draw(st.lists(_NIPS, min_size=3, max_size=3, unique=True))
        people = [draw(employees(nip)) for nip in distinct]
    indices = draw(st.permutations(range(len(people))))
    employee, pejabat = people[indices[0]], people[indices[1]]
    atasan = people[indices[2]] if len(people) > 2 and draw(st.booleans()) else None
    if employee.superior_nip is not None and employee.superior_nip != pejabat.nip:
        # PLAN-PEJABAT-PENILAI: a named direct superior is the pejabat penilai.
        employee = attrs.evolve(employee, superior_nip=pejabat.nip)
    return PerformancePlan(
        id=draw(identifiers()) if plan_id is None else plan_id,
        employee=employee,
        pejabat_penilai=pejabat,
        # PermenPANRB 6/2022 applies from 2022; earlier years are refused by appraise().
        period=draw(periods(first_year=2022)),
        work_results=draw(_work_results()),
        behaviours=draw(_behaviours()),
        atasan_pejabat_penilai=atasan,
        approach=draw(st.sampled_from(Approach)),
        leads_unit=draw(st.booleans()),
    )


@st.composite
def assessment_for(
    draw: st.DrawFn,
    plan: PerformancePlan,
    role: AssessorRole,
    assessor: Nip | None,
    *,
    both_ratings: bool = False,
) -> Assessment:
    """An assessment of ``plan`` for its own period by ``assessor`` in ``role``.

    The caller chooses an assessor the role allows (the employee for self, the pejabat
    penilai for pejabat penilai, nobody else's own plan). ``both_ratings`` gives hasil kerja
    and perilaku kerja, as the pejabat penilai's assessment needs.
    """
    period = plan.period
    given_on = draw(st.dates(period.start, period.end + dt.timedelta(days=90)))
    hasil = draw(_RATINGS if both_ratings else _OPTIONAL_RATINGS)
    perilaku = draw(_RATINGS if both_ratings else _OPTIONAL_RATINGS)
    wr_ids = sorted(plan.work_result_ids)
    work_result_ratings = draw(st.dictionaries(st.sampled_from(wr_ids), _RATINGS))
    behaviour_ratings = draw(_BEHAVIOUR_RATINGS)
    if hasil is None and perilaku is None and not work_result_ratings and not behaviour_ratings:
        hasil = draw(_RATINGS)
    chosen = draw(st.lists(st.sampled_from(sorted(plan.indicator_ids)), unique=True, max_size=3))
    realisations = tuple(
        Realisation(
            indicator_id,
            draw(_OPTIONAL_QUANTITY),
            tuple(draw(_EVIDENCE)),
            draw(_OPTIONAL_TEXT),
        )
        for indicator_id in chosen
    )
    return Assessment(
        plan_id=plan.id,
        role=role,
        assessor=assessor,
        given_on=given_on,
        period=period,
        hasil_kerja=hasil,
        perilaku_kerja=perilaku,
        work_result_ratings=work_result_ratings,
        behaviour_ratings=behaviour_ratings,
        realisations=realisations,
        feedback=draw(_OPTIONAL_TEXT),
    )


@st.composite
def assessments(draw: st.DrawFn, role: AssessorRole | None = None) -> Assessment:
    """An assessment of a drawn plan, by any role (or ``role``) with a fitting assessor."""
    plan = draw(plans())
    role = draw(st.sampled_from(AssessorRole)) if role is None else role
    if role is AssessorRole.SELF:
        assessor: Nip | None = plan.employee.nip
    elif role is AssessorRole.PEJABAT_PENILAI:
        assessor = plan.pejabat_penilai.nip
    else:
        others = _NIPS.filter(lambda nip: nip != plan.employee.nip)
        assessor = draw(st.none() | others) if role is AssessorRole.SERVICE_USER else draw(others)
    return draw(assessment_for(plan, role, assessor))


@st.composite
def _weighted(draw: st.DrawFn) -> WeightedSources:
    others = [r for r in AssessorRole if r is not AssessorRole.PEJABAT_PENILAI]
    weights = {AssessorRole.PEJABAT_PENILAI: draw(quantities(100).filter(lambda w: w > 0))}
    weights.update(draw(st.dictionaries(st.sampled_from(others), quantities(100))))
    if draw(st.booleans()):
        return WeightedSources(weights)
    factor = draw(st.sampled_from([Decimal(1), Decimal(2), Decimal("0.5"), Decimal(10)]))
    scale = {Rating.DI_BAWAH: factor, Rating.SESUAI: 2 * factor, Rating.DI_ATAS: 3 * factor}
    sesuai_from = factor * draw(st.sampled_from([Decimal("1.5"), Decimal(2), Decimal("1.25")]))
    di_atas_from = factor * draw(st.sampled_from([Decimal("2.5"), Decimal(3), Decimal("2.75")]))
    return WeightedSources(weights, scale, sesuai_from, di_atas_from)


def policies() -> st.SearchStrategy[WeightingPolicy]:
    """SupervisorDecides, WeightedSources (default or scaled settings) or PerDimension."""
    base: st.SearchStrategy[WeightingPolicy] = st.just(SupervisorDecides()) | _weighted()
    return base | st.builds(PerDimension, base, base)


@st.composite
def guards(draw: st.DrawFn) -> Guards:
    """Guards with a minimum of 1-5 responses and a subset of the anonymous-able roles."""
    roles = draw(
        st.frozensets(
            st.sampled_from(
                [AssessorRole.PEER, AssessorRole.SUBORDINATE, AssessorRole.SERVICE_USER]
            )
        )
    )
    return Guards(draw(st.integers(1, 5)), roles)


@st.composite
def _plan_assessments(
    draw: st.DrawFn, plan: PerformancePlan, pool: Sequence[Nip]
) -> list[Assessment]:
    """The pejabat penilai's assessment, maybe a self assessment, peers or subordinates from
    ``pool`` (each person at most once) and unnamed service users."""
    items = [
        draw(
            assessment_for(
                plan,
                AssessorRole.PEJABAT_PENILAI,
                plan.pejabat_penilai.nip,
                both_ratings=True,
            )
        )
    ]
    if draw(st.booleans()):
        items.append(draw(assessment_for(plan, AssessorRole.SELF, plan.employee.nip)))
    # One person gives one assessment per plan and period: peers and subordinates are
    # neither the employee nor the pejabat penilai.
    taken = {plan.employee.nip, plan.pejabat_penilai.nip}
    candidates = [nip for nip in pool if nip not in taken]
    chosen = (
        draw(st.lists(st.sampled_from(candidates), unique=True, max_size=5)) if candidates else []
    )
    for nip in chosen:
        role = draw(st.sampled_from([AssessorRole.PEER, AssessorRole.SUBORDINATE]))
        items.append(draw(assessment_for(plan, role, nip)))
    for _ in range(draw(st.integers(0, 2))):
        items.append(draw(assessment_for(plan, AssessorRole.SERVICE_USER, None)))
    return items


@st.composite
def appraisals(draw: st.DrawFn) -> Appraisal:
    """An appraisal made by :func:`appraise` from a drawn plan and assessments of every role,
    under a drawn policy and guards (peer input may be withheld by the anonymity guard)."""
    plan = draw(plans())
    pool = draw(st.lists(_NIPS, unique=True, max_size=6))
    items = draw(_plan_assessments(plan, pool))
    organisation = draw(
        st.sampled_from(OrganisationPredikat)
        if plan.leads_unit
        else st.none() | st.sampled_from(OrganisationPredikat)
    )
    return appraise(
        plan,
        draw(st.permutations(items)),
        policy=draw(policies()),
        guards=draw(guards()),
        organisation_predikat=organisation,
    )


def _role_nips(plan: PerformancePlan) -> set[object]:
    atasan = plan.atasan_pejabat_penilai
    return {plan.pejabat_penilai.nip} | (set() if atasan is None else {atasan.nip})


@st.composite
def documents(draw: st.DrawFn) -> AppraisalDocument:
    """A document of 3-7 employees and 1-3 plans among them, every plan appraisable.

    Assessments are shuffled across plans, so grouping by ``plan_id`` is exercised; the
    organisation predikat is present whenever a plan leads the unit.
    """
    distinct = draw(st.lists(_NIPS, min_size=3, max_size=7, unique=True))
    people = [draw(employees(nip)) for nip in distinct]
    plan_ids = draw(st.lists(identifiers(), min_size=1, max_size=3, unique=True))
    plan_list = []
    for plan_id in plan_ids:
        plan = draw(plans(people, plan_id))
        # One plan per employee and period (DOCUMENT-PLAN-DUPLICATE), and the document's
        # employee record is the plan's (PLAN-PEJABAT-PENILAI may have set its superior).
        # Each employee has at most one plan here; a record changed for this plan must not
        # already appear in an earlier plan in another role.
        changed = plan.employee not in people
        if any(
            plan.employee.nip == other.employee.nip
            or (changed and plan.employee.nip in _role_nips(other))
            for other in plan_list
        ):
            continue
        people = [plan.employee if p.nip == plan.employee.nip else p for p in people]
        plan_list.append(plan)
    items: list[Assessment] = []
    for plan in plan_list:
        items.extend(draw(_plan_assessments(plan, distinct)))
    leads = any(plan.leads_unit for plan in plan_list)
    organisation = draw(
        st.sampled_from(OrganisationPredikat)
        if leads
        else st.none() | st.sampled_from(OrganisationPredikat)
    )
    return AppraisalDocument(
        employees=tuple(people),
        plans=tuple(plan_list),
        assessments=tuple(draw(st.permutations(items))),
        policy=draw(policies()),
        guards=draw(guards()),
        organisation_predikat=organisation,
        title=draw(st.none() | texts(80)),
    )
