"""The stable surface of a release, written once when the release is made and checked by the
tests on every later commit (docs/explanation/versioning.md).

The surface is what the version policy promises to keep:

- ``api``: every public module's ``__all__`` (a module is public when no part of its dotted
  name begins with ``_``), and for each name what a caller relies on: a function's parameters
  (name, kind, whether it has a default), a class's constructor parameters and public
  attributes, a pydantic model's fields, an enumeration's members;
- ``rules``: every rule id of ``docs/reference/rules.md``;
- ``schemas``: for each published JSON Schema its direction and every field (``a.b``,
  ``a[].b``, ``a{}.b`` for the values of a map, however the map is keyed), whether it is
  required, and what it accepts: JSON types, enumeration values, patterns, formats, bounds,
  and whether an object is closed to other keys;
- ``cli``: every command (``conformance check`` for a nested one), its options with their
  choices, and the exit statuses;
- ``formats``: the version names a stored file carries (the canonical form of a seal, the
  conformance vectors' format);
- ``deprecated``: the names deprecated at that release (``_kit.deprecation.DEPRECATIONS``)
  and the release that may remove each.

Usage::

    python tools/release_surface.py --write 0.1.0   # at a release: tests/surface/0.1.0.json
    python tools/release_surface.py --check         # the working tree against the last release

``--check`` prints every break and exits 1 when there is one; the test
``tests/unit/test_release_surface.py`` runs the same comparison.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import inspect
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import asn_performance
from asn_performance._kit.deprecation import DEPRECATIONS
from asn_performance.boundary.schemas import SCHEMAS, json_schema
from asn_performance.cli import EXIT_STATUSES
from asn_performance.cli._parser import build_parser
from asn_performance.conformance import FORMAT_VERSION
from asn_performance.process.integrity import CANONICAL_FORM

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "asn_performance"
RELEASES = ROOT / "tests" / "surface"
RULES_PAGE = ROOT / "docs" / "reference" / "rules.md"

# -- the Python API ------------------------------------------------------------------------------


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


def _parameters(target: Any) -> list[list[Any]] | None:
    """``[name, kind, has default]`` of each parameter, or ``None`` when Python cannot say."""
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return None
    return [
        [p.name, p.kind.name, p.default is not inspect.Parameter.empty]
        for p in signature.parameters.values()
    ]


def _promise(obj: Any) -> dict[str, Any]:
    """What a caller of one exported name relies on."""
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        return {"kind": "enum", "members": sorted(obj.__members__)}
    if isinstance(obj, type) and isinstance(getattr(obj, "model_fields", None), dict):
        # A pydantic model: its constructor's signature changes when the model is first built
        # (``**data`` before), so its promise is its fields (and its schema, checked above).
        return {"kind": "model", "fields": sorted(obj.model_fields)}
    if isinstance(obj, type):
        attributes = sorted(
            name for name in dir(obj) if not name.startswith("_") and not hasattr(object, name)
        )
        return {"kind": "class", "parameters": _parameters(obj), "attributes": attributes}
    if callable(obj):
        return {"kind": "function", "parameters": _parameters(obj)}
    return {"kind": "value"}


def api() -> dict[str, dict[str, Any]]:
    """Each public module's exported names and their promises (a module without ``__all__``
    promises nothing by name)."""
    names: dict[str, dict[str, Any]] = {}
    for module_name in public_modules():
        module = importlib.import_module(module_name)
        exported = getattr(module, "__all__", None)
        if exported is not None:
            names[module_name] = {
                name: _promise(getattr(module, name)) for name in sorted(exported)
            }
    return names


def rules() -> list[str]:
    """Every rule id with a row in ``docs/reference/rules.md`` (not the prefix table)."""
    rows = re.findall(r"^\| `([^`]+)` \|", RULES_PAGE.read_text("utf-8"), re.M)
    return sorted({row for row in rows if not row.endswith("-")})


# -- the JSON Schemas ----------------------------------------------------------------------------

#: Bounds a release may lower but never raise (raising one refuses values accepted before).
RAISE_NARROWS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
#: Bounds a release may raise but never lower.
LOWER_NARROWS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
#: Facts that narrow whenever a new value appears.
EXACT = ("pattern", "format")


def _branches(node: Any, defs: Mapping[str, Any], seen: tuple[str, ...]) -> Iterator[Any]:
    """``node`` and every alternative it allows (``$ref``, ``anyOf``, ``oneOf``, ``allOf``)."""
    if not isinstance(node, Mapping):
        return
    yield node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref.removeprefix("#/$defs/")
        if name not in seen:
            yield from _branches(defs.get(name, {}), defs, (*seen, name))
    for key in ("anyOf", "oneOf", "allOf"):
        for branch in node.get(key, ()):
            yield from _branches(branch, defs, seen)


def _facts(node: Any, defs: Mapping[str, Any], required: bool) -> dict[str, Any]:
    """What one field accepts, across its alternatives."""
    types: set[str] = set()
    enum_values: set[str] = set()
    open_ended = False  # some alternative accepts any value of its type
    facts: dict[str, set[Any]] = {}
    closed = False
    for branch in _branches(node, defs, ()):
        kind = branch.get("type")
        types.update([kind] if isinstance(kind, str) else kind or ())
        if "enum" in branch or "const" in branch:
            values = branch.get("enum", [branch.get("const")])
            enum_values.update(map(str, values))
            types.update(_json_type(value) for value in values)
        elif isinstance(kind, str | list):
            open_ended = True
        for key in (*RAISE_NARROWS, *LOWER_NARROWS, *EXACT):
            if key in branch:
                facts.setdefault(key, set()).add(branch[key])
        if "properties" in branch and branch.get("additionalProperties") is False:
            closed = True
    result: dict[str, Any] = {"required": required, "types": sorted(types)}
    if enum_values and not open_ended:
        result["enum"] = sorted(enum_values)
    for key, values in sorted(facts.items()):
        result[key] = sorted(values, key=str)
    if closed:
        result["closed"] = True
    return result


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {str: "string", float: "number"}.get(type(value), "object")


def _fields(
    node: Any, defs: Mapping[str, Any], path: str, seen: tuple[str, ...]
) -> Iterator[tuple[str, Any, bool]]:
    """``(path, schema, required)`` of every field below ``node``."""
    if not isinstance(node, Mapping):
        return
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref.removeprefix("#/$defs/")
        if name not in seen:  # a recursive definition is not walked again inside itself
            yield from _fields(defs.get(name, {}), defs, path, (*seen, name))
    for key in ("anyOf", "oneOf", "allOf"):
        for branch in node.get(key, ()):
            yield from _fields(branch, defs, path, seen)
    required = set(node.get("required", ()))
    for name, child in node.get("properties", {}).items():
        here = f"{path}.{name}" if path else name
        yield here, child, name in required
        yield from _fields(child, defs, here, seen)
    if isinstance(node.get("items"), Mapping):
        yield from _fields(node["items"], defs, f"{path}[]", seen)
    for item in node.get("prefixItems", ()):
        yield from _fields(item, defs, f"{path}[]", seen)
    maps = list(node.get("patternProperties", {}).values())
    if isinstance(node.get("additionalProperties"), Mapping):
        maps.append(node["additionalProperties"])
    for value in maps:
        yield from _fields(value, defs, f"{path}{{}}", seen)


def schema_fields(schema: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Every field of ``schema`` and what it accepts; a field reached twice (two alternatives)
    is required only when both require it, and accepts what either accepts."""
    defs = schema.get("$defs", {})
    found: dict[str, dict[str, Any]] = {}
    for path, node, required in _fields(schema, defs, "", ()):
        facts = _facts(node, defs, required)
        if path in found:
            facts = _union(found[path], facts)
        found[path] = facts
    return dict(sorted(found.items()))


