"""Tests for :mod:`asn_performance.process.roster`: who appraises whom, derived from the
organisation.

The unit (invented): the Dinas Penanaman Modal dan PTSP of a city, where permit processing
time is measured. The roster, with each NIP laid out as Perka BKN 22/2007 and 43/2007
(``YYYYMMDD YYYYMM G NNN``: birth date, TMT month, sex, sequence)::

    Kepala Dinas (kadis)                       19710412 199603 1 001  head of the roster
    ├── Sekretaris (sekretaris)                19750623 200012 2 002
    │   └── Pengelola Kepegawaian (staf_sek)   19940618 202012 2 001
    └── Kepala Bidang Perizinan (kabid)        19780909 200312 1 001
        ├── Kepala Seksi Perizinan (kasi_izin) 19830215 200801 1 003
        │   ├── Analis Perizinan (staf_1)      19900130 201503 2 001
        │   └── Pengadministrasi (staf_2)      19921111 201902 1 002
        └── Kepala Seksi Pengaduan (kasi_aduan) 19850505 201001 2 001

Outside the roster: the Sekretaris Daerah (sekda, 19680517 199303 1 002), who appraises
the Kepala Dinas on behalf of the PPK in these tests.

The library's reading (UNCONFIRMED, PermenPANRB 6/2022 names the roles but not who holds
them): pejabat penilai = direct superior; atasan pejabat penilai = the pejabat penilai's
superior.
"""

from __future__ import annotations

import datetime as dt
import functools
import pickle
from collections.abc import Callable

import attrs
import pytest

from asn_performance.domain.assessment import AssessorRole
from asn_performance.domain.employee import Employee, Position, PositionKind
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import (
    BehaviourExpectation,
    CoreValue,
    Indicator,
    PerformancePlan,
    Target,
    WorkResult,
)
from asn_performance.exceptions import (
    AsnPerformanceError,
    AuthorityError,
    InputError,
    LabelError,
    NipError,
    RosterError,
)
from asn_performance.process.roster import PlanRelation, PlanRoles, Roster

UNIT = "Dinas Penanaman Modal dan PTSP (contoh)"
YEAR = Period.annual(2025)

NIPS = {
    "kadis": "197104121996031001",
    "sekretaris": "197506232000122002",
    "kabid": "197809092003121001",
    "kasi_izin": "198302152008011003",
    "kasi_aduan": "198505052010012001",
    "staf_1": "199001302015032001",
    "staf_2": "199211112019021002",
    "staf_sek": "199406182020122001",
    "sekda": "196805171993031002",
}


def _person(key: str, name: str, kind: PositionKind, title: str, superior: str | None) -> Employee:
    return Employee(
        Nip(NIPS[key]),
        name,
        Position(kind, title),
        UNIT,
        None if superior is None else Nip(NIPS[superior]),
    )


KADIS = _person("kadis", "Ir. Bambang Sutrisno, M.T.", PositionKind.JPT, "Kepala Dinas", None)
SEKRETARIS = _person(
    "sekretaris", "Dewi Kartika, S.H.", PositionKind.ADMINISTRATOR, "Sekretaris Dinas", "kadis"
)
KABID = _person(
    "kabid",
    "Hendra Gunawan, S.E.",
    PositionKind.ADMINISTRATOR,
    "Kepala Bidang Perizinan",
    "kadis",
)
KASI_IZIN = _person(
    "kasi_izin",
    "Rudi Hartono, S.Kom.",
    PositionKind.PENGAWAS,
    "Kepala Seksi Perizinan Usaha",
    "kabid",
)
KASI_ADUAN = _person(
    "kasi_aduan", "Lina Marlina, S.Sos.", PositionKind.PENGAWAS, "Kepala Seksi Pengaduan", "kabid"
)
STAF_1 = _person(
    "staf_1", "Fitri Handayani, S.AP.", PositionKind.PELAKSANA, "Analis Perizinan", "kasi_izin"
)
STAF_2 = _person(
    "staf_2", "Andi Pratama", PositionKind.PELAKSANA, "Pengadministrasi Perizinan", "kasi_izin"
)
STAF_SEK = _person(
    "staf_sek", "Yuni Astuti", PositionKind.PELAKSANA, "Pengelola Kepegawaian", "sekretaris"
)
SEKDA = _person("sekda", "Drs. Hari Santoso, M.Si.", PositionKind.JPT, "Sekretaris Daerah", None)

