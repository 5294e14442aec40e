"""The limits of a JSON document (:mod:`asn_performance.boundary._json_text`): its size in bytes
(``MAX_BYTES``, :func:`read_input`), the items of one array or object (``MAX_ITEMS``) and the
problems read in full from pydantic (``MAX_PROBLEMS``).

Small sizes here; the hostile sizes (a million keys, ``/dev/zero``) are timed and measured by
``benchmarks/fuzz.py --sizes``.
"""

from __future__ import annotations

import io
import json
import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from boundary_story import BASE, document, fails

from asn_performance.boundary import _json_text
from asn_performance.boundary._json_text import MAX_BYTES, MAX_ITEMS, loads, read_input
from asn_performance.boundary.appraisal_document import load_document
from asn_performance.exceptions import NipError, SchemaError

# --- bytes ----------------------------------------------------------------------------------


def test_read_input_reads_a_stream_up_to_the_limit_and_refuses_one_byte_more() -> None:
    """Reproduces: nothing bounded what the command line read (``/dev/zero`` ran out of memory)."""
    assert read_input(io.BytesIO(b"x" * 10), max_bytes=10) == b"x" * 10
    with pytest.raises(SchemaError) as info:
        read_input(io.BytesIO(b"x" * 11), max_bytes=10)
    error = info.value
    assert (error.path, error.rule) == ("$", "SCHEMA-too_large")
    assert "10 bytes" in error.message
    assert error.fix == "split the document (e.g. one unit per file)"


def test_read_input_reads_a_file_by_its_path(tmp_path: Path) -> None:
    file = tmp_path / "unit.json"
    file.write_bytes(b'{"a": 1}')
    assert read_input(file) == b'{"a": 1}'
    assert read_input(str(file), max_bytes=8) == b'{"a": 1}'
    with pytest.raises(SchemaError, match="SCHEMA-too_large"):
        read_input(file, max_bytes=7)
    with pytest.raises(OSError):  # noqa: PT011 - the command line reports any OSError
        read_input(tmp_path / "missing.json")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_input_stops_at_the_limit() -> None:
    """Reproduces: ``asn-performance appraise /dev/zero`` ended with MemoryError (exit 70)."""
    with pytest.raises(SchemaError) as info:
        read_input("/dev/zero", max_bytes=1 << 20)
    assert info.value.rule == "SCHEMA-too_large"


def test_the_default_limit_is_64_mib() -> None:
    assert MAX_BYTES == 64 * 1024 * 1024


