"""The code in the documentation runs.

Every ```python block in ``docs/**/*.md`` is executed; the blocks of one page run in order in
one namespace, as a reader would type them into one session. A block fenced as
```python no-run is shown but not run. A page whose blocks raise fails its test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).parents[2] / "docs"

#: An opening fence: three or more backticks (or tildes), then the info string.
_FENCE = re.compile(r"^(?P<indent>[ ]{0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*?)[ \t]*$")


def python_blocks(text: str) -> list[tuple[int, str]]:
    """The runnable Python blocks of a Markdown page: (first line number, code) in order.

    A block counts when its info string is exactly ``python`` (or ``py``); ``python no-run``
    and any other info string are skipped. Fences nest as CommonMark says: a block closes on
    a fence of the same character at least as long as the one that opened it.
    """
    blocks: list[tuple[int, str]] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence = opening["fence"]
        words = opening["info"].split()
        start = index + 1
        index = start
        body: list[str] = []
        while index < len(lines):
            closing = _FENCE.match(lines[index])
            if (
                closing is not None
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"]
            ):
                break
            body.append(lines[index])
            index += 1
        index += 1
        if words and words[0] in ("python", "py") and "no-run" not in words[1:]:
            blocks.append((start + 1, "\n".join(body) + "\n"))
    return blocks


def _pages() -> list[Path]:
    return sorted(page for page in DOCS.rglob("*.md") if python_blocks(page.read_text("utf-8")))


PAGES = _pages()


def test_the_docs_have_runnable_examples() -> None:
    assert DOCS.is_dir(), f"no docs folder at {DOCS}"
    assert PAGES, "no page in docs/ has a ```python block"


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_every_python_block_of_the_page_runs_in_order(page: Path) -> None:
    namespace: dict[str, object] = {"__name__": f"docs.{page.stem.replace('-', '_')}"}
    for line, code in python_blocks(page.read_text("utf-8")):
        where = f"{page.relative_to(DOCS.parent)}:{line}"
        compiled = compile(code, where, "exec")
        try:
            exec(compiled, namespace)  # noqa: S102 - running our own documentation is the point
        except Exception as error:
            error.add_note(f"raised by the ```python block at {where}")
            raise


def test_blocks_marked_no_run_and_other_languages_are_skipped() -> None:
    text = "\n".join(
        [
            "```python",
            "x = 1",
            "```",
            "```python no-run",
            "raise SystemExit",
            "```",
            "````markdown",
            "```python",
            "nested = True",
            "```",
            "````",
            "```text",
            "output",
            "```",
            "```py",
            "y = 2",
            "```",
        ]
    )
    assert python_blocks(text) == [(2, "x = 1\n"), (16, "y = 2\n")]
