"""Fixes worded for the JSON side.

The domain's errors tell a Python caller what to pass (``pass organisation_predikat=
OrganisationPredikat.<...>``). Someone who wrote a JSON document, or reads the command line's
errors, needs the JSON field and its allowed values instead. :data:`JSON_FIXES` holds that
wording for every rule whose domain fix speaks Python and that a JSON document can break;
:func:`in_json_terms` puts it in place of the Python one for each problem of an error that
sits at a JSON path (``$...``); a Python fix of a rule not in the table gives way to
:data:`FALLBACK`, which points at the field's schema. Paths, values, rules and messages stay
as they were.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.exceptions import AsnPerformanceError, Problem

__all__ = ["FALLBACK", "JSON_FIXES", "in_json_terms", "speaks_python"]

_ORGANISATION = '"istimewa", "baik", "butuh_perbaikan", "kurang" or "sangat_kurang"'

#: For each rule a JSON document can break whose domain fix names Python: the fix in the
#: document's terms (the JSON field, its allowed values, ``null`` for Python's ``None``).
JSON_FIXES: Final[Mapping[str, str]] = FrozenMap(
    {
        "D3-UNIT-HEAD": f'add "organisation_predikat": one of {_ORGANISATION} (the capaian'
        " kinerja organisasi set by the leader above; a unit head's hasil kerja follows it)",
        "PLAN-UTAMA": 'give at least one work result "kind": "utama"',
        "POSITION-JENJANG": 'give "jenjang" for a jabatan fungsional, e.g. "ahli_muda"'
        " (ahli_pertama, ahli_muda, ahli_madya, ahli_utama, pemula, terampil, mahir,"
        " penyelia)",
        "EMPLOYEE-SUPERIOR": 'give "superior_nip" as the 18-digit NIP of the direct superior,'
        " or null for the head of the instansi",
        "ROSTER-MISSING-SUPERIOR": "add the superior to the roster's employees, correct"
        ' "superior_nip", or give null for the head of the instansi',
        "ROSTER-CYCLE": 'correct the "superior_nip" of one of them; the head of the instansi'
        ' has "superior_nip": null',
        "G-ANONYMITY": 'give "guards": {"min_anonymous_responses": 3} (3 or more), or leave'
        " guards out",
        "W-POLICY": 'give "policy": {"kind": "supervisor_decides"}, or "weighted_sources"'
        ' with "weights", or "per_dimension"',
        "D5-EXACT": 'write the number as a string of ASCII digits, e.g. "12.5" (a JSON or'
        " TOML string keeps every digit)",
        "SCHEDULE-CADENCE": 'give "cadence" as "bulanan", "triwulanan" or "semesteran" (or'
        " leave it out)",
        "PP46-PERILAKU": 'give "kepemimpinan" only for a structural position ("structural":'
        " true), and always for one",
    }
)

#: The fix of a problem at a JSON path whose rule has no wording in :data:`JSON_FIXES` and
#: whose domain fix speaks Python: better no Python than a call the reader cannot make.
FALLBACK: Final = (
    "give the field a value of the form its JSON Schema describes (asn-performance schema"
    " NAME prints it)"
)

#: What a Python fix looks like: a call, a keyword argument, an enum member, ``None``.
_PYTHON: Final = re.compile(
    r"\w\(|\w=\w|\b[A-Z]\w*\.[A-Z][A-Z_]*\b|\.<\.\.\.>|\bNone\b|\bTrue\b|\bFalse\b"
)


def speaks_python(fix: str | None) -> bool:
    """Whether ``fix`` reads as Python (a call, a keyword argument, an enum member, ``None``),
    not as something a JSON document's author can do."""
    return fix is not None and _PYTHON.search(fix) is not None


def _at_json_path(problem: Problem) -> bool:
    """Whether the problem sits at a JSON path (``$...``, or ``FILE:$...`` when a command
    reads several files)."""
    path = problem.path
    return path is not None and (path.startswith("$") or ":$" in path)


def _json_fix(problem: Problem) -> str | None:
    if not _at_json_path(problem):
        return problem.fix
    if not speaks_python(problem.fix):
        return problem.fix
    return JSON_FIXES.get(problem.rule or "", FALLBACK)


def in_json_terms(error: AsnPerformanceError) -> AsnPerformanceError:
    """``error`` with each problem at a JSON path given the fix of :data:`JSON_FIXES` in
    place of a Python one (the same error when nothing changes)."""
    if not any(_at_json_path(p) and speaks_python(p.fix) for p in error.problems):
        return error
    return error.with_fixes(_json_fix)
