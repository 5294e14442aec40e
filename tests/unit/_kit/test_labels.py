"""Tests for the label parser (:mod:`asn_performance._kit.labels`, decision D12) and the enums of
:mod:`asn_performance.domain.rating`.

Labels as printed in BKN exports and the PermenPANRB 6/2022 forms (digest §1.4-§1.5): "Di Atas
Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"; "Sangat Baik", "Baik", "Butuh
Perbaikan" (also "Perlu Perbaikan", and "Cukup" in PermenPANRB 1/2023), "Kurang/Misconduct"
(also plain "Kurang"), "Sangat Kurang".
"""

from __future__ import annotations

import pytest

from asn_performance import AssessorRole, OrganisationPredikat, Predikat, Rating
from asn_performance._kit.labels import fold_label
from asn_performance.domain.period import PeriodKind
from asn_performance.domain.plan import CoreValue
from asn_performance.exceptions import InputError, LabelError


def _unknown(kind: type[Rating | Predikat | OrganisationPredikat], text: object) -> LabelError:
    with pytest.raises(LabelError) as info:
        kind.parse(text, field="predikat")
    error = info.value
    assert error.rule == "D12-LABELS"
    assert error.path == "predikat"
    assert error.value == text
    return error


# --- Rating ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("di_atas_ekspektasi", Rating.DI_ATAS),
        ("sesuai_ekspektasi", Rating.SESUAI),
        ("di_bawah_ekspektasi", Rating.DI_BAWAH),
        ("Di Atas Ekspektasi", Rating.DI_ATAS),
        ("Sesuai Ekspektasi", Rating.SESUAI),
        ("Di Bawah Ekspektasi", Rating.DI_BAWAH),
        ("Above expectations", Rating.DI_ATAS),
        ("As expected", Rating.SESUAI),
        ("Below expectations", Rating.DI_BAWAH),
        ("diatas ekspektasi", Rating.DI_ATAS),
        ("dibawah ekspektasi", Rating.DI_BAWAH),
        ("Di Atas", Rating.DI_ATAS),
        ("sesuai", Rating.SESUAI),
        ("DI-BAWAH", Rating.DI_BAWAH),
    ],
)
def test_a_rating_parses_from_its_code_labels_and_synonyms(text: str, expected: Rating) -> None:
    assert Rating.parse(text) is expected


def test_a_rating_member_parses_to_itself() -> None:
    assert Rating.parse(Rating.SESUAI) is Rating.SESUAI


def test_ratings_are_ordered_from_di_bawah_to_di_atas() -> None:
    assert Rating.DI_BAWAH < Rating.SESUAI < Rating.DI_ATAS
    assert Rating.DI_ATAS > Rating.SESUAI >= Rating.SESUAI > Rating.DI_BAWAH
    assert Rating.SESUAI <= Rating.SESUAI
    assert min(Rating) is Rating.DI_BAWAH
    assert max(Rating) is Rating.DI_ATAS
    assert [r.rank for r in (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS)] == [0, 1, 2]


def test_a_rating_does_not_compare_with_other_things() -> None:
    with pytest.raises(TypeError):
        _ = Rating.SESUAI < 1  # type: ignore[operator]


def test_a_rating_has_stable_code_and_two_labels() -> None:
    assert Rating.DI_ATAS.code == "di_atas_ekspektasi"
    assert Rating.DI_ATAS.label_id == "Di Atas Ekspektasi"
    assert Rating.DI_ATAS.label_en == "Above expectations"
    assert str(Rating.DI_BAWAH) == "Di Bawah Ekspektasi"


def test_an_unknown_rating_names_the_value_and_lists_the_choices() -> None:
    error = _unknown(Rating, "Luar Biasa")
    assert "'Luar Biasa'" in str(error)
    for rating in Rating:
        assert rating.code in str(error)
        assert rating.label_id in error.fix  # type: ignore[operator]


# --- Predikat --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sangat_baik", Predikat.SANGAT_BAIK),
        ("baik", Predikat.BAIK),
        ("butuh_perbaikan", Predikat.BUTUH_PERBAIKAN),
        ("kurang", Predikat.KURANG),
        ("sangat_kurang", Predikat.SANGAT_KURANG),
        ("Sangat Baik", Predikat.SANGAT_BAIK),
        ("Baik", Predikat.BAIK),
        ("Butuh Perbaikan", Predikat.BUTUH_PERBAIKAN),
        ("Kurang/Misconduct", Predikat.KURANG),
        ("Sangat Kurang", Predikat.SANGAT_KURANG),
        ("Very good", Predikat.SANGAT_BAIK),
        ("Needs improvement", Predikat.BUTUH_PERBAIKAN),
    ],
)
def test_a_predikat_parses_from_its_code_and_labels(text: str, expected: Predikat) -> None:
    assert Predikat.parse(text) is expected


@pytest.mark.parametrize(
    "text", ["Perlu Perbaikan", "Cukup", "cukup/butuh perbaikan", "Butuh Perbaikan/Cukup"]
)
def test_perlu_perbaikan_and_cukup_are_butuh_perbaikan(text: str) -> None:
    assert Predikat.parse(text) is Predikat.BUTUH_PERBAIKAN


@pytest.mark.parametrize(
    "text", ["Kurang", "Kurang/Misconduct", "kurang / misconduct", "KURANG-MISCONDUCT"]
)
def test_kurang_and_kurang_misconduct_are_one_predikat(text: str) -> None:
    assert Predikat.parse(text) is Predikat.KURANG


