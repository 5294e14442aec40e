"""What the command line writes is what the library wrote (issue 10, section 1).

JSON output (``--json``, ``sample``, ``schema``) is the exact text of the library's
``to_json``, so a record the command line sealed verifies; only the readable tables are made
safe for a terminal, and they show the text a person would read. Most tests run
:func:`asn_performance.cli.main` in-process (fast, for Hypothesis); one runs the installed
entry point in a subprocess.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_hostile_cli import SAMPLE, run

from asn_performance import cli
from asn_performance.boundary.appraisal_document import load_document, to_json
from asn_performance.boundary.part_documents import dump_result
from asn_performance.exceptions import AsnPerformanceError
from asn_performance.process.integrity import verify_all

#: The employee of the sample's first plan (the head of the unit): appraised, so in the output.
HEAD_NIP = SAMPLE["plans"][0]["employee_nip"]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run_in_process(argv: list[str], stdin: bytes, encoding: str = "utf-8") -> tuple[int, bytes]:
    """Run the command line in-process; return its exit status and the bytes of its output.

    Standard output is a real text stream over bytes (as a terminal or a file is), in the
    given ``encoding``; standard error must stay empty.
    """
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding=encoding, newline="\n")
    err = io.StringIO()
    real_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(argv)
        out.flush()
    finally:
        sys.stdin = real_stdin
    assert err.getvalue() == "" or status != 0, err.getvalue()
    return status, raw.getvalue()


def _with_head(**changes: str) -> dict[str, Any]:
    """The sample document with the head's name (and other texts) replaced."""
    data = copy.deepcopy(SAMPLE)
    head = next(e for e in data["employees"] if e["nip"] == HEAD_NIP)
    plan = data["plans"][0]
    for key, value in changes.items():
        if key == "name":
            head["name"] = value
        elif key == "position_title":
            head["position"]["title"] = value
        elif key == "unit":
            head["unit"] = value
        elif key == "work_result":
            plan["work_results"][0]["text"] = value
        elif key == "indicator":
            plan["work_results"][0]["indicators"][0]["text"] = value
        elif key == "title":
            data["title"] = value
    return data


def _python_dump(source: bytes) -> str:
    """What the library writes for the document: the text a caller of ``to_json`` gets."""
    document = load_document(source)
    return to_json([dump_result(a) for a in document.appraise_all()]) + "\n"


# --- JSON output is never changed ----------------------------------------------------------------


def test_a_name_with_a_no_break_space_is_written_as_given_and_verifies(tmp_path: Path) -> None:
    """Reproduces the issue: "Budi\\u00a0Santoso" came out as "Budi\\ufffdSantoso", and the
    command line's own sealed output failed ``verify`` ("changed after it was sealed")."""
    doc = tmp_path / "doc.json"
    doc.write_text(to_json(_with_head(name="Budi\u00a0Santoso")), encoding="utf-8")
    made = run("appraise", str(doc), "--json")
    assert made.returncode == 0, made.stderr
    assert '"name": "Budi\u00a0Santoso"'.encode() in made.stdout
    assert "\ufffd".encode() not in made.stdout
    out = tmp_path / "out.json"
    out.write_bytes(made.stdout)
    checked = run("verify", str(out))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.decode().splitlines()[-1] == "11 record(s) intact"


def test_every_invisible_character_of_the_issue_survives_the_json_output() -> None:
    """Reproduces the issue for the soft hyphen, zero-width joiner, left-to-right mark and
    line separator (each became U+FFFD) and ESC (the record then failed ``verify``)."""
    name = "Si\u00adti \u200dNur\u200e\u2028Ha\x1b[31mlimah"
    source = to_json(_with_head(name=name)).encode()
    status, output = run_in_process(["appraise", "-", "--json"], source)
    assert status == 0
    records = json.loads(output)
    assert records[0]["name"] == name
    assert len(verify_all(output)) == 11


def test_json_output_is_utf_8_whatever_the_terminal_s_encoding() -> None:
    """Was: with an ASCII terminal encoding, a name outside ASCII could not be written (an
    internal error); JSON is UTF-8 (RFC 8259), so it is written as UTF-8 bytes."""
    name = "Ñoño Čáp 王小明"
    source = to_json(_with_head(name=name)).encode()
    status, output = run_in_process(["appraise", "-", "--json"], source, encoding="ascii")
    assert status == 0
    assert output == _python_dump(source).encode("utf-8")
    status, table = run_in_process(["appraise", "-"], source, encoding="ascii")
    assert status == 0
    assert "?o?o ??p ???" in table.decode("ascii")  # readable text, unencodable shown as ?


_TEXT = st.text(min_size=1, max_size=40).filter(lambda t: t.strip() != "")


@FAST
@given(
    name=_TEXT,
    position_title=_TEXT,
    unit=_TEXT,
    work_result=_TEXT,
    indicator=_TEXT,
    title=_TEXT,
)
def test_json_output_is_exactly_the_python_dump_and_verifies(
    name: str, position_title: str, unit: str, work_result: str, indicator: str, title: str
) -> None:
    """For arbitrary Unicode texts, ``appraise --json`` writes byte for byte what the library's
    ``to_json`` writes; it verifies and loads back equal to the Python dump."""
    data = _with_head(
        name=name,
        position_title=position_title,
        unit=unit,
        work_result=work_result,
        indicator=indicator,
        title=title,
    )
    source = json.dumps(data, ensure_ascii=False).encode("utf-8")
    try:
        expected = _python_dump(source)
    except AsnPerformanceError:  # the library refuses the text: so does the command line
        status, output = run_in_process(["appraise", "-", "--json"], source)
        assert (status, output) == (2, b"")
        return
    status, output = run_in_process(["appraise", "-", "--json"], source)
    assert status == 0
    assert output == expected.encode("utf-8")
    assert json.loads(output) == json.loads(expected)
    assert len(verify_all(output)) == len(SAMPLE["plans"])
    status, checked = run_in_process(["verify", "-"], output)
    assert status == 0, checked


