"""The ``asn-performance`` command line.

Commands:

* ``demo [--json]`` -- appraise the built-in sample unit and print a table with one line of
  reason per employee;
* ``appraise FILE [--json]`` -- the same for an input document (``-`` reads standard input);
  a regime document (``"regime": "pp46_2011"``, ``"permenpanrb_8_2021"`` or
  ``"integration_2021"``) prints each employee's value and predikat under that regime;
* ``sample`` -- print the built-in sample as an input document (a starting point for your own);
* ``schema [--output | --regime ID]`` -- print the JSON Schema of the input document (or of
  the output, or of the document of regime ``ID``);
* ``rewards FILE [--policy P] [--json]`` -- appraise an input document and apply a reward
  policy (angka kredit, allowance, career, recognition, development, consequences) to each
  employee; ``P`` is a built-in policy (``national``, the default; ``kemnaker_2025``;
  ``pemda_contoh_tpp``) or the path of a ``.toml`` or ``.json`` policy file;
* ``calibrate FILE [--rounding strict|lenient] [--fail-on-violation] [--json]`` -- check the
  distribution of the predikat against the organisation predikat (SE MenPANRB 3/2023): an input
  document, or a units document (``{"units": [...]}``) for oversight of many units; with
  ``--fail-on-violation`` a violated limit exits with status 3;
* ``verify FILE`` -- check that stored records (what ``appraise --json``, ``dump_appraisal``,
  ``dump_result`` or ``dump_cycle`` wrote; one record or a list) still match their SHA-256
  seal, and for a lifecycle its chain of event digests; exit status 1 if one was changed.

Bad input prints one line per problem naming the JSON path, the value, the rule and the fix,
and exits with status 2 (with ``--json``: one JSON object on standard error,
:func:`_error_json`). ``--keep-going`` (``appraise``, ``rewards``) prints the good results and
one problem per failed plan, and exits 4 when some failed. A record changed after it was
sealed exits 1, also with one line. The exit statuses are :data:`EXIT_STATUSES`.

JSON output (``--json``, ``sample``, ``schema``) is exactly the text the library's ``to_json``
gives, encoded as UTF-8: nothing in it is changed, so what ``appraise --json`` writes verifies.
Only the readable tables are made safe for a terminal (:func:`_shown`): control characters
never reach it, a no-break space shows as a space, invisible format characters are dropped.
"""

from __future__ import annotations

import argparse
import codecs
import os
import sys
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from asn_performance._kit.exact import EXACT, quantize
from asn_performance.exceptions import AsnPerformanceError, IntegrityError, PolicyError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal, appraise

if TYPE_CHECKING:
    from asn_performance.boundary.appraisal_document import AppraisalDocument
    from asn_performance.boundary.regime_documents import RegimeDocument
    from asn_performance.consequences import RewardOutcome, RewardPolicy
    from asn_performance.consequences.distribution import DistributionReport, OversightReport

