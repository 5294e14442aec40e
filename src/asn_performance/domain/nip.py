"""The 18-digit employee number: NIP of a PNS and NI PPPK of a PPPK.

Indonesian terms: *Nomor Induk Pegawai* (NIP, for a *Pegawai Negeri Sipil*, PNS) and
*Nomor Induk PPPK* (NI PPPK, for a *Pegawai Pemerintah dengan Perjanjian Kerja*, PPPK).

Sources (see ``docs/explanation/nip.md`` for the full list and the digest they come from):

* NIP PNS -- Perka BKN 22/2007 and 43/2007, as explained in [S35], [S35b] and [S35c]::

      YYYYMMDD YYYYMM G NNN
      birth    TMT    sex sequence

  digits 1-8 birth date; 9-14 year and month of first appointment as CPNS (TMT, *terhitung
  mulai tanggal*; the day is always the 1st); 15 sex (1 = male, 2 = female); 16-18 sequence.

* NI PPPK -- format per BKN, as explained in [S35c] and implemented in
  ``muzhawir/indonesian_id`` (``lib/nip/pppk.ex``)::

      YYYYMMDD YYYY 2    F        G   NNN
      birth    TMT  PPPK contracts sex sequence

  digits 1-8 birth date; 9-12 year of first appointment as calon PPPK; 13 the PPPK code ``2``;
  14 the number of work agreements (*jumlah perjanjian kerja*, 1-9); 15 sex; 16-18 sequence.

A PNS month (digits 13-14) is ``01``-``12``, so its digit 13 is ``0`` or ``1``; a ``2`` in
position 13 therefore marks a NI PPPK without ambiguity.

Validation (in this order, each failure a :class:`~asn_performance.exceptions.NipError` with
``path="nip"``): 18 ASCII digits (``NIP-FORMAT``); digits 1-8 a real date
(``NIP-BIRTH-DATE``); for a NI PPPK digit 14 in 1-9 (``NIP-PPPK-CONTRACT``), otherwise digits
13-14 a month 01-12 (``NIP-APPOINTMENT-MONTH``); digit 15 in {1, 2} (``NIP-SEX``); digits
16-18 in 001-999 (``NIP-SEQUENCE``). These are the checks used by public code
(``muzhawir/indonesian_id``: ``lib/nip/utils.ex``, ``pns.ex``, ``pppk.ex``).

Not enforced, because no regulation states them (UNCONFIRMED in the digest): first
appointment at least ~18 years after birth, appointment year >= 1900, and the rule that the
sequence is 001 unless the first 15 digits coincide with another employee's (it cannot be
checked from one number anyway).
"""

from __future__ import annotations

import datetime
import enum
import re
from typing import Any, Final

import attrs

from asn_performance._kit.reprs import attrs_repr
from asn_performance.exceptions import NipError

__all__ = ["Nip", "NipKind", "Sex"]

_PATH: Final = "nip"
_LENGTH: Final = 18
_DIGITS: Final = re.compile(r"[0-9]{18}")
#: One separator between two groups: a run of spaces, or a hyphen with optional spaces around.
_SEPARATOR: Final = re.compile(r"[ \u00a0]*-[ \u00a0]*|[ \u00a0]+")
#: Positions (number of digits before) where a separator may stand, by kind.
_PNS_BREAKS: Final = frozenset({8, 14, 15})
_PPPK_BREAKS: Final = frozenset({8, 12, 13, 14, 15})
_PPPK_CODE: Final = "2"
_EXAMPLE_PNS: Final = "198609262015051001"


class _Named(enum.Enum):
    """An enumeration of this module whose members carry an Indonesian and an English label."""

    @property
    def label_id(self) -> str:
        """The Indonesian label: ``"PNS"``, ``"PPPK"``, ``"Laki-laki"``, ``"Perempuan"``."""
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        """The English label: ``"civil servant (PNS)"``, ``"male"``..."""
        return _LABELS[self][1]


class NipKind(_Named):
    """Which kind of ASN an 18-digit number belongs to.

    ``PNS`` -- *Pegawai Negeri Sipil*, numbered by a NIP (*Nomor Induk Pegawai*, Perka BKN
    22/2007 and 43/2007 [S35][S35b]); ``PPPK`` -- *Pegawai Pemerintah dengan Perjanjian Kerja*,
    numbered by a NI PPPK (*Nomor Induk PPPK*, format per BKN [S35c]), recognised by the code
    ``2`` in position 13. The values are stable codes.
    """

    PNS = "pns"
    PPPK = "pppk"


class Sex(_Named):
    """Sex (*jenis kelamin*) as coded in digit 15 of a NIP or NI PPPK: 1 = male, 2 = female.

    Source: Perka BKN 22/2007 and 43/2007 for the NIP [S35][S35b]; the NI PPPK uses the same
    digit [S35c]. The values are stable codes.
    """

    MALE = "male"
    FEMALE = "female"


