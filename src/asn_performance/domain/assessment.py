"""Assessments (*penilaian*): what one person said about one plan for one period.

Under PermenPANRB 6/2022 the *pejabat penilai kinerja* sets the rating hasil kerja and the
rating perilaku kerja, supported by *bukti dukung* (evidence) and *umpan balik berkelanjutan*
(continuous feedback). Agencies also collect a self assessment and, optionally, input from
peers (*rekan kerja setingkat*), subordinates (*bawahan langsung*) and service users
(*pengguna layanan*); whether and how that input counts is a weighting policy's choice
(library decision D2, ``docs/explanation/weighting-policies.md``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from asn_performance._kit.exact import to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.plain import code_of, decimal_text, digits_of, iso_of
from asn_performance._kit.reprs import attrs_repr
from asn_performance._kit.trusted import slot_writer, slot_writers
from asn_performance._kit.validate import (
    check_collection,
    check_date,
    check_members,
    check_text,
    check_type,
    shown,
)
from asn_performance.domain.nip import Nip
from asn_performance.domain.period import Period
from asn_performance.domain.plan import CoreValue, PerformancePlan, check_id
from asn_performance.domain.rating import Rating
from asn_performance.exceptions import AssessmentError, AuthorityError, DuplicateError, InputError

__all__ = ["Assessment", "AssessorRole", "Realisation", "latest_given_on"]


class AssessorRole(Labelled):
    """Who gave an assessment, relative to the appraised employee."""

    SELF = "self"
    PEJABAT_PENILAI = "pejabat_penilai"
    PEER = "peer"
    SUBORDINATE = "subordinate"
    SERVICE_USER = "service_user"

    @classmethod
    def _table(cls) -> dict[AssessorRole, Labels]:
        # The pejabat penilai kinerja is the direct superior (atasan langsung), PermenPANRB
        # 6/2022; "PPK" is not a synonym: it is the Pejabat Pembina Kepegawaian. "Penilai" alone
        # is any assessor, and the atasan pejabat penilai is another person (PlanRole).
        return {
            cls.SELF: Labels(
                "Penilaian diri",
                "Self",
                ("diri", "diri sendiri", "mandiri", "penilaian mandiri", "self assessment"),
            ),
            cls.PEJABAT_PENILAI: Labels(
                "Pejabat Penilai Kinerja",
                "Appraising supervisor",
                ("atasan", "atasan langsung", "supervisor", "direct superior"),
            ),
            cls.PEER: Labels(
                "Rekan kerja setingkat", "Peer", ("rekan", "rekan kerja", "colleague")
            ),
            cls.SUBORDINATE: Labels("Bawahan langsung", "Direct subordinate", ("bawahan",)),
            cls.SERVICE_USER: Labels("Pengguna layanan", "Service user", ("penerima layanan",)),
        }

    @property
    def order(self) -> int:
        """Position in the canonical order of sources (self first, service users last)."""
        return _ROLE_ORDER[self]

    @property
    def label_id(self) -> str:
        """The Indonesian label (read from a table made once: every explanation shows the
        roles that rated)."""
        return _ROLE_LABEL_ID[self]


_ROLE_ORDER: Mapping[AssessorRole, int] = {role: i for i, role in enumerate(AssessorRole)}

# The members read on every check, read once: an enum member read from its class costs a
# lookup through the enum's machinery each time.
_SELF = AssessorRole.SELF
#: The indicator ids of an assessment without realisations.
_NO_IDS: frozenset[str] = frozenset()
_PEJABAT_PENILAI = AssessorRole.PEJABAT_PENILAI
_ROLE_LABEL_ID: Mapping[AssessorRole, str] = {
    role: labels.label_id for role, labels in AssessorRole._table().items()
}


def _to_tuple(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    if isinstance(value, str):
        return (value,)
    return value


def _realisations(value: object) -> tuple[Any, ...]:
    """Any list, tuple or other iterable of realisations becomes a tuple, read once."""
    return check_collection(
        value,
        path="realisations",
        message="realisations must be a list of Realisation objects",
        fix="pass a list, e.g. [Realisation('iki-1', '97')]",
        refuse=(Mapping, Realisation),
        show=lambda given: given,
    )


def _check_evidence(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(
        isinstance(item, str) and item.strip() and len(item) <= 2000 for item in value
    ):
        raise InputError(
            "evidence (bukti dukung) is a list of non-empty texts or links of at most 2000"
            " characters",
            path=attribute.name,
            value=value,
            rule="TYPE",
            fix="give each piece of evidence as a short text or a link",
        )


def _optional_decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    return to_decimal(value, field="value", allow_negative=False)


@attrs.frozen
class Realisation:
    """The realisation of one indicator (*realisasi berdasarkan bukti dukung*).

    ``value`` is the measured realisation (exact, not negative) or ``None`` where the
    qualitative approach records only text; ``evidence`` lists the *bukti dukung*;
    ``feedback`` is the *umpan balik berkelanjutan* on it.
    """

    indicator_id: str = attrs.field(validator=check_id)
    value: Decimal | None = attrs.field(default=None, converter=_optional_decimal)
    evidence: tuple[str, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_check_evidence
    )
    feedback: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(4000))
    )

    def __repr__(self) -> str:
        return attrs_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The plain record: indicator id, value in plain notation, evidence, feedback."""
        return {
            "indicator_id": self.indicator_id,
            "value": decimal_text(self.value),
            "evidence": list(self.evidence),
            "feedback": self.feedback,
        }


