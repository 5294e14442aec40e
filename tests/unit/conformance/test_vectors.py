"""The conformance vectors shipped in the package: what the generator writes, what the golden
files worked by hand say, and the checker's comparison (issue 15).

Every expected value written here is worked by hand in the comment beside it, never produced
by running the code.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from asn_performance.conformance import (
    ConformanceReport,
    Difference,
    assert_conforms,
    check,
    export,
    library_results,
    load_vectors,
    manifest,
    read_results,
)
from asn_performance.exceptions import InputError

ROOT = Path(__file__).parents[3]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "conformance_vectors", ROOT / "tools" / "conformance_vectors.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("conformance_vectors", module)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
VECTORS = {v.id: v for v in load_vectors()}


def test_the_shipped_vectors_are_what_the_generator_gives_today() -> None:
    problems = TOOL.differences()
    assert not problems, "run python tools/conformance_vectors.py --write: " + ", ".join(problems)


@pytest.mark.parametrize(
    "spec", [s for s in TOOL.specs() if s["golden_fields"]], ids=lambda s: s["id"]
)
def test_a_worked_vector_equals_its_golden_file(spec: dict[str, Any]) -> None:
    vector = VECTORS[spec["id"]]
    assert spec["golden_fields"], "a worked vector checks at least one golden value"
    for field, golden_key in spec["golden_fields"].items():
        assert vector.expected[field] == TOOL.golden_value(spec, golden_key), field
    assert not vector.generated
    golden = json.loads((ROOT / spec["worked_example"]).read_text("utf-8"))
    assert vector.source.startswith(golden["source"])  # the citation of the worked example


def test_the_groups_cover_every_matrix_cell_and_every_organisation_predikat() -> None:
    groups = Counter(v.group for v in VECTORS.values())
    # 3 x 3 ratings; 5 organisation predikat (istimewa, baik, butuh perbaikan, kurang,
    # sangat kurang); 4 weighted golden files + supervisor decides + per dimension; 3 PP 46
    # chains; 6 capaian edge cases (5 waktu, 1 biaya); 4 nilai kinerja of 8/2021; 1
    # integration; 3 golden distributions + 3 small units x 2 roundings.
    # Issue 15's further groups (tests/unit/conformance/test_vector_groups.py): angka kredit
    # 8 jenjang x 5 predikat + 4 prorated + 2 accumulated = 46; tukin 6 Kemnaker + 3 pemda = 9;
    # 9 objection deadlines; 4 + 13 per IKI of 8/2021; 1 + 6 parts of the 2021 split.
    assert groups == {
        "matrix": 9,
        "unit_head": 5,
        "weighting": 6,
        "pp46": 3,
        "capaian": 6,
        "permenpanrb_8_2021": 4 + 13,
        "integration_2021": 1 + 6,
        "distribution": 9,
        "angka_kredit": 46,
        "tukin": 9,
        "objection": 9,
    }
    assert len(VECTORS) == 43 + 83 == 126


def test_hand_worked_values_of_some_vectors() -> None:
    # matrix: hasil Di Atas, perilaku Sesuai -> Baik (SE MenPANRB 3/2023, the 3x3 matrix)
    cell = VECTORS["matrix/hasil_di_atas__perilaku_sesuai"].expected
    assert (cell["predikat"], cell["predikat_label"]) == ("baik", "Baik")
    assert cell["rules"] == "D2-SUPERVISOR-DECIDES 6/2022-MATRIX"
    # the 24 % boundary: E = 100 - 9.12/12 x 100 = 24 exactly, so the 1.76 formula applies:
    # (1.76 x 12 - 9.12) / 12 x 100 = 12 / 12 x 100 = 100 (a float would give 24.000...01, 76)
    edge = VECTORS["capaian/pp46_waktu_tw12_rw9_12_boundary_100"].expected
    assert edge["detail.skps[0].activities[0].waktu"] == "100"
    assert edge["detail.skps[0].activities[0].waktu_efficiency"] == "24"
    # 2021: 50 % x 88.1 + 50 % x 97 = 44.05 + 48.5 = 92.55, Baik (PP 30/2019 Pasal 41(5): 90-120)
    halves = VECTORS["integration_2021/integrate_2021_halves"].expected
    assert (halves["value_shown"], halves["predikat"]) == ("92.55", "baik")
    # a unit of 5 under organisation predikat Baik with 4 Baik and 1 Butuh Perbaikan:
    # at most 70 % Baik: strict floor(0.7 x 5) = floor(3.5) = 3 < 4 -> violated;
    # lenient ceil(3.5) = 4 -> kept; at least 1 Butuh Perbaikan / Kurang: 1 -> kept.
    strict = VECTORS["distribution/baik_5_baik_4_butuh_perbaikan_1_strict"].expected
    lenient = VECTORS["distribution/baik_5_baik_4_butuh_perbaikan_1_lenient"].expected
    assert (strict["ok"], strict["violated"]) == ("false", "max:baik")
    assert (lenient["ok"], lenient["violated"]) == ("true", "")
    # weights 20/60/20 with two peers only: the peers are withheld (G-ANONYMITY, fewer than 3)
    # and the rest renormalised: Sesuai(2) x 20/80 + Di Atas(3) x 60/80 = 2.75 -> Di Atas;
    # perilaku Sesuai -> matrix (Di Atas, Sesuai) = Baik
    withheld = VECTORS["weighting/weighted_two_peers_withheld"].expected
    assert withheld["rating_hasil_kerja"] == "di_atas_ekspektasi"
    assert withheld["predikat"] == "baik"
    assert "G-ANONYMITY" in withheld["rules"].split()


def test_the_manifest_names_every_vector_its_source_and_the_library_version() -> None:
    from asn_performance import __version__

    data = manifest()
    assert data["format_version"] == "1"
    assert data["library_version"] == __version__
    entries = {e["id"]: e for e in data["vectors"]}
    assert set(entries) == set(VECTORS)
    for entry in data["vectors"]:
        assert entry["file"] == entry["id"] + ".json"
        assert entry["source"], entry
        assert entry["worked"] == (entry["source"] != "generated")
    assert entries["distribution/baik_5_baik_4_butuh_perbaikan_1_strict"]["source"] == "generated"
    assert "SE MenPANRB 3/2023" in entries["matrix/hasil_sesuai__perilaku_sesuai"]["source"]


def test_export_writes_the_files_the_manifest_lists(tmp_path: Path) -> None:
    written = export(tmp_path / "out")
    files = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json")
    )
    # 126 vectors and the manifest
    assert len(written) == 127 == len(files)
    assert written[0].name == "manifest.json"
    listed = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))["vectors"]
    assert sorted(["manifest.json", *(e["file"] for e in listed)]) == files
    assert load_vectors(tmp_path / "out") == tuple(VECTORS.values())


def test_the_library_conforms_to_its_own_vectors() -> None:
    report = check(library_results())
    assert report.ok
    assert (report.vectors, len(report.matched), report.differences, report.missing) == (
        126,
        126,
        (),
        (),
    )
    assert report.render() == "126 vectors, 126 match, 0 differ, 0 missing"
    assert report.render("id") == "126 vektor, 126 sesuai, 0 berbeda, 0 tidak ada hasilnya"
    assert assert_conforms(library_results()) == report


def _two_vectors() -> dict[str, dict[str, str]]:
    return {
        "matrix/hasil_sesuai__perilaku_sesuai": {"predikat": "baik"},
        "integration_2021/integrate_2021_halves": {"value_shown": "92.55", "predikat": "baik"},
    }


def test_a_wrong_value_and_a_missing_field_and_vector_are_named() -> None:
    results = _two_vectors()
    results["matrix/hasil_sesuai__perilaku_sesuai"]["predikat"] = "sangat_baik"
    del results["integration_2021/integrate_2021_halves"]["predikat"]
    chosen = [VECTORS[k] for k in (*results, "matrix/hasil_di_atas__perilaku_di_atas")]
    report = check(results, chosen)
    assert not report.ok
    assert report.differences == (
        Difference("matrix/hasil_sesuai__perilaku_sesuai", "predikat", "baik", "sangat_baik"),
        Difference("integration_2021/integrate_2021_halves", "predikat", "baik", None),
    )
    assert report.missing == ("matrix/hasil_di_atas__perilaku_di_atas",)
    assert report.render() == (
        "matrix/hasil_sesuai__perilaku_sesuai: predikat: expected baik, got sangat_baik\n"
        "integration_2021/integrate_2021_halves: predikat: expected baik, not given\n"
        "matrix/hasil_di_atas__perilaku_di_atas: no result given\n"
        "3 vectors, 0 match, 2 differ, 1 missing"
    )
    assert report.render("id") == (
        "matrix/hasil_sesuai__perilaku_sesuai: predikat: seharusnya baik, diberikan"
        " sangat_baik\n"
        "integration_2021/integrate_2021_halves: predikat: seharusnya baik, tidak diberikan\n"
        "matrix/hasil_di_atas__perilaku_di_atas: tidak ada hasil\n"
        "3 vektor, 0 sesuai, 2 berbeda, 1 tidak ada hasilnya"
    )
    assert report.to_dict() == {
        "format_version": "1",
        "ok": False,
        "vectors": 3,
        "matched": 0,
        "differ": 2,
        "missing": 1,
        "differences": [
            {
                "id": "matrix/hasil_sesuai__perilaku_sesuai",
                "field": "predikat",
                "expected": "baik",
                "got": "sangat_baik",
            },
            {
                "id": "integration_2021/integrate_2021_halves",
                "field": "predikat",
                "expected": "baik",
                "got": None,
            },
        ],
        "missing_ids": ["matrix/hasil_di_atas__perilaku_di_atas"],
    }
    with pytest.raises(AssertionError) as raised:
        assert_conforms(results, chosen)
    message = str(raised.value)
    for vector in chosen:
        assert vector.id in message


def test_fields_not_required_are_compared_only_when_given() -> None:
    # the matrix vectors require predikat only: a result without the rule ids still matches,
    # one with different rule ids does not
    chosen = [VECTORS["matrix/hasil_sesuai__perilaku_sesuai"]]
    assert check({"matrix/hasil_sesuai__perilaku_sesuai": {"predikat": "baik"}}, chosen).ok
    wrong = check(
        {"matrix/hasil_sesuai__perilaku_sesuai": {"predikat": "baik", "rules": "X"}}, chosen
    )
    assert [d.field for d in wrong.differences] == ["rules"]


def test_csv_and_json_results_read_the_same() -> None:
    csv_text = (
        "id,predikat,value_shown\n"
        "matrix/hasil_sesuai__perilaku_sesuai,baik,\n"
        "integration_2021/integrate_2021_halves,baik,92.55\n"
    )
    assert read_results(csv_text) == _two_vectors()
    assert read_results(json.dumps(_two_vectors()).encode()) == _two_vectors()
    chosen = [VECTORS[k] for k in _two_vectors()]
    assert check(csv_text, chosen).ok
    assert check(csv_text.encode("utf-8"), chosen) == check(_two_vectors(), chosen)


def _problems(error: InputError) -> list[tuple[str | None, str | None]]:
    return [(p.path, p.rule) for p in error.problems]


def test_every_problem_of_malformed_json_results_at_its_json_path() -> None:
    bad = {
        "matrix/hasil_sesuai__perilaku_sesuai": {"predikat": 3, "rules": None},
        "pp46/two_skps_simple_mean": ["baik"],
    }
    with pytest.raises(InputError) as raised:
        check(bad)
    assert _problems(raised.value) == [
        ("$['matrix/hasil_sesuai__perilaku_sesuai'].predikat", "CONFORMANCE-RESULTS"),
        ("$['matrix/hasil_sesuai__perilaku_sesuai'].rules", "CONFORMANCE-RESULTS"),
        ("$['pp46/two_skps_simple_mean']", "CONFORMANCE-RESULTS"),
    ]
    with pytest.raises(InputError) as raised:
        check("[]")
    assert _problems(raised.value) == [("$", "CONFORMANCE-RESULTS")]


def test_an_unknown_vector_id_is_refused_not_counted_missing() -> None:
    with pytest.raises(InputError) as raised:
        check({"matrix/hasil_sesuai_perilaku_sesuai": {"predikat": "baik"}, "x": {}})
    assert _problems(raised.value) == [
        ("$['matrix/hasil_sesuai_perilaku_sesuai']", "CONFORMANCE-ID"),
        ("$.x", "CONFORMANCE-ID"),
    ]


def test_every_problem_of_a_malformed_csv() -> None:
    with pytest.raises(InputError) as raised:
        read_results("vector,predikat\nx,baik\n")
    assert _problems(raised.value) == [("$", "CONFORMANCE-RESULTS")]
    with pytest.raises(InputError) as raised:
        read_results("id,predikat\na,baik,extra\nb,baik\nb,baik\n")
    # row 0 has 3 cells for a header of 2; row 2 repeats b
    assert _problems(raised.value) == [
        ("$[0]", "CONFORMANCE-RESULTS"),
        ("$[2].id", "CONFORMANCE-RESULTS"),
    ]


def test_a_vectors_folder_that_is_not_an_export_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        load_vectors(tmp_path)
    assert _problems(raised.value) == [("manifest.json", "CONFORMANCE-VECTORS")]
    export(tmp_path)
    (tmp_path / "matrix" / "hasil_sesuai__perilaku_sesuai.json").write_text(
        '{"format": "asn-performance conformance vector", "format_version": "2"}', "utf-8"
    )
    (tmp_path / "pp46" / "two_skps_simple_mean.json").unlink()
    with pytest.raises(InputError) as raised:
        load_vectors(tmp_path)
    assert _problems(raised.value) == [
        ("matrix/hasil_sesuai__perilaku_sesuai.json: $.format_version", "CONFORMANCE-VECTORS"),
        ("pp46/two_skps_simple_mean.json: $", "CONFORMANCE-VECTORS"),
    ]


def test_the_report_is_immutable() -> None:
    report = ConformanceReport(1, ("a",), (), ())
    with pytest.raises(AttributeError):
        report.vectors = 2  # type: ignore[misc]
    with pytest.raises(InputError):
        ConformanceReport(1, ["a"], (), ())  # type: ignore[arg-type]
