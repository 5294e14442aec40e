"""A result shown in a notebook in the reader's language (issue 14).

A notebook shows an object through its ``_repr_html_`` / ``_repr_markdown_``, which take no
argument: they cannot know the reader's language, and the library keeps no global setting for
it (a Python caller's output never depends on state set elsewhere). So they stay English, as
they always were, and the language is asked for where the object is shown: ``in_lang(x, "id")``
as the last expression of a cell. :func:`in_lang` gives a small view of the object whose
``_repr_html_`` and ``_repr_markdown_`` write it in that language, and whose ``str()`` is its
text in that language. It asks the object for, in order:

* HTML: ``to_html(lang=)``; else its text (``render(lang=)``, else ``explain(lang=)``) in a
  ``<pre>`` block; else the object's own ``_repr_html_`` (a view with no words to translate);
* Markdown: ``to_markdown(lang=)``, else none (the notebook then shows the HTML);
* text: ``render(lang=)``, else ``explain(lang=)``, else ``str(obj)``.

English (``lang="en"``) shows exactly what the object's own ``_repr_html_`` /
``_repr_markdown_`` show. The same views are there without a notebook:
``IPython.display.HTML(x.to_html(lang="id"))``. An unknown language is refused on
construction (rule ``I18N-LANG``), not when the notebook draws the cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from asn_performance._kit.i18n import Lang

__all__ = ["InLang", "in_lang"]


def _checked(lang: object) -> Lang:
    from asn_performance._kit.i18n import checked_lang  # noqa: PLC0415 - on use

    return checked_lang(lang)


@attrs.frozen
class InLang:
    """``obj`` as a notebook shows it to a reader of ``lang`` (see :func:`in_lang`)."""

    obj: Any
    lang: Lang = attrs.field(converter=_checked)

    def _text(self) -> str | None:
        for name in ("render", "explain"):
            method = getattr(self.obj, name, None)
            if callable(method):
                return str(method(lang=self.lang))
        return None

    def _repr_html_(self) -> str | None:
        if self.lang == "en":
            own = getattr(self.obj, "_repr_html_", None)
            if callable(own):
                return own()  # type: ignore[no-any-return]
        to_html = getattr(self.obj, "to_html", None)
        if callable(to_html):
            return str(to_html(lang=self.lang))
        text = self._text()
        if text is not None:
            from html import escape  # noqa: PLC0415 - only an HTML view needs it

            return f"<pre>{escape(text)}</pre>"
        own = getattr(self.obj, "_repr_html_", None)
        return own() if callable(own) else None

    def _repr_markdown_(self) -> str | None:
        if self.lang == "en":
            own = getattr(self.obj, "_repr_markdown_", None)
            return own() if callable(own) else None
        to_markdown = getattr(self.obj, "to_markdown", None)
        return str(to_markdown(lang=self.lang)) if callable(to_markdown) else None

    def __str__(self) -> str:
        text = self._text()
        return str(self.obj) if text is None else text


def in_lang(obj: object, lang: Lang) -> InLang:
    """``obj`` shown in ``lang`` (``"id"`` or ``"en"``) by a notebook: ``in_lang(x, "id")``
    as the last expression of a cell shows ``x`` in Bahasa Indonesia; ``str()`` of it is the
    text in that language. The object's own notebook view (``x`` alone) stays English.

    Raises:
        InputError: an unknown language (``I18N-LANG``).
    """
    return InLang(obj, lang)
