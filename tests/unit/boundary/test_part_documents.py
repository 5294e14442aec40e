"""Tests for :mod:`asn_performance.boundary.part_documents`: an employee, a plan, an assessment
and an appraisal as JSON on their own, and the result record.

The parts are taken from the unit document of :mod:`boundary_story` (a guru and a colleague in a
Dinas Pendidikan, their Kepala Bidang as pejabat penilai kinerja and the Sekda as atasan); the
expected predikat were worked out by hand from the PermenPANRB 6/2022 matrix.
"""

from __future__ import annotations

import copy

from boundary_story import BASE, GURU, KABID, PPPK, REKAN, SEKDA, document, fails

from asn_performance import Appraisal
from asn_performance.boundary._json_text import to_json
from asn_performance.boundary.appraisal_document import load_document
from asn_performance.boundary.part_documents import (
    ResultModel,
    dump_appraisal,
    dump_assessment,
    dump_employee,
    dump_plan,
    dump_result,
    load_appraisal,
    load_assessment,
    load_employee,
    load_plan,
)
from asn_performance.domain.explanation import Step
from asn_performance.exceptions import (
    AppraisalError,
    AssessmentError,
    IntegrityError,
    LabelError,
    NipError,
    PlanError,
    SchemaError,
)

# --- employees, plans and assessments on their own -----------------------------------------------


def test_an_employee_round_trips_on_its_own() -> None:
    employee = load_document(BASE).employees[1]
    dumped = dump_employee(employee)
    assert dumped == {
        "nip": GURU,
        "name": "Budi Santoso",
        "position": {"kind": "fungsional", "title": "Guru", "jenjang": "ahli_muda"},
        "unit": "Dinas Pendidikan",
        "superior_nip": KABID,
    }
    assert load_employee(dumped) == employee
    error = fails(dict(dumped, nip="12345"), NipError, load=load_employee)
    assert error.path == "$.nip"


def test_a_plan_dump_embeds_its_people_and_stands_alone() -> None:
    plan = load_document(BASE).plans[0]
    dumped = dump_plan(plan)
    assert dumped["employee"]["nip"] == GURU
    assert dumped["pejabat_penilai"]["name"] == "Ratna Dewi"
    assert dumped["atasan_pejabat_penilai"]["nip"] == SEKDA
    assert "employee_nip" not in dumped
    assert load_plan(dumped) == plan
    assert load_plan(to_json(dumped)) == plan
    clash = dict(dumped, pejabat_penilai=dumped["employee"])
    error = fails(clash, PlanError, load=load_plan)
    assert (error.path, error.rule) == ("$.pejabat_penilai", "PLAN-ROLES")
    bad = copy.deepcopy(dumped)
    bad["employee"]["position"]["kind"] = "menteri"
    error = fails(bad, LabelError, load=load_plan)
    assert error.path == "$.employee.position.kind"


def test_an_assessment_round_trips_on_its_own() -> None:
    assessment = load_document(BASE).assessments[0]
    dumped = dump_assessment(assessment)
    assert dumped["given_on"] == "2026-01-12"
    assert dumped["period"] == "2025"
    assert dumped["realisations"][0]["value"] == "97.50"
    assert load_assessment(dumped) == assessment
    service_user = dict(dumped, role="service_user", assessor_nip=None)
    assert load_assessment(service_user).assessor is None
    error = fails(dict(dumped, assessor_nip=None), AssessmentError, load=load_assessment)
    assert error.path == "$.assessor_nip"


# --- appraisals and result records ---------------------------------------------------------------


def _appraisal_with_peers() -> Appraisal:
    """The guru's plan with two peer assessments, which the anonymity guard withholds."""
    data = document()
    data["employees"].append(
        {
            "nip": PPPK,
            "name": "Nurul Hidayah",
            "position": {"kind": "pelaksana", "title": "Pengadministrasi"},
            "unit": "Dinas Pendidikan",
        }
    )
    for nip in (REKAN, PPPK):
        data["assessments"].append(
            {
                "plan_id": "skp-guru",
                "role": "peer",
                "assessor_nip": nip,
                "given_on": "2026-01-06",
                "period": "2025",
                "hasil_kerja": "di_bawah_ekspektasi",
                "feedback": "Komentar rahasia dari rekan",
            }
        )
    return load_document(data).appraise_all()[0]


