"""A small, strict reader of gettext PO files (the message catalogues, issue 14).

The standard library's :mod:`gettext` reads only compiled ``.mo`` files, and the library takes
no runtime dependency for its own messages, so the catalogues are read here, from the PO text a
translator edits. What is read, after the GNU gettext manual ("The Format of PO Files"):

* an entry is ``[msgctxt "..."] msgid "..." msgstr "..."``, entries separated by blank lines;
* a string may go on over following lines that hold only a quoted string (they are joined);
* escapes ``\\\\ \\" \\n \\t \\r \\a \\b \\f \\v``; any other backslash is refused;
* comments (``#``, ``#.``, ``#:``, ``#|``) are skipped; an entry flagged ``#, fuzzy`` is not
  used (a translation not yet checked); obsolete entries (``#~``) are skipped;
* the header (the entry whose msgid is empty) must say ``charset=UTF-8``.

Plural forms (``msgid_plural``, ``msgstr[N]``) are refused: Indonesian has one form, and the
English plural is a second message id (``....one`` / ``....other``). A repeated msgid (in the
same msgctxt), a keyword out of order, an unclosed string or an entry without msgstr is refused
too: the error names the file, the line and the fix (rule ``I18N-PO``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from asn_performance.exceptions import InputError

__all__ = ["PoEntry", "parse_po"]

#: What a backslash escape in a PO string stands for (C's escapes, as gettext writes them).
_ESCAPES: Final = {
    "\\": "\\",
    '"': '"',
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}

_KEYWORDS: Final = ("msgctxt", "msgid", "msgstr")


class PoEntry:
    """One message of a catalogue: its context (or ``None``), id, text and the line of its
    ``msgid`` (for errors that point back at the file)."""

    __slots__ = ("context", "line", "msgid", "msgstr")

    def __init__(self, context: str | None, msgid: str, msgstr: str, line: int) -> None:
        self.context = context
        self.msgid = msgid
        self.msgstr = msgstr
        self.line = line

    def __repr__(self) -> str:
        return f"PoEntry({self.context!r}, {self.msgid!r}, {self.msgstr!r}, line={self.line})"


def _error(name: str, line: int, message: str, value: str, *, fix: str) -> InputError:
    return InputError(message, path=f"{name}:{line}", value=value, rule="I18N-PO", fix=fix)


def _unquote(text: str, name: str, line: int) -> str:
    """The value of one quoted PO string (``"..."``, surrounding spaces allowed)."""
    text = text.strip()
    if len(text) < 2 or not text.startswith('"') or not text.endswith('"'):
        raise _error(
            name, line, "a PO string is not in double quotes", text, fix='write it as "text"'
        )
    body = text[1:-1]
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == '"':
            raise _error(
                name,
                line,
                "a double quote inside a PO string is not escaped",
                text,
                fix='write \\" for a quote inside the text',
            )
        if char == "\\":
            if index + 1 >= len(body) or body[index + 1] not in _ESCAPES:
                raise _error(
                    name,
                    line,
                    "a PO string has an unknown backslash escape",
                    text,
                    fix='use one of \\\\ \\" \\n \\t \\r (or write the character itself)',
                )
            out.append(_ESCAPES[body[index + 1]])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


class _Entry:
    """An entry being read: its keywords' strings so far, and where it started."""

    def __init__(self) -> None:
        self.parts: dict[str, list[str]] = {}
        self.last: str | None = None
        self.fuzzy = False
        self.line = 0

    @property
    def started(self) -> bool:
        return bool(self.parts) or self.fuzzy


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        yield number, line.strip()