def _union(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {"required": a["required"] and b["required"]}
    merged["types"] = sorted(set(a["types"]) | set(b["types"]))
    if "enum" in a and "enum" in b:
        merged["enum"] = sorted(set(a["enum"]) | set(b["enum"]))
    for key in (*RAISE_NARROWS, *LOWER_NARROWS, *EXACT):
        if key in a and key in b:
            merged[key] = sorted(set(a[key]) | set(b[key]), key=str)
    if a.get("closed") and b.get("closed"):
        merged["closed"] = True
    return merged


def schemas() -> dict[str, dict[str, Any]]:
    """Each published schema: its direction and its fields."""
    return {
        name: {"direction": entry.direction, "fields": schema_fields(json_schema(name))}
        for name, entry in SCHEMAS.items()
    }


# -- the command line ----------------------------------------------------------------------------


def cli() -> dict[str, Any]:
    """Every command of ``asn-performance`` (the top level as ``""``, a nested one as
    ``"conformance check"``): its options and their choices; and the exit statuses."""
    commands: dict[str, dict[str, Any]] = {}
    _walk(build_parser(tuple(SCHEMAS)), "", commands)
    return {
        "commands": dict(sorted(commands.items())),
        "exit": [status for status, _ in EXIT_STATUSES],
    }


def _walk(parser: argparse.ArgumentParser, name: str, out: dict[str, dict[str, Any]]) -> None:
    options: list[str] = []
    choices: dict[str, list[str]] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                _walk(sub, f"{name} {sub_name}".strip(), out)
            continue
        if isinstance(action, argparse._HelpAction):
            continue
        names = action.option_strings or [action.dest.upper()]
        options.extend(names)
        if action.choices is not None:
            choices[names[0]] = sorted(map(str, action.choices))
    out[name] = {"options": sorted(options), "choices": choices}


def formats() -> dict[str, str]:
    """The version names a stored file or an exported folder carries."""
    return {"conformance-vectors": FORMAT_VERSION, "seal-canonical-form": CANONICAL_FORM}


def deprecated() -> dict[str, str]:
    """Each deprecated name (see ``_kit.deprecation``) and the release that may remove it."""
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


def release_key(version: str) -> tuple[int, int, int]:
    """``(major, minor, patch)`` of a version (``0.2.0.dev0`` gives ``(0, 2, 0)``)."""
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)(?:\.dev\d+)?", version)
    if match is None:
        raise ValueError(f"not a version of this project: {version!r}")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def last_release() -> dict[str, Any]:
    """The surface recorded at the latest release (by version order)."""
    latest = max(RELEASES.glob("*.json"), key=lambda path: release_key(path.stem))
    data: dict[str, Any] = json.loads(latest.read_text("utf-8"))
    return data


