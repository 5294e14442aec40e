"""Issue 12 (wave 2): ``Target``'s unit check skips the empty default, and the group-by-role pass.

The empty unit passes ``check_text(50, required=False)`` trivially, so it is not searched
again; every other unit, a ``str`` subclass included, goes through that check with the same
error (rule ``TEXT``). ``group_by_role`` gathers in one pass what ``appraise`` gathered in
three (the groups, then the ratings per dimension); it is compared with that code here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance import AssessorRole, CoreValue, Nip, Period, Rating
from asn_performance._kit.validate import check_text
from asn_performance.domain.assessment import Assessment
from asn_performance.domain.plan import Target
from asn_performance.exceptions import InputError
from asn_performance.regimes.permenpanrb_6_2022._grouping import group_by_role
from asn_performance.weighting import DIMENSIONS

_FULL_CHECK = check_text(50, required=False)
_UNIT = attrs.fields(Target).unit


def _full_outcome(unit: object) -> tuple[object, ...]:
    try:
        _FULL_CHECK(None, _UNIT, unit)
    except InputError as error:
        return ("error", type(error), error.message, error.path, error.value, error.rule, error.fix)
    return ("ok",)


def _target_outcome(unit: object) -> tuple[object, ...]:
    try:
        Target(Decimal(5), None, unit)  # type: ignore[arg-type]
    except InputError as error:
        return ("error", type(error), error.message, error.path, error.value, error.rule, error.fix)
    return ("ok",)


class _Text(str):
    pass


@pytest.mark.parametrize(
    "unit",
    ["", "%", "dokumen", " ", "x" * 50, "x" * 51, "\ud800", None, 5, b"", _Text(""), _Text("%")],
    ids=repr,
)
def test_the_unit_check_is_check_text(unit: object) -> None:
    assert _target_outcome(unit) == _full_outcome(unit)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_random_units_are_checked_as_before(unit: str) -> None:
    assert _target_outcome(unit) == _full_outcome(unit)


def test_a_target_is_the_same_with_the_unit_given_or_defaulted() -> None:
    # 100 with no unit: lower 100, no upper, unit "" either way; the text is "100".
    made = Target(Decimal(100))
    assert made == Target(Decimal(100), None, "")
    assert made.to_dict() == {"lower": "100", "upper": None, "unit": ""}
    assert str(made) == "100"
    # A range 80-90 % by hand: lower 80 < upper 90, shown "80-90 %".
    ranged = Target.range(80, "90", "%")
    assert ranged.to_dict() == {"lower": "80", "upper": "90", "unit": "%"}
    assert str(ranged) == "80-90 %"


def _assessment(role: AssessorRole, nip: str, hasil: Rating | None, perilaku: Rating | None) -> Any:
    return Assessment(
        "skp-1",
        role,
        Nip(nip),
        dt.date(2025, 12, 20),
        Period.annual(2025),
        hasil_kerja=hasil,
        perilaku_kerja=perilaku,
        behaviour_ratings={} if hasil or perilaku else {next(iter(CoreValue)): Rating.SESUAI},
    )


def _before(ordered: list[Any]) -> tuple[object, object]:
    """The grouping ``appraise`` did before: ``setdefault`` per assessment, then per dimension
    a pass over each role's assessments (the previous ``_ratings_by_role``)."""
    by_role: dict[Any, list[Any]] = {}
    for assessment in ordered:
        by_role.setdefault(assessment.role, []).append(assessment)
    given_ratings = {
        dimension: {
            role: tuple([r for a in group if (r := getattr(a, dimension)) is not None])
            for role, group in by_role.items()
        }
        for dimension in DIMENSIONS
    }
    return by_role, given_ratings


_RATINGS = st.sampled_from([None, Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(list(AssessorRole)), _RATINGS, _RATINGS), min_size=0, max_size=8
    )
)
def test_group_by_role_is_the_previous_grouping(specs: list[Any]) -> None:
    ordered = [
        _assessment(role, f"1985010120100110{i + 1:02d}", hasil, perilaku)
        for i, (role, hasil, perilaku) in enumerate(specs)
    ]
    by_role, given_ratings = group_by_role(ordered)
    before_roles, before_ratings = _before(ordered)
    assert by_role == before_roles
    assert list(by_role) == list(before_roles)  # roles in order of first appearance
    assert given_ratings == before_ratings


def test_group_by_role_by_hand() -> None:
    # Two peers (Sesuai; none and Di Atas) and the pejabat penilai (Di Bawah; Sesuai):
    # hasil kerja: peer -> (Sesuai,), pejabat penilai -> (Di Bawah,);
    # perilaku kerja: peer -> (Di Atas,), pejabat penilai -> (Sesuai,).
    peer_1 = _assessment(AssessorRole.PEER, "198501012010011001", Rating.SESUAI, None)
    peer_2 = _assessment(AssessorRole.PEER, "198501012010011002", None, Rating.DI_ATAS)
    lead = _assessment(
        AssessorRole.PEJABAT_PENILAI, "198501012010011003", Rating.DI_BAWAH, Rating.SESUAI
    )
    by_role, given_ratings = group_by_role([peer_1, peer_2, lead])
    assert by_role == {AssessorRole.PEER: [peer_1, peer_2], AssessorRole.PEJABAT_PENILAI: [lead]}
    assert given_ratings == {
        "hasil_kerja": {
            AssessorRole.PEER: (Rating.SESUAI,),
            AssessorRole.PEJABAT_PENILAI: (Rating.DI_BAWAH,),
        },
        "perilaku_kerja": {
            AssessorRole.PEER: (Rating.DI_ATAS,),
            AssessorRole.PEJABAT_PENILAI: (Rating.SESUAI,),
        },
    }
