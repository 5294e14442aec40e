"""``_kit.trusted.trusted_init`` writes each field through its slot's writer (issue 12): the
object equals the one ``__init__`` builds, for slotted classes, classes without slots, classes
that cache their hash, with and without ``__attrs_post_init__``; the post-init's own errors
and the programming errors are unchanged."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from asn_performance._kit.trusted import trusted_init, trusted_maker
from asn_performance.domain.assessment import Realisation
from asn_performance.domain.plan import Aspect, Direction, Indicator, Target
from asn_performance.exceptions import AsnPerformanceError


@attrs.frozen
class _Slotted:
    a: int
    b: str = "x"
    total: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        if self.a < 0:
            raise ValueError("a must not be negative")
        object.__setattr__(self, "total", self.a + len(self.b))


@attrs.frozen(slots=False)
class _NoSlots:
    a: int
    b: tuple[int, ...]


@attrs.frozen(cache_hash=True)
class _Hashed:
    a: int
    b: str


@pytest.mark.parametrize(
    ("cls", "values"),
    [
        (_Slotted, {"a": 3, "b": "abcd"}),
        (_NoSlots, {"a": 1, "b": (2, 3)}),
        (_Hashed, {"a": 5, "b": "q"}),
        (Realisation, {"indicator_id": "iki-1", "value": Decimal("85.5"),
                       "evidence": ("https://e.example/1",), "feedback": None}),
    ],
)  # fmt: skip
def test_trusted_init_equals_the_validated_object(cls: type, values: dict[str, Any]) -> None:
    trusted = trusted_init(cls, **values)
    validated = cls(**values)
    assert trusted == validated
    assert attrs.asdict(trusted) == attrs.asdict(validated)
    assert hash(trusted) == hash(validated)
    if hasattr(validated, "to_dict"):
        assert trusted.to_dict() == validated.to_dict()


def test_the_post_init_runs_and_sets_derived_fields() -> None:
    # total = a + len(b) = 3 + 4 = 7, set by the post-init only
    assert trusted_init(_Slotted, a=3, b="abcd").total == 7
    with pytest.raises(ValueError, match="a must not be negative"):
        trusted_init(_Slotted, a=-1, b="")


def test_a_domain_post_init_error_is_the_domains_own() -> None:
    # TARGET-RANGE: a lower bound above the upper one, refused by Target's post-init
    with pytest.raises(AsnPerformanceError) as trusted:
        trusted_init(Target, lower=Decimal(10), upper=Decimal(5), unit="%")
    with pytest.raises(AsnPerformanceError) as validated:
        Target(Decimal(10), Decimal(5), "%")
    assert (trusted.value.rule, trusted.value.path, str(trusted.value)) == (
        validated.value.rule,
        validated.value.path,
        str(validated.value),
    )


def test_the_cached_hash_is_reset_not_inherited() -> None:
    made = trusted_init(_Hashed, a=1, b="z")
    assert hash(made) == hash(_Hashed(1, "z"))


def test_a_missing_or_unknown_field_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="give exactly the fields"):
        trusted_init(_Slotted, a=1)
    with pytest.raises(TypeError, match="is not given"):
        trusted_init(_Slotted, a=1, c="y")


def test_a_maker_builds_what_trusted_init_and_init_build() -> None:
    make_target = trusted_maker(Target, ("lower", "upper", "unit"))
    make_indicator = trusted_maker(Indicator, ("id", "text", "target", "aspect", "direction"))
    target = make_target(Decimal(80), Decimal(100), "%")
    assert target == trusted_init(Target, lower=Decimal(80), upper=Decimal(100), unit="%")
    assert target == Target(Decimal(80), Decimal(100), "%")
    made = make_indicator("iki-1", "Laporan", target, Aspect.KUALITAS, Direction.LOWER_IS_BETTER)
    validated = Indicator("iki-1", "Laporan", target, Aspect.KUALITAS, Direction.LOWER_IS_BETTER)
    assert made == validated
    assert made.to_dict() == validated.to_dict()
    assert trusted_maker(_Hashed, ("a", "b"))(2, "w") == _Hashed(2, "w")
    assert hash(trusted_maker(_Hashed, ("a", "b"))(2, "w")) == hash(_Hashed(2, "w"))
    assert trusted_maker(_NoSlots, ("a", "b"))(1, ()) == _NoSlots(1, ())
    # the derived field: total = a + len(b) = 2 + 3 = 5
    assert trusted_maker(_Slotted, ("a", "b"))(2, "abc").total == 5


def test_a_maker_runs_the_post_init_with_its_own_error() -> None:
    # TARGET-RANGE: 10 above 5, refused as the validated constructor refuses it
    with pytest.raises(AsnPerformanceError) as made:
        trusted_maker(Target, ("lower", "upper", "unit"))(Decimal(10), Decimal(5), "%")
    with pytest.raises(AsnPerformanceError) as validated:
        Target(Decimal(10), Decimal(5), "%")
    assert (made.value.rule, made.value.path, str(made.value)) == (
        validated.value.rule,
        validated.value.path,
        str(validated.value),
    )


def test_a_maker_refuses_other_fields_or_counts() -> None:
    with pytest.raises(TypeError, match="the init fields are"):
        trusted_maker(Target, ("upper", "lower", "unit"))  # the order matters
    with pytest.raises(TypeError, match="the init fields are"):
        trusted_maker(_Slotted, ("a", "b", "total"))  # total is not an init field
    with pytest.raises(TypeError, match="give exactly the fields"):
        trusted_maker(_Slotted, ("a", "b"))(1)
