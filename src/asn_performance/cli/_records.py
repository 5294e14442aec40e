"""The command on stored records: ``verify`` (the seals), and the agency's seal key.
(``calibrate`` is in :mod:`asn_performance.cli._calibrate`.)"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Final

from asn_performance.cli._output import Output, shown

if TYPE_CHECKING:
    from asn_performance._kit.i18n import Lang

__all__ = ["VERIFY_ENGLISH", "seal_key", "verify"]

#: :data:`asn_performance.boundary.sealed_records.KEY_VARIABLE`, named here so that a command
#: run without a key needs no import of the seals (a test keeps the two equal).
_KEY_VARIABLE: Final = "ASN_PERFORMANCE_SEAL_KEY"


def seal_key(args: argparse.Namespace) -> bytes | None:
    """The agency's seal key: ``--key-file``, else ``ASN_PERFORMANCE_SEAL_KEY``, else none."""
    if args.command not in ("demo", "appraise", "verify"):
        return None
    if args.key_file is None and _KEY_VARIABLE not in os.environ:
        return None  # no key: the seal module (and hashlib, hmac) is not even imported
    from asn_performance.boundary.sealed_records import read_seal_key

    return read_seal_key(args.key_file, os.environ)


def verify(source: bytes, key: bytes | None, out: Output) -> None:
    """Verify each sealed record (with the key, its HMAC too); a lifecycle is also replayed,
    its event chain checked."""
    from asn_performance.boundary.sealed_records import verify_records
    from asn_performance.process._words import count, say

    lang = out.lang
    checked = verify_records(source, key=key)
    lines = []
    for record in checked:
        if record.events is not None:
            what = say(
                VERIFY_ENGLISH,
                "cli.verify.cycle",
                lang,
                plan=shown(record.plan_id or ""),
                events=count(record.events, lang),
                stage=_stage(record.stage, lang),
            )
        elif record.plan_id is not None:
            what = say(
                VERIFY_ENGLISH,
                "cli.verify.plan",
                lang,
                plan=shown(record.plan_id),
                predikat=_predikat(record.predikat, lang),
            )
        else:
            what = say(VERIFY_ENGLISH, "cli.verify.record", lang)
        mac = say(VERIFY_ENGLISH, "cli.verify.hmac", lang) if record.keyed else ""
        line = say(
            VERIFY_ENGLISH,
            "cli.verify.intact",
            lang,
            path=record.path,
            digest=record.digest,
            hmac=mac,
            what=what,
        )
        lines.append(line + "\n")
    # Everything is checked before anything is printed: a failure is one line on its own.
    out.write("".join(lines))
    total = say(VERIFY_ENGLISH, "cli.verify.total", lang, count=count(len(checked), lang))
    out.write(total + "\n")


#: The English words of ``verify`` (issue 14), word for word as in ``locale/en.po``.
VERIFY_ENGLISH: Final = {
    "cli.verify.intact": "intact  {path}  sha256 {digest}{hmac}  ({what})",
    "cli.verify.hmac": "  hmac-sha256 ok",
    "cli.verify.cycle": "cycle {plan}, {events} events, stage {stage}",
    "cli.verify.plan": "plan {plan}, predikat {predikat}",
    "cli.verify.record": "record",
    "cli.verify.total": "{count} record(s) intact",
}


def _stage(code: str | None, lang: Lang) -> str:
    """A cycle's stage: English its code, as always (``final``); Indonesian its label
    (``Final``, the regulation's words), or the code when it is not a stage the library
    knows."""
    from asn_performance.process.lifecycle import Stage

    text = shown(code or "")
    if lang == "en" or code is None:
        return text
    known = {stage.code: stage for stage in Stage}.get(code)
    return text if known is None else known.label_id


def _predikat(code: str | None, lang: Lang) -> str:
    """A record's predikat: English its code, as always (``butuh_perbaikan``); Indonesian its
    label (``Butuh Perbaikan``), or the code when it is not a predikat the library knows."""
    from asn_performance.domain.rating import Predikat

    text = shown(code or "?")
    if lang == "en" or code is None:
        return text
    known = {predikat.code: predikat for predikat in Predikat}.get(code)
    return text if known is None else known.label_id
