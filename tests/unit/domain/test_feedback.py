"""Tests for :mod:`asn_performance.domain.feedback` and the anonymity of peer input in appraisals.

The continuous-feedback log (*umpan balik berkelanjutan*, PermenPANRB 6/2022 Pasal 5 stage 2):
the employee reports progress and uploads evidence, the pejabat penilai kinerja answers.
:func:`~asn_performance.appraise` cites the entries dated inside the appraisal period in a
``6/2022-FEEDBACK`` step.

Anonymity (library guard ``G-ANONYMITY``): peers and subordinates are anonymous roles; with
fewer than 3 responses in a dimension their input is withheld, and what an appraisal keeps of
them carries no NIP and is dated on the period's first day.

The unit (invented; NIPs laid out ``YYYYMMDD YYYYMM G NNN`` as Perka BKN 22/2007)::

    atasan          19681225 199302 1 001
    pejabat penilai 19750314 200003 1 002
    employee        19860926 201505 1 001
    peer 1..4       19900101 201903 2 001, 19880717 201412 2 002,
                    19920430 202001 1 003, 19851111 201010 1 004
    outsider        19800808 200507 1 009
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import attrs
import pytest

from asn_performance import (
    Appraisal,
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
    Predikat,
    Rating,
    Realisation,
    Step,
    Target,
    WorkResult,
    appraise,
)
from asn_performance.boundary.appraisal_document import (
    dump_appraisal,
    dump_result,
    load_appraisal,
    to_json,
)
from asn_performance.domain.feedback import FeedbackEntry, FeedbackKind, check_log
from asn_performance.exceptions import (
    AssessmentError,
    AuthorityError,
    DuplicateError,
    InputError,
)

_E = TypeVar("_E", bound=BaseException)
A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
REPORT, RESPONSE, EVIDENCE = FeedbackKind.REPORT, FeedbackKind.RESPONSE, FeedbackKind.EVIDENCE

UNIT_NAME = "Subbagian Perencanaan, Biro Perencanaan (contoh)"
ANALYST = Position(PositionKind.FUNGSIONAL, "Analis Kebijakan", Jenjang.AHLI_MUDA)
ATASAN = Employee(
    Nip("196812251993021001"),
    "Ahmad Hidayat",
    Position(PositionKind.ADMINISTRATOR, "Kepala Biro Perencanaan"),
    UNIT_NAME,
)
PENILAI = Employee(
    Nip("197503142000031002"),
    "Siti Rahayu",
    Position(PositionKind.PENGAWAS, "Kepala Subbagian Perencanaan"),
    UNIT_NAME,
    ATASAN.nip,
)
EMPLOYEE = Employee(Nip("198609262015051001"), "Budi Santoso", ANALYST, UNIT_NAME, PENILAI.nip)
PEERS = tuple(
    Employee(Nip(nip), f"Rekan {i}", ANALYST, UNIT_NAME, PENILAI.nip)
    for i, nip in enumerate(
        ("199001012019032001", "198807172014122002", "199204302020011003", "198511112010101004"),
        start=1,
    )
)
OUTSIDER = Employee(
    Nip("198008082005071009"), "Dewi Lestari", Position(PositionKind.PELAKSANA, "Arsiparis"), "X"
)
E, P, AT = EMPLOYEE.nip, PENILAI.nip, ATASAN.nip

YEAR = Period.annual(2025)
Q1 = Period.quarter(2025, 1)  # 1 January - 31 March 2025
Q2 = Period.quarter(2025, 2)  # 1 April - 30 June 2025
PLAN = PerformancePlan(
    id="skp-2025-budi",
    employee=EMPLOYEE,
    pejabat_penilai=PENILAI,
    period=YEAR,
    work_results=(
        WorkResult(
            "rhk-1",
            "Tersusunnya rekomendasi kebijakan perencanaan daerah",
            (
                Indicator("iki-1", "Jumlah rekomendasi", Target.value(4, "dokumen")),
                Indicator("iki-2", "Rekomendasi diterima", Target.range(80, 90, "%")),
            ),
        ),
    ),
    atasan_pejabat_penilai=ATASAN,
)


def _raises(kind: type[_E], call: Callable[[], object]) -> _E:
    with pytest.raises(kind) as caught:
        call()
    return caught.value


def entry(
    ident: str = "fb-1",
    author: Nip = E,
    on: dt.date = dt.date(2025, 2, 10),
    kind: FeedbackKind = REPORT,
    text: str = "Laporan kemajuan",
    **extra: object,
) -> FeedbackEntry:
    return FeedbackEntry(ident, PLAN.id, author, on, kind, text, **extra)  # type: ignore[arg-type]


def assess(
    role: AssessorRole,
    by: Nip | None,
    hasil: Rating | None = S,
    perilaku: Rating | None = S,
    *,
    period: Period = YEAR,
    **extra: object,
) -> Assessment:
    return Assessment(
        plan_id=PLAN.id,
        role=role,
        assessor=by,
        given_on=period.end,
        period=period,
        hasil_kerja=hasil,
        perilaku_kerja=perilaku,
        **extra,  # type: ignore[arg-type]
    )


def pejabat(hasil: Rating = S, perilaku: Rating = S, period: Period = YEAR) -> Assessment:
    return assess(AssessorRole.PEJABAT_PENILAI, P, hasil, perilaku, period=period)


def peer(i: int, hasil: Rating | None, perilaku: Rating | None, **extra: object) -> Assessment:
    return assess(AssessorRole.PEER, PEERS[i].nip, hasil, perilaku, **extra)


# --- FeedbackEntry -------------------------------------------------------------------------------


def test_an_entry_holds_what_it_was_given() -> None:
    made = entry(
        "fb-2",
        P,
        dt.date(2025, 2, 12),
        RESPONSE,
        "Lanjutkan",
        indicator_id="iki-1",
        replies_to="fb-1",
        link="https://e-kinerja.example/fb-2",
    )
    assert (made.id, made.plan_id, made.author, made.on) == (
        "fb-2",
        "skp-2025-budi",
        P,
        dt.date(2025, 2, 12),
    )
    assert (made.kind, made.text, made.indicator_id, made.replies_to, made.link) == (
        RESPONSE,
        "Lanjutkan",
        "iki-1",
        "fb-1",
        "https://e-kinerja.example/fb-2",
    )
    assert made == entry(
        "fb-2",
        P,
        dt.date(2025, 2, 12),
        RESPONSE,
        "Lanjutkan",
        indicator_id="iki-1",
        replies_to="fb-1",
        link="https://e-kinerja.example/fb-2",
    )
    assert hash(made) == hash(attrs.evolve(made))


def test_an_entry_cannot_reply_to_itself() -> None:
    error = _raises(InputError, lambda: entry("fb-1", P, kind=RESPONSE, replies_to="fb-1"))
    assert error.rule == "FEEDBACK-REPLY"
    assert error.path == "replies_to"
    assert error.value == "fb-1"


@pytest.mark.parametrize(
    ("field", "value", "rule"),
    [
        ("id", "", "ID"),
        ("id", " fb-1", "ID"),
        ("id", 7, "ID"),
        ("plan_id", "", "ID"),
        ("author", "198609262015051001", "TYPE"),
        ("on", dt.datetime(2025, 2, 10, 9, tzinfo=dt.UTC), "TYPE"),
        ("on", "2025-02-10", "TYPE"),
        ("kind", "report", "TYPE"),
        ("text", "", "TEXT"),
        ("text", "   ", "TEXT"),
        ("text", "x" * 4001, "TEXT"),
        ("text", None, "TEXT"),
        ("indicator_id", "", "ID"),
        ("replies_to", "", "ID"),
        ("link", "", "TEXT"),
        ("link", "x" * 1001, "TEXT"),
    ],
    ids=lambda v: str(v)[:20],
)
def test_a_malformed_entry_is_refused_naming_the_field(
    field: str, value: object, rule: str
) -> None:
    fields: dict[str, object] = {
        "id": "fb-1",
        "plan_id": PLAN.id,
        "author": E,
        "on": dt.date(2025, 2, 10),
        "kind": REPORT,
        "text": "Laporan",
        field: value,
    }
    error = _raises(InputError, lambda: FeedbackEntry(**fields))  # type: ignore[arg-type]
    assert error.rule == rule
    assert error.path == field


def test_text_of_4000_characters_is_accepted() -> None:
    assert len(entry(text="x" * 4000).text) == 4000


@pytest.mark.parametrize(
    ("text", "kind"),
    [("laporan", REPORT), ("Tanggapan", RESPONSE), ("umpan balik", RESPONSE), ("bukti", EVIDENCE)],
)
def test_feedback_kinds_are_read_from_their_indonesian_words(text: str, kind: FeedbackKind) -> None:
    assert FeedbackKind.parse(text) is kind


def test_feedback_kinds_have_indonesian_labels() -> None:
    assert [k.label_id for k in FeedbackKind] == [
        "Laporan kinerja pegawai",
        "Umpan balik pejabat penilai",
        "Bukti dukung",
    ]


# --- check_against -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("author", "kind"),
    [(E, REPORT), (E, EVIDENCE), (P, RESPONSE)],
    ids=["employee-report", "employee-evidence", "penilai-response"],
)
def test_each_kind_is_accepted_from_its_author(author: Nip, kind: FeedbackKind) -> None:
    entry(author=author, kind=kind).check_against(PLAN)  # no error


@pytest.mark.parametrize(
    ("author", "kind", "named"),
    [
        (E, RESPONSE, P),
        (AT, RESPONSE, P),
        (OUTSIDER.nip, RESPONSE, P),
        (P, REPORT, E),
        (P, EVIDENCE, E),
        (PEERS[0].nip, REPORT, E),
        (AT, EVIDENCE, E),
    ],
    ids=[
        "employee-response",
        "atasan-response",
        "outsider-response",
        "penilai-report",
        "penilai-evidence",
        "peer-report",
        "atasan-evidence",
    ],
)
def test_an_entry_by_someone_who_may_not_write_it_is_refused(
    author: Nip, kind: FeedbackKind, named: Nip
) -> None:
    error = _raises(AuthorityError, lambda: entry(author=author, kind=kind).check_against(PLAN))
    assert error.rule == "AUTH-FEEDBACK"
    assert error.path == "author"
    assert error.value == author.digits
    assert named.digits in (error.fix or "")


def test_an_entry_of_another_plan_is_refused() -> None:
    other = FeedbackEntry("fb-1", "skp-lain", E, dt.date(2025, 2, 10), REPORT, "Laporan")
    error = _raises(InputError, lambda: other.check_against(PLAN))
    assert (error.rule, error.path, error.value) == ("FEEDBACK-PLAN", "plan_id", "skp-lain")
    assert "'skp-2025-budi'" in error.message


@pytest.mark.parametrize("on", [dt.date(2024, 12, 31), dt.date(2026, 1, 1)])
def test_an_entry_dated_outside_the_plans_year_is_refused(on: dt.date) -> None:
    error = _raises(InputError, lambda: entry(on=on).check_against(PLAN))
    assert (error.rule, error.path, error.value) == ("FEEDBACK-DATE", "on", on.isoformat())
    assert "2025" in error.message


@pytest.mark.parametrize("on", [dt.date(2025, 1, 1), dt.date(2025, 12, 31)])
def test_an_entry_on_the_first_or_last_day_of_the_year_is_accepted(on: dt.date) -> None:
    entry(on=on).check_against(PLAN)


def test_an_entry_about_an_indicator_not_in_the_plan_is_refused() -> None:
    error = _raises(InputError, lambda: entry(indicator_id="iki-9").check_against(PLAN))
    assert (error.rule, error.path, error.value) == ("FEEDBACK-PLAN", "indicator_id", "iki-9")
    assert "iki-1, iki-2" in (error.fix or "")


# --- check_log -----------------------------------------------------------------------------------


def test_a_good_log_is_returned_as_a_tuple_in_its_order() -> None:
    log = [
        entry("fb-1"),
        entry("fb-2", P, dt.date(2025, 2, 10), RESPONSE, replies_to="fb-1"),  # same day
        entry("fb-3", E, dt.date(2025, 3, 1), EVIDENCE, replies_to="fb-2"),
    ]
    assert check_log(PLAN, log) == tuple(log)
    assert check_log(PLAN, iter(log)) == tuple(log)
    assert check_log(PLAN, []) == ()


def test_a_log_with_a_repeated_id_is_refused() -> None:
    log = [entry("fb-1"), entry("fb-2"), entry("fb-1", on=dt.date(2025, 3, 1))]
    error = _raises(DuplicateError, lambda: check_log(PLAN, log))
    assert (error.rule, error.path, error.value) == ("FEEDBACK-UNIQUE", "feedback[2].id", "fb-1")


def test_a_reply_to_an_entry_later_in_the_log_is_refused() -> None:
    log = [entry("fb-2", P, kind=RESPONSE, replies_to="fb-1"), entry("fb-1")]
    error = _raises(InputError, lambda: check_log(PLAN, log))
    assert error.rule == "FEEDBACK-REPLY"
    assert error.path == "feedback[0].replies_to"
    assert error.value == "fb-1"


def test_a_reply_dated_before_the_entry_it_answers_is_refused() -> None:
    log = [
        entry("fb-1", on=dt.date(2025, 2, 10)),
        entry("fb-2", P, dt.date(2025, 2, 9), RESPONSE, replies_to="fb-1"),
    ]
    error = _raises(InputError, lambda: check_log(PLAN, log))
    assert (error.rule, error.path) == ("FEEDBACK-REPLY", "feedback[1].replies_to")


def test_a_reply_to_an_unknown_entry_is_refused() -> None:
    log = [entry("fb-2", P, kind=RESPONSE, replies_to="fb-404")]
    error = _raises(InputError, lambda: check_log(PLAN, log))
    assert (error.rule, error.path, error.value) == (
        "FEEDBACK-REPLY",
        "feedback[0].replies_to",
        "fb-404",
    )


def test_each_entry_is_checked_against_the_plan_with_its_index() -> None:
    error = _raises(AuthorityError, lambda: check_log(PLAN, [entry(), entry("fb-2", P)]))
    assert (error.rule, error.path) == ("AUTH-FEEDBACK", "feedback[1].author")
    error = _raises(InputError, lambda: check_log(PLAN, [entry(on=dt.date(2026, 1, 2))]))
    assert (error.rule, error.path) == ("FEEDBACK-DATE", "feedback[0].on")


@pytest.mark.parametrize(
    ("log", "path"),
    [("laporan", "feedback"), (None, "feedback"), ([entry(), "laporan"], "feedback[1]")],
    ids=["text", "none", "text-item"],
)
def test_a_log_that_is_not_a_collection_of_entries_is_refused(log: object, path: str) -> None:
    error = _raises(InputError, lambda: check_log(PLAN, log))  # type: ignore[arg-type]
    assert (error.rule, error.path) == ("TYPE", path)


# --- the 6/2022-FEEDBACK step --------------------------------------------------------------------

#: A year's log: two entries in Q1, one in Q2, one in Q4, in the order they were written.
LOG = (
    entry("fb-1", E, dt.date(2025, 2, 10), REPORT, indicator_id="iki-1"),
    entry("fb-2", P, dt.date(2025, 2, 12), RESPONSE, "Lengkapi bukti", replies_to="fb-1"),
    entry("fb-3", E, dt.date(2025, 5, 2), EVIDENCE, "Notulen", link="https://x.example/3"),
    entry("fb-4", E, dt.date(2025, 11, 20), REPORT, "Laporan triwulan IV"),
)


def _feedback_step(appraisal: Appraisal) -> Step:
    steps = [s for s in appraisal.explanation if s.rule == "6/2022-FEEDBACK"]
    assert len(steps) == 1
    return steps[0]


def test_the_annual_appraisal_cites_every_entry_grouped_by_kind() -> None:
    appraisal = appraise(PLAN, [pejabat()], feedback=LOG)
    step = _feedback_step(appraisal)
    assert step.dimension == ""
    assert step.inputs == (
        ("Laporan kinerja pegawai", "2: fb-1, fb-4"),
        ("Umpan balik pejabat penilai", "1: fb-2"),
        ("Bukti dukung", "1: fb-3"),
    )
    assert step.output == "4 entries cited"
    assert step.note == ""
    assert [s.rule for s in appraisal.explanation] == [
        "D2-SUPERVISOR-DECIDES",
        "D2-SUPERVISOR-DECIDES",
        "6/2022-FEEDBACK",
        "6/2022-MATRIX",
    ]


def test_a_quarter_cites_its_entries_and_counts_the_rest_as_outside() -> None:
    appraisal = appraise(PLAN, [pejabat(period=Q1)], period=Q1, feedback=LOG)
    step = _feedback_step(appraisal)
    assert step.inputs == (
        ("Laporan kinerja pegawai", "1: fb-1"),
        ("Umpan balik pejabat penilai", "1: fb-2"),
    )
    assert step.output == "2 entries cited"
    assert step.note == "2 outside the period"


def test_one_entry_is_cited_in_the_singular() -> None:
    appraisal = appraise(PLAN, [pejabat(period=Q2)], period=Q2, feedback=LOG)
    step = _feedback_step(appraisal)
    assert step.inputs == (("Bukti dukung", "1: fb-3"),)
    assert step.output == "1 entry cited"
    assert step.note == "3 outside the period"


def test_a_quarter_without_entries_cites_none() -> None:
    q3 = Period.quarter(2025, 3)
    appraisal = appraise(PLAN, [pejabat(period=q3)], period=q3, feedback=LOG)
    step = _feedback_step(appraisal)
    assert step.inputs == ()
    assert step.output == "0 entries cited"
    assert step.note == "4 outside the period"


def test_the_feedback_does_not_change_the_ratings() -> None:
    with_log = appraise(PLAN, [pejabat(A, S)], feedback=LOG)
    without = appraise(PLAN, [pejabat(A, S)])
    # (Di Atas, Sesuai) -> Baik either way
    assert with_log.predikat is without.predikat is Predikat.BAIK
    assert "6/2022-FEEDBACK" not in [s.rule for s in without.explanation]


def test_a_bad_log_refuses_the_appraisal_with_the_entrys_path() -> None:
    log = [*LOG, entry("fb-5", P, dt.date(2025, 12, 1), REPORT)]
    error = _raises(AuthorityError, lambda: appraise(PLAN, [pejabat()], feedback=log))
    assert (error.rule, error.path) == ("AUTH-FEEDBACK", "feedback[4].author")


def test_an_empty_log_explains_the_same_whatever_its_container() -> None:
    as_list = appraise(PLAN, [pejabat()], feedback=[])
    as_tuple = appraise(PLAN, [pejabat()], feedback=())
    assert as_list.explanation == as_tuple.explanation


# --- anonymity -----------------------------------------------------------------------------------

PEER_WORDS = (
    "Rekan satu: sering membantu menyusun telaahan",
    "Rekan dua: kadang terlambat rapat",
    "Rekan tiga: komunikatif",
)


def _three_peers(period: Period = YEAR) -> list[Assessment]:
    ratings = [(A, A), (S, B), (B, S)]
    return [
        assess(AssessorRole.PEER, PEERS[i].nip, h, b, period=period, feedback=PEER_WORDS[i])
        for i, (h, b) in enumerate(ratings)
    ]


def test_three_peers_are_kept_without_their_nips_dated_on_the_first_day() -> None:
    appraisal = appraise(PLAN, [pejabat(), *_three_peers()])
    kept = [a for a in appraisal.assessments if a.role is AssessorRole.PEER]
    assert len(kept) == 3
    for assessment in kept:
        assert assessment.assessor is None
        assert assessment.anonymised is True
        assert assessment.given_on == dt.date(2025, 1, 1)
    said = {(a.hasil_kerja, a.perilaku_kerja, a.feedback) for a in kept}
    assert said == {(A, A, PEER_WORDS[0]), (S, B, PEER_WORDS[1]), (B, S, PEER_WORDS[2])}
    # the pejabat penilai's assessment is kept as given
    (lead,) = [a for a in appraisal.assessments if a.role is AssessorRole.PEJABAT_PENILAI]
    assert lead == pejabat()


def test_a_quarters_peers_are_dated_on_the_quarters_first_day() -> None:
    appraisal = appraise(PLAN, [pejabat(period=Q2), *_three_peers(Q2)], period=Q2)
    dates = {a.given_on for a in appraisal.assessments if a.role is AssessorRole.PEER}
    assert dates == {dt.date(2025, 4, 1)}


def test_no_peer_nip_appears_anywhere_in_the_appraisal() -> None:
    appraisal = appraise(PLAN, [pejabat(), *_three_peers()])
    texts = [
        to_json(dump_appraisal(appraisal)),
        to_json(dump_result(appraisal)),
        appraisal.explain(),
        appraisal.reason(),
        repr(appraisal),
    ]
    for text in texts:
        for someone in PEERS:
            assert someone.nip.digits not in text
    assert PEER_WORDS[1] in texts[0]  # with 3 responses, what they said is kept


def test_what_is_kept_does_not_depend_on_which_peer_said_it() -> None:
    given = _three_peers()
    swapped = [
        attrs.evolve(given[0], assessor=PEERS[2].nip),
        attrs.evolve(given[1], assessor=PEERS[0].nip),
        attrs.evolve(given[2], assessor=PEERS[3].nip),
    ]
    first = appraise(PLAN, [pejabat(), *given])
    second = appraise(PLAN, [pejabat(), *reversed(swapped)])
    assert first.assessments == second.assessments
    assert first.explanation == second.explanation
    assert to_json(dump_appraisal(first)) == to_json(dump_appraisal(second))


def test_two_peers_are_withheld_and_absent_from_the_json() -> None:
    two = _three_peers()[:2]
    appraisal = appraise(PLAN, [pejabat(), *two])
    assert [a.role for a in appraisal.assessments] == [AssessorRole.PEJABAT_PENILAI]
    guards = [s for s in appraisal.explanation if s.rule == "G-ANONYMITY"]
    assert [(s.dimension, s.inputs, s.output, s.note) for s in guards] == [
        (
            "hasil_kerja",
            (("Rekan kerja setingkat", "2 response(s)"),),
            "withheld",
            "fewer than 3 responses",
        ),
        (
            "perilaku_kerja",
            (("Rekan kerja setingkat", "2 response(s)"),),
            "withheld",
            "fewer than 3 responses",
        ),
    ]
    assert appraisal.reason().endswith(
        "; rekan kerja setingkat input withheld (2 response(s), fewer than 3 responses)"
    )
    for text in (to_json(dump_appraisal(appraisal)), to_json(dump_result(appraisal))):
        for someone in PEERS:
            assert someone.nip.digits not in text
        for words in PEER_WORDS:
            assert words not in text
        assert "Di Atas Ekspektasi" not in text  # peer 1's (Di Atas, Di Atas) is gone too


def test_a_dimension_with_two_responses_is_withheld_and_the_other_kept() -> None:
    # three peers rate hasil kerja; only two rate perilaku kerja
    given = [
        peer(0, A, A, feedback=PEER_WORDS[0]),
        peer(1, S, None, feedback=PEER_WORDS[1]),
        peer(2, B, S, feedback=PEER_WORDS[2]),
    ]
    appraisal = appraise(PLAN, [pejabat(), *given])
    kept = [a for a in appraisal.assessments if a.role is AssessorRole.PEER]
    assert sorted(a.hasil_kerja.rank for a in kept if a.hasil_kerja) == [0, 1, 2]
    assert all(a.perilaku_kerja is None for a in kept)
    assert all(a.feedback is None for a in kept)  # words may speak of the withheld part
    text = to_json(dump_appraisal(appraisal))
    for words in PEER_WORDS:
        assert words not in text
    guards = [(s.dimension, s.inputs) for s in appraisal.explanation if s.rule == "G-ANONYMITY"]
    assert guards == [("perilaku_kerja", (("Rekan kerja setingkat", "2 response(s)"),))]


def test_the_anonymised_appraisal_survives_its_sealed_json() -> None:
    appraisal = appraise(PLAN, [pejabat(), *_three_peers()])
    assert load_appraisal(to_json(dump_appraisal(appraisal))) == appraisal


def test_an_anonymised_assessment_given_again_is_refused() -> None:
    appraisal = appraise(PLAN, [pejabat(), *_three_peers()])
    # kept in order: the pejabat penilai's first, then the three anonymised peers
    error = _raises(AuthorityError, lambda: appraise(PLAN, appraisal.assessments))
    assert error.rule == "AUTH-ANONYMISED"
    assert error.path == "assessments[1].anonymised"
    assert error.value is True


def test_an_assessment_marked_anonymised_by_hand_is_refused() -> None:
    made = assess(AssessorRole.SUBORDINATE, None, S, S, anonymised=True)
    error = _raises(AuthorityError, lambda: appraise(PLAN, [pejabat(), made]))
    assert (error.rule, error.path) == ("AUTH-ANONYMISED", "assessments[1].anonymised")


def test_an_anonymised_assessment_names_nobody_and_is_never_the_self_or_pejabat() -> None:
    error = _raises(
        AssessmentError,
        lambda: assess(AssessorRole.PEER, PEERS[0].nip, anonymised=True),
    )
    assert (error.rule, error.path) == ("ASSESSMENT-ANONYMISED", "assessor")
    for role in (AssessorRole.SELF, AssessorRole.PEJABAT_PENILAI):
        error = _raises(AssessmentError, lambda r=role: assess(r, None, anonymised=True))
        assert (error.rule, error.path) == ("ASSESSMENT-ANONYMISED", "anonymised")


def test_the_pejabat_penilai_assessing_as_a_peer_is_refused() -> None:
    as_peer = assess(AssessorRole.PEER, P, A, A)
    error = _raises(AuthorityError, lambda: appraise(PLAN, [pejabat(), as_peer, *_three_peers()]))
    assert error.rule == "AUTH-PEER"
    assert error.path == "assessments[1].role"
    assert error.value == "peer"
    assert "pejabat penilai assessment" in (error.fix or "")


def test_the_pejabat_penilai_assessing_as_a_subordinate_is_refused() -> None:
    as_subordinate = assess(AssessorRole.SUBORDINATE, P, A, A)
    error = _raises(AuthorityError, lambda: appraise(PLAN, [as_subordinate, pejabat()]))
    assert (error.rule, error.path) == ("AUTH-PEER", "assessments[0].role")


def test_realisations_of_kept_peers_stay_with_their_hasil_kerja() -> None:
    given = [
        peer(i, h, h, realisations=[Realisation("iki-1", n)])
        for i, (h, n) in enumerate([(A, 5), (S, 4), (B, 2)])
    ]
    appraisal = appraise(PLAN, [pejabat(), *given])
    kept = {
        (a.hasil_kerja, a.realisations[0].value)
        for a in appraisal.assessments
        if a.role is AssessorRole.PEER
    }
    assert kept == {(A, 5), (S, 4), (B, 2)}
