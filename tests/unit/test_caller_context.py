"""The caller's decimal context changes nothing (issue 10 §6; decision D5).

A program that calls the library may have set Python's decimal context for its own reasons: a
low precision, another rounding, traps on ``Inexact`` or ``Rounded``, a small exponent range.
The library computes and formats with its own context
(:data:`asn_performance._kit.exact.CONTEXT`), so none of that may change a number, a text or a
rating, and no ``decimal`` signal may escape.

Three kinds of test:

* regressions worked by hand (each failed on the code as found);
* the golden examples (``tests/golden``) run again, through their own checks, inside each
  hostile context: their expectations are the hand-worked ones of the golden files;
* the CLI-free paths (appraise a unit, its rewards under each built-in policy, its
  distribution check and the oversight of units, the documents of the earlier regimes) give
  the same output under each hostile context as under Python's default context.
"""

from __future__ import annotations

import copy
import decimal
import importlib.util
import json
from collections.abc import Callable, Iterator
from decimal import (
    ROUND_DOWN,
    ROUND_FLOOR,
    Clamped,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    Subnormal,
    Underflow,
)
from importlib.resources import files
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from asn_performance import Assessment, Jenjang, PerformancePlan, Target
from asn_performance._kit.exact import CONTEXT, quantize
from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    dump_document,
    load_document,
)
from asn_performance.boundary.calibration_files import check_document, load_units_document
from asn_performance.boundary.policy_files import list_builtin_policies, load_builtin_policy
from asn_performance.boundary.regime_documents import (
    dump_regime_result,
    load_any,
    load_regime_document,
)
from asn_performance.consequences.angka_kredit import (
    AK_MINIMUM,
    accumulate,
    angka_kredit,
    reaches_minimum,
)
from asn_performance.consequences.distribution import PREDIKAT_ORDER, UnitInput, oversee
from asn_performance.regimes.permenpanrb_8_2021 import assess_iki
from asn_performance.services.sample import sample_unit
from asn_performance.services.unit import (
    appraise_unit,
    check_unit_distribution,
    evaluate_unit_rewards,
)

_ALL_SIGNALS = [Clamped, DivisionByZero, Inexact, InvalidOperation, Overflow, Rounded]

#: Contexts a caller might have installed. Each is a fresh copy per use (a context records the
#: signals raised in it, so it is never shared between runs).
HOSTILE: dict[str, Callable[[], Context]] = {
    "prec=1": lambda: Context(prec=1),
    "prec=2, ROUND_FLOOR": lambda: Context(prec=2, rounding=ROUND_FLOOR),
    "prec=3": lambda: Context(prec=3),
    "prec=2, traps on Inexact and Rounded": lambda: Context(
        prec=2, traps=[Inexact, Rounded, InvalidOperation, DivisionByZero, Overflow]
    ),
    "traps on Inexact and Rounded": lambda: Context(
        traps=[Inexact, Rounded, InvalidOperation, DivisionByZero, Overflow]
    ),
    "Emax=3": lambda: Context(Emax=3, Emin=-3),
    "no traps": lambda: Context(prec=1, rounding=ROUND_DOWN, traps=[]),
    "everything at once": lambda: Context(
        prec=1,
        rounding=ROUND_FLOOR,
        Emax=3,
        Emin=-3,
        capitals=0,
        clamp=1,
        traps=[*_ALL_SIGNALS, Subnormal, Underflow],
    ),
}
NAMES = list(HOSTILE)


#: The documents of the earlier regimes shipped with the package, as bytes.
EXAMPLES = sorted(
    (entry.name, entry.read_bytes())
    for entry in files("asn_performance.examples").iterdir()
    if entry.name.endswith(".json")
)


def hostile(name: str) -> decimal.Context:
    return HOSTILE[name]()


# --------------------------------------------------------------------------------------------
# Regressions, worked by hand
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_the_shortfall_of_an_ak_minimum_is_the_same_under_any_callers_context(name: str) -> None:
    """Reproduces: ``reaches_minimum(Decimal("12.3456"), "ahli_pertama")`` said "short by
    37.70" at ``prec=3`` and "short by 37.00" at ``prec=2, ROUND_FLOOR`` (the subtraction used
    the caller's context), and ``decimal.Inexact`` escaped with traps on.

    By hand: the AK kumulatif minimal of Ahli Pertama for kenaikan pangkat is 50 (PerBKN 3/2023,
    ``AK_MINIMUM``); 50 − 12.3456 = 37.6544, half-up to 2 places 37.65.
    """
    assert AK_MINIMUM[Jenjang.AHLI_PERTAMA].pangkat == Decimal(50)
    with decimal.localcontext(hostile(name)):
        check = reaches_minimum(Decimal("12.3456"), "ahli_pertama")
        record = check.to_dict()
    assert check.steps[0].output == "not reached (short by 37.65)"
    assert check.shortfall == Decimal("37.6544")
    assert record["shortfall"] == "37.65"


