"""The command line's arguments and exit statuses."""

from __future__ import annotations

import argparse
from typing import Final

from asn_performance import __version__
from asn_performance._kit.i18n import Lang
from asn_performance.cli._cascade import add_cascade_command
from asn_performance.cli._conformance import add_conformance_command
from asn_performance.cli._help import (
    RawDescriptionHelpFormatter,
    help_text,
    localise,
    parser_class,
)
from asn_performance.cli._status_parser import add_cycle_commands

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_CHANGED",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_PARTIAL",
    "EXIT_STATUSES",
    "EXIT_VIOLATION",
    "build_parser",
]

EXIT_OK: Final = 0
EXIT_CHANGED: Final = 1
EXIT_BAD_INPUT: Final = 2
EXIT_VIOLATION: Final = 3
EXIT_PARTIAL: Final = 4
EXIT_INTERNAL: Final = 70
EXIT_OUTPUT: Final = 74

#: Every exit status of the command line and what it means (the ``--help`` epilog lists them).
EXIT_STATUSES: Final = (
    (EXIT_OK, "success"),
    (
        EXIT_CHANGED,
        "verify: a sealed record was changed after it was sealed; conformance check: a vector"
        " differs or is missing",
    ),
    (EXIT_BAD_INPUT, "bad input or arguments: one line names the path, value, rule and fix"),
    (EXIT_VIOLATION, "calibrate --fail-on-violation: a distribution limit is violated"),
    (
        EXIT_PARTIAL,
        "--keep-going, table: some plans, employees or rows failed (one line each), others done",
    ),
    (EXIT_INTERNAL, "internal error (a bug: please report it with the input)"),
    (EXIT_OUTPUT, "the output cannot be written (a full disk, a closed pipe)"),
)


def build_parser(schema_names: tuple[str, ...], lang: Lang = "en") -> argparse.ArgumentParser:
    """The parser of every command, its help and usage errors in ``lang`` (cli._help);
    ``schema_names`` are the schemas ``schema NAME`` knows."""

    def h(msg_id: str, **params: str) -> str:
        return help_text(msg_id, lang, **params)

    statuses = "\n".join(
        f"  {status:<3} {h(f'cli.help.exit.{status}')}" for status, _ in EXIT_STATUSES
    )
    parser = parser_class(lang)(
        prog="asn-performance",
        description=h("cli.help.description"),
        epilog=h("cli.help.exit_title") + "\n" + statuses,
        formatter_class=RawDescriptionHelpFormatter,
    )
    # --lang is checked in main(), not by argparse: a bad one is one error line (I18N-LANG)
    parser.add_argument("--lang", metavar="{id,en}", default=None, help=h("cli.help.lang"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"asn-performance {__version__}",
        help=h("cli.help.version"),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    keep_going = h("cli.help.keep_going", status=str(EXIT_PARTIAL))
    demo = sub.add_parser("demo", help=h("cli.help.demo"))
    demo.add_argument("--json", action="store_true", help=h("cli.help.json_table"))
    demo.add_argument("--key-file", metavar="PATH", help=h("cli.help.key"))

    appraise = sub.add_parser("appraise", help=h("cli.help.appraise"))
    appraise.add_argument("file", help=h("cli.help.file"))
    appraise.add_argument("--json", action="store_true", help=h("cli.help.json_table"))
    appraise.add_argument("--keep-going", action="store_true", help=keep_going)
    appraise.add_argument("--key-file", metavar="PATH", help=h("cli.help.key"))
    appraise.add_argument("--roster", metavar="ROSTER.json", help=h("cli.help.roster"))

    sub.add_parser("sample", help=h("cli.help.sample"))

    names = ", ".join(schema_names)
    schema = sub.add_parser(
        "schema",
        help=h("cli.help.schema"),
        description=h("cli.help.schema.description", names=names),
    )
    schema.add_argument(
        "name", nargs="?", metavar="NAME", help=h("cli.help.schema.name", names=names)
    )
    which = schema.add_mutually_exclusive_group()
    which.add_argument("--output", action="store_true", help=h("cli.help.schema.output"))
    which.add_argument("--regime", metavar="ID", help=h("cli.help.schema.regime"))

    rewards = sub.add_parser("rewards", help=h("cli.help.rewards"))
    rewards.add_argument("file", help=h("cli.help.file"))
    rewards.add_argument(
        "--policy", default="national", metavar="P", help=h("cli.help.rewards.policy")
    )
    rewards.add_argument("--json", action="store_true", help=h("cli.help.json_table"))
    rewards.add_argument("--keep-going", action="store_true", help=keep_going)

    calibrate = sub.add_parser("calibrate", help=h("cli.help.calibrate"))
    calibrate.add_argument("file", help=h("cli.help.calibrate.file"))
    calibrate.add_argument(
        "--rounding",
        choices=("strict", "lenient"),
        default="strict",
        help=h("cli.help.rounding"),
    )
    calibrate.add_argument(
        "--fail-on-violation",
        action="store_true",
        help=h("cli.help.calibrate.fail_on_violation", status=str(EXIT_VIOLATION)),
    )
    calibrate.add_argument(
        "--keep-going",
        action="store_true",
        help=h("cli.help.calibrate.keep_going", status=str(EXIT_PARTIAL)),
    )
    calibrate.add_argument("--json", action="store_true", help=h("cli.help.json_text"))

    table = sub.add_parser(
        "table", help=h("cli.help.table"), description=h("cli.help.table.description")
    )
    table.add_argument("file", metavar="IN", help=h("cli.help.table.file"))
    table.add_argument("--out", metavar="OUT", help=h("cli.help.table.out"))
    table.add_argument("--policy", metavar="P", help=h("cli.help.table.policy"))
    table.add_argument("--organisation", metavar="FILE", help=h("cli.help.table.organisation"))
    table.add_argument(
        "--rounding",
        choices=("strict", "lenient"),
        default="strict",
        help=h("cli.help.rounding"),
    )

    verify = sub.add_parser("verify", help=h("cli.help.verify"))
    verify.add_argument("file", help=h("cli.help.verify.file"))
    verify.add_argument("--key-file", metavar="PATH", help=h("cli.help.key"))
    add_cycle_commands(sub, lang)  # status, plan-versions (cli._status_parser)
    add_cascade_command(sub, lang)  # cascade (cli._cascade)
    add_conformance_command(sub, lang)  # conformance export / check (cli._conformance)
    for command in sub.choices.values():  # --lang after the command too: demo --lang id
        command.add_argument(
            "--lang", metavar="{id,en}", default=argparse.SUPPRESS, help=h("cli.help.lang")
        )
    localise(parser, lang)
    return parser
