"""The agency's settings of one cycle: the zone its days are counted in and the objection window.

A cycle counts calendar days (the day an evaluation is recorded against its period's last day,
the day of receipt, the objection deadline, the day an objection is filed) in one zone, the
agency's: WIB (UTC+7, the default), WITA (UTC+8) or WIT (UTC+9). The objection window is, by
library decision D10, 14 calendar days from the day of receipt (PP 30/2019 Pasal 59: "paling
lama 14 hari"); an agency that reads the regulation otherwise (for instance 14 working days as
a number of calendar days, since the library carries no holiday calendar) sets its own.

Both are the agency's, fixed when the cycle is opened: :meth:`PerformanceCycle.draft` records
them in the draft event, which the digest chain covers, and no later step can change them
(rule ``LIFECYCLE-SETTINGS``). A draft event from before the setting existed carries none; its
cycle reads as :data:`DEFAULT_SETTINGS` (WIB, 14 days), as it was then.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from asn_performance._kit.validate import shown
from asn_performance.exceptions import InputError
from asn_performance.process.lifecycle.stages import OBJECTION_DAYS, WIB, WIT, WITA

__all__ = ["DEFAULT_SETTINGS", "OBJECTION_DAYS_RANGE", "ZONES", "CycleSettings"]

#: The zones an agency counts its days in, by name: Indonesia's three civil time zones.
ZONES: dict[str, dt.timezone] = {"WIB": WIB, "WITA": WITA, "WIT": WIT}

#: The objection windows an agency may set, in calendar days (both ends included). From one
#: day; at most 90, a bound against slips (366, a year's days) that still holds any reading of
#: "14 hari" as working days over the longest holiday season.
OBJECTION_DAYS_RANGE = (1, 90)

_RULE = "LIFECYCLE-SETTINGS"


def _zone_of(value: object) -> object:
    """``"WIB"``/``"WITA"``/``"WIT"`` (any case) or one of those three objects, as the object."""
    if isinstance(value, str):
        return ZONES.get(value.strip().upper(), value)
    if isinstance(value, dt.timezone):
        for name, zone in ZONES.items():
            if value == zone and value.tzname(None) == name:
                return zone
    return value


def _check_zone(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not any(value is zone for zone in ZONES.values()):
        raise InputError(
            "the agency's zone is one of Indonesia's three civil time zones",
            path=attribute.name,
            value=shown(value),
            rule=_RULE,
            fix='give "WIB" (UTC+7), "WITA" (UTC+8) or "WIT" (UTC+9), or the objects'
            " asn_performance.process.lifecycle.WIB, WITA, WIT",
        )


def _check_days(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    low, high = OBJECTION_DAYS_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InputError(
            f"the objection window is a whole number of calendar days from {low} to {high}",
            path=attribute.name,
            value=shown(value),
            rule=_RULE,
            fix=f"give a whole number such as {OBJECTION_DAYS} (decision D10), not text",
        )


@attrs.frozen
class CycleSettings:
    """The agency's settings of a cycle, fixed when it is opened (rule ``LIFECYCLE-SETTINGS``).

    ``zone``: the zone in which the cycle's days are counted, given as ``"WIB"``, ``"WITA"``
    or ``"WIT"`` (any case) or as :data:`~.stages.WIB`, :data:`~.stages.WITA`,
    :data:`~.stages.WIT`; it is held as the object. ``objection_days``: the objection window
    in calendar days, a whole number within :data:`OBJECTION_DAYS_RANGE` (default
    :data:`~.stages.OBJECTION_DAYS`, 14, decision D10).

    Raises:
        InputError: another zone (``"WIB+1"``, a ``ZoneInfo``, an offset) or window (``0``,
            ``366``, ``"14"``, ``14.0``), naming the field.
    """

    zone: dt.timezone = attrs.field(default=WIB, converter=_zone_of, validator=_check_zone)
    objection_days: int = attrs.field(default=OBJECTION_DAYS, validator=_check_days)

    @property
    def zone_name(self) -> str:
        """``"WIB"``, ``"WITA"`` or ``"WIT"``."""
        return next(name for name, zone in ZONES.items() if zone is self.zone)

    @property
    def is_default(self) -> bool:
        """Whether these are the library's defaults: WIB and 14 days (decision D10)."""
        return self == DEFAULT_SETTINGS

    def local_date(self, at: dt.datetime) -> dt.date:
        """The calendar day of ``at`` in the agency's zone."""
        return at.astimezone(self.zone).date()

    def to_dict(self) -> dict[str, Any]:
        """The plain record: ``{"zone": "WITA", "objection_days": 14}``."""
        return {"zone": self.zone_name, "objection_days": self.objection_days}

    def describe(self) -> str:
        """One phrase for a history: where days are counted and the window."""
        return f"days counted in {self.zone_name}, objection window {self.objection_days} days"


#: The settings of a cycle opened without any, and of one stored before settings existed:
#: days counted in WIB, an objection window of 14 calendar days (decision D10).
DEFAULT_SETTINGS = CycleSettings()
