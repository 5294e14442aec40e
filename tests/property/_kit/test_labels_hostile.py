"""Hostile input to the strict label parser (``Labelled.parse`` of every enumeration): only the
library's own errors escape (the property and its machinery are in :mod:`hostile`), and the bugs the
fuzzing found stay fixed.
"""

from __future__ import annotations

import pytest
from hostile import FuzzTarget, check_target
from hostile_values import HOSTILE_VALUES, materialise
from hypothesis import strategies as st

from asn_performance._kit.labels import Labelled


def _labelled_classes() -> list[type[Labelled]]:
    import asn_performance.regimes.permenpanrb_8_2021
    import asn_performance.regimes.pp_46_2011  # noqa: F401

    found: list[type[Labelled]] = []
    stack: list[type[Labelled]] = [Labelled]
    while stack:
        for sub in stack.pop().__subclasses__():
            found.append(sub)
            stack.append(sub)
    # Only the library's own enumerations: test modules define deliberately broken ones
    # (tests/unit/_kit/test_label_tables.py), which exist here if collected first.
    mine = [cls for cls in found if cls.__module__.startswith("asn_performance.") and len(cls)]
    return sorted(mine, key=lambda cls: cls.__qualname__)


LABELLED = _labelled_classes()
_LABEL_TEXTS = sorted(
    {text for cls in LABELLED for m in cls for text in (m.code, m.label_id, m.label_en)}
)


def _variants(text: str) -> list[str]:
    return [text.upper(), f"  {text}  ", text.replace(" ", "-"), text.replace("_", "  "),
            text[:-1], text + "x", "/" + text, text.replace(" ", "\u00a0")]  # fmt: skip


@st.composite
def _label_calls(draw: st.DrawFn) -> tuple[type[Labelled], object]:
    """A Labelled class and text: one of its own labels (maybe re-spelled), another class's
    label, or a hostile value."""
    cls = draw(st.sampled_from(LABELLED))
    own = sorted({t for m in cls for t in (m.code, m.label_id, m.label_en)})
    source = draw(st.sampled_from(["own", "own", "other", "hostile"]))
    if source == "hostile":
        return cls, draw(HOSTILE_VALUES)
    text = draw(st.sampled_from(own if source == "own" else _LABEL_TEXTS))
    return cls, draw(st.sampled_from([text, text, *_variants(text)]))


def _parse_label(value: tuple[type[Labelled], object]) -> object:
    cls, text = value
    return cls.parse(materialise(text))


TARGETS: tuple[FuzzTarget, ...] = (FuzzTarget("Labelled.parse", _label_calls(), _parse_label),)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)
