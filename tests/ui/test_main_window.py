"""The window driven as a user drives it: keys, clicks and drags through qtbot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from orgdesigner.app.document import Document
from orgdesigner.commands.chart_commands import RemovePositions
from orgdesigner.storage import load_project
from orgdesigner.ui.main_window import MainWindow
from window_input import card_centre, drag


def test_the_window_shows_every_position_and_the_findings(window: MainWindow) -> None:
    assert window.scene is not None
    chart = window.document.chart
    assert set(window.scene.cards()) == {p.id for p in chart.positions()}
    assert len(window.scene.link_items()) == len(chart.links())
    report = window.document.validate()
    assert window.findings.finding_count() == len(report.findings) == 6
    assert window.scene.card("nord-27").look.badge_severity == "warning"  # the overloaded sector manager
    assert "Existant 2026" in window.windowTitle() and not window.isWindowModified()


def test_delete_then_undo_and_redo_with_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    window.scene.card("coteaux-18").setSelected(True)  # the unpiloted contractor
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert not window.document.chart.has_position("coteaux-18")
    assert "coteaux-18" not in window.scene.cards()
    assert not any("site.provider-unpiloted" in text for text in window.findings.visible_texts())
    assert window.isWindowModified()
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.chart.has_position("coteaux-18") and "coteaux-18" in window.scene.cards()
    assert any("site.provider-unpiloted" in text for text in window.findings.visible_texts())
    assert not window.isWindowModified()
    QTest.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert not window.document.chart.has_position("coteaux-18")


def test_a_drag_is_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    before = chart.position_xy("est-01")
    assert before is not None
    start = card_centre(window, "est-01")
    drag(window.view.viewport(), start, start + QPoint(60, 40))
    after = chart.position_xy("est-01")
    assert after is not None and after != before
    assert window.document.stack.count == 1
    window.undo_action.trigger()
    assert chart.position_xy("est-01") == before
    assert window.scene is not None and (window.scene.card("est-01").pos().x(),
                                         window.scene.card("est-01").pos().y()) == before


def test_clicking_a_finding_selects_its_positions(window: MainWindow) -> None:
    window.findings.choose("site.sector-span")
    assert window.scene is not None
    assert window.scene.selected_ids() == ["nord-27"]


def test_switching_scenario_shows_the_other_chart(window: MainWindow) -> None:
    window.switch_scenario("Cible 2027")
    assert window.scene is not None
    assert "centre-50" in window.scene.cards()  # the technical deputy of the target
    assert window.findings.finding_count() == 1
    assert "Cible 2027" in window.windowTitle()


def test_save_and_reopen_keep_every_edit_and_coordinate(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    assert window.scene is not None
    window.scene.card("vallee-02").setSelected(True)
    window.delete_selection()
    drag(window.view.viewport(), card_centre(window, "est-01"), card_centre(window, "est-01") + QPoint(70, 30))
    moved = window.document.chart.position_xy("est-01")
    target = tmp_path / "saved.orgd"
    assert window.save_to(target)
    assert not window.isWindowModified()
    assert dict(load_project(target).scenarios[0].layout)["est-01"] == moved  # the file itself, not a re-layout
    reopened = Document.open(target)
    assert reopened.chart.to_scenario() == window.document.chart.to_scenario()
    assert not reopened.chart.has_position("vallee-02")
    assert all(reopened.chart.position_xy(p.id) is not None for p in reopened.chart.positions())


def test_a_large_scene_builds_without_crashing(qtbot: QtBot) -> None:
    """Thousands of void-returning Qt calls: PySide6 6.12.0 on Python 3.11 aborts here (platform notes)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from synthetic import synthetic_project

    window = MainWindow(Document(synthetic_project(50)), "en")
    qtbot.addWidget(window)
    assert window.scene is not None and len(window.scene.cards()) == 5001
    window.view.fit()
    window.grab()


def test_typing_a_holder_is_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    chart = window.document.chart
    window.select_positions(["nord-11"])  # the vacant customer officer of Nord
    assert chart.position("nord-11").holder is None
    assert window.properties.vacant.isChecked()
    window.properties.vacant.setChecked(False)
    QTest.keyClicks(window.properties.holder, "Lea Martin")  # QTest types ASCII only
    assert chart.position("nord-11").holder == "Lea Martin"
    assert window.scene.card("nord-11").look.subtitle == "Lea Martin"
    assert window.document.stack.count == 1  # the name typed letter by letter is one step
    window.undo_action.trigger()
    assert chart.position("nord-11").holder is None
    assert window.properties.holder.text() == ""


