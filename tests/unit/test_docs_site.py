"""The documentation site (``mkdocs.yml``) shows every page and every public module.

``mkdocs build --strict`` in CI (``.ci/run``) fails on a broken link, a page missing from the
nav or a broken reference; these tests say the same sooner, without MkDocs installed:

* every ``.md`` file under ``docs/`` is in the nav, and every page the nav names exists;
* the Indonesian pages are marked as such in the nav;
* every public module has a ``::: module`` directive on a page of ``docs/reference/api/``,
  and every directive names a module that exists.

``mkdocs.yml`` is read with PyYAML when it is installed, else its nav lines are read simply.
The hooks of ``tools/mkdocs_hooks.py`` are tested when Markdown (the extra ``docs``) is.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).parents[2]
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"
API_PAGES = DOCS / "reference" / "api"
PACKAGE = ROOT / "src" / "asn_performance"

#: The pages in Bahasa Indonesia (or in both languages), and the words that mark them.
INDONESIAN = {
    "tutorials/penilaian-pertama.md": "Bahasa Indonesia",
    "glossary.md": "Bahasa Indonesia",
}


def _entries_from_yaml(text: str) -> list[tuple[str, str]] | None:
    """(title, page) of every nav entry, read with PyYAML; ``None`` without PyYAML."""
    try:
        import yaml  # optional: PyYAML comes with MkDocs and with Dask
    except ImportError:
        return None

    class Loader(yaml.SafeLoader):
        """A safe loader that reads ``!!python/...`` tags (the slugify option) as nothing."""

    def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
        del loader, suffix, node

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)
    config = yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader subclass

    found: list[tuple[str, str]] = []

    def walk(items: Any, section: str) -> None:
        for item in items:
            if isinstance(item, str):
                found.append((section, item))
                continue
            for title, value in item.items():
                if isinstance(value, str):
                    found.append((title, value))
                else:
                    walk(value, title)

    walk(config["nav"], "")
    return found


def _entries_from_lines(text: str) -> list[tuple[str, str]]:
    """(title, page) of every nav entry, from the lines ``- Title: page.md`` after ``nav:``."""
    nav = text.split("\nnav:\n", 1)[1]
    entries = []
    for line in nav.splitlines():
        if line and not line.startswith((" ", "-", "#")):
            break  # the next top-level key
        match = re.fullmatch(r"\s*-\s*(?:(.+?):\s+)?([\w./-]+\.md)\s*(?:#.*)?", line)
        if match is not None:
            entries.append((match[1] or "", match[2]))
    return [(title.strip().strip("\"'"), page) for title, page in entries]


def nav_entries() -> list[tuple[str, str]]:
    text = CONFIG.read_text("utf-8")
    return _entries_from_yaml(text) or _entries_from_lines(text)


def test_both_readers_of_the_nav_agree() -> None:
    text = CONFIG.read_text("utf-8")
    simple = _entries_from_lines(text)
    assert len(simple) > 40
    from_yaml = _entries_from_yaml(text)
    if from_yaml is not None:
        assert from_yaml == simple


def test_every_page_of_docs_is_in_the_nav() -> None:
    listed = [page for _, page in nav_entries()]
    pages = sorted(str(path.relative_to(DOCS)) for path in DOCS.rglob("*.md"))
    missing = sorted(set(pages) - set(listed))
    assert not missing, f"pages of docs/ missing from the nav of mkdocs.yml: {missing}"
    twice = sorted({page for page in listed if listed.count(page) > 1})
    assert not twice, f"pages listed twice in the nav: {twice}"
    absent = sorted(page for page in listed if not (DOCS / page).is_file())
    assert not absent, f"nav entries with no page in docs/: {absent}"


def test_the_indonesian_pages_are_marked_in_the_nav() -> None:
    titles = {page: title for title, page in nav_entries()}
    for page, mark in INDONESIAN.items():
        assert mark in titles[page], f"{page}: nav title {titles[page]!r} does not say {mark!r}"


# -- the API pages from the docstrings ----------------------------------------------------

_DIRECTIVE = re.compile(r"^::: (asn_performance[\w.]*)\s*$", re.M)


def public_modules() -> set[str]:
    """Every module of the package whose dotted name has no private part, and the package."""
    modules = set()
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if not any(part.startswith("_") for part in parts[1:]):
            modules.add(".".join(parts))
    return modules


def directives() -> list[str]:
    return [
        module
        for page in sorted(API_PAGES.glob("*.md"))
        for module in _DIRECTIVE.findall(page.read_text("utf-8"))
    ]


def test_every_public_module_has_an_api_page() -> None:
    shown = directives()
    missing = sorted(public_modules() - set(shown))
    assert not missing, f"public modules with no ::: directive in docs/reference/api/: {missing}"
    twice = sorted({module for module in shown if shown.count(module) > 1})
    assert not twice, f"modules shown twice: {twice}"
    unknown = sorted(set(shown) - public_modules())
    assert not unknown, f"directives for no public module: {unknown}"


# -- the hooks of the site ----------------------------------------------------------------


def _hooks() -> ModuleType:
    pytest.importorskip("mkdocs", reason="the extra docs is not installed")
    spec = importlib.util.spec_from_file_location("mkdocs_hooks", ROOT / "tools/mkdocs_hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_source_tags_stay_text_and_links_stay_links() -> None:
    hooks = _hooks()
    import markdown  # installed with MkDocs

    html = markdown.markdown(
        "PP 30/2019 [S11][S12b]; [S35c][muzhawir/indonesian_id:lib/nip/pppk.ex]; "
        "[the rules](rules.md); `[S5]`; [S2]: a definition is not a tag",
        extensions=[hooks.SourceTags()],
    )
    assert "[S11][S12b]" in html
    assert "[S35c][muzhawir/indonesian_id:lib/nip/pppk.ex]" in html
    assert '<a href="rules.md">the rules</a>' in html
    assert "<code>[S5]</code>" in html


def test_a_sphinx_role_is_shown_as_the_code_it_names() -> None:
    hooks = _hooks()
    import markdown  # installed with MkDocs

    html = markdown.markdown(
        "Start with :func:`appraise`, :class:`~asn_performance.domain.nip.Nip` and "
        ":meth:`.Roster.roles_of`; :func:`~asn_performance.boundary.cycle_document.\n"
        "dump_cycle` on two lines; :attr:`Employee.superior_nip <asn_performance.domain."
        "employee.Employee.superior_nip>`; :data:`~x.y.LIMITS\n`.",
        extensions=[hooks.SourceTags()],
    )
    assert "<code>appraise</code>" in html
    assert "<code>Nip</code>" in html
    assert "<code>Roster.roles_of</code>" in html
    assert "<code>dump_cycle</code>" in html
    assert "<code>Employee.superior_nip</code>" in html
    assert "<code>LIMITS</code>" in html
    assert ":func:" not in html
    assert ":meth:" not in html


def test_a_block_shown_but_not_run_is_a_python_block_on_the_site() -> None:
    hooks = _hooks()
    page = "text\n\n```python no-run\nx = 1\n```\n\n  ~~~~python  no-run \n"
    assert hooks.on_page_markdown(page) == "text\n\n```python\nx = 1\n```\n\n  ~~~~python\n"
