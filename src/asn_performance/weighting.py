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
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar, Protocol, runtime_checkable

import attrs

from .assessment import AssessorRole
from .exceptions import PolicyError
from .explanation import Step
from .frozenmap import FrozenMap
from .numbers import CONTEXT, quantize, to_decimal
from .rating import Rating

__all__ = [
    "DIMENSIONS",
    "Guards",
    "PerDimension",
    "SourceRatings",
    "SupervisorDecides",
    "WeightedSources",
    "WeightingPolicy",
]

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
    return Step("D2-ADVISORY", dimension, shown, "recorded for feedback, not counted")


def _tally(ratings: tuple[Rating, ...]) -> str:
    """``"Sesuai Ekspektasi"`` for one rating, ``"2× Sesuai Ekspektasi, 1× Di Atas ..."`` else.

    Counts only: anonymous sources are never listed one by one.
    """
    if len(ratings) == 1:
        return ratings[0].label_id
    counts = {r: ratings.count(r) for r in Rating if r in ratings}
    return ", ".join(f"{n}× {r.label_id}" for r, n in counts.items())


def _total(
    weights: Mapping[AssessorRole, Decimal], present: list[tuple[AssessorRole, Any, Any, int]]
) -> str:
    """The sum of the weights of the roles present, exactly as configured."""
    total = Decimal(0)
    for role, *_ in present:
        total = CONTEXT.add(total, weights[role])
    return str(total)


def _shown(value: Fraction) -> str:
    """An exact fraction as a Decimal quantized to 2 places, for display only (D5)."""
    exact = CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))
    return str(quantize(exact))


_SUPERVISOR_ONLY = frozenset({AssessorRole.PEJABAT_PENILAI})


@attrs.frozen
class SupervisorDecides:
    """The pejabat penilai kinerja's rating is the result (default; library decision D2).

    Every other source is listed in the explanation as advisory.
    """

    name: ClassVar[str] = "supervisor_decides"

    def combine(self, dimension: str, sources: SourceRatings) -> tuple[Rating, tuple[Step, ...]]:
        """Return the pejabat penilai's rating; list other sources as advisory."""
        rating = sources[AssessorRole.PEJABAT_PENILAI][0]
        decided = Step(
            "D2-SUPERVISOR-DECIDES",
            dimension,
            (("pejabat penilai kinerja", rating.label_id),),
            rating.label_id,
        )
        advisory = _advisory(dimension, sources, _SUPERVISOR_ONLY)
        return rating, (decided,) if advisory is None else (decided, advisory)


_DEFAULT_SCALE: Mapping[Rating, Decimal] = FrozenMap(
    {Rating.DI_BAWAH: Decimal(1), Rating.SESUAI: Decimal(2), Rating.DI_ATAS: Decimal(3)}
)


def _refuse_repeat(repeated: bool, field: str, code: str) -> None:
    if repeated:
        raise PolicyError(
            f"{code!r} is given twice (two spellings of the same key)",
            path=f"{field}[{code!r}]",
            value=code,
            rule="W-DUPLICATE",
            fix="give each key once",
        )


def _role_weights(value: object) -> FrozenMap[AssessorRole, Decimal]:
    if not isinstance(value, Mapping):
        raise PolicyError(
            "weights must be a mapping of role to weight",
            path="weights",
            value=value,
            rule="W-WEIGHTS",
            fix="pass e.g. {'self': 20, 'pejabat_penilai': 60, 'peer': 20}",
        )
    items: dict[AssessorRole, Decimal] = {}
    for key, weight in value.items():
        role = AssessorRole.parse(key, field=f"weights[{key!r}]")
        _refuse_repeat(role in items, "weights", role.code)
        items[role] = to_decimal(weight, field=f"weights[{key!r}]", allow_negative=False)
    return FrozenMap(items)


