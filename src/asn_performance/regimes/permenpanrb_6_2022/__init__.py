"""PermenPANRB 6/2022 (with SE MenPANRB 3/2023): the current regime.

* :mod:`.matrix`: the 3×3 predikat matrix, the unit-head rule (D3) and the periodic summary (D1);
* :mod:`.appraisal`: :class:`Appraisal` and the engine :func:`appraise`;
* :mod:`.quantitative`: the optional suggested rating for a kuantitatif SKP.
"""

from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal, appraise
from asn_performance.regimes.permenpanrb_6_2022.matrix import (
    PREDIKAT_MATRIX,
    UNIT_HEAD_RATING,
    matrix_step,
    predikat_for,
    summarise_periodic,
    unit_head_rating,
)

__all__ = [
    "PREDIKAT_MATRIX",
    "UNIT_HEAD_RATING",
    "Appraisal",
    "appraise",
    "matrix_step",
    "predikat_for",
    "summarise_periodic",
    "unit_head_rating",
]
