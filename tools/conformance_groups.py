"""The conformance vector groups ``angka_kredit`` and ``tukin`` (issue 15), worked by hand in
this file, and :func:`specs`, every vector worked by hand in the ``tools/conformance_*.py``
files: these two groups, the objection deadlines (``tools/conformance_deadlines.py``), the
per-IKI capaian of PermenPANRB 8/2021 and the missing parts of the 2021 split
(``tools/conformance_regimes.py``).

Used by ``tools/conformance_vectors.py``; kept apart so that no tool passes 800 lines. Every
vector is an input in a public JSON format the library already loads:

* ``kind: "rewards"`` -- the PermenPANRB 6/2022 input document with ``reward_inputs`` (kelas,
  attendance, ``prior_angka_kredit``), evaluated by the built-in reward policy named in
  ``options.policy`` (``national``, ``kemnaker_2025``, ``pemda_contoh_tpp``): what
  ``asn-performance rewards --policy NAME --json`` writes for the one employee (its
  ``outcomes[0]``);
* ``kind: "cycle"`` -- a performance cycle document (the event log ``dump_cycle`` writes);
* ``kind: "regime"`` -- a PermenPANRB 8/2021 or integration_2021 regime document.

Every expected value in ``hand`` is worked by hand in the comment beside it, from the
regulation's table or the library decision cited in the vector's ``source``; the generator
refuses to write when the library gives anything else (``check_hand``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from conformance_common import BEHAVIOURS, NIP, PENILAI, RATINGS, TITLES, UNIT, vector
from conformance_deadlines import objection_specs
from conformance_regimes import integration_specs, per_iki_specs

__all__ = ["rewards_document", "specs"]

WORKED = "tools/conformance_groups.py"


def _plan(plan_id: str, period: str) -> dict[str, Any]:
    return {
        "id": plan_id,
        "employee_nip": NIP,
        "pejabat_penilai_nip": PENILAI["nip"],
        "atasan_pejabat_penilai_nip": None,
        "period": period,
        "approach": "kualitatif",
        "leads_unit": False,
        "work_results": [
            {
                "id": "rhk-1",
                "text": "Tersusunnya rekomendasi kebijakan perencanaan",
                "kind": "utama",
                "leader_work_result": "Meningkatnya kualitas perencanaan",
                "indicators": [
                    {
                        "id": "iki-1",
                        "text": "Jumlah rekomendasi kebijakan",
                        "aspect": "kuantitas",
                        "direction": "higher_is_better",
                        "target": {"lower": "4", "upper": None, "unit": "dokumen"},
                    }
                ],
            }
        ],
        "behaviours": [{"value": v, "special_expectation": None} for v in BEHAVIOURS],
    }


def rewards_document(
    title: str,
    jenjang: str | None,
    periods: list[tuple[str, str, str]],
    reward_inputs: dict[str, Any],
) -> dict[str, Any]:
    """A 6/2022 input document of one employee (a jabatan fungsional of ``jenjang``, or a
    pelaksana when ``None``): one plan per (period, predikat, day the pejabat penilai rates
    it), and the employee's ``reward_inputs``."""
    position = (
        {"kind": "pelaksana", "title": "Pengadministrasi Perkantoran", "jenjang": None}
        if jenjang is None
        else {"kind": "fungsional", "title": TITLES[jenjang], "jenjang": jenjang}
    )
    employee = {
        "nip": NIP,
        "name": "Budi Santoso, S.E.",
        "position": position,
        "unit": UNIT,
        "superior_nip": PENILAI["nip"],
    }
    plans = []
    assessments = []
    for index, (period, predikat, day) in enumerate(periods):
        plan_id = f"skp-{index + 1}"
        plans.append(_plan(plan_id, period))
        hasil, perilaku = RATINGS[predikat]
        assessments.append(
            {
                "plan_id": plan_id,
                "role": "pejabat_penilai",
                "assessor_nip": PENILAI["nip"],
                "given_on": day,
                "period": period,
                "hasil_kerja": hasil,
                "perilaku_kerja": perilaku,
                "work_result_ratings": {},
                "behaviour_ratings": {},
                "realisations": [],
                "feedback": None,
                "anonymised": False,
            }
        )
    return {
        "schema_version": "1",
        "title": title,
        "policy": {"kind": "supervisor_decides"},
        "guards": {"min_anonymous_responses": 3, "anonymous_roles": ["peer", "subordinate"]},
        "organisation_predikat": None,
        "employees": [PENILAI, employee],
        "plans": plans,
        "assessments": assessments,
        "reward_inputs": {NIP: reward_inputs},
    }