def test_the_shortfall_at_precision_3_and_floor_at_precision_2_as_reported() -> None:
    """Reproduces the two reports of the issue as given (37.70 at ``prec=3``, 37.00 at
    ``prec=2, ROUND_FLOOR``); 50 − 12.3456 = 37.6544 → 37.65 in both."""
    for context in (Context(prec=3), Context(prec=2, rounding=ROUND_FLOOR)):
        with decimal.localcontext(context):
            output = reaches_minimum(Decimal("12.3456"), "ahli_pertama").steps[0].output
        assert output == "not reached (short by 37.65)"


@pytest.mark.parametrize("name", NAMES)
def test_the_open_top_band_of_the_2021_iki_table_reads_above_110_percent(name: str) -> None:
    """Reproduces: under PermenPANRB 8/2021 the note of the open top band printed
    "> 1E+2 %: 120" at ``prec=1`` (111 − 1 computed in the caller's context).

    By hand: realisation 115 of a target of 100 is 115 %, above 110 %: Sangat Baik, 120 (the
    Lampiran, letter (h)); the band is "> 110 %".
    """
    with decimal.localcontext(hostile(name)):
        result = assess_iki(Target.value("100"), "115")
        notes = [step.note for step in result.steps]
    assert result.value == Decimal(120)
    assert "> 110 %: 120" in notes


def test_a_2021_document_is_read_with_inexact_and_rounded_trapped() -> None:
    """Reproduces: at ``prec=2`` with traps on, ``decimal.Inexact`` (or ``Rounded``) escaped
    from ``load_regime_document`` (the IKI above 110 % of the example's employee 3).

    By hand (digest §11 example 4, the example's first employee): nilai kinerja 97.
    """
    source = dict(EXAMPLES)["permenpanrb_8_2021.json"]
    trapping = Context(prec=2, traps=[Inexact, Rounded, InvalidOperation, Overflow])
    with decimal.localcontext(trapping):
        document = load_regime_document(source)
        results = document.compute()
        first = dump_regime_result(results[0])
    assert first["value_shown"] == "97.00"


def test_the_callers_context_is_left_as_it_was() -> None:
    """After a computation the caller's context is still installed, with its settings, and no
    operation of the library raised a flag in it (50 − 12.3456 at ``prec=3`` raised Inexact
    and Rounded in it before)."""
    caller = Context(prec=3, rounding=ROUND_FLOOR)
    with decimal.localcontext(caller) as installed:
        reaches_minimum(Decimal("12.3456"), "ahli_pertama")
        assess_iki(Target.value("100"), "115")
        assert decimal.getcontext() is installed
        assert (installed.prec, installed.rounding) == (3, ROUND_FLOOR)
        assert not any(installed.flags.values()), installed.flags
    assert CONTEXT.prec == 28


# --------------------------------------------------------------------------------------------
# The golden examples, through their own checks, inside each hostile context
# --------------------------------------------------------------------------------------------

TESTS = Path(__file__).parents[1]
GOLDEN = TESTS / "golden"


def _module(relative: str) -> ModuleType:
    """A test module of the suite, loaded under a name of its own (import mode importlib)."""
    path = TESTS / relative
    name = "caller_context_" + relative.replace("/", "_").removesuffix(".py")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: (golden folder, test module, the test function that checks one golden file by its path).
GOLDEN_CHECKS: tuple[tuple[str, str, str], ...] = (
    ("rewards", "unit/consequences/test_angka_kredit.py", "every_golden_reward_example"),
    ("distribution", "unit/consequences/distribution/test_check.py", "every_golden_distribution"),
    ("pp46", "unit/regimes/pp_46_2011/test_package.py", "golden_file_matches"),
    ("permenpanrb_8_2021", "unit/regimes/permenpanrb_8_2021/test_package.py", "golden_file"),
    ("permenpanrb_8_2021", "unit/regimes/test_registry.py", "golden_file_matches"),
    ("nip", "unit/domain/test_nip.py", "every_golden_example"),
)


