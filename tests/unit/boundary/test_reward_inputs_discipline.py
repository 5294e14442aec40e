"""Disciplinary penalties and innovation as reward inputs of the input document (issue 13, items
7 and 8): ``$.reward_inputs['<nip>'].penalties`` and ``.innovation`` are read, built with their
JSON paths in errors, written only when given (so every other document is written as before),
and ``rewards --json`` with a penalty and an incentive validates against the published schema.

Every amount is worked by hand in a comment next to it.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from asn_performance import cli
from asn_performance.boundary.appraisal_document import (
    dump_document,
    load_document,
    sample_document,
)
from asn_performance.boundary.part_documents import (
    RewardInputsModel,
    reward_inputs_from,
    reward_inputs_record,
)
from asn_performance.boundary.policy_files import dump_reward_policy, load_builtin_policy
from asn_performance.boundary.schemas import json_schema
from asn_performance.consequences import (
    KEMNAKER_2025,
    DisciplinaryPenalty,
    PenaltyKind,
    RewardInputs,
    RewardPolicy,
)
from asn_performance.domain.employee import Nip
from asn_performance.exceptions import AsnPerformanceError, InputError
from asn_performance.services.unit import evaluate_unit_rewards

ANALYST = "199010102015031001"  # Rizky Pratama, Analis Perizinan in the sample
SAMPLE: dict[str, Any] = dump_document(sample_document())


def monthly_document(inputs: dict[str, Any]) -> dict[str, Any]:
    """The analyst appraised for February and March 2025, both Baik (hasil Di Atas, perilaku
    Sesuai: PermenPANRB 6/2022 matrix), with ``inputs`` as the analyst's reward inputs."""
    data = copy.deepcopy(SAMPLE)
    plan = next(p for p in data["plans"] if p["employee_nip"] == ANALYST)
    lead = next(
        a
        for a in data["assessments"]
        if a["plan_id"] == plan["id"] and a["role"] == "pejabat_penilai"
    )
    plans, assessments = [], []
    for month, given_on in (("2025-02", "2025-03-03"), ("2025-03", "2025-04-03")):
        plans.append({**plan, "id": f"skp-{month}", "period": month})
        assessments.append(
            {
                **lead,
                "plan_id": f"skp-{month}",
                "period": month,
                "given_on": given_on,
                "hasil_kerja": "di_atas_ekspektasi",
                "perilaku_kerja": "sesuai_ekspektasi",
            }
        )
    data["plans"], data["assessments"] = plans, assessments
    data["reward_inputs"] = {ANALYST: inputs}
    return data


SEDANG_FROM_MARCH = {"kind": "pemotongan_tukin_6_bulan", "effective_from": "2025-03-01"}


def error_of(data: dict[str, Any]) -> AsnPerformanceError:
    with pytest.raises(AsnPerformanceError) as caught:
        load_document(json.dumps(data))
    return caught.value


# --- reading and writing ------------------------------------------------------------------------


def test_penalties_and_innovation_are_read_into_the_reward_inputs() -> None:
    inputs = {"kelas": 10, "penalties": [SEDANG_FROM_MARCH], "innovation": True}
    document = load_document(json.dumps(monthly_document(inputs)))
    got = document.reward_inputs[Nip(ANALYST)]
    # Left out, months is the kind's: 6, so 1 March to 31 August 2025.
    assert got.penalties == (DisciplinaryPenalty(PenaltyKind.TUKIN_CUT_6, dt.date(2025, 3, 1), 6),)
    assert got.penalties[0].ends_on == dt.date(2025, 8, 31)
    assert got.innovation is True


def test_a_document_with_penalties_round_trips() -> None:
    inputs = {
        "kelas": 10,
        "penalties": [
            SEDANG_FROM_MARCH,
            {"kind": "teguran_lisan", "effective_from": "2025-01-10"},
            {"kind": "teguran_tertulis", "effective_from": "2025-02-10", "months": 3},
            {"kind": "penurunan_jabatan", "effective_from": "2025-04-01"},
        ],
        "innovation": True,
    }
    document = load_document(json.dumps(monthly_document(inputs)))
    written = dump_document(document)
    assert written["reward_inputs"][ANALYST]["penalties"] == [
        {"kind": "pemotongan_tukin_6_bulan", "effective_from": "2025-03-01", "months": 6},
        {"kind": "teguran_lisan", "effective_from": "2025-01-10", "months": None},
        {"kind": "teguran_tertulis", "effective_from": "2025-02-10", "months": 3},
        # left out: the kind's own 12 months
        {"kind": "penurunan_jabatan", "effective_from": "2025-04-01", "months": 12},
    ]
    assert written["reward_inputs"][ANALYST]["innovation"] is True
    again = load_document(json.dumps(written))
    assert again.reward_inputs == document.reward_inputs
    assert dump_document(again) == written


