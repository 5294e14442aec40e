"""The arguments of the commands on SKP cycles: ``status`` and ``plan-versions``
(:mod:`asn_performance.cli._status` runs them)."""

from __future__ import annotations

import argparse
from typing import Any, Final

__all__ = ["add_cycle_commands"]

_KEY_HELP: Final = (
    "the agency's seal key (a file of at least 16 bytes): every cycle needs a keyed seal made"
    " with it; default: the ASN_PERFORMANCE_SEAL_KEY environment variable"
)


def add_cycle_commands(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``status`` and ``plan-versions`` to the command line's subcommands."""
    status = sub.add_parser(
        "status",
        help="what is outstanding across many SKP cycles, per agency and unit",
        description="List, on a day, the plans not yet agreed, the revisions not yet agreed,"
        " the evaluations late against the schedule and the objections pending or past their"
        " deadline, per agency (instansi) and unit. Each FILE is a cycle document (as"
        " dump_cycle writes it: agency '(tanpa instansi)', the employee's unit) or a cycle"
        " records document (kind cycle_records: each cycle with its agency, unit and"
        " cadence); a folder stands for its .json files.",
    )
    status.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="cycle documents, cycle records documents or folders of them; - for standard input",
    )
    status.add_argument(
        "--as-of",
        metavar="DATE",
        help="the day to look at, YYYY-MM-DD (default: today in WIB)",
    )
    status.add_argument(
        "--plan-days",
        type=int,
        default=0,
        metavar="N",
        help="a plan is due N calendar days after its period starts (library decision; default 0)",
    )
    status.add_argument(
        "--evaluation-days",
        type=int,
        default=14,
        metavar="N",
        help="an evaluation is due N calendar days after its period ends (library decision;"
        " default 14)",
    )
    status.add_argument(
        "--decision-days",
        type=int,
        default=14,
        metavar="N",
        help="an objection's decision is due N calendar days after filing (library decision;"
        " default 14)",
    )
    status.add_argument("--json", action="store_true", help="print JSON instead of text")
    status.add_argument("--key-file", metavar="PATH", help=_KEY_HELP)

    versions = sub.add_parser(
        "plan-versions",
        help="the versions of a revised SKP and the version in force for each period",
        description="Print the agreed versions of one SKP (the days each is in force, what"
        " each changed), a revision awaiting agreement, and the version in force for each"
        " period: by default the periods evaluated and the plan's own period.",
    )
    versions.add_argument("file", help="a cycle document (JSON); - for standard input")
    versions.add_argument(
        "--period",
        action="append",
        metavar="P",
        help="a period to look at instead ('2025-Q3', 'Triwulan III 2025', 'Juli 2025');"
        " repeat for several",
    )
    versions.add_argument("--json", action="store_true", help="print JSON instead of text")
    versions.add_argument("--key-file", metavar="PATH", help=_KEY_HELP)