def _checker(module: ModuleType, fragment: str) -> Callable[[Path], None]:
    found = [
        getattr(module, name)
        for name in dir(module)
        if name.startswith("test_") and fragment in name and "folder" not in name
    ]
    assert len(found) == 1, (module.__name__, fragment, found)
    check: Callable[[Path], None] = found[0]
    return check


def _golden_cases() -> Iterator[Any]:
    for folder, module_path, fragment in GOLDEN_CHECKS:
        module = _module(module_path)
        check = _checker(module, fragment)
        # The module's own list of the golden files it checks (some split a folder).
        listed = getattr(module, "GOLDEN_FILES", None) or sorted((GOLDEN / folder).glob("*.json"))
        for path in listed:
            yield pytest.param(check, path, id=f"{folder}/{path.stem}")


GOLDEN_CASES = list(_golden_cases())


def test_every_golden_file_is_run_under_the_hostile_contexts() -> None:
    run = {case.values[1] for case in GOLDEN_CASES}  # type: ignore[attr-defined]
    engine = {p for kind in ("matrix", "unit_head", "weighted") for p in GOLDEN.glob(f"{kind}/*")}
    assert run | engine == set(GOLDEN.glob("*/*.json"))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("check", "path"), GOLDEN_CASES)
def test_a_golden_example_holds_under_a_hostile_context(
    check: Callable[[Path], None], path: Path, name: str
) -> None:
    with decimal.localcontext(hostile(name)):
        check(path)


ENGINE = _module("unit/test_golden.py")


@pytest.mark.parametrize("name", NAMES)
def test_the_engine_golden_examples_hold_under_a_hostile_context(
    name: str,
    plan: PerformancePlan,
    make_plan: Callable[..., PerformancePlan],
    unit: Any,
    make_assessment: Callable[..., Assessment],
) -> None:
    with decimal.localcontext(hostile(name)):
        for path in ENGINE.MATRIX:
            ENGINE.test_the_engine_gives_the_matrix_predikat_of_each_golden_cell(
                path, plan, make_assessment
            )
        for path in ENGINE.UNIT_HEAD:
            ENGINE.test_a_unit_head_golden_example_follows_the_d3_mapping(
                path, make_plan, make_assessment
            )
        for path in ENGINE.WEIGHTED:
            ENGINE.test_a_weighted_golden_example_gives_the_hand_worked_result(
                path, plan, unit, make_assessment
            )


# --------------------------------------------------------------------------------------------
# The CLI-free paths: the same output under every hostile context
# --------------------------------------------------------------------------------------------

ANALYST = "199010102015031001"  # the sample's Analis Perizinan, Ahli Pertama


def _sample_data() -> dict[str, Any]:
    sample = sample_unit()
    document = AppraisalDocument(
        employees=sample.employees,
        plans=sample.plans,
        assessments=sample.assessments,
        policy=sample.policy,
        guards=sample.guards,
        organisation_predikat=sample.organisation_predikat,
        title=sample.title,
    )
    return dump_document(document)


def _monthly(data: dict[str, Any]) -> dict[str, Any]:
    """The analyst appraised for March (Di Atas, Sesuai: Baik) and April 2025 (Di Bawah,
    Sesuai: Butuh Perbaikan), with a kelas, attendance cuts and angka kredit already held."""
    data = copy.deepcopy(data)
    plan = next(p for p in data["plans"] if p["employee_nip"] == ANALYST)
    lead = next(
        a
        for a in data["assessments"]
        if a["plan_id"] == plan["id"] and a["role"] == "pejabat_penilai"
    )
    data["plans"], data["assessments"] = [], []
    for month, hasil, given_on in (
        ("2025-03", "di_atas_ekspektasi", "2025-04-03"),
        ("2025-04", "di_bawah_ekspektasi", "2025-05-05"),
    ):
        data["plans"].append({**plan, "id": f"skp-{month}", "period": month})
        data["assessments"].append(
            {
                **lead,
                "plan_id": f"skp-{month}",
                "period": month,
                "given_on": given_on,
                "hasil_kerja": hasil,
                "perilaku_kerja": "sesuai_ekspektasi",
            }
        )
    data["reward_inputs"] = {
        ANALYST: {
            "kelas": 7,
            "attendance": {
                "2025-03": {"days_absent": 1, "minutes_late_or_early": 37, "missing_checks": 3}
            },
            "prior_angka_kredit": "48.5",
            "result_received_on": "2025-05-06",
        }
    }
    return data