def _rating_items(value: object, field: str) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise InputError(
            "must be a mapping of ratings",
            path=field,
            value=value,
            rule="TYPE",
            fix="pass a dict such as {'rhk-1': Rating.SESUAI}",
        )
    return value


def _well_typed(value: FrozenMap[Any, Any], key_type: type) -> bool:
    """Whether an existing map already holds keys of ``key_type`` and Rating values."""
    return all(isinstance(k, key_type) and isinstance(v, Rating) for k, v in value.items())


def _unique_map(pairs: Iterable[tuple[Any, Rating]], field: str) -> FrozenMap[Any, Rating]:
    """Build a map, refusing two keys that name the same thing ("kompeten" and "Kompeten")."""
    data: dict[Any, Rating] = {}
    for key, rating in pairs:
        if key in data:
            shown = getattr(key, "code", key)
            raise DuplicateError(
                f"{shown!r} is rated twice",
                path=f"{field}[{shown!r}]",
                value=shown,
                rule="ASSESSMENT-UNIQUE",
                fix="give one rating per work result or value",
            )
        data[key] = rating
    return FrozenMap(data)


def _work_result_ratings(value: object) -> FrozenMap[str, Rating]:
    field = "work_result_ratings"
    if isinstance(value, FrozenMap) and _well_typed(value, str):
        return value
    pairs = [
        (
            _work_result_key(key, field=f"{field}[{shown(key)}]"),
            Rating.parse(rating, field=f"{field}[{shown(key)}]"),
        )
        for key, rating in _rating_items(value, field).items()
    ]
    return _unique_map(pairs, field)


def _behaviour_ratings(value: object) -> FrozenMap[CoreValue, Rating]:
    field = "behaviour_ratings"
    if isinstance(value, FrozenMap) and _well_typed(value, CoreValue):
        return value
    pairs = [
        (
            CoreValue.parse(key, field=f"{field}[{shown(key)}]"),
            Rating.parse(rating, field=f"{field}[{shown(key)}]"),
        )
        for key, rating in _rating_items(value, field).items()
    ]
    return _unique_map(pairs, field)


def _work_result_key(key: object, *, field: str) -> str:
    if not isinstance(key, str) or not key or len(key) > 100:
        raise InputError(
            "a work result id is non-empty text of at most 100 characters",
            path=field,
            value=key,
            rule="ID",
            fix="use the id of a work result in the plan",
        )
    return key