def _scale(value: object) -> FrozenMap[Rating, Decimal]:
    if not isinstance(value, Mapping):
        raise PolicyError(
            "scale must map each rating to a number",
            path="scale",
            value=value,
            rule="W-SCALE",
            fix="pass e.g. {'di_bawah_ekspektasi': 1, 'sesuai_ekspektasi': 2,"
            " 'di_atas_ekspektasi': 3}",
        )
    items: dict[Rating, Decimal] = {}
    for key, number in value.items():
        rating = Rating.parse(key, field=f"scale[{key!r}]")
        _refuse_repeat(rating in items, "scale", rating.code)
        items[rating] = to_decimal(number, field=f"scale[{key!r}]")
    return FrozenMap(items)


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
    _exact_weights: Mapping[AssessorRole, Fraction] = attrs.field(init=False, repr=False, eq=False)
    _exact_scale: Mapping[Rating, Fraction] = attrs.field(init=False, repr=False, eq=False)
    _exact_sesuai: Fraction = attrs.field(init=False, repr=False, eq=False)
    _exact_di_atas: Fraction = attrs.field(init=False, repr=False, eq=False)

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
        object.__setattr__(
            self, "_exact_weights", {role: Fraction(w) for role, w in self.weights.items()}
        )
        object.__setattr__(self, "_exact_scale", {r: Fraction(v) for r, v in self.scale.items()})
        object.__setattr__(self, "_exact_sesuai", Fraction(self.sesuai_from))
        object.__setattr__(self, "_exact_di_atas", Fraction(self.di_atas_from))

    def combine(self, dimension: str, sources: SourceRatings) -> tuple[Rating, tuple[Step, ...]]:
        """Weighted mean of the roles present, mapped back to a rating.

        The score is computed as an exact fraction, so a score that lands exactly on a
        threshold (every source agreeing, weights 1/4/1) is never pushed below it by a
        rounded share; it is turned into a Decimal only to be shown.
        """
        scale = self._exact_scale
        present: list[tuple[AssessorRole, Fraction, Fraction, int]] = []
        total_weight = Fraction(0)
        for role, ratings in sources.items():
            if role in self._counted and ratings:
                weight = self._exact_weights[role]
                mean = Fraction(sum(scale[r] for r in ratings), len(ratings))
                present.append((role, weight, mean, len(ratings)))
                total_weight += weight
        steps: list[Step] = []
        missing = [role for role in self.weights if role in self._counted and not sources.get(role)]
        if missing:
            steps.append(
                Step(
                    "W-MISSING-SOURCE",
                    dimension,
                    tuple((role.label_id, str(self.weights[role])) for role in missing),
                    f"weights renormalised over {_total(self.weights, present)}",
                    "a source that gave no rating, or whose input was withheld, is left out,"
                    " not counted as zero",
                )
            )
        score = Fraction(0)
        inputs: list[tuple[str, str]] = []
        for role, weight, mean, count in present:
            share = weight / total_weight
            score += share * mean
            label = role.label_id if count == 1 else f"{role.label_id} (mean of {count})"
            inputs.append((label, f"{_shown(mean)} × {_shown(share * 100)} %"))
        if score >= self._exact_di_atas:
            rating = Rating.DI_ATAS
        elif score >= self._exact_sesuai:
            rating = Rating.SESUAI
        else:
            rating = Rating.DI_BAWAH
        steps.append(
            Step(
                "W-WEIGHTED",
                dimension,
                tuple(inputs),
                rating.label_id,
                f"score {_shown(score)}; Sesuai from {self.sesuai_from!s},"
                f" Di Atas from {self.di_atas_from!s}",
            )
        )
        advisory = _advisory(dimension, sources, self._counted)
        if advisory is not None:
            steps.append(advisory)
        return rating, tuple(steps)


@attrs.frozen
class PerDimension:
    """One policy for hasil kerja and another for perilaku kerja (composition)."""

    hasil_kerja: WeightingPolicy
    perilaku_kerja: WeightingPolicy
    kind: ClassVar[str] = "per_dimension"

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
