"""The errors of the regimes before 2022 and of the consequences in Bahasa Indonesia (issue 14).

The command line (``appraise`` of a regime document, ``calibrate`` of a units document) with
``--lang id`` prints each error's message and fix in Indonesian; the library's own errors
(the allowance, the reward policy, the career rules, the regime of a period) are shown so by
``problem_in``. Every expected line is written by hand from the catalogue's words: the English
text of the rule, then its Indonesian form with the same values (the path, the value and the
rule id are data and stay as they are; an English grouped integer ``10,000,000`` is written
``10.000.000``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import pytest

from asn_performance._kit.error_text import problem_in, translate
from asn_performance.consequences import (
    KEMNAKER_2025,
    NATIONAL,
    DisciplinaryPenalty,
    Leave,
    UnitInput,
    compute_allowance,
    oversee,
    recognise,
    succession_pool,
)
from asn_performance.domain.period import Period
from asn_performance.exceptions import AsnPerformanceError, Problem
from asn_performance.regimes.registry import regime_by_id, regime_for

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))
EXAMPLES = files("asn_performance") / "examples"
PREFIX = "asn-performance: kesalahan: "


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command, capture_output=True, text=True, timeout=120, check=False, env={**os.environ}
    )


def changed(name: str, change: Callable[[dict[str, Any]], None], tmp_path: Path) -> Path:
    """The example document ``name`` with ``change`` applied, written to ``tmp_path``."""
    data = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    change(data)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def setter(*keys: str | int, value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value

    return change


def drop(*keys: str | int) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for key in keys[:-1]:
            node = node[key]
        del node[keys[-1]]

    return change


ACTIVITY = ("employees", 0, "skps", 0, "activities", 0)
DEWI_RHK = ("employees", 4, "skp", "utama", 0)  # Dewi Anggraini: RHK weights 50 and 50

# (document, change, the Indonesian line on standard error)
REGIME_CASES = [
    pytest.param(
        "pp46_2019",
        setter(*ACTIVITY, "waktu", "target", value="-12"),
        PREFIX + "$.employees[0].skps[0].activities[0].waktu.target: target harus lebih dari"
        " nol; nilai Decimal('-12'); aturan PP46-INPUT. Perbaikan: isi target dari SKP (TO, TK,"
        " TW atau TB), angka positif",
        id="pp46-target-negative",
    ),
    pytest.param(
        "pp46_2019",
        setter(*ACTIVITY, "kualitas", "realisation", value="-1"),
        PREFIX + "$.employees[0].skps[0].activities[0].kualitas.realisation: realisasi tidak"
        " boleh negatif; nilai Decimal('-1'); aturan PP46-INPUT. Perbaikan: isi realisasi (RO,"
        " RK, RW atau RB); 0 berarti kegiatan tidak dilaksanakan",
        id="pp46-realisation-negative",
    ),
    pytest.param(
        "pp46_2019",
        setter("employees", 0, "behaviour", "integritas", value="101"),
        PREFIX + "$.employees[0].behaviour.integritas: nilai perilaku kerja berada di antara 0"
        " dan 100; nilai Decimal('101'); aturan PP46-PERILAKU. Perbaikan: isi nilai aspek pada"
        " skala 0-100",
        id="pp46-perilaku-over-100",
    ),
    pytest.param(
        "pp46_2019",
        setter("period", value="2013"),
        # PP 46/2011 applies from 2014-01-01; 2013 is before every regime of the library
        PREFIX + "$.period: tidak ada ketentuan pustaka ini yang mencakup 2013: yang paling"
        " awal, PP 46/2011, berlaku mulai 2014-01-01 (sebelumnya berlaku DP3 PP 10/1979, yang"
        " tidak diterapkan); nilai '2013'; aturan REGIME-PERIOD. Perbaikan: lakukan penilaian"
        " untuk periode mulai tahun 2014",
        id="pp46-period-before-2014",
    ),
    pytest.param(
        "pp46_2019",
        setter("period", value="2022"),
        PREFIX + "$.period: periode 2022 berada di bawah PP 30/2019 + PermenPANRB 6/2022 (+ SE"
        " MenPANRB 3/2023), bukan di bawah PP 46/2011 + Perka BKN 1/2013 yang menjadi dasar"
        " dokumen ini; nilai '2022'; aturan REGIME-PERIOD. Perbaikan: isi periode dari"
        " 2014-01-01 sampai 2021-06-30, atau lakukan penilaian 2022 menurut ketentuannya"
        " sendiri (permenpanrb_6_2022)",
        id="pp46-period-of-another-regime",
    ),
    pytest.param(
        "permenpanrb_8_2021",
        setter(*DEWI_RHK, "weight", value="40"),
        # 40 + 50 = 90: the weights of the RHK utama must sum to 100
        PREFIX + "$.employees[4].skp.utama: jumlah bobot RHK utama 90, bukan 100; nilai ['40',"
        " '50']; aturan 8/2021-UTAMA. Perbaikan: isi bobot (%) yang berjumlah 100",
        id="8-2021-weights-sum-90",
    ),
    pytest.param(
        "permenpanrb_8_2021",
        setter(*DEWI_RHK, "weight", value="0"),
        PREFIX + "$.employees[4].skp.utama[0].weight: bobot adalah persentase di atas 0 dan"
        " paling banyak 100; nilai Decimal('0'); aturan 8/2021-UTAMA. Perbaikan: isi bobot RHK"
        " dalam persen; jumlah bobot RHK utama 100",
        id="8-2021-weight-zero",
    ),
    pytest.param(
        "permenpanrb_8_2021",
        drop("employees", 0, "nilai_skp"),
        PREFIX + "$.employees[0].skp: SKP atau nilai SKP wajib diisi; aturan 8/2021-NILAI-SKP."
        " Perbaikan: isi skp (RHK dan IKI) atau nilai_skp, salah satu saja",
        id="8-2021-no-skp",
    ),
    pytest.param(
        "permenpanrb_8_2021",
        setter(*DEWI_RHK, "indicators", 0, "target", "lower", value="0"),
        PREFIX + "$.employees[4].skp.utama[0].indicators[0].target: target 0 tidak menghasilkan"
        " capaian (rumusnya membagi dengan target); nilai '0 dokumen'; aturan 8/2021-CAPAIAN."
        " Perbaikan: tetapkan target positif, atau rentang dengan batas atas positif",
        id="8-2021-target-zero",
    ),
    pytest.param(
        "integration_2021",
        setter("period", value="2022"),
        PREFIX + "$.period: dokumen integration_2021 mencakup tahun kalender 2021, bukan 2022;"
        " nilai '2022'; aturan REGIME-PERIOD. Perbaikan: isi periode \"2021\", atau gunakan"
        " ketentuan periode itu",
        id="integration-not-2021",
    ),
]


@pytest.mark.parametrize(("name", "change", "expected"), REGIME_CASES)
def test_an_error_of_a_regime_document_in_bahasa_indonesia(
    name: str, change: Callable[[dict[str, Any]], None], expected: str, tmp_path: Path
) -> None:
    result = run("appraise", str(changed(name, change, tmp_path)), "--lang", "id")
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert result.stderr.splitlines() == [expected]


def test_the_same_error_in_english_is_unchanged(tmp_path: Path) -> None:
    path = changed("pp46_2019", setter(*ACTIVITY, "waktu", "target", value="-12"), tmp_path)
    result = run("appraise", str(path), "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "asn-performance: error: $.employees[0].skps[0].activities[0].waktu.target: a target"
        " must be greater than zero; got Decimal('-12'); rule PP46-INPUT. Fix: give the target"
        " from the SKP (TO, TK, TW or TB), a positive number"
    ]


def test_a_units_document_with_too_many_employees_in_bahasa_indonesia(tmp_path: Path) -> None:
    # A count of employees is at most 10,000,000 (English), 10.000.000 in Indonesian.
    units = {
        "units": [{"unit": "Dinas A", "organisation_predikat": "baik", "counts": {"baik": 10**12}}]
    }
    path = tmp_path / "units.json"
    path.write_text(json.dumps(units), encoding="utf-8")
    result = run("calibrate", str(path), "--lang", "id")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        PREFIX + "$.units[0].counts[1]: jumlah pegawai paling banyak 10.000.000; nilai"
        " 1000000000000; aturan RANGE. Perbaikan: periksa jumlahnya; tidak ada unit kerja dengan"
        " pegawai sebanyak ini"
    ]


# --- the library's errors, shown by problem_in ------------------------------------------------

_NO_LEAVE_RULES = attrs.evolve(KEMNAKER_2025, leave=None)

# (the call, the Indonesian message, the Indonesian fix)
LIBRARY_CASES = [
    pytest.param(
        lambda: compute_allowance(KEMNAKER_2025, 0, "baik"),
        "harus berupa bilangan bulat dari 1 sampai 999",  # kelas jabatan 1 to MAX_KELAS
        "isi angka dari 1 sampai 999",
        id="allowance-kelas-0",
    ),
    pytest.param(
        lambda: compute_allowance(_NO_LEAVE_RULES, 7, "baik", leave=Leave("cuti_besar", month=2)),
        "kebijakan tunjangan 'kemnaker' 2025 tidak mempunyai aturan cuti: tunjangan bulan dengan"
        " cuti tidak dapat dihitung",
        "gunakan kebijakan dengan aturan cuti (KEMNAKER_2025), atau hitung tunjangan bulan itu"
        " secara manual",
        id="allowance-leave-without-leave-rules",
    ),
    pytest.param(
        lambda: compute_allowance(_NO_LEAVE_RULES, 7, "baik", status="tugas_belajar"),
        "kebijakan tunjangan 'kemnaker' 2025 tidak mempunyai aturan cuti: tunjangan bulan dengan"
        " status tugas tidak dapat dihitung",
        "gunakan kebijakan dengan aturan cuti (KEMNAKER_2025), atau hitung tunjangan bulan itu"
        " secara manual",
        id="allowance-status-without-leave-rules",
    ),
    pytest.param(
        lambda: recognise("sangat_baik", items="certificate"),  # one string, not a collection
        "harus berupa kumpulan jenis penghargaan",
        "berikan misalnya ('certificate', 'public_recognition')",
        id="recognition-items-not-a-collection",
    ),
    pytest.param(
        lambda: succession_pool([2024]),  # type: ignore[arg-type]  # a list, not a mapping
        "harus berupa pemetaan dari tahun ke predikat",
        "berikan misalnya {2024: 'sangat_baik', 2025: 'sangat_baik'}",
        id="succession-not-a-mapping",
    ),
    pytest.param(
        lambda: NATIONAL.evaluate([]),
        "tidak ada penilaian kinerja untuk dievaluasi",
        "berikan paling sedikit satu penilaian kinerja",
        id="reward-policy-no-appraisals",
    ),
    pytest.param(
        # pemotongan_tukin_6_bulan runs 6 months (PP 94/2021), not 5
        lambda: DisciplinaryPenalty("pemotongan_tukin_6_bulan", dt.date(2025, 3, 1), months=5),
        "hukuman pemotongan_tukin_6_bulan berlaku 6 bulan (PP 94/2021 [S24])",
        "isi 6, atau jenis hukuman untuk 5 bulan",
        id="discipline-months",
    ),
    pytest.param(
        lambda: oversee(
            [UnitInput("Dinas A", "baik", {"baik": 1})], agency_predikat={"Pemkot X": "baik"}
        ),
        "tidak menyebut instansi mana pun dari unit-unit kerja",  # one text with the boundary
        "gunakan instansi yang disebut oleh unit kerja (UnitInput(..., agency=...)): tidak ada"
        " unit kerja yang menyebut instansi",
        id="oversight-agency-no-unit-names-one",
    ),
    pytest.param(
        # 2021 lies under PP 46/2011 (January-June) and PermenPANRB 8/2021 (July-December)
        lambda: regime_for(Period.span(dt.date(2021, 1, 1), dt.date(2021, 12, 31))),
        "periode 2021-01-01/2021-12-31 melintasi dua ketentuan: PP 46/2011 + Perka BKN 1/2013"
        " dan PP 30/2019 + PermenPANRB 8/2021",
        "tahun 2021 dibagi dua: lakukan penilaian 2021-01-01/2021-06-30 menurut PP 46/2011 dan"
        " 2021-07-01/2021-12-31 menurut PermenPANRB 8/2021 (HALVES_2021), lalu gabungkan kedua"
        " nilai dengan integrate_2021",
        id="regime-2021-straddles",
    ),
    pytest.param(
        lambda: regime_for(Period.span(dt.date(2021, 7, 1), dt.date(2022, 6, 30))),
        "periode 2021-07-01/2022-06-30 melintasi dua ketentuan: PP 30/2019 + PermenPANRB 8/2021"
        " dan PP 30/2019 + PermenPANRB 6/2022 (+ SE MenPANRB 3/2023)",
        "pisahkan periode pada pergantian ketentuan dan lakukan penilaian setiap bagian tersendiri",
        id="regime-2021-2022-straddles",
    ),
    pytest.param(
        lambda: regime_by_id("dp3"),
        "ketentuan tidak dikenal",
        "gunakan salah satu dari: 'pp46_2011', 'permenpanrb_8_2021', 'permenpanrb_6_2022'",
        id="regime-unknown",
    ),
]


def _problems(call: Callable[[], object]) -> tuple[Problem, ...]:
    with pytest.raises(AsnPerformanceError) as caught:
        call()
    return caught.value.problems


@pytest.mark.parametrize(("call", "message", "fix"), LIBRARY_CASES)
def test_an_error_of_the_library_in_bahasa_indonesia(
    call: Callable[[], object], message: str, fix: str
) -> None:
    (problem,) = _problems(call)
    shown = problem_in(problem, "id")
    assert (shown.message, shown.fix) == (message, fix)
    # path, value and rule are data: unchanged
    assert (shown.path, shown.value, shown.rule) == (problem.path, problem.value, problem.rule)


@pytest.mark.parametrize(("call", "message", "fix"), LIBRARY_CASES)
def test_every_problem_of_these_errors_has_its_translation(
    call: Callable[[], object], message: str, fix: str
) -> None:
    for problem in _problems(call):
        assert translate("error", problem.rule, problem.message, "id") is not None
        assert problem.fix is not None
        assert translate("fix", problem.rule, problem.fix, "id") is not None


def test_english_shows_the_problem_itself() -> None:
    (problem,) = _problems(lambda: compute_allowance(KEMNAKER_2025, 0, "baik"))
    assert problem.message == "must be a whole number from 1 to 999"
    assert problem.fix == "give a number from 1 to 999"
    assert problem_in(problem, "en") is problem
