"""Tests for :mod:`asn_performance.boundary.appraisal_document`, the unit document.

The documents are written by hand in :mod:`boundary_story` (a guru and a colleague in a Dinas
Pendidikan, their Kepala Bidang as pejabat penilai kinerja and the Sekda as atasan). Every error
case names the exact JSON path, the rule and the offending value; the expected predikat were
worked out by hand from the PermenPANRB 6/2022 matrix. The employees, plans, assessments and
appraisals on their own are in test_part_documents.py; reading JSON text in test_json_text.py;
the lossless numbers and field limits of the wire types in test_wire.py.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from boundary_story import BASE, GURU, KABID, PPPK, REKAN, SEKDA, document, fails

from asn_performance import (
    Approach,
    Aspect,
    AssessorRole,
    CoreValue,
    Direction,
    Guards,
    Jenjang,
    Nip,
    OrganisationPredikat,
    PerDimension,
    Period,
    PositionKind,
    Predikat,
    Rating,
    SupervisorDecides,
    WeightedSources,
    appraise,
)
from asn_performance.boundary._json_text import to_json
from asn_performance.boundary.appraisal_document import (
    dump_document,
    input_json_schema,
    load_document,
    output_json_schema,
)
from asn_performance.boundary.part_documents import dump_result
from asn_performance.exceptions import (
    AppraisalError,
    AsnPerformanceError,
    AssessmentError,
    AuthorityError,
    DecimalInputError,
    DuplicateError,
    InputError,
    LabelError,
    MissingAssessmentError,
    NipError,
    PeriodError,
    PlanError,
    PolicyError,
    SchemaError,
)


def appraise_fails(data: dict[str, Any], kind: type[AsnPerformanceError]) -> AsnPerformanceError:
    doc = load_document(data)
    with pytest.raises(kind) as info:
        doc.appraise_all()
    return info.value


# --- a valid document ----------------------------------------------------------------------------


def test_a_valid_document_becomes_domain_objects() -> None:
    doc = load_document(BASE)
    assert doc.title == "Dinas Pendidikan, evaluasi kinerja tahunan 2025"
    assert [e.nip for e in doc.employees] == [Nip(KABID), Nip(GURU), Nip(SEKDA), Nip(REKAN)]
    guru = doc.employees[1]
    assert guru.position.kind is PositionKind.FUNGSIONAL
    assert guru.position.jenjang is Jenjang.AHLI_MUDA
    assert guru.superior_nip == Nip(KABID)
    plan = doc.plans[0]
    assert plan.employee == guru
    assert plan.pejabat_penilai == doc.employees[0]
    assert plan.atasan_pejabat_penilai == doc.employees[2]
    assert plan.period == Period.annual(2025)
    assert plan.approach is Approach.KUALITATIF
    assert plan.leads_unit is False
    assert [b.value for b in plan.behaviours] == list(CoreValue)  # left out: all seven
    first, second = plan.work_results[0].indicators
    assert first.target.lower == Decimal(95)
    assert first.target.upper is None
    assert first.aspect is Aspect.KUANTITAS
    assert first.direction is Direction.HIGHER_IS_BETTER
    assert (second.target.lower, second.target.upper) == (Decimal(3), Decimal(5))
    assert second.direction is Direction.LOWER_IS_BETTER
    assessment = doc.assessments[0]
    assert assessment.role is AssessorRole.PEJABAT_PENILAI
    assert assessment.given_on == dt.date(2026, 1, 12)
    assert assessment.realisations[0].value == Decimal("97.50")
    assert doc.assessments[3].behaviour_ratings == {CoreValue.KOLABORATIF: Rating.DI_BAWAH}
    assert doc.policy == SupervisorDecides()
    assert doc.guards == Guards()
    assert doc.organisation_predikat is None


def test_the_document_round_trips_and_the_dump_is_canonical() -> None:
    doc = load_document(BASE)
    dumped = dump_document(doc)
    assert load_document(dumped) == doc
    assert load_document(to_json(dumped)) == doc
    assert list(dumped) == [
        "schema_version",
        "title",
        "policy",
        "guards",
        "organisation_predikat",
        "employees",
        "plans",
        "assessments",
        "reward_inputs",
    ]
    # Defaults are written out, decimals as strings, enums by code.
    assert dumped["policy"] == {"kind": "supervisor_decides"}
    assert dumped["guards"] == {
        "min_anonymous_responses": 3,
        "anonymous_roles": ["peer", "subordinate"],
    }
    assert dumped["plans"][1]["work_results"][0]["indicators"][0]["target"] == {
        "lower": "4",
        "upper": None,
        "unit": "",
    }
    assert dumped["plans"][0]["atasan_pejabat_penilai_nip"] == SEKDA
    assert len(dumped["plans"][0]["behaviours"]) == 7
    assert dumped["assessments"][0]["realisations"][0]["value"] == "97.50"
    assert dumped["employees"][2]["position"] == {
        "kind": "jpt",
        "title": "Sekretaris Daerah",
        "jenjang": None,
    }


def test_appraise_all_gives_one_appraisal_per_plan_as_worked_by_hand() -> None:
    results = load_document(BASE).appraise_all()
    assert [a.plan.id for a in results] == ["skp-guru", "skp-rekan"]
    guru, rekan = results
    # Pejabat penilai: Di Atas hasil, Sesuai perilaku -> Baik (the self assessment is advisory).
    assert (guru.rating_hasil_kerja, guru.rating_perilaku_kerja) == (Rating.DI_ATAS, Rating.SESUAI)
    assert guru.predikat is Predikat.BAIK
    assert [a.role for a in guru.assessments] == [AssessorRole.SELF, AssessorRole.PEJABAT_PENILAI]
    # Sesuai hasil, Di Bawah perilaku -> Kurang/Misconduct.
    assert rekan.predikat is Predikat.KURANG


def test_labels_synonyms_and_separated_nips_are_accepted_on_input() -> None:
    data = document()
    data["employees"][1]["nip"] = "19860926 201505 1 001"
    data["employees"][1]["position"]["jenjang"] = "Ahli Muda"
    data["plans"][0]["employee_nip"] = "19860926-201505-1-001"
    data["assessments"][0]["role"] = "Pejabat Penilai Kinerja"
    data["assessments"][0]["hasil_kerja"] = "Di Atas Ekspektasi"
    data["assessments"][0]["perilaku_kerja"] = "sesuai"
    assert load_document(data) == load_document(BASE)


def test_the_schema_version_is_required() -> None:
    data = document()
    del data["schema_version"]
    error = fails(data, SchemaError)
    assert (error.path, error.rule) == ("$.schema_version", "SCHEMA-missing")


# --- content errors: the domain's own error at the JSON path -------------------------------------


def test_a_bad_nip_inside_employees_names_the_json_path_and_the_nip_rule() -> None:
    data = document()
    data["employees"][0]["nip"] = "197813172003122001"  # month 13
    error = fails(data, NipError)
    assert error.path == "$.employees[0].nip"
    assert error.rule == "NIP-BIRTH-DATE"
    assert error.value == "197813172003122001"
    data = document()
    data["employees"][1]["superior_nip"] = "1978"
    error = fails(data, NipError)
    assert (error.path, error.rule, error.value) == (
        "$.employees[1].superior_nip",
        "NIP-FORMAT",
        "1978",
    )


def test_a_bad_period_names_its_path() -> None:
    data = document()
    data["plans"][0]["period"] = "2025-Q5"
    error = fails(data, PeriodError)
    assert (error.path, error.rule, error.value) == (
        "$.plans[0].period",
        "PERIOD-FORMAT",
        "2025-Q5",
    )
    data = document()
    data["assessments"][2]["period"] = "2025-06-30/2025-01-01"
    error = fails(data, PeriodError)
    assert error.path == "$.assessments[2].period"
    assert error.rule == "PERIOD-DATES"


def test_an_unknown_enum_code_names_its_path_and_the_choices() -> None:
    data = document()
    data["assessments"][0]["hasil_kerja"] = "bagus"
    error = fails(data, LabelError)
    assert (error.path, error.rule, error.value) == (
        "$.assessments[0].hasil_kerja",
        "D12-LABELS",
        "bagus",
    )
    assert "di_atas_ekspektasi" in (error.fix or "")
    data = document()
    data["assessments"][3]["behaviour_ratings"] = {"jujur": "sesuai_ekspektasi"}
    error = fails(data, LabelError)
    assert (error.path, error.value) == ("$.assessments[3].behaviour_ratings.jujur", "jujur")
    data = document()
    data["plans"][0]["work_results"][0]["indicators"][1]["aspect"] = "kecepatan"
    error = fails(data, LabelError)
    assert error.path == "$.plans[0].work_results[0].indicators[1].aspect"
    # Two keys naming the same value would collapse silently: refused.
    data = document()
    data["assessments"][3]["behaviour_ratings"] = {
        "kolaboratif": "sesuai_ekspektasi",
        "Kolaboratif": "di_bawah_ekspektasi",
    }
    error = fails(data, SchemaError)
    assert (error.path, error.rule) == (
        "$.assessments[3].behaviour_ratings",
        "SCHEMA-duplicate_key",
    )
    assert "'kolaboratif' and 'Kolaboratif'" in error.message
    # A key that is not a plain name is quoted in the path.
    data = document()
    data["assessments"][0]["work_result_ratings"] = {"rhk-1": "luar biasa"}
    error = fails(data, LabelError)
    assert (error.path, error.value) == (
        "$.assessments[0].work_result_ratings['rhk-1']",
        "luar biasa",
    )


def test_a_reversed_target_range_names_the_upper_bound() -> None:
    data = document()
    data["plans"][0]["work_results"][0]["indicators"][1]["target"] = {"lower": "5", "upper": "3"}
    error = fails(data, InputError)
    assert error.path == "$.plans[0].work_results[0].indicators[1].target.upper"
    assert error.rule == "TARGET-RANGE"
    assert error.value == "3"


def test_a_jabatan_fungsional_without_jenjang_names_the_position() -> None:
    data = document()
    del data["employees"][1]["position"]["jenjang"]
    error = fails(data, InputError)
    assert (error.path, error.rule) == ("$.employees[1].position.jenjang", "POSITION-JENJANG")


def test_plan_rules_are_reported_at_the_document_field_names() -> None:
    data = document()
    data["plans"][0]["pejabat_penilai_nip"] = GURU
    error = fails(data, PlanError)
    assert (error.path, error.rule, error.value) == (
        "$.plans[0].pejabat_penilai_nip",
        "PLAN-ROLES",
        GURU,
    )
    data = document()
    data["plans"][0]["work_results"][0]["kind"] = "tambahan"
    error = fails(data, PlanError)
    assert (error.path, error.rule) == ("$.plans[0].work_results", "PLAN-UTAMA")
    data = document()
    data["plans"][0]["behaviours"] = [{"value": "kompeten"}]
    error = fails(data, PlanError)
    assert (error.path, error.rule) == ("$.plans[0].behaviours", "PLAN-BERAKHLAK")


def test_an_assessment_without_its_assessor_names_the_json_field() -> None:
    data = document()
    del data["assessments"][1]["assessor_nip"]
    error = fails(data, AssessmentError)
    assert (error.path, error.rule) == ("$.assessments[1].assessor_nip", "ASSESSMENT-ASSESSOR")


# --- references and duplicates -------------------------------------------------------------------


def test_an_assessment_for_an_unknown_plan_is_refused_at_plan_id() -> None:
    data = document()
    data["assessments"][2]["plan_id"] = "skp-lain"
    error = fails(data, SchemaError)
    assert (error.path, error.rule, error.value) == (
        "$.assessments[2].plan_id",
        "SCHEMA-unknown_reference",
        "skp-lain",
    )


def test_a_plan_naming_an_unlisted_employee_is_refused_at_the_nip_field() -> None:
    data = document()
    data["plans"][1]["pejabat_penilai_nip"] = PPPK
    error = fails(data, SchemaError)
    assert (error.path, error.rule, error.value) == (
        "$.plans[1].pejabat_penilai_nip",
        "SCHEMA-unknown_reference",
        PPPK,
    )


def test_duplicate_ids_are_refused_at_the_second_occurrence() -> None:
    data = document()
    data["employees"].append(copy.deepcopy(data["employees"][1]))
    error = fails(data, SchemaError)
    assert (error.path, error.rule, error.value) == (
        "$.employees[4].nip",
        "SCHEMA-duplicate_id",
        GURU,
    )
    data = document()
    data["plans"][1]["id"] = "skp-guru"
    error = fails(data, SchemaError)
    assert (error.path, error.rule, error.value) == (
        "$.plans[1].id",
        "SCHEMA-duplicate_id",
        "skp-guru",
    )
    data = document()
    data["plans"][0]["work_results"][0]["indicators"][1]["id"] = "iki-1"
    error = fails(data, DuplicateError)
    assert (error.path, error.rule, error.value) == (
        "$.plans[0].work_results[0].indicators[1].id",
        "PLAN-UNIQUE-ID",
        "iki-1",
    )


def test_a_second_plan_for_one_employee_and_period_is_refused() -> None:
    """Reproduces issue 10 s.4: a copy of a plan under a look-alike id was accepted, and the
    employee was appraised (and counted by calibrate) twice."""
    data = document()
    twin = copy.deepcopy(data["plans"][0])
    twin["id"] = "skp-guru-2"
    data["plans"].append(twin)
    error = fails(data, DuplicateError)
    assert (error.path, error.rule, error.value) == ("$.plans[2].period", "DOCUMENT-UNIQUE", "2025")
    assert GURU in error.message
    assert "'skp-guru'" in error.message
    assert "'skp-guru-2'" in error.message


def test_plans_of_one_employee_for_different_periods_are_accepted() -> None:
    data = document()
    other = copy.deepcopy(data["plans"][0])
    other["id"] = "skp-guru-2024"
    other["period"] = "2024"
    data["plans"].append(other)
    assert len(load_document(data).plans) == 3


def test_a_pejabat_penilai_other_than_the_named_superior_is_refused_by_the_loader() -> None:
    """Reproduces issue 10 s.4: with the employee's superior listed, a plan could name a peer
    as pejabat penilai and be appraised by them."""
    data = document()
    assert data["employees"][1]["superior_nip"] == KABID
    data["plans"][0]["pejabat_penilai_nip"] = REKAN
    error = fails(data, PlanError)
    assert (error.path, error.rule, error.value) == (
        "$.plans[0].pejabat_penilai_nip",
        "PLAN-PEJABAT-PENILAI",
        REKAN,
    )


# --- policies and guards -------------------------------------------------------------------------


WEIGHTED = {
    "kind": "weighted_sources",
    "weights": {"self": "20", "pejabat_penilai": "60", "peer": "20"},
    "sesuai_from": "1.5",
    "di_atas_from": "2.5",
}


def test_policies_and_guards_are_read_and_written_out_in_full() -> None:
    data = document(
        policy={
            "kind": "per_dimension",
            "hasil_kerja": WEIGHTED,
            "perilaku_kerja": {"kind": "supervisor_decides"},
        },
        guards={"min_anonymous_responses": 5, "anonymous_roles": ["subordinate"]},
        organisation_predikat="Baik",
    )
    doc = load_document(data)
    assert doc.policy == PerDimension(
        WeightedSources({"self": 20, "pejabat_penilai": 60, "peer": 20}), SupervisorDecides()
    )
    assert doc.guards == Guards(5, [AssessorRole.SUBORDINATE])
    assert doc.organisation_predikat is OrganisationPredikat.BAIK
    dumped = dump_document(doc)
    assert dumped["policy"]["hasil_kerja"] == {
        "kind": "weighted_sources",
        "weights": {"self": "20", "pejabat_penilai": "60", "peer": "20"},
        "scale": {"di_bawah_ekspektasi": "1", "sesuai_ekspektasi": "2", "di_atas_ekspektasi": "3"},
        "sesuai_from": "1.5",
        "di_atas_from": "2.5",
    }
    assert dumped["organisation_predikat"] == "baik"
    assert load_document(dumped) == doc
    # Self Di Atas (20 %) and pejabat penilai Di Atas (60 %): score 3 -> Di Atas; the
    # colleague's self Sesuai (20 %) and pejabat Sesuai -> 2 -> Sesuai.
    guru, rekan = doc.appraise_all()
    assert guru.rating_hasil_kerja is Rating.DI_ATAS
    assert rekan.rating_hasil_kerja is Rating.SESUAI


def test_an_unknown_policy_kind_is_reported_at_kind() -> None:
    error = fails(document(policy={"kind": "majority"}), SchemaError)
    assert (error.path, error.rule, error.value) == (
        "$.policy.kind",
        "SCHEMA-union_tag_invalid",
        "majority",
    )
    error = fails(document(policy={"weights": {}}), SchemaError)
    assert (error.path, error.rule) == ("$.policy.kind", "SCHEMA-union_tag_not_found")


def test_errors_inside_nested_policies_leave_out_the_kind_tag() -> None:
    nested = dict(WEIGHTED, sesuai_from=1.5)
    error = fails(
        document(
            policy={
                "kind": "per_dimension",
                "hasil_kerja": {"kind": "supervisor_decides"},
                "perilaku_kerja": nested,
            }
        ),
        DecimalInputError,
    )
    assert (error.path, error.rule) == ("$.policy.perilaku_kerja.sesuai_from", "D5-EXACT")
    error = fails(document(policy=dict(WEIGHTED, extra=1)), SchemaError)
    assert (error.path, error.rule) == ("$.policy.extra", "SCHEMA-extra_forbidden")
    error = fails(document(policy=dict(WEIGHTED, weights={"boss": "1"})), LabelError)
    assert (error.path, error.value) == ("$.policy.weights.boss", "boss")


def test_policy_configuration_rules_are_reported_under_the_policy() -> None:
    bad = dict(WEIGHTED, sesuai_from="2.5", di_atas_from="1.5")
    error = fails(
        document(policy={"kind": "per_dimension", "hasil_kerja": bad, "perilaku_kerja": WEIGHTED}),
        PolicyError,
    )
    assert (error.path, error.rule) == ("$.policy.hasil_kerja", "W-THRESHOLDS")
    error = fails(document(policy=dict(WEIGHTED, weights={"self": "1"})), PolicyError)
    assert (error.path, error.rule) == ("$.policy.weights", "W-WEIGHTS")
    error = fails(document(guards={"min_anonymous_responses": 0}), PolicyError)
    assert (error.path, error.rule, error.value) == (
        "$.guards.min_anonymous_responses",
        "G-ANONYMITY",
        0,
    )
    error = fails(document(guards={"min_anonymous_responses": "3"}), SchemaError)
    assert (error.path, error.rule) == ("$.guards.min_anonymous_responses", "SCHEMA-int_type")


# --- appraise_all: engine errors at the document's JSON paths ------------------------------------


def test_an_assessment_by_the_wrong_person_is_refused_at_its_document_index() -> None:
    data = document()
    data["assessments"][3]["assessor_nip"] = GURU  # a colleague, not the pejabat penilai
    error = appraise_fails(data, AuthorityError)
    # The 4th assessment in the document (the 2nd given to the colleague's plan).
    assert (error.path, error.rule, error.value) == (
        "$.assessments[3].assessor_nip",
        "AUTH-PEJABAT-PENILAI",
        GURU,
    )


def test_other_engine_errors_point_into_the_document() -> None:
    data = document()
    del data["assessments"][3]
    error = appraise_fails(data, MissingAssessmentError)
    assert (error.path, error.rule) == ("$.assessments", "6/2022-PEJABAT-PENILAI")
    assert "skp-rekan" in error.message

    data = document()
    del data["assessments"][3]["perilaku_kerja"]
    error = appraise_fails(data, AssessmentError)
    assert (error.path, error.rule) == ("$.assessments[3].perilaku_kerja", "6/2022-PEJABAT-PENILAI")

    data = document()
    data["assessments"][1]["period"] = "2025-Q1"
    error = appraise_fails(data, AssessmentError)
    assert (error.path, error.rule) == ("$.assessments[1].period", "ASSESSMENT-PERIOD")

    data = document()
    data["assessments"][3]["realisations"] = [{"indicator_id": "iki-9"}]
    error = appraise_fails(data, AssessmentError)
    assert (error.path, error.value) == ("$.assessments[3].realisations", "iki-9")

    data = document()
    data["assessments"].append(copy.deepcopy(data["assessments"][1]))
    error = appraise_fails(data, DuplicateError)
    assert (error.path, error.rule) == ("$.assessments[4]", "ASSESSMENT-UNIQUE")

    data = document()
    data["plans"][0]["leads_unit"] = True
    error = appraise_fails(data, AppraisalError)
    assert (error.path, error.rule) == ("$.organisation_predikat", "D3-UNIT-HEAD")


# --- the document in Python ----------------------------------------------------------------------


def test_a_document_built_in_python_checks_its_references() -> None:
    doc = load_document(BASE)
    with pytest.raises(InputError) as info:
        attrs.evolve(doc, employees=doc.employees[1:])
    assert (info.value.path, info.value.rule) == ("plans[0].pejabat_penilai", "DOCUMENT-REFERENCE")
    with pytest.raises(DuplicateError) as info:
        attrs.evolve(doc, employees=(*doc.employees, doc.employees[0]))
    assert info.value.path == "employees[4].nip"
    with pytest.raises(DuplicateError):
        attrs.evolve(doc, plans=(*doc.plans, doc.plans[0]))
    with pytest.raises(InputError) as info:
        attrs.evolve(doc, plans=doc.plans[:1])
    assert info.value.path == "assessments[2].plan_id"


def test_a_custom_policy_cannot_be_written_to_json() -> None:
    @attrs.frozen
    class Strict(SupervisorDecides):
        pass

    doc = attrs.evolve(load_document(BASE), policy=Strict())
    with pytest.raises(SchemaError) as info:
        dump_document(doc)
    assert (info.value.path, info.value.rule) == ("$.policy", "SCHEMA-policy_kind")


def test_the_appraise_and_dump_of_a_hand_built_plan_agree() -> None:
    doc = load_document(BASE)
    direct = appraise(doc.plans[0], doc.assessments[:2])
    assert dump_result(direct) == dump_result(doc.appraise_all()[0])


# --- the reference page --------------------------------------------------------------------------


def test_the_example_in_the_reference_page_is_canonical_and_appraised_as_documented() -> None:
    page = Path(__file__).parents[3] / "docs" / "reference" / "json.md"
    text = page.read_text(encoding="utf-8")
    match = re.search(r"^```json\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)
    assert match is not None
    example = match.group(1)
    doc = load_document(example)
    assert dump_document(doc) == json.loads(example)  # exactly what dump_document writes
    (appraisal,) = doc.appraise_all()
    assert appraisal.predikat is Predikat.SANGAT_BAIK
    assert "G-ANONYMITY" in [step.rule for step in appraisal.explanation]


# --- JSON Schema and layering --------------------------------------------------------------------


def test_the_input_json_schema_describes_the_document() -> None:
    schema = input_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"schema_version", "employees", "plans"}
    for key in ("employees", "plans", "assessments", "policy", "guards", "organisation_predikat"):
        assert key in schema["properties"]
    defs = schema["$defs"]
    assert "Sasaran Kinerja Pegawai" in defs["PlanRefModel"]["title"]
    assert "Indikator Kinerja Individu" in defs["IndicatorModel"]["title"]
    assert defs["EmployeeModel"]["properties"]["nip"]["pattern"] == "^[0-9]{18}$"
    target = defs["TargetModel"]["properties"]["lower"]
    assert {"type": "number"} in target["anyOf"]
    rating = defs["AssessmentModel"]["properties"]["hasil_kerja"]["anyOf"][0]
    assert rating["enum"] == ["di_bawah_ekspektasi", "sesuai_ekspektasi", "di_atas_ekspektasi"]
    json.dumps(schema)  # plain JSON


def _nodes(node: object) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node, *(n for value in node.values() for n in _nodes(value))]
    if isinstance(node, list):
        return [n for value in node for n in _nodes(value)]
    return []


def test_the_schemas_limit_sizes_with_the_keyword_of_each_type() -> None:
    for schema in (input_json_schema(), output_json_schema()):
        for node in _nodes(schema):
            if node.get("type") in ("object", "array"):
                assert "maxLength" not in node
    lists = [n for n in _nodes(input_json_schema()) if n.get("type") == "array" and "maxItems" in n]
    assert {n["maxItems"] for n in lists} >= {200_000}


def test_the_output_json_schema_is_an_array_of_result_records() -> None:
    schema = output_json_schema()
    assert schema["type"] == "array"
    record = schema["$defs"]["ResultModel"]
    assert "assessments" not in record["properties"]
    assert {"nip", "predikat", "predikat_label", "reason", "explanation"} <= set(record["required"])
    json.dumps(schema)


def test_importing_the_package_does_not_load_pydantic() -> None:
    code = "import sys, asn_performance; print('pydantic' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
    code = (
        "import sys, asn_performance.boundary.appraisal_document; print('pydantic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"


# --- reward inputs -------------------------------------------------------------------------------


REWARD_INPUTS: dict[str, Any] = {
    GURU: {
        "kelas": 9,
        "attendance": {"2025-03": {"days_absent": 1, "missed_ceremonies": 2}},
        "prior_angka_kredit": "70.25",
        "result_received_on": "2026-01-20",
    },
    "19901010 201503 1 001": {},  # REKAN, with separators: every field left out
}


def test_reward_inputs_are_read_and_written_out_in_full() -> None:
    from asn_performance.consequences import Attendance, RewardInputs

    doc = load_document(document(reward_inputs=REWARD_INPUTS))
    assert doc.reward_inputs[Nip(GURU)] == RewardInputs(
        kelas=9,
        attendance={"2025-03": Attendance(days_absent=1, missed_ceremonies=2)},
        prior_angka_kredit=Decimal("70.25"),
        result_received_on=dt.date(2026, 1, 20),
    )
    assert doc.reward_inputs[Nip(REKAN)] == RewardInputs()
    dumped = dump_document(doc)
    assert dumped["reward_inputs"][GURU] == {
        "kelas": 9,
        "attendance": {
            "2025-03": {
                "days_absent": 1,
                "missing_checks": 0,
                "minutes_late_or_early": 0,
                "missed_ceremonies": 2,
            }
        },
        "prior_angka_kredit": "70.25",
        "result_received_on": "2026-01-20",
    }
    assert dumped["reward_inputs"][REKAN] == {
        "kelas": None,
        "attendance": {},
        "prior_angka_kredit": "0",
        "result_received_on": None,
    }
    assert load_document(dumped) == doc
    assert load_document(to_json(dumped)) == doc
    assert dump_document(load_document(BASE))["reward_inputs"] == {}


def test_reward_inputs_for_an_unlisted_employee_are_refused() -> None:
    error = fails(document(reward_inputs={PPPK: {"kelas": 7}}), SchemaError)
    assert (error.path, error.rule) == (f"$.reward_inputs['{PPPK}']", "SCHEMA-unknown_reference")


def test_two_spellings_of_one_nip_in_reward_inputs_are_refused() -> None:
    inputs = {GURU: {}, "19860926 201505 1 001": {"kelas": 7}}
    error = fails(document(reward_inputs=inputs), SchemaError)
    assert (error.path, error.rule) == ("$.reward_inputs", "SCHEMA-duplicate_key")


@pytest.mark.parametrize(
    ("entry", "path", "rule"),
    [
        ({"kelas": 0}, ".kelas", "SCHEMA-greater_than_equal"),
        ({"kelas": "7"}, ".kelas", "SCHEMA-int_type"),
        ({"attendance": {"2025-Q1": {}}}, ".attendance['2025-Q1']", "TUKIN-ATTENDANCE"),
        ({"attendance": {"2025-03": {"days_absent": -1}}}, ".attendance['2025-03'].days_absent",
         "SCHEMA-greater_than_equal"),
        ({"attendance": {"2025-03": {"late": 5}}}, ".attendance['2025-03'].late",
         "SCHEMA-extra_forbidden"),
        ({"prior_angka_kredit": "-1"}, ".prior_angka_kredit", "D5-NONNEGATIVE"),
        ({"result_received_on": "2026-02-30"}, ".result_received_on", "SCHEMA-date_format"),
    ],
)  # fmt: skip
def test_bad_reward_inputs_name_their_path(entry: dict[str, Any], path: str, rule: str) -> None:
    error = fails(document(reward_inputs={GURU: entry}))
    assert (error.path, error.rule) == (f"$.reward_inputs['{GURU}']{path}", rule)


def test_rewards_are_evaluated_per_employee_with_the_document_inputs() -> None:
    from asn_performance.consequences import NATIONAL

    doc = load_document(document(reward_inputs=REWARD_INPUTS))
    guru, rekan = doc.evaluate_rewards(NATIONAL)
    # The guru: Ahli Muda, hasil Di Atas, perilaku Sesuai → Baik: 100 % × 25 = 25, plus 70.25
    # held = 95.25 (short of the pangkat minimum 100 by 4.75).
    assert guru.nip == GURU
    assert guru.angka_kredit_total is not None
    assert guru.angka_kredit_total.shown == Decimal("95.25")
    assert guru.minimums[0].shortfall == Decimal("4.75")
    # The colleague: Ahli Pertama, Sesuai / Di Bawah → Kurang: 50 % × 12.5 = 6.25; pembinaan.
    assert rekan.angka_kredit_total is not None
    assert rekan.angka_kredit_total.shown == Decimal("6.25")
    assert rekan.consequences is not None
    assert rekan.consequences.pembinaan


def test_reward_errors_point_into_the_document() -> None:
    from asn_performance.consequences import KEMNAKER_2025, RewardPolicy

    policy = RewardPolicy("kemnaker", "2025", allowance=KEMNAKER_2025)
    data = document(reward_inputs={GURU: {"kelas": 18}})
    for plan in data["plans"]:
        plan["period"] = "2025-03"
    for assessment in data["assessments"]:
        assessment["period"] = "2025-03"
        assessment["given_on"] = "2025-04-02"
    doc = load_document(data)
    with pytest.raises(InputError) as info:
        doc.evaluate_rewards(policy)
    # Kelas 18 is not in the Kemnaker table (kelas 1-17).
    assert (info.value.path, info.value.rule) == (f"$.reward_inputs['{GURU}'].kelas", "TUKIN-KELAS")
    # A part-year span that is not whole months cannot be prorated for angka kredit.
    for plan in data["plans"]:
        plan["period"] = "2025-01-15/2025-06-30"
    for assessment in data["assessments"]:
        assessment["period"] = "2025-01-15/2025-06-30"
        assessment["given_on"] = "2025-07-02"
    with pytest.raises(InputError) as info:
        load_document(data).evaluate_rewards(policy)
    assert (info.value.path, info.value.rule) == ("$.plans[0].period", "AK-MONTHS")
    with pytest.raises(PolicyError):
        doc.evaluate_rewards("national")  # type: ignore[arg-type]


def test_a_document_built_in_python_checks_its_reward_inputs() -> None:
    from asn_performance.consequences import RewardInputs

    doc = load_document(BASE)
    with pytest.raises(InputError) as info:
        attrs.evolve(doc, reward_inputs={PPPK: RewardInputs()})
    assert (info.value.path, info.value.rule) == (f"reward_inputs['{PPPK}']", "DOCUMENT-REFERENCE")
    with pytest.raises(InputError) as info:
        attrs.evolve(doc, reward_inputs={GURU: {"kelas": 7}})
    assert info.value.rule == "TYPE"
    evolved = attrs.evolve(doc, reward_inputs={GURU: RewardInputs(kelas=7)})
    assert evolved.reward_inputs[Nip(GURU)].kelas == 7
