"""Messages and per-language formats (``asn_performance._kit.i18n``, issue 14).

Every expected text is written by hand from the conventions: Indonesian writes ``.`` between
thousands and ``,`` before decimals (2.741.165; 101,60), English the other way round; the
months are the Indonesian and English names.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, localcontext

import pytest

from asn_performance._kit.i18n import (
    DEFAULT_LANG,
    catalogue,
    date,
    load_catalogue,
    number,
    percent,
    resolve_lang,
    rupiah,
    text,
)
from asn_performance.exceptions import InputError


@pytest.mark.parametrize(
    ("value", "places", "indonesian", "english"),
    [
        (Decimal("101.6"), 2, "101,60", "101.60"),  # two places: a trailing zero is shown
        (2741165, None, "2.741.165", "2,741,165"),  # groups of three from the right
        (Decimal("101.6"), None, "101,6", "101.6"),  # as given, without places
        (Decimal("28.125"), 2, "28,13", "28.13"),  # half-up (D5): ...5 goes up (half-even: 28.12)
        (Decimal("-1234.5"), 0, "-1.235", "-1,235"),  # half-up away from zero at .5
        (Decimal("-0.001"), 2, "0,00", "0.00"),  # rounds to zero: no "-0,00"
        (Decimal("1E+3"), None, "1.000", "1,000"),  # plain notation, never 1E+3
        (999, None, "999", "999"),  # three digits: no separator
        (1000000, None, "1.000.000", "1,000,000"),
    ],
)
def test_numbers(value: Decimal | int, places: int | None, indonesian: str, english: str) -> None:
    assert number(value, "id", places) == indonesian
    assert number(value, "en", places) == english


def test_numbers_never_use_the_callers_decimal_context() -> None:
    with localcontext() as context:
        context.prec = 2  # would round 2741165.5 to 2.7E+6
        context.rounding = "ROUND_FLOOR"
        assert number(Decimal("2741165.5"), "id", 0) == "2.741.166"


@pytest.mark.parametrize("bad", [1.5, True, Decimal("NaN"), "12", None])
def test_a_number_that_is_not_exact_is_refused(bad: object) -> None:
    with pytest.raises(InputError) as caught:
        number(bad, "id")  # type: ignore[arg-type]
    assert caught.value.rule == "D5-EXACT"


def test_rupiah_percent_and_date() -> None:
    # Rp 2.741.165,4 rounds half-up to whole rupiah: 2.741.165.
    assert rupiah(Decimal("2741165.4"), "id") == "Rp 2.741.165"
    assert rupiah(Decimal("2741165.4"), "en") == "Rp 2,741,165"
    assert rupiah(Decimal("0.5"), "id") == "Rp 1"  # half-up: 0,5 → 1
    assert percent(Decimal("12.5"), "id") == "12,5 %"
    assert percent(Decimal("12.5"), "en") == "12.5 %"
    assert percent(70, "id") == "70 %"
    assert percent(Decimal("33.333"), "id", places=1) == "33,3 %"
    assert date(dt.date(2026, 1, 31), "id") == "31 Januari 2026"
    assert date(dt.date(2026, 1, 31), "en") == "31 January 2026"
    assert date(dt.date(2025, 8, 1), "id") == "1 Agustus 2025"  # no leading zero
    assert date(dt.date(2025, 12, 17), "id") == "17 Desember 2025"
    with pytest.raises(InputError, match="not a date"):
        date(dt.datetime(2026, 1, 31, 9, 0, tzinfo=dt.UTC), "id")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "id"}, "id"),
        ({"LC_ALL": "id_ID"}, "id"),
        ({"LC_MESSAGES": "id_ID.utf8", "LANG": "C.UTF-8"}, "id"),  # LC_MESSAGES before LANG
        ({"LC_ALL": "en_US.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),  # LC_ALL before LANG
        ({"LANGUAGE": "id:en", "LANG": "C.UTF-8"}, "id"),  # LANGUAGE first, as gettext reads
        ({"LANGUAGE": "fr:id", "LANG": "C"}, "id"),  # its first language the library writes
        ({"LANGUAGE": "", "LANG": "id_ID.UTF-8"}, "id"),  # an empty variable is not set
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "ida_XX"}, "en"),  # another language whose code begins with "id"
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_from_the_environment(environ: dict[str, str], expected: str) -> None:
    assert resolve_lang(environ=environ) == expected


def test_an_explicit_language_wins_and_a_python_caller_gets_english() -> None:
    assert resolve_lang("en", {"LANG": "id_ID.UTF-8"}) == "en"
    assert resolve_lang("id") == "id"
    assert resolve_lang() == DEFAULT_LANG == "en"  # the environment is never read on its own
    with pytest.raises(InputError) as caught:
        resolve_lang("id_ID")
    assert (caught.value.rule, caught.value.path, caught.value.value) == (
        "I18N-LANG",
        "lang",
        "id_ID",
    )


def test_text_fills_named_placeholders() -> None:
    assert text("cli.appraise.summary", "id", count="3", counts="Baik 3") == "3 penilaian: Baik 3"
    assert text("cli.appraise.summary", "en", counts="Baik 3", count="3") == "3 appraisals: Baik 3"


def test_text_refuses_an_unknown_id_and_missing_extra_or_non_text_parameters() -> None:
    with pytest.raises(InputError) as caught:
        text("cli.nothing", "id")
    assert caught.value.rule == "I18N-MESSAGE"
    with pytest.raises(InputError) as caught:
        text("cli.appraise.summary", "id", count="3")
    assert caught.value.rule == "I18N-PARAMS"
    assert caught.value.value == {"missing": ["counts"], "extra": []}
    with pytest.raises(InputError) as caught:
        text("cli.appraise.summary", "id", count="3", counts="x", total="9")
    assert caught.value.value == {"missing": [], "extra": ["total"]}
    with pytest.raises(InputError, match="as text") as caught:
        text("cli.appraise.summary", "id", count=3, counts="x")  # type: ignore[arg-type]
    with pytest.raises(InputError) as caught:
        text("cli.appraise.summary", "fr", count="3", counts="x")  # type: ignore[arg-type]
    assert caught.value.rule == "I18N-LANG"


def test_catalogues_are_read_once_and_cannot_be_changed() -> None:
    assert catalogue("id") is catalogue("id")
    with pytest.raises(TypeError):
        catalogue("id")["x"] = None  # type: ignore[index]


HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("msgstr", "words"),
    [
        ("", "empty msgstr"),
        ("{count", "unmatched brace"),
        ("{0}", "not a plain name"),
        ("{count:>5}", "not a plain name"),
        ("{count!r}", "not a plain name"),
        ("{count.real}", "not a plain name"),
    ],
)
def test_a_bad_message_is_refused_with_its_line(msgstr: str, words: str) -> None:
    with pytest.raises(InputError, match=words) as caught:
        load_catalogue(HEADER + f'msgid "x"\nmsgstr "{msgstr}"\n', "locale/xx.po")
    assert (caught.value.rule, caught.value.path) == ("I18N-PO", "locale/xx.po:4")


def test_braces_are_written_doubled() -> None:
    messages = load_catalogue(HEADER + 'msgid "x"\nmsgstr "{{literal}} {name}"\n', "t.po")
    assert messages["x"].names == {"name"}
