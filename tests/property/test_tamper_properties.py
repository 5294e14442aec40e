"""Issue 10, section 5: tamper properties of the keyed seal and of ``verify_records``.

* Any edit of one value of a keyed sealed record, re-sealed by someone without the key, is
  refused by a holder of the key; the plain seal alone accepts it (which is why the key).
* Hostile input to ``verify_records`` (what ``asn-performance verify`` runs) raises only the
  library's own errors, with a JSON path from ``$``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hostile import FuzzTarget, check_target
from hostile_bases import SAMPLE_APPRAISALS, SEALED_BASES
from hostile_values import json_sources
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asn_performance.boundary.part_documents import dump_result
from asn_performance.boundary.sealed_records import verify_records
from asn_performance.exceptions import IntegrityError
from asn_performance.process.integrity import seal, verify

KEY = b"kunci-rahasia-bkd-2025-0123456789"
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RECORDS = [dump_result(a, key=KEY) for a in SAMPLE_APPRAISALS[:4]]


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _leaves(item, (*path, index))]
    return [path]


def _replace(record: Any, path: tuple[Any, ...], new: object) -> Any:
    copy = json.loads(json.dumps(record))
    here = copy
    for key in path[:-1]:
        here = here[key]
    here[path[-1]] = new
    return copy


@FAST
@given(st.sampled_from(RECORDS), st.data())
def test_a_resealed_edit_of_a_keyed_record_is_refused_with_the_key(
    record: dict[str, Any], data: st.DataObject
) -> None:
    leaves = [p for p in _leaves(record) if p[0] != "integrity"]
    path = data.draw(st.sampled_from(leaves))
    old = json.loads(json.dumps(record))
    for key in path:
        old = old[key]
    new = data.draw(
        st.one_of(st.text(max_size=8), st.integers(-3, 3), st.booleans(), st.none()).filter(
            lambda value: value != old or type(value) is not type(old)
        )
    )
    edited = _replace(record, path, new)
    with pytest.raises(IntegrityError):
        verify(edited)  # the stale seal
    forged = seal(edited)  # re-sealed without the key
    assert verify(forged) == forged["integrity"]["digest"]
    with pytest.raises(IntegrityError) as caught:
        verify(forged, key=KEY)
    assert caught.value.rule in ("INTEGRITY-KEY", "INTEGRITY-DIGEST")
    # keeping the old keyed seal does not help
    kept = {
        **forged,
        "integrity": {**forged["integrity"], "hmac_sha256": record["integrity"]["hmac_sha256"]},
    }
    with pytest.raises(IntegrityError) as caught:
        verify(kept, key=KEY)
    assert caught.value.rule == "INTEGRITY-DIGEST"


TARGET = FuzzTarget("verify_records", json_sources(SEALED_BASES), verify_records, True)


def test_verify_records_lets_only_library_errors_escape() -> None:
    check_target(TARGET)
