"""The rewards and calibrate commands, run as a user would: the entry point in a subprocess.

Every expected number is worked by hand in a comment next to it.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))

TEACHER = "198609262015051001"  # Ahli Muda, Sangat Baik in the sample
NURSE = "199302142017012003"  # Terampil, Butuh Perbaikan (hasil kerja Di Bawah)
ANALYST = "199010102015031001"  # Analis Perizinan, Ahli Pertama


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command, input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    result = run("sample")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture
def sample_file(sample: dict[str, Any], tmp_path: Path) -> Path:
    return write(tmp_path / "sample.json", sample)


def monthly_document(sample: dict[str, Any]) -> dict[str, Any]:
    """The analyst (Ahli Pertama) appraised for March and April 2025 instead of the year.

    March: hasil Di Atas, perilaku Sesuai → Baik; April: hasil Di Bawah, perilaku Sesuai →
    Butuh Perbaikan (PermenPANRB 6/2022 matrix).
    """
    data = copy.deepcopy(sample)
    plan = next(p for p in data["plans"] if p["employee_nip"] == ANALYST)
    lead = next(
        a
        for a in data["assessments"]
        if a["plan_id"] == plan["id"] and a["role"] == "pejabat_penilai"
    )
    plans, assessments = [], []
    for month, hasil, given_on in (
        ("2025-03", "di_atas_ekspektasi", "2025-04-03"),
        ("2025-04", "di_bawah_ekspektasi", "2025-05-05"),
    ):
        plans.append({**plan, "id": f"skp-{month}", "period": month})
        assessments.append(
            {
                **lead,
                "plan_id": f"skp-{month}",
                "period": month,
                "given_on": given_on,
                "hasil_kerja": hasil,
                "perilaku_kerja": "sesuai_ekspektasi",
            }
        )
    data["plans"], data["assessments"] = plans, assessments
    data["reward_inputs"] = {
        ANALYST: {
            "kelas": 7,
            "attendance": {"2025-03": {"days_absent": 1, "minutes_late_or_early": 30}},
            "prior_angka_kredit": "48.5",
            "result_received_on": "2025-05-06",
        }
    }
    return data


# --- rewards ------------------------------------------------------------------------------------


def test_rewards_of_the_sample_under_the_national_policy(sample_file: Path) -> None:
    result = run("rewards", str(sample_file))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert out.startswith("Rewards under national 2025.1 — Contoh unit kerja")
    *employees, totals = out.split("\n\n")[1:-1]
    blocks = {block.split("  ", 1)[0]: block for block in employees}
    assert len(blocks) == 11
    # Unit totals: annual plans only, so no allowance; the 5 JF holders each earned one year's
    # angka kredit (3.75 to 37.50), below both minimums (20 to 200); pembinaan for the one
    # Kurang (the PPPK clerk).
    assert totals.splitlines() == [
        "Unit totals: 11 employees, 0 paid an allowance",
        "  allowance, all periods  Rp 0 + Rp 0 = Rp 0",
        "  angka kredit minimum    reached by 0, short for 5",
        "  pembinaan               1",
    ]
    teacher = blocks[TEACHER]
    # Ahli Muda, Sangat Baik: 150 % × 25 = 37.50; pangkat minimum 100 → short by 62.50;
    # jenjang minimum 200 → short by 162.50.
    assert "angka kredit  37.50 (2025: 37.50)" in teacher
    assert "minimum for pangkat 100: short by 62.50" in teacher
    assert "minimum for jenjang 200: short by 162.50" in teacher
    assert "kenaikan jenjang JF: yes" in teacher
    assert "Certificate of recognition" in teacher  # RecognitionKind.label_en
    nurse = blocks[NURSE]
    # Terampil, Butuh Perbaikan: 75 % × 5 = 3.75. Hasil kerja Di Bawah: targets not met; the
    # pejabat penilai gave the result on 2026-01-12, so the 6 months run 2026-01-13 to
    # 2026-07-12, the placement of at most 1 year ends 2027-07-12.
    assert "angka kredit  3.75" in nurse
    assert "improve 2026-01-13 to 2026-07-12" in nurse
    assert "placement to 2027-07-12" in nurse
    assert "dismissal recommendation from 2027-07-13" in nurse
    assert "improve hasil kerja as a whole" in nurse
    clerk = blocks["199203152022211002"]  # PPPK, Kurang/Misconduct, not a JF
    assert "pembinaan" in clerk
    assert "a PPPK holds no pangkat" in clerk
    assert "  angka kredit  " not in clerk
    assert "2025: not a jabatan fungsional; no angka kredit" in clerk
    assert out.rstrip().endswith("11 employees; policy national 2025.1")


def test_rewards_json_is_one_outcome_per_employee(sample_file: Path) -> None:
    result = run("rewards", str(sample_file), "--json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["policy"] == {"name": "national", "version": "2025.1"}
    data = record["outcomes"]
    assert len(data) == 11
    assert record["totals"] == {
        "rule": "UNIT-REWARD-TOTALS",
        "employees": 11,
        "paid": 0,
        "periods": [],
        "performance_paid": "0",
        "attendance_paid": "0",
        "total": "0",
        "minimum_reached": 0,
        "minimum_short": 5,
        "pembinaan": 1,
    }
    teacher = next(item for item in data if item["nip"] == TEACHER)
    assert teacher["policy"] == "national"
    assert teacher["angka_kredit"]["shown"] == "37.50"
    assert [m["reached"] for m in teacher["minimums"]] == [False, False]
    assert teacher["recognition"]["items"][0] == "certificate"
    assert teacher["allowances"] == []


def test_rewards_of_monthly_appraisals_under_the_kemnaker_policy(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    path = write(tmp_path / "monthly.json", monthly_document(sample))
    result = run("rewards", str(path), "--policy", "kemnaker_2025", "--json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    (outcome,) = record["outcomes"]
    march, april = outcome["allowances"]
    # March, Baik, kelas 7 (tukin pokok 3,915,950): performance 3,915,950 × 70 % × 100 % =
    # 2,741,165; cuts 1 day × 3 % + 30 min × 0.01 % = 3.3 %; attendance 3,915,950 × 30 % ×
    # 96.7 % = 1,136,017.095 → 1,136,017; total 3,877,182.
    assert (march["performance_paid"], march["cut_percent"]) == ("2741165", "3.3")
    assert (march["attendance"], march["attendance_paid"]) == ("1136017.095", "1136017")
    assert march["total"] == "3877182"
    # April, Butuh Perbaikan, no attendance record: 3,915,950 × 70 % × 85 % = 2,329,990.25
    # → 2,329,990; attendance 1,174,785 uncut; total 3,504,775.
    assert (april["performance_paid"], april["attendance_paid"]) == ("2329990", "1174785")
    assert april["total"] == "3504775"
    assert "allowance 2025-04: no attendance record; no cuts applied" in outcome["notes"]
    # Angka kredit, Ahli Pertama (12.5): (1 × 100 % + 1 × 75 %) × 12.5 / 12 = 1.8229166…,
    # plus 48.5 held = 50.3229166… → 50.32: the pangkat minimum of 50 is reached; the jenjang
    # minimum of 100 is short by 49.6770833… → 49.68.
    assert outcome["angka_kredit"]["shown"] == "50.32"
    pangkat, jenjang = outcome["minimums"]
    assert (pangkat["reached"], jenjang["reached"], jenjang["shortfall"]) == (True, False, "49.68")
    # April's hasil kerja Di Bawah: targets not met, counted from the day received, 2025-05-06.
    stages = outcome["consequences"]["timeline"]["stages"]
    assert (stages[0]["starts_on"], stages[0]["ends_on"]) == ("2025-05-07", "2025-11-06")
    assert outcome["development"]["hasil_kerja_below"] is True
    assert outcome["career"] == []
    # The unit's totals add what is paid: March 3,877,182; April 3,504,775; performance
    # 2,741,165 + 2,329,990 = 5,071,155; attendance 1,136,017 + 1,174,785 = 2,310,802;
    # together 7,381,957 (= 3,877,182 + 3,504,775).
    totals = record["totals"]
    assert [(p["period"], p["employees"], p["total"]) for p in totals["periods"]] == [
        ("2025-03", 1, "3877182"),
        ("2025-04", 1, "3504775"),
    ]
    assert (totals["performance_paid"], totals["attendance_paid"]) == ("5071155", "2310802")
    assert (totals["total"], totals["paid"], totals["employees"]) == ("7381957", 1, 1)
    # Ahli Pertama at 50.32: the pangkat minimum (50) reached, the jenjang one (100) not.
    assert (totals["minimum_reached"], totals["minimum_short"]) == (0, 1)


def test_the_rewards_table_shows_the_allowance_in_rupiah(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    path = write(tmp_path / "monthly.json", monthly_document(sample))
    result = run("rewards", str(path), "--policy", "kemnaker_2025")
    assert result.returncode == 0, result.stderr
    assert "2025-03 Baik, kelas 7: Rp 2,741,165 + Rp 1,136,017 = Rp 3,877,182" in result.stdout
    assert "2025-04 Butuh Perbaikan, kelas 7: Rp 2,329,990 + Rp 1,174,785 = Rp 3,504,775" in (
        result.stdout
    )
    assert "50.32 (48.5 held + 2025-03: 1.04, 2025-04: 0.78)" in result.stdout
    assert "  allowance 2025-03       1 paid: Rp 2,741,165 + Rp 1,136,017 = Rp 3,877,182" in (
        result.stdout
    )
    assert "  allowance, all periods  Rp 5,071,155 + Rp 2,310,802 = Rp 7,381,957" in (result.stdout)


def test_rewards_with_a_policy_file(sample: dict[str, Any], tmp_path: Path) -> None:
    policy = tmp_path / "tpp.toml"
    policy.write_text(
        """schema_version = "1"
