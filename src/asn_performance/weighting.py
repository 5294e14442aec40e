"""Weighting policies: how the ratings of several sources become one rating per dimension.

PermenPANRB 6/2022 gives no national weights for self, peer or subordinate input (library
decision D2): the pejabat penilai kinerja decides, and other input informs the *umpan balik*.
Agencies that do weigh sources configure a policy. A policy is a frozen data object that
satisfies :class:`WeightingPolicy`; it receives, for one dimension (``"hasil_kerja"`` or
``"perilaku_kerja"``), the ratings given by each role, and returns one rating with the steps
that explain it.

Built in:

* :class:`SupervisorDecides` -- the default: the pejabat penilai's rating is the result;
  other sources are listed as advisory.
* :class:`WeightedSources` -- weights per role, a numeric scale and thresholds back to a
  rating; a missing source's weight is redistributed, never counted as zero.
* :class:`PerDimension` -- one policy for hasil kerja and another for perilaku kerja.

The guards that hold for every policy (the pejabat penilai's assessment is required,
anonymous input needs a minimum number of responses, nobody assesses their own plan except
as self) are applied by :func:`~asn_performance.appraise` before a policy is called; see
:class:`Guards`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from math import lcm
from typing import ClassVar, Final, NamedTuple, Protocol, TypeVar, runtime_checkable

import attrs

from asn_performance._kit.exact import CONTEXT, EXACT, TWO_PLACES, quantize, to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled
from asn_performance._kit.reprs import attrs_repr
from asn_performance._kit.validate import shown
from asn_performance.domain.assessment import AssessorRole
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.rating import Rating
from asn_performance.exceptions import PolicyError

__all__ = [
    "DIMENSIONS",
    "Guards",
    "PerDimension",
    "SourceRatings",
    "SupervisorDecides",
    "WeightedSources",
    "WeightingPolicy",
]


#: The rules the weighting engine records: the policies and the anonymity guard.
WEIGHTING_RULES: tuple[Rule, ...] = (
    Rule(
        "D2-SUPERVISOR-DECIDES",
        "The pejabat penilai kinerja's rating is the result",
        "PermenPANRB 6/2022; SE MenPANRB 3/2023 step 3; library decision D2 (no national"
        " weights for other sources exist)",
        normative=False,
    ),
    Rule(
        "D2-ADVISORY",
        "Other sources are advisory and recorded, not counted",
        "Library decision D2",
        normative=False,
    ),
    Rule(
        "W-WEIGHTED",
        "Weighted combination of sources (agency configuration)",
        "Agency policy under library decision D2; not a national rule",
        normative=False,
    ),
    Rule(
        "W-MISSING-SOURCE",
        "A missing source is not counted as zero; its weight is redistributed",
        "Library decision D2",
        normative=False,
    ),
    Rule(
        "G-ANONYMITY",
        "Anonymous input is withheld below the minimum number of responses",
        "Library guard (anonymity of peer and subordinate feedback); default minimum 3",
        normative=False,
    ),
)
_RULE = rules_by_id(WEIGHTING_RULES)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.D2-ADVISORY.not_counted": "recorded for feedback, not counted",
        "step.W-WEIGHTED.mean_of": "{role} (mean of {count})",
        "step.W-WEIGHTED.share": "{points} × {share} %",
        "step.W-WEIGHTED.score": "score {score}",
        "step.W-WEIGHTED.thresholds": "Sesuai from {sesuai_from}, Di Atas from {di_atas_from}",
        "step.W-MISSING-SOURCE.renormalised": "weights renormalised over {total}",
        "step.W-MISSING-SOURCE.left_out": (
            "a source that gave no rating, or whose input was withheld, is left out, not"
            " counted as zero"
        ),
    }
)


#: The two dimensions every policy rates.
DIMENSIONS: tuple[str, str] = ("hasil_kerja", "perilaku_kerja")

#: Ratings per role for one dimension, in the canonical order of assessments. The pejabat
#: penilai's rating is always present (the engine guarantees it).
SourceRatings = Mapping[AssessorRole, tuple[Rating, ...]]


@runtime_checkable
class WeightingPolicy(Protocol):
    """What a weighting policy provides.

    ``combine`` must return a rating and the steps that explain it; it must not mutate
    anything. ``name`` identifies the policy in results and JSON.
    """

    @property
    def name(self) -> str:
        """A stable identifier of the policy."""
        ...

    def combine(self, dimension: str, sources: SourceRatings) -> tuple[Rating, tuple[Step, ...]]:
        """One rating for ``dimension`` from the ratings of each role."""
        ...


def _advisory(
    dimension: str, sources: SourceRatings, counted: frozenset[AssessorRole]
) -> Step | None:
    shown = tuple(
        (role.label_id, _tally(ratings))
        for role, ratings in sources.items()
        if role not in counted and ratings
    )
    if not shown:
        return None
    return Step(_RULE["D2-ADVISORY"], dimension, shown, "recorded for feedback, not counted")


def _tally(ratings: tuple[Rating, ...]) -> str:
    """``"Sesuai Ekspektasi"`` for one rating, ``"2× Sesuai Ekspektasi, 1× Di Atas ..."`` else.

    Counts only: anonymous sources are never listed one by one.
    """
    if len(ratings) == 1:
        return ratings[0].label_id
    counts = {r: ratings.count(r) for r in Rating if r in ratings}
    return ", ".join(f"{n}× {r.label_id}" for r, n in counts.items())


_HUNDRED = Decimal(100)
_SUPERVISOR_ONLY = frozenset({AssessorRole.PEJABAT_PENILAI})

# The members read on every combination, read once: an enum member read from its class costs
# a lookup through the enum's machinery each time.
_DI_ATAS, _SESUAI, _DI_BAWAH = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH


@attrs.frozen
class SupervisorDecides:
    """The pejabat penilai kinerja's rating is the result (default; library decision D2).

    Every other source is listed in the explanation as advisory.
    """

    name: ClassVar[str] = "supervisor_decides"

    def __repr__(self) -> str:
        return attrs_repr(self)

    def combine(self, dimension: str, sources: SourceRatings) -> tuple[Rating, tuple[Step, ...]]:
        """Return the pejabat penilai's rating; list other sources as advisory."""
        rating = sources[AssessorRole.PEJABAT_PENILAI][0]
        decided = Step(
            _RULE["D2-SUPERVISOR-DECIDES"],
            dimension,
            (("pejabat penilai kinerja", rating.label_id),),
            rating.label_id,
        )
        advisory = _advisory(dimension, sources, _SUPERVISOR_ONLY)
        return rating, (decided,) if advisory is None else (decided, advisory)


