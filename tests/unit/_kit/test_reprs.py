"""``_kit.reprs.attrs_repr``: the written-once ``repr`` gives attrs' generated text (issue 12).

The classes ``from asn_performance import appraise`` builds define ``__repr__`` as a call of
:func:`attrs_repr` so that attrs does not generate and compile one per class at every start.
These tests hold it to attrs' own generated ``repr``: on twin classes built here (every kind of
field: ``repr=False``, a ``repr=`` callable, ``init=False`` set or not, cycles, a class inside
a function, a subclass) and on real instances of every domain class that uses it, each against
a twin attrs class with the same fields that keeps attrs' generated method.
"""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from typing import Any

import attrs
import pytest

from asn_performance import (
    Assessment,
    AssessorRole,
    BehaviourExpectation,
    CoreValue,
    Employee,
    Explanation,
    FeedbackEntry,
    FeedbackKind,
    Guards,
    Indicator,
    Nip,
    PerDimension,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Rating,
    Realisation,
    SupervisorDecides,
    Target,
    WeightedSources,
    WorkResult,
)
from asn_performance._kit.reprs import attrs_repr


def _twin(cls: type) -> type:
    """An attrs class with the fields of ``cls`` (names, order, ``repr``, ``init``) whose
    ``__repr__`` attrs generates, named as ``cls`` is."""
    fields = {
        field.name: attrs.field(default=None, repr=field.repr, init=field.init)
        for field in attrs.fields(cls)
    }
    twin = attrs.make_class(cls.__name__, fields, frozen=True)
    twin.__qualname__ = cls.__qualname__
    return twin


def _attrs_text(obj: Any) -> str:
    """``repr(obj)`` as attrs' generated ``__repr__`` writes it: a twin instance holding the
    same values (the ``init=False`` ones only where ``obj`` has them)."""
    twin = object.__new__(_twin(type(obj)))
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name, attrs.NOTHING)
        if value is not attrs.NOTHING:
            object.__setattr__(twin, field.name, value)
    return repr(twin)


@attrs.frozen
class _Mixed:
    plain: object
    hidden: object = attrs.field(default=None, repr=False)
    custom: object = attrs.field(default=None, repr=lambda value: f"<{value}>")
    builtin: object = attrs.field(default=None, repr=repr)
    later: object = attrs.field(init=False, default=None)
    unset: object = attrs.field(init=False)

    def __repr__(self) -> str:
        return attrs_repr(self)


@attrs.frozen
class _MixedAttrs:
    plain: object
    hidden: object = attrs.field(default=None, repr=False)
    custom: object = attrs.field(default=None, repr=lambda value: f"<{value}>")
    builtin: object = attrs.field(default=None, repr=repr)
    later: object = attrs.field(init=False, default=None)
    unset: object = attrs.field(init=False)


def _same(ours: str, theirs: str) -> None:
    assert ours == theirs.replace("_MixedAttrs", "_Mixed")


def test_every_kind_of_field_is_shown_as_attrs_shows_it() -> None:
    # By hand: "plain" shown with repr; "hidden" (repr=False) left out; "custom" through its
    # own callable, not quoted; "builtin" (repr=repr) as repr; "later" (init=False, default
    # None) read as None; "unset" (init=False, no default) never set: attrs' NOTHING.
    ours = _Mixed("a", "secret", 5, "b")
    assert repr(ours) == "_Mixed(plain='a', custom=<5>, builtin='b', later=None, unset=NOTHING)"
    _same(repr(ours), repr(_MixedAttrs("a", "secret", 5, "b")))


def test_nested_objects_and_values_that_quote() -> None:
    inner = _Mixed("it's", custom="x")
    outer = _Mixed(inner, builtin=Decimal("1.50"))
    _same(repr(outer), repr(_MixedAttrs(_MixedAttrs("it's", custom="x"), builtin=Decimal("1.50"))))


def test_a_cycle_shows_dots_where_it_closes_as_attrs_does() -> None:
    ours, theirs = _Mixed(None), _MixedAttrs(None)
    object.__setattr__(ours, "plain", [ours])
    object.__setattr__(theirs, "plain", [theirs])
    assert (
        repr(ours) == "_Mixed(plain=[...], custom=<None>, builtin=None, later=None, unset=NOTHING)"
    )
    _same(repr(ours), repr(theirs))
    # A cycle through both kinds of repr closes at the object met again, as before.
    a, b = _Mixed(None), _MixedAttrs(None)
    object.__setattr__(a, "plain", b)
    object.__setattr__(b, "plain", a)
    assert repr(a) == (
        "_Mixed(plain=_MixedAttrs(plain=..., custom=<None>, builtin=None, later=None,"
        " unset=NOTHING), custom=<None>, builtin=None, later=None, unset=NOTHING)"
    )


