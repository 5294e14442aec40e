"""Reward policy files: a :class:`~asn_performance.consequences.policy.RewardPolicy` written as
TOML or JSON.

A boundary module, like :mod:`asn_performance.boundary.appraisal_document` (whose wire toolkit
it shares): ``import asn_performance`` never loads it. It reads a policy file, checks it and
builds the frozen domain objects; every problem is an
:class:`~asn_performance.exceptions.AsnPerformanceError` whose ``path`` is a JSON path into the
file (``$.allowance.performance_share``; the same paths for TOML keys and tables).

* :func:`load_reward_policy` -- TOML or JSON text, UTF-8 bytes or an already-parsed mapping;
* :func:`load_reward_policy_file` -- a ``.toml`` or ``.json`` file, by its suffix;
* :func:`dump_reward_policy` -- the policy as a JSON-ready dict (every parameter written out),
  which :func:`load_reward_policy` reads back equal;
* :func:`list_builtin_policies` and :func:`load_builtin_policy` -- the example policies that
  ship inside the package (``asn_performance/policies/``): ``national`` (the national rules,
  no allowance), ``kemnaker_2025`` (the national rules and the Kemnaker tunjangan kinerja)
  and ``pemda_contoh_tpp`` (an invented regional TPP, an example only);
* :func:`reward_policy_json_schema` -- the JSON Schema of the format.

The format (``docs/how-to/write-a-reward-policy.md``): ``schema_version = "1"``, ``name``,
``version``, ``description``, then one table per rule -- ``angka_kredit``, ``allowance``,
``career``, ``recognition``, ``development``, ``consequences``. **A rule applies only when its
table is present**; a parameter left out of a present table takes the national default (the
default of the rule's class in :mod:`asn_performance.consequences`); ``allowance`` has no
default and needs every parameter but ``note``, ``pay_rounded_components``, ``cuts.cap`` and
``leave`` (the leave rules; all of whose parameters are needed when it is present).

Numbers are exact (decision D5). In JSON a decimal is a string (``"0.01"``) or a number, read
without binary rounding. In TOML a decimal is a string or a whole number: a TOML float such
as ``0.01`` is refused, because TOML defines it as a binary floating-point number, so the same
file would mean 0.01000000000000000020816… to every other TOML reader; write ``"0.01"``.
"""

from __future__ import annotations

import functools
import os
import tomllib
from collections.abc import Callable, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Final, Literal, TypeVar

from pydantic import ConfigDict, Field, Strict

from asn_performance._kit.validate import shown
from asn_performance.boundary._reward_extras import (
    DisciplineModel,
    IncentiveModel,
    discipline_cuts,
    discipline_dict,
    incentive_rules,
    incentives_list,
)
from asn_performance.boundary._wire import (
    CODE,
    COUNTED,
    DRAFT,
    MAX_DEPTH,
    DecimalValue,
    JenjangValue,
    PredikatValue,
    WireModel,
    build,
    decimal_out,
    distinct_keys,
    guarded,
    labelled,
    labelled_schema,
    member,
    read_input,
    validate_model,
)
from asn_performance.consequences import (
    AkMinimum,
    AllowancePolicy,
    AngkaKreditRule,
    AttendanceCuts,
    CareerRule,
    ConsequenceRule,
    DevelopmentRule,
    RecognitionKind,
    RecognitionRule,
    RewardPolicy,
)
from asn_performance.consequences.allowance import LeavePolicy
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import MISSING, DecimalInputError, PolicyError, SchemaError

__all__ = [
    "POLICY_SCHEMA_VERSION",
    "RewardPolicyModel",
    "dump_reward_policy",
    "list_builtin_policies",
    "load_builtin_policy",
    "load_reward_policy",
    "load_reward_policy_file",
    "reward_policy_json_schema",
]

#: The version of the policy file format this module reads and writes.
POLICY_SCHEMA_VERSION: Final = "1"

# --- wire models -------------------------------------------------------------------------------

