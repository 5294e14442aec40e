"""The stable surface of a release, written once when the release is made and checked by the
tests on every later commit (docs/explanation/versioning.md).

The surface is what the version policy promises to keep over the minor releases of a major
version (and, before 1.0, over one minor release with a deprecation):

- ``api``: every public module's ``__all__`` (a module is public when no part of its dotted
  name begins with ``_``);
- ``rules``: every rule id of ``docs/reference/rules.md``;
- ``schemas``: for each published JSON Schema, its direction and every field path (``a.b``,
  ``a[].b``, ``a{}.b`` for the values of a map), the required ones and the enum values;
- ``cli``: every command and its options;
- ``formats``: the version names of the formats a stored file carries (the canonical form of
  a seal, the conformance vectors' format);
- ``deprecated``: the names deprecated at that release (``_kit.deprecation.DEPRECATIONS``),
  which the next minor release may remove.

Usage::

    python tools/release_surface.py --write 0.1.0   # at a release: tests/surface/0.1.0.json
    python tools/release_surface.py --check         # the current surface against the last release

``--check`` prints every break and exits 1 when there is one; the test
``tests/unit/test_release_surface.py`` runs the same comparison.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from asn_performance._kit.deprecation import DEPRECATIONS
from asn_performance.boundary.schemas import SCHEMAS, json_schema
from asn_performance.cli._parser import build_parser
from asn_performance.conformance import FORMAT_VERSION
from asn_performance.process.integrity import CANONICAL_FORM

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "asn_performance"
RELEASES = ROOT / "tests" / "surface"
RULES_PAGE = ROOT / "docs" / "reference" / "rules.md"


def public_modules() -> list[str]:
    """Every module of the package whose dotted name has no private part, and the package."""
    modules = set()
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if not any(part.startswith("_") for part in parts[1:]):
            modules.add(".".join(parts))
    return sorted(modules)


def api() -> dict[str, list[str]]:
    """Each public module's ``__all__`` (a module without one promises nothing by name)."""
    names: dict[str, list[str]] = {}
    for module in public_modules():
        exported = getattr(importlib.import_module(module), "__all__", None)
        if exported is not None:
            names[module] = sorted(exported)
    return names


def rules() -> list[str]:
    """Every rule id with a row in ``docs/reference/rules.md`` (not the prefix table)."""
    rows = re.findall(r"^\| `([^`]+)` \|", RULES_PAGE.read_text("utf-8"), re.M)
    return sorted({row for row in rows if not row.endswith("-")})


def _fields(
    node: Any, defs: Mapping[str, Any], path: str, seen: tuple[str, ...]
) -> Iterator[tuple[str, bool, tuple[str, ...] | None]]:
    """``(path, required, enum values)`` of every field below ``node``."""
    if not isinstance(node, Mapping):
        return
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref.removeprefix("#/$defs/")
        if name not in seen:  # a recursive definition is walked once
            yield from _fields(defs.get(name, {}), defs, path, (*seen, name))
    for key in ("anyOf", "oneOf", "allOf"):
        for branch in node.get(key, ()):
            yield from _fields(branch, defs, path, seen)
    required = set(node.get("required", ()))
    for name, child in node.get("properties", {}).items():
        here = f"{path}.{name}" if path else name
        values = child.get("enum") if isinstance(child, Mapping) else None
        if isinstance(child, Mapping) and "const" in child:
            values = [child["const"]]
        yield here, name in required, tuple(map(str, values)) if values is not None else None
        yield from _fields(child, defs, here, seen)
    if isinstance(node.get("items"), Mapping):
        yield from _fields(node["items"], defs, f"{path}[]", seen)
    for item in node.get("prefixItems", ()):
        yield from _fields(item, defs, f"{path}[]", seen)
    if isinstance(node.get("additionalProperties"), Mapping):
        yield from _fields(node["additionalProperties"], defs, f"{path}{{}}", seen)


def schemas() -> dict[str, dict[str, Any]]:
    """Each published schema: its direction, field paths, required paths and enum values."""
    surface: dict[str, dict[str, Any]] = {}
    for name, entry in SCHEMAS.items():
        schema = json_schema(name)
        defs = schema.get("$defs", {})
        fields: set[str] = set()
        required: set[str] = set()
        enums: dict[str, set[str]] = {}
        for path, is_required, values in _fields(schema, defs, "", ()):
            fields.add(path)
            if is_required:
                required.add(path)
            if values is not None:
                enums.setdefault(path, set()).update(values)
        surface[name] = {
            "direction": entry.direction,
            "fields": sorted(fields),
            "required": sorted(required),
            "enums": {path: sorted(values) for path, values in sorted(enums.items())},
        }
    return surface