__all__ = ["main"]

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
    (EXIT_PARTIAL, "--keep-going: some plans or employees failed (one line each), others done"),
    (EXIT_INTERNAL, "internal error (a bug: please report it with the input)"),
    (EXIT_OUTPUT, "the output cannot be written (a full disk, a closed pipe)"),
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="asn-performance",
        description="Appraise ASN performance under PermenPANRB 6/2022, with the reason for"
        " every result.",
        epilog="exit status:\n"
        + "\n".join(f"  {status:<3} {meaning}" for status, meaning in EXIT_STATUSES),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = sub.add_parser("demo", help="appraise the built-in sample unit")
    demo.add_argument("--json", action="store_true", help="print JSON instead of a table")
    demo.add_argument(
        "--key-file",
        metavar="PATH",
        help="the agency's seal key (a file of at least 16 bytes); default: the"
        " ASN_PERFORMANCE_SEAL_KEY environment variable",
    )
    appraise_cmd = sub.add_parser("appraise", help="appraise an input document (JSON)")
    appraise_cmd.add_argument("file", help="path of the input document, or - for standard input")
    appraise_cmd.add_argument("--json", action="store_true", help="print JSON instead of a table")
    appraise_cmd.add_argument(
        "--keep-going",
        action="store_true",
        help="appraise each plan on its own: print the results of the good ones, one problem per"
        f" bad one, and exit with status {EXIT_PARTIAL} if some failed",
    )
    appraise_cmd.add_argument(
        "--key-file",
        metavar="PATH",
        help="the agency's seal key (a file of at least 16 bytes); default: the"
        " ASN_PERFORMANCE_SEAL_KEY environment variable",
    )
    sub.add_parser("sample", help="print the built-in sample as an input document")
    schema = sub.add_parser("schema", help="print the JSON Schema of the input document")
    which = schema.add_mutually_exclusive_group()
    which.add_argument(
        "--output", action="store_true", help="print the schema of the output instead"
    )
    which.add_argument(
        "--regime",
        metavar="ID",
        help="print the schema of a regime document: pp46_2011, permenpanrb_8_2021,"
        " integration_2021 (or permenpanrb_6_2022, the default input document)",
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
    rewards.add_argument(
        "--keep-going",
        action="store_true",
        help="appraise each plan on its own: print the results of the good ones, one problem per"
        f" bad one, and exit with status {EXIT_PARTIAL} if some failed",
    )
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
    calibrate.add_argument("--json", action="store_true", help="print JSON instead of text")
    verify = sub.add_parser(
        "verify",
        help="check stored records against their seal (SHA-256; with a key, HMAC-SHA256;"
        " exit 1 if changed)",
    )
    verify.add_argument(
        "file", help="a sealed record or a list of them (JSON); - for standard input"
    )
    verify.add_argument(
        "--key-file",
        metavar="PATH",
        help="the agency's seal key (a file of at least 16 bytes); default: the"
        " ASN_PERFORMANCE_SEAL_KEY environment variable",
    )
    return parser


def _table(appraisals: Sequence[Appraisal], title: str | None, out: _Output) -> None:
    headers = ("NIP", "Nama", "Jabatan", "Hasil kerja", "Perilaku kerja", "Predikat")
    rows = [
        (
            a.plan.employee.nip.digits,
            _clip(a.plan.employee.name, 28),
            _clip(a.plan.employee.position.title, 28),
            a.rating_hasil_kerja.label_id,
            a.rating_perilaku_kerja.label_id,
            a.predikat.label_id,
        )
        for a in appraisals
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    if title:
        out.write(f"{_shown(title)}\n\n")
    out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for appraisal, row in zip(appraisals, rows, strict=True):
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
        out.write(f"    why: {_shown(appraisal.reason())}\n")
    counts: dict[str, int] = {}
    for appraisal in appraisals:
        counts[appraisal.predikat.label_id] = counts.get(appraisal.predikat.label_id, 0) + 1
    summary = ", ".join(f"{label} {n}" for label, n in counts.items())
    out.write(f"\n{len(appraisals)} appraisals: {summary}\n")


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


def _shown(text: str) -> str:
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


def _clip(text: str, width: int) -> str:
    text = _shown(text)
    return text if len(text) <= width else text[: width - 1] + "…"


class _OutputError(Exception):
    """Writing the output failed (a full disk, a closed pipe); ``error`` is the cause."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _codec(encoding: str) -> str | None:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


class _Output:
    """Standard output, two ways.

    :meth:`write` is for readable text (tables, reports): each line is passed through
    :func:`_shown`, so nothing but the line structure the command line makes itself reaches
    the terminal. :meth:`data` is for JSON: the text is written exactly, encoded as UTF-8,
    whatever the terminal's encoding; it is never changed. A failed write raises
    :class:`_OutputError`.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> None:
        safe = "\n".join(_shown(line) for line in text.split("\n"))
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
            raise _OutputError(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise _OutputError(error) from None

    def _put(self, text: str) -> None:
        try:
            self._stream.write(text)
        except OSError as error:
            raise _OutputError(error) from None


def _print_json(appraisals: Sequence[Appraisal], out: _Output, key: bytes | None = None) -> None:
    from asn_performance.boundary.appraisal_document import to_json
    from asn_performance.boundary.part_documents import dump_result

    out.data(to_json([dump_result(a, key=key) for a in appraisals]) + "\n")


def _sample_document() -> AppraisalDocument:
    from asn_performance.boundary.appraisal_document import AppraisalDocument
    from asn_performance.services.sample import sample_unit

    sample = sample_unit()
    return AppraisalDocument(
        employees=sample.employees,
        plans=sample.plans,
        assessments=sample.assessments,
        policy=sample.policy,
        guards=sample.guards,
        organisation_predikat=sample.organisation_predikat,
        title=sample.title,
    )


def _demo(as_json: bool, out: _Output, key: bytes | None = None) -> None:
    from asn_performance.services.sample import sample_unit

    sample = sample_unit()
    appraisals = [
        appraise(
            plan,
            [a for a in sample.assessments if a.plan_id == plan.id],
            policy=sample.policy,
            guards=sample.guards,
            organisation_predikat=sample.organisation_predikat,
        )
        for plan in sample.plans
    ]
    if as_json:
        _print_json(appraisals, out, key)
    else:
        _table(appraisals, sample.title, out)


def _regime_results(document: RegimeDocument, as_json: bool, out: _Output) -> None:
    from asn_performance.boundary.appraisal_document import to_json
    from asn_performance.boundary.regime_documents import dump_regime_result

    results = document.compute()
    if as_json:
        out.data(to_json([dump_regime_result(r) for r in results]) + "\n")
        return
    headers = ("NIP", "Nama", "Regime", "Nilai", "Predikat", "Setara 2022")
    rows = [
        (
            r.nip.digits,
            _clip(r.name, 28),
            r.regime,
            str(r.value_shown),
            "-" if r.predikat is None else r.predikat.label_id,
            "-" if r.predikat_2022 is None else r.predikat_2022.label_id,
        )
        for r in results
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    if document.title:
        out.write(f"{_shown(document.title)}\n\n")
    out.write(f"{_shown(results[0].legal_basis)}, periode {_shown(document.period.code)}\n\n")
    for row in (headers, tuple("-" * w for w in widths), *rows):
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    out.write(f"\n{len(results)} results\n")


def _read(path: str) -> bytes:
    """The file's bytes, or standard input's for ``-``: at most the boundary's input limit
    (``MAX_BYTES``), refused past it (rule ``SCHEMA-too_large``)."""
    from asn_performance.boundary._wire import read_input

    return read_input(sys.stdin.buffer if path == "-" else path)


class _PolicyFileError(AsnPerformanceError):
    """An error in a policy file, carried with the file's name for the one-line message."""

    def __init__(self, source: str, error: AsnPerformanceError) -> None:
        super().__init__(error.message)
        self.source = source
        self.error = error

    def one_line(self) -> str:
        line = self.error.one_line()
        return line if self.error.path == self.source else f"policy {self.source}: {line}"


def _policy(spec: str) -> RewardPolicy:
    from asn_performance.boundary.policy_files import (
        list_builtin_policies,
        load_builtin_policy,
        load_reward_policy_file,
    )

    if spec in list_builtin_policies():
        return load_builtin_policy(spec)
    if not Path(spec).suffix and "/" not in spec and os.sep not in spec:
        raise PolicyError(
            f"no built-in reward policy is named {spec!r}",
            path="--policy",
            value=spec,
            rule="POLICY-BUILTIN",
            fix=f"use one of {', '.join(list_builtin_policies())}, or give the path of a"
            " .toml or .json policy file",
        )
    try:
        return load_reward_policy_file(spec)
    except AsnPerformanceError as error:
        raise _PolicyFileError(spec, error) from None


def _rp(amount: Decimal) -> str:
    return f"Rp {amount:,f}"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _reward_lines(outcome: RewardOutcome, appraisals: Sequence[Appraisal]) -> list[str]:
    rows: list[tuple[str, str]] = [
        ("predikat", "; ".join(f"{a.period.code} {a.predikat.label_id}" for a in appraisals))
    ]
    total = outcome.angka_kredit_total
    if total is not None:
        periods = ", ".join(f"{r.period}: {r.shown}" for r in outcome.angka_kredit)
        start = f"{total.start.normalize(EXACT):f} held + " if total.start else ""
        ak = f"{total.shown} ({start}{periods})"
        for check in outcome.minimums:
            state = "reached" if check.reached else f"short by {quantize(check.shortfall)}"
            ak += f"; minimum for {check.purpose.code} {check.minimum.normalize(EXACT):f}: {state}"
        rows.append(("angka kredit", ak))
    for allowance in outcome.allowances:
        rows.append(
            (
                "allowance",
                f"{allowance.period} {allowance.predikat.label_id}, kelas {allowance.kelas}:"
                f" {_rp(allowance.performance_paid)} + {_rp(allowance.attendance_paid)}"
                f" = {_rp(allowance.total)}",
            )
        )
    if outcome.career:
        rows.append(
            (
                "career",
                "; ".join(
                    f"{check.question}: {_yes(check.eligible)}"
                    + (" (UNCONFIRMED, D11)" if check.unconfirmed else "")
                    for check in outcome.career
                ),
            )
        )
    if outcome.recognition is not None:
        items = ", ".join(item.label_id for item in outcome.recognition.items)
        rows.append(("recognition", f"{items} (agency practice)"))
    development = outcome.development
    if development is not None:
        values = ", ".join(v.label_id for v in development.values) or (
            "perilaku kerja as a whole" if development.perilaku_kerja_below else ""
        )
        results = ", ".join(wr_id for wr_id, _ in development.work_results) or (
            "hasil kerja as a whole" if development.hasil_kerja_below else ""
        )
        parts = [f"develop {values}" if values else "", f"improve {results}" if results else ""]
        rows.append(("development", "; ".join(p for p in parts if p) or "recommended"))
    consequences = outcome.consequences
    if consequences is not None:
        parts = []
        timeline = consequences.timeline
        if timeline is not None:
            parts.append(
                f"targets not met: improve {timeline.improvement_from} to"
                f" {timeline.improvement_until}; then reassignment from"
                f" {timeline.reassignment_from}; placement to {timeline.placement_until};"
                f" dismissal recommendation from {timeline.dismissal_recommendation_from}"
            )
        if consequences.pembinaan:
            parts.append(
                "pembinaan"
                + (" and administrative sanction" if consequences.administrative_sanction else "")
            )
        rows.append(("consequences", "; ".join(parts)))
    rows.extend(("note", note) for note in outcome.notes)
    width = max(len(label) for label, _ in rows)
    return [f"  {label.ljust(width)}  {_shown(text)}" for label, text in rows]


def _rewards(
    document: AppraisalDocument,
    policy: RewardPolicy,
    as_json: bool,
    out: _Output,
    keep_going: bool = False,
) -> list[AsnPerformanceError]:
    """Print the rewards; return the failures (only with ``keep_going``)."""
    failures: list[AsnPerformanceError] = []
    if keep_going:
        appraised = document.appraise_each()
        failures.extend(appraised.problems.values())
        # An employee one of whose plans failed is left out: only part of its periods count.
        failed = {p.employee.nip for p in document.plans if p.id in appraised.problems}
        appraisals = tuple(a for a in appraised.results if a.plan.employee.nip not in failed)
        evaluated = document.evaluate_rewards_each(policy, appraisals)
        failures.extend(evaluated.problems.values())
        outcomes = evaluated.results
        if failures and not outcomes:
            raise _FailuresError(failures)
    else:
        appraisals = document.appraise_all()
        outcomes = document.evaluate_rewards(policy, appraisals)
    if as_json:
        from asn_performance.boundary.appraisal_document import to_json

        out.data(to_json([outcome.to_dict() for outcome in outcomes]) + "\n")
        return failures
    named = _shown(f"{policy.name} {policy.version}")
    head = f"Rewards under {named}"
    out.write(head + (f" — {_shown(document.title)}" if document.title else "") + "\n")
    by_nip: dict[str, list[Appraisal]] = {}
    for appraisal in appraisals:
        by_nip.setdefault(appraisal.plan.employee.nip.digits, []).append(appraisal)
    for outcome in outcomes:
        group = by_nip[outcome.nip]
        employee = group[-1].plan.employee
        jenjang = employee.position.jenjang
        title = _clip(employee.position.title, 40) + (f", {jenjang.label_id}" if jenjang else "")
        out.write(f"\n{outcome.nip}  {_shown(employee.name)}  ({title})\n")
        out.write("\n".join(_reward_lines(outcome, group)) + "\n")
    out.write(f"\n{len(outcomes)} employees; policy {named}\n")
    return failures


class _FailuresError(AsnPerformanceError):
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


def _calibrate(source: bytes, rounding: str, as_json: bool, out: _Output) -> bool:
    """Print the distribution check; return whether every limit holds."""
    import attrs

    from asn_performance.boundary.appraisal_document import to_json
    from asn_performance.boundary.calibration_files import (
        UnitsDocument,
        check_document,
        load_calibration_document,
    )

    document = load_calibration_document(source)
    if isinstance(document, UnitsDocument):
        report: OversightReport = document.oversee(rounding)
        if as_json:
            out.data(to_json(report.to_dict()) + "\n")
        else:
            if document.title:
                out.write(_shown(document.title) + "\n")
            # The unit names are the document's: shown on one line each, like every value.
            shown = attrs.evolve(
                report, units=tuple(u._replace(unit=_shown(u.unit)) for u in report.units)
            )
            out.write(shown.render(max_violations=len(shown.violations)) + "\n")
        return report.ok
    reports: tuple[DistributionReport, ...] = check_document(document, rounding)
    if as_json:
        out.data(to_json([r.to_dict() for r in reports]) + "\n")
    else:
        shown_reports = (attrs.evolve(r, unit=_shown(r.unit)) for r in reports)
        out.write("\n\n".join(r.render() for r in shown_reports) + "\n")
    return all(r.ok for r in reports)


def _schema(regime: str | None, output: bool, out: _Output) -> None:
    import json

    from asn_performance.boundary.appraisal_document import input_json_schema, output_json_schema
    from asn_performance.boundary.regime_documents import regime_input_json_schema

    if regime is not None:
        schema = regime_input_json_schema(regime)
    else:
        schema = output_json_schema() if output else input_json_schema()
    out.data(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")


def _run(args: argparse.Namespace, out: _Output) -> int:
    """Run the command; return its exit status (errors are raised)."""
    key = _seal_key(args)
    if args.command == "demo":
        _demo(args.json, out, key)
    elif args.command == "appraise":
        return _appraise(args, out, key)
    elif args.command == "sample":
        from asn_performance.boundary.appraisal_document import dump_document, to_json

        out.data(to_json(dump_document(_sample_document())) + "\n")
    elif args.command == "schema":
        _schema(args.regime, args.output, out)
    elif args.command == "rewards":
        from asn_performance.boundary.appraisal_document import load_document

        policy = _policy(args.policy)
        failed = _rewards(load_document(_read(args.file)), policy, args.json, out, args.keep_going)
        return _partial(failed, args.json, out)
    elif args.command == "calibrate":
        within = _calibrate(_read(args.file), args.rounding, args.json, out)
        if args.fail_on_violation and not within:
            return EXIT_VIOLATION
    elif args.command == "verify":
        _verify(_read(args.file), key, out)
    return EXIT_OK


def _partial(failures: Sequence[AsnPerformanceError], as_json: bool, out: _Output) -> int:
    """After the results of the good ones: the failures' problems, and the exit status."""
    if not failures:
        return EXIT_OK
    out.flush()
    _report(_FailuresError(failures), as_json)
    return EXIT_PARTIAL


def _appraise(args: argparse.Namespace, out: _Output, key: bytes | None) -> int:
    from asn_performance.boundary.regime_documents import RegimeDocument, load_any

    document = load_any(_read(args.file))
    if isinstance(document, RegimeDocument):
        _regime_results(document, args.json, out)
        return EXIT_OK
    failures: list[AsnPerformanceError] = []
    if args.keep_going:
        outcome = document.appraise_each()
        failures.extend(outcome.problems.values())
        appraisals = outcome.results
        if failures and not appraisals:
            raise _FailuresError(failures)
    else:
        appraisals = document.appraise_all()
    if args.json:
        _print_json(appraisals, out, key)
    else:
        _table(appraisals, document.title, out)
    return _partial(failures, args.json, out)


def _seal_key(args: argparse.Namespace) -> bytes | None:
    """The agency's seal key: ``--key-file``, else ``ASN_PERFORMANCE_SEAL_KEY``, else none."""
    if args.command not in ("demo", "appraise", "verify"):
        return None
    from asn_performance.boundary.sealed_records import read_seal_key

    return read_seal_key(args.key_file, os.environ)


def _verify(source: bytes, key: bytes | None, out: _Output) -> None:
    """Verify each sealed record (with the key, its HMAC too); a lifecycle is also replayed,
    its event chain checked."""
    from asn_performance.boundary.sealed_records import verify_records

    checked = verify_records(source, key=key)
    lines = []
    for record in checked:
        if record.events is not None:
            what = f"cycle {_shown(record.plan_id or '')}, {record.events} events, stage"
            what += f" {_shown(record.stage or '')}"
        elif record.plan_id is not None:
            what = f"plan {_shown(record.plan_id)}, predikat {_shown(record.predikat or '?')}"
        else:
            what = "record"
        mac = "  hmac-sha256 ok" if record.keyed else ""
        lines.append(f"intact  {record.path}  sha256 {record.digest}{mac}  ({what})\n")
    # Everything is checked before anything is printed: a failure is one line on its own.
    out.write("".join(lines))
    out.write(f"{len(checked)} record(s) intact\n")


def _error(line: str, prefix: str = "asn-performance: error: ") -> None:
    """Print one error line on standard error (on one line, safe for a terminal)."""
    try:
        sys.stderr.write(f"{prefix}{_shown(line)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # standard error is gone too: the exit status says it
        pass


def _report(error: AsnPerformanceError, as_json: bool) -> None:
    """Print an error's problems on standard error: one line each (a last one counts those not
    listed), or with ``--json`` one JSON object."""
    if as_json:
        _error_json(error)
        return
    problems = error.problems
    if len(problems) == 1 and not error.more:
        _error(error.one_line())  # as it always was (a policy file's error names its file)
        return
    for problem in problems:
        _error(problem.one_line())
    if error.more:
        _error(f"and {error.more} more problem{'s' if error.more > 1 else ''} not listed")


def _error_json(error: AsnPerformanceError) -> None:
    """Print ``{"error": {"problems": [{"path", "value", "rule", "message", "fix"}, ...],
    "more": N}}`` on standard error, on one line (``Problem.to_dict``; ASCII, escaped)."""
    import json

    text = json.dumps({"error": error.to_dict()})
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # standard error is gone too: the exit status says it
        pass


def _quiet_stdout() -> None:
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


def _output_failed(error: OSError) -> int:
    _quiet_stdout()
    if not isinstance(error, BrokenPipeError):  # a closed pipe: the reader wanted no more
        _error(f"cannot write the output: {error.strerror or error}")
    return EXIT_OUTPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (:data:`EXIT_STATUSES`)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit:  # --help, or a usage error (argparse has printed it)
        try:
            sys.stdout.flush()
        except OSError as error:
            raise SystemExit(_output_failed(error)) from None
        raise
    out = _Output(sys.stdout)
    as_json = bool(getattr(args, "json", False))
    try:
        status = _run(args, out)
        out.flush()
    except _OutputError as error:
        return _output_failed(error.error)
    except IntegrityError as error:
        _report(error, as_json)
        changed = error.rule in ("INTEGRITY-DIGEST", "INTEGRITY-CHAIN")
        return EXIT_CHANGED if changed else EXIT_BAD_INPUT
    except AsnPerformanceError as error:
        _report(error, as_json)
        return EXIT_BAD_INPUT
    except OSError as error:  # reading the input (writing is an _OutputError)
        name = error.filename if error.filename is not None else getattr(args, "file", "-")
        _report(AsnPerformanceError(f"cannot read {name!r}: {error.strerror or error}"), as_json)
        return EXIT_BAD_INPUT
    except Exception as error:  # last resort: one line, never a traceback
        _error(
            f"internal error ({type(error).__name__}: {error}); please report it with the"
            " input that caused it",
            prefix="asn-performance: ",
        )
        return EXIT_INTERNAL
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
