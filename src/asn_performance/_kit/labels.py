"""Enums with a stable code, an Indonesian and an English label, and a strict parser.

Every enumerated term in the library (ratings, predikat, roles, aspects, position kinds...)
derives from :class:`Labelled`. Each enum defines one table beside its members,
:meth:`Labelled._table`: for every member a :class:`Labels` row with its Indonesian label, its
English label and the synonyms it also accepts. The parser implements library decision D12: it
accepts the code, either label and the listed synonyms after folding case, spaces, hyphens and
underscores the same way for every enum (:func:`fold_label`), and matches whole labels only,
never a substring ("Baik" is not "Sangat Baik"). A table in which one text names two members,
or a synonym repeats its member's own code or label, is a defect of the table and is refused
when the enum is first used (``ValueError``); the tables are listed in docs/reference/labels.md.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Mapping
from typing import NamedTuple, Self, cast

from asn_performance.exceptions import LabelError

__all__ = ["Labelled", "Labels", "fold_label"]

_FOLD = re.compile(r"[\s_\-]+")


def fold_label(text: str) -> str:
    """Fold a label for lookup: case, runs of spaces, hyphens and underscores do not matter."""
    return _FOLD.sub(" ", text.strip().casefold()).replace(" / ", "/")


class Labels(NamedTuple):
    """One row of a labelled enum's table: the labels of a member and its synonyms.

    ``synonyms`` are further spellings :meth:`Labelled.parse` accepts for the member (the code
    and both labels are always accepted and are not repeated here).
    """

    label_id: str
    label_en: str
    synonyms: tuple[str, ...] = ()


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
        return _label_table(type(self))[self].label_id

    @property
    def label_en(self) -> str:
        """The English label."""
        return _label_table(type(self))[self].label_en

    @property
    def synonyms(self) -> tuple[str, ...]:
        """The further spellings :meth:`parse` accepts for this member, as its table lists them."""
        return _label_table(type(self))[self].synonyms

    @classmethod
    def _table(cls) -> Mapping[Self, Labels]:  # pragma: no cover - overridden
        """The enum's one table: a :class:`Labels` row for every member."""
        raise NotImplementedError

    @classmethod
    def _lookup(cls) -> dict[str, Self]:
        """Every accepted spelling, folded, to its member; a defect of the table is refused."""
        rows = _label_table(cls)
        missing = [m.name for m in cls if m not in rows]
        if missing or len(rows) != len(cls):
            raise ValueError(f"{cls.__name__}: the table must have one row per member {missing}")
        table: dict[str, Self] = {}
        for member in cls:
            row = rows[member]
            own = {fold_label(text) for text in (member.code, row.label_id, row.label_en)}
            for text in (member.code, row.label_id, row.label_en, *row.synonyms):
                folded = fold_label(text)
                if not folded:
                    raise ValueError(f"{cls.__name__}.{member.name}: an empty spelling")
                other = table.get(folded)
                if other is not None and other is not member:
                    raise ValueError(
                        f"{cls.__name__}: {text!r} names both {other.name} and {member.name}"
                    )
                table[folded] = member
            for text in row.synonyms:
                if fold_label(text) in own:
                    raise ValueError(
                        f"{cls.__name__}.{member.name}: the synonym {text!r} repeats its code"
                        " or a label"
                    )
            if len({fold_label(text) for text in row.synonyms}) != len(row.synonyms):
                raise ValueError(f"{cls.__name__}.{member.name}: a synonym is listed twice")
        return table

    @classmethod
    def parse(cls, text: object, *, field: str | None = None) -> Self:
        """Return the member named by ``text`` or raise :class:`LabelError`.

        Accepts a member itself, the code, the Indonesian or English label, or a synonym listed
        in the enum's table; case, repeated spaces, hyphens and underscores do not matter.
        Never matches part of a label.
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
        return _noun_of(cls)

    @classmethod
    def _choices(cls) -> str:
        """The codes and labels a fix lists (made once per enum: a document of 400,000 bad
        ratings built it 400,000 times, two thirds of the time of refusing it)."""
        return _choices_of(cls)

    def __str__(self) -> str:
        return self.label_id


@functools.cache
def _noun_of(cls: type[Labelled]) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


@functools.cache
def _choices_of(cls: type[Labelled]) -> str:
    return ", ".join(f"{m.code!r} ({m.label_id})" for m in cls)


@functools.cache
def _lookup_table(cls: type[Labelled]) -> Mapping[str, Labelled]:
    return cls._lookup()


@functools.cache
def _label_table(cls: type[Labelled]) -> Mapping[Labelled, Labels]:
    return {member: Labels(*row) for member, row in cls._table().items()}


@functools.cache
def _position_table(cls: type[Labelled]) -> Mapping[Labelled, int]:
    return {member: index for index, member in enumerate(cls)}