def test_f2_edits_the_card_in_place_and_enter_is_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    window.select_positions(["est-01"])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    editor = window.inline_editor
    assert editor.isVisible() and editor.position_id == "est-01"
    assert QApplication.focusWidget() is editor.holder
    assert editor.holder.selectedText() == chart.position("est-01").holder
    editor.holder.setText("Hélène Martin")
    QTest.keyClick(editor.holder, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert chart.position("est-01").holder == "Hélène Martin"
    assert chart.position("est-01").title is None  # the role's label, untouched, stays the role's
    assert window.document.stack.count == 1
    window.undo_action.trigger()
    assert chart.position("est-01").holder != "Hélène Martin"


def test_escape_leaves_the_card_as_it_was(qtbot: QtBot, window: MainWindow) -> None:
    before = window.document.chart.to_scenario()
    window.edit_in_place("est-01")
    window.inline_editor.holder.setText("")
    QTest.keyClick(window.inline_editor.holder, Qt.Key.Key_Escape)
    assert not window.inline_editor.isVisible()
    assert window.document.chart.to_scenario() == before


def test_double_click_edits_in_place_and_an_empty_holder_makes_the_post_vacant(qtbot: QtBot,
                                                                               window: MainWindow) -> None:
    point = card_centre(window, "est-01")
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    editor = window.inline_editor
    assert editor.position_id == "est-01"
    editor.title.setText("Directrice d'agence Est")
    editor.holder.setText("  ")
    QTest.keyClick(editor.title, Qt.Key.Key_Enter)
    position = window.document.chart.position("est-01")
    assert position.title == "Directrice d'agence Est" and position.holder is None
    assert window.scene is not None and window.scene.card("est-01").look.vacant


def test_the_properties_follow_a_scenario_switch(qtbot: QtBot, window: MainWindow) -> None:
    window.select_positions(["nord-11"])
    assert window.properties.chart is window.document.chart
    window._scenarios.setCurrentText("Cible 2027")
    window._scenarios.activated.emit(window._scenarios.currentIndex())
    assert window.document.current_scenario == "Cible 2027"
    assert window.properties.chart is window.document.chart
    assert not window.properties.holder.isEnabled()  # nothing selected in the new chart
    window.select_positions(["nord-11"])
    QTest.keyClicks(window.properties.notes, "x")
    assert window.document.chart.position("nord-11").notes == "x"
    window.switch_scenario("Existant 2026")
    assert window.document.chart.position("nord-11").notes is None


def test_editing_notes_leaves_a_third_of_a_post_alone(qtbot: QtBot, window: MainWindow) -> None:
    import dataclasses

    from orgdesigner.commands.chart_commands import EditPosition

    chart = window.document.chart
    window.document.stack.push(EditPosition(chart, dataclasses.replace(chart.position("est-05"), fte=1 / 3)))
    window.select_positions(["est-05"])
    QTest.keyClicks(window.properties.notes, "mi-temps")
    assert chart.position("est-05").fte == 1 / 3 and chart.position("est-05").notes == "mi-temps"


def test_closing_with_unsaved_work_asks(qtbot: QtBot, window: MainWindow, scripted_dialogs: list[str]) -> None:
    assert window.scene is not None
    window.scene.card("est-05").setSelected(True)
    window.delete_selection()
    window.close()
    assert any("Unsaved changes" in asked for asked in scripted_dialogs)


def scene_matches_model(window: MainWindow) -> None:
    assert window.scene is not None
    chart = window.document.chart
    assert set(window.scene.cards()) == {p.id for p in chart.positions()}
    assert set(window.scene.link_items()) == set(chart.links())
    for position_id, card in window.scene.cards().items():
        assert (card.pos().x(), card.pos().y()) == chart.position_xy(position_id)


def test_the_scene_mirrors_the_model_through_edits_undo_and_redo(qtbot: QtBot, window: MainWindow) -> None:
    from orgdesigner.commands.chart_commands import ReparentPosition

    stack = window.document.stack
    chart = window.document.chart
    stack.push(RemovePositions(chart, [p.id for p in chart.positions() if p.agency == "nord"][::3]))
    scene_matches_model(window)
    stack.push(ReparentPosition(chart, "est-05", "est-02"))
    scene_matches_model(window)
    window.lay_out()
    scene_matches_model(window)
    for _ in range(3):
        stack.undo()
        scene_matches_model(window)
    for _ in range(3):
        stack.redo()
        scene_matches_model(window)