@pytest.mark.parametrize("kind", [str, bytes])
def test_text_over_the_limit_is_refused_before_it_is_parsed(
    kind: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reproduces: JSON text of any size was parsed (and validated) whole."""
    text = json.dumps(BASE)
    monkeypatch.setattr(_json_text, "MAX_BYTES", len(text) - 1)
    source = text if kind is str else text.encode("utf-8")
    error = fails(source, SchemaError)
    assert (error.path, error.rule) == ("$", "SCHEMA-too_large")
    monkeypatch.setattr(_json_text, "MAX_BYTES", len(text))
    assert load_document(source) == load_document(BASE)


# --- items -------------------------------------------------------------------------------------


def _keys(count: int) -> str:
    return "{" + ",".join(f'"k{i}": 0' for i in range(count)) + "}"


def test_an_object_of_too_many_keys_is_refused_at_its_path_while_parsing() -> None:
    """Reproduces: an object of any number of unknown keys reached pydantic, which reported
    every key (a million took a gigabyte)."""
    data = document()
    marker = '"__many__"'
    data["assessments"][0]["behaviour_ratings"] = "__many__"
    text = json.dumps(data).replace(marker, _keys(MAX_ITEMS + 1))
    error = fails(text, SchemaError)
    assert error.path == "$.assessments[0].behaviour_ratings"
    assert error.rule == "SCHEMA-too_long"
    assert f"{MAX_ITEMS + 1:,} items" in error.message
    assert error.fix == f"give at most {MAX_ITEMS} items (split the document)"


def test_a_top_level_object_of_too_many_keys_is_refused_at_the_root() -> None:
    error = fails(_keys(MAX_ITEMS + 1), SchemaError)
    assert (error.path, error.rule) == ("$", "SCHEMA-too_long")


def test_an_array_of_too_many_items_is_refused_at_its_path() -> None:
    """Reproduces: an array of more than MAX_ITEMS items where no list is allowed reached
    pydantic (only list fields had a length limit)."""
    data = document(title=[0] * (MAX_ITEMS + 1))
    error = fails(json.dumps(data), SchemaError)
    assert (error.path, error.rule) == ("$.title", "SCHEMA-too_long")
    assert error.value == f"<array of {MAX_ITEMS + 1} items>"
    # A mapping passed by a caller is held to the same limit.
    error = fails(data, SchemaError)
    assert (error.path, error.rule) == ("$.title", "SCHEMA-too_long")


def test_loads_applies_the_limits_too() -> None:
    with pytest.raises(SchemaError) as info:
        loads("[" + _keys(MAX_ITEMS + 1) + "]")
    assert (info.value.path, info.value.rule) == ("$[0]", "SCHEMA-too_long")
    assert loads('{"a": [1.5]}') == {"a": [pytest.approx(1.5)]}


def test_an_object_at_the_limit_is_still_read() -> None:
    error = fails(_keys(MAX_ITEMS), SchemaError)
    # Read and validated: the first unknown field is reported, the others counted.
    assert error.rule == "SCHEMA-missing"
    assert f"(and {MAX_ITEMS + 2} more problems)" in error.message


# --- problems ------------------------------------------------------------------------------------


def _with_unknown_keys(count: int, **changes: Any) -> dict[str, Any]:
    data = document(**changes)
    data.update({f"unknown_{i}": 0 for i in range(count)})
    return data


def _same(a: Exception, b: Exception) -> bool:
    return (type(a), str(a)) == (type(b), str(b))


def test_past_max_problems_the_first_problem_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first problem of a document with more than MAX_PROBLEMS problems is the one read in
    full: a domain error (a NIP) keeps its class, rule and path; the count is of all."""
    data = _with_unknown_keys(50)
    data["employees"][1]["nip"] = "19860926201505100"  # 17 digits
    read_in_full = fails(data, NipError)
    monkeypatch.setattr(_json_text, "MAX_PROBLEMS", 30)
    pruned = fails(data, NipError)
    assert _same(pruned, read_in_full)
    assert pruned.path == "$.employees[1].nip"
    assert "(and 50 more problems)" in pruned.message


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("schema_version"),
        lambda d: d["plans"][1]["work_results"][0]["indicators"][0].update(target="x"),
        lambda d: d["plans"][0].update(leads_unit="yes"),
        lambda d: d["assessments"][1].update(rating_hasil_kerja="luar biasa"),
        lambda d: d["assessments"][-1]["behaviour_ratings"].update(Kolaboratif="sesuai"),
        lambda d: d["employees"][2]["position"].update(kind="pelaksana"),
    ],
)
def test_past_max_problems_every_kind_of_first_problem_is_the_same(
    change: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _with_unknown_keys(20)
    change(data)
    read_in_full = fails(data, Exception)
    monkeypatch.setattr(_json_text, "MAX_PROBLEMS", 15)
    assert _same(fails(data, Exception), read_in_full)


def test_many_problems_are_counted_without_reading_each() -> None:
    """Reproduces: ``ValidationError.errors()`` built a dict for each of 100 000 unknown keys
    (over 70 MB) to report the first."""
    text = json.dumps(_with_unknown_keys(100_000))
    tracemalloc.start()
    try:
        error = fails(text, SchemaError)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.path == "$.unknown_0"
    assert "(and 99999 more problems)" in error.message
    assert peak < 40 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
