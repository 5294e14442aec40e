"""The ``asn-performance`` command line.

Commands:

* ``demo [--json]`` -- appraise the built-in sample unit and print a table with one line of
  reason per employee;
* ``appraise FILE [--json]`` -- the same for an input document (``-`` reads standard input);
  a regime document (``"regime": "pp46_2011"``, ``"permenpanrb_8_2021"`` or
  ``"integration_2021"``) prints each employee's value and predikat under that regime;
* ``sample`` -- print the built-in sample as an input document (a starting point for your own);
* ``schema [NAME]`` -- print the JSON Schema of a document the command line reads or writes,
  by name (:mod:`asn_performance.boundary.schemas`; the default is the input document);
* ``rewards FILE [--policy P] [--json]`` -- appraise an input document and apply a reward
  policy (angka kredit, allowance, career, recognition, development, consequences) to each
  employee, then the unit's totals; ``P`` is a built-in policy (``national``, the default;
  ``kemnaker_2025``; ``pemda_contoh_tpp``) or the path of a ``.toml`` or ``.json`` policy
  file;
* ``calibrate FILE [--rounding strict|lenient] [--fail-on-violation] [--json]`` -- check the
  distribution of the predikat against the organisation predikat (SE MenPANRB 3/2023): an input
  document, or a units document (``{"units": [...]}``) for oversight of many units; with
  ``--fail-on-violation`` a violated limit exits with status 3;
* ``table IN [--out OUT] [--policy P] [--organisation FILE] [--rounding R]`` -- appraise
  every row of a CSV, Parquet or XLSX table or a folder of e-Kinerja exports (the ``tables``
  extra), apply a reward policy and check each unit's distribution; a summary on standard
  output, exit 4 when some rows have a problem (:mod:`asn_performance.cli._table`);
* ``verify FILE`` -- check that stored records (what ``appraise --json``, ``dump_appraisal``,
  ``dump_result`` or ``dump_cycle`` wrote; one record or a list) still match their SHA-256
  seal, and for a lifecycle its chain of event digests; exit status 1 if one was changed;
* ``status FILES... [--as-of DATE] [--json]`` -- what is outstanding across many SKP cycles on a
  day, per agency and unit (cycle documents, cycle records documents or folders of them;
  :mod:`asn_performance.cli._status`); every problem of every file, one line each, exit 2;
* ``plan-versions CYCLE [--period P]... [--json]`` -- the versions of a revised SKP and the
  version in force for each period;
* ``cascade FILE [--html | --json]`` -- the cascade (*intervensi*) of an input document's plans
  as a tree, from the head's RHK down to every staff RHK (:mod:`asn_performance.cli._cascade`);
* ``conformance export DIR`` / ``conformance check RESULTS [--vectors DIR] [--json]`` -- write
  the conformance vectors, or compare another system's results with them; exit status 1 when a
  vector differs or is missing (:mod:`asn_performance.cli._conformance`).

Bad input prints one line per problem naming the JSON path, the value, the rule and the fix,
and exits with status 2 (with ``--json``: one JSON object on standard error,
:func:`~asn_performance.cli._output.error_json`). ``--keep-going`` (``appraise``,
``rewards``, ``calibrate``) prints the good results and
one problem per failed plan, and exits 4 when some failed. A record changed after it was
sealed exits 1, also with one line. The exit statuses are :data:`EXIT_STATUSES`.

JSON output (``--json``, ``sample``, ``schema``) is exactly the text the library's ``to_json``
gives, encoded as UTF-8: nothing in it is changed, so what ``appraise --json`` writes verifies.
Only the readable tables are made safe for a terminal
(:func:`~asn_performance.cli._output.shown`): control characters never reach it, a no-break
space shows as a space, invisible format characters are dropped.

``--lang id|en`` (before or after the command) chooses the language of the readable output;
without it, ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` beginning ``id`` gives Bahasa
Indonesia, else English (:func:`~asn_performance._kit.i18n.resolve_lang`; issue 14: so far the
``demo`` / ``appraise`` table and the fixed words of the error lines).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from typing import NoReturn

from asn_performance._kit.i18n import Lang, resolve_lang
from asn_performance.cli._appraise import appraise_file, demo, read, sample, schema
from asn_performance.cli._output import (
    Output,
    OutputError,
    error_line,
    output_failed,
    partial,
    report,
)
from asn_performance.cli._parser import (
    EXIT_BAD_INPUT,
    EXIT_CHANGED,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_STATUSES,
    EXIT_VIOLATION,
    build_parser,
)
from asn_performance.cli._records import seal_key, verify
from asn_performance.exceptions import AsnPerformanceError, InputError, IntegrityError

__all__ = ["EXIT_STATUSES", "main", "run"]

#: The schemas ``schema NAME`` prints (:data:`asn_performance.boundary.schemas.SCHEMAS`, in
#: its order; a test keeps the two equal), named here so that ``--help`` needs no pydantic.
SCHEMA_NAMES = (
    "document",
    "results",
    "pp46_2011",
    "permenpanrb_8_2021",
    "integration_2021",
    "regime-results",
    "rewards",
    "policy",
    "units",
    "calibration",
    "oversight",
    "sealed",
    "error",
    "appraisal",
    "cycle",
    "roster",
    "cycle-records",
    "feedback",
)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while one command runs, then as the caller had it
    (tests run :func:`main` in their own process).

    The command line owns its process and lives for one command, so it may do what the
    library never does: the library's loads and appraisals make no reference cycles (the
    collector's passes during them free nothing; ``benchmarks/README.md``, "Scale"), and the
    hostile sizes of ``benchmarks/fuzz.py --sizes --gc-off`` use the same memory with it off.
    What it saves is measured in docs/explanation/performance.md."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _run(args: argparse.Namespace, out: Output) -> int:
    """Run the command; return its exit status (errors are raised)."""
    key = seal_key(args)
    if args.command == "demo":
        demo(args.json, out, key)
    elif args.command == "appraise":
        return appraise_file(args, out, key)
    elif args.command == "sample":
        sample(out)
    elif args.command == "schema":
        schema(args.name, args.regime, args.output, out)
    elif args.command == "rewards":
        from asn_performance.boundary.appraisal_document import load_document
        from asn_performance.cli._rewards import policy_named, rewards  # pathlib, policies

        policy = policy_named(args.policy)
        failed = rewards(load_document(read(args.file)), policy, args.json, out, args.keep_going)
        return partial(failed, args.json, out)
    elif args.command == "calibrate":
        from asn_performance.cli._calibrate import calibrate

        within, failed = calibrate(read(args.file), args.rounding, args.json, out, args.keep_going)
        status = partial(failed, args.json, out)
        if args.fail_on_violation and not within:
            return EXIT_VIOLATION  # a violation outranks an incomplete run (both are reported)
        return status
    elif args.command in ("table", "conformance"):  # cli._table.table, cli._conformance...
        command = getattr(import_module(f"asn_performance.cli._{args.command}"), args.command)
        return int(command(args, out))
    elif args.command == "verify":
        verify(read(args.file), key, out)
    elif args.command in ("status", "plan-versions"):
        from asn_performance.cli._status import plan_versions_command, status_command

        (status_command if args.command == "status" else plan_versions_command)(args, out)
    elif args.command == "cascade":
        from asn_performance.cli._cascade import cascade

        cascade(args, out)
    return EXIT_OK


def _language(args: argparse.Namespace, as_json: bool) -> Lang:
    """``--lang``, else the environment (issue 14). A language the library does not write
    (``--lang fr``, ``--lang ID``) is refused as a usage error is (``SystemExit`` with status
    2), but in one line naming the option, the value, rule ``I18N-LANG`` and the fix, in the
    environment's language; never taken for English."""
    try:
        return resolve_lang(args.lang, os.environ)
    except InputError as error:
        wrong = InputError(
            error.message, path="--lang", value=args.lang, rule=error.rule, fix=error.fix
        )
        report(wrong, as_json, resolve_lang(None, os.environ))
        raise SystemExit(EXIT_BAD_INPUT) from None


