"""A reward policy: the rules of what follows a predikat, with their parameters, applied together.

PermenPANRB 6/2022 Pasal 5 ends performance management with *tindak lanjut* -- *penghargaan dan
sanksi*. :class:`RewardPolicy` is a named, versioned set of those rules with their parameters
(:class:`AngkaKreditRule`, an :class:`~asn_performance.consequences.allowance.AllowancePolicy`,
:class:`CareerRule`, :class:`RecognitionRule`, :class:`DevelopmentRule`,
:class:`ConsequenceRule`); :meth:`RewardPolicy.evaluate` applies them to one employee's
appraisals over one or more periods and returns a :class:`RewardOutcome`. :data:`NATIONAL` is
the national rules (PermenPANRB 1/2023, PerBKN 3/2023, PP 30/2019) without an allowance.

The rules themselves live in :mod:`~asn_performance.consequences.angka_kredit`,
:mod:`~asn_performance.consequences.allowance`, :mod:`~asn_performance.consequences.career`,
:mod:`~asn_performance.consequences.recognition` and
:mod:`~asn_performance.consequences.sanctions`; :data:`REWARD_RULES` lists every rule they
record, with its citation, in that order (gathered into
:data:`asn_performance.services.rulebook.RULEBOOK`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.i18n import Lang
from asn_performance._kit.validate import check_collection, check_text, check_type, shown
from asn_performance.consequences._common import (
    MAX_IMPROVEMENT_MONTHS,
    MAX_KELAS,
    MAX_PLACEMENT_YEARS,
    MAX_SUCCESSION_YEARS,
    check_appraisal,
    check_date,
    expect,
    non_negative,
    parse_jenjang,
    whole,
)
from asn_performance.consequences._discipline import (
    DISCIPLINE_RULES,
    DisciplinaryPenalty,
    career_block,
    penalties_of,
)
from asn_performance.consequences._outcome_text import (
    explain_outcome,
    outcome_html,
    render_steps,
)
from asn_performance.consequences._policy_fields import (
    convert_ak_percentages,
    convert_for_predikat,
    convert_incentive_items,
    convert_jenjang_table,
    convert_minimum_table,
    convert_pembinaan_for,
    convert_predikat,
    convert_recognition_items,
    from_one_to,
)
from asn_performance.consequences._words import say
from asn_performance.consequences.allowance import (
    TUKIN_RULES,
    AllowancePolicy,
    AllowanceResult,
    Attendance,
    compute_allowance,
)
from asn_performance.consequences.angka_kredit import (
    AK_MINIMUM,
    AK_PERCENTAGE,
    AK_RULES,
    KOEFISIEN,
    AkMinimum,
    AkPurpose,
    AngkaKreditResult,
    AngkaKreditTotal,
    MinimumCheck,
    accumulate,
    angka_kredit,
    months_of,
    reaches_minimum,
)
from asn_performance.consequences.career import (
    CAREER_RULES,
    CareerCheck,
    jenjang_promotion_eligible,
    pangkat_reguler_eligible,
    succession_pool,
)
from asn_performance.consequences.recognition import (
    DEFAULT_RECOGNITION,
    RECOGNITION_RULES,
    DevelopmentRecommendation,
    Incentive,
    Recognition,
    RecognitionKind,
    recognise,
    recommend_development,
)
from asn_performance.consequences.sanctions import SANCTION_RULES, Consequences, consequences
from asn_performance.domain.employee import CAREER_FIELDS, Jenjang
from asn_performance.domain.explanation import Explanation, Rule, Step
from asn_performance.domain.nip import NipKind
from asn_performance.domain.period import Period, PeriodKind
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import InputError, PolicyError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "NATIONAL",
    "REWARD_RULES",
    "AngkaKreditRule",
    "CareerRule",
    "ConsequenceRule",
    "DevelopmentRule",
    "RecognitionRule",
    "RewardInputs",
    "RewardOutcome",
    "RewardPolicy",
    "render_steps",
]

#: The rules of what follows a predikat (angka kredit, tunjangan kinerja, career, recognition,
#: development, consequences), in that order: the groups of the modules that record them.
#: ``normative=False`` marks the library's own decisions, readings flagged UNCONFIRMED and an
#: agency's configuration.
REWARD_RULES: tuple[Rule, ...] = (
    *AK_RULES,
    *TUKIN_RULES,
    *DISCIPLINE_RULES,
    *CAREER_RULES,
    *RECOGNITION_RULES,
    *SANCTION_RULES,
)


# --------------------------------------------------------------------------------------------
# The rules' parameters
# --------------------------------------------------------------------------------------------


@attrs.frozen
class AngkaKreditRule:
    """The angka kredit rule's parameters (default: the national tables)."""

    percentages: FrozenMap[Predikat, Decimal] = attrs.field(
        default=AK_PERCENTAGE, converter=convert_ak_percentages
    )
    koefisien: FrozenMap[Jenjang, Decimal] = attrs.field(
        default=KOEFISIEN, converter=convert_jenjang_table
    )
    minimum: FrozenMap[Jenjang, AkMinimum] = attrs.field(
        default=AK_MINIMUM, converter=convert_minimum_table
    )


