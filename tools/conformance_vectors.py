"""Write the conformance vectors shipped in ``asn_performance/conformance/vectors``.

Every vector is an input in a public JSON format (the PermenPANRB 6/2022 input document, a
regime document, a units document) and the output the library gives for it
(:func:`asn_performance.conformance.outcome`). Two sources:

* **worked** vectors are the hand-worked examples of ``tests/golden`` put into a public
  document; the library's output must equal the golden file's expected values (this script
  refuses to write when one differs, and ``tests/unit/conformance`` checks it again); their
  ``source`` is the golden file's citation;
* **generated** vectors cover what the worked ones do not (a policy, a rounding); their
  expected output is what the library gives today, and their ``source`` says ``generated``;
* the groups of ``tools/conformance_groups.py`` (angka kredit, tukin, objection deadlines, the
  per-IKI capaian of 8/2021, the 2021 split) are worked by hand in that file (its ``hand``
  values): this script refuses to write when the library gives anything else.

Usage (from the project root)::

    python tools/conformance_vectors.py --check   # exit 1 when the shipped files differ
    python tools/conformance_vectors.py --write   # rewrite the vectors and the manifest
"""

from __future__ import annotations

import argparse
import copy
import importlib
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from asn_performance import __version__
from asn_performance.conformance import VECTOR_FORMAT, outcome

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
VECTORS = ROOT / "src" / "asn_performance" / "conformance" / "vectors"
FORMAT_VERSION = "1"

SUPERVISOR: dict[str, Any] = {
    "nip": "197805172003122001",
    "name": "Ratna Dewi Lestari, S.Sos., M.AP.",
    "position": {"kind": "administrator", "title": "Kepala Bidang SMP", "jenjang": None},
    "unit": "Dinas Pendidikan (contoh)",
    "superior_nip": "197003121995031002",
}
HEAD_OF_SUPERVISOR: dict[str, Any] = {
    "nip": "197003121995031002",
    "name": "Drs. Hendra Wijaya, M.Si.",
    "position": {"kind": "jpt", "title": "Kepala Dinas Pendidikan", "jenjang": None},
    "unit": "Dinas Pendidikan (contoh)",
    "superior_nip": None,
}
EMPLOYEE: dict[str, Any] = {
    "nip": "198609262015051001",
    "name": "Budi Santoso, S.Pd.",
    "position": {"kind": "fungsional", "title": "Guru", "jenjang": "ahli_muda"},
    "unit": "Dinas Pendidikan (contoh)",
    "superior_nip": "197805172003122001",
}
PEERS = [
    ("199010102015031001", "Rizky Pratama, S.Pd.", "ahli_pertama"),
    ("199107042019032012", "Siti Aminah, S.Pd.", "ahli_pertama"),
    ("199302142017012003", "Cut Nyak Rahmah, S.Pd.", "ahli_pertama"),
]
BEHAVIOURS = [
    "berorientasi_pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
]
APPRAISAL_FIELDS = [
    "rating_hasil_kerja",
    "rating_perilaku_kerja",
    "predikat",
    "predikat_label",
    "rules",
]
REGIME_FIELDS = ["value", "value_shown", "predikat", "predikat_label", "predikat_2022", "rules"]
UNITS_FIELDS = ["total", "ok", "violated"]


def _golden(path: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLDEN / path).read_text(encoding="utf-8"))
    return data


def _peer(index: int) -> dict[str, Any]:
    nip, name, jenjang = PEERS[index]
    return {
        "nip": nip,
        "name": name,
        "position": {"kind": "fungsional", "title": "Guru", "jenjang": jenjang},
        "unit": "Dinas Pendidikan (contoh)",
        "superior_nip": SUPERVISOR["nip"],
    }


def _plan(employee: dict[str, Any], assessor: dict[str, Any], leads_unit: bool) -> dict[str, Any]:
    return {
        "id": "skp-2025",
        "employee_nip": employee["nip"],
        "pejabat_penilai_nip": assessor["nip"],
        "atasan_pejabat_penilai_nip": None,
        "period": "2025",
        "approach": "kualitatif",
        "leads_unit": leads_unit,
        "work_results": [
            {
                "id": "rhk-1",
                "text": "Meningkatnya mutu layanan bidang"
                if leads_unit
                else "Meningkatnya angka kelulusan siswa",
                "kind": "utama",
                "leader_work_result": None if leads_unit else "Meningkatnya mutu lulusan SMP",
                "indicators": [
                    {
                        "id": "iki-1",
                        "text": "Persentase layanan tepat waktu"
                        if leads_unit
                        else "Persentase siswa lulus",
                        "aspect": "kuantitas",
                        "direction": "higher_is_better",
                        "target": {"lower": "95", "upper": None, "unit": "%"},
                    }
                ],
            }
        ],
        "behaviours": [{"value": v, "special_expectation": None} for v in BEHAVIOURS],
    }


