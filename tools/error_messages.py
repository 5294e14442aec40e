"""The error messages and fixes of the library, extracted from its source into the catalogues.

Every library error is raised with an English ``message`` and ``fix`` written where the rule
is checked (``raise InputError("a jabatan fungsional needs its jenjang", rule=..., fix=...)``).
This script reads the source (``ast``, nothing is imported or run) and finds every such text
that is a literal or an f-string, with the rule it is raised under; an f-string's ``{...}``
become named placeholders (``{jenjang}``). Each text is a message of the catalogues:

* ``error.<RULE>.<hash>`` for a message, ``fix.<RULE>.<hash>`` for a fix; ``<hash>`` is the
  first 8 hex digits of the SHA-1 of the English template, so an id stays as long as its text
  does; ``<RULE>`` is ``_`` when the rule is not a literal at the call.
* The English catalogue's section between ``# === errors: extracted`` and ``# === end errors
  ===`` is written by this script, never by hand; the Indonesian catalogue's section keeps
  every translation, gains each new text as a ``fuzzy`` entry holding the English (a fuzzy
  entry is not read: the guard test counts it as missing) and loses the texts no longer in the
  source.
* Also extracted: the texts passed to an *error factory* (a function of ``boundary/``,
  ``tables/`` or ``cli/`` that raises or returns an error whose message, fix or rule is one of
  its parameters, e.g. ``listed_twice(message, path, value, fix)``) under the factory's rule;
  the messages of ``PydanticCustomError(kind, message)`` (rule ``SCHEMA-<kind>``, the message
  already a template); and the fix tables held in module constants (:data:`TABLES`), each
  text under the rule its key names.
* Texts built elsewhere (a message passed in a variable, pydantic's own messages) are written
  by hand in the section ``# === errors: by hand ===`` of every catalogue, with ids that are
  not hashes.

Usage (from the project root)::

    python tools/error_messages.py --check   # exit 1 when a catalogue is out of date
    python tools/error_messages.py --write   # rewrite the extracted sections
    python tools/error_messages.py --merge FRAGMENT.po   # translations into id.po's section
    python tools/error_messages.py --untranslated [PATH-PREFIX]   # the fuzzy ids, by file

``tests/unit/_kit/test_error_catalogue.py`` runs the check.
"""

from __future__ import annotations

import argparse
import ast
import fcntl
import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "asn_performance"
LOCALE = PACKAGE / "locale"
BEGIN = "# === errors: extracted from the source by tools/error_messages.py; do not edit ==="
END = "# === end errors ==="
BY_HAND = "# === errors: by hand (texts built elsewhere; ids are names, not hashes) ==="
BY_HAND_END = "# === end errors by hand ==="

#: Calls whose keyword ``rule``/``fix`` is not an error's (text look-ups, result records).
_NOT_ERRORS = frozenset({"text", "say", "Step", "CareerCheck", "Consequences", "Recognition"})

#: Module constants holding error texts: (file, constant) -> (kind, rule). A mapping's texts
#: take the rule ``rule.format(key=KEY)`` of their key; a single text takes ``rule``
#: (``_``: any rule). The texts of a ``str.format`` table are templates already.
TABLES: dict[tuple[str, str], tuple[str, str]] = {
    ("boundary/fixes.py", "JSON_FIXES"): ("fix", "{key}"),
    ("boundary/fixes.py", "FALLBACK"): ("fix", "_"),
    ("boundary/_json_errors.py", "_FIXES"): ("fix", "SCHEMA-{key}"),
    ("boundary/_json_errors.py", "_FIX_TEMPLATES"): ("fix", "SCHEMA-{key}"),
    ("boundary/_json_errors.py", "_DEFAULT_FIX"): ("fix", "_"),
    ("tables/_problems.py", "_GENERIC_FIX"): ("fix", "_"),
}

#: The constants of :data:`TABLES` whose texts are ``str.format`` templates.
_FORMAT_TABLES = frozenset({("boundary/_json_errors.py", "_FIX_TEMPLATES")})

#: Where error factories are looked for (their callers' texts are extracted).
FACTORY_SCOPE = ("boundary/", "tables/", "cli/")