def test_baik_never_matches_sangat_baik() -> None:
    assert Predikat.parse("Baik") is Predikat.BAIK
    assert Predikat.parse("Sangat Baik") is Predikat.SANGAT_BAIK
    assert Predikat.parse("Kurang") is Predikat.KURANG
    assert Predikat.parse("Sangat Kurang") is Predikat.SANGAT_KURANG


@pytest.mark.parametrize(
    "text", [" sangat  BAIK ", "Sangat_Baik", "SANGAT-baik", "\tsangat baik\n"]
)
def test_case_spaces_hyphens_and_underscores_fold(text: str) -> None:
    assert Predikat.parse(text) is Predikat.SANGAT_BAIK


@pytest.mark.parametrize("text", ["Sangat", "Bai", "Baik sekali", "Sangat Baik!", "Amat Baik"])
def test_part_of_a_label_or_a_longer_text_is_not_a_predikat(text: str) -> None:
    _unknown(Predikat, text)


def test_an_unknown_predikat_names_the_value_and_lists_the_five_choices() -> None:
    error = _unknown(Predikat, "Luar Biasa")
    text = str(error)
    assert "'Luar Biasa'" in text
    assert "unknown predikat" in text
    for predikat in Predikat:
        assert repr(predikat.code) in text
        assert predikat.label_id in text


def test_a_predikat_that_is_not_text_is_refused_with_a_label_error() -> None:
    error = _unknown(Predikat, 3)
    assert "text" in error.message


def test_a_rating_is_not_a_predikat() -> None:
    _unknown(Predikat, Rating.SESUAI)


def test_predikat_are_ranked_from_sangat_kurang_to_sangat_baik() -> None:
    order = [
        Predikat.SANGAT_KURANG,
        Predikat.KURANG,
        Predikat.BUTUH_PERBAIKAN,
        Predikat.BAIK,
        Predikat.SANGAT_BAIK,
    ]
    assert [p.rank for p in order] == [0, 1, 2, 3, 4]


def test_the_kurang_predikat_prints_its_form_label() -> None:
    assert Predikat.KURANG.label_id == "Kurang/Misconduct"
    assert Predikat.KURANG.code == "kurang"


def test_label_errors_are_input_errors_and_value_errors() -> None:
    with pytest.raises(ValueError, match="Luar Biasa"):
        Predikat.parse("Luar Biasa")
    assert issubclass(LabelError, InputError)


# --- OrganisationPredikat --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("istimewa", OrganisationPredikat.ISTIMEWA),
        ("Istimewa", OrganisationPredikat.ISTIMEWA),
        ("Outstanding", OrganisationPredikat.ISTIMEWA),
        ("Baik", OrganisationPredikat.BAIK),
        ("Butuh Perbaikan", OrganisationPredikat.BUTUH_PERBAIKAN),
        ("Cukup", OrganisationPredikat.BUTUH_PERBAIKAN),
        ("Perlu Perbaikan", OrganisationPredikat.BUTUH_PERBAIKAN),
        ("Kurang", OrganisationPredikat.KURANG),
        ("Sangat Kurang", OrganisationPredikat.SANGAT_KURANG),
        ("sangat_kurang", OrganisationPredikat.SANGAT_KURANG),
    ],
)
def test_an_organisation_predikat_parses_from_code_labels_and_synonyms(
    text: str, expected: OrganisationPredikat
) -> None:
    assert OrganisationPredikat.parse(text) is expected


def test_an_employee_predikat_label_is_not_an_organisation_predikat() -> None:
    error = _unknown(OrganisationPredikat, "Sangat Baik")
    assert "organisation predikat" in error.message
    assert "'istimewa' (Istimewa)" in str(error)


# --- other enums share the parser ------------------------------------------------------------


def test_assessor_roles_parse_from_codes_and_synonyms() -> None:
    assert AssessorRole.parse("pejabat_penilai") is AssessorRole.PEJABAT_PENILAI
    assert AssessorRole.parse("Supervisor") is AssessorRole.PEJABAT_PENILAI
    assert AssessorRole.parse("Pejabat Penilai Kinerja") is AssessorRole.PEJABAT_PENILAI
    assert AssessorRole.parse("rekan kerja") is AssessorRole.PEER
    assert AssessorRole.parse("service-user") is AssessorRole.SERVICE_USER


def test_core_values_parse_from_their_names() -> None:
    assert CoreValue.parse("Berorientasi Pelayanan") is CoreValue.BERORIENTASI_PELAYANAN
    assert CoreValue.parse("loyal") is CoreValue.LOYAL


def test_an_unknown_label_error_names_the_field_given() -> None:
    with pytest.raises(LabelError) as info:
        PeriodKind.parse("weekly", field="kind")
    assert info.value.path == "kind"
    assert "'weekly'" in str(info.value)


def test_folding_ignores_case_runs_of_spaces_hyphens_and_underscores() -> None:
    assert fold_label("  Di_Atas--Ekspektasi ") == "di atas ekspektasi"
    assert fold_label("Kurang / Misconduct") == "kurang/misconduct"


# --- bad input: a library error, never a crash nor a silent pass ---


def test_error_messages_name_the_kind_of_label_in_words() -> None:
    with pytest.raises(LabelError) as caught:
        AssessorRole.parse(3)
    assert "assessor role must be given as text" in str(caught.value)
