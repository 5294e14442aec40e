"""The sort key of an assessment orders and equals exactly as the key it stood for before its
realisations' part was made lazily (issue 12): the property over random realisations, values
with different exponents included (``Decimal("1.0")`` and ``Decimal("1.00")`` are different
texts, hence different keys, although equal numbers)."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal
from itertools import product
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from asn_performance.domain.assessment import Assessment, AssessorRole, Realisation
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.rating import Rating

_NIP = Nip.parse("198609262015051001")
_PERIOD = Period.parse("2025")


def _written_out_key(a: Assessment) -> tuple[Any, ...]:
    """The key as ``_sort_key_of`` made it before (every part a plain tuple), written out."""
    return (
        a.role.order,
        "" if a.assessor is None else a.assessor.digits,
        a.given_on.toordinal(),
        "" if a.hasil_kerja is None else a.hasil_kerja.value,
        "" if a.perilaku_kerja is None else a.perilaku_kerja.value,
        tuple(sorted((k, v.value) for k, v in a.work_result_ratings.items())),
        tuple(sorted((k.value, v.value) for k, v in a.behaviour_ratings.items())),
        tuple((r.indicator_id, str(r.value), r.evidence, r.feedback or "") for r in a.realisations),
        a.feedback or "",
    )


# values whose texts differ in exponent and notation: 1, 1.0, 1.00, 1E+1, 10, 0.1, 0E-3...
_values = st.one_of(
    st.none(),
    st.builds(
        lambda digits, exponent: Decimal((0, tuple(int(d) for d in str(digits)), exponent)),
        st.integers(0, 1200),
        st.integers(-8, 6),
    ),
    st.sampled_from(["1", "1.0", "1.00", "10", "1E+1", "0.1", "0", "0.000", "9", "97.5"]).map(
        Decimal
    ),
)
_realisation = st.builds(
    Realisation,
    st.sampled_from(["iki-1", "iki-2", "iki-10", "a"]),
    _values,
    st.sampled_from([(), ("bukti.pdf",), ("a", "b")]),
    st.sampled_from([None, "Baik.", "Z"]),
)
_realisations = st.lists(_realisation, max_size=4, unique_by=lambda r: r.indicator_id)


def _assessment(realisations: list[Realisation], feedback: str | None) -> Assessment:
    # the same role, giver, date and ratings: only the realisations and feedback tell them apart
    return Assessment(
        "skp-1",
        AssessorRole.PEER,
        _NIP,
        dt.date(2025, 12, 1),
        _PERIOD,
        hasil_kerja=Rating.SESUAI,
        realisations=realisations,
        feedback=feedback,
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_realisations, st.sampled_from([None, "x"])), min_size=2, max_size=6))
def test_the_key_orders_and_equals_as_the_written_out_key(
    items: list[tuple[list[Realisation], str | None]],
) -> None:
    assessments = [_assessment(realised, feedback) for realised, feedback in items]
    for a, b in product(assessments, repeat=2):
        ours, theirs = a._sort_key, b._sort_key
        plain_a, plain_b = _written_out_key(a), _written_out_key(b)
        assert (ours == theirs) == (plain_a == plain_b)
        assert (ours != theirs) == (plain_a != plain_b)
        assert (ours < theirs) == (plain_a < plain_b)
        assert (ours <= theirs) == (plain_a <= plain_b)
        assert (ours > theirs) == (plain_a > plain_b)
        assert (ours >= theirs) == (plain_a >= plain_b)
        # against the plain key too, either side (a key made by hand, as a test may)
        assert (ours < plain_b) == (plain_a < plain_b) == (plain_a < theirs)
        assert (ours == plain_b) == (plain_a == plain_b)
    order = sorted(range(len(assessments)), key=lambda i: assessments[i]._sort_key)
    written = sorted(range(len(assessments)), key=lambda i: _written_out_key(assessments[i]))
    assert order == written
    for a in assessments:
        assert a.sort_key == _written_out_key(a)  # the property gives the plain tuple
        assert hash(a._sort_key) == hash(_written_out_key(a))


def test_exponents_are_told_apart_as_texts() -> None:
    # "1.0" < "1.00" as texts (a prefix comes first), and "10" < "9": the key orders texts
    one = _assessment([Realisation("iki-1", Decimal("1.00"))], None)
    other = _assessment([Realisation("iki-1", Decimal("1.0"))], None)
    ten, nine = (_assessment([Realisation("iki-1", Decimal(v))], None) for v in ("10", "9"))
    assert other._sort_key < one._sort_key
    assert one._sort_key != other._sort_key
    assert ten._sort_key < nine._sort_key


def test_the_key_survives_pickling_and_shows_as_its_tuple() -> None:
    a = _assessment([Realisation("iki-1", Decimal("97"), ("b.pdf",), "Baik.")], None)
    copied = pickle.loads(pickle.dumps(a))  # noqa: S301 - our own object
    assert copied == a
    assert copied._sort_key == a._sort_key
    assert repr(a._sort_key[7]) == repr((("iki-1", "97", ("b.pdf",), "Baik."),))
