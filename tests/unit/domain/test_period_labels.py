"""Semesters, and :meth:`Period.parse` reading every label the library prints (issue 13 item 5).

The semester is an agency practice, not a period PermenPANRB 6/2022 names (the regulation leaves
the frequency of the periodic evaluation to the instansi; digest §1.2): supporting it is a
library decision (docs/how-to/periodic-appraisal.md, "Semesters").

Bounds worked out from the calendar by hand:

* Semester I 2025 is 1 January to 30 June: 31 + 28 + 31 + 30 + 31 + 30 = 181 days;
* Semester II 2025 is 1 July to 31 December: 31 + 31 + 30 + 31 + 30 + 31 = 184 days;
  181 + 184 = 365, the year;
* Semester I 2024 (a leap year): 31 + 29 + 31 + 30 + 31 + 30 = 182 days.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator

from asn_performance import (
    Assessment,
    AssessorRole,
    PerformancePlan,
    Period,
    Predikat,
    Rating,
    appraise,
)
from asn_performance.boundary.appraisal_document import (
    dump_document,
    load_document,
    sample_document,
)
from asn_performance.boundary.schemas import json_schema
from asn_performance.consequences import Attendance, RewardInputs
from asn_performance.consequences.angka_kredit import angka_kredit, months_of
from asn_performance.domain.period import PeriodKind
from asn_performance.exceptions import InputError, PeriodError
from asn_performance.process.schedule import Cadence, assignment_schedules, periodic_schedule
from asn_performance.regimes.permenpanrb_6_2022.matrix import summarise_periodic
from asn_performance.tables.ekinerja import ekinerja_period

D = dt.date


def _refused(text: object, *, rule: str, path: str = "period") -> PeriodError:
    with pytest.raises(PeriodError) as info:
        Period.parse(text)
    error = info.value
    assert (error.rule, error.path) == (rule, path)
    assert error.fix
    return error


# --- the semester ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("semester", "start", "end", "days"),
    [
        (1, D(2025, 1, 1), D(2025, 6, 30), 181),  # 31 + 28 + 31 + 30 + 31 + 30
        (2, D(2025, 7, 1), D(2025, 12, 31), 184),  # 31 + 31 + 30 + 31 + 30 + 31
    ],
)
def test_a_semester_is_a_calendar_half_year(
    semester: int, start: dt.date, end: dt.date, days: int
) -> None:
    period = Period.semester(2025, semester)
    assert (period.kind, period.start, period.end, period.days) == (
        PeriodKind.SEMIANNUAL,
        start,
        end,
        days,
    )
    assert period.within(Period.annual(2025))


def test_the_two_semesters_of_a_year_cover_it_and_a_leap_year_s_first_has_182_days() -> None:
    first, second = Period.semester(2025, 1), Period.semester(2025, 2)
    assert first.days + second.days == Period.annual(2025).days == 365  # 181 + 184
    assert second.start == first.end + dt.timedelta(days=1)
    assert Period.semester(2024, 1).days == 182  # 31 + 29 + 31 + 30 + 31 + 30


def test_a_semester_holds_two_quarters() -> None:
    assert Period.quarter(2025, 2).within(Period.semester(2025, 1))
    assert Period.quarter(2025, 3).within(Period.semester(2025, 2))
    assert not Period.quarter(2025, 3).within(Period.semester(2025, 1))


@pytest.mark.parametrize(
    ("period", "code", "label_id", "label_en"),
    [
        (Period.annual(2025), "2025", "Tahunan 2025", "Annual 2025"),
        (Period.semester(2025, 1), "2025-S1", "Semester I 2025", "H1 2025"),
        (Period.semester(2025, 2), "2025-S2", "Semester II 2025", "H2 2025"),
        (Period.quarter(2025, 1), "2025-Q1", "Triwulan I 2025", "Q1 2025"),
        (Period.quarter(2025, 4), "2025-Q4", "Triwulan IV 2025", "Q4 2025"),
        (Period.month(2025, 3), "2025-03", "Periode Bulanan 3 Tahun 2025", "March 2025"),
        (
            Period.span(D(2025, 1, 15), D(2025, 6, 30)),
            "2025-01-15/2025-06-30",
            "2025-01-15 s.d. 2025-06-30",
            "2025-01-15 to 2025-06-30",
        ),
    ],
)
def test_each_period_has_a_code_an_indonesian_and_an_english_label(
    period: Period, code: str, label_id: str, label_en: str
) -> None:
    assert (period.code, period.label_id, period.label_en) == (code, label_id, label_en)
    assert Period.parse(code) == Period.parse(label_id) == Period.parse(label_en) == period


@pytest.mark.parametrize("semester", [0, 3, -1, True, "1", 1.0])
def test_a_semester_other_than_1_or_2_is_refused(semester: object) -> None:
    with pytest.raises(PeriodError) as info:
        Period.semester(2025, semester)  # type: ignore[arg-type]
    assert (info.value.rule, info.value.path) == ("PERIOD-KIND", "semester")


def test_a_half_year_period_must_start_on_1_january_or_1_july_and_end_six_months_later() -> None:
    with pytest.raises(PeriodError) as info:
        Period(PeriodKind.SEMIANNUAL, D(2025, 4, 1), D(2025, 9, 30))
    assert (info.value.rule, info.value.path) == ("PERIOD-KIND", "start")
    with pytest.raises(PeriodError) as info:
        Period(PeriodKind.SEMIANNUAL, D(2025, 7, 1), D(2025, 9, 30))
    assert (info.value.rule, info.value.path) == ("PERIOD-KIND", "end")


def test_the_semester_kind_has_its_labels() -> None:
    kind = PeriodKind.SEMIANNUAL
    assert (kind.code, kind.label_id, kind.label_en) == ("semiannual", "Semesteran", "Half-yearly")
    assert PeriodKind.parse("semesteran") is kind


# --- parse reads every label the library prints --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the Indonesian labels, in any case and spacing
        ("Tahunan 2025", "2025"),
        ("TAHUNAN   2025", "2025"),
        ("Semester I 2025", "2025-S1"),
        ("semester ii 2025", "2025-S2"),
        ("Semester 2 Tahun 2025", "2025-S2"),
        ("Periode Semester I Tahun 2026", "2026-S1"),
        ("Triwulan I 2025", "2025-Q1"),
        ("  triwulan\tIII  2025 ", "2025-Q3"),
        ("Triwulanan 4 2025", "2025-Q4"),
        ("Periode Bulanan 3 Tahun 2025", "2025-03"),
        ("Bulanan Maret 2025", "2025-03"),
        ("Bulanan 12 2025", "2025-12"),
        ("Periode Bulanan Nopember Tahun 2025", "2025-11"),
        ("2025-01-15 s.d. 2025-06-30", "2025-01-15/2025-06-30"),
        ("2025-01-15 S/D 2025-06-30", "2025-01-15/2025-06-30"),
        # the English labels
        ("Annual 2025", "2025"),
        ("H1 2025", "2025-S1"),
        ("h2 2025", "2025-S2"),
        ("Q1 2025", "2025-Q1"),
        ("Quarter 2 2025", "2025-Q2"),
        ("March 2025", "2025-03"),
        ("SEPTEMBER 2025", "2025-09"),
        ("2025-01-15 to 2025-06-30", "2025-01-15/2025-06-30"),
        # the e-Kinerja portal's headers (row 3 of a Rekap Penilaian sheet)
        ("Periode Bulanan 6 Tahun 2026", "2026-06"),
        ("Periode Bulanan V Tahun 2026", "2026-05"),
        ("Periode Bulanan Juni Tahun 2026", "2026-06"),
        ("Periode Triwulan II Tahun 2026", "2026-Q2"),
        ("Periode Tahunan Tahun 2025", "2025"),
        ("Periode Tahunan 2025", "2025"),
        ("Periode Tahunan 01/01/2025 - 31/12/2025", "2025"),
        # the codes, lower case too
        ("2025-s1", "2025-S1"),
        (" 2025-S2 ", "2025-S2"),
    ],
)
def test_parse_reads_the_labels_the_library_prints_and_the_portal_headers(
    text: str, code: str
) -> None:
    assert Period.parse(text).code == code


def test_the_e_kinerja_reader_and_parse_share_one_set_of_rules() -> None:
    for text in (
        "Periode Bulanan 6 Tahun 2026",
        "Periode Bulanan V Tahun 2026",
        "Periode Triwulan II Tahun 2026",
        "Periode Tahunan Tahun 2025",
        "Periode Semester II Tahun 2026",
        "Semester I 2025",
        "2026-06",
    ):
        assert ekinerja_period(text) == Period.parse(text)


def test_a_schedule_row_label_of_a_clipped_period_is_not_a_period_label() -> None:
    """``Triwulan II 2025 (2025-05-15 s.d. 2025-06-30)`` (a :class:`Schedule` row) names two
    periods: it is refused rather than read as one of them."""
    _refused("Triwulan II 2025 (2025-05-15 s.d. 2025-06-30)", rule="PERIOD-FORMAT")


# --- garbage is refused with the library's error -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "semester",
        "Semester 2025",
        "Semester I",
        "Semester I 25",
        "tahun 2025",
        "Mei 2026",  # an Indonesian month name alone is no label the library prints
        "Bulan 6 Tahun 2026",
        "Periode Tahunan 2024 - 2025",
        "Periode Tahunan",
        "2025-S3",
        "2025-S0",
        "2025-H1",
        "S1-2025",
        "Triwulan I 2025 extra",
        "Semester I 2025 / Semester II 2025",
    ],
)
def test_text_that_is_no_code_and_no_label_is_refused_with_the_forms_listed(text: str) -> None:
    error = _refused(text, rule="PERIOD-FORMAT")
    assert error.value == text.strip()
    for form in ("'2025-S1'", "'Semester I 2025'", "'Triwulan I 2025'", "'H1 2025'"):
        assert form in (error.fix or "")


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("Semester III 2025", "1 to 2"),
        ("H3 2025", "1 to 2"),
        ("Triwulan V 2025", "1 to 4"),
        ("Q0 2025", "1 to 4"),
        ("Periode Bulanan 13 Tahun 2026", "1 to 12"),
        ("Periode Bulanan XIII Tahun 2026", "1 to 12"),
        ("Bulanan Pebruarie 2026", "1 to 12"),
    ],
)
def test_a_label_numbering_a_period_that_does_not_exist_is_refused(text: str, fix: str) -> None:
    error = _refused(text, rule="PERIOD-KIND")
    assert error.value == text
    assert fix in (error.fix or "")


def test_a_label_s_year_and_dates_are_checked_like_the_code_s() -> None:
    _refused("Semester I 1969", rule="PERIOD-YEAR", path="period.year")
    _refused("2025-02-30 s.d. 2025-03-01", rule="PERIOD-DATES")
    _refused("2025-06-30 to 2025-01-01", rule="PERIOD-DATES", path="period.end")


def test_the_field_is_named_in_the_error() -> None:
    with pytest.raises(PeriodError) as info:
        Period.parse("Semester III 2025", field="$.plans[0].period")
    assert info.value.path == "$.plans[0].period"
    with pytest.raises(PeriodError) as info:
        Period.parse(7, field="$.plans[0].period")
    assert (info.value.path, info.value.rule) == ("$.plans[0].period", "PERIOD-FORMAT")
    assert "'2025-S1'" in (info.value.fix or "")


# --- the schedule ------------------------------------------------------------------------------


def test_the_semester_cadence_has_its_labels_six_months_and_the_semester_kind() -> None:
    cadence = Cadence.parse("semester")
    assert cadence is Cadence.SEMIANNUAL is Cadence.parse("Semesteran")
    assert (cadence.code, cadence.label_en, cadence.months, cadence.kind) == (
        "semiannual",
        "Half-yearly",
        6,
        PeriodKind.SEMIANNUAL,
    )
    assert cadence.period_of(D(2025, 6, 30)) == Period.semester(2025, 1)
    assert cadence.period_of(D(2025, 7, 1)) == Period.semester(2025, 2)


def test_a_whole_year_by_semester_is_semester_i_and_ii() -> None:
    schedule = periodic_schedule(2025, "semester")
    assert schedule.codes == ("2025-S1", "2025-S2")
    assert [row["label_id"] for row in schedule.to_rows()] == [
        "Semester I 2025",
        "Semester II 2025",
    ]
    assert [row["days"] for row in schedule.to_rows()] == [181, 184]


def test_a_joiner_on_15_may_has_part_of_semester_i_then_semester_ii() -> None:
    schedule = periodic_schedule(2025, Cadence.SEMIANNUAL, start=D(2025, 5, 15))
    # 15-31 May is 17 days, June 30: 47 of Semester I's 181 days.
    assert schedule.codes == ("2025-05-15/2025-06-30", "2025-S2")
    clip = schedule.steps[-1]
    assert (clip.rule, clip.output) == ("SCHEDULE-CLIP", "2025-05-15/2025-06-30 (47 of 181 days)")


def test_a_move_on_1_april_splits_semester_i_between_the_two_assignments() -> None:
    before, after = assignment_schedules(2025, "semesteran", moves=[D(2025, 4, 1)])
    assert before.codes == ("2025-01-01/2025-03-31",)
    assert after.codes == ("2025-04-01/2025-06-30", "2025-S2")


# --- appraisal, consequences and the JSON boundary ------------------------------------------------


def test_a_semester_is_appraised_inside_the_annual_plan(plan: PerformancePlan) -> None:
    results = []
    for semester, hasil in ((1, Rating.SESUAI), (2, Rating.DI_ATAS)):
        period = Period.semester(2025, semester)
        assessment = Assessment(
            plan.id,
            AssessorRole.PEJABAT_PENILAI,
            plan.pejabat_penilai.nip,
            period.end,
            period,
            hasil_kerja=hasil,
            perilaku_kerja=Rating.DI_ATAS,
        )
        result = appraise(plan, [assessment], period=period)
        assert result.period == period
        assert result.explanation.steps[0].rule == "6/2022-PERIOD"
        results.append(result.predikat)
    # 3x3 matrix: Sesuai hasil kerja with Di Atas perilaku is Baik; Di Atas with Di Atas is
    # Sangat Baik.
    assert results == [Predikat.BAIK, Predikat.SANGAT_BAIK]
    # D1: no national rule makes the annual predikat from periodic ones; the non-normative
    # summary takes any periodic predikat, semesters' as well as quarters'. A tie goes to the
    # lower predikat: Baik.
    summary, _ = summarise_periodic(results)
    assert summary is Predikat.BAIK


def test_angka_kredit_of_a_semester_is_six_twelfths_of_the_year() -> None:
    # PerBKN 3/2023: AK = months/12 x percentage x koefisien; Ahli Pertama (koefisien 12.5),
    # Baik (100 %), Semester I (6 months): 6/12 x 100 % x 12.5 = 6.25.
    semester = Period.semester(2025, 1)
    assert months_of(semester) == 6
    result = angka_kredit(Predikat.BAIK, "ahli_pertama", months_of(semester), period=semester)
    assert result.value == Decimal("6.25")


def test_tukin_attendance_keyed_by_a_semester_is_refused_it_is_recorded_per_month() -> None:
    with pytest.raises(InputError) as info:
        RewardInputs(attendance={"2025-S1": Attendance(days_absent=1)})
    assert info.value.rule == "TUKIN-ATTENDANCE"


def _semester_document() -> dict[str, Any]:
    sample = sample_document()
    first = Period.semester(2025, 1)
    document = attrs.evolve(
        sample,
        plans=tuple(attrs.evolve(plan, period=first) for plan in sample.plans),
        assessments=tuple(attrs.evolve(a, period=first) for a in sample.assessments),
    )
    data: dict[str, Any] = json.loads(json.dumps(dump_document(document)))
    return data


def test_a_document_of_semester_plans_is_written_with_the_code_and_read_back() -> None:
    data = _semester_document()
    assert {plan["period"] for plan in data["plans"]} == {"2025-S1"}
    validator = Draft202012Validator(json_schema("document"))
    assert not list(validator.iter_errors(data))
    again = load_document(data)
    assert {plan.period for plan in again.plans} == {Period.semester(2025, 1)}
    assert dump_document(again) == data


def test_a_document_may_name_a_period_by_its_label_the_loader_writes_the_code() -> None:
    """The loader is looser than the schema, as for a rating by its label
    (docs/reference/schemas.md): the schema describes the code the dumper writes."""
    data = _semester_document()
    for plan in data["plans"]:
        plan["period"] = "Semester I 2025"
    for assessment in data["assessments"]:
        assessment["period"] = "semester i 2025"
    assert list(Draft202012Validator(json_schema("document")).iter_errors(data))
    loaded = load_document(data)
    assert dump_document(loaded) == _semester_document()


def test_the_schemas_give_the_semester_code_in_their_period_pattern() -> None:
    text = json.dumps([json_schema("document"), json_schema("results")])
    assert "-S[12]" in text
    assert "2025-S1" in text


@pytest.mark.parametrize(
    "text",
    [
        # Found in review: "Periode Tahunan" followed by part of a year was read as the year.
        "Periode Tahunan 2025-Q3",
        "Periode Tahunan Triwulan III 2025",
        "Periode Tahunan Semester I 2025",
        "Periode Tahunan Bulanan 3 2025",
        "Periode Tahunan 01/07/2025 - 30/09/2025",
        "Periode Tahunan 01/01/2024 - 31/12/2025",
        "Periode Tahunan Januari 2024 - Desember 2025",
    ],
)
def test_an_annual_header_naming_part_of_a_year_is_refused(text: str) -> None:
    with pytest.raises(PeriodError) as caught:
        Period.parse(text)
    assert caught.value.rule == "PERIOD-FORMAT"


@pytest.mark.parametrize(
    "text",
    [
        "Periode Tahunan Januari s.d. Desember 2026",
        "Periode Tahunan Januari sd Desember 2026",
        "periode tahunan 1/1/2026 s/d 31/12/2026",
        "Periode Tahunan 01/01/2026 - 31/12/2026",
    ],
)
def test_an_annual_header_naming_the_whole_year_is_the_year(text: str) -> None:
    assert Period.parse(text) == Period.annual(2026)