def latest_given_on(period: Period) -> dt.date:
    """The last day an assessment of ``period`` may be given (decision D14): 31 December of
    the year after the period ends. An annual 2025 assessment is given from 1 January 2025
    to 31 December 2026; a later date is a typo or a forged record, not a late appraisal."""
    return dt.date(period.end.year + 1, 12, 31)  # a period ends by 2100 (PERIOD-YEAR)


@attrs.frozen(cache_hash=True)
class Assessment:
    """One person's assessment of one plan for one period.

    Attributes:
        plan_id: the SKP assessed.
        role: the assessor's role (:class:`AssessorRole`).
        assessor: the assessor's NIP; may be ``None`` only for a service user.
        given_on: the date the assessment was given.
        period: the period assessed (the plan's year, or a periodic period inside it).
        hasil_kerja: the rating of the work as a whole (*rating hasil kerja*), if given.
        perilaku_kerja: the rating of behaviour as a whole (*rating perilaku kerja*), if given.
        work_result_ratings: a rating per work result id (RHK), if given.
        behaviour_ratings: a rating per BerAKHLAK value, if given.
        realisations: the realisation of each indicator with evidence and feedback.
        feedback: general feedback (*umpan balik*).

    An assessment must carry at least one rating. How it fits its plan (ids, period, who may
    give it) is checked by :meth:`check_against`, which :func:`~asn_performance.appraise` calls.
    """

    plan_id: str = attrs.field(validator=check_id)
    role: AssessorRole = attrs.field(validator=check_type(AssessorRole))
    assessor: Nip | None = attrs.field(validator=check_type(Nip, optional=True))
    given_on: dt.date = attrs.field(validator=check_date)
    period: Period = attrs.field(validator=check_type(Period))
    hasil_kerja: Rating | None = attrs.field(
        default=None, validator=check_type(Rating, optional=True)
    )
    perilaku_kerja: Rating | None = attrs.field(
        default=None, validator=check_type(Rating, optional=True)
    )
    work_result_ratings: FrozenMap[str, Rating] = attrs.field(
        factory=FrozenMap, converter=_work_result_ratings
    )
    behaviour_ratings: FrozenMap[CoreValue, Rating] = attrs.field(
        factory=FrozenMap, converter=_behaviour_ratings
    )
    realisations: tuple[Realisation, ...] = attrs.field(default=(), converter=_realisations)
    feedback: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(4000))
    )
    anonymised: bool = attrs.field(default=False, validator=check_type(bool))
    """True for an anonymous source's assessment as kept inside an appraisal: the giver's
    NIP is removed and the date set to the period's first day (see
    :func:`~asn_performance.appraise`)."""
    _indicator_ids: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _sort_key: tuple[Any, ...] = attrs.field(init=False, repr=False, eq=False)

    def __repr__(self) -> str:
        return attrs_repr(self)

    def __attrs_post_init__(self) -> None:
        realisations = self.realisations
        ids: frozenset[str] = _NO_IDS  # no realisation (most peers'): nothing to check
        if realisations:
            for item in realisations:  # check_members' test, its error for the first refused
                if not isinstance(item, Realisation):
                    check_members(realisations, Realisation, path="realisations")
            given = [r.indicator_id for r in realisations]
            ids = frozenset(given)
            if len(ids) != len(given):
                twice = next(i for i in given if given.count(i) > 1)
                raise DuplicateError(
                    f"indicator {twice!r} is realised twice in one assessment",
                    path="realisations",
                    value=twice,
                    rule="ASSESSMENT-UNIQUE",
                    fix="give one realisation per indicator",
                )
        if self.anonymised:
            if self.role in (AssessorRole.SELF, AssessorRole.PEJABAT_PENILAI):
                raise AssessmentError(
                    # each role's message written whole, for the catalogues (issue 14)
                    "the self assessment is never anonymous"
                    if self.role is AssessorRole.SELF
                    else "the appraising supervisor assessment is never anonymous",
                    path="anonymised",
                    value=True,
                    rule="ASSESSMENT-ANONYMISED",
                    fix="only peers, subordinates and service users can be anonymised",
                )
            if self.assessor is not None:
                raise AssessmentError(
                    "an anonymised assessment does not name its giver",
                    path="assessor",
                    value=str(self.assessor),
                    rule="ASSESSMENT-ANONYMISED",
                    fix="remove the assessor's NIP, or set anonymised to false",
                )
        elif self.assessor is None and self.role is not AssessorRole.SERVICE_USER:
            raise AssessmentError(
                # each role's message written whole, for the catalogues (issue 14)
                "an assessment by the self must name the assessor's NIP"
                if self.role is AssessorRole.SELF
                else "an assessment by the appraising supervisor must name the assessor's NIP"
                if self.role is AssessorRole.PEJABAT_PENILAI
                else "an assessment by the peer must name the assessor's NIP"
                if self.role is AssessorRole.PEER
                else "an assessment by the direct subordinate must name the assessor's NIP",
                path="assessor",
                value=None,
                rule="ASSESSMENT-ASSESSOR",
                fix="give the assessor's NIP (only service users may stay unnamed)",
            )
        if (
            self.hasil_kerja is None
            and self.perilaku_kerja is None
            and not self.work_result_ratings
            and not self.behaviour_ratings
        ):
            raise AssessmentError(
                "an assessment must give at least one rating",
                path="hasil_kerja",
                value=None,
                rule="ASSESSMENT-EMPTY",
                fix="give hasil_kerja and/or perilaku_kerja",
            )
        if self.given_on < self.period.start:
            raise AssessmentError(
                f"an assessment cannot be given ({self.given_on}) before its period starts"
                f" ({self.period.start})",
                path="given_on",
                value=self.given_on.isoformat(),
                rule="ASSESSMENT-DATE",
                fix="check the date or the period",
            )
        latest = latest_given_on(self.period)
        if self.given_on > latest:
            raise AssessmentError(
                f"an assessment for period {self.period.code} cannot be given as late as"
                f" {self.given_on}: the library accepts dates up to {latest}, the end of the"
                " year after the period ends (decision D14)",
                path="given_on",
                value=self.given_on.isoformat(),
                rule="ASSESSMENT-DATE",
                fix="check the date or the period",
            )
        object.__setattr__(self, "_indicator_ids", ids)
        object.__setattr__(self, "_sort_key", _sort_key_of(self))

    def to_dict(self) -> dict[str, Any]:
        """The plain record: role, assessor NIP (``None`` when anonymised), date, ratings by
        code, realisations, feedback."""
        return {
            "plan_id": self.plan_id,
            "role": self.role.code,
            "assessor_nip": digits_of(self.assessor),
            "given_on": iso_of(self.given_on),
            "period": self.period.code,
            "hasil_kerja": code_of(self.hasil_kerja),
            "perilaku_kerja": code_of(self.perilaku_kerja),
            "work_result_ratings": {k: v.code for k, v in self.work_result_ratings.items()},
            "behaviour_ratings": {k.code: v.code for k, v in self.behaviour_ratings.items()},
            "realisations": [realisation.to_dict() for realisation in self.realisations],
            "feedback": self.feedback,
            "anonymised": self.anonymised,
        }

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """The canonical order of assessments: role, assessor, date, then content."""
        key = self._sort_key
        realised = key[7]
        if type(realised) is _RealisedKey:  # the tuple it stands for, made now
            return (*key[:7], realised.key, key[8])
        return key

    def rating(self, dimension: str) -> Rating | None:
        """The overall rating for ``"hasil_kerja"`` or ``"perilaku_kerja"``."""
        return self.hasil_kerja if dimension == "hasil_kerja" else self.perilaku_kerja

    def check_against(self, plan: PerformancePlan, period: Period) -> None:
        """Check that this assessment fits ``plan`` in ``period`` and that its giver may give it.

        Rules: the plan id matches; the period is the appraisal period; every indicator and
        work result named exists in the plan; the self assessment is the employee's; the
        pejabat penilai's is given by the plan's pejabat penilai kinerja; nobody assesses their
        own plan in any role but self.
        """
        if self.plan_id != plan.id:
            raise AssessmentError(
                f"this assessment is for plan {self.plan_id!r}, not {plan.id!r}",
                path="plan_id",
                value=self.plan_id,
                rule="ASSESSMENT-PLAN",
                fix="appraise each plan with its own assessments",
            )
        if self.period is not period and self.period != period:
            raise AssessmentError(
                f"this assessment is for period {self.period.code}, the appraisal is for"
                f" {period.code}",
                path="period",
                value=self.period.code,
                rule="ASSESSMENT-PERIOD",
                fix="pass only the assessments of the period being appraised",
            )
        # The plan's id sets read from the fields its properties return (no property call: five
        # assessments are checked per appraisal), as is the ratings map's own dict.
        if not self._indicator_ids <= plan._indicator_ids:
            unknown = sorted(self._indicator_ids - plan.indicator_ids)
            raise AssessmentError(
                f"indicator {unknown[0]!r} is not in plan {plan.id!r}",
                path="realisations",
                value=unknown[0],
                rule="ASSESSMENT-PLAN",
                fix=f"use one of the plan's indicator ids: {', '.join(sorted(plan.indicator_ids))}",
            )
        if not self.work_result_ratings._data.keys() <= plan._work_result_ids:  # none: a subset
            unknown = sorted(set(self.work_result_ratings) - plan.work_result_ids)
            raise AssessmentError(
                f"work result {unknown[0]!r} is not in plan {plan.id!r}",
                path="work_result_ratings",
                value=unknown[0],
                rule="ASSESSMENT-PLAN",
                fix="use one of the plan's work result ids: "
                + ", ".join(sorted(plan.work_result_ids)),
            )
        if self.anonymised:
            raise AuthorityError(
                "an anonymised assessment (taken from a stored appraisal) cannot be given again:"
                " its giver is unknown, so nobody can check who gave it",
                path="anonymised",
                value=True,
                rule="AUTH-ANONYMISED",
                fix="appraise from the assessments as they were given, with the givers' NIPs",
            )
        employee = plan.employee.nip.digits
        assessor = None if self.assessor is None else self.assessor.digits
        if self.role is _SELF:
            if assessor != employee:
                raise AuthorityError(
                    "only the employee gives the self assessment of their own plan",
                    path="assessor",
                    value=str(self.assessor),
                    rule="AUTH-SELF",
                    fix=f"the self assessment of plan {plan.id!r} is by {employee}",
                )
        elif assessor == employee:
            raise AuthorityError(
                # each role's message written whole, for the catalogues (issue 14)
                "an employee cannot assess their own plan as appraising supervisor"
                if self.role is _PEJABAT_PENILAI
                else "an employee cannot assess their own plan as peer"
                if self.role is AssessorRole.PEER
                else "an employee cannot assess their own plan as direct subordinate"
                if self.role is AssessorRole.SUBORDINATE
                else "an employee cannot assess their own plan as service user",
                path="role",
                value=self.role.code,
                rule="AUTH-OWN-PLAN",
                fix="record the employee's own view as the self assessment",
            )
        elif self.role is _PEJABAT_PENILAI and assessor != plan.pejabat_penilai.nip.digits:
            raise AuthorityError(
                "only the plan's pejabat penilai kinerja gives the pejabat penilai assessment",
                path="assessor",
                value=str(self.assessor),
                rule="AUTH-PEJABAT-PENILAI",
                fix=f"the pejabat penilai of plan {plan.id!r} is {plan.pejabat_penilai.nip}",
            )
        elif self.role is not _PEJABAT_PENILAI and assessor == plan.pejabat_penilai.nip.digits:
            raise AuthorityError(
                # each role's message written whole, for the catalogues (issue 14)
                f"the pejabat penilai kinerja cannot also assess plan {plan.id!r} as peer"
                if self.role is AssessorRole.PEER
                else f"the pejabat penilai kinerja cannot also assess plan {plan.id!r} as"
                " direct subordinate"
                if self.role is AssessorRole.SUBORDINATE
                else f"the pejabat penilai kinerja cannot also assess plan {plan.id!r} as"
                " service user",
                path="role",
                value=self.role.code,
                rule="AUTH-PEER",
                fix="record the pejabat penilai's view as the pejabat penilai assessment",
            )