@attrs.frozen
class CareerRule:
    """The career rules' parameters.

    ``pangkat_reguler`` switches the UNCONFIRMED D11 rule on or off.
    """

    minimum: Predikat = attrs.field(default=Predikat.BAIK, converter=convert_predikat)
    pangkat_reguler: bool = attrs.field(default=True, validator=check_type(bool))
    succession_years: int = attrs.field(default=2, validator=from_one_to(MAX_SUCCESSION_YEARS))


@attrs.frozen
class RecognitionRule:
    """Which predikat earn recognition, and what (agency practice); ``incentives``: the
    agency's :class:`~asn_performance.consequences.recognition.Incentive` amounts."""

    for_predikat: frozenset[Predikat] = attrs.field(
        default=frozenset({Predikat.SANGAT_BAIK}), converter=convert_for_predikat
    )
    items: tuple[RecognitionKind, ...] = attrs.field(
        default=DEFAULT_RECOGNITION, converter=convert_recognition_items
    )
    incentives: tuple[Incentive, ...] = attrs.field(default=(), converter=convert_incentive_items)


@attrs.frozen
class DevelopmentRule:
    """Which predikat lead to a development recommendation (default: Butuh Perbaikan and below)."""

    for_predikat: frozenset[Predikat] = attrs.field(
        default=frozenset({Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG}),
        converter=convert_for_predikat,
    )


@attrs.frozen
class ConsequenceRule:
    """The consequences' parameters: PP 30/2019 durations, pembinaan set, sanction flag."""

    improvement_months: int = attrs.field(default=6, validator=from_one_to(MAX_IMPROVEMENT_MONTHS))
    placement_years: int = attrs.field(default=1, validator=from_one_to(MAX_PLACEMENT_YEARS))
    pembinaan_for: frozenset[Predikat] = attrs.field(
        default=frozenset({Predikat.KURANG, Predikat.SANGAT_KURANG}),
        converter=convert_pembinaan_for,
    )
    administrative_sanction: bool = attrs.field(default=False, validator=check_type(bool))


@attrs.frozen
class RewardOutcome:
    """Everything that follows one employee's appraisals under one :class:`RewardPolicy`.

    Attributes:
        policy, version: the policy applied.
        nip: the employee's NIP.
        periods: the periods appraised, in order.
        angka_kredit: one result per period (empty when the employee holds no JF).
        angka_kredit_total: the accumulation, with ``start`` the prior angka kredit.
        minimums: whether the total reaches the AK minimum for pangkat and for jenjang.
        allowances: one allowance per monthly period (when the policy has one and a kelas
            was given).
        career: the career checks that could be made from the annual appraisals.
        recognition, development, consequences: from the latest appraisal.
        notes: what was not computed, and why.
    """

    policy: str
    version: str
    nip: str
    periods: tuple[str, ...]
    angka_kredit: tuple[AngkaKreditResult, ...] = ()
    angka_kredit_total: AngkaKreditTotal | None = None
    minimums: tuple[MinimumCheck, ...] = ()
    allowances: tuple[AllowanceResult, ...] = ()
    career: tuple[CareerCheck, ...] = ()
    recognition: Recognition | None = None
    development: DevelopmentRecommendation | None = None
    consequences: Consequences | None = None
    notes: tuple[str, ...] = ()

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every step, in the order the rules were applied."""
        steps: list[Step] = []
        for result in self.angka_kredit:
            steps.extend(result.steps)
        if self.angka_kredit_total is not None:
            steps.extend(self.angka_kredit_total.steps)
        for check in self.minimums:
            steps.extend(check.steps)
        for allowance in self.allowances:
            steps.extend(allowance.steps)
        for career in self.career:
            steps.extend(career.steps)
        for outcome in (self.recognition, self.development, self.consequences):
            if outcome is not None:
                steps.extend(outcome.steps)
        return tuple(steps)

    @property
    def explanation(self) -> Explanation:
        """The steps as an :class:`~asn_performance.domain.explanation.Explanation`."""
        return Explanation(self.steps)

    def explain(self, lang: Lang = "en") -> str:
        """The outcome as readable text: a header, every step with its citation, the notes; in
        ``lang`` (the heading, the rule titles, the steps as ``step_in`` shows them, the notes
        as :func:`~asn_performance.consequences._outcome_text.note_in` shows them)."""
        return explain_outcome(self, lang)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: amounts as decimal text, dates as ISO text."""
        return {
            "policy": self.policy,
            "version": self.version,
            "nip": self.nip,
            "periods": list(self.periods),
            "angka_kredit": None
            if self.angka_kredit_total is None
            else self.angka_kredit_total.to_dict(),
            "minimums": [m.to_dict() for m in self.minimums],
            "allowances": [a.to_dict() for a in self.allowances],
            "career": [c.to_dict() for c in self.career],
            "recognition": None if self.recognition is None else self.recognition.to_dict(),
            "development": None if self.development is None else self.development.to_dict(),
            "consequences": None if self.consequences is None else self.consequences.to_dict(),
            "notes": list(self.notes),
        }

    def _repr_html_(self) -> str:
        """A small HTML table for a notebook: angka kredit, each allowance, the notes."""
        return outcome_html(self)


