"""Messages and numbers in the reader's language: Bahasa Indonesia or English (issue 14).

Every text the library shows a person is a **message id** (the rule id where there is one,
such as ``CAREER-JENJANG``; else a dotted id such as ``cli.appraise.summary``) looked up in
the catalogue of a language: one gettext PO file per language, shipped in the package
(``asn_performance/locale/id.po`` and ``en.po``; :mod:`asn_performance._kit._po` reads
them, imported only when a PO text is parsed: the tools and the tests), compiled into
``locale/<lang>.json`` by ``tools/compile_catalogues.py`` (the tests keep the two equal). The
compiled form is read once, on first use, and kept (:func:`functools.lru_cache` on a pure
loader: nothing a caller can change); each :class:`Message` of it is built when it is first
looked up, and kept (:class:`CompiledCatalogue`). ``import asn_performance`` reads neither.

* :func:`resolve_lang` -- the language asked for: an explicit ``lang``, else (when an
  environment is given, as the command line does) the first of ``LANGUAGE``, ``LC_ALL``,
  ``LC_MESSAGES``, ``LANG`` that is set, beginning ``id`` for Indonesian; else
  :data:`DEFAULT_LANG`, English. A Python caller who gives neither gets English, always.
* :func:`text` -- a message with its named ``{placeholders}`` filled: the parameters must be
  exactly the message's placeholders, each given as text (numbers are formatted first, with
  :func:`number`, so that they follow the language).
* :func:`number`, :func:`rupiah`, :func:`percent`, :func:`date` -- per-language formats:
  Indonesian ``101,60``, ``Rp 2.741.165``, ``31 Januari 2026``; English ``101.60``,
  ``Rp 2,741,165``, ``31 January 2026``. Decimal or int only, never float; rounded half-up
  once, at the places given (decision D5), in the library's own context.

Errors are :class:`~asn_performance.exceptions.InputError`: an unknown language
(``I18N-LANG``), an unknown message id (``I18N-MESSAGE``), missing or extra parameters
(``I18N-PARAMS``), a malformed catalogue (``I18N-PO``, naming the file and line).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from string import Formatter
from typing import Any, Final, Literal, TypeGuard, get_args

from asn_performance._kit.exact import quantize
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.exceptions import InputError

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "CompiledCatalogue",
    "Lang",
    "Message",
    "catalogue",
    "checked_lang",
    "date",
    "figure",
    "filler",
    "is_lang",
    "number",
    "per_cent",
    "percent",
    "resolve_lang",
    "rupiah",
    "say",
    "text",
]

#: A language the library writes: ``"id"`` (Bahasa Indonesia) or ``"en"`` (English).
Lang = Literal["id", "en"]

#: The languages shipped, each with a catalogue ``locale/<lang>.po``.
LANGS: Final[tuple[Lang, ...]] = get_args(Lang)

#: The language of a Python caller who names none (stable: English).
DEFAULT_LANG: Final[Lang] = "en"

#: The environment variables that name the language of messages, in the order gettext reads
#: them (Python's :func:`gettext.find`): the first one that is set decides.
LANG_VARIABLES: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

#: Thousands and decimal separators per language.
_SEPARATORS: Final[Mapping[Lang, tuple[str, str]]] = {"id": (".", ","), "en": (",", ".")}


def is_lang(value: object) -> TypeGuard[Lang]:
    """Whether ``value`` is a language the library writes (``"id"`` or ``"en"``)."""
    return isinstance(value, str) and value in LANGS


def _checked(lang: object) -> Lang:
    if is_lang(lang):
        return lang
    raise InputError(
        "the language is not one the library writes",
        path="lang",
        value=lang,
        rule="I18N-LANG",
        fix='give "id" (Bahasa Indonesia) or "en" (English)',
    )


def checked_lang(lang: object) -> Lang:
    """``lang`` itself when it is a language the library writes (``"id"`` or ``"en"``).

    Where text is produced the language is named, never defaulted: ``None``, ``"ID"``,
    ``"id_ID"``, ``"fr"`` or a number is refused (rule ``I18N-LANG``), not taken for English.
    Defaults (the environment, then English) are :func:`resolve_lang`'s alone.
    """
    return _checked(lang)


def _named(setting: str) -> Lang | None:
    """The language a locale setting names (``id_ID.UTF-8`` → ``"id"``), or ``None``."""
    for entry in setting.split(":"):  # LANGUAGE is a list of preferences: id:en
        code = entry.strip().lower()
        for lang in LANGS:
            if code == lang or (code.startswith(lang) and code[len(lang)] in "_-.@"):
                return lang
    return None


def resolve_lang(lang: str | None = None, environ: Mapping[str, str] | None = None) -> Lang:
    """The language to write in.

    ``lang`` when given (``"id"`` or ``"en"``; anything else is refused, rule ``I18N-LANG``);
    else, when ``environ`` is given (the command line passes :data:`os.environ`), the first
    of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set and not empty: a value
    beginning ``id`` (``id``, ``id_ID``, ``id_ID.UTF-8``) gives Indonesian, ``en`` English,
    anything else (``C.UTF-8``, ``fr_FR``) the default; else :data:`DEFAULT_LANG`. The
    library never reads the environment on its own: a Python caller's default is stable.
    """
    if lang is not None:
        return _checked(lang)
    if environ is not None:
        for variable in LANG_VARIABLES:
            setting = environ.get(variable, "")
            if setting:
                return _named(setting) or DEFAULT_LANG
    return DEFAULT_LANG


class Message:
    """A message of a catalogue: its text, its pieces (literal text and placeholder names,
    in order) and the names of its placeholders."""

    __slots__ = ("names", "pieces", "text")

    def __init__(self, text: str, pieces: tuple[tuple[str, str | None], ...]) -> None:
        self.text = text
        self.pieces = pieces
        self.names = frozenset(name for _, name in pieces if name is not None)

    def __repr__(self) -> str:
        return f"Message({self.text!r})"


def _pieces(text: str, where: str) -> tuple[tuple[str, str | None], ...]:
    """``text`` split at its ``{name}`` placeholders (``{{`` and ``}}`` are braces)."""
    try:
        parsed = list(Formatter().parse(text))
    except ValueError:
        parsed = None
    if parsed is None:
        raise InputError(
            "a message has an unmatched brace",
            path=where,
            value=text,
            rule="I18N-PO",
            fix="write a placeholder as {name} (a plain name), and a brace as {{ or }}",
        )
    pieces: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in parsed:
        if name is not None and (not name.isidentifier() or spec or conversion):
            raise InputError(
                "a message has a placeholder that is not a plain name",
                path=where,
                value=text,
                rule="I18N-PO",
                fix="write a placeholder as {name} (a plain name), and a brace as {{ or }}",
            )
        pieces.append((literal, name))
    return tuple(pieces)


def _read_catalogue(lang: Lang) -> str:
    from importlib import resources  # noqa: PLC0415 - on first use: pathlib, tempfile, ...

    return resources.files("asn_performance").joinpath(f"locale/{lang}.po").read_text("utf-8")


def load_catalogue(po_text: str, name: str) -> FrozenMap[str, Message]:
    """The messages of the PO text ``po_text`` by message id (``context\\x04id`` for an entry
    with a msgctxt), the header left out; ``name`` names the file in errors. An empty msgstr
    is refused (rule ``I18N-PO``): a message not yet translated is marked fuzzy or left out."""
    from asn_performance._kit._po import parse_po  # noqa: PLC0415 - the tools and tests only

    messages: dict[str, Message] = {}
    for entry in parse_po(po_text, name):
        if entry.msgid == "" and entry.context is None:
            continue
        where = f"{name}:{entry.line}"
        if not entry.msgstr:
            raise InputError(
                f"message {entry.msgid!r} has an empty msgstr",
                path=where,
                value=entry.msgid,
                rule="I18N-PO",
                fix="write its text in msgstr, or flag the entry fuzzy until it is translated",
            )
        key = entry.msgid if entry.context is None else f"{entry.context}\x04{entry.msgid}"
        messages[key] = Message(entry.msgstr, _pieces(entry.msgstr, where))
    return FrozenMap(messages)


#: The format of a compiled catalogue (``locale/<lang>.json``): raised when its layout changes.
COMPILED_FORMAT: Final = 1


def compiled(messages: Mapping[str, Message], source_sha256: str) -> dict[str, object]:
    """``messages`` (what :func:`load_catalogue` read from a PO file whose SHA-256 is
    ``source_sha256``) as the JSON-ready compiled catalogue: each message id to its text and
    pieces, so that reading it back parses neither the PO syntax nor the placeholders."""
    return {
        "format": COMPILED_FORMAT,
        "source_sha256": source_sha256,
        "messages": {
            key: [m.text, [[literal, name] for literal, name in m.pieces]]
            for key, m in messages.items()
        },
    }


class CompiledCatalogue(Mapping[str, Message]):
    """A compiled catalogue (:func:`from_compiled`): an immutable mapping of message id to
    :class:`Message`, in the file's order, that builds each :class:`Message` when it is first
    looked up and keeps it (the same object every time after), so that a command that shows a
    few messages does not build the 2,000 others (issue 12: about 5 ms of the command line's
    start). What it maps never changes: the compiled data are its own, and nothing can be set
    or deleted."""

    __slots__ = ("_built", "_raw")

    _raw: dict[str, Any]
    _built: dict[str, Message]

    def __init__(self, raw: dict[str, Any]) -> None:
        object.__setattr__(self, "_raw", dict(raw))
        object.__setattr__(self, "_built", {})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a catalogue is immutable")

    def __getitem__(self, key: str) -> Message:
        message = self._built.get(key)
        if message is None:
            text_, pieces = self._raw[key]  # an unknown id: KeyError, as a mapping does
            message = Message(text_, tuple((literal, name) for literal, name in pieces))
            message = self._built.setdefault(key, message)
        return message

    def get(self, key: str, default: Any = None) -> Any:
        if key in self._raw:
            return self[key]
        return default

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __hash__(self) -> int:  # hashable, as the FrozenMap it replaced
        return hash(frozenset(self._raw))

    def __reduce__(self) -> tuple[type[CompiledCatalogue], tuple[dict[str, Any]]]:
        return (type(self), (self._raw,))

    def __repr__(self) -> str:
        return f"CompiledCatalogue({len(self._raw)} messages)"


def from_compiled(data: Mapping[str, object]) -> CompiledCatalogue:
    """The catalogue that :func:`compiled` wrote (the package's own file, checked against its
    PO source by the tests and ``tools/compile_catalogues.py --check``); each message is built
    on its first look-up (:class:`CompiledCatalogue`)."""
    raw = data["messages"]
    if data.get("format") != COMPILED_FORMAT or not isinstance(raw, dict):
        raise InputError(
            "the compiled catalogue is not in the format this version reads",
            path="format",
            value=data.get("format"),
            rule="I18N-PO",
            fix="run python tools/compile_catalogues.py --write",
        )
    return CompiledCatalogue(raw)


def _read_compiled(lang: Lang) -> CompiledCatalogue:
    import json  # noqa: PLC0415 - on first use only
    import os.path  # noqa: PLC0415 - on first use only

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(package, "locale", f"{lang}.json"), encoding="utf-8") as file:
        return from_compiled(json.load(file))


@functools.lru_cache(maxsize=len(LANGS))
def catalogue(lang: Lang) -> CompiledCatalogue:
    """The catalogue of ``lang``, read once and kept; an immutable mapping of message id to
    :class:`Message` (each built on its first look-up, :class:`CompiledCatalogue`). The
    source is ``locale/<lang>.po`` in the package; what is read at run
    time is its compiled form ``locale/<lang>.json`` (:func:`compiled`; parsing the PO text
    took about 70 ms, the compiled form a few), which the tests keep equal to the PO file."""
    return _read_compiled(_checked(lang))


def _message(msg_id: str, lang: Lang) -> Message:
    """The message ``msg_id`` of the catalogue of ``lang`` (rules ``I18N-LANG``,
    ``I18N-MESSAGE``)."""
    message: Message | None = catalogue(_checked(lang)).get(msg_id)
    if message is None:
        raise InputError(
            f"no message {msg_id!r} in the {lang} catalogue",
            path="msg_id",
            value=msg_id,
            rule="I18N-MESSAGE",
            fix=f"add the message to src/asn_performance/locale/{lang}.po (and every other"
            " catalogue)",
        )
    return message


def _wrong_params(msg_id: str, message: Message, params: Mapping[str, object]) -> InputError:
    """The error of :func:`text` given parameters that are not the message's (``I18N-PARAMS``)."""
    given = frozenset(params)
    missing, extra = sorted(message.names - given), sorted(given - message.names)
    return InputError(
        f"message {msg_id!r} takes the parameters {sorted(message.names)}, each as text",
        path="params",
        value={"missing": missing, "extra": extra} if (missing or extra) else dict(params),
        rule="I18N-PARAMS",
        fix="give each placeholder of the message once, as text (numbers through number())",
    )