def _sort_key_of(assessment: Assessment) -> tuple[Any, ...]:
    """The canonical order of assessments (:attr:`Assessment.sort_key`): role, assessor, date,
    then content. The realisations' part is a :class:`_RealisedKey`, which compares as the
    tuple it stands for and makes it only when a comparison reaches it."""
    # Read once per assessment read (issue 12): a member's code as its ``_value_`` (what the
    # enum's ``value`` property returns, without the property), the role's order from its
    # table, and no sort of a map that is empty (most peers give no ratings per RHK or value).
    realisations = assessment.realisations
    assessor, hasil_kerja, perilaku_kerja = (
        assessment.assessor,
        assessment.hasil_kerja,
        assessment.perilaku_kerja,
    )
    work_results, behaviours = assessment.work_result_ratings, assessment.behaviour_ratings
    return (
        _ROLE_ORDER[assessment.role],
        "" if assessor is None else assessor.digits,
        assessment.given_on.toordinal(),
        "" if hasil_kerja is None else hasil_kerja._value_,
        "" if perilaku_kerja is None else perilaku_kerja._value_,
        tuple(sorted([(k, v._value_) for k, v in work_results.items()])) if work_results else (),
        tuple(sorted([(k._value_, v._value_) for k, v in behaviours.items()]))
        if behaviours
        else (),
        _RealisedKey(realisations) if realisations else (),
        assessment.feedback or "",
    )


