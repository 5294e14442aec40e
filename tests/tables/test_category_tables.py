"""A Categorical column of a table in memory, coded once through its categories.

When the caller's table is in memory (not a polars LazyFrame), each Categorical column is
coded through the categories its physical values span (``_appraise._category_table``) and
every row gathers its code by one unsigned index, instead of a Python call per batch of the
streaming engine (issue 11's speed work). The results must be those of the plain-text table:
the expected values are the plain-text run of the same rows (which the other table tests
check against the object path) or worked by hand.
"""

from __future__ import annotations

import polars as pl

from asn_performance.tables import appraise, rewards
from asn_performance.tables._appraise import _SPAN, _category_table
from asn_performance.tables._codes import RATING_SPELLINGS

from .test_encoded_inputs import TEXT_COLUMNS, _table

OUTPUTS = ["predikat", "predikat_label", "rules", "problem", "angka_kredit", "tunjangan"]


def test_an_eager_categorical_table_gives_the_results_of_the_text_table() -> None:
    text = _table(250_000, seed=17)
    encoded = text.with_columns(pl.col(c).cast(pl.Categorical) for c in TEXT_COLUMNS)
    plain = rewards(text, "national").select(OUTPUTS)
    assert rewards(encoded, "national").select(OUTPUTS).equals(plain)
    # and from pandas categoricals (through Arrow dictionaries)
    from_pandas = rewards(encoded.to_pandas(), "national")[OUTPUTS]
    assert from_pandas.equals(rewards(text.to_pandas(), "national")[OUTPUTS])


def test_the_table_of_a_column_covers_its_span_only() -> None:
    # Rating codes: 0 Di Bawah, 1 Sesuai, 2 Di Atas; -1 unknown; None missing or blank.
    column = pl.Series(["Sesuai Ekspektasi", None, "DIATAS EKSPEKTASI", "nope", " "])
    column = column.cast(pl.Categorical)
    found = _category_table(column, RATING_SPELLINGS)
    assert found is not None
    low, codes = found
    physical = column.to_physical()
    assert low == physical.min()
    by_row = [None if p is None else codes[p - low] for p in physical.to_list()]
    assert by_row == [1, None, 2, -1, None]
    # all nulls: no table (the batch-by-batch path codes it)
    assert _category_table(pl.Series([None, None], dtype=pl.Categorical), RATING_SPELLINGS) is None


def test_a_column_spanning_many_categories_is_coded_batch_by_batch() -> None:
    # Categories made between the column's two values: a span beyond _SPAN, no table; the
    # results are still the plain-text table's.
    ratings = ["Sesuai Ekspektasi", "Di Atas Ekspektasi"]
    first = pl.Series([ratings[0]], dtype=pl.Categorical)
    pl.Series([f"filler {i}" for i in range(_SPAN + 10)], dtype=pl.Categorical)
    last = pl.Series([ratings[1]], dtype=pl.Categorical)
    column = pl.concat([first, last, first])
    text = pl.DataFrame(
        {"rating_hasil_kerja": column.cast(pl.String), "rating_perilaku_kerja": ratings * 1 + ["x"]}
    )
    encoded = text.with_columns(pl.col("rating_hasil_kerja").cast(pl.Categorical))
    span = encoded["rating_hasil_kerja"].to_physical()
    if int(span.max()) - int(span.min()) >= _SPAN:  # when the global categories allow it
        assert _category_table(encoded["rating_hasil_kerja"], RATING_SPELLINGS) is None
    assert appraise(encoded).select(OUTPUTS[:4]).equals(appraise(text).select(OUTPUTS[:4]))


def test_rewards_reads_appraise_problems_as_they_are() -> None:
    # rewards() appraising in the same query reads appraise's problem column without
    # comparing each text with "" (it is null or a text); the results are those of the two
    # calls apart, where rewards reads a caller's problem column (blanks counting as none).
    frame = pl.DataFrame(
        {
            "rating_hasil_kerja": ["Sesuai Ekspektasi", "x", None, "Di Atas Ekspektasi"],
            "rating_perilaku_kerja": ["Sesuai Ekspektasi"] * 4,
            "problem": ["", None, "EARLIER: kept", ""],
            "jenjang": ["ahli_muda", None, None, "ahli_muda"],
            "months": [12, None, None, None],
        }
    )
    together = rewards(frame, "national").select(OUTPUTS)
    apart = rewards(appraise(frame), "national").select(OUTPUTS)
    assert together.equals(apart)
    # row 0: Sesuai + Sesuai = Baik, computed; row 3: a jabatan fungsional without months
    assert together["problem"][0] is None
    assert together["problem"][1].startswith("D12-LABELS: rating_hasil_kerja 'x'")
    assert together["problem"][2].startswith("EARLIER: kept; 6/2022-PEJABAT-PENILAI")
    assert together["problem"][3].startswith("AK-MONTHS: months is missing")