UNIT_EMPLOYEES = (KADIS, SEKRETARIS, KABID, KASI_IZIN, KASI_ADUAN, STAF_1, STAF_2, STAF_SEK)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return Roster(UNIT_EMPLOYEES)


def _work() -> tuple[WorkResult, ...]:
    return (
        WorkResult(
            "rhk-1",
            "Terselesaikannya permohonan izin usaha tepat waktu",
            [Indicator("iki-1", "Rata-rata waktu proses izin", Target.value(3, "hari"))],
        ),
    )


def _plan(
    employee: Employee, pejabat_penilai: Employee, atasan: Employee | None
) -> PerformancePlan:
    if employee.superior_nip not in (None, pejabat_penilai.nip):
        # A plan whose employee record names another superior is refused by the plan itself
        # (PLAN-PEJABAT-PENILAI); the roster's check is for a plan drafted from a record
        # without superior_nip, where only the roster knows the superior.
        employee = attrs.evolve(employee, superior_nip=None)
    return PerformancePlan(
        f"skp-2025-{employee.nip}",
        employee,
        pejabat_penilai,
        YEAR,
        _work(),
        atasan_pejabat_penilai=atasan,
    )


def _error(
    call: Callable[[], object], kind: type[AsnPerformanceError] = RosterError
) -> pytest.ExceptionInfo[AsnPerformanceError]:
    with pytest.raises(kind) as caught:
        call()
    return caught


def _employees_nips(employees: tuple[Employee, ...]) -> list[str]:
    return [str(e.nip) for e in employees]


# --- derived roles -------------------------------------------------------------------------


def test_the_pejabat_penilai_of_a_staff_member_is_their_kepala_seksi(roster: Roster) -> None:
    assert roster.pejabat_penilai(STAF_1.nip) == KASI_IZIN


def test_the_atasan_pejabat_penilai_of_a_staff_member_is_the_kepala_bidang(
    roster: Roster,
) -> None:
    assert roster.atasan_pejabat_penilai(STAF_1.nip) == KABID


def test_a_kepala_seksi_is_appraised_by_the_kepala_bidang_under_the_kepala_dinas(
    roster: Roster,
) -> None:
    assert roster.pejabat_penilai(KASI_ADUAN.nip) == KABID
    assert roster.atasan_pejabat_penilai(KASI_ADUAN.nip) == KADIS


def test_below_the_head_the_atasan_pejabat_penilai_is_outside_the_roster(roster: Roster) -> None:
    # The Kepala Bidang's pejabat penilai is the Kepala Dinas, who heads the roster; the
    # Kepala Dinas's own superior is not in it, so the roster names no atasan.
    assert roster.pejabat_penilai(KABID.nip) == KADIS
    assert roster.atasan_pejabat_penilai(KABID.nip) is None


def test_the_superior_of_the_head_is_none(roster: Roster) -> None:
    assert roster.superior(KADIS.nip) is None
    assert roster.superior(SEKRETARIS.nip) == KADIS


def test_subordinates_are_the_direct_ones_in_roster_order(roster: Roster) -> None:
    assert roster.subordinates(KABID.nip) == (KASI_IZIN, KASI_ADUAN)
    assert roster.subordinates(KADIS.nip) == (SEKRETARIS, KABID)
    assert roster.subordinates(STAF_1.nip) == ()