# --- angka kredit -------------------------------------------------------------------------------

AK_SOURCE = (
    "PermenPANRB 1/2023 Pasal 36 (150/100/75/50/25 % per predikat) [S16]; PerBKN 3/2023 (annual"
    " koefisien per jenjang: ahli utama 50, madya 37.5, muda 25, pertama 12.5; penyelia 25,"
    " mahir 12.5, terampil 5, pemula 3.75; AK = jumlah bulan/12 x % predikat x koefisien)"
    " [S17][S18b]; shown to 2 places half-up: library decision D5"
)
#: Angka kredit of a whole year (12 months) per jenjang and predikat, worked by hand as
#: koefisien x percentage (PerBKN 3/2023; PermenPANRB 1/2023 Pasal 36): (value, shown).
AK_YEAR: dict[str, dict[str, tuple[str, str]]] = {
    # 50 x 150 % = 75; x 100 % = 50; x 75 % = 37.5; x 50 % = 25; x 25 % = 12.5
    "ahli_utama": {
        "sangat_baik": ("75", "75.00"),
        "baik": ("50", "50.00"),
        "butuh_perbaikan": ("37.5", "37.50"),
        "kurang": ("25", "25.00"),
        "sangat_kurang": ("12.5", "12.50"),
    },
    # 37.5 x 1.5 = 56.25; 37.5; x 0.75 = 28.125 -> 28.13; x 0.5 = 18.75; x 0.25 = 9.375 -> 9.38
    "ahli_madya": {
        "sangat_baik": ("56.25", "56.25"),
        "baik": ("37.5", "37.50"),
        "butuh_perbaikan": ("28.125", "28.13"),
        "kurang": ("18.75", "18.75"),
        "sangat_kurang": ("9.375", "9.38"),
    },
    # 25 x 1.5 = 37.5; 25; x 0.75 = 18.75; x 0.5 = 12.5; x 0.25 = 6.25
    "ahli_muda": {
        "sangat_baik": ("37.5", "37.50"),
        "baik": ("25", "25.00"),
        "butuh_perbaikan": ("18.75", "18.75"),
        "kurang": ("12.5", "12.50"),
        "sangat_kurang": ("6.25", "6.25"),
    },
    # 12.5 x 1.5 = 18.75; 12.5; x 0.75 = 9.375 -> 9.38; x 0.5 = 6.25; x 0.25 = 3.125 -> 3.13
    "ahli_pertama": {
        "sangat_baik": ("18.75", "18.75"),
        "baik": ("12.5", "12.50"),
        "butuh_perbaikan": ("9.375", "9.38"),
        "kurang": ("6.25", "6.25"),
        "sangat_kurang": ("3.125", "3.13"),
    },
    # penyelia 25: as ahli muda
    "penyelia": {
        "sangat_baik": ("37.5", "37.50"),
        "baik": ("25", "25.00"),
        "butuh_perbaikan": ("18.75", "18.75"),
        "kurang": ("12.5", "12.50"),
        "sangat_kurang": ("6.25", "6.25"),
    },
    # mahir 12.5: as ahli pertama
    "mahir": {
        "sangat_baik": ("18.75", "18.75"),
        "baik": ("12.5", "12.50"),
        "butuh_perbaikan": ("9.375", "9.38"),
        "kurang": ("6.25", "6.25"),
        "sangat_kurang": ("3.125", "3.13"),
    },
    # 5 x 1.5 = 7.5; 5; x 0.75 = 3.75; x 0.5 = 2.5; x 0.25 = 1.25
    "terampil": {
        "sangat_baik": ("7.5", "7.50"),
        "baik": ("5", "5.00"),
        "butuh_perbaikan": ("3.75", "3.75"),
        "kurang": ("2.5", "2.50"),
        "sangat_kurang": ("1.25", "1.25"),
    },
    # 3.75 x 1.5 = 5.625 -> 5.63; 3.75; x 0.75 = 2.8125 -> 2.81; x 0.5 = 1.875 -> 1.88;
    # x 0.25 = 0.9375 -> 0.94
    "pemula": {
        "sangat_baik": ("5.625", "5.63"),
        "baik": ("3.75", "3.75"),
        "butuh_perbaikan": ("2.8125", "2.81"),
        "kurang": ("1.875", "1.88"),
        "sangat_kurang": ("0.9375", "0.94"),
    },
}
PERCENT = {"sangat_baik": "150", "baik": "100", "butuh_perbaikan": "75", "kurang": "50"}
PERCENT["sangat_kurang"] = "25"
KOEFISIEN = {"ahli_utama": "50", "ahli_madya": "37.5", "ahli_muda": "25", "ahli_pertama": "12.5"}
KOEFISIEN |= {"penyelia": "25", "mahir": "12.5", "terampil": "5", "pemula": "3.75"}
AK_PERIOD = "angka_kredit.periods[0]"
#: The one field of an angka kredit vector a result must give: the total shown to 2 places
#: half-up (D5), the figure the regulation's tables and BKN's examples show.
AK_REQUIRED = ["angka_kredit.shown"]


