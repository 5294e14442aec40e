"""The compiled catalogue builds each message on its first look-up and keeps it
(:class:`~asn_performance._kit.i18n.CompiledCatalogue`), and :func:`~asn_performance._kit.i18n.
filler` fills a message looked up once exactly as :func:`~asn_performance._kit.i18n.text` does
(issue 12: the command line's table)."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

from asn_performance._kit.i18n import (
    COMPILED_FORMAT,
    CompiledCatalogue,
    Message,
    catalogue,
    filler,
    from_compiled,
    text,
)
from asn_performance.exceptions import InputError

# "Total {count} of {total}." split by hand: "Total " before {count}, " of " before {total},
# "." with no placeholder; "{{x}} is {x}" shows the braces "{x}" before the placeholder x.
RAW: dict[str, list[Any]] = {
    "a": ["Total {count} of {total}.", [["Total ", "count"], [" of ", "total"], [".", None]]],
    "b": ["{{x}} is {x}", [["{x} is ", "x"]]],
}


def _catalogue() -> CompiledCatalogue:
    return from_compiled({"format": COMPILED_FORMAT, "source_sha256": "", "messages": RAW})


def test_a_message_is_built_on_first_look_up_and_kept() -> None:
    messages = _catalogue()
    assert list(messages) == ["a", "b"]
    assert len(messages) == 2
    assert "a" in messages
    assert "c" not in messages
    first = messages["a"]
    assert isinstance(first, Message)
    assert first.text == "Total {count} of {total}."
    assert first.pieces == (("Total ", "count"), (" of ", "total"), (".", None))
    assert first.names == frozenset({"count", "total"})
    assert messages["a"] is first
    assert messages.get("a") is first
    assert messages.get("c") is None
    assert messages.get("c", 1) == 1
    with pytest.raises(KeyError):
        messages["c"]


def test_the_catalogue_cannot_be_changed_and_compares_by_content() -> None:
    messages = _catalogue()
    with pytest.raises(TypeError):
        messages["a"] = Message("x", (("x", None),))  # type: ignore[index]
    with pytest.raises(AttributeError):
        messages._raw = {}
    RAW["a"][0] = "changed after reading"  # the caller's data: the catalogue holds a copy
    try:
        assert messages["b"].text == "{{x}} is {x}"
        assert _catalogue() != messages  # its messages are other objects: as FrozenMap did
        assert dict(messages.items()) == {"a": messages["a"], "b": messages["b"]}
    finally:
        RAW["a"][0] = "Total {count} of {total}."
    back = pickle.loads(pickle.dumps(messages))  # noqa: S301 - our own object
    assert list(back) == ["a", "b"]
    assert back["b"].pieces == (("{x} is ", "x"),)


def test_the_shipped_catalogue_is_one_object_per_language() -> None:
    assert isinstance(catalogue("en"), CompiledCatalogue)
    assert catalogue("en")["cli.appraise.why"] is catalogue("en")["cli.appraise.why"]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_filler_gives_what_text_gives(lang: str) -> None:
    why = filler("cli.appraise.why", lang, "reason")  # type: ignore[arg-type]
    line = "hasil Baik → Baik {not a placeholder}"
    assert why(line) == text("cli.appraise.why", lang, reason=line)  # type: ignore[arg-type]
    if lang == "en":  # en.po: "why: {reason}", the braces of the value left as they are
        assert why(line) == "why: hasil Baik → Baik {not a placeholder}"
    summary = filler("cli.appraise.summary", lang, "counts", "count")  # type: ignore[arg-type]
    assert summary("Baik: 3", "3") == text(
        "cli.appraise.summary",
        lang,  # type: ignore[arg-type]
        count="3",
        counts="Baik: 3",
    )


def test_filler_fills_a_subclass_of_str_as_its_text() -> None:
    class Shouting(str):
        def __format__(self, spec: str) -> str:
            return self.upper()

    why = filler("cli.appraise.why", "en", "reason")
    assert why(Shouting("quiet")) == text("cli.appraise.why", "en", reason="quiet")


def test_filler_refuses_what_text_refuses() -> None:
    with pytest.raises(InputError) as caught:
        filler("no.such.message", "en")
    assert caught.value.rule == "I18N-MESSAGE"
    with pytest.raises(InputError) as caught:
        filler("cli.appraise.why", "fr", "reason")  # type: ignore[arg-type]
    assert caught.value.rule == "I18N-LANG"
    for names in ((), ("reason", "extra"), ("reason", "reason"), ("other",)):
        with pytest.raises(InputError) as caught:
            filler("cli.appraise.why", "en", *names)
        assert caught.value.rule == "I18N-PARAMS"
    why = filler("cli.appraise.why", "en", "reason")
    with pytest.raises(InputError) as caught:
        why(3)
    assert caught.value.rule == "I18N-PARAMS"
    with pytest.raises(InputError) as caught:
        why("a", "b")
    assert caught.value.rule == "I18N-PARAMS"
