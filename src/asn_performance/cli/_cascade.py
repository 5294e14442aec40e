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

__all__ = ["add_cascade_command", "cascade"]


def add_cascade_command(sub: Any) -> None:
    """Add ``cascade`` to the command line's subparsers ``sub``."""
    command = sub.add_parser(
        "cascade",
        help="print the cascade (intervensi) of an input document's plans as a tree",
        description="Print the cascade of a unit: from the head's RHK down to every staff RHK"
        " that intervenes it (leader_work_result_id), with the RHK nobody intervenes, the RHK"
        " without a link and the links that lead nowhere.",
    )
    command.add_argument("file", help="path of the input document, or - for standard input")
    which = command.add_mutually_exclusive_group()
    which.add_argument("--html", action="store_true", help="print HTML instead of a text tree")
    which.add_argument("--json", action="store_true", help="print JSON instead of a text tree")


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
