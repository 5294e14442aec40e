"""The trusted build of a validated document (boundary._trusted_build, issue 12) gives the same
objects as the validated constructors, and the same errors for bad documents.

The reference is the build as it was before: every domain constructor with its converters and
validators (the ``validated_*`` functions below, patched in place of the trusted builders).
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

import pytest
from boundary_story import BASE, GURU

from asn_performance.boundary import _trusted_build, part_documents
from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    dump_document,
    load_document,
    sample_document,
)
from asn_performance.boundary.part_documents import (
    dump_appraisal,
    dump_plan,
    load_appraisal,
    load_plan,
)
from asn_performance.domain.assessment import Assessment, Realisation
from asn_performance.domain.employee import Employee, Position
from asn_performance.domain.plan import (
    BehaviourExpectation,
    Indicator,
    PerformancePlan,
    Target,
    WorkResult,
)
from asn_performance.exceptions import AsnPerformanceError
from asn_performance.services.sample import sample_unit
from asn_performance.services.unit import appraise_unit

# --- the validated build, as the boundary did it before --------------------------------------


def validated_employee(model: Any) -> Employee:
    given = model.position
    position = Position(given.kind, given.title, given.jenjang)
    return Employee(model.nip, model.name, position, model.unit, model.superior_nip)


def validated_work_result(model: Any) -> WorkResult:
    return WorkResult(
        model.id,
        model.text,
        tuple(
            Indicator(
                item.id,
                item.text,
                Target(item.target.lower, item.target.upper, item.target.unit),
                item.aspect,
                item.direction,
            )
            for item in model.indicators
        ),
        model.kind,
        model.leader_work_result,
    )


def validated_behaviour(value: Any, special_expectation: str | None) -> BehaviourExpectation:
    return BehaviourExpectation(value, special_expectation)


def validated_plan(model: Any, people: Any, work_results: Any, behaviours: Any) -> Any:
    employee, pejabat, atasan = people
    return PerformancePlan(
        id=model.id,
        employee=employee,
        pejabat_penilai=pejabat,
        period=model.period,
        work_results=work_results,
        behaviours=behaviours,
        atasan_pejabat_penilai=atasan,
        approach=model.approach,
        leads_unit=model.leads_unit,
    )


def validated_assessment(model: Any) -> Assessment:
    return Assessment(
        plan_id=model.plan_id,
        role=model.role,
        assessor=model.assessor_nip,
        given_on=model.given_on,
        period=model.period,
        hasil_kerja=model.hasil_kerja,
        perilaku_kerja=model.perilaku_kerja,
        work_result_ratings=dict(model.work_result_ratings),
        behaviour_ratings=dict(model.behaviour_ratings),
        feedback=model.feedback,
        anonymised=model.anonymised,
        realisations=tuple(
            Realisation(r.indicator_id, r.value, tuple(r.evidence), r.feedback)
            for r in model.realisations
        ),
    )


_VALIDATED = {
    "trusted_employee": validated_employee,
    "trusted_work_result": validated_work_result,
    "trusted_behaviour": validated_behaviour,
    "trusted_plan": validated_plan,
    "trusted_assessment": validated_assessment,
}


def both(load: Any, source: Any) -> tuple[Any, Any]:
    """``load(source)`` by the trusted build, then by the validated build."""
    trusted = load(copy.deepcopy(source))
    with pytest.MonkeyPatch.context() as patch:
        for name, function in _VALIDATED.items():
            patch.setattr(part_documents, name, function)
        checked = load(copy.deepcopy(source))
    return trusted, checked


def assert_same_document(trusted: AppraisalDocument, checked: AppraisalDocument) -> None:
    assert trusted == checked
    assert dump_document(trusted) == dump_document(checked)
    for ours, theirs in zip(trusted.employees, checked.employees, strict=True):
        assert ours == theirs
        assert ours.to_dict() == theirs.to_dict()
        assert ours.position == theirs.position
    for ours, theirs in zip(trusted.plans, checked.plans, strict=True):
        assert ours == theirs
        assert hash(ours) == hash(theirs)
        assert ours.to_dict() == theirs.to_dict()
        assert ours.indicator_ids == theirs.indicator_ids
        assert ours.work_result_ids == theirs.work_result_ids
    for ours, theirs in zip(trusted.assessments, checked.assessments, strict=True):
        assert ours == theirs
        assert hash(ours) == hash(theirs)
        assert ours.to_dict() == theirs.to_dict()
        assert ours.sort_key == theirs.sort_key
    # the objects work the same way downstream
    assert trusted.appraise_all() == checked.appraise_all()


# --- documents --------------------------------------------------------------------------------


def _rich_document() -> dict[str, Any]:
    """The story's document with what the plain one leaves out: behaviours with special
    expectations, a ranged and a zero target, an RHK tambahan with a leader's RHK, a jabatan
    fungsional, realisations with evidence, zero and no value, feedback."""
    data = copy.deepcopy(BASE)
    data["employees"][1]["position"] = {
        "kind": "fungsional",
        "title": "Guru Ahli Muda",
        "jenjang": "ahli_muda",
    }
    plan = data["plans"][0]
    plan["behaviours"] = [
        {"value": value, "special_expectation": "Tepat waktu" if value == "akuntabel" else None}
        for value in (
            "berorientasi_pelayanan",
            "akuntabel",
            "kompeten",
            "harmonis",
            "loyal",
            "adaptif",
            "kolaboratif",
        )
    ]
    plan["work_results"].append(
        {
            "id": "rhk-extra",
            "text": "Menjadi narasumber",
            "kind": "tambahan",
            "leader_work_result": "Meningkatnya mutu pendidikan",
            "indicators": [
                {
                    "id": "iki-range",
                    "text": "Kegiatan",
                    "target": {"lower": "80", "upper": "90.50", "unit": "%"},
                },
                {
                    "id": "iki-zero",
                    "text": "Keluhan",
                    "direction": "lower_is_better",
                    "aspect": "kualitas",
                    "target": {"lower": 0, "unit": "keluhan"},
                },
            ],
        }
    )
    for assessment in data["assessments"]:
        if assessment["role"] == "pejabat_penilai" and assessment["plan_id"] == plan["id"]:
            assessment["realisations"] = [
                {"indicator_id": "iki-range", "value": "85", "evidence": ["https://x/1", "foto"]},
                {"indicator_id": "iki-zero", "value": "0.00", "feedback": "Baik"},
            ]
            assessment["feedback"] = "Pertahankan"
    return data


def _documents() -> list[tuple[str, dict[str, Any]]]:
    return [
        ("story", copy.deepcopy(BASE)),
        ("story, rich", _rich_document()),
        ("sample", json.loads(json.dumps(dump_document(sample_document())))),
    ]


def test_the_rich_document_is_read() -> None:
    document = load_document(_rich_document())
    plan = document.plans[0]
    assert plan.behaviours[1].special_expectation == "Tepat waktu"
    assert plan.work_results[-1].indicators[0].target.upper is not None


@pytest.mark.parametrize(("name", "data"), _documents(), ids=[name for name, _ in _documents()])
def test_the_trusted_build_equals_the_validated_build(name: str, data: dict[str, Any]) -> None:
    trusted, checked = both(load_document, data)
    assert_same_document(trusted, checked)
    # and as JSON text, the way the command line reads it
    text = json.dumps(data)
    trusted_text, checked_text = both(load_document, text)
    assert_same_document(trusted_text, checked_text)
    assert trusted_text == trusted


def test_standalone_plans_and_appraisals_build_equal() -> None:
    sample = sample_unit()
    appraisals = appraise_unit(
        sample.plans,
        sample.assessments,
        policy=sample.policy,
        guards=sample.guards,
        organisation_predikat=sample.organisation_predikat,
    )
    for appraisal in appraisals:
        record = json.loads(json.dumps(dump_appraisal(appraisal)))
        trusted, checked = both(load_appraisal, record)
        assert trusted == checked == appraisal
        assert trusted.to_dict() == checked.to_dict() == appraisal.to_dict()
        for ours, theirs in zip(trusted.assessments, checked.assessments, strict=True):
            assert ours.sort_key == theirs.sort_key
            assert ours.to_dict() == theirs.to_dict()
        plan_trusted, plan_checked = both(load_plan, dump_plan(appraisal.plan))
        assert plan_trusted == plan_checked == appraisal.plan
        assert plan_trusted.to_dict() == plan_checked.to_dict()


# --- bad documents: the same error as the validated build -------------------------------------


def _with(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    change(data)
    return data


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


_BAD = {
    "name of spaces": _set(("employees", 0, "name"), "   "),
    "unit of spaces": _set(("employees", 0, "unit"), " "),
    "title of spaces": _set(("employees", 0, "position", "title"), "  "),
    "jenjang of a pelaksana": _set(("employees", 0, "position", "jenjang"), "ahli_muda"),
    "fungsional without jenjang": _set(("employees", 0, "position", "kind"), "fungsional"),
    "own superior": _set(("employees", 0, "superior_nip"), BASE["employees"][0]["nip"]),
    "plan id with a space": _set(("plans", 0, "id"), " skp-1"),
    "rhk id unprintable": _set(("plans", 0, "work_results", 0, "id"), "rhk\x00"),
    "rhk text of spaces": _set(("plans", 0, "work_results", 0, "text"), "   "),
    "leader rhk of spaces": _set(("plans", 0, "work_results", 0, "leader_work_result"), " "),
    "iki id with a space": _set(("plans", 0, "work_results", 0, "indicators", 0, "id"), "a "),
    "iki text of spaces": _set(("plans", 0, "work_results", 0, "indicators", 0, "text"), " "),
    "negative target": _set(
        ("plans", 0, "work_results", 0, "indicators", 0, "target"), {"lower": "-1"}
    ),
    "negative upper": _set(
        ("plans", 0, "work_results", 0, "indicators", 0, "target"),
        {"lower": "1", "upper": "-2"},
    ),
    "reversed range": _set(
        ("plans", 0, "work_results", 0, "indicators", 0, "target"),
        {"lower": "9", "upper": "2"},
    ),
    "no rhk utama": _set(("plans", 0, "work_results", 0, "kind"), "tambahan"),
    "a value twice": _set(("plans", 0, "behaviours"), [{"value": "loyal"}] * 7),
    "special expectation of spaces": _set(
        ("plans", 0, "behaviours"),
        [{"value": v, "special_expectation": " "} for v in ("loyal",)],
    ),
    "pejabat is the employee": _set(("plans", 0, "pejabat_penilai_nip"), GURU),
    "assessment plan id with a space": _set(("assessments", 0, "plan_id"), "skp-1 "),
    "assessment feedback of spaces": _set(("assessments", 0, "feedback"), "  "),
    "no rating": _set(
        ("assessments", 0),
        {
            **BASE["assessments"][0],
            "hasil_kerja": None,
            "perilaku_kerja": None,
            "work_result_ratings": {},
            "behaviour_ratings": {},
        },
    ),
    "given before the period": _set(("assessments", 0, "given_on"), "2020-01-01"),
    "negative realisation": _set(
        ("assessments", 0, "realisations"), [{"indicator_id": "x", "value": "-5"}]
    ),
    "realisation id with a space": _set(
        ("assessments", 0, "realisations"), [{"indicator_id": " x", "value": "5"}]
    ),
    "evidence of spaces": _set(
        ("assessments", 0, "realisations"), [{"indicator_id": "x", "evidence": ["  "]}]
    ),
    "realisation feedback of spaces": _set(
        ("assessments", 0, "realisations"), [{"indicator_id": "x", "feedback": " "}]
    ),
    "realised twice": _set(
        ("assessments", 0, "realisations"), [{"indicator_id": "x"}, {"indicator_id": "x"}]
    ),
    "anonymised self": _set(("assessments", 0), {**BASE["assessments"][0], "anonymised": True}),
}


@pytest.mark.parametrize("case", list(_BAD))
def test_a_bad_document_gives_the_same_error_as_the_validated_build(case: str) -> None:
    data = _with(_BAD[case])
    errors = []
    for patched in (False, True):
        with pytest.MonkeyPatch.context() as patch:
            if patched:
                for name, function in _VALIDATED.items():
                    patch.setattr(part_documents, name, function)
            with pytest.raises(AsnPerformanceError) as info:
                load_document(copy.deepcopy(data))
            error = info.value
            errors.append((type(error), error.path, error.rule, error.value, error.fix, str(error)))
    assert errors[0] == errors[1]
    assert errors[0][1].startswith("$")


def test_every_trusted_builder_has_its_validated_reference() -> None:
    # The trusted_* builders; checked_new and the per-class makers (new_*, shared with the
    # first reading of _fast_parts) are the tools they are built with.
    builders = {name for name in _trusted_build.__all__ if name.startswith("trusted_")}
    assert set(_VALIDATED) == builders
    assert set(_trusted_build.__all__) - builders - {"checked_new"} == {
        "new_assessment",
        "new_behaviour",
        "new_employee",
        "new_indicator",
        "new_plan",
        "new_position",
        "new_realisation",
        "new_target",
        "new_work_result",
    }


def test_checked_new_refuses_a_missing_field_and_runs_the_post_init() -> None:
    with pytest.raises(TypeError, match="give exactly the fields"):
        _trusted_build.checked_new(Position, kind=Position.__attrs_attrs__[0], jenjang=None)
    # the post-init's own invariant and error (TARGET-RANGE)
    with pytest.raises(AsnPerformanceError) as info:
        _trusted_build.checked_new(Target, lower=Decimal(5), upper=Decimal(2), unit="")
    assert info.value.rule == "TARGET-RANGE"
    made = _trusted_build.checked_new(Target, lower=Decimal(2), upper=Decimal(5), unit="%")
    assert made == Target(Decimal(2), Decimal(5), "%")
    assert made.to_dict() == Target(Decimal(2), Decimal(5), "%").to_dict()


def test_a_good_document_is_built_without_the_validated_constructors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(self: object, *args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"{type(self).__name__}.__init__ ran")

    data = _rich_document()
    for cls in (Employee, Position, Target, Indicator, WorkResult, PerformancePlan, Assessment,
                Realisation):  # fmt: skip
        monkeypatch.setattr(cls, "__init__", refuse)
    document = load_document(data)
    assert len(document.assessments) == len(data["assessments"])


def test_the_classes_built_here_take_their_fields_by_name() -> None:
    # checked_new sets the init fields by name: an attrs alias (a private field's init
    # argument) would be a different name, and the class's own __init__ would not match.
    import attrs

    for cls in (Position, Employee, Target, Indicator, WorkResult, BehaviourExpectation,
                PerformancePlan, Assessment, Realisation):  # fmt: skip
        for field in attrs.fields(cls):
            if field.init:
                assert field.alias == field.name, (cls, field.name)
