"""The hostile-input targets as a whole: every ``test_*_hostile.py`` module's ``TARGETS``,
gathered by :func:`hostile.all_targets` (as ``benchmarks/fuzz.py`` gathers them)."""

from __future__ import annotations

from hostile import KNOWN_ISSUES, all_targets, target_modules

TARGETS = all_targets()


def test_every_target_has_a_distinct_name() -> None:
    names = [target.name for target in TARGETS]
    assert len(names) == len(set(names))


def test_known_issues_name_a_test_of_a_hostile_module() -> None:
    modules = target_modules()
    for issue in KNOWN_ISSUES:
        assert any(callable(getattr(module, issue.test, None)) for module in modules), issue.test
