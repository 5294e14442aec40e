"""The unit document shared by the boundary tests (tests/unit/boundary/test_appraisal_document.py,
test_part_documents.py, test_json_text.py, test_wire.py): its people, :data:`BASE` and the helpers
:func:`document` and :func:`fails`.

The document is written by hand (a guru and a colleague in a Dinas Pendidikan, their Kepala Bidang
as pejabat penilai kinerja and the Sekda as atasan). Every error case names the exact JSON path,
the rule and the offending value; the expected predikat were worked out by hand from the
PermenPANRB 6/2022 matrix.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from asn_performance.boundary.appraisal_document import load_document
from asn_performance.exceptions import AsnPerformanceError

# 19780517 200312 2 001: born 17 May 1978, TMT Dec 2003, female, 001.
KABID = "197805172003122001"
# 19860926 201505 1 001: born 26 Sep 1986, TMT May 2015, male, 001.
GURU = "198609262015051001"
# 19700312 199503 1 002: born 12 Mar 1970, TMT Mar 1995, male, 002.
SEKDA = "197003121995031002"
# 19901010 201503 1 001: born 10 Oct 1990, TMT Mar 2015, male, 001.
REKAN = "199010102015031001"
# 20001231 2024 2 1 1 001: a NI PPPK, born 31 Dec 2000, appointed 2024, first contract.
PPPK = "200012312024211001"


BASE: dict[str, Any] = {
    "schema_version": "1",
    "title": "Dinas Pendidikan, evaluasi kinerja tahunan 2025",
    "employees": [
        {
            "nip": KABID,
            "name": "Ratna Dewi",
            "position": {"kind": "administrator", "title": "Kepala Bidang SMP"},
            "unit": "Dinas Pendidikan",
            "superior_nip": SEKDA,
        },
        {
            "nip": GURU,
            "name": "Budi Santoso",
            "position": {"kind": "fungsional", "title": "Guru", "jenjang": "ahli_muda"},
            "unit": "Dinas Pendidikan",
            "superior_nip": KABID,
        },
        {
            "nip": SEKDA,
            "name": "Hendra Wijaya",
            "position": {"kind": "jpt", "title": "Sekretaris Daerah"},
            "unit": "Sekretariat Daerah",
        },
        {
            "nip": REKAN,
            "name": "Rizky Pratama",
            "position": {"kind": "fungsional", "title": "Guru", "jenjang": "ahli_pertama"},
            "unit": "Dinas Pendidikan",
            "superior_nip": KABID,
        },
    ],
    "plans": [
        {
            "id": "skp-guru",
            "employee_nip": GURU,
            "pejabat_penilai_nip": KABID,
            "atasan_pejabat_penilai_nip": SEKDA,
            "period": "2025",
            "work_results": [
                {
                    "id": "rhk-1",
                    "text": "Angka kelulusan meningkat",
                    "indicators": [
                        {
                            "id": "iki-1",
                            "text": "Persentase kelulusan",
                            "target": {"lower": "95", "unit": "%"},
                        },
                        {
                            "id": "iki-2",
                            "text": "Waktu koreksi ujian",
                            "aspect": "waktu",
                            "direction": "lower_is_better",
                            "target": {"lower": "3", "upper": "5", "unit": "hari"},
                        },
                    ],
                }
            ],
        },
        {
            "id": "skp-rekan",
            "employee_nip": REKAN,
            "pejabat_penilai_nip": KABID,
            "period": "2025",
            "work_results": [
                {
                    "id": "rhk-1",
                    "text": "Modul ajar tersusun",
                    "indicators": [{"id": "iki-1", "text": "Jumlah modul", "target": {"lower": 4}}],
                }
            ],
        },
    ],
    "assessments": [
        {
            "plan_id": "skp-guru",
            "role": "pejabat_penilai",
            "assessor_nip": KABID,
            "given_on": "2026-01-12",
            "period": "2025",
            "hasil_kerja": "di_atas_ekspektasi",
            "perilaku_kerja": "sesuai_ekspektasi",
            "realisations": [
                {
                    "indicator_id": "iki-1",
                    "value": "97.50",
                    "evidence": ["https://example.go.id/kelulusan-2025.pdf"],
                    "feedback": "Melampaui target",
                }
            ],
        },
        {
            "plan_id": "skp-guru",
            "role": "self",
            "assessor_nip": GURU,
            "given_on": "2026-01-05",
            "period": "2025",
            "hasil_kerja": "di_atas_ekspektasi",
            "perilaku_kerja": "di_atas_ekspektasi",
        },
        {
            "plan_id": "skp-rekan",
            "role": "self",
            "assessor_nip": REKAN,
            "given_on": "2026-01-05",
            "period": "2025",
            "hasil_kerja": "sesuai_ekspektasi",
        },
        {
            "plan_id": "skp-rekan",
            "role": "pejabat_penilai",
            "assessor_nip": KABID,
            "given_on": "2026-01-12",
            "period": "2025",
            "hasil_kerja": "sesuai_ekspektasi",
            "perilaku_kerja": "di_bawah_ekspektasi",
            "behaviour_ratings": {"kolaboratif": "di_bawah_ekspektasi"},
        },
    ],
}


def document(**changes: Any) -> dict[str, Any]:
    """A fresh deep copy of the base document with top-level ``changes``."""
    data = copy.deepcopy(BASE)
    data.update(changes)
    return data


def fails(
    source: object,
    kind: type[AsnPerformanceError] = AsnPerformanceError,
    *,
    load: Any = load_document,
) -> AsnPerformanceError:
    """Load ``source`` and return the error, which must be of ``kind``."""
    with pytest.raises(kind) as info:
        load(source)
    error = info.value
    assert error.path is not None
    assert error.path.startswith("$")
    assert error.rule
    assert error.fix
    return error