def test_inputs_without_penalties_or_innovation_are_written_as_before() -> None:
    record = reward_inputs_record(RewardInputs(kelas=7))
    assert set(record) == {"kelas", "attendance", "prior_angka_kredit", "result_received_on"}
    model = RewardInputsModel.model_validate({"kelas": 7})
    assert (model.penalties, model.innovation) == ([], False)
    assert reward_inputs_from(model, "$") == RewardInputs(kelas=7)


def test_the_sample_document_is_written_unchanged() -> None:
    assert dump_document(load_document(json.dumps(SAMPLE))) == SAMPLE


# --- errors at their paths ----------------------------------------------------------------------


def test_an_unknown_kind_is_refused_at_its_path() -> None:
    bad = {"kind": "skorsing", "effective_from": "2025-03-01"}
    error = error_of(monthly_document({"penalties": [SEDANG_FROM_MARCH, bad]}))
    assert error.path == f"$.reward_inputs['{ANALYST}'].penalties[1].kind"
    assert error.rule == "DISCIPLINE-PENALTY"
    assert error.value == "skorsing"
    assert error.fix is not None
    assert "pemotongan_tukin_6_bulan" in error.fix


def test_a_sedang_penalty_of_other_months_is_refused_at_its_path() -> None:
    # PP 94/2021 [S24]: pemotongan tukin 6 bulan runs exactly 6 months.
    bad = {**SEDANG_FROM_MARCH, "months": 7}
    error = error_of(monthly_document({"penalties": [bad]}))
    assert error.path == f"$.reward_inputs['{ANALYST}'].penalties[0].months"
    assert error.rule == "DISCIPLINE-PENALTY"
    assert error.value == 7


@pytest.mark.parametrize(
    ("inputs", "where"),
    [
        ({"innovation": "yes"}, "innovation"),
        ({"innovation": 1}, "innovation"),
        ({"penalties": [{"kind": "teguran_lisan"}]}, "penalties[0].effective_from"),
        ({"penalties": [{**SEDANG_FROM_MARCH, "months": 0}]}, "penalties[0].months"),
        ({"penalties": [{**SEDANG_FROM_MARCH, "kind": ""}]}, "penalties[0].kind"),
        ({"penalties": [{**SEDANG_FROM_MARCH, "level": "sedang"}]}, "penalties[0].level"),
    ],
)
def test_a_wrong_value_is_refused_at_its_path(inputs: dict[str, Any], where: str) -> None:
    error = error_of(monthly_document(inputs))
    assert error.path == f"$.reward_inputs['{ANALYST}'].{where}"


def test_a_penalty_under_a_policy_without_cuts_is_placed_at_the_input() -> None:
    # KEMNAKER_2025 has no discipline setting: a month under a sedang penalty is refused, and
    # the error lands at the employee's input, not under the plan.
    inputs = {"kelas": 10, "penalties": [SEDANG_FROM_MARCH]}
    document = load_document(json.dumps(monthly_document(inputs)))
    policy = RewardPolicy("kemnaker-tanpa-disiplin", "2025", allowance=KEMNAKER_2025)
    with pytest.raises(InputError) as caught:
        evaluate_unit_rewards(
            policy, document.plans, document.appraise_all(), document.reward_inputs
        )
    assert caught.value.path == f"reward_inputs['{ANALYST}'].penalties[0]"
    assert caught.value.rule == "TUKIN-DISCIPLINE"
    with pytest.raises(InputError) as again:
        document.evaluate_rewards(policy)
    assert again.value.path == f"$.reward_inputs['{ANALYST}'].penalties[0]"


# --- the rewards output --------------------------------------------------------------------------


