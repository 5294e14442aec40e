"""The converters and validators of a reward policy's rules' parameters
(:mod:`asn_performance.consequences.policy`): tables of jenjang and predikat, recognition items,
incentives; each refuses a bad value with a :class:`~asn_performance.exceptions.PolicyError`
or :class:`~asn_performance.exceptions.InputError` naming the field, the rule and the fix."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from asn_performance._kit.frozenmap import FrozenMap
from asn_performance._kit.validate import shown
from asn_performance.consequences._common import (
    collection,
    expect,
    parse_predikat,
    percent_table,
    predikat_set,
    whole,
)
from asn_performance.consequences.angka_kredit import AkMinimum
from asn_performance.consequences.recognition import Incentive, RecognitionKind
from asn_performance.domain.employee import Jenjang
from asn_performance.domain.rating import Predikat
from asn_performance.exceptions import PolicyError

__all__ = [
    "convert_ak_percentages",
    "convert_for_predikat",
    "convert_incentive_items",
    "convert_jenjang_table",
    "convert_minimum_table",
    "convert_pembinaan_for",
    "convert_predikat",
    "convert_recognition_items",
    "from_one_to",
]

_ITEMS_EXAMPLE: Final = "('certificate', 'public_recognition')"


def convert_jenjang_table(value: object) -> FrozenMap[Jenjang, Decimal]:
    return percent_table(value, "koefisien", keys=Jenjang, parse=Jenjang.parse)


def convert_ak_percentages(value: object) -> FrozenMap[Predikat, Decimal]:
    return percent_table(value, "percentages", keys=Predikat, parse=Predikat.parse)


def convert_minimum_table(value: object) -> FrozenMap[Jenjang, AkMinimum]:
    if not isinstance(value, Mapping) or not all(
        isinstance(item, AkMinimum) for item in value.values()
    ):
        raise PolicyError(
            "must be a mapping of jenjang to AkMinimum",
            path="minimum",
            value=value,
            rule="POLICY-TABLE",
            fix="pass a table like AK_MINIMUM",
        )
    table = {Jenjang.parse(k, field=f"minimum[{shown(k)}]"): v for k, v in value.items()}
    if set(table) != set(Jenjang):
        raise PolicyError(
            "the table needs an entry for every jenjang",
            path="minimum",
            value=sorted(j.code for j in table),
            rule="POLICY-TABLE",
            fix="give an AkMinimum for each jenjang",
        )
    return FrozenMap(table)


def from_one_to(maximum: int) -> Any:
    """An attrs validator: a whole number from 1 to ``maximum``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        whole(value, attribute.name, minimum=1, maximum=maximum)

    return check


def convert_predikat(value: object) -> Predikat:
    return parse_predikat(value, "minimum")


def convert_recognition_items(value: object) -> tuple[RecognitionKind, ...]:
    items = collection(
        value,
        "items",
        message="must be a collection of recognition kinds",
        fix=f"pass e.g. {_ITEMS_EXAMPLE}",
    )
    return tuple(RecognitionKind.parse(item, field="items") for item in items)


def convert_for_predikat(value: object) -> frozenset[Predikat]:
    return predikat_set(value, "for_predikat")


def convert_pembinaan_for(value: object) -> frozenset[Predikat]:
    return predikat_set(value, "pembinaan_for")


def convert_incentive_items(value: object) -> tuple[Incentive, ...]:
    items = tuple(
        collection(
            value,
            "incentives",
            message="must be a collection of incentives",
            fix="pass e.g. (Incentive(...),)",
        )
    )
    for i, item in enumerate(items):
        expect(
            item,
            Incentive,
            f"incentives[{i}]",
            message="must be an Incentive",
            fix="pass Incentive(...)",
        )
    return items  # type: ignore[return-value]  # checked above