_Text100 = Annotated[str, Strict(), Field(min_length=1, max_length=100)]
_Text1000 = Annotated[str, Strict(), Field(min_length=1, max_length=1000)]
_Text2000 = Annotated[str, Strict(), Field(min_length=0, max_length=2000)]
_Positive = Annotated[int, Strict(), Field(ge=1)]
_Bool = Annotated[bool, Strict()]
_Kelas = Annotated[
    str,
    Strict(),
    Field(pattern=r"^[1-9][0-9]{0,2}$", description="Kelas jabatan, as a key: '1' to '999'."),
]
_PredikatTable = Annotated[
    dict[PredikatValue, DecimalValue], Field(max_length=20), distinct_keys(Predikat)
]
_PredikatList = Annotated[list[PredikatValue], Field(max_length=20)]
RecognitionKindValue = Annotated[
    RecognitionKind,
    labelled(RecognitionKind),
    COUNTED,
    CODE,
    labelled_schema(RecognitionKind, "A form of recognition (agency practice)"),
]


class AkMinimumModel(WireModel):
    """AK kumulatif minimal of one jenjang; ``jenjang`` left out for the highest jenjang."""

    pangkat: DecimalValue
    jenjang: DecimalValue | None = None


class AngkaKreditModel(WireModel):
    """Angka kredit (PermenPANRB 1/2023; PerBKN 3/2023); a table left out is the national one."""

    percentages: _PredikatTable | None = Field(
        default=None, description="Predikat → percent of the koefisien (150/100/75/50/25)."
    )
    koefisien: Annotated[dict[JenjangValue, DecimalValue], Field(max_length=20)] | None = Field(
        default=None, description="Jenjang → annual koefisien."
    )
    minimum: Annotated[dict[JenjangValue, AkMinimumModel], Field(max_length=20)] | None = Field(
        default=None, description="Jenjang → AK kumulatif minimal for pangkat and jenjang."
    )


class CutsModel(WireModel):
    """Cuts of the attendance share, each in percent of the attendance share."""

    per_day_absent: DecimalValue
    per_missing_check: DecimalValue
    per_minute: DecimalValue
    per_missed_ceremony: DecimalValue
    cap: DecimalValue | None = Field(default=None, description="Default 100.")


_LeaveCode = Annotated[
    str,
    Strict(),
    Field(
        min_length=1,
        max_length=100,
        description="A kind of leave: cuti_tahunan, cuti_melahirkan,"
        " cuti_karena_alasan_penting, cuti_besar_kurang_dari_1_bulan.",
    ),
]
_Percents = Annotated[list[DecimalValue], Field(min_length=1, max_length=120)]
_Days = Annotated[int, Strict(), Field(ge=0, le=366)]


class LeaveModel(WireModel):
    """Leave (Pasal 14 of Permenaker 15/2024 for Kemnaker), tugas belajar, CLTN and MPP: the
    percentages of the month's tukin; every field is needed when the table is present."""

    paid_in_full: Annotated[list[_LeaveCode], Field(max_length=20)] = Field(
        description="The kinds of leave paid in full."
    )
    long_leave: _Percents = Field(description="Cuti besar: the reduction per month (50, 75, 90).")
    sick_leave: _Percents = Field(description="Cuti sakit: the reduction per month (0, 50, 75).")
    sick_leave_after: DecimalValue = Field(description="Cuti sakit after those months (100).")
    miscarriage_free_days: _Days = Field(description="Days not reduced (30: one month).")
    miscarriage_last_day: _Days = Field(description="Last day of the daily rate (45).")
    miscarriage_per_day: DecimalValue = Field(description="Reduction per day after (1).")
    study_percent: DecimalValue = Field(description="Paid during tugas belajar (80).")
    citation: _Text1000


class AllowanceModel(WireModel):
    """Tunjangan kinerja (central agencies) or TPP (regional governments): an agency's rule."""

    name: _Text100
    version: _Text100
    base: Annotated[dict[_Kelas, DecimalValue], Field(min_length=1, max_length=1000)] = Field(
        description="Kelas jabatan → monthly base amount in rupiah."
    )
    performance_share: DecimalValue
    performance_percentage: _PredikatTable
    attendance_share: DecimalValue
    cuts: CutsModel
    citation: _Text1000
    note: _Text2000 | None = None
    pay_rounded_components: _Bool | None = Field(
        default=None,
        description="Default true: the sum of the components, each rounded; false: the net"
        " rounded once (Kemnaker).",
    )
    leave: LeaveModel | None = Field(
        default=None, description="Default none: a month with a leave or a status is refused."
    )
    discipline: DisciplineModel | None = Field(
        default=None,
        description="Default none: a month under a penalty sedang or berat is refused.",
    )