def test_the_chain_runs_from_the_pejabat_penilai_up_to_the_head(roster: Roster) -> None:
    assert roster.chain(STAF_1.nip) == (KASI_IZIN, KABID, KADIS)
    assert roster.chain(STAF_SEK.nip) == (SEKRETARIS, KADIS)
    assert roster.chain(KADIS.nip) == ()


def test_the_heads_are_the_employees_without_a_superior(roster: Roster) -> None:
    assert roster.heads == (KADIS,)


def test_a_roster_may_have_several_heads() -> None:
    both = Roster([SEKDA, *UNIT_EMPLOYEES])
    assert both.heads == (SEKDA, KADIS)


def test_queries_accept_a_nip_its_18_digits_or_its_grouped_form(roster: Roster) -> None:
    assert roster.employee(Nip("199001302015032001")) == STAF_1
    assert roster.employee("199001302015032001") == STAF_1
    assert roster.employee("19900130 201503 2 001") == STAF_1


def test_a_query_with_a_malformed_nip_raises_the_nip_error(roster: Roster) -> None:
    caught = _error(lambda: roster.employee("19900130201503200"), NipError)
    assert caught.value.rule == "NIP-FORMAT"


def test_a_query_with_something_other_than_a_nip_is_a_type_error(roster: Roster) -> None:
    caught = _error(lambda: roster.employee(199001302015032001), InputError)  # type: ignore[arg-type]
    assert caught.value.rule == "TYPE"
    assert caught.value.path == "nip"


# --- refusals of the queries ---------------------------------------------------------------


def test_an_unknown_nip_is_refused_by_every_query(roster: Roster) -> None:
    for query in (
        roster.employee,
        roster.superior,
        roster.pejabat_penilai,
        roster.atasan_pejabat_penilai,
        roster.subordinates,
        roster.chain,
    ):
        caught = _error(functools.partial(query, SEKDA.nip))
        assert caught.value.rule == "ROSTER-UNKNOWN"
        assert caught.value.path == "nip"
        assert caught.value.value == NIPS["sekda"]


def test_the_head_has_no_pejabat_penilai_in_the_roster(roster: Roster) -> None:
    caught = _error(lambda: roster.pejabat_penilai(KADIS.nip))
    error = caught.value
    assert isinstance(error, RosterError)
    assert error.rule == "ROSTER-NO-SUPERIOR"
    assert error.value == NIPS["kadis"]
    assert error.fix is not None
    assert "PerformancePlan" in error.fix


def test_the_head_has_no_atasan_pejabat_penilai_either(roster: Roster) -> None:
    caught = _error(lambda: roster.atasan_pejabat_penilai(KADIS.nip))
    assert caught.value.rule == "ROSTER-NO-SUPERIOR"


# --- refusals when building ----------------------------------------------------------------


def test_a_repeated_nip_is_refused_at_its_second_place() -> None:
    again = attrs.evolve(STAF_2, name="Andi Pratama (duplikat)")
    caught = _error(lambda: Roster([KADIS, SEKRETARIS, STAF_2, again]))
    error = caught.value
    assert error.rule == "ROSTER-DUPLICATE"
    assert error.path == "employees[3].nip"
    assert error.value == NIPS["staf_2"]
    assert "employees[2]" in error.message


def test_a_superior_missing_from_the_roster_is_refused() -> None:
    # The Kepala Bidang is left out, so the Kepala Seksi's superior is not in the roster.
    caught = _error(lambda: Roster([KADIS, SEKRETARIS, KASI_IZIN, STAF_1]))
    error = caught.value
    assert error.rule == "ROSTER-MISSING-SUPERIOR"
    assert error.path == "employees[2].superior_nip"
    assert error.value == NIPS["kabid"]


