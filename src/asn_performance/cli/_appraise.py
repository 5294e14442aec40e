"""The commands that appraise: ``demo``, ``appraise`` (an input document or a regime
document), ``sample`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang, filler, number, say, text
from asn_performance.cli._output import FailuresError, Output, clip, partial, shown
from asn_performance.cli._parser import EXIT_OK
from asn_performance.exceptions import AsnPerformanceError, InputError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal, appraise

if TYPE_CHECKING:
    from asn_performance.boundary.regime_documents import RegimeDocument

__all__ = ["TABLE_EN", "appraise_file", "demo", "print_json", "read", "sample", "schema", "table"]


#: The message ids of the table's columns (``locale/*.po``).
_HEADERS = ("nip", "name", "position", "hasil_kerja", "perilaku_kerja", "predikat")

#: The table's English words, the same as ``en.po``'s ``cli.appraise.*`` (a test keeps them
#: equal): an English table reads no catalogue (about 5 ms of the command line, issue 12).
TABLE_EN: Final = FrozenMap(
    {
        "cli.appraise.header.nip": "NIP",
        "cli.appraise.header.name": "Name",
        "cli.appraise.header.position": "Position",
        "cli.appraise.header.hasil_kerja": "Hasil kerja",
        "cli.appraise.header.perilaku_kerja": "Perilaku kerja",
        "cli.appraise.header.predikat": "Predikat",
        "cli.appraise.why": "why: {reason}",
        "cli.appraise.summary": "{count} appraisals: {counts}",
        "cli.appraise.summary.item": "{predikat} {count}",
    }
)


def _why(lang: Lang) -> Callable[[str], str]:
    """The reason line's words in ``lang``, looked up once per table."""
    if lang != "en":
        return filler("cli.appraise.why", lang, "reason")
    english = TABLE_EN["cli.appraise.why"]
    return lambda reason: english.format(reason=reason)