class CareerModel(WireModel):
    """Career rules (PerBKN 3/2023; D11; PP 30/2019)."""

    minimum: PredikatValue | None = Field(default=None, description="Default baik.")
    pangkat_reguler: _Bool | None = Field(
        default=None, description="The UNCONFIRMED rule of decision D11; default true."
    )
    succession_years: _Positive | None = Field(default=None, description="Default 2.")


class RecognitionModel(WireModel):
    """Recognition of a top predikat (agency practice)."""

    for_predikat: _PredikatList | None = Field(default=None, description="Default sangat_baik.")
    items: Annotated[list[RecognitionKindValue], Field(max_length=10)] | None = Field(
        default=None,
        description="Default certificate, public_recognition, training_opportunity.",
    )
    incentives: Annotated[list[IncentiveModel], Field(max_length=20)] | None = Field(
        default=None, description="Default none: incentives in rupiah (the agency's)."
    )


class DevelopmentModel(WireModel):
    """Development recommendation for a weak predikat."""

    for_predikat: _PredikatList | None = Field(
        default=None, description="Default butuh_perbaikan, kurang, sangat_kurang."
    )


class ConsequencesModel(WireModel):
    """PP 30/2019 Pasal 56-58 and pembinaan."""

    improvement_months: _Positive | None = Field(default=None, description="Default 6.")
    placement_years: _Positive | None = Field(default=None, description="Default 1.")
    pembinaan_for: _PredikatList | None = Field(
        default=None, description="Default kurang, sangat_kurang."
    )
    administrative_sanction: _Bool | None = Field(default=None, description="Default false.")


class RewardPolicyModel(WireModel):
    """A reward policy file: the rules that follow a predikat, with their parameters. A rule
    applies only when its table is present."""

    model_config = ConfigDict(title="Kebijakan tindak lanjut (asn_performance reward policy)")

    schema_version: Literal["1"]
    name: _Text100
    version: _Text100
    description: _Text2000 | None = None
    angka_kredit: AngkaKreditModel | None = None
    allowance: AllowanceModel | None = None
    career: CareerModel | None = None
    recognition: RecognitionModel | None = None
    development: DevelopmentModel | None = None
    consequences: ConsequencesModel | None = None


# --- reading -----------------------------------------------------------------------------------


_R = TypeVar("_R")


def _given(**values: Any) -> dict[str, Any]:
    """The parameters that were written in the file (the others keep the domain's default)."""
    return {key: value for key, value in values.items() if value is not None}


def _section(name: str, rule: Callable[..., _R], part: object, *fields: str) -> _R | None:
    """The section ``name`` of a policy file built as ``rule`` from the ``fields`` written in
    it (under ``$.name``), or ``None`` when the file has no such section."""
    if part is None:
        return None
    return build(f"$.{name}", rule, **_given(**{field: getattr(part, field) for field in fields}))


def _angka_kredit(model: AngkaKreditModel) -> AngkaKreditRule:
    minimum = (
        None
        if model.minimum is None
        else {
            jenjang: build(
                f"$.angka_kredit.minimum{member(jenjang.code)}", AkMinimum, m.pangkat, m.jenjang
            )
            for jenjang, m in model.minimum.items()
        }
    )
    return build(
        "$.angka_kredit",
        AngkaKreditRule,
        **_given(percentages=model.percentages, koefisien=model.koefisien, minimum=minimum),
    )


def _allowance(model: AllowanceModel) -> AllowancePolicy:
    cuts = build(
        "$.allowance.cuts",
        AttendanceCuts,
        **_given(
            per_day_absent=model.cuts.per_day_absent,
            per_missing_check=model.cuts.per_missing_check,
            per_minute=model.cuts.per_minute,
            per_missed_ceremony=model.cuts.per_missed_ceremony,
            cap=model.cuts.cap,
        ),
        renames={"cuts": ""},
    )
    leave = None
    if model.leave is not None:
        part = model.leave
        leave = build(
            "$.allowance.leave",
            LeavePolicy,
            paid_in_full=part.paid_in_full,
            long_leave=part.long_leave,
            sick_leave=part.sick_leave,
            sick_leave_after=part.sick_leave_after,
            miscarriage_free_days=part.miscarriage_free_days,
            miscarriage_last_day=part.miscarriage_last_day,
            miscarriage_per_day=part.miscarriage_per_day,
            study_percent=part.study_percent,
            citation=part.citation,
            renames={"leave": ""},
        )
    return build(
        "$.allowance",
        AllowancePolicy,
        name=model.name,
        version=model.version,
        base={int(kelas): amount for kelas, amount in model.base.items()},
        performance_share=model.performance_share,
        performance_percentage=model.performance_percentage,
        attendance_share=model.attendance_share,
        cuts=cuts,
        citation=model.citation,
        **_given(
            note=model.note,
            pay_rounded_components=model.pay_rounded_components,
            leave=leave,
            discipline=None if model.discipline is None else discipline_cuts(model.discipline),
        ),
    )


