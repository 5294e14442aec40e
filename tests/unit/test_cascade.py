"""Cascading (*intervensi*): the link of a staff RHK to the leader's RHK, checked and shown.

The unit below is the worked example of ``docs/how-to/cascade.md``: a Dinas Pendidikan in
Kota Serang whose work is to raise the pass rate of its pupils (regional report "Pengelolaan
Jabatan ASN Berbasis Kinerja di Serang": *di Dinas Pendidikan Kota Serang, pegawai yang memiliki
prestasi dalam meningkatkan angka kelulusan siswa akan mendapatkan penghargaan*). The plans,
people and RHK texts are made up for the example. Every expected tree is written by hand.
"""

from __future__ import annotations

import itertools
import json

import attrs
import pytest

from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    dump_document,
    input_json_schema,
    load_document,
    sample_document,
)
from asn_performance.boundary.part_documents import dump_plan, load_plan
from asn_performance.domain.employee import Employee, Position, PositionKind
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import Indicator, PerformancePlan, Target, WorkResult
from asn_performance.exceptions import (
    AsnPerformanceError,
    DuplicateError,
    InputError,
    PeriodError,
    PlanError,
)
from asn_performance.process.cascade import (
    CASCADE_RULES,
    MAX_DEPTH,
    CascadeNote,
    cascade_tree,
    check_cascade,
    check_unit_links,
    leader_plan_of,
)

UNIT = "Dinas Pendidikan Kota Serang (contoh)"
YEAR = Period.annual(2025)


def employee(nip: str, name: str, kind: PositionKind, title: str) -> Employee:
    return Employee(Nip.parse(nip), name, Position(kind, title), UNIT)


SEKDA = employee("196805171994031003", "Sekda", PositionKind.JPT, "Sekretaris Daerah")
KADIS = employee("197003121995031002", "Kadis", PositionKind.JPT, "Kepala Dinas Pendidikan")
KABID = employee(
    "197805172003122001", "Kabid", PositionKind.ADMINISTRATOR, "Kepala Bidang Pembinaan SMP"
)
ANALIS = employee("198609262015051001", "Analis", PositionKind.PELAKSANA, "Analis Data Pendidikan")


def rhk(ident: str, text: str, link: str | None = None, printed: str | None = None) -> WorkResult:
    indicator = Indicator(f"{ident}-iki", "Persentase capaian", Target.value(90, "%"))
    return WorkResult(
        ident, text, (indicator,), leader_work_result=printed, leader_work_result_id=link
    )


def plan(
    ident: str,
    person: Employee,
    penilai: Employee,
    results: list[WorkResult],
    *,
    leads_unit: bool = False,
    period: Period = YEAR,
) -> PerformancePlan:
    return PerformancePlan(ident, person, penilai, period, results, leads_unit=leads_unit)


KADIS_PLAN = plan(
    "skp-kadis",
    KADIS,
    SEKDA,
    [
        rhk("rhk-1", "Meningkatnya angka kelulusan siswa SMP"),
        rhk("rhk-2", "Meningkatnya mutu pendidik dan tenaga kependidikan"),
    ],
    leads_unit=True,
)
KABID_PLAN = plan(
    "skp-kabid",
    KABID,
    KADIS,
    [
        rhk(
            "rhk-1",
            "Meningkatnya layanan pembelajaran SMP",
            "rhk-1",
            "Meningkatnya angka kelulusan siswa",  # shorter than the linked text
        ),
        rhk("rhk-2", "Tersusunnya laporan kinerja bidang"),  # no link
    ],
)
ANALIS_PLAN = plan(
    "skp-analis",
    ANALIS,
    KABID,
    [
        rhk("rhk-1", "Tersedianya data kelulusan per sekolah", "rhk-1"),
        rhk("rhk-2", "Terlaksananya bimbingan teknis guru", "rhk-9"),  # no rhk-9 at the Kabid's
    ],
)
UNIT_PLANS = (KADIS_PLAN, KABID_PLAN, ANALIS_PLAN)

