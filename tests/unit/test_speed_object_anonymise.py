"""Issue 12: the trusted copies of the anonymisation equal the validated ones.

``appraise()`` keeps an anonymous source's assessment without its giver, dated on the period's
first day, without what was withheld and without evidence or comments. It used to rebuild each
such assessment and its realisations with :func:`attrs.evolve` (every validator again); it now
builds them with :func:`asn_performance._kit.trusted.trusted_replace` and
:func:`asn_performance.domain.assessment.anonymous_copy`. These tests build the copy both ways
for the same values and require equal objects: ``==``, ``to_dict()``, ``hash`` and the sort
key (which ``==`` does not compare).
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

import attrs
import pytest

from asn_performance import (
    Assessment,
    AssessorRole,
    CoreValue,
    Employee,
    Guards,
    Indicator,
    Jenjang,
    Nip,
    PerformancePlan,
    Period,
    Position,
    PositionKind,
    Rating,
    Realisation,
    SupervisorDecides,
    Target,
    WeightedSources,
    WorkResult,
    appraise,
)
from asn_performance._kit.trusted import trusted_replace
from asn_performance.domain.assessment import anonymous_copy
from asn_performance.exceptions import AssessmentError

YEAR = 2025
PERIOD = Period.annual(YEAR)
EMPLOYEE, SUPERVISOR = "198609262015051001", "197503122000031002"
PEERS = ("198801012012011001", "198905172013022002", "199002282014031003")


def _validated_copy(
    assessment: Assessment, *, withhold_hasil: bool, withhold_perilaku: bool
) -> Assessment | None:
    """The anonymous copy as ``appraise()`` built it before issue 12 (``attrs.evolve``)."""
    changes: dict[str, Any] = {"assessor": None, "anonymised": True, "given_on": PERIOD.start}
    keeps_hasil = assessment.hasil_kerja is not None or bool(assessment.work_result_ratings)
    keeps_perilaku = assessment.perilaku_kerja is not None or bool(assessment.behaviour_ratings)
    if withhold_hasil:
        changes.update(hasil_kerja=None, work_result_ratings={}, realisations=())
        keeps_hasil = False
    if withhold_perilaku:
        changes.update(perilaku_kerja=None, behaviour_ratings={})
        keeps_perilaku = False
    if not (keeps_hasil or keeps_perilaku):
        return None
    if withhold_hasil or withhold_perilaku:
        changes["feedback"] = None
    if "realisations" not in changes and assessment.realisations:
        changes["realisations"] = tuple(
            attrs.evolve(r, evidence=(), feedback=None) for r in assessment.realisations
        )
    return attrs.evolve(assessment, **changes)


def _same(trusted: Any, validated: Any) -> None:
    assert trusted == validated
    assert trusted.to_dict() == validated.to_dict()
    assert hash(trusted) == hash(validated)
    assert repr(trusted) == repr(validated)
    if isinstance(trusted, Assessment):
        assert trusted.sort_key == validated.sort_key
        assert trusted._indicator_ids == validated._indicator_ids
        for mine, theirs in zip(trusted.realisations, validated.realisations, strict=True):
            _same(mine, theirs)


def _realisations(kind: str) -> list[Realisation]:
    if kind == "none":
        return []
    if kind == "bare":
        return [Realisation("iki-1", Decimal("97.5")), Realisation("iki-2", None)]
    return [
        Realisation("iki-1", Decimal("97.5"), ("https://bukti.example/1",), "Rapi."),
        Realisation("iki-2", None, ("laporan.pdf", "foto.jpg")),
        Realisation("iki-3", Decimal(0), (), "Tepat waktu."),
    ]


def _assessment(
    *, overall: bool, per_item: bool, realisations: str, feedback: str | None, role: str = "peer"
) -> Assessment:
    return Assessment(
        "skp-2025-1",
        AssessorRole(role),
        Nip(PEERS[0]),
        dt.date(YEAR, 12, 20),
        PERIOD,
        hasil_kerja=Rating.SESUAI if overall else None,
        perilaku_kerja=Rating.DI_ATAS if overall else None,
        work_result_ratings={"rhk-1": Rating.DI_ATAS, "rhk-2": Rating.DI_BAWAH} if per_item else {},
        behaviour_ratings={CoreValue.AKUNTABEL: Rating.SESUAI} if per_item else {},
        realisations=_realisations(realisations),
        feedback=feedback,
    )


SHAPES = [
    pytest.param(
        overall,
        per_item,
        realisations,
        feedback,
        id=f"{overall}-{per_item}-{realisations}-{feedback}",
    )
    for overall, per_item, realisations, feedback in itertools.product(
        (True, False), (True, False), ("none", "bare", "full"), (None, "Tingkatkan.")
    )
    if overall or per_item
]


@pytest.mark.parametrize(("overall", "per_item", "realisations", "feedback"), SHAPES)
@pytest.mark.parametrize(
    ("withhold_hasil", "withhold_perilaku"), [(False, False), (True, False), (False, True)]
)
def test_the_trusted_anonymous_copy_equals_the_validated_one(
    overall: bool,
    per_item: bool,
    realisations: str,
    feedback: str | None,
    withhold_hasil: bool,
    withhold_perilaku: bool,
) -> None:
    given = _assessment(
        overall=overall, per_item=per_item, realisations=realisations, feedback=feedback
    )
    flags = {"withhold_hasil": withhold_hasil, "withhold_perilaku": withhold_perilaku}
    trusted = anonymous_copy(given, **flags)
    validated = _validated_copy(given, **flags)
    if validated is None:
        assert trusted is None
        return
    assert trusted is not None
    _same(trusted, validated)
    # The copy is complete: attrs can evolve it again (every field present, every check passes).
    assert attrs.evolve(trusted) == trusted


def test_a_copy_with_only_one_kind_of_rating_left_is_not_made() -> None:
    only_hasil = Assessment(
        "skp-2025-1",
        AssessorRole.PEER,
        Nip(PEERS[0]),
        dt.date(YEAR, 12, 20),
        PERIOD,
        hasil_kerja=Rating.SESUAI,
    )
    assert anonymous_copy(only_hasil, withhold_hasil=True, withhold_perilaku=False) is None
    assert _validated_copy(only_hasil, withhold_hasil=True, withhold_perilaku=False) is None


@pytest.mark.parametrize("role", ["self", "pejabat_penilai"])
def test_the_named_roles_are_never_copied_as_anonymous_and_get_the_same_error(role: str) -> None:
    nip = EMPLOYEE if role == "self" else SUPERVISOR
    given = attrs.evolve(
        _assessment(overall=True, per_item=True, realisations="full", feedback=None, role=role),
        assessor=Nip(nip),
    )
    with pytest.raises(AssessmentError) as trusted:
        anonymous_copy(given, withhold_hasil=False, withhold_perilaku=False)
    with pytest.raises(AssessmentError) as validated:
        _validated_copy(given, withhold_hasil=False, withhold_perilaku=False)
    assert trusted.value.to_dict() == validated.value.to_dict()
    assert trusted.value.rule == "ASSESSMENT-ANONYMISED"


def test_trusted_replace_equals_evolve_and_resets_the_cached_hash() -> None:
    given = _assessment(overall=True, per_item=True, realisations="full", feedback="Baik.")
    hash(given)  # fill the original's cache: the copy must not inherit it
    copy = trusted_replace(given, feedback="Lain.", _sort_key=None)
    object.__setattr__(copy, "_sort_key", (*given.sort_key[:-1], "Lain."))
    validated = attrs.evolve(given, feedback="Lain.")
    _same(copy, validated)
    realisation = given.realisations[0]
    _same(
        trusted_replace(realisation, evidence=(), feedback=None),
        attrs.evolve(realisation, evidence=(), feedback=None),
    )


def test_trusted_replace_refuses_a_name_that_is_not_a_field() -> None:
    with pytest.raises(TypeError, match="no field"):
        trusted_replace(Realisation("iki-1", Decimal(1)), colour="red")


def test_the_realisation_fields_are_the_four_the_bare_copy_sets() -> None:
    # domain.assessment._without_evidence copies the whole tuple of realisations, setting
    # these four fields of each copy by name through their slots; a new field must be added
    # there too (this test fails until it is).
    assert [f.name for f in attrs.fields(Realisation)] == [
        "indicator_id",
        "value",
        "evidence",
        "feedback",
    ]


# --- appraise() keeps what the validated path kept -------------------------------------------


def _employee(nip: str, superior: str | None) -> Employee:
    return Employee(
        Nip(nip),
        "Siti" if superior else "Budi",
        Position(PositionKind.FUNGSIONAL, "Analis Kebijakan", Jenjang.AHLI_MUDA),
        "Biro Perencanaan",
        Nip(superior) if superior else None,
    )


def _plan() -> PerformancePlan:
    work = tuple(
        WorkResult(
            f"rhk-{w}",
            f"Rekomendasi kebijakan {w}",
            tuple(
                Indicator(f"iki-{w}.{i}", f"Rekomendasi {w}.{i}", Target.value(100, "%"))
                for i in (1, 2)
            ),
        )
        for w in (1, 2)
    )
    return PerformancePlan(
        "skp-2025-1", _employee(EMPLOYEE, SUPERVISOR), _employee(SUPERVISOR, None), PERIOD, work
    )


def _given(role: str, nip: str, rating: Rating, *, perilaku: bool = True) -> Assessment:
    return Assessment(
        "skp-2025-1",
        AssessorRole(role),
        Nip(nip),
        dt.date(YEAR, 12, 20),
        PERIOD,
        hasil_kerja=rating,
        perilaku_kerja=rating if perilaku else None,
        work_result_ratings={"rhk-1": rating},
        behaviour_ratings={CoreValue.HARMONIS: rating} if perilaku else {},
        realisations=[
            Realisation("iki-1.1", Decimal(97), (f"bukti-{nip}.pdf",), "Baik."),
            Realisation("iki-2.2", Decimal(105)),
        ],
        feedback="Pertahankan.",
    )


@pytest.mark.parametrize("peers_giving_perilaku", [3, 2])
@pytest.mark.parametrize(
    "policy",
    [SupervisorDecides(), WeightedSources({"self": 20, "pejabat_penilai": 60, "peer": 20})],
)
def test_appraise_keeps_the_anonymous_assessments_the_validated_path_kept(
    peers_giving_perilaku: int, policy: Any
) -> None:
    assessments = [
        _given("self", EMPLOYEE, Rating.DI_ATAS),
        _given("pejabat_penilai", SUPERVISOR, Rating.SESUAI),
        *(
            _given("peer", nip, Rating.DI_BAWAH, perilaku=index < peers_giving_perilaku)
            for index, nip in enumerate(PEERS)
        ),
    ]
    result = appraise(_plan(), assessments, policy=policy)
    hidden = Guards().min_anonymous_responses > peers_giving_perilaku
    expected = sorted(
        [
            *assessments[:2],
            *(
                copy
                for a in assessments[2:]
                if (copy := _validated_copy(a, withhold_hasil=False, withhold_perilaku=hidden))
                is not None
            ),
        ],
        key=lambda a: a.sort_key,
    )
    assert len(result.assessments) == len(expected)
    for mine, theirs in zip(result.assessments, expected, strict=True):
        _same(mine, theirs)