def _help_language(argv: Sequence[str]) -> Lang:
    """The language of ``--help`` and of argparse's usage errors, before the arguments are
    parsed: the last ``--lang id|en`` of ``argv``, else the environment (a ``--lang`` the
    library does not write is refused after parsing, by :func:`_language`)."""
    given = None
    for index, arg in enumerate(argv):
        name, equals, value = arg.partition("=")
        if len(name) < len("--l") or not "--lang".startswith(name):
            continue  # argparse takes an abbreviation too: --la id, --lan=id
        if equals:
            given = value
        elif index + 1 < len(argv):
            given = argv[index + 1]
    if given in ("id", "en"):
        return resolve_lang(given)
    return resolve_lang(None, os.environ)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (:data:`EXIT_STATUSES`).

    For a caller's own process (tests, a program that runs a command): everything the
    command built is freed before it returns and the process goes on. The installed
    ``asn-performance`` script is :func:`run`."""
    return _main(argv, None)


def run() -> NoReturn:
    """The installed ``asn-performance`` script: :func:`main` on ``sys.argv``, then the
    process ends with its exit status.

    Once standard output and standard error are flushed, the process ends at once
    (``os._exit``) instead of tearing the interpreter down: freeing a loaded document object
    by object and the teardown's last collection over every imported module cost about
    6 ms and 17 ms for 1,000 employees (docs/explanation/performance.md), and nothing is
    left to do by then (the command line registers no exit handlers and every file it
    writes is closed when the command returns). When a flush fails, the process ends the
    ordinary way, as it did before (``SystemExit``)."""
    kept: list[object] = []
    status = _main(None, kept)
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with the descriptor closed (``>&-``, ``2>&-``)
            continue
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: the ordinary end reports it
            raise SystemExit(status) from None
    os._exit(status)


def _main(argv: Sequence[str] | None, kept: list[object] | None) -> int:
    """:func:`main`; ``kept`` receives what the command built (:meth:`Output.keep`)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser(SCHEMA_NAMES, _help_language(arguments)).parse_args(arguments)
    except SystemExit:  # --help, or a usage error (argparse has printed it)
        try:
            sys.stdout.flush()
        except OSError as error:
            raise SystemExit(output_failed(error)) from None
        raise
    as_json = bool(getattr(args, "json", False))
    lang = _language(args, as_json)
    out = Output(sys.stdout, lang, kept)
    try:
        with _collector_paused():
            status = _run(args, out)
        out.flush()
    except OutputError as error:
        return output_failed(error.error, lang)
    except IntegrityError as error:
        report(error, as_json, lang)
        changed = error.rule in ("INTEGRITY-DIGEST", "INTEGRITY-CHAIN")
        return EXIT_CHANGED if changed else EXIT_BAD_INPUT
    except AsnPerformanceError as error:
        report(error, as_json, lang)
        return EXIT_BAD_INPUT
    except OSError as error:  # reading the input (writing is an OutputError)
        name = error.filename if error.filename is not None else getattr(args, "file", "-")
        unreadable = InputError(
            f"cannot read {name!r}: {error.strerror or error}",
            value=str(name),
            rule="DOCUMENT-FILE",
            fix="give the path of a file that can be read (not a folder), or - for standard input",
        )
        report(unreadable, as_json, lang)
        return EXIT_BAD_INPUT
    except Exception as error:  # last resort: one line, never a traceback
        error_line(
            f"internal error ({type(error).__name__}: {error}); please report it with the"
            " input that caused it",
            prefix="asn-performance: ",
        )
        return EXIT_INTERNAL
    return status


if __name__ == "__main__":  # pragma: no cover
    run()
