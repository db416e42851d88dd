"""Names that look like markup show as typed in the window: Qt takes a tooltip, a label or a message
box's text for HTML when its first line looks as if it holds a tag, so a holder « <b>Évelyne</b> »
would show bold and « <img src=x> » not at all. What the user sees is computed as Qt computes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import HEADLESS, HOLDER, SCENARIO, TARGET, TITLE, hostile_project
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QSettings
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from orgdesigner.app.document import Document
from orgdesigner.ui.comparison_window import ComparisonWindow
from orgdesigner.ui.main_window import MainWindow
from orgdesigner.ui.plain import plain
from orgdesigner.ui.recent_files import RecentFiles


def shown(text: str) -> str:
    """What Qt displays for `text` where it guesses the format (tooltips, AutoText labels and message
    boxes), whitespace collapsed, as a rich-text paragraph would collapse it."""
    if Qt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return " ".join(text.split())


def words(text: str) -> str:
    return " ".join(text.split())


def label_shows(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText:
        return words(label.text())
    if label.textFormat() == Qt.TextFormat.RichText:
        document = QTextDocument()
        document.setHtml(label.text())
        return words(document.toPlainText())
    return shown(label.text())


MARKUP = st.lists(st.sampled_from([*"<>&/;'\"= \nabép#", "<b>", "</b>", "<img src=x>", "&lt;", "&amp;",
                                   "<!DOCTYPE html>", "<br>", "&#65;", "<?xml ?>"]), max_size=20).map("".join)


@given(MARKUP)
def test_plain_text_shows_as_typed(qapp: QApplication, text: str) -> None:
    assert shown(plain(text)) == words(text)


def test_text_that_qt_takes_for_plain_is_left_as_it_is(qapp: QApplication) -> None:
    """So that most tooltips keep the native look: only what Qt would read as HTML is converted."""
    assert plain("R&D, Agence Nord\nsecond line") == "R&D, Agence Nord\nsecond line"
    assert plain(HOLDER) != HOLDER


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    recent = RecentFiles(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Document(hostile_project()), "fr", recent)
    qtbot.addWidget(window)
    return window


def test_card_and_header_tooltips_quote_names_as_typed(window: MainWindow) -> None:
    badge = window.scene.cards()["c"].badge
    assert badge is not None
    assert f"(il dépend de {HOLDER} (Responsable d'agence))" in shown(badge.toolTip())
    assert f"L'agence « {HEADLESS} » n'a pas de responsable d'agence" in shown(window.scene.headers()["sud"].toolTip())


def test_the_findings_panel_tooltips_quote_names_as_typed(window: MainWindow) -> None:
    tips = [shown(item.toolTip(0)) for item, _finding in window.findings._items]
    assert any(HOLDER in tip for tip in tips) and any(HEADLESS in tip for tip in tips)


def test_the_properties_heading_is_plain_text(window: MainWindow) -> None:
    chart = window.scene.chart
    window.properties.show_position(chart, "t")
    assert label_shows(window.properties.heading) == words(chart.position("t").display_name("fr"))
    assert TITLE in label_shows(window.properties.heading)


def test_a_recent_file_with_markup_in_its_path_is_listed_as_typed(tmp_path: Path, qapp: QApplication) -> None:
    path = tmp_path / "<b>projet & co.orgd"  # a tag: a file name cannot hold "/"
    path.write_bytes(b"")
    recent = RecentFiles(QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat))
    recent.add(path)
    menu = QMenu()
    recent.fill_menu(menu, lambda _path: None)
    assert shown(menu.actions()[0].toolTip()) == words(str(path.resolve()))


def test_a_message_box_quoting_a_file_shows_it_as_typed(window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_args: said.append(text))
    damaged = tmp_path / "<b>plan.orgd"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(50))
    assert not window.open_path(damaged)
    (text,) = said
    assert shown(text).startswith(f"Cannot open {damaged}: the file is damaged")


def test_the_comparison_shows_names_as_typed(qtbot: QtBot) -> None:
    document = Document(hostile_project())
    comparison = ComparisonWindow(document, SCENARIO, TARGET, "fr")
    qtbot.addWidget(comparison)
    assert comparison.scene is not None
    card_tip = shown(comparison.scene.cards()["h"].toolTip())
    assert HOLDER in card_tip and "<u>Nouveau</u> & Co" in card_tip
    changes = comparison.changes.table
    assert any(HOLDER in shown(changes.item(row, 3).toolTip()) for row in range(changes.rowCount()))


def test_the_stale_banner_names_a_scenario_as_typed(qtbot: QtBot) -> None:
    """The banner is rich text, for its link: a name with « & » and no tag must still show as typed."""
    document = Document(hostile_project())
    document.rename_scenario(SCENARIO, "R&D 2026")
    comparison = ComparisonWindow(document, "R&D 2026", TARGET, "en")
    qtbot.addWidget(comparison)
    document.rename_scenario("R&D 2026", "Autre")  # the source gone under its name: the banner says so
    comparison._check_stale()
    assert "“R&D 2026” is no longer in the project" in label_shows(comparison.stale_banner)
