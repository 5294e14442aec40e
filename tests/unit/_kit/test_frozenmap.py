"""Tests for :class:`asn_performance._kit.frozenmap.FrozenMap`, the read-only mapping that keeps the
domain objects holding it (assessments, policies, regime tables) immutable and hashable.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Mapping

import pytest

from asn_performance import AssessorRole, Rating, WeightedSources
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.regimes.permenpanrb_6_2022.matrix import PREDIKAT_MATRIX


def test_a_frozen_map_reads_like_a_dict() -> None:
    m = FrozenMap({"rhk-1": Rating.SESUAI, "rhk-2": Rating.DI_ATAS})
    assert m["rhk-1"] is Rating.SESUAI
    assert len(m) == 2
    assert list(m) == ["rhk-1", "rhk-2"]
    assert "rhk-2" in m
    assert "rhk-3" not in m
    assert m.get("rhk-3") is None
    assert m.get("rhk-3", Rating.DI_BAWAH) is Rating.DI_BAWAH
    assert dict(m.items()) == {"rhk-1": Rating.SESUAI, "rhk-2": Rating.DI_ATAS}
    assert set(m.keys()) == {"rhk-1", "rhk-2"}
    assert list(m.values()) == [Rating.SESUAI, Rating.DI_ATAS]
    assert isinstance(m, Mapping)


def test_a_frozen_map_can_be_built_from_pairs_or_empty() -> None:
    assert FrozenMap([("a", 1), ("b", 2)]) == {"a": 1, "b": 2}
    assert len(FrozenMap()) == 0
    assert not FrozenMap()


def test_a_missing_key_raises_key_error() -> None:
    with pytest.raises(KeyError):
        _ = FrozenMap({"a": 1})["b"]


def test_a_frozen_map_cannot_be_changed() -> None:
    m: FrozenMap[str, int] = FrozenMap({"a": 1})
    with pytest.raises(TypeError):
        m["a"] = 2  # type: ignore[index]
    with pytest.raises(TypeError):
        del m["a"]  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        m._data = {}
    with pytest.raises(AttributeError):
        m.extra = 1  # type: ignore[attr-defined]
    assert m == {"a": 1}


def test_changing_the_source_dict_does_not_change_the_map() -> None:
    source = {"a": 1}
    m = FrozenMap(source)
    source["a"] = 2
    source["b"] = 3
    assert m == {"a": 1}


def test_equal_content_compares_equal_whatever_the_insertion_order() -> None:
    one = FrozenMap({"a": 1, "b": 2})
    two = FrozenMap({"b": 2, "a": 1})
    assert one == two
    assert hash(one) == hash(two)
    assert one == {"b": 2, "a": 1}
    assert one != {"a": 1}
    assert one != FrozenMap({"a": 1, "b": 3})


def test_a_frozen_map_is_not_equal_to_a_non_mapping() -> None:
    assert FrozenMap({"a": 1}) != [("a", 1)]
    assert FrozenMap() != 0


def test_a_frozen_map_can_be_a_dict_key_and_a_set_member() -> None:
    table = {FrozenMap({"a": 1}): "x"}
    assert table[FrozenMap({"a": 1})] == "x"
    assert len({FrozenMap({"a": 1}), FrozenMap({"a": 1}), FrozenMap({"a": 2})}) == 2


def test_the_hash_is_stable_across_calls() -> None:
    m = FrozenMap({AssessorRole.PEER: 20, AssessorRole.SELF: 20})
    assert hash(m) == hash(m)


def test_a_map_of_unhashable_values_cannot_be_hashed() -> None:
    with pytest.raises(TypeError):
        hash(FrozenMap({"a": [1]}))


def test_the_repr_shows_the_content() -> None:
    assert repr(FrozenMap({"a": 1})) == "FrozenMap({'a': 1})"


def test_the_predikat_matrix_is_a_frozen_map_of_nine_cells() -> None:
    assert isinstance(PREDIKAT_MATRIX, FrozenMap)
    assert len(PREDIKAT_MATRIX) == 9


def test_a_frozen_map_survives_copy_and_deepcopy() -> None:
    m = FrozenMap({"a": 1, "b": 2})
    assert copy.copy(m) == m
    assert copy.deepcopy(m) == m


def test_a_frozen_map_survives_pickling() -> None:
    # Domain objects that hold a FrozenMap (Assessment, WeightedSources, Appraisal) must be
    # picklable, e.g. to appraise a unit in worker processes.
    m = FrozenMap({"a": 1, "b": 2})
    restored = pickle.loads(pickle.dumps(m))  # noqa: S301 - our own bytes
    assert restored == m
    assert hash(restored) == hash(m)


def test_a_weighting_policy_survives_pickling() -> None:
    policy = WeightedSources({"self": 20, "pejabat_penilai": 60, "peer": 20})
    assert pickle.loads(pickle.dumps(policy)) == policy  # noqa: S301 - our own bytes
