"""Checking one unit against the distribution curve of SE MenPANRB 3/2023.

:func:`check_distribution` checks one unit against the :data:`DISTRIBUTION_LIMITS
<asn_performance.consequences.distribution.limits.DISTRIBUTION_LIMITS>` of SE MenPANRB 3/2023
(Pasal 24-25 PermenPANRB 6/2022; Pasal 41(7) PP 30/2019) and returns a
:class:`DistributionReport` that lists every limit with its count, percentage and the count
allowed or required (decision D4 rounding), and the violations among them. It reports; it never
changes anyone's predikat and never mutates its input. The rules it records are
:data:`CALIBRATION_RULES`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, NamedTuple

import attrs

from asn_performance._kit.exact import CONTEXT, quantize
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang
from asn_performance._kit.validate import check_text
from asn_performance.consequences._words import figure, say, share
from asn_performance.consequences.distribution._arithmetic import rounds_up, scaled
from asn_performance.consequences.distribution._units import (
    compile_limits,
    count_predikat,
    limits_table,
    parse_organisation,
)
from asn_performance.consequences.distribution.limits import (
    DISTRIBUTION_LIMITS,
    PREDIKAT_ORDER,
    Bound,
    Limit,
    Rounding,
)
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.rating import OrganisationPredikat, Predikat
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "CALIBRATION_RULES",
    "DistributionReport",
    "LimitCheck",
    "check_distribution",
]

#: The rules the distribution check records (the SE MenPANRB 3/2023 distribution check and
#: decision D4). Source tags refer to ``docs/explanation/distribution-curve.md``.
CALIBRATION_RULES: tuple[Rule, ...] = (
    Rule(
        "SE3/2023-DISTRIBUTION",
        "Pola distribusi: limits on employee predikat from the organisation's predikat",
        "SE MenPANRB 3/2023 (Tata Cara Penetapan Predikat Kinerja Pegawai ASN), step 2"
        " [S3][S4][S4b]; PermenPANRB 6/2022 Pasal 24-25; PP 30/2019 Pasal 41(7)",
    ),
    Rule(
        "D4-ROUNDING",
        "Percent limits on small units: strict or lenient rounding",
        "Library decision D4 (the SE gives no rounding rule): strict by default -- a maximum"
        " of p % allows floor(p·n), a minimum of p % needs ceil(p·n)",
        normative=False,
    ),
)
_RULE = rules_by_id(CALIBRATION_RULES)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.SE3/2023-DISTRIBUTION.organisation": "organisation predikat",
        "step.SE3/2023-DISTRIBUTION.rounding": "rounding",
        "step.SE3/2023-DISTRIBUTION.strict": "strict",
        "step.SE3/2023-DISTRIBUTION.lenient": "lenient",
        "step.SE3/2023-DISTRIBUTION.have": "{group}: {actual} of {total} ({share} %)",
        "step.SE3/2023-DISTRIBUTION.allows": (
            "at most {percent} % allows {threshold} of {total} ({rounding} rounding: {how}):"
            " {state}"
        ),
        "step.SE3/2023-DISTRIBUTION.needs": (
            "at least {percent} % needs {threshold} of {total} ({rounding} rounding: {how}):"
            " {state}"
        ),
        "step.SE3/2023-DISTRIBUTION.at_most": "at most {amount}: {state}",
        "step.SE3/2023-DISTRIBUTION.at_least": "at least {amount}: {state}",
        "step.SE3/2023-DISTRIBUTION.none_allowed": "none allowed: {state}",
        "step.SE3/2023-DISTRIBUTION.floor": "floor",
        "step.SE3/2023-DISTRIBUTION.ceil": "ceil",
        "step.SE3/2023-DISTRIBUTION.ok": "ok",
        "step.SE3/2023-DISTRIBUTION.violated": "VIOLATED",
    }
)


def _rounding(rounding: Rounding, lang: Lang) -> str:
    """The rounding's name in ``lang``, in lower case: ``strict``, Indonesian ``ketat``."""
    return (rounding.label_en if lang == "en" else rounding.label_id).lower()


