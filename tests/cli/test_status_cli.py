"""``asn-performance status`` and ``plan-versions``, as a BKN regional office would run them.

The cycles are those of ``status_cycles.py`` (its docstring tells their story): on Monday
11 May 2026 a late evaluation (Budi), a plan set but not accepted (Rina), an objection past
its deadline (Andi), one pending (Dewi) and a revision not yet agreed (Fitri), in three
agencies. The expected lines are written by hand from the dates:

* Budi: Q1 2026 ends Tue 31 Mar, due 31 Mar + 14 = Tue 14 Apr; 14 Apr -> 30 Apr is 16 days,
  -> 11 May 11 more: 27 days late.
* Rina: due on the plan's first day, 1 Jan 2026 (plan_days 0); 31 + 28 + 31 + 30 + 10 = 130.
* Andi: filed Mon 20 Apr, decision due 20 Apr + 14 = Mon 4 May; -> 11 May: 7 days late.
* Dewi: filed Mon 4 May, decision due 18 May: pending, not late.
* Fitri: revision proposed 4 May, 7 days waiting; no deadline, not late.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import status_cycles as story
from test_cli import run

from asn_performance.boundary.appraisal_document import to_json
from asn_performance.boundary.cycle_document import dump_cycle
from asn_performance.boundary.cycle_records import dump_cycle_records
from asn_performance.cli import main

EXPECTED = """\
Status as of 2026-05-11: 3 agency(ies), 4 unit(s), 5 cycle(s); plan not yet agreed 1, evaluation late 1, objection pending 1, objection past its deadline 1, revision not yet agreed 1
  (library decisions: plan due 0 day(s) after its period starts, evaluation 14 day(s) after its period ends, objection decision 14 day(s) after filing; calendar days)
Pemerintah Kota Serang: 1 unit(s), 2 cycle(s); plan not yet agreed 1, evaluation late 1, objection pending 0, objection past its deadline 0
  Dinas Pendidikan: 2 cycle(s), 2 item(s)
    - Evaluasi kinerja terlambat: 198609262015051001 Budi Santoso [Pelaksanaan dan pemantauan kinerja] Triwulan I 2026; deadline 2026-04-14, 27 day(s) late; periodic evaluation (Triwulanan) of 2026-Q1 not recorded; 0 periodic evaluation(s) recorded
    - SKP belum disepakati: 199001012019032001 Rina Wulandari [Penyusunan SKP] Tahunan 2026; deadline 2026-01-01, 130 day(s) late; set by the pejabat penilai (Siti Rahayu), not yet accepted by the employee
Pemerintah Kabupaten Serang: 2 unit(s), 2 cycle(s); plan not yet agreed 0, evaluation late 0, objection pending 1, objection past its deadline 1
  Bappeda: 1 cycle(s), 1 item(s)
    - Keberatan melewati batas waktu keputusan: 199203172018011002 Andi Pratama [Keberatan diajukan] Tahunan 2025; deadline 2026-05-04, 7 day(s) late; filed 2026-04-20 against the result Baik to Ahmad Hidayat (196812251993021001); not yet decided
  Kecamatan Cikande: 1 cycle(s), 1 item(s)
    - Keberatan belum diputuskan: 198711052012122001 Dewi Lestari [Keberatan diajukan] Tahunan 2025; deadline 2026-05-18, not late; filed 2026-05-04 against the result Baik to Ahmad Hidayat (196812251993021001); not yet decided
Pemerintah Provinsi Banten: 1 unit(s), 1 cycle(s); plan not yet agreed 0, evaluation late 0, objection pending 0, objection past its deadline 0, revision not yet agreed 1
  Biro Organisasi: 1 cycle(s), 1 item(s)
    - Perubahan SKP belum disepakati: 198404042009031005 Fitri Handayani [Evaluasi kinerja periodik] Tahunan 2026; deadline none (library decision), not late; revision 2 (from 2026-05-01) proposed 2026-05-04, waiting 7 day(s): set by the pejabat penilai (Siti Rahayu), not yet accepted by the employee; indicator iki-1 target 12 layanan -> 10 layanan; version 1 stays in force until both agree
