"""Hypothesis strategies for periods, targets, plans (SKP), assessments and weighting.

A plan's people come from a small roster drawn for its period (the employee, their direct
superior as pejabat penilai, maybe the atasan), every one appointed by the period's start;
its RHK and IKI read like real ones ("Jumlah dokumen laporan keuangan bulanan yang
disusun", 12 dokumen; "Rata-rata waktu penyelesaian usulan kenaikan pangkat", 5 hari,
lower is better). See ``docs/how-to/test-with-strategies.md``.
"""

from __future__ import annotations

import datetime as dt
import functools

from hypothesis import strategies as st

from asn_performance.domain.assessment import Assessment, AssessorRole
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import PerformancePlan, Target
from asn_performance.testing._core import (
    REALISTIC,
    assessment_with,
    assessments_with,
    guards,
    plans_of,
    policies,
)

__all__ = [
    "assessment_for",
    "assessments",
    "guards",
    "periods",
    "plans",
    "policies",
    "targets",
]


@functools.cache
def periods(first_year: int = 2022, last_year: int = 2030) -> st.SearchStrategy[Period]:
    """An annual, semester, quarterly, monthly or part-year period from ``first_year`` to
    ``last_year`` (PermenPANRB 6/2022 applies from 2022, hence the default).

    Example::

        @given(periods(2023, 2024))
        def test_period(period):
            assert 2023 <= period.start.year <= 2024 and period.start <= period.end
    """

    @st.composite
    def draw_period(draw: st.DrawFn) -> Period:
        year = draw(st.integers(first_year, last_year))
        kind = draw(st.sampled_from(["annual", "semester", "quarter", "month", "span"]))
        if kind == "annual":
            return Period.annual(year)
        if kind == "semester":
            return Period.semester(year, draw(st.integers(1, 2)))
        if kind == "quarter":
            return Period.quarter(year, draw(st.integers(1, 4)))
        if kind == "month":
            return Period.month(year, draw(st.integers(1, 12)))
        start = dt.date(year, 1, 1) + dt.timedelta(days=draw(st.integers(0, 364)))
        end = min(start + dt.timedelta(days=draw(st.integers(0, 200))), dt.date(year, 12, 31))
        return Period.span(start, end)

    return draw_period()


def targets() -> st.SearchStrategy[Target]:
    """A plausible target with its unit: a single value or a range ``lower < upper`` of
    layanan (12-2400), dokumen (1-48), laporan, kegiatan, % (60-100, up to 2 places) or hari
    (1-30).

    Example::

        @given(targets())
        def test_target(target):
            assert target.unit in ("layanan", "dokumen", "%", "hari", "laporan", "kegiatan")
            assert target.upper is None or target.lower < target.upper
    """
    return REALISTIC.indicators().map(lambda drawn: drawn[1])


def plans(period: st.SearchStrategy[Period] | None = None) -> st.SearchStrategy[PerformancePlan]:
    """A plan (SKP) for a period of ``period`` (default :func:`periods`): 1-5 RHK of 1-3 IKI
    with plausible targets (at least one RHK utama), every aspect and direction, the seven
    BerAKHLAK values in any order or the default; the employee's direct superior is the
    pejabat penilai, maybe with the atasan; a unit leader's plan may lead the unit.

    Example::

        @given(plans())
        def test_plan(plan):
            assert plan.employee.superior_nip == plan.pejabat_penilai.nip
            assert plan.employee.nip.birth_date < plan.period.start
    """
    return plans_of(REALISTIC, periods() if period is None else period)


def assessment_for(
    plan: PerformancePlan, role: AssessorRole, assessor: Nip | None, *, both_ratings: bool = False
) -> st.SearchStrategy[Assessment]:
    """An assessment of ``plan`` for its period by ``assessor`` in ``role`` (the caller picks
    a giver the role allows), given within 90 days after the period; realisations within
    1.5 times the target, with evidence and feedback. ``both_ratings`` gives hasil kerja and
    perilaku kerja, as the pejabat penilai's assessment needs.

    Example::

        def by_pejabat(plan):
            pejabat = plan.pejabat_penilai.nip
            role = AssessorRole.PEJABAT_PENILAI
            return assessment_for(plan, role, pejabat, both_ratings=True)

        @given(plans().flatmap(by_pejabat))
        def test_assessment(assessment):
            assert assessment.hasil_kerja is not None and assessment.perilaku_kerja is not None
    """
    return assessment_with(REALISTIC, plan, role, assessor, both_ratings=both_ratings)


def assessments(role: AssessorRole | None = None) -> st.SearchStrategy[Assessment]:
    """An assessment of a drawn plan by ``role`` (any role when None): the employee for
    self, the pejabat penilai for pejabat penilai, someone else (or nobody, for a service
    user) otherwise.

    Example::

        @given(assessments(AssessorRole.SELF))
        def test_self(assessment):
            assert assessment.role is AssessorRole.SELF and assessment.assessor is not None
    """
    return assessments_with(REALISTIC, periods(), role)
