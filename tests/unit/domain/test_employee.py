"""Tests for :mod:`asn_performance.domain.employee` (*pegawai*, *jabatan*, *jenjang*).

A jabatan fungsional has a jenjang (PermenPANRB 1/2023); other kinds of position do not.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from asn_performance import Employee, Jenjang, Nip, Position, PositionKind
from asn_performance.exceptions import InputError, LabelError

UNIT_NAME = "Subbagian Perencanaan, Biro Perencanaan"
EMPLOYEE_NIP = "198609262015051001"  # 19860926 201505 1 001
HEAD_NIP = "196812251993021001"  # 19681225 199302 1 001


def _analyst() -> Position:
    return Position(PositionKind.FUNGSIONAL, "Analis Kebijakan", Jenjang.AHLI_MUDA)


def test_a_jabatan_fungsional_with_its_jenjang_is_accepted() -> None:
    position = _analyst()
    assert position.jenjang is Jenjang.AHLI_MUDA
    assert position.kind is PositionKind.FUNGSIONAL


def test_a_jabatan_fungsional_without_a_jenjang_is_refused() -> None:
    with pytest.raises(InputError) as info:
        Position(PositionKind.FUNGSIONAL, "Analis Kebijakan")
    error = info.value
    assert error.rule == "POSITION-JENJANG"
    assert error.path == "jenjang"
    assert "jenjang" in str(error)


@pytest.mark.parametrize(
    "kind",
    [PositionKind.JPT, PositionKind.ADMINISTRATOR, PositionKind.PENGAWAS, PositionKind.PELAKSANA],
)
def test_a_position_that_is_not_fungsional_cannot_have_a_jenjang(kind: PositionKind) -> None:
    with pytest.raises(InputError) as info:
        Position(kind, "Kepala", Jenjang.AHLI_MADYA)
    error = info.value
    assert error.rule == "POSITION-JENJANG"
    assert error.path == "jenjang"
    assert error.value == "ahli_madya"
    assert kind.label_id in str(error)


def test_a_position_kind_given_as_text_is_refused_with_the_field_named() -> None:
    with pytest.raises(InputError) as info:
        Position("fungsional", "Analis", Jenjang.AHLI_MUDA)  # type: ignore[arg-type]
    assert info.value.rule == "TYPE"
    assert info.value.path == "kind"


def test_an_empty_title_is_refused() -> None:
    with pytest.raises(InputError) as info:
        Position(PositionKind.PELAKSANA, "   ")
    assert info.value.rule == "TEXT"
    assert info.value.path == "title"


def test_jenjang_know_their_category() -> None:
    assert Jenjang.AHLI_PERTAMA.is_keahlian
    assert Jenjang.AHLI_UTAMA.is_keahlian
    assert not Jenjang.PEMULA.is_keahlian
    assert not Jenjang.PENYELIA.is_keahlian


def test_position_kinds_parse_from_common_abbreviations() -> None:
    assert PositionKind.parse("JF") is PositionKind.FUNGSIONAL
    assert PositionKind.parse("Jabatan Pimpinan Tinggi") is PositionKind.JPT


def test_an_employee_holds_a_nip_a_name_a_position_and_a_unit(unit: Any) -> None:
    employee = unit.employee
    assert employee.nip == Nip(EMPLOYEE_NIP)
    assert employee.superior_nip == unit.supervisor.nip
    assert employee.unit == UNIT_NAME


def test_every_employee_of_the_unit_has_a_distinct_valid_nip(
    unit: Any, nips: dict[str, str]
) -> None:
    held = [person.nip for person in unit.everyone]
    assert len(set(held)) == len(held) == len(nips)
    assert {nip.digits for nip in held} == set(nips.values())


def test_an_employee_cannot_be_their_own_superior() -> None:
    nip = Nip(EMPLOYEE_NIP)
    with pytest.raises(InputError) as info:
        Employee(nip, "Budi Santoso", _analyst(), UNIT_NAME, superior_nip=nip)
    error = info.value
    assert error.rule == "EMPLOYEE-SUPERIOR"
    assert error.path == "superior_nip"
    assert error.value == EMPLOYEE_NIP
    assert EMPLOYEE_NIP in str(error)


def test_the_head_of_an_instansi_has_no_superior() -> None:
    head = Employee(Nip(HEAD_NIP), "Ahmad Hidayat", _analyst(), UNIT_NAME)
    assert head.superior_nip is None


def test_a_nip_given_as_text_is_refused_with_the_field_named() -> None:
    with pytest.raises(InputError) as info:
        Employee(EMPLOYEE_NIP, "Budi", _analyst(), UNIT_NAME)  # type: ignore[arg-type]
    assert info.value.rule == "TYPE"
    assert info.value.path == "nip"


def test_an_empty_name_is_refused() -> None:
    with pytest.raises(InputError) as info:
        Employee(Nip(EMPLOYEE_NIP), "", _analyst(), UNIT_NAME)
    assert info.value.rule == "TEXT"
    assert info.value.path == "name"


def test_employees_are_immutable(unit: Any) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        unit.employee.name = "Someone else"  # type: ignore[misc]


# --- bad input: a library error, never a crash nor a silent pass ---


def test_ja_is_not_a_synonym_of_pelaksana() -> None:
    # Jabatan administrasi covers administrator, pengawas and pelaksana alike.
    with pytest.raises(LabelError):
        PositionKind.parse("JA")
