"""The steps of the process in Bahasa Indonesia (issue 14, slice T3): the steps that the cascade,
the schedules, the status report, the plan's versions and the lifecycle's objection decision
record are shown through the catalogue messages ``step.<RULE ID>.<name>`` when rendered with
``lang="id"``; the step data (JSON, the seals of stored records, the English) is unchanged.
What a revision changes (``indicator iki-1 target 12 layanan -> 10 layanan``) is shown in
Indonesian too, at display time.

Every expected Indonesian line below is written by hand from the English text the module
records and the Indonesian of the catalogue entry, never copied from the code's output. The
worked stories are those of ``tests/cli/status_cycles.py`` (the status report as of 11 May
2026) and ``tests/unit/process/lifecycle/lifecycle_story.py`` (an objection decided).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import status_cycles as story
from lifecycle_story import AT, LATER, OBJECTED, A

from asn_performance._kit import i18n
from asn_performance._kit.i18n import catalogue
from asn_performance.domain.explanation import Explanation, Step, step_in
from asn_performance.process import _words, cascade, plan_versions, schedule, status
from asn_performance.process.lifecycle import steps
from asn_performance.process.lifecycle.revision import changes
from asn_performance.process.plan_versions import plan_versions as versions_of
from asn_performance.process.schedule import assignment_schedules, periodic_schedule
from asn_performance.process.status import cycle_status
from asn_performance.services.rulebook import RULEBOOK
from asn_performance.services.sample import sample_unit

MODULES = (cascade, schedule, plan_versions, status, steps)

#: The rules whose steps these modules record.
SLICE = frozenset(
    {
        "PLAN-CASCADE-LINK",
        "PLAN-CASCADE-UNLINKED",
        "PLAN-CASCADE-TEXT",
        "PLAN-CASCADE-HEAD",
        "PLAN-CASCADE-NOT-INTERVENED",
        "PLAN-CASCADE-CYCLE",
        "SCHEDULE-CLIP",
        "SCHEDULE-SERVICE",
        "SCHEDULE-CADENCE",
        "SCHEDULE-ASSIGNMENT",
        "LIFECYCLE-PLAN-IN-FORCE",
        "LIFECYCLE-STATUS-PLAN",
        "LIFECYCLE-STATUS-REVISION",
        "LIFECYCLE-STATUS-EVALUATION",
        "LIFECYCLE-STATUS-OBJECTION",
        "PP30-59-DECISION",
        "6/2022-MATRIX",  # only the note "before the objection" the lifecycle adds
    }
)

ALL = story.KOTA_RECORDS + story.KAB_RECORDS + story.PROV_RECORDS


def _lines(explanation: Explanation) -> list[str]:
    """The rendered Indonesian lines, without the rule's citation (``dasar:``)."""
    return [
        line for line in explanation.render("id").splitlines() if not line.startswith("   dasar:")
    ]


def _body(step: Step) -> list[str]:
    """The inputs, result and note lines of one step in Indonesian."""
    return _lines(Explanation([step]))[1:]


# --- (a) the phrase tables are the English catalogue, and the constants are the phrases --------


def test_every_phrase_a_process_module_exposes_is_its_english_message() -> None:
    english = catalogue("en")
    exposed: dict[str, str] = {}
    for module in MODULES:
        assert module.STEP_PHRASES, module.__name__
        exposed.update(module.STEP_PHRASES)
    for msg_id, phrase in exposed.items():
        assert english[msg_id].text == phrase, msg_id
        assert msg_id.removeprefix("step.").partition(".")[0] in SLICE, msg_id
    # Every step message of these rules in the catalogue is one a module exposes (the matrix
    # has the 2022 slice's phrases too: only the lifecycle's own one is ours).
    ours = {
        m
        for m in english
        if m.startswith("step.") and m.removeprefix("step.").partition(".")[0] in SLICE
    }
    assert ours - {"step.6/2022-MATRIX.before_objection"} <= set(exposed)
    assert set(_words.CHANGE_PHRASES) <= set(status.STEP_PHRASES)


