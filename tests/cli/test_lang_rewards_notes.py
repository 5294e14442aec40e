"""The notes of ``asn-performance rewards`` in Bahasa Indonesia (issue 14, slice T2).

A note is data: the JSON and ``RewardOutcome.notes`` keep the English text the policy wrote;
the text output shows each note in the reader's language (``note_in``). Every expected line is
written by hand from the English note and the catalogue's words.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from asn_performance.consequences._outcome_text import note_in
from asn_performance.exceptions import InputError

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))
TEACHER = "198609262015051001"  # Budi Santoso, Ahli Muda, Sangat Baik in 2025
HEAD = "197805172003122001"  # Ratna Dewi Lestari, a structural head: no jabatan fungsional
MIDWIFE = "199508302022212001"  # Nurul Hidayah, PPPK, Mahir


def run(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run(  # our own entry point, fixed arguments
        command,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**clean, "LANG": "C.UTF-8", **environ},
    )


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, with the teacher's kelas (7) and a penalty berat (penurunan jabatan from
    1 June 2025: 12 months, in force on 31 December 2025, the end of the annual period)."""
    sample = json.loads(run("sample").stdout)
    data: dict[str, Any] = copy.deepcopy(sample)
    data["reward_inputs"] = {
        TEACHER: {
            "kelas": 7,
            "penalties": [{"kind": "penurunan_jabatan", "effective_from": "2025-06-01"}],
        }
    }
    path = tmp_path_factory.mktemp("notes") / "sample.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _notes(lines: list[str], nip: str, label: str) -> list[str]:
    """The notes of one employee's block: the text after the label ``catatan`` / ``note``."""
    start = next(i for i, line in enumerate(lines) if line.startswith(nip))
    block = []
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        block.append(line)
    return [line.split(None, 1)[1] for line in block if line.split()[0] == label]


def test_the_notes_are_shown_in_indonesian(document: Path) -> None:
    result = run("rewards", str(document), "--policy", "kemnaker_2025", "--lang", "id")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # The teacher: a kelas but an annual predikat (the Kemnaker tukin is paid on the monthly
    # one); one annual appraisal (pangkat reguler needs two years); the penalty berat in force
    # blocks the career checks.
    assert _notes(lines, TEACHER, "catatan") == [
        "tunjangan kemnaker: dibayar berdasarkan predikat bulanan; tidak dihitung untuk 2025",
        "kenaikan pangkat reguler: memerlukan predikat tahunan 2 tahun terakhir berturut-turut",
        "karier: terhalang hukuman disiplin penurunan_jabatan (CAREER-DISCIPLINE)",
    ]
    # A structural head: no angka kredit; no kelas given.
    assert _notes(lines, HEAD, "catatan") == [
        "2025: bukan jabatan fungsional; tidak ada angka kredit",
        "tunjangan kemnaker: kelas jabatan tidak diberikan; tidak dihitung",
        "kenaikan pangkat reguler: memerlukan predikat tahunan 2 tahun terakhir berturut-turut",
    ]
    # A PPPK holds no pangkat.
    assert _notes(lines, MIDWIFE, "catatan")[-1] == (
        "kenaikan pangkat reguler: PPPK tidak memiliki pangkat"
    )


def test_english_is_unchanged_and_the_json_keeps_the_english_notes(document: Path) -> None:
    english = run("rewards", str(document), "--policy", "kemnaker_2025", "--lang", "en")
    assert english.returncode == 0, english.stderr
    assert _notes(english.stdout.splitlines(), TEACHER, "note") == [
        "allowance kemnaker: paid on monthly predikat; not computed for 2025",
        "pangkat reguler: needs the annual predikat of the last 2 consecutive years",
        "career: blocked by the penalty penurunan_jabatan (CAREER-DISCIPLINE)",
    ]
    # The JSON is data: the same in every language, the notes in English.
    args = ("rewards", str(document), "--policy", "kemnaker_2025", "--json")
    in_english = run(*args)
    in_indonesian = run(*args, LANG="id_ID.UTF-8")
    assert in_english.stdout == in_indonesian.stdout
    assert "tunjangan kemnaker: dibayar" not in in_indonesian.stdout
    assert "allowance kemnaker: paid on monthly predikat" in in_indonesian.stdout


def test_note_in() -> None:
    assert note_in("Ahli Utama is the highest jenjang of its category: no next jenjang", "id") == (
        "Ahli Utama adalah jenjang tertinggi dalam kategorinya: tidak ada jenjang berikutnya"
    )
    assert note_in("allowance 2025-04: no attendance record; no cuts applied", "id") == (
        "tunjangan 2025-04: tidak ada data kehadiran; tidak ada potongan"
    )
    assert note_in(
        "career: no annual appraisal; career rules look at annual predikat (D1)", "id"
    ) == ("karier: tidak ada penilaian tahunan; aturan karier memakai predikat tahunan (D1)")
    # A note no message matches (an older release's, an app's own) is shown as it is.
    assert note_in("no allowance policy", "id") == "no allowance policy"
    note = "pangkat reguler: a PPPK holds no pangkat"
    assert note_in(note, "en") is note
    with pytest.raises(InputError) as caught:
        note_in(note, "fr")  # type: ignore[arg-type]
    assert caught.value.rule == "I18N-LANG"
