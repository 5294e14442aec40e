"""Explanations: the ordered steps that produced a result, each with its rule and citation.

A :class:`Step` is recorded compactly while the engine runs (a rule id, the inputs as text
pairs, the output as text, an optional note); the rule's title and citation are looked up in
:data:`RULEBOOK` only when the explanation is rendered. That keeps a full explanation cheap
enough to record for every appraisal.

The rules are grouped by the module that records them: the engine's (``appraise`` and the
weighting policies), :data:`REWARD_RULES` (:mod:`asn_performance.consequences.reward`) and
:data:`CALIBRATION_RULES` (:mod:`asn_performance.consequences.distribution`). They are defined here, not in
those modules, so that :data:`RULEBOOK` holds every rule without importing them (they import
this module). An id appears in one group only.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from typing import NamedTuple

import attrs

__all__ = [
    "CALIBRATION_RULES",
    "LIFECYCLE_RULES",
    "PERMENPANRB_8_2021_RULES",
    "PP46_RULES",
    "QUANTITATIVE_RULES",
    "REGIME_RULES",
    "REWARD_RULES",
    "RULEBOOK",
    "SCHEDULE_RULES",
    "Explanation",
    "Rule",
    "Step",
]


class Rule(NamedTuple):
    """A rule the library applies: identifier, short title and citation."""

    id: str
    title: str
    citation: str
    normative: bool = True
    """False for the library's own decisions and an agency's configuration."""


#: The rules the engine records: ``appraise``, the weighting policies and the guards.
_ENGINE_RULES: tuple[Rule, ...] = (
    Rule(
        "6/2022-PERIOD",
        "Appraisal period",
        "PermenPANRB 6/2022 (evaluasi kinerja periodik dan tahunan); the periodic frequency is"
        " the instansi's choice",
    ),
    Rule(
        "6/2022-PEJABAT-PENILAI",
        "The pejabat penilai kinerja's assessment is required",
        "PermenPANRB 6/2022 (evaluasi kinerja by the pejabat penilai kinerja);"
        " SE MenPANRB 3/2023, step 3; requiring the assessment before appraising is a library"
        " guard",
        normative=False,
    ),
    Rule(
        "6/2022-FEEDBACK",
        "Continuous feedback and evidence cited",
        "PermenPANRB 6/2022 Pasal 5 (stage 2: pendokumentasian kinerja, umpan balik"
        " berkelanjutan); the entries dated inside the period are listed",
    ),
    Rule(
        "D2-SUPERVISOR-DECIDES",
        "The pejabat penilai kinerja's rating is the result",
        "PermenPANRB 6/2022; SE MenPANRB 3/2023 step 3; library decision D2 (no national"
        " weights for other sources exist)",
        normative=False,
    ),
    Rule(
        "D2-ADVISORY",
        "Other sources are advisory and recorded, not counted",
        "Library decision D2",
        normative=False,
    ),
    Rule(
        "W-WEIGHTED",
        "Weighted combination of sources (agency configuration)",
        "Agency policy under library decision D2; not a national rule",
        normative=False,
    ),
    Rule(
        "W-MISSING-SOURCE",
        "A missing source is not counted as zero; its weight is redistributed",
        "Library decision D2",
        normative=False,
    ),
    Rule(
        "G-ANONYMITY",
        "Anonymous input is withheld below the minimum number of responses",
        "Library guard (anonymity of peer and subordinate feedback); default minimum 3",
        normative=False,
    ),
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

#: The rules :mod:`asn_performance.consequences.reward` records (angka kredit, tunjangan kinerja, career,
#: recognition, development, consequences). Source tags ``[Sx]`` refer to the list in
#: ``docs/explanation/rewards.md``. ``normative=False`` marks the library's own decisions,
#: readings flagged UNCONFIRMED and an agency's configuration.
REWARD_RULES: tuple[Rule, ...] = (
    Rule(
        "AK-CONVERSION",
        "Angka kredit from the predikat (months/12 × percentage × koefisien)",
        "PermenPANRB 1/2023 Pasal 36 (150/100/75/50/25 %) [S16]; PerBKN 3/2023 (annual"
        " koefisien per jenjang; AK = jumlah bulan/12 × % predikat × koefisien) [S17][S18b]",
    ),
    Rule(
        "AK-ACCUMULATION",
        "Angka kredit accumulated over periods with full precision",
        "PerBKN 3/2023 (BKN technical slides: accumulation table, 18.75 + 2.08 = 20.83) [S17];"
        " full precision carried and shown to 2 places half-up: library decision D5 (the"
        " official rounding rule is UNCONFIRMED)",
    ),
    Rule(
        "AK-MINIMUM",
        "AK kumulatif minimal for kenaikan pangkat or jenjang",
        "PerBKN 3/2023, model konversi: AK kumulatif minimal per jenjang [S18b]",
    ),
    Rule(
        "TUKIN-PERFORMANCE",
        "Tunjangan kinerja: the performance share (predikat → percentage)",
        "The agency's allowance regulation (for Kemnaker: Permenaker 15/2024 Pasal 5;"
        " Kepsekjen Kemnaker 82/2025 Lampiran p.7); not a national rule",
        normative=False,
    ),
    Rule(
        "TUKIN-ATTENDANCE",
        "Tunjangan kinerja: the attendance share after cuts",
        "The agency's allowance regulation (for Kemnaker: Permenaker 15/2024 Pasal 5 and 13);"
        " the cap of the cuts at 100 % of the attendance share is a library decision",
        normative=False,
    ),
    Rule(
        "TUKIN-TOTAL",
        "Tunjangan kinerja paid in whole rupiah",
        "Library decision D5 (rupiah to whole rupiah, half-up); the total paid is the sum of"
        " the rounded components unless the policy says otherwise",
        normative=False,
    ),
    Rule(
        "CAREER-JENJANG",
        "Kenaikan jenjang JF needs predikat at least Baik in the last year",
        "PerBKN 3/2023 (summary) [S18]",
    ),
    Rule(
        "D11-PANGKAT-REGULER",
        "Kenaikan pangkat reguler needs predikat at least Baik in each of the last 2 years",
        "UNCONFIRMED: PP 11/2017 as amended by PP 17/2020 (text not seen); library decision D11",
        normative=False,
    ),
    Rule(
        "CAREER-SUCCESSION",
        "Sangat Baik two years in a row: priority for the succession pool",
        "PP 30/2019 (kelompok rencana suksesi and competence development) [S15]",
    ),
    Rule(
        "RECOGNITION",
        "Recognition of a top predikat (agency practice)",
        "PermenPANRB 6/2022 Pasal 5 (tindak lanjut: penghargaan dan sanksi) [S2][S5]; the forms"
        " (certificate, public recognition, training opportunity, incentive) are agency practice"
        " described in the regional reports (Batanghari, Sabang, Serang), not national law",
        normative=False,
    ),
    Rule(
        "DEVELOPMENT",
        "Development recommendation: what was rated Di Bawah Ekspektasi",
        "PermenPANRB 6/2022 Pasal 5 (pengembangan kinerja; tindak lanjut) [S2][S5]; BerAKHLAK"
        " values: SE MenPANRB 20/2021; the recommendation's content is the library's",
        normative=False,
    ),
    Rule(
        "PP30-TARGETS-NOT-MET",
        "Targets not met: 6 months to improve, reassignment, placement of at most 1 year,"
        " then a recommendation for honourable dismissal",
        "PP 30/2019 Pasal 56-58 [S11][S15d][S15e]; 'targets not met' read as rating hasil kerja"
        " Di Bawah Ekspektasi and the day counting are library decisions",
    ),
    Rule(
        "PEMBINAAN",
        "Kurang/Misconduct: pembinaan and, per the agency's policy, an administrative sanction",
        "PP 30/2019 Pasal 56 ('dapat dikenakan sanksi administrasi') [S15e]; regional report"
        " (Batanghari: pembinaan atau sanksi administratif); the sanction is the agency's policy",
        normative=False,
    ),
)

#: The rules :mod:`asn_performance.consequences.distribution` records (the SE MenPANRB 3/2023 distribution
#: check and decision D4). Source tags refer to ``docs/explanation/distribution-curve.md``.
CALIBRATION_RULES: tuple[Rule, ...] = (
    Rule(
        "SE3/2023-DISTRIBUTION",
        "Pola distribusi: limits on employee predikat from the organisation's predikat",
        "SE MenPANRB 3/2023 (Tata Cara Penetapan Predikat Kinerja Pegawai ASN), step 2"
        " [S3][S4][S4b]; PermenPANRB 6/2022 Pasal 24-25; PP 30/2019 Pasal 41(7)",
    ),
    Rule(
        "D4-ROUNDING",
        "Percent limits on small units: strict or lenient rounding",
        "Library decision D4 (the SE gives no rounding rule): strict by default -- a maximum"
        " of p % allows floor(p·n), a minimum of p % needs ceil(p·n)",
        normative=False,
    ),
)


_PERKA = "Perka BKN 1/2013 (ketentuan pelaksanaan PP 46/2011), Lampiran"

#: Rules of :mod:`asn_performance.regimes.pp_46_2011` (defined here so that one rulebook
#: holds every rule without an import cycle).
PP46_RULES: tuple[Rule, ...] = (
    Rule(
        "PP46-KUANTITAS",
        "Kuantitas = RO / TO × 100",
        f"{_PERKA}, penilaian capaian SKP (kuantitas) [S25][S26]",
    ),
    Rule(
        "PP46-KUALITAS",
        "Kualitas = RK / TK × 100",
        f"{_PERKA}, penilaian capaian SKP (kualitas) [S25][S26]",
    ),
    Rule(
        "PP46-WAKTU",
        "Waktu: 1.76 formula up to 24 % efficiency, the cukup-buruk formula above; not done = 0",
        f"{_PERKA}, penilaian capaian SKP (waktu) [S25][S26][S27]; NT = 1.76 derivation [S28]",
    ),
    Rule(
        "PP46-BIAYA",
        "Biaya: the waktu formulas with TB and RB (optional aspect)",
        f"{_PERKA}, penilaian capaian SKP (biaya) [S25][S26]",
    ),
    Rule(
        "PP46-KEGIATAN",
        "Nilai capaian kegiatan = sum of the aspects / 3 (no biaya) or / 4",
        f"{_PERKA}; BKN training spreadsheet [S26]",
    ),
    Rule(
        "PP46-TUGAS-TAMBAHAN",
        "Tugas tambahan points: 0 tasks 0, 1-3 tasks 1, 4-6 tasks 2, 7 or more 3",
        f"{_PERKA} (Penilaian Tugas Tambahan [S31]); values: library decision D7, agreed by"
        " several implementations, Perka text not seen (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "PP46-KREATIVITAS",
        "Kreativitas points: unit kerja 3, instansi 6, nasional 12, summed",
        f"{_PERKA} (Penilaian Kreativitas [S31]); values: library decision D7, agreed by"
        " several implementations, Perka text not seen (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "PP46-SKP",
        "Nilai capaian SKP = mean of the kegiatan + tugas tambahan + kreativitas (uncapped)",
        f"{_PERKA} [S26]; adding the points uncapped: library decision D7 (UNCONFIRMED)",
    ),
    Rule(
        "PP46-SKP-AVERAGE",
        "Two SKPs in one year: nilai SKP = simple mean of the SKP values",
        "BKN Kantor Regional XII, penyusunan SKP bagi PNS yang menduduki 2 jabatan dalam"
        " setahun [S23]",
    ),
    Rule(
        "PP46-PERILAKU",
        "Nilai perilaku kerja = mean of 5 aspects, or 6 with kepemimpinan (structural only)",
        f"{_PERKA} [S27][S29]; kepemimpinan only for jabatan struktural: library decision D8"
        " (as PP 10/1979 Pasal 4(3) [S30])",
    ),
    Rule(
        "PP46-PRESTASI",
        "Nilai prestasi kerja = 60 % nilai SKP + 40 % nilai perilaku kerja",
        f"PP 46/2011; {_PERKA} [S20][S21][S22]",
    ),
    Rule(
        "PP46-PREDIKAT",
        "Predikat: > 90 Sangat Baik, > 75 Baik, > 60 Cukup, > 50 Kurang, else Buruk",
        f"{_PERKA} (91 ke atas ... 50 ke bawah [S25]); fractions: library decision D6",
    ),
    Rule(
        "PP46-TO-2022",
        "Conversion to the 2022 scale: Cukup -> Butuh Perbaikan, Buruk -> Sangat Kurang",
        "Integration table used by instansi (digest §5.4); consistent with PermenPANRB 1/2023"
        ' "cukup/butuh perbaikan"',
        normative=False,
    ),
)


_LAMPIRAN = "PermenPANRB 8/2021 Lampiran, BAB VI A (Penilaian SKP)"

#: Rules of :mod:`asn_performance.regimes.permenpanrb_8_2021` (defined here so that one rulebook
#: holds every rule without an import cycle).
PERMENPANRB_8_2021_RULES: tuple[Rule, ...] = (
    Rule(
        "8/2021-CAPAIAN",
        "Capaian IKI (normal) = realisasi / target × 100 %",
        f"{_LAMPIRAN}.1.b.1)(e) [S13 p.99]",
    ),
    Rule(
        "8/2021-CAPAIAN-KHUSUS",
        "Capaian IKI (lower is better) = (1 + (1 − realisasi / target)) × 100 %",
        f"{_LAMPIRAN}.1.b.1)(g) [S13 p.110]",
    ),
    Rule(
        "8/2021-TARGET-RANGE",
        "Ranged target: the upper bound when the realisation is above, the lower when below",
        f"{_LAMPIRAN}.1.b.1)(e) and (g), keterangan * [S13 p.99, p.110]",
    ),
    Rule(
        "8/2021-TARGET-MET",
        "A realisation within a ranged target meets it: capaian 100 %",
        "Library reading of the Lampiran's keterangan *, which covers only realisations above"
        " or below the range; 100 % continues both bounds (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "8/2021-CAPAIAN-FLOOR",
        "A capaian below 0 % counts as 0 %",
        "Library decision: the lower-is-better formula goes below 0 % when the realisation"
        " exceeds twice the target; the Lampiran's lowest band starts at 0 % (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "D13-CAPAIAN-ROUNDING",
        "Capaian rounded to a whole percent, half-up, before banding",
        "Library decision D13 (the Lampiran's bands skip 99.5 % or 100.4 %; its example"
        " shows 97.9 % as 98 % → 88 [S13 p.363])",
        normative=False,
    ),
    Rule(
        "8/2021-NILAI-IKI",
        "Kategori and nilai capaian IKI from the capaian",
        f"{_LAMPIRAN}.1.b.2)(d)-(h) [S13 p.101]; 101-110 % interpolation: library decision D9"
        " (near-confirmed, six implementations)",
    ),
    Rule(
        "8/2021-MAX-ATTAINABLE",
        "Capaian 100 % of the maximum attainable target: Sangat Baik, 120",
        f"{_LAMPIRAN}.1.b.2)(i) [S13 p.101]",
    ),
    Rule(
        "8/2021-UTAMA",
        "Nilai tertimbang kinerja utama = bobot × nilai / 100; an RHK's nilai is the mean of"
        " its IKI",
        f"{_LAMPIRAN}.1.b.3)(a) [S13 p.101]; weights per RHK summing to 100 and the mean of"
        " the IKI: library reading (the stored copies lack the text, UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "8/2021-TAMBAHAN",
        "Nilai tertimbang kinerja tambahan = k × bobot lingkup penugasan / 100 × nilai / 100,"
        " total capped at 10",
        f"{_LAMPIRAN}.1.b.3)(b)(3)-(8) [S13b p.95]",
    ),
    Rule(
        "8/2021-NILAI-SKP",
        "Nilai SKP = nilai kinerja utama + nilai kinerja tambahan",
        f"{_LAMPIRAN}.1.b.4) [S13b p.95-96]; example p.243 [S13 p.363]",
    ),
    Rule(
        "PP30-NILAI-KINERJA",
        "Nilai kinerja = 70 % SKP + 30 % perilaku, or 60/40 with peer and subordinate input",
        "PP 30/2019 Pasal 41(1)-(4) [S10][S15b]",
    ),
    Rule(
        "PP30-PREDIKAT",
        "Predikat: Sangat Baik 110-120 with an innovation, Baik 90-120, Cukup 70-<90,"
        " Kurang 50-<70, Sangat Kurang < 50",
        "PP 30/2019 Pasal 41(5) [S10]; letters (d)-(e) not seen verbatim [S15c]",
    ),
    Rule(
        "PP30-TO-2022",
        "Conversion to the 2022 scale: Cukup -> Butuh Perbaikan",
        "Digest §5.4 and §3.2 (Cukup renamed Butuh Perbaikan); PermenPANRB 1/2023"
        ' "cukup/butuh perbaikan"',
        normative=False,
    ),
)


#: Rules of :mod:`asn_performance.regimes.registry` (defined here so that one rulebook
#: holds every rule without an import cycle).
REGIME_RULES: tuple[Rule, ...] = (
    Rule(
        "REGIME-PERIOD",
        "The regime is chosen by the period",
        "PP 46/2011 + Perka BKN 1/2013 from 1 January 2014; PermenPANRB 8/2021 for July-December"
        " 2021; PermenPANRB 6/2022 from 2022 (digest, table of historical regimes"
        " [S10][S12][S14][S20][S21])",
    ),
    Rule(
        "REGIME-2021-INTEGRATION",
        "2021: January-June and July-December integrated 50 % / 50 %",
        "Transition of 2021: January-June under Perka BKN 1/2013, July-December under"
        " PermenPANRB 8/2021, integrated with 50 % weight each [S14]",
    ),
)


#: Rules of :mod:`asn_performance.regimes.permenpanrb_6_2022.quantitative` (defined here so that one rulebook
#: holds every rule without an import cycle).
QUANTITATIVE_RULES: tuple[Rule, ...] = (
    Rule(
        "6/2022-QUANT-CAPAIAN",
        "Capaian of an indicator of a kuantitatif SKP",
        "PermenPANRB 6/2022 (pendekatan hasil kerja kuantitatif) states no formula; the"
        " library uses the PermenPANRB 8/2021 Lampiran formulas (BAB VI A.1.b.1)(e), (g)"
        " [S13 p.99, p.110])",
        normative=False,
    ),
    Rule(
        "6/2022-QUANT-THRESHOLDS",
        "Suggested rating hasil kerja from the mean capaian (agency thresholds)",
        "Agency configuration, NOT a national rule: PermenPANRB 6/2022 leaves the rating to"
        " the pejabat penilai kinerja; defaults: mean capaian >= 110 % Di Atas, >= 100 %"
        " Sesuai, else Di Bawah Ekspektasi",
        normative=False,
    ),
    Rule(
        "6/2022-QUANT-SUGGESTION",
        "The pejabat penilai's rating is the decision; the suggestion is compared with it",
        "PermenPANRB 6/2022 (evaluasi kinerja by the pejabat penilai kinerja); the"
        " suggestion is advisory (library decision, as D2)",
        normative=False,
    ),
)


_SCHEDULE_PERMEN = (
    "PermenPANRB 6/2022 Pasal 5 (penilaian kinerja: evaluasi kinerja periodik dan tahunan)"
    " [S2][S5][S7]"
)

#: The rules a :class:`Schedule` records in its explanation. All are library decisions or the
#: instansi's configuration (``normative=False``): the stored sources do not spell out
#: part-year periods under PermenPANRB 6/2022.
#: The rules of periodic schedules and part-year periods (:mod:`asn_performance.process.schedule`).
SCHEDULE_RULES: tuple[Rule, ...] = (
    Rule(
        "SCHEDULE-CADENCE",
        "Periodic evaluation by calendar month or quarter (the instansi's choice)",
        f"{_SCHEDULE_PERMEN}; the frequency is the instansi's choice (BKN e-Kinerja forms: Triwulan"
        " I-IV; e-Kinerja export: Periode Bulanan); calendar-aligned periods are a library"
        " decision",
        normative=False,
    ),
    Rule(
        "SCHEDULE-SERVICE",
        "Part of the year: only the days of service are evaluated (joiner, mover, leaver)",
        f"{_SCHEDULE_PERMEN}; part-year service is not spelled out in the stored sources:"
        " limiting the year to the first and last day of service, both included, is a library"
        " decision",
        normative=False,
    ),
    Rule(
        "SCHEDULE-CLIP",
        "A period served in part is clipped to the days of service",
        "Library decision (PermenPANRB 6/2022 does not spell out part-year periods in the"
        " stored sources): the calendar period becomes a span of the days served; periods not"
        " served are left out; nothing is prorated",
        normative=False,
    ),
    Rule(
        "SCHEDULE-ASSIGNMENT",
        "A move on day d ends the old assignment on d - 1 and starts the new one on d;"
        " each assignment has its own SKP",
        "Library decision (mid-year moves are not spelled out for PermenPANRB 6/2022 in the"
        " stored sources); precedent for one SKP per position held in a year: BKN Kantor"
        " Regional XII, penyusunan SKP bagi PNS yang menduduki 2 jabatan dalam setahun [S23]",
        normative=False,
    ),
)


#: The rules of an SKP's life (:mod:`asn_performance.process.lifecycle`): cited in its history, and
#: ``PP30-59-DECISION`` as a step of a result changed on objection.
LIFECYCLE_RULES: tuple[Rule, ...] = (
    Rule(
        "LIFECYCLE-PLAN",
        "The SKP is drafted (perencanaan kinerja)",
        "PermenPANRB 6/2022 Pasal 5 stage 1, perencanaan kinerja: penyusunan SKP [S2][S5];"
        " that a revision keeps the plan's people and period is a library rule",
    ),
    Rule(
        "LIFECYCLE-AGREEMENT",
        "The pejabat penilai sets the SKP and the employee agrees to it",
        "PermenPANRB 6/2022 Pasal 5 stage 1: penetapan dan klarifikasi ekspektasi [S2][S5];"
        " setting before acceptance is the order of the e-Kinerja form (library reading)",
        normative=False,
    ),
    Rule(
        "LIFECYCLE-MONITORING",
        "Documentation and continuous feedback (umpan balik berkelanjutan)",
        "PermenPANRB 6/2022 Pasal 5 stage 2: pelaksanaan, pemantauan dan pembinaan kinerja"
        " [S2][S5]",
    ),
    Rule(
        "LIFECYCLE-EVALUATION",
        "Periodic and annual evaluation by the pejabat penilai kinerja",
        "PermenPANRB 6/2022 Pasal 5 stage 3: evaluasi kinerja periodik dan tahunan [S2][S5];"
        " recording an evaluation only once its period has ended is a library rule",
    ),
    Rule(
        "LIFECYCLE-FINAL",
        "The result is set and sealed with its SHA-256 digest",
        "PermenPANRB 6/2022 (penetapan hasil evaluasi kinerja) [S2]; the digest is a library"
        " rule (INTEGRITY-*)",
        normative=False,
    ),
    Rule(
        "D10-OBJECTION-DEADLINE",
        "The objection deadline: 14 calendar days from receipt of the result",
        "PP 30/2019 Pasal 59 ('paling lama 14 hari') [S11][S12b]; calendar days: library"
        " decision D10 (UNCONFIRMED)",
        normative=False,
    ),
    Rule(
        "PP30-59-OBJECTION",
        "The employee objects, with reasons, to the atasan pejabat penilai kinerja",
        "PP 30/2019 Pasal 59(1)-(2) [S11][S12b]",
    ),
    Rule(
        "PP30-59-DECISION",
        "The atasan pejabat penilai kinerja decides the objection; the decision is final",
        "PP 30/2019 Pasal 59(3)-(4): 'dapat mengubah dan menetapkan hasil penilaian kinerja"
        " serta bersifat final' [S11][S12b]",
    ),
)


def _rulebook(*groups: tuple[Rule, ...]) -> dict[str, Rule]:
    book: dict[str, Rule] = {}
    for group in groups:
        for rule in group:
            if rule.id in book:  # pragma: no cover - a programming error, caught by the tests
                raise RuntimeError(f"rule id {rule.id!r} is defined twice")
            book[rule.id] = rule
    return book


#: Every rule the library can record in a step, by id: the engine's, then
#: :data:`REWARD_RULES`, then :data:`CALIBRATION_RULES`.
RULEBOOK: Mapping[str, Rule] = _rulebook(
    _ENGINE_RULES,
    REWARD_RULES,
    CALIBRATION_RULES,
    PP46_RULES,
    PERMENPANRB_8_2021_RULES,
    REGIME_RULES,
    QUANTITATIVE_RULES,
    SCHEDULE_RULES,
    LIFECYCLE_RULES,
)


class Step(NamedTuple):
    """One step of a derivation.

    ``dimension`` says which value the step contributes to (``"hasil_kerja"``,
    ``"perilaku_kerja"``, ``"predikat"`` or ``""`` for the appraisal as a whole).
    """

    rule: str
    dimension: str
    inputs: tuple[tuple[str, str], ...]
    output: str
    note: str = ""

    @property
    def title(self) -> str:
        """The rule's title (from :data:`RULEBOOK`)."""
        found = RULEBOOK.get(self.rule)
        return found.title if found else self.rule

    @property
    def citation(self) -> str:
        """The rule's citation (from :data:`RULEBOOK`)."""
        found = RULEBOOK.get(self.rule)
        return found.citation if found else ""