#: The labels of :class:`NipKind` (``"PNS"``, ``"PPPK"``) and :class:`Sex` (``"Laki-laki"``,
#: ``"Perempuan"``): Indonesian, then English.
_LABELS: Final[dict[_Named, tuple[str, str]]] = {
    NipKind.PNS: ("PNS", "civil servant (PNS)"),
    NipKind.PPPK: ("PPPK", "government employee with a work agreement (PPPK)"),
    Sex.MALE: ("Laki-laki", "male"),
    Sex.FEMALE: ("Perempuan", "female"),
}
_SEX_CODES: Final[dict[str, Sex]] = {"1": Sex.MALE, "2": Sex.FEMALE}


def _fail(message: str, value: object, rule: str, fix: str) -> NipError:
    return NipError(message, path=_PATH, value=value, rule=rule, fix=fix)


#: The days of each month of a common year; February has 29 in a leap year (:func:`_days_in`).
_MONTH_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """The days of ``month`` (1-12) of ``year``, as ``calendar.monthrange(year, month)[1]``:
    the Gregorian leap years (divisible by 4, not by 100 unless by 400). Written here so that
    reading a NIP does not import :mod:`calendar` (and :mod:`locale`) at first use (issue 12)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def _check_birth_date(digits: str, value: object) -> None:
    """``NIP-BIRTH-DATE``: digits 1-8 are a calendar date. Each reason is written whole at
    the error (not built apart), so that the catalogues hold every message (issue 14)."""
    year, month, day = int(digits[0:4]), int(digits[4:6]), int(digits[6:8])
    real = year >= datetime.MINYEAR and 1 <= month <= 12
    last = _days_in(year, month) if real else 0
    if real and 1 <= day <= last:
        return
    import calendar  # noqa: PLC0415 - the month's name, only for this message (issue 12)

    raise _fail(
        f"digits 1-8 must be the birth date (YYYYMMDD), but "
        f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]} is not a real date: "
        + (
            "there is no year 0000"
            if year < datetime.MINYEAR
            else f"there is no month {month:02d}"
            if not 1 <= month <= 12
            else f"{calendar.month_name[month]} {year:04d} has {last} days"
            f" ({year:04d} is not a leap year)"
            if month == 2 and day == 29
            else f"{calendar.month_name[month]} {year:04d} has {last} days"
        ),
        value,
        rule="NIP-BIRTH-DATE",
        fix="check the first 8 digits against the employee's date of birth",
    )


def _check(digits: object, value: object) -> str:
    """Validate ``digits`` (the 18 digits) and return them; errors report ``value``."""
    if not isinstance(digits, str):
        raise _fail(
            f"a NIP or NI PPPK must be given as text, not as {type(digits).__name__}",
            value,
            rule="NIP-FORMAT",
            fix=f"pass the 18 digits as a string, for example {_EXAMPLE_PNS!r}",
        )
    if _DIGITS.fullmatch(digits) is None:
        found = sum(1 for char in digits if "0" <= char <= "9")
        others = len(digits) - found
        raise _fail(  # each plural form written whole, for the catalogues (issue 14)
            "a NIP or NI PPPK has exactly 18 digits (0-9) and nothing else; "
            + (f"found {found} digit" if found == 1 else f"found {found} digits")
            + (
                ""
                if not others
                else f" and {others} other character"
                if others == 1
                else f" and {others} other characters"
            ),
            value,
            rule="NIP-FORMAT",
            fix="copy the number again from the SK or the employee's record; it has 18 digits",
        )
    _check_birth_date(digits, value)
    if digits[12] == _PPPK_CODE:
        if digits[13] == "0":
            raise _fail(
                "in a NI PPPK (digit 13 is '2') digit 14 counts the work agreements "
                "(perjanjian kerja) and must be 1-9; found 0",
                value,
                rule="NIP-PPPK-CONTRACT",
                fix="check digit 14 against the NI PPPK on the employee's SK",
            )
    elif not 1 <= int(digits[12:14]) <= 12:
        raise _fail(
            f"in a NIP (PNS) digits 13-14 must be the month of first appointment (TMT), "
            f"01-12, but found {digits[12:14]}; a NI PPPK would have '2' in position 13",
            value,
            rule="NIP-APPOINTMENT-MONTH",
            fix="check digits 9-14 (year and month of appointment as CPNS) against the SK",
        )
    if digits[14] not in _SEX_CODES:
        raise _fail(
            f"digit 15 must be the sex code, 1 (male) or 2 (female); found {digits[14]}",
            value,
            rule="NIP-SEX",
            fix="check digit 15 against the employee's record",
        )
    if digits[15:18] == "000":
        raise _fail(
            "digits 16-18 must be a sequence number 001-999; found 000",
            value,
            rule="NIP-SEQUENCE",
            fix="check the last 3 digits against the employee's record",
        )
    return digits


def _validate_digits(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    # Typed ``str`` for attrs; at run time anything may arrive, and _check refuses non-str.
    _check(value, value)


def _breaks(text: str) -> tuple[str, set[int]] | None:
    """Split ``text`` on separators: the digits and the positions of the breaks."""
    parts = _SEPARATOR.split(text)
    if len(parts) == 1:
        return text, set()
    positions: set[int] = set()
    count = 0
    for part in parts[:-1]:
        if not part:
            return None
        count += len(part)
        positions.add(count)
    if not parts[-1]:
        return None
    return "".join(parts), positions


@attrs.frozen(order=True)
class Nip:
    """An 18-digit *Nomor Induk Pegawai* (NIP, PNS) or *Nomor Induk PPPK* (NI PPPK).

    Sources: Perka BKN 22/2007 and 43/2007 for the NIP PNS [S35][S35b][S35c]; the NI PPPK
    format per BKN [S35c]. ``digits`` is validated on construction, so ``Nip("...")`` never
    builds a half-valid object; use :meth:`parse` for text typed by people (spaces or hyphens
    between the groups). Instances are immutable, hashable and ordered by their digits.

    Raises:
        NipError: when the number breaks one of the rules in the module docstring.
    """

    digits: str = attrs.field(validator=_validate_digits)
    """The 18 ASCII digits, without separators."""

    def __repr__(self) -> str:
        return attrs_repr(self)

    @classmethod
    def parse(cls, text: str) -> Nip:
        """Read a NIP or NI PPPK written with or without separators.

        Leading and trailing whitespace is removed. Spaces or hyphens may stand between the
        groups of the official layout only: ``19860926 201505 1 001`` (NIP PNS, Perka BKN
        22/2007 and 43/2007 [S35b]) or ``20001231 2024 2 1 1 001`` (NI PPPK [S35c]).

        Raises:
            NipError: if ``text`` is not a string or is not a valid number.
        """
        value: Any = text
        if not isinstance(value, str):
            _check(value, value)
        stripped = text.strip()
        split = _breaks(stripped)
        if split is None:
            raise _fail(
                "separators may only stand between two groups of digits",
                text,
                rule="NIP-FORMAT",
                fix=f"write the 18 digits, for example {_EXAMPLE_PNS!r}",
            )
        digits, positions = split
        if _DIGITS.fullmatch(digits) is not None:
            pppk = digits[12] == _PPPK_CODE
            if not positions <= (_PPPK_BREAKS if pppk else _PNS_BREAKS):
                layout = "YYYYMMDD YYYY 2 F G NNN" if pppk else "YYYYMMDD YYYYMM G NNN"
                raise _fail(
                    f"spaces or hyphens may only separate the groups {layout}",
                    text,
                    rule="NIP-FORMAT",
                    fix=f"write the 18 digits without separators, for example {digits!r}",
                )
        _check(digits, text)
        return cls(digits)

    @property
    def kind(self) -> NipKind:
        """PNS (NIP) or PPPK (NI PPPK): PPPK when digit 13 is ``2`` [S35c]."""
        return NipKind.PPPK if self.digits[12] == _PPPK_CODE else NipKind.PNS

    @property
    def birth_date(self) -> datetime.date:
        """The date of birth (*tanggal lahir*), digits 1-8 (YYYYMMDD) [S35b]."""
        d = self.digits
        return datetime.date(int(d[0:4]), int(d[4:6]), int(d[6:8]))

    @property
    def appointment_year(self) -> int:
        """Year of first appointment, digits 9-12: as CPNS (PNS) or calon PPPK [S35b][S35c]."""
        return int(self.digits[8:12])

    @property
    def appointment_month(self) -> int | None:
        """Month of first appointment as CPNS (TMT), digits 13-14, for a PNS; None for a PPPK.

        The TMT day is always the 1st [S35].
        """
        if self.kind is NipKind.PPPK:
            return None
        return int(self.digits[12:14])

    @property
    def contract_count(self) -> int | None:
        """For a PPPK, the number of work agreements (*jumlah perjanjian kerja*, digit 14,
        1-9) [S35c]; None for a PNS."""
        if self.kind is NipKind.PNS:
            return None
        return int(self.digits[13])

    @property
    def sex(self) -> Sex:
        """Sex (*jenis kelamin*), digit 15: 1 male, 2 female [S35b]."""
        return _SEX_CODES[self.digits[14]]

    @property
    def sequence(self) -> int:
        """Sequence number (*nomor urut*), digits 16-18, 1-999 [S35]."""
        return int(self.digits[15:18])

    def formatted(self) -> str:
        """The number split into its groups, for display.

        NIP PNS ``19860926 201505 1 001`` (Perka BKN 22/2007 and 43/2007 [S35b]); NI PPPK
        ``20001231 2024 2 1 1 001`` [S35c]. :meth:`parse` reads this form back.
        """
        d = self.digits
        if self.kind is NipKind.PPPK:
            return f"{d[0:8]} {d[8:12]} {d[12]} {d[13]} {d[14]} {d[15:18]}"
        return f"{d[0:8]} {d[8:14]} {d[14]} {d[15:18]}"

    def __str__(self) -> str:
        """The 18 digits, without separators (how the NIP is written officially [S35b])."""
        return self.digits
