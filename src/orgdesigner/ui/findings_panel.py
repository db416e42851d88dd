"""The findings of the current scenario, grouped by agency then severity, filterable by text; a
click asks the window to select and centre the positions concerned."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from orgdesigner import palette
from orgdesigner.model.labels import Lang
from orgdesigner.rules.engine import Report
from orgdesigner.rules.findings import SEVERITY_LABELS, Finding
from orgdesigner.ui.plain import plain


class FindingsPanel(QWidget):
    positions_chosen = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter = QLineEdit(self)
        self._filter.setPlaceholderText(self.tr("Filter findings (rule, text)"))
        self._filter.setClearButtonEnabled(True)
        self._tree = QTreeWidget(self)
        self._tree.setHeaderHidden(True)
        self._tree.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._filter)
        layout.addWidget(self._tree)
        # The tree's items, kept here too: walking QTreeWidget children is untyped and slow.
        self._items: list[tuple[QTreeWidgetItem, Finding]] = []
        self._filter.textChanged.connect(self._apply_filter)
        self._tree.itemClicked.connect(self._chosen)
        self._tree.itemActivated.connect(self._chosen)

    def show_report(self, report: Report, lang: Lang, head_office: str) -> None:
        self._tree.clear()
        self._items = []
        names = {s.agency.id: s.agency.name for s in report.agencies}
        groups: dict[str | None, tuple[QTreeWidgetItem, list[Finding]]] = {}
        severity_groups: dict[tuple[str | None, str], tuple[QTreeWidgetItem, list[Finding]]] = {}
        for finding in report.findings:
            if finding.agency not in groups:
                agency_item = QTreeWidgetItem([names.get(finding.agency or "", head_office)])
                self._tree.addTopLevelItem(agency_item)
                groups[finding.agency] = (agency_item, [])
            agency_item, agency_findings = groups[finding.agency]
            agency_findings.append(finding)
            key = (finding.agency, finding.severity)
            if key not in severity_groups:
                severity_item = QTreeWidgetItem([SEVERITY_LABELS[finding.severity].in_(lang)])
                severity_item.setForeground(0, QBrush(QColor(palette.SEVERITY_COLOURS[finding.severity])))
                agency_item.addChild(severity_item)
                severity_groups[key] = (severity_item, [])
            severity_item, severity_findings = severity_groups[key]
            severity_findings.append(finding)
            item = QTreeWidgetItem([f"[{finding.rule}] {finding.message.in_(lang)}"])
            item.setToolTip(0, plain(finding.message.in_(lang)))
            severity_item.addChild(item)
            self._items.append((item, finding))
        for item, found in [*groups.values(), *severity_groups.values()]:
            item.setText(0, f"{item.text(0)} ({len(found)})")
            item.setExpanded(True)
        self._apply_filter(self._filter.text())

    def finding_count(self) -> int:
        return len(self._items)

    def visible_texts(self) -> list[str]:
        """The texts of the findings shown now (for tests and screen readers' users alike)."""
        return [item.text(0) for item, _ in self._items if not item.isHidden()]

    def choose(self, text_contains: str) -> None:
        """Acts as a click on the first finding whose text contains the given text."""
        for item, _ in self._items:
            if text_contains in item.text(0):
                self._chosen(item)
                return

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for item, _ in self._items:
            item.setHidden(bool(needle) and needle not in item.text(0).lower())

    def _chosen(self, item: QTreeWidgetItem) -> None:
        finding = next((f for candidate, f in self._items if candidate is item), None)
        if finding is not None and finding.positions:
            self.positions_chosen.emit(list(finding.positions))
