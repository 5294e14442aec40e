"""Oversight of many units (asn_performance.consequences.distribution.oversight).

Thresholds are worked by hand in the comments: strict rounding (decision D4) lets a maximum
of p % allow floor(p·n) employees and makes a minimum of p % need ceil(p·n); lenient rounding
does the reverse. Golden files (tests/golden/distribution/) hold the digest's examples 2 and 3.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asn_performance import (
    Appraisal,
    OrganisationPredikat,
)
from asn_performance.consequences.distribution.check import (
    check_distribution,
)
from asn_performance.consequences.distribution.limits import (
    PREDIKAT_ORDER,
    Rounding,
)
from asn_performance.consequences.distribution.oversight import (
    UnitInput,
    oversee,
)
from asn_performance.exceptions import InputError, LabelError

GOLDEN = Path(__file__).parent.parent.parent.parent / "golden" / "distribution"

SB, B, BP, K, SK = PREDIKAT_ORDER
ORG = OrganisationPredikat
STRICT, LENIENT = Rounding.STRICT, Rounding.LENIENT


# --------------------------------------------------------------------------------------------
# Oversight of many units
# --------------------------------------------------------------------------------------------


def _units() -> list[UnitInput]:
    return [
        UnitInput("Dinas Pendidikan", "baik", (2, 8, 0, 0, 0)),  # example 2: two violations
        UnitInput("Dinas Kesehatan", ORG.BAIK, {SB: 2, B: 7, BP: 1}),  # example 2 fixed
        UnitInput("Kecamatan Serang", "sangat_kurang", [1, 1, 0, 2, 6]),  # example 3
        UnitInput("Unit kosong", "istimewa", (0, 0, 0, 0, 0)),
    ]


def test_oversee_summarises_every_unit_and_lists_the_violations() -> None:
    report = oversee(_units())
    assert [u.unit for u in report.units] == [
        "Dinas Pendidikan",
        "Dinas Kesehatan",
        "Kecamatan Serang",
        "Unit kosong",
    ]
    assert [u.ok for u in report.units] == [False, True, False, True]
    assert [u.total for u in report.units] == [10, 10, 10, 0]
    assert report.employees == 30
    assert report.units_with_violations == 2
    assert not report.ok
    assert [(unit, v.limit.predikat) for unit, v in report.violations] == [
        ("Dinas Pendidikan", {B}),
        ("Dinas Pendidikan", {BP, K}),
        ("Kecamatan Serang", {SB}),
    ]
    assert report.by_organisation_predikat()[ORG.BAIK] == (2, 1)
    text = report.render()
    assert "4 units, 30 employees, 2 unit(s) with violations" in text
    assert "Kecamatan Serang: Sangat Baik: 1 of 10 (10.00 %); none allowed" in text
    rows = report.to_rows()
    assert rows[0] == {
        "unit": "Dinas Pendidikan",
        "bound": "max",
        "predikat": "baik",
        "count": 8,
        "total": 10,
        "threshold": 7,
        "percent": "80.00",
    }
    assert str(report) == text


def test_oversee_agrees_with_check_distribution_unit_by_unit() -> None:
    units = _units()
    for rounding in Rounding:
        report = oversee(units, rounding=rounding)
        for unit, summary in zip(units, report.units, strict=True):
            single = check_distribution(
                unit.organisation_predikat,
                dict(zip(PREDIKAT_ORDER, unit.counts, strict=True)),
                rounding,
            )
            assert summary.violations == single.violations


def test_oversee_shortens_a_long_list_of_violations() -> None:
    many = [UnitInput(f"unit-{i}", "sangat_kurang", (1, 0, 0, 1, 8)) for i in range(30)]
    text = oversee(many).render(max_violations=5)
    assert "... 25 more" in text


def test_oversee_refuses_what_is_not_a_unit_input() -> None:
    with pytest.raises(InputError) as info:
        oversee([("unit", "baik", (0, 1, 0, 0, 0))])  # type: ignore[list-item]
    assert info.value.path == "units[0]"


def test_a_unit_input_checks_its_counts_once() -> None:
    with pytest.raises(InputError):
        UnitInput("x", "baik", (1, 2, 3))
    with pytest.raises(InputError):
        UnitInput("x", "baik", (1, 2, 3, 4, -5))
    with pytest.raises(InputError):
        UnitInput("x", "baik", "12345")
    with pytest.raises(LabelError):
        UnitInput("x", "cemerlang", (1, 0, 0, 0, 0))
    with pytest.raises(InputError):
        UnitInput("", "baik", (1, 0, 0, 0, 0))


def test_a_unit_input_can_be_counted_from_appraisals(appraisals: list[Appraisal]) -> None:
    unit = UnitInput.from_appraisals("Subbagian Perencanaan", "baik", appraisals)
    assert unit.counts == (2, 8, 0, 0, 0)


def test_an_oversight_report_is_json_ready_data() -> None:
    report = oversee(
        [
            UnitInput("Dinas Pendidikan", "Baik", (2, 8, 0, 0, 0)),
            UnitInput("Dinas Kesehatan", "Baik", (2, 7, 1, 0, 0)),
            UnitInput("Kosong", "Istimewa", (0, 0, 0, 0, 0)),
        ]
    )
    data = report.to_dict()
    json.dumps(data)
    assert (data["units_checked"], data["employees"], data["units_with_violations"]) == (3, 20, 1)
    assert data["ok"] is False
    assert data["by_organisation_predikat"] == {
        "istimewa": {"units": 1, "with_violations": 0},
        "baik": {"units": 2, "with_violations": 1},
    }
    first = data["units"][0]
    assert first["counts"] == {
        "sangat_baik": 2,
        "baik": 8,
        "butuh_perbaikan": 0,
        "kurang": 0,
        "sangat_kurang": 0,
    }
    # 8 Baik of 10 = 80 %, at most 70 % allows 7; none of Butuh Perbaikan or Kurang.
    assert [(v["count"], v["threshold"], v["percent"]) for v in first["violations"]] == [
        (8, 7, "80.00"),
        (0, 1, "0.00"),
    ]
    assert data["units"][2] == {
        "unit": "Kosong",
        "organisation_predikat": "istimewa",
        "total": 0,
        "counts": dict.fromkeys(
            ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"), 0
        ),
        "ok": True,
        "violations": [],
    }