def _assessment(role: str, nip: str, hasil: str, perilaku: str, day: str) -> dict[str, Any]:
    return {
        "plan_id": "skp-2025",
        "role": role,
        "assessor_nip": nip,
        "given_on": day,
        "period": "2025",
        "hasil_kerja": hasil,
        "perilaku_kerja": perilaku,
        "work_result_ratings": {},
        "behaviour_ratings": {},
        "realisations": [],
        "feedback": None,
        "anonymised": False,
    }


def _document(
    title: str,
    assessments: list[tuple[str, str, str]],
    *,
    policy: dict[str, Any] | None = None,
    organisation_predikat: str | None = None,
) -> dict[str, Any]:
    """A 6/2022 input document: one plan of Budi (or, with an organisation predikat, of his
    Kepala Bidang, a unit head); ``assessments`` are (role, hasil, perilaku), the peers in
    the order of :data:`PEERS`."""
    head = organisation_predikat is not None
    employee, assessor = (SUPERVISOR, HEAD_OF_SUPERVISOR) if head else (EMPLOYEE, SUPERVISOR)
    people = [HEAD_OF_SUPERVISOR, SUPERVISOR, EMPLOYEE] + [_peer(i) for i in range(3)]
    peers = iter(PEERS)
    given = []
    for role, hasil, perilaku in assessments:
        if role == "pejabat_penilai":
            nip, day = assessor["nip"], "2026-01-12"
        elif role == "self":
            nip, day = employee["nip"], "2026-01-05"
        else:
            nip, day = next(peers)[0], "2026-01-06"
        given.append(_assessment(role, nip, hasil, perilaku, day))
    return {
        "schema_version": "1",
        "title": title,
        "policy": policy or {"kind": "supervisor_decides"},
        "guards": {"min_anonymous_responses": 3, "anonymous_roles": ["peer", "subordinate"]},
        "organisation_predikat": organisation_predikat,
        "employees": people,
        "plans": [_plan(employee, assessor, head)],
        "assessments": given,
        "reward_inputs": {},
    }


