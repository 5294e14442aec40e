"""The career fields of an employee as JSON (private module; issue 13 item 4).

The wire types of the optional career data of :class:`~asn_performance.domain.employee.Employee`
(``golongan``, ``golongan_pppk``, ``tmt_pangkat``, ``tmt_jabatan``, ``tmt_cpns``), with their
JSON Schema descriptions in Indonesian and English, and :func:`employee_at`, which builds an
employee under a JSON path and places every one of its problems there (the domain reports all
the problems of the career fields in one error). ``EmployeeModel`` and ``employee_from`` in
:mod:`asn_performance.boundary.part_documents` use them; see ``docs/reference/json.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from pydantic import Field, WithJsonSchema

from asn_performance.boundary._wire import CODE, DateValue, read_label
from asn_performance.domain.rank import Golongan, GolonganPppk
from asn_performance.exceptions import AsnPerformanceError

__all__ = [
    "CAREER_FIELD_NAMES",
    "GolonganPppkValue",
    "GolonganValue",
    "TmtValue",
    "career_values",
    "employee_at",
    "golongan_field",
    "golongan_pppk_field",
    "tmt_field",
]

T = TypeVar("T")

#: The career fields of the employee object, in the order the domain lists their problems.
CAREER_FIELD_NAMES: tuple[str, ...] = (
    "golongan",
    "golongan_pppk",
    "tmt_pangkat",
    "tmt_jabatan",
    "tmt_cpns",
)

GolonganValue = Annotated[
    Golongan,
    read_label(Golongan),
    CODE,
    WithJsonSchema(
        {
            "type": "string",
            "enum": [member.code for member in Golongan],
            "description": "Golongan ruang PNS (pangkat), I/a-IV/e (PP 99/2000 Lampiran, as"
            " amended by PP 12/2002) / PNS rank. Written as the code ('III/a'); on input 'III"
            " a', 'IIIa', '3a', the pangkat ('Penata Muda') and the other spellings in"
            " docs/reference/labels.md are also accepted. Only for a NIP PNS.",
        }
    ),
]
GolonganPppkValue = Annotated[
    GolonganPppk,
    read_label(GolonganPppk),
    CODE,
    WithJsonSchema(
        {
            "type": "string",
            "enum": [member.code for member in GolonganPppk],
            "description": "Golongan PPPK I-XVII (Perpres 98/2020; UNCONFIRMED) / PPPK grade."
            " Written as the roman numeral ('IX'); on input 'Golongan IX', 'Gol. IX',"
            " 'Golongan 9' and '9' are also accepted. Only for a NI PPPK.",
        }
    ),
]
TmtValue = Annotated[dt.date, DateValue]


def _is_none(value: object) -> bool:
    """A career field left out of the model's dump when not given, as ``Employee.to_dict``
    leaves it out (so a record without career data is written as it always was)."""
    return value is None


def golongan_field() -> Any:
    """The ``golongan`` field of the employee object."""
    return Field(
        default=None,
        exclude_if=_is_none,
        description="Golongan ruang PNS saat ini / the PNS's current golongan ruang (pangkat).",
    )


def golongan_pppk_field() -> Any:
    """The ``golongan_pppk`` field of the employee object."""
    return Field(
        default=None,
        exclude_if=_is_none,
        description="Golongan PPPK saat ini / the PPPK's current grade (UNCONFIRMED list).",
    )


_TMT_HELP = {
    "tmt_pangkat": "TMT pangkat terakhir / since when the current pangkat is held (PNS only).",
    "tmt_jabatan": "TMT jabatan terakhir / since when the current position is held.",
    "tmt_cpns": "TMT CPNS / appointment as CPNS (PNS only): the 1st of the month that digits"
    " 9-14 of the NIP give.",
}


def tmt_field(name: str) -> Any:
    """The TMT field ``name`` of the employee object (ISO date ``YYYY-MM-DD``)."""
    return Field(default=None, exclude_if=_is_none, description=_TMT_HELP[name])


def career_values(model: Any) -> dict[str, Any]:
    """The career fields of a validated ``EmployeeModel``, as keyword arguments of
    :class:`~asn_performance.domain.employee.Employee`."""
    return {name: getattr(model, name) for name in CAREER_FIELD_NAMES}


def employee_at(path: str, factory: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Call ``factory`` (an employee's constructor); an error of the library comes out under
    the JSON path ``path``, each of its further problems too (``$.employees[0].tmt_cpns``):
    :meth:`~asn_performance.exceptions.AsnPerformanceError.at` places every problem."""
    try:
        return factory(*args, **kwargs)
    except AsnPerformanceError as error:
        raise error.at(path) from None
