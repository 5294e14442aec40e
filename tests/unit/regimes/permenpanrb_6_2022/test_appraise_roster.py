"""Who may give which input (issue 13 item 3): ``appraise(..., roster=)`` checks every giver's
role against the organisation roster, all problems in one ``AuthorityError``.

The worked case is a school of a Dinas Pendidikan (the Serang report mentions the Dinas
Pendidikan Kota Serang and its graduation rates; the names and NIPs here are made up). The
roster, by hand:

    Kepala Dinas (head, superior None)
    └── Kepala Sekolah                      (superior: Kepala Dinas)
        ├── Guru Siti  (the appraised teacher)
        ├── Guru Bayu, Guru Dewi, Guru Eko  (her colleagues)

Siti's plan, from the roster: pejabat penilai = her direct superior, the Kepala Sekolah;
atasan pejabat penilai = the Kepala Sekolah's superior, the Kepala Dinas. What each may give
on her plan (``PlanRoles``, library reading):

* Kepala Dinas: the atasan pejabat penilai -> nothing (they decide an objection);
* Bayu, Dewi, Eko: superior Kepala Sekolah, not Siti -> not below her, not above her:
  colleagues -> peer or service user, never subordinate;
* so the Kepala Dinas, Bayu and Dewi entered as "subordinate" are three problems.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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
    WeightedSources,
    WorkResult,
    appraise,
)
from asn_performance.exceptions import AppraisalError, AuthorityError
from asn_performance.process.lifecycle import WIB, PerformanceCycle
from asn_performance.process.roster import PlanRoles, Roster
from asn_performance.regimes.permenpanrb_6_2022.roster_check import PlanRolesView, RosterView

S, A = Rating.SESUAI, Rating.DI_ATAS
UNIT = "SMP Negeri 1 (contoh), Dinas Pendidikan Kota Serang"


def person(
    nip: str, name: str, kind: PositionKind, title: str, superior: Employee | None = None
) -> Employee:
    jenjang = Jenjang.AHLI_MUDA if kind is PositionKind.FUNGSIONAL else None
    position = Position(kind, title, jenjang)
    return Employee(Nip(nip), name, position, UNIT, None if superior is None else superior.nip)


# 19720315 199803 1 002: born 15 Mar 1972, TMT Mar 1998, male
KADIS = person(
    "197203151998031002", "Drs. Hasan Basri", PositionKind.JPT, "Kepala Dinas Pendidikan"
)
# 19750820 200012 2 001: born 20 Aug 1975, TMT Dec 2000, female
KEPSEK = person(
    "197508202000122001", "Nur Aini, S.Pd.", PositionKind.FUNGSIONAL, "Kepala Sekolah", KADIS
)
# 19860410 201001 2 003: the appraised teacher
SITI = person(
    "198604102010012003", "Siti Rahma, S.Pd.", PositionKind.FUNGSIONAL, "Guru Ahli Muda", KEPSEK
)
BAYU = person(
    "198811222012011004",
    "Bayu Saputra, S.Pd.",
    PositionKind.FUNGSIONAL,
    "Guru Ahli Pertama",
    KEPSEK,
)
DEWI = person(
    "199002052014022005",
    "Dewi Lestari, S.Pd.",
    PositionKind.FUNGSIONAL,
    "Guru Ahli Pertama",
    KEPSEK,
)
EKO = person(
    "199107172015031006",
    "Eko Prasetyo, S.Pd.",
    PositionKind.FUNGSIONAL,
    "Guru Ahli Pertama",
    KEPSEK,
)
# Not in the roster: a parent's committee member who is an ASN elsewhere; the Sekda (outside).
OUTSIDER = Nip("198512312011011007")
SEKDA = person("196805101994031001", "Sekretaris Daerah", PositionKind.JPT, "Sekretaris Daerah")

ROSTER = Roster([KADIS, KEPSEK, SITI, BAYU, DEWI, EKO])
YEAR = Period.annual(2025)
RHK = [
    WorkResult(
        "rhk-1",
        "Meningkatnya angka kelulusan siswa",
        [Indicator("iki-1", "Persentase kelulusan", Target.value(95, "%"))],
    )
]
PLAN = ROSTER.plan_for(SITI.nip, id="skp-2025-siti", period=YEAR, work_results=RHK)
ON = dt.date(2026, 1, 12)


def given(
    role: AssessorRole, who: Employee | Nip | None, plan: PerformancePlan = PLAN, rating: Rating = S
) -> Assessment:
    nip = who.nip if isinstance(who, Employee) else who
    return Assessment(plan.id, role, nip, ON, YEAR, hasil_kerja=rating, perilaku_kerja=rating)


LEAD = given(AssessorRole.PEJABAT_PENILAI, KEPSEK)
OWN = given(AssessorRole.SELF, SITI)
SUB = AssessorRole.SUBORDINATE
PEER = AssessorRole.PEER


def test_the_plan_from_the_roster_names_the_kepala_sekolah_and_the_kepala_dinas() -> None:
    assert PLAN.pejabat_penilai == KEPSEK
    assert PLAN.atasan_pejabat_penilai == KADIS


def test_the_teachers_case_three_wrong_subordinates_in_one_error() -> None:
    wrong = [LEAD, OWN, given(SUB, KADIS), given(SUB, BAYU), given(SUB, DEWI)]
    # Without a roster they are counted: three subordinate responses meet the minimum of 3,
    # so a weighted policy uses them (1 x Sesuai from the pejabat penilai, 3 x Di Atas from
    # the "subordinates", weights 1 each on the scale 1/2/3: (2 + 3 + 3 + 3) / 4 = 2.75,
    # at or above 2.5 -> Di Atas Ekspektasi, against the pejabat penilai's Sesuai).
    wrong_counted = [LEAD, OWN, *(given(SUB, p, rating=A) for p in (KADIS, BAYU, DEWI))]
    weighted = WeightedSources(weights={AssessorRole.PEJABAT_PENILAI: Decimal(1), SUB: Decimal(1)})
    assert appraise(PLAN, wrong_counted, policy=weighted).rating_hasil_kerja is A
    assert [a.role for a in appraise(PLAN, wrong).assessments].count(SUB) == 3

    with pytest.raises(AuthorityError) as caught:
        appraise(PLAN, wrong, roster=ROSTER)
    error = caught.value
    assert error.count == 3
    problems = error.problems
    assert [p.path for p in problems] == [
        "assessments[2].role",
        "assessments[3].role",
        "assessments[4].role",
    ]
    assert {p.rule for p in problems} == {"AUTH-ROSTER-ROLE"}
    assert [p.value for p in problems] == ["subordinate"] * 3
    kadis, bayu, dewi = problems
    assert "197203151998031002 (Drs. Hasan Basri)" in kadis.message
    assert "gave a direct subordinate (Bawahan langsung) assessment" in kadis.message
    assert "the atasan pejabat penilai kinerja" in kadis.message
    assert kadis.fix is not None
    assert kadis.fix.startswith("remove the assessment")
    assert "198811222012011004 (Bayu Saputra, S.Pd.)" in bayu.message
    assert "a colleague outside the employee's line" in bayu.message
    assert bayu.fix is not None
    assert "peer (Rekan kerja setingkat) or service user (Pengguna layanan)" in bayu.fix
    assert "Dewi Lestari" in dewi.message
    assert "(and 2 more problems)" in str(error)


def test_a_correct_roster_gives_the_same_appraisal_plus_one_step() -> None:
    # Three colleagues as peers (3 responses: not withheld), a service user from outside the
    # roster (decision D23) and an unnamed service user.
    right = [
        LEAD,
        OWN,
        given(PEER, BAYU),
        given(PEER, DEWI),
        given(PEER, EKO),
        given(AssessorRole.SERVICE_USER, OUTSIDER),
        given(AssessorRole.SERVICE_USER, None),
    ]
    without = appraise(PLAN, right)
    checked = appraise(PLAN, right, roster=ROSTER)
    assert (checked.rating_hasil_kerja, checked.rating_perilaku_kerja, checked.predikat) == (
        without.rating_hasil_kerja,
        without.rating_perilaku_kerja,
        without.predikat,
    )
    assert checked.assessments == without.assessments
    # The annual period adds no step, so the roster's is the first; the rest are unchanged.
    first, *rest = checked.explanation.steps
    assert tuple(rest) == without.explanation.steps
    assert first.rule == "AUTH-ROSTER-ROLE"
    assert first.inputs == (("roster", "6 employees"),)
    assert first.output == "7 assessments checked"
    assert first.note == "roles checked against a roster of 6 employees"
    assert "roles checked against a roster of 6 employees" in checked.explain()
    # Anonymity still holds after the check: the peers' copies name nobody.
    assert all(a.assessor is None for a in checked.assessments if a.role is PEER)


def test_an_assessor_not_in_the_roster_is_refused_except_a_service_user() -> None:
    with pytest.raises(AuthorityError) as caught:
        appraise(PLAN, [LEAD, given(PEER, OUTSIDER)], roster=ROSTER)
    (problem,) = caught.value.problems
    assert problem.path == "assessments[1].assessor"
    assert problem.value == "198512312011011007"
    assert problem.rule == "AUTH-ROSTER-NOT-LISTED"
    assert "peer (Rekan kerja setingkat)" in problem.message
    # A service user from outside the organisation is accepted (decision D23).
    appraise(PLAN, [LEAD, given(AssessorRole.SERVICE_USER, OUTSIDER)], roster=ROSTER)


def test_a_self_assessment_by_someone_else_and_the_pejabat_penilai_by_the_wrong_person() -> None:
    # Bayu gives Siti's "self" assessment (a colleague: peer or service user only) and the
    # Kepala Dinas the pejabat penilai's (the atasan: nothing). Both in one error, the roster
    # check running before the first-problem checks of the assessments (AUTH-SELF).
    lead_by_kadis = given(AssessorRole.PEJABAT_PENILAI, KADIS)
    with pytest.raises(AuthorityError) as caught:
        appraise(PLAN, [lead_by_kadis, given(AssessorRole.SELF, BAYU)], roster=ROSTER)
    first, second = caught.value.problems
    assert (first.path, first.value) == ("assessments[0].role", "pejabat_penilai")
    assert "Drs. Hasan Basri" in first.message
    assert "the atasan pejabat penilai kinerja" in first.message
    assert (second.path, second.value) == ("assessments[1].role", "self")
    assert "Bayu Saputra" in second.message
    assert "a colleague" in second.message
    # Without the roster, only the first problem of the plan's own rule is raised.
    with pytest.raises(AuthorityError) as plain:
        appraise(PLAN, [lead_by_kadis, given(AssessorRole.SELF, BAYU)])
    assert plain.value.rule == "AUTH-PEJABAT-PENILAI"
    assert plain.value.count == 1


def test_direct_subordinates_may_give_subordinate_input_indirect_ones_may_not() -> None:
    # The Kepala Sekolah's plan: Siti, Bayu and Dewi are her direct subordinates (allowed).
    kepsek_plan = ROSTER.plan_for(KEPSEK.nip, id="skp-2025-kepsek", period=YEAR, work_results=RHK)
    ok = [given(AssessorRole.PEJABAT_PENILAI, KADIS, kepsek_plan)]
    ok += [given(SUB, p, kepsek_plan) for p in (SITI, BAYU, DEWI)]
    appraise(kepsek_plan, ok, roster=ROSTER)
    # The Kepala Dinas heads the roster: his plan names the Sekda from outside it as pejabat
    # penilai (accepted by check_plan). The Kepala Sekolah is his direct subordinate; Siti is
    # below her, an indirect subordinate: refused.
    kadis_plan = PerformancePlan(
        id="skp-2025-kadis", employee=KADIS, pejabat_penilai=SEKDA, period=YEAR, work_results=RHK
    )
    with pytest.raises(AuthorityError) as caught:
        appraise(
            kadis_plan,
            [
                given(AssessorRole.PEJABAT_PENILAI, SEKDA, kadis_plan),
                given(SUB, KEPSEK, kadis_plan),
                given(SUB, SITI, kadis_plan),
            ],
            roster=ROSTER,
        )
    (problem,) = caught.value.problems
    assert problem.path == "assessments[2].role"
    assert "an indirect subordinate (bawahan tidak langsung)" in problem.message


def test_a_plan_that_disagrees_with_the_roster_is_the_one_problem() -> None:
    # Siti's record without a superior lets the plan skip the Kepala Sekolah; the roster
    # names her as Siti's pejabat penilai.
    unrecorded = Employee(SITI.nip, SITI.name, SITI.position, UNIT)
    skipping = PerformancePlan(
        id="skp-2025-siti",
        employee=unrecorded,
        pejabat_penilai=KADIS,
        period=YEAR,
        work_results=RHK,
    )
    with pytest.raises(AuthorityError) as caught:
        appraise(skipping, [given(AssessorRole.PEJABAT_PENILAI, KADIS, skipping)], roster=ROSTER)
    assert caught.value.count == 1
    assert caught.value.rule == "AUTH-ROSTER-PEJABAT-PENILAI"
    assert caught.value.path == "plan.pejabat_penilai"


def test_the_roster_must_be_a_roster_and_the_assessments_may_be_an_iterator() -> None:
    with pytest.raises(AppraisalError) as caught:
        appraise(PLAN, [LEAD], roster=[KADIS])  # type: ignore[arg-type]
    assert (caught.value.rule, caught.value.path) == ("TYPE", "roster")
    checked = appraise(PLAN, iter([LEAD, OWN]), roster=ROSTER)
    assert checked.explanation.steps[0].output == "2 assessments checked"


def test_a_roster_is_the_view_appraise_needs() -> None:
    assert isinstance(ROSTER, RosterView)
    roles = ROSTER.roles_of(BAYU.nip, PLAN)
    assert isinstance(roles, PlanRoles)
    assert isinstance(roles, PlanRolesView)
    assert not isinstance([KADIS], RosterView)


def test_the_cycle_passes_the_roster_on() -> None:
    def at(day: int) -> dt.datetime:
        return dt.datetime(2025, 1, day, 9, tzinfo=WIB)

    cycle = PerformanceCycle.draft(PLAN, by=SITI.nip, at=at(2), roster=ROSTER).cycle
    with pytest.raises(AuthorityError) as caught:
        cycle.appraise([LEAD, given(SUB, KADIS)], roster=ROSTER)
    assert caught.value.path == "assessments[1].role"
    done = cycle.appraise([LEAD, OWN], roster=ROSTER)
    assert done.explanation.steps[0].rule == "AUTH-ROSTER-ROLE"


def test_a_roster_checked_appraisal_round_trips_through_json() -> None:
    from asn_performance.boundary.part_documents import dump_appraisal, load_appraisal

    checked = appraise(PLAN, [LEAD, OWN], roster=ROSTER)
    again = load_appraisal(dump_appraisal(checked))
    assert again == checked
    assert again.explanation.steps[0].title == "Who may give which assessment, by the roster"


def test_the_teachers_case_in_indonesian() -> None:
    # The same three problems shown in Indonesian: the roles and the roster's relations the
    # check fills in are written in Indonesian too (_kit.error_text._WORDS), not left English.
    from asn_performance._kit.error_text import problem_in

    wrong = [LEAD, OWN, given(SUB, KADIS), given(SUB, BAYU), given(SUB, DEWI)]
    with pytest.raises(AuthorityError) as caught:
        appraise(PLAN, wrong, roster=ROSTER)
    kadis, bayu, _ = (problem_in(p, "id") for p in caught.value.problems)
    assert "memberi penilaian Bawahan langsung atas SKP" in kadis.message
    assert "atasan pejabat penilai kinerja, yang memutus keberatan" in kadis.message
    assert "rekan kerja di luar garis jabatan pegawai itu" in bayu.message
    assert bayu.fix is not None
    assert "Rekan kerja setingkat atau Pengguna layanan" in bayu.fix
    for problem in (kadis, bayu):
        assert "(Bawahan langsung) assessment" not in problem.message
        assert "colleague" not in problem.message
