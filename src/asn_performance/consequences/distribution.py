"""The distribution curve (*kurva / pola distribusi*) of SE MenPANRB 3/2023, as a check.

SE MenPANRB No. 3 Tahun 2023 (31 January 2023; Pasal 24-25 PermenPANRB 6/2022, Pasal 41(7)
PP 30/2019) makes the organisation's *capaian kinerja* (Istimewa, Baik, Butuh Perbaikan,
Kurang, Sangat Kurang) limit how its employees' predikat may be distributed [S3][S4][S4b].
The limits are the table :data:`DISTRIBUTION_LIMITS`, one :class:`Limit` per sentence of the SE.

* :func:`check_distribution` checks one unit and returns a :class:`DistributionReport` that
  lists every limit with its count, percentage and the count allowed or required, and the
  violations among them. It reports; it never changes anyone's predikat and never mutates its
  input.
* :func:`oversee` checks many units at once (as a BKN regional office does for a whole region)
  and returns an :class:`OversightReport` with a summary per unit and the violations. It counts
  with plain integers and builds objects only for units and violations, so tens of thousands
  of units take well under a second (``benchmarks/calibration.py``).

Percent limits on small units need a rounding rule the SE does not give (decision D4):
:attr:`Rounding.STRICT` (default) lets a maximum of p % allow floor(p·n) employees and makes a
minimum of p % need ceil(p·n); :attr:`Rounding.LENIENT` rounds the other way.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, NamedTuple

import attrs

from asn_performance._kit.exact import CONTEXT, quantize, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled
from asn_performance._kit.validate import check_text, shown
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.rating import OrganisationPredikat, Predikat
from asn_performance.exceptions import InputError, PolicyError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "CALIBRATION_RULES",
    "DISTRIBUTION_LIMITS",
    "PREDIKAT_ORDER",
    "Bound",
    "DistributionReport",
    "Limit",
    "LimitCheck",
    "OversightReport",
    "Rounding",
    "UnitInput",
    "UnitSummary",
    "check_distribution",
    "oversee",
]

#: The order of predikat in every count tuple of this module: best first.
PREDIKAT_ORDER: Final[tuple[Predikat, ...]] = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)
_INDEX: Final[Mapping[Predikat, int]] = FrozenMap({p: i for i, p in enumerate(PREDIKAT_ORDER)})
_SB, _B, _BP, _K, _SK = PREDIKAT_ORDER

#: The rules :mod:`asn_performance.consequences.distribution` records (the SE MenPANRB 3/2023 distribution
#: check and decision D4). Source tags refer to ``docs/explanation/distribution-curve.md``.
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


class Rounding(Labelled):
    """How a percent limit becomes a number of employees on a unit of n (decision D4).

    * ``STRICT`` (default): a maximum of p % allows floor(p·n); a minimum needs ceil(p·n).
    * ``LENIENT``: a maximum of p % allows ceil(p·n); a minimum needs floor(p·n).

    On 3 employees a maximum of 70 % (2.1) allows 2 strictly, 3 leniently; a minimum of 60 %
    (1.8) needs 2 strictly, 1 leniently.
    """

    STRICT = "strict"
    LENIENT = "lenient"

    @classmethod
    def _labels(cls) -> dict[Rounding, tuple[str, str]]:
        return {cls.STRICT: ("Ketat", "Strict"), cls.LENIENT: ("Longgar", "Lenient")}


class Bound(Labelled):
    """Whether a limit is a maximum (*maksimal*) or a minimum (*minimal*)."""

    MAX = "max"
    MIN = "min"

    @classmethod
    def _labels(cls) -> dict[Bound, tuple[str, str]]:
        return {cls.MAX: ("Maksimal", "At most"), cls.MIN: ("Minimal", "At least")}


#: The most employees a count may hold: more than the whole civil service.
_MAX_COUNT: Final = 10_000_000


def _predikat_group(value: object) -> frozenset[Predikat]:
    if isinstance(value, (str, Predikat)):
        value = (value,)
    if not isinstance(value, Iterable):
        raise PolicyError(
            "must be a collection of predikat",
            path="predikat",
            value=value,
            rule="TYPE",
            fix="pass e.g. {'butuh_perbaikan', 'kurang'}",
        )
    group = frozenset(Predikat.parse(item, field="predikat") for item in value)
    if not group:
        raise PolicyError(
            "a limit needs at least one predikat",
            path="predikat",
            value=[],
            rule="POLICY-TABLE",
            fix="name the predikat the limit is about",
        )
    return group


def _bound(value: object) -> Bound:
    return Bound.parse(value, field="bound")


def _optional_percent(value: object) -> Decimal | None:
    if value is None:
        return None
    return to_decimal(value, field="percent", allow_negative=False)


@attrs.frozen
class Limit:
    """One limit of the pola distribusi: at most or at least a percentage, or a count.

    ``predikat`` is the group the limit counts together ("Kurang/Misconduct dan/atau Butuh
    Perbaikan" is one group of two). Exactly one of ``percent`` (0-100) and ``count`` is given;
    ``wording`` quotes the SE.
    """

    bound: Bound = attrs.field(converter=_bound)
    predikat: frozenset[Predikat] = attrs.field(converter=_predikat_group)
    percent: Decimal | None = attrs.field(default=None, converter=_optional_percent)
    count: int | None = attrs.field(default=None)
    wording: str = attrs.field(default="", validator=check_text(500, required=False))

    def __attrs_post_init__(self) -> None:
        if (self.percent is None) == (self.count is None):
            raise PolicyError(
                "a limit has either a percentage or a count",
                path="percent",
                value=(self.percent, self.count),
                rule="POLICY-TABLE",
                fix="give percent=70 or count=1, not both",
            )
        if self.percent is not None and self.percent > 100:
            raise PolicyError(
                "a percentage limit lies between 0 and 100",
                path="percent",
                value=str(self.percent),
                rule="POLICY-TABLE",
                fix="give a percentage from 0 to 100",
            )
        if self.count is not None and (
            isinstance(self.count, bool)
            or not isinstance(self.count, int)
            or not 0 <= self.count <= _MAX_COUNT
        ):
            raise PolicyError(
                f"a count limit is a whole number from 0 to {_MAX_COUNT:,}",
                path="count",
                value=self.count,
                rule="POLICY-TABLE",
                fix="give a count such as 0 or 1",
            )

    @property
    def group(self) -> tuple[Predikat, ...]:
        """The predikat of the group, best first."""
        return tuple(p for p in PREDIKAT_ORDER if p in self.predikat)

    @property
    def label(self) -> str:
        """The group's Indonesian labels, e.g. ``"Butuh Perbaikan dan/atau Kurang/Misconduct"``."""
        return " dan/atau ".join(p.label_id for p in self.group)

    def describe(self) -> str:
        """``"at most 70 %"``, ``"at least 1"``, ``"none"``."""
        if self.bound is Bound.MAX and self.count == 0:
            return "none"
        amount = (
            f"{self.percent.normalize(CONTEXT):f} %" if self.percent is not None else self.count
        )
        return f"{'at most' if self.bound is Bound.MAX else 'at least'} {amount}"

    def threshold(self, total: int, rounding: Rounding = Rounding.STRICT) -> int:
        """The most employees allowed (maximum) or the fewest required (minimum) out of ``total``.

        Decision D4: strict rounding floors a maximum and ceils a minimum; lenient the reverse.
        """
        if self.count is not None:
            return self.count
        num, den = _ratio(self)
        return _scaled(num, den, total, _ceil_for(self.bound, rounding))


def _ratio(limit: Limit) -> tuple[int, int]:
    """The limit's percentage as a fraction ``num/den`` of one (70 % → 7/10)."""
    assert limit.percent is not None  # noqa: S101 - only called for percent limits
    num, den = limit.percent.as_integer_ratio()
    return num, den * 100


def _ceil_for(bound: Bound, rounding: Rounding) -> bool:
    return (bound is Bound.MIN) == (rounding is Rounding.STRICT)


def _scaled(num: int, den: int, total: int, ceil: bool) -> int:
    """floor or ceil of ``num/den × total``, in integers."""
    return -((-num * total) // den) if ceil else (num * total) // den


def _limits(*limits: Limit) -> tuple[Limit, ...]:
    return limits


#: The pola distribusi of SE MenPANRB 3/2023 [S3], one tuple of limits per organisation
#: predikat, in the SE's order. "Others may be ..." sentences allow every remaining predikat
#: and add no limit. "Sebagian besar (maksimal 70 %)" is read as the maximum only.
DISTRIBUTION_LIMITS: Mapping[OrganisationPredikat, tuple[Limit, ...]] = FrozenMap(
    {
        OrganisationPredikat.ISTIMEWA: _limits(
            Limit(
                Bound.MAX, {_SB}, percent=70, wording="sebagian besar (maksimal 70 %) Sangat Baik"
            ),
        ),
        OrganisationPredikat.BAIK: _limits(
            Limit(Bound.MAX, {_B}, percent=70, wording="sebagian besar (maksimal 70 %) Baik"),
            Limit(
                Bound.MIN,
                {_BP, _K},
                count=1,
                wording="wajib ada minimal 1 pegawai Butuh Perbaikan dan/atau Kurang/Misconduct",
            ),
        ),
        OrganisationPredikat.BUTUH_PERBAIKAN: _limits(
            Limit(Bound.MIN, {_BP}, percent=60, wording="minimal 60 % Butuh Perbaikan"),
            Limit(Bound.MAX, {_SB}, percent=10, wording="Sangat Baik maksimal 10 %"),
        ),
        OrganisationPredikat.KURANG: _limits(
            Limit(Bound.MIN, {_K}, percent=60, wording="minimal 60 % Kurang/Misconduct"),
            Limit(Bound.MIN, {_BP}, percent=10, wording="minimal 10 % Butuh Perbaikan"),
            Limit(Bound.MAX, {_SB}, percent=10, wording="Sangat Baik maksimal 10 %"),
        ),
        OrganisationPredikat.SANGAT_KURANG: _limits(
            Limit(Bound.MIN, {_SK}, percent=60, wording="minimal 60 % Sangat Kurang"),
            Limit(
                Bound.MIN,
                {_K, _BP},
                percent=10,
                wording="minimal 10 % Kurang/Misconduct dan/atau Butuh Perbaikan",
            ),
            Limit(Bound.MAX, {_SB}, count=0, wording="tidak ada Sangat Baik"),
        ),
    }
)


# --------------------------------------------------------------------------------------------
# Checking one unit
# --------------------------------------------------------------------------------------------


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

    def message(self) -> str:
        """One line: the group, its count and share, and what the limit allows or requires."""
        limit = self.limit
        have = f"{limit.label}: {self.actual} of {self.total} ({self.shown_percent})"
        if limit.count is not None:
            need = (
                f"{'at most' if limit.bound is Bound.MAX else 'at least'} {limit.count}"
                if limit.describe() != "none"
                else "none allowed"
            )
        else:
            how = "floor" if not _ceil_for(limit.bound, self.rounding) else "ceil"
            verb = "allows" if limit.bound is Bound.MAX else "needs"
            need = (
                f"{limit.describe()} {verb} {self.threshold} of {self.total}"
                f" ({self.rounding.label_en.lower()} rounding: {how})"
            )
        state = "ok" if self.ok else "VIOLATED"
        return f"{have}; {need}: {state}"

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

    def render(self) -> str:
        """Readable text: the unit, the counts, then one line per limit."""
        name = f"{self.unit}: " if self.unit else ""
        head = (
            f"{name}organisation predikat {self.organisation_predikat.label_id},"
            f" {self.total} employees, {self.rounding.label_en.lower()} rounding (D4)"
        )
        counts = ", ".join(
            f"{p.label_id} {n}" for p, n in zip(PREDIKAT_ORDER, self.counts, strict=True)
        )
        lines = [head, f"  {counts}"]
        lines.extend(f"  - {check.message()}" for check in self.checks)
        if not self.checks:
            lines.append("  (no employees: nothing to check)")
        verdict = "within the distribution" if self.ok else f"{len(self.violations)} violation(s)"
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


def _count_value(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(
            "a count of employees is a whole number, not negative",
            path=field,
            value=value,
            rule="TYPE",
            fix="give a whole number such as 0 or 7",
        )
    if value > _MAX_COUNT:
        raise InputError(
            f"a count of employees is at most {_MAX_COUNT:,}",
            path=field,
            value=value,
            rule="RANGE",
            fix="check the count; no unit has this many employees",
        )
    return value


def _counts(value: object) -> tuple[int, ...]:
    """Employees per predikat from a mapping, a 5-tuple, or an iterable of predikat/appraisals."""
    if isinstance(value, Mapping):
        counts = [0] * len(PREDIKAT_ORDER)
        for key, number in value.items():
            field = f"counts[{shown(key)}]"
            predikat = Predikat.parse(key, field=field)
            counts[_INDEX[predikat]] += _count_value(number, field)
        return tuple(counts)
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(
            "must be counts per predikat, or the appraisals or predikat of the unit",
            path="counts",
            value=type(value).__name__,
            rule="TYPE",
            fix="pass {'baik': 7, 'butuh_perbaikan': 1} or a list of appraisals",
        )
    counts = [0] * len(PREDIKAT_ORDER)
    for index, item in enumerate(value):
        if isinstance(item, Appraisal):
            predikat = item.predikat
        elif isinstance(item, Predikat):
            predikat = item
        else:
            predikat = Predikat.parse(item, field=f"counts[{index}]")
        counts[_INDEX[predikat]] += 1
    return tuple(counts)


def _org(value: object) -> OrganisationPredikat:
    return OrganisationPredikat.parse(value, field="organisation_predikat")


def _table(value: object) -> FrozenMap[OrganisationPredikat, tuple[Limit, ...]]:
    if isinstance(value, FrozenMap):
        return value
    if not isinstance(value, Mapping):
        raise PolicyError(
            "limits must be a mapping of organisation predikat to limits",
            path="limits",
            value=type(value).__name__,
            rule="TYPE",
            fix="pass a table like DISTRIBUTION_LIMITS",
        )
    table = {}
    for key, limits in value.items():
        sequence = isinstance(limits, Iterable) and not isinstance(limits, (str, bytes, Mapping))
        items = tuple(limits) if sequence else None
        if items is None or not all(isinstance(limit, Limit) for limit in items):
            raise PolicyError(
                "each entry must be a sequence of Limit",
                path=f"limits[{shown(key)}]",
                value=type(limits).__name__ if items is None else items,
                rule="TYPE",
                fix="build the limits with Limit(...)",
            )
        table[_org(key)] = items
    return FrozenMap(table)


#: A limit ready for the hot path: indices, is-max, ratio, ceil?, fixed count, the limit.
_Compiled = tuple[tuple[int, ...], bool, int, int, bool, int | None, Limit]


@functools.lru_cache(maxsize=32)
def _compile(
    table: FrozenMap[OrganisationPredikat, tuple[Limit, ...]], rounding: Rounding
) -> Mapping[OrganisationPredikat, tuple[_Compiled, ...]]:
    compiled: dict[OrganisationPredikat, tuple[_Compiled, ...]] = {}
    for org in OrganisationPredikat:
        entries = []
        for limit in table.get(org, ()):
            indices = tuple(_INDEX[p] for p in limit.group)
            is_max = limit.bound is Bound.MAX
            if limit.percent is None:
                entries.append((indices, is_max, 0, 1, False, limit.count, limit))
            else:
                num, den = _ratio(limit)
                entries.append(
                    (indices, is_max, num, den, _ceil_for(limit.bound, rounding), None, limit)
                )
        compiled[org] = tuple(entries)
    return compiled


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
    org = _org(organisation_predikat)
    mode = Rounding.parse(rounding, field="rounding")
    counts = _counts(predikat_counts_or_appraisals)
    table = _table(limits)
    total = sum(counts)
    checks: list[LimitCheck] = []
    if total:
        for indices, _is_max, num, den, ceil, fixed, limit in _compile(table, mode)[org]:
            count = sum(counts[i] for i in indices)
            threshold = fixed if fixed is not None else _scaled(num, den, total, ceil)
            checks.append(LimitCheck(limit, total, count, threshold, mode))
    return DistributionReport(org, mode, counts, tuple(checks), unit)


# --------------------------------------------------------------------------------------------
# Oversight of many units
# --------------------------------------------------------------------------------------------


def _unit_counts(value: object) -> tuple[int, ...]:
    if isinstance(value, tuple) and len(value) == len(PREDIKAT_ORDER):
        for index, number in enumerate(value):
            _count_value(number, f"counts[{index}]")
        return value
    if isinstance(value, list) and len(value) == len(PREDIKAT_ORDER):
        return _unit_counts(tuple(value))
    if isinstance(value, Mapping):
        return _counts(value)
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
    organisation_predikat: OrganisationPredikat = attrs.field(converter=_org)
    counts: tuple[int, ...] = attrs.field(converter=_unit_counts)

    @classmethod
    def from_appraisals(
        cls,
        unit: str,
        organisation_predikat: OrganisationPredikat | str,
        appraisals: Iterable[Appraisal | Predikat | str],
    ) -> UnitInput:
        """A unit from its appraisals (or their predikat), counted once here."""
        return cls(unit, organisation_predikat, _counts(appraisals))


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
    compiled = _compile(_table(limits), mode)
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
    for position, item in enumerate(units):
        if not isinstance(item, UnitInput):
            raise InputError(
                "must be a UnitInput",
                path=f"units[{position}]",
                value=type(item).__name__,
                rule="TYPE",
                fix="build each unit with UnitInput(unit, organisation_predikat, counts)",
            )
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