def _recognition(model: RecognitionModel | None) -> RecognitionRule | None:
    if model is None:
        return None
    incentives = None if model.incentives is None else incentive_rules(model.incentives)
    return build(
        "$.recognition",
        RecognitionRule,
        **_given(for_predikat=model.for_predikat, items=model.items, incentives=incentives),
    )


def _policy(data: dict[str, Any]) -> RewardPolicy:
    model = validate_model(RewardPolicyModel, data)
    sections: dict[str, Any] = {}
    sections["angka_kredit"] = (
        None if model.angka_kredit is None else _angka_kredit(model.angka_kredit)
    )
    sections["allowance"] = None if model.allowance is None else _allowance(model.allowance)
    sections["career"] = _section(
        "career", CareerRule, model.career, "minimum", "pangkat_reguler", "succession_years"
    )
    sections["recognition"] = _recognition(model.recognition)
    sections["development"] = _section(
        "development", DevelopmentRule, model.development, "for_predikat"
    )
    sections["consequences"] = _section(
        "consequences",
        ConsequenceRule,
        model.consequences,
        "improvement_months",
        "placement_years",
        "pembinaan_for",
        "administrative_sanction",
    )
    return build(
        "$",
        RewardPolicy,
        name=model.name,
        version=model.version,
        **_given(description=model.description),
        **sections,
    )


class _TomlFloat(str):
    """The text of a TOML float, kept so that it can be refused with its path and spelling."""

    __slots__ = ()


def _toml_text(source: str | bytes | bytearray) -> str:
    if isinstance(source, str):
        return source.removeprefix("\ufeff")
    try:
        return bytes(source).decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise SchemaError(
            f"the policy file is not UTF-8 text (byte {error.start})",
            path="$",
            value=bytes(source[error.start : error.start + 8]),
            rule="SCHEMA-toml_invalid",
            fix="save the file as UTF-8",
        ) from None


