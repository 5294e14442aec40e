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

from asn_performance._kit.labels import Labelled

__all__ = ["OrganisationPredikat", "Predikat", "Rating"]


class Rating(Labelled):
    """A rating of hasil kerja or perilaku kerja (PermenPANRB 6/2022; SE MenPANRB 3/2023).

    Ordered: ``Rating.DI_BAWAH < Rating.SESUAI < Rating.DI_ATAS``.
    """

    DI_BAWAH = "di_bawah_ekspektasi"
    SESUAI = "sesuai_ekspektasi"
    DI_ATAS = "di_atas_ekspektasi"

    @classmethod
    def _labels(cls) -> Mapping[Rating, tuple[str, str]]:
        return _RATING_LABELS

    @classmethod
    def _synonyms(cls) -> Mapping[str, Rating]:
        return {
            "dibawah ekspektasi": cls.DI_BAWAH,
            "di bawah": cls.DI_BAWAH,
            "below": cls.DI_BAWAH,
            "sesuai": cls.SESUAI,
            "meets expectations": cls.SESUAI,
            "diatas ekspektasi": cls.DI_ATAS,
            "di atas": cls.DI_ATAS,
            "above": cls.DI_ATAS,
            "exceeds expectations": cls.DI_ATAS,
        }

    @classmethod
    def _noun(cls) -> str:
        return "rating"

    @property
    def rank(self) -> int:
        """0 for Di Bawah, 1 for Sesuai, 2 for Di Atas Ekspektasi (an order, not a score)."""
        return self.position  # defined from Di Bawah to Di Atas

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
    def _labels(cls) -> Mapping[Predikat, tuple[str, str]]:
        return _PREDIKAT_LABELS

    @classmethod
    def _synonyms(cls) -> Mapping[str, Predikat]:
        return {
            "perlu perbaikan": cls.BUTUH_PERBAIKAN,
            "cukup": cls.BUTUH_PERBAIKAN,
            "cukup/butuh perbaikan": cls.BUTUH_PERBAIKAN,
            "butuh perbaikan/cukup": cls.BUTUH_PERBAIKAN,
            "kurang": cls.KURANG,
            "misconduct": cls.KURANG,
            "kurang misconduct": cls.KURANG,
        }

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
    def _labels(cls) -> Mapping[OrganisationPredikat, tuple[str, str]]:
        return _ORG_LABELS

    @classmethod
    def _synonyms(cls) -> Mapping[str, OrganisationPredikat]:
        return {"cukup": cls.BUTUH_PERBAIKAN, "perlu perbaikan": cls.BUTUH_PERBAIKAN}

    @classmethod
    def _noun(cls) -> str:
        return "organisation predikat"


_RATING_LABELS: Mapping[Rating, tuple[str, str]] = {
    Rating.DI_BAWAH: ("Di Bawah Ekspektasi", "Below expectations"),
    Rating.SESUAI: ("Sesuai Ekspektasi", "As expected"),
    Rating.DI_ATAS: ("Di Atas Ekspektasi", "Above expectations"),
}
_PREDIKAT_LABELS: Mapping[Predikat, tuple[str, str]] = {
    Predikat.SANGAT_BAIK: ("Sangat Baik", "Very good"),
    Predikat.BAIK: ("Baik", "Good"),
    Predikat.BUTUH_PERBAIKAN: ("Butuh Perbaikan", "Needs improvement"),
    Predikat.KURANG: ("Kurang/Misconduct", "Poor/Misconduct"),
    Predikat.SANGAT_KURANG: ("Sangat Kurang", "Very poor"),
}
_ORG_LABELS: Mapping[OrganisationPredikat, tuple[str, str]] = {
    OrganisationPredikat.ISTIMEWA: ("Istimewa", "Outstanding"),
    OrganisationPredikat.BAIK: ("Baik", "Good"),
    OrganisationPredikat.BUTUH_PERBAIKAN: ("Butuh Perbaikan", "Needs improvement"),
    OrganisationPredikat.KURANG: ("Kurang", "Poor"),
    OrganisationPredikat.SANGAT_KURANG: ("Sangat Kurang", "Very poor"),
}
