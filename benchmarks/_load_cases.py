"""The JSON boundary's cases of ``benchmarks/appraise.py`` (issue 12).

* ``load_document`` per employee on a unit document of N employees (``scale.py``'s document:
  each employee a plan of 2 RHK x 2 IKI, self + pejabat penilai + 3 peers) against
  ``json.loads`` followed by a *flat* pydantic model of the same fields: plain ``str``,
  ``Decimal``, ``date`` and lists, no custom validator, no domain object. The flat model reads
  every field the library reads, so the comparison is of the work the library adds (NIP
  checks, labels, the domain objects and their invariants, the references between them).
* the command line ``asn-performance appraise FILE`` on 1,000 employees against ``python -c
  "json.load(open(FILE))"``: both as a fresh process, so both pay the interpreter's start.
* ``import asn_performance`` against ``import attrs, dateutil`` in a fresh interpreter.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from asn_performance.boundary.appraisal_document import load_document
from scale import employees_document

_STRICT = ConfigDict(extra="forbid", frozen=True)


class FlatPosition(BaseModel):
    model_config = _STRICT
    kind: str
    title: str
    jenjang: str | None


class FlatEmployee(BaseModel):
    model_config = _STRICT
    nip: str
    name: str
    position: FlatPosition
    unit: str
    superior_nip: str | None


class FlatTarget(BaseModel):
    model_config = _STRICT
    lower: Decimal
    upper: Decimal | None
    unit: str


class FlatIndicator(BaseModel):
    model_config = _STRICT
    id: str
    text: str
    aspect: str
    direction: str
    target: FlatTarget


class FlatWorkResult(BaseModel):
    model_config = _STRICT
    id: str
    text: str
    kind: str
    indicators: list[FlatIndicator]


class FlatPlan(BaseModel):
    model_config = _STRICT
    id: str
    employee_nip: str
    pejabat_penilai_nip: str
    atasan_pejabat_penilai_nip: str | None
    period: str
    approach: str
    work_results: list[FlatWorkResult]


class FlatRealisation(BaseModel):
    model_config = _STRICT
    indicator_id: str
    value: Decimal
    evidence: list[str]
    feedback: str | None


class FlatAssessment(BaseModel):
    model_config = _STRICT
    plan_id: str
    role: str
    assessor_nip: str
    given_on: dt.date
    period: str
    hasil_kerja: str
    perilaku_kerja: str
    work_result_ratings: dict[str, str]
    realisations: list[FlatRealisation]


class FlatPolicy(BaseModel):
    model_config = _STRICT
    kind: str
    weights: dict[str, Decimal]


class FlatDocument(BaseModel):
    model_config = _STRICT
    schema_version: str
    title: str
    policy: FlatPolicy
    organisation_predikat: str | None
    employees: list[FlatEmployee]
    plans: list[FlatPlan]
    assessments: list[FlatAssessment]


def document_text(n: int) -> str:
    """The unit document of ``n`` employees as JSON text."""
    return json.dumps(employees_document(n))


def load_library(text: str) -> object:
    return load_document(text)


def load_flat(text: str) -> object:
    return FlatDocument.model_validate(json.loads(text))


def check_flat_reads_everything(text: str) -> None:
    """The flat model accepts the document (every field named: ``extra="forbid"``)."""
    flat = FlatDocument.model_validate(json.loads(text))
    document = load_document(text)
    if len(flat.plans) != len(document.plans):
        raise AssertionError("the flat model and the library read different plans")


def fresh_env() -> dict[str, str]:
    """The environment of the fresh processes timed here: this one's, less
    ``PYTHONDONTWRITEBYTECODE``. With it set, a module edited since its ``.pyc`` was written
    is compiled from source on every start (about 6 ms for ``weighting.py``), which no
    installed copy pays (pip writes the ``.pyc`` files); :func:`warm_bytecode` writes them
    once before any timing."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


#: Imports every module the timed processes load (the command line imports the boundary).
_WARM = (
    "import asn_performance.cli, asn_performance.boundary.appraisal_document;"
    " from asn_performance import appraise, PerformancePlan, Assessment"
)


def warm_bytecode() -> None:
    """Write the ``.pyc`` of every module the timed processes import (one fresh interpreter,
    not timed): each timed start then reads them, as an installed copy does."""
    subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
        [sys.executable, "-c", _WARM], env=fresh_env(), check=True, capture_output=True
    )


#: What the installed ``asn-performance`` script runs (``asn_performance.cli:run``), run by
#: this interpreter: the command line of the source tree this process imports (the one
#: ``PYTHONPATH`` names, inherited), not only of the installed copy. Equivalent to the script:
#: the same interpreter, imports and call; only ``sys.argv[0]`` differs (``-c``).
_CLI = "import re, sys; from asn_performance.cli import run; sys.exit(run())"


def _command() -> list[str]:
    return [sys.executable, "-c", _CLI]


def cli_seconds(path: Path) -> float:
    """Wall seconds of ``asn-performance appraise PATH`` (a fresh process, :data:`_CLI`)."""
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own command on our own file
        [*_command(), "appraise", str(path)], capture_output=True, check=False, env=fresh_env()
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"asn-performance appraise failed: {done.stderr.decode()[:300]}")
    return elapsed


def json_load_seconds(path: Path) -> float:
    """Wall seconds of a fresh interpreter that ``json.load``s PATH."""
    start = time.perf_counter()
    subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
        [sys.executable, "-c", f"import json; json.load(open({str(path)!r}, 'rb'))"],
        check=True,
        env=fresh_env(),
    )
    return time.perf_counter() - start


def import_seconds(statement: str) -> float:
    """Seconds to run ``statement`` (an import) in a fresh interpreter, measured inside it."""
    code = f"import time; t=time.perf_counter(); {statement}; print(time.perf_counter()-t)"
    done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=fresh_env()
    )
    return float(done.stdout)


def per_employee_cases(ns: tuple[int, ...]) -> dict[str, tuple[Any, str, int]]:
    """The load cases: name -> (function, its input text, employees)."""
    cases: dict[str, tuple[Any, str, int]] = {}
    for n in ns:
        text = document_text(n)
        check_flat_reads_everything(text)
        cases[f"load_document, N={n:,}"] = (load_library, text, n)
        cases[f"json.loads + flat pydantic, N={n:,}"] = (load_flat, text, n)
    return cases
