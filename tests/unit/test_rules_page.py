"""``docs/reference/rules.md`` lists every rule id the library uses, and no other.

A rule id is used when it is in the rulebook (a :class:`~asn_performance.domain.explanation.Rule`
recorded in explanations) or when an error names it (``rule="..."``, or the NIP checks' ids).
The ``SCHEMA-`` family is made from the validation error's kind at the JSON boundary and is
documented as a family in ``docs/reference/json.md``.
"""

from __future__ import annotations

import re
from pathlib import Path

from asn_performance.services.rulebook import RULEBOOK

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "src" / "asn_performance"
PAGE = ROOT / "docs" / "reference" / "rules.md"

# Ids written as the first argument of an error (the NIP checks) or as a quoted id in a module.
_PREFIXES = (
    "6/2022|D[0-9]+|W|G|NIP|PERIOD|PLAN|TARGET|POSITION|EMPLOYEE|ASSESSMENT|AUTH"
    "|AK|TUKIN|CAREER|PP30|REWARD|POLICY|SE3/2023|PP46|8/2021|REGIME"
    "|SCHEDULE|ROSTER|FEEDBACK|LIFECYCLE|INTEGRITY|DOCUMENT"
)
_QUOTED = re.compile(rf'"((?:{_PREFIXES})-[A-Z0-9-]+)"')
_KEYWORD = re.compile(r'\brule=\(?\s*"([^"{}]+)"')


def used_rule_ids() -> set[str]:
    used = set(RULEBOOK)
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text("utf-8")
        used.update(_KEYWORD.findall(text))
        used.update(_QUOTED.findall(text))
    return {rule for rule in used if not rule.startswith("SCHEMA-")}


def documented_rule_ids() -> set[str]:
    rows = re.findall(r"^\| `([^`]+)` \|", PAGE.read_text("utf-8"), re.M)
    # The first table lists the prefixes ("6/2022-", "NIP-", ...), not rules.
    return {row for row in rows if not row.endswith("-")}


def test_the_rule_id_scan_finds_rules_of_every_kind() -> None:
    used = used_rule_ids()
    # One recorded rule, one error rule, one NIP check and one boundary rule.
    assert {"6/2022-MATRIX", "TYPE", "NIP-SEX", "DOCUMENT-UNIQUE"} <= used


def test_every_rule_id_the_library_uses_is_on_the_rules_page() -> None:
    missing = used_rule_ids() - documented_rule_ids()
    assert not missing, f"add to docs/reference/rules.md: {sorted(missing)}"


def test_the_rules_page_lists_no_rule_id_the_library_does_not_use() -> None:
    extra = documented_rule_ids() - used_rule_ids()
    assert not extra, f"remove from docs/reference/rules.md: {sorted(extra)}"
