"""The faster paths of the rewards stage (issue 11's speed work), each against hand-worked
figures and against the general path.

* :func:`~asn_performance.tables._appraise.coded_filled`: a column's codes with a sentinel
  where :func:`~asn_performance.tables._appraise.coded` gives null (polars computes slower
  into a column with nulls); a Categorical column of a table in memory is coded by one
  gather from the table of its span, at whose last entry a null cell's index is filled.
* :func:`~asn_performance.tables._reward_tables.masked_gather`: a result table gathered by
  an index without nulls, then masked where the row is not computed.
* The jenjang read without nulls and the kelas's position with -1 for "not in the policy's
  table": the same results and problems whether the table's text columns are Categorical
  in memory (the span path), Categorical in a LazyFrame (batch by batch) or plain text.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

pl = pytest.importorskip("polars")

from asn_performance.consequences import (  # noqa: E402
    AllowancePolicy,
    AngkaKreditRule,
    AttendanceCuts,
    RewardPolicy,
)
from asn_performance.domain.rating import Predikat  # noqa: E402
from asn_performance.tables import rewards  # noqa: E402
from asn_performance.tables._appraise import coded, coded_filled  # noqa: E402
from asn_performance.tables._codes import RATING_SPELLINGS  # noqa: E402
from asn_performance.tables._reward_tables import masked_gather  # noqa: E402

# Rating codes: 0 Di Bawah, 1 Sesuai, 2 Di Atas Ekspektasi; -1 not a rating.
RATINGS = ["Sesuai Ekspektasi", None, "DIATAS EKSPEKTASI", "nope", " ", "di_bawah_ekspektasi"]
#: By hand: Sesuai 1; null missing; "DIATAS EKSPEKTASI" folds to Di Atas, 2; "nope" -1;
#: blank missing; the code di_bawah_ekspektasi 0. Missing is the sentinel -9 here.
FILLED = [1, -9, 2, -1, -9, 0]


@pytest.mark.parametrize("kind", ["categorical-in-memory", "categorical-lazy", "text", "enum"])
def test_coded_filled_gives_the_sentinel_where_coded_gives_null(kind: str) -> None:
    column = pl.Series("r", RATINGS)
    if kind == "enum":
        column = column.cast(pl.Enum(sorted({v for v in RATINGS if v is not None})))
    elif kind != "text":
        column = column.cast(pl.Categorical)
    frame = column.to_frame()
    data = frame if kind == "categorical-in-memory" else None
    got = frame.select(coded_filled("r", column.dtype, RATING_SPELLINGS, data, missing=-9))
    assert got.to_series().to_list() == FILLED
    assert got.to_series().null_count() == 0
    # the general path: coded, its nulls filled
    general = frame.select(coded("r", column.dtype, RATING_SPELLINGS, data).fill_null(-9))
    assert got.to_series().to_list() == general.to_series().to_list()


def test_coded_filled_of_a_column_of_nulls_and_of_the_null_type() -> None:
    nulls = pl.Series("r", [None, None], dtype=pl.Categorical).to_frame()
    # all nulls: no table of the span (the batch path), every cell the sentinel
    got = nulls.select(coded_filled("r", pl.Categorical(), RATING_SPELLINGS, nulls, missing=-2))
    assert got.to_series().to_list() == [-2, -2]
    untyped = pl.DataFrame({"r": [None, None]})
    expr = coded_filled("r", pl.Null(), RATING_SPELLINGS, untyped, missing=-2)
    assert untyped.with_columns(expr.alias("c"))["c"].to_list() == [-2, -2]


def test_a_categorical_column_far_into_the_categories_is_coded_by_its_span() -> None:
    # Many categories made first, then spellings no other test makes (runs of hyphens and
    # underscores fold to one space): the column's physical values are far from 0; its
    # table covers its own span, indexed by physical - low.
    fillers = pl.Series([f"speed-path filler {i}" for i in range(5000)], dtype=pl.Categorical)
    column = pl.Series("r", ["Di--Atas__Ekspektasi", "Sesuai--_Ekspektasi", None, "x-_-x"])
    frame = column.cast(pl.Categorical).to_frame()
    assert frame["r"].to_physical().min() > fillers.to_physical().min()
    got = frame.select(coded("r", frame.schema["r"], RATING_SPELLINGS, frame))
    # by hand: Di Atas 2, Sesuai 1, null, "x-_-x" not a rating -1
    assert got.to_series().to_list() == [2, 1, None, -1]
    lazy = frame.select(coded("r", frame.schema["r"], RATING_SPELLINGS, None))
    assert got.to_series().to_list() == lazy.to_series().to_list()


def test_masked_gather_reads_the_table_where_the_row_is_computed() -> None:
    table = pl.Series([Decimal(10), Decimal(20), Decimal(30)], dtype=pl.Decimal(38, 0))
    frame = pl.DataFrame(
        {
            # the last two rows are not computed: a null index, one beyond the table
            "i": pl.Series([2, 0, None, 7], dtype=pl.Int32),
            "ok": [True, True, False, False],
        }
    )
    got = frame.select(masked_gather(table, pl.col("i"), pl.col("ok"))).to_series()
    # by hand: table[2] = 30, table[0] = 10, then null, null
    assert got.to_list() == [Decimal(30), Decimal(10), None, None]
    assert got.dtype == pl.Decimal(38, 0)


def _policy() -> RewardPolicy:
    allowance = AllowancePolicy(
        name="test",
        version="1",
        base={7: "2000000", 8: "3000000"},
        performance_share="70",
        performance_percentage={
            Predikat.SANGAT_BAIK: Decimal(100),
            Predikat.BAIK: Decimal(100),
            Predikat.BUTUH_PERBAIKAN: Decimal(85),
            Predikat.KURANG: Decimal(60),
            Predikat.SANGAT_KURANG: Decimal(60),
        },
        attendance_share="30",
        cuts=AttendanceCuts(
            per_day_absent="3",
            per_missing_check="1",
            per_minute="0.5",
            per_missed_ceremony="3",
            cap="100",
        ),
        citation="test",
    )
    return RewardPolicy(
        name="test", version="1", angka_kredit=AngkaKreditRule(), allowance=allowance
    )


ROWS: list[dict[str, Any]] = [
    # 0: AK 12/12 x 100 % x 25 (ahli muda) = 25.00; TK 3,000,000 x 70 % x 100 % = 2,100,000;
    #    TH 3,000,000 x 30 % x (100 - 3) % = 873,000; total 2,973,000
    {"predikat": "baik", "jenjang": "ahli_muda", "months": 12, "kelas": 8, "days_absent": 1},
    # 1: no jenjang: AK null, no problem; TK 2,000,000 x 70 % = 1,400,000; TH 600,000; 2,000,000
    {"predikat": "sangat_baik", "jenjang": None, "months": None, "kelas": 7},
    # 2: a blank jenjang is no jenjang; TK 3,000,000 x 70 % x 85 % = 1,785,000;
    #    TH 900,000 x (100 - 2 x 1) % = 882,000; total 2,667,000
    {"predikat": "butuh_perbaikan", "jenjang": " ", "kelas": 8, "missing_checks": 2},
    # 3: not a jenjang (D12-LABELS): not computed
    {"predikat": "baik", "jenjang": "nope", "months": 12, "kelas": 8},
    # 4: kelas 9 is not in the policy's table (TUKIN-KELAS): not computed, AK null too
    {"predikat": "kurang", "jenjang": "ahli_pertama", "months": 6, "kelas": 9},
    # 5: a jabatan fungsional without months (AK-MONTHS)
    {"predikat": "baik", "jenjang": "ahli_pertama", "months": None, "kelas": 7},
    # 6: AK 6/12 x 50 % x 12.5 = 3.125 -> 3.13 (half-up); TK 2,000,000 x 70 % x 60 % =
    #    840,000; cut 40 x 3 = 120 capped at 100: TH 0; total 840,000
    {"predikat": "kurang", "jenjang": "Ahli Pertama", "months": 6, "kelas": 7, "days_absent": 40},
    # 7: no predikat (REWARD-APPRAISALS)
    {"predikat": None, "jenjang": None, "kelas": 7},
    # 8: kelas 0 is out of range (RANGE); 9: no kelas (TUKIN-KELAS)
    {"predikat": "baik", "jenjang": None, "kelas": 0},
    {"predikat": "baik", "jenjang": None, "kelas": None},
    # 10: minutes 3 x 0.5 = 1.5 %: TH 900,000 x 98.5 % = 886,500; TK 2,100,000; 2,986,500
    {"predikat": "sangat_baik", "jenjang": None, "kelas": 8, "minutes_late_or_early": 3},
]
COUNTS = ["days_absent", "missing_checks", "minutes_late_or_early", "missed_ceremonies"]


def _table() -> pl.DataFrame:
    rows = [{**dict.fromkeys(COUNTS, 0), "months": None, **row} for row in ROWS]
    return pl.DataFrame(
        rows,
        schema={
            "predikat": pl.String,
            "jenjang": pl.String,
            "months": pl.Int64,
            "kelas": pl.Int64,
            **dict.fromkeys(COUNTS, pl.Int64),
        },
    )


def _m(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


#: (angka kredit, tunjangan kinerja, tunjangan kehadiran, tunjangan) by hand (see ROWS).
EXPECTED = [
    (Decimal("25.00"), _m(2_100_000), _m(873_000), _m(2_973_000)),
    (None, _m(1_400_000), _m(600_000), _m(2_000_000)),
    (None, _m(1_785_000), _m(882_000), _m(2_667_000)),
    (None, None, None, None),
    (None, None, None, None),
    (None, None, None, None),
    (Decimal("3.13"), _m(840_000), _m(0), _m(840_000)),
    (None, None, None, None),
    (None, None, None, None),
    (None, None, None, None),
    (None, _m(2_100_000), _m(886_500), _m(2_986_500)),
]
#: The rule of each row's first problem (None: computed).
RULES = [
    None,
    None,
    None,
    "D12-LABELS",
    "TUKIN-KELAS",
    "AK-MONTHS",
    None,
    "REWARD-APPRAISALS",
    "RANGE",
    "TUKIN-KELAS",
    None,
]
OUTPUTS = ["angka_kredit", "tunjangan_kinerja", "tunjangan_kehadiran", "tunjangan", "problem"]


def _check(out: pl.DataFrame) -> None:
    got = list(out.select(OUTPUTS[:4]).iter_rows())
    assert got == EXPECTED
    problems = out["problem"].to_list()
    for rule, problem in zip(RULES, problems, strict=True):
        if rule is None:
            assert problem is None
        else:
            assert problem is not None
            assert problem.startswith(f"{rule}: ")


@pytest.mark.parametrize("kind", ["text", "categorical-in-memory", "categorical-lazy"])
def test_the_rewards_by_hand_on_every_path_of_the_jenjang_and_the_kelas(kind: str) -> None:
    text = _table()
    if kind == "text":
        out = rewards(text, _policy())
    else:
        encoded = text.with_columns(pl.col("jenjang").cast(pl.Categorical))
        if kind == "categorical-lazy":
            out = rewards(encoded.lazy(), _policy()).collect()
        else:
            out = rewards(encoded, _policy())
    _check(out)
    assert out.select(OUTPUTS).equals(rewards(text, _policy()).select(OUTPUTS))


def test_the_predikat_as_a_categorical_in_memory_gives_the_same_rewards() -> None:
    text = _table()
    encoded = text.with_columns(pl.col("predikat", "jenjang").cast(pl.Categorical))
    _check(rewards(encoded, _policy()))
