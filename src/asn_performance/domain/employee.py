"""Employees (*pegawai ASN*) and their positions (*jabatan*).

UU 20/2023 tentang ASN groups positions into *jabatan pimpinan tinggi* (JPT), *jabatan
administrasi* (administrator, pengawas, pelaksana) and *jabatan fungsional* (JF), the last
with a *jenjang* (PermenPANRB 1/2023: keahlian -- Ahli Pertama, Muda, Madya, Utama;
keterampilan -- Pemula, Terampil, Mahir, Penyelia). The jenjang drives the angka kredit
koefisien later on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.plain import code_of, digits_of
from asn_performance._kit.reprs import attrs_repr
from asn_performance._kit.validate import check_text, check_type
from asn_performance.domain.nip import Nip, NipKind
from asn_performance.domain.rank import Golongan, GolonganPppk
from asn_performance.exceptions import InputError, Problem

__all__ = ["CAREER_FIELDS", "Employee", "Jenjang", "Position", "PositionKind"]


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

    def __repr__(self) -> str:
        return attrs_repr(self)

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


#: The optional career fields of an :class:`Employee`, in the order their problems are listed.
CAREER_FIELDS: tuple[str, ...] = (
    "golongan",
    "golongan_pppk",
    "tmt_pangkat",
    "tmt_jabatan",
    "tmt_cpns",
)


@attrs.frozen
class Employee:
    """An ASN employee (*pegawai*): PNS or PPPK, told apart by the NIP.

    ``superior_nip`` is the NIP of the direct superior (*atasan langsung*), ``None`` for the
    head of an instansi.

    The career data is optional (``None`` when not known; see ``docs/explanation/career.md``):

    * ``golongan`` -- the *golongan ruang* and pangkat of a PNS (:class:`Golongan`, PP 99/2000
      Lampiran as amended by PP 12/2002); ``golongan_pppk`` -- the golongan of a PPPK
      (:class:`GolonganPppk`, Perpres 98/2020, UNCONFIRMED). Each only for its kind of NIP.
    * ``tmt_pangkat`` -- since when the current pangkat is held (*TMT pangkat*; PNS only: a
      PPPK holds no pangkat); ``tmt_jabatan`` -- since when the current position is held.
    * ``tmt_cpns`` -- the appointment as CPNS (*TMT CPNS*; PNS only). Digits 9-14 of the NIP
      are its year and month and the day is always the 1st (Perka BKN 22/2007 and 43/2007
      [S35][S35b]), so it must be that date.
    * ``tmt_pangkat`` and ``tmt_jabatan`` are not before the appointment as CPNS (``tmt_cpns``,
      or for a PNS without it the 1st of the NIP's TMT month); a PPPK's ``tmt_jabatan`` is not
      before 1 January of the year of appointment (NI PPPK digits 9-12 [S35c]); no TMT is
      before the birth date (digits 1-8). The domain has no "today": dates in the future are
      not refused here.

    Every problem of the career fields is reported in one :class:`InputError` (its
    :attr:`~asn_performance.exceptions.AsnPerformanceError.problems`, in the order of
    :data:`CAREER_FIELDS`), with rules ``TYPE``, ``EMPLOYEE-GOLONGAN-KIND``,
    ``EMPLOYEE-TMT-CPNS`` and ``EMPLOYEE-TMT-ORDER``.
    """

    nip: Nip = attrs.field(validator=check_type(Nip))
    name: str = attrs.field(validator=check_text(200))
    position: Position = attrs.field(validator=check_type(Position))
    unit: str = attrs.field(validator=check_text(300))
    superior_nip: Nip | None = attrs.field(default=None, validator=check_type(Nip, optional=True))
    golongan: Golongan | None = attrs.field(default=None, kw_only=True)
    golongan_pppk: GolonganPppk | None = attrs.field(default=None, kw_only=True)
    tmt_pangkat: dt.date | None = attrs.field(default=None, kw_only=True)
    tmt_jabatan: dt.date | None = attrs.field(default=None, kw_only=True)
    tmt_cpns: dt.date | None = attrs.field(default=None, kw_only=True)

    def __repr__(self) -> str:
        return attrs_repr(self)

    def __attrs_post_init__(self) -> None:
        if self.superior_nip == self.nip:
            raise InputError(
                "an employee cannot be their own superior",
                path="superior_nip",
                value=str(self.nip),
                rule="EMPLOYEE-SUPERIOR",
                fix="give the NIP of the direct superior, or None for the head of the instansi",
            )
        if (
            self.golongan is None
            and self.golongan_pppk is None
            and self.tmt_pangkat is None
            and self.tmt_jabatan is None
            and self.tmt_cpns is None
        ):
            return
        problems = _career_problems(self)
        if problems:
            raise InputError.from_problems(problems)

    @property
    def appointment_as_cpns(self) -> dt.date | None:
        """The appointment as CPNS: ``tmt_cpns``, or for a PNS the 1st of the NIP's TMT month
        (digits 9-14 [S35b]); ``None`` for a PPPK."""
        if self.tmt_cpns is not None:
            return self.tmt_cpns
        return _nip_tmt(self.nip)

    def to_dict(self) -> dict[str, Any]:
        """The plain record: NIP, name, position (kind, title, jenjang), unit, superior's NIP,
        and each career field that is given (``golongan`` and ``golongan_pppk`` by their
        codes, the TMT dates as ``YYYY-MM-DD``); a career field that is ``None`` is left out,
        so a record without career data is what it always was."""
        record: dict[str, Any] = {
            "nip": self.nip.digits,
            "name": self.name,
            "position": self.position.to_dict(),
            "unit": self.unit,
            "superior_nip": digits_of(self.superior_nip),
        }
        if self.golongan is not None:
            record["golongan"] = self.golongan.code
        if self.golongan_pppk is not None:
            record["golongan_pppk"] = self.golongan_pppk.code
        for name in ("tmt_pangkat", "tmt_jabatan", "tmt_cpns"):
            day = getattr(self, name)
            if day is not None:
                record[name] = day.isoformat()
        return record


def _nip_tmt(nip: Nip) -> dt.date | None:
    """The 1st of the NIP's TMT month for a PNS (digits 9-14 [S35b]); None for a PPPK."""
    month = nip.appointment_month
    return None if month is None else dt.date(nip.appointment_year, month, 1)


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _career_problems(employee: Employee) -> list[Problem]:
    """Every problem of the career fields, field by field in :data:`CAREER_FIELDS` order."""
    problems = [*_golongan_problems(employee), *_date_problems(employee)]
    order = {name: index for index, name in enumerate(CAREER_FIELDS)}
    return sorted(problems, key=lambda p: order.get(p.path or "", len(order)))


def _golongan_problems(employee: Employee) -> list[Problem]:
    """The golongan fields: the right type, and the kind that fits the NIP."""
    problems: list[Problem] = []
    pppk = employee.nip.kind is NipKind.PPPK
    if employee.golongan is not None:
        if not isinstance(employee.golongan, Golongan):
            problems.append(
                Problem(
                    "must be a Golongan (golongan ruang PNS)",
                    "golongan",
                    employee.golongan,
                    "TYPE",
                    "pass e.g. Golongan.III_A or Golongan.parse('III/a'); a PPPK grade goes in"
                    " golongan_pppk",
                )
            )
        elif pppk:
            problems.append(
                Problem(
                    f"a PPPK (NI PPPK {employee.nip.digits}) has no golongan ruang PNS",
                    "golongan",
                    employee.golongan.code,
                    "EMPLOYEE-GOLONGAN-KIND",
                    "give the PPPK's golongan in golongan_pppk (I-XVII) and leave golongan out",
                )
            )
    if employee.golongan_pppk is not None:
        if not isinstance(employee.golongan_pppk, GolonganPppk):
            problems.append(
                Problem(
                    "must be a GolonganPppk (golongan PPPK I-XVII)",
                    "golongan_pppk",
                    employee.golongan_pppk,
                    "TYPE",
                    "pass e.g. GolonganPppk.IX or GolonganPppk.parse('IX'); a PNS ruang goes"
                    " in golongan",
                )
            )
        elif not pppk:
            problems.append(
                Problem(
                    f"a PNS (NIP {employee.nip.digits}) has no golongan PPPK",
                    "golongan_pppk",
                    employee.golongan_pppk.code,
                    "EMPLOYEE-GOLONGAN-KIND",
                    "give the PNS's golongan ruang in golongan (e.g. 'III/a') and leave"
                    " golongan_pppk out",
                )
            )
    return problems


def _date_problems(employee: Employee) -> list[Problem]:
    """The TMT fields: dates; none of a PNS's for a PPPK; TMT CPNS as the NIP gives it; TMT
    pangkat and jabatan not before the appointment as CPNS."""
    problems: list[Problem] = []
    pppk = employee.nip.kind is NipKind.PPPK
    dates: dict[str, dt.date] = {}
    for name in ("tmt_pangkat", "tmt_jabatan", "tmt_cpns"):
        value = getattr(employee, name)
        if value is None:
            continue
        if _is_date(value):
            dates[name] = value
        else:
            problems.append(
                Problem(
                    "must be a date",
                    name,
                    value,
                    "TYPE",
                    "pass a datetime.date, e.g. date(2021, 4, 1)",
                )
            )
    birth = employee.nip.birth_date
    if pppk:
        for name, rule in (
            ("tmt_pangkat", "EMPLOYEE-GOLONGAN-KIND"),
            ("tmt_cpns", "EMPLOYEE-TMT-CPNS"),
        ):
            if name in dates:
                problems.append(
                    Problem(
                        "a PPPK holds no pangkat, so it has no TMT pangkat"
                        if name == "tmt_pangkat"
                        else "a PPPK is not appointed as CPNS, so it has no TMT CPNS",
                        name,
                        dates.pop(name),
                        rule,
                        f"leave {name} out",
                    )
                )
        # NI PPPK digits 9-12: the year of the first appointment as PPPK [S35c] (digest §7.2).
        first = dt.date(employee.nip.appointment_year, 1, 1)
        problems += _not_before(dates, ("tmt_jabatan",), first, birth, pppk=True)
        return problems
    nip_tmt = _nip_tmt(employee.nip)
    assert nip_tmt is not None  # noqa: S101 - a NIP PNS always gives its TMT month
    cpns = dates.get("tmt_cpns")
    if cpns is not None and cpns != nip_tmt:
        problems.append(
            Problem(
                f"the NIP {employee.nip.digits} gives the TMT CPNS {nip_tmt.isoformat()}"
                " (digits 9-14 are its year and month; the day is always the 1st), but"
                f" tmt_cpns is {cpns.isoformat()}",
                "tmt_cpns",
                cpns,
                "EMPLOYEE-TMT-CPNS",
                f"give tmt_cpns {nip_tmt.isoformat()}, or check the NIP against the SK CPNS",
            )
        )
    problems += _not_before(dates, ("tmt_pangkat", "tmt_jabatan"), nip_tmt, birth, pppk=False)
    return problems


def _not_before(
    dates: dict[str, dt.date],
    names: tuple[str, ...],
    earliest: dt.date,
    birth: dt.date,
    *,
    pppk: bool,
) -> list[Problem]:
    """``EMPLOYEE-TMT-ORDER``: each of ``names`` not before ``earliest`` (read from the NIP:
    the year of appointment of a PPPK, the appointment as CPNS of a PNS) nor before the birth
    date (NIP digits 1-8 [S35]); one problem per field. Each message is written whole, for the
    catalogues (issue 14)."""
    problems: list[Problem] = []
    for name in names:
        day = dates.get(name)
        if day is None:
            continue
        if day >= birth and day >= earliest:
            continue
        bound = birth if day < birth else earliest
        problems.append(
            Problem(
                f"{name} {day.isoformat()} is before the birth date ({birth.isoformat()},"
                " NIP digits 1-8)"
                if day < birth
                else f"{name} {day.isoformat()} is before the year of appointment"
                f" ({earliest.isoformat()}, from the NIP)"
                if pppk
                else f"{name} {day.isoformat()} is before the appointment as CPNS"
                f" ({earliest.isoformat()}, from the NIP)",
                name,
                day,
                "EMPLOYEE-TMT-ORDER",
                f"give a {name} on or after {max(bound, earliest).isoformat()}",
            )
        )
    return problems
