"""An appraisal in words: its one-line reason and the heading of its explanation, in Bahasa
Indonesia or English (issue 14).

:meth:`Appraisal.reason <asn_performance.regimes.permenpanrb_6_2022.appraisal.Appraisal.reason>`
and :meth:`~asn_performance.regimes.permenpanrb_6_2022.appraisal.Appraisal.explain` delegate
here. English, the default, is written as it always was and reads no catalogue; another
language writes every fixed word through its catalogue (``locale/<lang>.po``, message ids
``appraisal.reason.*`` and ``appraisal.explain.*``), so that the English catalogue's path gives
the same text (a test checks). The labels of the ratings and the predikat are the regulation's
words (``Sesuai Ekspektasi``, ``Baik``) in both languages.

The reason names, per rating, the step that decided it (the last one: an objection's decision
overrides the first), then the predikat of the matrix, then any anonymous source not used::

    hasil Sesuai (pimpinan unit kerja: capaian kinerja organisasi Baik),
    perilaku Di Atas (pejabat penilai) → Baik (matriks 6/2022)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from asn_performance.domain.explanation import step_in

if TYPE_CHECKING:
    from asn_performance._kit.i18n import Lang
    from asn_performance.domain.explanation import Explanation, Step
    from asn_performance.domain.period import Period
    from asn_performance.domain.plan import PerformancePlan
    from asn_performance.domain.rating import Predikat, Rating

__all__ = ["Appraised", "heading", "reason_line"]

#: The rules that decide a rating, with their English words in the reason line.
_HOW_EN = {
    "D2-SUPERVISOR-DECIDES": "pejabat penilai",
    "W-WEIGHTED": "weighted",
    "D3-UNIT-HEAD": "unit head: organisation predikat",
    "PP30-59-DECISION": "objection decided by the atasan",
}
_DIMENSIONS = (("hasil_kerja", "hasil"), ("perilaku_kerja", "perilaku"))


class Appraised(Protocol):
    """What the reason and the heading read of an appraisal."""

    @property
    def plan(self) -> PerformancePlan: ...
    @property
    def period(self) -> Period: ...
    @property
    def rating_hasil_kerja(self) -> Rating: ...
    @property
    def rating_perilaku_kerja(self) -> Rating: ...
    @property
    def predikat(self) -> Predikat: ...
    @property
    def policy(self) -> str: ...
    @property
    def regime(self) -> str: ...
    @property
    def explanation(self) -> Explanation: ...


def _scan(appraisal: Appraised) -> tuple[dict[str | None, Step], list[Step]]:
    """In one pass over the explanation's steps: per dimension, the last step whose rule
    decides a rating; and the ``G-ANONYMITY`` steps, in order."""
    deciding: dict[str | None, Step] = {}
    anonymity: list[Step] = []
    for step in appraisal.explanation.steps:
        rule = step.rule
        if rule in _HOW_EN:
            deciding[step.dimension] = step  # the last one wins
        elif rule == "G-ANONYMITY":
            anonymity.append(step)
    return deciding, anonymity


def _withheld(steps: list[Step], lang: Lang = "en") -> list[tuple[tuple[str, str], str]]:
    """The anonymous sources not used (``G-ANONYMITY`` ``steps``): (role, count) and note,
    once each, as a reader of ``lang`` sees them
    (:func:`~asn_performance.domain.explanation.step_in`)."""
    if not steps:
        return []
    shown = steps if lang == "en" else [step_in(s, lang) for s in steps]
    return list(dict.fromkeys((s.inputs[0], s.note) for s in shown))


def reason_line(appraisal: Appraised, lang: Lang = "en") -> str:
    """One line saying why the predikat is what it is (the deciding step per rating), in
    ``lang``; English reads no catalogue."""
    if lang != "en":
        return _reason_in(appraisal, lang)
    deciding, anonymity = _scan(appraisal)
    parts = []
    for (dim, label), rating in zip(
        _DIMENSIONS, (appraisal.rating_hasil_kerja, appraisal.rating_perilaku_kerja), strict=True
    ):
        step = deciding.get(dim)
        source = "" if step is None else _HOW_EN[step.rule]
        if step is not None and step.rule == "D3-UNIT-HEAD":
            source += f" {step.inputs[0][1]}"
        short = rating.label_id.removesuffix(" Ekspektasi")
        parts.append(f"{label} {short}" + (f" ({source})" if source else ""))
    line = f"{', '.join(parts)} → {appraisal.predikat.label_id} (matrix 6/2022)"
    for (role, count), note in _withheld(anonymity):
        line += f"; {role.lower()} input withheld ({count}, {note})"
    return line


@functools.lru_cache(maxsize=2)
def _words(language: Lang) -> dict[str, Callable[..., str]]:
    """The reason line's fixed words in ``language``, each message looked up and its
    placeholders checked once (:func:`~asn_performance._kit.i18n.filler`), not once per line:
    a pure function of the catalogue, which never changes."""
    from asn_performance._kit.i18n import filler  # noqa: PLC0415 - on use

    words = {
        f"appraisal.reason.{dim}": filler(f"appraisal.reason.{dim}", language, "rating")
        for dim, _ in _DIMENSIONS
    }
    for rule in _HOW_EN:
        names = ("organisation",) if rule == "D3-UNIT-HEAD" else ()
        words[rule] = filler(f"appraisal.reason.by.{rule}", language, *names)
    words["line"] = filler("appraisal.reason.line", language, "ratings", "predikat")
    words["withheld"] = filler("appraisal.reason.withheld", language, "role", "count", "note")
    return words


def _reason_in(appraisal: Appraised, lang: str) -> str:
    """:func:`reason_line` through the catalogue of ``lang`` (the same line for ``"en"``)."""
    from asn_performance._kit.i18n import checked_lang  # noqa: PLC0415 - on use

    language = checked_lang(lang)
    words = _words(language)
    deciding, anonymity = _scan(appraisal)
    parts = []
    for (dim, _), rating in zip(
        _DIMENSIONS, (appraisal.rating_hasil_kerja, appraisal.rating_perilaku_kerja), strict=True
    ):
        short = rating.label_id.removesuffix(" Ekspektasi")
        part = words[f"appraisal.reason.{dim}"](short)
        step = deciding.get(dim)
        if step is not None:
            extra = (step.inputs[0][1],) if step.rule == "D3-UNIT-HEAD" else ()
            part += f" ({words[step.rule](*extra)})"
        parts.append(part)
    line = words["line"](", ".join(parts), appraisal.predikat.label_id)
    for (role, count), note in _withheld(anonymity, language):
        line += f"; {words['withheld'](role.lower(), count, note)}"
    return line


def heading(appraisal: Appraised, lang: Lang = "en") -> str:
    """The two lines above the steps of :meth:`Appraisal.explain`: who, which SKP and period;
    the ratings, the predikat, the policy and the regime; each line ending in a new line."""
    employee = appraisal.plan.employee
    if lang == "en":
        return (
            f"{employee.name} ({employee.nip.digits}), plan {appraisal.plan.id},"
            f" {appraisal.period.label_id}\n"
            f"rating hasil kerja: {appraisal.rating_hasil_kerja.label_id}; rating perilaku kerja:"
            f" {appraisal.rating_perilaku_kerja.label_id}; predikat:"
            f" {appraisal.predikat.label_id} (policy {appraisal.policy},"
            f" regime {appraisal.regime})\n"
        )
    from asn_performance._kit.i18n import checked_lang, text  # noqa: PLC0415 - on use

    language = checked_lang(lang)
    who = text(
        "appraisal.explain.who",
        language,
        name=employee.name,
        nip=employee.nip.digits,
        plan=appraisal.plan.id,
        period=appraisal.period.label_id,
    )
    ratings = text(
        "appraisal.explain.ratings",
        language,
        hasil_kerja=appraisal.rating_hasil_kerja.label_id,
        perilaku_kerja=appraisal.rating_perilaku_kerja.label_id,
        predikat=appraisal.predikat.label_id,
        policy=appraisal.policy,
        regime=appraisal.regime,
    )
    return f"{who}\n{ratings}\n"
