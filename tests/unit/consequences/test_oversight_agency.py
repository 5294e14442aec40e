"""Oversight per agency (instansi): the roll-up of units and the agency-level check
(asn_performance.consequences.distribution.oversight, rule SE3/2023-AGENCY).

Thresholds worked by hand: strict rounding (decision D4) lets "at most p %" of n allow
floor(p·n) and makes "at least p %" need ceil(p·n); lenient the reverse.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asn_performance.consequences.distribution.oversight import (
    NO_AGENCY,
    AgencySummary,
    UnitInput,
    oversee,
)
from asn_performance.domain.rating import OrganisationPredikat
from asn_performance.exceptions import InputError, LabelError

KOTA, KAB = "Pemerintah Kota Serang", "Pemerintah Kabupaten Serang"


def _units() -> list[UnitInput]:
    return [
        # Baik, 10: Baik 7 <= floor(7.0) = 7; BP+K 1 >= 1: ok
        UnitInput("Dinas Pendidikan", "baik", (2, 7, 1, 0, 0), agency=KOTA),
        # Baik, 10: Baik 8 > 7 -> violated
        UnitInput("Dinas Kesehatan", "baik", (0, 8, 2, 0, 0), agency=KOTA),
        # Istimewa, 6: SB 4 <= floor(4.2) = 4: ok
        UnitInput("Bappeda", "istimewa", (4, 2, 0, 0, 0), agency=KAB),
        # Sangat Kurang, 10: SB 1 > 0 -> violated (example 3 of the digest)
        UnitInput("Kecamatan Cikande", "sangat_kurang", (1, 1, 0, 2, 6), agency=KAB),
    ]


def test_units_roll_up_per_agency_in_order_of_first_appearance() -> None:
    report = oversee(_units())
    kota, kab = report.agencies
    assert isinstance(kota, AgencySummary)
    # Kota: 2+7+1 = 10 and 0+8+2 = 10 -> (2, 15, 3, 0, 0), 20 employees
    assert (kota.agency, kota.units, kota.employees, kota.counts) == (KOTA, 2, 20, (2, 15, 3, 0, 0))
    assert kota.violating_units == ("Dinas Kesehatan",)
    assert (kota.organisation_predikat, kota.violations) == (None, ())
    # Kab: (4, 2, 0, 0, 0) + (1, 1, 0, 2, 6) = (5, 3, 0, 2, 6), 16 employees
    assert (kab.employees, kab.counts) == (16, (5, 3, 0, 2, 6))
    assert kab.violating_units == ("Kecamatan Cikande",)
    assert kab.units_with_violations == 1
    assert kab.ok is False
    assert report.units_with_violations == 2
    assert [u.agency for u in report.units] == [KOTA, KOTA, KAB, KAB]


def test_the_agency_total_is_checked_against_its_own_predikat() -> None:
    # Kota rated Baik: Baik 15 of 20 > floor(0.7 * 20) = 14 -> violated; BP+K 3 >= 1: ok.
    # Kab rated Istimewa: SB 5 of 16 <= floor(11.2) = 11: ok.
    report = oversee(_units(), agency_predikat={KOTA: "Baik", KAB: OrganisationPredikat.ISTIMEWA})
    kota, kab = report.agencies
    assert kota.organisation_predikat is OrganisationPredikat.BAIK
    assert [(c.actual, c.total, c.threshold) for c in kota.violations] == [(15, 20, 14)]
    assert kab.violations == ()
    # The unit-level results do not change.
    assert report.units == oversee(_units()).units


def test_lenient_rounding_applies_to_the_agency_total_too() -> None:
    # Kota rated Butuh Perbaikan, 3 employees (1, 0, 2, 0, 0): at least 60 % BP needs
    # ceil(1.8) = 2 strictly, floor(1.8) = 1 leniently (2 >= both); at most 10 % SB allows
    # floor(0.3) = 0 strictly (1 > 0: violated), ceil(0.3) = 1 leniently (ok).
    units = [
        UnitInput("A", "butuh_perbaikan", (1, 0, 1, 0, 0), agency=KOTA),
        UnitInput("B", "butuh_perbaikan", (0, 0, 1, 0, 0), agency=KOTA),
    ]
    strict = oversee(units, agency_predikat={KOTA: "butuh_perbaikan"})
    assert [(c.actual, c.threshold) for c in strict.agencies[0].violations] == [(1, 0)]
    lenient = oversee(units, rounding="lenient", agency_predikat={KOTA: "butuh_perbaikan"})
    assert lenient.agencies[0].violations == ()


def test_an_agency_without_employees_has_nothing_to_check() -> None:
    report = oversee(
        [UnitInput("Kosong", "baik", (0, 0, 0, 0, 0), agency=KOTA)], agency_predikat={KOTA: "baik"}
    )
    assert report.agencies[0].violations == ()
    assert report.agencies[0].ok is True


def test_units_without_an_agency_are_grouped_together() -> None:
    units = [*_units(), UnitInput("Lepas", "baik", (0, 1, 1, 0, 0))]
    last = oversee(units).agencies[-1]
    assert (last.agency, last.name, last.employees) == (None, NO_AGENCY, 2)


def test_without_agencies_the_report_keeps_its_earlier_shape() -> None:
    plain = oversee([UnitInput("Dinas", "baik", (2, 8, 0, 0, 0))])
    assert plain.agencies == ()
    data = plain.to_dict()
    assert "agencies" not in data
    assert "agency" not in data["units"][0]
    assert "per agency" not in plain.render()
    assert "per agency" not in plain._repr_html_()


def test_text_html_and_json_show_the_hierarchy() -> None:
    report = oversee(_units(), agency_predikat={KOTA: "baik"})
    lines = report.render().splitlines()
    at = lines.index("per agency (instansi):")
    assert lines[at + 1] == (
        f"  {KOTA}: 2 unit(s), 20 employees, 1 unit(s) with violations;"
        " agency total checked as Baik: VIOLATED"
    )
    assert lines[at + 2] == (
        "    counts: Sangat Baik 2, Baik 15, Butuh Perbaikan 3, Kurang/Misconduct 0,"
        " Sangat Kurang 0"
    )
    assert lines[at + 3].startswith("    ! Baik: 15 of 20 (75.00 %); at most 70 % allows 14")
    assert lines[at + 4] == "    - Dinas Pendidikan (Baik, 10 employees): ok"
    assert lines[at + 5] == "    - Dinas Kesehatan (Baik, 10 employees): 1 violation(s)"
    assert lines[at + 6].endswith(
        "agency total not checked (no organisation predikat given, SE3/2023-AGENCY)"
    )
    html = report._repr_html_()
    assert "<caption>per agency (instansi)</caption>" in html
    assert f"<th>{KOTA}</th>" in html
    assert "&nbsp;&nbsp;Dinas Kesehatan" in html
    data = json.loads(json.dumps(report.to_dict()))
    assert [u["agency"] for u in data["units"]] == [KOTA, KOTA, KAB, KAB]
    kota = data["agencies"][0]
    assert kota["counts"] == {
        "sangat_baik": 2,
        "baik": 15,
        "butuh_perbaikan": 3,
        "kurang": 0,
        "sangat_kurang": 0,
    }
    assert (kota["organisation_predikat"], kota["ok"], kota["violating_units"]) == (
        "baik",
        False,
        ["Dinas Kesehatan"],
    )
    assert len(kota["violations"]) == 1
    assert data["agencies"][1]["organisation_predikat"] is None


def test_from_appraisals_takes_the_agency() -> None:
    unit = UnitInput.from_appraisals("Dinas", "baik", ["Baik", "Butuh Perbaikan"], agency=KOTA)
    assert (unit.agency, unit.counts) == (KOTA, (0, 1, 1, 0, 0))


# --- refusals ----------------------------------------------------------------------------------


def test_an_empty_agency_name_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        UnitInput("Dinas", "baik", (0, 1, 0, 0, 0), agency="")
    assert caught.value.path == "agency"


def test_agency_predikat_must_be_a_mapping_of_known_agencies() -> None:
    with pytest.raises(InputError) as caught:
        oversee(_units(), agency_predikat="baik")  # type: ignore[arg-type]
    assert (caught.value.path, caught.value.rule) == ("agency_predikat", "TYPE")
    with pytest.raises(InputError) as caught:
        oversee(_units(), agency_predikat={"Pemkot Serang": "baik"})
    assert (caught.value.path, caught.value.rule) == (
        "agency_predikat['Pemkot Serang']",
        "SE3/2023-AGENCY",
    )
    assert KOTA in caught.value.fix
    with pytest.raises(LabelError) as caught:
        oversee(_units(), agency_predikat={KOTA: "luar biasa"})
    assert caught.value.path == f"agency_predikat[{KOTA!r}]"


def test_the_html_view_escapes_agency_and_unit_names() -> None:
    evil = "<script>alert(1)</script>"
    report = oversee([UnitInput(evil, "baik", (0, 8, 2, 0, 0), agency=evil)])
    text = report._repr_html_()
    assert "<script>" not in text
    assert "<th>&lt;script&gt;alert(1)&lt;/script&gt;</th>" in text


def test_a_violated_agency_total_fails_the_report() -> None:
    # Found in review: two units each within their pattern, the agency total outside its own.
    # Unit A, Baik, (2, 0, 0, 1, 0): Baik 0 of 3 <= floor(2.1) = 2; BP+K 1 >= 1: ok.
    # Unit B, Baik, (3, 0, 0, 1, 0): Baik 0 of 4 <= floor(2.8) = 2; BP+K 1 >= 1: ok.
    # Agency X rated Istimewa, total (5, 0, 0, 2, 0): SB 5 of 7 > floor(4.9) = 4 -> violated.
    units = [
        UnitInput("A", "baik", (2, 0, 0, 1, 0), agency="X"),
        UnitInput("B", "baik", (3, 0, 0, 1, 0), agency="X"),
    ]
    report = oversee(units, agency_predikat={"X": "istimewa"})
    assert report.units_with_violations == 0
    (agency,) = report.agencies
    assert [(c.actual, c.total, c.threshold) for c in agency.violations] == [(5, 7, 4)]
    assert [name for name, _check in report.agency_violations] == ["X"]
    assert report.ok is False
    assert report.to_dict()["ok"] is False
    # Without the agency's own predikat the total is not checked, and the report is ok.
    assert oversee(units).ok is True


def test_calibrate_fails_on_a_violated_agency_total(tmp_path: Path) -> None:
    from asn_performance.cli import main

    units = tmp_path / "units.json"
    units.write_text(
        json.dumps(
            {
                "agency_predikat": {"X": "istimewa"},
                "units": [
                    {
                        "unit": "A",
                        "agency": "X",
                        "organisation_predikat": "baik",
                        "counts": {"sangat_baik": 2, "kurang": 1},
                    },
                    {
                        "unit": "B",
                        "agency": "X",
                        "organisation_predikat": "baik",
                        "counts": {"sangat_baik": 3, "kurang": 1},
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    assert main(["calibrate", str(units), "--fail-on-violation"]) == 3
    assert main(["calibrate", str(units)]) == 0