def test_two_employees_who_are_each_others_superior_are_a_cycle() -> None:
    kasi = attrs.evolve(KASI_IZIN, superior_nip=STAF_1.nip)
    caught = _error(lambda: Roster([KADIS, kasi, STAF_1]))
    error = caught.value
    assert error.rule == "ROSTER-CYCLE"
    assert error.path == "employees[1].superior_nip"
    assert error.value == (NIPS["kasi_izin"], NIPS["staf_1"])
    assert f"{NIPS['kasi_izin']} → {NIPS['staf_1']} → {NIPS['kasi_izin']}" in error.message


def test_a_three_cycle_is_named_in_order_from_its_first_member_in_the_roster() -> None:
    # kabid -> kasi_izin -> staf_1 -> kabid, listed as staf_1, kabid, kasi_izin: the first
    # member in roster order is staf_1 (employees[1]), whose superior is kabid, then kasi_izin.
    kabid = attrs.evolve(KABID, superior_nip=KASI_IZIN.nip)
    kasi = attrs.evolve(KASI_IZIN, superior_nip=STAF_1.nip)
    staf = attrs.evolve(STAF_1, superior_nip=KABID.nip)
    caught = _error(lambda: Roster([KADIS, staf, kabid, kasi]))
    error = caught.value
    assert error.rule == "ROSTER-CYCLE"
    assert error.path == "employees[1].superior_nip"
    assert error.value == (NIPS["staf_1"], NIPS["kabid"], NIPS["kasi_izin"])


def test_an_employee_hanging_below_a_cycle_does_not_hide_it() -> None:
    # staf_2 reports to kasi_izin, which is in a 2-cycle with staf_1; staf_2 comes first.
    kasi = attrs.evolve(KASI_IZIN, superior_nip=STAF_1.nip)
    caught = _error(lambda: Roster([STAF_2, STAF_1, kasi]))
    error = caught.value
    assert error.rule == "ROSTER-CYCLE"
    assert error.value == (NIPS["staf_1"], NIPS["kasi_izin"])
    assert error.path == "employees[1].superior_nip"


def test_being_ones_own_superior_is_already_refused_by_the_employee() -> None:
    caught = _error(lambda: attrs.evolve(STAF_1, superior_nip=STAF_1.nip), InputError)
    assert caught.value.rule == "EMPLOYEE-SUPERIOR"


def test_an_item_that_is_not_an_employee_is_a_type_error() -> None:
    caught = _error(lambda: Roster([KADIS, NIPS["sekretaris"]]), InputError)
    assert not isinstance(caught.value, RosterError)
    assert caught.value.rule == "TYPE"
    assert caught.value.path == "employees[1]"


@pytest.mark.parametrize(
    "value", [KADIS, "197104121996031001", {NIPS["kadis"]: KADIS}, 42], ids=repr
)
def test_employees_must_be_given_as_an_iterable_of_employees(value: object) -> None:
    caught = _error(lambda: Roster(value), InputError)
    assert caught.value.rule == "TYPE"
    assert caught.value.path == "employees"


def test_the_refusals_are_roster_errors_and_value_errors() -> None:
    caught = _error(lambda: Roster([KASI_IZIN]))
    assert isinstance(caught.value, InputError)
    assert isinstance(caught.value, ValueError)
    line = str(caught.value)
    assert "rule ROSTER-MISSING-SUPERIOR" in line
    assert "Fix: " in line


# --- the roster as a value -----------------------------------------------------------------


def test_a_roster_reads_any_iterable_once_and_keeps_its_order() -> None:
    roster = Roster(e for e in UNIT_EMPLOYEES)
    assert roster.employees == UNIT_EMPLOYEES
    assert list(roster) == list(UNIT_EMPLOYEES)


def test_an_empty_roster_is_allowed_and_knows_nobody() -> None:
    empty = Roster([])
    assert len(empty) == 0
    assert empty.heads == ()
    assert _error(lambda: empty.employee(KADIS.nip)).value.rule == "ROSTER-UNKNOWN"


