"""The errors of the process area (``asn_performance.process``: integrity seals, the cascade,
rosters, schedules, the SKP lifecycle, status) in Bahasa Indonesia (issue 14, helper E4).

Bad inputs go through the command line (``verify``, ``cascade``, ``status`` with ``--lang id``)
and through the library, whose problems are shown with ``problem_in``. Every expected
Indonesian line is written by hand from the catalogue's words (``rekaman``, ``segel``,
``daftar pegawai``, ``masa tugas``, ``perpindahan``, ``pejabat penilai kinerja``); the values
keep the form the code gives them (a NIP, a date ``2025-03-01``, a quoted id ``'rhk-9'``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import status_cycles as story

from asn_performance._kit.error_text import error_problems_in, problem_in, translate
from asn_performance.boundary.appraisal_document import to_json
from asn_performance.boundary.cycle_records import dump_cycle_records
from asn_performance.exceptions import AsnPerformanceError, Problem
from asn_performance.process.integrity import keyed_digest, seal
from asn_performance.process.lifecycle import PerformanceCycle
from asn_performance.process.roster import Roster
from asn_performance.process.schedule import assignment_schedules, periodic_schedule

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))
PREFIX = "asn-performance: kesalahan: "


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "LANG": "C.UTF-8"},
    )


# --- the command line ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # a record without its integrity block: INTEGRITY-MISSING, the block's path
        (
            '{"predikat": "baik"}',
            "$.integrity: rekaman tidak bersegel: tidak ada blok integrity dengan digest;"
            " nilai None; aturan INTEGRITY-MISSING. Perbaikan: segel rekaman setelah final"
            " (dump_appraisal dan dump_result melakukannya)",
        ),
        # a decimal written as a JSON number: the number stays as it was read
        (
            '{"a": 1.5}',
            "$: rekaman bersegel tidak pernah memuat 1.5 (angka yang bukan bilangan bulat,"
            " NaN/Infinity, atau kunci yang berulang); nilai '1.5'; aturan INTEGRITY-FORM."
            " Perbaikan: verifikasi rekaman persis seperti yang ditulis pustaka",
        ),
        # a repeated key: the by-hand entry (the reader's own words "repeated key 'a'")
        (
            '{"a": 1, "a": 2}',
            "$: rekaman bersegel tidak pernah memuat kunci berulang 'a' (angka yang bukan"
            " bilangan bulat, NaN/Infinity, atau kunci yang berulang); nilai \"repeated key 'a'\";"
            " aturan INTEGRITY-FORM. Perbaikan: verifikasi rekaman persis seperti yang ditulis"
            " pustaka",
        ),
        # an empty list: nothing verified
        (
            "[]",
            "$: daftar tidak memuat satu rekaman pun, sehingga tidak ada yang diverifikasi;"
            " nilai '[]'; aturan INTEGRITY-MISSING. Perbaikan: berikan rekaman bersegel yang"
            " akan diperiksa (satu rekaman, atau daftar rekaman yang tidak kosong)",
        ),
    ],
)
def test_verify_a_bad_record_in_indonesian(text: str, line: str) -> None:
    checked = run("--lang", "id", "verify", "-", stdin=text)
    assert checked.returncode == 2
    assert checked.stderr.splitlines() == [PREFIX + line]


def test_verify_unreadable_json_keeps_the_readers_own_words() -> None:
    # "[1, 2" ends before its "]": the message is ours, the JSON reader's reason stays English
    checked = run("--lang", "id", "verify", "-", stdin="[1, 2")
    assert checked.returncode == 2
    assert checked.stderr.startswith(PREFIX + "$: rekaman bukan JSON yang dapat dibaca: Expecting")
    assert checked.stderr.rstrip("\n").endswith(
        "nilai None; aturan INTEGRITY-FORM. Perbaikan: verifikasi rekaman persis seperti yang"
        " ditulis pustaka"
    )


def test_verify_a_changed_record_in_indonesian(tmp_path: Path) -> None:
    # sealed as Baik, then edited to Sangat Baik: the digest no longer matches (exit 1)
    record = seal({"plan": "skp-1", "predikat": "Baik"})
    record["predikat"] = "Sangat Baik"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(record), encoding="utf-8")
    checked = run("--lang", "id", "verify", str(changed))
    assert checked.returncode == 1
    (line,) = checked.stderr.splitlines()
    assert line.startswith(
        PREFIX + "$.integrity.digest: rekaman diubah setelah disegel: isinya tidak lagi cocok"
        " dengan digest SHA-256-nya (sekarang "
    )
    assert line.endswith(
        "aturan INTEGRITY-DIGEST. Perbaikan: pulihkan rekaman dari aslinya; hasil yang berubah"
        " memerlukan keputusan baru, bukan suntingan"
    )


@pytest.fixture(scope="module")
def badlink(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample document with the Kasubag's RHK linked to an RHK the Kabag's SKP lacks."""
    sample = run("sample")
    assert sample.returncode == 0, sample.stderr
    data = json.loads(sample.stdout)
    data["plans"][1]["work_results"][0]["leader_work_result_id"] = "rhk-9"
    path = tmp_path_factory.mktemp("cascade") / "badlink.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_cascade_link_to_no_rhk_in_indonesian(badlink: Path) -> None:
    result = run("--lang", "id", "cascade", str(badlink))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        PREFIX + "$.plans[1].work_results[0].leader_work_result_id: RHK 'rhk-1' mengintervensi"
        " RHK 'rhk-9', yang tidak ada dalam SKP pimpinan 'skp-2025-kabag' (milik"
        " 197805172003122001); nilai 'rhk-9'; aturan PLAN-CASCADE-LINK. Perbaikan: gunakan id"
        " RHK dari SKP 'skp-2025-kabag' (rhk-1), atau hapus tautannya"
    ]


