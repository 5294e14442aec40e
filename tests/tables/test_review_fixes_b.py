"""Review fixes in ``tables.read_ekinerja`` and ``tables.rewards``: a wrong argument type is a
library error naming the argument; whole numbers written as text with a zero fraction are
read as the CLI reads a CSV; a problem of ``errors="raise"`` names its row and column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

pytest.importorskip("python_calamine")

from asn_performance import tables
from asn_performance.exceptions import InputError
from asn_performance.tables._columns import Columns
from asn_performance.tables.ekinerja import EkinerjaError

# -- 1. read_ekinerja's argument types ------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "keywords", "path", "kind"),
    [
        ((5,), {}, "path_or_paths", "int"),
        ((None,), {}, "path_or_paths", "NoneType"),
        ((b"x.xlsx",), {}, "path_or_paths", "bytes"),
        (("x.xlsx",), {"periods": 2026}, "periods", "int"),
        (("x.xlsx",), {"periods": 2026.0}, "periods", "float"),
    ],
)
def test_read_ekinerja_refuses_a_wrong_type_naming_the_argument(
    arguments: tuple[Any, ...], keywords: dict[str, Any], path: str, kind: str
) -> None:
    with pytest.raises(EkinerjaError) as raised:
        tables.read_ekinerja(*arguments, **keywords)
    error = raised.value
    assert isinstance(error, InputError)
    assert (error.path, error.rule) == (path, "TYPE")
    assert error.message.endswith(f"not {kind}")
    assert error.message.startswith(f"{path} must be")
    assert error.fix is not None
    assert error.fix.startswith("pass ")


def test_a_period_of_the_wrong_type_is_refused_before_any_file_is_opened(tmp_path: Path) -> None:
    # The file does not exist: the period's type is what is wrong, and it is said first.
    with pytest.raises(EkinerjaError) as raised:
        tables.read_ekinerja(tmp_path / "missing.xlsx", periods=2026)
    assert raised.value.path == "periods"


# -- 3. whole numbers written as text -------------------------------------------------------


def test_text_whole_numbers_with_a_zero_fraction_are_whole() -> None:
    # kemnaker_2025 pays kelas 1-17. "7.0" is kelas 7 (as the integer 7 is);
    # "18.00" is read as kelas 18, which is not in the table; "7.5" is not a whole number.
    frame = pl.DataFrame(
        {"predikat": ["baik"] * 5, "kelas": ["7", "7.0", " 7.000 ", "18.00", "7.5"]}
    )
    out = tables.rewards(frame, "kemnaker_2025")
    problems = out["problem"].to_list()
    assert problems[:3] == [None, None, None]
    assert problems[3] == (
        "TUKIN-KELAS: kelas jabatan 18 is not in the table of policy 'kemnaker' 2025"
        " (kelas 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17)"
    )
    assert problems[4] == "TYPE: kelas must be a whole number, not '7.5'"
    paid = out["tunjangan"].to_list()
    assert paid[0] is not None
    assert paid[1:3] == [paid[0], paid[0]]
    assert paid[3:] == [None, None]


@pytest.mark.parametrize("text", ["7.", ".0", "7.01", "1e1", "7,0"])
def test_other_text_is_still_not_a_whole_number(text: str) -> None:
    out = tables.rewards(pl.DataFrame({"predikat": ["baik"], "kelas": [text]}), "kemnaker_2025")
    assert out["problem"][0] == f"TYPE: kelas must be a whole number, not '{text}'"


def test_months_as_text_with_a_zero_fraction_prorate_the_angka_kredit() -> None:
    # Ahli Pertama: koefisien 12.5 a year; Baik 100 %; 6 months -> 12.5 * 6/12 = 6.25.
    frame = pl.DataFrame({"predikat": ["baik"], "jenjang": ["ahli_pertama"], "months": ["6.0"]})
    out = tables.rewards(frame, "national")
    assert out["problem"][0] is None
    assert str(out["angka_kredit"][0]) == "6.25"


# -- 4. errors="raise" names the column -----------------------------------------------------


def test_raised_problems_name_the_row_and_the_column() -> None:
    frame = pl.DataFrame({"predikat": ["baik", "x", None], "kelas": [99, 10, 10]})
    with pytest.raises(tables.TableError) as raised:
        tables.rewards(frame, "kemnaker_2025", errors="raise")
    problems = raised.value.problems
    assert [(p.path, p.rule, p.value) for p in problems] == [
        ("rows[0].kelas", "TUKIN-KELAS", 99),
        ("rows[1].predikat", "D12-LABELS", "x"),
        ("rows[2].predikat", "REWARD-APPRAISALS", None),
    ]
    assert problems[1].message == "predikat 'x' is not a predikat"
    assert problems[2].message == "predikat is empty: the row has no predikat, nothing to reward"


def test_every_rewards_problem_starts_with_its_column() -> None:
    # Each row has one problem; its text (after the rule id) starts with the column's name.
    frame = pl.DataFrame(
        {
            "predikat": ["baik", "baik", "baik", "baik", "baik"],
            "jenjang": ["ahli_muda", "nope", None, None, None],
            "months": [None, 6, 6, 6, 6],
            "kelas": [7, 7, None, 7, 7],
            "days_absent": ["0", "0", "0", "x", "-1"],
        }
    )
    out = tables.rewards(frame, "kemnaker_2025")
    assert out["problem"].to_list() == [
        "AK-MONTHS: months is missing for a jabatan fungsional (the angka kredit is prorated by"
        " the months of the period, 1-12)",
        "D12-LABELS: jenjang 'nope' is not a jenjang",
        "TUKIN-KELAS: kelas is empty: no kelas jabatan (policy 'kemnaker' 2025 pays by kelas)",
        "TYPE: days_absent must be a whole number, not 'x'",
        "RANGE: days_absent must be a whole number from 0 to 1000000, not '-1'",
    ]


def test_a_missing_column_problem_starts_with_the_column() -> None:
    out = tables.rewards(pl.DataFrame({"predikat": ["baik"]}), "kemnaker_2025")
    assert out["problem"][0] == (
        "TUKIN-KELAS: kelas is missing: no column kelas (policy 'kemnaker' 2025 pays by kelas"
        " jabatan)"
    )
    jf = pl.DataFrame({"predikat": ["baik"], "jenjang": ["ahli_muda"]})
    assert tables.rewards(jf, "national")["problem"][0] == (
        "AK-MONTHS: months is missing for a jabatan fungsional (no column months: the angka"
        " kredit is prorated by the months of the period, 1-12)"
    )


def test_a_renamed_kelas_column_is_named_in_the_unknown_kelas_problem() -> None:
    frame = pl.DataFrame({"predikat": ["baik"], "kls": [18]})
    out = tables.rewards(frame, "kemnaker_2025", columns={"kelas": "kls"})
    assert out["problem"][0].startswith("TUKIN-KELAS: kls (kelas jabatan) 18 is not in the table")


def test_rewards_fixes_name_the_choices_of_each_column() -> None:
    from asn_performance.tables._rewards import rewards_fixes

    fixes = rewards_fixes(Columns())
    assert fixes[("D12-LABELS", "predikat")] == (
        "give a predikat: sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang (or a label)"
    )
    assert fixes[("RANGE", "kelas")] == "give kelas: a whole number from 1 to 999"
    assert fixes[("AK-MONTHS", "months")] == "give months: the whole months of the period (1-12)"
    assert fixes[("RANGE", "days_absent")] == (
        "give days_absent: a whole number from 0 to 1,000,000 (empty counts 0)"
    )


def test_raised_reward_problems_carry_the_fix_of_their_column() -> None:
    """The fixes of `rewards_fixes` reach the raised problems (they were generic)."""
    import polars as pl

    from asn_performance import tables
    from asn_performance.tables import TableError
    from asn_performance.tables._columns import Columns
    from asn_performance.tables._rewards import rewards_fixes

    frame = pl.DataFrame({"predikat": ["baik", "x"], "kelas": [7, 7]})
    with pytest.raises(TableError) as caught:
        tables.rewards(frame, "kemnaker_2025", errors="raise")
    (problem,) = caught.value.problems
    assert (problem.path, problem.rule) == ("rows[1].predikat", "D12-LABELS")
    assert problem.fix == rewards_fixes(Columns())[("D12-LABELS", "predikat")]
    assert "sangat_baik" in (problem.fix or "")
