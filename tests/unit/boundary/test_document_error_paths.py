"""An error of the unit service with several problems comes out of the document with every
problem at its JSON path (``$.`` before the unit's path; ``assessor`` under its JSON name
``assessor_nip``); only the first used to move."""

from __future__ import annotations

from asn_performance.boundary.appraisal_document import _at_document, _at_rewards
from asn_performance.exceptions import AuthorityError, InputError, Problem


def test_every_problem_of_a_unit_error_gets_its_json_path() -> None:
    error = AuthorityError(
        "not allowed",
        path="assessments[22].role",
        rule="AUTH-ROSTER-ROLE",
        also=[
            Problem("not listed", "assessments[23].assessor", None, "AUTH-ROSTER-NOT-LISTED"),
            Problem("not allowed", "assessments[24].role", None, "AUTH-ROSTER-ROLE"),
            Problem("already a JSON path", "$.plans[1]", None, "X"),
        ],
    )
    placed = _at_document(error)
    assert [p.path for p in placed.problems] == [
        "$.assessments[22].role",
        "$.assessments[23].assessor_nip",
        "$.assessments[24].role",
        "$.plans[1]",
    ]


def test_every_problem_of_a_reward_error_gets_its_json_path() -> None:
    error = InputError(
        "bad kelas",
        path="reward_inputs['198609262015051001'].kelas",
        rule="TUKIN-KELAS",
        also=[Problem("bad period", "plans[3].period", None, "REWARD-PERIOD")],
    )
    assert [p.path for p in _at_rewards(error).problems] == [
        "$.reward_inputs['198609262015051001'].kelas",
        "$.plans[3].period",
    ]