def test_the_fixed_phrases_the_modules_write_are_the_ones_they_expose() -> None:
    c = cascade.STEP_PHRASES
    assert c["step.PLAN-CASCADE-HEAD.starts"] == cascade._STARTS
    assert c["step.PLAN-CASCADE-HEAD.no_leader"] == cascade._NO_LEADER_NOTE
    assert c["step.PLAN-CASCADE-HEAD.unit_head"] == cascade._UNIT_HEAD_NOTE
    assert c["step.PLAN-CASCADE-LINK.dangling_note"] == cascade._DANGLING_NOTE
    assert c["step.PLAN-CASCADE-UNLINKED.note"] == cascade._UNLINKED_NOTE
    assert c["step.PLAN-CASCADE-TEXT.decides"] == cascade._TEXT_DECIDES
    assert c["step.PLAN-CASCADE-TEXT.note"] == cascade._TEXT_NOTE
    assert c["step.PLAN-CASCADE-NOT-INTERVENED.note"] == cascade._NOT_INTERVENED_NOTE
    assert c["step.PLAN-CASCADE-CYCLE.note"] == cascade._CYCLE_NOTE
    # The notes' results are the notes' codes in words.
    assert c["step.PLAN-CASCADE-LINK.dangling"] == cascade._said(cascade.CascadeNote.DANGLING)
    assert c["step.PLAN-CASCADE-UNLINKED.not_linked"] == cascade._said(
        cascade.CascadeNote.NOT_LINKED
    )
    assert c["step.PLAN-CASCADE-CYCLE.circular"] == cascade._said(cascade.CascadeNote.CIRCULAR)
    assert schedule.STEP_PHRASES["step.SCHEDULE-ASSIGNMENT.own_skp"] == schedule._OWN_SKP
    s = steps.STEP_PHRASES
    assert s["step.PP30-59-DECISION.before"] == steps._BEFORE_OBJECTION
    assert s["step.6/2022-MATRIX.before_objection"] == steps._BEFORE_OBJECTION
    assert s["step.PP30-59-DECISION.final"] == steps._DECISION_NOTE
    t = status.STEP_PHRASES
    assert t["step.LIFECYCLE-STATUS-REVISION.no_deadline"] == status._deadline_text(None)
    not_late = "Plan not yet agreed: " + status._late_text(0)
    assert t["step.LIFECYCLE-STATUS-PLAN.not_late"] == not_late
    # Each phrase of a plan-versions reason is the English of the report's own message.
    p = plan_versions.STEP_PHRASES
    for name in ("not_agreed", "outside", "final", "whole"):
        message = plan_versions.ENGLISH[f"plan_versions.reason.{name}"]
        assert p[f"step.LIFECYCLE-PLAN-IN-FORCE.{name}"] == message


def test_each_change_a_revision_can_make_matches_one_phrase() -> None:
    # The texts revision.changes() writes, one of each kind (revision.py), and their Indonesian.
    cases = {
        "period 2026 -> 2026-01-01/2026-06-30": (
            "periode diubah dari 2026 menjadi 2026-01-01/2026-06-30"
        ),
        "RHK rhk-2 dropped": "RHK rhk-2 dihapus",
        "RHK rhk-3 added": "RHK rhk-3 ditambahkan",
        "RHK 1.2 reworded": "rumusan RHK 1.2 diubah",
        "RHK rhk-1 intervenes k-1 -> k-2": (
            "RHK pimpinan yang diintervensi RHK rhk-1 diubah dari k-1 menjadi k-2"
        ),
        "RHK rhk-1 intervenes none -> k-2": (
            "RHK rhk-1 kini mengintervensi k-2, sebelumnya tanpa tautan"
        ),
        "RHK rhk-1 intervenes k-1 -> none": "RHK rhk-1 tidak lagi mengintervensi k-1",
        "indicator iki-1 dropped": "indikator iki-1 dihapus",
        "indicator iki-2 added": "indikator iki-2 ditambahkan",
        "indicator 1.2.1 target 12.5 layanan -> 10 - 12 layanan": (
            "target indikator 1.2.1 diubah dari 12.5 layanan menjadi 10 - 12 layanan"
        ),
        "indicator iki-1 reworded": "rumusan indikator iki-1 diubah",
        "behaviours, approach or unit-head flag changed": (
            "perilaku kerja, pendekatan atau penanda pimpinan unit kerja berubah"
        ),
    }
    for english, indonesian in cases.items():
        assert _words.change_in(english, "id") == indonesian, english
        assert _words.change_in(english, "en") == english
    # A text no phrase matches (an older release's) stays as it is.
    assert _words.change_in("target raised", "id") == "target raised"
    # In a step note, the same phrases: ids and period codes stay as written ("1.2", "2026").
    step = Step(
        RULEBOOK["LIFECYCLE-STATUS-REVISION"],
        "",
        (),
        "Revision not yet agreed: not late",
        "RHK 1.2 reworded; period 2026 -> 2026-01-01/2026-06-30",
    )
    assert step_in(step, "id").note == (
        "rumusan RHK 1.2 diubah; periode diubah dari 2026 menjadi 2026-01-01/2026-06-30"
    )


