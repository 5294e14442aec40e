"""Hostile input to the regime documents and ``load_any``: only the library's own errors escape (the
property and its machinery are in :mod:`hostile`), and the bugs the fuzzing found stay fixed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hostile import FuzzTarget, check_target, refusal
from hostile_bases import DOCUMENT_BASES, REGIME_BASES, after_document
from hostile_values import json_sources
from test_regime_documents_properties import SHIPPED

from asn_performance.boundary.appraisal_document import to_json
from asn_performance.boundary.regime_documents import load_any, load_regime_document

TARGETS: tuple[FuzzTarget, ...] = (
    FuzzTarget(
        "load_regime_document", json_sources(REGIME_BASES), load_regime_document,
        True, after_document,
    ),
    FuzzTarget(
        "load_any", json_sources(REGIME_BASES | DOCUMENT_BASES), load_any, True,
        after_document,
    ),
)  # fmt: skip


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_only_library_errors_escape(target: FuzzTarget) -> None:
    check_target(target)


@pytest.mark.parametrize(
    ("load", "base"),
    [
        (load_regime_document, SHIPPED[0]),
    ],
)
def test_known_a_repeated_json_key_is_refused(load: Callable[[Any], object], base: Any) -> None:
    text = to_json(base)
    key = next(iter(base))
    repeated = text.replace("{", "{" + json.dumps(key) + ": " + json.dumps(base[key]) + ", ", 1)
    assert json.loads(repeated) == json.loads(text)  # the same document to json.loads
    error = refusal(lambda: load(repeated))
    assert error.path is not None
    assert error.path.startswith("$")
