"""The scenarios panel driven as a user drives it, with the dialogs' answers scripted."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.commands.chart_commands import RemovePositions
from orgdesigner.ui.scenarios_panel import ScenariosPanel

EXISTING, TARGET = "Existant 2026", "Cible 2027"


class Names:
    """QInputDialog.getText scripted: the answers to give (None for Cancel) and what was asked."""

    def __init__(self) -> None:
        self.answers: list[str | None] = []
        self.asked: list[tuple[str, str, str]] = []

    def get_text(self, _parent: object, title: str, label: str, _echo: object, text: str) -> tuple[str, bool]:
        self.asked.append((title, label, text))
        answer = self.answers.pop(0)
        return (answer, True) if answer is not None else ("", False)


@pytest.fixture
def names(monkeypatch: pytest.MonkeyPatch) -> Names:
    scripted = Names()
    monkeypatch.setattr(QInputDialog, "getText", scripted.get_text)
    return scripted


@pytest.fixture
def confirm(monkeypatch: pytest.MonkeyPatch, scripted_dialogs: list[str]) -> Callable[[bool], None]:
    """Sets the answer to the deletion question (conftest's default, Discard, is neither Yes nor No)."""

    def set_answer(yes: bool) -> None:
        reply = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

        def question(_parent: object, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
            scripted_dialogs.append(f"{title}: {text}")
            return reply

        monkeypatch.setattr(QMessageBox, "question", question)

    return set_answer


@pytest.fixture
def document() -> Document:
    return Document(demo_project())


@pytest.fixture
def panel(qtbot: QtBot, document: Document) -> ScenariosPanel:
    """A panel whose switch requests are obeyed, as the window obeys them."""
    panel = ScenariosPanel("fr")
    qtbot.addWidget(panel)
    panel.show_document(document)
    panel.switch_requested.connect(lambda name: panel_document(panel).switch_to(name))
    panel.show()
    return panel


def panel_document(panel: ScenariosPanel) -> Document:
    document = panel._document
    assert document is not None
    return document


def shown(panel: ScenariosPanel) -> tuple[list[str], str]:
    item = panel.list.currentItem()
    return [panel.list.item(row).text() for row in range(panel.list.count())], item.text() if item else ""


def click(qtbot: QtBot, panel: ScenariosPanel, action: QAction) -> None:
    qtbot.mouseClick(panel.buttons[action], Qt.MouseButton.LeftButton)


def test_the_list_shows_the_scenarios_and_a_pick_asks_the_window(qtbot: QtBot, document: Document) -> None:
    panel = ScenariosPanel("en")
    qtbot.addWidget(panel)
    assert shown(panel) == ([], "") and not panel.new_action.isEnabled()
    panel.show_document(document)
    assert shown(panel) == ([EXISTING, TARGET], EXISTING)
    with qtbot.waitSignal(panel.switch_requested) as request:
        panel.list.setCurrentRow(1)
    assert request.args == [TARGET] and document.current_scenario == EXISTING  # the window switches
    document.switch_to(TARGET)
    document.switch_to(EXISTING)  # from elsewhere (the toolbar's list): the panel follows
    assert shown(panel) == ([EXISTING, TARGET], EXISTING)
    assert [action.text() for action in panel.list.actions()] == ["&New…", "D&uplicate…", "&Rename…", "&Delete…"]


def test_new_adds_an_empty_scenario_and_shows_it(qtbot: QtBot, panel: ScenariosPanel, document: Document,
                                                 names: Names) -> None:
    names.answers = ["  Cible 2030 "]
    with qtbot.waitSignals([panel.scenarios_changed, panel.switch_requested]):
        click(qtbot, panel, panel.new_action)
    assert names.asked[0][2] == "New scenario"
    assert document.scenario_names == (EXISTING, TARGET, "Cible 2030") and document.is_modified
    assert shown(panel) == ([EXISTING, TARGET, "Cible 2030"], "Cible 2030")
    assert list(document.chart.positions()) == []


def test_a_cancelled_dialog_changes_nothing(qtbot: QtBot, panel: ScenariosPanel, document: Document,
                                            names: Names) -> None:
    names.answers = [None, None, None]
    with qtbot.assertNotEmitted(panel.scenarios_changed), qtbot.assertNotEmitted(panel.switch_requested):
        for action in (panel.new_action, panel.duplicate_action, panel.rename_action):
            click(qtbot, panel, action)
    assert len(names.asked) == 3
    assert document.scenario_names == (EXISTING, TARGET) and not document.is_modified


def test_duplicate_copies_the_shown_scenario_with_its_edits(qtbot: QtBot, panel: ScenariosPanel,
                                                            document: Document, names: Names) -> None:
    document.stack.push(RemovePositions(document.chart, ["coteaux-18"]))
    names.answers = ["Variante"]
    click(qtbot, panel, panel.duplicate_action)
    assert names.asked[0][1:] == ("Name of the copy of “Existant 2026”:", "Existant 2026 (copy)")
    assert shown(panel) == ([EXISTING, "Variante", TARGET], "Variante")
    assert not document.chart.has_position("coteaux-18") and document.stack.count == 0
    document.switch_to(EXISTING)
    assert document.stack.count == 1


def test_rename_from_the_button_and_a_taken_name_is_refused_in_the_users_language(
        qtbot: QtBot, panel: ScenariosPanel, document: Document, names: Names, scripted_dialogs: list[str]) -> None:
    names.answers = [" Avant ", "cible 2027"]
    click(qtbot, panel, panel.rename_action)
    assert names.asked[0][2] == EXISTING
    assert shown(panel) == (["Avant", TARGET], "Avant") and document.current_scenario == "Avant"
    with qtbot.assertNotEmitted(panel.scenarios_changed):
        click(qtbot, panel, panel.rename_action)
    assert scripted_dialogs == ["Cannot rename the scenario: Un scénario s'appelle déjà « cible 2027 ». "
                                "Choisissez un autre nom."]
    assert document.scenario_names == ("Avant", TARGET)


def test_f2_in_the_list_renames_the_scenario_not_the_windows_position(qtbot: QtBot, document: Document,
                                                                       names: Names) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    edited: list[bool] = []
    edit_position = QAction("Edit the position", window)
    edit_position.setShortcut("F2")
    edit_position.triggered.connect(lambda: edited.append(True))
    window.addAction(edit_position)
    panel = ScenariosPanel("en", window)
    window.setCentralWidget(panel)
    panel.show_document(document)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    panel.list.setFocus()
    names.answers = ["Avant"]
    QTest.keyClick(panel.list, Qt.Key.Key_F2)
    assert document.scenario_names == ("Avant", TARGET) and edited == []
    panel.list.clearFocus()
    window.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F2)
    assert edited == [True] and len(names.asked) == 1


def test_a_double_click_renames_the_scenario_clicked(qtbot: QtBot, panel: ScenariosPanel, document: Document,
                                                     names: Names) -> None:
    names.answers = ["Cible corrigée"]
    where = panel.list.visualItemRect(panel.list.item(1)).center()
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double click starts so
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert names.asked[0][2] == TARGET
    assert document.scenario_names == (EXISTING, "Cible corrigée")
    assert shown(panel) == ([EXISTING, "Cible corrigée"], "Cible corrigée")


def test_delete_asks_first(qtbot: QtBot, panel: ScenariosPanel, document: Document,
                           confirm: Callable[[bool], None], scripted_dialogs: list[str]) -> None:
    confirm(False)
    click(qtbot, panel, panel.delete_action)
    assert "“Existant 2026”" in scripted_dialogs[0] and document.scenario_names == (EXISTING, TARGET)
    confirm(True)
    with qtbot.waitSignal(panel.switch_requested) as request:
        click(qtbot, panel, panel.delete_action)
    assert request.args == [TARGET]  # already current in the document, but the window must show it
    assert document.scenario_names == (TARGET,) and shown(panel) == ([TARGET], TARGET)
    assert not panel.delete_action.isEnabled() and document.is_modified


def test_the_delete_key_deletes_the_selected_scenario_without_a_switch_when_not_shown(
        qtbot: QtBot, document: Document, confirm: Callable[[bool], None]) -> None:
    panel = ScenariosPanel("en")  # its switch requests go unheeded: the selection is not the shown one
    qtbot.addWidget(panel)
    panel.show_document(document)
    document.add_scenario("Cible 2030")
    panel.list.setCurrentRow(2)
    assert document.current_scenario == EXISTING
    confirm(True)
    with qtbot.assertNotEmitted(panel.switch_requested):
        QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    assert document.scenario_names == (EXISTING, TARGET)
    assert shown(panel) == ([EXISTING, TARGET], EXISTING)


def test_a_refused_deletion_is_explained(qtbot: QtBot, confirm: Callable[[bool], None],
                                         scripted_dialogs: list[str]) -> None:
    document = Document.new("Office Test")
    panel = ScenariosPanel("en")
    qtbot.addWidget(panel)
    panel.show_document(document)
    confirm(True)
    panel.delete_scenario()  # the button is disabled; the method still refuses
    assert scripted_dialogs[-1] == "Cannot delete the scenario: Cannot delete “Existant”: it is the project's " \
                                   "only scenario."


def test_a_new_document_replaces_the_old_one(qtbot: QtBot, panel: ScenariosPanel, document: Document) -> None:
    other = Document.new("Office Test", "Existant 2030")
    panel.show_document(other)
    assert shown(panel) == (["Existant 2030"], "Existant 2030")
    document.add_scenario("Cible 2030")
    assert shown(panel) == (["Existant 2030"], "Existant 2030")
    other.add_scenario("Cible 2031")
    assert shown(panel)[0] == ["Existant 2030", "Cible 2031"]


def test_a_panel_deleted_before_its_document_stops_listening(qtbot: QtBot, document: Document) -> None:
    panel = ScenariosPanel("en")
    panel.show_document(document)
    panel.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(panel)
    document.add_scenario("Cible 2030")
    document.add_scenario("Cible 2031")
