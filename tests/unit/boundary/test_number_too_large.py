"""A whole number too large to write as text, in a document given as a mapping: refused at its
path with a library error (found by the hostile-input fuzzing: a huge int as a policy's
``kind`` made pydantic fail to write its own message, outside any library error)."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from asn_performance.boundary.appraisal_document import (
    dump_document,
    load_document,
    sample_document,
)
from asn_performance.exceptions import AsnPerformanceError, SchemaError


def _sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(dump_document(sample_document())))
    return data


@pytest.mark.parametrize(
    ("policy", "path"),
    [
        ({"kind": 10**5000}, "$.policy.kind"),  # 5,001 digits
        ({"kind": "weighted_sources", "weights": [2**14283]}, "$.policy.weights[0]"),  # 4,300
    ],
)
def test_a_huge_whole_number_is_refused_at_its_path(
    policy: dict[str, Any], path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    data = _sample()
    data["policy"] = policy
    with pytest.raises(SchemaError) as raised:
        load_document(data)
    assert raised.value.path == path
    assert raised.value.rule == "SCHEMA-number_too_large"
    assert unraisable == []  # nothing failed outside the library's error


def test_the_largest_number_written_as_text_is_read_as_before() -> None:
    # 2**14283 - 1 has 4,300 digits: below the limit, it reaches the field's own check
    data = _sample()
    data["employees"][0]["nip"] = 2**14283 - 1
    with pytest.raises(AsnPerformanceError) as raised:
        load_document(data)
    assert (raised.value.path, raised.value.rule) == ("$.employees[0].nip", "NIP-FORMAT")
