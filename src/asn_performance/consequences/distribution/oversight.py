"""Oversight of many units against the distribution curve of SE MenPANRB 3/2023.

:func:`oversee` checks many units at once (as a BKN regional office does for a whole region,
*pengawasan*) against the limits of SE MenPANRB 3/2023 (decision D4 rounding) and returns an
:class:`OversightReport` with a summary per unit and the violations. It counts with plain
integers and builds objects only for units and violations, so tens of thousands of units take
well under a second (``benchmarks/calibration.py``).

Units may name their agency (*instansi*): ``UnitInput(..., agency="Pemerintah Kota Serang")``.
The report then rolls the units up per agency (:class:`AgencySummary`): the counts summed,
the number of employees, and which units break a limit. The limits of SE MenPANRB 3/2023 are
chosen by an organisation's own predikat (*capaian kinerja organisasi*, step 1 of the SE), so
each unit is checked against its own; an agency's total is checked too only when its own
predikat is given (``oversee(..., agency_predikat={"Pemerintah Kota Serang": "baik"})``),
since it cannot be read off its units' (library decision, rule ``SE3/2023-AGENCY``: the SE
names no roll-up; PP 30/2019 Pasal 41(7) distributes predikat across all PNS of the instansi).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from asn_performance._kit.exact import quantize
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang
from asn_performance._kit.validate import check_text, expect_each, shown
from asn_performance.consequences._words import figure, say
from asn_performance.consequences.distribution._units import (
    Compiled,
    compile_limits,
    count_predikat,
    count_value,
    limits_table,
    parse_organisation,
)
from asn_performance.consequences.distribution.check import LimitCheck
from asn_performance.consequences.distribution.limits import (
    DISTRIBUTION_LIMITS,
    PREDIKAT_ORDER,
    Limit,
    Rounding,
)
from asn_performance.domain.rating import OrganisationPredikat, Predikat
from asn_performance.exceptions import InputError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "AgencySummary",
    "OversightReport",
    "UnitInput",
    "UnitSummary",
    "oversee",
]


def _unit_counts(value: object) -> tuple[int, ...]:
    if isinstance(value, tuple) and len(value) == len(PREDIKAT_ORDER):
        for index, number in enumerate(value):
            count_value(number, f"counts[{index}]")
        return value
    if isinstance(value, list) and len(value) == len(PREDIKAT_ORDER):
        return _unit_counts(tuple(value))
    if isinstance(value, Mapping):
        return count_predikat(value)
    raise InputError(
        "counts are five whole numbers (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat"
        " Kurang) or a mapping of predikat to count",
        path="counts",
        value=value,
        rule="TYPE",
        fix="pass (2, 7, 1, 0, 0) or {'sangat_baik': 2, 'baik': 7, 'butuh_perbaikan': 1}",
    )


_check_unit_text = check_text(300)


def _check_agency(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_unit_text(instance, attribute, value)


@attrs.frozen
class UnitInput:
    """One unit for :func:`oversee`: its name, organisation predikat and counts per predikat.

    ``counts`` is five whole numbers in :data:`PREDIKAT_ORDER` (Sangat Baik, Baik, Butuh
    Perbaikan, Kurang/Misconduct, Sangat Kurang), or a mapping of predikat to count. Checked on
    construction, so :func:`oversee` does not check again. ``agency`` (keyword, optional) is
    the instansi the unit belongs to, for the roll-up per agency.
    """

    unit: str = attrs.field(validator=check_text(300))
    organisation_predikat: OrganisationPredikat = attrs.field(converter=parse_organisation)
    counts: tuple[int, ...] = attrs.field(converter=_unit_counts)
    agency: str | None = attrs.field(default=None, kw_only=True, validator=_check_agency)

    @classmethod
    def from_appraisals(
        cls,
        unit: str,
        organisation_predikat: OrganisationPredikat | str,
        appraisals: Iterable[Appraisal | Predikat | str],
        *,
        agency: str | None = None,
    ) -> UnitInput:
        """A unit from its appraisals (or their predikat), counted once here."""
        return cls(unit, organisation_predikat, count_predikat(appraisals), agency=agency)


class UnitSummary(NamedTuple):
    """One unit in an :class:`OversightReport`: counts, total and the violated limits only.

    A named tuple (immutable) because :func:`oversee` builds one per unit in its hot path.
    """

    unit: str
    organisation_predikat: OrganisationPredikat
    counts: tuple[int, ...]
    total: int
    violations: tuple[LimitCheck, ...]
    agency: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the unit is within its distribution."""
        return not self.violations


