"""``cascade FILE [--html | --json]``: the cascade (*intervensi*) of a unit document's plans.

Reads an input document (as ``appraise`` does: its links are checked on loading, every bad
link one line, exit 2) and prints its cascade as a text tree
(:meth:`~asn_performance.process.cascade.CascadeTree.render`), as HTML (``--html``,
:meth:`~asn_performance.process.cascade.CascadeTree.to_html`) or as JSON (``--json``,
:meth:`~asn_performance.process.cascade.CascadeTree.to_dict`). The parser part
(:func:`add_cascade_command`) imports nothing of the library, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from asn_performance._kit.i18n import Lang
from asn_performance.cli._help import help_text

__all__ = ["add_cascade_command", "cascade"]


def add_cascade_command(sub: Any, lang: Lang = "en") -> None:
    """Add ``cascade`` to the command line's subparsers ``sub``, its help in ``lang``."""
    command = sub.add_parser(
        "cascade",
        help=help_text("cli.help.cascade", lang),
        description=help_text("cli.help.cascade.description", lang),
    )
    command.add_argument("file", help=help_text("cli.help.file", lang))
    which = command.add_mutually_exclusive_group()
    which.add_argument("--html", action="store_true", help=help_text("cli.help.cascade.html", lang))
    which.add_argument("--json", action="store_true", help=help_text("cli.help.cascade.json", lang))


def cascade(args: argparse.Namespace, out: Any) -> None:
    """Run ``cascade``: load the document, build its tree, print it."""
    from asn_performance.boundary._wire import read_input
    from asn_performance.boundary.appraisal_document import load_document, to_json
    from asn_performance.process.cascade import cascade_tree

    # As cli._appraise.read (not imported: the parser imports this module): at most MAX_BYTES.
    document = load_document(read_input(sys.stdin.buffer if args.file == "-" else args.file))
    tree = cascade_tree(document.plans)
    if args.json:
        out.data(to_json(tree.to_dict()) + "\n")
    elif args.html:
        out.write(tree.to_html(out.lang) + "\n")
    else:
        if document.title:
            out.write(document.title + "\n")
        out.write(tree.render(out.lang) + "\n")
