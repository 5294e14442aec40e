"""The library's error tree.

Every error raised on purpose by :mod:`asn_performance` is an :class:`AsnPerformanceError`.
Each carries structured context so that an app can show it, log it or map it to its own
form field:

* ``path`` -- where the bad value sits: a field name in the domain (``"nip"``,
  ``"work_results[1].indicators[0].target"``) or a JSON path at the boundary
  (``"$.plans[0].work_results[2].indicators[0].target"``);
* ``value`` -- the offending value, as received;
* ``rule`` -- the identifier of the rule that was broken (see ``docs/reference/rules.md``);
* ``fix`` -- what to do about it.

An error may stand for several problems of one document (pydantic finds them all at once):
``problems`` lists them as :class:`Problem` records (the error's own problem first; at most
:data:`MAX_LISTED`), ``more`` counts the others. ``str(error)`` is the first problem followed
by ``(and N more problems)``.

Most families also subclass ``ValueError`` so that generic handlers keep working.
:class:`AuthorityError` deliberately does not subclass ``PermissionError``: that is an
``OSError``, and an ``except OSError`` around file handling must not swallow it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Final, Self

__all__ = [
    "MAX_LISTED",
    "AppraisalError",
    "AsnPerformanceError",
    "AssessmentError",
    "AuthorityError",
    "DecimalInputError",
    "DuplicateError",
    "InputError",
    "IntegrityError",
    "LabelError",
    "LifecycleError",
    "MissingAssessmentError",
    "NipError",
    "ObjectionDeadlineError",
    "PeriodError",
    "PlanError",
    "PolicyError",
    "Problem",
    "RosterError",
    "SchemaError",
]


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


MISSING: Any = _Missing()

#: The most problems one error lists in :attr:`AsnPerformanceError.problems`; the rest are
#: counted in :attr:`AsnPerformanceError.more`.
MAX_LISTED: Final = 100


def _shown_value(value: object) -> str:
    try:
        shown = repr(value)
    except (ValueError, RecursionError):  # a huge int; a structure nested too deeply
        shown = f"<{type(value).__name__} too large to show>"
    return shown if len(shown) <= 80 else shown[:77] + "..."


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of an input: where (``path``), what was found (``value``; :data:`MISSING`
    when not named), the rule broken, what is wrong (``message``) and the ``fix``."""

    message: str
    path: str | None = None
    value: Any = MISSING
    rule: str | None = None
    fix: str | None = None

    @property
    def has_value(self) -> bool:
        """Whether the problem names the offending value."""
        return self.value is not MISSING

    def one_line(self) -> str:
        """The problem as a single readable line: path, problem, value, rule and fix."""
        parts: list[str] = []
        head = f"{self.path}: " if self.path else ""
        parts.append(head + self.message)
        if self.has_value:
            parts.append(f"got {_shown_value(self.value)}")
        if self.rule:
            parts.append(f"rule {self.rule}")
        line = "; ".join(parts)
        if self.fix:
            line += f". Fix: {self.fix}"
        return line.replace("\n", " ")

    def to_dict(self) -> dict[str, Any]:
        """The problem as JSON-ready data: ``path``, ``value``, ``rule``, ``message`` and
        ``fix``. ``value`` is the value itself when it is text (cut at 200 characters), a
        whole number of at most 18 digits, true, false or null; a Decimal's exact text; else
        the short text the one-line form shows. A problem that names no value has none."""
        return {
            "path": self.path,
            "value": _json_value(self.value),
            "rule": self.rule,
            "message": self.message,
            "fix": self.fix,
        }


def _json_value(value: object) -> object:
    if value is MISSING or value is None or isinstance(value, bool):
        return None if value is MISSING else value
    if isinstance(value, str):
        return value if len(value) <= 200 else value[:197] + "..."
    if isinstance(value, int) and abs(value) < 10**18:
        return value
    if isinstance(value, Decimal) and value.is_finite():
        return str(value)
    return _shown_value(value)


def _under(prefix: str, path: str | None) -> str:
    """``path`` placed under the JSON path ``prefix`` (kept when it is a JSON path already)."""
    if path is None:
        return prefix
    if path.startswith("$"):
        return path
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


def _more_suffix(count: int) -> str:
    return f" (and {count} more problem{'s' if count > 1 else ''})" if count else ""