def _ak_hand(
    jenjang: str, predikat: str, months: int, value: str | None, shown: str
) -> dict[str, str]:
    """The hand-worked fields of a one-period angka kredit vector. ``value`` is the unrounded
    angka kredit when it has a finite decimal (``"75"``, ``"2.109375"``; compared as a number,
    and only when a result gives it); ``None`` when it has none (a twelfth: 1/12 x 12.5 =
    1.0416...), and the vector then leaves the unrounded fields out of its ``expected``: any
    decimal a system wrote for it would be a rounding of its own, not the regulation's."""
    hand = {
        f"{AK_PERIOD}.predikat": predikat,
        f"{AK_PERIOD}.jenjang": jenjang,
        f"{AK_PERIOD}.months": str(months),
        f"{AK_PERIOD}.percentage": PERCENT[predikat],
        f"{AK_PERIOD}.koefisien": KOEFISIEN[jenjang],
        f"{AK_PERIOD}.value": value,
        f"{AK_PERIOD}.shown": shown,
        "angka_kredit.value": value,
        "angka_kredit.shown": shown,
    }
    return {field: text for field, text in hand.items() if text is not None}


def _angka_kredit() -> Iterator[dict[str, Any]]:
    options = {"policy": "national"}
    for jenjang, row in AK_YEAR.items():
        for predikat, (value, shown) in row.items():
            hand = _ak_hand(jenjang, predikat, 12, value, shown)
            yield vector(
                "angka_kredit",
                f"{jenjang}_{predikat}_12_months",
                kind="rewards",
                regime="permenpanrb_6_2022",
                rule="AK-CONVERSION",
                source=AK_SOURCE,
                document=rewards_document(
                    f"Angka kredit {jenjang}, {predikat}, 12 bulan",
                    jenjang,
                    [("2025", predikat, "2026-01-12")],
                    {},
                ),
                options=options,
                fields=list(hand),
                required=AK_REQUIRED,
                worked=WORKED,
                hand=hand,
            )
    # Proration by whole months (PerBKN 3/2023: jumlah bulan / 12), one period each:
    prorated: list[tuple[str, str, str, str, str, int, str | None, str]] = [
        # ahli madya, Baik, January-June: 6/12 x 100 % x 37.5 = 18.75
        ("ahli_madya_baik_6_of_12", "ahli_madya", "baik", "2025-01-01/2025-06-30", "2025-07-07",
         6, "18.75", "18.75"),
        # ahli pertama, Baik, March: 1/12 x 100 % x 12.5 = 25/24 = 1.041666... (no finite
        # decimal: the unrounded value is left out) -> shown 1.04
        ("ahli_pertama_baik_1_month", "ahli_pertama", "baik", "2025-03", "2025-04-02",
         1, None, "1.04"),
        # terampil, Sangat Baik, the second quarter: 3/12 x 150 % x 5 = 1.875 -> 1.88
        ("terampil_sangat_baik_quarter", "terampil", "sangat_baik", "2025-Q2", "2025-07-03",
         3, "1.875", "1.88"),
        # pemula, Butuh Perbaikan, January-September: 9/12 x 75 % x 3.75 = 2.109375 -> 2.11
        ("pemula_butuh_perbaikan_9_of_12", "pemula", "butuh_perbaikan",
         "2025-01-01/2025-09-30", "2025-10-06", 9, "2.109375", "2.11"),
    ]  # fmt: skip
    for name, jenjang, predikat, period, day, months, unrounded, shown in prorated:
        hand = _ak_hand(jenjang, predikat, months, unrounded, shown)
        yield vector(
            "angka_kredit",
            name,
            kind="rewards",
            regime="permenpanrb_6_2022",
            rule="AK-CONVERSION",
            source=AK_SOURCE,
            document=rewards_document(
                f"Angka kredit {jenjang}, {predikat}, {months} bulan",
                jenjang,
                [(period, predikat, day)],
                {},
            ),
            options=options,
            fields=list(hand),
            required=AK_REQUIRED,
            worked=WORKED,
            hand=hand,
        )
    # BKN's accumulation example (PerBKN 3/2023 technical slides [S17]): 18.75 held (2023,
    # Ahli Pertama, Sangat Baik) + January-February 2024 Baik: 2/12 x 100 % x 12.5 = 25/12 =
    # 2.0833... (no finite decimal: left out; shown 2.08); total 18.75 + 25/12 = 250/12 =
    # 20.8333... (left out) -> shown 20.83, carried at full precision before rounding (D5)
    hand = _ak_hand("ahli_pertama", "baik", 2, None, "2.08")
    hand |= {"angka_kredit.shown": "20.83", "angka_kredit.start": "18.75"}
    yield vector(
        "angka_kredit",
        "bkn_accumulation_18_75_plus_jan_feb_baik",
        kind="rewards",
        regime="permenpanrb_6_2022",
        rule="AK-ACCUMULATION",
        source=AK_SOURCE + "; accumulation: BKN, Pelaksanaan Teknis PerBKN 3/2023 (18.75 +"
        " 2.08 = 20.83), full precision carried (D5)",
        document=rewards_document(
            "Angka kredit: 18,75 dimiliki + Januari-Februari 2024 Baik",
            "ahli_pertama",
            [("2024-01-01/2024-02-29", "baik", "2024-03-04")],
            {"prior_angka_kredit": "18.75"},
        ),
        options=options,
        fields=list(hand),
        required=AK_REQUIRED,
        worked=WORKED,
        hand=hand,
    )
    # Two halves of a year accumulated, ahli muda: January-June Baik 6/12 x 100 % x 25 = 12.5;
    # July-December Sangat Baik 6/12 x 150 % x 25 = 18.75; total 31.25
    two = _ak_hand("ahli_muda", "baik", 6, "12.5", "12.50")
    two |= {
        "angka_kredit.periods[1].predikat": "sangat_baik",
        "angka_kredit.periods[1].months": "6",
        "angka_kredit.periods[1].value": "18.75",
        "angka_kredit.value": "31.25",
        "angka_kredit.shown": "31.25",
    }
    yield vector(
        "angka_kredit",
        "ahli_muda_two_halves_accumulated",
        kind="rewards",
        regime="permenpanrb_6_2022",
        rule="AK-ACCUMULATION",
        source=AK_SOURCE + "; two periods accumulated: PerBKN 3/2023 [S17], D5",
        document=rewards_document(
            "Angka kredit: dua semester, Baik lalu Sangat Baik",
            "ahli_muda",
            [
                ("2025-01-01/2025-06-30", "baik", "2025-07-07"),
                ("2025-07-01/2025-12-31", "sangat_baik", "2026-01-12"),
            ],
            {},
        ),
        options=options,
        fields=list(two),
        required=AK_REQUIRED,
        worked=WORKED,
        hand=two,
    )