def _optional_kelas(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        whole(value, "kelas", minimum=1, maximum=MAX_KELAS)


def _attendance_by_month(value: object) -> FrozenMap[str, Attendance]:
    value = expect(
        value,
        Mapping,  # type: ignore[type-abstract]  # isinstance takes the ABC
        "attendance",
        message="must be a mapping of month to Attendance",
        fix="pass e.g. {'2025-03': Attendance(days_absent=1)}",
    )
    table: dict[str, Attendance] = {}
    for key, record in value.items():
        field = f"attendance[{shown(key.code if isinstance(key, Period) else key)}]"
        period = key if isinstance(key, Period) else Period.parse(key, field=field)
        if period.kind is not PeriodKind.MONTHLY:
            raise InputError(
                "attendance is recorded per month (the allowance is paid on the monthly predikat)",
                path=field,
                value=period.code,
                rule="TUKIN-ATTENDANCE",
                fix="key each record by its month, e.g. '2025-03'",
            )
        if period.code in table:
            raise InputError(
                f"two records name the month {period.code}",
                path=field,
                value=period.code,
                rule="TUKIN-ATTENDANCE",
                fix="give one record per month",
            )
        table[period.code] = expect(
            record,
            Attendance,
            field,
            message="must be an Attendance",
            fix="pass Attendance(days_absent=..., ...)",
        )
    return FrozenMap(dict(sorted(table.items())))


def _prior(value: object) -> Decimal:
    return non_negative(value, "prior_angka_kredit")


def _optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_date(value, attribute.name)


@attrs.frozen
class RewardInputs:
    """What :meth:`RewardPolicy.evaluate` needs for one employee besides the appraisals.

    The jenjang comes from the employee's position; the rest is kept by the personnel or
    payroll system. Every field is optional.

    Attributes:
        kelas: the kelas jabatan, for the allowance.
        attendance: the monthly attendance records, keyed by the month's period code
            (``"2025-03"``); a month without a record has no cuts.
        prior_angka_kredit: angka kredit already held (default 0).
        result_received_on: when the employee received the latest result (default: the day
            the pejabat penilai gave the latest assessment).
        penalties: the disciplinary penalties of PP 94/2021
            (:class:`~asn_performance.consequences.allowance.DisciplinaryPenalty`), for the
            allowance's discipline cut and the career checks.
        innovation: an innovation in the latest period (for the recognition's incentives).
    """

    kelas: int | None = attrs.field(default=None, validator=_optional_kelas)
    attendance: FrozenMap[str, Attendance] = attrs.field(
        factory=FrozenMap, converter=_attendance_by_month
    )
    prior_angka_kredit: Decimal = attrs.field(default=Decimal(0), converter=_prior)
    result_received_on: dt.date | None = attrs.field(default=None, validator=_optional_date)
    penalties: tuple[DisciplinaryPenalty, ...] = attrs.field(default=(), converter=penalties_of)
    innovation: bool = attrs.field(default=False, validator=check_type(bool))

    def evaluate(
        self, policy: RewardPolicy, appraisals: Sequence[Appraisal] | Appraisal
    ) -> RewardOutcome:
        """``policy.evaluate(appraisals, ...)`` with these inputs."""
        expect(
            policy,
            RewardPolicy,
            "policy",
            message="policy must be a RewardPolicy",
            fix="pass NATIONAL or your own RewardPolicy",
            error=PolicyError,
        )
        return policy.evaluate(
            appraisals,
            kelas=self.kelas,
            attendance=self.attendance,
            prior_angka_kredit=self.prior_angka_kredit,
            result_received_on=self.result_received_on,
            penalties=self.penalties,
            innovation=self.innovation,
        )


def _ordered(appraisals: object) -> tuple[Appraisal, ...]:
    if isinstance(appraisals, Appraisal):
        appraisals = (appraisals,)
    given = check_collection(
        appraisals,
        path="appraisals",
        message="must be a collection of Appraisal objects",
        fix="pass a list of the results of appraise()",
    )
    items = tuple(check_appraisal(a, f"appraisals[{i}]") for i, a in enumerate(given))
    if not items:
        raise InputError(
            "there are no appraisals to evaluate",
            path="appraisals",
            value=[],
            rule="REWARD-APPRAISALS",
            fix="pass at least one appraisal",
        )
    nips = {a.employee_nip for a in items}
    if len(nips) > 1:
        raise InputError(
            "a reward policy evaluates one employee at a time",
            path="appraisals",
            value=sorted(nips),
            rule="REWARD-APPRAISALS",
            fix="group the appraisals by employee and evaluate each group",
        )
    ordered = tuple(sorted(items, key=lambda a: (a.period.start, a.period.end)))
    for earlier, later in itertools.pairwise(ordered):
        if later.period.start <= earlier.period.end:
            raise InputError(
                f"periods {earlier.period.code} and {later.period.code} overlap; their angka"
                " kredit would be counted twice",
                path="appraisals",
                value=[earlier.period.code, later.period.code],
                rule="REWARD-APPRAISALS",
                fix="pass either the annual appraisal or the periodic ones of a year, not both",
            )
    return ordered


@attrs.frozen
class RewardPolicy:
    """A named, versioned set of reward rules with their parameters.

    A rule set to ``None`` is not applied. The defaults are the national rules of this
    module; ``allowance`` has no default because every agency pays its own tunjangan kinerja
    or TPP. See ``docs/how-to/write-a-reward-policy.md``.

    Attributes:
        name, version: identify the policy in outcomes.
        angka_kredit: :class:`AngkaKreditRule` (PermenPANRB 1/2023; PerBKN 3/2023).
        allowance: an :class:`AllowancePolicy` (agency), or ``None``.
        career: :class:`CareerRule` (PerBKN 3/2023; D11; PP 30/2019).
        recognition: :class:`RecognitionRule` (agency practice).
        development: :class:`DevelopmentRule`.
        consequences: :class:`ConsequenceRule` (PP 30/2019 Pasal 56-58; agency sanction flag).
        description: free text.
    """

    name: str = attrs.field(validator=check_text(100))
    version: str = attrs.field(validator=check_text(100))
    angka_kredit: AngkaKreditRule | None = attrs.field(
        factory=AngkaKreditRule, validator=check_type(AngkaKreditRule, optional=True)
    )
    allowance: AllowancePolicy | None = attrs.field(
        default=None, validator=check_type(AllowancePolicy, optional=True)
    )
    career: CareerRule | None = attrs.field(
        factory=CareerRule, validator=check_type(CareerRule, optional=True)
    )
    recognition: RecognitionRule | None = attrs.field(
        factory=RecognitionRule, validator=check_type(RecognitionRule, optional=True)
    )
    development: DevelopmentRule | None = attrs.field(
        factory=DevelopmentRule, validator=check_type(DevelopmentRule, optional=True)
    )
    consequences: ConsequenceRule | None = attrs.field(
        factory=ConsequenceRule, validator=check_type(ConsequenceRule, optional=True)
    )
    description: str = attrs.field(default="", validator=check_text(2000, required=False))

    def evaluate(
        self,
        appraisals: Sequence[Appraisal] | Appraisal,
        *,
        jenjang: Jenjang | str | None = None,
        prior_angka_kredit: Decimal | int | str = 0,
        kelas: int | None = None,
        attendance: Attendance | Mapping[str, Attendance] | None = None,
        result_received_on: dt.date | None = None,
        penalties: Iterable[DisciplinaryPenalty] = (),
        innovation: bool = False,
    ) -> RewardOutcome:
        """Apply the policy to one employee's appraisals over one or more periods.

        Args:
            appraisals: the employee's appraisals; periods must not overlap (an annual
                appraisal and the monthly ones of the same year would count twice).
            jenjang: the jenjang for angka kredit; default each appraisal's plan position.
            prior_angka_kredit: angka kredit already held, added before accumulating.
            kelas: the kelas jabatan for the allowance (needed when the policy has one).
            attendance: one :class:`Attendance` (for a single month), or a mapping from the
                monthly period code (``"2025-03"``) to its attendance; a month without a
                record has no cuts (noted).
            result_received_on: when the employee received the latest result; default the
                day the pejabat penilai gave the latest assessment.
            penalties: disciplinary penalties (PP 94/2021): a month inside a penalty's cut is
                cut by the allowance's ``discipline`` setting; a penalty sedang or berat in
                force at the end of the latest annual period blocks the career checks
                (library decision ``CAREER-DISCIPLINE``).
            innovation: an innovation in the latest period (the recognition's incentives).

        Which appraisal feeds which rule:

        * angka kredit: every appraisal, prorated by its months (:func:`months_of`);
        * allowance: every appraisal of a monthly period;
        * career: the annual appraisals (decision D1: periodic predikat are not combined into
          an annual one);
        * recognition, development and consequences: the latest appraisal (by end date, the
          longer period first among those ending the same day).
        """
        ordered = _ordered(appraisals)
        given = penalties_of(penalties)
        expect(innovation, bool, "innovation", message="must be True or False", fix="pass a bool")
        notes: list[str] = []
        fields: dict[str, Any] = {}
        if self.angka_kredit is not None:
            fields.update(self._angka_kredit(ordered, jenjang, prior_angka_kredit, notes))
        if self.allowance is not None:
            fields["allowances"] = self._allowances(ordered, kelas, attendance, notes, given)
        if self.career is not None:
            fields["career"] = self._career(ordered, notes, given)
        latest = max(ordered, key=lambda a: (a.period.end, a.period.days))
        if self.recognition is not None:
            fields["recognition"] = recognise(
                latest.predikat,
                for_predikat=self.recognition.for_predikat,
                items=self.recognition.items,
                period=latest.period,
                innovation=innovation,
                incentives=self.recognition.incentives,
            )
        if self.development is not None:
            fields["development"] = recommend_development(
                latest, for_predikat=self.development.for_predikat
            )
        if self.consequences is not None:
            rule = self.consequences
            fields["consequences"] = consequences(
                latest,
                result_received_on=result_received_on,
                pembinaan_for=rule.pembinaan_for,
                administrative_sanction=rule.administrative_sanction,
                improvement_months=rule.improvement_months,
                placement_years=rule.placement_years,
            )
        return RewardOutcome(
            policy=self.name,
            version=self.version,
            nip=ordered[0].employee_nip,
            periods=tuple(a.period.code for a in ordered),
            notes=tuple(notes),
            **fields,
        )

    def _angka_kredit(
        self,
        ordered: tuple[Appraisal, ...],
        jenjang: Jenjang | str | None,
        prior: Decimal | int | str,
        notes: list[str],
    ) -> dict[str, Any]:
        rule = self.angka_kredit
        assert rule is not None  # noqa: S101 - the caller checked
        override = None if jenjang is None else parse_jenjang(jenjang)
        results = []
        held: Jenjang | None = None
        for appraisal in ordered:
            level = override or appraisal.plan.employee.position.jenjang
            if level is None:
                notes.append(say("rewards.note.not_jf", "en", period=appraisal.period.code))
                continue
            held = level
            results.append(
                angka_kredit(
                    appraisal.predikat,
                    level,
                    months_of(appraisal.period),
                    period=appraisal.period,
                    percentages=rule.percentages,
                    koefisien=rule.koefisien,
                )
            )
        if held is None:
            return {}
        total = accumulate(results, start=prior)
        minimums = [reaches_minimum(total, held, AkPurpose.PANGKAT, table=rule.minimum)]
        if rule.minimum[held].jenjang is not None:
            minimums.append(reaches_minimum(total, held, AkPurpose.JENJANG, table=rule.minimum))
        else:
            notes.append(say("rewards.note.highest_jenjang", "en", jenjang=held.label_id))
        return {
            "angka_kredit": tuple(results),
            "angka_kredit_total": total,
            "minimums": tuple(minimums),
        }

    def _allowances(
        self,
        ordered: tuple[Appraisal, ...],
        kelas: int | None,
        attendance: Attendance | Mapping[str, Attendance] | None,
        notes: list[str],
        penalties: tuple[DisciplinaryPenalty, ...],
    ) -> tuple[AllowanceResult, ...]:
        policy = self.allowance
        assert policy is not None  # noqa: S101 - the caller checked
        if kelas is None:
            notes.append(say("rewards.note.no_kelas", "en", policy=policy.name))
            return ()
        monthly = [a for a in ordered if a.period.kind is PeriodKind.MONTHLY]
        skipped = [a.period.code for a in ordered if a.period.kind is not PeriodKind.MONTHLY]
        if skipped:
            periods = ", ".join(skipped)
            notes.append(say("rewards.note.not_monthly", "en", policy=policy.name, periods=periods))
        if isinstance(attendance, Attendance) and len(monthly) > 1:
            raise InputError(
                "one Attendance was given for several months",
                path="attendance",
                value=[a.period.code for a in monthly],
                rule="TUKIN-ATTENDANCE",
                fix="pass a mapping from the month ('2025-03') to its Attendance",
            )
        results = []
        for appraisal in monthly:
            code = appraisal.period.code
            if isinstance(attendance, Attendance):
                record: Attendance | None = attendance
            elif attendance is None:
                record = None
            elif isinstance(attendance, Mapping):
                record = attendance.get(code)
            else:
                raise InputError(
                    "must be an Attendance or a mapping of month to Attendance",
                    path="attendance",
                    value=type(attendance).__name__,
                    rule="TYPE",
                    fix="pass {'2025-03': Attendance(...)}",
                )
            if record is None:
                notes.append(say("rewards.note.no_attendance", "en", period=code))
            results.append(
                compute_allowance(
                    policy,
                    kelas,
                    appraisal.predikat,
                    record,
                    period=appraisal.period,
                    penalties=penalties,
                )
            )
        return tuple(results)

    def _career(
        self,
        ordered: tuple[Appraisal, ...],
        notes: list[str],
        penalties: tuple[DisciplinaryPenalty, ...] = (),
    ) -> tuple[CareerCheck, ...]:
        rule = self.career
        assert rule is not None  # noqa: S101 - the caller checked
        annual = [a for a in ordered if a.period.kind is PeriodKind.ANNUAL]
        if not annual:
            notes.append(say("rewards.note.no_annual", "en"))
            return ()
        by_year = {a.period.start.year: a.predikat for a in annual}
        last = annual[-1]
        # Career data (PP 99/2000) is used when the employee carries any; otherwise the checks
        # are the predikat-only ones they always were (docs/explanation/career.md).
        who = last.plan.employee
        data = who if any(getattr(who, name) is not None for name in CAREER_FIELDS) else None
        checks: list[CareerCheck] = []
        if who.position.jenjang is not None:
            checks.append(
                jenjang_promotion_eligible(last.predikat, minimum=rule.minimum, employee=data)
            )
        if rule.pangkat_reguler:
            years = sorted(by_year)[-2:]
            if who.nip.kind is NipKind.PPPK:
                notes.append(say("rewards.note.pppk", "en"))
            elif len(years) < 2 or years[1] - years[0] != 1:
                notes.append(say("rewards.note.two_years", "en"))
            else:
                checks.append(
                    pangkat_reguler_eligible(
                        [by_year[years[0]], by_year[years[1]]],
                        minimum=rule.minimum,
                        employee=data,
                        on=None if data is None else last.period.end,
                    )
                )
        checks.append(succession_pool(by_year, years=rule.succession_years))
        blocking, step = career_block(penalties, last.period.end)
        if blocking is None or step is None:
            return tuple(checks)
        notes.append(say("rewards.note.blocked", "en", penalty=blocking.kind.code))
        return tuple(
            attrs.evolve(check, eligible=False, steps=(*check.steps, step)) for check in checks
        )


#: The national rules without an allowance: angka kredit, career (D11 included), recognition
#: (agency practice defaults), development and PP 30/2019 consequences without sanction.
NATIONAL: Final = RewardPolicy(
    name="national",
    version="2025.1",
    description="National rules of PermenPANRB 1/2023, PerBKN 3/2023 and PP 30/2019; no"
    " allowance; recognition defaults from the regional reports",
)