def _realised_key(realisations: tuple[Realisation, ...]) -> tuple[tuple[Any, ...], ...]:
    """The realisations' part of the sort key: per realisation its indicator id, its value's
    text (``str``: ``"None"`` without a value), its evidence and its comment (``""``)."""
    return tuple((r.indicator_id, str(r.value), r.evidence, r.feedback or "") for r in realisations)


class _RealisedKey:
    """The realisations' part of an assessment's sort key (:func:`_realised_key`), made when
    a comparison first needs it (issue 12).

    The part is compared only when two assessments tie on role, assessor, date and ratings,
    which the assessments of one appraisal never do (one person gives one assessment per
    period), yet building it took a ``str`` of each value and a tuple per realisation for
    every assessment read: about a tenth of a document's load. This object compares, hashes
    and shows as the tuple it stands for, with another of its kind or with a tuple, so a key
    that holds it orders and equals exactly as the key that holds the tuple
    (``tests/unit/domain/test_assessment_sort_key.py`` checks the order over random
    realisations). The tuple is kept once made (the realisations are immutable)."""

    __slots__ = ("_made", "_realisations")

    def __init__(self, realisations: tuple[Realisation, ...]) -> None:
        self._realisations = realisations
        self._made: tuple[tuple[Any, ...], ...] | None = None

    @property
    def key(self) -> tuple[tuple[Any, ...], ...]:
        """The tuple this part stands for."""
        made = self._made
        if made is None:
            made = self._made = _realised_key(self._realisations)
        return made

    def _other(self, other: object) -> tuple[Any, ...] | None:
        if type(other) is _RealisedKey:
            return other.key
        return other if isinstance(other, tuple) else None

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        given = self._other(other)
        return NotImplemented if given is None else self.key == given

    def __ne__(self, other: object) -> bool:
        given = self._other(other)
        return NotImplemented if given is None else self.key != given

    def __lt__(self, other: object) -> bool:
        given = self._other(other)
        return NotImplemented if given is None else self.key < given

    def __le__(self, other: object) -> bool:
        given = self._other(other)
        return NotImplemented if given is None else self.key <= given

    def __gt__(self, other: object) -> bool:
        given = self._other(other)
        return NotImplemented if given is None else self.key > given

    def __ge__(self, other: object) -> bool:
        given = self._other(other)
        return NotImplemented if given is None else self.key >= given

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return repr(self.key)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_RealisedKey, (self._realisations,))


