"""Issue 13 item 4: the golongan tables (domain/rank.py) and the career data of an Employee.

Every expected value is worked by hand from the tables in docs/explanation/career.md (PP 99/2000
Lampiran as amended by PP 12/2002) and from the NIP layout (Perka BKN 22/2007: digits 9-14 are
the year and month of the appointment as CPNS, day 1).
"""

from __future__ import annotations

import datetime as dt

import pytest

from asn_performance.domain.employee import Employee, Jenjang, Position, PositionKind
from asn_performance.domain.nip import Nip
from asn_performance.domain.rank import Golongan, GolonganPppk
from asn_performance.exceptions import InputError, LabelError

PNS = Nip("198609262015051001")  # born 1986-09-26, TMT CPNS 2015-05 -> 2015-05-01
PPPK = Nip("200012312024211001")  # NI PPPK: digit 13 is '2'
JF = Position(PositionKind.FUNGSIONAL, "Analis Kebijakan", Jenjang.AHLI_PERTAMA)


def employee(nip: Nip = PNS, **career: object) -> Employee:
    return Employee(nip, "Rina", JF, "Bagian Umum", **career)  # type: ignore[arg-type]


# --- the table -----------------------------------------------------------------------------


def test_seventeen_ruang_in_the_order_of_promotion() -> None:
    # I/a-I/d, II/a-II/d, III/a-III/d (4 each) and IV/a-IV/e (5): 4 + 4 + 4 + 5 = 17.
    codes = [g.code for g in Golongan]
    assert len(codes) == 17
    assert codes[0] == "I/a"
    assert codes[8] == "III/a"
    assert codes[-1] == "IV/e"
    assert Golongan.I_A < Golongan.I_B < Golongan.II_A < Golongan.IV_E
    assert Golongan.III_D >= Golongan.III_D
    assert not Golongan.IV_A <= Golongan.III_D
    assert sorted([Golongan.IV_A, Golongan.I_C, Golongan.III_B]) == [
        Golongan.I_C,
        Golongan.III_B,
        Golongan.IV_A,
    ]


def test_pangkat_names_and_labels() -> None:
    assert Golongan.I_A.pangkat == "Juru Muda"
    assert Golongan.II_B.pangkat == "Pengatur Muda Tingkat I"
    assert Golongan.III_A.label_id == "Penata Muda, III/a"
    assert Golongan.IV_C.pangkat == "Pembina Utama Muda"
    assert Golongan.IV_E.pangkat == "Pembina Utama"
    assert Golongan.III_C.group == "III"


def test_next_ruang_and_the_ceiling() -> None:
    assert Golongan.III_D.next is Golongan.IV_A  # III/d -> IV/a across the golongan
    assert Golongan.II_D.next is Golongan.III_A
    assert Golongan.IV_E.next is None  # Pembina Utama is the highest


@pytest.mark.parametrize(
    "text", ["III/a", "III a", "3a", "IIIa", "iii/A", "3/a", "Penata Muda", "PENATA MUDA"]
)
def test_parse_aliases(text: str) -> None:
    assert Golongan.parse(text) is Golongan.III_A


def test_parse_tingkat_i_spellings() -> None:
    for text in ("Penata Muda Tingkat I", "Penata Muda Tk. I", "penata muda tk.i", "3b"):
        assert Golongan.parse(text) is Golongan.III_B


def test_parse_never_matches_part_of_a_label() -> None:
    # "Pembina Utama" is IV/e, not IV/c or IV/d; "Penata" is III/c itself, not III/a.
    assert Golongan.parse("Pembina Utama") is Golongan.IV_E
    assert Golongan.parse("Penata") is Golongan.III_C
    for text in ("Muda", "Utama Muda", "III", "Pembina Utama Mud", "IIIaa", "5a"):
        with pytest.raises(LabelError):
            Golongan.parse(text)


def test_pppk_grades_i_to_xvii_unconfirmed() -> None:
    assert len(GolonganPppk) == 17
    assert GolonganPppk.parse("Golongan IX") is GolonganPppk.IX
    assert GolonganPppk.parse("9") is GolonganPppk.IX
    assert GolonganPppk.IX.number == 9
    assert GolonganPppk.XVII.next is None
    assert GolonganPppk.I < GolonganPppk.XVII
    assert not GolonganPppk.IX.confirmed


