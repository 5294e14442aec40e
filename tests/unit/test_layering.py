"""The domain stays free of the JSON boundary: pydantic is loaded only by the boundary package
(``asn_performance.boundary``) and the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "src" / "asn_performance"
# The JSON and file boundaries may use pydantic; nothing else may.
BOUNDARY = {"boundary", "cli.py"}
DOMAIN = sorted(
    ".".join(("asn_performance", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
        ".__init__"
    )
    for p in PACKAGE.rglob("*.py")
    if not BOUNDARY & {*p.relative_to(PACKAGE).parts}
)


def test_the_domain_module_list_is_not_empty() -> None:
    assert "asn_performance.regimes.permenpanrb_6_2022.appraisal" in DOMAIN
    assert "asn_performance.regimes.permenpanrb_6_2022.matrix" in DOMAIN


@pytest.mark.parametrize("module", DOMAIN)
def test_domain_module_imports_with_pydantic_blocked(module: str) -> None:
    code = (
        "import sys; sys.modules['pydantic'] = None; "
        f"import {module}; "
        "assert 'pydantic_core' not in sys.modules"
    )
    result = subprocess.run(  # fixed interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_readme_example_runs_and_gives_the_predikat_worked_by_hand() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    result = subprocess.run(  # the README example
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    # Di Atas hasil with Sesuai perilaku is Baik in the PermenPANRB 6/2022 matrix.
    assert "predikat: Baik" in result.stdout
