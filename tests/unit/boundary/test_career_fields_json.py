"""Issue 13 item 4: the career fields of an employee at the JSON boundary (employee object and
roster document): read, refused with every problem at its JSON path, and written back losslessly.
"""

from __future__ import annotations

from typing import Any

import pytest

from asn_performance.boundary.cycle_document import dump_roster, load_roster
from asn_performance.boundary.part_documents import dump_employee, load_employee
from asn_performance.domain.rank import Golongan
from asn_performance.exceptions import AsnPerformanceError

HEAD = "197001012000031001"  # TMT CPNS 2000-03-01
PNS = "198609262015051001"  # TMT CPNS 2015-05-01


def record(nip: str = PNS, superior: str | None = None, **career: Any) -> dict[str, Any]:
    return {
        "nip": nip,
        "name": "Rina",
        "position": {"kind": "pelaksana", "title": "Pengadministrasi Umum", "jenjang": None},
        "unit": "Bagian Umum",
        "superior_nip": superior,
        **career,
    }


CAREER = {
    "golongan": "III/b",
    "tmt_pangkat": "2021-04-01",
    "tmt_jabatan": "2019-01-02",
    "tmt_cpns": "2015-05-01",
}


def test_employee_round_trip_with_career_data() -> None:
    employee = load_employee(record(**CAREER))
    assert employee.golongan is Golongan.III_B
    assert dump_employee(employee) == record(**CAREER)
    assert load_employee(dump_employee(employee)) == employee


def test_spellings_are_read_and_written_as_the_code() -> None:
    employee = load_employee(record(golongan="Penata Muda Tk. I"))
    assert dump_employee(employee)["golongan"] == "III/b"


def test_an_old_record_stays_valid_and_unchanged() -> None:
    assert dump_employee(load_employee(record())) == record()


def test_every_problem_at_its_json_path() -> None:
    bad = record(golongan_pppk="IX", tmt_pangkat="2010-01-01", tmt_cpns="2015-06-01")
    with pytest.raises(AsnPerformanceError) as caught:
        load_employee(bad)
    assert [(p.path, p.rule) for p in caught.value.problems] == [
        ("$.golongan_pppk", "EMPLOYEE-GOLONGAN-KIND"),
        ("$.tmt_pangkat", "EMPLOYEE-TMT-ORDER"),
        ("$.tmt_cpns", "EMPLOYEE-TMT-CPNS"),
    ]


def test_roster_round_trip_carries_the_career_data() -> None:
    document = {
        "schema_version": "1",
        "kind": "roster",
        "employees": [
            record(HEAD, golongan="IV/b", tmt_cpns="2000-03-01"),
            record(PNS, HEAD, **CAREER),
        ],
    }
    roster = load_roster(document)
    assert dump_roster(roster) == document
    assert load_roster(dump_roster(roster)) == roster


def test_roster_problem_under_the_employee() -> None:
    document = {
        "schema_version": "1",
        "kind": "roster",
        "employees": [record(HEAD), record(PNS, HEAD, tmt_cpns="2015-05-02")],
    }
    with pytest.raises(AsnPerformanceError) as caught:
        load_roster(document)
    assert caught.value.path == "$.employees[1].tmt_cpns"
