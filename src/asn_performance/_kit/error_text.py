"""The library's errors in the reader's language (issue 14).

An error is raised with its ``message`` and ``fix`` in English, written where the rule is
checked; they stay so in the error object, its ``str()`` and its JSON (``Problem.to_dict``):
they are data an app may log, compare or render itself. Shown to a person in another
language, each problem is translated **when it is shown**, as an explanation's step is
(``step_in``):

* every message and fix the source writes is an entry of the catalogues, ``error.<RULE>.<id>``
  and ``fix.<RULE>.<id>`` (extracted by ``tools/error_messages.py``; ``<RULE>`` ``_`` when the
  rule is not fixed where the text is written); its English text is the text the code writes,
  with a ``{placeholder}`` where the code fills a value in;
* a problem's message is matched against the English texts of **its rule** and of ``_``
  together, the one with the most fixed text first (of two as fixed, its rule's): a text
  raised under a rule the extraction could not see at the call (``expect(...)`` raises under
  ``TYPE``) is still matched whole (``must be a list of RewardOutcome``), not by a shorter
  template of the rule (``must be a {name}``); the match gives the message id and the values
  of its placeholders, and the translation is that message in the reader's language with the
  same values;
* a value keeps the form it had (a NIP, a label, a quoted input, a number as the code wrote
  it), except an English grouped integer (``1,000``), written with the language's separator;
* a text no entry matches is shown as it is (English): the library never guesses. The guard
  test (``tests/unit/_kit/test_error_catalogue.py``) keeps every extracted text in every
  catalogue.

English reads no catalogue: the problem is returned as it is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Final

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang, Message, catalogue, checked_lang, number, text
from asn_performance.exceptions import AsnPerformanceError, Problem

__all__ = ["MessageKey", "error_problems_in", "message_key", "problem_in", "translate"]

#: The rule of a text whose rule is not fixed where it is written.
ANY_RULE: Final = "_"

#: An integer written with English thousands separators (``1,000``, ``4,500,000``).
_GROUPED: Final = re.compile(r"\d{1,3}(?:,\d{3})+")

#: The English names of the months, as ``calendar.month_name`` writes them.
_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: The count an error's message may end with (``AsnPerformanceError.from_problems``).
_MORE: Final = re.compile(r" \(and (\d+) more problems?\)$")


@dataclass(frozen=True, slots=True)
class MessageKey:
    """Which catalogue message a text is, and the values of its placeholders: what an app
    needs to render the text in a language of its own."""

    msg_id: str
    params: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class _Template:
    msg_id: str
    pattern: re.Pattern[str]
    fixed: int  # characters of fixed text: the most specific template is tried first


def _pattern(message: Message) -> re.Pattern[str]:
    parts = []
    for literal, name in message.pieces:
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.DOTALL)


@functools.lru_cache(maxsize=1)
def _templates() -> Mapping[tuple[str, str], tuple[_Template, ...]]:
    """The English templates by (kind, rule), most fixed text first; read once."""
    grouped: dict[tuple[str, str], list[_Template]] = {}
    for msg_id, message in catalogue("en").items():
        kind, _, rest = msg_id.partition(".")
        if kind not in ("error", "fix"):
            continue
        rule = rest.rpartition(".")[0]
        fixed = sum(len(literal) for literal, _ in message.pieces)
        grouped.setdefault((kind, rule), []).append(_Template(msg_id, _pattern(message), fixed))
    return {key: tuple(sorted(items, key=lambda t: -t.fixed)) for key, items in grouped.items()}


@functools.lru_cache(maxsize=1024)
def _pool(kind: str, rule: str) -> tuple[_Template, ...]:
    """The templates a text of ``rule`` is matched against: the rule's and ``_``'s, the most
    fixed text first; of two as fixed, the rule's own (the sort is stable)."""
    templates = _templates()
    own = templates.get((kind, rule), ()) if rule != ANY_RULE else ()
    return tuple(sorted((*own, *templates.get((kind, ANY_RULE), ())), key=lambda t: -t.fixed))


def _key(kind: str, rule: str | None, english: str) -> MessageKey | None:
    for template in _pool(kind, rule or ANY_RULE):
        match = template.pattern.fullmatch(english)
        if match is not None:
            return MessageKey(template.msg_id, match.groupdict())
    return None


def message_key(problem: Problem) -> tuple[MessageKey | None, MessageKey | None]:
    """The catalogue keys of ``problem``'s message and fix (``None`` where no entry matches,
    or the problem has no fix): for an app that renders errors in a language of its own."""
    message = _key("error", problem.rule, problem.message)
    fix = None if problem.fix is None else _key("fix", problem.rule, problem.fix)
    return message, fix


