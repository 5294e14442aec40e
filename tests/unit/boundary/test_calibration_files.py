"""Documents for the distribution check (asn_performance.boundary.calibration_files).

Every expected number is worked by hand in a comment next to it.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from asn_performance import OrganisationPredikat
from asn_performance.boundary.appraisal_document import AppraisalDocument, dump_document
from asn_performance.boundary.appraisal_document import sample_document as _sample_document
from asn_performance.boundary.calibration_files import (
    UnitsDocument,
    check_document,
    dump_units_document,
    load_calibration_document,
    load_units_document,
    units_json_schema,
)
from asn_performance.consequences.distribution import Rounding, UnitInput
from asn_performance.exceptions import AsnPerformanceError, InputError, LabelError, SchemaError

UNITS: dict[str, Any] = {
    "schema_version": "1",
    "title": "Kota contoh",
    "units": [
        {
            "unit": "Dinas Pendidikan",
            "organisation_predikat": "baik",
            "counts": {"sangat_baik": 2, "baik": 8},
        },
        {
            "unit": "Kecamatan Serang",
            "organisation_predikat": "Sangat Kurang",
            "counts": {"sangat_baik": 1, "baik": 1, "kurang": 2, "sangat_kurang": 6},
        },
    ],
}


def units(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(UNITS)
    data.update(changes)
    return data


def failure(source: Any) -> AsnPerformanceError:
    with pytest.raises(AsnPerformanceError) as info:
        load_units_document(source)
    return info.value


def test_a_units_document_becomes_unit_inputs() -> None:
    document = load_units_document(UNITS)
    assert document.title == "Kota contoh"
    assert document.units == (
        UnitInput("Dinas Pendidikan", "baik", (2, 8, 0, 0, 0)),
        UnitInput("Kecamatan Serang", "sangat_kurang", (1, 1, 0, 2, 6)),
    )
    assert load_units_document(json.dumps(UNITS)) == document
    assert load_units_document({"units": []}).units == ()


def test_oversight_of_the_document_finds_the_violations_worked_by_hand() -> None:
    report = load_units_document(UNITS).oversee()
    # Dinas Pendidikan (Baik): 8 of 10 Baik > 7 allowed; no Butuh Perbaikan or Kurang.
    # Kecamatan Serang (Sangat Kurang): a Sangat Baik where none is allowed.
    assert (report.employees, report.units_with_violations) == (20, 2)
    assert [(unit, check.actual, check.threshold) for unit, check in report.violations] == [
        ("Dinas Pendidikan", 8, 7),
        ("Dinas Pendidikan", 0, 1),
        ("Kecamatan Serang", 1, 0),
    ]
    assert load_units_document(UNITS).oversee(Rounding.LENIENT).rounding is Rounding.LENIENT


def test_the_units_document_round_trips() -> None:
    document = load_units_document(UNITS)
    dumped = dump_units_document(document)
    assert dumped["units"][0]["counts"] == {
        "sangat_baik": 2,
        "baik": 8,
        "butuh_perbaikan": 0,
        "kurang": 0,
        "sangat_kurang": 0,
    }
    assert load_units_document(dumped) == document
    with pytest.raises(InputError):
        dump_units_document(UNITS)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "path", "rule"),
    [
        ({"baik": -1}, "$.units[0].counts.baik", "SCHEMA-greater_than_equal"),
        ({"baik": True}, "$.units[0].counts.baik", "SCHEMA-int_type"),
        ({"baik": "7"}, "$.units[0].counts.baik", "SCHEMA-int_type"),
        ({"hebat": 1}, "$.units[0].counts.hebat", "D12-LABELS"),
        ({"Baik": 1}, "$.units[0].counts", "SCHEMA-duplicate_key"),
    ],
)
def test_bad_counts_name_their_path(change: dict[str, Any], path: str, rule: str) -> None:
    data = units()
    data["units"][0]["counts"].update(change)
    error = failure(data)
    assert (error.path, error.rule) == (path, rule)


def test_a_json_number_with_a_fraction_is_not_a_count() -> None:
    # Issue 10: a whole number written with a zero fraction (PHP's json_encode(8.0)) is a
    # count; a real fraction is not.
    text = json.dumps(UNITS).replace('"baik": 8', '"baik": 8.5')
    error = failure(text)
    assert (error.path, error.rule) == ("$.units[0].counts.baik", "SCHEMA-int_from_float")
    written = json.dumps(UNITS).replace('"baik": 8', '"baik": 8.0')
    assert load_units_document(written) == load_units_document(json.dumps(UNITS))


def test_shape_problems_name_their_path() -> None:
    error = failure(units(schema_version="2"))
    assert (error.path, error.rule) == ("$.schema_version", "SCHEMA-literal_error")
    data = units()
    del data["units"][1]["organisation_predikat"]
    error = failure(data)
    assert (error.path, error.rule) == ("$.units[1].organisation_predikat", "SCHEMA-missing")
    data = units()
    data["units"][1]["organisation_predikat"] = "hebat"
    error = failure(data)
    assert isinstance(error, LabelError)
    assert error.path == "$.units[1].organisation_predikat"
    data = units()
    data["units"][0]["unit"] = ""
    assert failure(data).path == "$.units[0].unit"
    assert isinstance(failure("[1, 2]"), SchemaError)


def test_either_document_is_read_by_its_top_level_fields() -> None:
    assert isinstance(load_calibration_document(UNITS), UnitsDocument)
    sample = dump_document(_sample_document())
    assert isinstance(load_calibration_document(json.dumps(sample)), AppraisalDocument)


def test_the_sample_document_is_within_its_distribution() -> None:
    (report,) = check_document(_sample_document())
    # 1 Sangat Baik, 7 Baik, 2 Butuh Perbaikan, 1 Kurang; organisation Baik. At most 70 % of
    # 11 = 7.7 → 7 Baik allowed (strict); at least 1 Butuh Perbaikan and/or Kurang: 3.
    assert report.counts == (1, 7, 2, 1, 0)
    assert report.organisation_predikat is OrganisationPredikat.BAIK
    assert [(c.actual, c.threshold) for c in report.checks] == [(7, 7), (3, 1)]
    assert report.ok
    assert report.unit.startswith("Contoh unit kerja")


def test_each_period_of_a_document_is_checked_on_its_own() -> None:
    data = dump_document(_sample_document())
    nurse = next(p for p in data["plans"] if p["id"] == "skp-2025-perawat")
    nurse["period"] = "2025-Q4"
    for assessment in data["assessments"]:
        if assessment["plan_id"] == nurse["id"]:
            assessment["period"] = "2025-Q4"
    annual, quarter = check_document(load_calibration_document(data))  # type: ignore[arg-type]
    assert annual.total == 10
    assert quarter.total == 1
    assert quarter.unit.endswith("(Triwulan IV 2025)")


def test_a_document_without_organisation_predikat_cannot_be_checked() -> None:
    data = dump_document(_sample_document())
    data["organisation_predikat"] = None
    data["plans"] = [p for p in data["plans"] if not p["leads_unit"]]
    kept = {p["id"] for p in data["plans"]}
    data["assessments"] = [a for a in data["assessments"] if a["plan_id"] in kept]
    with pytest.raises(InputError) as info:
        check_document(load_calibration_document(data))  # type: ignore[arg-type]
    assert (info.value.path, info.value.rule) == (
        "$.organisation_predikat",
        "SE3/2023-DISTRIBUTION",
    )
    with pytest.raises(InputError):
        check_document(UNITS)  # type: ignore[arg-type]


def test_the_units_json_schema() -> None:
    schema = units_json_schema()
    assert schema["required"] == ["units"]
    json.dumps(schema)
