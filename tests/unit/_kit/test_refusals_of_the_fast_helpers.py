"""The fast helpers of issue 12 refuse what the slow ones refuse (found in review):
``filler()`` refuses a non-text value as ``text()`` does, wherever it stands; a trusted maker
takes its values by position only, as before; a compiled catalogue is hashable, as the
``FrozenMap`` it replaced."""

from __future__ import annotations

import pytest

from asn_performance._kit.i18n import catalogue, filler
from asn_performance._kit.trusted import trusted_maker
from asn_performance.domain.plan import Target
from asn_performance.exceptions import InputError


class Text(str):
    """A subclass of str: filled as its text."""


def test_a_number_after_a_str_subclass_is_refused_as_text_refuses_it() -> None:
    fill = filler("cli.appraise.summary", "en", "count", "counts")
    with pytest.raises(InputError) as raised:
        fill(Text("1"), 5)  # type: ignore[arg-type]
    assert raised.value.rule == "I18N-PARAMS"


def test_a_str_subclass_alone_is_filled_as_its_text() -> None:
    fill = filler("cli.appraise.summary", "en", "count", "counts")
    assert fill(Text("3"), Text("Baik 3")) == fill("3", "Baik 3")


def test_a_maker_takes_its_values_by_position_only() -> None:
    make = trusted_maker(Target, ("lower", "upper", "unit"))
    with pytest.raises(TypeError):
        make(lower=1, upper=2, unit="%")
    with pytest.raises(TypeError):
        make(unit="%")  # never a half-built object with markers in its slots


def test_a_compiled_catalogue_is_hashable() -> None:
    assert hash(catalogue("en")) == hash(catalogue("en"))