# -- the comparison ------------------------------------------------------------------------------


def breaks(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Everything ``new`` takes away from what ``old`` promised, one line each.

    A name may go only when the old release deprecated it, ``new`` is at least the release its
    deprecation named, and ``new`` is a minor or major release after ``old`` (a patch release
    removes nothing)."""
    removable = _removable(old, new)
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


def _removable(old: Mapping[str, Any], new: Mapping[str, Any]) -> set[str]:
    try:
        now = release_key(new["version"])
        was = release_key(old["version"])
    except ValueError:
        return set()
    if now[:2] <= was[:2]:
        return set()
    return {name for name, until in old.get("deprecated", {}).items() if now >= release_key(until)}


def _api_breaks(
    old: Mapping[str, Mapping[str, Any]], new: Mapping[str, Mapping[str, Any]], removable: set[str]
) -> list[str]:
    found = []
    for module, names in old.items():
        if module not in new:
            if module not in removable:
                found.append(f"api: module {module} is gone (or lost its __all__)")
            continue
        for name, promise in names.items():
            qualified = f"{module}.{name}"
            if qualified in removable:
                continue
            if name not in new[module]:
                found.append(f"api: {qualified} is gone")
                continue
            found += _promise_breaks(qualified, promise, new[module][name], removable)
    return found


def _promise_breaks(
    name: str, was: Mapping[str, Any], now: Mapping[str, Any], removable: set[str]
) -> list[str]:
    if was["kind"] != now["kind"]:
        return [f"api: {name} was a {was['kind']}, is now a {now['kind']}"]
    found = [
        f"api: {name} lost the member {member}"
        for member in was.get("members", ())
        if member not in now["members"] and f"{name}.{member}" not in removable
    ]
    found += [
        f"api: {name} lost the attribute {attribute}"
        for attribute in was.get("attributes", ())
        if attribute not in now["attributes"] and f"{name}.{attribute}" not in removable
    ]
    found += [
        f"api: {name} lost the field {field}"
        for field in was.get("fields", ())
        if field not in now["fields"] and f"{name}.{field}" not in removable
    ]
    if was.get("parameters") is not None and now.get("parameters") is not None:
        found += _parameter_breaks(name, was["parameters"], now["parameters"])
    return found


#: A parameter kind may change to a kind that accepts every call the old one accepted.
_WIDER = {
    ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD"),
    ("KEYWORD_ONLY", "POSITIONAL_OR_KEYWORD"),
}


def _parameter_breaks(name: str, was: list[list[Any]], now: list[list[Any]]) -> list[str]:
    old = {p[0]: p for p in was}
    new = {p[0]: p for p in now}
    found = []
    for param, kind, has_default in was:
        if param not in new:
            if kind not in ("VAR_POSITIONAL", "VAR_KEYWORD"):
                found.append(f"api: {name} lost the parameter {param}")
            continue
        _, new_kind, new_default = new[param]
        if kind != new_kind and (kind, new_kind) not in _WIDER:
            found.append(f"api: {name}({param}) changed from {kind} to {new_kind}")
        if has_default and not new_default:
            found.append(f"api: {name}({param}) lost its default")
    for param, kind, has_default in now:
        if param not in old and not has_default and kind not in ("VAR_POSITIONAL", "VAR_KEYWORD"):
            found.append(f"api: {name} has a new parameter {param} without a default")
    positional = ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD")
    both = {p[0] for p in was if p[1] in positional} & {p[0] for p in now if p[1] in positional}
    old_order = [p[0] for p in was if p[0] in both]
    new_order = [p[0] for p in now if p[0] in both]
    if old_order != new_order:
        found.append(f"api: {name} changed the order of its positional parameters")
    return found


def _parent(path: str) -> str:
    """The field that holds ``path`` (``a[].b`` is held by ``a``; a top field by ``""``)."""
    head = path.rpartition(".")[0]
    while head.endswith(("[]", "{}")):
        head = head[:-2]
    return head


def _schema_breaks(
    name: str, was: Mapping[str, Any], now: Mapping[str, Any] | None, removable: set[str]
) -> list[str]:
    if now is None:
        return [] if f"schema:{name}" in removable else [f"schemas: {name} is gone"]
    found = []
    for path, facts in was["fields"].items():
        if f"{name}:{path}" in removable:
            continue
        if path not in now["fields"]:
            found.append(f"schemas: {name} lost the field {path}")
            continue
        if was["direction"] == "input":
            found += _input_breaks(f"{name} (input) {path}", facts, now["fields"][path])
        else:
            found += _output_breaks(f"{name} (output) {path}", facts, now["fields"][path])
    if was["direction"] == "input":
        # A new field is required only where its holder is new too (an optional new object).
        found += [
            f"schemas: {name} (input) now requires the new field {path}"
            for path, facts in now["fields"].items()
            if path not in was["fields"]
            and facts["required"]
            and (_parent(path) == "" or _parent(path) in was["fields"])
        ]
    return found


def _input_breaks(where: str, was: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """A document valid before must stay valid."""
    found = []
    if now["required"] and not was["required"]:
        found.append(f"schemas: {where} is now required")
    lost = sorted(set(was["types"]) - set(now["types"]))
    if lost:
        found.append(f"schemas: {where} no longer accepts the types {lost}")
    if "enum" in now:
        gone = sorted(set(was.get("enum", ["(any value)"])) - set(now["enum"]))
        if gone:
            found.append(f"schemas: {where} no longer accepts {gone}")
    for key in RAISE_NARROWS:
        if key in now and (key not in was or max(now[key]) > max(was[key])):
            found.append(f"schemas: {where} raised {key} to {max(now[key])}")
    for key in LOWER_NARROWS:
        if key in now and (key not in was or min(now[key]) < min(was[key])):
            found.append(f"schemas: {where} lowered {key} to {min(now[key])}")
    for key in EXACT:
        added = sorted(set(now.get(key, ())) - set(was.get(key, ())))
        if added:
            found.append(f"schemas: {where} has a new {key} {added}")
    if now.get("closed") and not was.get("closed"):
        found.append(f"schemas: {where} is now closed to keys it does not name")
    return found


def _output_breaks(where: str, was: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """A reader of the output relies on every field that was always written, on the types it
    was written in, and on the codes it could hold (a new code is listed under *Added*)."""
    found = []
    if was["required"] and not now["required"]:
        found.append(f"schemas: {where} is no longer always written")
    added = sorted(set(now["types"]) - set(was["types"]))
    if added:
        found.append(f"schemas: {where} may now be written as {added}")
    gone = sorted(set(was.get("enum", ())) - set(now.get("enum", was.get("enum", ()))))
    if gone:
        found.append(f"schemas: {where} no longer writes {gone}")
    return found


def _cli_breaks(old: Mapping[str, Any], new: Mapping[str, Any], removable: set[str]) -> list[str]:
    found = []
    for command, was in old["commands"].items():
        label = command or "asn-performance"
        if command not in new["commands"]:
            if f"cli:{command}" not in removable:
                found.append(f"cli: the command {command} is gone")
            continue
        now = new["commands"][command]
        found += [
            f"cli: {label} lost {option}"
            for option in sorted(set(was["options"]) - set(now["options"]))
            if f"cli:{command} {option}" not in removable
        ]
        for option, choices in was["choices"].items():
            if option not in now["options"]:
                continue
            gone = sorted(set(choices) - set(now["choices"].get(option, choices)))
            if gone:
                found.append(f"cli: {label} {option} no longer accepts {gone}")
    found += [
        f"cli: the exit status {status} is gone"
        for status in old["exit"]
        if status not in new["exit"]
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
    found = breaks(old, surface(asn_performance.__version__))
    for line in found:
        print(line)
    print(f"{len(found)} break(s) of the {old['version']} surface")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
