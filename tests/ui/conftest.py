"""No modal dialog may block a test: answers are scripted, and what was asked is recorded. And the
main window on the demo project, as most window tests start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from orgdesigner.app.document import Document
from orgdesigner.ui.main_window import MainWindow
from orgdesigner.ui.recent_files import RecentFiles


@pytest.fixture(autouse=True)
def scripted_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def dialog(parent: object, title: str, text: str, *args: object, **kwargs: object) -> object:
            asked.append(f"{title}: {text}")
            return reply
        return dialog

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", answer(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", answer(QMessageBox.StandardButton.Ok))
    return asked


@pytest.fixture
def window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> MainWindow:
    recent = RecentFiles(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Document.open(demo_file), "fr", recent)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window