_DEFAULT_SCALE: Mapping[Rating, Decimal] = FrozenMap(
    {Rating.DI_BAWAH: Decimal(1), Rating.SESUAI: Decimal(2), Rating.DI_ATAS: Decimal(3)}
)


_L = TypeVar("_L", bound=Labelled)


def _refuse_repeat(repeated: bool, field: str, code: str) -> None:
    if repeated:
        raise PolicyError(
            f"{code!r} is given twice (two spellings of the same key)",
            path=f"{field}[{code!r}]",
            value=code,
            rule="W-DUPLICATE",
            fix="give each key once",
        )


def _numbers_by_label(
    value: object, field: str, kind: type[_L], *, allow_negative: bool
) -> FrozenMap[_L, Decimal]:
    """A mapping of labels (parsed as ``kind``) to exact numbers; two spellings of one label
    are refused (``W-DUPLICATE``)."""
    if not isinstance(value, Mapping) and field == "weights":
        raise PolicyError(
            "weights must be a mapping of role to weight",
            path=field,
            value=value,
            rule="W-WEIGHTS",
            fix="pass e.g. {'self': 20, 'pejabat_penilai': 60, 'peer': 20}",
        )
    if not isinstance(value, Mapping):
        raise PolicyError(
            "scale must map each rating to a number",
            path=field,
            value=value,
            rule="W-SCALE",
            fix="pass e.g. {'di_bawah_ekspektasi': 1, 'sesuai_ekspektasi': 2,"
            " 'di_atas_ekspektasi': 3}",
        )
    items: dict[_L, Decimal] = {}
    for key, number in value.items():
        where = f"{field}[{shown(getattr(key, 'code', key))}]"
        label = kind.parse(key, field=where)
        _refuse_repeat(label in items, field, label.code)
        items[label] = to_decimal(number, field=where, allow_negative=allow_negative)
    return FrozenMap(items)


