"""The conformance vectors: read from the package (or a folder written by ``export``), and
written out again."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.exceptions import InputError, Problem

__all__ = [
    "FORMAT_VERSION",
    "MANIFEST",
    "VECTOR_FORMAT",
    "Vector",
    "export",
    "load_vectors",
    "manifest",
]

#: The version of the vector, manifest and results formats this release reads and writes.
FORMAT_VERSION: Final = "1"
#: The ``format`` field of every vector file.
VECTOR_FORMAT: Final = "asn-performance conformance vector"
#: The name of the manifest in a vectors folder.
MANIFEST: Final = "manifest.json"


@attrs.frozen
class Vector:
    """One conformance vector: its input (a public JSON document of ``kind``), the options
    it is computed with, and the output the library gives (``expected``, field -> text);
    ``required`` are the fields a result must give."""

    id: str
    group: str
    regime: str
    kind: str
    rule: str
    source: str
    worked_example: str | None
    input_text: str = attrs.field(repr=False)
    options: FrozenMap[str, str]
    required: tuple[str, ...]
    expected: FrozenMap[str, str]

    @property
    def input(self) -> dict[str, Any]:
        """The input document (a new copy each time)."""
        data: dict[str, Any] = json.loads(self.input_text)
        return data

    @property
    def generated(self) -> bool:
        """Whether the expected output is what the library gives (not a worked example)."""
        return self.source == "generated"


def _package_folder() -> Any:
    return resources.files("asn_performance.conformance") / "vectors"


def _vector(data: object, where: str, problems: list[Problem]) -> Vector | None:
    if not isinstance(data, Mapping):
        problems.append(
            Problem(
                "a vector file is a JSON object",
                path=where,
                value=type(data).__name__,
                rule="CONFORMANCE-VECTORS",
                fix="export the vectors again (asn-performance conformance export DIR)",
            )
        )
        return None
    if data.get("format") != VECTOR_FORMAT or data.get("format_version") != FORMAT_VERSION:
        problems.append(
            Problem(
                f"a vector of format version {FORMAT_VERSION} is expected",
                path=where + ".format_version",
                value=data.get("format_version"),
                rule="CONFORMANCE-VECTORS",
                fix="use the vectors of this release of the library, or the library of the"
                " vectors' manifest (library_version)",
            )
        )
        return None
    try:
        expected = data["expected"]
        return Vector(
            id=str(data["id"]),
            group=str(data["group"]),
            regime=str(data["regime"]),
            kind=str(data["kind"]),
            rule=str(data["rule"]),
            source=str(data["source"]),
            worked_example=data["worked_example"],
            input_text=json.dumps(data["input"], ensure_ascii=False),
            options=FrozenMap({str(k): str(v) for k, v in data["options"].items()}),
            required=tuple(str(f) for f in data["required"]),
            expected=FrozenMap({str(k): str(v) for k, v in expected.items()}),
        )
    except (KeyError, TypeError, AttributeError) as error:
        problems.append(
            Problem(
                f"a vector lacks a field or has a field of the wrong kind ({error})",
                path=where,
                rule="CONFORMANCE-VECTORS",
                fix="export the vectors again (asn-performance conformance export DIR)",
            )
        )
        return None


def _read(folder: Any, name: str, where: str, problems: list[Problem]) -> object:
    try:
        # The boundary (pydantic) loads when vectors are read, not with the package.
        from asn_performance.boundary._wire import loads  # noqa: PLC0415

        return loads((folder / name).read_bytes())
    except OSError as error:
        problems.append(
            Problem(
                f"cannot read {name} ({error.strerror or error})",
                path=where,
                value=name,
                rule="CONFORMANCE-VECTORS",
                fix="give the folder that asn-performance conformance export wrote",
            )
        )
    except InputError as error:
        problems.append(
            Problem(
                f"{name} is not JSON: {error.message}",
                path=where,
                value=name,
                rule="CONFORMANCE-VECTORS",
                fix="export the vectors again (asn-performance conformance export DIR)",
            )
        )
    return None


def manifest(folder: str | Path | None = None) -> dict[str, Any]:
    """The manifest of the vectors (the package's, or the one in ``folder``)."""
    where = _package_folder() if folder is None else Path(folder)
    problems: list[Problem] = []
    data = _read(where, MANIFEST, MANIFEST, problems)
    if problems:
        raise InputError.from_problems(problems)
    if (
        not isinstance(data, dict)
        or data.get("format_version") != FORMAT_VERSION
        or not isinstance(data.get("vectors"), list)
    ):
        raise InputError(
            f"the manifest is not one of format version {FORMAT_VERSION}",
            path=f"{MANIFEST}: $.format_version",
            value=data.get("format_version") if isinstance(data, dict) else None,
            rule="CONFORMANCE-VECTORS",
            fix="use the vectors of this release (asn-performance conformance export DIR)",
        )
    return data


def load_vectors(folder: str | Path | None = None) -> tuple[Vector, ...]:
    """Every vector of the manifest, in its order: the package's, or those ``export`` wrote
    to ``folder``. Every problem is one error (rule ``CONFORMANCE-VECTORS``)."""
    where = _package_folder() if folder is None else Path(folder)
    entries = manifest(folder)["vectors"]
    problems: list[Problem] = []
    vectors = []
    for index, entry in enumerate(entries):
        at = f"{MANIFEST}: $.vectors[{index}]"
        name = entry.get("file") if isinstance(entry, Mapping) else None
        if not isinstance(name, str):
            problems.append(
                Problem(
                    "a manifest entry names its file",
                    path=at + ".file",
                    value=name,
                    rule="CONFORMANCE-VECTORS",
                    fix="export the vectors again (asn-performance conformance export DIR)",
                )
            )
            continue
        data = _read(where, name, f"{name}: $", problems)
        vector = None if data is None else _vector(data, f"{name}: $", problems)
        if vector is not None:
            vectors.append(vector)
    if problems:
        raise InputError.from_problems(problems)
    return tuple(vectors)


def export(folder: str | Path) -> tuple[Path, ...]:
    """Write the package's vectors and manifest under ``folder`` (created if needed), each
    file as shipped; return the paths written, the manifest first."""
    target = Path(folder)
    source = _package_folder()
    names = [MANIFEST] + [str(e["file"]) for e in manifest()["vectors"]]
    written = []
    for name in names:
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((source / name).read_bytes())
        written.append(path)
    return tuple(written)
