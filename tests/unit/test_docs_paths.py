"""The module paths and file paths the documentation names exist.

After a module moves, a page that still names its old place sends the reader nowhere. These
tests read every page of ``docs/`` and the two READMEs and check:

* every dotted path ``asn_performance.x.y[.z]`` (in prose or code) resolves: its longest
  importable prefix is imported and the rest are attributes;
* every ``from asn_performance.x import a, b`` imports names that exist;
* every file path ending in ``.py`` (``src/asn_performance/...``, ``tests/...``,
  ``benchmarks/...``, ``tools/...``, or a bare file name) names a file of the repository;
* the module table of ``docs/reference/api.md`` has one row per public module, and every
  name a row lists exists in that module.
"""

from __future__ import annotations

import importlib
import keyword
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "src" / "asn_performance"
API_PAGE = ROOT / "docs" / "reference" / "api.md"
PAGES = sorted(
    [*(ROOT / "docs").rglob("*.md"), ROOT / "README.md", ROOT / "benchmarks" / "README.md"]
)

_IDENTIFIER = r"[A-Za-z_][A-Za-z0-9_]*"
_DOTTED = re.compile(rf"\basn_performance(?:\.{_IDENTIFIER})+")
_FROM_IMPORT = re.compile(
    rf"^[ \t>]*from[ \t]+(asn_performance(?:\.{_IDENTIFIER})*)[ \t]+import[ \t]+"
    r"(\([^)]*\)|[^\n]*)",
    re.M,
)
#: A file path: optional folders, then a name ending in ``.py`` (not part of a dotted name).
_FILE = re.compile(r"(?<![\w./-])((?:[\w.-]+/)*[\w-]+\.py)\b(?![\w(])")


def _where(page: Path, text: str, offset: int) -> str:
    return f"{page.relative_to(ROOT)}:{text.count(chr(10), 0, offset) + 1}"