# --- tukin / TPP --------------------------------------------------------------------------------

KEMNAKER_SOURCE = (
    "Permenaker 15/2024 Pasal 5 (70 % capaian kinerja, 30 % kehadiran), Pasal 13 (cuts: 3 % per"
    " day absent, 1 % per missing presensi, 0.01 % per minute, 3 % per flag ceremony), Lampiran"
    " p.12 (tukin per kelas); Kepsekjen Kemnaker 82/2025 Lampiran p.7 (Baik 100 %, Butuh"
    " Perbaikan 85 %, Kurang and Sangat Kurang 60 %); the net amount rounded once (the ministry's"
    " ADK sheet); the cuts stop at the attendance share (library decision)"
)
PEMDA_SOURCE = (
    "pemda_contoh_tpp: an invented example policy (not a real regulation): 60 % performance x"
    " the predikat's percentage (Sangat Baik 100, Baik 90, Butuh Perbaikan 75, Kurang 50), 40 %"
    " attendance less 4 % per day absent, 1.5 % per missing check, 0.02 % per minute, 2 % per"
    " ceremony; each component rounded (pay_rounded_components)"
)
TUKIN = "allowances[0]"
TUKIN_FIELDS = [
    f"{TUKIN}.kelas",
    f"{TUKIN}.predikat",
    f"{TUKIN}.base",
    f"{TUKIN}.performance_percentage",
    f"{TUKIN}.cut_percent",
    f"{TUKIN}.performance",
    f"{TUKIN}.performance_paid",
    f"{TUKIN}.attendance",
    f"{TUKIN}.attendance_paid",
    f"{TUKIN}.total",
]


