"""Hypothesis strategies for people: NIPs, names, positions, employees and rosters.

Realistic and consistent: a NIP's birth date (digits 1-8) gives an age of 18-58 at its
appointment (a PNS's TMT CPNS, digits 9-14; a PPPK's year, digits 9-12), the appointment is
not after ``appointed_by`` (by default the end of 2025; a plan passes its period's start), a
name fits the sex of digit 15 and carries the academic titles of its jabatan, and a
jabatan fungsional has a jenjang its kind has. See ``docs/how-to/test-with-strategies.md``.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from asn_performance.domain.employee import Employee, Position, PositionKind
from asn_performance.domain.nip import Nip, NipKind, Sex
from asn_performance.process.roster import Roster
from asn_performance.testing._core import (
    LATEST_APPOINTMENT,
    REALISTIC,
    employees_with,
    realistic_nips,
    rosters_with,
)

__all__ = ["LATEST_APPOINTMENT", "employees", "names", "nips", "positions", "rosters", "units"]


def nips(
    *,
    kind: NipKind | None = None,
    appointed_by: dt.date = LATEST_APPOINTMENT,
    sex: Sex | None = None,
) -> st.SearchStrategy[Nip]:
    """A NIP PNS or NI PPPK (or of ``kind``) whose dates agree with a working life.

    The holder is 19-58 years old at ``appointed_by`` (2000-01-01 or later) and was appointed
    by then: a PNS as CPNS at 18-40 (digits 9-14, from 1975), a PPPK at 20-58 (digits 9-12,
    from 2019; 1-9 work agreements, no more than the years since). The sequence is often
    001. The ranges are plausible test data, not rules the library checks.

    Example::

        @given(nips(appointed_by=date(2024, 1, 1)))
        def test_nip_dates(nip):
            assert Nip.parse(nip.digits) == nip
            appointed = date(nip.appointment_year, nip.appointment_month or 1, 1)
            assert appointed <= date(2024, 1, 1)
            assert 18 <= appointed.year - nip.birth_date.year <= 59
    """
    return realistic_nips(kind, appointed_by, sex)


def units() -> st.SearchStrategy[str]:
    """The name of a unit: an instansi of a region.

    Example::

        @given(units())
        def test_unit(unit):
            assert unit.split()[0] in ("Dinas", "Badan")
    """
    return REALISTIC.units()


def positions(
    kind: PositionKind | None = None, unit: str = "Dinas Pendidikan Kota Serang"
) -> st.SearchStrategy[Position]:
    """A position (*jabatan*) of ``kind`` (any when None): a jabatan fungsional of a real
    kind with a jenjang it has ("Perawat Mahir", "Guru Ahli Madya"); an administrator,
    pengawas or pelaksana position; a JPT heads the instansi of ``unit``.

    Example::

        @given(positions(PositionKind.FUNGSIONAL))
        def test_functional(position):
            assert position.jenjang is not None
            assert position.title.endswith(position.jenjang.label_id)
    """
    kinds = st.sampled_from(PositionKind) if kind is None else st.just(kind)
    return kinds.flatmap(lambda k: REALISTIC.positions(k, unit))


def names(nip: Nip, position: Position) -> st.SearchStrategy[str]:
    """An Indonesian name fitting the sex of ``nip`` (digit 15), with the academic titles of
    the ``position``: "Siti Rahayu, S.E., M.M.", "dr. Bayu Nasution", "Drs. Slamet".

    Example::

        guru = Position(PositionKind.FUNGSIONAL, "Guru Ahli Muda", Jenjang.AHLI_MUDA)

        @given(names(Nip.parse("198609262015052001"), guru))
        def test_name(name):
            assert set(name) <= set(ascii_letters + " '.,")
            assert name.split(", ")[1:] in ([], ["S.Pd."], ["S.Pd.I."], ["S.Si."])
    """
    return REALISTIC.names(nip, position)


def employees(
    nip: Nip | None = None,
    *,
    kind: PositionKind | None = None,
    unit: str | None = None,
    superior: Nip | None = None,
    appointed_by: dt.date = LATEST_APPOINTMENT,
) -> st.SearchStrategy[Employee]:
    """An employee (*pegawai*): ``nip`` or a drawn one (a PNS for a JPT, administrator or
    pengawas), a name and position that fit, ``unit`` or a drawn one, ``superior`` as given,
    and for a PNS sometimes the TMT CPNS its NIP gives (``tmt_cpns``).

    Example::

        @given(employees(kind=PositionKind.PENGAWAS))
        def test_pengawas(employee):
            assert employee.nip.kind is NipKind.PNS
            assert employee.tmt_cpns in (None, employee.appointment_as_cpns)
    """
    return employees_with(
        REALISTIC, nip=nip, kind=kind, unit=unit, superior=superior, appointed_by=appointed_by
    )


def rosters(
    min_size: int = 1, max_size: int = 12, *, appointed_by: dt.date = LATEST_APPOINTMENT
) -> st.SearchStrategy[Roster]:
    """A unit's roster (:class:`~asn_performance.process.roster.Roster`): one head of the
    instansi (a JPT without a superior); each other employee under a JPT, administrator or
    pengawas of the roster, in a kind found under them (an administrator under a JPT, a
    pengawas under an administrator, pelaksana and JF under either); all in one unit.

    Example::

        @given(rosters(2, 6))
        def test_one_head(roster):
            heads = [e for e in roster if e.superior_nip is None]
            assert len(heads) == 1 and heads[0].position.kind is PositionKind.JPT
    """
    return rosters_with(REALISTIC, min_size, max_size, appointed_by)
