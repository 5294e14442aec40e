"""The domain stays free of the JSON boundary: pydantic is loaded only by the boundary package
(``asn_performance.boundary``) and the command line."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "src" / "asn_performance"
# The JSON and file boundaries may use pydantic; nothing else may.
BOUNDARY = {"boundary", "cli"}
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
    blocks = [part.split("```", 1)[0] for part in readme.split("```python\n")[1:]]
    assert len(blocks) == 2  # the Indonesian section's example, then the English one
    for code, shown in zip(blocks, ("Baik\n", "predikat: Baik"), strict=True):
        result = subprocess.run(  # the README examples
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        # Di Atas hasil with Sesuai perilaku is Baik in the PermenPANRB 6/2022 matrix.
        assert shown in result.stdout


# --- the shape of the house (issue 9) ------------------------------------------------------------

MAX_LINES = 800
SOURCES = sorted(PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = ("asn_performance", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts).removesuffix(".__init__")


def _shared_on_purpose(module: str) -> bool:
    """The private modules made to be shared, whose private names others may import: the kit
    (``_kit``) and the boundary's wire toolkit (``boundary._wire``). Other private modules
    (a package's ``_common``) share public names only."""
    return module.startswith("asn_performance._kit") or module == "asn_performance.boundary._wire"


def _private_imports(text: str, here: str) -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.ImportFrom) or node.module is None:
            continue
        if not node.module.startswith("asn_performance") or node.level:
            continue
        for alias in node.names:
            name = alias.name
            private = name.startswith("_") and not name.startswith("__")
            if private and not _shared_on_purpose(node.module) and node.module != here:
                found.append(f"{here} imports {name} from {node.module}")
    return found


def test_no_module_reaches_into_another_modules_private_names() -> None:
    found = [
        line
        for path in SOURCES
        for line in _private_imports(path.read_text("utf-8"), _module_name(path))
    ]
    assert not found, "\n".join(found)


def test_the_private_name_check_catches_a_reach_and_allows_the_shared_kits() -> None:
    here = "asn_performance.process.roster"
    assert _private_imports("from asn_performance.domain.nip import _digits\n", here) == [
        f"{here} imports _digits from asn_performance.domain.nip"
    ]
    allowed = (
        "from asn_performance._kit.validate import check_type\n"
        "from asn_performance.boundary._wire import DecimalValue\n"
        "from asn_performance.domain.nip import Nip\n"
    )
    assert _private_imports(allowed, here) == []
    # A package's private _common shares public names only.
    reach = "from asn_performance.consequences._common import _helper\n"
    assert _private_imports(reach, here) == [
        f"{here} imports _helper from asn_performance.consequences._common"
    ]


def test_no_source_module_is_over_the_size_limit() -> None:
    sizes = {_module_name(p): len(p.read_text("utf-8").splitlines()) for p in SOURCES}
    over = {name: lines for name, lines in sizes.items() if lines > MAX_LINES}
    assert not over, over


def test_the_layers_contract_holds() -> None:
    """The import-linter contract in pyproject.toml: lower layers never import higher ones."""
    linter = Path(sys.executable).with_name("lint-imports")
    if not linter.exists():  # pragma: no cover - the test extra installs it
        pytest.skip("import-linter is not installed")
    result = subprocess.run(  # fixed program, no input
        [str(linter), "--config", str(PACKAGE.parents[1] / "pyproject.toml")],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE.parents[1],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _import_graph() -> dict[str, set[str]]:
    """Each module's imports of the package's modules: at the top, inside functions and under
    ``TYPE_CHECKING`` alike (a circle of type-only imports is still a circle to a reader)."""
    modules = {_module_name(path): path for path in SOURCES}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                if node.module.startswith("asn_performance"):
                    for alias in node.names:
                        inner = f"{node.module}.{alias.name}"
                        edges.add(inner if inner in modules else node.module)
            elif isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in modules)
        edges.discard(name)
        graph[name] = edges
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if other not in graph:
                continue
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_take_part_in_a_circle() -> None:
    assert _circles(_import_graph()) == []


def test_the_circle_finder_finds_a_circle_of_three_and_ignores_a_chain() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _circles(graph) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
