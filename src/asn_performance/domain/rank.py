"""Rank: the *golongan ruang* and *pangkat* of a PNS, and the *golongan* of a PPPK.

**PNS** -- PP 99/2000 tentang Kenaikan Pangkat PNS as amended by PP 12/2002, Lampiran: seventeen
*golongan ruang* from I/a to IV/e, each with its *pangkat* (Juru Muda, I/a ... Pembina Utama,
IV/e). The Lampiran itself was not seen; the names and the order are those printed alike by
several public sources (recorded in ``docs/explanation/career.md``, section "Sources"), among
them Permenhan 41/2014 Pasal 52 on pasal.id, which names the ruang with their pangkat. The
order is the order of promotion: *kenaikan pangkat* is to the next ruang (*setingkat lebih
tinggi*), so :attr:`Golongan.next` of IV/e is ``None``.

**PPPK** -- golongan I to XVII (Perpres 98/2020 tentang Gaji dan Tunjangan PPPK, Lampiran):
UNCONFIRMED. Our sources confirm that Perpres 98/2020 sets the salary of a PPPK, but no text
seen lists the seventeen golongan; the grades are modelled as the numbering agencies print and
stay flagged (:attr:`GolonganPppk.confirmed` is ``False``).

Both enums are :class:`~asn_performance._kit.labels.Labelled` (decision D12: whole labels only,
never a substring, so "Pembina Utama" is not "Pembina Utama Muda") and ordered: ``<``, ``<=``,
``>``, ``>=`` compare the rank within one enum.
"""

from __future__ import annotations

from typing import Final, Self

from asn_performance._kit.labels import Labelled, Labels

__all__ = ["PPPK_GRADES_CONFIRMED", "Golongan", "GolonganPppk"]

#: Whether the seventeen PPPK golongan are confirmed by a text we have seen: no (UNCONFIRMED).
PPPK_GRADES_CONFIRMED: Final = False

_ARABIC: Final = {"I": "1", "II": "2", "III": "3", "IV": "4"}

#: PP 99/2000 Lampiran as amended by PP 12/2002 (see the module docstring): code, pangkat,
#: English name, in the order of promotion.
_PNS_TABLE: Final[tuple[tuple[str, str, str], ...]] = (
    ("I/a", "Juru Muda", "Junior clerk"),
    ("I/b", "Juru Muda Tingkat I", "Junior clerk, first grade"),
    ("I/c", "Juru", "Clerk"),
    ("I/d", "Juru Tingkat I", "Clerk, first grade"),
    ("II/a", "Pengatur Muda", "Junior administrator"),
    ("II/b", "Pengatur Muda Tingkat I", "Junior administrator, first grade"),
    ("II/c", "Pengatur", "Administrator"),
    ("II/d", "Pengatur Tingkat I", "Administrator, first grade"),
    ("III/a", "Penata Muda", "Junior officer"),
    ("III/b", "Penata Muda Tingkat I", "Junior officer, first grade"),
    ("III/c", "Penata", "Officer"),
    ("III/d", "Penata Tingkat I", "Officer, first grade"),
    ("IV/a", "Pembina", "Senior officer"),
    ("IV/b", "Pembina Tingkat I", "Senior officer, first grade"),
    ("IV/c", "Pembina Utama Muda", "Junior principal officer"),
    ("IV/d", "Pembina Utama Madya", "Middle principal officer"),
    ("IV/e", "Pembina Utama", "Principal officer"),
)
_PANGKAT: Final = {code: pangkat for code, pangkat, _en in _PNS_TABLE}


def _pangkat_spellings(pangkat: str) -> tuple[str, ...]:
    """The pangkat and its usual abbreviations of "Tingkat I" (Tk. I, Tk.I, Tk I, Tingkat 1)."""
    if not pangkat.endswith(" Tingkat I"):
        return (pangkat,)
    stem = pangkat.removesuffix(" Tingkat I")
    return (pangkat, f"{stem} Tk. I", f"{stem} Tk.I", f"{stem} Tk I", f"{stem} Tingkat 1")


def _pns_row(code: str, pangkat: str, english: str) -> Labels:
    roman, letter = code.split("/")
    arabic = _ARABIC[roman]
    spellings = (
        f"{roman} {letter}",
        f"{roman}{letter}",
        f"{arabic}{letter}",
        f"{arabic}/{letter}",
        f"{arabic} {letter}",
        *_pangkat_spellings(pangkat),
        f"{pangkat} {code}",
        f"{pangkat} ({code})",
    )
    return Labels(f"{pangkat}, {code}", f"{english}, {code}", spellings)


