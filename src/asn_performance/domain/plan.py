"""The performance plan (*Sasaran Kinerja Pegawai*, SKP) and what it is made of.

Structure as in PermenPANRB 6/2022 and the BKN e-Kinerja SKP form:

* :class:`Indicator` -- *Indikator Kinerja Individu* (IKI): text, target (a value or a range,
  with a unit), aspect (*kuantitas / kualitas / waktu / biaya*) and direction;
* :class:`WorkResult` -- *Rencana Hasil Kerja* (RHK), *utama* or *tambahan*, with the leader's
  RHK it intervenes (*RHK pimpinan yang diintervensi*: its printed text, and optionally its id
  in the leader's plan, the link of the cascade) and its indicators;
* :class:`BehaviourExpectation` -- one of the seven BerAKHLAK core values (SE MenPANRB
  20/2021) with an optional *ekspektasi khusus pimpinan*;
* :class:`PerformancePlan` -- the SKP: employee, *pejabat penilai kinerja*, *atasan pejabat
  penilai kinerja*, period, approach (*pendekatan kuantitatif / kualitatif*), work results
  (at least one utama) and behaviour expectations (all seven values, once each).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from asn_performance._kit.exact import to_decimal
from asn_performance._kit.labels import Labelled, Labels
from asn_performance._kit.plain import decimal_text, digits_of
from asn_performance._kit.reprs import attrs_repr
from asn_performance._kit.validate import check_members, check_text, check_type
from asn_performance.domain.employee import Employee
from asn_performance.domain.period import Period
from asn_performance.exceptions import DuplicateError, InputError, PlanError

__all__ = [
    "Approach",
    "Aspect",
    "BehaviourExpectation",
    "CoreValue",
    "Direction",
    "Indicator",
    "PerformancePlan",
    "Target",
    "WorkResult",
    "WorkResultKind",
]

_ID_MAX = 100


class Aspect(Labelled):
    """The aspect an indicator measures (*aspek*), as on the e-Kinerja SKP form."""

    KUANTITAS = "kuantitas"
    KUALITAS = "kualitas"
    WAKTU = "waktu"
    BIAYA = "biaya"

    @classmethod
    def _table(cls) -> dict[Aspect, Labels]:
        return {
            cls.KUANTITAS: Labels("Kuantitas", "Quantity"),
            cls.KUALITAS: Labels("Kualitas", "Quality"),
            cls.WAKTU: Labels("Waktu", "Time"),
            cls.BIAYA: Labels("Biaya", "Cost"),
        }


class Direction(Labelled):
    """Whether more is better (coverage, graduation rate) or less (processing time, cost).

    PermenPANRB 8/2021 Lampiran distinguishes the normal capaian formula from the special one
    for indicators where a lower realisation is better.
    """

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"

    @classmethod
    def _table(cls) -> dict[Direction, Labels]:
        return {
            cls.HIGHER_IS_BETTER: Labels(
                "Semakin tinggi semakin baik", "Higher is better", ("higher",)
            ),
            cls.LOWER_IS_BETTER: Labels(
                "Semakin rendah semakin baik", "Lower is better", ("lower",)
            ),
        }


class WorkResultKind(Labelled):
    """*Utama* (main) or *tambahan* (additional) work result (BKN: "Kinerja Utama vs Tambahan")."""

    UTAMA = "utama"
    TAMBAHAN = "tambahan"

    @classmethod
    def _table(cls) -> dict[WorkResultKind, Labels]:
        return {cls.UTAMA: Labels("Utama", "Main"), cls.TAMBAHAN: Labels("Tambahan", "Additional")}


class Approach(Labelled):
    """*Pendekatan* of the SKP: quantitative or qualitative (PermenPANRB 6/2022)."""

    KUANTITATIF = "kuantitatif"
    KUALITATIF = "kualitatif"

    @classmethod
    def _table(cls) -> dict[Approach, Labels]:
        return {
            cls.KUANTITATIF: Labels("Pendekatan Hasil Kerja Kuantitatif", "Quantitative"),
            cls.KUALITATIF: Labels("Pendekatan Hasil Kerja Kualitatif", "Qualitative"),
        }


class CoreValue(Labelled):
    """The seven BerAKHLAK core values (SE MenPANRB 20/2021; PermenPANRB 6/2022 SKP form).

    Each has three *panduan perilaku* (behaviour guides), in :attr:`guides`; behaviour is
    assessed "tanpa pelevelan" (without levels).
    """

    BERORIENTASI_PELAYANAN = "berorientasi_pelayanan"
    AKUNTABEL = "akuntabel"
    KOMPETEN = "kompeten"
    HARMONIS = "harmonis"
    LOYAL = "loyal"
    ADAPTIF = "adaptif"
    KOLABORATIF = "kolaboratif"

    @classmethod
    def _table(cls) -> dict[CoreValue, Labels]:
        return {
            cls.BERORIENTASI_PELAYANAN: Labels("Berorientasi Pelayanan", "Service-oriented"),
            cls.AKUNTABEL: Labels("Akuntabel", "Accountable"),
            cls.KOMPETEN: Labels("Kompeten", "Competent"),
            cls.HARMONIS: Labels("Harmonis", "Harmonious"),
            cls.LOYAL: Labels("Loyal", "Loyal"),
            cls.ADAPTIF: Labels("Adaptif", "Adaptive"),
            cls.KOLABORATIF: Labels("Kolaboratif", "Collaborative"),
        }

    @property
    def guides(self) -> tuple[str, str, str]:
        """The three *panduan perilaku* of the value (SE MenPANRB 20/2021)."""
        return _GUIDES[self]


_GUIDES: Mapping[CoreValue, tuple[str, str, str]] = {
    CoreValue.BERORIENTASI_PELAYANAN: (
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    ),
    CoreValue.AKUNTABEL: (
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas"
        " tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan"
        " efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    ),
    CoreValue.KOMPETEN: (
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    ),
    CoreValue.HARMONIS: (
        "Menghargai setiap orang apapun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    ),
    CoreValue.LOYAL: (
        "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang"
        " sah",
        "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
        "Menjaga rahasia jabatan dan negara",
    ),
    CoreValue.ADAPTIF: (
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    ),
    CoreValue.KOLABORATIF: (
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
    ),
}


def check_id(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Identifiers are non-empty text of at most 100 characters without surrounding spaces."""
    if (
        not isinstance(value, str)
        or not value
        or value != value.strip()
        or len(value) > _ID_MAX
        or not value.isprintable()
    ):
        raise InputError(
            f"an identifier is non-empty printable text of at most {_ID_MAX} characters,"
            " without surrounding spaces",
            path=attribute.name,
            value=value,
            rule="ID",
            fix="give a short identifier such as 'rhk-1'",
        )


