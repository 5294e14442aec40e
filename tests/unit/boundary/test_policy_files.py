"""Reward policy files (asn_performance.boundary.policy_files): TOML and JSON, built-ins,
errors, dumps.

Every expected number is worked by hand in a comment next to it.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

from asn_performance import Attendance, Jenjang, Predikat, RewardPolicy
from asn_performance.boundary.policy_files import (
    dump_reward_policy,
    list_builtin_policies,
    load_builtin_policy,
    load_reward_policy,
    load_reward_policy_file,
    reward_policy_json_schema,
)
from asn_performance.consequences import (
    KEMNAKER_2025,
    NATIONAL,
    AkMinimum,
    AllowancePolicy,
    AngkaKreditRule,
    AttendanceCuts,
    CareerRule,
    ConsequenceRule,
    DevelopmentRule,
    RecognitionKind,
    RecognitionRule,
)
from asn_performance.exceptions import (
    AsnPerformanceError,
    DecimalInputError,
    LabelError,
    PolicyError,
    SchemaError,
)

D = Decimal
DOCS = Path(__file__).parents[3] / "docs"

HEAD = 'schema_version = "1"\nname = "contoh"\nversion = "1"\n'

ALLOWANCE_TOML = """
[allowance]
name = "tpp"
version = "2025"
citation = "Perbup contoh"
performance_share = 60
attendance_share = 40

[allowance.base]
7 = 4200000

[allowance.performance_percentage]
sangat_baik = 100
baik = 90
butuh_perbaikan = 75
kurang = 50
sangat_kurang = 25