"""  # noqa: E501 - the report's lines, as printed


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kota.json and kab.json (cycle records), banten/prov.json (a folder), budi.json (a
    single cycle document)."""
    root = tmp_path_factory.mktemp("status")
    (root / "banten").mkdir()
    for name, records in (
        ("kota.json", story.KOTA_RECORDS),
        ("kab.json", story.KAB_RECORDS),
        ("banten/prov.json", story.PROV_RECORDS),
    ):
        (root / name).write_text(to_json(dump_cycle_records(records)), encoding="utf-8")
    (root / "budi.json").write_text(to_json(dump_cycle(story.L)), encoding="utf-8")
    return root


def status(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, list[str]]:
    code = main(["status", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err.splitlines()


def test_the_office_sees_every_agency_and_unit(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(office / "kota.json"), str(office / "kab.json"), str(office / "banten")]
    code, out, err = status(capsys, *files, "--as-of", "2026-05-11")
    assert (code, err) == (0, [])
    assert out == EXPECTED


def test_the_json_report(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(office / "kota.json"), str(office / "kab.json"), str(office / "banten")]
    code, out, _ = status(capsys, *files, "--as-of", "2026-05-11", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["counts"] == {
        "plan_not_agreed": 1,
        "evaluation_late": 1,
        "objection_pending": 1,
        "objection_overdue": 1,
        "revision_pending": 1,
    }
    assert [a["agency"] for a in data["agencies"]] == [story.KOTA, story.KAB, story.PROV]
    revision = data["agencies"][2]["units"][0]["items"][0]
    assert (revision["kind"], revision["deadline"], revision["days_late"]) == (
        "revision_pending",
        None,
        0,
    )


def test_a_single_cycle_document_and_the_agencys_own_days(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Budi's Q1 is due 31 Mar + 45 = 15 May with --evaluation-days 45: not late on 11 May.
    code, out, _ = status(
        capsys, str(office / "budi.json"), "--as-of", "2026-05-11", "--evaluation-days", "45"
    )
    assert code == 0
    lines = out.splitlines()
    assert "evaluation 45 day(s) after its period ends" in lines[1]
    # Without a records document: no agency, the employee's unit, no cadence (annual only).
    assert lines[2].startswith("(tanpa instansi): 1 unit(s), 1 cycle(s);")
    assert lines[3] == "  Seksi Pembinaan: 1 cycle(s), 0 item(s)"


def test_bad_input_one_line_per_problem_exit_2(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = dump_cycle_records(story.KAB_RECORDS)
    records["records"][0]["cadence"] = "mingguan"  # no such cadence
    records["records"][1]["cycle"]["events"][2]["actor_nip"] = "199203172018011002"  # edited
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(records), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, out, err = status(
        capsys,
        str(bad),
        str(broken),
        str(office / "kota.json"),
        str(office / "budi.json"),  # Budi again: kota.json lists him
        str(tmp_path / "missing.json"),
        "--as-of",
        "2026-05-11",
    )
    assert (code, out) == (2, "")
    assert len(err) == 5, err
    assert err[0].startswith(f"asn-performance: error: {bad}:$.records[0].cadence:")
    assert "rule SCHEDULE-CADENCE" in err[0]
    # The edited event breaks the cycle's seal: a changed cycle is bad input here (exit 2).
    assert err[1].startswith(f"asn-performance: error: {bad}:$.records[1].cycle.integrity")
    assert "INTEGRITY-DIGEST" in err[1]
    assert err[2].startswith(f"asn-performance: error: {broken}:$")
    assert "SCHEMA-json_invalid" in err[2]
    assert err[3].startswith(f"asn-performance: error: {tmp_path / 'missing.json'}: cannot read")
    assert err[4].startswith(f"asn-performance: error: {office / 'budi.json'}:$.plan_id:")
    assert "rule LIFECYCLE-STATUS-ONE-EACH" in err[4]
    assert f"first at {office / 'kota.json'}:$.records[0]" in err[4]


def test_a_day_before_the_cycles_last_event_and_bad_arguments(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Dewi objected on 4 May: her cycle's state on 3 May is not its state now.
    code, _, err = status(capsys, str(office / "kab.json"), "--as-of", "2026-05-03")
    assert code == 2
    assert len(err) == 1
    assert f"{office / 'kab.json'}:$.records[1].cycle:" in err[0]
    assert "LIFECYCLE-STATUS-AS-OF" in err[0]
    code, _, err = status(capsys, str(office / "kab.json"), "--as-of", "11/05/2026")
    assert (code, len(err)) == (2, 1)
    assert "--as-of: must be a day written YYYY-MM-DD" in err[0]
    code, _, err = status(capsys, str(office / "kab.json"), "--decision-days", "400")
    assert (code, len(err)) == (2, 1)
    assert "--decision-days:" in err[0]
    assert "LIFECYCLE-STATUS-SETTINGS" in err[0]
    code, _, err = status(capsys, str(tmp_path), "--as-of", "2026-05-11")  # an empty folder
    assert (code, len(err)) == (2, 1)
    assert "LIFECYCLE-STATUS-FILES" in err[0]


def test_the_installed_command_never_shows_a_traceback(office: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"kind": "cycle_records", "records": 3}', encoding="utf-8")
    result = run("status", str(broken), str(office / "kota.json"), "--as-of", "2026-05-11")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert all(line.startswith("asn-performance: error: ") for line in result.stderr.splitlines())
    assert f"{broken}:$" in result.stderr


def test_plan_versions_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    accepted = story.R.accept(by=story.FITRI.nip, at=story.wib(2026, 5, 6)).cycle
    path = tmp_path / "fitri.json"
    path.write_text(to_json(dump_cycle(accepted)), encoding="utf-8")
    assert main(["plan-versions", str(path)]) == 0
    # Version 1 from 1 Jan to the day before 1 May; Q1 lies in it; the year is version 2's.
    assert capsys.readouterr().out == (
        "SKP skp-2026-fitri: Fitri Handayani (198404042009031005), Tahunan 2026; stage:"
        " Evaluasi kinerja periodik\n"
        "versions [LIFECYCLE-REVISION]:\n"
        "  version 1: in force 2026-01-01 to 2026-04-30; agreed 2026-01-06T09:00+07:00\n"
        "  version 2: in force 2026-05-01 to 2026-12-31; agreed 2026-05-06T09:00+07:00\n"
        "      changes: indicator iki-1 target 12 layanan -> 10 layanan\n"
        "in force for each period [LIFECYCLE-PLAN-IN-FORCE]:\n"
        "  Triwulan I 2026 (2026-Q1, evaluated): version 1; in force for all of the period\n"
        "  Tahunan 2026 (2026, annual): version 2; the annual evaluation is of the final"
        " agreed version\n"
    )
    assert main(["plan-versions", str(path), "--period", "Triwulan III 2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["periods"] == [
        {
            "period": "2026-Q3",
            "source": "asked",
            "version": 2,
            "reason": "in force for all of the period",
        }
    ]
    assert [v["until"] for v in data["versions"]] == ["2026-04-30", "2026-12-31"]
    assert main(["plan-versions", str(path), "--period", "Kuartal 9"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith("asn-performance: error: --period:")


def test_review_every_bad_period_and_an_unreadable_file_named_with_rule_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Review: two bad --period values were reported as the first alone; a file that cannot be
    # read gave a line without rule or fix. By hand: "Kuartal 9" and "xx" are no period (2
    # lines, both PERIOD-FORMAT), "Triwulan III 2026" is one; a missing file: rule
    # LIFECYCLE-STATUS-FILES and a fix.
    path = tmp_path / "fitri.json"
    path.write_text(to_json(dump_cycle(story.R)), encoding="utf-8")
    periods = ["--period", "Kuartal 9", "--period", "Triwulan III 2026", "--period", "xx"]
    assert main(["plan-versions", str(path), *periods]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2, err
    assert all(line.startswith("asn-performance: error: --period:") for line in err)
    assert ["rule PERIOD-FORMAT" in line for line in err] == [True, True]
    assert ("'Kuartal 9'" in err[0], "'xx'" in err[1]) == (True, True)
    missing = tmp_path / "missing.json"
    assert main(["status", str(missing), "--as-of", "2026-05-11"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"asn-performance: error: {missing}: cannot read the file")
    assert "rule LIFECYCLE-STATUS-FILES. Fix: check the path" in err[0]