def test_rosters_with_the_same_employees_are_equal_and_hash_alike(roster: Roster) -> None:
    other = Roster(list(UNIT_EMPLOYEES))
    assert other == roster
    assert hash(other) == hash(roster)
    assert Roster(UNIT_EMPLOYEES[:-1]) != roster


def test_a_roster_is_immutable(roster: Roster) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        roster.employees = ()  # type: ignore[misc]


def test_a_roster_survives_pickling(roster: Roster) -> None:
    copy = pickle.loads(pickle.dumps(roster))  # noqa: S301 - our own object
    assert copy == roster
    assert copy.pejabat_penilai(STAF_1.nip) == KASI_IZIN


def test_length_and_membership(roster: Roster) -> None:
    assert len(roster) == 8
    assert KABID in roster
    assert KABID.nip in roster
    assert NIPS["kabid"] in roster
    assert SEKDA not in roster
    assert "not a nip" not in roster
    assert 197809092003121001 not in roster
    # Same NIP but a different record (a changed name) is not this roster's employee.
    assert attrs.evolve(KABID, name="Someone Else") not in roster


def test_the_html_table_escapes_names_and_lists_each_employee(roster: Roster) -> None:
    odd = attrs.evolve(STAF_2, name="Andi <Pratama> & Co")
    table = Roster([*UNIT_EMPLOYEES[:-2], odd])._repr_html_()
    assert "Andi &lt;Pratama&gt; &amp; Co" in table
    assert "<Pratama>" not in table
    assert table.count("<tr>") == 1 + 7
    assert NIPS["kasi_izin"] in table


def test_the_html_table_of_a_large_roster_is_cut_short() -> None:
    big = Roster(_tree(60))
    table = big._repr_html_()
    assert table.count("<tr>") == 1 + 50
    assert "10 more" in table


# --- plans -----------------------------------------------------------------------------------


def test_plan_for_derives_the_pejabat_penilai_and_the_atasan(roster: Roster) -> None:
    plan = roster.plan_for(STAF_1.nip, id="skp-2025-fitri", period=YEAR, work_results=_work())
    assert plan.employee == STAF_1
    assert plan.pejabat_penilai == KASI_IZIN
    assert plan.atasan_pejabat_penilai == KABID
    assert plan.id == "skp-2025-fitri"
    assert plan.period == YEAR
    assert [b.value for b in plan.behaviours] == list(CoreValue)
    assert plan.leads_unit is False


def test_plan_for_a_kepala_bidang_has_no_atasan_inside_the_roster(roster: Roster) -> None:
    plan = roster.plan_for(
        NIPS["kabid"], id="skp-kabid", period=YEAR, work_results=_work(), leads_unit=True
    )
    assert plan.pejabat_penilai == KADIS
    assert plan.atasan_pejabat_penilai is None
    assert plan.leads_unit is True


def test_plan_for_passes_the_behaviours_and_reads_a_generator(roster: Roster) -> None:
    behaviours = [
        BehaviourExpectation(v, "Respons pengaduan < 1 hari" if v.code == "adaptif" else None)
        for v in CoreValue
    ]
    plan = roster.plan_for(
        STAF_2.nip,
        id="skp-andi",
        period=YEAR,
        work_results=(w for w in _work()),
        behaviours=(b for b in behaviours),
    )
    assert plan.behaviours == tuple(behaviours)
    assert plan.work_results == _work()


def test_plan_for_the_head_is_refused_with_a_fix_naming_performance_plan(roster: Roster) -> None:
    caught = _error(lambda: roster.plan_for(KADIS.nip, id="skp", period=YEAR, work_results=_work()))
    assert caught.value.rule == "ROSTER-NO-SUPERIOR"
    assert "PerformancePlan" in (caught.value.fix or "")


def test_plan_for_an_unknown_nip_is_refused(roster: Roster) -> None:
    caught = _error(lambda: roster.plan_for(SEKDA.nip, id="skp", period=YEAR, work_results=_work()))
    assert caught.value.rule == "ROSTER-UNKNOWN"


