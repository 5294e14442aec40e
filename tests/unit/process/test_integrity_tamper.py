"""Issue 10, section 5: edits that the seal or the event chain let through before.

Each test reproduces one defect found in review: a field added inside the ``integrity``
block; the text written for readers inside a stored cycle (``stage_label``, an event
appraisal's ``predikat_label``, a step's ``title`` or ``citation``) edited and the record
re-sealed; a cycle whose ``kind`` was renamed so that the check would not replay it; and an
empty list that "verified" with nothing in it. The expected refusals are stated by hand.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from lifecycle_story import DECIDED, raises

from asn_performance import appraise
from asn_performance.boundary.cycle_document import dump_cycle, load_cycle
from asn_performance.boundary.part_documents import dump_result
from asn_performance.boundary.sealed_records import verify_records
from asn_performance.exceptions import AsnPerformanceError, IntegrityError, SchemaError
from asn_performance.process.integrity import seal, verify, verify_all
from asn_performance.services.sample import sample_unit

_UNIT = sample_unit()
APPRAISAL = appraise(
    next(p for p in _UNIT.plans if p.id == "skp-2025-beasiswa"),
    [a for a in _UNIT.assessments if a.plan_id == "skp-2025-beasiswa"],
)


def _stored() -> dict[str, Any]:
    """The decided cycle as stored: a fresh copy through JSON."""
    return json.loads(json.dumps(dump_cycle(DECIDED), ensure_ascii=False))


# --- a field added to the integrity block ---------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(dump_result(APPRAISAL), id="result"),
        pytest.param(dump_cycle(DECIDED), id="cycle"),
        pytest.param(seal({"a": 1}), id="small"),
    ],
)
def test_a_field_added_to_the_integrity_block_is_refused(record: dict[str, Any]) -> None:
    """Reproduces: ``verify`` accepted ``"integrity": {..., "approved_by": "..."}``."""
    edited = json.loads(json.dumps(record))
    edited["integrity"]["approved_by"] = "199107042019032012"
    for given in (edited, json.dumps(edited)):
        error = raises(IntegrityError, lambda g=given: verify(g))
        assert (error.rule, error.path) == ("INTEGRITY-FORM", "$.integrity.approved_by")
    error = raises(IntegrityError, lambda: verify_all([record, edited]))
    assert error.path == "$[1].integrity.approved_by"


def test_a_library_entry_of_another_shape_is_refused() -> None:
    edited = seal({"a": 1})
    edited["integrity"]["library"] = {"name": "asn-performance", "version": "1", "by": "x"}
    error = raises(IntegrityError, lambda: verify(edited))
    assert (error.rule, error.path) == ("INTEGRITY-FORM", "$.integrity.library")


# --- labels in a stored cycle ---------------------------------------------------------------------

#: Where the decided story keeps text for readers, and an edit of it. Event 8 is the annual
#: evaluation (its appraisal: Baik), event 12 the decision.
_LABEL_EDITS: dict[str, tuple[str, Callable[[dict[str, Any]], None]]] = {
    "stage_label": ("$.stage_label", lambda r: r.update(stage_label="Penyusunan SKP")),
    "predikat_label": (
        "$.events[8].appraisal.predikat_label",
        lambda r: r["events"][8]["appraisal"].update(predikat_label="Sangat Baik"),
    ),
    "step-title": (
        "$.events[8].appraisal.explanation[0].title",
        lambda r: r["events"][8]["appraisal"]["explanation"][0].update(title="Disetujui"),
    ),
    "step-citation": (
        "$.events[8].appraisal.explanation[0].citation",
        lambda r: r["events"][8]["appraisal"]["explanation"][0].update(citation="Pasal 99"),
    ),
    "title-removed": (
        "$.events[8].appraisal.explanation[0].title",
        lambda r: r["events"][8]["appraisal"]["explanation"][0].pop("title"),
    ),
}


@pytest.mark.parametrize("name", list(_LABEL_EDITS))
def test_an_edited_label_in_a_resealed_cycle_is_refused(name: str) -> None:
    """Reproduces: the event digests leave the labels out, so a label edited and the record
    re-sealed was accepted by ``load_cycle`` and by the verify command."""
    path, edit = _LABEL_EDITS[name]
    record = _stored()
    edit(record)
    resealed = seal(record)
    verify(resealed)  # the plain seal was recomputed: it cannot tell
    for given in (resealed, json.dumps(resealed, ensure_ascii=False)):
        error = raises(IntegrityError, lambda g=given: load_cycle(g))
        assert (error.rule, error.path) == ("INTEGRITY-DIGEST", path)
    error = raises(IntegrityError, lambda: verify_records([seal({"a": 1}), resealed]))
    assert (error.rule, error.path) == ("INTEGRITY-DIGEST", "$[1]" + path[1:])
    # without any seal, the same edit is refused too
    del record["integrity"]
    assert raises(IntegrityError, lambda: load_cycle(record)).path == path


def test_the_edited_label_is_named_in_the_message() -> None:
    record = _stored()
    record["events"][8]["appraisal"]["predikat_label"] = "Sangat Baik"
    error = raises(IntegrityError, lambda: load_cycle(seal(record)))
    assert "'Sangat Baik'" in error.message
    assert "'Baik'" in error.message


def test_the_stored_cycle_as_written_still_loads() -> None:
    stored = _stored()
    assert load_cycle(stored) == DECIDED
    assert load_cycle(json.dumps(stored)) == DECIDED


def test_a_true_for_one_swap_outside_the_digests_is_refused() -> None:
    record = _stored()
    assert record["schema_version"] == "1"
    record["events"][0]["sequence"] = False  # 0 in Python, not in JSON
    error = raises(AsnPerformanceError, lambda: load_cycle(seal(record)))
    assert error.path == "$.events[0].sequence"


# --- a cycle under another kind -------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["performance_cycle_v2", "appraisal", None])
def test_a_cycle_whose_kind_was_renamed_is_still_replayed(kind: str | None) -> None:
    """Reproduces: the verify command replayed a record only when ``kind`` said
    ``performance_cycle``; renamed and re-sealed, an edited history passed on its seal."""
    record = _stored()
    record["events"][3]["at"] = "2025-01-05T09:00:00+07:00"  # back-dated, digest not redone
    record["kind"] = kind
    resealed = seal(record)
    verify(resealed)
    error = raises(SchemaError, lambda: verify_records(resealed))
    assert error.path == "$.kind"
    error = raises(SchemaError, lambda: verify_records([resealed]))
    assert error.path == "$[0].kind"


def test_a_cycle_with_its_kind_is_replayed_and_described() -> None:
    (checked,) = verify_records(json.dumps(dump_cycle(DECIDED)))
    assert checked.path == "$"
    assert checked.digest == dump_cycle(DECIDED)["integrity"]["digest"]
    assert checked.what == "cycle skp-2025-budi, 13 events, stage decided"
    assert checked.keyed is False


def test_an_edited_event_in_a_resealed_cycle_is_refused_by_verify_records() -> None:
    record = _stored()
    record["events"][3]["at"] = "2025-01-05T09:00:00+07:00"
    error = raises(IntegrityError, lambda: verify_records(seal(record)))
    assert (error.rule, error.path) == ("INTEGRITY-CHAIN", "$.events[3].digest")


def test_other_records_verify_on_their_seal() -> None:
    result = dump_result(APPRAISAL)
    checked = verify_records([result, seal({"plan": "abc", "predikat": 7})])
    assert [c.path for c in checked] == ["$[0]", "$[1]"]
    assert checked[0].what == f"plan skp-2025-beasiswa, predikat {result['predikat']}"
    assert checked[1].what == "record"


# --- nothing to verify ----------------------------------------------------------------------------


@pytest.mark.parametrize("given", [[], "[]", b" [ ] "])
def test_an_empty_list_is_refused(given: object) -> None:
    """Reproduces: ``verify_all([])`` returned ``[]`` and the command said "0 record(s)
    intact" with exit status 0."""
    for function in (verify_all, verify_records):
        error = raises(IntegrityError, lambda f=function: f(given))
        assert (error.rule, error.path) == ("INTEGRITY-MISSING", "$")
        assert "nothing was verified" in error.message


@pytest.mark.parametrize("given", ["", "{}", {}])
def test_empty_input_is_refused(given: object) -> None:
    error = raises(IntegrityError, lambda: verify_all(given))
    assert error.rule in ("INTEGRITY-FORM", "INTEGRITY-MISSING")
