"""The ``asn-performance`` command line.

Commands:

* ``demo [--json]`` -- appraise the built-in sample unit and print a table with one line of
  reason per employee;
* ``appraise FILE [--json]`` -- the same for an input document (``-`` reads standard input);
* ``sample`` -- print the built-in sample as an input document (a starting point for your own);
* ``schema [--output]`` -- print the JSON Schema of the input document (or of the output).

Bad input prints one line naming the JSON path, the value, the rule and the fix, and exits
with status 2; nothing else is printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from .appraisal import Appraisal, appraise
from .exceptions import AsnPerformanceError

if TYPE_CHECKING:
    from .schemas import AppraisalDocument

__all__ = ["main"]

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="asn-performance",
        description="Appraise ASN performance under PermenPANRB 6/2022, with the reason for"
        " every result.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = sub.add_parser("demo", help="appraise the built-in sample unit")
    demo.add_argument("--json", action="store_true", help="print JSON instead of a table")
    appraise_cmd = sub.add_parser("appraise", help="appraise an input document (JSON)")
    appraise_cmd.add_argument("file", help="path of the input document, or - for standard input")
    appraise_cmd.add_argument("--json", action="store_true", help="print JSON instead of a table")
    sub.add_parser("sample", help="print the built-in sample as an input document")
    schema = sub.add_parser("schema", help="print the JSON Schema of the input document")
    schema.add_argument(
        "--output", action="store_true", help="print the schema of the output instead"
    )
    return parser


def _table(appraisals: Sequence[Appraisal], title: str | None, out: TextIO) -> None:
    headers = ("NIP", "Nama", "Jabatan", "Hasil kerja", "Perilaku kerja", "Predikat")
    rows = [
        (
            a.plan.employee.nip.digits,
            _clip(a.plan.employee.name, 28),
            _clip(a.plan.employee.position.title, 28),
            a.rating_hasil_kerja.label_id,
            a.rating_perilaku_kerja.label_id,
            a.predikat.label_id,
        )
        for a in appraisals
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    if title:
        out.write(f"{title}\n\n")
    out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for appraisal, row in zip(appraisals, rows, strict=True):
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
        out.write(f"    why: {appraisal.reason()}\n")
    counts: dict[str, int] = {}
    for appraisal in appraisals:
        counts[appraisal.predikat.label_id] = counts.get(appraisal.predikat.label_id, 0) + 1
    summary = ", ".join(f"{label} {n}" for label, n in counts.items())
    out.write(f"\n{len(appraisals)} appraisals: {summary}\n")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_json(appraisals: Sequence[Appraisal], out: TextIO) -> None:
    from .schemas import dump_result, to_json

    out.write(to_json([dump_result(a) for a in appraisals]) + "\n")


def _sample_document() -> AppraisalDocument:
    from .sample import sample_unit
    from .schemas import AppraisalDocument

    sample = sample_unit()
    return AppraisalDocument(
        employees=sample.employees,
        plans=sample.plans,
        assessments=sample.assessments,
        policy=sample.policy,
        guards=sample.guards,
        organisation_predikat=sample.organisation_predikat,
        title=sample.title,
    )


def _demo(as_json: bool, out: TextIO) -> None:
    from .sample import sample_unit

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
        _print_json(appraisals, out)
    else:
        _table(appraisals, sample.title, out)


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def _run(args: argparse.Namespace, out: TextIO) -> None:
    if args.command == "demo":
        _demo(args.json, out)
    elif args.command == "appraise":
        from .schemas import load_document

        document = load_document(_read(args.file))
        appraisals = document.appraise_all()
        if args.json:
            _print_json(appraisals, out)
        else:
            _table(appraisals, document.title, out)
    elif args.command == "sample":
        from .schemas import dump_document, to_json

        out.write(to_json(dump_document(_sample_document())) + "\n")
    elif args.command == "schema":
        import json

        from .schemas import input_json_schema, output_json_schema

        schema = output_json_schema() if args.output else input_json_schema()
        out.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad input, 70 internal error)."""
    args = _parser().parse_args(argv)
    try:
        _run(args, sys.stdout)
    except AsnPerformanceError as error:
        sys.stderr.write(f"asn-performance: error: {error.one_line()}\n")
        return EXIT_BAD_INPUT
    except OSError as error:
        sys.stderr.write(f"asn-performance: error: cannot read {args.file!r}: {error.strerror}\n")
        return EXIT_BAD_INPUT
    except Exception as error:  # last resort: one line, never a traceback
        sys.stderr.write(
            f"asn-performance: internal error ({type(error).__name__}: {error}); please report"
            " it with the input that caused it\n"
        )
        return EXIT_INTERNAL
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
