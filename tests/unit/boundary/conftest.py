"""Pytest set-up for the boundary tests: the asserts of the shared helpers in
:mod:`boundary_story` (such as :func:`boundary_story.fails`) are rewritten like a test's own."""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("boundary_story")
