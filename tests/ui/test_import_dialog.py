"""File > Import an HR extract: a CSV or a workbook set up in the dialog (sheet, columns, roles), its
problems shown, and the scenario added to the open project once nothing blocks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QStyle, QStyleOptionComboBox
from pytestqt.qtbot import QtBot

from orgdesigner import palette
from orgdesigner.ui.import_dialog import ImportDialog
from orgdesigner.ui.main_window import MainWindow
from workbooks import STAFF, workbook


def choose(combo: QComboBox, data: object) -> None:
    """As the user picks an entry: the index changes, then `activated` says it was the user."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def role_combo(dialog: ImportDialog, title: str) -> QComboBox:
    row = next(row for row in range(dialog.roles.rowCount()) if dialog.roles.item(row, 0).text() == title)
    combo = dialog.roles.cellWidget(row, 2)
    assert isinstance(combo, QComboBox)
    return combo


def problems(dialog: ImportDialog) -> list[tuple[str, str, bool]]:
    """(line, column, shown in red) of each problem listed."""
    red = QColor(palette.SEVERITY_COLOURS["error"])
    return [(dialog.problems.item(row, 0).text(), dialog.problems.item(row, 1).text(),
             dialog.problems.item(row, 2).foreground().color() == red) for row in range(dialog.problems.rowCount())]


@pytest.fixture
def staff(tmp_path: Path) -> Path:
    path = tmp_path / "Extraction janvier.xlsx"
    path.write_bytes(workbook({"Lisez-moi": [["Extraction RH"]], "Personnel": STAFF,
                               "Intérim": [["Matricule", "Emploi"], ["I1", "Gardien"]]}))
    return path


def test_a_workbook_set_up_in_the_dialog_becomes_a_scenario(window: MainWindow, staff: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(staff), ""))

    def user(dialog: ImportDialog) -> QDialog.DialogCode:
        assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["Lisez-moi", "Personnel", "Intérim"]
        assert dialog.sheet.currentText() == "Personnel" and "line 4" in dialog.found.text()
        assert [dialog.preview.horizontalHeaderItem(c).text() for c in range(3)] == ["Matricule", "Nom", "Prénom"]
        assert dialog.preview.verticalHeaderItem(0).text() == "5" and dialog.preview.item(0, 0).text() == "100"
        assert dialog.columns["fte"].currentText() == "ETP"
        choose(dialog.columns["site"], None)  # the sites are not wanted in this scenario
        assert role_combo(dialog, "Comptable").currentData() == "other"
        choose(role_combo(dialog, "Comptable"), "assistant")
        assert role_combo(dialog, "Comptable").currentData() == "assistant"
        assert dialog.name.text() == "Extraction janvier" and dialog.import_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", user)
    before = window.document.scenario_names
    window.import_extract_action.trigger()
    assert window.document.scenario_names == (*before, "Extraction janvier")
    assert window.document.current_scenario == "Extraction janvier"
    positions = {p.id: (p.role, p.fte, p.site) for p in window.document.chart.positions()}
    assert positions == {"100": ("agency_head", 1.0, None), "101": ("caretaker", 0.8, None),
                         "102": ("sector_manager", 0.8, None), "103": ("assistant", 0.8, None)}
    assert window.scene is not None and set(window.scene.cards()) == set(positions)
    assert window.document.is_modified


def test_another_sheet_is_read_when_chosen(qtbot: QtBot, window: MainWindow, staff: Path) -> None:
    dialog = ImportDialog(window.document, "en", window)
    qtbot.addWidget(dialog)
    assert dialog.open_path(staff)
    dialog.sheet.setCurrentText("Intérim")
    dialog.sheet.activated.emit(dialog.sheet.currentIndex())
    scenario = dialog.scenario()
    assert scenario is not None and [p.id for p in scenario.positions] == ["I1"]
    assert "Intérim" in dialog.found.text()


