"""The ``table`` command: a whole table appraised, rewarded and checked in one run.

``asn-performance table IN [--out OUT] [--policy P] [--organisation FILE] [--rounding R]``

* ``IN``: a CSV or Parquet table with the columns of the convention
  (:class:`~asn_performance.tables.Columns`), an XLSX file (an e-Kinerja "Rekap Penilaian"
  export, or a plain sheet whose row 1 names the columns), or a folder of e-Kinerja exports
  (every ``.xlsx`` in it).
* Every row is appraised (:func:`asn_performance.tables.appraise`); then, when the table has a
  reward column (``kelas``, ``jenjang``) or ``--policy`` is given, the reward policy is applied
  (:func:`asn_performance.tables.rewards`; default policy ``national``).
* ``--out OUT`` writes the rows with their results (``.csv``, ``.parquet`` or ``.xlsx``, by
  the extension); with the portal's predikat (an e-Kinerja export) it adds
  ``portal_predikat_code`` and ``portal_differs``. With ``--organisation FILE`` (a CSV of
  ``unit,organisation_predikat``) the distribution check of SE MenPANRB 3/2023 runs for every
  unit and period, and its report is written next to OUT, in OUT's format (``OUT``'s stem +
  ``.distribution`` + its extension: ``hasil.distribution.xlsx`` beside ``hasil.xlsx``).
* Standard output: a summary (rows read, computed, with problems, duplicates, disagreements
  with the portal and the first of them, predikat counts, the tunjangan total, the units
  checked). Standard error: a progress line while files are read and the table computed, only
  when it is a terminal; the first problems of rows that could not be computed.

Exit status: 2 for bad input (a file that cannot be read, a layout not recognised, a missing
column; one line per problem), 4 when the run finished but some rows have a problem (their
results are empty; the others are written, as ``--keep-going`` does for documents), 74 when
``OUT`` (or the distribution report beside it) cannot be written (one line naming it), else 0.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

from asn_performance._kit.error_text import translate
from asn_performance._kit.i18n import Lang, number, rupiah, text
from asn_performance.cli._output import Output, clip, error_line
from asn_performance.cli._parser import EXIT_BAD_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_PARTIAL
from asn_performance.exceptions import InputError

if TYPE_CHECKING:
    import polars as pl

    from asn_performance.consequences import RewardPolicy

__all__ = ["OUTPUT_KINDS", "TABLE_ENGLISH", "row_problem_in", "table"]

#: The kinds of file ``--out`` writes, by extension.
OUTPUT_KINDS: Final = (".csv", ".parquet", ".xlsx")
_REWARD_COLUMNS: Final = ("kelas", "jenjang")
_SHOWN: Final = 10  # the disagreements and problems shown; the rest are counted
_EXTRA: Final = "the table command needs the tables extra: pip install 'asn-performance[tables]'"


class _Progress:
    """A progress line on standard error, rewritten in place; silent unless a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        try:
            self._on = stream.isatty()
        except (AttributeError, ValueError, OSError):
            self._on = False
        self._width = 0

    def show(self, text: str) -> None:
        if not self._on:
            return
        line = f"asn-performance: {text}"
        self._put("\r" + line.ljust(self._width))
        self._width = len(line)

    def files(self, done: int, total: int) -> None:
        self.show(f"reading file {done} of {total}")

    def clear(self) -> None:
        if self._on and self._width:
            self._put("\r" + " " * self._width + "\r")
            self._width = 0

    def _put(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # standard error is gone: the work goes on
            self._on = False


def _bad(message: str, path: str, value: object, fix: str) -> InputError:
    return InputError(message, path=path, value=value, rule="TYPE", fix=fix)


def _reason(error: OSError, spec: object) -> str:
    """Why a file cannot be read or written, without its name (the line names it)."""
    text = error.strerror or (str(error).splitlines() or [type(error).__name__])[0]
    return text.removesuffix(f": {spec}")


class _WriteError(Exception):
    """An output file of ``--out`` cannot be written (exit 74); the message names it."""


def _check_out(out: str | None) -> Path | None:
    if out is None:
        return None
    path = Path(out)
    if path.suffix.lower() not in OUTPUT_KINDS:
        raise _bad(
            "the output's kind is named by its extension",
            "--out",
            out,
            f"end the name with {', '.join(OUTPUT_KINDS)}",
        )
    return path


def _read(spec: str, progress: Callable[[int, int], None]) -> tuple[pl.DataFrame, int]:
    """The input table and how many files it came from."""
    import polars as pl

    from asn_performance.tables.ekinerja import EkinerjaError, read_ekinerja, read_plain_xlsx

    path = Path(spec)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".xlsx")
        files = [p for p in files if p.is_file() and not p.name.startswith("~$")]
        if not files:
            raise _bad("the folder holds no .xlsx file", "IN", spec, "give a folder of exports")
        return read_ekinerja(files, progress=progress), len(files)
    kind = path.suffix.lower()
    if kind == ".xlsx":
        try:
            return read_ekinerja(path), 1
        except EkinerjaError as error:
            if error.rule != "EKINERJA-LAYOUT":
                raise
            try:
                return read_plain_xlsx(path), 1
            except EkinerjaError:
                raise error from None  # the e-Kinerja reading's account of what it found
    try:
        if kind == ".csv":
            return pl.read_csv(path, infer_schema=False), 1
        if kind == ".parquet":
            return pl.read_parquet(path), 1
    except pl.exceptions.PolarsError as error:
        raise _bad(
            f"cannot read the {kind[1:].upper()} table ({str(error).splitlines()[0]})",
            "IN",
            spec,
            "check the file",
        ) from None
    raise _bad(
        "the input is a .csv, .parquet or .xlsx file, or a folder of e-Kinerja exports",
        "IN",
        spec,
        "give one of those",
    )