# By hand: the Sekda has no plan here, so the Kadis's two RHK start the tree. The Kabid's rhk-1
# links the Kadis's rhk-1 (its printed text lacks "SMP": text differs); the Kabid's rhk-2 has no
# link and the Kabid is no unit head: not linked. The Analis's rhk-1 links the Kabid's rhk-1
# (depth 3); rhk-2 names rhk-9, which the Kabid's plan lacks: dangling. Leaders of a plan here:
# the Kadis and the Kabid; of their RHK, the Kadis's rhk-2 and the Kabid's rhk-2 have nobody
# below: 2 not intervened. 3 + 2 + 1 = 6 RHK in all.
EXPECTED_TREE = """\
Cascade (intervensi) of 3 plan(s), 6 RHK: 2 not intervened, 1 not linked, 1 dangling, \
1 text differs, 0 circular
Tree (pohon kinerja):
  - rhk-1: Meningkatnya angka kelulusan siswa SMP (Kadis, 197003121995031002; skp-kadis)
    - rhk-1: Meningkatnya layanan pembelajaran SMP (Kabid, 197805172003122001; skp-kabid) \
[Teks RHK pimpinan berbeda / text differs]
      - rhk-1: Tersedianya data kelulusan per sekolah (Analis, 198609262015051001; skp-analis)
  - rhk-2: Meningkatnya mutu pendidik dan tenaga kependidikan (Kadis, 197003121995031002; \
skp-kadis) [Tidak diintervensi / not intervened]
Not linked (tidak terhubung ke RHK pimpinan):
  - rhk-2: Tersusunnya laporan kinerja bidang (Kabid, 197805172003122001; skp-kabid) \
[Tidak terhubung ke RHK pimpinan / not linked] [Tidak diintervensi / not intervened]
Dangling links (RHK pimpinan tidak ada di SKP atasan):
  - rhk-2: Terlaksananya bimbingan teknis guru (Analis, 198609262015051001; skp-analis) \
-> rhk-9 [RHK pimpinan tidak ada di SKP atasan / dangling]"""


# --- the domain field -------------------------------------------------------------------------


def test_the_link_is_an_id_checked_like_the_others() -> None:
    with pytest.raises(InputError) as caught:
        rhk("rhk-1", "x", " rhk-1")
    assert (caught.value.path, caught.value.rule, caught.value.value) == (
        "leader_work_result_id",
        "ID",
        " rhk-1",
    )
    with pytest.raises(InputError):
        rhk("rhk-1", "x", "")


def test_the_plain_record_carries_the_link_only_when_given() -> None:
    assert "leader_work_result_id" not in rhk("a", "x").to_dict()
    record = rhk("a", "x", "rhk-7", "Teks").to_dict()
    assert record["leader_work_result_id"] == "rhk-7"
    assert record["leader_work_result"] == "Teks"
    assert list(record) == [
        "id",
        "text",
        "kind",
        "leader_work_result",
        "leader_work_result_id",
        "indicators",
    ]


def test_json_round_trip_of_a_plan_and_of_a_document_keeps_the_links() -> None:
    assert load_plan(json.dumps(dump_plan(ANALIS_PLAN))) == ANALIS_PLAN
    good = (KADIS_PLAN, KABID_PLAN, plan("skp-analis", ANALIS, KABID, [rhk("r", "t", "rhk-1")]))
    document = AppraisalDocument(employees=(SEKDA, KADIS, KABID, ANALIS), plans=good)
    again = load_document(json.dumps(dump_document(document)))
    assert again == document
    assert again.plans[2].work_results[0].leader_work_result_id == "rhk-1"


def test_the_json_schema_describes_the_field_in_both_languages() -> None:
    text = json.dumps(input_json_schema())
    assert "leader_work_result_id" in text
    assert "Id RHK pimpinan yang diintervensi" in text
    assert "The id of the intervened RHK" in text


# --- one plan against its leader's ------------------------------------------------------------


def test_check_cascade_reports_links_unlinked_and_text_differences() -> None:
    check = check_cascade(KABID_PLAN, KADIS_PLAN)
    # rhk-1 -> the Kadis's rhk-1, printed text differs; rhk-2 has no link (reported, D22).
    assert check.links == (("rhk-1", "rhk-1"),)
    assert check.not_linked == ("rhk-2",)
    assert check.text_differs == ("rhk-1",)
    rules = [step.rule for step in check.explanation.steps]
    assert rules == ["PLAN-CASCADE-LINK", "PLAN-CASCADE-TEXT", "PLAN-CASCADE-UNLINKED"]
    assert check.to_dict()["links"] == [["rhk-1", "rhk-1"]]


