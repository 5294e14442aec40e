"""Valid inputs for the hostile-input tests (the built-in sample, its appraisals and cycles, the
built-in policies, the regime examples), the pools of valid and near-valid argument values, and
what the command line does next with an accepted object (the ``after`` checks).
"""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
from hostile import require, values
from hostile_values import AsMapping, corrupted, json_sources, mangled, to_text, to_toml
from hypothesis import strategies as st
from test_regime_documents_properties import SHIPPED, regime_documents

from asn_performance import (
    AssessorRole,
    FeedbackEntry,
    FeedbackKind,
    OrganisationPredikat,
    PerformanceCycle,
    Period,
    Predikat,
    Rating,
    Roster,
)
from asn_performance.boundary.appraisal_document import (
    AppraisalDocument,
    dump_appraisal,
    dump_assessment,
    dump_cycle,
    dump_document,
    dump_employee,
    dump_feedback,
    dump_plan,
    dump_result,
    dump_roster,
    to_json,
)
from asn_performance.boundary.calibration_files import UnitsDocument, dump_units_document
from asn_performance.boundary.policy_files import (
    dump_reward_policy,
    load_builtin_policy,
    load_reward_policy,
    load_reward_policy_file,
)
from asn_performance.boundary.regime_documents import (
    RegimeDocument,
    dump_regime_document,
    dump_regime_result,
)
from asn_performance.consequences.distribution import UnitInput, oversee
from asn_performance.consequences.policy import NATIONAL, RewardInputs, RewardPolicy
from asn_performance.process.lifecycle import WIB
from asn_performance.services.sample import sample_unit
from asn_performance.testing import hostile_appraisals as appraisals
from asn_performance.testing import hostile_assessments as assessments
from asn_performance.testing import hostile_documents as documents
from asn_performance.testing import hostile_employees as employees
from asn_performance.testing import hostile_plans as plans

# --- valid bases ---------------------------------------------------------------------------------

SAMPLE = sample_unit()
_SAMPLE_DOCUMENT = AppraisalDocument(
    employees=SAMPLE.employees,
    plans=SAMPLE.plans,
    assessments=SAMPLE.assessments,
    policy=SAMPLE.policy,
    guards=SAMPLE.guards,
    organisation_predikat=SAMPLE.organisation_predikat,
    title=SAMPLE.title,
)
SAMPLE_APPRAISALS = _SAMPLE_DOCUMENT.appraise_all()
#: A plan of the sample that does not lead its unit and has an atasan pejabat penilai.
PLAN = next(p for p in SAMPLE.plans if not p.leads_unit and p.atasan_pejabat_penilai)
PLAN_ASSESSMENTS = tuple(a for a in SAMPLE.assessments if a.plan_id == PLAN.id)
APPRAISAL = next(a for a in SAMPLE_APPRAISALS if a.plan.id == PLAN.id)
EMPLOYEE, PEJABAT, ATASAN = PLAN.employee, PLAN.pejabat_penilai, PLAN.atasan_pejabat_penilai
assert ATASAN is not None
NIP = EMPLOYEE.nip
ROSTER = Roster(SAMPLE.employees)
FEEDBACK = FeedbackEntry(
    "fb-1", PLAN.id, NIP, dt.date(2025, 2, 10), FeedbackKind.REPORT, "Laporan bulanan",
    indicator_id=PLAN.work_results[0].indicators[0].id,
)  # fmt: skip