def _role_weights(value: object) -> FrozenMap[AssessorRole, Decimal]:
    return _numbers_by_label(value, "weights", AssessorRole, allow_negative=False)


def _scale(value: object) -> FrozenMap[Rating, Decimal]:
    return _numbers_by_label(value, "scale", Rating, allow_negative=True)


def _sesuai_from(value: object) -> Decimal:
    return to_decimal(value, field="sesuai_from")


def _di_atas_from(value: object) -> Decimal:
    return to_decimal(value, field="di_atas_from")


@attrs.frozen
class WeightedSources:
    """A weighted combination of sources: an agency's configuration, not national law (D2).

    Each role that rated the dimension contributes the mean of its ratings on ``scale``;
    roles are combined with ``weights`` (renormalised over the roles present, so a missing
    source is never counted as zero); the score is turned back into a rating with
    ``thresholds``: at least ``sesuai_from`` is Sesuai, at least ``di_atas_from`` is Di Atas.

    Configuration rules, checked on construction, guarantee that the result lies between the
    lowest and the highest input rating: the scale increases, and
    ``scale[Di Bawah] < sesuai_from <= scale[Sesuai] < di_atas_from <= scale[Di Atas]``.
    A role with no weight (or weight 0) is advisory. The pejabat penilai must have a weight.

    Example (an agency's choice): ``WeightedSources({"self": 20, "pejabat_penilai": 60,
    "peer": 20})``.
    """

    weights: FrozenMap[AssessorRole, Decimal] = attrs.field(converter=_role_weights)
    scale: FrozenMap[Rating, Decimal] = attrs.field(default=_DEFAULT_SCALE, converter=_scale)
    sesuai_from: Decimal = attrs.field(default=Decimal("1.5"), converter=_sesuai_from)
    di_atas_from: Decimal = attrs.field(default=Decimal("2.5"), converter=_di_atas_from)
    name: ClassVar[str] = "weighted_sources"
    _counted: frozenset[AssessorRole] = attrs.field(init=False, repr=False, eq=False)
    _prepared: _Prepared = attrs.field(init=False, repr=False, eq=False)

    def __repr__(self) -> str:
        return attrs_repr(self)

    def __attrs_post_init__(self) -> None:
        if set(self.scale) != set(Rating):
            raise PolicyError(
                "the scale must give a number for each of the three ratings",
                path="scale",
                value={k.code: str(v) for k, v in self.scale.items()},
                rule="W-SCALE",
                fix="give di_bawah_ekspektasi, sesuai_ekspektasi and di_atas_ekspektasi",
            )
        low, mid, high = (self.scale[r] for r in (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS))
        if not (low < self.sesuai_from <= mid < self.di_atas_from <= high):
            raise PolicyError(
                "scale and thresholds must satisfy scale[Di Bawah] < sesuai_from <= scale[Sesuai]"
                " < di_atas_from <= scale[Di Atas]",
                path="thresholds",
                value=f"{low} < {self.sesuai_from} <= {mid} < {self.di_atas_from} <= {high}",
                rule="W-THRESHOLDS",
                fix="choose thresholds between the scale values, e.g. 1.5 and 2.5 on 1/2/3",
            )
        if self.weights.get(AssessorRole.PEJABAT_PENILAI, Decimal(0)) <= 0:
            raise PolicyError(
                "the pejabat penilai kinerja must have a positive weight",
                path="weights",
                value={k.code: str(v) for k, v in self.weights.items()},
                rule="W-WEIGHTS",
                fix="give pejabat_penilai a weight above zero (the decision is theirs, D2)",
            )
        counted = frozenset(role for role, weight in self.weights.items() if weight > 0)
        object.__setattr__(self, "_counted", counted)
        object.__setattr__(self, "_prepared", _prepare(self, counted))

    def combine(self, dimension: str, sources: SourceRatings) -> tuple[Rating, tuple[Step, ...]]:
        """Weighted mean of the roles present, mapped back to a rating.

        The rating is decided exactly: with ``W`` the total weight present, ``P_i`` the scale
        points of role ``i`` over its ``n_i`` ratings and ``L`` the least common multiple of
        the ``n_i``, the score ``sum(w_i * P_i / n_i) / W`` reaches a threshold ``t`` exactly
        when ``sum(w_i * P_i * (L / n_i)) >= t * W * L``, a comparison of exact sums and
        products (:data:`~asn_performance._kit.exact.EXACT`). No rounded share can push a score
        that lies on a threshold below it; the quotient is computed only to be shown.

        What depends on the policy alone (the counted weights, the scale as a plain table, the
        shares and the points shown when every counted role is present) is prepared once, on
        construction (:func:`_prepare`), with the same arithmetic; per call only what depends
        on the ratings is computed.
        """
        prepared = self._prepared
        present, total_weight, multiple = _present(prepared, sources)
        steps: list[Step] = []
        # Each present role is a distinct counted role: all are present when the counts match.
        if len(present) != len(prepared.order):
            missing = [role for role in prepared.order if not sources.get(role)]
            steps.append(_missing_step(prepared, dimension, missing, total_weight))
            shares: Mapping[AssessorRole, str] = {}
            single_inputs: Mapping[AssessorRole, Mapping[Decimal, tuple[str, str]]] = {}
        else:
            shares = prepared.shares  # every counted role present: the total weight is known
            single_inputs = prepared.single_inputs  # and so is each single rating's input
        mul, add, divide = EXACT.multiply, EXACT.add, CONTEXT.divide
        # quantize() of _kit.exact, called as the method it calls (the same arguments).
        two_places, half_up, context = TWO_PLACES, ROUND_HALF_UP, CONTEXT
        shown_points, role_label = prepared.shown_points, _ROLE_LABEL
        scaled = _ZERO
        inputs: list[tuple[str, str]] = []
        for role, weight, points, count in present:
            if count == 1:
                scaled = add(scaled, mul(mul(weight, points), multiple))
                made = single_inputs.get(role)
                if made is not None:
                    inputs.append(made[points])
                    continue
                label = role_label[role]
                mean = shown_points[points]
            else:
                scaled = add(scaled, mul(mul(weight, points), multiple // count))
                label = f"{role_label[role]} (mean of {count})"
                mean = str(divide(points, count).quantize(two_places, half_up, context))
            share = shares.get(role)
            if share is None:
                share = str(
                    divide(mul(weight, _HUNDRED), total_weight).quantize(
                        two_places, half_up, context
                    )
                )
            inputs.append((label, mean + " × " + share + " %"))
        denominator = mul(total_weight, multiple)
        if scaled >= mul(self.di_atas_from, denominator):
            rating = _DI_ATAS
        elif scaled >= mul(self.sesuai_from, denominator):
            rating = _SESUAI
        else:
            rating = _DI_BAWAH
        score = str(divide(scaled, denominator).quantize(two_places, half_up, context))
        note = "score " + score + prepared.thresholds_note
        steps.append(
            _make_step(
                Step, (_WEIGHTED_RULE, dimension, tuple(inputs), _RATING_LABEL[rating], note)
            )
        )
        counted = self._counted
        if not sources.keys() <= counted:  # a role without weight rated: advisory
            advisory = _advisory(dimension, sources, counted)
            if advisory is not None:
                steps.append(advisory)
        return rating, tuple(steps)


_ZERO = Decimal(0)
_WEIGHTED_RULE = _RULE["W-WEIGHTED"]
_MISSING_NOTE = (
    "a source that gave no rating, or whose input was withheld, is left out, not counted as zero"
)
#: A step is a named tuple; it is made from its five values directly, as ``Step(...)`` makes it
#: (the class checks nothing), without the generated ``__new__`` and its defaults.
_make_step = tuple.__new__
#: The labels shown in the steps, read once (the enums and their tables are constants).
_ROLE_LABEL: Mapping[AssessorRole, str] = {role: role.label_id for role in AssessorRole}
_RATING_LABEL: Mapping[Rating, str] = {rating: rating.label_id for rating in Rating}


class _Prepared(NamedTuple):
    """What :meth:`WeightedSources.combine` reads of its policy, prepared once (see
    :func:`_prepare`)."""

    weights: dict[AssessorRole, Decimal]
    """The counted roles (a positive weight) and their weights, as a plain table."""
    order: tuple[AssessorRole, ...]
    """The counted roles in the order of ``weights``: the order missing sources are listed."""
    scale: dict[Rating, Decimal]
    """The scale as a plain table, each value as ``0 + value`` (see :func:`_prepare`)."""
    shown_points: dict[Decimal, str]
    """Each scale value as shown for a role with one rating: 2 places, half-up."""
    shares: dict[AssessorRole, str]
    """Each counted role's share in percent as shown when every counted role is present."""
    thresholds_note: str
    """The end of the weighted step's note: the two thresholds."""
    single_inputs: dict[AssessorRole, dict[Decimal, tuple[str, str]]]
    """Per counted role and scale value, the step's input for a role with one rating when
    every counted role is present: ``(label, points shown + " × " + share + " %")``."""


def _prepare(policy: WeightedSources, counted: frozenset[AssessorRole]) -> _Prepared:
    """The policy's own part of :meth:`WeightedSources.combine`, computed once with the
    arithmetic of the per-call path.

    * Each scale value is kept as ``EXACT.add(0, value)``: the per-call path summed a role's
      points from 0, so a role's points are the same Decimal (``-0`` shows as ``0``).
    * The points shown for a role with one rating are ``quantize(divide(points, 1))``, as the
      per-call path shows ``quantize(divide(points, count))``.
    * A share is ``quantize(divide(weight × 100, total))`` with ``total`` the exact sum, from
      0, of every counted weight; it is used only when every counted role is present, when the
      per-call total is the same exact sum (the order of an exact sum does not matter).
    """
    weights = policy.weights
    order = tuple(role for role in weights if role in counted)
    plain_weights = {role: weights[role] for role in order}
    add, divide = EXACT.add, CONTEXT.divide
    total = _ZERO
    for weight in plain_weights.values():
        total = add(total, weight)
    scale = {rating: add(_ZERO, points) for rating, points in policy.scale.items()}
    shown_points = {points: str(quantize(divide(points, 1))) for points in scale.values()}
    shares = {
        role: str(quantize(divide(EXACT.multiply(weight, _HUNDRED), total)))
        for role, weight in plain_weights.items()
    }
    return _Prepared(
        weights=plain_weights,
        order=order,
        scale=scale,
        shown_points=shown_points,
        shares=shares,
        thresholds_note=(
            f"; Sesuai from {policy.sesuai_from!s}, Di Atas from {policy.di_atas_from!s}"
        ),
        single_inputs={
            role: {
                points: (_ROLE_LABEL[role], shown + " × " + shares[role] + " %")
                for points, shown in shown_points.items()
            }
            for role in order
        },
    )


def _present(
    prepared: _Prepared, sources: SourceRatings
) -> tuple[list[tuple[AssessorRole, Decimal, Decimal, int]], Decimal, int]:
    """The counted roles that rated, in the order of ``sources``, each with its weight, its
    points (the exact sum from 0 of its ratings on the scale) and its number of ratings; the
    total weight present (exact, from 0) and the least common multiple of the numbers."""
    weights, scale, add = prepared.weights, prepared.scale, EXACT.add
    present: list[tuple[AssessorRole, Decimal, Decimal, int]] = []
    total_weight = _ZERO
    multiple = 1
    for role, ratings in sources.items():
        weight = weights.get(role)
        if weight is None or not ratings:
            continue
        count = len(ratings)
        if count == 1:
            points = scale[ratings[0]]  # already 0 + value (see _prepare)
        else:
            points = _ZERO
            for rating in ratings:
                points = add(points, scale[rating])
            multiple = lcm(multiple, count)
        present.append((role, weight, points, count))
        total_weight = add(total_weight, weight)
    return present, total_weight, multiple


def _missing_step(
    prepared: _Prepared, dimension: str, missing: list[AssessorRole], total_weight: Decimal
) -> Step:
    """The step listing the counted roles that gave no rating (rule ``W-MISSING-SOURCE``)."""
    return _make_step(
        Step,
        (
            _RULE["W-MISSING-SOURCE"],
            dimension,
            tuple((_ROLE_LABEL[role], str(prepared.weights[role])) for role in missing),
            "weights renormalised over " + str(total_weight),
            _MISSING_NOTE,
        ),
    )


@attrs.frozen
class PerDimension:
    """One policy for hasil kerja and another for perilaku kerja (composition)."""

    hasil_kerja: WeightingPolicy
    perilaku_kerja: WeightingPolicy
    kind: ClassVar[str] = "per_dimension"

    def __repr__(self) -> str:
        return attrs_repr(self)

    @property
    def name(self) -> str:
        """``per_dimension(hasil_kerja=<name>, perilaku_kerja=<name>)``."""
        return (
            f"per_dimension(hasil_kerja={self.hasil_kerja.name},"
            f" perilaku_kerja={self.perilaku_kerja.name})"
        )

    def __attrs_post_init__(self) -> None:
        for field in ("hasil_kerja", "perilaku_kerja"):
            if not isinstance(getattr(self, field), WeightingPolicy):
                raise PolicyError(
                    "must be a weighting policy",
                    path=field,
                    value=getattr(self, field),
                    rule="W-POLICY",
                    fix="pass SupervisorDecides(), WeightedSources(...) or your own policy",
                )

    def combine(self, dimension: str, sources: SourceRatings) -> tuple[Rating, tuple[Step, ...]]:
        """Delegate to the policy for ``dimension``."""
        policy = self.hasil_kerja if dimension == "hasil_kerja" else self.perilaku_kerja
        return policy.combine(dimension, sources)


def _min_responses(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
        raise PolicyError(
            "the minimum number of anonymous responses is a whole number from 1 to 1000",
            path="min_anonymous_responses",
            value=value,
            rule="G-ANONYMITY",
            fix="use 3 (the default) or more",
        )
    return value


def _roles(value: object) -> frozenset[AssessorRole]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise PolicyError(
            "anonymous roles must be a collection of roles",
            path="anonymous_roles",
            value=value,
            rule="G-ANONYMITY",
            fix="pass e.g. ['peer', 'subordinate']",
        )
    roles = frozenset(AssessorRole.parse(r, field="anonymous_roles") for r in value)
    if roles & {AssessorRole.SELF, AssessorRole.PEJABAT_PENILAI}:
        raise PolicyError(
            "the self and pejabat penilai assessments are never anonymous",
            path="anonymous_roles",
            value=sorted(r.code for r in roles),
            rule="G-ANONYMITY",
            fix="list only peer, subordinate and service_user",
        )
    return roles


@attrs.frozen
class Guards:
    """Guards applied before any policy (library rules, not configurable away entirely).

    ``min_anonymous_responses``: input from an anonymous role (by default peers and
    subordinates) is withheld unless at least this many responses were given (default 3),
    so that nobody can infer who said what.
    """

    min_anonymous_responses: int = attrs.field(default=3, converter=_min_responses)
    anonymous_roles: frozenset[AssessorRole] = attrs.field(
        default=frozenset({AssessorRole.PEER, AssessorRole.SUBORDINATE}), converter=_roles
    )

    def __repr__(self) -> str:
        return attrs_repr(self)
