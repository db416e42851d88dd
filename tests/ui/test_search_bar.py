"""The find bar driven from the keyboard, as a user finds a caretaker among the cards."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Agency, Position, Scenario
from orgdesigner.ui.search_bar import NOT_FOUND_STYLE, SearchBar

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def chart() -> Chart:
    return Chart(Scenario("Cible", agencies=(Agency("a", "Agence Nord"),), positions=(
        Position("h", "agency_head", "a", holder="Étienne Roux"),
        Position("c1", "caretaker", "a", holder="Paul"),
        Position("t", "technical_officer", "a"),
        Position("c2", "caretaker", "a", title="Gardienne"),
        Position("c3", "building_worker", "a", title="Gardien remplaçant"),
    )))


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """The bar's parent, standing for the main window: a bar without one would be a window itself."""
    window = QWidget()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def bar(qtbot: QtBot, chart: Chart, window: QWidget) -> SearchBar:
    bar = SearchBar(window)
    window.show()
    window.activateWindow()  # the window's shortcuts are live only in the active window
    qtbot.waitUntil(window.isActiveWindow)
    assert bar.isHidden()  # until Ctrl+F opens it
    bar.open_for(chart, "fr")
    return bar


def found_while(bar: SearchBar, action: Callable[[], object]) -> list[str]:
    """The ids `found` carries while `action` runs."""
    seen: list[str] = []
    bar.found.connect(seen.append)
    try:
        action()
    finally:
        bar.found.disconnect(seen.append)
    return seen


def test_typing_finds_as_you_go_and_enter_walks_round_the_matches(bar: SearchBar) -> None:
    assert bar.isVisible() and bar.field.hasFocus()
    # "g" alone finds « Responsable d'agence » first; from "ga" on, the first caretaker.
    assert found_while(bar, lambda: QTest.keyClicks(bar.field, "gardien")) == ["h"] + ["c1"] * 6
    assert bar.matches == ["c1", "c2", "c3"] and bar.count_label.text() == "1 / 3"
    assert found_while(bar, lambda: QTest.keyClick(bar.field, Qt.Key.Key_Return)) == ["c2"]
    assert bar.count_label.text() == "2 / 3"
    QTest.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.current == "c3"
    assert found_while(bar, lambda: QTest.keyClick(bar.field, Qt.Key.Key_Enter)) == ["c1"]  # round
    assert bar.count_label.text() == "1 / 3"


def test_shift_goes_back_round_the_first(bar: SearchBar) -> None:
    bar.field.setText("gardien")
    assert found_while(bar, lambda: QTest.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)) == ["c3"]
    QTest.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)
    assert bar.current == "c2" and bar.count_label.text() == "2 / 3"


def test_the_buttons_step_as_the_keys_do(bar: SearchBar) -> None:
    bar.field.setText("gardien")
    QTest.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.current == "c2"
    QTest.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert bar.current == "c3"
    assert bar.field.hasFocus()  # a click on a button leaves the typing in the field


def test_accents_need_not_be_typed(bar: SearchBar) -> None:
    QTest.keyClicks(bar.field, "etienne")
    assert bar.matches == ["h"]
    bar.field.setText("ÉTIENNE")  # keyClicks types ASCII only
    assert bar.matches == ["h"]


def test_no_match_turns_the_field_red_and_says_so(bar: SearchBar) -> None:
    QTest.keyClicks(bar.field, "plo")
    assert found_while(bar, lambda: QTest.keyClicks(bar.field, "mbier")) == []
    assert bar.count_label.text() == "No match"
    assert bar.field.styleSheet() == NOT_FOUND_STYLE
    assert found_while(bar, lambda: QTest.keyClick(bar.field, Qt.Key.Key_Return)) == []
    bar.field.setText("roux")
    assert bar.field.styleSheet() == "" and bar.count_label.text() == "1 / 1"


def test_an_emptied_field_is_not_an_error(bar: SearchBar) -> None:
    QTest.keyClicks(bar.field, "zz")
    bar.field.clear()
    assert bar.matches == [] and bar.count_label.text() == "" and bar.field.styleSheet() == ""


def test_escape_closes_and_ctrl_f_again_selects_the_text_to_replace(qtbot: QtBot, bar: SearchBar,
                                                                      chart: Chart) -> None:
    QTest.keyClicks(bar.field, "gardien")
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    with qtbot.waitSignal(bar.closed):
        QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.isHidden()
    # Opened again: the search stays on its match, and typing replaces the old text.
    assert found_while(bar, lambda: bar.open_for(chart, "fr")) == ["c2"]
    assert bar.field.selectedText() == "gardien"
    QTest.keyClicks(bar.field, "paul")
    assert bar.field.text() == "paul" and bar.matches == ["c1"]


def test_a_step_after_an_edit_searches_the_chart_as_it_now_is(bar: SearchBar, chart: Chart) -> None:
    bar.field.setText("gardien")
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.current == "c2"
    chart.remove_position("c3")
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.current == "c1" and bar.count_label.text() == "1 / 2"  # round the two left
    chart.remove_position("c2")
    assert found_while(bar, lambda: QTest.keyClick(bar.field, Qt.Key.Key_Return)) == ["c1"]



def test_the_windows_one_letter_shortcuts_do_not_steal_the_typing(bar: SearchBar, window: QWidget) -> None:
    """The main window binds F (fit all) and C (collapse): typed in the field, they are letters."""
    fired: list[bool] = []
    for key in ("F", "C"):
        action = QAction(key, window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda: fired.append(True))
        window.addAction(action)
    QTest.keyClicks(bar.field, "fc")
    assert bar.field.text() == "fc" and not fired
    QTest.keyClick(window, Qt.Key.Key_F)  # outside the field the shortcut works: the test could fail
    assert fired
