"""The arguments of the commands on SKP cycles: ``status`` and ``plan-versions``
(:mod:`asn_performance.cli._status` runs them)."""

from __future__ import annotations

import argparse
from typing import Any

from asn_performance._kit.i18n import Lang
from asn_performance.cli._help import help_text

__all__ = ["add_cycle_commands"]


def add_cycle_commands(sub: argparse._SubParsersAction[Any], lang: Lang = "en") -> None:
    """Add ``status`` and ``plan-versions`` to the command line's subcommands, their help in
    ``lang``."""

    def h(msg_id: str) -> str:
        return help_text(msg_id, lang)

    status = sub.add_parser(
        "status", help=h("cli.help.status"), description=h("cli.help.status.description")
    )
    status.add_argument("files", nargs="+", metavar="FILE", help=h("cli.help.status.files"))
    status.add_argument("--as-of", metavar="DATE", help=h("cli.help.status.as_of"))
    status.add_argument(
        "--plan-days", type=int, default=0, metavar="N", help=h("cli.help.status.plan_days")
    )
    status.add_argument(
        "--evaluation-days",
        type=int,
        default=14,
        metavar="N",
        help=h("cli.help.status.evaluation_days"),
    )
    status.add_argument(
        "--decision-days",
        type=int,
        default=14,
        metavar="N",
        help=h("cli.help.status.decision_days"),
    )
    status.add_argument("--json", action="store_true", help=h("cli.help.json_text"))
    status.add_argument("--key-file", metavar="PATH", help=h("cli.help.cycle_key"))

    versions = sub.add_parser(
        "plan-versions",
        help=h("cli.help.plan_versions"),
        description=h("cli.help.plan_versions.description"),
    )
    versions.add_argument("file", help=h("cli.help.plan_versions.file"))
    versions.add_argument(
        "--period", action="append", metavar="P", help=h("cli.help.plan_versions.period")
    )
    versions.add_argument("--json", action="store_true", help=h("cli.help.json_text"))
    versions.add_argument("--key-file", metavar="PATH", help=h("cli.help.cycle_key"))
