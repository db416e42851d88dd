"""The user's preferences, kept in QSettings: for now the interface language.

The language applies at the next start, not live: the window builds its menus and panels once, and
retranslating every widget in place would be code to keep in step with each new panel for a choice made
once. The dialog says so as soon as the choice would change the language.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from orgdesigner.model.labels import Lang
from orgdesigner.ui.i18n import LanguageChoice, app_settings, save_choice, saved_choice, system_lang

# Each language named in itself, untranslated, so that someone lost in the other one still finds theirs.
_NATIVE_NAMES: dict[Lang, str] = {"fr": "Français", "en": "English"}


class PreferencesDialog(QDialog):
    def __init__(self, current: Lang, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        """`current` is the language the application runs in now; `settings` defaults to the user's own."""
        super().__init__(parent)
        self._current = current
        self._settings = settings if settings is not None else app_settings()
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox(self)
        system_name = _NATIVE_NAMES[system_lang()]
        self.language.addItem(self.tr("System language ({language})").format(language=system_name), "system")
        for code, name in _NATIVE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(saved_choice(self._settings)))
        self.restart_note = QLabel(self.tr("The new language will be used the next time OrgDesigner starts."), self)
        self.restart_note.setWordWrap(True)
        buttons = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(buttons.Ok | buttons.Cancel, self)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.restart_note)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.language.currentIndexChanged.connect(lambda _index: self._show_note())
        self._show_note()

    def choice(self) -> LanguageChoice:
        chosen: LanguageChoice = self.language.currentData()
        return chosen

    def _show_note(self) -> None:
        choice = self.choice()
        self.restart_note.setVisible((system_lang() if choice == "system" else choice) != self._current)

    def accept(self) -> None:
        save_choice(self._settings, self.choice())
        super().accept()
