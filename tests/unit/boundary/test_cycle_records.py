"""The cycle records document (asn_performance.boundary.cycle_records): many cycles with their
agency, unit and cadence; written and read back unchanged, every bad record reported."""

from __future__ import annotations

import json

import pytest
import status_cycles as story

from asn_performance.boundary.cycle_document import dump_cycle
from asn_performance.boundary.cycle_records import (
    dump_cycle_records,
    load_cycle_records,
    read_cycle_records,
)
from asn_performance.consequences.distribution.oversight import NO_AGENCY
from asn_performance.exceptions import AsnPerformanceError
from asn_performance.process.cadence import Cadence
from asn_performance.process.status import CycleRecord

RECORDS = story.KOTA_RECORDS + story.KAB_RECORDS + story.PROV_RECORDS


def test_records_round_trip_losslessly_through_json_text() -> None:
    written = dump_cycle_records(RECORDS)
    assert written["kind"] == "cycle_records"
    assert "cadence" not in written["records"][2]  # Andi's record names none
    assert written["records"][0]["cadence"] == "quarterly"
    again = load_cycle_records(json.dumps(written))
    assert again == RECORDS
    assert again[0].cadence is Cadence.QUARTERLY
    assert dump_cycle_records(again) == written
    assert [path for _record, path in read_cycle_records(written)] == [
        f"$.records[{k}]" for k in range(5)
    ]


def test_a_single_cycle_document_is_one_record_without_an_agency() -> None:
    ((record, path),) = read_cycle_records(dump_cycle(story.L))
    assert record == CycleRecord(NO_AGENCY, "Seksi Pembinaan", story.L)
    assert path == "$"


def test_every_bad_record_is_reported_at_its_json_path() -> None:
    written = dump_cycle_records(RECORDS)
    written["records"][1]["cadence"] = "mingguan"
    written["records"][3]["cycle"]["stage"] = "final"  # the summary no longer matches
    del written["records"][3]["cycle"]["integrity"]
    with pytest.raises(AsnPerformanceError) as caught:
        load_cycle_records(written)
    problems = caught.value.problems
    assert [(p.path, p.rule) for p in problems] == [
        ("$.records[1].cadence", "SCHEDULE-CADENCE"),
        ("$.records[3].cycle.stage", "INTEGRITY-DIGEST"),
    ]
    assert problems[0].value == "mingguan"


def test_a_document_of_the_wrong_shape_is_refused_by_its_schema() -> None:
    with pytest.raises(AsnPerformanceError) as caught:
        load_cycle_records({"schema_version": "1", "kind": "cycle_records", "records": [{}]})
    paths = {p.path for p in caught.value.problems}
    assert {"$.records[0].agency", "$.records[0].unit", "$.records[0].cycle"} <= paths


def test_the_written_document_validates_against_its_published_schema() -> None:
    from jsonschema import Draft202012Validator

    from asn_performance.boundary.schemas import json_schema

    schema = json_schema("cycle-records")
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    written = dump_cycle_records(RECORDS)
    assert not list(validator.iter_errors(written))
    written["records"][0]["cadence"] = 7  # not a cadence: the schema says so too
    assert list(validator.iter_errors(written))
