"""Tests for :mod:`asn_performance.process.integrity`: the canonical JSON form, its SHA-256
digest, the ``integrity`` seal and its verification.

Every canonical form below is written out by hand as the bytes a PHP or JavaScript app would
produce (keys sorted by code point, separators ``,`` and ``:`` without spaces, non-ASCII kept
as UTF-8, ``/`` not escaped), and every digest is ``hashlib.sha256`` over those bytes: the
library's own functions are never used to compute an expectation.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import importlib.metadata
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import pytest

from asn_performance import (
    AssessorRole,
    Employee,
    Indicator,
    Nip,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Rating,
    Target,
    WorkResult,
    appraise,
)
from asn_performance.boundary.appraisal_document import (
    dump_appraisal,
    dump_result,
    load_appraisal,
    to_json,
)
from asn_performance.domain.assessment import Assessment
from asn_performance.exceptions import AsnPerformanceError, IntegrityError
from asn_performance.process.integrity import (
    ALGORITHM,
    CANONICAL_FORM,
    canonical_json,
    digest,
    seal,
    verify,
)

_E = TypeVar("_E", bound=BaseException)


def _raises(kind: type[_E], call: Callable[[], object]) -> _E:
    with pytest.raises(kind) as caught:
        call()
    return caught.value


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


#: A small record and its canonical bytes, written by hand.
RECORD: dict[str, Any] = {"nama": "Siti Aminah, S.E.", "predikat": "baik", "nilai": [3, True, None]}
RECORD_BYTES = b'{"nama":"Siti Aminah, S.E.","nilai":[3,true,null],"predikat":"baik"}'


# --- the canonical form ---------------------------------------------------------------------------


def test_keys_are_sorted_without_spaces_and_utf8_is_kept() -> None:
    assert canonical_json({"b": "é", "a": [1, True, None]}) == b'{"a":[1,true,null],"b":"\xc3\xa9"}'


def test_nested_objects_are_sorted_at_every_level() -> None:
    record = {"z": {"y": 1, "x": {"w": [], "v": {}}}, "A": "/", "_": "<&>"}
    # "A" (U+0041) < "_" (U+005F) < "z" (U+007A); inside: "x" < "y", "v" < "w"
    assert canonical_json(record) == b'{"A":"/","_":"<&>","z":{"x":{"v":{},"w":[]},"y":1}}'


def test_arrays_keep_their_order() -> None:
    assert canonical_json({"a": [3, 1, 2, "b", "a"]}) == b'{"a":[3,1,2,"b","a"]}'


def test_keys_are_sorted_by_code_point_capitals_first() -> None:
    # "B" U+0042, "a" U+0061, "b" U+0062, "é" U+00E9
    record = {"b": 1, "B": 2, "é": 3, "a": 4}
    assert canonical_json(record) == b'{"B":2,"a":4,"b":1,"\xc3\xa9":3}'


def test_keys_beyond_the_basic_plane_sort_by_code_point() -> None:
    # U+FB01 (ﬁ) < U+1F600 by code point (RFC 8785 would put U+1F600 first: its UTF-16 form
    # starts with D83D); the module documents code-point order
    record = {"\U0001f600": 2, "\ufb01": 1}
    assert canonical_json(record) == b'{"\xef\xac\x81":1,"\xf0\x9f\x98\x80":2}'


def test_quotes_backslashes_and_control_characters_are_escaped_as_json() -> None:
    record = {"s": 'a"b\\c\n\t\x01'}
    assert canonical_json(record) == b'{"s":"a\\"b\\\\c\\n\\t\\u0001"}'


def test_characters_beyond_the_basic_plane_are_kept_as_utf8() -> None:
    assert canonical_json({"e": "😀"}) == b'{"e":"\xf0\x9f\x98\x80"}'


def test_integers_are_written_exactly() -> None:
    record = {"n": -12, "m": 0, "big": 12345678901234567890}
    assert canonical_json(record) == b'{"big":12345678901234567890,"m":0,"n":-12}'


def test_the_integrity_block_is_left_out_at_the_top_level_only() -> None:
    assert canonical_json({"a": 1, "integrity": {"digest": "x"}}) == b'{"a":1}'
    assert canonical_json({"x": {"integrity": 1}}) == b'{"x":{"integrity":1}}'


def test_an_empty_record_is_two_braces() -> None:
    assert canonical_json({}) == b"{}"


def test_the_digest_is_sha256_of_the_canonical_bytes() -> None:
    assert digest(RECORD) == sha256(RECORD_BYTES)
    # the SHA-256 of the two bytes "{}", as `printf '{}' | sha256sum` prints it
    assert digest({}) == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"


def test_the_digest_does_not_depend_on_key_order() -> None:
    reordered = {"predikat": "baik", "nilai": [3, True, None], "nama": "Siti Aminah, S.E."}
    assert digest(reordered) == sha256(RECORD_BYTES)


def test_true_and_one_have_different_digests() -> None:
    # equal in Python, different in JSON
    assert {"a": True} == {"a": 1}
    assert digest({"a": True}) == sha256(b'{"a":true}')
    assert digest({"a": 1}) == sha256(b'{"a":1}')


# --- what cannot be sealed ------------------------------------------------------------------------


class _Level(enum.IntEnum):
    ONE = 1


@pytest.mark.parametrize(
    ("record", "path"),
    [
        pytest.param({"x": 1.5}, "$.x", id="float"),
        pytest.param({"x": float("nan")}, "$.x", id="nan"),
        pytest.param({"x": Decimal("12.50")}, "$.x", id="decimal"),
        pytest.param({"x": (1, 2)}, "$.x", id="tuple"),
        pytest.param({"x": {1, 2}}, "$.x", id="set"),
        pytest.param({"x": dt.date(2025, 1, 1)}, "$.x", id="date"),
        pytest.param({"x": _Level.ONE}, "$.x", id="int-enum"),
        pytest.param({"a": [1, 2.0]}, "$.a[1]", id="float-in-array"),
        pytest.param({"a": {"b": {"c": Decimal(1)}}}, "$.a.b.c", id="nested-decimal"),
        pytest.param({1: "x"}, "$", id="int-key"),
        pytest.param({"a": {("k",): 1}}, "$.a", id="tuple-key-nested"),
        pytest.param({"s": "\ud800"}, "$", id="lone-surrogate"),
    ],
)
def test_a_record_outside_the_canonical_types_is_refused(record: dict[Any, Any], path: str) -> None:
    for function in (canonical_json, digest, seal):
        error = _raises(IntegrityError, lambda f=function: f(record))
        assert error.rule == "INTEGRITY-FORM"
        assert error.path == path


def test_only_an_object_is_a_record() -> None:
    error = _raises(IntegrityError, lambda: canonical_json([1, 2]))  # type: ignore[arg-type]
    assert (error.rule, error.path, error.value) == ("INTEGRITY-FORM", "$", "list")


def test_a_refused_float_names_its_type() -> None:
    error = _raises(IntegrityError, lambda: digest({"x": 1.5}))
    assert "not float" in error.message
    assert error.value == "1.5"


def test_a_record_nested_too_deeply_is_refused_as_a_form_error() -> None:
    deep: dict[str, Any] = {}
    level = deep
    for _ in range(5000):
        level["a"] = {}
        level = level["a"]
    error = _raises(IntegrityError, lambda: seal(deep))
    assert error.rule == "INTEGRITY-FORM"


# --- seal -----------------------------------------------------------------------------------------


def test_seal_adds_the_integrity_block_last() -> None:
    sealed = seal(RECORD)
    assert list(sealed) == ["nama", "predikat", "nilai", "integrity"]
    assert sealed["integrity"] == {
        "algorithm": "sha256",
        "canonical": "asn-performance-json/1",
        "digest": sha256(RECORD_BYTES),
        # the release that sealed it, beside the digest and not covered by it
        "library": {
            "name": "asn-performance",
            "version": importlib.metadata.version("asn-performance"),
        },
    }
    assert (ALGORITHM, CANONICAL_FORM) == ("sha256", "asn-performance-json/1")
    assert {k: v for k, v in sealed.items() if k != "integrity"} == RECORD


def test_seal_returns_a_copy_and_leaves_the_record_alone() -> None:
    record = dict(RECORD)
    sealed = seal(record)
    assert "integrity" not in record
    assert sealed is not record


def test_seal_replaces_an_old_block_and_moves_it_last() -> None:
    stale = {"nama": "Siti Aminah, S.E.", "integrity": {"digest": "0" * 64}, "predikat": "baik"}
    stale["nilai"] = [3, True, None]
    sealed = seal(stale)
    assert list(sealed) == ["nama", "predikat", "nilai", "integrity"]
    assert sealed["integrity"]["digest"] == sha256(RECORD_BYTES)
    assert seal(seal(RECORD)) == seal(RECORD)


def test_resealing_a_changed_record_gives_a_new_digest() -> None:
    changed = seal({**RECORD, "predikat": "sangat_baik"})
    body = b'{"nama":"Siti Aminah, S.E.","nilai":[3,true,null],"predikat":"sangat_baik"}'
    assert changed["integrity"]["digest"] == sha256(body)
    assert changed["integrity"]["digest"] != seal(RECORD)["integrity"]["digest"]


# --- verify ---------------------------------------------------------------------------------------

SEALED = seal(RECORD)


def test_verify_returns_the_digest_of_a_sealed_dict() -> None:
    assert verify(SEALED) == sha256(RECORD_BYTES)


def test_verify_reads_the_json_text_however_it_is_laid_out() -> None:
    indented = json.dumps(SEALED, indent=2, ensure_ascii=False)
    escaped = json.dumps(SEALED, ensure_ascii=True, sort_keys=True)  # "é" as \u00e9
    for text in (indented, escaped, indented.encode("utf-8"), to_json(SEALED)):
        assert verify(text) == sha256(RECORD_BYTES)


def test_a_non_ascii_record_verifies_from_escaped_text() -> None:
    sealed = seal({"unit": "Dinas Pendidikan — Bidang SMP", "nama": "Cut Nyak Rahmah"})
    assert verify(json.dumps(sealed, ensure_ascii=True)) == sealed["integrity"]["digest"]


def _tampered(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    record = json.loads(json.dumps(SEALED))
    change(record)
    return record


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda r: r.update(predikat="sangat_baik"), id="value"),
        pytest.param(lambda r: r.update(catatan="ditambah"), id="key-added"),
        pytest.param(lambda r: r.pop("nama"), id="key-removed"),
        pytest.param(lambda r: r["nilai"].append(4), id="array-grown"),
        pytest.param(lambda r: r["nilai"].__setitem__(1, 1), id="true-to-one"),
        pytest.param(lambda r: r["integrity"].update(digest="f" * 64), id="digest-edited"),
    ],
)
def test_any_change_after_sealing_is_refused(change: Callable[[dict[str, Any]], None]) -> None:
    record = _tampered(change)
    for given in (record, json.dumps(record)):
        error = _raises(IntegrityError, lambda g=given: verify(g))
        assert error.rule == "INTEGRITY-DIGEST"
        assert error.path == "$.integrity.digest"
        assert error.value == record["integrity"]["digest"]
        assert "changed after it was sealed" in error.message


@pytest.mark.parametrize(
    ("change", "rule", "path"),
    [
        pytest.param(
            lambda r: r.pop("integrity"), "INTEGRITY-MISSING", "$.integrity", id="no-block"
        ),
        pytest.param(
            lambda r: r.update(integrity="sealed"),
            "INTEGRITY-MISSING",
            "$.integrity",
            id="text-block",
        ),
        pytest.param(
            lambda r: r["integrity"].pop("digest"),
            "INTEGRITY-MISSING",
            "$.integrity",
            id="no-digest",
        ),
        pytest.param(
            lambda r: r["integrity"].update(digest=r["integrity"]["digest"].upper()),
            "INTEGRITY-MISSING",
            "$.integrity.digest",
            id="uppercase-digest",
        ),
        pytest.param(
            lambda r: r["integrity"].update(digest="abc"),
            "INTEGRITY-MISSING",
            "$.integrity.digest",
            id="short-digest",
        ),
        pytest.param(
            lambda r: r["integrity"].update(algorithm="sha512"),
            "INTEGRITY-ALGORITHM",
            "$.integrity",
            id="algorithm",
        ),
        pytest.param(
            lambda r: r["integrity"].update(canonical="jcs"),
            "INTEGRITY-ALGORITHM",
            "$.integrity",
            id="canonical-form",
        ),
    ],
)
def test_a_missing_or_foreign_seal_is_refused(
    change: Callable[[dict[str, Any]], None], rule: str, path: str
) -> None:
    record = _tampered(change)
    error = _raises(IntegrityError, lambda: verify(record))
    assert (error.rule, error.path) == (rule, path)


def test_a_foreign_algorithm_is_named() -> None:
    record = _tampered(lambda r: r["integrity"].update(algorithm="sha512"))
    error = _raises(IntegrityError, lambda: verify(record))
    assert "'sha512'" in error.message
    assert "sha256" in error.message


def _text_with(fragment: str) -> str:
    """The sealed record as JSON text with ``fragment`` added as its first member."""
    return "{" + fragment + "," + json.dumps(SEALED)[1:]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        pytest.param(_text_with('"x":NaN'), "NaN", id="nan"),
        pytest.param(_text_with('"x":Infinity'), "Infinity", id="infinity"),
        pytest.param(_text_with('"x":1.5'), "1.5", id="float"),
        pytest.param(_text_with('"x":1e3'), "1e3", id="exponent"),
        pytest.param(
            _text_with('"predikat":"sangat_baik"'), "repeated key 'predikat'", id="repeat"
        ),
    ],
)
def test_json_text_the_library_never_writes_is_refused(text: str, said: str) -> None:
    error = _raises(IntegrityError, lambda: verify(text))
    assert (error.rule, error.path) == ("INTEGRITY-FORM", "$")
    assert said in error.message


def test_a_repeated_key_cannot_hide_a_second_value() -> None:
    # a reader that keeps the last value would see "sangat_baik"; the hashed value was "baik"
    text = json.dumps(SEALED)[:-1] + ',"predikat":"sangat_baik"}'
    error = _raises(IntegrityError, lambda: verify(text))
    assert error.rule == "INTEGRITY-FORM"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("{", id="not-json"),
        pytest.param(b"\xff\xfe", id="not-utf8"),
        pytest.param("[1, 2]", id="array"),
        pytest.param('"text"', id="string"),
    ],
)
def test_unreadable_text_is_refused_as_a_form_error(text: str | bytes) -> None:
    error = _raises(IntegrityError, lambda: verify(text))
    assert (error.rule, error.path) == ("INTEGRITY-FORM", "$")


def test_a_sealed_text_with_an_escaped_lone_surrogate_is_refused() -> None:
    text = _text_with('"s":"\\udc00"')
    error = _raises(IntegrityError, lambda: verify(text))
    assert error.rule == "INTEGRITY-FORM"
    assert "surrogate" in error.message


def test_verify_refuses_something_that_is_not_a_record() -> None:
    error = _raises(IntegrityError, lambda: verify([SEALED]))  # type: ignore[arg-type]
    assert (error.rule, error.path, error.value) == ("INTEGRITY-FORM", "$", "list")


# --- sealed appraisals ----------------------------------------------------------------------------

_UNIT = "Bagian Pelayanan Publik (contoh)"
_HEAD = Employee(
    Nip("197805172003122001"),
    "Ratna Dewi Lestari, S.Sos., M.AP.",
    Position(PositionKind.ADMINISTRATOR, "Kepala Bagian Pelayanan Publik"),
    _UNIT,
)
_PENILAI = Employee(
    Nip("198201092006041003"),
    "Agus Salim, S.Pd., M.Pd.",
    Position(PositionKind.PENGAWAS, "Kepala Subbagian Pendidikan dan Kesehatan"),
    _UNIT,
    _HEAD.nip,
)
_EMPLOYEE = Employee(
    Nip("199107042019032012"),
    "Siti Aminah, S.E.",
    Position(PositionKind.PELAKSANA, "Pengelola Beasiswa"),
    _UNIT,
    _PENILAI.nip,
)
_PLAN = PerformancePlan(
    id="skp-2025-beasiswa",
    employee=_EMPLOYEE,
    pejabat_penilai=_PENILAI,
    period=Period.annual(2025),
    work_results=(
        WorkResult(
            "rhk-1",
            "Meningkatnya partisipasi siswa dalam program beasiswa daerah",
            (Indicator("iki-1", "Penerima beasiswa tersalurkan", Target.value(400, "siswa")),),
        ),
    ),
    atasan_pejabat_penilai=_HEAD,
)
APPRAISAL = appraise(
    _PLAN,
    [
        Assessment(
            plan_id=_PLAN.id,
            role=AssessorRole.PEJABAT_PENILAI,
            assessor=_PENILAI.nip,
            given_on=dt.date(2025, 12, 31),
            period=_PLAN.period,
            hasil_kerja=Rating.DI_ATAS,
            perilaku_kerja=Rating.SESUAI,
        )
    ],
)


def test_the_dumped_appraisal_is_sealed_and_verifies() -> None:
    dumped = dump_appraisal(APPRAISAL)
    assert list(dumped)[-1] == "integrity"
    assert dumped["integrity"]["algorithm"] == "sha256"
    body = {k: v for k, v in dumped.items() if k != "integrity"}
    assert body == APPRAISAL.to_dict()
    # the digest, recomputed outside the library from the canonical bytes
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert dumped["integrity"]["digest"] == sha256(canonical.encode("utf-8"))
    assert verify(dumped) == dumped["integrity"]["digest"]
    assert verify(to_json(dumped)) == dumped["integrity"]["digest"]


def test_the_dumped_result_is_sealed_and_verifies() -> None:
    dumped = dump_result(APPRAISAL)
    assert list(dumped)[-1] == "integrity"
    assert {k: v for k, v in dumped.items() if k != "integrity"} == APPRAISAL.result_dict()
    assert dumped["predikat"] == "baik"  # (Di Atas, Sesuai) -> Baik
    assert verify(to_json(dumped)) == dumped["integrity"]["digest"]


def test_load_appraisal_reads_its_sealed_record_back() -> None:
    assert load_appraisal(to_json(dump_appraisal(APPRAISAL))) == APPRAISAL
    assert load_appraisal(dump_appraisal(APPRAISAL)) == APPRAISAL


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda r: r["plan"]["employee"].update(name="Orang Lain"), id="name"),
        pytest.param(lambda r: r.update(predikat_label="Sangat Baik"), id="label-for-readers"),
        pytest.param(lambda r: r["explanation"][0].update(note="diubah"), id="explanation"),
    ],
)
def test_load_appraisal_refuses_a_tampered_sealed_record(
    change: Callable[[dict[str, Any]], None],
) -> None:
    record = json.loads(to_json(dump_appraisal(APPRAISAL)))
    change(record)
    for given in (record, json.dumps(record, ensure_ascii=False)):
        error = _raises(IntegrityError, lambda g=given: load_appraisal(g))
        assert (error.rule, error.path) == ("INTEGRITY-DIGEST", "$.integrity.digest")


def test_load_appraisal_refuses_a_record_with_a_foreign_seal() -> None:
    record = json.loads(to_json(dump_appraisal(APPRAISAL)))
    record["integrity"]["algorithm"] = "md5"
    # the boundary's schema refuses it before verify() is asked
    error = _raises(AsnPerformanceError, lambda: load_appraisal(record))
    assert error.path == "$.integrity.algorithm"
    assert "sha256" in error.message


def test_load_appraisal_accepts_a_record_without_its_seal() -> None:
    record = json.loads(to_json(dump_appraisal(APPRAISAL)))
    del record["integrity"]
    assert load_appraisal(record) == APPRAISAL
    # an unsealed record is read as it stands: nothing vouches for it
    record["plan"]["employee"]["name"] = "Orang Lain"
    assert load_appraisal(record).plan.employee.name == "Orang Lain"
