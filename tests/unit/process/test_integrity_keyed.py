"""Issue 10, section 5: the keyed seal (HMAC-SHA256 under the agency's key) and the library
release in the seal.

A plain SHA-256 seal is recomputed by anyone who rewrites a record; a keyed seal is not,
without the key. Every expected MAC below is ``hmac.new(key, bytes, sha256)`` over canonical
bytes written out by hand, never the library's own functions.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.metadata
import json
from pathlib import Path
from typing import Any

import pytest
from lifecycle_story import DECIDED, raises

from asn_performance import appraise
from asn_performance.boundary.cycle_document import dump_cycle, load_cycle
from asn_performance.boundary.part_documents import dump_appraisal, dump_result, load_appraisal
from asn_performance.boundary.sealed_records import KEY_VARIABLE, read_seal_key, verify_records
from asn_performance.exceptions import IntegrityError
from asn_performance.process.integrity import keyed_digest, seal, verify, verify_all
from asn_performance.services.sample import sample_unit

_UNIT = sample_unit()
APPRAISAL = appraise(
    next(p for p in _UNIT.plans if p.id == "skp-2025-beasiswa"),
    [a for a in _UNIT.assessments if a.plan_id == "skp-2025-beasiswa"],
)

KEY = b"kunci-rahasia-bkd-2025-0123456789"  # 33 bytes
OTHER = b"kunci-lain-yang-juga-panjang-2025"
VERSION = importlib.metadata.version("asn-performance")
LIBRARY_JSON = '{"name":"asn-performance","version":"' + VERSION + '"}'


def _mac(body: str, key: bytes = KEY) -> str:
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


# --- the block ------------------------------------------------------------------------------------


def test_an_unkeyed_seal_names_the_library_and_keeps_the_content_digest() -> None:
    sealed = seal({"predikat": "baik", "nilai": 3})
    assert sealed["integrity"] == {
        "algorithm": "sha256",
        "canonical": "asn-performance-json/1",
        "digest": hashlib.sha256(b'{"nilai":3,"predikat":"baik"}').hexdigest(),
        "library": {"name": "asn-performance", "version": VERSION},
    }


def test_a_keyed_seal_is_hmac_over_the_record_with_its_block_less_the_mac() -> None:
    sealed = seal({"predikat": "baik", "nilai": 3}, key=KEY)
    content = hashlib.sha256(b'{"nilai":3,"predikat":"baik"}').hexdigest()
    # the whole record, the block included (keys sorted), without "hmac_sha256"
    body = (
        '{"integrity":{"algorithm":"sha256","canonical":"asn-performance-json/1",'
        f'"digest":"{content}","library":{LIBRARY_JSON}}},"nilai":3,"predikat":"baik"}}'
    )
    assert sealed["integrity"] == {
        "algorithm": "sha256",
        "canonical": "asn-performance-json/1",
        "digest": content,
        "hmac_sha256": _mac(body),
        "library": {"name": "asn-performance", "version": VERSION},
    }
    assert keyed_digest(sealed, KEY) == _mac(body)
    assert verify(sealed, key=KEY) == content
    assert verify(json.dumps(sealed), key=KEY) == content
    # without the key, the plain digest still verifies
    assert verify(sealed) == content


# --- what the key catches -------------------------------------------------------------------------


def _forged(record: dict[str, Any]) -> dict[str, Any]:
    """The record with its predikat changed, re-sealed by someone without the key."""
    forged = json.loads(json.dumps(record))
    forged["predikat"] = "sangat_baik"
    return seal(forged)


def test_a_resealed_forgery_passes_the_plain_check_but_not_the_key() -> None:
    """Reproduces: a plain SHA-256 seal is recomputed by whoever rewrites the record; there
    was no way for the agency to tell."""
    original = dump_result(APPRAISAL, key=KEY)
    forged = _forged(original)
    verify(forged)  # the plain seal cannot tell
    error = raises(IntegrityError, lambda: verify(forged, key=KEY))
    assert (error.rule, error.path) == ("INTEGRITY-KEY", "$.integrity.hmac_sha256")


def test_a_forgery_that_keeps_the_old_mac_is_refused() -> None:
    original = dump_result(APPRAISAL, key=KEY)
    forged = json.loads(json.dumps(original))
    forged["predikat"] = "sangat_baik"
    forged["integrity"]["digest"] = hashlib.sha256(
        json.dumps(
            {k: v for k, v in forged.items() if k != "integrity"},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        ).encode("utf-8")
    ).hexdigest()
    verify(forged)
    error = raises(IntegrityError, lambda: verify(forged, key=KEY))
    assert (error.rule, error.path) == ("INTEGRITY-DIGEST", "$.integrity.hmac_sha256")
    assert "another key" in error.message


def test_a_record_sealed_with_another_key_is_refused() -> None:
    error = raises(IntegrityError, lambda: verify(seal({"a": 1}, key=OTHER), key=KEY))
    assert (error.rule, error.path) == ("INTEGRITY-DIGEST", "$.integrity.hmac_sha256")


def test_the_key_covers_the_library_version() -> None:
    record = seal({"a": 1}, key=KEY)
    record["integrity"]["library"]["version"] = "9.9.9"
    verify(record)  # the plain digest does not cover the block
    error = raises(IntegrityError, lambda: verify(record, key=KEY))
    assert error.rule == "INTEGRITY-DIGEST"


def test_a_mac_that_is_not_hex_is_refused_even_without_the_key() -> None:
    record = seal({"a": 1}, key=KEY)
    record["integrity"]["hmac_sha256"] = "zz"
    error = raises(IntegrityError, lambda: verify(record))
    assert (error.rule, error.path) == ("INTEGRITY-MISSING", "$.integrity.hmac_sha256")


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        pytest.param(b"", "0 bytes", id="empty"),
        pytest.param(b"pendek", "6 bytes", id="short"),
        pytest.param(b"x" * 15, "15 bytes", id="fifteen"),
        pytest.param("kunci-rahasia-bkd-2025", "str", id="text"),
    ],
)
def test_an_unusable_key_is_refused_without_showing_it(key: Any, shown: str) -> None:
    for call in (
        lambda: seal({"a": 1}, key=key),
        lambda: verify(seal({"a": 1}), key=key),
        lambda: verify_all([seal({"a": 1})], key=key),
        lambda: keyed_digest({"a": 1}, key),
    ):
        error = raises(IntegrityError, call)
        assert (error.rule, error.path, error.value) == ("INTEGRITY-KEY", "key", shown)
        if key:
            assert str(key) not in error.one_line()


def test_sixteen_bytes_is_enough() -> None:
    assert verify(seal({"a": 1}, key=b"x" * 16), key=b"x" * 16)


# --- dump and load with the key -------------------------------------------------------------------


def test_appraisal_records_seal_and_load_with_the_key() -> None:
    record = dump_appraisal(APPRAISAL, key=KEY)
    assert "hmac_sha256" in record["integrity"]
    assert load_appraisal(json.dumps(record), key=KEY) == APPRAISAL
    assert load_appraisal(record) == APPRAISAL  # the digest alone, without the key
    unkeyed = dump_appraisal(APPRAISAL)
    error = raises(IntegrityError, lambda: load_appraisal(unkeyed, key=KEY))
    assert error.rule == "INTEGRITY-KEY"
    del unkeyed["integrity"]
    error = raises(IntegrityError, lambda: load_appraisal(unkeyed, key=KEY))
    assert error.rule == "INTEGRITY-MISSING"
    forged = _forged(record)
    forged["predikat_label"] = "Sangat Baik"
    forged["rating_hasil_kerja"] = "di_atas_ekspektasi"
    assert raises(IntegrityError, lambda: load_appraisal(seal(forged), key=KEY))


def test_a_cycle_seals_and_loads_with_the_key() -> None:
    record = dump_cycle(DECIDED, key=KEY)
    assert load_cycle(json.dumps(record), key=KEY) == DECIDED
    (checked,) = verify_records(record, key=KEY)
    assert checked.keyed is True
    error = raises(IntegrityError, lambda: load_cycle(dump_cycle(DECIDED), key=KEY))
    assert error.rule == "INTEGRITY-KEY"


def test_a_keyed_cycle_from_a_release_with_other_wording_still_loads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from asn_performance.services.rulebook import RULEBOOK

    unkeyed, keyed = dump_cycle(DECIDED), dump_cycle(DECIDED, key=KEY)
    old = RULEBOOK["6/2022-MATRIX"]
    monkeypatch.setitem(old.__dict__, "citation", old.citation + " (reworded)")
    # the keyed seal vouches for the wording it was sealed with
    assert load_cycle(keyed, key=KEY) == DECIDED
    # without the key, the labels must be this release's: the stored wording is refused
    error = raises(IntegrityError, lambda: load_cycle(unkeyed))
    assert error.rule == "INTEGRITY-DIGEST"
    assert error.path is not None
    assert error.path.endswith(".citation")


# --- the key from a file or the environment -------------------------------------------------------


def test_the_key_file_is_read_as_bytes_less_one_line_break(tmp_path: Path) -> None:
    path = tmp_path / "seal.key"
    path.write_bytes(KEY + b"\n")
    assert read_seal_key(path, {}) == KEY
    path.write_bytes(KEY + b"\r\n")
    assert read_seal_key(str(path), {KEY_VARIABLE: "ignored-when-a-file-is-given"}) == KEY


def test_the_key_from_the_environment_is_its_utf8_bytes() -> None:
    assert KEY_VARIABLE == "ASN_PERFORMANCE_SEAL_KEY"
    assert read_seal_key(None, {KEY_VARIABLE: "kunci-rahasia-bkd-ä-2025"}) == (
        b"kunci-rahasia-bkd-\xc3\xa4-2025"
    )
    assert read_seal_key(None, {"OTHER": "x"}) is None


@pytest.mark.parametrize("value", ["", "pendek"])
def test_a_key_set_but_too_short_is_refused_not_ignored(value: str, tmp_path: Path) -> None:
    error = raises(IntegrityError, lambda: read_seal_key(None, {KEY_VARIABLE: value}))
    assert (error.rule, error.path) == ("INTEGRITY-KEY", KEY_VARIABLE)
    path = tmp_path / "seal.key"
    path.write_bytes(value.encode() + b"\n")
    error = raises(IntegrityError, lambda: read_seal_key(path, {}))
    assert (error.rule, error.path) == ("INTEGRITY-KEY", "--key-file")


def test_a_missing_key_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError, match=r"seal\.key"):
        read_seal_key(tmp_path / "seal.key", {})
