"""The library's error messages and fixes in the catalogues (issue 14).

``tools/error_messages.py`` extracts every message and fix the source writes as a literal or
an f-string into the catalogues (``error.<RULE>.<hash>``, ``fix.<RULE>.<hash>``); the errors
are translated when shown (``asn_performance._kit.error_text``). These tests keep the
catalogues in step with the source, every text translated, every template reachable, and
check the translation of problems by hand-written examples.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from asn_performance._kit.error_text import (
    ANY_RULE,
    error_problems_in,
    message_key,
    problem_in,
    translate,
)
from asn_performance._kit.i18n import catalogue
from asn_performance.exceptions import MISSING, InputError, Problem

ROOT = Path(__file__).parents[3]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "error_messages", ROOT / "tools" / "error_messages.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("error_messages", module)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
EXTRACTED = TOOL.extract()


def test_the_extraction_finds_the_errors_of_the_source() -> None:
    # a sample of texts written in the source, with their rules (domain/employee.py)
    templates = {(t.kind, t.rule, t.template) for t in EXTRACTED.values()}
    assert ("error", "POSITION-JENJANG", "a jabatan fungsional needs its jenjang") in templates
    assert (
        "error",
        "POSITION-JENJANG",
        "only a jabatan fungsional has a jenjang, not a {label_id}",
    ) in templates
    assert ("fix", "POSITION-JENJANG", "give the jenjang, e.g. Jenjang.AHLI_MUDA") in templates
    assert len(EXTRACTED) > 800


def test_the_extracted_sections_of_the_catalogues_are_up_to_date() -> None:
    # fails when a message or fix of the source changed and the catalogues were not rewritten
    assert TOOL.main(["--check"]) == 0, "run: python tools/error_messages.py --write"


def test_every_extracted_text_is_in_the_english_catalogue_word_for_word() -> None:
    english = catalogue("en")
    for msg_id, extracted in EXTRACTED.items():
        assert english[msg_id].text == extracted.template, msg_id


def test_every_extracted_text_is_translated() -> None:
    indonesian = catalogue("id")  # a fuzzy entry (not yet translated) is not read
    missing: dict[str, list[str]] = defaultdict(list)
    for msg_id, extracted in EXTRACTED.items():
        if msg_id not in indonesian:
            missing[extracted.where].append(msg_id)
    assert not missing, "not translated: " + "; ".join(
        f"{where} ({len(ids)})" for where, ids in sorted(missing.items())
    )


def test_every_translation_keeps_the_placeholders_of_the_english() -> None:
    english, indonesian = catalogue("en"), catalogue("id")
    for msg_id in EXTRACTED:
        if msg_id in indonesian:
            assert indonesian[msg_id].names == english[msg_id].names, msg_id


def _sample(template: str) -> str:
    """The template with each placeholder filled by a distinct value no template holds."""
    counter = iter(range(1, 1000))
    return (
        re.sub(r"(?<!\{)\{(\w+)\}(?!\})", lambda _: f"Q{next(counter)}Q", template)
        .replace("{{", "{")
        .replace("}}", "}")
    )


def _shape(template: str) -> str:
    """The template with its placeholders' names left out."""
    return re.sub(r"(?<!\{)\{\w+\}(?!\})", "{}", template)


def test_every_text_of_the_source_is_recognised_as_itself() -> None:
    # A text filled with values is matched to its own entry (or to an entry of the same
    # English text, its placeholders named otherwise): no other template shadows it.
    wrong = []
    for msg_id, extracted in EXTRACTED.items():
        problem = Problem(
            _sample(extracted.template) if extracted.kind == "error" else "x",
            rule=None if extracted.rule == ANY_RULE else extracted.rule,
            fix=_sample(extracted.template) if extracted.kind == "fix" else None,
        )
        key = message_key(problem)[0 if extracted.kind == "error" else 1]
        found = EXTRACTED.get(key.msg_id, extracted).template if key else ""
        if key is None or _shape(found) != _shape(extracted.template):
            wrong.append((msg_id, key.msg_id if key else None))
    assert not wrong


# --- hand-written translations --------------------------------------------------------------


