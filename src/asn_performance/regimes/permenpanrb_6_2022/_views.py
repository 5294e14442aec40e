"""The notebook views of an appraisal (its HTML and Markdown), in Bahasa Indonesia or English
(issue 14).

:meth:`Appraisal.to_html <asn_performance.regimes.permenpanrb_6_2022.appraisal.Appraisal.to_html>`
and :meth:`~asn_performance.regimes.permenpanrb_6_2022.appraisal.Appraisal.to_markdown`
delegate here, and the appraisal's ``_repr_html_`` / ``_repr_markdown_`` are their English
form, as they always were. The head line is the regulation's words in both languages (the
name, the NIP, the period's label, ``hasil``, ``perilaku``, the labels); the table of the steps
is :meth:`~asn_performance.domain.explanation.Explanation.to_html` in ``lang``.

The functions take the appraisal as it is (duck-typed, so that this module does not import
:mod:`~asn_performance.regimes.permenpanrb_6_2022.appraisal`, which imports it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asn_performance._kit.i18n import Lang

__all__ = ["appraisal_html", "appraisal_markdown"]


def appraisal_markdown(appraisal: Any, lang: Lang = "en") -> str:
    """The appraisal in Markdown: the head line, then the table of its steps in ``lang``."""
    a = appraisal
    shown: str = (
        f"**{a.plan.employee.name}** ({a.plan.employee.nip.digits}), "
        f"{a.period.label_id}: **{a.predikat.label_id}** "
        f"(hasil {a.rating_hasil_kerja.label_id}, "
        f"perilaku {a.rating_perilaku_kerja.label_id})\n\n" + a.explanation.to_markdown(lang)
    )
    return shown


def appraisal_html(appraisal: Any, lang: Lang = "en") -> str:
    """The appraisal in HTML (escaped): the head line, then the table of its steps in
    ``lang``."""
    from html import escape as esc  # noqa: PLC0415 - only an HTML view needs it

    a = appraisal
    shown: str = (
        f"<p><b>{esc(a.plan.employee.name)}</b> ({esc(a.plan.employee.nip.digits)}),"
        f" {esc(a.period.label_id)}: <b>{esc(a.predikat.label_id)}</b>"
        f" (hasil {esc(a.rating_hasil_kerja.label_id)},"
        f" perilaku {esc(a.rating_perilaku_kerja.label_id)})</p>" + a.explanation.to_html(lang)
    )
    return shown