def _import(name: str) -> ModuleType | None:
    """The module ``name``, or ``None`` when no such module exists (other errors propagate)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name is not None and (name == error.name or name.startswith(error.name + ".")):
            return None
        raise


def resolve(path: str) -> str | None:
    """Why the dotted ``path`` does not resolve, or ``None`` when it does.

    The longest prefix that is a module is imported; each further part must be an attribute
    of what came before.
    """
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        found: object = _import(".".join(parts[:cut]))
        if found is None:
            continue
        for index, attribute in enumerate(parts[cut:], start=cut):
            if not hasattr(found, attribute):
                return f"{'.'.join(parts[:index])} has no attribute {attribute!r}"
            found = getattr(found, attribute)
        return None
    return f"no module {parts[0]!r}"


def dotted_paths() -> list[tuple[str, str]]:
    """(where, path) for every dotted ``asn_performance...`` path and imported name."""
    found: list[tuple[str, str]] = []
    for page in PAGES:
        text = page.read_text("utf-8")
        for match in _DOTTED.finditer(text):
            found.append((_where(page, text, match.start()), match.group()))
        for match in _FROM_IMPORT.finditer(text):
            module, names = match.group(1), re.sub(r"#[^\n]*", "", match.group(2))
            for item in names.strip("() \t").split(","):
                name = item.split(" as ")[0].strip()
                if re.fullmatch(_IDENTIFIER, name):
                    found.append((_where(page, text, match.start()), f"{module}.{name}"))
    return found


def test_the_resolver_accepts_live_paths_and_rejects_stale_ones() -> None:
    assert resolve("asn_performance.consequences.NATIONAL") is None
    assert resolve("asn_performance.consequences.angka_kredit.AK_MINIMUM") is None
    assert resolve("asn_performance.domain.nip.Nip.parse") is None
    assert resolve("asn_performance.reward.NATIONAL") is not None
    assert resolve("asn_performance.schemas") is not None
    assert resolve("asn_performance.consequences.reward.NATIONAL") is not None
    assert resolve("asn_performance.domain.explanation.RULEBOOK") is not None
    assert resolve("asn_performance.consequences.NO_SUCH_NAME") is not None


def test_the_pages_are_found_and_name_paths() -> None:
    assert len(PAGES) > 10
    assert len(dotted_paths()) > 50


def test_every_dotted_path_in_the_docs_resolves() -> None:
    failures = sorted(
        {
            f"{where}: {path} ({reason})"
            for where, path in dotted_paths()
            if (reason := resolve(path)) is not None
        }
    )
    assert not failures, "stale module paths in the docs:\n" + "\n".join(failures)


def _repository_files() -> tuple[set[str], set[str]]:
    files = {
        str(path.relative_to(ROOT))
        for folder in ("src", "tests", "benchmarks", "tools")
        for path in (ROOT / folder).rglob("*.py")
    }
    return files, {Path(path).name for path in files}


def file_paths() -> list[tuple[str, str]]:
    """(where, path) for every ``.py`` file path the pages name."""
    found: list[tuple[str, str]] = []
    for page in PAGES:
        text = page.read_text("utf-8")
        for match in _FILE.finditer(text):
            found.append((_where(page, text, match.start()), match.group(1)))
    return found


def missing_file(path: str, files: set[str], names: set[str]) -> bool:
    """Whether ``path`` names no file: a bare name must be some file's name; a path with a
    folder must exist from the repository root, ``src`` or ``src/asn_performance``."""
    if "/" not in path:
        return path not in names
    path = path.removeprefix("./")
    return not {path, f"src/{path}", f"src/asn_performance/{path}"} & files


def test_the_file_check_rejects_stale_files() -> None:
    files, names = _repository_files()
    assert not missing_file("src/asn_performance/weighting.py", files, names)
    assert not missing_file("tests/unit/test_docs.py", files, names)
    assert not missing_file("services/rulebook.py", files, names)
    assert missing_file("tests/unit/test_schemas.py", files, names)
    assert missing_file("src/asn_performance/reward.py", files, names)
    assert missing_file("reward.py", files, names)
    assert missing_file("regimes/quantitative.py", files, names)


def test_every_file_path_in_the_docs_exists() -> None:
    files, names = _repository_files()
    failures = sorted(
        f"{where}: {path}" for where, path in file_paths() if missing_file(path, files, names)
    )
    assert file_paths(), "no page names a .py file"
    assert not failures, "files named in the docs that do not exist:\n" + "\n".join(failures)


# -- the module table of the API reference ------------------------------------------------


def _top_level_names(cell: str) -> list[str]:
    """The backticked names of a table cell outside parentheses (those describe a name)."""
    names: list[str] = []
    depth, in_code, start = 0, False, 0
    for index, char in enumerate(cell):
        if char == "`":
            if in_code and depth == 0:
                names.append(cell[start:index])
            in_code, start = not in_code, index + 1
        elif not in_code and char == "(":
            depth += 1
        elif not in_code and char == ")":
            depth = max(depth - 1, 0)
    called = (re.sub(r"\(.*$", "", name).strip() for name in names)
    dotted = rf"{_IDENTIFIER}(?:\.{_IDENTIFIER})*"
    return [
        name
        for name in called
        if re.fullmatch(dotted, name) and not keyword.iskeyword(name.split(".")[0])
    ]


def module_table() -> dict[str, list[str]]:
    """Module -> names listed, from the rows of the "Submodules" table of the API page."""
    text = API_PAGE.read_text("utf-8")
    section = text.split("## Submodules", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    table: dict[str, list[str]] = {}
    for row in re.findall(r"^\| `(asn_performance[\w.]*)`[^|]*\| (.*) \|$", section, re.M):
        module, cell = row
        assert module not in table, f"{module} has two rows"
        table[module] = _top_level_names(cell)
    return table


def public_modules() -> set[str]:
    """Every module of the package whose dotted name has no private part."""
    modules = set()
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if not any(part.startswith("_") for part in parts[1:]):
            modules.add(".".join(parts))
    return modules - {"asn_performance"}


def test_the_api_module_table_has_one_row_per_public_module() -> None:
    listed = set(module_table())
    kit = {module for module in listed if module.startswith("asn_performance._kit.")}
    missing = sorted(public_modules() - listed)
    extra = sorted(listed - public_modules() - kit)
    assert not missing, f"public modules without a row in {API_PAGE.name}: {missing}"
    assert not extra, f"rows of {API_PAGE.name} for no module: {extra}"


def test_every_name_of_the_api_module_table_exists() -> None:
    failures = [
        f"{module}.{name}: {reason}"
        for module, names in module_table().items()
        for name in names
        if (reason := resolve(f"{module}.{name}")) is not None
    ]
    assert not failures, f"names in {API_PAGE.name} that do not exist:\n" + "\n".join(failures)
