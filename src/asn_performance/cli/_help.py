"""The command line's help and usage errors in the reader's language (issue 14).

``--help`` and argparse's usage errors are what an operator meets first. The English texts are
kept here (:data:`HELP`, the same words as ``en.po``: a test keeps them equal), so English
reads no catalogue and prints what it always printed; Indonesian comes from ``id.po``
(``cli.help.*``). argparse's own words (``usage:``, ``options``, ``the following arguments
are required``) go through :class:`LangParser`, which writes them in the parser's language
without touching argparse's global ``gettext`` domain (no global state).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, Final, NoReturn

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang, say, text

__all__ = ["HELP", "LangParser", "help_text", "localise"]

#: The English help of every command and option, by message id (``{name}``: filled in).
HELP: Final = FrozenMap(
    {
        "cli.help.description": "Appraise ASN performance under PermenPANRB 6/2022, with the"
        " reason for every result.",
        "cli.help.exit_title": "exit status:",
        "cli.help.exit.0": "success",
        "cli.help.exit.1": "verify: a sealed record was changed after it was sealed;"
        " conformance check: a vector differs or is missing",
        "cli.help.exit.2": "bad input or arguments: one line names the path, value, rule and fix",
        "cli.help.exit.3": "calibrate --fail-on-violation: a distribution limit is violated",
        "cli.help.exit.4": "--keep-going, table: some plans, employees or rows failed (one line"
        " each), others done",
        "cli.help.exit.70": "internal error (a bug: please report it with the input)",
        "cli.help.exit.74": "the output cannot be written (a full disk, a closed pipe)",
        "cli.help.lang": "the language of the tables and error lines: id (Bahasa Indonesia) or"
        " en (English); default: id when LANGUAGE, LC_ALL, LC_MESSAGES or LANG (the first set)"
        " begins with id, else en",
        "cli.help.version": "print the library's version and exit",
        "cli.help.key": "the agency's seal key (a file of at least 16 bytes); default: the"
        " ASN_PERFORMANCE_SEAL_KEY environment variable",
        "cli.help.keep_going": "appraise each plan on its own: print the results of the good"
        " ones, one problem per bad one, and exit with status {status} if some failed",
        "cli.help.json_table": "print JSON instead of a table",
        "cli.help.json_text": "print JSON instead of text",
        "cli.help.file": "path of the input document, or - for standard input",
        "cli.help.demo": "appraise the built-in sample unit",
        "cli.help.appraise": "appraise an input document (JSON)",
        "cli.help.roster": "an organisation roster (roster document): check every assessment's"
        " giver against the role claimed; each problem on its own line, exit status 2",
        "cli.help.sample": "print the built-in sample as an input document",
        "cli.help.schema": "print the JSON Schema of a document the command line reads or writes",
        "cli.help.schema.description": "Print the JSON Schema (draft 2020-12) of a document by"
        " name: {names} (default: document, the input document).",
        "cli.help.schema.name": "which schema: {names} (default: document)",
        "cli.help.schema.output": "the same as NAME results (the appraise output)",
        "cli.help.schema.regime": "the same as NAME ID: pp46_2011, permenpanrb_8_2021,"
        " integration_2021 (or permenpanrb_6_2022, the input document)",
        "cli.help.rewards": "apply a reward policy to the appraisals of an input document",
        "cli.help.rewards.policy": "a built-in policy (national, kemnaker_2025,"
        " pemda_contoh_tpp) or the path of a .toml or .json policy file (default: national)",
        "cli.help.calibrate": "check the predikat against the organisation's distribution (SE"
        " MenPANRB 3/2023)",
        "cli.help.calibrate.file": "an input document, or a units document; - for standard input",
        "cli.help.rounding": "how percent limits round on small units (decision D4; default"
        " strict)",
        "cli.help.calibrate.fail_on_violation": "exit with status {status} when a limit is"
        " violated (the report is still printed)",
        "cli.help.calibrate.keep_going": "check the plans that can be appraised (an input"
        " document): the report counts those, one problem per other plan, and exit with status"
        " {status} if some failed",
        "cli.help.table": "appraise a whole table: CSV, Parquet, XLSX or a folder of e-Kinerja"
        " exports",
        "cli.help.table.description": "Appraise every row of a table (and apply a reward"
        " policy, and check the distribution of every unit); needs the tables extra: pip"
        " install 'asn-performance[tables]'.",
        "cli.help.table.file": "a .csv or .parquet table, an .xlsx file (an e-Kinerja export or"
        " a plain sheet), or a folder of e-Kinerja exports",
        "cli.help.table.out": "write the rows with their results: .csv, .parquet or .xlsx"
        " (default: the summary only)",
        "cli.help.table.policy": "apply a reward policy: a built-in policy (national,"
        " kemnaker_2025, pemda_contoh_tpp) or a .toml or .json policy file (default: national,"
        " when the table has kelas or jenjang)",
        "cli.help.table.organisation": "a CSV of unit,organisation_predikat: check each unit's"
        " distribution (SE MenPANRB 3/2023) and write the report next to OUT, in its format"
        " (.distribution.csv, ...)",
        "cli.help.verify": "check stored records against their seal (SHA-256; with a key,"
        " HMAC-SHA256; exit 1 if changed)",
        "cli.help.verify.file": "a sealed record or a list of them (JSON); - for standard input",
        "cli.help.status": "what is outstanding across many SKP cycles, per agency and unit",
        "cli.help.status.description": "List, on a day, the plans not yet agreed, the revisions"
        " not yet agreed, the evaluations late against the schedule and the objections pending"
        " or past their deadline, per agency (instansi) and unit. Each FILE is a cycle document"
        " (as dump_cycle writes it: agency '(tanpa instansi)', the employee's unit) or a cycle"
        " records document (kind cycle_records: each cycle with its agency, unit and cadence);"
        " a folder stands for its .json files.",
        "cli.help.status.files": "cycle documents, cycle records documents or folders of them;"
        " - for standard input",
        "cli.help.status.as_of": "the day to look at, YYYY-MM-DD (default: today in WIB)",
        "cli.help.status.plan_days": "a plan is due N calendar days after its period starts"
        " (library decision; default 0)",
        "cli.help.status.evaluation_days": "an evaluation is due N calendar days after its"
        " period ends (library decision; default 14)",
        "cli.help.status.decision_days": "an objection's decision is due N calendar days after"
        " filing (library decision; default 14)",
        "cli.help.cycle_key": "the agency's seal key (a file of at least 16 bytes): every cycle"
        " needs a keyed seal made with it; default: the ASN_PERFORMANCE_SEAL_KEY environment"
        " variable",
        "cli.help.plan_versions": "the versions of a revised SKP and the version in force for"
        " each period",
        "cli.help.plan_versions.description": "Print the agreed versions of one SKP (the days"
        " each is in force, what each changed), a revision awaiting agreement, and the version"
        " in force for each period: by default the periods evaluated and the plan's own"
        " period.",
        "cli.help.plan_versions.file": "a cycle document (JSON); - for standard input",
        "cli.help.plan_versions.period": "a period to look at instead ('2025-Q3', 'Triwulan III"
        " 2025', 'Juli 2025'); repeat for several",
        "cli.help.cascade": "print the cascade (intervensi) of an input document's plans as a tree",
        "cli.help.cascade.description": "Print the cascade of a unit: from the head's RHK down"
        " to every staff RHK that intervenes it (leader_work_result_id), with the RHK nobody"
        " intervenes, the RHK without a link and the links that lead nowhere.",
        "cli.help.cascade.html": "print HTML instead of a text tree",
        "cli.help.cascade.json": "print JSON instead of a text tree",
        "cli.help.conformance": "the conformance vectors: export them, or check another"
        " system's results against them",
        "cli.help.conformance.description": "Test another appraisal system against this"
        " library: export writes the vectors (inputs in the public JSON formats and the"
        " expected outputs) and their manifest; check compares that system's results with"
        " them.",
        "cli.help.conformance.export": "write the vectors and manifest.json under DIR",
        "cli.help.conformance.dir": "the folder to write (created if needed)",
        "cli.help.conformance.check": "compare results (JSON or CSV) with the vectors; exit"
        " status 1 when a vector differs or is missing",
        "cli.help.conformance.results": "the results: a JSON object (vector id ->"
        " field -> value) or a CSV file (id,field,...); - for standard input",
        "cli.help.conformance.vectors": "the vectors exported to DIR (default: the vectors of"
        " this release)",
        # argparse's own words
        "cli.help.usage": "usage: ",
        "cli.help.positionals": "positional arguments",
        "cli.help.options": "options",
        "cli.help.help": "show this help message and exit",
        "cli.help.error": "{prog}: error: {message}",
    }
)


def help_text(msg_id: str, lang: Lang, /, **params: str) -> str:
    """The help text ``msg_id`` in ``lang`` (English from :data:`HELP`)."""
    return say(HELP, msg_id, lang, **params)


#: argparse's usage errors (Python 3.11-3.13 wording) and the message of each in a catalogue;
#: an error none of them matches is shown as argparse wrote it.
_ARGPARSE_ERRORS: Final = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "unrecognized"),
    (re.compile(r"one of the arguments (?P<names>.+) is required"), "one_of"),
    (re.compile(r"argument (?P<argument>\S+): expected one argument"), "expected_one"),
    (re.compile(r"argument (?P<argument>\S+): expected at least one argument"), "at_least_one"),
    (
        re.compile(
            r"argument (?P<argument>\S+): invalid choice: (?P<value>.+?)"
            r" \(choose from (?P<choices>.+)\)"
        ),
        "invalid_choice",
    ),
    (
        re.compile(r"argument (?P<argument>\S+): invalid (?P<kind>\w+) value: (?P<value>.+)"),
        "invalid_value",
    ),
    (
        re.compile(r"argument (?P<argument>\S+): not allowed with argument (?P<other>.+)"),
        "not_allowed",
    ),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"), "ambiguous"),
)


def argparse_message(message: str, lang: Lang) -> str:
    """One of argparse's usage errors in ``lang`` (as it is in English, or when unknown)."""
    if lang == "en":
        return message
    for pattern, name in _ARGPARSE_ERRORS:
        match = pattern.fullmatch(message)
        if match is not None:
            return text(f"cli.argparse.{name}", lang, **match.groupdict())
    return message


