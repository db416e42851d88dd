"""The findings of the current scenario, grouped by agency then severity, filterable by text; a
click asks the window to select and centre the positions concerned.

A new report updates the tree in place: only the agencies whose findings (or name, or the language)
changed get their rows again, so that an edit on a large organisation costs the few rows it changed,
and the rest keeps its items, hence its filter, selection, current item and folding. The rows given
again keep the folding and selection of those they replace."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from orgdesigner import palette
from orgdesigner.model.labels import Lang
from orgdesigner.rules.engine import Report
from orgdesigner.rules.findings import SEVERITY_LABELS, Finding, Severity
from orgdesigner.ui.plain import plain


@dataclass(eq=False)
class _Group:
    """One agency's rows (head office: None), and what they were made from."""

    item: QTreeWidgetItem
    title: str
    findings: tuple[Finding, ...]
    lang: Lang
    severities: dict[Severity, QTreeWidgetItem] = field(default_factory=dict)
    rows: list[tuple[QTreeWidgetItem, Finding]] = field(default_factory=list)


@dataclass
class _Kept:
    """The state of a group's rows about to be made again: which severities were folded, which rows
    selected, which one was current."""

    folded: set[Severity] = field(default_factory=set)
    selected: list[Finding | Severity] = field(default_factory=list)
    current: Finding | Severity | None = None


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
        self._groups: dict[str | None, _Group] = {}  # in the tree's order
        self._filter.textChanged.connect(self._apply_filter)
        self._tree.itemClicked.connect(self._chosen)
        self._tree.itemActivated.connect(self._chosen)

    def show_report(self, report: Report, lang: Lang, head_office: str) -> None:
        names = {s.agency.id: s.agency.name for s in report.agencies}
        found: dict[str | None, list[Finding]] = {}
        for finding in report.findings:  # an agency's findings come together, in report order
            found.setdefault(finding.agency, []).append(finding)
        groups: dict[str | None, _Group] = {}
        kept: dict[str | None, _Kept] = {}
        for agency, findings in found.items():
            title, ordered = names.get(agency or "", head_office), tuple(findings)
            group = self._groups.get(agency)
            if group is None:
                group = _Group(QTreeWidgetItem(), title, ordered, lang)
            elif (group.title, group.findings, group.lang) != (title, ordered, lang):
                kept[agency] = self._take_rows(group)
                group.title, group.findings, group.lang = title, ordered, lang
            groups[agency] = group
        self._place(groups)
        needle = self._needle()
        for agency, group in groups.items():
            if not group.rows:
                self._fill(group, needle, kept.get(agency))
        self._groups = groups
        self._items = [row for group in groups.values() for row in group.rows]

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

    def _place(self, groups: dict[str | None, _Group]) -> None:
        """Puts the agencies' items in the tree in the report's order, removing those with no finding
        left; the items kept stay where they are, with their state."""
        tree = self._tree
        if list(groups) == list(self._groups):
            return
        for agency, group in self._groups.items():
            if agency not in groups:
                tree.takeTopLevelItem(tree.indexOfTopLevelItem(group.item))
        for index, group in enumerate(groups.values()):
            item = group.item
            if tree.topLevelItem(index) is item:
                continue
            if item.treeWidget() is tree:  # kept, but the order changed (agencies are never reordered)
                folded = {s for s, severity_item in group.severities.items() if not severity_item.isExpanded()}
                expanded = item.isExpanded()
                tree.takeTopLevelItem(tree.indexOfTopLevelItem(item))
                tree.insertTopLevelItem(index, item)
                item.setExpanded(expanded)
                for severity, severity_item in group.severities.items():
                    severity_item.setExpanded(severity not in folded)
            else:
                tree.insertTopLevelItem(index, item)
                item.setExpanded(True)

    def _take_rows(self, group: _Group) -> _Kept:
        """Takes an agency's rows out of the tree; returns their state, for `_fill`."""
        kept = _Kept()
        current = self._tree.currentItem()
        for severity, severity_item in group.severities.items():
            if not severity_item.isExpanded():
                kept.folded.add(severity)
            if severity_item.isSelected():
                kept.selected.append(severity)
            if severity_item is current:
                kept.current = severity
        for row, finding in group.rows:
            if row.isSelected():
                kept.selected.append(finding)
            if row is current:
                kept.current = finding
        group.item.takeChildren()
        group.severities, group.rows = {}, []
        return kept

    def _fill(self, group: _Group, needle: str, kept: _Kept | None) -> None:
        """Makes an agency's rows, filtered as the others, folded and selected as the rows they
        replace were."""
        lang = group.lang
        counts: dict[Severity, int] = {}
        for finding in group.findings:
            severity_item = group.severities.get(finding.severity)
            if severity_item is None:
                severity_item = QTreeWidgetItem()
                severity_item.setForeground(0, QBrush(QColor(palette.SEVERITY_COLOURS[finding.severity])))
                group.severities[finding.severity] = severity_item
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
            text = f"[{finding.rule}] {finding.message.in_(lang)}"
            item = QTreeWidgetItem([text])
            item.setToolTip(0, plain(finding.message.in_(lang)))
            severity_item.addChild(item)
            group.rows.append((item, finding))
        group.item.setText(0, f"{group.title} ({len(group.findings)})")
        for severity, severity_item in group.severities.items():
            severity_item.setText(0, f"{SEVERITY_LABELS[severity].in_(lang)} ({counts[severity]})")
        group.item.addChildren(list(group.severities.values()))
        if needle:  # once in the tree: hiding is the view's business
            for item, _ in group.rows:
                item.setHidden(needle not in item.text(0).lower())
        folded = kept.folded if kept is not None else set()
        for severity, severity_item in group.severities.items():
            severity_item.setExpanded(severity not in folded)
        if kept is not None and (kept.selected or kept.current is not None):
            self._restore(group, kept)

    def _restore(self, group: _Group, kept: _Kept) -> None:
        """Selects the new rows of what was selected before (the same finding, else one of the same
        rule on the same positions and subject; the same severity), and makes current the one that was."""
        def row_of(wanted: Finding | Severity) -> QTreeWidgetItem | None:
            if not isinstance(wanted, Finding):
                return group.severities.get(wanted)
            same = next((item for item, f in group.rows if f == wanted), None)
            return same or next((item for item, f in group.rows if (f.rule, f.positions, f.subject)
                                 == (wanted.rule, wanted.positions, wanted.subject)), None)

        tree = self._tree
        if kept.current is not None and (current := row_of(kept.current)) is not None:
            tree.setCurrentItem(current, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        for wanted in kept.selected:
            if (row := row_of(wanted)) is not None:
                row.setSelected(True)

    def _needle(self) -> str:
        return self._filter.text().strip().lower()

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for item, _ in self._items:
            item.setHidden(bool(needle) and needle not in item.text(0).lower())

    def _chosen(self, item: QTreeWidgetItem) -> None:
        finding = next((f for candidate, f in self._items if candidate is item), None)
        if finding is not None and finding.positions:
            self.positions_chosen.emit(list(finding.positions))