@dataclass(frozen=True)
class Text:
    """One extracted text: its message id, English template and where it is written."""

    msg_id: str
    template: str
    kind: str  # "error" or "fix"
    rule: str
    where: str  # path relative to the package, e.g. domain/employee.py


def _name_of(node: ast.expr) -> str:
    """A placeholder name for the expression of an f-string's ``{...}``."""
    if isinstance(node, ast.Name):
        name = node.id
    elif isinstance(node, ast.Attribute):
        name = node.attr
    elif isinstance(node, ast.Call):
        func = node.func
        callee = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "value")
        if callee == "len":
            return "count"
        if callee in {"str", "repr", "int", "sorted", "list", "tuple", "format"} and node.args:
            return _name_of(node.args[0])
        name = callee
    elif isinstance(node, ast.Subscript):
        name = _name_of(node.value)
    else:
        name = "value"
    name = re.sub(r"\W", "_", name).strip("_").lower() or "value"
    return name if name[0].isalpha() else f"v_{name}"


def _templates(node: ast.expr | None) -> list[str] | None:  # noqa: PLR0911 - one per node kind
    """The English templates ``node`` may produce (several for a conditional), ``None`` when
    it is not built from literals here."""
    if node is None:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value.replace("{", "{{").replace("}", "}}")]
    if isinstance(node, ast.JoinedStr):
        out, used = "", set[str]()
        for part in node.values:
            if isinstance(part, ast.Constant):
                out += str(part.value).replace("{", "{{").replace("}", "}}")
            elif isinstance(part, ast.FormattedValue):
                base = name = _name_of(part.value)
                counter = 2
                while name in used:
                    name, counter = f"{base}_{counter}", counter + 1
                used.add(name)
                out += "{" + name + "}"
        return [out]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _templates(node.left), _templates(node.right)
        if left is None and right is None:
            return None
        left = left if left is not None else ["{value}"]
        right = right if right is not None else ["{more}"]
        return [_renamed(a, b) for a in left for b in right]
    if isinstance(node, ast.IfExp):
        body, orelse = _templates(node.body), _templates(node.orelse)
        return [*(body or []), *(orelse or [])] or None
    return None


def _renamed(left: str, right: str) -> str:
    """``left + right`` with the right's placeholders renamed where they repeat the left's."""
    taken = set(re.findall(r"(?<!\{)\{(\w+)\}", left))
    for name in re.findall(r"(?<!\{)\{(\w+)\}", right):
        if name in taken:
            new, counter = f"{name}_2", 3
            while new in taken:
                new, counter = f"{name}_{counter}", counter + 1
            right = right.replace("{" + name + "}", "{" + new + "}", 1)
            taken.add(new)
        else:
            taken.add(name)
    return left + right


def _rules(node: ast.expr | None) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _rules(node.body) + _rules(node.orelse)
    return ["_"]


def _useful(template: str) -> bool:
    """Whether a template has words to translate (not only placeholders and punctuation)."""
    bare = re.sub(r"(?<!\{)\{\w+\}(?!\})", "", template)
    return re.search(r"[A-Za-z]{2}", bare) is not None


def _calls(tree: ast.AST) -> Iterator[tuple[ast.expr | None, ast.expr | None, ast.expr | None]]:
    """(message, rule, fix) of every call that raises or records a library error."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name in _NOT_ERRORS:
            continue
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        if name == "Problem":
            args = list(node.args) + [None] * 5
            message = keywords.get("message", args[0])
            rule = keywords.get("rule", args[3])
            fix = keywords.get("fix", args[4])
            yield message, rule, fix
            continue
        if "rule" not in keywords and "fix" not in keywords:
            continue
        message = keywords.get("message")
        if message is None:
            message = next((a for a in node.args if _templates(a) is not None), None)
        yield message, keywords.get("rule"), keywords.get("fix")


@dataclass(frozen=True)
class _Factory:
    """A function that raises or returns an error built from its parameters."""

    params: tuple[str, ...]  # its parameters, positional ones first
    message: str | None  # the parameter that is the error's message
    fix: str | None  # the parameter that is the error's fix
    rule: str | None  # the parameter that is the error's rule
    rule_node: ast.expr | None  # the rule written in it (or the rule parameter's default)
    private: bool  # called only in its own module


def _error_parts(call: ast.Call) -> tuple[ast.expr | None, ast.expr | None, ast.expr | None]:
    """(message, rule, fix) of a call that builds an error, whatever their form."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    if name == "Problem":
        args = list(call.args) + [None] * 5
        return (
            keywords.get("message", args[0]),
            keywords.get("rule", args[3]),
            keywords.get("fix", args[4]),
        )
    if name in _NOT_ERRORS or ("rule" not in keywords and "fix" not in keywords):
        return None, None, None
    message = keywords.get("message", call.args[0] if call.args else None)
    return message, keywords.get("rule"), keywords.get("fix")


