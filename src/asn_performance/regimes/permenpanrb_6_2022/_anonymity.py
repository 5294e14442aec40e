"""The assessments an appraisal keeps, anonymous sources anonymised (library guard
``G-ANONYMITY``).

Moved out of :mod:`.appraisal` (issue 12), which stays under the 800-line limit of
``tests/unit/test_layering.py``; :func:`~asn_performance.appraise` calls
:func:`kept_assessments` once per appraisal, after the policy has combined the ratings.
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter

from asn_performance.domain.assessment import Assessment, AssessorRole, anonymous_copy
from asn_performance.domain.rating import Rating
from asn_performance.weighting import DIMENSIONS, Guards

__all__ = ["kept_assessments"]


def kept_assessments(
    ordered: tuple[Assessment, ...],
    by_role: Mapping[AssessorRole, list[Assessment]],
    guards: Guards,
    given_ratings: Mapping[str, Mapping[AssessorRole, tuple[Rating, ...]]],
) -> tuple[Assessment, ...]:
    """The assessments an appraisal keeps: named roles as given; anonymous roles without the
    giver's NIP, dated on the period's first day, without withheld dimensions and without
    the evidence and comments attached to realisations, in content order (library guard
    ``G-ANONYMITY``). A dimension is withheld for a role that gave fewer overall ratings of
    it than the minimum (``given_ratings``: ``group_by_role``, as the policy got them).

    What is withheld is decided once per anonymous role, as the pair (hasil kerja withheld,
    perilaku kerja withheld); a role with both withheld keeps nothing."""
    anonymous = guards.anonymous_roles
    if anonymous.isdisjoint(by_role):
        return ordered
    minimum = guards.min_anonymous_responses
    hasil, perilaku = given_ratings["hasil_kerja"], given_ratings["perilaku_kerja"]
    withheld: dict[AssessorRole, tuple[bool, bool]] = {}
    for role in by_role:
        if role in anonymous:
            withheld[role] = (len(hasil[role]) < minimum, len(perilaku[role]) < minimum)
    kept: list[Assessment] = []
    keep = kept.append
    for assessment in ordered:
        hidden = withheld.get(assessment.role)
        if hidden is None:
            keep(assessment)
            continue
        withhold_hasil, withhold_perilaku = hidden
        if withhold_hasil and withhold_perilaku:
            continue
        copy = anonymous_copy(
            assessment, withhold_hasil=withhold_hasil, withhold_perilaku=withhold_perilaku
        )
        if copy is not None:
            keep(copy)
    return tuple(sorted(kept, key=_sort_key))


if DIMENSIONS != ("hasil_kerja", "perilaku_kerja"):  # pragma: no cover - a guard on a constant
    raise ImportError("kept_assessments reads the dimensions hasil_kerja and perilaku_kerja")

#: An assessment's :attr:`~Assessment.sort_key`, read from the field the property returns.
_sort_key = attrgetter("_sort_key")