#: How a unit without an agency is shown in the roll-up per agency.
NO_AGENCY = "(tanpa instansi)"


class AgencySummary(NamedTuple):
    """One agency (*instansi*) in an :class:`OversightReport`: its units rolled up.

    ``counts`` are its units' counts summed per predikat (in :data:`PREDIKAT_ORDER`);
    ``violating_units`` the names of its units that break a limit, in input order. The limits
    are chosen by an organisation's own predikat (SE MenPANRB 3/2023 step 1), so the agency's
    total is checked (``violations``) only when its own ``organisation_predikat`` was given to
    :func:`oversee`; otherwise that is ``None`` and ``violations`` is empty (library decision,
    rule ``SE3/2023-AGENCY``).
    """

    agency: str | None
    units: int
    employees: int
    counts: tuple[int, ...]
    violating_units: tuple[str, ...]
    organisation_predikat: OrganisationPredikat | None
    violations: tuple[LimitCheck, ...]

    @property
    def name(self) -> str:
        """The agency's name, or ``(tanpa instansi)`` for the units that name none."""
        return NO_AGENCY if self.agency is None else self.agency

    @property
    def units_with_violations(self) -> int:
        """How many of its units break at least one limit."""
        return len(self.violating_units)

    @property
    def ok(self) -> bool:
        """Whether every unit, and the agency's total where checked, is within its pattern."""
        return not self.violating_units and not self.violations

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the totals, the violating units and the agency-level check."""
        org = self.organisation_predikat
        return {
            "agency": self.agency,
            "units": self.units,
            "employees": self.employees,
            "counts": {p.code: n for p, n in zip(PREDIKAT_ORDER, self.counts, strict=True)},
            "units_with_violations": self.units_with_violations,
            "violating_units": list(self.violating_units),
            "organisation_predikat": None if org is None else org.code,
            "ok": self.ok,
            "violations": [check.to_dict() for check in self.violations],
        }


@attrs.frozen
class OversightReport:
    """The distribution check over many units (*pengawasan*), e.g. a whole region.

    Attributes:
        rounding: the D4 rounding used.
        units: one summary per unit, in input order.
        employees: the number of employees over all units.
        units_with_violations: how many units break at least one limit.
        agencies: one roll-up per agency (:class:`AgencySummary`) in order of first
            appearance, when at least one unit names its agency; otherwise empty.
    """

    rounding: Rounding
    units: tuple[UnitSummary, ...]
    employees: int
    units_with_violations: int
    agencies: tuple[AgencySummary, ...] = ()

    @property
    def violations(self) -> tuple[tuple[str, LimitCheck], ...]:
        """Every violation as (unit, check), in input order."""
        return tuple((u.unit, check) for u in self.units for check in u.violations)

    @property
    def agency_violations(self) -> tuple[tuple[str, LimitCheck], ...]:
        """Every violation of an agency's total, as (agency, check): only agencies whose own
        predikat was given to :func:`oversee` are checked (``SE3/2023-AGENCY``)."""
        return tuple((a.name, check) for a in self.agencies for check in a.violations)

    @property
    def ok(self) -> bool:
        """Whether every unit is within its distribution, and every agency total that was
        checked (``agency_predikat``) is within its own."""
        return not self.units_with_violations and not any(a.violations for a in self.agencies)

    def by_organisation_predikat(self) -> Mapping[OrganisationPredikat, tuple[int, int]]:
        """Per organisation predikat: (units, units with violations)."""
        tally = {org: [0, 0] for org in OrganisationPredikat}
        for summary in self.units:
            entry = tally[summary.organisation_predikat]
            entry[0] += 1
            entry[1] += not summary.ok
        return FrozenMap({org: (a, b) for org, (a, b) in tally.items()})

    def render(self, *, max_violations: int = 20, lang: Lang = "en") -> str:
        """Readable text: totals, a line per organisation predikat, the first violations; in
        ``lang`` (``"id"``: ``3 unit, 30 pegawai, 2 unit dengan pelanggaran (pembulatan
        ketat, D4)``, ...). The predikat keep their Indonesian labels in both languages."""
        rounding = (self.rounding.label_en if lang == "en" else self.rounding.label_id).lower()
        lines = [
            say(
                "distribution.oversight.head",
                lang,
                units=figure(len(self.units), lang),
                employees=figure(self.employees, lang),
                bad=figure(self.units_with_violations, lang),
                rounding=rounding,
            )
        ]
        for org, (units, bad) in self.by_organisation_predikat().items():
            if units:
                line = say(
                    "distribution.oversight.organisation",
                    lang,
                    organisation=org.label_id,
                    units=figure(units, lang),
                    bad=figure(bad, lang),
                )
                lines.append(f"  {line}")
        lines.extend(self._agency_lines(lang))
        violations = self.violations
        for unit, check in violations[:max_violations]:
            lines.append(f"  - {unit}: {check.message(lang)}")
        if len(violations) > max_violations:
            more = figure(len(violations) - max_violations, lang)
            lines.append("  " + say("distribution.oversight.more", lang, count=more))
        return "\n".join(lines)

    def _agency_lines(self, lang: Lang) -> list[str]:
        """The hierarchy for :meth:`render`: per agency its totals, its agency-level check
        where one was made, and its units with their state."""
        lines: list[str] = []
        if self.agencies:
            lines.append(say("distribution.agency.heading", lang))
        by_agency: dict[str | None, list[UnitSummary]] = {}
        for summary in self.units:
            by_agency.setdefault(summary.agency, []).append(summary)
        for agency in self.agencies:
            org = agency.organisation_predikat
            if org is None:
                check = say("distribution.agency.not_checked", lang)
            else:
                within = not agency.violations
                state = say(
                    "distribution.agency.within" if within else "distribution.state.violated", lang
                )
                check = say(
                    "distribution.agency.checked", lang, organisation=org.label_id, state=state
                )
            line = say(
                "distribution.agency.line",
                lang,
                agency=agency.name,
                units=figure(agency.units, lang),
                employees=figure(agency.employees, lang),
                bad=figure(agency.units_with_violations, lang),
                check=check,
            )
            lines.append(f"  {line}")
            counts = ", ".join(
                f"{p.label_id} {figure(n, lang)}"
                for p, n in zip(PREDIKAT_ORDER, agency.counts, strict=True)
            )
            lines.append("    " + say("distribution.agency.counts", lang, counts=counts))
            lines.extend(f"    ! {c.message(lang)}" for c in agency.violations)
            for summary in by_agency.get(agency.agency, ()):
                lines.append("    - " + _unit_line(summary, lang))
        return lines

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the totals, then every unit with its counts and violations.

        When units name their agency, each unit carries ``agency`` and the report an
        ``agencies`` list (:meth:`AgencySummary.to_dict`); a report without agencies keeps
        the earlier shape."""
        data = self._to_dict()
        if self.agencies:
            for row, summary in zip(data["units"], self.units, strict=True):
                row["agency"] = summary.agency
            data["agencies"] = [agency.to_dict() for agency in self.agencies]
        return data

    def _to_dict(self) -> dict[str, Any]:
        return {
            "rounding": self.rounding.code,
            "units_checked": len(self.units),
            "employees": self.employees,
            "units_with_violations": self.units_with_violations,
            "ok": self.ok,
            "by_organisation_predikat": {
                org.code: {"units": units, "with_violations": bad}
                for org, (units, bad) in self.by_organisation_predikat().items()
                if units
            },
            "units": [
                {
                    "unit": summary.unit,
                    "organisation_predikat": summary.organisation_predikat.code,
                    "total": summary.total,
                    "counts": {
                        p.code: n for p, n in zip(PREDIKAT_ORDER, summary.counts, strict=True)
                    },
                    "ok": summary.ok,
                    "violations": [check.to_dict() for check in summary.violations],
                }
                for summary in self.units
            ],
        }

    def to_rows(self) -> list[dict[str, str | int]]:
        """One flat row per violation (for a dataframe or a CSV writer)."""
        return [
            {
                "unit": unit,
                "bound": check.limit.bound.code,
                "predikat": "+".join(p.code for p in check.limit.group),
                "count": check.actual,
                "total": check.total,
                "threshold": check.threshold,
                "percent": "" if check.percent is None else str(quantize(check.percent)),
            }
            for unit, check in self.violations
        ]

    def __str__(self) -> str:
        return self.render()

    def _repr_html_(self, max_violations: int = 20) -> str:
        """A small HTML table for a notebook: the totals, then the first violations."""
        from html import escape as esc  # noqa: PLC0415 - only a notebook's HTML view needs it

        violations = self.violations
        rows = "".join(
            f"<tr><td>{esc(unit)}</td><td>{esc(check.limit.wording)}</td><td>{check.actual}"
            f"</td><td>{check.total}</td><td>{esc(check.shown_percent)}</td>"
            f"<td>{check.threshold}</td></tr>"
            for unit, check in violations[:max_violations]
        )
        more = len(violations) - max_violations
        return (
            f"<p>{len(self.units)} units, {self.employees} employees,"
            f" {self.units_with_violations} unit(s) with violations"
            f" ({esc(self.rounding.label_en.lower())} rounding, D4)</p>"
            + self._agencies_html()
            + "<table><thead><tr><th>unit</th><th>limit</th><th>count</th><th>total</th>"
            f"<th>share</th><th>threshold</th></tr></thead><tbody>{rows}</tbody></table>"
            + (f"<p>&hellip; {more} more</p>" if more > 0 else "")
        )

    def _agencies_html(self) -> str:
        """The hierarchy as a table: a row per agency, then a row per unit under it."""
        if not self.agencies:
            return ""
        from html import escape as esc  # noqa: PLC0415 - only a notebook's HTML view needs it

        by_agency: dict[str | None, list[UnitSummary]] = {}
        for summary in self.units:
            by_agency.setdefault(summary.agency, []).append(summary)
        rows: list[str] = []
        for agency in self.agencies:
            org = agency.organisation_predikat
            checked = (
                "not checked"
                if org is None
                else f"{esc(org.label_id)}: {'ok' if not agency.violations else 'VIOLATED'}"
            )
            rows.append(
                f"<tr><th>{esc(agency.name)}</th><td>{agency.units}</td>"
                f"<td>{agency.employees}</td><td>{agency.units_with_violations}</td>"
                f"<td>{checked}</td></tr>"
            )
            rows.extend(
                f"<tr><td>&nbsp;&nbsp;{esc(s.unit)}</td><td>1</td><td>{s.total}</td>"
                f"<td>{0 if s.ok else 1}</td>"
                f"<td>{esc(s.organisation_predikat.label_id)}:"
                f" {'ok' if s.ok else f'{len(s.violations)} violation(s)'}</td></tr>"
                for s in by_agency.get(agency.agency, ())
            )
        return (
            "<table><caption>per agency (instansi)</caption><thead><tr><th>agency / unit</th>"
            "<th>units</th><th>employees</th><th>with violations</th><th>check</th></tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table>"
        )


