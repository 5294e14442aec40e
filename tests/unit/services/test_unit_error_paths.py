"""Every problem of a unit's error sits at the unit's path (services.unit): a roster check
reports several givers at once, and each must be renumbered from its plan's own list of
assessments to its place in the unit's list, not only the first.

The built-in sample has 22 assessments; three more are appended for Budi's plan
(skp-2025-guru), as "subordinate" input from Hendra (the head, above Budi's atasan), Rizky
and Yusuf (under Maria: colleagues outside Budi's line). In the unit's list they are
assessments[22], [23] and [24] -- worked from the order of the list, not from the code.
"""

from __future__ import annotations

import datetime as dt

import pytest

from asn_performance import Assessment, AssessorRole, Nip, Period, Rating
from asn_performance.boundary.appraisal_document import sample_document
from asn_performance.exceptions import AuthorityError
from asn_performance.process.roster import Roster
from asn_performance.services.unit import appraise_unit, appraise_unit_each

SAMPLE = sample_document()
GIVERS = ("197003121995031002", "199010102015031001", "198705052010011004")


def _extra() -> list[Assessment]:
    return [
        Assessment(
            "skp-2025-guru",
            AssessorRole.SUBORDINATE,
            Nip.parse(nip),
            dt.date(2026, 1, 10),
            Period.annual(2025),
            hasil_kerja=Rating.DI_ATAS,
            perilaku_kerja=Rating.DI_ATAS,
        )
        for nip in GIVERS
    ]


def test_every_refused_giver_is_at_its_place_in_the_unit() -> None:
    assessments = [*SAMPLE.assessments, *_extra()]
    assert len(SAMPLE.assessments) == 22
    with pytest.raises(AuthorityError) as caught:
        appraise_unit(
            SAMPLE.plans,
            assessments,
            policy=SAMPLE.policy,
            guards=SAMPLE.guards,
            organisation_predikat=SAMPLE.organisation_predikat,
            roster=Roster(SAMPLE.employees),
        )
    paths = [p.path for p in caught.value.problems]
    assert paths == [
        "assessments[22].role",
        "assessments[23].role",
        "assessments[24].role",
    ]


def test_keep_going_keeps_the_same_paths_under_the_plan() -> None:
    assessments = [*SAMPLE.assessments, *_extra()]
    outcome = appraise_unit_each(
        SAMPLE.plans,
        assessments,
        policy=SAMPLE.policy,
        guards=SAMPLE.guards,
        organisation_predikat=SAMPLE.organisation_predikat,
        roster=Roster(SAMPLE.employees),
    )
    error = outcome.problems["skp-2025-guru"]
    assert [p.path for p in error.problems] == [
        "assessments[22].role",
        "assessments[23].role",
        "assessments[24].role",
    ]
    # Every other plan of the sample is appraised.
    assert len(outcome.results) == len(SAMPLE.plans) - 1