def test_the_changes_of_the_revision_story_are_what_changes_writes() -> None:
    # Fitri's revision: target of iki-1 from 12 layanan to 10 layanan (status_cycles.py).
    pending = story.R.pending_revision
    assert pending is not None
    found = changes(story.R.plan, pending.plan)
    assert found == ("indicator iki-1 target 12 layanan -> 10 layanan",)
    assert _words.changes_text(found, "id") == (
        "target indikator iki-1 diubah dari 12 layanan menjadi 10 layanan"
    )


# --- (b) the worked examples, rendered in Indonesian ----------------------------------------------


def test_an_objection_decided_through_the_lifecycle_in_indonesian() -> None:
    # The atasan (NIP 196812251993021001) raises hasil kerja from Sesuai to Di Atas: the
    # matrix step before the objection gets the note, the decision step is recorded, and the
    # matrix again: Di Atas x Sesuai = Baik.
    cycle, _ = OBJECTED.decide_objection("ubah", by=AT, at=LATER, hasil_kerja=A)
    assert cycle.result is not None
    lines = _lines(cycle.result.explanation)
    assert lines[-11:] == [
        "4. [6/2022-MATRIX] Predikat kinerja pegawai dari kedua rating (matriks 3x3) (predikat)",
        "   masukan: rating hasil kerja = Sesuai Ekspektasi, rating perilaku kerja = Sesuai"
        " Ekspektasi",
        "   hasil: Baik",
        "   catatan: sebelum keberatan",
        "5. [PP30-59-DECISION] Atasan pejabat penilai kinerja memutus keberatan; keputusannya"
        " bersifat final (hasil_kerja)",
        # A NIP is an identifier: its 18 digits are not grouped 196.812.251...
        "   masukan: sebelum keberatan = Sesuai Ekspektasi, diputuskan oleh = 196812251993021001",
        "   hasil: Di Atas Ekspektasi",
        "   catatan: atasan pejabat penilai kinerja; bersifat final",
        "6. [6/2022-MATRIX] Predikat kinerja pegawai dari kedua rating (matriks 3x3) (predikat)",
        "   masukan: rating hasil kerja = Di Atas Ekspektasi, rating perilaku kerja = Sesuai"
        " Ekspektasi",
        "   hasil: Baik",
    ]