def _unit_line(summary: UnitSummary, lang: Lang) -> str:
    """A unit under its agency: ``Dinas Kesehatan (Baik, 10 employees): ok``."""
    count = figure(len(summary.violations), lang)
    state = (
        say("distribution.agency.unit_ok", lang)
        if summary.ok
        else say("distribution.report.violations", lang, count=count)
    )
    return say(
        "distribution.agency.unit",
        lang,
        unit=summary.unit,
        organisation=summary.organisation_predikat.label_id,
        total=figure(summary.total, lang),
        state=state,
    )


def _failed(
    rows: Sequence[Compiled], counts: tuple[int, ...], total: int, mode: Rounding
) -> list[LimitCheck] | None:
    """The limits of ``rows`` that ``counts`` (of ``total`` employees) break, or ``None``."""
    failed: list[LimitCheck] | None = None
    for indices, is_max, num, den, ceil, fixed, limit in rows:
        count = counts[indices[0]] if len(indices) == 1 else sum(counts[i] for i in indices)
        if fixed is not None:
            threshold = fixed
        elif ceil:
            threshold = -((-num * total) // den)
        else:
            threshold = (num * total) // den
        if (count > threshold) if is_max else (count < threshold):
            if failed is None:
                failed = []
            failed.append(LimitCheck(limit, total, count, threshold, mode))
    return failed


def _agency_predikat(
    value: object, agencies: Mapping[str | None, object]
) -> dict[str, OrganisationPredikat]:
    """``agency_predikat`` checked: a mapping of the units' agency names to predikat."""
    if not isinstance(value, Mapping):
        raise InputError(
            "agency_predikat must map an agency's name to its organisation predikat",
            path="agency_predikat",
            value=type(value).__name__,
            rule="TYPE",
            fix="pass e.g. {'Pemerintah Kota Serang': 'baik'}, or leave it out",
        )
    checked: dict[str, OrganisationPredikat] = {}
    for name, predikat in value.items():
        path = f"agency_predikat[{shown(name)}]"
        if not isinstance(name, str) or name not in agencies:
            named = sorted(a for a in agencies if a is not None)
            raise InputError(
                "names no agency of the units",
                path=path,
                value=shown(name),
                rule="SE3/2023-AGENCY",
                fix=(
                    "use an agency named by a unit (UnitInput(..., agency=...)):"
                    f" {', '.join(named)}"
                    if named
                    else "use an agency named by a unit (UnitInput(..., agency=...)):"
                    " no unit names an agency"
                ),
            )
        checked[name] = OrganisationPredikat.parse(predikat, field=path)
    return checked


def _roll_up(
    summaries: Sequence[UnitSummary],
    predikat: Mapping[str, OrganisationPredikat],
    compiled: Mapping[OrganisationPredikat, Sequence[Compiled]],
    mode: Rounding,
) -> tuple[AgencySummary, ...]:
    """One :class:`AgencySummary` per agency, in order of first appearance."""
    groups: dict[str | None, list[UnitSummary]] = {}
    for summary in summaries:
        groups.setdefault(summary.agency, []).append(summary)
    rolled: list[AgencySummary] = []
    for agency, members in groups.items():
        counts = tuple(sum(m.counts[i] for m in members) for i in range(len(PREDIKAT_ORDER)))
        total = sum(counts)
        org = None if agency is None else predikat.get(agency)
        failed = _failed(compiled[org], counts, total, mode) if org is not None and total else None
        rolled.append(
            AgencySummary(
                agency,
                len(members),
                total,
                counts,
                tuple(m.unit for m in members if m.violations),
                org,
                () if failed is None else tuple(failed),
            )
        )
    return tuple(rolled)


def oversee(
    units: Iterable[UnitInput],
    *,
    rounding: Rounding | str = Rounding.STRICT,
    limits: Mapping[OrganisationPredikat, Sequence[Limit]] = DISTRIBUTION_LIMITS,
    agency_predikat: Mapping[str, OrganisationPredikat | str] | None = None,
) -> OversightReport:
    """Check many units against the pola distribusi at once (SE MenPANRB 3/2023; D4).

    The counting uses plain integers; objects are built only for each unit's summary and for
    each violation. Units with no employees have nothing to check. Nothing is mutated.

    When a unit names its agency (``UnitInput(..., agency=...)``), the report rolls its units
    up per agency (:attr:`OversightReport.agencies`). Each unit is checked against the pattern
    of its own organisation predikat; an agency's summed counts are checked too, against the
    pattern of the agency's own predikat, for the agencies named in ``agency_predikat`` (the
    *capaian kinerja organisasi* of the instansi, SE MenPANRB 3/2023 step 1; PP 30/2019
    Pasal 41(7)). Without it an agency's total is not checked: an agency's predikat is set by
    its leader's superior and cannot be derived from its units' (library decision, rule
    ``SE3/2023-AGENCY``).

    Raises:
        InputError: ``units`` is not a list of :class:`UnitInput`; ``agency_predikat`` is not
            a mapping, or names an agency no unit names (rule ``SE3/2023-AGENCY``).
        LabelError: an unknown organisation predikat in ``agency_predikat``.
    """
    mode = Rounding.parse(rounding, field="rounding")
    compiled = compile_limits(limits_table(limits), mode)
    if isinstance(units, (str, bytes, Mapping, UnitInput)) or not isinstance(units, Iterable):
        raise InputError(
            "units must be a list of UnitInput",
            path="units",
            value=type(units).__name__,
            rule="TYPE",
            fix="pass e.g. [UnitInput('Dinas Pendidikan', 'baik', {'baik': 7})]",
        )
    summaries: list[UnitSummary] = []
    append = summaries.append
    employees = 0
    with_violations = 0
    items = tuple(units)
    expect_each(
        items,
        UnitInput,
        message="must be a UnitInput",
        path="units",
        fix="build each unit with UnitInput(unit, organisation_predikat, counts)",
    )
    for item in items:
        counts = item.counts
        total = counts[0] + counts[1] + counts[2] + counts[3] + counts[4]
        employees += total
        failed = (
            _failed(compiled[item.organisation_predikat], counts, total, mode) if total else None
        )
        if failed:
            with_violations += 1
        append(
            UnitSummary(
                item.unit,
                item.organisation_predikat,
                counts,
                total,
                () if failed is None else tuple(failed),
                item.agency,
            )
        )
    named = {item.agency: None for item in items}
    predikat = {} if agency_predikat is None else _agency_predikat(agency_predikat, named)
    agencies: tuple[AgencySummary, ...] = ()
    if any(agency is not None for agency in named):
        agencies = _roll_up(summaries, predikat, compiled, mode)
    return OversightReport(mode, tuple(summaries), employees, with_violations, agencies)
