"""The command line's arguments and exit statuses."""

from __future__ import annotations

import argparse
from typing import Final

from asn_performance.cli._cascade import add_cascade_command
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
    (EXIT_CHANGED, "verify: a sealed record was changed after it was sealed"),
    (EXIT_BAD_INPUT, "bad input or arguments: one line names the path, value, rule and fix"),
    (EXIT_VIOLATION, "calibrate --fail-on-violation: a distribution limit is violated"),
    (
        EXIT_PARTIAL,
        "--keep-going, table: some plans, employees or rows failed (one line each), others done",
    ),
    (EXIT_INTERNAL, "internal error (a bug: please report it with the input)"),
    (EXIT_OUTPUT, "the output cannot be written (a full disk, a closed pipe)"),
)

_KEY_HELP: Final = (
    "the agency's seal key (a file of at least 16 bytes); default: the"
    " ASN_PERFORMANCE_SEAL_KEY environment variable"
)
_LANG_HELP: Final = (
    "the language of the tables and error lines: id (Bahasa Indonesia) or en (English);"
    " default: id when LANGUAGE, LC_ALL, LC_MESSAGES or LANG (the first set) begins with id,"
    " else en"
)
_KEEP_GOING_HELP: Final = (
    "appraise each plan on its own: print the results of the good ones, one problem per"
    f" bad one, and exit with status {EXIT_PARTIAL} if some failed"
)


def build_parser(schema_names: tuple[str, ...]) -> argparse.ArgumentParser:
    """The parser of every command; ``schema_names`` are the schemas ``schema NAME`` knows."""
    parser = argparse.ArgumentParser(
        prog="asn-performance",
        description="Appraise ASN performance under PermenPANRB 6/2022, with the reason for"
        " every result.",
        epilog="exit status:\n"
        + "\n".join(f"  {status:<3} {meaning}" for status, meaning in EXIT_STATUSES),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # --lang is checked in main(), not by argparse: a bad one is one error line (I18N-LANG)
    parser.add_argument("--lang", metavar="{id,en}", default=None, help=_LANG_HELP)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = sub.add_parser("demo", help="appraise the built-in sample unit")
    demo.add_argument("--json", action="store_true", help="print JSON instead of a table")
    demo.add_argument("--key-file", metavar="PATH", help=_KEY_HELP)

    appraise = sub.add_parser("appraise", help="appraise an input document (JSON)")
    appraise.add_argument("file", help="path of the input document, or - for standard input")
    appraise.add_argument("--json", action="store_true", help="print JSON instead of a table")
    appraise.add_argument("--keep-going", action="store_true", help=_KEEP_GOING_HELP)
    appraise.add_argument("--key-file", metavar="PATH", help=_KEY_HELP)
    appraise.add_argument(
        "--roster",
        metavar="ROSTER.json",
        help="an organisation roster (roster document): check every assessment's giver against"
        " the role claimed; each problem on its own line, exit status 2",
    )

    sub.add_parser("sample", help="print the built-in sample as an input document")

    schema = sub.add_parser(
        "schema",
        help="print the JSON Schema of a document the command line reads or writes",
        description="Print the JSON Schema (draft 2020-12) of a document by name: "
        + ", ".join(schema_names)
        + " (default: document, the input document).",
    )
    schema.add_argument(
        "name",
        nargs="?",
        metavar="NAME",
        help="which schema: " + ", ".join(schema_names) + " (default: document)",
    )
    which = schema.add_mutually_exclusive_group()
    which.add_argument(
        "--output", action="store_true", help="the same as NAME results (the appraise output)"
    )
    which.add_argument(
        "--regime",
        metavar="ID",
        help="the same as NAME ID: pp46_2011, permenpanrb_8_2021, integration_2021 (or"
        " permenpanrb_6_2022, the input document)",
    )

    rewards = sub.add_parser(
        "rewards", help="apply a reward policy to the appraisals of an input document"
    )
    rewards.add_argument("file", help="path of the input document, or - for standard input")
    rewards.add_argument(
        "--policy",
        default="national",
        metavar="P",
        help="a built-in policy (national, kemnaker_2025, pemda_contoh_tpp) or the path of a"
        " .toml or .json policy file (default: national)",
    )
    rewards.add_argument("--json", action="store_true", help="print JSON instead of a table")
    rewards.add_argument("--keep-going", action="store_true", help=_KEEP_GOING_HELP)

    calibrate = sub.add_parser(
        "calibrate",
        help="check the predikat against the organisation's distribution (SE MenPANRB 3/2023)",
    )
    calibrate.add_argument(
        "file", help="an input document, or a units document; - for standard input"
    )
    calibrate.add_argument(
        "--rounding",
        choices=("strict", "lenient"),
        default="strict",
        help="how percent limits round on small units (decision D4; default strict)",
    )
    calibrate.add_argument(
        "--fail-on-violation",
        action="store_true",
        help=f"exit with status {EXIT_VIOLATION} when a limit is violated (the report is still"
        " printed)",
    )
    calibrate.add_argument(
        "--keep-going",
        action="store_true",
        help="check the plans that can be appraised (an input document): the report counts"
        f" those, one problem per other plan, and exit with status {EXIT_PARTIAL} if some"
        " failed",
    )
    calibrate.add_argument("--json", action="store_true", help="print JSON instead of text")

    table = sub.add_parser(
        "table",
        help="appraise a whole table: CSV, Parquet, XLSX or a folder of e-Kinerja exports",
        description="Appraise every row of a table (and apply a reward policy, and check the"
        " distribution of every unit); needs the tables extra: pip install"
        " 'asn-performance[tables]'.",
    )
    table.add_argument(
        "file",
        metavar="IN",
        help="a .csv or .parquet table, an .xlsx file (an e-Kinerja export or a plain sheet),"
        " or a folder of e-Kinerja exports",
    )
    table.add_argument(
        "--out",
        metavar="OUT",
        help="write the rows with their results: .csv, .parquet or .xlsx (default: the"
        " summary only)",
    )
    table.add_argument(
        "--policy",
        metavar="P",
        help="apply a reward policy: a built-in policy (national, kemnaker_2025,"
        " pemda_contoh_tpp) or a .toml or .json policy file (default: national, when the"
        " table has kelas or jenjang)",
    )
    table.add_argument(
        "--organisation",
        metavar="FILE",
        help="a CSV of unit,organisation_predikat: check each unit's distribution (SE MenPANRB"
        " 3/2023) and write the report next to OUT, in its format (.distribution.csv, ...)",
    )
    table.add_argument(
        "--rounding",
        choices=("strict", "lenient"),
        default="strict",
        help="how percent limits round on small units (decision D4; default strict)",
    )

    verify = sub.add_parser(
        "verify",
        help="check stored records against their seal (SHA-256; with a key, HMAC-SHA256;"
        " exit 1 if changed)",
    )
    verify.add_argument(
        "file", help="a sealed record or a list of them (JSON); - for standard input"
    )
    verify.add_argument("--key-file", metavar="PATH", help=_KEY_HELP)
    add_cycle_commands(sub)  # status, plan-versions (cli._status_parser)
    add_cascade_command(sub)  # cascade (cli._cascade)
    for command in sub.choices.values():  # --lang after the command too: demo --lang id
        command.add_argument(
            "--lang", metavar="{id,en}", default=argparse.SUPPRESS, help=_LANG_HELP
        )
    return parser