class LimitCheck(NamedTuple):
    """One limit applied to one unit: the ``actual`` number, the threshold and whether it holds.

    ``threshold`` is the most employees allowed (a maximum) or the fewest required (a
    minimum) for ``total`` employees under ``rounding``. A named tuple (immutable, like
    :class:`~asn_performance.domain.explanation.Step`) because :func:`oversee` builds one per
    violation in its hot path.
    """

    limit: Limit
    total: int
    actual: int
    threshold: int
    rounding: Rounding

    @property
    def ok(self) -> bool:
        """Whether the limit holds."""
        if self.limit.bound is Bound.MAX:
            return self.actual <= self.threshold
        return self.actual >= self.threshold

    @property
    def percent(self) -> Decimal | None:
        """The group's share of the unit, in percent, carried (``None`` for an empty unit)."""
        if not self.total:
            return None
        return CONTEXT.divide(Decimal(self.actual * 100), Decimal(self.total))

    @property
    def shown_percent(self) -> str:
        """The share shown to 2 places, e.g. ``"80.00 %"``."""
        percent = self.percent
        return "–" if percent is None else f"{quantize(percent)} %"

    def message(self, lang: Lang = "en") -> str:
        """One line: the group, its count and share, and what the limit allows or requires;
        in ``lang`` (``"id"``: ``Baik: 8 dari 10 (80,00 %); maksimal 70 % membolehkan 7 dari
        10 (pembulatan ketat: ke bawah): DILANGGAR``). The group's labels are the SE's words."""
        limit = self.limit
        have = say(
            "distribution.check.have",
            lang,
            group=limit.label,
            actual=figure(self.actual, lang),
            total=figure(self.total, lang),
            share=share(self.percent, lang),
        )
        if limit.count is not None:
            if limit.bound is Bound.MAX and limit.count == 0:
                need = say("distribution.check.none_allowed", lang)
            else:
                amount = figure(limit.count, lang)
                need = say(f"distribution.bound.{limit.bound.code}", lang, amount=amount)
        else:
            ceil = rounds_up(limit.bound is Bound.MIN, self.rounding is Rounding.STRICT)
            need = say(
                "distribution.check.allows"
                if limit.bound is Bound.MAX
                else "distribution.check.needs",
                lang,
                limit=limit.describe(lang),
                threshold=figure(self.threshold, lang),
                total=figure(self.total, lang),
                rounding=_rounding(self.rounding, lang),
                how=say("distribution.check.ceil" if ceil else "distribution.check.floor", lang),
            )
        state = say("distribution.state.ok" if self.ok else "distribution.state.violated", lang)
        return say("distribution.check.line", lang, have=have, need=need, state=state)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "bound": self.limit.bound.code,
            "predikat": [p.code for p in self.limit.group],
            "limit_percent": None
            if self.limit.percent is None
            else f"{self.limit.percent.normalize(CONTEXT):f}",
            "limit_count": self.limit.count,
            "count": self.actual,
            "total": self.total,
            "percent": None if self.percent is None else str(quantize(self.percent)),
            "threshold": self.threshold,
            "ok": self.ok,
            "wording": self.limit.wording,
        }


