"""Chart > Compare scenarios: two scenarios of the project side by side, for a committee.

The chart is the target with every change marked (the posts it removes ghosted where they were), or
at a keystroke the source (the posts to be created ghosted where they will be): compare/overlay lays
both out. Beside it, the position changes, each agency's figures before and after, the findings
resolved and introduced, and the notices the tenant consultation council must receive.

The window reads the project as it stands, unsaved edits included, and never edits it: its chart is
read-only. It does not follow edits live (a comparison is recomputed whole); it says when the
project has changed, and F5 computes it again.
"""

from __future__ import annotations

import dataclasses
import datetime
import html
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import palette
from orgdesigner.app.document import Document
from orgdesigner.compare.overlay import Overlay, Side, overlay
from orgdesigner.compare.positions import CHANGE_KINDS
from orgdesigner.compare.scenario_diff import ScenarioDiff
from orgdesigner.io.diff_output import CHANGE_LABELS, CHANGE_SIGNS, change_lines
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Scenario
from orgdesigner.model.labels import Lang
from orgdesigner.ui.comparison_panels import (
    AgencyDeltasTable,
    ChangesPanel,
    FindingsTree,
    NoticesPanel,
    OtherChangesList,
)
from orgdesigner.ui.items import ChangeMark
from orgdesigner.ui.pdf_dialog import PdfExportDialog
from orgdesigner.ui.plain import plain
from orgdesigner.ui.scene import ChartScene
from orgdesigner.ui.view import OVERVIEW_BELOW, ChartView

_CONTEXT = 360.0  # scene units shown round a position picked in a table: its manager and neighbours
_STALE_CHECK_MS = 400  # edits come in bursts (a drag is many): look once they pause


def _content(scenario: Scenario) -> tuple[object, ...]:
    """What a comparison depends on: not the name, not where the cards stand."""
    return scenario.parameters, scenario.agencies, scenario.positions, scenario.links


