"""Benchmark: ``read_ekinerja`` on a folder of e-Kinerja "Rekap Penilaian" exports.

Run from the repository root::

    .venv/bin/python benchmarks/ekinerja_read.py                 # 100 files x 200 rows, 3 rounds
    .venv/bin/python benchmarks/ekinerja_read.py --files 10 --rows 50 --rounds 1

The workbooks are written first (xlsxwriter, the layout of docs/how-to/ekinerja-exports.md: the
agency, unit and period in rows 1-3, the header in row 5, one employee a row, a signature after
a blank row), into a temporary folder; only the reading is timed. The figure is the median wall
time over the rounds, after one warm-up read. Aim (issue 11): under 1 s for 100 files of 200
rows.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

from asn_performance.tables.ekinerja import read_ekinerja

RATINGS = ("DIATAS EKSPEKTASI", "SESUAI EKSPEKTASI", "DIBAWAH EKSPEKTASI", "Diatas Ekspektasi")
PREDIKAT = ("SANGAT BAIK", "BAIK", "PERLU PERBAIKAN", "KURANG/MISCONDUCT", "SANGAT KURANG")
HEADER = (
    "No",
    "NIP",
    "Nama",
    "Jabatan",
    "Rating Hasil Kinerja",
    "Rating Perilaku Kerja",
    "Predikat Kinerja Periodik",
)


def write_export(path: Path, unit: int, rows: int, rng: random.Random) -> None:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Rekap")
    sheet.merge_range(0, 0, 0, 6, "3013 - Kementerian Ketenagakerjaan")
    sheet.merge_range(1, 0, 1, 6, f"Unit Penilaian {unit:03d}")
    sheet.merge_range(2, 0, 2, 6, "Periode Bulanan 6 Tahun 2026")
    sheet.write_row(4, 0, HEADER)
    for index in range(rows):
        nip = f"19{rng.randrange(60, 99)}0{rng.randrange(1, 10)}1{rng.randrange(1, 10)}20"
        nip += f"{rng.randrange(10, 24)}0{rng.randrange(1, 10)}{rng.choice('12')}{index:03d}"
        sheet.write_row(
            5 + index,
            0,
            (
                index + 1,
                nip,
                f"Pegawai {unit}-{index}",
                "Analis Kebijakan Ahli Muda",
                rng.choice(RATINGS),
                rng.choice(RATINGS),
                rng.choice(PREDIKAT),
            ),
        )
    sheet.write_row(5 + rows + 1, 2, ("Mengetahui,", "Kepala Unit"))
    book.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(11)  # noqa: S311 - made-up NIPs, reproducible
    with tempfile.TemporaryDirectory() as folder:
        for unit in range(args.files):
            write_export(Path(folder) / f"unit_{unit:03d}.xlsx", unit, args.rows, rng)
        frame = read_ekinerja(folder)  # warm-up, and the check below
        assert frame.height == args.files * args.rows, frame.height
        walls = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            read_ekinerja(folder)
            walls.append(time.perf_counter() - start)
    median = statistics.median(walls)
    print(f"read_ekinerja: {args.files} files x {args.rows} rows = {frame.height} rows")
    print(f"wall time: median {median:.3f} s, min {min(walls):.3f} s, max {max(walls):.3f} s")
    print(f"per row: {median / frame.height * 1e6:.1f} us; aim under 1 s: {median < 1.0}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]},"
        f" {platform.platform()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
