"""``conformance export DIR`` and ``conformance check RESULTS [--vectors DIR] [--json]``:
the conformance vectors of :mod:`asn_performance.conformance` for another system.

``export`` writes the vectors and their manifest under ``DIR``; ``check`` compares another
system's results (JSON ``{id: {field: value}}`` or CSV ``id,field,...``) with the vectors and
prints a line per differing field and per missing vector, then the summary; the status is 0
when every vector matches, 1 when one differs or is missing, 2 for results that cannot be
read (one line per problem, at its JSON path). The parser part
(:func:`add_conformance_command`) imports nothing of the library, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from asn_performance._kit.i18n import Lang
from asn_performance.cli._help import help_text

__all__ = ["EXIT_NOT_CONFORMING", "add_conformance_command", "conformance"]

#: ``conformance check``: a vector differs or is missing.
EXIT_NOT_CONFORMING = 1


def add_conformance_command(sub: Any, lang: Lang = "en") -> None:
    """Add ``conformance export`` and ``conformance check`` to the subparsers ``sub``."""

    def h(msg_id: str) -> str:
        return help_text(msg_id, lang)

    command = sub.add_parser(
        "conformance",
        help=h("cli.help.conformance"),
        description=h("cli.help.conformance.description"),
    )
    actions = command.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help=h("cli.help.conformance.export"))
    export.add_argument("dir", metavar="DIR", help=h("cli.help.conformance.dir"))
    check = actions.add_parser("check", help=h("cli.help.conformance.check"))
    check.add_argument("results", metavar="RESULTS", help=h("cli.help.conformance.results"))
    check.add_argument("--vectors", metavar="DIR", help=h("cli.help.conformance.vectors"))
    check.add_argument("--json", action="store_true", help=h("cli.help.json_text"))
    for action in actions.choices.values():  # --lang after the action too
        action.add_argument(
            "--lang", metavar="{id,en}", default=argparse.SUPPRESS, help=h("cli.help.lang")
        )


def conformance(args: argparse.Namespace, out: Any) -> int:
    """Run ``conformance export`` or ``conformance check``; return the exit status."""
    from asn_performance._kit.i18n import figure, text
    from asn_performance.boundary._wire import read_input, to_json
    from asn_performance.conformance import check, export

    if args.action == "export":
        written = export(args.dir)
        out.write(
            text(
                "conformance.exported",
                out.lang,
                count=figure(len(written) - 1, out.lang),
                folder=args.dir,
            )
            + "\n"
        )
        return 0
    source = read_input(sys.stdin.buffer if args.results == "-" else args.results)
    report = check(source, args.vectors)
    if args.json:
        out.data(to_json(report.to_dict()) + "\n")
    else:
        out.write(report.render(out.lang) + "\n")  # write() makes each line safe to show
    return 0 if report.ok else EXIT_NOT_CONFORMING
