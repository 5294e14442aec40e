"""Oversight of many units against the distribution curve of SE MenPANRB 3/2023.

:func:`oversee` checks many units at once (as a BKN regional office does for a whole region,
*pengawasan*) against the limits of SE MenPANRB 3/2023 (decision D4 rounding) and returns an
:class:`OversightReport` with a summary per unit and the violations. It counts with plain
integers and builds objects only for units and violations, so tens of thousands of units take
well under a second (``benchmarks/calibration.py``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from asn_performance._kit.exact import quantize
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import check_text, expect_each
from asn_performance.consequences.distribution._units import (
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


@attrs.frozen
class UnitInput:
    """One unit for :func:`oversee`: its name, organisation predikat and counts per predikat.

    ``counts`` is five whole numbers in :data:`PREDIKAT_ORDER` (Sangat Baik, Baik, Butuh
    Perbaikan, Kurang/Misconduct, Sangat Kurang), or a mapping of predikat to count. Checked on
    construction, so :func:`oversee` does not check again.
    """

    unit: str = attrs.field(validator=check_text(300))
    organisation_predikat: OrganisationPredikat = attrs.field(converter=parse_organisation)
    counts: tuple[int, ...] = attrs.field(converter=_unit_counts)

    @classmethod
    def from_appraisals(
        cls,
        unit: str,
        organisation_predikat: OrganisationPredikat | str,
        appraisals: Iterable[Appraisal | Predikat | str],
    ) -> UnitInput:
        """A unit from its appraisals (or their predikat), counted once here."""
        return cls(unit, organisation_predikat, count_predikat(appraisals))


class UnitSummary(NamedTuple):
    """One unit in an :class:`OversightReport`: counts, total and the violated limits only.

    A named tuple (immutable) because :func:`oversee` builds one per unit in its hot path.
    """

    unit: str
    organisation_predikat: OrganisationPredikat
    counts: tuple[int, ...]
    total: int
    violations: tuple[LimitCheck, ...]

    @property
    def ok(self) -> bool:
        """Whether the unit is within its distribution."""
        return not self.violations


@attrs.frozen
class OversightReport:
    """The distribution check over many units (*pengawasan*), e.g. a whole region.

    Attributes:
        rounding: the D4 rounding used.
        units: one summary per unit, in input order.
        employees: the number of employees over all units.
        units_with_violations: how many units break at least one limit.
    """

    rounding: Rounding
    units: tuple[UnitSummary, ...]
    employees: int
    units_with_violations: int

    @property
    def violations(self) -> tuple[tuple[str, LimitCheck], ...]:
        """Every violation as (unit, check), in input order."""
        return tuple((u.unit, check) for u in self.units for check in u.violations)

    @property
    def ok(self) -> bool:
        """Whether every unit is within its distribution."""
        return not self.units_with_violations

    def by_organisation_predikat(self) -> Mapping[OrganisationPredikat, tuple[int, int]]:
        """Per organisation predikat: (units, units with violations)."""
        tally = {org: [0, 0] for org in OrganisationPredikat}
        for summary in self.units:
            entry = tally[summary.organisation_predikat]
            entry[0] += 1
            entry[1] += not summary.ok
        return FrozenMap({org: (a, b) for org, (a, b) in tally.items()})

    def render(self, *, max_violations: int = 20) -> str:
        """Readable text: totals, a line per organisation predikat, the first violations."""
        lines = [
            f"{len(self.units)} units, {self.employees} employees,"
            f" {self.units_with_violations} unit(s) with violations"
            f" ({self.rounding.label_en.lower()} rounding, D4)"
        ]
        for org, (units, bad) in self.by_organisation_predikat().items():
            if units:
                lines.append(f"  {org.label_id}: {units} unit(s), {bad} with violations")
        violations = self.violations
        for unit, check in violations[:max_violations]:
            lines.append(f"  - {unit}: {check.message()}")
        if len(violations) > max_violations:
            lines.append(f"  ... {len(violations) - max_violations} more")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the totals, then every unit with its counts and violations."""
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
        esc = html.escape
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
            "<table><thead><tr><th>unit</th><th>limit</th><th>count</th><th>total</th>"
            f"<th>share</th><th>threshold</th></tr></thead><tbody>{rows}</tbody></table>"
            + (f"<p>&hellip; {more} more</p>" if more > 0 else "")
        )


def oversee(
    units: Iterable[UnitInput],
    *,
    rounding: Rounding | str = Rounding.STRICT,
    limits: Mapping[OrganisationPredikat, Sequence[Limit]] = DISTRIBUTION_LIMITS,
) -> OversightReport:
    """Check many units against the pola distribusi at once (SE MenPANRB 3/2023; D4).

    The counting uses plain integers; objects are built only for each unit's summary and for
    each violation. Units with no employees have nothing to check. Nothing is mutated.
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
        failed: list[LimitCheck] | None = None
        if total:
            for indices, is_max, num, den, ceil, fixed, limit in compiled[
                item.organisation_predikat
            ]:
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
        if failed:
            with_violations += 1
        append(
            UnitSummary(
                item.unit,
                item.organisation_predikat,
                counts,
                total,
                () if failed is None else tuple(failed),
            )
        )
    return OversightReport(mode, tuple(summaries), employees, with_violations)
