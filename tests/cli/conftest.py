"""The command line's tests run in a known language: the environment that chooses it
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``; issue 14) is set to the C locale, so that a
developer whose desktop is in Bahasa Indonesia sees the same results as CI. A test of the
language sets its own environment."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _c_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
