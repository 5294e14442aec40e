"""The PO reader (``asn_performance._kit._po``): what a catalogue may hold, and a malformed one
refused with its file and line (rule ``I18N-PO``)."""

from __future__ import annotations

import pytest

from asn_performance._kit._po import parse_po
from asn_performance.exceptions import InputError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_entries_with_context_multi_line_strings_escapes_and_comments() -> None:
    text = HEADER + (
        "# a translator's comment\n"
        "#. an extracted comment\n"
        "#: src/asn_performance/cli/_appraise.py:40\n"
        'msgid "cli.one"\n'
        'msgstr ""\n'
        '"first "\n'
        '"second"\n'
        "\n"
        'msgctxt "table"\n'
        'msgid "cli.two"\n'
        'msgstr "a \\"quoted\\" word,\\ta tab, a \\\\ and\\na new line"\n'
    )
    entries = parse_po(text, "t.po")
    assert [(e.context, e.msgid) for e in entries] == [
        (None, ""),
        (None, "cli.one"),
        ("table", "cli.two"),
    ]
    # The continued lines join with nothing between them.
    assert entries[1].msgstr == "first second"
    assert entries[1].line == 8  # 4 header lines, 3 comment lines: msgid on line 8
    assert entries[2].msgstr == 'a "quoted" word,\ta tab, a \\ and\na new line'


def test_a_fuzzy_entry_and_an_obsolete_one_are_not_read() -> None:
    text = HEADER + (
        '#, fuzzy, python-format\nmsgid "cli.unsure"\nmsgstr "not checked yet"\n\n'
        '#~ msgid "cli.old"\n#~ msgstr "gone"\n\n'
        'msgid "cli.sure"\nmsgstr "checked"\n'
    )
    assert [e.msgid for e in parse_po(text, "t.po")] == ["", "cli.sure"]


def test_entries_need_no_blank_line_before_a_comment() -> None:
    text = HEADER + 'msgid "a"\nmsgstr "A"\n# next\nmsgid "b"\nmsgstr "B"'
    assert [e.msgstr for e in parse_po(text, "t.po")][1:] == ["A", "B"]


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        # Line numbers count the 4 header lines and the blank line after them: the body's
        # first line is line 5.
        ('msgid "a"\nmsgstr "no end', 6, "not in double quotes"),
        ('msgid "a"\nmsgstr "say "hi""', 6, "not escaped"),
        ('msgid "a"\nmsgstr "bad \\q escape"', 6, "unknown backslash escape"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"', 6, "plural forms"),
        ('msgid "a"\nmsgstr[0] "x"', 6, "plural forms"),
        ('msgstr "x"\nmsgid "a"', 6, "out of place"),
        ('msgid "a"\nmsgid "b"\nmsgstr "x"', 6, "out of place"),
        ('msgid "a"\n\nmsgstr "x"', 6, "no msgstr"),
        ('"dangling"', 5, "no keyword before it"),
        ('msgid "a"\nmsgstr "x"\nnonsense', 7, "not a keyword"),
        ('msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"', 8, "given twice (first at line 5)"),
    ],
)
def test_a_malformed_file_is_refused_with_its_line(body: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_po(HEADER + body + "\n", "bad.po")
    assert caught.value.rule == "I18N-PO"
    assert caught.value.path == f"bad.po:{line}"
    assert words in caught.value.message
    assert caught.value.fix


def test_a_file_without_a_utf8_header_is_refused() -> None:
    with pytest.raises(InputError, match="no header entry") as caught:
        parse_po('msgid "a"\nmsgstr "x"\n', "t.po")
    assert caught.value.path == "t.po:1"
    latin = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n'
    with pytest.raises(InputError, match="charset=UTF-8") as caught:
        parse_po(latin, "t.po")
    assert caught.value.path == "t.po:1"
