"""The comparison window's tables: the position changes, each agency's figures before and after, the
findings resolved and introduced, and the guarding notices. Each only shows what compare/ and
io/diff_output worked out, worded as the text report and the PDF word it, and says what the user
picked (a position, an agency, the positions of a finding or a notice) for the window to show.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import palette
from orgdesigner.compare.positions import CHANGE_KINDS, ChangeKind
from orgdesigner.compare.scenario_diff import ScenarioDiff
from orgdesigner.io.diff_output import (
    CHANGE_LABELS,
    CHANGE_SIGNS,
    FIGURES,
    WORDS,
    change_lines,
    figure_text,
    finding_place,
    other_change_lines,
)
from orgdesigner.model.labels import Lang
from orgdesigner.rules.findings import Finding
from orgdesigner.ui.plain import plain

_SORT_KEY = Qt.ItemDataRole.UserRole + 1
_ID = Qt.ItemDataRole.UserRole
_KIND = Qt.ItemDataRole.UserRole + 2
CHANGED_CELL = "#fff3cd"  # a figure that changed: pale amber behind bold text
NEW_AGENCY = "#e3f4ec"
GONE_AGENCY = "#fde7e7"
_GOOD, _BAD = "#2e7d32", "#c62828"


def change_icon(kind: ChangeKind) -> QIcon:
    """The kind's tag as the chart draws it: its sign, white on its colour."""
    pixmap = QPixmap(18, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(palette.CHANGE_COLOURS[kind]))
    painter.drawRoundedRect(QRectF(0.5, 0.5, 17.0, 15.0), 4.0, 4.0)
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0.0, 0.0, 18.0, 16.0), Qt.AlignmentFlag.AlignCenter, CHANGE_SIGNS[kind])
    painter.end()
    return QIcon(pixmap)


class _Cell(QTableWidgetItem):
    """A read-only cell that sorts by the key it is given (the kinds in their order, not their signs
    in code-point order), else by its text."""

    def __init__(self, text: str, sort_key: str | int | None = None) -> None:
        super().__init__(text)
        self.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.setData(_SORT_KEY, sort_key if sort_key is not None else text.casefold())

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(_SORT_KEY), other.data(_SORT_KEY)
        if isinstance(mine, type(theirs)):
            return bool(mine < theirs)
        return super().__lt__(other)


def _first_cell(table: QTableWidget, row: int, role: int) -> object:
    """What a row's first cell holds: where the rows keep their id, wherever sorting moved them."""
    item = table.item(row, 0)
    return item.data(role) if item is not None else None


