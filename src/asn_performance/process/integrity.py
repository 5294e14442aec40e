"""Integrity: a SHA-256 digest over a canonical JSON form, and its verification.

A record (the plain dict an object's ``to_dict()`` makes of an appraisal, a result or a
lifecycle) is *sealed* by adding an ``integrity`` block::

    "integrity": {"algorithm": "sha256", "canonical": "asn-performance-json/1",
                  "digest": "<64 hex digits>"}

The digest is SHA-256 over the record's canonical form, without the ``integrity`` block:

* JSON with object keys sorted by code point, no insignificant whitespace (separators ``,``
  and ``:``), strings with non-ASCII characters kept and encoded as UTF-8;
* only strings, integers, ``true``/``false``, ``null``, arrays and objects: every decimal in a
  record is already a string (``"12.50"``), so no floating-point number can differ between
  two writers. A record that holds a float, NaN or a Python object cannot be sealed.

For keys within the Basic Multilingual Plane this is also the form of RFC 8785 (JSON
Canonicalization Scheme), which sorts by UTF-16 code units; records use ASCII field names,
but ids used as keys (``work_result_ratings``) may be any text. An app in PHP reproduces the
form by sorting keys recursively (``ksort`` with ``SORT_STRING``) and ``json_encode`` with
``JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES``; in JavaScript, write the objects
yourself with keys sorted, because ``JSON.stringify`` puts keys that look like array indices
(``"9"``, ``"10"``) first in numeric order. ``docs/explanation/integrity.md`` has both
snippets. This is a library rule (``INTEGRITY-*``), not a regulation.

:func:`verify` recomputes the digest of a stored record and raises :class:`IntegrityError`
when anything differs; it needs the record only, not the objects, so a record written by an
older version of the library still verifies.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any, Final

from asn_performance._kit.validate import shown
from asn_performance.exceptions import IntegrityError

__all__ = [
    "ALGORITHM",
    "CANONICAL_FORM",
    "canonical_json",
    "digest",
    "seal",
    "verify",
    "verify_all",
]

ALGORITHM: Final = "sha256"
CANONICAL_FORM: Final = "asn-performance-json/1"
_HEX64 = re.compile(r"[0-9a-f]{64}")


def canonical_json(record: Mapping[str, Any]) -> bytes:
    """The canonical UTF-8 bytes of ``record`` without its ``integrity`` block.

    Raises:
        IntegrityError: the record holds something outside the canonical value types (a
            float, a Decimal, a tuple, a non-string key...), rule ``INTEGRITY-FORM``.
    """
    if not isinstance(record, Mapping):
        raise IntegrityError(
            "only a record (a JSON object) can be sealed or verified",
            path="$",
            value=type(record).__name__,
            rule="INTEGRITY-FORM",
            fix="pass the dict written by a dump_* function",
        )
    body = {key: value for key, value in record.items() if key != "integrity"}
    try:
        _check_plain(body, "$")
        text = json.dumps(
            body, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        )
    except IntegrityError:
        raise
    except (RecursionError, ValueError):  # nested too deeply; an int beyond 4300 digits
        raise IntegrityError(
            "the record is nested too deeply, or holds a number too large, to be a record the"
            " library wrote",
            path="$",
            value=None,
            rule="INTEGRITY-FORM",
            fix="verify the record exactly as the library wrote it",
        ) from None
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise IntegrityError(
            "the record holds a lone surrogate, which has no UTF-8 form",
            path="$",
            value=None,
            rule="INTEGRITY-FORM",
            fix="remove the unpaired surrogate (\\ud800-\\udfff) from the text",
        ) from None


def _check_plain(value: object, path: str) -> None:
    if value is None or type(value) in (str, bool, int):
        return
    if type(value) is dict:
        for key, item in value.items():
            if type(key) is not str:
                raise IntegrityError(
                    "a record's keys are strings",
                    path=path,
                    value=shown(key),
                    rule="INTEGRITY-FORM",
                    fix="pass the dict written by a dump_* function",
                )
            _check_plain(item, f"{path}.{key}")
        return
    if type(value) is list:
        for index, item in enumerate(value):
            _check_plain(item, f"{path}[{index}]")
        return
    raise IntegrityError(
        f"a sealed record holds only strings, integers, booleans, null, arrays and objects,"
        f" not {type(value).__name__}",
        path=path,
        value=shown(value),
        rule="INTEGRITY-FORM",
        fix="write decimals as strings (the dump_* functions do)",
    )


def digest(record: Mapping[str, Any]) -> str:
    """The SHA-256 digest (64 lowercase hex digits) of ``record``'s canonical form."""
    return hashlib.sha256(canonical_json(record)).hexdigest()


