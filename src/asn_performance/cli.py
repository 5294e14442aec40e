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
* ``calibrate FILE [--rounding strict|lenient] [--json]`` -- check the distribution of the
  predikat against the organisation predikat (SE MenPANRB 3/2023): an input document, or a
  units document (``{"units": [...]}``) for oversight of many units;
* ``verify FILE`` -- check that stored records (what ``appraise --json``, ``dump_appraisal``,
  ``dump_result`` or ``dump_cycle`` wrote; one record or a list) still match their SHA-256
  seal, and for a lifecycle its chain of event digests; exit status 1 if one was changed.

Bad input prints one line naming the JSON path, the value, the rule and the fix, and exits
with status 2; nothing else is printed. A record that was changed after it was sealed exits
with status 1, also with one line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from asn_performance._kit.exact import CONTEXT, quantize
from asn_performance.exceptions import AsnPerformanceError, IntegrityError, PolicyError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal, appraise

if TYPE_CHECKING:
    from asn_performance.boundary.appraisal_document import AppraisalDocument
    from asn_performance.boundary.regime_documents import RegimeDocument
    from asn_performance.consequences import RewardOutcome, RewardPolicy
    from asn_performance.consequences.distribution import DistributionReport, OversightReport

__all__ = ["main"]

EXIT_OK = 0
EXIT_CHANGED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="asn-performance",
        description="Appraise ASN performance under PermenPANRB 6/2022, with the reason for"
        " every result.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = sub.add_parser("demo", help="appraise the built-in sample unit")
    demo.add_argument("--json", action="store_true", help="print JSON instead of a table")
    appraise_cmd = sub.add_parser("appraise", help="appraise an input document (JSON)")
    appraise_cmd.add_argument("file", help="path of the input document, or - for standard input")
    appraise_cmd.add_argument("--json", action="store_true", help="print JSON instead of a table")
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
    calibrate.add_argument("--json", action="store_true", help="print JSON instead of text")
    verify = sub.add_parser(
        "verify", help="check stored records against their SHA-256 seal (exit 1 if changed)"
    )
    verify.add_argument(
        "file", help="a sealed record or a list of them (JSON); - for standard input"
    )
    return parser


def _table(appraisals: Sequence[Appraisal], title: str | None, out: TextIO) -> None:
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
        out.write(f"{title}\n\n")
    out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for appraisal, row in zip(appraisals, rows, strict=True):
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
        out.write(f"    why: {appraisal.reason()}\n")
    counts: dict[str, int] = {}
    for appraisal in appraisals:
        counts[appraisal.predikat.label_id] = counts.get(appraisal.predikat.label_id, 0) + 1
    summary = ", ".join(f"{label} {n}" for label, n in counts.items())
    out.write(f"\n{len(appraisals)} appraisals: {summary}\n")


