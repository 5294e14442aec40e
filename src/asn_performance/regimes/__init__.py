"""Rule sets, one package or module per regulation, and the registry that picks one.

* :mod:`.permenpanrb_6_2022` -- the current regime (ratings, 3×3 matrix, unit-head rule,
  the engine :func:`~asn_performance.regimes.permenpanrb_6_2022.appraisal.appraise`, the
  suggested rating of a kuantitatif SKP);
* :mod:`.permenpanrb_8_2021` -- PP 30/2019 + PermenPANRB 8/2021, July to December 2021
  (capaian IKI, nilai SKP, nilai kinerja and predikat);
* :mod:`.pp_46_2011` -- PP 46/2011 + Perka BKN 1/2013, 2014 to June 2021 (the aspects of an
  activity, nilai SKP, perilaku kerja, nilai prestasi kerja and predikat);
* :mod:`.transition_2021` -- the year 2021 split in two halves and integrated;
* :mod:`.registry` -- the regimes side by side and the one that applies to a period.
"""
