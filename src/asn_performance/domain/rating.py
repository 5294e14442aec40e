"""Ratings and predikat: the words the 2022 regime appraises with.

* :class:`Rating` -- *rating hasil kerja* and *rating perilaku kerja*: Di Atas / Sesuai / Di
  Bawah Ekspektasi (PermenPANRB 6/2022; SE MenPANRB 3/2023).
* :class:`Predikat` -- *predikat kinerja pegawai*: Sangat Baik, Baik, Butuh Perbaikan,
  Kurang/Misconduct, Sangat Kurang (PermenPANRB 6/2022; labels as in SE MenPANRB 3/2023 and
  the BKN e-Kinerja exports).
* :class:`OrganisationPredikat` -- *capaian kinerja organisasi*: Istimewa, Baik, Butuh
  Perbaikan, Kurang, Sangat Kurang (SE MenPANRB 3/2023, step 1).

Every member has a stable machine code (its ``value``), an Indonesian label and an English
label. ``parse`` accepts the code, either label and the documented synonyms (library decision
D12) after folding case, spaces, hyphens and underscores; it matches whole labels only, so
``"Baik"`` never matches ``"Sangat Baik"``.
"""

from __future__ import annotations

from collections.abc import Mapping

from asn_performance._kit.labels import Labelled, Labels

__all__ = ["OrganisationPredikat", "Predikat", "Rating"]


class Rating(Labelled):
    """A rating of hasil kerja or perilaku kerja (PermenPANRB 6/2022; SE MenPANRB 3/2023).

    Ordered: ``Rating.DI_BAWAH < Rating.SESUAI < Rating.DI_ATAS``.
    """

    DI_BAWAH = "di_bawah_ekspektasi"
    SESUAI = "sesuai_ekspektasi"
    DI_ATAS = "di_atas_ekspektasi"

    @classmethod
    def _table(cls) -> Mapping[Rating, Labels]:
        return _RATING_LABELS

    @classmethod
    def _noun(cls) -> str:
        return "rating"

    @property
    def label_id(self) -> str:
        """The Indonesian label, as printed on the official forms (read from the table
        directly: the explanation of every appraisal shows several)."""
        return _RATING_LABELS[self].label_id

    @property
    def position(self) -> int:
        """The member's index in the order the class defines (0 for Di Bawah): read from a
        table, since every comparison of two ratings reads it."""
        return _RATING_POSITION[self]

    @property
    def rank(self) -> int:
        """0 for Di Bawah, 1 for Sesuai, 2 for Di Atas Ekspektasi (an order, not a score)."""
        return _RATING_POSITION[self]  # defined from Di Bawah to Di Atas

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Rating):
            return NotImplemented
        return self.position < other.position

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Rating):
            return NotImplemented
        return self.position <= other.position

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Rating):
            return NotImplemented
        return self.position > other.position

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Rating):
            return NotImplemented
        return self.position >= other.position


class Predikat(Labelled):
    """*Predikat kinerja pegawai* (PermenPANRB 6/2022; SE MenPANRB 3/2023, step 3).

    Synonyms accepted by :meth:`parse` (decision D12): "Perlu Perbaikan" and "Cukup" (the
    word of PP 30/2019 Pasal 41(5)c and PermenPANRB 1/2023) for Butuh Perbaikan; "Kurang" and
    "Kurang/Misconduct" are the same predikat. Ordered from Sangat Kurang (lowest) to Sangat
    Baik (highest) by :attr:`rank`.
    """

    SANGAT_BAIK = "sangat_baik"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"

    @classmethod
    def _table(cls) -> Mapping[Predikat, Labels]:
        return _PREDIKAT_LABELS

    @property
    def label_id(self) -> str:
        """The Indonesian label, as printed on the official forms (read from the table
        directly: every appraisal shows its predikat)."""
        return _PREDIKAT_LABELS[self].label_id

    @classmethod
    def _noun(cls) -> str:
        return "predikat"

    @property
    def rank(self) -> int:
        """4 for Sangat Baik down to 0 for Sangat Kurang (an order, not a score)."""
        return len(Predikat) - 1 - self.position  # defined from Sangat Baik down


class OrganisationPredikat(Labelled):
    """*Capaian kinerja organisasi* (SE MenPANRB 3/2023, step 1).

    Set by the leader of the organisation above; it chooses the distribution curve and, for
    the unit's head, the rating hasil kerja (library decision D3).
    """

    ISTIMEWA = "istimewa"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"

    @classmethod
    def _table(cls) -> Mapping[OrganisationPredikat, Labels]:
        return _ORG_LABELS

    @classmethod
    def _noun(cls) -> str:
        return "organisation predikat"


_RATING_LABELS: Mapping[Rating, Labels] = {
    Rating.DI_BAWAH: Labels(
        "Di Bawah Ekspektasi", "Below expectations", ("dibawah ekspektasi", "di bawah", "below")
    ),
    Rating.SESUAI: Labels("Sesuai Ekspektasi", "As expected", ("sesuai", "meets expectations")),
    Rating.DI_ATAS: Labels(
        "Di Atas Ekspektasi",
        "Above expectations",
        ("diatas ekspektasi", "di atas", "above", "exceeds expectations"),
    ),
}
#: Each rating's index in the order the class defines: :attr:`Labelled.position`, as a table.
_RATING_POSITION: Mapping[Rating, int] = {rating: i for i, rating in enumerate(Rating)}
_PREDIKAT_LABELS: Mapping[Predikat, Labels] = {
    Predikat.SANGAT_BAIK: Labels("Sangat Baik", "Very good"),
    Predikat.BAIK: Labels("Baik", "Good"),
    Predikat.BUTUH_PERBAIKAN: Labels(
        "Butuh Perbaikan",
        "Needs improvement",
        ("perlu perbaikan", "cukup", "cukup/butuh perbaikan", "butuh perbaikan/cukup"),
    ),
    Predikat.KURANG: Labels(
        "Kurang/Misconduct", "Poor/Misconduct", ("misconduct", "kurang misconduct")
    ),
    Predikat.SANGAT_KURANG: Labels("Sangat Kurang", "Very poor"),
}
_ORG_LABELS: Mapping[OrganisationPredikat, Labels] = {
    OrganisationPredikat.ISTIMEWA: Labels("Istimewa", "Outstanding"),
    OrganisationPredikat.BAIK: Labels("Baik", "Good"),
    OrganisationPredikat.BUTUH_PERBAIKAN: Labels(
        "Butuh Perbaikan", "Needs improvement", ("cukup", "perlu perbaikan")
    ),
    OrganisationPredikat.KURANG: Labels("Kurang", "Poor"),
    OrganisationPredikat.SANGAT_KURANG: Labels("Sangat Kurang", "Very poor"),
}
