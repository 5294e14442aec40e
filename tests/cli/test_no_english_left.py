"""No text of the English catalogue in what the command line shows in Bahasa Indonesia (issue 14).

Every command is run with ``--lang id`` on its worked inputs (the built-in sample, the office of
``status_cycles.py``, a table, sealed records), with ``--help``, and on bad inputs of every kind
the command line meets (a file that cannot be read, broken JSON, a wrong field, a bad NIP, a
bad label, a bad number, a broken link, a bad policy, a bad table). Each English phrase of the
catalogue -- the fixed text of a message that Indonesian writes otherwise, three words or more,
and not itself part of any Indonesian message (a label such as ``Sesuai Ekspektasi``, a term
such as ``e-Kinerja``) -- must be absent from standard output and standard error. Every error
line must be the Indonesian ``kesalahan`` line, and each problem's message and fix must come
from the catalogue (``translate`` finds them).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import status_cycles as story

from asn_performance._kit.error_text import translate
from asn_performance._kit.i18n import catalogue
from asn_performance.boundary.appraisal_document import to_json
from asn_performance.boundary.cycle_document import dump_cycle
from asn_performance.boundary.cycle_records import dump_cycle_records
from asn_performance.boundary.fixes import in_json_terms
from asn_performance.cli import main
from asn_performance.exceptions import AsnPerformanceError

BUDI, SITI = "198609262015051001", "199001012015012002"
_PLACEHOLDER = re.compile(r"(?<!\{)\{\w+\}(?!\})")


@cache
def english_phrases() -> frozenset[str]:
    """The fixed English text of every message Indonesian writes otherwise (3+ words)."""
    english, indonesian = catalogue("en"), catalogue("id")
    everything_indonesian = "\n".join(m.text for m in indonesian.values())
    found = set()
    for msg_id, message in english.items():
        if msg_id not in indonesian or indonesian[msg_id].text == message.text:
            continue
        for literal, _ in message.pieces:
            phrase = literal.strip(" ,;:.()[]'\"-=→×/+\n")
            if len(phrase.split()) >= 3 and phrase not in everything_indonesian:
                found.add(phrase)
    return frozenset(found)


def english_in(shown: str) -> list[str]:
    return sorted(p for p in english_phrases() if p in shown)


def test_the_phrases_are_many_and_catch_english() -> None:
    # the check can fail: the English demo's reason line holds a phrase of the catalogue
    assert len(english_phrases()) > 1000
    assert english_in("why: hasil Sesuai (unit head: organisation predikat Baik)") or english_in(
        "the field 'x' is required; got 1; rule SCHEMA-missing. Fix: add the field"
    )


def _write(path: Path, data: object) -> Path:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("no_english")
    out: dict[str, Path] = {}
    import io
    from contextlib import redirect_stdout

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert main(["sample", "--lang", "en"]) == 0
    sample = json.loads(buffer.getvalue())
    out["sample"] = _write(root / "sample.json", sample)
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert main(["demo", "--json", "--lang", "en"]) == 0
    out["sealed"] = _write(root / "sealed.json", buffer.getvalue())
    for name, records in (
        ("kota", story.KOTA_RECORDS),
        ("kab", story.KAB_RECORDS),
        ("prov", story.PROV_RECORDS),
    ):
        out[name] = _write(root / f"{name}.json", to_json(dump_cycle_records(records)))
    out["cycle"] = _write(root / "fitri.json", to_json(dump_cycle(story.R)))
    out["table"] = _write(
        root / "pegawai.csv",
        "nip,unit,rating_hasil_kerja,rating_perilaku_kerja,kelas,days_absent,missing_checks,"
        "minutes_late_or_early,missed_ceremonies\n"
        f"{BUDI},Bagian Umum,di atas ekspektasi,Sesuai Ekspektasi,7,0,0,0,0\n"
        f"{SITI},Bagian Umum,DIBAWAH EKSPEKTASI,sesuai,10,1,0,0,0\n"
        f"{SITI[:-1]}9,Bagian Umum,luar biasa,sesuai,10,0,0,0,0\n",
    )
    out["organisation"] = _write(root / "org.csv", "unit,organisation_predikat\nBagian Umum,Baik\n")
    out["units"] = _write(
        root / "units.json",
        {
            "kind": "units",
            "units": [
                {
                    "unit": "Bagian Umum",
                    "organisation_predikat": "baik",
                    "counts": {"sangat_baik": 3, "baik": 8, "butuh_perbaikan": 0},
                }
            ],
        },
    )
    for name, change in BAD_DOCUMENTS.items():
        data = copy.deepcopy(sample)
        change(data)
        out[f"bad-{name}"] = _write(root / f"bad-{name}.json", data)
    out["not-json"] = _write(root / "broken.json", '{"plans": [1, 2,,]}')
    out["bad-policy"] = _write(root / "policy.toml", 'name = "x"\nversion = 3\n[[nothing]]\n')
    return out


def _plan(data: dict[str, Any]) -> dict[str, Any]:
    plan: dict[str, Any] = data["plans"][1]
    return plan


BAD_DOCUMENTS = {
    "nip": lambda d: d["employees"][0].update(nip="19860926201505100"),
    "label": lambda d: d["assessments"][0].update(role="kepala"),
    "extra": lambda d: d["employees"][0].update(golongn="III/a"),
    "missing": lambda d: d["employees"][0].pop("name"),
    "number": lambda d: _plan(d)["work_results"][0]["indicators"][0]["target"].update(value="1,5"),
    "link": lambda d: _plan(d)["work_results"][0].update(leader_work_result_id="rhk-tidak-ada"),
    "period": lambda d: _plan(d).update(period="2025-Q5"),
    "jenjang": lambda d: d["employees"][1]["position"].update(kind="struktural"),
}


def _commands(files: dict[str, Path]) -> Iterator[list[str]]:
    f = {name: str(path) for name, path in files.items()}
    yield ["demo"]
    yield ["appraise", f["sample"]]
    yield ["rewards", f["sample"]]
    yield ["rewards", f["sample"], "--policy", "kemnaker_2025"]
    yield ["calibrate", f["sample"]]
    yield ["calibrate", f["units"]]
    yield ["verify", f["sealed"]]
    yield ["status", f["kota"], f["kab"], f["prov"], "--as-of", "2026-05-11"]
    yield ["plan-versions", f["cycle"]]
    yield ["cascade", f["sample"]]
    yield ["table", f["table"], "--policy", "kemnaker_2025", "--organisation", f["organisation"]]
    for command in ("", "demo", "appraise", "rewards", "calibrate", "table", "verify"):
        yield [command, "--help"] if command else ["--help"]
    for command in ("status", "plan-versions", "cascade", "schema", "sample"):
        yield [command, "--help"]
    yield ["appraise", str(files["sample"].parent / "missing.json")]
    yield ["appraise", f["not-json"]]
    yield ["rewards", f["sample"], "--policy", "no_such_policy"]
    yield ["rewards", f["sample"], "--policy", f["bad-policy"]]
    yield ["appraise"]  # a usage error
    yield ["calibrate", f["sample"], "--rounding", "round"]
    for name in BAD_DOCUMENTS:
        yield ["appraise", f[f"bad-{name}"]]
        yield ["appraise", f[f"bad-{name}"], "--keep-going"]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        status = main([*args, "--lang", "id"])
    except SystemExit as stopped:  # --help and usage errors
        status = int(stopped.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_every_command_and_every_error_reads_as_indonesian(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("polars")
    found = {}
    for args in _commands(files):
        status, out, err = _run(args, capsys)
        shown = out + err
        assert shown.strip(), args
        english = english_in(shown)
        if english:
            found[" ".join(a if "/" not in a else Path(a).name for a in args)] = english
        for line in err.splitlines():
            if "error:" in line:
                found.setdefault(" ".join(args), []).append(line)
        if status == 2 and "penggunaan:" not in err:
            assert "asn-performance: kesalahan:" in err, (args, err)
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def _problems(path: Path) -> list[Any]:
    from asn_performance.boundary.appraisal_document import load_document

    with pytest.raises(AsnPerformanceError) as raised:
        load_document(path.read_text(encoding="utf-8"))
    return list(in_json_terms(raised.value).problems)


def test_every_problem_of_the_bad_documents_comes_from_the_catalogue(
    files: dict[str, Path],
) -> None:
    untranslated = []
    for name in [*BAD_DOCUMENTS, "json"]:
        path = files["not-json"] if name == "json" else files[f"bad-{name}"]
        for problem in _problems(path):
            if translate("error", problem.rule, problem.message, "id") is None:
                untranslated.append((name, problem.rule, problem.message))
            if problem.fix and translate("fix", problem.rule, problem.fix, "id") is None:
                untranslated.append((name, problem.rule, problem.fix))
    assert not untranslated