class _Ranked(Labelled):
    """A labelled enum ordered by its members' order (rank)."""

    @property
    def rank(self) -> int:
        """The rank: 0 for the lowest, counting up in the order of promotion."""
        return self.position

    @property
    def next(self) -> Self | None:
        """The next higher member (*setingkat lebih tinggi*); ``None`` for the highest."""
        members = list(type(self))
        index = self.position + 1
        return members[index] if index < len(members) else None

    def _other(self, other: object) -> int | None:
        return other.position if type(other) is type(self) else None

    def __lt__(self, other: object) -> bool:
        rank = self._other(other)
        return NotImplemented if rank is None else self.position < rank

    def __le__(self, other: object) -> bool:
        rank = self._other(other)
        return NotImplemented if rank is None else self.position <= rank

    def __gt__(self, other: object) -> bool:
        rank = self._other(other)
        return NotImplemented if rank is None else self.position > rank

    def __ge__(self, other: object) -> bool:
        rank = self._other(other)
        return NotImplemented if rank is None else self.position >= rank


class Golongan(_Ranked):
    """*Golongan ruang* of a PNS with its *pangkat* (PP 99/2000 Lampiran, as amended by PP
    12/2002): I/a (Juru Muda) to IV/e (Pembina Utama), in the order of promotion.

    The code is the ruang (``"III/a"``); the Indonesian label is the pangkat and the ruang
    (``"Penata Muda, III/a"``). :meth:`parse` also reads ``"III a"``, ``"IIIa"``, ``"3a"``,
    ``"3/a"``, the pangkat alone (``"Penata Muda"``; "Tingkat I" also as ``"Tk. I"``) and
    ``"Penata Muda III/a"``, in any case -- never part of a label.
    """

    I_A = "I/a"
    I_B = "I/b"
    I_C = "I/c"
    I_D = "I/d"
    II_A = "II/a"
    II_B = "II/b"
    II_C = "II/c"
    II_D = "II/d"
    III_A = "III/a"
    III_B = "III/b"
    III_C = "III/c"
    III_D = "III/d"
    IV_A = "IV/a"
    IV_B = "IV/b"
    IV_C = "IV/c"
    IV_D = "IV/d"
    IV_E = "IV/e"

    @classmethod
    def _table(cls) -> dict[Golongan, Labels]:
        return {cls(code): _pns_row(code, pangkat, en) for code, pangkat, en in _PNS_TABLE}

    @property
    def pangkat(self) -> str:
        """The pangkat name (``"Penata Muda"`` for III/a)."""
        return _PANGKAT[self.code]

    @property
    def group(self) -> str:
        """The golongan, the roman numeral before the slash (``"III"`` for III/a)."""
        return self.code.split("/")[0]


_ROMAN: Final = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
)


def _pppk_row(number: int, roman: str) -> Labels:
    return Labels(
        f"Golongan {roman} (PPPK)",
        f"PPPK grade {roman}",
        (f"Golongan {roman}", f"Gol. {roman}", f"Golongan {number}", str(number)),
    )


class GolonganPppk(_Ranked):
    """*Golongan* of a PPPK, I to XVII (Perpres 98/2020, Lampiran) -- UNCONFIRMED: the list of
    grades is not in a text we have seen (see the module docstring).

    The code is the roman numeral (``"IX"``); :meth:`parse` also reads ``"Golongan IX"``,
    ``"Gol. IX"``, ``"Golongan 9"`` and ``"9"``.
    """

    I = "I"  # noqa: E741 - the grade's own name
    II = "II"
    III = "III"
    IV = "IV"
    V = "V"
    VI = "VI"
    VII = "VII"
    VIII = "VIII"
    IX = "IX"
    X = "X"
    XI = "XI"
    XII = "XII"
    XIII = "XIII"
    XIV = "XIV"
    XV = "XV"
    XVI = "XVI"
    XVII = "XVII"

    @classmethod
    def _table(cls) -> dict[GolonganPppk, Labels]:
        return {cls(roman): _pppk_row(n, roman) for n, roman in enumerate(_ROMAN, start=1)}

    @property
    def number(self) -> int:
        """The grade as a number, 1 to 17."""
        return self.position + 1

    @property
    def confirmed(self) -> bool:
        """Whether the grade is confirmed by a text we have seen: no (UNCONFIRMED)."""
        return PPPK_GRADES_CONFIRMED