def test_a_plan_built_from_the_roster_agrees_with_it(roster: Roster) -> None:
    for employee in UNIT_EMPLOYEES[1:]:
        plan = roster.plan_for(employee.nip, id="skp", period=YEAR, work_results=_work())
        roster.check_plan(plan)  # returns None: no error


def test_a_plan_naming_another_pejabat_penilai_disagrees_with_the_roster(roster: Roster) -> None:
    # The Kepala Seksi Pengaduan is a colleague of the staff member's own Kepala Seksi.
    plan = _plan(STAF_1, KASI_ADUAN, KABID)
    caught = _error(lambda: roster.check_plan(plan), AuthorityError)
    error = caught.value
    assert error.rule == "AUTH-ROSTER-PEJABAT-PENILAI"
    assert error.path == "pejabat_penilai"
    assert error.value == NIPS["kasi_aduan"]
    assert NIPS["kasi_izin"] in error.message


def test_a_plan_skipping_a_level_disagrees_with_the_roster(roster: Roster) -> None:
    # The Kepala Bidang is the atasan, not the pejabat penilai, of the staff member.
    caught = _error(lambda: roster.check_plan(_plan(STAF_1, KABID, KADIS)), AuthorityError)
    assert caught.value.rule == "AUTH-ROSTER-PEJABAT-PENILAI"


def test_a_plan_naming_another_atasan_disagrees_with_the_roster(roster: Roster) -> None:
    caught = _error(lambda: roster.check_plan(_plan(STAF_1, KASI_IZIN, KADIS)), AuthorityError)
    error = caught.value
    assert error.rule == "AUTH-ROSTER-ATASAN"
    assert error.path == "atasan_pejabat_penilai"
    assert error.value == NIPS["kadis"]
    assert NIPS["kabid"] in error.message


def test_a_plan_without_the_atasan_the_roster_names_disagrees_with_it(roster: Roster) -> None:
    caught = _error(lambda: roster.check_plan(_plan(STAF_1, KASI_IZIN, None)), AuthorityError)
    assert caught.value.rule == "AUTH-ROSTER-ATASAN"
    assert caught.value.value is None


def test_above_the_head_the_plan_may_name_an_atasan_from_outside_or_none(roster: Roster) -> None:
    roster.check_plan(_plan(KABID, KADIS, SEKDA))  # returns None: no error
    roster.check_plan(_plan(KABID, KADIS, None))  # returns None: no error


def test_above_the_head_the_plan_may_not_name_an_atasan_from_the_roster(roster: Roster) -> None:
    caught = _error(lambda: roster.check_plan(_plan(KABID, KADIS, SEKRETARIS)), AuthorityError)
    assert caught.value.rule == "AUTH-ROSTER-ATASAN"
    assert caught.value.value == NIPS["sekretaris"]


def test_the_heads_plan_built_directly_with_an_outside_pejabat_penilai_is_accepted(
    roster: Roster,
) -> None:
    roster.check_plan(_plan(KADIS, SEKDA, None))  # returns None: no error


def test_the_heads_plan_naming_someone_from_the_roster_as_assessor_is_refused(
    roster: Roster,
) -> None:
    caught = _error(lambda: roster.check_plan(_plan(KADIS, SEKRETARIS, None)), AuthorityError)
    assert caught.value.rule == "AUTH-ROSTER-PEJABAT-PENILAI"
    caught = _error(lambda: roster.check_plan(_plan(KADIS, SEKDA, KABID)), AuthorityError)
    assert caught.value.rule == "AUTH-ROSTER-ATASAN"


def test_a_plan_for_someone_outside_the_roster_is_refused(roster: Roster) -> None:
    caught = _error(lambda: roster.check_plan(_plan(SEKDA, KADIS, None)))
    assert caught.value.rule == "ROSTER-UNKNOWN"
    assert caught.value.path == "employee.nip"