def _tukin() -> Iterator[dict[str, Any]]:
    cases: list[tuple[str, str, str, int, str, dict[str, int], dict[str, str]]] = [
        # the how-to's worked row (docs/how-to/tables-rewards.md): kelas 7 = 3,915,950;
        # performance 3,915,950 x 70 % x 100 % = 2,741,165; cuts 1 day (3 %) + 30 min
        # (0.3 %) = 3.3 %; attendance 3,915,950 x 30 % = 1,174,785 x 96.7 % = 1,136,017.095
        # -> 1,136,017; total 2,741,165 + 1,136,017.095 = 3,877,182.095 -> 3,877,182
        ("kemnaker_kelas7_baik_absent_and_late", "kemnaker_2025", KEMNAKER_SOURCE, 7, "baik",
         {"days_absent": 1, "minutes_late_or_early": 30},
         {"base": "3915950", "performance_percentage": "100", "cut_percent": "3.3",
          "performance": "2741165", "performance_paid": "2741165",
          "attendance": "1136017.095", "attendance_paid": "1136017", "total": "3877182"}),
        # the golden file tests/golden/rewards/tukin_kemnaker_kelas10_attendance_cuts.json:
        # cuts 1 x 3 % + 2 x 1 % + 60 x 0.01 % + 1 x 3 % = 8.6 %; attendance 5,979,200 x 30 %
        # = 1,793,760 x 91.4 % = 1,639,496.64 -> 1,639,497; performance 5,979,200 x 70 % =
        # 4,185,440; total 5,824,936.64 -> 5,824,937
        ("kemnaker_kelas10_baik_four_cuts", "kemnaker_2025", KEMNAKER_SOURCE, 10, "baik",
         {"days_absent": 1, "missing_checks": 2, "minutes_late_or_early": 60,
          "missed_ceremonies": 1},
         {"base": "5979200", "performance_percentage": "100", "cut_percent": "8.6",
          "performance": "4185440", "performance_paid": "4185440",
          "attendance": "1639496.64", "attendance_paid": "1639497", "total": "5824937"}),
        # Butuh Perbaikan 85 %: 3,915,950 x 70 % = 2,741,165 x 85 % = 2,329,990.25 -> 2,329,990;
        # attendance in full 1,174,785; total 3,504,775.25 -> 3,504,775
        ("kemnaker_kelas7_butuh_perbaikan_full_attendance", "kemnaker_2025", KEMNAKER_SOURCE,
         7, "butuh_perbaikan", {},
         {"base": "3915950", "performance_percentage": "85", "cut_percent": "0",
          "performance": "2329990.25", "performance_paid": "2329990",
          "attendance": "1174785", "attendance_paid": "1174785", "total": "3504775"}),
        # kelas 12 = 9,896,000, Kurang 60 %: 9,896,000 x 70 % = 6,927,200 x 60 % = 4,156,320;
        # 2 missing presensi = 2 %: 9,896,000 x 30 % = 2,968,800 x 98 % = 2,909,424;
        # total 7,065,744
        ("kemnaker_kelas12_kurang_two_missing_checks", "kemnaker_2025", KEMNAKER_SOURCE, 12,
         "kurang", {"missing_checks": 2},
         {"base": "9896000", "performance_percentage": "60", "cut_percent": "2",
          "performance": "4156320", "performance_paid": "4156320",
          "attendance": "2909424", "attendance_paid": "2909424", "total": "7065744"}),
        # kelas 10, Sangat Baik (100 %), 7 minutes: cut 0.07 %; attendance 1,793,760 x 99.93 %
        # = 1,793,760 - 1,255.632 = 1,792,504.368 -> 1,792,504; total 4,185,440 +
        # 1,792,504.368 = 5,977,944.368 -> 5,977,944
        ("kemnaker_kelas10_sangat_baik_7_minutes", "kemnaker_2025", KEMNAKER_SOURCE, 10,
         "sangat_baik", {"minutes_late_or_early": 7},
         {"base": "5979200", "performance_percentage": "100", "cut_percent": "0.07",
          "performance": "4185440", "performance_paid": "4185440",
          "attendance": "1792504.368", "attendance_paid": "1792504", "total": "5977944"}),
        # kelas 1 = 2,531,250, Sangat Kurang 60 %: 2,531,250 x 70 % = 1,771,875 x 60 % =
        # 1,063,125; cuts 30 x 3 % + 2 x 3 % + 500 x 0.01 % = 90 + 6 + 5 = 101 % -> the
        # attendance share stops at zero (cut 100 %, library decision); total 1,063,125
        ("kemnaker_kelas1_sangat_kurang_cuts_past_the_share", "kemnaker_2025", KEMNAKER_SOURCE,
         1, "sangat_kurang",
         {"days_absent": 30, "missed_ceremonies": 2, "minutes_late_or_early": 500},
         {"base": "2531250", "performance_percentage": "60", "cut_percent": "100",
          "performance": "1063125", "performance_paid": "1063125",
          "attendance": "0", "attendance_paid": "0", "total": "1063125"}),
        # pemda example, kelas 9 = 6,000,000, Sangat Baik 100 %: 6,000,000 x 60 % = 3,600,000;
        # attendance 6,000,000 x 40 % = 2,400,000 in full; total 6,000,000
        ("pemda_kelas9_sangat_baik_full", "pemda_contoh_tpp", PEMDA_SOURCE, 9, "sangat_baik",
         {},
         {"base": "6000000", "performance_percentage": "100", "cut_percent": "0",
          "performance": "3600000", "performance_paid": "3600000",
          "attendance": "2400000", "attendance_paid": "2400000", "total": "6000000"}),
        # pemda, kelas 5 = 3,000,000, Baik 90 %: 3,000,000 x 60 % x 90 % = 1,620,000; cuts
        # 1 day 4 % + 2 missing 3 % + 45 min 0.9 % = 7.9 %: 1,200,000 x 92.1 % = 1,105,200;
        # total 2,725,200
        ("pemda_kelas5_baik_cuts", "pemda_contoh_tpp", PEMDA_SOURCE, 5, "baik",
         {"days_absent": 1, "missing_checks": 2, "minutes_late_or_early": 45},
         {"base": "3000000", "performance_percentage": "90", "cut_percent": "7.9",
          "performance": "1620000", "performance_paid": "1620000",
          "attendance": "1105200", "attendance_paid": "1105200", "total": "2725200"}),
        # pemda, kelas 12 = 9,500,000, Kurang 50 %: 9,500,000 x 60 % x 50 % = 2,850,000;
        # 1 ceremony 2 %: 3,800,000 x 98 % = 3,724,000; total 6,574,000
        ("pemda_kelas12_kurang_one_ceremony", "pemda_contoh_tpp", PEMDA_SOURCE, 12, "kurang",
         {"missed_ceremonies": 1},
         {"base": "9500000", "performance_percentage": "50", "cut_percent": "2",
          "performance": "2850000", "performance_paid": "2850000",
          "attendance": "3724000", "attendance_paid": "3724000", "total": "6574000"}),
    ]  # fmt: skip
    for name, policy, source, kelas, predikat, attendance, amounts in cases:
        hand = {f"{TUKIN}.kelas": str(kelas), f"{TUKIN}.predikat": predikat}
        hand |= {f"{TUKIN}.{field}": value for field, value in amounts.items()}
        yield vector(
            "tukin",
            name,
            kind="rewards",
            regime="permenpanrb_6_2022",
            rule="TUKIN-TOTAL",
            source=source,
            document=rewards_document(
                f"Tunjangan kinerja: {name}",
                None,
                [("2025-03", predikat, "2025-04-02")],
                {"kelas": kelas, "attendance": {"2025-03": attendance} if attendance else {}},
            ),
            options={"policy": policy},
            fields=TUKIN_FIELDS,
            required=[f"{TUKIN}.total"],
            worked=WORKED,
            hand=hand,
        )


#: The groups, in the order of the manifest (after the vectors of ``conformance_vectors``, so
#: that theirs keep their place).
GROUPS: tuple[Callable[[], Iterator[dict[str, Any]]], ...] = (
    _angka_kredit,
    _tukin,
    objection_specs,
    per_iki_specs,
    integration_specs,
)


def specs() -> list[dict[str, Any]]:
    """Every vector worked by hand in the ``tools/conformance_*.py`` files: the groups
    ``angka_kredit``, ``tukin`` and ``objection``, then the per-IKI vectors of
    ``permenpanrb_8_2021`` and the missing parts of ``integration_2021``."""
    return [spec for group in GROUPS for spec in group()]