# --- the employee's career data ------------------------------------------------------------


def test_no_career_data_is_what_it_always_was() -> None:
    record = employee().to_dict()
    assert set(record) == {"nip", "name", "position", "unit", "superior_nip"}


def test_tmt_cpns_agrees_with_the_nip() -> None:
    # 198609262015051001: digits 9-14 are 201505 -> TMT CPNS 2015-05-01.
    e = employee(tmt_cpns=dt.date(2015, 5, 1), golongan=Golongan.III_B)
    assert e.appointment_as_cpns == dt.date(2015, 5, 1)
    assert e.to_dict()["tmt_cpns"] == "2015-05-01"
    assert e.to_dict()["golongan"] == "III/b"
    # Without tmt_cpns the NIP still gives it.
    assert employee().appointment_as_cpns == dt.date(2015, 5, 1)


def test_tmt_cpns_disagreeing_with_the_nip_gives_the_fix() -> None:
    with pytest.raises(InputError) as caught:
        employee(tmt_cpns=dt.date(2015, 6, 1))
    error = caught.value
    assert (error.path, error.rule) == ("tmt_cpns", "EMPLOYEE-TMT-CPNS")
    assert error.fix is not None
    assert "2015-05-01" in error.fix


def test_wrong_kind_of_golongan_for_the_nip() -> None:
    with pytest.raises(InputError) as pns:
        employee(golongan_pppk=GolonganPppk.IX)
    assert (pns.value.path, pns.value.rule) == ("golongan_pppk", "EMPLOYEE-GOLONGAN-KIND")
    with pytest.raises(InputError) as pppk:
        employee(PPPK, golongan=Golongan.III_A)
    assert (pppk.value.path, pppk.value.rule) == ("golongan", "EMPLOYEE-GOLONGAN-KIND")
    assert employee(PPPK, golongan_pppk=GolonganPppk.IX).golongan_pppk is GolonganPppk.IX


def test_a_pppk_has_no_tmt_pangkat_nor_tmt_cpns() -> None:
    with pytest.raises(InputError) as caught:
        employee(PPPK, tmt_pangkat=dt.date(2024, 1, 1), tmt_cpns=dt.date(2024, 1, 1))
    assert [(p.path, p.rule) for p in caught.value.problems] == [
        ("tmt_pangkat", "EMPLOYEE-GOLONGAN-KIND"),
        ("tmt_cpns", "EMPLOYEE-TMT-CPNS"),
    ]


def test_tmt_before_the_appointment_as_cpns() -> None:
    # TMT CPNS 2015-05-01 (from the NIP): 2015-04-30 is one day before.
    with pytest.raises(InputError) as caught:
        employee(tmt_pangkat=dt.date(2015, 4, 30))
    assert (caught.value.path, caught.value.rule) == ("tmt_pangkat", "EMPLOYEE-TMT-ORDER")
    assert employee(tmt_pangkat=dt.date(2015, 5, 1)).tmt_pangkat == dt.date(2015, 5, 1)


def test_every_problem_in_one_error_in_field_order() -> None:
    with pytest.raises(InputError) as caught:
        employee(
            golongan="III/a",
            golongan_pppk=GolonganPppk.II,
            tmt_pangkat=dt.datetime(2020, 1, 1),  # noqa: DTZ001 - a datetime, refused
            tmt_jabatan=dt.date(2010, 1, 1),
            tmt_cpns=dt.date(2015, 1, 1),
        )
    assert [(p.path, p.rule) for p in caught.value.problems] == [
        ("golongan", "TYPE"),
        ("golongan_pppk", "EMPLOYEE-GOLONGAN-KIND"),
        ("tmt_pangkat", "TYPE"),
        ("tmt_jabatan", "EMPLOYEE-TMT-ORDER"),
        ("tmt_cpns", "EMPLOYEE-TMT-CPNS"),
    ]
    assert caught.value.count == 5
