"""Tests for :mod:`asn_performance.domain.nip` (NIP PNS and NI PPPK).

The expected values were worked out by hand from the format (Perka BKN 22/2007 and 43/2007 for
the NIP; the NI PPPK format per BKN), see ``docs/explanation/nip.md``; none were produced by
running the code.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from asn_performance.domain.nip import Nip, NipKind, Sex
from asn_performance.exceptions import AsnPerformanceError, InputError, NipError

GOLDEN = Path(__file__).parents[2] / "golden" / "nip"

PNS = "198609262015051001"
PPPK = "200012312024211001"


def _error(text: object, *, direct: bool = False) -> NipError:
    build: Any = Nip if direct else Nip.parse
    with pytest.raises(NipError) as info:
        build(text)
    error = info.value
    assert error.path == "nip"
    assert error.value == text
    assert error.fix
    return error


# --- worked examples (digest §11 example 10) ------------------------------------------------


def test_the_pns_example_reads_as_born_1986_09_26_appointed_may_2015_male_number_1() -> None:
    nip = Nip.parse(PNS)
    assert nip.kind is NipKind.PNS
    assert nip.birth_date == datetime.date(1986, 9, 26)
    assert nip.appointment_year == 2015
    assert nip.appointment_month == 5
    assert nip.contract_count is None
    assert nip.sex is Sex.MALE
    assert nip.sequence == 1


def test_the_pppk_example_reads_as_born_2000_12_31_appointed_2024_first_contract_male() -> None:
    nip = Nip.parse(PPPK)
    assert nip.kind is NipKind.PPPK
    assert nip.birth_date == datetime.date(2000, 12, 31)
    assert nip.appointment_year == 2024
    assert nip.appointment_month is None
    assert nip.contract_count == 1
    assert nip.sex is Sex.MALE
    assert nip.sequence == 1


def test_a_number_born_in_month_13_is_refused_as_an_impossible_birth_date() -> None:
    error = _error("200013312024121001")
    assert error.rule == "NIP-BIRTH-DATE"
    assert "2000-13-31" in error.message
    assert "month 13" in error.message


def _golden_files() -> list[Path]:
    return sorted(GOLDEN.glob("*.json"))


def test_the_golden_folder_holds_the_three_worked_examples() -> None:
    assert len(_golden_files()) >= 3


@pytest.mark.parametrize("path", _golden_files(), ids=lambda path: path.stem)
def test_every_golden_example_gives_its_expected_result(path: Path) -> None:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert case["source"]
    expected = case["expected"]
    if "error" in expected:
        with pytest.raises(NipError) as info:
            Nip.parse(case["input"])
        assert type(info.value).__name__ == expected["error"]["type"]
        assert info.value.path == expected["error"]["path"]
        assert info.value.rule == expected["error"]["rule"]
        return
    nip = Nip.parse(case["input"])
    assert nip.kind.value == expected["kind"]
    assert nip.birth_date.isoformat() == expected["birth_date"]
    assert nip.appointment_year == expected["appointment_year"]
    assert nip.appointment_month == expected["appointment_month"]
    assert nip.contract_count == expected["contract_count"]
    assert nip.sex.value == expected["sex"]
    assert nip.sequence == expected["sequence"]
    assert nip.formatted() == expected["formatted"]


# --- parsing and format -----------------------------------------------------------------------


def test_spaces_between_the_groups_are_accepted() -> None:
    assert Nip.parse("19860926 201505 1 001") == Nip(PNS)


def test_hyphens_between_the_groups_and_whitespace_at_the_ends_are_accepted() -> None:
    assert Nip.parse("  20001231-2024-2-1-1-001\n") == Nip(PPPK)
    assert Nip.parse("19860926 - 201505 - 1 - 001") == Nip(PNS)


def test_a_space_inside_a_group_is_refused() -> None:
    error = _error("1986 0926 201505 1 001")
    assert error.rule == "NIP-FORMAT"


def test_a_pns_number_cannot_be_split_in_the_pppk_layout() -> None:
    error = _error("19860926 2015 0 5 1 001")
    assert error.rule == "NIP-FORMAT"


def test_a_doubled_hyphen_is_refused() -> None:
    assert _error("19860926--201505-1-001").rule == "NIP-FORMAT"


def test_dots_are_not_accepted_as_separators() -> None:
    assert _error("19860926.201505.1.001").rule == "NIP-FORMAT"


def test_seventeen_digits_are_refused_and_the_message_counts_them() -> None:
    error = _error(PNS[:-1])
    assert error.rule == "NIP-FORMAT"
    assert "found 17 digits" in error.message


def test_nineteen_digits_are_refused_and_the_message_counts_them() -> None:
    error = _error(PNS + "1")
    assert error.rule == "NIP-FORMAT"
    assert "found 19 digits" in error.message


def test_a_letter_among_the_digits_is_refused() -> None:
    error = _error("19860926201505100A")
    assert error.rule == "NIP-FORMAT"
    assert "found 17 digits and 1 other character" in error.message


def test_non_ascii_digits_are_refused() -> None:
    arabic_indic = "".join(chr(0x0660 + int(char)) for char in PNS)
    assert _error(arabic_indic).rule == "NIP-FORMAT"


def test_an_empty_string_is_refused() -> None:
    assert _error("   ").rule == "NIP-FORMAT"


@pytest.mark.parametrize("value", [198609262015051001, 1.986092620150510e17, None, b"1986"])
def test_a_number_or_other_non_text_input_is_refused_with_a_nip_error(value: object) -> None:
    error = _error(value)
    assert error.rule == "NIP-FORMAT"
    assert "text" in error.message


def test_a_nip_error_is_also_a_value_error_of_the_library() -> None:
    with pytest.raises(ValueError, match="NIP-FORMAT") as info:
        Nip.parse("123")
    assert isinstance(info.value, InputError)
    assert isinstance(info.value, AsnPerformanceError)


# --- birth date -------------------------------------------------------------------------------


def test_29_february_of_a_leap_year_is_a_valid_birth_date() -> None:
    assert Nip.parse("198802292015051001").birth_date == datetime.date(1988, 2, 29)


def test_29_february_of_a_non_leap_year_is_refused() -> None:
    error = _error("198702292015051001")
    assert error.rule == "NIP-BIRTH-DATE"
    assert "1987-02-29" in error.message
    assert "not a leap year" in error.message


def test_31_april_is_refused_as_a_birth_date() -> None:
    error = _error("198604312015051001")
    assert error.rule == "NIP-BIRTH-DATE"
    assert "April 1986 has 30 days" in error.message


def test_birth_month_00_and_day_00_are_refused() -> None:
    assert _error("198600262015051001").rule == "NIP-BIRTH-DATE"
    assert _error("198609002015051001").rule == "NIP-BIRTH-DATE"


# --- appointment ------------------------------------------------------------------------------


@pytest.mark.parametrize("month", ["00", "13", "19"])
def test_a_pns_appointment_month_outside_01_to_12_is_refused(month: str) -> None:
    error = _error(f"19860926 2015{month} 1 001".replace(" ", ""))
    assert error.rule == "NIP-APPOINTMENT-MONTH"
    assert month in error.message
    assert "'2' in position 13" in error.message


def test_a_pns_appointed_in_december_has_month_12() -> None:
    assert Nip.parse("198609262015121001").appointment_month == 12


def test_a_pppk_number_with_contract_digit_0_is_refused() -> None:
    error = _error("200012312024201001")
    assert error.rule == "NIP-PPPK-CONTRACT"


def test_a_pppk_on_the_ninth_contract_is_accepted() -> None:
    nip = Nip.parse("200012312024292001")
    assert nip.kind is NipKind.PPPK
    assert nip.contract_count == 9
    assert nip.sex is Sex.FEMALE


def test_the_birth_date_is_checked_before_the_appointment() -> None:
    assert _error("200013312024001001").rule == "NIP-BIRTH-DATE"


def test_an_implausible_but_well_formed_appointment_is_not_refused() -> None:
    # TMT before birth: the plausibility checks are UNCONFIRMED and deliberately not enforced.
    nip = Nip.parse("200001011990011001")
    assert nip.appointment_year == 1990


# --- sex and sequence -------------------------------------------------------------------------


def test_sex_digit_2_means_female() -> None:
    nip = Nip.parse("198609262015052001")
    assert nip.sex is Sex.FEMALE
    assert nip.sex.label_id == "Perempuan"
    assert nip.sex.label_en == "female"


@pytest.mark.parametrize("digit", ["0", "3", "9"])
def test_a_sex_digit_other_than_1_or_2_is_refused(digit: str) -> None:
    error = _error(f"19860926201505{digit}001")
    assert error.rule == "NIP-SEX"
    assert f"found {digit}" in error.message


def test_sequence_000_is_refused() -> None:
    assert _error("198609262015051000").rule == "NIP-SEQUENCE"


def test_sequence_999_is_accepted() -> None:
    assert Nip.parse("198609262015051999").sequence == 999


# --- the object -------------------------------------------------------------------------------


def test_direct_construction_validates_too() -> None:
    error = _error("123", direct=True)
    assert error.rule == "NIP-FORMAT"
    assert _error("198609262015131001", direct=True).rule == "NIP-APPOINTMENT-MONTH"


def test_direct_construction_refuses_separators() -> None:
    assert _error("19860926 201505 1 001", direct=True).rule == "NIP-FORMAT"


def test_direct_construction_refuses_an_int() -> None:
    assert _error(198609262015051001, direct=True).rule == "NIP-FORMAT"


def test_a_nip_cannot_be_changed_after_construction() -> None:
    nip = Nip(PNS)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        nip.digits = PPPK  # type: ignore[misc]


def test_equal_numbers_are_equal_and_hash_alike_whatever_their_spelling() -> None:
    a = Nip.parse(PNS)
    b = Nip.parse("19860926 201505 1 001")
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b, Nip(PPPK)}) == 2
    assert a != Nip(PPPK)
    as_text: object = PNS
    assert a != as_text


def test_numbers_are_ordered_by_their_digits() -> None:
    assert sorted([Nip(PPPK), Nip(PNS)]) == [Nip(PNS), Nip(PPPK)]
    assert Nip(PNS) < Nip(PPPK)


def test_str_gives_the_18_digits_and_formatted_gives_the_groups() -> None:
    assert str(Nip(PNS)) == PNS
    assert Nip(PNS).formatted() == "19860926 201505 1 001"
    assert Nip(PPPK).formatted() == "20001231 2024 2 1 1 001"


def test_formatted_text_parses_back_to_the_same_number() -> None:
    for digits in (PNS, PPPK):
        assert Nip.parse(Nip(digits).formatted()) == Nip(digits)


def test_kinds_have_stable_codes_and_labels() -> None:
    assert NipKind.PNS.value == "pns"
    assert NipKind.PPPK.value == "pppk"
    assert NipKind.PNS.label_id == "PNS"
    assert NipKind.PPPK.label_id == "PPPK"
    assert NipKind.PNS.label_en == "civil servant (PNS)"
    assert NipKind.PPPK.label_en == "government employee with a work agreement (PPPK)"
    assert Sex.MALE.value == "male"
    assert Sex.MALE.label_id == "Laki-laki"
    assert Sex.MALE.label_en == "male"


# --- property ---------------------------------------------------------------------------------


@st.composite
def _parts(draw: st.DrawFn) -> dict[str, Any]:
    birth = draw(st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)))
    kind = draw(st.sampled_from(NipKind))
    year = draw(st.integers(0, 9999))
    month = draw(st.integers(1, 12)) if kind is NipKind.PNS else None
    contracts = draw(st.integers(1, 9)) if kind is NipKind.PPPK else None
    sex = draw(st.sampled_from(Sex))
    sequence = draw(st.integers(1, 999))
    return {
        "birth": birth,
        "kind": kind,
        "year": year,
        "month": month,
        "contracts": contracts,
        "sex": sex,
        "sequence": sequence,
    }


@given(_parts())
def test_any_valid_set_of_parts_builds_a_number_that_reads_back_the_same(
    parts: dict[str, Any],
) -> None:
    birth: datetime.date = parts["birth"]
    middle = f"{parts['month']:02d}" if parts["kind"] is NipKind.PNS else f"2{parts['contracts']}"
    sex_digit = "1" if parts["sex"] is Sex.MALE else "2"
    text = (
        f"{birth.year:04d}{birth.month:02d}{birth.day:02d}"
        f"{parts['year']:04d}{middle}{sex_digit}{parts['sequence']:03d}"
    )
    nip = Nip.parse(text)
    assert str(nip) == text
    assert nip.kind is parts["kind"]
    assert nip.birth_date == birth
    assert nip.appointment_year == parts["year"]
    assert nip.appointment_month == parts["month"]
    assert nip.contract_count == parts["contracts"]
    assert nip.sex is parts["sex"]
    assert nip.sequence == parts["sequence"]
    assert Nip.parse(nip.formatted()) == nip
