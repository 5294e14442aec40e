"""The machinery shared by the realistic strategies and the hostile family.

Every strategy of :mod:`asn_performance.testing` is built here once, from a
:class:`Vocabulary`: the realistic one (Indonesian names, jabatan of real kinds, plausible
targets, NIP dates consistent with age and appointment) or the hostile one of
:mod:`asn_performance.testing.hostile` (any script, any valid NIP, any exact quantity). The
structure -- who appraises whom, which assessments a plan gets, which plans a document holds
-- is the same for both, so a robustness test and a realistic test exercise the same shapes.

The names here are public to the package (its modules import them); the package's public
modules re-export the strategies with their documentation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import asn_performance.testing._words as words
from asn_performance.domain.assessment import Assessment, AssessorRole, Realisation
from asn_performance.domain.employee import Employee, Jenjang, Position, PositionKind
from asn_performance.domain.nip import Nip, NipKind, Sex
from asn_performance.domain.period import Period
from asn_performance.domain.plan import (
    Approach,
    Aspect,
    BehaviourExpectation,
    CoreValue,
    Direction,
    Indicator,
    PerformancePlan,
    Target,
    WorkResult,
    WorkResultKind,
    default_behaviours,
)
from asn_performance.domain.rating import OrganisationPredikat, Rating
from asn_performance.process.roster import Roster
from asn_performance.regimes.permenpanrb_6_2022 import Appraisal, appraise
from asn_performance.weighting import (
    Guards,
    PerDimension,
    SupervisorDecides,
    WeightedSources,
    WeightingPolicy,
)

if TYPE_CHECKING:
    from asn_performance.boundary.appraisal_document import AppraisalDocument

__all__ = [
    "EARLIEST_PNS",
    "EARLIEST_PPPK",
    "LATEST_APPOINTMENT",
    "LEADERS",
    "REALISTIC",
    "Vocabulary",
    "appraisals_with",
    "assessment_with",
    "assessments_with",
    "documents_with",
    "employees_with",
    "guards",
    "plans_of",
    "plans_with",
    "policies",
    "realistic_nips",
    "rosters_with",
    "years_after",
    "years_before",
]

#: The default latest appointment of a drawn NIP (the end of 2025): a NIP drawn without an
#: ``appointed_by`` date is of someone appointed by then.
LATEST_APPOINTMENT: Final = dt.date(2025, 12, 31)
#: The earliest CPNS appointment drawn (a realistic choice for the test data, not a rule).
EARLIEST_PNS: Final = dt.date(1975, 1, 1)
#: The earliest PPPK appointment drawn: the first PPPK were recruited in 2019.
EARLIEST_PPPK: Final = dt.date(2019, 1, 1)
#: The kinds of position that lead a unit (and so can be someone's superior).
LEADERS: Final = (PositionKind.JPT, PositionKind.ADMINISTRATOR, PositionKind.PENGAWAS)
#: The kinds of position found under a superior of each leading kind.
_UNDER: Final = {
    PositionKind.JPT: (PositionKind.ADMINISTRATOR, PositionKind.FUNGSIONAL),
    PositionKind.ADMINISTRATOR: (
        PositionKind.PENGAWAS,
        PositionKind.FUNGSIONAL,
        PositionKind.PELAKSANA,
    ),
    PositionKind.PENGAWAS: (PositionKind.PELAKSANA, PositionKind.FUNGSIONAL),
}
_RATINGS: Final = st.sampled_from(Rating)
_OPTIONAL_RATINGS: Final = st.none() | _RATINGS
_BEHAVIOUR_RATINGS: Final = st.dictionaries(st.sampled_from(CoreValue), _RATINGS)


def years_after(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 1 March in a common year (so an age
    reached on that day is never reached early)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` earlier; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return dt.date(day.year - years, 2, 28)


def _dates(first: dt.date, last: dt.date) -> st.SearchStrategy[dt.date]:
    return st.integers(first.toordinal(), last.toordinal()).map(dt.date.fromordinal)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


@st.composite
def realistic_nips(
    draw: st.DrawFn,
    kind: NipKind | None = None,
    appointed_by: dt.date = LATEST_APPOINTMENT,
    sex: Sex | None = None,
) -> Nip:
    """A NIP PNS or NI PPPK whose dates agree: the age at ``appointed_by`` is 19-58, the
    appointment (CPNS: digits 9-14; PPPK: 1 January of digits 9-12) is not after
    ``appointed_by`` and falls at an age of 18-40 (PNS) or 20-58 (PPPK)."""
    if appointed_by < dt.date(2000, 1, 1):
        raise InvalidArgument(f"appointed_by={appointed_by} must be 2000-01-01 or later")
    can_pppk = appointed_by.year - 1 >= EARLIEST_PPPK.year
    if kind is NipKind.PPPK and not can_pppk:
        raise InvalidArgument(f"no PPPK was appointed by {appointed_by} (the first in 2019)")
    if kind is None:
        kind = draw(st.sampled_from([NipKind.PNS, NipKind.PPPK])) if can_pppk else NipKind.PNS
    oldest = years_before(appointed_by, 58)
    if kind is NipKind.PNS:
        birth = draw(_dates(oldest, years_before(appointed_by, 19)))
        first = max(years_after(birth, 18), EARLIEST_PNS)
        first_index = _month_index(first) + (first.day > 1)
        last_index = _month_index(min(appointed_by, years_after(birth, 40)))
        index = draw(st.integers(first_index, last_index))
        middle = f"{index // 12:04d}{index % 12 + 1:02d}"
    else:
        birth = draw(_dates(oldest, dt.date(appointed_by.year - 21, 1, 1)))
        twenty = years_after(birth, 20)
        first_year = max(EARLIEST_PPPK.year, twenty.year + (twenty != dt.date(twenty.year, 1, 1)))
        year = draw(st.integers(first_year, appointed_by.year))
        contracts = draw(st.integers(1, min(9, 1 + appointed_by.year - year)))
        middle = f"{year:04d}2{contracts}"
    digit = {Sex.MALE: "1", Sex.FEMALE: "2", None: draw(st.sampled_from("12"))}[sex]
    sequence = draw(st.just(1) | st.integers(1, 999))
    return Nip(f"{birth:%Y%m%d}{middle}{digit}{sequence:03d}")


@st.composite
def _name(draw: st.DrawFn, nip: Nip, position: Position) -> str:
    given = words.MALE_NAMES if nip.sex is Sex.MALE else words.FEMALE_NAMES
    parts = draw(st.lists(st.sampled_from(given), min_size=1, max_size=2, unique=True))
    family = draw(st.none() | st.sampled_from(words.FAMILY_NAMES))
    name = " ".join(parts if family is None or family in parts else [*parts, family])
    front, degrees = draw(_titles(nip, position))
    return ", ".join([f"{front} {name}" if front else name, *degrees])


@st.composite
def _position(draw: st.DrawFn, kind: PositionKind, unit: str) -> Position:
    if kind is PositionKind.FUNGSIONAL:
        job = draw(st.sampled_from(words.FUNCTIONAL))
        jenjang = draw(st.sampled_from(job.jenjang))
        return Position(kind, f"{job.name} {jenjang.label_id}", jenjang)
    if kind is PositionKind.JPT:
        instansi = next((i for i in words.INSTANSI if unit.startswith(i)), None)
        return Position(kind, f"Kepala {instansi}" if instansi else "Sekretaris Daerah")
    return Position(kind, draw(st.sampled_from(words.STRUCTURAL[kind])))


@st.composite
def _indicator(draw: st.DrawFn) -> tuple[str, Target, Aspect, Direction]:
    measure = draw(st.sampled_from(words.INDICATORS))
    places = draw(st.integers(0, measure.places))
    scale = 10**places
    values = st.integers(measure.low * scale, measure.high * scale).map(
        lambda n: Decimal(n).scaleb(-places)
    )
    if draw(st.booleans()):
        target = Target(draw(values), None, measure.unit)
    else:
        low, high = sorted(draw(st.lists(values, min_size=2, max_size=2, unique=True)))
        target = Target(low, high, measure.unit)
    text = measure.template.format(draw(st.sampled_from(words.SUBJECTS)))
    return text, target, measure.aspect, measure.direction


class Vocabulary:
    """What the structural strategies fill in: the realistic words, or (a subclass in
    :mod:`asn_performance.testing.hostile`) text of any script and any valid value."""

    def nips(self, appointed_by: dt.date, kind: NipKind | None = None) -> st.SearchStrategy[Nip]:
        """A NIP (of ``kind`` when given) of someone appointed by ``appointed_by``."""
        return realistic_nips(kind, appointed_by)

    def names(self, nip: Nip, position: Position) -> st.SearchStrategy[str]:
        """A name with academic titles fitting the sex of ``nip`` and the ``position``."""
        return _name(nip, position)

    def units(self) -> st.SearchStrategy[str]:
        """The name of a unit (an instansi of a region)."""
        return st.builds(
            "{} {}".format, st.sampled_from(words.INSTANSI), st.sampled_from(words.REGIONS)
        )

    def positions(self, kind: PositionKind, unit: str) -> st.SearchStrategy[Position]:
        """A position of ``kind`` in ``unit`` (a JF with a jenjang its jabatan has)."""
        return _position(kind, unit)

    def identifiers(self, prefix: str) -> st.SearchStrategy[str]:
        """An id such as ``skp-2025-7`` (``prefix`` ``"skp-2025"``)."""
        return st.integers(1, 999).map(f"{prefix}-{{}}".format)

    def work_results(self) -> st.SearchStrategy[str]:
        """The text of an RHK."""
        return st.builds(
            str.format, st.sampled_from(words.WORK_RESULTS), st.sampled_from(words.SUBJECTS)
        )

    def indicators(self) -> st.SearchStrategy[tuple[str, Target, Aspect, Direction]]:
        """An IKI's text, target, aspect and direction that belong together."""
        return _indicator()

    def realised(self, target: Target) -> st.SearchStrategy[Decimal]:
        """A realisation of ``target``: 0 to 1.5 times its upper bound, to its places."""
        bound = target.lower if target.upper is None else target.upper
        places = max(0, -int(bound.as_tuple().exponent))
        scale = 10**places
        top = int(bound * scale * 3 // 2) + 1
        return st.integers(0, top).map(lambda n: Decimal(n).scaleb(-places))

    def notes(self) -> st.SearchStrategy[str]:
        """Feedback or a special expectation (*umpan balik*, *ekspektasi khusus*)."""
        return st.sampled_from(words.FEEDBACK)

    def evidence(self) -> st.SearchStrategy[str]:
        """One item of evidence (*bukti dukung*)."""
        return st.sampled_from(words.EVIDENCE)

    def titles(self) -> st.SearchStrategy[str]:
        """A document's title."""
        return st.builds(
            "Penilaian kinerja {} {}".format,
            st.sampled_from(words.INSTANSI),
            st.sampled_from(words.REGIONS),
        )


@st.composite
def _titles(draw: st.DrawFn, nip: Nip, position: Position) -> tuple[str, list[str]]:
    """The front title and the degrees after the name, fitting the position and the age."""
    kind = position.kind
    if kind is PositionKind.FUNGSIONAL:
        job = next(
            j
            for j in words.FUNCTIONAL
            if position.jenjang in j.jenjang
            and position.title == f"{j.name} {position.jenjang.label_id}"
        )
        front = draw(st.sampled_from(job.front)) if job.front else ""
        degrees = [draw(st.sampled_from(job.degrees))] if job.degrees else []
        senior = position.jenjang in (Jenjang.AHLI_MADYA, Jenjang.AHLI_UTAMA)
    elif kind is PositionKind.PELAKSANA:
        front = ""
        degrees = draw(st.lists(st.sampled_from(words.DIPLOMA + words.BACHELOR), max_size=1))
        senior = False
    else:
        front = ""
        degrees = [draw(st.sampled_from(words.BACHELOR))]
        senior = True
    if degrees and nip.birth_date.year < 1966 and not front and draw(st.booleans()):
        # A bachelor of the old system wrote Drs. / Dra. before the name instead.
        front, degrees = ("Drs." if nip.sex is Sex.MALE else "Dra."), []
    if senior and draw(st.booleans()):
        degrees.append(draw(st.sampled_from(words.MASTER)))
        if not front and draw(st.integers(0, 4)) == 0:
            front = "Dr."
    return front, degrees


REALISTIC: Final = Vocabulary()


@st.composite
def employees_with(
    draw: st.DrawFn,
    vocabulary: Vocabulary,
    *,
    nip: Nip | None = None,
    kind: PositionKind | None = None,
    unit: str | None = None,
    superior: Nip | None = None,
    appointed_by: dt.date = LATEST_APPOINTMENT,
) -> Employee:
    """An employee; a PNS may carry the TMT CPNS its NIP gives."""
    kind = draw(st.sampled_from(PositionKind)) if kind is None else kind
    # A PPPK holds a jabatan fungsional or pelaksana, never a JPT or a unit's lead.
    nip_kind = NipKind.PNS if kind in LEADERS else None
    own = draw(vocabulary.nips(appointed_by, nip_kind)) if nip is None else nip
    unit = draw(vocabulary.units()) if unit is None else unit
    position = draw(vocabulary.positions(kind, unit))
    name = draw(vocabulary.names(own, position))
    month = own.appointment_month
    tmt = None
    if month is not None and draw(st.booleans()):
        tmt = dt.date(own.appointment_year, month, 1)
    return Employee(own, name, position, unit, superior, tmt_cpns=tmt)


@st.composite
def rosters_with(
    draw: st.DrawFn,
    vocabulary: Vocabulary,
    min_size: int = 1,
    max_size: int = 12,
    appointed_by: dt.date = LATEST_APPOINTMENT,
) -> Roster:
    """A roster of one unit: one head (a JPT without a superior), each other employee under
    an earlier one who leads (JPT, administrator or pengawas), in a kind found under them."""
    size = draw(st.integers(min_size, max_size))
    unit = draw(vocabulary.units())
    taken: set[Nip] = set()
    people: list[Employee] = []
    for index in range(size):
        if index == 0:
            kind, superior = PositionKind.JPT, None
        else:
            leaders = [p for p in people if p.position.kind in LEADERS]
            boss = draw(st.sampled_from(leaders))
            kind, superior = draw(st.sampled_from(_UNDER[boss.position.kind])), boss.nip
        nip_kind = NipKind.PNS if kind in LEADERS else None
        nip = draw(vocabulary.nips(appointed_by, nip_kind).filter(lambda n: n not in taken))
        taken.add(nip)
        people.append(
            draw(employees_with(vocabulary, nip=nip, kind=kind, unit=unit, superior=superior))
        )
    return Roster(draw(st.permutations(people)))


@st.composite
def _work_results(draw: st.DrawFn, vocabulary: Vocabulary) -> tuple[WorkResult, ...]:
    sizes = draw(st.lists(st.integers(1, 3), min_size=1, max_size=5))
    kinds = draw(
        st.lists(st.sampled_from(WorkResultKind), min_size=len(sizes), max_size=len(sizes))
    )
    if WorkResultKind.UTAMA not in kinds:
        kinds[draw(st.integers(0, len(kinds) - 1))] = WorkResultKind.UTAMA
    wr_ids = draw(_unique_ids(vocabulary, "rhk", len(sizes)))
    ind_ids = iter(draw(_unique_ids(vocabulary, "iki", sum(sizes))))
    results = []
    for wr_id, size, kind in zip(wr_ids, sizes, kinds, strict=True):
        indicators = []
        for _ in range(size):
            text, target, aspect, direction = draw(vocabulary.indicators())
            indicators.append(Indicator(next(ind_ids), text, target, aspect, direction))
        leader = draw(st.none() | vocabulary.work_results())
        results.append(
            WorkResult(wr_id, draw(vocabulary.work_results()), tuple(indicators), kind, leader)
        )
    return tuple(results)


def _unique_ids(vocabulary: Vocabulary, prefix: str, count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(vocabulary.identifiers(prefix), min_size=count, max_size=count, unique=True)


@st.composite
def _behaviours(draw: st.DrawFn, vocabulary: Vocabulary) -> tuple[BehaviourExpectation, ...]:
    if draw(st.booleans()):
        return default_behaviours()
    order = draw(st.permutations(list(CoreValue)))
    notes = st.none() | vocabulary.notes()
    return tuple(BehaviourExpectation(value, draw(notes)) for value in order)


@st.composite
def plans_with(
    draw: st.DrawFn,
    vocabulary: Vocabulary,
    period: Period,
    employee: Employee,
    pejabat: Employee,
    atasan: Employee | None = None,
    plan_id: str | None = None,
) -> PerformancePlan:
    """The plan of ``employee`` appraised by ``pejabat`` (their superior) for ``period``."""
    leads = employee.position.kind in LEADERS and draw(st.booleans())
    ident = plan_id or draw(vocabulary.identifiers(f"skp-{period.start.year}"))
    return PerformancePlan(
        id=ident,
        employee=employee,
        pejabat_penilai=pejabat,
        period=period,
        work_results=draw(_work_results(vocabulary)),
        behaviours=draw(_behaviours(vocabulary)),
        atasan_pejabat_penilai=atasan,
        approach=draw(st.sampled_from(Approach)),
        leads_unit=leads,
    )


@st.composite
def assessment_with(
    draw: st.DrawFn,
    vocabulary: Vocabulary,
    plan: PerformancePlan,
    role: AssessorRole,
    assessor: Nip | None,
    *,
    both_ratings: bool = False,
) -> Assessment:
    """An assessment of ``plan`` for its period, given within 90 days after it ends."""
    period = plan.period
    given_on = draw(_dates(period.start, period.end + dt.timedelta(days=90)))
    hasil = draw(_RATINGS if both_ratings else _OPTIONAL_RATINGS)
    perilaku = draw(_RATINGS if both_ratings else _OPTIONAL_RATINGS)
    wr_ratings = draw(st.dictionaries(st.sampled_from(sorted(plan.work_result_ids)), _RATINGS))
    behaviour_ratings = draw(_BEHAVIOUR_RATINGS)
    if hasil is None and perilaku is None and not wr_ratings and not behaviour_ratings:
        hasil = draw(_RATINGS)
    targets = {indicator.id: indicator for _, indicator in plan.indicators()}
    chosen = draw(st.lists(st.sampled_from(sorted(targets)), unique=True, max_size=3))
    notes = st.none() | vocabulary.notes()
    realisations = tuple(
        Realisation(
            indicator_id,
            draw(st.none() | vocabulary.realised(targets[indicator_id].target)),
            tuple(draw(st.lists(vocabulary.evidence(), max_size=2))),
            draw(notes),
        )
        for indicator_id in chosen
    )
    return Assessment(
        plan_id=plan.id,
        role=role,
        assessor=assessor,
        given_on=given_on,
        period=period,
        hasil_kerja=hasil,
        perilaku_kerja=perilaku,
        work_result_ratings=wr_ratings,
        behaviour_ratings=behaviour_ratings,
        realisations=realisations,
        feedback=draw(notes),
    )


@st.composite
def _plan_assessments(
    draw: st.DrawFn, vocabulary: Vocabulary, plan: PerformancePlan, pool: Sequence[Nip]
) -> list[Assessment]:
    """The pejabat penilai's assessment (both ratings), maybe a self assessment, peers or
    subordinates from ``pool`` (each person once) and unnamed service users."""
    pejabat = plan.pejabat_penilai.nip
    items = [
        draw(
            assessment_with(
                vocabulary, plan, AssessorRole.PEJABAT_PENILAI, pejabat, both_ratings=True
            )
        )
    ]
    if draw(st.booleans()):
        items.append(draw(assessment_with(vocabulary, plan, AssessorRole.SELF, plan.employee.nip)))
    candidates = [nip for nip in pool if nip not in (plan.employee.nip, pejabat)]
    chosen = (
        draw(st.lists(st.sampled_from(candidates), unique=True, max_size=5)) if candidates else []
    )
    for nip in chosen:
        role = draw(st.sampled_from([AssessorRole.PEER, AssessorRole.SUBORDINATE]))
        items.append(draw(assessment_with(vocabulary, plan, role, nip)))
    for _ in range(draw(st.integers(0, 2))):
        items.append(draw(assessment_with(vocabulary, plan, AssessorRole.SERVICE_USER, None)))
    return items


@st.composite
def _chain(
    draw: st.DrawFn, vocabulary: Vocabulary, period: Period
) -> tuple[Employee, Employee, Employee | None]:
    """An employee, their pejabat penilai (superior) and maybe the atasan (theirs)."""
    roster = draw(rosters_with(vocabulary, 3, 3, appointed_by=period.start))
    by_depth = sorted(roster, key=lambda e: len(roster.chain(e.nip)))
    deepest = by_depth[-1]
    pejabat = next(e for e in roster if e.nip == deepest.superior_nip)
    above = next((e for e in roster if e.nip == pejabat.superior_nip), None)
    return deepest, pejabat, above if draw(st.booleans()) else None


@st.composite
def plans_of(
    draw: st.DrawFn, vocabulary: Vocabulary, periods: st.SearchStrategy[Period]
) -> PerformancePlan:
    period = draw(periods)
    employee, pejabat, atasan = draw(_chain(vocabulary, period))
    return draw(plans_with(vocabulary, period, employee, pejabat, atasan))


@st.composite
def assessments_with(
    draw: st.DrawFn,
    vocabulary: Vocabulary,
    periods: st.SearchStrategy[Period],
    role: AssessorRole | None = None,
) -> Assessment:
    """An assessment of a drawn plan by ``role`` (any role when None) with a fitting giver."""
    plan = draw(plans_of(vocabulary, periods))
    role = draw(st.sampled_from(AssessorRole)) if role is None else role
    if role is AssessorRole.SELF:
        assessor: Nip | None = plan.employee.nip
    elif role is AssessorRole.PEJABAT_PENILAI:
        assessor = plan.pejabat_penilai.nip
    else:
        others = vocabulary.nips(plan.period.start).filter(lambda n: n != plan.employee.nip)
        assessor = draw(st.none() | others) if role is AssessorRole.SERVICE_USER else draw(others)
    return draw(assessment_with(vocabulary, plan, role, assessor))


@st.composite
def _weighted(draw: st.DrawFn) -> WeightedSources:
    others = [r for r in AssessorRole if r is not AssessorRole.PEJABAT_PENILAI]
    weight = st.integers(0, 100).map(Decimal)
    weights = {AssessorRole.PEJABAT_PENILAI: draw(st.integers(1, 100).map(Decimal))}
    weights.update(draw(st.dictionaries(st.sampled_from(others), weight)))
    if draw(st.booleans()):
        return WeightedSources(weights)
    factor = draw(st.sampled_from([Decimal(1), Decimal(2), Decimal("0.5"), Decimal(10)]))
    scale = {Rating.DI_BAWAH: factor, Rating.SESUAI: 2 * factor, Rating.DI_ATAS: 3 * factor}
    sesuai_from = factor * draw(st.sampled_from([Decimal("1.5"), Decimal(2), Decimal("1.25")]))
    di_atas_from = factor * draw(st.sampled_from([Decimal("2.5"), Decimal(3), Decimal("2.75")]))
    return WeightedSources(weights, scale, sesuai_from, di_atas_from)


def policies() -> st.SearchStrategy[WeightingPolicy]:
    """A weighting policy: :class:`~asn_performance.weighting.SupervisorDecides`,
    :class:`~asn_performance.weighting.WeightedSources` (whole weights 0-100, the pejabat
    penilai's above 0; default or scaled settings) or a
    :class:`~asn_performance.weighting.PerDimension` of two of them.

    Example::

        @given(policies())
        def test_policy(policy):
            assert isinstance(policy, (SupervisorDecides, WeightedSources, PerDimension))
    """
    base: st.SearchStrategy[WeightingPolicy] = st.just(SupervisorDecides()) | _weighted()
    return base | st.builds(PerDimension, base, base)


def guards() -> st.SearchStrategy[Guards]:
    """Guards (:class:`~asn_performance.weighting.Guards`) with a minimum of 1-5 responses
    and a subset of the roles that may stay anonymous (peer, subordinate, service user).

    Example::

        @given(guards())
        def test_guards(guards):
            assert AssessorRole.PEJABAT_PENILAI not in guards.anonymous_roles
    """
    roles = [AssessorRole.PEER, AssessorRole.SUBORDINATE, AssessorRole.SERVICE_USER]
    return st.builds(Guards, st.integers(1, 5), st.frozensets(st.sampled_from(roles)))


def _organisation(leads: bool) -> st.SearchStrategy[OrganisationPredikat | None]:
    predikat = st.sampled_from(OrganisationPredikat)
    return predikat if leads else st.none() | predikat


@st.composite
def appraisals_with(
    draw: st.DrawFn, vocabulary: Vocabulary, periods: st.SearchStrategy[Period]
) -> Appraisal:
    """An appraisal made by :func:`appraise` from a drawn plan and its assessments."""
    plan = draw(plans_of(vocabulary, periods))
    pool = draw(st.lists(vocabulary.nips(plan.period.start), unique=True, max_size=6))
    items = draw(_plan_assessments(vocabulary, plan, pool))
    return appraise(
        plan,
        draw(st.permutations(items)),
        policy=draw(policies()),
        guards=draw(guards()),
        organisation_predikat=draw(_organisation(plan.leads_unit)),
    )


@st.composite
def documents_with(
    draw: st.DrawFn,
    vocabulary: Vocabulary,
    periods: st.SearchStrategy[Period],
    min_people: int = 3,
    max_people: int = 7,
) -> AppraisalDocument:
    """A unit's document: its roster's employees, 1-3 plans of employees with a superior
    (their pejabat penilai), every plan appraisable, assessments shuffled across plans."""
    # The boundary (pydantic) loads when a document is first drawn, not with the package.
    from asn_performance.boundary.appraisal_document import AppraisalDocument  # noqa: PLC0415

    period = draw(periods)
    roster = draw(rosters_with(vocabulary, min_people, max_people, appointed_by=period.start))
    people = list(roster)
    by_nip = {person.nip: person for person in people}
    staff = [person for person in people if person.superior_nip is not None]
    chosen = draw(st.lists(st.sampled_from(staff), min_size=1, max_size=3, unique=True))
    plan_list = []
    for index, employee in enumerate(chosen, start=1):
        assert employee.superior_nip is not None  # noqa: S101 - chosen among the staff
        pejabat = by_nip[employee.superior_nip]
        above = by_nip.get(pejabat.superior_nip) if pejabat.superior_nip else None
        atasan = above if draw(st.booleans()) else None
        plan_id = f"skp-{period.start.year}-{index}"
        plan_list.append(
            draw(plans_with(vocabulary, period, employee, pejabat, atasan, plan_id=plan_id))
        )
    pool = [person.nip for person in people]
    items: list[Assessment] = []
    for plan in plan_list:
        items.extend(draw(_plan_assessments(vocabulary, plan, pool)))
    return AppraisalDocument(
        employees=tuple(people),
        plans=tuple(plan_list),
        assessments=tuple(draw(st.permutations(items))),
        policy=draw(policies()),
        guards=draw(guards()),
        organisation_predikat=draw(_organisation(any(p.leads_unit for p in plan_list))),
        title=draw(st.none() | vocabulary.titles()),
    )
