"""The words of the text views in a language (issue 14): English as the code has always written
it, reading no catalogue; any other language through its catalogue.

A text view keeps its English messages in a mapping of message id to text (the same text, word
for word, as the message in ``locale/en.po``: ``tests/unit/process/test_text_views_lang.py``
checks that the two never drift apart). :func:`say` fills the English text itself for
``lang="en"`` and asks :func:`asn_performance._kit.i18n.text` for any other language, so the
default output of the library and of the command line stays what it was, and costs no
catalogue read. :func:`count` and :func:`day` write a count and a day as the English views
always have (``1234``, ``2026-01-31``) and as an Indonesian reader writes them (``1.234``,
``31 Januari 2026``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from asn_performance._kit.i18n import Lang, date, figure, say
from asn_performance.domain.period import Period

__all__ = ["Words", "count", "day", "lowered", "say", "written"]

#: A text kept as words, to be written in any language: a message id and its parameters, each a
#: text, a count, a day, a period or words themselves (:func:`written`).
Words = tuple[str, tuple[tuple[str, Any], ...]]


def count(value: int, lang: Lang) -> str:
    """A count: English as the views always wrote it (``1234``), else with the language's
    separators (Indonesian ``1.234``)."""
    return figure(value, lang)


def day(value: dt.date, lang: Lang) -> str:
    """A day: English as the views always wrote it (``2026-01-31``), else in words
    (Indonesian ``31 Januari 2026``)."""
    return value.isoformat() if lang == "en" else date(value, lang)


def lowered(label: str) -> str:
    """A label inside a sentence: its first letter small (``Evaluasi kinerja terlambat`` →
    ``evaluasi kinerja terlambat``), unless its first word is an abbreviation (``SKP``,
    ``RHK``)."""
    first = label.split(" ", 1)[0]
    return label if not label or first.isupper() else label[0].lower() + label[1:]


def _param(value: Any, lang: Lang, english: Mapping[str, str]) -> str:
    if isinstance(value, Period):  # English its code (2026-Q1), as always; else its label
        return value.code if lang == "en" else value.label_id
    if isinstance(value, dt.date):
        return day(value, lang)
    if isinstance(value, int):
        return count(value, lang)
    if isinstance(value, tuple):
        return written(english, value, lang)
    return str(value)


def written(english: Mapping[str, str], words: Words, lang: Lang, /) -> str:
    """``words`` in ``lang``: the message with each parameter written for the language (a
    period: English its code, Indonesian its label; a day; a count; words within words)."""
    msg_id, params = words
    return say(english, msg_id, lang, **{name: _param(v, lang, english) for name, v in params})