def test_the_same_object_twice_side_by_side_is_shown_twice() -> None:
    # Not a cycle: the object is shown, then shown again (the guard is released between).
    inner = _Mixed(1)
    outer = _Mixed((inner, inner))
    assert repr(outer).count("_Mixed(plain=1,") == 2


def test_a_failing_field_leaves_the_guard_released() -> None:
    class Boom:
        def __repr__(self) -> str:
            raise RuntimeError("boom")

    broken = _Mixed(Boom())
    with pytest.raises(RuntimeError, match="boom"):
        repr(broken)
    object.__setattr__(broken, "plain", 1)
    assert repr(broken).startswith("_Mixed(plain=1,")


def test_a_class_inside_a_function_and_a_plain_subclass() -> None:
    @attrs.frozen
    class Local:
        x: int

        def __repr__(self) -> str:
            return attrs_repr(self)

    @attrs.frozen
    class LocalAttrs:
        x: int

    assert repr(Local(1)) == "Local(x=1)" == repr(LocalAttrs(1)).replace("LocalAttrs", "Local")

    class Sub(_Mixed):
        pass

    class SubAttrs(_MixedAttrs):
        pass

    _same(repr(Sub(2)).replace("Sub(", "X("), repr(SubAttrs(2)).replace("SubAttrs(", "X("))


def test_each_thread_has_its_own_guard() -> None:
    seen: list[str] = []
    thread = threading.Thread(target=lambda: seen.append(repr(_Mixed(3))))
    thread.start()
    thread.join()
    assert seen == [repr(_Mixed(3))]


def _objects() -> list[object]:
    nip, boss_nip = Nip("198507152010011001"), Nip("197001012000031002")
    position = Position(PositionKind.PELAKSANA, "Pengadministrasi")
    employee = Employee(nip, "Siti", position, "Biro Umum", superior_nip=boss_nip)
    boss = Employee(boss_nip, "Budi", position, "Biro Umum")
    target = Target.range(80, 90, "%")
    indicator = Indicator("iki-1", "Surat selesai", target)
    work_result = WorkResult("rhk-1", "Layanan surat", (indicator,), leader_work_result="RHK")
    plan = PerformancePlan("skp-1", employee, boss, Period.annual(2025), (work_result,))
    realisation = Realisation("iki-1", Decimal("85"), evidence="arsip")
    assessment = Assessment(
        "skp-1",
        AssessorRole.PEJABAT_PENILAI,
        boss_nip,
        dt.date(2025, 12, 31),
        Period.annual(2025),
        Rating.SESUAI,
        Rating.DI_ATAS,
        realisations=(realisation,),
    )
    return [
        nip,
        Period.annual(2025),
        position,
        employee,
        target,
        Target.value(5),
        indicator,
        work_result,
        BehaviourExpectation(CoreValue.LOYAL, "tepat waktu"),
        plan,
        realisation,
        assessment,
        Explanation(()),
        FeedbackEntry("fb-1", "skp-1", boss_nip, dt.date(2025, 3, 1), FeedbackKind.REPORT, "ok"),
        SupervisorDecides(),
        WeightedSources({"self": 20, "pejabat_penilai": 80}),
        PerDimension(SupervisorDecides(), WeightedSources({"pejabat_penilai": 1})),
        Guards(),
    ]


@pytest.mark.parametrize("obj", _objects(), ids=lambda obj: type(obj).__name__)
def test_every_domain_class_that_uses_it_shows_what_attrs_generated(obj: object) -> None:
    cls = type(obj)
    assert cls.__repr__.__qualname__ == f"{cls.__qualname__}.__repr__"  # its own method
    assert repr(obj) == _attrs_text(obj)


def test_one_domain_repr_worked_by_hand() -> None:
    # Target: lower and upper as Decimal reprs, unit quoted; no other field.
    assert (
        repr(Target.range(80, 90, "%"))
        == "Target(lower=Decimal('80'), upper=Decimal('90'), unit='%')"
    )