name = "tpp-contoh"
version = "1"

[allowance]
name = "tpp"
version = "1"
citation = "Perbup contoh"
performance_share = 60
attendance_share = 40
base = { 7 = 4200000 }
performance_percentage = { sangat_baik = 100, baik = 90, butuh_perbaikan = 75, kurang = 50, \
sangat_kurang = 25 }
cuts = { per_day_absent = 4, per_missing_check = "1.5", per_minute = "0.02", \
per_missed_ceremony = 2 }
""",
        encoding="utf-8",
    )
    path = write(tmp_path / "monthly.json", monthly_document(sample))
    result = run("rewards", str(path), "--policy", str(policy), "--json")
    assert result.returncode == 0, result.stderr
    (outcome,) = json.loads(result.stdout)["outcomes"]
    # March, Baik: 4,200,000 × 60 % × 90 % = 2,268,000; cuts 4 % + 30 × 0.02 % = 4.6 %;
    # attendance 4,200,000 × 40 % × 95.4 % = 1,602,720; total 3,870,720.
    assert outcome["allowances"][0]["total"] == "3870720"
    # Only the allowance table is present: no angka kredit, career or consequences.
    assert outcome["angka_kredit"] is None
    assert outcome["consequences"] is None
    assert outcome["policy"] == "tpp-contoh"


def test_a_bad_policy_file_gives_one_line_with_the_file_and_the_path(
    sample_file: Path, tmp_path: Path
) -> None:
    policy = tmp_path / "bad.toml"
    policy.write_text(
        'schema_version = "1"\nname = "x"\nversion = "1"\n[allowance]\nperformance_share = 0.7\n',
        encoding="utf-8",
    )
    line = one_error_line(run("rewards", str(sample_file), "--policy", str(policy)))
    assert f"policy {policy}: $.allowance.performance_share" in line
    assert "D5-EXACT" in line
    assert 'write 0.7 as "0.7"' in line


def test_an_unknown_key_in_a_json_policy_names_its_path(sample_file: Path, tmp_path: Path) -> None:
    policy = write(
        tmp_path / "bad.json",
        {"schema_version": "1", "name": "x", "version": "1", "career": {"minimun": "baik"}},
    )
    line = one_error_line(run("rewards", str(sample_file), "--policy", str(policy)))
    assert "$.career.minimun" in line
    assert "SCHEMA-extra_forbidden" in line


def test_an_unknown_policy_name_lists_the_builtin_policies(sample_file: Path) -> None:
    line = one_error_line(run("rewards", str(sample_file), "--policy", "kemnaker"))
    assert "POLICY-BUILTIN" in line
    assert "kemnaker_2025, national, pemda_contoh_tpp" in line


def test_a_missing_policy_file_names_the_file(sample_file: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    line = one_error_line(run("rewards", str(sample_file), "--policy", str(missing)))
    assert str(missing) in line


def test_a_kelas_missing_from_the_allowance_is_reported_at_the_reward_inputs(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    data = monthly_document(sample)
    data["reward_inputs"][ANALYST]["kelas"] = 18  # Kemnaker's table has kelas 1-17 only
    path = write(tmp_path / "monthly.json", data)
    line = one_error_line(run("rewards", str(path), "--policy", "kemnaker_2025"))
    assert f"$.reward_inputs['{ANALYST}'].kelas" in line
    assert "TUKIN-KELAS" in line


def test_reward_inputs_for_someone_not_in_the_document_are_refused(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    data = copy.deepcopy(sample)
    data["reward_inputs"] = {"198001012005011001": {"kelas": 7}}
    line = one_error_line(run("rewards", str(write(tmp_path / "d.json", data))))
    assert "$.reward_inputs['198001012005011001']" in line
    assert "SCHEMA-unknown_reference" in line


# --- calibrate ----------------------------------------------------------------------------------


def test_calibrate_the_sample_finds_no_violation(sample_file: Path) -> None:
    result = run("calibrate", str(sample_file))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # 11 employees: 1 Sangat Baik, 7 Baik, 2 Butuh Perbaikan, 1 Kurang. Organisation Baik:
    # at most 70 % Baik allows floor(7.7) = 7 (7 of 11 = 63.64 %); at least 1 Butuh Perbaikan
    # and/or Kurang: 3 (27.27 %).
    assert "organisation predikat Baik, 11 employees, strict rounding (D4)" in out
    assert "Sangat Baik 1, Baik 7, Butuh Perbaikan 2, Kurang/Misconduct 1, Sangat Kurang 0" in out
    assert "Baik: 7 of 11 (63.64 %); at most 70 % allows 7 of 11" in out
    assert "Butuh Perbaikan dan/atau Kurang/Misconduct: 3 of 11 (27.27 %); at least 1: ok" in out
    assert out.rstrip().endswith("=> within the distribution")


def test_calibrate_json_of_a_document_is_a_list_of_reports(sample_file: Path) -> None:
    result = run("calibrate", str(sample_file), "--json", "--rounding", "lenient")
    assert result.returncode == 0, result.stderr
    (report,) = json.loads(result.stdout)
    assert (report["rounding"], report["ok"], report["total"]) == ("lenient", True, 11)
    # Lenient: at most 70 % of 11 allows ceil(7.7) = 8.
    assert report["checks"][0]["threshold"] == 8


def test_calibrate_reports_every_violation_with_counts_and_percentages(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    data = copy.deepcopy(sample)
    data["organisation_predikat"] = "butuh_perbaikan"
    path = write(tmp_path / "bp.json", data)
    result = run("calibrate", str(path))
    assert result.returncode == 0, result.stderr
    # Organisation Butuh Perbaikan, 11 employees: at least 60 % Butuh Perbaikan needs
    # ceil(6.6) = 7, there are 2 (18.18 %); Sangat Baik at most 10 % allows floor(1.1) = 1,
    # there is 1 (9.09 %). But the head leads the unit: her rating hasil kerja follows the
    # organisation (D3: Di Bawah), perilaku Di Atas → Butuh Perbaikan: 3 (27.27 %).
    out = result.stdout
    assert "Butuh Perbaikan: 3 of 11 (27.27 %); at least 60 % needs 7 of 11" in out
    assert "VIOLATED" in out
    assert "Sangat Baik: 1 of 11 (9.09 %); at most 10 % allows 1 of 11" in out
    assert out.rstrip().endswith("=> 1 violation(s)")


def test_calibrate_a_units_document_for_oversight(tmp_path: Path) -> None:
    units = {
        "title": "Pengawasan contoh",
        "units": [
            {
                "unit": "Dinas Pendidikan",
                "organisation_predikat": "baik",
                "counts": {"sangat_baik": 2, "baik": 8},
            },
            {
                "unit": "Dinas Kesehatan",
                "organisation_predikat": "Baik",
                "counts": {"sangat_baik": 2, "baik": 7, "butuh_perbaikan": 1},
            },
            {
                "unit": "Kecamatan Serang",
                "organisation_predikat": "sangat_kurang",
                "counts": {"sangat_baik": 1, "baik": 1, "kurang": 2, "sangat_kurang": 6},
            },
        ],
    }
    path = write(tmp_path / "units.json", units)
    result = run("calibrate", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Pengawasan contoh"
    assert lines[1].startswith("3 units, 30 employees, 2 unit(s) with violations")
    violations = [line for line in lines if line.startswith("  - ")]
    # Dinas Pendidikan: 8 Baik of 10 = 80 % > 70 % (7 allowed); no Butuh Perbaikan or Kurang.
    # Kecamatan Serang (Sangat Kurang): 1 Sangat Baik of 10 = 10 %, none allowed.
    assert violations == [
        "  - Dinas Pendidikan: Baik: 8 of 10 (80.00 %); at most 70 % allows 7 of 10"
        " (strict rounding: floor): VIOLATED",
        "  - Dinas Pendidikan: Butuh Perbaikan dan/atau Kurang/Misconduct: 0 of 10 (0.00 %);"
        " at least 1: VIOLATED",
        "  - Kecamatan Serang: Sangat Baik: 1 of 10 (10.00 %); none allowed: VIOLATED",
    ]
    data = json.loads(run("calibrate", str(path), "--json").stdout)
    assert (data["units_checked"], data["employees"], data["units_with_violations"]) == (3, 30, 2)
    assert [u["ok"] for u in data["units"]] == [False, True, False]
    assert data["units"][0]["violations"][0]["percent"] == "80.00"


def test_rounding_decides_a_small_unit(tmp_path: Path) -> None:
    units = {
        "units": [
            {"unit": "Tim", "organisation_predikat": "istimewa", "counts": {"sangat_baik": 3}}
        ]
    }
    path = write(tmp_path / "small.json", units)
    # Istimewa: at most 70 % Sangat Baik of 3 = 2.1: strictly 2 allowed, leniently 3.
    assert "1 unit(s) with violations" in run("calibrate", str(path)).stdout
    assert (
        "0 unit(s) with violations" in run("calibrate", str(path), "--rounding", "lenient").stdout
    )


def test_calibrate_without_the_organisation_predikat_gives_one_line(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    data = copy.deepcopy(sample)
    data["organisation_predikat"] = None
    data["plans"] = [p for p in data["plans"] if not p["leads_unit"]]
    kept = {p["id"] for p in data["plans"]}
    data["assessments"] = [a for a in data["assessments"] if a["plan_id"] in kept]
    line = one_error_line(run("calibrate", str(write(tmp_path / "d.json", data))))
    assert "$.organisation_predikat" in line
    assert "SE3/2023-DISTRIBUTION" in line


def test_a_negative_count_in_a_units_document_names_its_path(tmp_path: Path) -> None:
    units = {"units": [{"unit": "A", "organisation_predikat": "baik", "counts": {"baik": -1}}]}
    line = one_error_line(run("calibrate", str(write(tmp_path / "u.json", units))))
    assert "$.units[0].counts.baik" in line


def test_calibrate_reads_standard_input(sample_file: Path) -> None:
    result = run("calibrate", "-", stdin=sample_file.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert "within the distribution" in result.stdout
