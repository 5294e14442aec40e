"""The text views of a reward outcome (:class:`~asn_performance.consequences.policy.RewardOutcome`):
its :meth:`explain` in the reader's language and its notebook table.

Moved out of :mod:`~asn_performance.consequences.policy` (issue 14), whose methods delegate
here. The heading's fixed words are messages (``rewards.explain.*``, :mod:`._words`); the steps
are :meth:`Explanation.render(lang) <asn_performance.domain.explanation.Explanation.render>`
(the rule titles and the fixed words in ``lang``; each step's inputs and output still in
English); the notes are the policy's own words, in English.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Protocol

from asn_performance._kit.i18n import Lang
from asn_performance.consequences._words import say
from asn_performance.domain.explanation import Explanation, Step

__all__ = ["OutcomeView", "explain_outcome", "outcome_html", "render_steps"]


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
        notes = "\n".join(f"- {note}" for note in outcome.notes)
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