def test_check_plan_wants_a_plan(roster: Roster) -> None:
    caught = _error(lambda: roster.check_plan("skp-2025"), InputError)  # type: ignore[arg-type]
    assert caught.value.rule == "TYPE"


def test_an_authority_error_is_not_an_os_error(roster: Roster) -> None:
    caught = _error(lambda: roster.check_plan(_plan(STAF_1, KASI_ADUAN, KABID)), AuthorityError)
    assert not isinstance(caught.value, OSError)


# --- roles on a plan -------------------------------------------------------------------------


def test_on_a_staff_plan_each_person_has_the_role_the_roster_gives(roster: Roster) -> None:
    plan = roster.plan_for(STAF_1.nip, id="skp-fitri", period=YEAR, work_results=_work())
    expected = {
        STAF_1: (PlanRelation.EMPLOYEE, {AssessorRole.SELF}),
        KASI_IZIN: (PlanRelation.PEJABAT_PENILAI, {AssessorRole.PEJABAT_PENILAI}),
        KABID: (PlanRelation.ATASAN_PEJABAT_PENILAI, set()),
        KADIS: (PlanRelation.HIGHER_SUPERIOR, set()),
        STAF_2: (PlanRelation.COLLEAGUE, {AssessorRole.PEER, AssessorRole.SERVICE_USER}),
        KASI_ADUAN: (PlanRelation.COLLEAGUE, {AssessorRole.PEER, AssessorRole.SERVICE_USER}),
        SEKRETARIS: (PlanRelation.COLLEAGUE, {AssessorRole.PEER, AssessorRole.SERVICE_USER}),
        STAF_SEK: (PlanRelation.COLLEAGUE, {AssessorRole.PEER, AssessorRole.SERVICE_USER}),
    }
    for person, (relation, may_give) in expected.items():
        roles = roster.roles_of(person.nip, plan)
        assert roles == PlanRoles(person.nip, plan.id, relation), person.name
        assert roles.may_give == may_give, person.name
        assert roles.may_decide_objection is (person is KABID), person.name


def test_the_employee_may_only_give_the_self_assessment(roster: Roster) -> None:
    plan = roster.plan_for(STAF_1.nip, id="skp-fitri", period=YEAR, work_results=_work())
    roles = roster.roles_of(NIPS["staf_1"], plan)
    assert roles.may("self")
    assert not roles.may(AssessorRole.PEER)
    assert not roles.may("pejabat_penilai")


def test_the_pejabat_penilai_may_not_also_give_peer_input(roster: Roster) -> None:
    plan = roster.plan_for(STAF_1.nip, id="skp-fitri", period=YEAR, work_results=_work())
    roles = roster.roles_of(KASI_IZIN.nip, plan)
    assert roles.may("Pejabat Penilai Kinerja")
    assert not roles.may("peer")


def test_bawahan_langsung_give_subordinate_input_and_indirect_ones_none(roster: Roster) -> None:
    kasi_plan = roster.plan_for(KASI_IZIN.nip, id="skp-rudi", period=YEAR, work_results=_work())
    assert roster.roles_of(STAF_1.nip, kasi_plan).relation is PlanRelation.DIRECT_SUBORDINATE
    assert roster.roles_of(STAF_1.nip, kasi_plan).may("bawahan")
    kabid_plan = roster.plan_for(KABID.nip, id="skp-hendra", period=YEAR, work_results=_work())
    indirect = roster.roles_of(STAF_1.nip, kabid_plan)
    assert indirect.relation is PlanRelation.INDIRECT_SUBORDINATE
    assert indirect.may_give == frozenset()


def test_the_outside_pejabat_penilai_of_the_heads_plan_is_recognised(roster: Roster) -> None:
    plan = _plan(KADIS, SEKDA, None)
    roles = roster.roles_of(SEKDA.nip, plan)
    assert roles.relation is PlanRelation.PEJABAT_PENILAI
    assert roster.roles_of(KABID.nip, plan).relation is PlanRelation.DIRECT_SUBORDINATE