def _param(expr: ast.expr | None, params: tuple[str, ...]) -> str | None:
    return expr.id if isinstance(expr, ast.Name) and expr.id in params else None


def _factories(tree: ast.AST) -> dict[str, _Factory]:
    """The error factories defined in a module, by name."""
    found: dict[str, _Factory] = {}
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        args = fn.args
        positional = [a.arg for a in [*args.posonlyargs, *args.args]]
        params = (*positional, *(a.arg for a in args.kwonlyargs))
        first = len(positional) - len(args.defaults)
        defaults = dict(zip(positional[first:], args.defaults, strict=True))
        defaults.update(
            (a.arg, d)
            for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
            if d is not None
        )
        for node in ast.walk(fn):
            if not isinstance(node, ast.Call):
                continue
            message, rule, fix = _error_parts(node)

            message_param, fix_param = _param(message, params), _param(fix, params)
            if message_param is None and fix_param is None:
                continue
            rule_param = _param(rule, params)
            found[fn.name] = _Factory(
                params,
                message_param,
                fix_param,
                rule_param,
                defaults.get(rule_param) if rule_param else rule,
                fn.name.startswith("_"),
            )
    return found


def _factory_calls(
    tree: ast.AST, factories: dict[str, _Factory]
) -> Iterator[tuple[ast.expr | None, ast.expr | None, ast.expr | None]]:
    """(message, rule, fix) of every call of a factory, each the argument given there."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        factory = factories.get(func.id if isinstance(func, ast.Name) else "")
        if factory is None:
            continue
        bound = dict(zip(factory.params, node.args, strict=False))
        bound.update((k.arg, k.value) for k in node.keywords if k.arg)
        message = bound.get(factory.message) if factory.message else None
        fix = bound.get(factory.fix) if factory.fix else None
        rule = bound.get(factory.rule, factory.rule_node) if factory.rule else factory.rule_node
        yield message, rule, fix


def _custom_errors(tree: ast.AST) -> Iterator[tuple[str, str]]:
    """(rule, template) of every ``PydanticCustomError(kind, message, ...)``: its message is a
    ``str.format`` template already."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name != "PydanticCustomError" or len(node.args) < 2:
            continue
        kind, message = node.args[0], node.args[1]
        kind_text = kind.value if isinstance(kind, ast.Constant) else None
        text = message.value if isinstance(message, ast.Constant) else None
        if isinstance(kind_text, str) and isinstance(text, str):
            yield f"SCHEMA-{kind_text}", text


