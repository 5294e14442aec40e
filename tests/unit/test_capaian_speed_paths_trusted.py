"""Issue 12 (capaian): the slot writers of the trusted paths and the label tables read once.

``appraise()`` builds its Appraisal and Explanation, and ``anonymous_copy`` its copies, by
writing each field through its slot (``_kit.trusted.slot_writer``/``slot_writers``), as
``trusted_new`` writes them; ratings, predikat and roles read their Indonesian label (and a
rating its position) from a table made once. These tests require the same objects and texts
as the validated constructors and the generic ``Labelled`` properties.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from asn_performance import (
    Assessment,
    AssessorRole,
    Explanation,
    Nip,
    Period,
    Predikat,
    Rating,
    Realisation,
)
from asn_performance._kit.labels import Labelled
from asn_performance._kit.trusted import slot_writer, slot_writers, trusted_new
from asn_performance.domain.assessment import anonymous_copy
from asn_performance.domain.explanation import Step
from asn_performance.regimes.permenpanrb_6_2022.appraisal import _explanation

PERIOD = Period.annual(2025)


def test_slot_writers_follow_the_fields_and_write_what_setattr_writes() -> None:
    names = [name for name, _ in slot_writers(Realisation)]
    assert names == [field.name for field in attrs.fields(Realisation)]
    made = object.__new__(Realisation)
    for name, write in slot_writers(Realisation):
        write(
            made,
            {"indicator_id": "iki-1", "value": Decimal(7)}.get(
                name, (() if name == "evidence" else None)
            ),
        )
    assert made == Realisation("iki-1", Decimal(7))
    assert made.to_dict() == Realisation("iki-1", Decimal(7)).to_dict()


def test_slot_writer_refuses_a_name_that_is_not_a_slot() -> None:
    with pytest.raises(TypeError, match="no slot"):
        slot_writer(Realisation, "colour")
    with pytest.raises(TypeError, match="no slot"):
        slot_writer(Assessment, "sort_key")  # a property, not a slot


def test_the_explanation_written_through_its_slot_equals_the_validated_one() -> None:
    steps = (Step("R-1", "hasil_kerja", (("a", "b"),), "out", "note"), Step("R-2", "", (), "x"))
    made = _explanation(steps)
    assert made == Explanation(steps) == trusted_new(Explanation, steps=steps)
    assert made.render() == Explanation(steps).render()
    assert [s.to_dict() for s in made] == [s.to_dict() for s in Explanation(steps)]


def test_an_anonymous_copy_resets_the_cached_hash_and_equals_the_validated_one() -> None:
    peer = Assessment(
        "skp-2025-1",
        AssessorRole.PEER,
        Nip("198801012012011001"),
        dt.date(2025, 12, 20),
        PERIOD,
        hasil_kerja=Rating.SESUAI,
        perilaku_kerja=Rating.DI_ATAS,
        realisations=[Realisation("iki-1", Decimal(97), ("bukti.pdf",), "Rapi.")],
        feedback="Baik.",
    )
    hash(peer)  # fills the original's cached hash
    copy = anonymous_copy(peer, withhold_hasil=False, withhold_perilaku=False)
    validated = attrs.evolve(
        peer,
        assessor=None,
        anonymised=True,
        given_on=PERIOD.start,
        realisations=(Realisation("iki-1", Decimal(97)),),
    )
    assert copy is not None
    assert copy == validated
    assert hash(copy) == hash(validated)
    assert copy.sort_key == validated.sort_key
    assert copy.to_dict() == validated.to_dict()


@pytest.mark.parametrize("member", [*Rating, *Predikat, *AssessorRole])
def test_the_labels_read_from_the_tables_are_the_labelled_ones(member: Labelled) -> None:
    generic = Labelled.label_id.fget(member)  # type: ignore[attr-defined]
    assert member.label_id == generic
    assert member.label_en == Labelled.label_en.fget(member)  # type: ignore[attr-defined]


def test_a_ratings_position_and_order_are_the_labelled_ones() -> None:
    for rating in Rating:
        assert rating.position == Labelled.position.fget(rating)  # type: ignore[attr-defined]
        assert rating.rank == rating.position
    assert Rating.DI_BAWAH < Rating.SESUAI < Rating.DI_ATAS
    assert max(Rating) is Rating.DI_ATAS


def test_the_assessment_fields_are_the_ones_the_anonymous_copy_writes_in_order() -> None:
    # domain.assessment.anonymous_copy writes these fourteen slots by name, in this order; a
    # new field must be written there too (this test fails until it is).
    assert [f.name for f in attrs.fields(Assessment)] == [
        "plan_id",
        "role",
        "assessor",
        "given_on",
        "period",
        "hasil_kerja",
        "perilaku_kerja",
        "work_result_ratings",
        "behaviour_ratings",
        "realisations",
        "feedback",
        "anonymised",
        "_indicator_ids",
        "_sort_key",
    ]
