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

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.reprs import attrs_repr
from asn_performance._kit.validate import to_tuple, tuple_of

if TYPE_CHECKING:
    from asn_performance._kit.i18n import Lang, Message

__all__ = [
    "Explanation",
    "Rule",
    "Step",
    "rule_title",
    "rules_by_id",
    "step_in",
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
        from asn_performance._kit.i18n import catalogue, checked_lang  # noqa: PLC0415 - on use

        message = catalogue(checked_lang(lang)).get(f"rule.title.{rule}")
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


#: The inputs whose values are identifiers, never numbers to write per language (an IKI id
#: ``1.2``, a period code ``2025``; a PP 46/2011 activity's name, a PermenPANRB 8/2021 RHK
#: tambahan's id).
_IDENTIFIER_INPUTS = frozenset({"IKI", "RHK", "plan period", "period", "kegiatan", "tambahan"})
#: ... and those of the steps of the process: a NIP, an SKP's id, a tautan's RHK, a year.
_IDENTIFIER_INPUTS |= {"NIP", "decided by", "plan", "leader's plan", "link", "year"}
#: The placeholders of step phrases whose values are identifiers (a period code ``2026``, an
#: RHK or indicator id ``1.2``), never numbers to write per language.
_IDENTIFIER_PLACEHOLDERS = frozenset(
    {"period", "old_period", "new_period", "rhk", "indicator", "old_link", "new_link"}
)
#: A number as the English text of a step writes it: ``2.67``, ``1250``, or with thousands
#: separators as an amount of rupiah is written (``5,979,200``).
_NUMBER: Final = r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
#: What a placeholder of a step phrase matches: any text that does not cross the "; " between
#: the parts of a composite piece (each part is matched on its own).
_PART = r"(?:(?!; ).)+?"


@functools.cache
def _number_pattern() -> re.Pattern[str]:
    """:data:`_NUMBER` compiled, when a step is first rendered in a language (not at import)."""
    return re.compile(_NUMBER)


class _Phrases(NamedTuple):
    """The step phrases of one rule in one language: the fixed ones by their English text,
    and the templates as (English pattern, message in the language)."""

    fixed: Mapping[str, str]
    templates: tuple[tuple[re.Pattern[str], Message], ...]


@functools.lru_cache(maxsize=4)
def _phrase_book(lang: Lang) -> Mapping[str, _Phrases]:
    """The step phrases of every rule in ``lang``, by rule id: the messages
    ``step.<RULE ID>.<name>`` of the catalogue, keyed by their English text in ``en.po``
    (a template's ``{placeholders}`` match any text). Read once per language and kept (the
    catalogues are immutable)."""
    from asn_performance._kit.i18n import catalogue  # noqa: PLC0415 - on use

    english, language = catalogue("en"), catalogue(lang)
    fixed: dict[str, dict[str, str]] = {}
    templates: dict[str, list[tuple[int, re.Pattern[str], Message]]] = {}
    for msg_id, source in english.items():
        if not msg_id.startswith("step."):
            continue
        rule = msg_id[len("step.") :].partition(".")[0]  # a rule id holds no dot
        target = language[msg_id]
        if not source.names:
            fixed.setdefault(rule, {})[source.text] = target.text
            continue
        pattern = "".join(
            re.escape(literal) + ("" if name is None else f"(?P<{name}>{_PART})")
            for literal, name in source.pieces
        )
        literal = sum(len(text) for text, _ in source.pieces)
        templates.setdefault(rule, []).append((literal, re.compile(pattern, re.DOTALL), target))
    # The template with the most fixed text is tried first: "roles checked against a roster
    # of {count} employees" before "{count} employees", which would match the same text.
    return {
        rule: _Phrases(
            fixed.get(rule, {}),
            tuple(
                (pattern, target)
                for _, pattern, target in sorted(templates.get(rule, ()), key=lambda item: -item[0])
            ),
        )
        for rule in fixed.keys() | templates.keys()
    }


def _value_in(value: str, lang: Lang, phrases: _Phrases | None = None) -> str:
    """A placeholder's value in ``lang``: a number written per language, a fixed phrase of
    the same rule (``phrases``) translated (``VIOLATED`` in ``...: {state}``), else as it is."""
    if _number_pattern().fullmatch(value):
        from asn_performance._kit.i18n import number  # noqa: PLC0415 - on use

        return number(Decimal(value.replace(",", "")), lang)
    if phrases is not None:
        return phrases.fixed.get(value, value)
    return value


def _piece_in(phrases: _Phrases | None, piece: str, lang: Lang, *, numeric: bool = True) -> str:
    """One piece of a step (an input's name or value, the output, the note) in ``lang``.

    In order: a fixed phrase of the rule; a template of the rule, its placeholders' values
    written per language when they are numbers; a piece that is only a number, written per
    language (unless ``numeric`` is off: an identifier); a piece made of parts joined by
    ``"; "``, each part so; else the piece as it is (never a guess)."""
    if not piece:
        return piece
    if phrases is not None:
        found = phrases.fixed.get(piece)
        if found is not None:
            return found
        for pattern, message in phrases.templates:
            match = pattern.fullmatch(piece)
            if match is not None:
                values = match.groupdict()
                return "".join(
                    literal
                    + (
                        ""
                        if name is None
                        else values[name]
                        if name in _IDENTIFIER_PLACEHOLDERS
                        else _value_in(values[name], lang, phrases)
                    )
                    for literal, name in message.pieces
                )
    if numeric and _number_pattern().fullmatch(piece):
        return _value_in(piece, lang)
    if "; " in piece:
        return "; ".join(_piece_in(phrases, part, lang) for part in piece.split("; "))
    return piece


def step_in(step: Step, lang: Lang) -> Step:
    """``step`` as a reader of ``lang`` sees it: a copy for display, its inputs' names and
    values, output and note written in ``lang``; the step itself (its data, its JSON, the
    digests of stored records) is unchanged.

    English returns ``step`` itself and reads no catalogue. Another language translates the
    fixed phrases a rule records through the catalogue messages ``step.<RULE ID>.<name>``
    (the English text, in ``en.po``, is what the rule module writes; a ``{placeholder}``
    matches the part the rule fills in), writes a piece that is only a number per language
    (``2.67`` → ``2,67``), and leaves every other piece as it is: the labels of the
    regulation (``Sesuai Ekspektasi``, ``Baik``), names and ids, and any text no message
    matches (docs/explanation/languages.md). An unknown ``lang`` is refused (``I18N-LANG``).
    """
    if lang == "en":
        return step
    from asn_performance._kit.i18n import checked_lang  # noqa: PLC0415 - on use

    language = checked_lang(lang)
    phrases = _phrase_book(language).get(str(step.rule))
    inputs = tuple(
        (
            _piece_in(phrases, name, language, numeric=False),
            _piece_in(phrases, value, language, numeric=name not in _IDENTIFIER_INPUTS),
        )
        for name, value in step.inputs
    )
    return Step(
        step.rule,
        step.dimension,
        inputs,
        _piece_in(phrases, step.output, language),
        _piece_in(phrases, step.note, language),
    )


@attrs.frozen
class Explanation:
    """The ordered steps behind a result; :meth:`render` shows them as text.

    ``steps`` is a tuple (a list is taken as one) of :class:`Step` objects; anything else is
    refused on construction (rule ``TYPE``), not when the explanation is rendered.
    """

    steps: tuple[Step, ...] = attrs.field(default=(), converter=to_tuple, validator=tuple_of(Step))

    def __repr__(self) -> str:
        return attrs_repr(self)

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
        ``hasil``, ``catatan``, ``[keputusan pustaka]``) in Bahasa Indonesia from the catalogue,
        and each step's inputs, output and note as :func:`step_in` shows them (the phrases a
        rule records, translated; numbers per language); the default, English, reads no
        catalogue. The citations name the regulations as they are.
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
        from asn_performance._kit.i18n import checked_lang, text  # noqa: PLC0415 - on use
        from asn_performance._kit.i18n import number as num  # noqa: PLC0415

        language = checked_lang(lang)
        decision = text("explanation.library_decision", language)
        lines: list[str] = []
        for number, recorded in enumerate(self.steps, start=1):
            step = step_in(recorded, language)
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
        from asn_performance._kit.i18n import checked_lang, text  # noqa: PLC0415 - on use

        language = checked_lang(lang)
        names = ("rule", "dimension", "inputs", "result", "note", "source")
        return ("#", *(text(f"explanation.column.{name}", language) for name in names))

    def to_markdown(self, lang: Lang = "en") -> str:
        """A Markdown table of the steps (headers and cells in ``lang``, as in :meth:`render`)."""
        headers = self._columns(lang)
        rows = [
            "| " + " | ".join(headers) + " |",
            "|" + "---|" * len(headers),
        ]
        for number, recorded in enumerate(self.steps, start=1):
            step = step_in(recorded, lang)
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
        """An HTML table of the steps (escaped; no dependencies; headers and cells in ``lang``,
        as in :meth:`render`)."""
        from html import escape as esc  # noqa: PLC0415 - only an HTML view needs it

        rows = "".join(
            f"<tr><td>{n}</td><td>{esc(s.rule)}</td><td>{esc(s.dimension)}</td><td>"
            + esc("; ".join(f"{k} = {v}" for k, v in s.inputs))
            + f"</td><td>{esc(s.output)}</td><td>{esc(s.note)}</td>"
            f"<td>{esc(s.citation)}</td></tr>"
            for n, s in enumerate((step_in(step, lang) for step in self.steps), start=1)
        )
        head = "".join(f"<th>{esc(h)}</th>" for h in self._columns(lang))
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"

    def _repr_html_(self) -> str:
        """The HTML table of :meth:`to_html`, for a notebook."""
        return f"<p>{len(self.steps)} step(s)</p>" + self.to_html()

    def __str__(self) -> str:
        return self.render()
