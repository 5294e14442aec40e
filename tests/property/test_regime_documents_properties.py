"""Properties of the regime documents (:mod:`asn_performance.boundary.regime_documents`).

Valid documents of the three shapes are drawn as JSON dicts (random activities, IKI, weights
summing to 100, halves given by value or in full) next to the shipped examples. Properties:
a valid document loads, computes exact decimals and round-trips through its dump; and no
corruption of a valid document -- any leaf replaced by any JSON value, any key removed --
makes the loader raise anything but the library's own error, with a JSON path and a rule.
"""

from __future__ import annotations

import itertools
import json
from decimal import Decimal
from importlib.resources import files
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roundtrip import _JSON_LEAVES as JSON_LEAVES
from test_roundtrip import _leaves, _replace

from asn_performance._kit.exact import quantize
from asn_performance.boundary.appraisal_document import to_json
from asn_performance.boundary.regime_documents import (
    RegimeDocument,
    dump_regime_document,
    dump_regime_result,
    load_regime_document,
)
from asn_performance.exceptions import AsnPerformanceError
from asn_performance.testing import nips

FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

EXAMPLES = files("asn_performance") / "examples"
SHIPPED = tuple(
    json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    for name in ("pp46_2019", "permenpanrb_8_2021", "integration_2021")
)


# --- valid documents, as JSON ------------------------------------------------------------------


def _decimals(low: str, high: str) -> st.SearchStrategy[str]:
    return st.decimals(
        min_value=Decimal(low), max_value=Decimal(high), places=2, allow_nan=False
    ).map(str)


_POSITIVE = _decimals("0.01", "100000")
_REALISATION = _decimals("0", "100000")
_SCORE = _decimals("0", "100")
_NIP_LISTS = st.lists(nips(), min_size=1, max_size=3, unique_by=lambda nip: nip.digits)


@st.composite
def _aspect(draw: st.DrawFn) -> dict[str, str]:
    return {"target": draw(_POSITIVE), "realisation": draw(_REALISATION)}


@st.composite
def _time_or_cost(draw: st.DrawFn) -> dict[str, str]:
    """Waktu or biaya with a realisation up to 1.76 × the target, where the formula is >= 0
    (beyond, a January-June value can fall below 0, which the integration refuses)."""
    target = Decimal(draw(_POSITIVE))
    share = Decimal(draw(_decimals("0", "1.76")))
    return {"target": str(target), "realisation": str(target * share)}


_ASPECT = _aspect()
_TIME_OR_COST = _time_or_cost()


@st.composite
def _activity(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "name": draw(st.sampled_from(["Menyusun laporan", "Rapat koordinasi", "Kajian"])),
        "kuantitas": draw(_ASPECT),
        "kualitas": draw(_ASPECT),
        "waktu": draw(_TIME_OR_COST),
        "biaya": draw(st.none() | _TIME_OR_COST),
    }


@st.composite
def _pp46_inputs(draw: st.DrawFn) -> dict[str, Any]:
    structural = draw(st.booleans())
    skps = [
        {
            "activities": draw(st.lists(_activity(), min_size=1, max_size=3)),
            "tugas_tambahan": draw(st.integers(0, 9)),
            "kreativitas": draw(
                st.lists(st.sampled_from(["unit_kerja", "instansi", "nasional"]), max_size=2)
            ),
        }
        for _ in range(draw(st.integers(1, 2)))
    ]
    behaviour = {
        name: draw(_SCORE)
        for name in ("orientasi_pelayanan", "integritas", "komitmen", "disiplin", "kerja_sama")
    }
    if structural:
        behaviour["kepemimpinan"] = draw(_SCORE)
    return {"structural": structural, "skps": skps, "behaviour": behaviour}


@st.composite
def _iki(draw: st.DrawFn, ident: str) -> dict[str, Any]:
    lower = draw(_POSITIVE)
    upper = None
    if draw(st.booleans()):
        upper = str(Decimal(lower) + Decimal(draw(_POSITIVE)))
    return {
        "id": ident,
        "target": {"lower": lower, "upper": upper, "unit": draw(st.sampled_from(["", "%"]))},
        "realisation": draw(_REALISATION),
        "direction": draw(st.sampled_from(["higher_is_better", "lower_is_better"])),
        "max_attainable": draw(st.booleans()),
    }


@st.composite
def _weights(draw: st.DrawFn) -> list[int]:
    cuts = sorted(draw(st.lists(st.integers(1, 99), max_size=2, unique=True)))
    bounds = [0, *cuts, 100]
    return [b - a for a, b in itertools.pairwise(bounds)]


@st.composite
def _pp30_inputs(draw: st.DrawFn) -> dict[str, Any]:
    inputs: dict[str, Any] = {
        "behaviour": draw(_decimals("0", "120")),
        "innovation": draw(st.booleans()),
        "with_peer_input": draw(st.none() | st.booleans()),
    }
    if draw(st.booleans()):
        inputs["nilai_skp"] = draw(_decimals("0", "130"))
        return inputs
    utama = [
        {
            "id": f"rhk-{j}",
            "weight": str(weight),
            "indicators": [draw(_iki(f"iki-{j}-{k}")) for k in range(draw(st.integers(1, 3)))],
        }
        for j, weight in enumerate(draw(_weights()))
    ]
    tambahan = [
        {"id": f"tambahan-{j}", "scope_weight": draw(_SCORE), "indicator": draw(_iki(f"t-{j}"))}
        for j in range(draw(st.integers(0, 2)))
    ]
    inputs["skp"] = {"utama": utama, "tambahan": tambahan}
    return inputs


