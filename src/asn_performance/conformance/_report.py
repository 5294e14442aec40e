"""The outcome of a conformance check: which vectors match, which differ, which are missing."""

from __future__ import annotations

from typing import Any

import attrs

from asn_performance._kit.i18n import Lang, checked_lang, figure, text
from asn_performance._kit.validate import tuple_of

__all__ = ["ConformanceReport", "Difference"]


@attrs.frozen
class Difference:
    """One field of one vector whose result is not the expected one; ``got`` is ``None``
    when the results give no value for a field the vector requires."""

    vector: str
    field: str
    expected: str
    got: str | None

    def render(self, lang: Lang = "en") -> str:
        """One line: the vector, the field, the expected value and the one given."""
        if self.got is None:
            return text(
                "conformance.not_given",
                lang,
                vector=self.vector,
                field=self.field,
                expected=self.expected,
            )
        return text(
            "conformance.differs",
            lang,
            vector=self.vector,
            field=self.field,
            expected=self.expected,
            got=self.got,
        )

    def to_dict(self) -> dict[str, Any]:
        """The difference as a plain record."""
        return {"id": self.vector, "field": self.field, "expected": self.expected, "got": self.got}


@attrs.frozen
class ConformanceReport:
    """Results compared with the vectors (:func:`asn_performance.conformance.check`).

    ``vectors`` counts the vectors compared; ``matched`` are the ids whose results equal the
    expected output in every field given; ``differences`` lists each differing field (a vector
    may differ in several); ``missing`` are the ids the results do not give at all.
    """

    vectors: int
    matched: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    differences: tuple[Difference, ...] = attrs.field(validator=tuple_of(Difference))
    missing: tuple[str, ...] = attrs.field(validator=tuple_of(str))

    @property
    def differing(self) -> tuple[str, ...]:
        """The ids of the vectors that differ, each once, in the order of the vectors."""
        return tuple(dict.fromkeys(d.vector for d in self.differences))

    @property
    def ok(self) -> bool:
        """Whether every vector was given and matches."""
        return not self.differences and not self.missing

    def summary(self, lang: Lang = "en") -> str:
        """``N vectors, M match, K differ, J missing``."""
        return text(
            "conformance.summary",
            checked_lang(lang),
            vectors=figure(self.vectors, lang),
            matched=figure(len(self.matched), lang),
            differ=figure(len(self.differing), lang),
            missing=figure(len(self.missing), lang),
        )

    def render(self, lang: Lang = "en") -> str:
        """A line per differing field and per missing vector, then the summary line."""
        lang = checked_lang(lang)
        lines = [d.render(lang) for d in self.differences]
        lines += [text("conformance.missing", lang, vector=v) for v in self.missing]
        return "\n".join([*lines, self.summary(lang)])

    def to_dict(self) -> dict[str, Any]:
        """The report as a plain record (the ``--json`` output of ``conformance check``)."""
        return {
            "format_version": "1",
            "ok": self.ok,
            "vectors": self.vectors,
            "matched": len(self.matched),
            "differ": len(self.differing),
            "missing": len(self.missing),
            "differences": [d.to_dict() for d in self.differences],
            "missing_ids": list(self.missing),
        }
