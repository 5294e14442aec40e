"""The distribution curve (*kurva / pola distribusi*) of SE MenPANRB 3/2023, as a check.

SE MenPANRB No. 3 Tahun 2023 (31 January 2023; Pasal 24-25 PermenPANRB 6/2022, Pasal 41(7)
PP 30/2019) makes the organisation's *capaian kinerja* (Istimewa, Baik, Butuh Perbaikan,
Kurang, Sangat Kurang) limit how its employees' predikat may be distributed [S3][S4][S4b].

* :mod:`~asn_performance.consequences.distribution.limits`: the table
  :data:`DISTRIBUTION_LIMITS`, one :class:`Limit` per sentence of the SE, and the D4
  :class:`Rounding` (strict by default: a maximum of p % allows floor(p·n), a minimum needs
  ceil(p·n); lenient the other way).
* :mod:`~asn_performance.consequences.distribution.check`: :func:`check_distribution` checks
  one unit and returns a :class:`DistributionReport`; it never changes anyone's predikat.
* :mod:`~asn_performance.consequences.distribution.oversight`: :func:`oversee` checks many
  units at once and returns an :class:`OversightReport`, the units rolled up per agency
  (:class:`AgencySummary`; units without an agency under :data:`NO_AGENCY`).
"""

from typing import TYPE_CHECKING

from asn_performance._kit.lazy import lazy_exports

if TYPE_CHECKING:
    from asn_performance.consequences.distribution.check import (
        CALIBRATION_RULES,
        DistributionReport,
        LimitCheck,
        check_distribution,
    )
    from asn_performance.consequences.distribution.limits import (
        DISTRIBUTION_LIMITS,
        PREDIKAT_ORDER,
        Bound,
        Limit,
        Rounding,
    )
    from asn_performance.consequences.distribution.oversight import (
        NO_AGENCY,
        AgencySummary,
        OversightReport,
        UnitInput,
        UnitSummary,
        oversee,
    )

# The names load on first use (PEP 562, `asn_performance._kit.lazy`): the limits table alone
# does not load the check and the oversight.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "check": ("CALIBRATION_RULES", "DistributionReport", "LimitCheck", "check_distribution"),
    "limits": ("DISTRIBUTION_LIMITS", "PREDIKAT_ORDER", "Bound", "Limit", "Rounding"),
    "oversight": (
        "NO_AGENCY",
        "AgencySummary",
        "OversightReport",
        "UnitInput",
        "UnitSummary",
        "oversee",
    ),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)

__all__ = [
    "CALIBRATION_RULES",
    "DISTRIBUTION_LIMITS",
    "NO_AGENCY",
    "PREDIKAT_ORDER",
    "AgencySummary",
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
