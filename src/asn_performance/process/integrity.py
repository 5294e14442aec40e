"""Integrity: a SHA-256 digest over a canonical JSON form, an optional keyed seal, and their
verification.

A record (the plain dict an object's ``to_dict()`` makes of an appraisal, a result or a
lifecycle) is *sealed* by adding an ``integrity`` block::

    "integrity": {"algorithm": "sha256", "canonical": "asn-performance-json/1",
                  "digest": "<64 hex digits>",
                  "library": {"name": "asn-performance", "version": "0.1.0"}}

The digest is SHA-256 over the record's canonical form, without the ``integrity`` block:

* JSON with object keys sorted by code point, no insignificant whitespace (separators ``,``
  and ``:``), strings with non-ASCII characters kept and encoded as UTF-8;
* only strings, integers, ``true``/``false``, ``null``, arrays and objects: every decimal in a
  record is already a string (``"12.50"``), so no floating-point number can differ between
  two writers. A record that holds a float, NaN or a Python object cannot be sealed.

``library`` names the release that sealed the record. It sits in the block so that the
digest of the content does not change from one release to the next, which also means the
plain digest does not cover it.

The plain digest uses no secret: it shows that a record was not changed by accident or by
someone who did not also recompute it, but anyone who rewrites a record can re-seal it. A
**keyed seal** adds ``"hmac_sha256"``: HMAC-SHA256, under a key the agency keeps, over the
canonical form of the whole record *with* its ``integrity`` block, less the
``hmac_sha256`` field itself (so it covers the content, the digest and ``library``). Only a
holder of the key can make it or check it: ``seal(record, key=...)`` and
``verify(record, key=...)``. A key is at least 16 bytes (rule ``INTEGRITY-KEY``).

For keys within the Basic Multilingual Plane this is also the form of RFC 8785 (JSON
Canonicalization Scheme), which sorts by UTF-16 code units; records use ASCII field names,
but ids used as keys (``work_result_ratings``) may be any text. An app in PHP reproduces the
form by sorting keys recursively (``ksort`` with ``SORT_STRING``) and ``json_encode`` with
``JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES``; in JavaScript, write the objects
yourself with keys sorted, because ``JSON.stringify`` puts keys that look like array indices
(``"9"``, ``"10"``) first in numeric order. ``docs/explanation/integrity.md`` has both
snippets. This is a library rule (``INTEGRITY-*``), not a regulation.

:func:`verify` recomputes the digest (and, given the key, the keyed seal) of a stored record
and raises :class:`IntegrityError` when anything differs; it needs the record only, not the
objects, so a record written by an older version of the library still verifies.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import sys
from collections.abc import Mapping
from typing import Any, Final

from asn_performance._kit.validate import shown
from asn_performance.exceptions import IntegrityError

__all__ = [
    "ALGORITHM",
    "CANONICAL_FORM",
    "KEYED_ALGORITHM",
    "LIBRARY_NAME",
    "MIN_KEY_BYTES",
    "canonical_json",
    "digest",
    "keyed_digest",
    "read_strictly",
    "seal",
    "verify",
    "verify_all",
]

ALGORITHM: Final = "sha256"
CANONICAL_FORM: Final = "asn-performance-json/1"
#: The field of a keyed seal in the ``integrity`` block, and what it holds.
KEYED_ALGORITHM: Final = "hmac_sha256"
#: The distribution name written in ``integrity.library.name``.
LIBRARY_NAME: Final = "asn-performance"
#: The shortest key a keyed seal accepts (128 bits).
MIN_KEY_BYTES: Final = 16
_HEX64 = re.compile(r"[0-9a-f]{64}")
#: The fields an ``integrity`` block may hold; ``hmac_sha256`` and ``library`` are optional
#: (a record sealed before they existed has neither).
_BLOCK_FIELDS: Final = ("algorithm", "canonical", "digest", KEYED_ALGORITHM, "library")


def canonical_json(record: Mapping[str, Any]) -> bytes:
    """The canonical UTF-8 bytes of ``record`` without its ``integrity`` block.

    Raises:
        IntegrityError: the record holds something outside the canonical value types (a
            float, a Decimal, a tuple, a non-string key...), rule ``INTEGRITY-FORM``.
    """
    _check_record(record)
    return _canonical({key: value for key, value in record.items() if key != "integrity"})


def _check_record(record: object) -> None:
    if not isinstance(record, Mapping):
        raise IntegrityError(
            "only a record (a JSON object) can be sealed or verified",
            path="$",
            value=type(record).__name__,
            rule="INTEGRITY-FORM",
            fix="pass the dict written by a dump_* function",
        )


def _canonical(body: dict[str, Any]) -> bytes:
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


def _checked_key(key: object) -> bytes | None:
    """``key`` as bytes, or ``None``; never shows the key itself in an error."""
    if key is None:
        return None
    if not isinstance(key, (bytes, bytearray)):
        raise IntegrityError(
            "a seal key is bytes",
            path="key",
            value=type(key).__name__,
            rule="INTEGRITY-KEY",
            fix="pass the key as bytes, e.g. text.encode('utf-8') or a key file read in binary",
        )
    if len(key) < MIN_KEY_BYTES:
        raise IntegrityError(
            f"a seal key has at least {MIN_KEY_BYTES} bytes (128 bits); this one has {len(key)}",
            path="key",
            value=f"{len(key)} bytes",
            rule="INTEGRITY-KEY",
            fix="use a random key of 32 bytes, e.g. `openssl rand -hex 32`, kept by the agency",
        )
    return bytes(key)


def keyed_digest(record: Mapping[str, Any], key: bytes) -> str:
    """HMAC-SHA256 under ``key`` (64 lowercase hex digits) over the canonical form of
    ``record`` with its ``integrity`` block, less the block's ``hmac_sha256`` field: what a
    keyed seal holds.

    Raises:
        IntegrityError: ``key`` is not bytes of at least 16 (``INTEGRITY-KEY``), or the record
            is outside the canonical form (``INTEGRITY-FORM``).
    """
    checked = _checked_key(key)
    if checked is None:
        raise IntegrityError(
            "keyed_digest() needs a key",
            path="key",
            value="None",
            rule="INTEGRITY-KEY",
            fix="pass the agency's seal key as bytes",
        )
    _check_record(record)
    body = dict(record)
    block = body.get("integrity")
    if isinstance(block, Mapping):
        body["integrity"] = {k: v for k, v in block.items() if k != KEYED_ALGORITHM}
    return hmac.new(checked, _canonical(body), hashlib.sha256).hexdigest()


def _library() -> dict[str, str]:
    """The release sealing now: ``asn_performance.__version__``, read when a record is sealed
    (the package is loaded by then; importing it here would make an import circle)."""
    return {"name": LIBRARY_NAME, "version": str(sys.modules["asn_performance"].__version__)}


def seal(record: Mapping[str, Any], *, key: bytes | None = None) -> dict[str, Any]:
    """A copy of ``record`` with its ``integrity`` block: algorithm, canonical form, the
    SHA-256 digest of the content and the library that sealed it; with ``key``, also the
    keyed seal ``hmac_sha256``.

    An existing ``integrity`` block is replaced. The digest does not depend on the key or on
    the library version: the same content has the same digest, keyed or not.

    Raises:
        IntegrityError: the record is outside the canonical form (``INTEGRITY-FORM``), or
            ``key`` is not bytes of at least 16 (``INTEGRITY-KEY``).
    """
    checked = _checked_key(key)
    _check_record(record)
    sealed = {k: value for k, value in record.items() if k != "integrity"}
    block: dict[str, Any] = {
        "algorithm": ALGORITHM,
        "canonical": CANONICAL_FORM,
        "digest": digest(sealed),
        "library": _library(),
    }
    sealed["integrity"] = block
    if checked is not None:
        mac = keyed_digest(sealed, checked)
        sealed["integrity"] = {
            "algorithm": ALGORITHM,
            "canonical": CANONICAL_FORM,
            "digest": block["digest"],
            KEYED_ALGORITHM: mac,
            "library": block["library"],
        }
    return sealed


def verify(record: Mapping[str, Any] | str | bytes, *, key: bytes | None = None) -> str:
    """Check that a sealed record is unchanged; return its SHA-256 digest.

    ``record`` is the dict or its JSON text. A JSON text is read strictly: a repeated key
    or a non-integer number (which the library never writes) makes verification fail,
    because another reader could see a different value than the one that was hashed.

    Without ``key`` only the plain digest is checked (a keyed seal in the record is left
    unchecked): this shows the record was not changed *unless whoever changed it also
    recomputed the digest*, which anyone can. With ``key`` the record must carry a keyed
    seal (``hmac_sha256``) made with that key, which only a holder of the key can make.

    Raises:
        IntegrityError: the record has no valid ``integrity`` block (``INTEGRITY-MISSING``,
            ``INTEGRITY-ALGORITHM``, or ``INTEGRITY-FORM`` for a field the block never
            holds), cannot be read (``INTEGRITY-FORM``), its content does not match the
            digest or the keyed seal (``INTEGRITY-DIGEST``): it was changed after sealing;
            or a key was given and the record has no keyed seal, or the key is unusable
            (``INTEGRITY-KEY``).
    """
    checked = _checked_key(key)
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
    _check_block(block)
    stored: str = block["digest"]
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
    if checked is not None:
        _check_keyed(data, block, checked)
    return stored


def _check_block(block: Mapping[str, Any]) -> None:
    """The block holds only its own fields, in their forms."""
    for name in block:
        if name not in _BLOCK_FIELDS:
            raise IntegrityError(
                f"an integrity block holds only {', '.join(_BLOCK_FIELDS)}, not {shown(name)}",
                path=f"$.integrity.{name}" if isinstance(name, str) else "$.integrity",
                value=shown(name),
                rule="INTEGRITY-FORM",
                fix="restore the integrity block as the library wrote it",
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
    for name in ("digest", KEYED_ALGORITHM):
        value = block.get(name)
        if name in block and not (isinstance(value, str) and _HEX64.fullmatch(value)):
            raise IntegrityError(
                f"{'a digest' if name == 'digest' else 'a keyed seal'} is 64 lowercase"
                " hexadecimal digits",
                path=f"$.integrity.{name}",
                value=str(value)[:80],
                rule="INTEGRITY-MISSING",
                fix="restore the value that was written when the record was sealed",
            )
    library = block.get("library", {"name": LIBRARY_NAME, "version": "-"})
    if not (
        type(library) is dict
        and list(library) in (["name", "version"], ["version", "name"])
        and library["name"] == LIBRARY_NAME
        and type(library["version"]) is str
        and 0 < len(library["version"]) <= 64
    ):
        raise IntegrityError(
            f'an integrity block\'s library is {{"name": "{LIBRARY_NAME}", "version": "..."}}',
            path="$.integrity.library",
            value=shown(library),
            rule="INTEGRITY-FORM",
            fix="restore the integrity block as the library wrote it",
        )


def _check_keyed(data: Mapping[str, Any], block: Mapping[str, Any], key: bytes) -> None:
    stored = block.get(KEYED_ALGORITHM)
    if stored is None:
        raise IntegrityError(
            "the record has no keyed seal (hmac_sha256): its SHA-256 digest alone can be"
            " recomputed by anyone who rewrites the record, so it proves nothing to a holder"
            " of the key",
            path=f"$.integrity.{KEYED_ALGORITHM}",
            value=None,
            rule="INTEGRITY-KEY",
            fix="verify without the key if the record was sealed without one; otherwise"
            " restore the record as it was sealed",
        )
    actual = keyed_digest(data, key)
    if not hmac.compare_digest(actual, stored):
        raise IntegrityError(
            "the record was changed after it was sealed, or sealed with another key: its"
            " keyed seal does not match",
            path=f"$.integrity.{KEYED_ALGORITHM}",
            value=stored,
            rule="INTEGRITY-DIGEST",
            fix="restore the record from the original, or verify with the key it was sealed"
            " with; a changed result needs a new decision, not an edit",
        )


def verify_all(records: object, *, key: bytes | None = None) -> list[str]:
    """Verify one sealed record or a non-empty list of them (a dict, a list, or their JSON
    text, read strictly as in :func:`verify`), with ``key`` as in :func:`verify`; return
    their digests in order.

    Raises:
        IntegrityError: as :func:`verify`; for a list the path starts with ``$[i]``; an empty
            list is refused (``INTEGRITY-MISSING``): nothing would have been verified.
    """
    checked = _checked_key(key)
    data = _read(records) if isinstance(records, (str, bytes, bytearray)) else records
    if isinstance(data, list):
        if not data:
            raise IntegrityError(
                "the list holds no record, so nothing was verified",
                path="$",
                value="[]",
                rule="INTEGRITY-MISSING",
                fix="pass the sealed records to check (a record, or a non-empty list of them)",
            )
        digests = []
        for index, item in enumerate(data):
            try:
                digests.append(verify(item, key=checked))
            except IntegrityError as error:
                path = f"$[{index}]" + (error.path or "$").removeprefix("$")
                raise error.with_path(path) from None
        return digests
    if isinstance(data, Mapping):
        return [verify(data, key=checked)]
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


def read_strictly(text: str | bytes | bytearray) -> object:
    """JSON text read as :func:`verify` reads it: no non-integer number, no NaN or Infinity,
    no repeated key (``INTEGRITY-FORM``)."""
    return _read(text)


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