def _organisation(spec: str) -> pl.DataFrame:
    import polars as pl

    try:
        frame = pl.read_csv(spec, infer_schema=False)
    except OSError as error:  # not the input's: the line names the option and this file
        raise InputError(
            f"cannot read the organisation predikat table ({_reason(error, spec)})",
            path=f"--organisation {spec}",
            fix="give a CSV with the columns unit,organisation_predikat",
        ) from None
    except pl.exceptions.PolarsError as error:
        raise _bad(
            f"cannot read the organisation predikat table ({str(error).splitlines()[0]})",
            "--organisation",
            spec,
            "give a CSV with the columns unit,organisation_predikat",
        ) from None
    missing = [c for c in ("unit", "organisation_predikat") if c not in frame.columns]
    if missing:
        raise _bad(
            f"the organisation predikat table has no column {missing[0]!r}",
            "--organisation",
            frame.columns[:10],
            "give a CSV with the columns unit,organisation_predikat",
        )
    return frame


def _rupiah(amount: object, lang: Lang) -> str:
    """The tunjangan total: English as always (Python's ``,.0f``), another language through
    :func:`~asn_performance._kit.i18n.rupiah` (Indonesian ``Rp 2.741.165``)."""
    value = amount if isinstance(amount, Decimal) else Decimal(str(amount or 0))
    return f"Rp {value:,.0f}" if lang == "en" else rupiah(value, lang)


def _write(frame: pl.DataFrame, path: Path, target: Path, sheet: str = "results") -> None:
    """Write ``frame`` to ``path`` (``target`` is OUT: ``path`` or the report beside it;
    ``sheet`` names the worksheet of an XLSX file)."""
    kind = path.suffix.lower()
    import polars as pl

    # the Enum results (predikat, its label, rules) as plain text in every file format
    frame = frame.with_columns(pl.col(pl.Enum).cast(pl.String))
    try:
        if kind == ".csv":
            frame.write_csv(path)
        elif kind == ".parquet":
            frame.write_parquet(path)
        else:
            frame.write_excel(path, worksheet=sheet)
    except Exception as error:
        cause = error if isinstance(error, OSError) else (error.args or (None,))[0]
        if not isinstance(cause, OSError):  # xlsxwriter wraps the OSError; nothing else
            raise
        what = "" if path == target else f" {path}"
        raise _WriteError(f"--out {target}: cannot write{what} ({_reason(cause, path)})") from None


