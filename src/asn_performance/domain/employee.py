"""Employees (*pegawai ASN*) and their positions (*jabatan*).

UU 20/2023 tentang ASN groups positions into *jabatan pimpinan tinggi* (JPT), *jabatan
administrasi* (administrator, pengawas, pelaksana) and *jabatan fungsional* (JF), the last
with a *jenjang* (PermenPANRB 1/2023: keahlian -- Ahli Pertama, Muda, Madya, Utama;
keterampilan -- Pemula, Terampil, Mahir, Penyelia). The jenjang drives the angka kredit
koefisien later on.
"""

from __future__ import annotations

from typing import Any

import attrs

from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.plain import code_of, digits_of
from asn_performance._kit.validate import check_text, check_type
from asn_performance.domain.nip import Nip
from asn_performance.exceptions import InputError

__all__ = ["Employee", "Jenjang", "Position", "PositionKind"]


class PositionKind(Labelled):
    """The kind of position (*jenis jabatan*)."""

    JPT = "jpt"
    ADMINISTRATOR = "administrator"
    PENGAWAS = "pengawas"
    PELAKSANA = "pelaksana"
    FUNGSIONAL = "fungsional"

    @classmethod
    def _table(cls) -> dict[PositionKind, Labels]:
        # Deliberately no synonym of one member: "JA" (jabatan administrasi) covers
        # administrator, pengawas and pelaksana alike; "struktural" / "structural" covers JPT,
        # administrator and pengawas alike.
        return {
            cls.JPT: Labels("Jabatan Pimpinan Tinggi", "Senior executive", ("pimpinan tinggi",)),
            cls.ADMINISTRATOR: Labels("Jabatan Administrator", "Administrator"),
            cls.PENGAWAS: Labels("Jabatan Pengawas", "Supervisor"),
            cls.PELAKSANA: Labels("Jabatan Pelaksana", "Executive staff", ("executor",)),
            cls.FUNGSIONAL: Labels(
                "Jabatan Fungsional",
                "Functional (professional)",
                ("jf", "functional", "functional position"),
            ),
        }


class Jenjang(Labelled):
    """*Jenjang jabatan fungsional* (PermenPANRB 1/2023; PerBKN 3/2023)."""

    PEMULA = "pemula"
    TERAMPIL = "terampil"
    MAHIR = "mahir"
    PENYELIA = "penyelia"
    AHLI_PERTAMA = "ahli_pertama"
    AHLI_MUDA = "ahli_muda"
    AHLI_MADYA = "ahli_madya"
    AHLI_UTAMA = "ahli_utama"

    @classmethod
    def _table(cls) -> dict[Jenjang, Labels]:
        return {
            cls.PEMULA: Labels("Pemula", "Beginner (skilled track)"),
            cls.TERAMPIL: Labels("Terampil", "Skilled"),
            cls.MAHIR: Labels("Mahir", "Proficient"),
            cls.PENYELIA: Labels("Penyelia", "Supervisor (skilled track)"),
            cls.AHLI_PERTAMA: Labels("Ahli Pertama", "First expert"),
            cls.AHLI_MUDA: Labels("Ahli Muda", "Junior expert"),
            cls.AHLI_MADYA: Labels("Ahli Madya", "Middle expert"),
            cls.AHLI_UTAMA: Labels("Ahli Utama", "Principal expert"),
        }

    @property
    def is_keahlian(self) -> bool:
        """Whether the jenjang is in the *keahlian* (expert) category."""
        return self.value.startswith("ahli_")


@attrs.frozen
class Position:
    """A position (*jabatan*): its kind, title and, for a JF, the jenjang.

    A jabatan fungsional must name its jenjang; other kinds must not have one.
    """

    kind: PositionKind = attrs.field(validator=check_type(PositionKind))
    title: str = attrs.field(validator=check_text(200))
    jenjang: Jenjang | None = attrs.field(
        default=None, validator=check_type(Jenjang, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.kind is PositionKind.FUNGSIONAL and self.jenjang is None:
            raise InputError(
                "a jabatan fungsional needs its jenjang",
                path="jenjang",
                value=None,
                rule="POSITION-JENJANG",
                fix="give the jenjang, e.g. Jenjang.AHLI_MUDA",
            )
        if self.kind is not PositionKind.FUNGSIONAL and self.jenjang is not None:
            raise InputError(
                f"only a jabatan fungsional has a jenjang, not a {self.kind.label_id}",
                path="jenjang",
                value=self.jenjang.code,
                rule="POSITION-JENJANG",
                fix="remove the jenjang or change the kind to fungsional",
            )

    def to_dict(self) -> dict[str, Any]:
        """The plain record: kind, title and jenjang by their codes (``None`` when none)."""
        return {"kind": self.kind.code, "title": self.title, "jenjang": code_of(self.jenjang)}


@attrs.frozen
class Employee:
    """An ASN employee (*pegawai*): PNS or PPPK, told apart by the NIP.

    ``superior_nip`` is the NIP of the direct superior (*atasan langsung*), ``None`` for the
    head of an instansi.
    """

    nip: Nip = attrs.field(validator=check_type(Nip))
    name: str = attrs.field(validator=check_text(200))
    position: Position = attrs.field(validator=check_type(Position))
    unit: str = attrs.field(validator=check_text(300))
    superior_nip: Nip | None = attrs.field(default=None, validator=check_type(Nip, optional=True))

    def __attrs_post_init__(self) -> None:
        if self.superior_nip == self.nip:
            raise InputError(
                "an employee cannot be their own superior",
                path="superior_nip",
                value=str(self.nip),
                rule="EMPLOYEE-SUPERIOR",
                fix="give the NIP of the direct superior, or None for the head of the instansi",
            )

    def to_dict(self) -> dict[str, Any]:
        """The plain record: NIP, name, position (kind, title, jenjang), unit, superior's NIP."""
        return {
            "nip": self.nip.digits,
            "name": self.name,
            "position": self.position.to_dict(),
            "unit": self.unit,
            "superior_nip": digits_of(self.superior_nip),
        }