def test_the_status_report_s_steps_in_indonesian() -> None:
    # As of 11 May 2026 (status_cycles.py): five items, one of each kind.
    report = cycle_status(ALL, as_of=story.AS_OF)
    bodies = [_body(item.step) for item in report.items]
    # Q1 2026 ends 31 March; due 14 days later, 14 April; 11 May is 16 + 11 = 27 days later.
    assert [
        "   masukan: NIP = 198609262015051001, tahap = Pelaksanaan dan pemantauan kinerja,"
        " periode = 2026-Q1, batas waktu = 2026-04-14, per tanggal = 2026-05-11",
        "   hasil: Evaluasi kinerja terlambat: terlambat 27 hari",
        "   catatan: evaluasi kinerja periodik (Triwulanan) 2026-Q1 belum dicatat; 0 evaluasi"
        " kinerja periodik tercatat",
    ] in bodies
    # The plan of 2026 due on its first day (plan_days 0): 1 January to 11 May is
    # 30 + 28 + 31 + 30 + 10 = 130 days. The period code 2026 stays (not 2.026).
    assert [
        "   masukan: NIP = 199001012019032001, tahap = Penyusunan SKP, periode = 2026,"
        " batas waktu = 2026-01-01, per tanggal = 2026-05-11",
        "   hasil: SKP belum disepakati: terlambat 130 hari",
        "   catatan: ditetapkan oleh pejabat penilai kinerja (Siti Rahayu), belum diterima oleh"
        " pegawai",
    ] in bodies
    # Filed 20 April, decision due 14 days later, 4 May; 11 May is 7 days past it.
    assert [
        "   masukan: NIP = 199203172018011002, tahap = Keberatan diajukan, periode = 2025,"
        " batas waktu = 2026-05-04, per tanggal = 2026-05-11",
        "   hasil: Keberatan melewati batas waktu keputusan: terlambat 7 hari",
        "   catatan: diajukan 2026-04-20 atas hasil Baik kepada Ahmad Hidayat"
        " (196812251993021001); belum diputuskan",
    ] in bodies
    # Filed 4 May, due 18 May: not late on 11 May.
    assert [
        "   masukan: NIP = 198711052012122001, tahap = Keberatan diajukan, periode = 2025,"
        " batas waktu = 2026-05-18, per tanggal = 2026-05-11",
        "   hasil: Keberatan belum diputuskan: tidak terlambat",
        "   catatan: diajukan 2026-05-04 atas hasil Baik kepada Ahmad Hidayat"
        " (196812251993021001); belum diputuskan",
    ] in bodies
    # The revision: proposed 4 May, 7 days of waiting; no deadline, never late; the change
    # of target is shown in Indonesian.
    assert [
        "   masukan: NIP = 198404042009031005, tahap = Evaluasi kinerja periodik, periode = 2026,"
        " batas waktu = tidak ada (keputusan pustaka), per tanggal = 2026-05-11",
        "   hasil: Perubahan SKP belum disepakati: tidak terlambat",
        "   catatan: perubahan 2 (mulai 2026-05-01) diajukan 2026-05-04, menunggu 7 hari:"
        " ditetapkan oleh pejabat penilai kinerja (Siti Rahayu), belum diterima oleh pegawai;"
        " target indikator iki-1 diubah dari 12 layanan menjadi 10 layanan; versi 1 tetap"
        " berlaku sampai keduanya sepakat",
    ] in bodies
    assert len(bodies) == 5


def test_the_other_status_phrases_in_indonesian() -> None:
    # The states and results the story does not reach: a plan only drafted, a revision not
    # yet set, an objection with no result and no atasan named, an annual evaluation late.
    plan = Step(
        RULEBOOK["LIFECYCLE-STATUS-PLAN"],
        "",
        (),
        "Plan not yet agreed: not late",
        "drafted, not yet set by the pejabat penilai (Siti Rahayu)",
    )
    revision = Step(
        RULEBOOK["LIFECYCLE-STATUS-REVISION"],
        "",
        (),
        "Revision not yet agreed: not late",
        "revision 3 (from 2026-07-01) proposed 2026-06-20, waiting 1 day(s): not yet set by the"
        " pejabat penilai (Siti Rahayu); RHK rhk-4 added; version 2 stays in force until both"
        " agree",
    )
    objection = Step(
        RULEBOOK["LIFECYCLE-STATUS-OBJECTION"],
        "",
        (),
        "Objection pending: not late",
        "filed 2026-01-20 against the result to the atasan pejabat penilai; not yet decided",
    )
    annual = Step(
        RULEBOOK["LIFECYCLE-STATUS-EVALUATION"],
        "",
        (),
        "Evaluation late: 1250 day(s) late",
        "annual evaluation of 2025 not recorded",
    )
    assert _body(plan) == [
        "   hasil: SKP belum disepakati: tidak terlambat",
        "   catatan: disusun, belum ditetapkan oleh pejabat penilai kinerja (Siti Rahayu)",
    ]
    assert _body(revision) == [
        "   hasil: Perubahan SKP belum disepakati: tidak terlambat",
        "   catatan: perubahan 3 (mulai 2026-07-01) diajukan 2026-06-20, menunggu 1 hari: belum"
        " ditetapkan oleh pejabat penilai kinerja (Siti Rahayu); RHK rhk-4 ditambahkan; versi 2"
        " tetap berlaku sampai keduanya sepakat",
    ]
    assert _body(objection) == [
        "   hasil: Keberatan belum diputuskan: tidak terlambat",
        "   catatan: diajukan 2026-01-20 atas hasil kepada atasan pejabat penilai kinerja; belum"
        " diputuskan",
    ]
    # A count of days is a number: 1250 is written 1.250; the year 2025 is a period code.
    assert _body(annual) == [
        "   hasil: Evaluasi kinerja terlambat: terlambat 1.250 hari",
        "   catatan: evaluasi kinerja tahunan 2025 belum dicatat",
    ]


