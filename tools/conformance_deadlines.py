"""The conformance vector group ``objection`` (issue 15): the objection (keberatan) deadline and
the due day of the atasan's decision, worked by hand on a calendar in this file. Each input is
a performance cycle document (``kind: "cycle"``, what ``dump_cycle`` writes), built here through
the library's lifecycle; the expected days are the hand-worked ones."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from conformance_common import NIP, PENILAI, UNIT, vector

__all__ = ["objection_specs"]

WORKED = "tools/conformance_deadlines.py"


# --- objection deadlines ------------------------------------------------------------------------

OBJECTION_SOURCE = (
    "PP 30/2019 Pasal 59 (keberatan within 14 hari of receiving the result) [S11]; calendar"
    " days counted in the agency's zone from the day after receipt, no shift for weekends or"
    " holidays (library decision D10, UNCONFIRMED whether working days; rule"
    " D10-OBJECTION-DEADLINE: objection_deadline); the atasan's decision due 14 days after"
    " filing (PP 30/2019 Pasal 59(3)-(4); the due day: library decision D15; rule"
    " LIFECYCLE-STATUS-OBJECTION: decision_due)"
)
OBJECTION_FIELDS = [
    "stage",
    "settings.zone",
    "settings.objection_days",
    "received_on",
    "objection_deadline",
    "objection_filed_on",
    "decision_due",
]


def _cycle_document(
    period: tuple[dt.date, dt.date],
    received: dt.datetime,
    filed: dt.datetime | None,
    zone: str,
    days: int,
) -> dict[str, Any]:
    """A cycle document (``dump_cycle``): the plan of ``period`` agreed, rated Baik, finalised,
    received at ``received`` (and objected to at ``filed``)."""
    from asn_performance import (  # noqa: PLC0415
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
    )
    from asn_performance.boundary.cycle_document import dump_cycle  # noqa: PLC0415
    from asn_performance.process.lifecycle import (  # noqa: PLC0415
        ZONES,
        CycleSettings,
        PerformanceCycle,
    )

    tz = ZONES[zone]
    atasan = Employee(
        Nip("196812251993021001"),
        "Ahmad Hidayat",
        Position(PositionKind.ADMINISTRATOR, "Kepala Biro Perencanaan"),
        UNIT,
    )
    penilai = Employee(
        Nip(PENILAI["nip"]),
        PENILAI["name"],
        Position(PositionKind.PENGAWAS, "Kepala Subbagian Perencanaan"),
        UNIT,
        atasan.nip,
    )
    employee = Employee(
        Nip(NIP),
        "Budi Santoso",
        Position(PositionKind.FUNGSIONAL, "Analis Kebijakan", Jenjang.AHLI_MUDA),
        UNIT,
        penilai.nip,
    )
    span = Period.span(*period)
    plan = PerformancePlan(
        id="skp-budi",
        employee=employee,
        pejabat_penilai=penilai,
        period=span,
        work_results=(
            WorkResult(
                "rhk-1",
                "Tersusunnya rekomendasi kebijakan perencanaan",
                (Indicator("iki-1", "Jumlah rekomendasi", Target.value(4, "dokumen")),),
            ),
        ),
        atasan_pejabat_penilai=atasan,
    )
    start = dt.datetime.combine(period[0], dt.time(9), tz)
    after = dt.datetime.combine(period[1] + dt.timedelta(days=3), dt.time(9), tz)
    cycle = PerformanceCycle.draft(
        plan, by=employee.nip, at=start, settings=CycleSettings(zone=zone, objection_days=days)
    ).cycle
    cycle = cycle.set_plan(by=penilai.nip, at=start + dt.timedelta(hours=1)).cycle
    cycle = cycle.accept(by=employee.nip, at=start + dt.timedelta(hours=2)).cycle
    cycle = cycle.begin(by=employee.nip, at=start + dt.timedelta(hours=3)).cycle
    rated = Assessment(
        plan_id=plan.id,
        role=AssessorRole.PEJABAT_PENILAI,
        assessor=penilai.nip,
        given_on=period[1],
        period=span,
        hasil_kerja=Rating.SESUAI,
        perilaku_kerja=Rating.SESUAI,
    )
    cycle = cycle.evaluate_year(cycle.appraise([rated]), by=penilai.nip, at=after).cycle
    cycle = cycle.finalise(by=penilai.nip, at=after + dt.timedelta(hours=1)).cycle
    cycle = cycle.receive(by=employee.nip, at=received).cycle
    if filed is not None:
        cycle = cycle.file_objection(
            "Realisasi iki-1 sudah 4 dokumen; bukti dukung terlampir", by=employee.nip, at=filed
        ).cycle
    data: dict[str, Any] = json.loads(json.dumps(dump_cycle(cycle)))
    return data


def objection_specs() -> Iterator[dict[str, Any]]:
    utc = dt.UTC
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    # (name, period, received (UTC), filed (UTC) or None, zone, window, hand values)
    cases: list[tuple[str, tuple[dt.date, dt.date], dt.datetime, dt.datetime | None, str, int,
                      dict[str, str]]] = [
        # received Tuesday 13 January 2026 08:00 WIB (01:00 UTC): day 1 is 14 January, day 14 is
        # Tuesday 27 January 2026
        ("wib_14_days", year, dt.datetime(2026, 1, 13, 1, tzinfo=utc), None, "WIB", 14,
         {"stage": "final", "received_on": "2026-01-13", "objection_deadline": "2026-01-27",
          "objection_filed_on": "null", "decision_due": "null"}),
        # received 20 January 2026: 11 days to 31 January, day 12 is 1 February ... day 14 is
        # 3 February 2026 (across the month's end)
        ("across_month_end", year, dt.datetime(2026, 1, 20, 2, tzinfo=utc), None, "WIB", 14,
         {"stage": "final", "received_on": "2026-01-20", "objection_deadline": "2026-02-03",
          "objection_filed_on": "null", "decision_due": "null"}),
        # a part-year plan (January-November 2025) received Monday 22 December 2025: 9 days to
        # 31 December, day 10 is 1 January 2026 ... day 14 is 5 January 2026 (across the year)
        ("across_year_end", (dt.date(2025, 1, 1), dt.date(2025, 11, 30)),
         dt.datetime(2025, 12, 22, 3, tzinfo=utc), None, "WIB", 14,
         {"stage": "final", "received_on": "2025-12-22", "objection_deadline": "2026-01-05",
          "objection_filed_on": "null", "decision_due": "null"}),
        # received Saturday 10 January 2026: day 14 is Saturday 24 January 2026 -- calendar
        # days, not moved to the next working day (D10: the library carries no holiday
        # calendar)
        ("ends_on_a_saturday", year, dt.datetime(2026, 1, 10, 2, tzinfo=utc), None, "WIB", 14,
         {"stage": "final", "received_on": "2026-01-10", "objection_deadline": "2026-01-24",
          "objection_filed_on": "null", "decision_due": "null"}),
        # 13 January 2026 16:30 UTC is 23:30 WIB on the 13th but 00:30 WITA on the 14th: an
        # agency in WITA counts from 14 January, so day 14 is 28 January 2026
        ("wita_after_midnight", year, dt.datetime(2026, 1, 13, 16, 30, tzinfo=utc), None,
         "WITA", 14,
         {"stage": "final", "received_on": "2026-01-14", "objection_deadline": "2026-01-28",
          "objection_filed_on": "null", "decision_due": "null"}),
        # the same instant in WIB: 23:30 on 13 January -> day 14 is 27 January 2026
        ("wib_before_midnight", year, dt.datetime(2026, 1, 13, 16, 30, tzinfo=utc), None,
         "WIB", 14,
         {"stage": "final", "received_on": "2026-01-13", "objection_deadline": "2026-01-27",
          "objection_filed_on": "null", "decision_due": "null"}),
        # an agency's window of 30 days, received 31 January 2026 (WIT): February 2026 has 28
        # days, so day 28 is 28 February, day 29 is 1 March and day 30 is 2 March 2026
        ("wit_30_days_across_february", year, dt.datetime(2026, 1, 31, 0, tzinfo=utc), None,
         "WIT", 30,
         {"stage": "final", "received_on": "2026-01-31", "objection_deadline": "2026-03-02",
          "objection_filed_on": "null", "decision_due": "null"}),
        # received 13 January, objection filed on the last day, 27 January 2026 23:30 WIB
        # (16:30 UTC): accepted (D10); the decision is due 14 days after filing: 27 January +
        # 4 days = 31 January, + 10 more = 10 February 2026 (D15)
        ("filed_on_the_last_day", year, dt.datetime(2026, 1, 13, 1, tzinfo=utc),
         dt.datetime(2026, 1, 27, 16, 30, tzinfo=utc), "WIB", 14,
         {"stage": "objected", "received_on": "2026-01-13", "objection_deadline": "2026-01-27",
          "objection_filed_on": "2026-01-27", "decision_due": "2026-02-10"}),
        # received 22 December 2025 (deadline 5 January 2026), filed 24 December 2025: the
        # decision is due 24 December + 7 = 31 December, + 7 = 7 January 2026 (D15)
        ("decision_due_across_year_end", (dt.date(2025, 1, 1), dt.date(2025, 11, 30)),
         dt.datetime(2025, 12, 22, 3, tzinfo=utc), dt.datetime(2025, 12, 24, 3, tzinfo=utc),
         "WIB", 14,
         {"stage": "objected", "received_on": "2025-12-22", "objection_deadline": "2026-01-05",
          "objection_filed_on": "2025-12-24", "decision_due": "2026-01-07"}),
    ]  # fmt: skip
    for name, period, received, filed, zone, days, values in cases:
        hand = {"settings.zone": zone, "settings.objection_days": str(days), **values}
        # The manifest names one rule per vector: the one its day exercises -- the due day of
        # the decision when an objection was filed (LIFECYCLE-STATUS-OBJECTION, D15), else the
        # objection deadline (D10-OBJECTION-DEADLINE); the source names both.
        rule = "D10-OBJECTION-DEADLINE" if filed is None else "LIFECYCLE-STATUS-OBJECTION"
        yield vector(
            "objection",
            name,
            kind="cycle",
            regime="permenpanrb_6_2022",
            rule=rule,
            source=OBJECTION_SOURCE,
            document=_cycle_document(period, received, filed, zone, days),
            fields=OBJECTION_FIELDS,
            required=["objection_deadline", "decision_due"],
            worked=WORKED,
            hand=hand,
        )
