"""Explanations: the ordered steps that produced a result, each with its rule and citation.

A :class:`Step` is recorded compactly while the engine runs (a rule id, the inputs as text
pairs, the output as text, an optional note); the rule's title and citation are looked up in
:data:`RULEBOOK` only when the explanation is rendered. That keeps a full explanation cheap
enough to record for every appraisal.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from typing import NamedTuple

import attrs

__all__ = ["RULEBOOK", "Explanation", "Rule", "Step"]


class Rule(NamedTuple):
    """A rule the library applies: identifier, short title and citation."""

    id: str
    title: str
    citation: str
    normative: bool = True
    """False for the library's own decisions and an agency's configuration."""


_RULES = (
    Rule(
        "6/2022-PERIOD",
        "Appraisal period",
        "PermenPANRB 6/2022 (evaluasi kinerja periodik dan tahunan); the periodic frequency is"
        " the instansi's choice",
    ),
    Rule(
        "6/2022-PEJABAT-PENILAI",
        "The pejabat penilai kinerja's assessment is required",
        "PermenPANRB 6/2022 (evaluasi kinerja by the pejabat penilai kinerja);"
        " SE MenPANRB 3/2023, step 3",
    ),
    Rule(
        "D2-SUPERVISOR-DECIDES",
        "The pejabat penilai kinerja's rating is the result",
        "PermenPANRB 6/2022; SE MenPANRB 3/2023 step 3; library decision D2 (no national"
        " weights for other sources exist)",
        normative=False,
    ),
    Rule(
        "D2-ADVISORY",
        "Other sources are advisory and recorded, not counted",
        "Library decision D2",
        normative=False,
    ),
    Rule(
        "W-WEIGHTED",
        "Weighted combination of sources (agency configuration)",
        "Agency policy under library decision D2; not a national rule",
        normative=False,
    ),
    Rule(
        "W-MISSING-SOURCE",
        "A missing source is not counted as zero; its weight is redistributed",
        "Library decision D2",
        normative=False,
    ),
    Rule(
        "G-ANONYMITY",
        "Anonymous input is withheld below the minimum number of responses",
        "Library guard (anonymity of peer and subordinate feedback); default minimum 3",
        normative=False,
    ),
    Rule(
        "D3-UNIT-HEAD",
        "A unit head's rating hasil kerja is the organisation's capaian kinerja",
        'SE MenPANRB 3/2023: "capaian kinerja satuan organisasi yang dipimpin ditetapkan'
        ' sebagai rating hasil kerja pegawai yang bersangkutan"; mapping: library decision D3',
    ),
    Rule(
        "6/2022-MATRIX",
        "Predikat kinerja pegawai from the two ratings (3x3 matrix)",
        "PermenPANRB 6/2022 Pasal 24-25 and Lampiran; SE MenPANRB 3/2023 step 3",
    ),
    Rule(
        "D1-PERIODIC-SUMMARY",
        "Summary of periodic predikat (non-normative helper)",
        "Library decision D1: no national rule derives the annual predikat from periodic ones",
        normative=False,
    ),
)

#: Every rule the engine can record, by id.
RULEBOOK: Mapping[str, Rule] = {rule.id: rule for rule in _RULES}


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
        """The rule's title (from :data:`RULEBOOK`)."""
        found = RULEBOOK.get(self.rule)
        return found.title if found else self.rule

    @property
    def citation(self) -> str:
        """The rule's citation (from :data:`RULEBOOK`)."""
        found = RULEBOOK.get(self.rule)
        return found.citation if found else ""


@attrs.frozen
class Explanation:
    """The ordered steps behind a result; :meth:`render` shows them as text."""

    steps: tuple[Step, ...] = ()

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def for_dimension(self, dimension: str) -> tuple[Step, ...]:
        """The steps that contributed to one value."""
        return tuple(step for step in self.steps if step.dimension == dimension)

    def render(self) -> str:
        """Plain text, one numbered block per step: rule, citation, inputs, output."""
        lines: list[str] = []
        for number, step in enumerate(self.steps, start=1):
            scope = f" ({step.dimension})" if step.dimension else ""
            rule = RULEBOOK.get(step.rule)
            kind = " [library decision]" if rule is not None and not rule.normative else ""
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

    def to_markdown(self) -> str:
        """A Markdown table of the steps."""
        rows = [
            "| # | rule | for | inputs | result | note | source |",
            "|---|---|---|---|---|---|---|",
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

    def to_html(self) -> str:
        """An HTML table of the steps (escaped; no dependencies)."""
        esc = html.escape
        rows = "".join(
            f"<tr><td>{n}</td><td>{esc(s.rule)}</td><td>{esc(s.dimension)}</td><td>"
            + esc("; ".join(f"{k} = {v}" for k, v in s.inputs))
            + f"</td><td>{esc(s.output)}</td><td>{esc(s.note)}</td>"
            f"<td>{esc(s.citation)}</td></tr>"
            for n, s in enumerate(self.steps, start=1)
        )
        return (
            "<table><thead><tr><th>#</th><th>rule</th><th>for</th><th>inputs</th>"
            "<th>result</th><th>note</th><th>source</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )

    def __str__(self) -> str:
        return self.render()
