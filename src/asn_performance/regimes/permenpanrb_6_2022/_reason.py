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


def _deciding(appraisal: Appraised, dimension: str) -> Step | None:
    """The last step of ``dimension`` whose rule decides a rating (or ``None``)."""
    steps = appraisal.explanation.for_dimension(dimension)
    return next((s for s in reversed(steps) if s.rule in _HOW_EN), None)


def _withheld(appraisal: Appraised, lang: Lang = "en") -> list[tuple[tuple[str, str], str]]:
    """The anonymous sources not used (``G-ANONYMITY``): (role, count) and note, once each, as
    a reader of ``lang`` sees them (:func:`~asn_performance.domain.explanation.step_in`)."""
    steps = (s for s in appraisal.explanation.steps if s.rule == "G-ANONYMITY")
    shown = steps if lang == "en" else (step_in(s, lang) for s in steps)
    return list(dict.fromkeys((s.inputs[0], s.note) for s in shown))


def reason_line(appraisal: Appraised, lang: Lang = "en") -> str:
    """One line saying why the predikat is what it is (the deciding step per rating), in
    ``lang``; English reads no catalogue."""
    if lang != "en":
        return _reason_in(appraisal, lang)
    parts = []
    for (dim, label), rating in zip(
        _DIMENSIONS, (appraisal.rating_hasil_kerja, appraisal.rating_perilaku_kerja), strict=True
    ):
        step = _deciding(appraisal, dim)
        source = "" if step is None else _HOW_EN[step.rule]
        if step is not None and step.rule == "D3-UNIT-HEAD":
            source += f" {step.inputs[0][1]}"
        short = rating.label_id.removesuffix(" Ekspektasi")
        parts.append(f"{label} {short}" + (f" ({source})" if source else ""))
    line = f"{', '.join(parts)} → {appraisal.predikat.label_id} (matrix 6/2022)"
    for (role, count), note in _withheld(appraisal):
        line += f"; {role.lower()} input withheld ({count}, {note})"
    return line


def _reason_in(appraisal: Appraised, lang: str) -> str:
    """:func:`reason_line` through the catalogue of ``lang`` (the same line for ``"en"``)."""
    from asn_performance._kit.i18n import checked_lang, text  # noqa: PLC0415 - on use

    language = checked_lang(lang)
    parts = []
    for (dim, _), rating in zip(
        _DIMENSIONS, (appraisal.rating_hasil_kerja, appraisal.rating_perilaku_kerja), strict=True
    ):
        short = rating.label_id.removesuffix(" Ekspektasi")
        part = text(f"appraisal.reason.{dim}", language, rating=short)
        step = _deciding(appraisal, dim)
        if step is not None:
            extra = {"organisation": step.inputs[0][1]} if step.rule == "D3-UNIT-HEAD" else {}
            part += f" ({text(f'appraisal.reason.by.{step.rule}', language, **extra)})"
        parts.append(part)
    line = text(
        "appraisal.reason.line",
        language,
        ratings=", ".join(parts),
        predikat=appraisal.predikat.label_id,
    )
    for (role, count), note in _withheld(appraisal, language):
        withheld = text(
            "appraisal.reason.withheld", language, role=role.lower(), count=count, note=note
        )
        line += f"; {withheld}"
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