def text(msg_id: str, lang: Lang, /, **params: str) -> str:
    """The message ``msg_id`` in ``lang`` with its ``{placeholders}`` filled from ``params``.

    The parameters must be exactly the message's placeholders, each a ``str`` (format a number
    with :func:`number` first); an unknown message id (``I18N-MESSAGE``), a missing, extra or
    non-text parameter (``I18N-PARAMS``) is refused.
    """
    message = _message(msg_id, lang)
    if params.keys() != message.names or not all(isinstance(v, str) for v in params.values()):
        raise _wrong_params(msg_id, message, params)
    return "".join(
        literal + ("" if name is None else params[name]) for literal, name in message.pieces
    )


def filler(msg_id: str, lang: Lang, /, *names: str) -> Callable[..., str]:
    """:func:`text` of ``msg_id`` in ``lang`` for many lines (a table's rows): the message is
    looked up, and its placeholders checked to be exactly ``names``, once (rules
    ``I18N-LANG``, ``I18N-MESSAGE``, ``I18N-PARAMS``, as :func:`text`); the function returned
    takes the values of ``names``, in that order, each a ``str`` (else ``I18N-PARAMS``), and
    gives the text :func:`text` gives for them."""
    message = _message(msg_id, lang)
    if len(set(names)) != len(names) or frozenset(names) != message.names:
        raise _wrong_params(msg_id, message, dict.fromkeys(names, ""))
    where = {name: index for index, name in enumerate(names)}
    pieces = tuple(
        (literal, None if name is None else where[name]) for literal, name in message.pieces
    )
    # the same text as a format string, braces doubled: str.format fills it in C
    template = "".join(
        literal.replace("{", "{{").replace("}", "}}") + ("" if index is None else f"{{{index}}}")
        for literal, index in pieces
    )
    count = len(names)

    def fill(*values: str) -> str:
        if len(values) != count:
            raise _wrong_params(msg_id, message, dict(zip(names, values, strict=False)))
        exact = True
        for value in values:
            if type(value) is not str:  # a subclass of str is filled as its text, as text() does
                if not isinstance(value, str):
                    raise _wrong_params(msg_id, message, dict(zip(names, values, strict=False)))
                exact = False
        if exact:
            return template.format(*values)
        return "".join(
            literal if index is None else literal + values[index] for literal, index in pieces
        )

    return fill