@st.composite
def regime_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid regime document of any of the three shapes, as a JSON-ready dict."""
    regime = draw(st.sampled_from(["pp46_2011", "permenpanrb_8_2021", "integration_2021"]))
    people = [{"nip": nip.digits, "name": f"Pegawai {i}"} for i, nip in enumerate(draw(_NIP_LISTS))]
    data: dict[str, Any] = {"regime": regime}
    if regime == "pp46_2011":
        data["period"] = draw(
            st.sampled_from(["2014", "2019", "2020-Q3", "2016-02", "2021-01-01/2021-06-30"])
        )
        data["employees"] = [{**p, **draw(_pp46_inputs())} for p in people]
    elif regime == "permenpanrb_8_2021":
        data["period"] = draw(st.sampled_from(["2021-07-01/2021-12-31", "2021-Q3", "2021-11"]))
        data["with_peer_input"] = draw(st.booleans())
        data["employees"] = [{**p, **draw(_pp30_inputs())} for p in people]
    else:
        data["period"] = "2021"
        data["with_peer_input"] = draw(st.booleans())
        data["predikat_table"] = draw(st.sampled_from(["permenpanrb_8_2021", "pp46_2011", "none"]))
        half_value = _decimals("0", "130").map(lambda v: {"value": v})
        data["employees"] = [
            {
                **p,
                "first_half": draw(half_value | _pp46_inputs()),
                "second_half": draw(half_value | _pp30_inputs()),
                "innovation": draw(st.none() | st.booleans()),
            }
            for p in people
        ]
    return data


_DOCUMENTS = regime_documents() | st.sampled_from(SHIPPED)


# --- valid documents ---------------------------------------------------------------------------


@FAST
@given(_DOCUMENTS)
def test_a_valid_document_computes_exact_decimals_and_round_trips(data: dict[str, Any]) -> None:
    document = load_regime_document(to_json(data))
    assert load_regime_document(data) == document
    results = document.compute()
    assert len(results) == len(document.employees)
    for result in results:
        assert isinstance(result.value, Decimal)
        assert result.value_shown == quantize(result.value)
        assert (result.predikat is None) == (result.predikat_2022 is None)
        record = dump_regime_result(result)
        assert json.loads(to_json(record)) == record
        assert Decimal(record["value"]) == result.value
    dumped = dump_regime_document(document)
    assert load_regime_document(dumped) == document
    assert load_regime_document(to_json(dumped)) == document


# --- corruption: only the library's own errors -------------------------------------------------

_JSON_LEAVES = (
    JSON_LEAVES
    | st.sampled_from(
        ["NaN", "-1", "0", "1e400", "2021", "2022", "pp46_2011", "integration_2021", "Baik"]
    )
    | st.just([])
    | st.just({})
)


def _keys(value: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [
            p for key, item in value.items() for p in [(*path, key), *_keys(item, (*path, key))]
        ]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _keys(item, (*path, index))]
    return []


def _remove(value: Any, path: tuple[Any, ...]) -> Any:
    if len(path) == 1:
        return {key: item for key, item in value.items() if key != path[0]}
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _remove(value[path[0]], path[1:])
    return copy


def assert_result_or_library_error(source: object) -> RegimeDocument | None:
    """Load ``source``: a document comes back, or the library's own error with a JSON path.

    Any other exception fails the test by propagating.
    """
    caught: AsnPerformanceError | None = None
    try:
        document = load_regime_document(source)  # type: ignore[arg-type]
    except AsnPerformanceError as error:
        caught = error
    if caught is not None:
        assert caught.path is not None
        assert caught.path.startswith("$"), caught.path
        assert caught.rule
        return None
    for result in document.compute():  # computed once by the loader: never raises now
        dump_regime_result(result)
    return document


@FAST
@given(_DOCUMENTS, st.data())
def test_a_corrupted_leaf_gives_a_result_or_a_library_error(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    path = draw.draw(st.sampled_from(_leaves(data)))
    new = draw.draw(_JSON_LEAVES)
    corrupted = _replace(data, path, new)
    loaded = assert_result_or_library_error(corrupted)
    if loaded is not None:
        assert not isinstance(new, float), f"a float was accepted at {path}"
    text = json.dumps(corrupted, default=str)
    assert_result_or_library_error(text)


@FAST
@given(_DOCUMENTS, st.data())
def test_a_removed_key_gives_a_result_or_a_library_error(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    path = draw.draw(st.sampled_from(_keys(data)))
    assert_result_or_library_error(_remove(data, path))


@FAST
@given(_DOCUMENTS, st.data())
def test_a_corrupted_json_text_gives_a_result_or_a_library_error(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    text = to_json(data)
    start = draw.draw(st.integers(0, len(text) - 1))
    length = draw.draw(st.integers(0, 12))
    insert = draw.draw(st.text(alphabet='{}[]",:0123456789.eE-+ aNI\\\n', max_size=6))
    assert_result_or_library_error(text[:start] + insert + text[start + length :])