def test_spaces_and_case_are_not_a_text_difference() -> None:
    staff = plan(
        "s",
        KABID,
        KADIS,
        [rhk("a", "t", "rhk-2", "  meningkatnya MUTU pendidik dan\ttenaga kependidikan")],
    )
    assert check_cascade(staff, KADIS_PLAN).text_differs == ()


def test_an_rhk_not_in_the_leaders_plan_is_refused() -> None:
    # The e-Kinerja placeholder text for an RHK the leader's plan does not have.
    staff = plan(
        "skp-staf",
        KABID,
        KADIS,
        [rhk("rhk-1", "Tersusunnya data", "rhk-x", "RHK YANG TIDAK ADA DI SKP ATASAN")],
    )
    with pytest.raises(PlanError) as caught:
        check_cascade(staff, KADIS_PLAN)
    error = caught.value
    assert error.rule == "PLAN-CASCADE-LINK"
    assert error.path == "work_results[0].leader_work_result_id"
    assert error.value == "rhk-x"
    assert "rhk-1, rhk-2" in (error.fix or "")
    assert error.count == 1


def test_every_bad_link_is_reported_at_once() -> None:
    staff = plan(
        "skp-staf",
        KABID,
        KADIS,
        [rhk("a", "t", "rhk-1"), rhk("b", "t", "nope-1"), rhk("c", "t"), rhk("d", "t", "nope-2")],
    )
    with pytest.raises(PlanError) as caught:
        check_cascade(staff, KADIS_PLAN)
    problems = caught.value.problems
    # b (index 1) and d (index 3) are bad; a links rhk-1, c has no link.
    assert [(p.path, p.value) for p in problems] == [
        ("work_results[1].leader_work_result_id", "nope-1"),
        ("work_results[3].leader_work_result_id", "nope-2"),
    ]
    assert {p.rule for p in problems} == {"PLAN-CASCADE-LINK"}


def test_the_leaders_plan_must_be_the_plan_of_the_pejabat_penilai() -> None:
    with pytest.raises(PlanError) as caught:
        check_cascade(ANALIS_PLAN, KADIS_PLAN)  # the Analis's pejabat penilai is the Kabid
    assert caught.value.rule == "PLAN-CASCADE-LEADER"
    assert caught.value.value == "197003121995031002"
    assert "197805172003122001" in (caught.value.fix or "")


def test_periods_that_do_not_overlap_are_refused() -> None:
    old = plan("skp-kadis-2024", KADIS, SEKDA, [rhk("rhk-1", "t")], period=Period.annual(2024))
    with pytest.raises(PeriodError) as caught:
        check_cascade(KABID_PLAN, old)
    assert (caught.value.rule, caught.value.value) == ("PLAN-CASCADE-PERIOD", "2024")


def test_a_unit_heads_plan_expects_no_link() -> None:
    # The Kabid leads the bidang: its rhk-2 without a link comes from its Perjanjian Kinerja.
    head = plan("skp-kabid", KABID, KADIS, list(KABID_PLAN.work_results), leads_unit=True)
    assert check_cascade(head, KADIS_PLAN).not_linked == ()


def test_the_leaders_plan_is_the_one_of_the_same_period_first() -> None:
    quarter = plan("q1", KADIS, SEKDA, [rhk("x", "t")], period=Period.quarter(2025, 1))
    other_year = plan("y24", KADIS, SEKDA, [rhk("x", "t")], period=Period.annual(2024))
    # Same period (Tahunan 2025) wins over a quarter that overlaps it; 2024 never overlaps.
    assert leader_plan_of(KABID_PLAN, [quarter, other_year, KADIS_PLAN]) is KADIS_PLAN
    assert leader_plan_of(KABID_PLAN, [quarter, other_year]) is quarter
    assert leader_plan_of(KABID_PLAN, [other_year]) is None


