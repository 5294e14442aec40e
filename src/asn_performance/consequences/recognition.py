"""Recognition of a top predikat and development after a weak one.

Part of what follows a predikat (PermenPANRB 6/2022 Pasal 5, *tindak lanjut*; see
:mod:`asn_performance.consequences`): :func:`recognise` (agency practice from the regional
reports, not national law) and :func:`recommend_development` (names the BerAKHLAK values and
work results the pejabat penilai rated Di Bawah Ekspektasi). The rules recorded in the steps
are :data:`RECOGNITION_RULES`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from asn_performance._kit.exact import CONTEXT, WHOLE, quantize
from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.validate import check_text, check_type, expect, itself
from asn_performance.consequences._common import (
    Cited,
    check_appraisal,
    collection,
    non_negative,
    parse_predikat,
    pejabat_penilai,
    period_code,
    period_inputs,
    plain,
    predikat_set,
)
from asn_performance.domain.explanation import Rule, Step, rules_by_id
from asn_performance.domain.period import Period
from asn_performance.domain.plan import CoreValue
from asn_performance.domain.rating import Predikat, Rating
from asn_performance.exceptions import InputError
from asn_performance.regimes.permenpanrb_6_2022.appraisal import Appraisal

__all__ = [
    "DEFAULT_RECOGNITION",
    "RECOGNITION_RULES",
    "DevelopmentRecommendation",
    "Incentive",
    "PaidIncentive",
    "Recognition",
    "RecognitionKind",
    "recognise",
    "recommend_development",
]

#: The rules this module records. Source tags ``[Sx]`` refer to the list in
#: ``docs/explanation/rewards.md``.
RECOGNITION_RULES: tuple[Rule, ...] = (
    Rule(
        "RECOGNITION",
        "Recognition of a top predikat (agency practice)",
        "PermenPANRB 6/2022 Pasal 5 (tindak lanjut: penghargaan dan sanksi) [S2][S5]; the forms"
        " (certificate, public recognition, training opportunity, incentive) are agency practice"
        " described in the regional reports (Batanghari, Sabang, Serang), not national law",
        normative=False,
    ),
    Rule(
        "RECOGNITION-INCENTIVE",
        "An incentive in rupiah for a predikat or an innovation (the agency's policy data)",
        "PermenPANRB 6/2022 Pasal 5 (penghargaan) [S2][S5]: agencies reward performance and"
        " innovation (regional report, Batanghari: penghargaan atas inovasi layanan publik;"
        " sertifikat atau insentif); the amount is the agency's; paid in whole rupiah,"
        " half-up, once (decision D5). Innovation under PP 30/2019 Pasal 41(5) (Sangat Baik"
        " above 110) is the 8/2021 regime's flag, not this rule",
        normative=False,
    ),
    Rule(
        "DEVELOPMENT",
        "Development recommendation: what was rated Di Bawah Ekspektasi",
        "PermenPANRB 6/2022 Pasal 5 (pengembangan kinerja; tindak lanjut) [S2][S5]; BerAKHLAK"
        " values: SE MenPANRB 20/2021; the recommendation's content is the library's",
        normative=False,
    ),
)
_RULE = rules_by_id(RECOGNITION_RULES)


#: The fixed phrases the steps of this module record, by catalogue message id
#: (``step.<RULE ID>.<name>``): the English text exactly as the step holds it, a
#: ``{placeholder}`` standing for the part the rule fills in. Read by no code path that
#: records a step (the steps keep their text); ``locale/en.po`` holds the same texts (a test
#: checks it) and ``Explanation.render(lang="id")`` shows them translated
#: (:func:`~asn_performance.domain.explanation.step_in`).
STEP_PHRASES: Final[Mapping[str, str]] = FrozenMap(
    {
        "step.RECOGNITION.period": "period",
        "step.RECOGNITION.note": (
            "agency practice described in the regional reports, not national law"
        ),
        "step.RECOGNITION-INCENTIVE.period": "period",
        "step.RECOGNITION-INCENTIVE.innovation": "innovation",
        "step.RECOGNITION-INCENTIVE.yes": "yes",
        "step.RECOGNITION-INCENTIVE.no": "no",
        "step.RECOGNITION-INCENTIVE.amount": "{name}: Rp {amount}",
        "step.RECOGNITION-INCENTIVE.rounded": "{name}: Rp {amount} → Rp {paid}",
        "step.RECOGNITION-INCENTIVE.total": "total Rp {total}",
        "step.RECOGNITION-INCENTIVE.note": (
            "the agency's policy data; each amount paid in whole rupiah, half-up, once"
        ),
        "step.DEVELOPMENT.period": "period",
        "step.DEVELOPMENT.develop": "develop: {values}",
        "step.DEVELOPMENT.improve": "improve: {results}",
        "step.DEVELOPMENT.perilaku_kerja": "perilaku kerja as a whole",
        "step.DEVELOPMENT.no_value": "no value rated below",
        "step.DEVELOPMENT.hasil_kerja": "hasil kerja as a whole",
        "step.DEVELOPMENT.no_result": "no work result rated below",
        "step.DEVELOPMENT.note": "from the pejabat penilai kinerja's assessment",
    }
)


class RecognitionKind(Labelled):
    """A form of recognition for good performance, as the regional reports describe it.

    Agency practice, not national law: Batanghari gives "penghargaan berupa sertifikat atau
    insentif"; Sabang gives "pengakuan publik atau kesempatan untuk mengikuti seminar dan
    pelatihan lebih lanjut", often "dalam acara resmi yang melibatkan masyarakat".
    """

    CERTIFICATE = "certificate"
    PUBLIC_RECOGNITION = "public_recognition"
    TRAINING_OPPORTUNITY = "training_opportunity"
    INCENTIVE = "incentive"

    @classmethod
    def _table(cls) -> dict[RecognitionKind, Labels]:
        return {
            cls.CERTIFICATE: Labels("Sertifikat penghargaan", "Certificate of recognition"),
            cls.PUBLIC_RECOGNITION: Labels(
                "Pengakuan publik dalam acara resmi",
                "Public recognition at an official event",
            ),
            cls.TRAINING_OPPORTUNITY: Labels(
                "Kesempatan mengikuti seminar dan pelatihan",
                "Opportunity to attend seminars and training",
            ),
            cls.INCENTIVE: Labels("Insentif", "Incentive"),
        }


_ITEMS_EXAMPLE: Final = "('certificate', 'public_recognition')"

#: The default recognition for Sangat Baik: certificate, public recognition, training.
DEFAULT_RECOGNITION: tuple[RecognitionKind, ...] = (
    RecognitionKind.CERTIFICATE,
    RecognitionKind.PUBLIC_RECOGNITION,
    RecognitionKind.TRAINING_OPPORTUNITY,
)


@attrs.frozen
class Recognition(Cited):
    """The recognition a predikat earns under an agency's practice (rule ``RECOGNITION``)."""

    predikat: Predikat
    items: tuple[RecognitionKind, ...]
    steps: tuple[Step, ...]
    period: str | None = None
    rule: str = "RECOGNITION"
    innovation: bool = False
    incentives: tuple[PaidIncentive, ...] = ()
    RULES = _RULE

    @property
    def incentive_total(self) -> Decimal:
        """The incentives paid, in whole rupiah (each rounded once, then added)."""
        total = Decimal(0)
        for paid in self.incentives:
            total = CONTEXT.add(total, paid.paid)
        return total

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; ``innovation`` and ``incentives`` only when given or paid."""
        data = self.cited(
            period=self.period,
            predikat=self.predikat.code,
            items=[item.code for item in self.items],
            agency_practice=True,
        )
        if self.innovation or self.incentives:
            data["innovation"] = self.innovation
            data["incentives"] = [paid.to_dict() for paid in self.incentives]
            data["incentive_total"] = plain(self.incentive_total)
        return data


def _amount(value: object) -> Decimal:
    return non_negative(value, "amount")


def _incentive_predikat(value: object) -> frozenset[Predikat]:
    return predikat_set(value, "for_predikat")


@attrs.frozen
class Incentive:
    """An incentive an agency pays, in rupiah (rule ``RECOGNITION-INCENTIVE``; policy data).

    Paid when the predikat is in ``for_predikat`` and, if ``for_innovation``, when the period
    has an innovation. The amount is paid rounded half-up to whole rupiah, once.

    Attributes:
        name: what the agency calls it (e.g. ``"insentif inovasi"``).
        amount: the amount in rupiah (a Decimal, not negative).
        for_innovation: paid only for an innovation recorded in the period.
        for_predikat: the predikat that earn it (default Sangat Baik; for an innovation
            incentive an agency may list every predikat).
    """

    name: str = attrs.field(validator=check_text(100))
    amount: Decimal = attrs.field(converter=_amount)
    for_innovation: bool = attrs.field(default=False, validator=check_type(bool))
    for_predikat: frozenset[Predikat] = attrs.field(
        default=frozenset({Predikat.SANGAT_BAIK}), converter=_incentive_predikat
    )


@attrs.frozen
class PaidIncentive:
    """An incentive paid: its name, the amount as set and the amount paid in whole rupiah."""

    name: str
    amount: Decimal
    for_innovation: bool

    @property
    def paid(self) -> Decimal:
        """The amount in whole rupiah (half-up, once)."""
        return quantize(self.amount, WHOLE)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "name": self.name,
            "amount": plain(self.amount),
            "paid": plain(self.paid),
            "for_innovation": self.for_innovation,
        }


def _incentives(value: object) -> tuple[Incentive, ...]:
    items = tuple(
        collection(
            value,
            "incentives",
            message="must be a collection of incentives",
            fix=f"pass e.g. {_INCENTIVE_EXAMPLE}",
        )
    )
    for i, item in enumerate(items):
        if not isinstance(item, Incentive):
            raise InputError(
                "must be an Incentive",
                path=f"incentives[{i}]",
                value=type(item).__name__,
                rule="RECOGNITION-INCENTIVE",
                fix="pass Incentive(name='insentif inovasi', amount='1000000', ...)",
            )
    return items  # type: ignore[return-value]  # checked above


_INCENTIVE_EXAMPLE: Final = "(Incentive('insentif inovasi', '1000000', for_innovation=True),)"


def _incentive_step(
    predikat: Predikat, innovation: bool, paid: tuple[PaidIncentive, ...], period: Period | None
) -> Step:
    shown_paid = "; ".join(
        f"{p.name}: Rp {plain(p.amount)}" + ("" if p.paid == p.amount else f" → Rp {plain(p.paid)}")
        for p in paid
    )
    total = Decimal(0)
    for item in paid:
        total = CONTEXT.add(total, item.paid)
    return Step(
        _RULE["RECOGNITION-INCENTIVE"],
        "recognition",
        (
            *period_inputs(period),
            ("predikat", predikat.label_id),
            ("innovation", "yes" if innovation else "no"),
        ),
        f"{shown_paid}; total Rp {plain(total)}",
        "the agency's policy data; each amount paid in whole rupiah, half-up, once",
    )


def _recognition_items(value: object) -> tuple[RecognitionKind, ...]:
    items = collection(
        value,
        "items",
        message="must be a collection of recognition kinds",
        fix=f"pass e.g. {_ITEMS_EXAMPLE}",
    )
    return tuple(RecognitionKind.parse(item, field="items") for item in items)


def recognise(
    predikat: Predikat | str,
    *,
    for_predikat: Iterable[Predikat | str] = (Predikat.SANGAT_BAIK,),
    items: Iterable[RecognitionKind | str] = DEFAULT_RECOGNITION,
    period: Period | None = None,
    innovation: bool = False,
    incentives: Iterable[Incentive] = (),
) -> Recognition | None:
    """The recognition ``predikat`` earns, or ``None`` (agency practice, not national law).

    PermenPANRB 6/2022 Pasal 5 ends with *penghargaan dan sanksi* but prescribes no form; the
    defaults (certificate, public recognition, training opportunity for Sangat Baik) follow
    the regional reports. An agency chooses ``for_predikat`` and ``items``.

    ``innovation`` records an innovation in the period (agencies reward it under 6/2022);
    each of ``incentives`` (:class:`Incentive`, the agency's amounts) whose predikat and
    innovation condition hold is paid, rounded half-up to whole rupiah once (rule
    ``RECOGNITION-INCENTIVE``). Returns ``None`` when neither recognition nor incentive follows.
    """
    predikat = parse_predikat(predikat, "predikat")
    eligible = predikat_set(for_predikat, "for_predikat")
    kinds = _recognition_items(items)
    expect(
        innovation,
        bool,
        "innovation",
        message="must be True or False",
        fix="pass a bool",
        show=itself,
    )
    paid = tuple(
        PaidIncentive(item.name, item.amount, item.for_innovation)
        for item in _incentives(incentives)
        if predikat in item.for_predikat and (innovation or not item.for_innovation)
    )
    recognised = predikat in eligible and bool(kinds)
    if not recognised and not paid:
        return None
    steps: list[Step] = []
    if recognised:
        steps.append(
            Step(
                _RULE["RECOGNITION"],
                "recognition",
                (*period_inputs(period), ("predikat", predikat.label_id)),
                "; ".join(kind.label_id for kind in kinds),
                "agency practice described in the regional reports, not national law",
            )
        )
    if paid:
        steps.append(_incentive_step(predikat, innovation, paid, period))
    return Recognition(
        predikat=predikat,
        items=kinds if recognised else (),
        steps=tuple(steps),
        period=period_code(period),
        rule="RECOGNITION" if recognised else "RECOGNITION-INCENTIVE",
        innovation=innovation,
        incentives=paid,
    )


@attrs.frozen
class DevelopmentRecommendation(Cited):
    """What to develop after a weak predikat (rule ``DEVELOPMENT``).

    Names the BerAKHLAK values and the work results (RHK) that the pejabat penilai kinerja
    rated Di Bawah Ekspektasi, and whether each dimension as a whole was below expectation
    (useful when the pejabat penilai gave only the overall ratings).
    """

    predikat: Predikat
    period: str
    values: tuple[CoreValue, ...]
    work_results: tuple[tuple[str, str], ...]
    hasil_kerja_below: bool
    perilaku_kerja_below: bool
    steps: tuple[Step, ...]
    rule: str = "DEVELOPMENT"
    RULES = _RULE

    def text(self) -> str:
        """The recommendation as readable text (English, with the Indonesian names)."""
        lines = [f"Predikat {self.predikat.label_id} ({self.period}): development recommended."]
        if self.values:
            lines.append("BerAKHLAK values rated Di Bawah Ekspektasi:")
            for value in self.values:
                lines.append(f"- {value.label_id}: " + "; ".join(value.guides))
        elif self.perilaku_kerja_below:
            lines.append(
                "Perilaku kerja was rated Di Bawah Ekspektasi as a whole, without a rating per"
                " value: discuss all seven BerAKHLAK values."
            )
        if self.work_results:
            lines.append("Work results (RHK) rated Di Bawah Ekspektasi:")
            lines.extend(f"- {wr_id}: {text}" for wr_id, text in self.work_results)
        elif self.hasil_kerja_below:
            lines.append(
                "Hasil kerja was rated Di Bawah Ekspektasi as a whole, without a rating per"
                " work result: review every RHK and its indicators."
            )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return self.cited(
            period=self.period,
            predikat=self.predikat.code,
            values=[v.code for v in self.values],
            work_results=[{"id": i, "text": t} for i, t in self.work_results],
            hasil_kerja_below=self.hasil_kerja_below,
            perilaku_kerja_below=self.perilaku_kerja_below,
        )


def recommend_development(
    appraisal: Appraisal,
    *,
    for_predikat: Iterable[Predikat | str] = (
        Predikat.BUTUH_PERBAIKAN,
        Predikat.KURANG,
        Predikat.SANGAT_KURANG,
    ),
) -> DevelopmentRecommendation | None:
    """A development recommendation for a weak predikat, or ``None``.

    For Butuh Perbaikan and below (by default), names the BerAKHLAK values and the work
    results that the pejabat penilai kinerja rated Di Bawah Ekspektasi in their assessment
    (``behaviour_ratings`` and ``work_result_ratings``), in plan order.
    """
    appraisal = check_appraisal(appraisal)
    eligible = predikat_set(for_predikat, "for_predikat")
    if appraisal.predikat not in eligible:
        return None
    lead = pejabat_penilai(appraisal)
    plan = appraisal.plan
    values = tuple(
        value for value in CoreValue if lead.behaviour_ratings.get(value) is Rating.DI_BAWAH
    )
    work_results = tuple(
        (wr.id, wr.text)
        for wr in plan.work_results
        if lead.work_result_ratings.get(wr.id) is Rating.DI_BAWAH
    )
    hasil_below = appraisal.rating_hasil_kerja is Rating.DI_BAWAH
    perilaku_below = appraisal.rating_perilaku_kerja is Rating.DI_BAWAH
    step = Step(
        _RULE["DEVELOPMENT"],
        "development",
        (
            ("period", appraisal.period.code),
            ("predikat", appraisal.predikat.label_id),
            ("rating hasil kerja", appraisal.rating_hasil_kerja.label_id),
            ("rating perilaku kerja", appraisal.rating_perilaku_kerja.label_id),
        ),
        "develop: "
        + (
            ", ".join(v.label_id for v in values)
            or ("perilaku kerja as a whole" if perilaku_below else "no value rated below")
        )
        + "; improve: "
        + (
            ", ".join(i for i, _ in work_results)
            or ("hasil kerja as a whole" if hasil_below else "no work result rated below")
        ),
        "from the pejabat penilai kinerja's assessment",
    )
    return DevelopmentRecommendation(
        predikat=appraisal.predikat,
        period=appraisal.period.code,
        values=values,
        work_results=work_results,
        hasil_kerja_below=hasil_below,
        perilaku_kerja_below=perilaku_below,
        steps=(step,),
    )