class _Printable:
    """Writes text with control characters (ANSI escapes, stray newlines inside names from an
    input document) replaced, so that a hostile document cannot rewrite the terminal."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        clean = "".join(c if c.isprintable() or c == "\n" else "\ufffd" for c in text)
        return self._out.write(clean)

    def flush(self) -> None:
        self._out.flush()


def _clip(text: str, width: int) -> str:
    text = "".join(c if c.isprintable() else "\ufffd" for c in text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_json(appraisals: Sequence[Appraisal], out: TextIO) -> None:
    from asn_performance.boundary.appraisal_document import to_json
    from asn_performance.boundary.part_documents import dump_result

    out.write(to_json([dump_result(a) for a in appraisals]) + "\n")


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


def _demo(as_json: bool, out: TextIO) -> None:
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
        _print_json(appraisals, out)
    else:
        _table(appraisals, sample.title, out)


def _regime_results(document: RegimeDocument, as_json: bool, out: TextIO) -> None:
    from asn_performance.boundary.appraisal_document import to_json
    from asn_performance.boundary.regime_documents import dump_regime_result

    results = document.compute()
    if as_json:
        out.write(to_json([dump_regime_result(r) for r in results]) + "\n")
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
        out.write(f"{document.title}\n\n")
    out.write(f"{results[0].legal_basis}, periode {document.period.code}\n\n")
    for row in (headers, tuple("-" * w for w in widths), *rows):
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    out.write(f"\n{len(results)} results\n")


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


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
        start = f"{total.start.normalize(CONTEXT):f} held + " if total.start else ""
        ak = f"{total.shown} ({start}{periods})"
        for check in outcome.minimums:
            state = "reached" if check.reached else f"short by {quantize(check.shortfall)}"
            ak += (
                f"; minimum for {check.purpose.code} {check.minimum.normalize(CONTEXT):f}: {state}"
            )
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
    return [f"  {label.ljust(width)}  {text}" for label, text in rows]


def _rewards(document: AppraisalDocument, policy: RewardPolicy, as_json: bool, out: TextIO) -> None:
    appraisals = document.appraise_all()
    outcomes = document.evaluate_rewards(policy, appraisals)
    if as_json:
        from asn_performance.boundary.appraisal_document import to_json

        out.write(to_json([outcome.to_dict() for outcome in outcomes]) + "\n")
        return
    head = f"Rewards under {policy.name} {policy.version}"
    out.write(head + (f" — {document.title}" if document.title else "") + "\n")
    by_nip: dict[str, list[Appraisal]] = {}
    for appraisal in appraisals:
        by_nip.setdefault(appraisal.plan.employee.nip.digits, []).append(appraisal)
    for outcome in outcomes:
        group = by_nip[outcome.nip]
        employee = group[-1].plan.employee
        jenjang = employee.position.jenjang
        title = _clip(employee.position.title, 40) + (f", {jenjang.label_id}" if jenjang else "")
        out.write(f"\n{outcome.nip}  {employee.name}  ({title})\n")
        out.write("\n".join(_reward_lines(outcome, group)) + "\n")
    out.write(f"\n{len(outcomes)} employees; policy {policy.name} {policy.version}\n")


def _calibrate(source: bytes, rounding: str, as_json: bool, out: TextIO) -> None:
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
            out.write(to_json(report.to_dict()) + "\n")
        else:
            if document.title:
                out.write(document.title + "\n")
            out.write(report.render(max_violations=len(report.violations)) + "\n")
        return
    reports: tuple[DistributionReport, ...] = check_document(document, rounding)
    if as_json:
        out.write(to_json([r.to_dict() for r in reports]) + "\n")
    else:
        out.write("\n\n".join(r.render() for r in reports) + "\n")


def _run(args: argparse.Namespace, out: TextIO) -> None:
    if args.command == "demo":
        _demo(args.json, out)
    elif args.command == "appraise":
        from asn_performance.boundary.regime_documents import RegimeDocument, load_any

        document = load_any(_read(args.file))
        if isinstance(document, RegimeDocument):
            _regime_results(document, args.json, out)
            return
        appraisals = document.appraise_all()
        if args.json:
            _print_json(appraisals, out)
        else:
            _table(appraisals, document.title, out)
    elif args.command == "sample":
        from asn_performance.boundary.appraisal_document import dump_document, to_json

        out.write(to_json(dump_document(_sample_document())) + "\n")
    elif args.command == "schema":
        import json

        from asn_performance.boundary.appraisal_document import (
            input_json_schema,
            output_json_schema,
        )
        from asn_performance.boundary.regime_documents import regime_input_json_schema

        if args.regime is not None:
            schema = regime_input_json_schema(args.regime)
        else:
            schema = output_json_schema() if args.output else input_json_schema()
        out.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    elif args.command == "rewards":
        from asn_performance.boundary.appraisal_document import load_document

        policy = _policy(args.policy)
        _rewards(load_document(_read(args.file)), policy, args.json, out)
    elif args.command == "calibrate":
        _calibrate(_read(args.file), args.rounding, args.json, out)
    elif args.command == "verify":
        _verify(_read(args.file), out)


def _verify(source: bytes, out: TextIO) -> None:
    """Verify each sealed record; a lifecycle is also replayed, its event chain checked."""
    import json

    from asn_performance.boundary.cycle_document import load_cycle
    from asn_performance.process.integrity import verify_all

    digests = verify_all(source)
    data = json.loads(source)
    records = data if isinstance(data, list) else [data]
    lines = []
    for index, (record, digest) in enumerate(zip(records, digests, strict=True)):
        where = f"$[{index}]" if isinstance(data, list) else "$"
        what = "record"
        if record.get("kind") == "performance_cycle":
            try:
                cycle = load_cycle(record)
            except AsnPerformanceError as error:
                raise error.with_path(where + (error.path or "$").removeprefix("$")) from None
            what = f"cycle {cycle.plan.id}, {len(cycle.events)} events, stage {cycle.stage.code}"
        else:
            plan = record.get("plan")
            plan_id = record.get("plan_id") or (plan.get("id") if isinstance(plan, dict) else None)
            if isinstance(plan_id, str):
                what = f"plan {plan_id}, predikat {record.get('predikat', '?')}"
        lines.append(f"intact  {where}  sha256 {digest}  ({what})\n")
    # Everything is checked before anything is printed: a failure is one line on its own.
    out.write("".join(lines))
    out.write(f"{len(digests)} record(s) intact\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 a sealed record was changed,
    2 bad input, 70 internal error)."""
    args = _parser().parse_args(argv)
    try:
        _run(args, cast(TextIO, _Printable(sys.stdout)))
    except IntegrityError as error:
        _Printable(sys.stderr).write(f"asn-performance: error: {error.one_line()}\n")
        changed = error.rule in ("INTEGRITY-DIGEST", "INTEGRITY-CHAIN")
        return EXIT_CHANGED if changed else EXIT_BAD_INPUT
    except AsnPerformanceError as error:
        _Printable(sys.stderr).write(f"asn-performance: error: {error.one_line()}\n")
        return EXIT_BAD_INPUT
    except OSError as error:
        name = error.filename if error.filename is not None else args.file
        sys.stderr.write(f"asn-performance: error: cannot read {name!r}: {error.strerror}\n")
        return EXIT_BAD_INPUT
    except Exception as error:  # last resort: one line, never a traceback
        sys.stderr.write(
            f"asn-performance: internal error ({type(error).__name__}: {error}); please report"
            " it with the input that caused it\n"
        )
        return EXIT_INTERNAL
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