def test_check_unit_links_finds_every_bad_link_of_every_plan() -> None:
    bad_kabid = plan("skp-kabid", KABID, KADIS, [rhk("rhk-1", "t", "zz")])
    staff = plan("skp-analis", ANALIS, KABID, [rhk("a", "t", "rhk-1"), rhk("b", "t", "rhk-5")])
    with pytest.raises(PlanError) as caught:
        check_unit_links([KADIS_PLAN, bad_kabid, staff])
    assert [p.path for p in caught.value.problems] == [
        "plans[1].work_results[0].leader_work_result_id",
        "plans[2].work_results[1].leader_work_result_id",
    ]
    check_unit_links([KADIS_PLAN, KABID_PLAN])  # the Kabid's links are good


# --- the tree ---------------------------------------------------------------------------------


def test_the_tree_of_the_unit_written_by_hand() -> None:
    tree = cascade_tree(UNIT_PLANS)
    assert tree.render() == EXPECTED_TREE
    assert str(tree) == EXPECTED_TREE
    assert [n.work_result.id for n in tree.not_intervened] == ["rhk-2", "rhk-2"]
    assert [n.plan_id for n in tree.not_intervened] == ["skp-kadis", "skp-kabid"]


def test_the_tree_is_the_same_whatever_order_the_plans_come_in() -> None:
    for order in itertools.permutations(UNIT_PLANS):
        assert cascade_tree(order).render() == EXPECTED_TREE


def test_the_tree_as_data() -> None:
    data = cascade_tree(UNIT_PLANS).to_dict()
    assert data["plans"] == 3
    assert data["counts"] == {
        "not_intervened": 2,
        "not_linked": 1,
        "dangling": 1,
        "text_differs": 1,
        "circular": 0,
    }
    top = data["roots"][0]
    assert (top["plan_id"], top["work_result_id"], top["notes"]) == ("skp-kadis", "rhk-1", [])
    middle = top["children"][0]
    assert (middle["plan_id"], middle["leader_work_result_id"]) == ("skp-kabid", "rhk-1")
    assert middle["children"][0]["plan_id"] == "skp-analis"
    assert data["dangling"][0]["leader_work_result_id"] == "rhk-9"
    assert data["circular"] == []
    json.dumps(data)  # JSON-ready


def test_the_explanation_names_the_rules() -> None:
    steps = cascade_tree(UNIT_PLANS).explanation.steps
    # The Kadis starts the tree; the Kabid: text differs, not linked, 1 link; the Analis:
    # dangling, 1 link; then the two RHK nobody intervenes.
    assert [str(step.rule) for step in steps] == [
        "PLAN-CASCADE-HEAD",
        "PLAN-CASCADE-TEXT",
        "PLAN-CASCADE-UNLINKED",
        "PLAN-CASCADE-LINK",
        "PLAN-CASCADE-LINK",
        "PLAN-CASCADE-LINK",
        "PLAN-CASCADE-NOT-INTERVENED",
        "PLAN-CASCADE-NOT-INTERVENED",
    ]
    assert {step.rule for step in steps} <= {rule.id for rule in CASCADE_RULES}


def test_a_unit_heads_unlinked_rhk_start_the_tree() -> None:
    head = plan("skp-kabid", KABID, KADIS, list(KABID_PLAN.work_results), leads_unit=True)
    tree = cascade_tree([KADIS_PLAN, head])
    # The Kabid's rhk-1 under the Kadis's rhk-1; its rhk-2 (no link, unit head) a root.
    assert [(n.plan_id, n.work_result.id) for n in tree.roots] == [
        ("skp-kadis", "rhk-1"),
        ("skp-kadis", "rhk-2"),
        ("skp-kabid", "rhk-2"),
    ]
    assert tree.not_linked == ()


