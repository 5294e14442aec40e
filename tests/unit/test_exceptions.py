"""Errors: every error names its rule and shows the value it refused in one readable line."""

from __future__ import annotations

import pytest

from asn_performance import Target
from asn_performance.exceptions import DecimalInputError


def test_an_int_too_large_to_print_still_gives_a_readable_error_line() -> None:
    with pytest.raises(DecimalInputError) as caught:
        Target(10**10000)
    line = str(caught.value)
    assert "too large to show" in line
    assert "D5-RANGE" in line