def test_the_same_error_in_english_is_as_it_always_was(badlink: Path) -> None:
    result = run("--lang", "en", "cascade", str(badlink))
    assert result.stderr.splitlines() == [
        "asn-performance: error: $.plans[1].work_results[0].leader_work_result_id: RHK 'rhk-1'"
        " intervenes RHK 'rhk-9', which is not in the leader's plan 'skp-2025-kabag' (of"
        " 197805172003122001); got 'rhk-9'; rule PLAN-CASCADE-LINK. Fix: use the id of an RHK"
        " of plan 'skp-2025-kabag' (rhk-1), or remove the link"
    ]


def test_status_on_a_day_before_the_last_event_and_an_unknown_cadence(tmp_path: Path) -> None:
    # Dewi objected on Monday 4 May 2026 (status_cycles.py): the state of 3 May is not hers now.
    kab = tmp_path / "kab.json"
    kab.write_text(to_json(dump_cycle_records(story.KAB_RECORDS)), encoding="utf-8")
    result = run("--lang", "id", "status", str(kab), "--as-of", "2026-05-03")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        PREFIX + f"{kab}:$.records[1].cycle: siklus mempunyai peristiwa pada 2026-05-04, setelah"
        " as_of: keadaannya bukan keadaan pada hari itu; nilai '2026-05-03'; aturan"
        " LIFECYCLE-STATUS-AS-OF. Perbaikan: isi as_of pada atau setelah 2026-05-04, atau"
        " berikan siklus sebagaimana keadaannya saat itu"
    ]
    # "mingguan" (weekly) is no cadence: the message is the cadence's (SCHEDULE-CADENCE)
    records = dump_cycle_records(story.KAB_RECORDS)
    records["records"][0]["cadence"] = "mingguan"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(records), encoding="utf-8")
    result = run("--lang", "id", "status", str(bad), "--as-of", "2026-05-11")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(
        PREFIX + f"{bad}:$.records[0].cadence: frekuensi evaluasi periodik tidak dikenal;"
        " nilai 'mingguan'; aturan SCHEDULE-CADENCE. Perbaikan: "
    )


# --- the library, shown with problem_in ------------------------------------------------------


def _draft() -> PerformanceCycle:
    """Budi's 2026 SKP, drafted by Budi on 2 January 2026 (09.00 WIB), not yet set."""
    plan = story.plan_for("skp-x", story.BUDI, 2026)
    return PerformanceCycle.draft(plan, by=story.BUDI.nip, at=story.wib(2026, 1, 2)).cycle


JAN_3 = story.wib(2026, 1, 3)

