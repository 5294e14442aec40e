"""The tutorials show what the code prints, in both languages (issue 14).

``tests/unit/test_docs.py`` runs every ```python block of the docs; this test also checks the
two tutorials' ```text blocks: a ```python block followed directly (blank lines only between)
by a ```text block must print exactly that text. The tutorial in Bahasa Indonesia says which
parts of the output are still English; when a slice of issue 14 translates them, this test
points at the lines to update in both tutorials.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

TUTORIALS = Path(__file__).parents[2] / "docs" / "tutorials"
PAGES = ("first-appraisal.md", "penilaian-pertama.md")

#: A fenced block: its info string and its body.
_BLOCK = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```[ \t]*$", re.S | re.M)


def shown_outputs(text: str) -> list[tuple[int, str, str | None]]:
    """(line, code, the text shown after it or None) for each ```python block, in order."""
    pairs: list[tuple[int, str, str | None]] = []
    blocks = list(_BLOCK.finditer(text))
    for index, block in enumerate(blocks):
        if block["info"].strip() != "python":
            continue
        shown = None
        if index + 1 < len(blocks):
            after = blocks[index + 1]
            between = text[block.end() : after.start()]
            if after["info"].strip() == "text" and not between.strip():
                shown = after["body"]
        pairs.append((text.count("\n", 0, block.start()) + 1, block["body"], shown))
    return pairs


def test_the_pairs_are_read() -> None:
    text = "```python\nprint(1)\n```\n\n```text\n1\n```\nprose\n```python\nx = 2\n```\n"
    assert shown_outputs(text) == [(1, "print(1)\n", "1\n"), (9, "x = 2\n", None)]


@pytest.mark.parametrize("page", PAGES)
def test_every_output_shown_in_the_tutorial_is_what_the_code_prints(page: str) -> None:
    pairs = shown_outputs((TUTORIALS / page).read_text("utf-8"))
    assert sum(shown is not None for _, _, shown in pairs) >= 10
    namespace: dict[str, object] = {"__name__": f"docs.{page.removesuffix('.md')}"}
    for line, code, shown in pairs:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, f"{page}:{line}", "exec"), namespace)  # noqa: S102 - our own docs
        if shown is not None:
            assert printed.getvalue() == shown, f"docs/tutorials/{page}:{line}"
