"""tables.appraise: hand-worked rows, bad rows, errors="raise", and the object path row for row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asn_performance import (
    AsnPerformanceError,
    OrganisationPredikat,
    Predikat,
    Rating,
    appraise,
)
from asn_performance.exceptions import MAX_LISTED, InputError
from asn_performance.tables import Columns, TableError
from asn_performance.tables import appraise as table_appraise
from asn_performance.tables._codes import MATRIX, RATING_SPELLINGS, UNIT_HEAD, spellings

Build = Callable[..., Any]

# PermenPANRB 6/2022 Lampiran / SE MenPANRB 3/2023 step 3, written out cell by cell from the
# form: (rating hasil kerja, rating perilaku kerja) -> predikat kinerja pegawai.
CELLS = [
    ("Di Atas Ekspektasi", "Di Atas Ekspektasi", "sangat_baik", "Sangat Baik"),
    ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "baik", "Baik"),
    ("Di Atas Ekspektasi", "Di Bawah Ekspektasi", "kurang", "Kurang/Misconduct"),
    ("Sesuai Ekspektasi", "Di Atas Ekspektasi", "baik", "Baik"),
    ("Sesuai Ekspektasi", "Sesuai Ekspektasi", "baik", "Baik"),
    ("Sesuai Ekspektasi", "Di Bawah Ekspektasi", "kurang", "Kurang/Misconduct"),
    ("Di Bawah Ekspektasi", "Di Atas Ekspektasi", "butuh_perbaikan", "Butuh Perbaikan"),
    ("Di Bawah Ekspektasi", "Sesuai Ekspektasi", "butuh_perbaikan", "Butuh Perbaikan"),
    ("Di Bawah Ekspektasi", "Di Bawah Ekspektasi", "sangat_kurang", "Sangat Kurang"),
]

# D3 (SE MenPANRB 3/2023): the unit head's hasil kerja from the organisation predikat; with
# perilaku Sesuai Ekspektasi the predikat is then the matrix cell of that hasil kerja.
UNIT_HEADS = [
    ("Istimewa", "baik"),  # Di Atas + Sesuai
    ("Baik", "baik"),  # Sesuai + Sesuai
    ("Butuh Perbaikan", "butuh_perbaikan"),  # Di Bawah + Sesuai
    ("Kurang", "butuh_perbaikan"),
    ("Sangat Kurang", "butuh_perbaikan"),
    ("PERLU PERBAIKAN", "butuh_perbaikan"),  # the e-Kinerja word for Butuh Perbaikan
    ("cukup", "butuh_perbaikan"),
]


def _rows(**cols: list[Any]) -> pl.DataFrame:
    return pl.DataFrame(cols, schema_overrides={k: pl.String for k in cols if k != "unit_head"})


def test_every_matrix_cell_gives_the_predikat_of_the_form() -> None:
    df = _rows(
        rating_hasil_kerja=[c[0] for c in CELLS], rating_perilaku_kerja=[c[1] for c in CELLS]
    )
    out = table_appraise(df)
    assert out["predikat"].to_list() == [c[2] for c in CELLS]
    assert out["predikat_label"].to_list() == [c[3] for c in CELLS]
    assert out["rules"].to_list() == ["6/2022-MATRIX"] * 9
    assert out["problem"].to_list() == [None] * 9


def test_the_codes_are_the_object_paths_tables(make_plan: Build, make_assessment: Build) -> None:
    plan = make_plan()
    for hasil in Rating:
        for perilaku in Rating:
            cell = MATRIX[hasil.position * 3 + perilaku.position]
            given = make_assessment("pejabat_penilai", hasil, perilaku, plan=plan)
            assert list(Predikat)[cell] is appraise(plan, [given]).predikat
    assert [list(Rating)[c] for c in UNIT_HEAD] == [
        Rating.DI_ATAS,
        Rating.SESUAI,
        Rating.DI_BAWAH,
        Rating.DI_BAWAH,
        Rating.DI_BAWAH,
    ]
    for text, code in RATING_SPELLINGS.items():
        assert Rating.parse(text).position == code
    assert spellings(Rating) == RATING_SPELLINGS


@pytest.mark.parametrize(("organisation", "expected"), UNIT_HEADS)
def test_a_unit_head_takes_the_organisation_predikat_as_hasil_kerja(
    organisation: str, expected: str
) -> None:
    df = pl.DataFrame(
        {
            # the pejabat penilai's own hasil kerja is superseded (here the opposite)
            "rating_hasil_kerja": ["Di Atas Ekspektasi", None],
            "rating_perilaku_kerja": ["sesuai", "SESUAI EKSPEKTASI"],
            "unit_head": [True, True],
            "organisation_predikat": [organisation, organisation],
        }
    )
    out = table_appraise(df)
    assert out["predikat"].to_list() == [expected, expected]
    assert out["rules"].to_list() == ["D3-UNIT-HEAD;6/2022-MATRIX"] * 2


def test_labels_in_any_case_and_the_ekinerja_spellings() -> None:
    df = _rows(
        rating_hasil_kerja=[
            "DIATAS EKSPEKTASI",
            "dibawah ekspektasi",
            "  Di-Atas_Ekspektasi ",
            "Above expectations",
            "SESUAI EKSPEKTASI",
            "di_bawah_ekspektasi",
        ],
        rating_perilaku_kerja=[
            "Diatas Ekspektasi",
            "DI BAWAH EKSPEKTASI",
            "sesuai",
            "EXCEEDS EXPECTATIONS",
            "meets expectations",
            "Sesuai Ekspektasi",
        ],
    )
    out = table_appraise(df)
    assert out["predikat"].to_list() == [
        "sangat_baik",
        "sangat_kurang",
        "baik",
        "sangat_baik",
        "baik",
        "butuh_perbaikan",
    ]


def test_bad_rows_are_marked_and_the_others_computed() -> None:
    df = pl.DataFrame(
        {
            "rating_hasil_kerja": ["xyz", "sesuai", None, "Baik", "sesuai", "  ", None],
            "rating_perilaku_kerja": ["sesuai", None, "sesuai", "sesuai", "sesuai", "sesuai", None],
            "unit_head": [False, False, False, False, True, None, True],
            "organisation_predikat": [None, None, None, None, None, None, "Luar Biasa"],
        }
    )
    out = table_appraise(df)
    assert out["problem"].to_list() == [
        "D12-LABELS: rating_hasil_kerja 'xyz' is not a rating",
        "6/2022-PEJABAT-PENILAI: rating_perilaku_kerja is missing: the pejabat penilai kinerja"
        " gives both ratings",
        "6/2022-PEJABAT-PENILAI: rating_hasil_kerja is missing: the pejabat penilai kinerja"
        " gives both ratings",
        # "Baik" is a predikat, not a rating
        "D12-LABELS: rating_hasil_kerja 'Baik' is not a rating",
        "D3-UNIT-HEAD: organisation_predikat is missing: a unit head's rating hasil kerja is the"
        " organisation predikat",
        # blank text is missing
        "6/2022-PEJABAT-PENILAI: rating_hasil_kerja is missing: the pejabat penilai kinerja"
        " gives both ratings",
        "6/2022-PEJABAT-PENILAI: rating_perilaku_kerja is missing: the pejabat penilai kinerja"
        " gives both ratings; D12-LABELS: organisation_predikat 'Luar Biasa' is not an"
        " organisation predikat",
    ]
    assert out["predikat"].to_list() == [None] * 7
    assert out["rules"].to_list() == [None] * 7
    good = pl.DataFrame(
        {"rating_hasil_kerja": ["sesuai", "?"], "rating_perilaku_kerja": ["sesuai", "sesuai"]}
    )
    assert table_appraise(good)["predikat"].to_list() == ["baik", None]


def test_unit_head_flags_as_text_and_numbers() -> None:
    df = pl.DataFrame(
        {
            "rating_hasil_kerja": ["di bawah"] * 5,
            "rating_perilaku_kerja": ["sesuai"] * 5,
            "unit_head": ["Ya", "tidak", "", "mungkin", None],
            "organisation_predikat": ["istimewa"] * 5,
        }
    )
    out = table_appraise(df)
    assert out["predikat"].to_list() == [
        "baik",
        "butuh_perbaikan",
        "butuh_perbaikan",
        None,
        "butuh_perbaikan",
    ]
    assert out["problem"][3] == "TYPE: unit_head 'mungkin' is not true or false"
    numbers = df.with_columns(pl.Series("unit_head", [1, 0, 0, 7, None]))
    assert table_appraise(numbers)["predikat"].to_list() == out["predikat"].to_list()


def test_renamed_columns_and_an_earlier_problem_column() -> None:
    df = pl.DataFrame(
        {
            "Hasil": ["sesuai", "x"],
            "Perilaku": ["sesuai", "sesuai"],
            "Masalah": ["EKINERJA-NIP: nip '12' is not 18 digits", None],
        }
    )
    cols = {
        "rating_hasil_kerja": "Hasil",
        "rating_perilaku_kerja": "Perilaku",
        "problem": "Masalah",
    }
    out = table_appraise(df, columns=cols)
    assert out["predikat"].to_list() == ["baik", None]
    assert out["Masalah"].to_list() == [
        "EKINERJA-NIP: nip '12' is not 18 digits",
        "D12-LABELS: Hasil 'x' is not a rating",
    ]
    assert table_appraise(
        df,
        columns=Columns(
            rating_hasil_kerja="Hasil", rating_perilaku_kerja="Perilaku", problem="Masalah"
        ),
    ).equals(out)


def test_a_long_value_is_cut_in_the_problem() -> None:
    df = pl.DataFrame({"rating_hasil_kerja": ["x" * 100], "rating_perilaku_kerja": ["sesuai"]})
    assert table_appraise(df)["problem"][0] == (
        "D12-LABELS: rating_hasil_kerja '" + "x" * 57 + "...' is not a rating"
    )


def test_errors_raise_lists_the_bad_rows() -> None:
    df = pl.DataFrame(
        {
            "rating_hasil_kerja": ["sesuai", "xyz", "sesuai", None],
            "rating_perilaku_kerja": ["sesuai", "sesuai", None, "sesuai"],
        }
    )
    with pytest.raises(TableError) as caught:
        table_appraise(df, errors="raise")
    error = caught.value
    assert isinstance(error, AsnPerformanceError)
    assert [(p.path, p.value, p.rule) for p in error.problems] == [
        ("rows[1].rating_hasil_kerja", "xyz", "D12-LABELS"),
        ("rows[2].rating_perilaku_kerja", None, "6/2022-PEJABAT-PENILAI"),
        ("rows[3].rating_hasil_kerja", None, "6/2022-PEJABAT-PENILAI"),
    ]
    assert error.problems[0].message == "rating_hasil_kerja 'xyz' is not a rating"
    assert "di_atas_ekspektasi" in (error.problems[0].fix or "")
    assert error.more == 0
    assert table_appraise(df.head(1), errors="raise")["predikat"].to_list() == ["baik"]


def test_errors_raise_lists_a_hundred_rows_and_counts_the_rest() -> None:
    n = MAX_LISTED + 30
    df = pl.DataFrame({"rating_hasil_kerja": ["?"] * n, "rating_perilaku_kerja": ["sesuai"] * n})
    with pytest.raises(TableError) as caught:
        table_appraise(df.lazy(), errors="raise")
    assert len(caught.value.problems) == MAX_LISTED
    assert caught.value.more == 30
    assert caught.value.problems[-1].path == f"rows[{MAX_LISTED - 1}].rating_hasil_kerja"


def test_bad_arguments_are_refused_with_library_errors() -> None:
    df = pl.DataFrame({"rating_hasil_kerja": ["sesuai"], "rating_perilaku_kerja": ["sesuai"]})
    with pytest.raises(InputError) as caught:
        table_appraise(df, errors="ignore")  # type: ignore[arg-type]
    assert caught.value.path == "errors"
    with pytest.raises(InputError) as caught:
        table_appraise(df.drop("rating_perilaku_kerja"))
    assert caught.value.rule == "TABLE-COLUMN"
    assert caught.value.path == "columns.rating_perilaku_kerja"
    with pytest.raises(InputError):
        table_appraise(df, columns={"ratin": "x"})


# --- the object path, row for row ----------------------------------------------------------

_BLANK = st.sampled_from(["", " ", "\t", None])


@st.composite
def spelled(draw: st.DrawFn, enum: type[Rating] | type[OrganisationPredikat]) -> str:
    """An accepted spelling of a member, in a random case and with random separators."""
    member = draw(st.sampled_from(list(enum)))
    text = draw(st.sampled_from([member.code, member.label_id, member.label_en, *member.synonyms]))
    case = draw(st.sampled_from([str.upper, str.lower, str.title, str.swapcase, str]))
    sep = draw(st.sampled_from([" ", "_", "-", "  ", " _ "]))
    pad = draw(st.sampled_from(["", " ", "\t"]))
    return pad + case(text).replace(" ", sep).replace("_", sep) + pad


def _value(enum: type[Rating] | type[OrganisationPredikat]) -> st.SearchStrategy[str | None]:
    garbage = st.one_of(
        st.text(max_size=12),
        st.sampled_from(["Baik", "Sangat Baik", "di atas ekspektasi x", "1", "Istimewa"]),
    )
    return st.one_of(spelled(enum), spelled(enum), spelled(enum), _BLANK, garbage)


_ROW = st.tuples(
    _value(Rating),
    _value(Rating),
    st.sampled_from([False, False, True, None]),
    _value(OrganisationPredikat),
)


def _parsed(enum: Any, text: str | None) -> Any:
    """The object path's reading of a cell; the table reads blank text as missing (as an
    empty spreadsheet cell), where ``parse`` would refuse it."""
    if text is None or not text.strip():
        return None
    return enum.parse(text)


def object_path(
    row: tuple[str | None, str | None, bool | None, str | None],
    make_plan: Build,
    make_assessment: Build,
) -> tuple[Any, ...]:
    """(predikat code, rule ids, rule of the error) by asn_performance.appraise on a minimal
    plan whose pejabat penilai's assessment carries the row's ratings."""
    hasil, perilaku, head, organisation = row
    try:
        plan = make_plan(leads_unit=bool(head))
        assessment = make_assessment(
            "pejabat_penilai",
            _parsed(Rating, hasil),
            _parsed(Rating, perilaku),
            plan=plan,
        )
        result = appraise(
            plan,
            [assessment],
            organisation_predikat=_parsed(OrganisationPredikat, organisation),
        )
    except AsnPerformanceError as error:
        return None, None, error.rule
    used = [str(s.rule) for s in result.explanation.steps]
    rules = ";".join(r for r in used if r in ("D3-UNIT-HEAD", "6/2022-MATRIX"))
    return result.predikat.code, rules, None


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(_ROW, min_size=1, max_size=40))
def test_every_row_equals_the_object_path(
    rows: list[tuple[Any, ...]], make_plan: Build, make_assessment: Build
) -> None:
    df = pl.DataFrame(
        rows,
        schema={
            "rating_hasil_kerja": pl.String,
            "rating_perilaku_kerja": pl.String,
            "unit_head": pl.Boolean,
            "organisation_predikat": pl.String,
        },
        orient="row",
    )
    out = table_appraise(df)
    for row, predikat, label, rules, problem in zip(
        rows,
        out["predikat"],
        out["predikat_label"],
        out["rules"],
        out["problem"],
        strict=True,
    ):
        code, expected_rules, error_rule = object_path(row, make_plan, make_assessment)
        assert predikat == code, row
        assert rules == expected_rules, row
        assert label == (None if code is None else Predikat.parse(code).label_id)
        assert (problem is None) == (error_rule is None), (row, problem)
        if error_rule is not None and error_rule != "ASSESSMENT-EMPTY":
            assert f"{error_rule}: " in problem, (row, problem, error_rule)
