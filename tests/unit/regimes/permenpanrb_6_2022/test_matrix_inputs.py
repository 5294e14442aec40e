"""Bad input to the PermenPANRB 6/2022 matrix helpers: each must raise a library error, never
crash or pass silently (found in review)."""

from __future__ import annotations

import pytest

from asn_performance import Predikat, Rating
from asn_performance.exceptions import InputError, LabelError
from asn_performance.regimes.permenpanrb_6_2022.matrix import summarise_periodic


def test_summarise_periodic_parses_labels_and_refuses_other_things() -> None:
    # Baik twice, Sangat Baik once: the most frequent is Baik.
    best, _ = summarise_periodic(["baik", "Baik", Predikat.SANGAT_BAIK])
    assert best is Predikat.BAIK
    with pytest.raises(LabelError):
        summarise_periodic([Rating.SESUAI])  # type: ignore[list-item]
    with pytest.raises(InputError):
        summarise_periodic(None)  # type: ignore[arg-type]