def table(args: argparse.Namespace, out: Output) -> int:
    """Run ``table``; return the exit status (bad input is raised as a library error)."""
    try:
        import narwhals  # noqa: F401 - the extra's parts, checked before any work
        import polars as pl
        import python_calamine  # noqa: F401
    except ImportError:
        error_line(_EXTRA)
        return EXIT_BAD_INPUT
    from asn_performance import tables
    from asn_performance.cli._rewards import policy_named
    from asn_performance.tables.ekinerja import portal_codes, portal_differs

    target = _check_out(args.out)
    progress = _Progress(sys.stderr)
    policy = policy_named(args.policy) if args.policy is not None else None
    organisation = _organisation(args.organisation) if args.organisation else None
    chosen = None
    try:
        frame, files = _read(args.file, progress.files)
        progress.show(f"appraising {frame.height:,} rows")
        result = tables.appraise(frame)
        rewarded = policy is not None or any(c in frame.columns for c in _REWARD_COLUMNS)
        if rewarded:
            progress.show(f"rewards of {frame.height:,} rows")
            chosen = policy if policy is not None else policy_named("national")
            result = tables.rewards(result, chosen)
        if "portal_predikat" in result.columns:
            result = result.with_columns(portal_predikat_code=portal_codes()).with_columns(
                portal_differs=portal_differs()
            )
        report = rollup = None
        if organisation is not None:
            progress.show("checking the distribution")
            agency = "agency" if "agency" in result.columns else None
            checked = tables.distribution(
                result, organisation_predikat=organisation, rounding=args.rounding, agency=agency
            )
            report, rollup = checked.report, checked.rollup
        written: list[Path] = []
        if target is not None:
            progress.show(f"writing {target.name}")
            _write(result, target, target)
            written.append(target)
            if report is not None:
                beside = target.with_name(f"{target.stem}.distribution{target.suffix}")
                _write(report, beside, target, sheet="distribution")
                written.append(beside)
    except _WriteError as error:
        error_line(str(error))
        return EXIT_OUTPUT
    finally:
        progress.clear()
    _summary(result, files, chosen, out)
    if rollup is not None:
        _distribution_summary(rollup, "period" in result.columns, out)
    for path in written:
        out.write(_say("cli.table.written", out.lang, path=str(path)) + "\n")
    return _problems(result, pl, out.lang)


def _counted(result: pl.DataFrame) -> pl.DataFrame:
    """The rows that count once: an employee repeated in a unit and period counts once."""
    import polars as pl

    return result.filter(~pl.col("duplicate")) if "duplicate" in result.columns else result


#: The English words of the summary (issue 14), word for word as in ``locale/en.po``: English
#: reads no catalogue; another language reads its own (``cli.table.*``).
TABLE_ENGLISH: Final = {
    "cli.table.rows": "rows read: {rows}",
    "cli.table.rows.files": "rows read: {rows} from {files} files",
    "cli.table.computed": "computed: {count}",
    "cli.table.problems": "with problems: {count}",
    "cli.table.duplicates": "duplicates (same NIP, unit and period; counted once): {count}",
    "cli.table.differs": "disagreements with the portal: {count}",
    "cli.table.differs.row": "  {where}: NIP {nip}: portal {portal}, re-derived {predikat}",
    "cli.table.differs.where": "{source} row {row}",
    "cli.table.differs.more": "  and {count} more (portal_differs in the output)",
    "cli.table.predikat": "predikat: {counts}",
    "cli.table.predikat.item": "{predikat} {count}",
    "cli.table.tunjangan.none": "tunjangan: none (policy {policy} pays no allowance)",
    "cli.table.tunjangan.total": "tunjangan total: {amount} ({count} rows with a tunjangan;"
    " the policy's allowance needs kelas)",
    "cli.table.distribution": "distribution: {units} units ({by}), {violating} outside the"
    " limits, {unchecked} not checked (a problem)",
    "cli.table.distribution.by_unit": "by unit",
    "cli.table.distribution.by_unit_period": "by unit and period",
    "cli.table.written": "written: {path}",
}


def _say(msg_id: str, lang: Lang, /, **params: str) -> str:
    from asn_performance.process._words import say

    return say(TABLE_ENGLISH, msg_id, lang, **params)


def _summary(result: pl.DataFrame, files: int, policy: RewardPolicy | None, out: Output) -> None:
    import polars as pl

    from asn_performance.domain.rating import Predikat

    lang = out.lang
    problems = int(result.get_column("problem").is_not_null().sum())
    computed = int(result.get_column("predikat").is_not_null().sum())
    rows = number(result.height, lang)
    lines = [
        _say("cli.table.rows.files", lang, rows=rows, files=number(files, lang))
        if files > 1
        else _say("cli.table.rows", lang, rows=rows),
        _say("cli.table.computed", lang, count=number(computed, lang)),
        _say("cli.table.problems", lang, count=number(problems, lang)),
    ]
    if "duplicate" in result.columns:
        duplicates = int(result.get_column("duplicate").sum())
        lines.append(_say("cli.table.duplicates", lang, count=number(duplicates, lang)))
    if "portal_differs" in result.columns:
        differs = result.filter(pl.col("portal_differs"))
        lines.append(_say("cli.table.differs", lang, count=number(differs.height, lang)))
        lines.extend(_disagreement(row, lang) for row in differs.head(_SHOWN).iter_rows(named=True))
        if differs.height > _SHOWN:
            more = number(differs.height - _SHOWN, lang)
            lines.append(_say("cli.table.differs.more", lang, count=more))
    counted = _counted(result)
    counts = counted.get_column("predikat").value_counts()
    by_code = dict(zip(counts.get_column("predikat"), counts.get_column("count"), strict=True))
    tally = ", ".join(
        _say(
            "cli.table.predikat.item",
            lang,
            predikat=p.label_id,
            count=number(by_code.get(p.code, 0), lang),
        )
        for p in Predikat
    )
    lines.append(_say("cli.table.predikat", lang, counts=tally))
    if policy is not None and policy.allowance is None:
        lines.append(_say("cli.table.tunjangan.none", lang, policy=policy.name))
    elif policy is not None and "tunjangan" in counted.columns:
        paid = counted.get_column("tunjangan")
        amount = _rupiah(paid.sum(), lang)
        with_one = number(int(paid.is_not_null().sum()), lang)
        lines.append(_say("cli.table.tunjangan.total", lang, amount=amount, count=with_one))
    out.write("\n".join(lines) + "\n")