def terminal_columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` gives it (``COLUMNS`` when
    it is a positive number, else the width of the terminal of standard output, else 80),
    without importing :mod:`shutil` (about 2 ms of every command: it imports the bz2 and lzma
    modules), which argparse's help formatter imports for every argument it checks."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, as wide as :func:`terminal_columns` (as argparse's own:
    two columns less than the terminal)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class RawDescriptionHelpFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """:class:`HelpFormatter` that keeps the description's and epilog's lines as written."""


class LangParser(argparse.ArgumentParser):
    """An argument parser whose own words (the usage prefix, the section titles, the help
    option, the usage errors) are in :attr:`lang`; the subcommands' parsers inherit it.
    Its help formatter is :class:`HelpFormatter` unless another is given."""

    lang: Lang = "en"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def format_usage(self) -> str:
        return self._localised(super().format_usage())

    def format_help(self) -> str:
        return self._localised(super().format_help())

    def _localised(self, shown: str) -> str:
        usage = "usage: "
        if self.lang != "en" and shown.startswith(usage):
            return help_text("cli.help.usage", self.lang) + shown.removeprefix(usage)
        return shown

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        line = help_text(
            "cli.help.error",
            self.lang,
            prog=self.prog,
            message=argparse_message(message, self.lang),
        )
        self.exit(2, line + "\n")


def parser_class(lang: Lang) -> type[LangParser]:
    """The parser class of ``lang`` (a subclass per language, so that the subcommands'
    parsers, which argparse builds from the parent's class, write the same language)."""
    return type(f"LangParser_{lang}", (LangParser,), {"lang": lang})


def localise(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """Put argparse's section titles and the help option's text of ``parser`` and of its
    subcommands' parsers in ``lang`` (nothing to do in English)."""
    if lang == "en":
        return
    seen: list[argparse.ArgumentParser] = [parser]
    while seen:
        current = seen.pop()
        current._positionals.title = help_text("cli.help.positionals", lang)
        current._optionals.title = help_text("cli.help.options", lang)
        for action in current._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = help_text("cli.help.help", lang)
            if isinstance(action, argparse._SubParsersAction):
                seen.extend(_subparsers(action))


def _subparsers(action: argparse._SubParsersAction[Any]) -> Sequence[argparse.ArgumentParser]:
    unique: dict[int, argparse.ArgumentParser] = {}
    for parser in action.choices.values():
        unique[id(parser)] = parser
    return list(unique.values())