def seal(record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``record`` with its ``integrity`` block (algorithm, canonical form, digest).

    An existing ``integrity`` block is replaced.
    """
    sealed = {key: value for key, value in record.items() if key != "integrity"}
    sealed["integrity"] = {
        "algorithm": ALGORITHM,
        "canonical": CANONICAL_FORM,
        "digest": digest(sealed),
    }
    return sealed


def verify(record: Mapping[str, Any] | str | bytes) -> str:
    """Check that a sealed record is unchanged; return its digest.

    ``record`` is the dict or its JSON text. A JSON text is read strictly: a repeated key
    or a non-integer number (which the library never writes) makes verification fail,
    because another reader could see a different value than the one that was hashed.

    Raises:
        IntegrityError: the record has no valid ``integrity`` block (``INTEGRITY-MISSING``,
            ``INTEGRITY-ALGORITHM``), cannot be read (``INTEGRITY-FORM``), or its content
            does not match the digest (``INTEGRITY-DIGEST``): it was changed after sealing.
    """
    data = _read(record) if isinstance(record, (str, bytes, bytearray)) else record
    if not isinstance(data, Mapping):
        raise IntegrityError(
            "a sealed record is a JSON object",
            path="$",
            value=type(data).__name__,
            rule="INTEGRITY-FORM",
            fix="pass the object written by a dump_* function",
        )
    block = data.get("integrity")
    if not isinstance(block, Mapping) or not isinstance(block.get("digest"), str):
        raise IntegrityError(
            "the record is not sealed: it has no integrity block with a digest",
            path="$.integrity",
            value=block if block is None else shown(block),
            rule="INTEGRITY-MISSING",
            fix="seal the record when it is final (dump_appraisal and dump_result do)",
        )
    if block.get("algorithm") != ALGORITHM or block.get("canonical") != CANONICAL_FORM:
        raise IntegrityError(
            f"the record was sealed with {shown(block.get('algorithm'))} /"
            f" {shown(block.get('canonical'))}; this library verifies {ALGORITHM} /"
            f" {CANONICAL_FORM}",
            path="$.integrity",
            value=shown(block),
            rule="INTEGRITY-ALGORITHM",
            fix="verify with the library version that sealed it",
        )
    stored: str = block["digest"]
    if not _HEX64.fullmatch(stored):
        raise IntegrityError(
            "a digest is 64 lowercase hexadecimal digits",
            path="$.integrity.digest",
            value=stored[:80],
            rule="INTEGRITY-MISSING",
            fix="restore the digest that was written when the record was sealed",
        )
    actual = digest(data)
    if actual != stored:
        raise IntegrityError(
            "the record was changed after it was sealed: its content no longer matches its"
            f" SHA-256 digest (now {actual[:12]}...)",
            path="$.integrity.digest",
            value=stored,
            rule="INTEGRITY-DIGEST",
            fix="restore the record from the original; a changed result needs a new"
            " decision, not an edit",
        )
    return stored


def verify_all(records: object) -> list[str]:
    """Verify one sealed record or a list of them (a dict, a list, or their JSON text, read
    strictly as in :func:`verify`); return their digests in order.

    Raises:
        IntegrityError: as :func:`verify`; for a list the path starts with ``$[i]``.
    """
    data = _read(records) if isinstance(records, (str, bytes, bytearray)) else records
    if isinstance(data, list):
        digests = []
        for index, item in enumerate(data):
            try:
                digests.append(verify(item))
            except IntegrityError as error:
                path = f"$[{index}]" + (error.path or "$").removeprefix("$")
                raise error.with_path(path) from None
        return digests
    if isinstance(data, Mapping):
        return [verify(data)]
    raise IntegrityError(
        "a sealed record is a JSON object, or a list of them",
        path="$",
        value=type(data).__name__,
        rule="INTEGRITY-FORM",
        fix="pass what dump_appraisal, dump_result or dump_cycle wrote",
    )


class _NotCanonicalError(ValueError):
    pass


def _no_float(text: str) -> Any:
    raise _NotCanonicalError(text)


def _no_constant(text: str) -> Any:
    raise _NotCanonicalError(text)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _NotCanonicalError(f"repeated key {shown(key)}")
        result[key] = value
    return result


def _read(text: str | bytes | bytearray) -> object:
    try:
        return json.loads(
            text,
            parse_float=_no_float,
            parse_constant=_no_constant,
            object_pairs_hook=_unique_keys,
        )
    except _NotCanonicalError as error:
        raise IntegrityError(
            f"a sealed record never holds {error} (a non-integer number, NaN/Infinity, or a"
            " repeated key)",
            path="$",
            value=str(error)[:80],
            rule="INTEGRITY-FORM",
            fix="verify the record exactly as the library wrote it",
        ) from None
    except (ValueError, RecursionError) as error:
        raise IntegrityError(
            f"the record is not readable JSON: {error}"[:200],
            path="$",
            value=None,
            rule="INTEGRITY-FORM",
            fix="verify the record exactly as the library wrote it",
        ) from None
