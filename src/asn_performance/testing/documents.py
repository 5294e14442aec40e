"""Hypothesis strategies for whole results: appraisals and a unit's input documents.

A document is a unit as an operator would enter it: the employees of one roster (one head
of the instansi, each other employee under a leader of the unit), all appointed by the
period's start; 1-3 plans of employees who have a superior, that superior their pejabat
penilai; every plan appraisable (its pejabat penilai's assessment with both ratings),
assessments of every role shuffled across the plans; the organisation predikat present
whenever a plan leads the unit. See ``docs/how-to/test-with-strategies.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import strategies as st

from asn_performance.domain.period import Period
from asn_performance.regimes.permenpanrb_6_2022 import Appraisal
from asn_performance.testing._core import REALISTIC, appraisals_with, documents_with
from asn_performance.testing.plans import periods

if TYPE_CHECKING:
    from asn_performance.boundary.appraisal_document import AppraisalDocument

__all__ = ["appraisals", "documents"]


def appraisals(period: st.SearchStrategy[Period] | None = None) -> st.SearchStrategy[Appraisal]:
    """An appraisal made by :func:`~asn_performance.appraise` from a drawn plan (see
    :func:`~asn_performance.testing.plans.plans`) and assessments of every role, under a
    drawn weighting policy and guards (peer input may be withheld by the anonymity guard).

    Example::

        @given(appraisals())
        def test_appraisal(appraisal):
            assert appraisal.predikat in Predikat
            assert appraisal.explanation.steps
    """
    return appraisals_with(REALISTIC, periods() if period is None else period)


def documents(
    period: st.SearchStrategy[Period] | None = None, *, min_people: int = 3, max_people: int = 7
) -> st.SearchStrategy[AppraisalDocument]:
    """A unit's :class:`~asn_performance.boundary.appraisal_document.AppraisalDocument` of
    ``min_people``-``max_people`` employees (at least 2) and 1-3 plans, every plan
    appraisable.

    Example::

        @given(documents())
        def test_document(doc):
            assert len(doc.appraise_all()) == len(doc.plans)
            assert load_document(to_json(dump_document(doc))) == doc
    """
    return documents_with(
        REALISTIC, periods() if period is None else period, max(min_people, 2), max_people
    )
