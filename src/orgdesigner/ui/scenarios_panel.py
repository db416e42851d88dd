"""The project's scenarios, the shown one selected: pick one to show it; make, copy, rename or delete
one from the buttons, the context menu, F2, Delete or a double click.

Those are project-level changes, which the panel asks of the Document directly: they are not undo
commands (app/document.py says why). Showing another scenario means rebuilding the scene, which is
the window's job, so the panel only asks for it (`switch_requested`).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.app.document import Document, ProjectEditError
from orgdesigner.model.labels import Lang
from orgdesigner.ui.plain import plain


class ScenariosPanel(QWidget):
    switch_requested = Signal(str)
    """Show this scenario: one the user picked, one just made or copied here, or the neighbour the
    document moved to when the shown one was deleted (already current then, but not yet shown)."""

    scenarios_changed = Signal()
    """A scenario was made, copied, renamed or deleted here: other lists of names are out of date."""

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._document: Document | None = None
        self._shown: tuple[tuple[str, ...], str] = ((), "")
        self.list = QListWidget(self)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.new_action = QAction(self.tr("&New…"), self)
        self.duplicate_action = QAction(self.tr("D&uplicate…"), self)
        self.rename_action = QAction(self.tr("&Rename…"), self)
        self.delete_action = QAction(self.tr("&Delete…"), self)
        self.new_action.setToolTip(self.tr("Add an empty scenario"))
        self.duplicate_action.setToolTip(self.tr("Copy the selected scenario as it stands, unsaved changes included"))
        self.rename_action.setToolTip(self.tr("Rename the selected scenario (F2)"))
        self.delete_action.setToolTip(self.tr("Delete the selected scenario (Delete)"))
        self.new_action.triggered.connect(self.new_scenario)
        self.duplicate_action.triggered.connect(self.duplicate_scenario)
        self.rename_action.triggered.connect(self.rename_scenario)
        self.delete_action.triggered.connect(self.delete_scenario)
        buttons = QHBoxLayout()
        self.buttons: dict[QAction, QToolButton] = {}
        for action in (self.new_action, self.duplicate_action, self.rename_action, self.delete_action):
            self.list.addAction(action)
            button = QToolButton(self)
            button.setDefaultAction(action)
            buttons.addWidget(button)
            self.buttons[action] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        # The window binds F2 (edit a position) and Delete (delete positions) for the whole window;
        # in this list they mean the scenario, so the list claims them before any shortcut fires.
        self._keys = {Qt.Key.Key_F2: self.rename_action, Qt.Key.Key_Delete: self.delete_action}
        self.list.installEventFilter(self)
        self.list.currentRowChanged.connect(self._picked)
        self.list.itemDoubleClicked.connect(lambda _item: self.rename_action.trigger())
        self.refresh()

    def show_document(self, document: Document) -> None:
        """Binds the panel to `document` (a project just opened or made), leaving the previous one."""
        if self._document is not None:
            self._document.changed.disconnect(self._document_changed)
        self._document = document
        document.changed.connect(self._document_changed)
        self.refresh()

    def refresh(self) -> None:
        document = self._document
        names = document.scenario_names if document is not None else ()
        current = document.current_scenario if document is not None else ""
        self.list.blockSignals(True)
        # A switch keeps the items: it may come from a click still being handled by this list.
        if names != self._shown[0]:
            self.list.clear()
            self.list.addItems(list(names))
        if current:
            self.list.setCurrentRow(names.index(current))
        self.list.blockSignals(False)
        self._shown = (names, current)
        for action in (self.new_action, self.duplicate_action, self.rename_action):
            action.setEnabled(document is not None)
        self.delete_action.setEnabled(len(names) > 1)

    # Acting -----------------------------------------------------------------------------------------

    def new_scenario(self) -> None:
        document = self._document
        if document is None:
            return
        name = self._ask(self.tr("New scenario"), self.tr("Name of the new, empty scenario:"),
                         document.free_name(self.tr("New scenario")))
        if name is None:
            return
        try:
            made = document.add_scenario(name)
        except ProjectEditError as exc:
            self._refused(self.tr("Cannot add the scenario"), exc)
            return
        self.scenarios_changed.emit()
        self.switch_requested.emit(made)

    def duplicate_scenario(self) -> None:
        document, source = self._document, self._selected()
        if document is None or source is None:
            return
        name = self._ask(self.tr("Duplicate the scenario"),
                         self.tr("Name of the copy of “{name}”:").format(name=source),
                         document.free_name(self.tr("{name} (copy)").format(name=source)))
        if name is None:
            return
        try:
            made = document.duplicate_scenario(source, name)
        except ProjectEditError as exc:
            self._refused(self.tr("Cannot duplicate the scenario"), exc)
            return
        self.scenarios_changed.emit()
        self.switch_requested.emit(made)

    def rename_scenario(self) -> None:
        document, old = self._document, self._selected()
        if document is None or old is None:
            return
        new = self._ask(self.tr("Rename the scenario"), self.tr("New name of “{name}”:").format(name=old), old)
        if new is None:
            return
        try:
            document.rename_scenario(old, new)
        except ProjectEditError as exc:
            self._refused(self.tr("Cannot rename the scenario"), exc)
            return
        self.scenarios_changed.emit()

    def delete_scenario(self) -> None:
        document, name = self._document, self._selected()
        if document is None or name is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete the scenario"),
            plain(self.tr("Delete the scenario “{name}” with its changes? This cannot be undone; the project "
                          "file keeps it until you save.").format(name=name)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        shown = document.current_scenario
        try:
            document.delete_scenario(name)
        except ProjectEditError as exc:
            self._refused(self.tr("Cannot delete the scenario"), exc)
            return
        self.scenarios_changed.emit()
        if name == shown:
            self.switch_requested.emit(document.current_scenario)

    # Internals --------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and isinstance(event, QKeyEvent) \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in self._keys:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self._keys[Qt.Key(event.key())].trigger()
                return True
        return super().eventFilter(watched, event)

    def _document_changed(self, document: Document) -> None:
        """Follows switches and changes made elsewhere (the window's list, an import); ignores the
        chart edits that make up most of the calls."""
        if not shiboken6.isValid(self):  # the window was closed before the document
            document.changed.disconnect(self._document_changed)
            return
        if (document.scenario_names, document.current_scenario) != self._shown:
            self.refresh()

    def _picked(self, row: int) -> None:
        if self._document is not None and 0 <= row < self.list.count():
            name = self.list.item(row).text()
            if name != self._document.current_scenario:
                self.switch_requested.emit(name)

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return item.text() if item is not None else None

    def _ask(self, title: str, label: str, text: str) -> str | None:
        name, accepted = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return name if accepted else None

    def _refused(self, title: str, refusal: ProjectEditError) -> None:
        QMessageBox.warning(self, title, plain(refusal.label.in_(self._lang)))
