"""MkDocs hooks of the documentation site (``hooks:`` in ``mkdocs.yml``).

The pages and the docstrings cite their sources with tags in brackets, ``[S2][S5]`` (the
source list of ``docs/explanation/regime-2022.md``) or ``[muzhawir/indonesian_id:lib/...]``.
Markdown reads ``[S2][S5]`` as a reference link to ``S5``, and mkdocs-autorefs, finding no
such target, fails the strict build. The extension below keeps a source tag as plain text
when no link follows it; the tags stay as they are on GitHub and in ``help()``.

The docstrings name other objects with Sphinx roles (``:func:`~asn_performance.appraise```);
the same extension shows such a role as the code it names (``appraise``), as ``help()`` would
read it, rather than the role's markup.

A block fenced as ```` ```python no-run ```` is shown but not run by ``tests/unit/test_docs.py``;
pymdownx.superfences would not read ``no-run`` as an option and show the rest of the page as
code, so the site shows such a block as plain ```` ```python ````.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString
from mkdocs.plugins import event_priority

#: ``[S5]``, ``[S12b]``, ``[S35c]`` or ``[owner/repository:path]``, not followed by ``(`` (an
#: inline link) or ``:`` (a link definition).
SOURCE_TAG = r"\[(?:S\d+[a-z]?|[\w.-]+/[\w.-]+:[^\]\n]+)\](?![(:])"


#: The opening fence of a block shown but not run.
NO_RUN_FENCE = re.compile(r"^([ \t]*(?:`{3,}|~{3,})[ \t]*python)[ \t]+no-run[ \t]*$", re.M)


class _SourceTag(InlineProcessor):
    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown's name
        self, m: Any, data: str
    ) -> tuple[str, int, int]:
        del data
        return AtomicString(m.group(0)), m.start(0), m.end(0)


#: A Sphinx role: ``:func:`name```, ``:class:`~a.b.Name```, ``:meth:`.Name.method```,
#: ``:attr:`Title <a.b.Name.attr>```; a name may be broken over two lines of a docstring.
SPHINX_ROLE = r":(?:func|class|meth|attr|mod|data|exc|obj|const):`([^`]+)`"


def shown_name(role: str) -> str:
    """What a Sphinx role shows: its title, else the name (the last part after ``~``)."""
    titled = re.fullmatch(r"(.+?)\s*<[^<>]+>", role, re.S)
    if titled is not None:
        return " ".join(titled[1].split())
    name = re.sub(r"\s+", "", role).lstrip(".")
    return name[1:].rsplit(".", 1)[-1] if name.startswith("~") else name


class _SphinxRole(InlineProcessor):
    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown's name
        self, m: Any, data: str
    ) -> tuple[ElementTree.Element, int, int]:
        del data
        code = ElementTree.Element("code")
        code.text = AtomicString(shown_name(m.group(1)))
        return code, m.start(0), m.end(0)


class SourceTags(Extension):
    """Source tags such as ``[S2][S5]`` are text, not reference links; a Sphinx role is code."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's name
        # Above the reference links (170) and autorefs, below backticks (190): a tag inside
        # inline code stays code.
        md.inlinePatterns.register(_SourceTag(SOURCE_TAG, md), "asn-source-tag", 175)
        # Above backticks (190): the role's own backticks are not a code span.
        md.inlinePatterns.register(_SphinxRole(SPHINX_ROLE, md), "asn-sphinx-role", 195)


@event_priority(100)  # before mkdocstrings and autorefs read the extensions
def on_config(config: Any) -> Any:
    """Add the extension to the pages' and the docstrings' Markdown."""
    config.markdown_extensions.append(SourceTags())
    return config


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """A ```` ```python no-run ```` block is shown as a Python block."""
    del kwargs
    return NO_RUN_FENCE.sub(r"\1", markdown)
