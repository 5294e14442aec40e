"""Synonyms of the labelled enums (issue 10, section 7: "Synonyms are inconsistent").

Before the fix, ``AssessorRole.parse("atasan")`` gave the pejabat penilai but
``"atasan langsung"`` (the glossary's own word for the direct superior, who is the pejabat
penilai kinerja under PermenPANRB 6/2022) was refused; ``PositionKind.parse("JF")`` gave the
functional kind but ``"functional"`` (the English word) was refused. Each enum now has one
table beside it (code, Indonesian label, English label, synonyms); the tests below state by
hand which text names which member, and that no text names two members.

The full tables, and the test that keeps ``docs/reference/labels.md`` equal to them, are in
tests/unit/_kit/test_label_tables.py.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from boundary_story import GURU, KABID, document

from asn_performance import AssessorRole, PositionKind
from asn_performance.boundary.appraisal_document import load_document
from asn_performance.domain.plan import CoreValue
from asn_performance.exceptions import LabelError

# --- the two refusals of the issue ---------------------------------------------------------------


def test_atasan_langsung_is_the_pejabat_penilai() -> None:
    """Reproduces issue 10 §7: "atasan" was accepted and "atasan langsung" refused."""
    assert AssessorRole.parse("atasan langsung") is AssessorRole.PEJABAT_PENILAI


def test_functional_is_the_functional_kind() -> None:
    """Reproduces issue 10 §7: "JF" was accepted and "functional" refused."""
    assert PositionKind.parse("functional") is PositionKind.FUNGSIONAL


# --- the common spellings a user writes ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the appraising supervisor: the direct superior (PermenPANRB 6/2022)
        ("atasan", AssessorRole.PEJABAT_PENILAI),
        ("atasan langsung", AssessorRole.PEJABAT_PENILAI),
        ("Pejabat Penilai Kinerja", AssessorRole.PEJABAT_PENILAI),
        ("pejabat penilai", AssessorRole.PEJABAT_PENILAI),
        ("supervisor", AssessorRole.PEJABAT_PENILAI),
        ("direct superior", AssessorRole.PEJABAT_PENILAI),
        # peers
        ("peer", AssessorRole.PEER),
        ("rekan", AssessorRole.PEER),
        ("rekan kerja", AssessorRole.PEER),
        ("rekan kerja setingkat", AssessorRole.PEER),
        ("colleague", AssessorRole.PEER),
        # subordinates
        ("bawahan", AssessorRole.SUBORDINATE),
        ("bawahan langsung", AssessorRole.SUBORDINATE),
        ("subordinate", AssessorRole.SUBORDINATE),
        # the employee themself
        ("self", AssessorRole.SELF),
        ("diri", AssessorRole.SELF),
        ("diri sendiri", AssessorRole.SELF),
        ("mandiri", AssessorRole.SELF),
        ("penilaian mandiri", AssessorRole.SELF),
        ("self assessment", AssessorRole.SELF),
        # service users
        ("pengguna layanan", AssessorRole.SERVICE_USER),
        ("service user", AssessorRole.SERVICE_USER),
    ],
)
def test_assessor_role_spellings(text: str, expected: AssessorRole) -> None:
    assert AssessorRole.parse(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JF", PositionKind.FUNGSIONAL),
        ("fungsional", PositionKind.FUNGSIONAL),
        ("functional", PositionKind.FUNGSIONAL),
        ("Jabatan Fungsional", PositionKind.FUNGSIONAL),
        ("JPT", PositionKind.JPT),
        ("pimpinan tinggi", PositionKind.JPT),
        ("Jabatan Pimpinan Tinggi", PositionKind.JPT),
        ("administrator", PositionKind.ADMINISTRATOR),
        ("pengawas", PositionKind.PENGAWAS),
        ("pelaksana", PositionKind.PELAKSANA),
        ("executive staff", PositionKind.PELAKSANA),
    ],
)
def test_position_kind_spellings(text: str, expected: PositionKind) -> None:
    assert PositionKind.parse(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "ATASAN LANGSUNG",
        "Atasan Langsung",
        "atasan_langsung",
        "atasan-langsung",
        "  atasan   langsung ",
        "Atasan - Langsung",
    ],
)
def test_case_and_spacing_variants_of_a_synonym(text: str) -> None:
    assert AssessorRole.parse(text) is AssessorRole.PEJABAT_PENILAI


@pytest.mark.parametrize("text", ["FUNCTIONAL", "Functional", "jf", " Jf "])
def test_case_and_spacing_variants_of_functional(text: str) -> None:
    assert PositionKind.parse(text) is PositionKind.FUNGSIONAL


# --- what stays refused --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # PPK is the Pejabat Pembina Kepegawaian, not the pejabat penilai kinerja
        "ppk",
        # "atasan pejabat penilai" is a different person: they decide an objection
        "atasan pejabat penilai",
        "pejabat",
        "langsung",
    ],
)
def test_ambiguous_or_partial_role_words_are_refused(text: str) -> None:
    with pytest.raises(LabelError) as info:
        AssessorRole.parse(text, field="role")
    assert info.value.value == text
    assert info.value.rule == "D12-LABELS"


@pytest.mark.parametrize(
    "text",
    [
        # struktural covers JPT, administrator and pengawas alike
        "struktural",
        "structural",
        # jabatan administrasi covers administrator, pengawas and pelaksana alike
        "JA",
        "jabatan administrasi",
        "fungsi",
    ],
)
def test_words_covering_several_position_kinds_are_refused(text: str) -> None:
    with pytest.raises(LabelError) as info:
        PositionKind.parse(text, field="position.kind")
    error = info.value
    assert error.value == text
    assert error.path == "position.kind"
    assert error.rule == "D12-LABELS"
    assert error.fix == (
        "use one of: 'jpt' (Jabatan Pimpinan Tinggi), 'administrator' (Jabatan Administrator),"
        " 'pengawas' (Jabatan Pengawas), 'pelaksana' (Jabatan Pelaksana),"
        " 'fungsional' (Jabatan Fungsional)"
    )


def test_an_unknown_role_lists_the_accepted_codes() -> None:
    with pytest.raises(LabelError) as info:
        AssessorRole.parse("kepala dinas", field="role")
    error = info.value
    assert error.message == "unknown assessor role"
    assert error.value == "kepala dinas"
    assert error.fix == (
        "use one of: 'self' (Penilaian diri), 'pejabat_penilai' (Pejabat Penilai Kinerja),"
        " 'peer' (Rekan kerja setingkat), 'subordinate' (Bawahan langsung),"
        " 'service_user' (Pengguna layanan)"
    )


def test_a_core_value_keeps_its_label_and_code() -> None:
    assert CoreValue.parse("Berorientasi Pelayanan") is CoreValue.BERORIENTASI_PELAYANAN
    assert CoreValue.parse("berorientasi_pelayanan") is CoreValue.BERORIENTASI_PELAYANAN


# --- the JSON boundary accepts what parse accepts ------------------------------------------------


def _with_synonyms() -> dict[str, Any]:
    data = document()
    for employee in data["employees"]:
        if employee["nip"] == GURU:
            employee["position"]["kind"] = "Functional"
    for assessment in data["assessments"]:
        if assessment["plan_id"] == "skp-guru" and assessment["assessor_nip"] == KABID:
            assessment["role"] = "Atasan Langsung"
        if assessment["plan_id"] == "skp-guru" and assessment["assessor_nip"] == GURU:
            assessment["role"] = "diri sendiri"
    return data


def test_load_document_reads_the_synonyms_from_json_text() -> None:
    """Reproduces issue 10 §7 at the boundary: the JSON document refused "atasan langsung"."""
    doc = load_document(json.dumps(_with_synonyms()))
    guru = next(e for e in doc.employees if e.nip.digits == GURU)
    assert guru.position.kind is PositionKind.FUNGSIONAL
    roles = {
        (a.plan_id, a.role)
        for a in doc.assessments
        if a.plan_id == "skp-guru"  # the guru's plan: one by the kabid, one by himself
    }
    assert roles == {
        ("skp-guru", AssessorRole.PEJABAT_PENILAI),
        ("skp-guru", AssessorRole.SELF),
    }


def test_load_document_still_refuses_an_ambiguous_role_with_its_path() -> None:
    data = document()
    data["assessments"][0]["role"] = "ppk"
    with pytest.raises(LabelError) as info:
        load_document(json.dumps(data))
    error = info.value
    assert error.path == "$.assessments[0].role"
    assert error.value == "ppk"
    assert error.rule == "D12-LABELS"
    assert error.fix is not None
    assert "'pejabat_penilai' (Pejabat Penilai Kinerja)" in error.fix