def test_a_blocking_problem_keeps_import_disabled_until_the_choices_fix_it(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    source = tmp_path / "rh.csv"
    source.write_bytes(b"Matricule;Emploi;N+1;Site\n1;Gardien;9;Les Tilleuls\n2;Gardienne;1;\n")
    dialog = ImportDialog(window.document, "en", window)
    qtbot.addWidget(dialog)
    assert dialog.open_path(source)
    assert not dialog.sheet.isEnabled()  # a CSV has no sheets
    # A head-office post's site is said but does not block; an unknown manager blocks, in red.
    assert problems(dialog) == [("2", "Site", False), ("2", "N+1", True)]
    assert "unknown manager '9'" in dialog.problems.item(1, 2).text()
    assert "1 blocking problem" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and dialog.scenario() is None
    choose(dialog.columns["manager"], None)  # the manager column is wrong in this extract: leave it out
    assert problems(dialog) == [("2", "Site", False)]
    assert dialog.import_button.isEnabled()


def test_a_taken_or_empty_name_keeps_import_disabled(qtbot: QtBot, window: MainWindow, staff: Path) -> None:
    dialog = ImportDialog(window.document, "fr", window)
    qtbot.addWidget(dialog)
    assert dialog.open_path(staff)
    taken = window.document.scenario_names[0]
    dialog.name.setText(taken.upper())
    assert not dialog.import_button.isEnabled() and taken.upper() in dialog.name_problem.text()
    dialog.name.setText("  ")
    assert not dialog.import_button.isEnabled() and dialog.name_problem.text()
    dialog.name.setText("Import de janvier")
    assert dialog.import_button.isEnabled() and not dialog.name_problem.text()


def test_the_mapping_is_saved_and_loaded(qtbot: QtBot, window: MainWindow, staff: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    mapping = tmp_path / "correspondance.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(mapping), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(mapping), ""))
    first = ImportDialog(window.document, "en", window)
    qtbot.addWidget(first)
    assert first.open_path(staff)
    choose(role_combo(first, "Comptable"), "assistant")
    choose(first.columns["site"], None)
    first.save_mapping.click()
    assert json.loads(mapping.read_text(encoding="utf-8")) == {"columns": {"site": None},
                                                               "roles": {"Comptable": "assistant"}, "keywords": {}}
    second = ImportDialog(window.document, "en", window)
    qtbot.addWidget(second)
    assert second.open_path(staff)
    second.load_mapping.click()
    assert role_combo(second, "Comptable").currentData() == "assistant"
    assert second.columns["site"].currentData() is None


def test_a_bad_mapping_or_file_is_said(qtbot: QtBot, window: MainWindow, staff: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch, scripted_dialogs: list[str]) -> None:
    dialog = ImportDialog(window.document, "en", window)
    qtbot.addWidget(dialog)
    assert not dialog.open_path(tmp_path / "missing.xlsx")
    assert "cannot read" in scripted_dialogs[-1] and dialog.session is None
    assert not dialog.load_mapping.isEnabled() and not dialog.import_button.isEnabled()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"roles": {"Comptable": "chef"}}))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(bad), ""))
    assert dialog.open_path(staff)
    dialog.load_mapping.click()
    assert "'chef' is not a role code" in scripted_dialogs[-1]
    assert role_combo(dialog, "Comptable").currentData() == "other"


def test_other_chosen_for_a_title_stays_chosen(qtbot: QtBot, window: MainWindow, staff: Path) -> None:
    """« Gardienne » is guessed a caretaker; « Autre poste » chosen must not snap back to the guess."""
    dialog = ImportDialog(window.document, "fr", window)
    qtbot.addWidget(dialog)
    assert dialog.open_path(staff)
    assert role_combo(dialog, "Gardienne").currentData() == "caretaker"
    choose(role_combo(dialog, "Gardienne"), "other")
    assert role_combo(dialog, "Gardienne").currentData() == "other"
    scenario = dialog.scenario()
    assert scenario is not None
    assert {p.id: (p.role, p.title) for p in scenario.positions}["101"] == ("other", "Gardienne")


def test_agencies_created_and_matched_and_titles_to_map_first(qtbot: QtBot, window: MainWindow,
                                                              tmp_path: Path) -> None:
    """« Agence Nord » is the demo's; « Agence Sud » would be new. « Comptable », which no keyword
    matches, comes first and marked, however few positions it has, until the user gives it a role."""
    source = tmp_path / "rh.csv"
    source.write_bytes(b"Matricule;Emploi;Agence\n1;Gardien;Agence Nord\n2;Gardien;Agence Sud\n"
                       b"3;Gardienne;AGENCE NORD\n4;Comptable;Agence Sud\n")
    dialog = ImportDialog(window.document, "en", window)
    qtbot.addWidget(dialog)
    assert dialog.open_path(source)
    assert dialog.agencies.text() == "Agencies created: Agence Sud — Agencies of the project: Agence Nord"

    def rows() -> list[tuple[str, bool]]:
        """(title, marked) of each row of the roles table."""
        items = [dialog.roles.item(row, 0) for row in range(dialog.roles.rowCount())]
        return [(item.text(), item.background().style() != Qt.BrushStyle.NoBrush) for item in items]

    assert rows() == [("Comptable", True), ("Gardien", False), ("Gardienne", False)]
    choose(role_combo(dialog, "Comptable"), "assistant")
    assert rows() == [("Gardien", False), ("Gardienne", False), ("Comptable", False)]  # most positions first


def test_problems_are_listed_by_line(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    source = tmp_path / "rh.csv"
    source.write_bytes(b"Matricule;Emploi;N+1;ETP\n1;Gardien;;150\n2;Gardien;9;1\n3;Gardien;;-1\n")
    dialog = ImportDialog(window.document, "en", window)
    qtbot.addWidget(dialog)
    assert dialog.open_path(source)
    assert problems(dialog) == [("2", "ETP", True), ("3", "N+1", True), ("4", "ETP", True)]
    assert "FTE out of range" in dialog.problems.item(0, 2).text()


def test_the_sheet_and_role_choices_are_not_cut(qtbot: QtBot, window: MainWindow, staff: Path) -> None:
    """The dialog is on screen before a file gives the sheets and roles: each combo is as wide as its
    longest entry still, and the roles whole beside their titles on a small screen too."""
    dialog = ImportDialog(window.document, "fr", window)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert dialog.open_path(staff)
    qtbot.wait(10)  # the layouts settle
    combos = [dialog.sheet, *(role_combo(dialog, title) for title in ("Comptable", "Gardienne"))]
    for combo in combos:
        widest = max(combo.fontMetrics().boundingRect(combo.itemText(i)).width() for i in range(combo.count()))
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)  # the frame and the arrow around the text, as the style draws them
        needed = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                                QSize(widest, combo.height()), combo).width()
        assert combo.width() >= needed, combo.currentText()
    for title in ("Comptable", "Gardienne"):  # and within the table, not scrolled out of sight
        assert role_combo(dialog, title).geometry().right() < dialog.roles.viewport().width()