[allowance.cuts]
per_day_absent = 4
per_missing_check = "1.5"
per_minute = "0.02"
per_missed_ceremony = 2
"""


def error_of(source: Any, **kwargs: Any) -> AsnPerformanceError:
    with pytest.raises(AsnPerformanceError) as info:
        load_reward_policy(source, **kwargs)
    return info.value


# --- the built-in policies ----------------------------------------------------------------------


def test_three_example_policies_ship_inside_the_package() -> None:
    assert list_builtin_policies() == ("kemnaker_2025", "national", "pemda_contoh_tpp")
    folder = resources.files("asn_performance").joinpath("policies")
    names = sorted(entry.name for entry in folder.iterdir())
    assert names == ["kemnaker_2025.toml", "national.toml", "pemda_contoh_tpp.json"]


@pytest.mark.parametrize("name", ["kemnaker_2025", "national", "pemda_contoh_tpp"])
def test_each_builtin_policy_loads_and_round_trips(name: str) -> None:
    policy = load_builtin_policy(name)
    assert isinstance(policy, RewardPolicy)
    dumped = dump_reward_policy(policy)
    assert load_reward_policy(dumped) == policy
    assert load_reward_policy(json.dumps(dumped)) == policy


def test_the_national_file_is_the_national_policy_of_the_code() -> None:
    assert load_builtin_policy("national") == NATIONAL
    assert load_builtin_policy("national").allowance is None


def test_the_kemnaker_file_is_the_national_rules_with_the_kemnaker_allowance() -> None:
    policy = load_builtin_policy("kemnaker_2025")
    assert policy.allowance == KEMNAKER_2025
    assert attrs.evolve(policy, allowance=None, name="national", version="2025.1") == attrs.evolve(
        NATIONAL, description=policy.description
    )


def test_the_regional_example_is_marked_as_an_example_and_pays_as_worked_by_hand() -> None:
    policy = load_builtin_policy("pemda_contoh_tpp")
    assert "EXAMPLE ONLY" in policy.description
    assert policy.allowance is not None
    assert "not a real regulation" in policy.allowance.citation
    # Kelas 7, Baik, one day absent and 45 minutes late:
    # performance 4,200,000 × 60 % × 90 % = 2,268,000;
    # cuts 4 % + 45 × 0.02 % = 4.9 %; attendance 4,200,000 × 40 % × 95.1 % = 1,597,680.
    month = policy.allowance.compute(7, "Baik", Attendance(days_absent=1, minutes_late_or_early=45))
    assert (month.performance, month.cut_percent, month.attendance) == (
        D(2_268_000),
        D("4.9"),
        D(1_597_680),
    )
    assert month.total == D(3_865_680)
    assert policy.consequences is not None
    assert policy.consequences.administrative_sanction
    assert policy.recognition is not None
    assert RecognitionKind.INCENTIVE in policy.recognition.items


def test_a_builtin_policy_is_loaded_once() -> None:
    assert load_builtin_policy("national") is load_builtin_policy("national")


def test_an_unknown_builtin_name_lists_the_names() -> None:
    with pytest.raises(PolicyError) as info:
        load_builtin_policy("kemnaker")
    assert info.value.rule == "POLICY-BUILTIN"
    assert "kemnaker_2025, national, pemda_contoh_tpp" in (info.value.fix or "")


# --- reading: sections, defaults, exact numbers -------------------------------------------------


def test_a_rule_applies_only_when_its_table_is_present() -> None:
    policy = load_reward_policy(HEAD + "[career]\n")
    assert policy.career == CareerRule()
    assert policy.angka_kredit is None
    assert policy.allowance is None
    assert policy.recognition is None
    assert policy.development is None
    assert policy.consequences is None


def test_a_parameter_left_out_takes_the_national_default() -> None:
    policy = load_reward_policy(
        HEAD + "[career]\npangkat_reguler = false\n[consequences]\nimprovement_months = 3\n"
    )
    assert policy.career == CareerRule(pangkat_reguler=False)
    assert policy.consequences == ConsequenceRule(improvement_months=3)


def test_decimals_as_toml_strings_and_integers_are_exact() -> None:
    policy = load_reward_policy(HEAD + ALLOWANCE_TOML)
    allowance = policy.allowance
    assert allowance is not None
    assert allowance.cuts.per_minute == D("0.02")
    assert allowance.cuts.per_missing_check == D("1.5")
    assert allowance.base == {7: D(4_200_000)}
    assert allowance.cuts.cap == D(100)  # left out: the default


def test_a_json_number_is_read_exactly() -> None:
    text = json.dumps(dump_reward_policy(load_reward_policy(HEAD + ALLOWANCE_TOML)))
    text = text.replace('"per_minute": "0.02"', '"per_minute": 0.02')
    assert '"per_minute": 0.02' in text
    allowance = load_reward_policy(text).allowance
    assert allowance is not None
    assert allowance.cuts.per_minute == D("0.02")  # not the binary float 0.0200000000000000004…


def test_the_ak_minimum_of_the_highest_jenjang_leaves_out_the_jenjang_minimum() -> None:
    policy = load_builtin_policy("national")
    assert policy.angka_kredit is not None
    assert policy.angka_kredit.minimum[Jenjang.AHLI_UTAMA] == AkMinimum(D(200), None)
    assert dump_reward_policy(policy)["angka_kredit"]["minimum"]["ahli_utama"] == {
        "pangkat": "200",
        "jenjang": None,
    }


def test_labels_and_synonyms_are_accepted_for_codes() -> None:
    policy = load_reward_policy(
        HEAD + '[recognition]\nfor_predikat = ["Sangat Baik", "baik"]\nitems = ["Insentif"]\n'
    )
    assert policy.recognition == RecognitionRule(
        for_predikat={"sangat_baik", "baik"}, items=(RecognitionKind.INCENTIVE,)
    )


def test_the_format_is_told_by_the_first_character_or_given() -> None:
    as_json = json.dumps({"schema_version": "1", "name": "j", "version": "1"})
    assert load_reward_policy(as_json).name == "j"
    assert load_reward_policy("  \n" + as_json).name == "j"
    assert load_reward_policy(as_json.encode()).name == "j"
    assert load_reward_policy(HEAD.encode(), format="toml").name == "contoh"
    assert load_reward_policy("\ufeff" + HEAD).name == "contoh"
    error = error_of(as_json, format="toml")
    assert (error.path, error.rule) == ("$", "SCHEMA-toml_invalid")
    error = error_of(HEAD, format="yaml")  # type: ignore[arg-type]
    assert error.rule == "POLICY-FILE"


# --- errors: TOML floats, unknown keys, paths ---------------------------------------------------


def test_a_toml_float_is_refused_with_its_path_and_the_fix() -> None:
    error = error_of(
        HEAD + ALLOWANCE_TOML.replace("performance_share = 60", "performance_share = 0.6e2")
    )
    assert isinstance(error, DecimalInputError)
    assert error.path == "$.allowance.performance_share"
    assert error.rule == "D5-EXACT"
    assert error.value == "0.6e2"
    assert error.fix == 'write 0.6e2 as "0.6e2"'


@pytest.mark.parametrize(
    ("line", "path", "literal"),
    [
        ("per_minute = 0.02", "$.allowance.cuts.per_minute", "0.02"),
        ('per_missing_check = "1.5"\nper_x = 1.5', "$.allowance.cuts.per_x", "1.5"),
    ],
)
def test_a_toml_float_in_a_nested_table_names_the_table(line: str, path: str, literal: str) -> None:
    text = HEAD + ALLOWANCE_TOML.replace('per_minute = "0.02"', line)
    if "per_x" in line:
        text = HEAD + ALLOWANCE_TOML.replace('per_missing_check = "1.5"', line)
    error = error_of(text)
    assert (error.path, error.rule) == (path, "D5-EXACT")
    assert error.fix == f'write {literal} as "{literal}"'


def test_a_toml_float_in_an_inline_table_and_infinity_are_refused() -> None:
    error = error_of(HEAD + "[angka_kredit.minimum]\nahli_utama = { pangkat = 200.0 }\n")
    assert error.path == "$.angka_kredit.minimum.ahli_utama.pangkat"
    assert error.rule == "D5-EXACT"
    error = error_of(HEAD + "[allowance]\nperformance_share = inf\n")
    assert (error.path, error.value) == ("$.allowance.performance_share", "inf")


def test_the_message_says_why_a_toml_float_is_refused() -> None:
    error = error_of(HEAD + "[allowance]\nperformance_share = 0.7\n")
    assert "binary floating-point" in error.message
    assert 'write 0.7 as "0.7"' in str(error)


def test_an_unknown_key_is_refused_with_its_path() -> None:
    error = error_of(HEAD + '[career]\nminimun = "baik"\n')
    assert isinstance(error, SchemaError)
    assert (error.path, error.rule) == ("$.career.minimun", "SCHEMA-extra_forbidden")
    error = error_of(HEAD + "[careers]\n")
    assert (error.path, error.rule) == ("$.careers", "SCHEMA-extra_forbidden")
    error = error_of(HEAD + ALLOWANCE_TOML + "per_hour = 1\n")
    assert error.path == "$.allowance.cuts.per_hour"


def test_an_unknown_key_in_json_is_refused_with_its_path() -> None:
    data = dump_reward_policy(load_builtin_policy("kemnaker_2025"))
    data["allowance"]["performance_shares"] = "70"
    error = error_of(data)
    assert (error.path, error.rule) == ("$.allowance.performance_shares", "SCHEMA-extra_forbidden")


def test_a_missing_parameter_of_the_allowance_names_its_path() -> None:
    error = error_of(HEAD + ALLOWANCE_TOML.replace('citation = "Perbup contoh"\n', ""))
    assert (error.path, error.rule) == ("$.allowance.citation", "SCHEMA-missing")
    error = error_of('name = "x"\nversion = "1"\n')
    assert (error.path, error.rule) == ("$.schema_version", "SCHEMA-missing")


def test_shares_that_do_not_add_up_are_refused_at_the_allowance() -> None:
    error = error_of(
        HEAD + ALLOWANCE_TOML.replace("attendance_share = 40", "attendance_share = 30")
    )
    assert isinstance(error, PolicyError)
    assert (error.path, error.rule) == ("$.allowance.attendance_share", "POLICY-SHARES")


def test_a_cap_above_100_is_refused_at_the_cuts() -> None:
    error = error_of(HEAD + ALLOWANCE_TOML + "cap = 101\n")
    assert (error.path, error.rule) == ("$.allowance.cuts.cap", "TUKIN-ATTENDANCE")


def test_a_table_without_every_predikat_says_which_are_missing() -> None:
    text = HEAD + ALLOWANCE_TOML.replace("sangat_kurang = 25\n", "")
    error = error_of(text)
    assert (error.path, error.rule) == ("$.allowance.performance_percentage", "POLICY-TABLE")
    assert "Sangat Kurang" in error.message
    assert error.fix == "give a value for every predikat"
    error = error_of(HEAD + "[angka_kredit.koefisien]\nahli_utama = 50\n")
    assert (error.path, error.rule) == ("$.angka_kredit.koefisien", "POLICY-TABLE")
    assert error.fix == "give a value for every jenjang"


def test_an_unknown_label_and_two_spellings_of_one_predikat_are_refused() -> None:
    error = error_of(HEAD + '[career]\nminimum = "hebat"\n')
    assert isinstance(error, LabelError)
    assert (error.path, error.rule) == ("$.career.minimum", "D12-LABELS")
    text = HEAD + ALLOWANCE_TOML.replace("baik = 90\n", 'baik = 90\n"Baik" = 91\n')
    error = error_of(text)
    assert (error.path, error.rule) == (
        "$.allowance.performance_percentage",
        "SCHEMA-duplicate_key",
    )


def test_a_kelas_key_is_a_plain_number() -> None:
    error = error_of(HEAD + ALLOWANCE_TOML.replace("7 = 4200000", '"07" = 4200000'))
    assert (error.path, error.rule) == ("$.allowance.base['07']", "SCHEMA-string_pattern_mismatch")


def test_wrong_types_are_refused_without_coercion() -> None:
    error = error_of(HEAD + '[career]\npangkat_reguler = "yes"\n')
    assert (error.path, error.rule) == ("$.career.pangkat_reguler", "SCHEMA-bool_type")
    error = error_of(HEAD + "[consequences]\nimprovement_months = 0\n")
    assert (error.path, error.rule) == (
        "$.consequences.improvement_months",
        "SCHEMA-greater_than_equal",
    )
    error = error_of(HEAD + "description = 2\n")
    assert (error.path, error.rule) == ("$.description", "SCHEMA-string_type")


def test_malformed_toml_names_the_line() -> None:
    error = error_of(HEAD + "[allowance\n")
    assert isinstance(error, SchemaError)
    assert (error.path, error.rule) == ("$", "SCHEMA-toml_invalid")
    assert "line 4" in error.message


@pytest.mark.parametrize("source", [None, 7, ["schema_version"], b"\xff\xfe"])
def test_no_raw_error_escapes(source: Any) -> None:
    with pytest.raises(AsnPerformanceError):
        load_reward_policy(source)


# --- files --------------------------------------------------------------------------------------


def test_a_file_is_read_by_its_suffix(tmp_path: Path) -> None:
    toml_file = tmp_path / "tpp.toml"
    toml_file.write_text(HEAD + ALLOWANCE_TOML, encoding="utf-8")
    json_file = tmp_path / "TPP.JSON"
    json_file.write_text(json.dumps(dump_reward_policy(load_reward_policy_file(toml_file))))
    assert load_reward_policy_file(json_file) == load_reward_policy_file(toml_file)
    yaml_file = tmp_path / "tpp.yaml"
    yaml_file.write_text("x", encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_reward_policy_file(yaml_file)
    assert (info.value.rule, info.value.path) == ("POLICY-FILE", str(yaml_file))
    with pytest.raises(FileNotFoundError):
        load_reward_policy_file(tmp_path / "missing.toml")


# --- writing ------------------------------------------------------------------------------------


def test_a_policy_with_every_parameter_changed_round_trips() -> None:
    policy = RewardPolicy(
        name="semua",
        version="9",
        description="every parameter",
        angka_kredit=AngkaKreditRule(
            koefisien={**{j: D(1) for j in NATIONAL.angka_kredit.koefisien}, "pemula": D("3.7")}  # type: ignore[union-attr]
        ),
        allowance=AllowancePolicy(
            name="a",
            version="b",
            base={1: 10, 999: "12.5"},
            performance_share="62.5",
            performance_percentage=dict.fromkeys(Predikat, 10),
            attendance_share="37.5",
            cuts=AttendanceCuts(
                per_day_absent=1,
                per_missing_check=0,
                per_minute="0.001",
                per_missed_ceremony=2,
                cap=50,
            ),
            citation="c",
            note="n",
            pay_rounded_components=False,
        ),
        career=CareerRule(minimum="sangat_baik", pangkat_reguler=False, succession_years=3),
        recognition=RecognitionRule(for_predikat={"baik"}, items=("incentive", "certificate")),
        development=DevelopmentRule(for_predikat={"kurang"}),
        consequences=ConsequenceRule(
            improvement_months=3, placement_years=2, pembinaan_for=(), administrative_sanction=True
        ),
    )
    dumped = dump_reward_policy(policy)
    assert load_reward_policy(dumped) == policy
    assert load_reward_policy(json.dumps(dumped)) == policy
    assert dumped["allowance"]["cuts"]["per_minute"] == "0.001"
    assert dumped["allowance"]["base"] == {"1": "10", "999": "12.5"}
    assert dumped["recognition"]["items"] == ["incentive", "certificate"]
    assert dumped["consequences"]["pembinaan_for"] == []


def test_a_rule_that_is_not_applied_is_left_out_of_the_dump() -> None:
    dumped = dump_reward_policy(RewardPolicy("x", "1", angka_kredit=None, career=None))
    assert "angka_kredit" not in dumped
    assert "career" not in dumped
    assert "allowance" not in dumped
    assert list(dumped)[:4] == ["schema_version", "name", "version", "description"]


def test_dumping_the_wrong_object_is_a_schema_error() -> None:
    with pytest.raises(SchemaError):
        dump_reward_policy(NATIONAL.career)  # type: ignore[arg-type]


def test_the_json_schema_describes_the_format() -> None:
    schema = reward_policy_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) == {"schema_version", "name", "version"}
    for key in (
        "angka_kredit",
        "allowance",
        "career",
        "recognition",
        "development",
        "consequences",
    ):
        assert key in schema["properties"]
    json.dumps(schema)


# --- the how-to's example file ------------------------------------------------------------------


def test_the_toml_example_of_the_how_to_loads_and_pays_as_worked_by_hand() -> None:
    page = (DOCS / "how-to" / "write-a-reward-policy.md").read_text(encoding="utf-8")
    match = re.search(r"^```toml\n(.*?)^```$", page, re.MULTILINE | re.DOTALL)
    assert match is not None
    policy = load_reward_policy(match.group(1), format="toml")
    assert policy.allowance is not None
    # As section 2 of the page: kelas 7, Baik, one day absent and 45 minutes late → 3,865,680.
    month = policy.allowance.compute(7, "Baik", Attendance(days_absent=1, minutes_late_or_early=45))
    assert month.total == D(3_865_680)
    assert policy.consequences is not None
    assert policy.consequences.administrative_sanction
