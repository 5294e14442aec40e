"""The text tree and the HTML view of a cascade (:mod:`asn_performance.process.cascade`) in
Bahasa Indonesia or English (issue 14).

:meth:`CascadeTree.render`, :meth:`CascadeTree.to_html` and :meth:`CascadeNode.describe`
delegate here. English (the default) is written word for word as it always was, reading no
catalogue; Indonesian reads ``locale/id.po`` (messages ``cascade.*``) and writes the counts
with its separators. The RHK's own texts, ids and names are the document's, shown as given.

The functions take the tree and its nodes as they are (duck-typed, so that this module does not
import :mod:`~asn_performance.process.cascade`, which imports it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang
from asn_performance.process._words import count, say

__all__ = ["ENGLISH", "STEP_PHRASES", "cascade_html", "describe_node", "render_cascade"]

#: The English messages of the cascade views, word for word as in ``locale/en.po``.
ENGLISH: Final = {
    "cascade.summary": "Cascade (intervensi) of {plans} plan(s), {rhk} RHK: {tally}",
    "cascade.tally": "{count} {note}",
    "cascade.node": "{id}: {text} ({name}, {nip}; {plan})",
    "cascade.node.link": " -> {leader}",
    "cascade.node.note": " [{note}]",
    "cascade.section": "{title}:",
    "cascade.section.roots": "Tree (pohon kinerja)",
    "cascade.section.not_linked": "Not linked (tidak terhubung ke RHK pimpinan)",
    "cascade.section.dangling": "Dangling links (RHK pimpinan tidak ada di SKP atasan)",
    "cascade.section.circular": "Circular links (keterkaitan melingkar)",
    "cascade.note.not_intervened": "not intervened",
    "cascade.note.not_linked": "not linked",
    "cascade.note.dangling": "dangling",
    "cascade.note.text_differs": "text differs",
    "cascade.note.circular": "circular",
}

#: The fixed phrases the steps of :mod:`asn_performance.process.cascade` record, by catalogue
#: message id (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.PLAN-CASCADE-LINK.plan": "plan",
        "step.PLAN-CASCADE-UNLINKED.plan": "plan",
        "step.PLAN-CASCADE-TEXT.plan": "plan",
        "step.PLAN-CASCADE-HEAD.plan": "plan",
        "step.PLAN-CASCADE-NOT-INTERVENED.plan": "plan",
        "step.PLAN-CASCADE-CYCLE.plan": "plan",
        "step.PLAN-CASCADE-LINK.leader_plan": "leader's plan",
        "step.PLAN-CASCADE-LINK.link": "link",
        "step.PLAN-CASCADE-LINK.links": "{count} link(s), each to an RHK of the leader's plan",
        "step.PLAN-CASCADE-LINK.dangling": "dangling",
        "step.PLAN-CASCADE-LINK.dangling_note": "the link names no RHK of the leader's plan",
        "step.PLAN-CASCADE-UNLINKED.not_linked": "not linked",
        "step.PLAN-CASCADE-UNLINKED.note": (
            "no leader_work_result_id: reported, not refused (decision D22)"
        ),
        "step.PLAN-CASCADE-TEXT.printed": "printed",
        "step.PLAN-CASCADE-TEXT.linked": "linked",
        "step.PLAN-CASCADE-TEXT.decides": "the link decides",
        "step.PLAN-CASCADE-TEXT.note": (
            "the printed leader's RHK differs from the linked RHK's text (decision D22)"
        ),
        "step.PLAN-CASCADE-HEAD.starts": "starts the cascade",
        "step.PLAN-CASCADE-HEAD.no_leader": "the leader's plan is not among the unit's plans",
        "step.PLAN-CASCADE-HEAD.unit_head": (
            "a unit head's RHK without a link: from the Perjanjian Kinerja"
        ),
        "step.PLAN-CASCADE-NOT-INTERVENED.not_intervened": "not intervened",
        "step.PLAN-CASCADE-NOT-INTERVENED.note": "none of the unit's plans intervenes it",
        "step.PLAN-CASCADE-CYCLE.link": "link",
        "step.PLAN-CASCADE-CYCLE.circular": "circular",
        "step.PLAN-CASCADE-CYCLE.note": "its links lead back to it: shown apart",
    }
)

#: The sections of the tree, in order (the attributes of :class:`CascadeTree`).
_SECTIONS: Final = ("roots", "not_linked", "dangling", "circular")


def _note(note: Any, lang: Lang) -> str:
    """A note inside a sentence: English its code in words (``not intervened``), Indonesian
    ``tidak diintervensi``."""
    return say(ENGLISH, f"cascade.note.{note.code}", lang)


def describe_node(node: Any, lang: Lang = "en") -> str:
    """One line of a :class:`~asn_performance.process.cascade.CascadeNode`: the RHK's id and
    text, whose it is, its link (when it leads nowhere or round), its notes."""
    wr = node.work_result
    line = say(
        ENGLISH,
        "cascade.node",
        lang,
        id=wr.id,
        text=wr.text,
        name=node.name,
        nip=node.nip.digits,
        plan=node.plan_id,
    )
    codes = {note.code for note in node.notes}
    if "dangling" in codes or (wr.leader_work_result_id is not None and "circular" in codes):
        line += say(ENGLISH, "cascade.node.link", lang, leader=str(wr.leader_work_result_id))
    for note in node.notes:
        # English: both labels (``Tidak diintervensi / not intervened``), as always.
        said = f"{note.label_id} / {_note(note, lang)}" if lang == "en" else note.label_id
        line += say(ENGLISH, "cascade.node.note", lang, note=said)
    return line


def _summary(tree: Any, notes: Sequence[Any], lang: Lang) -> str:
    rhk = sum(1 for _ in tree.nodes())
    tally = ", ".join(
        say(
            ENGLISH,
            "cascade.tally",
            lang,
            count=count(len(tree.with_note(note)), lang),
            note=_note(note, lang),
        )
        for note in notes
    )
    return say(
        ENGLISH,
        "cascade.summary",
        lang,
        plans=count(tree.plans, lang),
        rhk=count(rhk, lang),
        tally=tally,
    )


def _sections(tree: Any, lang: Lang) -> Iterator[tuple[str, tuple[Any, ...]]]:
    for name in _SECTIONS:
        nodes: tuple[Any, ...] = getattr(tree, name)
        if nodes or name == "roots":
            yield say(ENGLISH, f"cascade.section.{name}", lang), nodes


def render_cascade(tree: Any, notes: Sequence[Any], lang: Lang = "en") -> str:
    """The text of a :class:`~asn_performance.process.cascade.CascadeTree`: a summary line
    (counting each of ``notes``, the members of ``CascadeNote``), then each section with its
    RHK indented by depth."""
    lines = [_summary(tree, notes, lang)]

    def add(node: Any, depth: int) -> None:
        lines.append(f"{'  ' * depth}- {describe_node(node, lang)}")
        for child in node.children:
            add(child, depth + 1)

    for title, nodes in _sections(tree, lang):
        lines.append(say(ENGLISH, "cascade.section", lang, title=title))
        for node in nodes:
            add(node, 1)
    return "\n".join(lines)


def cascade_html(tree: Any, notes: Sequence[Any], lang: Lang = "en") -> str:
    """The HTML view of a :class:`~asn_performance.process.cascade.CascadeTree`: the summary
    (counting each of ``notes``), then each section as nested lists (every text escaped)."""
    from html import escape as esc  # noqa: PLC0415 - only an HTML view needs it

    def item(node: Any) -> str:
        inner = "".join(item(child) for child in node.children)
        return f"<li>{esc(describe_node(node, lang))}{f'<ul>{inner}</ul>' if inner else ''}</li>"

    parts = [f"<p>{esc(_summary(tree, notes, lang))}</p>"]
    for title, nodes in _sections(tree, lang):
        parts.append(f"<p><b>{esc(title)}</b></p><ul>{''.join(map(item, nodes))}</ul>")
    return "".join(parts)