def _refuse_floats(value: object, where: str = "$", depth: int = 0) -> None:
    """Raise at the first TOML float, depth first, in the order of the file.

    Below :data:`~asn_performance.boundary._wire.MAX_DEPTH` levels the file is refused as too
    deep anyway (when it is read as a document), so the search stops there.
    """
    if isinstance(value, _TomlFloat):
        text = str(value)
        raise DecimalInputError(
            f"a TOML float is a binary floating-point number, so {text} would not be exact;"
            " write decimals in a policy file as strings",
            path=where,
            value=text,
            rule="D5-EXACT",
            fix=f'write {text} as "{text}"',
        )
    if depth > MAX_DEPTH:
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            _refuse_floats(item, where + member(key), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_floats(item, f"{where}[{index}]", depth + 1)


def _parse_toml(source: str | bytes | bytearray) -> dict[str, Any]:
    text = _toml_text(source)
    try:
        data = tomllib.loads(text, parse_float=_TomlFloat)
    except tomllib.TOMLDecodeError as error:
        raise SchemaError(
            f"malformed TOML: {error}",
            path="$",
            value=MISSING,
            rule="SCHEMA-toml_invalid",
            fix="check the TOML syntax there (quotes around text, '=' between key and value)",
        ) from None
    except RecursionError:
        raise SchemaError(
            "the policy file is nested too deeply",
            path="$",
            value=MISSING,
            rule="SCHEMA-too_deep",
            fix="flatten the file",
        ) from None
    except ValueError as error:  # an integer of more than 4300 digits
        raise SchemaError(
            f"unreadable TOML: {error}",
            path="$",
            value=MISSING,
            rule="SCHEMA-toml_invalid",
            fix='check the numbers; write a decimal as a string, e.g. "95"',
        ) from None
    _refuse_floats(data)
    return data


def _is_json(source: str | bytes | bytearray) -> bool:
    head = source[:1024].lstrip() if isinstance(source, str) else bytes(source[:1024]).lstrip()
    if isinstance(head, str):
        return head.removeprefix("\ufeff").lstrip().startswith("{")
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")


def load_reward_policy(
    source: str | bytes | Mapping[str, Any],
    *,
    format: Literal["toml", "json"] | None = None,
) -> RewardPolicy:
    """Read a reward policy from TOML or JSON text, UTF-8 bytes or an already-parsed mapping.

    ``format`` says how to read text; left out, text that starts with ``{`` is JSON and any
    other text TOML (a TOML document cannot start with ``{``). A mapping is read as it is.

    Raises:
        SchemaError: malformed TOML or JSON, a missing, unknown or mistyped field (``path``
            is the JSON path in the file, e.g. ``$.allowance.cuts.per_minute``).
        DecimalInputError: a TOML float (write ``"0.7"``), or a number that is not exact.
        PolicyError: the parameters are inconsistent (shares not adding up to 100, a
            predikat missing from a table), with the path of the value.
        AsnPerformanceError: another rule broken by a value (an unknown predikat code...).
    """
    if format not in (None, "toml", "json"):
        raise PolicyError(
            "the format of a policy is 'toml' or 'json'",
            path="format",
            value=format,
            rule="POLICY-FILE",
            fix="pass format='toml' or format='json'",
        )
    if isinstance(source, (str, bytes, bytearray)) and (
        format == "toml" or (format is None and not _is_json(source))
    ):
        return guarded(_policy, _parse_toml(source))
    return guarded(_policy, source)


def load_reward_policy_file(path: str | os.PathLike[str]) -> RewardPolicy:
    """Read a reward policy file: ``.toml`` as TOML, ``.json`` as JSON.

    Raises:
        PolicyError: the file's suffix is neither (rule ``POLICY-FILE``).
        OSError: the file cannot be read.
        AsnPerformanceError: as :func:`load_reward_policy`.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise PolicyError(
            f"the path of a policy file is text, not {type(path).__name__}",
            path="path",
            value=type(path).__name__,
            rule="POLICY-FILE",
            fix="pass the path as a str or a pathlib.Path",
        )
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in (".toml", ".json"):
        raise PolicyError(
            "a reward policy file is TOML (.toml) or JSON (.json)",
            path=str(path),
            value=str(path),
            rule="POLICY-FILE",
            fix="name the file with .toml or .json",
        )
    try:
        data = read_input(file)
    except ValueError:  # a NUL character in the path: no file can have that name
        raise PolicyError(
            "the path of a policy file cannot hold a NUL character",
            path=shown(str(path)),
            value=shown(str(path)),
            rule="POLICY-FILE",
            fix="check the path",
        ) from None
    return load_reward_policy(data, format="toml" if suffix == ".toml" else "json")


# --- built-in policies -------------------------------------------------------------------------


def _builtin_files() -> dict[str, Any]:
    folder = resources.files("asn_performance").joinpath("policies")
    return {
        entry.name.rsplit(".", 1)[0]: entry
        for entry in folder.iterdir()
        if entry.is_file() and entry.name.endswith((".toml", ".json"))
    }


def list_builtin_policies() -> tuple[str, ...]:
    """The names of the example policies that ship with the library, sorted."""
    return tuple(sorted(_builtin_files()))


@functools.lru_cache(maxsize=16)
def _builtin(name: str) -> RewardPolicy:
    entry = _builtin_files()[name]
    text = entry.read_bytes()
    return load_reward_policy(text, format="toml" if entry.name.endswith(".toml") else "json")


def load_builtin_policy(name: str) -> RewardPolicy:
    """One of the policies of :func:`list_builtin_policies`, e.g. ``"national"``.

    Raises:
        PolicyError: no built-in policy has that name (rule ``POLICY-BUILTIN``).
    """
    names = list_builtin_policies()
    if not isinstance(name, str) or name not in names:
        raise PolicyError(
            f"no built-in reward policy is named {shown(name)}",
            path="policy",
            value=name,
            rule="POLICY-BUILTIN",
            fix=f"use one of {', '.join(names)}, or give the path of a .toml or .json file",
        )
    return _builtin(name)


# --- writing -----------------------------------------------------------------------------------


def _predikat_list(items: frozenset[Predikat]) -> list[str]:
    return [p.code for p in sorted(items, key=lambda p: -p.rank)]


def _table(table: Mapping[Any, Decimal]) -> dict[str, str]:
    return {key.code: decimal_out(value) for key, value in table.items()}


def _leave_dict(leave: LeavePolicy) -> dict[str, Any]:
    return {
        "paid_in_full": sorted(kind.code for kind in leave.paid_in_full),
        "long_leave": [decimal_out(value) for value in leave.long_leave],
        "sick_leave": [decimal_out(value) for value in leave.sick_leave],
        "sick_leave_after": decimal_out(leave.sick_leave_after),
        "miscarriage_free_days": leave.miscarriage_free_days,
        "miscarriage_last_day": leave.miscarriage_last_day,
        "miscarriage_per_day": decimal_out(leave.miscarriage_per_day),
        "study_percent": decimal_out(leave.study_percent),
        "citation": leave.citation,
    }


def _allowance_dict(allowance: AllowancePolicy) -> dict[str, Any]:
    cuts = allowance.cuts
    data = {
        "name": allowance.name,
        "version": allowance.version,
        "base": {str(kelas): decimal_out(amount) for kelas, amount in allowance.base.items()},
        "performance_share": decimal_out(allowance.performance_share),
        "performance_percentage": _table(allowance.performance_percentage),
        "attendance_share": decimal_out(allowance.attendance_share),
        "cuts": {
            "per_day_absent": decimal_out(cuts.per_day_absent),
            "per_missing_check": decimal_out(cuts.per_missing_check),
            "per_minute": decimal_out(cuts.per_minute),
            "per_missed_ceremony": decimal_out(cuts.per_missed_ceremony),
            "cap": decimal_out(cuts.cap),
        },
        "citation": allowance.citation,
        "note": allowance.note,
        "pay_rounded_components": allowance.pay_rounded_components,
    }
    if allowance.leave is not None:  # left out when none, as in a file
        data["leave"] = _leave_dict(allowance.leave)
    if allowance.discipline is not None:  # left out when none, as in a file
        data["discipline"] = discipline_dict(allowance.discipline)
    return data


def dump_reward_policy(policy: RewardPolicy) -> dict[str, Any]:
    """Write ``policy`` as a JSON-ready dict in the policy file format, every parameter out.

    A rule that is not applied (``None``) is left out, as in a file. Decimals are strings.
    :func:`load_reward_policy` reads the result back equal to ``policy``.

    Raises:
        SchemaError: ``policy`` is not a :class:`~asn_performance.consequences.RewardPolicy`.
    """
    if not isinstance(policy, RewardPolicy):
        raise SchemaError(
            f"dump_reward_policy() needs a RewardPolicy, not {type(policy).__name__}",
            path="$",
            value=type(policy).__name__,
            rule="SCHEMA-input_type",
            fix="pass a RewardPolicy",
        )
    data: dict[str, Any] = {
        "schema_version": POLICY_SCHEMA_VERSION,
        "name": policy.name,
        "version": policy.version,
        "description": policy.description,
    }
    if policy.angka_kredit is not None:
        rule = policy.angka_kredit
        data["angka_kredit"] = {
            "percentages": _table(rule.percentages),
            "koefisien": _table(rule.koefisien),
            "minimum": {
                jenjang.code: {
                    "pangkat": decimal_out(m.pangkat),
                    "jenjang": None if m.jenjang is None else decimal_out(m.jenjang),
                }
                for jenjang, m in rule.minimum.items()
            },
        }
    if policy.allowance is not None:
        data["allowance"] = _allowance_dict(policy.allowance)
    if policy.career is not None:
        data["career"] = {
            "minimum": policy.career.minimum.code,
            "pangkat_reguler": policy.career.pangkat_reguler,
            "succession_years": policy.career.succession_years,
        }
    if policy.recognition is not None:
        data["recognition"] = {
            "for_predikat": _predikat_list(policy.recognition.for_predikat),
            "items": [item.code for item in policy.recognition.items],
        }
        if policy.recognition.incentives:  # left out when none, as in a file
            data["recognition"]["incentives"] = incentives_list(policy.recognition.incentives)
    if policy.development is not None:
        data["development"] = {"for_predikat": _predikat_list(policy.development.for_predikat)}
    if policy.consequences is not None:
        q = policy.consequences
        data["consequences"] = {
            "improvement_months": q.improvement_months,
            "placement_years": q.placement_years,
            "pembinaan_for": _predikat_list(q.pembinaan_for),
            "administrative_sanction": q.administrative_sanction,
        }
    return data


def reward_policy_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a reward policy file (TOML files have the same shape)."""
    return {"$schema": DRAFT, **RewardPolicyModel.model_json_schema()}
