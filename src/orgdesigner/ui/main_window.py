"""The main window: the chart in the middle, the findings and the history beside it, and the
actions a user expects with their usual shortcuts. Thin: every edit becomes a command pushed on the
document's stack; the scene and the panels follow the model."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterable
from contextlib import suppress
from functools import partial
from pathlib import Path

import networkx as nx
import shiboken6
from PySide6.QtCore import QMimeData, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import collector
from orgdesigner.app import project_lock, recovery
from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document, ProjectEditError
from orgdesigner.app.opening import InputError
from orgdesigner.app.project_lock import ProjectLock, ProjectLocked
from orgdesigner.app.recovery import RecoveryEntry, RecoveryFile
from orgdesigner.app.shared import SharedStore
from orgdesigner.collector import collection_paused
from orgdesigner.commands.base import Command, Macro
from orgdesigner.commands.chart_commands import (
    AddLink,
    AddPosition,
    EditAgency,
    EditPosition,
    MovePositions,
    RemoveLink,
    RemovePositions,
    ReparentPosition,
)
from orgdesigner.commands.clipboard import (
    MIME_TYPE,
    DuplicateSubtrees,
    Fragment,
    PastePositions,
    copy_subtrees,
    subtree_ids,
)
from orgdesigner.commands.scenario_commands import EditParameters
from orgdesigner.export.pdf_document import write_pdf
from orgdesigner.layout.chart_layout import layout_agency, layout_chart
from orgdesigner.model import queries
from orgdesigner.model.catalogue import OTHER_ROLE, ROLES
from orgdesigner.model.chart import Chart, ChartError
from orgdesigner.model.entities import Agency, Link, LinkType, Position
from orgdesigner.model.labels import Label, Lang
from orgdesigner.storage import ProjectFileError
from orgdesigner.storage.repository import Repository
from orgdesigner.ui import exporting
from orgdesigner.ui.agency_panel import AgencyPanel
from orgdesigner.ui.comparison_picker import open_comparison
from orgdesigner.ui.data_safety import LockQuestion, RecoveryDialog
from orgdesigner.ui.findings_panel import FindingsPanel
from orgdesigner.ui.import_dialog import ImportDialog
from orgdesigner.ui.inline_editor import InlineEditor
from orgdesigner.ui.items import CARD_HEIGHT, CARD_WIDTH, CardItem
from orgdesigner.ui.legend import Legend
from orgdesigner.ui.parameters_dialog import ParametersDialog
from orgdesigner.ui.pdf_dialog import PdfExportDialog
from orgdesigner.ui.plain import plain
from orgdesigner.ui.preferences_dialog import PreferencesDialog
from orgdesigner.ui.properties_panel import PropertiesPanel
from orgdesigner.ui.recent_files import RecentFiles
from orgdesigner.ui.repository_dialog import SharedSession
from orgdesigner.ui.role_palette import RolePalette
from orgdesigner.ui.scenarios_panel import ScenariosPanel
from orgdesigner.ui.scene import ChartScene
from orgdesigner.ui.search_bar import SearchBar
from orgdesigner.ui.view import ChartView

_FILE_FILTER = "OrgDesigner (*.orgd);;*"
AUTOSAVE_INTERVAL_MS = recovery.SECONDS_BETWEEN_WRITES * 1000
_JSON_FILTER = "Scenario JSON (*.json);;*"
_SIBLING_GAP = 24.0
_LEVEL_GAP = 48.0
XY = tuple[float, float]


def blank_document(lang: Lang) -> Document:
    """The new project a window starts on when it is given no file, named in the user's language."""
    fr = lang == "fr"
    return Document.new("Nouvelle organisation" if fr else "New organisation", "Existant" if fr else "Current")


