"""The column convention of the tables: the default name of every column read or written, each
renamable by the caller (``columns=Columns(nip="NIP Pegawai")`` or ``columns={"nip": ...}``).

Inputs (a column may be absent when the function that would read it is not called):

* ``nip`` -- the employee's NIP (18 digits, text); ``unit`` -- the unit of appraisal;
* ``rating_hasil_kerja``, ``rating_perilaku_kerja`` -- the pejabat penilai's ratings, as a
  code (``di_atas_ekspektasi``), a label in either language, any case, or an e-Kinerja
  spelling (``DIATAS EKSPEKTASI``);
* ``unit_head`` -- true for the head of a unit, whose hasil kerja follows ``organisation_predikat``
  (SE MenPANRB 3/2023, decision D3);
* ``organisation_predikat`` -- the unit's capaian kinerja organisasi (for unit heads, and for
  the distribution check);
* ``jenjang``, ``months`` -- for angka kredit (a jabatan fungsional's jenjang; the months of
  the period worked, 1-12);
* ``kelas`` and the attendance columns ``days_absent``, ``missing_checks``,
  ``minutes_late_or_early``, ``missed_ceremonies`` -- for tunjangan kinerja / TPP.

Outputs: ``predikat`` (the code, e.g. ``baik``), ``predikat_label`` (Indonesian),
``rules`` (the rule ids applied, ``;``-separated), ``angka_kredit`` (shown, 2 places),
``tunjangan_kinerja``, ``tunjangan_kehadiran``, ``tunjangan`` (whole rupiah, as paid), and
``problem`` (empty when the row was computed: the rule id and the message of each problem,
``;``-separated). :func:`~asn_performance.tables.read_ekinerja` adds ``portal_predikat``,
``agency``, ``period``, ``name``, ``jabatan``, ``source``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from asn_performance.exceptions import InputError

__all__ = ["ATTENDANCE", "Columns", "columns_of"]

#: The attendance columns, in the order of ``Attendance``'s fields.
ATTENDANCE: Final = ("days_absent", "missing_checks", "minutes_late_or_early", "missed_ceremonies")


@attrs.frozen
class Columns:
    """The names of the columns read and written (defaults: the convention above)."""

    nip: str = "nip"
    unit: str = "unit"
    rating_hasil_kerja: str = "rating_hasil_kerja"
    rating_perilaku_kerja: str = "rating_perilaku_kerja"
    unit_head: str = "unit_head"
    organisation_predikat: str = "organisation_predikat"
    jenjang: str = "jenjang"
    months: str = "months"
    kelas: str = "kelas"
    days_absent: str = "days_absent"
    missing_checks: str = "missing_checks"
    minutes_late_or_early: str = "minutes_late_or_early"
    missed_ceremonies: str = "missed_ceremonies"
    predikat: str = "predikat"
    predikat_label: str = "predikat_label"
    rules: str = "rules"
    angka_kredit: str = "angka_kredit"
    tunjangan_kinerja: str = "tunjangan_kinerja"
    tunjangan_kehadiran: str = "tunjangan_kehadiran"
    tunjangan: str = "tunjangan"
    problem: str = "problem"


def columns_of(value: Columns | Mapping[str, str] | None) -> Columns:
    """``value`` as :class:`Columns`: None gives the defaults; a mapping renames some of them
    (an unknown key is refused, naming the known ones)."""
    if value is None:
        return Columns()
    if isinstance(value, Columns):
        return _distinct(value, ())
    if not isinstance(value, Mapping):
        raise InputError(
            "columns must be a Columns or a mapping of convention name to column name",
            path="columns",
            value=type(value).__name__,
            rule="TYPE",
            fix='pass e.g. {"nip": "NIP Pegawai"}',
        )
    known = {field.name for field in attrs.fields(Columns)}
    unknown = sorted(str(key) for key in value if key not in known)
    if unknown:
        raise InputError(
            f"unknown column role {unknown[0]!r}",
            path=f"columns[{unknown[0]!r}]",
            value=unknown[0],
            rule="TYPE",
            fix=f"use one of {', '.join(sorted(known))}",
        )
    bad = [key for key, name in value.items() if not isinstance(name, str) or not name]
    if bad:
        raise InputError(
            "a column name must be non-empty text",
            path=f"columns[{bad[0]!r}]",
            value=value[bad[0]],
            rule="TYPE",
            fix="give the column's name as text",
        )
    return _distinct(Columns(**dict(value)), tuple(value))


def _distinct(columns: Columns, renamed: tuple[str, ...]) -> Columns:
    """``columns`` when every role has its own column name: two roles on one name would read
    a result as an input (or overwrite the caller's ratings with the predikat), so they are
    refused, naming the role the caller renamed (``renamed``) when there is one."""
    owner: dict[str, str] = {}
    for field in attrs.fields(Columns):
        role = field.name
        name = getattr(columns, role)
        first = owner.setdefault(name, role)
        if first == role:
            continue
        shown = first if first in renamed and role not in renamed else role
        other = role if shown == first else first
        raise InputError(
            f"the roles {other!r} and {shown!r} both name the column {name!r}",
            path=f"columns[{shown!r}]",
            value=name,
            rule="TABLE-COLUMN",
            fix=f"give {shown!r} a column name of its own (each role reads or writes one column)",
        )
    return columns