def test_an_appraisal_round_trips_exactly_with_its_steps() -> None:
    appraisal = _appraisal_with_peers()
    dumped = dump_appraisal(appraisal)
    assert list(dumped) == [
        "regime",
        "policy",
        "plan",
        "period",
        "organisation_predikat",
        "rating_hasil_kerja",
        "rating_perilaku_kerja",
        "predikat",
        "predikat_label",
        "assessments",
        "explanation",
        "integrity",
    ]
    assert (dumped["regime"], dumped["policy"]) == ("permenpanrb_6_2022", "supervisor_decides")
    assert (dumped["predikat"], dumped["predikat_label"]) == ("baik", "Baik")
    # Two peers are below the minimum of three: what they said is withheld, and as they
    # gave only a rating hasil kerja, their assessments are not kept at all.
    assert [a["role"] for a in dumped["assessments"]] == ["self", "pejabat_penilai"]
    text = to_json(dumped)
    assert REKAN not in text
    assert PPPK not in text
    assert "Komentar rahasia" not in text
    matrix = dumped["explanation"][-1]
    assert matrix["rule"] == "6/2022-MATRIX"
    assert matrix["title"]
    assert "SE MenPANRB 3/2023" in matrix["citation"]
    assert matrix["inputs"] == [
        ["rating hasil kerja", "Di Atas Ekspektasi"],
        ["rating perilaku kerja", "Sesuai Ekspektasi"],
    ]
    loaded = load_appraisal(to_json(dumped))
    assert loaded == appraisal
    assert loaded.explanation.steps[-1] == Step(
        "6/2022-MATRIX",
        "predikat",
        (
            ("rating hasil kerja", "Di Atas Ekspektasi"),
            ("rating perilaku kerja", "Sesuai Ekspektasi"),
        ),
        "Baik",
    )


def test_title_citation_and_label_are_output_only() -> None:
    appraisal = _appraisal_with_peers()
    dumped = dump_appraisal(appraisal)
    del dumped["integrity"]  # an unsealed record: a sealed one refuses any edit
    for step in dumped["explanation"]:
        step["title"], step["citation"] = "edited", None
    dumped["predikat_label"] = "edited"
    assert load_appraisal(dumped) == appraisal
    for step in dumped["explanation"]:
        del step["title"], step["citation"]
    del dumped["predikat_label"]
    assert load_appraisal(dumped) == appraisal


def test_an_appraisal_whose_predikat_contradicts_the_matrix_is_refused() -> None:
    dumped = dump_appraisal(_appraisal_with_peers())
    dumped["predikat"] = "sangat_baik"
    error = fails(dumped, IntegrityError, load=load_appraisal)
    assert (error.path, error.rule) == ("$.integrity.digest", "INTEGRITY-DIGEST")
    del dumped["integrity"]
    error = fails(dumped, AppraisalError, load=load_appraisal)
    assert (error.path, error.rule, error.value) == ("$.predikat", "6/2022-MATRIX", "sangat_baik")
    dumped["explanation"][0]["inputs"] = [["only one"]]
    error = fails(dumped, SchemaError, load=load_appraisal)
    assert (error.path, error.rule) == ("$.explanation[0].inputs[0]", "SCHEMA-too_short")


def test_the_result_record_has_codes_labels_and_reason_but_no_assessments() -> None:
    appraisal = _appraisal_with_peers()
    record = dump_result(appraisal)
    ResultModel.model_validate(record)
    assert record["nip"] == GURU
    assert record["name"] == "Budi Santoso"
    assert record["plan_id"] == "skp-guru"
    assert (record["period"], record["period_label"]) == ("2025", "Tahunan 2025")
    assert record["rating_hasil_kerja"] == "di_atas_ekspektasi"
    assert record["rating_hasil_kerja_label"] == "Di Atas Ekspektasi"
    assert record["rating_perilaku_kerja"] == "sesuai_ekspektasi"
    assert (record["predikat"], record["predikat_label"]) == ("baik", "Baik")
    assert record["reason"] == appraisal.reason()
    assert "assessments" not in record
    assert [s["rule"] for s in record["explanation"]] == [s.rule for s in appraisal.explanation]
    # Anonymous input never shows: neither the peers' NIPs nor what they wrote.
    text = to_json(record)
    assert REKAN not in text
    assert PPPK not in text
    assert "rahasia" not in text
    assert "G-ANONYMITY" in text
