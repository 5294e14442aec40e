"""Checking one unit against SE MenPANRB 3/2023 (asn_performance.consequences.distribution.check).

Thresholds are worked by hand in the comments: strict rounding (decision D4) lets a maximum
of p % allow floor(p·n) employees and makes a minimum of p % need ceil(p·n); lenient rounding
does the reverse. Golden files (tests/golden/distribution/) hold the digest's examples 2 and 3.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from asn_performance import (
    Appraisal,
    OrganisationPredikat,
    Predikat,
)
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.consequences.distribution.check import (
    CALIBRATION_RULES,
    check_distribution,
)
from asn_performance.consequences.distribution.limits import (
    DISTRIBUTION_LIMITS,
    PREDIKAT_ORDER,
    Bound,
    Limit,
    Rounding,
)
from asn_performance.exceptions import InputError, LabelError, PolicyError

GOLDEN = Path(__file__).parent.parent.parent.parent / "golden" / "distribution"

SB, B, BP, K, SK = PREDIKAT_ORDER
ORG = OrganisationPredikat
STRICT, LENIENT = Rounding.STRICT, Rounding.LENIENT


# --------------------------------------------------------------------------------------------
# Golden files (digest §11 examples 2 and 3)
# --------------------------------------------------------------------------------------------


def _golden_files() -> list[Path]:
    return sorted(GOLDEN.glob("*.json"))


def test_the_golden_folder_holds_examples_2_and_3() -> None:
    names = [path.stem for path in _golden_files()]
    assert len([n for n in names if n.startswith("example2_")]) == 2
    assert len([n for n in names if n.startswith("example3_")]) == 1


@pytest.mark.parametrize("path", _golden_files(), ids=lambda path: path.stem)
def test_every_golden_distribution_example_gives_its_expected_result(path: Path) -> None:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert case["source"]
    assert case["rule"] == "distribution"
    assert case["arithmetic"]
    given, expected = case["input"], case["expected"]
    report = check_distribution(given["organisation_predikat"], given["counts"], given["rounding"])
    assert report.ok is expected["ok"]
    got = [
        {
            "bound": v.limit.bound.code,
            "predikat": [p.code for p in v.limit.group],
            "count": v.actual,
            "threshold": v.threshold,
            "percent": str(v.to_dict()["percent"]),
        }
        for v in report.violations
    ]
    assert got == expected["violations"]


# --------------------------------------------------------------------------------------------
# The limits at exactly 70 %, 60 % and 10 % on units of 3, 6, 10 and 1,000
# --------------------------------------------------------------------------------------------

# 70 % of n: 3 → 2.1, 6 → 4.2, 10 → 7, 1000 → 700.
# A maximum of 70 % allows, strictly floor: 2, 4, 7, 700; leniently ceil: 3, 5, 7, 700.
MAX_70 = [(3, 2, 3), (6, 4, 5), (10, 7, 7), (1000, 700, 700)]
# 60 % of n: 3 → 1.8, 6 → 3.6, 10 → 6, 1000 → 600.
# A minimum of 60 % needs, strictly ceil: 2, 4, 6, 600; leniently floor: 1, 3, 6, 600.
MIN_60 = [(3, 2, 1), (6, 4, 3), (10, 6, 6), (1000, 600, 600)]
# 10 % of n: 3 → 0.3, 6 → 0.6, 10 → 1, 1000 → 100.
# A maximum of 10 % allows, strictly floor: 0, 0, 1, 100; leniently ceil: 1, 1, 1, 100.
MAX_10 = [(3, 0, 1), (6, 0, 1), (10, 1, 1), (1000, 100, 100)]
# A minimum of 10 % needs, strictly ceil: 1, 1, 1, 100; leniently floor: 0, 0, 1, 100.
MIN_10 = [(3, 1, 0), (6, 1, 0), (10, 1, 1), (1000, 100, 100)]


def _violated(report: Any, predikat: frozenset[Predikat]) -> bool:
    return any(v.limit.predikat == predikat for v in report.violations)


@pytest.mark.parametrize(("n", "strict", "lenient"), MAX_70)
def test_istimewa_allows_at_most_70_percent_sangat_baik(n: int, strict: int, lenient: int) -> None:
    limit = DISTRIBUTION_LIMITS[ORG.ISTIMEWA][0]
    assert limit.threshold(n, STRICT) == strict
    assert limit.threshold(n, LENIENT) == lenient
    for rounding, allowed in ((STRICT, strict), (LENIENT, lenient)):
        at = check_distribution(ORG.ISTIMEWA, {SB: allowed, B: n - allowed}, rounding)
        assert at.ok, at.render()
        if allowed < n:
            over = check_distribution(ORG.ISTIMEWA, {SB: allowed + 1, B: n - allowed - 1}, rounding)
            assert _violated(over, frozenset({SB}))
            (violation,) = over.violations
            assert violation.threshold == allowed
            assert violation.actual == allowed + 1


@pytest.mark.parametrize(("n", "strict", "lenient"), MAX_70)
def test_baik_allows_at_most_70_percent_baik(n: int, strict: int, lenient: int) -> None:
    for rounding, allowed in ((STRICT, strict), (LENIENT, lenient)):
        # One Butuh Perbaikan fills the organisation's must-include; the rest Sangat Baik.
        rest = n - allowed - 1
        if rest < 0:
            continue
        at = check_distribution(ORG.BAIK, {B: allowed, BP: 1, SB: rest}, rounding)
        assert at.ok, at.render()
        if rest:
            over = check_distribution(ORG.BAIK, {B: allowed + 1, BP: 1, SB: rest - 1}, rounding)
            assert _violated(over, frozenset({B}))


@pytest.mark.parametrize(("n", "strict", "lenient"), MIN_60)
def test_butuh_perbaikan_needs_at_least_60_percent_butuh_perbaikan(
    n: int, strict: int, lenient: int
) -> None:
    limit = DISTRIBUTION_LIMITS[ORG.BUTUH_PERBAIKAN][0]
    assert (limit.threshold(n, STRICT), limit.threshold(n, LENIENT)) == (strict, lenient)
    for rounding, needed in ((STRICT, strict), (LENIENT, lenient)):
        at = check_distribution(ORG.BUTUH_PERBAIKAN, {BP: needed, B: n - needed}, rounding)
        assert at.ok, at.render()
        under = check_distribution(
            ORG.BUTUH_PERBAIKAN, {BP: needed - 1, B: n - needed + 1}, rounding
        )
        assert _violated(under, frozenset({BP}))


@pytest.mark.parametrize(("n", "strict", "lenient"), MIN_60)
def test_kurang_needs_at_least_60_percent_kurang(n: int, strict: int, lenient: int) -> None:
    for rounding, needed in ((STRICT, strict), (LENIENT, lenient)):
        # Everyone else Butuh Perbaikan, which also fills the 10 % minimum of Butuh Perbaikan.
        at = check_distribution(ORG.KURANG, {K: needed, BP: n - needed}, rounding)
        assert not _violated(at, frozenset({K}))
        under = check_distribution(ORG.KURANG, {K: needed - 1, BP: n - needed + 1}, rounding)
        assert _violated(under, frozenset({K}))


@pytest.mark.parametrize(("n", "strict", "lenient"), MIN_60)
def test_sangat_kurang_needs_at_least_60_percent_sangat_kurang(
    n: int, strict: int, lenient: int
) -> None:
    for rounding, needed in ((STRICT, strict), (LENIENT, lenient)):
        at = check_distribution(ORG.SANGAT_KURANG, {SK: needed, K: n - needed}, rounding)
        assert at.ok, at.render()
        under = check_distribution(ORG.SANGAT_KURANG, {SK: needed - 1, K: n - needed + 1}, rounding)
        assert _violated(under, frozenset({SK}))


@pytest.mark.parametrize("org", [ORG.BUTUH_PERBAIKAN, ORG.KURANG])
@pytest.mark.parametrize(("n", "strict", "lenient"), MAX_10)
def test_at_most_10_percent_sangat_baik(
    org: OrganisationPredikat, n: int, strict: int, lenient: int
) -> None:
    limit = next(x for x in DISTRIBUTION_LIMITS[org] if x.predikat == {SB})
    assert (limit.threshold(n, STRICT), limit.threshold(n, LENIENT)) == (strict, lenient)
    for rounding, allowed in ((STRICT, strict), (LENIENT, lenient)):
        at = check_distribution(org, {SB: allowed, B: n - allowed}, rounding)
        assert not _violated(at, frozenset({SB}))
        over = check_distribution(org, {SB: allowed + 1, B: n - allowed - 1}, rounding)
        assert _violated(over, frozenset({SB}))


@pytest.mark.parametrize(("n", "strict", "lenient"), MIN_10)
def test_kurang_needs_at_least_10_percent_butuh_perbaikan(
    n: int, strict: int, lenient: int
) -> None:
    limit = DISTRIBUTION_LIMITS[ORG.KURANG][1]
    assert (limit.threshold(n, STRICT), limit.threshold(n, LENIENT)) == (strict, lenient)
    for rounding, needed in ((STRICT, strict), (LENIENT, lenient)):
        at = check_distribution(ORG.KURANG, {BP: needed, K: n - needed}, rounding)
        assert not _violated(at, frozenset({BP}))
        if needed:
            under = check_distribution(ORG.KURANG, {BP: needed - 1, K: n - needed + 1}, rounding)
            assert _violated(under, frozenset({BP}))


@pytest.mark.parametrize(("n", "strict", "lenient"), MIN_10)
def test_sangat_kurang_needs_at_least_10_percent_kurang_and_or_butuh_perbaikan(
    n: int, strict: int, lenient: int
) -> None:
    group = frozenset({K, BP})
    for rounding, needed in ((STRICT, strict), (LENIENT, lenient)):
        # Split the group between Kurang and Butuh Perbaikan: they count together.
        kurang = needed // 2
        at = check_distribution(
            ORG.SANGAT_KURANG, {K: kurang, BP: needed - kurang, SK: n - needed}, rounding
        )
        assert at.ok, at.render()
        if needed:
            under = check_distribution(
                ORG.SANGAT_KURANG, {BP: needed - 1, SK: n - needed + 1}, rounding
            )
            assert _violated(under, group)


def test_sangat_kurang_allows_no_sangat_baik_in_any_rounding() -> None:
    # Example 3: 1 Sangat Baik among 1,000 is 0.1 %, still one too many.
    for rounding in Rounding:
        report = check_distribution(ORG.SANGAT_KURANG, {SB: 1, SK: 899, K: 100}, rounding)
        (violation,) = report.violations
        assert violation.limit.predikat == {SB}
        assert violation.threshold == 0
        assert violation.percent == Decimal("0.1")
        assert "none allowed" in violation.message()


def test_baik_must_include_one_butuh_perbaikan_or_kurang_even_on_a_unit_of_one() -> None:
    # n = 1: at most floor(0.7) = 0 Baik strictly, ceil(0.7) = 1 leniently; and at least
    # 1 Butuh Perbaikan or Kurang either way.
    assert check_distribution(ORG.BAIK, {K: 1}).ok
    strict = check_distribution(ORG.BAIK, {B: 1})
    assert len(strict.violations) == 2
    lenient = check_distribution(ORG.BAIK, {B: 1}, "lenient")
    assert len(lenient.violations) == 1


def test_a_unit_can_be_given_as_its_appraisals(appraisals: list[Appraisal]) -> None:
    # Example 2 again: 8 Baik of 10 against at most floor(7) = 7; no Butuh Perbaikan/Kurang.
    report = check_distribution("Baik", appraisals, unit="Subbagian Perencanaan")
    assert report.counts_by_predikat == {SB: 2, B: 8, BP: 0, K: 0, SK: 0}
    assert report.total == 10
    assert len(report.violations) == 2
    assert report.unit == "Subbagian Perencanaan"
    assert [a.predikat for a in appraisals].count(B) == 8  # nobody's predikat changed


def test_a_unit_can_be_given_as_predikat_or_their_labels() -> None:
    report = check_distribution(
        "Butuh Perbaikan", ["Perlu Perbaikan", "cukup", Predikat.BUTUH_PERBAIKAN, "baik"]
    )
    # 3 Butuh Perbaikan of 4: at least ceil(0.6 × 4) = ceil(2.4) = 3 → ok.
    assert report.counts == (0, 1, 3, 0, 0)
    assert report.ok


def test_counts_may_use_codes_labels_or_members_and_add_up_synonyms() -> None:
    report = check_distribution(ORG.KURANG, {"kurang": 5, "Kurang/Misconduct": 2, BP: 1})
    assert report.counts_by_predikat[K] == 7


def test_the_report_shows_counts_percentages_and_thresholds() -> None:
    report = check_distribution(ORG.BAIK, {B: 8, SB: 2})
    text = report.render()
    assert "Baik: 8 of 10 (80.00 %); at most 70 % allows 7 of 10 (strict rounding: floor)" in text
    assert "VIOLATED" in text
    assert "2 violation(s)" in text
    data = report.to_dict()
    json.dumps(data)
    assert data["checks"][0]["percent"] == "80.00"
    assert data["checks"][0]["threshold"] == 7
    first, _ = report.steps
    assert first.rule == "SE3/2023-DISTRIBUTION"
    assert first.note == "sebagian besar (maksimal 70 %) Baik"
    assert str(report) == text


def test_an_empty_unit_has_nothing_to_check() -> None:
    report = check_distribution(ORG.BAIK, {})
    assert report.total == 0
    assert report.checks == ()
    assert report.ok
    assert "nothing to check" in report.render()


@pytest.mark.parametrize(
    ("counts", "error"),
    [
        ({B: -1}, InputError),
        ({B: True}, InputError),
        ({B: 1.0}, InputError),
        ({B: 10_000_001}, InputError),  # over MAX_COUNT (10,000,000), with a Predikat key
        ({"Istimewa": 1}, LabelError),
        ("baik", InputError),
        (7, InputError),
    ],
)
def test_bad_counts_are_refused_with_a_path(counts: Any, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        check_distribution(ORG.BAIK, counts)
    assert getattr(info.value, "path", None)


def test_predikat_keys_and_their_codes_count_the_same() -> None:
    # 3 Sangat Baik, 10 Baik, 1 Butuh Perbaikan: 14 employees, whether the keys are the
    # Predikat members (the direct path) or their codes and labels (parsed).
    by_member = check_distribution(
        ORG.BAIK, {Predikat.SANGAT_BAIK: 3, B: 10, Predikat.BUTUH_PERBAIKAN: 1}
    )
    by_text = check_distribution(ORG.BAIK, {"sangat_baik": 3, "Baik": 10, "butuh perbaikan": 1})
    assert by_member.total == by_text.total == 14
    assert by_member.to_dict() == by_text.to_dict()


def test_an_unknown_organisation_predikat_or_rounding_is_refused() -> None:
    with pytest.raises(LabelError):
        check_distribution("Luar Biasa", {B: 1})
    with pytest.raises(LabelError):
        check_distribution(ORG.BAIK, {B: 1}, "ceil")


def test_an_agency_can_check_against_its_own_limits() -> None:
    # A stricter simulation: at most 50 % Baik for an organisation rated Baik.
    limits = {ORG.BAIK: [Limit(Bound.MAX, {B}, percent=50)]}
    report = check_distribution(ORG.BAIK, {B: 6, BP: 4}, limits=limits)
    (violation,) = report.violations
    assert violation.threshold == 5  # floor(0.5 × 10)
    assert check_distribution(ORG.ISTIMEWA, {SB: 10}, limits=limits).ok  # no limits given
    with pytest.raises(PolicyError):
        check_distribution(ORG.BAIK, {B: 1}, limits={ORG.BAIK: ["70 %"]})  # type: ignore[list-item]


def test_limits_given_as_a_frozen_map_are_read_like_any_mapping() -> None:
    """Reproduces issue 10 s.4: a FrozenMap of limits skipped validation, so string keys gave
    no checks at all and list values raised a bare TypeError."""
    limits = FrozenMap({"baik": (Limit(Bound.MAX, {B}, percent=50),)})
    report = check_distribution(ORG.BAIK, {B: 6, BP: 4}, limits=limits)
    # floor(0.5 x 10) = 5 Baik allowed, 6 given: one check, one violation.
    assert len(report.checks) == 1
    (violation,) = report.violations
    assert (violation.actual, violation.threshold) == (6, 5)
    listed = FrozenMap({ORG.BAIK: [Limit(Bound.MAX, {B}, percent=50)]})
    assert check_distribution(ORG.BAIK, {B: 6, BP: 4}, limits=listed).violations[0].threshold == 5


def test_a_frozen_map_of_wrong_limits_is_refused_with_a_library_error() -> None:
    with pytest.raises(PolicyError) as info:
        check_distribution(ORG.BAIK, {B: 1}, limits=FrozenMap({ORG.BAIK: ["70 %"]}))
    assert "baik" in (info.value.path or "")
    with pytest.raises(LabelError):
        check_distribution(ORG.BAIK, {B: 1}, limits=FrozenMap({"luar_biasa": ()}))


def test_the_rulebook_cites_the_se_and_flags_d4() -> None:
    rules = {rule.id: rule for rule in CALIBRATION_RULES}
    assert "SE MenPANRB 3/2023" in rules["SE3/2023-DISTRIBUTION"].citation
    assert not rules["D4-ROUNDING"].normative


def test_the_calibration_rules_are_in_the_rulebook() -> None:
    from asn_performance.services.rulebook import RULEBOOK

    for rule in CALIBRATION_RULES:
        assert RULEBOOK[rule.id] is rule
    (step, *_) = check_distribution("Baik", {"baik": 8, "sangat_baik": 2}).steps
    assert "SE MenPANRB 3/2023" in step.citation


def test_an_employee_appraised_twice_for_one_period_is_refused_not_counted_twice(
    make_plan: Any, make_assessment: Any
) -> None:
    """Reproduces issue 10 s.4: two plans for one employee and period (one with a look-alike
    id) were appraised and counted twice by calibrate (12 employees for 11 NIPs)."""
    from asn_performance import appraise
    from asn_performance.exceptions import DuplicateError

    plan = make_plan()
    twin = make_plan(id=plan.id + "-2")
    first = appraise(plan, [make_assessment("pejabat_penilai", plan=plan)])
    second = appraise(twin, [make_assessment("pejabat_penilai", plan=twin)])
    with pytest.raises(DuplicateError) as info:
        check_distribution(ORG.BAIK, [first, second])
    error = info.value
    assert (error.rule, error.path) == ("SE3/2023-ONE-EACH", "counts[1]")
    assert error.value == plan.employee.nip.digits
    assert repr(plan.id) in error.message
    assert repr(twin.id) in error.message
    assert check_distribution(ORG.BAIK, [first]).total == 1