def test_sample_and_schema_are_written_as_the_library_gives_them() -> None:
    from asn_performance.boundary.appraisal_document import input_json_schema

    status, output = run_in_process(["sample"], b"")
    assert status == 0
    assert json.loads(output) == SAMPLE
    status, output = run_in_process(["schema"], b"")
    assert status == 0
    assert (
        output.decode("utf-8")
        == json.dumps(input_json_schema(), indent=2, ensure_ascii=False) + "\n"
    )


# --- the table shows what a person reads, and nothing reaches the terminal -----------------------


def _head_row(table: str) -> str:
    return next(line for line in table.splitlines() if line.startswith(HEAD_NIP))


def test_the_table_shows_a_no_break_space_as_a_space_and_drops_invisible_characters() -> None:
    """Was: each of these became U+FFFD in the table."""
    name = "Budi\u00a0Santoso\u00ad\u200d\u200e"
    status, output = run_in_process(["appraise", "-"], to_json(_with_head(name=name)).encode())
    assert status == 0
    row = _head_row(output.decode())
    assert row.startswith(f"{HEAD_NIP}  Budi Santoso  ")
    assert "\ufffd" not in output.decode()


def test_control_characters_and_escape_sequences_never_reach_the_terminal() -> None:
    hostile = "A\x1b[2J\x9b31m\x07B\tC\nD\rE\u2028F\x85G\x7fH"
    data = _with_head(name=hostile, title="T\x1b]0;owned\x07\nfake line", work_result=hostile)
    status, output = run_in_process(["appraise", "-"], to_json(data).encode())
    assert status == 0
    text = output.decode()
    for control in ("\x1b", "\x9b", "\x07", "\t", "\r", "\u2028", "\x85", "\x7f"):
        assert control not in text, repr(control)
    # ESC, CSI, BEL and DEL become U+FFFD; a tab, newline, CR, NEL or line separator a space.
    assert _head_row(text).startswith(f"{HEAD_NIP}  A\ufffd[2J\ufffd31m\ufffdB C D E F G\ufffdH")
    assert text.splitlines()[0] == "T\ufffd]0;owned\ufffd fake line"


@FAST
@given(name=_TEXT, title=_TEXT)
def test_no_control_or_format_character_reaches_the_terminal(name: str, title: str) -> None:
    source = to_json(_with_head(name=name, title=title)).encode()
    status, output = run_in_process(["appraise", "-"], source)
    if status == 2:
        return
    assert status == 0
    text = output.decode()
    for character in set(text) - {"\n"}:
        assert unicodedata.category(character) not in ("Cc", "Cf", "Zl", "Zp"), repr(character)
    # A value never makes a line of its own: the header block, 11 rows with their reason, the
    # summary (the sample's table, worked out from its 11 plans).
    assert len(text.splitlines()) == 2 + 2 + 11 * 2 + 2


def test_verify_shows_the_plan_id_of_a_record_on_one_line() -> None:
    from asn_performance.process.integrity import seal

    record = json.loads(run_in_process(["demo", "--json"], b"")[1])[0]
    del record["integrity"]
    record["plan_id"] = "skp\x1b[2J\nintact  $  forged"
    sealed = to_json(seal(record)).encode()
    status, output = run_in_process(["verify", "-"], sealed)
    assert status == 0
    lines = output.decode().splitlines()
    assert len(lines) == 2
    assert "(plan skp\ufffd[2J intact  $  forged, predikat" in lines[0]


def test_a_unit_name_in_calibrate_never_makes_a_line_of_its_own() -> None:
    """Was: a unit named "A\\nB" printed a line starting with "B", a line the report never
    wrote (the unit names of a units document were printed as given, newline and all)."""
    units = {
        "title": "Wilayah\nfake",
        "units": [
            {
                "unit": "A\n  - forged\u00a0line\x1b[31m",
                "organisation_predikat": "baik",
                "counts": {"baik": 2, "sangat_baik": 3},
            }
        ],
    }
    status, output = run_in_process(["calibrate", "-"], to_json(units).encode())
    assert status == 0
    lines = output.decode().splitlines()
    assert lines[0] == "Wilayah fake"
    # Organisation Baik: Baik 2 of 5 is within 70 %; at least one Butuh Perbaikan or
    # Kurang/Misconduct is required, and there is none: one violation, on one line.
    assert lines[-1] == (
        "  - A   - forged line\ufffd[31m: Butuh Perbaikan dan/atau Kurang/Misconduct: 0 of 5"
        " (0.00 %); at least 1: VIOLATED"
    )
    assert sum(1 for line in lines if line.startswith("  - ")) == 1


def test_a_name_in_the_rewards_table_stays_on_its_line() -> None:
    """Was: ``rewards`` printed the employee's name as given: a newline in it started a line
    of its own."""
    data = _with_head(name="Budi\u00a0Santoso\n  predikat  2025 Sangat Baik")
    status, output = run_in_process(["rewards", "-"], to_json(data).encode())
    assert status == 0
    text = output.decode()
    assert f"\n{HEAD_NIP}  Budi Santoso   predikat  2025 Sangat Baik  (" in text
    assert "\n  predikat  2025 Sangat Baik\n" not in text