class ComparisonWindow(QMainWindow):
    def __init__(self, document: Document, before: str, after: str, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document = document
        self.pair = (before, after)
        self._lang = lang
        self._side: Side = "after"
        self._overlays: dict[Side, Overlay] = {}
        self.scene: ChartScene | None = None
        self.view = ChartView(self)
        self.notice_banner = QLabel(self)
        self.stale_banner = QLabel(self)
        for banner, colour in ((self.notice_banner, "#fdecea"), (self.stale_banner, "#e3f2fd")):
            banner.setTextFormat(Qt.TextFormat.RichText)  # for its link; a name in it is escaped
            banner.setWordWrap(True)
            banner.setContentsMargins(8, 6, 8, 6)
            banner.setStyleSheet(f"background: {colour};")
            banner.hide()
        self.changes = ChangesPanel(self)
        self.agencies = AgencyDeltasTable(self)
        self.findings = FindingsTree(self)
        self.notices = NoticesPanel(self)
        self.others = OtherChangesList(self)
        self.tabs = QTabWidget(self)
        for panel in (self.notices, self.changes, self.agencies, self.findings, self.others):
            self.tabs.addTab(panel, "")
        chart_side = QWidget(self)
        column = QVBoxLayout(chart_side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget in (self.notice_banner, self.stale_banner, self._legend(), self.view):
            column.addWidget(widget)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(chart_side)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([640, 300])
        self.setCentralWidget(splitter)
        self.notice_banner.linkActivated.connect(lambda _link: self.tabs.setCurrentWidget(self.notices))
        self.stale_banner.linkActivated.connect(lambda _link: self.refresh())
        self._build_actions()
        self.changes.position_chosen.connect(lambda position_id: self.show_positions([position_id]))
        self.findings.positions_chosen.connect(self.show_positions)
        self.notices.positions_chosen.connect(self.show_positions)
        self.agencies.agency_chosen.connect(self.show_agency)
        self._stale_check = QTimer(self)
        self._stale_check.setSingleShot(True)
        self._stale_check.setInterval(_STALE_CHECK_MS)
        self._stale_check.timeout.connect(self._check_stale)
        document.changed.connect(self._document_changed)
        self._listening = True
        self.setWindowTitle(self.tr("Comparison: {before} → {after}").format(before=before, after=after))
        self._show_diff(document.compare(before, after))
        self.resize(1500, 950)
        QTimer.singleShot(0, self.view, self.view.fit)  # once the view has its final size

    # Building ------------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        before, after = self.pair
        sides = QActionGroup(self)
        self.target_action = QAction(self.tr("Target: {name}").format(name=after), self)
        self.source_action = QAction(self.tr("Source: {name}").format(name=before), self)
        for action, side in ((self.target_action, "after"), (self.source_action, "before")):
            action.setCheckable(True)
            action.setToolTip(self.tr("Switch between the target and the source (T)"))
            action.triggered.connect(lambda _checked=False, s=side: self.show_side(s))
            sides.addAction(action)
        self.target_action.setChecked(True)
        self.toggle_action = self._action(self.tr("Show the other scenario"), self.toggle_side, "T")
        self.fit_action = self._action(self.tr("&Fit all"), lambda: self.view.fit(), "F")
        zoom_in = self._action(self.tr("Zoom &in"), lambda: self.view.zoom(1.25), QKeySequence.StandardKey.ZoomIn)
        zoom_out = self._action(self.tr("Zoom &out"), lambda: self.view.zoom(0.8), QKeySequence.StandardKey.ZoomOut)
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh)
        self.refresh_action.setToolTip(self.tr("Compute the comparison again from the project as it stands (F5)"))
        self.export_action = self._action(self.tr("Export as &PDF…"), self.export_pdf)
        self.close_action = self._action(self.tr("&Close"), self.close)
        self.close_action.setShortcuts([*QKeySequence.keyBindings(QKeySequence.StandardKey.Close),
                                        QKeySequence("Escape")])
        toolbar = self.addToolBar(self.tr("Comparison"))
        toolbar.setObjectName("comparison-toolbar")
        for action in (self.target_action, self.source_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.fit_action, zoom_in, zoom_out):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.refresh_action, self.export_action):
            toolbar.addAction(action)

    def _action(self, text: str, slot: object, shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _legend(self) -> QLabel:
        """What the marks mean, above the chart, in the chart's own colours and signs."""
        chips = " &nbsp; ".join(
            f'<span style="background:{palette.CHANGE_COLOURS[kind]}; color:#ffffff; font-weight:bold">'
            f"&nbsp;{CHANGE_SIGNS[kind]}&nbsp;</span>&nbsp;{CHANGE_LABELS[kind].in_(self._lang)}"
            for kind in CHANGE_KINDS)
        ghost = self.tr("faded and dashed: a position only the other scenario has, drawn where it stands there")
        legend = QLabel(f"{chips} &nbsp; · &nbsp; <i>{ghost}</i>", self)
        legend.setContentsMargins(8, 4, 8, 4)
        return legend

    # Showing ---------------------------------------------------------------------------------------

    def _show_diff(self, diff: ScenarioDiff) -> None:
        """Fills every part; the notices come first when there are any, a legal step before the rest,
        but a refresh leaves the user on the tab they were reading."""
        opening = self.scene is None
        self.diff = diff
        self._overlays = {}
        lang = self._lang
        self.changes.show_diff(diff, lang)
        self.agencies.show_diff(diff, lang)
        self.findings.show_diff(diff, lang)
        self.notices.show_diff(diff, lang)
        self.others.show_diff(diff, lang)
        count = len(diff.notices)
        titles = {self.notices: self.tr("Notices CSI R271-3 ({count})").format(count=count),
                  self.changes: self.tr("Position changes ({count})").format(count=len(diff.positions)),
                  self.agencies: self.tr("Agencies"),
                  self.findings: self.tr("Findings: {resolved} resolved, {introduced} introduced").format(
                      resolved=len(diff.resolved), introduced=len(diff.introduced)),
                  self.others: self.tr("Other changes ({count})").format(count=self.others.topLevelItemCount())}
        for panel, title in titles.items():
            self.tabs.setTabText(self.tabs.indexOf(panel), title)
        notices_tab = self.tabs.indexOf(self.notices)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.tabs.setTabIcon(notices_tab, warning if count else self.style().standardIcon(
            QStyle.StandardPixmap.SP_DialogApplyButton))
        self.tabs.tabBar().setTabTextColor(notices_tab, QColor("#c62828") if count else QColor())
        if opening:
            self.tabs.setCurrentWidget(self.notices if count else self.changes)
        self.notice_banner.setVisible(bool(count))
        self.notice_banner.setText(self.tr(
            "<b>⚠ %n change(s) to guarding arrangements must be put to the tenant consultation council "
            "(CSI R271-3).</b> <a href=\"notices\">See the notices</a>", "", count))
        self.stale_banner.hide()
        self.show_side(self._side)

    def show_side(self, side: Side) -> None:
        """The target or the source, at the same zoom, on the same place, with the same selection:
        every position is on both sides (as a card or as a ghost)."""
        selected = self.scene.selected_ids() if self.scene is not None else []
        anchor = self._anchor(selected)
        self._side = side
        (self.target_action if side == "after" else self.source_action).setChecked(True)
        shown = self._overlay(side)
        self._build_scene(shown)
        assert self.scene is not None
        cards = self.scene.cards()
        for position_id in selected:
            if position_id in cards:
                cards[position_id].setSelected(True)
        if anchor is not None and anchor[0] in cards:
            self.view.zoom(1.0)  # tells the new scene how far out the view is
            self.view.centerOn(cards[anchor[0]].sceneBoundingRect().center() + anchor[1])
        message = (self.tr("Target shown, {name}: the positions it removes are faded where they were. Read only.")
                   if side == "after" else
                   self.tr("Source shown, {name}: the positions the target adds are faded where they will be. "
                           "Read only."))
        self.statusBar().showMessage(message.format(name=self.pair[1] if side == "after" else self.pair[0]))

    def _overlay(self, side: Side) -> Overlay:
        """Laid out once per side and comparison: switching back and forth costs no layout."""
        if side not in self._overlays:
            self._overlays[side] = overlay(self.diff, side)
        return self._overlays[side]

    def toggle_side(self) -> None:
        self.show_side("before" if self._side == "after" else "after")

    @property
    def side(self) -> Side:
        return self._side

    def _anchor(self, selected: list[str]) -> tuple[str, QPointF] | None:
        """A position to keep in place across the switch, and the view's centre relative to it: the
        selected one, else the one nearest the middle of the view."""
        if self.scene is None:
            return None
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        cards = self.scene.cards()
        if selected:
            chosen = selected[0]
        elif cards:
            def distance(position_id: str) -> float:
                offset = cards[position_id].sceneBoundingRect().center() - centre
                return offset.x() ** 2 + offset.y() ** 2
            chosen = min(cards, key=distance)
        else:
            return None
        return chosen, centre - cards[chosen].sceneBoundingRect().center()

    def _build_scene(self, shown: Overlay) -> None:
        if self.scene is not None:
            self.scene.detach()
            self.scene.blockSignals(True)
            self.scene.deleteLater()
        scene = self.scene = ChartScene(Chart(shown.scenario), self._lang, self, read_only=True)
        diff = self.diff
        own, other = (diff.after_report, diff.before_report) if shown.side == "after" else (
            diff.before_report, diff.after_report)
        present = {s.agency.id for s in own.agencies}
        # Headers for the agencies only the other side has, so that their ghosts are named too.
        scene.set_report(dataclasses.replace(
            own, agencies=own.agencies + tuple(s for s in other.agencies if s.agency.id not in present)))
        for agency_id, header in scene.headers().items():
            if agency_id not in present:
                header.setOpacity(palette.GHOST_OPACITY)
        said: dict[str, list[str]] = {}
        for kind, position_id, text in change_lines(diff, self._lang):
            said.setdefault(position_id, []).append(f"{CHANGE_SIGNS[kind]} {text}")
        for position_id, card in scene.cards().items():
            kinds = shown.kinds.get(position_id, ())
            card.set_change(ChangeMark(kinds, tuple(CHANGE_SIGNS[k] for k in kinds), position_id in shown.ghosts))
            if kinds:
                card.setToolTip(plain("\n".join(said.get(position_id, ()))))
        for link, item in scene.link_items().items():
            if link.target in shown.ghosts:
                item.setOpacity(palette.GHOST_OPACITY)
        self.view.setScene(scene)

    def show_positions(self, position_ids: list[str]) -> None:
        """Selects positions picked in a table and brings them into view, close enough to read."""
        scene = self.scene
        if scene is None:
            return
        scene.reveal(position_ids)
        scene.clearSelection()
        area = QRectF()
        for position_id in position_ids:
            card = scene.cards().get(position_id)
            if card is not None:
                card.setSelected(True)
                area = area.united(card.sceneBoundingRect())
        if area.isEmpty():
            return
        visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        if self.view.scale_factor() < OVERVIEW_BELOW or area.width() > visible.width() or (
                area.height() > visible.height()):
            self.view.fit(area.adjusted(-_CONTEXT, -_CONTEXT / 2, _CONTEXT, _CONTEXT / 2))
        self.view.centerOn(area.center())

    def show_agency(self, agency_id: str) -> None:
        if self.scene is None:
            return
        header = self.scene.headers().get(agency_id)
        if header is not None and header.isVisible():
            self.view.fit(header.agency_box)

    # Acting -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            diff = self.document.compare(*self.pair)
        except KeyError as exc:
            QMessageBox.warning(self, self.tr("Cannot refresh the comparison"),
                                plain(self.tr("The scenario “{name}” is no longer in the project.").format(
                                    name=exc.args[0])))
            return
        self._show_diff(diff)

    def _document_changed(self, document: Document) -> None:
        if not shiboken6.isValid(self):  # deleted with the main window, without being closed
            document.changed.disconnect(self._document_changed)
            return
        self._stale_check.start()

    def _check_stale(self) -> None:
        scenarios = {s.name: s for s in self.document.to_project().scenarios}
        gone = [name for name in self.pair if name not in scenarios]
        if gone:
            text = self.tr("The scenario “{name}” is no longer in the project: this comparison shows it as it "
                           "was.").format(name=html.escape(gone[0]))
        elif (_content(scenarios[self.pair[0]]), _content(scenarios[self.pair[1]])) != (
                _content(self.diff.before), _content(self.diff.after)):
            text = self.tr("The project has changed since this comparison was made. "
                           "<a href=\"refresh\">Refresh</a> (F5)")
        else:
            self.stale_banner.hide()
            return
        self.stale_banner.setText(text)
        self.stale_banner.show()

    def export_pdf(self) -> None:
        """The committee's document: the chart export's options, with the page grid of the target's
        chart (the one the PDF draws), then the file."""
        before, after = self.pair
        dialog = PdfExportDialog(Chart(self._overlay("after").scenario), self.document.organisation_name,
                                 f"{before} → {after}", self._lang, None, self)
        dialog.findings.hide()  # a comparison's chart carries change marks, not numbered findings
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        suggested = f"{before} - {after}.pdf".replace("/", "-")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the comparison as PDF"), suggested,
                                                "PDF (*.pdf)")
        if not chosen:
            return
        # Imported here: reportlab and the fonts are not needed to look at a comparison.
        from orgdesigner.export.comparison_pdf import write_comparison_pdf

        path = Path(chosen)
        try:
            summary = write_comparison_pdf(self.diff, self.document.organisation_name, path, dialog.options(),
                                           datetime.date.today())
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.critical(self, self.tr("Cannot export the PDF"), plain(f"{path}: {reason}"))
            return
        self.statusBar().showMessage(
            self.tr("%n page(s) written to {file}", "", summary.pages).format(file=path.name), 8000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._listening:
            self.document.changed.disconnect(self._document_changed)
            self._listening = False
        self._stale_check.stop()
        if self.scene is not None:
            self.scene.detach()
            self.scene.blockSignals(True)
        event.accept()