def _disagreement(row: dict[str, Any], lang: Lang) -> str:
    place = _say(
        "cli.table.differs.where",
        lang,
        source=str(row.get("source") or ""),
        row=str(row.get("row")),
    )
    return clip(
        _say(
            "cli.table.differs.row",
            lang,
            where=place.strip(),
            nip=str(row.get("nip")),
            portal=repr(row.get("portal_predikat")),
            predikat=str(row["predikat_label"]),
        ),
        160,
    )


def _distribution_summary(rollup: pl.DataFrame, by_period: bool, out: Output) -> None:
    lang = out.lang
    units = int(rollup.get_column("units").sum())
    violating = int(rollup.get_column("units_violating").sum())
    unchecked = int(rollup.get_column("units_with_problem").sum())
    by = "cli.table.distribution.by_unit_period" if by_period else "cli.table.distribution.by_unit"
    line = _say(
        "cli.table.distribution",
        lang,
        units=number(units, lang),
        by=_say(by, lang),
        violating=number(violating, lang),
        unchecked=number(unchecked, lang),
    )
    out.write(line + "\n")


def _problems(result: pl.DataFrame, pl: Any, lang: Lang) -> int:
    """The first problems on standard error, in ``lang``; the exit status."""
    bad = result.with_row_index("_index").filter(pl.col("problem").is_not_null())
    if bad.height == 0:
        return EXIT_OK
    for row in bad.head(_SHOWN).iter_rows(named=True):
        if lang != "en":
            _problem_line(row, lang)
            continue
        if row.get("source") is not None:  # an e-Kinerja export: the sheet and its row
            where = f"{row['source']} row {row['row']}"
        else:  # a plain table: the data row (the header is not counted)
            where = f"row {row['_index'] + 1}"
        error_line(f"{where}: {row['problem']}")
    if bad.height > _SHOWN:
        if lang != "en":
            more = text("cli.table.problem.more", lang, count=number(bad.height - _SHOWN, lang))
            error_line(text("cli.error.line", lang, problem=more), prefix="asn-performance: ")
        else:
            error_line(
                f"and {bad.height - _SHOWN:,} more rows with a problem (the problem column of"
                " the output)"
            )
    return EXIT_PARTIAL


#: Where a row's next problem begins in its problem text: ``"; "`` before a rule id and
#: ``": "`` (a quoted cell never holds ``;``: :func:`~asn_performance.tables._problems.quoted`).
_NEXT_PROBLEM: Final = re.compile(r"; (?=[0-9A-Z][0-9A-Z/.-]*: )")


def row_problem_in(problem: str, lang: Lang) -> str:
    """A row's problem text (``"RULE: column text"``, several joined by ``"; "``) in ``lang``:
    each part's text matched against the templates of its rule (``error.<RULE>.table-*``,
    :func:`~asn_performance._kit.error_text.translate`); a part no template matches stays as
    it is (English). The rule ids stay: they are ids."""
    parts = []
    for part in _NEXT_PROBLEM.split(problem):
        rule, colon, rest = part.partition(": ")
        shown = translate("error", rule, rest, lang) if colon else None
        parts.append(part if shown is None else f"{rule}: {shown}")
    return "; ".join(parts)


def _problem_line(row: dict[str, Any], lang: Lang) -> None:
    """One row's problems on standard error in ``lang`` (another language than English)."""
    if row.get("source") is not None:  # an e-Kinerja export: the sheet and its row
        source, at = str(row["source"]), str(row["row"])
        where = text("cli.table.problem.where", lang, source=source, row=at)
    else:  # a plain table: the data row (the header is not counted)
        where = text("cli.table.problem.row", lang, row=str(row["_index"] + 1))
    line = f"{where}: {row_problem_in(str(row['problem']), lang)}"
    error_line(text("cli.error.line", lang, problem=line), prefix="asn-performance: ")