def _decimal(value: object, field: str) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, Decimal) and value.is_finite():
        return value
    raise InputError(
        "a number to show is not an exact number",
        path=field,
        value=value,
        rule="D5-EXACT",
        fix="give a Decimal (from text, e.g. Decimal('12.5')) or an int, never a float",
    )


def _grouped(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


def number(value: Decimal | int, lang: Lang, places: int | None = None) -> str:
    """``value`` written for ``lang``: Indonesian ``2.741.165`` and ``101,60``, English
    ``2,741,165`` and ``101.60``.

    With ``places``, rounded half-up to that many decimal places, once (decision D5); without,
    written exactly as given (``Decimal("101.6")`` is ``101,6``), in plain notation.
    """
    thousands, point = _SEPARATORS[_checked(lang)]
    amount = _decimal(value, "value")
    if places is not None:
        if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= 28:
            raise InputError(
                "decimal places are a whole number from 0 to 28",
                path="places",
                value=places,
                rule="RANGE",
                fix="give places as an int, e.g. 2",
            )
        try:
            amount = quantize(amount, Decimal((0, (1,), -places)))
        except InvalidOperation:
            raise InputError(
                "a number is too large to show at these places",
                path="value",
                value=value,
                rule="RANGE",
                fix="give fewer decimal places",
            ) from None
    plain = format(amount, "f")
    sign = "-" if plain.startswith("-") and amount != 0 else ""  # never "-0,00"
    whole, _, fraction = plain.lstrip("-").partition(".")
    shown = _grouped(whole, thousands) + (point + fraction if fraction else "")
    return sign + shown


def rupiah(amount: Decimal | int, lang: Lang) -> str:
    """An amount of rupiah, rounded half-up to whole rupiah (decision D5): Indonesian
    ``Rp 2.741.165``, English ``Rp 2,741,165``."""
    return text("fmt.rupiah", lang, amount=number(amount, lang, places=0))


def percent(value: Decimal | int, lang: Lang, places: int | None = None) -> str:
    """A percentage (``70`` is seventy percent): ``70 %``, Indonesian ``12,5 %``, English
    ``12.5 %`` (rounded half-up at ``places`` when given)."""
    return text("fmt.percent", lang, value=number(value, lang, places))


def date(day: dt.date, lang: Lang) -> str:
    """A day in words: Indonesian ``31 Januari 2026``, English ``31 January 2026``."""
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise InputError(
            "a day to show is not a date",
            path="day",
            value=day,
            rule="TYPE",
            fix="give a datetime.date (not a datetime)",
        )
    month = text(f"fmt.month.{day.month}", lang)
    return text("fmt.date", lang, day=str(day.day), month=month, year=str(day.year))


# --- the text views' English, kept in the code ------------------------------------------------


def say(english: Mapping[str, str], msg_id: str, lang: Lang, /, **params: str) -> str:
    """The message ``msg_id`` in ``lang`` with its placeholders filled: in English from the
    view's own mapping ``english`` (the same words as ``en.po``, which each view's test keeps
    equal; no catalogue is read, so the default output stays what it was and costs nothing),
    in any other language from its catalogue (:func:`text`; an unknown language is refused
    there, rule ``I18N-LANG``)."""
    if lang == "en":
        return english[msg_id].format(**params)
    return text(msg_id, lang, **params)


def figure(value: Decimal | int, lang: Lang, places: int | None = None) -> str:
    """A number as the text views write it: English as the library always has (no thousands
    separator: ``3030``, ``62.50``), another language through :func:`number` (``3.030``,
    ``62,50``). With ``places``, rounded half-up there, once (decision D5)."""
    if lang == "en":
        if places is not None:
            value = quantize(Decimal(value), Decimal((0, (1,), -places)))
        return f"{value:f}" if isinstance(value, Decimal) else str(value)
    return number(value, lang, places)


def per_cent(value: str, lang: Lang) -> str:
    """A number already written for ``lang`` as a percentage: ``70 %`` (the message
    ``fmt.percent`` in a language other than English)."""
    return f"{value} %" if lang == "en" else text("fmt.percent", lang, value=value)
