"""Review of issue 11, session 3: dictionary-encoded inputs, Enum results, problem texts built
per batch, the distribution check's new grouping and its ``period`` parameter.

The last four tests are the review's findings (a period or agency keeps its type, integer
periods sort as numbers, a roll-up per period, a period column that is absent is refused),
fixed after the review.
"""

from __future__ import annotations

import threading

import pytest

pl = pytest.importorskip("polars")
tables = pytest.importorskip("asn_performance.tables")

_RATINGS = [
    "",
    " ",
    "  Sesuai Ekspektasi ",
    "sesuai_ekspektasi",
    "DI ATAS EKSPEKTASI",
    "di-bawah ekspektasi",
    "Sesuai\tEkspektasi",
    "xx",
    None,
]


def _frame(rows: int = 3_000) -> pl.DataFrame:
    hasil = [_RATINGS[(i * 7) % len(_RATINGS)] for i in range(rows)]
    perilaku = [_RATINGS[(i * 5 + 1) % len(_RATINGS)] for i in range(rows)]
    head = [(None, True, False)[i % 3] for i in range(rows)]
    org = [("baik", " Istimewa", "", None, "zz")[i % 5] for i in range(rows)]
    return pl.DataFrame(
        {
            "rating_hasil_kerja": hasil,
            "rating_perilaku_kerja": perilaku,
            "unit_head": head,
            "organisation_predikat": org,
        }
    )


def _as_text(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col("predikat", "predikat_label", "rules").cast(pl.String))


@pytest.mark.parametrize("kind", ["categorical", "enum"])
def test_dictionary_columns_with_blank_and_whitespace_categories_equal_text(kind: str) -> None:
    text = _frame()
    names = ["rating_hasil_kerja", "rating_perilaku_kerja", "organisation_predikat"]
    if kind == "enum":
        categories = sorted({v for n in names for v in text[n].to_list() if v is not None})
        encoded = text.with_columns(pl.col(*names).cast(pl.Enum(categories)))
    else:
        encoded = text.with_columns(pl.col(*names).cast(pl.Categorical))
    expected = _as_text(tables.appraise(text))
    got = _as_text(tables.appraise(encoded.lazy()).collect(engine="streaming"))
    for name in ("predikat", "predikat_label", "rules", "problem"):
        assert got[name].to_list() == expected[name].to_list(), name


def test_categorical_codes_shared_by_threads_collecting_one_query() -> None:
    text = _frame(20_000).with_columns(
        rating_hasil_kerja=pl.concat_str(pl.col("rating_hasil_kerja"), pl.lit(""))
    )
    # many distinct unknown categories, so that batches keep meeting new ones
    text = text.with_columns(
        rating_perilaku_kerja=pl.when(pl.int_range(pl.len()) % 4 == 0)
        .then(pl.format("w{}", pl.int_range(pl.len()) % 997))
        .otherwise(pl.col("rating_perilaku_kerja"))
    )
    expected = _as_text(tables.appraise(text))
    query = tables.appraise(text.lazy().with_columns(pl.col("^rating.*$").cast(pl.Categorical)))
    failures: list[str] = []

    def run(index: int) -> None:
        out = _as_text(query.collect(engine="streaming" if index % 2 else "in-memory"))
        if out["predikat"].to_list() != expected["predikat"].to_list():
            failures.append(f"predikat {index}")
        if out["problem"].to_list() != expected["problem"].to_list():
            failures.append(f"problem {index}")

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_every_row_bad_in_small_streaming_batches_and_empty_existing_problem() -> None:
    frame = pl.DataFrame(
        {
            "rating_hasil_kerja": ["xx"] * 50,
            "rating_perilaku_kerja": ["sesuai_ekspektasi"] * 50,
            "problem": [""] * 50,
        }
    )
    with pl.Config(streaming_chunk_size=7):
        out = tables.appraise(frame.lazy()).collect(engine="streaming")
    assert out["predikat"].null_count() == 50
    assert set(out["problem"].to_list()) == {"D12-LABELS: rating_hasil_kerja 'xx' is not a rating"}


def _periods() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "unit": ["A", "A", "A"],
            "period": [9, 10, 10],
            "agency": [7, 7, 7],
            "nip": ["1", "2", "3"],
            "predikat": ["baik"] * 3,
            "organisation_predikat": ["baik"] * 3,
        }
    )


def test_report_keeps_the_dtype_of_period_and_agency() -> None:
    checked = tables.distribution(_periods(), agency="agency")
    assert checked.report.schema["period"] == pl.Int64
    assert checked.report.schema["agency"] == pl.Int64
    assert checked.rollup.schema["agency"] == pl.Int64


def test_report_sorts_integer_periods_as_numbers() -> None:
    report = tables.distribution(_periods()).report
    assert report["period"].unique(maintain_order=True).to_list() == [9, 10]


def test_rollup_per_period_still_works() -> None:
    rollup = tables.distribution(_periods(), agency="period").rollup
    assert rollup["units"].to_list() == [1, 1]


def test_a_period_column_that_is_absent_is_refused() -> None:
    with pytest.raises(tables.InputError, match="periode"):
        tables.distribution(_periods().drop("period"), period="periode")