@attrs.frozen
class DistributionReport:
    """The check of one unit against the pola distribusi (never a reallocation).

    Attributes:
        organisation_predikat: the organisation's capaian kinerja that chose the limits.
        rounding: the D4 rounding used.
        counts: employees per predikat, in :data:`PREDIKAT_ORDER`.
        checks: every limit with its count and threshold (empty for an empty unit).
        unit: the unit's name, if given.
    """

    organisation_predikat: OrganisationPredikat
    rounding: Rounding
    counts: tuple[int, ...]
    checks: tuple[LimitCheck, ...]
    unit: str = attrs.field(default="", validator=check_text(1000, required=False))

    @property
    def total(self) -> int:
        """The number of employees."""
        return sum(self.counts)

    @property
    def counts_by_predikat(self) -> Mapping[Predikat, int]:
        """Employees per predikat."""
        return FrozenMap(zip(PREDIKAT_ORDER, self.counts, strict=True))

    @property
    def violations(self) -> tuple[LimitCheck, ...]:
        """The limits that do not hold."""
        return tuple(check for check in self.checks if not check.ok)

    @property
    def ok(self) -> bool:
        """Whether every limit holds."""
        return all(check.ok for check in self.checks)

    @property
    def steps(self) -> tuple[Step, ...]:
        """One explanation step per limit."""
        return tuple(
            Step(
                _RULE["SE3/2023-DISTRIBUTION"],
                "distribution",
                (
                    ("organisation predikat", self.organisation_predikat.label_id),
                    ("rounding", self.rounding.label_en.lower()),
                ),
                check.message(),
                check.limit.wording,
            )
            for check in self.checks
        )

    def render(self, lang: Lang = "en") -> str:
        """Readable text: the unit, the counts, then one line per limit; in ``lang``
        (``"id"``: ``predikat organisasi Baik, 11 pegawai, pembulatan ketat (D4)``, ...). The
        predikat keep their Indonesian labels in both languages."""
        name = f"{self.unit}: " if self.unit else ""
        head = name + say(
            "distribution.report.head",
            lang,
            organisation=self.organisation_predikat.label_id,
            total=figure(self.total, lang),
            rounding=_rounding(self.rounding, lang),
        )
        counts = ", ".join(
            f"{p.label_id} {figure(n, lang)}"
            for p, n in zip(PREDIKAT_ORDER, self.counts, strict=True)
        )
        lines = [head, f"  {counts}"]
        lines.extend(f"  - {check.message(lang)}" for check in self.checks)
        if not self.checks:
            lines.append("  " + say("distribution.report.empty", lang))
        verdict = (
            say("distribution.report.within", lang)
            if self.ok
            else say(
                "distribution.report.violations", lang, count=figure(len(self.violations), lang)
            )
        )
        lines.append(f"  => {verdict}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "unit": self.unit,
            "organisation_predikat": self.organisation_predikat.code,
            "rounding": self.rounding.code,
            "total": self.total,
            "counts": {p.code: n for p, n in zip(PREDIKAT_ORDER, self.counts, strict=True)},
            "ok": self.ok,
            "checks": [check.to_dict() for check in self.checks],
        }

    def __str__(self) -> str:
        return self.render()

    def _repr_html_(self) -> str:
        """A small HTML table for a notebook: the unit's counts, then one row per limit."""
        from html import escape as esc  # noqa: PLC0415 - only a notebook's HTML view needs it

        counts = ", ".join(
            f"{esc(p.label_id)} {n}" for p, n in zip(PREDIKAT_ORDER, self.counts, strict=True)
        )
        rows = "".join(
            f"<tr><td>{esc(c.limit.wording)}</td><td>{c.actual}</td><td>{esc(c.shown_percent)}"
            f"</td><td>{c.threshold}</td><td>{'ok' if c.ok else '<b>VIOLATED</b>'}</td></tr>"
            for c in self.checks
        )
        verdict = "within the distribution" if self.ok else f"{len(self.violations)} violation(s)"
        return (
            f"<p><b>{esc(self.unit or 'unit')}</b>: organisation predikat"
            f" {esc(self.organisation_predikat.label_id)}, {self.total} employees,"
            f" {esc(self.rounding.label_en.lower())} rounding (D4) &rarr; {verdict}<br>{counts}</p>"
            "<table><thead><tr><th>limit</th><th>count</th><th>share</th><th>threshold</th>"
            f"<th>state</th></tr></thead><tbody>{rows}</tbody></table>"
        )


def check_distribution(
    organisation_predikat: OrganisationPredikat | str,
    predikat_counts_or_appraisals: Mapping[Predikat | str, int]
    | Iterable[Appraisal | Predikat | str],
    rounding: Rounding | str = Rounding.STRICT,
    *,
    unit: str = "",
    limits: Mapping[OrganisationPredikat, Sequence[Limit]] = DISTRIBUTION_LIMITS,
) -> DistributionReport:
    """Check one unit's predikat against the pola distribusi of SE MenPANRB 3/2023.

    Args:
        organisation_predikat: the unit's capaian kinerja organisasi.
        predikat_counts_or_appraisals: employees per predikat (``{"baik": 7, ...}``), or the
            unit's appraisals, or their predikat.
        rounding: decision D4, strict by default.
        unit: a name for the report.
        limits: the limits table; default :data:`DISTRIBUTION_LIMITS`.

    Returns every limit with its count, share and threshold; :attr:`DistributionReport.violations`
    lists those that fail. The input is only read; nobody's predikat changes. A unit with no
    employees has nothing to check.

    Example (digest §11 example 2): organisation Baik, 8 Baik and 2 Sangat Baik → two
    violations: Baik 80 % > 70 % (7 of 10 allowed), and no Butuh Perbaikan or Kurang.
    """
    org = parse_organisation(organisation_predikat)
    mode = Rounding.parse(rounding, field="rounding")
    counts = count_predikat(predikat_counts_or_appraisals)
    table = limits_table(limits)
    total = sum(counts)
    checks: list[LimitCheck] = []
    if total:
        for indices, _is_max, num, den, ceil, fixed, limit in compile_limits(table, mode)[org]:
            count = sum(counts[i] for i in indices)
            threshold = fixed if fixed is not None else scaled(num, den, total, ceil)
            checks.append(LimitCheck(limit, total, count, threshold, mode))
    return DistributionReport(org, mode, counts, tuple(checks), unit)