def test_roles_of_refuses_a_plan_that_disagrees_with_the_roster(roster: Roster) -> None:
    caught = _error(
        lambda: roster.roles_of(STAF_2.nip, _plan(STAF_1, KASI_ADUAN, KABID)), AuthorityError
    )
    assert caught.value.rule == "AUTH-ROSTER-PEJABAT-PENILAI"


def test_roles_of_refuses_a_person_outside_the_roster_and_the_plan(roster: Roster) -> None:
    plan = roster.plan_for(STAF_1.nip, id="skp-fitri", period=YEAR, work_results=_work())
    assert _error(lambda: roster.roles_of(SEKDA.nip, plan)).value.rule == "ROSTER-UNKNOWN"


def test_asking_about_an_unknown_role_is_a_label_error(roster: Roster) -> None:
    plan = roster.plan_for(STAF_1.nip, id="skp-fitri", period=YEAR, work_results=_work())
    roles = roster.roles_of(STAF_2.nip, plan)
    with pytest.raises(LabelError):
        roles.may("boss")


def test_relations_have_indonesian_and_english_labels() -> None:
    assert PlanRelation.ATASAN_PEJABAT_PENILAI.label_id == "Atasan Pejabat Penilai Kinerja"
    assert PlanRelation.DIRECT_SUBORDINATE.label_id == "Bawahan langsung"
    assert PlanRelation.parse("colleague") is PlanRelation.COLLEAGUE


# --- size ------------------------------------------------------------------------------------


def _nips(count: int) -> list[Nip]:
    """``count`` valid NIPs: birth dates from 1 Jan 1970, 999 sequence numbers per date."""
    first = dt.date(1970, 1, 1)
    return [
        Nip(f"{first + dt.timedelta(days=i // 999):%Y%m%d}200001{1 + i % 2}{1 + i % 999:03d}")
        for i in range(count)
    ]


def _tree(count: int, fan_out: int = 10) -> list[Employee]:
    """An organisation where employee i reports to employee (i - 1) // fan_out."""
    nips = _nips(count)
    staff = Position(PositionKind.PELAKSANA, "Pelaksana")
    return [
        Employee(nips[i], f"Pegawai {i}", staff, UNIT, None if i == 0 else nips[(i - 1) // fan_out])
        for i in range(count)
    ]


def test_a_roster_of_ten_thousand_employees_builds_and_answers() -> None:
    employees = _tree(10_000)
    roster = Roster(employees)
    assert len(roster) == 10_000
    last = employees[-1]
    # 9999 -> 999 -> 99 -> 9 -> 0
    assert _employees_nips(roster.chain(last.nip)) == [
        str(employees[i].nip) for i in (999, 99, 9, 0)
    ]
    assert roster.pejabat_penilai(last.nip) == employees[999]
    assert roster.atasan_pejabat_penilai(last.nip) == employees[99]
    assert len(roster.subordinates(employees[0].nip)) == 10


def test_a_ten_thousand_deep_line_of_superiors_builds_without_recursion() -> None:
    line = _tree(10_000, fan_out=1)
    roster = Roster(line)
    assert len(roster.chain(line[-1].nip)) == 9_999


def test_a_ten_thousand_long_cycle_is_found_and_named_in_full() -> None:
    line = _tree(10_000, fan_out=1)
    line[0] = attrs.evolve(line[0], superior_nip=line[-1].nip)
    error = _error(lambda: Roster(line)).value
    assert error.rule == "ROSTER-CYCLE"
    assert isinstance(error.value, tuple)
    assert len(error.value) == 10_000
    # Each NIP is followed by its superior's: employee 0 reports to 9999, 9999 to 9998, ...
    assert error.value[:3] == (str(line[0].nip), str(line[-1].nip), str(line[-2].nip))
    assert len(error.message) < 500  # the message names a few; the value holds them all
