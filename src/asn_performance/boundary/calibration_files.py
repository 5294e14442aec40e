"""Documents for the distribution check (SE MenPANRB 3/2023): the JSON boundary of calibration.

A boundary module, like :mod:`asn_performance.boundary.appraisal_document` (whose wire
toolkit it shares); ``import asn_performance`` never loads it. The check itself is
:mod:`asn_performance.consequences.distribution` (per unit:
:func:`asn_performance.services.unit.check_unit_distribution`); this module reads the two
documents it can start from:

* an **appraisal document** (:func:`asn_performance.boundary.appraisal_document.load_document`)
  with its ``organisation_predikat``: its plans are appraised and the predikat of each period are
  checked together (:func:`check_document`);
* a **units document**, for oversight of many units at once (as a BKN regional office does)::

      {"schema_version": "1", "title": "...",
       "units": [{"unit": "Dinas Pendidikan", "organisation_predikat": "baik",
                  "counts": {"sangat_baik": 2, "baik": 7, "butuh_perbaikan": 1},
                  "agency": "Pemerintah Kota Serang"}],
       "agency_predikat": {"Pemerintah Kota Serang": "baik"}}

  (``agency`` and ``agency_predikat`` are optional: the roll-up per agency and the check of an
  agency's total against its own predikat, rule ``SE3/2023-AGENCY``)

  read by :func:`load_units_document` into a :class:`UnitsDocument`, whose
  :meth:`~UnitsDocument.oversee` returns the
  :class:`~asn_performance.consequences.distribution.OversightReport`.

:func:`load_calibration_document` reads either, telling them apart by the top-level
``units`` field. Errors name the JSON path, as everywhere at the boundary.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Final, Literal

import attrs
from pydantic import ConfigDict, Field, Strict

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import check_text
from asn_performance.boundary._wire import (
    DRAFT,
    MAX_ITEMS,
    Count,
    Title,
    UnitName,
    WireModel,
    build,
    guarded,
    labelled_schema,
    member,
    validate_model,
)
from asn_performance.boundary.appraisal_document import AppraisalDocument, document_from
from asn_performance.consequences.distribution import (
    DISTRIBUTION_LIMITS,
    PREDIKAT_ORDER,
    DistributionReport,
    Limit,
    OversightReport,
    Rounding,
    UnitInput,
    oversee,
)
from asn_performance.domain.rating import OrganisationPredikat, Predikat
from asn_performance.exceptions import InputError, SchemaError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal
from asn_performance.services.unit import check_unit_distribution

__all__ = [
    "UNITS_SCHEMA_VERSION",
    "UnitModel",
    "UnitsDocument",
    "UnitsDocumentModel",
    "check_document",
    "dump_units_document",
    "load_calibration_document",
    "load_units_document",
    "units_json_schema",
]

#: The version of the units document format this module reads and writes.
UNITS_SCHEMA_VERSION: Final = "1"


class UnitModel(WireModel):
    """One unit: its name, its organisation predikat and its employees per predikat.

    The labels are checked after validation, once per distinct spelling in the document,
    so that tens of thousands of units are read quickly.
    """

    model_config = ConfigDict(title="Unit (satuan organisasi) for the distribution check")

    unit: UnitName
    organisation_predikat: Annotated[
        str, Strict(), labelled_schema(OrganisationPredikat, "Capaian kinerja organisasi")
    ]
    counts: Annotated[dict[Annotated[str, Strict()], Count], Field(max_length=20)] = Field(
        description="Employees per predikat (keyed by the predikat's code); a predikat left"
        " out counts 0.",
        json_schema_extra={"propertyNames": {"enum": [p.code for p in Predikat]}},
    )
    agency: UnitName | None = Field(
        default=None,
        description="The agency (instansi) the unit belongs to, for the roll-up per agency.",
    )


class UnitsDocumentModel(WireModel):
    """Many units for oversight of the pola distribusi (SE MenPANRB 3/2023)."""

    model_config = ConfigDict(title="Pengawasan pola distribusi (asn_performance units document)")

    schema_version: Literal["1"] | None = Field(default=None, description='"1" if given.')
    title: Title | None = None
    units: list[UnitModel] = Field(max_length=MAX_ITEMS)
    agency_predikat: (
        Annotated[
            dict[
                UnitName,
                Annotated[
                    str,
                    Strict(),
                    labelled_schema(OrganisationPredikat, "Capaian kinerja organisasi"),
                ],
            ],
            Field(max_length=MAX_ITEMS),
        ]
        | None
    ) = Field(
        default=None,
        description="The organisation predikat of agencies named by the units: each such"
        " agency's total is checked against its pattern too (SE3/2023-AGENCY).",
    )


def _units(value: object) -> tuple[UnitInput, ...]:
    items = tuple(value) if isinstance(value, (list, tuple)) else value
    if not isinstance(items, tuple) or not all(isinstance(u, UnitInput) for u in items):
        raise InputError(
            "must be a sequence of UnitInput",
            path="units",
            value=type(value).__name__,
            rule="TYPE",
            fix="build each unit with UnitInput(unit, organisation_predikat, counts)",
        )
    return items


def _agency_predikat(value: object) -> FrozenMap[str, OrganisationPredikat]:
    if not isinstance(value, Mapping) or not all(
        isinstance(name, str) and isinstance(org, OrganisationPredikat)
        for name, org in value.items()
    ):
        raise InputError(
            "must map an agency's name to its OrganisationPredikat",
            path="agency_predikat",
            value=type(value).__name__,
            rule="TYPE",
            fix="pass e.g. {'Pemerintah Kota Serang': OrganisationPredikat.BAIK}",
        )
    return FrozenMap(value)


@attrs.frozen
class UnitsDocument:
    """A units document as domain objects: the units (in document order), a title, and the
    organisation predikat of the agencies whose totals are checked too (``SE3/2023-AGENCY``)."""

    units: tuple[UnitInput, ...] = attrs.field(converter=_units)
    title: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(500))
    )
    agency_predikat: FrozenMap[str, OrganisationPredikat] = attrs.field(
        factory=FrozenMap, converter=_agency_predikat, kw_only=True
    )

    def oversee(
        self,
        rounding: Rounding | str = Rounding.STRICT,
        *,
        limits: Mapping[OrganisationPredikat, tuple[Limit, ...]] = DISTRIBUTION_LIMITS,
    ) -> OversightReport:
        """:func:`asn_performance.consequences.distribution.oversee` over the document's units
        (with its ``agency_predikat``, if any)."""
        return oversee(
            self.units,
            rounding=rounding,
            limits=limits,
            agency_predikat=self.agency_predikat or None,
        )


_ORDER: Final = {predikat: index for index, predikat in enumerate(PREDIKAT_ORDER)}


def _units_document(data: dict[str, Any]) -> UnitsDocument:
    model = validate_model(UnitsDocumentModel, data)
    organisations: dict[str, OrganisationPredikat] = {}
    spellings: dict[str, Predikat] = {}
    units: list[UnitInput] = []
    for index, item in enumerate(model.units):
        path = f"$.units[{index}]"
        organisation = organisations.get(item.organisation_predikat)
        if organisation is None:
            organisation = build(
                f"{path}.organisation_predikat",
                OrganisationPredikat.parse,
                item.organisation_predikat,
            )
            organisations[item.organisation_predikat] = organisation
        counts = [0] * len(PREDIKAT_ORDER)
        seen: dict[Predikat, str] = {}
        for key, number in item.counts.items():
            predikat = spellings.get(key)
            if predikat is None:
                predikat = build(f"{path}.counts{member(key)}", Predikat.parse, key)
                spellings[key] = predikat
            if predikat in seen:
                raise SchemaError(
                    f"{seen[predikat]!r} and {key!r} both name {predikat.code!r}",
                    path=f"{path}.counts",
                    value=key,
                    rule="SCHEMA-duplicate_key",
                    fix="keep one of the two entries",
                )
            seen[predikat] = key
            counts[_ORDER[predikat]] = number
        units.append(
            build(path, UnitInput, item.unit, organisation, tuple(counts), agency=item.agency)
        )
    agencies: dict[str, OrganisationPredikat] = {}
    named = {unit.agency for unit in units if unit.agency is not None}
    for name, text in (model.agency_predikat or {}).items():
        path = f"$.agency_predikat{member(name)}"
        if name not in named:
            raise InputError(
                "names no agency of the units",
                path=path,
                value=name,
                rule="SE3/2023-AGENCY",
                fix="give the agency's name exactly as a unit's \"agency\" gives it, or add"
                " the units of that agency",
            )
        agencies[name] = build(path, OrganisationPredikat.parse, text)
    return UnitsDocument(tuple(units), model.title, agency_predikat=agencies)


def load_units_document(source: str | bytes | Mapping[str, Any]) -> UnitsDocument:
    """Read a units document (JSON text, UTF-8 bytes or a parsed mapping).

    Raises:
        SchemaError: malformed JSON, a missing, unknown or mistyped field, a negative count
            (``path`` is the JSON path, e.g. ``$.units[3].counts.baik``).
        LabelError: an unknown predikat or organisation predikat, at its path.
    """
    return guarded(_units_document, source)


def load_calibration_document(
    source: str | bytes | Mapping[str, Any],
) -> AppraisalDocument | UnitsDocument:
    """Read either document the distribution check starts from.

    A JSON object with a top-level ``units`` field is a units document
    (:func:`load_units_document`); any other is an appraisal document
    (:func:`~asn_performance.boundary.appraisal_document.load_document`). The text is parsed once.
    """
    return guarded(_either, source)


def _either(data: dict[str, Any]) -> AppraisalDocument | UnitsDocument:
    return _units_document(data) if "units" in data else document_from(data)


def dump_units_document(document: UnitsDocument) -> dict[str, Any]:
    """Write a :class:`UnitsDocument` (every predikat's count written, zeros included)."""
    _require_units(document)
    data: dict[str, Any] = {
        "schema_version": UNITS_SCHEMA_VERSION,
        "title": document.title,
        "units": [
            {
                "unit": unit.unit,
                "organisation_predikat": unit.organisation_predikat.code,
                "counts": {p.code: n for p, n in zip(PREDIKAT_ORDER, unit.counts, strict=True)},
                **({} if unit.agency is None else {"agency": unit.agency}),
            }
            for unit in document.units
        ],
    }
    if document.agency_predikat:
        data["agency_predikat"] = {name: org.code for name, org in document.agency_predikat.items()}
    return data


def _require_units(document: object) -> None:
    if not isinstance(document, UnitsDocument):
        raise InputError(
            f"needs a UnitsDocument, not {type(document).__name__}",
            path="$",
            value=type(document).__name__,
            rule="TYPE",
            fix="pass the result of load_units_document()",
        )


def check_document(
    document: AppraisalDocument,
    rounding: Rounding | str = Rounding.STRICT,
    *,
    appraisals: tuple[Appraisal, ...] | None = None,
) -> tuple[DistributionReport, ...]:
    """Appraise ``document`` and check its predikat against its organisation predikat.

    One :class:`~asn_performance.consequences.distribution.DistributionReport` per period
    appraised (a document usually has one; predikat of different periods are never counted
    together), in the order the periods first appear. ``appraisals`` defaults to
    :meth:`~asn_performance.boundary.appraisal_document.AppraisalDocument.appraise_all`.

    Raises:
        InputError: the document has no ``organisation_predikat`` (rule
            ``SE3/2023-DISTRIBUTION``, path ``$.organisation_predikat``).
    """
    if not isinstance(document, AppraisalDocument):
        raise InputError(
            f"needs an AppraisalDocument, not {type(document).__name__}",
            path="$",
            value=type(document).__name__,
            rule="TYPE",
            fix="pass the result of load_document()",
        )
    if document.organisation_predikat is None:
        raise InputError(
            "the distribution check needs the organisation's predikat (capaian kinerja organisasi)",
            path="$.organisation_predikat",
            value=None,
            rule="SE3/2023-DISTRIBUTION",
            fix='add e.g. "organisation_predikat": "baik" (or istimewa, butuh_perbaikan,'
            " kurang, sangat_kurang)",
        )
    items = document.appraise_all() if appraisals is None else appraisals
    return check_unit_distribution(
        document.organisation_predikat, items, rounding, name=document.title or "document"
    )


def units_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the units document."""
    return {"$schema": DRAFT, **UnitsDocumentModel.model_json_schema()}