def _to_tuple(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value


def _tuple_of(kind: type, *, minimum: int = 0) -> Any:
    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InputError(
                f"must be a list or tuple of {kind.__name__}",
                path=attribute.name,
                value=value,
                rule="TYPE",
                fix=f"pass a tuple of {kind.__name__}",
            )
        if len(value) < minimum:
            raise InputError(
                f"needs at least {minimum} {kind.__name__}",
                path=attribute.name,
                value=(),
                rule="PLAN-STRUCTURE",
                fix=f"add a {kind.__name__}",
            )
        check_members(value, kind, path=attribute.name)

    return validate


def _lower(value: object) -> Decimal:
    return to_decimal(value, field="target.lower", allow_negative=False)


def _upper(value: object) -> Decimal | None:
    if value is None:
        return None
    return to_decimal(value, field="target.upper", allow_negative=False)


_unit_text = check_text(50, required=False)


def _check_unit(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A target's unit: text of at most 50 characters, may be empty (rule TEXT).

    The empty string, the default, passes ``check_text`` trivially (it is text, has no
    surrogate, may be empty here, and 0 <= 50 characters), so it is not searched again.
    """
    if value.__class__ is str and not value:
        return
    _unit_text(instance, attribute, value)


@attrs.frozen
class Target:
    """The target of an indicator: a single value or a range ``lower``--``upper``, with a unit.

    Values are exact and not negative. A range (PermenPANRB 8/2021 Lampiran: "target 80-90 %")
    has ``lower < upper``; a single value has ``upper is None``.
    """

    lower: Decimal = attrs.field(converter=_lower)
    upper: Decimal | None = attrs.field(default=None, converter=_upper)
    unit: str = attrs.field(default="", validator=_check_unit)

    def __repr__(self) -> str:
        return attrs_repr(self)

    def __attrs_post_init__(self) -> None:
        upper = self.upper
        if upper is not None and upper <= self.lower:
            raise InputError(
                "a target range must have its upper bound above its lower bound",
                path="target.upper",
                value=str(upper),
                rule="TARGET-RANGE",
                fix="swap the bounds, or give a single value",
            )

    @classmethod
    def value(cls, value: Decimal | int | str, unit: str = "") -> Target:
        """A single-value target."""
        return cls(value, None, unit)

    @classmethod
    def range(
        cls, lower: Decimal | int | str, upper: Decimal | int | str, unit: str = ""
    ) -> Target:
        """A ranged target ``lower``--``upper``."""
        return cls(lower, upper, unit)

    @property
    def is_range(self) -> bool:
        """Whether the target is a range."""
        return self.upper is not None

    def __str__(self) -> str:
        text = str(self.lower) if self.upper is None else f"{self.lower}-{self.upper}"
        return f"{text} {self.unit}".strip()

    def to_dict(self) -> dict[str, Any]:
        """The plain record: bounds in plain notation (``upper`` ``None`` for a value), unit."""
        return {
            "lower": decimal_text(self.lower),
            "upper": decimal_text(self.upper),
            "unit": self.unit,
        }


@attrs.frozen
class Indicator:
    """An *Indikator Kinerja Individu* (IKI) of a work result."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=check_text(1000))
    target: Target = attrs.field(validator=check_type(Target))
    aspect: Aspect = attrs.field(default=Aspect.KUANTITAS, validator=check_type(Aspect))
    direction: Direction = attrs.field(
        default=Direction.HIGHER_IS_BETTER, validator=check_type(Direction)
    )

    def __repr__(self) -> str:
        return attrs_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The plain record: id, text, aspect and direction by code, target."""
        return {
            "id": self.id,
            "text": self.text,
            "aspect": self.aspect.code,
            "direction": self.direction.code,
            "target": self.target.to_dict(),
        }


@attrs.frozen
class WorkResult:
    """A *Rencana Hasil Kerja* (RHK) with its indicators (at least one)."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=check_text(1000))
    indicators: tuple[Indicator, ...] = attrs.field(
        converter=_to_tuple, validator=_tuple_of(Indicator, minimum=1)
    )
    kind: WorkResultKind = attrs.field(
        default=WorkResultKind.UTAMA, validator=check_type(WorkResultKind)
    )
    leader_work_result: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(1000))
    )
    """The leader's RHK this one intervenes (*RHK pimpinan yang diintervensi*), as the form
    prints it."""
    leader_work_result_id: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_id)
    )
    """The id of that RHK in the plan of the pejabat penilai (the link of the cascade,
    PermenPANRB 6/2022 SKP form [S8]); checked against the leader's plan by
    :mod:`asn_performance.process.cascade` when that plan is given."""

    def __repr__(self) -> str:
        return attrs_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The plain record: id, text, kind by code, the leader's RHK, indicators; the id of
        the leader's RHK (``leader_work_result_id``) only when it is given, so that a plan
        without links keeps the record it always had."""
        record: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "kind": self.kind.code,
            "leader_work_result": self.leader_work_result,
        }
        if self.leader_work_result_id is not None:
            record["leader_work_result_id"] = self.leader_work_result_id
        record["indicators"] = [indicator.to_dict() for indicator in self.indicators]
        return record


@attrs.frozen
class BehaviourExpectation:
    """A BerAKHLAK value in the plan, with the leader's specific expectation if any."""

    value: CoreValue = attrs.field(validator=check_type(CoreValue))
    special_expectation: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_text(1000))
    )
    """*Ekspektasi khusus pimpinan*."""

    def __repr__(self) -> str:
        return attrs_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The plain record: the core value by code and the special expectation."""
        return {"value": self.value.code, "special_expectation": self.special_expectation}


_UTAMA = WorkResultKind.UTAMA
#: The BerAKHLAK values in their order, and as a set: each plan checks its behaviours against
#: them.
_CORE_VALUES: tuple[CoreValue, ...] = tuple(CoreValue)
_ALL_CORE_VALUES: frozenset[CoreValue] = frozenset(_CORE_VALUES)


def default_behaviours() -> tuple[BehaviourExpectation, ...]:
    """The seven BerAKHLAK values without special expectations."""
    return tuple(BehaviourExpectation(value) for value in CoreValue)


@attrs.frozen(cache_hash=True)
class PerformancePlan:
    """A *Sasaran Kinerja Pegawai* (SKP): what an employee agrees to deliver in a period.

    Invariants checked on construction: at least one utama work result; work-result and
    indicator ids unique within the plan; every BerAKHLAK value exactly once; the employee is
    neither their own pejabat penilai nor its atasan; when the employee names a direct superior
    (``superior_nip``), that superior is the pejabat penilai (PermenPANRB 6/2022: the pejabat
    penilai kinerja is the atasan langsung).

    ``leads_unit`` marks the head of a unit: under SE MenPANRB 3/2023 the organisation's
    capaian kinerja becomes that person's rating hasil kerja (decision D3).
    """

    id: str = attrs.field(validator=check_id)
    employee: Employee = attrs.field(validator=check_type(Employee))
    pejabat_penilai: Employee = attrs.field(validator=check_type(Employee))
    period: Period = attrs.field(validator=check_type(Period))
    work_results: tuple[WorkResult, ...] = attrs.field(
        converter=_to_tuple, validator=_tuple_of(WorkResult, minimum=1)
    )
    behaviours: tuple[BehaviourExpectation, ...] = attrs.field(
        factory=default_behaviours, converter=_to_tuple, validator=_tuple_of(BehaviourExpectation)
    )
    atasan_pejabat_penilai: Employee | None = attrs.field(
        default=None, validator=check_type(Employee, optional=True)
    )
    approach: Approach = attrs.field(default=Approach.KUALITATIF, validator=check_type(Approach))
    leads_unit: bool = attrs.field(default=False, validator=check_type(bool))
    _indicator_ids: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _work_result_ids: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    def __repr__(self) -> str:
        return attrs_repr(self)

    def __attrs_post_init__(self) -> None:
        # The enumeration's members read from the tables made once (_UTAMA, _CORE_VALUES,
        # _ALL_CORE_VALUES), not through the enum's class on every plan (issue 12).
        work_results = self.work_results
        if not any(wr.kind is _UTAMA for wr in work_results):
            raise PlanError(
                "an SKP needs at least one utama work result (RHK utama)",
                path="work_results",
                value=[wr.id for wr in self.work_results],
                rule="PLAN-UTAMA",
                fix="mark the main work result as WorkResultKind.UTAMA",
            )
        wr_ids = _unique((wr.id for wr in work_results), "work_results", "work result")
        ind_ids = _unique(
            (ind.id for wr in work_results for ind in wr.indicators),
            "work_results[].indicators",
            "indicator",
        )
        values = [b.value for b in self.behaviours]
        # each value exactly once: seven values that are all seven (the set); else the message
        if len(values) != len(_CORE_VALUES) or _ALL_CORE_VALUES.difference(values):
            missing = [v.code for v in _CORE_VALUES if v not in values]
            seen: set[CoreValue] = set()
            repeated = [v.code for v in values if v in seen or seen.add(v)]  # type: ignore[func-returns-value]
            raise PlanError(
                "an SKP lists each of the seven BerAKHLAK values exactly once"
                + (f"; missing {', '.join(missing)}" if missing else "")
                + (f"; repeated {', '.join(repeated)}" if repeated else ""),
                path="behaviours",
                value=[v.code for v in values],
                rule="PLAN-BERAKHLAK",
                fix="list each value once (omit behaviours to get all seven)",
            )
        if self.pejabat_penilai.nip == self.employee.nip:
            raise PlanError(
                "an employee cannot be the pejabat penilai kinerja of their own SKP",
                path="pejabat_penilai",
                value=str(self.employee.nip),
                rule="PLAN-ROLES",
                fix="name the direct superior as pejabat penilai",
            )
        superior = self.employee.superior_nip
        if superior is not None and self.pejabat_penilai.nip != superior:
            raise PlanError(
                f"the pejabat penilai kinerja is the employee's direct superior ({superior}),"
                f" not {self.pejabat_penilai.nip}",
                path="pejabat_penilai",
                value=str(self.pejabat_penilai.nip),
                rule="PLAN-PEJABAT-PENILAI",
                fix="name the employee's direct superior (superior_nip) as pejabat penilai, or"
                " correct the employee's superior_nip",
            )
        if self.atasan_pejabat_penilai is not None and self.atasan_pejabat_penilai.nip in (
            self.employee.nip,
            self.pejabat_penilai.nip,
        ):
            raise PlanError(
                "the atasan pejabat penilai must be someone other than the employee and the"
                " pejabat penilai",
                path="atasan_pejabat_penilai",
                value=str(self.atasan_pejabat_penilai.nip),
                rule="PLAN-ROLES",
                fix="name the pejabat penilai's own superior",
            )
        object.__setattr__(self, "_work_result_ids", wr_ids)
        object.__setattr__(self, "_indicator_ids", ind_ids)

    @property
    def indicator_ids(self) -> frozenset[str]:
        """The ids of all indicators in the plan."""
        return self._indicator_ids

    @property
    def work_result_ids(self) -> frozenset[str]:
        """The ids of all work results in the plan."""
        return self._work_result_ids

    def indicators(self) -> Iterable[tuple[WorkResult, Indicator]]:
        """Every indicator with its work result, in plan order."""
        for wr in self.work_results:
            for ind in wr.indicators:
                yield wr, ind

    def to_dict(self, *, part: Literal["full", "ref", "body"] = "full") -> dict[str, Any]:
        """The plain record of the plan.

        ``part="full"``: a plan that stands alone, its people embedded as employee records;
        ``"ref"``: a plan inside a document, its people named by NIP; ``"body"``: what the plan
        holds besides its id and people (period, approach, work results, behaviours).
        """
        if part not in ("full", "ref", "body"):
            raise ValueError(f"part must be 'full', 'ref' or 'body', not {part!r}")
        body = {
            "period": self.period.code,
            "approach": self.approach.code,
            "leads_unit": self.leads_unit,
            "work_results": [work_result.to_dict() for work_result in self.work_results],
            "behaviours": [behaviour.to_dict() for behaviour in self.behaviours],
        }
        if part == "body":
            return body
        atasan = self.atasan_pejabat_penilai
        if part == "ref":
            return {
                "id": self.id,
                "employee_nip": self.employee.nip.digits,
                "pejabat_penilai_nip": self.pejabat_penilai.nip.digits,
                "atasan_pejabat_penilai_nip": digits_of(None if atasan is None else atasan.nip),
                **body,
            }
        return {
            "id": self.id,
            "employee": self.employee.to_dict(),
            "pejabat_penilai": self.pejabat_penilai.to_dict(),
            "atasan_pejabat_penilai": None if atasan is None else atasan.to_dict(),
            **body,
        }


def _unique(ids: Iterable[str], path: str, noun: str) -> frozenset[str]:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise DuplicateError(
                f"two {noun}s share the id {item!r}",
                path=path,
                value=item,
                rule="PLAN-UNIQUE-ID",
                fix=f"give each {noun} its own id",
            )
        seen.add(item)
    return frozenset(seen)