def _keyword(entry: _Entry, line: str, number: int, name: str) -> None:
    keyword, *others = line.split(None, 1)
    rest = others[0] if others else ""
    if keyword.startswith("msgstr[") or keyword == "msgid_plural":
        raise _error(
            name,
            number,
            "plural forms are not read",
            keyword,
            fix="give each form its own message id (....one and ....other)",
        )
    if keyword not in _KEYWORDS:
        raise _error(
            name,
            number,
            "a PO line is not a keyword, a string or a comment",
            line,
            fix="start the line with msgctxt, msgid, msgstr, a quoted string or #",
        )
    order = _KEYWORDS.index(keyword)
    seen = [_KEYWORDS.index(k) for k in entry.parts]
    if keyword in entry.parts or any(o >= order for o in seen):
        raise _error(
            name,
            number,
            f"{keyword} is out of place in its entry",
            line,
            fix="write an entry as [msgctxt] msgid msgstr, with a blank line between entries",
        )
    if keyword == "msgid":
        entry.line = number
    entry.parts[keyword] = [_unquote(rest, name, number)]
    entry.last = keyword


def _finish(entry: _Entry, name: str, number: int) -> PoEntry | None:
    """The finished entry (``None`` for a fuzzy one); an incomplete entry is refused."""
    if "msgid" not in entry.parts or "msgstr" not in entry.parts:
        missing = "msgid" if "msgid" not in entry.parts else "msgstr"
        raise _error(
            name,
            number,
            f"an entry has no {missing}",
            missing,
            fix="give every entry a msgid and a msgstr",
        )
    if entry.fuzzy:
        return None
    context = "".join(entry.parts["msgctxt"]) if "msgctxt" in entry.parts else None
    msgid = "".join(entry.parts["msgid"])
    return PoEntry(context, msgid, "".join(entry.parts["msgstr"]), entry.line)


def parse_po(text: str, name: str) -> tuple[PoEntry, ...]:
    """The entries of the PO ``text`` (the header first, then in the file's order), fuzzy
    ones left out; ``name`` names the file in errors (``id.po:12``).

    Raises :class:`~asn_performance.exceptions.InputError` (rule ``I18N-PO``) at the first
    malformed line.
    """
    entries: list[PoEntry] = []
    seen: dict[tuple[str | None, str], int] = {}
    entry = _Entry()
    number = 0
    for number, line in _lines(text):
        if not line:
            if entry.started:
                _add(_finish(entry, name, number), entries, seen, name)
                entry = _Entry()
            continue
        if line.startswith("#"):
            if entry.parts:  # a comment begins the next entry: this one ends here
                _add(_finish(entry, name, number), entries, seen, name)
                entry = _Entry()
            if line.startswith("#,") and "fuzzy" in (f.strip() for f in line[2:].split(",")):
                entry.fuzzy = True
            continue
        if line.startswith('"'):
            if entry.last is None:
                raise _error(
                    name,
                    number,
                    "a continued string has no keyword before it",
                    line,
                    fix="put the string after msgctxt, msgid or msgstr",
                )
            entry.parts[entry.last].append(_unquote(line, name, number))
            continue
        _keyword(entry, line, number, name)
    if entry.started:
        _add(_finish(entry, name, number + 1), entries, seen, name)
    _check_header(entries, name)
    return tuple(entries)


def _add(
    entry: PoEntry | None,
    entries: list[PoEntry],
    seen: dict[tuple[str | None, str], int],
    name: str,
) -> None:
    if entry is None:
        return
    key = (entry.context, entry.msgid)
    if key in seen:
        raise _error(
            name,
            entry.line,
            f"msgid {entry.msgid!r} is given twice (first at line {seen[key]})",
            entry.msgid,
            fix="keep one entry per message id",
        )
    seen[key] = entry.line
    entries.append(entry)


def _check_header(entries: list[PoEntry], name: str) -> None:
    header = next((e for e in entries if e.msgid == "" and e.context is None), None)
    if header is None:
        raise _error(
            name,
            1,
            "the catalogue has no header entry",
            "",
            fix='begin with msgid "" and a msgstr holding'
            ' "Content-Type: text/plain; charset=UTF-8\\n"',
        )
    if "charset=utf-8" not in header.msgstr.lower().replace(" ", ""):
        raise _error(
            name,
            header.line,
            "the catalogue's header does not say charset=UTF-8",
            header.msgstr,
            fix='add "Content-Type: text/plain; charset=UTF-8\\n" to the header',
        )
