"""The units document with agencies (asn_performance.boundary.calibration_files): ``agency``
per unit and ``agency_predikat``, read, checked, written back, and refused with their JSON path.

Worked by hand: the agency "Pemerintah Kota Serang" is rated Baik; its units hold
(2, 8, 0, 0, 0) + (7, 3, 0, 0, 0) = (9, 11, 0, 0, 0), 20 employees. Baik 11 <= floor(0.7 * 20)
= 14 is within the pattern, but no employee is Butuh Perbaikan or Kurang/Misconduct, and a
Baik organisation needs at least 1: violated.
"""

from __future__ import annotations

import json

import pytest

from asn_performance.boundary.calibration_files import (
    UnitsDocument,
    dump_units_document,
    load_calibration_document,
    load_units_document,
    units_json_schema,
)
from asn_performance.consequences.distribution.oversight import UnitInput
from asn_performance.domain.rating import OrganisationPredikat
from asn_performance.exceptions import InputError, LabelError, SchemaError

KOTA = "Pemerintah Kota Serang"
DOCUMENT = {
    "schema_version": "1",
    "title": "Pengawasan BKN Serang",
    "units": [
        {
            "unit": "Dinas Pendidikan",
            "organisation_predikat": "baik",
            "counts": {"sangat_baik": 2, "baik": 8},
            "agency": KOTA,
        },
        {
            "unit": "Dinas Kesehatan",
            "organisation_predikat": "istimewa",
            "counts": {"sangat_baik": 7, "baik": 3},
            "agency": KOTA,
        },
        {"unit": "Lepas", "organisation_predikat": "baik", "counts": {"baik": 1}},
    ],
    "agency_predikat": {KOTA: "Baik"},
}


def test_a_units_document_with_agencies_is_read_and_rolled_up() -> None:
    document = load_units_document(json.dumps(DOCUMENT))
    assert [u.agency for u in document.units] == [KOTA, KOTA, None]
    assert dict(document.agency_predikat) == {KOTA: OrganisationPredikat.BAIK}
    report = document.oversee()
    kota, loose = report.agencies
    assert (kota.counts, kota.employees) == ((9, 11, 0, 0, 0), 20)
    # Pendidikan: Baik 8 > floor(7.0) = 7 and no BP/K: two violations
    assert kota.violating_units == ("Dinas Pendidikan",)
    assert [(c.actual, c.total, c.threshold) for c in kota.violations] == [(0, 20, 1)]
    assert loose.agency is None
    assert isinstance(load_calibration_document(DOCUMENT), UnitsDocument)


def test_the_document_round_trips() -> None:
    document = load_units_document(DOCUMENT)
    written = dump_units_document(document)
    assert written["agency_predikat"] == {KOTA: "baik"}
    assert written["units"][0]["agency"] == KOTA
    assert "agency" not in written["units"][2]
    assert load_units_document(written) == document


def test_a_document_without_agencies_is_written_as_before() -> None:
    plain = {"units": [{"unit": "A", "organisation_predikat": "baik", "counts": {"baik": 1}}]}
    written = dump_units_document(load_units_document(plain))
    assert "agency_predikat" not in written
    assert set(written["units"][0]) == {"unit", "organisation_predikat", "counts"}


def test_the_schema_describes_the_new_fields() -> None:
    schema = units_json_schema()
    assert "agency_predikat" in schema["properties"]
    assert "agency" in schema["$defs"]["UnitModel"]["properties"]


def test_an_agency_predikat_for_an_agency_no_unit_names_is_refused_at_its_path() -> None:
    bad = {**DOCUMENT, "agency_predikat": {"Pemkot Serang": "baik"}}
    with pytest.raises(InputError) as caught:
        load_units_document(bad)
    assert (caught.value.path, caught.value.rule) == (
        "$.agency_predikat['Pemkot Serang']",
        "SE3/2023-AGENCY",
    )


def test_an_unknown_agency_predikat_label_is_refused_at_its_path() -> None:
    bad = {**DOCUMENT, "agency_predikat": {KOTA: "hebat"}}
    with pytest.raises(LabelError) as caught:
        load_units_document(bad)
    assert caught.value.path == f"$.agency_predikat[{KOTA!r}]"


def test_an_empty_agency_is_refused_by_the_schema() -> None:
    units = [{"unit": "A", "organisation_predikat": "baik", "counts": {}, "agency": ""}]
    with pytest.raises(SchemaError) as caught:
        load_units_document({"units": units})
    assert caught.value.path == "$.units[0].agency"


def test_a_units_document_built_in_code_checks_its_agency_predikat() -> None:
    unit = UnitInput("A", "baik", (0, 1, 0, 0, 0), agency=KOTA)
    with pytest.raises(InputError) as caught:
        UnitsDocument((unit,), agency_predikat={KOTA: "baik"})  # type: ignore[dict-item]
    assert (caught.value.path, caught.value.rule) == ("agency_predikat", "TYPE")
