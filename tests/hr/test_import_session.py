"""The import dialog's choices, without the dialog: a sheet, a column, a title's role, a mapping saved
and used again; after each, the import is what Import would add."""

from __future__ import annotations

import json

import pytest

from orgdesigner.hr import import_session
from orgdesigner.hr.columns import mapping_from_data, mapping_to_json
from orgdesigner.hr.import_session import PREVIEW_ROWS, ImportSession
from orgdesigner.model.entities import Agency
from workbooks import STAFF, workbook

OTHER_SHEET = [["Code", "Métier", "Quotité horaire", "Agence"], ["A1", "Gardien", 50, "Sud"]]


@pytest.fixture
def session() -> ImportSession:
    return ImportSession(workbook({"Lisez-moi": [["Extraction RH"]], "Personnel": STAFF, "Intérim": OTHER_SHEET}))


def roles(session: ImportSession) -> dict[str, str]:
    scenario = session.scenario("s")
    assert scenario is not None, session.result.problems
    return {p.id: p.role for p in scenario.positions}


def test_opening_finds_the_sheet_the_header_and_the_columns(session: ImportSession) -> None:
    assert session.sheets == ("Lisez-moi", "Personnel", "Intérim")
    assert (session.sheet, session.result.header_line) == ("Personnel", 4)
    assert session.headers == ("Matricule", "Nom", "Prénom", "Emploi", "N+1", "Agence", "ETP", "Site")
    assert [row.line for row in session.preview] == [5, 6, 7, 9]
    assert session.result.columns["manager"] == "N+1"
    assert session.result.titles["Comptable"] == ("other", 1)


def test_another_sheet_with_its_own_column_names(session: ImportSession) -> None:
    session.choose_sheet("Intérim")
    assert session.sheet == "Intérim" and session.result.scenario is None  # « Code » names no known field
    assert session.headers == ()
    session.choose_sheet("Personnel")
    assert session.sheet == "Personnel"


def test_a_column_chosen_by_hand_or_left_out(session: ImportSession) -> None:
    session.set_column("site", None)
    scenario = session.scenario("s")
    assert scenario is not None and all(p.site is None for p in scenario.positions)
    assert "site" not in session.result.columns
    session.set_column("holder", "Nom")  # one column for the whole name: the first names are no longer added
    scenario = session.scenario("s")
    assert scenario is not None
    assert {p.id: p.holder for p in scenario.positions}["100"] == "Dupont"
    assert session.result.columns["holder"] == "Nom" and "last_name" not in session.result.columns


def test_a_column_is_given_to_one_field_only(session: ImportSession) -> None:
    session.set_column("title", "Agence")
    session.set_column("agency", "Agence")
    assert session.mapping.columns == {"agency": "Agence"}  # the title went back to being recognised
    assert session.result.columns["title"] == "Emploi"


def test_a_title_given_a_role_and_given_back(session: ImportSession) -> None:
    session.set_role("Comptable", "assistant")
    assert roles(session)["103"] == "assistant"
    assert session.result.titles["Comptable"] == ("assistant", 1) and session.result.unmapped_titles == {}
    session.set_role("Comptable", "other")
    assert roles(session)["103"] == "other" and session.mapping.roles == {"Comptable": "other"}
    assert session.result.unmapped_titles == {}  # chosen, no longer a title to map


def test_other_chosen_for_a_guessed_title_stays_chosen_and_is_saved(session: ImportSession) -> None:
    """« Gardienne » is guessed a caretaker; the user who says it is another post must be obeyed,
    now and when the saved mapping is used again."""
    session.set_role("Gardienne", "other")
    assert roles(session)["101"] == "other" and session.result.titles["Gardienne"] == ("other", 1)
    scenario = session.scenario("s")
    assert scenario is not None
    assert {p.id: (p.title, p.family) for p in scenario.positions}["101"] == ("Gardienne", "management")
    again = ImportSession(workbook({"Personnel": STAFF}),
                          mapping=mapping_from_data(json.loads(mapping_to_json(session.mapping)), "mapping.json"))
    assert roles(again)["101"] == "other"


def test_a_role_corrected_does_not_read_the_file_again(session: ImportSession,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str | None] = []
    original = import_session.read_source

    def counted(*args: object) -> object:
        reads.append("read")
        return original(*args)

    monkeypatch.setattr(import_session, "read_source", counted)
    session.set_role("Comptable", "assistant")
    assert reads == []
    session.set_column("fte", None)
    assert reads == ["read"]


def test_a_saved_mapping_sets_up_next_month_s_extract(session: ImportSession) -> None:
    session.set_column("site", None)
    session.set_role("Comptable", "assistant")
    saved = mapping_from_data(json.loads(mapping_to_json(session.mapping)), "mapping.json")
    next_month = ImportSession(workbook({"Personnel": [*STAFF, [104, "Bé", "Jo", "Comptable", 100, "Agence Nord",
                                                                 1, "Les Tilleuls"]]}), mapping=saved)
    assert roles(next_month) == {**roles(session), "104": "assistant"}
    scenario = next_month.scenario("s")
    assert scenario is not None and all(p.site is None for p in scenario.positions)


def test_a_blocking_problem_gives_no_scenario_to_import() -> None:
    session = ImportSession(b"Matricule;Emploi;N+1\n1;Gardien;9\n")
    assert session.sheets == () and session.sheet is None
    assert session.scenario("s") is None
    (problem,) = session.result.blocking
    assert (problem.line, problem.column) == (2, "N+1")


def test_an_unreadable_file_says_why_and_has_nothing_to_preview() -> None:
    session = ImportSession(b"PK\x03\x04 broken")
    assert (session.sheets, session.headers, session.preview) == ((), (), ())
    assert "damaged or incomplete" in session.result.problems[0].message.en


def test_the_preview_is_the_first_rows_and_agencies_match_the_project() -> None:
    rows = [["Matricule", "Emploi", "Agence"], *([str(n), "Gardien", "Agence du Nord"] for n in range(30))]
    session = ImportSession(workbook({"S": rows}), [Agency("nord", "AGENCE DU NORD")])
    assert len(session.preview) == PREVIEW_ROWS and session.preview[0].line == 2
    scenario = session.scenario("Import de janvier")
    assert scenario is not None and scenario.name == "Import de janvier"
    assert {p.agency for p in scenario.positions} == {"nord"}
