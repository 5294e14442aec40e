"""``asn-performance cascade FILE [--html | --json]``, run as a user would (a subprocess).

The unit is the one of ``tests/unit/test_cascade.py`` (Dinas Pendidikan Kota Serang, made up
for the example), without its dangling link, so that the document loads.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from asn_performance.boundary.appraisal_document import AppraisalDocument, dump_document
from asn_performance.domain.employee import Employee, Position, PositionKind
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import Indicator, PerformancePlan, Target, WorkResult

EXE = shutil.which("asn-performance", path=str(Path(sys.executable).parent))
YEAR = Period.annual(2025)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [EXE, *args] if EXE else [sys.executable, "-m", "asn_performance.cli", *args]
    return subprocess.run(  # our own entry point, fixed arguments
        command, input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


def person(nip: str, name: str, kind: PositionKind) -> Employee:
    return Employee(Nip.parse(nip), name, Position(kind, name), "Dinas Pendidikan (contoh)")


SEKDA = person("196805171994031003", "Sekda", PositionKind.JPT)
KADIS = person("197003121995031002", "Kadis", PositionKind.JPT)
KABID = person("197805172003122001", "Kabid <b>", PositionKind.ADMINISTRATOR)


def rhk(ident: str, text: str, link: str | None = None) -> WorkResult:
    indicator = Indicator(f"{ident}-iki", "Persentase", Target.value(90, "%"))
    return WorkResult(ident, text, (indicator,), leader_work_result_id=link)


PLANS = (
    PerformancePlan(
        "skp-kadis",
        KADIS,
        SEKDA,
        YEAR,
        [rhk("rhk-1", "Meningkatnya angka kelulusan"), rhk("rhk-2", "Meningkatnya mutu guru")],
        leads_unit=True,
    ),
    PerformancePlan(
        "skp-kabid",
        KABID,
        KADIS,
        YEAR,
        [rhk("rhk-1", "Meningkatnya layanan SMP", "rhk-1"), rhk("rhk-2", "Laporan bidang")],
    ),
)

# By hand: the Kadis starts the tree (the Sekda has no plan here); the Kabid's rhk-1 is under the
# Kadis's rhk-1; the Kadis's rhk-2 has nobody below it; the Kabid's rhk-2 has no link. The Kabid
# leads no plan here, so its RHK are not "not intervened".
EXPECTED = """\
Cascade (intervensi) of 2 plan(s), 4 RHK: 1 not intervened, 1 not linked, 0 dangling, \
0 text differs, 0 circular
Tree (pohon kinerja):
  - rhk-1: Meningkatnya angka kelulusan (Kadis, 197003121995031002; skp-kadis)
    - rhk-1: Meningkatnya layanan SMP (Kabid <b>, 197805172003122001; skp-kabid)
  - rhk-2: Meningkatnya mutu guru (Kadis, 197003121995031002; skp-kadis) \
[Tidak diintervensi / not intervened]
Not linked (tidak terhubung ke RHK pimpinan):
  - rhk-2: Laporan bidang (Kabid <b>, 197805172003122001; skp-kabid) \
[Tidak terhubung ke RHK pimpinan / not linked]
"""


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = dump_document(AppraisalDocument(employees=(SEKDA, KADIS, KABID), plans=PLANS))
    path = tmp_path_factory.mktemp("cascade") / "unit.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_cascade_prints_the_text_tree(document: Path) -> None:
    result = run("cascade", str(document))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == EXPECTED


def test_cascade_reads_standard_input(document: Path) -> None:
    result = run("cascade", "-", stdin=document.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED


def test_cascade_html_escapes(document: Path) -> None:
    result = run("cascade", str(document), "--html")
    assert result.returncode == 0, result.stderr
    assert "Kabid &lt;b&gt;" in result.stdout
    assert "<b>Kabid" not in result.stdout
    assert result.stdout.startswith("<p>Cascade (intervensi) of 2 plan(s), 4 RHK:")


def test_cascade_json(document: Path) -> None:
    result = run("cascade", str(document), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["counts"]["not_intervened"] == 1
    assert data["roots"][0]["children"][0]["plan_id"] == "skp-kabid"


def test_bad_links_exit_2_with_one_line_each(document: Path, tmp_path: Path) -> None:
    data = json.loads(document.read_text(encoding="utf-8"))
    data["plans"][1]["work_results"][0]["leader_work_result_id"] = "rhk-9"
    data["plans"][1]["work_results"][1]["leader_work_result_id"] = "RHK YANG TIDAK ADA"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = run("cascade", str(bad))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert "$.plans[1].work_results[0].leader_work_result_id" in lines[0]
    assert "$.plans[1].work_results[1].leader_work_result_id" in lines[1]
    assert all("PLAN-CASCADE-LINK" in line for line in lines)


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("cascade", str(tmp_path / "none.json"))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
