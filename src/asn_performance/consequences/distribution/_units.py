"""Counting a unit and preparing the limits (private to this package).

Shared by :mod:`~asn_performance.consequences.distribution.check` (one unit) and
:mod:`~asn_performance.consequences.distribution.oversight` (many units): the counts per
predikat in :data:`~asn_performance.consequences.distribution.limits.PREDIKAT_ORDER`, the
checked limits table of SE MenPANRB 3/2023 and its compiled form for the hot path (D4 rounding
resolved once per table).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Final

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import shown
from asn_performance.consequences.distribution._arithmetic import MAX_COUNT, fraction, rounds_up
from asn_performance.consequences.distribution.limits import (
    DISTRIBUTION_LIMITS,
    PREDIKAT_ORDER,
    Bound,
    Limit,
    Rounding,
)
from asn_performance.domain.rating import OrganisationPredikat, Predikat
from asn_performance.exceptions import DuplicateError, InputError, PolicyError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "INDEX",
    "Compiled",
    "compile_limits",
    "count_predikat",
    "count_value",
    "limits_table",
    "parse_organisation",
]

#: The position of each predikat in a count tuple.
INDEX: Final[Mapping[Predikat, int]] = FrozenMap({p: i for i, p in enumerate(PREDIKAT_ORDER)})


def count_value(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(
            "a count of employees is a whole number, not negative",
            path=field,
            value=value,
            rule="TYPE",
            fix="give a whole number such as 0 or 7",
        )
    if value > MAX_COUNT:
        raise InputError(
            f"a count of employees is at most {MAX_COUNT:,}",
            path=field,
            value=value,
            rule="RANGE",
            fix="check the count; no unit has this many employees",
        )
    return value


def count_predikat(value: object) -> tuple[int, ...]:
    """Employees per predikat from a mapping, a 5-tuple, or an iterable of predikat/appraisals."""
    if isinstance(value, Mapping):
        counts = [0] * len(PREDIKAT_ORDER)
        for key, number in value.items():
            if type(key) is Predikat and type(number) is int and 0 <= number <= MAX_COUNT:
                counts[INDEX[key]] += number  # already a predikat and a valid count
                continue
            field = f"counts[{shown(key)}]"
            predikat = Predikat.parse(key, field=field)
            counts[INDEX[predikat]] += count_value(number, field)
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
    appraised: dict[tuple[object, object], tuple[int, str]] = {}
    for index, item in enumerate(value):
        if isinstance(item, Appraisal):
            nip = item.plan.employee.nip
            first, first_plan = appraised.setdefault((nip, item.period), (index, item.plan.id))
            if first != index:
                raise DuplicateError(
                    f"employee {nip} is appraised twice for period {item.period.code} (plans"
                    f" {first_plan!r} and {item.plan.id!r}); each employee counts once",
                    path=f"counts[{index}]",
                    value=nip.digits,
                    rule="SE3/2023-ONE-EACH",
                    fix="keep one appraisal per employee and period (one plan each)",
                )
            predikat = item.predikat
        elif isinstance(item, Predikat):
            predikat = item
        else:
            predikat = Predikat.parse(item, field=f"counts[{index}]")
        counts[INDEX[predikat]] += 1
    return tuple(counts)


def parse_organisation(value: object) -> OrganisationPredikat:
    return OrganisationPredikat.parse(value, field="organisation_predikat")


def limits_table(value: object) -> FrozenMap[OrganisationPredikat, tuple[Limit, ...]]:
    """The limits table checked and normalised; every mapping, a FrozenMap too, is checked,
    but for the library's own :data:`DISTRIBUTION_LIMITS` (immutable, and checked by its
    tests)."""
    if value is DISTRIBUTION_LIMITS and isinstance(value, FrozenMap):
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
        table[parse_organisation(key)] = items
    if (
        isinstance(value, FrozenMap)
        and all(type(key) is OrganisationPredikat for key in value)
        and all(type(limits) is tuple for limits in value.values())
    ):
        return value  # already normal: keep it, so compile_limits' cache keeps hitting
    return FrozenMap(table)


#: A limit ready for the hot path: indices, is-max, ratio, ceil?, fixed count, the limit.
Compiled = tuple[tuple[int, ...], bool, int, int, bool, int | None, Limit]


@functools.lru_cache(maxsize=32)
def compile_limits(
    table: FrozenMap[OrganisationPredikat, tuple[Limit, ...]], rounding: Rounding
) -> Mapping[OrganisationPredikat, tuple[Compiled, ...]]:
    compiled: dict[OrganisationPredikat, tuple[Compiled, ...]] = {}
    for org in OrganisationPredikat:
        entries = []
        for limit in table.get(org, ()):
            indices = tuple(INDEX[p] for p in limit.group)
            is_max = limit.bound is Bound.MAX
            if limit.percent is None:
                entries.append((indices, is_max, 0, 1, False, limit.count, limit))
            else:
                num, den = fraction(limit.percent)
                entries.append(
                    (
                        indices,
                        is_max,
                        num,
                        den,
                        rounds_up(limit.bound is Bound.MIN, rounding is Rounding.STRICT),
                        None,
                        limit,
                    )
                )
        compiled[org] = tuple(entries)
    return compiled
