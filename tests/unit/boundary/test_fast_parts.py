"""The fast reading of a document's parts (boundary._fast_parts, issue 12) gives the same
objects as the wire models, and gives up (to the whole reading) on anything else.

The reference is the whole reading (``_document_whole``): every part validated by its wire
model within the problem budget, then built. Each document here is read both ways and the
results compared object by object; a document the fast reading does not take must still load
equal (or fail with the same error) through ``load_document``.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from boundary_story import BASE, GURU

from asn_performance.boundary import _fast_parts, appraisal_document
from asn_performance.boundary._fast_parts import BUILT_FIELDS, FAST_ITEMS, fast_twin
from asn_performance.boundary._json_text import read_source
from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    dump_document,
    load_document,
    sample_document,
)
from asn_performance.domain.assessment import AssessorRole
from asn_performance.domain.employee import Jenjang, PositionKind
from asn_performance.domain.plan import Approach, Aspect, CoreValue, Direction, WorkResultKind
from asn_performance.domain.rank import Golongan, GolonganPppk
from asn_performance.domain.rating import Rating
from asn_performance.exceptions import AsnPerformanceError


def by_parts(source: Any) -> AppraisalDocument:
    return appraisal_document._document_by_parts(read_source(source))


def whole(source: Any) -> AppraisalDocument:
    return appraisal_document._document_whole(read_source(source))


def assert_same(fast: AppraisalDocument, reference: AppraisalDocument) -> None:
    assert fast == reference
    assert dump_document(fast) == dump_document(reference)
    for ours, theirs in zip(fast.employees, reference.employees, strict=True):
        assert ours.to_dict() == theirs.to_dict()
    for ours, theirs in zip(fast.plans, reference.plans, strict=True):
        assert hash(ours) == hash(theirs)
        assert ours.to_dict() == theirs.to_dict()
        assert ours.indicator_ids == theirs.indicator_ids
    for ours, theirs in zip(fast.assessments, reference.assessments, strict=True):
        assert hash(ours) == hash(theirs)
        assert ours.sort_key == theirs.sort_key
        assert ours.to_dict() == theirs.to_dict()
    assert fast.appraise_all() == reference.appraise_all()


# --- the twins follow the wire models ----------------------------------------------------------


@pytest.mark.parametrize("model", list(BUILT_FIELDS), ids=lambda model: model.__name__)
def test_each_builder_reads_every_field_of_its_wire_model(model: Any) -> None:
    # A field added to a wire model and not to the fast builder would be dropped silently.
    assert set(BUILT_FIELDS[model]) == set(model.model_fields)
    twin = fast_twin(model)
    assert set(twin.__annotations__) == set(model.model_fields)
    required = {name for name, info in model.model_fields.items() if info.is_required()}
    assert set(twin.__required_keys__) == required  # type: ignore[attr-defined]


#: The optional fields whose wire default is not None: the builders read them with the
#: default taken from the wire model (``_fast_parts._default``); every other optional field is
#: read with ``data.get(name)``, None when left out.
_NOT_NONE = {
    ("WorkResultModel", "kind"),
    ("IndicatorModel", "aspect"),
    ("IndicatorModel", "direction"),
    ("TargetModel", "unit"),
    ("PlanRefModel", "approach"),
    ("PlanRefModel", "leads_unit"),
    ("AssessmentModel", "anonymised"),
}


@pytest.mark.parametrize("model", list(BUILT_FIELDS), ids=lambda model: model.__name__)
def test_a_field_left_out_reads_as_the_wire_models_default(model: Any) -> None:
    for name, info in model.model_fields.items():
        if info.is_required():
            continue
        if info.default_factory is not None:  # a list or a dict: read as empty
            assert info.default_factory() in ([], {})
        elif (model.__name__, name) not in _NOT_NONE:
            assert info.default is None, name
        else:
            assert info.default is not None, name


@pytest.mark.parametrize(
    "cls",
    [
        Rating,
        AssessorRole,
        CoreValue,
        Aspect,
        Direction,
        WorkResultKind,
        Approach,
        PositionKind,
        Jenjang,
        Golongan,
        GolonganPppk,
    ],
)
def test_every_code_reads_as_its_own_member(cls: Any) -> None:
    # The twins look a code up as the enum's value in pydantic-core; the wire models parse it.
    for member in cls:
        assert cls.parse(member.value) is member


# --- documents read both ways ------------------------------------------------------------------


def _rich() -> dict[str, Any]:
    """The story's document in a loose hand: labels and synonyms, NIPs with spaces, numbers as
    JSON numbers, behaviours, ranged targets, career data, evidence and feedback."""
    data = copy.deepcopy(BASE)
    employee = data["employees"][1]
    employee["position"] = {"kind": "Fungsional", "title": "Guru Ahli Muda", "jenjang": "ahli_muda"}
    employee["golongan"] = "III/c"
    employee["tmt_pangkat"] = "2019-04-01"
    plan = data["plans"][0]
    plan["behaviours"] = [
        {"value": member.code, "special_expectation": "Tepat waktu" if i == 1 else None}
        for i, member in enumerate(CoreValue)
    ]
    plan["work_results"].append(
        {
            "id": "rhk-extra",
            "text": "Menjadi narasumber",
            "kind": "tambahan",
            "leader_work_result": "Meningkatnya mutu pendidikan",
            "indicators": [
                {"id": "iki-range", "text": "Kegiatan", "target": {"lower": 80, "upper": "90.50"}},
                {
                    "id": "iki-zero",
                    "text": "Keluhan",
                    "direction": "Lower Is Better",
                    "target": {"lower": "0", "unit": "keluhan"},
                },
            ],
        }
    )
    for assessment in data["assessments"]:
        assessment["role"] = assessment["role"].replace("_", " ").upper()
        for item in assessment.get("realisations", []):
            item["evidence"] = ["https://example.go.id/bukti.pdf"]
            item["feedback"] = "Baik"
    return data


def test_the_story_document_reads_the_same_both_ways() -> None:
    text = json.dumps(BASE)
    assert_same(by_parts(text), whole(text))
    assert_same(by_parts(copy.deepcopy(BASE)), whole(copy.deepcopy(BASE)))


def test_a_loosely_written_document_reads_the_same_both_ways() -> None:
    data = _rich()
    text = json.dumps(data)
    assert_same(by_parts(text), whole(text))
    assert load_document(text) == whole(text)


def test_the_sample_document_reads_the_same_both_ways() -> None:
    text = json.dumps(dump_document(sample_document()))
    assert_same(by_parts(text), whole(text))


def test_a_nip_written_with_spaces_is_the_same_nip() -> None:
    data = copy.deepcopy(BASE)
    spaced = f"{GURU[:8]} {GURU[8:14]} {GURU[14]} {GURU[15:]}"
    for plan in data["plans"]:
        if plan["employee_nip"] == GURU:
            plan["employee_nip"] = spaced
    text = json.dumps(data)
    assert_same(by_parts(text), whole(text))


# --- what the fast reading gives up on ---------------------------------------------------------


def test_a_part_over_the_fast_bound_is_read_whole_and_equal() -> None:
    # FAST_ITEMS + 1 pieces of evidence: the twin refuses the list at its length; the wire
    # model (MAX_ITEMS) takes it, so the document loads, read whole, with every piece.
    data = copy.deepcopy(BASE)
    realisation = next(a for a in data["assessments"] if a.get("realisations"))["realisations"][0]
    realisation["evidence"] = [f"bukti {i}" for i in range(FAST_ITEMS + 1)]
    text = json.dumps(data)
    with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal: the whole reading follows
        by_parts(text)
    loaded = load_document(text)
    assert loaded == whole(text)
    given = [r for a in loaded.assessments for r in a.realisations if len(r.evidence) > 1]
    assert len(given[0].evidence) == FAST_ITEMS + 1


def test_a_map_over_the_fast_bound_is_refused_before_its_entries_are_read() -> None:
    # pydantic-core reads every entry of an object before it compares its size: a map of
    # 200,000 bad ratings gave the twin 200,000 problems (10 s and 1.4 GB for three such
    # assessments in benchmarks/fuzz.py --sizes). Measured first, the twin gives one.
    from pydantic import ValidationError

    from asn_performance.boundary.part_documents import AssessmentModel

    data = copy.deepcopy(next(a for a in BASE["assessments"] if a.get("realisations")))
    data["work_result_ratings"] = {f"rhk-{i}": 0 for i in range(FAST_ITEMS + 1)}
    with pytest.raises(ValidationError) as raised:
        _fast_parts.fast_reader(AssessmentModel)(data)
    assert raised.value.error_count() == 1
    assert raised.value.errors()[0]["loc"] == ("work_result_ratings",)
    # At the bound itself the entries are read: each bad one fails both readers of the
    # code-first union (the enumeration and the label reader), two problems of the twin.
    data["work_result_ratings"] = {f"rhk-{i}": 0 for i in range(FAST_ITEMS)}
    with pytest.raises(ValidationError) as raised:
        _fast_parts.fast_reader(AssessmentModel)(data)
    assert raised.value.error_count() == 2 * FAST_ITEMS
    # The document is then read whole, within the problem budget, as before.
    document = copy.deepcopy(BASE)
    first = next(a for a in document["assessments"] if a.get("realisations"))
    first["work_result_ratings"] = {f"rhk-{i}": 0 for i in range(FAST_ITEMS + 1)}
    with pytest.raises(AsnPerformanceError):
        load_document(json.dumps(document))


def test_an_object_with_an_unknown_key_is_refused_before_its_entries_are_read() -> None:
    # The twins forbid unknown keys, but pydantic-core reads every key of every object of
    # the part before refusing them, a problem each with no budget: a plan of 128 x 128
    # indicators of 170 unknown keys used 1.8 GB (a review). Checked first, the twin gives
    # one problem, and the document is read whole within the budget, with the same error.
    from pydantic import ValidationError

    from asn_performance.boundary.appraisal_document import PlanRefModel

    plan = copy.deepcopy(BASE["plans"][0])
    indicator = plan["work_results"][0]["indicators"][0]
    indicator.update({f"k{i}": 1 for i in range(50)})
    with pytest.raises(ValidationError) as raised:
        _fast_parts.fast_reader(PlanRefModel)(plan)
    assert raised.value.error_count() == 1
    assert raised.value.errors()[0]["loc"][:3] == ("work_results", 0, "indicators")
    document = copy.deepcopy(BASE)
    document["plans"][0]["work_results"][0]["indicators"][0]["k0"] = 1
    with pytest.raises(AsnPerformanceError) as error:
        load_document(json.dumps(document))
    assert error.value.rule == "SCHEMA-extra_forbidden"
    assert error.value.path == "$.plans[0].work_results[0].indicators[0].k0"


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("employees", 0, "name"), "   "),  # spaces only: check_text refuses it
        (("plans", 0, "id"), " skp "),  # surrounding spaces: check_id refuses it
        (("plans", 0, "work_results", 0, "indicators", 0, "target", "lower"), "-1"),
        (("assessments", 0, "feedback"), " "),
    ],
)
def test_a_value_only_the_domain_refuses_gives_the_domains_error(
    where: tuple[Any, ...], value: object
) -> None:
    data = copy.deepcopy(BASE)
    place: Any = data
    for key in where[:-1]:
        place = place[key]
    place[where[-1]] = value
    text = json.dumps(data)
    with pytest.raises(_fast_parts.FastReadError):
        by_parts(text)
    with pytest.raises(AsnPerformanceError) as fast_first:
        load_document(text)
    with pytest.raises(AsnPerformanceError) as reference:
        whole(text)
    assert fast_first.value.to_dict() == reference.value.to_dict()


# --- the walk of depth and items, left to the reading whole -------------------------------------


def _nested(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return value


def _deep_policy(levels: int) -> dict[str, Any]:
    policy: dict[str, Any] = {"kind": "supervisor_decides"}
    for _ in range(levels):
        policy = {
            "kind": "per_dimension",
            "hasil_kerja": policy,
            "perilaku_kerja": {"kind": "supervisor_decides"},
        }
    return policy


@pytest.mark.parametrize(
    "change",
    [
        # too deep inside a part: an unknown key of an employee, 40 arrays deep
        lambda data: data["employees"][0].update(extra=_nested(40)),
        # too deep inside a value the twins leave to the readers (a NIP)
        lambda data: data["employees"][0].update(nip=_nested(40)),
        # too deep in the head: a policy of 35 per_dimension levels (36 JSON levels under
        # the top) that the document model reads without complaint
        lambda data: data.update(policy=_deep_policy(35)),
        # a part's list over MAX_ITEMS is refused by the walk, not read
        lambda data: data["employees"][0].update(extra=[0] * 200_001),
    ],
)
def test_a_document_over_the_limits_gives_the_error_read_source_gives(change: Any) -> None:
    # load_document reads JSON text without the walk of depth and items when it reads by
    # parts; a document the walk refuses must still be refused by it, with its error.
    data = copy.deepcopy(BASE)
    change(data)
    text = json.dumps(data)
    with pytest.raises(AsnPerformanceError) as expected:
        read_source(text)
    with pytest.raises(AsnPerformanceError) as got:
        load_document(text)
    assert got.value.to_dict() == expected.value.to_dict()
    assert got.value.rule in {"SCHEMA-too_deep", "SCHEMA-too_long"}


def test_a_deep_policy_within_the_limits_reads_the_same_both_ways() -> None:
    # 8 per_dimension levels (the head walked for depth before it is read; a policy much
    # deeper gets a name over the 1,000 characters a policy name may have, rule TEXT)
    data = copy.deepcopy(BASE)
    data["policy"] = _deep_policy(8)
    text = json.dumps(data)
    assert_same(by_parts(text), whole(text))