@attrs.frozen
class Explanation:
    """The ordered steps behind a result; :meth:`render` shows them as text."""

    steps: tuple[Step, ...] = ()

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def for_dimension(self, dimension: str) -> tuple[Step, ...]:
        """The steps that contributed to one value."""
        return tuple(step for step in self.steps if step.dimension == dimension)

    def render(self) -> str:
        """Plain text, one numbered block per step: rule, citation, inputs, output."""
        lines: list[str] = []
        for number, step in enumerate(self.steps, start=1):
            scope = f" ({step.dimension})" if step.dimension else ""
            rule = RULEBOOK.get(step.rule)
            kind = " [library decision]" if rule is not None and not rule.normative else ""
            lines.append(f"{number}. [{step.rule}] {step.title}{scope}{kind}")
            if step.citation:
                lines.append(f"   source: {step.citation}")
            if step.inputs:
                shown = ", ".join(f"{name} = {value}" for name, value in step.inputs)
                lines.append(f"   inputs: {shown}")
            lines.append(f"   result: {step.output}")
            if step.note:
                lines.append(f"   note: {step.note}")
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """A Markdown table of the steps."""
        rows = [
            "| # | rule | for | inputs | result | note | source |",
            "|---|---|---|---|---|---|---|",
        ]
        for number, step in enumerate(self.steps, start=1):
            inputs = "; ".join(f"{n} = {v}" for n, v in step.inputs)
            cells = (
                str(number),
                step.rule,
                step.dimension,
                inputs,
                step.output,
                step.note,
                step.citation,
            )
            rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        return "\n".join(rows)

    def to_html(self) -> str:
        """An HTML table of the steps (escaped; no dependencies)."""
        esc = html.escape
        rows = "".join(
            f"<tr><td>{n}</td><td>{esc(s.rule)}</td><td>{esc(s.dimension)}</td><td>"
            + esc("; ".join(f"{k} = {v}" for k, v in s.inputs))
            + f"</td><td>{esc(s.output)}</td><td>{esc(s.note)}</td>"
            f"<td>{esc(s.citation)}</td></tr>"
            for n, s in enumerate(self.steps, start=1)
        )
        return (
            "<table><thead><tr><th>#</th><th>rule</th><th>for</th><th>inputs</th>"
            "<th>result</th><th>note</th><th>source</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )

    def __str__(self) -> str:
        return self.render()