def cli() -> dict[str, list[str]]:
    """Every command of ``asn-performance`` and its options (and the top level's, as ``""``)."""
    parser = build_parser(tuple(SCHEMAS))
    commands: dict[str, list[str]] = {"": _options(parser)}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                commands[name] = _options(sub)
    return dict(sorted(commands.items()))


def _options(parser: argparse.ArgumentParser) -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
            continue
        found.extend(action.option_strings or [action.dest.upper()])
    return sorted(found)


def formats() -> dict[str, str]:
    """The version names a stored file or an exported folder carries."""
    return {"conformance-vectors": FORMAT_VERSION, "seal-canonical-form": CANONICAL_FORM}


def deprecated() -> dict[str, str]:
    """Each deprecated name (``module.name``, or a rule id, a schema field ``schema:path``,
    a command option ``cli:command option``) and the release that may remove it."""
    return {item.name: item.removed_in for item in DEPRECATIONS}


def surface(version: str) -> dict[str, Any]:
    """The whole surface of the working tree, labelled ``version``."""
    return {
        "version": version,
        "api": api(),
        "rules": rules(),
        "schemas": schemas(),
        "cli": cli(),
        "formats": formats(),
        "deprecated": deprecated(),
    }


def last_release() -> dict[str, Any]:
    """The surface recorded at the latest release (by version order)."""

    def key(path: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in path.stem.split("."))

    latest = max(RELEASES.glob("*.json"), key=key)
    data: dict[str, Any] = json.loads(latest.read_text("utf-8"))
    return data


def breaks(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Everything ``new`` takes away from what ``old`` promised, one line each. A name
    deprecated at the old release (``old["deprecated"]``, so deprecated for a whole minor
    release) may go."""
    removable = set(old.get("deprecated", {}))
    found = _api_breaks(old["api"], new["api"], removable)
    found += [
        f"rules: {rule} is gone from docs/reference/rules.md"
        for rule in sorted(set(old["rules"]) - set(new["rules"]) - removable)
    ]
    for name, was in old["schemas"].items():
        found += _schema_breaks(name, was, new["schemas"].get(name), removable)
    found += _cli_breaks(old["cli"], new["cli"], removable)
    found += [
        f"formats: {name} changed from {value} to {new['formats'].get(name)}"
        for name, value in old["formats"].items()
        if new["formats"].get(name) != value
    ]
    return found


def _api_breaks(
    old: Mapping[str, list[str]], new: Mapping[str, list[str]], removable: set[str]
) -> list[str]:
    found = []
    for module, names in old.items():
        if module not in new:
            if module not in removable:
                found.append(f"api: module {module} is gone (or lost its __all__)")
            continue
        now = set(new[module])
        found += [
            f"api: {module}.{name} is gone"
            for name in names
            if name not in now and f"{module}.{name}" not in removable
        ]
    return found


def _schema_breaks(
    name: str, was: Mapping[str, Any], now: Mapping[str, Any] | None, removable: set[str]
) -> list[str]:
    if now is None:
        return [] if f"schema:{name}" in removable else [f"schemas: {name} is gone"]
    found = [
        f"schemas: {name} lost the field {path}"
        for path in sorted(set(was["fields"]) - set(now["fields"]))
        if f"{name}:{path}" not in removable
    ]
    if was["direction"] == "input":
        # A document valid before must stay valid: no new required field, no value refused.
        found += [
            f"schemas: {name} (input) now requires {path}"
            for path in sorted(set(now["required"]) - set(was["required"]))
        ]
        for path, values in was["enums"].items():
            lost = sorted(set(values) - set(now["enums"].get(path, values)))
            if lost:
                found.append(f"schemas: {name} (input) no longer accepts {path} = {lost}")
    else:
        # A reader of the output relies on every field that was always written.
        found += [
            f"schemas: {name} (output) no longer always writes {path}"
            for path in sorted(set(was["required"]) - set(now["required"]))
        ]
    return found


def _cli_breaks(
    old: Mapping[str, list[str]], new: Mapping[str, list[str]], removable: set[str]
) -> list[str]:
    found = []
    for command, options in old.items():
        if command not in new:
            found.append(f"cli: the command {command} is gone")
            continue
        found += [
            f"cli: {command or 'asn-performance'} lost {option}"
            for option in sorted(set(options) - set(new[command]))
            if f"cli:{command} {option}" not in removable
        ]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="VERSION", help="record the surface of a release")
    group.add_argument("--check", action="store_true", help="compare with the last release")
    args = parser.parse_args(argv)
    if args.write:
        RELEASES.mkdir(parents=True, exist_ok=True)
        target = RELEASES / f"{args.write}.json"
        text = json.dumps(surface(args.write), indent=1, ensure_ascii=False, sort_keys=True)
        target.write_text(text + "\n", "utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
        return 0
    old = last_release()
    found = breaks(old, surface("working tree"))
    for line in found:
        print(line)
    print(f"{len(found)} break(s) of the {old['version']} surface")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
