"""``_kit.validate.build`` places every problem of an error under its path, renaming the first
segment where asked (only the first problem used to move when ``renames`` was given)."""

from __future__ import annotations

import pytest

from asn_performance._kit.validate import build
from asn_performance.exceptions import InputError, Problem


def _fails() -> None:
    raise InputError(
        "bad assessor",
        path="assessor",
        rule="TYPE",
        also=[
            Problem("bad evidence", "evidence[2]", None, "TEXT"),
            Problem("bad period", "period.start", None, "PERIOD"),
            Problem("whole object", None, None, "TYPE"),
            Problem("kept", "$.elsewhere", None, "TYPE"),
        ],
    )


def test_every_problem_moves_and_the_renamed_head_is_renamed() -> None:
    with pytest.raises(InputError) as caught:
        build("$.assessments[3]", _fails, renames={"assessor": "assessor_nip", "period": ""})
    # By hand: assessor -> assessor_nip; evidence[2] under the prefix; period.start with the
    # period renamed to the object itself -> start; no path -> the prefix; $... kept.
    assert [p.path for p in caught.value.problems] == [
        "$.assessments[3].assessor_nip",
        "$.assessments[3].evidence[2]",
        "$.assessments[3].start",
        "$.assessments[3]",
        "$.elsewhere",
    ]


def test_without_renames_every_problem_moves_too() -> None:
    with pytest.raises(InputError) as caught:
        build("$.x", _fails)
    assert [p.path for p in caught.value.problems] == [
        "$.x.assessor",
        "$.x.evidence[2]",
        "$.x.period.start",
        "$.x",
        "$.elsewhere",
    ]
