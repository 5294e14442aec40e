"""Enums with a stable code, an Indonesian and an English label, and a strict parser.

Every enumerated term in the library (ratings, predikat, roles, aspects, position kinds...)
derives from :class:`Labelled`. The parser implements library decision D12: it accepts the
code, either label and documented synonyms after folding case, spaces, hyphens and underscores,
and matches whole labels only, never a substring ("Baik" is not "Sangat Baik").
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Mapping
from typing import Self, cast

from asn_performance.exceptions import LabelError

__all__ = ["Labelled", "fold_label"]

_FOLD = re.compile(r"[\s_\-]+")


def fold_label(text: str) -> str:
    """Fold a label for lookup: case, runs of spaces, hyphens and underscores do not matter."""
    return _FOLD.sub(" ", text.strip().casefold()).replace(" / ", "/")


class Labelled(enum.Enum):
    """An enum with a stable code, Indonesian and English labels and a strict parser."""

    __hash__ = object.__hash__

    @property
    def code(self) -> str:
        """The stable machine code (used in JSON)."""
        return str(self.value)

    @property
    def position(self) -> int:
        """The member's index in the order its class defines (0 for the first)."""
        return _position_table(type(self))[self]

    @property
    def label_id(self) -> str:
        """The Indonesian label, as printed on the official forms."""
        return _label_table(type(self))[self][0]

    @property
    def label_en(self) -> str:
        """The English label."""
        return _label_table(type(self))[self][1]

    @classmethod
    def _labels(cls) -> Mapping[Self, tuple[str, str]]:  # pragma: no cover - overridden
        raise NotImplementedError

    @classmethod
    def _synonyms(cls) -> Mapping[str, Self]:
        return {}

    @classmethod
    def _lookup(cls) -> dict[str, Self]:
        table: dict[str, Self] = {}
        for member, (label_id, label_en) in cls._labels().items():
            for text in (member.code, label_id, label_en):
                table[fold_label(text)] = member
        for text, member in cls._synonyms().items():
            table[fold_label(text)] = member
        return table

    @classmethod
    def parse(cls, text: object, *, field: str | None = None) -> Self:
        """Return the member named by ``text`` or raise :class:`LabelError`.

        Accepts a member itself, the code, the Indonesian or English label, or a documented
        synonym; case, repeated spaces, hyphens and underscores do not matter. Never matches
        part of a label.
        """
        if isinstance(text, cls):
            return text
        if not isinstance(text, str):
            raise LabelError(
                f"the {cls._noun()} must be given as text",
                path=field,
                value=text,
                rule="D12-LABELS",
                fix=f"use one of: {cls._choices()}",
            )
        member = _lookup_table(cls).get(fold_label(text))
        if member is None:
            raise LabelError(
                f"unknown {cls._noun()}",
                path=field,
                value=text,
                rule="D12-LABELS",
                fix=f"use one of: {cls._choices()}",
            )
        return cast(Self, member)

    @classmethod
    def _noun(cls) -> str:
        """The class name in words: ``AssessorRole`` -> ``"assessor role"``."""
        return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()

    @classmethod
    def _choices(cls) -> str:
        return ", ".join(f"{m.code!r} ({m.label_id})" for m in cls)

    def __str__(self) -> str:
        return self.label_id


@functools.cache
def _lookup_table(cls: type[Labelled]) -> Mapping[str, Labelled]:
    return cls._lookup()


@functools.cache
def _label_table(cls: type[Labelled]) -> Mapping[Labelled, tuple[str, str]]:
    return dict(cls._labels())


@functools.cache
def _position_table(cls: type[Labelled]) -> Mapping[Labelled, int]:
    return {member: index for index, member in enumerate(cls)}
