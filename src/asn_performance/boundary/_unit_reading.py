"""Reading the input document of a unit part by part, without pydantic (private module;
issue 12).

:func:`document_from_unwalked` is what
:func:`~asn_performance.boundary.appraisal_document.load_document` and
:func:`~asn_performance.boundary.regime_documents.load_any` call on a parsed document: it
reads the document part by part (:func:`document_by_parts`) and, at the first problem of any
kind, reads it whole with the wire models
(:func:`~asn_performance.boundary._unit_whole.document_whole`), which report every
problem. The reading by parts uses the twins of :mod:`~asn_performance.boundary._fast_parts`
(core schemas validated by ``pydantic_core``) and reads a plain head here (:func:`_plain_head`),
so that a valid document is read without importing pydantic or the wire models, about 100 ms
of a command's start; a head that is not plain (a weighted policy, reward inputs, a roster) is
read by :class:`~asn_performance.boundary._document_models.DocumentModel`, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

from asn_performance.boundary._fast_parts import (
    FastReads,
    fast_assessment,
    fast_employee,
    fast_nip,
    fast_plan,
)
from asn_performance.boundary._fast_schemas import part_reader
from asn_performance.boundary._json_text import MAX_ITEMS, within_limits
from asn_performance.boundary._readers import decimal_in
from asn_performance.boundary._unit_document import AppraisalDocument
from asn_performance.domain.assessment import AssessorRole
from asn_performance.domain.employee import Employee
from asn_performance.domain.nip import Nip
from asn_performance.domain.plan import PerformancePlan, default_behaviours
from asn_performance.domain.rating import OrganisationPredikat, Rating
from asn_performance.weighting import (
    Guards,
    PerDimension,
    SupervisorDecides,
    WeightedSources,
    WeightingPolicy,
)

__all__ = [
    "DEFAULT_ANONYMOUS_ROLES",
    "DEFAULT_MIN_ANONYMOUS_RESPONSES",
    "document_by_parts",
    "document_from_unwalked",
]


def document_from_unwalked(
    data: dict[str, Any], walked: Callable[[], dict[str, Any]]
) -> AppraisalDocument:
    """The document of a source as ``read_source_unwalked`` reads it: ``data`` may not have
    been walked for depth and items yet (the reading by parts bounds them itself);
    ``walked()`` gives it as ``read_source`` does, for the reading whole."""
    try:
        return document_by_parts(data)
    except Exception:  # noqa: S110 - any problem: read whole (outside this block), to report it
        pass
    from asn_performance.boundary._unit_whole import document_whole  # noqa: PLC0415

    return document_whole(walked())


_PARTS: Final = ("employees", "plans", "assessments")


class _ReadWholeError(Exception):
    """The document is not read part by part (:func:`document_by_parts`)."""


#: The keys :class:`DocumentModel` has.
_KEYS: Final = frozenset(
    {"schema_version", "title", "policy", "guards", "organisation_predikat", "reward_inputs"}
    | {"roster", *_PARTS}
)
#: ``GuardsModel``'s defaults (checked by ``tests/unit/boundary/test_fast_schemas.py``).
DEFAULT_MIN_ANONYMOUS_RESPONSES: Final = 3
DEFAULT_ANONYMOUS_ROLES: Final = (AssessorRole.PEER, AssessorRole.SUBORDINATE)
_MOST_ANONYMOUS_ROLES: Final = 10  # GuardsModel.anonymous_roles' max_length
_MOST_TITLE: Final = 500  # Title's max_length
_ROLES: Final = {member.value: member for member in AssessorRole}
_PREDIKATS: Final = {member.value: member for member in OrganisationPredikat}
_RATINGS: Final = {member.value: member for member in Rating}
_GUARD_KEYS: Final = frozenset({"min_anonymous_responses", "anonymous_roles"})
_MOST_RATES: Final = 100  # the max_length of WeightedSourcesModel's weights and scale
#: The keys of each kind of ``PolicyModel``.
_POLICY_KEYS: Final = {
    "supervisor_decides": frozenset({"kind"}),
    "weighted_sources": frozenset({"kind", "weights", "scale", "sesuai_from", "di_atas_from"}),
    "per_dimension": frozenset({"kind", "hasil_kerja", "perilaku_kerja"}),
}


def _text_ok(text: object, most: int) -> bool:
    """Strict text of 1 to ``most`` characters, no unpaired surrogate (``Title``)."""
    if type(text) is not str or not 0 < len(text) <= most:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain_guards(given: object) -> Guards | None:
    """The guards of a plain head (``None`` or a ``GuardsModel`` of whole numbers and role
    codes), else ``None``."""
    if given is None:
        return Guards()
    if type(given) is not dict or not _GUARD_KEYS.issuperset(given):
        return None
    least = given.get("min_anonymous_responses", DEFAULT_MIN_ANONYMOUS_RESPONSES)
    codes = given.get("anonymous_roles")
    roles: list[AssessorRole | None]
    if codes is None and "anonymous_roles" not in given:
        roles = list(DEFAULT_ANONYMOUS_ROLES)
    elif type(codes) is list and len(codes) <= _MOST_ANONYMOUS_ROLES:
        roles = [_ROLES.get(code) if type(code) is str else None for code in codes]
    else:
        return None
    if type(least) is not int or None in roles:
        return None
    return Guards(least, roles)


def _rates(given: object, codes: Mapping[str, Any]) -> dict[Any, Decimal] | None:
    """A map of codes (``codes``) to decimals, as ``WeightedSourcesModel`` reads ``weights``
    and ``scale`` when every key is a code (``None`` for any other map)."""
    if type(given) is not dict or len(given) > _MOST_RATES:
        return None
    read: dict[Any, Decimal] = {}
    for key, value in given.items():
        member = codes.get(key) if type(key) is str else None
        if member is None:
            return None
        read[member] = decimal_in(value)  # DecimalValue's reader: a bad value raises
    return read


def _plain_policy(given: object) -> WeightingPolicy | None:  # noqa: PLR0911 - one per refusal
    """The policy of a plain head, as ``policy_from`` builds it from the document model's
    ``PolicyModel``: the three kinds, the labels written as their codes (``None`` for any
    other policy)."""
    if type(given) is not dict:
        return None
    kind = given.get("kind")
    if type(kind) is not str or not _POLICY_KEYS.get(kind, frozenset()).issuperset(given):
        return None
    if kind == "supervisor_decides":
        return SupervisorDecides()
    if kind == "per_dimension":
        if "hasil_kerja" not in given or "perilaku_kerja" not in given:
            return None
        hasil_kerja = _plain_policy(given["hasil_kerja"])
        perilaku_kerja = _plain_policy(given["perilaku_kerja"])
        if hasil_kerja is None or perilaku_kerja is None:
            return None
        return PerDimension(hasil_kerja, perilaku_kerja)
    weights = _rates(given.get("weights"), _ROLES)
    scale = given.get("scale")
    if scale is not None:
        scale = _rates(scale, _RATINGS)
        if scale is None:
            return None
    if weights is None:
        return None
    options: dict[str, Any] = {"weights": weights}
    if scale is not None:
        options["scale"] = scale
    for name in ("sesuai_from", "di_atas_from"):
        value = given.get(name)
        if value is not None:
            options[name] = decimal_in(value)
    return WeightedSources(**options)


def _plain_head(data: dict[str, Any]) -> tuple[Any, ...] | None:  # noqa: PLR0911 - one per key
    """The head of ``data`` as :func:`~asn_performance.boundary._document_models.wire_head`
    reads it, when it is plain: only the document model's keys, ``schema_version`` ``"1"``,
    a title of text, a policy and guards whose labels are written as their codes
    (:func:`_plain_policy`, :func:`_plain_guards`), an organisation predikat written as its
    code, no reward inputs and no roster. ``None`` for
    any other head (the document model reads it)."""
    if not _KEYS.issuperset(data):
        return None
    version, title = data.get("schema_version"), data.get("title")
    if type(version) is not str or version != "1":
        return None
    if title is not None and not _text_ok(title, _MOST_TITLE):
        return None
    policy = _plain_policy(data["policy"]) if "policy" in data else SupervisorDecides()
    if policy is None:
        return None
    guards = _plain_guards(data.get("guards"))
    predikat = data.get("organisation_predikat")
    if predikat is not None:
        predikat = _PREDIKATS.get(predikat) if type(predikat) is str else None
        if predikat is None:
            return None
    rewards = data.get("reward_inputs", {})
    if guards is None or type(rewards) is not dict or rewards or data.get("roster") is not None:
        return None
    return (policy, guards, predikat, title, {}, None)


def document_by_parts(data: dict[str, Any]) -> AppraisalDocument:
    """The document built as the reading whole builds it, but each employee, plan and
    assessment validated and built in turn: its validated form is freed as soon as its domain
    object is built, so that the cyclic garbage collector never has to look at the wire models
    of a whole document (at 1,000 employees its full collections took longer than the rest of
    the reading). The parts are validated by the wire models' twins and built by the fast
    builders of :mod:`~asn_performance.boundary._fast_parts` (no problem budget per object,
    labels read as codes in pydantic-core, each NIP, period, decimal and date text read once;
    lists bounded by ``FAST_ITEMS``, which keeps the budget's guarantee); a plain head here
    (:func:`_plain_head`), any other by ``DocumentModel``. The same checks on the same values
    give equal objects.

    Raises at the first problem of any kind, without the work of reporting it:
    :func:`document_from_unwalked` then reads the document whole, to report every problem.
    """
    parts = [data.get(key, []) for key in _PARTS]
    if "employees" not in data or "plans" not in data:
        raise _ReadWholeError
    if any(type(part) is not list or len(part) > MAX_ITEMS for part in parts):
        raise _ReadWholeError
    head_data: dict[str, Any] = {**data, **{key: [] for key in _PARTS if key in data}}
    if not within_limits(head_data):  # the parts are bounded by their twins (FAST_ITEMS)
        raise _ReadWholeError
    head = _plain_head(head_data)
    if head is None:
        from asn_performance.boundary._document_models import wire_head  # noqa: PLC0415

        head = wire_head(head_data)
    policy, guards, organisation_predikat, title, rewards, roster = head
    reads = FastReads()
    read_employee = part_reader("EmployeeModel")
    read_plan = part_reader("PlanRefModel")
    read_assessment = part_reader("AssessmentModel")
    people: dict[Nip, Employee] = {}
    for item in parts[0]:
        person = fast_employee(read_employee(item), reads)
        if person.nip in people:
            raise _ReadWholeError
        people[person.nip] = person
    plans: dict[str, PerformancePlan] = {}
    behaviours = default_behaviours()  # frozen: shared by the plans that give none
    nips = reads.nips
    for item in parts[1]:
        plan = read_plan(item)
        ident, atasan = plan["id"], plan.get("atasan_pejabat_penilai_nip")
        named = (
            people[fast_nip(plan["employee_nip"], nips)],
            people[fast_nip(plan["pejabat_penilai_nip"], nips)],
            None if atasan is None else people[fast_nip(atasan, nips)],
        )
        if ident in plans:
            raise _ReadWholeError
        plans[ident] = fast_plan(plan, named, reads, behaviours)
    assessments = []
    for item in parts[2]:
        given = fast_assessment(read_assessment(item), reads)
        if given.plan_id not in plans:
            raise _ReadWholeError
        assessments.append(given)
    if not rewards.keys() <= people.keys():
        raise _ReadWholeError
    return AppraisalDocument(
        employees=tuple(people.values()),
        plans=tuple(plans.values()),
        assessments=tuple(assessments),
        policy=policy,
        guards=guards,
        organisation_predikat=organisation_predikat,
        title=title,
        reward_inputs=rewards,
        roster=roster,
    )