def policy_file(tmp_path: Path) -> Path:
    """Kemnaker's built-in policy with ``[allowance.discipline]`` (the PP 94/2021 default:
    sedang 25 % for 6, 9 or 12 months) and an innovation incentive of Rp 750,000.50 for any
    predikat."""
    data = dump_reward_policy(load_builtin_policy("kemnaker_2025"))
    data["name"] = "kemnaker-pp94"
    data["allowance"]["discipline"] = {}
    data["recognition"]["incentives"] = [
        {
            "name": "insentif inovasi",
            "amount": "750000.50",
            "for_innovation": True,
            "for_predikat": ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"],
        }
    ]
    path = tmp_path / "kemnaker-pp94.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def rewards_json(document: dict[str, Any], policy: Path, tmp_path: Path) -> dict[str, Any]:
    """``asn-performance rewards FILE --policy P --json``, run in-process."""
    path = tmp_path / "document.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["rewards", str(path), "--policy", str(policy), "--json"])
    assert status == 0, err.getvalue()
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def problems(instance: object) -> list[str]:
    validator = Draft202012Validator(
        json_schema("rewards"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def test_rewards_json_with_a_sedang_penalty_validates_and_pays_75_percent(tmp_path: Path) -> None:
    inputs = {"kelas": 10, "penalties": [SEDANG_FROM_MARCH], "innovation": True}
    record = rewards_json(monthly_document(inputs), policy_file(tmp_path), tmp_path)
    assert problems(record) == []
    (outcome,) = record["outcomes"]
    february, march = outcome["allowances"]
    # February, Baik, kelas 10 (tukin 5,979,200), before the penalty's TMT: performance
    # 5,979,200 × 70 % × 100 % = 4,185,440; attendance 5,979,200 × 30 % = 1,793,760 (no
    # attendance record: no cuts); total 5,979,200; no discipline key.
    assert (february["performance_paid"], february["attendance_paid"]) == ("4185440", "1793760")
    assert february["total"] == "5979200"
    assert "discipline" not in february
    # March, inside the sedang penalty (1 March to 31 August): 100 % − 25 % = 75 % paid;
    # performance 4,185,440 × 75 % = 3,139,080; attendance 1,793,760 × 75 % = 1,345,320;
    # total 4,484,400 (= 5,979,200 × 75 %).
    assert march["discipline"] == "pemotongan_tukin_6_bulan"
    assert march["paid_percent"] == "75"
    assert (march["performance_paid"], march["attendance_paid"]) == ("3139080", "1345320")
    assert march["total"] == "4484400"
    # The innovation incentive, Rp 750,000.50 paid half-up once: 750,001.
    recognition = outcome["recognition"]
    assert recognition["innovation"] is True
    assert recognition["incentives"] == [
        {
            "name": "insentif inovasi",
            "amount": "750000.5",  # the exact value, as the policy holds it
            "paid": "750001",
            "for_innovation": True,
        }
    ]
    assert recognition["incentive_total"] == "750001"
    # The unit pays 5,979,200 + 4,484,400 = 10,463,600.
    assert record["totals"]["total"] == "10463600"


def test_the_rewards_schema_still_refuses_an_unknown_key(tmp_path: Path) -> None:
    inputs = {"kelas": 10, "penalties": [SEDANG_FROM_MARCH], "innovation": True}
    record = rewards_json(monthly_document(inputs), policy_file(tmp_path), tmp_path)
    spoiled = copy.deepcopy(record)
    spoiled["outcomes"][0]["allowances"][1]["penalty"] = "sedang"
    assert problems(spoiled)
    spoiled = copy.deepcopy(record)
    spoiled["outcomes"][0]["recognition"]["incentives"][0]["extra"] = 1
    assert problems(spoiled)
    spoiled = copy.deepcopy(record)
    spoiled["outcomes"][0]["allowances"][1]["discipline"] = "skorsing"
    assert problems(spoiled)


def test_the_input_document_with_penalties_validates_against_its_schema() -> None:
    inputs = {"kelas": 10, "penalties": [SEDANG_FROM_MARCH], "innovation": True}
    document = load_document(json.dumps(monthly_document(inputs)))
    validator = Draft202012Validator(
        json_schema("document"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    written = json.loads(json.dumps(dump_document(document)))
    assert [e.message for e in validator.iter_errors(written)] == []
    spoiled = copy.deepcopy(written)
    spoiled["reward_inputs"][ANALYST]["innovation"] = "yes"
    assert list(validator.iter_errors(spoiled))


def test_found_in_review_a_kind_with_months_given_null_is_refused_at_its_path() -> None:
    # penurunan_jabatan runs 12 months; with null it would never be in force.
    inputs = {
        "kelas": 10,
        "penalties": [
            {"kind": "penurunan_jabatan", "effective_from": "2025-04-01", "months": None}
        ],
    }
    with pytest.raises(AsnPerformanceError) as caught:
        load_document(json.dumps(monthly_document(inputs)))
    assert caught.value.rule == "DISCIPLINE-PENALTY"
    assert caught.value.path is not None
    assert caught.value.path.endswith("penalties[0].months")