def test_links_in_a_circle_are_shown_apart() -> None:
    a = employee("197501012000031001", "A", PositionKind.PENGAWAS, "A")
    b = employee("197601012001031002", "B", PositionKind.PENGAWAS, "B")
    tree = cascade_tree(
        [
            plan("skp-b", b, a, [rhk("rb", "Teks B", "ra")]),
            plan("skp-a", a, b, [rhk("ra", "Teks A", "rb")]),
        ]
    )
    # Each is the other's leader; neither RHK starts a section: A (the smaller NIP) is shown
    # first, B below it, once. Both RHK are on the circle (ra -> rb -> ra): both are circular.
    assert tree.render() == (
        "Cascade (intervensi) of 2 plan(s), 2 RHK: 0 not intervened, 0 not linked, 0 dangling,"
        " 0 text differs, 2 circular\n"
        "Tree (pohon kinerja):\n"
        "Circular links (keterkaitan melingkar):\n"
        "  - ra: Teks A (A, 197501012000031001; skp-a) -> rb [Keterkaitan melingkar / circular]\n"
        "    - rb: Teks B (B, 197601012001031002; skp-b) -> ra"
        " [Keterkaitan melingkar / circular]"
    )
    assert [step.rule for step in tree.explanation.steps[-2:]] == ["PLAN-CASCADE-CYCLE"] * 2


def test_the_html_escapes_hostile_text() -> None:
    evil = "<script>alert(1)</script>"
    boss = employee("197003121995031002", evil, PositionKind.JPT, "Kepala")
    tree = cascade_tree(
        [
            plan("skp-<b>", boss, SEKDA, [rhk("rhk-1", evil)]),
            plan("skp-2", KABID, boss, [rhk("r&1", f"{evil} & co", "rhk-1")]),
        ]
    )
    html = tree.to_html()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "skp-&lt;b&gt;" in html
    assert "r&amp;1" in html
    assert tree._repr_html_() == html
    assert html.count("<ul>") == html.count("</ul>") == 2  # the tree and its one child list


def test_a_plan_given_twice_is_refused() -> None:
    with pytest.raises(DuplicateError) as caught:
        cascade_tree([KADIS_PLAN, KADIS_PLAN])
    assert (caught.value.rule, caught.value.path) == ("PLAN-CASCADE-PLANS", "plans[1].id")
    with pytest.raises(InputError):
        cascade_tree([KADIS_PLAN, "skp"])  # type: ignore[list-item]


def test_with_note_reads_codes_and_labels() -> None:
    tree = cascade_tree(UNIT_PLANS)
    assert tree.with_note("dangling") == tree.with_note(CascadeNote.DANGLING)
    assert tree.with_note("Tidak terhubung ke RHK pimpinan") == tree.not_linked


# --- the JSON boundary ------------------------------------------------------------------------


def _document(plans: tuple[PerformancePlan, ...]) -> dict[str, object]:
    return dump_document(AppraisalDocument(employees=(SEKDA, KADIS, KABID, ANALIS), plans=plans))


def test_loading_a_document_checks_the_links_with_json_paths() -> None:
    good = _document((KADIS_PLAN, KABID_PLAN, plan("skp-analis", ANALIS, KABID, [rhk("a", "t")])))
    plans = good["plans"]
    assert isinstance(plans, list)
    plans[1]["work_results"][0]["leader_work_result_id"] = "rhk-404"
    plans[2]["work_results"][0]["leader_work_result_id"] = "RHK YANG TIDAK ADA"
    with pytest.raises(AsnPerformanceError) as caught:
        load_document(json.dumps(good))
    assert [(p.path, p.value, p.rule) for p in caught.value.problems] == [
        ("$.plans[1].work_results[0].leader_work_result_id", "rhk-404", "PLAN-CASCADE-LINK"),
        (
            "$.plans[2].work_results[0].leader_work_result_id",
            "RHK YANG TIDAK ADA",
            "PLAN-CASCADE-LINK",
        ),
    ]


def test_a_link_whose_leaders_plan_is_not_in_the_document_is_not_checked() -> None:
    # The Kadis's pejabat penilai (the Sekda) has no plan in the document.
    head = plan("skp-kadis", KADIS, SEKDA, [rhk("rhk-1", "t", "pk-sasaran-1")], leads_unit=True)
    document = load_document(json.dumps(_document((head,))))
    assert document.plans[0].work_results[0].leader_work_result_id == "pk-sasaran-1"


# --- review (issue 13, item 2): fixes found by a hostile tester, each with its test -----------
# check_unit_links / leader_plan_of took anything (AttributeError, TypeError): now InputError;
# pairing a plan with its leader's plan scanned every plan for every plan (quadratic): an index
# by NIP; in a circle of links only the first RHK was noted circular, and an RHK hanging below
# a circle but first in the unit's order was shown as its start; a chain of 1,000+ plans ran out
# of Python's stack: refused above MAX_DEPTH; an AppraisalDocument made in Python with a bad
# link was accepted and its dump did not load: the document checks its links itself.