def _constants(tree: ast.Module) -> dict[str, ast.expr]:
    """The module's top-level assignments, by name."""
    out: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                out[target.id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            out[node.target.id] = node.value
    return out


def _inlined(node: ast.expr, constants: dict[str, ast.expr]) -> ast.expr:
    """``node`` with each ``{NAME}`` of an f-string that names a string constant of the module
    written out (the constant's words are to be translated too)."""
    if not isinstance(node, ast.JoinedStr):
        return node
    values: list[ast.expr] = []
    for part in node.values:
        value = part.value if isinstance(part, ast.FormattedValue) else None
        if isinstance(value, ast.Name):
            constant = constants.get(value.id)
            if isinstance(constant, ast.Constant) and isinstance(constant.value, str):
                values.append(ast.Constant(constant.value))
                continue
        values.append(part)
    return ast.JoinedStr(values)


def _table_texts(where: str, tree: ast.Module) -> Iterator[tuple[str, str, str]]:
    """(kind, rule, template) of the texts of the module's constants named in :data:`TABLES`."""
    constants = _constants(tree)
    for (path, name), (kind, rule) in TABLES.items():
        node = constants.get(name)
        if path != where or node is None:
            continue
        if isinstance(node, ast.Call) and len(node.args) == 1:  # FrozenMap({...})
            node = node.args[0]
        if isinstance(node, ast.Dict):
            items = [
                (rule.format(key=k.value), v)
                for k, v in zip(node.keys, node.values, strict=True)
                if isinstance(k, ast.Constant)
            ]
        else:
            items = [(rule, node)]
        for item_rule, value in items:
            if (path, name) in _FORMAT_TABLES:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    yield kind, item_rule, value.value
                continue
            for template in _templates(_inlined(value, constants)) or []:
                yield kind, item_rule, template


def _msg_id(kind: str, rule: str, template: str) -> str:
    digest = hashlib.sha1(template.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return f"{kind}.{rule}.{digest}"


def extract(package: Path = PACKAGE) -> dict[str, Text]:
    """Every error message and fix written as a literal in the package, by message id."""
    found: dict[str, Text] = {}
    public = _public_factories(package)
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package).as_posix()
        tree = ast.parse(path.read_text("utf-8"), str(path))
        calls = list(_calls(tree))
        if where.startswith(FACTORY_SCOPE):
            calls += _factory_calls(tree, {**public, **_factories(tree)})
        for message, rule_node, fix in calls:
            for rule in _rules(rule_node):
                for kind, node in (("error", message), ("fix", fix)):
                    for template in _templates(node) or []:
                        if not _useful(template):
                            continue
                        msg_id = _msg_id(kind, rule, template)
                        found.setdefault(msg_id, Text(msg_id, template, kind, rule, where))
        texts = [("error", rule, template) for rule, template in _custom_errors(tree)]
        texts += _table_texts(where, tree)
        for kind, rule, template in texts:
            if _useful(template):
                msg_id = _msg_id(kind, rule, template)
                found.setdefault(msg_id, Text(msg_id, template, kind, rule, where))
    return found


def _public_factories(package: Path) -> dict[str, _Factory]:
    """The public error factories of :data:`FACTORY_SCOPE` (called from other modules)."""
    out: dict[str, _Factory] = {}
    for scope in FACTORY_SCOPE:
        for path in sorted((package / scope).rglob("*.py")):
            tree = ast.parse(path.read_text("utf-8"), str(path))
            out.update((n, f) for n, f in _factories(tree).items() if not f.private)
    return out


# --- PO text -------------------------------------------------------------------------------


def quoted(text: str) -> str:
    """``text`` as a PO string (one line; continued over lines when long)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if len(escaped) <= 70:
        return f'"{escaped}"'
    words = re.findall(r"\S+\s*|\s+", escaped)
    lines, line = [], ""
    for word in words:
        if line and len(line) + len(word) > 76:
            lines.append(line)
            line = ""
        line += word
    lines.append(line)
    return '""\n' + "\n".join(f'"{chunk}"' for chunk in lines)


def _entry(text: Text, msgstr: str, fuzzy: bool) -> str:
    lines = [f"#. {text.kind} of rule {text.rule}", f"#: src/asn_performance/{text.where}"]
    if fuzzy:
        lines.append("#, fuzzy")
    lines.append(f'msgid "{text.msg_id}"')
    lines.append("msgstr " + quoted(msgstr))
    return "\n".join(lines)


_ENTRY = re.compile(r'^(?:#.*\n)*msgid "([^"]*)"\nmsgstr ((?:".*"\n?)+)', re.M)


def _unquote(block: str) -> str:
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', block)
    raw = "".join(parts)
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), raw)


def section(po_text: str, begin: str = BEGIN, end: str = END) -> tuple[str, str, str]:
    """``po_text`` cut into (before, the section's entries, after) at the markers."""
    if begin not in po_text:
        return po_text.rstrip("\n") + "\n\n", "", end + "\n"
    head, _, rest = po_text.partition(begin + "\n")
    body, _, tail = rest.partition(end)
    return head, body, end + tail


def entries(body: str) -> dict[str, tuple[str, bool]]:
    """msgid -> (msgstr, fuzzy) of the entries of a section."""
    out: dict[str, tuple[str, bool]] = {}
    for block in body.split("\n\n"):
        match = _ENTRY.search(block.strip("\n") + "\n")
        if match:
            out[match[1]] = (_unquote(match[2]), "#, fuzzy" in block)
    return out


def rendered(lang: str, texts: dict[str, Text], current: str) -> str:
    """The catalogue ``lang`` with its extracted section rewritten for ``texts``."""
    head, body, tail = section(current)
    known = entries(body)
    blocks = []
    for text in sorted(texts.values(), key=lambda t: (t.where, t.rule, t.kind, t.template)):
        if lang == "en":
            blocks.append(_entry(text, text.template, fuzzy=False))
        else:
            msgstr, fuzzy = known.get(text.msg_id, (text.template, True))
            blocks.append(_entry(text, msgstr, fuzzy))
    return head + BEGIN + "\n" + "\n\n".join(blocks) + "\n\n" + tail


def _locked_rewrite(path: Path, change: object) -> None:
    with (ROOT / "tools" / ".error_messages.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            current = path.read_text("utf-8")
            new = change(current)  # type: ignore[operator]
            if new != current:
                path.write_text(new, "utf-8")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def merge(fragment: Path) -> int:
    """Put the translations of a PO ``fragment`` (msgid/msgstr pairs) into id.po's sections;
    the number of entries merged."""
    given = entries(fragment.read_text("utf-8"))
    count = 0

    def change(current: str) -> str:
        nonlocal count
        head, body, tail = section(current)
        blocks = body.split("\n\n")
        out = []
        for block in blocks:
            match = _ENTRY.search(block.strip("\n") + "\n")
            if match and match[1] in given and not given[match[1]][1]:
                msgstr = given[match[1]][0]
                comments = [
                    line
                    for line in block.strip("\n").splitlines()
                    if line.startswith("#") and line != "#, fuzzy"
                ]
                out.append(
                    "\n".join([*comments, f'msgid "{match[1]}"', "msgstr " + quoted(msgstr)])
                )
                count += 1
            else:
                out.append(block.strip("\n"))
        return head + BEGIN + "\n" + "\n\n".join(b for b in out if b) + "\n\n" + tail

    _locked_rewrite(LOCALE / "id.po", change)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--check", action="store_true")
    group.add_argument("--write", action="store_true")
    group.add_argument("--merge", type=Path, metavar="FRAGMENT")
    group.add_argument("--untranslated", nargs="?", const="", metavar="PATH-PREFIX")
    args = parser.parse_args(argv)
    texts = extract()
    if args.merge is not None:
        print(f"merged {merge(args.merge)} translations into id.po")
        return _compile()
    if args.untranslated is not None:
        _, body, _ = section((LOCALE / "id.po").read_text("utf-8"))
        known = entries(body)
        for text in sorted(texts.values(), key=lambda t: (t.where, t.msg_id)):
            if text.where.startswith(args.untranslated) and known.get(text.msg_id, ("", 1))[1]:
                print(f"{text.where}\t{text.msg_id}\t{text.template}")
        return 0
    stale = []
    for lang in ("en", "id"):
        path = LOCALE / f"{lang}.po"
        if args.write:
            _locked_rewrite(path, lambda current, lang=lang: rendered(lang, texts, current))
        elif rendered(lang, texts, path.read_text("utf-8")) != path.read_text("utf-8"):
            stale.append(path.name)
    if stale:
        print(
            f"out of date: {', '.join(stale)}; run python tools/error_messages.py --write",
            file=sys.stderr,
        )
        return 1
    return _compile() if args.write else 0


def _compile() -> int:
    """The compiled catalogues (``locale/<lang>.json``) written again from the PO files."""
    from compile_catalogues import main as compile_main  # noqa: PLC0415 - a sibling tool

    return compile_main(["--write"])


if __name__ == "__main__":
    sys.exit(main())
