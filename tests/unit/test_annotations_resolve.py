"""The public names whose types load on first use still have annotations that resolve
(``typing.get_type_hints``, what cattrs, documentation tools and type-driven code call), and
reading a valid 2022 document still imports neither the reward policy, the older regimes nor
the distribution check (issue 12; found in review)."""

from __future__ import annotations

import subprocess
import sys
import typing
from collections.abc import Callable

import pytest

from asn_performance.boundary.appraisal_document import AppraisalDocument
from asn_performance.boundary.regime_documents import load_any, load_regime_document
from asn_performance.services.unit import (
    check_unit_distribution,
    evaluate_unit_rewards,
    evaluate_unit_rewards_each,
)

RESOLVED: tuple[Callable[..., object] | type, ...] = (
    AppraisalDocument,
    AppraisalDocument.evaluate_rewards,
    AppraisalDocument.evaluate_rewards_each,
    check_unit_distribution,
    evaluate_unit_rewards,
    evaluate_unit_rewards_each,
    load_any,
    load_regime_document,
)


@pytest.mark.parametrize("obj", RESOLVED, ids=lambda o: getattr(o, "__qualname__", str(o)))
def test_the_annotations_resolve(obj: Callable[..., object] | type) -> None:
    hints = typing.get_type_hints(obj)
    assert hints  # every one of them is annotated


def test_the_resolved_types_are_the_classes() -> None:
    from asn_performance.boundary.regime_documents import RegimeDocument
    from asn_performance.consequences import DistributionReport, RewardInputs, RewardPolicy

    assert typing.get_type_hints(load_regime_document)["return"] is RegimeDocument
    assert typing.get_type_hints(evaluate_unit_rewards)["policy"] is RewardPolicy
    reports = typing.get_type_hints(check_unit_distribution)["return"]
    assert typing.get_args(reports)[0] is DistributionReport
    field = typing.get_type_hints(AppraisalDocument)["reward_inputs"]
    assert typing.get_args(field)[1] is RewardInputs


def test_reading_a_valid_document_imports_neither_the_policy_nor_the_regimes() -> None:
    from asn_performance.boundary.appraisal_document import (
        dump_document,
        sample_document,
        to_json,
    )

    code = (
        "import sys\n"
        "from asn_performance.boundary.regime_documents import load_any\n"
        "load_any(sys.stdin.read()).appraise_all()\n"
        "print('asn_performance.consequences.policy' in sys.modules,"
        " 'asn_performance.boundary.regime_documents._regime' in sys.modules,"
        " 'asn_performance.consequences.distribution.check' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=to_json(dump_document(sample_document())),
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["False", "False", "False"]