def _appraisal_paths(data: dict[str, Any]) -> dict[str, Any]:
    """A unit document read, appraised, rewarded under each built-in policy and checked."""
    document = load_document(json.dumps(data))
    appraisals = document.appraise_all()
    out: dict[str, Any] = {
        "appraisals": [a.to_dict() for a in appraisals],
        "results": [a.result_dict() for a in appraisals],
        "explained": [a.explain() for a in appraisals],
        "rows": [a.to_row() for a in appraisals],
        "dumped": dump_document(document),
    }
    for policy_name in list_builtin_policies():
        policy = load_builtin_policy(policy_name)
        try:
            outcomes = document.evaluate_rewards(policy, appraisals)
        except Exception as error:  # an allowance table without the kelas: the same error
            out[f"rewards {policy_name}"] = repr(error)
            continue
        out[f"rewards {policy_name}"] = [(o.to_dict(), o.explain()) for o in outcomes]
    for rounding in ("strict", "lenient"):
        reports = check_document(document, rounding)
        out[f"distribution {rounding}"] = [(r.to_dict(), r.render()) for r in reports]
    return out


def _service_paths() -> dict[str, Any]:
    """The services over the sample's domain objects, without the boundary."""
    sample = sample_unit()
    appraisals = appraise_unit(
        sample.plans,
        sample.assessments,
        policy=sample.policy,
        guards=sample.guards,
        organisation_predikat=sample.organisation_predikat,
    )
    policy = load_builtin_policy("national")
    outcomes = evaluate_unit_rewards(policy, sample.plans, appraisals, {})
    reports = check_unit_distribution(sample.organisation_predikat, appraisals, "strict")
    return {
        "appraisals": [a.to_dict() for a in appraisals],
        "outcomes": [(o.to_dict(), o.explain()) for o in outcomes],
        "reports": [(r.to_dict(), r.render(), str(r)) for r in reports],
    }


def _consequence_paths() -> dict[str, Any]:
    """Angka kredit (prorated, accumulated, against every minimum) and the oversight."""
    results = [
        angka_kredit(predikat, jenjang, months)
        for predikat in ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
        for jenjang, months in (("ahli_madya", 12), ("pemula", 7), ("mahir", 5))
    ]
    total = accumulate(results, start="12.3456")
    checks = []
    for jenjang, minimum in AK_MINIMUM.items():
        for purpose in ("pangkat", "jenjang"):
            if minimum.for_purpose(purpose) is not None:  # type: ignore[arg-type]
                for held in ("0", "12.3456", "149.995", "450"):
                    checks.append(reaches_minimum(held, jenjang, purpose).to_dict())
    units = [
        UnitInput("Seksi A", "baik", (2, 7, 1, 0, 0)),
        UnitInput("Seksi B", "istimewa", (9, 13, 0, 0, 1)),
        UnitInput("Seksi C", "kurang", (3, 30, 4, 2, 0)),
        UnitInput("Seksi D", "sangat_kurang", (1, 2, 1, 0, 7)),
    ]
    reports = {rounding: oversee(units, rounding=rounding) for rounding in ("strict", "lenient")}
    codes = [p.code for p in PREDIKAT_ORDER]
    units_document = load_units_document(
        {
            "schema_version": "1",
            "units": [
                {
                    "unit": u.unit,
                    "organisation_predikat": u.organisation_predikat.code,
                    "counts": dict(zip(codes, u.counts, strict=True)),
                }
                for u in units
            ],
        }
    )
    return {
        "results": [(r.to_dict(), str(r.shown)) for r in results],
        "total": (total.to_dict(), str(total.shown), [s.to_dict() for s in total.steps]),
        "checks": checks,
        "oversight": {
            k: (r.to_dict(), r.render(), r.to_rows(), str(r)) for k, r in reports.items()
        },
        "units document": units_document.oversee("strict").to_dict(),
    }


def _regime_paths() -> dict[str, Any]:
    """The documents of the earlier regimes shipped as examples, read and computed."""
    out: dict[str, Any] = {}
    for name, source in EXAMPLES:
        document = load_any(source)
        results = document.compute()  # type: ignore[union-attr]
        out[name] = [
            (dump_regime_result(r), [s.to_dict() for s in r.steps], str(r.value_shown))
            for r in results
        ]
    return out


