"""The appraisal's life: from the draft SKP to the final result and an objection's decision.

PermenPANRB 6/2022 Pasal 5 names four stages of performance management: perencanaan
(the SKP is drafted, set by the pejabat penilai kinerja and agreed), pelaksanaan, pemantauan
dan pembinaan (documentation and *umpan balik berkelanjutan*), penilaian (*evaluasi kinerja*
periodik and tahunan) and tindak lanjut. PP 30/2019 Pasal 59 adds the objection
(*keberatan*): within 14 days of receiving the result the employee may object to the atasan
pejabat penilai kinerja, who may change the result; that decision is final.

:class:`PerformanceCycle` is that life as a state machine on an immutable object. It holds
nothing but its :class:`Event` log; the stage, the plan, the feedback log, the evaluations
and the result are derived by replaying the log through the same checks that guarded each
step, so a cycle that exists is a cycle that could have happened. Each step returns a new
cycle and the event it added (:class:`Transition`). Each event records who (NIP and role on
the plan), when (a timezone-aware time), what (the action and its subject), the stage before
and after, and a SHA-256 digest chained to the previous event's, so an event edited in a
stored log no longer matches (a log rewritten and re-chained as a whole is caught only
against a digest kept elsewhere).

The stages and the actions each allows are tables (:data:`TRANSITIONS`, :data:`ACTORS`) to
hold against the regulation; ``docs/explanation/lifecycle.md`` draws them.

The package's modules: :mod:`~asn_performance.process.lifecycle.stages` (the tables and the
rule group :data:`LIFECYCLE_RULES`), :mod:`~asn_performance.process.lifecycle.events`
(:class:`Event`), :mod:`~asn_performance.process.lifecycle.settings` (:class:`CycleSettings`:
the agency's zone and objection window, fixed when a cycle is opened),
:mod:`~asn_performance.process.lifecycle.steps` (the
rules of each step) and :mod:`~asn_performance.process.lifecycle.cycle`
(:class:`PerformanceCycle`); ``to_dict()`` of each is its plain record.
"""

from typing import TYPE_CHECKING

from asn_performance._kit.lazy import lazy_exports

if TYPE_CHECKING:
    from asn_performance.process.lifecycle.cycle import PerformanceCycle, Transition
    from asn_performance.process.lifecycle.events import Event, Subject
    from asn_performance.process.lifecycle.revision import PlanVersion
    from asn_performance.process.lifecycle.settings import (
        DEFAULT_SETTINGS,
        OBJECTION_DAYS_RANGE,
        ZONES,
        CycleSettings,
    )
    from asn_performance.process.lifecycle.stages import (
        ACTION_RULES,
        ACTORS,
        LIFECYCLE_RULES,
        OBJECTION_DAYS,
        TRANSITIONS,
        WIB,
        WIT,
        WITA,
        Action,
        PlanRole,
        Stage,
    )

# The names load on first use (PEP 562, `asn_performance._kit.lazy`): the stages and actions
# alone (as the JSON field types need them) do not load the cycle, its steps and its digests.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "cycle": ("PerformanceCycle", "Transition"),
    "events": ("Event", "Subject"),
    "revision": ("PlanVersion",),
    "settings": ("DEFAULT_SETTINGS", "OBJECTION_DAYS_RANGE", "ZONES", "CycleSettings"),
    "stages": (
        "ACTION_RULES",
        "ACTORS",
        "LIFECYCLE_RULES",
        "OBJECTION_DAYS",
        "TRANSITIONS",
        "WIB",
        "WIT",
        "WITA",
        "Action",
        "PlanRole",
        "Stage",
    ),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)

__all__ = [
    "ACTION_RULES",
    "ACTORS",
    "DEFAULT_SETTINGS",
    "LIFECYCLE_RULES",
    "OBJECTION_DAYS",
    "OBJECTION_DAYS_RANGE",
    "TRANSITIONS",
    "WIB",
    "WIT",
    "WITA",
    "ZONES",
    "Action",
    "CycleSettings",
    "Event",
    "PerformanceCycle",
    "PlanRole",
    "PlanVersion",
    "Stage",
    "Subject",
    "Transition",
]