def test_the_plan_versions_steps_in_indonesian() -> None:
    # Fitri's plan, revision 2 pending: Q1 evaluated against version 1, the year listed.
    lines = _lines(versions_of(story.R).explanation)
    assert lines == [
        "1. [LIFECYCLE-PLAN-IN-FORCE] Setiap bagian tahun dievaluasi terhadap versi SKP yang"
        " berlaku untuknya [keputusan pustaka]",
        "   masukan: periode = 2026-Q1, dicantumkan karena = sudah dievaluasi",
        "   hasil: versi 1",
        "   catatan: berlaku untuk seluruh periode",
        "2. [LIFECYCLE-PLAN-IN-FORCE] Setiap bagian tahun dievaluasi terhadap versi SKP yang"
        " berlaku untuknya [keputusan pustaka]",
        "   masukan: periode = 2026, dicantumkan karena = tahunan",
        "   hasil: versi 1",
        "   catatan: evaluasi kinerja tahunan memakai versi terakhir yang disepakati; perubahan 2"
        " (mulai 2026-05-01) menunggu persetujuan: selama keduanya belum sepakat, evaluasi"
        " tidak dicatat",
    ]
    none = Step(
        RULEBOOK["LIFECYCLE-PLAN-IN-FORCE"],
        "",
        (("period", "2027"), ("listed as", "asked")),
        "none",
        "outside the plan's period (2026)",
    )
    assert _body(none) == [
        "   masukan: periode = 2027, dicantumkan karena = diminta",
        "   hasil: tidak ada versi",
        "   catatan: di luar periode SKP (2026)",
    ]


def test_a_schedule_with_a_move_in_indonesian() -> None:
    # A move on 15 May 2026, quarterly: the first assignment is 1 January - 14 May. Q2 (1 April
    # - 30 June, 30 + 31 + 30 = 91 days) is served 1 April - 14 May: 30 + 14 = 44 days.
    first, second = assignment_schedules(2026, "triwulanan", moves=[dt.date(2026, 5, 15)])
    assert _lines(first.explanation) == [
        "1. [SCHEDULE-ASSIGNMENT] Pindah pada hari d mengakhiri penugasan lama pada d - 1 dan"
        " memulai yang baru pada d; setiap penugasan punya SKP sendiri [keputusan pustaka]",
        "   masukan: penugasan = 1 dari 2, tanggal pindah = 2026-05-15",
        "   hasil: 2026-01-01/2026-05-14",
        "   catatan: SKP tersendiri untuk penugasan ini",
        "2. [SCHEDULE-SERVICE] Sebagian tahun: hanya hari masa tugas yang dievaluasi (pegawai"
        " masuk, pindah, berhenti) [keputusan pustaka]",
        "   masukan: tahun = 2026, hari pertama = 2026-01-01, hari terakhir = 2026-05-14",
        "   hasil: 2026-01-01/2026-05-14",
        "   catatan: di luar masa tugas: 2026-Q3, 2026-Q4",
        "3. [SCHEDULE-CADENCE] Evaluasi kinerja periodik per bulan kalender, triwulan atau"
        " semester (pilihan instansi) [keputusan pustaka]",
        "   masukan: tahun = 2026, periode evaluasi = Triwulanan",
        "   hasil: 2026-Q1, 2026-04-01/2026-05-14",
        "   catatan: 2 periode",
        "4. [SCHEDULE-CLIP] Periode yang dijalani sebagian dipotong menjadi hari masa tugasnya"
        " [keputusan pustaka]",
        "   masukan: periode = 2026-Q2, masa tugas = 2026-01-01/2026-05-14",
        "   hasil: 2026-04-01/2026-05-14 (44 dari 91 hari)",
        "   catatan: pindah pada 2026-05-15 (hari terakhir di sini 2026-05-14)",
    ]
    # The second: 15 May - 31 December; Q2 served 15 May - 30 June: 17 + 30 = 47 days.
    assert _lines(second.explanation)[-3:] == [
        "   masukan: periode = 2026-Q2, masa tugas = 2026-05-15/2026-12-31",
        "   hasil: 2026-05-15/2026-06-30 (47 dari 91 hari)",
        "   catatan: pindah pada 2026-05-15",
    ]
    # A joiner on 2 March, by semester: S1 (181 days) served 2 March - 30 June:
    # 30 + 30 + 31 + 30 = 121 days; one period clipped at its start.
    joiner = periodic_schedule(2026, "semesteran", start=dt.date(2026, 3, 2))
    assert _lines(joiner.explanation)[-3:] == [
        "   masukan: periode = 2026-S1, masa tugas = 2026-03-02/2026-12-31",
        "   hasil: 2026-03-02/2026-06-30 (121 dari 181 hari)",
        "   catatan: masa tugas mulai 2026-03-02",
    ]
    one = Step(RULEBOOK["SCHEDULE-CADENCE"], "", (), "2026-S2", "1 period")
    ends = Step(RULEBOOK["SCHEDULE-CLIP"], "", (), "x", "service ends 2026-09-30")
    assert _body(one) == ["   hasil: 2026-S2", "   catatan: 1 periode"]
    assert _body(ends)[-1] == "   catatan: masa tugas berakhir 2026-09-30"