_NEVER_ANONYMOUS = (AssessorRole.SELF, AssessorRole.PEJABAT_PENILAI)
_NO_RATINGS: FrozenMap[Any, Rating] = FrozenMap()


def _without_evidence(realisations: tuple[Realisation, ...]) -> tuple[Realisation, ...]:
    """Each of ``realisations`` without its evidence and comment (the copy's sort key has
    them as :func:`_realised_key` makes them: the same without evidence and comment). Each
    copy is built as :func:`~asn_performance._kit.trusted.trusted_replace` builds a copy (see
    :func:`anonymous_copy` for why no validator needs to run), with the four fields of
    :class:`Realisation` set through their slots, in one loop: thirty of these are made per
    appraisal with peers, and the generic copy costs twice as much
    (``tests/unit/test_speed_object_anonymise.py`` checks the field list). A realisation that
    is bare already is shared (it is immutable)."""
    bare: list[Realisation] = []
    keep = bare.append
    for realisation in realisations:
        if realisation.evidence or realisation.feedback is not None:
            copy = _new(Realisation)
            _set_indicator_id(copy, realisation.indicator_id)
            _set_value(copy, realisation.value)
            _set_evidence(copy, ())
            _set_feedback(copy, None)
            keep(copy)
        else:
            keep(realisation)  # already bare: immutable, so shared
    return tuple(bare)