@pytest.mark.parametrize("plans", ["skp-kadis", None, 7])
def test_check_unit_links_refuses_what_is_not_a_collection(plans: object) -> None:
    with pytest.raises(InputError) as caught:
        check_unit_links(plans)  # type: ignore[arg-type]
    assert (caught.value.path, caught.value.rule) == ("plans", "TYPE")


def test_check_unit_links_refuses_a_member_that_is_not_a_plan() -> None:
    with pytest.raises(InputError) as caught:
        check_unit_links([KADIS_PLAN, "skp"])  # type: ignore[list-item]
    assert (caught.value.path, caught.value.rule) == ("plans[1]", "TYPE")


def test_leader_plan_of_refuses_what_is_not_a_plan() -> None:
    with pytest.raises(InputError) as caught:
        leader_plan_of(1, [KADIS_PLAN])  # type: ignore[arg-type]
    assert (caught.value.path, caught.value.rule, caught.value.value) == ("plan", "TYPE", "int")
    staff = plan("skp-kabid", KABID, KADIS, [rhk("rhk-1", "x", "rhk-1")])
    with pytest.raises(InputError) as caught:
        leader_plan_of(staff, None)  # type: ignore[arg-type]
    assert (caught.value.path, caught.value.rule) == ("plans", "TYPE")


def test_every_rhk_on_a_circle_is_circular_and_one_below_it_is_not() -> None:
    # By hand: the Kadis's plan has the Kabid as pejabat penilai and the Kabid's plan the Kadis
    # (each the other's leader); the Kadis's k1 links the Kabid's b1 and b1 links k1: a circle
    # k1 -> b1 -> k1. The Sekda's plan (pejabat penilai the Kabid) links b1 too: s1 hangs below
    # the circle, not on it. In the unit's order (NIP, same period) the Sekda (1968...) comes
    # first, then the Kadis (1970...), then the Kabid (1978...). Nothing starts a section (every
    # RHK has a valid link), so all three are shown under "Circular links", once each, starting
    # at the first RHK of the circle in that order: k1, then b1 below it, then s1 below b1.
    # Circular: k1 and b1 (2); s1 is not. Not intervened: the Kadis's plan leads the Kabid's,
    # the Kabid's leads the Kadis's and the Sekda's; k1 has b1 below, b1 has k1 and s1: none.
    tree = cascade_tree(
        [
            plan("skp-sekda", SEKDA, KABID, [rhk("s1", "Teks S", "b1")]),
            plan("skp-kabid", KABID, KADIS, [rhk("b1", "Teks B", "k1")]),
            plan("skp-kadis", KADIS, KABID, [rhk("k1", "Teks K", "b1")]),
        ]
    )
    assert tree.roots == ()
    assert tree.not_linked == ()
    assert tree.dangling == ()
    assert [(n.work_result.id, n.notes) for n in tree.nodes()] == [
        ("k1", (CascadeNote.CIRCULAR,)),
        ("b1", (CascadeNote.CIRCULAR,)),
        ("s1", ()),
    ]
    assert tree.to_dict()["counts"]["circular"] == 2
    assert [step.rule for step in tree.explanation.steps].count("PLAN-CASCADE-CYCLE") == 2


def _chain(length: int) -> list:  # type: ignore[type-arg]
    """``length`` plans, each employee the pejabat penilai of the next; plan 0's pejabat
    penilai (the Sekda) has no plan, so plan 0's RHK is a root (depth 1) and plan i's RHK sits
    at depth i + 1."""
    people = [
        employee(
            f"1980{1 + i // 900:02d}012005011{1 + i % 900:03d}",
            f"P{i}",
            PositionKind.PELAKSANA,
            "Staf",
        )
        for i in range(length)
    ]
    return [
        plan(f"p{i}", people[i], people[i - 1] if i else SEKDA, [rhk("r", "t", "r" if i else None)])
        for i in range(length)
    ]