class AsnPerformanceError(Exception):
    """Root of every error this library raises on purpose (Indonesian: *kesalahan*, *galat*).

    Args:
        message: what is wrong, in one sentence.
        path: where the bad value sits (field name or JSON path).
        value: the offending value.
        rule: the identifier of the rule broken.
        fix: what the caller should do.
        also: the document's other problems, after this one (at most :data:`MAX_LISTED` - 1
            are kept).
        more: how many further problems there are beyond those listed.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        value: Any = MISSING,
        rule: str | None = None,
        fix: str | None = None,
        also: Sequence[Problem] = (),
        more: int = 0,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.value = value
        self.rule = rule
        self.fix = fix
        self.also: tuple[Problem, ...] = ()
        self.more = 0
        self.add_problems(also, more)

    @classmethod
    def from_problems(cls, problems: Sequence[Problem], *, more: int = 0, suffix: str = "") -> Self:
        """One error of this class standing for every one of ``problems`` (at least one): the
        first is the error's own (its message followed by ``suffix``), the others are listed
        after it; ``more`` counts further problems not listed."""
        first, *also = problems
        return cls(
            first.message + suffix,
            path=first.path,
            value=first.value,
            rule=first.rule,
            fix=first.fix,
            also=also,
            more=more,
        )

    def add_problems(self, also: Sequence[Problem], more: int = 0) -> None:
        """Record further problems after this error's own (past :data:`MAX_LISTED` in all,
        they are only counted); the message is not changed."""
        listed = (*self.__dict__.get("also", ()), *also)
        kept = listed[: MAX_LISTED - 1]
        self.also = tuple(kept)
        self.more = self.__dict__.get("more", 0) + more + len(listed) - len(kept)

    @property
    def count(self) -> int:
        """How many problems this error stands for (at least 1)."""
        return 1 + len(self.also) + self.more

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The problems listed, this error's own first (its message without the count of the
        others); there is always at least one."""
        suffix = _more_suffix(self.count - 1)
        message = self.message
        if suffix and message.endswith(suffix):
            message = message.removesuffix(suffix)
        own = Problem(message, self.path, self.value, self.rule, self.fix)
        return (own, *self.also)

    def to_dict(self) -> dict[str, Any]:
        """The error as JSON-ready data: ``{"problems": [...], "more": N}`` (each problem as
        :meth:`Problem.to_dict` gives it)."""
        return {"problems": [p.to_dict() for p in self.problems], "more": self.more}

    @property
    def has_value(self) -> bool:
        """Whether the error names the offending value."""
        return self.value is not MISSING

    def at(self, prefix: str) -> Self:
        """Return a copy of this error whose path, and every other problem's path, is placed
        under ``prefix``.

        ``prefix`` is a JSON path such as ``"$.plans[0]"``; a problem's own path, if any, is
        appended with a dot (or directly when it starts with ``[``); a path that is already a
        JSON path (``$...``) is kept.
        """
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        Exception.__init__(clone, self.message)
        clone.path = _under(prefix, self.path)
        clone.also = tuple(replace(p, path=_under(prefix, p.path)) for p in self.also)
        return clone

    def with_path(self, path: str) -> Self:
        """Return a copy of this error whose path is exactly ``path`` (unlike :meth:`at`, a
        JSON path already starting with ``$`` is replaced, not kept)."""
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        Exception.__init__(clone, self.message)
        clone.path = path
        return clone

    def with_paths(self, change: Callable[[str | None], str | None]) -> Self:
        """Return a copy of this error whose own path and every other problem's path is
        ``change(path)``: for a caller that moves a path by a rule of its own (an index of one
        call renumbered in a larger list), so the problems listed after the first move with it
        (:meth:`with_path` moves only the first)."""
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        Exception.__init__(clone, self.message)
        clone.path = change(self.path)
        clone.also = tuple(replace(p, path=change(p.path)) for p in self.also)
        return clone

    def with_fixes(self, change: Callable[[Problem], str | None]) -> Self:
        """Return a copy of this error whose every problem's fix is ``change(problem)``
        (paths, values, rules and messages unchanged): how the JSON boundary words a fix in
        the terms of the JSON field rather than of the Python call."""
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        Exception.__init__(clone, self.message)
        clone.fix = change(Problem(self.message, self.path, self.value, self.rule, self.fix))
        clone.also = tuple(replace(p, fix=change(p)) for p in self.also)
        return clone

    def one_line(self) -> str:
        """The error as a single readable line: path, problem, value, rule and fix."""
        return Problem(self.message, self.path, self.value, self.rule, self.fix).one_line()

    def __str__(self) -> str:
        return self.one_line()


class InputError(AsnPerformanceError, ValueError):
    """A value given to a domain object is not acceptable."""


class DecimalInputError(InputError, TypeError):
    """A quantity was not given as an exact number (a float, a bool, NaN or infinity)."""


class LabelError(InputError):
    """A label (rating, predikat, role, aspect, ...) is not one the library knows."""


class NipError(InputError):
    """An 18-digit NIP (PNS) or NI PPPK is malformed; the message names the part that is wrong."""


class PeriodError(InputError):
    """A period (*periode penilaian*) is empty, reversed or not of a known kind."""


class DuplicateError(InputError):
    """An identifier that must be unique appears twice."""


class PlanError(InputError):
    """A performance plan (SKP) breaks a structural rule."""


class AssessmentError(InputError):
    """An assessment (*penilaian*) is malformed or does not fit the plan it is for."""


class PolicyError(AsnPerformanceError, ValueError):
    """A weighting or other policy is configured inconsistently."""


class AuthorityError(AsnPerformanceError):
    """Somebody acted in a role they do not hold (for example rated their own plan as a peer)."""


class AppraisalError(AsnPerformanceError, ValueError):
    """An appraisal cannot be computed from what was given."""


class MissingAssessmentError(AppraisalError):
    """A required assessment -- the pejabat penilai kinerja's -- is missing."""


class SchemaError(AsnPerformanceError, ValueError):
    """A JSON document does not match the library's schema; ``path`` is a JSON path."""


class RosterError(InputError):
    """An organisation roster is inconsistent: a superior who is not in it, a cycle of
    superiors, a repeated NIP, or nobody above an employee to act as pejabat penilai."""


class LifecycleError(AsnPerformanceError, ValueError):
    """A step of the appraisal's life was asked for in a stage that does not allow it.

    The message names the current stage and the steps it allows; ``value`` is the stage code.
    """


class ObjectionDeadlineError(LifecycleError):
    """An objection (*keberatan*) came after its deadline; the message gives the deadline."""


class IntegrityError(AsnPerformanceError, ValueError):
    """A sealed record does not match its SHA-256 digest: it was changed after it was sealed."""
