"""Dictionary-encoded columns, Enum results, and the exactness of the repeated-NIP check.

The table functions read a polars ``Categorical`` or ``Enum`` column by its categories (each
category coded once, every cell looked up by its integer code; issue 11's speed work), so a
table must give the same results whether its text columns are plain text or dictionary
encoded -- the unknown values, blanks and nulls included, and across the batches of the
streaming engine. Expected values here are worked by hand (the 6/2022 matrix, D3) or are the
plain-text run of the same rows, which the other table tests check against the object path.
"""

from __future__ import annotations

import random
from typing import Any

import pandas as pd
import polars as pl
import pytest

from asn_performance.tables import _distribution as dist_module
from asn_performance.tables import appraise, distribution, rewards
from asn_performance.tables._appraise import _DictionaryCodes
from asn_performance.tables._codes import RATING_SPELLINGS

TEXT_COLUMNS = (
    "unit",
    "rating_hasil_kerja",
    "rating_perilaku_kerja",
    "organisation_predikat",
    "jenjang",
)

# Spellings the object path accepts and some it refuses (unknown), blanks and nulls.
HASIL = ["DIATAS EKSPEKTASI", "Sesuai Ekspektasi", "di_bawah_ekspektasi", "luar biasa", "", None]
PERILAKU = ["SESUAI EKSPEKTASI", "Di Atas Ekspektasi", "DIBAWAH EKSPEKTASI", "??", None]
ORGS = ["Baik", "ISTIMEWA", "perlu perbaikan", "Sangat Kurang", "kurang", "hebat", None]
JENJANG = ["ahli_pertama", "Ahli Muda", "mahir", "pejabat", None, None]


