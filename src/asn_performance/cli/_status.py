"""The commands on SKP cycles: ``status`` (what is outstanding across many cycles, per agency
and unit: :func:`asn_performance.process.status.cycle_status`) and ``plan-versions`` (the
versions of one revised SKP and the version in force for each period:
:func:`asn_performance.process.plan_versions.plan_versions`)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from dataclasses import replace
from typing import TYPE_CHECKING

from asn_performance.cli._output import Output
from asn_performance.exceptions import AsnPerformanceError, InputError, Problem

if TYPE_CHECKING:
    from asn_performance.process.status import CycleRecord

__all__ = ["plan_versions_command", "status_command", "status_files"]


def _day(text: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            "must be a day written YYYY-MM-DD",
            path=name,
            value=text,
            rule="TYPE",
            fix="give e.g. --as-of 2026-05-11",
        ) from None


def status_files(paths: list[str]) -> list[str]:
    """The files to read, in order: each path given, a folder as its ``*.json`` files in name
    order (not its subfolders); ``-`` is standard input."""
    files: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            inside = sorted(
                os.path.join(path, name)
                for name in os.listdir(path)
                if name.endswith(".json") and os.path.isfile(os.path.join(path, name))
            )
            if not inside:
                raise InputError(
                    "the folder holds no .json file",
                    path=path,
                    value=path,
                    rule="LIFECYCLE-STATUS-FILES",
                    fix="give cycle documents or cycle records documents (.json), or their folder",
                )
            files.extend(inside)
        else:
            files.append(path)
    return files


def _read_records(
    files: list[str], key: bytes | None, errors: list[AsnPerformanceError], where: list[str]
) -> tuple[list[CycleRecord], list[str]]:
    """Every record of every file and where it came from (``FILE:$.records[i]``); every
    problem of every file added to ``errors``, its place (``FILE:$``) to ``where``."""
    from asn_performance.boundary.cycle_records import read_cycle_records
    from asn_performance.cli._appraise import read

    records: list[CycleRecord] = []
    origins: list[str] = []
    seen: dict[str, str] = {}
    for name in files:
        real = os.path.realpath(name) if name != "-" else name
        same = seen.get(real)
        seen.setdefault(real, name)
        if same is not None:
            errors.append(
                InputError(
                    f"the file is given twice (first as {same})",
                    value=name,
                    rule="LIFECYCLE-STATUS-ONE-EACH",
                    fix="give each file once (a folder stands for every .json file in it)",
                )
            )
            where.append(name)
            continue
        try:
            found = read_cycle_records(read(name), key=key)
        except AsnPerformanceError as error:
            errors.append(error)
            where.append(f"{name}:$")
            continue
        except OSError as error:
            errors.append(
                InputError(
                    f"cannot read the file: {error.strerror or error}",
                    value=name,
                    rule="LIFECYCLE-STATUS-FILES",
                    fix="check the path and that the file can be read",
                )
            )
            where.append(name)
            continue
        records.extend(record for record, _path in found)
        origins.extend(f"{name}:{path}" for _record, path in found)
    return records, origins


def _key(args: argparse.Namespace) -> bytes | None:
    """The agency's seal key: ``--key-file``, else ``ASN_PERFORMANCE_SEAL_KEY``, else none."""
    from asn_performance.boundary.sealed_records import read_seal_key

    return read_seal_key(args.key_file, os.environ)


def status_command(args: argparse.Namespace, out: Output) -> None:
    """``status FILES... [--as-of DATE] [--json]``: the status view of every cycle given."""
    from asn_performance.boundary.appraisal_document import to_json
    from asn_performance.boundary.cycle_records import raise_problems
    from asn_performance.process.lifecycle import WIB
    from asn_performance.process.status import StatusSettings, cycle_status

    # Without --as-of: today in WIB, the zone of a cycle opened without settings.
    as_of = dt.datetime.now(WIB).date() if args.as_of is None else _day(args.as_of, "--as-of")
    try:
        settings = StatusSettings(args.plan_days, args.evaluation_days, args.decision_days)
    except AsnPerformanceError as error:
        raise error.with_path(f"--{(error.path or '').replace('_', '-')}") from None
    errors: list[AsnPerformanceError] = []
    where: list[str] = []
    records, origins = _read_records(status_files(args.files), _key(args), errors, where)
    first_of: dict[str, str] = {}
    for record, origin in zip(records, origins, strict=True):
        plan_id = record.cycle.plan.id
        if plan_id in first_of:
            errors.append(
                InputError(
                    f"the plan {plan_id!r} is listed twice (first at {first_of[plan_id]})",
                    path=_inside(origin, "cycle.plan_id"),
                    value=plan_id,
                    rule="LIFECYCLE-STATUS-ONE-EACH",
                    fix="list each SKP's cycle once",
                )
            )
            where.append(origin)
            continue
        first_of[plan_id] = origin
        try:
            cycle_status([record], as_of=as_of, settings=settings)
        except AsnPerformanceError as error:
            errors.append(error.with_path(_inside(origin, _relative(error.path))))
            where.append(origin)
    raise_problems(errors, where, AsnPerformanceError)
    report = cycle_status(records, as_of=as_of, settings=settings)
    if args.json:
        out.data(to_json(report.to_dict()) + "\n")
    else:
        out.write(report.render(out.lang) + "\n")


def _inside(origin: str, path: str) -> str:
    """``path`` (relative to a record: ``cycle.plan_id``) inside a document read from
    ``origin``: in a single cycle document the record's cycle is the document itself."""
    if not origin.endswith(":$"):
        return path
    head, _, rest = path.partition(".")
    return rest if head == "cycle" else ("" if path == "cycle" else path)


def _relative(path: str | None) -> str:
    """``records[0].cycle`` (the path of a one-record call) as a path inside its record."""
    if path is None:
        return ""
    head, _, rest = path.partition(".")
    return rest if head == "records[0]" else path


def plan_versions_command(args: argparse.Namespace, out: Output) -> None:
    """``plan-versions CYCLE [--period P]... [--json]``: the versions of one SKP and the
    version in force for each period."""
    from asn_performance.boundary.appraisal_document import to_json
    from asn_performance.boundary.cycle_document import load_cycle
    from asn_performance.cli._appraise import read
    from asn_performance.domain.period import Period
    from asn_performance.process.plan_versions import plan_versions

    cycle = load_cycle(read(args.file), key=_key(args))
    periods = None
    if args.period:
        periods = []
        problems: list[Problem] = []
        for text in args.period:  # every period that cannot be read, not only the first
            try:
                periods.append(Period.parse(text))
            except AsnPerformanceError as error:
                problems.extend(replace(p, path="--period") for p in error.problems)
        if problems:
            raise InputError.from_problems(problems)
    report = plan_versions(cycle, periods)
    if args.json:
        out.data(to_json(report.to_dict()) + "\n")
    else:
        out.write(report.render(out.lang) + "\n")