def _table(columns: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    return table


class ChangesPanel(QWidget):
    """Every position change, one row each (sign and kind, id, agency, what changed), sortable, and
    filtered by kind with the tick boxes, which count each kind."""

    position_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filters: dict[ChangeKind, QCheckBox] = {}
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:"), self))
        for kind in CHANGE_KINDS:
            box = QCheckBox(self)
            box.setIcon(change_icon(kind))
            box.setChecked(True)
            box.toggled.connect(self._apply_filter)
            filters.addWidget(box)
            self.filters[kind] = box
        filters.addStretch(1)
        self.table = _table([self.tr("Change"), self.tr("Position"), self.tr("Agency"), self.tr("What changed")],
                            self)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # the kinds in their order, as the report lists them
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self.table.cellClicked.connect(lambda row, _column: self._chosen(row))
        self.table.currentCellChanged.connect(lambda row, _column, _old_row, _old_column: self._chosen(row))

    def show_diff(self, diff: ScenarioDiff, lang: Lang) -> None:
        agency_names = {a.id: a.name for s in (diff.before, diff.after) for a in s.agencies}
        places = {p.id: agency_names.get(p.agency or "", WORDS["head_office"].in_(lang))
                  for s in (diff.before, diff.after) for p in s.positions}
        lines = change_lines(diff, lang)
        table = self.table
        table.blockSignals(True)
        table.setSortingEnabled(False)
        table.setRowCount(len(lines))
        for row, (kind, position_id, text) in enumerate(lines):
            change = _Cell(f"{CHANGE_SIGNS[kind]} {CHANGE_LABELS[kind].in_(lang)}", CHANGE_KINDS.index(kind))
            change.setForeground(QBrush(QColor(palette.CHANGE_COLOURS[kind])))
            change.setData(_ID, position_id)
            change.setData(_KIND, kind)
            cells = [change, _Cell(position_id), _Cell(places[position_id]), _Cell(text)]
            cells[3].setToolTip(plain(text))
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        table.setSortingEnabled(True)
        table.blockSignals(False)
        counts = {kind: sum(1 for k, _, _ in lines if k == kind) for kind in CHANGE_KINDS}
        for kind, box in self.filters.items():
            box.setText(f"{CHANGE_LABELS[kind].in_(lang)} ({counts[kind]})")
        self._apply_filter()

    def visible_ids(self) -> list[str]:
        """The ids of the rows shown, top to bottom (for tests, as a reader reads them)."""
        return [self.position_at(row) for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)]

    def position_at(self, row: int) -> str:
        return str(_first_cell(self.table, row, _ID))

    def row_of(self, position_id: str) -> int:
        return next(row for row in range(self.table.rowCount()) if self.position_at(row) == position_id)

    def _apply_filter(self) -> None:
        shown = {kind for kind, box in self.filters.items() if box.isChecked()}
        for row in range(self.table.rowCount()):
            self.table.setRowHidden(row, _first_cell(self.table, row, _KIND) not in shown)

    def _chosen(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.position_chosen.emit(self.position_at(row))


class AgencyDeltasTable(QTableWidget):
    """One row per agency, in the chart's order: each figure of io/diff_output.FIGURES, "old → new" in
    bold on a pale ground where it changed, then the findings resolved and introduced there."""

    agency_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                   | Qt.TextFlag.TextWordWrap)
        self.cellClicked.connect(lambda row, _column: self._chosen(row))
        self.currentCellChanged.connect(lambda row, _column, _old_row, _old_column: self._chosen(row))

    def show_diff(self, diff: ScenarioDiff, lang: Lang) -> None:
        columns = [WORDS["agencies"].in_(lang), *(f.label.in_(lang) for f in FIGURES),
                   WORDS["resolved"].in_(lang), WORDS["introduced"].in_(lang)]
        self.blockSignals(True)
        self.clear()
        self.setColumnCount(len(columns))
        self.setHorizontalHeaderLabels(columns)
        self.setRowCount(len(diff.agencies))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, delta in enumerate(diff.agencies):
            state, ground = ((WORDS["new_agency"], NEW_AGENCY) if delta.before is None else
                             (WORDS["gone_agency"], GONE_AGENCY) if delta.after is None else
                             (None if delta.changed else WORDS["unchanged"], None))
            name = _Cell(delta.name if state is None else f"{delta.name}\n({state.in_(lang)})")
            name.setData(_ID, delta.id)
            name.setFont(bold)
            if ground is not None:
                name.setBackground(QBrush(QColor(ground)))
            if not delta.changed:
                name.setForeground(QBrush(QColor(palette.CARD_MUTED_TEXT)))
            self.setItem(row, 0, name)
            for column, figure in enumerate(FIGURES, start=1):
                pair = figure.pair(delta)
                old, new = figure_text(figure, pair.before, lang), figure_text(figure, pair.after, lang)
                cell = _Cell(f"{old} → {new}" if pair.changed else new)
                cell.setToolTip(f"{figure.label.in_(lang)}\n{cell.text()}")
                if pair.changed:
                    cell.setFont(bold)
                    cell.setBackground(QBrush(QColor(CHANGED_CELL)))
                self.setItem(row, column, cell)
            for column, (found, colour) in enumerate(((delta.resolved, _GOOD), (delta.introduced, _BAD)),
                                                     start=len(FIGURES) + 1):
                count = _Cell(str(len(found)), len(found))
                count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                count.setToolTip(plain("\n\n".join(f"[{f.rule}] {f.message.in_(lang)}" for f in found)))
                if found:
                    count.setFont(bold)
                    count.setForeground(QBrush(QColor(colour)))
                self.setItem(row, column, count)
        self.blockSignals(False)
        # The figures' names are long and their values short: each name on two lines, and the long
        # values (the site management model) wrapped, so that every agency's row fits the width.
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        header.setMinimumHeight(2 * metrics.height() + 10)
        self.resizeColumnToContents(0)
        for column in range(1, self.columnCount()):
            words = columns[column].split()
            two_lines = min((max(metrics.horizontalAdvance(" ".join(words[:cut])),
                                 metrics.horizontalAdvance(" ".join(words[cut:]))) for cut in range(1, len(words))),
                            default=metrics.horizontalAdvance(columns[column])) + 28
            self.setColumnWidth(column, min(max(self.sizeHintForColumn(column), two_lines, 70), 170))
        self.resizeRowsToContents()

    def row_of(self, agency_id: str) -> int:
        return next(row for row in range(self.rowCount()) if _first_cell(self, row, _ID) == agency_id)

    def is_highlighted(self, row: int, column: int) -> bool:
        """Whether a figure is shown as changed: the pale ground, besides the arrow and the bold."""
        item = self.item(row, column)
        return item is not None and item.background().color() == QColor(CHANGED_CELL)

    def _chosen(self, row: int) -> None:
        if 0 <= row < self.rowCount():
            self.agency_chosen.emit(str(_first_cell(self, row, _ID)))


