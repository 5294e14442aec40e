"""The label tables of every :class:`Labelled` enum, and docs/reference/labels.md (issue 10 §7).

Each enum has one table beside it (code, Indonesian label, English label, synonyms). These
tests check, for every enum of the package:

* no text names two members after folding (the check is written here again, independently of
  the one :meth:`Labelled.parse` makes), and no synonym repeats its member's code or labels;
* every spelling of the table parses to its member;
* docs/reference/labels.md lists exactly the enums of the package and, for each, exactly its
  codes, labels and synonyms in order, both ways, so the page cannot drift from the code.

A table that breaks the first rule is refused when its enum is first used; the tests at the end
build such tables on purpose.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import asn_performance
from asn_performance._kit.labels import Labelled, Labels, fold_label

PAGE = Path(__file__).parents[3] / "docs" / "reference" / "labels.md"


def _subclasses(cls: type[Labelled]) -> Iterator[type[Labelled]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _all_enums() -> list[type[Labelled]]:
    """Every Labelled enum of the package (the command line is left out: it defines none)."""
    for module in pkgutil.walk_packages(asn_performance.__path__, "asn_performance."):
        if not module.name.startswith("asn_performance.cli"):
            importlib.import_module(module.name)
    found = {
        cls
        for cls in _subclasses(Labelled)
        if cls.__module__.startswith("asn_performance.") and len(cls) > 0
    }
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__name__}")


ENUMS = _all_enums()


def _spellings(member: Labelled) -> list[str]:
    return [member.code, member.label_id, member.label_en, *member.synonyms]


def test_the_package_has_the_enums_this_page_knows_of() -> None:
    # A guard that the walk above finds the enums at all (26 on 4 December 2026).
    names = {cls.__name__ for cls in ENUMS}
    assert {"AssessorRole", "PositionKind", "Rating", "Predikat", "CoreValue"} <= names
    assert len(ENUMS) >= 26


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_no_text_names_two_members(cls: type[Labelled]) -> None:
    owner: dict[str, Labelled] = {}
    for member in cls:
        for text in _spellings(member):
            folded = fold_label(text)
            assert folded, f"{cls.__name__}.{member.name}: an empty spelling"
            other = owner.setdefault(folded, member)
            assert other is member, f"{cls.__name__}: {text!r} names {other.name}, {member.name}"


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_no_synonym_repeats_its_members_code_or_labels_or_itself(cls: type[Labelled]) -> None:
    for member in cls:
        own = {fold_label(t) for t in (member.code, member.label_id, member.label_en)}
        folded = [fold_label(t) for t in member.synonyms]
        assert not own & set(folded), f"{cls.__name__}.{member.name}"
        assert len(set(folded)) == len(folded), f"{cls.__name__}.{member.name}"


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_every_spelling_parses_to_its_member(cls: type[Labelled]) -> None:
    for member in cls:
        for text in _spellings(member):
            assert cls.parse(text) is member
            assert cls.parse(text.upper()) is member
            assert cls.parse(f"  {text.replace(' ', '_')}  ") is member


# --- the page ------------------------------------------------------------------------------------

_SECTION = re.compile(r"^### (\w+)\n\n`(asn_performance(?:\.\w+)+)`", re.M)
_ROW = re.compile(r"^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$", re.M)


def _page_tables() -> dict[str, tuple[str, list[tuple[str, str, str, tuple[str, ...]]]]]:
    """Each section of the page: its heading -> (dotted path, rows)."""
    text = PAGE.read_text(encoding="utf-8")
    sections = list(_SECTION.finditer(text))
    tables: dict[str, tuple[str, list[tuple[str, str, str, tuple[str, ...]]]]] = {}
    for index, section in enumerate(sections):
        end = sections[index + 1].start() if index + 1 < len(sections) else len(text)
        rows = []
        for row in _ROW.finditer(text, section.end(), end):
            code, label_id, label_en, synonyms = (part.strip() for part in row.groups())
            listed = () if synonyms == "—" else tuple(re.findall(r"`([^`]+)`", synonyms))
            rows.append((code, label_id, label_en, listed))
        assert section[1] not in tables, f"{section[1]} is listed twice"
        tables[section[1]] = (section[2], rows)
    return tables


def test_the_page_lists_exactly_the_enums_of_the_package() -> None:
    listed = {path for path, _rows in _page_tables().values()}
    assert listed == {f"{cls.__module__}.{cls.__name__}" for cls in ENUMS}


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_the_page_lists_exactly_each_table(cls: type[Labelled]) -> None:
    path, rows = _page_tables()[cls.__name__]
    assert path == f"{cls.__module__}.{cls.__name__}"
    expected = [(m.code, m.label_id, m.label_en, m.synonyms) for m in cls]
    assert rows == expected


def test_the_page_shows_the_synonyms_of_the_issue_by_hand() -> None:
    """The two spellings of issue 10 §7, read off the page as a user would."""
    tables = _page_tables()
    roles = {code: synonyms for code, _i, _e, synonyms in tables["AssessorRole"][1]}
    kinds = {code: synonyms for code, _i, _e, synonyms in tables["PositionKind"][1]}
    assert "atasan langsung" in roles["pejabat_penilai"]
    assert "functional" in kinds["fungsional"]


# --- a broken table is refused -------------------------------------------------------------------


class _Clash(Labelled):
    A = "a"
    B = "b"

    @classmethod
    def _table(cls) -> dict[_Clash, Labels]:
        return {cls.A: Labels("Satu", "One", ("same",)), cls.B: Labels("Dua", "Two", ("SAME",))}


class _Repeat(Labelled):
    A = "a_one"

    @classmethod
    def _table(cls) -> dict[_Repeat, Labels]:
        return {cls.A: Labels("Satu", "One", ("a-one",))}


class _Missing(Labelled):
    A = "a"
    B = "b"

    @classmethod
    def _table(cls) -> dict[_Missing, Labels]:
        return {cls.A: Labels("Satu", "One")}


def test_a_text_naming_two_members_is_refused() -> None:
    with pytest.raises(ValueError, match=r"_Clash: 'SAME' names both A and B"):
        _Clash.parse("same")


def test_a_synonym_repeating_its_code_is_refused() -> None:
    with pytest.raises(ValueError, match=r"_Repeat.A: the synonym 'a-one' repeats"):
        _Repeat.parse("one")


def test_a_table_without_a_row_for_a_member_is_refused() -> None:
    with pytest.raises(ValueError, match=r"_Missing: the table must have one row per member"):
        _Missing.parse("a")
