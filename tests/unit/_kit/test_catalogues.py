"""The message catalogues shipped in the package (``src/asn_performance/locale/*.po``, issue 14).

Every message id is in every catalogue, with the same placeholders; no msgstr is empty (the
loader refuses one) or left fuzzy (a fuzzy entry is not read, so it shows as missing); each file
says its language and UTF-8; every id the code asks for is there, and every id there is used.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from asn_performance._kit._po import parse_po
from asn_performance._kit.i18n import LANGS, catalogue

PACKAGE = Path(__file__).parents[3] / "src" / "asn_performance"

#: The ids of the error messages and fixes: a problem's text is matched against them when it is
#: shown (_kit.error_text), not named by the code; test_error_catalogue.py checks the extracted
#: ones against the source, and the tests of each area the ones written by hand.
ERROR_TEXTS = re.compile(r"(?:error|fix)\..+")


def test_every_language_has_a_catalogue_that_parses() -> None:
    assert sorted(p.stem for p in (PACKAGE / "locale").glob("*.po")) == sorted(LANGS)
    for lang in LANGS:
        path = PACKAGE / "locale" / f"{lang}.po"
        header = parse_po(path.read_text("utf-8"), path.name)[0]
        assert header.msgid == ""
        assert f"Language: {lang}\n" in header.msgstr
        assert catalogue(lang)  # read by the library's own loader: no empty msgstr


def test_every_message_is_in_every_catalogue_with_the_same_placeholders() -> None:
    indonesian, english = catalogue("id"), catalogue("en")
    assert set(indonesian) == set(english), (
        f"only in id.po: {sorted(set(indonesian) - set(english))};"
        f" only in en.po: {sorted(set(english) - set(indonesian))}"
    )
    for msg_id, message in indonesian.items():
        assert message.names == english[msg_id].names, msg_id
        assert message.text.strip(), msg_id
        assert english[msg_id].text.strip(), msg_id


def _source() -> str:
    return "\n".join(p.read_text("utf-8") for p in PACKAGE.rglob("*.py"))


def test_every_message_the_code_asks_for_is_in_the_catalogues() -> None:
    asked = set(re.findall(r"""\btext\(\s*["']([^"'{}]+)["']""", _source()))
    assert asked, "the scan found no text() call"
    assert asked <= set(catalogue("en")), sorted(asked - set(catalogue("en")))


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_of_a_catalogue_is_used(lang: str) -> None:
    # An id is used when the code names it, or names its family in an f-string
    # (f"fmt.month.{day.month}", f"cli.appraise.header.{column}").
    source = _source()
    unused = [
        msg_id
        for msg_id in catalogue(lang)
        if f'"{msg_id}"' not in source
        and f"'{msg_id}'" not in source
        and f"{msg_id.rsplit('.', 1)[0]}.{{" not in source
        and not ERROR_TEXTS.fullmatch(msg_id)
    ]
    assert not unused, f"messages no code uses: {unused}"