class FindingsTree(QTreeWidget):
    """The findings the target resolves, then those it introduces: rule, where, message."""

    positions_chosen = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Rule"), self.tr("Where"), self.tr("Message")])
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self._findings: list[tuple[QTreeWidgetItem, Finding]] = []
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)

    def show_diff(self, diff: ScenarioDiff, lang: Lang) -> None:
        self.clear()
        self._findings = []
        for key, findings, colour in (("resolved", diff.resolved, _GOOD), ("introduced", diff.introduced, _BAD)):
            group = QTreeWidgetItem([f"{WORDS[key].in_(lang)} ({len(findings)})"])
            group.setForeground(0, QBrush(QColor(colour)))
            self.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for finding in findings:
                message = finding.message.in_(lang)
                item = QTreeWidgetItem([finding.rule, finding_place(finding, diff, lang), message])
                item.setToolTip(2, plain(message))
                group.addChild(item)
                self._findings.append((item, finding))
            group.setExpanded(True)
        self.resizeColumnToContents(0)
        self.resizeColumnToContents(1)

    def texts(self) -> list[str]:
        """Every finding line as rule, place and message (for tests, as a reader reads them)."""
        return [" ".join(item.text(column) for column in range(3)) for item, _ in self._findings]

    def _chosen(self, item: QTreeWidgetItem) -> None:
        finding = next((f for candidate, f in self._findings if candidate is item), None)
        if finding is not None and finding.positions:
            self.positions_chosen.emit(list(finding.positions))


class OtherChangesList(QTreeWidget):
    """What changed besides the positions (parameters, agencies' own data, ensembles, dotted and
    contract links): no card shows it, yet it can resolve or raise a finding."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Where"), self.tr("What changed")])
        self.setRootIsDecorated(False)
        self.setWordWrap(True)

    def show_diff(self, diff: ScenarioDiff, lang: Lang) -> None:
        self.clear()
        for where, what in other_change_lines(diff, lang):
            item = QTreeWidgetItem([where, what])
            item.setToolTip(1, plain(what))
            self.addTopLevelItem(item)
        self.resizeColumnToContents(0)


class NoticesPanel(QWidget):
    """The guarding notices (CSI R271-3), each with a warning sign: a change the consultation council
    must hear of is a legal step, not a remark."""

    positions_chosen = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.intro)
        layout.addWidget(self.list)
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)

    def show_diff(self, diff: ScenarioDiff, lang: Lang) -> None:
        self.list.clear()
        if diff.notices:
            self.intro.setText(self.tr("Every change to the guarding of an ensemble subject to the obligation must be "
                                       "put to the tenant consultation council (CSI R271-3)."))
            self.intro.setStyleSheet(f"color: {_BAD}; font-weight: bold;")
        else:
            self.intro.setText(self.tr("No ensemble subject to the guarding obligation changes its guarding: "
                                       "nothing to put to the tenant consultation council."))
            self.intro.setStyleSheet("")
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for notice in diff.notices:
            item = QListWidgetItem(warning, notice.message.in_(lang), self.list)
            posts: set[str] = set()
            for side in (notice.before, notice.after):
                if side is not None:
                    posts |= side.arrangement.posts()
            item.setData(_ID, sorted(posts))

    def texts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _chosen(self, item: QListWidgetItem) -> None:
        posts = item.data(_ID)
        if posts:
            self.positions_chosen.emit(list(posts))