#: The English words the code fills into a message as a value, that a reader of another
#: language would otherwise meet in English: the names of the kinds of label (``unknown
#: assessor role``; several words, never a field's name) and the months (``February 1978 has
#: 28 days``). Each is a message of every catalogue.
_WORDS: Final = FrozenMap(
    {
        "ak purpose": "error.word.ak_purpose",
        "assessor role": "error.word.assessor_role",
        "behaviour aspect": "error.word.behaviour_aspect",
        "cascade note": "error.word.cascade_note",
        "core value": "error.word.core_value",
        "creativity level": "error.word.creativity_level",
        "feedback kind": "error.word.feedback_kind",
        "golongan pppk": "error.word.golongan_pppk",
        "organisation predikat": "error.word.organisation_predikat",
        "period kind": "error.word.period_kind",
        "plan relation": "error.word.plan_relation",
        "plan role": "error.word.plan_role",
        "position kind": "error.word.position_kind",
        "pp30 predikat": "error.word.pp30_predikat",
        "pp46 predikat": "error.word.pp46_predikat",
        "recognition kind": "error.word.recognition_kind",
        "status kind": "error.word.status_kind",
        "work result kind": "error.word.work_result_kind",
        # the roles and the roster's relations the roster check writes (AUTH-ROSTER-*)
        "self (Penilaian diri)": "error.word.role.self",
        "appraising supervisor (Pejabat Penilai Kinerja)": "error.word.role.pejabat_penilai",
        "peer (Rekan kerja setingkat)": "error.word.role.peer",
        "direct subordinate (Bawahan langsung)": "error.word.role.subordinate",
        "service user (Pengguna layanan)": "error.word.role.service_user",
        "the appraised employee (pegawai yang dinilai)": "error.word.relation.employee",
        "the plan's pejabat penilai kinerja": "error.word.relation.pejabat_penilai",
        "the atasan pejabat penilai kinerja, who decides an objection and gives no assessment": (
            "error.word.relation.atasan_pejabat_penilai"
        ),
        "a superior above the employee's atasan pejabat penilai (atasan yang lebih tinggi)": (
            "error.word.relation.higher_superior"
        ),
        "a direct subordinate (bawahan langsung) of the employee": (
            "error.word.relation.direct_subordinate"
        ),
        "an indirect subordinate (bawahan tidak langsung) of the employee": (
            "error.word.relation.indirect_subordinate"
        ),
        "a colleague outside the employee's line (rekan kerja)": "error.word.relation.colleague",
        **{name: f"fmt.month.{number_}" for number_, name in enumerate(_MONTHS, start=1)},
    }
)


def _value(value: str, lang: Lang) -> str:
    """A placeholder's value in ``lang``: an English grouped integer written the language's
    way, an English word of :data:`_WORDS` translated, a month's name at the start of a value
    (``February 1978``) too; anything else as it is (data)."""
    if _GROUPED.fullmatch(value):
        return number(int(value.replace(",", "")), lang)
    word = _WORDS.get(value)
    if word is not None:
        return text(word, lang)
    choices = value.split(" or ")
    if len(choices) > 1 and all(choice in _WORDS for choice in choices):
        return text("error.word.or", lang).join(text(_WORDS[c], lang) for c in choices)
    head, space, rest = value.partition(" ")
    if space and head in _MONTHS and rest[:4].isdigit():
        return text(_WORDS[head], lang) + space + rest
    return value


def translate(kind: str, rule: str | None, english: str, lang: Lang) -> str | None:
    """The text ``english`` (a message when ``kind`` is ``"error"``, a fix when ``"fix"``) of
    a problem under ``rule``, in ``lang``; ``None`` when no entry of the catalogue matches."""
    key = _key(kind, rule, english)
    if key is None:
        return None
    message = catalogue(lang).get(key.msg_id)
    if message is None:  # not yet translated (a fuzzy entry is not read)
        return None
    return "".join(
        literal + ("" if name is None else _value(key.params[name], lang))
        for literal, name in message.pieces
    )


def _message_in(rule: str | None, english: str, lang: Lang) -> str:
    """The message in ``lang``; a count of further problems at its end (``(and 2 more
    problems)``) is taken off first, so that a template ending in a placeholder cannot
    swallow it, and written in ``lang`` after the translated message."""
    more = _MORE.search(english)
    if more is not None:
        head = translate("error", rule, english[: more.start()], lang)
        if head is not None:
            count = int(more[1])
            form = "error.more.one" if count == 1 else "error.more.other"
            return head + text(form, lang, count=number(count, lang))
    translated = translate("error", rule, english, lang)
    return english if translated is None else translated


def problem_in(problem: Problem, lang: Lang) -> Problem:
    """``problem`` as a reader of ``lang`` sees it: its message and fix in ``lang`` where the
    catalogue has them (each left as it is otherwise); path, value and rule unchanged."""
    lang = checked_lang(lang)
    if lang == "en":
        return problem
    message = _message_in(problem.rule, problem.message, lang)
    fix = problem.fix
    if fix is not None:
        fix = translate("fix", problem.rule, fix, lang) or fix
    return replace(problem, message=message, fix=fix)


def error_problems_in(error: AsnPerformanceError, lang: Lang) -> tuple[Problem, ...]:
    """Every problem ``error`` lists, in ``lang`` (:func:`problem_in`)."""
    return tuple(problem_in(p, lang) for p in error.problems)
