"""PermenPANRB 6/2022 -- the current regime's tables and pure rules.

* :data:`PREDIKAT_MATRIX` -- the 3×3 matrix from (rating hasil kerja, rating perilaku kerja)
  to *predikat kinerja pegawai* (SE MenPANRB 3/2023 step 3: the pejabat penilai sets the
  predikat from the two ratings; the matrix is the one on the BKN e-Kinerja evaluation form,
  identical in at least eight independent implementations).
* :data:`UNIT_HEAD_RATING` -- the rating hasil kerja of a unit head from the organisation's
  capaian kinerja (SE MenPANRB 3/2023; the exact mapping is library decision D3).
* :func:`summarise_periodic` -- a **non-normative** summary of periodic predikat (D1).

Each table is a frozen mapping that a reader can hold against the regulation line by line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Final

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.rating import OrganisationPredikat, Predikat, Rating
from asn_performance.exceptions import InputError

__all__ = [
    "PREDIKAT_MATRIX",
    "UNIT_HEAD_RATING",
    "predikat_for",
    "summarise_periodic",
    "unit_head_rating",
]


#: The rules of this module: the matrix, the unit-head rule (D3) and the periodic summary (D1).
RULES: tuple[Rule, ...] = (
    Rule(
        "D3-UNIT-HEAD",
        "A unit head's rating hasil kerja is the organisation's capaian kinerja",
        'SE MenPANRB 3/2023: "capaian kinerja satuan organisasi yang dipimpin ditetapkan'
        ' sebagai rating hasil kerja pegawai yang bersangkutan"; the five-to-three mapping is'
        " library decision D3 (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "6/2022-MATRIX",
        "Predikat kinerja pegawai from the two ratings (3x3 matrix)",
        "SE MenPANRB 3/2023 step 3; the 3x3 matrix of the BKN e-Kinerja evaluation form,"
        " identical in at least eight independent implementations",
    ),
    Rule(
        "D1-PERIODIC-SUMMARY",
        "Summary of periodic predikat (non-normative helper)",
        "Library decision D1: no national rule derives the annual predikat from periodic ones",
        normative=False,
    ),
)
_RULE = rules_by_id(RULES)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.D1-PERIODIC-SUMMARY.note": (
            "non-normative: the annual predikat is the pejabat penilai's own evaluation"
        ),
    }
)


_A, _S, _B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH

#: (rating hasil kerja, rating perilaku kerja) -> predikat kinerja pegawai.
#: SE MenPANRB 3/2023 step 3; BKN e-Kinerja evaluation form. Rows: hasil kerja; columns: perilaku.
PREDIKAT_MATRIX: Mapping[tuple[Rating, Rating], Predikat] = FrozenMap(
    {
        # hasil Di Atas Ekspektasi
        (_A, _B): Predikat.KURANG,
        (_A, _S): Predikat.BAIK,
        (_A, _A): Predikat.SANGAT_BAIK,
        # hasil Sesuai Ekspektasi
        (_S, _B): Predikat.KURANG,
        (_S, _S): Predikat.BAIK,
        (_S, _A): Predikat.BAIK,
        # hasil Di Bawah Ekspektasi
        (_B, _B): Predikat.SANGAT_KURANG,
        (_B, _S): Predikat.BUTUH_PERBAIKAN,
        (_B, _A): Predikat.BUTUH_PERBAIKAN,
    }
)

#: Organisation predikat -> rating hasil kerja of the unit's head (SE MenPANRB 3/2023;
#: mapping: library decision D3, configurable by passing another mapping).
UNIT_HEAD_RATING: Mapping[OrganisationPredikat, Rating] = FrozenMap(
    {
        OrganisationPredikat.ISTIMEWA: Rating.DI_ATAS,
        OrganisationPredikat.BAIK: Rating.SESUAI,
        OrganisationPredikat.BUTUH_PERBAIKAN: Rating.DI_BAWAH,
        OrganisationPredikat.KURANG: Rating.DI_BAWAH,
        OrganisationPredikat.SANGAT_KURANG: Rating.DI_BAWAH,
    }
)


def predikat_for(hasil_kerja: Rating, perilaku_kerja: Rating) -> Predikat:
    """The predikat kinerja pegawai for two ratings (SE MenPANRB 3/2023 step 3).

    Behaviour below expectation gives at most Kurang/Misconduct; Sangat Baik needs both
    ratings above expectation.
    """
    return PREDIKAT_MATRIX[(hasil_kerja, perilaku_kerja)]


def matrix_step(hasil_kerja: Rating, perilaku_kerja: Rating) -> tuple[Predikat, Step]:
    """Apply the matrix and record the step (rule ``6/2022-MATRIX``)."""
    predikat = PREDIKAT_MATRIX[(hasil_kerja, perilaku_kerja)]
    step = Step(
        _RULE["6/2022-MATRIX"],
        "predikat",
        (
            ("rating hasil kerja", hasil_kerja.label_id),
            ("rating perilaku kerja", perilaku_kerja.label_id),
        ),
        predikat.label_id,
    )
    return predikat, step


def unit_head_rating(
    organisation: OrganisationPredikat,
    mapping: Mapping[OrganisationPredikat, Rating] = UNIT_HEAD_RATING,
) -> Rating:
    """The rating hasil kerja of the head of a unit whose capaian kinerja is ``organisation``.

    SE MenPANRB 3/2023: "Apabila pimpinan organisasi adalah pegawai yang dievaluasi, maka
    capaian kinerja satuan organisasi yang dipimpin ditetapkan sebagai rating hasil kerja
    pegawai yang bersangkutan". The five-to-three mapping is library decision D3.
    """
    return mapping[organisation]


def summarise_periodic(predikat: Iterable[Predikat]) -> tuple[Predikat, tuple[Step, ...]]:
    """NON-NORMATIVE: the most frequent periodic predikat, ties going to the lower one.

    Library decision D1: PermenPANRB 6/2022 makes the annual evaluation its own judgement by
    the pejabat penilai; no national rule derives it from periodic predikat. This helper
    exists for dashboards and for a pejabat penilai who wants a summary to start from. It is
    never used by :func:`~asn_performance.appraise`. Ties go to the lower predikat, so the
    summary never flatters.

    Raises:
        ValueError: when ``predikat`` is empty.
    """
    if isinstance(predikat, (str, bytes)) or not isinstance(predikat, Iterable):
        raise InputError(
            "periodic predikat must be given as a list",
            path="predikat",
            value=predikat,
            rule="D1-PERIODIC-SUMMARY",
            fix="pass a list such as [Predikat.BAIK, 'sangat_baik']",
        )
    items = tuple(Predikat.parse(p, field=f"predikat[{i}]") for i, p in enumerate(predikat))
    if not items:
        raise InputError(
            "there are no periodic predikat to summarise",
            path="predikat",
            value=[],
            rule="D1-PERIODIC-SUMMARY",
            fix="pass at least one periodic predikat",
        )
    counts = Counter(items)
    best = max(counts.items(), key=lambda item: (item[1], -item[0].rank))[0]
    step = Step(
        _RULE["D1-PERIODIC-SUMMARY"],
        "predikat",
        tuple((p.label_id, str(counts[p])) for p in sorted(counts, key=lambda p: -p.rank)),
        best.label_id,
        "non-normative: the annual predikat is the pejabat penilai's own evaluation",
    )
    return best, (step,)
