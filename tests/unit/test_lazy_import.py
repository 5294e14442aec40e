"""The packages that load their public names on first use (PEP 562, ``_kit.lazy``), issue 12.

Each lazy package keeps three lists of the same names: ``__all__``, the imports under ``if
TYPE_CHECKING:`` (what mypy and IDEs see) and the ``_EXPORTS`` table that the module
``__getattr__`` reads at run time. These tests hold the three together, check that every name
resolves to the very object its module defines, that ``dir()`` lists them, that an unknown name
fails as usual, and, in fresh interpreters, that an import loads only what it needs.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys
from types import ModuleType

import pytest

from asn_performance._kit.lazy import lazy_exports

LAZY_PACKAGES = (
    "asn_performance",
    "asn_performance.consequences",
    "asn_performance.consequences.distribution",
    "asn_performance.process.lifecycle",
)

#: Names a lazy package binds eagerly, and why: the name is also one of its modules.
EAGER = {"asn_performance.consequences": {"angka_kredit"}}


def _package(name: str) -> ModuleType:
    return importlib.import_module(name)


def _table(package: ModuleType) -> dict[str, str]:
    """name -> absolute module, from the package's ``_EXPORTS``."""
    exports: dict[str, tuple[str, ...]] = vars(package)["_EXPORTS"]
    return {n: f"{package.__name__}.{m}" for m, names in exports.items() for n in names}


def _type_checking_imports(package: ModuleType) -> dict[str, str]:
    """name -> module, from the ``from M import ...`` lines under ``if TYPE_CHECKING:``."""
    tree = ast.parse(inspect.getsource(package))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for item in node.body:
                assert isinstance(item, ast.ImportFrom), ast.unparse(item)
                assert item.module is not None
                found.update({alias.name: item.module for alias in item.names})
    return found


def _public(package: ModuleType) -> set[str]:
    return set(package.__all__) - {"__version__"}


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_the_table_the_type_checking_imports_and_all_name_the_same_things(name: str) -> None:
    package = _package(name)
    table = _table(package)
    eager = EAGER.get(name, set())
    assert set(table) | eager == _public(package)
    assert not set(table) & eager
    # mypy sees each lazy name imported from the module the table loads it from.
    seen = _type_checking_imports(package)
    assert set(seen) == set(table)
    for export, module in table.items():
        assert seen[export] == module, export


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_every_public_name_resolves_to_the_object_its_module_defines(name: str) -> None:
    package = _package(name)
    table = _table(package)
    for export in package.__all__:
        value = getattr(package, export)
        if export in table:
            assert value is getattr(importlib.import_module(table[export]), export)
    # and through ``from package import name``, which asks the same hook
    namespace: dict[str, object] = {}
    exec(f"from {name} import *", namespace)  # noqa: S102 - a fixed import statement
    assert set(package.__all__) <= set(namespace)


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_dir_lists_every_public_name(name: str) -> None:
    package = _package(name)
    assert set(package.__all__) <= set(dir(package))
    assert dir(package) == sorted(dir(package))


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_an_unknown_name_raises_the_usual_attribute_error(name: str) -> None:
    package = _package(name)
    with pytest.raises(AttributeError, match=rf"^module '{name}' has no attribute 'nope'$"):
        package.nope  # noqa: B018 - the look-up is the test
    assert not hasattr(package, "nope")
    with pytest.raises(ImportError, match="cannot import name 'nope'"):
        exec(f"from {name} import nope", {})  # noqa: S102 - a fixed import statement


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_no_lazy_name_is_also_a_module_of_its_package(name: str) -> None:
    # Importing a submodule sets the package's attribute of that name to the module, which
    # would shadow a lazy name spelled the same; such a name must be bound eagerly (EAGER).
    package = _package(name)
    modules = {info.name for info in pkgutil.iter_modules(package.__path__)}
    assert not set(_table(package)) & modules
    for eager in EAGER.get(name, set()):
        assert eager in modules


def test_the_function_angka_kredit_is_not_shadowed_by_its_module() -> None:
    from asn_performance import consequences

    module = importlib.import_module("asn_performance.consequences.angka_kredit")

    assert consequences.angka_kredit is module.angka_kredit
    assert callable(consequences.angka_kredit)
    assert not isinstance(consequences.angka_kredit, ModuleType)


def test_a_submodule_still_imports_through_the_package() -> None:
    from asn_performance import domain, weighting

    assert domain.__name__ == "asn_performance.domain"
    assert weighting.__name__ == "asn_performance.weighting"


def test_lazy_exports_keeps_a_loaded_name_in_the_namespace() -> None:
    namespace: dict[str, object] = {"__name__": "asn_performance"}
    getattr_, dir_ = lazy_exports(namespace, {"domain.rating": ("Rating", "Predikat")})
    assert dir_() == ["Predikat", "Rating", "__name__"]
    from asn_performance.domain.rating import Rating

    assert getattr_("Rating") is Rating
    assert namespace["Rating"] is Rating
    assert "Predikat" not in namespace
    with pytest.raises(AttributeError, match=r"^module 'asn_performance' has no attribute 'X'$"):
        getattr_("X")


def _modules_after(statement: str) -> set[str]:
    """The modules loaded by ``statement`` in a fresh interpreter."""
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run(  # our own interpreter and a fixed snippet
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_import_asn_performance_loads_none_of_its_modules() -> None:
    loaded = _modules_after("import asn_performance")
    ours = {m for m in loaded if m.startswith("asn_performance")}
    assert ours == {"asn_performance", "asn_performance._kit", "asn_performance._kit.lazy"}
    assert not {"attrs", "pydantic", "pydantic_core", "polars", "pandas"} & loaded


def test_the_first_use_loads_the_engine_and_not_what_follows_an_appraisal() -> None:
    loaded = _modules_after("from asn_performance import appraise, PerformancePlan, Assessment")
    assert "asn_performance.regimes.permenpanrb_6_2022.appraisal" in loaded
    later = ("asn_performance.consequences", "asn_performance.process", "asn_performance.boundary")
    assert not {m for m in loaded if m.startswith(later)}
    assert "pydantic" not in loaded


def test_the_distribution_check_does_not_load_the_allowance_or_the_reward_policy() -> None:
    loaded = _modules_after("from asn_performance import check_distribution")
    assert "asn_performance.consequences.distribution.check" in loaded
    assert (
        not {
            "asn_performance.consequences.allowance",
            "asn_performance.consequences.policy",
            "asn_performance.consequences.recognition",
            "asn_performance.consequences.sanctions",
            "asn_performance.consequences.distribution.oversight",
        }
        & loaded
    )


def test_the_stages_do_not_load_the_cycle() -> None:
    loaded = _modules_after("from asn_performance.process.lifecycle import Action, Stage")
    assert "asn_performance.process.lifecycle.stages" in loaded
    assert (
        not {
            "asn_performance.process.lifecycle.cycle",
            "asn_performance.process.lifecycle.steps",
            "asn_performance.process.integrity",
        }
        & loaded
    )
