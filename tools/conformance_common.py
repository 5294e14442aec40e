"""What the hand-worked conformance groups share (``tools/conformance_groups.py``,
``tools/conformance_deadlines.py``, ``tools/conformance_regimes.py``): the people of their
documents, a vector's specification with the values worked by hand, and the check of those
values against the library's output."""

from __future__ import annotations

from typing import Any

# --- people -------------------------------------------------------------------------------------

UNIT = "Biro Perencanaan (contoh)"
PENILAI: dict[str, Any] = {
    "nip": "197503142000031002",
    "name": "Siti Rahayu, S.E., M.M.",
    "position": {"kind": "pengawas", "title": "Kepala Subbagian Perencanaan", "jenjang": None},
    "unit": UNIT,
    "superior_nip": None,
}
NIP = "198609262015051001"
#: Jenjang -> the jabatan fungsional title used for it (the titles are examples).
TITLES = {
    "ahli_utama": "Analis Kebijakan Ahli Utama",
    "ahli_madya": "Analis Kebijakan Ahli Madya",
    "ahli_muda": "Analis Kebijakan Ahli Muda",
    "ahli_pertama": "Analis Kebijakan Ahli Pertama",
    "penyelia": "Pranata Komputer Penyelia",
    "mahir": "Pranata Komputer Mahir",
    "terampil": "Pranata Komputer Terampil",
    "pemula": "Arsiparis Pemula",
}
#: The two ratings of the pejabat penilai that give each predikat (the 3 x 3 matrix of
#: PermenPANRB 6/2022 / SE MenPANRB 3/2023: rows hasil, columns perilaku).
RATINGS = {
    "sangat_baik": ("di_atas_ekspektasi", "di_atas_ekspektasi"),
    "baik": ("sesuai_ekspektasi", "sesuai_ekspektasi"),
    "butuh_perbaikan": ("di_bawah_ekspektasi", "sesuai_ekspektasi"),
    "kurang": ("sesuai_ekspektasi", "di_bawah_ekspektasi"),
    "sangat_kurang": ("di_bawah_ekspektasi", "di_bawah_ekspektasi"),
}
BEHAVIOURS = [
    "berorientasi_pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
]


def spec(
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
    worked_example: str | None,
    golden_fields: dict[str, str] | None = None,
    options: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A vector's specification: the one shape every group's vectors are written in (those of
    ``conformance_vectors`` from the golden files, and those worked by hand here)."""
    return {
        "id": f"{group}/{name}",
        "group": group,
        "regime": regime,
        "kind": kind,
        "rule": rule,
        "source": source,
        "worked_example": worked_example,
        "golden_fields": golden_fields or {},
        "input": document,
        "options": options or {},
        "fields": fields,
        "required": required,
    }


def vector(
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
    hand: dict[str, str],
    worked: str,
    options: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A vector's specification (:func:`spec`) with the values worked by hand (``hand``:
    field -> text) that the library must give; ``worked`` is the file they are worked in (the
    vector's ``worked_example``). Every field of the vector is worked by hand: ``hand`` names
    each of ``fields``, no more, no fewer."""
    assert set(required) <= set(fields), name  # noqa: S101
    assert set(hand) == set(fields), (name, set(fields) ^ set(hand))  # noqa: S101
    made = spec(
        group,
        name,
        kind=kind,
        regime=regime,
        rule=rule,
        source=source,
        document=document,
        fields=fields,
        required=required,
        worked_example=worked,
        options=options,
    )
    made["hand"] = hand
    return made


def check_hand(spec: dict[str, Any], expected: dict[str, str]) -> list[str]:
    """The hand-worked values of ``spec`` that the library does not give: one line each."""
    return [
        f"{spec['id']}: {field} {expected[field]!r} != hand-worked {value!r}"
        for field, value in spec.get("hand", {}).items()
        if expected[field] != value
    ]
