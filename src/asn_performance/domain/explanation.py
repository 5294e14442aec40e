"""Explanations: the ordered steps that produced a result, each with its rule and citation.

A :class:`Rule` is the rule's identifier (it *is* that string) carrying its title, its citation
and whether it is the regulation's or the library's own decision. Each rule is defined once, in
the module that applies it, beside the table it reads (the matrix in
:mod:`asn_performance.regimes.permenpanrb_6_2022.matrix`, the angka kredit percentages in
:mod:`asn_performance.consequences`, ...); :data:`asn_performance.services.rulebook.RULEBOOK`
gathers them all.

A :class:`Step` is recorded compactly while the engine runs (the rule, the inputs as text pairs,
the output as text, an optional note); the title and citation are read from the rule only when
the explanation is rendered. That keeps a full explanation cheap enough to record for every
appraisal. A step made from a plain string id (a rule the library does not know, such as an
agency's own) shows the id as its title and no citation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import to_tuple, tuple_of

if TYPE_CHECKING:
    from asn_performance._kit.i18n import Lang

__all__ = [
    "Explanation",
    "Rule",
    "Step",
    "rule_title",
    "rules_by_id",
]


class Rule(str):
    """A rule the library applies: the identifier, with its short title and citation.

    A rule is its identifier: it compares, hashes and serialises as that string, so a step
    recorded with a rule and one read back from JSON with the bare id are equal.

    Attributes:
        id: the identifier, e.g. ``"6/2022-MATRIX"``.
        title: a short title.
        citation: the regulation (pasal, lampiran) or the library decision it rests on.
        normative: False for the library's own decisions and an agency's configuration.
    """

    title: str  # type: ignore[assignment]  # the rule's title shadows str.title on purpose
    citation: str
    normative: bool

    def __new__(cls, id: str, title: str, citation: str, normative: bool = True) -> Rule:
        rule = super().__new__(cls, id)
        set_attribute = object.__setattr__  # a rule is immutable once made
        set_attribute(rule, "title", title)
        set_attribute(rule, "citation", citation)
        set_attribute(rule, "normative", normative)
        return rule

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Rule is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Rule is immutable; cannot delete {name!r}")

    def __getnewargs__(self) -> tuple[str, str, str, bool]:  # type: ignore[override]
        return (str(self), self.title, self.citation, self.normative)

    @property
    def id(self) -> str:
        """The identifier as a plain string."""
        return str(self)

    def __repr__(self) -> str:
        return f"Rule({str(self)!r}, {self.title!r}, {self.citation!r}, normative={self.normative})"


def rules_by_id(*groups: Iterable[Rule]) -> Mapping[str, Rule]:
    """The rules of ``groups`` by id; an id defined twice is a programming error."""
    book: dict[str, Rule] = {}
    for group in groups:
        for rule in group:
            if rule.id in book:
                raise ValueError(f"rule id {rule.id!r} is defined twice")
            book[rule.id] = rule
    return FrozenMap(book)


def rule_title(rule: str, lang: Lang = "en") -> str:
    """The title of ``rule`` in ``lang``: English is the rule's own :attr:`Rule.title` (no
    catalogue is read); another language reads the message ``rule.title.<RULE ID>`` of its
    catalogue (``locale/<lang>.po``). A rule no catalogue knows (an agency's own :class:`Rule`)
    keeps its English title; a plain string id is its own title. An unknown ``lang`` is
    refused (rule ``I18N-LANG``)."""
    if lang != "en":
        from asn_performance._kit.i18n import catalogue, resolve_lang  # noqa: PLC0415 - on use

        message = catalogue(resolve_lang(lang)).get(f"rule.title.{rule}")
        if message is not None and isinstance(rule, Rule):
            return str(message.text)
    return rule.title if isinstance(rule, Rule) else str(rule)


class Step(NamedTuple):
    """One step of a derivation.

    ``dimension`` says which value the step contributes to (``"hasil_kerja"``,
    ``"perilaku_kerja"``, ``"predikat"`` or ``""`` for the appraisal as a whole).
    """

    rule: str
    dimension: str
    inputs: tuple[tuple[str, str], ...]
    output: str
    note: str = ""

    @property
    def title(self) -> str:
        """The rule's title (the id itself for a rule the library does not know)."""
        rule = self.rule
        return rule.title if isinstance(rule, Rule) else rule

    @property
    def citation(self) -> str:
        """The rule's citation (empty for a rule the library does not know)."""
        rule = self.rule
        return rule.citation if isinstance(rule, Rule) else ""

    def to_dict(self, *, labels: bool = True) -> dict[str, Any]:
        """The plain record of the step, with the rule's title and citation for readers.

        Without ``labels`` the record holds only what the step says, not the text this version
        of the library renders for its rule: the form the lifecycle's digests cover, so that a
        reworded citation in a later release does not make a stored history look changed.
        """
        inputs = [[name, value] for name, value in self.inputs]
        if not labels:
            return {
                "rule": str(self.rule),
                "dimension": self.dimension,
                "inputs": inputs,
                "output": self.output,
                "note": self.note,
            }
        return {
            "rule": str(self.rule),
            "title": self.title,
            "citation": self.citation,
            "dimension": self.dimension,
            "inputs": inputs,
            "output": self.output,
            "note": self.note,
        }


@attrs.frozen
class Explanation:
    """The ordered steps behind a result; :meth:`render` shows them as text.

    ``steps`` is a tuple (a list is taken as one) of :class:`Step` objects; anything else is
    refused on construction (rule ``TYPE``), not when the explanation is rendered.
    """

    steps: tuple[Step, ...] = attrs.field(default=(), converter=to_tuple, validator=tuple_of(Step))

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def for_dimension(self, dimension: str) -> tuple[Step, ...]:
        """The steps that contributed to one value."""
        return tuple(step for step in self.steps if step.dimension == dimension)

    def render(self, lang: Lang = "en") -> str:
        """Plain text, one numbered block per step: rule, citation, inputs, output.

        ``lang="id"`` writes the rule titles and the fixed words (``dasar``, ``masukan``,
        ``hasil``, ``catatan``, ``[keputusan pustaka]``) in Bahasa Indonesia from the catalogue;
        the default, English, reads no catalogue. The steps' inputs, outputs and notes are the
        rules' own words (English for now) and the citations name the regulations as they are.
        """
        if lang != "en":
            return self._render_in(lang)
        lines: list[str] = []
        for number, step in enumerate(self.steps, start=1):
            scope = f" ({step.dimension})" if step.dimension else ""
            rule = step.rule
            kind = " [library decision]" if isinstance(rule, Rule) and not rule.normative else ""
            lines.append(f"{number}. [{step.rule}] {step.title}{scope}{kind}")
            if step.citation:
                lines.append(f"   source: {step.citation}")
            if step.inputs:
                shown = ", ".join(f"{name} = {value}" for name, value in step.inputs)
                lines.append(f"   inputs: {shown}")
            lines.append(f"   result: {step.output}")
            if step.note:
                lines.append(f"   note: {step.note}")
        return "\n".join(lines)

    def _render_in(self, lang: str) -> str:
        """:meth:`render` through the catalogue of ``lang`` (the same lines for ``"en"``)."""
        from asn_performance._kit.i18n import number as num  # noqa: PLC0415 - on use
        from asn_performance._kit.i18n import resolve_lang, text  # noqa: PLC0415

        language = resolve_lang(lang)
        decision = text("explanation.library_decision", language)
        lines: list[str] = []
        for number, step in enumerate(self.steps, start=1):
            rule = step.rule
            head = text(
                "explanation.step",
                language,
                number=num(number, language),
                rule=str(rule),
                title=rule_title(rule, language),
            )
            scope = f" ({step.dimension})" if step.dimension else ""
            kind = f" {decision}" if isinstance(rule, Rule) and not rule.normative else ""
            lines.append(head + scope + kind)
            if step.citation:
                lines.append("   " + text("explanation.source", language, citation=step.citation))
            if step.inputs:
                shown = ", ".join(f"{name} = {value}" for name, value in step.inputs)
                lines.append("   " + text("explanation.inputs", language, inputs=shown))
            lines.append("   " + text("explanation.result", language, output=step.output))
            if step.note:
                lines.append("   " + text("explanation.note", language, note=step.note))
        return "\n".join(lines)

    @staticmethod
    def _columns(lang: str) -> tuple[str, ...]:
        """The headers of the Markdown and HTML tables in ``lang``."""
        if lang == "en":
            return ("#", "rule", "for", "inputs", "result", "note", "source")
        from asn_performance._kit.i18n import resolve_lang, text  # noqa: PLC0415 - on use

        language = resolve_lang(lang)
        names = ("rule", "dimension", "inputs", "result", "note", "source")
        return ("#", *(text(f"explanation.column.{name}", language) for name in names))

    def to_markdown(self, lang: Lang = "en") -> str:
        """A Markdown table of the steps (headers in ``lang``; the cells as in :meth:`render`)."""
        headers = self._columns(lang)
        rows = [
            "| " + " | ".join(headers) + " |",
            "|" + "---|" * len(headers),
        ]
        for number, step in enumerate(self.steps, start=1):
            inputs = "; ".join(f"{n} = {v}" for n, v in step.inputs)
            cells = (
                str(number),
                step.rule,
                step.dimension,
                inputs,
                step.output,
                step.note,
                step.citation,
            )
            rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        return "\n".join(rows)

    def to_html(self, lang: Lang = "en") -> str:
        """An HTML table of the steps (escaped; no dependencies; headers in ``lang``)."""
        from html import escape as esc  # noqa: PLC0415 - only an HTML view needs it

        rows = "".join(
            f"<tr><td>{n}</td><td>{esc(s.rule)}</td><td>{esc(s.dimension)}</td><td>"
            + esc("; ".join(f"{k} = {v}" for k, v in s.inputs))
            + f"</td><td>{esc(s.output)}</td><td>{esc(s.note)}</td>"
            f"<td>{esc(s.citation)}</td></tr>"
            for n, s in enumerate(self.steps, start=1)
        )
        head = "".join(f"<th>{esc(h)}</th>" for h in self._columns(lang))
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"

    def _repr_html_(self) -> str:
        """The HTML table of :meth:`to_html`, for a notebook."""
        return f"<p>{len(self.steps)} step(s)</p>" + self.to_html()

    def __str__(self) -> str:
        return self.render()
