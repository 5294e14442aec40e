"""Dense integer codes of the rule tables, derived at import from the object path's own tables.

Nothing here is typed again: every table below is computed from the library's enums and rule
tables, so the columnar path and the object path read the same rules.

* A rating, a predikat and an organisation predikat are coded by their member's position in
  the enum (:attr:`~asn_performance._kit.labels.Labelled.position`): ``Rating`` 0 Di Bawah,
  1 Sesuai, 2 Di Atas Ekspektasi; ``Predikat`` 0 Sangat Baik ... 4 Sangat Kurang;
  ``OrganisationPredikat`` 0 Istimewa ... 4 Sangat Kurang.
* :data:`RATING_SPELLINGS` (and the other ``*_SPELLINGS``): every spelling ``parse`` accepts
  (the code, both labels, the synonyms of the enum's table), folded by
  :func:`~asn_performance._kit.labels.fold_label` -- the folding ``parse`` itself applies
  (library decision D12) -- to its code.
* :data:`MATRIX`: the PermenPANRB 6/2022 matrix (``PREDIKAT_MATRIX``, SE MenPANRB 3/2023 step 3)
  as a flat tuple of predikat codes indexed by ``hasil * 3 + perilaku``.
* :data:`UNIT_HEAD`: the unit-head mapping (``UNIT_HEAD_RATING``, SE MenPANRB 3/2023, library
  decision D3) as a tuple of rating codes indexed by organisation predikat code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, TypeVar

from asn_performance._kit.labels import Labelled, fold_label
from asn_performance.domain.explanation import rules_by_id
from asn_performance.domain.rating import OrganisationPredikat, Predikat, Rating
from asn_performance.regimes.permenpanrb_6_2022.matrix import (
    PREDIKAT_MATRIX,
    RULES,
    UNIT_HEAD_RATING,
)

__all__ = [
    "MATRIX",
    "MATRIX_RULE",
    "ORGANISATION_SPELLINGS",
    "PREDIKAT_CODES",
    "PREDIKAT_LABELS",
    "PREDIKAT_SPELLINGS",
    "RATING_SPELLINGS",
    "UNIT_HEAD",
    "UNIT_HEAD_RULE",
    "code_of",
    "spellings",
]

_L = TypeVar("_L", bound=Labelled)

_RULE = rules_by_id(RULES)
#: The rule ids the object path records for the matrix and for a unit head's hasil kerja.
MATRIX_RULE: Final[str] = str(_RULE["6/2022-MATRIX"])
UNIT_HEAD_RULE: Final[str] = str(_RULE["D3-UNIT-HEAD"])


def spellings(enum: type[_L]) -> dict[str, int]:
    """Every spelling ``enum.parse`` accepts, folded as ``parse`` folds, to the member's
    position (its dense integer code).

    Built from the members' public labels and synonyms; a spelling naming two members would be
    a defect of the enum's table, which ``parse`` refuses when the enum is first used.
    """
    table: dict[str, int] = {}
    for member in enum:
        for text in (member.code, member.label_id, member.label_en, *member.synonyms):
            table[fold_label(text)] = member.position
    return table


def code_of(table: Mapping[str, int], value: object) -> int | None:
    """The code of one cell: ``None`` when missing (null or blank text), ``-1`` when the text
    is not an accepted spelling or the value is not text (as ``parse`` refuses a non-text)."""
    if value is None:
        return None
    if not isinstance(value, str):
        return -1
    folded = fold_label(value)
    if not folded:
        return None
    return table.get(folded, -1)


RATING_SPELLINGS: Final = spellings(Rating)
PREDIKAT_SPELLINGS: Final = spellings(Predikat)
ORGANISATION_SPELLINGS: Final = spellings(OrganisationPredikat)

_RATINGS: Final = tuple(Rating)
_PREDIKAT: Final = tuple(Predikat)

#: The predikat codes (``"sangat_baik"``, ...) and Indonesian labels, indexed by predikat code.
PREDIKAT_CODES: Final = tuple(p.code for p in _PREDIKAT)
PREDIKAT_LABELS: Final = tuple(p.label_id for p in _PREDIKAT)

#: PermenPANRB 6/2022 matrix (SE MenPANRB 3/2023 step 3): predikat code at
#: ``hasil * 3 + perilaku`` (rating codes), from ``PREDIKAT_MATRIX``.
MATRIX: Final = tuple(
    PREDIKAT_MATRIX[(hasil, perilaku)].position for hasil in _RATINGS for perilaku in _RATINGS
)

#: SE MenPANRB 3/2023 (library decision D3): a unit head's rating hasil kerja code, indexed by
#: organisation predikat code, from ``UNIT_HEAD_RATING``.
UNIT_HEAD: Final = tuple(UNIT_HEAD_RATING[o].position for o in OrganisationPredikat)
