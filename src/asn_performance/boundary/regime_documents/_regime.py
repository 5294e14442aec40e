"""A regime document as domain objects: :class:`RegimeDocument` (private module of the
package; re-exported by :mod:`._document` and the package).
"""

from __future__ import annotations

from typing import Any

import attrs

from asn_performance._kit.validate import check_text, check_type, to_tuple, tuple_of
from asn_performance.boundary._json_errors import listed_twice, repath
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.exceptions import (
    AsnPerformanceError,
    InputError,
)
from asn_performance.regimes import pp_46_2011 as pp46
from asn_performance.regimes.transition_2021 import (
    INPUTS_OF,
    INTEGRATION_2021,
    PREDIKAT_TABLES,
    REGIME_DOCUMENT_IDS,
    IntegrationInputs,
    Pp30Inputs,
    RegimeEmployee,
    RegimeResult,
    check_period,
    compute_employee,
    optional_flag,
    peer_input,
)

__all__ = ["RegimeDocument"]


def _check_regime(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in REGIME_DOCUMENT_IDS:
        from asn_performance.boundary.regime_documents._models import (  # noqa: PLC0415
            unknown_regime,
        )

        raise unknown_regime(value, "regime")


@attrs.frozen(kw_only=True)
class RegimeDocument:
    """A regime document as domain objects: the regime, the period and the employees.

    Checked on construction: the regime is one of :data:`REGIME_DOCUMENT_IDS`; the period
    belongs to it (rule ``REGIME-PERIOD``: :func:`~asn_performance.regimes.registry.regime_for`
    for one regime, the calendar year 2021 for ``integration_2021``); every employee's inputs
    fit the regime; NIPs are unique; every PermenPANRB 8/2021 appraisal knows its
    ``with_peer_input``; an integration names its predikat table (:data:`PREDIKAT_TABLES`).
    """

    regime: str = attrs.field(validator=_check_regime)
    period: Period = attrs.field(validator=check_type(Period))
    employees: tuple[RegimeEmployee, ...] = attrs.field(
        converter=to_tuple, validator=tuple_of(RegimeEmployee)
    )
    title: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(500))
    )
    source: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(4000))
    )
    pp46_config: pp46.Pp46Config = attrs.field(
        default=pp46.DEFAULT_CONFIG, validator=check_type(pp46.Pp46Config)
    )
    with_peer_input: bool | None = attrs.field(default=None, validator=optional_flag)
    predikat_table: str | None = None

    def __attrs_post_init__(self) -> None:
        check_period(self.regime, self.period)
        integration = self.regime == INTEGRATION_2021
        if integration and self.predikat_table not in PREDIKAT_TABLES:
            raise InputError(
                "an integration_2021 document names the predikat table of the integrated value",
                path="predikat_table",
                value=self.predikat_table,
                rule="REGIME-2021-INTEGRATION",
                fix=f"use one of: {', '.join(repr(t) for t in PREDIKAT_TABLES)}",
            )
        if not integration and self.predikat_table is not None:
            raise InputError(
                "only an integration_2021 document has a predikat table",
                path="predikat_table",
                value=self.predikat_table,
                rule="REGIME-2021-INTEGRATION",
                fix="leave predikat_table out",
            )
        kind = INPUTS_OF[self.regime]
        seen: set[Nip] = set()
        for index, employee in enumerate(self.employees):
            here = f"employees[{index}]"
            if employee.nip in seen:
                raise listed_twice(
                    f"employee {employee.nip} is listed twice",
                    f"{here}.nip",
                    employee.nip.digits,
                    "list each employee once (two SKPs of one year go in one employee)",
                )
            seen.add(employee.nip)
            inputs = employee.inputs
            if not isinstance(inputs, kind):
                raise InputError(
                    f"the inputs of a {self.regime} document are {kind.__name__}",
                    path=f"{here}.inputs",
                    value=type(inputs).__name__,
                    rule="TYPE",
                    fix=f"pass {kind.__name__}",
                )
            second = inputs.second_half if isinstance(inputs, IntegrationInputs) else inputs
            if isinstance(second, Pp30Inputs) and peer_input(second, self.with_peer_input) is None:
                where = f"{here}.second_half" if integration else here
                raise InputError(
                    "the weights of the nilai kinerja depend on whether the instansi assesses"
                    " behaviour with peer and subordinate input (PP 30/2019 Pasal 41(3)-(4))",
                    path=f"{where}.with_peer_input",
                    value=None,
                    rule="PP30-NILAI-KINERJA",
                    fix="set with_peer_input for the document or the employee: true for 60/40,"
                    " false for 70/30",
                )

    def compute(self) -> tuple[RegimeResult, ...]:
        """One :class:`RegimeResult` per employee, in document order
        (:func:`~asn_performance.regimes.transition_2021.compute_employee`).

        Raises:
            AsnPerformanceError: an input the rule set refuses (RHK weights that do not sum
                to 100, a nilai perilaku above 120...), with the JSON path of the document
                (``$.employees[1].skp.utama``). :func:`load_regime_document` has already
                computed once, so a loaded document never raises here.
        """
        results: list[RegimeResult] = []
        for index, employee in enumerate(self.employees):
            try:
                result = compute_employee(
                    employee,
                    f"employees[{index}]",
                    regime=self.regime,
                    period=self.period,
                    pp46_config=self.pp46_config,
                    with_peer_input=self.with_peer_input,
                    predikat_table=self.predikat_table,
                )
            except AsnPerformanceError as error:
                if (error.path or "").startswith("$"):
                    raise
                raise repath(error, f"$.{error.path}") from None
            results.append(result)
        return tuple(results)
