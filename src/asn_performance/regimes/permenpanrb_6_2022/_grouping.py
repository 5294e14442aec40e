"""The assessments of one appraisal grouped by role, with each role's overall ratings.

:func:`~asn_performance.appraise` reads the assessments once per role (the policy's sources,
the anonymity guard, the kept assessments): one pass over them gathers both the groups and
the ratings each role gave (issue 12; before, a second and third pass per dimension).
"""

from __future__ import annotations

from collections.abc import Iterable

from asn_performance.domain.assessment import Assessment, AssessorRole
from asn_performance.domain.rating import Rating
from asn_performance.weighting import DIMENSIONS

__all__ = ["ByRole", "GivenRatings", "group_by_role"]

if DIMENSIONS != ("hasil_kerja", "perilaku_kerja"):  # pragma: no cover - a guard on a constant
    raise ImportError("group_by_role reads the dimensions hasil_kerja and perilaku_kerja")


#: The assessments of each role.
ByRole = dict[AssessorRole, list[Assessment]]
#: Per dimension, the overall ratings each role gave.
GivenRatings = dict[str, dict[AssessorRole, tuple[Rating, ...]]]


def group_by_role(ordered: Iterable[Assessment]) -> tuple[ByRole, GivenRatings]:
    """The assessments by role, in the order given (roles in order of first appearance), and
    per dimension the overall ratings of that dimension each role gave, in the same order, a
    role that gave none mapping to an empty tuple (``Assessment.hasil_kerja`` and
    ``perilaku_kerja``, ``None`` where not given, are skipped)."""
    by_role: dict[AssessorRole, list[Assessment]] = {}
    hasil: dict[AssessorRole, list[Rating]] = {}
    perilaku: dict[AssessorRole, list[Rating]] = {}
    for assessment in ordered:
        role = assessment.role
        group = by_role.get(role)
        if group is None:
            by_role[role] = [assessment]
            of_hasil = hasil[role] = []
            of_perilaku = perilaku[role] = []
        else:
            group.append(assessment)
            of_hasil = hasil[role]
            of_perilaku = perilaku[role]
        rating = assessment.hasil_kerja
        if rating is not None:
            of_hasil.append(rating)
        rating = assessment.perilaku_kerja
        if rating is not None:
            of_perilaku.append(rating)
    return by_role, {
        "hasil_kerja": {role: tuple(given) for role, given in hasil.items()},
        "perilaku_kerja": {role: tuple(given) for role, given in perilaku.items()},
    }
