"""The BKN e-Kinerja "Rekap Penilaian" XLSX export, read into a table.

The national e-Kinerja portal (run by BKN) lets a unit's admin download the recap of a
period's appraisals as an XLSX file, one file per unit of appraisal (*unit penilaian*). BKN
does not document the layout; what this reader expects is the layout that public code parsing
real exports reads (the open-source tunjangan calculator ``sandro4132017/gajihub``, file
``src/business-logic/rekapPredikatKinerja.ts``), described in
``docs/how-to/ekinerja-exports.md``:

* row 1: the agency (*instansi*), code and name (``3013 - Kementerian Ketenagakerjaan``);
* row 2: the unit of appraisal; row 3: the period (``Periode Bulanan 6 Tahun 2026``,
  ``Periode Bulanan V Tahun 2026``, ``Periode Tahunan ... 2025``); row 4 blank;
* row 5: the headers ``No``, ``NIP``, ``Nama``, ``Jabatan``, ``Rating Hasil Kinerja``,
  ``Rating Perilaku Kerja``, ``Predikat Kinerja Periodik`` (annual: ``Predikat Kinerja``);
* one employee a row after it, until a blank NIP (signatures and totals may follow).

A workbook may hold a sheet per month and a final annual sheet: every sheet is read, each with
the period of its own row 3. :func:`read_ekinerja` keeps what the portal wrote (the ratings and
its predikat, as written); :func:`compare_portal` lists, after
:func:`asn_performance.tables.appraise`, the rows whose re-derived predikat differs from the
portal's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Final, TypeVar

import polars as pl
from python_calamine import CalamineError, CalamineWorkbook

from asn_performance._kit.labels import fold_label
from asn_performance.domain.period import Period
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError, PeriodError

__all__ = [
    "EKINERJA_COLUMNS",
    "EkinerjaError",
    "compare_portal",
    "ekinerja_period",
    "portal_codes",
    "portal_differs",
    "read_ekinerja",
    "read_plain_xlsx",
]

#: The columns :func:`read_ekinerja` returns, in order, with their polars types.
EKINERJA_COLUMNS: Final[dict[str, type[pl.DataType]]] = {
    "nip": pl.Utf8,
    "name": pl.Utf8,
    "jabatan": pl.Utf8,
    "rating_hasil_kerja": pl.Utf8,
    "rating_perilaku_kerja": pl.Utf8,
    "portal_predikat": pl.Utf8,
    "agency": pl.Utf8,
    "unit": pl.Utf8,
    "period": pl.Utf8,
    "source": pl.Utf8,
    "row": pl.Int64,
    "problem": pl.Utf8,
    "duplicate": pl.Boolean,
}

# The header of each column read, folded (case and runs of spaces do not matter): the
# spellings of the public parser's layout, and the library's own words for the ratings.
_HEADERS: Final[dict[str, tuple[str, ...]]] = {
    "nip": ("nip",),
    "name": ("nama", "nama pegawai"),
    "jabatan": ("jabatan",),
    "rating_hasil_kerja": ("rating hasil kinerja", "rating hasil kerja"),
    "rating_perilaku_kerja": ("rating perilaku kerja",),
    "portal_predikat": (
        "predikat kinerja periodik",
        "predikat kinerja",
        "predikat kinerja tahunan",
    ),
}
_REQUIRED: Final = ("nip", "rating_hasil_kerja", "rating_perilaku_kerja", "portal_predikat")
_HEADER_ROWS: Final = (4, 3, 5)  # row 5 as the layout has it; tolerated one row either side
_NIP = re.compile(r"[0-9]{18}")
_EXACT_FLOAT: Final = 2**53  # every whole number below this is exact in a spreadsheet's double


class EkinerjaError(InputError):
    """An e-Kinerja export cannot be read: not a workbook, a layout this reader does not
    recognise, or a period it cannot read; the message names the file, the sheet and what was
    found."""


def _fold_header(value: object) -> str:
    return " ".join(_text(value).split()).casefold()


def _text(value: object) -> str:
    """A cell as text: text as written; a whole number as its digits (never ``1.0``)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT_FLOAT:
        return str(int(value))
    return str(value)