def wib(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    """A moment in Western Indonesian Time: ``wib(2025, 1, 2, 9)``."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=WIB)


def _cycles() -> tuple[PerformanceCycle, ...]:
    """The life of ``PLAN`` up to its final result, one cycle per step."""
    by, penilai = NIP, PEJABAT.nip
    life = [PerformanceCycle.draft(PLAN, by=by, at=wib(2025, 1, 2, 9)).cycle]
    steps: list[Callable[[PerformanceCycle], Any]] = [
        lambda c: c.set_plan(by=penilai, at=wib(2025, 1, 3, 9)),
        lambda c: c.accept(by=by, at=wib(2025, 1, 6, 9)),
        lambda c: c.begin(by=by, at=wib(2025, 1, 6, 10)),
        lambda c: c.log(FEEDBACK, at=wib(2025, 2, 10, 16)),
        lambda c: c.evaluate_year(c.appraise(PLAN_ASSESSMENTS), by=penilai, at=wib(2026, 1, 12, 9)),
        lambda c: c.finalise(by=penilai, at=wib(2026, 1, 12, 10)),
    ]
    for step in steps:
        life.append(step(life[-1]).cycle)
    return tuple(life)


CYCLES = _cycles()
# Reward inputs for a real employee of the sample, so that the rewards command reads them.
SAMPLE_DICT = dump_document(_SAMPLE_DOCUMENT)
SAMPLE_DICT["reward_inputs"] = {
    SAMPLE.plans[1].employee.nip.digits: {
        "kelas": 7,
        "attendance": {"2025-03": {"days_absent": 1, "minutes_late_or_early": 30}},
        "prior_angka_kredit": "12.5",
        "result_received_on": "2026-01-15",
    }
}

#: The Kemnaker reward policy: the national rules and the Kemnaker tunjangan kinerja.
KEMNAKER_POLICY = load_builtin_policy("kemnaker_2025")
POLICY_DICTS = tuple(
    dump_reward_policy(load_builtin_policy(name))
    for name in ("national", "kemnaker_2025", "pemda_contoh_tpp")
)
POLICY_TOML = tuple(
    (files("asn_performance") / "policies" / name).read_text("utf-8")
    for name in ("national.toml", "kemnaker_2025.toml")
)


@st.composite
def _units(draw: st.DrawFn) -> dict[str, Any]:
    counts = st.dictionaries(st.sampled_from([p.code for p in Predikat]), st.integers(0, 50))
    units = [
        {
            "unit": f"Unit {i}",
            "organisation_predikat": draw(st.sampled_from([o.code for o in OrganisationPredikat])),
            "counts": draw(counts),
        }
        for i in range(draw(st.integers(1, 4)))
    ]
    return {"schema_version": "1", "title": "Oversight", "units": units}


DOCUMENT_BASES = st.one_of(st.just(SAMPLE_DICT), documents().map(dump_document))
EMPLOYEE_BASES = st.one_of(
    st.sampled_from([dump_employee(e) for e in SAMPLE.employees]), employees().map(dump_employee)
)
PLAN_BASES = st.one_of(
    st.sampled_from([dump_plan(p) for p in SAMPLE.plans]), plans().map(dump_plan)
)
ASSESSMENT_BASES = st.one_of(
    st.sampled_from([dump_assessment(a) for a in SAMPLE.assessments]),
    assessments().map(dump_assessment),
)
APPRAISAL_BASES = st.one_of(
    st.sampled_from([dump_appraisal(a) for a in SAMPLE_APPRAISALS]),
    appraisals().map(dump_appraisal),
)
POLICY_BASES = st.sampled_from(POLICY_DICTS)
UNITS_BASES = _units()
REGIME_BASES = st.one_of(st.sampled_from(SHIPPED), regime_documents())
CYCLE_BASES = st.sampled_from([dump_cycle(c) for c in CYCLES])
ROSTER_BASES = st.one_of(
    st.just(dump_roster(ROSTER)),
    st.lists(employees(), min_size=1, max_size=4, unique_by=lambda e: e.nip)
    .map(lambda people: [attrs.evolve(e, superior_nip=None) for e in people])
    .map(lambda people: dump_roster(Roster(people))),
)
FEEDBACK_BASES = st.sampled_from(
    [dump_feedback(e) for c in CYCLES[-1:] for e in c.feedback]
    + [
        dump_feedback(
            attrs.evolve(FEEDBACK, kind=FeedbackKind.EVIDENCE, link="https://x.example/1")
        )
    ]
)
#: Records sealed with their SHA-256 digest, as the library writes them.
SEALED_BASES = st.one_of(
    st.sampled_from([dump_appraisal(a) for a in SAMPLE_APPRAISALS[:4]]),
    st.sampled_from([dump_result(a) for a in SAMPLE_APPRAISALS[:4]]),
    CYCLE_BASES,
    st.just([dump_result(a) for a in SAMPLE_APPRAISALS[:3]]),
)


def after_document(document: object) -> None:
    if isinstance(document, AppraisalDocument):
        to_json(dump_document(document))
        appraisals = document.appraise_all()
        for appraisal in appraisals:
            appraisal.explain()
            to_json(dump_result(appraisal))
        document.evaluate_rewards(KEMNAKER_POLICY, appraisals)
        document.evaluate_rewards(NATIONAL, appraisals)
    elif isinstance(document, RegimeDocument):
        to_json(dump_regime_document(document))
        for result in document.compute():
            to_json(dump_regime_result(result))
    elif isinstance(document, UnitsDocument):
        to_json(dump_units_document(document))
        report = document.oversee()
        report.render(max_violations=len(report.violations))
        to_json(report.to_dict())


def after_cycle(cycle: PerformanceCycle) -> None:
    to_json(dump_cycle(cycle))
    cycle.history()
    cycle.verify()


def after_dump(dump: Callable[[Any], object]) -> Callable[[Any], object]:
    def after(value: object) -> None:
        to_json(dump(value))

    return after


def after_policy(policy: RewardPolicy) -> None:
    dumped = dump_reward_policy(policy)
    require(load_reward_policy(dumped) == policy, "a loaded policy does not round-trip")
    for outcome in _SAMPLE_DOCUMENT.evaluate_rewards(policy, SAMPLE_APPRAISALS):
        to_json(outcome.to_dict())


TOML_SOURCES = st.one_of(
    corrupted(POLICY_BASES).map(to_toml),
    mangled(st.sampled_from(POLICY_TOML) | POLICY_BASES.map(to_toml)),
)

#: Where the policy files of the file loader and of ``rewards --policy`` are written.
POLICY_DIR = Path(tempfile.mkdtemp(prefix="asn-fuzz-"))
atexit.register(shutil.rmtree, POLICY_DIR, ignore_errors=True)


def _text_of(source: object) -> str | bytes:
    """A drawn source as the bytes or text of a file (a mapping is written as JSON text)."""
    if isinstance(source, AsMapping):
        return to_text(source.tree)
    if isinstance(source, (str, bytes)):
        return source
    return to_text(source)


def bytes_of(source: object) -> bytes:
    text = _text_of(source)
    return text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")


def policy_file(source: tuple[str, object]) -> object:
    """Write the drawn policy to a file whose suffix says its format, and load it."""
    name, content = source
    path = POLICY_DIR / name
    path.write_bytes(bytes_of(content))
    return load_reward_policy_file(path)


POLICY_FILES = st.one_of(
    st.tuples(st.just("policy.json"), json_sources(POLICY_BASES)),
    st.tuples(st.just("policy.toml"), TOML_SOURCES),
    st.tuples(st.sampled_from(["policy.JSON", "policy.Toml"]), TOML_SOURCES),
)


def render_report(report: Any) -> None:
    report.render()
    to_json(report.to_dict())


def after_oversight(unit: UnitInput) -> None:
    report = oversee([unit])
    report.render(max_violations=len(report.violations))
    to_json(report.to_dict())


def after_appraisal(appraisal: Any) -> None:
    appraisal.explain()
    appraisal.reason()
    to_json(dump_result(appraisal))
    to_json(dump_appraisal(appraisal))


def after_outcome(outcome: Any) -> None:
    to_json(outcome.to_dict())


def after_policy_object(policy: RewardPolicy) -> None:
    require(load_reward_policy(dump_reward_policy(policy)) == policy, "no round trip")
    for outcome in _SAMPLE_DOCUMENT.evaluate_rewards(policy, SAMPLE_APPRAISALS):
        to_json(outcome.to_dict())


def after_rule(field: str) -> Callable[[Any], None]:
    def after(rule: object) -> None:
        rules: dict[str, Any] = {field: rule}
        policy = RewardPolicy("fuzz", "1", **rules)
        after_policy_object(policy)

    return after


def after_inputs(inputs: RewardInputs) -> None:
    nip = SAMPLE.plans[1].employee.nip
    group = [a for a in SAMPLE_APPRAISALS if a.plan.employee.nip == nip]
    for policy in (KEMNAKER_POLICY, NATIONAL):
        to_json(inputs.evaluate(policy, group).to_dict())


NIPS_OK = values("198609262015051001", "199203152022211002")
NIPS_NEAR = values(
    "19860926 201505 1 001", " 198609262015051001 ", "19860926-201505-1-001",
    "20001231 2024 2 1 1 001", "000000000000000000", "199902302015051001",
    "198609262015131001", "198609262015053001", "198609262015051000", "199203152022201002",
    "19860926201505100", "1986092620150510011", "1986 0926201505 1001", "19860926  201505 1 001",
    "19860926\u00a0201505 1 001", "-198609262015051001", "1986-09-26-2015-05-1-001",
)  # fmt: skip
NUMBERS_OK = values("95", 12, Decimal("12.5"), "0.01", 0, "100")
NUMBERS_NEAR = values(
    "-1", -1, "-0", Decimal("-0.00"), "1e15", "1e16", "1e-15", "1e-16", "9" * 34, "9" * 35,
    "1_000", " 12 ", "12,5", "0x10", "1e", ".5", "5.", "+5", "\u22125", 1.5, True,
    Decimal("1E+2"), "0E-1000",
)  # fmt: skip
TEXT_OK = values("Budi Santoso", "Analis Kebijakan", "Subbagian Perencanaan")
TEXT_NEAR = values("", " ", "\t\n", "x" * 201, "x" * 5000, "a\x00b", "\x1b[2J", 5, None)
YEARS_NEAR = values(1969, 2101, 0, -1, True, "2025", 2025.0, Decimal(2025))
PERIODS_OK = values(Period.annual(2025), Period.quarter(2025, 2), Period.month(2025, 3))
PERIODS_NEAR = values(
    "2025", Period.annual(2021), Period.annual(2100), Period.span(dt.date(2025, 1, 15),
    dt.date(2025, 6, 30)), Period.month(2026, 1),
)  # fmt: skip
DATES_OK = values(dt.date(2025, 12, 20), dt.date(2026, 1, 15))
DATES_NEAR = values(
    dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1969, 12, 31), dt.date(2101, 1, 1),
    dt.date(2024, 12, 31), "2025-12-20", dt.datetime(2025, 12, 20),  # noqa: DTZ001 - naive
)  # fmt: skip
RATINGS_OK = values(*Rating, None)
PREDIKAT_CODES = [p.code for p in Predikat]
ROLES = list(AssessorRole)