class MainWindow(QMainWindow):
    def __init__(self, document: Document, lang: Lang, recent: RecentFiles | None = None) -> None:
        super().__init__()
        self._document = document
        self._lang = lang
        self._recent = recent if recent is not None else RecentFiles()
        self.view = ChartView(self)
        self.search_bar = SearchBar()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.search_bar)
        column.addWidget(self.view)
        self.setCentralWidget(central)
        self.findings = FindingsPanel(self)
        self.properties = PropertiesPanel(lang, self)
        self.history = QListWidget(self)
        self.roles = RolePalette(lang, self)
        self.legend = Legend(lang, self)
        self.inline_editor = InlineEditor(self.view.viewport())
        self._scenarios = QComboBox(self)
        self._status = QLabel(self)
        self.statusBar().addPermanentWidget(self._status)
        self._new_link_type: LinkType = "line"
        self._inline_chart: Chart | None = None
        self.scenarios_panel = ScenariosPanel(lang, self)
        self.agency_panel = AgencyPanel(lang, self)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        roles_dock = self._add_dock(self.tr("Roles"), self.roles, left, 280)
        scenarios_dock = self._add_dock(self.tr("Scenarios"), self.scenarios_panel, left, 280)
        self.properties_dock = self._add_dock(self.tr("Properties"), self.properties, left, 280)
        self.agency_dock = self._add_dock(self.tr("Agency"), self.agency_panel, left, 280)
        findings_dock = self._add_dock(self.tr("Findings"), self.findings, right, 320)
        history_dock = self._add_dock(self.tr("History"), self.history, right, 320)
        legend_dock = self._add_dock(self.tr("Legend"), self.legend, right, 320)
        # Tabs rather than a column of squeezed panels: the chart keeps the middle of the screen.
        self.tabifyDockWidget(roles_dock, scenarios_dock)
        self.tabifyDockWidget(self.properties_dock, self.agency_dock)
        self.tabifyDockWidget(history_dock, legend_dock)
        roles_dock.raise_()
        self.properties_dock.raise_()
        history_dock.raise_()
        self.resizeDocks([findings_dock, history_dock], [500, 300], Qt.Orientation.Vertical)
        self._build_actions()
        self.findings.positions_chosen.connect(self.select_positions)
        self.search_bar.found.connect(lambda position_id: self.select_positions([position_id]))
        self.search_bar.closed.connect(lambda: self.view.setFocus())
        self.properties.edited.connect(self._position_edited)
        self.agency_panel.edited.connect(self._agency_edited)
        self.roles.role_activated.connect(self.add_role)
        self.inline_editor.committed.connect(self._inline_edited)
        self.history.currentRowChanged.connect(self._history_clicked)
        self._scenarios.activated.connect(lambda index: self.switch_scenario(self._scenarios.itemText(index)))
        self.scenarios_panel.switch_requested.connect(self.switch_scenario)
        self.scenarios_panel.scenarios_changed.connect(self._refill_scenario_combo)
        self.scene: ChartScene | None = None
        # The work a crash would lose goes to a recovery file (app/recovery.py) every minute and every
        # 20 edits, written on a thread of its own; the project's lock says to other instances that it
        # is open here.
        self.recovery = RecoveryFile(in_background=True)
        self.shared = SharedSession(self, lang, self._keep_after_lost_connection)
        self._lock: ProjectLock | None = None
        self._read_only = False
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(lambda: self._recovery_step(self.recovery.write_if_needed))
        self.autosave_timer.start()
        self._show_document(document)
        self.resize(1440, 900)

    # Building ------------------------------------------------------------------------------------

    def _add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, width: int = 360) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        widget.setMinimumWidth(width)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot: object, *shortcuts: QKeySequence | QKeySequence.StandardKey | str,
                on_canvas: bool = False) -> QAction:
        """`on_canvas`: the shortcut acts on the chart's selection, so it works only while the chart
        has the focus; Delete or Ctrl+C in a panel's table must not delete or copy a card."""
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
        if on_canvas:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        else:
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New project…"), self.new_project, keys.New)
        self.open_action = self._action(self.tr("&Open…"), self.open_file, keys.Open)
        self.open_demo_action = self._action(self.tr("Open the &demo project"), self.open_demo)
        self.open_repository_action = self._action(self.tr("Open a shared repositor&y…"), self.open_shared_repository)
        self.import_action = self._action(self.tr("&Import scenario JSON…"), self.import_scenario_json)
        self.import_extract_action = self._action(self.tr("Import an &HR extract…"), self.import_hr_extract)
        self.export_action = self._action(self.tr("&Export scenario JSON…"), self.export_scenario_json)
        self.export_view_image_action = self._action(self.tr("Export the &view as image…"),
                                                     lambda: exporting.ask_and_export_image(self, "view"))
        self.export_agency_image_action = self._action(self.tr("Export the a&gency as image…"),
                                                       lambda: exporting.ask_and_export_image(self, "agency"))
        self.export_agency_image_action.setEnabled(False)  # until an agency's header or card is selected
        self.export_pdf_action = self._action(self.tr("Export &PDF…"), self.export_pdf, "Ctrl+Shift+P")
        self.print_action = self._action(self.tr("Prin&t…"), lambda: exporting.print_chart(self), keys.Print)
        self.preferences_action = self._action(self.tr("&Preferences…"), self.edit_preferences, keys.Preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self._recent_menu = QMenu(self.tr("Open &recent"), self)
        self._recent_menu.aboutToShow.connect(lambda: self._recent.fill_menu(self._recent_menu, self._open_recent))
        self.save_action = self._action(self.tr("&Save"), self.save, keys.Save)
        self.save_as_action = self._action(self.tr("Save &as…"), self.save_as, keys.SaveAs)
        quit_action = self._action(self.tr("&Quit"), self.close, keys.Quit)
        self.undo_action = self._action(self.tr("&Undo"), lambda: self._document.stack.undo(), keys.Undo)
        self.redo_action = self._action(self.tr("&Redo"), lambda: self._document.stack.redo(), keys.Redo, "Ctrl+Y")
        self.delete_action = self._action(self.tr("&Delete"), self.delete_selection, keys.Delete, on_canvas=True)
        self.delete_action.setObjectName("delete")
        self.cut_action = self._action(self.tr("Cu&t"), self.cut_selection, keys.Cut, on_canvas=True)
        self.copy_action = self._action(self.tr("&Copy"), self.copy_selection, keys.Copy, on_canvas=True)
        self.paste_action = self._action(self.tr("&Paste"), self.paste, keys.Paste, on_canvas=True)
        self.duplicate_action = self._action(self.tr("D&uplicate"), self.duplicate_selection, "Ctrl+D", on_canvas=True)
        self.find_action = self._action(self.tr("&Find…"), self.open_search, keys.Find)
        self.fit_action = self._action(self.tr("&Fit all"), lambda: self.view.fit(), "F", on_canvas=True)
        fit_selection = self._action(self.tr("Fit &selection"), self.view.fit_selection, "Shift+F", on_canvas=True)
        zoom_in = self._action(self.tr("Zoom &in"), lambda: self.view.zoom(1.25), keys.ZoomIn)
        zoom_out = self._action(self.tr("Zoom &out"), lambda: self.view.zoom(0.8), keys.ZoomOut)
        self.layout_action = self._action(self.tr("&Lay out"), self.lay_out, "Ctrl+L")
        self.parameters_action = self._action(self.tr("Scenario &parameters…"), self.edit_parameters)
        self.edit_action = self._action(self.tr("&Edit the position"), lambda: self.edit_in_place(None), "F2",
                                        on_canvas=True)
        self.collapse_action = self._action(self.tr("&Collapse or expand"), self.toggle_collapse, "C", on_canvas=True)
        self.expand_all_action = self._action(self.tr("E&xpand all"), self._expand_all, "Ctrl+Shift+E")
        self.compare_action = self._action(self.tr("Co&mpare scenarios…"),
                                           lambda: open_comparison(self, self._document, self._lang), "Ctrl+Shift+D")
        self.layout_agency_action = self._action(self.tr("Lay out the &agency"), lambda: self.lay_out_agency(None),
                                                 "Ctrl+Shift+L")
        link_kinds = QActionGroup(self)
        self.link_kind_actions: dict[LinkType, QAction] = {}
        kinds: tuple[tuple[LinkType, str], ...] = (("line", self.tr("New links: &hierarchical")),
                                                   ("dotted", self.tr("New links: &dotted (functional)")),
                                                   ("contract", self.tr("New links: &contract")))
        for link_type, text in kinds:
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(link_type == "line")
            action.triggered.connect(partial(self._set_new_link_type, link_type))
            link_kinds.addAction(action)
            self.link_kind_actions[link_type] = action
        self.card_menu_actions = [self.cut_action, self.copy_action, self.paste_action, self.duplicate_action,
                                  self.delete_action]
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addMenu(self._recent_menu)
        file_menu.addAction(self.open_demo_action)
        file_menu.addAction(self.open_repository_action)
        file_menu.addSeparator()
        for action in (self.save_action, self.save_as_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.import_action, self.import_extract_action, self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.export_pdf_action, self.export_view_image_action, self.export_agency_image_action,
                       self.print_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = menus.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.cut_action, self.copy_action, self.paste_action, self.duplicate_action,
                       self.delete_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.edit_action, self.find_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in self.link_kind_actions.values():
            edit_menu.addAction(action)
        view_menu = menus.addMenu(self.tr("&View"))
        for action in (self.fit_action, fit_selection, zoom_in, zoom_out):
            view_menu.addAction(action)
        view_menu.addSeparator()
        for action in (self.collapse_action, self.expand_all_action):
            view_menu.addAction(action)
        chart_menu = menus.addMenu(self.tr("&Chart"))
        for action in (self.layout_action, self.layout_agency_action):
            chart_menu.addAction(action)
        chart_menu.addSeparator()
        chart_menu.addAction(self.parameters_action)
        chart_menu.addSeparator()
        chart_menu.addAction(self.compare_action)
        self.chart_menu = chart_menu
        self.view_menu = view_menu
        self.edit_menu = edit_menu
        self.file_menu = file_menu
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
        self.recovery.follow(document)
        document.changed.connect(self._document_changed)
        self.scenarios_panel.show_document(document)
        self._refill_scenario_combo()
        self._show_chart()

    def _refill_scenario_combo(self) -> None:
        self._scenarios.clear()
        self._scenarios.addItems(list(self._document.scenario_names))
        self.compare_action.setEnabled(len(self._document.scenario_names) >= 2)
        self._scenarios.setCurrentText(self._document.current_scenario)

    def _replace_document(self, document: Document, lock: ProjectLock | None = None, read_only: bool = False) -> None:
        """`lock`: the new document's project lock, taken by the caller; any previous one is released."""
        self.inline_editor.cancel()
        self._document.changed.disconnect(self._document_changed)
        self._hold(lock, read_only)
        self._show_document(document)

    def _show_chart(self) -> None:
        """The scenario's canvas and panels, built with the garbage collector held off: a large
        organisation's cards, links and their Python wrappers all live on; then set aside from later
        collections (collector.py)."""
        with collection_paused():
            if self.scene is not None:
                self.scene.detach()
                self.scene.blockSignals(True)
                self.scene.deleteLater()
            self.scene = ChartScene(self._document.chart, self._lang, self)
            self.scene.cards_dropped.connect(self._cards_dropped)
            self.scene.cards_reparented.connect(self._cards_reparented)
            self.scene.role_dropped.connect(self._role_dropped)
            self.scene.link_drawn.connect(self._link_drawn)
            self.scene.link_retyped.connect(self._link_retyped)
            self.scene.agency_layout_requested.connect(self.lay_out_agency)
            self.scene.refused.connect(self._refuse)
            self.scene.selectionChanged.connect(self._selection_changed)
            self.scene.edit_requested.connect(self.edit_in_place)
            self.view.setScene(self.scene)
            self.export_agency_image_action.setEnabled(False)  # a new scene has nothing selected
            self.search_bar.hide()  # left open, it would search the scenario shown before
            self.properties.show_position(self._document.chart, None)
            first_agency = next(iter(self._document.chart.agencies()), None)
            self.agency_panel.show_agency(self._document.chart, first_agency.id if first_agency else None)
            self.scene.agency_chosen.connect(self.show_agency)
            self._scenarios.setCurrentText(self._document.current_scenario)
            self._document_changed(self._document)
        collector.set_aside()
        QTimer.singleShot(0, self.view, self.view.fit)  # once the view has its final size

    def _document_changed(self, document: Document) -> None:
        self._recovery_step(self.recovery.after_change)
        if self.scene is None or self.scene.chart is not document.chart:
            return
        report = document.validate()
        self.scene.set_report(report)
        self.properties.refresh()
        self.agency_panel.refresh()
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
        self._show_title()
        self._status.setText(self.tr("%n finding(s)", "", len(report.findings)))

    def _show_title(self) -> None:
        document = self._document
        name = document.store.title if document.store is not None else self.tr("untitled")
        if self._read_only:
            name = self.tr("{file} (read-only)").format(file=name)
        self.setWindowTitle(f"{name} [*] — {document.current_scenario} — OrgDesigner")
        self.setWindowModified(document.is_modified)

    # Keeping the work safe ---------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """Opened read-only because another instance holds the project: Save is off, Save As is not."""
        return self._read_only

    @property
    def lock(self) -> ProjectLock | None:
        return self._lock

    def _hold(self, lock: ProjectLock | None, read_only: bool) -> None:
        """The project's lock is now `lock` (None: no lock held); the one held before is released."""
        if self._lock is not None and self._lock is not lock:
            self._lock.release()
        self._lock = lock
        self._read_only = read_only
        self.save_action.setEnabled(not read_only)
        self._show_title()

    def _claim(self, path: Path) -> tuple[ProjectLock | None, bool] | None:
        """The lock of a project about to be opened and whether it opens read-only, asking the user
        when another instance holds it; None when they cancel."""
        try:
            return project_lock.acquire(path), False
        except ProjectLocked as exc:
            choice = LockQuestion(exc.holder, self).ask_to_open()
        if choice is None:
            return None
        return (None, True) if choice == "read-only" else (self._take_over(path), False)

    def _take_over(self, path: Path) -> ProjectLock | None:
        try:
            return project_lock.acquire(path, take_over=True)
        except ProjectLocked:  # another instance took it over at the same moment: theirs stands
            return None

    def _lock_to_save(self, path: Path) -> tuple[bool, ProjectLock | None]:
        """Whether to save to `path`, and the lock to hold for it: the window's own while nobody has
        taken it over, else a new one, asking first when another instance holds the file."""
        if self._lock is not None and self._lock.project == path and self._lock.is_ours():
            return True, self._lock
        try:
            return True, project_lock.acquire(path)
        except ProjectLocked as exc:
            if not LockQuestion(exc.holder, self).ask_to_save():
                return False, None
        return True, self._take_over(path)

    def claim_opened_file(self) -> None:
        """Takes the lock of the project the window was made with (the command line's file), asking
        as File > Open does when another instance holds it; cancelled, a new project shows instead."""
        path = self._document.path
        if path is None or self._lock is not None:
            return
        claim = self._claim(path)
        if claim is None:
            self._replace_document(blank_document(self._lang))
        else:
            self._hold(*claim)

    def _recovery_step(self, step: Callable[[], object]) -> bool:
        """Writing the recovery file must never stop an edit: a failure is said in the status bar,
        and the next change or tick of the timer tries again."""
        try:
            step()
        except (OSError, ProjectFileError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.statusBar().showMessage(
                self.tr("The recovery copy of your work could not be written: {reason}").format(reason=reason), 8000)
            return False
        return True

    def save_recovery_copy(self) -> bool:
        """Writes the recovery file now, whatever the timer and the edit count say: when the work
        cannot reach where it belongs (a shared repository's connection lost), it is at least safe on
        this computer. A failure is said in the status bar; True when written."""
        return self._recovery_step(self.recovery.write)

    def offer_recovery(self, entries: list[RecoveryEntry] | None = None) -> None:
        """At start: the unsaved work that sessions which ended without closing left, if any."""
        entries = recovery.recoverable() if entries is None else entries
        if not entries:
            return
        dialog = RecoveryDialog(entries, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and (entry := dialog.chosen()) is not None:
            self.recover(entry)

    def recover(self, entry: RecoveryEntry) -> bool:
        """Shows an entry's work, unsaved, on its project file (locked as an open would); this
        session's own recovery file takes it over before the entry goes, so a crash now loses nothing."""
        if not self._may_discard():
            return False
        try:
            document = recovery.restore(entry)
        except InputError as exc:
            QMessageBox.warning(self, self.tr("Cannot recover the work"), plain("\n".join(exc.lines)))
            return False
        claim = self._claim(document.path) if document.path is not None else (None, False)
        if claim is None:
            return False
        self._replace_document(document, *claim)
        if self.save_recovery_copy():
            with suppress(OSError):  # left, it is offered again at the next start: the safe side
                recovery.discard(entry)
        return True

    # Acting -----------------------------------------------------------------------------------------

    def select_positions(self, position_ids: list[str]) -> None:
        if self.scene is None:
            return
        self.scene.reveal(position_ids)
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
        """Deletes the selected cards (their links go with them) and the selected links."""
        if self.scene is None:
            return
        chart = self._document.chart
        chosen = self.scene.selected_ids()
        links = [link for link in self.scene.selected_links()
                 if link.source not in chosen and link.target not in chosen]
        commands: list[Command] = [RemoveLink(chart, link) for link in links]
        if chosen:
            commands.append(RemovePositions(chart, chosen))
        if len(commands) == 1:
            self._push(commands[0])
        elif commands:
            self._push(Macro(Label(f"Supprimer {len(chosen)} poste(s) et {len(links)} lien(s)",
                                   f"Delete {len(chosen)} position(s) and {len(links)} link(s)"), commands))

    def _push(self, command: Command) -> bool:
        """Pushes an edit; one the chart refuses (a loop, a link drawn twice) is said, not raised."""
        try:
            self._document.stack.push(command)
        except ChartError as exc:
            self._refuse(str(exc))
            return False
        return True

    def _refuse(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _set_new_link_type(self, link_type: LinkType) -> None:
        self._new_link_type = link_type

    # Drawing ---------------------------------------------------------------------------------------

    def add_role(self, role: str) -> None:
        """A role chosen in the palette (double click, Enter): a vacant post under the selected card,
        or on its own in the middle of the view."""
        if self.scene is None:
            return
        chosen = self.scene.selected_ids()
        manager = chosen[0] if len(chosen) == 1 else None
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        self._role_dropped(role, manager, centre.x(), centre.y())

    def _role_dropped(self, role: str, manager: str | None, x: float, y: float) -> None:
        if self.scene is None or role not in ROLES:
            return
        chart = self._document.chart
        agency = chart.position(manager).agency if manager is not None else self.scene.agency_at(x)
        position = Position(queries.fresh_position_id(chart, agency), role, agency)
        links = [Link(manager, position.id)] if manager is not None else []
        xy = self._free_slot(manager, ()) if manager is not None else (x - CARD_WIDTH / 2, y - CARD_HEIGHT / 2)
        if self._push(AddPosition(chart, position, links, xy)):
            self.select_positions([position.id])

    def _free_slot(self, manager: str, leaving: Iterable[str]) -> XY:
        """Where a new report of a manager goes: right of its last report, else below it."""
        chart = self._document.chart
        away = set(leaving)
        placed = [xy for xy in (chart.position_xy(r) for r in queries.reports(chart, manager) if r not in away)
                  if xy is not None]
        if placed:
            return (max(x for x, _ in placed) + CARD_WIDTH + _SIBLING_GAP, min(y for _, y in placed))
        mx, my = chart.position_xy(manager) or (0.0, 0.0)
        return (mx, my + CARD_HEIGHT + _LEVEL_GAP)

    def _clear_of_cards(self, slot: XY, offsets: Iterable[XY], moving: set[str]) -> XY:
        """The slot, or the first one to its right where a subtree of cards at these offsets covers
        no other card: a subtree dropped under a manager whose reports' row runs into a neighbour's
        must not land on the neighbour's cards."""
        assert self.scene is not None
        boxes = [QRectF(dx - _SIBLING_GAP / 2, dy, CARD_WIDTH + _SIBLING_GAP, CARD_HEIGHT) for dx, dy in offsets]
        x, y = slot
        for _ in range(1000):
            if not any(isinstance(item, CardItem) and item.isVisible() and item.position_id not in moving
                       for box in boxes for item in self.scene.items(box.translated(x, y))):
                break
            x += CARD_WIDTH + _SIBLING_GAP
        return (x, y)

    def _link_drawn(self, source: str, target: str, dotted: bool) -> None:
        """A link dragged from a card's handle. Hierarchical unless Shift was held or another kind is
        chosen in the Edit menu; to a contractor, a contract. A hierarchical link to a position that
        has a manager moves it (one manager each), as dropping the card would."""
        chart = self._document.chart
        link_type: LinkType = "dotted" if dotted else self._new_link_type
        if link_type == "line" and chart.position(target).is_provider:
            link_type = "contract"
        link = Link(source, target, link_type)
        if link in chart.links():
            self._refuse(self.tr("These two positions are already linked so."))
        elif link_type == "line" and queries.managers(chart, target):
            self._push(ReparentPosition(chart, target, source))
        else:
            self._push(AddLink(chart, link))

    def _link_retyped(self, link: Link, link_type: LinkType) -> None:
        chart = self._document.chart
        new = Link(link.source, link.target, link_type)
        if new == link or link not in chart.links():
            return
        if new in chart.links():
            self._refuse(self.tr("These two positions are already linked so."))
            return
        self._push(Macro(Label("Changer le type du lien", "Change the link's kind"),
                         [RemoveLink(chart, link), AddLink(chart, new)]))

    def _cards_reparented(self, dragged: list[str], manager: str, start: dict[str, XY]) -> None:
        """Cards dropped onto another card: each dragged subtree goes under that manager, into its
        agency, placed after its last report: one undo step."""
        if self.scene is None:
            return
        chart = self._document.chart
        inside = set(dragged)
        roots = [p for p in dragged if not any(a in inside for a in self._ancestors(p))]
        new_agency = chart.position(manager).agency
        commands: list[Command] = []
        moved: dict[str, XY] = {}
        previous: dict[str, XY] = {}
        slot = self._free_slot(manager, roots)
        subtrees = {root: [root, *sorted(queries.descendants(chart, root), key=chart.position_index)] for root in roots}
        moving = {p for subtree in subtrees.values() for p in subtree}
        for root, subtree in subtrees.items():
            commands.append(ReparentPosition(chart, root, manager))
            for position_id in subtree:
                position = chart.position(position_id)
                if position.agency != new_agency and position.agency == chart.position(root).agency:
                    agency = chart.agency(new_agency) if new_agency is not None else None
                    site = position.site if agency is not None and agency.site(position.site or "") else None
                    commands.append(EditPosition(chart, dataclasses.replace(position, agency=new_agency, site=site)))
            origin = start.get(root) or chart.position_xy(root) or (0.0, 0.0)
            offsets = {}
            for position_id in subtree:
                xy = start.get(position_id) or chart.position_xy(position_id) or origin
                previous[position_id] = xy
                offsets[position_id] = (xy[0] - origin[0], xy[1] - origin[1])
            slot = self._clear_of_cards(slot, offsets.values(), moving)
            right = slot[0]
            for position_id, (dx, dy) in offsets.items():
                moved[position_id] = (slot[0] + dx, slot[1] + dy)
                right = max(right, moved[position_id][0] + CARD_WIDTH)
            slot = (right + _SIBLING_GAP, slot[1])
        commands.append(MovePositions(chart, moved, previous))
        name = chart.position(manager).display_title("fr"), chart.position(manager).display_title("en")
        text = Label(f"Rattacher {len(roots)} poste(s) à « {name[0]} »",
                     f"Move {len(roots)} position(s) under '{name[1]}'")
        if not self._push(Macro(text, commands)):
            self.scene.put_back(dragged)

    def _ancestors(self, position_id: str) -> set[str]:
        return set(nx.ancestors(self._document.chart.graph("line"), position_id))

    def edit_in_place(self, position_id: str | None) -> None:
        """F2 or a double click: the card's title and holder in fields over the card."""
        if self.scene is None:
            return
        if position_id is None:
            chosen = self.scene.selected_ids()
            if len(chosen) != 1:
                return
            position_id = chosen[0]
        self.select_positions([position_id])
        if self.view.scale_factor() < 0.8:
            self.view.zoom(1.0 / self.view.scale_factor())
        card = self.scene.card(position_id)
        self.view.ensureVisible(card, 40, 40)
        area = self.view.mapFromScene(card.sceneBoundingRect()).boundingRect()
        position = self._document.chart.position(position_id)
        self._inline_chart = self._document.chart
        self.inline_editor.open(position_id, position.display_title(self._lang), position.holder or "", area)

    def _inline_edited(self, position_id: str, title: str, holder: str) -> None:
        chart = self._document.chart
        if chart is not self._inline_chart or not chart.has_position(position_id):
            return  # opened on a scenario that is no longer shown (deleted meanwhile)
        position = chart.position(position_id)
        if position.role == OTHER_ROLE:
            # An "other" post is named by its title alone: the file format requires one.
            new_title = title.strip() or position.title
        else:
            default_title = dataclasses.replace(position, title=None).display_title(self._lang)
            new_title = title.strip() or None
            if new_title == default_title:
                new_title = None
        edited = dataclasses.replace(position, title=new_title, holder=holder.strip() or None)
        if edited != position:
            self._push(EditPosition(chart, edited))

    def open_search(self) -> None:
        self.search_bar.open_for(self._document.chart, self._lang)

    def copy_selection(self) -> bool:
        if self.scene is None or not (chosen := self.scene.selected_ids()):
            return False
        text = copy_subtrees(self._document.chart, chosen).to_json()
        data = QMimeData()
        data.setData(MIME_TYPE, text.encode("utf-8"))
        data.setText(text)
        QGuiApplication.clipboard().setMimeData(data)
        return True

    def cut_selection(self) -> None:
        if self.scene is not None and self.copy_selection():
            chart = self._document.chart
            self._push(RemovePositions(chart, subtree_ids(chart, self.scene.selected_ids())))

    def paste(self) -> None:
        """The clipboard's positions under the selected card, or in the middle of the view. The
        clipboard may hold anything: what is not a copy of positions is said, not pasted."""
        data = QGuiApplication.clipboard().mimeData()
        if self.scene is None or data is None:
            return
        text = (bytes(data.data(MIME_TYPE).data()).decode("utf-8", "replace") if data.hasFormat(MIME_TYPE)
                else data.text())
        try:
            fragment = Fragment.from_json(text)
        except ValueError as exc:
            self._refuse(self.tr("The clipboard holds no positions to paste ({problem})").format(problem=exc))
            return
        chosen = self.scene.selected_ids()
        manager = chosen[0] if len(chosen) == 1 else None
        if manager is not None:
            at = self._free_slot(manager, ())
        else:
            centre = self.view.mapToScene(self.view.viewport().rect().center())
            width, height = fragment.size
            at = (centre.x() - (width + CARD_WIDTH) / 2, centre.y() - (height + CARD_HEIGHT) / 2)
        command = PastePositions(self._document.chart, fragment, manager, at)
        if self._push(command):
            self.select_positions(command.added_ids)

    def duplicate_selection(self) -> None:
        if self.scene is None or not (chosen := self.scene.selected_ids()):
            return
        command = DuplicateSubtrees(self._document.chart, chosen)
        if self._push(command):
            self.select_positions(command.added_ids)

    def toggle_collapse(self) -> None:
        if self.scene is not None:
            for position_id in self.scene.selected_ids():
                self.scene.toggle_collapsed(position_id)

    def _expand_all(self) -> None:
        if self.scene is not None:
            self.scene.expand_all()

    def lay_out(self) -> None:
        chart = self._document.chart
        placed = layout_chart(chart)
        moved = {p: xy for p, xy in placed.items() if chart.position_xy(p) != xy}
        if moved:
            self._document.stack.push(MovePositions(chart, moved))
        self.view.fit()

    def lay_out_agency(self, agency_id: str | None) -> None:
        """One agency laid out where it stands (the selected card's, or the selected header's)."""
        if self.scene is None:
            return
        chart = self._document.chart
        if agency_id is None:
            agency_id = self.scene.selected_agency()
            chosen = self.scene.selected_ids()
            if agency_id is None and chosen:
                agency_id = chart.position(chosen[0]).agency
        if agency_id is None:
            self._refuse(self.tr("Select a card or the header of the agency to lay out."))
            return
        placed = layout_agency(chart, agency_id)
        moved = {p: xy for p, xy in placed.items() if chart.position_xy(p) != xy}
        if moved:
            self._push(MovePositions(chart, moved))

    def _selection_changed(self) -> None:
        if self.scene is None or not shiboken6.isValid(self.scene):  # the scene goes before the window
            return
        chosen = self.scene.selected_ids()
        self.export_agency_image_action.setEnabled(exporting.selected_agency(self.scene) is not None)
        self.properties.show_position(self._document.chart, chosen[0] if len(chosen) == 1 else None)
        agency = self.scene.selected_agency()
        if agency is not None:
            self.show_agency(agency)
        elif len(chosen) == 1 and (agency := self._document.chart.position(chosen[0]).agency) is not None:
            self.agency_panel.show_agency(self._document.chart, agency)

    def show_agency(self, agency_id: str) -> None:
        """The agency in its panel, brought to the front (a header clicked, "Edit the agency")."""
        self.agency_panel.show_agency(self._document.chart, agency_id)
        self.agency_dock.show()
        self.agency_dock.raise_()

    def _agency_edited(self, agency: Agency) -> None:
        chart = self._document.chart
        if self.agency_panel.chart is chart and chart.agency(agency.id) is not None:
            self._push(EditAgency(chart, agency))

    def edit_parameters(self) -> None:
        chart = self._document.chart
        dialog = ParametersDialog(chart.parameters, self._lang, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.overrides() != dict(chart.parameters):
            self._push(EditParameters(chart, dialog.overrides()))

    def _position_edited(self, position: Position) -> None:
        if self.properties.chart is self._document.chart and self._document.chart.has_position(position.id):
            self._document.stack.push(EditPosition(self._document.chart, position))

    def _cards_dropped(self, moved: dict[str, XY], previous: dict[str, XY]) -> None:
        self._document.stack.push(MovePositions(self._document.chart, moved, previous))

    def _history_clicked(self, row: int) -> None:
        if row >= 0 and row != self._document.stack.index:
            self._document.stack.set_index(row)

    @property
    def document(self) -> Document:
        return self._document

    def switch_scenario(self, name: str) -> None:
        """Shows a scenario, switching first unless the document already has (after the shown
        scenario was deleted in the scenarios panel)."""
        if not name:
            return
        self.inline_editor.commit()
        if name != self._document.current_scenario:
            self._document.switch_to(name)
        if self.scene is None or self.scene.chart is not self._document.chart:
            self._show_chart()

    def new_project(self) -> None:
        if not self._may_discard():
            return
        name, accepted = QInputDialog.getText(self, self.tr("New project"), self.tr("Name of the organisation:"))
        if not accepted:
            return
        try:
            document = Document.new(name, "Existant" if self._lang == "fr" else "Current")
        except ProjectEditError as exc:
            QMessageBox.warning(self, self.tr("Cannot create the project"), plain(exc.label.in_(self._lang)))
            return
        self._replace_document(document)

    def open_demo(self) -> None:
        if self._may_discard():
            self._replace_document(Document(demo_project()))

    def import_scenario_json(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import a scenario"), "", _JSON_FILTER)
        if not chosen:
            return
        try:
            name = self._document.import_scenario(Path(chosen))
        except InputError as exc:
            QMessageBox.warning(self, self.tr("Cannot import the scenario"), plain("\n".join(exc.lines)))
            return
        self._refill_scenario_combo()
        self.switch_scenario(name)

    def import_hr_extract(self) -> None:
        """A CSV or workbook from the HR system, set up in the import dialog, as a new scenario."""
        dialog = ImportDialog(self._document, self._lang, self)
        try:
            accepted = dialog.choose_file() and dialog.exec() == QDialog.DialogCode.Accepted
            scenario = dialog.scenario() if accepted else None
        finally:
            dialog.deleteLater()  # it holds the whole extract: not kept until the window closes
        if scenario is None:
            return
        try:
            name = self._document.add_imported_scenario(scenario)
        except ProjectEditError as exc:
            QMessageBox.warning(self, self.tr("Cannot import the extract"), plain(exc.label.in_(self._lang)))
            return
        self._refill_scenario_combo()
        self.switch_scenario(name)

    def export_scenario_json(self) -> None:
        name = self._document.current_scenario
        suggested = name.replace("/", "-") + ".json"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the scenario"), suggested, _JSON_FILTER)
        if not chosen:
            return
        try:
            self._document.export_scenario(name, Path(chosen))
        except OSError as exc:
            QMessageBox.critical(self, self.tr("Cannot export the scenario"),
                                 plain(f"{chosen}: {exc.strerror or exc}"))

    def export_pdf(self) -> None:
        """The committee's document: options and the page grid in a dialog, then the file."""
        chart = self._document.chart
        selected = exporting.selected_agency(self.scene) if self.scene is not None else None
        dialog = PdfExportDialog(chart, self._document.organisation_name, self._document.current_scenario,
                                 self._lang, selected, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        suggested = f"{self._document.current_scenario.replace('/', '-')}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), suggested, "PDF (*.pdf)")
        if not chosen:
            return
        path = Path(chosen)
        try:
            summary = write_pdf(chart, self._document.validate(), self._document.organisation_name, path,
                                dialog.options(), datetime.date.today())
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.critical(self, self.tr("Cannot export the PDF"), plain(f"{path}: {reason}"))
            return
        self.statusBar().showMessage(self.tr("%n page(s) written to {file}", "", summary.pages).format(file=path.name),
                                     8000)

    def edit_preferences(self) -> None:
        PreferencesDialog(self._lang, parent=self).exec()

    def _open_recent(self, path: Path) -> None:
        if self._may_discard():
            self.open_path(path)

    def open_file(self) -> None:
        if not self._may_discard():
            return
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Open a project"), "", _FILE_FILTER)
        if chosen:
            self.open_path(Path(chosen))

    def open_path(self, path: Path) -> bool:
        claim = self._claim(path)
        if claim is None:
            return False
        lock, read_only = claim
        backups: list[Path] = []
        try:
            document = Document.open(path, backups.append)
        except InputError as exc:
            if lock is not None and lock is not self._lock:
                lock.release()
            QMessageBox.warning(self, self.tr("Cannot open the project"), plain("\n".join(exc.lines)))
            return False
        self._replace_document(document, lock, read_only)
        self._recent.add(path)
        for backup in backups:
            QMessageBox.information(self, self.tr("Project upgraded"), plain(self.tr(
                "This project was written by an older version of OrgDesigner and has been upgraded to this "
                "version's format. The file as it was is kept beside it: {backup}").format(backup=backup)))
        return True

    def save(self) -> bool:
        if isinstance(self._document.store, SharedStore):
            return self._save_shared()
        if self._document.path is None or self._read_only:
            return self.save_as()
        return self.save_to(self._document.path)

    def open_shared_repository(self) -> None:
        repository = self.shared.choose_repository()
        if repository is not None:
            self.open_repository(repository)

    def open_repository(self, repository: Repository) -> bool:
        """The repository's project chooser (`orgdesigner --repository`, File > Open a shared
        repository), then the project chosen, in place of the open one."""
        if not self._may_discard():
            return False
        document = self.shared.choose_project(repository)
        if document is None:
            return False
        self._replace_document(document)
        return True

    def _save_shared(self) -> bool:
        """Per scenario, over the versions loaded (app/shared.py); a conflict's resolution may have
        renamed scenarios or replaced the one shown, so both are shown again."""
        self.inline_editor.commit()
        saved = self.shared.save(self._document)
        self._refill_scenario_combo()
        if self.scene is None or self.scene.chart is not self._document.chart:
            self._show_chart()
        return saved

    def _keep_after_lost_connection(self) -> None:
        """A save found the repository's server gone. The work stays here, modified, and goes to the
        recovery file at once rather than at the next autosave; then the user is told what to do."""
        self._recovery_step(self.recovery.write)
        QMessageBox.warning(self, self.tr("Connection lost"), self.tr(
            "The connection to the server is lost; your changes are kept in the window and in a recovery file. "
            "Try saving again when the server can be reached."))

    def save_as(self) -> bool:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the project as"), "", _FILE_FILTER)
        return bool(chosen) and self.save_to(Path(chosen))

    def save_to(self, path: Path) -> bool:
        """Saves, keeping the work open and modified when the file cannot be written (a full disk, a
        read-only folder: storage leaves the old file whole); the saved file's lock is held after."""
        self.inline_editor.commit()  # a name still being typed is part of what the user saves
        go, lock = self._lock_to_save(path)
        if not go:
            return False
        try:
            self._document.save(path)
        except ProjectFileError as exc:
            if lock is not None and lock is not self._lock:
                lock.release()
            QMessageBox.critical(self, self.tr("Cannot save"), plain(str(exc) + "\n\n" +
                                 self.tr("Your work is still open: save it elsewhere.")))
            return False
        self._hold(lock, read_only=False)
        self._recent.add(path)
        return True

    def _may_discard(self) -> bool:
        self.inline_editor.commit()
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
        # A clean close: nothing is left to recover, and the project is free for others.
        self.autosave_timer.stop()
        self.recovery.discard()
        self._hold(None, self._read_only)
        event.accept()
