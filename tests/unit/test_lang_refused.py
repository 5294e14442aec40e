"""Every public ``lang=`` of the text views refuses a language the library does not write
(issue 14): ``None``, ``"ID"``, ``"id_ID"``, ``"fr"``, ``""``, ``3`` are an ``InputError`` with
rule ``I18N-LANG`` naming the value -- never a ``KeyError``, never a silent English.

``Explanation.render(None)`` (and so ``Appraisal.explain(None)``, ``reason(None)``,
``rule_title(..., None)``, ``render_steps(..., None)``) used to give English: the check went
through ``resolve_lang``, whose ``None`` means "the default". Where text is produced the
language is checked with ``checked_lang``, which has no default.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from asn_performance._kit.i18n import checked_lang, resolve_lang
from asn_performance.consequences.distribution import check_distribution
from asn_performance.consequences.distribution.limits import Bound, Limit
from asn_performance.consequences.distribution.oversight import UnitInput, oversee
from asn_performance.consequences.policy import RewardOutcome, render_steps
from asn_performance.domain.explanation import Explanation, rule_title
from asn_performance.exceptions import InputError
from asn_performance.process.cascade import cascade_tree
from asn_performance.regimes.permenpanrb_6_2022.appraisal import appraise
from asn_performance.services.sample import sample_unit

BAD = [None, "ID", "id_ID", "fr", "", 3, b"id"]


def _views() -> dict[str, Callable[[Any], object]]:
    sample = sample_unit()
    plan = sample.plans[0]
    appraisal = appraise(
        plan,
        [a for a in sample.assessments if a.plan_id == plan.id],
        policy=sample.policy,
        guards=sample.guards,
        organisation_predikat=sample.organisation_predikat,
    )
    report = check_distribution("baik", {"baik": 8, "sangat_baik": 2})
    tree = cascade_tree(sample.plans)
    outcome = RewardOutcome("national", "2025.1", "1", ("2025",))
    return {
        "Explanation.render (no steps)": lambda lang: Explanation([]).render(lang),
        "Explanation.to_markdown": lambda lang: Explanation([]).to_markdown(lang),
        "Explanation.to_html": lambda lang: Explanation([]).to_html(lang),
        "rule_title": lambda lang: rule_title("6/2022-MATRIX", lang),
        "Appraisal.explain": appraisal.explain,
        "Appraisal.reason": appraisal.reason,
        "render_steps (no steps)": lambda lang: render_steps((), lang),
        "RewardOutcome.explain": outcome.explain,
        "DistributionReport.render": report.render,
        "LimitCheck.message": report.checks[0].message,
        "Limit.describe": lambda lang: Limit(Bound.MAX, {"baik"}, count=0).describe(lang),
        "OversightReport.render": lambda lang: oversee([UnitInput("A", "baik", {})]).render(
            lang=lang
        ),
        "CascadeTree.render": tree.render,
        "CascadeTree.to_html": tree.to_html,
        "CascadeNode.describe": tree.roots[0].describe,
    }


VIEWS = _views()


@pytest.mark.parametrize("bad", BAD, ids=repr)
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_a_language_the_library_does_not_write_is_refused(view: str, bad: object) -> None:
    with pytest.raises(InputError) as caught:
        VIEWS[view](bad)
    assert (caught.value.rule, caught.value.path, caught.value.value) == ("I18N-LANG", "lang", bad)


def test_checked_lang_has_no_default_and_resolve_lang_keeps_its_own() -> None:
    assert (checked_lang("id"), checked_lang("en")) == ("id", "en")
    with pytest.raises(InputError) as caught:
        checked_lang(None)
    assert caught.value.rule == "I18N-LANG"
    assert resolve_lang(None) == "en"  # a Python caller who names no language: English
