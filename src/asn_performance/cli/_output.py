"""What the command line writes: JSON exactly, readable text made safe for a terminal, and
errors on standard error (one line per problem, or one JSON object).

Readable text is written in the language of :attr:`Output.lang` (``--lang``, issue 14): the
fixed words of an error line (``error:``, ``got``, ``rule``, ``Fix:``, ``and N more problems
not listed``) come from the catalogue (:mod:`asn_performance._kit.i18n`); a problem's own
message and fix are the library's, in English until their modules are translated. JSON is
never translated."""

from __future__ import annotations

import codecs
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from typing import Final, TextIO

from asn_performance._kit.i18n import DEFAULT_LANG, Lang, number, text
from asn_performance.cli._parser import EXIT_OK, EXIT_OUTPUT, EXIT_PARTIAL
from asn_performance.exceptions import AsnPerformanceError, Problem

__all__ = [
    "FailuresError",
    "Output",
    "OutputError",
    "clip",
    "error_json",
    "error_line",
    "output_failed",
    "partial",
    "problem_line",
    "quiet_stdout",
    "report",
    "shown",
]


#: Characters that break or move a line; inside a value they show as one space.
_BREAKS: Final = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")


def _shown_character(character: str) -> str:
    if character.isprintable():
        return character
    if character in _BREAKS:
        return " "
    category = unicodedata.category(character)
    if category == "Zs":  # a no-break space, a thin space: a space to the reader
        return " "
    if category == "Cf":  # soft hyphen, zero-width joiner, LRM, bidi overrides: invisible
        return ""
    if category in ("Co", "Cn"):  # private use, not yet assigned: no terminal acts on them
        return character
    return "\ufffd"  # C0 and C1 controls (ESC, DEL, CSI), surrogates


def shown(text: str) -> str:
    """``text`` as a person reads it, on one line and safe for a terminal.

    A no-break space (or another space character) and a line or paragraph separator show as
    a space; a tab, a newline and the other control characters that break a line, as a space
    too; invisible format characters (soft hyphen, zero-width joiner, left-to-right mark, bidi
    overrides) are dropped; any other control character (ESC of an ANSI sequence, DEL, the C1
    controls) becomes U+FFFD, so it never reaches the terminal.
    """
    if text.isprintable():
        return text
    return "".join(_shown_character(c) for c in text)


def clip(text: str, width: int) -> str:
    text = shown(text)
    return text if len(text) <= width else text[: width - 1] + "…"