PATHS: dict[str, Callable[[], Any]] = {
    "unit document": lambda: _appraisal_paths(_sample_data()),
    "monthly rewards": lambda: _appraisal_paths(_monthly(_sample_data())),
    "services": _service_paths,
    "consequences": _consequence_paths,
    "regime documents": _regime_paths,
}


def _plain(value: Any) -> str:
    """The output as JSON text, written in the default context (so ``str`` of a Decimal is
    the same whatever the context the output was computed in)."""
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


@pytest.fixture(scope="module")
def expected() -> dict[str, str]:
    with decimal.localcontext(Context()):
        return {name: _plain(run()) for name, run in PATHS.items()}


def test_the_paths_compute_the_numbers_worked_by_hand() -> None:
    """The comparison below is not vacuous: in the default context the outputs hold numbers
    worked by hand, several of which a precision of 1 to 3 digits would change."""
    with decimal.localcontext(Context()):
        monthly = _plain(_appraisal_paths(_monthly(_sample_data())))
        regimes = _regime_paths()
    # Ahli Pertama (koefisien 12.5): March Baik 1/12 × 100 % × 12.5 = 1.041666…; April Butuh
    # Perbaikan 1/12 × 75 % × 12.5 = 0.78125; with 48.5 held: 50.3229166…; the jenjang minimum
    # of 100 is short by 49.6770833… → 49.68.
    assert "50.32291666" in monthly
    assert "short by 49.68" in monthly
    # Kemnaker kelas 7 (Rp 3,915,950), March: performance 70 % × 100 % = Rp 2,741,165;
    # attendance 30 % = 1,174,785, cut 1 × 3 % + 3 × 1 % + 37 × 0.01 % = 6.37 %:
    # 1,174,785 × 93.63 % = 1,099,951.1955 → Rp 1,099,951.
    assert "Rp 2,741,165" in monthly
    assert "Rp 1,099,951" in monthly
    values = {
        name: [item[0]["value_shown"] for item in results] for name, results in regimes.items()
    }
    # Digest §11 examples: 97 and 96 (8/2021 example 4), 88.10 (PP 46 bonus 12); the 2021
    # integration of the two: (88.10 + 97) / 2 = 92.55.
    assert values["permenpanrb_8_2021.json"][:2] == ["97.00", "96.00"]
    assert values["pp46_2019.json"][1] == "88.10"
    assert values["integration_2021.json"][1] == "92.55"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("path", list(PATHS))
def test_a_path_gives_the_same_output_under_a_hostile_context(
    path: str, name: str, expected: dict[str, str]
) -> None:
    with decimal.localcontext(hostile(name)) as caller:
        output = PATHS[path]()
    assert _plain(output) == expected[path]
    # Not one operation rounded in the caller's context (its flags would say so).
    assert not any(caller.flags.values()), caller.flags


def test_quantize_in_a_hostile_context_is_the_default_half_up() -> None:
    """``quantize`` itself: 37.6544 → 37.65 and 28.125 → 28.13, under every hostile context."""
    for name in NAMES:
        with decimal.localcontext(hostile(name)):
            assert str(quantize(Decimal("37.6544"))) == "37.65"
            assert str(quantize(Decimal("28.125"))) == "28.13"


# --- JSON numbers and exact texts (found after the first round) -----------------------------------


def test_a_json_number_out_of_range_is_refused_as_such_when_the_caller_traps_nothing() -> None:
    """Reproduces: ``json.loads(parse_float=Decimal)`` read numbers in the caller's context, so
    with no trap an exponent out of range became NaN and was refused as "must be finite"."""
    from asn_performance.boundary.appraisal_document import load_document
    from asn_performance.exceptions import SchemaError

    text = '{"schema_version": "1", "quantity": 1e99999999999999999999}'
    with decimal.localcontext(decimal.Context(traps=[])), pytest.raises(SchemaError) as caught:
        load_document(text)
    assert caught.value.rule == "SCHEMA-json_invalid"


def test_an_exact_text_keeps_all_34_digits_that_an_input_may_have() -> None:
    """Reproduces: ``exact_text`` normalised in the 28-digit context and cut an input of 34
    significant digits (the most ``to_decimal`` accepts)."""
    from asn_performance._kit.plain import exact_text

    value = Decimal("123456789.1234567890123456789012345")
    assert exact_text(value) == "123456789.1234567890123456789012345"
    assert exact_text(Decimal("97.500")) == "97.5"