def _cell(row: Sequence[object], column: int | None) -> object:
    if column is None or column >= len(row):
        return None
    return row[column]


def _written(row: Sequence[object], column: int | None) -> str | None:
    """The cell's text with its outer spaces trimmed; None when blank."""
    text = _text(_cell(row, column)).strip()
    return text or None


def ekinerja_period(label: str) -> Period:
    """The period of an e-Kinerja sheet's row 3: ``Periode Bulanan 6 Tahun 2026`` (a month by
    its number, a Roman numeral such as ``V`` or its name), ``Periode Triwulan II Tahun 2026``,
    ``Periode Semester I Tahun 2026``, ``Periode Tahunan ... 2025`` (one year named), or any
    code or label :meth:`Period.parse` reads (``2026-06``, ``Triwulan II 2026``).

    The rules are :meth:`Period.parse`'s: one parser for the library (issue 13 item 5).

    Raises:
        PeriodError: the label names no period this reader knows (rule ``PERIOD-FORMAT``), or
            a number out of range (``Periode Bulanan 13 Tahun 2026``: ``PERIOD-KIND``).
    """
    try:
        return Period.parse(label, field="period")
    except PeriodError as error:
        if error.rule != "PERIOD-FORMAT":
            raise
    raise PeriodError(
        "not a period this reader knows",
        path="period",
        value=label,
        rule="PERIOD-FORMAT",
        fix="row 3 should read e.g. 'Periode Bulanan 6 Tahun 2026', 'Periode Bulanan V Tahun"
        " 2026', 'Periode Triwulan II Tahun 2026' or 'Periode Tahunan 2025'",
    )


def _found(rows: Sequence[Sequence[object]]) -> str:
    """What rows 1-5 hold, short: each row's first non-blank cells."""
    shown = []
    for number in range(1, 6):
        row = rows[number - 1] if number <= len(rows) else ()
        cells = [_text(c).strip() for c in row]
        cells = [c if len(c) <= 40 else c[:39] + "…" for c in cells if c][:8]
        shown.append(f"row {number}: " + (" | ".join(cells) if cells else "(blank)"))
    return "; ".join(shown)


def _layout_error(where: str, rows: Sequence[Sequence[object]], what: str) -> EkinerjaError:
    return EkinerjaError(
        f"{what}; found {_found(rows)}",
        path=where,
        rule="EKINERJA-LAYOUT",
        fix="give the portal's Rekap Penilaian export as downloaded (agency, unit and period in"
        " rows 1-3, the headers NIP, Rating Hasil Kinerja, Rating Perilaku Kerja and Predikat"
        " Kinerja in row 5), or a plain table with the columns of the convention",
    )


def _header(rows: Sequence[Sequence[object]], where: str) -> tuple[int, dict[str, int]]:
    """The header row's index and each column's position, found by name."""
    for index in _HEADER_ROWS:
        if index >= len(rows):
            continue
        positions: dict[str, int] = {}
        for position, value in enumerate(rows[index]):
            folded = _fold_header(value)
            for role, names in _HEADERS.items():
                if folded in names:
                    if role in positions:
                        raise _layout_error(
                            where, rows, f"row {index + 1} names the column {role!r} twice"
                        )
                    positions[role] = position
        if all(role in positions for role in _REQUIRED):
            return index, positions
    missing = "NIP, Rating Hasil Kinerja, Rating Perilaku Kerja, Predikat Kinerja (Periodik)"
    raise _layout_error(
        where, rows, f"not an e-Kinerja Rekap Penilaian: no header row with {missing}"
    )


def _nip(value: object) -> tuple[str | None, str | None]:
    """The NIP as 18-digit text and the problem, if any (spaces removed; never guessed)."""
    if isinstance(value, float) and not (value.is_integer() and abs(value) < _EXACT_FLOAT):
        return None, _problem(
            f"the NIP is stored as a number ({value!r}); a spreadsheet keeps only its first"
            " 15 or 16 digits, so the others are lost: export the NIP column as text",
            rule="EKINERJA-NIP",
        )
    nip = "".join(_text(value).split())
    if _NIP.fullmatch(nip):
        return nip, None
    return nip, _problem(
        f"a NIP has 18 digits; found {nip!r} ({len(nip)} characters)", rule="EKINERJA-NIP"
    )