def _table(rows: int, seed: int = 11) -> pl.DataFrame:
    """A seeded table with every kind of cell; each unit holds one organisation predikat
    (most) or two (every 40th unit: a problem) and one head."""
    rng = random.Random(seed)  # noqa: S311 - seeded test data
    units = max(1, rows // 25)
    unit_org = {u: rng.choice(ORGS) for u in range(units)}
    data: dict[str, list[Any]] = {name: [] for name in (*TEXT_COLUMNS, "nip", "unit_head")}
    data |= {"months": [], "kelas": []}
    for i in range(rows):
        u = rng.randrange(units)
        org = unit_org[u] if u % 40 else rng.choice(["Baik", "Istimewa"])
        data["unit"].append(f"Unit {u:04d}")
        data["rating_hasil_kerja"].append(rng.choice(HASIL))
        data["rating_perilaku_kerja"].append(rng.choice(PERILAKU))
        data["organisation_predikat"].append(org)
        data["jenjang"].append(rng.choice(JENJANG))
        # every 50th row repeats an earlier employee of the table
        data["nip"].append(data["nip"][rng.randrange(i)] if i and i % 50 == 0 else f"N{i}")
        data["unit_head"].append(rng.random() < 0.05)
        data["months"].append(rng.choice([12, 12, 6, None]))
        data["kelas"].append(rng.randint(1, 17))
    return pl.DataFrame(data, schema_overrides={"months": pl.Int32, "kelas": pl.Int32})


def _encoded(frame: pl.DataFrame, dtype: str) -> pl.DataFrame:
    if dtype == "categorical":
        return frame.with_columns(pl.col(c).cast(pl.Categorical) for c in TEXT_COLUMNS)
    return frame.with_columns(
        pl.col(c).cast(pl.Enum(sorted(frame[c].drop_nulls().unique().to_list())))
        for c in TEXT_COLUMNS
    )


@pytest.mark.parametrize("dtype", ["categorical", "enum"])
def test_a_dictionary_encoded_table_gives_the_results_of_the_text_table(dtype: str) -> None:
    # 250,000 rows: more than one batch of the streaming engine, so that a category first met
    # in a later batch is coded there too.
    text = _table(250_000)
    encoded = _encoded(text, dtype)
    outputs = ["predikat", "predikat_label", "rules", "problem", "angka_kredit", "tunjangan"]
    plain = rewards(text.lazy(), "national").collect(engine="streaming").select(outputs)
    coded = rewards(encoded.lazy(), "national").collect(engine="streaming").select(outputs)
    assert coded.equals(plain)
    # the bad rows are marked in both, with the cell quoted
    assert plain["problem"].str.contains("'luar biasa' is not a rating").sum() > 1000
    report = distribution(text, agency=None).report
    assert distribution(encoded).report.equals(report)


def test_the_hand_worked_rows_from_categorical_columns() -> None:
    frame = pl.DataFrame(
        {
            "rating_hasil_kerja": ["DIATAS EKSPEKTASI", "DIBAWAH EKSPEKTASI", None, "x", None],
            "rating_perilaku_kerja": ["SESUAI EKSPEKTASI"] * 4 + ["Sesuai Ekspektasi"],
            "unit_head": [False, False, False, False, True],
            "organisation_predikat": [None, None, None, None, "ISTIMEWA"],
        }
    ).with_columns(pl.col(pl.String).cast(pl.Categorical))
    out = appraise(frame)
    # matrix: Di Atas + Sesuai = Baik; Di Bawah + Sesuai = Butuh Perbaikan; a unit head of an
    # Istimewa organisation has hasil Di Atas (D3), with Sesuai perilaku: Baik
    assert out["predikat"].to_list() == ["baik", "butuh_perbaikan", None, None, "baik"]
    assert out["problem"][2].startswith("6/2022-PEJABAT-PENILAI: rating_hasil_kerja is missing")
    assert out["problem"][3] == "D12-LABELS: rating_hasil_kerja 'x' is not a rating"
    assert out["rules"][4] == "D3-UNIT-HEAD;6/2022-MATRIX"


def test_dictionary_codes_are_kept_across_batches() -> None:
    codes = _DictionaryCodes(RATING_SPELLINGS)
    first = pl.Series(["Sesuai Ekspektasi", None, "Sesuai Ekspektasi"], dtype=pl.Categorical)
    later = pl.Series(["DIATAS EKSPEKTASI", "nope", "Sesuai Ekspektasi", " "], dtype=pl.Categorical)
    # Rating codes: 0 Di Bawah, 1 Sesuai, 2 Di Atas; -1 unknown; null missing or blank
    assert codes(first).to_list() == [1, None, 1]
    assert codes(later).to_list() == [2, -1, 1, None]
    assert codes(pl.Series([None, None], dtype=pl.Categorical)).to_list() == [None, None]


def test_results_are_enums_in_polars_and_texts_elsewhere() -> None:
    frame = pl.DataFrame(
        {
            "rating_hasil_kerja": ["sesuai_ekspektasi"],
            "rating_perilaku_kerja": ["di_atas_ekspektasi"],
        }
    )
    out = appraise(frame)
    predikat_dtype = out.schema["predikat"]
    assert isinstance(predikat_dtype, pl.Enum)
    # the categories in the rule's order, best first: a sort by predikat is a sort by merit
    assert predikat_dtype.categories.to_list() == [
        "sangat_baik",
        "baik",
        "butuh_perbaikan",
        "kurang",
        "sangat_kurang",
    ]
    assert out["predikat"].to_list() == ["baik"]
    assert out["rules"].to_list() == ["6/2022-MATRIX"]
    pandas_out = appraise(frame.to_pandas())
    assert pandas_out["predikat"].tolist() == ["baik"]
    assert not isinstance(pandas_out["predikat"].dtype, pd.CategoricalDtype)
    arrow_out = appraise(frame.to_arrow())
    assert str(arrow_out.schema.field("predikat").type) in ("string", "large_string")


def test_repeated_nip_counts_are_exact_when_every_hash_collides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every row gets the same hash: every row is a suspect, and the counts must still be the
    # counts by value (the hash only chooses which rows are compared).
    frame = pl.DataFrame(
        {
            "unit": ["A", "A", "A", "B", "B", "A"],
            "nip": ["1", "2", "1", "1", "1", None],
            "predikat": ["baik", "kurang", "sangat_baik", "baik", "kurang", "baik"],
            "organisation_predikat": ["baik"] * 6,
        }
    )
    honest = distribution(frame).report
    monkeypatch.setattr(dist_module, "_row_hash", lambda names: pl.lit(7, dtype=pl.UInt64))
    colliding = distribution(frame).report
    assert colliding.equals(honest)
    a = colliding.filter(pl.col("unit") == "A").row(0, named=True)
    b = colliding.filter(pl.col("unit") == "B").row(0, named=True)
    # A: NIP 1 (baik), NIP 2 (kurang), NIP 1 again (a repeat), no NIP (baik): 3 counted
    assert (a["total"], a["count_baik"], a["count_kurang"], a["duplicates"]) == (3, 2, 1, 1)
    # B: NIP 1 twice (the same NIP in another unit is another count): the first, baik
    assert (b["total"], b["count_baik"], b["count_kurang"], b["duplicates"]) == (1, 1, 0, 1)


def test_organisation_predikat_problems_from_categorical_columns() -> None:
    frame = pl.DataFrame(
        {
            "unit": ["A", "A", "B", "B", "C"],
            "predikat": ["baik"] * 5,
            "organisation_predikat": ["Baik", "BAIK", "istimewa", "Kurang", "hebat"],
        }
    ).with_columns(pl.col("unit", "organisation_predikat").cast(pl.Categorical))
    report = distribution(frame).report
    problems = dict(zip(report["unit"].to_list(), report["problem"].to_list(), strict=False))
    # A: two spellings of one predikat are one predikat: checked, no problem
    assert problems["A"] is None
    assert problems["B"] == (
        "SE3/2023-ORGANISATION-PREDIKAT: the unit has 2 different organisation predikat"
        " (Istimewa, Kurang); give it one"
    )
    assert problems["C"].startswith("D12-LABELS: unknown organisation predikat hebat;")