def test_the_cascade_steps_of_the_sample_unit_in_indonesian() -> None:
    tree = cascade.cascade_tree(sample_unit().plans)
    lines = _lines(tree.explanation)
    assert lines[:12] == [
        "1. [PLAN-CASCADE-HEAD] " + _title("PLAN-CASCADE-HEAD") + " [keputusan pustaka]",
        "   masukan: SKP = skp-2025-kabag, NIP = 197805172003122001",
        "   hasil: menjadi awal pohon kinerja",
        "   catatan: SKP pimpinan tidak termasuk SKP unit kerja ini",
        "2. [PLAN-CASCADE-UNLINKED] " + _title("PLAN-CASCADE-UNLINKED") + " [keputusan pustaka]",
        "   masukan: SKP = skp-2025-kasubag-pk, NIP = 198201092006041003, RHK = rhk-1",
        "   hasil: tidak terhubung ke RHK pimpinan",
        "   catatan: tanpa leader_work_result_id: dilaporkan, tidak ditolak (keputusan D22)",
        "3. [PLAN-CASCADE-LINK] " + _title("PLAN-CASCADE-LINK"),
        "   masukan: SKP = skp-2025-kasubag-pk, NIP = 198201092006041003, SKP pimpinan ="
        " skp-2025-kabag",
        "   hasil: 0 tautan, masing-masing ke RHK pada SKP pimpinan",
        "4. [PLAN-CASCADE-UNLINKED] " + _title("PLAN-CASCADE-UNLINKED") + " [keputusan pustaka]",
    ]


def _title(rule: str) -> str:
    return catalogue("id")[f"rule.title.{rule}"].text


def test_the_other_cascade_steps_in_indonesian() -> None:
    who = (("plan", "skp-1"), ("NIP", "199001012019032001"), ("RHK", "1.2"))
    dangling = Step(
        RULEBOOK["PLAN-CASCADE-LINK"],
        "",
        (*who, ("link", "9.9"), ("leader's plan", "skp-0")),
        "dangling",
        "the link names no RHK of the leader's plan",
    )
    text = Step(
        RULEBOOK["PLAN-CASCADE-TEXT"],
        "",
        (*who, ("printed", "Layanan prima"), ("linked", "Layanan publik prima")),
        "the link decides",
        "the printed leader's RHK differs from the linked RHK's text (decision D22)",
    )
    head = Step(
        RULEBOOK["PLAN-CASCADE-HEAD"],
        "",
        who,
        "starts the cascade",
        "a unit head's RHK without a link: from the Perjanjian Kinerja",
    )
    lonely = Step(
        RULEBOOK["PLAN-CASCADE-NOT-INTERVENED"],
        "",
        who,
        "not intervened",
        "none of the unit's plans intervenes it",
    )
    ring = Step(
        RULEBOOK["PLAN-CASCADE-CYCLE"],
        "",
        (*who, ("link", "2")),
        "circular",
        "its links lead back to it: shown apart",
    )
    # Ids stay as written: the RHK 1.2 and the link 9.9 are not numbers (no 1,2, 9,9).
    assert _body(dangling) == [
        "   masukan: SKP = skp-1, NIP = 199001012019032001, RHK = 1.2, tautan = 9.9,"
        " SKP pimpinan = skp-0",
        "   hasil: RHK pimpinan tidak ada di SKP atasan",
        "   catatan: tautan tidak menunjuk RHK mana pun pada SKP pimpinan",
    ]
    assert _body(text)[1:] == [
        "   hasil: tautan yang menentukan",
        "   catatan: RHK pimpinan yang tertulis berbeda dengan teks RHK yang ditautkan"
        " (keputusan D22)",
    ]
    assert (
        "tertulis di SKP = Layanan prima, RHK yang ditautkan = Layanan publik prima"
        in (_body(text)[0])
    )
    assert _body(head)[1:] == [
        "   hasil: menjadi awal pohon kinerja",
        "   catatan: RHK pimpinan unit kerja tanpa tautan: dari Perjanjian Kinerja",
    ]
    assert _body(lonely)[1:] == [
        "   hasil: tidak diintervensi",
        "   catatan: tidak ada SKP di unit kerja ini yang mengintervensinya",
    ]
    assert _body(ring) == [
        "   masukan: SKP = skp-1, NIP = 199001012019032001, RHK = 1.2, tautan = 2",
        "   hasil: keterkaitan melingkar",
        "   catatan: tautannya kembali ke RHK itu sendiri: ditampilkan terpisah",
    ]


