"""The commands on many appraisals and on stored records: ``calibrate`` (the distribution of
the predikat, SE MenPANRB 3/2023) and ``verify`` (the seals)."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Final

from asn_performance.cli._output import FailuresError, Output, shown
from asn_performance.exceptions import AsnPerformanceError

if TYPE_CHECKING:
    from asn_performance._kit.i18n import Lang
    from asn_performance.consequences.distribution import DistributionReport, OversightReport

__all__ = ["VERIFY_ENGLISH", "calibrate", "seal_key", "verify"]


def calibrate(
    source: bytes, rounding: str, as_json: bool, out: Output, keep_going: bool = False
) -> tuple[bool, list[AsnPerformanceError]]:
    """Print the distribution check; return whether every limit holds, and (with
    ``keep_going``, for an input document) the problems of the plans left out."""
    import attrs

    from asn_performance.boundary.appraisal_document import to_json
    from asn_performance.boundary.calibration_files import (
        UnitsDocument,
        check_document,
        load_calibration_document,
    )

    document = load_calibration_document(source)
    if isinstance(document, UnitsDocument):  # counts, not plans: nothing to keep going past
        report: OversightReport = document.oversee(rounding)
        if as_json:
            out.data(to_json(report.to_dict()) + "\n")
        else:
            if document.title:
                out.write(shown(document.title) + "\n")
            # The unit names are the document's: shown on one line each, like every value.
            shown_report = attrs.evolve(
                report, units=tuple(u._replace(unit=shown(u.unit)) for u in report.units)
            )
            out.write(shown_report.render(max_violations=len(shown_report.violations)) + "\n")
        return report.ok, []
    failures: list[AsnPerformanceError] = []
    appraisals = None
    if keep_going:
        outcome = document.appraise_each()
        failures.extend(outcome.problems.values())
        if failures and not outcome.results:
            raise FailuresError(failures)
        appraisals = outcome.results
    reports: tuple[DistributionReport, ...] = check_document(
        document, rounding, appraisals=appraisals
    )
    if as_json:
        out.data(to_json([r.to_dict() for r in reports]) + "\n")
    else:
        shown_reports = (attrs.evolve(r, unit=shown(r.unit)) for r in reports)
        out.write("\n\n".join(r.render() for r in shown_reports) + "\n")
        if failures:
            left = len(failures)
            out.write(
                f"\nnote: {left} plan{'s' if left > 1 else ''} could not be appraised and"
                f" {'are' if left > 1 else 'is'} not counted (see the problems below)\n"
            )
    return all(r.ok for r in reports), failures


def seal_key(args: argparse.Namespace) -> bytes | None:
    """The agency's seal key: ``--key-file``, else ``ASN_PERFORMANCE_SEAL_KEY``, else none."""
    if args.command not in ("demo", "appraise", "verify"):
        return None
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
