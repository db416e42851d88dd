"""The main window: the chart in the middle, the findings and the history beside it, and the
actions a user expects with their usual shortcuts. Thin: every edit becomes a command pushed on the
document's stack; the scene and the panels follow the model."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from orgdesigner.app.document import Document
from orgdesigner.app.opening import InputError
from orgdesigner.commands.chart_commands import EditPosition, MovePositions, RemovePositions
from orgdesigner.layout.chart_layout import layout_chart
from orgdesigner.model.entities import Position
from orgdesigner.model.labels import Lang
from orgdesigner.storage import ProjectFileError
from orgdesigner.ui.findings_panel import FindingsPanel
from orgdesigner.ui.properties_panel import PropertiesPanel
from orgdesigner.ui.scene import ChartScene
from orgdesigner.ui.view import ChartView

_FILE_FILTER = "OrgDesigner (*.orgd);;*"


class MainWindow(QMainWindow):
    def __init__(self, document: Document, lang: Lang) -> None:
        super().__init__()
        self._document = document
        self._lang = lang
        self.view = ChartView(self)
        self.setCentralWidget(self.view)
        self.findings = FindingsPanel(self)
        self.properties = PropertiesPanel(lang, self)
        self.history = QListWidget(self)
        self._scenarios = QComboBox(self)
        self._status = QLabel(self)
        self.statusBar().addPermanentWidget(self._status)
        self._add_dock(self.tr("Properties"), self.properties, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._add_dock(self.tr("Findings"), self.findings, Qt.DockWidgetArea.RightDockWidgetArea)
        self._add_dock(self.tr("History"), self.history, Qt.DockWidgetArea.RightDockWidgetArea)
        self._build_actions()
        self.findings.positions_chosen.connect(self.select_positions)
        self.properties.edited.connect(self._position_edited)
        self.history.currentRowChanged.connect(self._history_clicked)
        self._scenarios.activated.connect(lambda index: self._switch(self._scenarios.itemText(index)))
        self.scene: ChartScene | None = None
        self._show_document(document)
        self.resize(1280, 800)

    # Building ------------------------------------------------------------------------------------

    def _add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        widget.setMinimumWidth(360)
        self.addDockWidget(area, dock)

    def _action(self, text: str, slot: object, *shortcuts: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self)
        sequences: list[QKeySequence] = []
        for shortcut in shortcuts:
            # A standard key may stand for several sequences (Redo: Ctrl+Shift+Z and Ctrl+Y); a
            # sequence listed twice would make the shortcut ambiguous, and then it does nothing.
            bound = (QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey)
                     else [QKeySequence(shortcut)])
            sequences += [sequence for sequence in bound if sequence not in sequences]
        action.setShortcuts(sequences)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.open_action = self._action(self.tr("&Open…"), self.open_file, keys.Open)
        self.save_action = self._action(self.tr("&Save"), self.save, keys.Save)
        self.save_as_action = self._action(self.tr("Save &as…"), self.save_as, keys.SaveAs)
        quit_action = self._action(self.tr("&Quit"), self.close, keys.Quit)
        self.undo_action = self._action(self.tr("&Undo"), lambda: self._document.stack.undo(), keys.Undo)
        self.redo_action = self._action(self.tr("&Redo"), lambda: self._document.stack.redo(), keys.Redo, "Ctrl+Y")
        self.delete_action = self._action(self.tr("&Delete"), self.delete_selection, keys.Delete)
        self.fit_action = self._action(self.tr("&Fit all"), lambda: self.view.fit(), "F")
        fit_selection = self._action(self.tr("Fit &selection"), self.view.fit_selection, "Shift+F")
        zoom_in = self._action(self.tr("Zoom &in"), lambda: self.view.zoom(1.25), keys.ZoomIn)
        zoom_out = self._action(self.tr("Zoom &out"), lambda: self.view.zoom(0.8), keys.ZoomOut)
        self.layout_action = self._action(self.tr("&Lay out"), self.lay_out, "Ctrl+L")
        self.edit_action = self._action(self.tr("&Edit the position"), lambda: self._edit_position(None), "F2")
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        for action in (self.open_action, self.save_action, self.save_as_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = menus.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action, self.delete_action, self.edit_action):
            edit_menu.addAction(action)
        view_menu = menus.addMenu(self.tr("&View"))
        for action in (self.fit_action, fit_selection, zoom_in, zoom_out, self.layout_action):
            view_menu.addAction(action)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        for action in (self.open_action, self.save_action, self.undo_action, self.redo_action, self.fit_action,
                       self.layout_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr("Scenario:") + " "))
        toolbar.addWidget(self._scenarios)

    # Showing ---------------------------------------------------------------------------------------

    def _show_document(self, document: Document) -> None:
        self._document = document
        document.changed.connect(self._document_changed)
        self._scenarios.clear()
        self._scenarios.addItems(list(document.scenario_names))
        self._show_chart()

    def _show_chart(self) -> None:
        if self.scene is not None:
            self.scene.detach()
            self.scene.blockSignals(True)
            self.scene.deleteLater()
        self.scene = ChartScene(self._document.chart, self._lang, self)
        self.scene.cards_dropped.connect(self._cards_dropped)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.edit_requested.connect(self._edit_position)
        self.view.setScene(self.scene)
        self.properties.show_position(self._document.chart, None)
        self._scenarios.setCurrentText(self._document.current_scenario)
        self._document_changed(self._document)
        QTimer.singleShot(0, self.view, self.view.fit)  # once the view has its final size

    def _document_changed(self, document: Document) -> None:
        if self.scene is None or self.scene.chart is not document.chart:
            return
        report = document.validate()
        self.scene.set_findings(report.findings)
        self.properties.refresh()
        head_office = "Siège" if self._lang == "fr" else "Head office"
        self.findings.show_report(report, self._lang, head_office)
        stack = document.stack
        undo, redo = stack.undo_text, stack.redo_text
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
        self.undo_action.setText(self.tr("&Undo") + (f" {undo.in_(self._lang)}" if undo else ""))
        self.redo_action.setText(self.tr("&Redo") + (f" {redo.in_(self._lang)}" if redo else ""))
        self.history.blockSignals(True)
        self.history.clear()
        self.history.addItem(self.tr("<opened>"))
        self.history.addItems([text.in_(self._lang) for text in stack.history()])
        self.history.setCurrentRow(stack.index)
        self.history.blockSignals(False)
        name = document.path.name if document.path else self.tr("untitled")
        self.setWindowTitle(f"{name} [*] — {document.current_scenario} — OrgDesigner")
        self.setWindowModified(document.is_modified)
        self._status.setText(self.tr("%n finding(s)", "", len(report.findings)))

    # Acting -----------------------------------------------------------------------------------------

    def select_positions(self, position_ids: list[str]) -> None:
        if self.scene is None:
            return
        self.scene.clearSelection()
        area = QRectF()
        for position_id in position_ids:
            card = self.scene.cards().get(position_id)
            if card is not None:
                card.setSelected(True)
                area = area.united(card.sceneBoundingRect())
        if not area.isEmpty():
            self.view.centerOn(area.center())

    def delete_selection(self) -> None:
        if self.scene is None:
            return
        chosen = self.scene.selected_ids()
        if chosen:
            self._document.stack.push(RemovePositions(self._document.chart, chosen))

    def lay_out(self) -> None:
        chart = self._document.chart
        placed = layout_chart(chart)
        moved = {p: xy for p, xy in placed.items() if chart.position_xy(p) != xy}
        if moved:
            self._document.stack.push(MovePositions(chart, moved))
        self.view.fit()

    def _selection_changed(self) -> None:
        if self.scene is None or not shiboken6.isValid(self.scene):  # the scene goes before the window
            return
        chosen = self.scene.selected_ids()
        self.properties.show_position(self._document.chart, chosen[0] if len(chosen) == 1 else None)

    def _edit_position(self, position_id: str | None) -> None:
        """F2 or a double click: the properties of that position, the cursor in its holder's name."""
        if self.scene is not None and position_id is not None:
            self.select_positions([position_id])
        self.properties.holder.setFocus()
        self.properties.holder.selectAll()

    def _position_edited(self, position: Position) -> None:
        if self.properties.chart is self._document.chart and self._document.chart.has_position(position.id):
            self._document.stack.push(EditPosition(self._document.chart, position))

    def _cards_dropped(self, moved: dict[str, tuple[float, float]], previous: dict[str, tuple[float, float]]) -> None:
        self._document.stack.push(MovePositions(self._document.chart, moved, previous))

    def _history_clicked(self, row: int) -> None:
        if row >= 0 and row != self._document.stack.index:
            self._document.stack.set_index(row)

    @property
    def document(self) -> Document:
        return self._document

    def switch_scenario(self, name: str) -> None:
        self._switch(name)

    def _switch(self, name: str) -> None:
        if name and name != self._document.current_scenario:
            self._document.switch_to(name)
            self._show_chart()

    def open_file(self) -> None:
        if not self._may_discard():
            return
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Open a project"), "", _FILE_FILTER)
        if chosen:
            self.open_path(Path(chosen))

    def open_path(self, path: Path) -> bool:
        try:
            document = Document.open(path)
        except InputError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the project"), "\n".join(exc.lines))
            return False
        self._document.changed.disconnect(self._document_changed)
        self._show_document(document)
        return True

    def save(self) -> bool:
        if self._document.path is None:
            return self.save_as()
        return self.save_to(self._document.path)

    def save_as(self) -> bool:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the project as"), "", _FILE_FILTER)
        return bool(chosen) and self.save_to(Path(chosen))

    def save_to(self, path: Path) -> bool:
        try:
            self._document.save(path)
        except ProjectFileError as exc:
            QMessageBox.critical(self, self.tr("Cannot save"), str(exc) + "\n\n" +
                                 self.tr("Your work is still open: save it elsewhere."))
            return False
        return True

    def _may_discard(self) -> bool:
        if not self._document.is_modified:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to this project first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        self._document.changed.disconnect(self._document_changed)
        if self.scene is not None:
            self.scene.detach()
            self.scene.blockSignals(True)
        event.accept()