class OutputError(Exception):
    """Writing the output failed (a full disk, a closed pipe); ``error`` is the cause."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _codec(encoding: str) -> str | None:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


class Output:
    """Standard output, two ways.

    :meth:`write` is for readable text (tables, reports): each line is passed through
    :func:`shown`, so nothing but the line structure the command line makes itself reaches
    the terminal. :meth:`data` is for JSON: the text is written exactly, encoded as UTF-8,
    whatever the terminal's encoding; it is never changed. A failed write raises
    :class:`OutputError`. ``lang`` is the language of the readable text and of the error
    lines (``--lang``; English by default). ``kept``, when given, receives what a command
    built (:meth:`keep`) so that it outlives the command (:func:`asn_performance.cli.run`).
    """

    def __init__(
        self, stream: TextIO, lang: Lang = DEFAULT_LANG, kept: list[object] | None = None
    ) -> None:
        self._stream = stream
        self._lang: Lang = lang
        self._kept = kept

    def keep(self, *objects: object) -> None:
        """Hold ``objects`` (a loaded document, its results) in ``kept`` when there is one:
        the script ends its process with them still alive instead of freeing them one by one
        (about 6 ms for 1,000 employees). Without ``kept`` (:func:`asn_performance.cli.main`
        in a caller's process) nothing is held."""
        if self._kept is not None:
            self._kept.extend(objects)

    @property
    def lang(self) -> Lang:
        """The language of the readable text (``"id"`` or ``"en"``)."""
        return self._lang

    def write(self, text: str) -> None:
        safe = "\n".join(shown(line) for line in text.split("\n"))
        encoding = getattr(self._stream, "encoding", None)
        if isinstance(encoding, str) and _codec(encoding) not in ("utf-8", None):
            # A terminal that cannot show a character shows "?", rather than failing.
            safe = safe.encode(encoding, "replace").decode(encoding)
        self._put(safe)

    def data(self, text: str) -> None:
        buffer = getattr(self._stream, "buffer", None)
        if buffer is None:  # a text stream only (in-process, io.StringIO)
            self._put(text)
            return
        try:
            self._stream.flush()
            buffer.write(text.encode("utf-8"))
        except OSError as error:
            raise OutputError(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise OutputError(error) from None

    def _put(self, text: str) -> None:
        try:
            self._stream.write(text)
        except OSError as error:
            raise OutputError(error) from None


class FailuresError(AsnPerformanceError):
    """Every plan (or employee) failed under ``--keep-going``: their problems, together."""

    def __init__(self, failures: Sequence[AsnPerformanceError]) -> None:
        problems = [p for failure in failures for p in failure.problems]
        first = problems[0]
        super().__init__(
            first.message,
            path=first.path,
            value=first.value,
            rule=first.rule,
            fix=first.fix,
            also=problems[1:],
            more=sum(failure.more for failure in failures),
        )


def partial(failures: Sequence[AsnPerformanceError], as_json: bool, out: Output) -> int:
    """After the results of the good ones: the failures' problems, and the exit status."""
    if not failures:
        return EXIT_OK
    out.flush()
    report(FailuresError(failures), as_json, out.lang)
    return EXIT_PARTIAL


def error_line(line: str, prefix: str = "asn-performance: error: ") -> None:
    """Print one error line on standard error (on one line, safe for a terminal)."""
    try:
        sys.stderr.write(f"{prefix}{shown(line)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # standard error is gone too: the exit status says it
        pass


def _shown_value(problem: Problem) -> str:
    """The problem's value as its one-line form shows it (:meth:`Problem.one_line`)."""
    return Problem("", value=problem.value).one_line().removeprefix("; got ")


def problem_line(problem: Problem, lang: Lang = DEFAULT_LANG) -> str:
    """The problem on one line in ``lang``: path, message, value, rule and fix (in English,
    exactly :meth:`~asn_performance.exceptions.Problem.one_line`); the message and the fix
    in ``lang`` where the catalogue has them (:func:`~asn_performance._kit.error_text.
    problem_in`)."""
    from asn_performance._kit.error_text import problem_in  # on an error only

    problem = problem_in(problem, lang)
    parts = [f"{problem.path}: {problem.message}" if problem.path else problem.message]
    if problem.has_value:
        parts.append(text("cli.error.value", lang, value=_shown_value(problem)))
    if problem.rule:
        parts.append(text("cli.error.rule", lang, rule=problem.rule))
    line = "; ".join(parts)
    if problem.fix:
        line = text("cli.error.fix", lang, problem=line, fix=problem.fix)
    return line.replace("\n", " ")


def _problem_error(line: str, lang: Lang) -> None:
    error_line(text("cli.error.line", lang, problem=line), prefix="asn-performance: ")


def report(error: AsnPerformanceError, as_json: bool, lang: Lang = DEFAULT_LANG) -> None:
    """Print an error's problems on standard error: one line each in ``lang`` (a last one
    counts those not listed), or with ``--json`` one JSON object; a fix is worded for the JSON
    document (:func:`~asn_performance.boundary.fixes.in_json_terms`)."""
    from asn_performance.boundary.fixes import in_json_terms  # on an error only

    error = in_json_terms(error)
    if as_json:
        error_json(error)
        return
    problems = error.problems
    if len(problems) == 1 and not error.more:
        line_in = getattr(error, "line_in", None)
        if callable(line_in):  # an error that words its own line (a policy file's names it)
            _problem_error(str(line_in(lang)), lang)
        elif type(error).one_line is not AsnPerformanceError.one_line:
            _problem_error(error.one_line(), lang)
        else:
            _problem_error(problem_line(problems[0], lang), lang)
        return
    for problem in problems:
        _problem_error(problem_line(problem, lang), lang)
    if error.more:
        form = "cli.error.more.one" if error.more == 1 else "cli.error.more.other"
        _problem_error(text(form, lang, count=number(error.more, lang)), lang)


def error_json(error: AsnPerformanceError) -> None:
    """Print ``{"error": {"problems": [{"path", "value", "rule", "message", "fix"}, ...],
    "more": N}}`` on standard error, on one line (``Problem.to_dict``; ASCII, escaped)."""
    text = json.dumps({"error": error.to_dict()})
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # standard error is gone too: the exit status says it
        pass


def quiet_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush of
    what could not be written does not fail again ("Exception ignored ...") at exit, as the
    Python documentation recommends for a closed pipe (``signal`` module, SIGPIPE note)."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (io.StringIO, in-process)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)


def output_failed(error: OSError, lang: Lang = DEFAULT_LANG) -> int:
    quiet_stdout()
    if not isinstance(error, BrokenPipeError):  # a closed pipe: the reader wanted no more
        reason = error.strerror or str(error)
        _problem_error(text("cli.error.output", lang, reason=reason), lang)
    return EXIT_OUTPUT