def _problem(message: str, *, rule: str) -> str:
    return f"{rule}: {message}"


class _Columns:
    """The rows read so far, column by column (one frame is built at the end)."""

    def __init__(self) -> None:
        self.values: dict[str, list[object]] = {name: [] for name in EKINERJA_COLUMNS}

    def sheet(
        self,
        rows: Sequence[Sequence[object]],
        where: str,
        header: tuple[int, dict[str, int]],
        meta: tuple[str | None, str | None, str],
    ) -> None:
        start, positions = header
        agency, unit, period = meta
        values = self.values
        for index in range(start + 1, len(rows)):
            row = rows[index]
            raw = _cell(row, positions["nip"])
            if not _text(raw).strip():
                break  # a blank NIP ends the table: signatures and totals may follow
            nip, problem = _nip(raw)
            values["nip"].append(nip)
            for role in ("name", "jabatan", "rating_hasil_kerja", "rating_perilaku_kerja"):
                values[role].append(_written(row, positions.get(role)))
            values["portal_predikat"].append(_written(row, positions["portal_predikat"]))
            values["agency"].append(agency)
            values["unit"].append(unit)
            values["period"].append(period)
            values["source"].append(where)
            values["row"].append(index + 1)
            values["problem"].append(problem)

    def frame(self) -> pl.DataFrame:
        schema = {name: kind for name, kind in EKINERJA_COLUMNS.items() if name != "duplicate"}
        data = {name: self.values[name] for name in schema}
        frame = pl.DataFrame(data, schema=schema)
        first = pl.int_range(pl.len()).over(["nip", "unit", "period"]) == 0
        return frame.with_columns(duplicate=pl.col("nip").is_not_null() & ~first)


