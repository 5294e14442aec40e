"""The compiled catalogues (``locale/<lang>.json``, what the library reads at run time) hold
exactly what their PO sources say: the same message ids in the same order, each with the same
text, pieces and placeholder names; they record the SHA-256 of the PO file they came from.
``python tools/compile_catalogues.py --write`` brings them up to date."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from asn_performance._kit.i18n import (
    LANGS,
    Message,
    catalogue,
    compiled,
    from_compiled,
    load_catalogue,
)
from asn_performance.exceptions import InputError

LOCALE = Path(__file__).parents[3] / "src" / "asn_performance" / "locale"
STALE = "out of date: run python tools/compile_catalogues.py --write"


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogue_is_its_po_file(lang: str) -> None:
    source = (LOCALE / f"{lang}.po").read_bytes()
    data = json.loads((LOCALE / f"{lang}.json").read_text("utf-8"))
    assert data["source_sha256"] == hashlib.sha256(source).hexdigest(), STALE
    from_po = load_catalogue(source.decode("utf-8"), f"{lang}.po")
    shipped = catalogue(lang)  # type: ignore[arg-type]
    assert list(shipped) == list(from_po), STALE
    for key, message in from_po.items():
        assert (shipped[key].text, shipped[key].pieces, shipped[key].names) == (
            message.text,
            message.pieces,
            message.names,
        ), f"{lang}.json: {key!r} {STALE}"


def test_compiling_keeps_text_pieces_and_names() -> None:
    # "Total {count} of {total}." splits, by hand, into three pieces: the literal "Total "
    # before {count}, " of " before {total}, and "." with no placeholder after it.
    pieces = (("Total ", "count"), (" of ", "total"), (".", None))
    messages = {"a": Message("Total {count} of {total}.", pieces)}
    back = from_compiled(json.loads(json.dumps(compiled(messages, "0" * 64))))
    assert back["a"].text == "Total {count} of {total}."
    assert back["a"].pieces == (("Total ", "count"), (" of ", "total"), (".", None))
    assert back["a"].names == frozenset({"count", "total"})


def test_a_compiled_file_of_another_format_is_refused() -> None:
    with pytest.raises(InputError) as raised:
        from_compiled({"format": 99, "source_sha256": "", "messages": {}})
    assert raised.value.rule == "I18N-PO"
    assert raised.value.fix is not None
    assert "compile_catalogues.py --write" in raised.value.fix
