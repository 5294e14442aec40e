"""Angka kredit and tunjangan kinerja / TPP on a table (``tables._rewards.rewards_polars``).

The hand-worked figures are computed here from the regulations' numbers, not from the code:

* Kemnaker 2025 (Permenaker 15/2024 Pasal 5 and 13; Kepsekjen 82/2025): tukin pokok kelas 7
  = Rp 3,915,950; performance share 70 %, attendance share 30 %; Baik → 100 %, Butuh
  Perbaikan → 85 %; cuts 3 % per day absent, 1 % per missing check, 0.01 % per minute, 3 % per
  missed ceremony, of the attendance share.
* Angka kredit (PermenPANRB 1/2023 Pasal 36, PerBKN 3/2023): months/12 × 150/100/75/50/25 % ×
  koefisien (Ahli Pertama 12.5, Ahli Madya 37.5, Mahir 12.5, ...), shown to 2 places half-up.

Until ``tables/__init__.py`` exists these tests call ``rewards_polars`` directly on a polars
LazyFrame that already has a ``predikat`` column (the contract's input).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

pl = pytest.importorskip("polars")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from asn_performance.boundary.policy_files import load_builtin_policy  # noqa: E402
from asn_performance.consequences import (  # noqa: E402
    AllowancePolicy,
    AngkaKreditRule,
    Attendance,
    AttendanceCuts,
    RewardPolicy,
    angka_kredit,
    compute_allowance,
)
from asn_performance.domain.employee import Jenjang  # noqa: E402
from asn_performance.domain.rating import Predikat  # noqa: E402
from asn_performance.exceptions import (  # noqa: E402
    AsnPerformanceError,
    InputError,
    PolicyError,
)
from asn_performance.tables._columns import ATTENDANCE, Columns  # noqa: E402
from asn_performance.tables._rewards import MAX_COUNT, rewards_polars  # noqa: E402

RESULTS = ("angka_kredit", "tunjangan_kinerja", "tunjangan_kehadiran", "tunjangan")
KEMNAKER = load_builtin_policy("kemnaker_2025")
NATIONAL = load_builtin_policy("national")
PEMDA = load_builtin_policy("pemda_contoh_tpp")


def run(rows: list[dict[str, Any]], policy: RewardPolicy = KEMNAKER, **kwargs: Any) -> Any:
    frame = pl.DataFrame(rows, infer_schema_length=None, **kwargs)
    return rewards_polars(frame.lazy(), policy, Columns()).collect()


def row(**values: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "predikat": "baik",
        "jenjang": None,
        "months": None,
        "kelas": 7,
        "days_absent": 0,
        "missing_checks": 0,
        "minutes_late_or_early": 0,
        "missed_ceremonies": 0,
    }
    base.update(values)
    return base


def rules_of(problem: str | None) -> set[str]:
    return set() if problem is None else {part.split(": ", 1)[0] for part in problem.split("; ")}


# --------------------------------------------------------------------------------------------
# Hand-worked rows
# --------------------------------------------------------------------------------------------


def test_kemnaker_kelas_7_baik_one_day_absent_thirty_minutes_late() -> None:
    # performance: 3,915,950 × 70 % × 100 % = 2,741,165 (exact)
    # cuts: 1 day × 3 % + 30 min × 0.01 % = 3.3 % of the attendance share
    # attendance: 3,915,950 × 30 % = 1,174,785; × (100 − 3.3) % = 1,136,017.095 → 1,136,017
    # total: 2,741,165 + 1,136,017 = 3,877,182
    # angka kredit, Ahli Pertama, Baik, 1 month: 12.5 × 100 % × 1/12 = 1.041666… → 1.04
    out = run([row(jenjang="Ahli Pertama", months=1, days_absent=1, minutes_late_or_early=30)])
    got = out.row(0, named=True)
    assert got["angka_kredit"] == Decimal("1.04")
    assert got["tunjangan_kinerja"] == Decimal(2_741_165)
    assert got["tunjangan_kehadiran"] == Decimal(1_136_017)
    assert got["tunjangan"] == Decimal(3_877_182)
    assert got["problem"] is None
    assert out.schema["angka_kredit"] == pl.Decimal(38, 2)
    assert out.schema["tunjangan"] == pl.Decimal(38, 0)


def test_kemnaker_butuh_perbaikan_and_the_docstring_example() -> None:
    # kelas 7, Butuh Perbaikan: 3,915,950 × 70 % × 85 % = 2,329,990.25 → 2,329,990;
    # attendance without cuts 1,174,785; total 3,504,775.
    # kelas 10, Baik, 1 day absent, 2 missing checks, 60 minutes, 1 ceremony: cuts
    # 3 + 2 + 0.6 + 3 = 8.6 %; attendance 5,979,200 × 30 % × 91.4 % = 1,639,496.64 → 1,639,497;
    # performance 5,979,200 × 70 % = 4,185,440; total 5,824,937.
    out = run(
        [
            row(predikat="butuh_perbaikan"),
            row(
                kelas=10,
                days_absent=1,
                missing_checks=2,
                minutes_late_or_early=60,
                missed_ceremonies=1,
            ),
        ]
    )
    assert out["tunjangan_kinerja"].to_list() == [Decimal(2_329_990), Decimal(4_185_440)]
    assert out["tunjangan_kehadiran"].to_list() == [Decimal(1_174_785), Decimal(1_639_497)]
    assert out["tunjangan"].to_list() == [Decimal(3_504_775), Decimal(5_824_937)]


def test_angka_kredit_worked_values() -> None:
    # Ahli Madya, Butuh Perbaikan, 12 months: 37.5 × 75 % = 28.125 → 28.13 (half-up, not even)
    # Ahli Pertama, Sangat Baik, 12 months: 12.5 × 150 % = 18.75
    # Ahli Pertama, Baik, 2 months: 12.5 × 2/12 = 2.08333… → 2.08
    # Mahir, Sangat Kurang, 2 months: 12.5 × 25 % × 2/12 = 0.520833… → 0.52
    # Pemula, Kurang, 1 month: 3.75 × 50 % / 12 = 0.15625 → 0.16
    out = run(
        [
            row(predikat="butuh_perbaikan", jenjang="ahli_madya", months=12),
            row(predikat="Sangat Baik", jenjang="AHLI PERTAMA", months=12),
            row(predikat="baik", jenjang="First expert", months=2),
            row(predikat="sangat_kurang", jenjang="mahir", months=2),
            row(predikat="kurang", jenjang="pemula", months=1),
        ],
        NATIONAL,
    )
    assert out["angka_kredit"].to_list() == [
        Decimal("28.13"),
        Decimal("18.75"),
        Decimal("2.08"),
        Decimal("0.52"),
        Decimal("0.16"),
    ]
    # the national policy pays no allowance: null tunjangan, kelas not read
    for name in ("tunjangan_kinerja", "tunjangan_kehadiran", "tunjangan"):
        assert out[name].null_count() == 5
    assert out["problem"].null_count() == 5


def test_pemda_contoh_tpp() -> None:
    # kelas 7 = 4,200,000; 60 % performance, Baik → 90 %: 4,200,000 × 60 % × 90 % = 2,268,000
    # cuts: 1 day × 4 % + 30 min × 0.02 % = 4.6 %; 4,200,000 × 40 % × 95.4 % = 1,602,720
    # kelas 12 = 9,500,000, Butuh Perbaikan → 75 %: 9,500,000 × 60 % × 75 % = 4,275,000;
    # 3 missing checks × 1.5 % = 4.5 %: 9,500,000 × 40 % × 95.5 % = 3,629,000
    out = run(
        [
            row(days_absent=1, minutes_late_or_early=30),
            row(predikat="butuh_perbaikan", kelas=12, missing_checks=3),
        ],
        PEMDA,
    )
    assert out["tunjangan_kinerja"].to_list() == [Decimal(2_268_000), Decimal(4_275_000)]
    assert out["tunjangan_kehadiran"].to_list() == [Decimal(1_602_720), Decimal(3_629_000)]
    assert out["tunjangan"].to_list() == [Decimal(3_870_720), Decimal(7_904_000)]


def test_cuts_are_capped_at_the_attendance_share() -> None:
    # 40 days absent × 3 % = 120 % → capped at 100 %: attendance 0, performance untouched
    out = run([row(days_absent=40)])
    assert out["tunjangan_kehadiran"].to_list() == [Decimal(0)]
    assert out["tunjangan"].to_list() == [Decimal(2_741_165)]


def test_absent_attendance_columns_mean_no_cuts() -> None:
    out = run([{"predikat": "baik", "kelas": 7}])
    assert out["tunjangan_kehadiran"].to_list() == [Decimal(1_174_785)]
    assert out["problem"].to_list() == [None]


# --------------------------------------------------------------------------------------------
# Problems
# --------------------------------------------------------------------------------------------


def test_problems_null_that_row_only() -> None:
    out = run(
        [
            row(jenjang="ahli_muda", months=12),
            row(jenjang="Ahli Mudah", months=12),
            row(jenjang="ahli_muda", months=13),
            row(jenjang="ahli_muda", months=None),
            row(kelas=18),
            row(kelas=None),
            row(kelas=0),
            row(days_absent=-1),
            row(predikat=None),
            row(predikat="istimewa"),
            row(jenjang=" ", months=99),  # blank jenjang: not a JF, months not read
        ]
    )
    assert [rules_of(p) for p in out["problem"].to_list()] == [
        set(),
        {"D12-LABELS"},
        {"RANGE"},
        {"AK-MONTHS"},
        {"TUKIN-KELAS"},
        {"TUKIN-KELAS"},
        {"RANGE"},
        {"RANGE"},
        {"REWARD-APPRAISALS"},
        {"D12-LABELS"},
        set(),
    ]
    assert out["angka_kredit"].to_list()[:2] == [Decimal("25.00"), None]
    for name in RESULTS[1:]:
        values = out[name].to_list()
        assert values[0] is not None
        assert values[-1] is not None
        assert values[1:-1] == [None] * 9
    assert "kelas jabatan 18 is not in the table of policy 'kemnaker' 2025" in out["problem"][4]


def test_earlier_problem_is_kept_and_not_repeated() -> None:
    frame = pl.DataFrame(
        {"predikat": [None, "baik"], "kelas": [7, 99], "problem": ["D12-LABELS: x", None]}
    )
    out = rewards_polars(frame.lazy(), KEMNAKER, Columns()).collect()
    assert out["problem"][0] == "D12-LABELS: x"
    assert out["problem"][1].startswith("TUKIN-KELAS: kelas jabatan 99 is not in")


def test_no_kelas_column_under_an_allowance_policy() -> None:
    out = run([{"predikat": "baik"}])
    assert rules_of(out["problem"][0]) == {"TUKIN-KELAS"}


def test_jenjang_without_months_column() -> None:
    out = run(
        [{"predikat": "baik", "jenjang": "mahir"}, {"predikat": "baik", "jenjang": None}], NATIONAL
    )
    assert rules_of(out["problem"][0]) == {"AK-MONTHS"}
    assert out["problem"][1] is None


def test_input_types() -> None:
    # pandas-style float columns with gaps, text digits, categorical labels
    frame = pl.DataFrame(
        {
            "predikat": ["baik", "baik", "baik", "baik"],
            "jenjang": ["ahli_pertama", "ahli_pertama", "ahli_pertama", None],
            "months": [12.0, 1.5, float("nan"), None],
            "kelas": [" 7", "7.0", "7", ""],
            "days_absent": [1.0, None, 0.0, 0.0],
        },
        schema_overrides={"jenjang": pl.Categorical},
    )
    out = rewards_polars(frame.lazy(), KEMNAKER, Columns()).collect()
    assert [rules_of(p) for p in out["problem"].to_list()] == [
        set(),
        {"TYPE"},
        {"AK-MONTHS"},
        {"TUKIN-KELAS"},
    ]
    assert out["angka_kredit"][0] == Decimal("12.50")
    assert out["tunjangan_kehadiran"][0] == Decimal(1_139_541)  # 1,174,785 × 97 % = 1,139,541.45


def test_renamed_columns_and_lazy_output() -> None:
    columns = Columns(
        predikat="Predikat", kelas="Kelas", days_absent="Alpa", tunjangan="Total", problem="Masalah"
    )
    frame = pl.DataFrame({"Predikat": ["baik"], "Kelas": [7], "Alpa": [1]})
    result = rewards_polars(frame.lazy(), KEMNAKER, columns)
    assert isinstance(result, pl.LazyFrame)
    out = result.collect()
    assert out["Total"].to_list() == [Decimal(2_741_165 + 1_139_541)]
    assert out.columns == [
        "Predikat",
        "Kelas",
        "Alpa",
        "angka_kredit",
        "tunjangan_kinerja",
        "tunjangan_kehadiran",
        "Total",
        "Masalah",
    ]


def test_without_predikat_column_is_a_library_error() -> None:
    with pytest.raises(InputError) as raised:
        rewards_polars(pl.LazyFrame({"kelas": [7]}), KEMNAKER, Columns())
    assert raised.value.rule == "REWARD-APPRAISALS"
    with pytest.raises(PolicyError):
        rewards_polars(pl.LazyFrame({"predikat": ["baik"]}), "kemnaker", Columns())  # type: ignore[arg-type]


def test_policy_with_too_many_digits_is_refused() -> None:
    assert KEMNAKER.allowance is not None
    cuts = AttendanceCuts(
        per_day_absent=Decimal("3.000000000000001"),
        per_missing_check=Decimal(1),
        per_minute=Decimal("0.000000000000001"),
        per_missed_ceremony=Decimal(3),
    )
    allowance = AllowancePolicy(
        name="x",
        version="1",
        base={7: Decimal("999999999999999")},
        performance_share=Decimal("70.00000000000001"),
        performance_percentage=dict.fromkeys(Predikat, Decimal("100")),
        attendance_share=Decimal("29.99999999999999"),
        cuts=cuts,
        citation="test",
    )
    policy = RewardPolicy(name="x", version="1", allowance=allowance)
    with pytest.raises(PolicyError) as raised:
        rewards_polars(pl.LazyFrame({"predikat": ["baik"], "kelas": [7]}), policy, Columns())
    assert raised.value.rule == "D5-RANGE"


def test_max_count_is_the_object_paths_limit() -> None:
    Attendance(days_absent=MAX_COUNT)
    with pytest.raises(AsnPerformanceError):
        Attendance(days_absent=MAX_COUNT + 1)


# --------------------------------------------------------------------------------------------
# The property: every output column equals the object path, row by row
# --------------------------------------------------------------------------------------------

#: A policy with odd decimals, a cap below 100 % and the rounded-sum total.
ODD = RewardPolicy(
    name="odd",
    version="1",
    angka_kredit=AngkaKreditRule(
        percentages={
            "sangat_baik": "133.333",
            "baik": "100",
            "butuh_perbaikan": "66.5",
            "kurang": "50.05",
            "sangat_kurang": "0",
        },
        koefisien={
            j: Decimal(k)
            for j, k in zip(
                Jenjang, ["3.75", "5", "12.5", "25", "12.5", "25", "37.5", "50.125"], strict=True
            )
        },
    ),
    allowance=AllowancePolicy(
        name="odd",
        version="1",
        base={1: "1000001", 3: "2500000.5", 7: "3915950", 17: "33240000", 999: "99999999"},
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
        pay_rounded_components=False,
    ),
)
POLICIES = (KEMNAKER, NATIONAL, PEMDA, ODD)

_PREDIKAT = [
    *(p.code for p in Predikat),
    *(p.label_id.upper() for p in Predikat),
    *(p.label_en for p in Predikat),
    "Perlu Perbaikan",
    "Kurang/Misconduct",
    "istimewa",
    "",
    None,
]
_JENJANG = [
    *(j.code for j in Jenjang),
    *(j.label_id for j in Jenjang),
    *(j.label_en.lower() for j in Jenjang),
    "Ahli-Pertama",
    "ahli  muda",
    "Ahli",
    "Madya Ahli",
    "  ",
    None,
    None,
    None,
]
_COUNT = st.one_of(
    st.integers(0, 40), st.just(None), st.sampled_from([-1, -5, MAX_COUNT, MAX_COUNT + 1])
)
_ROW = st.fixed_dictionaries(
    {
        "predikat": st.sampled_from(_PREDIKAT),
        "jenjang": st.sampled_from(_JENJANG),
        "months": st.one_of(st.integers(-1, 14), st.just(None)),
        "kelas": st.one_of(
            st.sampled_from([1, 3, 5, 7, 9, 10, 12, 17, 999]), st.integers(-2, 1001), st.just(None)
        ),
        **dict.fromkeys(ATTENDANCE, _COUNT),
    }
)


def _error(call: Any) -> str | None:
    try:
        call()
    except AsnPerformanceError as error:
        return error.rule
    return None


def _checks(item: dict[str, Any], policy: RewardPolicy) -> list[tuple[bool, Any]]:
    """Each input check as the object path makes it: (applies, the call that raises)."""
    predikat, jenjang, months, kelas = (item[k] for k in ("predikat", "jenjang", "months", "kelas"))
    is_jf = jenjang is not None and bool(jenjang.strip())
    ak = policy.angka_kredit is not None and is_jf
    allowance = policy.allowance
    pays = allowance is not None
    return [
        (predikat is not None and bool(predikat.strip()), lambda: Predikat.parse(predikat)),
        (ak, lambda: Jenjang.parse(jenjang)),
        (ak and months is not None, lambda: angka_kredit("baik", "mahir", months)),
        (pays and kelas is not None, lambda: allowance.compute(kelas, "baik")),  # type: ignore[union-attr]
        *((pays, lambda name=name: Attendance(**{name: item[name] or 0})) for name in ATTENDANCE),
    ]


def expected(item: dict[str, Any], policy: RewardPolicy) -> tuple[dict[str, Any], set[str]]:
    """The object path for one employee: each input checked by the object's own function (a
    missing predikat, months or kelas named by the table's rule), and the values from
    ``angka_kredit`` and ``compute_allowance``."""
    predikat, jenjang = item["predikat"], item["jenjang"]
    is_jf = jenjang is not None and bool(jenjang.strip())
    ak_rule, allowance = policy.angka_kredit, policy.allowance
    rules = {rule for applies, call in _checks(item, policy) if applies and (rule := _error(call))}
    missing = {
        "REWARD-APPRAISALS": predikat is None or not predikat.strip(),
        "AK-MONTHS": ak_rule is not None and is_jf and item["months"] is None,
        "TUKIN-KELAS": allowance is not None and item["kelas"] is None,
    }
    rules |= {rule for rule, absent in missing.items() if absent}
    values: dict[str, Any] = dict.fromkeys(RESULTS)
    if rules:
        return values, rules
    if ak_rule is not None and is_jf:
        values["angka_kredit"] = angka_kredit(
            predikat,
            jenjang,
            item["months"],
            percentages=ak_rule.percentages,
            koefisien=ak_rule.koefisien,
        ).shown
    if allowance is not None:
        counts = {name: item[name] or 0 for name in ATTENDANCE}
        paid = compute_allowance(allowance, item["kelas"], predikat, Attendance(**counts))
        values["tunjangan_kinerja"] = paid.performance_paid
        values["tunjangan_kehadiran"] = paid.attendance_paid
        values["tunjangan"] = paid.total
    return values, rules


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(_ROW, min_size=1, max_size=300), which=st.integers(0, len(POLICIES) - 1))
def test_every_column_equals_the_object_path(rows: list[dict[str, Any]], which: int) -> None:
    policy = POLICIES[which]
    schema = {
        "predikat": pl.String,
        "jenjang": pl.String,
        "months": pl.Int64,
        "kelas": pl.Int64,
        **dict.fromkeys(ATTENDANCE, pl.Int64),
    }
    out = rewards_polars(pl.DataFrame(rows, schema=schema).lazy(), policy, Columns()).collect()
    for index, item in enumerate(rows):
        values, rules = expected(item, policy)
        got = out.row(index, named=True)
        assert rules_of(got["problem"]) == rules, (item, got["problem"])
        for name in RESULTS:
            assert got[name] == values[name], (item, name, got[name], values[name])
            if values[name] is not None:  # the same digits, not only the same number
                assert str(got[name]) == str(values[name]), (item, name)


def test_int128_when_a_policy_needs_it() -> None:
    # base 999,999,999,999 × 70.5 % × 99.999 %: the scaled numerator 999,999,999,999 × 705 ×
    # 99,999 ≈ 7.05·10**19 exceeds Int64; the query computes in Int128 and stays exact.
    allowance = AllowancePolicy(
        name="big",
        version="1",
        base={1: "999999999999", 2: "123456789012"},
        performance_share="70.5",
        performance_percentage=dict.fromkeys(Predikat, Decimal("99.999")),
        attendance_share="29.5",
        cuts=AttendanceCuts(
            per_day_absent="3", per_missing_check="1", per_minute="0.01", per_missed_ceremony="3"
        ),
        citation="test",
    )
    policy = RewardPolicy(name="big", version="1", allowance=allowance)
    rows = [
        {"predikat": "baik", "kelas": k, "minutes_late_or_early": m}
        for k in (1, 2)
        for m in (0, 7, 333)
    ]
    out = rewards_polars(pl.DataFrame(rows).lazy(), policy, Columns()).collect()
    for item, got in zip(rows, out.iter_rows(named=True), strict=True):
        paid = compute_allowance(
            allowance,
            item["kelas"],
            "baik",
            Attendance(minutes_late_or_early=item["minutes_late_or_early"]),
        )
        assert (got["tunjangan_kinerja"], got["tunjangan_kehadiran"], got["tunjangan"]) == (
            paid.performance_paid,
            paid.attendance_paid,
            paid.total,
        )