# --- (c) no English phrase of the slice is left in the renderings ------------------------------


def _worked_steps() -> list[Step]:
    cycle, _ = OBJECTED.decide_objection("ubah", by=AT, at=LATER, hasil_kerja=A)
    assert cycle.result is not None
    found = list(cycle.result.explanation)
    found += list(cycle_status(ALL, as_of=story.AS_OF).explanation)
    found += list(versions_of(story.R).explanation)
    for one in assignment_schedules(2026, "triwulanan", moves=[dt.date(2026, 5, 15)]):
        found += list(one.explanation)
    found += list(periodic_schedule(2026, "semesteran", start=dt.date(2026, 3, 2)).explanation)
    found += list(cascade.cascade_tree(sample_unit().plans).explanation)
    return found


def _english_left(step: Step) -> list[str]:
    """The pieces (or "; "-parts) of ``step`` shown in Indonesian that still hold an English
    phrase of the slice's modules whose Indonesian differs: a fixed phrase as the whole piece
    or part, or every literal bit of a template (``waiting `` and `` day(s): `` of a revision's
    first part)."""
    english, indonesian = catalogue("en"), catalogue("id")
    exposed: dict[str, str] = {}
    for module in MODULES:
        exposed.update(module.STEP_PHRASES)
    ours = [
        english[m]
        for m in exposed
        if m.startswith(f"step.{step.rule}.") and english[m].text != indonesian[m].text
    ]
    fixed = {message.text for message in ours if not message.names}
    bits = [
        [piece.strip() for piece, _ in message.pieces if piece.strip()]
        for message in ours
        if message.names
    ]
    shown = step_in(step, "id")
    pieces = [p for pair in shown.inputs for p in pair] + [shown.output, shown.note]
    parts = {part for piece in pieces for part in (piece, *piece.split("; "))}
    return sorted(
        {part for part in parts if part in fixed}
        | {part for part in parts for literal in bits if all(bit in part for bit in literal)}
    )


def test_no_english_phrase_of_the_slice_is_left_in_the_worked_examples() -> None:
    seen = set()
    for step in _worked_steps():
        if step.rule in SLICE:
            seen.add(str(step.rule))
            assert not _english_left(step), (step, _english_left(step))
    assert seen >= {
        "PP30-59-DECISION",
        "6/2022-MATRIX",
        "LIFECYCLE-STATUS-PLAN",
        "LIFECYCLE-STATUS-REVISION",
        "LIFECYCLE-STATUS-EVALUATION",
        "LIFECYCLE-STATUS-OBJECTION",
        "LIFECYCLE-PLAN-IN-FORCE",
        "SCHEDULE-ASSIGNMENT",
        "SCHEDULE-SERVICE",
        "SCHEDULE-CADENCE",
        "SCHEDULE-CLIP",
        "PLAN-CASCADE-HEAD",
        "PLAN-CASCADE-LINK",
        "PLAN-CASCADE-UNLINKED",
    }


def test_rendering_in_indonesian_changes_no_step_data_and_english_reads_no_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    worked = _worked_steps()
    before = [step.to_dict() for step in worked]
    english = Explanation(worked).render()
    Explanation(worked).render("id")
    assert [step.to_dict() for step in worked] == before

    def refuse(lang: str) -> Any:
        raise AssertionError(f"catalogue {lang} read")

    monkeypatch.setattr(i18n, "catalogue", refuse)
    assert Explanation(worked).render() == english
    assert all(step_in(step, "en") is step for step in worked)
    assert _words.change_in("RHK rhk-1 added", "en") == "RHK rhk-1 added"
