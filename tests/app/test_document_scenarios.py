"""Project-level changes of the Document: scenarios made, copied, renamed, deleted, imported and
exported, each marking the project modified without touching any scenario's undo history."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document, ProjectEditError
from orgdesigner.app.opening import InputError
from orgdesigner.commands.chart_commands import MovePositions, RemovePositions
from orgdesigner.io.scenario_json import read_scenario_file, scenario_to_json
from orgdesigner.model.entities import Position, Scenario
from orgdesigner.storage import ProjectFileError, save_project

EXISTING, TARGET = "Existant 2026", "Cible 2027"


@pytest.fixture
def document() -> Document:
    return Document(demo_project())


@pytest.fixture
def heard(document: Document) -> list[Document]:
    emitted: list[Document] = []
    document.changed.connect(emitted.append)
    return emitted


def scenario(document: Document, name: str) -> Scenario:
    found = document.to_project().scenario(name)
    assert found is not None
    return found


# New ----------------------------------------------------------------------------------------------


def test_a_new_document_is_one_empty_scenario_with_no_file() -> None:
    document = Document.new("  Office Test  ")
    assert document.organisation_name == "Office Test"
    assert document.scenario_names == ("Existant",) and document.path is None
    assert list(document.chart.positions()) == [] and document.validate().findings == ()
    assert not document.is_modified


def test_a_new_document_needs_names() -> None:
    with pytest.raises(ProjectEditError) as refused:
        Document.new("   ")
    assert refused.value.label.fr == "Le nom de l'organisation ne peut pas être vide."
    assert str(refused.value) == "The organisation's name cannot be empty."
    with pytest.raises(ProjectEditError, match="scenario's name"):
        Document.new("Office Test", "")


# Add, and the names refused -------------------------------------------------------------------------


def test_adding_appends_an_empty_scenario_and_marks_the_project_modified(
        document: Document, heard: list[Document]) -> None:
    assert document.add_scenario("  Cible 2030 ") == "Cible 2030"
    assert document.scenario_names == (EXISTING, TARGET, "Cible 2030")
    assert document.current_scenario == EXISTING  # the window decides whether to show it
    assert heard == [document] and document.is_modified
    assert scenario(document, "Cible 2030") == Scenario("Cible 2030")
    assert document.stack.count == 0  # not an undoable edit
    document.stack.undo()
    assert "Cible 2030" in document.scenario_names


@pytest.mark.parametrize(("name", "english", "french"), [
    ("", "cannot be empty", "ne peut pas être vide"),
    ("   ", "cannot be empty", "ne peut pas être vide"),
    ("Cible\n2030", "one line", "une ligne"),
    (TARGET, "already named “Cible 2027”", "s'appelle déjà « Cible 2027 »"),
    (" cible 2027 ", "already named “cible 2027”", "déjà"),  # case and spaces do not make a name new
])
def test_a_name_empty_on_two_lines_or_taken_is_refused_in_both_languages(
        document: Document, heard: list[Document], name: str, english: str, french: str) -> None:
    for attempt in (lambda: document.add_scenario(name), lambda: document.duplicate_scenario(EXISTING, name),
                    lambda: document.rename_scenario(EXISTING, name)):
        with pytest.raises(ProjectEditError) as refused:
            attempt()
        assert isinstance(refused.value, ValueError)
        assert english in refused.value.label.en and french in refused.value.label.fr
    assert document.scenario_names == (EXISTING, TARGET)
    assert not document.is_modified and heard == []


def test_unknown_scenarios_are_a_programming_error(document: Document, tmp_path: Path) -> None:
    for attempt in (lambda: document.duplicate_scenario("Cible 2030", "Copie"),
                    lambda: document.rename_scenario("Cible 2030", "Copie"),
                    lambda: document.delete_scenario("Cible 2030"),
                    lambda: document.export_scenario("Cible 2030", tmp_path / "out.json")):
        with pytest.raises(KeyError):
            attempt()
    assert not (tmp_path / "out.json").exists()


def test_free_names_suggest_a_suffix_when_the_name_is_taken(document: Document) -> None:
    assert document.free_name(" Cible 2030 ") == "Cible 2030"
    assert document.free_name("cible 2027") == "cible 2027 (2)"
    document.add_scenario("Cible 2027 (2)")
    assert document.free_name(TARGET) == "Cible 2027 (3)"


# Duplicate ----------------------------------------------------------------------------------------


def test_a_duplicate_copies_the_scenario_as_it_stands_with_a_history_of_its_own(document: Document) -> None:
    document.stack.push(RemovePositions(document.chart, ["coteaux-18"]))
    document.stack.push(MovePositions(document.chart, {"est-01": (12.5, -3.0)}))
    before = scenario(document, EXISTING)
    assert document.duplicate_scenario(EXISTING, "Variante") == "Variante"
    assert document.scenario_names == (EXISTING, "Variante", TARGET)  # just after its source
    copy = scenario(document, "Variante")
    assert copy == dataclasses.replace(before, name="Variante")
    assert copy.agencies and copy.parameters == before.parameters and copy.layout["est-01"] == (12.5, -3.0)

    document.switch_to("Variante")
    assert document.stack.count == 0 and not document.chart.has_position("coteaux-18")
    document.stack.push(RemovePositions(document.chart, ["est-01"]))
    document.switch_to(EXISTING)
    assert document.stack.count == 2
    document.stack.undo()
    document.stack.undo()
    assert document.chart.has_position("coteaux-18")
    document.switch_to("Variante")
    assert not document.chart.has_position("coteaux-18") and not document.chart.has_position("est-01")
    assert document.stack.count == 1
    assert document.is_modified  # even with the source back to its saved state


def test_a_scenario_never_opened_can_be_duplicated_and_opens_laid_out(document: Document) -> None:
    document.duplicate_scenario(TARGET, "Cible bis")
    assert scenario(document, "Cible bis") == dataclasses.replace(demo_project().scenarios[1], name="Cible bis")
    document.switch_to("Cible bis")
    assert all(document.chart.position_xy(p.id) is not None for p in document.chart.positions())
    document.switch_to(TARGET)
    assert {p.id: document.chart.position_xy(p.id) for p in document.chart.positions()} == dict(
        scenario(document, "Cible bis").layout)


# Rename -------------------------------------------------------------------------------------------


def test_renaming_keeps_the_chart_its_history_and_its_place(document: Document, heard: list[Document]) -> None:
    chart = document.chart
    document.stack.push(RemovePositions(chart, ["coteaux-18"]))
    heard.clear()
    assert document.rename_scenario(EXISTING, " Existant 2026 corrigé ") == "Existant 2026 corrigé"
    assert heard == [document] and document.scenario_names == ("Existant 2026 corrigé", TARGET)
    assert document.current_scenario == "Existant 2026 corrigé" and document.chart is chart
    assert document.validate().scenario == "Existant 2026 corrigé"
    document.switch_to(TARGET)
    document.rename_scenario("Existant 2026 corrigé", "Avant")
    document.switch_to("Avant")
    assert document.stack.can_undo
    document.stack.undo()
    assert chart.has_position("coteaux-18")
    assert document.is_modified  # the rename itself is not saved yet
    assert scenario(document, "Avant") == dataclasses.replace(demo_project().scenarios[0], name="Avant",
                                                              layout=scenario(document, "Avant").layout)
    with pytest.raises(KeyError):
        document.switch_to(EXISTING)


def test_a_change_of_case_is_a_rename_and_the_same_name_changes_nothing(
        document: Document, heard: list[Document]) -> None:
    assert document.rename_scenario(TARGET, TARGET) == TARGET
    assert heard == [] and not document.is_modified
    document.rename_scenario(TARGET, "CIBLE 2027")
    assert document.scenario_names == (EXISTING, "CIBLE 2027") and document.is_modified


# Delete -------------------------------------------------------------------------------------------


def test_deleting_another_scenario_keeps_the_current_one(document: Document, heard: list[Document]) -> None:
    document.delete_scenario(TARGET)
    assert document.scenario_names == (EXISTING,) and document.current_scenario == EXISTING
    assert heard == [document] and document.is_modified


def test_deleting_the_current_scenario_shows_its_neighbour(document: Document) -> None:
    document.add_scenario("Cible 2030")
    document.stack.push(RemovePositions(document.chart, ["coteaux-18"]))
    document.delete_scenario(EXISTING)
    assert document.current_scenario == TARGET  # the next one
    assert document.chart.has_position("centre-50") and document.stack.count == 0
    document.switch_to("Cible 2030")
    document.delete_scenario("Cible 2030")
    assert document.current_scenario == TARGET  # the last one: the previous


def test_the_last_scenario_cannot_be_deleted(document: Document) -> None:
    document.delete_scenario(TARGET)
    with pytest.raises(ProjectEditError) as refused:
        document.delete_scenario(EXISTING)
    assert "seul scénario" in refused.value.label.fr and "only scenario" in refused.value.label.en
    assert document.scenario_names == (EXISTING,)


def test_deleting_drops_the_unsaved_edits_but_the_project_stays_modified(document: Document) -> None:
    document.switch_to(TARGET)
    document.stack.push(RemovePositions(document.chart, ["centre-50"]))
    document.switch_to(EXISTING)
    document.delete_scenario(TARGET)
    assert document.is_modified and document.to_project().scenarios == (scenario(document, EXISTING),)


# Save and reopen ----------------------------------------------------------------------------------


def test_saving_keeps_every_scenario_its_order_edits_and_coordinates(tmp_path: Path, document: Document) -> None:
    document.stack.push(MovePositions(document.chart, {"est-01": (5.0, 7.0)}))
    document.duplicate_scenario(EXISTING, "Variante")
    document.rename_scenario(EXISTING, "Avant")
    document.add_scenario("Vide")
    document.switch_to(TARGET)
    document.stack.push(RemovePositions(document.chart, ["centre-51"]))
    document.delete_scenario(TARGET)
    assert document.current_scenario == "Vide"
    heard: list[Document] = []
    document.changed.connect(heard.append)
    path = tmp_path / "projet.orgd"
    document.save(path)
    assert heard and not document.is_modified and document.path == path

    reopened = Document.open(path)
    assert reopened.scenario_names == ("Avant", "Variante", "Vide")
    assert reopened.to_project() == document.to_project()
    for name in reopened.scenario_names[:2]:
        reopened.switch_to(name)
        assert reopened.chart.position_xy("est-01") == (5.0, 7.0)
    document.rename_scenario("Vide", "Vide 2")
    assert document.is_modified  # each change after the save is unsaved again


def test_a_refused_save_keeps_the_project_modified(tmp_path: Path, document: Document) -> None:
    document.add_scenario("Cible 2030")
    with pytest.raises(ProjectFileError, match="Cannot save"):
        document.save(tmp_path / "missing folder" / "projet.orgd")
    assert document.is_modified and document.path is None


# Import and export --------------------------------------------------------------------------------


def test_export_writes_the_canonical_json_and_import_reads_it_back(tmp_path: Path, document: Document) -> None:
    document.stack.push(RemovePositions(document.chart, ["coteaux-18"]))
    path = tmp_path / "existant.json"
    document.export_scenario(EXISTING, path)
    exported = scenario(document, EXISTING)
    assert path.read_text(encoding="utf-8") == scenario_to_json(demo_project().organisation, exported)
    assert read_scenario_file(path).scenario == exported
    assert document.stack.count == 1  # exporting is not an edit

    other = Document.new("Autre bailleur")
    assert other.import_scenario(path) == EXISTING
    assert other.scenario_names == ("Existant", EXISTING) and other.is_modified
    assert scenario(other, EXISTING) == exported
    assert other.organisation_name == "Autre bailleur"  # the project keeps its own


def test_an_imported_name_already_taken_gets_a_suffix(tmp_path: Path, document: Document) -> None:
    path = tmp_path / "cible.json"
    document.export_scenario(TARGET, path)
    assert document.import_scenario(path) == "Cible 2027 (2)"
    assert document.import_scenario(path.read_text(encoding="utf-8")) == "Cible 2027 (3)"
    assert document.scenario_names == (EXISTING, TARGET, "Cible 2027 (2)", "Cible 2027 (3)")
    assert scenario(document, "Cible 2027 (3)") == dataclasses.replace(scenario(document, TARGET),
                                                                       name="Cible 2027 (3)")


def test_a_malformed_json_is_refused_whole_naming_the_file(
        tmp_path: Path, document: Document, heard: list[Document]) -> None:
    path = tmp_path / "faux.json"
    data = json.loads(scenario_to_json(demo_project().organisation, Scenario("Faux")))
    data["positions"] = [{"id": "p1", "role": "caretaker", "fte": 1.5}]
    data["colour"] = "blue"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as refused:
        document.import_scenario(path)
    assert all(line.startswith(f"{path}: ") for line in refused.value.lines)
    assert any("positions[0].fte" in line for line in refused.value.lines)
    assert any("colour" in line for line in refused.value.lines)
    (tmp_path / "cut.json").write_text('{"format": "orgdesigner-scenario", ', encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        document.import_scenario(tmp_path / "cut.json")
    with pytest.raises(InputError, match="cannot read the file"):
        document.import_scenario(tmp_path / "absent.json")
    with pytest.raises(InputError, match="<text>"):
        document.import_scenario("[]")
    assert document.scenario_names == (EXISTING, TARGET) and not document.is_modified and heard == []


def test_a_project_file_is_not_imported_as_a_scenario(tmp_path: Path, document: Document) -> None:
    path = tmp_path / "demo.orgd"
    save_project(path, demo_project())
    with pytest.raises(InputError, match="a project file, not a scenario JSON"):
        document.import_scenario(path)
    assert document.scenario_names == (EXISTING, TARGET)


def test_an_export_that_cannot_be_written_raises_oserror(tmp_path: Path, document: Document) -> None:
    with pytest.raises(OSError):
        document.export_scenario(EXISTING, tmp_path / "missing folder" / "out.json")
    assert not document.is_modified


def test_a_comparison_sees_the_unsaved_edits_of_both_sides(document: Document) -> None:
    document.switch_to("Cible 2027")
    document.stack.push(RemovePositions(document.chart, ["nord-81"]))
    diff = document.compare("Existant 2026", "Cible 2027")
    assert "nord-81" not in diff.positions.added
    assert diff.positions.added == ("centre-50", "centre-51", "nord-80")
    assert diff.after_report.findings == document.validate().findings  # the live report, not a second run
    assert "site.gardiennage" not in {f.rule for f in diff.resolved}  # La Roseraie is as it was
    assert not diff.notices
    with pytest.raises(KeyError):
        document.compare("Existant 2026", "Cible 2030")


def test_an_imported_scenario_the_reader_would_refuse_is_not_added(document: Document) -> None:
    broken = Scenario("Extrait RH", positions=(Position("p1", "caretaker", "nowhere"),))
    with pytest.raises(ProjectEditError) as refused:
        document.add_imported_scenario(broken)
    assert "nowhere" in refused.value.label.en and "not imported" in refused.value.label.en
    assert "Extrait RH" not in document.scenario_names and not document.is_modified
