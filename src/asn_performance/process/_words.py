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
import functools
import re
from collections.abc import Iterable, Mapping
from string import Formatter
from typing import Any, Final

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang, date, figure, say, text
from asn_performance.domain.period import Period

__all__ = [
    "CHANGE_PHRASES",
    "Changes",
    "Words",
    "change_in",
    "changes_text",
    "count",
    "day",
    "lowered",
    "say",
    "written",
]

#: What a revision changes (:func:`~asn_performance.process.lifecycle.revision.changes`), one
#: phrase each, by catalogue message id: the English text exactly as ``changes`` writes it, a
#: ``{placeholder}`` for the id, code or target it fills in. The phrases of the status step of
#: a revision (its note lists the changes), and what ``status`` and ``plan-versions`` show in
#: another language (:func:`change_in`); the data (JSON, the plan's versions) stays English.
CHANGE_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.LIFECYCLE-STATUS-REVISION.change.period": "period {old_period} -> {new_period}",
        "step.LIFECYCLE-STATUS-REVISION.change.rhk_dropped": "RHK {rhk} dropped",
        "step.LIFECYCLE-STATUS-REVISION.change.rhk_added": "RHK {rhk} added",
        "step.LIFECYCLE-STATUS-REVISION.change.rhk_reworded": "RHK {rhk} reworded",
        "step.LIFECYCLE-STATUS-REVISION.change.link": (
            "RHK {rhk} intervenes {old_link} -> {new_link}"
        ),
        "step.LIFECYCLE-STATUS-REVISION.change.link_added": (
            "RHK {rhk} intervenes none -> {new_link}"
        ),
        "step.LIFECYCLE-STATUS-REVISION.change.link_dropped": (
            "RHK {rhk} intervenes {old_link} -> none"
        ),
        "step.LIFECYCLE-STATUS-REVISION.change.indicator_dropped": "indicator {indicator} dropped",
        "step.LIFECYCLE-STATUS-REVISION.change.indicator_added": "indicator {indicator} added",
        "step.LIFECYCLE-STATUS-REVISION.change.target": (
            "indicator {indicator} target {old} -> {new}"
        ),
        "step.LIFECYCLE-STATUS-REVISION.change.indicator_reworded": (
            "indicator {indicator} reworded"
        ),
        "step.LIFECYCLE-STATUS-REVISION.change.other": (
            "behaviours, approach or unit-head flag changed"
        ),
    }
)


@functools.cache
def _change_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The change phrases as patterns, the one with the most fixed text first (``RHK {rhk}
    intervenes none -> {new_link}`` before ``RHK {rhk} intervenes {old_link} -> {new_link}``)."""
    found = []
    for msg_id, english in CHANGE_PHRASES.items():
        pieces = list(Formatter().parse(english))
        pattern = "".join(
            re.escape(literal) + ("" if name is None else f"(?P<{name}>.+?)")
            for literal, name, _, _ in pieces
        )
        fixed = sum(len(literal) for literal, _, _, _ in pieces)
        found.append((fixed, re.compile(pattern, re.DOTALL), msg_id))
    found.sort(key=lambda item: -item[0])
    return tuple((pattern, msg_id) for _, pattern, msg_id in found)


def change_in(change: str, lang: Lang) -> str:
    """One change a revision made, in ``lang``: English as the lifecycle wrote it (no
    catalogue read); another language through the message of the phrase it matches, its ids,
    codes and targets as written (``indicator iki-1 target 12 layanan -> 10 layanan`` →
    ``target indikator iki-1 12 layanan menjadi 10 layanan``). A text no phrase matches (a
    record of an older release) stays as it is."""
    if lang == "en":
        return change
    for pattern, msg_id in _change_patterns():
        match = pattern.fullmatch(change)
        if match is not None:
            return text(msg_id, lang, **match.groupdict())
    return change


def changes_text(changes: Iterable[str], lang: Lang) -> str:
    """What a revision changed, joined by ``"; "``, each change in ``lang``."""
    return "; ".join(change_in(change, lang) for change in changes)


class Changes(tuple[str, ...]):
    """What a revision changed, as a parameter of :data:`Words`: written by
    :func:`changes_text` in the reader's language."""

    __slots__ = ()


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
    if isinstance(value, Changes):
        return changes_text(value, lang)
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
