"""Stored records checked in full: the seal of each, with the agency's key when there is one,
and a lifecycle's history replayed.

:func:`verify_records` is what ``asn-performance verify`` runs: every record in a file (one
record or a non-empty list) must match its seal; a record shaped like a lifecycle (``"kind":
"performance_cycle"``, or an ``events`` list whatever its ``kind`` says) is also read back with
:func:`~asn_performance.boundary.cycle_document.load_cycle`, which recomputes its chain of
event digests and replays it. :func:`read_seal_key` reads the agency's seal key from a key file
or the environment variable :data:`KEY_VARIABLE`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, NamedTuple

from asn_performance.exceptions import AsnPerformanceError, IntegrityError
from asn_performance.process.integrity import (
    KEYED_ALGORITHM,
    MIN_KEY_BYTES,
    read_strictly,
    verify_all,
)

__all__ = ["KEY_VARIABLE", "VerifiedRecord", "read_seal_key", "verify_records"]

#: The environment variable the command line reads the seal key from (UTF-8 text).
KEY_VARIABLE: Final = "ASN_PERFORMANCE_SEAL_KEY"


class VerifiedRecord(NamedTuple):
    """One record found intact: where it is (``$`` or ``$[i]``), its SHA-256 digest, whether
    its keyed seal was checked, and what it is: a lifecycle (``events`` and ``stage`` set) or
    another record, with its plan id and predikat when it names them. The texts are as the
    record holds them: a program that prints them escapes them itself."""

    path: str
    digest: str
    keyed: bool
    plan_id: str | None = None
    predikat: str | None = None
    events: int | None = None
    stage: str | None = None

    @property
    def what(self) -> str:
        """A short description: ``cycle ID, N events, stage S``, ``plan ID, predikat P`` or
        ``record``."""
        if self.events is not None:
            return f"cycle {self.plan_id}, {self.events} events, stage {self.stage}"
        if self.plan_id is not None:
            return f"plan {self.plan_id}, predikat {self.predikat or '?'}"
        return "record"


def read_seal_key(
    key_file: str | os.PathLike[str] | None, environ: Mapping[str, str]
) -> bytes | None:
    """The agency's seal key: the bytes of ``key_file`` (one trailing line break removed),
    else the UTF-8 bytes of ``environ[KEY_VARIABLE]``, else ``None`` (no key).

    A key that is set but empty or shorter than 16 bytes is refused, never ignored: a check
    meant to be keyed must not quietly fall back to the unkeyed seal.

    Raises:
        IntegrityError: the key is shorter than 16 bytes (``INTEGRITY-KEY``).
        OSError: the key file cannot be read.
    """
    if key_file is not None:
        key = Path(key_file).read_bytes()
        key = key.removesuffix(b"\n").removesuffix(b"\r")
        where = "--key-file"
    elif KEY_VARIABLE in environ:
        key = environ[KEY_VARIABLE].encode("utf-8", "surrogateescape")
        where = KEY_VARIABLE
    else:
        return None
    if len(key) < MIN_KEY_BYTES:
        raise IntegrityError(
            f"the seal key from {where} has {len(key)} bytes; a key has at least {MIN_KEY_BYTES}",
            path=where,
            value=f"{len(key)} bytes",
            rule="INTEGRITY-KEY",
            fix="use a random key of 32 bytes, e.g. `openssl rand -hex 32`, kept by the agency",
        )
    return key


def verify_records(source: object, *, key: bytes | None = None) -> list[VerifiedRecord]:
    """Verify every sealed record in ``source`` (a record, a non-empty list of them, or
    their JSON text, read strictly) against its seal, with ``key`` as in
    :func:`asn_performance.process.integrity.verify`; replay every lifecycle.

    Everything is checked before anything is returned.

    Raises:
        IntegrityError: a record was changed, is not sealed, or the list is empty; paths
            start with ``$[i]`` for a list.
        AsnPerformanceError: a lifecycle's history breaks a rule of the lifecycle.
    """
    data = read_strictly(source) if isinstance(source, (str, bytes, bytearray)) else source
    digests = verify_all(data, key=key)
    records: list[Any] = data if isinstance(data, list) else [data]
    checked = []
    for index, (record, digest) in enumerate(zip(records, digests, strict=True)):
        where = f"$[{index}]" if isinstance(data, list) else "$"
        keyed = key is not None and KEYED_ALGORITHM in record["integrity"]
        if record.get("kind") == "performance_cycle" or "events" in record:
            try:
                from asn_performance.boundary.cycle_document import load_cycle  # noqa: PLC0415 - pydantic on use

                cycle = load_cycle(record, key=key)
            except AsnPerformanceError as error:
                raise error.with_path(where + (error.path or "$").removeprefix("$")) from None
            checked.append(
                VerifiedRecord(
                    where, digest, keyed, cycle.plan.id, None, len(cycle.events), cycle.stage.code
                )
            )
            continue
        plan = record.get("plan")
        plan_id = record.get("plan_id") or (plan.get("id") if isinstance(plan, dict) else None)
        predikat = record.get("predikat")
        checked.append(
            VerifiedRecord(
                where,
                digest,
                keyed,
                plan_id if isinstance(plan_id, str) else None,
                predikat if isinstance(predikat, str) else None,
            )
        )
    return checked
