"""The appraisal document's optional roster (issue 13 item 3): every assessment of every plan
checked against it when the document is read, all problems at their JSON paths.

The built-in sample is a unit of the Sekretariat Daerah (after the regional reports: the
teacher Budi Santoso of an SMP Negeri in Kota Serang, from the Serang report). Its employees
form a complete roster, by hand:

    Hendra (Asisten, head) -> Ratna (Kepala Bagian) -> Agus (Kasubag Pendidikan dan Kesehatan)
        -> Budi (guru), Siti, Cut Nyak, Nurul;   Ratna -> Maria (Kasubag Perizinan)
        -> Rizky, Dedi, Lina, Yusuf.

Budi's plan (skp-2025-guru): pejabat penilai Agus, atasan Ratna. Entered as his
"subordinates": Hendra is above Ratna (a higher superior: gives nothing); Rizky and Yusuf are
under Maria, outside Budi's line (colleagues: peer or service user only). Three problems.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from asn_performance.boundary.appraisal_document import (
    DocumentModel,
    dump_document,
    input_json_schema,
    load_document,
    sample_document,
)
from asn_performance.boundary.cycle_document import dump_roster
from asn_performance.exceptions import AuthorityError, InputError
from asn_performance.process.roster import Roster

SAMPLE = sample_document()
ROSTER = Roster(SAMPLE.employees)
HENDRA, RIZKY, YUSUF = "197003121995031002", "199010102015031001", "198705052010011004"


def document(**extra: Any) -> dict[str, Any]:
    data = dump_document(SAMPLE)
    data.update(extra)
    return data


def subordinate(nip: str) -> dict[str, Any]:
    return {
        "plan_id": "skp-2025-guru",
        "role": "subordinate",
        "assessor_nip": nip,
        "given_on": dt.date(2026, 1, 10).isoformat(),
        "period": "2025",
        "hasil_kerja": "di_atas",
        "perilaku_kerja": "di_atas",
    }


def test_a_document_without_a_roster_is_written_as_before() -> None:
    assert "roster" not in dump_document(SAMPLE)
    assert SAMPLE.roster is None


def test_the_sample_with_its_own_roster_loads_and_round_trips() -> None:
    data = document(roster=dump_roster(ROSTER))
    loaded = load_document(json.dumps(data))
    assert loaded.roster == ROSTER
    assert dump_document(loaded) == data
    assert DocumentModel.model_validate(data).model_dump(mode="json") == data
    assert load_document(dump_document(loaded)) == loaded
    # The roster document's schema_version and kind may be left out.
    short = document(roster={"employees": dump_roster(ROSTER)["employees"]})
    assert load_document(short).roster == ROSTER


def test_the_teachers_case_gives_three_problems_at_their_json_paths() -> None:
    added = [subordinate(n) for n in (HENDRA, RIZKY, YUSUF)]
    data = document(roster=dump_roster(ROSTER))
    first = len(data["assessments"])  # 22: the sample has 22 assessments
    data["assessments"] = [*data["assessments"], *added]
    with pytest.raises(AuthorityError) as caught:
        load_document(json.dumps(data))
    problems = caught.value.problems
    assert [p.path for p in problems] == [
        f"$.assessments[{first}].role",
        f"$.assessments[{first + 1}].role",
        f"$.assessments[{first + 2}].role",
    ]
    assert {p.rule for p in problems} == {"AUTH-ROSTER-ROLE"}
    assert "a superior above the employee's atasan pejabat penilai" in problems[0].message
    assert "Drs. Hendra Wijaya" in problems[0].message
    assert "Rizky Pratama" in problems[1].message
    assert "a colleague" in problems[1].message
    # Without the roster the same document loads: nothing checks who they are.
    del data["roster"]
    assert len(load_document(json.dumps(data)).assessments) == first + 3


def test_an_unknown_assessor_and_a_plan_against_the_roster_at_json_paths() -> None:
    data = document(roster=dump_roster(ROSTER))
    data["assessments"] = [
        *data["assessments"],
        {**subordinate("198512312011011007"), "role": "peer"},
    ]
    # Budi's plan names Hendra as atasan pejabat penilai (skipping Ratna, whom the roster
    # derives: Budi -> Agus -> Ratna). Nothing in Budi's own record changes, so the document's
    # records agree with the roster's and the plan is the one refused.
    guru = next(i for i, p in enumerate(data["plans"]) if p["id"] == "skp-2025-guru")
    data["plans"][guru]["atasan_pejabat_penilai_nip"] = HENDRA
    with pytest.raises(AuthorityError) as caught:
        load_document(json.dumps(data))
    paths = {p.path: p.rule for p in caught.value.problems}
    assert paths[f"$.plans[{guru}].atasan_pejabat_penilai_nip"] == "AUTH-ROSTER-ATASAN"
    # The plan's problem stands alone for that plan: its assessments are not checked. The
    # unknown peer is for the same plan, so it is not listed either.
    assert len(paths) == 1


def test_a_record_that_disagrees_with_the_roster_is_refused_first() -> None:
    # Budi's superior_nip cleared in the document's employees while the roster says Agus: the
    # document describes another Budi than the roster does (rule DOCUMENT-ROSTER), named at
    # the roster's record of Budi (employees[4] in both, the sample's order).
    data = document(roster=dump_roster(ROSTER))
    for person in data["employees"]:
        if person["nip"] == "198609262015051001":
            person["superior_nip"] = None
    guru = next(i for i, p in enumerate(data["plans"]) if p["id"] == "skp-2025-guru")
    data["plans"][guru]["pejabat_penilai_nip"] = "197805172003122001"
    data["plans"][guru]["atasan_pejabat_penilai_nip"] = HENDRA
    with pytest.raises(InputError) as caught:
        load_document(json.dumps(data))
    (problem,) = caught.value.problems
    assert (problem.path, problem.rule) == ("$.roster.employees[4]", "DOCUMENT-ROSTER")
    assert problem.message.endswith("differs from $.employees[4] in superior_nip")


def test_an_unknown_assessor_on_a_plan_the_roster_accepts() -> None:
    data = document(roster=dump_roster(ROSTER))
    outsider = {**subordinate("198512312011011007"), "role": "peer"}
    data["assessments"] = [*data["assessments"], outsider]
    with pytest.raises(AuthorityError) as caught:
        load_document(data)
    (problem,) = caught.value.problems
    assert problem.path == f"$.assessments[{len(data['assessments']) - 1}].assessor_nip"
    assert problem.rule == "AUTH-ROSTER-NOT-LISTED"


def test_the_schema_shows_the_roster_in_both_languages() -> None:
    field = input_json_schema()["properties"]["roster"]
    assert "Roster organisasi" in field["description"]
    assert "The organisation's roster" in field["description"]


def test_a_roster_that_describes_the_documents_employees_differently_is_refused() -> None:
    # Two of the sample's employees, as the roster records them, differ from the document's
    # own records: employees[3] by name and unit, employees[5] by name. Two problems, each at
    # the roster's record (its place in the roster: the same order as the sample's here).
    import attrs

    people = list(SAMPLE.employees)
    people[3] = attrs.evolve(people[3], name="Orang Lain", unit="Unit Lain")
    people[5] = attrs.evolve(people[5], name="Nama Lain")
    data = document(roster=dump_roster(Roster(people)))
    with pytest.raises(InputError) as caught:
        load_document(data)
    found = [(p.path, p.rule) for p in caught.value.problems]
    assert found == [
        ("$.roster.employees[3]", "DOCUMENT-ROSTER"),
        ("$.roster.employees[5]", "DOCUMENT-ROSTER"),
    ]
    assert caught.value.problems[0].message.endswith("differs from $.employees[3] in name, unit")
    assert caught.value.problems[1].message.endswith("differs from $.employees[5] in name")
