"""The lines of a table's rows with a problem, on standard error, in Bahasa Indonesia (issue 14).

``asn-performance table FILE`` prints the first rows it could not compute: their problem
text (``"RULE: column text"``, several joined by ``"; "``, the ``problem`` column that polars
builds in ``tables/``). With ``--lang id`` each line is the Indonesian ``kesalahan`` line,
``baris N`` (or ``<sheet> baris N``) for where, and each part's text matched against the
templates of its rule (``error.<RULE>.table-*``, entered by hand in the catalogues). The
``problem`` column of the files written stays English (data). English is printed as before.

Every expected Indonesian line is written by hand from the catalogue's wording.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

pl = pytest.importorskip("polars")
pytest.importorskip("narwhals")
pytest.importorskip("python_calamine")

from asn_performance import tables  # noqa: E402
from asn_performance._kit.error_text import message_key  # noqa: E402
from asn_performance._kit.i18n import catalogue  # noqa: E402
from asn_performance.cli import main  # noqa: E402
from asn_performance.cli._rewards import policy_named  # noqa: E402
from asn_performance.cli._table import row_problem_in  # noqa: E402
from asn_performance.consequences._leave import LeaveKind  # noqa: E402
from asn_performance.exceptions import Problem  # noqa: E402

BUDI = "198609262015051001"
KEMNAKER = "'kemnaker' 2025"  # how a problem names the policy: its name and version
KELAS = "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17"  # Kemnaker's table
KINDS = (
    "cuti_tahunan, cuti_melahirkan, cuti_karena_alasan_penting, cuti_besar_kurang_dari_1_bulan,"
    " cuti_besar, cuti_sakit, cuti_sakit_gugur_kandungan, cltn"
)
ERR_ID = "asn-performance: kesalahan: "
ERR_EN = "asn-performance: error: "

#: Ratings of a good row: every case below changes one cell of it.
GOOD = "Sesuai Ekspektasi,Sesuai Ekspektasi"


def _run(
    capsys: pytest.CaptureFixture[str], path: Path, lang: str, *extra: str
) -> tuple[int, list[str]]:
    status = main(["table", str(path), *extra, "--lang", lang])
    return status, capsys.readouterr().err.splitlines()


@pytest.fixture
def appraise_table(tmp_path: Path) -> Path:
    # no kelas or jenjang: only appraise runs
    path = tmp_path / "nilai.csv"
    path.write_text(
        "nip,unit,rating_hasil_kerja,rating_perilaku_kerja,unit_head,organisation_predikat\n"
        f"{BUDI},Bagian Umum,{GOOD},false,Baik\n"  # row 1: computed
        f"{BUDI},Bagian Umum,luar biasa,Sesuai Ekspektasi,false,Baik\n"  # 2: a bad label
        f"{BUDI},Bagian Umum,Sesuai Ekspektasi,,false,Baik\n"  # 3: a missing rating
        f"{BUDI},Bagian Umum,,Sesuai Ekspektasi,true,\n"  # 4: a unit head, no org predikat
        f"{BUDI},Bagian Umum,{GOOD},mungkin,Baik\n"  # 5: unit_head neither true nor false
        f"{BUDI},Bagian Umum,{GOOD},false,hebat\n",  # 6: not an organisation predikat
        encoding="utf-8",
    )
    return path


def test_the_problems_of_appraise_in_indonesian(
    appraise_table: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, err = _run(capsys, appraise_table, "id")
    assert status == 4
    assert err == [
        ERR_ID + "baris 2: D12-LABELS: rating_hasil_kerja 'luar biasa' bukan rating",
        ERR_ID + "baris 3: 6/2022-PEJABAT-PENILAI: rating_perilaku_kerja tidak diisi: pejabat"
        " penilai kinerja memberikan kedua rating",
        # the unit head's own hasil is not needed; the organisation predikat is
        ERR_ID + "baris 4: D3-UNIT-HEAD: organisation_predikat tidak diisi: rating hasil kerja"
        " pimpinan unit kerja adalah predikat kinerja organisasi",
        ERR_ID + "baris 5: TYPE: unit_head 'mungkin' bukan true atau false",
        ERR_ID + "baris 6: D12-LABELS: organisation_predikat 'hebat' bukan predikat kinerja"
        " organisasi",
    ]


def test_the_problems_of_appraise_in_english_as_before(
    appraise_table: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, err = _run(capsys, appraise_table, "en")
    assert status == 4
    assert err == [
        ERR_EN + "row 2: D12-LABELS: rating_hasil_kerja 'luar biasa' is not a rating",
        ERR_EN + "row 3: 6/2022-PEJABAT-PENILAI: rating_perilaku_kerja is missing: the pejabat"
        " penilai kinerja gives both ratings",
        ERR_EN + "row 4: D3-UNIT-HEAD: organisation_predikat is missing: a unit head's rating"
        " hasil kerja is the organisation predikat",
        ERR_EN + "row 5: TYPE: unit_head 'mungkin' is not true or false",
        ERR_EN + "row 6: D12-LABELS: organisation_predikat 'hebat' is not an organisation predikat",
    ]


@pytest.fixture
def rewards_table(tmp_path: Path) -> Path:
    # kemnaker_2025: an allowance by kelas with leave rules, and angka kredit
    path = tmp_path / "tukin.csv"
    header = "nip,unit,rating_hasil_kerja,rating_perilaku_kerja,kelas,jenjang,leave,leave_month,"
    header += "duty_status,days_absent\n"
    rows = [
        "tujuh,,,,,0",  # 1: kelas not a whole number
        "18,,,,,0",  # 2: kelas not in Kemnaker's table (1-17)
        "7,,cuti_liburan,,,0",  # 3: not a kind of leave
        "7,,,2,,0",  # 4: a leave month without a leave
        "7,,cuti_besar,,,0",  # 5: a cuti besar without its month
        "7,profesor,,,,0",  # 6: not a jenjang; no months column for a jabatan fungsional
        "7,,,,cuti,0",  # 7: not a duty status
        ",,,,,-1",  # 8: kelas empty; days absent below 0
        *["7,,cuti_besar,,,0"] * 4,  # 9-12: beyond the ten lines shown
    ]
    body = "".join(f"{BUDI},Bagian Umum,{GOOD},{row}\n" for row in rows)
    path.write_text(header + body, encoding="utf-8")
    return path


def test_the_problems_of_rewards_in_indonesian(
    rewards_table: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, err = _run(capsys, rewards_table, "id", "--policy", "kemnaker_2025")
    assert status == 4
    month = (
        "TUKIN-LEAVE: leave_month tidak diisi: cuti besar atau cuti sakit dipotong menurut bulan"
        " cutinya (1 untuk bulan pertamanya, tidak pernah diandaikan)"
    )
    assert err == [
        ERR_ID + "baris 1: TYPE: kelas harus berupa bilangan bulat, bukan 'tujuh'",
        ERR_ID + f"baris 2: TUKIN-KELAS: kelas jabatan 18 tidak ada dalam tabel kebijakan"
        f" {KEMNAKER} (kelas {KELAS})",
        ERR_ID + f"baris 3: TYPE: leave 'cuti_liburan' bukan jenis cuti ({KINDS})",
        ERR_ID + "baris 4: TUKIN-LEAVE: leave_month diisi tanpa cuti (leave kosong)",
        ERR_ID + f"baris 5: {month}",
        ERR_ID + "baris 6: D12-LABELS: jenjang 'profesor' bukan jenjang; AK-MONTHS: months"
        " tidak diisi untuk jabatan fungsional (tidak ada kolom months: angka kredit dihitung"
        " sebanding dengan jumlah bulan periode, 1-12)",
        ERR_ID + "baris 7: TYPE: duty_status 'cuti' bukan status tugas (tugas_belajar,"
        " bebas_tugas_mpp, CLTN adalah cuti: leave)",
        ERR_ID + f"baris 8: TUKIN-KELAS: kelas kosong: tidak ada kelas jabatan (kebijakan"
        f" {KEMNAKER} membayar menurut kelas); RANGE: days_absent harus berupa bilangan bulat"
        " dari 0 sampai 1000000, bukan '-1'",
        ERR_ID + f"baris 9: {month}",
        ERR_ID + f"baris 10: {month}",
        # 12 rows with a problem, 10 shown
        ERR_ID + "dan 2 baris lain bermasalah (kolom problem pada keluaran)",
    ]


def test_the_problems_of_rewards_in_english_as_before(
    rewards_table: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, err = _run(capsys, rewards_table, "en", "--policy", "kemnaker_2025")
    assert status == 4
    assert err[0] == ERR_EN + "row 1: TYPE: kelas must be a whole number, not 'tujuh'"
    assert err[5] == (
        ERR_EN + "row 6: D12-LABELS: jenjang 'profesor' is not a jenjang; AK-MONTHS: months is"
        " missing for a jabatan fungsional (no column months: the angka kredit is prorated by"
        " the months of the period, 1-12)"
    )
    assert err[-1] == (ERR_EN + "and 2 more rows with a problem (the problem column of the output)")
    assert len(err) == 11


def test_the_written_problem_column_stays_english(
    appraise_table: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hasil.csv"
    status, _ = _run(capsys, appraise_table, "id", "--out", str(out))
    assert status == 4
    written = pl.read_csv(out, infer_schema=False).get_column("problem").to_list()
    assert written[1] == "D12-LABELS: rating_hasil_kerja 'luar biasa' is not a rating"


def test_an_ekinerja_export_names_its_sheet_and_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("xlsxwriter")
    from test_table_cli import export

    path = export(tmp_path / "r.xlsx", "Bagian Umum", "Periode Bulanan 6 Tahun 2026", [
        [1, BUDI, "Budi", "Analis", "Diatas Ekspektasi", "SESUAI EKSPEKTASI", "BAIK"],
        [2, "19850101201001100", "Rahmat", "Pengelola", "SESUAI EKSPEKTASI",
         "SESUAI EKSPEKTASI", "BAIK"],
        [3, BUDI, "Siti", "Arsiparis", "luar biasa", "SESUAI EKSPEKTASI", ""],
    ])  # fmt: skip
    status, err = _run(capsys, path, "id")
    assert status == 4
    assert err == [
        # the NIP's problem (written by the reading of the export, rule EKINERJA-NIP)
        ERR_ID + "r.xlsx:Rekap baris 7: EKINERJA-NIP: NIP terdiri atas 18 digit; ditemukan"
        " '19850101201001100' (17 karakter)",
        ERR_ID + "r.xlsx:Rekap baris 8: D12-LABELS: rating_hasil_kerja 'luar biasa' bukan rating",
    ]


# --- every text the tables write has its template -----------------------------------------


def _policy_without_leave_rules() -> object:
    kemnaker = policy_named("kemnaker_2025")
    assert kemnaker.allowance is not None
    return attrs.evolve(kemnaker, allowance=attrs.evolve(kemnaker.allowance, leave=None))


def _policy_not_paying_annual_leave() -> object:
    kemnaker = policy_named("kemnaker_2025")
    allowance = kemnaker.allowance
    assert allowance is not None
    assert allowance.leave is not None
    paid = allowance.leave.paid_in_full - {LeaveKind.ANNUAL}
    leave = attrs.evolve(allowance.leave, paid_in_full=paid)
    return attrs.evolve(kemnaker, allowance=attrs.evolve(allowance, leave=leave))


def _frame(rows: list[dict[str, object]]) -> pl.DataFrame:
    names = sorted({name for row in rows for name in row})
    base = {"nip": BUDI, "unit": "U", "rating_hasil_kerja": "baik", "rating_perilaku_kerja": "baik"}
    full = [{**base, **dict.fromkeys(names), **row} for row in rows]
    return pl.DataFrame(full, schema=dict.fromkeys(full[0], pl.String))


def _every_problem_text() -> list[str]:
    """The problem texts of tables built to have every kind of bad cell."""
    good = {"rating_hasil_kerja": "Sesuai Ekspektasi", "rating_perilaku_kerja": "Baik"}
    texts: list[str] = []
    appraised = tables.appraise(
        _frame([
            {"unit_head": "mungkin", "organisation_predikat": "hebat",
             "rating_perilaku_kerja": None},
            {"unit_head": "true", "organisation_predikat": None},
        ])
    )  # fmt: skip
    texts += appraised.get_column("problem").drop_nulls().to_list()
    kemnaker = policy_named("kemnaker_2025")
    cells: list[dict[str, object]] = [
        {"kelas": "7,5", "jenjang": "ahli_muda", "months": None},
        {"kelas": "1000", "jenjang": "profesor", "months": "13"},
        {"kelas": "18", "months": "x"},
        {"kelas": None, "days_absent": "-1", "missing_checks": "1.5"},
        {"kelas": "7", "leave": "cuti_liburan", "duty_status": "cuti"},
        {"kelas": "7", "leave_month": "2", "leave_days": "3"},
        {"kelas": "7", "leave": "cuti_besar"},
        {"kelas": "7", "leave": "cuti_besar", "leave_month": "5"},
        {"kelas": "7", "leave": "cuti_sakit_gugur_kandungan"},
        {"kelas": "7", "leave": "cuti_sakit_gugur_kandungan", "leave_days": "50"},
        {"kelas": "7", "leave": "cuti_tahunan", "leave_days": "3"},
    ]
    frame = _frame([{**good, **row} for row in cells])
    for policy in (kemnaker, _policy_without_leave_rules(), _policy_not_paying_annual_leave()):
        texts += tables.rewards(frame, policy).get_column("problem").drop_nulls().to_list()
    # the kelas column under another name; a table without kelas or months; predikat given
    renamed = _frame([{**good, "kelas_jabatan": "18"}])
    texts += (
        tables.rewards(renamed, kemnaker, columns={"kelas": "kelas_jabatan"})
        .get_column("problem")
        .drop_nulls()
        .to_list()
    )
    texts += (
        tables.rewards(_frame([{**good, "jenjang": "ahli_muda"}]), kemnaker)
        .get_column("problem")
        .drop_nulls()
        .to_list()
    )
    given = _frame([{"predikat": "hebat", "kelas": "7"}, {"predikat": None, "kelas": "7"}])
    texts += tables.rewards(given, kemnaker).get_column("problem").drop_nulls().to_list()
    return texts


def test_every_problem_text_of_the_tables_has_its_template() -> None:
    import re

    next_problem = re.compile(r"; (?=[0-9A-Z][0-9A-Z/.-]*: )")
    hit: set[str] = set()
    untranslated = []
    for text in _every_problem_text():
        for part in next_problem.split(text):
            rule, _, rest = part.partition(": ")
            key = message_key(Problem(rest, rule=rule))[0]
            if key is None or key.msg_id not in catalogue("id"):
                untranslated.append(part)
            else:
                hit.add(key.msg_id)
        shown = row_problem_in(text, "id")
        assert shown != text, text
    assert not untranslated
    # every template written by hand for the tables is met (none is dead, none shadowed)
    templates = {m for m in catalogue("en") if re.fullmatch(r"error\.[^.]+\.table-[a-z-]+", m)}
    assert len(templates) == 26
    assert hit == templates, sorted(templates - hit)


def test_a_text_no_template_matches_stays_as_it_is() -> None:
    # a problem column given with the input keeps its own text: the library never guesses
    given = "MY-RULE: something the office wrote; D12-LABELS: jenjang 'x' is not a jenjang"
    assert row_problem_in(given, "id") == (
        "MY-RULE: something the office wrote; D12-LABELS: jenjang 'x' bukan jenjang"
    )
    assert row_problem_in(given, "en") == given