def _vector(
    group: str,
    name: str,
    *,
    kind: str,
    regime: str,
    rule: str,
    source: str,
    document: dict[str, Any],
    fields: list[str],
    required: list[str],
    golden: str | None = None,
    golden_fields: dict[str, str] | None = None,
    options: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A vector of this file: its worked example, when it has one, a golden file."""
    made: dict[str, Any] = _tool("conformance_common").spec(
        group,
        name,
        kind=kind,
        regime=regime,
        rule=rule,
        source=source,
        document=document,
        fields=fields,
        required=required,
        worked_example=None if golden is None else f"tests/golden/{golden}",
        golden_fields=golden_fields,
        options=options,
    )
    return made


def _matrix() -> Iterator[dict[str, Any]]:
    for path in sorted((GOLDEN / "matrix").glob("*.json")):
        data = _golden(f"matrix/{path.name}")
        hasil = data["input"]["rating_hasil_kerja"]
        perilaku = data["input"]["rating_perilaku_kerja"]
        document = _document(
            f"Matriks 6/2022: hasil {hasil}, perilaku {perilaku}",
            [("pejabat_penilai", hasil, perilaku)],
        )
        yield _vector(
            "matrix",
            path.stem,
            kind="appraisal",
            regime="permenpanrb_6_2022",
            rule=data["rule"],
            source=data["source"],
            document=document,
            fields=APPRAISAL_FIELDS,
            required=["predikat"],
            golden=f"matrix/{path.name}",
            golden_fields={"predikat": "predikat", "predikat_label": "predikat_label"},
        )


def _unit_heads() -> Iterator[dict[str, Any]]:
    for path in sorted((GOLDEN / "unit_head").glob("*.json")):
        data = _golden(f"unit_head/{path.name}")
        given = data["input"]
        document = _document(
            f"Pimpinan unit kerja: capaian kinerja organisasi {given['organisation_predikat']}",
            [
                (
                    "pejabat_penilai",
                    given["pejabat_penilai_rating_hasil_kerja"],
                    given["rating_perilaku_kerja"],
                )
            ],
            organisation_predikat=given["organisation_predikat"],
        )
        yield _vector(
            "unit_head",
            path.stem,
            kind="appraisal",
            regime="permenpanrb_6_2022",
            rule=data["rule"],
            source=f"{data['source']} Status: {data['status']}",
            document=document,
            fields=APPRAISAL_FIELDS,
            required=["predikat"],
            golden=f"unit_head/{path.name}",
            golden_fields={
                "rating_hasil_kerja": "rating_hasil_kerja",
                "predikat": "predikat",
                "predikat_label": "predikat_label",
            },
        )


def _weighting() -> Iterator[dict[str, Any]]:
    fields_2 = {
        "rating_hasil_kerja": "rating_hasil_kerja",
        "rating_perilaku_kerja": "rating_perilaku_kerja",
        "predikat": "predikat",
        "predikat_label": "predikat_label",
    }
    for path in sorted((GOLDEN / "weighted").glob("*.json")):
        data = _golden(f"weighted/{path.name}")
        config = data["input"]["policy"]
        policy = {"kind": "weighted_sources", **config}
        given = [
            (a["role"], a["hasil_kerja"], a["perilaku_kerja"]) for a in data["input"]["assessments"]
        ]
        yield _vector(
            "weighting",
            f"weighted_{path.stem}",
            kind="appraisal",
            regime="permenpanrb_6_2022",
            rule=data["rule"],
            source=f"{data['source']} Status: {data['status']}",
            document=_document(f"Pembobotan sumber: {path.stem}", given, policy=policy),
            fields=APPRAISAL_FIELDS,
            required=["predikat"],
            golden=f"weighted/{path.name}",
            golden_fields=fields_2,
        )
    advisory = [
        ("pejabat_penilai", "sesuai_ekspektasi", "di_atas_ekspektasi"),
        ("self", "di_atas_ekspektasi", "di_atas_ekspektasi"),
        ("peer", "di_bawah_ekspektasi", "di_bawah_ekspektasi"),
    ]
    yield _vector(
        "weighting",
        "supervisor_decides_others_advisory",
        kind="appraisal",
        regime="permenpanrb_6_2022",
        rule="D2-SUPERVISOR-DECIDES",
        source="generated",
        document=_document("Pejabat penilai memutuskan; penilaian lain sebagai masukan", advisory),
        fields=APPRAISAL_FIELDS,
        required=["predikat"],
    )
    weighted = {
        "kind": "weighted_sources",
        "weights": {"self": "20", "pejabat_penilai": "60", "peer": "20"},
        "scale": {
            "di_bawah_ekspektasi": "1",
            "sesuai_ekspektasi": "2",
            "di_atas_ekspektasi": "3",
        },
        "sesuai_from": "1.5",
        "di_atas_from": "2.5",
    }
    per_dimension = {
        "kind": "per_dimension",
        "hasil_kerja": weighted,
        "perilaku_kerja": {"kind": "supervisor_decides"},
    }
    three_peers = [
        ("pejabat_penilai", "di_atas_ekspektasi", "sesuai_ekspektasi"),
        ("self", "di_atas_ekspektasi", "di_atas_ekspektasi"),
        ("peer", "di_bawah_ekspektasi", "di_atas_ekspektasi"),
        ("peer", "di_bawah_ekspektasi", "di_atas_ekspektasi"),
        ("peer", "di_bawah_ekspektasi", "di_atas_ekspektasi"),
    ]
    yield _vector(
        "weighting",
        "per_dimension_weighted_hasil_supervisor_perilaku",
        kind="appraisal",
        regime="permenpanrb_6_2022",
        rule="W-WEIGHTED",
        source="generated",
        document=_document("Kebijakan per dimensi", three_peers, policy=per_dimension),
        fields=APPRAISAL_FIELDS,
        required=["predikat"],
    )


def _activity(item: dict[str, Any]) -> dict[str, Any]:
    """A golden activity (``quantity_target``...) as the regime document writes it."""
    activity: dict[str, Any] = {"name": item["name"]}
    for golden, aspect in (
        ("quantity", "kuantitas"),
        ("quality", "kualitas"),
        ("time", "waktu"),
        ("cost", "biaya"),
    ):
        if f"{golden}_target" in item:
            activity[aspect] = {
                "target": item[f"{golden}_target"],
                "realisation": item[f"{golden}_realisation"],
            }
    return activity


def _pp46_document(title: str, employee: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema_version": "1",
        "regime": "pp46_2011",
        "title": title,
        "period": "2019",
        "employees": [{"nip": "198203112006041002", "name": "Agus Prasetyo", **employee}],
    }


BEHAVIOUR_80 = {
    "orientasi_pelayanan": "80",
    "integritas": "80",
    "komitmen": "80",
    "disiplin": "80",
    "kerja_sama": "80",
}


def _pp46() -> Iterator[dict[str, Any]]:
    prestasi = {
        "value": "value",
        "value_shown": "value_shown",
        "predikat": "predikat",
        "predikat_2022": "predikat_2022",
        "detail.skp_part": "skp_part",
        "detail.behaviour_value": "behaviour_value",
        "detail.behaviour_part": "behaviour_part",
    }
    for name, extra in (
        ("full_chain_bonus_12_88_10", {"detail.skp_value": "skp_value"}),
        ("two_skps_simple_mean", {"detail.skp_value_shown": "skp_value_shown"}),
    ):
        data = _golden(f"pp46/{name}.json")
        skps = [
            {
                "jabatan": "Analis Perencanaan",
                "activities": [_activity(a) for a in skp["activities"]],
                "tugas_tambahan": skp["tugas_tambahan"],
                "kreativitas": skp["kreativitas"],
            }
            for skp in data["input"]["skps"]
        ]
        employee = {"structural": False, "skps": skps, "behaviour": data["input"]["behaviour"]}
        mapped = {**prestasi, **extra}
        yield _vector(
            "pp46",
            name,
            kind="regime",
            regime="pp46_2011",
            rule=data["rule"],
            source=data["source"],
            document=_pp46_document(f"PP 46/2011: {name}", employee),
            fields=[*REGIME_FIELDS, *(f for f in mapped if f not in REGIME_FIELDS)],
            required=["value_shown", "predikat"],
            golden=f"pp46/{name}.json",
            golden_fields=mapped,
        )
    data = _golden("pp46/structural_six_aspects.json")
    behaviour = {k: v for k, v in data["input"].items() if k != "structural"}
    rakor = _golden("pp46/activity_rakor_85_50.json")["input"]
    skp = {
        "jabatan": "Kepala Subbagian",
        "activities": [_activity(rakor)],
        "tugas_tambahan": 0,
        "kreativitas": [],
    }
    yield _vector(
        "pp46",
        "structural_six_aspects",
        kind="regime",
        regime="pp46_2011",
        rule=data["rule"],
        source=data["source"],
        document=_pp46_document(
            "PP 46/2011: jabatan struktural, 6 aspek perilaku",
            {"structural": True, "skps": [skp], "behaviour": behaviour},
        ),
        fields=[*REGIME_FIELDS, "detail.behaviour_aspects", "detail.behaviour_value"],
        required=["value_shown", "predikat"],
        golden="pp46/structural_six_aspects.json",
        golden_fields={"detail.behaviour_aspects": "aspects", "detail.behaviour_value": "value"},
    )
    # capaian edge cases: one activity whose waktu (or biaya) is the golden case
    for name, aspect in (
        ("waktu_tw12_rw9_12_boundary_100", "waktu"),
        ("waktu_tw12_rw9_75", "waktu"),
        ("waktu_tw12_rw6_50", "waktu"),
        ("waktu_tw5_rw4_96", "waktu"),
        ("waktu_not_done_0", "waktu"),
        ("biaya_tb5000000_rb3800000_100", "biaya"),
    ):
        data = _golden(f"pp46/{name}.json")
        activity = {
            "name": "Menyusun laporan",
            "kuantitas": {"target": "1", "realisation": "1"},
            "kualitas": {"target": "100", "realisation": "100"},
            "waktu": {"target": "12", "realisation": "12"},
            aspect: {
                "target": data["input"]["target"],
                "realisation": data["input"]["realisation"],
            },
        }
        if name == "waktu_not_done_0":  # nothing done: kuantitas 0 as well
            activity["kuantitas"] = {"target": "1", "realisation": "0"}
        skp = {
            "jabatan": "Analis",
            "activities": [activity],
            "tugas_tambahan": 0,
            "kreativitas": [],
        }
        field = f"detail.skps[0].activities[0].{aspect}"
        yield _vector(
            "capaian",
            f"pp46_{name}",
            kind="regime",
            regime="pp46_2011",
            rule=data["rule"],
            source=data["source"],
            document=_pp46_document(
                f"PP 46/2011: {aspect} {data['input']['realisation']} dari"
                f" {data['input']['target']}",
                {"structural": False, "skps": [skp], "behaviour": BEHAVIOUR_80},
            ),
            fields=[field, f"{field}_efficiency", *REGIME_FIELDS],
            required=[field],
            golden=f"pp46/{name}.json",
            golden_fields={field: "value", f"{field}_efficiency": "efficiency"},
        )


def _regime_2021() -> Iterator[dict[str, Any]]:
    for name in (
        "kinerja_112_with_innovation_sangat_baik",
        "kinerja_112_without_innovation_baik",
        "kinerja_100_90_with_360_96",
        "kinerja_100_90_without_360_97",
    ):
        data = _golden(f"permenpanrb_8_2021/{name}.json")
        given = data["input"]
        document: dict[str, Any] = {
            "schema_version": "1",
            "regime": "permenpanrb_8_2021",
            "title": f"PermenPANRB 8/2021: {name}",
            "period": "2021-07-01/2021-12-31",
            "employees": [
                {
                    "nip": "198609262015051001",
                    "name": "Budi Santoso",
                    "nilai_skp": given["skp"],
                    "behaviour": given["behaviour"],
                    "with_peer_input": given["with_peer_input"],
                    "innovation": given["innovation"],
                }
            ],
        }
        yield _vector(
            "permenpanrb_8_2021",
            name,
            kind="regime",
            regime="permenpanrb_8_2021",
            rule=data["rule"],
            source=data["source"],
            document=document,
            fields=REGIME_FIELDS,
            required=["value_shown", "predikat"],
            golden=f"permenpanrb_8_2021/{name}.json",
            golden_fields={
                "value": "value",
                "predikat": "predikat",
                "predikat_2022": "predikat_2022",
            },
        )
    data = _golden("permenpanrb_8_2021/integrate_2021_halves.json")
    document = {
        "schema_version": "1",
        "regime": "integration_2021",
        "title": "Integrasi 2021: 50 % Januari-Juni + 50 % Juli-Desember",
        "period": "2021",
        "predikat_table": "permenpanrb_8_2021",
        "with_peer_input": False,
        "employees": [
            {
                "nip": "199205202015031001",
                "name": "Rizky Ramadhan",
                "first_half": {"value": data["input"]["first_half_value"]},
                "second_half": {"value": data["input"]["second_half_value"]},
            }
        ],
    }
    yield _vector(
        "integration_2021",
        "integrate_2021_halves",
        kind="regime",
        regime="integration_2021",
        rule=data["rule"],
        source=data["source"],
        document=document,
        fields=REGIME_FIELDS,
        required=["value_shown", "predikat"],
        golden="permenpanrb_8_2021/integrate_2021_halves.json",
        golden_fields={"value": "value"},
    )


def _units(title: str, organisation: str, counts: dict[str, int]) -> dict[str, Any]:
    return {
        "schema_version": "1",
        "title": title,
        "units": [{"unit": "Unit contoh", "organisation_predikat": organisation, "counts": counts}],
    }


def _distribution() -> Iterator[dict[str, Any]]:
    for path in sorted((GOLDEN / "distribution").glob("*.json")):
        data = _golden(f"distribution/{path.name}")
        given = data["input"]
        yield _vector(
            "distribution",
            f"{path.stem}_{given['rounding']}",
            kind="units",
            regime="permenpanrb_6_2022",
            rule="SE3/2023-DISTRIBUTION",
            source=data["source"],
            document=_units(path.stem, given["organisation_predikat"], given["counts"]),
            options={"rounding": given["rounding"]},
            fields=UNITS_FIELDS,
            required=["ok", "violated"],
            golden=f"distribution/{path.name}",
            golden_fields={"ok": "ok", "violated": "violations"},
        )
    # small units, where the two roundings of decision D4 differ
    for name, organisation, counts in (
        ("baik_5_baik_4_butuh_perbaikan_1", "baik", {"baik": 4, "butuh_perbaikan": 1}),
        ("istimewa_4_sangat_baik_2_baik_2", "istimewa", {"sangat_baik": 2, "baik": 2}),
        ("kurang_6_kurang_2_baik_4", "kurang", {"kurang": 2, "baik": 4}),
    ):
        for rounding in ("strict", "lenient"):
            yield _vector(
                "distribution",
                f"{name}_{rounding}",
                kind="units",
                regime="permenpanrb_6_2022",
                rule="D4-ROUNDING",
                source="generated",
                document=_units(name, organisation, counts),
                options={"rounding": rounding},
                fields=UNITS_FIELDS,
                required=["ok", "violated"],
            )


def _tool(name: str) -> Any:
    """``tools/<name>.py`` (``conformance_groups`` and the ``conformance_*`` files it
    imports), from beside this file, whether it runs as a script or is loaded by a test."""
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    return importlib.import_module(name)


def _groups() -> Any:
    """``tools/conformance_groups.py``."""
    return _tool("conformance_groups")


def specs() -> list[dict[str, Any]]:
    """Every vector's specification, in the order of the manifest: the groups of this file,
    then those worked by hand in ``tools/conformance_groups.py``."""
    return [
        *_matrix(),
        *_unit_heads(),
        *_weighting(),
        *_pp46(),
        *_regime_2021(),
        *_distribution(),
        *_groups().specs(),
    ]


def golden_value(spec: dict[str, Any], golden_key: str) -> str:
    """The hand-worked value of a worked vector's golden file, as a vector writes it."""
    value = _golden(spec["worked_example"].removeprefix("tests/golden/"))["expected"][golden_key]
    if isinstance(value, bool):
        return "true" if value else "false"
    if golden_key == "violations":
        return ",".join(sorted(f"{v['bound']}:{'+'.join(v['predikat'])}" for v in value))
    return str(value)


def build() -> dict[str, Any]:
    """Every file of the vectors folder (relative path -> JSON data), the manifest included.
    A worked vector whose library output differs from its golden file, or from the values
    worked by hand in ``tools/conformance_groups.py``, is refused."""
    files: dict[str, Any] = {}
    entries = []
    wrong = []
    for spec in specs():
        expected = outcome(spec["kind"], spec["input"], spec["fields"], spec["options"])
        for field, golden_key in spec["golden_fields"].items():
            if expected[field] != golden_value(spec, golden_key):
                wrong.append(
                    f"{spec['id']}: {field} {expected[field]!r} != golden"
                    f" {golden_value(spec, golden_key)!r}"
                )
        wrong.extend(_tool("conformance_common").check_hand(spec, expected))
        path = f"{spec['id']}.json"
        files[path] = {
            "format": VECTOR_FORMAT,
            "format_version": FORMAT_VERSION,
            "id": spec["id"],
            "group": spec["group"],
            "regime": spec["regime"],
            "kind": spec["kind"],
            "rule": spec["rule"],
            "source": spec["source"],
            "worked_example": spec["worked_example"],
            "input": copy.deepcopy(spec["input"]),
            "options": spec["options"],
            "required": spec["required"],
            "expected": expected,
        }
        entries.append(
            {
                "id": spec["id"],
                "group": spec["group"],
                "regime": spec["regime"],
                "rule": spec["rule"],
                "source": "generated" if spec["source"] == "generated" else spec["source"],
                "worked": spec["worked_example"] is not None or bool(spec.get("hand")),
                "file": path,
            }
        )
    if wrong:
        raise SystemExit(
            "worked vectors differ from their golden files or hand-worked values:\n"
            + "\n".join(wrong)
        )
    files["manifest.json"] = {
        "format": "asn-performance conformance manifest",
        "format_version": FORMAT_VERSION,
        "library_version": __version__,
        "vectors": entries,
    }
    return files


def text_of(data: Any) -> str:
    """The text a vector file holds: JSON, indent 2, characters kept, one final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def differences(folder: Path = VECTORS) -> list[str]:
    """The files of ``folder`` that are not what :func:`build` gives (missing, changed, extra)."""
    files = build()
    found = {p.relative_to(folder).as_posix() for p in folder.rglob("*.json")}
    problems = [f"extra: {p}" for p in sorted(found - set(files))]
    for path, data in files.items():
        target = folder / path
        if not target.is_file():
            problems.append(f"missing: {path}")
        elif target.read_text(encoding="utf-8") != text_of(data):
            problems.append(f"changed: {path}")
    return problems


def write(folder: Path = VECTORS) -> None:
    """Rewrite ``folder`` with :func:`build`'s files (nothing else left in it)."""
    files = build()
    if folder.exists():
        shutil.rmtree(folder)
    for path, data in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text_of(data), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--check", action="store_true", help="exit 1 when a file differs")
    which.add_argument("--write", action="store_true", help="rewrite the vectors")
    args = parser.parse_args(argv)
    if args.write:
        write()
        return 0
    problems = differences()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
