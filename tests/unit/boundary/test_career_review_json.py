"""Review of issue 13 item 4 at the JSON boundary and of the error paths: a PPPK's career data
round trip, hostile values at their JSON paths, the full golongan table by hand, and
``AsnPerformanceError.with_paths`` (every problem moved, not only the first).
"""

from __future__ import annotations

from typing import Any

import pytest

from asn_performance.boundary.cycle_document import dump_roster, load_roster
from asn_performance.boundary.part_documents import dump_employee, load_employee
from asn_performance.domain.rank import Golongan, GolonganPppk
from asn_performance.exceptions import AsnPerformanceError, InputError, Problem

PNS = "198609262015051001"  # born 1986-09-26, TMT CPNS 2015-05-01
PPPK = "200012312024211001"  # born 2000-12-31, appointed as PPPK in 2024


def record(nip: str = PNS, superior: str | None = None, **career: Any) -> dict[str, Any]:
    return {
        "nip": nip,
        "name": "Rina",
        "position": {"kind": "fungsional", "title": "Pranata Komputer", "jenjang": "ahli_pertama"},
        "unit": "Bagian Umum",
        "superior_nip": superior,
        **career,
    }


def test_a_pppk_round_trip_with_its_grade_and_tmt_jabatan() -> None:
    data = record(PPPK, golongan_pppk="IX", tmt_jabatan="2024-03-01")
    employee = load_employee(data)
    assert employee.golongan_pppk is GolonganPppk.IX
    assert dump_employee(employee) == data
    assert load_employee(dump_employee(employee)) == employee
    # "Golongan 9" is read and written back as the code.
    assert dump_employee(load_employee(record(PPPK, golongan_pppk="Golongan 9"))) == record(
        PPPK, golongan_pppk="IX"
    )


def test_a_roster_with_every_career_field_round_trips() -> None:
    head = "197001012000031001"  # TMT CPNS 2000-03-01
    document = {
        "schema_version": "1",
        "kind": "roster",
        "employees": [
            record(
                head,
                golongan="IV/b",
                tmt_pangkat="2019-04-01",
                tmt_jabatan="2020-01-02",
                tmt_cpns="2000-03-01",
            ),
            record(PPPK, head, golongan_pppk="IX", tmt_jabatan="2024-03-01"),
        ],
    }
    roster = load_roster(document)
    assert dump_roster(roster) == document
    assert load_roster(dump_roster(roster)) == roster


@pytest.mark.parametrize(
    ("career", "expected"),
    [
        # a PPPK's jabatan before 1 January of its year of appointment (2024)
        ({"tmt_jabatan": "2023-12-31"}, [("$.employees[1].tmt_jabatan", "EMPLOYEE-TMT-ORDER")]),
        # a date that is no date, a golongan of a PNS for a PPPK: both at their paths
        (
            {"tmt_jabatan": "2024-02-30", "golongan": "III/a"},
            [
                ("$.employees[1].tmt_jabatan", "SCHEMA-date_from_datetime_parsing"),
            ],
        ),
        (
            {"golongan": "III/a", "tmt_cpns": "2024-01-01", "tmt_jabatan": "1999-01-01"},
            [
                ("$.employees[1].golongan", "EMPLOYEE-GOLONGAN-KIND"),
                ("$.employees[1].tmt_jabatan", "EMPLOYEE-TMT-ORDER"),
                ("$.employees[1].tmt_cpns", "EMPLOYEE-TMT-CPNS"),
            ],
        ),
    ],
)
def test_hostile_career_values_in_a_roster(
    career: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    head = "197001012000031001"
    document = {
        "schema_version": "1",
        "kind": "roster",
        "employees": [record(head), record(PPPK, head, **career)],
    }
    with pytest.raises(AsnPerformanceError) as caught:
        load_roster(document)
    assert [(p.path, p.rule) for p in caught.value.problems] == expected


def test_the_seventeen_pangkat_by_hand() -> None:
    # PP 99/2000 Lampiran as amended by PP 12/2002 (docs/explanation/career.md, Sources).
    assert [(g.code, g.pangkat) for g in Golongan] == [
        ("I/a", "Juru Muda"),
        ("I/b", "Juru Muda Tingkat I"),
        ("I/c", "Juru"),
        ("I/d", "Juru Tingkat I"),
        ("II/a", "Pengatur Muda"),
        ("II/b", "Pengatur Muda Tingkat I"),
        ("II/c", "Pengatur"),
        ("II/d", "Pengatur Tingkat I"),
        ("III/a", "Penata Muda"),
        ("III/b", "Penata Muda Tingkat I"),
        ("III/c", "Penata"),
        ("III/d", "Penata Tingkat I"),
        ("IV/a", "Pembina"),
        ("IV/b", "Pembina Tingkat I"),
        ("IV/c", "Pembina Utama Muda"),
        ("IV/d", "Pembina Utama Madya"),
        ("IV/e", "Pembina Utama"),
    ]
    # Whole labels only (D12): "Pembina Utama" is IV/e, "Juru" is I/c.
    assert Golongan.parse("Pembina Utama") is Golongan.IV_E
    assert Golongan.parse("juru") is Golongan.I_C
    assert Golongan.parse("Pengatur Tk. I") is Golongan.II_D


def test_with_paths_moves_every_problem() -> None:
    error = InputError(
        "first",
        path="assessments[0].role",
        value="x",
        rule="R",
        also=[
            Problem("second", "assessments[1].role", "y", "R", None),
            Problem("third", None, "z", "R", None),
        ],
    )
    renumbered = {"assessments[0].role": "assessments[22].role"}
    moved = error.with_paths(
        lambda path: "plans" if path is None else renumbered.get(path, path.replace("[1]", "[23]"))
    )
    assert [p.path for p in moved.problems] == [
        "assessments[22].role",
        "assessments[23].role",
        "plans",
    ]
    assert [p.path for p in error.problems] == [  # the original is unchanged
        "assessments[0].role",
        "assessments[1].role",
        None,
    ]
    assert isinstance(moved, InputError)
    assert moved.message == "first"
    # with_path moves the first only (as documented); at() places every one under a prefix.
    assert [p.path for p in error.with_path("$.x").problems][1:] == ["assessments[1].role", None]
    assert [p.path for p in error.at("$.plans[0]").problems] == [
        "$.plans[0].assessments[0].role",
        "$.plans[0].assessments[1].role",
        "$.plans[0]",
    ]