#: (what raises, the problem in Indonesian: message, fix), each written by hand.
CASES: list[tuple[str, Callable[[], object], str, str]] = [
    (
        "roster-duplicate",
        lambda: Roster([story.BUDI, story.BUDI]),
        "NIP 198609262015051001 muncul dua kali dalam daftar pegawai, pada employees[0]"
        " (Budi Santoso) dan employees[1] (Budi Santoso)",
        "cantumkan setiap pegawai satu kali; satu NIP milik satu orang dan tidak pernah dipakai"
        " ulang",
    ),
    (
        # Period.annual refuses 1900 (1970 to 2100); check_year re-raises it as SCHEDULE-YEAR
        "schedule-year",
        lambda: periodic_schedule(1900, "triwulanan"),
        "tahun harus antara 1970 dan 2100",
        "periksa tahunnya",
    ),
    (
        "schedule-cadence",
        lambda: periodic_schedule(2025, "mingguan"),
        "frekuensi evaluasi periodik tidak dikenal",
        "berikan Cadence.MONTHLY, Cadence.QUARTERLY atau Cadence.SEMIANNUAL, atau teks seperti"
        " 'bulanan', 'triwulanan' atau 'semester'",
    ),
    (
        # the second move on 1 March 2025 repeats the first
        "schedule-move-repeated",
        lambda: assignment_schedules(2025, "bulanan", moves=[dt.date(2025, 3, 1)] * 2),
        "perpindahan pada 2025-03-01 tercantum berulang",
        "cantumkan tanggal perpindahan (TMT setiap jabatan baru) menurut urutan tanggal,"
        " masing-masing satu kali",
    ),
    (
        # joined on 1 December 2024: the first day of service of 2025 must be in 2025
        "schedule-first-day",
        lambda: assignment_schedules(2025, "bulanan", joined=dt.date(2024, 12, 1)),
        "hari pertama masa tugas harus jatuh pada tahun 2025",
        "isi None jika pegawai bertugas sejak 1 Januari 2025",
    ),
    (
        "integrity-no-key",
        lambda: keyed_digest({"a": 1}, None),  # type: ignore[arg-type]
        "keyed_digest() memerlukan kunci",
        "berikan kunci segel instansi sebagai bytes",
    ),
    (
        # Budi accepts his own draft before Siti Rahayu (pejabat penilai) has set it
        "lifecycle-accept-unset",
        lambda: _draft().accept(by=story.BUDI.nip, at=JAN_3),
        "pegawai menyetujui SKP setelah pejabat penilai kinerja menetapkannya; draf ini belum"
        " ditetapkan",
        "pejabat penilai kinerja memanggil set_plan() lebih dulu; draf membolehkan revise, set",
    ),
    (
        # Rina has no role on Budi's SKP: the step's verb and who may take it, in Indonesian
        "lifecycle-stranger",
        lambda: _draft().set_plan(by=story.RINA.nip, at=JAN_3),
        "199001012019032001 tidak mempunyai peran pada SKP ini, sehingga tidak dapat"
        " menetapkan SKP",
        "hanya Pejabat Penilai Kinerja pada SKP yang boleh menetapkan SKP",
    ),
    (
        # Budi is the employee: only the pejabat penilai sets the plan
        "lifecycle-wrong-role",
        lambda: _draft().set_plan(by=story.BUDI.nip, at=JAN_3),
        "198609262015051001 (Pegawai yang dinilai) tidak boleh menetapkan SKP",
        "hanya Pejabat Penilai Kinerja pada SKP yang boleh menetapkan SKP",
    ),
    (
        # a draft allows revise and set only: the work cannot begin
        "lifecycle-stage",
        lambda: _draft().begin(by=story.BUDI.nip, at=JAN_3),
        "tidak dapat memulai pelaksanaan kinerja pada tahap draft (Penyusunan SKP); tahap itu"
        " membolehkan revise (revise), set (set_plan)",
        "jalankan langkah-langkah secara berurutan: draft, set, accept, begin, log,"
        " evaluate_period, evaluate_year, finalise, receive, file_objection, decide_objection",
    ),
    (
        # 3 January 2026, 09.00 without a time zone
        "lifecycle-naive-time",
        lambda: _draft().set_plan(by=story.PENILAI.nip, at=dt.datetime(2026, 1, 3, 9)),  # noqa: DTZ001
        "waktu sebuah peristiwa wajib mempunyai selisih UTC, jika tidak urutan peristiwa"
        " antarzona waktu menjadi ambigu",
        "berikan tzinfo, misalnya datetime(2026, 1, 12, 9, 30, tzinfo=WIB)",
    ),
]


def _error(raises: Callable[[], object]) -> AsnPerformanceError:
    with pytest.raises(AsnPerformanceError) as caught:
        raises()
    return caught.value


@pytest.mark.parametrize(("name", "raises", "message", "fix"), CASES, ids=[c[0] for c in CASES])
def test_a_process_error_in_indonesian(
    name: str, raises: Callable[[], object], message: str, fix: str
) -> None:
    error = _error(raises)
    shown = error_problems_in(error, "id")[0]
    assert (shown.message, shown.fix) == (message, fix), name
    # path, value and rule are data: as the library wrote them
    first = error.problems[0]
    assert (shown.path, shown.value, shown.rule) == (first.path, first.value, first.rule)


@pytest.mark.parametrize("raises", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_every_problem_of_these_errors_is_translated(raises: Callable[[], object]) -> None:
    for problem in _error(raises).problems:
        assert translate("error", problem.rule, problem.message, "id") is not None, problem
        assert problem.fix is None or translate("fix", problem.rule, problem.fix, "id"), problem


def test_every_step_the_lifecycle_refuses_names_its_verb_in_indonesian() -> None:
    # The verb of each step is English words the code fills in (Action.verb): the catalogue
    # has each sentence with its verb (by hand), so no English verb is left in the line.
    from asn_performance.process.lifecycle.stages import Action, who_may

    for action in Action:
        english = f"199001012019032001 has no role on this plan, so cannot {action.verb}"
        shown = problem_in(Problem(english, rule="AUTH-LIFECYCLE", fix=who_may(action)), "id")
        assert shown.message.startswith("199001012019032001 tidak mempunyai peran pada SKP ini")
        assert action.verb not in shown.message, action
        assert shown.fix is not None
        assert shown.fix.startswith("hanya "), action
    # decide: only the atasan pejabat penilai kinerja (PP 30/2019 Pasal 59)
    decide = problem_in(Problem("x", rule="AUTH-LIFECYCLE", fix=who_may(Action.DECIDE)), "id")
    assert (
        decide.fix
        == "hanya Atasan Pejabat Penilai Kinerja pada SKP yang boleh memutuskan keberatan"
    )