def test_a_problem_is_shown_in_indonesian_with_its_values() -> None:
    problem = Problem(
        "only a jabatan fungsional has a jenjang, not a struktural",
        path="$.employees[0].position.jenjang",
        value="ahli_muda",
        rule="POSITION-JENJANG",
        fix="remove the jenjang or change the kind to fungsional",
    )
    shown = problem_in(problem, "id")
    assert shown.message == "hanya jabatan fungsional yang mempunyai jenjang, bukan struktural"
    # path, value and rule are data: unchanged
    assert (shown.path, shown.value, shown.rule) == (problem.path, "ahli_muda", problem.rule)
    key, fix_key = message_key(problem)
    assert key is not None
    assert key.params == {"label_id": "struktural"}
    assert fix_key is not None
    assert fix_key.msg_id.startswith("fix.POSITION-JENJANG.")


def test_english_is_the_problem_itself() -> None:
    problem = Problem("a jabatan fungsional needs its jenjang", rule="POSITION-JENJANG")
    assert problem_in(problem, "en") is problem


def test_a_text_no_entry_matches_stays_as_it_is() -> None:
    problem = Problem("something no rule writes", rule="POSITION-JENJANG", fix="do nothing")
    shown = problem_in(problem, "id")
    assert (shown.message, shown.fix) == ("something no rule writes", "do nothing")
    assert translate("error", "POSITION-JENJANG", "something no rule writes", "id") is None


def test_the_count_of_further_problems_is_translated() -> None:
    # the message of an error standing for 3 problems ends " (and 2 more problems)"
    shown = problem_in(
        Problem(
            "a jabatan fungsional needs its jenjang (and 2 more problems)", rule="POSITION-JENJANG"
        ),
        "id",
    )
    assert shown.message == "jabatan fungsional wajib mempunyai jenjang (dan 2 masalah lain)"


def test_the_count_is_not_swallowed_by_a_template_ending_in_a_placeholder() -> None:
    # "unknown organisation predikat {value}" (D12-LABELS) ends in a placeholder: the count
    # of the other problems is not its value
    shown = problem_in(
        Problem(
            "unknown organisation predikat 'istimewah' (and 2 more problems)", rule="D12-LABELS"
        ),
        "id",
    )
    assert shown.message.endswith(" (dan 2 masalah lain)")
    assert "more problems" not in shown.message
    assert (
        shown.message
        == problem_in(
            Problem("unknown organisation predikat 'istimewah'", rule="D12-LABELS"), "id"
        ).message
        + " (dan 2 masalah lain)"
    )


def test_every_problem_of_an_error_is_translated() -> None:
    error = InputError(
        "a jabatan fungsional needs its jenjang",
        path="jenjang",
        value=None,
        rule="POSITION-JENJANG",
        also=[
            Problem(
                "only a jabatan fungsional has a jenjang, not a JPT",
                "jenjang",
                MISSING,
                "POSITION-JENJANG",
            )
        ],
    )
    assert [p.message for p in error_problems_in(error, "id")] == [
        "jabatan fungsional wajib mempunyai jenjang",
        "hanya jabatan fungsional yang mempunyai jenjang, bukan JPT",
    ]


@pytest.mark.parametrize(
    ("english", "indonesian"), [("1,000", "1.000"), ("4,500,000", "4.500.000")]
)
def test_an_english_grouped_integer_is_written_the_indonesian_way(
    english: str, indonesian: str
) -> None:
    from asn_performance._kit.error_text import _value

    assert _value(english, "id") == indonesian
    assert _value("199001012020121001", "id") == "199001012020121001"  # a NIP: as it is
    assert _value("12.5", "id") == "12.5"  # a value as the code wrote it


def test_the_english_words_the_code_fills_in_are_translated() -> None:
    # NIP 19780230...: 30 February 1978 does not exist; the month's name is filled in English
    from asn_performance import Nip
    from asn_performance.domain.assessment import AssessorRole

    with pytest.raises(InputError) as raised:
        Nip.parse("197802302003122001")
    assert problem_in(raised.value.problems[0], "id").message == (
        "digit 1-8 harus tanggal lahir (YYYYMMDD), tetapi 1978-02-30 bukan tanggal yang ada:"
        " Februari 1978 hanya mempunyai 28 hari"
    )
    with pytest.raises(InputError) as label:
        AssessorRole.parse("kepala")
    assert problem_in(label.value.problems[0], "id").message == (
        "peran pemberi penilaian tidak dikenal"
    )
    # English is the error itself
    assert problem_in(label.value.problems[0], "en").message == "unknown assessor role"


def test_a_value_that_is_only_a_field_name_stays() -> None:
    from asn_performance._kit.error_text import _value

    assert _value("aspect", "id") == "aspect"  # one word: also a field's name
    assert _value("May", "id") == "Mei"
    assert _value("May 2025", "id") == "Mei 2025"
    assert _value("Mayor 2025", "id") == "Mayor 2025"
