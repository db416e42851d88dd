"""The preferences dialog: the language choice, saved on OK only, and the note that it applies at the next start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from orgdesigner.model.labels import Lang
from orgdesigner.ui import preferences_dialog
from orgdesigner.ui.i18n import LanguageChoice, save_choice, saved_choice
from orgdesigner.ui.preferences_dialog import PreferencesDialog


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


def settings_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def dialog(qtbot: QtBot, current: Lang, settings: QSettings) -> PreferencesDialog:
    shown = PreferencesDialog(current, settings)
    qtbot.addWidget(shown)
    return shown


def choose(shown: PreferencesDialog, choice: LanguageChoice) -> None:
    shown.language.setCurrentIndex(shown.language.findData(choice))


@pytest.fixture(autouse=True)
def french_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preferences_dialog, "system_lang", lambda: "fr")


def test_the_dialog_shows_the_saved_choice_and_names_the_system_language(qtbot: QtBot, ini: Path) -> None:
    save_choice(settings_at(ini), "en")
    shown = dialog(qtbot, "en", settings_at(ini))
    assert shown.choice() == "en"
    items = [shown.language.itemText(i) for i in range(shown.language.count())]
    assert items == ["System language (Français)", "Français", "English"]


def test_ok_saves_the_choice_for_the_next_start(qtbot: QtBot, ini: Path) -> None:
    shown = dialog(qtbot, "fr", settings_at(ini))
    assert shown.choice() == "system"  # nothing saved yet
    choose(shown, "en")
    shown.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert shown.result() == PreferencesDialog.DialogCode.Accepted
    assert saved_choice(settings_at(ini)) == "en"


def test_cancel_saves_nothing(qtbot: QtBot, ini: Path) -> None:
    save_choice(settings_at(ini), "fr")
    shown = dialog(qtbot, "fr", settings_at(ini))
    choose(shown, "en")
    shown.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert saved_choice(settings_at(ini)) == "fr"


@pytest.mark.parametrize(("current", "choice", "note_shown"), [
    ("fr", "fr", False),
    ("fr", "system", False),  # the system is French: nothing would change
    ("fr", "en", True),
    ("en", "system", True),
    ("en", "en", False),
])
def test_the_restart_note_shows_only_when_the_language_would_change(
        qtbot: QtBot, ini: Path, current: Lang, choice: LanguageChoice, note_shown: bool) -> None:
    shown = dialog(qtbot, current, settings_at(ini))
    choose(shown, choice)
    assert shown.restart_note.isHidden() is not note_shown
