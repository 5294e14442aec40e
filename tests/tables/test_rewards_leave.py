"""Leave, tugas belajar, CLTN and MPP on a table (``tables.rewards``; ``tables._leave``).

The hand-worked figures come from the regulations' numbers, not from the code (Permenaker
15/2024 as our digest records it, regulations.md §8):

* tukin pokok kelas 7 = Rp 3,915,950, kelas 10 = Rp 5,979,200 (Lampiran Permenaker 15/2024
  p.12); performance share 70 %, attendance share 30 % (Pasal 5); Baik → 100 %, Butuh
  Perbaikan → 85 % (Kepsekjen 82/2025 Lampiran p.7); 3 % of the attendance share per day
  absent (Pasal 13).
* Pasal 14, "dibayarkan setelah dikurangi X %": cuti besar months 1-3 reduced 50/75/90 %,
  cuti sakit months 1-3 reduced 0/50/75 %, beyond 3 months 100 %; a miscarriage 1 % per day
  after day 30 up to day 45 (30 days a month: decision D17); cuti tahunan paid in full.
  Tugas belajar: 80 %, on top of a leave (D17). CLTN and bebas tugas MPP: nothing (Pasal 4
  huruf d).
* Kemnaker pays the net amount rounded once (the ministry's ADK sheet); each component is
  shown rounded half-up.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

pl = pytest.importorskip("polars")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from asn_performance._kit.labels import fold_label  # noqa: E402
from asn_performance.boundary.policy_files import load_builtin_policy  # noqa: E402
from asn_performance.consequences import (  # noqa: E402
    AllowancePolicy,
    Attendance,
    AttendanceCuts,
    RewardPolicy,
    compute_allowance,
)
from asn_performance.consequences.allowance import (  # noqa: E402
    MAX_LEAVE_MONTHS,
    DutyStatus,
    Leave,
    LeaveKind,
    LeavePolicy,
)
from asn_performance.consequences.allowance import paid_share as _paid_share  # noqa: E402
from asn_performance.exceptions import AsnPerformanceError, InputError  # noqa: E402
from asn_performance.tables import LeaveColumns, TableError, rewards  # noqa: E402
from asn_performance.tables._leave import MAX_LEAVE_DAYS  # noqa: E402

pd = pytest.importorskip("pandas")

#: A polars DataFrame as each kind of frame a caller may pass (as in conftest.py).
KINDS: dict[str, Any] = {
    "polars": lambda df: df,
    "polars-lazy": lambda df: df.lazy(),
    "pandas": lambda df: df.to_pandas(),
    "pandas-arrow": lambda df: df.to_pandas(types_mapper=pd.ArrowDtype),
    "pyarrow": lambda df: df.to_arrow(),
}


def as_polars(frame: Any) -> Any:
    """A result of any kind back as a polars DataFrame."""
    if isinstance(frame, pl.LazyFrame):
        return frame.collect()
    if isinstance(frame, pl.DataFrame):
        return frame
    if isinstance(frame, pd.DataFrame):
        return pl.from_pandas(frame)
    return pl.from_arrow(frame)


KEMNAKER = load_builtin_policy("kemnaker_2025")
PEMDA = load_builtin_policy("pemda_contoh_tpp")
NATIONAL = load_builtin_policy("national")
AMOUNTS = ("tunjangan_kinerja", "tunjangan_kehadiran", "tunjangan")


def paid(frame: Any, policy: Any = KEMNAKER, **kwargs: Any) -> pl.DataFrame:
    return as_polars(rewards(frame, policy, **kwargs))


def amounts(out: pl.DataFrame, index: int) -> tuple[Any, ...]:
    return tuple(out[name][index] for name in (*AMOUNTS, "paid_percent"))


def rules_of(problem: str | None) -> set[str]:
    return set() if problem is None else {part.split(": ", 1)[0] for part in problem.split("; ")}


# --------------------------------------------------------------------------------------------
# Hand-worked rows (Kemnaker 2025)
# --------------------------------------------------------------------------------------------


def test_kelas_7_baik_under_each_leave_and_status() -> None:
    frame = pl.DataFrame(
        {
            "predikat": ["baik"] * 10,
            "kelas": [7] * 10,
            "leave": [
                None,
                "cuti_sakit",
                None,
                "Cuti Sakit",
                "cuti_besar",
                "cuti_sakit_gugur_kandungan",
                "cuti_tahunan",
                "CUTI-SAKIT",
                "cltn",
                None,
            ],
            "leave_month": [None, 2, None, 2, 3, None, None, 4, None, None],
            "leave_days": [None, None, None, None, None, 40, None, None, None, None],
            "duty_status": [
                None,
                None,
                "tugas_belajar",
                "Tugas Belajar",
                None,
                None,
                None,
                None,
                None,
                "bebas_tugas_mpp",
            ],
        }
    )
    out = paid(frame)
    assert out["problem"].to_list() == [None] * 10
    # Kelas 7, Baik, no cuts: performance 3,915,950 × 70 % × 100 % = 2,741,165; attendance
    # 3,915,950 × 30 % = 1,174,785; total 3,915,950; paid 100 %.
    assert amounts(out, 0) == (2_741_165, 1_174_785, 3_915_950, 100)
    # Cuti sakit month 2, "dikurangi 50 %": paid 50 %. Performance 1,370,582.5 → shown
    # 1,370,583; attendance 587,392.5 → shown 587,393; the net 1,957,975 exactly, rounded once
    # (the rounded components would add up to 1,957,976).
    assert amounts(out, 1) == (1_370_583, 587_393, 1_957_975, 50)
    # Tugas belajar: 80 %. 2,741,165 × 0.8 = 2,192,932; 1,174,785 × 0.8 = 939,828; total
    # 3,132,760.
    assert amounts(out, 2) == (2_192_932, 939_828, 3_132_760, 80)
    # Cuti sakit month 2 during tugas belajar: 50 % × 80 % = 40 %. 2,741,165 × 0.4 =
    # 1,096,466; 1,174,785 × 0.4 = 469,914; total 1,566,380. (Labels in any case are read.)
    assert amounts(out, 3) == (1_096_466, 469_914, 1_566_380, 40)
    # Cuti besar month 3, "dikurangi 90 %": paid 10 %. 274,116.5 → 274,117; 117,478.5 →
    # 117,479; net 391,595.
    assert amounts(out, 4) == (274_117, 117_479, 391_595, 10)
    # Miscarriage of 40 days: 10 days after day 30 × 1 % = 10 % reduced, paid 90 %.
    # 2,467,048.5 → 2,467,049; 1,057,306.5 → 1,057,307; net 3,524,355.
    assert amounts(out, 5) == (2_467_049, 1_057_307, 3_524_355, 90)
    # Cuti tahunan is paid in full (Pasal 14 huruf a).
    assert amounts(out, 6) == (2_741_165, 1_174_785, 3_915_950, 100)
    # Cuti sakit month 4: beyond three months, reduced 100 %.
    assert amounts(out, 7) == (0, 0, 0, 0)
    # CLTN and bebas tugas MPP: no tukin (Pasal 4 huruf d).
    assert amounts(out, 8) == (0, 0, 0, 0)
    assert amounts(out, 9) == (0, 0, 0, 0)


def test_kelas_10_butuh_perbaikan_absent_one_day_on_cuti_sakit_month_3() -> None:
    # Performance 5,979,200 × 70 % × 85 % = 3,557,624; attendance 5,979,200 × 30 % × 97 % =
    # 1,739,947.2. Cuti sakit month 3, "dikurangi 75 %": paid 25 %: 889,406 and 434,986.8 →
    # shown 434,987; the net 1,324,392.8 → 1,324,393.
    frame = pl.DataFrame(
        {
            "predikat": ["butuh_perbaikan"],
            "kelas": [10],
            "days_absent": [1],
            "leave": ["cuti_sakit"],
            "leave_month": [3],
        }
    )
    assert amounts(paid(frame), 0) == (889_406, 434_987, 1_324_393, 25)


def test_the_object_path_agrees_with_the_worked_rows() -> None:
    # the same months through compute_allowance (the table's twin)
    both = compute_allowance(
        KEMNAKER.allowance,  # type: ignore[arg-type]
        7,
        "baik",
        leave=Leave("cuti_sakit", month=2),
        status=DutyStatus.TUGAS_BELAJAR,
    )
    assert (both.performance_paid, both.attendance_paid, both.total) == (
        1_096_466,
        469_914,
        1_566_380,
    )


# --------------------------------------------------------------------------------------------
# Problems: bad cells are marked, the good rows computed
# --------------------------------------------------------------------------------------------


def test_bad_cells_are_marked_and_the_good_rows_computed() -> None:
    frame = pl.DataFrame(
        {
            "predikat": ["baik"] * 10,
            "kelas": [7] * 10,
            "leave": [
                "cuti panjang",
                "cuti_besar",
                "cuti_besar",
                "cuti_sakit",
                "cuti_sakit_gugur_kandungan",
                "cuti_sakit_gugur_kandungan",
                "cuti_tahunan",
                None,
                "cuti_besar",
                "cuti_sakit",
            ],
            "leave_month": [None, 4, None, 0, None, None, None, 2, 2, 2],
            "leave_days": [None, None, None, None, None, 46, 3, None, None, None],
            "duty_status": [None, None, None, None, None, None, None, None, "pensiun", None],
        }
    )
    out = paid(frame)
    problems = out["problem"].to_list()
    assert [rules_of(p) for p in problems] == [
        {"TYPE"},  # not a kind of leave
        {"TUKIN-LEAVE"},  # cuti besar month 4: the policy reduces months 1-3
        {"TUKIN-LEAVE"},  # cuti besar without its month
        {"RANGE"},  # month 0
        {"TUKIN-LEAVE"},  # miscarriage without days
        {"TUKIN-LEAVE"},  # miscarriage of 46 days: past day 45
        {"TUKIN-LEAVE"},  # days for a cuti tahunan
        {"TUKIN-LEAVE"},  # a month without a leave
        {"TYPE"},  # not a duty status
        set(),  # computed: cuti sakit month 2, paid 50 %
    ]
    assert problems[0].startswith("TYPE: leave 'cuti panjang' is not a kind of leave (")
    assert problems[2].startswith("TUKIN-LEAVE: leave_month is missing: ")
    assert problems[8].startswith("TYPE: duty_status 'pensiun' is not a duty status")
    for index in range(9):
        assert amounts(out, index) == (None, None, None, None)
    assert amounts(out, 9) == (1_370_583, 587_393, 1_957_975, 50)


def test_every_problem_of_a_row_is_listed() -> None:
    frame = pl.DataFrame(
        {
            "predikat": ["baik"],
            "kelas": [7],
            "leave": ["cuti_tahunan"],
            "leave_month": ["dua"],
            "leave_days": [500],
            "duty_status": ["cuti"],
        }
    )
    problem = paid(frame)["problem"][0]
    assert rules_of(problem) == {"TYPE", "RANGE", "TUKIN-LEAVE"}
    assert "leave_month must be a whole number, not 'dua'" in problem
    assert f"leave_days must be a whole number from 1 to {MAX_LEAVE_DAYS}, not '500'" in problem
    assert "duty_status 'cuti' is not a duty status" in problem


def test_mpp_pays_nothing_whatever_the_leave() -> None:
    # paid_share returns 0 for MPP before it reads the leave: a cuti besar month 5 is no
    # problem then (the month must still be given and whole).
    frame = pl.DataFrame(
        {
            "predikat": ["baik"],
            "kelas": [7],
            "leave": ["cuti_besar"],
            "leave_month": [5],
            "duty_status": ["bebas_tugas_mpp"],
        }
    )
    out = paid(frame)
    assert out["problem"][0] is None
    assert amounts(out, 0) == (0, 0, 0, 0)


def test_a_policy_without_leave_rules_refuses_a_leave_or_a_status() -> None:
    frame = pl.DataFrame(
        {
            "predikat": ["baik"] * 3,
            "kelas": [7] * 3,
            "leave": [None, "cuti_tahunan", None],
            "duty_status": [None, None, "tugas_belajar"],
        }
    )
    out = paid(frame, PEMDA)
    problems = out["problem"].to_list()
    assert problems[0] is None
    allowance = PEMDA.allowance
    assert allowance is not None
    assert problems[1] == (
        f"TUKIN-LEAVE: leave 'cuti_tahunan': the allowance policy {allowance.name!r}"
        f" {allowance.version} has no leave rules, it cannot pay a month with a leave or a"
        " status"
    )
    assert rules_of(problems[2]) == {"TUKIN-LEAVE"}
    assert out["tunjangan"][1] is None
    assert out["tunjangan"][2] is None
    assert out["paid_percent"][0] == 100


def test_a_policy_without_an_allowance_reads_no_leave() -> None:
    frame = pl.DataFrame({"predikat": ["baik"], "leave": ["xx"], "leave_month": ["y"]})
    out = paid(frame, NATIONAL)
    assert out["problem"][0] is None
    assert "paid_percent" not in out.columns


def test_without_leave_columns_nothing_changes() -> None:
    frame = pl.DataFrame({"predikat": ["baik"], "kelas": [7]})
    out = paid(frame)
    assert "paid_percent" not in out.columns
    assert out["tunjangan"][0] == 3_915_950


def test_a_look_alike_column_is_not_read() -> None:
    # "cuti" is not a leave column: the month is paid in full, as documented; name it.
    frame = pl.DataFrame({"predikat": ["baik"], "kelas": [7], "cuti": ["cuti_besar"]})
    assert paid(frame)["tunjangan"][0] == 3_915_950
    named = paid(
        frame.with_columns(pl.lit(1).alias("bulan_cuti")),
        leave_columns={"leave": "cuti", "leave_month": "bulan_cuti"},
    )
    # cuti besar month 1: "dikurangi 50 %": 3,915,950 / 2 = 1,957,975
    assert named["tunjangan"][0] == 1_957_975


def test_errors_raise_names_the_leave_column() -> None:
    frame = pl.DataFrame(
        {"predikat": ["baik", "baik"], "kelas": [7, 7], "leave": [None, "cuti_besar"]}
    )
    with pytest.raises(TableError) as raised:
        rewards(frame, "kemnaker_2025", errors="raise")
    first = raised.value.problems[0]
    assert (first.path, first.rule) == ("rows[1].leave_month", "TUKIN-LEAVE")
    assert "leave_month" in (first.fix or "")


def test_leave_column_names_are_checked() -> None:
    frame = pl.DataFrame({"predikat": ["baik"], "kelas": [7]})
    with pytest.raises(InputError) as clash:
        rewards(frame, "kemnaker_2025", leave_columns={"leave": "kelas"})
    assert (clash.value.rule, clash.value.path) == ("TABLE-COLUMN", "leave_columns['leave']")
    with pytest.raises(InputError) as unknown:
        rewards(frame, "kemnaker_2025", leave_columns={"cuti": "x"})
    assert unknown.value.rule == "TYPE"
    with pytest.raises(InputError):
        rewards(frame, "kemnaker_2025", leave_columns=["leave"])  # type: ignore[arg-type]
    custom = LeaveColumns(leave="jenis_cuti", paid_percent="dibayar")
    out = paid(frame.with_columns(jenis_cuti=pl.lit("cltn")), leave_columns=custom)
    assert (out["tunjangan"][0], out["dibayar"][0]) == (0, 0)


def test_dictionary_encoded_leave_columns() -> None:
    frame = pl.DataFrame(
        {
            "predikat": ["baik"] * 3,
            "kelas": [7] * 3,
            "leave": ["cuti_besar", "xx", None],
            "leave_month": [1, None, None],
            "duty_status": ["tugas_belajar", None, None],
        }
    ).with_columns(pl.col("leave", "duty_status").cast(pl.Categorical))
    out = paid(frame)
    # cuti besar month 1 (paid 50 %) during tugas belajar (80 %): 40 % of 3,915,950 =
    # 1,566,380
    assert out["tunjangan"].to_list() == [1_566_380, None, 3_915_950]
    assert rules_of(out["problem"][1]) == {"TYPE"}


# --------------------------------------------------------------------------------------------
# Frames: each kind in, the same kind and the same values out
# --------------------------------------------------------------------------------------------

_FRAME = pl.DataFrame(
    {
        "predikat": ["baik", "baik", "sangat_baik", "baik"],
        "kelas": [7, 7, 10, 7],
        "leave": ["cuti_sakit", None, "cuti_besar", "xx"],
        "leave_month": [2, None, 1, None],
        "duty_status": [None, "tugas_belajar", None, None],
    }
)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_frame(kind: str) -> None:
    frame = KINDS[kind](_FRAME)
    out = rewards(frame, "kemnaker_2025")
    assert type(out) is type(frame)
    got = as_polars(out)
    # kelas 10 Sangat Baik on cuti besar month 1: 5,979,200 × 50 % = 2,989,600
    assert [None if v is None else int(v) for v in got["tunjangan"]] == [
        1_957_975,
        3_132_760,
        2_989_600,
        None,
    ]
    assert [None if v is None else Decimal(str(v)) for v in got["paid_percent"]] == [
        50,
        80,
        50,
        None,
    ]
    assert rules_of(got["problem"][3]) == {"TYPE"}


def test_dask_computes_leave_as_the_eager_run() -> None:
    dd = pytest.importorskip("dask.dataframe")
    dask = pytest.importorskip("dask")
    frame = _FRAME.to_pandas()
    eager = paid(_FRAME)
    ddf = dd.from_pandas(frame, npartitions=2)
    with dask.config.set(scheduler="synchronous"):
        out = rewards(ddf, "kemnaker_2025").compute()
    for name in (*AMOUNTS, "paid_percent", "problem"):
        got = [None if pd.isna(v) else str(v) for v in out[name].tolist()]
        assert got == [None if v is None else str(v) for v in eager[name].to_list()], name


# --------------------------------------------------------------------------------------------
# The property: every output column equals compute_allowance, row by row
# --------------------------------------------------------------------------------------------

#: An agency policy with odd decimals: leave reductions of 12.5 %, a rate of 0.25 % a day, a
#: tugas belajar of 77.7 %, only cuti tahunan paid in full; components paid rounded.
ODD = RewardPolicy(
    name="odd",
    version="1",
    allowance=AllowancePolicy(
        name="odd",
        version="1",
        base={1: "1000001", 3: "2500000.5", 7: "3915950", 17: "33240000"},
        performance_share="62.5",
        performance_percentage={
            "sangat_baik": "100",
            "baik": "97.5",
            "butuh_perbaikan": "85.25",
            "kurang": "60",
            "sangat_kurang": "33.3",
        },
        attendance_share="37.5",
        cuts=AttendanceCuts(
            per_day_absent="3.5",
            per_missing_check="1.25",
            per_minute="0.015",
            per_missed_ceremony="2",
            cap="80",
        ),
        citation="test",
        pay_rounded_components=True,
        leave=LeavePolicy(
            paid_in_full=["cuti_tahunan"],
            long_leave=["12.5", "33.33", "90"],
            sick_leave=["0", "50.5"],
            sick_leave_after="99.99",
            miscarriage_free_days=10,
            miscarriage_last_day=40,
            miscarriage_per_day="0.25",
            study_percent="77.7",
            citation="test",
        ),
    ),
)
POLICIES = (KEMNAKER, ODD, PEMDA, NATIONAL)
_CODES = {fold_label(kind.code): kind.code for kind in LeaveKind}
_STATUS = {fold_label(status.code): status.code for status in DutyStatus}
_LEAVE_TEXT = [
    *(kind.code for kind in LeaveKind),
    *(kind.code.upper().replace("_", " ") for kind in LeaveKind),
    "Cuti-Besar",
    "cuti",
    "tugas_belajar",
    " ",
    None,
    None,
    None,
]
_STATUS_TEXT = [
    "tugas_belajar",
    "Tugas Belajar",
    "bebas_tugas_mpp",
    "BEBAS-TUGAS-MPP",
    "cltn",
    "",
    None,
    None,
    None,
]
_ROW = st.fixed_dictionaries(
    {
        "predikat": st.sampled_from(["sangat_baik", "baik", "butuh_perbaikan", "kurang"]),
        "kelas": st.sampled_from([1, 3, 7, 10, 17]),
        "days_absent": st.integers(0, 3),
        "minutes_late_or_early": st.integers(0, 90),
        "leave": st.sampled_from(_LEAVE_TEXT),
        # the policies' months (1-5 cross every table's end), any month up to the largest,
        # the edges just outside and a negative one
        "leave_month": st.one_of(
            st.integers(1, 5),
            st.integers(1, MAX_LEAVE_MONTHS),
            st.just(None),
            st.sampled_from([0, -1, MAX_LEAVE_MONTHS, MAX_LEAVE_MONTHS + 1]),
        ),
        "leave_days": st.one_of(
            st.just(None),
            st.integers(1, 50),
            st.integers(1, MAX_LEAVE_DAYS),
            st.sampled_from([0, -3, MAX_LEAVE_DAYS, MAX_LEAVE_DAYS + 1]),
        ),
        "duty_status": st.sampled_from(_STATUS_TEXT),
    }
)


@st.composite
def _coherent(draw: Any) -> dict[str, Any]:
    """A row whose leave cells fit together (the month for the kinds reduced by month, days
    for a miscarriage), so that most rows are computed."""
    kind = draw(st.sampled_from([*LeaveKind, None]))
    code = None if kind is None else kind.code
    return {
        "predikat": draw(st.sampled_from(["sangat_baik", "baik", "butuh_perbaikan", "kurang"])),
        "kelas": draw(st.sampled_from([1, 3, 7, 17])),
        "days_absent": draw(st.integers(0, 3)),
        "minutes_late_or_early": draw(st.integers(0, 90)),
        "leave": code,
        "leave_month": draw(st.integers(1, 4)) if code in ("cuti_besar", "cuti_sakit") else None,
        "leave_days": draw(st.integers(1, 46)) if kind is LeaveKind.SICK_MISCARRIAGE else None,
        "duty_status": draw(st.sampled_from(["tugas_belajar", "bebas_tugas_mpp", None, None])),
    }


_ANY_ROW = st.one_of(_ROW, _coherent(), _coherent())
_SCHEMA = {
    "predikat": pl.String,
    "kelas": pl.Int64,
    "days_absent": pl.Int64,
    "minutes_late_or_early": pl.Int64,
    "leave": pl.String,
    "leave_month": pl.Int64,
    "leave_days": pl.Int64,
    "duty_status": pl.String,
}


def _rule(call: Any) -> str | None:
    try:
        call()
    except AsnPerformanceError as error:
        return error.rule
    return None


def _text(value: str | None) -> str | None:
    return None if value is None or not value.strip() else value


def expected(  # noqa: PLR0912 - one branch per check of the object path
    item: dict[str, Any], policy: RewardPolicy
) -> tuple[dict[str, Any], set[str]]:
    """The object path for one row: each input checked by the object's own constructors and
    ``paid_share`` (the checks the table adds -- a month or days without a leave, a cuti besar
    or cuti sakit without its month -- named by their rule), then ``compute_allowance``."""
    allowance = policy.allowance
    values: dict[str, Any] = dict.fromkeys((*AMOUNTS, "paid_percent"))
    if allowance is None:
        return values, set()
    text, status_text = _text(item["leave"]), _text(item["duty_status"])
    month, days = item["leave_month"], item["leave_days"]
    code = None if text is None else _CODES.get(fold_label(text))
    status = None if status_text is None else _STATUS.get(fold_label(status_text))
    rules: set[str | None] = set()
    if item["kelas"] not in allowance.base:
        rules.add("TUKIN-KELAS")
    if text is not None and code is None:
        rules.add(_rule(lambda: Leave(text)))  # TYPE
    if status_text is not None and status is None:
        rules.add(_rule(lambda: _paid_share(None, None, status_text, where="x")))  # TYPE
    month_ok = month is None or _rule(lambda: Leave("cuti_tahunan", month=month)) is None
    days_ok = days is None or _rule(lambda: Leave("cuti_sakit_gugur_kandungan", days=days)) is None
    if not month_ok:
        rules.add(_rule(lambda: Leave("cuti_tahunan", month=month)))
    if not days_ok:
        rules.add(_rule(lambda: Leave("cuti_sakit_gugur_kandungan", days=days)))
    if text is None and (month is not None or days is not None):
        rules.add("TUKIN-LEAVE")  # a month or days without a leave (the table's check)
    if code in ("cuti_besar", "cuti_sakit") and month is None:
        rules.add("TUKIN-LEAVE")  # the table never assumes month 1
    leave = None
    if code is not None:
        miscarriage = code == "cuti_sakit_gugur_kandungan"
        kept_days = days if miscarriage and days_ok else None
        if miscarriage and days is None:
            rules.add(_rule(lambda: Leave(code)))  # TUKIN-LEAVE: days needed
        if not miscarriage and days is not None:
            rules.add(_rule(lambda: Leave(code, days=1)))  # TUKIN-LEAVE: days refused
        if not (miscarriage and kept_days is None):
            leave = Leave(
                code, month=month if month is not None and month_ok else 1, days=kept_days
            )
    if allowance.leave is None and (text is not None or status_text is not None):
        rules.add("TUKIN-LEAVE")  # the policy has no leave rules
    elif leave is not None and not (code in ("cuti_besar", "cuti_sakit") and not month_ok):
        rules.add(_rule(lambda: _paid_share(allowance.leave, leave, status, where="x")))
    rules.discard(None)
    if rules:
        return values, {str(rule) for rule in rules}
    result = compute_allowance(
        allowance,
        item["kelas"],
        item["predikat"],
        Attendance(
            days_absent=item["days_absent"], minutes_late_or_early=item["minutes_late_or_early"]
        ),
        leave=leave,
        status=status,
    )
    values.update(
        tunjangan_kinerja=result.performance_paid,
        tunjangan_kehadiran=result.attendance_paid,
        tunjangan=result.total,
        paid_percent=result.paid_percent,
    )
    return values, set()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(_ANY_ROW, min_size=1, max_size=200),
    which=st.integers(0, len(POLICIES) - 1),
    as_text=st.booleans(),
)
def test_every_column_equals_compute_allowance(
    rows: list[dict[str, Any]], which: int, as_text: bool
) -> None:
    policy = POLICIES[which]
    frame = pl.DataFrame(rows, schema=_SCHEMA)
    if as_text:  # the numbers as text (a CSV read as strings), the codes dictionary-encoded
        frame = frame.with_columns(
            pl.col("leave_month", "leave_days").cast(pl.String),
            pl.col("leave", "duty_status").cast(pl.Categorical),
        )
    out = paid(frame, policy)
    for index, item in enumerate(rows):
        values, rules = expected(item, policy)
        got = out.row(index, named=True)
        assert rules_of(got["problem"]) == rules, (item, got["problem"])
        for name in AMOUNTS:
            assert got[name] == values[name], (item, name, got[name], values[name])
            if values[name] is not None:  # the same digits, not only the same number
                assert str(got[name]) == str(values[name]), (item, name)
        if policy.allowance is not None:
            assert got["paid_percent"] == values["paid_percent"], (item, got["paid_percent"])