_new = object.__new__
# The slots of the two classes, written directly (a frozen class refuses ``setattr``); the
# same write ``object.__setattr__`` makes, without looking the name up on every call.
_set_indicator_id = slot_writer(Realisation, "indicator_id")
_set_value = slot_writer(Realisation, "value")
_set_evidence = slot_writer(Realisation, "evidence")
_set_feedback = slot_writer(Realisation, "feedback")
(
    _w_plan_id,
    _w_role,
    _w_assessor,
    _w_given_on,
    _w_period,
    _w_hasil_kerja,
    _w_perilaku_kerja,
    _w_work_result_ratings,
    _w_behaviour_ratings,
    _w_realisations,
    _w_feedback,
    _w_anonymised,
    _w_indicator_ids,
    _w_sort_key,
) = (write for _name, write in slot_writers(Assessment))  # fails if the fields change
_set_cached_hash = slot_writer(Assessment, "_attrs_cached_hash")


def anonymous_copy(
    assessment: Assessment, *, withhold_hasil: bool, withhold_perilaku: bool
) -> Assessment | None:
    """An anonymous source's ``assessment`` as an appraisal keeps it (library guard
    ``G-ANONYMITY``), or ``None`` when nothing of it is kept.

    The copy names no giver (``assessor=None``, ``anonymised=True``), is dated on the first
    day of its period, and carries no evidence and no comment on its realisations (file names
    and links could name who uploaded them; the values stay). A withheld dimension is dropped
    with everything that belongs to it: for hasil kerja the overall rating, the ratings per
    work result and the realisations; for perilaku kerja the overall rating and the ratings
    per BerAKHLAK value; with any dimension withheld the general feedback goes too. When no
    rating is left, nothing is kept (``None``). :func:`~asn_performance.appraise` calls this
    for each assessment of an anonymous role, after :meth:`Assessment.check_against`.

    Why the copy is built without running the validators again (trusted, issue 12): every
    field is either the validated assessment's own value, shared as it is, or a constant that
    passes its validator (``None`` for an optional field, ``True``, an empty map or tuple, a
    date). The invariants of ``__attrs_post_init__`` hold by construction:

    * realisations: the assessment's own (or none), each with ``evidence=()`` and
      ``feedback=None`` (both valid); same indicator ids, so still unique;
    * ``anonymised`` with no assessor: set together; the self and pejabat penilai roles,
      which are never anonymous, take the validated path instead and get its error
      (``ASSESSMENT-ANONYMISED``);
    * at least one rating: a copy without any is not made (the same test as the class's);
    * the date: the period's first day lies inside ``[period.start, latest_given_on(period)]``;
    * the derived fields (indicator ids, sort key) are computed as the constructor does.

    The fields are written through the class's slots in the order of ``attrs.fields``, as
    :func:`~asn_performance._kit.trusted.trusted_replace` writes them, and the cached hash is
    reset (``tests/unit/test_speed_object_anonymise.py`` compares both paths).
    """
    hasil = None if withhold_hasil else assessment.hasil_kerja
    perilaku = None if withhold_perilaku else assessment.perilaku_kerja
    by_result = _NO_RATINGS if withhold_hasil else assessment.work_result_ratings
    by_value = _NO_RATINGS if withhold_perilaku else assessment.behaviour_ratings
    if hasil is None and perilaku is None and not by_result and not by_value:
        return None
    if assessment.role in _NEVER_ANONYMOUS:
        return _validated_anonymous(assessment, withhold_hasil, withhold_perilaku)
    given_on = assessment.period.start
    key = assessment._sort_key
    if withhold_hasil:
        realisations: tuple[Realisation, ...] = ()
        ids: frozenset[str] = frozenset()
        realised: _RealisedKey | tuple[Any, ...] = ()
    else:
        realisations = _without_evidence(assessment.realisations)
        realised = _RealisedKey(realisations) if realisations else ()
        ids = assessment._indicator_ids
    withheld = withhold_hasil or withhold_perilaku
    # The sort key of the copy (as _sort_key_of computes it), from the original's: no
    # assessor, the period's first day, the withheld parts empty, realisations without
    # evidence or comment, no feedback when a dimension is withheld.
    sort_key = (
        key[0],
        "",
        given_on.toordinal(),
        "" if withhold_hasil else key[3],
        "" if withhold_perilaku else key[4],
        () if withhold_hasil else key[5],
        () if withhold_perilaku else key[6],
        realised,
        "" if withheld else key[8],
    )
    # Every field, in the order of attrs.fields(Assessment) (a test checks the list).
    copy = _new(Assessment)
    _w_plan_id(copy, assessment.plan_id)
    _w_role(copy, assessment.role)
    _w_assessor(copy, None)
    _w_given_on(copy, given_on)
    _w_period(copy, assessment.period)
    _w_hasil_kerja(copy, hasil)
    _w_perilaku_kerja(copy, perilaku)
    _w_work_result_ratings(copy, by_result)
    _w_behaviour_ratings(copy, by_value)
    _w_realisations(copy, realisations)
    _w_feedback(copy, None if withheld else assessment.feedback)
    _w_anonymised(copy, True)
    _w_indicator_ids(copy, ids)
    _w_sort_key(copy, sort_key)
    _set_cached_hash(copy, None)
    return copy


def _validated_anonymous(
    assessment: Assessment, withhold_hasil: bool, withhold_perilaku: bool
) -> Assessment:
    """The anonymous copy of a named role's assessment through the validated path, which
    refuses it (``ASSESSMENT-ANONYMISED``)."""
    changes: dict[str, Any] = {
        "assessor": None,
        "anonymised": True,
        "given_on": assessment.period.start,
    }
    if withhold_hasil:
        changes.update(hasil_kerja=None, work_result_ratings=_NO_RATINGS, realisations=())
    if withhold_perilaku:
        changes.update(perilaku_kerja=None, behaviour_ratings=_NO_RATINGS)
    if withhold_hasil or withhold_perilaku:
        changes["feedback"] = None
    return attrs.evolve(assessment, **changes)