def _files(path_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(path_or_paths, str | os.PathLike):
        given = [Path(path_or_paths)]
        if given[0].is_dir():
            return sorted(
                p
                for p in given[0].iterdir()
                if p.suffix.lower() == ".xlsx" and not p.name.startswith("~$") and p.is_file()
            )
        return given
    if not isinstance(path_or_paths, Iterable) or isinstance(path_or_paths, bytes):
        raise EkinerjaError(
            f"path_or_paths must be a path, a list of paths or a folder, not"
            f" {type(path_or_paths).__name__}",
            path="path_or_paths",
            value=path_or_paths,
            rule="TYPE",
            fix="pass a path (str or pathlib.Path), a list of paths or a folder",
        )
    files = []
    for item in path_or_paths:
        if not isinstance(item, str | os.PathLike):
            raise EkinerjaError(
                "a file is named by its path",
                path="path_or_paths",
                value=item,
                rule="TYPE",
                fix="pass a path, a list of paths or a folder",
            )
        files.append(Path(item))
    return files


def _wanted(periods: str | Period | Iterable[str | Period] | None) -> set[str] | None:
    if periods is None:
        return None
    if isinstance(periods, str | Period):
        items: list[object] = [periods]
    elif isinstance(periods, Iterable) and not isinstance(periods, bytes):
        items = list(periods)
    else:
        raise EkinerjaError(
            f"periods must be a period code, a Period or a list of them, not"
            f" {type(periods).__name__}",
            path="periods",
            value=periods,
            rule="TYPE",
            fix="pass a code such as periods='2026' or '2026-06' (text), or a list of them",
        )
    return {
        item.code if isinstance(item, Period) else Period.parse(item, field="periods").code
        for item in items
    }


def _open(path: Path) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(str(path))
    except (CalamineError, ValueError, OSError) as error:
        if isinstance(error, FileNotFoundError) or not path.exists():
            raise EkinerjaError(
                f"{path.name}: no such file",
                path=str(path),
                rule="EKINERJA-FILE",
                fix="check the path",
            ) from None
        raise EkinerjaError(
            f"{path.name}: not a readable XLSX workbook ({error})",
            path=str(path),
            rule="EKINERJA-FILE",
            fix="give an .xlsx file",
        ) from None


def _meta(rows: Sequence[Sequence[object]], where: str) -> tuple[str | None, str | None, str]:
    """The agency, unit and period code of a sheet (rows 1-3, column A)."""
    first = [_written(rows[i], 0) if i < len(rows) else None for i in range(3)]
    label = first[2]
    if label is None:
        raise _layout_error(where, rows, "row 3 holds no period")
    try:
        period = ekinerja_period(label)
    except PeriodError:
        raise _layout_error(
            where, rows, f"row 3 holds no period this reader knows ({label!r})"
        ) from None
    return first[0], first[1], period.code


def read_ekinerja(
    path_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    periods: str | Period | Iterable[str | Period] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> pl.DataFrame:
    """Read e-Kinerja "Rekap Penilaian" exports into one polars table.

    Args:
        path_or_paths: an ``.xlsx`` file, a list of them, or a folder (every ``.xlsx`` in it,
            sorted by name; Excel's ``~$`` lock files are skipped).
        periods: keep only the sheets of these periods (codes such as ``"2026-06"`` and
            ``"2025"``, or :class:`~asn_performance.domain.period.Period` objects); default all.
        progress: called with (files done, files) after each file (the command line's
            progress line).

    Every sheet of every workbook is read (a blank sheet is skipped); the agency, the unit and
    the period come from the sheet's rows 1-3, the columns from the header row (row 5) by name,
    whatever their case and spacing; the rows run until a blank NIP.

    Returns:
        One row per employee row, with the columns :data:`EKINERJA_COLUMNS`: ``nip`` (18-digit
        text, spaces removed), ``name``, ``jabatan``, ``rating_hasil_kerja``,
        ``rating_perilaku_kerja`` and ``portal_predikat`` (as written, outer spaces trimmed;
        null when blank), ``agency`` (row 1 as written: code and name), ``unit`` (row 2),
        ``period`` (the period code: ``2026-06``, ``2025``), ``source`` (``file.xlsx:sheet``),
        ``row`` (the sheet's row number), ``problem`` (``EKINERJA-NIP: ...`` when the NIP is
        not 18 digits or was stored as a number, whose digits are lost; else null) and
        ``duplicate`` (true for the second and later rows of the same NIP, unit and period:
        keep them out of a distribution check with ``frame.filter(~pl.col("duplicate"))``).

    Raises:
        EkinerjaError: a file is missing or not a workbook (``EKINERJA-FILE``), or a sheet's
            layout is not one this reader recognises (``EKINERJA-LAYOUT``: the message names the
            file, the sheet and what rows 1-5 hold).
        PeriodError: ``periods`` names a period the library cannot read.
    """
    wanted = _wanted(periods)
    files = _files(path_or_paths)
    columns = _Columns()
    for done, path in enumerate(files, start=1):
        workbook = _open(path)
        try:
            for name in workbook.sheet_names:
                rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                if not any(_text(cell).strip() for row in rows for cell in row):
                    continue  # a blank sheet
                where = f"{path.name}:{name}"
                header = _header(rows, where)
                meta = _meta(rows, where)
                if wanted is not None and meta[2] not in wanted:
                    continue
                columns.sheet(rows, where, header, meta)
        except CalamineError as error:
            raise EkinerjaError(
                f"{path.name}: a sheet cannot be read ({error})",
                path=str(path),
                rule="EKINERJA-FILE",
                fix="open and save the file again in a spreadsheet program",
            ) from None
        finally:
            workbook.close()
        if progress is not None:
            progress(done, len(files))
    return columns.frame()


_FrameT = TypeVar("_FrameT", pl.DataFrame, pl.LazyFrame)


def _predikat_codes() -> dict[str, str]:
    """Every spelling :meth:`Predikat.parse` accepts, folded, to its code (from the enum's own
    table: ``PERLU PERBAIKAN`` is ``butuh_perbaikan``, ``KURANG/MISCONDUCT`` is ``kurang``)."""
    return {
        fold_label(text): member.code
        for member in Predikat
        for text in (member.code, member.label_id, member.label_en, *member.synonyms)
    }


def _code_series(series: pl.Series) -> pl.Series:
    codes = _predikat_codes()
    spellings = series.drop_nulls().unique().to_list()
    mapping = {text: codes.get(fold_label(text)) for text in spellings}
    return series.replace_strict(mapping, default=None, return_dtype=pl.Utf8)


def portal_codes(column: str = "portal_predikat") -> pl.Expr:
    """The portal's predikat as the library's code (``BAIK`` -> ``baik``, ``PERLU PERBAIKAN``
    -> ``butuh_perbaikan``), matched whole after folding case and spaces, never by part
    (``KURANG`` is not ``SANGAT KURANG``); null when blank or not a predikat."""
    return pl.col(column).map_batches(_code_series, return_dtype=pl.Utf8, is_elementwise=True)


def compare_portal(
    frame: _FrameT,
    *,
    predikat: str = "predikat",
    portal_predikat: str = "portal_predikat",
) -> _FrameT:
    """The rows of an appraised table whose portal predikat differs from the re-derived one.

    ``frame`` is what :func:`asn_performance.tables.appraise` returned for
    :func:`read_ekinerja`'s table (polars, eager or lazy; the same kind comes back). A row is
    listed when the library computed its predikat (``predikat`` is not null) and the portal's
    (``portal_predikat``, read as in :func:`portal_codes`) is another one, blank, or not a
    predikat at all. The column ``portal_predikat_code`` is added.

    Raises:
        EkinerjaError: a column is missing (appraise the table first).
    """
    names = frame.collect_schema().names()
    for needed in (predikat, portal_predikat):
        if needed not in names:
            raise EkinerjaError(
                f"the table has no column {needed!r}",
                path=needed,
                rule="EKINERJA-LAYOUT",
                fix="compare the result of tables.appraise(read_ekinerja(...))",
            )
    return frame.with_columns(portal_predikat_code=portal_codes(portal_predikat)).filter(
        portal_differs(predikat, "portal_predikat_code")
    )


def portal_differs(predikat: str = "predikat", code: str = "portal_predikat_code") -> pl.Expr:
    """True where the library computed a predikat and the portal's code (``code``, from
    :func:`portal_codes`) is another one or null: the rows :func:`compare_portal` lists."""
    given = pl.col(code)
    return pl.col(predikat).is_not_null() & (given.is_null() | (given != pl.col(predikat)))


def read_plain_xlsx(path: str | os.PathLike[str]) -> pl.DataFrame:
    """A plain sheet: the first sheet of a workbook whose row 1 names the columns of the
    convention (:class:`~asn_performance.tables.Columns`: at least ``rating_hasil_kerja`` and
    ``rating_perilaku_kerja``), one row per employee after it. Every column is text (a whole
    number as its digits, so a NIP or a kelas keeps its digits; a blank cell is null); the
    tables' functions read numbers written as text.

    Raises:
        EkinerjaError: the file is not a workbook (``EKINERJA-FILE``), or row 1 does not name
            the ratings columns (``EKINERJA-LAYOUT``).
    """
    file = Path(path)
    workbook = _open(file)
    try:
        names = workbook.sheet_names
        rows = (
            workbook.get_sheet_by_name(names[0]).to_python(skip_empty_area=False) if names else []
        )
    except CalamineError as error:
        raise EkinerjaError(
            f"{file.name}: the sheet cannot be read ({error})", path=str(file), rule="EKINERJA-FILE"
        ) from None
    finally:
        workbook.close()
    header = [_text(cell).strip() for cell in rows[0]] if rows else []
    where = f"{file.name}:{names[0]}" if names else file.name
    if not {"rating_hasil_kerja", "rating_perilaku_kerja"} <= set(header):
        raise _layout_error(
            where, rows, "row 1 does not name rating_hasil_kerja and rating_perilaku_kerja"
        )
    named = [(index, name) for index, name in enumerate(header) if name]
    repeated = sorted({name for _, name in named if [n for _, n in named].count(name) > 1})
    if repeated:
        raise _layout_error(where, rows, f"row 1 names the column {repeated[0]!r} twice")
    data: dict[str, list[str | None]] = {name: [] for _, name in named}
    for row in rows[1:]:
        values = [_written(row, index) for index, _ in named]
        if any(v is not None for v in values):
            for (_, name), value in zip(named, values, strict=True):
                data[name].append(value)
    return pl.DataFrame(data, schema=dict.fromkeys(data, pl.Utf8))
