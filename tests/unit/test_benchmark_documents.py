"""The documents the benchmarks build are documents the library accepts.

Reproduces: ``benchmarks/scale.py`` stopped with ``PLAN-PEJABAT-PENILAI`` once a plan's
pejabat penilai had to be the employee's direct superior; its indicators document named an
employee whose recorded superior was the head, not the plan's pejabat penilai. Small sizes
here; the benchmark builds the large ones the same way.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from asn_performance.boundary.appraisal_document import load_document

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("axis", "n", "plans"), [("employees", 20, 20), ("indicators", 30, 1)])
def test_the_scale_documents_load_and_appraise(axis: str, n: int, plans: int) -> None:
    scale = _module("scale")
    build = scale.employees_document if axis == "employees" else scale.indicators_document
    document = load_document(build(n))
    appraisals = document.appraise_all()
    assert len(appraisals) == plans
    if axis == "indicators":
        assert len(document.plans[0].indicator_ids) == n
