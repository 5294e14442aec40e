"""The errors of the JSON boundary, the table API and the command line in Bahasa Indonesia
(issue 14, helper E2).

Bad documents and arguments go through the command line with ``--lang id`` as a user would
give them; each expected line is written by hand: the catalogue's Indonesian words
(``kesalahan``, ``nilai``, ``aturan``, ``Perbaikan``) around the problem's own message and fix
in Indonesian; the path, the value and the rule id stay as they are (data). Texts the code
builds from values (pydantic's messages, the JSON fixes of :mod:`asn_performance.boundary.
fixes`, an English word the code picks) are checked through ``problem_in``.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from asn_performance._kit.error_text import problem_in, translate
from asn_performance.boundary.appraisal_document import load_document
from asn_performance.boundary.fixes import in_json_terms
from asn_performance.exceptions import AsnPerformanceError, Problem

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))
PREFIX = "asn-performance: kesalahan: "


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command, input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    result = run("sample")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _title_a_number(data: dict[str, Any]) -> None:
    data["title"] = 7


def _unknown_field(data: dict[str, Any]) -> None:
    data["plans"][1]["bogus"] = 1


def _no_period(data: dict[str, Any]) -> None:
    del data["plans"][0]["period"]


def _plan_twice(data: dict[str, Any]) -> None:
    data["plans"].append(copy.deepcopy(data["plans"][0]))


def _unknown_policy_kind(data: dict[str, Any]) -> None:
    data["policy"] = {"kind": "vote"}


def _fractional_count(data: dict[str, Any]) -> None:
    data["guards"]["min_anonymous_responses"] = 2.5


def _unknown_plan(data: dict[str, Any]) -> None:
    data["assessments"][0]["plan_id"] = "nope"


# (how the sample is broken, the line expected on standard error), each written by hand.
DOCUMENTS = [
    (
        _title_a_number,
        "$.title: harus berupa teks; nilai 7; aturan SCHEMA-string_type."
        " Perbaikan: isi teks (string JSON)",
    ),
    (
        _unknown_field,
        "$.plans[1].bogus: field 'bogus' tidak dikenal; nilai 1; aturan"
        " SCHEMA-extra_forbidden. Perbaikan: hapus field itu atau periksa ejaannya",
    ),
    (
        _no_period,
        "$.plans[0].period: field 'period' wajib diisi; aturan SCHEMA-missing."
        " Perbaikan: tambahkan field itu",
    ),
    (
        _plan_twice,
        # the 12th plan (index 11) repeats the first's id
        "$.plans[11].id: dua SKP memakai id yang sama 'skp-2025-kabag'; nilai"
        " 'skp-2025-kabag'; aturan SCHEMA-duplicate_id. Perbaikan: berikan id tersendiri untuk"
        " setiap SKP",
    ),
    (
        _unknown_policy_kind,
        "$.policy.kind: jenis kebijakan tidak dikenal; seharusnya salah satu dari"
        " 'supervisor_decides', 'weighted_sources', 'per_dimension'; nilai 'vote'; aturan"
        " SCHEMA-union_tag_invalid. Perbaikan: gunakan salah satu dari 'supervisor_decides',"
        " 'weighted_sources', 'per_dimension' untuk 'kind'",
    ),
    (
        _fractional_count,
        # 2.5 read exactly; the fix suggests the whole number below it
        "$.guards.min_anonymous_responses: harus berupa bilangan bulat, bukan angka"
        " berpecahan; nilai '2.5'; aturan SCHEMA-int_from_float. Perbaikan: tulis bilangan bulat"
        " (misalnya 2)",
    ),
    (
        _unknown_plan,
        "$.assessments[0].plan_id: SKP 'nope' tidak ada dalam dokumen; nilai 'nope'; aturan"
        " SCHEMA-unknown_reference. Perbaikan: gunakan id SKP yang ada di $.plans",
    ),
]


@pytest.mark.parametrize(("broken", "line"), DOCUMENTS, ids=lambda v: getattr(v, "__name__", ""))
def test_a_bad_document_is_told_in_indonesian(
    sample: dict[str, Any], tmp_path: Path, broken: Any, line: str
) -> None:
    data = copy.deepcopy(sample)
    broken(data)
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("appraise", str(path), "--lang", "id")
    assert (result.returncode, result.stderr) == (2, PREFIX + line + "\n")


# (the JSON text, the line expected), written by hand.
TEXTS = [
    (
        '{"a": NaN}',
        # NaN starts at column 7 of line 1
        "$: NaN bukan angka yang diizinkan JSON (baris 1 kolom 7); nilai 'NaN'; aturan"
        ' SCHEMA-json_invalid. Perbaikan: tulis angka yang eksak sebagai string, misalnya "95"',
    ),
    (
        '{"a": 1, "a": 2}',
        "$: kunci 'a' muncul dua kali dalam satu objek; pembaca JSON berbeda pendapat tentang"
        " nilai mana yang berlaku; nilai 'a'; aturan SCHEMA-duplicate_key. Perbaikan:"
        " pertahankan salah satu dari keduanya",
    ),
    (
        "[1]",
        "$: tingkat teratas dokumen harus berupa objek JSON, bukan array; nilai [1]; aturan"
        " SCHEMA-model_type. Perbaikan: bungkus isinya dalam sebuah objek, misalnya"
        ' {"schema_version": "1", ...}',
    ),
    (
        "{\n",
        # the reason after the colon is Python's json module's own (a value, in English)
        "$: JSON rusak pada baris 2 kolom 1: Expecting property name enclosed in double quotes;"
        " nilai ''; aturan SCHEMA-json_invalid. Perbaikan: periksa sintaks JSON di situ (koma,"
        " tanda kutip, kurung)",
    ),
]


@pytest.mark.parametrize(("source", "line"), TEXTS)
def test_bad_json_text_is_told_in_indonesian(source: str, line: str) -> None:
    result = run("appraise", "-", "--lang", "id", stdin=source)
    assert (result.returncode, result.stderr) == (2, PREFIX + line + "\n")


def test_a_document_with_several_problems_lists_each_in_indonesian(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    data = copy.deepcopy(sample)
    _title_a_number(data)
    _unknown_field(data)
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("appraise", str(path), "--lang", "id")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        PREFIX + DOCUMENTS[0][1],
        PREFIX + DOCUMENTS[1][1],
    ]


# (the arguments, the line expected), written by hand.
ARGUMENTS = [
    (
        ("table", "nope.txt"),
        "IN: masukan berupa berkas .csv, .parquet atau .xlsx, atau folder berisi ekspor"
        " e-Kinerja; nilai 'nope.txt'; aturan TYPE. Perbaikan: berikan salah satu dari itu",
    ),
    (
        ("status", ".", "--as-of", "2026-13-01"),
        "--as-of: harus berupa hari yang ditulis YYYY-MM-DD; nilai '2026-13-01'; aturan TYPE."
        " Perbaikan: berikan misalnya --as-of 2026-05-11",
    ),
    (
        ("rewards", "-", "--policy", "nasional"),
        # the built-in names are data: listed as the code lists them
        "--policy: tidak ada kebijakan penghargaan bawaan bernama 'nasional'; nilai 'nasional';"
        " aturan POLICY-BUILTIN. Perbaikan: gunakan salah satu dari kemnaker_2025, national,"
        " pemda_contoh_tpp, atau berikan path berkas kebijakan .toml atau .json",
    ),
]


@pytest.mark.parametrize(("args", "line"), ARGUMENTS)
def test_a_bad_argument_is_told_in_indonesian(
    sample: dict[str, Any], args: tuple[str, ...], line: str
) -> None:
    result = run(*args, "--lang", "id", stdin=json.dumps(sample))
    assert (result.returncode, result.stderr) == (2, PREFIX + line + "\n")


def test_the_output_kind_of_the_table_command_in_indonesian(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("a,b\n", encoding="utf-8")
    result = run("table", str(table), "--out", str(tmp_path / "x.bad"), "--lang", "id")
    assert result.returncode == 2
    assert result.stderr == (
        PREFIX + f"--out: jenis keluaran ditentukan oleh ekstensi namanya; nilai"
        f" '{tmp_path / 'x.bad'}'; aturan TYPE. Perbaikan: akhiri nama dengan .csv, .parquet,"
        " .xlsx\n"
    )


# --- texts built from values: problem_in ------------------------------------------------------


@pytest.mark.parametrize(
    ("problem", "message", "fix"),
    [
        (
            # pydantic's own message (rule SCHEMA-too_short) and the fix of _FIX_TEMPLATES
            Problem(
                "List should have at least 1 item after validation, not 0",
                rule="SCHEMA-too_short",
                fix="give at least 1 item(s)",
            ),
            "daftar harus berisi paling sedikit 1 butir, bukan 0",
            "isi paling sedikit 1 butir",
        ),
        (
            Problem(
                "Input should be greater than or equal to 1",
                rule="SCHEMA-greater_than_equal",
                fix="give a number of at least 1",
            ),
            "harus lebih besar dari atau sama dengan 1",
            "isi angka paling sedikit 1",
        ),
        (
            # the English word the code picks ("work result") has its own entry
            Problem(
                "two work results share the id 'rhk-1'",
                rule="PLAN-UNIQUE-ID",
                fix="give each work result its own id",
            ),
            "dua RHK memakai id yang sama 'rhk-1'",
            "berikan id tersendiri untuk setiap RHK",
        ),
        (
            # 1,000 and 2,500: English grouped integers, written the Indonesian way
            Problem(
                "the document has too many problems: checking stopped after 1,000 of them and"
                " 2,500 further items were not checked (objects and values)",
                rule="SCHEMA-too_many_problems",
                fix="correct the problems listed (they repeat a mistake, often a wrong field"
                " name or format) and load the document again",
            ),
            "dokumen mempunyai terlalu banyak masalah: pemeriksaan berhenti setelah 1.000"
            " masalah dan 2.500 butir lainnya tidak diperiksa (objek dan nilai)",
            "perbaiki masalah yang tercantum (masalah itu mengulang satu kesalahan, sering nama"
            " field atau format yang salah) lalu muat dokumen lagi",
        ),
        (
            # a row problem of a table: its fix is the generic one of tables/_problems.py
            Problem(
                "x",
                rule="D5-EXACT",
                fix="correct the value in this row (or pass errors='mark' to compute the other"
                " rows and mark this one)",
            ),
            "x",
            "perbaiki nilai pada baris ini (atau berikan errors='mark' untuk menghitung baris"
            " lain dan menandai baris ini)",
        ),
    ],
)
def test_a_text_built_from_values_is_translated(problem: Problem, message: str, fix: str) -> None:
    shown = problem_in(problem, "id")
    assert (shown.message, shown.fix) == (message, fix)


def test_a_json_fix_of_boundary_fixes_is_translated() -> None:
    # A domain problem at a JSON path whose fix speaks Python gets the JSON wording of
    # JSON_FIXES (POSITION-JENJANG), and that wording is shown in Indonesian.
    error = AsnPerformanceError(
        "a jabatan fungsional needs its jenjang",
        path="$.employees[0].position.jenjang",
        rule="POSITION-JENJANG",
        fix="give the jenjang, e.g. Jenjang.AHLI_MUDA",
    )
    problem = in_json_terms(error).problems[0]
    assert problem_in(problem, "id").fix == (
        'isi "jenjang" untuk jabatan fungsional, misalnya "ahli_muda" (ahli_pertama, ahli_muda,'
        " ahli_madya, ahli_utama, pemula, terampil, mahir, penyelia)"
    )
    # a rule JSON_FIXES has no wording for: the FALLBACK, in Indonesian
    other = AsnPerformanceError("x", path="$.a", rule="NO-SUCH-RULE", fix="pass a=None")
    assert problem_in(in_json_terms(other).problems[0], "id").fix == (
        "isi field dengan nilai berbentuk seperti yang diuraikan JSON Schema-nya"
        " (asn-performance schema NAME mencetaknya)"
    )


_MORE = re.compile(r" \(and \d+ more problems?\)$")


@pytest.mark.parametrize(
    "broken",
    [*(b for b, _ in DOCUMENTS), lambda d: d.__setitem__("employees", [])],
)
def test_every_problem_of_a_bad_document_is_translated(sample: dict[str, Any], broken: Any) -> None:
    data = copy.deepcopy(sample)
    broken(data)
    with pytest.raises(AsnPerformanceError) as caught:
        load_document(data)
    error = in_json_terms(caught.value)
    for problem in error.problems:
        message = _MORE.sub("", problem.message)
        assert translate("error", problem.rule, message, "id") is not None, problem
        if problem.fix is not None:
            assert translate("fix", problem.rule, problem.fix, "id") is not None, problem


@pytest.mark.parametrize("source", [source for source, _ in TEXTS])
def test_every_problem_of_bad_json_text_is_translated(source: str) -> None:
    with pytest.raises(AsnPerformanceError) as caught:
        load_document(source)
    for problem in caught.value.problems:
        assert translate("error", problem.rule, problem.message, "id") is not None, problem
        assert problem.fix is not None
        assert translate("fix", problem.rule, problem.fix, "id") is not None, problem


# --- what tools/error_messages.py extracts beyond the error calls ------------------------------


def test_the_extraction_reads_factories_tables_and_pydantic_custom_errors() -> None:
    import importlib.util

    root = Path(__file__).parents[2]
    spec = importlib.util.spec_from_file_location(
        "error_messages", root / "tools" / "error_messages.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("error_messages", module)
    spec.loader.exec_module(module)
    found = {(t.kind, t.rule, t.template) for t in module.extract().values()}
    # a factory's call (boundary/_wire.py listed_twice, rule DOCUMENT-UNIQUE)
    assert ("error", "DOCUMENT-UNIQUE", "two entries name the NIP {digits}") in found
    assert ("fix", "DOCUMENT-UNIQUE", "give one entry per employee") in found
    # a factory whose rule is a parameter with a default (boundary/_json_text.py)
    assert ("fix", "SCHEMA-json_invalid", "check the numbers") in found
    # PydanticCustomError (boundary/_wire.py), its message a str.format template already
    assert ("error", "SCHEMA-date_format", "{value} is not a real date") in found
    # fix tables: keyed by rule (JSON_FIXES), by pydantic kind (_FIXES, _FIX_TEMPLATES)
    assert ("fix", "PLAN-UTAMA", 'give at least one work result "kind": "utama"') in found
    assert ("fix", "SCHEMA-string_type", "give text (a JSON string)") in found
    assert ("fix", "SCHEMA-greater_than_equal", "give a number of at least {ge}") in found
    # a module constant inside an f-string of a table is written out (_ORGANISATION)
    assert any(
        kind == "fix" and rule == "D3-UNIT-HEAD" and '"istimewa", "baik"' in template
        for kind, rule, template in found
    )


def _by_hand_e2() -> dict[str, str]:
    """msgid -> English text of the entries by hand of this area (en.po, helper E2)."""
    from asn_performance._kit._po import parse_po

    path = Path(__file__).parents[2] / "src" / "asn_performance" / "locale" / "en.po"
    text = path.read_text("utf-8")
    begin, end = "# --- by hand: helper E2 ---\n", "# --- end by hand E2 ---"
    body = text[text.index(begin) + len(begin) : text.index(end)]
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    return {m.msgid: m.msgstr for m in parse_po(header + body, "en.po")[1:]}


def test_every_entry_by_hand_is_matched_to_itself_and_translated() -> None:
    from asn_performance._kit.error_text import message_key

    entries = _by_hand_e2()
    assert len(entries) > 50
    for msg_id, english in entries.items():
        kind, rule = msg_id.split(".")[0], msg_id.split(".")[1]
        pieces = re.split(r"\{\w+\}", english)
        sample = "".join(f"{piece}Q{i}Q" for i, piece in enumerate(pieces[:-1])) + pieces[-1]
        problem = Problem(
            sample if kind == "error" else "x",
            rule=rule,
            fix=sample if kind == "fix" else None,
        )
        key = message_key(problem)[0 if kind == "error" else 1]
        assert key is not None, msg_id
        assert key.msg_id == msg_id, (msg_id, key.msg_id)
        assert translate(kind, rule, sample, "id") is not None, msg_id
