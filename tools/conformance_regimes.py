"""The conformance vectors of the older regimes worked by hand in this file (issue 15): the
capaian of each kind of IKI under PermenPANRB 8/2021 (group ``permenpanrb_8_2021``) and the
parts of the 2021 split the first vectors left out (group ``integration_2021``): a half given
in full, both halves in full, each predikat table, the innovation condition."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from conformance_common import NIP, vector

__all__ = ["integration_specs", "per_iki_specs"]

WORKED = "tools/conformance_regimes.py"


# --- PermenPANRB 8/2021: capaian per IKI --------------------------------------------------------

IKI_SOURCE = (
    "PermenPANRB 8/2021 Lampiran BAB VI A.1.b.1)(e), (g) (capaian, ranged targets) and"
    " A.1.b.2)(d)-(i) (kategori and nilai capaian IKI: > 110 % 120; 101-110 % 110-120 (D9);"
    " 100 % 109; 80-99 % 70-89; 60-79 % 50-69; 0-59 % 0-49) [S13 p.99-101, p.110, p.363];"
    " capaian rounded to a whole percent half-up first (library decision D13); the nilai"
    " kinerja (70 % SKP + 30 % perilaku) and its predikat: PP 30/2019 Pasal 41(1)-(5) [S10]"
)
IKI = "detail.skp.utama[0].indicators[0]"
IKI_FIELDS = [
    f"{IKI}.target_used",
    f"{IKI}.capaian_percent",
    f"{IKI}.category",
    f"{IKI}.value_shown",
    "value_shown",
    "predikat",
    "rules",
]


def _iki_document(name: str, indicator: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema_version": "1",
        "regime": "permenpanrb_8_2021",
        "title": f"PermenPANRB 8/2021, satu IKI: {name}",
        "period": "2021-07-01/2021-12-31",
        "with_peer_input": False,
        "employees": [
            {
                "nip": NIP,
                "name": "Budi Santoso",
                "skp": {
                    "utama": [
                        {
                            "id": "rhk-1",
                            "weight": "100",
                            "indicators": [{"id": "iki-1", **indicator}],
                        }
                    ],
                    "tambahan": [],
                },
                "behaviour": "100",
            }
        ],
    }


def _target(lower: str, upper: str | None = None, unit: str = "%") -> dict[str, Any]:
    return {"lower": lower, "upper": upper, "unit": unit}


#: The rule ids after an IKI's own (its capaian, rounding and nilai), the same for every IKI
#: vector: the RHK utama is the mean of its IKI (8/2021-UTAMA), the nilai SKP the weighted
#: RHK (8/2021-NILAI-SKP), the nilai kinerja 70 % SKP + 30 % perilaku (PP30-NILAI-KINERJA,
#: PP 30/2019 Pasal 41(1)-(4): no peer input), its predikat (PP30-PREDIKAT, Pasal 41(5)) and
#: that predikat on the 2022 scale (PP30-TO-2022).
IKI_CHAIN = "8/2021-UTAMA 8/2021-NILAI-SKP PP30-NILAI-KINERJA PP30-PREDIKAT PP30-TO-2022"
#: The capaian of an IKI and its nilai from the table (8/2021-CAPAIAN, then the rounding to a
#: whole percent, D13-CAPAIAN-ROUNDING, then 8/2021-NILAI-IKI).
NORMAL = "8/2021-CAPAIAN D13-CAPAIAN-ROUNDING 8/2021-NILAI-IKI"


def per_iki_specs() -> Iterator[dict[str, Any]]:
    """The 13 IKI vectors. Every document is one RHK utama (weight 100) of one IKI and
    perilaku 100 without peer input, so the nilai SKP is the IKI's nilai and the nilai
    kinerja is 70 % x nilai + 30 % x 100 = 0.7 x nilai + 30 (PP 30/2019 Pasal 41(1)-(4)),
    shown to 2 places half-up; its predikat (Pasal 41(5)): Sangat Baik from 110 with an
    innovation (none here: 110 and over is Baik), Baik 90 to 120, Cukup 70 to < 90, Kurang 50
    to < 70, Sangat Kurang < 50."""
    # (name, indicator, target_used, capaian %, kategori, nilai shown, the rule ids of the
    # IKI's own steps, nilai kinerja shown, predikat)
    cases: list[tuple[str, dict[str, Any], str, str, str, str, str, str, str]] = [
        # the Lampiran's example [S13 p.363]: 93 / 95 = 97.89 % -> 98 % -> Cukup,
        # 70 + (89 - 70)/(99 - 80) x (98 - 80) = 70 + 18 = 88; nilai kinerja 0.7 x 88 + 30 =
        # 61.60 + 30 = 91.60 -> Baik (90 <= 91.60 < 110)
        ("normal_93_of_95_cukup_88",
         {"target": _target("95", unit="dokumen"), "realisation": "93"}, "95", "98", "cukup",
         "88.00", NORMAL, "91.60", "baik"),
        # 100 / 100 = 100 % -> Baik, 109; 0.7 x 109 + 30 = 76.30 + 30 = 106.30 -> Baik
        ("normal_100_baik_109", {"target": _target("100"), "realisation": "100"}, "100", "100",
         "baik", "109.00", NORMAL, "106.30", "baik"),
        # 105 % -> Sangat Baik, 110 + 10/9 x (105 - 101) = 110 + 40/9 = 114.444... -> 114.44 (D9);
        # 0.7 x 114.444... = 80.111... + 30 = 110.111... -> 110.11: 110 and over without an
        # innovation -> Baik
        ("normal_105_sangat_baik_114_44", {"target": _target("100"), "realisation": "105"},
         "100", "105", "sangat_baik", "114.44", NORMAL, "110.11", "baik"),
        # 115 % > 110 % -> Sangat Baik, 120 (the cap of the table); 0.7 x 120 + 30 = 84 + 30 =
        # 114.00 -> Baik (no innovation)
        ("normal_115_capped_120", {"target": _target("100"), "realisation": "115"}, "100",
         "115", "sangat_baik", "120.00", NORMAL, "114.00", "baik"),
        # 70 % -> Kurang, 50 + (69 - 50)/(79 - 60) x (70 - 60) = 50 + 10 = 60; 0.7 x 60 + 30 =
        # 42 + 30 = 72.00 -> Cukup (70 <= 72 < 90)
        ("normal_70_kurang_60", {"target": _target("100"), "realisation": "70"}, "100", "70",
         "kurang", "60.00", NORMAL, "72.00", "cukup"),
        # 50 % -> Sangat Kurang, 50/59 x 49 = 2450/59 = 41.525... -> 41.53; 0.7 x 2450/59 =
        # 1715/59 = 29.067... + 30 = 59.067... -> 59.07 -> Kurang (50 <= 59.07 < 70)
        ("normal_50_sangat_kurang_41_53", {"target": _target("100"), "realisation": "50"},
         "100", "50", "sangat_kurang", "41.53", NORMAL, "59.07", "kurang"),
        # 199 / 200 = 99.5 % -> 100 % half-up (D13) -> Baik, 109; 106.30 -> Baik
        ("normal_99_5_rounds_to_100", {"target": _target("200", unit="dokumen"),
                                        "realisation": "199"}, "200", "100", "baik", "109.00",
         NORMAL, "106.30", "baik"),
        # lower is better (Lampiran (g), 8/2021-CAPAIAN-KHUSUS): target 7, realised 6.5:
        # (1 + (1 - 6.5/7)) = 1 + 1/14 = 107.14 % -> 107 % -> Sangat Baik, 110 + 10/9 x 6 =
        # 116.666... -> 116.67; 0.7 x 116.666... = 81.666... + 30 = 111.666... -> 111.67 -> Baik
        ("lower_is_better_6_5_of_7", {"target": _target("7", unit="bulan"),
                                       "realisation": "6.5", "direction": "lower_is_better"},
         "7", "107", "sangat_baik", "116.67",
         "8/2021-CAPAIAN-KHUSUS D13-CAPAIAN-ROUNDING 8/2021-NILAI-IKI", "111.67", "baik"),
        # lower is better, target 10, realised 25: 1 + (1 - 2.5) = -50 % -> 0 % (the floor,
        # library decision 8/2021-CAPAIAN-FLOOR) -> Sangat Kurang, 0; 0.7 x 0 + 30 = 30.00 ->
        # Sangat Kurang (< 50)
        ("lower_is_better_floor_0", {"target": _target("10", unit="hari"), "realisation": "25",
                                      "direction": "lower_is_better"}, "10", "0",
         "sangat_kurang", "0.00",
         "8/2021-CAPAIAN-KHUSUS 8/2021-CAPAIAN-FLOOR D13-CAPAIAN-ROUNDING 8/2021-NILAI-IKI",
         "30.00", "sangat_kurang"),
        # ranged 80-90 %, realised 70 (below, 8/2021-TARGET-RANGE): the lower bound, 70/80 =
        # 87.5 % -> 88 % -> Cukup, 70 + 8 = 78 [S13 p.110]; 0.7 x 78 + 30 = 54.60 + 30 = 84.60
        # -> Cukup (70 <= 84.60 < 90)
        ("range_below_70_of_80_90", {"target": _target("80", "90"), "realisation": "70"}, "80",
         "88", "cukup", "78.00", f"8/2021-TARGET-RANGE {NORMAL}", "84.60", "cukup"),
        # ranged 80-90 %, realised 85 (within): no bound is used (target_used null) and the
        # capaian is 100 % (library reading 8/2021-TARGET-MET, UNCONFIRMED, in place of
        # 8/2021-CAPAIAN) -> Baik, 109; 106.30 -> Baik
        ("range_within_85_of_80_90", {"target": _target("80", "90"), "realisation": "85"}, "null",
         "100", "baik", "109.00", "8/2021-TARGET-MET D13-CAPAIAN-ROUNDING 8/2021-NILAI-IKI",
         "106.30", "baik"),
        # ranged 80-90 %, realised 99 (above): the upper bound, 99/90 = 110 % -> Sangat Baik,
        # 110 + 10/9 x 9 = 120; 0.7 x 120 + 30 = 114.00 -> Baik (no innovation)
        ("range_above_99_of_80_90", {"target": _target("80", "90"), "realisation": "99"}, "90",
         "110", "sangat_baik", "120.00", f"8/2021-TARGET-RANGE {NORMAL}", "114.00", "baik"),
        # the maximum attainable target met (Lampiran (i), 8/2021-MAX-ATTAINABLE in place of
        # the table's 8/2021-NILAI-IKI): 100 % -> Sangat Baik, 120; 114.00 -> Baik
        ("max_attainable_100_sangat_baik_120", {"target": _target("100"), "realisation": "100",
                                                 "max_attainable": True}, "100", "100",
         "sangat_baik", "120.00", "8/2021-CAPAIAN D13-CAPAIAN-ROUNDING 8/2021-MAX-ATTAINABLE",
         "114.00", "baik"),
    ]  # fmt: skip
    for name, indicator, used, percent, category, shown, own, kinerja, predikat in cases:
        yield vector(
            "permenpanrb_8_2021",
            f"iki_{name}",
            kind="regime",
            regime="permenpanrb_8_2021",
            rule="8/2021-NILAI-IKI",
            source=IKI_SOURCE,
            document=_iki_document(name, indicator),
            fields=IKI_FIELDS,
            required=[f"{IKI}.capaian_percent", f"{IKI}.category", f"{IKI}.value_shown"],
            worked=WORKED,
            hand={
                f"{IKI}.target_used": used,
                f"{IKI}.capaian_percent": percent,
                f"{IKI}.category": category,
                f"{IKI}.value_shown": shown,
                "value_shown": kinerja,
                "predikat": predikat,
                "rules": f"{own} {IKI_CHAIN}",
            },
        )


# --- integration 2021 ---------------------------------------------------------------------------

SPLIT_SOURCE = (
    "the 2021 transition: January-June under PP 46/2011, July-December under PP 30/2019 +"
    " PermenPANRB 8/2021, integrated 50 % / 50 % [S14]; the integrated value's predikat table"
    " is the document's choice (predikat_table; UNCONFIRMED which applies): Pasal 41(5) of"
    " PP 30/2019 (Sangat Baik from 110 with an innovation, Baik from 90), the PP 46/2011 bands"
    " > 90 / > 75 / > 60 / > 50 (decision D6), or none"
)
SPLIT_FIELDS = [
    "detail.first_half.value_shown",
    "detail.second_half.value_shown",
    "detail.predikat_table",
    "value_shown",
    "predikat",
    "predikat_2022",
    "rules",
]


def _split(
    title: str, table: str, first: dict[str, Any], second: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    return {
        "schema_version": "1",
        "regime": "integration_2021",
        "title": title,
        "period": "2021",
        "predikat_table": table,
        "with_peer_input": False,
        "employees": [
            {
                "nip": "199205202015031001",
                "name": "Rizky Ramadhan",
                "first_half": first,
                "second_half": second,
                **extra,
            }
        ],
    }


def integration_specs() -> Iterator[dict[str, Any]]:
    docs = json.loads(
        (resources.files("asn_performance") / "examples" / "integration_2021.json").read_text(
            "utf-8"
        )
    )
    maya = docs["employees"][0]
    # docs/reference/regime-documents.md: January-June 83.30 by value; July-December in full,
    # nilai SKP 100 and perilaku 90 without peer input: 70 % x 100 + 30 % x 90 = 97; the
    # integrated (83.30 + 97) / 2 = 180.30 / 2 = 90.15, under each predikat table. The rule
    # ids: the second half's nilai kinerja (PP30-NILAI-KINERJA) and its own predikat
    # (PP30-PREDIKAT, PP30-TO-2022), then the integration (REGIME-2021-INTEGRATION); under
    # the PP 46/2011 table the integrated value's predikat then adds PP46-PREDIKAT and
    # PP46-TO-2022 (under the others it repeats ids already listed, or gives none).
    split_rules = "PP30-NILAI-KINERJA PP30-PREDIKAT PP30-TO-2022 REGIME-2021-INTEGRATION"
    for table, predikat, in_2022, rules in (
        # Pasal 41(5): 90 <= 90.15 < 110 -> Baik; on the 2022 scale Baik (PP30-TO-2022
        # renames only Cukup)
        ("permenpanrb_8_2021", "baik", "baik", split_rules),
        # D6: 90.15 > 90 -> Sangat Baik; on the 2022 scale Sangat Baik (PP46-TO-2022 renames
        # only Cukup and Buruk)
        ("pp46_2011", "sangat_baik", "sangat_baik", f"{split_rules} PP46-PREDIKAT PP46-TO-2022"),
        ("none", "null", "null", split_rules),  # no predikat, none on the 2022 scale
    ):
        yield vector(
            "integration_2021",
            f"value_and_second_half_in_full_{table}",
            kind="regime",
            regime="integration_2021",
            rule="REGIME-2021-INTEGRATION",
            source=SPLIT_SOURCE,
            document=_split(
                f"Integrasi 2021, tabel predikat {table}",
                table,
                {"value": "83.30"},
                {"nilai_skp": "100", "behaviour": "90"},
            ),
            fields=SPLIT_FIELDS,
            required=["value_shown", "predikat"],
            worked=WORKED,
            hand={
                "detail.first_half.value_shown": "83.30",
                "detail.second_half.value_shown": "97.00",
                "detail.predikat_table": table,
                "value_shown": "90.15",
                "predikat": predikat,
                "predikat_2022": in_2022,
                "rules": rules,
            },
        )
    # both halves in full: docs/how-to/recompute-2021.md (worked by hand there): January-June
    # (PP 46/2011) 86.375 -> 86.38, July-December (8/2021) 100.1753... -> 100.18; integrated
    # (86.375 + 100.1753...) / 2 = 93.275... -> 93.28, Baik (Pasal 41(5): 90-110), Baik on
    # the 2022 scale. The rule ids, each once in the order they first apply: the first half
    # (PP 46/2011): its first activity's kuantitas, kualitas, waktu and the activity's value,
    # the second activity adds biaya; then tugas tambahan, kreativitas, the SKP value and its
    # predikat, perilaku, prestasi kerja and its 2022 predikat. The second half (8/2021): the
    # first IKI's capaian, rounding and nilai; the second IKI is ranged (80-90, realised 92:
    # the upper bound, TARGET-RANGE); RHK utama; rhk-2's IKI is lower-is-better
    # (CAPAIAN-KHUSUS); the tambahan; nilai SKP, nilai kinerja, predikat, 2022 predikat; then
    # the integration.
    both_rules = " ".join(
        (
            "PP46-KUANTITAS PP46-KUALITAS PP46-WAKTU PP46-KEGIATAN PP46-BIAYA",
            "PP46-TUGAS-TAMBAHAN PP46-KREATIVITAS PP46-SKP PP46-PREDIKAT PP46-PERILAKU",
            "PP46-PRESTASI PP46-TO-2022",
            "8/2021-CAPAIAN D13-CAPAIAN-ROUNDING 8/2021-NILAI-IKI 8/2021-TARGET-RANGE",
            "8/2021-UTAMA 8/2021-CAPAIAN-KHUSUS 8/2021-TAMBAHAN 8/2021-NILAI-SKP",
            "PP30-NILAI-KINERJA PP30-PREDIKAT PP30-TO-2022 REGIME-2021-INTEGRATION",
        )
    )
    yield vector(
        "integration_2021",
        "both_halves_in_full",
        kind="regime",
        regime="integration_2021",
        rule="REGIME-2021-INTEGRATION",
        source=SPLIT_SOURCE + "; the example of docs/how-to/recompute-2021.md",
        document=_split(
            "Integrasi 2021, kedua semester lengkap",
            "permenpanrb_8_2021",
            maya["first_half"],
            maya["second_half"],
        ),
        fields=[*SPLIT_FIELDS, "detail.first_half.value"],
        required=["value_shown", "predikat"],
        worked=WORKED,
        hand={
            "detail.first_half.value": "86.375",
            "detail.first_half.value_shown": "86.38",
            "detail.second_half.value_shown": "100.18",
            "detail.predikat_table": "permenpanrb_8_2021",
            "value_shown": "93.28",
            "predikat": "baik",
            "predikat_2022": "baik",
            "rules": both_rules,
        },
    )
    # the innovation condition of Sangat Baik (Pasal 41(5)(a)) on the integrated value:
    # January-June 115, July-December nilai SKP 112 and perilaku 112 -> 70 % x 112 + 30 % x
    # 112 = 112; integrated (115 + 112) / 2 = 113.50: with the second half's innovation
    # Sangat Baik, without it Baik; the same on the 2022 scale; the rule ids as for the
    # value and second half in full under the 8/2021 table above
    for innovation, predikat in ((True, "sangat_baik"), (False, "baik")):
        label = "with" if innovation else "without"
        yield vector(
            "integration_2021",
            f"integrated_113_50_{label}_innovation",
            kind="regime",
            regime="integration_2021",
            rule="REGIME-2021-INTEGRATION",
            source=SPLIT_SOURCE,
            document=_split(
                f"Integrasi 2021, 113,50 {label} inovasi",
                "permenpanrb_8_2021",
                {"value": "115"},
                {"nilai_skp": "112", "behaviour": "112", "innovation": innovation},
            ),
            fields=SPLIT_FIELDS,
            required=["value_shown", "predikat"],
            worked=WORKED,
            hand={
                "detail.first_half.value_shown": "115.00",
                "detail.second_half.value_shown": "112.00",
                "detail.predikat_table": "permenpanrb_8_2021",
                "value_shown": "113.50",
                "predikat": predikat,
                "predikat_2022": predikat,
                "rules": split_rules,
            },
        )
