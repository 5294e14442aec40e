"""PP 46/2011 + Perka BKN 1/2013 -- the legacy *penilaian prestasi kerja* (2014 to June 2021).

The rule set that agencies still use to recompute old years (promotions, angka kredit
integration, audits), and that thousands of spreadsheets still run, often wrongly (binary
floats at the 24 % boundary, swapped variables; regulations digest §9).

Exactness (decision D5): the formulas divide by 3, 6, TW, TB..., so intermediate values often
do not terminate in decimal (85.458333...). The chain is computed with exact rationals
(integer pairs (numerator, denominator), never ``float``), comparisons with the thresholds
are exact, and each value is stored once as a :class:`~decimal.Decimal` of 28 significant
digits (half-up, :data:`~asn_performance._kit.exact.CONTEXT`). So a value that is exactly
76.195 shows as 76.20, whereas carrying 28-digit decimals from step to step can give
76.19499... and show 76.19.

The chain, each part recorded as a :class:`~asn_performance.domain.explanation.Step`:

1. per activity (*kegiatan tugas jabatan*), four aspects (:func:`assess_activity`):
   kuantitas = RO/TO × 100, kualitas = RK/TK × 100, waktu and biaya with the 1.76 formula and
   the 24 % efficiency boundary (:func:`time_cost_value`); biaya is optional;
2. the activity value (*nilai capaian kegiatan*) = the mean of its 3 or 4 aspects;
3. the SKP value (*nilai capaian SKP*) = the mean of the activities plus the points for
   *tugas tambahan* and *kreativitas* (:func:`assess_skp`; library decision D7, configurable
   with :class:`Pp46Config`, UNCONFIRMED against the Perka text);
4. *perilaku kerja* = the mean of 5 aspects, or 6 with *kepemimpinan* for holders of a
   structural position (:func:`assess_behaviour`; decision D8);
5. *nilai prestasi kerja* = 60 % SKP + 40 % perilaku (:func:`work_achievement`); two SKPs in
   one year are averaged first (simple mean, BKN Kanreg XII);
6. the predikat by the bands of decision D6 (:func:`predikat_for`), and its conversion to the
   2022 scale (:func:`to_2022`).

Sources: PP 46/2011; Perka BKN 1/2013 (Lampiran, as reproduced in BKN training material);
see ``docs/explanation/regime-pp46-2011.md`` for the citations and worked examples.

The package holds one module per part of the chain, each with its tables, its functions and
the rules it records: :mod:`.capaian` (1-2), :mod:`.skp` (3, two SKPs in a year),
:mod:`.perilaku` (4), :mod:`.prestasi` (5), :mod:`.predikat` (6), and :mod:`.config` (the D7
choices).
"""

from asn_performance.domain.explanation import Rule
from asn_performance.regimes.pp_46_2011 import capaian, perilaku, predikat, prestasi, skp
from asn_performance.regimes.pp_46_2011.capaian import (
    EFFICIENCY_LIMIT,
    NT,
    Activity,
    ActivityResult,
    assess_activity,
    efficiency,
    quality_value,
    quantity_value,
    time_cost_value,
    within_efficiency_limit,
)
from asn_performance.regimes.pp_46_2011.config import (
    DEFAULT_CONFIG,
    KREATIVITAS_POINTS,
    TUGAS_TAMBAHAN_TIERS,
    CreativityLevel,
    Pp46Config,
)
from asn_performance.regimes.pp_46_2011.perilaku import (
    BehaviourAspect,
    BehaviourResult,
    BehaviourScores,
    assess_behaviour,
)
from asn_performance.regimes.pp_46_2011.predikat import (
    PREDIKAT_BANDS,
    TO_2022,
    Pp46Predikat,
    conversion_step,
    predikat_for,
    to_2022,
)
from asn_performance.regimes.pp_46_2011.prestasi import (
    BEHAVIOUR_WEIGHT,
    SKP_WEIGHT,
    Pp46Result,
    work_achievement,
)
from asn_performance.regimes.pp_46_2011.skp import (
    SkpResult,
    assess_skp,
    average_skp_values,
    creativity_levels,
    creativity_points,
    tugas_tambahan_points,
)

__all__ = [
    "BEHAVIOUR_WEIGHT",
    "DEFAULT_CONFIG",
    "EFFICIENCY_LIMIT",
    "KREATIVITAS_POINTS",
    "NT",
    "PP46_RULES",
    "PREDIKAT_BANDS",
    "RULES",
    "SKP_WEIGHT",
    "TO_2022",
    "TUGAS_TAMBAHAN_TIERS",
    "Activity",
    "ActivityResult",
    "BehaviourAspect",
    "BehaviourResult",
    "BehaviourScores",
    "CreativityLevel",
    "Pp46Config",
    "Pp46Predikat",
    "Pp46Result",
    "SkpResult",
    "assess_activity",
    "assess_behaviour",
    "assess_skp",
    "average_skp_values",
    "conversion_step",
    "creativity_levels",
    "creativity_points",
    "efficiency",
    "predikat_for",
    "quality_value",
    "quantity_value",
    "time_cost_value",
    "to_2022",
    "tugas_tambahan_points",
    "within_efficiency_limit",
    "work_achievement",
]

#: Every rule of the regime, in the order of the chain (gathered by
#: :mod:`asn_performance.services.rulebook`).
RULES: tuple[Rule, ...] = (
    *capaian.RULES,
    *skp.RULES,
    *perilaku.RULES,
    *prestasi.RULES,
    *predikat.RULES,
)
PP46_RULES = RULES
