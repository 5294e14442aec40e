"""PP 46/2011: the library's configurable choices (decision D7) and their default tables.

Where the Perka BKN 1/2013 text was not seen, the points for *tugas tambahan* and
*kreativitas* (:data:`TUGAS_TAMBAHAN_TIERS`, :data:`KREATIVITAS_POINTS`), an optional cap on
the nilai capaian SKP and the floor of the waktu and biaya values are an agency's
:class:`Pp46Config`; the defaults (:data:`DEFAULT_CONFIG`) are UNCONFIRMED and documented in
``docs/explanation/regime-pp46-2011.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from asn_performance._kit.exact import to_decimal
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.validate import shown
from asn_performance.exceptions import PolicyError

__all__ = [
    "DEFAULT_CONFIG",
    "KREATIVITAS_POINTS",
    "TUGAS_TAMBAHAN_TIERS",
    "CreativityLevel",
    "Pp46Config",
]


class CreativityLevel(Labelled):
    """The level at which a *kreativitas* (with its SK) was recognised (Perka BKN 1/2013)."""

    UNIT_KERJA = "unit_kerja"
    INSTANSI = "instansi"
    NASIONAL = "nasional"

    @classmethod
    def _table(cls) -> Mapping[CreativityLevel, Labels]:
        return {
            cls.UNIT_KERJA: Labels("Tingkat unit kerja", "Work unit", ("unit",)),
            cls.INSTANSI: Labels("Tingkat instansi", "Agency"),
            cls.NASIONAL: Labels("Tingkat nasional", "National"),
        }


#: Points for *tugas tambahan* (count of tasks with a surat perintah in the year), decision
#: D7: (minimum count, points), highest first; 0 tasks give 0 points. UNCONFIRMED: the values
#: agree across several implementations; the Perka text itself was not seen.
TUGAS_TAMBAHAN_TIERS: tuple[tuple[int, Decimal], ...] = (
    (7, Decimal(3)),
    (4, Decimal(2)),
    (1, Decimal(1)),
)

#: Points per *kreativitas* (each with its SK), summed, decision D7. UNCONFIRMED as above.
KREATIVITAS_POINTS: Mapping[CreativityLevel, Decimal] = FrozenMap(
    {
        CreativityLevel.UNIT_KERJA: Decimal(3),
        CreativityLevel.INSTANSI: Decimal(6),
        CreativityLevel.NASIONAL: Decimal(12),
    }
)


def _check_tiers(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    ok = isinstance(value, tuple) and bool(value)
    previous: int | None = None
    if ok and isinstance(value, tuple):
        for item in value:
            if not (
                isinstance(item, tuple)
                and len(item) == 2
                and isinstance(item[0], int)
                and not isinstance(item[0], bool)
                and item[0] >= 1
                and isinstance(item[1], Decimal)
                and item[1] >= 0
                and (previous is None or item[0] < previous)
            ):
                ok = False
                break
            previous = item[0]
    if not ok:
        raise PolicyError(
            "tugas tambahan tiers are (minimum count, points) pairs, highest count first,"
            " counts of at least 1 and points of at least 0",
            path=attribute.name,
            value=value,
            rule="D7-CONFIG",
            fix="e.g. ((7, Decimal(3)), (4, Decimal(2)), (1, Decimal(1)))",
        )


def _creativity_table(value: object) -> FrozenMap[CreativityLevel, Decimal]:
    if not isinstance(value, Mapping):
        raise PolicyError(
            "kreativitas points must be a mapping from level to points",
            path="creativity_points",
            value=value,
            rule="D7-CONFIG",
            fix="give points for unit_kerja, instansi and nasional",
        )
    table = FrozenMap(
        (
            CreativityLevel.parse(level, field=f"creativity_points[{shown(level)}]"),
            to_decimal(points, field=f"creativity_points[{shown(level)}]", allow_negative=False),
        )
        for level, points in value.items()
    )
    missing = [level.code for level in CreativityLevel if level not in table]
    if missing:
        raise PolicyError(
            f"kreativitas points are missing for {', '.join(missing)}",
            path="creativity_points",
            value=sorted(level.code for level in table),
            rule="D7-CONFIG",
            fix="give points for every level",
        )
    return table


def _optional_cap(value: object) -> Decimal | None:
    if value is None:
        return None
    cap = to_decimal(value, field="skp_cap")
    if cap <= 0:
        raise PolicyError(
            "a cap on the nilai SKP must be positive",
            path="skp_cap",
            value=value,
            rule="D7-CONFIG",
            fix="give a positive cap, or None for no cap (the default)",
        )
    return cap


@attrs.frozen
class Pp46Config:
    """The library's choices where the Perka text was not seen (decisions D7 and the floor).

    Attributes:
        tugas_tambahan_tiers: (minimum count, points), highest first (D7: 7→3, 4→2, 1→1).
        creativity_points: points per kreativitas level (D7: 3 / 6 / 12).
        skp_cap: an optional cap on the nilai capaian SKP after the points (D7: none).
        floor_at_zero: floor the waktu and biaya values at 0 when the realisation exceeds
            1.76 × the target (default: no, the formula as written goes negative).

    All defaults are UNCONFIRMED against the primary text and documented as such in
    ``docs/explanation/regime-pp46-2011.md``.
    """

    tugas_tambahan_tiers: tuple[tuple[int, Decimal], ...] = attrs.field(
        default=TUGAS_TAMBAHAN_TIERS, validator=_check_tiers
    )
    creativity_points: FrozenMap[CreativityLevel, Decimal] = attrs.field(
        default=KREATIVITAS_POINTS, converter=_creativity_table
    )
    skp_cap: Decimal | None = attrs.field(default=None, converter=_optional_cap)
    floor_at_zero: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))


#: The defaults of decision D7 (no cap, no floor).
DEFAULT_CONFIG: Final = Pp46Config()
