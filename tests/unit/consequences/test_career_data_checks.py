"""Issue 13 item 4: the career checks that use the career data, worked by hand.

Kenaikan pangkat reguler: at least 4 whole years from the TMT pangkat to the day asked about
(PP 99/2000 Pasal 7 as amended by PP 12/2002, UNCONFIRMED), the two years of at least Baik (D11,
UNCONFIRMED) and a next pangkat. Kenaikan jenjang: the next jenjang, the golongan range of the
jenjang and the AK kumulatif minimal (PerBKN 3/2023 model konversi, our digest §5.2).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from asn_performance.consequences.career import (
    jenjang_promotion_eligible,
    pangkat_date,
    pangkat_reguler_eligible,
)
from asn_performance.domain.employee import Employee, Jenjang, Position, PositionKind
from asn_performance.domain.nip import Nip
from asn_performance.domain.rank import Golongan, GolonganPppk
from asn_performance.exceptions import InputError

PNS = Nip("198609262015051001")
PPPK = Nip("200012312024211001")
PELAKSANA = Position(PositionKind.PELAKSANA, "Pengadministrasi Umum")


def pns(position: Position = PELAKSANA, **career: object) -> Employee:
    return Employee(PNS, "Rina", position, "Bagian Umum", **career)  # type: ignore[arg-type]


def rules(check: object) -> list[str]:
    return [step.rule.id for step in check.steps]  # type: ignore[attr-defined]


def test_exactly_four_years_is_enough_one_day_less_is_not() -> None:
    # TMT pangkat 2021-04-01 + 4 years = 2025-04-01.
    e = pns(golongan=Golongan.III_A, tmt_pangkat=dt.date(2021, 4, 1))
    on_day = pangkat_reguler_eligible(["baik", "baik"], employee=e, on=dt.date(2025, 4, 1))
    assert on_day.eligible
    assert on_day.unconfirmed
    assert on_day.next_golongan is Golongan.III_B  # Penata Muda -> Penata Muda Tingkat I
    assert rules(on_day) == ["D11-PANGKAT-REGULER", "CAREER-PANGKAT-MASA", "CAREER-PANGKAT-NEXT"]
    day_before = pangkat_reguler_eligible(["baik", "baik"], employee=e, on=dt.date(2025, 3, 31))
    assert not day_before.eligible  # 3 years 11 months 30 days
    assert day_before.to_dict()["next_golongan"] == "III/b"
    assert day_before.to_dict()["on"] == "2025-03-31"


def test_the_predikat_still_decide() -> None:
    # Four years and more, but Butuh Perbaikan last year: D11 says no.
    e = pns(golongan=Golongan.III_A, tmt_pangkat=dt.date(2020, 4, 1))
    check = pangkat_reguler_eligible(
        ["baik", "butuh_perbaikan"], employee=e, on=dt.date(2025, 4, 1)
    )
    assert not check.eligible


def test_leap_day_tmt() -> None:
    # 2020-02-29 + 4 years = 2024-02-29 (2024 is a leap year); + 5 years -> 2025-02-28.
    assert pangkat_date(dt.date(2020, 2, 29)) == dt.date(2024, 2, 29)
    assert pangkat_date(dt.date(2020, 2, 29), 5) == dt.date(2025, 2, 28)


def test_iv_e_has_no_next_pangkat_not_eligible() -> None:
    e = pns(golongan=Golongan.IV_E, tmt_pangkat=dt.date(2016, 4, 1))
    check = pangkat_reguler_eligible(
        ["sangat_baik", "sangat_baik"], employee=e, on=dt.date(2025, 4, 1)
    )
    assert not check.eligible
    assert check.next_golongan is None


def test_missing_data_falls_back_to_the_predikat_flagged() -> None:
    check = pangkat_reguler_eligible(["baik", "baik"], employee=pns(), on=dt.date(2025, 4, 1))
    assert check.eligible  # the predikat's answer alone
    assert check.missing == ("golongan", "tmt_pangkat")
    assert not check.complete
    assert rules(check)[-1] == "CAREER-DATA-MISSING"
    assert check.to_dict()["missing"] == ["golongan", "tmt_pangkat"]


def test_the_old_call_is_unchanged() -> None:
    check = pangkat_reguler_eligible(["baik", "baik"])
    assert check.eligible
    assert rules(check) == ["D11-PANGKAT-REGULER"]
    assert set(check.to_dict()) == {
        "rule",
        "question",
        "eligible",
        "predikat",
        "unconfirmed",
        "citation",
    }


def test_employee_and_on_go_together_and_a_pppk_has_no_pangkat() -> None:
    with pytest.raises(InputError) as caught:
        pangkat_reguler_eligible(["baik", "baik"], employee=pns())
    assert caught.value.path == "on"
    pppk = Employee(PPPK, "Budi", PELAKSANA, "Bagian Umum", golongan_pppk=GolonganPppk.IX)
    with pytest.raises(InputError) as refused:
        pangkat_reguler_eligible(["baik", "baik"], employee=pppk, on=dt.date(2025, 4, 1))
    assert refused.value.rule == "CAREER-PANGKAT-PPPK"


AHLI_PERTAMA = Position(PositionKind.FUNGSIONAL, "Analis SDM Aparatur", Jenjang.AHLI_PERTAMA)


def test_jenjang_with_golongan_and_ak() -> None:
    # Ahli Pertama (III/a-III/b), III/b, AK 100 = the minimum for kenaikan jenjang (§5.2).
    e = pns(AHLI_PERTAMA, golongan=Golongan.III_B)
    check = jenjang_promotion_eligible("baik", employee=e, ak_kumulatif=Decimal(100))
    assert check.eligible
    assert check.next_jenjang is Jenjang.AHLI_MUDA
    assert check.complete
    short = jenjang_promotion_eligible("baik", employee=e, ak_kumulatif="99.99")
    assert not short.eligible  # 0.01 short of 100


def test_jenjang_top_and_range_and_missing() -> None:
    utama = Position(PositionKind.FUNGSIONAL, "Analis Kebijakan", Jenjang.AHLI_UTAMA)
    top = jenjang_promotion_eligible("sangat_baik", employee=pns(utama, golongan=Golongan.IV_E))
    assert not top.eligible
    assert top.next_jenjang is None
    outside = jenjang_promotion_eligible(
        "baik", employee=pns(AHLI_PERTAMA, golongan=Golongan.III_D)
    )
    step = next(s for s in outside.steps if s.rule.id == "CAREER-JENJANG-PANGKAT")
    assert step.output == "outside the jenjang's range"  # III/d is above III/a-III/b
    assert outside.missing == ("ak_kumulatif",)
    assert outside.eligible  # shown, not refused (library decision); predikat Baik


def test_jenjang_needs_a_jabatan_fungsional() -> None:
    with pytest.raises(InputError):
        jenjang_promotion_eligible("baik", employee=pns())
