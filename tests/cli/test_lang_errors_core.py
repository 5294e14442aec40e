"""The errors of the core (``_kit``, ``domain``, ``weighting``, ``services`` and the 2022 regime)
in Bahasa Indonesia (issue 14).

Bad documents go through the command line with ``--lang id``; other bad inputs of the same
modules are raised in the process and shown with ``problem_in``. Every expected line is written
by hand from the catalogue's Indonesian (``locale/id.po``) with the values the input gives: the
path, the value and the rule id stay as they are (data), the message and the fix are
Indonesian. English is unchanged: the last tests check the messages the code now writes whole
(one literal per role, per period kind, per plural form) against the English they replaced.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from asn_performance._kit._po import parse_po
from asn_performance._kit.error_text import problem_in, translate
from asn_performance._kit.exact import to_decimal
from asn_performance.domain.assessment import AssessorRole
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period, PeriodKind
from asn_performance.domain.rating import Rating
from asn_performance.exceptions import AsnPerformanceError, Problem
from asn_performance.services.totals import reward_totals
from asn_performance.weighting import WeightedSources

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))

PRE = "asn-performance: kesalahan: "


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "LANG": "C.UTF-8"},
    )


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    result = run("sample")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _set(*path: str | int, to: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = to

    return change


def _anonymised_lead(data: dict[str, Any]) -> None:
    data["assessments"][0].update(anonymised=True, assessor_nip=None)


def _without_bidan_lead(data: dict[str, Any]) -> None:
    removed = data["assessments"].pop(13)
    assert (removed["plan_id"], removed["role"]) == ("skp-2025-bidan", "pejabat_penilai")


def _lead_also_as_peer(data: dict[str, Any]) -> None:
    again = copy.deepcopy(data["assessments"][0])  # the kabag plan's pejabat penilai
    again["role"] = "peer"
    data["assessments"].append(again)


def _self_twice(data: dict[str, Any]) -> None:
    again = copy.deepcopy(data["assessments"][1])  # the kabag's own self assessment
    assert again["role"] == "self"
    again["given_on"] = "2026-01-13"
    data["assessments"].append(again)


# (change to the sample document, the whole error line by hand)
CASES = {
    # domain/nip.py: 17 digits; the plural form "digits" is its own message
    "nip-17-digits": (
        _set("employees", 1, "nip", to="19780517200312200"),
        PRE + "$.employees[1].nip: NIP atau NI PPPK terdiri atas tepat 18 digit (0-9) dan tidak"
        " ada yang lain; ditemukan 17 digit; nilai '19780517200312200'; aturan NIP-FORMAT."
        " Perbaikan: salin kembali nomornya dari SK atau data pegawai; nomor itu terdiri atas"
        " 18 digit",
    ),
    # domain/nip.py: digit 15 is 3, neither 1 (male) nor 2 (female)
    "nip-sex": (
        _set("employees", 1, "nip", to="197805172003123001"),
        PRE + "$.employees[1].nip: digit 15 harus kode jenis kelamin, 1 (laki-laki) atau 2"
        " (perempuan); ditemukan 3; nilai '197805172003123001'; aturan NIP-SEX. Perbaikan:"
        " periksa digit 15 dengan data pegawai",
    ),
    # domain/nip.py: 1978-02-29 (1978 is not a leap year: 1978 / 4 = 494.5)
    "nip-leap-day": (
        _set("employees", 1, "nip", to="197802292003122001"),
        PRE + "$.employees[1].nip: digit 1-8 harus tanggal lahir (YYYYMMDD), tetapi 1978-02-29"
        " bukan tanggal yang ada: Februari 1978 hanya mempunyai 28 hari (1978 bukan tahun"
        " kabisat); nilai '197802292003122001'; aturan NIP-BIRTH-DATE. Perbaikan: periksa 8"
        " digit pertama dengan tanggal lahir pegawai",
    ),
    # domain/period.py: a year has quarters I to IV only
    "period-quarter-v": (
        _set("plans", 0, "period", to="Triwulan V 2025"),
        PRE + "$.plans[0].period: tidak ada triwulan V: triwulan bernomor 1 sampai 4; nilai"
        " 'Triwulan V 2025'; aturan PERIOD-KIND. Perbaikan: beri nomor triwulan 1 sampai 4,"
        " dengan angka atau angka Romawi (I sampai IV)",
    ),
    # _kit/labels.py: "bagus" is no rating; the choices are the codes with their labels
    "rating-unknown": (
        _set("assessments", 0, "hasil_kerja", to="bagus"),
        PRE + "$.assessments[0].hasil_kerja: rating tidak dikenal; nilai 'bagus'; aturan"
        " D12-LABELS. Perbaikan: gunakan salah satu dari: 'di_bawah_ekspektasi' (Di Bawah"
        " Ekspektasi), 'sesuai_ekspektasi' (Sesuai Ekspektasi), 'di_atas_ekspektasi' (Di Atas"
        " Ekspektasi)",
    ),
    # _kit/exact.py: a realisation that is not a number
    "value-not-a-number": (
        _set("assessments", 0, "realisations", 0, "value", to="abc"),
        PRE + "$.assessments[0].realisations[0].value: bukan angka; nilai 'abc'; aturan"
        " D5-EXACT. Perbaikan: tulis angka dengan digit dan titik desimal, misalnya '12.5'",
    ),
    # domain/assessment.py: the plan has iki-1 and iki-2 only
    "indicator-unknown": (
        _set("assessments", 0, "realisations", 0, "indicator_id", to="iki-9"),
        PRE + "$.assessments[0].realisations: IKI 'iki-9' tidak ada di SKP 'skp-2025-kabag';"
        " nilai 'iki-9'; aturan ASSESSMENT-PLAN. Perbaikan: gunakan salah satu id IKI dari SKP"
        " ini: iki-1, iki-2",
    ),
    # domain/assessment.py: given in December 2024 for the period 2025
    "given-before-period": (
        _set("assessments", 0, "given_on", to="2024-12-01"),
        PRE + "$.assessments[0].given_on: penilaian tidak dapat diberikan (2024-12-01) sebelum"
        " periodenya dimulai (2025-01-01); nilai '2024-12-01'; aturan ASSESSMENT-DATE."
        " Perbaikan: periksa tanggal atau periodenya",
    ),
    # domain/assessment.py: the pejabat penilai's own assessment marked anonymous
    "lead-anonymised": (
        _anonymised_lead,
        PRE + "$.assessments[0].anonymised: penilaian pejabat penilai kinerja tidak pernah"
        " anonim; nilai True; aturan ASSESSMENT-ANONYMISED. Perbaikan: hanya rekan kerja"
        " setingkat, bawahan langsung dan pengguna layanan yang dapat dianonimkan",
    ),
    # regimes/permenpanrb_6_2022/appraisal.py: the bidan's plan without its lead assessment
    "lead-missing": (
        _without_bidan_lead,
        PRE + "$.assessments: SKP 'skp-2025-bidan' tidak dapat dinilai tanpa penilaian pejabat"
        " penilai kinerja; nilai []; aturan 6/2022-PEJABAT-PENILAI. Perbaikan: tambahkan"
        " penilaian dari Agus Salim, S.Pd., M.Pd. (198201092006041003)",
    ),
    # domain/assessment.py: the pejabat penilai gives a second assessment, as a peer
    "lead-as-peer": (
        _lead_also_as_peer,
        PRE + "$.assessments[22].role: pejabat penilai kinerja tidak dapat juga menilai SKP"
        " 'skp-2025-kabag' sebagai rekan kerja setingkat; nilai 'peer'; aturan AUTH-PEER."
        " Perbaikan: catat pandangan pejabat penilai sebagai penilaian pejabat penilai",
    ),
    # regimes/permenpanrb_6_2022/appraisal.py: the kabag's self assessment given twice
    "self-twice": (
        _self_twice,
        PRE + "$.assessments[22]: 197805172003122001 sudah menilai SKP 'skp-2025-kabag' untuk"
        " 2025 (sebagai diri sendiri); satu orang memberi satu penilaian per periode; nilai"
        " 'self'; aturan ASSESSMENT-UNIQUE. Perbaikan: pertahankan satu penilaian per orang dan"
        " periode (yang terakhir)",
    ),
    # domain/plan.py: berorientasi_pelayanan twice, so akuntabel is missing
    "berakhlak-twice": (
        _set("plans", 0, "behaviours", 1, "value", to="berorientasi_pelayanan"),
        PRE + "$.plans[0].behaviours: SKP mencantumkan setiap nilai dari ketujuh nilai BerAKHLAK"
        " tepat satu kali; tidak ada akuntabel; berulang berorientasi_pelayanan; nilai"
        " ['berorientasi_pelayanan', 'berorientasi_pelayanan', 'kompeten', 'harmonis', ...;"
        " aturan PLAN-BERAKHLAK. Perbaikan: cantumkan setiap nilai satu kali (kosongkan"
        " behaviours untuk mendapat ketujuhnya)",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_document_is_refused_in_bahasa_indonesia(
    case: str, sample: dict[str, Any], tmp_path: Path
) -> None:
    change, expected = CASES[case]
    data = copy.deepcopy(sample)
    change(data)
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("--lang", "id", "appraise", str(path))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [expected]


def test_an_employee_who_is_their_own_superior(sample: dict[str, Any], tmp_path: Path) -> None:
    # domain/employee.py writes the message; the fix is the JSON reader's own (another area)
    data = copy.deepcopy(sample)
    data["employees"][0]["superior_nip"] = data["employees"][0]["nip"]
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("--lang", "id", "appraise", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(
        PRE + "$.employees[0].superior_nip: pegawai tidak dapat menjadi atasan langsungnya"
        " sendiri; nilai '197003121995031002'; aturan EMPLOYEE-SUPERIOR."
    )


# --- raised in the process, shown with problem_in ------------------------------------------


def _error(call: Callable[[], object]) -> AsnPerformanceError:
    with pytest.raises(AsnPerformanceError) as caught:
        call()
    return caught.value


HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'

# (the call, the message and fix by hand)
IN_PROCESS: dict[str, tuple[Callable[[], object], str, str]] = {
    "nip-0-digits": (
        lambda: Nip.parse("abc"),
        "NIP atau NI PPPK terdiri atas tepat 18 digit (0-9) dan tidak ada yang lain; ditemukan"
        " 0 digit dan 3 karakter lain",
        "salin kembali nomornya dari SK atau data pegawai; nomor itu terdiri atas 18 digit",
    ),
    "nip-april-31": (
        # April has 30 days; the month's name is the calendar's (English) word
        lambda: Nip.parse("19900431 202012 1 001"),
        "digit 1-8 harus tanggal lahir (YYYYMMDD), tetapi 1990-04-31 bukan tanggal yang ada:"
        " April 1990 hanya mempunyai 30 hari",
        "periksa 8 digit pertama dengan tanggal lahir pegawai",
    ),
    "semester-iii": (
        lambda: Period.parse("Semester III 2025"),
        "tidak ada semester III: semester bernomor 1 sampai 2",
        "beri nomor semester 1 sampai 2, dengan angka atau angka Romawi (I sampai II)",
    ),
    "month-13": (
        lambda: Period.parse("Bulanan 13 2025"),
        "tidak ada bulan 13: bulan bernomor 1 sampai 12",
        "beri nomor bulan 1 sampai 12, dengan angka atau angka Romawi (I sampai XII), atau"
        " dengan namanya",
    ),
    "weights-not-a-mapping": (
        lambda: WeightedSources(weights=5),
        "weights harus berupa pemetaan peran ke bobot",
        "berikan misalnya {'self': 20, 'pejabat_penilai': 60, 'peer': 20}",
    ),
    "quantity-negative": (
        lambda: to_decimal("-1", field="target", allow_negative=False),
        "besaran di sini tidak boleh negatif",
        "isi nol atau angka positif",
    ),
    "po-escape": (
        lambda: parse_po(HEADER + 'msgid "x"\nmsgstr "bad \\q"\n', "id.po"),
        "string PO mempunyai escape garis miring terbalik yang tidak dikenal",
        'gunakan salah satu dari \\\\ \\" \\n \\t \\r (atau tulis karakternya sendiri)',
    ),
    "outcomes-not-a-list": (
        lambda: reward_totals(5),  # type: ignore[arg-type]
        "harus berupa daftar RewardOutcome",
        "berikan hasil evaluate_rewards()",
    ),
}


@pytest.mark.parametrize("case", sorted(IN_PROCESS))
def test_an_error_of_the_core_in_bahasa_indonesia(case: str) -> None:
    call, message, fix = IN_PROCESS[case]
    error = _error(call)
    shown = problem_in(error.problems[0], "id")
    assert (shown.message, shown.fix) == (message, fix)
    # path, value and rule are data: as the error gives them
    original = error.problems[0]
    assert (shown.path, shown.value, shown.rule) == (original.path, original.value, original.rule)


@pytest.mark.parametrize("case", sorted(IN_PROCESS))
def test_every_problem_of_these_errors_is_translated(case: str) -> None:
    error = _error(IN_PROCESS[case][0])
    for problem in error.problems:
        assert translate("error", problem.rule, problem.message, "id") is not None, problem
        if problem.fix is not None:
            assert translate("fix", problem.rule, problem.fix, "id") is not None, problem


# --- the texts written whole: English as before ----------------------------------------------


#: An assessment of plan skp-1 for 2025 that names no assessor.
UNNAMED: dict[str, Any] = {
    "plan_id": "skp-1",
    "assessor": None,
    "given_on": dt.date(2026, 1, 5),
    "period": Period.parse("2025"),
    "hasil_kerja": Rating.SESUAI,
}


def _role_messages() -> list[tuple[Problem, str]]:
    """Each role's message of the assessment checks, with the English the code wrote before
    (``role.label_en.lower()`` inside the sentence)."""
    from asn_performance.domain.assessment import Assessment

    out: list[tuple[Problem, str]] = []
    for role in (AssessorRole.SELF, AssessorRole.PEJABAT_PENILAI):
        error = _error(partial(Assessment, role=role, anonymised=True, **UNNAMED))
        out.append(
            (error.problems[0], f"the {role.label_en.lower()} assessment is never anonymous")
        )
    for role in (
        AssessorRole.SELF,
        AssessorRole.PEJABAT_PENILAI,
        AssessorRole.PEER,
        AssessorRole.SUBORDINATE,
    ):
        error = _error(partial(Assessment, role=role, **UNNAMED))
        out.append(
            (
                error.problems[0],
                f"an assessment by the {role.label_en.lower()} must name the assessor's NIP",
            )
        )
    return out


def test_the_role_messages_are_the_english_they_replaced() -> None:
    for problem, before in _role_messages():
        assert problem.message == before
        assert translate("error", problem.rule, problem.message, "id") is not None


def test_the_role_messages_in_bahasa_indonesia() -> None:
    shown = [problem_in(p, "id").message for p, _ in _role_messages()]
    assert shown == [
        "penilaian diri sendiri tidak pernah anonim",
        "penilaian pejabat penilai kinerja tidak pernah anonim",
        "penilaian diri sendiri wajib menyebut NIP penilainya",
        "penilaian oleh pejabat penilai kinerja wajib menyebut NIP penilainya",
        "penilaian oleh rekan kerja setingkat wajib menyebut NIP penilainya",
        "penilaian oleh bawahan langsung wajib menyebut NIP penilainya",
    ]


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # found == 1 and others == 1: the singular of both
        ("1a", "found 1 digit and 1 other character"),
        ("1ab", "found 1 digit and 2 other characters"),
        ("12a", "found 2 digits and 1 other character"),
        ("1", "found 1 digit"),
        ("12", "found 2 digits"),
    ],
)
def test_the_nip_count_keeps_its_english_plural(text: str, english: str) -> None:
    error = _error(lambda: Nip.parse(text))
    assert error.problems[0].message == (
        "a NIP or NI PPPK has exactly 18 digits (0-9) and nothing else; " + english
    )
    assert translate("error", "NIP-FORMAT", error.problems[0].message, "id") is not None


@pytest.mark.parametrize("kind", [k for k in PeriodKind if k is not PeriodKind.CUSTOM])
def test_the_period_kind_messages_are_the_english_they_replaced(kind: PeriodKind) -> None:
    # 2 February starts no period of any kind (each starts on the 1st)
    error = _error(lambda: Period(kind, dt.date(2025, 2, 2), dt.date(2025, 12, 31)))
    assert error.problems[0].message == (
        f"a {kind.label_en.lower()} period cannot start on 2025-02-02"
    )
    # 30 December ends none that starts on 1 January (the year ends on the 31st; a semester,
    # quarter and month from 1 January end on 30 June, 31 March and 31 January)
    error = _error(lambda: Period(kind, dt.date(2025, 1, 1), dt.date(2025, 12, 30)))
    message = error.problems[0].message
    assert message.startswith(f"a {kind.label_en.lower()} period starting 2025-01-01 ends on ")
    for problem in error.problems:
        assert translate("error", problem.rule, problem.message, "id") is not None


def test_a_period_kind_in_bahasa_indonesia() -> None:
    # a quarter from 1 January ends on 31 March
    error = _error(lambda: Period(PeriodKind.QUARTERLY, dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    assert problem_in(error.problems[0], "id").message == (
        "periode triwulanan yang dimulai 2025-01-01 berakhir pada 2025-03-31"
    )
