"""Chart > Compare scenarios: which two scenarios, then their comparison window, one per pair."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.app.document import Document
from orgdesigner.model.labels import Lang
from orgdesigner.ui.comparison_window import ComparisonWindow


class ScenarioPairDialog(QDialog):
    """Which two scenarios: the source (what exists) and the target (what is proposed)."""

    def __init__(self, names: tuple[str, ...], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare scenarios"))
        self.source = QComboBox(self)
        self.target = QComboBox(self)
        self.source.addItems(list(names))
        self.target.addItems(list(names))
        self.source.setCurrentIndex(0)
        self.target.setCurrentText(current if current != names[0] else names[1])
        swap = QPushButton(self.tr("S&wap"), self)
        swap.clicked.connect(self.swap)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Compare"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Source (existing):"), self.source)
        form.addRow(self.tr("Target (proposed):"), self.target)
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addWidget(swap)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        for combo in (self.source, self.target):
            combo.currentIndexChanged.connect(self._check)
        self._check()

    def pair(self) -> tuple[str, str]:
        return self.source.currentText(), self.target.currentText()

    def swap(self) -> None:
        source, target = self.pair()
        self.source.setCurrentText(target)
        self.target.setCurrentText(source)

    def _check(self) -> None:
        source, target = self.pair()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(source != target)


def open_comparison(parent: QWidget, document: Document, lang: Lang) -> ComparisonWindow | None:
    """Asks for the two scenarios, then shows their comparison: the one already open for that pair,
    computed again, rather than a second window on the same pair."""
    names = document.scenario_names
    if len(names) < 2:
        return None
    dialog = ScenarioPairDialog(names, document.current_scenario, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    before, after = dialog.pair()
    for shown in parent.findChildren(ComparisonWindow):
        if shown.document is document and shown.pair == (before, after) and shown.isVisible():
            shown.refresh()
            shown.raise_()
            shown.activateWindow()
            return shown
    window = ComparisonWindow(document, before, after, lang, parent)
    window.show()
    return window


