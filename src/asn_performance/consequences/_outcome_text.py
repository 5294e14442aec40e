"""The text views of a reward outcome (:class:`~asn_performance.consequences.policy.RewardOutcome`):
its :meth:`explain` in the reader's language and its notebook table.

Moved out of :mod:`~asn_performance.consequences.policy` (issue 14), whose methods delegate
here. The heading's fixed words are messages (``rewards.explain.*``, :mod:`._words`); the steps
are :meth:`Explanation.render(lang) <asn_performance.domain.explanation.Explanation.render>`
(the rule titles and the fixed words in ``lang``, each step as
:func:`~asn_performance.domain.explanation.step_in` shows it); the notes through :func:`note_in`.

A note is data: ``RewardOutcome.notes`` and its JSON hold the English text the policy wrote
(the messages ``rewards.note.*`` of :data:`~asn_performance.consequences._words.ENGLISH`,
filled in), like a step. It is translated when it is shown: :func:`note_in` finds the message
whose English text the note is and writes that message in the reader's language with the same
values (a period code, a jenjang's label, a policy's name, a penalty's code: none of them
changes with the language). A note no message matches (one an older release wrote) is shown
as it is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Protocol

from asn_performance._kit.i18n import Lang, checked_lang
from asn_performance.consequences._words import ENGLISH, say
from asn_performance.domain.explanation import Explanation, Step

__all__ = ["OutcomeView", "explain_outcome", "note_in", "outcome_html", "render_steps"]

#: The message ids of a reward outcome's notes.
_NOTE_PREFIX = "rewards.note."


class _Shown(Protocol):
    @property
    def shown(self) -> Decimal: ...


class _Paid(Protocol):
    @property
    def period(self) -> str | None: ...
    @property
    def total(self) -> Decimal: ...


class OutcomeView(Protocol):
    """What the text views read of a reward outcome."""

    @property
    def policy(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def nip(self) -> str: ...
    @property
    def periods(self) -> tuple[str, ...]: ...
    @property
    def steps(self) -> tuple[Step, ...]: ...
    @property
    def notes(self) -> tuple[str, ...]: ...
    @property
    def angka_kredit_total(self) -> _Shown | None: ...
    @property
    def allowances(self) -> Sequence[_Paid]: ...


def render_steps(steps: Iterable[Step], lang: Lang = "en") -> str:
    """Plain text for steps: rule, citation, inputs, result (as :meth:`Explanation.render`,
    in ``lang``)."""
    return Explanation(tuple(steps)).render(lang)


@functools.cache
def _note_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each note message's English text as a pattern (a ``{name}`` matches any text), with
    its id; built once, on the first note shown in a language other than English."""
    patterns = []
    for msg_id, english in ENGLISH.items():
        if msg_id.startswith(_NOTE_PREFIX):
            parts = re.split(r"\{(\w+)\}", english)
            pattern = "".join(
                re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
                for i, part in enumerate(parts)
            )
            patterns.append((re.compile(pattern, re.DOTALL), msg_id))
    return tuple(patterns)


def note_in(note: str, lang: Lang = "en") -> str:
    """A reward outcome's ``note`` as a reader of ``lang`` sees it: the message
    ``rewards.note.*`` whose English text the note is, in ``lang``, with the note's values
    (``allowance 2025-04: no attendance record; no cuts applied`` is ``tunjangan 2025-04:
    tidak ada data kehadiran; tidak ada potongan``). English returns the note itself and
    reads no catalogue; a note no message matches is returned as it is. An unknown ``lang``
    is refused (``I18N-LANG``)."""
    if lang == "en":
        return note
    for pattern, msg_id in _note_patterns():
        match = pattern.fullmatch(note)
        if match is not None:
            return say(msg_id, lang, **match.groupdict())
    checked_lang(lang)
    return note


def explain_outcome(outcome: OutcomeView, lang: Lang = "en") -> str:
    """The outcome as readable text in ``lang``: a header, every step with its citation, the
    notes (English reads no catalogue)."""
    head = say(
        "rewards.explain.head",
        lang,
        nip=outcome.nip,
        policy=outcome.policy,
        version=outcome.version,
        periods=", ".join(outcome.periods),
    )
    text = head + "\n" + render_steps(outcome.steps, lang)
    if outcome.notes:
        notes = "\n".join(f"- {note_in(note, lang)}" for note in outcome.notes)
        text += "\n" + say("rewards.explain.notes", lang) + "\n" + notes
    return text


def outcome_html(outcome: OutcomeView) -> str:
    """A small HTML table for a notebook: angka kredit, each allowance, the notes."""
    from html import escape as esc  # noqa: PLC0415 - only a notebook's HTML view needs it

    rows = []
    if outcome.angka_kredit_total is not None:
        rows.append(("angka kredit", str(outcome.angka_kredit_total.shown)))
    rows.extend((f"tunjangan {a.period or ''}".strip(), str(a.total)) for a in outcome.allowances)
    rows.extend(("note", note) for note in outcome.notes)
    body = "".join(f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in rows)
    return (
        f"<p>rewards for {esc(outcome.nip)} under {esc(outcome.policy)}"
        f" {esc(outcome.version)}: {esc(', '.join(outcome.periods))}</p>"
        f"<table><tbody>{body}</tbody></table>"
    )
