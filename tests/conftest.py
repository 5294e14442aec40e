"""Shared fixtures: a small unit of employees with real-format NIPs and plan/assessment builders.

The unit (a *subbagian* of a provincial agency, invented for the tests):

* ``employee`` -- the appraised employee, a JF Analis Kebijakan Ahli Muda;
* ``supervisor`` -- the *pejabat penilai kinerja* (direct superior, pengawas);
* ``atasan`` -- the *atasan pejabat penilai kinerja* (administrator);
* ``peers`` -- five *rekan kerja setingkat*;
* ``subordinates`` -- three *bawahan langsung*;
* ``outsider`` -- someone from another unit.

Every NIP follows Perka BKN 22/2007 and 43/2007 (``YYYYMMDD YYYYMM G NNN``): a real birth date,
a TMT month 01-12, sex 1 or 2 and a sequence 001-999; the layout of each is in a comment.
Everything here is immutable, so the fixtures are session-scoped (and usable from Hypothesis
tests).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from asn_performance import (
    Assessment,
    AssessorRole,
    Employee,
    Indicator,
    Jenjang,
    Nip,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Rating,
    Target,
    WorkResult,
    WorkResultKind,
)

#: NIPs of the unit, each a valid NIP PNS.
NIPS: dict[str, str] = {
    # 19860926 201505 1 001: born 26 Sep 1986, TMT May 2015, male, 001 (digest §11 example 10)
    "employee": "198609262015051001",
    # 19750314 200003 1 002: born 14 Mar 1975, TMT Mar 2000, male, 002
    "supervisor": "197503142000031002",
    # 19681225 199302 1 001: born 25 Dec 1968, TMT Feb 1993, male, 001
    "atasan": "196812251993021001",
    # 19900101 201903 2 001: born 1 Jan 1990, TMT Mar 2019, female, 001
    "peer1": "199001012019032001",
    # 19880717 201412 2 002: born 17 Jul 1988, TMT Dec 2014, female, 002
    "peer2": "198807172014122002",
    # 19920430 202001 1 003: born 30 Apr 1992, TMT Jan 2020, male, 003
    "peer3": "199204302020011003",
    # 19851111 201010 1 004: born 11 Nov 1985, TMT Oct 2010, male, 004
    "peer4": "198511112010101004",
    # 19930228 201806 2 005: born 28 Feb 1993, TMT Jun 2018, female, 005
    "peer5": "199302282018062005",
    # 19950909 202203 2 001: born 9 Sep 1995, TMT Mar 2022, female, 001
    "subordinate1": "199509092022032001",
    # 19960615 202203 1 002: born 15 Jun 1996, TMT Mar 2022, male, 002
    "subordinate2": "199606152022031002",
    # 19970320 202304 2 003: born 20 Mar 1997, TMT Apr 2023, female, 003
    "subordinate3": "199703202023042003",
    # 19800808 200507 1 009: born 8 Aug 1980, TMT Jul 2005, male, 009
    "outsider": "198008082005071009",
}

UNIT_NAME = "Subbagian Perencanaan, Biro Perencanaan"
YEAR = 2025


@dataclass(frozen=True)
class Unit:
    """The employees of the test unit."""

    employee: Employee
    supervisor: Employee
    atasan: Employee
    peers: tuple[Employee, ...]
    subordinates: tuple[Employee, ...]
    outsider: Employee

    @property
    def everyone(self) -> tuple[Employee, ...]:
        """Every employee of the unit, the outsider included."""
        return (
            self.employee,
            self.supervisor,
            self.atasan,
            *self.peers,
            *self.subordinates,
            self.outsider,
        )


def _person(key: str, name: str, position: Position, superior: str | None) -> Employee:
    return Employee(
        nip=Nip(NIPS[key]),
        name=name,
        position=position,
        unit=UNIT_NAME,
        superior_nip=None if superior is None else Nip(NIPS[superior]),
    )


def build_unit() -> Unit:
    """The unit of employees described in the module docstring."""
    analyst = Position(PositionKind.FUNGSIONAL, "Analis Kebijakan", Jenjang.AHLI_MUDA)
    staff = Position(PositionKind.PELAKSANA, "Penata Laporan Keuangan")
    peers = tuple(_person(f"peer{i}", f"Rekan {i}", analyst, "supervisor") for i in range(1, 6))
    subordinates = tuple(
        _person(f"subordinate{i}", f"Staf {i}", staff, "employee") for i in range(1, 4)
    )
    return Unit(
        employee=_person("employee", "Budi Santoso", analyst, "supervisor"),
        supervisor=_person(
            "supervisor",
            "Siti Rahayu",
            Position(PositionKind.PENGAWAS, "Kepala Subbagian Perencanaan"),
            "atasan",
        ),
        atasan=_person(
            "atasan",
            "Ahmad Hidayat",
            Position(PositionKind.ADMINISTRATOR, "Kepala Biro Perencanaan"),
            None,
        ),
        peers=peers,
        subordinates=subordinates,
        outsider=_person(
            "outsider", "Dewi Lestari", Position(PositionKind.PELAKSANA, "Arsiparis"), None
        ),
    )


UNIT = build_unit()


def default_work_results() -> tuple[WorkResult, ...]:
    """Two RHK: one utama with two IKI, one tambahan with one IKI."""
    return (
        WorkResult(
            id="rhk-1",
            text="Tersusunnya rekomendasi kebijakan perencanaan daerah",
            indicators=(
                Indicator("iki-1", "Jumlah rekomendasi kebijakan", Target.value(4, "dokumen")),
                Indicator("iki-2", "Persentase rekomendasi diterima", Target.range(80, 90, "%")),
            ),
            kind=WorkResultKind.UTAMA,
            leader_work_result="Meningkatnya kualitas perencanaan daerah",
        ),
        WorkResult(
            id="rhk-2",
            text="Terlaksananya bimbingan teknis bagi staf",
            indicators=(Indicator("iki-3", "Jumlah bimbingan teknis", Target.value(2, "kali")),),
            kind=WorkResultKind.TAMBAHAN,
        ),
    )


def build_plan(**overrides: Any) -> PerformancePlan:
    """An annual 2025 SKP of ``UNIT.employee``, with ``overrides`` applied to the fields."""
    fields: dict[str, Any] = {
        "id": "skp-2025-budi",
        "employee": UNIT.employee,
        "pejabat_penilai": UNIT.supervisor,
        "period": Period.annual(YEAR),
        "work_results": default_work_results(),
        "atasan_pejabat_penilai": UNIT.atasan,
    }
    fields.update(overrides)
    return PerformancePlan(**fields)


PLAN = build_plan()

_DEFAULT_ASSESSOR: dict[AssessorRole, Employee] = {
    AssessorRole.SELF: UNIT.employee,
    AssessorRole.PEJABAT_PENILAI: UNIT.supervisor,
    AssessorRole.PEER: UNIT.peers[0],
    AssessorRole.SUBORDINATE: UNIT.subordinates[0],
}

_UNSET: Any = object()


def build_assessment(
    role: AssessorRole | str,
    hasil_kerja: Rating | None = Rating.SESUAI,
    perilaku_kerja: Rating | None = Rating.SESUAI,
    *,
    by: Employee | Nip | None = _UNSET,
    plan: PerformancePlan = PLAN,
    period: Period | None = None,
    given_on: dt.date | None = None,
    **extra: Any,
) -> Assessment:
    """An assessment of ``plan`` by ``role``.

    ``by`` defaults to the natural assessor for the role (the employee for self, the plan's
    pejabat penilai for pejabat penilai, the first peer or subordinate; nobody for a service
    user). ``period`` defaults to the plan's; ``given_on`` to the last day of the period.
    """
    role = AssessorRole.parse(role)
    if by is _UNSET:
        if role is AssessorRole.PEJABAT_PENILAI:
            by = plan.pejabat_penilai
        elif role is AssessorRole.SELF:
            by = plan.employee
        else:
            by = _DEFAULT_ASSESSOR.get(role)
    assessor = by.nip if isinstance(by, Employee) else by
    period = plan.period if period is None else period
    return Assessment(
        plan_id=plan.id,
        role=role,
        assessor=assessor,
        given_on=period.end if given_on is None else given_on,
        period=period,
        hasil_kerja=hasil_kerja,
        perilaku_kerja=perilaku_kerja,
        **extra,
    )


def build_peers(
    ratings: list[tuple[Rating | None, Rating | None]],
    *,
    plan: PerformancePlan = PLAN,
    period: Period | None = None,
) -> list[Assessment]:
    """One peer assessment per ``(hasil, perilaku)`` pair, each by a different peer."""
    assert len(ratings) <= len(UNIT.peers)
    return [
        build_assessment(AssessorRole.PEER, hasil, perilaku, by=peer, plan=plan, period=period)
        for peer, (hasil, perilaku) in zip(UNIT.peers, ratings, strict=False)
    ]


@pytest.fixture(scope="session")
def nips() -> dict[str, str]:
    """The NIP of each member of the unit, by key (``"employee"``, ``"peer1"``...)."""
    return dict(NIPS)


@pytest.fixture(scope="session")
def unit() -> Unit:
    """The employees of the test unit."""
    return UNIT


@pytest.fixture(scope="session")
def plan() -> PerformancePlan:
    """The default annual 2025 SKP of the unit's employee."""
    return PLAN


@pytest.fixture(scope="session")
def make_plan() -> Callable[..., PerformancePlan]:
    """Build a plan: ``make_plan(leads_unit=True)``, ``make_plan(period=...)``..."""
    return build_plan


@pytest.fixture(scope="session")
def make_assessment() -> Callable[..., Assessment]:
    """Build an assessment: ``make_assessment("self", Rating.DI_ATAS, Rating.SESUAI)``."""
    return build_assessment


@pytest.fixture(scope="session")
def make_peers() -> Callable[..., list[Assessment]]:
    """Build peer assessments by distinct peers: ``make_peers([(hasil, perilaku), ...])``."""
    return build_peers
