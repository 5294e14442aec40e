"""Hypothesis strategies for the library's objects, for the tests of this and other systems.

Install the extra ``testing`` (``pip install "asn-performance[testing]"``): importing this
package imports Hypothesis, and ``import asn_performance`` never imports it. The strategies
draw realistic, consistent data (:mod:`~asn_performance.testing.people`,
:mod:`~asn_performance.testing.plans`, :mod:`~asn_performance.testing.documents`); the
``hostile_*`` strategies of :mod:`~asn_performance.testing.hostile` draw the same shapes with
the most awkward valid content, for robustness tests. Each strategy's docstring has an
example; ``docs/how-to/test-with-strategies.md`` shows them in a test suite.
"""

from __future__ import annotations

from asn_performance.testing.documents import appraisals, documents
from asn_performance.testing.hostile import (
    hostile_appraisals,
    hostile_assessments,
    hostile_documents,
    hostile_employees,
    hostile_identifiers,
    hostile_nips,
    hostile_periods,
    hostile_plans,
    hostile_quantities,
    hostile_rosters,
    hostile_texts,
)
from asn_performance.testing.people import employees, names, nips, positions, rosters, units
from asn_performance.testing.plans import (
    assessment_for,
    assessments,
    guards,
    periods,
    plans,
    policies,
    targets,
)

__all__ = [
    "appraisals",
    "assessment_for",
    "assessments",
    "documents",
    "employees",
    "guards",
    "hostile_appraisals",
    "hostile_assessments",
    "hostile_documents",
    "hostile_employees",
    "hostile_identifiers",
    "hostile_nips",
    "hostile_periods",
    "hostile_plans",
    "hostile_quantities",
    "hostile_rosters",
    "hostile_texts",
    "names",
    "nips",
    "periods",
    "plans",
    "policies",
    "positions",
    "rosters",
    "targets",
    "units",
]