def test_a_chain_of_max_depth_plans_is_built() -> None:
    # By hand: 100 plans, depths 1..100, the deepest exactly MAX_DEPTH: built; the text tree
    # has the summary, the section title and one line per RHK: 102 lines.
    assert MAX_DEPTH == 100
    tree = cascade_tree(_chain(MAX_DEPTH))
    assert len(tree.render().splitlines()) == 102
    assert tree == cascade_tree(_chain(MAX_DEPTH))  # comparing two deep trees does not overflow


def test_a_deeper_chain_is_refused_not_a_recursion_error() -> None:
    # By hand: 1,200 plans; plan 100 is at depth 101, the first beyond the limit: refused at its
    # place in the list given, plans[100].
    with pytest.raises(PlanError) as caught:
        cascade_tree(_chain(1200))
    error = caught.value
    assert (error.path, error.rule, error.value) == (
        "plans[100].pejabat_penilai",
        "PLAN-CASCADE-DEPTH",
        "p100",
    )
    assert error.fix


class _Counted(list):  # type: ignore[type-arg]
    """A list that counts how often it is walked through."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        _Counted.walks += 1
        return super().__iter__()


def test_pairing_a_unit_walks_its_plans_once() -> None:
    # By hand: 300 staff plans under one head, each linked to the head's RHK "h". Pairing each
    # plan with its leader's plan used to walk the whole list once per plan (301 + 1 walks,
    # quadratic: 81 ms for 1,000 plans, 1,281 ms for 4,000 on loading a document); with the
    # index by NIP the list is read once, whatever its length.
    head = plan("head", KADIS, SEKDA, [rhk("h", "t")])
    staff = [
        plan(
            f"s{i}",
            employee(f"198001012005011{1 + i:03d}", f"S{i}", PositionKind.PELAKSANA, "Staf"),
            KADIS,
            [rhk("r", "t", "h")],
        )
        for i in range(300)
    ]
    plans = _Counted([head, *staff])
    _Counted.walks = 0
    check_unit_links(plans)
    assert _Counted.walks == 1
    _Counted.walks = 0
    assert len(cascade_tree(plans).roots[0].children) == 300
    assert _Counted.walks == 1


def test_a_document_made_in_python_checks_its_links() -> None:
    # By hand: the sample's Kabag plan leads the Kasubag's (skp-2025-kasubag-pk); a link from
    # the Kasubag's first RHK to "rhk-99", which the Kabag's plan lacks, is refused when the
    # document is made, at the JSON path of the link: before the fix it was accepted, and
    # dump_document wrote a document that load_document refused.
    sample = sample_document()
    plans = list(sample.plans)
    index, staff = next(
        (i, p) for i, p in enumerate(plans) if p.pejabat_penilai.nip == plans[0].employee.nip
    )
    first = attrs.evolve(staff.work_results[0], leader_work_result_id="rhk-99")
    plans[index] = attrs.evolve(staff, work_results=(first, *staff.work_results[1:]))
    with pytest.raises(PlanError) as caught:
        attrs.evolve(sample, plans=tuple(plans))
    assert caught.value.path == f"$.plans[{index}].work_results[0].leader_work_result_id"
    assert caught.value.rule == "PLAN-CASCADE-LINK"
    # A good link: made, dumped and loaded back equal.
    good_id = plans[0].work_results[0].id
    first = attrs.evolve(staff.work_results[0], leader_work_result_id=good_id)
    plans[index] = attrs.evolve(staff, work_results=(first, *staff.work_results[1:]))
    document = attrs.evolve(sample, plans=tuple(plans))
    assert isinstance(document, AppraisalDocument)
    assert load_document(dump_document(document)) == document


def test_a_chain_in_the_unit_uses_the_analis() -> None:
    # The three fixture people in one chain: Kadis <- Kabid <- Analis, links all valid: one
    # root, depth 3, no notes but the leaders' RHK each intervened.
    tree = cascade_tree(
        [
            plan("a", ANALIS, KABID, [rhk("a1", "t", "b1")]),
            plan("b", KABID, KADIS, [rhk("b1", "t", "k1")]),
            plan("k", KADIS, SEKDA, [rhk("k1", "t")], leads_unit=True),
        ]
    )
    assert [(n.work_result.id, n.notes) for n in tree.nodes()] == [
        ("k1", ()),
        ("b1", ()),
        ("a1", ()),
    ]
