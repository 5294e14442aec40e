"""PP 30/2019 + PermenPANRB 8/2021 -- the numeric regime of July to December 2021.

The chain, each part recorded as a :class:`~asn_performance.domain.explanation.Step`:

1. *capaian IKI* (:func:`capaian`, :func:`assess_iki`): realisasi / target × 100 % (normal),
   or (1 + (1 − realisasi / target)) × 100 % where a lower realisation is better; a ranged
   target uses its upper bound when the realisation is above it and its lower bound when
   below (PermenPANRB 8/2021 Lampiran, BAB VI A.1.b.1)(e) and (g) [S13 p.99, p.110]);
2. the capaian rounded to a whole percent, half-up (library decision D13), which gives both
   the *kategori* and the *nilai capaian IKI* from :data:`NILAI_CAPAIAN_TABLE` (Lampiran
   (d)-(i) [S13 p.101]; the 101-110 % interpolation is decision D9);
3. *nilai SKP* = nilai kinerja utama (weighted RHK utama) + nilai kinerja tambahan (k × bobot
   × nilai, capped at 10) (:func:`assess_skp`; Lampiran BAB VI A.1.b.3)-4) [S13b p.95-96]);
4. *nilai kinerja* = 70 % SKP + 30 % perilaku, or 60 % + 40 % where the instansi assesses
   behaviour with the opinion of peers and direct subordinates (PP 30/2019 Pasal 41(2)-(4)
   [S10]) (:func:`performance_value`);
5. the predikat of Pasal 41(5), Sangat Baik only with an innovation, and its conversion to
   the 2022 scale (Cukup → Butuh Perbaikan).

Exactness (decision D5): capaian such as 93/95 and the interpolations (10/9, 49/59) do not
terminate in decimal. The chain is computed with exact rationals (integer pairs (numerator,
denominator), never ``float``), every comparison with a threshold is exact, and each value
is stored once as a :class:`~decimal.Decimal` of 28 significant digits, half-up
(:data:`~asn_performance._kit.exact.CONTEXT`). See
``docs/explanation/regime-permenpanrb-8-2021.md``.

The package holds one module per part of the chain, each with its tables, its functions and
the rules it records: :mod:`.capaian_iki` (1, and the rounding of 2), :mod:`.nilai` (2),
:mod:`.skp` (3) and :mod:`.predikat` (4-5).
"""

from asn_performance.domain.explanation import Rule
from asn_performance.regimes.permenpanrb_8_2021 import capaian_iki as _capaian_rules
from asn_performance.regimes.permenpanrb_8_2021 import nilai, predikat, skp
from asn_performance.regimes.permenpanrb_8_2021.capaian_iki import (
    capaian,
    exact_capaian,
    round_capaian,
    target_used,
)
from asn_performance.regimes.permenpanrb_8_2021.nilai import (
    NILAI_CAPAIAN_TABLE,
    Band,
    IkiResult,
    Pp30Predikat,
    assess_iki,
    nilai_capaian,
)
from asn_performance.regimes.permenpanrb_8_2021.predikat import (
    KINERJA_WEIGHTS,
    PREDIKAT_THRESHOLDS,
    TO_2022,
    KinerjaResult,
    conversion_step,
    performance_value,
    predikat_for,
    to_2022,
)
from asn_performance.regimes.permenpanrb_8_2021.skp import (
    TAMBAHAN_CAP,
    TAMBAHAN_K,
    SkpResult,
    TambahanScore,
    TambahanWork,
    UtamaScore,
    UtamaWork,
    assess_skp,
    skp_value,
)

__all__ = [
    "KINERJA_WEIGHTS",
    "NILAI_CAPAIAN_TABLE",
    "PERMENPANRB_8_2021_RULES",
    "PREDIKAT_THRESHOLDS",
    "RULES",
    "TAMBAHAN_CAP",
    "TAMBAHAN_K",
    "TO_2022",
    "Band",
    "IkiResult",
    "KinerjaResult",
    "Pp30Predikat",
    "SkpResult",
    "TambahanScore",
    "TambahanWork",
    "UtamaScore",
    "UtamaWork",
    "assess_iki",
    "assess_skp",
    "capaian",
    "conversion_step",
    "exact_capaian",
    "nilai_capaian",
    "performance_value",
    "predikat_for",
    "round_capaian",
    "skp_value",
    "target_used",
    "to_2022",
]

#: Every rule of the regime, in the order of the chain (gathered by
#: :mod:`asn_performance.services.rulebook`).
RULES: tuple[Rule, ...] = (
    *_capaian_rules.RULES,
    *nilai.RULES,
    *skp.RULES,
    *predikat.RULES,
)
PERMENPANRB_8_2021_RULES = RULES