def table(appraisals: Sequence[Appraisal], title: str | None, out: Output) -> None:
    """The appraisals as a table in ``out.lang``: a row and a reason each
    (:meth:`Appraisal.reason` in ``out.lang``), then how many got each predikat; the predikat
    and ratings show their Indonesian labels (the regulation's words) in both languages."""
    lang = out.lang
    headers = tuple(say(TABLE_EN, f"cli.appraise.header.{column}", lang) for column in _HEADERS)
    rows = [
        (
            a.plan.employee.nip.digits,
            clip(a.plan.employee.name, 28),
            clip(a.plan.employee.position.title, 28),
            a.rating_hasil_kerja.label_id,
            a.rating_perilaku_kerja.label_id,
            a.predikat.label_id,
        )
        for a in appraisals
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    # the whole table written at once (each line still passes through Output.write's shown);
    # the fixed words looked up once, not once per row (issue 12)
    why = _why(lang)
    lines = [f"{shown(title)}\n\n"] if title else []
    lines.append("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    lines.append("\n" + "  ".join("-" * w for w in widths) + "\n")
    for appraisal, row in zip(appraisals, rows, strict=True):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        lines.append(f"\n    {why(shown(appraisal.reason(lang)))}\n")
    counts: dict[str, int] = {}
    for appraisal in appraisals:
        counts[appraisal.predikat.label_id] = counts.get(appraisal.predikat.label_id, 0) + 1
    summary = ", ".join(
        say(TABLE_EN, "cli.appraise.summary.item", lang, predikat=label, count=number(n, lang))
        for label, n in counts.items()
    )
    total = number(len(appraisals), lang)
    lines.append(f"\n{say(TABLE_EN, 'cli.appraise.summary', lang, count=total, counts=summary)}\n")
    out.write("".join(lines))


def print_json(appraisals: Sequence[Appraisal], out: Output, key: bytes | None = None) -> None:
    from asn_performance.boundary.appraisal_document import to_json
    from asn_performance.boundary.part_documents import dump_result

    out.data(to_json([dump_result(a, key=key) for a in appraisals]) + "\n")


def demo(as_json: bool, out: Output, key: bytes | None = None) -> None:
    from asn_performance.services.sample import sample_unit

    sample = sample_unit()
    appraisals = [
        appraise(
            plan,
            [a for a in sample.assessments if a.plan_id == plan.id],
            policy=sample.policy,
            guards=sample.guards,
            organisation_predikat=sample.organisation_predikat,
        )
        for plan in sample.plans
    ]
    if as_json:
        print_json(appraisals, out, key)
    else:
        table(appraisals, sample.title, out)


def regime_results(document: RegimeDocument, as_json: bool, out: Output) -> None:
    """The results of a regime document (before 2022) as a table in ``out.lang`` (JSON with
    ``as_json``): the legal basis and period, a row each (value with 2 places, the predikat
    and its 2022 equivalent as the regulation's labels), then the count. English is written
    as it always was and reads no catalogue; another language takes the ``cli.regime.*``
    messages and writes the values per language (``83,30``)."""
    from asn_performance.boundary.appraisal_document import to_json
    from asn_performance.boundary.regime_documents import dump_regime_result
    from asn_performance.regimes.registry import PERMENPANRB_8_2021, PP46_2011
    from asn_performance.regimes.transition_2021 import INTEGRATION_2021

    results = document.compute()
    if as_json:
        out.data(to_json([dump_regime_result(r) for r in results]) + "\n")
        return
    lang = out.lang
    english = lang == "en"
    # the English headers are written without reading a catalogue; the ids are
    # cli.regime.header.{nip,name,regime,value,predikat,predikat_2022}
    columns = ("nip", "name", "regime", "value", "predikat", "predikat_2022")
    headers = (
        ("NIP", "Name", "Regime", "Score", "Predikat", "2022 equivalent")
        if english
        else tuple(text(f"cli.regime.header.{column}", lang) for column in columns)
    )
    rows = [
        (
            r.nip.digits,
            clip(r.name, 28),
            r.regime,
            str(r.value_shown) if english else number(r.value_shown, lang),
            "-" if r.predikat is None else r.predikat.label_id,
            "-" if r.predikat_2022 is None else r.predikat_2022.label_id,
        )
        for r in results
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    if document.title:
        out.write(f"{shown(document.title)}\n\n")
    basis, period = shown(results[0].legal_basis), shown(document.period.code)
    if english:
        out.write(f"{basis}, period {period}\n\n")
    else:
        if results[0].regime == INTEGRATION_2021:  # the two halves' bases joined by words
            basis = text(
                "cli.regime.basis.integration_2021",
                lang,
                first=PP46_2011.legal_basis,
                second=PERMENPANRB_8_2021.legal_basis,
            )
        out.write(f"{text('cli.regime.basis', lang, legal_basis=basis, period=period)}\n\n")
    for row in (headers, tuple("-" * w for w in widths), *rows):
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    if english:
        out.write(f"\n{len(results)} results\n")
    else:
        count = number(len(results), lang)
        out.write(f"\n{text('cli.regime.summary', lang, count=count)}\n")


def read(path: str) -> bytes:
    """The file's bytes, or standard input's for ``-``: at most the boundary's input limit
    (``MAX_BYTES``), refused past it (rule ``SCHEMA-too_large``)."""
    from asn_performance.boundary._json_text import read_input  # no pydantic

    return read_input(sys.stdin.buffer if path == "-" else path)


def appraise_file(args: argparse.Namespace, out: Output, key: bytes | None) -> int:
    """``appraise FILE``: the table (or JSON) of an input or regime document; the status.

    ``--roster ROSTER.json`` replaces the document's own roster: every assessment is checked
    against it (``AUTH-ROSTER-ROLE``), all problems reported (exit status 2)."""
    from asn_performance.boundary._unit_document import AppraisalDocument
    from asn_performance.boundary.regime_documents import load_any

    document = load_any(read(args.file))
    # any other document is a regime document; asked without importing RegimeDocument, whose
    # regimes a document of PermenPANRB 6/2022 does not need (about 20 ms of the start)
    if not isinstance(document, AppraisalDocument):
        if args.roster is not None:
            raise InputError(
                "a regime document (before 2022) names no assessors to check against a roster",
                path="--roster",
                value=args.roster,
                rule="AUTH-ROSTER-ROLE",
                fix="leave --roster out, or give an input document of PermenPANRB 6/2022",
            )
        regime_results(document, args.json, out)
        return EXIT_OK
    if args.roster is not None:  # who may give which input (issue 13): refused before any result
        from asn_performance.boundary._document_roster import with_roster
        from asn_performance.boundary.cycle_document import load_roster

        document = with_roster(document, load_roster(read(args.roster)))
    failures: list[AsnPerformanceError] = []
    if args.keep_going:
        outcome = document.appraise_each()
        failures.extend(outcome.problems.values())
        appraisals = outcome.results
        if failures and not appraisals:
            raise FailuresError(failures)
    else:
        appraisals = document.appraise_all()
    out.keep(document, appraisals)
    if args.json:
        print_json(appraisals, out, key)
    else:
        table(appraisals, document.title, out)
    return partial(failures, args.json, out)


def sample(out: Output) -> None:
    """Print the built-in sample as an input document."""
    from asn_performance.boundary.appraisal_document import (
        dump_document,
        sample_document,
        to_json,
    )

    out.data(to_json(dump_document(sample_document())) + "\n")


def schema(name: str | None, regime: str | None, output: bool, out: Output) -> None:
    """Print the JSON Schema called ``name`` (``--output`` is ``results``; ``--regime ID`` the
    schema of regime ``ID``'s document, an unknown regime refused with rule ``REGIME-ID``; the
    default is ``document``)."""
    from asn_performance.boundary.regime_documents import regime_input_json_schema
    from asn_performance.boundary.schemas import json_schema

    given = [n for n in (name, regime, "results" if output else None) if n is not None]
    if len(set(given)) > 1:
        raise InputError(
            "two different schemas were asked for",
            path="NAME",
            value=" and ".join(given),
            rule="SCHEMA-name",
            fix="give one NAME (--output is the same as results, --regime ID as ID)",
        )
    if regime is not None and name is None:
        chosen = regime_input_json_schema(regime)
    else:
        chosen = json_schema(given[0] if given else "document")
    out.data(json.dumps(chosen, indent=2, ensure_ascii=False) + "\n")
